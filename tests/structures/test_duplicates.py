"""Duplicate structures: offers, committees, structural equivalence."""

from __future__ import annotations

import itertools
import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from quartiernetz import Network
from quartiernetz.exceptions import AnalysisError, DataCleaningWarning
from quartiernetz.structures import duplicates, structural_equivalence

from .planted_quarter import build_quarter


def pairs(frame: pd.DataFrame, kind: str) -> dict[tuple, float]:
    sub = frame[frame["kind"] == kind]
    return {(a, b): s for a, b, s in zip(sub["a"], sub["b"], sub["score"], strict=True)}


def test_planted_quarter_finds_exactly_the_planted_duplicates(quarter: Network) -> None:
    d = duplicates(quarter)
    assert list(d.columns[:5]) == ["a", "b", "kind", "score", "evidence"]
    assert d["kind"].tolist() == ["committee", "offer", "offer", "offer", "ties"]
    assert pairs(d, "committee") == {
        ("Runder Tisch Weststadt", "Stadtteilkonferenz Weststadt"): pytest.approx(10 / 12)
    }
    assert pairs(d, "offer") == {
        ("awo", "caritas"): 1.0,
        ("awo", "diakonie"): 1.0,
        ("caritas", "diakonie"): 1.0,
    }
    assert pairs(d, "ties") == {("kita_arche", "kita_regen"): pytest.approx(0.8)}


def test_evidence_is_readable(quarter: Network) -> None:
    d = duplicates(quarter).set_index(["a", "b"])
    assert (
        d.loc[("awo", "diakonie"), "evidence"]
        == 'both offer "Seniorentreff" for Senioren in Weststadt'
    )
    both = d.loc[("caritas", "diakonie"), "evidence"]
    assert "Migrationsberatung" in both and "Seniorentreff" in both
    assert d.loc[("caritas", "diakonie"), "shared"] == [
        "Migrationsberatung für Erwachsene",
        "Seniorentreff",
    ]
    committee = d.loc[("Runder Tisch Weststadt", "Stadtteilkonferenz Weststadt")]
    assert "overlap coefficient 0.91" in committee["evidence"]
    assert committee["only_a"] == ["polizei"] and committee["only_b"] == ["wbg"]
    assert len(committee["shared"]) == 10
    kitas = d.loc[("kita_arche", "kita_regen")]
    assert kitas["shared"] == ["bibliothek", "familienzentrum", "gs_park", "jugendamt"]
    assert kitas["only_a"] == ["ev_kirche"] and kitas["only_b"] == []


def test_null_quarter_has_no_duplicates(null_quarter: Network) -> None:
    d = duplicates(null_quarter)
    assert d.empty
    assert list(d.columns) == [
        "a",
        "b",
        "kind",
        "score",
        "evidence",
        "shared",
        "only_a",
        "only_b",
        "details",
    ]


def test_result_does_not_depend_on_reading_order(quarter: Network) -> None:
    order = list(np.random.default_rng(3).permutation(len(quarter.actors)))
    shuffled = build_quarter(actor_order=order)
    a, b = duplicates(quarter), duplicates(shuffled)
    pd.testing.assert_frame_equal(a, b)


def offers(rows: list[tuple], actors: list[tuple] | None = None) -> Network:
    aff = pd.DataFrame(rows, columns=["actor", "item", "target_group", "area"])
    aff["kind"] = "offer"
    act = None
    if actors is not None:
        act = pd.DataFrame(actors, columns=["id", "area"])
    return Network(actors=act, affiliations=aff)


def test_same_offer_for_other_target_group_or_area_is_no_duplicate() -> None:
    net = offers(
        [
            ("a", "Offener Treff", "Familien", None),
            ("b", "Offener Treff", "Jugendliche", None),
            ("c", "Seniorentreff", "Senioren", "Nord"),
            ("d", "Seniorentreff", "Senioren", "Süd"),
            ("e", "Seniorentreff", "Senioren", None),
        ]
    )
    d = duplicates(net, kinds="offer")
    # e's area is not given, so it may duplicate c and d; c and d are in different areas
    assert sorted(pairs(d, "offer")) == [("c", "e"), ("d", "e")]


def test_area_falls_back_to_the_actor() -> None:
    net = offers(
        [("a", "Sprachcafé", "Migrant:innen", None), ("b", "Sprachcafe", "Migrant*innen", None)],
        actors=[("a", "Nord"), ("b", "Süd")],
    )
    assert duplicates(net, kinds="offer").empty
    net = offers(
        [("a", "Sprachcafé", "Migrant:innen", None), ("b", "Sprachcafe", "Migrant*innen", None)],
        actors=[("a", "Nord"), ("b", "Nord")],
    )
    assert pairs(duplicates(net, kinds="offer"), "offer") == {("a", "b"): 1.0}


def test_near_identical_names_score_lower() -> None:
    net = offers(
        [("a", "Seniorentreff", "Senioren", None), ("b", "Seniorentref", "Senioren", None)]
    )
    d = duplicates(net, kinds="offer")
    # 0.9 * Indel similarity 0.96
    assert d["score"].tolist() == [pytest.approx(0.864)]
    assert "near-identical names, similarity 96" in d.loc[0, "evidence"]
    assert duplicates(net, kinds="offer", name_similarity=97).empty


def test_missing_target_group_matches_only_missing() -> None:
    net = offers(
        [
            ("a", "Mittagstisch", None, None),
            ("b", "Mittagstisch", None, None),
            ("c", "Mittagstisch", "Senioren", None),
        ]
    )
    d = duplicates(net, kinds="offer")
    assert list(pairs(d, "offer")) == [("a", "b")]
    assert "(no target group given)" in d.loc[0, "evidence"]


