package org.shapescope.analysis.geometry;

import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The neighbour-based measures (TwoNN, MLE, PHD) on the seeded, de-duplicated neighbour sample;
 * TwoNN and MLE share one k-nearest-neighbour pass with k the largest either needs.
 */
final class NeighbourMeasures {

    private NeighbourMeasures() {
    }

    static void addTo(Map<Metric, MeasureResult> out, Set<Metric> metrics, FiniteRows finite, int d,
                      MeasureParameters params, BooleanSupplier cancelled) {
        NeighbourSample sample = NeighbourSample.of(finite.values(), finite.rows(), d,
                params.neighbourTokens(), params.seed());
        int rows = sample.rows();
        int dropped = finite.dropped() + sample.duplicates();
        String note = "";
        if (finite.dropped() > 0) {
            note = "dropped " + finite.dropped() + " rows with NaN/Inf";
        }
        if (sample.duplicates() > 0) {
            note = CellAnalyzer.join(note, "dropped " + sample.duplicates() + " duplicate rows");
        }
        if (rows < sample.distinct()) {
            note = CellAnalyzer.join(note, "sampled " + rows + " of " + sample.distinct() + " distinct tokens");
        }
        boolean twonn = metrics.contains(Metric.TWONN);
        boolean mle = metrics.contains(Metric.MLE);
        int kTwonn = twonn ? 2 : 0;
        int kMle = mle && rows > params.mleNeighbours() ? params.mleNeighbours() : 0;
        int k = Math.max(kTwonn, kMle);
        NeighbourTable table = null;
        if (k > 0 && rows >= TwoNearestNeighbours.MIN_POINTS && rows > k) {
            table = NearestNeighbourSearch.of(sample.values(), rows, d, k, params.threads(), cancelled);
        }
        if (twonn) {
            if (table == null) {
                out.put(Metric.TWONN, MeasureResult.refused(rows, dropped, CellAnalyzer.join(
                        "TwoNN needs at least " + TwoNearestNeighbours.MIN_POINTS + " distinct finite tokens, got " + rows, note)));
            } else {
                double v = params.twonnAuthorsPreset()
                        ? TwoNearestNeighbours.authorsPreset(table, meanCentredNorm(sample.values(), rows, d))
                        : TwoNearestNeighbours.facco(table, params.twonnDiscardFraction());
                out.put(Metric.TWONN, finiteOrRefused(v, rows, dropped, note, "TwoNN fit degenerate"));
            }
        }
        if (mle) {
            if (kMle == 0 || table == null) {
                out.put(Metric.MLE, MeasureResult.refused(rows, dropped, CellAnalyzer.join(
                        "MLE needs more than k=" + params.mleNeighbours() + " distinct finite tokens, got " + rows, note)));
            } else {
                out.put(Metric.MLE, finiteOrRefused(LevinaBickelMle.of(table, params.mleNeighbours()),
                        rows, dropped, note, "MLE degenerate"));
            }
        }
        if (metrics.contains(Metric.PHD)) {
            BlockWorkers.checkCancelled(cancelled);
            int needed = PersistentHomologyDimension.minimumPoints();
            out.put(Metric.PHD, rows < needed
                    ? MeasureResult.refused(rows, dropped, CellAnalyzer.join(
                            "PHD needs at least " + needed + " distinct finite tokens, got " + rows, note))
                    : finiteOrRefused(PersistentHomologyDimension.of(sample.values(), rows, d, params.seed(),
                            params.threads(), cancelled), rows, dropped, note, "PHD fit degenerate"));
        }
    }

    private static MeasureResult finiteOrRefused(double v, int rows, int dropped, String note, String why) {
        return Double.isFinite(v) ? new MeasureResult(v, rows, dropped, note)
                : MeasureResult.refused(rows, dropped, CellAnalyzer.join(why, note));
    }

    /** Mean Euclidean length of the column-centred rows (LLM-Microscope's scale for its ε). */
    static double meanCentredNorm(float[] x, int n, int d) {
        double[] mean = ColumnCentering.means(x, n, d);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double v = x[i * d + j] - mean[j];
                s += v * v;
            }
            sum += Math.sqrt(s);
        }
        return sum / n;
    }
}
