"""The documentation site builds without warnings, and the CLI page lists every option.

The build renders the notebooks without running them (``QUARTIERNETZ_DOCS_EXECUTE=false``,
read by ``mkdocs.yml``): nbmake runs them in the same suite. Only ``.ipynb`` files go through
mkdocs-jupyter; a ``.md`` file with many ``::: name`` lines (``docs/api.md``) would otherwise
be handed to pandoc by jupytext, whose time doubles with each line.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from quartiernetz.cli import build_parser

REPO = Path(__file__).resolve().parents[1]

#: Seconds the documentation build may take (measured: 18 s on two busy cores).
DOCS_TIMEOUT = 300


def test_docs_build_strict(tmp_path):
    pytest.importorskip("mkdocs", reason="mkdocs is in the test extras: pip install -e '.[test]'")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "QUARTIERNETZ_DOCS_EXECUTE": "false"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=DOCS_TIMEOUT,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / "site" / "api" / "index.html").is_file()
    notebook = tmp_path / "site" / "notebooks" / "01_quick_start" / "index.html"
    assert notebook.is_file(), "the notebooks are rendered into the site"


def _jupyter_plugin():
    pytest.importorskip("mkdocs_jupyter", reason="mkdocs-jupyter is in the test extras")
    from mkdocs.config import load_config

    config = load_config(str(REPO / "mkdocs.yml"))
    return config, config["plugins"]["mkdocs-jupyter"]


def test_only_notebooks_go_through_mkdocs_jupyter(monkeypatch):
    """No .md page is read by jupytext (which would start pandoc on docs/api.md)."""
    import jupytext

    _, plugin = _jupyter_plugin()

    def forbidden(*args, **kwargs):
        raise AssertionError(f"jupytext.read called for {args[:1]}")

    monkeypatch.setattr(jupytext, "read", forbidden)
    pages = sorted((REPO / "docs").glob("*.md"))
    assert REPO / "docs" / "api.md" in pages
    for page in pages:
        assert not plugin.should_include(SimpleNamespace(abs_src_path=str(page))), page
    for notebook in sorted((REPO / "docs" / "notebooks").glob("*.ipynb")):
        assert plugin.should_include(SimpleNamespace(abs_src_path=str(notebook))), notebook


@pytest.mark.parametrize(("value", "expected"), [(None, True), ("false", False)])
def test_docs_execute_notebooks_unless_told_not_to(monkeypatch, value, expected):
    """The published site runs the notebooks; the test build does not (nbmake does)."""
    if value is None:
        monkeypatch.delenv("QUARTIERNETZ_DOCS_EXECUTE", raising=False)
    else:
        monkeypatch.setenv("QUARTIERNETZ_DOCS_EXECUTE", value)
    _, plugin = _jupyter_plugin()
    assert plugin.config["execute"] is expected


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
