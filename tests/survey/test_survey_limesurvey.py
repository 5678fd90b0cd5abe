"""LimeSurvey: the example export tie by tie, and its quirks."""

from __future__ import annotations

import pandas as pd
import pytest

from quartiernetz.exceptions import DataCleaningWarning
from quartiernetz.io.survey import detect_tool, read_survey

from .survey_helpers import expand, ties_of

EXPORT = "limesurvey/results-survey493827.csv"
QUESTIONS = {"INFO": "Informationsaustausch", "PROJ": "gemeinsame Projekte"}
INF, PRJ = "Informationsaustausch", "gemeinsame Projekte"

# hand-checked from the file: rows 2, 5-10 count; row 3 (awo's first submission) is
# superseded by row 7, row 4 (caritas) is unfinished; kita (row 5) rated itself twice
EXPECTED = expand(
    {
        2: [
            ("qm", INF, {"awo": 2, "sozialamt": 3, "kita": 1, "bi": 2, "schule": 1, "mgh": 1}),
            ("qm", PRJ, {"awo": 2, "bi": 2, "sozialamt": 1}),
        ],
        5: [
            ("kita", INF, {"awo": 3, "schule": 2, "qm": 1}),
            ("kita", PRJ, {"awo": 3, "schule": 1}),
        ],
        6: [("sozialamt", INF, {"qm": 3, "jugendamt": 2, "awo": 1}), ("sozialamt", PRJ, {"qm": 2})],
        7: [
            ("awo", INF, {"qm": 2, "kita": 3, "caritas": 1, "sozialamt": 1, "mgh": 2}),
            ("awo", PRJ, {"kita": 3, "qm": 2, "mgh": 1}),
        ],
        8: [
            ("bi", INF, {"qm": 3, "kirche": 2, "wohnbau": 1, "tsv": 1}),
            ("bi", PRJ, {"qm": 2, "kirche": 1}),
        ],
        9: [
            ("schule", INF, {"kita": 2, "bib": 2, "jugendtreff": 1}),
            ("schule", PRJ, {"kita": 2, "bib": 1}),
        ],
        10: [("mgh", INF, {"qm": 1, "diakonie": 3, "awo": 1}), ("mgh", PRJ, {"diakonie": 3})],
    }
)


@pytest.fixture
def net(surveys):
    with pytest.warns(DataCleaningWarning):
        return read_survey(
            surveys / EXPORT,
            roster=surveys / "limesurvey/roster.csv",
            codebook=surveys / "limesurvey/codebook.csv",
            questions=QUESTIONS,
        )


def test_detected_as_limesurvey(surveys):
    assert detect_tool(surveys / EXPORT) == "limesurvey"


def test_example_ties(net):
    assert ties_of(net) == EXPECTED
    assert len(net.ties) == 41


def test_example_figures(net):
    s = net.meta["survey"]
    assert s["tool"] == "limesurvey"
    assert s["respondent_column"] == "token"  # matched through the roster's token column
    assert (s["roster_size"], s["respondents"], s["response_rate"]) == (16, 7, 0.4375)
    assert s["unfinished_excluded"] == 1
    assert s["duplicates_superseded"] == 1
    assert s["self_reports_dropped"] == 2
    assert s["missing_answers"] == 5
    assert s["dropped_identifying_columns"] == ["token", "ipaddr", "refurl", "KOMMENTAR"]
    responded = net.actors.index[net.actors["responded"]].tolist()
    assert sorted(responded) == ["awo", "bi", "kita", "mgh", "qm", "schule", "sozialamt"]
    assert net.actors["responded"].dtype == bool
    assert len(net.actors) == 16  # non-respondents stay


def test_null_and_empty_string_are_both_missing(net):
    # row 6: caritas "A9" (weiß nicht), diakonie "" and drk "" (quoted empty), wohnbau "A9";
    # row 10: PROJ about jugendtreff is an unquoted empty field (NULL)
    miss = net.meta["missing"]
    got = sorted(zip(miss["row"], miss["source"], miss["target"], miss["relation"], strict=True))
    assert got == [
        (6, "sozialamt", "caritas", INF),
        (6, "sozialamt", "diakonie", INF),
        (6, "sozialamt", "drk", INF),
        (6, "sozialamt", "wohnbau", PRJ),
        (10, "mgh", "jugendtreff", PRJ),
    ]


def test_record_names_rows_and_columns(net):
    rec = net.record.to_frame()
    unfinished = rec[rec["reason"].str.startswith("unfinished")]
    assert unfinished[["rows", "column"]].values.tolist() == [["4", "submitdate"]]
    superseded = rec[rec["reason"].str.contains("superseded")]
    assert superseded["rows"].tolist() == ["3"]
    self_rep = rec[rec["reason"].str.contains("named itself")]
    assert sorted(self_rep["column"]) == ["INFO[SQ008]", "PROJ[SQ008]"]
    assert set(self_rep["rows"]) == {"5"}


def test_second_array_found_by_its_items(surveys, quiet):
    # the roster's codes name INFO[...] only; PROJ[...] has the same items and is read too
    net = read_survey(
        surveys / EXPORT,
        roster=surveys / "limesurvey/roster.csv",
        codebook=surveys / "limesurvey/codebook.csv",
    )
    assert net.relations == ["INFO", "PROJ"]
    renamed = [(r, s, t, {"INFO": INF, "PROJ": PRJ}[rel], x) for r, s, t, rel, x in ties_of(net)]
    assert sorted(renamed) == EXPECTED


