"""Name normalisation, suggestions, alias tables; codebooks; tool detection."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from quartiernetz.exceptions import InvalidValueError, MissingColumnError
from quartiernetz.io.survey import (
    BUILTIN_CODEBOOK,
    Codebook,
    normalize_name,
    read_aliases,
    read_codebook,
    resolve_names,
)


@pytest.mark.parametrize(
    "a, b",
    [
        ("AWO Ortsverein Nordstadt e.V.", "Arbeiterwohlfahrt OV Nordstadt"),
        ("AWO-Ortsverein Nordstadt", "awo ortsverein  nordstadt e. V."),
        ("KiTa Sonnenschein gGmbH", "Kindertagesstätte Sonnenschein"),
        ("Kita Sonnenschein gGmbH & Co. KG", "KITA SONNENSCHEIN"),
        ("DRK Kreisverband Lindenau e.V.", "Deutsches Rotes Kreuz, KV Lindenau"),
        ("Sozialamt der Stadt Lindenau", "Stadt Lindenau, Sozialamt"),
        ("Straßenfest-Verein", "Strassenfest Verein"),
        ("Mehrgenerationenhaus Brückenstraße", "MGH Brueckenstrasse"),
        ("Ev. Kirchengemeinde St. Markus", "Evangelische Kirchengemeinde Sankt Markus"),
        ("TSV Nordstadt 1911 eV", "TSV Nordstadt 1911 e.V."),
    ],
)
def test_equal_after_normalisation(a, b):
    assert normalize_name(a) == normalize_name(b)


@pytest.mark.parametrize(
    "a, b",
    [
        ("AWO Nordstadt", "AWO Ortsverein Nordstadt"),
        ("Caritas", "Caritasverband Lindenau"),
        ("Ev. Kirchengemeinde St. Markus", "Kath. Kirchengemeinde St. Markus"),
        ("AG Wohnen", "Wohnen"),  # "AG" (Arbeitsgruppe) is not removed as a legal form
    ],
)
def test_not_equal_after_normalisation(a, b):
    assert normalize_name(a) != normalize_name(b)


def test_own_abbreviations():
    assert normalize_name(
        "BI Lindenplatz", abbreviations={"BI": "Bewohnerinitiative"}
    ) == normalize_name("Bewohnerinitiative Lindenplatz")


ROSTER = pd.DataFrame(
    {
        "label": [
            "AWO Ortsverein Nordstadt",
            "Caritasverband Lindenau",
            "Quartiersmanagement Nordstadt",
            "TSV Nordstadt 1911 e.V.",
        ],
        "aliases": ["", "", "Stadtteilbüro", ""],
    },
    index=pd.Index(["awo", "caritas", "qm", "tsv"], name="id"),
)


def test_exact_near_and_new():
    names = [
        "Arbeiterwohlfahrt OV Nordstadt",
        "AWO Nordstadt",
        "Stadtteilbüro",
        "Tafel Nordstadt",
        "Nordstadt Tafel",
        "Caritas",
    ]
    res = resolve_names(names, roster=ROSTER, rows=[2, 3, 4, 5, 6, 7])
    assert res.actors == [
        "awo",
        "awo-nordstadt",
        "qm",
        "tafel-nordstadt",
        "tafel-nordstadt",
        "caritas-2",
    ]
    assert (res.exact, res.aliased) == (2, 0)
    review = res.review.set_index("name")
    assert review.loc["AWO Nordstadt", "suggested_actor"] == "awo"
    assert review.loc["Caritas", "suggested_actor"] == "caritas"
    # "nordstadt" is in 3 of 4 roster names and does not count for similarity:
    # "Tafel Nordstadt" is not suggested as the Quartiersmanagement Nordstadt
    assert review.loc["Tafel Nordstadt", "suggested_actor"] == ""
    assert review.loc["Tafel Nordstadt", "mentions"] == 2
    assert review.loc["Tafel Nordstadt", "rows"] == "5 6"
    assert res.new_actors.loc["tafel-nordstadt", "label"] == "Tafel Nordstadt"


def test_aliases_decide():
    names = ["AWO Nordstadt", "Tafel Nordstadt", "Caritas", "Stadtteilmütter"]
    aliases = {
        "awo nordstadt": "awo",  # compared normalised
        "Caritas": "Caritasverband Lindenau",  # a label works too
        "Tafel Nordstadt": "",  # stays a new actor of its own
        "Stadtteilmütter": "Stadtteilmütter-Projekt",
    }  # a new actor of that name
    res = resolve_names(names, roster=ROSTER, aliases=aliases)
    assert res.actors == ["awo", "tafel-nordstadt", "caritas", "stadtteilmuetter-projekt"]
    assert res.aliased == 4 and len(res.review) == 0
    assert res.new_actors["label"].to_dict() == {
        "tafel-nordstadt": "Tafel Nordstadt",
        "stadtteilmuetter-projekt": "Stadtteilmütter-Projekt",
    }


def test_threshold():
    res = resolve_names(["Caritas"], roster=ROSTER, threshold=95)
    assert res.review.loc[0, "suggested_actor"] == ""
    assert res.review.loc[0, "score"] == 90.0


def test_read_aliases(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("name,actor\nAWO Nordstadt,awo\nTafel,\n", encoding="utf-8")
    assert read_aliases(path) == {"AWO Nordstadt": "awo", "Tafel": ""}
    (tmp_path / "b.csv").write_text("name,score\nx,1\n", encoding="utf-8")
    with pytest.raises(MissingColumnError):
        read_aliases(tmp_path / "b.csv")


# ------------------------------------------------------------------- codebook


def test_builtin_codebook():
    cb = Codebook.default()
    assert cb.lookup("Gemeinsame Projekte") == (2.0, "codebook")
    assert cb.lookup("  formale Kooperationsvereinbarung ") == (3.0, "codebook")
    assert cb.lookup("No cooperation") == (0.0, "codebook")
    assert math.isnan(cb.lookup("Weiß nicht")[0])
    assert cb.lookup("2,5") == (2.5, "number")
    assert cb.lookup("3 = sehr eng") == (3.0, "number")
    assert cb.lookup("-99")[1] == "code"
    assert cb.lookup("")[1] == "empty"
    assert cb.lookup("sehr gut") is None
    assert Codebook.default(shift=1).lookup("4") == (3.0, "number")
    assert len(BUILTIN_CODEBOOK) > 80


def test_codebook_file(tmp_path):
    path = tmp_path / "cb.csv"
    path.write_text("value;intensity\nA1;0\nA2;1,5\nA9;\n;0\n", encoding="utf-8")
    cb = read_codebook(path)
    assert cb.lookup("a2") == (1.5, "codebook")
    assert math.isnan(cb.lookup("A9")[0])
    assert cb.lookup("") == (0.0, "empty")  # the row with an empty value: empty cells are 0
    assert cb.lookup("-9")[1] == "code"
    assert cb.lookup("3") is None  # a user codebook does not take numbers as they are


@pytest.mark.parametrize(
    "text, row",
    [
        ("value,intensity\nA1,x\n", 2),
        ("value,intensity\nA1,1\nA2,-1\n", 3),
        ("value,intensity\nA1,1\na1,2\n", 3),
    ],
)
def test_codebook_errors(tmp_path, text, row):
    path = tmp_path / "cb.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidValueError) as err:
        read_codebook(path)
    assert (err.value.file, err.value.row) == ("cb.csv", row)


def test_empty_cells_as_zero_make_no_missing(tmp_path, quiet):
    from quartiernetz.io.survey import read_survey

    path = tmp_path / "lime.csv"
    path.write_text(
        '"id";"submitdate";"token";"MC[SQ001]";"MC[SQ002]"\r\n'
        '"1";"2026-04-21 09:14:02";"t1";;"Y"\r\n',
        encoding="utf-8-sig",
    )
    roster = pd.DataFrame(
        {
            "id": ["a", "b"],
            "label": ["A", "B"],
            "code": ["MC[SQ001]", "MC[SQ002]"],
            "token": ["t1", "t2"],
        }
    )
    net = read_survey(path, roster=roster, codebook={"Y": 1, "": 0})
    assert net.ties[["source", "target", "intensity"]].values.tolist() == [["a", "b", 1.0]]
    assert net.meta["survey"]["missing_answers"] == 0
