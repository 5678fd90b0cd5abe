"""Exact structural shortcuts: folded trees for closeness, integer lengths, the shared cache."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp

from quartiernetz.descriptives import summary
from quartiernetz.roles import _kernels as K
from quartiernetz.roles import catalysts
from quartiernetz.roles._decompose import closeness_folded, fold_pendants
from quartiernetz.roles._graph import prepare


def _lengths(W: sp.csr_array, weighted: bool) -> sp.csr_array:
    L = W.copy()
    L.data = 1.0 / L.data if weighted else np.ones_like(L.data)
    return L


def _random_tree(n: int, seed: int) -> nx.Graph:
    rng = np.random.default_rng(seed)
    G = nx.Graph()
    G.add_node(0)
    for v in range(1, n):
        G.add_edge(v, int(rng.integers(0, v)))
    return G


def _many_pendants(seed: int) -> nx.Graph:
    rng = np.random.default_rng(seed)
    G = nx.gnp_random_graph(15, 0.3, seed=seed)
    for i in range(40):  # leaves on the core and on earlier leaves (trees of depth > 1)
        G.add_edge(100 + i, int(rng.integers(0, 15)) if i < 20 else 100 + int(rng.integers(0, i)))
    return G


def _many_articulation_points(seed: int) -> nx.Graph:
    # cycles and cliques chained at single actors, plus pendants, two isolates, a pair
    G = nx.Graph()
    rng = np.random.default_rng(seed)
    last = 0
    for b in range(6):
        size = int(rng.integers(3, 6))
        block = nx.cycle_graph(size) if b % 2 else nx.complete_graph(size)
        block = nx.relabel_nodes(block, {i: last + i for i in range(size)})
        G.update(block)
        last += size - 1
        G.add_edge(last, 1000 + b)
    G.add_nodes_from([2000, 2001])
    G.add_edge(3000, 3001)
    return G


GRAPHS = {
    "tree": lambda s: _random_tree(40, s),
    "pendants": _many_pendants,
    "articulation": _many_articulation_points,
    "one_block": lambda s: nx.gnp_random_graph(30, 0.3, seed=s),
    "sparse": lambda s: nx.gnp_random_graph(50, 0.04, seed=s),
}


@pytest.mark.parametrize("kind", list(GRAPHS))
@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("weighted", [False, True])
def test_folded_closeness_equals_plain_dijkstra(kind, seed, weighted):
    G = GRAPHS[kind](seed)
    rng = np.random.default_rng(seed)
    for u, v in G.edges:
        G[u][v]["weight"] = float(rng.choice([1, 2, 3, 5]))
    prep = prepare(G, weight="weight" if weighted else None)
    got = closeness_folded(_lengths(prep.W, weighted))
    want = K.closeness_dijkstra(prep.W, weighted=weighted)
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)
    # and the public kernel (which uses it for undirected networks) equals networkx
    ref = nx.closeness_centrality(prep.G, distance=None if not weighted else _inverse(prep.G))
    np.testing.assert_allclose(
        K.closeness(prep.W, weighted=weighted), [ref[v] for v in prep.nodes], atol=1e-9
    )


def _inverse(G: nx.Graph) -> str:
    for _, _, d in G.edges(data=True):
        d["length"] = 1.0 / d["weight"]
    return "length"


def test_folding_of_a_tree_leaves_one_root_with_every_actor():
    G = _random_tree(25, 3)
    prep = prepare(G)
    fold = fold_pendants(_lengths(prep.W, False))
    assert fold.kept.sum() == 1
    root = int(np.flatnonzero(fold.kept)[0])
    assert fold.size[root] == 25
    dist = nx.single_source_shortest_path_length(prep.G, prep.nodes[root])
    assert fold.depth_sum[root] == sum(dist.values())


def test_folding_keeps_the_two_core():
    G = _many_pendants(1)
    prep = prepare(G)
    fold = fold_pendants(_lengths(prep.W, False))
    core = set(nx.k_core(prep.G, 2))
    kept = {prep.nodes[i] for i in np.flatnonzero(fold.kept)}
    assert kept == core
    assert fold.size[fold.kept].sum() == prep.n


def test_integer_lengths_are_exact_multiples():
    W = sp.csr_array(np.array([[0, 2.0, 4.0], [2.0, 0, 3.0], [4.0, 3.0, 0]]))
    lengths = K.integer_lengths(W)
    np.testing.assert_array_equal(lengths * W.data, np.full(W.nnz, 12.0))
    W2 = W.copy()
    W2.data = W2.data / 10  # 0.2, 0.4, 0.3: one decimal place
    np.testing.assert_array_equal(K.integer_lengths(W2), lengths)
    W3 = W.copy()
    W3.data = np.sqrt(W3.data)
    assert K.integer_lengths(W3) is None
    W4 = W.copy()
    W4.data = np.array([2.0, 3.0**20, 2.0, 5.0**14, 3.0**20, 5.0**14])
    assert K.integer_lengths(W4) is None  # least common multiple above the limit


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("directed", [False, True])
def test_compiled_weighted_betweenness_equals_python_kernel(seed, directed):
    rng = np.random.default_rng(seed)
    G = nx.gnp_random_graph(30, 0.12, seed=seed, directed=directed)
    for u, v in G.edges:
        G[u][v]["weight"] = int(rng.choice([1, 2, 3, 5, 6, 7, 10]))
    prep = prepare(G, weight="weight")
    got = K.betweenness_weighted_compiled(prep.W)
    assert got is not None
    np.testing.assert_allclose(got, K.betweenness_brandes(prep.W, weighted=True), atol=1e-9)


def test_compiled_weighted_betweenness_keeps_equal_float_paths():
    # s-a-b-t (1 + 1/3 + 1) and s-c-d-t (1 + 1 + 1/3) are equally short
    G = nx.Graph()
    for u, v, w in [("s", "a", 1), ("a", "b", 3), ("b", "t", 1), ("s", "c", 1), ("c", "d", 1)]:
        G.add_edge(u, v, weight=w)
    G.add_edge("d", "t", weight=3)
    prep = prepare(G, weight="weight")
    raw = K.betweenness_weighted_compiled(prep.W)
    b = dict(zip(prep.nodes, raw / ((prep.n - 1) * (prep.n - 2)), strict=True))
    assert b["s"] == pytest.approx(0.15, abs=1e-12)
    assert b["b"] == pytest.approx(0.25, abs=1e-12)


def test_irrational_strengths_fall_back_to_the_python_kernel():
    G = nx.cycle_graph(7)
    for i, (u, v) in enumerate(G.edges):
        G[u][v]["weight"] = np.sqrt(i + 2)
    prep = prepare(G, weight="weight")
    assert K.betweenness_weighted_compiled(prep.W) is None
    K.clear_betweenness_cache()
    np.testing.assert_allclose(
        K.betweenness(prep.W, weighted=True), K.betweenness_brandes(prep.W, weighted=True)
    )


def test_summary_and_catalysts_share_one_betweenness(monkeypatch):
    calls = []
    plain = K._betweenness

    def counting(W, *, weighted):
        calls.append(weighted)
        return plain(W, weighted=weighted)

    monkeypatch.setattr(K, "_betweenness", counting)
    K.clear_betweenness_cache()
    G = nx.relabel_nodes(nx.les_miserables_graph(), str)
    table = catalysts(G)
    s = summary(G)
    assert calls == [False]
    b = table["betweenness"].to_numpy()
    assert s.loc["betweenness_centralization", "value"] == pytest.approx(
        (b.max() - b).sum() / (len(b) - 1)
    )
    # a changed network is computed anew
    G.remove_edge(*next(iter(G.edges)))
    catalysts(G)
    assert calls == [False, False]


def test_cache_returns_copies():
    K.clear_betweenness_cache()
    W = prepare(nx.path_graph(5)).W
    first = K.betweenness(W, weighted=False)
    first[:] = -1
    np.testing.assert_allclose(K.betweenness(W, weighted=False), [0, 6, 8, 6, 0])


def test_started_betweenness_runs_in_the_worker_and_equals_the_plain_run(monkeypatch):
    monkeypatch.setattr(K, "INTERRUPTIBLE_SECONDS", 0.0)  # every call counts as long
    K.clear_betweenness_cache()
    G = nx.gnp_random_graph(60, 0.08, seed=2)
    W = prepare(G).W
    with K.betweenness_start(W, weighted=False) as pending:
        assert pending._proc is not None  # started at once, before the result is asked for
        closeness = K.closeness(W, weighted=False)
        raw = pending.result()
    ref = nx.betweenness_centrality(G, normalized=False)
    np.testing.assert_allclose(raw, [2 * ref[v] for v in G], atol=1e-9)
    assert len(closeness) == 60
    # now cached: no worker starts
    with K.betweenness_start(W, weighted=False) as again:
        assert again._proc is None
        np.testing.assert_allclose(again.result(), raw)


def test_leaving_the_block_stops_the_worker(monkeypatch):
    monkeypatch.setattr(K, "INTERRUPTIBLE_SECONDS", 0.0)
    K.clear_betweenness_cache()
    W = prepare(nx.gnp_random_graph(60, 0.08, seed=3)).W
    with pytest.raises(RuntimeError), K.betweenness_start(W, weighted=False) as pending:
        proc = pending._proc
        raise RuntimeError("stop")
    assert proc is not None and proc.poll() is not None


def test_catalysts_with_the_worker_equal_catalysts_without(monkeypatch):
    G = nx.relabel_nodes(nx.les_miserables_graph(), str)
    K.clear_betweenness_cache()
    plain = catalysts(G)
    K.clear_betweenness_cache()
    monkeypatch.setattr(K, "INTERRUPTIBLE_SECONDS", 0.0)
    started = catalysts(G)
    np.testing.assert_allclose(
        started[["betweenness", "closeness"]].to_numpy(),
        plain[["betweenness", "closeness"]].to_numpy(),
        atol=1e-12,
    )


@pytest.mark.parametrize("weighted", [False, True])
def test_folded_closeness_without_networkit_uses_scipy(monkeypatch, weighted):
    import sys

    G = _many_articulation_points(2)
    for i, (u, v) in enumerate(G.edges):
        G[u][v]["weight"] = float(1 + i % 3)
    prep = prepare(G, weight="weight" if weighted else None)
    want = closeness_folded(_lengths(prep.W, weighted))
    monkeypatch.setitem(sys.modules, "networkit", None)  # import networkit raises ImportError
    got = closeness_folded(_lengths(prep.W, weighted))
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(got, K.closeness_dijkstra(prep.W, weighted=weighted), atol=1e-12)
