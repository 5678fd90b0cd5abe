"""Change between waves and comparison: small cases computed by hand."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from quartiernetz import Network
from quartiernetz.change import (
    CHANGE_FIGURES,
    actor_changes,
    catalyst_changes,
    change_summary,
    change_tables,
    compare,
    duplicate_changes,
    match_actors,
    split_waves,
    tie_changes,
)
from quartiernetz.exceptions import AnalysisError


def _graphs() -> tuple[nx.Graph, nx.Graph]:
    before = nx.Graph()
    before.add_edge("a", "b", weight=1.0)
    before.add_edge("b", "c", weight=3.0)
    after = nx.Graph()
    after.add_edge("a", "b", weight=2.0)
    after.add_edge("a", "c", weight=1.0)
    after.add_edge("c", "d", weight=1.0)
    return before, after


def test_tie_changes_on_graphs_by_hand():
    t = tie_changes(*_graphs())
    assert t[["a", "b", "status"]].values.tolist() == [
        ["a", "b", "stable"],
        ["a", "c", "new"],
        ["b", "c", "ended"],
        ["c", "d", "new"],
    ]
    assert t["intensity_before"].tolist()[::2] == [1.0, 3.0]
    assert t["intensity_after"].tolist()[:2] == [2.0, 1.0]
    assert math.isnan(t.loc[2, "intensity_after"])
    assert t["relation"].eq("cooperation").all()
    # graphs carry no survey reports: every "reported" cell is missing
    assert t.iloc[:, 6:].isna().all().all()
    assert t.attrs["waves"] == ["before", "after"]


def test_tie_changes_directed_pairs_keep_their_direction():
    before = nx.DiGraph([("a", "b"), ("b", "a")])
    after = nx.DiGraph([("b", "a")])
    t = tie_changes(before, after)
    assert t[["a", "b", "status"]].values.tolist() == [["a", "b", "ended"], ["b", "a", "stable"]]
    assert t.attrs["directed"] is True


def test_change_summary_by_hand():
    s = change_summary(*_graphs())["value"]
    assert list(s.index) == list(CHANGE_FIGURES)
    assert s["actors_before"] == 3 and s["actors_after"] == 4
    assert (s["actors_stayed"], s["actors_entered"], s["actors_left"]) == (3, 1, 0)
    assert (s["ties_stable"], s["ties_new"], s["ties_ended"]) == (1, 2, 1)
    assert s["stable_share"] == pytest.approx(1 / 2)
    assert s["jaccard"] == pytest.approx(1 / 4)
    # among a, b, c: before {ab, bc}, after {ab, ac}
    assert s["jaccard_stayed"] == pytest.approx(1 / 3)
    assert s["hamming"] == 3
    assert s["hamming_share"] == pytest.approx(3 / 6)
    assert s["density_before"] == pytest.approx(2 / 3)
    assert s["density_after"] == pytest.approx(3 / 6)
    # path a-b-c: a star on 3 nodes; after: a and c have degree 2 of 4 actors
    assert s["degree_centralization_before"] == pytest.approx(1.0)
    assert s["degree_centralization_after"] == pytest.approx((0 + 1 + 0 + 1) / (3 * 2))


def test_actor_changes_with_different_actor_sets():
    before = nx.star_graph(["hub", "a", "b"])
    after = nx.path_graph(["a", "hub", "c"])
    t = actor_changes(before, after)
    assert list(t.index) == ["hub", "a", "b", "c"]
    assert t["status"].tolist() == ["stayed", "stayed", "left", "entered"]
    assert t.loc["hub", "degree_before"] == 2 and t.loc["hub", "degree_after"] == 2
    assert t.loc["a", "degree_change"] == 0
    assert math.isnan(t.loc["b", "degree_after"]) and math.isnan(t.loc["b", "degree_change"])
    assert t.loc["c", "degree_after"] == 1 and math.isnan(t.loc["c", "degree_before"])
    assert t.loc["hub", "rank_before"] == 1 and t.loc["hub", "rank_after"] == 1
    assert t.loc["hub", "catalyst_score_after"] == pytest.approx(100.0)
    assert pd.isna(t.loc["b", "id_after"]) and t.loc["hub", "matched_by"] == "id"


def _survey_wave(rows: list[tuple[str, str, str]], responded: dict[str, bool]) -> Network:
    net = Network(
        actors=pd.DataFrame({"id": list(responded), "responded": list(responded.values())}),
        ties=pd.DataFrame(rows, columns=["source", "target", "reported_by"]),
    )
    return net


def test_reported_sides_of_survey_networks():
    responded = {"a": True, "b": True, "c": False}
    before = _survey_wave([("a", "b", "a"), ("b", "a", "b"), ("a", "c", "a")], responded)
    after = _survey_wave([("a", "b", "a")], responded)
    t = tie_changes(before, after).set_index(["a", "b"])
    ab, ac = t.loc[("a", "b")], t.loc[("a", "c")]
    assert ab["status"] == "stable"
    assert (ab["a_reported_before"], ab["b_reported_before"]) == (True, True)
    assert (ab["a_reported_after"], ab["b_reported_after"]) == (True, False)
    assert ac["status"] == "ended"
    assert ac["a_reported_before"] is True or ac["a_reported_before"] == True  # noqa: E712
    assert ac["a_reported_after"] == False  # noqa: E712
    assert pd.isna(ac["b_reported_before"]) and pd.isna(ac["b_reported_after"])


def _waves_network() -> Network:
    return Network(
        actors=pd.DataFrame({"id": ["a", "b", "c", "d"]}),
        ties=pd.DataFrame(
            {
                "source": ["a", "b", "a", "a", "c"],
                "target": ["b", "c", "b", "c", "d"],
                "intensity": [1, 3, 2, 1, 1],
                "wave": ["2024", "2024", "2026", "2026", "2026"],
            }
        ),
        affiliations=pd.DataFrame(
            {
                "actor": ["a", "b", "a", "c"],
                "item": ["AK Bildung", "AK Bildung", "Runder Tisch", "Runder Tisch"],
                "kind": ["committee"] * 4,
                "wave": ["2024", "2024", "2026", "2026"],
            }
        ),
    )


def test_one_network_with_a_wave_column_equals_two_graphs():
    net = _waves_network()
    from_net = tie_changes(net, waves=("2024", "2026"))
    from_graphs = tie_changes(*_graphs())
    cols = ["a", "b", "status", "intensity_before", "intensity_after"]
    pd.testing.assert_frame_equal(from_net[cols], from_graphs[cols])
    assert from_net.attrs["waves"] == ["2024", "2026"]
    # the two waves are found without naming them
    assert tie_changes(net)[cols].equals(from_net[cols])
    s = change_summary(net)["value"]
    # one actors table: every actor is in both waves (d is an isolate in 2024)
    assert s["actors_entered"] == 0 and s["actors_before"] == 4
    assert s["jaccard"] == pytest.approx(1 / 4)


def test_committees_joined_and_left():
    t = actor_changes(_waves_network())
    assert t.loc["a", "committees_joined"] == ["Runder Tisch"]
    assert t.loc["a", "committees_left"] == ["AK Bildung"]
    assert t.loc["b", "committees_left"] == ["AK Bildung"] and t.loc["b", "committees_joined"] == []
    assert t.loc["c", "committees_joined"] == ["Runder Tisch"]
    assert t.loc["d", "committees_joined"] == [] and t.loc["d", "committees_left"] == []


def test_split_waves():
    parts = split_waves(_waves_network())
    assert list(parts) == ["2024", "2026"]
    assert len(parts["2026"].ties) == 3 and len(parts["2026"].affiliations) == 2
    assert len(parts["2024"].actors) == 4 and parts["2024"].meta["wave"] == "2024"


def _named(ids: list[str], labels: list[str], edges: list[tuple[str, str]]) -> Network:
    return Network(
        actors=pd.DataFrame({"id": ids, "label": labels}),
        ties=pd.DataFrame(edges, columns=["source", "target"]),
    )


def test_actors_named_differently_are_matched_by_name_not_by_accident():
    before = _named(
        ["qm", "awo", "caritas"],
        ["Quartiersmanagement", "AWO Nordstadt", "Caritasverband Lindenau"],
        [("qm", "awo"), ("qm", "caritas")],
    )
    after = _named(
        ["qm", "awo-ov", "caritas-neu"],
        ["Quartiersmanagement", "Arbeiterwohlfahrt Nordstadt e.V.", "Caritas Lindenau"],
        [("qm", "awo-ov"), ("qm", "caritas-neu")],
    )
    m = match_actors(before, after)
    assert m.renamed == {"awo-ov": "awo"}
    assert m.matched_by == {"qm": "id", "awo-ov": "name"}
    # the near match is suggested, never merged
    assert m.review[["actor", "suggested_actor"]].values.tolist() == [["caritas-neu", "caritas"]]
    t = actor_changes(before, after)
    assert t.loc["awo", "status"] == "stayed" and t.loc["awo", "id_after"] == "awo-ov"
    assert t.loc["caritas", "status"] == "left" and t.loc["caritas-neu", "status"] == "entered"
    ties = tie_changes(before, after)
    assert ties.set_index(["a", "b"]).loc[("awo", "qm"), "status"] == "stable"
    # the edited review table decides the near match
    decided = actor_changes(before, after, aliases=m.review)
    assert decided.loc["caritas", "status"] == "stayed"
    assert decided.loc["caritas", "matched_by"] == "alias"
    # ids only
    assert actor_changes(before, after, match_names=False).loc["awo", "status"] == "left"


def test_actor_match_to_frame_has_one_row_per_matched_or_reviewed_actor():
    before = _named(
        ["qm", "awo", "caritas", "kita"],
        ["Quartiersmanagement", "AWO Nordstadt", "Caritasverband Lindenau", "Kita Sonnenschein"],
        [("qm", "awo"), ("qm", "caritas"), ("qm", "kita")],
    )
    after = _named(
        ["qm", "awo-ov", "caritas-neu", "lesecafe"],
        ["Quartiersmanagement", "Arbeiterwohlfahrt Nordstadt e.V.", "Caritas Lindenau", "Lesecafé"],
        [("qm", "awo-ov"), ("qm", "caritas-neu"), ("qm", "lesecafe")],
    )
    m = match_actors(before, after)
    f = m.to_frame()
    assert f.index.name == "actor"
    assert list(f.columns) == [
        "matched_by",
        "id_before",
        "suggested_actor",
        "suggested_label",
        "score",
    ]
    # matched first, then the near match left for review; the new actor is in neither
    assert f.index.tolist() == ["qm", "awo-ov", "caritas-neu"]
    assert f["matched_by"].tolist()[:2] == ["id", "name"]
    assert f["id_before"].tolist()[:2] == ["qm", "awo"]
    assert f[["matched_by", "id_before"]].iloc[2].isna().all()
    assert f.loc["caritas-neu", "suggested_actor"] == "caritas"
    assert f.loc["caritas-neu", "suggested_label"] == "Caritasverband Lindenau"
    assert f.loc["caritas-neu", "score"] == m.review.set_index("actor").loc["caritas-neu", "score"]
    assert (
        f.loc[["qm", "awo-ov"], ["suggested_actor", "suggested_label", "score"]].isna().all().all()
    )
    # decided by the alias table: the reviewed actor becomes a matched one
    decided = match_actors(before, after, aliases=m.review).to_frame()
    assert decided.loc["caritas-neu", "matched_by"] == "alias"
    assert decided.loc["caritas-neu", "id_before"] == "caritas"
    assert pd.isna(decided.loc["caritas-neu", "score"])
    # ids only: nothing to review, one row per actor with the same id
    ids_only = match_actors(before, after, names=False).to_frame()
    assert ids_only.index.tolist() == ["qm"] and ids_only["score"].isna().all()


def test_duplicate_changes_and_catalyst_changes():
    before = nx.Graph([("a", "x"), ("a", "y"), ("b", "x"), ("b", "y")])
    after = nx.Graph([("a", "x"), ("a", "y"), ("b", "z")])
    d = duplicate_changes(before, after)
    assert d["status"].tolist() == ["disappeared", "disappeared"]
    assert d["score_before"].tolist() == [1.0, 1.0] and d["score_after"].isna().all()
    from quartiernetz.words import duplicate_evidence

    for details, evidence in zip(d["details"], d["evidence"], strict=True):
        assert duplicate_evidence(details, lang="en") == evidence  # the German is written alike
        assert duplicate_evidence(details, lang="de") != evidence
    a = actor_changes(nx.star_graph(["x", "a", "b", "c"]), nx.star_graph(["a", "x", "b", "c"]))
    moves = catalyst_changes(a, top=1)
    assert moves["movement"].to_dict() == {"a": "rose", "x": "fell"}
    assert catalyst_changes(a, top=4)["movement"].eq("held").all()
    with pytest.raises(AnalysisError, match="actor_changes"):
        catalyst_changes(pd.DataFrame({"x": [1]}))
    with pytest.raises(AnalysisError, match="top"):
        catalyst_changes(a, top=0)


def test_change_tables_agree_with_the_single_functions():
    before, after = _graphs()
    tables = change_tables(before, after)
    pd.testing.assert_frame_equal(tables["ties"], tie_changes(before, after))
    pd.testing.assert_frame_equal(tables["summary"], change_summary(before, after))
    pd.testing.assert_frame_equal(tables["actors"], actor_changes(before, after))


def test_compare_by_hand():
    t = compare({"small": nx.star_graph(3), "large": nx.star_graph(7)})
    assert list(t.columns) == ["small", "large", "difference", "size_free", "description"]
    assert t.loc["density", "small"] == 0.5 and t.loc["density", "large"] == 0.25
    assert t.loc["degree_centralization", "difference"] == 0
    assert t.loc["isolate_share", "large"] == 0
    assert t.loc["components", "size_free"] == "largest_component_share"
    assert t.loc["density", "size_free"] == ""
    three = compare({"1": nx.path_graph(3), "2": nx.path_graph(4), "3": nx.path_graph(5)})
    assert "difference" not in three.columns
    assert three.loc["actors", ["1", "2", "3"]].tolist() == [3.0, 4.0, 5.0]


def test_compare_municipal_share():
    G = nx.path_graph(["k", "v", "w", "x"])
    nx.set_node_attributes(G, {"k": "Kommune", "v": "Verein", "w": "Verein", "x": "Verein"}, "type")
    t = compare({"a": G, "b": G})
    assert t.loc["municipal_actor_share", "a"] == 0.25


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: tie_changes(nx.Graph()), "after is missing"),
        (
            lambda: tie_changes(Network(ties=pd.DataFrame({"source": ["a"], "target": ["b"]}))),
            "no column 'wave'",
        ),
        (lambda: tie_changes(_waves_network(), waves=("2024", "2030")), "2030"),
        (lambda: tie_changes(nx.Graph(), "x"), "after: expected"),
        (lambda: tie_changes(nx.Graph(), nx.Graph(), relation="cooperation"), "relation"),
        (lambda: tie_changes(nx.Graph(), nx.Graph(), waves=("1",)), "two waves"),
        (lambda: change_summary(nx.Graph(), nx.Graph(), top=-1), "top"),
        (lambda: compare({"a": nx.Graph()}), "at least two"),
        (lambda: compare([nx.Graph(), nx.Graph()]), "mapping"),
        (lambda: compare({"a": nx.Graph(), "b": 3}), "b: expected"),
    ],
)
def test_errors_say_what_is_wrong(call, message):
    with pytest.raises(AnalysisError, match=message):
        call()


def test_errors_exist_in_german():
    with pytest.raises(AnalysisError) as info:
        tie_changes(nx.Graph())
    assert "after fehlt" in info.value.render("de")


def test_empty_waves_give_nan_not_errors():
    s = change_summary(nx.empty_graph(3), nx.empty_graph(3))["value"]
    assert s["ties_stable"] == 0 and np.isnan(s["jaccard"]) and np.isnan(s["stable_share"])
    assert s["hamming_share"] == 0


def test_split_waves_presence_from_ties():
    net = Network(
        actors=pd.DataFrame({"id": ["a", "b", "c", "d", "e"]}),
        ties=pd.DataFrame(
            {"source": ["a", "a"], "target": ["b", "c"], "wave": ["1", "2"]},
        ),
    )
    parts = split_waves(net, presence="ties")
    # e has no tie in any wave: it stays on the roster of both
    assert sorted(parts["1"].actors.index) == ["a", "b", "d", "e"] or sorted(
        parts["1"].actors.index
    ) == ["a", "b", "e"]
    assert "c" not in parts["1"].actors.index and "b" not in parts["2"].actors.index
    s = change_summary(parts["1"], parts["2"])["value"]
    assert (s["actors_entered"], s["actors_left"]) == (1, 1)
    with pytest.raises(AnalysisError, match="presence"):
        split_waves(net, presence="everyone")


def test_many_unmatched_actors_match_exact_names_only(monkeypatch):
    from quartiernetz.change import matching

    monkeypatch.setattr(matching, "MAX_FUZZY_PAIRS", 1)
    before = _named(
        ["qm", "awo", "caritas"],
        ["QM", "AWO Nordstadt", "Caritasverband Lindenau"],
        [("qm", "awo"), ("qm", "caritas")],
    )
    after = _named(
        ["1", "2", "3"],
        ["QM", "Arbeiterwohlfahrt Nordstadt e.V.", "Caritas Lindenau"],
        [("1", "2"), ("1", "3")],
    )
    m = match_actors(before, after)
    assert m.renamed == {"1": "qm", "2": "awo"} and m.review.empty
    m = match_actors(before, after, aliases={"Caritas Lindenau": "caritas"})
    assert m.renamed["3"] == "caritas" and m.matched_by["3"] == "alias"
