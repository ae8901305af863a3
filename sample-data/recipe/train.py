#!/usr/bin/python3
"""Trains one tiny transformer of the Shapescope sample data and exports its hidden states.

    /usr/bin/python3 train.py --arch decoder --data out/data --out out/tiny-decoder
    /usr/bin/python3 train.py --arch encoder --data out/data --out out/tiny-encoder

Byte-level tokens (the text is ASCII, ids 0..127; the encoder adds a [MASK] id). The same
pre-LayerNorm transformer is used for both runs; the decoder has a causal attention mask and
predicts the next byte, the encoder attends both ways and predicts masked bytes.

At each checkpoint step (0, 4, 8, 16, ..., 512 and the last step, 1024 by default) the hidden states of every layer
(0 = embedding output, then the residual stream after each block) on a fixed set of held-out
sequences are written with the exporter core in tools/shapescope_export.py (npy layout), along
with the held-out loss. loss.csv gets the training loss of every step.
"""
import argparse
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
from shapescope_export import export_hidden_states, token_batches_from_ids, write_loss_csv, write_run_json  # noqa: E402

VOCAB = 128          # ASCII bytes
MASK_ID = 128        # encoder only


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
    """Pre-LN transformer; forward returns (logits, [embedding output, block 1, ..., block n])."""

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
        return self.head(self.ln_f(x)), hidden


def load_bytes(path):
    data = np.frombuffer(open(path, "rb").read(), dtype=np.uint8).astype(np.int64)
    if data.max() >= VOCAB:
        sys.exit(f"{path} is not ASCII; run prepare_data.py")
    return data


def unigram_entropy(train, held):
    """Cross-entropy (nats/byte) of the held-out text under the training byte frequencies
    (add-one smoothed), and the plain entropy of the training byte distribution."""
    counts = np.bincount(train, minlength=VOCAB).astype(np.float64) + 1.0
    p = counts / counts.sum()
    cross = float(-np.mean(np.log(p[held])))
    entropy = float(-(p * np.log(p)).sum())
    return cross, entropy


def mask_batch(x, rate, gen):
    """BERT-style corruption: choose `rate` of the positions; of those 80% -> [MASK], 10% -> random
    byte, 10% unchanged. Returns (input, targets with -100 at unchosen positions)."""
    chosen = torch.rand(x.shape, generator=gen) < rate
    targets = torch.where(chosen, x, torch.full_like(x, -100))
    r = torch.rand(x.shape, generator=gen)
    inp = x.clone()
    inp[chosen & (r < 0.8)] = MASK_ID
    rand_pos = chosen & (r >= 0.8) & (r < 0.9)
    inp[rand_pos] = torch.randint(32, VOCAB, x.shape, generator=gen)[rand_pos]
    return inp, targets


def checkpoint_steps(total, first):
    steps, s = [0], first
    while s < total:
        steps.append(s)
        s *= 2
    steps.append(total)
    return steps


