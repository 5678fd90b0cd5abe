"""Catalyst measures against published and reference values.

Sources: Wasserman & Faust (1994) Table 5.1 (Padgett's Florentine marriages);
Krackhardt's kite; Borgatti (1997) and networkx's test_structuralholes.py (values
from UCINET and igraph); Knoke's information network with R sna 2.7-1 brokerage
counts and Hanneman's UCINET betweenness; Borgatti (2006) key-player optima
(exhaustive search). See ../shared/data/REFERENCE_VALUES.md.
"""

from __future__ import annotations

import json
import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from quartiernetz.descriptives import summary
from quartiernetz.roles import (
    brokerage,
    catalysts,
    centrality,
    key_players,
    structural_holes,
)

KITE_NAMES = "Andre Beverly Carol Diane Ed Fernando Garth Heather Ike Jane".split()


@pytest.fixture(scope="module")
def kite() -> nx.Graph:
    return nx.relabel_nodes(nx.krackhardt_kite_graph(), dict(enumerate(KITE_NAMES)))


@pytest.fixture(scope="module")
def florentine() -> nx.Graph:
    return nx.florentine_families_graph()


@pytest.fixture(scope="module")
def knoke(shared_data) -> nx.DiGraph:
    folder = shared_data / "knoke"
    adj = pd.read_csv(folder / "knoke_information_adjacency.csv", index_col=0)
    attrs = pd.read_csv(folder / "knoke_attributes.csv", index_col="org")
    G = nx.from_pandas_adjacency(adj, create_using=nx.DiGraph)
    assert G.number_of_edges() == 49  # the information relation, not money (22 arcs)
    nx.set_node_attributes(G, attrs["sector"].to_dict(), "sector")
    return G


# --------------------------------------------------------------- centrality
# Wasserman & Faust (1994), Table 5.1: C_D, C_C, C_B (standardised), 15 families.
WF_TABLE_5_1 = {
    "Medici": (0.429, 0.560, 0.522),
    "Guadagni": (0.286, 0.467, 0.255),
    "Albizzi": (0.214, 0.483, 0.212),
    "Salviati": (0.143, 0.389, 0.143),
    "Ridolfi": (0.214, 0.500, 0.114),
    "Bischeri": (0.214, 0.400, 0.104),
    "Strozzi": (0.286, 0.438, 0.103),
    "Barbadori": (0.143, 0.438, 0.093),
    "Tornabuoni": (0.214, 0.483, 0.092),
    "Castellani": (0.214, 0.389, 0.055),
    "Peruzzi": (0.214, 0.368, 0.022),
    "Acciaiuoli": (0.071, 0.368, 0.0),
    "Ginori": (0.071, 0.333, 0.0),
    "Lamberteschi": (0.071, 0.326, 0.0),
    "Pazzi": (0.071, 0.286, 0.0),
}


def test_florentine_wasserman_faust_table_5_1(florentine):
    c = centrality(florentine)
    assert len(c) == 15
    # published to 3 decimals (0.4375 is printed 0.438)
    for family, (cd, cc, cb) in WF_TABLE_5_1.items():
        assert c.loc[family, "degree_centrality"] == pytest.approx(cd, abs=5.01e-4), family
        assert c.loc[family, "closeness"] == pytest.approx(cc, abs=5.01e-4), family
        assert c.loc[family, "betweenness"] == pytest.approx(cb, abs=5.01e-4), family
    assert c.loc["Medici", "degree"] == 6
    # raw betweenness 47.5 = normalised * (n-1)(n-2)/2
    assert c.loc["Medici", "betweenness"] * 14 * 13 / 2 == pytest.approx(47.5)


def test_florentine_medici_first(florentine):
    table = catalysts(florentine)
    assert table.index[0] == "Medici"
    assert table.loc["Medici", "rank"] == 1
    assert table["betweenness"].idxmax() == "Medici"


def test_kite_roles(kite):
    c = centrality(kite)
    assert c["degree"].idxmax() == "Diane" and c.loc["Diane", "degree"] == 6
    top_closeness = c["closeness"].max()
    assert top_closeness == pytest.approx(0.643, abs=5e-4)
    assert set(c.index[np.isclose(c["closeness"], top_closeness)]) == {"Fernando", "Garth"}
    assert c["betweenness"].idxmax() == "Heather"
    assert c.loc["Heather", "betweenness"] == pytest.approx(0.389, abs=5e-4)
    assert c.loc["Heather", "betweenness"] * 9 * 8 / 2 == pytest.approx(14.0)


