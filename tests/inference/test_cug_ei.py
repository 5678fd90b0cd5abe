"""CUG tests and the E–I permutation test: statistics against known values, what the
null models keep, exact expectations, and errors."""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from quartiernetz import Network, summary
from quartiernetz.exceptions import AnalysisError
from quartiernetz.inference import cug_test, ei_test


def _graph(directed: bool, seed: int = 4) -> nx.Graph:
    return nx.gnm_random_graph(25, 70, seed=seed, directed=directed)


def test_statistics_equal_networkx_and_summary():
    G = _graph(False)
    s = summary(G, group=None)["value"]
    for name, expected in [
        ("density", nx.density(G)),
        ("transitivity", nx.transitivity(G)),
        ("degree_centralization", s["degree_centralization"]),
        ("betweenness_centralization", s["betweenness_centralization"]),
    ]:
        r = cug_test(G, name, draws=5, seed=1)
        assert r.loc[name, "observed"] == pytest.approx(expected, rel=1e-12)


def test_directed_statistics_follow_sna():
    D = _graph(True)
    n = D.number_of_nodes()
    A = nx.to_numpy_array(D, nodelist=range(n))
    deg = A.sum(0) + A.sum(1)
    dc = (deg.max() - deg).sum() / ((n - 1) * (2 * (n - 1) - 2))
    b = np.array(list(nx.betweenness_centrality(D, normalized=False).values()))
    bc = (b.max() - b).sum() / ((n - 1) ** 2 * (n - 2))
    A2 = A @ A
    trans = (A * A2).sum() / (A2.sum() - np.trace(A2))
    for name, expected in [
        ("degree_centralization", dc),
        ("betweenness_centralization", bc),
        ("transitivity", trans),
    ]:
        r = cug_test(D, name, draws=5, seed=1)
        assert r.loc[name, "observed"] == pytest.approx(expected, rel=1e-12)
        assert r.attrs["directed"] is True


@pytest.mark.parametrize("directed", [False, True])
def test_null_models_keep_what_they_condition_on(directed):
    G = _graph(directed)
    m = G.number_of_edges()

    def ties(A):
        return A.sum() if directed else A.sum() / 2

    def mutual(A):
        return np.triu(A * A.T, 1).sum()

    r = cug_test(G, ties, conditioning="edges", draws=30, seed=2)
    assert r.loc["ties", ["observed", "null_mean", "null_sd"]].tolist() == [m, m, 0]
    assert r.loc["ties", ["p_greater", "p_less"]].tolist() == [1.0, 1.0]
    size = cug_test(G, ties, conditioning="size", draws=200, seed=2)
    possible = 25 * 24 / (1 if directed else 2)
    assert size.loc["ties", "null_mean"] == pytest.approx(possible / 2, rel=0.02)
    if directed:
        H = G.copy()
        H.add_edges_from([(v, u) for u, v in list(G.edges)[:10]])
        obs = mutual(nx.to_numpy_array(H))
        c = cug_test(H, mutual, conditioning="dyad_census", draws=30, seed=2)
        assert c.loc["mutual", ["null_mean", "null_sd"]].tolist() == [obs, 0]
        e = cug_test(H, mutual, conditioning="edges", draws=30, seed=2)
        assert e.loc["mutual", "null_sd"] > 0


def test_clustered_network_is_unusual_and_seed_reproducible():
    G = nx.connected_caveman_graph(5, 5)
    a = cug_test(G, "transitivity", draws=100, seed=3)
    b = cug_test(G, "transitivity", draws=100, seed=np.random.default_rng(3))
    pd.testing.assert_frame_equal(a, b)
    assert a.loc["transitivity", "p_greater"] == 0.0
    assert a.attrs == {"conditioning": "edges", "directed": False, "n_actors": 25, "n_ties": 50}


