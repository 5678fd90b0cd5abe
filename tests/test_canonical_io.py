"""The canonical readers and writers: folder of CSVs, workbook, ties file."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from quartiernetz.datasets import example_path, load_example
from quartiernetz.exceptions import (
    EmptyFileError,
    FormatError,
    InvalidValueError,
    MissingColumnError,
    UnknownActorError,
)
from quartiernetz.io import detect_format, read_network, write_network
from quartiernetz.io.text import decode_bytes, read_csv_table, sniff_separator

REPO_FILES = Path(__file__).resolve().parent / "io" / "files"

ACTORS = (
    "id,label,type,umbrella\n"
    "awo,AWO Begegnungsstätte Süd,Wohlfahrtsverband,AWO\n"
    "kg,Kirchengemeinde St. Jürgen,Kirche,\n"
    "bi,Bewohnerinitiative Große Straße,Initiative,\n"
)
TIES = "source,target,relation,intensity\nawo,kg,cooperation,2.5\nkg,bi,Information,1\n"


def write(folder: Path, name: str, text: str, encoding: str = "utf-8", newline="\n") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


def german_excel(text: str) -> str:
    """The same table as German Excel saves it: ';' separators and decimal commas."""
    out = []
    for line in text.splitlines():
        cells = line.split(",")
        cells = [c.replace(".", ",") if c.replace(".", "").isdigit() else c for c in cells]
        out.append(";".join(cells))
    return "\n".join(out) + "\n"


def test_cp1252_semicolon_equals_utf8(tmp_path):
    utf = tmp_path / "utf"
    write(utf, "actors.csv", ACTORS)
    write(utf, "ties.csv", TIES)
    excel = tmp_path / "excel"
    write(excel, "actors.csv", german_excel(ACTORS), "cp1252", "\r\n")
    write(excel, "ties.csv", german_excel(TIES), "cp1252", "\r\n")
    bom = tmp_path / "bom"
    write(bom, "actors.csv", "\ufeff" + ACTORS.replace(",", "\t"))
    write(bom, "ties.csv", "\ufeff" + TIES.replace(",", "\t"))
    a, b, c = read_network(utf), read_network(excel), read_network(bom)
    assert "2,5" in (excel / "ties.csv").read_text("cp1252")
    assert a.equals(b) and a.equals(c)
    assert b.actors.loc["awo", "label"] == "AWO Begegnungsstätte Süd"
    assert b.ties["intensity"].tolist() == [2.5, 1.0]
    assert "cp1252" in str(b.record) and "';'" in str(b.record)


def test_decoding_and_sniffing():
    assert decode_bytes("Größe".encode("cp1252")) == ("Größe", "cp1252")
    assert decode_bytes("Größe".encode()) == ("Größe", "utf-8")
    with pytest.raises(FormatError, match="binary data"):
        decode_bytes(b"PK\x03\x04\x00\x00")
    assert sniff_separator("a\tb\tc\n1\t2\t3\n") == "\t"
    assert sniff_separator('"a;b",c,d\n1,2,3\n') == ","


def test_limesurvey_style_quoting_and_trailing_lines(tmp_path):
    text = '\ufeff"id";"label";"type"\r\n"a";"Träger A";\r\n"b";"B; mit Semikolon";"Verein"\r\n\r\n'
    path = write(tmp_path, "actors.csv", text)
    table = read_csv_table(path)
    assert table.frame.values.tolist() == [
        ["a", "Träger A", ""],
        ["b", "B; mit Semikolon", "Verein"],
    ]
    assert table.rows == [2, 3] and table.sep == ";" and table.encoding == "utf-8-sig"


def test_decimal_comma_ambiguity_is_an_error(tmp_path):
    path = write(tmp_path, "ties.csv", "source;target;intensity\na;b;1,5\nb;c;2.5\n")
    with pytest.raises(
        InvalidValueError, match=r"ties.csv, row 2, column 'intensity'.*decimal comma"
    ):
        read_network(path)


def test_ties_file_alone(tmp_path):
    path = write(tmp_path, "kooperationen.csv", "Source;Target\nA;B\nB;C\n")
    assert detect_format(path) == "ties"
    net = read_network(path)
    assert sorted(net.actors.index) == ["A", "B", "C"]
    assert net.record.count("added") == 3


@pytest.mark.parametrize(
    ("files", "error", "pattern"),
    [
        ({"actors.csv": "", "ties.csv": TIES}, EmptyFileError, r"actors.csv: the file is empty"),
        (
            {"actors.csv": ACTORS, "ties.csv": "source,partner\nawo,kg\n"},
            MissingColumnError,
            r"ties.csv, row 1: the required column 'target'.*columns found: 'source', 'partner'",
        ),
        (
            {"actors.csv": ACTORS, "ties.csv": "source,target\nawo,kg\nawo,xyz\n"},
            UnknownActorError,
            r'ties.csv, row 3, column \'target\': "xyz" is not an actor in actors.csv',
        ),
        (
            {"actors.csv": ACTORS, "ties.csv": "source,target,x\nawo,kg,1,2\n"},
            FormatError,
            r"ties.csv, row 2: the row has 4 values but the header has 3 columns",
        ),
        (
            {"actors.csv": "id,id\n1,2\n", "ties.csv": TIES},
            FormatError,
            r"actors.csv, row 1: the header 'id' appears twice",
        ),
        ({"x.txt": "nothing"}, FormatError, r"the folder holds no ties.csv"),
    ],
)
def test_folder_errors(tmp_path, files, error, pattern):
    for name, text in files.items():
        write(tmp_path / "net", name, text)
    with pytest.raises(error, match=pattern):
        read_network(tmp_path / "net")


def test_round_trip_folder_and_workbook(tmp_path):
    net = load_example()
    net.actors.loc["bi-nord", "label"] = '=HYPERLINK("http://x")'
    net.actors.loc["tafel", "label"] = "'quoted"
    for target in (tmp_path / "out", tmp_path / "out.xlsx"):
        write_network(net, target)
        back = read_network(target)
        assert back.equals(net), target
        assert back.actors.loc["bi-nord", "label"] == '=HYPERLINK("http://x")'
        assert np.isnan(back.actors.loc["stadt-soz", "staff"])
    # formulas are neutralised in the CSV itself
    text = (tmp_path / "out" / "actors.csv").read_text("utf-8-sig")
    assert "'=HYPERLINK" in text


def test_workbook_errors(tmp_path):
    path = tmp_path / "net.xlsx"
    with pd.ExcelWriter(path) as w:
        pd.DataFrame({"id": ["a", "b"]}).to_excel(w, sheet_name="Akteure", index=False)
    with pytest.raises(MissingColumnError, match=r"no sheet 'ties' or 'affiliations'.*'Akteure'"):
        read_network(path)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"this is not a zip file")
    with pytest.raises(
        FormatError, match=r"bad.xlsx: the file cannot be opened as an Excel workbook"
    ):
        read_network(bad)
    with pd.ExcelWriter(path) as w:
        pd.DataFrame({"id": ["a", "b"]}).to_excel(w, sheet_name="actors", index=False)
        pd.DataFrame({"source": ["a"], "target": ["b"], "intensity": ["hoch"]}).to_excel(
            w, sheet_name="ties", index=False
        )
    with pytest.raises(InvalidValueError, match=r"net.xlsx \[ties\], row 2, column 'intensity'"):
        read_network(path)


def test_example_is_packaged():
    assert (example_path() / "actors.csv").is_file()
    copy = shutil.copytree(example_path(), Path(__import__("tempfile").mkdtemp()) / "n")
    assert read_network(copy).equals(load_example())


def test_personal_data_in_actor_and_tie_tables_is_left_out(tmp_path):
    """Issue 13: e-mail, IP and phone columns of a canonical folder never reach the network."""
    (tmp_path / "actors.csv").write_text(
        "id,label,type,Kontakt,Server,Telefon (dienstlich),Tel.-Nr.,founded\n"
        "awo,AWO,Wohlfahrt,info@awo-hannover.de,10.0.0.7,0511 123456,,1950\n"
        "qm,QM,Kommune,,192.168.2.1,,+49 (0)511-123 456,2001\n",
        encoding="utf-8",
    )
    (tmp_path / "ties.csv").write_text(
        "source,target,note\nawo,qm,max.mustermann@example.org\n", encoding="utf-8"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        net = read_network(tmp_path)
    assert list(net.actors.columns) == ["label", "type", "founded"]
    assert "note" not in net.ties.columns
    text = "\n".join(net.record.render("de")) + "\n".join(net.record.render("en"))
    for value in ("info@awo", "10.0.0.7", "0511", "mustermann", "192.168"):
        assert value not in text
    dropped = {e.column for e in net.record if e.action == "dropped"}
    assert dropped == {"Kontakt", "Server", "Telefon (dienstlich)", "Tel.-Nr.", "note"}
    out = tmp_path / "out"
    write_network(net, out)
    written = "".join(p.read_text(encoding="utf-8") for p in out.glob("*.csv"))
    assert "@" not in written and "10.0.0.7" not in written


@pytest.mark.parametrize("ext", ["", ".xlsx", ".csv"])
def test_directed_network_reads_back_directed(tmp_path, ext):
    """A directed network written to a folder, workbook or ties file reads back with its
    arcs (the writers add a ``direction`` column); ``directed=False`` still overrides."""
    net = read_network(REPO_FILES / "nordstadt.dl")
    assert net.directed and len(net.ties) == 8
    out = tmp_path / f"out{ext}"
    if ext == ".csv":
        out.write_text(
            "source,target,direction\na,b,directed\nb,a,directed\nb,c,undirected\n",
            encoding="utf-8",
        )
        with pytest.raises(FormatError, match="mix directed"):
            read_network(out)  # mixed rows need the user's choice, as in a Gephi file
        back = read_network(out, directed=True)
        assert back.directed and len(back.ties) == 4  # the undirected row is an arc each way
        return
    write_network(net, out)
    back = read_network(out)
    assert back.directed and len(back.ties) == 8
    assert "direction" not in back.ties.columns
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert not read_network(out, directed=False).directed


def test_unknown_direction_is_refused(tmp_path):
    path = tmp_path / "ties.csv"
    path.write_text("source,target,direction\na,b,sideways\n", encoding="utf-8")
    with pytest.raises(InvalidValueError, match="row 2, column 'direction'"):
        read_network(path)
