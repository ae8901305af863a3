package org.shapescope.app.ui.views;

import org.jfree.chart.ui.Drawable;
import org.shapescope.app.explorer.ExplorerModel;
import org.shapescope.viewer.ProjectionView;
import org.shapescope.viewer.data.Projection;
import org.shapescope.viewer.figure.FigureStyle;
import org.shapescope.viewer.figure.ProjectionFigure;

/** PCA of the selected cell's hidden states; exports add the explained-variance spectrum. */
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
        return new ProjectionFigure(projection).colourBy(in.colourBy()).style(style).composite();
    }

    @Override
    public ViewPane createPane(ExplorerModel model) {
        ProjectionView view = new ProjectionView();
        view.projectionProperty().bind(model.projectionProperty());
        return new ViewPane(view, null, view::exportFigure, view::setExportHandler, view::export);
    }
}
