"""The network map: layout, sizes, colours, labels that never overlap, large networks."""

from __future__ import annotations

import itertools
import warnings

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.patches import Polygon

from quartiernetz import Network
from quartiernetz.exceptions import AnalysisError
from quartiernetz.plotting import layout, plot_network
from quartiernetz.plotting.labels import boxes_overlap


def _points(ax: Axes) -> int:
    return sum(len(c.get_offsets()) for c in ax.collections if isinstance(c, PathCollection))


def _label_boxes(ax: Axes, prefix_numbers: bool = True) -> list[tuple[str, tuple]]:
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    out = []
    for t in ax.texts:
        text = t.get_text()
        if prefix_numbers and not text.split(".")[0].isdigit():
            continue
        patch = t.get_bbox_patch()
        ext = (patch or t).get_window_extent(renderer)
        out.append((text, (ext.x0, ext.y0, ext.x1, ext.y1)))
    return out


def test_returns_axes_with_every_actor_and_a_type_legend(nordstadt, nordstadt_catalysts):
    ax = plot_network(nordstadt, catalysts=nordstadt_catalysts, seed=0)
    assert isinstance(ax, Axes)
    assert _points(ax) == 31
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    for actor_type in nordstadt.actors["type"].unique():
        assert actor_type in legend
    assert "Competition" in legend  # three competition ties in the example


def test_top_ten_labels_are_the_catalysts_in_rank_order(nordstadt, nordstadt_catalysts):
    ax = plot_network(nordstadt, catalysts=nordstadt_catalysts, seed=0)
    labels = {t.split(". ", 1)[0]: t.split(". ", 1)[1] for t, _ in _label_boxes(ax)}
    assert sorted(labels, key=int) == [str(i) for i in range(1, 11)]
    for i, actor in enumerate(nordstadt_catalysts.index[:10]):
        full = nordstadt.actors.loc[actor, "label"]
        shown = labels[str(i + 1)]
        assert shown == full or (shown.endswith("…") and full.startswith(shown[:-1]))
    assert labels["1"] == "Quartiersmanagement Nordstadt"


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4])
def test_top_ten_label_boxes_do_not_intersect(nordstadt, nordstadt_catalysts, seed):
    ax = plot_network(nordstadt, catalysts=nordstadt_catalysts, seed=seed)
    boxes = _label_boxes(ax)
    assert len(boxes) == 10
    for (ta, a), (tb, b) in itertools.combinations(boxes, 2):
        assert not boxes_overlap(a, b), f"labels {ta!r} and {tb!r} overlap"


def test_labels_stay_apart_in_a_crowded_star():
    # 40 leaves around one hub: the top ten labels all want the same spot
    G = nx.star_graph(40)
    G = nx.relabel_nodes(G, {i: f"Akteur mit langem Namen {i:02d}" for i in G})
    ax = plot_network(G, size_by="degree", seed=0, legend=False)
    boxes = _label_boxes(ax)
    assert len(boxes) == 10
    for (ta, a), (tb, b) in itertools.combinations(boxes, 2):
        assert not boxes_overlap(a, b), f"labels {ta!r} and {tb!r} overlap"


def test_layout_is_seeded_and_independent_of_input_order(nordstadt):
    pos = layout(nordstadt, seed=3)
    shuffled = Network(
        actors=nordstadt.actors.reset_index().iloc[::-1],
        ties=nordstadt.ties.sample(frac=1.0, random_state=1),
        affiliations=nordstadt.affiliations,
    )
    pd.testing.assert_frame_equal(pos, layout(shuffled, seed=3))
    assert not np.allclose(pos.to_numpy(), layout(nordstadt, seed=4).to_numpy())
    assert list(pos.index) == sorted(nordstadt.actors.index)
    # None means seed 0: the same picture every time
    pd.testing.assert_frame_equal(layout(nordstadt), layout(nordstadt, seed=0))


def test_components_and_isolates_get_their_own_space():
    G = nx.Graph()
    G.add_edges_from(nx.cycle_graph(["a", "b", "c", "d", "e"]).edges)
    G.add_edges_from([("x", "y"), ("y", "z")])
    G.add_nodes_from(["i1", "i2"])
    pos = layout(G, seed=0)
    comps = [["a", "b", "c", "d", "e"], ["x", "y", "z"], ["i1"], ["i2"]]
    centres = [pos.loc[c].mean().to_numpy() for c in comps]
    radii = [np.sqrt(((pos.loc[c] - pos.loc[c].mean()) ** 2).sum(axis=1)).max() for c in comps]
    for i, j in itertools.combinations(range(len(comps)), 2):
        gap = np.linalg.norm(centres[i] - centres[j]) - radii[i] - radii[j]
        assert gap > 0.05, (comps[i], comps[j])


