"""Step 1: which tool wrote the export, and the export opened as a :class:`~.common.SurveyContext`."""

from __future__ import annotations

import csv
import dataclasses
import io
import math
import os
from pathlib import Path
from typing import Any

from ....exceptions import FormatError
from ....i18n import Text
from ....privacy import find_personal_data
from ...text import read_xlsx_tables, sniff_separator
from ..codebook import Codebook, read_codebook
from ..export import TOOLS, TOOLS_DE, SurveyExport
from ..googleforms import read_googleforms_export
from ..limesurvey import read_limesurvey_export
from ..msforms import read_msforms_export
from ..qualtrics import read_qualtrics_export
from ..sosci import read_sosci_export
from ..wide import read_wide_export
from .common import NO_FILE, SurveyContext, as_list, as_mapping, columns_for

__all__ = ["detect_tool", "head_records", "read_export", "open_survey", "note_reading"]


def head_records(path: Path, n: int = 3) -> list[list[str]]:
    """The first ``n`` non-empty records of a text export (encoding and separator sniffed)."""
    with open(path, "rb") as fh:
        data = fh.read(65536)
    text = None
    for enc in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        text = data.decode("latin-1")
    text = text.lstrip("\ufeff")
    sep = sniff_separator(text)
    try:
        recs = list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))
    except csv.Error:
        return []
    return [r for r in recs if any(v.strip() for v in r)][:n]


def detect_tool(path: str | os.PathLike[str]) -> str:
    """The survey tool that wrote an export, from its headers.

    Returns
    -------
    str
        ``"limesurvey"`` (``submitdate``/``Datum Abgeschickt``/``Antwort ID``),
        ``"sosci"`` (``CASE`` and ``QUESTNNR``), ``"qualtrics"`` (an
        ``{"ImportId": …}`` header row, or ``ResponseId`` and ``Finished``),
        ``"googleforms"`` (first column ``Zeitstempel``/``Timestamp``),
        ``"msforms"`` (an ``.xlsx`` with ``Start time`` and ``Completion time``)
        or else ``"wide"``.

    Raises
    ------
    FormatError
        When the file does not exist.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "s.csv"
    >>> _ = p.write_text("CASE;SERIAL;QUESTNNR;KO01_01\\n1;a;base;2\\n", encoding="utf-8")
    >>> detect_tool(p)
    'sosci'
    """
    path = Path(path)
    if not path.is_file():
        raise FormatError(NO_FILE, file=str(path.name))
    if path.suffix.casefold() in (".xlsx", ".xlsm"):
        sheets = read_xlsx_tables(path)
        table = next((t for t in sheets.values() if len(t.frame.columns)), None)
        header = [c.casefold() for c in table.columns] if table is not None else []
        heads = [header]
    else:
        heads = [[c.strip().casefold() for c in r] for r in head_records(path)]
        header = heads[0] if heads else []
    names = set(header)
    if any(r and r[0].startswith('{"importid"') for r in heads[:3]):
        return "qualtrics"
    if {"responseid", "finished"} <= names or {"responseid", "recordeddate"} <= names:
        return "qualtrics"
    if {"case", "questnnr"} <= names or {"case", "serial", "finished", "lastpage"} <= names:
        return "sosci"
    if (
        names & {"submitdate", "datum abgeschickt", "date submitted", "antwort id"}
        or {"id", "lastpage", "startlanguage"} <= names
    ):
        return "limesurvey"
    if {"start time", "completion time"} <= names or {"startzeit", "fertigstellungszeit"} <= names:
        return "msforms"
    if header and header[0] in ("zeitstempel", "timestamp", "horodateur", "marca temporal"):
        return "googleforms"
    return "wide"


def read_export(path: Path, tool: str, sheet: str | None) -> SurveyExport:
    """The export read by the module of ``tool``."""
    reader = {
        "limesurvey": read_limesurvey_export,
        "sosci": read_sosci_export,
        "qualtrics": read_qualtrics_export,
        "googleforms": read_googleforms_export,
        "msforms": read_msforms_export,
    }.get(tool, read_wide_export)
    return reader(path, sheet=sheet)


def open_survey(path: Path, codebook: Any, tool: str, options: dict[str, Any]) -> SurveyContext:
    """Detect the tool (``tool="auto"``), read the export and codebook, resolve ``ignore=``.

    Raises
    ------
    FormatError
        For an unknown ``tool``.
    """
    tool = detect_tool(path) if tool == "auto" else tool
    if tool not in TOOLS:
        raise FormatError(
            Text(f"unknown survey tool {tool!r}", f"unbekanntes Befragungswerkzeug {tool!r}"),
            file=path.name,
            expected=Text(
                f"one of {', '.join(TOOLS)} or 'auto'",
                f"eines von {', '.join(TOOLS)} oder 'auto'",
            ),
        )
    export = read_export(path, tool, options.get("sheet"))
    book = read_codebook(codebook) if codebook is not None else Codebook.default(shift=export.shift)
    if not book.builtin and not book.mapping and book.factors and math.isnan(book.empty):
        # a codebook of self-assessment items only: the ties are read as without a codebook
        book = dataclasses.replace(Codebook.default(shift=export.shift), factors=book.factors)
    ctx = SurveyContext(
        path=path,
        file=export.table.file,
        tool=tool,
        export=export,
        codebook=book,
        options=options,
        questions_opt=as_mapping(options.get("questions")),
        names_opt=as_mapping(options.get("names")),
        # every column whose header or values are personal data (see quartiernetz.privacy)
        personal={f.column: f for f in find_personal_data(export.table.frame)},
    )
    # columns named (or whose question is named) in ignore=
    ctx.ignored = {
        c for k in as_list(options.get("ignore")) for c in columns_for(export, k, "ignore")
    }
    return ctx


def note_reading(ctx: SurveyContext) -> None:
    """Record how the export was read, the reader's notes and rows of separators only."""
    table = ctx.table
    sep = {";": "';'", ",": "','"}.get(table.sep or "", repr(table.sep))
    how = (
        Text(f"{table.encoding} text, separator ", f"{table.encoding}-Text, Trennzeichen ")
        + (Text("tab", "Tabulator") if table.sep == "\t" else sep)
        if table.encoding
        else Text("a workbook", "eine Arbeitsmappe")
    )
    n = len(table.frame)
    ctx.record.add(
        "info",
        Text(f"read as a {TOOLS[ctx.tool]} export (", f"gelesen als {TOOLS_DE[ctx.tool]} (")
        + how
        + Text(f", {n} response rows)", f", {n} Antwortzeilen)"),
        file=ctx.file,
        warn=False,
    )
    for note in table.notes:
        if str(note).startswith("extra header row"):
            continue
        ctx.record.add("info", note, file=ctx.file, warn=False)
    if table.skipped:
        ctx.record.add(
            "dropped",
            Text(
                "row of separators only, without any value",
                "Zeile nur aus Trennzeichen, ohne Wert",
            ),
            file=ctx.file,
            rows=table.skipped,
            warn=False,
        )
