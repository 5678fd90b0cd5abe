"""Reading text tables and spreadsheet sheets the way real exports write them.

Text files are decoded as UTF-8 (with or without byte-order mark) and, failing
that, as cp1252 (German Excel); the separator (``,``, ``;`` or tab) is detected
from the header line. Every value is read as text; numbers are parsed later by
:func:`parse_numbers`, which understands decimal commas where they are
unambiguous. Rows are numbered as a spreadsheet user counts them: the header is
row 1, the first data row is row 2.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, overload

import numpy as np
import pandas as pd

from ..exceptions import (
    EmptyFileError,
    FormatError,
    InputError,
    InputProblems,
    InvalidValueError,
    MissingColumnError,
)
from ..i18n import Text
from .limits import DEFAULT_LIMITS, check_cells, check_zip, get_limit

__all__ = [
    "Table",
    "decode_bytes",
    "read_text",
    "read_records",
    "read_csv_table",
    "read_xlsx_tables",
    "parse_numbers",
    "find_column",
    "split_lines",
    "refuse_unstorable",
    "read_as",
    "SEPARATORS",
]

#: Separators that are detected, in order of preference on a tie.
SEPARATORS = (";", "\t", ",")

#: Refuse files larger than this many bytes (override with QUARTIERNETZ_MAX_BYTES or
#: :func:`quartiernetz.io.limits.set_limits`; see :mod:`quartiernetz.io.limits`).
DEFAULT_MAX_BYTES = DEFAULT_LIMITS["bytes"]

_MOJIBAKE = re.compile("Ã[\u0080-\u00bf¤¶¼Ÿ–—]|Ã©|Ã¼|Ã¶|Ã¤|ÃŸ")


@dataclass
class Table:
    """A table as read from a file: text values, spreadsheet row numbers, provenance.

    Attributes
    ----------
    frame : pandas.DataFrame
        The values, all text; an empty cell is ``""``.
    file : str
        The file's name (and sheet, for workbooks), used in messages.
    rows : list of int
        For each row of ``frame``, its row number as a spreadsheet user counts it.
    encoding, sep : str or None
        What was detected, for text files.
    notes : list of str or Text
        What the reader noticed (e.g. a possible mojibake), for the record.
    skipped : list of int
        Rows left out because they hold separators but no value (``;;``), for the record.
    hidden : bool
        Whether the table is a hidden sheet of a workbook.
    """

    frame: pd.DataFrame
    file: str
    rows: list[int]
    encoding: str | None = None
    sep: str | None = None
    notes: list[str | Text] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)
    hidden: bool = False

    def row(self, i: int) -> int:
        """Spreadsheet row number of the ``i``-th data row."""
        return self.rows[i]

    @property
    def columns(self) -> list[str]:
        return [str(c) for c in self.frame.columns]

    def subset(self, mask: Sequence[bool] | np.ndarray) -> Table:
        """A table of the rows where ``mask`` holds, keeping their row numbers."""
        mask = np.asarray(mask, dtype=bool)
        return Table(
            frame=self.frame.loc[mask].reset_index(drop=True),
            file=self.file,
            rows=[r for r, m in zip(self.rows, mask, strict=True) if m],
            encoding=self.encoding,
            sep=self.sep,
            notes=list(self.notes),
            skipped=list(self.skipped),
            hidden=self.hidden,
        )


_EMPTY_FILE = Text("the file is empty", "die Datei ist leer")
_HEADER_AND_DATA = Text("a header row and data", "eine Kopfzeile und Daten")
_EVERY_COLUMN_NAMED = Text("a name for every column", "ein Name für jede Spalte")
_DISTINCT_COLUMNS = Text("distinct column names", "verschiedene Spaltennamen")
_XLSX = Text("an .xlsx workbook", "eine .xlsx-Arbeitsmappe")

_SEP_NAMES = {"\t": ("tab", "Tabulator"), ";": ("';'", "';'"), ",": ("','", "','")}


def read_as(encoding: str, sep: str | None = None) -> Text:
    """The record's line for how a text file was read: encoding and separator.

    Examples
    --------
    >>> print(read_as("utf-8-sig", ";").de)
    als UTF-8-Text (mit Byte-Order-Mark) gelesen, Trennzeichen ';'
    >>> str(read_as("cp1252"))
    'read as cp1252 text'
    """
    de = {
        "utf-8": "als UTF-8-Text gelesen",
        "utf-8-sig": "als UTF-8-Text (mit Byte-Order-Mark) gelesen",
        "cp1252": "als cp1252-Text (Windows) gelesen",
        "utf-16": "als UTF-16-Text gelesen",
    }.get(encoding, f"als {encoding}-Text gelesen")
    text = Text(f"read as {encoding} text", de)
    if sep is not None:
        sep_en, sep_de = _SEP_NAMES.get(sep, (repr(sep), repr(sep)))
        text = text + Text(f", separator {sep_en}", f", Trennzeichen {sep_de}")
    return text


def _max_bytes() -> int:
    return get_limit("bytes")


def check_size(path: str | os.PathLike[str]) -> None:
    """Refuse a file over the size limit (``bytes`` in :mod:`~quartiernetz.io.limits`)
    before reading it."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as err:
        raise FormatError(
            Text(
                f"the file cannot be read ({err.strerror or type(err).__name__})",
                f"die Datei kann nicht gelesen werden ({err.strerror or type(err).__name__})",
            ),
            file=path.name,
        ) from None
    limit = _max_bytes()
    if size > limit:
        raise FormatError(
            Text(
                f"the file has {size:,} bytes, more than the limit of {limit:,}",
                f"die Datei hat {size:,} Bytes, mehr als die Grenze von {limit:,}",
            ),
            file=path.name,
            hint=Text(
                "Raise the limit with the environment variable QUARTIERNETZ_MAX_BYTES "
                "or quartiernetz.io.limits.set_limits(bytes=...).",
                "Die Grenze mit der Umgebungsvariablen QUARTIERNETZ_MAX_BYTES oder "
                "quartiernetz.io.limits.set_limits(bytes=...) erhöhen.",
            ),
        )


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """Read a file's bytes, refusing files over the size limit before reading them."""
    check_size(path)
    try:
        return Path(path).read_bytes()
    except OSError as err:
        raise FormatError(
            Text(
                f"the file cannot be read ({err.strerror or type(err).__name__})",
                f"die Datei kann nicht gelesen werden ({err.strerror or type(err).__name__})",
            ),
            file=Path(path).name,
        ) from None


