package org.shapescope.analysis.geometry;

/**
 * Anisotropy without centring: a = σ₁² / Σᵢσᵢ² of X itself, i.e. λ₁ / ‖X‖²_F. A common offset
 * of all tokens (the "rogue dimension" drift of Ethayarajh 2019) raises it towards 1, which the
 * centred {@link Anisotropy} ignores. Same source as {@link Anisotropy}, without its centring step.
 */
final class UncenteredAnisotropy extends SpectrumEstimator {

    UncenteredAnisotropy() {
        super(false);
    }

    @Override
    public String name() {
        return "anisotropy_uncentered";
    }

    @Override
    public String description() {
        return "anisotropy without centring: a common offset of all tokens drives it towards 1 (Ethayarajh 2019)";
    }

    @Override
    double value(CovarianceSpectrum uncentred) {
        return of(uncentred);
    }

    /** λ₁ / Σλ of an uncentred spectrum; the caller refuses a spectrum whose total is 0. */
    static double of(CovarianceSpectrum uncentred) {
        return uncentred.largest() / uncentred.total();
    }
}
