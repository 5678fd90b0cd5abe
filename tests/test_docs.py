"""The documentation site builds without warnings, and the CLI page lists every option."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from quartiernetz.cli import build_parser

REPO = Path(__file__).resolve().parents[1]


def test_docs_build_strict(tmp_path):
    pytest.importorskip("mkdocs", reason="mkdocs is in the test extras: pip install -e '.[test]'")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / "site" / "api" / "index.html").is_file()


def test_cli_page_documents_every_option():
    text = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    missing = set()
    for name, subparser in sub.choices.items():
        assert f"## {name}" in text
        for action in subparser._actions:
            for opt in action.option_strings:
                if (
                    opt.startswith("--")
                    and opt != "--help"
                    and not re.search(re.escape(opt) + r"\b", text)
                ):
                    missing.add(opt)
    assert not missing, f"options missing from docs/cli.md: {sorted(missing)}"
