package org.shapescope.app.cli;

import java.util.List;
import org.shapescope.analysis.geometry.Estimator;
import org.shapescope.analysis.geometry.Estimators;
import picocli.CommandLine.Option;

/** What a command that computes a grid on this machine computes and with how many cores (a picocli mixin). */
final class GridOptions {
    static final String DEFAULT_METRICS = "anisotropy,twonn,mle,pca_dim";

    @Option(names = "--metrics", split = ",", paramLabel = "M", defaultValue = DEFAULT_METRICS,
            completionCandidates = EstimatorNames.class,
            description = "comma-separated, of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; each is described below)")
    List<String> metricIds;

    @Option(names = "--threads", paramLabel = "T", description = "cores to use (default: all)")
    Integer threads;

    /** The registered estimators named by --metrics, in that order. */
    List<Estimator> estimators() {
        return Estimators.named(metricIds);
    }

    /** The cores --threads allows (all of this machine's by default). */
    int cores() {
        int cores = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (cores < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
        return cores;
    }
}
