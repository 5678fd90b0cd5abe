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


def _force_folding(monkeypatch) -> None:
    """Fold whenever anything folds: small test graphs would otherwise not pay."""
    from quartiernetz.roles import _decompose

    monkeypatch.setattr(_decompose, "FOLD_MIN_SHARE", 0.0)
    monkeypatch.setattr(_decompose, "FOLD_MIN_WORK", 0.0)
    monkeypatch.setattr(_decompose, "FOLD_CORRECTION_COST", 0.0)


def _networkx_raw(G: nx.Graph, nodes: list, weighted: bool) -> np.ndarray:
    """networkx's raw betweenness over ordered pairs (lengths 1 / weight when weighted)."""
    ref = nx.betweenness_centrality(G, normalized=False, weight=_inverse(G) if weighted else None)
    return np.array([2.0 * ref[v] for v in nodes])


@pytest.mark.parametrize("kind", list(GRAPHS))
@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("weighted", [False, True])
def test_folded_betweenness_equals_plain_brandes(monkeypatch, kind, seed, weighted):
    from quartiernetz.roles._decompose import plan_betweenness

    _force_folding(monkeypatch)
    G = GRAPHS[kind](seed)
    rng = np.random.default_rng(seed)
    for u, v in G.edges:
        G[u][v]["weight"] = float(rng.choice([1, 2, 3, 5]))
    prep = prepare(G, weight="weight" if weighted else None)
    plan = plan_betweenness(prep.W, weighted=weighted)
    if kind == "one_block" and seed < 3:  # dense: nothing to fold, no plan
        assert plan is None or plan.fold.kept.all()
    want = K.betweenness_brandes(prep.W, weighted=weighted)
    if not weighted:  # networkx compares float path sums with ==; the kernel with a tolerance
        np.testing.assert_allclose(want, _networkx_raw(prep.G, prep.nodes, False), atol=1e-9)
    if plan is not None:
        assert not plan.fold.kept.all()
        for batch in (1, 3, None):  # batches of the vectorised correction change nothing
            got = plan.combine(K._betweenness_plain(plan.reduced, weighted=weighted), batch=batch)
            np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-9)
    K.clear_betweenness_cache()
    np.testing.assert_allclose(K.betweenness(prep.W, weighted=weighted), want, atol=1e-9)


def test_folded_betweenness_of_a_star_with_trees_and_isolates(monkeypatch):
    from quartiernetz.roles._decompose import plan_betweenness

    _force_folding(monkeypatch)
    G = nx.cycle_graph(5)
    G.add_edges_from([(0, 10), (10, 11), (10, 12), (12, 13), (2, 20)])  # trees on the cycle
    G.add_edges_from([(30, 31), (31, 32)])  # a tree component (folds to one root)
    G.add_nodes_from([40, 41])  # isolates
    prep = prepare(G)
    plan = plan_betweenness(prep.W, weighted=False)
    assert plan is not None
    assert plan.fold.kept.sum() == 5 + 1 + 2
    got = plan.combine(K._betweenness_plain(plan.reduced, weighted=False))
    np.testing.assert_allclose(got, _networkx_raw(prep.G, prep.nodes, False), atol=1e-9)


def test_folding_is_not_used_for_directed_networks_or_irrational_strengths(monkeypatch):
    from quartiernetz.roles._decompose import plan_betweenness

    _force_folding(monkeypatch)
    D = nx.gnp_random_graph(20, 0.1, seed=1, directed=True)
    assert plan_betweenness(prepare(D).W, weighted=False) is None
    G = _many_pendants(0)
    for i, (u, v) in enumerate(G.edges):
        G[u][v]["weight"] = np.sqrt(i + 2)
    assert plan_betweenness(prepare(G, weight="weight").W, weighted=True) is None


def test_folding_pays_only_with_many_pendants_and_few_correction_sources(monkeypatch):
    from quartiernetz.roles import _decompose
    from quartiernetz.roles._decompose import plan_betweenness

    monkeypatch.setattr(_decompose, "FOLD_MIN_WORK", 0.0)

    # a dense core with one pendant: too little folds away
    G = nx.gnp_random_graph(200, 0.05, seed=0)
    G.add_edge(0, 999)
    assert plan_betweenness(prepare(G).W, weighted=False) is None
    # a core with long hanging paths on a few actors: folding pays
    for k in range(5):
        nx.add_path(G, [k] + [1000 + 100 * k + i for i in range(60)])
    assert plan_betweenness(prepare(G).W, weighted=False) is not None