def test_centrality_matches_networkx_directed_weighted_disconnected():
    G = nx.gnp_random_graph(40, 0.08, seed=3, directed=True)
    rng = np.random.default_rng(3)
    for u, v in G.edges:
        G[u][v]["weight"] = float(rng.integers(1, 5))
    G.add_node("isolate")
    for weight in (None, "weight"):
        H = G.copy()
        dist = whole = None
        if weight:
            for _, _, d in H.edges(data=True):
                d["length"] = 1.0 / d["weight"]
                d["whole"] = 12 // d["weight"]  # exact lengths (scaled) for betweenness
            dist, whole = "length", "whole"
        c = centrality(G, weight=weight)
        bc = nx.betweenness_centrality(H, weight=whole)
        cc = nx.closeness_centrality(H, distance=dist)
        assert np.allclose(c["betweenness"], [bc[v] for v in c.index])
        assert np.allclose(c["closeness"], [cc[v] for v in c.index])


def test_eigenvector_matches_networkx_on_connected_graph(florentine):
    c = centrality(florentine)
    ev = nx.eigenvector_centrality_numpy(florentine)
    assert np.allclose(c["eigenvector"], [ev[v] for v in c.index])


# ---------------------------------------------------------- structural holes
def _borgatti_1997(weighted: bool) -> nx.Graph:
    weights = {
        ("A", "B"): 2,
        ("A", "F"): 3,
        ("A", "G"): 5,
        ("A", "E"): 2,
        ("E", "G"): 8,
        ("F", "G"): 3,
        ("B", "G"): 4,
        ("B", "D"): 1,
        ("D", "G"): 3,
        ("G", "C"): 10,
    }
    G = nx.Graph()
    for (u, v), w in weights.items():
        G.add_edge(u, v, weight=w if weighted else 1)
    return G


def test_borgatti_1997_unweighted():
    h = structural_holes(_borgatti_1997(False))
    assert h.loc["G", "effective_size"] == pytest.approx(4.667, abs=1e-3)
    assert h.loc["A", "effective_size"] == pytest.approx(2.5, abs=1e-3)
    assert h.loc["C", "effective_size"] == pytest.approx(1.0, abs=1e-3)
    assert h.loc["G", "efficiency"] == pytest.approx(0.778, abs=1e-3)
    assert h.loc["A", "efficiency"] == pytest.approx(0.625, abs=1e-3)
    assert h.loc["G", "constraint"] == pytest.approx(0.400, abs=1e-3)
    assert h.loc["A", "constraint"] == pytest.approx(0.595, abs=1e-3)
    assert h.loc["C", "constraint"] == pytest.approx(1.0, abs=1e-3)


def test_borgatti_1997_weighted():
    h = structural_holes(_borgatti_1997(True), weight="weight")
    assert h.loc["G", "effective_size"] == pytest.approx(5.47, abs=1e-2)
    assert h.loc["A", "effective_size"] == pytest.approx(2.47, abs=1e-2)
    assert h.loc["C", "effective_size"] == pytest.approx(1.0, abs=1e-2)
    assert h.loc["G", "constraint"] == pytest.approx(0.299, abs=1e-3)
    assert h.loc["A", "constraint"] == pytest.approx(0.795, abs=1e-3)
    assert h.loc["C", "constraint"] == pytest.approx(1.0, abs=1e-3)


def test_networkx_directed_examples():
    D = nx.DiGraph([(0, 1), (0, 2), (1, 0), (2, 1)])
    h = structural_holes(D)
    assert h["constraint"].tolist() == pytest.approx([1.003, 1.003, 1.389], abs=1e-3)
    assert h["effective_size"].tolist() == pytest.approx([1.167, 1.167, 1.0], abs=1e-3)
    nx.set_edge_attributes(D, {(0, 1): 2, (0, 2): 2, (1, 0): 1, (2, 1): 1}, "weight")
    h = structural_holes(D, weight="weight")
    assert h["constraint"].tolist() == pytest.approx([0.840, 1.143, 1.378], abs=1e-3)
    assert h["effective_size"].tolist() == pytest.approx([1.567, 1.083, 1.0], abs=1e-3)


