"""SoSci Survey: the example export tie by tie, scale codes 1..n and negative missing codes."""

from __future__ import annotations

import pandas as pd
import pytest

from quartiernetz.exceptions import SurveyError
from quartiernetz.io.survey import detect_tool, read_survey

from .survey_helpers import expand, ties_of

EXPORT = "sosci/data_nordstadt_2026-05-12_10-31.csv"
C = "cooperation"

# rows 2, 5-9 count; row 3 (bi's first case) is superseded by row 8; row 4 (wohnbau,
# FINISHED 0) is unfinished; drk (row 5) rated itself; bi: wohnbau -1 (weiß nicht),
# tsv: qm -9 (not answered). Codes 1..4 are intensities 0..3.
EXPECTED = expand(
    {
        2: [("qm", C, {"awo": 2, "bi": 3, "sozialamt": 1, "kita": 1, "kirche": 1})],
        5: [("drk", C, {"caritas": 2, "diakonie": 1, "mgh": 1})],
        6: [("diakonie", C, {"mgh": 3, "drk": 1, "caritas": 1, "qm": 1})],
        7: [("kirche", C, {"bi": 2, "qm": 1, "mgh": 1, "tsv": 1})],
        8: [("bi", C, {"qm": 3, "kirche": 2, "tsv": 1})],
        9: [("tsv", C, {"schule": 2, "bi": 1, "jugendtreff": 1, "kita": 1})],
    }
)


@pytest.mark.parametrize("with_codebook", [True, False])
def test_example_ties(surveys, quiet, with_codebook):
    cb = surveys / "sosci/codebook.csv" if with_codebook else None
    net = read_survey(
        surveys / EXPORT, roster=surveys / "sosci/roster.csv", respondent="SERIAL", codebook=cb
    )
    assert ties_of(net) == EXPECTED
    s = net.meta["survey"]
    assert (s["respondents"], s["unfinished_excluded"], s["duplicates_superseded"]) == (6, 1, 1)
    assert (s["missing_answers"], s["self_reports_dropped"]) == (2, 1)
    miss = net.meta["missing"]
    assert sorted(zip(miss["row"], miss["source"], miss["target"], strict=True)) == [
        (8, "bi", "wohnbau"),
        (9, "tsv", "qm"),
    ]
    assert s["dropped_identifying_columns"] == ["SERIAL", "REF", "KT01_01"]


def test_detected_and_tab_separated(surveys):
    assert detect_tool(surveys / EXPORT) == "sosci"


def test_without_codebook_the_shift_is_recorded(surveys, quiet):
    net = read_survey(surveys / EXPORT, roster=surveys / "sosci/roster.csv", respondent="SERIAL")
    reasons = " ".join(str(e.reason) for e in net.record)
    assert "intensity = code - 1" in reasons
    assert "negative codes (-9, -1) read as missing answers" in reasons


def _sosci(tmp_path, rows):
    header = [
        "CASE",
        "SERIAL",
        "REF",
        "QUESTNNR",
        "MODE",
        "STARTED",
        "KO01_01",
        "KO01_02",
        "KO01_03",
        "LASTDATA",
        "FINISHED",
    ]
    text = "\n".join("\t".join(f'"{v}"' for v in r) for r in [header, *rows]) + "\n"
    path = tmp_path / "data_test.csv"
    path.write_text(text, encoding="utf-8")
    return path


ROSTER = pd.DataFrame(
    {
        "id": ["qm", "awo", "kita"],
        "label": ["QM", "AWO", "Kita"],
        "code": ["KO01_01", "KO01_02", "KO01_03"],
        "SERIAL": ["S1", "S2", "S3"],
    }
)


def test_checkbox_codes_and_residual_codes(tmp_path, quiet):
    # checkboxes: 1 = not ticked, 2 = ticked; -1 residual, -8 faulty, -9 not answered
    path = _sosci(
        tmp_path,
        [
            [
                1,
                "S1",
                "",
                "base",
                "interview",
                "2026-05-04 09:00:00",
                "-9",
                "2",
                "1",
                "2026-05-04 09:10:00",
                "1",
            ],
            [
                2,
                "S2",
                "",
                "base",
                "interview",
                "2026-05-04 10:00:00",
                "-8",
                "-9",
                "-1",
                "2026-05-04 10:10:00",
                "1",
            ],
            [3, "S3", "", "base", "interview", "2026-05-04 11:00:00", "2", "1", "", "", "0"],
        ],
    )
    net = read_survey(path, roster=ROSTER, respondent="SERIAL")
    assert ties_of(net) == [(2, "qm", "awo", "cooperation", 1.0)]
    assert net.meta["survey"]["missing_answers"] == 2  # awo: -8 about qm, -1 about kita
    assert net.meta["survey"]["unfinished_excluded"] == 1


def test_zero_is_not_a_sosci_scale_code(tmp_path, quiet):
    path = _sosci(
        tmp_path,
        [
            [
                1,
                "S1",
                "",
                "base",
                "interview",
                "2026-05-04 09:00:00",
                "",
                "0",
                "2",
                "2026-05-04 09:10:00",
                "1",
            ]
        ],
    )
    with pytest.raises(SurveyError) as err:
        read_survey(path, roster=ROSTER, respondent="SERIAL")
    e = err.value
    assert (e.file, e.row, e.column) == ("data_test.csv", 2, "KO01_02")
    assert '"0"' in str(e) and "scale code from 1" in str(e)
