"""The offer map: providers per offer and target group (and area); duplicates and gaps."""

from __future__ import annotations

import networkx as nx
import pytest

from quartiernetz import Network
from quartiernetz.exceptions import AnalysisError
from quartiernetz.structures import offer_map


def test_wide_map_of_the_planted_quarter(quarter: Network) -> None:
    m = offer_map(quarter)
    assert m.columns.names == ["area", "target_group"]
    assert set(m.columns.get_level_values("area")) == {"Oststadt", "Weststadt"}
    assert m.loc["Seniorentreff", ("Weststadt", "Senioren")] == ["awo", "caritas", "diakonie"]
    assert m.loc["Seniorentreff", ("Oststadt", "Senioren")] == ["awo_ost"]
    assert m.loc["Migrationsberatung für Erwachsene", ("Weststadt", "Migrant:innen")] == [
        "caritas",
        "diakonie",
    ]
    # "Alleinerziehende" is named only by a project: a column with no provider at all
    assert all(cell == [] for cell in m[("Weststadt", "Alleinerziehende")])
    assert m.loc["Offener Treff", ("Weststadt", "Familien")] == ["mgh"]
    assert m.loc["Offener Treff", ("Weststadt", "Jugendliche")] == ["jugendzentrum"]
    assert len(m) == 13


def test_long_map_marks_duplicates_and_gaps(quarter: Network) -> None:
    m = offer_map(quarter, layout="long")
    assert list(m.columns) == [
        "offer",
        "target_group",
        "area",
        "providers",
        "n_providers",
        "status",
    ]
    dup = m[m["status"] == "duplicate"]
    assert dup[["offer", "target_group", "area"]].values.tolist() == [
        ["Migrationsberatung für Erwachsene", "Migrant:innen", "Weststadt"],
        ["Seniorentreff", "Senioren", "Weststadt"],
    ]
    assert (m.loc[m["status"] == "gap", "n_providers"] == 0).all()
    assert set(m.loc[m["target_group"] == "Alleinerziehende", "status"]) == {"gap"}
    # 13 offers x 2 areas x 9 target groups
    assert len(m) == 13 * 2 * 9


def test_without_areas(quarter: Network) -> None:
    m = offer_map(quarter, by_area=False)
    assert m.columns.name == "target_group"
    assert m.loc["Seniorentreff", "Senioren"] == ["awo", "awo_ost", "caritas", "diakonie"]


def test_unspecified_target_group_is_no_gap() -> None:
    import pandas as pd

    net = Network(
        affiliations=pd.DataFrame(
            {
                "actor": ["a", "b"],
                "item": ["Mittagstisch", "Sprachcafé"],
                "kind": "offer",
                "target_group": [None, "Migrant:innen"],
            }
        )
    )
    long = offer_map(net, layout="long")
    assert long[["offer", "target_group", "status"]].values.tolist() == [
        ["Mittagstisch", "Migrant:innen", "gap"],
        ["Mittagstisch", "(not given)", "single"],
        ["Sprachcafé", "Migrant:innen", "single"],
    ]


def test_graph_and_options_are_refused() -> None:
    with pytest.raises(AnalysisError, match="affiliations"):
        offer_map(nx.path_graph(3))
    with pytest.raises(AnalysisError, match="layout"):
        offer_map(Network(), layout="grid")  # type: ignore[arg-type]


def test_no_offers_gives_empty_map() -> None:
    assert offer_map(Network()).empty