def decode_bytes(data: bytes, *, file: str = "<input>") -> tuple[str, str]:
    """Decode file content as UTF-8 (BOM or not) or cp1252; refuse binary data.

    Returns
    -------
    text, encoding : str, str
        ``encoding`` is ``"utf-8-sig"``, ``"utf-8"`` or ``"cp1252"``.

    Examples
    --------
    >>> decode_bytes("Straße".encode("cp1252"))
    ('Straße', 'cp1252')
    >>> decode_bytes(b"\\xef\\xbb\\xbfid;label")
    ('id;label', 'utf-8-sig')
    """
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as err:
            raise FormatError(
                Text(
                    "the file starts with a UTF-16 byte-order mark but is not UTF-16 text "
                    f"({err.reason} at byte offset {err.start})",
                    "die Datei beginnt mit einer UTF-16-Byte-Order-Mark, ist aber kein "
                    f"UTF-16-Text ({err.reason} an Byte-Position {err.start})",
                ),
                file=file,
                expected=Text(
                    "a text file in UTF-8, cp1252 or UTF-16",
                    "eine Textdatei in UTF-8, cp1252 oder UTF-16",
                ),
            ) from None
    else:
        encoding = "utf-8"
    if b"\x00" in data[:65536]:
        raise FormatError(
            Text(
                "the file holds binary data (NUL bytes)", "die Datei enthält Binärdaten (NUL-Bytes)"
            ),
            file=file,
            expected=Text(
                "a text file (CSV, Pajek, UCINET DL) or a workbook with the .xlsx ending",
                "eine Textdatei (CSV, Pajek, UCINET DL) oder eine Arbeitsmappe mit der "
                "Endung .xlsx",
            ),
        )
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as err:
        raise FormatError(
            Text(
                f"the file is neither UTF-8 nor cp1252 text (byte {data[err.start]:#04x} "
                f"at offset {err.start})",
                f"die Datei ist weder UTF-8- noch cp1252-Text (Byte {data[err.start]:#04x} "
                f"an Position {err.start})",
            ),
            file=file,
            expected=Text("a text file in UTF-8 or cp1252", "eine Textdatei in UTF-8 oder cp1252"),
        ) from None


