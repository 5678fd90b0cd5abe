"""Time :func:`quartiernetz.roles` (and its parts) on a seeded quarter-like network.

Run from the repository root::

    python benchmarks/bench_catalysts.py               # 500 actors, block model
    python benchmarks/bench_catalysts.py --n 2000 --graph powerlaw --repeat 1
    python benchmarks/bench_catalysts.py --graph programme --n 27238 --repeat 1 --compare

The network is a stochastic block model with the actor types of a German
quarter (municipality, welfare associations, clubs, initiatives, schools and
day-care, churches, housing companies, businesses): ties are denser within a
type, and the municipality is tied to every type more often. ``--graph
powerlaw`` uses a Holme-Kim power-law cluster graph with random types instead;
``--graph programme`` the connected programme stand-in of ``benchmarks/run.py``
(size ``hard``: ``--n 27238`` gives its 27,238 actors and 51,400 ties, one
component; a smaller ``--n`` scales houses and ties down in proportion).
``--graph city`` joins quarters of 200 actors to a city-wide network of
``n / 10`` actors, each by one actor tied to two of the city's: a network of
many blocks (the case for decomposition at articulation points).
The figure reported is the best of ``--repeat`` runs (wall clock). With
``--compare`` the same run also times the engine's plain exact betweenness alone
(rustworkx, one thread) and, for ``--weight``, networkit's weighted betweenness
alone (lengths ``1 / weight``, one thread), and prints the ratios with the load
average (the machine may be shared: compare the ratios, not absolute times).
"""

from __future__ import annotations

import argparse
import os
import time

import networkx as nx
import numpy as np

import quartiernetz.roles as qc
from quartiernetz.roles._kernels import clear_betweenness_cache

__all__ = ["quarter_graph", "main"]

TYPES = {
    "Kommune": 0.04,
    "Wohlfahrtsverband": 0.12,
    "Verein": 0.30,
    "Initiative": 0.20,
    "Schule/Kita": 0.12,
    "Kirche": 0.06,
    "Wohnungsunternehmen": 0.04,
    "Gewerbe": 0.12,
}


