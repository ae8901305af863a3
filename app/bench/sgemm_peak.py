#!/usr/bin/env python3
"""One thread's matrix-multiply rate on this machine, the peak the kernels of `bench grid` are
measured against: numpy's float32 and float64 GEMM (OpenBLAS behind Debian's numpy when
libopenblas0 is installed) on the shape of the neighbour scan's panels (4096 x 512, inner 768),
best of --repeat. Run with OPENBLAS_NUM_THREADS=1 (set here before numpy loads).
usage: sgemm_peak.py [--inner D] [--repeat R]      prints "sgemm G GFLOP/s  dgemm G GFLOP/s (1 thread)"
"""
import argparse
import os
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np  # noqa: E402


def rate(dtype, m, n, k, repeat):
    rng = np.random.default_rng(1)
    a = rng.standard_normal((m, k)).astype(dtype)
    b = rng.standard_normal((k, n)).astype(dtype)
    a @ b  # warm up
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - t)
    return 2.0 * m * n * k / best / 1e9


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--inner", type=int, default=768)
    p.add_argument("--repeat", type=int, default=5)
    args = p.parse_args()
    s = rate(np.float32, 4096, 512, args.inner, args.repeat)
    d = rate(np.float64, 4096, 512, args.inner, args.repeat)
    print(f"sgemm {s:.1f} GFLOP/s  dgemm {d:.1f} GFLOP/s  (1 thread, 4096 x 512 x {args.inner}, "
          f"OPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']})")


if __name__ == "__main__":
    main()