def read_text(path: str | os.PathLike[str]) -> tuple[str, str]:
    """Read and decode a text file; see :func:`decode_bytes`."""
    path = Path(path)
    return decode_bytes(read_bytes(path), file=path.name)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """Split text into lines at ``\\r\\n``, ``\\r`` and ``\\n`` only.

    Unlike :meth:`str.splitlines`, characters such as U+2028 (line separator),
    U+0085 or form feeds stay inside their line, so that line numbers are the ones
    an editor and the csv module count.

    Examples
    --------
    >>> split_lines("a\\u2028b\\r\\nc\\rd\\ne")
    ['a\u2028b', 'c', 'd', 'e']
    """
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _count_outside_quotes(line: str, sep: str) -> int:
    count, quoted = 0, False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == sep and not quoted:
            count += 1
    return count


def sniff_separator(text: str) -> str:
    """The separator of a delimited text: the one of ``; tab ,`` that splits the header most.

    Examples
    --------
    >>> sniff_separator('id;label;note\\n"a";"b, c";1,5\\n')
    ';'
    >>> sniff_separator("Source,Target,Weight\\n1,2,3\\n")
    ','
    """
    lines = [ln for ln in split_lines(text[:1_000_000]) if ln.strip()][:20]
    if not lines:
        return ","
    best, best_score = ",", -1
    for sep in SEPARATORS:
        counts = [_count_outside_quotes(ln, sep) for ln in lines]
        header = counts[0]
        if header == 0:
            continue
        # a separator that splits the header and every other line the same way wins
        consistent = sum(1 for c in counts[1:] if c == header)
        score = header * 10 + consistent
        if score > best_score:
            best, best_score = sep, score
    return best


def read_csv_table(
    source: str | os.PathLike[str] | tuple[str, str],
    *,
    sep: str | None = None,
    header_rows: int = 1,
) -> Table:
    """Read a delimited text file into a :class:`Table` of text values.

    Parameters
    ----------
    source : path or (text, name)
        A file, or its already decoded text and a name for messages.
    sep : str, optional
        The separator; detected when not given.
    header_rows : int, default 1
        Rows before the data; the first is the header. Later ones (Qualtrics'
        question text and import ids) are skipped and kept in ``table.notes``.

    Raises
    ------
    EmptyFileError
        When the file has no header.
    FormatError
        When a row has more values than the header, or a header repeats or is empty.
    """
    if isinstance(source, tuple):
        text, name = source
        encoding = None
    else:
        name = Path(source).name
        text, encoding = read_text(source)
    if not text.strip():
        raise EmptyFileError(_EMPTY_FILE, file=name, expected=_HEADER_AND_DATA)
    sep = sep or sniff_separator(text)
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
    # spreadsheet row numbers: one per record
    numbered = [(i + 1, rec) for i, rec in enumerate(records)]
    # a row of separators only (";;", ", ,") holds no value: left out, and said so
    skipped = [n for n, rec in numbered if len(rec) > 1 and not any(v.strip() for v in rec)]
    numbered = [(n, rec) for n, rec in numbered if any(v.strip() for v in rec)]
    if not numbered:
        raise EmptyFileError(_EMPTY_FILE, file=name, expected=_HEADER_AND_DATA)
    header_n, header = numbered[0]
    header = [h.strip() for h in header]
    # drop trailing empty headers whose columns are empty (a trailing separator)
    while header and not header[-1]:
        idx = len(header) - 1
        if any(len(rec) > idx and rec[idx].strip() for _, rec in numbered[1:]):
            break
        header.pop()
    seen: dict[str, int] = {}
    for j, h in enumerate(header):
        if not h:
            raise FormatError(
                Text(
                    f"column {j + 1} has an empty header but holds data",
                    f"Spalte {j + 1} hat keine Überschrift, enthält aber Daten",
                ),
                file=name,
                row=header_n,
                expected=_EVERY_COLUMN_NAMED,
            )
        key = h.casefold()
        if key in seen:
            raise FormatError(
                Text(
                    f"the header {h!r} appears twice (columns {seen[key] + 1} and {j + 1})",
                    f"die Überschrift {h!r} kommt zweimal vor (Spalten {seen[key] + 1} "
                    f"und {j + 1})",
                ),
                file=name,
                row=header_n,
                expected=_DISTINCT_COLUMNS,
            )
        seen[key] = j
    extra_headers = numbered[1:header_rows]
    body = numbered[header_rows:]
    width = len(header)
    values, rows = [], []
    for n, rec in body:
        if len(rec) > width and any(v.strip() for v in rec[width:]):
            raise FormatError(
                Text(
                    f"the row has {len(rec)} values but the header has {width} columns",
                    f"die Zeile hat {len(rec)} Werte, die Kopfzeile aber {width} Spalten",
                ),
                file=name,
                row=n,
                expected=Text(
                    f"at most {width} values separated by {sep!r}",
                    f"höchstens {width} durch {sep!r} getrennte Werte",
                ),
                hint=Text(
                    "A value containing the separator must be quoted.",
                    "Ein Wert, der das Trennzeichen enthält, muss in Anführungszeichen stehen.",
                ),
            )
        rec = (rec + [""] * width)[:width]
        values.append(rec)
        rows.append(n)
    frame = pd.DataFrame(values, columns=header, dtype=object)
    if not len(frame.columns):
        frame = pd.DataFrame(index=range(len(values)))
    table = Table(frame=frame, file=name, rows=rows, encoding=encoding, sep=sep)
    table.skipped = [n for n in skipped if n > header_n]
    for _, rec in extra_headers:
        table.notes.append(Text("extra header row: ", "zusätzliche Kopfzeile: ") + sep.join(rec))
    if _MOJIBAKE.search(text):
        table.notes.append(
            Text(
                "the text contains sequences such as 'Ã¤' that look like UTF-8 read as cp1252 "
                "(mojibake); check the umlauts",
                "der Text enthält Folgen wie 'Ã¤', die nach als cp1252 gelesenem UTF-8 aussehen "
                "(Zeichensalat); Umlaute prüfen",
            )
        )
    return table


