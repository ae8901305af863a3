package org.shapescope.analysis.geometry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Computes the requested estimators on one cell (one layer at one checkpoint), sharing their work
 * through {@link CellInputs}: one centred spectrum for the spectral measures (all finite tokens),
 * one nearest-neighbour table for TwoNN and MLE (the seeded neighbour sample). Rows with NaN or
 * infinite values are dropped and counted; a measure that cannot be defined on what is left is
 * refused with a NaN value and a note saying why, never a silent NaN.
 */
public final class CellAnalyzer {

    private CellAnalyzer() {
    }

    /**
     * The measures of the cloud {@code values} (n × d, row-major float32), by estimator name, in
     * the order of {@code estimators}. With {@link MeasureParameters#resamples()} R &gt; 1 the
     * {@linkplain Estimator#resampled resampled} ones are computed R times, with seeds seed … seed + R − 1,
     * each exactly as a single analysis with that seed would, and reported as mean ± standard deviation;
     * the {@linkplain Estimator#bootstrapped bootstrapped} ones keep their value on all rows and get the
     * standard deviation over R bootstrap replicates of the finite rows (seeds seed … seed + R − 1).
     *
     * @throws java.util.concurrent.CancellationException when {@code cancelled} turns true
     */
    public static Map<String, MeasureResult> analyze(float[] values, int n, int d, List<Estimator> estimators,
                                                     MeasureParameters params, BooleanSupplier cancelled) {
        return analyze(values, n, d, null, estimators, params, cancelled);
    }

    /**
     * As above, with the checkpoint's next layer over the same tokens for the estimators that need
     * {@link Estimator.CellInput#NEXT_LAYER} ({@code next} null: there is none, they are refused).
     */
    public static Map<String, MeasureResult> analyze(float[] values, int n, int d, NextLayer next,
                                                     List<Estimator> estimators, MeasureParameters params,
                                                     BooleanSupplier cancelled) {
        return analyze(values, n, d, next, estimators, params, Map.of(), cancelled);
    }

    /**
     * As above, given some {@linkplain Estimator#bootstrapped bootstrapped} estimators' values on all
     * rows already ({@code known}, by name: what this method returns for them at one resample with the
     * same other parameters, e.g. from a first pass that showed the values before their spreads): they
     * are not computed again, only their bootstrap replicates. The result equals that of computing
     * everything. A known value of an estimator that is not bootstrapped is ignored (its value with
     * R resamples is a mean over them, not the one-resample value).
     */
    public static Map<String, MeasureResult> analyze(float[] values, int n, int d, NextLayer next,
                                                     List<Estimator> estimators, MeasureParameters params,
                                                     Map<String, MeasureResult> known, BooleanSupplier cancelled) {
        Objects.requireNonNull(known, "known");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(estimators, "estimators");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(cancelled, "cancelled");
        if (n < 0 || d < 1 || (long) n * d != values.length) {
            throw new IllegalArgumentException("values hold " + values.length + " numbers, expected " + n + " x " + d);
        }
        Map<String, MeasureResult> out = new LinkedHashMap<>();
        if (estimators.isEmpty()) {
            return out;
        }
        int resamples = params.resamples();
        MeasureParameters single = params.withResamples(1);
        List<Estimator> resampled = resamples == 1 ? List.of() : estimators.stream().filter(e -> e.resampled(params)).toList();
        CellInputs cell = new CellInputs(values, n, d, next, estimators, single, cancelled);
        Map<String, List<MeasureResult>> draws = new LinkedHashMap<>();
        for (Estimator estimator : estimators) {
            MeasureResult given = estimator.bootstrapped() && !resampled.contains(estimator) ? known.get(estimator.name()) : null;
            MeasureResult result = given != null ? given : estimator.compute(cell, single);
            out.put(estimator.name(), result);
            if (resampled.contains(estimator)) {
                draws.computeIfAbsent(estimator.name(), name -> new ArrayList<>()).add(result);
            }
        }
        if (!resampled.isEmpty()) {
            boolean whole = cell.sampleHoldsEveryDistinctRow();
            for (int r = 1; r < resamples; r++) {
                MeasureParameters seeded = single.withSeed(params.seed() + r);
                CellInputs draw = new CellInputs(values, n, d, next, resampled, seeded, cancelled);
                for (Estimator estimator : resampled) {
                    draws.get(estimator.name()).add(estimator.compute(draw, seeded));
                }
                whole &= draw.sampleHoldsEveryDistinctRow();
            }
            for (Map.Entry<String, List<MeasureResult>> entry : draws.entrySet()) {
                out.put(entry.getKey(), Resamples.combine(entry.getValue(), params.seed(), whole));
            }
        }
        List<Estimator> bootstrapped = resamples == 1 ? List.of() : estimators.stream().filter(Estimator::bootstrapped).toList();
        if (!bootstrapped.isEmpty() && cell.finite().rows() >= 2) {
            FiniteRows finite = cell.finite();
            Map<String, List<MeasureResult>> replicates = new LinkedHashMap<>();
            for (int r = 0; r < resamples; r++) {
                float[] rows = Resamples.bootstrapRows(finite.values(), finite.rows(), d, params.seed() + r);
                CellInputs replicate = new CellInputs(rows, finite.rows(), d, bootstrapped, single, cancelled);
                for (Estimator estimator : bootstrapped) {
                    replicates.computeIfAbsent(estimator.name(), name -> new ArrayList<>()).add(estimator.compute(replicate, single));
                }
            }
            for (Map.Entry<String, List<MeasureResult>> entry : replicates.entrySet()) {
                out.put(entry.getKey(), Resamples.bootstrap(out.get(entry.getKey()), entry.getValue(), params.seed()));
            }
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
}
