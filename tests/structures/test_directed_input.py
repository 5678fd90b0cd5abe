"""Issue 13: a DiGraph made undirected combines both arcs, whatever the node order."""

from __future__ import annotations

import networkx as nx
import numpy as np

from quartiernetz.structures import communities, suggest_ties


def test_communities_of_a_digraph_do_not_depend_on_node_order():
    rng = np.random.default_rng(3)
    base = nx.DiGraph()
    ring = [f"n{i:02d}" for i in range(24)]
    for i, u in enumerate(ring):
        for j in (1, 2, 5):
            v = ring[(i + j) % len(ring)]
            base.add_edge(u, v, weight=float(rng.integers(1, 9)))
            base.add_edge(v, u, weight=float(rng.integers(1, 9)))
    results = []
    for perm_seed in range(4):
        order = list(np.random.default_rng(perm_seed).permutation(ring))
        G = nx.DiGraph()
        G.add_nodes_from(order)
        edges = list(base.edges(data=True))
        for k in np.random.default_rng(perm_seed).permutation(len(edges)):
            u, v, d = edges[k]
            G.add_edge(u, v, **d)
        results.append(communities(G, seed=0).sort_index().tolist())
    assert all(r == results[0] for r in results)


def test_suggestions_of_a_digraph_do_not_depend_on_arc_order():
    def graph(first: tuple[str, str]) -> nx.DiGraph:
        G = nx.DiGraph()
        a, b = first
        G.add_edge(a, b, weight=1.0)
        G.add_edge(b, a, weight=5.0)
        G.add_edges_from([("a", "c", {"weight": 2.0}), ("b", "d", {"weight": 2.0})])
        return G

    one = suggest_ties(graph(("a", "b")), n=5)
    two = suggest_ties(graph(("b", "a")), n=5)
    assert one.equals(two)
