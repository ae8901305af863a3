package org.shapescope.app.ui.views;

import javafx.scene.control.CheckBox;
import org.jfree.chart.ui.Drawable;
import org.shapescope.app.explorer.ExplorerModel;
import org.shapescope.app.ui.ModelBindings;
import org.shapescope.viewer.HeatmapView;
import org.shapescope.viewer.figure.FigureStyle;
import org.shapescope.viewer.figure.HeatmapFigure;

/** Layer × checkpoint heatmap; a click selects the cell for every view; "log step" switches x to log10(step). */
final class HeatmapPane implements ExplorerView {

    @Override
    public String id() {
        return "heatmap";
    }

    @Override
    public String title() {
        return "Heatmap";
    }

    @Override
    public double aspect() {
        return 0.62;
    }

    @Override
    public Drawable render(FigureInputs in, FigureStyle style) throws Exception {
        return new HeatmapFigure(in.grid())
                .selection(in.stepGiven() ? in.stepIdx() : -1, in.layerGiven() ? in.layerIdx() : -1)
                .logStepAxis(in.logSteps()).style(style).build();
    }

    @Override
    public ViewPane createPane(ExplorerModel model) {
        HeatmapView view = new HeatmapView();
        CheckBox logSteps = new CheckBox("log step");
        logSteps.setId("heatmap-log-steps");
        view.gridProperty().bind(model.gridProperty());
        ModelBindings.follow(view.selectedCheckpointProperty(), model.selectedCheckpointProperty(), model::selectCheckpoint);
        ModelBindings.follow(view.selectedLayerProperty(), model.selectedLayerProperty(), model::selectLayer);
        view.logStepAxisProperty().bind(logSteps.selectedProperty());
        return new ViewPane(view, logSteps, view::exportFigure, view::setExportHandler, view::export);
    }
}
