"""The network model: validation, cleaning record, the analysis graph."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from quartiernetz import Network, as_graph
from quartiernetz.exceptions import (
    AnalysisError,
    DataCleaningWarning,
    DuplicateActorError,
    InvalidValueError,
    MissingColumnError,
    QuartiernetzError,
    UnknownActorError,
)


def actors(ids=("a", "b", "c", "d"), **cols):
    return pd.DataFrame({"id": list(ids), **cols})


def ties(rows, columns=("source", "target", "intensity")):
    return pd.DataFrame(list(rows), columns=list(columns))


def test_defaults_and_columns():
    net = Network(actors(), ties([("a", "b", 2), ("b", "c", 1)]))
    assert list(net.actors.columns[:2]) == ["label", "type"]
    assert net.actors.index.name == "id"
    assert net.actors.loc["a", "label"] == "a"
    assert list(net.ties.columns) == ["source", "target", "relation", "intensity"]
    assert set(net.ties["relation"]) == {"cooperation"}
    assert net.ties["intensity"].tolist() == [2.0, 1.0]
    assert list(net.affiliations.columns) == ["actor", "item", "kind"]
    assert not net.directed


def test_errors_name_the_culprit():
    with pytest.raises(
        UnknownActorError, match=r'ties, row 3, column .target.: "x" is not an actor'
    ):
        Network(actors(), ties([("a", "b", 1), ("a", "x", 1)]))
    with pytest.raises(DuplicateActorError, match=r"row 4.*\"a\" appears again \(first in row 2\)"):
        Network(actors(("a", "b", "a")), ties([]))
    with pytest.raises(InvalidValueError, match=r"row 2, column 'intensity': '-1' is below 0"):
        Network(actors(), ties([("a", "b", -1)]))
    with pytest.raises(InvalidValueError, match=r"'viel' is not a number"):
        Network(actors(), ties([("a", "b", "viel")]))
    with pytest.raises(MissingColumnError, match=r"'target'.*columns found: 'source', 'ziel2'"):
        Network(actors(), ties([("a", "b")], columns=("source", "ziel2")))
    # every input error is also a ValueError and a QuartiernetzError
    with pytest.raises(ValueError):
        Network(actors(), ties([("a", "b", float("inf"))]))
    assert issubclass(UnknownActorError, QuartiernetzError)


def test_close_matches_in_hint():
    with pytest.raises(UnknownActorError, match=r'Close matches: "awo-migr"'):
        Network(actors(("awo-migr", "qm")), ties([("qm", "awo-migx", 1)]))


def test_soft_problems_are_recorded_and_warned():
    rows = [("a", "b", 1), ("b", "a", 3), ("a", "a", 1), ("c", "d", 1), ("c", "d", 1)]
    with pytest.warns(DataCleaningWarning) as caught:
        net = Network(actors(), ties(rows))
    assert len(caught) == 3
    rec = net.record.to_frame()
    assert rec["action"].tolist() == ["dropped", "dropped", "merged"]
    assert rec["rows"].tolist() == ["4", "6", "2 3"]
    assert "both directions" in rec["reason"].iloc[2]
    # the merged tie keeps the largest intensity; every input row is accounted for
    assert net.ties[["source", "target", "intensity"]].values.tolist() == [
        ["a", "b", 3.0],
        ["c", "d", 1.0],
    ]
    assert len(net.ties) + net.record.count("dropped") + net.record.count("merged") == len(rows)


def test_directed_keeps_both_directions():
    net = Network(actors(), ties([("a", "b", 1), ("b", "a", 3)]), directed=True)
    assert len(net.ties) == 2
    G = net.to_networkx()
    assert G.is_directed() and G["b"]["a"]["weight"] == 3.0


def test_actors_from_ties_are_recorded():
    net = Network(ties=ties([("x", "y", 1)]))
    assert sorted(net.actors.index) == ["x", "y"]
    assert net.record.count("added") == 2


def test_to_networkx_combines_relations_and_filters():
    t = ties(
        [
            ("a", "b", "information", 1),
            ("a", "b", "project", 2),
            ("b", "c", "project", 3),
            ("c", "d", "competition", 1),
        ],
        columns=("source", "target", "relation", "intensity"),
    )
    net = Network(actors(type=["X", "Y", "X", np.nan]), t)
    G = net.to_networkx()
    assert G["a"]["b"]["weight"] == 3.0 and G["a"]["b"]["relation"] == "information; project"
    assert G["a"]["b"]["n_ties"] == 2
    assert not G.has_edge("c", "d")  # competition is not cooperation
    assert "type" not in G.nodes["d"] and G.nodes["a"]["type"] == "X"
    assert net.to_networkx(combine="max")["a"]["b"]["weight"] == 2.0
    assert net.to_networkx(combine="mean")["a"]["b"]["weight"] == 1.5
    H = net.to_networkx(relations="project", min_intensity=3, isolates=False)
    assert sorted(H.edges) == [("b", "c")] and sorted(H.nodes) == ["b", "c"]
    assert net.to_networkx(relations=["competition"]).has_edge("c", "d")
    with pytest.raises(AnalysisError, match="not in the network"):
        net.to_networkx(relations="funding")
    with pytest.raises(AnalysisError):
        net.to_networkx(combine="median")


def _survey(rows, responded):
    acts = pd.DataFrame({"id": list("abcd"), "responded": responded})
    t = pd.DataFrame(rows, columns=["source", "target", "intensity"])
    t["reported_by"] = t["source"]
    return Network(acts, t)


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        # a<->b both responded, reports 3 and 1; a->c: c responded, did not report;
        # a->d: d did not respond
        ("max", {("a", "b"): 3.0, ("a", "c"): 2.0, ("a", "d"): 2.0}),
        ("union", {("a", "b"): 2.0, ("a", "c"): 2.0, ("a", "d"): 2.0}),
        ("mean", {("a", "b"): 2.0, ("a", "c"): 1.0, ("a", "d"): 2.0}),
        ("confirmed", {("a", "b"): 2.0, ("a", "d"): 2.0}),
        ("min", {("a", "b"): 1.0, ("a", "d"): 2.0}),
    ],
)
def test_reconcile_rules(rule, expected):
    net = _survey(
        [("a", "b", 3), ("b", "a", 1), ("a", "c", 2), ("a", "d", 2)], [True, True, True, False]
    )
    assert net.is_survey
    G = net.to_networkx(reconcile=rule)
    got = {tuple(sorted(e)): d["weight"] for *e, d in G.edges(data=True)}
    assert got == expected
    D = net.to_networkx(directed=True)
    assert D.number_of_edges() == 4


def test_as_graph_accepts_networkx_graphs():
    G = nx.MultiGraph([(1, 2), (1, 2), (2, 3)])
    H = as_graph(G)
    assert not H.is_multigraph() and H[1][2]["weight"] == 2
    assert as_graph(nx.path_graph(3), directed=True).is_directed()
    with pytest.raises(AnalysisError):
        as_graph({"a": 1})
    with pytest.raises(AnalysisError):
        as_graph(nx.path_graph(3), relations="x")


def test_describe_and_equals():
    net = Network(actors(type=["X", "X", "Y", np.nan]), ties([("a", "b", 1)]))
    d = net.describe()
    assert d["actors_by_type"].values.tolist() == [["X", 2], ["(none)", 1], ["Y", 1]]
    assert net.equals(net.copy())
    other = net.copy()
    other.ties.loc[0, "intensity"] = 2.0
    assert not net.equals(other)
