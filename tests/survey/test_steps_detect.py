"""Step 1 of the survey reader: detect the tool, open the export, record how it was read."""

from __future__ import annotations

import pytest

from quartiernetz.exceptions import FormatError
from quartiernetz.io.survey._steps.detect import detect_tool, note_reading, open_survey

from .steps_helpers import write
from .test_survey_messages import EXAMPLES


@pytest.mark.parametrize("example", sorted(EXAMPLES))
def test_every_bundled_example_is_detected_as_its_tool(surveys, example):
    tool = "sosci" if example == "namegenerator" else example
    assert detect_tool(surveys / EXAMPLES[example][0]) == tool


def test_a_missing_file_and_an_unknown_tool_are_format_errors(tmp_path):
    with pytest.raises(FormatError, match="does not exist"):
        detect_tool(tmp_path / "nope.csv")
    path = write(tmp_path, "Organisation;qm\nAWO;1\n")
    with pytest.raises(FormatError, match="unknown survey tool 'spss'") as err:
        open_survey(path, None, "spss", {})
    assert "limesurvey" in str(err.value)


def test_open_survey_resolves_ignore_and_the_builtin_codebook(tmp_path):
    path = write(tmp_path, "Organisation;qm;awo;Bemerkung\nAWO;1;;x\n")
    ctx = open_survey(path, None, "auto", {"ignore": "bemerkung"})
    assert (ctx.tool, ctx.file, ctx.ignored) == ("wide", "export.csv", {"Bemerkung"})
    assert ctx.codebook.builtin
    assert ctx.roster is None and not list(ctx.record)


def test_note_reading_records_rows_of_separators_only(tmp_path):
    path = write(tmp_path, "Organisation;qm;awo\nAWO;1;\n;;\nQM;;2\n")
    ctx = open_survey(path, None, "auto", {})
    note_reading(ctx)
    first, dropped = list(ctx.record)[0], list(ctx.record)[-1]
    assert "read as a wide spreadsheet export" in str(first) and "2 response rows" in str(first)
    assert dropped.action == "dropped" and dropped.rows == (3,)
    assert "separators only" in str(dropped) and "Trennzeichen" in dropped.render("de")
