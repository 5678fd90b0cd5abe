"""Wide spreadsheets and the name-generator survey: tie by tie; the review round trip."""

from __future__ import annotations

import pandas as pd
import pytest

from quartiernetz.io.survey import detect_tool, read_survey

from .survey_helpers import expand, ties_of

WIDE = "wide/kooperationsmatrix_nordstadt.csv"
C = "cooperation"

# German Excel: cp1252, ";" and CRLF. Respondents typed with other case and spaces
# (" awo ortsverein nordstadt ", "STADTBÜCHEREI NORD"); row 4 (kita's first) superseded by
# row 6; tsv (row 7) rated itself; empty cells are missing.
WIDE_EXPECTED = expand(
    {
        2: [("qm", C, {"awo": 2, "sozialamt": 3, "bi": 2, "kita": 1, "schule": 1, "tsv": 1})],
        3: [("awo", C, {"qm": 2, "kita": 3, "caritas": 1, "mgh": 2})],
        5: [("bib", C, {"schule": 3, "mgh": 2, "jugendtreff": 2})],
        6: [("kita", C, {"awo": 3, "schule": 3, "qm": 1, "bib": 1})],
        7: [("tsv", C, {"schule": 2, "bi": 1, "kita": 1})],
        8: [("schule", C, {"kita": 3, "bib": 3, "tsv": 2, "jugendamt": 1})],
    }
)


def test_wide_example_ties(surveys, quiet):
    path = surveys / WIDE
    assert detect_tool(path) == "wide"
    net = read_survey(path, roster=surveys / "wide/roster.csv")
    assert ties_of(net) == WIDE_EXPECTED
    s = net.meta["survey"]
    assert (
        s["respondents"],
        s["duplicates_superseded"],
        s["self_reports_dropped"],
        s["missing_answers"],
    ) == (6, 1, 1, 3)
    assert s["dropped_identifying_columns"] == ["Bemerkung"]
    assert s["respondent_column"] == "Organisation"
    assert str(net.record[0].reason).startswith("read as a wide spreadsheet export (cp1252 text")


def test_wide_without_roster(tmp_path, quiet):
    path = tmp_path / "m.csv"
    path.write_text("Akteur,QM,AWO,Kita\nQM,,2,\nAWO,1,,3\nTafel,1,0,0\n", encoding="utf-8")
    net = read_survey(path)
    assert sorted(net.actors.index) == ["AWO", "Kita", "QM", "Tafel"]
    assert ties_of(net) == [
        (2, "QM", "AWO", C, 2.0),
        (3, "AWO", "Kita", C, 3.0),
        (3, "AWO", "QM", C, 1.0),
        (4, "Tafel", "QM", C, 1.0),
    ]
    assert net.meta["missing"][["source", "target"]].values.tolist() == [["QM", "Kita"]]


def test_wide_ignore_and_xlsx(tmp_path, quiet):
    frame = pd.DataFrame(
        {
            "Organisation": ["QM", "AWO"],
            "Datum": ["1.5.", "2.5."],
            "QM": [None, 2],
            "AWO": [1, None],
        }
    )
    path = tmp_path / "m.xlsx"
    frame.to_excel(path, index=False)
    roster = pd.DataFrame({"id": ["qm", "awo"], "label": ["QM", "AWO"]})
    net = read_survey(path, roster=roster, ignore="Datum")
    assert ties_of(net) == [(2, "qm", "awo", C, 1.0), (3, "awo", "qm", C, 2.0)]


NAMES = "namegenerator/data_netzwerk_namen_2026-06-04_09-12.csv"


def _names(surveys, **kw):
    return read_survey(
        surveys / NAMES,
        roster=surveys / "namegenerator/roster.csv",
        respondent="SERIAL",
        codebook=surveys / "namegenerator/codebook.csv",
        names={"NG01": "NG02"},
        **kw,
    )


# rows 2-4, 6, 7 count (row 5, caritas, is unfinished). Exact matches after normalisation
# merge ("Kindertagesstätte Sonnenschein" = kita, "Grundschule Lindenplatz" = schule,
# "QM Nordstadt" = qm; "Nordstadt-Tafel" = "Tafel Nordstadt"); near matches become new
# actors until confirmed; awo named itself (row 3) and bi named qm twice (row 6, max 3).
NAMES_EXPECTED = expand(
    {
        2: [("qm", C, {"awo-nordstadt": 2, "kita": 1, "tafel-nordstadt": 2, "sozialamt": 3})],
        3: [("awo", C, {"kita": 3, "quartiersmanagement": 2, "tafel-nordstadt": 1})],
        4: [
            (
                "kita",
                C,
                {"awo": 3, "schule": 2, "stadtteilmuetter-frau-yilmaz": 1, "familienzentrum": 1},
            )
        ],
        6: [("bi", C, {"qm": 3, "wohnungsbau-lindenau": 2, "tafel": 1, "ev-kirchengemeinde": 2})],
        7: [("tsv", C, {"schule": 2, "jugendtreff": 1, "tsv-nordstadt": 1})],
    }
)

REVIEW = [  # name, suggested_actor, score, mentions, rows, new_actor
    ["AWO Nordstadt", "awo", 100.0, 1, "2", "awo-nordstadt"],
    ["Wohnungsbau Lindenau", "wohnbau", 100.0, 1, "6", "wohnungsbau-lindenau"],
    ["Quartiersmanagement", "qm", 100.0, 1, "3", "quartiersmanagement"],
    ["Tafel", "tafel-nordstadt", 100.0, 1, "6", "tafel"],
    ["TSV Nordstadt", "tsv", 100.0, 1, "7", "tsv-nordstadt"],
    ["Ev. Kirchengemeinde", "kirche", 100.0, 1, "6", "ev-kirchengemeinde"],
    ["Tafel Nordstadt", "", 54.0, 2, "2 3", "tafel-nordstadt"],
    ["Stadtteilmütter (Frau Yilmaz)", "", 54.0, 1, "4", "stadtteilmuetter-frau-yilmaz"],
    ["Familienzentrum", "", 54.0, 1, "4", "familienzentrum"],
]


