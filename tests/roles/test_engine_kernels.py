"""The compiled-engine kernels agree with networkx and with the pure-Python kernels."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp
from scipy import stats

from quartiernetz.exceptions import AnalysisError
from quartiernetz.roles import _kernels as K
from quartiernetz.roles import catalyst_stability, catalysts
from quartiernetz.roles._graph import prepare
from quartiernetz.roles.index import default_samples
from quartiernetz.roles.removal import distance_fragmentation

pytestmark = pytest.mark.skipif(K.rx is None, reason="rustworkx is not installed")


def _graphs():
    """Small and medium graphs: disconnected, with isolates, trees and directed ones."""
    g1 = nx.gnp_random_graph(60, 0.06, seed=3)
    g1.add_nodes_from(["iso1", "iso2"])
    g2 = nx.powerlaw_cluster_graph(400, 2, 0.3, seed=1)
    g3 = nx.random_labeled_tree(150, seed=2)
    g4 = nx.gnp_random_graph(80, 0.05, seed=4, directed=True)
    g5 = nx.disjoint_union(nx.karate_club_graph(), nx.les_miserables_graph())
    return [g1, g2, g3, g4, g5]


def _in_order(values: dict, nodes: list) -> np.ndarray:
    return np.array([values[v] for v in nodes], dtype=float)


@pytest.mark.parametrize("i", range(5))
def test_engine_betweenness_and_closeness_equal_networkx(i):
    G = _graphs()[i]
    prep = prepare(G)
    n = prep.n
    bc = K.betweenness(prep.W, weighted=False) / ((n - 1) * (n - 2))
    cl = K.closeness(prep.W, weighted=False)
    np.testing.assert_allclose(
        bc, _in_order(nx.betweenness_centrality(prep.G), prep.nodes), rtol=0, atol=1e-9
    )
    np.testing.assert_allclose(
        cl, _in_order(nx.closeness_centrality(prep.G), prep.nodes), rtol=0, atol=1e-9
    )
    # and the pure-Python kernels give the same numbers
    np.testing.assert_allclose(
        bc * (n - 1) * (n - 2), K.betweenness_brandes(prep.W, weighted=False), atol=1e-7
    )
    np.testing.assert_allclose(cl, K.closeness_dijkstra(prep.W, weighted=False), atol=1e-12)


def test_weighted_betweenness_and_closeness_use_inverse_weights():
    G = nx.powerlaw_cluster_graph(120, 2, 0.3, seed=5)
    rng = np.random.default_rng(0)
    for u, v in G.edges:
        G[u][v]["weight"] = int(rng.integers(1, 4))
        G[u][v]["length"] = 1.0 / G[u][v]["weight"]
        # 6 / weight: whole numbers, so networkx finds every equally short path (its
        # float sums of 1/weight can differ in the last digit); betweenness does not
        # change when all lengths are scaled alike
        G[u][v]["whole"] = 6 // G[u][v]["weight"]
    prep = prepare(G, weight="weight")
    n = prep.n
    bc = K.betweenness(prep.W, weighted=True) / ((n - 1) * (n - 2))
    want = nx.betweenness_centrality(G, weight="whole")
    np.testing.assert_allclose(bc, _in_order(want, prep.nodes), atol=1e-9)
    cl = K.closeness(prep.W, weighted=True)
    np.testing.assert_allclose(
        cl, _in_order(nx.closeness_centrality(G, distance="length"), prep.nodes), atol=1e-9
    )


def test_engine_graph_is_built_once_per_matrix():
    prep = prepare(nx.path_graph(5))
    g1 = K.engine_graph(prep.W)
    g2 = K.engine_graph(prep.W)
    assert g1 is g2
    assert g1.num_nodes() == 5 and g1.num_edges() == 4
    other = prepare(nx.path_graph(5))
    assert K.engine_graph(other.W) is not g1


def test_directed_matrix_gives_directed_engine_graph():
    prep = prepare(nx.DiGraph([(0, 1), (1, 2)]))
    g = K.engine_graph(prep.W)
    assert g.num_edges() == 2
    # 1 lies on the one path 0 -> 2; normalised by (n-1)(n-2) = 2
    np.testing.assert_allclose(K.betweenness(prep.W, weighted=False), [0.0, 1.0, 0.0])


def test_brandes_from_all_sources_equals_full_run():
    prep = prepare(nx.karate_club_graph())
    full = K.betweenness_brandes(prep.W, weighted=False)
    part = K.betweenness_brandes(prep.W, weighted=False, sources=list(range(prep.n)))
    np.testing.assert_allclose(full, part)


def test_sampled_betweenness_is_exact_with_all_sources_and_close_with_many():
    G = nx.powerlaw_cluster_graph(600, 2, 0.2, seed=7)
    prep = prepare(G)
    exact = K.betweenness(prep.W, weighted=False)
    rng = np.random.default_rng(0)
    np.testing.assert_allclose(
        K.betweenness_sample(prep.W, weighted=False, k=prep.n, rng=rng), exact
    )
    est = K.betweenness_sample(prep.W, weighted=False, k=300, rng=np.random.default_rng(1))
    top = np.argsort(-exact)[:100]
    assert stats.spearmanr(exact[top], est[top]).statistic > 0.9
    # the same scale as the exact values (raw, ordered pairs)
    assert 0.8 < est.sum() / exact.sum() < 1.2


def test_sampled_betweenness_is_seeded():
    prep = prepare(nx.powerlaw_cluster_graph(300, 2, 0.2, seed=7))
    a = K.betweenness_sample(prep.W, weighted=False, k=50, rng=np.random.default_rng(3))
    b = K.betweenness_sample(prep.W, weighted=False, k=50, rng=np.random.default_rng(3))
    np.testing.assert_array_equal(a, b)


def test_python_sampling_kernel_is_unbiased_scaling():
    # the fallback without networkit: n/k times the dependencies of the sampled sources
    prep = prepare(nx.star_graph(4))  # centre 0 lies on all 4*3 ordered leaf pairs
    rng = np.random.default_rng(0)
    est = K.betweenness_brandes(prep.W, weighted=False, sources=[1, 2]) * (5 / 2)
    assert est[0] == pytest.approx(2 * 3 * 5 / 2)
    assert K.betweenness_sample(prep.W, weighted=False, k=5, rng=rng)[0] == 12.0


def test_catalysts_approximate_mode():
    G = nx.powerlaw_cluster_graph(500, 2, 0.2, seed=11)
    exact = catalysts(G, group=None)
    approx = catalysts(G, group=None, approximate=True, samples=200, seed=0)
    again = catalysts(G, group=None, approximate=True, samples=200, seed=0)
    pd_exact = exact["betweenness"].sort_index()
    pd_approx = approx["betweenness"].sort_index()
    assert stats.spearmanr(pd_exact, pd_approx).statistic > 0.9
    np.testing.assert_array_equal(pd_approx, again["betweenness"].sort_index())
    assert (
        stats.spearmanr(exact["closeness"].sort_index(), approx["closeness"].sort_index())[0] > 0.9
    )
    # everything but betweenness and closeness stays exact
    cols = ["degree", "eigenvector", "effective_size", "constraint", "pairs_disconnected"]
    np.testing.assert_allclose(
        exact.sort_index()[cols].to_numpy(), approx.sort_index()[cols].to_numpy()
    )
    # samples >= n is the exact computation
    full = catalysts(G, group=None, approximate=True, samples=10_000, seed=0)
    np.testing.assert_allclose(full["betweenness"].sort_index(), pd_exact, atol=1e-12)


def test_approximate_options_are_checked():
    G = nx.path_graph(5)
    with pytest.raises(AnalysisError, match="samples applies only"):
        catalysts(G, approximate=False, samples=10)
    with pytest.raises(AnalysisError, match="samples must be"):
        catalysts(G, approximate=True, samples=0)
    assert default_samples(50) == 50
    # many small components: cheap enough to be exact; one large component: sampled
    assert default_samples(40_000, work=40_000 * 300) == 40_000
    assert default_samples(40_000, work=40_000 * 200_000) == 1000
    assert default_samples(40_000, work=40_000 * 20_000) == 2500


def test_stability_replicates_from_sparse_submatrix_match_networkx_subgraph():
    # mode "actors" slices the prepared matrix instead of copying the graph: same matrices
    from quartiernetz.roles.stability import _replicate

    G = nx.les_miserables_graph()
    prep = prepare(G, weight="weight")
    sub = _replicate(prep, "actors", 0.2, np.random.default_rng(4), [], [])
    assert sub.n == prep.n - round(0.2 * prep.n)
    ref = prepare(G.subgraph(sub.nodes).copy(), weight="weight")
    assert sub.nodes == ref.nodes
    assert (sub.W != ref.W).nnz == 0
    st = catalyst_stability(G, n=3, seed=1, group=None)
    assert st.overall.loc["replicates", "value"] == 3


def test_inverse_distance_sum_per_component():
    G = nx.disjoint_union_all([nx.path_graph(3), nx.cycle_graph(5), nx.empty_graph(2)])
    S = sp.csr_array(nx.to_scipy_sparse_array(G))
    # path of 3: 2*(1 + 1 + 1/2) = 5; cycle of 5: each node 2*(1) + 2*(1/2) = 3, so 15
    assert K.inverse_distance_sum(S) == pytest.approx(20.0)
    want = 1 - sum(
        1 / d for u, dd in nx.all_pairs_shortest_path_length(G) for v, d in dd.items() if d
    ) / (10 * 9)
    assert distance_fragmentation(S) == pytest.approx(want)


def test_sampled_closeness_estimates_and_falls_back_to_exact():
    G = nx.disjoint_union(nx.powerlaw_cluster_graph(1500, 2, 0.2, seed=1), nx.path_graph(5))
    G.add_node("iso")
    prep = prepare(G)
    exact = K.closeness(prep.W, weighted=False)
    est = K.closeness_sample(prep.W, weighted=False, k=150, rng=np.random.default_rng(0))
    big = np.arange(1500)
    assert stats.spearmanr(exact[big], est[big]).statistic > 0.95
    np.testing.assert_allclose(est[big], exact[big], rtol=0.1)
    # the path of 5 got fewer than two sampled sources (or all): exact; the isolate 0
    np.testing.assert_allclose(est[1500:], exact[1500:], atol=1e-12)
    # directed networks and k >= n: exact
    D = prepare(nx.gnp_random_graph(50, 0.1, seed=2, directed=True))
    rng = np.random.default_rng(0)
    np.testing.assert_allclose(
        K.closeness_sample(D.W, weighted=False, k=10, rng=rng), K.closeness(D.W, weighted=False)
    )
