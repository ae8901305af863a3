#!/usr/bin/python3
"""Prints what the exported sample data shows: held-out loss per checkpoint, and per layer the
anisotropy (mean cosine similarity between different tokens) and a TwoNN intrinsic-dimension
estimate (Facco et al. 2017, maximum-likelihood form) of the exported float16 hidden states.

    /usr/bin/python3 summarize.py out/tiny-decoder out/tiny-encoder [--markdown]

This is an independent numpy check for the README, not Shapescope's own implementation.
"""
import argparse
import json
import os
import re

import numpy as np
from scipy.spatial.distance import cdist


def anisotropy(x):
    n = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
    g = n @ n.T
    k = len(x)
    return float((g.sum() - np.trace(g)) / (k * (k - 1)))


def twonn(x):
    d = cdist(x, x)
    np.fill_diagonal(d, np.inf)
    d.sort(axis=1)
    r1, r2 = d[:, 0], d[:, 1]
    ok = (r1 > 0) & np.isfinite(r2)
    mu = r2[ok] / r1[ok]
    return float(ok.sum() / np.log(mu).sum())


def steps_of(run):
    return sorted(int(m.group(1)) for m in (re.match(r"step_(\d+)$", n) for n in os.listdir(run)) if m)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("runs", nargs="+")
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args()
    for run in args.runs:
        info = json.load(open(os.path.join(run, "run.json")))
        steps = steps_of(run)
        layers = info["layers"] + 1
        print(f"\n{info['name']}: held-out loss {info['heldout_loss']} nats/byte, unigram entropy {info['unigram_entropy']}"
              f", {info['training']['steps']} steps in {info['training']['train_seconds']:.0f}s\n")
        for metric, fn in (("anisotropy (mean cosine)", anisotropy), ("TwoNN intrinsic dimension", twonn)):
            header = ["step", "eval loss"] + [f"L{l}" for l in range(layers)]
            if args.markdown:
                print(f"{metric}:\n\n| " + " | ".join(header) + " |\n|" + "---|" * len(header))
            else:
                print(metric + ":\n" + "  ".join(f"{h:>7}" for h in header))
            for s in steps:
                vals = []
                for l in range(layers):
                    x = np.load(os.path.join(run, f"step_{s}", f"layer_{l}.npy")).astype(np.float64)
                    vals.append(fn(x))
                ev = info["heldout_loss_by_step"].get(str(s))
                cells = [str(s), f"{ev:.3f}" if ev is not None else ""] + [f"{v:.2f}" for v in vals]
                if args.markdown:
                    print("| " + " | ".join(cells) + " |")
                else:
                    print("  ".join(f"{c:>7}" for c in cells))
            print()


if __name__ == "__main__":
    main()
