"""Adjacency and incidence matrices in CSV (Gephi, xUCINET, R's write.csv)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from quartiernetz import read_network
from quartiernetz.exceptions import DataCleaningWarning, InvalidValueError, MatrixError
from quartiernetz.io import detect_format
from quartiernetz.io.matrix import read_matrix

FILES = Path(__file__).parent / "files"


def _ties(net):
    return sorted(
        (s, t, r, float(i))
        for s, t, r, i in net.ties[["source", "target", "relation", "intensity"]].itertuples(
            index=False
        )
    )


def test_gephi_matrix_cp1252_semicolon_decimal_comma():
    net = read_matrix(FILES / "gephi_matrix.csv")
    assert not net.directed
    assert list(net.actors.index) == [
        "QM Nordstadt",
        "AWO Ortsverein",
        "Bürgerverein",
        "Schülerhilfe",
    ]
    assert _ties(net) == [
        ("AWO Ortsverein", "Schülerhilfe", "cooperation", 2.0),
        ("QM Nordstadt", "AWO Ortsverein", "cooperation", 1.5),
        ("QM Nordstadt", "Bürgerverein", "cooperation", 1.0),
    ]
    info = str(net.record)
    assert "cp1252" in info and "';'" in info and "symmetric: read as undirected" in info


def test_cp1252_semicolon_equals_utf8_comma(tmp_path):
    text = (FILES / "gephi_matrix.csv").read_bytes().decode("cp1252")
    utf8 = tmp_path / "gephi_matrix.csv"
    utf8.write_text(text.replace(";", ",").replace("1,5", '"1.5"'), encoding="utf-8")
    assert read_matrix(utf8).equals(read_matrix(FILES / "gephi_matrix.csv"))


def test_dim0_asymmetric_is_directed_row_sends():
    net = read_matrix(FILES / "matrix_dim0.csv")
    assert net.directed
    assert _ties(net) == [
        ("Kita", "AWO", "cooperation", 2.0),
        ("Kita", "QM", "cooperation", 1.0),
        ("QM", "AWO", "cooperation", 1.0),
        ("QM", "Kita", "cooperation", 1.0),
        ("Schule", "Kita", "cooperation", 1.0),
    ]
    assert "AWO" in net.actors.index  # sends nothing, still an actor


def test_directed_false_merges_the_two_cells():
    with pytest.warns(DataCleaningWarning, match="both directions"):
        net = read_matrix(FILES / "matrix_dim0.csv", directed=False, relation="Austausch")
    assert not net.directed
    assert _ties(net) == [
        ("Kita", "AWO", "Austausch", 2.0),
        ("QM", "AWO", "Austausch", 1.0),
        ("QM", "Kita", "Austausch", 1.0),
        ("Schule", "Kita", "Austausch", 1.0),
    ]
    assert net.record.count("merged") == 1


def test_directed_true_on_symmetric_gives_both_arcs():
    net = read_matrix(FILES / "gephi_matrix.csv", directed=True)
    assert net.directed and len(net.ties) == 6


def test_detected_and_read_by_read_network():
    assert detect_format(FILES / "gephi_matrix.csv") == "matrix"
    assert detect_format(FILES / "matrix_dim0.csv") == "matrix"
    assert read_network(FILES / "matrix_dim0.csv").equals(read_matrix(FILES / "matrix_dim0.csv"))


def _write(tmp_path, text, name="m.csv"):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return f


def test_not_square_names_the_sizes(tmp_path):
    f = _write(tmp_path, ",a,b,c\na,0,1,0\nb,1,0,0\n")
    with pytest.raises(MatrixError, match=r"2 rows and 3 columns") as err:
        read_matrix(f)
    assert err.value.file == "m.csv" and "two_mode=True" in str(err.value)


def test_label_mismatch_names_row_and_column(tmp_path):
    f = _write(tmp_path, ",a,b,c\na,0,1,0\nb,1,0,0\nx,0,0,0\n")
    with pytest.raises(MatrixError) as err:
        read_matrix(f)
    assert err.value.row == 4 and err.value.column == "c"
    assert 'row 3 is labelled "x" but column 3 is labelled "c"' in str(err.value)


def test_same_labels_other_order(tmp_path):
    f = _write(tmp_path, ",a,b\nb,0,1\na,1,0\n")
    with pytest.raises(MatrixError, match="another order"):
        read_matrix(f)


def test_duplicate_labels(tmp_path):
    with pytest.raises(MatrixError, match='column label "a" appears twice') as err:
        read_matrix(_write(tmp_path, ",a,a\na,0,1\na,1,0\n"))
    assert err.value.row == 1
    with pytest.raises(MatrixError, match='row label "a" appears twice') as err:
        read_matrix(_write(tmp_path, ",a,b\na,0,1\na,1,0\n", "r.csv"))
    assert err.value.row == 3


def test_short_row(tmp_path):
    with pytest.raises(MatrixError, match="the row has 1 values") as err:
        read_matrix(_write(tmp_path, ",a,b\na,0,1\nb,1\n"))
    assert err.value.row == 3 and err.value.column == "b"


def test_bad_and_negative_and_empty_cells(tmp_path):
    with pytest.raises(InvalidValueError, match="'x' is not a number") as err:
        read_matrix(_write(tmp_path, ",a,b\na,0,x\nb,1,0\n"))
    assert (err.value.row, err.value.column) == (2, "b")
    with pytest.raises(InvalidValueError, match="below 0") as err:
        read_matrix(_write(tmp_path, ",a,b\na,0,1\nb,-1,0\n", "n.csv"))
    assert (err.value.row, err.value.column) == (3, "a")
    with pytest.raises(InvalidValueError, match="empty") as err:
        read_matrix(_write(tmp_path, ",a,b\na,0,\nb,1,0\n", "e.csv"))
    assert (err.value.row, err.value.column) == (2, "b")


def test_diagonal_is_a_recorded_self_tie(tmp_path):
    with pytest.warns(DataCleaningWarning, match="self-tie"):
        net = read_matrix(_write(tmp_path, ",a,b\na,1,1\nb,1,0\n"))
    assert _ties(net) == [("a", "b", "cooperation", 1.0)]
    assert net.record.count("dropped") == 1


def test_two_mode_incidence(tmp_path):
    f = _write(tmp_path, ",Runder Tisch,Beirat,Leer\nQM,1,1,0\nAWO,1,0,0\nKita,0,2,0\n")
    net = read_matrix(f, two_mode=True, kind="Gremium")
    aff = sorted(
        net.affiliations[["actor", "item", "kind", "weight"]].itertuples(index=False, name=None)
    )
    assert aff == [
        ("AWO", "Runder Tisch", "Gremium", 1.0),
        ("Kita", "Beirat", "Gremium", 2.0),
        ("QM", "Beirat", "Gremium", 1.0),
        ("QM", "Runder Tisch", "Gremium", 1.0),
    ]
    assert len(net.ties) == 0 and "Leer" in str(net.record)


# ------------------------------------------------------------- classic data
@pytest.mark.parametrize(
    ("file", "arcs"),
    [("knoke_information_adjacency.csv", 49), ("knoke_money_adjacency.csv", 22)],
)
def test_knoke_adjacency(shared_data, file, arcs):
    net = read_network(shared_data / "knoke" / file)
    assert net.directed and len(net.ties) == arcs and len(net.actors) == 10
    assert net.meta["format"] == "matrix"


@pytest.mark.parametrize(
    ("file", "ties", "directed"),
    [
        ("Kapferer_TailorShop__SociationalT1.csv", 158, False),
        ("Kapferer_TailorShop__SociationalT2.csv", 223, False),
        ("Kapferer_TailorShop__InstrumentalT1.csv", 109, True),
        ("Kapferer_TailorShop__InstrumentalT2.csv", 147, True),
        ("Krackhardt_HighTech__Advice.csv", 190, True),
        ("Padgett_FlorentineFamilies__Marriage.csv", 20, False),
        ("Zachary_KarateClub__Strength.csv", 78, False),
    ],
)
def test_xucinet_matrices(shared_data, file, ties, directed):
    net = read_network(shared_data / "xucinet" / file)
    assert len(net.ties) == ties and net.directed is directed


def test_zachary_strength_values(shared_data):
    net = read_matrix(shared_data / "xucinet" / "Zachary_KarateClub__Strength.csv")
    assert net.ties["intensity"].sum() == 231.0
    assert net.ties["intensity"].sum() == nx.karate_club_graph().size(weight="weight")


def test_davis_two_mode(shared_data):
    f = shared_data / "xucinet" / "Davis_SouthernWomen__Attendance.csv"
    with pytest.raises(MatrixError, match="18 rows and 14 columns"):
        read_network(f)
    net = read_network(f, two_mode=True, kind="event")
    assert len(net.actors) == 18 and len(net.affiliations) == 89
    assert net.affiliations["item"].nunique() == 14