def test_kite_constraint(kite):
    h = structural_holes(kite)
    assert h["constraint"].idxmin() == "Heather"
    assert h.loc["Heather", "constraint"] == pytest.approx(0.431, abs=1e-3)
    assert h.loc["Jane", "constraint"] == pytest.approx(1.0)


def test_structural_holes_equal_networkx_per_node_definition():
    G = nx.powerlaw_cluster_graph(60, 2, 0.4, seed=5)
    rng = np.random.default_rng(5)
    nx.set_edge_attributes(G, {e: float(rng.integers(1, 6)) for e in G.edges}, "weight")
    for weight in (None, "weight"):
        h = structural_holes(G, weight=weight)
        es = nx.effective_size(G, nodes=list(G), weight=weight)
        con = nx.constraint(G, nodes=list(G), weight=weight)
        assert np.allclose(h["effective_size"], [es[v] for v in h.index])
        assert np.allclose(h["constraint"], [con[v] for v in h.index])


def test_hierarchy_hand_computed():
    # ego 0 with contacts 1, 2, 3; 1 and 2 are tied. p_0j = 1/3; p_12 = p_21 = 1/2.
    # c_01 = c_02 = (1/3 + 1/3 * 1/2)^2 = 1/4; c_03 = (1/3)^2 = 1/9; C = 11/18, N = 3.
    # r_01 = r_02 = (1/4) / (11/54) = 27/22; r_03 = (1/9) / (11/54) = 6/11.
    G = nx.Graph([(0, 1), (0, 2), (0, 3), (1, 2)])
    h = structural_holes(G)
    r1, r3 = 27 / 22, 6 / 11
    expected = (2 * r1 * math.log(r1) + r3 * math.log(r3)) / (3 * math.log(3))
    assert h.loc[0, "constraint"] == pytest.approx(11 / 18)
    assert h.loc[0, "hierarchy"] == pytest.approx(expected)
    assert h.loc[0, "hierarchy"] == pytest.approx(0.0522045, abs=1e-6)
    # a star: constraint spread evenly, hierarchy 0; one contact: undefined
    star = structural_holes(nx.star_graph(4))
    assert star.loc[0, "hierarchy"] == pytest.approx(0.0)
    assert math.isnan(star.loc[1, "hierarchy"])
    # two contacts with unequal constraint: ego 0 - 1, 0 - 2, 2 - 3 (1 and 2 not tied)
    # c_01 = c_02 = 1/4: equal, hierarchy 0
    assert structural_holes(nx.path_graph([1, 0, 2, 3])).loc[0, "hierarchy"] == pytest.approx(0)


# ---------------------------------------------------------------- brokerage
def test_knoke_brokerage_equals_sna(knoke, shared_data):
    ref = json.loads(
        (shared_data / "knoke" / "knoke_information_brokerage_by_sector_COMPUTED.json").read_text()
    )["brokerage_information_by_sector"]
    b = brokerage(knoke, group="sector")
    for org, counts in ref.items():
        for role, value in counts.items():
            assert b.loc[org, role] == value, (org, role)
        assert b.loc[org, "total"] == sum(counts.values())
    assert b[["coordinator", "itinerant", "gatekeeper", "representative", "liaison"]].sum(
        axis=0
    ).tolist() == [6, 18, 20, 12, 15]
    assert b["total"].sum() == 71
    # REFERENCE_VALUES.md table, stated independently of the JSON
    assert b.loc["MAYR", ["coordinator", "itinerant", "gatekeeper", "representative"]].tolist() == [
        5,
        3,
        7,
        7,
    ]
    assert b.loc["COMM", "liaison"] == 7


def test_knoke_expected_counts_sna_formula(knoke):
    b = brokerage(knoke, group="sector")
    d = 49 / 90
    q = d * d * (1 - d)
    t = d**3 * (1 - d) ** 3
    # MAYR is in GOV (4 of 10; VOL 4, PVT 2)
    assert b.loc["MAYR", "expected_coordinator"] == pytest.approx(q * 3 * 2)
    assert b.loc["MAYR", "expected_itinerant"] == pytest.approx(q * (4 * 3 + 2 * 1))
    assert b.loc["MAYR", "expected_gatekeeper"] == pytest.approx(q * 6 * 3)
    assert b.loc["MAYR", "expected_liaison"] == pytest.approx(q * (6**2 - 4**2 - 2**2))
    assert b.loc["MAYR", "expected_total"] == pytest.approx(q * 9 * 8)
    var_total = q * 72 * (1 - q) + 2 * 9 * 8 * 7 * t
    assert b.loc["MAYR", "z_total"] == pytest.approx((27 - q * 72) / math.sqrt(var_total))
    # PVT has two members: no coordination possible, z undefined
    assert b.loc["NEWS", "expected_coordinator"] == 0
    assert math.isnan(b.loc["NEWS", "z_coordinator"])


