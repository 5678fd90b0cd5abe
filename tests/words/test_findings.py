"""The structures' findings in words, from their structured columns, in both languages."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from quartiernetz.words import (
    BASIS_KINDS,
    FINDING_TEXTS,
    competitor_basis,
    duplicate_evidence,
    duplicate_kind,
    duplicate_offer,
    listing,
    say,
    suggestion_reason,
)


def test_listing_names_six_and_counts_the_rest():
    assert listing(list("abcdefgh"), "en") == "a, b, c, d, e, f and 2 more"
    assert listing(list("abcdefgh"), "de") == "a, b, c, d, e, f und 2 weitere"
    assert listing(iter("abcd"), "en", limit=3) == "a, b, c and 1 more"
    assert listing(("x",), "de") == "x"
    assert listing(None, "en") == ""
    assert listing([1, 2], "en") == "1, 2"


def test_both_languages_have_the_same_words():
    assert set(FINDING_TEXTS["de"]) == set(FINDING_TEXTS["en"])
    assert set(FINDING_TEXTS["de"]["measures"]) == set(FINDING_TEXTS["en"]["measures"])


@pytest.mark.parametrize("lang", ["de", "en"])
def test_counted_phrases_read_as_say_writes_them(lang):
    """The renderers' counts follow the rule of ``say`` (singular for 1)."""
    counted = {k: t for k, t in FINDING_TEXTS[lang].items() if isinstance(t, str) and "{n:" in t}
    assert set(counted) == {"committee", "ties", "reason_partners"}
    for n in (1, 2, 3):
        shared = [f"m{i}" for i in range(n)]
        committee = duplicate_evidence(
            {
                "a": "A",
                "b": "B",
                "kind": "committee",
                "score": 0.5,
                "shared": shared,
                "only_a": [],
                "only_b": [],
                "details": {"overlap": 1.0},
            },
            lang=lang,
        )
        expected = say(
            counted["committee"],
            lang,
            n=n,
            size_a=n,
            size_b=n,
            jaccard="0.50" if lang == "en" else "0,50",
            overlap="1.00" if lang == "en" else "1,00",
            members=", ".join(shared),
        )
        assert committee.startswith(expected)
        reason = suggestion_reason(
            {
                "a": "x",
                "b": "y",
                "common_partners": shared,
                "shared_target_groups": [],
                "group_offers": [],
                "competition_tie": False,
            },
            lang=lang,
        )
        assert reason == say(counted["reason_partners"], lang, n=n, partners=", ".join(shared))


def test_offer_clauses():
    same = {"item_a": "Kurs", "item_b": "Kurs", "target_group": None, "area": None}
    assert duplicate_offer("a", "b", same, lang="en") == 'both offer "Kurs" (no target group given)'
    assert duplicate_offer("a", "b", same, lang="de") == "beide bieten „Kurs“ (ohne Zielgruppe)"
    near = dict(same, item_b="Kurse", target_group="Familien", area="Ost", similarity=88.9)
    assert duplicate_offer("a", "b", near, lang="en") == (
        'a offers "Kurs", b "Kurse", both for Familien in Ost '
        "(near-identical names, similarity 89 of 100)"
    )
    assert duplicate_offer("a", "b", near, lang="de") == (
        "a bietet „Kurs“, b „Kurse“, beide für Familien in Ost "
        "(fast gleiche Namen, Ähnlichkeit 89 von 100)"
    )
    row = {"a": "a", "b": "b", "kind": "offer", "details": {"matches": [near, same]}}
    assert duplicate_evidence(row, lang="en") == (
        duplicate_offer("a", "b", near, lang="en")
        + "; "
        + duplicate_offer("a", "b", same, lang="en")
    )


def test_committee_with_identical_members():
    row = {
        "a": "Runder Tisch",
        "b": "Konferenz",
        "kind": "committee",
        "score": 1.0,
        "shared": ["awo", "drk"],
        "only_a": [],
        "only_b": [],
        "details": {"overlap": 1.0},
    }
    assert duplicate_evidence(row, lang="en") == (
        "2 shared members of 2 and 2 (Jaccard 1.00, overlap coefficient 1.00): awo, drk; "
        "identical membership"
    )
    assert duplicate_evidence(row, lang="de") == (
        "2 gemeinsame Mitglieder bei 2 und 2 Mitgliedern (Jaccard 1,00, "
        "Überlappungskoeffizient 1,00): awo, drk; gleiche Mitglieder"
    )


