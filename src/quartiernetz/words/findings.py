"""The structures' findings in words: duplicate evidence, competitor basis, suggestion reason.

Each function takes the structured columns of one row of
:func:`quartiernetz.structures.duplicates`, :func:`quartiernetz.structures.competitor_clusters`
or :func:`quartiernetz.structures.suggest_ties` (plain lists and numbers) and writes
the short sentence the report's CSV files hold in ``lang``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..i18n import check_lang
from .texts import TEXTS, say

__all__ = ["items", "duplicate_evidence", "duplicate_kind", "competitor_basis", "suggestion_reason"]


def _listed(values: Any) -> list[str]:
    return [str(v) for v in values] if isinstance(values, list | tuple | set) else []


def items(values: Iterable[Any] | None, limit: int = 8) -> str:
    """``values`` as a comma-separated list, the ones beyond ``limit`` counted.

    Anything that is not a list, tuple or set gives ``""``.

    Examples
    --------
    >>> items(["a", "b", "c"], limit=2)
    'a, b, … (+1)'
    >>> items(None)
    ''
    """
    shown = _listed(values)
    if len(shown) > limit:
        return ", ".join(shown[:limit]) + f", … (+{len(shown) - limit})"
    return ", ".join(shown)


def duplicate_evidence(
    kind: str, shared: Any, only_a: Any = None, only_b: Any = None, *, lang: str
) -> str:
    """What a possible duplicate structure shares (``kind``: offer, committee or ties).

    Examples
    --------
    >>> duplicate_evidence("committee", ["awo", "drk"], ["kita"], [], lang="de")
    '2 gemeinsame Mitglieder; nur in A: kita; nur in B: –'
    >>> duplicate_evidence("offer", ["Sprachkurs"], lang="en")
    'same offer: Sprachkurs'
    """
    t = TEXTS[check_lang(lang)]
    shared_list = _listed(shared)
    if kind == "committee":
        return say(
            t["ev_committee"],
            lang,
            n=len(shared_list),
            only_a=items(only_a) or "–",
            only_b=items(only_b) or "–",
        )
    if kind == "offer":
        return say(t["ev_offer"], lang, items=items(shared_list))
    return say(t["ev_ties"], lang, n=len(shared_list), items=items(shared_list))


def duplicate_kind(kind: Any, lang: str) -> Any:
    """The word for a duplicate's ``kind`` in ``lang`` (an unknown kind as it is).

    Examples
    --------
    >>> duplicate_kind("ties", "de"), duplicate_kind("other", "de")
    ('Partner', 'other')
    """
    return TEXTS[check_lang(lang)]["kind_label"].get(str(kind), kind)


def competitor_basis(
    shared_offers: Any, shared_target_groups: Any, competition_ties: Any, *, lang: str
) -> str:
    """What a competitor cluster has in common.

    Examples
    --------
    >>> competitor_basis(["Sprachkurs"], ["Familien"], 1, lang="de")
    'Angebot: Sprachkurs; Zielgruppe: Familien; 1 Konkurrenzbeziehung untereinander'
    """
    t = TEXTS[check_lang(lang)]
    parts = []
    if _listed(shared_offers):
        parts.append(say(t["basis_offers"], lang, items=items(shared_offers)))
    if _listed(shared_target_groups):
        parts.append(say(t["basis_groups"], lang, items=items(shared_target_groups)))
    n = int(competition_ties or 0)
    if n:
        parts.append(say(t["basis_competition"], lang, n=n))
    return "; ".join(parts)


def suggestion_reason(common_partners: Any, shared_target_groups: Any, *, lang: str) -> str:
    """Why a new cooperation is suggested.

    Examples
    --------
    >>> suggestion_reason(["qm-nord"], ["Familien"], lang="en")
    '1 common partner: qm-nord; both serve: Familien'
    """
    t = TEXTS[check_lang(lang)]
    partners = _listed(common_partners)
    parts = [say(t["sugg_partners"], lang, n=len(partners), items=items(partners))]
    if _listed(shared_target_groups):
        parts.append(say(t["sugg_groups"], lang, items=items(shared_target_groups)))
    return "; ".join(parts)
