#!/usr/bin/env bash
# Makes the virtualenv in which the exporter's tests that need pyarrow and transformers run
# (tools/tests/virtualenv.py): $SHAPESCOPE_PYTHON_VENV, default ~/.cache/shapescope/python-venv, on
# /usr/bin/python3 with --system-site-packages (so Debian's numpy and torch stay visible), then
# pip-installs pyarrow, polars, pandas, transformers and accelerate (which a Trainer needs), and a torch recent enough for transformers
# when Debian's is older (Debian 12: torch 1.13; transformers 5 needs >= 2.5).
#
# Never fails: when the virtualenv cannot be made or pip cannot install (no index, no network), it
# says so and exits 0; those tests then report themselves SKIPPED, naming what is missing.
set -uo pipefail

venv="${SHAPESCOPE_PYTHON_VENV:-$HOME/.cache/shapescope/python-venv}"
python=/usr/bin/python3

say() { echo "python-venv: $*"; }

if [ ! -x "$venv/bin/python" ]; then
  mkdir -p "$(dirname "$venv")"
  if ! "$python" -m venv --system-site-packages "$venv" >/dev/null 2>&1; then
    say "cannot make a virtualenv at $venv (is python3-venv installed?); the tests that need pyarrow/transformers will be SKIPPED"
    exit 0
  fi
fi

packages=(pyarrow polars pandas transformers accelerate)
# Debian's scipy/scikit-learn, which transformers imports when present, are built against numpy 1.x:
# keep numpy below 2 in the virtualenv while the system's numpy is 1.x.
if [ "$("$python" -c 'import numpy; print(numpy.__version__.split(".")[0])' 2>/dev/null)" = "1" ]; then
  packages+=("numpy<2")
fi

pip=("$venv/bin/python" -m pip install --quiet --disable-pip-version-check --retries 1 --timeout 20)
if ! "${pip[@]}" "${packages[@]}"; then
  say "pip could not install ${packages[*]} into $venv; the tests that need them will be SKIPPED"
  exit 0
fi

torch_ok() {
  "$venv/bin/python" -c 'from transformers.utils import is_torch_available; raise SystemExit(0 if is_torch_available() else 1)' \
    >/dev/null 2>&1
}
if ! torch_ok; then
  say "transformers cannot use the system's torch; installing a newer torch into $venv"
  if ! "${pip[@]}" "torch>=2.5" || ! torch_ok; then
    say "no usable torch for transformers; the Hugging Face tests will be SKIPPED"
    exit 0
  fi
fi

"$venv/bin/python" -c '
import numpy, pandas, polars, pyarrow, torch, transformers
print("python-venv: ready:", ", ".join(f"{m.__name__} {m.__version__}" for m in (numpy, pyarrow, polars, pandas, torch, transformers)))
' || say "the virtualenv at $venv does not import its packages; the tests that need them will be SKIPPED"
exit 0
