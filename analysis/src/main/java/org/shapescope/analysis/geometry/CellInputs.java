package org.shapescope.analysis.geometry;

import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The shared work of one cell, computed at most once and only when an {@link Estimator} asks for
 * it: the finite rows, the spectra of the centred and uncentred scatter (all finite tokens), the
 * seeded de-duplicated neighbour sample and one exact k-nearest-neighbour table over it, k the
 * largest any of the cell's estimators reads. Each input carries the note of what was dropped or
 * sampled, and the reason it cannot be had ("needs at least 2 finite tokens, got 1"), which the
 * estimators pass on in their refusals.
 *
 * <p>Not thread-safe: one cell, one thread (its kernels may use {@code threads} threads).
 */
public final class CellInputs {
    private static final String NO_VARIANCE = "all columns constant: no variance";
    private final float[] values;
    private final int d;
    private final MeasureParameters parameters;
    private final BooleanSupplier cancelled;
    private final int[] neighbourCounts;
    private final boolean wholeCentredSpectrumWanted;
    private final FiniteRows finite;
    private final String finiteNote;
    private Spectrum centred;
    private Spectrum uncentred;
    private Largest centredLargest;
    private NeighbourSample sample;
    private String sampleNote;
    private NeighbourTable table;
    private boolean tableDone;
    private TokenPrefix prefix;
    private final NextLayer next;
    private final int n;

    /** A spectrum, or the reason there is none. */
    record Spectrum(CovarianceSpectrum spectrum, String refusal) {
    }

    /** The largest eigenvalue of a scatter and its trace, or the reason there are none. */
    record Largest(double largest, double total, String refusal) {
    }

    /**
     * The first {@code neighbourTokens} finite rows in their order, duplicates kept, with their
     * two-nearest-neighbour table (null below {@link TwoNearestNeighbours#MIN_POINTS} rows): the
     * tokens LLM-Microscope's {@code intrinsic_dimension(emb[:4096])} sees.
     */
    record TokenPrefix(float[] values, int rows, NeighbourTable twoNearest, String note) {
    }

    CellInputs(float[] values, int n, int d, List<Estimator> estimators, MeasureParameters parameters,
               BooleanSupplier cancelled) {
        this(values, n, d, null, estimators, parameters, cancelled);
    }

    /** @param next the next layer of the checkpoint over the same tokens, or null when there is none */
    CellInputs(float[] values, int n, int d, NextLayer next, List<Estimator> estimators, MeasureParameters parameters,
               BooleanSupplier cancelled) {
        this.next = next;
        this.n = n;
        this.values = values;
        this.d = d;
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.cancelled = Objects.requireNonNull(cancelled, "cancelled");
        this.neighbourCounts = estimators.stream().mapToInt(e -> e.neighbours(parameters)).filter(k -> k > 0).toArray();
        this.wholeCentredSpectrumWanted = estimators.stream().anyMatch(e -> e.needs().contains(Estimator.CellInput.CENTRED_SPECTRUM));
        BlockWorkers.checkCancelled(cancelled);
        this.finite = FiniteRows.of(values, n, d);
        this.finiteNote = finite.dropped() == 0 ? "" : "dropped " + finite.dropped() + " rows with NaN/Inf";
    }

    /** Columns of the cloud. */
    public int dimension() {
        return d;
    }

    int threads() {
        return parameters.threads();
    }

    BooleanSupplier cancelled() {
        return cancelled;
    }

    FiniteRows finite() {
        return finite;
    }

    /** What dropping non-finite rows did ("" when nothing was dropped). */
    String finiteNote() {
        return finiteNote;
    }

    /** The spectrum of the centred scatter of the finite rows, or why there is none. */
    Spectrum centred() {
        if (centred == null) {
            int rows = finite.rows();
            if (rows < 2) {
                centred = new Spectrum(null, tooFewForCentring(rows));
            } else {
                CovarianceSpectrum s = CovarianceSpectrum.of(finite.values(), rows, d, true, threads(), cancelled);
                centred = s.total() > 0 ? new Spectrum(s, null) : new Spectrum(null, NO_VARIANCE);
            }
        }
        return centred;
    }

    /**
     * λ₁ and the trace of the centred scatter: from the whole spectrum when an estimator of the cell
     * needs it anyway, else by {@link LargestEigenvalue} (Lanczos) and ‖X_c‖²_F, which agree with
     * the whole spectrum's to ~1e-13 relative, at a fraction of its cost.
     */
    Largest centredLargest() {
        if (centredLargest == null) {
            int rows = finite.rows();
            double lanczos = Double.NaN;
            double total = 0;
            if (!wholeCentredSpectrumWanted && centred == null) {
                if (rows < 2) {
                    return centredLargest = new Largest(Double.NaN, Double.NaN, tooFewForCentring(rows));
                }
                float[] y = ColumnCentering.centred(finite.values(), rows, d);
                for (float v : y) {
                    total += (double) v * v;
                }
                if (!(total > 0)) {
                    return centredLargest = new Largest(Double.NaN, Double.NaN, NO_VARIANCE);
                }
                lanczos = LargestEigenvalue.of(y, rows, d, cancelled);
            }
            if (Double.isNaN(lanczos)) {
                Spectrum whole = centred();
                centredLargest = whole.refusal() != null ? new Largest(Double.NaN, Double.NaN, whole.refusal())
                        : new Largest(whole.spectrum().largest(), whole.spectrum().total(), null);
            } else {
                centredLargest = new Largest(lanczos, total, null);
            }
        }
        return centredLargest;
    }

