"""The multi-generation house programme: published figures recomputed, waves, determinism.

Published figures (Aktionsprogramm Mehrgenerationenhäuser, see docs/datasets.md): about
500 houses; 25,700 cooperation partners in 2011, 51 per house; about 40 per house in 2006;
99 % of houses with at least one municipal partner; municipal strategic support for about
half of the houses; companies and business associations, and clubs and initiatives, the
largest partner groups.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from quartiernetz import Network
from quartiernetz.datasets import mgh_programme, programme_figures
from quartiernetz.exceptions import AnalysisError

SEEDS = [0, 1, 2024]


@pytest.fixture(scope="module")
def both():
    return mgh_programme(seed=0, wave="both")


def group_shares(fig: pd.Series) -> dict[str, float]:
    shares = {k.split(":", 1)[1]: v for k, v in fig.items() if k.startswith("type_share:")}
    groups = {
        "business": shares.get("Unternehmen", 0) + shares.get("Wirtschaftsverband", 0),
        "clubs and initiatives": shares.get("Verein", 0) + shares.get("Initiative", 0),
    }
    groups.update(
        {
            t: s
            for t, s in shares.items()
            if t not in ("Unternehmen", "Wirtschaftsverband", "Verein", "Initiative")
        }
    )
    return groups


@pytest.mark.parametrize("seed", SEEDS)
def test_published_2011_figures(seed):
    fig = programme_figures(mgh_programme(seed=seed))
    assert fig["houses"] == 500
    assert fig["partner_ties"] == 25_700
    assert round(fig["partners_per_house"]) == 51
    assert round(fig["share_municipal_partner"], 2) == 0.99
    assert round(fig["share_strategic_support"], 1) == 0.5
    # the two largest partner groups
    groups = group_shares(fig)
    ranked = sorted(groups, key=groups.get, reverse=True)
    assert ranked[:2] == ["business", "clubs and initiatives"]
    # shared partners: fewer organisations than partner relationships
    assert fig["distinct_partners"] < fig["partner_ties"]
    assert all(isinstance(v, int | float) for v in fig.to_numpy())


@pytest.mark.parametrize("seed", SEEDS)
def test_published_2006_figure(seed):
    fig = programme_figures(mgh_programme(seed=seed, wave=2006))
    assert fig["houses"] == 500
    assert round(fig["partners_per_house"]) == 40


def test_exact_values_for_seed_0():
    fig = programme_figures(mgh_programme(seed=0))
    assert fig["partners_per_house"] == 51.4
    assert fig["share_municipal_partner"] == 0.99
    assert fig["share_strategic_support"] == 0.5
    assert fig.index[:6].tolist() == [
        "houses",
        "partner_ties",
        "partners_per_house",
        "distinct_partners",
        "share_municipal_partner",
        "share_strategic_support",
    ]


def test_deterministic_for_a_seed(both):
    again = mgh_programme(seed=0, wave="both")
    pd.testing.assert_frame_equal(both.actors, again.actors)
    pd.testing.assert_frame_equal(both.ties, again.ties)
    other = mgh_programme(seed=1, wave="both")
    assert not both.ties.equals(other.ties)


def test_both_waves(both):
    assert set(both.ties["wave"]) == {2006, 2011}
    with pytest.raises(AnalysisError, match="wave"):
        programme_figures(both)
    f06 = programme_figures(both, wave=2006)
    f11 = programme_figures(both, wave=2011)
    assert (f06["partner_ties"], f11["partner_ties"]) == (20_000, 25_700)
    assert both.meta["wave"] == "both"


@pytest.mark.parametrize("wave", [2006, 2011])
def test_single_wave_is_the_both_network_restricted(both, wave):
    single = mgh_programme(seed=0, wave=wave)
    part = both.ties[both.ties["wave"] == wave].drop(columns="wave").reset_index(drop=True)
    pd.testing.assert_frame_equal(single.ties.reset_index(drop=True), part)
    in_wave = set(part["source"]) | set(part["target"])
    houses = set(both.actors.index[both.actors["type"] == "Mehrgenerationenhaus"])
    assert set(single.actors.index) == in_wave | houses
    pd.testing.assert_frame_equal(single.actors, both.actors.loc[single.actors.index])


def test_2006_partners_are_mostly_a_subset(both):
    coop = both.ties[both.ties["relation"] == "cooperation"]
    pairs = {
        w: set(map(tuple, coop.loc[coop["wave"] == w, ["source", "target"]].to_numpy()))
        for w in (2006, 2011)
    }
    kept = len(pairs[2006] & pairs[2011]) / len(pairs[2006])
    assert kept == pytest.approx(0.9, abs=0.01)
    assert kept < 1  # some partnerships ended before 2011


def test_municipal_partners_and_support(both):
    net = mgh_programme(seed=0)
    types = net.actors["type"]
    coop = net.ties[net.ties["relation"] == "cooperation"]
    municipal = coop[coop["target"].map(types) == "Kommune"]
    assert municipal["source"].nunique() == 495
    support = net.ties[net.ties["relation"] == "strategic_support"]
    assert len(support) == 250
    assert (support["source"].map(types) == "Kommune").all()
    # support comes from a municipal partner of the same house
    partner_pairs = set(map(tuple, municipal[["source", "target"]].to_numpy()))
    assert all((h, k) in partner_pairs for k, h in support[["source", "target"]].to_numpy())


def test_shared_partners_are_neighbours():
    net = mgh_programme(seed=0)
    coop = net.ties[net.ties["relation"] == "cooperation"]
    houses_per_partner = coop.groupby("target")["source"].nunique()
    shared = houses_per_partner[houses_per_partner > 1].index
    assert len(shared) > 1000
    area = net.actors["area"]
    sub = coop[coop["target"].isin(shared)]
    assert (sub["source"].map(area).to_numpy() == sub["target"].map(area).to_numpy()).all()


def test_every_house_has_partners_and_types_are_known():
    net = mgh_programme(seed=0)
    types = net.actors["type"]
    coop = net.ties[net.ties["relation"] == "cooperation"]
    assert (coop["source"].map(types) == "Mehrgenerationenhaus").all()
    per_house = coop.groupby("source").size()
    assert len(per_house) == 500 and per_house.min() >= 5
    assert set(net.ties["intensity"]) == {1.0, 2.0, 3.0}
    assert net.meta["synthetic"] is True
    assert "not the programme's data" in net.meta["note"]


def test_parameters_change_the_figures():
    net = mgh_programme(
        seed=0,
        n_houses=40,
        partner_ties=1_200,
        partner_ties_2006=800,
        municipal_share=0.5,
        strategic_support_share=0.25,
        n_regions=10,
    )
    fig = programme_figures(net)
    assert (fig["houses"], fig["partner_ties"]) == (40, 1_200)
    assert fig["share_municipal_partner"] == 0.5
    assert fig["share_strategic_support"] == 0.25


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"wave": 2010}, "wave"),
        ({"strategic_support_share": 1.0, "municipal_share": 0.5}, "strategic_support_share"),
        ({"partner_ties": 100}, "partner_ties"),
        ({"shared_partner_rate": 1.2}, "shared_partner_rate"),
        ({"partner_type_shares": {"Kommune": 1.0}}, "partner_type_shares"),
        ({"n_houses": 0}, "n_houses"),
    ],
)
def test_bad_parameters(kwargs, match):
    with pytest.raises(AnalysisError, match=match):
        mgh_programme(**kwargs)


def test_programme_figures_by_hand():
    net = Network(
        actors=pd.DataFrame(
            {
                "id": ["h1", "h2", "h3", "k", "firm", "club"],
                "type": ["Mehrgenerationenhaus"] * 3 + ["Kommune", "Unternehmen", "Verein"],
            }
        ),
        ties=pd.DataFrame(
            {
                "source": ["h1", "h1", "firm", "h2", "h2", "h1"],
                "target": ["k", "firm", "h2", "club", "h1", "k"],
                "relation": ["cooperation"] * 5 + ["strategic_support"],
            }
        ),
    )
    fig = programme_figures(net)
    assert fig["houses"] == 3
    assert fig["partner_ties"] == 4  # the house-house tie h1-h2 is not a partner tie
    assert fig["partners_per_house"] == pytest.approx(4 / 3)
    assert fig["distinct_partners"] == 3
    assert fig["share_municipal_partner"] == pytest.approx(1 / 3)
    assert fig["share_strategic_support"] == pytest.approx(1 / 3)
    assert fig["type_share:Unternehmen"] == 0.5
    assert fig["type_share:Kommune"] == fig["type_share:Verein"] == 0.25


def test_programme_figures_errors():
    net = Network(ties=pd.DataFrame({"source": ["a"], "target": ["b"]}))
    with pytest.raises(AnalysisError, match="no actors of type"):
        programme_figures(net)
    with pytest.raises(AnalysisError, match="wave"):
        programme_figures(
            mgh_programme(seed=0, n_houses=10, partner_ties=100, partner_ties_2006=50, n_regions=3),
            wave=2006,
        )
    no_support = Network(
        actors=pd.DataFrame({"id": ["h", "k"], "type": ["Mehrgenerationenhaus", "Kommune"]}),
        ties=pd.DataFrame({"source": ["h"], "target": ["k"]}),
    )
    fig = programme_figures(no_support)
    assert fig["share_municipal_partner"] == 1.0
    assert fig["share_strategic_support"] != fig["share_strategic_support"]  # NaN


def test_own_office_tie_is_strongest_where_the_office_supports_the_house(both):
    ties = both.ties[both.ties["wave"] == 2011]
    own = ties[(ties["relation"] == "cooperation") & ties["target"].str.fullmatch(r"kom-\d+")]
    supported = set(ties.loc[ties["relation"] == "strategic_support", "target"])
    assert len(own) == 495 and len(supported) == 250
    expected = np.where(own["source"].isin(supported), 3.0, 2.0)
    assert (own["intensity"].to_numpy() == expected).all()


def test_support_since_2006_and_municipal_ties_persist_first(both):
    support = both.ties[both.ties["relation"] == "strategic_support"]
    supported = {w: set(support.loc[support["wave"] == w, "target"]) for w in (2006, 2011)}
    assert len(supported[2006]) == 150  # round(0.6 * 250)
    assert supported[2006] <= supported[2011]
    coop = both.ties[both.ties["relation"] == "cooperation"]
    pairs = {
        w: set(map(tuple, coop.loc[coop["wave"] == w, ["source", "target"]].to_numpy()))
        for w in (2006, 2011)
    }
    municipal_2011 = {(h, p) for h, p in pairs[2011] if p.startswith(("kom-", "kreis-"))}
    assert municipal_2011 and municipal_2011 <= pairs[2006]
