"""Funding mix: the spheres of the funders (12 success factors no. 9: public money,
business and civic engagement)."""

from __future__ import annotations

from collections.abc import Hashable

from ..i18n import Text
from ._common import (
    FUNDING_RELATIONS,
    SPHERE_NAMES,
    SPHERES,
    Context,
    Finding,
    blau,
    fmt,
    has_part,
    not_measurable,
    short_list,
    truthy,
)

__all__ = ["funders", "funding_mix"]


def funders(ctx: Context) -> list[tuple[Hashable, Hashable | None]]:
    """``(funder, funded)`` for every funding tie, plus ``(funder, None)`` for each
    actor marked ``funder`` without a funding tie.

    Which end of a funding tie funds: the end marked in an actor column
    ``funder``; else the one public or business end when exactly one end is
    public or business (see ``sector``/``type``); else the tie's ``source``.
    """
    t = ctx.ties
    marked_col = ctx.column("funder")
    marked = {a for a, v in marked_col.items() if truthy(v)} if marked_col is not None else set()
    spheres = ctx.spheres
    out: list[tuple[Hashable, Hashable | None]] = []
    if len(t):
        mask = t["relation"].map(lambda r: has_part(r, FUNDING_RELATIONS))
        for s, g in zip(t.loc[mask, "source"], t.loc[mask, "target"], strict=True):
            if s in marked and g not in marked:
                out.append((s, g))
            elif g in marked and s not in marked:
                out.append((g, s))
            else:
                strong = [x for x in (s, g) if spheres.get(x) in ("public", "business")]
                if len(strong) == 1:
                    out.append((strong[0], g if strong[0] == s else s))
                else:
                    out.append((s, g))
    tied = {f for f, _ in out}
    out += [(a, None) for a in sorted(marked - tied, key=str)]
    return out


def funding_mix(ctx: Context) -> Finding:
    """Blau's index of the funders' spheres over the funding relationships.

    ``value = 1 - sum_k p_k^2`` with ``p_k`` the share of funding relationships
    whose funder is of sphere k (public, business, civic; funders of unknown
    sphere left out). 2/3 when all three fund equally. Strength with all three
    spheres, watch with two, gap with one.
    """
    pairs = funders(ctx)
    if not pairs:
        return not_measurable(
            Text(
                "no funding ties (relation funding) and no actor marked funder",
                "keine Förderbeziehungen (Beziehung funding) und kein Akteur als funder markiert",
            ),
            scale=(0.0, 2 / 3),
        )
    rule = Text(
        "rule (12 success factors no. 9): funding from public money, business and civic "
        "engagement, all three spheres (Blau index 0.67 when equal)",
        "Regel (12 Erfolgsfaktoren Nr. 9): Finanzierung aus öffentlichen Mitteln, "
        "Wirtschaft und bürgerschaftlichem Engagement, alle drei Sphären (Blau-Index 0,67 "
        "bei Gleichverteilung)",
    )
    spheres = ctx.spheres
    counts = dict.fromkeys(SPHERES, 0)
    who: dict[str, list[str]] = {s: [] for s in SPHERES}
    unknown: list[str] = []
    for f, _ in pairs:
        s = spheres.get(f)
        if s in counts:
            counts[s] += 1
            if str(f) not in who[s]:
                who[s].append(str(f))
        elif str(f) not in unknown:
            unknown.append(str(f))
    total = sum(counts.values())
    if not total:
        return not_measurable(
            Text(
                "the funders' spheres are unknown (actor type or column sector): {a}",
                "die Sphären der Geldgeber sind unbekannt (Akteurstyp oder Spalte sector): {a}",
            ).format(a=short_list(unknown)),
            scale=(0.0, 2 / 3),
        )
    value = blau(counts.values())
    present = [s for s in SPHERES if counts[s]]
    evidence = Text("funding relationships: {k}; ", "Förderbeziehungen: {k}; ").format(k=len(pairs))
    for i, s in enumerate(SPHERES):
        share = counts[s] / total
        evidence = (
            evidence
            + ("; " if i else "")
            + SPHERE_NAMES[s]
            + Text(" {p} ({a})", " {pd} ({a})").format(
                p=f"{100 * share:.0f} %",
                pd=f"{100 * share:.0f} %",
                a=short_list(sorted(who[s]), 5) or "-",
            )
        )
    if unknown:
        evidence = evidence + Text("; sphere unknown: {a}", "; Sphäre unbekannt: {a}").format(
            a=short_list(unknown)
        )
    assessment = {3: "strength", 2: "watch"}.get(len(present), "gap")
    return Finding(
        value,
        assessment,
        rule,
        evidence,
        reference_value=2 / 3,
        scale=(0.0, 2 / 3),
        details={"counts": counts, "unknown": unknown, "blau": fmt(value)},
        unit="index",
    )
