"""The catalysts' ``why``: structured ``reasons`` in the analysis, words in quartiernetz.words."""

from __future__ import annotations

import ast
import json
import sys
import warnings
from pathlib import Path

import networkx as nx
import pytest

import quartiernetz.words as words
from quartiernetz.datasets import load_example, lower_saxony
from quartiernetz.explorer import explorer_data
from quartiernetz.report import texts as report_texts
from quartiernetz.roles import catalysts
from quartiernetz.words import LANGS, REASON_KINDS, WHY_TEXTS, Reason, why

HERE = Path(__file__).resolve().parent
WORDS = Path(words.__file__).resolve().parent


@pytest.fixture(scope="module")
def tables():
    """The catalyst tables of the Nordstadt example and three generated quarters."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nets = {"nordstadt": load_example(), **lower_saxony(seed=0)}
        return {name: catalysts(net) for name, net in nets.items()}


def test_english_why_is_unchanged(tables):
    """The ``why`` column equals the one written before ``reasons`` (saved in why_before.json)."""
    before = json.loads((HERE / "why_before.json").read_text(encoding="utf-8"))
    assert set(before) == set(tables) == {"nordstadt", "A", "B", "C"}
    for name, table in tables.items():
        assert {str(a): w for a, w in table["why"].items()} == before[name], name


def test_why_is_rendered_from_reasons(tables):
    for table in tables.values():
        assert list(table.columns).index("reasons") == list(table.columns).index("why") + 1
        for reasons, text in zip(table["reasons"], table["why"], strict=True):
            assert isinstance(reasons, tuple) and reasons
            assert all(isinstance(r, Reason) and r.kind in REASON_KINDS for r in reasons)
            assert why(reasons, "en") == text
            assert why(reasons, "de") != text


def test_reasons_hold_the_measures_values_and_places():
    t = catalysts(nx.florentine_families_graph())
    first = t.loc["Medici", "reasons"]
    assert [r.kind for r in first] == ["strong"] * 3
    for r in first:
        assert r.value == pytest.approx(t.loc["Medici", r.measure])
        assert 1 <= r.top <= 100 and r.lower is False
    g = nx.path_graph(3)
    g.add_node(9)
    special = catalysts(g, group=None)["reasons"]
    assert special[9] == (Reason("no_ties"),)
    assert {r.kind for rs in special for r in rs} <= set(REASON_KINDS)
    assert (
        catalysts(nx.cycle_graph(4), group=None)["reasons"].tolist() == [(Reason("all_equal"),)] * 4
    )


@pytest.mark.parametrize(
    ("reasons", "de", "en"),
    [
        (
            [Reason("strong", "actors_cut_off", 1.0, 10)],
            "sein Ausfall würde 1 Akteur abschneiden (Top 10\u00a0%)",
            "leaving would cut off 1 actors (top 10%)",
        ),
        (
            [Reason("strong", "pairs_disconnected", 1.0, 3)],
            "sein Ausfall würde 1 Paar von Akteuren trennen (Top 3\u00a0%)",
            "leaving would disconnect 1 pairs of actors (top 3%)",
        ),
        (
            [Reason("strong", "cross_group_ties", 1.0, 9), Reason("strong", "degree", 2.0, 9)],
            "Beziehung zu 1 Akteur anderen Typs (Top 9\u00a0%); viele Partner (2; Top 9\u00a0%)",
            "ties to 1 actors of other groups (top 9%); many partners (2; top 9%)",
        ),
        (
            [Reason("strong", "effective_size", 4.25, 13)],
            "viele Partner, die nicht untereinander verbunden sind (effektive Größe 4,2; "
            "Top 13\u00a0%)",
            "many non-redundant partners (effective size 4.2; top 13%)",
        ),
        (
            [Reason("best", "hierarchy", 0.125, 60, True)],
            "in keinem Maß im oberen Viertel; am stärksten: Hierarchie 0,125 "
            "(niedrigste 60\u00a0%)",
            "no component in the top quarter; best: hierarchy 0.125 (lowest 60%)",
        ),
        (
            [("strong", "my_measure", 0.0123, 5, False)],
            "my_measure 0,0123 (Top 5\u00a0%)",
            "my_measure 0.0123 (top 5%)",
        ),
        (
            [Reason("no_broker")],
            "keine Vermittlerposition (in jedem Maß am niedrigsten)",
            "no broker position (lowest in every component)",
        ),
        ((), "", ""),
        (None, "", ""),
    ],
)
def test_why_in_both_languages(reasons, de, en):
    assert why(reasons, "de") == de
    assert why(reasons, "en") == en


def test_why_refuses_unknown_kinds_and_languages():
    with pytest.raises(ValueError, match="unknown reason kind 'spans'"):
        why([Reason("spans")], "en")
    with pytest.raises(ValueError, match="lang"):
        why([Reason("no_ties")], "fr")


def test_every_language_has_every_template():
    measures = set(WHY_TEXTS["en"]["strong"])
    assert measures == set(WHY_TEXTS["en"]["names"])
    for lang in LANGS:
        w = WHY_TEXTS[lang]
        assert set(w["strong"]) == set(w["names"]) == measures, lang
        assert set(w["kinds"]) == set(REASON_KINDS) - {"strong"}, lang


def test_the_explorer_shows_the_rendered_why(tables):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        net = load_example()
    cat = tables["nordstadt"]
    actors = explorer_data(net, catalysts=cat)["actors"]
    by_id = dict(
        zip(actors["id"], zip(actors["why_de"], actors["why_en"], strict=True), strict=True)
    )
    for a, reasons in cat["reasons"].items():
        assert by_id[str(a)] == (why(reasons, "de"), why(reasons, "en"))
    old = explorer_data(net, catalysts=cat.drop(columns="reasons"))["actors"]
    assert old["why_de"] == old["why_en"] == actors["why_en"]


def test_report_texts_reexports_the_words():
    for name in ("TEXTS", "REFERENCES", "LANGS", "number", "percent", "say"):
        assert getattr(report_texts, name) is getattr(words, name)
    with pytest.warns(DeprecationWarning, match="words.why"):
        assert report_texts.translate_why("no ties", "de") == "no ties"
    with pytest.warns(DeprecationWarning):
        assert report_texts.translate_why(None, "en") == ""


def test_words_import_only_i18n_and_the_standard_library():
    for path in WORDS.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level:
                inside = node.level == 1 or (node.level == 2 and node.module == "i18n")
                assert inside, (path.name, node.level, node.module)
            elif isinstance(node, ast.ImportFrom):
                top = node.module.split(".")[0]
                assert top in sys.stdlib_module_names or top == "__future__", (path.name, top)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    assert alias.name.split(".")[0] in sys.stdlib_module_names, path.name
