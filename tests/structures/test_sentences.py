"""The structures' sentences come from one renderer per finding in quartiernetz.words.

``duplicates`` (``evidence``), ``competitor_clusters`` (``basis``) and ``suggest_ties``
(``reason``) write their English column with :mod:`quartiernetz.words.findings`, the
same functions the report calls for German. ``sentences_before.json`` holds these
columns as the analyses wrote them before (commit 5198029, when each analysis built its
own English sentences), for the example, the three generated quarters, the planted
quarter and a small network made for the rare clauses (``synthetic`` below).
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from quartiernetz import Network
from quartiernetz.datasets import load_example, lower_saxony
from quartiernetz.structures import competitor_clusters, duplicates, suggest_ties
from quartiernetz.words import (
    FINDING_TEXTS,
    competitor_basis,
    duplicate_evidence,
    suggestion_reason,
)

from .planted_quarter import build_quarter

HERE = Path(__file__).resolve().parent

#: call -> (analysis, its sentence column, the renderer of that column)
CALLS: dict[str, tuple[Callable[[Any], pd.DataFrame], str, Callable[..., str]]] = {
    "dup": (duplicates, "evidence", duplicate_evidence),
    "dup_cos_all": (
        lambda net: duplicates(net, measure="cosine", same_type=False, min_similarity=0.3),
        "evidence",
        duplicate_evidence,
    ),
    "dup_loose": (
        lambda net: duplicates(
            net, min_jaccard=0.2, min_overlap=0.5, name_similarity=70, min_similarity=0.4
        ),
        "evidence",
        duplicate_evidence,
    ),
    "comp": (lambda net: competitor_clusters(net, seed=0), "basis", competitor_basis),
    "comp_tg": (
        lambda net: competitor_clusters(
            net, seed=0, by="target_group", different_umbrellas=False, max_density=1.0
        ),
        "basis",
        competitor_basis,
    ),
    "sugg": (lambda net: suggest_ties(net, n=10), "reason", suggestion_reason),
    "sugg_aa": (
        lambda net: suggest_ties(net, n=60, method="adamic_adar"),
        "reason",
        suggestion_reason,
    ),
}


def synthetic() -> Network:
    """Offers without target group, a near-identical offer name, identical committees,
    an actor without type, partial umbrellas, a competition tie between suggested partners."""
    return Network(
        actors=pd.DataFrame(
            {
                "id": ["a1", "a2", "a3", "a4", "q", "k"],
                "type": ["X", "X", "X", None, "Y", "Y"],
                "umbrella": ["U1", "U2", None, "U1", None, None],
            }
        ),
        ties=pd.DataFrame(
            {
                "source": ["q", "q", "q", "k", "k", "k", "a1"],
                "target": ["a1", "a2", "a3", "a1", "a2", "a4", "a3"],
                "relation": ["cooperation"] * 6 + ["competition"],
            }
        ),
        affiliations=pd.DataFrame(
            {
                "actor": ["a1", "a2", "a3", "a1", "a2", "a1", "a2", "a3", "a4", "a1", "a2"],
                "item": [
                    "Kurs",
                    "Kurs",
                    "Kurs!",
                    "Gremium A",
                    "Gremium A",
                    "Gremium B",
                    "Gremium B",
                    "Treff",
                    "Treff",
                    "Sprachcafe",
                    "Sprachcafé",
                ],
                "kind": ["offer"] * 3 + ["committee"] * 4 + ["offer"] * 4,
                "target_group": [None] * 7 + ["Familien"] * 4,
            }
        ),
    )


@pytest.fixture(scope="module")
def before() -> dict[str, list[str]]:
    return json.loads((HERE / "sentences_before.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def frames(before) -> dict[str, pd.DataFrame]:
    """name|call -> the analysis' table, for every entry of sentences_before.json."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nets = {
            "nordstadt": load_example(),
            **{f"lower_saxony_{k}": v for k, v in lower_saxony(seed=0).items()},
            "planted": build_quarter(),
            "synthetic": synthetic(),
        }
        out = {}
        for key in before:
            name, call = key.split("|")
            out[key] = CALLS[call][0](nets[name])
    return out


def test_english_sentences_are_unchanged(before, frames):
    assert len(before) == 33 and sum(map(len, before.values())) == 288
    for key, frame in frames.items():
        column = CALLS[key.split("|")[1]][1]
        assert frame[column].tolist() == before[key], key


def test_english_column_is_the_renderer_row_by_row(frames):
    """Each row's sentence is what the renderer writes from that row (dict or Series)."""
    for key, frame in frames.items():
        _, column, render = CALLS[key.split("|")[1]]
        assert frame[column].tolist() == [
            render(row, lang="en") for row in frame.to_dict("records")
        ], key
        assert frame[column].tolist() == [render(row, lang="en") for _, row in frame.iterrows()]


# ---------------------------------------------------------------------- German
def _english_words() -> set[str]:
    """The words of the English templates that the German ones do not use."""

    def words(value: Any) -> set[str]:
        if isinstance(value, dict):
            return set().union(*(words(v) for v in value.values()))
        text = re.sub(r"\{\w+:([^}]*)\}", r" \1 ", str(value))  # counted words stay
        return set(re.findall(r"[A-Za-z]{2,}", re.sub(r"\{[^}]*\}", " ", text)))

    german = {w.lower() for w in words(FINDING_TEXTS["de"])}
    return {w for w in words(FINDING_TEXTS["en"]) if w.lower() not in german}


ENGLISH = _english_words()


def _data(value: Any, key: str = "") -> list[str]:
    """The texts of a row that come from the data (not the ids ``kind`` and ``measure``)."""
    if key in ("kind", "measure"):
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _data(v, k)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _data(v)]
    return []


def _english_in(text: str, data: list[str]) -> set[str]:
    for s in sorted(set(data), key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(s)}(?!\w)", " ¤ ", text)
    return {w for w in re.findall(r"[A-Za-z]+", text) if w in ENGLISH}


def test_the_english_word_list_is_long_enough():
    assert {"both", "offers", "shared", "membership", "cosine", "serve", "competitors"} <= ENGLISH
    assert "Jaccard" not in ENGLISH and "in" not in ENGLISH


def test_german_from_the_same_rows_has_no_english(frames):
    """Nothing changes in the structures: the renderer given lang="de" writes German."""
    rows = 0
    for key, frame in frames.items():
        _, column, render = CALLS[key.split("|")[1]]
        for row in frame.to_dict("records"):
            data = [s for k, v in row.items() if k != column for s in _data(v, k)]
            assert _english_in(row[column], data), (key, row[column])  # the check can fail
            german = render(row, lang="de")
            assert _english_in(german, data) == set(), (key, german)
            rows += 1
    assert rows == 288
