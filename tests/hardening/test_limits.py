"""Resource limits: oversized input is refused early, with a clear message, configurably.

No test writes a large file: a 1 GiB CSV is a sparse file (no disk used), the zip
bomb is a few kilobytes, and the other limits are lowered for the test.
"""

from __future__ import annotations

import struct
import time
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from quartiernetz import Network, read_network
from quartiernetz.exceptions import FormatError, QuartiernetzError
from quartiernetz.io import write_network
from quartiernetz.io.limits import DEFAULT_LIMITS, ENVIRONMENT, get_limit, set_limits
from quartiernetz.io.survey import read_survey
from quartiernetz.io.text import read_xlsx_tables

TIES = "source,target,intensity\nqm,awo,2\nawo,kita,1\nkita,schule,3\n"


@pytest.fixture
def limits():
    """Set limits inside the test; restored afterwards."""
    changed: dict[str, int | None] = {}

    def set_(**values: int) -> None:
        for k, v in set_limits(**values).items():
            changed.setdefault(k, v)

    yield set_
    set_limits(**changed)


def _sparse(path: Path, size: int, head: bytes = b"source,target\n") -> Path:
    with open(path, "wb") as fh:
        fh.write(head)
        fh.truncate(size)
    return path


# ------------------------------------------------------------------ the settings
def test_defaults_environment_and_set_limits(monkeypatch, limits):
    assert get_limit("bytes") == DEFAULT_LIMITS["bytes"] == 200 * 1024 * 1024
    assert get_limit("nodes") == 100_000 and get_limit("cells") == 10_000_000
    monkeypatch.setenv("QUARTIERNETZ_MAX_CELLS", "5_000")
    assert get_limit("cells") == 5000
    limits(cells=70)  # a setting in code wins over the environment
    assert get_limit("cells") == 70
    set_limits(cells=None)
    assert get_limit("cells") == 5000
    assert sorted(ENVIRONMENT) == sorted(DEFAULT_LIMITS)


@pytest.mark.parametrize("value", ["abc", "0", "-5", "1.5"])
def test_a_bad_environment_value_is_a_clear_error(monkeypatch, tmp_path, value):
    monkeypatch.setenv("QUARTIERNETZ_MAX_BYTES", value)
    f = tmp_path / "ties.csv"
    f.write_text(TIES)
    with pytest.raises(QuartiernetzError, match="QUARTIERNETZ_MAX_BYTES is .*positive whole"):
        read_network(f)


def test_set_limits_checks_its_arguments():
    with pytest.raises(KeyError, match="unknown limit 'rows'"):
        set_limits(rows=5)
    with pytest.raises(ValueError, match="positive whole number"):
        set_limits(cells=0)


# ------------------------------------------------------------------ file size
def test_a_1_gib_csv_is_refused_before_reading(tmp_path):
    f = _sparse(tmp_path / "huge.csv", 2**30 + 1)
    start = time.perf_counter()
    with pytest.raises(FormatError, match="1,073,741,825 bytes, more than the limit") as err:
        read_network(f)
    assert time.perf_counter() - start < 1.0
    assert "QUARTIERNETZ_MAX_BYTES" in str(err.value) and err.value.file == "huge.csv"
    with pytest.raises(FormatError, match="more than the limit"):
        read_survey(f)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("ties.csv", "ties"),
        ("n.net", "pajek"),
        ("n.dl", "dl"),
        ("m.csv", "matrix"),
        ("n.graphml", "graphml"),
        ("n.gexf", "gexf"),
        ("n.gml", "gml"),
        ("n.xlsx", "xlsx"),
        ("k.xlsx", "kumu"),
        ("edges.csv", "gephi"),
    ],
)
def test_every_reader_keeps_the_byte_limit(tmp_path, monkeypatch, name, fmt):
    f = _sparse(tmp_path / name, 5000, head=b"x")
    monkeypatch.setenv("QUARTIERNETZ_MAX_BYTES", "4999")
    with pytest.raises(FormatError, match="5,000 bytes, more than the limit of 4,999"):
        read_network(f, format=fmt)


def test_a_file_under_the_limit_is_read(tmp_path, monkeypatch):
    f = tmp_path / "ties.csv"
    f.write_text(TIES)
    monkeypatch.setenv("QUARTIERNETZ_MAX_BYTES", str(len(TIES)))
    assert len(read_network(f).ties) == 3
    monkeypatch.setenv("QUARTIERNETZ_MAX_BYTES", str(len(TIES) - 1))
    with pytest.raises(FormatError, match="more than the limit"):
        read_network(f)


