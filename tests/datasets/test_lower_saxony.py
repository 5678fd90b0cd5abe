"""The Lower Saxony generator: determinism, survey structure and the designed differences.

The designed differences are checked with networkx directly (betweenness,
fragmentation after removing the hub, ties to the municipality), on the survey
data and on the true networks, for several seeds.
"""

from __future__ import annotations

import dataclasses

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from quartiernetz import Network
from quartiernetz.datasets import DEFAULT_DESIGNS, QuarterDesign, lower_saxony
from quartiernetz.exceptions import AnalysisError

SEEDS = [0, 1, 2, 3, 4]
WELFARE = {"AWO", "Caritas", "Diakonie", "DRK", "Paritätischer"}


@pytest.fixture(scope="module")
def default():
    return lower_saxony(seed=0)


@pytest.fixture(scope="module")
def truth():
    return lower_saxony(seed=0, survey=False)


def fragmentation(G: nx.Graph) -> float:
    """Borgatti's F: the share of ordered pairs that cannot reach each other."""
    n = G.number_of_nodes()
    sizes = [len(c) for c in nx.connected_components(G)]
    return 1 - sum(s * (s - 1) for s in sizes) / (n * (n - 1))


def hub_dependence(net: Network) -> float:
    """How much fragmentation rises when the hub leaves."""
    G = net.to_networkx()
    H = G.copy()
    H.remove_node(net.meta["hub"])
    return fragmentation(H) - fragmentation(G)


def municipal_reach(net: Network) -> float:
    """Share of non-municipal actors with a direct tie to a municipal actor."""
    G = net.to_networkx()
    kom = [v for v, t in G.nodes(data="type") if t == "Kommune"]
    reached = set().union(*(set(G[k]) for k in kom)) - set(kom)
    return len(reached) / (G.number_of_nodes() - len(kom))


def members(net: Network, item: str) -> set[str]:
    aff = net.affiliations
    return set(aff.loc[aff["item"] == item, "actor"])


# ------------------------------------------------------------------ basics
def test_keys_names_and_sizes(default):
    assert list(default) == ["A", "B", "C"]
    assert [len(n.actors) for n in default.values()] == [52, 44, 36]
    assert default["A"].name == "Quartier A: Weststadt (Soziale Stadt, synthetic)"
    assert default["C"].name == "Quartier C: Kastanienviertel (Eigeninitiative, synthetic)"
    for key, net in default.items():
        assert net.meta["synthetic"] is True
        assert (
            net.meta["note"] == "synthetic data modelled on the study design, not the study's data"
        )
        assert net.meta["design"]["key"] == key
        assert len(net.record) == 0  # nothing needed cleaning
        assert not net.directed


def test_programmes_and_hubs(default):
    for key in ("A", "B"):
        net = default[key]
        assert net.meta["programme"] == "Soziale Stadt"
        assert net.meta["hub"] == "qm"
        assert (net.actors["type"] == "Quartiersmanagement").sum() == 1
        assert net.actors.loc["qm", "type"] == "Quartiersmanagement"
    c = default["C"]
    assert c.meta["programme"] == "Eigeninitiative"
    assert c.meta["hub"] == "bi"
    assert (c.actors["type"] == "Quartiersmanagement").sum() == 0
    assert c.actors.loc["bi", "type"] == "Initiative"
    assert c.actors.loc["bi", "label"].startswith("Bewohnerinitiative")


def test_actor_types_and_umbrellas(default):
    allowed = {
        "Kommune",
        "Quartiersmanagement",
        "Wohlfahrtsverband",
        "Verein",
        "Initiative",
        "Schule",
        "Kita",
        "Kirche",
        "Religionsgemeinschaft",
        "Unternehmen",
        "Mehrgenerationenhaus",
        "Bibliothek",
        "Jugendeinrichtung",
    }
    for net in default.values():
        assert set(net.actors["type"]) <= allowed
        welfare = net.actors[net.actors["type"] == "Wohlfahrtsverband"]
        assert len(welfare) >= 4
        assert set(welfare["umbrella"]) <= WELFARE
        assert (net.actors["type"] == "Kommune").sum() >= 3
        assert 30 <= len(net.actors) <= 60


def test_relations_and_intensities(truth):
    for net in truth.values():
        assert set(net.relations) <= {"cooperation", "funding", "resources", "competition"}
        assert {"cooperation", "funding"} <= set(net.relations)
        assert set(net.ties["intensity"]) <= {1.0, 2.0, 3.0}
        coop = net.ties[net.ties["relation"] == "cooperation"]
        assert set(coop["intensity"]) == {1.0, 2.0, 3.0}  # the whole continuum occurs


def test_deterministic_for_a_seed(default):
    again = lower_saxony(seed=0)
    for key in default:
        for table in ("actors", "ties", "affiliations"):
            pd.testing.assert_frame_equal(getattr(default[key], table), getattr(again[key], table))
    other = lower_saxony(seed=1)
    assert not default["A"].ties.equals(other["A"].ties)


