"""Kumu workbooks (sheets Elements and Connections), written with openpyxl as Kumu exports them."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from quartiernetz import read_network
from quartiernetz.exceptions import (
    DataCleaningWarning,
    DuplicateActorError,
    FormatError,
    InvalidValueError,
)
from quartiernetz.io import detect_format
from quartiernetz.io.kumu import read_kumu

ELEMENTS = [
    ("Label", "Type", "Description", "Tags", "Stadtteil"),
    (
        "QM Nordstadt",
        "Quartiersmanagement",
        "Büro am Marktplatz",
        "Soziale Stadt|Koordination",
        "Nord",
    ),
    ("AWO Ortsverein", "Wohlfahrtsverband", None, "Senioren|Familien", "Nord"),
    ("Kita Sonnenschein", "Kita", "Träger: Stadt", None, "Süd"),
    ("Bürgerverein", "Verein", None, "Ehrenamt", None),
]
CONNECTIONS = [
    ("From", "To", "Type", "Direction", "Label", "Strength", "Tags"),
    ("QM Nordstadt", "AWO Ortsverein", "Projekt", "mutual", "Quartiersfest", 3, None),
    ("QM Nordstadt", "Kita Sonnenschein|Bürgerverein", "Information", "directed", None, 1, None),
    ("AWO Ortsverein", "Kita Sonnenschein", "Information", None, None, 2.5, "neu"),
]


def _workbook(path: Path, elements=ELEMENTS, connections=CONNECTIONS, extra=None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Elements"
    for row in elements:
        ws.append(row)
    ws = wb.create_sheet("Connections")
    for row in connections:
        ws.append(row)
    if extra:
        ws = wb.create_sheet(extra[0])
        for row in extra[1]:
            ws.append(row)
    wb.save(path)
    return path


def _ties(net, *cols):
    cols = cols or ("source", "target", "relation", "intensity")
    return sorted(net.ties[list(cols)].itertuples(index=False, name=None))


def test_kumu_export(tmp_path):
    f = _workbook(tmp_path / "Nordstadt.xlsx", extra=("Notizen (ignore)", [("x", "y"), (1, 2)]))
    net = read_kumu(f)
    assert net.directed  # directed and mutual connections: a directed map
    assert _ties(net) == [
        ("AWO Ortsverein", "Kita Sonnenschein", "Information", 2.5),
        ("AWO Ortsverein", "QM Nordstadt", "Projekt", 3.0),  # mutual: an arc each way
        ("QM Nordstadt", "AWO Ortsverein", "Projekt", 3.0),
        ("QM Nordstadt", "Bürgerverein", "Information", 1.0),  # '|' in To
        ("QM Nordstadt", "Kita Sonnenschein", "Information", 1.0),
    ]
    a = net.actors
    assert list(a.index) == [r[0] for r in ELEMENTS[1:]]
    assert a.loc["Kita Sonnenschein", "type"] == "Kita"
    assert a.loc["QM Nordstadt", "Tags"] == "Soziale Stadt|Koordination"
    assert a.loc["Kita Sonnenschein", "Description"] == "Träger: Stadt"
    assert a.loc["AWO Ortsverein", "Stadtteil"] == "Nord"
    assert "Direction" not in net.ties.columns
    fest = net.ties[net.ties["Label"] == "Quartiersfest"]
    assert len(fest) == 2
    pipes = [e for e in net.record if "'|' in From/To" in str(e.reason)]
    assert len(pipes) == 1 and pipes[0].rows == (3,) and pipes[0].file.endswith("[Connections]")


def test_detected_as_kumu(tmp_path):
    f = _workbook(tmp_path / "karte.xlsx")
    assert detect_format(f) == "kumu"
    assert read_network(f).equals(read_kumu(f))


def test_undirected_map_and_direction_choices(tmp_path):
    conns = [
        ("From", "To", "Type", "Direction"),
        ("QM Nordstadt", "AWO Ortsverein", "Projekt", "undirected"),
        ("AWO Ortsverein", "Bürgerverein", "Projekt", "mutual"),
    ]
    net = read_kumu(_workbook(tmp_path / "a.xlsx", connections=conns))
    assert not net.directed and len(net.ties) == 2
    mixed = [*conns, ("Kita Sonnenschein", "QM Nordstadt", "Information", "directed")]
    f = _workbook(tmp_path / "b.xlsx", connections=mixed)
    with pytest.raises(FormatError, match="mix directed") as err:
        read_kumu(f)
    assert err.value.row == 4 and err.value.column == "Direction"
    assert len(read_kumu(f, directed=True).ties) == 5
    assert len(read_kumu(f, directed=False).ties) == 3


def test_without_direction_column_directed_as_kumu(tmp_path):
    conns = [("From", "To"), ("QM Nordstadt", "AWO Ortsverein")]
    net = read_kumu(_workbook(tmp_path / "a.xlsx", connections=conns))
    assert net.directed and "no column 'Direction'" in str(net.record)


def test_pipes_on_both_sides(tmp_path):
    conns = [("From", "To"), ("QM Nordstadt|AWO Ortsverein", "Kita Sonnenschein|Bürgerverein")]
    net = read_kumu(_workbook(tmp_path / "a.xlsx", connections=conns))
    assert len(net.ties) == 4


def test_names_not_in_elements_are_created(tmp_path):
    conns = [("From", "To"), ("QM Nordstadt", "Jugendamt"), ("Jugendamt", "Schule Nord")]
    with pytest.warns(DataCleaningWarning, match="Jugendamt, Schule Nord"):
        net = read_kumu(_workbook(tmp_path / "a.xlsx", connections=conns))
    assert {"Jugendamt", "Schule Nord"} <= set(net.actors.index)
    assert len(net.actors) == 6


def test_connections_only(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Connections"
    ws.append(("From", "To", "Strength"))
    ws.append(("a", "b", 2))
    f = tmp_path / "c.xlsx"
    wb.save(f)
    net = read_kumu(f)
    assert _ties(net) == [("a", "b", "cooperation", 2.0)]
    assert net.record.count("added") == 2


def test_strength_words_kept_as_text(tmp_path):
    conns = [("From", "To", "Strength"), ("QM Nordstadt", "AWO Ortsverein", "stark")]
    net = read_kumu(_workbook(tmp_path / "a.xlsx", connections=conns))
    assert net.ties.loc[0, "intensity"] == 1.0 and net.ties.loc[0, "strength_text"] == "stark"


def test_ids_and_labels(tmp_path):
    elements = [
        ("ID", "Label", "Type"),
        ("e1", "QM", "Quartiersmanagement"),
        ("e2", "AWO", "Verband"),
    ]
    conns = [("From", "To"), ("e1", "AWO")]
    net = read_kumu(_workbook(tmp_path / "a.xlsx", elements=elements, connections=conns))
    assert list(net.actors.index) == ["e1", "e2"] and net.actors.loc["e2", "label"] == "AWO"
    assert _ties(net, "source", "target") == [("e1", "e2")]


def test_errors_name_sheet_row_column(tmp_path):
    conns = [("From", "To", "Direction"), ("QM Nordstadt", "AWO Ortsverein", "both")]
    with pytest.raises(InvalidValueError, match="'both' is not a Kumu direction") as err:
        read_kumu(_workbook(tmp_path / "a.xlsx", connections=conns))
    assert err.value.file == "a.xlsx [Connections]" and err.value.row == 2
    dup = [*ELEMENTS, ("AWO Ortsverein", "Verein", None, None, None)]
    with pytest.raises(DuplicateActorError) as err:
        read_kumu(_workbook(tmp_path / "b.xlsx", elements=dup))
    assert err.value.file == "b.xlsx [Elements]" and err.value.row == 6
    wb = Workbook()
    wb.active.append(("x",))
    wb.save(tmp_path / "c.xlsx")
    with pytest.raises(FormatError, match="no sheet 'Elements' or 'Connections'"):
        read_kumu(tmp_path / "c.xlsx")


def test_sheets_found_by_their_headers(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Tabelle1"
    for row in ELEMENTS[:3]:
        ws.append(row)
    ws = wb.create_sheet("Tabelle2")
    for row in CONNECTIONS[:2]:
        ws.append(row)
    wb.save(tmp_path / "t.xlsx")
    net = read_kumu(tmp_path / "t.xlsx")
    assert len(net.actors) == 2 and len(net.ties) == 1  # one mutual connection: undirected
    assert "read the sheet 'Tabelle1' as Elements" in str(net.record)
    assert "read the sheet 'Tabelle2' as Connections" in str(net.record)
