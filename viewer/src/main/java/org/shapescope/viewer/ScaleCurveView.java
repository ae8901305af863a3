package org.shapescope.viewer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.shapescope.viewer.data.ScaleCurve;
import org.shapescope.viewer.figure.ScaleCurveFigure;

/** Interactive {@link ScaleCurveFigure}: the selected cell's value against scale (GRIDE's ID vs n₁). */
public final class ScaleCurveView extends ChartView {

    private final ObjectProperty<ScaleCurve> curve = new SimpleObjectProperty<>(this, "curve");

    public ScaleCurveView() {
        invalidateOn(curve);
    }

    /** The curve drawn; null draws nothing. */
    public ObjectProperty<ScaleCurve> curveProperty() {
        return curve;
    }

    @Override
    protected ChartFactory snapshot() {
        ScaleCurve c = curve.get();
        return c == null || c.size() == 0 ? null : style -> new ScaleCurveFigure(c).style(style).build();
    }

    @Override
    protected String exportName() {
        return "scale-curve";
    }
}
