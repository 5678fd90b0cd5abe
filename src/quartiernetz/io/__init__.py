"""Readers and writers: every source format becomes a :class:`~quartiernetz.network.Network`.

:func:`read_network` detects the format from the path and the content; pass
``format=`` to override. :func:`write_network` writes by the output's ending.

=========== =========================================================== ==========
format      what                                                        writer
=========== =========================================================== ==========
``folder``  ``actors.csv``, ``ties.csv``, ``affiliations.csv``            yes
``xlsx``    workbook with sheets ``actors``, ``ties``, ``affiliations``   yes
``ties``    one CSV with ``source``, ``target`` (actors from the ties)
``gephi``   Gephi spreadsheet CSVs (nodes ``Id, Label``; edges
            ``Source, Target, Type, Weight``), a folder or an edges file
``kumu``    Kumu workbook (sheets ``Elements``, ``Connections``)
``pajek``   Pajek ``.net``
``dl``      UCINET DL (``fullmatrix``, ``edgelist1``, ``nodelist1``, …)
``matrix``  adjacency-matrix CSV (first header cell empty or ``dim_0``)
``graphml`` GraphML                                                     yes
``gexf``    GEXF                                                        yes
``gml``     GML
=========== =========================================================== ==========
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..exceptions import FormatError
from ..i18n import Text
from ..network import Network
from . import canonical, xmlgraph
from .gephi import read_gephi
from .gml import read_gml
from .kumu import read_kumu
from .matrix import is_matrix_header, read_matrix
from .pajek import read_pajek
from .text import read_xlsx_tables, sniff_separator
from .ucinet import read_dl

__all__ = ["read_network", "write_network", "detect_format", "READ_FORMATS", "WRITE_FORMATS"]

READ_FORMATS = (
    "folder",
    "xlsx",
    "ties",
    "gephi",
    "kumu",
    "pajek",
    "dl",
    "matrix",
    "graphml",
    "gexf",
    "gml",
)
WRITE_FORMATS = ("folder", "xlsx", "graphml", "gexf")

_NOT_FOUND = Text("the file or folder does not exist", "die Datei oder der Ordner existiert nicht")

_SUFFIX = {
    ".net": "pajek",
    ".paj": "pajek",
    ".dl": "dl",
    ".graphml": "graphml",
    ".gexf": "gexf",
    ".gml": "gml",
}


def _head(path: Path, n: int = 4096) -> str:
    with open(path, "rb") as fh:
        data = fh.read(n)
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def detect_format(path: str | os.PathLike[str]) -> str:
    """The format of ``path``, from its ending and its first bytes.

    Raises
    ------
    FormatError
        When the file does not exist or the format cannot be told.
    """
    path = Path(path)
    if not path.exists():
        raise FormatError(_NOT_FOUND, file=str(path))
    if path.is_dir():
        names = {p.name.casefold() for p in path.iterdir()}
        if {"nodes.csv", "edges.csv"} & names and not {"ties.csv", "actors.csv"} & names:
            return "gephi"
        return "folder"
    suffix = path.suffix.casefold()
    if suffix in (".xlsx", ".xlsm"):
        sheets = {s.strip().casefold() for s in read_xlsx_tables(path)}
        if {"elements", "connections"} & sheets:
            return "kumu"
        return "xlsx"
    if suffix == ".xls":
        raise FormatError(
            Text(
                "old Excel .xls files are not read",
                "alte Excel-Dateien (.xls) werden nicht gelesen",
            ),
            file=path.name,
            expected=Text(
                "an .xlsx workbook or CSV files", "eine .xlsx-Arbeitsmappe oder CSV-Dateien"
            ),
            hint=Text(
                "Save the file as .xlsx in Excel or LibreOffice.",
                "Die Datei in Excel oder LibreOffice als .xlsx speichern.",
            ),
        )
    if suffix in _SUFFIX:
        return _SUFFIX[suffix]
    raw_head = _head(path).lstrip("\ufeff")
    head = raw_head.lstrip()
    low = head.casefold()
    if low.startswith("<?xml") or low.startswith("<graphml") or low.startswith("<gexf"):
        if "<gexf" in low:
            return "gexf"
        if "<graphml" in low:
            return "graphml"
    pajek_start = "\n".join(ln for ln in low.splitlines() if not ln.startswith("%")).lstrip()
    if pajek_start.startswith(("*vertices", "*network")):
        return "pajek"
    first_word = low.split(None, 1)[0] if low else ""
    if first_word == "dl" or low.startswith("dl "):
        return "dl"
    first_line = next((ln for ln in raw_head.splitlines() if ln.strip()), "")
    if first_line:
        if is_matrix_header(first_line.split(sniff_separator(first_line + "\n"))):
            return "matrix"
    header = low.splitlines()[0] if low else ""
    cells = {c.strip().strip('"') for c in header.replace(";", ",").replace("\t", ",").split(",")}
    if {"source", "target"} <= cells and ({"type", "id", "label", "weight"} & cells):
        return "gephi"
    return "ties"


def read_network(
    path: str | os.PathLike[str],
    *,
    format: str = "auto",
    directed: bool | None = None,
    name: str | None = None,
    **options: Any,
) -> Network:
    """Read a network from a folder, workbook or network file.

    Parameters
    ----------
    path : path-like
        A folder (canonical CSVs or Gephi ``nodes.csv``/``edges.csv``), an
        ``.xlsx`` (canonical or Kumu), a ties CSV, a Gephi edges CSV, an
        adjacency-matrix CSV, a Pajek ``.net``, a UCINET ``.dl``, a ``.graphml``,
        ``.gexf`` or ``.gml`` file.
    format : str, default "auto"
        One of :data:`READ_FORMATS`, or "auto" to detect it (:func:`detect_format`).
    directed : bool, optional
        Whether ties are arcs. Default: what the source says (Pajek ``*Arcs``,
        GraphML ``edgedefault``, Gephi ``Type``, Kumu ``Direction``; a symmetric
        matrix is undirected, an asymmetric one directed), otherwise undirected.
    name : str, optional
        A name for the network (default: the file's name).
    **options
        Format-specific options, documented with each reader.

    Returns
    -------
    Network
        With ``net.record`` listing what was cleaned, merged, added or dropped.

    Raises
    ------
    QuartiernetzError
        An :class:`~quartiernetz.exceptions.InputError` subclass naming file, row
        and column for anything that cannot be read.

    Examples
    --------
    >>> from quartiernetz.datasets import example_path
    >>> net = read_network(example_path())
    >>> net.actors.loc["qm-nord", "type"]
    'Quartiersmanagement'
    """
    path = Path(path)
    fmt = detect_format(path) if format == "auto" else format
    if fmt not in READ_FORMATS:
        raise FormatError(
            Text(f"unknown format {format!r}", f"unbekanntes Format {format!r}"),
            file=path.name,
            expected=Text(
                f"one of {', '.join(READ_FORMATS)} or 'auto'",
                f"eines von {', '.join(READ_FORMATS)} oder 'auto'",
            ),
        )
    if not path.exists():
        raise FormatError(_NOT_FOUND, file=str(path))
    reader: Callable[..., Network]
    if fmt in ("folder", "xlsx", "ties"):
        reader = {
            "folder": canonical.read_folder,
            "xlsx": canonical.read_workbook,
            "ties": canonical.read_ties_file,
        }[fmt]
        if options:
            raise TypeError(f"the {fmt} reader takes no options {sorted(options)}")
        return reader(path, directed=directed, name=name)
    reader = {
        "gephi": read_gephi,
        "kumu": read_kumu,
        "pajek": read_pajek,
        "dl": read_dl,
        "matrix": read_matrix,
        "graphml": xmlgraph.read_graphml,
        "gml": read_gml,
        "gexf": xmlgraph.read_gexf,
    }[fmt]
    return reader(path, directed=directed, name=name, **options)


def write_network(net: Network, path: str | os.PathLike[str], *, format: str = "auto") -> Path:
    """Write a network: a folder of CSVs, ``.xlsx``, ``.graphml`` or ``.gexf``.

    Parameters
    ----------
    net : Network
    path : path-like
        The output; its ending chooses the format unless ``format`` is given
        (no ending, or an existing folder: the canonical CSV folder).
    format : str, default "auto"
        One of :data:`WRITE_FORMATS`.

    Returns
    -------
    pathlib.Path
        What was written.
    """
    path = Path(path)
    if format == "auto":
        suffix = path.suffix.casefold()
        format = {".xlsx": "xlsx", ".graphml": "graphml", ".gexf": "gexf"}.get(suffix, "")
        if not format:
            if suffix and not path.is_dir():
                raise FormatError(
                    Text(
                        f"cannot write the ending {path.suffix!r}",
                        f"die Endung {path.suffix!r} kann nicht geschrieben werden",
                    ),
                    file=path.name,
                    expected=Text(
                        "a folder, .xlsx, .graphml or .gexf",
                        "ein Ordner, .xlsx, .graphml oder .gexf",
                    ),
                )
            format = "folder"
    if format not in WRITE_FORMATS:
        raise FormatError(
            Text(f"unknown output format {format!r}", f"unbekanntes Ausgabeformat {format!r}"),
            file=path.name,
            expected=Text(
                f"one of {', '.join(WRITE_FORMATS)}", f"eines von {', '.join(WRITE_FORMATS)}"
            ),
        )
    if format in ("folder", "xlsx"):
        return (canonical.write_folder if format == "folder" else canonical.write_workbook)(
            net, path
        )
    return (xmlgraph.write_graphml if format == "graphml" else xmlgraph.write_gexf)(net, path)
