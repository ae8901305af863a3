package org.shapescope.analysis.geometry;

import java.util.List;
import java.util.Set;

/**
 * One geometry measure of a cell's point cloud: the extension point for estimators. An estimator
 * says what it needs from the cell ({@link CellInput}: the spectrum of the centred scatter, the
 * neighbour table, …), which {@link MeasureParameter}s its value depends on, and computes its
 * value from the shared {@link CellInputs}, so that one scatter and one neighbour pass serve every
 * estimator of a cell. Adding one is one class implementing this and one line in
 * {@link Estimators} (docs/ARCHITECTURE.md).
 *
 * <p>Implementations are stateless and thread-safe. A value that cannot be defined on the cell
 * is a {@link MeasureResult#refused refusal} with the reason, never a silent NaN.
 */
public interface Estimator {

    /** The stable id: the CLI's {@code --metrics}, the CSV column, the store's estimator name. */
    String name();

    /** One line for help texts and the app's metric chooser. */
    String description();

    /** The shared work of the cell it reads. */
    Set<CellInput> needs();

    /** The parameters its value depends on, in key order (none by default). */
    default List<MeasureParameter> parameters() {
        return List.of();
    }

    /** Raised whenever a change to the code changes its values: part of the store key (1 by default). */
    default int version() {
        return 1;
    }

    /** Neighbours per row it reads from the neighbour table (0 when it reads none). */
    default int neighbours(MeasureParameters parameters) {
        return 0;
    }

    /**
     * Whether its value depends on the seeded token sample, so that with
     * {@link MeasureParameters#resamples()} R &gt; 1 it is computed on R samples and reported as
     * mean ± standard deviation: by default, when it reads {@link MeasureParameter#NEIGHBOUR_TOKENS}.
     */
    default boolean resampled(MeasureParameters parameters) {
        return parameters().contains(MeasureParameter.NEIGHBOUR_TOKENS);
    }

    /**
     * Whether, with {@link MeasureParameters#resamples()} R &gt; 1, its spread is a bootstrap: it is
     * computed again on R resamples of the finite rows drawn with replacement (seeds seed … seed + R − 1)
     * and reported as its value on all rows ± the standard deviation over the R replicates. For the
     * estimators that read every finite token (the spectral ones), where a token subsample has nothing to vary.
     */
    default boolean bootstrapped() {
        return false;
    }

    /** Its value on the cell. */
    MeasureResult compute(CellInputs cell, MeasureParameters parameters);

    /**
     * The text that, with the checkpoint file's identity and the layer, identifies a stored value:
     * name, version and the values of {@link #parameters()}, e.g.
     * {@code twonn/v2;tokens=4096;seed=0;twonn_discard=0.1;twonn_authors=false}; when it is
     * {@linkplain #resampled resampled} or {@linkplain #bootstrapped bootstrapped} with R &gt; 1 resamples,
     * {@code ;resamples=R} follows, and {@code ;seed=S} when the seed is not among its parameters (R = 1
     * leaves the key as it was before resamples existed).
     */
    default String storeKey(MeasureParameters parameters) {
        StringBuilder key = new StringBuilder(name()).append("/v").append(version());
        for (MeasureParameter parameter : parameters()) {
            key.append(';').append(parameter.id()).append('=').append(parameter.valueIn(parameters));
        }
        if (parameters.resamples() > 1 && (resampled(parameters) || bootstrapped())) {
            key.append(";resamples=").append(parameters.resamples());
            if (!parameters().contains(MeasureParameter.SEED)) {
                key.append(";seed=").append(parameters.seed());
            }
        }
        return key.toString();
    }

    /** What an estimator can ask of a cell; {@link CellInputs} computes each at most once. */
    enum CellInput {
        /** The finite rows (NaN/Inf rows dropped and counted). */
        FINITE_ROWS,
        /** Eigenvalues of the centred scatter X_cᵀX_c over the finite rows. */
        CENTRED_SPECTRUM,
        /** Only the largest of them and their sum (by Lanczos, unless the whole spectrum is computed anyway). */
        CENTRED_LARGEST_EIGENVALUE,
        /** Eigenvalues of the uncentred scatter XᵀX over the finite rows. */
        UNCENTRED_SPECTRUM,
        /** The seeded, de-duplicated token sample of the neighbour-based estimators. */
        NEIGHBOUR_SAMPLE,
        /** The exact k-nearest-neighbour table of that sample (k the largest any estimator asks). */
        NEIGHBOUR_TABLE,
        /** The first {@code neighbourTokens} finite rows, duplicates kept, and their 2-NN table (LLM-Microscope's TwoNN). */
        TOKEN_PREFIX,
        /**
         * The next layer of the same checkpoint over the same tokens ({@link NextLayer}): the cell
         * computation reads it only when an estimator of the cell declares this need.
         */
        NEXT_LAYER
    }
}
