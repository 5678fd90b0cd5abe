"""Trust in the main job (issue 13): what the readers clean, merge and refuse is said.

Invisible differences in ids, formulas without values, hidden sheets, rows of
separators, relation spellings, many bad rows at once, hostile XML, and record
entries in both languages.
"""

from __future__ import annotations

import unicodedata
import warnings
from pathlib import Path

import pytest

from quartiernetz import Network, read_network
from quartiernetz.exceptions import (
    DataCleaningWarning,
    DuplicateActorError,
    FormatError,
    InputError,
    InputProblems,
    InvalidValueError,
    UnknownActorError,
)
from quartiernetz.i18n import Text
from quartiernetz.io import assemble as assemble_module
from quartiernetz.io.limits import set_limits
from quartiernetz.io.names import describe_difference, normalize_id, variant_key

NFC = unicodedata.normalize("NFC", "Familienzentrum Süd")
NFD = unicodedata.normalize("NFD", "Familienzentrum Süd")


@pytest.fixture
def limits():
    """Set limits inside the test; restored afterwards."""
    changed: dict[str, int | None] = {}

    def set_(**values: int) -> None:
        for k, v in set_limits(**values).items():
            changed.setdefault(k, v)

    yield set_
    set_limits(**changed)


def _read(path: Path, **kw) -> Network:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_network(path, **kw)


def _entries(net: Network, text: str) -> list:
    return [e for e in net.record if text in str(e)]


# ------------------------------------------------------------------ 1 ids
def test_the_id_normaliser():
    assert normalize_id(" Caritas\u200b") == "Caritas"
    assert normalize_id("\ufeffCaritas\u00ad") == "Caritas"
    assert normalize_id("AWO\u00a0Nord") == "AWO Nord"
    assert normalize_id(NFD) == NFC
    assert normalize_id("CARITAS") == "CARITAS"  # case is kept
    assert variant_key("CARITAS") == variant_key("Caritas")
    assert "U+0430" in str(describe_difference("Caritas", "C\u0430ritas"))


def test_invisible_and_unicode_form_differences_do_not_split_actors(tmp_path):
    f = tmp_path / "ties.csv"
    f.write_text(
        "source,target\n"
        "Caritas,AWO\n"
        '"Caritas ",Kita\n'
        "CARITAS,QM\n"
        "Caritas\u200b,Schule\n"
        f"{NFC},AWO\n"
        f"{NFD},Kita\n",
        encoding="utf-8",
    )
    net = _read(f)
    # Caritas, Caritas_, Caritas<ZWSP> are one actor; NFC/NFD one; CARITAS kept apart
    assert sorted(net.actors.index) == sorted(
        ["Caritas", "AWO", "Kita", "CARITAS", "QM", "Schule", NFC]
    )
    invisible = _entries(net, "U+200B")
    assert invisible and 5 in invisible[0].rows
    unicode_form = _entries(net, "NFC")
    assert unicode_form and 7 in unicode_form[0].rows
    review = [e for e in net.record if "'CARITAS'" in str(e) and "'Caritas'" in str(e)]
    assert review, net.record
    assert "case" in str(review[0]) and "Groß" in review[0].render("de")


def test_nfc_nfd_twins_in_an_actor_table_are_a_duplicate(tmp_path):
    (tmp_path / "actors.csv").write_text(f"id,label\n{NFC},a\nAWO,b\n{NFD},c\n", encoding="utf-8")
    (tmp_path / "ties.csv").write_text(f"source,target\n{NFC},AWO\n", encoding="utf-8")
    with pytest.raises(DuplicateActorError) as info:
        _read(tmp_path)
    msg = str(info.value)
    assert info.value.row == 4 and "row 2" in msg and "Unicode form" in msg
    assert "Unicode-Form" in info.value.render("de")


