"""The classic networks from networkx, checked against published and reference values.

Reference values: /work/shared/data/REFERENCE_VALUES.md (Wasserman & Faust 1994 Table 5.1
for the Florentine families; Krackhardt 1990 for the kite; Zachary 1977; Breiger 1974 /
Freeman 2003 for Davis; Knuth 1993 for Les Misérables).
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from quartiernetz.datasets import (
    davis_southern_women,
    florentine_families,
    karate_club,
    krackhardt_kite,
    les_miserables,
)


def test_florentine_families_reproduce_wasserman_faust():
    net = florentine_families()
    assert (len(net.actors), len(net.ties)) == (15, 20)
    assert net.relations == ["marriage"]
    assert net.meta["synthetic"] is False
    G = net.to_networkx()
    bc = nx.betweenness_centrality(G)
    assert round(bc["Medici"], 3) == 0.522
    assert round(bc["Guadagni"], 3) == 0.255
    assert round(nx.degree_centrality(G)["Medici"], 3) == 0.429
    assert round(nx.closeness_centrality(G)["Medici"], 3) == 0.560
    assert "Pucci" not in net.actors.index


def test_karate_club_factions_and_strength():
    net = karate_club()
    assert (len(net.actors), len(net.ties)) == (34, 78)
    a = net.actors
    assert a.loc["1", "type"] == "Mr. Hi" and a.loc["34", "type"] == "Officer"
    mr_hi = {1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 17, 18, 20, 22}
    assert set(a.index[a["type"] == "Mr. Hi"].astype(int)) == mr_hi
    assert (a["nx_node"] + 1 == a.index.astype(int)).all()
    # between-faction ties: 11, within 67
    t = net.ties
    between = (t["source"].map(a["type"]) != t["target"].map(a["type"])).sum()
    assert between == 11
    # intensity is networkx's weight
    G0 = nx.karate_club_graph()
    G = net.to_networkx()
    for u, v, w in G0.edges(data="weight"):
        assert G[str(u + 1)][str(v + 1)]["weight"] == w
    assert set(t["intensity"]) <= set(range(1, 8))


def test_karate_club_equals_xucinet_strength(shared_data):
    m = pd.read_csv(shared_data / "xucinet" / "Zachary_KarateClub__Strength.csv", index_col=0)
    net = karate_club()
    A = np.zeros((34, 34))
    for s, t, w in net.ties[["source", "target", "intensity"]].itertuples(index=False):
        A[int(s) - 1, int(t) - 1] = A[int(t) - 1, int(s) - 1] = w
    np.testing.assert_array_equal(A, m.to_numpy(dtype=float))


def test_davis_southern_women_is_two_mode():
    net = davis_southern_women()
    assert (len(net.actors), len(net.ties), len(net.affiliations)) == (18, 0, 89)
    assert set(net.affiliations["kind"]) == {"event"}
    assert net.affiliations["item"].nunique() == 14
    assert net.actors.loc["Evelyn Jefferson", "number"] == 1
    assert net.actors.loc["Flora Price", "number"] == 18
    # Breiger's co-attendance: the diagonal and Evelyn-Theresa
    inc = pd.crosstab(net.affiliations["actor"], net.affiliations["item"])
    inc = inc.loc[net.actors.index]
    co = inc.to_numpy() @ inc.to_numpy().T
    assert np.diag(co).tolist() == [8, 7, 8, 7, 4, 4, 4, 3, 4, 4, 4, 6, 7, 8, 5, 2, 2, 2]
    assert co[0, 2] == 7


def test_davis_equals_xucinet_attendance(shared_data):
    m = pd.read_csv(shared_data / "xucinet" / "Davis_SouthernWomen__Attendance.csv", index_col=0)
    net = davis_southern_women()
    inc = pd.crosstab(net.affiliations["actor"], net.affiliations["item"])
    inc = inc.loc[net.actors.index, [f"E{i}" for i in range(1, 15)]]
    np.testing.assert_array_equal(inc.to_numpy(), m.to_numpy())
    firsts = [name.split()[0].upper() for name in net.actors.index]
    # same women in the same order (xUCINET spells Myra "MYRNA" and Katherina "KATHERINE")
    assert sum(a == b for a, b in zip(firsts, m.index, strict=True)) == 16


def test_krackhardt_kite_names_and_roles():
    net = krackhardt_kite()
    assert net.actors.index.tolist() == [
        "Andre",
        "Beverly",
        "Carol",
        "Diane",
        "Ed",
        "Fernando",
        "Garth",
        "Heather",
        "Ike",
        "Jane",
    ]
    assert net.actors["nx_node"].tolist() == list(range(10))
    G = net.to_networkx()
    assert G.number_of_edges() == 18
    assert max(dict(G.degree).items(), key=lambda x: x[1]) == ("Diane", 6)
    bc = nx.betweenness_centrality(G)
    assert max(bc, key=bc.get) == "Heather" and round(bc["Heather"], 3) == 0.389
    cc = nx.closeness_centrality(G)
    assert round(cc["Fernando"], 3) == round(cc["Garth"], 3) == 0.643
    assert sorted(G["Jane"]) == ["Ike"]


def test_les_miserables_weights():
    net = les_miserables()
    assert (len(net.actors), len(net.ties)) == (77, 254)
    assert net.ties["intensity"].sum() == 820
    assert net.relations == ["co-appearance"]
    bc = nx.betweenness_centrality(net.to_networkx())
    assert max(bc, key=bc.get) == "Valjean" and round(bc["Valjean"], 3) == 0.570


@pytest.mark.parametrize(
    "loader",
    [florentine_families, karate_club, davis_southern_women, krackhardt_kite, les_miserables],
)
def test_loaders_are_clean_and_labelled(loader):
    net = loader()
    assert len(net.record) == 0
    assert net.meta["format"] == "networkx"
    assert net.meta["synthetic"] is False
    assert net.meta["source"].startswith("networkx.")
    assert net.name
