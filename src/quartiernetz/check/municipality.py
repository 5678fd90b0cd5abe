"""Municipal anchoring: ties to the municipality, one contact point or many, the
municipality in the steering committee (multi-generation houses: 99 %; AWO quarter
developers on the municipality)."""

from __future__ import annotations

from collections.abc import Hashable

from ..i18n import Text
from ._common import Context, Finding, not_measurable, short_list

__all__ = ["municipal_ties", "municipal_contact", "municipal_steering", "MGH_MUNICIPAL_SHARE"]

#: Share of multi-generation houses that worked with at least one municipal office
#: (Bundesprogramm Mehrgenerationenhäuser, figures for 2011).
MGH_MUNICIPAL_SHARE = 0.99

_NO_TYPES = Text(
    "actor types are not given, so municipal actors cannot be told",
    "Akteurstypen nicht angegeben, kommunale Akteure daher nicht erkennbar",
)
_NO_MUNICIPAL = Text(
    "no municipal actor (type Kommune, Stadt, Gemeinde, Verwaltung …) in the network",
    "kein kommunaler Akteur (Typ Kommune, Stadt, Gemeinde, Verwaltung …) im Netzwerk",
)


def _tied(ctx: Context) -> dict[Hashable, list[Hashable]]:
    """Non-municipal actor -> its municipal partners (cooperation graph)."""
    G = ctx.graph
    mun = ctx.municipal
    out: dict[Hashable, list[Hashable]] = {}
    for a in ctx.actors.index:
        if a in mun:
            continue
        partners = sorted((b for b in (G[a] if a in G else ()) if b in mun), key=str)
        out[a] = partners
    return out


def municipal_ties(ctx: Context) -> Finding:
    """Share of non-municipal actors with a tie to a municipal actor.

    ``value = |non-municipal actors with a municipal partner| / |non-municipal
    actors|`` (as :func:`~quartiernetz.summary` ``municipal_tie_share``), read
    against the 99 % of multi-generation houses that worked with at least one
    municipal office: strength at 99 % or more, watch below, gap at 0.
    """
    if ctx.types.empty:
        return not_measurable(_NO_TYPES)
    rule = Text(
        "99 % of the multi-generation houses worked with at least one municipal office "
        "(Bundesprogramm Mehrgenerationenhäuser, 2011) — a figure for the houses, the "
        "best-connected actors",
        "99 % der Mehrgenerationenhäuser arbeiteten mit mindestens einem kommunalen Amt "
        "(Bundesprogramm Mehrgenerationenhäuser, 2011) — eine Zahl für die Häuser, die "
        "am besten vernetzten Akteure",
    )
    if not ctx.municipal:
        return Finding(0.0, "gap", rule, _NO_MUNICIPAL, reference_value=MGH_MUNICIPAL_SHARE)
    tied = _tied(ctx)
    if not tied:
        return not_measurable(Text("every actor is municipal", "alle Akteure sind kommunal"))
    with_tie = [a for a, p in tied.items() if p]
    without = sorted((a for a, p in tied.items() if not p), key=str)
    value = len(with_tie) / len(tied)
    evidence = Text(
        "non-municipal actors with a municipal partner: {w} of {n}; municipal actors: {m}",
        "nicht-kommunale Akteure mit kommunalem Partner: {w} von {n}; kommunale Akteure: {m}",
    ).format(w=len(with_tie), n=len(tied), m=short_list(sorted(ctx.municipal, key=str)))
    if without:
        evidence = evidence + Text("; without: {a}", "; ohne: {a}").format(a=short_list(without))
    if value >= MGH_MUNICIPAL_SHARE:
        assessment = "strength"
    elif value > 0:
        assessment = "watch"
    else:
        assessment = "gap"
    return Finding(
        value,
        assessment,
        rule,
        evidence,
        reference_value=MGH_MUNICIPAL_SHARE,
        details={"without": without},
    )