def test_knoke_directed_betweenness_hanneman(knoke):
    c = centrality(knoke)
    raw = (c["betweenness"] * 9 * 8).round(3).to_dict()
    assert raw == {
        "COUN": 0.667,
        "COMM": 12.333,
        "EDUC": 11.694,
        "INDU": 0.806,
        "MAYR": 17.833,
        "WRO": 0.333,
        "NEWS": 2.75,
        "UWAY": 0.0,
        "WELF": 1.222,
        "WEST": 0.361,
    }
    assert c.loc["MAYR", ["out_degree", "in_degree"]].tolist() == [8, 8]
    assert c.loc["NEWS", ["out_degree", "in_degree"]].tolist() == [3, 9]


def test_knoke_ei_index(knoke):
    assert summary(knoke, group="sector").loc["ei_index", "value"] == pytest.approx(0.510, abs=5e-4)
    undirected = summary(knoke, group="sector", directed=False)
    assert undirected.loc["ei_index", "value"] == pytest.approx(0.5625)
    assert summary(knoke).loc["density", "value"] == pytest.approx(0.544, abs=5e-4)


# -------------------------------------------------------------- key players
@pytest.mark.parametrize(
    ("k", "frag", "frag_set", "dfrag"),
    [
        (1, 0.3889, {"Heather"}, 0.4861),
        (2, 0.5357, {"Fernando", "Garth"}, 0.6071),
        (3, 0.5714, None, 0.6746),
    ],
)
def test_kite_key_players(kite, k, frag, frag_set, dfrag):
    f = key_players(kite, k=k, measure="fragmentation")
    assert f.method == "exact"
    assert f.score == pytest.approx(frag, abs=5e-5)
    if frag_set is not None:
        assert set(f.set) == frag_set
    else:
        # Fernando, Garth + any of Andre/Beverly/Carol/Diane/Ed
        sets = [set(f.set), *map(set, f.equivalent_sets)]
        assert len(sets) == 5
        assert all({"Fernando", "Garth"} < s for s in sets)
        assert set().union(*sets) - {"Fernando", "Garth"} == set(KITE_NAMES[:5])
    df = key_players(kite, k=k, measure="distance_fragmentation")
    assert df.score == pytest.approx(dfrag, abs=5e-5)
    if k == 3:
        assert set(df.set) == {"Diane", "Fernando", "Garth"}
    elif frag_set is not None:
        assert set(df.set) == frag_set


@pytest.mark.parametrize(
    ("k", "frag", "dfrag", "members"),
    [
        (1, 0.3846, 0.6738, {"Medici"}),
        (2, 0.7051, 0.8024, {"Guadagni", "Medici"}),
        (3, 0.8636, 0.8889, {"Guadagni", "Medici", "Strozzi"}),
    ],
)
def test_florentine_key_players(florentine, k, frag, dfrag, members):
    f = key_players(florentine, k=k)
    assert f.score == pytest.approx(frag, abs=5e-5)
    assert set(f.set) == members
    df = key_players(florentine, k=k, measure="distance_fragmentation")
    assert df.score == pytest.approx(dfrag, abs=5e-5)
    assert set(df.set) == members


def test_key_player_reach(kite, florentine):
    r = key_players(kite, k=2, measure="reach", m=1)
    assert r.score == pytest.approx(1.0)  # all 8 others
    assert {"Diane", "Ike"} in [set(r.set), *map(set, r.equivalent_sets)]
    r = key_players(florentine, k=2, measure="reach", m=1)
    assert r.score == pytest.approx(9 / 13)


def test_greedy_finds_the_exact_optima(kite, florentine):
    for G, k in ((kite, 1), (kite, 2), (florentine, 1), (florentine, 2), (florentine, 3)):
        for measure in ("fragmentation", "distance_fragmentation", "reach"):
            exact = key_players(G, k=k, measure=measure, method="exact")
            greedy = key_players(G, k=k, measure=measure, method="greedy", seed=1)
            assert greedy.method == "greedy"
            assert greedy.score == pytest.approx(exact.score), (k, measure)