def test_include_unfinished(surveys, quiet):
    net = read_survey(
        surveys / EXPORT,
        roster=surveys / "limesurvey/roster.csv",
        codebook=surveys / "limesurvey/codebook.csv",
        questions=QUESTIONS,
        include_unfinished=True,
    )
    extra = expand({4: [("caritas", INF, {"qm": 1, "awo": 1, "jugendtreff": 3})]})
    assert ties_of(net) == sorted(EXPECTED + extra)
    s = net.meta["survey"]
    assert (s["unfinished_excluded"], s["unfinished_included"], s["respondents"]) == (0, 1, 8)
    # caritas never reached the PROJ page: 15 NULLs (its own row excluded) are missing
    assert s["missing_answers"] == 5 + 15


def _lime(tmp_path, header, rows, name="lime.csv"):
    def q(v):
        return "" if v is None else '"' + str(v).replace('"', '""') + '"'

    lines = [";".join(q(h) for h in header)] + [";".join(q(v) for v in r) for r in rows]
    path = tmp_path / name
    path.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n\r\n").encode("utf-8"))
    return path


ROSTER = pd.DataFrame(
    {
        "id": ["qm", "awo", "kita"],
        "label": ["Quartiersmanagement Nordstadt", "AWO Ortsverein Nordstadt", "Kita Sonnenschein"],
    }
)


def test_full_german_headings_and_answer_texts(tmp_path, quiet):
    q = "Wie eng arbeiten Sie mit den folgenden Einrichtungen zusammen?"
    header = [
        "Antwort ID",
        "Datum Abgeschickt",
        "Letzte Seite",
        "Start-Sprache",
        "Zufallsstartwert",
        "Datum gestartet",
        "Datum letzte Aktivität",
        "IP-Adresse",
        "Für welche Einrichtung antworten Sie?",
        f"{q} [Quartiersmanagement Nordstadt]",
        f"{q} [AWO Ortsverein Nordstadt]",
        f"{q} [Kita Sonnenschein]",
    ]
    rows = [
        [
            1,
            "2026-04-21 09:14:02",
            2,
            "de",
            1,
            "2026-04-21 09:00:00",
            "2026-04-21 09:14:02",
            "192.168.1.1",
            "Quartiersmanagement Nordstadt",
            "",
            "Gemeinsame Projekte",
            "Informationsaustausch",
        ],
        [
            2,
            None,
            1,
            "de",
            2,
            "2026-04-22 09:00:00",
            "2026-04-22 09:03:00",
            "192.168.1.2",
            "Kita Sonnenschein",
            "Informationsaustausch",
            None,
            None,
        ],
        [
            3,
            "2026-04-23 10:00:00",
            2,
            "de",
            3,
            "2026-04-23 09:50:00",
            "2026-04-23 10:00:00",
            "192.168.1.3",
            "AWO Ortsverein Nordstadt",
            "gemeinsame Projekte",
            "",
            "Formale Kooperationsvereinbarung",
        ],
    ]
    path = _lime(tmp_path, header, rows)
    assert detect_tool(path) == "limesurvey"
    net = read_survey(path, roster=ROSTER)
    assert ties_of(net) == [
        (2, "qm", "awo", "cooperation", 2.0),
        (2, "qm", "kita", "cooperation", 1.0),
        (4, "awo", "kita", "cooperation", 3.0),
        (4, "awo", "qm", "cooperation", 2.0),
    ]
    assert net.meta["survey"]["unfinished_excluded"] == 1
    assert "IP-Adresse" in net.meta["survey"]["dropped_identifying_columns"]


def test_expression_script_names(tmp_path, quiet):
    header = ["id", "submitdate", "lastpage", "token", "KOOP_SQ001", "KOOP_SQ002", "KOOP_SQ003"]
    rows = [
        [1, "2026-04-21 09:14:02", 1, "tok-qm", "", "A3", "A2"],
        [2, "2026-04-21 10:00:00", 1, "tok-awo", "A4", "", "A1"],
    ]
    path = _lime(tmp_path, header, rows)
    roster = ROSTER.assign(
        code=["KOOP_SQ001", "KOOP_SQ002", "KOOP_SQ003"], token=["tok-qm", "tok-awo", "tok-kita"]
    )
    net = read_survey(
        path, roster=roster, respondent="token", codebook={"A1": 0, "A2": 1, "A3": 2, "A4": 3}
    )
    assert ties_of(net) == [
        (2, "qm", "awo", "cooperation", 2.0),
        (2, "qm", "kita", "cooperation", 1.0),
        (3, "awo", "qm", "cooperation", 3.0),
    ]


def test_latest_complete_submission_counts_even_when_an_unfinished_one_is_later(tmp_path, quiet):
    header = [
        "id",
        "submitdate",
        "lastpage",
        "token",
        "KOOP[SQ001]",
        "KOOP[SQ002]",
        "KOOP[SQ003]",
        "datestamp",
    ]
    rows = [
        [1, "2026-04-21 09:14:02", 1, "tok-awo", "A2", "", "A2", "2026-04-21 09:14:02"],
        [2, "2026-04-25 09:14:02", 1, "tok-awo", "A4", "", "A4", "2026-04-25 09:14:02"],
        [3, None, 1, "tok-awo", "A1", None, None, "2026-04-28 11:00:00"],
    ]
    path = _lime(tmp_path, header, rows)
    roster = ROSTER.assign(
        code=["KOOP[SQ001]", "KOOP[SQ002]", "KOOP[SQ003]"], token=["tok-qm", "tok-awo", "tok-kita"]
    )
    net = read_survey(
        path, roster=roster, codebook={"A1": 0, "A2": 1, "A3": 2, "A4": 3}, include_unfinished=True
    )
    assert ties_of(net) == [
        (3, "awo", "kita", "cooperation", 3.0),
        (3, "awo", "qm", "cooperation", 3.0),
    ]
    rec = net.record.to_frame()
    assert rec[rec["reason"].str.contains("superseded")]["rows"].tolist() == ["2 4"]
