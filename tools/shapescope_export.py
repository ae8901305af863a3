#!/usr/bin/env python3
"""Export per-layer hidden states of a PyTorch model into a Shapescope run folder.

Core (no dependency on Hugging Face ``transformers``)::

    from shapescope_export import export_hidden_states, token_batches_from_ids
    batches = token_batches_from_ids(ids, num_tokens=2048, seq_len=128, batch_size=8, seed=0)
    export_hidden_states(model_fn, batches, "runs/my-run", step=1000, token_text=my_decode)

``model_fn(input_ids)`` receives a ``torch.LongTensor`` of shape (batch, seq_len) and
returns a list/tuple of per-layer tensors, each (batch, seq_len, hidden), index 0 being
the embedding output (what ``transformers`` returns as ``hidden_states`` with
``output_hidden_states=True``).

Output (see docs/EXPORT.md):

* with pyarrow installed (``fmt="arrow"`` or ``"auto"``): ``OUT/checkpoints/step_<N>.arrow``,
  Arrow IPC file, one record batch per layer, columns layer:int32,
  embedding:FixedSizeList<float16|float32>[hidden], sequence:int32, position:int32,
  token_id:int64, token:utf8; schema metadata {"step": "<N>"};
* otherwise (``fmt="npy"`` or ``"auto"`` without pyarrow): the npy layout
  ``OUT/step_<N>/layer_<L>.npy`` (+ tokens.npy, sequence.npy, position.npy, tokens.txt)
  that ``shapescope import-npy OUT RUN`` converts to Arrow.

Optionally ``OUT/run.json`` (:func:`write_run_json`) and ``OUT/loss.csv`` (:func:`write_loss_csv`).

Command line (Hugging Face models, ``transformers`` imported only here)::

    python3 tools/shapescope_export.py --model EleutherAI/pythia-70m \\
        --revisions step1000,step2000,step4000 --text corpus.txt --out runs/pythia-70m \\
        --tokens 2048 --seq-len 128 --dtype float16 --seed 0

    # local checkpoints: a Trainer output folder (its checkpoint-<N>/ folders), folders, or a glob
    python3 tools/shapescope_export.py --checkpoints trainer-out/ --text corpus.txt --out runs/mine
    python3 tools/shapescope_export.py --checkpoints 'trainer-out/checkpoint-*' --text corpus.txt --out runs/mine
"""
import argparse
import csv
import glob
import json
import math
import os
import re
import sys

import numpy as np

__all__ = [
    "ExportError", "export_hidden_states", "token_batches_from_ids", "write_run_json", "write_loss_csv",
    "have_pyarrow", "step_from_revision", "step_from_folder_name", "local_checkpoints", "hf_model_fn", "main",
]

DTYPES = {"float16": np.float16, "float32": np.float32}


class ExportError(Exception):
    """A problem with the user's input (missing file, too little text, bad option)."""


def have_pyarrow():
    try:
        import pyarrow  # noqa: F401
        import pyarrow.ipc  # noqa: F401
    except ImportError:
        return False
    return True


# ---------------------------------------------------------------------------------------------
# Input: token ids -> batches of fixed-length sequences
# ---------------------------------------------------------------------------------------------

def token_batches_from_ids(ids, num_tokens, seq_len, batch_size=8, seed=0, contiguous=False):
    """Cuts a 1-D sequence of token ids into ``num_tokens // seq_len`` non-overlapping windows.

    Windows are drawn at random (seeded) from all non-overlapping windows of the text, or the
    first ones in order when ``contiguous``. Returns a list of int64 arrays (batch, seq_len).
    Raises :class:`ExportError` when the text is too short.
    """
    ids = np.asarray(ids, dtype=np.int64).reshape(-1)
    if seq_len <= 0:
        raise ExportError(f"sequence length must be positive, was {seq_len}")
    if num_tokens < seq_len or num_tokens % seq_len != 0:
        raise ExportError(f"number of tokens ({num_tokens}) must be a positive multiple of the sequence length ({seq_len})")
    wanted = num_tokens // seq_len
    available = len(ids) // seq_len
    if available < wanted:
        raise ExportError(f"the text has {len(ids)} tokens, enough for {available} sequences of {seq_len}; "
                          f"{wanted} sequences ({num_tokens} tokens) were asked for: give a longer text or ask for fewer tokens")
    if contiguous:
        starts = np.arange(wanted) * seq_len
    else:
        rng = np.random.default_rng(seed)
        starts = np.sort(rng.choice(available, size=wanted, replace=False)) * seq_len
    windows = np.stack([ids[s:s + seq_len] for s in starts])
    return [windows[i:i + batch_size] for i in range(0, wanted, batch_size)]


