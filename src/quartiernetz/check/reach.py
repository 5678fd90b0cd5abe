"""Reach beyond the quarter and the channels of exchange (12 success factors no. 3:
network in person, online and across regions)."""

from __future__ import annotations

from ..i18n import Text
from ._common import Context, Finding, given, not_measurable, pct, short_list

__all__ = ["reach_beyond_quarter", "online_offline", "CHANNEL_WORDS"]

#: Words of a tie column ``channel`` (case ignored) and the channels they mean.
CHANNEL_WORDS = {
    "online": {"online"},
    "digital": {"online"},
    "video": {"online"},
    "e-mail": {"online"},
    "email": {"online"},
    "offline": {"offline"},
    "in person": {"offline"},
    "persönlich": {"offline"},
    "präsenz": {"offline"},
    "face-to-face": {"offline"},
    "both": {"online", "offline"},
    "beides": {"online", "offline"},
    "hybrid": {"online", "offline"},
}


def reach_beyond_quarter(ctx: Context) -> Finding:
    """Share of the cooperation ties with an actor outside the quarter.

    An actor is outside when its ``area`` is given and differs from the
    quarter's (the ``quarter`` option, ``net.meta['quarter']`` or the most
    frequent area). ``value = |ties with an outside actor| / |ties|``. Strength
    with at least one such tie, watch without.
    """
    area = ctx.column("area")
    if area is None:
        return not_measurable(
            Text(
                "the actors' area is not given (actor column area)",
                "das Gebiet der Akteure ist nicht angegeben (Akteursspalte area)",
            )
        )
    rule = Text(
        "rule (12 success factors no. 3): networking across regions, at least one tie "
        "beyond the quarter",
        "Regel (12 Erfolgsfaktoren Nr. 3): Vernetzung über die Region hinaus, mindestens "
        "eine Beziehung über das Quartier hinaus",
    )
    quarter = (ctx.quarter or "").casefold()
    known = {a: str(v).strip() for a, v in area.items() if given(v)}
    outside = {a for a, v in known.items() if v.casefold() != quarter}
    unknown = sorted((a for a in ctx.actors.index if a not in known), key=str)
    G = ctx.graph
    edges = list(G.edges())
    across = [(u, v) for u, v in edges if u in outside or v in outside]
    value = len(across) / len(edges) if edges else 0.0
    evidence = Text(
        "quarter {q}; actors outside: {k} ({a}); ties reaching them: {t} of {m}",
        "Quartier {q}; Akteure außerhalb: {k} ({a}); Beziehungen zu ihnen: {t} von {m}",
    ).format(
        q=ctx.quarter,
        k=len(outside),
        a=short_list(sorted(outside, key=str)) or "-",
        t=len(across),
        m=len(edges),
    )
    if unknown:
        evidence = evidence + Text(
            "; area not given for {k}: {a}", "; Gebiet nicht angegeben für {k}: {a}"
        ).format(k=len(unknown), a=short_list(unknown))
    return Finding(
        value,
        "strength" if across else "watch",
        rule,
        evidence,
        details={"outside": sorted(outside, key=str), "unknown": unknown},
    )


def online_offline(ctx: Context) -> Finding:
    """Share of the ties with an online channel (tie column ``channel``).

    ``value = |ties online or both| / |ties with a channel given|``. Strength
    when both channels are used, watch when only one is.
    """
    t = ctx.ties
    if "channel" not in t.columns or not t["channel"].map(given).any():
        return not_measurable(
            Text(
                "the ties' channel is not given (tie column channel)",
                "der Kanal der Beziehungen ist nicht angegeben (Spalte channel der Beziehungen)",
            )
        )
    rule = Text(
        "rule (12 success factors no. 3 and the session's list: combine online and "
        "offline): both channels in use",
        "Regel (12 Erfolgsfaktoren Nr. 3 und Liste der Session: online und offline "
        "verbinden): beide Kanäle in Gebrauch",
    )
    channels = [
        CHANNEL_WORDS.get(str(c).strip().casefold(), set()) for c in t["channel"] if given(c)
    ]
    read = [c for c in channels if c]
    if not read:
        return not_measurable(
            Text(
                "channel values not recognised (online, offline, both)",
                "Werte der Spalte channel nicht erkannt (online, offline, beides)",
            )
        )
    online = sum("online" in c for c in read)
    offline = sum("offline" in c for c in read)
    value = online / len(read)
    evidence = Text(
        "ties with a channel: {n}; online {on}, in person {off} (both count twice)",
        "Beziehungen mit Kanal: {n}; online {on}, persönlich {off} (beides zählt doppelt)",
    ).format(n=len(read), on=online, off=offline)
    return Finding(
        value,
        "strength" if online and offline else "watch",
        rule,
        evidence,
        details={"online": online, "offline": offline, "share": pct(value).en},
    )
