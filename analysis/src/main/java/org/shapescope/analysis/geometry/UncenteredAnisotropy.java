package org.shapescope.analysis.geometry;

import java.util.List;
import java.util.Set;

/**
 * Anisotropy without centring: a = σ₁² / Σᵢσᵢ² of X itself, i.e. λ₁ / ‖X‖²_F. A common offset
 * of all tokens (the "rogue dimension" drift of Ethayarajh 2019) raises it towards 1, which the
 * centred {@link Anisotropy} ignores. Same source as {@link Anisotropy}, without its centring step.
 */
final class UncenteredAnisotropy implements Estimator {

    @Override
    public String name() {
        return "anisotropy_uncentered";
    }

    @Override
    public String description() {
        return "anisotropy without centring: a common offset of all tokens drives it towards 1 (Ethayarajh 2019)";
    }

    @Override
    public Set<CellInput> needs() {
        return Set.of(CellInput.FINITE_ROWS, CellInput.UNCENTRED_SPECTRUM);
    }

    @Override
    public List<MeasureParameter> parameters() {
        return List.of();
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public MeasureResult compute(CellInputs cell, MeasureParameters parameters) {
        FiniteRows finite = cell.finite();
        CellInputs.Spectrum raw = cell.uncentred();
        return raw.refusal() != null
                ? MeasureResult.refused(finite.rows(), finite.dropped(), CellInputs.join(raw.refusal(), cell.finiteNote()))
                : new MeasureResult(of(raw.spectrum()), finite.rows(), finite.dropped(), cell.finiteNote());
    }

    /** λ₁ / Σλ of an uncentred spectrum; the caller refuses a spectrum whose total is 0. */
    static double of(CovarianceSpectrum uncentred) {
        return uncentred.largest() / uncentred.total();
    }
}
