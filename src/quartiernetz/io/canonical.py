"""The canonical tables: a folder of CSV files or an ``.xlsx`` workbook.

Folder
    ``actors.csv``, ``ties.csv`` and optionally ``affiliations.csv`` (a folder
    with ``ties.csv`` alone, or ``actors.csv`` and ``affiliations.csv``, works too).
Workbook
    sheets ``actors``, ``ties`` and optionally ``affiliations`` (names ignore case).
Ties file
    a single CSV with ``source`` and ``target`` columns; actors then come from the ties.

The writers produce exactly what the readers read back: CSV in UTF-8 with a
byte-order mark (so that Excel shows umlauts), ``,`` as separator, and text that
a spreadsheet would run as a formula prefixed with ``'`` (see
:func:`~quartiernetz.io.text.neutralize_cell`), which the readers remove again.
"""

from __future__ import annotations

import dataclasses
import os
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from ..exceptions import DataCleaningWarning, FormatError, InvalidValueError, MissingColumnError
from ..i18n import Text
from ..network import Network
from ..record import Record
from ._graphs import resolve_direction, with_reversed_rows
from .assemble import ALIASES, assemble
from .text import (
    CSV_UNSTORABLE,
    XML_UNSTORABLE,
    Table,
    find_column,
    find_sheet,
    neutralize_cell,
    read_as,
    read_csv_table,
    read_xlsx_tables,
    refuse_unstorable,
    restore_cell,
)

__all__ = ["read_folder", "read_workbook", "read_ties_file", "write_folder", "write_workbook"]


def _restored(table: Table) -> Table:
    frame = table.frame.map(lambda v: restore_cell(v) if isinstance(v, str) else v)
    frame.columns = [restore_cell(str(c)) for c in frame.columns]
    return dataclasses.replace(table, frame=frame)


def _note_encoding(record: Record, *tables: Table | None) -> None:
    for t in tables:
        if t is not None and t.encoding:
            record.add("info", read_as(t.encoding, t.sep), file=t.file, warn=False)


def _sheet_name(table: Table) -> str:
    return table.file.rsplit(" [", 1)[-1][:-1] if table.file.endswith("]") else table.file


def note_sheets(
    record: Record,
    file: str,
    sheets: dict[str, Table],
    used: list[Table],
    roles: list[str] | None = None,
) -> None:
    """Record which sheets of a workbook were read and which not; warn about hidden ones.

    A hidden sheet is read like any other (a workbook may hide the sheet it means),
    but the record says so and a :class:`~quartiernetz.exceptions.DataCleaningWarning`
    names the visible sheets that were not read, so that an old sheet left visible
    or a current one hidden by mistake does not go unnoticed. ``roles`` names what
    each used sheet was read as, where that differs from its name.
    """
    used_ids = {id(t) for t in used}
    rest = [n for n, t in sheets.items() if id(t) not in used_ids]
    for k, t in enumerate(used):
        sheet = _sheet_name(t)
        role = roles[k] if roles is not None else sheet
        as_ = "" if role.casefold() == sheet.strip().casefold() else f" as {role}"
        als = "" if not as_ else f" als {role}"
        if t.hidden:
            text = Text(
                f"read the sheet {sheet!r}{as_}, which is hidden in the workbook",
                f"das Blatt {sheet!r}{als} gelesen, das in der Arbeitsmappe ausgeblendet ist",
            )
            record.add("info", text, file=file, warn=False)
            visible = [n for n in rest if not sheets[n].hidden]
            also = (
                Text(
                    f"; visible sheets not read: {', '.join(repr(n) for n in visible)}",
                    f"; nicht gelesene sichtbare Blätter: {', '.join(repr(n) for n in visible)}",
                )
                if visible
                else Text("", "")
            )
            warnings.warn(f"{file}: {text + also}", DataCleaningWarning, stacklevel=3)
        else:
            record.add(
                "info",
                Text(f"read the sheet {sheet!r}{as_}", f"das Blatt {sheet!r}{als} gelesen"),
                file=file,
                warn=False,
            )
    if rest:
        shown = ", ".join(repr(n) + (" (hidden)" if sheets[n].hidden else "") for n in rest)
        shown_de = ", ".join(
            repr(n) + (" (ausgeblendet)" if sheets[n].hidden else "") for n in rest
        )
        record.add(
            "info",
            Text(f"sheets not read: {shown}", f"nicht gelesene Blätter: {shown_de}"),
            file=file,
            warn=False,
        )


