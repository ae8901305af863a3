package org.shapescope.analysis.geometry;

import java.util.Set;

/**
 * The common frame of the estimators that are a function of the eigenvalues of the scatter over
 * all finite tokens, centred (anisotropy, IsoScore, PCA dimension, participation ratio) or not
 * (uncentred anisotropy, RankMe): they share the spectrum's refusals (too few finite tokens, no
 * variance or all values zero) and depend on no parameter.
 */
abstract class SpectrumEstimator implements Estimator {
    private final boolean centred;

    /** @param centred whether the estimator reads the spectrum of the column-centred cloud */
    SpectrumEstimator(boolean centred) {
        this.centred = centred;
    }

    @Override
    public final Set<CellInput> needs() {
        return Set.of(CellInput.FINITE_ROWS, centred ? CellInput.CENTRED_SPECTRUM : CellInput.UNCENTRED_SPECTRUM);
    }

    /** A function of every finite token's spectrum: its spread over resamples is a bootstrap of the rows. */
    @Override
    public final boolean bootstrapped() {
        return true;
    }

    /** The value from a spectrum whose total is positive. */
    abstract double value(CovarianceSpectrum spectrum);

    /** Why this estimator cannot be defined on a cloud of dimension d, or null when it can. */
    String refusalForDimension(int d) {
        return null;
    }

    @Override
    public final MeasureResult compute(CellInputs cell, MeasureParameters parameters) {
        FiniteRows finite = cell.finite();
        CellInputs.Spectrum spectrum = centred ? cell.centred() : cell.uncentred();
        String refusal = spectrum.refusal() != null ? spectrum.refusal() : refusalForDimension(cell.dimension());
        if (refusal != null) {
            return MeasureResult.refused(finite.rows(), finite.dropped(), CellInputs.join(refusal, cell.finiteNote()));
        }
        return new MeasureResult(value(spectrum.spectrum()), finite.rows(), finite.dropped(), cell.finiteNote());
    }
}
