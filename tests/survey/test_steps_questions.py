"""Step 4 of the survey reader: respondent column, checklists, identifying columns, relations."""

from __future__ import annotations

import pytest

from quartiernetz.exceptions import SurveyError
from quartiernetz.io.survey._steps.classify import classify_columns
from quartiernetz.io.survey._steps.questions import lay_out, name_relations

from .steps_helpers import ROSTER, context, write


def _layout(path, respondent=None, **kw):
    ctx = context(path, respondent=respondent, **kw)
    return ctx, lay_out(ctx, classify_columns(ctx, respondent))


def test_the_respondent_column_is_detected_and_recorded(tmp_path):
    path = write(
        tmp_path,
        "Timestamp,E-Mail,Ihre Einrichtung,Partner\n"
        "2026-01-01,a@b.de,AWO Nordstadt,Quartiersmanagement; TSV Nordstadt\n"
        "2026-01-02,c@d.de,qm,AWO Nordstadt; Kita Sonnenschein\n",
    )
    ctx, layout = _layout(path, tool="googleforms")
    assert layout.respondent == "Ihre Einrichtung"
    (q,) = layout.questions
    assert (q.kind, q.key, q.how, q.relation) == ("list", "Partner", "detected", "cooperation")
    assert list(layout.identifying) == ["E-Mail"]
    assert layout.read_columns == {"Partner"}
    said = [str(e) for e in ctx.record]
    assert any("respondent column detected: 'Ihre Einrichtung'" in s for s in said)
    assert any("read as a roster checklist" in s for s in said)


def test_no_respondent_column_and_no_question_are_errors(tmp_path):
    path = write(tmp_path, "Timestamp,Wer,Partner\n2026-01-01,jemand,AWO Nordstadt; qm\n")
    with pytest.raises(SurveyError, match="no column names the respondents"):
        _layout(path, tool="googleforms")
    path = write(tmp_path, "Timestamp,Wer,Alter\n2026-01-01,qm,3\n", name="b.csv")
    with pytest.raises(SurveyError, match="no roster question found"):
        _layout(path, tool="googleforms")


def test_relations_come_from_questions_or_the_question_code(tmp_path):
    path = write(tmp_path, "id;submitdate;Org;A[1];A[2];B[1];B[2]\n1;2026-01-01;qm;1;;2;\n")
    roster = ROSTER.assign(code=["A[1]", "A[2]", "", ""])
    opts = {"roster": roster, "respondent": "Org"}
    ctx, layout = _layout(path, **opts, questions={"A": "info", "B": "projects"})
    assert [(q.key, q.relation) for q in layout.questions] == [("A", "info"), ("B", "projects")]
    assert ctx.figures["questions"] == {"A": "info", "B": "projects"}
    ctx, layout = _layout(path, **opts)
    assert [q.relation for q in layout.questions] == ["A", "B"]
    with pytest.raises(SurveyError, match='two questions are read as the relation "x"'):
        name_relations(
            ctx.__class__(**{**ctx.__dict__, "questions_opt": {"A": "x", "B": "x"}}),
            layout.questions,
        )
    with pytest.raises(SurveyError, match='names "C", which is not a roster question'):
        _layout(path, roster=roster, questions={"C": "x"})