def test_an_unknown_actor_never_offers_a_match_that_prints_the_same(tmp_path):
    (tmp_path / "actors.csv").write_text("id\nCaritas\nAWO\n", encoding="utf-8")
    (tmp_path / "ties.csv").write_text("source,target\nC\u0430ritas,AWO\n", encoding="utf-8")
    with pytest.raises(UnknownActorError) as info:
        _read(tmp_path)
    msg = str(info.value)
    assert "U+0430 CYRILLIC SMALL LETTER A" in msg
    assert "Caritas" in msg


def test_a_case_variant_of_a_known_actor_says_so(tmp_path):
    (tmp_path / "actors.csv").write_text("id\nCaritas\nAWO\n", encoding="utf-8")
    (tmp_path / "ties.csv").write_text("source,target\nCARITAS,AWO\n", encoding="utf-8")
    with pytest.raises(UnknownActorError, match="upper and lower case"):
        _read(tmp_path)


# ------------------------------------------------------------------ 2 formulas
def test_an_xlsx_formula_without_a_stored_value_is_refused(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "ties"
    ws.append(["source", "target", "intensity"])
    ws.append(["qm", "awo", 2])
    ws.append(["awo", "kita", "=1+1"])
    f = tmp_path / "net.xlsx"
    wb.save(f)
    with pytest.raises(InputError) as info:
        _read(f)
    err = info.value
    assert err.row == 3 and err.column == "intensity" and "[ties]" in str(err.file)
    assert "C3" in str(err) and "formula" in str(err)
    assert "LibreOffice" in str(err) and "Formel" in err.render("de")


# ------------------------------------------------------------------ 3 hidden sheets
def test_a_hidden_sheet_read_is_said_and_other_sheets_listed(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    old = wb.active
    old.title = "ties_old"
    old.append(["source", "target"])
    old.append(["x", "y"])
    ws = wb.create_sheet("ties")
    ws.append(["source", "target"])
    ws.append(["qm", "awo"])
    ws.sheet_state = "hidden"
    f = tmp_path / "net.xlsx"
    wb.save(f)
    with pytest.warns(DataCleaningWarning, match="hidden"):
        net = read_network(f)
    assert sorted(net.actors.index) == ["awo", "qm"]
    read = _entries(net, "sheet 'ties'")
    assert read and "hidden" in str(read[0])
    assert _entries(net, "'ties_old'"), net.record


def test_a_hidden_kumu_sheet_is_said(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Elements"
    ws.append(["Label"])
    ws.append(["QM"])
    ws.append(["AWO"])
    con = wb.create_sheet("Connections")
    con.append(["From", "To"])
    con.append(["QM", "AWO"])
    con.sheet_state = "hidden"
    f = tmp_path / "kumu.xlsx"
    wb.save(f)
    with pytest.warns(DataCleaningWarning, match="hidden"):
        net = read_network(f)
    assert len(net.ties) == 1 and _entries(net, "sheet 'Connections', which is hidden")


def test_the_sheets_read_are_recorded(tmp_path):
    net = Network(ties=__import__("pandas").DataFrame({"source": ["a"], "target": ["b"]}))
    f = tmp_path / "n.xlsx"
    from quartiernetz.io import write_network

    write_network(net, f)
    back = _read(f)
    assert _entries(back, "sheet 'ties'")


# ------------------------------------------------------------------ 4 separator rows
@pytest.mark.parametrize(
    "text",
    ["source;target\nqm;awo\n;;\nawo;kita\n", "source,target\nqm,awo\n, ,\nawo,kita\n"],
)
def test_a_row_of_separators_only_is_recorded(tmp_path, text):
    f = tmp_path / "ties.csv"
    f.write_text(text)
    net = _read(f)
    assert len(net.ties) == 2
    dropped = [e for e in net.record if e.action == "dropped"]
    assert dropped and dropped[0].rows == (3,), net.record
    assert dropped[0].render("de") != dropped[0].render("en")


# ------------------------------------------------------------------ 5 relations
def test_relation_spellings_that_differ_in_case_are_one_relation(tmp_path):
    f = tmp_path / "ties.csv"
    f.write_text(
        "source,target,relation\nqm,awo,Cooperation\nawo,kita,cooperation\nkita,qm,COOPERATION\n"
    )
    net = _read(f)
    assert net.relations == ["Cooperation"]
    merged = _entries(net, "'cooperation'")
    assert merged and merged[0].rows == (3, 4)


# ------------------------------------------------------------------ 6 all problems at once
def _bad_folder(tmp_path: Path, n_bad: int) -> Path:
    (tmp_path / "actors.csv").write_text("id\nqm\nawo\nkita\n")
    kinds = [
        lambda k: ",awo,1",  # empty source
        lambda k: f"qm,nobody{k},1",  # unknown target
        lambda k: f"qm,awo,abc{k}",  # not a number
        lambda k: f"awo,kita,-{k + 1}",  # negative
        lambda k: "kita,qm,inf",  # not finite
    ]
    lines = ["source,target,intensity"]
    for k in range(n_bad):
        lines.append("qm,awo,1")
        lines.append(kinds[k % len(kinds)](k))
    (tmp_path / "ties.csv").write_text("\n".join(lines) + "\n")
    return tmp_path


def test_validate_lists_every_bad_row(tmp_path):
    with pytest.raises(InputProblems) as info:
        _read(_bad_folder(tmp_path, 50))
    err = info.value
    assert len(err.problems) == 50 and err.more == 0
    rows = [p.row for p in err.problems]
    assert rows == sorted(rows) == list(range(3, 102, 2))
    kinds = {type(p).__name__ for p in err.problems}
    assert {"InputError", "UnknownActorError", "InvalidValueError"} <= kinds
    assert "50 problems" in str(err) and "50 Probleme" in err.render("de")


def test_problems_over_the_cap_are_counted(tmp_path, monkeypatch):
    monkeypatch.setattr(assemble_module, "MAX_PROBLEMS", 10)
    with pytest.raises(InputProblems) as info:
        _read(_bad_folder(tmp_path, 50))
    assert len(info.value.problems) == 10 and info.value.more == 40


def test_a_single_problem_keeps_its_own_type(tmp_path):
    (tmp_path / "ties.csv").write_text("source,target,intensity\nqm,awo,abc\n")
    with pytest.raises(InvalidValueError) as info:
        _read(tmp_path / "ties.csv")
    assert not isinstance(info.value, InputProblems)


# ------------------------------------------------------------------ 7 hostile XML
GRAPHML = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
    '<graph edgedefault="undirected"><node id="a"/><node id="b"/>'
    '<edge source="a" target="b"/>{extra}</graph></graphml>'
)


@pytest.mark.parametrize("suffix", ["graphml", "gexf"])
def test_deep_xml_over_the_depth_limit_is_refused(tmp_path, limits, suffix):
    limits(xml_depth=30)
    if suffix == "graphml":
        text = GRAPHML.format(extra="<x>" * 40 + "</x>" * 40)
    else:
        text = (
            '<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.2" version="1.2">'
            '<graph defaultedgetype="undirected"><nodes><node id="a"/></nodes>'
            + "<x>" * 40
            + "</x>" * 40
            + "</graph></gexf>"
        )
    f = tmp_path / f"deep.{suffix}"
    f.write_text(text)
    with pytest.raises(FormatError, match="nested more than 30") as info:
        _read(f)
    assert "QUARTIERNETZ_MAX_XML_DEPTH" in str(info.value)
    assert "verschachtelt" in info.value.render("de")


def test_xml_over_the_element_limit_is_refused(tmp_path, limits):
    limits(xml_elements=500)
    f = tmp_path / "many.graphml"
    f.write_text(GRAPHML.format(extra="<x/>" * 1000))
    with pytest.raises(FormatError, match="more than 500 elements"):
        _read(f)
    f.write_text(GRAPHML.format(extra="<x/>" * 10))
    assert len(_read(f).ties) == 1


def test_a_big_nested_xml_file_is_refused_with_little_memory(tmp_path):
    import tracemalloc

    n = 500_000  # 3.5 MB of nesting
    f = tmp_path / "deep.graphml"
    f.write_text(GRAPHML.format(extra="<x>" * n + "</x>" * n))
    tracemalloc.start()
    try:
        with pytest.raises(FormatError, match="nested"):
            _read(f)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * f.stat().st_size + 2_000_000, peak


# ------------------------------------------------------------------ 8 both languages
EXAMPLES = Path(__file__).parent / "files"
NORDSTADT = Path(__file__).parents[2] / "src/quartiernetz/datasets/data/nordstadt"


@pytest.mark.parametrize(
    "path",
    [
        NORDSTADT,
        *sorted(p for p in EXAMPLES.iterdir() if p.name[0] != "." and "_nodes" not in p.name),
    ],
    ids=lambda p: p.name,
)
def test_record_entries_of_the_examples_exist_in_german(path):
    net = _read(path)
    assert len(net.record), path
    for entry in net.record:
        assert isinstance(entry.reason, Text), str(entry)
        assert entry.render("de") != entry.render("en"), str(entry)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.csv", ""),
        ("ties.csv", "von;nach\n"),
        ("ties.csv", "source,target,intensity\nqm,awo,-1\n"),
        ("bad.net", "*Vertices 2\n1 a\n*Arcs\n1 5\n"),
        ("bad.dl", "dl n=2 format=nonsense\ndata:\n0 1\n1 0\n"),
        ("m.csv", ",a,b\na,0,1\n"),
        ("bad.graphml", "<graphml><graph><node id='a'></graph></graphml>"),
    ],
)
def test_reader_errors_exist_in_german(tmp_path, name, content):
    f = tmp_path / name
    f.write_text(content)
    with pytest.raises(InputError) as info:
        _read(f)
    assert info.value.render("de") != info.value.render("en"), str(info.value)


