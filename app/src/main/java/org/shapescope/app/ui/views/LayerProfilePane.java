package org.shapescope.app.ui.views;

import javafx.scene.control.CheckBox;
import javafx.scene.layout.HBox;
import org.jfree.chart.ui.Drawable;
import org.shapescope.app.explorer.ExplorerModel;
import org.shapescope.app.ui.ModelBindings;
import org.shapescope.viewer.LayerProfileView;
import org.shapescope.viewer.figure.FigureStyle;
import org.shapescope.viewer.figure.LayerProfileFigure;

/**
 * The metric against layer at the selected checkpoint, optionally over all checkpoints or relative
 * depth; compared runs are overlaid at their checkpoint nearest the selected step.
 */
final class LayerProfilePane implements ExplorerView {

    @Override
    public String id() {
        return "profile";
    }

    @Override
    public String title() {
        return "Layer profile";
    }

    @Override
    public double aspect() {
        return 0.66;
    }

    @Override
    public Drawable render(FigureInputs in, FigureStyle style) throws Exception {
        return new LayerProfileFigure(in.grid(), in.stepIdx()).relativeDepth(in.relativeDepth())
                .compareWith(in.runName(), in.compared()).style(style).build();
    }

    @Override
    public ViewPane createPane(ExplorerModel model) {
        LayerProfileView view = new LayerProfileView();
        CheckBox overlay = new CheckBox("all checkpoints");
        CheckBox relative = new CheckBox("relative depth");
        overlay.setId("overlay-checkpoints");
        relative.setId("relative-depth");
        view.gridProperty().bind(model.gridProperty());
        ModelBindings.compare(view.runNameProperty(), view.getComparedRuns(), model);
        view.selectedCheckpointProperty().bind(model.selectedCheckpointProperty());
        view.overlayAllCheckpointsProperty().bind(overlay.selectedProperty());
        view.relativeDepthProperty().bind(relative.selectedProperty());
        return new ViewPane(view, new HBox(10, overlay, relative), view::exportFigure, view::setExportHandler,
                view::export);
    }
}
