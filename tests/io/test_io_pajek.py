"""Pajek .net files as Pajek, networkx and igraph write them."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from quartiernetz import read_network
from quartiernetz.exceptions import FormatError, InvalidValueError
from quartiernetz.io import detect_format
from quartiernetz.io.pajek import read_pajek

FILES = Path(__file__).parent / "files"


def _ties(net):
    return sorted(
        net.ties[["source", "target", "relation", "intensity"]].itertuples(index=False, name=None)
    )


QM, AWO, KITA, BV, SH = (
    "Quartiersmanagement Nordstadt",
    "AWO Ortsverein",
    "Kita Sonnenschein",
    "Bürgerverein Nordstadt",
    "Schülerhilfe Straße 3",
)


def test_multirelational_arcs_and_arcslist():
    net = read_pajek(FILES / "nordstadt_cp1252.net")
    assert net.directed
    assert list(net.actors.index) == [QM, AWO, KITA, BV, SH]
    assert _ties(net) == [
        (AWO, QM, "Information", 1.0),
        (BV, QM, "Information", 1.0),
        (QM, AWO, "Information", 2.0),
        (QM, KITA, "Projekt", 3.0),  # "c Blue" is a drawing option, not a weight
        (SH, BV, "Information", 1.0),
        (SH, QM, "Information", 1.0),
    ]
    assert net.meta["title"] == "Nordstadt"
    rec = str(net.record)
    assert "read as cp1252 text" in rec and "coordinates and drawing options left out" in rec


def test_cp1252_crlf_equals_utf8():
    cp = read_pajek(FILES / "nordstadt_cp1252.net")
    utf = read_pajek(FILES / "nordstadt_utf8.net")
    assert cp.equals(utf)
    assert cp.meta["encoding"] == "cp1252" and utf.meta["encoding"] == "utf-8"


def test_two_mode_vertices_n_m():
    net = read_pajek(FILES / "gremien.net")
    assert list(net.actors.index) == ["QM Nordstadt", "AWO", "Kita", "Schule"]
    assert len(net.ties) == 0
    assert sorted(net.affiliations[["actor", "item"]].itertuples(index=False, name=None)) == [
        ("AWO", "Runder Tisch"),
        ("Kita", "Stadtteilkonferenz"),
        ("QM Nordstadt", "Runder Tisch"),
        ("QM Nordstadt", "Stadtteilkonferenz"),
        ("Schule", "Stadtteilkonferenz"),  # written as "6 4": item first
    ]
    assert set(net.affiliations["kind"]) == {"committee"}


def test_networkx_writer_output(tmp_path):
    G = nx.Graph()
    G.add_edge("QM Nord", "AWO", weight=2.0)
    G.add_edge("AWO", "Kita", weight=1.0)
    G.add_node("Verein")
    f = tmp_path / "nx.net"
    nx.write_pajek(G, f)  # lowercase keywords, "ellipse" shapes, weights as floats
    net = read_pajek(f)
    assert not net.directed
    assert sorted(net.actors.index) == ["AWO", "Kita", "QM Nord", "Verein"]
    assert sorted((s, t, i) for s, t, _, i in _ties(net)) == [
        ("AWO", "Kita", 1.0),
        ("QM Nord", "AWO", 2.0),
    ]


def _net(tmp_path, text, name="x.net"):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return f


def test_unlabelled_vertices_and_duplicate_labels(tmp_path):
    net = read_pajek(_net(tmp_path, "*Vertices 3\n*Edges\n1 2\n2 3 4\n"))
    assert list(net.actors.index) == ["1", "2", "3"]
    assert _ties(net) == [("1", "2", "cooperation", 1.0), ("2", "3", "cooperation", 4.0)]
    dup = read_pajek(
        _net(tmp_path, '*Vertices 3\n1 "AWO"\n2 "AWO"\n3 "QM"\n*Edges\n1 3\n', "d.net")
    )
    assert list(dup.actors.index) == ["1", "2", "3"]
    assert list(dup.actors["label"]) == ["AWO", "AWO", "QM"]
    assert "labels are not distinct" in str(dup.record)


def test_relation_prefix_on_lines(tmp_path):
    text = '*Vertices 3\n1 a\n2 b\n3 c\n*Arcs :1 "Rat"\n*Arcs :2 "Tat"\n1: 1 2\n2: 2 3 5\n'
    net = read_pajek(_net(tmp_path, text))
    assert _ties(net) == [("a", "b", "Rat", 1.0), ("b", "c", "Tat", 5.0)]


def test_arcs_and_edges_mixed(tmp_path):
    f = _net(tmp_path, "*Vertices 3\n*Edges\n2 3\n1 3\n*Arcs\n1 2\n")
    with pytest.raises(FormatError, match="mix directed \\(1\\) and undirected \\(2\\)") as err:
        read_pajek(f)
    assert err.value.row == 6  # the line of the rarer kind
    assert len(read_pajek(f, directed=True).ties) == 5
    assert not read_pajek(f, directed=False).directed


def test_matrix_section(tmp_path):
    net = read_pajek(_net(tmp_path, "*Vertices 3\n*Matrix\n0 1 0\n0 0 2\n0 0 0\n"))
    assert net.directed and _ties(net) == [
        ("1", "2", "cooperation", 1.0),
        ("2", "3", "cooperation", 2.0),
    ]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("*Vertices 3\n*Edges\n1 4\n", 3, "vertex 4 does not exist"),
        ("*Vertices 3\n*Edges\n0 2\n", 3, "vertex 0 does not exist"),
        ('*Vertices 2\n1 "a"\n2 "b"\n3 "c"\n*Edges\n1 2\n', 4, "vertex 3 is beyond the count"),
        ('*Vertices 2\n1 "a"\n1 "b"\n', 3, "vertex 1 is listed twice"),
        ("*Vertices 2\n*Edges\n1\n", 3, "the line has 1 value"),
        ("*Vertices 2\n*Edges\n1 x\n", 3, "'x' is not a vertex number"),
        ("*Vertices zwei\n", 1, "'zwei' is not a vertex count"),
        ("*Edges\n1 2\n", 1, "before \\*Vertices"),
        ("*Vertices 2\n*Kanten\n1 2\n", 2, "unknown section"),
        ("*Vertices 2 2\n", 1, "first mode"),
        ("*Vertices 2\n*Matrix\n0 1\n1\n", 4, "matrix row has 1 numbers"),
    ],
)
def test_errors_name_the_line(tmp_path, text, line, message):
    with pytest.raises(FormatError, match=message) as err:
        read_pajek(_net(tmp_path, text))
    assert err.value.file == "x.net" and err.value.row == line


def test_missing_vertices_and_negative_weight(tmp_path):
    with pytest.raises(FormatError, match="no \\*Vertices line"):
        read_pajek(_net(tmp_path, "% nur ein Kommentar\n"))
    with pytest.raises(InvalidValueError, match="weight -2 is negative") as err:
        read_pajek(_net(tmp_path, "*Vertices 2\n*Edges\n1 2 -2\n", "n.net"))
    assert err.value.row == 3


def test_two_mode_line_between_actors(tmp_path):
    with pytest.raises(FormatError, match="joins two actors") as err:
        read_pajek(_net(tmp_path, "*Vertices 3 2\n*Edges\n1 2\n"))
    assert err.value.row == 3


def test_paj_project_reads_first_network(tmp_path):
    text = "*Network a\n*Vertices 2\n*Edges\n1 2\n*Partition p\n*Vertices 2\n1\n2\n"
    net = read_pajek(_net(tmp_path, text, "p.paj"))
    assert len(net.ties) == 1 and "only the network is read" in str(net.record)


def test_detection(tmp_path):
    assert detect_format(FILES / "nordstadt_utf8.net") == "pajek"
    f = _net(tmp_path, "% Kommentar\n*Vertices 2\n*Edges\n1 2\n", "ohne_endung.txt")
    assert detect_format(f) == "pajek"
    assert read_network(f).equals(read_pajek(f))
