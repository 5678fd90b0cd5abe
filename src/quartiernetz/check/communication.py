"""Fixed communication structures: committees, who sits in them, how often they meet
(Gliszczynski 2017, conditions 3 and 4; AWO: a jour fixe twice a year)."""

from __future__ import annotations

import math

from ..i18n import Text
from ._common import Context, Finding, fmt, not_measurable, per_year, short_list

__all__ = ["committee_membership", "committee_sectors", "REGULAR_PER_YEAR"]

#: Meetings per year that count as regular: the AWO quarter developers' jour fixe
#: with the municipality's decision makers twice a year.
REGULAR_PER_YEAR = 2.0

_NO_AFFILIATIONS = Text(
    "no affiliations (committees, offers) are recorded",
    "keine Zugehörigkeiten (Gremien, Angebote) erfasst",
)


def committee_membership(ctx: Context) -> Finding:
    """Share of actors in at least one committee; committees' meetings per year.

    ``value = |actors in a committee| / |actors|``. Strength when a committee
    exists and not every committee with a given frequency meets less often than
    :data:`REGULAR_PER_YEAR`; watch when all given frequencies are lower; gap
    without committees.
    """
    if ctx.affiliations.empty:
        return not_measurable(_NO_AFFILIATIONS)
    rule = Text(
        "rule (Gliszczynski 2017, condition 3; AWO: jour fixe twice a year): at least one "
        "committee meeting at least twice a year",
        "Regel (Gliszczynski 2017, Bedingung 3; AWO: Jour fixe zweimal im Jahr): mindestens "
        "ein Gremium, das mindestens zweimal im Jahr tagt",
    )
    committees = ctx.committees
    n = len(ctx.actors)
    if not committees:
        return Finding(
            0.0,
            "gap",
            rule,
            Text("no committee (kind committee) recorded", "kein Gremium (Art committee) erfasst"),
        )
    members = {a for m in committees.values() for a in m}
    value = len(members & set(ctx.actors.index)) / n if n else 0.0
    freq = {c: per_year(v) for c, v in ctx.committee_value("frequency").items()}
    known = {c: f for c, f in freq.items() if not math.isnan(f)}
    parts = []
    for c, m in committees.items():
        f = known.get(c)
        parts.append(
            Text(
                "{c} (members: {k}{f})",
                "{c} (Mitglieder: {k}{fd})",
            ).format(
                c=c,
                k=len(m),
                f="" if f is None else f", {fmt(f, 'en', 0)}/year",
                fd="" if f is None else f", {fmt(f, 'de', 0)}/Jahr",
            )
        )
    evidence = Text("committees ({k}): ", "Gremien ({k}): ").format(k=len(committees))
    for i, p in enumerate(parts):
        evidence = evidence + ("; " if i else "") + p
    outside = sorted((a for a in ctx.actors.index if a not in members), key=str)
    if outside:
        evidence = evidence + Text(
            "; in no committee ({k}): {a}", "; in keinem Gremium ({k}): {a}"
        ).format(k=len(outside), a=short_list(outside))
    if not known:
        evidence = evidence + Text(
            "; meeting frequency not given (affiliation column frequency)",
            "; Sitzungshäufigkeit nicht angegeben (Spalte frequency der Zugehörigkeiten)",
        )
    regular = [c for c, f in known.items() if f >= REGULAR_PER_YEAR]
    assessment = "watch" if known and not regular else "strength"
    return Finding(
        value,
        assessment,
        rule,
        evidence,
        details={"members": sorted(members, key=str), "outside": outside, "per_year": known},
    )


def committee_sectors(ctx: Context) -> Finding:
    """Share of actor types (sectors) with an actor in some committee.

    ``value = |types in committees| / |types|``; strength when every type is
    reached, watch when some are not, gap without committees.
    """
    if ctx.affiliations.empty:
        return not_measurable(_NO_AFFILIATIONS)
    if ctx.types.empty:
        return not_measurable(Text("actor types are not given", "Akteurstypen nicht angegeben"))
    rule = Text(
        "rule (Gliszczynski 2017, condition 3: meetings let actors reach those they do not "
        "know yet): every sector in at least one committee (100 %)",
        "Regel (Gliszczynski 2017, Bedingung 3: Treffen erreichen auch Unbekannte): jeder "
        "Bereich in mindestens einem Gremium (100 %)",
    )
    types = ctx.types
    all_types = sorted(set(types))
    committees = ctx.committees
    if not committees:
        return Finding(
            0.0,
            "gap",
            rule,
            Text("no committee (kind committee) recorded", "kein Gremium (Art committee) erfasst"),
            reference_value=1.0,
        )
    reached: set[str] = set()
    evidence = Text("", "")
    for i, (c, members) in enumerate(committees.items()):
        sectors = sorted({types[a] for a in members if a in types.index})
        reached |= set(sectors)
        evidence = evidence + ("; " if i else "") + f"{c}: {', '.join(sectors) or '-'}"
    missing = [t for t in all_types if t not in reached]
    value = len(reached & set(all_types)) / len(all_types)
    if missing:
        evidence = evidence + Text(
            "; sectors in no committee: {t}", "; Bereiche in keinem Gremium: {t}"
        ).format(t=", ".join(missing))
    return Finding(
        value,
        "strength" if not missing else "watch",
        rule,
        evidence,
        reference_value=1.0,
        details={"missing": missing, "reached": sorted(reached)},
    )
