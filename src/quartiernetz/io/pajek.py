"""Pajek ``.net`` files.

The layout Pajek, igraph, networkx and VennMaker write::

    % comment
    *Network Quartier Nord
    *Vertices 4
    1 "QM Nord" 0.1 0.2 0.5
    2 "AWO Ortsverein"
    3 Kita
    4 "Bürgerverein"
    *Arcs :1 "Information"
    1 2 2
    2 1
    *Edges :2 "Projekt"
    1 3 1
    *Arcslist
    4 1 2 3

Read as follows:

- Keywords ignore case (networkx writes ``*vertices``, ``*arcs``). Lines starting
  with ``%`` are comments. Text is UTF-8, else cp1252.
- Vertex lines ``number "label" [x y z] [drawing options]``: the label may be
  quoted or a single word; coordinates and drawing options are left out. Vertices
  without a line are labelled with their number, as in Pajek.
- The actor id is the label when every label is distinct, else the vertex number
  (recorded); the label column keeps the labels.
- ``*Arcs``/``*Edges`` lines ``i j [weight] [drawing options]``: weight default 1;
  ``*Arcslist``/``*Edgeslist`` lines ``i j k …`` (ties from *i* to each);
  ``*Matrix`` rows of *n* numbers (read as arcs, as Pajek does).
- Relations: a section header ``*Arcs :2 "Projekt"`` names relation 2; a line
  prefix ``2: i j`` puts a line in relation 2. Without either, ties are
  ``cooperation``.
- Direction: ``*Arcs`` give a directed network, ``*Edges`` an undirected one;
  both in one file raise a :class:`~quartiernetz.exceptions.FormatError` unless
  ``directed`` is given (``directed=True``: an edge is an arc each way).
- Two-mode ``*Vertices n m``: the first *m* vertices are actors, the others
  items (committees, events); lines between an actor and an item become
  affiliations (a column ``weight`` when some weight is not 1).
- A ``.paj`` project is read up to its first network.

Errors name the file and line ("row" in the message is the line number).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..exceptions import FormatError, InvalidValueError
from ..i18n import Text
from ..network import Network
from ..record import Record
from ._graphs import make_table, resolve_direction, split_tokens
from .assemble import assemble
from .limits import check_nodes
from .text import read_as, read_text, split_lines

__all__ = ["read_pajek"]

_LINE_SECTIONS = {
    "arcs": "directed",
    "edges": "undirected",
    "arcslist": "directed",
    "edgeslist": "undirected",
    "matrix": "directed",
}
_STOP = ("partition", "vector", "permutation", "cluster", "hierarchy", "network")
# the relation name: quoted, or the rest of the line up to its last non-space (a lazy
# "(\S.*?)\s*$" took quadratic time on lines with long runs of spaces)
_HEADER = re.compile(r'^\*(\w+)\s*(?::\s*(\d+)\s*(?:"([^"]*)"|(\S(?:.*\S)?))?\s*)?$')
_RELATION_PREFIX = re.compile(r"^(\d+):$")


@dataclass
class _Parsed:
    n: int = 0
    n_actors: int | None = None
    vertices_line: int = 0
    labels: dict[int, tuple[str, int]] = field(default_factory=dict)
    # (i, j, weight, line, kind, relation key)
    links: list[tuple[int, int, float, int, str, int | None]] = field(default_factory=list)
    relation_names: dict[int, str] = field(default_factory=dict)
    title: str | None = None
    dropped_extras: int = 0


def _int(token: str, *, file: str, line: int, what: str) -> int:
    try:
        return int(token)
    except ValueError:
        raise FormatError(
            Text(f"{token!r} is not a {what}", f"{token!r} ist keine {_DE.get(what, what)}"),
            file=file,
            row=line,
            expected=Text(f"a whole number ({what})", f"eine ganze Zahl ({_DE.get(what, what)})"),
        ) from None


_DE = {
    "vertex number": "Knotennummer",
    "vertex count": "Knotenzahl",
    "count of actors": "Akteurszahl",
    "items": "Einträge",
    "actors": "Akteure",
}


def _vertex(token: str, p: _Parsed, *, file: str, line: int) -> int:
    v = _int(token, file=file, line=line, what="vertex number")
    if not 1 <= v <= p.n:
        raise FormatError(
            Text(f"vertex {v} does not exist", f"Knoten {v} existiert nicht"),
            file=file,
            row=line,
            expected=Text(
                f"a vertex number from 1 to {p.n} (*Vertices {p.n}, line {p.vertices_line})",
                f"eine Knotennummer von 1 bis {p.n} (*Vertices {p.n}, Zeile {p.vertices_line})",
            ),
        )
    return v


def _weight(token: str, *, file: str, line: int) -> float | None:
    try:
        w = float(token)
    except ValueError:
        return None
    if w < 0 or w != w:
        raise InvalidValueError(
            Text(
                f"the weight {token} is negative or not a number",
                f"das Gewicht {token} ist negativ oder keine Zahl",
            ),
            file=file,
            row=line,
            expected=Text(
                "a weight >= 0 (quartiernetz intensities)",
                "ein Gewicht >= 0 (Intensitäten in quartiernetz)",
            ),
        )
    return w


def _parse(text: str, file: str, record: Record) -> _Parsed:
    p = _Parsed()
    section: str | None = None
    rel_key: int | None = None
    matrix_row = 0
    for lineno, raw in enumerate(split_lines(text), start=1):
        line = raw.strip()
        if not line or line.startswith("%"):
            continue
        if line.startswith("*"):
            m = _HEADER.match(line)
            word = (m.group(1) if m else line[1:].split()[0] if line[1:].split() else "").lower()
            if word == "network" and section is None and not p.n:
                p.title = line[len("*network") :].strip().strip('"') or None
                continue
            if word == "vertices":
                if p.n:
                    record.add(
                        "info",
                        Text(
                            "the file holds more than one network: the first is read",
                            "die Datei enthält mehr als ein Netzwerk: das erste wird gelesen",
                        ),
                        file=file,
                        rows=[lineno],
                        warn=False,
                    )
                    break
                tokens = line.split()[1:]
                if not tokens:
                    raise FormatError(
                        Text("*Vertices without a number", "*Vertices ohne Zahl"),
                        file=file,
                        row=lineno,
                        expected=Text(
                            "*Vertices n (or *Vertices n m for two-mode)",
                            "*Vertices n (oder *Vertices n m für zwei Modi)",
                        ),
                    )
                p.n = _int(tokens[0], file=file, line=lineno, what="vertex count")
                if p.n < 1:
                    raise FormatError(
                        Text(f"*Vertices {p.n}", f"*Vertices {p.n}"),
                        file=file,
                        row=lineno,
                        expected=Text("*Vertices n with n >= 1", "*Vertices n mit n >= 1"),
                    )
                check_nodes(p.n, file=file, row=lineno)
                if len(tokens) > 1:
                    p.n_actors = _int(tokens[1], file=file, line=lineno, what="count of actors")
                    if not 0 < p.n_actors < p.n:
                        raise FormatError(
                            Text(
                                f"*Vertices {p.n} {p.n_actors}: the first mode must "
                                "have between 1 and n - 1 vertices",
                                f"*Vertices {p.n} {p.n_actors}: der erste Modus muss "
                                "zwischen 1 und n - 1 Knoten haben",
                            ),
                            file=file,
                            row=lineno,
                            expected=Text(
                                "*Vertices n m with 0 < m < n", "*Vertices n m mit 0 < m < n"
                            ),
                        )
                p.vertices_line = lineno
                section = "vertices"
                continue
            if word in _LINE_SECTIONS:
                if not p.n:
                    raise FormatError(
                        Text(
                            f"*{m.group(1) if m else word} before *Vertices",
                            f"*{m.group(1) if m else word} vor *Vertices",
                        ),
                        file=file,
                        row=lineno,
                        expected=Text("*Vertices n first", "zuerst *Vertices n"),
                    )
                section, matrix_row = word, 0
                rel_key = int(m.group(2)) if m and m.group(2) else None
                rel_name = (m.group(3) or m.group(4) or "").strip() if m else ""
                if rel_key is not None and rel_name:
                    p.relation_names[rel_key] = rel_name
                continue
            if word in _STOP:
                record.add(
                    "info",
                    Text(
                        f"the file goes on with *{word}: only the network is read",
                        f"die Datei geht mit *{word} weiter: nur das Netzwerk wird gelesen",
                    ),
                    file=file,
                    rows=[lineno],
                    warn=False,
                )
                break
            raise FormatError(
                Text(
                    f"unknown section {line.split()[0]!r}",
                    f"unbekannter Abschnitt {line.split()[0]!r}",
                ),
                file=file,
                row=lineno,
                expected=Text(
                    "*Vertices, *Arcs, *Edges, *Arcslist, *Edgeslist or *Matrix",
                    "*Vertices, *Arcs, *Edges, *Arcslist, *Edgeslist oder *Matrix",
                ),
            )
        if section is None:
            raise FormatError(
                Text(
                    f"data before *Vertices: {line[:40]!r}", f"Daten vor *Vertices: {line[:40]!r}"
                ),
                file=file,
                row=lineno,
                expected=Text(
                    "*Vertices n as the first line (after comments)",
                    "*Vertices n als erste Zeile (nach Kommentaren)",
                ),
            )
        tokens = split_tokens(line)
        if not tokens:
            raise FormatError(
                Text(
                    f"the line holds no value: {line[:40]!r}",
                    f"die Zeile enthält keinen Wert: {line[:40]!r}",
                ),
                file=file,
                row=lineno,
                expected=Text(
                    "vertex numbers, labels and weights",
                    "Knotennummern, Bezeichnungen und Gewichte",
                ),
            )
        if section == "vertices":
            v = _int(tokens[0], file=file, line=lineno, what="vertex number")
            if not 1 <= v <= p.n:
                raise FormatError(
                    Text(f"vertex {v} is beyond the count", f"Knoten {v} liegt über der Anzahl"),
                    file=file,
                    row=lineno,
                    expected=Text(
                        f"vertex numbers from 1 to {p.n} (*Vertices {p.n}, line {p.vertices_line})",
                        f"Knotennummern von 1 bis {p.n} (*Vertices {p.n}, Zeile {p.vertices_line})",
                    ),
                )
            if v in p.labels:
                raise FormatError(
                    Text(
                        f"vertex {v} is listed twice (first in line {p.labels[v][1]})",
                        f"Knoten {v} steht zweimal da (zuerst in Zeile {p.labels[v][1]})",
                    ),
                    file=file,
                    row=lineno,
                    expected=Text("each vertex once", "jeden Knoten einmal"),
                )
            p.labels[v] = (tokens[1].strip() if len(tokens) > 1 else str(v), lineno)
            p.dropped_extras += len(tokens) > 2
            continue
        kind = _LINE_SECTIONS[section]
        key = rel_key
        prefix = _RELATION_PREFIX.match(tokens[0])
        if prefix:
            key, tokens = int(prefix.group(1)), tokens[1:]
        if section == "matrix":
            matrix_row += 1
            if matrix_row > p.n:
                raise FormatError(
                    Text(
                        f"the matrix has more than {p.n} rows",
                        f"die Matrix hat mehr als {p.n} Zeilen",
                    ),
                    file=file,
                    row=lineno,
                    expected=Text(f"{p.n} rows of {p.n} numbers", f"{p.n} Zeilen mit {p.n} Zahlen"),
                )
            if len(tokens) != p.n:
                raise FormatError(
                    Text(
                        f"the matrix row has {len(tokens)} numbers",
                        f"die Matrixzeile hat {len(tokens)} Zahlen",
                    ),
                    file=file,
                    row=lineno,
                    expected=Text(
                        f"{p.n} numbers (*Vertices {p.n})", f"{p.n} Zahlen (*Vertices {p.n})"
                    ),
                )
            for j, tok in enumerate(tokens, start=1):
                w = _weight(tok, file=file, line=lineno)
                if w is None:
                    raise FormatError(
                        Text(f"{tok!r} is not a number", f"{tok!r} ist keine Zahl"),
                        file=file,
                        row=lineno,
                        expected=Text("numbers in the matrix", "Zahlen in der Matrix"),
                    )
                if w:
                    p.links.append((matrix_row, j, w, lineno, kind, key))
            continue
        if len(tokens) < 2:
            raise FormatError(
                Text(f"the line has {len(tokens)} value", f"die Zeile hat {len(tokens)} Wert"),
                file=file,
                row=lineno,
                expected=Text(
                    "two vertex numbers (and a weight)", "zwei Knotennummern (und ein Gewicht)"
                ),
            )
        i = _vertex(tokens[0], p, file=file, line=lineno)
        if section.endswith("list"):
            for tok in tokens[1:]:
                p.links.append((i, _vertex(tok, p, file=file, line=lineno), 1.0, lineno, kind, key))
            continue
        j = _vertex(tokens[1], p, file=file, line=lineno)
        w = _weight(tokens[2], file=file, line=lineno) if len(tokens) > 2 else None
        p.links.append((i, j, 1.0 if w is None else w, lineno, kind, key))
    if not p.n:
        raise FormatError(
            Text("the file has no *Vertices line", "die Datei hat keine Zeile *Vertices"),
            file=file,
            expected=Text(
                "a Pajek network starting with *Vertices n",
                "ein Pajek-Netzwerk, das mit *Vertices n beginnt",
            ),
        )
    return p


def _names(
    p: _Parsed, vertices: range, *, file: str, record: Record, what: str
) -> tuple[dict[int, str], dict[int, str]]:
    """Ids and labels of ``vertices``: the labels if distinct, else the vertex numbers."""
    labels = {v: p.labels.get(v, (str(v), 0))[0] for v in vertices}
    if len(set(labels.values())) == len(labels):
        return labels, labels
    dup = next(lab for lab, c in Counter(labels.values()).items() if c > 1)
    record.add(
        "info",
        Text(
            f"{what} labels are not distinct (e.g. {dup!r}): their ids are the "
            "vertex numbers, the labels are kept",
            f"die Bezeichnungen ({what}) sind nicht eindeutig (z. B. {dup!r}): die Ids "
            "sind die Knotennummern, die Bezeichnungen bleiben erhalten",
        ),
        file=file,
        warn=False,
    )
    return {v: str(v) for v in vertices}, labels


def read_pajek(
    path: str | os.PathLike[str],
    *,
    directed: bool | None = None,
    name: str | None = None,
) -> Network:
    """Read a Pajek ``.net`` file.

    Parameters
    ----------
    path : path-like
        The ``.net`` (or ``.paj``) file.
    directed : bool, optional
        Default: directed for ``*Arcs``, undirected for ``*Edges``.
    name : str, optional
        The network's name (default: the file's stem).

    Returns
    -------
    Network
        Every vertex is an actor (or, in a two-mode file, an actor or an item).

    Raises
    ------
    FormatError
        Naming the line: a missing or wrong ``*Vertices``, a vertex number that
        does not exist (0 or beyond the count), a vertex listed twice, a line with
        one value, arcs and edges mixed without ``directed``.
    InvalidValueError
        A negative weight.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "nord.net"
    >>> _ = f.write_text('*Vertices 3\\n1 "QM Nord"\\n2 "AWO"\\n3 "Kita"\\n*Edges\\n1 2 2\\n1 3\\n')
    >>> net = read_pajek(f)
    >>> net.ties[["source", "target", "intensity"]].values.tolist()
    [['QM Nord', 'AWO', 2.0], ['QM Nord', 'Kita', 1.0]]
    """
    path = Path(path)
    file = path.name
    text, encoding = read_text(path)
    record = Record()
    p = _parse(text, file, record)
    n_arcs = sum(1 for link in p.links if link[4] == "directed")
    record.add(
        "info",
        read_as(encoding)
        + Text(
            f": Pajek network with {p.n} vertices"
            + (f" ({p.n_actors} in the first mode)" if p.n_actors else "")
            + f", {n_arcs} arcs, {len(p.links) - n_arcs} edges",
            f": Pajek-Netzwerk mit {p.n} Knoten"
            + (f" ({p.n_actors} im ersten Modus)" if p.n_actors else "")
            + f", {n_arcs} Pfeile, {len(p.links) - n_arcs} Kanten",
        ),
        file=file,
        warn=False,
    )
    missing = p.n - len(p.labels)
    if missing and p.labels:
        record.add(
            "info",
            Text(
                f"{missing} vertices have no line: their labels are their numbers",
                f"{missing} Knoten haben keine Zeile: ihre Bezeichnungen sind ihre Nummern",
            ),
            file=file,
            warn=False,
        )
    if p.dropped_extras:
        record.add(
            "info",
            Text(
                "vertex coordinates and drawing options left out",
                "Koordinaten und Zeichenoptionen der Knoten ausgelassen",
            ),
            count=p.dropped_extras,
            file=file,
            warn=False,
        )
    n_actors = p.n_actors or p.n
    ids, labels = _names(p, range(1, n_actors + 1), file=file, record=record, what="vertex")
    lines = {v: p.labels.get(v, ("", p.vertices_line))[1] for v in range(1, p.n + 1)}
    actors = make_table(
        ["id", "label"], [(ids[v], labels[v]) for v in ids], [lines[v] for v in ids], file
    )
    keys = {link[5] for link in p.links}
    use_relation = keys != {None}

    def relation(key: int | None) -> str | None:
        if key is None:
            return None
        return p.relation_names.get(key, f"relation {key}")

    meta = {"source": file, "format": "pajek", "encoding": encoding}
    if p.title:
        meta["title"] = p.title
    if p.n_actors:
        items, _ = _names(p, range(n_actors + 1, p.n + 1), file=file, record=record, what="item")
        weighted = any(link[2] != 1 for link in p.links)
        recs, rows = [], []
        for i, j, w, line, _, key in p.links:
            if i > n_actors:
                i, j = j, i
            if i > n_actors or j <= n_actors:
                kinds_joined = "items" if i > n_actors else "actors"
                raise FormatError(
                    Text(
                        f"the line joins two {kinds_joined} of a two-mode network",
                        f"die Zeile verbindet zwei {_DE[kinds_joined]} eines Netzwerks mit zwei "
                        "Modi",
                    ),
                    file=file,
                    row=line,
                    expected=Text(
                        f"an actor (1 to {n_actors}) and an item ({n_actors + 1} to {p.n})",
                        f"einen Akteur (1 bis {n_actors}) und einen Eintrag "
                        f"({n_actors + 1} bis {p.n})",
                    ),
                )
            recs.append(
                (
                    ids[i],
                    items[j],
                    *([relation(key)] if use_relation else []),
                    *([w] if weighted else []),
                )
            )
            rows.append(line)
        columns = (
            ["actor", "item"]
            + (["relation"] if use_relation else [])
            + (["weight"] if weighted else [])
        )
        affiliations = make_table(columns, recs, rows, file)
        return assemble(
            actors,
            None,
            affiliations,
            directed=bool(directed),
            record=record,
            name=name or path.stem,
            meta=meta,
        )

    kinds = [link[4] for link in p.links]
    is_directed, both = resolve_direction(
        kinds,
        [link[3] for link in p.links],
        directed=directed,
        record=record,
        file=file,
        column=None,
    )
    recs, rows = [], []
    for (i, j, w, line, _, key), twice in zip(p.links, both, strict=True):
        pairs = [(i, j), (j, i)] if twice else [(i, j)]
        for a, b in pairs:
            recs.append((ids[a], ids[b], relation(key), w))
            rows.append(line)
    columns = ["source", "target", "relation", "intensity"]
    if not use_relation:
        columns.remove("relation")
        recs = [(a, b, w) for a, b, _, w in recs]
    ties = make_table(columns, recs, rows, file)
    return assemble(
        actors, ties, None, directed=is_directed, record=record, name=name or path.stem, meta=meta
    )