def test_community_layout_gives_each_community_its_own_disc():
    G = nx.disjoint_union_all([nx.complete_graph(6), nx.complete_graph(5), nx.cycle_graph(4)])
    G.add_edges_from([(0, 6), (6, 11), (11, 0)])
    comm = pd.Series({v: 0 if v < 6 else 1 if v < 11 else 2 for v in G})
    pos = layout(G, seed=0, communities=comm)
    groups = [pos.loc[comm.index[comm == k]] for k in range(3)]
    centres = [g.mean().to_numpy() for g in groups]
    reach = [np.sqrt(((g - g.mean()) ** 2).sum(axis=1)).max() for g in groups]
    for i, j in itertools.combinations(range(3), 2):
        assert np.linalg.norm(centres[i] - centres[j]) > reach[i] + reach[j] + 0.2
    pd.testing.assert_frame_equal(pos, layout(G, seed=0, communities=comm))
    # beyond nine communities the rest share one grey legend entry
    many = pd.Series({v: v for v in G})
    ax = plot_network(G, size_by="degree", communities=many, color_by="community", label=None)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[:9] == [str(v) for v in range(9)] and legend[9] == "others"


def test_large_components_use_the_grid_layout_deterministically():
    G = nx.connected_watts_strogatz_graph(400, 4, 0.1, seed=2)
    a, b = layout(G, seed=1), layout(G, seed=1)
    pd.testing.assert_frame_equal(a, b)
    assert np.isfinite(a.to_numpy()).all()
    assert np.sqrt((a**2).sum(axis=1)).max() == pytest.approx(1.0)


def test_edge_width_follows_intensity_and_competition_is_dashed(nordstadt, nordstadt_catalysts):
    ax = plot_network(nordstadt, catalysts=nordstadt_catalysts, seed=0, weight="weight")
    lines = [c for c in ax.collections if isinstance(c, LineCollection)]
    ties, competition = lines
    G = nordstadt.to_networkx()
    assert len(ties.get_segments()) == G.number_of_edges() == 62
    widths = np.asarray(ties.get_linewidths(), dtype=float)
    weights = np.array(
        [
            d["weight"]
            for _, _, d in sorted(G.edges(data=True), key=lambda e: (str(e[0]), str(e[1])))
        ]
    )
    # line width grows with the combined intensity: 0.5 points for the weakest, 3.5 strongest
    order = np.argsort(weights, kind="stable")
    assert np.all(np.diff(widths[order]) >= -1e-12)
    assert widths.min() == pytest.approx(0.5) and widths.max() == pytest.approx(3.5)
    assert len(competition.get_segments()) == 3
    assert competition.get_linestyle()[0][1] is not None  # dashed

    ax2 = plot_network(nordstadt, catalysts=nordstadt_catalysts, seed=0, competition=False)
    assert sum(isinstance(c, LineCollection) for c in ax2.collections) == 1


def test_ties_are_alike_by_default_as_in_the_analyses(nordstadt, nordstadt_catalysts):
    ax = plot_network(nordstadt, catalysts=nordstadt_catalysts, seed=0)
    ties = [c for c in ax.collections if isinstance(c, LineCollection)][0]
    widths = np.asarray(ties.get_linewidths(), dtype=float)
    assert len(widths) == 62 and np.ptp(widths) == 0
    weighted = layout(nordstadt, seed=0, weight="weight")
    assert not np.allclose(layout(nordstadt, seed=0).to_numpy(), weighted.to_numpy())


def test_node_size_follows_the_catalyst_score(nordstadt, nordstadt_catalysts):
    ax = plot_network(nordstadt, catalysts=nordstadt_catalysts, seed=0, label=None)
    sizes = np.concatenate([c.get_sizes() for c in ax.collections if isinstance(c, PathCollection)])
    assert sizes.max() == pytest.approx(900.0)  # the top catalyst, small network
    assert sizes.min() == pytest.approx(40.0)


def test_community_hulls_one_per_community(nordstadt, nordstadt_catalysts):
    comm = pd.Series(
        {a: (0 if i < 15 else 1) for i, a in enumerate(sorted(nordstadt.actors.index))}
    )
    ax = plot_network(
        nordstadt, catalysts=nordstadt_catalysts, communities=comm, color_by="community", seed=0
    )
    hulls = [p for p in ax.patches if isinstance(p, Polygon)]
    assert len(hulls) == 2
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[:2] == ["0", "1"]


def test_plain_graph_with_degree_sizes_and_no_labels():
    G = nx.krackhardt_kite_graph()
    ax = plot_network(G, size_by="degree", label=None, seed=0)
    assert _points(ax) == 10
    assert [t for t in ax.texts] == []


def test_large_networks_show_the_largest_component_with_a_note():
    G = nx.disjoint_union(nx.path_graph(30), nx.path_graph(5))
    ax = plot_network(G, size_by="degree", max_nodes=32, label=None, legend=False, lang="de")
    assert _points(ax) == 30
    assert any("gezeigt: 30 von 35 Akteuren" in t.get_text() for t in ax.texts)
    ax = plot_network(G, size_by="degree", max_nodes=10, label=None, legend=False)
    assert _points(ax) == 10
    assert any("showing 10 of 35 actors" in t.get_text() for t in ax.texts)


