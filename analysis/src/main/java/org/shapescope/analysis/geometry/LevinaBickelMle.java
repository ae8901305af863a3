package org.shapescope.analysis.geometry;

import java.util.List;
import java.util.Set;

/**
 * Maximum-likelihood intrinsic dimension of Levina and Bickel, "Maximum Likelihood Estimation of
 * Intrinsic Dimension", NIPS 2004, combined over points as MacKay and Ghahramani advise
 * ("Comments on 'Maximum Likelihood Estimation of Intrinsic Dimension'", 2005): with Tⱼ(x) the
 * distance to the j-th neighbour, the inverse local estimate is
 * m̂ₖ(x)⁻¹ = (1/(k−1)) Σ_{j=1}^{k−1} ln(Tₖ(x)/Tⱼ(x)) (the (k−1) normalisation of Levina–Bickel's
 * eq. 8, as in scikit-dimension's MLE), and the global estimate is the inverse of the mean of
 * the inverse local estimates, m̂ = [ (1/N) Σᵢ m̂ₖ(xᵢ)⁻¹ ]⁻¹.
 */
final class LevinaBickelMle implements Estimator {

    @Override
    public String name() {
        return "mle";
    }

    @Override
    public String description() {
        return "Levina-Bickel maximum-likelihood intrinsic dimension from the k nearest neighbours (2004)";
    }

    @Override
    public Set<CellInput> needs() {
        return Set.of(CellInput.NEIGHBOUR_SAMPLE, CellInput.NEIGHBOUR_TABLE);
    }

    @Override
    public List<MeasureParameter> parameters() {
        return List.of(MeasureParameter.NEIGHBOUR_TOKENS, MeasureParameter.SEED, MeasureParameter.MLE_NEIGHBOURS);
    }

    @Override
    public int neighbours(MeasureParameters parameters) {
        return parameters.mleNeighbours();
    }

    @Override
    public MeasureResult compute(CellInputs cell, MeasureParameters parameters) {
        int rows = cell.sample().rows();
        int k = parameters.mleNeighbours();
        NeighbourTable table = rows > k ? cell.neighbourTable() : null;
        if (table == null) {
            return MeasureResult.refused(rows, cell.sampleDropped(), CellInputs.join(
                    "MLE needs more than k=" + k + " distinct finite tokens, got " + rows, cell.sampleNote()));
        }
        return CellInputs.finiteOrRefused(of(table, k), rows, cell.sampleDropped(), cell.sampleNote(), "MLE degenerate");
    }

    /** m̂ with the first k neighbours of every row of the table (k ≤ table.k()). */
    static double of(NeighbourTable table, int k) {
        if (k < 2 || k > table.k()) {
            throw new IllegalArgumentException("k must be in [2, " + table.k() + "]: " + k);
        }
        double sumInverse = 0;
        for (int i = 0; i < table.rows(); i++) {
            double logTk = Math.log(table.distance(i, k - 1));
            double s = 0;
            for (int j = 0; j < k - 1; j++) {
                s += logTk - Math.log(table.distance(i, j));
            }
            sumInverse += s / (k - 1);
        }
        return table.rows() / sumInverse;
    }
}
