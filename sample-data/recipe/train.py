#!/usr/bin/python3
"""Trains one tiny transformer of the Shapescope sample data and exports its hidden states.

    /usr/bin/python3 train.py --arch decoder --data out/data --out out/tiny-decoder
    /usr/bin/python3 train.py --arch encoder --steps 2048 --first-checkpoint 8 --data out/data --out out/tiny-encoder

The same
pre-LayerNorm transformer is used for both runs; the decoder has a causal attention mask and
predicts the next token, the encoder attends both ways and predicts masked tokens.
Tokens are bytes (ASCII); --tokenizer words (frequent words + [UNK]) is an option that was
tried for the encoder and not kept (see README.md).

At each checkpoint step (0, 4, 8, 16, ..., 512 and the last step, 1024 by default) the hidden states of every layer
(0 = embedding output, then the residual stream after each block) on a fixed set of held-out
sequences are written with the exporter core in tools/shapescope_export.py (npy layout), along
with the held-out loss. loss.csv gets the training loss of every step.
"""
import argparse
import collections
import json
import math
import os
import re
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
from shapescope_export import export_hidden_states, token_batches_from_ids, write_loss_csv, write_run_json  # noqa: E402

BYTE_VOCAB = 128     # ASCII bytes
WORD_PATTERN = re.compile(r"\n| ?[A-Za-z]+| ?[0-9]+| ?[^\sA-Za-z0-9]| +|[\s\S]")


class Tokenizer:
    """Either bytes (ids 0-127) or words: the `vocab - 1` most frequent pieces of the training text
    (newline, a word or number with its leading space, a punctuation mark with its leading space,
    a run of spaces) and [UNK]. The encoder adds [MASK] as the last id."""

    def __init__(self, kind, train_text, vocab, with_mask):
        self.kind = kind
        if kind == "bytes":
            self.pieces = [chr(i) for i in range(BYTE_VOCAB)]
        else:
            counts = collections.Counter(WORD_PATTERN.findall(train_text))
            self.pieces = [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:vocab - 1]] + ["[UNK]"]
            self.index = {w: i for i, w in enumerate(self.pieces)}
        self.size = len(self.pieces)          # target classes (without [MASK])
        self.mask_id = self.size if with_mask else None
        self.first_random = 32 if kind == "bytes" else 0

    def encode(self, text):
        if self.kind == "bytes":
            data = np.frombuffer(text.encode("ascii"), dtype=np.uint8).astype(np.int64)
            return data
        unk = self.size - 1
        return np.array([self.index.get(w, unk) for w in WORD_PATTERN.findall(text)], dtype=np.int64)

    def text(self, i):
        return "[MASK]" if i == self.mask_id else self.pieces[i]

    def describe(self):
        if self.kind == "bytes":
            return "bytes (ASCII, ids 0-127)" + ("" if self.mask_id is None else "; id 128 = [MASK] (never in exported inputs)")
        return (f"words: the {self.size - 1} most frequent pieces of the training text (newline, word or number with its "
                f"leading space, punctuation mark with its leading space, run of spaces; regex {WORD_PATTERN.pattern!r}) "
                f"+ [UNK] (id {self.size - 1})" + ("" if self.mask_id is None else f"; id {self.mask_id} = [MASK]"))


class Block(nn.Module):
    def __init__(self, width, heads):
        super().__init__()
        self.ln1 = nn.LayerNorm(width)
        self.attn = nn.MultiheadAttention(width, heads, bias=True, batch_first=True)
        self.ln2 = nn.LayerNorm(width)
        self.mlp = nn.Sequential(nn.Linear(width, 4 * width), nn.GELU(), nn.Linear(4 * width, width))

    def forward(self, x, mask):
        h = self.ln1(x)
        x = x + self.attn(h, h, h, attn_mask=mask, need_weights=False)[0]
        return x + self.mlp(self.ln2(x))


class TinyTransformer(nn.Module):
    """Pre-LN transformer; forward returns (final LayerNorm output, [embedding output, block 1, ..., block n]);
    self.head maps the final LayerNorm output to logits."""

    def __init__(self, vocab, width, layers, heads, context, causal):
        super().__init__()
        self.causal = causal
        self.tok = nn.Embedding(vocab, width)
        self.pos = nn.Embedding(context, width)
        self.blocks = nn.ModuleList(Block(width, heads) for _ in range(layers))
        self.ln_f = nn.LayerNorm(width)
        self.head = nn.Linear(width, vocab)
        self.apply(self._init)

    @staticmethod
    def _init(module):
        if isinstance(module, (nn.Linear, nn.Embedding)):
            nn.init.normal_(module.weight, std=0.02)
        if isinstance(module, nn.Linear) and module.bias is not None:
            nn.init.zeros_(module.bias)

    def forward(self, ids):
        t = ids.shape[1]
        x = self.tok(ids) + self.pos(torch.arange(t, device=ids.device))
        mask = None
        if self.causal:
            mask = torch.triu(torch.full((t, t), float("-inf"), device=ids.device), diagonal=1)
        hidden = [x]
        for block in self.blocks:
            x = block(x, mask)
            hidden.append(x)
        return self.ln_f(x), hidden


