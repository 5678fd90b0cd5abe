"""UCINET DL files: full and half matrices, edge and node lists, several matrices, two-mode."""

from __future__ import annotations

from pathlib import Path

import pytest

from quartiernetz import read_network
from quartiernetz.exceptions import FormatError, InvalidValueError, MatrixError
from quartiernetz.io import detect_format
from quartiernetz.io.ucinet import read_dl

FILES = Path(__file__).parent / "files"


def _ties(net):
    return sorted(
        net.ties[["source", "target", "relation", "intensity"]].itertuples(index=False, name=None)
    )


def test_two_matrices_with_matrix_labels_cp1252():
    net = read_dl(FILES / "nordstadt.dl")
    qm, awo, kita, bv = "QM Nordstadt", "AWO Ortsverein", "Kita Sonnenschein", "Bürgerverein"
    assert list(net.actors.index) == [qm, awo, kita, bv]
    # "Projekt" is not symmetric, so the network is directed; "Information" is, so each of
    # its ties is an arc each way
    assert net.directed
    assert _ties(net) == [
        (awo, qm, "Information", 1.0),
        (bv, kita, "Information", 1.0),
        (kita, bv, "Information", 1.0),
        (kita, bv, "Projekt", 3.0),
        (kita, qm, "Information", 1.0),
        (qm, awo, "Information", 1.0),
        (qm, awo, "Projekt", 2.0),
        (qm, kita, "Information", 1.0),
    ]
    assert 'not symmetric ("Projekt")' in str(net.record) and net.meta["encoding"] == "cp1252"


def test_labels_embedded_fullmatrix():
    net = read_dl(FILES / "embedded.dl")
    assert not net.directed
    assert _ties(net) == [
        ("AWO", "Kita", "cooperation", 1.0),
        ("QM", "AWO", "cooperation", 1.0),
        ("QM", "Verein", "cooperation", 1.0),
    ]


def test_edgelist1_labels_embedded_quoted():
    net = read_dl(FILES / "edgelist.dl")
    assert net.directed  # an edge list given once per pair is an asymmetric matrix
    assert list(net.actors.index) == ["QM Nordstadt", "AWO", "Kita", "Schule", "Bürgerverein"]
    assert _ties(net) == [
        ("AWO", "Kita", "cooperation", 1.5),
        ("Bürgerverein", "QM Nordstadt", "cooperation", 1.0),
        ("QM Nordstadt", "AWO", "cooperation", 2.0),
        ("QM Nordstadt", "Kita", "cooperation", 1.0),
        ("Schule", "Kita", "cooperation", 1.0),
    ]
    assert len(read_dl(FILES / "edgelist.dl", directed=False).ties) == 5


def test_two_mode_fullmatrix():
    net = read_dl(FILES / "gremien.dl")
    assert list(net.actors.index) == ["QM", "AWO", "Kita", "Schule"]
    assert sorted(net.affiliations[["actor", "item"]].itertuples(index=False, name=None)) == [
        ("AWO", "Runder Tisch"),
        ("Kita", "Stadtteilkonferenz"),
        ("QM", "Runder Tisch"),
        ("QM", "Stadtteilkonferenz"),
        ("Schule", "Stadtteilkonferenz"),
    ]


def _dl(tmp_path, text, name="x.dl"):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return f


def test_gephi_examples(tmp_path):
    """The examples of Gephi's DL documentation."""
    net = read_dl(
        _dl(tmp_path, "DL N = 5\nData:\n0 1 1 1 1\n1 0 1 0 0\n1 1 0 0 1\n1 0 0 0 0\n1 0 1 0 0\n")
    )
    assert not net.directed and len(net.ties) == 6 and list(net.actors.index) == list("12345")
    weighted = read_dl(
        _dl(
            tmp_path,
            "dl\nformat=edgelist1\nn=3\ndata:\n1 2 1.56263736263736\n"
            "1 3 1.48687978687979\n2 3 1.39597069597070\n3 1 0.676190476190476\n",
            "w.dl",
        )
    )
    assert weighted.directed
    assert weighted.ties["intensity"].round(4).tolist() == [1.5626, 1.4869, 1.396, 0.6762]