def _find_file(folder: Path, *names: str) -> Path | None:
    lookup = {p.name.casefold(): p for p in folder.iterdir() if p.is_file()}
    for n in names:
        for ext in (".csv", ".tsv", ".txt"):
            hit = lookup.get(f"{n}{ext}".casefold())
            if hit is not None:
                return hit
    return None


#: Values of the ties' optional ``direction`` column (the writers add it for a
#: directed network, so that a folder or workbook reads back directed).
_DIRECTIONS = {
    "directed": "directed",
    "gerichtet": "directed",
    "undirected": "undirected",
    "ungerichtet": "undirected",
    "mutual": "mutual",
    "gegenseitig": "mutual",
}


def _direction(
    ties: Table | None, directed: bool | None, record: Record
) -> tuple[Table | None, bool]:
    """Whether the network is directed, from ``directed`` or the ties' ``direction`` column.

    The column (``direction``/``Richtung``: directed, undirected or mutual) is
    removed from the table; an undirected or mutual row in a directed network
    stands for an arc each way. Without the column, ``directed`` (None: False)
    decides.
    """
    col = find_column(ties, "direction", aliases=("richtung",)) if ties is not None else None
    if col is None:
        return ties, bool(directed)
    kinds = []
    for i, value in enumerate(ties.frame[col].tolist()):
        text = "" if value is None else str(value).strip()
        kind = _DIRECTIONS.get(text.casefold())
        if kind is None:
            raise InvalidValueError(
                Text(f"{text!r} is not a direction", f"{text!r} ist keine Richtung")
                if text
                else Text("the cell is empty", "die Zelle ist leer"),
                file=ties.file,
                row=ties.row(i),
                column=col,
                expected=Text(
                    "directed, undirected or mutual",
                    "directed, undirected oder mutual (gerichtet, ungerichtet, gegenseitig)",
                ),
            )
        kinds.append(kind)
    is_directed, both = resolve_direction(
        kinds, ties.rows, directed=directed, record=record, file=ties.file, column=col
    )
    ties = dataclasses.replace(ties, frame=ties.frame.drop(columns=[col]))
    src = find_column(ties, "source", aliases=ALIASES["source"])
    tgt = find_column(ties, "target", aliases=ALIASES["target"])
    if src is not None and tgt is not None:
        ties = with_reversed_rows(ties, both, src, tgt)
    return ties, is_directed


def read_folder(
    path: str | os.PathLike[str], *, directed: bool | None = None, name: str | None = None
) -> Network:
    """Read ``actors.csv``, ``ties.csv`` and ``affiliations.csv`` from a folder."""
    folder = Path(path)
    files = {k: _find_file(folder, k) for k in ("actors", "ties", "affiliations")}
    if files["ties"] is None and files["affiliations"] is None:
        found = ", ".join(sorted(p.name for p in folder.iterdir()))
        raise FormatError(
            Text(
                f"the folder holds no ties.csv or affiliations.csv (found: {found or 'nothing'})",
                "der Ordner enthält keine ties.csv oder affiliations.csv "
                f"(gefunden: {found or 'nichts'})",
            ),
            file=folder.name,
            expected=Text(
                "actors.csv and ties.csv, optionally affiliations.csv",
                "actors.csv und ties.csv, wahlweise affiliations.csv",
            ),
        )
    tables = {k: _restored(read_csv_table(p)) if p is not None else None for k, p in files.items()}
    record = Record()
    _note_encoding(record, *tables.values())
    tables["ties"], directed = _direction(tables["ties"], directed, record)
    return assemble(
        tables["actors"],
        tables["ties"],
        tables["affiliations"],
        directed=directed,
        record=record,
        name=name or folder.name,
        meta={"source": folder.name, "format": "folder"},
    )


def read_ties_file(
    path: str | os.PathLike[str], *, directed: bool | None = None, name: str | None = None
) -> Network:
    """Read a single ties CSV (``source``, ``target``, …); actors come from the ties."""
    path = Path(path)
    table = _restored(read_csv_table(path))
    record = Record()
    _note_encoding(record, table)
    table, directed = _direction(table, directed, record)
    return assemble(
        None,
        table,
        None,
        directed=directed,
        record=record,
        name=name or path.stem,
        meta={"source": path.name, "format": "ties"},
    )


