"""The command line as the main job: safe output folders, Ctrl-C, clean messages in
German and English, every input problem listed, no terminal escapes passed through."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

import quartiernetz.io as io_module
import quartiernetz.report as report_module
from quartiernetz.cli import build_parser, describe_text, main
from quartiernetz.datasets import example_path, load_example
from quartiernetz.exceptions import InputError, InputProblems, InvalidValueError, UnknownActorError
from quartiernetz.i18n import Text
from quartiernetz.network import Network
from quartiernetz.report.output import LOCK, MARKER, OutputLock

ACTORS = "id,label,type\nqm,Quartiersmanagement,Quartiersmanagement\nawo,AWO,Wohlfahrtsverband\n"


@pytest.fixture(autouse=True)
def english_locale(monkeypatch):
    for var in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")


def run(argv, capsys):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _stand_in(net, tmp, lang, seed, title, progress, approximate, n_jobs):
    (tmp / "report.html").write_text(title, encoding="utf-8")


@pytest.fixture
def fast(monkeypatch):
    monkeypatch.setattr(report_module, "_write_into", _stand_in)


def _data(tmp_path: Path) -> Path:
    d = tmp_path / "mydata"
    d.mkdir()
    (d / "actors.csv").write_text(ACTORS, encoding="utf-8")
    (d / "ties.csv").write_text("source,target\nqm,awo\n", encoding="utf-8")
    return d


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


# ------------------------------------------------------------------ output folder


def test_the_input_folder_is_never_the_report_folder(fast, tmp_path, capsys):
    data = _data(tmp_path)
    before = _tree(data)
    for out, lang, needle in [
        (data, "en", "the output folder holds the input"),
        (tmp_path, "de", "der Ausgabeordner enthält die Eingabe"),
    ]:
        code, _, err = run(["report", data, "--out", out, "--force", "--lang", lang], capsys)
        assert code == 2 and needle in err and "Traceback" not in err
    assert _tree(data) == before


def test_force_refuses_a_folder_of_other_files(fast, tmp_path, capsys):
    folder = tmp_path / "thesis"
    folder.mkdir()
    (folder / "thesis.docx").write_bytes(b"work")
    code, _, err = run(["report", example_path(), "--out", folder, "--force"], capsys)
    assert code == 2
    assert "no quartiernetz report" in err and "--force replaces only an earlier report" in err
    assert "force=True" not in err
    assert sorted(p.name for p in folder.iterdir()) == ["thesis.docx"]


def test_dot_with_other_files_fails_before_reading(tmp_path, capsys, monkeypatch):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def never(*args, **kwargs):
        raise AssertionError("the input was read although the output is refused")

    monkeypatch.setattr(io_module, "read_network", never)
    for out in (".", "./", ".."):
        code, _, err = run(["report", example_path(), "--out", out, "--force"], capsys)
        assert code == 2 and "Traceback" not in err
        assert err.startswith(f"quartiernetz: error: {out} (")
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_dot_when_empty_writes_the_report_here(fast, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(["report", example_path(), "--out", "."], capsys)
    assert code == 0, err
    assert err == f"report written to {tmp_path.resolve()}\n"
    assert (tmp_path / "report.html").is_file() and (tmp_path / MARKER).is_file()


def test_permission_denied_names_the_folder_asked_for(fast, tmp_path, capsys, monkeypatch):
    def denied(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path / ".rep-8fz1q"))

    monkeypatch.setattr(Path, "mkdir", denied)
    code, _, err = run(["report", example_path(), "--out", tmp_path / "rep"], capsys)
    assert code == 2
    assert f"{tmp_path / 'rep'}: the folder cannot be written (permission denied)" in err
    assert ".rep-8fz1q" not in err and "--out" in err


def test_a_second_report_into_the_same_folder_is_refused(fast, tmp_path, capsys):
    out = tmp_path / "rep"
    with OutputLock(out):
        for lang, needle in [
            ("en", "another report is being written into this folder"),
            ("de", "in diesen Ordner wird gerade ein anderer Bericht geschrieben"),
        ]:
            code, _, err = run(["report", example_path(), "--out", out, "--lang", lang], capsys)
            assert code == 2 and needle in err and LOCK in err
    code, _, err = run(["report", example_path(), "--out", out], capsys)
    assert code == 0, err


# ------------------------------------------------------------------------- Ctrl-C


def test_ctrl_c_one_line_exit_130_nothing_left(tmp_path, capsys, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(report_module, "run_analyses", interrupted)
    out = tmp_path / "rep"
    for lang, needle in [("en", "interrupted (Ctrl-C)"), ("de", "abgebrochen (Strg-C)")]:
        code, stdout, err = run(
            ["report", example_path(), "--out", out, "--quiet", "--lang", lang], capsys
        )
        assert code == 130
        assert err.count("\n") == 1 and needle in err and "Traceback" not in err
        assert list(tmp_path.iterdir()) == []  # no folder, no lock, no temporary folder
    monkeypatch.setattr(io_module, "read_network", interrupted)
    code, _, err = run(["validate", example_path()], capsys)
    assert code == 130 and err == "quartiernetz: interrupted (Ctrl-C)\n"


# ----------------------------------------------------------------------- warnings


def _warning_stand_in(net, tmp, *args):
    warnings.warn(
        "Louvain found 2 communities, fewer than n_communities=3", UserWarning, stacklevel=2
    )
    _stand_in(net, tmp, *args)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_quiet_means_no_warnings_otherwise_one_clean_line(tmp_path, capsys, monkeypatch, lang):
    monkeypatch.setattr(report_module, "_write_into", _warning_stand_in)
    argv = ["report", example_path(), "--lang", lang]
    code, _, err = run([*argv, "--out", tmp_path / "q", "--quiet"], capsys)
    assert code == 0 and "Louvain" not in err and "Warning" not in err
    code, _, err = run([*argv, "--out", tmp_path / "v"], capsys)
    assert code == 0
    prefix = "quartiernetz: warning: " if lang == "en" else "quartiernetz: Warnung: "
    assert f"{prefix}Louvain found 2 communities, fewer than n_communities=3\n" in err
    assert ".py" not in err and "UserWarning" not in err


# ------------------------------------------------------------ terminal escapes

HOSTILE = "Evil\x1b[2J\x1b]0;pwned\x07 \u202eTreff\x9b\r"


def test_control_characters_are_shown_not_obeyed(tmp_path, capsys):
    d = tmp_path / "net"
    d.mkdir()
    (d / "actors.csv").write_text(
        f'id,label,type\nqm,"{HOSTILE}",Kommune\nawo,AWO,Verein\n', encoding="utf-8"
    )
    (d / "ties.csv").write_text(f'source,target\nqm,awo\nqm,"X{HOSTILE}"\n', encoding="utf-8")
    code, out, err = run(["validate", d], capsys)
    for text in (out, err):
        for raw in ("\x1b", "\x07", "\u202e", "\x9b", "\r"):
            assert raw not in text
    assert code == 2 and "\\x1b[2J" in err and "\\x1b]0;pwned\\x07" in err


@pytest.mark.filterwarnings("ignore::quartiernetz.exceptions.DataCleaningWarning")
def test_validate_table_and_record_are_escaped():
    net = Network(
        actors=pd.DataFrame({"id": ["a", "b"], "type": [HOSTILE, "Kita"]}),
        ties=pd.DataFrame({"source": ["a"], "target": ["b"]}),
    )
    net.record.add("dropped", Text(f"row {HOSTILE}", f"Zeile {HOSTILE}"), warn=False)
    for lang in ("en", "de"):
        text = describe_text(net, lang=lang)
        assert "\x1b" not in text and "\u202e" not in text and "\\x1b]0;pwned\\x07" in text
        assert "\\u202eTreff" in text


def test_argparse_messages_are_escaped_too(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["validate", "x", "--tool", "a", "--lang", "\x1b[2J"])
    assert exc.value.code == 2
    assert "\x1b" not in capsys.readouterr().err


# -------------------------------------------------------- every problem listed


def test_validate_lists_every_problem(capsys, monkeypatch):
    problems = InputProblems(
        [
            InvalidValueError("'eng' is not a number", file="ties.csv", row=7, column="intensity"),
            UnknownActorError('"XYZ" is not an actor', file="ties.csv", row=3, column="target"),
            InvalidValueError(
                Text("'-2' is below 0", "'-2' ist kleiner als 0"),
                file="ties.csv",
                row=12,
                column="intensity",
            ),
        ]
    )

    def reader(*args, **kwargs):
        raise problems

    monkeypatch.setattr(io_module, "read_network", reader)
    code, _, err = run(["validate", "whatever"], capsys)
    assert code == 2
    lines = err.splitlines()
    assert lines[0] == "quartiernetz: error: ties.csv: 3 problems."
    assert [line.split(":")[0] for line in lines[1:]] == [
        "  ties.csv, row 3, column 'target'",
        "  ties.csv, row 7, column 'intensity'",
        "  ties.csv, row 12, column 'intensity'",
    ]
    code, _, err = run(["validate", "whatever", "--lang", "de"], capsys)
    assert err.splitlines()[0] == "quartiernetz: Fehler: ties.csv: 3 Probleme."
    assert "  ties.csv, Zeile 12, Spalte 'intensity': '-2' ist kleiner als 0." in err


# ----------------------------------------------------------------- languages


@pytest.mark.parametrize("command", ["validate", "convert", "report"])
def test_every_command_has_lang(command):
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    options = {o for a in sub.choices[command]._actions for o in a.option_strings}
    assert "--lang" in options


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("de_DE.UTF-8", "de"), ("en_US.UTF-8", "en"), ("fr_FR.UTF-8", "de"), ("C.UTF-8", "de")],
)
def test_default_language_from_the_locale(capsys, monkeypatch, locale, expected):
    monkeypatch.setenv("LANG", locale)
    code, out, _ = run(["validate", example_path()], capsys)
    assert code == 0
    assert out.startswith("Gelesen: " if expected == "de" else "Read ")


def test_singular_and_plural(tmp_path, capsys):
    d = tmp_path / "one"
    d.mkdir()
    (d / "actors.csv").write_text("id\na\n", encoding="utf-8")
    (d / "ties.csv").write_text("source,target\n", encoding="utf-8")
    code, out, _ = run(["validate", d, "--lang", "de"], capsys)
    assert code == 0 and "1 Akteur, 0 Beziehungen, 0 Zugehörigkeiten" in out
    code, out, _ = run(["validate", d, "--lang", "en"], capsys)
    assert "1 actor, 0 ties, 0 affiliations" in out
    code, out, _ = run(["validate", example_path(), "--lang", "de"], capsys)
    assert "31 Akteure, 65 Beziehungen, 56 Zugehörigkeiten, ungerichtet" in out
    assert "Akteure nach Typ:" in out and "Keine Probleme gefunden" in out


def test_hints_name_command_line_options(capsys, monkeypatch):
    net = load_example()

    def reader(*args, **kwargs):
        raise InputError(
            Text("no respondent column", "keine Spalte für die Antwortenden"),
            file="export.csv",
            hint=Text("Name it with [[opt:respondent=COLUMN]].", "Mit [[opt:respondent=SPALTE]]."),
        )

    monkeypatch.setattr(io_module, "read_network", reader)
    code, _, err = run(["validate", "x"], capsys)
    assert code == 2 and "--respondent COLUMN" in err and "respondent=" not in err
    code, _, err = run(["validate", "x", "--lang", "de"], capsys)
    assert "Mit --respondent SPALTE." in err and "keine Spalte" in err
    net.record.add(
        "merged",
        Text(
            "near matches decided ([[py:aliases=|cli:--aliases FILE]])",
            "Beinahe-Treffer entschieden ([[py:aliases=|cli:--aliases DATEI]])",
        ),
        warn=False,
    )
    assert "(--aliases FILE)" in describe_text(net, lang="en")
    assert "(--aliases DATEI)" in describe_text(net, lang="de")


def test_messages_of_the_command_line_in_german(fast, tmp_path, capsys):
    code, _, err = run(["report", example_path(), "--out", tmp_path / "r", "--lang", "de"], capsys)
    assert code == 0 and err == f"Bericht geschrieben nach {tmp_path / 'r'}\n"
    code, _, err = run(["report", example_path(), "--out", tmp_path / "r", "--lang", "de"], capsys)
    assert code == 2 and "früheren Bericht; mit --force wird er ersetzt" in err
    code, _, err = run(["report", example_path(), "--out", tmp_path / "s", "--jobs", "0"], capsys)
    assert code == 2 and "--jobs must be a whole number" in err and "n_jobs" not in err
    with pytest.raises(SystemExit):
        main(["report", str(example_path()), "--lang", "de"])
    assert "diese Angaben fehlen: --out" in capsys.readouterr().err
    code, _, err = run(["validate", tmp_path / "nothing.csv", "--lang", "de"], capsys)
    assert code == 2 and err.startswith("quartiernetz: Fehler: ")


def test_title_from_a_lowercase_folder(fast, tmp_path, capsys):
    data = tmp_path / "nordstadt"
    data.mkdir()
    (data / "actors.csv").write_text(ACTORS, encoding="utf-8")
    (data / "ties.csv").write_text("source,target\nqm,awo\n", encoding="utf-8")
    assert run(["report", data, "--out", tmp_path / "r", "--lang", "de"], capsys)[0] == 0
    assert (tmp_path / "r" / "report.html").read_text(encoding="utf-8") == (
        "Netzwerkanalyse: Nordstadt"
    )
    (data.rename(tmp_path / "NordStadt-Ost"))
    assert run(["report", tmp_path / "NordStadt-Ost", "--out", tmp_path / "s"], capsys)[0] == 0
    assert (tmp_path / "s" / "report.html").read_text(encoding="utf-8") == (
        "Network analysis: NordStadt-Ost"
    )


def test_installed_command_ctrl_c(tmp_path):
    """A real Ctrl-C (SIGINT) in a real process: one line, status 130, nothing left."""
    import signal
    import time

    out = tmp_path / "rep"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "quartiernetz",
            "report",
            str(example_path()),
            "--out",
            str(out),
            "--lang",
            "en",
            "--jobs",
            "1",
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not (out / LOCK).exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    if proc.returncode == 0:  # pragma: no cover - the report was faster than the signal
        pytest.skip("the report finished before the signal arrived")
    assert proc.returncode == 130, err
    assert "Traceback" not in err and err.strip().count("\n") == 0
    assert "interrupted (Ctrl-C)" in err
    assert not out.exists()
