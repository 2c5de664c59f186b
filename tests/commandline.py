"""The command line as the tests run it: ``python -m cablelint`` in a subprocess."""

from __future__ import annotations

import subprocess
import sys


def run(*args, cwd, stdin: str | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    """``cablelint ARGS`` run in ``cwd``; text output captured, ``stdin`` given as input."""
    return subprocess.run([sys.executable, "-m", "cablelint", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=timeout, input=stdin)
