"""Step 7 of the survey reader: typed partner names matched to the roster or added."""

from __future__ import annotations

import numpy as np
import pandas as pd

from quartiernetz.io.survey._steps.answers import Answers
from quartiernetz.io.survey._steps.rows import Selection
from quartiernetz.io.survey._steps.typed_names import match_names, withheld_review
from quartiernetz.io.survey.matching import REVIEW_COLUMNS

from .steps_helpers import ROSTER, context, write


def _mention(name, r, intensity=1.0, paired=False):
    return {
        "name": name,
        "r": r,
        "relation": "cooperation",
        "intensity": intensity,
        "column": "NG01_01",
        "paired": paired,
        "pos": 1,
    }


def test_typed_names_become_ties_new_actors_and_a_review_table(tmp_path):
    ctx = context(write(tmp_path, "Org;qm\nqm;1\n"), roster=ROSTER)
    sel = Selection(np.array([0, 1]), np.array(["qm", "awo"], dtype=object), np.array([2, 3]))
    ans = Answers(
        mentions=[
            _mention("AWO Nordstadt e.V.", 0, 2.0),  # exact after normalisation
            _mention("Tafel Nordstadt", 0, np.nan, paired=True),  # new, intensity 1
            _mention("Quartiersmanagement", 0),  # self-report
            _mention("Kita Sonnenschein", 1, 0.0),  # intensity 0: no tie
        ]
    )
    out = match_names(ctx, ans, sel, has_name_questions=True)
    ties = out.ties
    assert ties[["source", "target", "intensity", "row"]].values.tolist() == [
        ["qm", "awo", 2.0, 2],
        ["qm", out.new_actors.index[0], 1.0, 2],
    ]
    assert out.new_actors["label"].tolist() == ["Tafel Nordstadt"]
    assert list(out.review.columns) == list(REVIEW_COLUMNS)
    assert ans.self_rows == {"NG01_01": [2]}
    names = ctx.figures["names"]
    assert (names["mentions"], names["matched_exactly"], names["new_actors"]) == (4, 3, 1)
    actions = [e.action for e in ctx.record]
    assert "cleaned" in actions and actions.count("added") >= 1


def test_without_mentions_a_name_question_still_gets_an_empty_review_table(tmp_path):
    ctx = context(write(tmp_path, "Org;qm\nqm;1\n"), roster=ROSTER)
    sel = Selection(np.array([0]), np.array(["qm"], dtype=object), np.array([2]))
    out = match_names(ctx, Answers(), sel, has_name_questions=True)
    assert out.ties is None and out.new_actors is None
    assert out.review is not None and out.review.empty
    assert match_names(ctx, Answers(), sel, has_name_questions=False).review is None


def test_withheld_names_are_recorded_without_their_value(tmp_path):
    ctx = context(write(tmp_path, "Org;qm\nqm;1\n"), roster=ROSTER)
    review = withheld_review(ctx, [("P", "email", 3), ("P", "email", 2), ("P", "phone", 2)])
    assert review["name"].tolist() == ["[e-mail address removed]", "[telephone number removed]"]
    assert review["rows"].tolist() == ["2 3", "2"]
    (first, second) = list(ctx.record)
    assert first.rows == (2, 3) and first.column == "P" and "@" not in str(first)
    assert isinstance(review, pd.DataFrame) and second.count == 1
