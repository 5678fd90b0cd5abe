"""Benchmark suite: every public analysis and the whole report, at four sizes.

Run from the repository root::

    python benchmarks/run.py                          # 60, 500, 5,000, ~26,000 and connected
    python benchmarks/run.py --sizes 60,500 --quick   # a minute: small sizes, fewer baselines
    python benchmarks/run.py --sizes hard --steps catalysts,engine_betweenness,\
        catalysts_weighted,nk_weighted_betweenness    # the ratios of issue 18 only

Networks (all from :func:`quartiernetz.datasets.mgh_programme`, seed 0):

- ``60``, ``500``, ``5000``: the programme generator scaled down, ``n / 46``
  houses (at least 1) with ``(n - houses) / 0.85`` partner ties (about 15% of
  the partners are shared) and one region per 2.5 houses (wave 2011);
- ``26000``: the programme network itself, both waves (25,114 actors,
  ``wave="both"``): 183 regional components of 100-400 actors;
- ``hard`` (a standard size; ``--hard`` adds it to ``--sizes``): the connected
  stand-in for the programme network the issue author measured, one component of
  27,238 actors and 51,400 ties (13,818 with one tie; its 2-core is one block):
  ``mgh_programme(n_houses=1000, partner_ties=51_400, n_regions=1,
  shared_partner_rate=0.5)`` (one region, many shared partners).

Every step runs in a fresh subprocess (the network is loaded from a pickle);
the table shows its wall time and the peak resident memory of that process
(``resource.getrusage(...).ru_maxrss``: interpreter, libraries and network
included; for the report plus the peak of its figure worker process, see
``n_jobs`` of :func:`quartiernetz.report.write_report`). Beside quartiernetz it times (a) the pure-networkx way of computing
the same numbers (betweenness, closeness, constraint and effective size,
Louvain) and (b) the compiled engine's kernel alone (rustworkx betweenness and
closeness; networkit's weighted betweenness for the weighted run). Where a networkx computation would take too long (more than 5,000
actors), it runs from a random sample: betweenness from 200 sources
(networkx's own ``k=``; each source costs O(n) in networkx even in a small
component), closeness for 200 nodes, constraint and effective size for 400
nodes; the time is extrapolated linearly to all n and marked ``~``. The approximate mode is
compared with the exact betweenness of the same run: Spearman rank correlation
on the 1,000 actors with the highest exact betweenness and the overlap of the
top 50.

After the table, the same-run ratios of issue 18: ``catalysts()`` against the
engine's plain exact betweenness alone (target at most 1.0) and
``catalysts(weight="weight")`` against networkit's weighted betweenness alone
(lengths ``1 / intensity``, one thread; target at most 1.5), with the load
average of the machine before and after each size (the machine is shared:
compare ratios of one run, not absolute times).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path

__all__ = ["make_network", "STEPS", "main"]

#: Steps run for every size: name -> (kind, description).
STEPS: dict[str, str] = {
    "catalysts": "quartiernetz.roles.catalysts(approximate=False)",
    "catalysts_graph": "catalysts on a networkx graph built before the clock",
    "catalysts_approx": "catalysts(approximate=True, seed=0)",
    "catalysts_weighted": "catalysts(weight='weight', approximate=False): lengths 1 / intensity",
    "engine_betweenness": "rustworkx betweenness alone (exact)",
    "nk_weighted_betweenness": "networkit weighted betweenness alone (one thread)",
    "engine_closeness": "rustworkx closeness alone",
    "nx_betweenness": "networkx betweenness_centrality",
    "nx_closeness": "networkx closeness_centrality",
    "nx_catalysts": "networkx: betweenness + closeness + constraint + effective size",
    "structural_holes": "quartiernetz.roles.structural_holes",
    "nx_structural_holes": "networkx constraint + effective_size",
    "brokerage": "quartiernetz.roles.brokerage",
    "summary": "quartiernetz.descriptives.summary",
    "duplicates": "quartiernetz.structures.duplicates",
    "communities": "quartiernetz.structures.communities",
    "nx_louvain": "networkx louvain_communities (one run)",
    "competitor_clusters": "quartiernetz.structures.competitor_clusters",
    "suggest_ties": "quartiernetz.structures.suggest_ties",
    "key_players": "quartiernetz.roles.key_players(k=3, method='greedy')",
    "report": "quartiernetz.report.write_report (analyses, figures, tables, HTML)",
    "report_serial": "write_report(n_jobs=1): everything in one process",
    "report_approx": "write_report(approximate=True)",
}

#: Steps left out with --quick.
SLOW_BASELINES = {"nx_catalysts", "nx_structural_holes", "report_approx"}

#: Above this many actors the networkx baselines run from a sample and extrapolate.
FULL_NETWORKX_MAX = 5000
#: Sampled sources (nodes) for the extrapolated networkx baselines.
NX_SAMPLE = 200


def make_network(size: str):
    """The benchmark network for a size label (see the module docstring)."""
    from quartiernetz.datasets import mgh_programme

    if size == "hard":
        return mgh_programme(
            wave=2011, n_houses=1000, partner_ties=51_400, n_regions=1, shared_partner_rate=0.5
        )
    n = int(size)
    if n >= 20_000:
        return mgh_programme(wave="both")
    houses = max(1, round(n / 46))
    # about 15% of the partners are shared between houses of a region
    ties = n - houses if houses == 1 else round((n - houses) / 0.85)
    return mgh_programme(
        wave=2011,
        n_houses=houses,
        partner_ties=ties,
        partner_ties_2006=round(0.78 * ties),
        n_regions=max(1, round(houses / 2.5)),
    )


def _sample_nodes(G, k: int, seed: int = 0) -> list:
    import numpy as np

    nodes = list(G)
    rng = np.random.default_rng(seed)
    return [nodes[i] for i in rng.choice(len(nodes), size=min(k, len(nodes)), replace=False)]


def _nx_betweenness(G) -> tuple[float, bool]:
    """Seconds for networkx's exact betweenness (extrapolated from sources if large)."""
    import networkx as nx

    n = G.number_of_nodes()
    t = time.perf_counter()
    if n <= FULL_NETWORKX_MAX:
        nx.betweenness_centrality(G)
        return time.perf_counter() - t, False
    # networkx's own source-sampling path; its cost is linear in the sources
    nx.betweenness_centrality(G, k=NX_SAMPLE, seed=0)
    return (time.perf_counter() - t) * n / NX_SAMPLE, True


