"""The journeys also pass with the oldest versions of the core dependencies pyproject allows.

The main ``.venv`` gets the newest versions (``pip install -e ".[test]"``). This test builds
a second venv, ``.venv-oldest/`` in the repository (git-ignored), with
``ci/constraints-oldest.txt`` pinning every core dependency to its lower bound, installs
quartiernetz there (editable, so it tests this checkout) and runs the fast part of the
journey matrix in it: every input read, validated and converted, and the example
quarter's reports (the report code is the same for every input once it is read). The venv is reused while the constraint file, pyproject.toml's
dependencies and the Python version are unchanged (their hash is kept in the venv).

Without network, or when pip fails for another reason, the test is skipped with pip's
last lines as the reason; once installed, a version that is not the pinned one, or a
journey that fails, fails the test.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CONSTRAINTS = REPO / "ci" / "constraints-oldest.txt"
VENV = REPO / ".venv-oldest"
STAMP = VENV / "quartiernetz-constraints.sha256"
#: Set in the inner run, so that it never starts a venv of its own.
INNER = "QUARTIERNETZ_OLDEST_DEPS_RUN"

INSTALL_TIMEOUT = 900
RUN_TIMEOUT = 600


def _pins() -> dict[str, str]:
    pins = {}
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = line.split("==")
            pins[name.strip().lower()] = version.strip()
    return pins


def _lower_bounds() -> dict[str, str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    bounds = {}
    # the core dependencies and the compiled kernels of the [fast] extra, installed with them
    for spec in [*project["dependencies"], *project["optional-dependencies"]["fast"]]:
        found = re.match(r"([A-Za-z0-9_.-]+)\s*>=\s*([0-9][0-9.]*)", spec)
        assert found, f"{spec!r} has no lower bound (>=)"
        bounds[found.group(1).lower()] = found.group(2)
    return bounds


def _fingerprint() -> str:
    text = CONSTRAINTS.read_text(encoding="utf-8") + repr(sorted(_lower_bounds().items()))
    text += sys.version
    return hashlib.sha256(text.encode()).hexdigest()


def _python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _run(cmd: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(c) for c in cmd],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
        env={**os.environ, INNER: "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )


def _skip(what: str, proc: subprocess.CompletedProcess[str]) -> None:
    tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-6:])
    pytest.skip(f"{what} failed (no network?), oldest dependencies not tested:\n{tail}")


def _oldest_venv() -> Path:
    """``.venv-oldest`` with the pinned versions, built unless its stamp matches."""
    fingerprint = _fingerprint()
    if STAMP.is_file() and STAMP.read_text().strip() == fingerprint and _python().is_file():
        return _python()
    if VENV.exists():
        shutil.rmtree(VENV)
    proc = _run([sys.executable, "-m", "venv", VENV], timeout=120)
    if proc.returncode != 0:
        _skip("python -m venv", proc)
    try:
        proc = _run(
            [
                _python(),
                "-m",
                "pip",
                "install",
                "-q",
                "-c",
                CONSTRAINTS,
                "-e",
                f"{REPO}[fast]",
                "pytest",
                "pytest-timeout",
            ],
            timeout=INSTALL_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        pytest.skip(f"pip install took more than {INSTALL_TIMEOUT} s (slow network?)")
    if proc.returncode != 0:
        _skip("pip install -c ci/constraints-oldest.txt", proc)
    STAMP.write_text(fingerprint + "\n")
    return _python()


def test_constraints_pin_the_lower_bounds():
    """Every core dependency is pinned, at its lower bound."""
    from packaging.version import Version

    pins, bounds = _pins(), _lower_bounds()
    assert sorted(pins) == sorted(bounds)
    wrong = {
        name: (bounds[name], pins[name])
        for name in pins
        if Version(pins[name]) != Version(bounds[name])
    }
    assert not wrong, f"(lower bound, pin) differ: {wrong}"


@pytest.mark.skipif(bool(os.environ.get(INNER)), reason="already inside the oldest venv")
def test_journeys_pass_with_the_oldest_dependencies():
    python = _oldest_venv()
    code = (
        "import importlib.metadata as m, json, sys; "
        "print(json.dumps({n: m.version(n) for n in sys.argv[1:]}))"
    )
    proc = _run([python, "-c", code, *_pins()], timeout=120)
    assert proc.returncode == 0, proc.stderr
    installed = {k.lower(): v for k, v in json.loads(proc.stdout).items()}
    assert installed == _pins(), f"installed {installed}, pinned {_pins()}"
    proc = _run(
        [
            python,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-o",
            "addopts=-rf --tb=short",
            "-m",
            "not slow",
            "-k",
            "validate or convert or (report and nordstadt)",
            "tests/journey/test_matrix.py",
        ],
        timeout=RUN_TIMEOUT,
    )
    summary = [line for line in proc.stdout.splitlines() if line.startswith("FAILED")]
    assert proc.returncode == 0, "fast journeys fail with the oldest dependencies:\n" + "\n".join(
        [*summary, proc.stdout[-6000:], proc.stderr[-2000:]]
    )
