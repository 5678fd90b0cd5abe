"""Central coordination: a coordinating actor among the catalysts, and what the
network loses without it (12 success factors no. 2; Gliszczynski 2017, condition 6)."""

from __future__ import annotations

from collections.abc import Hashable

import networkx as nx

from ..exceptions import QuartiernetzError
from ..i18n import Text
from ..roles import dependence
from ._common import COORDINATOR_TYPES, Context, Finding, not_measurable, pct, short_list, truthy

__all__ = ["coordinators", "central_coordination"]


def coordinators(ctx: Context) -> tuple[list[Hashable], str | None]:
    """The coordinating actors and how they were found.

    An actor column ``coordinator`` decides when it marks anyone (``"column"``);
    otherwise actors of a coordinating type (quarter management, volunteer
    agency, multi-generation house; ``"type"``). ``(…, None)`` when neither the
    column nor types are given.
    """
    col = ctx.column("coordinator")
    if col is not None:
        marked = [a for a, v in col.items() if truthy(v)]
        if marked:
            return sorted(marked, key=str), "column"
    if ctx.types.empty:
        return [], ("column" if col is not None else None)
    found = [a for a, t in ctx.types.items() if t.casefold() in COORDINATOR_TYPES]
    return sorted(found, key=str), "type"


def _pairs_of_others(G: nx.Graph, drop: set[Hashable]) -> int:
    """Pairs of actors outside ``drop`` that are connected in ``G``."""
    total = 0
    for comp in nx.connected_components(G):
        c = len(comp - drop)
        total += c * (c - 1) // 2
    return total


def central_coordination(ctx: Context) -> Finding:
    """Coordinators among the top catalysts, and the share of pairs that fall apart without them.

    ``value = (R - R') / R``: ``R`` the pairs of the other actors connected
    before, ``R'`` those still connected when the coordinators leave
    (:func:`~quartiernetz.roles.dependence`, ``reachable_pairs`` after).
    """
    found, how = coordinators(ctx)
    if how is None:
        return not_measurable(
            Text(
                "neither an actor column coordinator nor actor types are given",
                "weder eine Akteursspalte coordinator noch Akteurstypen angegeben",
            )
        )
    rule = Text(
        "rule (12 success factors no. 2; Gliszczynski 2017, condition 6): a coordinating "
        "actor among the {top} strongest catalysts, and no connected pairs falling apart "
        "without it (0 %)",
        "Regel (12 Erfolgsfaktoren Nr. 2; Gliszczynski 2017, Bedingung 6): ein "
        "koordinierender Akteur unter den {top} stärksten Katalysatoren, und keine "
        "verbundenen Paare, die ohne ihn zerfallen (0 %)",
    ).format(top=ctx.top)
    G = ctx.graph
    present = [a for a in found if a in G]
    if not present:
        return Finding(
            float("nan"),
            "gap",
            rule,
            Text(
                "no actor is marked as coordinator or is a quarter management, volunteer "
                "agency or multi-generation house",
                "kein Akteur ist als Koordination markiert oder ist ein "
                "Quartiersmanagement, eine Freiwilligenagentur oder ein Mehrgenerationenhaus",
            ),
            reference_value=0.0,
        )
    try:
        cat = ctx.catalysts()
    except QuartiernetzError as err:
        return not_measurable(
            Text(
                "the catalysts could not be computed: {e}", "Katalysatoren nicht berechenbar: {e}"
            ).format(e=str(err))
        )
    ranks = {a: int(cat.at[a, "rank"]) for a in present if a in cat.index}
    in_top = sorted((a for a, r in ranks.items() if r <= ctx.top), key=str)
    drop = set(present)
    before = _pairs_of_others(G, drop)
    after = int(dependence(G, present, group=None, distance=False).at["reachable_pairs", "after"])
    lost = before - after
    value = lost / before if before else 0.0
    # actors cut off from the largest piece the others keep
    H = G.subgraph([n for n in G if n not in drop])
    pieces = sorted(nx.connected_components(H), key=len, reverse=True)
    neighbourhood = {nb for a in present for nb in G[a]}
    cut = sorted((n for p in pieces[1:] for n in p if any(m in neighbourhood for m in p)), key=str)
    who = "; ".join(f"{a} (#{ranks.get(a, '-')})" for a in present)
    evidence = Text(
        "coordinators ({how}) with catalyst rank: {who}",
        "Koordination ({how_de}) mit Katalysator-Rang: {who}",
    ).format(
        how="marked" if how == "column" else "by type",
        how_de="markiert" if how == "column" else "nach Typ",
        who=who,
    )
    evidence = evidence + Text(
        "; connected pairs falling apart without them: {lost} of {before} ({p})",
        "; verbundene Paare, die ohne sie zerfallen: {lost} von {before} ({p})",
    ).format(lost=lost, before=before, p=pct(value).en)
    if cut:
        evidence = evidence + Text("; cut off: {a}", "; abgeschnitten: {a}").format(
            a=short_list(cut)
        )
    if not in_top:
        assessment = "watch"
    elif lost > 0:
        assessment = "watch"
    else:
        assessment = "strength"
    return Finding(
        value,
        assessment,
        rule,
        evidence,
        reference_value=0.0,
        details={"coordinators": present, "in_top": in_top, "cut_off": cut, "ranks": ranks},
    )
