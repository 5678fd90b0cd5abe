"""Needs mapping and pooled resources: duplicates and gaps of the offer map, shared
rooms and resources (12 success factors no. 6; DeWaK; Gliszczynski 2017, condition 1)."""

from __future__ import annotations

from collections.abc import Hashable

from ..i18n import Text
from ..structures import offer_map
from ._common import (
    OFFER_KINDS,
    RESOURCE_KINDS,
    RESOURCE_RELATIONS,
    Context,
    Finding,
    has_part,
    not_measurable,
    short_list,
)

__all__ = ["needs_mapping", "pooled_resources", "UNSPECIFIED"]

#: The offer map's label for a target group or area not given.
UNSPECIFIED = "(not given)"


def needs_mapping(ctx: Context) -> Finding:
    """Share of the offered cells of the offer map with two or more providers.

    ``value = |cells with status duplicate| / |cells with status single or
    duplicate|`` (:func:`~quartiernetz.structures.offer_map`, long layout);
    target groups whose every cell is a gap are named. Watch when there are
    duplicates or target groups without any offer, else strength.
    """
    if ctx.affiliations_of(OFFER_KINDS).empty:
        return not_measurable(
            Text(
                "no offers (affiliation kind offer) are recorded",
                "keine Angebote (Zugehörigkeit der Art offer) erfasst",
            )
        )
    rule = Text(
        "rule (12 success factors no. 6; AWO: build no duplicate structures): no duplicate "
        "offers (0 %) and every target group served",
        "Regel (12 Erfolgsfaktoren Nr. 6; AWO: keine Doppelstrukturen aufbauen): keine "
        "doppelten Angebote (0 %) und jede Zielgruppe versorgt",
    )
    long = offer_map(ctx.net, layout="long")
    cells = long[long["status"].isin(["single", "duplicate"])]
    dup = long[long["status"] == "duplicate"]
    value = len(dup) / len(cells) if len(cells) else 0.0
    keys = ["target_group"] + (["area"] if "area" in long.columns else [])
    unserved: list[str] = []
    for key, rows in long[long["status"].notna()].groupby(keys, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        if (rows["status"] == "gap").all() and key[0] != UNSPECIFIED:
            unserved.append(" / ".join(str(k) for k in key if k != UNSPECIFIED))
    where = "area" in long.columns

    def cell(r: dict) -> str:
        place = f", {r['area']}" if where and r["area"] != UNSPECIFIED else ""
        return f"{r['offer']} ({r['target_group']}{place}): {', '.join(map(str, r['providers']))}"

    evidence = Text(
        "offered cells with two or more providers: {d} of {c}",
        "besetzte Zellen mit zwei oder mehr Anbietern: {d} von {c}",
    ).format(d=len(dup), c=len(cells))
    if len(dup):
        evidence = evidence + ": " + "; ".join(cell(r) for r in dup.to_dict("records"))
    if unserved:
        evidence = evidence + Text(
            "; target groups without any offer: {t}", "; Zielgruppen ohne Angebot: {t}"
        ).format(t=", ".join(unserved))
    return Finding(
        value,
        "watch" if len(dup) or unserved else "strength",
        rule,
        evidence,
        reference_value=0.0,
        details={
            "duplicate_cells": dup.reset_index(drop=True),
            "unserved_target_groups": unserved,
        },
    )


def pooled_resources(ctx: Context) -> Finding:
    """Share of actors who share a room or resource with another actor.

    Shared: members of an affiliation of kind ``resource`` (also ``ressource``,
    ``room``, ``raum``) that has two or more members, and both actors of a tie
    of relation ``resources``. ``value = |sharing actors| / |actors|``;
    strength when anyone shares, gap when resources are recorded but nobody
    shares; not measurable when neither is recorded.
    """
    rows = ctx.affiliations_of(RESOURCE_KINDS)
    t = ctx.ties
    mask = t["relation"].map(lambda r: has_part(r, RESOURCE_RELATIONS)) if len(t) else None
    tie_rows = t[mask] if mask is not None else t.iloc[0:0]
    if rows.empty and tie_rows.empty:
        return not_measurable(
            Text(
                "no resources are recorded (affiliation kind resource or relation resources)",
                "keine Ressourcen erfasst (Zugehörigkeit der Art resource oder Beziehung "
                "resources)",
            )
        )
    rule = Text(
        "rule (12 success factors no. 6; DeWaK: pooling of rooms and resources): actors "
        "share rooms and resources",
        "Regel (12 Erfolgsfaktoren Nr. 6; DeWaK: Bündelung von Räumen und Ressourcen): "
        "Akteure teilen Räume und Ressourcen",
    )
    sharing: set[Hashable] = set()
    parts: list[str] = []
    items: dict[str, set[Hashable]] = {}
    for actor, item in zip(rows["actor"], rows["item"].astype(str).str.strip(), strict=True):
        items.setdefault(item, set()).add(actor)
    for item, members in sorted(items.items()):
        if len(members) >= 2:
            sharing |= members
            parts.append(f"{item}: {', '.join(sorted(map(str, members)))}")
    pairs = sorted(
        {
            tuple(sorted((s, g), key=str))
            for s, g in zip(tie_rows["source"], tie_rows["target"], strict=True)
            if s != g
        },
        key=str,
    )
    for s, g in pairs:
        sharing |= {s, g}
    n = len(ctx.actors)
    value = len(sharing & set(ctx.actors.index)) / n if n else 0.0
    evidence = Text("actors sharing resources: {k}", "Akteure, die Ressourcen teilen: {k}").format(
        k=len(sharing)
    )
    if parts:
        evidence = evidence + ": " + "; ".join(parts)
    if pairs:
        evidence = (
            evidence
            + Text("; resource ties: ", "; Ressourcenbeziehungen: ")
            + short_list(f"{s}–{g}" for s, g in pairs)
        )
    return Finding(
        value,
        "strength" if sharing else "gap",
        rule,
        evidence,
        details={"sharing": sorted(sharing, key=str)},
    )