def test_started_betweenness_folds_in_the_worker(monkeypatch):
    _force_folding(monkeypatch)
    monkeypatch.setattr(K, "INTERRUPTIBLE_SECONDS", 0.0)
    K.clear_betweenness_cache()
    G = _many_pendants(2)
    W = prepare(G).W
    with K.betweenness_start(W, weighted=False) as pending:
        assert pending._proc is not None and pending._plan is not None
        raw = pending.result()
    np.testing.assert_allclose(raw, K.betweenness_brandes(W, weighted=False), atol=1e-9)


def test_small_networks_keep_the_plain_engine():
    from quartiernetz.roles._decompose import plan_betweenness

    G = _many_pendants(0)  # folds well, but visits far fewer arcs than FOLD_MIN_WORK
    assert plan_betweenness(prepare(G).W, weighted=False) is None


def test_eigenvector_is_the_same_in_every_run():
    # above 64 actors ARPACK runs; its default start vector is random
    G = nx.connected_watts_strogatz_graph(300, 6, 0.2, seed=4)
    W = prepare(G).W
    first = K.leading_eigenvector(W)
    for _ in range(3):
        np.testing.assert_array_equal(K.leading_eigenvector(W), first)


def test_started_weighted_betweenness_runs_in_a_thread_and_equals_the_plain_run(monkeypatch):
    pytest.importorskip("networkit")
    _force_folding(monkeypatch)
    monkeypatch.setattr(K, "INTERRUPTIBLE_SECONDS", 0.0)
    K.clear_betweenness_cache()
    G = _many_pendants(3)
    rng = np.random.default_rng(3)
    for u, v in G.edges:
        G[u][v]["weight"] = float(rng.choice([1, 2, 3, 5]))
    W = prepare(G, weight="weight").W
    with K.betweenness_start(W, weighted=True) as pending:
        assert pending._thread is not None and pending._plan is not None
        raw = pending.result()
    np.testing.assert_allclose(raw, K.betweenness_brandes(W, weighted=True), atol=1e-9)


def _block_tree(seed: int, *, pendants: bool) -> nx.Graph:
    """Blocks hanging on blocks (cycles, cliques, random 2-connected pieces) at single actors."""
    rng = np.random.default_rng(seed)
    G = nx.cycle_graph(4)
    nxt = 4
    for _ in range(int(rng.integers(6, 12))):
        at = int(rng.choice(list(G.nodes)))
        kind = int(rng.integers(0, 3))
        size = int(rng.integers(3, 7))
        if kind == 0:
            block = nx.cycle_graph(size)
        elif kind == 1:
            block = nx.complete_graph(size)
        else:
            block = nx.cycle_graph(size)  # a cycle with chords: 2-connected, several paths
            for _ in range(2):
                u, v = rng.choice(size, 2, replace=False)
                block.add_edge(int(u), int(v))
        mapping = {0: at, **{i: nxt + i - 1 for i in range(1, size)}}
        nxt += size - 1
        G.update(nx.relabel_nodes(block, mapping))
        if rng.random() < 0.3:  # a bridge to the next block
            G.add_edge(at, nxt)
            nxt += 1
    if pendants:
        for _ in range(8):
            G.add_edge(int(rng.choice(list(G.nodes))), nxt)
            nxt += 1
    G.add_edges_from([(9000, 9001), (9001, 9002), (9002, 9000)])  # a second component
    G.add_node(9500)
    return G


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("pendants", [False, True])
@pytest.mark.parametrize("weighted", [False, True])
def test_block_decomposition_equals_plain_brandes(monkeypatch, seed, pendants, weighted):
    from quartiernetz.roles._decompose import plan_betweenness

    _force_folding(monkeypatch)
    G = _block_tree(seed, pendants=pendants)
    rng = np.random.default_rng(seed)
    for u, v in G.edges:
        G[u][v]["weight"] = float(rng.choice([1, 2, 3, 5]))
    prep = prepare(G, weight="weight" if weighted else None)
    plan = plan_betweenness(prep.W, weighted=weighted)
    assert plan is not None
    core = prep.G.subgraph([prep.nodes[i] for i in np.flatnonzero(plan.fold.kept)])
    assert plan.blocks == sum(1 for _ in nx.biconnected_components(core)) > 2
    want = K.betweenness_brandes(prep.W, weighted=weighted)
    if not weighted:
        np.testing.assert_allclose(want, _networkx_raw(prep.G, prep.nodes, False), atol=1e-9)
    for batch in (1, 4, None):
        got = plan.combine(K._betweenness_plain(plan.reduced, weighted=weighted), batch=batch)
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-9)
    K.clear_betweenness_cache()
    np.testing.assert_allclose(K.betweenness(prep.W, weighted=weighted), want, atol=1e-9)