# ---------------------------------------------------------------------------------------------
# Core: run the model, collect layers, write one checkpoint
# ---------------------------------------------------------------------------------------------

def _collect(model_fn, token_batches, layers):
    import torch

    per_layer = None
    ids_all, seq_all, pos_all = [], [], []
    sequence = 0
    with torch.no_grad():
        for batch in token_batches:
            batch = torch.as_tensor(np.asarray(batch), dtype=torch.long)
            if batch.dim() != 2:
                raise ExportError(f"each token batch must be 2-D (batch, seq_len), got shape {tuple(batch.shape)}")
            hidden = model_fn(batch)
            if isinstance(hidden, torch.Tensor):
                hidden = list(hidden.unbind(0)) if hidden.dim() == 4 else [hidden]
            hidden = list(hidden)
            if not hidden:
                raise ExportError("the model function returned no hidden states")
            chosen = list(range(len(hidden))) if layers is None else list(layers)
            for layer in chosen:
                if layer < 0 or layer >= len(hidden):
                    raise ExportError(f"layer {layer} was asked for, the model returns layers 0..{len(hidden) - 1}")
            if per_layer is None:
                per_layer = {layer: [] for layer in chosen}
            b, t = batch.shape
            for layer in chosen:
                h = hidden[layer]
                if h.dim() != 3 or h.shape[0] != b or h.shape[1] != t:
                    raise ExportError(f"layer {layer} has shape {tuple(h.shape)}, expected ({b}, {t}, hidden)")
                per_layer[layer].append(h.detach().float().cpu().reshape(b * t, -1).numpy())
            ids_all.append(batch.reshape(-1).numpy())
            seq_all.append(np.repeat(np.arange(sequence, sequence + b), t))
            pos_all.append(np.tile(np.arange(t), b))
            sequence += b
    if per_layer is None:
        raise ExportError("no token batches were given")
    layers_out = {layer: np.concatenate(parts) for layer, parts in per_layer.items()}
    return (layers_out, np.concatenate(ids_all).astype(np.int64), np.concatenate(seq_all).astype(np.int64),
            np.concatenate(pos_all).astype(np.int64))


def export_hidden_states(model_fn, token_batches, out_dir, step, *, layers=None, dtype="float16", token_text=None,
                         fmt="auto", run_info=None, loss=None):
    """Runs ``model_fn`` over ``token_batches`` and writes checkpoint ``step`` into run folder ``out_dir``.

    :param model_fn: callable(LongTensor[batch, seq]) -> list of per-layer tensors [batch, seq, hidden]
    :param token_batches: iterable of 2-D integer arrays/tensors (batch, seq_len); rows are numbered
        as sequences 0, 1, 2, ... in order
    :param layers: layer indices to keep (default: all the model returns)
    :param dtype: "float16" or "float32"
    :param token_text: callable(token_id) -> str, for the token column / tokens.txt
    :param fmt: "arrow", "npy" or "auto" (arrow when pyarrow is importable)
    :param run_info: dict written to run.json when given
    :param loss: rows for loss.csv when given (see :func:`write_loss_csv`)
    :return: dict with the format used, the files written and the shapes
    """
    if dtype not in DTYPES:
        raise ExportError(f"dtype must be float16 or float32, was {dtype!r}")
    if fmt == "auto":
        fmt = "arrow" if have_pyarrow() else "npy"
    if fmt == "arrow" and not have_pyarrow():
        raise ExportError("Arrow output needs pyarrow (pip install pyarrow); use the npy layout and "
                          "'shapescope import-npy' instead")
    if fmt not in ("arrow", "npy"):
        raise ExportError(f"format must be arrow, npy or auto, was {fmt!r}")
    step = int(step)
    if step < 0:
        raise ExportError(f"step must be >= 0, was {step}")
    hidden, ids, sequence, position = _collect(model_fn, token_batches, layers)
    texts = [token_text(int(i)) for i in ids] if token_text is not None else None
    np_dtype = DTYPES[dtype]
    hidden = {layer: values.astype(np_dtype) for layer, values in hidden.items()}
    os.makedirs(out_dir, exist_ok=True)
    if fmt == "npy":
        files = _write_npy(out_dir, step, hidden, ids, sequence, position, texts)
    else:
        files = [_write_arrow(out_dir, step, hidden, ids, sequence, position, texts)]
    if run_info is not None:
        files.append(write_run_json(out_dir, run_info))
    if loss is not None:
        files.append(write_loss_csv(out_dir, loss))
    first = next(iter(hidden.values()))
    return {"format": fmt, "step": step, "files": files, "layers": sorted(hidden), "tokens": int(first.shape[0]),
            "hidden_size": int(first.shape[1]), "dtype": dtype}


