package org.shapescope.app.ui.views;

import java.util.Map;

/**
 * Axis labels, with units, for the metric ids of docs/MEASURES.md, as exported figures print
 * them ("anisotropy" is the share of variance on the first principal direction, so its label
 * says so). An id not listed keeps its own name. When estimators carry their own display
 * names (issue 10, item 2), this table moves there.
 */
public final class MetricLabels {

    private static final Map<String, String> LABELS = Map.of(
            "anisotropy", "anisotropy (share of variance)",
            "anisotropy_uncentered", "uncentred anisotropy (share)",
            "mean_cosine", "mean cosine similarity",
            "isoscore", "IsoScore (0 to 1)",
            "twonn", "TwoNN intrinsic dimension",
            "mle", "MLE intrinsic dimension",
            "phd", "PH intrinsic dimension",
            "pca_dim", "PCA dimension (components, 90 %)",
            "participation_ratio", "participation ratio (dimensions)");

    private MetricLabels() {
    }

    /** The axis label of {@code metricId}, e.g. "TwoNN intrinsic dimension". */
    public static String axisLabel(String metricId) {
        return LABELS.getOrDefault(metricId, metricId);
    }
}