def read_workbook(
    path: str | os.PathLike[str],
    *,
    directed: bool | None = None,
    name: str | None = None,
    sheets: dict[str, Table] | None = None,
) -> Network:
    """Read the sheets ``actors``, ``ties`` and ``affiliations`` of an ``.xlsx`` workbook."""
    path = Path(path)
    sheets = sheets if sheets is not None else read_xlsx_tables(path)
    found = {k: find_sheet(sheets, k) for k in ("actors", "ties", "affiliations")}
    if found["ties"] is None and found["affiliations"] is None:
        raise MissingColumnError(
            Text(
                "the workbook has no sheet 'ties' or 'affiliations' (sheets: "
                f"{', '.join(repr(s) for s in sheets)})",
                "die Arbeitsmappe hat kein Blatt 'ties' oder 'affiliations' (Blätter: "
                f"{', '.join(repr(s) for s in sheets)})",
            ),
            file=path.name,
            expected=Text(
                "sheets 'actors', 'ties' and optionally 'affiliations'",
                "Blätter 'actors', 'ties' und wahlweise 'affiliations'",
            ),
        )
    tables = {
        k: (_restored(t) if t is not None and len(t.frame.columns) else None)
        for k, t in found.items()
    }
    record = Record()
    note_sheets(record, path.name, sheets, [t for t in found.values() if t is not None])
    tables["ties"], directed = _direction(tables["ties"], directed, record)
    return assemble(
        tables["actors"],
        tables["ties"],
        tables["affiliations"],
        directed=directed,
        record=record,
        name=name or path.stem,
        meta={"source": path.name, "format": "xlsx"},
    )


def _out_frame(df: pd.DataFrame, *, index: bool = False) -> pd.DataFrame:
    out = df.reset_index() if index else df.copy()
    out.columns = [neutralize_cell(str(c)) for c in out.columns]
    for c in out.columns:
        if out[c].dtype == object or pd.api.types.is_string_dtype(out[c]):
            out[c] = out[c].map(lambda v: neutralize_cell(v) if isinstance(v, str) else v)
    return out


def _tables(net: Network) -> dict[str, pd.DataFrame]:
    ties = net.ties.assign(direction="directed") if net.directed else net.ties
    tables = {"actors": _out_frame(net.actors, index=True), "ties": _out_frame(ties)}
    if len(net.affiliations):
        tables["affiliations"] = _out_frame(net.affiliations)
    return tables


def _float_format(df: pd.DataFrame) -> pd.DataFrame:
    """Floats that are whole numbers are written without ``.0``; others exactly."""
    out = df.copy()
    for c in out.columns:
        if pd.api.types.is_float_dtype(out[c]):
            vals = out[c].to_numpy()
            out[c] = [
                ("" if np.isnan(v) else (str(int(v)) if float(v).is_integer() else repr(float(v))))
                for v in vals
            ]
    return out


def write_folder(net: Network, path: str | os.PathLike[str]) -> Path:
    """Write ``actors.csv``, ``ties.csv`` and (if any) ``affiliations.csv`` into a folder."""
    folder = Path(path)
    tables = _tables(net)
    refuse_unstorable(
        tables, CSV_UNSTORABLE, file=folder.name, what=Text("a CSV file", "eine CSV-Datei")
    )
    folder.mkdir(parents=True, exist_ok=True)
    for key, frame in tables.items():
        _float_format(frame).to_csv(
            folder / f"{key}.csv", index=False, encoding="utf-8-sig", lineterminator="\n"
        )
    return folder


def write_workbook(net: Network, path: str | os.PathLike[str]) -> Path:
    """Write the sheets ``actors``, ``ties`` and (if any) ``affiliations`` to an ``.xlsx``."""
    path = Path(path)
    tables = _tables(net)
    refuse_unstorable(
        tables,
        XML_UNSTORABLE,
        file=path.name,
        what=Text("an .xlsx workbook", "eine .xlsx-Arbeitsmappe"),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for key, frame in tables.items():
            frame.to_excel(writer, sheet_name=key, index=False)
    return path
