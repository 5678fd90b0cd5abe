"""Step 6 of the survey reader: cells to intensities, ties, missing answers and typed names."""

from __future__ import annotations

import warnings
from types import SimpleNamespace

import numpy as np
import pandas as pd

from quartiernetz.exceptions import DataCleaningWarning
from quartiernetz.i18n import render
from quartiernetz.io.assemble import Problems
from quartiernetz.io.survey import Codebook
from quartiernetz.io.survey._steps.answers import (
    TIE_COLUMNS,
    extract_answers,
    finish_ties,
    note_values,
    warn_missing,
)
from quartiernetz.io.survey._steps.classify import classify_columns
from quartiernetz.io.survey._steps.questions import lay_out
from quartiernetz.io.survey._steps.rows import select_rows
from quartiernetz.io.survey._steps.values import ValueMapper
from quartiernetz.record import Record

from .steps_helpers import context, write


def _answers(path, **kw):
    ctx = context(path, **kw)
    layout = lay_out(ctx, classify_columns(ctx, kw.get("respondent")))
    problems = Problems()
    sel = select_rows(ctx, layout.respondent, problems)
    mapper = ValueMapper(ctx.codebook, ctx.export.separators, ctx.file, problems)
    return ctx, mapper, problems, extract_answers(ctx, layout.questions, sel, mapper)


def test_value_mapper_reads_numbers_texts_codes_and_reports_every_unknown_cell():
    problems = Problems()
    m = ValueMapper(Codebook.default(), (";",), "t.csv", problems)
    cells = np.array([["2", "-9", "viel"], ["", "viel", "oft"]], dtype=object)
    x = m.map(cells, ["a", "b", "c"], np.array([2, 3]))
    assert x[0, 0] == 2.0 and np.isnan(x[0, 1]) and np.isnan(x[1, 0])
    assert m.codes_seen == {"-9"} and m.kind_counts["number"] == 1
    assert [(p.row, p.column) for p in problems.items] == [(2, "c"), (3, "b"), (3, "c")]
    assert '"viel"' in str(problems.items[0]) and '"oft"' in str(problems.items[2])


def test_matrix_answers_give_ties_missing_answers_and_self_reports(tmp_path):
    path = write(tmp_path, "Org;qm;awo;kita\nqm;3;;0\nawo;2;1;-9\n")
    ctx, mapper, problems, ans = _answers(path)
    assert not problems
    ties = finish_ties(ctx, ans.frames)
    assert ties[["source", "target", "intensity", "row"]].values.tolist() == [["awo", "qm", 2.0, 3]]
    assert (ans.cells, ans.missing_cells, ans.zero_cells) == (4, 2, 1)
    assert ans.self_rows == {"qm": [2], "awo": [3]}
    missing = pd.concat(ans.missing)
    assert missing[["source", "target", "row"]].values.tolist() == [
        ["qm", "awo", 2],
        ["awo", "kita", 3],
    ]
    note_values(ctx, mapper, ans)
    said = [str(e) for e in ctx.record]
    assert any("negative codes (-9) read as missing answers" in s for s in said)
    assert sum("self-report" in s for s in said) == 2
    assert ctx.figures["self_reports_dropped"] == 2


def test_checklist_answers_and_typed_names_that_match_no_actor(tmp_path):
    path = write(
        tmp_path,
        "Timestamp,Einrichtung,Partner\n"
        "2026-01-01,qm,AWO Nordstadt; Tafel; m.mueller@example.org\n"
        "2026-01-02,awo,\n"
        "2026-01-03,kita,Quartiersmanagement; TSV Nordstadt\n",
    )
    ctx, _, _, ans = _answers(path, tool="googleforms", respondent="Einrichtung")
    ties = finish_ties(ctx, ans.frames)
    assert ties[["source", "target", "row"]].values.tolist() == [
        ["qm", "awo", 2],
        ["kita", "qm", 4],
        ["kita", "tsv", 4],
    ]
    assert [m["name"] for m in ans.mentions] == ["Tafel"]
    assert ans.withheld == [("Partner", "email", 2)]
    assert ans.missing_cells == 1 and len(ans.missing[0]) == 3  # awo ticked nothing


def test_finish_ties_merges_a_partner_named_twice():
    frame = pd.DataFrame(
        [["qm", "awo", "r", 1.0, "qm", 2, 1], ["qm", "awo", "r", 3.0, "qm", 2, 2]],
        columns=TIE_COLUMNS,
    )
    ctx = SimpleNamespace(record=Record(), file="t.csv")
    ties = finish_ties(ctx, [frame])
    assert ties["intensity"].tolist() == [3.0] and "_pos" not in ties
    (entry,) = list(ctx.record)
    assert entry.action == "merged" and entry.count == 1


def test_the_missing_answers_warning_is_bilingual():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warn_missing(SimpleNamespace(file="t.csv"), 0)
        warn_missing(SimpleNamespace(file="t.csv"), 4)
    (w,) = caught
    assert issubclass(w.category, DataCleaningWarning)
    text = w.message.args[0]
    assert str(w.message) == (
        "t.csv: 4 missing answers (no tie, not a zero); see net.record and net.meta['missing']"
    )
    assert render(text, "de", interface="cli") == (
        "t.csv: 4 fehlende Antworten (keine Beziehung, keine Null); siehe das Protokoll"
    )
