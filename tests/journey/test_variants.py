"""What a careful user expects from realistic variants of their data (see ``variants.py``).

Each test generates one variant into a temporary folder, runs the command line on it
and checks the expectation named in its docstring.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from quartiernetz import read_network

from . import variants as v
from .checks import error_problems, report_problems, run_cli, stream_problems

SURVEYS = Path(__file__).resolve().parents[2] / "data" / "surveys"


def _ok(result) -> None:
    problems = stream_problems(result)
    if result.code != 0:
        problems.append(f"exit status {result.code}, expected 0")
    assert not problems, "\n".join([*problems, result.describe()])


def _report(input_argv: list[str], out: Path, *extra: str, lang: str = "de"):
    argv = ["report", *input_argv, "--out", str(out), "--lang", lang, "--jobs", "1", *extra]
    return run_cli(argv)


def _record_text(net) -> str:
    return "\n".join(e.render("en", interface="cli") for e in net.record if e.action != "info")


def _all_output_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (the members of xlsx files unpacked)."""
    found = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as zf:
                for member in zf.namelist():
                    found[f"{path.name}:{member}"] = zf.read(member)
        else:
            found[str(path.relative_to(folder))] = path.read_bytes()
    return found


def test_the_base_quarter_works(tmp_path):
    """The unchanged base: a failure below is due to the variant, not the base."""
    base = v.make_base(tmp_path)
    _ok(run_cli(["validate", str(base)]))
    result = _report([str(base)], tmp_path / "out")
    _ok(result)
    assert not report_problems(tmp_path / "out", "de")


def test_missing_types_keep_every_actor_in_the_report(tmp_path):
    """Actors without a type still count: the type table sums to all actors."""
    folder = v.make_missing_types(tmp_path)
    out = tmp_path / "out"
    result = _report([str(folder)], out)
    _ok(result)
    assert not report_problems(out, "de")
    by_type = pd.read_csv(out / "data_actors_by_type.csv", encoding="utf-8-sig")
    counts = by_type.select_dtypes("number").iloc[:, -1]
    assert counts.sum() == len(v.ACTORS), by_type


def test_case_variants_are_listed_for_review(tmp_path):
    """``Caritas`` and ``CARITAS``: kept apart (they may differ) but named together for review."""
    folder = v.make_case_variants(tmp_path)
    result = run_cli(["validate", str(folder)])
    _ok(result)
    together = [line for line in result.out.splitlines() if "Caritas" in line and "CARITAS" in line]
    assert together, f"no line names Caritas and CARITAS together:\n{result.out}"


def test_unicode_variants_of_an_id_refer_to_that_actor(tmp_path):
    """NFD, a zero-width space or a trailing space in a tie's id: the actor, with a note."""
    folder = v.make_unicode_references(tmp_path)
    _ok(run_cli(["validate", str(folder)]))
    net = read_network(folder)
    ids = sorted(net.actors.index)
    assert len(ids) == len(v.ACTORS), f"phantom actors: {ids!r}"
    assert all(unicodedata.is_normalized("NFC", i) and i == i.strip() for i in ids), ids
    information = net.ties[net.ties["relation"] == "information"]
    assert len(information) == 4, information
    assert _record_text(net), "the record does not say that ids were normalised"


def test_nfc_twins_in_an_actor_table_are_refused_naming_both_rows(tmp_path):
    """``bürgerhaus`` in NFC and in NFD is the same id once normalised: in an actor table
    that is a duplicate row, refused (never merged or split silently) with one message
    that names both rows and says they differ only in the Unicode form."""
    folder = v.make_unicode_twins(tmp_path)
    for lang, form in (("en", "Unicode form"), ("de", "Unicode-Form")):
        result = run_cli(["validate", str(folder), "--lang", lang])
        problems = error_problems(result)
        assert not problems, "\n".join([*problems, result.describe()])
        assert re.search(r"\b(row|Zeile) 11\b", result.err), result.err
        assert re.search(r"\b(row|Zeile) 5\b", result.err), result.err
        assert form in result.err and "NFC" in result.err, result.err


def test_nfc_twins_in_a_ties_only_file_are_one_actor_with_a_record_note(tmp_path):
    """Without an actor table, the NFC and NFD spellings name one actor; the record says so."""
    folder = v.make_unicode_twins(tmp_path)
    (folder / "actors.csv").unlink()
    result = run_cli(["validate", str(folder)])
    _ok(result)
    net = read_network(folder)
    twins = [i for i in net.actors.index if unicodedata.normalize("NFC", i) == "bürgerhaus"]
    assert len(twins) == 1, f"bürgerhaus is there {len(twins)} times: {twins!r}"
    note = _record_text(net)
    assert "bürgerhaus" in unicodedata.normalize("NFC", note).casefold(), note


def test_a_formula_without_value_is_a_clear_error(tmp_path):
    """An uncalculated formula is refused with one message naming the cell and the formula."""
    path = v.make_formula_xlsx(tmp_path)
    result = run_cli(["validate", str(path)])
    problems = error_problems(result)
    assert not problems, "\n".join([*problems, result.describe()])
    message = result.err
    assert re.search(r"formula|Formel", message, re.I), message
    assert re.search(r"D3|row 3|Zeile 3", message), message