def test_generator_seed_and_bad_seed():
    a = lower_saxony(seed=np.random.default_rng(5))
    b = lower_saxony(seed=np.random.default_rng(5))
    pd.testing.assert_frame_equal(a["B"].ties, b["B"].ties)
    with pytest.raises(AnalysisError, match="seed"):
        lower_saxony(seed="zero")
    with pytest.raises(AnalysisError, match="seed"):
        lower_saxony(seed=1.5)


def test_quarters_draw_from_their_own_streams(default):
    bigger = dataclasses.replace(DEFAULT_DESIGNS[2], n_actors=60)
    nets = lower_saxony(seed=0, designs=(*DEFAULT_DESIGNS[:2], bigger))
    assert len(nets["C"].actors) == 60
    pd.testing.assert_frame_equal(nets["A"].ties, default["A"].ties)
    pd.testing.assert_frame_equal(nets["B"].ties, default["B"].ties)


# ------------------------------------------------------------------ survey
def test_survey_structure(default):
    for net in default.values():
        assert net.is_survey
        responded = net.actors["responded"]
        assert responded.dtype == bool
        n = len(net.actors)
        assert int(responded.sum()) == 1 + round(0.7 * (n - 1))
        assert responded[net.meta["hub"]]
        assert (net.ties["reported_by"] == net.ties["source"]).all()
        assert net.ties["reported_by"].map(responded).all()  # only respondents report
        assert net.meta["survey"]["respondents"] == int(responded.sum())
        assert net.meta["survey"]["reports"] == len(net.ties)


def test_reports_come_from_the_true_ties(default, truth):
    for key in default:
        true = truth[key].ties
        pair = lambda s, t: tuple(sorted((s, t)))  # noqa: E731
        known = {
            (pair(s, t), r): i
            for s, t, r, i in true[["source", "target", "relation", "intensity"]].itertuples(
                index=False
            )
        }
        assert len(known) == len(true)
        for s, t, r, i in (
            default[key].ties[["source", "target", "relation", "intensity"]].itertuples(index=False)
        ):
            assert (pair(s, t), r) in known
            assert abs(i - known[(pair(s, t), r)]) <= 1


def test_reporting_is_asymmetric(default):
    net = default["A"]
    responded = net.actors["responded"]
    t = net.ties
    both = t[t["source"].map(responded) & t["target"].map(responded)]
    keys = {
        (s, tg, r) for s, tg, r in both[["source", "target", "relation"]].itertuples(index=False)
    }
    one_sided = [k for k in keys if (k[1], k[0], k[2]) not in keys]
    assert one_sided  # some ties between two respondents are reported by one side only
    G_max = net.to_networkx(reconcile="max")
    G_conf = net.to_networkx(reconcile="confirmed")
    assert G_conf.number_of_edges() < G_max.number_of_edges()


def test_full_recall_reproduces_the_truth(truth):
    perfect = lower_saxony(seed=0, response_rate=1.0, recall=(1, 1, 1), intensity_noise=0)
    for key, net in perfect.items():
        assert net.actors["responded"].all()
        assert len(net.ties) == 2 * len(truth[key].ties)
        G = net.to_networkx(reconcile="confirmed", relations=net.relations)
        T = truth[key].to_networkx(relations=truth[key].relations)
        assert nx.utils.edges_equal(G.edges(data="weight"), T.edges(data="weight"))


def test_only_the_hub_answers_at_response_rate_zero():
    nets = lower_saxony(seed=0, response_rate=0.0)
    for net in nets.values():
        assert net.actors["responded"].sum() == 1
        assert set(net.ties["reported_by"]) == {net.meta["hub"]}


def test_true_network_has_no_survey_columns(truth):
    for net in truth.values():
        assert not net.is_survey
        assert "responded" not in net.actors
        assert "survey" not in net.meta


# ------------------------------------------------------ designed differences
@pytest.mark.parametrize("survey", [True, False])
@pytest.mark.parametrize("seed", SEEDS)
def test_the_hub_has_the_highest_betweenness(seed, survey):
    for net in lower_saxony(seed=seed, survey=survey).values():
        bc = nx.betweenness_centrality(net.to_networkx())
        assert max(bc, key=bc.get) == net.meta["hub"]


@pytest.mark.parametrize("survey", [True, False])
@pytest.mark.parametrize("seed", SEEDS)
def test_self_organised_quarter_depends_more_on_its_hub(seed, survey):
    nets = lower_saxony(seed=seed, survey=survey)
    dep = {k: hub_dependence(n) for k, n in nets.items()}
    assert dep["C"] > dep["A"]
    assert dep["C"] > dep["B"]
    assert dep["C"] > 0.05  # removing the initiative cuts actors off


