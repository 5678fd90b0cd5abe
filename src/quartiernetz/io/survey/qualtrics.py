"""Qualtrics response exports (CSV).

Qualtrics writes UTF-8 with a byte-order mark, ``,`` as separator and three
header rows: the variable names (``Q5_1``), the question texts (``Frage -
Zeile``, localised) and a JSON row (``{"ImportId":"QID5_1"}``); older exports
have only the first two. Row numbers in messages count every row of the file,
so the first response is row 4. ``Finished`` is 1/0 or True/False; values are
recode numbers or choice texts depending on the export option. Responses whose
``Status`` is a survey preview, a test or spam are left out. ``IPAddress``,
``Recipient*``, ``ExternalReference`` and ``Location*`` identify participants.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import numpy as np

from ...exceptions import FormatError
from ...i18n import Text
from ..text import read_csv_table, read_text, sniff_separator
from .export import SurveyExport, column, parse_times, read_table

__all__ = ["read_qualtrics_export", "SYSTEM", "header_rows"]

SYSTEM = (
    "StartDate",
    "EndDate",
    "Status",
    "IPAddress",
    "Progress",
    "Duration (in seconds)",
    "Finished",
    "RecordedDate",
    "ResponseId",
    "RecipientLastName",
    "RecipientFirstName",
    "RecipientEmail",
    "ExternalReference",
    "LocationLatitude",
    "LocationLongitude",
    "DistributionChannel",
    "UserLanguage",
    "Q_RecaptchaScore",
    "Q_RelevantIDDuplicate",
    "Q_RelevantIDDuplicateScore",
    "Q_RelevantIDFraudScore",
    "Q_RelevantIDLastStartDate",
    "Q_TotalDuration",
    "Q_BallotBoxStuffing",
)
_IDENT = {
    "IPAddress": "IP address",
    "RecipientLastName": "name of a person",
    "RecipientFirstName": "name of a person",
    "RecipientEmail": "e-mail address",
    "ExternalReference": "access token (external data reference of the contact)",
    "LocationLatitude": "geolocation",
    "LocationLongitude": "geolocation",
}
#: Status values that are not real responses (recode numbers and texts, English/German).
_NOT_RESPONSES = {
    "1": "survey preview",
    "2": "survey test",
    "8": "spam",
    "9": "spam (preview)",
    "12": "spam (imported)",
    "17": "offline survey preview",
    "survey preview": "survey preview",
    "survey test": "survey test",
    "spam": "spam",
    "umfragevorschau": "survey preview",
    "umfragetest": "survey test",
}


def header_rows(records: list[list[str]]) -> int:
    """How many of the first records are header rows (1 to 3)."""
    for i, rec in enumerate(records[:3]):
        if rec and rec[0].strip().startswith('{"ImportId"'):
            return i + 1
    if len(records) > 1 and records[0]:
        first = [c.strip().casefold() for c in records[0]]
        second = records[1]
        if "finished" in first:
            j = first.index("finished")
            if j < len(second) and second[j].strip().casefold() not in (
                "",
                "0",
                "1",
                "true",
                "false",
            ):
                return 2
    return 1


def read_qualtrics_export(
    path: str | os.PathLike[str], *, sheet: str | None = None
) -> SurveyExport:
    """Read a Qualtrics CSV export (see the module documentation)."""
    path = Path(path)
    if path.suffix.casefold() in (".xlsx", ".xlsm"):
        table = read_table(path, sheet=sheet)
        n_header = 1
        display: dict[str, str] = {}
    else:
        text, encoding = read_text(path)
        sep = sniff_separator(text)
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
        head: list[list[str]] = []
        try:
            for rec in reader:
                if any(v.strip() for v in rec):
                    head.append(rec)
                    if len(head) == 3:
                        break
        except csv.Error as err:  # e.g. a field over the csv module's size limit
            raise FormatError(
                Text(
                    f"the file cannot be parsed as delimited text ({err})",
                    f"die Datei lässt sich nicht als Text mit Trennzeichen lesen ({err})",
                ),
                file=path.name,
                row=reader.line_num,
            ) from None
        n_header = header_rows(head)
        table = read_csv_table((text, path.name), sep=sep, header_rows=n_header)
        table.encoding = encoding
        display = {}
        if n_header >= 2:
            names = [h.strip() for h in head[0]]
            for name, shown in zip(names, head[1], strict=False):
                if name and shown.strip() and shown.strip() != name:
                    display[name] = " ".join(shown.split())
    fin = column(table, "Finished")
    finished = None
    if fin is not None:
        finished = np.array(
            [str(v).strip().casefold() in ("1", "true", "wahr") for v in table.frame[fin]],
            dtype=bool,
        )
    excluded = {}
    status = column(table, "Status")
    if status is not None:
        kinds = [_NOT_RESPONSES.get(str(v).strip().casefold()) for v in table.frame[status]]
        for kind in sorted({k for k in kinds if k}):
            excluded[kind] = np.array([k == kind for k in kinds], dtype=bool)
    ts_col = column(table, "RecordedDate") or column(table, "EndDate")
    times = parse_times(table.frame[ts_col].tolist()) if ts_col is not None else None
    system = {c for c in (column(table, s) for s in SYSTEM) if c is not None}
    ident = {c: r for h, r in _IDENT.items() if (c := column(table, h)) is not None}
    return SurveyExport(
        table=table,
        tool="qualtrics",
        display=display,
        finished=finished,
        finished_column=fin,
        excluded=excluded,
        excluded_column=status,
        timestamp=times,
        timestamp_column=ts_col if times is not None else None,
        system=system,
        identifying=ident,
        header_rows=n_header,
    )
