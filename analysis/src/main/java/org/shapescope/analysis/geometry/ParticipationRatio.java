package org.shapescope.analysis.geometry;

/**
 * Participation ratio PR = (Σλᵢ)² / Σλᵢ² of the covariance eigenvalues: d for an isotropic
 * cloud in d dimensions, 1 for a line (Gao et al., "A theory of multineuronal dimensionality,
 * dynamics and measurement", bioRxiv 2017; Recanatesi et al. 2019).
 */
final class ParticipationRatio extends SpectrumEstimator {

    ParticipationRatio() {
        super(true);
    }

    @Override
    public String name() {
        return "participation_ratio";
    }

    @Override
    public String description() {
        return "participation ratio (sum of eigenvalues)^2 / sum of squares (Gao et al. 2017)";
    }

    @Override
    double value(CovarianceSpectrum centred) {
        return of(centred);
    }

    /** PR of a centred spectrum; the caller refuses a spectrum whose total is 0. */
    static double of(CovarianceSpectrum centred) {
        double sum = 0;
        double squares = 0;
        for (double l : centred.eigenvalues()) {
            sum += l;
            squares += l * l;
        }
        return sum * sum / squares;
    }
}