def read_records(reader: Iterator[list[str]], *, file: str) -> list[list[str]]:
    """The records of a CSV reader, refusing more cells than the ``cells`` limit.

    Raises
    ------
    FormatError
        When the records hold more cells (values, counted as read) than the limit
        (:mod:`quartiernetz.io.limits`); ``csv.Error`` passes through.
    """
    limit = get_limit("cells")
    records, cells = [], 0
    for rec in reader:
        cells += max(len(rec), 1)
        if cells > limit:
            check_cells(cells, file=file, row=len(records) + 1)
        records.append(rec)
    return records


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return str(int(value))
        return repr(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()  # type: ignore[no-any-return]
    return str(value)


def read_xlsx_tables(path: str | os.PathLike[str]) -> dict[str, Table]:
    """Read every sheet of an ``.xlsx`` workbook into a :class:`Table` (text values).

    Sheet names are returned as given; look them up case-insensitively with
    :func:`find_sheet`. Empty sheets are returned with no columns.

    Before openpyxl opens the file, its size and the sizes its zip archive
    declares are checked against the limits of :mod:`quartiernetz.io.limits`
    (``bytes``, ``xlsx_bytes``, ``zip_ratio``); while reading, the cells of each
    sheet against ``cells``. The sheet's own dimension record is not trusted:
    every row is read as stored. A hidden sheet is marked ``table.hidden``.

    Values are the ones the workbook stores for its cells. A formula without a
    stored value (as written by openpyxl and other programs; Excel and
    LibreOffice store the value when saving) is refused rather than read as empty.

    Raises
    ------
    FormatError
        When the file is not a workbook, is over a limit, or a column holding
        data has an empty or repeated header.
    InvalidValueError
        For a formula without a stored value, naming sheet, cell, row and column
        (:class:`~quartiernetz.exceptions.InputProblems` for several).
    """
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    check_size(path)
    check_zip(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, OSError, KeyError, ValueError) as err:
        raise FormatError(
            Text(
                f"the file cannot be opened as an Excel workbook ({type(err).__name__})",
                f"die Datei kann nicht als Excel-Arbeitsmappe geöffnet werden "
                f"({type(err).__name__})",
            ),
            file=path.name,
            expected=_XLSX,
        ) from None
    except Exception as err:  # zipfile.BadZipFile and friends
        raise FormatError(
            Text(
                f"the file cannot be opened as an Excel workbook ({type(err).__name__}: {err})",
                f"die Datei kann nicht als Excel-Arbeitsmappe geöffnet werden "
                f"({type(err).__name__}: {err})",
            ),
            file=path.name,
            expected=_XLSX,
        ) from None
    tables: dict[str, Table] = {}
    try:
        for ws in wb.worksheets:
            name = f"{path.name} [{ws.title}]"
            try:
                formulas = _formulas_without_values(wb, ws)
                numbered = _sheet_rows(ws, name, {(r, c) for r, c, _ in formulas})
            except FormatError:
                raise
            except Exception as err:  # openpyxl on a damaged sheet
                raise FormatError(
                    Text(
                        f"the sheet cannot be read ({type(err).__name__}: {err})",
                        f"das Blatt kann nicht gelesen werden ({type(err).__name__}: {err})",
                    ),
                    file=name,
                    expected=_XLSX,
                ) from None
            if not numbered:
                tables[ws.title] = Table(pd.DataFrame(), name, [])
            else:
                tables[ws.title] = _sheet_table(numbered, name)
            tables[ws.title].hidden = getattr(ws, "sheet_state", "visible") != "visible"
            if formulas:
                _refuse_formulas(formulas, numbered, name)
    finally:
        wb.close()
    return tables


def _formulas_without_values(wb, ws) -> list[tuple[int, int, str]]:
    """The cells (row, column index from 0, formula) of a sheet that hold a formula
    but no stored value.

    openpyxl gives ``None`` both for such a cell and for a formula whose stored
    result is empty text, so the sheet's XML is read here, as a stream (expat, in
    chunks of 1 MiB): a cell with an ``<f>`` element has no stored value when it has
    no ``<v>`` element or an empty one, unless its type is text (``t="str"``, the
    empty result of e.g. ``=IF(A2="";"";A2)``). openpyxl writes ``<v />``.
    """
    from xml.parsers import expat

    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    part = getattr(ws, "_worksheet_path", None)
    archive = getattr(wb, "_archive", None)
    if part is None or archive is None:
        return []
    found: list[tuple[int, int, str]] = []
    state: dict = {"row": 0, "col": -1, "f": None, "v": "", "in_f": False, "in_v": False}

    def start(tag: str, attrs: dict[str, str]) -> None:
        local = tag.rsplit(" ", 1)[-1]
        if local == "row":
            state["row"] = int(attrs.get("r") or state["row"] + 1)
            state["col"] = -1
        elif local == "c":
            ref = attrs.get("r")
            if ref:
                letters, number = coordinate_from_string(ref)
                state["row"], state["col"] = number, column_index_from_string(letters) - 1
            else:
                state["col"] += 1
            state["f"], state["v"], state["t"] = None, "", attrs.get("t", "n")
        elif local == "f":
            state["f"], state["in_f"] = "", True
        elif local == "v":
            state["in_v"] = True

    def text(data: str) -> None:
        if state["in_f"] and len(state["f"]) < 60:
            state["f"] += data
        elif state["in_v"] and len(state["v"]) < 8:
            state["v"] += data

    def end(tag: str) -> None:
        local = tag.rsplit(" ", 1)[-1]
        if local == "f":
            state["in_f"] = False
        elif local == "v":
            state["in_v"] = False
        elif (
            local == "c"
            and state["f"] is not None
            and not state["v"].strip()
            and state["t"] not in ("str", "s", "inlineStr")
        ):
            formula = state["f"][:60]
            found.append((state["row"], state["col"], f"={formula}" if formula else "="))

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    with archive.open(part) as fh:
        while chunk := fh.read(1 << 20):
            parser.Parse(chunk, False)
    parser.Parse(b"", True)
    return found


def _refuse_formulas(
    formulas: list[tuple[int, int, str]], numbered: list[tuple[int, list[str]]], name: str
) -> None:
    """Raise for formula cells without a stored value, naming sheet, cell and column."""
    from openpyxl.utils import get_column_letter

    header_n, header = numbered[0] if numbered else (0, [])
    errors: list[InputError] = []
    for row, col, formula in formulas:
        column = header[col].strip() if row > header_n and col < len(header) else None
        cell = f"{get_column_letter(col + 1)}{row}"
        errors.append(
            InvalidValueError(
                Text(
                    f"the cell {cell} holds the formula {formula!r} without a stored value",
                    f"die Zelle {cell} enthält die Formel {formula!r} ohne gespeicherten Wert",
                ),
                file=name,
                row=row,
                column=column,
                expected=Text("a value", "ein Wert"),
                hint=Text(
                    "Open the workbook in Excel or LibreOffice and save it, so that the "
                    "values of formulas are stored (files written by programs often hold "
                    "only the formulas).",
                    "Die Arbeitsmappe in Excel oder LibreOffice öffnen und speichern, damit "
                    "die Werte der Formeln gespeichert werden (von Programmen geschriebene "
                    "Dateien enthalten oft nur die Formeln).",
                ),
            )
        )
    if len(errors) == 1:
        raise errors[0]
    raise InputProblems(errors[:200], more=max(len(errors) - 200, 0))


def _sheet_rows(
    ws, name: str, formulas: set[tuple[int, int]] = frozenset()
) -> list[tuple[int, list[str]]]:
    """The non-empty rows of a read-only sheet as (row number, texts), within the cell
    limit. The ``formulas`` cells (row, column index) hold ``"="`` so that their rows
    are kept until the formulas are refused."""
    if hasattr(ws, "reset_dimensions"):
        # the stored dimension can claim a million rows by 16,384 columns (openpyxl then
        # fills every missing cell) or fewer rows than the sheet holds: read rows as stored
        ws.reset_dimensions()
    limit = get_limit("cells")
    cells = 0
    numbered: list[tuple[int, list[str]]] = []
    for i, rec in enumerate(ws.iter_rows(values_only=True)):
        cells += max(len(rec), 1)
        if cells > limit:
            check_cells(cells, file=name, row=i + 1)
        texts = [_cell_text(v) for v in rec]
        if formulas:
            for j, v in enumerate(rec):
                if v is None and (i + 1, j) in formulas:
                    texts[j] = "="
        while texts and not texts[-1].strip():
            texts.pop()
        if texts:
            numbered.append((i + 1, texts))
    return numbered


def _sheet_table(numbered: list[tuple[int, list[str]]], name: str) -> Table:
    header_n, header = numbered[0]
    header = [h.strip() for h in header]
    body = numbered[1:]
    width = max([len(header), *(len(r) for _, r in body)])
    last_named = max((j for j, h in enumerate(header) if h), default=-1)
    seen: set[str] = set()
    for j in range(width):
        h = header[j] if j < len(header) else ""
        if not h:
            first = next((n for n, r in body if len(r) > j and r[j].strip()), None)
            if first is None and j > last_named:
                continue  # an empty column after the last header
            raise FormatError(
                Text(
                    f"column {j + 1} has an empty header"
                    + (f" but holds data (row {first})" if first is not None else ""),
                    f"Spalte {j + 1} hat keine Überschrift"
                    + (f", enthält aber Daten (Zeile {first})" if first is not None else ""),
                ),
                file=name,
                row=header_n,
                expected=_EVERY_COLUMN_NAMED,
            )
        if h.casefold() in seen:
            raise FormatError(
                Text(f"the header {h!r} appears twice", f"die Überschrift {h!r} kommt zweimal vor"),
                file=name,
                row=header_n,
                expected=_DISTINCT_COLUMNS,
            )
        seen.add(h.casefold())
    while header and not header[-1]:
        header.pop()
    width = len(header)
    values = [(r + [""] * width)[:width] for _, r in body]
    frame = pd.DataFrame(values, columns=header, dtype=object)
    return Table(frame, name, [n for n, _ in body])


def find_sheet(tables: dict[str, Table], *names: str) -> Table | None:
    """The first sheet whose name matches one of ``names`` (case-insensitive)."""
    lookup = {k.strip().casefold(): v for k, v in tables.items()}
    for n in names:
        if n.casefold() in lookup:
            return lookup[n.casefold()]
    return None


@overload
def find_column(
    table: Table,
    name: str,
    *,
    aliases: Sequence[str] = ...,
    required: Literal[True],
    purpose: str | Text | None = ...,
) -> str: ...


@overload
def find_column(
    table: Table,
    name: str,
    *,
    aliases: Sequence[str] = ...,
    required: bool = ...,
    purpose: str | Text | None = ...,
) -> str | None: ...


def find_column(
    table: Table,
    name: str,
    *,
    aliases: Sequence[str] = (),
    required: bool = False,
    purpose: str | Text | None = None,
) -> str | None:
    """The header in ``table`` matching ``name`` or an alias (case and spaces ignored).

    Raises
    ------
    MissingColumnError
        If ``required`` and no column matches; the message lists the columns found.
    """
    wanted = [name, *aliases]
    lookup = {c.strip().casefold(): c for c in table.columns}
    for w in wanted:
        if w.casefold() in lookup:
            return lookup[w.casefold()]
    if required:
        found = ", ".join(repr(c) for c in table.columns)
        shown = ", ".join(repr(a) for a in aliases)
        raise MissingColumnError(
            Text(
                f"the required column {name!r}"
                + (f" (or {shown})" if aliases else "")
                + f" is missing; columns found: {found or 'none'}",
                f"die nötige Spalte {name!r}"
                + (f" (oder {shown})" if aliases else "")
                + f" fehlt; gefundene Spalten: {found or 'keine'}",
            ),
            file=table.file,
            row=1,
            expected=purpose,
        )
    return None


_DECIMAL_COMMA = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+),\d+$")
_PLAIN = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_LEADING_ZERO = re.compile(r"^[+-]?0\d")
_THOUSANDS_DOT = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$")


