"""Resource limits for reading untrusted input.

Every reader refuses input that is too large *before* it reads or allocates it,
with a :class:`~quartiernetz.exceptions.FormatError` that names the file, the size
found, the limit and how to raise it. The limits are far above any
neighbourhood network or survey (hundreds of actors, thousands of rows), so they
only stop hostile or mistaken input: a 1 GB CSV, an ``.xlsx`` that decompresses to
gigabytes, a matrix file declaring ten million actors.

``bytes`` (``QUARTIERNETZ_MAX_BYTES``, default 200 MiB)
    the size of any input file: CSV, Pajek, DL, GraphML, GEXF, GML, ``.xlsx``.
``xlsx_bytes`` (``QUARTIERNETZ_MAX_XLSX_BYTES``, default 500 MiB)
    the total uncompressed size of the parts of an ``.xlsx``, as its zip declares.
``zip_ratio`` (``QUARTIERNETZ_MAX_ZIP_RATIO``, default 100)
    uncompressed / compressed size of any ``.xlsx`` part over 1 MiB (ordinary
    sheets compress 5 to 20 times).
``cells`` (``QUARTIERNETZ_MAX_CELLS``, default 10,000,000)
    the cells (rows x columns, counted as read) of one CSV table or sheet.
``nodes`` (``QUARTIERNETZ_MAX_NODES``, default 100,000)
    the vertices a Pajek or UCINET DL file declares (``*Vertices n``, ``N=``,
    ``NR=``, ``NC=``, ``NM=``) and the column labels of a matrix CSV.
``xml_depth`` (``QUARTIERNETZ_MAX_XML_DEPTH``, default 100)
    how deeply the elements of a GraphML or GEXF file may nest (the formats
    need fewer than 10 levels).
``xml_elements`` (``QUARTIERNETZ_MAX_XML_ELEMENTS``, default 2,000,000)
    the elements and attributes of a GraphML or GEXF file together. The XML
    tree networkx builds takes a few hundred bytes per element, so this limit,
    not the file size, bounds the memory a small file of many empty elements
    could claim.

GraphML and GEXF files are checked against the two XML limits by a streaming
pass (expat, no tree kept) before anything builds a tree.

Change a limit for the process with :func:`set_limits` (it wins over the
environment), or set the environment variable before starting Python or the
command line::

    QUARTIERNETZ_MAX_BYTES=2000000000 quartiernetz report big.csv

The zip checks trust the sizes the ``.xlsx`` declares: Python's :mod:`zipfile`,
which openpyxl uses, stops with an error when a member decompresses to more than
its declared size, so a file cannot lie its way past them.

Examples
--------
>>> get_limit("cells")
10000000
>>> previous = set_limits(cells=1000)
>>> get_limit("cells")
1000
>>> _ = set_limits(**previous)
>>> get_limit("cells")
10000000
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from ..exceptions import FormatError, QuartiernetzError
from ..i18n import Text

__all__ = [
    "DEFAULT_LIMITS",
    "ENVIRONMENT",
    "get_limit",
    "set_limits",
    "check_cells",
    "check_nodes",
    "check_zip",
]

#: The built-in limits.
DEFAULT_LIMITS: dict[str, int] = {
    "bytes": 200 * 1024 * 1024,
    "xlsx_bytes": 500 * 1024 * 1024,
    "zip_ratio": 100,
    "cells": 10_000_000,
    "nodes": 100_000,
    "xml_depth": 100,
    "xml_elements": 2_000_000,
}

#: The environment variable of each limit.
ENVIRONMENT: dict[str, str] = {
    "bytes": "QUARTIERNETZ_MAX_BYTES",
    "xlsx_bytes": "QUARTIERNETZ_MAX_XLSX_BYTES",
    "zip_ratio": "QUARTIERNETZ_MAX_ZIP_RATIO",
    "cells": "QUARTIERNETZ_MAX_CELLS",
    "nodes": "QUARTIERNETZ_MAX_NODES",
    "xml_depth": "QUARTIERNETZ_MAX_XML_DEPTH",
    "xml_elements": "QUARTIERNETZ_MAX_XML_ELEMENTS",
}

_SET: dict[str, int] = {}
# members smaller than this are not checked for their compression ratio
_RATIO_FROM = 1024 * 1024


def _check_name(name: str) -> None:
    if name not in DEFAULT_LIMITS:
        raise KeyError(f"unknown limit {name!r}; known: {', '.join(DEFAULT_LIMITS)}")


def get_limit(name: str) -> int:
    """The limit in force: set with :func:`set_limits`, else from the environment, else default.

    Raises
    ------
    QuartiernetzError
        When the environment variable is not a positive whole number.
    """
    _check_name(name)
    if name in _SET:
        return _SET[name]
    var = ENVIRONMENT[name]
    value = os.environ.get(var, "").strip()
    if not value:
        return DEFAULT_LIMITS[name]
    try:
        number = int(value.replace("_", ""))
    except ValueError:
        number = 0
    if number <= 0:
        raise QuartiernetzError(
            Text(
                f"the environment variable {var} is {value!r}; expected a positive whole number",
                f"die Umgebungsvariable {var} ist {value!r}; erwartet: eine positive ganze Zahl",
            )
        )
    return number


def set_limits(**limits: int | None) -> dict[str, int | None]:
    """Set limits for this process (None: back to the environment or default).

    Returns
    -------
    dict
        The values set before, to restore them with ``set_limits(**previous)``.
    """
    previous: dict[str, int | None] = {}
    for name, value in limits.items():
        _check_name(name)
        previous[name] = _SET.get(name)
        if value is None:
            _SET.pop(name, None)
        elif isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise ValueError(f"the limit {name} must be a positive whole number, not {value!r}")
        else:
            _SET[name] = value
    return previous


def _hint(name: str) -> Text:
    return Text(
        f"Raise the limit with the environment variable {ENVIRONMENT[name]} "
        f"or quartiernetz.io.limits.set_limits({name}=...).",
        f"Die Grenze mit der Umgebungsvariablen {ENVIRONMENT[name]} oder "
        f"quartiernetz.io.limits.set_limits({name}=...) erhöhen.",
    )


_ORDINARY_XLSX = Text(
    "an .xlsx workbook of ordinary size", "eine .xlsx-Arbeitsmappe üblicher Größe"
)
_WHAT_DE = {"vertices": "Knoten", "column labels": "Spaltenbezeichnungen"}


def check_cells(cells: int, *, file: str, row: int | None = None) -> None:
    """Refuse a table whose cells (rows x columns read so far) exceed the ``cells`` limit."""
    limit = get_limit("cells")
    if cells > limit:
        raise FormatError(
            Text(
                f"the table has more than {limit:,} cells (rows x columns); reading stopped",
                f"die Tabelle hat mehr als {limit:,} Zellen (Zeilen x Spalten); Lesen abgebrochen",
            ),
            file=file,
            row=row,
            hint=_hint("cells"),
        )


def check_nodes(n: int, *, file: str, row: int | None = None, what: str = "vertices") -> None:
    """Refuse a declared number of vertices (or labels) over the ``nodes`` limit."""
    limit = get_limit("nodes")
    if n > limit:
        raise FormatError(
            Text(
                f"the file declares {n:,} {what}, more than the limit of {limit:,}",
                f"die Datei gibt {n:,} {_WHAT_DE.get(what, what)} an, mehr als die Grenze "
                f"von {limit:,}",
            ),
            file=file,
            row=row,
            hint=_hint("nodes"),
        )


def check_zip(path: str | os.PathLike[str]) -> None:
    """Refuse an ``.xlsx`` (a zip archive) that would decompress to too much.

    Checks the sizes the archive declares, before anything is decompressed: the
    total against ``xlsx_bytes`` and, for members over 1 MiB, the compression
    ratio against ``zip_ratio``. Files that are not zip archives pass (the
    workbook reader reports them).
    """
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return
    total = sum(m.file_size for m in members)
    limit = get_limit("xlsx_bytes")
    if total > limit:
        raise FormatError(
            Text(
                f"the workbook would decompress to {total:,} bytes, more than the limit of "
                f"{limit:,}",
                f"die Arbeitsmappe würde auf {total:,} Bytes entpackt, mehr als die Grenze "
                f"von {limit:,}",
            ),
            file=path.name,
            expected=_ORDINARY_XLSX,
            hint=_hint("xlsx_bytes"),
        )
    ratio_limit = get_limit("zip_ratio")
    for m in members:
        if m.file_size >= _RATIO_FROM and m.file_size > ratio_limit * max(m.compress_size, 1):
            factor = m.file_size / max(m.compress_size, 1)
            raise FormatError(
                Text(
                    f"the workbook part {m.filename!r} would decompress {factor:,.0f} times "
                    f"({m.compress_size:,} to {m.file_size:,} bytes), more than the limit "
                    f"of {ratio_limit:,} (a zip bomb?)",
                    f"der Teil {m.filename!r} der Arbeitsmappe würde {factor:,.0f}-fach "
                    f"entpackt ({m.compress_size:,} zu {m.file_size:,} Bytes), mehr als die "
                    f"Grenze von {ratio_limit:,} (eine Zip-Bombe?)",
                ),
                file=path.name,
                expected=_ORDINARY_XLSX,
                hint=_hint("zip_ratio"),
            )
