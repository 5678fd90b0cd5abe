"""Fixtures of the journeys: the generated inputs and one shared report per input and language."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .checks import CliResult, run_cli
from .inputs import Input, write_generated


@pytest.fixture(scope="session")
def generated_root(tmp_path_factory) -> Path:
    """The generated Lower Saxony quarters, written once per session."""
    return write_generated(tmp_path_factory.mktemp("generated"))


@pytest.fixture(scope="session")
def report_of(tmp_path_factory, generated_root) -> Callable[[Input, str], tuple[CliResult, Path]]:
    """``report_of(input, lang)``: the CLI run and folder of its report, written once."""
    cache: dict[tuple[str, str], tuple[CliResult, Path]] = {}
    root = tmp_path_factory.mktemp("reports")

    def report(inp: Input, lang: str) -> tuple[CliResult, Path]:
        key = (inp.name, lang)
        if key not in cache:
            out = root / f"{inp.name}-{lang}"
            argv = ["report", *inp.argv(generated_root), "--out", str(out), "--lang", lang]
            cache[key] = (run_cli([*argv, "--jobs", "1"]), out)
        return cache[key]

    return report
