"""Suggested ties: common-partner indices against networkx, reasons on the planted quarter."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

from quartiernetz import Network
from quartiernetz.exceptions import AnalysisError
from quartiernetz.structures import suggest_ties


@pytest.mark.parametrize(
    ("method", "nx_index"),
    [
        ("resource_allocation", nx.resource_allocation_index),
        ("adamic_adar", nx.adamic_adar_index),
    ],
)
def test_plain_graph_ranks_as_networkx(method: str, nx_index) -> None:
    G = nx.karate_club_graph()
    expected = sorted(
        ((round(s, 12), u, v) for u, v, s in nx_index(G) if s > 0),
        key=lambda r: (-r[0], min(r[1], r[2]), max(r[1], r[2])),
    )[:10]
    got = suggest_ties(G, n=10, method=method)  # type: ignore[arg-type]
    assert [(min(u, v), max(u, v)) for _, u, v in expected] == list(
        zip(got["a"], got["b"], strict=True)
    )
    assert got["partner_index"].tolist() == pytest.approx([s for s, _, _ in expected])
    assert (got["score"] == got["partner_index"]).all()
    assert not any(G.has_edge(a, b) for a, b in zip(got["a"], got["b"], strict=True))


def test_planted_quarter_reasons(quarter: Network) -> None:
    s = suggest_ties(quarter, n=40).set_index(["a", "b"])
    row = s.loc[("awo", "caritas")]
    # common partners qm (20 partners) and Sozialamt (4): 1/20 + 1/4; one shared target group
    assert row["partner_index"] == pytest.approx(0.3)
    assert row["score"] == pytest.approx(0.6)
    assert row["common_partners"] == ["qm", "sozialamt"]
    assert row["shared_target_groups"] == ["Senioren"]
    assert "pool instead of duplicating" in row["reason"]
    assert "recorded as competitors" in row["reason"]
    comp = s.loc[("caritas", "ev_kirche")]
    assert (
        "complementary offers for Senioren: caritas Seniorentreff, ev_kirche Besuchsdienst"
        in comp["reason"]
    )
    assert s["score"].round(9).is_monotonic_decreasing


def test_tied_pairs_are_never_suggested(quarter: Network) -> None:
    G = quarter.to_networkx()
    s = suggest_ties(quarter, n=1000)
    assert len(s) > 50
    assert not any(G.has_edge(a, b) for a, b in zip(s["a"], s["b"], strict=True))


def test_small_inputs() -> None:
    assert suggest_ties(nx.path_graph(2)).empty
    net = Network(ties=pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"]}))
    s = suggest_ties(net)
    assert s[["a", "b"]].values.tolist() == [["a", "c"]]
    assert s.loc[0, "reason"] == "1 common partner: b"
    with pytest.raises(AnalysisError, match="n must"):
        suggest_ties(net, n=0)
    with pytest.raises(AnalysisError, match="method"):
        suggest_ties(net, method="jaccard")  # type: ignore[arg-type]


def ranking(G: nx.Graph, k: int) -> list[tuple]:
    scores = [
        (round(s, 12), min(u, v), max(u, v)) for u, v, s in nx.resource_allocation_index(G) if s > 0
    ]
    return [(u, v) for _, u, v in sorted(scores, key=lambda r: (-r[0], r[1], r[2]))[:k]]


def test_hub_shortcut_is_exact() -> None:
    # karate plus an office tied to everybody (and to 150 more actors): a hub of degree 184
    G = nx.karate_club_graph()
    G.add_edges_from((100, n) for n in range(34))
    G.add_edges_from((100, n) for n in range(200, 350))
    got = suggest_ties(G, n=15)
    assert list(zip(got["a"], got["b"], strict=True)) == ranking(G, 15)


def test_pairs_sharing_only_a_hub() -> None:
    G = nx.star_graph(150)  # every pair of leaves shares only the centre
    G.add_edge(1, 2)
    G.add_edge(2, 3)
    got = suggest_ties(G, n=5)
    assert list(zip(got["a"], got["b"], strict=True)) == ranking(G, 5)
    assert got.loc[0, ["a", "b"]].tolist() == [1, 3]
