"""Time the significance tests of :mod:`quartiernetz.inference` on a seeded quarter.

Run from the repository root::

    python benchmarks/bench_inference.py                 # 500 actors, all tests
    python benchmarks/bench_inference.py --n 200 --jobs 1 2 --repeat 3

The network is the stochastic block model of ``bench_catalysts.py`` (actor types of
a German quarter). The regression has three predictors: co-membership in
committees (each actor in 0-3 of 40 committees), same type, and the difference
in the year founded (random). Targets: 5,000 QAP permutations with three predictors
under 10 s; 1,000 CUG draws on 500 actors under 10 s, on two cores. The figure
reported is the best of ``--repeat`` runs (wall clock).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_catalysts import quarter_graph

from quartiernetz import Network
from quartiernetz.inference import (
    comembership,
    cug_test,
    difference,
    ei_test,
    qap_correlation,
    qap_regression,
    same,
)

__all__ = ["quarter_network", "main"]


def quarter_network(n: int, seed: int = 42) -> Network:
    """The benchmark quarter as a Network with ``type``, ``founded`` and committees."""
    G = quarter_graph(n, seed=seed)
    rng = np.random.default_rng(seed)
    ids = [f"a{v:04d}" for v in G]
    actors = pd.DataFrame(
        {
            "id": ids,
            "type": [G.nodes[v]["type"] for v in G],
            "founded": rng.integers(1900, 2024, len(ids)),
        }
    )
    ties = pd.DataFrame(
        {"source": [ids[u] for u, _ in G.edges], "target": [ids[v] for _, v in G.edges]}
    )
    member = [
        (ids[i], f"committee {c}")
        for i in range(len(ids))
        for c in rng.choice(40, size=rng.integers(0, 4), replace=False)
    ]
    affiliations = pd.DataFrame(member, columns=["actor", "item"]).assign(kind="committee")
    return Network(actors=actors, ties=ties, affiliations=affiliations)


def _best(func: Callable[[], object], repeat: int) -> str:
    """Wall clock and CPU time (all threads) of the fastest of ``repeat`` runs."""
    runs = []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        func()
        runs.append((time.perf_counter() - wall, time.process_time() - cpu))
    wall, cpu = min(runs)
    return f"{wall:7.2f} s wall, {cpu:7.2f} s CPU"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--permutations", type=int, default=5000)
    parser.add_argument("--draws", type=int, default=1000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--logit-permutations", type=int, default=200)
    parser.add_argument(
        "--only", nargs="+", default=None, help="run only cases whose name contains one of these"
    )
    args = parser.parse_args(argv)
    net = quarter_network(args.n)
    X = {
        "committees": comembership(net, kind="committee"),
        "same_type": same(net, "type"),
        "founded_apart": difference(net, "founded"),
    }
    P, D = args.permutations, args.draws
    cases: list[tuple[str, Callable[[int], object]]] = [
        (
            f"qap_regression dsp, 3 predictors, {P} perm.",
            lambda j: qap_regression(net, X, permutations=P, seed=1, n_jobs=j),
        ),
        (
            f"qap_regression y, 3 predictors, {P} perm.",
            lambda j: qap_regression(net, X, permutations=P, seed=1, method="y", n_jobs=j),
        ),
        (
            f"qap_correlation, {P} perm.",
            lambda j: qap_correlation(net, X["same_type"], permutations=P, seed=1, n_jobs=j),
        ),
        (
            f"qap_regression binomial dsp, {args.logit_permutations} perm.",
            lambda j: qap_regression(
                net, X, permutations=args.logit_permutations, seed=1, family="binomial", n_jobs=j
            ),
        ),
    ]
    single: list[tuple[str, Callable[[], object]]] = [
        (f"ei_test, {P} perm.", lambda: ei_test(net, "type", permutations=P, seed=1)),
    ]
    for stat in (
        "density",
        "degree_centralization",
        "transitivity",
        "ei_index",
        "betweenness_centralization",
    ):
        single.append(
            (
                f"cug_test {stat}, edges, {D} draws",
                lambda s=stat: cug_test(net, s, draws=D, seed=1, attribute="type"),
            )
        )
    if args.only:
        cases = [c for c in cases if any(o in c[0] for o in args.only)]
        single = [c for c in single if any(o in c[0] for o in args.only)]
    G = net.to_networkx()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{args.n} actors, {G.number_of_edges()} ties, {os.cpu_count()} cores, load {load:.1f}")
    for name, func in cases:
        for j in args.jobs:
            print(f"{name:<52} n_jobs={j}: {_best(lambda f=func, j=j: f(j), args.repeat)}")
    for name, func in single:
        print(f"{name:<52}         : {_best(func, args.repeat)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
