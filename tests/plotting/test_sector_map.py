"""The sector map (VennMaker/easyNWK style) and the sector rules behind its colours."""

from __future__ import annotations

import itertools
import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection

from quartiernetz import Network
from quartiernetz.exceptions import AnalysisError
from quartiernetz.plotting import plot_sector_map, sector_of, type_styles
from quartiernetz.plotting.labels import boxes_overlap
from quartiernetz.plotting.sectors import ring_radii, sector_positions
from quartiernetz.plotting.style import SECTOR_COLORS


@pytest.mark.parametrize(
    ("actor_type", "sector"),
    [
        ("Kommune", "municipality"),
        ("Jugendamt", "municipality"),
        ("Sozialamt", "municipality"),
        ("Quartiersmanagement", "municipality"),
        ("Stadtverwaltung", "municipality"),
        ("Wohlfahrtsverband", "welfare"),
        ("Mehrgenerationenhaus", "welfare"),
        ("Jugendeinrichtung", "welfare"),
        ("Kita", "education"),
        ("Schule", "education"),
        ("Bibliothek", "education"),
        ("Städtische Kita", "education"),
        ("Kirche", "religion"),
        ("Kirchengemeinde", "religion"),
        ("Religionsgemeinschaft", "religion"),
        ("Moscheeverein", "religion"),
        ("Verein", "civil_society"),
        ("Initiative", "civil_society"),
        ("Ehrenamt", "civil_society"),
        ("Unternehmen", "business"),
        ("Wohnungsbaugesellschaft", "business"),
        ("municipality", "municipality"),
        ("school", "education"),
        ("Zirkus", "other"),
        ("", "other"),
        (None, "other"),
        (float("nan"), "other"),
    ],
)
def test_sector_rules(actor_type, sector):
    assert sector_of(actor_type) == sector


def test_type_styles_colour_by_sector_and_marker_within_it():
    styles = type_styles(["Kita", "Schule", "Kommune", "Schule", "Zirkus", None])
    assert (
        styles.loc["Kita", "color"] == styles.loc["Schule", "color"] == SECTOR_COLORS["education"]
    )
    assert styles.loc["Kita", "marker"] != styles.loc["Schule", "marker"]
    assert styles.loc["Schule", "count"] == 2
    assert list(styles["sector"]) == ["municipality", "education", "education", "other", "other"]
    # the override wins
    assert type_styles(["Zirkus"], sectors={"Zirkus": "civil_society"}).loc["Zirkus", "sector"] == (
        "civil_society"
    )


def test_rings_enclose_equal_areas():
    r = ring_radii(4)
    areas = np.diff(r**2)
    assert np.allclose(areas, areas[0])
    assert r[-1] == pytest.approx(1.0)


def test_positions_fall_in_their_sector_and_ring():
    sectors = pd.Series({f"a{i}": "A" if i < 12 else "B" for i in range(20)})
    rings = pd.Series({f"a{i}": i % 3 for i in range(20)})
    pos, spans = sector_positions(sectors, rings, n_rings=3, order=["A", "B"])
    r = np.hypot(pos["x"], pos["y"])
    edges = ring_radii(3)
    for a in pos.index:
        assert edges[rings[a]] < r[a] < edges[rings[a] + 1]
        theta = math.atan2(pos.loc[a, "y"], pos.loc[a, "x"])
        start, end = spans.loc[sectors[a], ["start", "end"]]
        # angles run clockwise from the top: end < theta < start (mod 2 pi)
        t = (theta - end) % (2 * math.pi)
        assert 0 < t < (start - end)
    d = np.hypot(*(pos.to_numpy()[:, None, :] - pos.to_numpy()[None, :, :]).transpose(2, 0, 1))
    assert d[np.triu_indices(20, 1)].min() > 0.03
    # wider sectors for more actors
    assert (spans.loc["A", "start"] - spans.loc["A", "end"]) > (
        spans.loc["B", "start"] - spans.loc["B", "end"]
    )


