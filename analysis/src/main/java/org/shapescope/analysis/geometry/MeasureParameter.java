package org.shapescope.analysis.geometry;

import java.util.function.Function;

/**
 * One value-affecting parameter of the estimators, as a field of {@link MeasureParameters}. An
 * {@link Estimator} lists the ones its value depends on; they (and only they) enter its store key,
 * so changing the seed keeps every cached anisotropy. Worker threads are not a parameter: they
 * never change a value.
 */
public enum MeasureParameter {
    NEIGHBOUR_TOKENS("tokens", "size of the seeded token sample of the neighbour-based estimators (more than n means all)",
            MeasureParameters::neighbourTokens),
    SEED("seed", "seed of every random choice (token sample, PHD subsets)", MeasureParameters::seed),
    TWONN_DISCARD("twonn_discard", "fraction of the largest ratios r2/r1 TwoNN discards (Facco et al. 2017: 0.1)",
            MeasureParameters::twonnDiscardFraction),
    TWONN_AUTHORS("twonn_authors", "TwoNN as LLM-Microscope's intrinsic_dimension(reduction_factor=5)",
            MeasureParameters::twonnAuthorsPreset),
    MLE_NEIGHBOURS("mle_k", "k of the Levina-Bickel estimator", MeasureParameters::mleNeighbours);

    private final String id;
    private final String description;
    private final Function<MeasureParameters, Object> value;

    MeasureParameter(String id, String description, Function<MeasureParameters, Object> value) {
        this.id = id;
        this.description = description;
        this.value = value;
    }

    /** The stable text id, as used in store keys and reports. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** This parameter's value in {@code parameters}. */
    public Object valueIn(MeasureParameters parameters) {
        return value.apply(parameters);
    }

    /** Its default, the value in {@link MeasureParameters#defaults()}. */
    public Object defaultValue() {
        return valueIn(MeasureParameters.defaults());
    }
}