def load_text(path):
    with open(path, encoding="ascii") as f:
        return f.read()


def unigram_entropy(train, held, size):
    """Cross-entropy (nats/token) of the held-out tokens under the training token frequencies
    (add-one smoothed), and the plain entropy of the training token distribution."""
    counts = np.bincount(train, minlength=size).astype(np.float64) + 1.0
    p = counts / counts.sum()
    cross = float(-np.mean(np.log(p[held])))
    entropy = float(-(p * np.log(p)).sum())
    return cross, entropy


def mask_batch(x, rate, gen, tok):
    """BERT-style corruption: choose `rate` of the positions; of those 80% -> [MASK], 10% -> random
    byte, 10% unchanged. Returns (input, targets with -100 at unchosen positions)."""
    chosen = torch.rand(x.shape, generator=gen) < rate
    targets = torch.where(chosen, x, torch.full_like(x, -100))
    r = torch.rand(x.shape, generator=gen)
    inp = x.clone()
    inp[chosen & (r < 0.8)] = tok.mask_id
    rand_pos = chosen & (r >= 0.8) & (r < 0.9)
    inp[rand_pos] = torch.randint(tok.first_random, tok.size, x.shape, generator=gen)[rand_pos]
    return inp, targets


def checkpoint_steps(total, first):
    steps, s = [0], first
    while s < total:
        steps.append(s)
        s *= 2
    steps.append(total)
    return steps


def parse_bursts(text):
    """'START:RAMP:HOLD:FACTOR,...' -> list of (start, ramp, hold, factor)."""
    bursts = []
    for part in filter(None, text.split(",")):
        fields = part.split(":")
        if len(fields) != 4:
            sys.exit(f"--lr-bursts: {part!r} is not START:RAMP:HOLD:FACTOR")
        start, ramp, hold, factor = int(fields[0]), int(fields[1]), int(fields[2]), float(fields[3])
        if start < 0 or ramp < 0 or hold < 0 or factor <= 0:
            sys.exit(f"--lr-bursts: {part!r} needs START, RAMP, HOLD >= 0 and FACTOR > 0")
        bursts.append((start, ramp, hold, factor))
    return bursts