def test_nested_committee_found_by_overlap_coefficient() -> None:
    big = list("abcdefghij")
    rows = [(m, "Steuerungsgruppe") for m in big] + [(m, "AG Wohnen") for m in "abcd"]
    net = Network(affiliations=pd.DataFrame(rows, columns=["actor", "item"]))
    d = duplicates(net, kinds="committee")
    assert d[["a", "b"]].values.tolist() == [["AG Wohnen", "Steuerungsgruppe"]]
    assert d.loc[0, "score"] == pytest.approx(0.4)  # Jaccard 4/10
    assert "overlap coefficient 1.00" in d.loc[0, "evidence"]
    assert duplicates(net, kinds="committee", min_overlap=1.0).shape[0] == 1
    assert duplicates(net, kinds="committee", min_jaccard=0.5, min_overlap=0.9, min_shared=5).empty


def test_committee_spellings_are_one_committee() -> None:
    rows = (
        [(m, "Runder Tisch") for m in "abc"]
        + [(m, "Runder-Tisch ") for m in "d"]
        + [(m, "Stadtteilkonferenz") for m in "abcd"]
    )
    with pytest.warns(DataCleaningWarning, match="spaces"):
        net = Network(affiliations=pd.DataFrame(rows, columns=["actor", "item"]))
    d = duplicates(net, kinds="committee")
    assert d.loc[0, "score"] == 1.0
    assert "identical membership" in d.loc[0, "evidence"]


def test_plain_graph_gives_ties_only() -> None:
    G = nx.complete_bipartite_graph(2, 3)
    d = duplicates(G)
    assert set(d["kind"]) == {"ties"}
    assert pairs(d, "ties") == {(0, 1): 1.0, (2, 3): 1.0, (2, 4): 1.0, (3, 4): 1.0}
    with pytest.raises(AnalysisError, match="affiliations"):
        duplicates(G, kinds="offer")
    with pytest.raises(AnalysisError, match="unknown kinds"):
        duplicates(G, kinds="people")


def test_same_type_restricts_ties() -> None:
    G = nx.complete_bipartite_graph(2, 3)
    nx.set_node_attributes(
        G, {0: "Schule", 1: "Kita", 2: "Verein", 3: "Verein", 4: "Kirche"}, "type"
    )
    assert pairs(duplicates(G), "ties") == {(2, 3): 1.0}
    assert len(duplicates(G, same_type=False)) == 4


def test_cosine_by_hand() -> None:
    # a: {x, y, z, w}, b: {x, y}; shared 2; cosine 2 / sqrt(8) = 0.7071, Jaccard 0.5
    G = nx.Graph([("a", "x"), ("a", "y"), ("a", "z"), ("a", "w"), ("b", "x"), ("b", "y")])
    d = duplicates(G, measure="cosine", min_similarity=0.7, same_type=False)
    assert pairs(d, "ties")[("a", "b")] == pytest.approx(2 / math.sqrt(8))
    assert ("a", "b") not in pairs(duplicates(G, same_type=False), "ties")


def test_tied_pair_leaves_itself_out() -> None:
    # a and b cooperate and share partners x, y: their neighbourhoods without each other match
    G = nx.Graph([("a", "b"), ("a", "x"), ("a", "y"), ("b", "x"), ("b", "y")])
    d = duplicates(G, same_type=False).set_index(["a", "b"])
    assert d.loc[("a", "b"), "score"] == 1.0
    assert "cooperate with each other" in d.loc[("a", "b"), "evidence"]


@pytest.mark.parametrize("measure", ["jaccard", "cosine"])
def test_structural_equivalence_equals_brute_force(measure: str) -> None:
    rng = np.random.default_rng(7)
    for trial in range(6):
        G = nx.powerlaw_cluster_graph(70, 2 + trial % 2, 0.4, seed=trial)
        G.add_edges_from((0, k) for k in range(2, 70, 2))  # a hub
        groups = rng.integers(0, 3, size=70)
        A = nx.to_scipy_sparse_array(G, nodelist=range(70), format="csr")
        for t, shared in ((0.3, 1), (0.5, 2), (0.75, 2)):
            got = structural_equivalence(
                A, groups, measure=measure, min_similarity=t, min_shared=shared
            )
            found = {
                (int(i), int(j)): s
                for i, j, s in zip(got["i"], got["j"], got["similarity"], strict=True)
            }
            expected = {}
            for i, j in itertools.combinations(range(70), 2):
                if groups[i] != groups[j]:
                    continue
                ni, nj = set(G[i]) - {j}, set(G[j]) - {i}
                c = len(ni & nj)
                if c < shared:
                    continue
                s = c / len(ni | nj) if measure == "jaccard" else c / math.sqrt(len(ni) * len(nj))
                if s >= t:
                    expected[(i, j)] = s
            assert found.keys() == expected.keys()
            for key, s in expected.items():
                assert found[key] == pytest.approx(s)


def test_bad_options() -> None:
    G = nx.path_graph(4)
    with pytest.raises(AnalysisError, match="min_similarity"):
        duplicates(G, min_similarity=0)
    with pytest.raises(AnalysisError, match="measure"):
        duplicates(G, measure="pearson")  # type: ignore[arg-type]
    with pytest.raises(AnalysisError, match="min_shared"):
        duplicates(G, min_shared=0)
    with pytest.raises(AnalysisError):
        duplicates("not a network")  # type: ignore[arg-type]
