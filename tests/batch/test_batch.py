"""``quartiernetz batch`` and ``quartiernetz.batch.batch``: end to end, resume, overview, Dask."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from quartiernetz.batch import STATE_FILE, batch, programme_overview, write_overview
from quartiernetz.batch.run import key_figures
from quartiernetz.datasets import programme_figures
from quartiernetz.datasets.houses import house_networks, write_house_exports
from quartiernetz.datasets.programme import mgh_programme

TIMEOUT = 240


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "quartiernetz", "batch", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )


def _tiny(folder: Path) -> Path:
    """Three tiny edge lists and one broken file."""
    src = folder / "in"
    src.mkdir()
    (src / "alpha.csv").write_text("source,target\na,b\nb,c\nc,d\nd,a\na,c\n", encoding="utf-8")
    (src / "beta.csv").write_text("source,target\nx,y\ny,z\nz,w\n", encoding="utf-8")
    (src / "gamma.csv").write_text("source,target\np,q\nq,r\n", encoding="utf-8")
    (src / "broken.csv").write_text("von_wem;an\n1\n", encoding="utf-8")
    return src


@pytest.fixture(scope="module")
def first_run(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("batch")
    _tiny(folder)
    done = _cli("in/*.csv", "--out", "out", "--lang", "en", "--jobs", "2", cwd=folder)
    return folder, done


def test_cli_writes_every_good_input_and_reports_the_broken_one(first_run):
    folder, done = first_run
    assert done.returncode == 1, done.stderr  # some inputs failed
    out = folder / "out"
    for name in ("alpha", "beta", "gamma"):
        assert (out / name / "report.html").is_file()
        assert (out / name / ".quartiernetz-report").is_file()
    assert not (out / "broken").exists()
    table = pd.read_csv(out / "batch.csv", encoding="utf-8-sig")
    assert table["name"].tolist() == ["alpha", "beta", "broken", "gamma"]  # input order
    broken = table.set_index("name").loc["broken"]
    assert broken["status"] == "failed"
    assert "broken.csv" in broken["error"] and "source" in broken["error"]
    assert "broken.csv" in done.stderr
    assert table.set_index("name").loc["alpha", "actors"] == 4
    assert table.set_index("name").loc["alpha", "top_catalyst"] in {"a", "c"}
    html = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "Programme overview" in html
    assert 'href="alpha/report.html"' in html and 'href="gamma/report.html"' in html
    assert (out / "figures" / "distributions.png").is_file()
    assert (out / "figures" / "distributions.svg").is_file()
    # two loky worker processes shared the good inputs
    assert table["worker_pid"].nunique() >= 1


def test_resume_skips_finished_inputs_and_reruns_changed_ones(first_run):
    folder, _ = first_run
    before = (folder / "out" / "alpha" / "report.html").stat().st_mtime_ns
    (folder / "in" / "gamma.csv").write_text("source,target\np,q\nq,r\nr,s\n", encoding="utf-8")
    done = _cli("in/*.csv", "--out", "out", "--lang", "en", "--quiet", cwd=folder)
    assert done.returncode == 1, done.stderr
    table = pd.read_csv(folder / "out" / "batch.csv", encoding="utf-8-sig").set_index("name")
    assert table.loc["alpha", "resumed"] and table.loc["beta", "resumed"]
    assert not table.loc["gamma", "resumed"] and table.loc["gamma", "actors"] == 4
    assert not table.loc["broken", "resumed"]  # failed inputs are tried again
    assert (folder / "out" / "alpha" / "report.html").stat().st_mtime_ns == before


def _files(folder: Path) -> dict[str, bytes]:
    """Every file of a report folder (relative path with ``/``) and its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_report_of_a_loky_worker_is_the_standalone_report(first_run, tmp_path):
    """A report the batch wrote in a worker process has the bytes of ``quartiernetz report``."""
    from quartiernetz.cli import main

    folder, _ = first_run
    alone = tmp_path / "alone"
    assert (
        main(
            [
                "report",
                str(folder / "in" / "alpha.csv"),
                "--out",
                str(alone),
                "--lang",
                "en",
                "--quiet",
            ]
        )
        == 0
    )
    batch_files, alone_files = _files(folder / "out" / "alpha"), _files(alone)
    assert {"report.html", "explorer.html", "figures/network.svg"} <= set(batch_files)
    assert batch_files.keys() == alone_files.keys()
    assert [f for f in batch_files if batch_files[f] != alone_files[f]] == []


def test_report_of_a_batch_is_write_report_of_the_same_input(tmp_path):
    """In the batch's own process too: a 31-actor quarter with committees and offers."""
    from quartiernetz.datasets import example_path
    from quartiernetz.io import read_network
    from quartiernetz.report import write_report

    table = batch([example_path()], tmp_path / "out", lang="de", seed=3)
    assert table["status"].tolist() == ["ok"]
    alone = write_report(
        read_network(example_path()), tmp_path / "alone", lang="de", seed=3, quiet=True
    )
    batch_files, alone_files = _files(tmp_path / "out" / "nordstadt"), _files(alone)
    assert {"figures/overlap_offers.svg", "offers.csv", "explorer.html"} <= set(batch_files)
    assert batch_files.keys() == alone_files.keys()
    assert [f for f in batch_files if batch_files[f] != alone_files[f]] == []
    assert float(table["cpu_seconds"].iloc[0]) > 0
    # the overview counts the report's own network check (computed with the batch's seed)
    check = pd.read_csv(alone / "network_check.csv", encoding="utf-8-sig")
    names = {"Stärke": "strength", "Hinweis": "watch", "Lücke": "gap"}
    counts = check["assessment"].map(names).value_counts()
    for a in ("strength", "watch", "gap"):
        assert table[f"check_{a}"].iloc[0] == counts.get(a, 0)


