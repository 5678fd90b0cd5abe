"""The structures' findings in words, from their structured columns."""

from __future__ import annotations

import pytest

from quartiernetz.words import (
    competitor_basis,
    duplicate_evidence,
    duplicate_kind,
    items,
    suggestion_reason,
)


def test_items_lists_and_counts_the_rest():
    assert items(list("abcdefghij")) == "a, b, c, d, e, f, g, h, … (+2)"
    assert items(("x",)) == "x"
    assert items("not a list") == ""


@pytest.mark.parametrize(
    ("kind", "de", "en"),
    [
        ("offer", "gleiches Angebot: Kurs", "same offer: Kurs"),
        (
            "committee",
            "1 gemeinsames Mitglied; nur in A: a1; nur in B: –",
            "1 shared member; only in A: a1; only in B: –",
        ),
        ("ties", "1 gemeinsamer Partner: Kurs", "1 shared partner: Kurs"),
    ],
)
def test_duplicate_evidence(kind, de, en):
    assert (
        duplicate_evidence(kind, ["Kurs"] if kind != "committee" else ["m"], ["a1"], [], lang="de")
        == de
    )
    assert (
        duplicate_evidence(kind, ["Kurs"] if kind != "committee" else ["m"], ["a1"], [], lang="en")
        == en
    )


def test_duplicate_kind_and_basis_and_reason():
    assert duplicate_kind("committee", "de") == "Gremium"
    assert competitor_basis([], None, 0, lang="de") == ""
    assert competitor_basis([], ["Familien"], 3, lang="en") == (
        "target group: Familien; 3 competition ties among them"
    )
    assert suggestion_reason(["a", "b"], [], lang="de") == "2 gemeinsame Partner: a, b"
    with pytest.raises(ValueError, match="lang"):
        suggestion_reason([], [], lang="fr")
