"""Kumu workbooks: sheets ``Elements`` and ``Connections``.

Kumu (kumu.io) exports a map to ``.xlsx`` and imports the same layout:

Elements
    ``Label`` (first column), ``Type``, ``Description``, ``Tags`` (several
    values separated by ``|``) and any custom fields; optionally ``ID``.
Connections
    ``From``, ``To``, ``Type``, ``Direction`` (``directed``, ``mutual`` or
    ``undirected``), ``Strength``, ``Label``, ``Description``, ``Tags``, …

How quartiernetz reads them:

- An element's ``Label`` is the actor's id and label; when the sheet has an
  ``ID`` column, a non-empty ID is the actor id instead, and connections may name
  an element by ID or by label. ``Type`` is the actor type; ``Description``,
  ``Tags`` (kept as text, ``|`` included) and custom fields are actor columns.
- A connection's ``Type`` is the relation, a numeric ``Strength`` the intensity
  (a ``Strength`` holding words such as "strong" is kept as the tie column
  ``strength_text``, intensity 1). Other columns are tie columns.
- ``|`` in ``From`` or ``To`` makes a connection from each element on the left to
  each on the right, as Kumu draws it; each such row is recorded.
- Names in ``From``/``To`` that are no element are created as elements, as Kumu
  does (recorded, with a warning).
- Direction: an empty or missing ``Direction`` means ``directed`` (Kumu's default).
  Directed and mutual connections give a directed network, a mutual one an arc
  each way; all ``undirected`` (or ``mutual``) give an undirected network.
  Directed and undirected rows together raise a
  :class:`~quartiernetz.exceptions.FormatError` unless ``directed`` is given.
- Sheets whose name contains ``(ignore)`` are ignored, as Kumu ignores them.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pandas as pd

from ..exceptions import FormatError, InvalidValueError
from ..i18n import Text
from ..network import Network
from ..record import Record
from ._graphs import rename_column, resolve_direction, with_reversed_rows
from .assemble import assemble, normalize_id_column
from .canonical import note_sheets
from .text import Table, find_column, find_sheet, read_xlsx_tables, try_numeric

__all__ = ["read_kumu"]

_DIRECTIONS = {
    "directed": "directed",
    "mutual": "mutual",
    "undirected": "undirected",
    "": "directed",
}


def _sheet(tables: dict[str, Table], name: str, *first_headers: tuple[str, ...]) -> Table | None:
    """The sheet called ``name``, else the first whose headers start with ``first_headers``."""
    usable = {
        k: t for k, t in tables.items() if "(ignore)" not in k.casefold() and len(t.frame.columns)
    }
    found = find_sheet(usable, name)
    if found is not None:
        return found
    for t in usable.values():
        for heads in first_headers:
            if [c.casefold() for c in t.columns[: len(heads)]] == list(heads):
                return t
    return None


def _actors(table: Table, record: Record) -> tuple[Table, dict[str, str]]:
    label_col = find_column(table, "label", required=True, purpose="Kumu's element column 'Label'")
    id_col = find_column(table, "id")
    labels = normalize_id_column(table, label_col, record)
    ids = list(labels)
    if id_col is not None:
        given = normalize_id_column(table, id_col, record)
        ids = [g or lab for g, lab in zip(given, labels, strict=True)]
        record.add(
            "info",
            Text(
                f"element ids from the column {id_col!r} (the label where empty)",
                f"Element-Ids aus der Spalte {id_col!r} (wo leer, die Bezeichnung)",
            ),
            file=table.file,
            warn=False,
        )
    rest = table.frame.drop(columns=[c for c in (label_col, id_col) if c is not None])
    frame = pd.concat(
        [pd.DataFrame({"id": ids, "label": labels}, dtype=object), rest.reset_index(drop=True)],
        axis=1,
    )
    lookup = {i: i for i in ids}
    if len(set(labels)) == len(labels):
        for i, lab in zip(ids, labels, strict=True):
            lookup.setdefault(lab, i)
    return Table(frame, table.file, table.rows), lookup


def _parts(value: object) -> list[str]:
    """The names of a From/To cell: split at ``|``; a cell without ``|`` as it is (its
    spaces and invisible characters are cleaned, and recorded, with the other ids)."""
    text = str(value)
    if "|" not in text:
        return [text]
    return [x.strip() for x in text.split("|") if x.strip()] or [""]


def _split_pipes(table: Table, src: str, tgt: str, record: Record) -> Table:
    out, rows = [], []
    frame = table.frame
    for i, rec in enumerate(frame.to_dict("records")):
        froms, tos = _parts(rec[src]), _parts(rec[tgt])
        pairs = list(itertools.product(froms, tos))
        if len(pairs) > 1:
            record.add(
                "info",
                Text(
                    f"'|' in From/To: {len(pairs)} connections from one row "
                    f"({' | '.join(froms)} -> {' | '.join(tos)})",
                    f"'|' in From/To: {len(pairs)} Verbindungen aus einer Zeile "
                    f"({' | '.join(froms)} -> {' | '.join(tos)})",
                ),
                file=table.file,
                rows=[table.row(i)],
                warn=False,
            )
        for a, b in pairs:
            out.append({**rec, src: a, tgt: b})
            rows.append(table.row(i))
    new = pd.DataFrame(out, columns=list(frame.columns), dtype=object)
    return Table(new, table.file, rows)


def _directions(table: Table, column: str | None) -> list[str]:
    if column is None:
        return ["directed"] * len(table.frame)
    kinds = []
    for i, v in enumerate(table.frame[column].tolist()):
        kind = _DIRECTIONS.get(str(v).strip().casefold())
        if kind is None:
            raise InvalidValueError(
                Text(
                    f"{str(v).strip()!r} is not a Kumu direction",
                    f"{str(v).strip()!r} ist keine Kumu-Richtung",
                ),
                file=table.file,
                row=table.row(i),
                column=column,
                expected=Text("directed, mutual or undirected", "directed, mutual oder undirected"),
            )
        kinds.append(kind)
    return kinds


def _connections(
    table: Table, lookup: dict[str, str], actors: Table, *, directed: bool | None, record: Record
) -> tuple[Table, Table, bool]:
    src = find_column(table, "from", required=True, purpose="Kumu's columns 'From' and 'To'")
    tgt = find_column(table, "to", required=True, purpose="Kumu's columns 'From' and 'To'")
    table = _split_pipes(table, src, tgt, record)
    type_col = find_column(table, "type")
    if type_col is not None:
        table = rename_column(table, type_col, "relation", record=record)
    strength = find_column(table, "strength")
    if strength is not None:
        values = [str(v).strip() for v in table.frame[strength].tolist()]
        if any(values) and try_numeric(values) is None:
            table = rename_column(table, strength, "strength_text", record=record)
            record.add(
                "info",
                Text(
                    f"the column {strength!r} holds words, not numbers: kept as "
                    "'strength_text', intensity 1",
                    f"die Spalte {strength!r} enthält Wörter, keine Zahlen: als "
                    "'strength_text' behalten, Intensität 1",
                ),
                file=table.file,
                warn=False,
            )
    dir_col = find_column(table, "direction")
    if dir_col is None:
        record.add(
            "info",
            Text(
                "no column 'Direction': connections are directed, as in Kumu",
                "keine Spalte 'Direction': Verbindungen sind gerichtet, wie in Kumu",
            ),
            file=table.file,
            warn=False,
        )
    kinds = _directions(table, dir_col)
    if dir_col is not None:
        table = Table(table.frame.drop(columns=[dir_col]), table.file, table.rows)

    # endpoints: element ids, labels, or new elements
    frame = table.frame.copy()
    new: dict[str, int] = {}
    for col in (src, tgt):
        resolved = []
        for i, name in enumerate(normalize_id_column(table, col, record)):
            if name and name not in lookup:
                lookup[name] = name
                new[name] = table.row(i)
            resolved.append(lookup.get(name, name))
        frame[col] = resolved
    table = Table(frame, table.file, table.rows)
    if new:
        record.add(
            "added",
            Text(
                "names in From/To that are no element created as elements "
                f"(as Kumu does): {', '.join(new)}",
                "Namen in From/To, die kein Element sind, als Elemente angelegt "
                f"(wie Kumu es tut): {', '.join(new)}",
            ),
            file=table.file,
            rows=sorted(set(new.values())),
            count=len(new),
            warn=bool(len(actors.frame)),  # without Elements every actor is new: no warning
        )
        extra = pd.DataFrame({"id": list(new), "label": list(new)}, dtype=object)
        frame = pd.concat([actors.frame, extra], ignore_index=True).fillna("")
        actors = Table(frame, actors.file, actors.rows + list(new.values()))
    is_directed, both = resolve_direction(
        kinds, table.rows, directed=directed, record=record, file=table.file, column=dir_col
    )
    return with_reversed_rows(table, both, src, tgt), actors, is_directed


def read_kumu(
    path: str | os.PathLike[str],
    *,
    directed: bool | None = None,
    name: str | None = None,
) -> Network:
    """Read a Kumu workbook (sheets ``Elements`` and ``Connections``).

    Parameters
    ----------
    path : path-like
        The ``.xlsx`` file.
    directed : bool, optional
        Default: from the connections' ``Direction`` (see the module documentation).
    name : str, optional
        The network's name (default: the file's stem).

    Returns
    -------
    Network

    Raises
    ------
    FormatError
        When there is neither an ``Elements`` nor a ``Connections`` sheet, or the
        directions mix directed and undirected and ``directed`` is None.
    InvalidValueError, DuplicateActorError, MissingColumnError
        Naming the sheet, row and column.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from openpyxl import Workbook
    >>> wb = Workbook(); ws = wb.active; ws.title = "Elements"
    >>> for row in [("Label", "Type"), ("QM Nord", "Quartiersmanagement"), ("AWO", "Verband")]:
    ...     ws.append(row)
    >>> ws = wb.create_sheet("Connections")
    >>> for row in [("From", "To", "Type", "Direction", "Strength"),
    ...             ("QM Nord", "AWO", "Projekt", "mutual", 3)]:
    ...     ws.append(row)
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "karte.xlsx"; wb.save(f)
    >>> net = read_kumu(f)
    >>> net.directed, net.ties[["source", "target", "relation", "intensity"]].values.tolist()
    (False, [['QM Nord', 'AWO', 'Projekt', 3.0]])
    """
    path = Path(path)
    tables = read_xlsx_tables(path)
    elements = _sheet(tables, "Elements", ("label",), ("id", "label"))
    connections = _sheet(tables, "Connections", ("from", "to"), ("id", "from", "to"))
    if elements is None and connections is None:
        raise FormatError(
            Text(
                "the workbook has no sheet 'Elements' or 'Connections' (sheets: "
                f"{', '.join(repr(s) for s in tables)})",
                "die Arbeitsmappe hat kein Blatt 'Elements' oder 'Connections' (Blätter: "
                f"{', '.join(repr(s) for s in tables)})",
            ),
            file=path.name,
            expected=Text(
                "Kumu's sheets 'Elements' (Label, Type, …) and 'Connections' (From, To, …)",
                "Kumus Blätter 'Elements' (Label, Type, …) und 'Connections' (From, To, …)",
            ),
        )
    record = Record()
    used = [
        (t, r) for t, r in ((elements, "Elements"), (connections, "Connections")) if t is not None
    ]
    note_sheets(record, path.name, tables, [t for t, _ in used], [r for _, r in used])
    if elements is not None:
        actors, lookup = _actors(elements, record)
    else:
        actors, lookup = (
            Table(
                pd.DataFrame({"id": [], "label": []}, dtype=object), f"{path.name} [Elements]", []
            ),
            {},
        )
    ties, is_directed = None, bool(directed)
    if connections is not None:
        ties, actors, is_directed = _connections(
            connections, lookup, actors, directed=directed, record=record
        )
    return assemble(
        actors,
        ties,
        None,
        directed=is_directed,
        record=record,
        name=name or path.stem,
        meta={"source": path.name, "format": "kumu"},
    )