def _nx_closeness(G) -> tuple[float, bool]:
    import networkx as nx

    n = G.number_of_nodes()
    t = time.perf_counter()
    if n <= FULL_NETWORKX_MAX:
        nx.closeness_centrality(G)
        return time.perf_counter() - t, False
    for u in _sample_nodes(G, NX_SAMPLE):
        nx.closeness_centrality(G, u=u)
    return (time.perf_counter() - t) * n / NX_SAMPLE, True


def _nx_holes(G) -> tuple[float, bool]:
    import networkx as nx

    n = G.number_of_nodes()
    nodes = None if n <= FULL_NETWORKX_MAX else _sample_nodes(G, 2 * NX_SAMPLE)
    t = time.perf_counter()
    nx.constraint(G, nodes=nodes)
    nx.effective_size(G, nodes=nodes)
    dt = time.perf_counter() - t
    return (dt, False) if nodes is None else (dt * n / len(nodes), True)


def _child(step: str, pickle_path: str, out_path: str) -> None:
    """Run one step in this process and write its figures as JSON."""
    import resource

    import numpy as np

    with open(pickle_path, "rb") as fh:
        net = pickle.load(fh)
    result: dict = {"estimated": False}
    # imports before the clock starts (a CLI run pays them once, ~2 s with matplotlib)
    import quartiernetz.descriptives
    import quartiernetz.report
    import quartiernetz.roles
    import quartiernetz.structures  # noqa: F401

    G = None
    if step.startswith(("nx_", "engine_", "nk_")) or step == "catalysts_graph":
        G = net.to_networkx(weight="weight")
    if step.startswith("engine_"):
        from quartiernetz.roles import _kernels as K
        from quartiernetz.roles._graph import prepare

        prep = prepare(G)
        g = K.engine_graph(prep.W)
    if step == "nk_weighted_betweenness":
        import networkit as nk

        nk.setNumberOfThreads(1)
        gw = nk.Graph(G.number_of_nodes(), weighted=True, directed=G.is_directed())
        ids = {v: i for i, v in enumerate(G)}
        for u, v, d in G.edges(data=True):
            gw.addEdge(ids[u], ids[v], 1.0 / float(d.get("weight", 1.0)))
    t = time.perf_counter()
    if step == "catalysts":
        from quartiernetz.roles import catalysts

        table = catalysts(net, approximate=False)
        np.save(out_path + ".npy", table["betweenness"].sort_index().to_numpy())
    elif step == "catalysts_graph":
        from quartiernetz.roles import catalysts

        catalysts(G, approximate=False)
    elif step == "catalysts_approx":
        from quartiernetz.roles import catalysts

        table = catalysts(net, approximate=True, seed=0)
        np.save(out_path + ".npy", table["betweenness"].sort_index().to_numpy())
    elif step == "catalysts_weighted":
        from quartiernetz.roles import catalysts

        catalysts(net, weight="weight", approximate=False)
    elif step == "nk_weighted_betweenness":
        nk.centrality.Betweenness(gw, False, False).run()
    elif step == "engine_betweenness":
        import rustworkx as rx

        fn = rx.graph_betweenness_centrality
        fn(g, normalized=False, parallel_threshold=prep.n + 1)
    elif step == "engine_closeness":
        import rustworkx as rx

        rx.graph_closeness_centrality(g, wf_improved=True)
    elif step == "nx_betweenness":
        dt, est = _nx_betweenness(G)
        result.update(seconds=dt, estimated=est)
    elif step == "nx_closeness":
        dt, est = _nx_closeness(G)
        result.update(seconds=dt, estimated=est)
    elif step == "nx_catalysts":
        parts = [_nx_betweenness(G), _nx_closeness(G), _nx_holes(G)]
        result.update(seconds=sum(p[0] for p in parts), estimated=any(p[1] for p in parts))
    elif step == "nx_structural_holes":
        dt, est = _nx_holes(G)
        result.update(seconds=dt, estimated=est)
    elif step == "nx_louvain":
        import networkx as nx

        nx.community.louvain_communities(G, seed=0)
    elif step == "structural_holes":
        from quartiernetz.roles import structural_holes

        structural_holes(net)
    elif step == "brokerage":
        from quartiernetz.roles import brokerage

        brokerage(net)
    elif step == "summary":
        from quartiernetz.descriptives import summary

        summary(net)
    elif step == "duplicates":
        from quartiernetz.structures import duplicates

        duplicates(net)
    elif step == "communities":
        from quartiernetz.structures import communities

        communities(net, seed=0)
    elif step == "competitor_clusters":
        from quartiernetz.structures import competitor_clusters

        competitor_clusters(net, seed=0)
    elif step == "suggest_ties":
        from quartiernetz.structures import suggest_ties

        suggest_ties(net, n=10)
    elif step == "key_players":
        from quartiernetz.roles import key_players

        key_players(net, k=3, method="greedy", seed=0)
    elif step in ("report", "report_approx", "report_serial"):
        from quartiernetz.report import write_report

        with tempfile.TemporaryDirectory() as tmp:
            write_report(
                net,
                Path(tmp) / "r",
                quiet=True,
                approximate=step == "report_approx",
                n_jobs=1 if step == "report_serial" else None,
            )
    else:
        raise SystemExit(f"unknown step {step!r}")
    result.setdefault("seconds", time.perf_counter() - t)
    # plus the report's figure worker, if one ran (the sum of both peaks: an upper bound)
    result["peak_mb"] = (
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    ) / 1024
    with open(out_path, "w") as fh:
        json.dump(result, fh)