def _write_npy(out_dir, step, hidden, ids, sequence, position, texts):
    folder = os.path.join(out_dir, f"step_{step}")
    os.makedirs(folder, exist_ok=True)
    files = []
    for layer, values in sorted(hidden.items()):
        files.append(_save(os.path.join(folder, f"layer_{layer}.npy"), values))
    files.append(_save(os.path.join(folder, "tokens.npy"), ids))
    files.append(_save(os.path.join(folder, "sequence.npy"), sequence))
    files.append(_save(os.path.join(folder, "position.npy"), position))
    if texts is not None:
        path = os.path.join(folder, "tokens.txt")
        with open(path + ".partial", "w", encoding="utf-8", newline="\n") as f:
            for text in texts:
                f.write(json.dumps(text, ensure_ascii=False) + "\n")
        os.replace(path + ".partial", path)
        files.append(path)
    return files


def _save(path, array):
    with open(path + ".partial", "wb") as f:
        np.save(f, np.ascontiguousarray(array))
    os.replace(path + ".partial", path)
    return path


def _write_arrow(out_dir, step, hidden, ids, sequence, position, texts):
    import pyarrow as pa
    import pyarrow.ipc

    first = next(iter(hidden.values()))
    width = int(first.shape[1])
    value_type = pa.float16() if first.dtype == np.float16 else pa.float32()
    schema = pa.schema([
        ("layer", pa.int32()), ("embedding", pa.list_(value_type, width)), ("sequence", pa.int32()),
        ("position", pa.int32()), ("token_id", pa.int64()), ("token", pa.utf8()),
    ], metadata={"step": str(step)})
    folder = os.path.join(out_dir, "checkpoints")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, f"step_{step}.arrow")
    tokens = pa.array(texts if texts is not None else [None] * len(ids), type=pa.utf8())
    with pa.OSFile(path + ".partial", "wb") as sink, pa.ipc.new_file(sink, schema) as writer:
        for layer, values in sorted(hidden.items()):
            flat = pa.array(values.reshape(-1), type=value_type)
            batch = pa.record_batch([
                pa.array(np.full(len(values), layer, dtype=np.int32)),
                pa.FixedSizeListArray.from_arrays(flat, width),
                pa.array(sequence.astype(np.int32)), pa.array(position.astype(np.int32)),
                pa.array(ids.astype(np.int64)), tokens,
            ], schema=schema)
            writer.write_batch(batch)
    os.replace(path + ".partial", path)
    return path


def write_run_json(out_dir, info):
    """Writes ``run.json``; ``info`` should hold name, model, architecture ("decoder"|"encoder"),
    hidden_size, layers, description, and may hold any other keys."""
    if "architecture" in info and info["architecture"] not in ("decoder", "encoder"):
        raise ExportError(f"architecture must be 'decoder' or 'encoder', was {info['architecture']!r}")
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, "run.json")
    with open(path + ".partial", "w", encoding="utf-8") as f:
        json.dump(info, f, indent=2, ensure_ascii=False)
        f.write("\n")
    os.replace(path + ".partial", path)
    return path