def test_a_hidden_ties_sheet_beside_a_visible_old_one_is_pointed_out(tmp_path):
    """Which sheet was read, and that the other one (visible or hidden) was not."""
    path = v.make_hidden_ties_xlsx(tmp_path)
    result = run_cli(["validate", str(path)])
    _ok(result)
    assert "ties_old" in result.out, result.out
    assert re.search(r"hidden|ausgeblendet", result.out), result.out
    net = read_network(path)
    assert len(net.ties) in (len(v.TIES), len(v.OLD_TIES)), "ties of both sheets mixed"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_hostile_names_stay_inert(tmp_path, lang):
    """Escape sequences never reach the terminal raw; no script gets into the report."""
    folder = v.make_hostile_names(tmp_path)
    _ok(run_cli(["validate", str(folder), "--lang", lang]))
    _ok(run_cli(["convert", str(folder), str(tmp_path / "converted"), "--lang", lang]))
    # a workbook cannot hold control characters: written without them, or a clear refusal
    result = run_cli(["convert", str(folder), str(tmp_path / "converted.xlsx"), "--lang", lang])
    if result.code != 0:
        problems = error_problems(result)
        assert not problems, "\n".join([*problems, result.describe()])
    else:
        assert not stream_problems(result)
    out = tmp_path / "out"
    result = _report([str(folder)], out, lang=lang)
    _ok(result)
    assert not report_problems(out, lang)
    for name, data in _all_output_bytes(out).items():
        if name.endswith((".html", ".svg")):
            text = data.decode("utf-8")
            if name.endswith("explorer.html"):
                # the explorer is a page with its own scripts: the hostile label must
                # only be there escaped inside its JSON (tests/explorer checks it runs inert)
                assert v.SCRIPT_END not in text and "alert(1)</script>" not in text, name
            else:
                assert "<script" not in text.casefold(), f"{name} holds a script tag"
            assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text), (
                f"{name} holds raw control characters"
            )


def test_a_hostile_unknown_actor_is_refused_without_raw_escapes(tmp_path):
    """The error message shows the bad name, but escaped."""
    folder = v.make_hostile_unknown_actor(tmp_path)
    result = run_cli(["validate", str(folder)])
    problems = error_problems(result)
    assert not problems, "\n".join([*problems, result.describe()])


@pytest.mark.parametrize("force", [False, True], ids=["no-force", "force"])
def test_no_foreign_file_is_deleted_from_out(tmp_path, force):
    """``--out`` holding a thesis and photos: refused, or written beside them; never deleted."""
    folder = v.make_base(tmp_path)
    out = v.make_foreign_out(tmp_path)
    result = _report([str(folder)], out, *(["--force"] if force else []))
    kept = {n: (out / n).read_bytes() if (out / n).is_file() else None for n in v.FOREIGN_FILES}
    assert kept == v.FOREIGN_FILES, f"foreign files lost: {result.describe()}"
    if force and result.code == 0:
        assert not stream_problems(result)
        assert not report_problems(out, "de")
    else:
        problems = error_problems(result)
        assert not problems, "\n".join([*problems, result.describe()])


def test_no_email_address_of_the_roster_reaches_an_output(tmp_path):
    """A roster column ``Kontakt`` with e-mail addresses: none in any file written or printed."""
    export, roster = v.make_roster_with_contacts(tmp_path / "in", SURVEYS)
    argv = [str(export), "--roster", str(roster)]
    results = [
        run_cli(["validate", *argv]),
        run_cli(["convert", *argv, str(tmp_path / "outputs" / "folder")]),
        run_cli(["convert", *argv, str(tmp_path / "outputs" / "net.xlsx")]),
        run_cli(["convert", *argv, str(tmp_path / "outputs" / "net.graphml")]),
        _report(argv, tmp_path / "outputs" / "report"),
    ]
    for result in results:
        _ok(result)
    leaks = []
    for address in v.CONTACTS.values():
        for result in results:
            if address in result.out + result.err:
                leaks.append(f"{address} printed by quartiernetz {result.argv[0]}")
        for name, data in _all_output_bytes(tmp_path / "outputs").items():
            if address.encode() in data:
                leaks.append(f"{address} in {name}")
    assert not leaks, "\n".join(leaks)


@pytest.mark.parametrize(
    "make",
    [v.make_cp1252_semicolon, v.make_excel_bom, v.make_trailing_empty],
    ids=["cp1252-semicolon", "excel-bom", "trailing-empty"],
)
def test_excel_csv_exports_read_as_written(tmp_path, make):
    """German Excel CSV, CSV UTF-8 with BOM, empty rows/columns: the same quarter, nothing more."""
    folder = make(tmp_path)
    _ok(run_cli(["validate", str(folder)]))
    net = read_network(folder)
    assert (len(net.actors), len(net.ties), len(net.affiliations)) == (
        len(v.ACTORS),
        len(v.TIES),
        len(v.AFFILIATIONS),
    )
    assert "Bürgerverein Nordstadt" in set(net.actors["label"]), net.actors["label"].tolist()
    assert "Seniorenfrühstück" in set(net.affiliations["item"])
    for frame in (net.actors, net.ties, net.affiliations):
        columns = [str(c) for c in frame.columns]
        assert not [c for c in columns if "\ufeff" in c or c.startswith("Unnamed") or not c], (
            columns
        )
    converted = tmp_path / "converted"
    _ok(run_cli(["convert", str(folder), str(converted)]))
    back = read_network(converted)
    assert set(back.actors["label"]) == set(net.actors["label"])
