"""Step 8 of the survey reader: the network, its figures and the pairs reported."""

from __future__ import annotations

import pandas as pd
import pytest

from quartiernetz.io.survey import read_survey
from quartiernetz.io.survey._steps.reconcile import pair_table

from .steps_helpers import ROSTER, write


def test_pair_table_counts_confirmed_and_unknown_pairs():
    ties = pd.DataFrame(
        {
            "source": ["qm", "awo", "qm", "kita"],
            "target": ["awo", "qm", "kita", "tsv"],
            "relation": "r",
            "intensity": [1.0, 2.0, 1.0, 1.0],
        }
    )
    missing = pd.DataFrame({"source": ["kita"], "target": ["qm"], "relation": ["r"], "row": [4]})
    pairs = pair_table(ties, {"qm", "awo", "kita"}, missing)
    assert pairs[["a", "b", "both_responded", "confirmed"]].values.tolist() == [
        ["awo", "qm", True, True],
        ["kita", "qm", False, False],  # kita skipped the question about qm
        ["kita", "tsv", False, False],  # tsv did not respond
    ]
    assert pair_table(ties.iloc[:0], set(), None).empty


def test_the_pipeline_builds_the_network_with_figures_and_left_out_columns(tmp_path):
    path = write(
        tmp_path,
        "Org;qm;awo;kita;tsv;E-Mail;Notiz\nqm;;2;;1;m.mueller@example.org;x\n"
        "AWO Nordstadt;3;;0;;;\n",
    )
    with pytest.warns(Warning):
        net = read_survey(path, roster=ROSTER, ignore="Notiz")
    assert net.actors["responded"].tolist() == [True, True, False, False]
    assert net.ties[["source", "target", "row"]].values.tolist() == [
        ["qm", "awo", 2],
        ["qm", "tsv", 2],
        ["awo", "qm", 3],
    ]
    s = net.meta["survey"]
    assert (s["respondents"], s["response_rate"], s["pairs_confirmed"]) == (2, 0.5, 1)
    assert s["dropped_identifying_columns"] == ["E-Mail"]
    assert s["missing_answers"] == 2 and len(net.meta["missing"]) == 2
    said = [str(e) for e in net.record]
    assert any("column 'E-Mail'" in e and "dropped" in e for e in said)
    assert any("1 columns are not roster questions" in e and "'Notiz'" in e for e in said)
