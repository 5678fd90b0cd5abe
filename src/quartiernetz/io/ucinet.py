"""UCINET DL files (the "data language" of UCINET, also written by NetDraw and Gephi).

A DL file has a header and, after ``data:``, the numbers::

    dl n=4, nm=2                      DL N = 3
    format = fullmatrix               format = edgelist1
    labels:                           labels embedded:
    "QM Nord", AWO, Kita, Verein      data:
    matrix labels:                    "QM Nord" AWO 2
    Information, Projekt              AWO Kita
    data:
    0 1 0 1
    …

Read as follows (keywords ignore case; values are separated by spaces, commas,
``=`` or line ends; labels may be quoted):

- ``N`` (one-mode), ``NR``/``NC`` (rows and columns; two-mode when they differ or
  the row labels differ from the column labels), ``NM`` (number of matrices).
- ``format =`` ``fullmatrix`` (default), ``lowerhalf``, ``upperhalf``,
  ``edgelist1`` (also ``edgelist``), ``nodelist1`` (also ``nodelist``) and the
  two-mode ``edgelist2``, ``nodelist2``. ``diagonal = absent`` leaves the diagonal
  out of matrices.
- ``labels:``, ``row labels:``, ``column labels:`` (or ``col labels:``) followed
  by the labels; ``labels embedded`` (or ``row``/``column labels embedded``) puts
  them into the data: a full matrix then starts with the column labels and each
  row with its label; edge and node lists name vertices by label.
- ``matrix labels:`` names the matrices of ``NM > 1``: each becomes a relation.
- A matrix cell is the tie from the row to the column; 0 is no tie. A symmetric
  matrix (all relations) gives an undirected network, else a directed one, unless
  ``directed`` is given. Two-mode data become affiliations (actor = row, item = column).

Errors name the file and line ("row" in the message is the line number).
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..exceptions import FormatError, InvalidValueError, MatrixError
from ..i18n import Text
from ..network import Network
from ..record import Record
from ._graphs import (
    TIE_HEADER,
    Entry,
    check_unique_labels,
    make_table,
    one_mode_ties,
    split_tokens,
    two_mode_affiliations,
)
from .assemble import assemble
from .limits import check_nodes
from .text import read_as, read_text, split_lines

__all__ = ["read_dl"]

_FORMATS = {
    "fullmatrix": "fullmatrix",
    "fm": "fullmatrix",
    "lowerhalf": "lowerhalf",
    "lh": "lowerhalf",
    "upperhalf": "upperhalf",
    "uh": "upperhalf",
    "edgelist1": "edgelist1",
    "edgelist": "edgelist1",
    "el1": "edgelist1",
    "nodelist1": "nodelist1",
    "nodelist": "nodelist1",
    "nl1": "nodelist1",
    "edgelist2": "edgelist2",
    "el2": "edgelist2",
    "nodelist2": "nodelist2",
    "nl2": "nodelist2",
}
_KEYWORDS = {
    "n",
    "nr",
    "nc",
    "nm",
    "format",
    "diagonal",
    "labels",
    "row",
    "column",
    "col",
    "matrix",
    "data",
}
_HEADER_TOKEN = re.compile(r'"([^"]*)"|(:)|([^\s",=:]+)')
_DATA = re.compile(r"(?i)\bdata\s*:")


@dataclass
class _Header:
    n: int | None = None
    nr: int | None = None
    nc: int | None = None
    nm: int = 1
    format: str = "fullmatrix"
    diagonal: bool = True
    labels: list[tuple[str, int]] | None = None
    row_labels: list[tuple[str, int]] | None = None
    col_labels: list[tuple[str, int]] | None = None
    matrix_labels: list[str] | None = None
    row_embedded: bool = False
    col_embedded: bool = False


class _Tokens:
    """Tokens with their line numbers and a cursor."""

    def __init__(self, items: list[tuple[str, int, bool]], file: str) -> None:
        self.items = items  # (text, line, quoted)
        self.pos = 0
        self.file = file

    def peek(self) -> tuple[str, int, bool] | None:
        return self.items[self.pos] if self.pos < len(self.items) else None

    def take(self, expected: str) -> tuple[str, int]:
        item = self.peek()
        if item is None:
            last = self.items[-1][1] if self.items else 1
            raise FormatError(
                Text("the values end too early", "die Werte enden zu früh"),
                file=self.file,
                row=last,
                expected=expected,
            )
        self.pos += 1
        return item[0], item[1]

    def word(self) -> str | None:
        item = self.peek()
        return None if item is None or item[2] else item[0].casefold()


def _header_tokens(text: str, first_line: int) -> list[tuple[str, int, bool]]:
    out = []
    for offset, line in enumerate(split_lines(text)):
        for m in _HEADER_TOKEN.finditer(line):
            if m.group(1) is not None:
                out.append((m.group(1), first_line + offset, True))
            else:
                out.append((m.group(2) or m.group(3), first_line + offset, False))
    return out


def _int_value(tokens: _Tokens, key: str) -> int:
    text, line = tokens.take(f"a number after {key.upper()} =")
    try:
        value = int(text)
    except ValueError:
        raise FormatError(
            Text(
                f"{key.upper()} = {text!r} is not a whole number",
                f"{key.upper()} = {text!r} ist keine ganze Zahl",
            ),
            file=tokens.file,
            row=line,
            expected=Text(f"{key.upper()} = a whole number", f"{key.upper()} = eine ganze Zahl"),
        ) from None
    if value < 1:
        raise FormatError(
            f"{key.upper()} = {value}", file=tokens.file, row=line, expected=f"{key.upper()} >= 1"
        )
    what = {"n": "vertices", "nr": "rows", "nc": "columns", "nm": "matrices"}.get(key, "values")
    check_nodes(value, file=tokens.file, row=line, what=f"{what} ({key.upper()})")
    return value


def _label_list(tokens: _Tokens, count: int | None, what: str) -> list[tuple[str, int]]:
    if tokens.word() == ":":
        tokens.take(":")
    labels: list[tuple[str, int]] = []
    while tokens.peek() is not None and (count is None or len(labels) < count):
        if count is None and tokens.word() in _KEYWORDS:
            break
        text, line = tokens.take(what)
        if text != ":":
            labels.append((text.strip(), line))
    if count is not None and len(labels) < count:
        last = labels[-1][1] if labels else None
        raise MatrixError(
            Text(f"{what}: {len(labels)} labels", f"{what}: {len(labels)} Bezeichnungen"),
            file=tokens.file,
            row=last,
            expected=Text(f"{count} labels", f"{count} Bezeichnungen"),
        )
    nxt = tokens.peek()
    if count is not None and nxt is not None and (nxt[2] or nxt[0].casefold() not in _KEYWORDS):
        raise MatrixError(
            Text(
                f"{what}: more than {count} labels ({nxt[0]!r} is one too many)",
                f"{what}: mehr als {count} Bezeichnungen ({nxt[0]!r} ist eine zu viel)",
            ),
            file=tokens.file,
            row=nxt[1],
            expected=Text(f"{count} labels", f"{count} Bezeichnungen"),
        )
    return labels


def _parse_header(text: str, file: str) -> _Header:
    tokens = _Tokens(_header_tokens(text, 1), file)
    first, line = tokens.take("DL")
    if first.casefold() != "dl":
        raise FormatError(
            Text(f"the file starts with {first!r}", f"die Datei beginnt mit {first!r}"),
            file=file,
            row=line,
            expected=Text(
                "DL as the first word (a UCINET DL file)",
                "DL als erstes Wort (eine UCINET-DL-Datei)",
            ),
        )
    h = _Header()
    while tokens.peek() is not None:
        word, line = tokens.take("a keyword")
        key = word.casefold()
        if key in ("n", "nr", "nc", "nm"):
            setattr(h, key, _int_value(tokens, key))
        elif key == "format":
            value, vline = tokens.take("a format after FORMAT =")
            fmt = _FORMATS.get(value.casefold())
            if fmt is None:
                raise FormatError(
                    Text(
                        f"format {value!r} is not read", f"das Format {value!r} wird nicht gelesen"
                    ),
                    file=file,
                    row=vline,
                    expected=Text(
                        "fullmatrix, lowerhalf, upperhalf, edgelist1, nodelist1, edgelist2 "
                        "or nodelist2",
                        "fullmatrix, lowerhalf, upperhalf, edgelist1, nodelist1, edgelist2 "
                        "oder nodelist2",
                    ),
                )
            h.format = fmt
        elif key == "diagonal":
            value, vline = tokens.take("present or absent after DIAGONAL =")
            if value.casefold() not in ("present", "absent"):
                raise FormatError(
                    f"DIAGONAL = {value!r}",
                    file=file,
                    row=vline,
                    expected=Text("DIAGONAL = PRESENT or ABSENT", "DIAGONAL = PRESENT oder ABSENT"),
                )
            h.diagonal = value.casefold() == "present"
        elif key in ("labels", "row", "column", "col", "matrix"):
            scope = key
            if key != "labels":
                nxt, nline = tokens.take("LABELS")
                if nxt.casefold() != "labels":
                    raise FormatError(
                        f"{word} {nxt}", file=file, row=nline, expected=f"{word.upper()} LABELS"
                    )
            if tokens.word() == "embedded":
                tokens.take("EMBEDDED")
                if tokens.word() == ":":
                    tokens.take(":")
                h.row_embedded |= scope in ("labels", "row")
                h.col_embedded |= scope in ("labels", "column", "col")
                continue
            if scope == "labels":
                h.labels = _label_list(tokens, h.n or h.nr, "labels")
            elif scope == "row":
                h.row_labels = _label_list(tokens, h.nr or h.n, "row labels")
            elif scope == "matrix":
                h.matrix_labels = [t for t, _ in _label_list(tokens, h.nm, "matrix labels")]
            else:
                h.col_labels = _label_list(tokens, h.nc or h.n, "column labels")
        elif key == ":":
            continue
        else:
            raise FormatError(
                Text(f"unknown keyword {word!r}", f"unbekanntes Schlüsselwort {word!r}"),
                file=file,
                row=line,
                expected=Text(
                    "N, NR, NC, NM, FORMAT, DIAGONAL, LABELS or DATA:",
                    "N, NR, NC, NM, FORMAT, DIAGONAL, LABELS oder DATA:",
                ),
            )
    return h


def _number(text: str, *, file: str, line: int, where: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise InvalidValueError(
            Text(f"{text!r} is not a number ({where})", f"{text!r} ist keine Zahl ({where})"),
            file=file,
            row=line,
            expected=Text("a number >= 0 (0 = no tie)", "eine Zahl >= 0 (0 = keine Beziehung)"),
        ) from None
    if not math.isfinite(value) or value < 0:
        raise InvalidValueError(
            Text(f"{text!r} ({where})", f"{text!r} ({where})"),
            file=file,
            row=line,
            expected=Text(
                "a finite number >= 0 (0 = no tie)",
                "eine endliche Zahl >= 0 (0 = keine Beziehung)",
            ),
        )
    return value


def _matrix_entries(
    h: _Header, data: _Tokens, nr: int, nc: int
) -> tuple[list[Entry], list[tuple[str, int]] | None, list[tuple[str, int]] | None]:
    """Entries of full or half matrices; embedded row and column labels if any."""
    entries: list[Entry] = []
    row_labels = col_labels = None
    total = f"{nr} x {nc} values" + (f" in each of {h.nm} matrices" if h.nm > 1 else "")
    for m in range(h.nm):
        relation = _relation(h, m)
        if h.col_embedded:
            cols = [data.take(f"{nc} column labels of matrix {m + 1}") for _ in range(nc)]
            if col_labels is None:
                col_labels = cols
            elif [c for c, _ in cols] != [c for c, _ in col_labels]:
                raise MatrixError(
                    Text(
                        f"the column labels of matrix {m + 1} differ from matrix 1",
                        f"die Spaltennamen von Matrix {m + 1} weichen von Matrix 1 ab",
                    ),
                    file=data.file,
                    row=cols[0][1],
                    expected="the same labels",
                )
        rows = []
        for r in range(nr):
            if h.row_embedded:
                rows.append(data.take(f"the label of row {r + 1} of matrix {m + 1}"))
            if h.format == "lowerhalf":
                cols_here = range(0, r + 1 if h.diagonal else r)
            elif h.format == "upperhalf":
                cols_here = range(r if h.diagonal else r + 1, nc)
            else:
                cols_here = range(nc)
            for c in cols_here:
                if c == r and not h.diagonal and h.format == "fullmatrix":
                    continue
                text, line = data.take(f"row {r + 1}, column {c + 1} of matrix {m + 1} ({total})")
                value = _number(
                    text,
                    file=data.file,
                    line=line,
                    where=f"matrix {m + 1}, row {r + 1}, column {c + 1}",
                )
                if value:
                    entries.append(Entry(r, c, value, line, relation))
                    if h.format != "fullmatrix" and r != c:
                        entries.append(Entry(c, r, value, line, relation))
        if h.row_embedded:
            if row_labels is None:
                row_labels = rows
            elif [c for c, _ in rows] != [c for c, _ in row_labels]:
                raise MatrixError(
                    Text(
                        f"the row labels of matrix {m + 1} differ from matrix 1",
                        f"die Zeilennamen von Matrix {m + 1} weichen von Matrix 1 ab",
                    ),
                    file=data.file,
                    row=rows[0][1],
                    expected="the same labels",
                )
    extra = data.peek()
    if extra is not None:
        raise FormatError(
            Text(
                f"more values than the header announces ({extra[0]!r} is one too many)",
                f"mehr Werte, als der Kopf ankündigt ({extra[0]!r} ist einer zu viel)",
            ),
            file=data.file,
            row=extra[1],
            expected=total,
        )
    return entries, row_labels, col_labels


def _relation(h: _Header, m: int) -> str | None:
    if h.matrix_labels:
        return h.matrix_labels[m]
    return f"relation {m + 1}" if h.nm > 1 else None


class _Vertices:
    """Resolves vertex references in edge and node lists to 0-based indices."""

    def __init__(
        self,
        labels: list[tuple[str, int]] | None,
        n: int | None,
        embedded: bool,
        file: str,
        what: str,
    ) -> None:
        self.labels = list(labels or [])
        self.index = {lab: i for i, (lab, _) in enumerate(self.labels)}
        self.n = n if n is not None else (len(self.labels) or None)
        self.embedded = embedded
        self.file = file
        self.what = what

    def __call__(self, text: str, line: int) -> int:
        if self.embedded:
            if text not in self.index:
                if self.n is not None and len(self.labels) >= self.n:
                    raise MatrixError(
                        Text(
                            f'"{text}" is one label more than N = {self.n}',
                            f'"{text}" ist eine Bezeichnung mehr als N = {self.n}',
                        ),
                        file=self.file,
                        row=line,
                        expected=Text(f"{self.n} labels", f"{self.n} Bezeichnungen"),
                    )
                self.index[text] = len(self.labels)
                self.labels.append((text, line))
            return self.index[text]
        if text in self.index and not text.isdigit():
            return self.index[text]
        try:
            v = int(text)
        except ValueError:
            raise FormatError(
                Text(
                    f"{text!r} is not a {self.what} number",
                    f"{text!r} ist keine Nummer ({self.what})",
                ),
                file=self.file,
                row=line,
                expected=Text(
                    f"a number from 1 to {self.n}" + (" or a label" if self.labels else ""),
                    f"eine Zahl von 1 bis {self.n}"
                    + (" oder eine Bezeichnung" if self.labels else ""),
                ),
            ) from None
        if self.n is None or not 1 <= v <= self.n:
            raise FormatError(
                Text(f"{self.what} {v} does not exist", f"{self.what} {v} existiert nicht"),
                file=self.file,
                row=line,
                expected=Text(
                    f"a {self.what} number from 1 to {self.n}",
                    f"eine Nummer ({self.what}) von 1 bis {self.n}",
                ),
            )
        return v - 1

    def names(self, first_line: int) -> list[tuple[str, int]]:
        if self.embedded:
            return self.labels
        return self.labels or [(str(i + 1), first_line) for i in range(self.n or 0)]


def _list_entries(
    h: _Header, lines: list[tuple[list[str], int]], rows: _Vertices, cols: _Vertices
) -> list[Entry]:
    if h.nm > 1:
        raise FormatError(
            f"NM = {h.nm} with format {h.format}",
            file=rows.file,
            expected=Text(
                "NM > 1 only with format fullmatrix", "NM > 1 nur mit dem Format fullmatrix"
            ),
        )
    entries = []
    relation = _relation(h, 0)
    for tokens, line in lines:
        if h.format.startswith("edgelist"):
            if len(tokens) not in (2, 3):
                raise FormatError(
                    Text(
                        f"the line has {len(tokens)} values", f"die Zeile hat {len(tokens)} Werte"
                    ),
                    file=rows.file,
                    row=line,
                    expected=Text(
                        "two vertices and optionally a value",
                        "zwei Knoten und wahlweise einen Wert",
                    ),
                )
            value = (
                _number(tokens[2], file=rows.file, line=line, where="the tie value")
                if len(tokens) == 3
                else 1.0
            )
            i, j = rows(tokens[0], line), cols(tokens[1], line)
            entries.append(Entry(i, j, value, line, relation))
        else:
            i = rows(tokens[0], line)
            entries.extend(Entry(i, cols(t, line), 1.0, line, relation) for t in tokens[1:])
    return entries


def read_dl(
    path: str | os.PathLike[str],
    *,
    directed: bool | None = None,
    name: str | None = None,
) -> Network:
    """Read a UCINET DL file.

    Parameters
    ----------
    path : path-like
        The ``.dl`` (or ``.txt``) file.
    directed : bool, optional
        Default: undirected when every matrix is symmetric, else directed (row
        sends to column).
    name : str, optional
        The network's name (default: the file's stem).

    Returns
    -------
    Network
        Every labelled vertex is an actor, also without ties. Two-mode data give
        affiliations (actor = row, item = column).

    Raises
    ------
    FormatError
        Naming the line: not a DL file, an unknown keyword or format, too few or
        too many values, a vertex number that does not exist.
    MatrixError
        Too few or too many labels, repeated labels, row labels that differ from
        the column labels of a one-mode matrix, NR and NC that differ for a
        one-mode format.
    InvalidValueError
        A value that is not a number or is negative.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "nord.dl"
    >>> _ = f.write_text('dl n=3\\nformat = fullmatrix\\nlabels:\\n"QM Nord",AWO,Kita\\n'
    ...                  'data:\\n0 1 0\\n1 0 2\\n0 2 0\\n')
    >>> net = read_dl(f)
    >>> net.directed, net.ties[["source", "target", "intensity"]].values.tolist()
    (False, [['QM Nord', 'AWO', 1.0], ['AWO', 'Kita', 2.0]])
    """
    path = Path(path)
    file = path.name
    text, encoding = read_text(path)
    m = _DATA.search(text)
    if m is None:
        raise FormatError(
            Text("the file has no DATA: line", "die Datei hat keine Zeile DATA:"),
            file=file,
            expected=Text(
                "a DL header, then DATA: and the values", "ein DL-Kopf, dann DATA: und die Werte"
            ),
        )
    h = _parse_header(text[: m.start()], file)
    data_first = text.count("\n", 0, m.end()) + 1
    data_lines = [
        (split_tokens(line, separators=","), data_first + k)
        for k, line in enumerate(split_lines(text[m.end() :]))
    ]
    data_lines = [(t, n) for t, n in data_lines if t]
    record = Record()
    record.add(
        "info",
        read_as(encoding)
        + Text(
            f": UCINET DL, format {h.format}" + (f", {h.nm} matrices" if h.nm > 1 else ""),
            f": UCINET DL, Format {h.format}" + (f", {h.nm} Matrizen" if h.nm > 1 else ""),
        ),
        file=file,
        warn=False,
    )
    meta = {"source": file, "format": "dl", "encoding": encoding}

    two_mode = h.format in ("edgelist2", "nodelist2")
    one_mode_only = h.format in ("lowerhalf", "upperhalf", "edgelist1", "nodelist1")
    if h.n is None and h.nr is not None and h.nc is not None and not two_mode:
        rl = [t for t, _ in h.row_labels or h.labels or []]
        cl = [t for t, _ in h.col_labels or h.labels or []]
        if h.nr != h.nc or (rl and cl and rl != cl):
            if one_mode_only:
                raise MatrixError(
                    f"NR = {h.nr} and NC = {h.nc} for format {h.format}",
                    file=file,
                    expected=Text("a square matrix (N = …)", "eine quadratische Matrix (N = …)"),
                )
            two_mode = True
    if two_mode and h.labels is not None and h.row_labels is None:
        raise MatrixError(
            Text(
                "one list of labels for two-mode data",
                "eine einzige Liste von Bezeichnungen für Daten mit zwei Modi",
            ),
            file=file,
            row=h.labels[0][1] if h.labels else None,
            expected=Text("ROW LABELS: and COLUMN LABELS:", "ROW LABELS: und COLUMN LABELS:"),
        )
    nr = h.nr or h.n
    nc = h.nc or h.n
    if h.format in ("fullmatrix", "lowerhalf", "upperhalf"):
        if nr is None or nc is None:
            raise FormatError(
                Text("the header gives no size", "der Kopf gibt keine Größe an"),
                file=file,
                row=1,
                expected=Text("N = … (or NR = … and NC = …)", "N = … (oder NR = … und NC = …)"),
            )
        flat = [(tok, n, False) for tokens, n in data_lines for tok in tokens]
        entries, emb_rows, emb_cols = _matrix_entries(h, _Tokens(flat, file), nr, nc)
        rows_named = emb_rows or h.row_labels or h.labels or [(str(i + 1), 1) for i in range(nr)]
        cols_named = emb_cols or h.col_labels or h.labels or [(str(i + 1), 1) for i in range(nc)]
        if not two_mode and h.row_embedded != h.col_embedded:
            # one kind embedded: the other comes from the header or from the embedded ones
            rows_named = emb_rows or h.row_labels or h.labels or cols_named
            cols_named = emb_cols or h.col_labels or h.labels or rows_named
    else:
        row_vs = _Vertices(
            h.row_labels or h.labels, nr, h.row_embedded, file, "vertex" if not two_mode else "row"
        )
        col_vs = (
            row_vs if not two_mode else _Vertices(h.col_labels, nc, h.col_embedded, file, "column")
        )
        entries = _list_entries(h, data_lines, row_vs, col_vs)
        first = data_lines[0][1] if data_lines else data_first
        rows_named, cols_named = row_vs.names(first), col_vs.names(first)

    row_labels = [t for t, _ in rows_named]
    col_labels = [t for t, _ in cols_named]
    check_unique_labels(row_labels, file=file, where="row", positions=[n for _, n in rows_named])
    check_unique_labels(col_labels, file=file, where="column", positions=[n for _, n in cols_named])
    actors = make_table(["id"], [(t,) for t in row_labels], [n for _, n in rows_named], file)
    if two_mode:
        columns, aff_recs, aff_rows = two_mode_affiliations(entries, row_labels, col_labels)
        affiliations = make_table(columns, aff_recs, aff_rows, file)
        return assemble(
            actors,
            None,
            affiliations,
            directed=bool(directed),
            record=record,
            name=name or path.stem,
            meta=meta,
        )
    if row_labels != col_labels:
        i = next(
            (k for k, (a, b) in enumerate(zip(row_labels, col_labels, strict=False)) if a != b),
            min(len(row_labels), len(col_labels)) - 1,
        )
        raise MatrixError(
            Text(
                f'row {i + 1} is labelled "{row_labels[i]}" but column {i + 1} is '
                f'labelled "{col_labels[i]}"',
                f'Zeile {i + 1} heißt "{row_labels[i]}", aber Spalte {i + 1} heißt '
                f'"{col_labels[i]}"',
            ),
            file=file,
            row=rows_named[i][1],
            expected=Text(
                "the same labels for rows and columns of a one-mode matrix",
                "dieselben Bezeichnungen für Zeilen und Spalten einer Matrix mit einem Modus",
            ),
        )
    recs, rows, is_directed = one_mode_ties(
        entries,
        row_labels,
        directed=directed,
        record=record,
        file=file,
        what="edge list" if h.format in ("edgelist1", "nodelist1") else "matrix",
    )
    with_relation = any(r[2] is not None for r in recs)
    header = list(TIE_HEADER) if with_relation else ["source", "target", "intensity"]
    ties = make_table(
        header, [r if with_relation else (r[0], r[1], r[3]) for r in recs], rows, file
    )
    return assemble(
        actors, ties, None, directed=is_directed, record=record, name=name or path.stem, meta=meta
    )
