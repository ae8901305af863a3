package org.shapescope.analysis.geometry;

/**
 * IsoScore, Rudman, Gillman, Rayne and Eickhoff, "IsoScore: Measuring the Uniformity of
 * Embedding Space Utilization", Findings of ACL 2022, Algorithm 1:
 * <ol>
 * <li>reorient the centred cloud along its principal components; its variance vector Σ_D is
 *     then the eigenvalue vector (λ₁ … λ_n), padded with zeros to the space dimension n = d;</li>
 * <li>normalise: Σ̂_D = √n · Σ_D / ‖Σ_D‖;</li>
 * <li>isotropy defect δ = ‖Σ̂_D − 1‖ / √(2(n − √n));</li>
 * <li>dimensions used k = (n − δ²(n − √n))² / n, and ι = (k − 1) / (n − 1).</li>
 * </ol>
 * ι = 1 for an isotropic cloud, 0 for a cloud on one line.
 */
final class IsoScore extends SpectrumEstimator {

    IsoScore() {
        super(true);
    }

    @Override
    public String name() {
        return "isoscore";
    }

    @Override
    public String description() {
        return "how uniformly the centred cloud uses its dimensions, 0 to 1 (Rudman et al. 2022)";
    }

    @Override
    double value(CovarianceSpectrum centred) {
        return of(centred);
    }

    @Override
    String refusalForDimension(int d) {
        return d < 2 ? "needs d >= 2" : null;
    }

    /** ι of a centred spectrum in dimension d ≥ 2; the caller refuses a spectrum whose total is 0. */
    static double of(CovarianceSpectrum centred) {
        double[] lambda = centred.eigenvalues();
        int n = centred.dimension();
        double norm = 0;
        for (double l : lambda) {
            norm += l * l;
        }
        norm = Math.sqrt(norm);
        double sqrtN = Math.sqrt(n);
        double defect2 = 0;
        for (int i = 0; i < n; i++) {
            double normalised = i < lambda.length ? sqrtN * lambda[i] / norm : 0.0;
            double diff = normalised - 1.0;
            defect2 += diff * diff;
        }
        double delta2 = defect2 / (2.0 * (n - sqrtN));
        double used = Math.pow(n - delta2 * (n - sqrtN), 2) / n;
        double iota = (used - 1.0) / (n - 1.0);
        return Math.min(1.0, Math.max(0.0, iota));
    }
}
