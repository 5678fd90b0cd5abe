"""Contract test: every catalyst function on every toy network returns the documented shape.

Same index (the actors), the documented columns, and NaN only where the
docstrings allow it.
"""

from __future__ import annotations

import math
import warnings

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from quartiernetz import Network
from quartiernetz.descriptives import SUMMARY_FIGURES, mixing_matrix, summary
from quartiernetz.roles import (
    ROLES,
    brokerage,
    catalyst_stability,
    catalysts,
    centrality,
    dependence,
    key_players,
    removal_impact,
    structural_holes,
)


def _typed(G: nx.Graph) -> nx.Graph:
    types = ["Kommune", "Verein", "Wohlfahrtsverband"]
    nx.set_node_attributes(G, {v: types[i % 3] for i, v in enumerate(G)}, "type")
    return G


def _toys() -> dict[str, object]:
    toys: dict[str, object] = {}
    toys["undirected"] = _typed(nx.krackhardt_kite_graph())
    toys["directed"] = _typed(nx.DiGraph([(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 2), (5, 4)]))
    weighted = _typed(nx.florentine_families_graph())
    for i, (u, v) in enumerate(weighted.edges):
        weighted[u][v]["weight"] = 1 + i % 4
    toys["weighted"] = weighted
    disconnected = _typed(nx.disjoint_union(nx.path_graph(4), nx.cycle_graph(3)))
    disconnected.add_edge(10, 11)
    toys["disconnected"] = _typed(disconnected)
    with_isolates = _typed(nx.star_graph(4))
    with_isolates.add_nodes_from(["x", "y"], type="Verein")
    toys["isolates"] = with_isolates
    toys["one_actor"] = _typed(nx.empty_graph(1))
    toys["no_ties"] = _typed(nx.empty_graph(4))
    toys["untyped"] = nx.path_graph(5)
    toys["network"] = Network(
        actors=pd.DataFrame(
            {
                "id": ["qm", "awo", "kita", "verein", "stadt", "ini"],
                "type": [
                    "Quartiersmanagement",
                    "Wohlfahrtsverband",
                    "Schule",
                    "Verein",
                    "Kommune",
                    "Initiative",
                ],
            }
        ),
        ties=pd.DataFrame(
            {
                "source": ["qm", "qm", "qm", "awo", "stadt"],
                "target": ["awo", "kita", "stadt", "verein", "kita"],
                "intensity": [3, 1, 2, 2, 1],
            }
        ),
    )
    return toys


TOYS = _toys()


def _nodes(net) -> set:
    return set(net.actors.index) if isinstance(net, Network) else set(net.nodes)


def _is_weighted(name: str) -> str | None:
    return "weight" if name in ("weighted", "network") else None


@pytest.fixture(autouse=True)
def _no_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


@pytest.mark.parametrize("name", list(TOYS))
def test_catalysts_contract(name):
    net = TOYS[name]
    t = catalysts(net, weight=_is_weighted(name))
    assert set(t.index) == _nodes(net) and t.index.is_unique
    assert t.index.name == "actor"
    required = [
        "degree",
        "betweenness",
        "closeness",
        "eigenvector",
        "effective_size",
        "constraint",
        "brokerage_total",
        "fragmentation_loss",
        "catalyst_score",
        "rank",
        "why",
    ]
    assert set(required) <= set(t.columns)
    nan_allowed = {"efficiency", "constraint", "hierarchy"}
    for col in t.columns:
        if col in nan_allowed or col in ("label", "group", "why"):
            continue
        assert not t[col].isna().any(), col
    isolated = t["degree"] == 0
    assert not t.loc[~isolated, ["efficiency", "constraint"]].isna().any().any()
    assert (t.loc[t["degree"] >= 2, "hierarchy"].notna()).all()
    assert t["why"].map(lambda s: isinstance(s, str) and len(s) > 0).all()
    scores = t["catalyst_score"].to_numpy()
    assert np.all(np.diff(scores) <= 1e-12)
    assert ((scores >= 0) & (scores <= 100)).all()
    if len(t):
        assert t["rank"].iloc[0] == 1


@pytest.mark.parametrize("name", list(TOYS))
def test_measure_tables_contract(name):
    net = TOYS[name]
    nodes = _nodes(net)
    c = centrality(net, weight=_is_weighted(name))
    assert set(c.index) == nodes
    assert not c.isna().any().any()
    b = brokerage(net)
    assert set(b.index) == nodes
    for role in (*ROLES, "total"):
        assert b[role].dtype == np.int64
        assert not b[f"expected_{role}"].isna().any()
    assert (b[list(ROLES)].sum(axis=1) == b["total"]).all()
    h = structural_holes(net, weight=_is_weighted(name))
    assert set(h.index) == nodes
    has = h["contacts"] > 0
    assert not h.loc[has, ["effective_size", "efficiency", "constraint"]].isna().any().any()
    assert h.loc[~has, ["effective_size", "efficiency", "constraint"]].isna().all().all()
    r = removal_impact(net)
    assert set(r.index) == nodes
    assert not r.isna().any().any()


@pytest.mark.parametrize("name", list(TOYS))
def test_dependence_and_key_players_contract(name):
    net = TOYS[name]
    nodes = list(_nodes(net))
    d = dependence(net, nodes[0])
    assert list(d.columns) == ["before", "after", "change", "description"]
    assert not d[["before", "after", "change"]].isna().any().any()
    assert d.loc["actors", "change"] == -1
    if len(nodes) >= 2:
        kp = key_players(net, k=1)
        assert set(kp) >= {"set", "score", "measure", "method", "k"}
        assert len(kp.set) == 1 and kp.set[0] in nodes
        assert math.isfinite(kp.score)
        assert isinstance(kp.score, float)
        reach = key_players(net, k=1, measure="reach")
        assert 0 <= reach.score <= 1


@pytest.mark.parametrize("name", list(TOYS))
def test_summary_and_mixing_contract(name):
    net = TOYS[name]
    s = summary(net)
    assert list(s.index) == list(SUMMARY_FIGURES)
    assert list(s.columns) == ["value", "description"]
    always = ["actors", "ties", "density", "components", "isolates", "fragmentation"]
    assert not s.loc[always, "value"].isna().any()
    if s.loc["actors", "value"] >= 3:
        assert (
            not s.loc[["degree_centralization", "betweenness_centralization"], "value"].isna().any()
        )
    m = mixing_matrix(net)
    assert list(m.index) == list(m.columns)
    G = net.to_networkx() if isinstance(net, Network) else net
    if G.is_directed():
        assert m.to_numpy().sum() == G.number_of_edges()
    else:
        assert np.triu(m.to_numpy()).sum() == G.number_of_edges()


@pytest.mark.parametrize("name", ["undirected", "directed", "disconnected", "isolates", "network"])
def test_stability_contract(name):
    net = TOYS[name]
    st = catalyst_stability(net, n=4, top=3, seed=0)
    assert set(st.actors.index) == _nodes(net)
    assert len(st.replicates) == 4
    assert {"top_k_overlap_mean", "rank_correlation_mean"} <= set(st.overall.index)
    assert st.replicates["top_k_overlap"].between(0, 1).all()


def test_empty_graph():
    G = nx.Graph()
    assert catalysts(G).empty
    assert centrality(G).empty and structural_holes(G).empty and brokerage(G).empty
    assert summary(G).loc["actors", "value"] == 0
