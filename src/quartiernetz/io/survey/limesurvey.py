"""LimeSurvey response exports (CSV).

LimeSurvey writes UTF-8 with a byte-order mark, ``;`` as separator (configurable),
every value in double quotes, a NULL (a question not shown) as an unquoted empty
field, CRLF line ends and an empty line at the end. Headings are question codes
(``KOOP[SQ001]``, or ``KOOP_SQ001`` with expression-script naming) or full
question texts (``Wie eng … [AWO Ortsverein]``), in English or German
(``Antwort ID``, ``Datum Abgeschickt``, ``Letzte Seite``). A response is
unfinished when its ``submitdate`` is empty. An empty answer (``""``) and a NULL
are both missing answers.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from .export import SurveyExport, column, parse_times, read_table

__all__ = ["read_limesurvey_export", "SYSTEM"]

#: LimeSurvey's response-table variables (code and full headings, English and German).
SYSTEM = (
    "id",
    "submitdate",
    "lastpage",
    "startlanguage",
    "seed",
    "startdate",
    "datestamp",
    "interviewtime",
    "optout",
    "Response ID",
    "Date submitted",
    "Last page",
    "Start language",
    "Seed",
    "Date started",
    "Date last action",
    "Total time",
    "Antwort ID",
    "Datum Abgeschickt",
    "Letzte Seite",
    "Start-Sprache",
    "Zufallsstartwert",
    "Datum gestartet",
    "Datum letzte Aktivität",
    "Gesamtzeit",
)
_SUBMIT = ("submitdate", "Date submitted", "Datum Abgeschickt", "Datum abgeschickt")
_LAST = ("datestamp", "Date last action", "Datum letzte Aktivität")
_IDENT = {
    "token": "access token",
    "Zugangsschlüssel": "access token",
    "Token": "access token",
    "ipaddr": "IP address",
    "IP address": "IP address",
    "IP-Adresse": "IP address",
    "refurl": "referrer URL (may carry tokens)",
    "Referrer URL": "referrer URL (may carry tokens)",
    "Referrer-URL": "referrer URL (may carry tokens)",
}


def read_limesurvey_export(
    path: str | os.PathLike[str], *, sheet: str | None = None
) -> SurveyExport:
    """Read a LimeSurvey CSV export (see the module documentation)."""
    table = read_table(Path(path), sheet=sheet)
    sub = column(table, *_SUBMIT)
    finished = None
    if sub is not None:
        finished = np.array([str(v).strip() != "" for v in table.frame[sub]], dtype=bool)
    ts_col = sub if sub is not None else column(table, *_LAST)
    times = None
    if ts_col is not None:
        times = parse_times(table.frame[ts_col].tolist())
        if times is None or (sub is not None and times.isna().all()):
            times = None
        # unfinished responses have no submitdate: fall back to the last action
        last = column(table, *_LAST)
        if times is not None and last is not None and sub is not None:
            fallback = parse_times(table.frame[last].tolist())
            if fallback is not None:
                times = times.fillna(fallback)
    system = {c for c in (column(table, s) for s in SYSTEM) if c is not None}
    ident = {c: r for h, r in _IDENT.items() if (c := column(table, h)) is not None}
    return SurveyExport(
        table=table,
        tool="limesurvey",
        finished=finished,
        finished_column=sub,
        timestamp=times,
        timestamp_column=ts_col if times is not None else None,
        system=system,
        identifying=ident,
    )
