package org.shapescope.spark;

/**
 * A grid could not finish on its Spark cluster: the job failed, or no executor was left to run it.
 * The message says how many cells were done (they are in the store) and that a rerun computes the rest.
 */
public final class ClusterUnavailableException extends RuntimeException {
    public ClusterUnavailableException(String message) {
        super(message);
    }

    public ClusterUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
