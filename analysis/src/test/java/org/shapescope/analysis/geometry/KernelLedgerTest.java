package org.shapescope.analysis.geometry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ludovic.netlib.blas.BLAS;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.shapescope.analysis.geometry.KernelLedger.Entry;
import org.shapescope.analysis.geometry.KernelLedger.Kernel;

/**
 * The ledger books each kernel's textbook operation count (exact integers, so exact comparisons)
 * and its calls, on the pure-Java path and, where the machine has one, the native one. Times are
 * only checked to be booked (positive), never against a bound: that is the benchmark's job.
 */
@Isolated("the ledger is global; a test running beside it would book into it")
class KernelLedgerTest {

    @BeforeEach
    void reset() {
        KernelLedger.reset();
    }

    private static Map<Kernel, Entry> ledger() {
        return KernelLedger.snapshot().stream().collect(Collectors.toMap(Entry::kernel, Function.identity()));
    }

    @Test
    void spectrumBooksTheScatterAndTheTridiagonalisation() {
        int n = 64;
        int d = 8;
        CovarianceSpectrum.of(Clouds.gaussian(n, d, 1), n, d, true, 1, () -> false, null);
        Map<Kernel, Entry> ledger = ledger();
        // d(d + 1)/2 entries of n multiply-adds; (4/3)·d³ rounded down
        assertThat(ledger.get(Kernel.SCATTER).flops()).isEqualTo((long) d * (d + 1) * n);
        assertThat(ledger.get(Kernel.EIGENVALUES).flops()).isEqualTo(4L * d * d * d / 3);
        assertThat(ledger.get(Kernel.SCATTER).calls()).isEqualTo(1);
        assertThat(ledger.get(Kernel.SCATTER).nanos()).isPositive();
        assertThat(ledger.get(Kernel.DISTANCE_PRODUCTS).calls()).isZero();
    }

    @Test
    void wideCloudBooksTheGramOrientation() {
        int n = 10;
        int d = 50;
        CovarianceSpectrum.of(Clouds.gaussian(n, d, 2), n, d, true, 1, () -> false, null);
        assertThat(ledger().get(Kernel.SCATTER).flops()).isEqualTo((long) n * (n + 1) * d);
        assertThat(ledger().get(Kernel.EIGENVALUES).flops()).isEqualTo(4L * n * n * n / 3);
    }

    @Test
    void pureJavaNeighbourScanBooksEachBlockPairOnce() {
        int n = 300; // three panels of DotProductPanels.WIDTH = 128: 128, 128, 44
        int d = 6;
        int k = 3;
        NearestNeighbourSearch.of(Clouds.gaussian(n, d, 3), n, d, k, 1, () -> false, null);
        int[] blocks = {128, 128, 44};
        long expected = 0;
        for (int i = 0; i < blocks.length; i++) {
            for (int j = i; j < blocks.length; j++) {
                expected += 2L * blocks[i] * blocks[j] * d;
            }
        }
        Map<Kernel, Entry> ledger = ledger();
        assertThat(ledger.get(Kernel.DISTANCE_PRODUCTS).flops()).isEqualTo(expected);
        assertThat(ledger.get(Kernel.NEIGHBOUR_SELECTION).calls()).isEqualTo(6);
        // a unit Gaussian cloud: the float order is trustworthy, every row keeps between k and k + margin candidates
        int candidates = k + NearestNeighbourSearch.RECHECK_MARGIN;
        assertThat(ledger.get(Kernel.NEIGHBOUR_RECHECK).flops()).isBetween(3L * d * n * k, 3L * d * n * candidates);
        assertThat(ledger.get(Kernel.NEIGHBOUR_EXHAUSTIVE_ROWS).calls()).isZero();
    }

    @Test
    void rowsInsideATightClusterAreMeasuredAgainstEveryRow() {
        int n = 200;
        int cluster = 30;
        int d = 8;
        float[] x = Clouds.gaussian(n, d, 6);
        float[] tight = Clouds.gaussian(cluster, d, 7);
        for (int i = 0; i < cluster; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = x[j] + 1e-5f * tight[i * d + j];
            }
        }
        NearestNeighbourSearch.of(x, n, d, 3, 1, () -> false, null);
        Entry rows = ledger().get(Kernel.NEIGHBOUR_EXHAUSTIVE_ROWS);
        // the cluster's rows, whose float distances to each other are rounding noise, and the few
        // outside rows whose candidates are all cluster members at one distance up to rounding
        // (34 here); not the rest of the cloud
        assertThat(rows.calls()).isBetween((long) cluster, 2L * cluster);
        assertThat(rows.flops()).isEqualTo(3L * d * (n - 1) * rows.calls());
    }

    @Test
    void nativeNeighbourScanBooksTheTrapezoidOfEachPanel() {
        BLAS blas = NativeBlas.orNull();
        org.junit.jupiter.api.Assumptions.assumeTrue(blas != null, "no native BLAS on this machine");
        int n = 1100; // panels of 512 from rows 0, 512, 1024
        int d = 5;
        NearestNeighbourSearch.of(Clouds.gaussian(n, d, 4), n, d, 2, 1, () -> false, blas);
        long expected = 0;
        for (int p0 = 0; p0 < n; p0 += NativeDistanceScan.PANEL) {
            expected += 2L * (n - p0) * Math.min(NativeDistanceScan.PANEL, n - p0) * d;
        }
        Map<Kernel, Entry> ledger = ledger();
        assertThat(ledger.get(Kernel.DISTANCE_PRODUCTS).flops()).isEqualTo(expected);
        assertThat(ledger.get(Kernel.DISTANCE_PRODUCTS).calls()).isEqualTo(3);
        assertThat(ledger.get(Kernel.NEIGHBOUR_SELECTION).calls()).isEqualTo(3);
    }

    @Test
    void lanczosBooksTwoProductsPerStep() {
        int n = 200;
        int d = 4;
        // d = 4: the Krylov space is exhausted after at most 4 steps
        LargestEigenvalue.of(Clouds.gaussian(n, d, 5), n, d, () -> false);
        Entry lanczos = ledger().get(Kernel.LANCZOS);
        long perStepProducts = 4L * n * d;
        assertThat(lanczos.calls()).isEqualTo(1);
        assertThat(lanczos.flops()).isGreaterThanOrEqualTo(perStepProducts).isLessThanOrEqualTo(d * (perStepProducts + 8L * d * d));
    }

    @Test
    void resetZeroesEveryKernel() {
        KernelLedger.book(Kernel.SCATTER, 10, 20);
        KernelLedger.reset();
        assertThat(KernelLedger.snapshot()).allSatisfy(e -> assertThat(e.calls() + e.nanos() + e.flops()).isZero());
    }
}
