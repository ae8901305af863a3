package org.shapescope.app.cli;

import org.shapescope.analysis.geometry.MeasureParameters;
import picocli.CommandLine.Option;

/** The measure parameters shared by every command that computes a grid (a picocli mixin). */
final class MeasureOptions {
    @Option(names = "--tokens", paramLabel = "N", defaultValue = "4096",
            description = "tokens sampled (seeded) for twonn, mle and phd; more than a layer holds means all (default: ${DEFAULT-VALUE})")
    int tokens;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "seed of the token sample (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--twonn-discard", paramLabel = "F", defaultValue = "0.1",
            description = "fraction of the largest r2/r1 ratios TwoNN discards (default: ${DEFAULT-VALUE}, as Facco et al.)")
    double twonnDiscard;

    @Option(names = "--twonn-authors", description = "TwoNN exactly as LLM-Microscope's intrinsic_dimension(reduction_factor=5): the first N tokens, "
                    + "duplicates kept (cut but counted in F), the smallest 20%% of ratios fitted")
    boolean twonnAuthors;

    @Option(names = "--resamples", paramLabel = "R", defaultValue = "1",
            description = "compute twonn, mle, phd and gride on R seeded token samples (seeds S … S+R-1) and report "
                    + "mean and standard deviation (<metric>_std); the spectral measures keep their value on all tokens "
                    + "and get the standard deviation over R bootstrap resamples of the rows; Lee et al. (ACL 2025) "
                    + "use 5 (default: ${DEFAULT-VALUE}, one sample)")
    int resamples;

    MeasureParameters parameters() {
        if (resamples < 1) {
            throw new IllegalArgumentException("--resamples must be at least 1, not " + resamples);
        }
        return MeasureParameters.defaults().withNeighbourTokens(Math.max(1, tokens)).withSeed(seed)
                .withTwonnDiscardFraction(twonnDiscard).withTwonnAuthorsPreset(twonnAuthors)
                .withResamples(resamples);
    }
}
