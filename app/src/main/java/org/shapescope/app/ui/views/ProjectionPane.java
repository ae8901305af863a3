package org.shapescope.app.ui.views;

import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import org.jfree.chart.ui.Drawable;
import org.shapescope.analysis.geometry.ProjectionAlignment;
import org.shapescope.app.ui.ModelBindings;
import org.shapescope.app.explorer.ExplorerModel;
import org.shapescope.viewer.ProjectionView;
import org.shapescope.viewer.data.Projection;
import org.shapescope.viewer.figure.FigureStyle;
import org.shapescope.viewer.figure.ProjectionFigure;

/**
 * PCA of the selected cell's hidden states; exports add the explained-variance spectrum. The
 * header's chooser frames successive checkpoints: independent PCAs, Procrustes-aligned, or one
 * common basis per layer (docs/EXPLORER.md); aligned, the axes stay fixed while scrubbing.
 */
final class ProjectionPane implements ExplorerView {

    @Override
    public String id() {
        return "projection";
    }

    @Override
    public String title() {
        return "Projection of the selected cell";
    }

    @Override
    public double aspect() {
        return 0.95;
    }

    @Override
    public Drawable render(FigureInputs in, FigureStyle style) throws Exception {
        Projection projection = in.projection();
        return new ProjectionFigure(projection).colourBy(in.colourBy()).range(in.projectionRange())
                .highlight(org.shapescope.viewer.data.TokenSearch.matches(projection, in.projectionQuery()))
                .style(style).composite();
    }

    @Override
    public ViewPane createPane(ExplorerModel model) {
        ProjectionView view = new ProjectionView();
        // the series first: the view keeps its axes and pins when the new projection belongs to it
        view.seriesProperty().bind(model.projectionSeriesProperty());
        view.projectionProperty().bind(model.projectionProperty());
        ChoiceBox<ProjectionAlignment> alignment = new ChoiceBox<>();
        alignment.setId("projection-alignment");
        alignment.getItems().setAll(ProjectionAlignment.values());
        alignment.setConverter(new StringConverter<>() {
            @Override
            public String toString(ProjectionAlignment mode) {
                return mode == null ? "" : mode.label();
            }

            @Override
            public ProjectionAlignment fromString(String label) {
                return null;
            }
        });
        alignment.setTooltip(new Tooltip("Frame of successive checkpoints' projections: independent PCAs flip and rotate; "
                + "Procrustes-aligned (to the last checkpoint) and common-basis frames keep the axes, so motion is the tokens'"));
        ModelBindings.follow(alignment.valueProperty(), model.projectionAlignmentProperty(), model::setProjectionAlignment);
        return new ViewPane(view, alignment, view::exportFigure, view::setExportHandler, view::export);
    }
}
