"""The example notebooks are stored clean and run from their own folder.

``pytest --nbmake notebooks`` executes them (each with ``notebooks/`` as the working
directory); the checks here are cheap and run with the ordinary test suite: every
notebook is valid nbformat 4, carries no outputs or execution counts (outputs are
stripped in git), starts with a markdown title, and reads only data shipped with the
repository, quartiernetz or networkx.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
IDS = [p.name for p in PATHS]

#: Paths a notebook must not use: the classic data beside the repository (absent in CI)
#: and absolute paths of one machine.
FORBIDDEN = re.compile(r"\.\./shared|shared/data|/work/|/home/|/Users/|\b[A-Z]:\\")


def _load(path: Path) -> dict:
    with path.open(encoding="utf-8") as f:
        return json.load(f)


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def test_the_notebooks_are_there():
    names = set(IDS)
    expected = {
        "01_quick_start.ipynb",
        "02_evaluator_survey.ipynb",
        "03_lower_saxony_comparison.ipynb",
        "05_classic_networks.ipynb",
    }
    assert expected <= names, f"missing in {NOTEBOOKS}: {sorted(expected - names)}"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_valid_nbformat_4(path):
    nbformat = pytest.importorskip("nbformat")
    nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)
    assert nb.nbformat == 4
    nbformat.validate(nb)  # raises ValidationError
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_no_outputs_and_no_execution_counts(path):
    nb = _load(path)
    dirty = [
        i
        for i, cell in enumerate(nb["cells"])
        if cell["cell_type"] == "code"
        and (cell.get("outputs") or cell.get("execution_count") is not None)
    ]
    assert not dirty, f"{path.name}: cells {dirty} have outputs or execution counts; strip them"
    assert not any(cell.get("attachments") for cell in nb["cells"]), "attachments are outputs"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_first_cell_is_a_markdown_title(path):
    first = _load(path)["cells"][0]
    assert first["cell_type"] == "markdown"
    assert re.match(r"# \S", _source(first)), "the first line must be a level-1 title"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_paths_are_relative_and_shipped(path):
    for i, cell in enumerate(_load(path)["cells"]):
        if cell["cell_type"] == "code":
            found = FORBIDDEN.search(_source(cell))
            assert not found, f"{path.name}, cell {i}: {found.group(0)!r}"


def test_readme_describes_every_notebook():
    readme = (NOTEBOOKS / "README.md").read_text(encoding="utf-8")
    missing = [name for name in IDS if name not in readme]
    assert not missing, f"notebooks/README.md does not mention {missing}"
