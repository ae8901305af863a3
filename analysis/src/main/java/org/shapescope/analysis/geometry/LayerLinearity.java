package org.shapescope.analysis.geometry;

import java.util.Set;

/**
 * Linearity of layer L → L + 1 fitted to the next layer's cloud Y, at the value of layer L:
 * {@link ProcrustesSimilarity} as in LLM-Microscope's {@code procrustes_similarity} (Razzhigaev et al.,
 * "Your Transformer is Secretly Linear", 2024). Refused at the last layer.
 */
final class LayerLinearity implements Estimator {

    @Override
    public String name() {
        return "linearity";
    }

    @Override
    public String description() {
        return "Layer linearity: 1 - least-squares error of the next layer as a linear map of this one (Razzhigaev et al. 2024)";
    }

    @Override
    public Set<CellInput> needs() {
        return Set.of(CellInput.NEXT_LAYER);
    }

    @Override
    public MeasureResult compute(CellInputs cell, MeasureParameters parameters) {
        return cell.compareWithNext(false);
    }
}