def test_sector_map_of_the_example(nordstadt, nordstadt_catalysts):
    ax = plot_sector_map(nordstadt, catalysts=nordstadt_catalysts, lang="de")
    assert isinstance(ax, Axes)
    pts = np.concatenate([c.get_offsets() for c in ax.collections if isinstance(c, PathCollection)])
    assert len(pts) == 31
    texts = [t.get_text().replace("\n", " ") for t in ax.texts]
    assert "Kommune & Verwaltung (6)" in texts
    assert any(t.startswith("Rang 1–") for t in texts)
    legend = [t.get_text().replace("\n", " ") for t in ax.get_legend().get_texts()]
    assert any("Ringe: Rang als Netzwerk-Katalysator" in t for t in legend)
    # the top catalyst sits in the innermost ring, the last ones in the outermost
    ax.figure.canvas.draw()
    labels = [t for t in ax.texts if t.get_text().split(".")[0].isdigit()]
    assert len(labels) == 10
    renderer = ax.figure.canvas.get_renderer()
    boxes = [t.get_bbox_patch().get_window_extent(renderer) for t in labels]
    for a, b in itertools.combinations(boxes, 2):
        assert not boxes_overlap((a.x0, a.y0, a.x1, a.y1), (b.x0, b.y0, b.x1, b.y1))
    first = labels[0].xy
    assert math.hypot(*first) < ring_radii(4)[1]


def test_ring_by_a_measure_and_sector_by_a_column(nordstadt, nordstadt_catalysts):
    ax = plot_sector_map(
        nordstadt,
        catalysts=nordstadt_catalysts,
        ring_by="degree",
        sector_by="umbrella",
        n_rings=3,
        label=None,
    )
    texts = [t.get_text().replace("\n", " ") for t in ax.texts]
    assert any(t.startswith("Stadt (") for t in texts)
    assert any("Rings: degree" in t for t in texts)


def test_plain_graph_and_errors():
    G = nx.Graph([("a", "b"), ("b", "c")])
    nx.set_node_attributes(G, {"a": "Kita", "b": "Kommune", "c": "Verein"}, "type")
    ax = plot_sector_map(G, ring_by={"a": 1, "b": 3, "c": 2}, n_rings=3)
    assert sorted(t.get_text() for t in ax.texts if t.get_text()[:1].isdigit()) == [
        "1. b",
        "2. c",
        "3. a",
    ]
    with pytest.raises(AnalysisError):
        plot_sector_map(G, ring_by="degree", n_rings=0)
    with pytest.raises(AnalysisError):
        plot_sector_map(G, ring_by="degree", sector_by="nonsense")
    with pytest.raises(AnalysisError):
        plot_sector_map(G, ring_by="degree", label="all")


def test_type_styles_keep_a_missing_type_as_none():
    # pandas 3 reads a column of texts and None as str dtype, turning None into NaN:
    # the styles must still be keyed by None (the key every drawer looks up)
    styles = type_styles(["Kita", None, float("nan"), pd.NA])
    assert styles.index.tolist() == ["Kita", None]
    assert styles.loc[[None], "count"].tolist() == [3]


def _typed_and_untyped() -> Network:
    actors = pd.DataFrame(
        {
            "id": ["qm", "awo", "kita", "tafel", "neu"],
            "type": pd.Series(["Kommune", "Wohlfahrtsverband", "Kita", None, None], dtype=object),
        }
    )
    ties = pd.DataFrame(
        {
            "source": ["qm", "qm", "awo", "kita", "tafel"],
            "target": ["awo", "kita", "tafel", "neu", "qm"],
        }
    )
    return Network(actors=actors, ties=ties)


@pytest.mark.filterwarnings("ignore:2 of 5 actors have no value in attribute 'type'")
@pytest.mark.parametrize("lang, missing", [("de", "(ohne Angabe)"), ("en", "(no type given)")])
def test_sector_map_with_actors_without_a_type(lang, missing):
    net = _typed_and_untyped()
    ax = plot_sector_map(net, lang=lang)
    pts = np.concatenate([c.get_offsets() for c in ax.collections if isinstance(c, PathCollection)])
    assert len(pts) == 5
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend.count(missing) == 1
    # a column with gaps: the gap is a sector of its own, named in the language
    net.actors["umbrella"] = pd.Series(
        ["Stadt", None, None, "Tafel e.V.", None], index=net.actors.index, dtype=object
    )
    ax = plot_sector_map(net, sector_by="umbrella", ring_by="degree", lang=lang)
    texts = [t.get_text().replace("\n", " ") for t in ax.texts]
    assert any(t.startswith(("(ohne Angabe) (3)", "(not given) (3)")) for t in texts), texts