def test_german_overview_from_the_same_table(first_run, tmp_path):
    folder, _ = first_run
    table = pd.read_csv(folder / "out" / "batch.csv", encoding="utf-8-sig")
    files = write_overview(table, tmp_path, lang="de")
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de">' in html and "Programmübersicht" in html
    assert "fehlgeschlagen" in html and "Dichte" in html
    assert "figures/distributions.svg" in files


def test_batch_folder_with_foreign_files_or_holding_an_input_is_refused(
    tmp_path, capsys, monkeypatch
):
    from quartiernetz.cli import EXIT_INPUT, main

    src = _tiny(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "thesis.docx").write_text("mine", encoding="utf-8")
    assert main(["batch", "in/alpha.csv", "--out", "busy", "--lang", "en"]) == EXIT_INPUT
    assert "thesis.docx" in capsys.readouterr().err
    monkeypatch.chdir(src)
    assert main(["batch", str(src / "alpha.csv"), "--out", ".", "--lang", "de"]) == EXIT_INPUT
    assert "Eingabe" in capsys.readouterr().err
    monkeypatch.chdir(tmp_path)
    assert main(["batch", "in/*.xlsx", "--out", "new", "--lang", "en"]) == EXIT_INPUT
    assert "no file or folder matches" in capsys.readouterr().err
    assert not (tmp_path / "new").exists()


def test_python_api_rejects_bad_jobs(tmp_path):
    from quartiernetz.exceptions import QuartiernetzError

    with pytest.raises(QuartiernetzError, match="jobs"):
        batch([tmp_path], tmp_path / "out", jobs=0)


def test_programme_figures_recomputed_from_per_house_data(tmp_path):
    """Consistency check: the per-house rows add up to the programme network's figures."""
    n = 12
    nets = house_networks(seed=3, n_houses=n)
    rows = []
    for name, net in nets.items():
        rows.append({"status": "ok", "name": name, **key_figures(net, tmp_path)})
    overview = programme_overview(pd.DataFrame(rows)).set_index("figure")["recomputed"]
    scale = n / 500
    whole = programme_figures(
        mgh_programme(
            seed=3,
            n_houses=n,
            partner_ties=round(25_700 * scale),
            partner_ties_2006=round(20_000 * scale),
            n_regions=max(1, round(n / 2.5)),
        )
    )
    assert overview["houses"] == n
    assert overview["partners_per_house"] == pytest.approx(whole["partners_per_house"])
    assert overview["share_municipal_partner"] == pytest.approx(whole["share_municipal_partner"])
    for key, value in whole.items():
        if str(key).startswith("type_share:"):
            assert overview[key] == pytest.approx(value), key
    written = write_house_exports(tmp_path / "houses", seed=3, n_houses=2)
    assert [p.name for p in written] == ["mgh-001", "mgh-002"]


@pytest.mark.slow  # about 25-35 s: a two-worker cluster starts and imports quartiernetz
def test_dask_local_cluster_runs_ten_inputs(tmp_path):
    distributed = pytest.importorskip("distributed", reason="dask[distributed] is not installed")
    src = tmp_path / "in"
    src.mkdir()
    for i in range(10):
        (src / f"q{i}.csv").write_text(f"source,target\na{i},b\nb,c\nc,a{i}\n", encoding="utf-8")
    (src / "q9.csv").write_text("nothing here\n", encoding="utf-8")
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        table = batch(
            [str(src / "q*.csv")], tmp_path / "out", scheduler=cluster.scheduler_address, lang="en"
        )
    assert len(table) == 10
    assert (table["status"] == "ok").sum() == 9
    assert table.set_index("name").loc["q9", "status"] == "failed"
    assert table["worker_pid"].dropna().nunique() == 2  # both workers did work
    assert (tmp_path / "out" / "q0" / "report.html").is_file()
    assert (tmp_path / "out" / STATE_FILE).is_file()


def test_worker_freeze_never_runs_in_the_batch_process(monkeypatch):
    """joblib runs the jobs in the calling process when it cannot start processes
    (inside a daemon process): the user's objects there must stay collectable."""
    import gc
    import os

    from quartiernetz.batch import run

    frozen = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    monkeypatch.setattr(run, "run_one", lambda job: {"name": job["name"]})
    monkeypatch.setattr(run, "_frozen", [False])
    assert run.run_in_worker({"name": "a"}, os.getpid()) == {"name": "a"}
    assert frozen == []
    # in another process (a loky worker), once
    run.run_in_worker({"name": "b"}, os.getpid() + 1)
    run.run_in_worker({"name": "c"}, os.getpid() + 1)
    assert frozen == [True]