def _run_step(step: str, pickle_path: str, workdir: str, timeout: float) -> dict:
    out = os.path.join(workdir, f"{step}.json")
    cmd = [sys.executable, os.path.abspath(__file__), "--child", step, pickle_path, out]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"timeout > {timeout:.0f} s"}
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["failed"])[-1]
        return {"error": last[:80]}
    with open(out) as fh:
        return json.load(fh)


def _accuracy(workdir: str) -> dict:
    import numpy as np
    from scipy import stats

    exact_path = os.path.join(workdir, "catalysts.json.npy")
    approx_path = os.path.join(workdir, "catalysts_approx.json.npy")
    if not (os.path.exists(exact_path) and os.path.exists(approx_path)):
        return {}
    exact, approx = np.load(exact_path), np.load(approx_path)
    top = np.argsort(-exact, kind="stable")[: min(1000, len(exact))]
    rho = stats.spearmanr(exact[top], approx[top]).statistic
    k = min(50, len(exact))
    overlap = len(set(top[:k].tolist()) & set(np.argsort(-approx, kind="stable")[:k].tolist()))
    return {"rho_top1000": float(rho), "top50_overlap": overlap / k}


def _fmt(res: dict | None) -> str:
    if res is None:
        return ""
    if "error" in res:
        return res["error"]
    mark = "~" if res.get("estimated") else ""
    return f"{mark}{res['seconds']:.2f} s / {res['peak_mb']:.0f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="60,500,5000,26000,hard")
    parser.add_argument("--quick", action="store_true", help="leave out the slowest baselines")
    parser.add_argument("--hard", action="store_true", help="add the connected stand-in")
    parser.add_argument("--steps", default=None, help="comma-separated subset of the steps")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per step")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(*args.child)
        return 0
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    if args.hard and "hard" not in sizes:
        sizes.append("hard")
    steps = list(STEPS) if args.steps is None else args.steps.split(",")
    if args.quick:
        steps = [s for s in steps if s not in SLOW_BASELINES]
    import numpy as np
    import rustworkx as rx

    import quartiernetz

    print(
        f"quartiernetz {getattr(quartiernetz, '__version__', '?')}, rustworkx {rx.__version__}, "
        f"numpy {np.__version__}, {os.cpu_count()} cores"
    )
    results: dict[str, dict[str, dict]] = {}
    info: dict[str, str] = {}
    for size in sizes:
        with tempfile.TemporaryDirectory() as workdir:
            t = time.perf_counter()
            net = make_network(size)
            gen = time.perf_counter() - t
            info[size] = (
                f"{len(net.actors):,} actors, {len(net.ties):,} ties (generated in {gen:.1f} s)"
            )
            print(f"\n== {size}: {info[size]}", flush=True)
            path = os.path.join(workdir, "net.pickle")
            with open(path, "wb") as fh:
                pickle.dump(net, fh)
            results[size] = {}
            load_before = os.getloadavg()
            for step in steps:
                res = _run_step(step, path, workdir, args.timeout)
                results[size][step] = res
                print(f"  {step:22s} {_fmt(res)}", flush=True)
            results[size]["load"] = (load_before, os.getloadavg())
            acc = _accuracy(workdir)
            if acc:
                results[size]["accuracy"] = acc
                print(
                    f"  approximate betweenness: rank correlation (top 1,000) "
                    f"{acc['rho_top1000']:.3f}, top-50 overlap {acc['top50_overlap']:.2f}"
                )
    print("\n| step | " + " | ".join(sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    for step in steps:
        cells = [_fmt(results[s].get(step)) for s in sizes]
        print(f"| {step} | " + " | ".join(cells) + " |")
    cells = []
    for s in sizes:
        acc = results[s].get("accuracy")
        cells.append(
            f"rho {acc['rho_top1000']:.3f}, top-50 {acc['top50_overlap']:.2f}" if acc else ""
        )
    print("| approximate accuracy | " + " | ".join(cells) + " |")
    print("\nnetworks: " + "; ".join(f"{s}: {info[s]}" for s in sizes))
    print("\nsame-run ratios (issue 18 targets: <= 1.0 and <= 1.5):")
    for s in sizes:
        r = results[s]
        before, after = r["load"]
        parts = [
            f"catalysts / engine betweenness {_ratio(r, 'catalysts', 'engine_betweenness')}",
            "catalysts(weight) / networkit weighted betweenness "
            + _ratio(r, "catalysts_weighted", "nk_weighted_betweenness"),
        ]
        print(
            f"  {s}: " + ", ".join(parts) + f" (load average {before[0]:.2f} before, "
            f"{after[0]:.2f} after)"
        )
    return 0


def _ratio(results: dict, num: str, den: str) -> str:
    """``num / den`` seconds of one size's run, or "n/a" when one of them did not run."""
    a, b = results.get(num) or {}, results.get(den) or {}
    if "seconds" not in a or "seconds" not in b or b["seconds"] <= 0:
        return "n/a"
    return f"{a['seconds'] / b['seconds']:.2f}x"


if __name__ == "__main__":
    sys.exit(main())
