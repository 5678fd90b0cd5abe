"""The network check's contract: columns, languages, missing columns, several networks."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

from quartiernetz import Network
from quartiernetz.check import (
    ASSESSMENTS,
    CHECK_COLUMNS,
    FACTOR_IDS,
    SOURCES,
    factor_table,
    network_check,
    network_check_compare,
)
from quartiernetz.check.definitions import FACTORS, cite
from quartiernetz.exceptions import QuartiernetzError

from .conftest import hand_network

BARE = [
    Network(ties=pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"]})),
    Network(actors=pd.DataFrame({"id": ["a"]})),
    Network(
        actors=pd.DataFrame({"id": ["a", "b"], "type": ["Verein", "Kommune"]}),
        ties=pd.DataFrame({"source": ["a"], "target": ["b"], "relation": ["competition"]}),
        affiliations=pd.DataFrame({"actor": ["a"], "item": ["x"], "kind": ["project"]}),
    ),
    nx.path_graph(4),
    nx.DiGraph([("a", "b", {"relation": "funding"})]),
]


@pytest.mark.parametrize("net", BARE + [hand_network()])
def test_contract(net):
    check = network_check(net)
    assert list(check.columns) == list(CHECK_COLUMNS)
    assert check["factor"].tolist() == list(FACTOR_IDS)
    assert set(check["assessment"]) <= set(ASSESSMENTS)
    for col in ("source", "question", "indicator", "reference", "evidence"):
        assert check[col].map(lambda t: isinstance(t, str) and bool(t.strip())).all(), col
    nm = check["assessment"] == "not measurable"
    assert check.loc[nm, "ask"].map(lambda t: isinstance(t, str) and len(t) > 10).all()
    assert check.loc[~nm, "ask"].isna().all()
    measured = check[~nm & check["value"].notna()]
    assert (measured["value"] >= measured["scale_min"] - 1e-12).all()
    assert (measured["value"] <= measured["scale_max"] + 1e-12).all()


def test_without_optional_columns_every_row_says_why():
    check = network_check(BARE[0]).set_index("factor")
    assert (check["assessment"] == "not measurable").all()
    assert (
        "neither an actor column coordinator nor actor types"
        in check.at["central_coordination", "evidence"]
    )
    assert "tie column channel" in check.at["online_offline", "evidence"]
    assert "actor column area" in check.at["reach_beyond_quarter", "evidence"]
    # only competition ties and a project: competitors measurable, committees a gap
    check = network_check(BARE[2]).set_index("factor")
    assert check.at["competitors_in_view", "assessment"] == "gap"
    assert check.at["committee_membership", "assessment"] == "gap"
    assert check.at["municipal_ties", "assessment"] == "gap"


def test_german():
    de = network_check(hand_network(), lang="de").set_index("factor")
    en = network_check(hand_network()).set_index("factor")
    assert (de["assessment"] == en["assessment"]).all()
    pd.testing.assert_series_equal(de["value"], en["value"])
    assert de.at["central_coordination", "question"].startswith("Gibt es eine zentrale")
    assert de.at["central_coordination", "source"].startswith("12 Erfolgsfaktoren Nr. 2")
    assert "Förderbeziehungen" in de.at["funding_mix", "evidence"]
    assert "öffentlich 50 %" in de.at["funding_mix", "evidence"]
    assert "Bedingung 3" in de.at["committee_membership", "reference"]
    with pytest.raises(ValueError, match="lang"):
        network_check(hand_network(), lang="fr")


def test_definitions_name_their_sources():
    table = factor_table()
    assert table.index.tolist() == list(FACTOR_IDS)
    used = {k for f in FACTORS for k, _ in f.sources}
    assert used == set(SOURCES)
    for f in FACTORS:
        for lang in ("en", "de"):
            assert cite(f, lang)
        assert f.question.en != f.question.de and f.ask.en != f.ask.de


def test_compare_side_by_side():
    a = hand_network()
    b = hand_network(affiliations=a.affiliations[a.affiliations["kind"] != "committee"])
    wide = network_check({"A": a, "B": b})
    assert wide.index.tolist() == list(FACTOR_IDS)
    assert wide.loc["committee_membership", ("A", "assessment")] == "strength"
    assert wide.loc["committee_membership", ("B", "assessment")] == "gap"
    ref = wide.loc["committee_membership", ("A", "reference")]
    assert ref.endswith("other networks: B 0.00")
    assert wide.loc["committee_membership", ("B", "reference")].endswith("other networks: A 0.56")
    long = network_check_compare({"A": a, "B": b}, lang="de", layout="long")
    assert list(long.columns) == ["network", *CHECK_COLUMNS]
    assert long["network"].tolist()[:4] == ["A", "B", "A", "B"]
    assert (
        "andere Netzwerke: A 0,56"
        in long.set_index(["factor", "network"]).at[("committee_membership", "B"), "reference"]
    )


def test_bad_options():
    with pytest.raises(QuartiernetzError, match="top"):
        network_check(hand_network(), top=0)
    with pytest.raises(QuartiernetzError, match="Network"):
        network_check([1, 2])
    with pytest.raises(QuartiernetzError, match="non-empty"):
        network_check_compare({})
    with pytest.raises(QuartiernetzError, match="layout"):
        network_check_compare({"a": hand_network()}, layout="tall")


def test_languages_at_once_match_single_calls():
    from quartiernetz.check import network_check_languages

    net = hand_network()
    both = network_check_languages(net)
    for lang in ("en", "de"):
        pd.testing.assert_frame_equal(both[lang], network_check(net, lang=lang))
