package org.shapescope.analysis.geometry;

/**
 * RankMe, Garrido, Balestriero, Najman and LeCun, "RankMe: Assessing the Downstream Performance
 * of Pretrained Self-Supervised Representations by Their Rank", ICML 2023, eq. 1–2: the effective
 * rank of the embedding matrix Z itself (not centred, as in the paper),
 * RankMe(Z) = exp(−Σₖ pₖ ln pₖ), pₖ = σₖ(Z) / ‖σ(Z)‖₁ + ε, with σₖ = √λₖ the singular values
 * (λₖ the eigenvalues of ZᵀZ) and ε = {@value #EPSILON}, the value the paper gives for float32.
 * Between 1 (rank one) and min(n, d) (all singular values equal).
 */
final class RankMe extends SpectrumEstimator {
    /** The paper's ε for float32 embeddings. */
    static final double EPSILON = 1e-7;

    RankMe() {
        super(false);
    }

    @Override
    public String name() {
        return "rankme";
    }

    @Override
    public String description() {
        return "RankMe: effective rank, exp of the entropy of the normalised singular values (Garrido et al. 2023)";
    }

    @Override
    double value(CovarianceSpectrum uncentred) {
        return of(uncentred);
    }

    /** RankMe of a spectrum whose total is positive. */
    static double of(CovarianceSpectrum spectrum) {
        double[] lambda = spectrum.eigenvalues();
        double l1 = 0;
        for (double l : lambda) {
            l1 += Math.sqrt(l);
        }
        double entropy = 0;
        for (double l : lambda) {
            double p = Math.sqrt(l) / l1 + EPSILON;
            entropy -= p * Math.log(p);
        }
        return Math.exp(entropy);
    }
}
