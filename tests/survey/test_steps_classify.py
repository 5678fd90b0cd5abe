"""Step 2-3 of the survey reader: roster, then the questions found in the headers."""

from __future__ import annotations

import pandas as pd
import pytest

from quartiernetz.exceptions import InputProblems, MissingColumnError, SurveyError
from quartiernetz.io.survey._steps.classify import (
    classify_columns,
    match_headers,
    respondent_column,
)
from quartiernetz.io.survey._steps.common import dash_splits, split_cell, stem_of
from quartiernetz.io.survey._steps.detect import open_survey
from quartiernetz.io.survey._steps.rosters import check_codes, load_roster

from .steps_helpers import ROSTER, context, write


def test_header_helpers():
    assert stem_of("KOOP[SQ001]") == ("KOOP", "SQ001", "SQ001")
    assert stem_of("Wie eng? [AWO Nordstadt]") == ("Wie eng?", None, "AWO Nordstadt")
    assert stem_of("Bemerkung") == (None, None, None)
    assert dash_splits("Q - AWO - Nord") == [("Q - AWO", "Nord"), ("Q", "AWO - Nord")]
    known = {"Stadt, Amt", "AWO"}.__contains__
    assert split_cell("AWO, Stadt, Amt, DRK", [", "], known) == ["AWO", "Stadt, Amt", "DRK"]
    assert split_cell("  ", [", "], known) == []


def test_a_wide_sheet_without_roster_takes_its_headers_as_actors(tmp_path):
    path = write(tmp_path, "Organisation;qm;awo;E-Mail\nqm;;1;a@b.de\n")
    ctx = context(path, roster=None)
    assert ctx.roster.ids == ["qm", "awo"] and ctx.roster.implicit
    assert list(ctx.record)[0].action == "added"


def test_no_roster_for_a_tool_export_is_an_error(surveys):
    ctx = open_survey(surveys / "sosci/data_nordstadt_2026-05-12_10-31.csv", None, "auto", {})
    with pytest.raises(SurveyError, match="a roster is needed"):
        load_roster(ctx, None, None)


def test_every_roster_code_without_a_column_is_reported(tmp_path):
    path = write(tmp_path, "Organisation;K[1];K[2]\nqm;1;2\n")
    roster = ROSTER.assign(code=["K[1]", "K[2]", "K[3]", "K[4]"])
    ctx = context(path, roster=roster)
    with pytest.raises(InputProblems) as err:
        check_codes(ctx, ctx.roster)
    assert [(p.row, p.column) for p in err.value.problems] == [(4, "code"), (5, "code")]


def test_classify_finds_two_coded_questions_of_the_limesurvey_example(surveys):
    ctx = context(
        surveys / "limesurvey/results-survey493827.csv",
        roster=surveys / "limesurvey/roster.csv",
        codebook=surveys / "limesurvey/codebook.csv",
    )
    cols = classify_columns(ctx, None)
    assert [q.key for q in cols.matrix] == ["INFO", "PROJ"]
    assert all(len(q.columns) == 16 and len(set(q.targets)) == 16 for q in cols.matrix)
    assert cols.respondent is None and cols.names == [] and not cols.names_used
    assert len(cols.matrix_columns) == 32


def test_respondent_column_is_found_ignoring_case_or_named_as_missing(tmp_path):
    path = write(tmp_path, "Organisation;qm;awo\nqm;;1\n")
    ctx = context(path)
    assert respondent_column(ctx, " organisation ") == "Organisation"
    assert respondent_column(ctx, None) == "Organisation"  # a wide sheet's first column
    with pytest.raises(MissingColumnError) as err:
        respondent_column(ctx, "Einrichtung")
    assert "'Organisation'" in str(err.value)


def test_match_headers_reads_bracket_labels_and_keeps_unmatched_values(tmp_path):
    path = write(
        tmp_path,
        "Timestamp,Wer?,Wie eng? [AWO Nordstadt],Wie eng? [Tafel]\n2026-01-01,qm,1,2\n",
    )
    ctx = context(path, tool="googleforms")
    found = match_headers(ctx, ["Wie eng? [AWO Nordstadt]", "Wie eng? [Tafel]"], set())
    assert found.matched == {"Wie eng? [AWO Nordstadt]": ("awo", "wie eng?", "Wie eng?")}
    assert found.unmatched == {"wie eng?": [("Wie eng? [Tafel]", "Tafel", 1)]}
    with pytest.raises(SurveyError, match='"Tafel" is not a code') as err:
        classify_columns(ctx, "Wer?")
    assert err.value.column == "Wie eng? [Tafel]"


def test_two_columns_about_one_actor_are_refused(tmp_path):
    path = write(tmp_path, "Organisation;awo;AWO Nordstadt\nqm;1;2\n")
    with pytest.raises(SurveyError, match='about the actor "awo"'):
        classify_columns(context(path), None)


def test_name_generator_columns_pair_with_their_intensities(tmp_path):
    path = write(tmp_path, "SERIAL\tNG01_01\tNG01_02\tNG02_01\tNG02_02\nqm\tAWO\t\t2\t\n")
    roster = pd.concat([ROSTER, pd.DataFrame({"id": ["x"], "label": ["x"]})])
    ctx = context(path, roster=roster, names={"NG01": "NG02"})
    cols = classify_columns(ctx, "SERIAL")
    (q,) = cols.names
    assert q.columns == ["NG01_01", "NG01_02"] and q.intensity == ["NG02_01", "NG02_02"]
    assert cols.names_used == {"NG01_01", "NG01_02", "NG02_01", "NG02_02"}
