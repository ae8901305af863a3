"""What a researcher would write instead of Shapescope: the reference side of the grid benchmark.

For every step_<N>/layer_<L>.npy under NPYDIR (the npy twin that `shapescope bench make-run --npy`
writes of the same values as the Arrow run): anisotropy and pca_dim from np.linalg.svd of the
centred float32 matrix, TwoNN (Facco et al. 2017, discard 0.1) and MLE (Levina-Bickel k=20,
MacKay-Ghahramani) from scikit-learn NearestNeighbors(n_neighbors=21, n_jobs=-1) on float32.
TwoNN and MLE are imported from analysis/reference/geometry_reference.py. Prints the time and writes a CSV with the
columns of `shapescope analyze`. Also measures the machine's SGEMM peak with numpy.

usage: /usr/bin/python3 reference_grid.py NPYDIR OUT.csv
"""
import os
import re
import sys
import time

import numpy as np
from sklearn.neighbors import NearestNeighbors

# TwoNN and MLE exactly as the accuracy reference writes them from the papers.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "analysis", "reference"))
from geometry_reference import mle, twonn  # noqa: E402


def cell(x):
    xc = x - x.mean(axis=0)
    s = np.linalg.svd(xc, compute_uv=False)
    lam = (s.astype(np.float64)) ** 2
    anisotropy = lam[0] / lam.sum()
    pca_dim = int(np.argmax(np.cumsum(lam) >= 0.9 * lam.sum()) + 1)
    dist, _ = NearestNeighbors(n_neighbors=21, n_jobs=-1).fit(x).kneighbors(x)
    dist = dist[:, 1:].astype(np.float64)
    dist = dist[dist[:, 0] > 0]  # duplicated tokens: Shapescope drops them too
    return anisotropy, twonn(dist), mle(dist), pca_dim


def sgemm_peak():
    a = np.random.default_rng(0).random((2048, 2048), dtype=np.float32)
    a @ a
    best = min(_timed(lambda: a @ a) for _ in range(5))
    return 2 * 2048 ** 3 / best / 1e9


def _timed(f):
    t = time.perf_counter()
    f()
    return time.perf_counter() - t


def npy_cells(npy_dir):
    """(step, layer, path) of every step_<N>/layer_<L>.npy under npy_dir, by step then layer."""
    cells = []
    for step_dir in os.listdir(npy_dir):
        m = re.fullmatch(r"step_(\d+)", step_dir)
        if not m:
            continue
        for name in os.listdir(os.path.join(npy_dir, step_dir)):
            lm = re.fullmatch(r"layer_(\d+)\.npy", name)
            if lm:
                cells.append((int(m.group(1)), int(lm.group(1)), os.path.join(npy_dir, step_dir, name)))
    return sorted(cells)


def main():
    npy_dir, out = sys.argv[1], sys.argv[2]
    cells = npy_cells(npy_dir)
    rows = []
    start = time.perf_counter()
    for step, layer, path in cells:
        x = np.load(path).astype(np.float32)
        rows.append((step, layer) + cell(x) + (len(x),))
    elapsed = time.perf_counter() - start
    with open(out, "w") as f:
        f.write("step,layer,anisotropy,twonn,mle,pca_dim,tokens_used,tokens_dropped\n")
        for r in rows:
            f.write(f"{r[0]},{r[1]},{r[2]!r},{r[3]!r},{r[4]!r},{r[5]},{r[6]},0\n")
    print(f"reference cells {len(rows)}  wall {elapsed:.2f} s  ({elapsed / max(1, len(rows)):.3f} s per cell)")
    print(f"numpy sgemm 2048^3 peak {sgemm_peak():.1f} GFLOPS")


if __name__ == "__main__":
    main()
