"""Tests of tools/shapescope_live.py: a real training loop on torch writes a run folder while it trains.

Run from the repository root:  /usr/bin/python3 -m unittest discover -s tools/tests -t .
The Trainer callback runs only where transformers can (the project's virtualenv, see virtualenv.py).
"""
import csv
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import shapescope_export as sx  # noqa: E402
import shapescope_live as live  # noqa: E402
from tools.tests.test_export import TinyModel  # noqa: E402
from tools.tests.virtualenv import REPO, needs  # noqa: E402

VOCAB = 50
STEPS = 30
EVERY = 10
# float16 rounding of values near 1 (2**-10 relative), as in test_export
FLOAT16_ULP = 2.0 ** -10


def jar():
    path = os.path.join(REPO, "app", "target", "shapescope.jar")
    if not os.path.isfile(path) or shutil.which("java") is None:
        reason = f"SKIPPED: shapescope watch did not follow the training: {path} is not built (mvn package) or java is missing"
        print("\n" + reason, file=sys.stderr)
        raise unittest.SkipTest(reason)
    return path


class TrainingLoopTest(unittest.TestCase):
    """A tiny transformer trained for real (next-token loss, Adam, seeded) with LiveRun in its loop."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="shapescope-live-test-")
        self.run = os.path.join(self.dir, "run")
        torch.manual_seed(0)
        self.model = TinyModel(vocab=VOCAB)
        self.head = nn.Linear(16, VOCAB)
        ids = np.random.default_rng(2).integers(0, VOCAB, size=4000)
        self.held_out = sx.token_batches_from_ids(ids[:1000], 64, 16, batch_size=2, seed=0)
        self.train_ids = torch.as_tensor(ids[1000:], dtype=torch.long)

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def train(self, on_step):
        optimiser = torch.optim.Adam(list(self.model.parameters()) + list(self.head.parameters()), lr=3e-3)
        generator = torch.Generator().manual_seed(3)
        self.model.train()
        for step in range(1, STEPS + 1):
            starts = torch.randint(0, len(self.train_ids) - 17, (8,), generator=generator)
            batch = torch.stack([self.train_ids[s:s + 17] for s in starts])
            logits = self.head(self.model(batch[:, :-1])[-1])
            loss = nn.functional.cross_entropy(logits.reshape(-1, VOCAB), batch[:, 1:].reshape(-1))
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            on_step(step, loss.item())

    def test_a_training_loop_writes_checkpoints_atomically_and_appends_the_loss(self):
        run = live.LiveRun(self.run, self.held_out, fmt="npy", dtype="float32",
                           run_info={"name": "live-tiny", "architecture": "decoder"})
        seen_training = []

        def on_step(step, loss):
            run.log_loss(step, loss, lr=3e-3)
            if step % EVERY == 0:
                run.checkpoint(self.model, step, model=self.model)
                seen_training.append(self.model.training)
                self.assertIsNone(run.checkpoint(self.model, step, model=self.model), "once per step")

        self.train(on_step)
        self.assertEqual(seen_training, [True] * (STEPS // EVERY), "back in train mode after each export")
        self.assertEqual(sorted(os.listdir(self.run)), ["loss.csv", "run.json", "step_10", "step_20", "step_30"],
                         "no temporary folder or .partial file is left")
        with open(os.path.join(self.run, "loss.csv")) as f:
            rows = list(csv.reader(f))
        self.assertEqual(rows[0], ["step", "loss", "lr"])
        self.assertEqual([int(r[0]) for r in rows[1:]], list(range(1, STEPS + 1)))
        losses = [float(r[1]) for r in rows[1:]]
        self.assertLess(np.mean(losses[-5:]), np.mean(losses[:5]), "the loop really trains")
        # the last checkpoint holds the final model's hidden states of the held-out batch, in eval mode
        self.model.eval()
        with torch.no_grad():
            want = np.concatenate([self.model(torch.as_tensor(b))[2].reshape(-1, 16).numpy() for b in self.held_out])
        np.testing.assert_array_equal(np.load(os.path.join(self.run, "step_30", "layer_2.npy")), want)

    def test_shapescope_watch_follows_the_training(self):
        """`shapescope watch` runs beside the loop and prints every cell of every checkpoint once."""
        path = jar()
        os.makedirs(self.run)
        watch = subprocess.Popen(["java", "-jar", path, "watch", self.run, "--metrics", "anisotropy", "--idle-exit", "8",
                                  "--settle", "200", "--no-cache", "--threads", "1"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            run = live.LiveRun(self.run, self.held_out, dtype="float16")

            def on_step(step, loss):
                run.log_loss(step, loss)
                if step % EVERY == 0:
                    run.checkpoint(self.model, step, model=self.model)

            self.train(on_step)
            out, err = watch.communicate(timeout=120)
        finally:
            if watch.poll() is None:
                watch.kill()
                watch.communicate()
        self.assertEqual(err, "")
        self.assertEqual(watch.returncode, 0)
        cells = [json.loads(line) for line in out.splitlines()]
        self.assertEqual(sorted((c["step"], c["layer"]) for c in cells),
                         [(s, l) for s in (10, 20, 30) for l in range(3)])
        self.assertTrue(all(0 < c["anisotropy"] <= 1 for c in cells))


@needs("transformers", "accelerate")
class TrainerCallbackTest(unittest.TestCase):
    """A real Trainer on a GPT-2 built from a tiny config (no hub), with the callback."""

    def test_the_callback_exports_at_start_every_n_steps_and_at_saves(self):
        import transformers

        d = tempfile.mkdtemp(prefix="shapescope-trainer-test-")
        try:
            torch.manual_seed(0)
            config = transformers.GPT2Config(vocab_size=VOCAB, n_positions=32, n_embd=16, n_layer=2, n_head=2,
                                             bos_token_id=0, eos_token_id=0)
            model = transformers.GPT2LMHeadModel(config)
            ids = np.random.default_rng(4).integers(1, VOCAB, size=(64, 16))
            train = [{"input_ids": torch.as_tensor(r), "labels": torch.as_tensor(r)} for r in ids[:48]]
            held_out = [ids[48:52], ids[52:56]]
            run = os.path.join(d, "run")
            callback = live.shapescope_trainer_callback(run, held_out, every=2, dtype="float32",
                                                        run_info={"name": "trainer-tiny", "architecture": "decoder"})
            args = transformers.TrainingArguments(output_dir=os.path.join(d, "out"), max_steps=6, save_steps=3,
                                                  logging_steps=1, per_device_train_batch_size=8, report_to=[],
                                                  use_cpu=True, seed=0)
            transformers.Trainer(model=model, args=args, train_dataset=train, callbacks=[callback]).train()
            written = sorted(glob.glob(os.path.join(run, "checkpoints", "*.arrow")) + glob.glob(os.path.join(run, "step_*")))
            steps = sorted(sx.step_from_folder_name(os.path.basename(p)) for p in written)
            self.assertEqual(steps, [0, 2, 3, 4, 6])
            self.assertEqual([n for n in os.listdir(run) if n.startswith(".")], [])
            with open(os.path.join(run, "loss.csv")) as f:
                rows = list(csv.DictReader(f))
            self.assertEqual([int(r["step"]) for r in rows], [1, 2, 3, 4, 5, 6])
            self.assertTrue(all(float(r["loss"]) > 0 for r in rows))
        finally:
            shutil.rmtree(d, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