def test_umlauts_render_without_missing_glyphs(tmp_path):
    from quartiernetz.plotting import save_figure

    G = nx.Graph(
        [("Förderverein Grundschule", "Städtische Kita"), ("Löwen-Apotheke", "Straße ÄÖÜ")]
    )
    ax = plot_network(G, size_by="degree", seed=0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font" would be a warning
        save_figure(ax.figure, tmp_path / "umlauts")
    assert (tmp_path / "umlauts.png").stat().st_size > 1000


def test_draws_into_a_given_axes_and_never_shows(nordstadt, nordstadt_catalysts, monkeypatch):
    monkeypatch.setattr(plt, "show", lambda *a, **k: pytest.fail("plt.show() was called"))
    fig, axes = plt.subplots(1, 2, figsize=(12, 5))
    out = plot_network(nordstadt, catalysts=nordstadt_catalysts, ax=axes[1], legend=False)
    assert out is axes[1]
    assert _points(axes[0]) == 0


@pytest.mark.parametrize(
    "kwargs",
    [
        {"color_by": "nonsense"},
        {"label": "some"},
        {"lang": "fr"},
        {"size_by": "nonsense"},
        {"color_by": "community"},
    ],
)
def test_bad_arguments_raise(nordstadt, nordstadt_catalysts, kwargs):
    with pytest.raises(AnalysisError):
        plot_network(nordstadt, catalysts=nordstadt_catalysts, **kwargs)


def test_computes_the_catalysts_when_not_given(nordstadt, nordstadt_catalysts):
    ax = plot_network(nordstadt, seed=0)
    labels = {t for t, _ in _label_boxes(ax)}
    ax2 = plot_network(nordstadt, catalysts=nordstadt_catalysts, seed=0)
    assert labels == {t for t, _ in _label_boxes(ax2)}


# ------------------------------------------------ issue 13: arrows, named colour columns
def test_directed_graph_is_drawn_with_arrowheads():
    from matplotlib.patches import ArrowStyle, FancyArrowPatch

    D = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c"), ("c", "d")])
    ax = plot_network(D, size_by="degree", seed=1, legend=False)
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert len(arrows) == 4
    assert all(isinstance(a.get_arrowstyle(), ArrowStyle.CurveFilledB) for a in arrows)
    # the reciprocated pair bends apart; the single arcs are straight
    rads = sorted(a.get_connectionstyle().rad for a in arrows)
    assert rads == [0.0, 0.0, 0.12, 0.12]
    plt.close(ax.figure)
    U = nx.Graph(D)
    ax = plot_network(U, size_by="degree", seed=1, legend=False)
    assert not [p for p in ax.patches if isinstance(p, FancyArrowPatch)]


def test_directed_network_is_drawn_with_arrowheads():
    from matplotlib.patches import FancyArrowPatch

    net = Network(
        ties=pd.DataFrame({"source": ["a", "b", "c"], "target": ["b", "c", "a"]}),
        directed=True,
    )
    ax = plot_network(net, size_by="degree", seed=1, legend=False)
    assert len([p for p in ax.patches if isinstance(p, FancyArrowPatch)]) == 3


def test_color_by_a_missing_column_names_the_columns_present():
    from quartiernetz.i18n import Text

    G = nx.path_graph(["a", "b", "c"])
    nx.set_node_attributes(G, {"a": "Nord", "b": "Süd", "c": "Nord"}, "area")
    with pytest.raises(AnalysisError) as err:
        plot_network(G, color_by="areas", size_by=None)
    assert isinstance(err.value.text, Text)
    assert "Did you mean 'area'?" in err.value.render("en")
    assert "Meinten Sie 'area'?" in err.value.render("de")


def test_reusing_layouts_gives_the_same_positions_computing_each_component_once(monkeypatch):
    import quartiernetz.plotting.network as qpn

    # two components (one of 400 actors: the grid layout) and one community per component
    G = nx.disjoint_union(nx.connected_watts_strogatz_graph(400, 4, 0.1, seed=2), nx.star_graph(30))
    comm = pd.Series({v: 0 if v < 400 else 1 for v in G})
    plain = [layout(G, seed=3), layout(G, seed=3, communities=comm), layout(G, seed=4)]
    calls = []
    lay_out = qpn._lay_out_component
    monkeypatch.setattr(qpn, "_lay_out_component", lambda *a: calls.append(a) or lay_out(*a))
    with qpn.reusing_layouts():
        reused = [layout(G, seed=3), layout(G, seed=3, communities=comm), layout(G, seed=4)]
    for a, b in zip(plain, reused, strict=True):
        pd.testing.assert_frame_equal(a, b, check_exact=True)
    assert len(calls) == 4  # each component once per seed
    calls.clear()
    layout(G, seed=3)  # outside the block: computed again
    assert len(calls) == 2
