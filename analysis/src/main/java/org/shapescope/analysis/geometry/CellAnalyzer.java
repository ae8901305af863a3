package org.shapescope.analysis.geometry;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Computes the requested geometry measures of one cell (one layer at one checkpoint), sharing
 * work between them: one centred spectrum for the anisotropy-type measures (all finite tokens),
 * one nearest-neighbour table for TwoNN and MLE (the seeded neighbour sample). Rows with NaN or
 * infinite values are dropped and counted; a measure that cannot be defined on what is left is
 * refused with a NaN value and a note saying why, never a silent NaN.
 */
public final class CellAnalyzer {

    private CellAnalyzer() {
    }

    /**
     * The measures of the cloud {@code values} (n × d, row-major float32).
     *
     * @throws java.util.concurrent.CancellationException when {@code cancelled} turns true
     */
    public static Map<Metric, MeasureResult> analyze(float[] values, int n, int d, Set<Metric> metrics,
                                                     MeasureParameters params, BooleanSupplier cancelled) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(cancelled, "cancelled");
        if (n < 0 || d < 1 || (long) n * d != values.length) {
            throw new IllegalArgumentException("values hold " + values.length + " numbers, expected " + n + " x " + d);
        }
        Map<Metric, MeasureResult> out = new EnumMap<>(Metric.class);
        if (metrics.isEmpty()) {
            return out;
        }
        BlockWorkers.checkCancelled(cancelled);
        FiniteRows finite = FiniteRows.of(values, n, d);
        String finiteNote = finite.dropped() == 0 ? "" : "dropped " + finite.dropped() + " rows with NaN/Inf";
        SpectralMeasures.addTo(out, metrics, finite, d, finiteNote, params.threads(), cancelled);
        if (metrics.stream().anyMatch(Metric::usesNeighbourSample)) {
            NeighbourMeasures.addTo(out, metrics, finite, d, params, cancelled);
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Which kernels compute the scatter and the neighbour scan: "native BLAS (…)" when the
     * system's BLAS was found (see {@code NativeBlas}), else "pure Java".
     */
    public static String kernels() {
        return NativeBlas.describe();
    }

    /** Joins non-empty notes with "; ". */
    static String join(String a, String b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : a + "; " + b;
    }
}
