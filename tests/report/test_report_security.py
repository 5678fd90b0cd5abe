"""Issue 9 for the report: personal data kept out, no file names from user text,
pseudonymised outputs without original names, atomic writes, bounded memory in a batch."""

from __future__ import annotations

import re
import resource
from pathlib import Path

import pandas as pd
import pytest

import quartiernetz.report as report_module
from quartiernetz import Network, load_example, read_survey
from quartiernetz.cli import main
from quartiernetz.exceptions import QuartiernetzError
from quartiernetz.privacy import pseudonymize
from quartiernetz.report import write_report

from ..survey_examples import REPO, SURVEY_EXAMPLES, SURVEYS, survey_options

EMAIL = re.compile(rb"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}")
IPV4 = re.compile(rb"\b\d{1,3}(?:\.\d{1,3}){3}\b")


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def _planted(path: Path, pattern: re.Pattern) -> set[bytes]:
    return set(pattern.findall(path.read_bytes()))


@pytest.mark.parametrize(
    ("export", "options"), [SURVEY_EXAMPLES["limesurvey"], SURVEY_EXAMPLES["qualtrics"]]
)
def test_identifying_values_reach_no_output_file(tmp_path, export, options):
    source = SURVEYS / export
    mails, ips = _planted(source, EMAIL), _planted(source, IPV4)
    assert mails or ips, "the example export should plant identifying values"
    net = read_survey(source, **survey_options(options))
    out = write_report(net, tmp_path / "r", lang="de", quiet=True)
    tokens = set(re.findall(rb'"([A-Za-z0-9]{15})"', source.read_bytes()))
    for f in _files(out):
        data = f.read_bytes()
        for value in mails | ips | tokens:
            assert value not in data, (f.name, value)


def test_pseudonymised_report_holds_no_original_names(tmp_path):
    net = load_example()
    pseudo, key_table = pseudonymize(net, key="not-a-secret-test-key")
    out = write_report(pseudo, tmp_path / "r", lang="en", quiet=True)
    names = [n for n in net.actors["label"].tolist() + net.actors.index.tolist() if len(n) > 3]
    assert len(key_table) >= len(net.actors)
    for f in _files(out):
        if f.suffix in {".png"}:
            continue  # raster images hold no text; the SVGs are checked below
        text = f.read_text(encoding="utf-8-sig")
        for name in names:
            assert name not in text, (f.name, name)


def test_cli_pseudonymize_keeps_the_key_table_out_of_the_report(tmp_path, capsys):
    key = tmp_path / "keys" / "quarter.key"
    code = main(
        [
            "report",
            str(REPO / "src/quartiernetz/datasets/data/nordstadt"),
            "--out",
            str(tmp_path / "r"),
            "--pseudonymize",
            str(key),
            "--quiet",
        ]
    )
    assert code == 0, capsys.readouterr().err
    assert key.is_file() and (key.parent / "quarter-key-table.csv").is_file()
    outputs = {p.name for p in _files(tmp_path / "r")}
    assert not any("key" in name for name in outputs)
    table = (tmp_path / "r" / "catalysts.csv").read_text(encoding="utf-8-sig")
    assert "Quartiersmanagement Nordstadt" not in table


HOSTILE = [
    "../../etc/passwd",
    "..\\..\\windows\\system32",
    "/absolute/path",
    "bell\x07and\x1bescape",
    "\tTabulator",
    "\rCarriage",
    "-2+3",
    "@SUM(A1)",
    "Nul\u200bWidth",
]


def test_names_with_paths_and_control_characters(tmp_path):
    ids = [f"a{i}" for i in range(len(HOSTILE))] + ["hub"]
    actors = pd.DataFrame(
        {
            "id": ids,
            "label": HOSTILE + ["Quartiersmanagement"],
            "type": ["Verein"] * len(HOSTILE) + ["Kommune"],
        }
    )
    ties = pd.DataFrame({"source": ["hub"] * len(HOSTILE), "target": ids[:-1]})
    affiliations = pd.DataFrame(
        {"actor": ids[:3], "item": HOSTILE[:3], "kind": "offer", "target_group": HOSTILE[3:6]}
    )
    net = Network(actors, ties, affiliations, name="../../escape")
    parent = tmp_path / "parent"
    out = write_report(net, parent / "report", lang="de", quiet=True, title="/etc/../x")
    # only the report folder was created, with fixed file names
    assert sorted(p.name for p in parent.iterdir()) == ["report"]
    names = {p.relative_to(out).as_posix() for p in _files(out)} - {".quartiernetz-report"}
    assert all(re.fullmatch(r"[a-z_]+\.(csv|html)|figures/[a-z_]+\.(png|svg)", n) for n in names), (
        names
    )
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "\x07" not in html and "\x1b" not in html
    # formula-like labels are neutralised in the tables, the plain number text stays
    cat = (out / "catalysts.csv").read_text(encoding="utf-8-sig")
    assert "'@SUM(A1)" in cat and "'-2+3" in cat
    # surrounding tabs and carriage returns were removed on reading, and recorded
    assert "surrounding spaces removed" in str(net.record)


class _Interrupt(BaseException):
    pass


def test_interrupted_run_leaves_no_half_report_and_keeps_the_old_one(tmp_path, monkeypatch):
    net = load_example()
    out = write_report(net, tmp_path / "r", lang="en", quiet=True)
    before = {p.relative_to(out): p.read_bytes() for p in _files(out)}

    def boom(*args, **kwargs):
        raise _Interrupt

    monkeypatch.setattr(report_module, "render_html", boom)
    with pytest.raises(_Interrupt):
        write_report(net, out, lang="de", quiet=True, force=True)
    after = {p.relative_to(out): p.read_bytes() for p in _files(out)}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r"]  # no temporary folder left
    with pytest.raises(_Interrupt):
        write_report(net, tmp_path / "new", lang="de", quiet=True)
    assert not (tmp_path / "new").exists()
    with pytest.raises(QuartiernetzError, match="force=True"):
        write_report(net, out, lang="de", quiet=True)


def test_batch_of_reports_in_one_process_does_not_grow(tmp_path):
    """A small batch in one process: after two warm-up runs the peak memory stays put.

    ``benchmarks/batch.py`` runs the full 200-input batch and reports time and memory.
    """
    from quartiernetz.datasets import lower_saxony

    nets = list(lower_saxony(seed=1).values()) + list(lower_saxony(seed=2).values())
    peaks = []
    for i, net in enumerate(nets):
        write_report(net, tmp_path / f"r{i}", lang="de", seed=i, quiet=True)
        peaks.append(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)  # MiB on Linux
    growth = peaks[-1] - peaks[1]
    assert growth < 60, f"peak memory grew by {growth:.0f} MiB over {len(nets) - 2} reports"
