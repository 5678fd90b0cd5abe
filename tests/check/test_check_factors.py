"""Every indicator of the network check, computed by hand on small networks."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from quartiernetz import Network, summary
from quartiernetz.check import network_check
from quartiernetz.check.diversity import expected_ei

from .conftest import hand_network


def row(check: pd.DataFrame, factor: str) -> pd.Series:
    return check.set_index("factor").loc[factor]


@pytest.fixture(scope="module")
def check(hand):
    return network_check(hand)


def test_central_coordination(check):
    # qm is marked; without it, of the 8 others' 28 connected pairs only
    # {soz, jug, awo} (3 pairs), {club, firm} and {bi, ext} (1 each) stay: 23 lost
    r = row(check, "central_coordination")
    assert r["value"] == pytest.approx(23 / 28)
    assert r["assessment"] == "watch"
    assert "qm (#1)" in r["evidence"] and "falling apart without them: 23 of 28" in r["evidence"]
    assert "cut off: bi, car, club, ext, firm" in r["evidence"]


def test_coordination_strength_when_nothing_falls_apart():
    # a triangle around qm: nobody depends on it
    ties = pd.DataFrame({"source": ["qm", "qm", "a"], "target": ["a", "b", "b"]})
    actors = pd.DataFrame(
        {"id": ["qm", "a", "b"], "type": ["Quartiersmanagement", "Verein", "Verein"]}
    )
    r = row(network_check(Network(actors=actors, ties=ties)), "central_coordination")
    assert (r["value"], r["assessment"]) == (0.0, "strength")
    assert "(by type)" in r["evidence"]


def test_coordination_gap_and_not_in_top():
    ties = pd.DataFrame({"source": ["a", "a", "a", "b"], "target": ["b", "c", "d", "e"]})
    actors = pd.DataFrame({"id": list("abcde"), "type": ["Verein"] * 5})
    assert (
        row(network_check(Network(actors=actors, ties=ties)), "central_coordination")["assessment"]
        == "gap"
    )
    # e is marked but is the weakest catalyst: not among the top 1
    marked = actors.assign(coordinator=[None, None, None, None, True])
    r = row(network_check(Network(actors=marked, ties=ties), top=1), "central_coordination")
    assert (r["value"], r["assessment"]) == (0.0, "watch")


def test_committee_membership(check, hand):
    r = row(check, "committee_membership")
    assert r["value"] == pytest.approx(5 / 9)  # qm, soz, bi, awo, car
    assert r["assessment"] == "strength"  # the steering group meets 12 times a year
    assert "Steuerungsgruppe (members: 3, 12/year)" in r["evidence"]
    assert "in no committee (4): club, ext, firm, jug" in r["evidence"]
    # every committee meeting less than twice a year is a watch point; words are read
    aff = hand.affiliations.assign(frequency=["yearly"] * 6 + [None] * 5)
    r = row(network_check(hand_network(affiliations=aff)), "committee_membership")
    assert r["assessment"] == "watch" and "1/year" in r["evidence"]
    aff = hand.affiliations.assign(frequency=["monatlich"] * 6 + [None] * 5)
    assert (
        "12/year"
        in row(network_check(hand_network(affiliations=aff)), "committee_membership")["evidence"]
    )


def test_committee_sectors(check):
    r = row(check, "committee_sectors")
    assert r["value"] == pytest.approx(4 / 6)
    assert r["assessment"] == "watch"
    assert "sectors in no committee: Unternehmen, Verein" in r["evidence"]


def test_competitors_in_view(check, hand):
    # awo and car run the same offer and compete; both sit in the Runder Tisch
    r = row(check, "competitors_in_view")
    assert (r["value"], r["assessment"]) == (1.0, "strength")
    assert "awo–car (Runder Tisch)" in r["evidence"]
    # without the committee they are neither tied nor meeting: a gap, bridged by qm
    aff = hand.affiliations[hand.affiliations["item"] != "Runder Tisch"]
    r = row(network_check(hand_network(affiliations=aff)), "competitors_in_view")
    assert (r["value"], r["assessment"]) == (0.0, "gap")
    assert "neither cooperating nor in a common committee: awo–car" in r["evidence"]
    assert "possible bridges: awo–car: qm" in r["evidence"]


def test_needs_mapping(check):
    # Seniorentreff for Senioren twice (awo, car), Sport for Kinder once: 1 of 2 cells
    r = row(check, "needs_mapping")
    assert (r["value"], r["assessment"]) == (0.5, "watch")
    assert "Seniorentreff (Senioren, Q): awo, car" in r["evidence"]


def test_needs_mapping_unserved_target_group(hand):
    aff = pd.concat(
        [
            hand.affiliations[hand.affiliations["item"] != "Seniorentreff"].iloc[:, :4],
            pd.DataFrame(
                [("qm", "AK Familie", "committee", "Familien")],
                columns=list(hand.affiliations.columns[:4]),
            ),
        ]
    )
    r = row(network_check(hand_network(affiliations=aff)), "needs_mapping")
    assert r["value"] == 0.0 and r["assessment"] == "watch"
    assert "target groups without any offer: Familien" in r["evidence"]


def test_pooled_resources(check, hand):
    r = row(check, "pooled_resources")
    assert (r["value"], r["assessment"]) == (pytest.approx(2 / 9), "strength")
    assert "Raum: bi, qm" in r["evidence"]
    # a room used by one actor only: recorded, nothing shared
    aff = hand.affiliations[
        ~((hand.affiliations["item"] == "Raum") & (hand.affiliations["actor"] == "bi"))
    ]
    assert (
        row(network_check(hand_network(affiliations=aff)), "pooled_resources")["assessment"]
        == "gap"
    )
    # resource ties count too
    ties = pd.concat(
        [
            hand.ties[["source", "target", "relation"]],
            pd.DataFrame([("club", "ext", "resources")], columns=["source", "target", "relation"]),
        ]
    )
    aff = hand.affiliations[hand.affiliations["kind"] != "resource"]
    r = row(network_check(hand_network(ties=ties, affiliations=aff)), "pooled_resources")
    assert r["value"] == pytest.approx(2 / 9) and "club–ext" in r["evidence"]


def test_funding_mix(check, hand):
    # soz (public) funds awo, firm (business) funds club: 1 - (1/4 + 1/4)
    r = row(check, "funding_mix")
    assert (r["value"], r["assessment"]) == (0.5, "watch")
    assert r["reference_value"] == pytest.approx(2 / 3)
    # the funder is the public end even when it is the tie's target; a marked
    # civic funder adds the third sphere
    ties = hand.ties[["source", "target", "relation"]].copy()
    ties.loc[5, ["source", "target"]] = ["awo", "soz"]
    ties = pd.concat([ties, pd.DataFrame([("car", "bi", "funding")], columns=ties.columns)])
    actors = hand.actors.reset_index().assign(funder=lambda d: d["id"].eq("car"))
    r = row(network_check(hand_network(ties=ties, actors=actors)), "funding_mix")
    assert r["value"] == pytest.approx(1 - 3 / 9) and r["assessment"] == "strength"
    assert "public 33 % (soz)" in r["evidence"] and "civic 33 % (car)" in r["evidence"]


def test_funding_sector_column(hand):
    actors = hand.actors.reset_index().assign(sector=["", "", "", "", "", "", "", "civic", ""])
    r = row(network_check(hand_network(actors=actors)), "funding_mix")
    # firm is now civic; the firm–club tie's funder is its source, firm
    assert "civic 50 % (firm)" in r["evidence"]


def test_municipal_ties(check, hand):
    r = row(check, "municipal_ties")
    assert r["value"] == pytest.approx(2 / 7)  # qm and awo are tied to soz
    assert r["assessment"] == "watch" and r["reference_value"] == 0.99
    assert r["value"] == pytest.approx(summary(hand).at["municipal_tie_share", "value"])


def test_municipal_contact(check, hand):
    r = row(check, "municipal_contact")
    assert (r["value"], r["assessment"]) == (1.0, "strength")
    assert (
        "municipal units: 1; municipally tied actors: 2; partners per unit: soz (2)"
        in r["evidence"]
    )
    # jug takes club: two units, neither everybody's contact
    ties = pd.concat(
        [
            hand.ties[["source", "target", "relation"]],
            pd.DataFrame(
                [("jug", "club", "cooperation")], columns=["source", "target", "relation"]
            ),
        ]
    )
    r = row(network_check(hand_network(ties=ties)), "municipal_contact")
    assert (r["value"], r["assessment"]) == (pytest.approx(2 / 3), "watch")


def test_municipal_steering(check, hand):
    r = row(check, "municipal_steering")
    assert (r["value"], r["assessment"]) == (1.0, "strength")
    assert "(marked)" in r["evidence"] and "municipal members soz" in r["evidence"]
    # no steering column: found by its name
    aff = hand.affiliations.drop(columns=["steering"])
    r = row(network_check(hand_network(affiliations=aff)), "municipal_steering")
    assert r["assessment"] == "strength" and "(by name)" in r["evidence"]
    # marked, but without the municipality
    aff = hand.affiliations[hand.affiliations["actor"] != "soz"]
    r = row(network_check(hand_network(affiliations=aff)), "municipal_steering")
    assert (r["value"], r["assessment"]) == (0.0, "gap")
    # committees not named or marked as steering: not measurable
    aff = hand.affiliations.drop(columns=["steering"]).replace("Steuerungsgruppe", "Forum")
    assert (
        row(network_check(hand_network(affiliations=aff)), "municipal_steering")["assessment"]
        == "not measurable"
    )


def test_reach_beyond_quarter(check):
    r = row(check, "reach_beyond_quarter")
    assert (r["value"], r["assessment"]) == (pytest.approx(1 / 9), "strength")  # bi–ext
    assert "quarter Q; actors outside: 1 (ext); ties reaching them: 1 of 9" in r["evidence"]
    assert "area not given for 2: jug, soz" in r["evidence"]
    # naming the quarter "Stadt" turns it around
    r = row(network_check(hand_network(), quarter="Stadt"), "reach_beyond_quarter")
    assert r["value"] == pytest.approx(8 / 9)


def test_online_offline(hand):
    ties = hand.ties.assign(channel=["online", "persönlich", "both"] + [None] * 7)
    r = row(network_check(hand_network(ties=ties)), "online_offline")
    assert (r["value"], r["assessment"]) == (pytest.approx(2 / 3), "strength")
    ties = hand.ties.assign(channel="offline")
    assert row(network_check(hand_network(ties=ties)), "online_offline")["assessment"] == "watch"


def test_sector_diversity(check, hand):
    r = row(check, "sector_diversity")
    assert r["value"] == pytest.approx(66 / 81)
    assert r["reference_value"] == pytest.approx(5 / 6)
    assert r["assessment"] == "strength"
    actors = hand.actors.reset_index()
    actors = actors[actors["id"] != "firm"]
    r = row(
        network_check(hand_network(actors=actors, ties=hand.ties[hand.ties["source"] != "firm"])),
        "sector_diversity",
    )
    assert r["assessment"] == "watch" and "sphere missing: business" in r["evidence"]


def test_civic_share(check, hand):
    r = row(check, "civic_share")
    assert (r["value"], r["assessment"]) == (pytest.approx(3 / 9), "strength")
    actors = hand.actors.reset_index().assign(
        type=lambda d: d["type"].replace({"Verein": "Schule", "Initiative": "Kita"})
    )
    assert row(network_check(hand_network(actors=actors)), "civic_share")["assessment"] == "gap"


def test_cross_sector_ties(check):
    # 8 ties across types, soz–jug within: (8 - 1) / 9; at random 60/72
    r = row(check, "cross_sector_ties")
    assert r["value"] == pytest.approx(7 / 9)
    assert r["reference_value"] == pytest.approx(60 / 72)
    assert r["assessment"] == "watch"
    assert expected_ei([1, 2, 2, 2, 1, 1]) == pytest.approx(60 / 72)


def test_survey_self_assessment(hand):
    actors = hand.actors.reset_index().assign(**{"factor:clear_goal": [4, 5, 2] + [None] * 6})
    net = hand_network(actors=actors)
    r = row(network_check(net), "clear_goal")
    assert r["assessment"] == "not measurable" and r["value"] == pytest.approx(11 / 3)
    net.meta["factor_scales"] = {"clear_goal": (1, 5)}
    r = row(network_check(net), "clear_goal")
    assert (r["value"], r["assessment"], r["reference_value"]) == (
        pytest.approx(11 / 3),
        "strength",
        3.0,
    )
    assert "answers: 3, mean 3.67, standard deviation 1.53" in r["evidence"]
    assert pd.isna(r["ask"])
    # not asked: the survey item to ask
    r = row(network_check(net), "documentation")
    assert r["assessment"] == "not measurable" and "documents its successes" in r["ask"]
    assert math.isnan(r["value"])


def test_competitors_cooperating_directly_in_german(hand):
    ties = pd.concat(
        [
            hand.ties[["source", "target", "relation"]],
            pd.DataFrame([("awo", "car", "cooperation")], columns=["source", "target", "relation"]),
        ]
    )
    r = row(network_check(hand_network(ties=ties), lang="de"), "competitors_in_view")
    assert "awo–car (Kooperation, Runder Tisch)" in r["evidence"]
    assert "im Blick" in r["evidence"]