def token_text(i):
    return "[MASK]" if i == MASK_ID else chr(i)


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
    ap.add_argument("--export-tokens", type=int, default=1024)
    ap.add_argument("--eval-sequences", type=int, default=64)
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--time-limit", type=float, default=0, help="stop early after this many minutes (0 = no limit)")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    gen = torch.Generator().manual_seed(args.seed + 1)
    causal = args.arch == "decoder"

    train = load_bytes(os.path.join(args.data, "train.txt"))
    held = load_bytes(os.path.join(args.data, "heldout.txt"))
    corpus = json.load(open(os.path.join(args.data, "corpus.json")))
    uni_cross, uni_entropy = unigram_entropy(train, held)

    vocab = VOCAB + (0 if causal else 1)
    model = TinyTransformer(vocab, args.width, args.layers, args.heads, args.context, causal)
    params = sum(p.numel() for p in model.parameters())
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": args.weight_decay},
                             {"params": no_decay, "weight_decay": 0.0}], lr=args.lr, betas=(0.9, 0.95))

    def lr_at(step):
        if step < args.warmup:
            return args.lr * (step + 1) / args.warmup
        frac = (step - args.warmup) / max(1, args.steps - args.warmup)
        return args.lr * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, frac))))

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
                if causal:
                    logits, _ = model(x[:, :-1])
                    loss = F.cross_entropy(logits.reshape(-1, vocab), x[:, 1:].reshape(-1), reduction="sum")
                    n = x[:, 1:].numel()
                else:
                    inp, tgt = mask_batch(x, args.mask_rate, g)
                    logits, _ = model(inp)
                    loss = F.cross_entropy(logits.reshape(-1, vocab), tgt.reshape(-1), ignore_index=-100, reduction="sum")
                    n = int((tgt != -100).sum())
                total += float(loss)
                count += n
        model.train()
        return total / count

    def model_fn(ids):
        return model(ids)[1]

    ckpts = checkpoint_steps(args.steps, args.first_checkpoint)
    os.makedirs(args.out, exist_ok=True)
    losses, evals = [], {}
    start = time.time()
    window = args.context + (1 if causal else 0)
    stopped_at = args.steps

    def export(step):
        model.eval()
        evals[step] = held_out_loss()
        export_hidden_states(model_fn, export_batches, args.out, step, dtype="float16", token_text=token_text, fmt="npy")
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
        if causal:
            logits, _ = model(x[:, :-1])
            loss = F.cross_entropy(logits.reshape(-1, vocab), x[:, 1:].reshape(-1))
        else:
            inp, tgt = mask_batch(x, args.mask_rate, gen)
            logits, _ = model(inp)
            loss = F.cross_entropy(logits.reshape(-1, vocab), tgt.reshape(-1), ignore_index=-100)
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
    objective = "next-byte prediction (causal mask)" if causal else \
        f"masked-byte prediction, {args.mask_rate:.0%} of positions (80% [MASK], 10% random, 10% kept), bidirectional"
    info = {
        "name": f"tiny-{args.arch}",
        "model": f"tiny byte-level pre-LN transformer {args.arch}, {args.layers} layers, width {args.width}",
        "architecture": args.arch,
        "hidden_size": args.width,
        "layers": args.layers,
        "description": (f"A {args.layers}-layer, width-{args.width} byte-level {args.arch} trained from scratch for "
                        f"{stopped_at} steps on the git manual pages (Debian git-man {corpus['package_version']}), "
                        f"{objective}. Held-out loss {final_eval:.3f} nats/byte vs unigram entropy {uni_cross:.3f}. "
                        f"Hidden states of {args.export_tokens} held-out bytes per layer at each checkpoint; "
                        f"layer 0 is the embedding output, layer L the residual stream after block L."),
        "tokenizer": "bytes (ASCII, ids 0-127)" + ("" if causal else "; id 128 = [MASK] (never in exported inputs)"),
        "data": {
            "source": f"Debian package {corpus['package']} {corpus['package_version']}: man pages under /usr/share/man",
            "processing": corpus["render"],
            "split": corpus["split"],
            "train_bytes": corpus["train_bytes"], "heldout_bytes": corpus["heldout_bytes"],
            "exported_sequences": f"{args.export_tokens // args.context} held-out windows of {args.context} bytes "
                                  f"(seeded choice, seed {args.seed}), unmasked input",
        },
        "training": {
            "objective": objective, "optimizer": "AdamW", "lr": args.lr, "betas": [0.9, 0.95],
            "weight_decay": args.weight_decay, "schedule": f"linear warmup {args.warmup} steps, cosine to 10%",
            "batch_sequences": args.batch, "context": args.context, "steps": stopped_at, "grad_clip": 1.0,
            "heads": args.heads, "mlp": f"{4 * args.width} GELU", "parameters": params, "seed": args.seed,
            "threads": args.threads, "train_seconds": round(train_seconds, 1),
            "torch": torch.__version__,
        },
        "checkpoints": sorted(evals),
        "heldout_loss": round(final_eval, 4),
        "heldout_loss_by_step": {str(s): round(e, 4) for s, e in sorted(evals.items())},
        "unigram_entropy": round(uni_cross, 4),
        "unigram_entropy_note": "cross-entropy in nats/byte of the held-out text under the training byte frequencies",
        "loss_units": "nats per predicted byte",
    }
    write_run_json(args.out, info)
    print(json.dumps({k: info[k] for k in ("name", "heldout_loss", "unigram_entropy", "checkpoints")}))
    print(f"[{args.arch}] done in {train_seconds:.0f}s, {params} parameters")


if __name__ == "__main__":
    main()
