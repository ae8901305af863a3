package org.shapescope.app.ui;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import org.shapescope.app.explorer.ExplorerModel;
import org.shapescope.viewer.ExportRequest;
import org.shapescope.viewer.HeatmapView;
import org.shapescope.viewer.LayerProfileView;
import org.shapescope.viewer.ProjectionView;
import org.shapescope.viewer.TrajectoryView;

/**
 * The four figures, 2 × 2: heatmap (layer × checkpoint, with a log-step toggle), layer profile (with overlay and
 * relative-depth toggles), training trajectory (with the loss) and projection of the selected
 * cell. Each view only binds to the {@link ExplorerModel}; a click on the heatmap selects
 * through the model, so every view follows.
 */
final class ChartBoard extends GridPane {
    private final HeatmapView heatmap = new HeatmapView();
    private final LayerProfileView profile = new LayerProfileView();
    private final TrajectoryView trajectory = new TrajectoryView();
    private final ProjectionView projection = new ProjectionView();
    private final CheckBox overlay = new CheckBox("all checkpoints");
    private final CheckBox relative = new CheckBox("relative depth");
    private final CheckBox logSteps = new CheckBox("log step");

    ChartBoard(ExplorerModel model, Consumer<ExportRequest> exportHandler) {
        setId("charts");
        setHgap(6);
        setVgap(6);
        setPadding(new Insets(6));
        heatmap.setId("heatmap");
        profile.setId("profile");
        trajectory.setId("trajectory");
        projection.setId("projection");
        overlay.setId("overlay-checkpoints");
        relative.setId("relative-depth");
        logSteps.setId("heatmap-log-steps");

        heatmap.gridProperty().bind(model.gridProperty());
        profile.gridProperty().bind(model.gridProperty());
        trajectory.gridProperty().bind(model.gridProperty());
        trajectory.lossProperty().bind(model.lossProperty());
        projection.projectionProperty().bind(model.projectionProperty());
        ModelBindings.follow(heatmap.selectedCheckpointProperty(), model.selectedCheckpointProperty(), model::selectCheckpoint);
        ModelBindings.follow(heatmap.selectedLayerProperty(), model.selectedLayerProperty(), model::selectLayer);
        profile.selectedCheckpointProperty().bind(model.selectedCheckpointProperty());
        trajectory.selectedCheckpointProperty().bind(model.selectedCheckpointProperty());
        trajectory.selectedLayerProperty().bind(model.selectedLayerProperty());
        profile.overlayAllCheckpointsProperty().bind(overlay.selectedProperty());
        profile.relativeDepthProperty().bind(relative.selectedProperty());
        heatmap.logStepAxisProperty().bind(logSteps.selectedProperty());
        heatmap.setExportHandler(exportHandler);
        profile.setExportHandler(exportHandler);
        trajectory.setExportHandler(exportHandler);
        projection.setExportHandler(exportHandler);

        HBox profileTools = new HBox(10, overlay, relative);
        add(panel("Heatmap", heatmap, logSteps), 0, 0);
        add(panel("Layer profile", profile, profileTools), 1, 0);
        add(panel("Training trajectory", trajectory, null), 0, 1);
        add(panel("Projection of the selected cell", projection, null), 1, 1);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(50);
            column.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(column);
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(50);
            row.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(row);
        }
    }

    private static BorderPane panel(String title, Node content, Node tools) {
        Label label = new Label(title);
        label.getStyleClass().add("panel-heading");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = tools == null ? new HBox(label) : new HBox(8, label, spacer, tools);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(2, 4, 2, 4));
        BorderPane panel = new BorderPane(content);
        panel.setTop(header);
        panel.getStyleClass().add("chart-panel");
        panel.setMinSize(0, 0);
        return panel;
    }

    HeatmapView heatmap() {
        return heatmap;
    }

    LayerProfileView profile() {
        return profile;
    }

    TrajectoryView trajectory() {
        return trajectory;
    }

    ProjectionView projection() {
        return projection;
    }
}
