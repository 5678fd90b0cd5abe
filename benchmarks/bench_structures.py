"""Benchmark: structural equivalence ("ties" duplicates) and suggestions at programme scale.

Generates a seeded network like the federal multi-generation house programme (about 500
houses with about 50 cooperation partners each, 25,000 actors in all), with partners
of seven types, partners shared between houses (a few very popular ones, such as job
centres), ties among the partners of one house, and a municipal hub tied to every
house; and, for comparison, a power-law cluster graph of the same size. Then times
``duplicates(..., kinds="ties")``, the underlying ``structural_equivalence``,
``suggest_ties`` and one Louvain run of ``communities``.

Run::

    python benchmarks/bench_structures.py            # 25,000 actors
    python benchmarks/bench_structures.py --actors 5000 --skip-communities --memory
"""

from __future__ import annotations

import argparse
import time
import tracemalloc

import networkx as nx
import numpy as np

from quartiernetz.structures import communities, duplicates, suggest_ties
from quartiernetz.structures.duplication import structural_equivalence

__all__ = ["house_network", "hub_network", "powerlaw_network", "main"]

PARTNER_TYPES = [
    "Verein",
    "Unternehmen",
    "Verwaltung",
    "Schule",
    "Kita",
    "Wohlfahrtsverband",
    "Initiative",
]


def house_network(n_actors: int = 25_000, *, partners: int = 50, seed: int = 1) -> nx.Graph:
    """Houses (about 1 in 50 actors) with ``partners`` partners each; see the module text."""
    rng = np.random.default_rng(seed)
    n_houses = max(2, n_actors // (partners + 1))
    n_partners = n_actors - n_houses - 1
    G = nx.Graph()
    G.add_node("stadt", type="Verwaltung")
    houses = [f"mgh{h:04d}" for h in range(n_houses)]
    G.add_nodes_from(houses, type="Mehrgenerationenhaus")
    names = [f"p{p:05d}" for p in range(n_partners)]
    types = rng.choice(PARTNER_TYPES, size=n_partners, p=[0.3, 0.25, 0.1, 0.1, 0.1, 0.1, 0.05])
    G.add_nodes_from((n, {"type": str(t)}) for n, t in zip(names, types, strict=True))
    # each partner has a home house; some partners also work with other houses
    home = np.arange(n_partners) % n_houses
    popular = rng.choice(n_partners, size=max(1, n_partners // 500), replace=False)
    for h, house in enumerate(houses):
        G.add_edge("stadt", house)
        own = np.flatnonzero(home == h)
        for p in own:
            G.add_edge(house, names[p])
        # a few ties among the partners of the house
        for _ in range(len(own) // 2):
            a, b = rng.choice(own, size=2, replace=False)
            G.add_edge(names[a], names[b])
        # partners of other houses, popular ones more often
        for p in rng.choice(n_partners, size=3, replace=False):
            G.add_edge(house, names[p])
        for p in rng.choice(popular, size=min(3, len(popular)), replace=False):
            G.add_edge(house, names[p])
    return G


def powerlaw_network(n_actors: int = 25_000, *, seed: int = 1) -> nx.Graph:
    """Holme–Kim power-law cluster graph (m=3, p=0.3) with random actor types."""
    rng = np.random.default_rng(seed)
    G = nx.powerlaw_cluster_graph(n_actors, 3, 0.3, seed=seed)
    types = rng.choice(PARTNER_TYPES, size=n_actors)
    nx.set_node_attributes(G, {n: str(t) for n, t in zip(G.nodes, types, strict=True)}, "type")
    return G


MEASURE_MEMORY = False


def hub_network(n_actors: int = 25_000, *, seed: int = 1) -> nx.Graph:
    """The house programme plus one office that every actor names as a partner."""
    G = house_network(n_actors - 1, seed=seed)
    G.add_node("jobcenter", type="Verwaltung")
    G.add_edges_from(("jobcenter", n) for n in list(G.nodes) if n != "jobcenter")
    return G


def timed(label: str, func, *args, **kwargs):
    if MEASURE_MEMORY:
        tracemalloc.start()
    t0 = time.perf_counter()
    result = func(*args, **kwargs)
    seconds = time.perf_counter() - t0
    text = f"  {label:<44s} {seconds:7.2f} s"
    if MEASURE_MEMORY:
        text += f"   peak {tracemalloc.get_traced_memory()[1] / 2**20:7.1f} MiB"
        tracemalloc.stop()
    print(text, flush=True)
    return result, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--actors", type=int, default=25_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip-communities", action="store_true")
    parser.add_argument(
        "--memory",
        action="store_true",
        help="also report peak Python memory (tracemalloc; slows pure-Python code)",
    )
    args = parser.parse_args(argv)
    global MEASURE_MEMORY
    MEASURE_MEMORY = args.memory
    scenarios = (
        ("house programme", house_network),
        ("house programme + hub", hub_network),
        ("power-law cluster", powerlaw_network),
    )
    for name, make in scenarios:
        t0 = time.perf_counter()
        G = make(args.actors, seed=args.seed)
        degrees = np.array([d for _, d in G.degree()])
        print(
            f"{name}: {G.number_of_nodes()} actors, {G.number_of_edges()} ties, "
            f"max degree {degrees.max()}, built in {time.perf_counter() - t0:.1f} s",
            flush=True,
        )
        d, _ = timed('duplicates(G, kinds="ties")', duplicates, G, kinds="ties")
        print(f"    -> {len(d)} pairs with Jaccard >= 0.6 and >= 2 shared partners")
        order = sorted(G.nodes)
        A = nx.to_scipy_sparse_array(G, nodelist=order, format="csr")
        groups = [G.nodes[n]["type"] for n in order]
        pairs, _ = timed(
            "structural_equivalence(A, types, 0.6)",
            structural_equivalence,
            A,
            groups,
            min_similarity=0.6,
        )
        pairs, _ = timed(
            "structural_equivalence(A, types, 0.3)",
            structural_equivalence,
            A,
            groups,
            min_similarity=0.3,
        )
        print(f"    -> {len(pairs)} pairs with Jaccard >= 0.3")
        timed("suggest_ties(G, n=10)", suggest_ties, G, n=10)
        if not args.skip_communities:
            c, _ = timed("communities(G, seed=1)", communities, G, seed=1)
            print(f"    -> {c.nunique()} communities, modularity {c.attrs['modularity']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
