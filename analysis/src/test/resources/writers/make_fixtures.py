#!/usr/bin/env python3
"""Writes checkpoint files the way other tools write them by default, for WriterFixtureTest.

Regenerate (from this folder, with pyarrow, polars, pandas and datasets installed, e.g. the virtualenv of
tools/ci/python-venv.sh):

    /work/venv-formats/bin/python make_fixtures.py

Every case is a run folder <case>/ of 2 or 3 checkpoints x 2 layers x 50 tokens x 8 dims. The values
follow one formula (value() below), chosen so that every value is a multiple of 1/8 below 8 in
magnitude and therefore exact in float16, float32 and float64: the Java test recomputes it and
compares exactly. Per token: token_id = 3*row + 1, sequence = row // 10, position = row % 10,
token = "tok<row>" ("ü<row>" for rows ending in 7, to check UTF-8).

anisotropy.csv holds numpy's anisotropy (lambda_1 / trace of the centred covariance, float64) of
every readable (case, step, layer) cell, computed on the values as stored with the rows holding a
null or NaN left out: the Java test compares Shapescope's value with it. VERSIONS.txt records the
writers used.
"""
import json
import os
import platform
import shutil
import sys

import datasets
import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.feather
import pyarrow.ipc

TOKENS = 50
HIDDEN = 8
LAYERS = (0, 1)
STEPS = (0, 512, 1024)
HERE = os.path.dirname(os.path.abspath(__file__))


def value(k, layer, row, col):
    """The recipe's formula: a rank-1 direction plus a modular pattern, all multiples of 1/8."""
    u = ((37 * row + 11 * k + 5 * layer) % 29 - 14) / 4
    direction = (col % 3 + 1) / 2
    w = ((13 * row + 7 * col + 3 * layer + k) % 17 - 8) / 8
    return u * direction + w


def matrix(k, layer, dtype=np.float32):
    return np.array([[value(k, layer, r, c) for c in range(HIDDEN)] for r in range(TOKENS)], dtype=dtype)


def token_text(row):
    return f"ü{row}" if row % 10 == 7 else f"tok{row}"