def parse_numbers(
    table: Table,
    column: str,
    *,
    default: float | None = None,
    minimum: float | None = None,
    what: str | Text = "a number",
    finite: bool = True,
    problems: list[InputError] | None = None,
) -> tuple[np.ndarray, list[int]]:
    """Parse a text column to floats.

    A decimal comma (``1,5``; ``1.234,5``) is understood when the column has no
    value with a decimal point, so that the reading is unambiguous. Empty cells
    become ``default``; without a default they are an error.

    Parameters
    ----------
    problems : list, optional
        Collect every bad cell here (its value becomes NaN) instead of raising
        at the first.

    Returns
    -------
    values : numpy.ndarray of float
    defaulted : list of int
        Positions of the cells that were empty and got the default.

    Raises
    ------
    InvalidValueError
        Naming the file, row, column and value that is not a number, is not
        finite, or is below ``minimum``.

    Examples
    --------
    >>> t = Table(pd.DataFrame({"w": ["1,5", "", "x"]}), "t.csv", [2, 3, 4])
    >>> found = []
    >>> parse_numbers(t, "w", default=1.0, problems=found)[0].tolist()
    [1.5, 1.0, nan]
    >>> print(found[0])
    t.csv, row 4, column 'w': 'x' is not a number; expected a number.
    """
    if what == "a number >= 0":
        what = Text("a number >= 0", "eine Zahl >= 0")
    elif what == "a number":
        what = Text("a number", "eine Zahl")

    def fail(problem: Text, i: int) -> None:
        err = InvalidValueError(
            problem, file=table.file, row=table.row(i), column=column, expected=what
        )
        if problems is None:
            raise err
        problems.append(err)
        out[i] = np.nan

    raw = [str(v).strip() for v in table.frame[column].tolist()]
    has_point = any(_PLAIN.match(v) and "." in v for v in raw)
    has_comma = any(_DECIMAL_COMMA.match(v) for v in raw)
    if has_point and has_comma:
        first = next(i for i, v in enumerate(raw) if _DECIMAL_COMMA.match(v))
        raise InvalidValueError(
            Text(
                f"{raw[first]!r} uses a decimal comma while other values use a decimal point",
                f"{raw[first]!r} hat ein Dezimalkomma, andere Werte einen Dezimalpunkt",
            ),
            file=table.file,
            row=table.row(first),
            column=column,
            expected=Text("one decimal notation in a column", "eine Schreibweise je Spalte"),
        )
    out = np.empty(len(raw), dtype=float)
    defaulted: list[int] = []
    for i, v in enumerate(raw):
        if v == "":
            if default is None:
                fail(Text("the cell is empty", "die Zelle ist leer"), i)
                continue
            out[i] = default
            defaulted.append(i)
            continue
        text = v
        if has_comma and _DECIMAL_COMMA.match(v):
            text = v.replace(".", "").replace(",", ".")
        elif has_comma and _THOUSANDS_DOT.match(v):
            text = v.replace(".", "")
        try:
            x = float(text)
        except ValueError:
            fail(Text(f"{v!r} is not a number", f"{v!r} ist keine Zahl"), i)
            continue
        if finite and not math.isfinite(x):
            fail(Text(f"{v!r} is not a finite number", f"{v!r} ist keine endliche Zahl"), i)
            continue
        if minimum is not None and x < minimum:
            fail(Text(f"{v!r} is below {minimum:g}", f"{v!r} ist kleiner als {minimum:g}"), i)
            continue
        out[i] = x
    return out, defaulted


