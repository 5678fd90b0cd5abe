"""``quartiernetz batch``: throughput with 1 and 2 processes, memory per worker, per-house inputs.

Run from the repository root::

    python benchmarks/bench_batch.py                    # 200 quarters, 500 houses (long)
    python benchmarks/bench_batch.py --n 20 --houses 40 # a few minutes
    python benchmarks/bench_batch.py --json out.json

Inputs: ``--n`` quarter-sized CSV folders from the Lower Saxony generator (written by
``benchmarks/batch.py``'s :func:`write_inputs`, 36-52 actors each) and ``--houses``
per-house folders from :func:`quartiernetz.datasets.houses.write_house_exports`
(seed 0). Each measurement runs :func:`quartiernetz.batch.batch` into a new folder,
in this process (``--jobs 1``) or with two loky worker processes (``--jobs 2``).
Printed: wall time and inputs per minute, the ratio of the two throughputs, the
load average before and after (the machine may be shared: a ratio below 2 on two
CPUs comes from the other load as much as from the overhead), and for each worker
process the peak resident memory after its first and its last input (``ru_maxrss``;
flat means no growth over the batch).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from batch import write_inputs
from quartiernetz.batch import batch
from quartiernetz.datasets.houses import write_house_exports


def measure(inputs: list[Path], out: Path, jobs: int) -> dict:
    load = os.getloadavg()[0]
    start = time.perf_counter()
    table = batch([str(p) for p in inputs], out, jobs=jobs, lang="en", progress=False)
    seconds = time.perf_counter() - start
    failed = int((table["status"] == "failed").sum())
    memory = {}
    for pid, rows in table.groupby("worker_pid", sort=False):
        # rows in input order; with loky, inputs go to workers in about that order
        memory[int(pid)] = {
            "inputs": len(rows),
            "first_mib": float(rows["worker_peak_mib"].iloc[0]),
            "last_mib": float(rows["worker_peak_mib"].iloc[-1]),
        }
    return {
        "inputs": len(inputs),
        "jobs": jobs,
        "seconds": round(seconds, 1),
        "per_minute": round(60 * len(inputs) / seconds, 2),
        "failed": failed,
        "load_before": round(load, 2),
        "load_after": round(os.getloadavg()[0], 2),
        "workers": memory,
    }


def show(name: str, r: dict) -> None:
    print(
        f"{name}: {r['inputs']} inputs, --jobs {r['jobs']}: {r['seconds']:.1f} s, "
        f"{r['per_minute']:.1f} per minute, {r['failed']} failed; load average "
        f"{r['load_before']:.1f} before, {r['load_after']:.1f} after"
    )
    for pid, w in r["workers"].items():
        print(
            f"  worker {pid}: {w['inputs']} inputs, peak memory {w['first_mib']:.0f} MiB "
            f"after the first, {w['last_mib']:.0f} MiB after the last"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="quarter inputs (default 200)")
    parser.add_argument("--houses", type=int, default=500, help="per-house inputs (default 500)")
    parser.add_argument("--json", help="write the figures to this JSON file")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    print(f"CPUs: {os.cpu_count()}; load average {os.getloadavg()}")
    tmp = Path(tempfile.mkdtemp(prefix="qn-bench-batch-"))
    results: dict = {"cpus": os.cpu_count()}
    try:
        if args.n:
            inputs = write_inputs(args.n, tmp / "quarters")
            one = measure(inputs, tmp / "out1", 1)
            show("quarters", one)
            two = measure(inputs, tmp / "out2", 2)
            show("quarters", two)
            ratio = two["per_minute"] / one["per_minute"]
            print(f"throughput --jobs 2 / --jobs 1: {ratio:.2f} (target >= 1.6)")
            results.update(quarters_jobs1=one, quarters_jobs2=two, ratio=round(ratio, 2))
        if args.houses:
            houses = write_house_exports(tmp / "houses", seed=0, n_houses=args.houses)
            r = measure(houses, tmp / "out_houses", 2)
            show("houses", r)
            print(
                f"{args.houses} per-house inputs: {r['seconds'] / 60:.1f} min "
                "(target for 500: under 10 min)"
            )
            results["houses_jobs2"] = r
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