def test_name_generator_example(surveys, quiet):
    net = _names(surveys)
    assert ties_of(net) == NAMES_EXPECTED
    review = net.meta["review"]
    assert list(review.columns[:3]) == ["name", "suggested_actor", "score"]
    assert (
        review[
            ["name", "suggested_actor", "score", "mentions", "rows", "new_actor"]
        ].values.tolist()
        == REVIEW
    )
    new = net.actors.index[net.actors["new_actor"]].tolist()
    assert sorted(new) == sorted(r[5] for r in REVIEW)
    names = net.meta["survey"]["names"]
    assert (names["mentions"], names["matched_exactly"], names["new_actors"]) == (20, 10, 9)
    assert net.meta["survey"]["self_reports_dropped"] == 1
    reasons = [str(e.reason) for e in net.record]
    assert any("named twice in one response" in r for r in reasons)
    assert any("without an intensity: intensity set to 1" in r for r in reasons)


def test_review_table_round_trip(surveys, tmp_path, quiet):
    net = _names(surveys)
    table = tmp_path / "review.csv"
    net.meta["review"].to_csv(table, index=False)
    # the user keeps every suggestion but refuses "Wohnungsbau Lindenau" -> wohnbau
    edited = pd.read_csv(table, keep_default_na=False)
    edited.loc[edited["name"] == "Wohnungsbau Lindenau", "suggested_actor"] = ""
    edited.to_csv(table, index=False)
    again = _names(surveys, aliases=table)
    expected = expand(
        {
            2: [("qm", C, {"awo": 2, "kita": 1, "tafel-nordstadt": 2, "sozialamt": 3})],
            3: [("awo", C, {"kita": 3, "qm": 2, "tafel-nordstadt": 1})],
            4: [
                (
                    "kita",
                    C,
                    {
                        "awo": 3,
                        "schule": 2,
                        "stadtteilmuetter-frau-yilmaz": 1,
                        "familienzentrum": 1,
                    },
                )
            ],
            6: [("bi", C, {"qm": 3, "wohnungsbau-lindenau": 2, "tafel-nordstadt": 1, "kirche": 2})],
            7: [("tsv", C, {"schule": 2, "jugendtreff": 1})],  # "TSV Nordstadt" is tsv itself
        }
    )
    assert ties_of(again) == expected
    assert len(again.meta["review"]) == 0
    assert sorted(again.actors.index[again.actors["new_actor"]]) == [
        "familienzentrum",
        "stadtteilmuetter-frau-yilmaz",
        "tafel-nordstadt",
        "wohnungsbau-lindenau",
    ]
    assert again.meta["survey"]["self_reports_dropped"] == 2
    assert again.meta["survey"]["names"]["aliased"] == 10


def test_names_without_roster_match_each_other(tmp_path, quiet):
    text = (
        "Zeitstempel,Ihre Einrichtung,Partner (eine Einrichtung pro Zeile)\r\n"
        '03.05.2026 10:09:40,Tafel Nordstadt,"AWO Nordstadt\nKiTa Sonnenschein"\r\n'
        '03.05.2026 11:00:00,AWO Nordstadt,"Nordstadt-Tafel\nKita Sonnenschein e.V.;'
        'Kita Sonneschein"\r\n'
    )
    path = tmp_path / "ng.csv"
    path.write_text(text, encoding="utf-8")
    net = read_survey(
        path, respondent="Ihre Einrichtung", names="Partner (eine Einrichtung pro Zeile)"
    )
    # respondents are the actors; typed names equal after normalisation merge with them
    assert ties_of(net) == [
        (2, "Tafel Nordstadt", "AWO Nordstadt", C, 1.0),
        (2, "Tafel Nordstadt", "kita-sonnenschein", C, 1.0),
        (3, "AWO Nordstadt", "Tafel Nordstadt", C, 1.0),
        (3, "AWO Nordstadt", "kita-sonnenschein", C, 1.0),
        (3, "AWO Nordstadt", "kita-sonneschein", C, 1.0),
    ]
    review = net.meta["review"].set_index("name")
    assert review.loc["Kita Sonneschein", "suggested_actor"] == "kita-sonnenschein"
    # token_set_ratio: "kindertagesstaette sonneschein" (30 characters) against
    # "kindertagesstaette sonnenschein" (31): 2 * 30 / 61 = 98.36
    assert review.loc["Kita Sonneschein", "score"] == pytest.approx(98.4, abs=0.05)


def test_respondents_match_ignoring_case_spaces_and_unicode_forms(tmp_path, quiet):
    # "Stadtbücherei" typed with a combining diaeresis (NFD), in capitals, with spaces
    path = tmp_path / "m.csv"
    path.write_text(
        "Organisation;bib;qm\n  STADTBU\u0308CHEREI   NORD ;;1\nqm;2;\n", encoding="utf-8"
    )
    roster = pd.DataFrame({"id": ["bib", "qm"], "label": ["Stadtbücherei Nord", "QM"]})
    net = read_survey(path, roster=roster)
    assert ties_of(net) == [(2, "bib", "qm", C, 1.0), (3, "qm", "bib", C, 2.0)]
