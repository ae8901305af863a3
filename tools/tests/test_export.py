"""Tests of tools/shapescope_export.py against a real tiny torch model.

Run from the repository root:  /usr/bin/python3 -m unittest discover -s tools/tests -t .
The Arrow output and the real Hugging Face adapter are tested in test_export_hf.py.
"""
import csv
import io
import json
import os
import shutil
import sys
import tempfile
import unittest
from contextlib import redirect_stderr, redirect_stdout
from unittest import mock

import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import shapescope_export as sx  # noqa: E402


# One unit in the last place of float16 near 1 (2**-10): the most a float32 value that differs from another
# in its last bits can move after rounding both to float16, relative to their size (with the same as an
# absolute bound for values below 1).
FLOAT16_ULP = 2.0 ** -10


class TinyModel(nn.Module):
    """Embedding + 2 pre-LN blocks; returns [embedding output, block 1, block 2]."""

    def __init__(self, vocab=50, width=16, layers=2, context=32):
        super().__init__()
        self.tok = nn.Embedding(vocab, width)
        self.pos = nn.Embedding(context, width)
        self.blocks = nn.ModuleList(nn.TransformerEncoderLayer(width, 2, 32, dropout=0.0, batch_first=True,
                                                               norm_first=True) for _ in range(layers))

    def forward(self, ids):
        x = self.tok(ids) + self.pos(torch.arange(ids.shape[1]))
        hidden = [x]
        for block in self.blocks:
            x = block(x)
            hidden.append(x)
        return hidden