def columns(k, dtype=np.float32):
    """Long-format columns of checkpoint k: one row per token per layer, layer 0 first."""
    rows = np.tile(np.arange(TOKENS), len(LAYERS))
    return {
        "layer": np.repeat(np.array(LAYERS, dtype=np.int32), TOKENS),
        "X": np.concatenate([matrix(k, layer, dtype) for layer in LAYERS]),
        "token_id": (3 * rows + 1).astype(np.int64),
        "sequence": (rows // 10).astype(np.int32),
        "position": (rows % 10).astype(np.int32),
        "token": [token_text(r) for r in rows],
    }


def arrow_table(k, embedding, token=None, step_metadata=True, **overrides):
    c = columns(k)
    data = {
        "layer": pa.array(c["layer"]),
        "embedding": embedding,
        "token_id": pa.array(c["token_id"]),
        "sequence": pa.array(c["sequence"]),
        "position": pa.array(c["position"]),
        "token": token if token is not None else pa.array(c["token"]),
    }
    data.update(overrides)
    table = pa.table(data)
    if step_metadata:
        table = table.replace_schema_metadata({"step": str(STEPS[k])})
    return table


def write_file(table, path):
    with pa.OSFile(path, "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table)


def write_stream(table, path):
    with pa.OSFile(path, "wb") as sink, pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)


def case_dir(name):
    path = os.path.join(HERE, name)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def name(k, suffix=".arrow"):
    return f"step-{STEPS[k]:06d}{suffix}"


# Rows whose embedding holds a null (or NaN) element in the null cases: (layer, row, column).
NULL_ELEMENTS = ((1, 3, 2), (1, 17, 0), (1, 17, 5))
NAN_ELEMENTS = ((0, 5, 7),)


def with_missing(k, dtype=np.float32):
    x = columns(k, dtype)["X"].copy()
    for layer, row, col in NULL_ELEMENTS + NAN_ELEMENTS:
        x[layer * TOKENS + row, col] = np.nan
    return x


def make_cases():
    """Each case: name -> list of (k, file name, how written). Returns the readable cells' matrices."""
    cells = {}  # (case, step, layer) -> float64 matrix as stored, NaN where null

    def keep(case, k, x):
        for i, layer in enumerate(LAYERS):
            cells[(case, STEPS[k], layer)] = x[i * TOKENS:(i + 1) * TOKENS].astype(np.float64)

    # --- pyarrow -----------------------------------------------------------------------------------
    d = case_dir("pyarrow-list-feather")  # pa.array(list(X)) -> list<float>; feather (LZ4) by default
    for k in range(3):
        x = columns(k)["X"]
        pa.feather.write_feather(arrow_table(k, pa.array(list(x))), os.path.join(d, name(k, ".feather")))
        keep("pyarrow-list-feather", k, x)

    d = case_dir("pyarrow-tolist-float64")  # pa.array(X.tolist()) -> list<double>
    for k in range(2):
        x = columns(k, np.float64)["X"]
        write_file(arrow_table(k, pa.array(x.tolist())), os.path.join(d, name(k)))
        keep("pyarrow-tolist-float64", k, x)

    d = case_dir("pyarrow-float16-list-stream")  # list<halffloat>, IPC stream format
    for k in range(2):
        x = columns(k, np.float16)["X"]
        write_stream(arrow_table(k, pa.array(list(x))), os.path.join(d, name(k, ".arrows")))
        keep("pyarrow-float16-list-stream", k, x)

    d = case_dir("pyarrow-large-list")  # large_list<float>, large_string tokens
    for k in range(2):
        c = columns(k)
        table = arrow_table(k, pa.array(list(c["X"]), type=pa.large_list(pa.float32())),
                            token=pa.array(c["token"], type=pa.large_string()))
        write_file(table, os.path.join(d, name(k)))
        keep("pyarrow-large-list", k, c["X"])

    d = case_dir("pyarrow-string-view")  # fixed_size_list<float>[8], string_view tokens
    for k in range(2):
        c = columns(k)
        embedding = pa.FixedSizeListArray.from_arrays(pa.array(c["X"].reshape(-1)), HIDDEN)
        write_file(arrow_table(k, embedding, token=pa.array(c["token"], type=pa.string_view())), os.path.join(d, name(k)))
        keep("pyarrow-string-view", k, c["X"])

    d = case_dir("pyarrow-dictionary")  # dictionary_encode(): dictionary<values=string, indices=int32>
    for k, suffix in ((0, ".arrow"), (1, ".arrows")):
        c = columns(k)
        table = arrow_table(k, pa.array(list(c["X"])), token=pa.array(c["token"]).dictionary_encode())
        (write_file if suffix == ".arrow" else write_stream)(table, os.path.join(d, name(k, suffix)))
        keep("pyarrow-dictionary", k, c["X"])

    d = case_dir("pyarrow-from-pandas-nulls")  # from_pandas=True turns NaN into null elements
    for k in range(2):
        x = with_missing(k)
        layer0 = pa.array(list(x[:TOKENS]))  # a NaN stays NaN
        layer1 = pa.array(list(x[TOKENS:]), from_pandas=True)  # NaN becomes null
        write_file(arrow_table(k, pa.concat_arrays([layer0, layer1])), os.path.join(d, name(k)))
        keep("pyarrow-from-pandas-nulls", k, x)

    d = case_dir("pyarrow-list-null-rows-chunked")  # null rows (one over 8 unused values), batches of 30 rows
    for k in range(2):
        x = columns(k)["X"].copy()
        null_rows = {20: 0, TOKENS + 10: HIDDEN}  # row -> values its offsets span (pyarrow writes 0; others may not)
        offsets, values, mask = [0], [], []
        for i, row in enumerate(x):
            if i in null_rows:
                values.extend([99.0] * null_rows[i])
                mask.append(True)
                x[i] = np.nan
            else:
                values.extend(row)
                mask.append(False)
            offsets.append(len(values))
        embedding = pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), pa.array(values, pa.float32()), mask=pa.array(mask))
        table = arrow_table(k, embedding)
        with pa.OSFile(os.path.join(d, name(k)), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
            writer.write_table(table, max_chunksize=30)
        keep("pyarrow-list-null-rows-chunked", k, x)

    d = case_dir("pyarrow-unusable-optional")  # position float64, token_id utf8, token int64: ignored
    for k in range(2):
        c = columns(k)
        table = arrow_table(k, pa.array(list(c["X"])), position=pa.array(c["position"].astype(np.float64)),
                            token_id=pa.array([str(i) for i in c["token_id"]]), token=pa.array(c["token_id"]))
        write_file(table, os.path.join(d, name(k)))
        keep("pyarrow-unusable-optional", k, c["X"])

    d = case_dir("pyarrow-step-metadata")  # schema metadata 'step' in the forms other tools write
    for k, meta, file in ((0, "0.0", "step-000000.arrow"), (1, "abc", "step-000512.arrow"),
                          (2, "2048", "step-001024.arrow"), (1, "123456789012345678901", "checkpoint-7.arrow")):
        c = columns(k)
        table = arrow_table(k, pa.array(list(c["X"])), step_metadata=False).replace_schema_metadata({"step": meta})
        write_file(table, os.path.join(d, file))
    for k, step in ((0, 0), (1, 512), (2, 2048), (1, 7)):
        for i, layer in enumerate(LAYERS):
            cells[("pyarrow-step-metadata", step, layer)] = columns(k)["X"][i * TOKENS:(i + 1) * TOKENS].astype(np.float64)

    d = case_dir("pyarrow-few-tokens")  # layer 1 has 2 tokens only
    for k in range(2):
        c = columns(k)
        keep_rows = (c["layer"] == 0) | (np.tile(np.arange(TOKENS), len(LAYERS)) < 2)
        table = arrow_table(k, pa.array(list(c["X"]))).filter(pa.array(keep_rows))
        write_file(table, os.path.join(d, name(k)))
        x = c["X"]
        cells[("pyarrow-few-tokens", STEPS[k], 0)] = x[:TOKENS].astype(np.float64)
        cells[("pyarrow-few-tokens", STEPS[k], 1)] = x[TOKENS:TOKENS + 2].astype(np.float64)

    d = case_dir("pyarrow-ragged")  # step 512: layer 1, row 17 holds 7 values
    for k in range(2):
        rows = list(columns(k)["X"])
        if k == 1:
            rows[TOKENS + 17] = rows[TOKENS + 17][:7]
        write_file(arrow_table(k, pa.array(rows)), os.path.join(d, name(k)))
    keep("pyarrow-ragged", 0, columns(0)["X"])

    d = case_dir("pyarrow-tensor-per-row")  # one row per layer holding the whole [tokens, hidden] tensor
    flat = pa.table({"layer": pa.array(np.array(LAYERS, dtype=np.int32)),
                     "embedding": pa.array([matrix(0, layer).reshape(-1) for layer in LAYERS])})
    write_file(flat.replace_schema_metadata({"step": "0"}), os.path.join(d, name(0)))
    nested = pa.table({"layer": pa.array(np.array(LAYERS, dtype=np.int32)),
                       "embedding": pa.array([matrix(1, layer).tolist() for layer in LAYERS])})
    write_file(nested.replace_schema_metadata({"step": "512"}), os.path.join(d, name(1)))

    # --- pandas ------------------------------------------------------------------------------------
    def frame(k, x):
        c = columns(k)
        return pd.DataFrame({"layer": c["layer"], "embedding": list(x), "token_id": c["token_id"],
                             "sequence": c["sequence"], "position": c["position"], "token": c["token"]})

    d = case_dir("pandas-to-feather")  # DataFrame.to_feather with its defaults; the step from the file name
    for k in range(2):
        x = columns(k)["X"]
        frame(k, x).to_feather(os.path.join(d, name(k, ".feather")))
        keep("pandas-to-feather", k, x)

    d = case_dir("pandas-nan-to-feather")  # NaN inside the arrays: to_feather writes null elements
    for k in range(2):
        x = with_missing(k)
        frame(k, x).to_feather(os.path.join(d, name(k, ".feather")))
        keep("pandas-nan-to-feather", k, x)

    # --- polars ------------------------------------------------------------------------------------
    def polars_frame(k, embedding):
        c = columns(k)
        return pl.DataFrame({"layer": c["layer"], "embedding": embedding, "token_id": c["token_id"],
                             "sequence": c["sequence"], "position": c["position"], "token": c["token"]})

    d = case_dir("polars-list-write-ipc")  # List(Float32) -> large_list; strings -> string_view
    for k in range(2):
        x = columns(k)["X"]
        polars_frame(k, pl.Series(x.tolist(), dtype=pl.List(pl.Float32))).write_ipc(os.path.join(d, name(k)))
        keep("polars-list-write-ipc", k, x)

    d = case_dir("polars-array-categorical-stream")  # Array(Float32, 8) from a 2-D numpy column, Categorical token
    for k in range(2):
        x = columns(k)["X"]
        df = polars_frame(k, x).with_columns(pl.col("token").cast(pl.Categorical))
        df.write_ipc_stream(os.path.join(d, name(k, ".arrows")))
        keep("polars-array-categorical-stream", k, x)

    d = case_dir("polars-float64-list-zstd")  # List(Float64) and ZSTD compression
    for k in range(2):
        x = columns(k, np.float64)["X"]
        polars_frame(k, pl.Series(x.tolist(), dtype=pl.List(pl.Float64))).write_ipc(os.path.join(d, name(k)),
                                                                                 compression="zstd")
        keep("polars-float64-list-zstd", k, x)
    # --- Hugging Face datasets ----------------------------------------------------------------------
    d = case_dir("hf-datasets-save-to-disk")  # Sequence(float32) column; save_to_disk's shard, renamed by its step
    features = datasets.Features({"layer": datasets.Value("int32"), "embedding": datasets.Sequence(datasets.Value("float32")),
                                  "token_id": datasets.Value("int64"), "sequence": datasets.Value("int32"),
                                  "position": datasets.Value("int32"), "token": datasets.Value("string")})
    for k in range(2):
        c = columns(k)
        data = {"layer": c["layer"].tolist(), "embedding": c["X"].tolist(), "token_id": c["token_id"].tolist(),
                "sequence": c["sequence"].tolist(), "position": c["position"].tolist(), "token": c["token"]}
        saved = os.path.join(d, f"saved-{k}")
        datasets.Dataset.from_dict(data, features=features).save_to_disk(saved)
        shutil.move(os.path.join(saved, "data-00000-of-00001.arrow"), os.path.join(d, name(k)))
        shutil.rmtree(saved)
        keep("hf-datasets-save-to-disk", k, c["X"])
    return cells


def anisotropy(x):
    """lambda_1 / trace of the covariance of the column-centred rows without NaN (numpy, float64)."""
    x = x[~np.isnan(x).any(axis=1)]
    centred = x - x.mean(axis=0)
    eigenvalues = np.linalg.eigvalsh(centred.T @ centred)
    return x.shape[0], eigenvalues[-1] / eigenvalues.sum()


def main():
    cells = make_cases()
    with open(os.path.join(HERE, "anisotropy.csv"), "w", newline="\n") as f:
        f.write("case,step,layer,rows,anisotropy\n")
        for (case, step, layer), x in sorted(cells.items()):
            rows, a = anisotropy(x)
            f.write(f"{case},{step},{layer},{rows},{a:.12f}\n")
    with open(os.path.join(HERE, "VERSIONS.txt"), "w", newline="\n") as f:
        f.write(f"python {platform.python_version()}\nnumpy {np.__version__}\npyarrow {pa.__version__}\n"
                f"pandas {pd.__version__}\npolars {pl.__version__}\ndatasets {datasets.__version__}\n")
    print(json.dumps({"cases": len({c for c, _, _ in cells}), "cells": len(cells)}))


if __name__ == "__main__":
    sys.exit(main())
