"""The fast paths of the tests give what the plain computation gives: every way of
multiplying permuted dyad vectors, the dense betweenness and transitivity kernels, and
the CUG draws split over worker processes."""

from __future__ import annotations

import sys

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from quartiernetz.exceptions import AnalysisError
from quartiernetz.inference import _cug_kernels as kernels
from quartiernetz.inference import cug, cug_test
from quartiernetz.inference._data import Dyads
from quartiernetz.inference.qap import _Movers


@pytest.mark.parametrize("directed", [False, True])
def test_movers_equal_the_plain_products(directed):
    n = 30
    rng = np.random.default_rng(2)
    dy = Dyads(n, directed=directed)
    D = dy.size
    codes = rng.integers(0, 4, n).astype(float)
    years = rng.integers(1950, 2020, n).astype(float)
    sparse = (rng.random(D) < 0.05) * rng.integers(1, 4, D)
    dense = rng.normal(size=D)
    same = (codes[dy.rows] == codes[dy.cols]).astype(float)
    apart = np.abs(years[dy.rows] - years[dy.cols])
    vectors = [sparse, dense, same, apart]
    structures = [None, None, ("same", codes), ("absdiff", years)]
    # constant, sparse (few and many nonzeros) and dense columns
    W = np.column_stack([np.ones(D), sparse[::-1], same, dense, apart, (rng.random(D) < 0.3)])
    movers = _Movers(dy, vectors, W, structures)
    kinds = [movers.constant, movers.fixed, movers.moved, movers.full]
    assert all(kinds), "every way is used"
    perms = np.stack([rng.permutation(n) for _ in range(7)])
    got = movers.times(perms)
    for i, v in enumerate(vectors):
        M = dy.matrix(v)
        for b, p in enumerate(perms):
            expected = dy.vector(M[np.ix_(p, p)]) @ W
            np.testing.assert_allclose(got[i][b], expected, rtol=1e-12, atol=1e-9)


def _graphs():
    yield nx.gnp_random_graph(40, 0.5, seed=1)
    yield nx.gnp_random_graph(40, 0.15, seed=2)
    yield nx.gnp_random_graph(40, 0.3, seed=3, directed=True)
    G = nx.disjoint_union(nx.complete_graph(6), nx.gnp_random_graph(20, 0.4, seed=4))
    G.add_nodes_from(range(26, 30))  # isolates
    yield G
    yield nx.path_graph(12)  # long paths: many distance levels


@pytest.mark.parametrize("G", list(_graphs()), ids=lambda G: f"{G}")
def test_dense_betweenness_and_transitivity_equal_networkx(G):
    n, directed = G.number_of_nodes(), G.is_directed()
    src, dst = (np.array(x, dtype=np.intp) for x in zip(*G.edges, strict=True))
    A = kernels.adjacency(n, directed, src, dst)
    expected = nx.betweenness_centrality(G, normalized=False)
    np.testing.assert_allclose(
        kernels.betweenness_dense(A, directed), [expected[v] for v in range(n)], rtol=1e-12
    )
    A2 = A @ A
    paths = A2.sum() - np.trace(A2)
    assert kernels.transitivity(n, directed, src, dst) == (A * A2).sum() / paths


def test_dense_graphs_take_the_dense_kernels_and_agree_with_networkx():
    G = nx.gnp_random_graph(50, 0.4, seed=5)
    assert kernels.is_dense(50, False, G.number_of_edges())
    b = np.array(list(nx.betweenness_centrality(G, normalized=False).values()))
    top = (50 - 1) ** 2 * (50 - 2) / 2
    r = cug_test(G, "betweenness_centralization", draws=5, seed=1)
    assert r.iloc[0]["observed"] == pytest.approx((b.max() - b).sum() / top, rel=1e-12)
    t = cug_test(G, "transitivity", conditioning="size", draws=5, seed=1)
    assert t.iloc[0]["observed"] == pytest.approx(nx.transitivity(G), rel=1e-12)


def test_betweenness_draws_are_reproducible_to_the_last_digit():
    # rustworkx's parallel Brandes adds in a varying order; the test runs it serially
    G = nx.gnm_random_graph(80, 200, seed=6)
    a = cug_test(G, "betweenness_centralization", draws=20, seed=2)
    b = cug_test(G, "betweenness_centralization", draws=20, seed=2)
    pd.testing.assert_frame_equal(a, b, check_exact=True)


def test_worker_processes_do_not_change_the_result(monkeypatch):
    monkeypatch.setattr(cug, "POOL_FROM", 0.0)  # send even small tests to the workers
    G = nx.gnm_random_graph(40, 90, seed=3)
    D = nx.gnm_random_graph(30, 150, seed=3, directed=True)
    for net, statistic, conditioning in [
        (G, "betweenness_centralization", "edges"),
        (D, "betweenness_centralization", "dyad_census"),
        (G, "transitivity", "size"),
    ]:
        serial = cug_test(net, statistic, conditioning=conditioning, draws=30, seed=4, n_jobs=1)
        pooled = cug_test(net, statistic, conditioning=conditioning, draws=30, seed=4, n_jobs=2)
        pd.testing.assert_frame_equal(serial, pooled, check_exact=True)
    with pytest.raises(AnalysisError, match="n_jobs"):
        cug_test(G, "density", n_jobs=0)


def test_workers_that_fail_leave_their_draws_to_this_process(monkeypatch):
    monkeypatch.setattr(cug, "POOL_FROM", 0.0)
    G = nx.gnm_random_graph(40, 90, seed=3)
    serial = cug_test(G, "betweenness_centralization", draws=25, seed=4, n_jobs=1)
    for command in (
        [sys.executable, "-c", "import sys; sys.exit(3)"],  # dies at once
        [sys.executable, "-c", "import sys; sys.stdin.buffer.read(10)"],  # dies mid-task
        ["/nonexistent/python"],  # does not start
    ):
        monkeypatch.setattr(cug, "_worker_command", lambda c=command: c)
        pooled = cug_test(G, "betweenness_centralization", draws=25, seed=4, n_jobs=2)
        pd.testing.assert_frame_equal(serial, pooled, check_exact=True)
