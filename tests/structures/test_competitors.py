"""Competitor clusters: planted welfare associations, explicit competition, options."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from quartiernetz import Network
from quartiernetz.exceptions import AnalysisError
from quartiernetz.structures import competitor_clusters

from .planted_quarter import build_quarter

COLUMNS = ["cluster", "members", "basis", "internal_density", "bridges", "suggested_ties"]


def test_planted_quarter_finds_the_two_planted_clusters(quarter: Network) -> None:
    cc = competitor_clusters(quarter)
    assert list(cc.columns[:6]) == COLUMNS
    assert cc["members"].tolist() == [["awo", "caritas", "diakonie"], ["caritas", "diakonie"]]
    assert cc["cluster"].tolist() == [0, 1]
    seniors, migration = cc.iloc[0], cc.iloc[1]
    assert seniors["internal_density"] == 0.0 and migration["internal_density"] == 0.0
    # the quarter management reaches all three; Sozialamt and the church two each
    assert seniors["bridges"] == ["qm", "ev_kirche", "sozialamt"]
    assert migration["bridges"] == ["qm"]
    assert seniors["suggested_ties"] == [
        ("awo", "caritas"),
        ("awo", "diakonie"),
        ("caritas", "diakonie"),
    ]
    assert seniors["missing_ties"] == 3 and seniors["competition_ties"] == 1
    assert seniors["shared_offers"] == ["Seniorentreff"]
    assert seniors["shared_target_groups"] == ["Senioren"]
    assert seniors["basis"] == (
        'same offer "Seniorentreff" for Senioren in Weststadt; same type Wohlfahrtsverband; '
        "different umbrellas (AWO, Caritas, Diakonie); explicit competition ties: awo–caritas"
    )
    assert 'same offer "Migrationsberatung für Erwachsene" for Migrant:innen' in migration["basis"]
    assert migration["shared_target_groups"] == ["Migrant:innen", "Senioren"]


def test_null_quarter_has_no_clusters(null_quarter: Network) -> None:
    cc = competitor_clusters(null_quarter)
    assert cc.empty
    assert list(cc.columns[:6]) == COLUMNS


def test_by_target_group_finds_the_same_clusters(quarter: Network) -> None:
    cc = competitor_clusters(quarter, by="target_group")
    assert cc["members"].tolist() == [["awo", "caritas", "diakonie"], ["caritas", "diakonie"]]
    assert cc.loc[0, "basis"].startswith("same type Wohlfahrtsverband and target group Senioren")


def test_order_of_reading_does_not_matter(quarter: Network) -> None:
    order = list(np.random.default_rng(1).permutation(len(quarter.actors)))
    pd.testing.assert_frame_equal(
        competitor_clusters(build_quarter(actor_order=order)), competitor_clusters(quarter)
    )


def offer_net(ties: list[tuple], umbrellas: dict | None = None) -> Network:
    members = ["a", "b", "c"]
    actors = pd.DataFrame({"id": members + ["x"]})
    if umbrellas:
        actors["umbrella"] = actors["id"].map(umbrellas)
    aff = pd.DataFrame(
        {"actor": members, "item": "Hausaufgabenhilfe", "kind": "offer", "target_group": "Kinder"}
    )
    t = pd.DataFrame(ties, columns=["source", "target"]) if ties else None
    return Network(actors=actors, ties=t, affiliations=aff)


def test_cooperating_providers_are_no_competitors() -> None:
    one_tie = offer_net([("a", "b"), ("x", "a"), ("x", "c")])
    cc = competitor_clusters(one_tie)
    assert cc.loc[0, "internal_density"] == pytest.approx(1 / 3)
    assert cc.loc[0, "suggested_ties"] == [("a", "c"), ("b", "c")]
    assert cc.loc[0, "bridges"] == ["x"]
    two_ties = offer_net([("a", "b"), ("b", "c")])
    assert competitor_clusters(two_ties).empty  # density 2/3 > 0.5
    assert len(competitor_clusters(two_ties, max_density=0.7)) == 1
    assert competitor_clusters(one_tie, min_bridge_ties=3).loc[0, "bridges"] == []


def test_one_umbrella_is_not_competition() -> None:
    net = offer_net([], umbrellas={"a": "AWO", "b": "AWO", "c": "AWO"})
    assert competitor_clusters(net).empty
    assert competitor_clusters(net, different_umbrellas=False).loc[0, "members"] == ["a", "b", "c"]
    mixed = offer_net([], umbrellas={"a": "AWO", "b": "AWO", "c": "Caritas"})
    assert competitor_clusters(mixed).loc[0, "basis"].endswith("umbrellas AWO, Caritas")


def test_explicit_competition_ties_count_directly() -> None:
    # two groups of rivals, chained by one competition tie, and cooperating all the same
    G = nx.Graph()
    rivals = [("a", "b"), ("b", "c"), ("a", "c"), ("c", "d"), ("d", "e"), ("e", "f"), ("d", "f")]
    G.add_edges_from(rivals, relation="competition")
    G.add_edge("a", "b", relation="competition; cooperation")  # both: rivals who cooperate
    G.add_edge("q", "d", relation="cooperation")
    G.add_edge("q", "e", relation="cooperation")
    cc = competitor_clusters(G, seed=0)
    assert sorted(map(tuple, cc["members"])) == [("a", "b", "c"), ("d", "e", "f")]
    abc = cc[cc["members"].map(tuple) == ("a", "b", "c")].iloc[0]
    assert abc["internal_density"] == pytest.approx(1 / 3)
    assert abc["competition_ties"] == 3
    assert "explicit competition ties: a–b, a–c, b–c" in abc["basis"]
    d = cc[cc["members"].map(tuple) == ("d", "e", "f")].iloc[0]
    assert d["bridges"] == ["q"]
    pd.testing.assert_frame_equal(cc, competitor_clusters(G, seed=0))


def test_explicit_competition_in_a_network() -> None:
    net = Network(
        ties=pd.DataFrame(
            {
                "source": ["awo", "qm", "qm"],
                "target": ["caritas", "awo", "caritas"],
                "relation": ["Konkurrenz", "cooperation", "cooperation"],
            }
        )
    )
    cc = competitor_clusters(net)
    assert cc.loc[0, "members"] == ["awo", "caritas"]
    assert cc.loc[0, "internal_density"] == 0.0
    assert cc.loc[0, "bridges"] == ["qm"]


def test_bad_arguments(quarter: Network) -> None:
    with pytest.raises(AnalysisError, match="by"):
        competitor_clusters(quarter, by="type")  # type: ignore[arg-type]
    with pytest.raises(AnalysisError, match="max_density"):
        competitor_clusters(quarter, max_density=2)
    with pytest.raises(AnalysisError, match="min_bridge_ties"):
        competitor_clusters(quarter, min_bridge_ties=0)
