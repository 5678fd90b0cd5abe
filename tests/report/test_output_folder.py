"""The report's output folder: --force replaces only an earlier report, the lock, `.`.

Most tests replace the analyses and figures by a stand-in that writes three small
files (``_write_into``), so that they test the folder rules in milliseconds; one
test writes a whole report.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import quartiernetz.report as report_module
import quartiernetz.report.output as output_module
from quartiernetz.datasets import load_example
from quartiernetz.exceptions import QuartiernetzError
from quartiernetz.report import default_title, write_report
from quartiernetz.report.output import (
    LOCK,
    MARKER,
    OutputLock,
    check_output,
    display_name,
    report_files,
    write_marker,
)

CALLS: list[str] = []


def _stand_in(net, tmp, lang, seed, title, progress, approximate, n_jobs):
    CALLS.append(str(tmp))
    (tmp / "figures").mkdir()
    (tmp / "figures" / "network.png").write_bytes(b"png " + lang.encode())
    (tmp / "report.html").write_text(title, encoding="utf-8")
    (tmp / "summary.csv").write_text(lang, encoding="utf-8")


@pytest.fixture
def fast(monkeypatch):
    CALLS.clear()
    monkeypatch.setattr(report_module, "_write_into", _stand_in)
    return CALLS


@pytest.fixture(scope="module")
def net():
    return load_example()


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _thesis(folder: Path) -> dict[str, bytes]:
    folder.mkdir()
    (folder / "thesis.docx").write_bytes(b"two years of work")
    (folder / "Fotos").mkdir()
    (folder / "Fotos" / "a.jpg").write_bytes(b"jpeg")
    return _tree(folder)


# ------------------------------------------------------------------------- --force


def test_force_never_empties_a_folder_the_report_did_not_write(fast, net, tmp_path):
    folder = tmp_path / "thesis"
    before = _thesis(folder)
    with pytest.raises(QuartiernetzError, match="no quartiernetz report") as err:
        write_report(net, folder, quiet=True, force=True)
    assert "force=True" in str(err.value) and "thesis.docx" in str(err.value)
    assert "--force" in err.value.render("en", interface="cli")
    assert "keinen quartiernetz-Bericht" in err.value.render("de", interface="cli")
    assert _tree(folder) == before
    assert not fast  # refused before any work
    assert sorted(p.name for p in folder.iterdir()) == ["Fotos", "thesis.docx"]


def test_force_replaces_an_earlier_report_and_nothing_else(fast, net, tmp_path):
    folder = tmp_path / "r"
    write_report(net, folder, lang="de", quiet=True)
    listed = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    assert listed["files"] == ["figures/network.png", "report.html", "summary.csv"]
    with pytest.raises(QuartiernetzError, match="earlier report; pass force=True"):
        write_report(net, folder, lang="en", quiet=True)
    # system files a file browser leaves do not count
    (folder / ".DS_Store").write_bytes(b"finder")
    write_report(net, folder, lang="en", quiet=True, force=True)
    assert (folder / "summary.csv").read_text(encoding="utf-8") == "en"
    assert (folder / ".DS_Store").read_bytes() == b"finder"
    # a file the user put beside the report: --force refuses and deletes nothing
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    (folder / "figures" / "edited.png").write_bytes(b"mine too")
    before = _tree(folder)
    with pytest.raises(QuartiernetzError, match="files it did not write") as err:
        write_report(net, folder, lang="de", quiet=True, force=True)
    assert "figures/edited.png" in str(err.value) and "notes.txt" in str(err.value)
    assert _tree(folder) == before
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".q")) == [MARKER]


def test_a_marker_cannot_reach_outside_its_folder(fast, net, tmp_path):
    (tmp_path / "thesis.docx").write_bytes(b"keep")
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / MARKER).write_text(
        json.dumps({"files": ["../thesis.docx", "/etc/passwd", "a/../../b", "report.html"]}),
        encoding="utf-8",
    )
    assert report_files(folder) == {MARKER, "report.html"}
    write_report(net, folder, quiet=True, force=True)
    assert (tmp_path / "thesis.docx").read_bytes() == b"keep"
    assert (folder / "report.html").is_file()


def test_an_empty_folder_is_fine_and_kept(fast, net, tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    inode = folder.stat().st_ino
    assert write_report(net, folder, quiet=True) == folder.resolve()
    assert folder.stat().st_ino == inode  # filled, not replaced
    assert sorted(_tree(folder)) == [MARKER, "figures/network.png", "report.html", "summary.csv"]


def test_an_empty_subfolder_counts_as_content(fast, net, tmp_path):
    folder = tmp_path / "r"
    (folder / "Fotos").mkdir(parents=True)
    with pytest.raises(QuartiernetzError, match="Fotos/"):
        write_report(net, folder, quiet=True)


# ---------------------------------------------------------------- inputs, . and ..


def test_the_output_folder_never_holds_an_input(tmp_path):
    data = tmp_path / "mydata"
    data.mkdir()
    (data / "actors.csv").write_text("id\na\n", encoding="utf-8")
    for out, source in [
        (data, data),  # report mydata --out mydata
        (data, data / "actors.csv"),  # the output folder holds the input file
        (tmp_path, data),  # the input folder lies inside the output folder
    ]:
        with pytest.raises(QuartiernetzError, match="holds the input") as err:
            check_output(out, force=True, inputs=[source])
        assert "enthält die Eingabe" in err.value.render("de", interface="cli")
    # a report folder inside the input folder is fine: nothing of the input is touched
    assert check_output(data / "bericht", force=False, inputs=[data])[0] == data / "bericht"


@pytest.mark.parametrize("spelling", [".", "./", "sub/.."])
def test_dot_is_the_current_folder(fast, net, tmp_path, monkeypatch, spelling):
    here = tmp_path / "here"
    (here / "sub").mkdir(parents=True)
    (here / "sub" / "x.txt").write_text("mine", encoding="utf-8")
    monkeypatch.chdir(here)
    # the current folder holds other files: refused before any work, nothing lost
    with pytest.raises(QuartiernetzError, match="not empty"):
        write_report(net, spelling, quiet=True, force=False)
    with pytest.raises(QuartiernetzError, match="no quartiernetz report"):
        write_report(net, spelling, quiet=True, force=True)
    assert not fast and (here / "sub" / "x.txt").is_file()
    # an empty current folder is written into (the folder itself stays)
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.chdir(empty)
    out = write_report(net, spelling, quiet=True)
    assert out == empty.resolve() and (empty / "report.html").is_file()
    write_report(net, spelling, quiet=True, force=True)  # and replaced again
    assert sorted(p.name for p in empty.iterdir()) == [
        MARKER,
        "figures",
        "report.html",
        "summary.csv",
    ]


def test_dot_dot_with_the_folder_we_stand_in(fast, net, tmp_path, monkeypatch):
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    with pytest.raises(
        QuartiernetzError, match=r"\.\. \(.*\): the folder holds no quartiernetz report"
    ):
        write_report(net, "..", quiet=True, force=True)
    assert not fast


# ------------------------------------------------------------------ permissions


def test_permission_denied_names_the_folder_asked_for(fast, net, tmp_path, monkeypatch):
    parent = tmp_path / "readonly"
    parent.mkdir()

    def denied(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(parent / ".random-x8k2"))

    monkeypatch.setattr(Path, "mkdir", denied)
    with pytest.raises(QuartiernetzError) as err:
        write_report(net, parent / "report", quiet=True)
    message = err.value.render("en", interface="cli")
    assert str(parent / "report") in message and "cannot be written" in message
    assert "random" not in message
    assert "kann nicht geschrieben werden" in err.value.render("de", interface="cli")
    monkeypatch.undo()
    # known before any work where the system says so
    monkeypatch.setattr(output_module.os, "access", lambda *a, **k: False)
    with pytest.raises(QuartiernetzError, match="cannot be written"):
        check_output(parent / "report", force=False)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes anyway")
def test_read_only_parent(net, tmp_path):  # pragma: no cover - not as root
    parent = tmp_path / "ro"
    parent.mkdir(mode=0o555)
    with pytest.raises(QuartiernetzError, match="cannot be written"):
        write_report(net, parent / "r", quiet=True)


# ------------------------------------------------------------------------- the lock


def test_a_held_lock_refuses_a_second_report(fast, net, tmp_path):
    folder = tmp_path / "r"
    with OutputLock(folder):
        with pytest.raises(QuartiernetzError, match="another report is being written") as err:
            write_report(net, folder, quiet=True)
        assert "anderer Bericht" in err.value.render("de")
        assert LOCK in str(err.value)
    assert not folder.exists() and not fast


def test_a_stale_lock_is_taken_over(fast, net, tmp_path):
    folder = tmp_path / "r"
    folder.mkdir()
    proc = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    import socket

    (folder / LOCK).write_text(f"{proc.stdout.strip()} {socket.gethostname()}\n")
    (folder / ".quartiernetz-tmp-left").mkdir()  # what a killed run left
    write_report(net, folder, quiet=True)
    assert sorted(p.name for p in folder.iterdir()) == [
        MARKER,
        "figures",
        "report.html",
        "summary.csv",
    ]
    # a lock from another host is never taken over
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / LOCK).write_text("1 another-host\n")
    with pytest.raises(QuartiernetzError, match="another report"):
        write_report(net, tmp_path / "s", quiet=True)


def test_two_reports_into_one_new_folder(monkeypatch, net, tmp_path):
    started, release = threading.Event(), threading.Event()

    def slow(net, tmp, *args):
        started.set()
        release.wait(10)
        _stand_in(net, tmp, *args)

    monkeypatch.setattr(report_module, "_write_into", slow)
    folder = tmp_path / "same"
    results: list[object] = []
    first = threading.Thread(target=lambda: results.append(write_report(net, folder, quiet=True)))
    first.start()
    assert started.wait(10)
    with pytest.raises(QuartiernetzError, match="another report is being written"):
        write_report(net, folder, quiet=True)
    release.set()
    first.join(10)
    assert results == [folder.resolve()]
    assert not (folder / LOCK).exists()


# ------------------------------------------------------------------ interruptions


def test_interrupt_leaves_the_earlier_report(net, tmp_path, monkeypatch):
    monkeypatch.setattr(report_module, "_write_into", _stand_in)
    folder = tmp_path / "r"
    write_report(net, folder, lang="de", quiet=True)
    before = _tree(folder)

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(report_module, "_write_into", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_report(net, folder, quiet=True, force=True)
    assert _tree(folder) == before
    assert sorted(p.name for p in folder.iterdir()) == [
        MARKER,
        "figures",
        "report.html",
        "summary.csv",
    ]
    with pytest.raises(KeyboardInterrupt):
        write_report(net, tmp_path / "new", quiet=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r"]


def test_a_failing_swap_puts_the_earlier_report_back(fast, net, tmp_path, monkeypatch):
    folder = tmp_path / "r"
    write_report(net, folder, lang="de", quiet=True)
    before = _tree(folder)
    real = os.replace
    calls = []

    def flaky(src, dst):
        calls.append(dst)
        if len(calls) == 5:  # the earlier report is aside, the new one half in
            raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(output_module.os, "replace", flaky)
    with pytest.raises(OSError):
        write_report(net, folder, lang="en", quiet=True, force=True)
    assert _tree(folder) == before
    assert sorted(p.name for p in folder.iterdir()) == [
        MARKER,
        "figures",
        "report.html",
        "summary.csv",
    ]


# ----------------------------------------------------------------------------- title


def test_a_lowercase_name_gives_a_capitalised_title(fast, net, tmp_path):
    assert net.name == "nordstadt"
    write_report(net, tmp_path / "de", lang="de", quiet=True)
    assert (tmp_path / "de" / "report.html").read_text(encoding="utf-8") == (
        "Netzwerkanalyse: Nordstadt"
    )
    assert default_title(net, "en") == "Network analysis: Nordstadt"
    write_report(net, tmp_path / "t", quiet=True, title="mein titel")
    assert (tmp_path / "t" / "report.html").read_text(encoding="utf-8") == "mein titel"
    assert display_name("NordStadt") == "NordStadt" and display_name("") == ""


def test_marker_roundtrip(tmp_path):
    write_marker(tmp_path, ["b.csv", "a.csv", "a.csv"])
    assert report_files(tmp_path) == {MARKER, "a.csv", "b.csv"}
    (tmp_path / MARKER).write_text("not json", encoding="utf-8")
    assert report_files(tmp_path) is None
