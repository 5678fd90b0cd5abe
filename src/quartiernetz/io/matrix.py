"""Adjacency matrices in CSV: a square table of tie values with actor labels.

The layout, as xUCINET, Gephi and spreadsheet users write it::

    ;AWO;Caritas;QM            dim_0,AWO,Caritas,QM
    AWO;0;1;2                  AWO,0,1,2
    Caritas;1;0;0              Caritas,1,0,0
    QM;2;0;0                   QM,2,0,0

The first header cell is empty (Gephi, R's ``write.csv``) or any corner label
(``dim_0`` in xUCINET); the header's labels must equal the first column's labels
in the same order. The cell in row *i* and column *j* is the tie sent by *i* to *j*;
its value is the intensity, 0 meaning no tie. A symmetric matrix is read as an
undirected network (each tie once), an asymmetric one as directed, unless
``directed`` says otherwise; the decision is in ``net.record``. Separator (``,``,
``;``, tab), encoding (UTF-8 with or without BOM, cp1252) and decimal commas are
detected as for every CSV (:mod:`quartiernetz.io.text`).

With ``two_mode=True`` the matrix is an incidence matrix (actors by committees,
events or offers, as Davis' Southern Women): rows are actors, columns are items,
and each non-zero cell is a membership (``net.affiliations``).
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pandas as pd

from ..exceptions import EmptyFileError, FormatError, MatrixError
from ..i18n import Text
from ..network import Network
from ..record import Record
from ._graphs import (
    TIE_HEADER,
    Entry,
    check_unique_labels,
    make_table,
    one_mode_ties,
    two_mode_affiliations,
)
from .assemble import assemble
from .limits import check_nodes
from .text import Table, parse_numbers, read_as, read_records, read_text, sniff_separator

__all__ = ["read_matrix", "is_matrix_header"]

#: First header cells that mark an adjacency matrix when the format is detected.
MATRIX_CORNERS = ("", "dim_0")


def is_matrix_header(cells: list[str]) -> bool:
    """True when a CSV header looks like a labelled matrix: the first cell empty or ``dim_0``.

    Examples
    --------
    >>> is_matrix_header(["", "AWO", "QM"]), is_matrix_header(["source", "target"])
    (True, False)
    """
    return len(cells) > 1 and cells[0].strip().strip('"').casefold() in MATRIX_CORNERS


_LABELLED = Text("a labelled matrix", "eine beschriftete Matrix")
_TWO_MODE = Text(
    "For actors by committees or events pass [[opt:two_mode=True]].",
    "Für Akteure mal Gremien oder Ereignisse [[opt:two_mode=True]] angeben.",
)


def _row_width(n: int, nc: int) -> Text:
    return Text(
        f"the row has {n} values but there are {nc} column labels",
        f"die Zeile hat {n} Werte, es gibt aber {nc} Spaltennamen",
    )


def _values_after(nc: int) -> Text:
    return Text(f"{nc} values after the row label", f"{nc} Werte nach dem Zeilennamen")


def _records(text: str, sep: str, name: str) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, quotechar='"')
    try:
        records = read_records(reader, file=name)
    except csv.Error as err:
        raise FormatError(
            Text(
                f"the file cannot be parsed as delimited text ({err})",
                f"die Datei kann nicht als Text mit Trennzeichen gelesen werden ({err})",
            ),
            file=name,
            row=reader.line_num,
        ) from None
    return [(i + 1, rec) for i, rec in enumerate(records) if any(v.strip() for v in rec)]


def read_matrix(
    path: str | os.PathLike[str],
    *,
    directed: bool | None = None,
    name: str | None = None,
    relation: str | None = None,
    two_mode: bool = False,
    kind: str | None = None,
) -> Network:
    """Read a labelled adjacency (or incidence) matrix from a CSV file.

    Parameters
    ----------
    path : path-like
        The CSV file.
    directed : bool, optional
        Default: undirected when the matrix is symmetric, else directed (row sends
        to column). ``directed=False`` on an asymmetric matrix merges the two
        cells of a pair into one tie with the larger value (recorded).
    name : str, optional
        The network's name (default: the file's stem).
    relation : str, optional
        The relation of every tie (default ``"cooperation"``).
    two_mode : bool, default False
        Read rows as actors and columns as items (committees, events): every
        non-zero cell is an affiliation; values other than 1 go to the
        affiliation column ``weight``.
    kind : str, optional
        With ``two_mode``: the kind of the items (``"committee"``, ``"event"``,
        ``"offer"``; default ``"committee"``).

    Returns
    -------
    Network
        All row labels are actors, also those without ties.

    Raises
    ------
    MatrixError
        When the matrix is not square, a row is short, a label is empty or
        repeated, or the row labels differ from the column labels; the message
        names the row and column.
    InvalidValueError
        When a cell is empty, not a number or negative.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "m.csv"
    >>> _ = f.write_text(";AWO;QM;Kita\\nAWO;0;2;0\\nQM;2;0;1\\nKita;0;1;0\\n")
    >>> net = read_matrix(f)
    >>> net
    <Network 'm': 3 actors, 2 ties (cooperation), 0 affiliations, undirected>
    >>> net.ties[["source", "target", "intensity"]].values.tolist()
    [['AWO', 'QM', 2.0], ['QM', 'Kita', 1.0]]
    """
    path = Path(path)
    file = path.name
    text, encoding = read_text(path)
    if not text.strip():
        raise EmptyFileError(
            Text("the file is empty", "die Datei ist leer"), file=file, expected=_LABELLED
        )
    sep = sniff_separator(text)
    numbered = _records(text, sep, file)
    if not numbered:
        raise EmptyFileError(
            Text("the file holds no values", "die Datei enthält keine Werte"),
            file=file,
            expected=_LABELLED,
        )
    header_line, header = numbered[0]
    header = [h.strip() for h in header]
    body = numbered[1:]
    while len(header) > 1 and not header[-1]:
        idx = len(header) - 1
        if any(len(rec) > idx and rec[idx].strip() for _, rec in body):
            break
        header.pop()
    col_labels = header[1:]
    check_nodes(len(col_labels), file=file, row=header_line, what="column labels")
    if not col_labels:
        raise MatrixError(
            Text("the header holds no column labels", "die Kopfzeile enthält keine Spaltennamen"),
            file=file,
            row=header_line,
            expected=Text(
                "a corner cell, then one label per column",
                "eine Eckzelle, dann eine Bezeichnung je Spalte",
            ),
        )
    if not body:
        raise EmptyFileError(
            Text("the matrix has no rows", "die Matrix hat keine Zeilen"),
            file=file,
            expected=Text("one row per actor", "eine Zeile je Akteur"),
        )
    check_unique_labels(col_labels, file=file, where="column", row=header_line)
    row_labels = [rec[0].strip() for _, rec in body]
    lines = [n for n, _ in body]
    check_unique_labels(row_labels, file=file, where="row", positions=lines)
    nc = len(col_labels)
    cells = []
    for n, rec in body:
        values = rec[1:]
        if len(values) > nc and any(v.strip() for v in values[nc:]):
            raise MatrixError(
                _row_width(len(values), nc),
                file=file,
                row=n,
                expected=_values_after(nc),
                hint=Text(
                    "A label containing the separator must be quoted.",
                    "Eine Bezeichnung, die das Trennzeichen enthält, muss in "
                    "Anführungszeichen stehen.",
                ),
            )
        if len(values) < nc:
            raise MatrixError(
                _row_width(len(values), nc),
                file=file,
                row=n,
                column=col_labels[len(values)],
                expected=_values_after(nc),
            )
        cells.append(values[:nc])
    if not two_mode:
        if len(row_labels) != nc:
            raise MatrixError(
                Text(
                    f"the matrix has {len(row_labels)} rows and {nc} columns",
                    f"die Matrix hat {len(row_labels)} Zeilen und {nc} Spalten",
                ),
                file=file,
                row=header_line,
                expected=Text(
                    "a square matrix (one row and one column per actor)",
                    "eine quadratische Matrix (eine Zeile und eine Spalte je Akteur)",
                ),
                hint=_TWO_MODE,
            )
        for i, (r, c) in enumerate(zip(row_labels, col_labels, strict=True)):
            if r != c:
                same = set(row_labels) == set(col_labels)
                raise MatrixError(
                    Text(
                        f'row {i + 1} is labelled "{r}" but column {i + 1} is labelled "{c}"'
                        + (" (the same labels in another order)" if same else ""),
                        f'Zeile {i + 1} heißt "{r}", aber Spalte {i + 1} heißt "{c}"'
                        + (" (dieselben Bezeichnungen in anderer Reihenfolge)" if same else ""),
                    ),
                    file=file,
                    row=lines[i],
                    column=c,
                    expected=Text(
                        "the column labels in the same order as the row labels",
                        "die Spaltennamen in der Reihenfolge der Zeilennamen",
                    ),
                    hint=_TWO_MODE if not same else None,
                )

    table = Table(
        pd.DataFrame(cells, columns=col_labels, dtype=object),
        file,
        lines,
        encoding=encoding,
        sep=sep,
    )
    entries: list[Entry] = []
    for j, c in enumerate(col_labels):
        numbers, _ = parse_numbers(table, c, minimum=0.0, what="a number >= 0 (0 = no tie)")
        entries.extend(
            Entry(i, j, float(v), lines[i], relation) for i, v in enumerate(numbers) if v != 0
        )
    entries.sort(key=lambda e: (e.row, e.col))

    record = Record()
    record.add(
        "info",
        read_as(encoding, sep)
        + Text(
            f"; {'incidence' if two_mode else 'adjacency'} matrix {len(row_labels)} x {nc}",
            f"; {'Inzidenz' if two_mode else 'Adjazenz'}matrix {len(row_labels)} x {nc}",
        ),
        file=file,
        warn=False,
    )
    actors = make_table(["id"], [(r,) for r in row_labels], lines, file)
    ties = affiliations = None
    if two_mode:
        columns, aff_recs, rows = two_mode_affiliations(entries, row_labels, col_labels)
        if kind:
            columns, aff_recs = [*columns, "kind"], [(*r, kind) for r in aff_recs]
        empty = sorted(set(col_labels) - {str(rec[1]) for rec in aff_recs})
        if empty:
            record.add(
                "info",
                Text(
                    "columns without members (no affiliation): ",
                    "Spalten ohne Mitglieder (keine Zugehörigkeit): ",
                )
                + ", ".join(empty),
                file=file,
                warn=False,
            )
        affiliations = make_table(columns, aff_recs, rows, file)
        is_directed = bool(directed)
    else:
        recs, rows, is_directed = one_mode_ties(
            entries, row_labels, directed=directed, record=record, file=file
        )
        header_cols = list(TIE_HEADER) if relation else ["source", "target", "intensity"]
        ties = make_table(
            header_cols, [r if relation else (r[0], r[1], r[3]) for r in recs], rows, file
        )
    return assemble(
        actors,
        ties,
        affiliations,
        directed=is_directed,
        record=record,
        name=name or path.stem,
        meta={"source": file, "format": "matrix", "encoding": encoding},
    )
