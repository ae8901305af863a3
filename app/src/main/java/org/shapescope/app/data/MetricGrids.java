package org.shapescope.app.data;

import java.util.Arrays;
import java.util.Collection;
import org.shapescope.analysis.geometry.MeasureResult;
import org.shapescope.analysis.geometry.Estimator;
import org.shapescope.analysis.geometry.MeasureParameters;
import org.shapescope.analysis.grid.CellResult;
import org.shapescope.analysis.run.RunFolder;
import org.shapescope.viewer.data.MetricGrid;

/**
 * Maps the grid engine's {@link CellResult}s onto the viewer's immutable {@link MetricGrid}:
 * columns are the run's checkpoints (ascending step), rows its layers (ascending).
 */
public final class MetricGrids {
    private MetricGrids() {
    }

    /**
     * A grid of the run's shape with no value computed yet; its values will be means over
     * {@code parameters.resamples()} resamples when the metric is resampled, single estimates otherwise.
     */
    public static MetricGrid empty(RunFolder run, Estimator metric, MeasureParameters parameters) {
        return MetricGrid.empty(metric.name(), run.steps(), run.layers().stream().mapToInt(Integer::intValue).toArray(),
                resamples(metric, parameters));
    }

    /** R of the metric's spread: the parameters' resamples when the metric is resampled or bootstrapped, else 1. */
    public static int resamples(Estimator metric, MeasureParameters parameters) {
        return metric.resampled(parameters) || metric.bootstrapped() ? parameters.resamples() : 1;
    }

    /**
     * {@code grid} with the values of {@code metric} from {@code results} filled in, each with its
     * spread over resamples (NaN when it has none; one copy for the whole batch); results for cells
     * outside the grid or without the metric are skipped.
     */
    public static MetricGrid with(MetricGrid grid, Estimator metric, Collection<CellResult> results) {
        int[] stepIdx = new int[results.size()];
        int[] layerIdx = new int[results.size()];
        double[] values = new double[results.size()];
        int[] tokens = new int[results.size()];
        double[] spreads = new double[results.size()];
        int[] layers = grid.layers();
        int n = 0;
        for (CellResult result : results) {
            MeasureResult measure = result.measures().get(metric.name());
            int s = grid.indexOfStep(result.cell().step());
            int l = Arrays.binarySearch(layers, result.cell().layer());
            if (measure == null || s < 0 || l < 0) {
                continue;
            }
            stepIdx[n] = s;
            layerIdx[n] = l;
            values[n] = measure.value();
            tokens[n] = measure.tokensUsed();
            spreads[n] = measure.spread();
            n++;
        }
        if (n == 0) {
            return grid;
        }
        return grid.withBatch(Arrays.copyOf(stepIdx, n), Arrays.copyOf(layerIdx, n), Arrays.copyOf(values, n),
                Arrays.copyOf(tokens, n), Arrays.copyOf(spreads, n));
    }

    /** A grid of the run filled with {@code results} computed with {@code parameters}. */
    public static MetricGrid of(RunFolder run, Estimator metric, MeasureParameters parameters,
            Collection<CellResult> results) {
        return with(empty(run, metric, parameters), metric, results);
    }

    /** The viewer's loss curve for the run's loss.csv. */
    public static org.shapescope.viewer.data.LossCurve loss(org.shapescope.analysis.run.LossCurve loss) {
        return new org.shapescope.viewer.data.LossCurve(loss.steps(), loss.losses());
    }
}