    private static String tooFewForCentring(int rows) {
        return "needs at least 2 finite tokens, got " + rows;
    }

    /** The spectrum of the uncentred scatter of the finite rows, or why there is none. */
    Spectrum uncentred() {
        if (uncentred == null) {
            BlockWorkers.checkCancelled(cancelled);
            int rows = finite.rows();
            if (rows < 1) {
                uncentred = new Spectrum(null, "no finite tokens");
            } else {
                CovarianceSpectrum s = CovarianceSpectrum.of(finite.values(), rows, d, false, threads(), cancelled);
                uncentred = s.total() > 0 ? new Spectrum(s, null) : new Spectrum(null, "all values zero");
            }
        }
        return uncentred;
    }

    /** The seeded, de-duplicated neighbour sample of the finite rows. */
    NeighbourSample sample() {
        if (sample == null) {
            sample = NeighbourSample.of(finite.values(), finite.rows(), d, parameters.neighbourTokens(), parameters.seed());
            String note = finiteNote;
            if (sample.duplicates() > 0) {
                note = join(note, "dropped " + sample.duplicates() + " duplicate rows");
            }
            if (sample.rows() < sample.distinct()) {
                note = join(note, "sampled " + sample.rows() + " of " + sample.distinct() + " distinct tokens");
            }
            sampleNote = note;
        }
        return sample;
    }

    /** True when the neighbour sample is every distinct finite row (no subsampling happened). */
    boolean sampleHoldsEveryDistinctRow() {
        return sample().rows() == sample().distinct();
    }

    /** What the neighbour sample dropped and sampled. */
    String sampleNote() {
        sample();
        return sampleNote;
    }

    /** Rows the neighbour-based estimators dropped: non-finite and duplicate. */
    int sampleDropped() {
        return finite.dropped() + sample().duplicates();
    }

    /**
     * The exact neighbour table of the sample with the largest k that an estimator of the cell
     * reads and the sample can give (k below its rows), or null when the sample has fewer than
     * {@link TwoNearestNeighbours#MIN_POINTS} rows or no estimator asks for neighbours.
     */
    NeighbourTable neighbourTable() {
        if (!tableDone) {
            tableDone = true;
            int rows = sample().rows();
            int k = 0;
            for (int asked : neighbourCounts) {
                if (asked < rows) {
                    k = Math.max(k, asked);
                }
            }
            if (k > 0 && rows >= TwoNearestNeighbours.MIN_POINTS && rows > k) {
                table = NearestNeighbourSearch.of(sample.values(), rows, d, k, threads(), cancelled);
            }
        }
        return table;
    }

    /** The authors' token prefix (see {@link TokenPrefix}), computed once. */
    TokenPrefix prefix() {
        if (prefix == null) {
            int rows = Math.min(parameters.neighbourTokens(), finite.rows());
            float[] head = rows == finite.rows() ? finite.values() : java.util.Arrays.copyOf(finite.values(), rows * d);
            NeighbourTable nn = rows >= TwoNearestNeighbours.MIN_POINTS
                    ? NearestNeighbourSearch.of(head, rows, d, 2, threads(), cancelled) : null;
            String note = rows < finite.rows() ? join(finiteNote, "first " + rows + " of " + finite.rows() + " finite tokens")
                    : finiteNote;
            prefix = new TokenPrefix(head, rows, nn, note);
        }
        return prefix;
    }

    /**
     * {@link ProcrustesSimilarity} of this layer with the next (or with next − this, {@code residual}),
     * over the tokens finite in both; refused without a next layer or with another token count.
     */
    MeasureResult compareWithNext(boolean residual) {
        if (next == null) {
            return MeasureResult.refused(finite.rows(), finite.dropped(),
                    join("no next layer in this checkpoint (the last layer has no linearity)", finiteNote));
        }
        if (next.tokens() != n) {
            return MeasureResult.refused(n, 0, "layer " + next.layer() + " has " + next.tokens() + " tokens, this one " + n);
        }
        if (residual && next.hiddenSize() != d) {
            return MeasureResult.refused(n, 0, "layer " + next.layer() + " is " + next.hiddenSize() + " wide, this one " + d);
        }
        BlockWorkers.checkCancelled(cancelled);
        double v = ProcrustesSimilarity.of(values, d, next.values(), next.hiddenSize(), n, residual);
        int rows = ProcrustesSimilarity.finiteInBoth(values, d, next.values(), next.hiddenSize(), n);
        String note = rows == n ? "" : "dropped " + (n - rows) + " rows with NaN/Inf in either layer";
        return finiteOrRefused(v, rows, n - rows, note, "no variance in one of the layers");
    }

    /** A finished value, or its refusal when it is not finite. */
    static MeasureResult finiteOrRefused(double v, int rows, int dropped, String note, String why) {
        return Double.isFinite(v) ? new MeasureResult(v, rows, dropped, note)
                : MeasureResult.refused(rows, dropped, join(why, note));
    }

    /** Joins non-empty notes with "; ". */
    static String join(String a, String b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : a + "; " + b;
    }
}
