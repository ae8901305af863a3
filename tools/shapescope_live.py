"""Write a Shapescope run folder while a model trains, for ``shapescope watch RUN`` and the desktop app.

A fixed held-out batch's hidden states are exported as one checkpoint into the run folder, atomically:
the checkpoint is written under a hidden temporary folder inside the run folder and renamed into place
in one step (a reader never sees it half-written), and one line per logged step is appended to
``loss.csv`` (a whole line in one write). The export itself is :func:`shapescope_export.export_hidden_states`.

In a plain PyTorch loop::

    from shapescope_live import LiveRun
    live = LiveRun("runs/mine", held_out_batches, run_info={"name": "mine", "architecture": "decoder"})
    for step, batch in enumerate(loader):
        loss = train_step(model, batch)
        live.log_loss(step, loss.item())
        if step % 100 == 0:
            live.checkpoint(lambda ids: model(ids, output_hidden_states=True).hidden_states, step, model=model)

or one call, :func:`export_live_checkpoint`. With a Hugging Face ``Trainer``::

    trainer = Trainer(..., callbacks=[shapescope_trainer_callback("runs/mine", held_out_batches, every=100)])

(see docs/EXPORT.md, "While training").
"""
import os
import shutil
import uuid

import shapescope_export as sx

__all__ = ["LiveRun", "export_live_checkpoint", "append_loss", "shapescope_trainer_callback"]


def export_live_checkpoint(model_fn, token_batches, out_dir, step, *, model=None, loss=None, extra=None, **export):
    """Exports checkpoint ``step`` into run folder ``out_dir`` atomically and, when ``loss`` is given,
    appends ``step,loss`` (and the ``extra`` columns) to ``loss.csv``.

    :param model: the torch module behind ``model_fn``, when it is training: it is put in eval mode
        for the export and back in train mode afterwards (the export runs under ``torch.no_grad``)
    :param export: passed to :func:`shapescope_export.export_hidden_states` (layers, dtype,
        token_text, fmt, run_info)
    :return: what ``export_hidden_states`` returns, with ``files`` naming the files in place
    """
    step = int(step)
    os.makedirs(out_dir, exist_ok=True)
    scratch = os.path.join(out_dir, f".shapescope-live-{step}-{uuid.uuid4().hex[:8]}")
    run_info = export.pop("run_info", None)
    training = model is not None and model.training
    try:
        if training:
            model.eval()
        result = sx.export_hidden_states(model_fn, token_batches, scratch, step, **export)
        if result["format"] == "arrow":
            written = os.path.join(scratch, "checkpoints", f"step_{step}.arrow")
            target = os.path.join(out_dir, "checkpoints", f"step_{step}.arrow")
            os.makedirs(os.path.dirname(target), exist_ok=True)
        else:
            written = os.path.join(scratch, f"step_{step}")
            target = os.path.join(out_dir, f"step_{step}")
            if os.path.isdir(target):
                shutil.rmtree(target)  # the same step again: a rename cannot replace a folder that is not empty
        os.replace(written, target)
    finally:
        if training:
            model.train()
        shutil.rmtree(scratch, ignore_errors=True)
    result["files"] = [target]
    if run_info is not None:
        result["files"].append(sx.write_run_json(out_dir, run_info))
    if loss is not None:
        result["files"].append(append_loss(out_dir, step, loss, **(extra or {})))
    return result


def append_loss(out_dir, step, loss, **extra):
    """Appends one row to ``out_dir/loss.csv`` as one whole line in one write (the header ``step,loss``
    plus the names of ``extra``, in that order, when the file is new). A file that exists keeps its
    header: extra columns it does not name are left out, columns it names and not given are empty."""
    path = os.path.join(out_dir, "loss.csv")
    os.makedirs(out_dir, exist_ok=True)
    row = {"step": int(step), "loss": float(loss), **extra}
    header = None
    if os.path.isfile(path) and os.path.getsize(path) > 0:
        with open(path, encoding="utf-8") as f:
            header = [c.strip() for c in f.readline().strip().split(",")]
    lines = ""
    if header is None:
        header = ["step", "loss"] + [k for k in extra if k not in ("step", "loss")]
        lines = ",".join(header) + "\n"
    lines += ",".join(sx._cell(row.get(column)) for column in header) + "\n"
    with open(path, "a", encoding="utf-8", newline="\n") as f:
        f.write(lines)
        f.flush()
    return path


class LiveRun:
    """A run folder being written while a model trains: the held-out batches and export options
    are fixed once, then :meth:`checkpoint` and :meth:`log_loss` are called from the loop."""

    def __init__(self, out_dir, token_batches, *, run_info=None, **export):
        self.out_dir = out_dir
        self.token_batches = [b for b in token_batches]
        self.export = export
        self.exported = set()
        os.makedirs(out_dir, exist_ok=True)
        if run_info is not None:
            sx.write_run_json(out_dir, run_info)

    def checkpoint(self, model_fn, step, *, model=None, loss=None, **extra):
        """Exports checkpoint ``step`` (once per step; a second call for the same step does nothing
        and returns None); with ``loss``, also appends it to loss.csv."""
        step = int(step)
        if step in self.exported:
            return None
        result = export_live_checkpoint(model_fn, self.token_batches, self.out_dir, step, model=model, loss=loss,
                                        extra=extra, **self.export)
        self.exported.add(step)
        return result

    def log_loss(self, step, loss, **extra):
        """Appends one row to loss.csv."""
        return append_loss(self.out_dir, step, loss, **extra)


def shapescope_trainer_callback(out_dir, token_batches, *, every=None, at_save=True, at_start=True, run_info=None,
                                **export):
    """A ``transformers.TrainerCallback`` that exports the hidden states of ``token_batches`` (the
    fixed held-out batch) into run folder ``out_dir``: at the start of training (step 0) when
    ``at_start``, every ``every`` optimizer steps when given, and at each save when ``at_save``; and
    appends every logged ``loss`` to loss.csv (with ``learning_rate`` and ``grad_norm`` when logged).
    ``transformers`` is imported here only."""
    from transformers import TrainerCallback

    live = LiveRun(out_dir, token_batches, run_info=run_info, **export)

    class ShapescopeCallback(TrainerCallback):
        """Exports Shapescope checkpoints while a Trainer trains (see shapescope_trainer_callback)."""

        def __init__(self):
            self.live = live

        def _export(self, state, model):
            if model is not None:
                live.checkpoint(sx.hf_model_fn(model), state.global_step, model=model)

        def on_train_begin(self, args, state, control, model=None, **kwargs):
            if at_start and state.is_world_process_zero:
                self._export(state, model)

        def on_step_end(self, args, state, control, model=None, **kwargs):
            if every and state.global_step % every == 0 and state.is_world_process_zero:
                self._export(state, model)

        def on_save(self, args, state, control, model=None, **kwargs):
            if at_save and state.is_world_process_zero:
                self._export(state, model)

        def on_log(self, args, state, control, logs=None, **kwargs):
            if logs and "loss" in logs and state.is_world_process_zero:
                extra = {k: logs[k] for k in ("learning_rate", "grad_norm") if k in logs}
                live.log_loss(state.global_step, logs["loss"], **extra)

    return ShapescopeCallback()
