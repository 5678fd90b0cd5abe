"""The report with a second process for figures and the stability check (``n_jobs``)."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import numpy as np
import pytest

from quartiernetz.datasets import load_example
from quartiernetz.exceptions import QuartiernetzError
from quartiernetz.network import Network
from quartiernetz.report import write_report
from quartiernetz.report._parallel import (
    PARALLEL_ALWAYS_ACTORS,
    PARALLEL_MIN_ACTORS,
    FigureWorker,
    default_jobs,
)


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def example() -> Network:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_example()


@pytest.fixture(scope="module")
def serial(example, tmp_path_factory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("serial") / "report"
    write_report(example, out, lang="en", quiet=True, n_jobs=1)
    return _files(out)


def test_two_processes_write_the_same_files(example, serial, tmp_path):
    out = write_report(example, tmp_path / "report", lang="en", quiet=True, n_jobs=2)
    files = _files(out)
    assert files.keys() == serial.keys()
    differ = [name for name in files if files[name] != serial[name]]
    assert differ == []
    # the stability check ran (in the worker, which takes it first)
    assert "catalyst_stability.csv" in files


def test_worker_that_cannot_start_leaves_the_work_here(example, serial, tmp_path, monkeypatch):
    monkeypatch.setattr(
        FigureWorker, "_command", staticmethod(lambda: [str(tmp_path / "no-such-python")])
    )
    out = write_report(example, tmp_path / "report", lang="en", quiet=True, n_jobs=2)
    assert _files(out) == serial


def _fake_worker(after_taking: str = "") -> list[str]:
    """A worker that reads the setup, says it is ready, takes one job, runs
    ``after_taking`` (with the job's ``name``) and ends."""
    script = (
        "import pickle, sys\n"
        "source, sink = sys.stdin.buffer, sys.stdout.buffer\n"
        "pickle.load(source)\n"
        "pickle.dump(('ready',), sink); sink.flush()\n"
        "name = pickle.load(source)\n" + after_taking
    )
    return [sys.executable, "-c", script]


def test_worker_that_dies_leaves_its_job_here(example, serial, tmp_path, monkeypatch):
    monkeypatch.setattr(FigureWorker, "_command", staticmethod(lambda: _fake_worker()))
    out = write_report(example, tmp_path / "report", lang="en", quiet=True, n_jobs=2)
    assert _files(out) == serial


def test_unexpected_error_in_the_worker_is_raised_and_leaves_no_report(
    example, tmp_path, monkeypatch
):
    monkeypatch.setattr(
        FigureWorker,
        "_command",
        staticmethod(
            lambda: _fake_worker(
                "pickle.dump(('result', name, ('raise', RuntimeError('boom in the worker'))), sink)\n"
                "sink.flush()\n"
                "pickle.load(source)\n"
            )
        ),
    )
    with pytest.raises(RuntimeError, match="boom in the worker"):
        write_report(example, tmp_path / "report", lang="en", quiet=True, n_jobs=2)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "2"])
def test_n_jobs_must_be_a_whole_number(example, tmp_path, bad):
    with pytest.raises(QuartiernetzError, match="n_jobs"):
        write_report(example, tmp_path / "report", quiet=True, n_jobs=bad)


def test_default_jobs():
    assert default_jobs(PARALLEL_MIN_ACTORS - 1) == 1
    assert default_jobs(PARALLEL_MIN_ACTORS) in (1, 2)
    assert default_jobs(1999, affiliation_figures=False) == 1
    assert default_jobs(PARALLEL_ALWAYS_ACTORS, affiliation_figures=False) in (1, 2)


def test_cli_passes_jobs(tmp_path):
    from quartiernetz.cli import main

    folder = Path(__file__).resolve().parents[2] / "src/quartiernetz/datasets/data/nordstadt"
    assert (
        main(["report", str(folder), "--out", str(tmp_path / "r"), "--quiet", "--jobs", "2"]) == 0
    )
    assert (tmp_path / "r" / "report.html").is_file()
    assert main(["report", str(folder), "--out", str(tmp_path / "s"), "--jobs", "0"]) == 2


def test_spearman_equals_scipy():
    from scipy.stats import spearmanr

    from quartiernetz.roles.stability import _spearman

    rng = np.random.default_rng(3)
    for _ in range(200):
        n = int(rng.integers(3, 80))
        a = rng.integers(0, 6, n).astype(float)  # many ties
        b = a + rng.normal(0, 1.5, n).round(1)
        if np.ptp(a) == 0 or np.ptp(b) == 0:
            continue
        assert _spearman(a, b) == pytest.approx(spearmanr(a, b).statistic, abs=1e-12)


def test_worker_ends_when_an_analysis_fails(example, tmp_path, monkeypatch):
    import quartiernetz.report as report

    started: list[FigureWorker] = []
    original_start = FigureWorker.start

    def start(self):
        started.append(self)
        return original_start(self)

    def fail(*args, **kwargs):
        raise RuntimeError("analysis failed")

    monkeypatch.setattr(FigureWorker, "start", start)
    monkeypatch.setattr(report, "run_analyses", fail)
    with pytest.raises(RuntimeError, match="analysis failed"):
        write_report(example, tmp_path / "report", quiet=True, n_jobs=2)
    assert len(started) == 1 and started[0].process is None  # closed, and waited for
    assert list(tmp_path.iterdir()) == []
