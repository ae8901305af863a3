"""Compares two CSVs of `shapescope analyze` columns cell by cell.

Tolerances (the geometry issue's): anisotropy within ANISOTROPY_ABS absolute, TwoNN and MLE within
ID_REL relative, pca_dim within PCA_DIM_ABS (float16 data centred in float32 vs float64 can move
the 90% crossing by one component). Exits 1 when any cell is outside them.

usage: /usr/bin/python3 compare_grids.py OURS.csv REFERENCE.csv
"""
import csv
import sys

ANISOTROPY_ABS = 1e-4
ID_REL = 0.01
PCA_DIM_ABS = 1


def load(path):
    with open(path) as f:
        return {(int(r["step"]), int(r["layer"])): r for r in csv.DictReader(f)}


def main():
    ours, ref = load(sys.argv[1]), load(sys.argv[2])
    worst = {"anisotropy": 0.0, "twonn": 0.0, "mle": 0.0, "pca_dim": 0.0}
    bad = 0
    for key, r in ref.items():
        o = ours.get(key)
        if o is None:
            print("missing cell", key)
            bad += 1
            continue
        da = abs(float(o["anisotropy"]) - float(r["anisotropy"]))
        dt = abs(float(o["twonn"]) / float(r["twonn"]) - 1)
        dm = abs(float(o["mle"]) / float(r["mle"]) - 1)
        dp = abs(float(o["pca_dim"]) - float(r["pca_dim"]))
        worst = {k: max(worst[k], v) for k, v in zip(worst, (da, dt, dm, dp))}
        if da > ANISOTROPY_ABS or dt > ID_REL or dm > ID_REL or dp > PCA_DIM_ABS:
            bad += 1
    print(f"cells {len(ref)}  outside tolerance {bad}  worst: anisotropy abs {worst['anisotropy']:.2e}, "
          f"twonn rel {worst['twonn']:.2e}, mle rel {worst['mle']:.2e}, pca_dim abs {worst['pca_dim']:.0f}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
