package org.shapescope.analysis.geometry;

import java.util.Set;

/**
 * Anisotropy: the share of variance on the first principal direction of the column-centred
 * cloud, a = σ₁² / Σᵢσᵢ² = λ₁ / tr(X_cᵀX_c).
 * Source: Razzhigaev et al., "The Shape of Learning: Anisotropy and Intrinsic Dimensions in
 * Transformer-Based Models", EACL 2024 Findings; equal to {@code calculate_anisotropy_torch}
 * of AIRI-Institute/LLM-Microscope (there λ/(n−1), which cancels in the ratio).
 * Range (0, 1]: 1 for rank-1 data, ≈ 1/d for an isotropic Gaussian. Needs only λ₁ and the
 * trace: alone in a cell, λ₁ comes from {@link LargestEigenvalue} (Lanczos), not the whole spectrum.
 */
final class Anisotropy implements Estimator {

    @Override
    public String name() {
        return "anisotropy";
    }

    @Override
    public String description() {
        return "share of variance on the first principal direction of the centred cloud (Razzhigaev et al. 2024)";
    }

    /** Reads every finite token: its spread over resamples is a bootstrap of the rows. */
    @Override
    public boolean bootstrapped() {
        return true;
    }

    @Override
    public Set<CellInput> needs() {
        return Set.of(CellInput.FINITE_ROWS, CellInput.CENTRED_LARGEST_EIGENVALUE);
    }

    @Override
    public MeasureResult compute(CellInputs cell, MeasureParameters parameters) {
        FiniteRows finite = cell.finite();
        CellInputs.Largest top = cell.centredLargest();
        return top.refusal() != null
                ? MeasureResult.refused(finite.rows(), finite.dropped(), CellInputs.join(top.refusal(), cell.finiteNote()))
                : new MeasureResult(top.largest() / top.total(), finite.rows(), finite.dropped(), cell.finiteNote());
    }
}
