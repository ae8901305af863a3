package org.shapescope.analysis.geometry;

import java.util.List;
import java.util.Set;

/**
 * The common frame of the estimators that are a function of the eigenvalues of the centred scatter
 * over all finite tokens (anisotropy, IsoScore, PCA dimension, participation ratio, RankMe): they
 * share its refusals (fewer than 2 finite tokens, no variance) and depend on no parameter.
 */
abstract class CentredSpectrumEstimator implements Estimator {

    @Override
    public final Set<CellInput> needs() {
        return Set.of(CellInput.FINITE_ROWS, CellInput.CENTRED_SPECTRUM);
    }

    @Override
    public List<MeasureParameter> parameters() {
        return List.of();
    }

    @Override
    public int version() {
        return 1;
    }

    /** The value from a spectrum whose total is positive. */
    abstract double value(CovarianceSpectrum centred);

    /** Why this estimator cannot be defined on a cloud of dimension d, or null when it can. */
    String refusalForDimension(int d) {
        return null;
    }

    @Override
    public final MeasureResult compute(CellInputs cell, MeasureParameters parameters) {
        FiniteRows finite = cell.finite();
        CellInputs.Spectrum centred = cell.centred();
        String refusal = centred.refusal() != null ? centred.refusal() : refusalForDimension(cell.dimension());
        if (refusal != null) {
            return MeasureResult.refused(finite.rows(), finite.dropped(), CellInputs.join(refusal, cell.finiteNote()));
        }
        return new MeasureResult(value(centred.spectrum()), finite.rows(), finite.dropped(), cell.finiteNote());
    }
}
