"""The example of docs/structures.md runs and shows what the page says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PAGE = Path(__file__).resolve().parents[2] / "docs" / "structures.md"


def test_docs_example_runs() -> None:
    if not PAGE.is_file():
        pytest.skip(f"{PAGE} not found")
    code = re.search(r"```python\n(import pandas.*?)```", PAGE.read_text(encoding="utf-8"), re.S)
    assert code is not None
    ns: dict = {}
    exec(compile(code.group(1), str(PAGE), "exec"), ns)
    d = ns["duplicates"](ns["net"])
    assert d[["a", "b", "kind"]].values.tolist() == [
        ["awo", "caritas", "offer"],
        ["awo", "diakonie", "offer"],
        ["caritas", "diakonie", "offer"],
        ["awo", "diakonie", "ties"],
    ]
    assert d.loc[3, "score"] == pytest.approx(2 / 3)
    assert (
        d.loc[0, "evidence"]
        == 'awo offers "Seniorentreff", caritas "Senioren-Treff", both for Senioren in Weststadt'
    )
    cc = ns["cc"]
    assert (cc.loc[0, "members"], cc.loc[0, "internal_density"], cc.loc[0, "bridges"]) == (
        ["awo", "caritas", "diakonie"],
        0.0,
        ["qm", "kirche"],
    )
    m = ns["offer_map"](ns["net"])
    assert m.loc["Seniorentreff", ("Weststadt", "Senioren")] == ["awo", "caritas", "diakonie"]
