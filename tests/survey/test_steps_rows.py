"""Step 5 of the survey reader: which rows count, and who answered each."""

from __future__ import annotations

import pytest

from quartiernetz.exceptions import InputProblems, SurveyError
from quartiernetz.io.assemble import Problems
from quartiernetz.io.survey._steps.rows import select_rows

from .steps_helpers import context, write

LIME = (
    "id;submitdate;datestamp;Org;awo;qm\n"
    "1;2026-01-01 09:00;2026-01-01 09:00;qm;1;\n"  # row 2: superseded by row 4
    "2;;2026-01-01 10:00;awo;;2\n"  # row 3: unfinished
    "3;2026-01-02 09:00;2026-01-02 09:00;qm;2;\n"  # row 4
)


def test_unfinished_and_superseded_rows_are_left_out_and_recorded(tmp_path):
    ctx = context(write(tmp_path, LIME))
    problems = Problems()
    sel = select_rows(ctx, "Org", problems)
    assert not problems
    assert sel.keep.tolist() == [2] and sel.rows.tolist() == [4]
    assert sel.respondents.tolist() == ["qm"]
    f = ctx.figures
    assert (f["unfinished_excluded"], f["duplicates_superseded"], f["respondents"]) == (1, 1, 1)
    dropped = [e for e in ctx.record if e.action == "dropped"]
    assert [e.rows for e in dropped] == [(3,), (2,)]
    assert "superseded by the latest complete one (row 4)" in str(dropped[1])


def test_include_unfinished_reads_them(tmp_path):
    ctx = context(write(tmp_path, LIME), include_unfinished=True)
    sel = select_rows(ctx, "Org", Problems())
    assert sel.rows.tolist() == [3, 4]
    assert ctx.figures["unfinished_included"] == 1


def test_every_unknown_or_empty_respondent_is_collected(tmp_path):
    path = write(tmp_path, "Org;awo;qm\nTafel;1;\nqm;;1\n;2;\nSchule;;\n")
    ctx = context(path)
    problems = Problems()
    sel = select_rows(ctx, "Org", problems)
    assert sel.rows.tolist() == [3]  # the one row that can be read
    assert [(p.row, p.column) for p in problems.items] == [(2, "Org"), (4, "Org"), (5, "Org")]
    assert all(isinstance(p, SurveyError) for p in problems.items)
    assert "respondent is empty" in str(problems.items[1])
    with pytest.raises(InputProblems) as err:
        problems.raise_if_any()
    assert "3 problems" in str(err.value) and "3 Probleme" in err.value.render("de")


def test_respondents_of_an_implicit_roster_are_added(tmp_path):
    ctx = context(write(tmp_path, "Org;awo;qm\nTafel;1;\n"), roster=None)
    sel = select_rows(ctx, "Org", Problems())
    assert sel.respondents.tolist() == ["Tafel"] and "Tafel" in ctx.roster.ids
