"""SoSci Survey data exports (tab-separated text).

SoSci Survey writes UTF-8, tab-separated, one header row, values in double
quotes. System variables: ``CASE, SERIAL, REF, QUESTNNR, MODE, STARTED``, the
page times ``TIME001 …``, ``TIME_SUM, MAILSENT, LASTDATA, FINISHED, Q_VIEWER,
LASTPAGE, MAXPAGE, MISSING, MISSREL, TIME_RSI, DEG_TIME``. Items are named
``AB01_01``. Scales are coded 1..n (a 0–3 scale arrives as 1–4; without a
codebook the intensity is the code minus 1); checkboxes 1 = not ticked,
2 = ticked; −1, −2, −3 are residual options ("weiß nicht"), −8 faulty, −9 not
answered: all negative codes are missing answers. ``FINISHED`` is 1 for a
complete response. ``SERIAL`` (the serial number of a personal invitation) and
``REF`` (a reference passed in the link) identify participants.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import numpy as np

from .export import SurveyExport, column, parse_times, read_table

__all__ = ["read_sosci_export", "SYSTEM"]

SYSTEM = (
    "CASE",
    "SERIAL",
    "REF",
    "QUESTNNR",
    "MODE",
    "STARTED",
    "TIME_SUM",
    "MAILSENT",
    "LASTDATA",
    "FINISHED",
    "Q_VIEWER",
    "LASTPAGE",
    "MAXPAGE",
    "MISSING",
    "MISSREL",
    "TIME_RSI",
    "DEG_TIME",
)
_TIME = re.compile(r"^TIME\d{3}$", re.IGNORECASE)


def read_sosci_export(path: str | os.PathLike[str], *, sheet: str | None = None) -> SurveyExport:
    """Read a SoSci Survey data export (see the module documentation)."""
    table = read_table(Path(path), sheet=sheet)
    fin = column(table, "FINISHED")
    finished = None
    if fin is not None:
        finished = np.array(
            [str(v).strip() in ("1", "1.0", "TRUE", "True", "true") for v in table.frame[fin]],
            dtype=bool,
        )
    ts_col = column(table, "LASTDATA") or column(table, "STARTED")
    times = parse_times(table.frame[ts_col].tolist()) if ts_col is not None else None
    system = {c for c in (column(table, s) for s in SYSTEM) if c is not None}
    system |= {c for c in table.columns if _TIME.match(c)}
    ident = {
        c: r
        for h, r in (
            ("SERIAL", "access token (serial number of a personal invitation)"),
            ("REF", "access token (reference passed in the link)"),
        )
        if (c := column(table, h)) is not None
    }
    return SurveyExport(
        table=table,
        tool="sosci",
        finished=finished,
        finished_column=fin,
        timestamp=times,
        timestamp_column=ts_col if times is not None else None,
        system=system,
        identifying=ident,
        shift=1,
    )
