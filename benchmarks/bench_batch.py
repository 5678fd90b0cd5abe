"""``quartiernetz batch``: throughput with 1 and 2 processes, CPU time, memory per worker.

Run from the repository root::

    python benchmarks/bench_batch.py                    # 200 quarters, 500 houses (long)
    python benchmarks/bench_batch.py --n 20 --houses 40 # a few minutes
    python benchmarks/bench_batch.py --json out.json

Inputs: ``--n`` quarter-sized CSV folders from the Lower Saxony generator (written by
``benchmarks/batch.py``'s :func:`write_inputs`, 36-52 actors each) and ``--houses``
per-house folders from :func:`quartiernetz.datasets.houses.write_house_exports`
(seed 0). Each measurement runs ``python -m quartiernetz batch INPUTS --out DIR --jobs N``
as a new process into a new folder, as a user would (so it includes starting Python,
importing quartiernetz and starting the loky workers).

Printed for each run: wall time and inputs per minute; the CPU time of the whole run
(the batch process and every worker it started, from ``getrusage(RUSAGE_CHILDREN)``),
per input, and the report's own CPU time per input (the ``cpu_seconds`` column: the
worker's process time around reading, the report and the key figures); the load
average before and after; and for each worker process the peak resident memory after
its first and its last input (``ru_maxrss``; flat means no growth over the batch).

The machine may be shared. Then the wall-clock ratio of the two throughputs says as
much about the other load as about the batch, and the CPU-time-based ratio is printed
too: ``2 x (CPU per input with --jobs 1) / (CPU per input with --jobs 2)``, the ratio two
free CPUs give when both processes are busy all the time, i.e. what the overhead of the
second process (its start, the parent's work per result) leaves of the factor 2. The
500-house time is extrapolated both ways: from the wall time measured here, and from
the CPU time per input on two free CPUs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from batch import write_inputs
from quartiernetz.datasets.houses import write_house_exports


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(inputs: list[Path], out: Path, jobs: int) -> dict:
    """Run one batch as a new process; wall time, CPU time, memory per worker."""
    command = [
        sys.executable,
        "-m",
        "quartiernetz",
        "batch",
        *(str(p) for p in inputs),
        "--out",
        str(out),
        "--jobs",
        str(jobs),
        "--lang",
        "en",
        "--quiet",
    ]
    load = os.getloadavg()[0]
    cpu = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    # the batch process waits for its loky workers when it ends, so their CPU time is
    # in the batch process's, and that in ours once it has been waited for
    cpu = _children_cpu() - cpu
    if done.returncode not in (0, 1):
        raise SystemExit(f"the batch failed (exit status {done.returncode}):\n{done.stderr}")
    table = pd.read_csv(out / "batch.csv", encoding="utf-8-sig")
    failed = int((table["status"] == "failed").sum())
    memory = {}
    for pid, rows in table.groupby("worker_pid", sort=False):
        # rows in input order; with loky, inputs go to workers in about that order
        memory[int(pid)] = {
            "inputs": len(rows),
            "first_mib": float(rows["worker_peak_mib"].iloc[0]),
            "last_mib": float(rows["worker_peak_mib"].iloc[-1]),
        }
    n = len(inputs)
    return {
        "inputs": n,
        "jobs": jobs,
        "seconds": round(seconds, 1),
        "per_minute": round(60 * n / seconds, 2),
        "cpu_seconds": round(cpu, 1),
        "cpu_per_input": round(cpu / n, 3),
        # (a batch before the column was added has none)
        "report_cpu_per_input": round(float(table.get("cpu_seconds", pd.Series()).mean()), 3),
        "failed": failed,
        "load_before": round(load, 2),
        "load_after": round(os.getloadavg()[0], 2),
        "workers": memory,
    }


def show(name: str, r: dict) -> None:
    print(
        f"{name}: {r['inputs']} inputs, --jobs {r['jobs']}: {r['seconds']:.1f} s, "
        f"{r['per_minute']:.1f} per minute, {r['failed']} failed; CPU {r['cpu_seconds']:.1f} s "
        f"in all, {r['cpu_per_input']:.2f} s per input (the report alone "
        f"{r['report_cpu_per_input']:.2f} s); load average {r['load_before']:.1f} before, "
        f"{r['load_after']:.1f} after"
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
            by_cpu = 2 * one["cpu_per_input"] / two["cpu_per_input"]
            print(
                f"throughput --jobs 2 / --jobs 1: {ratio:.2f} by wall time on this machine, "
                f"{by_cpu:.2f} by CPU time (two free CPUs); target >= 1.6"
            )
            results.update(
                quarters_jobs1=one,
                quarters_jobs2=two,
                ratio=round(ratio, 2),
                ratio_cpu=round(by_cpu, 2),
            )
        if args.houses:
            houses = write_house_exports(tmp / "houses", seed=0, n_houses=args.houses)
            r = measure(houses, tmp / "out_houses", 2)
            show("houses", r)
            wall_500 = r["seconds"] / args.houses * 500 / 60
            cpu_500 = r["cpu_per_input"] * 500 / 2 / 60
            print(
                f"500 per-house inputs, --jobs 2: {wall_500:.1f} min at the wall time measured "
                f"here, {cpu_500:.1f} min on two free CPUs (CPU time / 2); target under 10 min"
            )
            results.update(
                houses_jobs2=r,
                houses_500_minutes_wall=round(wall_500, 1),
                houses_500_minutes_cpu=round(cpu_500, 1),
            )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