# ------------------------------------------------------------------ workbooks
def _workbook(tmp_path: Path, name: str = "w.xlsx") -> Path:
    net = Network(ties=pd.DataFrame({"source": ["qm", "awo"], "target": ["awo", "kita"]}))
    return write_network(net, tmp_path / name)


def _rewrite(src: Path, dest: Path, replace: dict[str, bytes]) -> Path:
    """A copy of a zip with some members' content replaced (deflated)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = replace.get(info.filename, zin.read(info.filename))
            zout.writestr(info.filename, data, compress_type=zipfile.ZIP_DEFLATED)
    return dest


def _sheet_xml(src: Path, sheet: int = 1) -> tuple[str, bytes]:
    member = f"xl/worksheets/sheet{sheet}.xml"
    with zipfile.ZipFile(src) as z:
        return member, z.read(member)


def test_zip_bomb_refused_before_openpyxl_opens_it(tmp_path, monkeypatch):
    """A sheet padded with 20 MB of spaces: 20 kB in the file, ratio about 1000."""
    good = _workbook(tmp_path)
    member, xml = _sheet_xml(good)
    padded = xml.replace(b"<sheetData>", b"<sheetData>" + b" " * 20_000_000, 1)
    bomb = _rewrite(good, tmp_path / "bomb.xlsx", {member: padded})
    assert bomb.stat().st_size < 100_000

    def never(*args, **kwargs):
        raise AssertionError("openpyxl must not open the file")

    monkeypatch.setattr("openpyxl.load_workbook", never)
    with pytest.raises(FormatError, match="would decompress .* times .*zip bomb") as err:
        read_network(bomb)
    assert "QUARTIERNETZ_MAX_ZIP_RATIO" in str(err.value)
    with pytest.raises(FormatError, match="zip bomb"):
        read_survey(bomb)


def test_declared_uncompressed_size_over_the_limit(tmp_path, limits):
    good = _workbook(tmp_path)
    total = sum(i.file_size for i in zipfile.ZipFile(good).infolist())
    limits(xlsx_bytes=total - 1)
    with pytest.raises(FormatError, match=f"decompress to {total:,} bytes, more than the limit"):
        read_network(good)
    limits(xlsx_bytes=total)
    assert len(read_network(good).ties) == 2


def test_a_member_lying_about_its_size_is_caught(tmp_path):
    """zipfile stops at the declared size (CRC error), so the declared sizes can be trusted."""
    good = _workbook(tmp_path)
    member, xml = _sheet_xml(good)
    raw = bytearray(_rewrite(good, tmp_path / "copy.xlsx", {}).read_bytes())
    name = member.encode()
    # the uncompressed size: at offset 22 of the local header, 24 of the central directory
    for sig, off in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while True:
            at = raw.find(sig, start)
            if at < 0:
                break
            name_at = at + (30 if sig == b"PK\x03\x04" else 46)
            if raw[name_at : name_at + len(name)] == name:
                struct.pack_into("<I", raw, at + off, 100)
            start = at + 4
    liar = tmp_path / "liar.xlsx"
    liar.write_bytes(bytes(raw))
    assert zipfile.ZipFile(liar).getinfo(member).file_size == 100
    with pytest.raises(FormatError, match="cannot be"):
        read_network(liar, format="xlsx")


def test_a_sheet_claiming_a_million_rows_is_read_as_stored(tmp_path):
    """<dimension ref="A1:XFD1048576"/> made openpyxl fill 17 billion empty cells."""
    good = _workbook(tmp_path)
    member, xml = _sheet_xml(good, 2)
    start = xml.index(b"<dimension ref=")
    end = xml.index(b"/>", start) + 2
    claimed = xml[:start] + b'<dimension ref="A1:XFD1048576"/>' + xml[end:]
    f = _rewrite(good, tmp_path / "claims.xlsx", {member: claimed})
    t0 = time.perf_counter()
    net = read_network(f)
    assert time.perf_counter() - t0 < 5
    assert sorted(zip(net.ties["source"], net.ties["target"], strict=True)) == [
        ("awo", "kita"),
        ("qm", "awo"),
    ]


def test_too_many_cells_in_a_sheet(tmp_path, limits):
    rows = 300
    net = Network(
        ties=pd.DataFrame(
            {"source": [f"a{i}" for i in range(rows)], "target": [f"b{i}" for i in range(rows)]}
        )
    )
    f = write_network(net, tmp_path / "many.xlsx")
    limits(cells=1000)  # the actors sheet: 601 rows of up to 3 cells
    with pytest.raises(FormatError, match="more than 1,000 cells") as err:
        read_xlsx_tables(f)
    assert "QUARTIERNETZ_MAX_CELLS" in str(err.value) and err.value.file == "many.xlsx [actors]"
    limits(cells=2000)
    assert len(read_network(f).ties) == rows


def test_data_under_an_empty_header_is_not_dropped(tmp_path):
    """A value right of the last header was cut off silently; now it is an error."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "ties"
    for row in (["source", "target"], ["qm", "awo", "lost?"], ["awo", "kita"]):
        ws.append(row)
    f = tmp_path / "extra.xlsx"
    wb.save(f)
    with pytest.raises(FormatError, match="column 3 has an empty header but holds data"):
        read_network(f)


