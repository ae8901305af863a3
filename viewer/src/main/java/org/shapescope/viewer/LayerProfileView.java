package org.shapescope.viewer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.shapescope.viewer.data.MetricGrid;
import org.shapescope.viewer.data.RunGrid;
import org.shapescope.viewer.figure.LayerProfileFigure;

/** Interactive {@link LayerProfileFigure}: metric against layer at the selected checkpoint. */
public final class LayerProfileView extends ChartView {

    private final ObjectProperty<MetricGrid> grid = new SimpleObjectProperty<>(this, "grid");
    private final StringProperty runName = new SimpleStringProperty(this, "runName", "");
    private final ObservableList<RunGrid> comparedRuns = FXCollections.observableArrayList();
    private final IntegerProperty selectedCheckpoint = new SimpleIntegerProperty(this, "selectedCheckpoint", -1);
    private final BooleanProperty overlayAllCheckpoints = new SimpleBooleanProperty(this, "overlayAllCheckpoints");
    private final BooleanProperty relativeDepth = new SimpleBooleanProperty(this, "relativeDepth");

    public LayerProfileView() {
        invalidateOn(grid, runName, comparedRuns, selectedCheckpoint, overlayAllCheckpoints, relativeDepth);
    }

    /** The name of the grid's run, for the legend when runs are compared. */
    public StringProperty runNameProperty() {
        return runName;
    }

    /** Other runs overlaid on this one, one colour each ({@link LayerProfileFigure#compareWith}); empty for none. */
    public ObservableList<RunGrid> getComparedRuns() {
        return comparedRuns;
    }

    public ObjectProperty<MetricGrid> gridProperty() {
        return grid;
    }

    public void setGrid(MetricGrid value) {
        grid.set(value);
    }

    /** Checkpoint whose profile is shown (highlighted when overlaying); -1 shows the last. */
    public IntegerProperty selectedCheckpointProperty() {
        return selectedCheckpoint;
    }

    /** Also draw every other checkpoint, coloured light (early) to dark (late). */
    public BooleanProperty overlayAllCheckpointsProperty() {
        return overlayAllCheckpoints;
    }

    /** x axis as layer / last layer instead of layer number. */
    public BooleanProperty relativeDepthProperty() {
        return relativeDepth;
    }

    @Override
    protected ChartFactory snapshot() {
        MetricGrid g = grid.get();
        if (g == null || g.stepCount() == 0 || g.layerCount() == 0) {
            return null;
        }
        int checkpoint = selectedCheckpoint.get() < 0 ? g.stepCount() - 1 : selectedCheckpoint.get();
        var map = getColorMap();
        boolean overlay = overlayAllCheckpoints.get();
        boolean relative = relativeDepth.get();
        String name = runName.get();
        java.util.List<RunGrid> others = java.util.List.copyOf(comparedRuns);
        return style -> new LayerProfileFigure(g, checkpoint).colorMap(map).overlayAllCheckpoints(overlay)
                .relativeDepth(relative).compareWith(name, others).style(style).build();
    }

    @Override
    protected String exportName() {
        MetricGrid g = grid.get();
        return "profile-" + (g == null ? "empty" : g.metric().replaceAll("\\W+", "-"));
    }
}
