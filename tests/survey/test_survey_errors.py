"""Bad exports: a SurveyError (a QuartiernetzError) naming file, row, column and value."""

from __future__ import annotations

import pandas as pd
import pytest

from quartiernetz.exceptions import MissingColumnError, QuartiernetzError, SurveyError
from quartiernetz.io.survey import read_survey


def _error(path, **kw) -> SurveyError:
    with pytest.raises(QuartiernetzError) as err:
        read_survey(path, **kw)
    return err.value


def test_unknown_respondent(files, quiet):
    e = _error(files / "unknown_respondent.csv", roster=files / "roster_small.csv")
    assert isinstance(e, SurveyError) and isinstance(e, ValueError)
    assert (e.file, e.row, e.column) == ("unknown_respondent.csv", 3, "Organisation")
    assert '"Tafel Nordstadt"' in str(e)
    assert "roster_small.csv" in str(e)


def test_empty_respondent(files, quiet):
    e = _error(files / "empty_respondent.csv", roster=files / "roster_small.csv")
    assert (e.file, e.row, e.column) == ("empty_respondent.csv", 3, "Organisation")
    assert "respondent is empty" in str(e)


def test_answer_outside_the_codebook(files, quiet):
    e = _error(
        files / "bad_value.csv",
        roster=files / "roster_small.csv",
        codebook=files / "codebook_small.csv",
    )
    assert isinstance(e, SurveyError)
    assert (e.file, e.row, e.column) == ("bad_value.csv", 3, "kita")
    assert '"viel"' in str(e) and "codebook_small.csv" in str(e)


def test_answer_code_outside_the_codebook_limesurvey(files, surveys, quiet):
    e = _error(
        files / "limesurvey_bad_code.csv",
        roster=surveys / "limesurvey/roster.csv",
        codebook=surveys / "limesurvey/codebook.csv",
    )
    assert (e.file, e.row, e.column) == ("limesurvey_bad_code.csv", 8, "INFO[SQ004]")
    assert '"A7"' in str(e) and "A1, A2, A3, A4, A9" in str(e)


def test_answer_text_the_builtin_codebook_does_not_know(files, quiet):
    e = _error(files / "googleforms_unknown_text.csv", roster=files / "roster_small.csv")
    assert (e.file, e.row) == ("googleforms_unknown_text.csv", 3)
    assert e.column == "Wie eng arbeiten Sie zusammen? [Quartiersmanagement Nordstadt]"
    assert '"sehr gut"' in str(e) and "built-in codebook" in str(e)


def test_roster_code_without_a_column(files, surveys, quiet):
    e = _error(
        surveys / "limesurvey/results-survey493827.csv",
        roster=files / "roster_bad_code.csv",
        codebook=surveys / "limesurvey/codebook.csv",
    )
    assert (e.file, e.row, e.column) == ("roster_bad_code.csv", 6, "code")
    assert '"INFO[SQ017]"' in str(e) and "results-survey493827.csv" in str(e)


def test_column_matching_no_roster_actor_wide(files, quiet):
    e = _error(files / "unknown_column.csv", roster=files / "roster_small.csv")
    assert (e.file, e.row, e.column) == ("unknown_column.csv", 1, "tafel")
    assert '"tafel"' in str(e)


def test_column_matching_no_roster_actor_in_an_array(files, surveys, quiet):
    e = _error(
        files / "limesurvey_extra_item.csv",
        roster=surveys / "limesurvey/roster.csv",
        codebook=surveys / "limesurvey/codebook.csv",
    )
    assert (e.file, e.row, e.column) == ("limesurvey_extra_item.csv", 1, "INFO[SQ099]")
    assert '"SQ099"' in str(e)


def test_grid_row_matching_no_roster_actor(files, quiet):
    e = _error(files / "googleforms_unknown_row.csv", roster=files / "roster_small.csv")
    assert (e.row, e.column) == (1, "Wie eng arbeiten Sie zusammen? [Stadtteilbüro Süd]")
    assert '"Stadtteilbüro Süd"' in str(e)


def test_ignore_leaves_a_column_out(files, quiet):
    net = read_survey(
        files / "unknown_column.csv", roster=files / "roster_small.csv", ignore="tafel"
    )
    assert len(net.ties) == 3


def test_no_roster_question(surveys, files, quiet):
    e = _error(
        surveys / "sosci/data_nordstadt_2026-05-12_10-31.csv", roster=files / "roster_small.csv"
    )
    assert "no roster question found" in str(e)
    assert e.file == "data_nordstadt_2026-05-12_10-31.csv"


def test_missing_respondent_column(files, quiet):
    e = _error(files / "bad_value.csv", roster=files / "roster_small.csv", respondent="Einrichtung")
    assert isinstance(e, MissingColumnError)
    assert "'Einrichtung'" in str(e) and "'Organisation'" in str(e)


def test_unknown_question_and_option(files, quiet):
    e = _error(
        files / "unknown_respondent.csv",
        roster=files / "roster_small.csv",
        questions={"KOOP": "cooperation"},
    )
    assert '"KOOP"' in str(e)
    with pytest.raises(TypeError):
        read_survey(
            files / "unknown_respondent.csv",
            roster=files / "roster_small.csv",
            include_unfinshed=True,
        )


def test_roster_needed_for_tool_exports(surveys, quiet):
    e = _error(surveys / "limesurvey/results-survey493827.csv")
    assert "roster" in str(e)


def test_duplicate_roster_code(files, quiet):
    roster = pd.DataFrame({"id": ["qm", "awo"], "label": ["QM", "AWO"], "code": ["qm", "QM"]})
    e = _error(files / "unknown_respondent.csv", roster=roster)
    assert e.column == "code" and e.row == 3


def test_missing_file(tmp_path):
    with pytest.raises(QuartiernetzError):
        read_survey(tmp_path / "nope.csv")