# ------------------------------------------------------------------ text tables
def test_too_many_cells_in_a_csv(tmp_path, limits):
    f = tmp_path / "ties.csv"
    f.write_text("source,target\n" + "".join(f"a{i},b{i}\n" for i in range(100)))
    limits(cells=150)
    with pytest.raises(FormatError, match="more than 150 cells") as err:
        read_network(f)
    assert err.value.row == 76  # 75 records of 2 cells = 150; the 76th goes over
    limits(cells=202)
    assert len(read_network(f).ties) == 100


# ------------------------------------------------------------------ declared sizes
@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("n.net", "*Vertices 10000000\n*Edges\n1 2\n", "10,000,000 vertices"),
        ("n.dl", "dl n=10000000\nformat = edgelist1\ndata:\n1 2\n", r"10,000,000 vertices \(N\)"),
        ("m.dl", "dl n=3 nm=10000000\ndata:\n0 1 0\n", "10,000,000 matrices"),
        ("r.dl", "dl nr=2, nc=10000000\ndata:\n1 0\n", "10,000,000 columns"),
    ],
)
def test_declared_n_over_the_limit_refused_before_allocating(tmp_path, name, text, message):
    f = tmp_path / name
    f.write_text(text)
    t0 = time.perf_counter()
    with pytest.raises(FormatError, match=f"declares {message}.*, more than the limit of 100,000"):
        read_network(f)
    assert time.perf_counter() - t0 < 1.0


def test_declared_n_under_the_limit_without_data_stops_at_the_data(tmp_path):
    """n = 100,000 is allowed, but a full matrix without its values fails at once."""
    f = tmp_path / "n.dl"
    f.write_text("dl n=100000\nformat = fullmatrix\ndata:\n0 1\n")
    t0 = time.perf_counter()
    with pytest.raises(FormatError, match="the values end too early"):
        read_network(f)
    assert time.perf_counter() - t0 < 1.0


def test_pajek_n_at_the_limit_and_zero(tmp_path, limits):
    f = tmp_path / "n.net"
    f.write_text("*Vertices 51\n*Edges\n1 2\n")
    limits(nodes=50)
    with pytest.raises(FormatError, match="declares 51 vertices, more than the limit of 50"):
        read_network(f)
    limits(nodes=51)
    assert len(read_network(f).actors) == 51
    f.write_text("*Vertices 0\n")
    with pytest.raises(FormatError, match=r"\*Vertices 0; expected \*Vertices n with n >= 1"):
        read_network(f)


def test_matrix_with_too_many_labels(tmp_path, limits):
    labels = [f"a{i}" for i in range(20)]
    rows = [";" + ";".join(labels)] + [
        ";".join([lab, *("1" if j == (i + 1) % 20 else "0" for j in range(20))])
        for i, lab in enumerate(labels)
    ]
    f = tmp_path / "m.csv"
    f.write_text("\n".join(rows) + "\n")
    limits(nodes=19)
    with pytest.raises(FormatError, match="declares 20 column labels"):
        read_network(f)
    limits(nodes=20)
    assert len(read_network(f).ties) == 20


def test_limit_message_is_the_documented_one(tmp_path, monkeypatch):
    """docs/security.md quotes this message."""
    f = _sparse(tmp_path / "big.csv", 300)
    monkeypatch.setenv("QUARTIERNETZ_MAX_BYTES", "200")
    with pytest.raises(FormatError) as err:
        read_network(f)
    assert str(err.value) == (
        "big.csv: the file has 300 bytes, more than the limit of 200. Raise the limit with "
        "the environment variable QUARTIERNETZ_MAX_BYTES or "
        "quartiernetz.io.limits.set_limits(bytes=...)."
    )
