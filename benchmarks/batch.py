"""Batch load: many quarter-sized inputs through the command line in one process.

Writes ``--n`` synthetic quarters (the Lower Saxony generator, seeds 0, 1, …) as CSV
folders, then runs ``quartiernetz report`` on each of them in this one process via
``quartiernetz.cli.main`` and prints the time per report and the peak resident memory
after each tenth report, so that growth over the batch shows.

    python benchmarks/batch.py --n 200
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
import warnings
from pathlib import Path

from quartiernetz.cli import main
from quartiernetz.datasets import lower_saxony
from quartiernetz.io import write_network


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_inputs(n: int, folder: Path) -> list[Path]:
    """``n`` quarter-sized CSV folders (Lower Saxony generator, seeds 0, 1, …) in ``folder``."""
    inputs: list[Path] = []
    seed = 0
    while len(inputs) < n:
        for key, net in lower_saxony(seed=seed).items():
            if len(inputs) < n:
                inputs.append(write_network(net, folder / f"q{seed:03d}{key}"))
        seed += 1
    return inputs


def run(n: int, folder: Path) -> None:
    inputs = write_inputs(n, folder / "in")
    print(f"{n} inputs written; peak memory {peak_mib():.0f} MiB")
    times = []
    start = time.perf_counter()
    for i, path in enumerate(inputs, 1):
        t = time.perf_counter()
        code = main(["report", str(path), "--out", str(folder / "out" / path.name), "--quiet"])
        times.append(time.perf_counter() - t)
        if code != 0:
            raise SystemExit(f"report {i} failed with exit status {code}")
        if i % 10 == 0 or i == 1:
            print(f"report {i:4d}: {times[-1]:5.2f} s, peak memory {peak_mib():6.0f} MiB")
    total = time.perf_counter() - start
    times.sort()
    print(
        f"{n} reports in {total:.0f} s: median {times[len(times) // 2]:.2f} s, "
        f"slowest {times[-1]:.2f} s; peak memory {peak_mib():.0f} MiB"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="number of inputs (default 200)")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    tmp = Path(tempfile.mkdtemp(prefix="qn-batch-"))
    try:
        run(args.n, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
