"""Figures of change: the same actor in the same place in every wave; the legend counts."""

from __future__ import annotations

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pytest

from quartiernetz.change import tie_changes
from quartiernetz.exceptions import AnalysisError
from quartiernetz.plotting.change import common_layout, plot_tie_changes, plot_waves


def _offsets(ax) -> np.ndarray:
    points = [c.get_offsets() for c in ax.collections if len(c.get_offsets())]
    return np.vstack(points) if points else np.zeros((0, 2))


def test_waves_share_the_positions():
    before = nx.path_graph(["a", "b", "c", "d"])
    after = nx.Graph([("a", "c"), ("c", "e"), ("b", "c")])
    pos = common_layout([before, after], seed=3)
    assert sorted(pos.index) == ["a", "b", "c", "d", "e"]
    axes = plot_waves({"2024": before, "2026": after}, pos=pos, size_by=None, label=None)
    for ax, G in zip(axes, (before, after), strict=True):
        drawn = _offsets(ax)
        expected = pos.loc[list(G.nodes), ["x", "y"]].to_numpy()
        for point in expected:
            assert np.isclose(drawn, point).all(axis=1).any()
    assert [ax.get_xlim() for ax in axes][0] == axes[1].get_xlim()
    plt.close("all")


def test_tie_change_map_counts_match_the_table():
    before = nx.Graph([("a", "b"), ("b", "c"), ("c", "d")])
    after = nx.Graph([("a", "b"), ("a", "c"), ("c", "e")])
    ties = tie_changes(before, after)
    ax = plot_tie_changes(before, after, ties=ties, lang="de", title="synthetisch")
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert texts[:3] == [
        "Beziehung in beiden Wellen (1)",
        "neue Beziehung (2)",
        "beendete Beziehung (2)",
    ]
    assert texts[3:] == [
        "Akteur in beiden Wellen (3)",
        "Akteur neu dabei (1)",
        "Akteur nicht mehr dabei (1)",
    ]
    assert ax.get_title() == "synthetisch"
    plt.close("all")


def test_bad_arguments():
    with pytest.raises(AnalysisError, match="lang"):
        plot_waves({"1": nx.path_graph(2)}, lang="fr")
    with pytest.raises(AnalysisError, match="mapping"):
        plot_waves({})
    pos = common_layout([nx.path_graph(["a", "b"])])
    with pytest.raises(AnalysisError, match="no position"):
        plot_tie_changes(nx.path_graph(["a", "b"]), nx.path_graph(["b", "c"]), pos=pos)
