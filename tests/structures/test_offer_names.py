"""Name normalisation and matching of offers, committees and target groups."""

from __future__ import annotations

import pytest

from quartiernetz.structures._names import (
    display_names,
    group_names,
    name_key,
    near_matches,
    normalise,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Seniorentreff", "Senioren-Treff"),
        ("SENIORENTREFF", "senioren treff"),
        ("Migrationsberatung für Erwachsene", "Migrationsberatung fuer Erwachsene"),
        ("Migrant:innen", "Migrant*innen"),
        ("Straße", "Strasse"),
        ("Elterncafé", "Elterncafe"),
        ("Mütter-  Café", "Muetter Cafe"),
    ],
)
def test_spellings_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_normalise_keeps_words_apart() -> None:
    assert normalise("  Offener Treff (Familien)! ") == "offener treff familien"
    assert normalise(None) == ""
    assert normalise(float("nan")) == ""


def test_different_offers_differ() -> None:
    assert name_key("Seniorentreff") != name_key("Seniorensport")
    assert near_matches([name_key("Seniorentreff"), name_key("Seniorensport")], threshold=90) == []


def test_near_match_ratio_is_indel_similarity() -> None:
    # one deletion in 13 + 12 characters: 1 - 1/25 = 0.96
    [(i, j, ratio)] = near_matches(["seniorentreff", "seniorentref"], threshold=90)
    assert (i, j) == (0, 1)
    assert ratio == pytest.approx(96.0)


def test_groups_do_not_depend_on_input_order() -> None:
    keys = ["mittagstisch", "seniorentreff", "seniorentref", "deutschkurs"]
    g1 = dict(zip(keys, group_names(keys, threshold=90), strict=True))
    rev = keys[::-1]
    g2 = dict(zip(rev, group_names(rev, threshold=90), strict=True))
    assert g1 == g2
    assert g1["seniorentreff"] == g1["seniorentref"]
    assert len(set(g1.values())) == 3


def test_display_name_is_most_frequent_spelling() -> None:
    names = display_names([0, 0, 0], ["Senioren-Treff", "Seniorentreff", "Seniorentreff"])
    assert names == {0: "Seniorentreff"}