def try_numeric(values: Sequence[str]) -> list[float | int] | None:
    """Values as numbers if every non-empty one parses (decimal commas allowed), else None.

    Integral values become ``int``; empty values become NaN.

    Examples
    --------
    >>> try_numeric(["1", "2,5", ""])
    [1, 2.5, nan]
    >>> try_numeric(["1", "x"]) is None
    True
    >>> try_numeric(["0815", "12"]) is None  # codes with leading zeros stay text
    True
    """
    raw = [str(v).strip() for v in values]
    nonempty = [v for v in raw if v]
    if not nonempty or any(_LEADING_ZERO.match(v) for v in nonempty):
        return None
    has_point = any(_PLAIN.match(v) and "." in v for v in nonempty)
    out: list[float | int] = []
    for v in raw:
        if not v:
            out.append(float("nan"))
            continue
        if _PLAIN.match(v):
            x = float(v)
        elif not has_point and _DECIMAL_COMMA.match(v):
            x = float(v.replace(".", "").replace(",", "."))
        else:
            return None
        if not math.isfinite(x):
            return None
        out.append(
            int(x)
            if x.is_integer()
            and "." not in v
            and "," not in v
            and "e" not in v.lower()
            and abs(x) < 2**53
            else x
        )
    return out


#: Leading characters that make a spreadsheet treat a cell as a formula (OWASP).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _is_number(text: str) -> bool:
    return bool(_PLAIN.match(text.strip())) and text == text.strip()


