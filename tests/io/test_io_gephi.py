"""Gephi spreadsheet CSVs (Data Laboratory export: nodes.csv and edges.csv)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from quartiernetz import read_network
from quartiernetz.exceptions import (
    DataCleaningWarning,
    FormatError,
    InvalidValueError,
    MissingColumnError,
    UnknownActorError,
)
from quartiernetz.io import detect_format
from quartiernetz.io.gephi import read_gephi

FILES = Path(__file__).parent / "files"
FOLDER = FILES / "gephi_nordstadt"


def _ties(net, *cols):
    cols = cols or ("source", "target", "relation", "intensity")
    return sorted(net.ties[list(cols)].itertuples(index=False, name=None))


def test_folder_nodes_and_edges():
    net = read_gephi(FOLDER)
    assert not net.directed and net.name == "gephi_nordstadt"
    assert _ties(net) == [
        ("awo-ov", "bv-nord", "cooperation", 1.5),
        ("qm-nord", "awo-ov", "cooperation", 2.0),
        ("qm-nord", "kita-sonne", "cooperation", 1.0),
    ]
    a = net.actors
    assert a.loc["awo-ov", "label"] == "AWO Ortsverein Nordstadt, e.V."
    assert a.loc["awo-ov", "umbrella"] == "AWO"  # "Träger" is the umbrella
    assert a.loc["kita-sonne", "type"] == "Kita"
    assert a.loc["awo-ov", "Mitarbeitende"] == 12 and math.isnan(a.loc["bv-nord", "Mitarbeitende"])
    # Gephi's bookkeeping columns are left out; Type is the direction, not a tie column
    assert "timeset" not in a.columns and "timeset" not in net.ties.columns
    assert "Type" not in net.ties.columns and "Id" not in net.ties.columns
    pairs = zip(net.ties.source, net.ties.target, strict=True)
    labels = dict(zip(pairs, net.ties["Label"], strict=True))
    assert labels[("qm-nord", "awo-ov")] == "Projekt"
    assert labels[("awo-ov", "bv-nord")] == "Runder Tisch, Süd"
    assert isinstance(labels[("qm-nord", "kita-sonne")], float)  # empty label: missing
    rec = str(net.record)
    assert "read as utf-8 text, separator ','" in rec
    assert "empty columns left out: timeset" in rec and "edge column 'Id' left out" in rec


def test_excel_cp1252_semicolons_equal_utf8_export():
    excel = read_gephi(FILES / "gephi_excel_edges.csv", nodes=FILES / "gephi_excel_nodes.csv")
    assert excel.equals(read_gephi(FOLDER))
    assert "read as cp1252 text, separator ';'" in str(excel.record)


def test_relation_and_type_columns():
    with pytest.warns(DataCleaningWarning, match="empty relation"):
        net = read_gephi(FOLDER, relation_column="Label", type_column="Träger")
    assert _ties(net, "source", "target", "relation") == [
        ("awo-ov", "bv-nord", "Runder Tisch, Süd"),
        ("qm-nord", "awo-ov", "Projekt"),
        ("qm-nord", "kita-sonne", "cooperation"),  # empty label: the default, recorded
    ]
    assert net.actors.loc["awo-ov", "type"] == "AWO"
    # the column that was called type is kept under another name
    assert net.actors.loc["kita-sonne", "type_attribute"] == "Kita"


def _edges(tmp_path, text, name="edges.csv"):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return f


def test_directed_edges_file_alone(tmp_path):
    f = _edges(
        tmp_path, "Source,Target,Type,Id,Label,Weight\na,b,Directed,0,,3\nb,a,Directed,1,,1\n"
    )
    net = read_gephi(f)
    assert net.directed and _ties(net) == [
        ("a", "b", "cooperation", 3.0),
        ("b", "a", "cooperation", 1.0),
    ]
    assert set(net.actors.index) == {"a", "b"}


def test_mixed_types_error_and_choices(tmp_path):
    f = _edges(
        tmp_path,
        "Source,Target,Type,Weight\na,b,Directed,1\nb,c,Undirected,2\nc,a,Directed,1\n",
    )
    with pytest.raises(FormatError, match="mix directed") as err:
        read_gephi(f)
    assert (err.value.file, err.value.row, err.value.column) == ("edges.csv", 3, "Type")
    both = read_gephi(f, directed=True)
    assert _ties(both) == [
        ("a", "b", "cooperation", 1.0),
        ("b", "c", "cooperation", 2.0),
        ("c", "a", "cooperation", 1.0),
        ("c", "b", "cooperation", 2.0),
    ]
    reverse = [e for e in both.record if str(e.reason).startswith("reverse arc")]
    assert len(reverse) == 1 and reverse[0].rows == (3,)
    flat = read_gephi(f, directed=False)
    assert not flat.directed and len(flat.ties) == 3


def test_without_type_column_undirected_and_recorded(tmp_path):
    net = read_gephi(_edges(tmp_path, "Source,Target,Weight\na,b,1\n"))
    assert not net.directed and "no column 'Type'" in str(net.record)
    assert read_gephi(_edges(tmp_path, "Source,Target,Weight\na,b,1\n"), directed=True).directed


def test_unknown_node_names_file_row_column(tmp_path):
    (tmp_path / "nodes.csv").write_text("Id,Label\nqm,QM\nawo,AWO\n", encoding="utf-8")
    _edges(tmp_path, "Source,Target,Type\nqm,awo,Undirected\nqm,avo,Undirected\n")
    with pytest.raises(UnknownActorError) as err:
        read_gephi(tmp_path)
    assert (err.value.file, err.value.row, err.value.column) == ("edges.csv", 3, "Target")
    assert '"avo"' in str(err.value) and '"awo"' in str(err.value)  # close match offered


def test_bad_type_value(tmp_path):
    with pytest.raises(InvalidValueError, match="'Mutual' is not an edge type") as err:
        read_gephi(_edges(tmp_path, "Source,Target,Type\na,b,Mutual\n"))
    assert (err.value.row, err.value.column) == (2, "Type")


def test_missing_columns(tmp_path):
    with pytest.raises(MissingColumnError, match="'target'"):
        read_gephi(_edges(tmp_path, "Source,Ziel_x\na,b\n"))
    (tmp_path / "n").mkdir()
    (tmp_path / "n" / "nodes.csv").write_text("Label\nx\n", encoding="utf-8")
    (tmp_path / "n" / "edges.csv").write_text("Source,Target\nx,x\n", encoding="utf-8")
    with pytest.raises(MissingColumnError, match="'id'"):
        read_gephi(tmp_path / "n")
    (tmp_path / "leer").mkdir()
    (tmp_path / "leer" / "nodes.csv").write_text("Id\na\n", encoding="utf-8")
    with pytest.raises(FormatError, match="no edges.csv"):
        read_gephi(tmp_path / "leer")


def test_duplicate_edges_merged_and_recorded(tmp_path):
    f = _edges(tmp_path, "Source,Target,Type,Weight\na,b,Undirected,1\nb,a,Undirected,4\n")
    with pytest.warns(DataCleaningWarning, match="merged"):
        net = read_gephi(f)
    assert _ties(net) == [("a", "b", "cooperation", 4.0)]


def test_read_network_detects_gephi():
    assert detect_format(FOLDER) == "gephi"
    assert detect_format(FILES / "gephi_excel_edges.csv") == "gephi"
    assert read_network(FOLDER).equals(read_gephi(FOLDER))
    net = read_network(FILES / "gephi_excel_edges.csv", nodes=FILES / "gephi_excel_nodes.csv")
    assert net.equals(read_gephi(FOLDER))
