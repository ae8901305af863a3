package org.shapescope.analysis.geometry;

import java.util.Set;

/**
 * Linearity of layer L → L + 1 fitted to the next layer's update Y − X (the residual stream's increment), at the value of layer L:
 * {@link ProcrustesSimilarity} as in LLM-Microscope's {@code procrustes_similarity_centered} (Razzhigaev et al.,
 * "Your Transformer is Secretly Linear", 2024). Refused at the last layer.
 */
final class CentredLayerLinearity implements Estimator {

    @Override
    public String name() {
        return "linearity_centered";
    }

    @Override
    public String description() {
        return "Layer linearity of the update: the same on (next layer - this layer) (Razzhigaev et al. 2024)";
    }

    @Override
    public Set<CellInput> needs() {
        return Set.of(CellInput.NEXT_LAYER);
    }

    @Override
    public MeasureResult compute(CellInputs cell, MeasureParameters parameters) {
        return cell.compareWithNext(true);
    }
}
