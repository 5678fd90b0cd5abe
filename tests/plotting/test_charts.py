"""Brokerage bars, overlap heatmaps, dependence curves, comparisons and the offer map."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.patches import Rectangle

from quartiernetz import Network
from quartiernetz.change import comparison_table
from quartiernetz.exceptions import AnalysisError
from quartiernetz.plotting import (
    plot_brokerage,
    plot_comparison,
    plot_dependence,
    plot_offer_map,
    plot_overlap,
)
from quartiernetz.plotting.roles import ROLE_COLORS
from quartiernetz.roles import dependence_curve
from quartiernetz.structures import overlap_matrix

# ------------------------------------------------------------------------- brokerage


def _bar_totals(ax: Axes) -> dict[str, float]:
    """Sum of the bar lengths per y tick label."""
    ticks = {
        round(y): t.get_text() for y, t in zip(ax.get_yticks(), ax.get_yticklabels(), strict=True)
    }
    totals: dict[str, float] = {}
    for p in ax.patches:
        if isinstance(p, Rectangle) and p.get_height() > 0:
            name = ticks[round(p.get_y() + p.get_height() / 2)]
            totals[name] = totals.get(name, 0.0) + p.get_width()
    return totals


def test_brokerage_bars_add_up_to_the_totals(nordstadt):
    from quartiernetz.roles import brokerage

    b = brokerage(nordstadt, expected=False)
    ax = plot_brokerage(nordstadt, brokerage=b, top=5)
    totals = _bar_totals(ax)
    top5 = b.sort_values("total", ascending=False, kind="stable").head(5)
    labels = nordstadt.actors["label"]
    assert totals == {labels[a]: pytest.approx(float(top5.loc[a, "total"])) for a in top5.index}
    # the largest broker on top
    assert ax.get_yticklabels()[-1].get_text() == "Quartiersmanagement Nordstadt"
    assert len(ax.get_legend().get_texts()) == 5


def test_brokerage_relative_shares_and_table_input():
    table = pd.DataFrame(
        {
            "coordinator": [2, 0, 0],
            "itinerant": [0, 1, 0],
            "gatekeeper": [1, 0, 0],
            "representative": [1, 0, 0],
            "liaison": [4, 3, 0],
        },
        index=["qm", "awo", "none"],
    )
    ax = plot_brokerage(table, relative=True, lang="de")
    totals = _bar_totals(ax)
    assert totals == {"qm": pytest.approx(1.0), "awo": pytest.approx(1.0)}  # no zero rows
    assert "Anteil" in ax.get_xlabel()
    with pytest.raises(AnalysisError):
        plot_brokerage(table.drop(columns="liaison"))
    with pytest.raises(AnalysisError):
        plot_brokerage(table, top=0)


def test_role_colours_are_distinct_okabe_ito():
    assert len(set(ROLE_COLORS.values())) == 5


# --------------------------------------------------------------------------- overlap


def test_committee_overlap_matrix_of_the_example(nordstadt):
    jac, shared = overlap_matrix(nordstadt, kind="committee")
    assert list(jac.index) == [
        "AK Bildung Nordstadt",
        "Runder Tisch Senioren",
        "Stadtteilkonferenz Nordstadt",
        "Steuerungsgruppe Soziale Stadt",
    ]
    # 8 shared members of 8 and 11: Jaccard 8 / 11
    assert jac.loc["Runder Tisch Senioren", "Stadtteilkonferenz Nordstadt"] == pytest.approx(8 / 11)
    assert shared.loc["Runder Tisch Senioren", "Stadtteilkonferenz Nordstadt"] == 8
    assert shared.loc["Stadtteilkonferenz Nordstadt", "Stadtteilkonferenz Nordstadt"] == 11
    assert np.allclose(jac.to_numpy(), jac.to_numpy().T)


def test_offer_overlap_matches_spelling_variants(nordstadt):
    jac, shared = overlap_matrix(nordstadt, kind="offer")
    # "Seniorentreff" and "Senioren-Treff" for Senioren in Nordstadt are one offer
    assert shared.loc["awo-treff", "diakonie-sen"] == 1
    assert jac.loc["awo-treff", "caritas-sen"] == pytest.approx(1.0)
    # the same offer for another target group is not shared: tsv's two Bewegungsangebote
    assert shared.loc["tsv", "tsv"] == 2


def test_overlap_heatmap_outlines_the_duplicates(nordstadt):
    dups = pd.DataFrame(
        {
            "a": ["Runder Tisch Senioren"],
            "b": ["Stadtteilkonferenz Nordstadt"],
            "kind": ["committee"],
        }
    )
    ax = plot_overlap(nordstadt, kind="committee", duplicates=dups, lang="de")
    frames = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_linewidth() == 2.0]
    assert len(frames) == 2  # both cells of the pair
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        t.get_text() for t in ax.get_xticklabels()
    ]
    assert "Doppelstruktur" in ax.get_xlabel()
    ax = plot_overlap(nordstadt, kind="offer", duplicates=dups.iloc[:0], lang="en")
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert "Caritas Seniorentreff St. Josef" in ticks
    assert "Löwen-Apotheke" not in ticks  # offers nothing, shares nothing


def test_overlap_computes_duplicates_and_handles_no_affiliations(nordstadt):
    ax = plot_overlap(nordstadt, kind="committee")
    frames = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_linewidth() == 2.0]
    assert len(frames) >= 2
    empty = Network(ties=pd.DataFrame({"source": ["a"], "target": ["b"]}))
    ax = plot_overlap(empty, highlight=False)
    assert [t.get_text() for t in ax.texts] == ["no data"]
    with pytest.raises(AnalysisError):
        overlap_matrix(nordstadt, kind="project")


# ------------------------------------------------------------------------ dependence


def test_dependence_curve_of_a_path():
    G = nx.path_graph(["a", "b", "c", "d", "e"])
    curve = dependence_curve(G, ["c", "b"], group=None)
    assert curve["step"].tolist() == [0, 1, 2]
    assert curve["removed"].tolist() == ["", "c", "b"]
    # without c: {a, b} and {d, e}: 2 of 6 pairs connected, 2 of 4 in the largest part
    assert curve.loc[1, "connected_pairs"] == pytest.approx(100 * 2 / 6)
    assert curve.loc[1, "largest_component"] == pytest.approx(50.0)
    # then without b: {a}, {d, e}: 1 of 3 pairs, 2 of 3 actors
    assert curve.loc[2, "connected_pairs"] == pytest.approx(100 / 3)
    assert curve.loc[2, "largest_component"] == pytest.approx(200 / 3)
    alone = dependence_curve(G, ["c", "b"], group=None, cumulative=False)
    assert alone["step"].tolist() == [1, 2]
    assert alone.loc[1, "largest_component"] == pytest.approx(75.0)  # b alone: {a}, {c, d, e}


def test_dependence_curve_agrees_with_the_catalyst_table(nordstadt, nordstadt_catalysts):
    alone = dependence_curve(nordstadt, catalysts=nordstadt_catalysts, top=3, cumulative=False)
    # F(G - v) = F(G) + fragmentation_loss, and F(G) = 0 in the connected example
    for _, row in alone.iterrows():
        loss = nordstadt_catalysts.loc[row["removed"], "fragmentation_loss"]
        assert row["connected_pairs"] == pytest.approx(100 * (1 - loss))


def test_plot_dependence_lines_and_bars(nordstadt, nordstadt_catalysts):
    ax = plot_dependence(nordstadt, catalysts=nordstadt_catalysts, top=4, lang="de")
    assert len(ax.get_lines()) == 3 + 1  # three curves and the 100 % line
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks[0] == "ohne Ausfall"
    assert ticks[1] == "− Quartiersmanagement Nordstadt"
    ax = plot_dependence(nordstadt, catalysts=nordstadt_catalysts, top=4, cumulative=False)
    bars = [p for p in ax.patches if isinstance(p, Rectangle)]
    assert len(bars) == 3 * 4


# ------------------------------------------------------------------------ comparison


def test_comparison_table_from_networks_and_summaries(nordstadt):
    from quartiernetz.descriptives import summary

    half = Network(actors=nordstadt.actors.reset_index(), ties=nordstadt.ties.iloc[:30])
    table = comparison_table({"all": nordstadt, "first 30 ties": summary(half)})
    assert list(table.index) == ["all", "first 30 ties"]
    assert table.loc["all", "actors"] == 31
    assert table.loc["all", "density"] == pytest.approx(62 / (31 * 30 / 2))
    assert "reciprocity" not in table.columns  # NaN for both undirected networks
    assert table.loc["first 30 ties", "ties"] < table.loc["all", "ties"]
    with pytest.raises(AnalysisError):
        comparison_table({"a": {"actors": 3}}, measures=["density"])
    with pytest.raises(AnalysisError):
        comparison_table({})


def test_plot_comparison_bars_scaled_per_figure():
    ax = plot_comparison(
        {"2024": {"actors": 20, "ei_index": -0.5}, "2025": {"actors": 40, "ei_index": 0.25}},
        lang="de",
    )
    bars = sorted((p for p in ax.patches if isinstance(p, Rectangle)), key=lambda p: p.get_y())
    widths = [round(p.get_width(), 6) for p in bars]
    # per figure scaled to its largest absolute value
    assert sorted(widths) == sorted([0.5, 1.0, -1.0, 0.5])
    texts = {t.get_text() for t in ax.texts}
    assert {"20", "40", "−0,50", "0,25"} <= texts
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Akteure", "E-I-Index (Typen)"]


# ------------------------------------------------------------------------ offer map


def test_offer_map_cells(nordstadt):
    ax = plot_offer_map(nordstadt, lang="de")
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert "Seniorentreff" in rows and "Senioren-Treff" not in rows
    texts = [t.get_text() for t in ax.texts]
    assert any("AWO Begegnungsstätt" in t and "Caritas" in t for t in texts)
    image = ax.get_images()[0].get_array()
    hausaufgaben = rows.index("Hausaufgabenhilfe")
    cols = [t.get_text() for t in ax.get_xticklabels()]
    assert image[hausaufgaben, cols.index("Kinder und Jugendliche")] == 2  # 3 providers, capped
    assert image[hausaufgaben, cols.index("Senioren")] == 0  # a gap
    with pytest.raises(AnalysisError):
        plot_offer_map(nx.path_graph(3))


@pytest.mark.parametrize("lang, words", [("de", "(ohne Angabe)"), ("en", "(not given)")])
def test_offer_map_names_the_missing_target_group_in_the_language(lang, words):
    aff = pd.DataFrame(
        {
            "actor": ["awo", "caritas", "kita"],
            "item": ["Seniorentreff", "Seniorentreff", "Elterncafé"],
            "kind": "offer",
            "target_group": ["Senioren", "Senioren", None],
        }
    )
    ax = plot_offer_map(Network(affiliations=aff), lang=lang)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Senioren", words]
