package org.shapescope.analysis.geometry;

/**
 * PCA dimension: the number of principal components needed to explain a share of the variance,
 * k = min{k : Σ_{i≤k} λᵢ ≥ q·Σλ} with q = {@link #VARIANCE_SHARE} (0.9, the "linear" intrinsic
 * dimension used e.g. by Ansuini et al., NeurIPS 2019, and Razzhigaev et al., EACL 2024).
 */
final class PcaDimension extends SpectrumEstimator {

    PcaDimension() {
        super(true);
    }

    /** Share of variance the components must explain. */
    static final double VARIANCE_SHARE = 0.9;

    @Override
    public String name() {
        return "pca_dim";
    }

    @Override
    public String description() {
        return "principal components needed to explain 90 percent of the variance";
    }

    @Override
    double value(CovarianceSpectrum centred) {
        return of(centred);
    }

    /** k for a centred spectrum; the caller refuses a spectrum whose total is 0. */
    static int of(CovarianceSpectrum centred) {
        double[] lambda = centred.eigenvalues();
        double sum = 0;
        for (double l : lambda) {
            sum += l;
        }
        double target = VARIANCE_SHARE * sum;
        double cumulative = 0;
        for (int k = 0; k < lambda.length; k++) {
            cumulative += lambda[k];
            if (cumulative >= target) {
                return k + 1;
            }
        }
        return lambda.length;
    }
}
