package org.shapescope.app.explorer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.shapescope.analysis.spikes.SpikeDetection;
import org.shapescope.analysis.spikes.SpikePrecursors;
import org.shapescope.app.data.SpikeReport;
import org.shapescope.app.task.TaskExecutor;
import org.shapescope.viewer.data.LossCurve;
import org.shapescope.viewer.data.MetricGrid;

/**
 * The explorer's loss spikes: the {@link SpikeReport} of the open run's loss curve and the
 * selected metric's grid, recomputed in the background whenever either or the detection
 * parameters change. At most one computation runs; changes during it cause one more afterwards.
 * Lives on the JavaFX thread (its properties are read and set there).
 */
public final class LossSpikes {
    private final TaskExecutor executor;
    private final ReadOnlyObjectProperty<MetricGrid> grid;
    private final ReadOnlyObjectProperty<LossCurve> loss;
    private final ReadOnlyObjectWrapper<SpikeReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ObjectProperty<SpikeDetection> detection =
            new SimpleObjectProperty<>(this, "detection", SpikeDetection.defaults());
    private boolean running;
    private boolean again;

    LossSpikes(TaskExecutor executor, ReadOnlyObjectProperty<MetricGrid> grid, ReadOnlyObjectProperty<LossCurve> loss) {
        this.executor = executor;
        this.grid = grid;
        this.loss = loss;
        grid.addListener(x -> request());
        loss.addListener(x -> request());
        detection.addListener(x -> request());
    }

    /** The spikes and the changes before them; null without a loss curve or a grid. */
    public ReadOnlyObjectProperty<SpikeReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** How spikes are found (window, k, merge gap); setting it recomputes the report. */
    public ObjectProperty<SpikeDetection> detectionProperty() {
        return detection;
    }

    private void request() {
        MetricGrid g = grid.get();
        LossCurve l = loss.get();
        if (g == null || l == null) {
            report.set(null);
            return;
        }
        if (running) {
            again = true;
            return;
        }
        running = true;
        SpikeDetection d = detection.get();
        executor.execute("Loss spikes", () -> SpikeReport.of(new org.shapescope.analysis.run.LossCurve(l.steps(), l.loss()),
                g, d, SpikePrecursors.defaults()), computed -> done(computed), failure -> done(null));
    }

    private void done(SpikeReport computed) {
        running = false;
        report.set(computed);
        if (again) {
            again = false;
            request();
        }
    }
}