def write_loss_csv(out_dir, rows):
    """Writes ``loss.csv``: ``rows`` is a list of (step, loss) pairs or of dicts with 'step' and
    'loss' and optional extra columns (e.g. eval_loss; missing values are left empty)."""
    rows = list(rows)
    if rows and isinstance(rows[0], dict):
        columns = ["step", "loss"] + sorted({k for r in rows for k in r} - {"step", "loss"})
        dict_rows = rows
    else:
        columns = ["step", "loss"]
        dict_rows = [{"step": s, "loss": v} for s, v in rows]
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, "loss.csv")
    with open(path + ".partial", "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(columns)
        for r in dict_rows:
            writer.writerow([_cell(r.get(c)) for c in columns])
    os.replace(path + ".partial", path)
    return path


def _cell(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


# ---------------------------------------------------------------------------------------------
# Thin Hugging Face adapter (transformers imported lazily)
# ---------------------------------------------------------------------------------------------

def step_from_revision(revision, index):
    """'step1000' -> 1000, 'checkpoint-500' -> 500, 'main' / None -> index."""
    if revision:
        match = re.search(r"(\d+)", revision)
        if match:
            return int(match.group(1))
    return index


_NAMED_STEP = re.compile(r"(?:step|checkpoint|ckpt|iter|iteration)[-_ ]?(\d+)", re.IGNORECASE)


def step_from_folder_name(name, named_only=False):
    """The step in a checkpoint folder's name: the number after step/checkpoint/ckpt/iter
    ('checkpoint-500' -> 500, 'step-100' -> 100, 'pythia-step1000' -> 1000), else the last number
    ('run-7' -> 7) unless ``named_only``; None when there is none."""
    match = _NAMED_STEP.search(name)
    if match:
        return int(match.group(1))
    if named_only:
        return None
    numbers = re.findall(r"\d+", name)
    return int(numbers[-1]) if numbers else None


def _is_checkpoint_folder(path):
    return os.path.isfile(os.path.join(path, "config.json"))


def local_checkpoints(paths):
    """Local checkpoint folders (each saved with ``save_pretrained``: a ``config.json`` and the
    weights) from ``paths``: each a checkpoint folder, a folder of checkpoint folders (a Hugging Face
    ``Trainer`` output folder and its ``checkpoint-<N>/``), or a glob pattern of either. Returns
    ``[(step, folder)]`` ascending by step, each step from its folder's name.
    Raises :class:`ExportError` when a path matches nothing, a folder's name has no step, or two
    folders have the same step."""
    folders = []
    for path in paths:
        matches = sorted(glob.glob(path)) if glob.has_magic(path) else [path]
        if not matches:
            raise ExportError(f"{path} matches no folder")
        for match in matches:
            if _is_checkpoint_folder(match):
                folders.append(match)
            elif os.path.isdir(match):
                inner = sorted(os.path.join(match, name) for name in os.listdir(match)
                               if _is_checkpoint_folder(os.path.join(match, name)))
                if not inner:
                    raise ExportError(f"{match} is neither a checkpoint folder (with config.json) nor a folder of checkpoint "
                                      f"folders (such as a Trainer output folder's checkpoint-<N>/)")
                folders.extend(inner)
            elif not glob.has_magic(path):
                raise ExportError(f"checkpoint folder {match} does not exist")
    by_step = {}
    for folder in folders:
        name = os.path.basename(os.path.normpath(folder))
        step = step_from_folder_name(name)
        if step is None:
            raise ExportError(f"cannot tell the step of checkpoint folder {folder}: its name has no number")
        if step in by_step and os.path.abspath(by_step[step]) != os.path.abspath(folder):
            raise ExportError(f"checkpoint folders {by_step[step]} and {folder} both have step {step}")
        by_step[step] = folder
    if not by_step:
        raise ExportError("no checkpoint folders were found in " + ", ".join(paths))
    return sorted(by_step.items())


def hf_model_fn(model):
    """Wraps a transformers model as a model_fn returning the tuple of per-layer hidden states."""
    def run(input_ids):
        device = next(model.parameters()).device
        output = model(input_ids=input_ids.to(device), output_hidden_states=True)
        return output.hidden_states
    return run


def _load_hf(name, revision, device):
    try:
        import transformers
    except ImportError as e:
        raise ExportError("--model needs the 'transformers' package (pip install transformers)") from e
    model = transformers.AutoModel.from_pretrained(name, revision=revision)
    model.eval().to(device)
    return model


def _parse_layers(text):
    if text in (None, "", "all"):
        return None
    layers = []
    for part in text.split(","):
        if "-" in part:
            a, b = part.split("-", 1)
            layers.extend(range(int(a), int(b) + 1))
        else:
            layers.append(int(part))
    return layers


def _checkpoint_list(args):
    """[(label, name or folder to load, revision, step)] from --model/--revisions or --checkpoints."""
    if args.checkpoints:
        if args.revisions:
            raise ExportError("--revisions goes with --model, not with --checkpoints")
        return [(folder, folder, None, step) for step, folder in local_checkpoints(args.checkpoints)]
    revisions = [r for r in args.revisions.split(",") if r]
    if not revisions:
        # a local folder such as trainer-out/checkpoint-500 is step 500; anything else step 0
        local_step = step_from_folder_name(os.path.basename(os.path.normpath(args.model)), named_only=True) \
            if os.path.isdir(args.model) else None
        return [("main", args.model, None, local_step or 0)]
    return [(revision, args.model, revision, step_from_revision(revision, index)) for index, revision in enumerate(revisions)]


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Export per-layer hidden states of a Hugging Face model (one or more checkpoint revisions, or local "
                    "checkpoint folders) over a text file into a Shapescope run folder.")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--model", help="Hugging Face model name or local path")
    source.add_argument("--checkpoints", nargs="+", metavar="PATH",
                        help="local checkpoint folders, one checkpoint each: folders saved with save_pretrained, a Trainer "
                             "output folder (its checkpoint-<N>/ folders), or a quoted glob such as 'out/checkpoint-*'; "
                             "the step is the number in each folder's name")
    parser.add_argument("--revisions", default="", help="comma-separated revisions, e.g. step1000,step2000 (default: main)")
    parser.add_argument("--tokenizer", default=None,
                        help="tokenizer name or folder (default: the model at its last revision, or the last checkpoint folder)")
    parser.add_argument("--text", required=True, help="UTF-8 text file to run the model over")
    parser.add_argument("--out", required=True, help="run folder to write")
    parser.add_argument("--tokens", type=int, default=2048, help="tokens per layer (default 2048)")
    parser.add_argument("--seq-len", type=int, default=128, help="sequence length (default 128)")
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--layers", default="all", help="'all' or e.g. 0,2,4 or 0-6")
    parser.add_argument("--dtype", choices=sorted(DTYPES), default="float16")
    parser.add_argument("--seed", type=int, default=0, help="seed for choosing the sequences")
    parser.add_argument("--format", choices=["auto", "arrow", "npy"], default="auto")
    parser.add_argument("--architecture", choices=["decoder", "encoder"], default="decoder")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--name", default=None, help="run name for run.json (default: the model name)")
    args = parser.parse_args(argv)
    try:
        if not os.path.isfile(args.text):
            raise ExportError(f"text file {args.text} does not exist")
        checkpoints = _checkpoint_list(args)
        import torch
        torch.manual_seed(args.seed)
        try:
            import transformers
        except ImportError as e:
            raise ExportError("--model needs the 'transformers' package (pip install transformers)") from e
        model_name = args.model or os.path.basename(os.path.dirname(os.path.abspath(checkpoints[-1][1]))) or "local checkpoints"
        _, last_name, last_revision, _ = checkpoints[-1]
        tokenizer = transformers.AutoTokenizer.from_pretrained(args.tokenizer or last_name,
                                                               revision=None if args.tokenizer else last_revision)
        with open(args.text, encoding="utf-8") as f:
            ids = tokenizer(f.read(), add_special_tokens=False)["input_ids"]
        batches = token_batches_from_ids(ids, args.tokens, args.seq_len, args.batch_size, args.seed)
        layers = _parse_layers(args.layers)
        info = {"name": args.name or model_name, "model": model_name, "architecture": args.architecture,
                "description": f"{model_name} hidden states over {os.path.basename(args.text)}",
                "text": os.path.abspath(args.text), "tokens": args.tokens, "seq_len": args.seq_len,
                "seed": args.seed}
        if args.checkpoints:
            info["checkpoints"] = [os.path.abspath(folder) for _, folder, _, _ in checkpoints]
        else:
            info["revisions"] = [revision for _, _, revision, _ in checkpoints if revision]
        decode = lambda i: tokenizer.decode([i])  # noqa: E731
        for label, name, revision, step in checkpoints:
            model = _load_hf(name, revision, args.device)
            config = model.config
            info.update(hidden_size=getattr(config, "hidden_size", None),
                        layers=getattr(config, "num_hidden_layers", None))
            result = export_hidden_states(hf_model_fn(model), batches, args.out, step,
                                          layers=layers, dtype=args.dtype, token_text=decode, fmt=args.format,
                                          run_info=info)
            print(f"{label}: step {result['step']}, {len(result['layers'])} layers x {result['tokens']} tokens "
                  f"x {result['hidden_size']} ({result['format']})")
            del model
    except ExportError as e:
        print(f"shapescope_export: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
