"""The planted structures of the example quarters show up in the network check."""

from __future__ import annotations

import pytest

import quartiernetz as qn
from quartiernetz.check import network_check, network_check_compare


@pytest.fixture(scope="module")
def nordstadt():
    return network_check(qn.load_example("nordstadt")).set_index("factor")


def test_quarter_management_is_the_coordinator(nordstadt):
    r = nordstadt.loc["central_coordination"]
    assert "coordinators (marked) with catalyst rank: qm-nord (#1)" in r["evidence"]
    # the police contact is tied only to the quarter management
    assert r["assessment"] == "watch" and "cut off: polizei" in r["evidence"]


def test_duplicate_offers_in_needs_mapping(nordstadt):
    ev = nordstadt.at["needs_mapping", "evidence"]
    assert "Seniorentreff (Senioren, Nordstadt): awo-treff, caritas-sen, diakonie-sen" in ev
    assert "Migrationsberatung (Zugewanderte, Nordstadt): awo-migr, caritas-migr" in ev
    assert "Hausaufgabenhilfe (Kinder und Jugendliche, Nordstadt): foerderverein, jz-ost, mgh" in ev


def test_competing_senior_providers(nordstadt):
    r = nordstadt.loc["competitors_in_view"]
    # the senior providers compete but meet at the round table; the migration
    # services compete and do not
    assert (
        "awo-treff–caritas-sen (Runder Tisch Senioren, Stadtteilkonferenz Nordstadt)"
        in r["evidence"]
    )
    assert "caritas-sen–diakonie-sen (Runder Tisch Senioren" in r["evidence"]
    assert "awo-migr–caritas-migr: qm-nord, stadt-soz, jobcenter" in r["evidence"]
    assert r["assessment"] == "watch"


def test_nordstadt_columns(nordstadt):
    assert nordstadt.at["municipal_steering", "assessment"] == "strength"
    assert "(marked)" in nordstadt.at["municipal_steering", "evidence"]
    assert (
        "Steuerungsgruppe Soziale Stadt (members: 6, 12/year)"
        in nordstadt.at["committee_membership", "evidence"]
    )
    assert nordstadt.at["pooled_resources", "assessment"] == "strength"
    assert nordstadt.at["funding_mix", "value"] == pytest.approx(1 - (6 / 8) ** 2 - (2 / 8) ** 2)
    assert nordstadt.at["municipal_ties", "value"] == pytest.approx(
        qn.summary(qn.load_example("nordstadt")).at["municipal_tie_share", "value"]
    )


def test_lower_saxony_design_shows():
    nets = qn.datasets.lower_saxony(seed=0)
    wide = network_check_compare({k: nets[k] for k in ("A", "C")})
    # the self-organised quarter depends far more on its hub and has no steering group
    assert wide.loc["central_coordination", ("A", "value")] < 0.05
    assert wide.loc["central_coordination", ("C", "value")] > 0.5
    assert wide.loc["central_coordination", ("C", "assessment")] == "watch"
    assert "bi (#1)" in wide.loc["central_coordination", ("C", "evidence")]
    assert wide.loc["municipal_steering", ("A", "assessment")] == "strength"
    assert wide.loc["municipal_steering", ("C", "assessment")] == "gap"
    assert wide.loc["pooled_resources", ("A", "assessment")] == "strength"
