"""Whole-grid reference for `shapescope bench grid`: for every layer .npy of a run's npy twin,
numpy SVD of the centred float32 matrix (anisotropy, pca_dim) and scikit-learn brute
NearestNeighbors(n_neighbors=21, n_jobs=-1) (TwoNN without discard, MLE k=20). Prints wall time.
Usage: /usr/bin/python3 bench_grid_reference.py /work/bench/gpt2-synth-npy"""
import pathlib, sys, time
import numpy as np
from sklearn.neighbors import NearestNeighbors

root = pathlib.Path(sys.argv[1])
files = sorted(root.glob("step_*/layer_*.npy"))
t0 = time.perf_counter()
for f in files:
    x = np.load(f).astype(np.float32, copy=False)
    xc = x - x.mean(axis=0, dtype=np.float64).astype(np.float32)
    s2 = np.linalg.svd(xc, compute_uv=False).astype(np.float64) ** 2
    anisotropy = s2[0] / s2.sum()
    pca_dim = int(np.searchsorted(np.cumsum(s2) / s2.sum(), 0.9) + 1)
    dist, _ = NearestNeighbors(n_neighbors=21, n_jobs=-1).fit(x).kneighbors(x)
    r = dist[:, 1:]  # the first neighbour of a point is itself
    r = r[r[:, 0] > 0]  # duplicated tokens: Shapescope drops them too
    mu = np.sort(r[:, 1] / r[:, 0])
    f = np.arange(1, len(mu)) / len(mu)  # F = i/N; the last point (F = 1) is left out
    twonn = -np.log(1 - f) @ np.log(mu[:-1]) / (np.log(mu[:-1]) @ np.log(mu[:-1]))
    mle = 1 / np.mean(np.log(r[:, 19:20] / r[:, :19]).sum(axis=1) / 19)
wall = time.perf_counter() - t0
print(f"cells {len(files)}  wall {wall:.2f} s  ({wall / len(files):.3f} s per cell)  numpy SVD + sklearn kNN")
