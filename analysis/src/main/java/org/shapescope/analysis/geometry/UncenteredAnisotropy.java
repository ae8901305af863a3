package org.shapescope.analysis.geometry;

/**
 * Anisotropy without centring: a = σ₁² / Σᵢσᵢ² of X itself, i.e. λ₁ / ‖X‖²_F. A common offset
 * of all tokens (the "rogue dimension" drift of Ethayarajh 2019) raises it towards 1, which the
 * centred {@link Anisotropy} ignores. Same source as {@link Anisotropy}, without its centring step.
 */
final class UncenteredAnisotropy {

    private UncenteredAnisotropy() {
    }

    /** λ₁ / Σλ of an uncentred spectrum; the caller refuses a spectrum whose total is 0. */
    static double of(CovarianceSpectrum uncentred) {
        return uncentred.largest() / uncentred.total();
    }
}