class ExportTest(unittest.TestCase):
    def setUp(self):
        torch.manual_seed(0)
        self.model = TinyModel().eval()
        self.dir = tempfile.mkdtemp(prefix="shapescope-export-test-")
        self.ids = np.random.default_rng(1).integers(0, 50, size=1000)

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def model_fn(self, ids):
        return self.model(ids)

    def hidden_as_exported(self, batches):
        """The model's hidden states computed exactly as the exporter computes them: one forward pass per
        token batch, in the same batches, concatenated. Batched and unbatched matrix products may differ in
        the last float32 bits (they do on AVX-512 CPUs), so the expected values must come from the same
        batches for an exact comparison to be meaningful; with them the comparison is of one computation
        with itself and stays exact."""
        per_layer = None
        with torch.no_grad():
            for batch in batches:
                hidden = [h.reshape(-1, h.shape[-1]).numpy() for h in self.model(torch.as_tensor(np.asarray(batch)))]
                per_layer = [[h] for h in hidden] if per_layer is None else [p + [h] for p, h in zip(per_layer, hidden)]
        return [np.concatenate(parts) for parts in per_layer]

    def test_npy_layout_matches_model(self):
        batches = sx.token_batches_from_ids(self.ids, num_tokens=96, seq_len=16, batch_size=4, seed=3)
        self.assertEqual([b.shape for b in batches], [(4, 16), (2, 16)])
        out = os.path.join(self.dir, "run")
        info = {"name": "tiny", "model": "TinyModel", "architecture": "encoder", "hidden_size": 16, "layers": 2,
                "description": "test"}
        result = sx.export_hidden_states(self.model_fn, batches, out, 7, token_text=lambda i: f"t{i}", fmt="npy",
                                         run_info=info, loss=[(0, 3.5), (1, 3.25)])
        self.assertEqual(result["format"], "npy")
        self.assertEqual(result["layers"], [0, 1, 2])
        folder = os.path.join(out, "step_7")
        ids = np.load(os.path.join(folder, "tokens.npy"))
        seq = np.load(os.path.join(folder, "sequence.npy"))
        pos = np.load(os.path.join(folder, "position.npy"))
        for array in (ids, seq, pos):
            self.assertEqual(array.dtype, np.int64)
            self.assertEqual(array.shape, (96,))
        all_ids = np.concatenate(batches)
        np.testing.assert_array_equal(ids, all_ids.reshape(-1))
        np.testing.assert_array_equal(seq, np.repeat(np.arange(6), 16))
        np.testing.assert_array_equal(pos, np.tile(np.arange(16), 6))
        expected = self.hidden_as_exported(batches)
        for layer in range(3):
            values = np.load(os.path.join(folder, f"layer_{layer}.npy"))
            self.assertEqual(values.dtype, np.float16)
            self.assertEqual(values.shape, (96, 16))
            np.testing.assert_array_equal(values, expected[layer].astype(np.float16))
        # every row is the hidden state of token (sequence, position): sequence 5 is the second row of the
        # second batch. Computed alone (another batch shape), it may differ from the exported value in the
        # last float32 bits, which can move a float16 rounding by one unit in the last place.
        row = 5 * 16 + 9
        with torch.no_grad():
            alone = self.model(torch.as_tensor(all_ids[5:6]))[2][0, 9].numpy()
        np.testing.assert_allclose(np.load(os.path.join(folder, "layer_2.npy"))[row].astype(np.float32), alone,
                                   rtol=FLOAT16_ULP, atol=FLOAT16_ULP)
        with open(os.path.join(folder, "tokens.txt"), encoding="utf-8") as f:
            lines = f.read().split("\n")
        self.assertEqual(lines[-1], "")
        self.assertEqual([json.loads(line) for line in lines[:-1]], [f"t{i}" for i in ids])
        with open(os.path.join(out, "run.json")) as f:
            self.assertEqual(json.load(f), info)
        with open(os.path.join(out, "loss.csv")) as f:
            self.assertEqual(list(csv.reader(f)), [["step", "loss"], ["0", "3.5"], ["1", "3.25"]])

    def test_float32_and_layer_subset(self):
        batches = sx.token_batches_from_ids(self.ids, 32, 16, contiguous=True)
        np.testing.assert_array_equal(batches[0].reshape(-1), self.ids[:32])
        out = os.path.join(self.dir, "run32")
        sx.export_hidden_states(self.model_fn, batches, out, 0, layers=[0, 2], dtype="float32", fmt="npy")
        names = sorted(os.listdir(os.path.join(out, "step_0")))
        self.assertEqual(names, ["layer_0.npy", "layer_2.npy", "position.npy", "sequence.npy", "tokens.npy"])
        values = np.load(os.path.join(out, "step_0", "layer_2.npy"))
        self.assertEqual(values.dtype, np.float32)
        np.testing.assert_array_equal(values, self.hidden_as_exported(batches)[2])

    def test_loss_csv_with_extra_columns(self):
        path = sx.write_loss_csv(self.dir, [{"step": 0, "loss": 2.0, "eval_loss": 2.5}, {"step": 1, "loss": 1.5}])
        with open(path) as f:
            self.assertEqual(f.read(), "step,loss,eval_loss\n0,2,2.5\n1,1.5,\n")

    def test_too_few_tokens_is_a_clear_error(self):
        with self.assertRaises(sx.ExportError) as ctx:
            sx.token_batches_from_ids(np.arange(100), num_tokens=256, seq_len=64)
        self.assertIn("100 tokens", str(ctx.exception))
        self.assertIn("256 tokens", str(ctx.exception))
        with self.assertRaises(sx.ExportError):
            sx.token_batches_from_ids(np.arange(100), num_tokens=50, seq_len=16)

    def test_bad_layer_and_dtype(self):
        batches = sx.token_batches_from_ids(self.ids, 16, 16)
        with self.assertRaisesRegex(sx.ExportError, "layer 5"):
            sx.export_hidden_states(self.model_fn, batches, self.dir, 0, layers=[5], fmt="npy")
        with self.assertRaisesRegex(sx.ExportError, "float16 or float32"):
            sx.export_hidden_states(self.model_fn, batches, self.dir, 0, dtype="int8", fmt="npy")
        with self.assertRaisesRegex(sx.ExportError, "architecture"):
            sx.write_run_json(self.dir, {"architecture": "seq2seq"})

    def test_missing_text_file_is_a_clear_error(self):
        err = io.StringIO()
        with redirect_stderr(err):
            code = sx.main(["--model", "some/model", "--text", os.path.join(self.dir, "missing.txt"),
                            "--out", os.path.join(self.dir, "out")])
        self.assertEqual(code, 2)
        self.assertIn("missing.txt does not exist", err.getvalue())
        self.assertFalse(os.path.exists(os.path.join(self.dir, "out")))

    def test_command_line_with_a_stand_in_for_transformers(self):
        """Runs main() end to end over two revisions with a fake 'transformers' module (the real
        one is not installed here): the HF adapter, revision -> step and run.json are exercised."""
        import types

        model = self.model
        loaded = []

        class Output:
            def __init__(self, hidden_states):
                self.hidden_states = hidden_states

        class FakeModel(nn.Module):
            def __init__(self, revision):
                super().__init__()
                self.inner = model
                self.config = types.SimpleNamespace(hidden_size=16, num_hidden_layers=2)
                loaded.append(revision)

            def forward(self, input_ids=None, output_hidden_states=False):
                assert output_hidden_states
                return Output(tuple(self.inner(input_ids)))

        class FakeTokenizer:
            def __call__(self, text, add_special_tokens=True):
                return {"input_ids": [ord(c) % 50 for c in text]}

            def decode(self, ids):
                return "".join(chr(97 + i % 26) for i in ids)

        fake = types.ModuleType("transformers")
        fake.AutoModel = types.SimpleNamespace(from_pretrained=lambda name, revision=None: FakeModel(revision))
        fake.AutoTokenizer = types.SimpleNamespace(from_pretrained=lambda name, revision=None: FakeTokenizer())
        text = os.path.join(self.dir, "corpus.txt")
        with open(text, "w") as f:
            f.write("the quick brown fox jumps over the lazy dog. " * 20)
        out = os.path.join(self.dir, "hf-run")
        with mock.patch.dict(sys.modules, {"transformers": fake}), redirect_stderr(io.StringIO()), redirect_stdout(io.StringIO()):
            code = sx.main(["--model", "org/tiny", "--revisions", "step100,step2000", "--text", text, "--out", out,
                            "--tokens", "64", "--seq-len", "16", "--format", "npy", "--layers", "0,2"])
        self.assertEqual(code, 0)
        self.assertEqual(loaded, ["step100", "step2000"])
        self.assertEqual(sorted(os.listdir(out)), ["run.json", "step_100", "step_2000"])
        self.assertEqual(sorted(os.listdir(os.path.join(out, "step_2000"))),
                         ["layer_0.npy", "layer_2.npy", "position.npy", "sequence.npy", "tokens.npy", "tokens.txt"])
        with open(os.path.join(out, "run.json")) as f:
            info = json.load(f)
        self.assertEqual((info["hidden_size"], info["layers"], info["architecture"]), (16, 2, "decoder"))
        ids = np.load(os.path.join(out, "step_100", "tokens.npy"))
        # the exporter's default --batch-size is 8 sequences: the 4 sequences here are one batch
        want = self.hidden_as_exported([ids.reshape(4, 16)])[2].astype(np.float16)
        np.testing.assert_array_equal(np.load(os.path.join(out, "step_100", "layer_2.npy")), want)

    def test_too_few_tokens_on_the_command_line(self):
        text = os.path.join(self.dir, "short.txt")
        with open(text, "w") as f:
            f.write("short")
        import types
        fake = types.ModuleType("transformers")
        fake.AutoTokenizer = types.SimpleNamespace(from_pretrained=lambda name, revision=None: (
            lambda t, add_special_tokens=True: {"input_ids": list(range(len(t)))}))
        err = io.StringIO()
        with mock.patch.dict(sys.modules, {"transformers": fake}), redirect_stderr(err):
            code = sx.main(["--model", "m", "--text", text, "--out", os.path.join(self.dir, "o"), "--tokens", "256"])
        self.assertEqual(code, 2)
        self.assertIn("the text has 5 tokens", err.getvalue())

    def test_step_from_revision(self):
        self.assertEqual(sx.step_from_revision("step143000", 0), 143000)
        self.assertEqual(sx.step_from_revision("checkpoint-500", 0), 500)
        self.assertEqual(sx.step_from_revision(None, 3), 3)
        self.assertEqual(sx.step_from_revision("main", 2), 2)

    def test_auto_falls_back_to_npy_without_pyarrow(self):
        batches = sx.token_batches_from_ids(self.ids, 16, 16)
        with mock.patch.object(sx, "have_pyarrow", return_value=False):
            result = sx.export_hidden_states(self.model_fn, batches, self.dir, 3, fmt="auto")
            self.assertEqual(result["format"], "npy")
            self.assertTrue(os.path.isfile(os.path.join(self.dir, "step_3", "layer_2.npy")))
            with self.assertRaisesRegex(sx.ExportError, "pyarrow"):
                sx.export_hidden_states(self.model_fn, batches, self.dir, 3, fmt="arrow")


if __name__ == "__main__":
    unittest.main()
