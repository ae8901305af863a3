"""The short PyTorch script a researcher would write instead of Shapescope (issue: "Faster than a
PyTorch script on the same cores"): CPU, float32, for every step_<N>/layer_<L>.npy under NPYDIR
(the npy twin `shapescope bench make-run --npy` writes of the Arrow run):
  - spectrum: Xc.T @ Xc, then torch.linalg.eigvalsh (no SVD) -> anisotropy, pca_dim (90 %);
  - exact kNN by blocked Xc @ Xc.T (squared distances |a|^2 + |b|^2 - 2ab) with torch.topk, k = 21;
  - TwoNN (Facco et al. 2017, 10 % discarded) and Levina-Bickel MLE (k = 20, MacKay-Ghahramani)
    from the same neighbour table.
Duplicated tokens (first-neighbour distance 0) are dropped as Shapescope drops them. Uses
torch.set_num_threads(THREADS) (default: all cores). Prints the wall time and writes a CSV with the
columns of `shapescope analyze`.

usage: /usr/bin/python3 torch_reference.py NPYDIR OUT.csv [THREADS]
"""
import math
import os
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reference_grid import npy_cells  # noqa: E402  the same cells in the same order as the numpy reference

BLOCK = 1024
K = 21


def neighbours(xc):
    sq = (xc * xc).sum(1)
    out = []
    for start in range(0, len(xc), BLOCK):
        b = xc[start:start + BLOCK]
        d2 = sq[start:start + BLOCK, None] + sq[None, :] - 2.0 * (b @ xc.T)
        d2[torch.arange(len(b)), torch.arange(start, start + len(b))] = float("inf")
        values, _ = torch.topk(d2, K, dim=1, largest=False)
        out.append(values.clamp_min(0).sqrt())
    return torch.cat(out).double()


def twonn(dist, discard=0.1):
    mu, _ = torch.sort(dist[:, 1] / dist[:, 0])
    n = len(mu)
    m = min(n - 1, int(math.floor(n * (1 - discard))))
    xs = torch.log(mu[:m])
    ys = -torch.log(1 - torch.arange(1, m + 1, dtype=torch.float64) / n)
    return float((xs * ys).sum() / (xs * xs).sum())


def mle(dist, k=20):
    t = dist[:, :k]
    inv = torch.log(t[:, k - 1:k] / t[:, :k - 1]).sum(1) / (k - 1)
    return float(1.0 / inv.mean())


def cell(x):
    xc = x - x.mean(0)
    lam = torch.linalg.eigvalsh(xc.T @ xc).double().flip(0).clamp_min(0)
    anisotropy = float(lam[0] / lam.sum())
    pca_dim = int(torch.searchsorted(torch.cumsum(lam, 0), 0.9 * lam.sum()).item()) + 1
    dist = neighbours(xc)
    dist = dist[dist[:, 0] > 0]
    return anisotropy, twonn(dist), mle(dist), pca_dim


def main():
    npy_dir, out = sys.argv[1], sys.argv[2]
    torch.set_num_threads(int(sys.argv[3]) if len(sys.argv) > 3 else os.cpu_count())
    rows = []
    start = time.perf_counter()
    with torch.no_grad():
        for step, layer, path in npy_cells(npy_dir):
            x = torch.from_numpy(np.load(path).astype(np.float32))
            rows.append((step, layer) + cell(x) + (len(x),))
    elapsed = time.perf_counter() - start
    with open(out, "w") as f:
        f.write("step,layer,anisotropy,twonn,mle,pca_dim,tokens_used,tokens_dropped\n")
        for r in rows:
            f.write(f"{r[0]},{r[1]},{r[2]!r},{r[3]!r},{r[4]!r},{r[5]},{r[6]},0\n")
    print(f"pytorch cells {len(rows)}  wall {elapsed:.2f} s  ({elapsed / max(1, len(rows)):.3f} s per cell)"
          f"  torch {torch.__version__} threads {torch.get_num_threads()}")


if __name__ == "__main__":
    main()
