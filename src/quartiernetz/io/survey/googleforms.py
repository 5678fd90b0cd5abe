"""Google Forms response downloads (CSV, or the linked sheet as ``.xlsx``).

Google Forms writes UTF-8, ``,`` as separator, quotes only where needed, a
first column ``Zeitstempel``/``Timestamp`` in the locale's format
(``03.05.2026 10:09:40``), an ``E-Mail-Adresse``/``Email Address`` column when
addresses are collected, one column per grid row headed ``Frage [Zeile]``, and
the ticked options of a checkbox question joined with ``", "`` in one cell (an
option that itself contains ``", "`` is recognised from the roster's labels and
the codebook). Only submitted responses are exported.
"""

from __future__ import annotations

import os
from pathlib import Path

from .export import SurveyExport, column, parse_times, read_table

__all__ = ["read_googleforms_export", "SYSTEM", "TIMESTAMPS"]

TIMESTAMPS = (
    "Zeitstempel",
    "Timestamp",
    "Horodateur",
    "Marca temporal",
    "Informazioni cronologiche",
)
SYSTEM = (*TIMESTAMPS, "Punkte", "Score", "Gesamtpunktzahl", "Total score")
_IDENT = ("E-Mail-Adresse", "Email Address", "E-Mail", "Email", "Adresse e-mail")


def read_googleforms_export(
    path: str | os.PathLike[str], *, sheet: str | None = None
) -> SurveyExport:
    """Read a Google Forms response download (see the module documentation)."""
    table = read_table(Path(path), sheet=sheet)
    ts_col = column(table, *TIMESTAMPS)
    times = parse_times(table.frame[ts_col].tolist()) if ts_col is not None else None
    system = {c for c in (column(table, s) for s in SYSTEM) if c is not None}
    ident = {c: "e-mail address" for h in _IDENT if (c := column(table, h)) is not None}
    return SurveyExport(
        table=table,
        tool="googleforms",
        timestamp=times,
        timestamp_column=ts_col if times is not None else None,
        system=system,
        identifying=ident,
        separators=(", ", ";", "\n"),
    )
