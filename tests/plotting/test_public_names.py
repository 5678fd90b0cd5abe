"""The plotting package's public names: moved computations, label shortening, saving."""

from __future__ import annotations

import importlib
import inspect

import matplotlib.pyplot as plt
import pandas as pd
import pytest

import quartiernetz.plotting as qp
from quartiernetz.change import comparison_table
from quartiernetz.roles import dependence_curve
from quartiernetz.structures import overlap_matrix, overlap_pairs

MOVED = [
    ("quartiernetz.plotting", "dependence_curve", dependence_curve),
    ("quartiernetz.plotting", "overlap_matrix", overlap_matrix),
    ("quartiernetz.plotting", "comparison_table", comparison_table),
    ("quartiernetz.plotting.dependence", "dependence_curve", dependence_curve),
    ("quartiernetz.plotting.overlap", "overlap_matrix", overlap_matrix),
    ("quartiernetz.plotting.comparison", "comparison_table", comparison_table),
]


@pytest.mark.parametrize(("module", "name", "target"), MOVED)
def test_moved_computations_still_import_with_a_warning(module, name, target):
    mod = importlib.import_module(module)
    with pytest.warns(DeprecationWarning, match=f"use quartiernetz.*{name} instead"):
        assert getattr(mod, name) is target
    with pytest.raises(AttributeError):
        mod.no_such_name  # noqa: B018


def test_old_from_import_still_works():
    with pytest.warns(DeprecationWarning):
        from quartiernetz.plotting import dependence_curve as old
    assert old is dependence_curve


def test_every_figure_speaks_english_by_default():
    for name in qp.__all__:
        obj = getattr(qp, name)
        if callable(obj) and "lang" in inspect.signature(obj).parameters:
            assert inspect.signature(obj).parameters["lang"].default == "en", name


def test_shorten_cuts_long_labels_and_shows_control_characters():
    assert qp.shorten("Quartiersmanagement Nordstadt", 12) == "Quartiersma…"
    assert qp.shorten("AWO\x07", 12) == "AWO\ufffd"
    assert qp.shorten(17) == "17"
    assert len(qp.shorten("x" * 100)) == 38


def test_save_figure_hands_the_png_compression_over(tmp_path):
    fig, ax = plt.subplots()
    ax.plot([0, 1], [1, 0])
    jobs = []
    png, svg = qp.save_figure(fig, tmp_path / "deferred", compress=jobs.append)
    assert svg.exists() and not png.exists() and len(jobs) == 1
    jobs[0]()
    direct = qp.save_figure(fig, tmp_path / "direct")
    assert png.read_bytes() == direct[0].read_bytes()
    assert svg.read_bytes() == direct[1].read_bytes()


def test_overlap_pairs_meet_spelling_variants():
    dups = pd.DataFrame(
        {
            "a": ["Runder-Tisch Senioren", "x"],
            "b": ["AK  Bildung", "y"],
            "kind": ["committee", "offer"],
        }
    )
    items = ["AK Bildung", "Runder Tisch Senioren", "Stadtteilkonferenz"]
    assert overlap_pairs(dups, items) == {("Runder Tisch Senioren", "AK Bildung")}
    assert overlap_pairs(dups, ["x", "y"], kind="offer") == {("x", "y")}
    assert overlap_pairs(dups.iloc[:0], items) == set()


def test_layout_takes_an_int_a_generator_or_none_as_seed():
    import networkx as nx
    import numpy as np

    from quartiernetz.conventions import as_int_seed
    from quartiernetz.exceptions import AnalysisError

    G = nx.cycle_graph(6)
    drawn = as_int_seed(np.random.default_rng(4))
    pd.testing.assert_frame_equal(
        qp.layout(G, seed=np.random.default_rng(4)), qp.layout(G, seed=drawn)
    )
    pd.testing.assert_frame_equal(qp.layout(G), qp.layout(G, seed=0))
    ax = qp.plot_network(G, size_by="degree", seed=np.random.default_rng(4), legend=False)
    assert len(ax.collections) >= 2
    with pytest.raises(AnalysisError):
        qp.layout(G, seed="4")
