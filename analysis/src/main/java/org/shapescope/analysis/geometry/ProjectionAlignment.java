package org.shapescope.analysis.geometry;

/** How the projections of one layer's checkpoints are put into frames (docs/MEASURES.md, "Aligned projections"). */
public enum ProjectionAlignment {
    /** Each checkpoint on its own principal components (signs fixed, nothing else). */
    INDEPENDENT("independent PCA"),
    /**
     * Each checkpoint's top {@link AlignedProjections#PROCRUSTES_COMPONENTS} principal coordinates
     * rotated (orthogonal Procrustes, translation included) onto its later neighbour's aligned
     * coordinates over the shared tokens, chained from the last checkpoint, whose own PCA frame is the reference.
     */
    PROCRUSTES("Procrustes-aligned"),
    /** One basis for all checkpoints: the principal directions of the stacked clouds, each centred on its own mean. */
    COMMON_BASIS("common PCA basis");

    private final String label;

    ProjectionAlignment(String label) {
        this.label = label;
    }

    /** Short name for menus and axis labels. */
    public String label() {
        return label;
    }
}
