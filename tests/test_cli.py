"""The command line: exit codes, messages without tracebacks, the three subcommands."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quartiernetz.cli import main
from quartiernetz.datasets import example_path, load_example
from quartiernetz.io import read_network

ACTORS = "id,label,type\nqm,Quartiersmanagement,Quartiersmanagement\nawo,AWO,Wohlfahrtsverband\n"


@pytest.fixture(autouse=True)
def english_locale(monkeypatch):
    """These tests read the English messages; the default language comes from the locale."""
    for var in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")


def make(tmp_path: Path, files: dict[str, str | bytes], folder: str = "net") -> Path:
    d = tmp_path / folder
    d.mkdir()
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (d / name).write_bytes(data)
    return d


def run(argv, capsys):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


# each input error: exit 2, one message naming file/row/column and the culprit, no traceback
ERRORS = [
    (
        {"actors.csv": ACTORS, "ties.csv": "source,partner\nqm,awo\n"},
        ["ties.csv, row 1", "'target'", "columns found: 'source', 'partner'"],
    ),
    (
        {"actors.csv": ACTORS, "ties.csv": "source,target\nqm,awo\nqm,XYZ-42\n"},
        ["ties.csv, row 3, column 'target'", '"XYZ-42" is not an actor in actors.csv'],
    ),
    (
        {"actors.csv": ACTORS + "qm,Doppelt,Kommune\n", "ties.csv": "source,target\nqm,awo\n"},
        ["actors.csv, row 4, column 'id'", '"qm" appears again (first in row 2)'],
    ),
    (
        {"actors.csv": ACTORS, "ties.csv": "source;target;intensity\nqm;awo;eng\n"},
        ["ties.csv, row 2, column 'intensity'", "'eng' is not a number", "expected a number >= 0"],
    ),
    (
        {"actors.csv": ACTORS, "ties.csv": "source,target,intensity\nqm,awo,-2\n"},
        ["ties.csv, row 2, column 'intensity'", "'-2' is below 0"],
    ),
    ({"actors.csv": "", "ties.csv": "source,target\nqm,awo\n"}, ["actors.csv: the file is empty"]),
    (
        {"actors.csv": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "ties.csv": "source,target\n"},
        ["actors.csv: the file holds binary data"],
    ),
]


@pytest.mark.parametrize("command", ["validate", "report"])
@pytest.mark.parametrize(("files", "needles"), ERRORS)
def test_input_errors_exit_2(tmp_path, capsys, files, needles, command):
    folder = make(tmp_path, files)
    extra = ["--out", tmp_path / "out"] if command == "report" else []
    code, out, err = run([command, folder, *extra], capsys)
    assert code == 2
    assert "Traceback" not in err and err.startswith("quartiernetz: error: ")
    for needle in needles:
        assert needle in err
    assert not (tmp_path / "out").exists()


def test_not_the_claimed_format(tmp_path, capsys):
    path = tmp_path / "net.xlsx"
    path.write_text("id,label\n")
    code, _, err = run(["validate", path], capsys)
    assert code == 2 and "net.xlsx: the file cannot be opened as an Excel workbook" in err
    code, _, err = run(["validate", tmp_path / "missing.csv"], capsys)
    assert code == 2 and "does not exist" in err


def test_validate_prints_what_was_read_and_the_record(tmp_path, capsys):
    folder = make(
        tmp_path,
        {
            "actors.csv": ACTORS + "bi,Initiative,Initiative\n",
            "ties.csv": "source,target\nqm,awo\nawo,qm\nbi,bi\n",
        },
    )
    code, out, _ = run(["validate", folder], capsys)
    assert code == 0
    assert "3 actors, 1 tie, 0 affiliations, undirected" in out
    assert "ties.csv (rows 4): dropped 1: self-tie" in out
    assert "ties.csv (rows 2, 3): merged 1" in out


def test_convert_round_trip(tmp_path, capsys):
    for name in ("out.xlsx", "folder"):
        code, _, err = run(["convert", example_path(), tmp_path / name], capsys)
        assert code == 0, err
        assert read_network(tmp_path / name).equals(load_example())
    code, _, err = run(["convert", example_path(), tmp_path / "x.pdf"], capsys)
    assert code == 2 and "cannot write the ending '.pdf'" in err


def test_report_writes_tables_and_refuses_to_overwrite(tmp_path, capsys):
    out = tmp_path / "rep"
    code, _, err = run(["report", example_path(), "--out", out, "--quiet"], capsys)
    assert code == 0, err
    assert (out / "data_quality.csv").is_file()
    code, _, err = run(["report", example_path(), "--out", out, "--quiet"], capsys)
    assert code == 2 and "--force" in err
    code, _, err = run(["report", example_path(), "--out", out, "--quiet", "--force"], capsys)
    assert code == 0


@pytest.mark.parametrize("command", ["validate", "convert", "report"])
def test_help(command, capsys):
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    assert "usage: quartiernetz " + command in capsys.readouterr().out


@pytest.mark.parametrize("lang", ["de", "en"])
def test_top_level_help_in_one_language(lang, capsys, monkeypatch):
    from quartiernetz import cli

    monkeypatch.setattr(cli, "default_lang", lambda fallback: lang)
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    if lang == "de":
        assert "die Version zeigen und beenden" in out and "Aufruf:" in out
        assert "show" not in out and "usage" not in out
    else:
        assert "show the version and exit" in out and "usage:" in out


def test_installed_entry_point_prints_no_traceback(tmp_path):
    folder = make(tmp_path, {"actors.csv": ACTORS, "ties.csv": "source,target\nqm,nobody\n"})
    proc = subprocess.run(
        [sys.executable, "-m", "quartiernetz", "validate", str(folder)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and '"nobody" is not an actor' in proc.stderr


FILE_ERRORS = [
    (
        "ns.csv",
        ",A,B,C\nA,0,1,0\nB,1,0,1\n",
        ["ns.csv, row 1", "the matrix has 2 rows and 3 columns", "expected a square matrix"],
    ),
    (
        "lab.csv",
        ",A,B,C\nA,0,1,0\nB,1,0,1\nD,0,1,0\n",
        ["lab.csv, row 4, column 'C'", 'row 3 is labelled "D" but column 3 is labelled "C"'],
    ),
    ("net.net", '*Vertices 2\n1 "AWO"\n2 "Kita"\n*Edges\n1 3\n', ["net.net", "3"]),
    ("net.graphml", "<graphml><graph edgedefault='undirected'><node id='a'/>", ["net.graphml"]),
]


@pytest.mark.parametrize(("name", "text", "needles"), FILE_ERRORS)
def test_file_format_errors_exit_2(tmp_path, capsys, name, text, needles):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    code, _, err = run(["validate", path], capsys)
    assert code == 2
    assert "Traceback" not in err and err.startswith("quartiernetz: error: ")
    for needle in needles:
        assert needle in err
