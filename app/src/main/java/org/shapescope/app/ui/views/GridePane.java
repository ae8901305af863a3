package org.shapescope.app.ui.views;

import javafx.scene.control.Label;
import org.jfree.chart.ui.Drawable;
import org.shapescope.app.explorer.ExplorerModel;
import org.shapescope.viewer.ScaleCurveView;
import org.shapescope.viewer.figure.FigureStyle;
import org.shapescope.viewer.figure.ScaleCurveFigure;

/** GRIDE's intrinsic dimension of the selected cell against the neighbour rank n₁ (Denti et al. 2022). */
final class GridePane implements ExplorerView {

    @Override
    public String id() {
        return "gride";
    }

    @Override
    public String title() {
        return "ID vs scale (GRIDE)";
    }

    @Override
    public double aspect() {
        return 0.62;
    }

    @Override
    public Drawable render(FigureInputs in, FigureStyle style) throws Exception {
        return new ScaleCurveFigure(in.grideCurve()).style(style).build();
    }

    @Override
    public ViewPane createPane(ExplorerModel model) {
        ScaleCurveView view = new ScaleCurveView();
        view.curveProperty().bind(model.grideCurveProperty());
        Label hint = new Label("n2 = 2·n1 · bars ± 1 s.e.");
        return new ViewPane(view, hint, view::exportFigure, view::setExportHandler, view::export);
    }
}
