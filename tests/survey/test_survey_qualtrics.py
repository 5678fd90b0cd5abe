"""Qualtrics: the example export tie by tie; three header rows, previews, Finished."""

from __future__ import annotations

import csv
import io

import pandas as pd

from quartiernetz.io.survey import detect_tool, read_survey

from .survey_helpers import expand, ties_of

EXPORT = "qualtrics/Kooperation Nordstadt_May 12, 2026_10.15.csv"
C = "cooperation"

# physical rows: 1-3 headers, 4 a survey preview, 5-11 responses; row 6 (caritas' first)
# superseded by row 10, row 7 (wohnbau, Finished 0) unfinished; mgh (row 9) rated itself.
# Recodes 1..4 -> intensities 0..3; 5 "kann ich nicht beurteilen" and -99 are missing.
EXPECTED = expand(
    {
        5: [("jugendamt", C, {"qm": 2, "sozialamt": 3, "schule": 1, "jugendtreff": 2, "kita": 1})],
        8: [("jugendtreff", C, {"caritas": 3, "schule": 2, "jugendamt": 1})],
        9: [("mgh", C, {"diakonie": 3, "qm": 2, "bib": 1})],
        10: [("caritas", C, {"jugendtreff": 3, "diakonie": 2, "awo": 1, "qm": 1})],
        11: [("bib", C, {"schule": 2, "mgh": 1, "jugendtreff": 1})],
    }
)


def test_example_ties(surveys, quiet):
    path = surveys / EXPORT
    assert detect_tool(path) == "qualtrics"
    net = read_survey(
        path,
        roster=surveys / "qualtrics/roster.csv",
        respondent="ExternalReference",
        codebook=surveys / "qualtrics/codebook.csv",
    )
    assert ties_of(net) == EXPECTED
    s = net.meta["survey"]
    assert (
        s["respondents"],
        s["previews_excluded"],
        s["unfinished_excluded"],
        s["duplicates_superseded"],
        s["self_reports_dropped"],
    ) == (5, 1, 1, 1, 1)
    miss = net.meta["missing"]
    assert sorted(zip(miss["row"], miss["target"], strict=True)) == [
        (8, "bib"),
        (8, "drk"),
        (8, "tsv"),
    ]
    assert s["dropped_identifying_columns"] == [
        "IPAddress",
        "RecipientLastName",
        "RecipientFirstName",
        "RecipientEmail",
        "ExternalReference",
        "LocationLatitude",
        "LocationLongitude",
        "ResponseId",  # R_… : a random id, found by its values
        "Q6",
    ]
    rec = net.record.to_frame()
    preview = rec[rec["reason"].str.contains("preview")]
    assert preview[["rows", "column"]].values.tolist() == [["4", "Status"]]


def _qualtrics(tmp_path, rows, *, json_row=True, name="q.csv"):
    buf = io.StringIO()
    w = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    q = "Mit wem arbeiten Sie zusammen?"
    w.writerow(
        ["StartDate", "Finished", "RecordedDate", "ExternalReference", "Q2_1", "Q2_2", "Q2_3"]
    )
    w.writerow(
        [
            "Start Date",
            "Finished",
            "Recorded Date",
            "External Data Reference",
            f"{q} - Caritas - Migrationsdienst",
            f"{q} - AWO",
            f"{q} - Kita",
        ]
    )
    if json_row:
        w.writerow(
            [
                '{"ImportId":"startDate"}',
                '{"ImportId":"finished"}',
                '{"ImportId":"recordedDate"}',
                '{"ImportId":"externalDataReference"}',
                '{"ImportId":"QID2_1"}',
                '{"ImportId":"QID2_2"}',
                '{"ImportId":"QID2_3"}',
            ]
        )
    for r in rows:
        w.writerow(r)
    path = tmp_path / name
    path.write_text("\ufeff" + buf.getvalue(), encoding="utf-8")
    return path


ROSTER = pd.DataFrame(
    {"id": ["mig", "awo", "kita"], "label": ["Caritas - Migrationsdienst", "AWO", "Kita"]}
)


def test_labels_with_dashes_and_true_false(tmp_path, quiet):
    # a label containing " - " is found from the roster; Finished as True/False
    rows = [
        [
            "2026-05-04 09:00:00",
            "True",
            "2026-05-04 09:10:00",
            "awo",
            "Informationsaustausch",
            "",
            "gemeinsame Projekte",
        ],
        ["2026-05-04 10:00:00", "False", "2026-05-04 10:10:00", "kita", "", "", ""],
        [
            "2026-05-04 11:00:00",
            "True",
            "2026-05-04 11:10:00",
            "mig",
            "",
            "formale Vereinbarung",
            "keine Zusammenarbeit",
        ],
    ]
    path = _qualtrics(tmp_path, rows)
    net = read_survey(path, roster=ROSTER, respondent="ExternalReference")
    assert ties_of(net) == [
        (4, "awo", "kita", "cooperation", 2.0),
        (4, "awo", "mig", "cooperation", 1.0),
        (6, "mig", "awo", "cooperation", 3.0),
    ]
    assert net.meta["survey"]["unfinished_excluded"] == 1


def test_legacy_export_with_two_header_rows(tmp_path, quiet):
    rows = [["2026-05-04 09:00:00", "1", "2026-05-04 09:10:00", "awo", "2", "", "1"]]
    path = _qualtrics(tmp_path, rows, json_row=False)
    net = read_survey(path, roster=ROSTER, respondent="ExternalReference", tool="qualtrics")
    assert ties_of(net) == [
        (3, "awo", "kita", "cooperation", 1.0),
        (3, "awo", "mig", "cooperation", 2.0),
    ]


def test_codes_in_the_roster_instead_of_labels(tmp_path, quiet):
    rows = [["2026-05-04 09:00:00", "1", "2026-05-04 09:10:00", "awo", "3", "", "0"]]
    path = _qualtrics(tmp_path, rows)
    roster = ROSTER.assign(
        label=["Migrationsdienst", "AWO Nordstadt", "Kita Sonnenschein"],
        code=["Q2_1", "Q2_2", "Q2_3"],
    )
    net = read_survey(path, roster=roster, respondent="ExternalReference")
    assert ties_of(net) == [(4, "awo", "mig", "cooperation", 3.0)]


def test_label_matching_no_actor_is_named_in_the_second_header_row(tmp_path, quiet):
    import pytest

    from quartiernetz.exceptions import SurveyError

    rows = [["2026-05-04 09:00:00", "1", "2026-05-04 09:10:00", "awo", "2", "", "1"]]
    path = _qualtrics(tmp_path, rows)
    with pytest.raises(SurveyError) as err:
        read_survey(path, roster=ROSTER.iloc[:2], respondent="ExternalReference")
    e = err.value
    assert (e.file, e.row, e.column) == ("q.csv", 2, "Q2_3")
    assert '"Kita"' in str(e)