def quarter_graph(n: int = 500, *, graph: str = "sbm", seed: int = 42) -> nx.Graph:
    """A seeded quarter-like network of ``n`` actors with node attribute ``type``."""
    rng = np.random.default_rng(seed)
    names = list(TYPES)
    shares = np.array(list(TYPES.values()))
    sizes = np.floor(shares * n).astype(int)
    sizes[2] += n - sizes.sum()
    if graph == "sbm":
        mean_within, mean_between = 6.0, 2.0  # expected partners per actor
        k = len(sizes)
        p = np.zeros((k, k))
        for a in range(k):
            for b in range(k):
                if a == b:
                    p[a, b] = min(1.0, mean_within / max(sizes[a] - 1, 1))
                else:
                    p[a, b] = mean_between / n
        p[0, :] = p[:, 0] = np.minimum(1.0, 3 * p[0, :])
        G = nx.stochastic_block_model(sizes.tolist(), p.tolist(), seed=seed)
        types = np.repeat(names, sizes)
    elif graph == "powerlaw":
        G = nx.powerlaw_cluster_graph(n, 3, 0.3, seed=seed)
        types = rng.choice(names, size=n, p=shares / shares.sum())
    elif graph == "programme":
        from quartiernetz.datasets import mgh_programme

        # n = 27,238 gives the stand-in itself; smaller n scale it down
        houses = max(1, round(n * 1000 / 27_238))
        ties = round(n * 51_400 / 27_238)
        net = mgh_programme(
            wave=2011, n_houses=houses, partner_ties=ties, n_regions=1, shared_partner_rate=0.5
        )
        G = net.to_networkx(weight="weight")
        return G
    elif graph == "city":
        # quarters of 200 actors (block models as above) hanging on a city-wide network of
        # n / 10 actors (power-law cluster) by one actor each, their Quartiersmanagement,
        # tied to two actors of the city network: each quarter is a block of its own
        core = max(10, n // 10)
        C = nx.powerlaw_cluster_graph(core, 3, 0.3, seed=seed)
        G = nx.Graph(C)
        types_of = dict.fromkeys(C, "Kommune")
        for q in range((n - core) // 200):
            Q = quarter_graph(200, graph="sbm", seed=seed + 1 + q)
            Q = Q.subgraph(max(nx.connected_components(Q), key=len))
            off = G.number_of_nodes()
            Q = nx.relabel_nodes(Q, {v: off + i for i, v in enumerate(Q)})
            G.update(Q)
            types_of.update(nx.get_node_attributes(Q, "type"))
            manager = off  # the quarter's first actor: its Quartiersmanagement
            for c in rng.choice(core, size=2, replace=False):
                G.add_edge(manager, int(c))
        types = np.array([types_of[v] for v in G])
    else:
        raise SystemExit(f"--graph must be 'sbm', 'powerlaw', 'programme' or 'city', got {graph!r}")
    G = nx.Graph(G)
    nx.set_node_attributes(G, {v: str(types[i]) for i, v in enumerate(G)}, "type")
    nx.set_edge_attributes(
        G, {e: float(rng.integers(1, 5)) for e in G.edges}, "weight"
    )  # intensities 1-4
    G.graph.clear()
    return G


def _best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def _engine_alone(G: nx.Graph, weight: str | None) -> None:
    """The compiled betweenness alone on ``G``: rustworkx, or networkit when weighted."""
    ids = {v: i for i, v in enumerate(G)}
    if weight is None:
        import rustworkx as rx

        g = rx.PyGraph()
        g.add_nodes_from(range(len(ids)))
        g.add_edges_from_no_data([(ids[u], ids[v]) for u, v in G.edges])
        rx.graph_betweenness_centrality(g, normalized=False, parallel_threshold=len(ids) + 1)
        return
    import networkit as nk

    nk.setNumberOfThreads(1)
    g = nk.Graph(len(ids), weighted=True)
    for u, v, d in G.edges(data=True):
        g.addEdge(ids[u], ids[v], 1.0 / float(d.get(weight, 1.0)))
    nk.centrality.Betweenness(g, False, False).run()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500, help="actors (default 500)")
    parser.add_argument("--graph", default="sbm", choices=["sbm", "powerlaw", "programme", "city"])
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best counts")
    parser.add_argument("--weight", default=None, help="edge attribute for weights")
    parser.add_argument("--parts", action="store_true", help="also time each measure")
    parser.add_argument(
        "--compare", action="store_true", help="also time the engine's betweenness alone"
    )
    args = parser.parse_args(argv)

    G = quarter_graph(args.n, graph=args.graph, seed=args.seed)
    print(
        f"network: {G.number_of_nodes()} actors, {G.number_of_edges()} ties, "
        f"{nx.number_connected_components(G)} components ({args.graph}, seed {args.seed})"
    )
    qc.catalysts(quarter_graph(200), weight=args.weight)  # warm-up (imports)

    def run() -> None:
        clear_betweenness_cache()  # every run computes betweenness anew
        qc.catalysts(G, weight=args.weight, approximate=False)

    total = _best(run, args.repeat)
    print(f"catalysts(): {total:.3f} s (best of {args.repeat})")
    if args.compare:
        load = os.getloadavg()[0]
        alone = _best(lambda: _engine_alone(G, args.weight), args.repeat)
        what = "networkit weighted" if args.weight else "rustworkx"
        print(
            f"{what} betweenness alone: {alone:.3f} s; ratio {total / alone:.2f}x "
            f"(load average {load:.2f} before, {os.getloadavg()[0]:.2f} after)"
        )
    if args.parts:
        parts = {
            "centrality": lambda: qc.centrality(G, weight=args.weight),
            "structural_holes": lambda: qc.structural_holes(G, weight=args.weight),
            "brokerage": lambda: qc.brokerage(G),
            "removal_impact": lambda: qc.removal_impact(G),
        }
        for name, fn in parts.items():
            print(f"  {name}: {_best(fn, args.repeat):.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
