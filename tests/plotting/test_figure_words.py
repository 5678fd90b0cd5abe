"""The figures' words live in quartiernetz.words.figures; plotting only draws them."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pandas as pd
import pytest

import quartiernetz.plotting as qp
from quartiernetz import Network
from quartiernetz.plotting import comparison, roles, style
from quartiernetz.structures import COMPETITION_RELATIONS
from quartiernetz.words import figures as words

PLOTTING = Path(qp.__file__).parent
TABLES = {
    "FIGURE_NAMES": words.FIGURE_NAMES,
    "ROLE_NAMES": words.ROLE_NAMES,
    "SECTOR_NAMES": words.SECTOR_NAMES,
    "CHANGE_NAMES": words.CHANGE_NAMES,
    "CURVE_NAMES": words.CURVE_NAMES,
    "FIGURE_TEXTS": words.FIGURE_TEXTS,
}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_old_names_are_the_words_tables():
    assert comparison.FIGURE_NAMES is words.FIGURE_NAMES
    assert roles.ROLE_NAMES is words.ROLE_NAMES
    assert style.SECTORS is words.SECTOR_NAMES
    assert list(roles.ROLE_COLORS) == list(words.ROLE_NAMES)
    assert list(style.SECTOR_COLORS) == list(words.SECTOR_NAMES)


@pytest.mark.parametrize("table", TABLES)
def test_every_word_exists_in_both_languages_with_the_same_fields(table):
    for key, texts in TABLES[table].items():
        assert set(texts) == {"de", "en"}, (table, key)
        assert all(isinstance(t, str) and t.strip() for t in texts.values()), (table, key)
        assert _fields(texts["de"]) == _fields(texts["en"]), (table, key)


def test_figure_text_fills_fields_and_checks_its_arguments():
    assert words.figure_text("symbol_size", "de", what="Grad") == "Symbolgröße: Grad"
    assert style.text("shown_of", "en", shown=3, total=9) == words.figure_text(
        "shown_of", "en", shown=3, total=9
    )
    with pytest.raises(ValueError, match="lang"):
        words.figure_text("rank", "fr")
    with pytest.raises(KeyError):
        words.figure_text("no such text", "en")


def _compares_lang(test: ast.expr) -> bool:
    """``lang == "de"`` or ``lang != "en"`` (not the check ``lang not in (...)``)."""
    return (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and test.left.id == "lang"
        and all(isinstance(op, ast.Eq | ast.NotEq) for op in test.ops)
    )


def _word_nodes(tree: ast.AST):
    """Dict literals keyed by languages, ``"..." if lang == "de" else "..."``, ``if lang ==``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _compares_lang(node.test):
            yield node
        if isinstance(node, ast.Dict):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
            if keys and keys <= {"de", "en"}:
                yield node
        if isinstance(node, ast.IfExp) and _compares_lang(node.test):
            texts = [node.body, node.orelse]
            if any(isinstance(t, ast.Constant | ast.JoinedStr | ast.Tuple) for t in texts):
                yield node


@pytest.mark.parametrize("path", sorted(PLOTTING.glob("*.py")), ids=lambda p: p.name)
def test_plotting_writes_no_words_of_its_own(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [f"{path.name}:{n.lineno}" for n in _word_nodes(tree)]
    assert not found, f"words belong in quartiernetz.words.figures: {found}"


def test_the_word_check_finds_words():
    source = (
        'x = {"de": "Rang", "en": "Rank"}\n'
        'y = "Rang" if lang == "de" else "Rank"\n'
        'if lang == "de":\n    z = "Rang"\n'
        'n = s.replace(".", ",") if lang == "de" else s\n'  # number formatting is no word
    )
    assert len(list(_word_nodes(ast.parse(source)))) == 3


@pytest.mark.parametrize("lang", ["de", "en"])
def test_figures_draw_the_words_tables(lang, nordstadt):
    table = pd.DataFrame(
        {"coordinator": [2], "itinerant": [1], "gatekeeper": [1], "representative": [1]}
        | {"liaison": [4]},
        index=["qm"],
    )
    ax = qp.plot_brokerage(table, lang=lang)
    legend = ax.get_legend()
    assert [t.get_text() for t in legend.get_texts()] == [
        words.ROLE_NAMES[r][lang] for r in roles.ROLE_COLORS
    ]
    assert legend.get_title().get_text() == words.figure_text("brokerage_roles", lang)
    assert ax.get_xlabel() == words.figure_text("brokered_paths", lang)
    ax = qp.plot_offer_map(nordstadt, lang=lang)
    legend = ax.get_legend()
    assert [t.get_text() for t in legend.get_texts()] == [
        words.figure_text(k, lang) for k in ("offer_gap", "offer_single", "offer_duplicate")
    ]
    assert ax.get_xlabel() == words.figure_text("target_group", lang)


@pytest.mark.parametrize("relation", [*COMPETITION_RELATIONS, "Konkurrenz", "COMPETITION"])
def test_the_map_draws_every_competition_relation_of_the_structures(relation):
    net = Network(
        ties=pd.DataFrame(
            {
                "source": ["a", "b", "a"],
                "target": ["b", "c", "c"],
                "relation": ["cooperation", "cooperation", relation],
            }
        )
    )
    ax = qp.plot_network(net, size_by=None, label=None, seed=0)
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert texts[-1] == words.figure_text("competition", "en")
    ax = qp.plot_network(net, size_by=None, label=None, seed=0, competition=False)
    assert words.figure_text("competition", "en") not in [
        t.get_text() for t in ax.get_legend().get_texts()
    ]
