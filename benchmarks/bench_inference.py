"""Time the significance tests of :mod:`quartiernetz.inference` on a seeded quarter.

Run from the repository root::

    python benchmarks/bench_inference.py                  # 500 actors, every case
    python benchmarks/bench_inference.py --only dsp cug_test.betweenness --jobs 2
    python benchmarks/bench_inference.py --n 200 --jobs 1 2 --repeat 3
    python benchmarks/bench_inference.py --only cug_test.betweenness --jobs 2 --without-numba

The network is the stochastic block model of ``bench_catalysts.py`` (actor types of
a German quarter, 500 actors, 2,087 ties). The regression has three predictors:
co-membership in committees (each actor in 0-3 of 40 committees), same type, and the
difference in the year founded (random). The directed quarter (for the dyad census)
orients the same ties at random, a third of them both ways.

Targets (issue 15): 5,000 QAP permutations with three predictors (DSP and y
permutation) under 10 s; 1,000 CUG draws on 500 actors under 10 s on two cores, for
every statistic and conditioning. Each line gives the wall clock, the CPU time (all
threads and worker processes) and the 1-minute load average before and after the
run: on a shared machine the wall clock grows with the load, the CPU time much less.
With ``--repeat`` the fastest run (wall clock) is reported.

Betweenness runs on the compiled kernel where numba (the ``fast`` extra) is installed;
``--without-numba`` measures the fallback (rustworkx) by putting a ``numba`` that fails
to import before the installed one, for this process and its workers. The first run
after a change to ``quartiernetz/inference/_cug_kernels.py`` compiles the kernels (3-5
s, then cached): run twice, or once with ``--only`` on a small case, before measuring.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable

import networkx as nx
import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_catalysts import quarter_graph

from quartiernetz import Network
from quartiernetz.inference import (
    CONDITIONING,
    STATISTICS,
    _cug_kernels,
    comembership,
    cug_test,
    difference,
    ei_test,
    qap_correlation,
    qap_regression,
    same,
)

__all__ = ["quarter_network", "directed_quarter", "main"]

#: Seconds: the targets of issue 15 (QAP and CUG alike).
TARGET = 10.0


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


def directed_quarter(net: Network, seed: int = 42) -> nx.DiGraph:
    """The quarter's ties oriented at random (a third both ways), with ``type``."""
    G = net.to_networkx()
    rng = np.random.default_rng(seed)
    D = nx.DiGraph()
    D.add_nodes_from(G.nodes(data=True))
    for (u, v), x in zip(G.edges, rng.random(G.number_of_edges()), strict=True):
        if x < 1 / 3:
            D.add_edges_from([(u, v), (v, u)])
        else:
            D.add_edge(*((u, v) if x < 2 / 3 else (v, u)))
    return D


def _switch_off_numba() -> None:
    """A package ``numba`` that fails to import, first on the path of this process and
    (through PYTHONPATH) of the CUG workers: the kernels fall back to rustworkx."""
    if "numba" in sys.modules:
        raise SystemExit("numba is imported already")
    stub = tempfile.mkdtemp(prefix="no-numba-")
    os.mkdir(os.path.join(stub, "numba"))
    with open(os.path.join(stub, "numba", "__init__.py"), "w", encoding="utf-8") as f:
        f.write('raise ImportError("switched off by bench_inference.py --without-numba")\n')
    sys.path.insert(0, stub)
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [stub, os.environ.get("PYTHONPATH")]))


def _load() -> float:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")


def _cpu() -> float:
    """CPU seconds of this process (all threads) and of its finished worker processes."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _measure(func: Callable[[], object], repeat: int) -> tuple[float, float, float, float]:
    """Wall clock, CPU time, load before and after: the run with the shortest wall clock."""
    runs = []
    for _ in range(repeat):
        load = _load()
        wall, cpu = time.perf_counter(), _cpu()
        func()
        runs.append((time.perf_counter() - wall, _cpu() - cpu, load, _load()))
    return min(runs)


def _line(name: str, figures: tuple[float, float, float, float], target: bool) -> str:
    wall, cpu, before, after = figures
    mark = ("  under 10 s" if wall < TARGET else "  OVER 10 s") if target else ""
    return (
        f"{name:<66} {wall:7.2f} s wall {cpu:7.2f} s CPU  load {before:4.1f} -> {after:4.1f}{mark}"
    )


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
    parser.add_argument(
        "--without-numba", action="store_true", help="as if numba were not installed"
    )
    args = parser.parse_args(argv)
    if args.without_numba:
        _switch_off_numba()
    net = quarter_network(args.n)
    directed = directed_quarter(net)
    X = {
        "committees": comembership(net, kind="committee"),
        "same_type": same(net, "type"),
        "founded_apart": difference(net, "founded"),
    }
    P, D, L = args.permutations, args.draws, args.logit_permutations
    # (name, run with n_jobs, a target of issue 15)
    cases: list[tuple[str, Callable[[int], object], bool]] = [
        (
            f"qap_regression dsp, 3 predictors, {P} perm.",
            lambda j: qap_regression(net, X, permutations=P, seed=1, n_jobs=j),
            True,
        ),
        (
            f"qap_regression y, 3 predictors, {P} perm.",
            lambda j: qap_regression(net, X, permutations=P, seed=1, method="y", n_jobs=j),
            True,
        ),
        (
            f"qap_correlation, {P} perm.",
            lambda j: qap_correlation(net, X["same_type"], permutations=P, seed=1, n_jobs=j),
            True,
        ),
        (
            f"qap_regression binomial dsp, {L} perm.",
            lambda j: qap_regression(net, X, permutations=L, seed=1, family="binomial", n_jobs=j),
            False,
        ),
    ]
    single: list[tuple[str, Callable[[], object]]] = [
        (f"ei_test, {P} perm.", lambda: ei_test(net, "type", permutations=P, seed=1)),
    ]
    for stat in STATISTICS:
        for cond in CONDITIONING:
            # the dyad census of an undirected network is its number of ties
            for label, graph in (("undirected", net), ("directed", directed)):
                if cond == "dyad_census" and label == "undirected":
                    continue

                def run(j: int, s: str = stat, c: str = cond, g: object = graph) -> object:
                    return cug_test(
                        g, s, conditioning=c, draws=D, seed=1, attribute="type", n_jobs=j
                    )

                cases.append((f"cug_test.{stat} {cond} {label}, {D} draws", run, True))
    if args.only:
        cases = [c for c in cases if any(o in c[0] for o in args.only)]
        single = [c for c in single if any(o in c[0] for o in args.only)]
    G = net.to_networkx()
    kernel = "compiled (numba)" if _cug_kernels.compiled() is not None else "rustworkx"
    print(
        f"{args.n} actors, {G.number_of_edges()} ties ({directed.number_of_edges()} arcs "
        f"directed), {os.cpu_count()} cores, load {_load():.1f}; betweenness: {kernel}",
        flush=True,
    )
    for name, func, target in cases:
        for j in args.jobs:
            figures = _measure(lambda f=func, j=j: f(j), args.repeat)
            print(_line(f"{name} n_jobs={j}", figures, target), flush=True)
    for name, func in single:
        print(_line(name, _measure(func, args.repeat), False), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