def test_ties_in_both_languages():
    row = {
        "a": "kita1",
        "b": "kita2",
        "kind": "ties",
        "score": 0.75,
        "shared": ["p1", "p2", "p3"],
        "only_a": ["q1", "q2", "q3", "q4"],
        "only_b": [],
        "details": {"type": "Kita", "measure": "cosine", "tied": True},
    }
    assert duplicate_evidence(row, lang="en") == (
        "both Kita, 3 shared cooperation partners: p1, p2, p3; kita1 also with q1, q2, q3 "
        "and 1 more (cosine 0.75); they also cooperate with each other"
    )
    assert duplicate_evidence(row, lang="de") == (
        "beide vom Typ Kita, 3 gemeinsame Kooperationspartner: p1, p2, p3; kita1 auch mit "
        "q1, q2, q3 und 1 weitere (Kosinus 0,75); sie kooperieren auch miteinander"
    )
    untyped = dict(row, details={"type": None, "measure": "jaccard", "tied": False})
    assert duplicate_evidence(untyped, lang="en").startswith("3 shared cooperation partners")
    assert duplicate_evidence(untyped, lang="en").endswith("(jaccard 0.75)")


def test_a_series_row_reads_like_a_dict():
    row = {
        "a": "x",
        "b": "y",
        "kind": "ties",
        "score": 0.5,
        "shared": ["p"],
        "only_a": [],
        "only_b": [],
        "details": {"type": None, "measure": "jaccard", "tied": False},
    }
    series = pd.DataFrame([row]).iloc[0]
    assert duplicate_evidence(series, lang="de") == duplicate_evidence(row, lang="de")
    assert duplicate_evidence(row, lang="en") == "1 shared cooperation partner: p (jaccard 0.50)"


def test_every_basis_kind():
    bases = [
        {"kind": "offer", "offer": "Treff", "target_group": None, "area": "West"},
        {"kind": "type_and_target_group", "type": "Kita", "target_group": "Kinder", "area": None},
        {"kind": "type", "type": "Kita"},
        {"kind": "umbrellas", "umbrellas": ["AWO", "DRK"], "different": False},
        {"kind": "competition", "pairs": [("a", "b"), ("b", "c")]},
    ]
    assert [b["kind"] for b in bases] == list(BASIS_KINDS)
    assert competitor_basis({"bases": bases}, lang="en") == (
        'same offer "Treff" in West; same type Kita and target group Kinder; same type Kita; '
        "umbrellas AWO, DRK; explicit competition ties: a–b, b–c"
    )
    assert competitor_basis({"bases": bases}, lang="de") == (
        "gleiches Angebot „Treff“ in West; gleicher Typ Kita und Zielgruppe Kinder; "
        "gleicher Typ Kita; Träger AWO, DRK; erklärte Konkurrenz: a–b, b–c"
    )
    assert competitor_basis({"bases": []}, lang="de") == ""
    with pytest.raises(ValueError, match="unknown basis kind"):
        competitor_basis({"bases": [{"kind": "neighbours"}]}, lang="en")


def test_suggestion_with_pooled_offers_and_competition():
    row = {
        "a": "awo",
        "b": "drk",
        "common_partners": ["qm"],
        "shared_target_groups": ["Senioren"],
        "group_offers": [
            {"target_group": "Senioren", "same": ["Treff"], "only_a": ["Tanz"], "only_b": []}
        ],
        "competition_tie": True,
    }
    assert suggestion_reason(row, lang="en") == (
        "1 common partner: qm; both serve Senioren; both offer Treff for Senioren: "
        "pool instead of duplicating; they are recorded as competitors"
    )
    assert suggestion_reason(row, lang="de") == (
        "1 gemeinsamer Partner: qm; beide arbeiten für Senioren; beide bieten Treff für "
        "Senioren: bündeln statt doppelt anbieten; als Konkurrenten erfasst"
    )


def test_errors_name_the_problem():
    with pytest.raises(ValueError, match="lang"):
        suggestion_reason({}, lang="fr")
    with pytest.raises(ValueError, match=re.escape("no 'details'")):
        duplicate_evidence({"kind": "offer", "a": "x", "b": "y"}, lang="en")
    with pytest.raises(ValueError, match="suggest_ties"):
        suggestion_reason({"a": "x", "b": "y"}, lang="en")
    with pytest.raises(ValueError, match="unknown duplicate kind"):
        row = {"kind": "area", "a": "x", "b": "y", "details": {}}
        duplicate_evidence(dict(row, shared=[], only_a=[], only_b=[]), lang="en")


def test_duplicate_kind():
    assert duplicate_kind("committee", "de") == "Gremium"
    assert duplicate_kind("ties", "en") == "partners"
    assert duplicate_kind("other", "de") == "other"
