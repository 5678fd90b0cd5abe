"""Google Forms and Microsoft Forms: the example exports tie by tie, grids and checklists."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from openpyxl import Workbook

from quartiernetz.io.survey import detect_tool, read_survey

from .survey_helpers import expand, ties_of

GOOGLE = "googleforms/Kooperation im Quartier Nordstadt.csv"
GRID = "Wie eng arbeiten Sie mit den folgenden Einrichtungen zusammen?"
ROOMS = "Mit welchen Einrichtungen nutzen Sie gemeinsam Räume?"
C, R = "cooperation", "Raumnutzung"

# rows 2, 4-8 count; row 3 (diakonie's first) superseded by row 6; schule (row 4) ticked
# itself among the rooms; tsv (row 5) left three grid rows and the checklist empty.
# "Stadt Lindenau, Sozialamt" contains the ", " that joins checkbox answers.
GOOGLE_EXPECTED = expand(
    {
        2: [
            ("qm", C, {"awo": 2, "sozialamt": 3, "bi": 2, "kirche": 1, "wohnbau": 2, "tsv": 1}),
            ("qm", R, {"bib": 1, "kirche": 1, "sozialamt": 1}),
        ],
        4: [
            ("schule", C, {"kita": 3, "bib": 2, "jugendamt": 2, "tsv": 1}),
            ("schule", R, {"tsv": 1, "bib": 1}),
        ],
        5: [("tsv", C, {"schule": 1, "bi": 1})],
        6: [
            ("diakonie", C, {"mgh": 3, "caritas": 2, "qm": 1, "drk": 1}),
            ("diakonie", R, {"mgh": 1, "jugendamt": 1}),
        ],
        7: [("bi", C, {"qm": 3, "wohnbau": 2, "kirche": 2}), ("bi", R, {"kirche": 1, "qm": 1})],
        8: [("wohnbau", C, {"qm": 2, "bi": 2}), ("wohnbau", R, {"bi": 1})],
    }
)


def test_google_example_ties(surveys, quiet):
    path = surveys / GOOGLE
    assert detect_tool(path) == "googleforms"
    net = read_survey(
        path, roster=surveys / "googleforms/roster.csv", questions={GRID: C, ROOMS: R}
    )
    assert ties_of(net) == GOOGLE_EXPECTED
    s = net.meta["survey"]
    assert s["respondent_column"] == "Für welche Einrichtung antworten Sie?"
    assert (s["respondents"], s["duplicates_superseded"], s["self_reports_dropped"]) == (6, 1, 1)
    # tsv: two empty grid rows, "weiß nicht", and an empty checklist
    assert s["missing_answers"] == 4
    assert s["dropped_identifying_columns"] == [
        "E-Mail-Adresse",
        "Haben Sie Anmerkungen oder Wünsche?",
    ]


def test_google_default_relation_names_are_the_questions(surveys, quiet):
    net = read_survey(surveys / GOOGLE, roster=surveys / "googleforms/roster.csv")
    assert net.relations == sorted([GRID, ROOMS])


def test_google_latest_by_timestamp_not_by_row(tmp_path, quiet):
    # the later submission (by the German timestamp) comes first in the file
    text = (
        "Zeitstempel,Ihre Einrichtung,Wie eng? [QM],Wie eng? [AWO],Wie eng? [Kita]\r\n"
        "12.05.2026 08:00:00,AWO,gemeinsame Projekte,,keine Zusammenarbeit\r\n"
        "03.05.2026 10:09:40,AWO,Informationsaustausch,,Informationsaustausch\r\n"
        "04.05.2026 10:09:40,QM,,Kooperation,\r\n"
    )
    path = tmp_path / "form.csv"
    path.write_text(text, encoding="utf-8")
    roster = pd.DataFrame({"id": ["qm", "awo", "kita"], "label": ["QM", "AWO", "Kita"]})
    net = read_survey(path, roster=roster)
    assert ties_of(net) == [
        (2, "awo", "qm", "cooperation", 2.0),
        (4, "qm", "awo", "cooperation", 2.0),
    ]
    assert net.meta["survey"]["missing_answers"] == 1  # qm about kita


def test_google_checkbox_grid_takes_the_largest(tmp_path, quiet):
    text = (
        "Timestamp,Ihre Einrichtung,Zusammenarbeit [QM],Zusammenarbeit [Kita]\r\n"
        '2026/05/03 10:09:40 OEZ,AWO,"Informationsaustausch, gemeinsame Projekte",'
        '"Informationsaustausch"\r\n'
    )
    path = tmp_path / "grid.csv"
    path.write_text(text, encoding="utf-8")
    roster = pd.DataFrame({"id": ["qm", "awo", "kita"], "label": ["QM", "AWO", "Kita"]})
    net = read_survey(path, roster=roster, tool="googleforms")
    assert ties_of(net) == [
        (2, "awo", "kita", "cooperation", 1.0),
        (2, "awo", "qm", "cooperation", 2.0),
    ]
    assert any("largest" in str(e.reason) for e in net.record)


MS = "msforms/Netzwerkbefragung Nordstadt(1-8).xlsx"
INFO_Q = "Mit welchen Einrichtungen tauschen Sie regelmäßig Informationen aus?"
PROJ_Q = "Mit welchen Einrichtungen führen Sie gemeinsame Projekte durch?"
INF, PRJ = "Informationsaustausch", "gemeinsame Projekte"

# rows 3-9 count; row 2 (awo's first) superseded by row 6; bib (row 4) ticked itself;
# jugendamt (row 5) skipped the projects question; kirche (row 3) typed "Tafel Nordstadt"
# as an "other" answer, which becomes a new actor.
MS_EXPECTED = expand(
    {
        3: [
            ("kirche", INF, {"bi": 1, "qm": 1, "tafel-nordstadt": 1, "mgh": 1}),
            ("kirche", PRJ, {"bi": 1, "tafel-nordstadt": 1}),
        ],
        4: [("bib", INF, {"schule": 1, "mgh": 1, "jugendtreff": 1}), ("bib", PRJ, {"schule": 1})],
        5: [
            ("jugendamt", INF, {"qm": 1, "schule": 1, "jugendtreff": 1, "sozialamt": 1, "kita": 1})
        ],
        6: [
            ("awo", INF, {"qm": 1, "kita": 1, "caritas": 1, "sozialamt": 1, "mgh": 1}),
            ("awo", PRJ, {"kita": 1, "qm": 1, "mgh": 1}),
        ],
        7: [("drk", INF, {"caritas": 1, "diakonie": 1}), ("drk", PRJ, {"caritas": 1})],
        8: [("kita", INF, {"awo": 1, "schule": 1, "qm": 1}), ("kita", PRJ, {"awo": 1})],
        9: [
            ("sozialamt", INF, {"qm": 1, "jugendamt": 1, "awo": 1, "wohnbau": 1}),
            ("sozialamt", PRJ, {"qm": 1}),
        ],
    }
)


def test_msforms_example_ties(surveys, quiet):
    path = surveys / MS
    assert detect_tool(path) == "msforms"
    net = read_survey(
        path, roster=surveys / "msforms/roster.csv", questions={INFO_Q: INF, PROJ_Q: PRJ}
    )
    assert ties_of(net) == MS_EXPECTED
    s = net.meta["survey"]
    assert (s["respondents"], s["duplicates_superseded"], s["self_reports_dropped"]) == (7, 1, 1)
    assert s["missing_answers"] == 1
    assert s["dropped_identifying_columns"] == ["Email", "Name", "Weitere Anmerkungen"]
    new = net.actors[net.actors["new_actor"]]
    assert new.index.tolist() == ["tafel-nordstadt"]
    assert new.loc["tafel-nordstadt", "label"] == "Tafel Nordstadt"
    assert not new["responded"].any()
    assert s["roster_size"] == 16 and len(net.actors) == 17
    review = net.meta["review"]
    assert review[["name", "suggested_actor", "mentions"]].values.tolist() == [
        ["Tafel Nordstadt", "", 2]
    ]


def test_msforms_trailing_semicolons_and_german_headers(tmp_path, quiet):
    wb = Workbook()
    ws = wb.active
    ws.append(
        [
            "ID",
            "Startzeit",
            "Fertigstellungszeit",
            "E-Mail",
            "Name",
            "Ihre Einrichtung",
            "Mit wem arbeiten Sie zusammen?",
        ]
    )
    ws.append(
        [
            1,
            dt.datetime(2026, 5, 4, 9, 0),
            dt.datetime(2026, 5, 4, 9, 5),
            "anonymous",
            None,
            "AWO",
            "QM;Kita;",
        ]
    )
    ws.append(
        [
            2,
            dt.datetime(2026, 5, 4, 10, 0),
            dt.datetime(2026, 5, 4, 10, 5),
            "qm@example.org",
            "Eva Muster",
            "QM",
            "AWO;",
        ]
    )
    path = tmp_path / "form.xlsx"
    wb.save(path)
    assert detect_tool(path) == "msforms"
    roster = pd.DataFrame({"id": ["qm", "awo", "kita"], "label": ["QM", "AWO", "Kita"]})
    net = read_survey(path, roster=roster)
    assert ties_of(net) == [
        (2, "awo", "kita", "cooperation", 1.0),
        (2, "awo", "qm", "cooperation", 1.0),
        (3, "qm", "awo", "cooperation", 1.0),
    ]
    assert net.meta["survey"]["dropped_identifying_columns"] == ["E-Mail", "Name"]
