"""Time the whole report on a quarter-sized network of about 500 actors with affiliations.

Twelve synthetic Lower Saxony quarters (seeds 0-3) are joined into one network of 528
actors, 1,977 tie rows and 987 committee and offer memberships, their hubs tied in a chain.

    python benchmarks/report_quarter.py [--runs 2]
"""

from __future__ import annotations

import argparse
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd

import quartiernetz as qn
from quartiernetz.report import write_report


def joined_quarters(seeds: range = range(4)) -> qn.Network:
    actors, ties, affiliations = [], [], []
    for seed in seeds:
        for key, net in qn.datasets.lower_saxony(seed=seed).items():
            prefix = f"s{seed}{key}-"
            a = net.actors.reset_index()
            a["id"] = prefix + a["id"]
            actors.append(a)
            t = net.ties.copy()
            for c in ("source", "target", "reported_by"):
                t[c] = prefix + t[c].astype(str)
            ties.append(t)
            f = net.affiliations.copy()
            f["actor"] = prefix + f["actor"]
            affiliations.append(f)
    A = pd.concat(actors, ignore_index=True)
    hubs = [i for i in A["id"] if i.endswith(("-qm", "-bi"))]
    chain = pd.DataFrame(
        {
            "source": hubs[:-1],
            "target": hubs[1:],
            "relation": "cooperation",
            "intensity": 2.0,
            "reported_by": hubs[:-1],
        }
    )
    T = pd.concat([*ties, chain], ignore_index=True)
    F = pd.concat(affiliations, ignore_index=True)
    return qn.Network(A, T, F, name="12 synthetic quarters joined")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    net = joined_quarters()
    print(net)
    out = Path(tempfile.mkdtemp(prefix="qn-report-")) / "report"
    for _ in range(args.runs):
        t = time.perf_counter()
        write_report(net, out, quiet=True, force=True)
        print(f"report: {time.perf_counter() - t:.2f} s")
