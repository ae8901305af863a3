package org.shapescope.analysis.geometry;

/**
 * Parameters of the geometry measures.
 *
 * @param neighbourTokens      size of the seeded token subsample for TwoNN, MLE and PHD (more than n means all)
 * @param seed                 seed of every random choice (subsample, PHD subsets)
 * @param twonnDiscardFraction fraction of the largest ratios r2/r1 discarded by TwoNN (Facco et al. 2017: 0.1)
 * @param twonnAuthorsPreset   TwoNN as in LLM-Microscope's {@code intrinsic_dimension(reduction_factor=5)}
 * @param mleNeighbours        k of the Levina–Bickel estimator
 * @param threads              threads one cell may use; never changes a value
 * @param resamples            R: the {@linkplain Estimator#resampled resampled} estimators are computed on R seeded
 *                             token samples (seeds seed, seed + 1, …, seed + R − 1) and reported as mean ± sample
 *                             standard deviation (Lee et al., ACL 2025: 5); 1 is a single sample, no spread
 * @see MeasureParameter the value-affecting ones, as estimators declare them
 */
public record MeasureParameters(int neighbourTokens, long seed, double twonnDiscardFraction,
                                boolean twonnAuthorsPreset, int mleNeighbours, int threads,
                                int resamples) implements java.io.Serializable {

    public static final int DEFAULT_NEIGHBOUR_TOKENS = 4096;
    public static final double DEFAULT_TWONN_DISCARD = 0.1;
    public static final int DEFAULT_MLE_NEIGHBOURS = 20;
    /** One sample: the value of a single seeded sample, no spread. */
    public static final int DEFAULT_RESAMPLES = 1;

    public MeasureParameters {
        if (neighbourTokens < 1) {
            throw new IllegalArgumentException("neighbourTokens must be positive: " + neighbourTokens);
        }
        if (!(twonnDiscardFraction >= 0 && twonnDiscardFraction < 1)) {
            throw new IllegalArgumentException("twonnDiscardFraction must be in [0, 1): " + twonnDiscardFraction);
        }
        if (mleNeighbours < 2) {
            throw new IllegalArgumentException("mleNeighbours must be at least 2: " + mleNeighbours);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be positive: " + resamples);
        }
    }

    public static MeasureParameters defaults() {
        return new MeasureParameters(DEFAULT_NEIGHBOUR_TOKENS, 0L, DEFAULT_TWONN_DISCARD, false,
                DEFAULT_MLE_NEIGHBOURS, 1, DEFAULT_RESAMPLES);
    }

    public MeasureParameters withNeighbourTokens(int value) {
        return new MeasureParameters(value, seed, twonnDiscardFraction, twonnAuthorsPreset, mleNeighbours, threads, resamples);
    }

    public MeasureParameters withSeed(long value) {
        return new MeasureParameters(neighbourTokens, value, twonnDiscardFraction, twonnAuthorsPreset, mleNeighbours, threads, resamples);
    }

    public MeasureParameters withTwonnDiscardFraction(double value) {
        return new MeasureParameters(neighbourTokens, seed, value, twonnAuthorsPreset, mleNeighbours, threads, resamples);
    }

    public MeasureParameters withTwonnAuthorsPreset(boolean value) {
        return new MeasureParameters(neighbourTokens, seed, twonnDiscardFraction, value, mleNeighbours, threads, resamples);
    }

    public MeasureParameters withMleNeighbours(int value) {
        return new MeasureParameters(neighbourTokens, seed, twonnDiscardFraction, twonnAuthorsPreset, value, threads, resamples);
    }

    public MeasureParameters withThreads(int value) {
        return new MeasureParameters(neighbourTokens, seed, twonnDiscardFraction, twonnAuthorsPreset, mleNeighbours, value, resamples);
    }

    public MeasureParameters withResamples(int value) {
        return new MeasureParameters(neighbourTokens, seed, twonnDiscardFraction, twonnAuthorsPreset, mleNeighbours, threads, value);
    }
}