@pytest.mark.parametrize("seed", range(6))
def test_blocks_and_pieces_agree_with_networkx(seed):
    from quartiernetz.roles._decompose import reduced_blocks

    G = _block_tree(seed, pendants=False)
    prep = prepare(G)
    R = prep.W.copy()
    w = np.ones(prep.n)
    sizes = {v: len(c) for c in nx.connected_components(prep.G) for v in c}
    total = np.array([float(sizes[v]) for v in prep.nodes])
    got = reduced_blocks(R, w, total)
    want = {frozenset(b) for b in nx.biconnected_components(prep.G)}  # bridges too
    assert {frozenset(prep.nodes[i] for i in m) for m in got.members} == want
    pos = {v: i for i, v in enumerate(prep.nodes)}
    for members, reach in zip(got.members, got.reach, strict=True):
        block = {prep.nodes[i] for i in members}
        for i, r in zip(members.tolist(), reach.tolist(), strict=True):
            # actors reachable from x without entering the block elsewhere
            H = prep.G.copy()
            H.remove_nodes_from(block - {prep.nodes[i]})
            assert r == len(nx.node_connected_component(H, prep.nodes[i]))
    for v in prep.nodes:  # pairs of pieces that only v joins
        H = prep.G.copy()
        H.remove_node(v)
        pieces = [len(c) for c in nx.connected_components(H) if c & set(prep.G[v])]
        expected = (sum(pieces) ** 2 - sum(p * p for p in pieces)) / 2
        assert got.pieces_sq[pos[v]] == expected


def test_many_small_blocks_share_correction_calls(monkeypatch):
    from quartiernetz.roles import _decompose
    from quartiernetz.roles._decompose import plan_betweenness

    _force_folding(monkeypatch)
    monkeypatch.setattr(_decompose, "CHUNK_NODES", 10)
    G = nx.Graph()
    for k in range(30):  # a chain of 30 triangles, each joint an articulation point
        G.add_edges_from([(2 * k, 2 * k + 1), (2 * k + 1, 2 * k + 2), (2 * k + 2, 2 * k)])
    G.add_edges_from([(0, 100), (100, 101), (101, 0)])
    prep = prepare(G)
    plan = plan_betweenness(prep.W, weighted=False)
    assert plan is not None and plan.blocks == 31
    spans = [hi - lo for lo, hi in plan.chunks]
    assert max(spans) <= 10 and sum(spans) == plan.reduced.shape[0] == 93
    got = plan.combine(K._betweenness_plain(plan.reduced, weighted=False))
    np.testing.assert_allclose(got, _networkx_raw(prep.G, prep.nodes, False), atol=1e-9)


def test_a_network_of_trees_only_needs_no_engine(monkeypatch):
    from quartiernetz.roles._decompose import plan_betweenness

    _force_folding(monkeypatch)
    G = nx.disjoint_union(_random_tree(30, 1), _random_tree(12, 2))
    prep = prepare(G)
    plan = plan_betweenness(prep.W, weighted=False)
    assert plan is not None and plan.reduced.shape[0] == 0
    np.testing.assert_allclose(
        plan.combine(np.zeros(0)), _networkx_raw(prep.G, prep.nodes, False), atol=1e-9
    )
    K.clear_betweenness_cache()
    np.testing.assert_allclose(
        K.betweenness(prep.W, weighted=False), _networkx_raw(prep.G, prep.nodes, False), atol=1e-9
    )


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("pendants", [False, True])
@pytest.mark.parametrize("weighted", [False, True])
def test_block_closeness_equals_plain_dijkstra(monkeypatch, seed, pendants, weighted):
    from quartiernetz.roles import _decompose

    G = _block_tree(seed, pendants=pendants)
    rng = np.random.default_rng(seed)
    for u, v in G.edges:
        G[u][v]["weight"] = float(rng.choice([1, 2, 3, 5]))
    prep = prepare(G, weight="weight" if weighted else None)
    L = _lengths(prep.W, weighted)
    calls = []
    split = _decompose._block_distance_sums

    def counting(*args, **kwargs):
        calls.append(1)
        return split(*args, **kwargs)

    monkeypatch.setattr(_decompose, "_block_distance_sums", counting)
    plain = closeness_folded(L)  # small: one search per reduced actor, no blocks
    assert not calls
    _force_folding(monkeypatch)
    got = closeness_folded(L)
    assert calls
    want = K.closeness_dijkstra(prep.W, weighted=weighted)
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(plain, want, rtol=1e-12, atol=1e-12)


def test_block_closeness_without_networkit_uses_scipy(monkeypatch):
    import sys

    _force_folding(monkeypatch)
    G = _block_tree(3, pendants=True)
    prep = prepare(G)
    L = _lengths(prep.W, False)
    monkeypatch.setitem(sys.modules, "networkit", None)
    np.testing.assert_allclose(
        closeness_folded(L), K.closeness_dijkstra(prep.W, weighted=False), atol=1e-12
    )
