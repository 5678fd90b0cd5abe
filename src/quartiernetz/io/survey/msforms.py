"""Microsoft Forms response workbooks (``.xlsx``).

Microsoft Forms writes one sheet with ``ID, Start time, Completion time, Email,
Name`` (newer versions add ``Last modified time``; German: ``Startzeit``,
``Fertigstellungszeit``, ``E-Mail``), then one column per question headed by its
text. The options ticked in a multi-select question are joined with ``;`` in
one cell, usually with a trailing ``;``. Only submitted responses are
exported; ``Email`` and ``Name`` identify the person who answered (or read
``anonymous``).
"""

from __future__ import annotations

import os
from pathlib import Path

from .export import SurveyExport, column, parse_times, read_table

__all__ = ["read_msforms_export", "SYSTEM"]

SYSTEM = (
    "ID",
    "Start time",
    "Completion time",
    "Last modified time",
    "Startzeit",
    "Fertigstellungszeit",
    "Uhrzeit des Beginns",
    "Uhrzeit des Abschlusses",
    "Zeitpunkt der letzten Änderung",
    "Total points",
    "Quiz feedback",
    "Punkte gesamt",
)
_COMPLETION = ("Completion time", "Fertigstellungszeit", "Uhrzeit des Abschlusses")
_IDENT = {"Email": "e-mail address", "E-Mail": "e-mail address", "Name": "name of a person"}


def read_msforms_export(path: str | os.PathLike[str], *, sheet: str | None = None) -> SurveyExport:
    """Read a Microsoft Forms response workbook (see the module documentation)."""
    table = read_table(Path(path), sheet=sheet)
    ts_col = column(table, *_COMPLETION)
    times = parse_times(table.frame[ts_col].tolist()) if ts_col is not None else None
    system = {c for c in (column(table, s) for s in SYSTEM) if c is not None}
    ident = {c: r for h, r in _IDENT.items() if (c := column(table, h)) is not None}
    return SurveyExport(
        table=table,
        tool="msforms",
        timestamp=times,
        timestamp_column=ts_col if times is not None else None,
        system=system,
        identifying=ident,
        separators=(";", "\n"),
    )
