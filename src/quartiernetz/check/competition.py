"""Competitors in view: providers of the same offer and declared competitors who
cooperate or meet (12 success factors no. 10; AWO quarter developers on competitors)."""

from __future__ import annotations

from collections.abc import Hashable

from ..i18n import Text
from ..structures import COMPETITION_RELATIONS, competitor_clusters, duplicates
from ._common import (
    OFFER_KINDS,
    Context,
    Finding,
    has_part,
    not_measurable,
    short_list,
)

__all__ = ["competitor_pairs", "competitors_in_view"]


def competitor_pairs(ctx: Context) -> dict[tuple[Hashable, Hashable], list[str]]:
    """Pairs that offer the same to the same target group (in the same area; kind
    ``offer`` pairs of :func:`~quartiernetz.structures.duplicates`) or are tied by
    a competition tie, each with why (``"offer"``, ``"competition"``)."""
    pairs: dict[tuple[Hashable, Hashable], list[str]] = {}

    def add(a: Hashable, b: Hashable, why: str) -> None:
        key = tuple(sorted((a, b), key=str))
        reasons = pairs.setdefault(key, [])  # type: ignore[arg-type]
        if why not in reasons:
            reasons.append(why)

    if not ctx.affiliations_of(OFFER_KINDS).empty:
        dup = duplicates(ctx.net, kinds="offer")
        for a, b in zip(dup["a"], dup["b"], strict=True):
            add(a, b, "offer")
    t = ctx.ties
    if len(t):
        mask = t["relation"].map(lambda r: has_part(r, COMPETITION_RELATIONS))
        for s, g in zip(t.loc[mask, "source"], t.loc[mask, "target"], strict=True):
            if s != g:
                add(s, g, "competition")
    return dict(sorted(pairs.items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]))))


def competitors_in_view(ctx: Context) -> Finding:
    """Share of the competitor pairs that cooperate directly or share a committee.

    ``value = |pairs with a cooperation tie or a common committee| / |pairs|``;
    strength when all are in view, watch when some are, gap when none is. The
    evidence lists the pairs in view (how) and those that are not, with the
    bridges :func:`~quartiernetz.structures.competitor_clusters` names for them.
    """
    has_offers = not ctx.affiliations_of(OFFER_KINDS).empty
    has_competition = bool(
        len(ctx.ties)
        and ctx.ties["relation"].map(lambda r: has_part(r, COMPETITION_RELATIONS)).any()
    )
    if not has_offers and not has_competition:
        return not_measurable(
            Text(
                "neither offers (affiliation kind offer) nor competition ties are recorded",
                "weder Angebote (Zugehörigkeit der Art offer) noch Konkurrenzbeziehungen erfasst",
            )
        )
    rule = Text(
        "rule (12 success factors no. 10; AWO): competitors in view and cooperating, all "
        "pairs (100 %)",
        "Regel (12 Erfolgsfaktoren Nr. 10; AWO): Konkurrenten im Blick und in Kooperation, "
        "alle Paare (100 %)",
    )
    pairs = competitor_pairs(ctx)
    if not pairs:
        return Finding(
            float("nan"),
            "strength",
            rule,
            Text(
                "no two actors offer the same to the same target group, and no competition ties",
                "keine zwei Akteure mit demselben Angebot für dieselbe Zielgruppe, keine "
                "Konkurrenzbeziehungen",
            ),
            reference_value=1.0,
        )
    G = ctx.graph
    member_of: dict[Hashable, set[str]] = {}
    for c, members in ctx.committees.items():
        for a in members:
            member_of.setdefault(a, set()).add(c)
    in_view: list[tuple[tuple, Text]] = []
    apart: list[tuple] = []
    for (a, b), _why in pairs.items():
        direct = G.has_edge(a, b)
        common = sorted(member_of.get(a, set()) & member_of.get(b, set()))
        if direct or common:
            via = ", ".join(common)
            how = (
                Text("cooperation" + (", " if via else ""), "Kooperation" + (", " if via else ""))
                + via
                if direct
                else Text(via, via)
            )
            in_view.append(((a, b), how))
        else:
            apart.append((a, b))
    value = len(in_view) / len(pairs)
    evidence = Text("pairs: {k}", "Paare: {k}").format(k=len(pairs))
    if in_view:
        evidence = evidence + Text("; in view: ", "; im Blick: ")
        for i, ((a, b), how) in enumerate(in_view):
            evidence = evidence + ("; " if i else "") + f"{a}–{b} (" + how + ")"
    bridges: dict[tuple, list[Hashable]] = {}
    if apart:
        evidence = (
            evidence
            + Text(
                "; neither cooperating nor in a common committee: ",
                "; weder Kooperation noch gemeinsames Gremium: ",
            )
            + "; ".join(f"{a}–{b}" for a, b in apart)
        )
        clusters = competitor_clusters(ctx.net, seed=ctx.seed)
        for a, b in apart:
            found: list[Hashable] = []
            for members, bs in zip(clusters["members"], clusters["bridges"], strict=True):
                if a in members and b in members:
                    found += [x for x in bs if x not in found]
            if found:
                bridges[(a, b)] = found
        if bridges:
            evidence = (
                evidence
                + Text("; possible bridges: ", "; mögliche Brücken: ")
                + "; ".join(f"{a}–{b}: {short_list(bs, 3)}" for (a, b), bs in bridges.items())
            )
    assessment = "strength" if not apart else ("gap" if not in_view else "watch")
    return Finding(
        value,
        assessment,
        rule,
        evidence,
        reference_value=1.0,
        details={
            "pairs": pairs,
            "in_view": [p for p, _ in in_view],
            "apart": apart,
            "bridges": bridges,
        },
    )
