"""The structures' findings in words: duplicate evidence, competitor basis, suggestion reason.

Each renderer takes one row of :func:`quartiernetz.structures.duplicates`,
:func:`quartiernetz.structures.competitor_clusters` or
:func:`quartiernetz.structures.suggest_ties` (a dict, or a pandas Series from
``iterrows``) and writes the sentence of its column ``evidence``, ``basis`` or
``reason`` in ``lang`` from the row's structured columns. The analyses write their
English column with these functions (``lang="en"``), the report its German one, so
both languages say the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from ..i18n import check_lang
from .texts import TEXTS

__all__ = [
    "FINDING_TEXTS",
    "BASIS_KINDS",
    "listing",
    "duplicate_offer",
    "duplicate_evidence",
    "duplicate_kind",
    "competitor_basis",
    "suggestion_reason",
]

#: The words of the renderers per language. A field ``{n:ONE|MANY}`` is a count followed
#: by the singular or plural words, as in :func:`~quartiernetz.words.say`; ``measures``
#: names the similarity of a ``ties`` duplicate.
FINDING_TEXTS: dict[str, dict[str, Any]] = {
    "en": {
        "more": "{shown} and {n} more",
        "join": "; ",
        # duplicates of kind "offer": one clause per matching pair of offers
        "offer_same": 'both offer "{item}" {where}',
        "offer_pair": '{a} offers "{item_a}", {b} "{item_b}", both {where}',
        "offer_for": "for {group}",
        "offer_no_group": "(no target group given)",
        "offer_area": " in {area}",
        "offer_near": " (near-identical names, similarity {similarity} of 100)",
        # duplicates of kind "committee"
        "committee": "{n:shared member|shared members} of {size_a} and {size_b} "
        "(Jaccard {jaccard}, overlap coefficient {overlap}): {members}",
        "committee_only": "; only in {name}: {members}",
        "committee_identical": "; identical membership",
        # duplicates of kind "ties"
        "ties_type": "both {type}, ",
        "ties": "{n:shared cooperation partner|shared cooperation partners}: {partners}",
        "ties_also": "{actor} also with {partners}",
        "ties_similarity": " ({measure} {similarity})",
        "ties_tied": "; they also cooperate with each other",
        "measures": {"jaccard": "jaccard", "cosine": "cosine"},
        # competitor clusters
        "basis_offer": 'same offer "{offer}"',
        "basis_for": " for {group}",
        "basis_area": " in {area}",
        "basis_type_group": "same type {type} and target group {group}",
        "basis_type": "same type {type}",
        "basis_umbrellas_different": "different umbrellas ({umbrellas})",
        "basis_umbrellas": "umbrellas {umbrellas}",
        "basis_competition": "explicit competition ties: {pairs}",
        # suggested ties
        "reason_partners": "{n:common partner|common partners}: {partners}",
        "reason_groups": "both serve {groups}",
        "reason_same": "both offer {offers} for {group}: pool instead of duplicating",
        "reason_complementary": "complementary offers for {group}: {a} {offers_a}, {b} {offers_b}",
        "reason_competitors": "they are recorded as competitors",
    },
    "de": {
        "more": "{shown} und {n} weitere",
        "join": "; ",
        "offer_same": "beide bieten „{item}“ {where}",
        "offer_pair": "{a} bietet „{item_a}“, {b} „{item_b}“, beide {where}",
        "offer_for": "für {group}",
        "offer_no_group": "(ohne Zielgruppe)",
        "offer_area": " in {area}",
        "offer_near": " (fast gleiche Namen, Ähnlichkeit {similarity} von 100)",
        "committee": "{n:gemeinsames Mitglied|gemeinsame Mitglieder} bei {size_a} und {size_b} "
        "Mitgliedern (Jaccard {jaccard}, Überlappungskoeffizient {overlap}): {members}",
        "committee_only": "; nur in {name}: {members}",
        "committee_identical": "; gleiche Mitglieder",
        "ties_type": "beide vom Typ {type}, ",
        "ties": "{n:gemeinsamer Kooperationspartner|gemeinsame Kooperationspartner}: {partners}",
        "ties_also": "{actor} auch mit {partners}",
        "ties_similarity": " ({measure} {similarity})",
        "ties_tied": "; sie kooperieren auch miteinander",
        "measures": {"jaccard": "Jaccard", "cosine": "Kosinus"},
        "basis_offer": "gleiches Angebot „{offer}“",
        "basis_for": " für {group}",
        "basis_area": " in {area}",
        "basis_type_group": "gleicher Typ {type} und Zielgruppe {group}",
        "basis_type": "gleicher Typ {type}",
        "basis_umbrellas_different": "verschiedene Träger ({umbrellas})",
        "basis_umbrellas": "Träger {umbrellas}",
        "basis_competition": "erklärte Konkurrenz: {pairs}",
        "reason_partners": "{n:gemeinsamer Partner|gemeinsame Partner}: {partners}",
        "reason_groups": "beide arbeiten für {groups}",
        "reason_same": "beide bieten {offers} für {group}: bündeln statt doppelt anbieten",
        "reason_complementary": "ergänzende Angebote für {group}: {a} {offers_a}, {b} {offers_b}",
        "reason_competitors": "als Konkurrenten erfasst",
    },
}

#: The kinds of a competitor cluster's ``bases`` record, with the fields each holds.
BASIS_KINDS: dict[str, tuple[str, ...]] = {
    "offer": ("offer", "target_group", "area"),
    "type_and_target_group": ("type", "target_group", "area"),
    "type": ("type",),
    "umbrellas": ("umbrellas", "different"),
    "competition": ("pairs",),
}


def _words(lang: str) -> dict[str, Any]:
    return FINDING_TEXTS[check_lang(lang)]


@cache
def _forms(template: str) -> tuple[str, str]:
    """``template`` with its field ``{n:ONE|MANY}`` written out for one and for many.

    The rule of :func:`~quartiernetz.words.say`, worked out once per template: the
    duplicates of a large network fill these templates tens of thousands of times.
    """
    field = re.search(r"\{n:([^|{}]*)\|([^{}]*)\}", template)
    if field is None:
        return template, template
    start, end = template[: field.start()], template[field.end() :]
    one, many = (w.replace("#", "{n}") if "#" in w else "{n} " + w for w in field.groups())
    return start + one + end, start + many + end


def _count(template: str, n: int, **values: Any) -> str:
    """``template`` filled, in the singular where ``n`` is 1 (as :func:`say` does)."""
    one, many = _forms(template)
    return (one if n == 1 else many).format(n=n, **values)


def _decimal(value: Any, lang: str) -> str:
    """``value`` with two decimals, German decimal comma."""
    text = f"{float(value):.2f}"
    return text.replace(".", ",") if lang == "de" else text


def _field(row: Mapping[str, Any], name: str, analysis: str) -> Any:
    try:
        return row[name]
    except (KeyError, IndexError):
        raise ValueError(
            f"the row has no {name!r}; pass a row of quartiernetz.structures.{analysis}()"
        ) from None


def listing(values: Iterable[Any] | None, lang: str, *, limit: int = 6) -> str:
    """``values`` as a comma-separated list; beyond ``limit``, the rest counted.

    None gives ``""``.

    Examples
    --------
    >>> listing(["a", "b", "c"], "en", limit=2)
    'a, b and 1 more'
    >>> listing(["a", "b", "c"], "de", limit=2)
    'a, b und 1 weitere'
    """
    if values is None:
        return ""
    if not isinstance(values, list | tuple):
        values = list(values)
    if len(values) <= limit:
        return ", ".join(map(str, values))
    shown = ", ".join(map(str, values[:limit]))
    return _words(lang)["more"].format(shown=shown, n=len(values) - limit)


def duplicate_offer(a: Any, b: Any, match: Mapping[str, Any], *, lang: str) -> str:
    """One matching pair of offers of a duplicate of kind ``offer`` (a record of its ``matches``).

    ``match`` holds ``item_a``, ``item_b`` (the offers as ``a`` and ``b`` name them),
    ``target_group`` and ``area`` (text or None) and ``similarity`` (the rapidfuzz
    ratio of near-identical names, or None where the names are equal after
    normalisation).

    Examples
    --------
    >>> m = {"item_a": "Treff", "item_b": "Treff", "target_group": "Senioren",
    ...      "area": None, "similarity": None}
    >>> duplicate_offer("awo", "drk", m, lang="en")
    'both offer "Treff" for Senioren'
    >>> duplicate_offer("awo", "drk", dict(m, item_b="Treff!"), lang="de")
    'awo bietet „Treff“, drk „Treff!“, beide für Senioren'
    """
    w = _words(lang)
    group, area = match.get("target_group"), match.get("area")
    where = w["offer_for"].format(group=group) if isinstance(group, str) else w["offer_no_group"]
    if isinstance(area, str):
        where += w["offer_area"].format(area=area)
    if match["item_a"] == match["item_b"]:
        text = w["offer_same"].format(item=match["item_a"], where=where)
    else:
        text = w["offer_pair"].format(
            a=a, b=b, item_a=match["item_a"], item_b=match["item_b"], where=where
        )
    if match.get("similarity") is not None:
        text += w["offer_near"].format(similarity=f"{float(match['similarity']):.0f}")
    return text


def duplicate_evidence(row: Mapping[str, Any], *, lang: str) -> str:
    """What a possible duplicate structure shares: the column ``evidence`` in ``lang``.

    Parameters
    ----------
    row : mapping
        One row of :func:`quartiernetz.structures.duplicates`: ``a``, ``b``,
        ``kind``, ``score``, ``shared``, ``only_a``, ``only_b`` and ``details``.
    lang : {"de", "en"}

    Returns
    -------
    str
        ``offer``: one clause per matching pair of offers (:func:`duplicate_offer`);
        ``committee``: shared members, the committees' sizes, Jaccard index and
        overlap coefficient, the members of only one; ``ties``: the type both
        share, the shared partners, each one's other partners (three named), the
        similarity, and whether the two cooperate themselves.

    Examples
    --------
    >>> row = {"a": "Runder Tisch", "b": "Konferenz", "kind": "committee", "score": 0.5,
    ...        "shared": ["awo", "drk"], "only_a": ["kita"], "only_b": ["qm"],
    ...        "details": {"overlap": 2 / 3}}
    >>> duplicate_evidence(row, lang="en")
    '2 shared members of 3 and 3 (Jaccard 0.50, overlap coefficient 0.67): awo, drk; only in Runder Tisch: kita; only in Konferenz: qm'
    >>> duplicate_evidence(row, lang="de")
    '2 gemeinsame Mitglieder bei 3 und 3 Mitgliedern (Jaccard 0,50, Überlappungskoeffizient 0,67): awo, drk; nur in Runder Tisch: kita; nur in Konferenz: qm'
    """
    w = _words(lang)
    kind = _field(row, "kind", "duplicates")
    details = _field(row, "details", "duplicates")
    a, b = row["a"], row["b"]
    if kind == "offer":
        return w["join"].join(duplicate_offer(a, b, m, lang=lang) for m in details["matches"])
    shared, only_a, only_b = row["shared"], row["only_a"], row["only_b"]
    if kind == "committee":
        text = _count(
            w["committee"],
            len(shared),
            size_a=len(shared) + len(only_a),
            size_b=len(shared) + len(only_b),
            jaccard=_decimal(row["score"], lang),
            overlap=_decimal(details["overlap"], lang),
            members=listing(shared, lang),
        )
        if len(only_a):
            text += w["committee_only"].format(name=a, members=listing(only_a, lang))
        if len(only_b):
            text += w["committee_only"].format(name=b, members=listing(only_b, lang))
        if not len(only_a) and not len(only_b):
            text += w["committee_identical"]
        return text
    if kind == "ties":
        typ = details.get("type")
        text = (w["ties_type"].format(type=typ) if typ else "") + _count(
            w["ties"], len(shared), partners=listing(shared, lang)
        )
        if len(only_a):
            text += w["join"] + w["ties_also"].format(
                actor=a, partners=listing(only_a, lang, limit=3)
            )
        if len(only_b):
            text += w["join"] + w["ties_also"].format(
                actor=b, partners=listing(only_b, lang, limit=3)
            )
        measure = details["measure"]
        text += w["ties_similarity"].format(
            measure=w["measures"].get(measure, measure), similarity=_decimal(row["score"], lang)
        )
        if details.get("tied"):
            text += w["ties_tied"]
        return text
    raise ValueError(f"unknown duplicate kind {kind!r}; one of ('offer', 'committee', 'ties')")


def duplicate_kind(kind: Any, lang: str) -> Any:
    """The word for a duplicate's ``kind`` in ``lang`` (an unknown kind as it is).

    Examples
    --------
    >>> duplicate_kind("ties", "de"), duplicate_kind("other", "de")
    ('Partner', 'other')
    """
    return TEXTS[check_lang(lang)]["kind_label"].get(str(kind), kind)


def _basis(basis: Mapping[str, Any], w: dict[str, Any]) -> str:
    kind = basis.get("kind")
    if kind == "offer":
        text = w["basis_offer"].format(offer=basis["offer"])
    elif kind == "type_and_target_group":
        text = w["basis_type_group"].format(type=basis["type"], group=basis["target_group"])
    elif kind == "type":
        return w["basis_type"].format(type=basis["type"])
    elif kind == "umbrellas":
        key = "basis_umbrellas_different" if basis["different"] else "basis_umbrellas"
        return w[key].format(umbrellas=", ".join(map(str, basis["umbrellas"])))
    elif kind == "competition":
        return w["basis_competition"].format(pairs=", ".join(f"{x}–{y}" for x, y in basis["pairs"]))
    else:
        raise ValueError(f"unknown basis kind {kind!r}; one of {tuple(BASIS_KINDS)}")
    if kind == "offer" and basis.get("target_group"):
        text += w["basis_for"].format(group=basis["target_group"])
    if basis.get("area"):
        text += w["basis_area"].format(area=basis["area"])
    return text


def competitor_basis(row: Mapping[str, Any], *, lang: str) -> str:
    """What makes a competitor cluster's members competitors: the column ``basis`` in ``lang``.

    Parameters
    ----------
    row : mapping
        One row of :func:`quartiernetz.structures.competitor_clusters`; only its
        ``bases`` (a list of records, see :data:`BASIS_KINDS`) is read.
    lang : {"de", "en"}

    Examples
    --------
    >>> row = {"bases": [
    ...     {"kind": "offer", "offer": "Sprachkurs", "target_group": "Familien", "area": None},
    ...     {"kind": "umbrellas", "umbrellas": ["AWO", "DRK"], "different": True},
    ...     {"kind": "competition", "pairs": [("awo", "drk")]}]}
    >>> competitor_basis(row, lang="en")
    'same offer "Sprachkurs" for Familien; different umbrellas (AWO, DRK); explicit competition ties: awo–drk'
    >>> competitor_basis(row, lang="de")
    'gleiches Angebot „Sprachkurs“ für Familien; verschiedene Träger (AWO, DRK); erklärte Konkurrenz: awo–drk'
    """
    w = _words(lang)
    bases = _field(row, "bases", "competitor_clusters")
    return w["join"].join(_basis(b, w) for b in bases)


def suggestion_reason(row: Mapping[str, Any], *, lang: str) -> str:
    """Why a new cooperation is suggested: the column ``reason`` in ``lang``.

    Parameters
    ----------
    row : mapping
        One row of :func:`quartiernetz.structures.suggest_ties`: ``a``, ``b``,
        ``common_partners``, ``shared_target_groups``, ``group_offers`` and
        ``competition_tie``.
    lang : {"de", "en"}

    Examples
    --------
    >>> row = {"a": "awo", "b": "drk", "common_partners": ["qm-nord"],
    ...        "shared_target_groups": ["Familien"], "competition_tie": False,
    ...        "group_offers": [{"target_group": "Familien", "same": [],
    ...                          "only_a": ["Frühstück"], "only_b": ["Kurs"]}]}
    >>> suggestion_reason(row, lang="en")
    '1 common partner: qm-nord; both serve Familien; complementary offers for Familien: awo Frühstück, drk Kurs'
    >>> suggestion_reason(row, lang="de")
    '1 gemeinsamer Partner: qm-nord; beide arbeiten für Familien; ergänzende Angebote für Familien: awo Frühstück, drk Kurs'
    """
    w = _words(lang)
    a, b = row["a"], row["b"]
    partners = _field(row, "common_partners", "suggest_ties")
    groups = row["shared_target_groups"]
    parts = [_count(w["reason_partners"], len(partners), partners=listing(partners, lang))]
    if len(groups):
        parts.append(w["reason_groups"].format(groups=listing(groups, lang)))
    for offers in _field(row, "group_offers", "suggest_ties"):
        group = offers["target_group"]
        if offers["same"]:
            parts.append(w["reason_same"].format(offers=listing(offers["same"], lang), group=group))
        if offers["only_a"] and offers["only_b"]:
            parts.append(
                w["reason_complementary"].format(
                    group=group,
                    a=a,
                    b=b,
                    offers_a=listing(offers["only_a"], lang, limit=3),
                    offers_b=listing(offers["only_b"], lang, limit=3),
                )
            )
    if _field(row, "competition_tie", "suggest_ties"):
        parts.append(w["reason_competitors"])
    return w["join"].join(parts)
