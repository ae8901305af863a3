package org.shapescope.analysis.geometry;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The geometry measures a grid cell can ask for, with their stable text ids. */
public enum Metric {
    ANISOTROPY("anisotropy"),
    ANISOTROPY_UNCENTERED("anisotropy_uncentered"),
    MEAN_COSINE("mean_cosine"),
    ISOSCORE("isoscore"),
    TWONN("twonn"),
    MLE("mle"),
    PHD("phd"),
    PCA_DIM("pca_dim"),
    PARTICIPATION_RATIO("participation_ratio");

    private final String id;

    Metric(String id) {
        this.id = id;
    }

    /** The stable text id, as used in caches and on the command line. */
    public String id() {
        return id;
    }

    /** The metric with this id; IllegalArgumentException listing the valid ids otherwise. */
    public static Metric parse(String id) {
        for (Metric m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + id + "'; valid ids: "
                + Arrays.stream(values()).map(Metric::id).collect(Collectors.joining(", ")));
    }

    /** True for the neighbour-based estimators that work on a seeded subsample of tokens. */
    public boolean usesNeighbourSample() {
        return this == TWONN || this == MLE || this == PHD;
    }
}
