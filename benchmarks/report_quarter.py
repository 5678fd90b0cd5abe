"""Time the whole report on a quarter-sized network of about 500 actors with affiliations.

Twelve synthetic Lower Saxony quarters (seeds 0-3) are joined into one network of 528
actors, 1,977 tie rows and 987 committee and offer memberships, their hubs tied in a chain:
harder than the programme generator's 500-actor network of ``benchmarks/run.py``, which has
no committees or offers (so two overlap heat maps and the offer map are not drawn there).

Every run is a fresh process, as a user's run is:

- ``report``: :func:`quartiernetz.report.write_report` after the imports (what
  ``benchmarks/run.py`` times), with the default ``n_jobs`` and with ``n_jobs=1``;
- ``cli``: the whole command ``quartiernetz report FOLDER --out DIR`` (interpreter start,
  imports, reading the files and the report), timed from outside.

    python benchmarks/report_quarter.py [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd

import quartiernetz as qn


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


_IN_PROCESS = """
import sys, time, warnings
import quartiernetz as qn
from quartiernetz.report import write_report
warnings.simplefilter("ignore")
net = qn.read_network(sys.argv[1])
n_jobs = None if sys.argv[3] == "default" else int(sys.argv[3])
t = time.perf_counter()
write_report(net, sys.argv[2], quiet=True, force=True, n_jobs=n_jobs)
print(time.perf_counter() - t)
"""


def _report_seconds(folder: Path, out: Path, n_jobs: str) -> float:
    proc = subprocess.run(
        [sys.executable, "-c", _IN_PROCESS, str(folder), str(out), n_jobs],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(proc.stdout.strip().splitlines()[-1])


def _cli_seconds(folder: Path, out: Path) -> float:
    exe = Path(sys.executable).with_name("quartiernetz")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "quartiernetz"]
    t = time.perf_counter()
    subprocess.run(
        [*command, "report", str(folder), "--out", str(out), "--force", "--quiet"],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - t


def _row(label: str, values: list[float]) -> str:
    return (
        f"| {label} | {statistics.median(values):.2f} s | {min(values):.2f}-{max(values):.2f} s "
        f"| {len(values)} |"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    net = joined_quarters()
    print(net)
    work = Path(tempfile.mkdtemp(prefix="qn-quarter-"))
    try:
        folder = qn.write_network(net, work / "quarter")
        out = work / "report"
        times: dict[str, list[float]] = {"report": [], "report_serial": [], "cli": []}
        _report_seconds(folder, out, "default")  # the first run fills the font cache
        for _ in range(args.runs):  # interleaved, so that a slow minute hits all three
            times["report"].append(_report_seconds(folder, out, "default"))
            times["report_serial"].append(_report_seconds(folder, out, "1"))
            times["cli"].append(_cli_seconds(folder, out))
        print("\n| what | median | range | runs |\n|---|---|---|---|")
        print(_row("write_report (default n_jobs)", times["report"]))
        print(_row("write_report(n_jobs=1)", times["report_serial"]))
        print(_row("quartiernetz report (whole command)", times["cli"]))
    finally:
        shutil.rmtree(work, ignore_errors=True)
