"""Gephi spreadsheet CSVs: a nodes table and an edges table.

Gephi's Data Laboratory exports and imports two CSV files::

    nodes.csv   Id,Label,timeset,Träger,type
                awo,AWO Ortsverein,,AWO,Wohlfahrtsverband
    edges.csv   Source,Target,Type,Id,Label,timeset,Weight
                awo,qm,Undirected,0,,,2.0

How the columns are read:

Nodes
    ``Id`` is the actor id, ``Label`` the label (empty: the id). Further columns
    are actor attributes, read with quartiernetz's column names: a column
    ``type`` (or ``Typ``, ``Art``, ``Sector``) is the actor type; name another
    one with ``type_column=`` (e.g. ``"Kategorie"``). Columns without any value
    (Gephi writes an empty ``timeset``) are left out.
Edges
    ``Source`` and ``Target`` name node ids. ``Type`` (``Directed`` or
    ``Undirected``) gives the direction and is not kept as a column. ``Weight``
    is the intensity. Gephi's internal edge ``Id`` is left out. ``Label`` stays a
    tie column ``Label``; the relation comes from a column ``relation`` (or
    ``Beziehung``), or from the column named by ``relation_column=`` (e.g.
    ``"Label"``).

Direction: all rows ``Directed`` give a directed network, all ``Undirected`` an
undirected one; without a ``Type`` column the network is undirected (Gephi itself
would assume directed: pass ``directed=True`` for that). Rows that mix both raise
a :class:`~quartiernetz.exceptions.FormatError` unless ``directed`` is given:
with ``directed=True`` an undirected row counts as an arc each way, with
``directed=False`` every row is an undirected tie.

Gephi's adjacency-matrix CSV (``;A;B;C``) is read by :func:`quartiernetz.io.matrix.read_matrix`.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..exceptions import FormatError, InvalidValueError
from ..i18n import Text
from ..network import Network
from ..record import Record
from ._graphs import (
    drop_empty_columns,
    note_text_format,
    rename_column,
    resolve_direction,
    with_reversed_rows,
)
from .assemble import ALIASES, assemble
from .text import Table, find_column, read_csv_table

__all__ = ["read_gephi"]

_DIRECTIONS = {"directed": "directed", "undirected": "undirected"}


def _folder_files(folder: Path) -> tuple[Path, Path | None]:
    lookup = {p.name.casefold(): p for p in folder.iterdir() if p.is_file()}
    edges = lookup.get("edges.csv")
    if edges is None:
        found = ", ".join(sorted(p.name for p in folder.iterdir()))
        raise FormatError(
            Text(
                f"the folder holds no edges.csv (found: {found or 'nothing'})",
                f"der Ordner enthält keine edges.csv (gefunden: {found or 'nichts'})",
            ),
            file=folder.name,
            expected=Text("Gephi's nodes.csv and edges.csv", "Gephis nodes.csv und edges.csv"),
        )
    return edges, lookup.get("nodes.csv")


def _nodes_table(table: Table, *, type_column: str | None, record: Record) -> Table:
    find_column(table, "id", required=True, purpose="Gephi's node column 'Id'")
    table = drop_empty_columns(table, record=record)
    if type_column is not None:
        col = find_column(
            table,
            type_column,
            required=True,
            purpose=f"the column {type_column!r} named by type_column",
        )
        table = rename_column(table, col, "type", record=record)
        record.add(
            "info",
            Text(f"actor type from the column {col!r}", f"Akteurstyp aus der Spalte {col!r}"),
            file=table.file,
            warn=False,
        )
    return table


def _edge_kinds(table: Table, column: str) -> list[str]:
    kinds = []
    for i, v in enumerate(table.frame[column].tolist()):
        text = str(v).strip()
        kind = _DIRECTIONS.get(text.casefold())
        if kind is None:
            raise InvalidValueError(
                Text(f"{text!r} is not an edge type", f"{text!r} ist kein Kantentyp")
                if text
                else Text("the cell is empty", "die Zelle ist leer"),
                file=table.file,
                row=table.row(i),
                column=column,
                expected=Text("Directed or Undirected", "Directed oder Undirected"),
            )
        kinds.append(kind)
    return kinds


def _edges_table(
    table: Table, *, directed: bool | None, relation_column: str | None, record: Record
) -> tuple[Table, bool]:
    src = find_column(table, "source", required=True, purpose="Gephi's columns Source and Target")
    tgt = find_column(table, "target", required=True, purpose="Gephi's columns Source and Target")
    type_col = find_column(table, "type")
    if type_col is not None:
        kinds = _edge_kinds(table, type_col)
        table = Table(
            table.frame.drop(columns=[type_col]),
            table.file,
            table.rows,
            table.encoding,
            table.sep,
            table.notes,
        )
        is_directed, both = resolve_direction(
            kinds, table.rows, directed=directed, record=record, file=table.file, column=type_col
        )
    else:
        is_directed, both = bool(directed), []
        if directed is None:
            record.add(
                "info",
                Text(
                    "no column 'Type': read as undirected (Gephi would assume "
                    "directed; pass [[opt:directed=True]] for that)",
                    "keine Spalte 'Type': ungerichtet gelesen (Gephi nähme gerichtet an; "
                    "dafür [[opt:directed=True]] angeben)",
                ),
                file=table.file,
                warn=False,
            )
    id_col = find_column(table, "id")
    if id_col is not None:
        table = Table(
            table.frame.drop(columns=[id_col]),
            table.file,
            table.rows,
            table.encoding,
            table.sep,
            table.notes,
        )
        record.add(
            "info",
            Text(
                f"Gephi's edge column {id_col!r} left out",
                f"Gephis Kantenspalte {id_col!r} ausgelassen",
            ),
            file=table.file,
            warn=False,
        )
    table = drop_empty_columns(table, record=record)
    if relation_column is not None:
        col = find_column(
            table,
            relation_column,
            required=True,
            purpose=f"the column {relation_column!r} named by relation_column",
        )
        table = rename_column(table, col, "relation", record=record)
        record.add(
            "info",
            Text(f"relation from the column {col!r}", f"Beziehungsart aus der Spalte {col!r}"),
            file=table.file,
            warn=False,
        )
    elif find_column(table, "relation", aliases=ALIASES["relation"]) is None:
        record.add(
            "info",
            Text(
                "no column 'relation': every tie is cooperation "
                "(name a column with [[opt:relation_column=Label]], for example)",
                "keine Spalte 'relation': jede Beziehung ist cooperation "
                "(eine Spalte benennen, z. B. mit [[opt:relation_column=Label]])",
            ),
            file=table.file,
            warn=False,
        )
    if both:
        table = with_reversed_rows(table, both, src, tgt)
    return table, is_directed


def read_gephi(
    path: str | os.PathLike[str],
    *,
    directed: bool | None = None,
    name: str | None = None,
    nodes: str | os.PathLike[str] | None = None,
    type_column: str | None = None,
    relation_column: str | None = None,
) -> Network:
    """Read Gephi's spreadsheet CSVs (``nodes.csv`` and ``edges.csv``, or an edges file).

    Parameters
    ----------
    path : path-like
        A folder holding ``edges.csv`` and optionally ``nodes.csv``, or an edges CSV.
    directed : bool, optional
        Default: from the edges' ``Type`` (see the module documentation).
    name : str, optional
        The network's name (default: the folder's name or the file's stem).
    nodes : path-like, optional
        A nodes CSV to go with an edges file given as ``path``.
    type_column : str, optional
        The node column holding the actor type (default: ``type`` and its aliases).
    relation_column : str, optional
        The edge column holding the relation (default: ``relation`` and its aliases).

    Returns
    -------
    Network

    Raises
    ------
    FormatError
        When the edge types mix ``Directed`` and ``Undirected`` and ``directed`` is None.
    InvalidValueError, UnknownActorError, MissingColumnError
        Naming file, row and column.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "nodes.csv").write_text("Id,Label\\nqm,Quartiersmanagement\\nawo,AWO\\n")
    >>> _ = (d / "edges.csv").write_text("Source,Target,Type,Id,Weight\\nqm,awo,Directed,0,2.0\\n")
    >>> net = read_gephi(d)
    >>> net.directed, net.ties[["source", "target", "intensity"]].values.tolist()
    (True, [['qm', 'awo', 2.0]])
    """
    path = Path(path)
    if path.is_dir():
        edges_path, nodes_path = _folder_files(path)
        default_name = path.name
    else:
        edges_path, nodes_path = path, None
        default_name = path.stem
    if nodes is not None:
        nodes_path = Path(nodes)
    record = Record()
    edges_table = read_csv_table(edges_path)
    note_text_format(record, edges_table)
    nodes_table = None
    if nodes_path is not None:
        nodes_table = read_csv_table(nodes_path)
        note_text_format(record, nodes_table)
        nodes_table = _nodes_table(nodes_table, type_column=type_column, record=record)
    elif type_column is not None:
        raise FormatError(
            Text(
                "[[opt:type_column]] is given but there is no nodes table",
                "[[opt:type_column]] ist angegeben, aber es gibt keine Knotentabelle",
            ),
            file=edges_path.name,
            expected=Text(
                "a nodes.csv (pass [[opt:nodes]])", "eine nodes.csv ([[opt:nodes]] angeben)"
            ),
        )
    ties, is_directed = _edges_table(
        edges_table, directed=directed, relation_column=relation_column, record=record
    )
    return assemble(
        nodes_table,
        ties,
        None,
        directed=is_directed,
        record=record,
        name=name or default_name,
        meta={"source": path.name, "format": "gephi", "encoding": edges_table.encoding},
    )