def municipal_contact(ctx: Context) -> Finding:
    """Share of the municipally tied actors reached by the best-connected municipal unit.

    ``value = max_u |T ∩ N(u)| / |T|`` over the municipal units u, with T the
    non-municipal actors with a municipal partner. Strength at 100 % (one unit is
    everybody's contact), watch below (several units, none of them everybody's
    contact: the AWO's "no single contact person"), gap without municipal ties.
    """
    if ctx.types.empty:
        return not_measurable(_NO_TYPES)
    rule = Text(
        "rule (AWO: a named municipal contact for the quarter): one municipal unit that "
        "every municipally tied actor deals with (100 %)",
        "Regel (AWO: eine benannte kommunale Ansprechperson für das Quartier): eine "
        "kommunale Stelle, mit der jeder kommunal verbundene Akteur zu tun hat (100 %)",
    )
    if not ctx.municipal:
        return Finding(0.0, "gap", rule, _NO_MUNICIPAL, reference_value=1.0)
    tied = {a: p for a, p in _tied(ctx).items() if p}
    if not tied:
        return Finding(
            0.0,
            "gap",
            rule,
            Text("no actor is tied to a municipal actor", "kein Akteur mit kommunalem Partner"),
            reference_value=1.0,
        )
    reach: dict[Hashable, int] = {}
    for partners in tied.values():
        for u in partners:
            reach[u] = reach.get(u, 0) + 1
    units = sorted(reach, key=lambda u: (-reach[u], str(u)))
    best = units[0]
    value = reach[best] / len(tied)
    evidence = Text(
        "municipal units: {k}; municipally tied actors: {n}; partners per unit: {u}",
        "kommunale Stellen: {k}; kommunal verbundene Akteure: {n}; Partner je Stelle: {u}",
    ).format(k=len(units), n=len(tied), u="; ".join(f"{u} ({reach[u]})" for u in units))
    return Finding(
        value,
        "strength" if value >= 1.0 else "watch",
        rule,
        evidence,
        reference_value=1.0,
        details={"units": {u: reach[u] for u in units}, "best": best},
    )


def municipal_steering(ctx: Context) -> Finding:
    """Share of the steering committees with a municipal member.

    Steering committees are those marked in the affiliation column ``steering``,
    or, without that column, those whose name holds Steuer-, Lenkung- or
    steering. Strength when every steering committee has a municipal member,
    watch when some have, gap when none has or none exists.
    """
    if ctx.affiliations.empty:
        return not_measurable(
            Text(
                "no affiliations (committees) are recorded",
                "keine Zugehörigkeiten (Gremien) erfasst",
            )
        )
    if ctx.types.empty:
        return not_measurable(_NO_TYPES)
    rule = Text(
        "rule (AWO: the municipality a fixed member of the steering group; "
        "multi-generation houses: partners in steering): a municipal member in every "
        "steering committee (100 %)",
        "Regel (AWO: die Kommune festes Mitglied der Steuerungsgruppe; "
        "Mehrgenerationenhäuser: Partner in der Steuerung): ein kommunales Mitglied in jedem "
        "Steuerungsgremium (100 %)",
    )
    steering, how = ctx.steering()
    has_column = "steering" in ctx.affiliations.columns
    if not steering:
        if not has_column:
            return not_measurable(
                Text(
                    "no committee is marked as steering committee (affiliation column "
                    "steering) or named so",
                    "kein Gremium als Steuerungsgremium markiert (Spalte steering der "
                    "Zugehörigkeiten) oder so benannt",
                )
            )
        return Finding(
            0.0,
            "gap",
            rule,
            Text("no steering committee", "kein Steuerungsgremium"),
            reference_value=1.0,
        )
    mun = ctx.municipal
    parts = []
    with_mun = 0
    for c in steering:
        members = ctx.committees.get(c, [])
        m = [a for a in members if a in mun]
        with_mun += bool(m)
        parts.append(
            Text("{c}: municipal members {m}", "{c}: kommunale Mitglieder {m}").format(
                c=c, m=", ".join(map(str, m)) or "-"
            )
        )
    value = with_mun / len(steering)
    evidence = (
        Text("steering committees (marked): ", "Steuerungsgremien (markiert): ")
        if how == "column"
        else Text("steering committees (by name): ", "Steuerungsgremien (nach Namen): ")
    )
    for i, p in enumerate(parts):
        evidence = evidence + ("; " if i else "") + p
    assessment = "strength" if value >= 1.0 else ("watch" if value > 0 else "gap")
    return Finding(
        value, assessment, rule, evidence, reference_value=1.0, details={"steering": steering}
    )