def test_nodelist1_and_lowerhalf(tmp_path):
    net = read_dl(
        _dl(tmp_path, "dl n=4\nformat=nodelist1\nlabels:\na b c d\ndata:\n1 2 3\n2 1\n4\n")
    )
    assert _ties(net) == [
        ("a", "b", "cooperation", 1.0),
        ("a", "c", "cooperation", 1.0),
        ("b", "a", "cooperation", 1.0),
    ]
    half = read_dl(
        _dl(
            tmp_path,
            "dl n=3 format=lowerhalf diagonal=absent\nlabels: a,b,c\ndata:\n1\n0 2\n",
            "h.dl",
        )
    )
    assert not half.directed
    assert _ties(half) == [("a", "b", "cooperation", 1.0), ("b", "c", "cooperation", 2.0)]


def test_labels_on_several_lines_and_keywords_in_any_case(tmp_path):
    text = (
        'Dl N=3\nFormat = FullMatrix\nLABELS:\n"Verein A",\n"Verein B"\n"Verein C"\nDATA:\n'
        "0 1 0\n1 0 0\n0 0 0\n"
    )
    net = read_dl(_dl(tmp_path, text))
    assert list(net.actors.index) == ["Verein A", "Verein B", "Verein C"] and len(net.ties) == 1


@pytest.mark.parametrize(
    ("text", "error", "line", "message"),
    [
        (
            "dl n=3\ndata:\n0 1 0\n1 0 0\n0 0\n",
            FormatError,
            5,
            "end too early; expected row 3, column 3 of matrix 1 \\(3 x 3 values\\)",
        ),
        ("dl n=2\ndata:\n0 1\n1 0\n1\n", FormatError, 5, "more values than the header"),
        ("dl n=2\ndata:\n0 x\n1 0\n", InvalidValueError, 3, "'x' is not a number"),
        ("dl n=2\ndata:\n0 -1\n1 0\n", InvalidValueError, 3, "matrix 1, row 1, column 2"),
        ("dl n=3\nlabels:\na,b\ndata:\n0 0 0\n", MatrixError, 3, "labels: 2 labels"),
        ("dl n=2\nlabels:\na,b,c\ndata:\n0 0\n0 0\n", MatrixError, 3, "more than 2 labels"),
        ("dl n=2\nlabels:\na,a\ndata:\n0 0\n0 0\n", MatrixError, 3, 'label "a" appears twice'),
        ("dl n=2 format=edgelist1\ndata:\n1 3\n", FormatError, 3, "vertex 3 does not exist"),
        ("dl n=2 format=edgelist1\ndata:\n1 2 3 4\n", FormatError, 3, "the line has 4 values"),
        ("dl n=2 format=blockmatrix\ndata:\n", FormatError, 1, "format 'blockmatrix'"),
        ("dl n=2 colour=red\ndata:\n", FormatError, 1, "unknown keyword 'colour'"),
        ("graph n=2\ndata:\n", FormatError, 1, "starts with 'graph'"),
        ("dl nr=2 nc=3 format=edgelist1\ndata:\n", MatrixError, None, "NR = 2 and NC = 3"),
        (
            "dl n=3\nlabels embedded\ndata:\na b c\na 0 1 0\nx 1 0 0\nc 0 0 0\n",
            MatrixError,
            6,
            'row 2 is labelled "x" but column 2 is labelled "b"',
        ),
    ],
)
def test_errors(tmp_path, text, error, line, message):
    with pytest.raises(error, match=message) as err:
        read_dl(_dl(tmp_path, text))
    assert err.value.file == "x.dl" and err.value.row == line


def test_no_data_line(tmp_path):
    with pytest.raises(FormatError, match="no DATA: line"):
        read_dl(_dl(tmp_path, "dl n=2\n0 1\n1 0\n"))


def test_detection(tmp_path):
    assert detect_format(FILES / "nordstadt.dl") == "dl"
    f = _dl(tmp_path, "DL N=2\nDATA:\n0 1\n1 0\n", "export.txt")
    assert detect_format(f) == "dl"
    assert read_network(f).equals(read_dl(f))