def burst_factor(bursts, step):
    """The learning-rate multiplier at `step`: 1 outside every burst; inside one it rises linearly
    from 1 (at START) to FACTOR (at START+RAMP), holds FACTOR for HOLD steps, then is 1 again."""
    for start, ramp, hold, factor in bursts:
        if start <= step < start + ramp:
            return 1.0 + (factor - 1.0) * (step - start) / ramp
        if start + ramp <= step < start + ramp + hold:
            return factor
    return 1.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--arch", choices=["decoder", "encoder"], required=True)
    ap.add_argument("--data", required=True, help="folder with train.txt, heldout.txt, corpus.json")
    ap.add_argument("--out", required=True)
    ap.add_argument("--steps", type=int, default=1024)
    ap.add_argument("--first-checkpoint", type=int, default=4)
    ap.add_argument("--width", type=int, default=64)
    ap.add_argument("--layers", type=int, default=6)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--context", type=int, default=128)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--warmup", type=int, default=100)
    ap.add_argument("--weight-decay", type=float, default=0.1)
    ap.add_argument("--mask-rate", type=float, default=0.25)
    ap.add_argument("--tokenizer", choices=["bytes", "words"], default="bytes")
    ap.add_argument("--vocab", type=int, default=4096, help="word vocabulary incl. [UNK] (--tokenizer words)")
    ap.add_argument("--export-tokens", type=int, default=1024)
    ap.add_argument("--eval-sequences", type=int, default=64)
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--name", default="", help="run name in run.json (default tiny-<arch>)")
    ap.add_argument("--description", default="", help="a sentence put in front of run.json's description")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--checkpoints", default="",
                    help="explicit checkpoint steps, comma-separated (default: 0, first, 2*first, ... and the last step)")
    ap.add_argument("--lr-bursts", default="",
                    help="learning-rate bursts START:RAMP:HOLD:FACTOR[,...]: the rate's multiplier rises linearly from 1 "
                         "at START to FACTOR at START+RAMP, stays at FACTOR for HOLD steps, then drops back to 1")
    ap.add_argument("--time-limit", type=float, default=0, help="stop early after this many minutes (0 = no limit)")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    gen = torch.Generator().manual_seed(args.seed + 1)
    causal = args.arch == "decoder"

    train_text = load_text(os.path.join(args.data, "train.txt"))
    held_text = load_text(os.path.join(args.data, "heldout.txt"))
    corpus = json.load(open(os.path.join(args.data, "corpus.json")))
    tok = Tokenizer(args.tokenizer, train_text, args.vocab, with_mask=not causal)
    train, held = tok.encode(train_text), tok.encode(held_text)
    unit = "byte" if args.tokenizer == "bytes" else "token"
    uni_cross, uni_entropy = unigram_entropy(train, held, tok.size)
    print(f"[{args.arch}] {args.tokenizer}: {len(train)} training tokens, {len(held)} held-out tokens, "
          f"{tok.size} classes, unigram cross-entropy {uni_cross:.4f} nats/{unit}", flush=True)

    vocab = tok.size + (0 if causal else 1)
    model = TinyTransformer(vocab, args.width, args.layers, args.heads, args.context, causal)
    params = sum(p.numel() for p in model.parameters())
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": args.weight_decay},
                             {"params": no_decay, "weight_decay": 0.0}], lr=args.lr, betas=(0.9, 0.95))

    bursts = parse_bursts(args.lr_bursts)

    def lr_at(step):
        if step < args.warmup:
            base = args.lr * (step + 1) / args.warmup
        else:
            frac = (step - args.warmup) / max(1, args.steps - args.warmup)
            base = args.lr * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, frac))))
        return base * burst_factor(bursts, step)

    # Fixed held-out sets: sequences to export (seeded choice of windows) and to evaluate on.
    export_batches = token_batches_from_ids(held, args.export_tokens, args.context, batch_size=8, seed=args.seed)
    eval_batches = token_batches_from_ids(held, args.eval_sequences * args.context, args.context, batch_size=16,
                                          seed=args.seed + 7)
    eval_gen_seed = args.seed + 99

    def held_out_loss():
        model.eval()
        g = torch.Generator().manual_seed(eval_gen_seed)  # same masks at every checkpoint
        total, count = 0.0, 0
        with torch.no_grad():
            for b in eval_batches:
                x = torch.as_tensor(b)
                loss, n = batch_loss(x, g, reduction="sum")
                total += float(loss)
                count += n
        model.train()
        return total / count

    def batch_loss(x, g, reduction="mean"):
        """Decoder: next-token loss on every position. Encoder: loss on the chosen (masked) positions,
        logits computed only there."""
        if causal:
            out, _ = model(x[:, :-1])
            target = x[:, 1:].reshape(-1)
            out = out.reshape(-1, out.shape[-1])
        else:
            inp, tgt = mask_batch(x, args.mask_rate, g, tok)
            out, _ = model(inp)
            chosen = tgt.reshape(-1) != -100
            out = out.reshape(-1, out.shape[-1])[chosen]
            target = tgt.reshape(-1)[chosen]
        return F.cross_entropy(model.head(out), target, reduction=reduction), int(target.numel())

    def model_fn(ids):
        return model(ids)[1]

    if args.checkpoints:
        ckpts = sorted({int(v) for v in args.checkpoints.split(",")} | {0, args.steps})
        if ckpts[0] < 0 or ckpts[-1] > args.steps:
            sys.exit(f"--checkpoints: steps must lie in 0..{args.steps}")
    else:
        ckpts = checkpoint_steps(args.steps, args.first_checkpoint)
    os.makedirs(args.out, exist_ok=True)
    losses, evals = [], {}
    start = time.time()
    window = args.context + (1 if causal else 0)
    if len(train) <= window:
        sys.exit(f"training text too short: {len(train)} tokens")
    stopped_at = args.steps

    def export(step):
        model.eval()
        evals[step] = held_out_loss()
        export_hidden_states(model_fn, export_batches, args.out, step, dtype="float16", token_text=tok.text, fmt="npy")
        model.train()
        print(f"[{args.arch}] checkpoint step {step}: held-out loss {evals[step]:.4f} nats "
              f"(unigram {uni_cross:.4f}), {time.time() - start:.0f}s", flush=True)

    model.train()
    for step in range(args.steps + 1):
        if step in ckpts:
            export(step)
        if step == args.steps:
            break
        if args.time_limit and (time.time() - start) > args.time_limit * 60:
            stopped_at = step
            print(f"[{args.arch}] time limit reached at step {step}", flush=True)
            export(step)
            break
        starts = torch.randint(0, len(train) - window, (args.batch,), generator=gen)
        x = torch.stack([torch.as_tensor(train[s:s + window]) for s in starts.tolist()])
        for group in opt.param_groups:
            group["lr"] = lr_at(step)
        loss, _ = batch_loss(x, gen)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        losses.append(float(loss))
        if step % 100 == 0:
            print(f"[{args.arch}] step {step} loss {float(loss):.4f} lr {lr_at(step):.2e} {time.time() - start:.0f}s", flush=True)
    train_seconds = time.time() - start

    rows = [{"step": s, "loss": l} for s, l in enumerate(losses)]
    # loss.csv has one row per training step (0 .. steps-1: the loss of the batch used for that
    # update); eval_loss is added on checkpoint rows. The final checkpoint (after the last update)
    # has no training batch, so its held-out loss is only in run.json (heldout_loss).
    for s, e in evals.items():
        if s < len(rows):
            rows[s]["eval_loss"] = e
    write_loss_csv(args.out, rows)
    final_eval = evals[max(evals)]
    level = "byte" if args.tokenizer == "bytes" else "word"
    objective = f"next-{unit} prediction (causal mask)" if causal else \
        f"masked-{unit} prediction, {args.mask_rate:.0%} of positions (80% [MASK], 10% random, 10% kept), bidirectional"
    info = {
        "name": args.name or f"tiny-{args.arch}",
        "model": f"tiny {level}-level pre-LN transformer {args.arch}, {args.layers} layers, width {args.width}",
        "architecture": args.arch,
        "hidden_size": args.width,
        "layers": args.layers,
        "description": ((args.description + " " if args.description else "") + f"A {args.layers}-layer, width-{args.width} {level}-level {args.arch} trained from scratch for "
                        f"{stopped_at} steps on the git manual pages (Debian git-man {corpus['package_version']}), "
                        f"{objective}. Held-out loss {final_eval:.3f} nats/{unit} vs unigram entropy {uni_cross:.3f}. "
                        f"Hidden states of {args.export_tokens} held-out {unit}s per layer at each checkpoint; "
                        f"layer 0 is the embedding output, layer L the residual stream after block L."),
        "tokenizer": tok.describe(),
        "vocab_size": vocab,
        "data": {
            "source": f"Debian package {corpus['package']} {corpus['package_version']}: man pages under /usr/share/man",
            "processing": corpus["render"],
            "split": corpus["split"],
            "train_bytes": corpus["train_bytes"], "heldout_bytes": corpus["heldout_bytes"],
            "exported_sequences": f"{args.export_tokens // args.context} held-out windows of {args.context} {unit}s "
                                  f"(seeded choice, seed {args.seed}), unmasked input",
        },
        "training": {
            "objective": objective, "optimizer": "AdamW", "lr": args.lr, "betas": [0.9, 0.95],
            "weight_decay": args.weight_decay,
            "schedule": f"linear warmup {args.warmup} steps, cosine to 10%" + (
                "; learning-rate bursts (start:ramp:hold:factor) " + args.lr_bursts if bursts else ""),
            "batch_sequences": args.batch, "context": args.context, "steps": stopped_at, "grad_clip": 1.0,
            "heads": args.heads, "mlp": f"{4 * args.width} GELU", "parameters": params, "seed": args.seed,
            "threads": args.threads, "train_seconds": round(train_seconds, 1),
            "torch": torch.__version__,
        },
        "checkpoints": sorted(evals),
        "heldout_loss": round(final_eval, 4),
        "heldout_loss_by_step": {str(s): round(e, 4) for s, e in sorted(evals.items())},
        "unigram_entropy": round(uni_cross, 4),
        "unigram_entropy_note": f"cross-entropy in nats/{unit} of the held-out text under the training {unit} frequencies (add-one smoothed)",
        "loss_units": f"nats per predicted {unit}",
        "train_tokens": int(len(train)), "heldout_tokens": int(len(held)),
    }
    write_run_json(args.out, info)
    print(json.dumps({k: info[k] for k in ("name", "heldout_loss", "unigram_entropy", "checkpoints")}))
    print(f"[{args.arch}] done in {train_seconds:.0f}s, {params} parameters")


if __name__ == "__main__":
    main()