@pytest.mark.parametrize("survey", [True, False])
@pytest.mark.parametrize("seed", SEEDS)
def test_municipal_integration_is_lower_in_the_self_organised_quarter(seed, survey):
    nets = lower_saxony(seed=seed, survey=survey)
    reach = {k: municipal_reach(n) for k, n in nets.items()}
    assert reach["C"] < reach["A"]
    assert reach["C"] < reach["B"]


def test_steering_groups(default):
    for key in ("A", "B"):
        net = default[key]
        quarter = net.meta["quarter"]
        steering = members(net, f"Steuerungsgruppe Soziale Stadt {quarter}")
        assert {"qm", "kom-soz", "kom-jug", "kom-plan", "wbg", "bi"} <= steering
    c = default["C"]
    committees = c.affiliations[c.affiliations["kind"] == "committee"]
    assert not committees["item"].str.contains("Steuerungsgruppe").any()
    kommune = set(c.actors.index[c.actors["type"] == "Kommune"])
    assert not set(committees["actor"]) & kommune


def test_hub_ties_to_the_municipality(truth):
    for key in ("A", "B"):
        G = truth[key].to_networkx()
        assert all(G["qm"][k]["weight"] == 3 for k in ("kom-soz", "kom-jug", "kom-plan"))
    G = truth["C"].to_networkx()
    assert G["bi"]["kom-soz"]["weight"] == 1  # one contact person, a weak tie


# --------------------------------------------------------- planted structures
def test_planted_duplicate_offers(default):
    for net in default.values():
        offers = net.affiliations[net.affiliations["kind"] == "offer"]
        runs = offers.groupby(["item", "target_group"])["actor"].apply(frozenset)
        duplicated = {k: v for k, v in runs.items() if len(v) > 1}
        planted = net.meta["planted_duplicate_offers"]
        assert len(duplicated) == net.meta["design"]["duplicate_offers"] == len(planted)
        for p in planted:
            assert duplicated[(p["item"], p["target_group"])] == frozenset(p["providers"])


def test_competing_welfare_associations_do_not_cooperate(truth):
    for net in truth.values():
        t = net.ties
        comp = t[t["relation"] == "competition"]
        pairs = {tuple(sorted(p)) for p in net.meta["competing_pairs"]}
        assert pairs == {tuple(sorted(p)) for p in comp[["source", "target"]].to_numpy()}
        assert pairs  # every default quarter has competitors
        coop = {
            tuple(sorted(p))
            for p in t.loc[t["relation"] == "cooperation", ["source", "target"]].to_numpy()
        }
        assert not pairs & coop
        for a, b in pairs:
            assert net.actors.loc[a, "type"] == net.actors.loc[b, "type"] == "Wohlfahrtsverband"
            assert net.actors.loc[a, "umbrella"] != net.actors.loc[b, "umbrella"]


def test_near_duplicate_committee_in_b(default):
    b = default["B"]
    (planted,) = b.meta["planted_duplicate_committees"]
    first, second = (members(b, item) for item in planted["items"])
    assert len(first & second) / len(first | second) >= 0.8
    assert first != second
    assert default["A"].meta["planted_duplicate_committees"] == []


def test_every_actor_is_tied_in_the_true_network(truth):
    for net in truth.values():
        G = net.to_networkx()
        assert nx.number_of_isolates(G) == 0
        assert nx.is_connected(G)


# -------------------------------------------------------------- parameters
@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"response_rate": 1.5}, "response_rate"),
        ({"intensity_noise": -0.1}, "intensity_noise"),
        ({"recall": (0.5, 0.5)}, "recall"),
        ({"designs": ()}, "designs"),
        ({"designs": (DEFAULT_DESIGNS[0], DEFAULT_DESIGNS[0])}, "keys"),
        ({"designs": (QuarterDesign("X", "Q", "Stadt X", "Modellprojekt"),)}, "programme"),
        ({"designs": (QuarterDesign("X", "Q", "Stadt X", n_actors=10),)}, "n_actors"),
        ({"designs": (QuarterDesign("X", "Q", "Stadt X", hub_reach=2.0),)}, "hub_reach"),
        ({"designs": (QuarterDesign("X", "Q", "Stadt X", formality=(0, 0, 0)),)}, "formality"),
    ],
)
def test_bad_parameters(kwargs, match):
    with pytest.raises(AnalysisError, match=match):
        lower_saxony(**kwargs)


def test_custom_design_is_honoured():
    design = QuarterDesign(
        "X",
        "Testviertel",
        "Stadt X",
        "Eigeninitiative",
        n_actors=40,
        duplicate_offers=0,
        competition_rate=0.0,
    )
    (net,) = lower_saxony(seed=3, designs=[design]).values()
    assert len(net.actors) == 40
    assert net.meta["planted_duplicate_offers"] == []
    assert "competition" not in net.relations
    assert net.name == "Quartier X: Testviertel (Eigeninitiative, synthetic)"
