"""Runs test classes that need packages Debian does not ship (pyarrow, transformers with a recent
torch) in the virtualenv that tools/ci/python-venv.sh makes, and says loudly when they cannot run.

``@needs("pyarrow", "transformers")`` on a TestCase class:

* the packages import here: the class runs as it is;
* they do not, but they do in the virtualenv (``$SHAPESCOPE_PYTHON_VENV``, default
  ``~/.cache/shapescope/python-venv``): the class is replaced by one test that runs it there and
  fails when it fails there;
* neither: the class is skipped, with a line ``SKIPPED: ... not installed`` on stderr naming the
  missing packages (unittest's own skip counts it too).

"transformers" counts as installed only when it can use torch (transformers 5 needs torch >= 2.5;
Debian 12 ships 1.13).
"""
import json
import os
import subprocess
import sys
import unittest

VENV = os.environ.get("SHAPESCOPE_PYTHON_VENV") or os.path.expanduser("~/.cache/shapescope/python-venv")
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
INSIDE = "SHAPESCOPE_TESTS_IN_VENV"

# Prints a JSON list of the missing packages, each with why.
PROBE = r"""
import importlib, json, sys
missing = []
for name in sys.argv[1:]:
    try:
        module = importlib.import_module(name)
    except Exception as e:
        missing.append(f"{name} ({type(e).__name__}: {e})".splitlines()[0])
        continue
    if name == "transformers":
        from transformers.utils import is_torch_available
        if not is_torch_available():
            try:
                import torch
                found = torch.__version__
            except ImportError:
                found = "none"
            missing.append(f"transformers (installed, but cannot use torch {found})")
print(json.dumps(missing))
"""


def _missing(python, modules):
    try:
        result = subprocess.run([python, "-c", PROBE, *modules], capture_output=True, text=True, timeout=300)
        return json.loads(result.stdout.strip().splitlines()[-1])
    except (OSError, ValueError, IndexError, subprocess.TimeoutExpired) as e:
        return [f"{m} (cannot ask {python}: {e})" for m in modules]


def venv_python():
    path = os.path.join(VENV, "bin", "python")
    return path if os.access(path, os.X_OK) else None


def needs(*modules):
    """Class decorator: see the module comment."""
    def decorate(cls):
        if os.environ.get(INSIDE) or not _missing(sys.executable, modules):
            return cls
        python = venv_python()
        missing = _missing(python, modules) if python else list(modules)
        if missing:
            where = f"the virtualenv {VENV} has not got them either" if python else f"there is no virtualenv at {VENV}"
            reason = (f"SKIPPED: {cls.__name__} did not run: {'; '.join(missing)} not installed for {sys.executable}, "
                      f"and {where} (make it with tools/ci/python-venv.sh)")
            print("\n" + "!" * 100 + "\n" + reason + "\n" + "!" * 100, file=sys.stderr)
            return unittest.skip(reason)(cls)

        def test_in_virtualenv(self):
            target = f"{cls.__module__}.{cls.__name__}"
            result = subprocess.run([python, "-m", "unittest", "-v", target], cwd=REPO, capture_output=True, text=True,
                                    env={**os.environ, INSIDE: "1"})
            sys.stderr.write(f"\n--- {target} in {python} ---\n{result.stdout}{result.stderr}--- end of {target} ---\n")
            self.assertEqual(result.returncode, 0, f"{target} failed in {python} (its output is above)")

        return type(cls.__name__, (unittest.TestCase,), {
            "__module__": cls.__module__, "__doc__": f"{cls.__name__}, run in {python}",
            "test_in_virtualenv": test_in_virtualenv})
    return decorate