def neutralize_cell(value: object) -> object:
    """Prefix ``'`` to text a spreadsheet would run as a formula (OWASP CSV injection).

    Text starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return gets a
    leading apostrophe; so does text that already starts with one, so that
    :func:`restore_cell` can undo it exactly. Numbers, and text that is a plain
    number such as ``-1``, stay as they are.

    Examples
    --------
    >>> neutralize_cell('=HYPERLINK("http://x")')
    '\\'=HYPERLINK("http://x")'
    >>> neutralize_cell("-3"), neutralize_cell(2.5), neutralize_cell("AWO")
    ('-3', 2.5, 'AWO')
    """
    if not isinstance(value, str) or not value:
        return value
    if value.startswith("'") or (value.startswith(FORMULA_PREFIXES) and not _is_number(value)):
        return "'" + value
    return value


#: Characters XML 1.0 and ``.xlsx`` cannot hold: C0 controls but tab, LF and CR; lone
#: surrogates; U+FFFE and U+FFFF.
XML_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Characters a CSV file written by quartiernetz cannot hold (NUL makes it binary).
CSV_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def refuse_unstorable(
    tables: dict[str, pd.DataFrame],
    pattern: re.Pattern[str],
    *,
    file: str,
    what: Text,
    name: object = None,
) -> None:
    """Raise when a text value (or header, index value, name) holds a character ``what``
    cannot store, instead of writing a file that cannot be read back.

    Raises
    ------
    InvalidValueError
        Naming the table, row (header = 1), column and character.

    Examples
    --------
    >>> frame = pd.DataFrame({"label": ["AWO", "bell\\x07"]})
    >>> refuse_unstorable({"actors": frame}, XML_UNSTORABLE, file="n.xlsx",
    ...                   what=Text("an .xlsx workbook", "eine .xlsx-Arbeitsmappe"))
    Traceback (most recent call last):
    ...
    quartiernetz.exceptions.InvalidValueError: n.xlsx [actors], row 3, column 'label': ...
    """

    def problem(text: str) -> Text | None:
        m = pattern.search(text)
        if m is None:
            return None
        code = ord(m.group())
        control = code < 0x20
        return Text(
            f"{text[:40]!r} holds the {'control character' if control else 'character'} "
            f"U+{code:04X}, which {what.en} cannot store",
            f"{text[:40]!r} enthält das {'Steuerzeichen' if control else 'Zeichen'} "
            f"U+{code:04X}, das {what.de} nicht speichern kann",
        )

    hint = Text(
        "Remove the character, or write a folder of CSV files, which keeps it.",
        "Das Zeichen entfernen oder einen Ordner mit CSV-Dateien schreiben, der es behält.",
    )
    if isinstance(name, str) and (msg := problem(name)):
        raise InvalidValueError(
            Text("the network's name ", "der Name des Netzwerks ") + msg, file=file, hint=hint
        )
    for table, frame in tables.items():
        where = f"{file} [{table}]"
        columns = [(frame.index.name or "id", frame.index)] if frame.index.name else []
        columns += [(str(c), frame[c]) for c in frame.columns]
        for col, values in columns:
            if (msg := problem(col)) is not None:
                raise InvalidValueError(
                    Text("the header ", "die Kopfzeile ") + msg, file=where, row=1, hint=hint
                )
            for i, v in enumerate(values):
                if isinstance(v, str) and (msg := problem(v)) is not None:
                    raise InvalidValueError(msg, file=where, row=i + 2, column=col, hint=hint)


def restore_cell(value: str) -> str:
    """Undo :func:`neutralize_cell` on text read back from a file we wrote.

    Examples
    --------
    >>> restore_cell("'=1+1"), restore_cell("''quoted"), restore_cell("'plain")
    ('=1+1', "'quoted", "'plain")
    """
    if len(value) > 1 and value[0] == "'" and value[1] in ("'", *FORMULA_PREFIXES):
        return value[1:]
    return value
