package org.shapescope.analysis.geometry;

import dev.ludovic.netlib.blas.BLAS;
import java.util.Map;

/**
 * Bench command (not a test): times the kNN and covariance kernels on a seeded 4096 × 768
 * float32 cloud, native BLAS (when present) and pure Java side by side in one run, best of
 * {@link #REPEATS}, and prints the manifold estimates for docs/MEASURES.md.
 * Compare with analysis/reference/bench_reference.py run right before or after.
 * Run: java -cp analysis/target/classes:analysis/target/test-classes:$(cat /tmp/analysis.cp)
 * org.shapescope.analysis.geometry.GeometryKernelBench [threads]
 * with the classpath from {@code mvn -pl analysis dependency:build-classpath -Dmdep.outputFile=/tmp/analysis.cp}.
 */
public final class GeometryKernelBench {

    static final int REPEATS = 3;

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int n = 4096;
        int d = 768;
        float[] x = Clouds.gaussian(n, d, 0);
        if (NativeBlas.orNull() != null) {
            time("native BLAS", x, n, d, threads, NativeBlas.orNull());
        }
        time("pure Java", x, n, d, threads, null);
        if (args.length > 1) {
            printManifolds();
        }
    }

    private static void time(String backend, float[] x, int n, int d, int threads, BLAS blas) {
        double knn = Double.MAX_VALUE;
        double gram = Double.MAX_VALUE;
        double spectrum = Double.MAX_VALUE;
        for (int r = 0; r < REPEATS; r++) {
            long t = System.nanoTime();
            NearestNeighbourSearch.of(x, n, d, 21, threads, () -> false, blas);
            knn = Math.min(knn, (System.nanoTime() - t) / 1e9);
            t = System.nanoTime();
            ScatterMatrix.of(ColumnCentering.centred(x, n, d), n, d, threads, () -> false, blas);
            gram = Math.min(gram, (System.nanoTime() - t) / 1e9);
            t = System.nanoTime();
            CovarianceSpectrum.of(x, n, d, true, threads, () -> false, blas);
            spectrum = Math.min(spectrum, (System.nanoTime() - t) / 1e9);
        }
        // kNN scans half of the n × n dot products; the covariance forms half of the d × d ones
        double knnGflop = (double) n * n * d / 1e9;
        double gramGflop = (double) d * d * n / 1e9;
        System.out.printf("%s, threads=%d: knn(k=21) %.3f s (%.1f GFLOPS in the scan); covariance %.3f s (%.1f GFLOPS);"
                + " covariance+eigenvalues %.3f s%n", backend, threads, knn, knnGflop / knn, gram, gramGflop / gram, spectrum);
    }

    private static void printManifolds() {
        int n = 1500;
        Object[][] sets = {
            {"helix m=1 R^8", Clouds.helix(n, 8, 21), 8},
            {"swiss roll m=2 R^10", Clouds.swissRoll(n, 10, 22), 10},
            {"S^3 m=3 R^10", Clouds.sphere(n, 3, 10, 23), 10},
            {"affine cube m=4 R^30", Clouds.affineCube(n, 4, 30, 24), 30},
            {"S^5 m=5 R^20", Clouds.sphere(n, 5, 20, 25), 20},
        };
        for (Object[] s : sets) {
            Map<String, MeasureResult> r = CellAnalyzer.analyze((float[]) s[1], n, (int) s[2],
                    Estimators.of("twonn", "mle", "phd"), MeasureParameters.defaults().withThreads(2), () -> false);
            Map<String, MeasureResult> a = CellAnalyzer.analyze((float[]) s[1], n, (int) s[2], Estimators.of("twonn"),
                    MeasureParameters.defaults().withTwonnAuthorsPreset(true), () -> false);
            System.out.printf("%s: twonn %.3f twonn_authors %.3f mle %.3f phd %.3f%n", s[0], r.get("twonn").value(),
                    a.get("twonn").value(), r.get("mle").value(), r.get("phd").value());
        }
    }
}