def test_cug_ei_index_and_errors():
    G = nx.connected_caveman_graph(4, 5)
    nx.set_node_attributes(G, {v: f"cave{v // 5}" for v in G}, "type")
    r = cug_test(G, "ei_index", attribute="type", draws=100, seed=1)
    assert r.loc["ei_index", "observed"] == pytest.approx((4 - 36) / 40)
    assert r.loc["ei_index", "p_less"] == 0.0
    with pytest.raises(AnalysisError, match="attribute="):
        cug_test(G, "ei_index")
    with pytest.raises(AnalysisError, match="statistic must be one of"):
        cug_test(G, "diameter")
    with pytest.raises(AnalysisError, match="conditioning"):
        cug_test(G, "density", conditioning="ties")
    with pytest.raises(AnalysisError, match="3 actors"):
        cug_test(nx.path_graph(3), "density")


# ----------------------------------------------------------------------------- E-I
def test_ei_index_by_hand_and_exact_expectation():
    # two groups of three, ties: a-b, a-c (within), a-d, b-e (between), d-e (within)
    G = nx.Graph([("a", "b"), ("a", "c"), ("a", "d"), ("b", "e"), ("d", "e")])
    G.add_node("f")
    groups = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y", "f": "y"}
    r = ei_test(G, groups, permutations=2000, seed=1)
    row = r.loc["ei_index"]
    assert row["observed"] == pytest.approx((2 - 3) / 5)
    assert (row["external"], row["internal"]) == (2, 3)
    # exact expectation and tail shares over all 720 labellings
    nodes = list(G)
    labels = [groups[v] for v in nodes]
    values = []
    for perm in itertools.permutations(labels):
        g = dict(zip(nodes, perm, strict=True))
        e = sum(g[u] != g[v] for u, v in G.edges)
        values.append((2 * e - 5) / 5)
    values = np.array(values)
    assert row["expected"] == pytest.approx(values.mean(), abs=1e-12)
    N = 2000
    for col, p in [
        ("p_greater", np.mean(values >= row["observed"] - 1e-12)),
        ("p_less", np.mean(values <= row["observed"] + 1e-12)),
    ]:
        assert abs(row[col] - p) <= 3 * np.sqrt(p * (1 - p) / N) + 0.005


def test_ei_missing_labels_weights_and_inputs():
    ids = list("abcdef")
    net = Network(
        actors=pd.DataFrame({"id": ids, "type": ["x", "x", "y", "y", None, "y"]}),
        ties=pd.DataFrame(
            {
                "source": ["a", "a", "c", "e", "b"],
                "target": ["b", "c", "d", "a", "f"],
                "intensity": [3, 1, 1, 5, 2],
            }
        ),
    )
    r = ei_test(net, "type", permutations=50, seed=1)
    # e has no type: its tie leaves; a-b, c-d within; a-c, b-f between
    assert r.loc["ei_index", ["external", "internal", "observed"]].tolist() == [2, 2, 0]
    w = ei_test(net, "type", permutations=50, seed=1, weight="weight")
    assert w.loc["ei_index", ["external", "internal"]].tolist() == [3, 4]
    A = nx.to_numpy_array(net.to_networkx(), nodelist=ids, weight=None)
    a = ei_test(A, ["x", "x", "y", "y", None, "y"], permutations=50, seed=1)
    pd.testing.assert_frame_equal(a, r)


def test_ei_errors():
    G = nx.path_graph(5)
    with pytest.raises(AnalysisError, match="same group"):
        ei_test(G, dict.fromkeys(G, "x"))
    with pytest.raises(AnalysisError, match="no tie"):
        ei_test(nx.empty_graph(5), {v: v % 2 for v in range(5)})
    with pytest.raises(AnalysisError, match="mapping"):
        ei_test(nx.to_numpy_array(G), "type")
    with pytest.raises(AnalysisError, match="at least 4"):
        ei_test(G, {0: "a", 1: "b", 2: "a"})
