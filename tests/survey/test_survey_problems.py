"""Issue 13 in the survey reader: all row problems at once, skipped rows, bilingual warnings."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from quartiernetz.exceptions import (
    DataCleaningWarning,
    DuplicateActorError,
    InputProblems,
    SurveyError,
)
from quartiernetz.io.assemble import MAX_PROBLEMS
from quartiernetz.io.survey import OPTIONS, read_roster, read_survey

from .steps_helpers import ROSTER, write


def test_every_unknown_respondent_and_bad_answer_is_reported_together(tmp_path, quiet):
    path = write(tmp_path, "Org;qm;awo\nTafel;1;\nqm;;viel\n;2;\nawo;oft;\n")
    with pytest.raises(InputProblems) as err:
        read_survey(path, roster=ROSTER)
    found = [(p.row, p.column) for p in err.value.problems]
    assert found == [(2, "Org"), (3, "awo"), (4, "Org"), (5, "qm")]
    assert all(isinstance(p, SurveyError) for p in err.value.problems)
    assert "4 Probleme" in err.value.render("de")


def test_a_single_problem_keeps_its_own_type(files, quiet):
    with pytest.raises(SurveyError) as err:
        read_survey(files / "unknown_respondent.csv", roster=files / "roster_small.csv")
    assert not isinstance(err.value, InputProblems) and err.value.row == 3


def test_problems_beyond_the_cap_are_counted(tmp_path, quiet):
    # without a roster, each row's respondent becomes an actor: no row supersedes another
    rows = "".join(f"r{i};viel\n" for i in range(MAX_PROBLEMS + 5))
    with pytest.raises(InputProblems) as err:
        read_survey(write(tmp_path, "Org;qm\n" + rows))
    assert len(err.value.problems) == MAX_PROBLEMS and err.value.more == 5


def test_every_repeated_roster_id_and_code_is_reported(tmp_path):
    roster = pd.DataFrame(
        {"id": ["qm", "awo", "qm", "", "tsv"], "code": ["K[1]", "K[2]", "K[3]", "K[4]", "K[1]"]}
    )
    with pytest.raises(InputProblems) as err:
        read_roster(roster)
    rows = [p.row for p in err.value.problems]
    assert rows == [4, 5, 6]
    assert isinstance(err.value.problems[-1], DuplicateActorError)
    assert 'code "K[1]" is given again (first in row 2)' in str(err.value.problems[-1])


def test_rows_of_separators_only_are_recorded_for_export_and_roster(tmp_path):
    roster = write(tmp_path, "id;label\nqm;QM\n;\nawo;AWO\n", name="roster.csv")
    path = write(tmp_path, "Org;qm;awo\nqm;;1\n;;\n\n;;\nawo;2;\n")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        net = read_survey(path, roster=roster)
    dropped = {
        (e.file, e.rows) for e in net.record if e.action == "dropped" and "separators" in str(e)
    }
    assert dropped == {("export.csv", (3, 5)), ("roster.csv", (3,))}
    assert len(net.ties) == 2


def test_the_missing_answers_warning_holds_german_and_english(tmp_path):
    path = write(tmp_path, "Org;qm;awo\nqm;;\nawo;1;\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read_survey(path, roster=ROSTER)
    (w,) = [w for w in caught if "missing answers" in str(w.message)]
    assert issubclass(w.category, DataCleaningWarning)
    assert w.filename == __file__  # the warning names the caller of read_survey
    assert w.message.args[0].de.startswith("export.csv: 1 fehlende Antworten")


def test_an_unknown_option_is_a_type_error_listing_the_valid_ones(tmp_path):
    with pytest.raises(TypeError) as err:
        read_survey(write(tmp_path, "Org;qm\nqm;\n"), roster=ROSTER, respondant="Org")
    msg = str(err.value)
    assert "unknown option respondant" in msg
    for name in ("roster", "respondent", "codebook", "tool", *OPTIONS):
        assert name in msg
