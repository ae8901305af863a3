package org.shapescope.app.ui.views;

import org.jfree.chart.ui.Drawable;
import org.shapescope.app.explorer.ExplorerModel;
import org.shapescope.app.ui.ModelBindings;
import org.shapescope.viewer.TrajectoryView;
import org.shapescope.viewer.figure.FigureStyle;
import org.shapescope.viewer.figure.TrajectoryFigure;

/**
 * The selected layer's metric over training (log step), with the loss on a second axis; compared
 * runs are overlaid at the layer of the nearest relative depth.
 */
final class TrajectoryPane implements ExplorerView {

    @Override
    public String id() {
        return "trajectory";
    }

    @Override
    public String title() {
        return "Training trajectory";
    }

    @Override
    public double aspect() {
        return 0.62;
    }

    @Override
    public Drawable render(FigureInputs in, FigureStyle style) throws Exception {
        return new TrajectoryFigure(in.grid()).layers(in.layerIdx()).loss(in.loss())
                .selectedCheckpoint(in.stepGiven() ? in.stepIdx() : -1).compareWith(in.runName(), in.compared())
                .style(style).build();
    }

    @Override
    public ViewPane createPane(ExplorerModel model) {
        TrajectoryView view = new TrajectoryView();
        view.gridProperty().bind(model.gridProperty());
        ModelBindings.compare(view.runNameProperty(), view.getComparedRuns(), model);
        view.lossProperty().bind(model.lossProperty());
        view.selectedCheckpointProperty().bind(model.selectedCheckpointProperty());
        view.selectedLayerProperty().bind(model.selectedLayerProperty());
        return new ViewPane(view, null, view::exportFigure, view::setExportHandler, view::export);
    }
}
