package org.shapescope.analysis.geometry;

/**
 * Anisotropy: the share of variance on the first principal direction of the column-centred
 * cloud, a = σ₁² / Σᵢσᵢ² = λ₁ / tr(X_cᵀX_c).
 * Source: Razzhigaev et al., "The Shape of Learning: Anisotropy and Intrinsic Dimensions in
 * Transformer-Based Models", EACL 2024 Findings; equal to {@code calculate_anisotropy_torch}
 * of AIRI-Institute/LLM-Microscope (there λ/(n−1), which cancels in the ratio).
 * Range (0, 1]: 1 for rank-1 data, ≈ 1/d for an isotropic Gaussian.
 */
final class Anisotropy extends SpectrumEstimator {

    Anisotropy() {
        super(true);
    }

    @Override
    public String name() {
        return "anisotropy";
    }

    @Override
    public String description() {
        return "share of variance on the first principal direction of the centred cloud (Razzhigaev et al. 2024)";
    }

    @Override
    double value(CovarianceSpectrum centred) {
        return of(centred);
    }

    /** λ₁ / Σλ of a centred spectrum; the caller refuses a spectrum whose total is 0. */
    static double of(CovarianceSpectrum centred) {
        return centred.largest() / centred.total();
    }
}
