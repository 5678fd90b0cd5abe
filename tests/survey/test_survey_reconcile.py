"""Reconciling the two sides' reports, through Network.to_networkx, on a hand-checked case."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from quartiernetz.io.survey import read_survey, survey_summary

ROSTER = pd.DataFrame({"id": ["a", "b", "c", "d"], "label": ["A", "B", "C", "D"]})

# a, b and c responded; d did not.
#   a-b: a says 3, b says 1           (both responded, asymmetric)
#   a-c: a says 2, c says 0           (c answered "no cooperation")
#   b-d: b says 2, d did not respond  (the responding side counts, whatever the rule)
#   b-c: both say 0                   (no tie)
MATRIX = "Organisation;a;b;c;d\na;;3;2;0\nb;1;;0;2\nc;0;0;;0\n"


@pytest.fixture
def net(tmp_path, quiet):
    path = tmp_path / "matrix.csv"
    path.write_text(MATRIX, encoding="utf-8")
    return read_survey(path, roster=ROSTER)


def edges(G):
    return {tuple(sorted(e)): d["weight"] for *e, d in G.edges(data=True)}


@pytest.mark.parametrize(
    "rule, expected",
    [
        ("max", {("a", "b"): 3.0, ("a", "c"): 2.0, ("b", "d"): 2.0}),
        ("union", {("a", "b"): 2.0, ("a", "c"): 2.0, ("b", "d"): 2.0}),
        ("mean", {("a", "b"): 2.0, ("a", "c"): 1.0, ("b", "d"): 2.0}),
        ("confirmed", {("a", "b"): 2.0, ("b", "d"): 2.0}),
        ("min", {("a", "b"): 1.0, ("b", "d"): 2.0}),
    ],
)
def test_rules(net, rule, expected):
    G = net.to_networkx(reconcile=rule)
    assert not G.is_directed()
    assert edges(G) == expected
    assert sorted(G.nodes) == ["a", "b", "c", "d"]  # the non-respondent stays


def test_default_is_max(net):
    assert edges(net.to_networkx()) == edges(net.to_networkx(reconcile="max"))


def test_directed_graph_keeps_each_report(net):
    G = net.to_networkx(directed=True)
    assert {(u, v): d["weight"] for u, v, d in G.edges(data=True)} == {
        ("a", "b"): 3.0,
        ("b", "a"): 1.0,
        ("a", "c"): 2.0,
        ("b", "d"): 2.0,
    }


def test_summary(net):
    s = survey_summary(net)
    row = s.loc["(all)"]
    assert list(s.columns) == [
        "roster_size",
        "respondents",
        "response_rate",
        "reports",
        "pairs",
        "pairs_both_responded",
        "confirmed",
        "confirmed_share",
        "one_sided_nonrespondent",
    ]
    assert (row["roster_size"], row["respondents"], row["reports"], row["pairs"]) == (4, 3, 4, 3)
    assert row["response_rate"] == 0.75
    # a-b and a-c could be confirmed; only a-b is
    assert (row["pairs_both_responded"], row["confirmed"], row["confirmed_share"]) == (2, 1, 0.5)
    assert row["one_sided_nonrespondent"] == 1
    assert net.meta["survey"]["confirmed_share"] == 0.5


def test_summary_leaves_out_pairs_whose_other_side_skipped_the_question(tmp_path, quiet):
    path = tmp_path / "matrix.csv"
    path.write_text(MATRIX.replace("c;0;0;;0", "c;;0;;0"), encoding="utf-8")
    net = read_survey(path, roster=ROSTER)
    row = survey_summary(net).loc["(all)"]
    assert (row["pairs_both_responded"], row["confirmed"]) == (1, 1)
    assert not math.isnan(row["confirmed_share"]) and row["confirmed_share"] == 1.0


@pytest.mark.parametrize("rule", ["confirmed", "min", "mean"])
def test_missing_answer_is_not_a_zero(tmp_path, quiet, rule):
    # c skipped the question about a (empty cell): a's report of 2 should count as it is
    path = tmp_path / "matrix.csv"
    path.write_text(MATRIX.replace("c;0;0;;0", "c;;0;;0"), encoding="utf-8")
    net = read_survey(path, roster=ROSTER)
    assert edges(net.to_networkx(reconcile=rule))[("a", "c")] == 2.0
