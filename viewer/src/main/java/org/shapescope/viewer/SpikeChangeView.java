package org.shapescope.viewer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.shapescope.viewer.data.SpikeChanges;
import org.shapescope.viewer.figure.SpikeChangeFigure;

/** Interactive {@link SpikeChangeFigure}: robust z of the change before each loss spike, per layer. */
public final class SpikeChangeView extends ChartView {
    private final ObjectProperty<SpikeChanges> changes = new SimpleObjectProperty<>(this, "changes");

    public SpikeChangeView() {
        invalidateOn(changes);
    }

    /** What to draw; null draws nothing. */
    public ObjectProperty<SpikeChanges> changesProperty() {
        return changes;
    }

    @Override
    protected ChartFactory snapshot() {
        SpikeChanges c = changes.get();
        if (c == null || c.layers().length == 0) {
            return null;
        }
        var map = getColorMap();
        return style -> new SpikeChangeFigure(c).colorMap(map).style(style).build();
    }

    @Override
    protected String exportName() {
        SpikeChanges c = changes.get();
        return "spikes-" + (c == null ? "empty" : c.metric().replaceAll("\\W+", "-"));
    }
}
