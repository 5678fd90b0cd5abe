"""From parsed network files to the tables :func:`~quartiernetz.io.assemble.assemble` takes.

The network-file readers (Gephi, Kumu, Pajek, UCINET DL, adjacency matrices,
GraphML, GEXF, GML) parse their own syntax and then share these steps:

- :func:`make_table` turns parsed records into a :class:`~quartiernetz.io.text.Table`
  of text with the file's row or line numbers, so that every error and record entry
  points into the file;
- :func:`split_tokens` splits a line of a free-format file (Pajek, DL) into words,
  keeping ``"quoted labels"`` together;
- :func:`resolve_direction` decides directedness from per-row kinds (Gephi ``Type``,
  Kumu ``Direction``, Pajek ``*Arcs``/``*Edges``);
- :func:`one_mode_ties` and :func:`two_mode_affiliations` turn matrix cells or
  edge-list entries into tie or affiliation records (matrix CSV, DL);
- :func:`graph_tables` and :func:`network_from_graph` turn a networkx graph read
  from GraphML, GEXF or GML into actor and tie tables and a network;
- :func:`note_text_format`, :func:`rename_column`, :func:`drop_empty_columns` and
  :func:`with_reversed_rows` adjust tables read from spreadsheets (Gephi, Kumu).
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from ..exceptions import FormatError, MatrixError
from ..i18n import Text
from ..network import Network
from ..record import Record
from .assemble import assemble
from .text import Table, read_as

__all__ = [
    "cell_text",
    "make_table",
    "split_tokens",
    "Entry",
    "resolve_direction",
    "check_unique_labels",
    "one_mode_ties",
    "two_mode_affiliations",
    "graph_tables",
    "network_from_graph",
    "note_text_format",
    "rename_column",
    "drop_empty_columns",
    "with_reversed_rows",
    "TIE_HEADER",
]

_STATED_DE = {"directed": "gerichtet", "undirected": "ungerichtet"}
_WHAT_DE = {"matrix": "die Matrix", "edge list": "die Kantenliste", "list": "die Liste"}

#: The columns of tie tables built from entries.
TIE_HEADER = ("source", "target", "relation", "intensity")

# node attributes that name a node when the node ids are generated (n0, n1, … or 0, 1, …)
_NAME_ATTRIBUTES = ("name", "Name", "label", "Label", "vertexnames", "vertex.names")
_GENERATED_ID = re.compile(r"^n?\d+$")


def cell_text(value: object) -> str:
    """A value as the text a :class:`Table` holds; missing values become ``""``.

    Floats keep their decimal point (``5.0``), so that a column of floats stays
    a column of floats when :func:`~quartiernetz.io.text.try_numeric` reads it back.

    Examples
    --------
    >>> cell_text(2), cell_text(2.0), cell_text(float("nan")), cell_text(None), cell_text("AWO")
    ('2', '2.0', '', '', 'AWO')
    """
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        return "" if math.isnan(value) else repr(value)
    return str(value)


def make_table(
    columns: Sequence[str],
    records: Iterable[Sequence[object]],
    rows: Sequence[int],
    file: str,
    *,
    encoding: str | None = None,
) -> Table:
    """A :class:`Table` of text from parsed records and their row (or line) numbers.

    Examples
    --------
    >>> t = make_table(["source", "target"], [("a", "b"), ("b", "c")], [3, 4], "x.net")
    >>> t.frame.to_dict("list"), t.rows
    ({'source': ['a', 'b'], 'target': ['b', 'c']}, [3, 4])
    """
    data = [[cell_text(v) for v in rec] for rec in records]
    frame = pd.DataFrame(data, columns=list(columns), dtype=object)
    if not len(data):
        frame = pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    return Table(frame=frame, file=file, rows=[int(r) for r in rows], encoding=encoding)


def split_tokens(text: str, *, separators: str = "") -> list[str]:
    """Split ``text`` at white space (and ``separators``), keeping ``"quoted parts"`` whole.

    Examples
    --------
    >>> split_tokens('1 "AWO Herten e.V." 0.1 0.2')
    ['1', 'AWO Herten e.V.', '0.1', '0.2']
    >>> split_tokens('a,b, "c d"', separators=",")
    ['a', 'b', 'c d']
    """
    seps = re.escape(separators)
    pattern = re.compile(rf'"([^"]*)"|([^\s"{seps}]+)')
    return [m.group(1) if m.group(1) is not None else m.group(2) for m in pattern.finditer(text)]


def resolve_direction(
    kinds: Sequence[str],
    rows: Sequence[int],
    *,
    directed: bool | None,
    record: Record,
    file: str,
    column: str | None,
    default: str = "undirected",
) -> tuple[bool, list[bool]]:
    """Decide whether a network is directed from the direction of each tie row.

    Parameters
    ----------
    kinds : sequence of {"directed", "undirected", "mutual"}
        The direction each row states (Gephi ``Type``, Kumu ``Direction``, Pajek
        section). ``mutual`` (Kumu) is an arc each way.
    rows : sequence of int
        The rows' numbers, for messages.
    directed : bool or None
        The user's choice; None decides from ``kinds``.
    default : str
        The direction when ``kinds`` is empty.

    Returns
    -------
    directed : bool
    both_ways : list of bool
        For each row, whether it also stands for the reverse arc (an undirected
        or mutual row in a directed network).

    Raises
    ------
    FormatError
        When ``directed`` is None and the rows mix directed and undirected ties.

    Examples
    --------
    >>> rec = Record()
    >>> resolve_direction(["directed", "mutual"], [2, 3], directed=None, record=rec,
    ...                   file="c.xlsx", column="Direction")
    (True, [False, True])
    """
    present = set(kinds) or {default}
    if directed is None:
        if "directed" in present and "undirected" in present:
            minority = min(("directed", "undirected"), key=lambda k: list(kinds).count(k))
            first = next(r for r, k in zip(rows, kinds, strict=True) if k == minority)
            n_dir = list(kinds).count("directed")
            n_und = len(kinds) - n_dir - list(kinds).count("mutual")
            raise FormatError(
                Text(
                    f"the ties mix directed ({n_dir}) and undirected ({n_und}) rows; "
                    f"this row is {minority}",
                    f"die Beziehungen mischen gerichtete ({n_dir}) und ungerichtete ({n_und}) "
                    f"Zeilen; diese Zeile ist {minority}",
                ),
                file=file,
                row=first,
                column=column,
                expected=Text("one direction for all ties", "eine Richtung für alle Beziehungen"),
                hint=Text(
                    "Pass [[opt:directed=True]] (an undirected tie then counts as an arc each "
                    "way) or [[opt:directed=False]] (every tie undirected).",
                    "[[opt:directed=True]] angeben (eine ungerichtete Beziehung zählt dann als "
                    "Pfeil in jede Richtung) oder [[opt:directed=False]] (alle ungerichtet).",
                ),
            )
        directed = "directed" in present
        record.add(
            "info",
            Text(
                f"read as {'a directed' if directed else 'an undirected'} network "
                f"(direction as stated: {', '.join(sorted(present))})",
                f"als {'gerichtetes' if directed else 'ungerichtetes'} Netzwerk gelesen "
                f"(Richtung laut Datei: {', '.join(sorted(present))})",
            ),
            file=file,
            column=column,
            warn=False,
        )
    elif directed and present - {"directed"}:
        record.add(
            "info",
            Text(
                "[[opt:directed=True]]: undirected and mutual ties count as an arc each way",
                "[[opt:directed=True]]: ungerichtete und gegenseitige Beziehungen zählen als "
                "Pfeil in jede Richtung",
            ),
            file=file,
            column=column,
            warn=False,
        )
    elif not directed and "directed" in present:
        record.add(
            "info",
            Text(
                "[[opt:directed=False]]: directed ties read as undirected",
                "[[opt:directed=False]]: gerichtete Beziehungen als ungerichtet gelesen",
            ),
            file=file,
            column=column,
            warn=False,
        )
    both = [bool(directed) and k in ("undirected", "mutual") for k in kinds]
    if any(both):
        record.add(
            "added",
            Text(
                "reverse arc of an undirected or mutual tie in a directed network",
                "Gegenpfeil einer ungerichteten oder gegenseitigen Beziehung in einem "
                "gerichteten Netzwerk",
            ),
            file=file,
            rows=[r for r, b in zip(rows, both, strict=True) if b],
            warn=False,
        )
    return bool(directed), both


def check_unique_labels(
    labels: Sequence[str],
    *,
    file: str,
    where: str,
    positions: Sequence[int] | None = None,
    row: int | None = None,
) -> None:
    """Raise :class:`MatrixError` naming the first empty or repeated label.

    ``where`` says which labels these are (``"row"``, ``"column"``), ``positions``
    gives each label's row (for row labels) and ``row`` the line of column labels.
    """
    seen: dict[str, int] = {}
    where_de = {"row": "Zeilen", "column": "Spalten"}.get(where, where)
    for i, lab in enumerate(labels):
        at = positions[i] if positions is not None else row
        if not lab:
            raise MatrixError(
                Text(
                    f"{where} label {i + 1} is empty",
                    f"die Bezeichnung {i + 1} ({where_de}) ist leer",
                ),
                file=file,
                row=at,
                expected=Text(
                    "a label for every row and column", "eine Bezeichnung je Zeile und Spalte"
                ),
            )
        if lab in seen:
            raise MatrixError(
                Text(
                    f'the {where} label "{lab}" appears twice ({where}s {seen[lab] + 1} '
                    f"and {i + 1})",
                    f'die Bezeichnung "{lab}" kommt zweimal vor ({where_de} {seen[lab] + 1} '
                    f"und {i + 1})",
                ),
                file=file,
                row=at,
                expected=Text("distinct labels", "verschiedene Bezeichnungen"),
            )
        seen[lab] = i


@dataclass(frozen=True)
class Entry:
    """One tie as a matrix cell or edge-list line: row index, column index, value."""

    row: int
    col: int
    value: float
    line: int
    relation: str | None = None


def one_mode_ties(
    entries: Sequence[Entry],
    labels: Sequence[str],
    *,
    directed: bool | None,
    record: Record,
    file: str,
    what: str = "matrix",
) -> tuple[list[tuple[str, str, str | None, float]], list[int], bool]:
    """Tie records from the non-zero cells of square matrices (one per relation).

    A relation whose matrix is symmetric gives each undirected tie once (upper
    triangle). The network is undirected when every relation's matrix is
    symmetric, unless ``directed`` says otherwise; the decision is recorded.
    Cells of value 0 are no tie; diagonal cells are passed on (assemble drops
    self-ties and records them).

    Returns
    -------
    records : list of (source, target, relation, intensity)
    rows : list of int
        The line or row each tie comes from.
    directed : bool
    """
    by_rel: dict[str | None, dict[tuple[int, int], float]] = {}
    for e in entries:
        by_rel.setdefault(e.relation, {})[(e.row, e.col)] = e.value
    asymmetric = [
        rel
        for rel, cells in by_rel.items()
        if any(cells.get((j, i)) != v for (i, j), v in cells.items() if i != j)
    ]
    if directed is None:
        directed = bool(asymmetric)
        if asymmetric:
            named = ", ".join(f'"{r}"' for r in asymmetric if r)
            what_de = _WHAT_DE.get(what, what)
            reason = Text(
                f"the {what} is not symmetric"
                + (f" ({named})" if named else "")
                + ": read as directed, row sends to column",
                f"{what_de} ist nicht symmetrisch"
                + (f" ({named})" if named else "")
                + ": gerichtet gelesen, die Zeile sendet an die Spalte",
            )
        else:
            reason = Text(
                f"the {what} is symmetric: read as undirected",
                f"{_WHAT_DE.get(what, what)} ist symmetrisch: ungerichtet gelesen",
            )
        record.add("info", reason, file=file, warn=False)
    keep_upper = {rel: not directed and rel not in asymmetric for rel in by_rel}
    records, rows, reverse = [], [], []
    for e in entries:
        if e.value == 0:
            continue
        if keep_upper[e.relation] and e.row > e.col:
            reverse.append(e.line)
            continue
        records.append((labels[e.row], labels[e.col], e.relation, float(e.value)))
        rows.append(e.line)
    if reverse and what != "matrix":
        # a matrix holds each undirected tie twice by its layout; a list given both
        # directions of a tie says it twice: one line is merged into the other
        record.add(
            "merged",
            Text(
                "both directions of an undirected tie given; merged into one "
                "(the same value both ways)",
                "beide Richtungen einer ungerichteten Beziehung angegeben; zu einer "
                "zusammengeführt (derselbe Wert in beide Richtungen)",
            ),
            file=file,
            rows=reverse,
            count=len(reverse),
        )
    return records, rows, bool(directed)


def two_mode_affiliations(
    entries: Sequence[Entry],
    row_labels: Sequence[str],
    col_labels: Sequence[str],
) -> tuple[list[str], list[tuple[object, ...]], list[int]]:
    """Affiliation records (actor = row, item = column) from non-zero cells.

    A column ``weight`` is added when some value is not 1.

    Returns
    -------
    columns, records, rows
    """
    cells = [e for e in entries if e.value != 0]
    weighted = any(e.value != 1 for e in cells)
    columns = ["actor", "item"] + (["weight"] if weighted else [])
    records = [
        (row_labels[e.row], col_labels[e.col], *([float(e.value)] if weighted else []))
        for e in cells
    ]
    return columns, records, [e.line for e in cells]


# ---------------------------------------------------------------- networkx graphs
def _scalar(value: object) -> bool:
    return isinstance(value, str | int | float | bool | np.generic) or value is None


def _columns_from_dicts(
    dicts: Sequence[dict[str, Any]],
    *,
    reserved: Iterable[str],
    record: Record,
    file: str,
) -> tuple[list[str], dict[str, str]]:
    """Attribute names in first-seen order, renamed where they clash (case ignored)."""
    names: list[str] = []
    seen: set[str] = set()
    for d in dicts:
        for k in d:
            if k not in seen:
                seen.add(k)
                names.append(k)
    taken = {r.casefold() for r in reserved}
    rename: dict[str, str] = {}
    for k in names:
        new = str(k)
        while new.casefold() in taken:
            new = f"{new}_attribute"
        taken.add(new.casefold())
        if new != k:
            rename[k] = new
            record.add(
                "info",
                Text(
                    f"attribute {k!r} renamed to {new!r} (the name is taken)",
                    f"Attribut {k!r} in {new!r} umbenannt (der Name ist vergeben)",
                ),
                file=file,
                warn=False,
            )
    return names, rename


def _drop_non_scalar(dicts: Sequence[dict[str, Any]], *, record: Record, file: str) -> None:
    dropped: set[str] = set()
    for d in dicts:
        for k in [k for k, v in d.items() if not _scalar(v)]:
            dropped.add(str(k))
            del d[k]
    if dropped:
        record.add(
            "info",
            Text(
                "attributes that are not single values left out: ",
                "Attribute, die keine Einzelwerte sind, ausgelassen: ",
            )
            + ", ".join(sorted(dropped)),
            file=file,
            warn=False,
        )


def _actor_ids(
    G: nx.Graph, data: list[dict[str, Any]], *, record: Record, file: str
) -> tuple[list[str], str | None]:
    nodes = [str(n) for n in G.nodes]
    if len(set(nodes)) != len(nodes):
        raise FormatError(
            Text(
                "two nodes have the same id when read as text",
                "zwei Knoten haben als Text gelesen dieselbe Id",
            ),
            file=file,
            expected=Text("distinct node ids", "verschiedene Knoten-Ids"),
        )
    if nodes and all(_GENERATED_ID.match(n) for n in nodes):
        for attr in _NAME_ATTRIBUTES:
            values = [d.get(attr) for d in data]
            if all(isinstance(v, str) and v.strip() for v in values):
                texts = [str(v).strip() for v in values]
                if len(set(texts)) == len(texts):
                    record.add(
                        "info",
                        Text(
                            f"node ids are numbers ({nodes[0]}, …): actor ids are "
                            f"the node attribute {attr!r}",
                            f"Knoten-Ids sind Nummern ({nodes[0]}, …): Akteurs-Ids sind "
                            f"das Knotenattribut {attr!r}",
                        ),
                        file=file,
                        warn=False,
                    )
                    return texts, attr
    return nodes, None


def graph_tables(
    G: nx.Graph,
    *,
    file: str,
    record: Record,
    weight: str | None = "weight",
    drop_edge_attributes: Iterable[str] = ("id", "key", "networkx_key"),
) -> tuple[Table, Table]:
    """Actor and tie tables from a networkx graph read from a file.

    Actor ids are the node ids, except when every node id is a generated number
    (``n0``, ``n1``, … as igraph writes, or ``0``, ``1``, …) and one of the node
    attributes ``name``, ``label``, ``vertexnames`` holds a distinct text for every
    node: then that attribute is the id. Node attributes become actor columns, so
    assemble's column names apply (``label``; ``type``, ``sector`` give the actor
    type). Edge attributes become tie columns; the edge attribute ``weight`` names
    (default ``"weight"``) gives the intensity, ``relation`` the relation.
    Key defaults (GraphML ``<default>``, GEXF ``<default>``) fill missing values.
    Rows are the nodes' and edges' positions in the file, counted from 1.
    """
    node_default = dict(G.graph.get("node_default", {}) or {})
    edge_default = dict(G.graph.get("edge_default", {}) or {})
    node_data = [
        {**node_default, **{str(k): v for k, v in d.items()}} for _, d in G.nodes(data=True)
    ]
    node_data = [{k: v for k, v in d.items() if v is not None} for d in node_data]
    _drop_non_scalar(node_data, record=record, file=file)
    ids, id_attr = _actor_ids(G, node_data, record=record, file=file)
    if id_attr is not None:
        for d in node_data:
            d.pop(id_attr, None)
    names, rename = _columns_from_dicts(node_data, reserved=["id"], record=record, file=file)
    actor_records = [(i, *(d.get(k) for k in names)) for i, d in zip(ids, node_data, strict=True)]
    actors = make_table(
        ["id", *(rename.get(k, k) for k in names)],
        actor_records,
        list(range(1, len(ids) + 1)),
        f"{file} [nodes]",
    )

    node_id = dict(zip(G.nodes, ids, strict=True))
    if G.is_multigraph():
        edges = [(u, v, d) for u, v, _, d in G.edges(keys=True, data=True)]
    else:
        edges = list(G.edges(data=True))
    drop = set(drop_edge_attributes)
    edge_data = [
        {str(k): v for k, v in {**edge_default, **d}.items() if k not in drop and v is not None}
        for _, _, d in edges
    ]
    _drop_non_scalar(edge_data, record=record, file=file)
    strength = [d.pop(weight, None) if weight else None for d in edge_data]
    if all(s is None for s in strength):
        if weight and edges:
            record.add(
                "info",
                Text(
                    f"the edges have no attribute {weight!r}: intensity 1",
                    f"die Kanten haben kein Attribut {weight!r}: Intensität 1",
                ),
                file=file,
                warn=False,
            )
        strength = [1.0] * len(edges)
    names, rename = _columns_from_dicts(
        edge_data, reserved=["source", "target", "intensity"], record=record, file=file
    )
    tie_records = [
        (node_id[u], node_id[v], s, *(d.get(k) for k in names))
        for (u, v, _), s, d in zip(edges, strength, edge_data, strict=True)
    ]
    ties = make_table(
        ["source", "target", "intensity", *(rename.get(k, k) for k in names)],
        tie_records,
        list(range(1, len(edges) + 1)),
        f"{file} [edges]",
    )
    return actors, ties


def network_from_graph(
    G: nx.Graph,
    *,
    file: str,
    directed: bool | None,
    name: str,
    weight: str | None,
    record: Record,
    meta: dict[str, Any],
) -> Network:
    """A :class:`~quartiernetz.network.Network` from a graph read from a file (see
    :func:`graph_tables`); directed as the graph is unless ``directed`` is given."""
    title = G.graph.get("name")
    if isinstance(title, str) and title:
        meta = {**meta, "title": title}
    stated = "directed" if G.is_directed() else "undirected"
    if directed is None:
        record.add(
            "info",
            Text(
                f"read as {stated} (as the file states)",
                f"{_STATED_DE[stated]} gelesen (wie die Datei angibt)",
            ),
            file=file,
            warn=False,
        )
    elif directed != G.is_directed():
        record.add(
            "info",
            Text(
                f"the file states {stated}; read as "
                f"{'directed' if directed else 'undirected'} as asked",
                f"die Datei gibt {_STATED_DE[stated]} an; wie verlangt "
                f"{'gerichtet' if directed else 'ungerichtet'} gelesen",
            ),
            file=file,
            warn=False,
        )
    actors, ties = graph_tables(G, file=file, record=record, weight=weight)
    return assemble(
        actors,
        ties,
        None,
        directed=G.is_directed() if directed is None else bool(directed),
        record=record,
        name=name,
        meta=meta,
    )


# ---------------------------------------------------------------- tables read from files
def note_text_format(record: Record, table: Table) -> None:
    """Record the encoding and separator detected for a text table."""
    if table.encoding:
        record.add("info", read_as(table.encoding, table.sep), file=table.file, warn=False)


def rename_column(table: Table, old: str, new: str, *, record: Record) -> Table:
    """Rename column ``old`` to ``new``; a different column already named ``new``
    (case ignored) is renamed to ``<name>_attribute`` first (recorded)."""
    frame = table.frame
    renames = {}
    for c in frame.columns:
        if c != old and str(c).casefold() == new.casefold():
            renames[c] = f"{c}_attribute"
            record.add(
                "info",
                Text(
                    f"column {c!r} renamed to {c}_attribute (the name is taken)",
                    f"Spalte {c!r} in {c}_attribute umbenannt (der Name ist vergeben)",
                ),
                file=table.file,
                warn=False,
            )
    renames[old] = new
    return dataclasses.replace(table, frame=frame.rename(columns=renames))


def drop_empty_columns(table: Table, *, record: Record) -> Table:
    """Leave out columns without any value (Gephi's ``timeset``), recording their names."""
    empty = [
        c for c in table.frame.columns if not any(str(v).strip() for v in table.frame[c].tolist())
    ]
    if not empty:
        return table
    record.add(
        "info",
        Text("empty columns left out: ", "leere Spalten ausgelassen: ")
        + ", ".join(map(str, empty)),
        file=table.file,
        warn=False,
    )
    return dataclasses.replace(table, frame=table.frame.drop(columns=empty))


def with_reversed_rows(table: Table, mask: Sequence[bool], source: str, target: str) -> Table:
    """The table plus, for each row where ``mask`` holds, a copy with source and target swapped."""
    flags = list(mask)
    if not any(flags):
        return table
    rev = table.frame.loc[flags].copy()
    rev[[source, target]] = rev[[target, source]].to_numpy()
    frame = pd.concat([table.frame, rev], ignore_index=True)
    rows = table.rows + [r for r, m in zip(table.rows, flags, strict=True) if m]
    return Table(frame, table.file, rows, table.encoding, table.sep, table.notes)
