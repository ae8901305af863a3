package org.shapescope.viewer;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.shapescope.viewer.data.LossCurve;
import org.shapescope.viewer.data.MetricGrid;
import org.shapescope.viewer.data.RunGrid;
import org.shapescope.viewer.figure.TrajectoryFigure;

/**
 * Interactive {@link TrajectoryFigure}: metric against log step for the layers in
 * {@link #getLayers()} (layer indices), or for {@link #selectedLayerProperty()} when that list
 * is empty, with the training loss on a second axis when {@link #lossProperty()} is set and a
 * marker at the selected checkpoint.
 */
public final class TrajectoryView extends ChartView {

    private final ObjectProperty<MetricGrid> grid = new SimpleObjectProperty<>(this, "grid");
    private final StringProperty runName = new SimpleStringProperty(this, "runName", "");
    private final ObservableList<RunGrid> comparedRuns = FXCollections.observableArrayList();
    private final ObjectProperty<LossCurve> loss = new SimpleObjectProperty<>(this, "loss");
    private final IntegerProperty selectedLayer = new SimpleIntegerProperty(this, "selectedLayer", -1);
    private final IntegerProperty selectedCheckpoint = new SimpleIntegerProperty(this, "selectedCheckpoint", -1);
    private final ObservableList<Integer> layers = FXCollections.observableArrayList();
    private final ObjectProperty<long[]> spikes = new SimpleObjectProperty<>(this, "spikes", new long[0]);

    public TrajectoryView() {
        invalidateOn(grid, runName, comparedRuns, loss, selectedLayer, selectedCheckpoint, layers, spikes);
    }

    /** The name of the grid's run, for the legend when runs are compared. */
    public StringProperty runNameProperty() {
        return runName;
    }

    /** Other runs overlaid on this one, one colour each ({@link TrajectoryFigure#compareWith}); empty for none. */
    public ObservableList<RunGrid> getComparedRuns() {
        return comparedRuns;
    }

    public ObjectProperty<MetricGrid> gridProperty() {
        return grid;
    }

    public void setGrid(MetricGrid value) {
        grid.set(value);
    }

    /** Training loss for the second y axis; null hides it. */
    public ObjectProperty<LossCurve> lossProperty() {
        return loss;
    }

    /** Layer index drawn when {@link #getLayers()} is empty; -1 means the last layer. */
    public IntegerProperty selectedLayerProperty() {
        return selectedLayer;
    }

    /** Checkpoint index marked by a vertical line; -1 for none. */
    public IntegerProperty selectedCheckpointProperty() {
        return selectedCheckpoint;
    }

    /** Loss-spike onset steps marked by dashed lines; empty (not null) for none. */
    public ObjectProperty<long[]> spikesProperty() {
        return spikes;
    }

    /** Layer indices to compare; empty means just the selected layer. */
    public ObservableList<Integer> getLayers() {
        return layers;
    }

    @Override
    protected ChartFactory snapshot() {
        MetricGrid g = grid.get();
        if (g == null || g.stepCount() == 0 || g.layerCount() == 0) {
            return null;
        }
        int[] shown = layers.stream().mapToInt(Integer::intValue).filter(l -> l >= 0 && l < g.layerCount()).toArray();
        if (shown.length == 0) {
            int l = selectedLayer.get();
            shown = new int[] {l >= 0 && l < g.layerCount() ? l : g.layerCount() - 1};
        }
        int[] drawn = shown;
        LossCurve curve = loss.get();
        var map = getColorMap();
        int checkpoint = selectedCheckpoint.get();
        String name = runName.get();
        java.util.List<RunGrid> others = java.util.List.copyOf(comparedRuns);
        long[] marks = spikes.get() == null ? new long[0] : spikes.get();
        return style -> new TrajectoryFigure(g).layers(drawn).loss(curve).colorMap(map)
                .selectedCheckpoint(checkpoint).compareWith(name, others).spikes(marks).style(style).build();
    }

    @Override
    protected String exportName() {
        MetricGrid g = grid.get();
        return "trajectory-" + (g == null ? "empty" : g.metric().replaceAll("\\W+", "-"));
    }
}
