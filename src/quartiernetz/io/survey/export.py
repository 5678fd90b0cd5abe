"""What a tool reader returns: the export's table and what the tool says about its rows."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ...exceptions import EmptyFileError, FormatError
from ...i18n import Text
from ..text import Table, read_csv_table, read_xlsx_tables

__all__ = ["SurveyExport", "column", "parse_times", "read_table", "TOOLS", "TOOLS_DE", "EXCLUDED"]

#: The tools read_survey knows, with their names for messages.
TOOLS = {
    "limesurvey": "LimeSurvey",
    "sosci": "SoSci Survey",
    "qualtrics": "Qualtrics",
    "googleforms": "Google Forms",
    "msforms": "Microsoft Forms",
    "wide": "wide spreadsheet",
}
#: The same in German, as "gelesen als …" and "Export aus …" read them.
TOOLS_DE = {
    "limesurvey": "LimeSurvey-Export",
    "sosci": "SoSci-Survey-Export",
    "qualtrics": "Qualtrics-Export",
    "googleforms": "Google-Forms-Export",
    "msforms": "Microsoft-Forms-Export",
    "wide": "breite Tabelle",
}
#: Why a tool's rows are no real responses (keys of SurveyExport.excluded), in both languages.
EXCLUDED = {
    "survey preview": Text("survey preview", "Umfragevorschau"),
    "survey test": Text("survey test", "Umfragetest"),
    "spam": Text("spam", "Spam"),
    "spam (preview)": Text("spam (preview)", "Spam (Vorschau)"),
    "spam (imported)": Text("spam (imported)", "Spam (importiert)"),
    "offline survey preview": Text("offline survey preview", "Offline-Umfragevorschau"),
}


@dataclass
class SurveyExport:
    """A survey export as read, before any interpretation of its answers.

    Attributes
    ----------
    table : Table
        Every value as text; ``table.rows`` are the spreadsheet rows.
    tool : str
        A key of :data:`TOOLS`.
    display : dict
        Column header -> the text the tool shows for it (Qualtrics' second
        header row); columns without one are absent.
    finished : numpy.ndarray of bool or None
        Per row: a complete response? None when the tool has no such notion.
    finished_column : str or None
        The column ``finished`` was read from.
    excluded : dict
        Reason -> boolean mask of rows to leave out whatever the options
        (Qualtrics survey previews and spam).
    excluded_column : str or None
    timestamp : pandas.Series or None
        Per row: when it was submitted (datetime64), to find the latest of
        duplicate submissions; NaT where unknown.
    timestamp_column : str or None
    system : set of str
        The tool's system variables (not questions).
    identifying : dict
        Header -> reason, for the tool's own identifying variables.
    separators : tuple of str
        What joins the options of a multi-select answer in one cell.
    shift : int
        Subtracted from numeric answer codes when no codebook is given (SoSci: 1).
    respondent : str or None
        The column that names the respondent when the user does not say
        (the first column of a wide spreadsheet).
    header_rows : int
        Rows above the data (Qualtrics: 3).
    """

    table: Table
    tool: str
    display: dict[str, str] = field(default_factory=dict)
    finished: np.ndarray | None = None
    finished_column: str | None = None
    excluded: dict[str, np.ndarray] = field(default_factory=dict)
    excluded_column: str | None = None
    timestamp: pd.Series | None = None
    timestamp_column: str | None = None
    system: set[str] = field(default_factory=set)
    identifying: dict[str, str] = field(default_factory=dict)
    separators: tuple[str, ...] = (";", "\n")
    shift: int = 0
    respondent: str | None = None
    header_rows: int = 1
    notes: list[str] = field(default_factory=list)


def column(table: Table, *names: str) -> str | None:
    """The first header of ``table`` equal to one of ``names`` (case and spaces ignored)."""
    lookup = {" ".join(c.split()).casefold(): c for c in table.columns}
    for n in names:
        hit = lookup.get(" ".join(n.split()).casefold())
        if hit is not None:
            return hit
    return None


_TIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%Y-%m-%d",
    "%d.%m.%Y",
)


def parse_times(values: list[str] | pd.Series) -> pd.Series | None:
    """Timestamps as datetime64 (NaT for empty cells); None if a format does not fit all.

    Examples
    --------
    >>> parse_times(["03.05.2026 10:09:40", ""]).tolist()
    [Timestamp('2026-05-03 10:09:40'), NaT]
    """
    raw = pd.Series([str(v).strip() for v in values], dtype=object)
    # Google Forms adds a time zone name ("2026/05/03 10:09:40 OEZ"): drop it
    raw = raw.str.replace(r"\s+[A-Za-z]{2,5}([+-]\d{1,2})?$", "", regex=True)
    raw = raw.str.replace(r"(\.\d+)?([+-]\d{2}:?\d{2}|Z)$", "", regex=True)
    nonempty = raw != ""
    if not nonempty.any():
        return None
    for fmt in _TIME_FORMATS:
        parsed = pd.to_datetime(raw.where(nonempty, None), format=fmt, errors="coerce")
        if parsed[nonempty].notna().all():
            return parsed
    return None


def read_table(
    path: str | os.PathLike[str], *, sheet: str | None = None, header_rows: int = 1
) -> Table:
    """A CSV/TSV file or one sheet of an ``.xlsx`` workbook as a :class:`Table`."""
    path = Path(path)
    if path.suffix.casefold() in (".xlsx", ".xlsm"):
        sheets = read_xlsx_tables(path)
        if sheet is not None:
            lookup = {k.strip().casefold(): v for k, v in sheets.items()}
            table = lookup.get(sheet.strip().casefold())
            if table is None:
                names = ", ".join(repr(s) for s in sheets)
                raise FormatError(
                    Text(
                        f"the workbook has no sheet {sheet!r} (sheets: {names})",
                        f"die Arbeitsmappe hat kein Blatt {sheet!r} (Blätter: {names})",
                    ),
                    file=path.name,
                    expected=Text(
                        "the name of the sheet with the responses",
                        "der Name des Blatts mit den Antworten",
                    ),
                )
        else:
            table = next((t for t in sheets.values() if len(t.frame.columns)), None)
            if table is None:
                raise EmptyFileError(
                    Text("the workbook holds no data", "die Arbeitsmappe enthält keine Daten"),
                    file=path.name,
                    expected=Text(
                        "a sheet with one row per response", "ein Blatt mit einer Zeile je Antwort"
                    ),
                )
        return table
    if path.suffix.casefold() == ".xls":
        raise FormatError(
            Text(
                "old Excel .xls files are not read",
                "alte Excel-Dateien (.xls) werden nicht gelesen",
            ),
            file=path.name,
            expected=Text(
                "an .xlsx workbook or a CSV file", "eine .xlsx-Arbeitsmappe oder eine CSV-Datei"
            ),
            hint=Text(
                "Save the file as .xlsx in Excel or LibreOffice.",
                "Die Datei in Excel oder LibreOffice als .xlsx speichern.",
            ),
        )
    return read_csv_table(path, header_rows=header_rows)