def _patched_workbook(path: Path, old: str, new: str) -> None:
    """Rewrite the first worksheet's XML of a workbook (to store what openpyxl cannot)."""
    import zipfile

    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    assert old.encode() in parts[sheet]
    parts[sheet] = parts[sheet].replace(old.encode(), new.encode())
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


@pytest.mark.parametrize(
    ("stored", "intensity"),
    [('<c r="C3"><f>1+1</f><v>2</v></c>', 2.0), ('<c r="C3" t="str"><f>""</f><v></v></c>', 1.0)],
)
def test_formulas_with_stored_values_are_read(tmp_path, stored, intensity):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "ties"
    ws.append(["source", "target", "intensity"])
    ws.append(["qm", "awo", 2])
    ws.append(["awo", "kita", "=1+1"])
    f = tmp_path / "net.xlsx"
    wb.save(f)
    _patched_workbook(f, '<c r="C3"><f>1+1</f><v /></c>', stored)
    net = _read(f)
    assert net.ties["intensity"].tolist() == [2.0, intensity]


def test_every_formula_without_a_value_is_listed(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "ties"
    ws.append(["source", "target", "intensity"])
    for k in range(5):
        ws.append([f"a{k}", "b", f"={k}+1"])
    f = tmp_path / "net.xlsx"
    wb.save(f)
    with pytest.raises(InputProblems) as info:
        _read(f)
    assert [p.row for p in info.value.problems] == [2, 3, 4, 5, 6]
    assert "'=0+1'" in str(info.value.problems[0])


def test_kumu_names_with_invisible_characters_find_their_element(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Elements"
    for row in (["Label"], ["QM"], ["AWO"]):
        ws.append(row)
    con = wb.create_sheet("Connections")
    for row in (["From", "To"], ["QM\u200b", "AWO\u00a0"]):
        con.append(row)
    f = tmp_path / "kumu.xlsx"
    wb.save(f)
    net = _read(f)
    assert sorted(net.actors.index) == ["AWO", "QM"] and len(net.ties) == 1
    assert _entries(net, "U+200B") and _entries(net, "U+00A0")
