"""Hypothesis strategies that turn valid input files into hostile ones.

A mutated file starts from a real fixture (tests/io/files, tests/survey/files,
data/surveys, the bundled example) and gets one to four of these changes:
truncation at a random offset, a wrong encoding (cp1252, UTF-16 with and
without byte-order mark, Latin-1), stray quotes, mixed separators, huge numbers,
NaN and infinities, empty and duplicate headers, Unicode edge cases (combining
characters, right-to-left text, zero-width and line-separator characters), very
long cells, deleted, repeated and swapped lines, random bytes.

Workbooks (``.xlsx``) are mutated cell by cell (the same text changes, plus
numbers such as 1e308 and NaN) and written anew, or damaged as bytes.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from pathlib import Path

from hypothesis import strategies as st

__all__ = [
    "HOSTILE_TEXTS",
    "mutated_text_bytes",
    "mutated_rows",
    "workbook_bytes",
    "read_workbook_rows",
    "damaged_bytes",
]

#: Short strings that have broken readers before: numbers, Unicode, syntax of the formats.
HOSTILE_TEXTS = (
    # numbers
    "1e309",
    "-1e309",
    "9" * 400,
    "-" + "9" * 40,
    "NaN",
    "nan",
    "inf",
    "-inf",
    "Infinity",
    "1,5",
    "1.234,5",
    "1.234.567",
    "-0",
    "0x10",
    "1_000",
    "\uff11\uff12",  # fullwidth digits
    "\u0663",  # Arabic-Indic three
    "1e-400",
    "",
    " ",
    # Unicode edge cases
    "e\u0301",  # combining acute
    "A\u030a",  # A + combining ring
    "\u202eevil\u202c",  # right-to-left override
    "\u05e9\u05dc\u05d5\u05dd",  # Hebrew
    "\u0645\u0631\u062d\u0628\u0627",  # Arabic
    "\u200f\u200e",
    "\u200b",
    "\u00a0",
    "\ufeff",
    "\u2028",
    "\u2029",
    "\u0085",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1e",
    "\x00",
    "\x7f",
    "\U0001f600",
    "\U0001f469\u200d\U0001f4bb",
    "\u0130",
    "\ufb01",
    "\u00df",
    "\ufffd",
    # syntax
    '"',
    '""',
    "'",
    ";",
    ",",
    "\t",
    "\r",
    "\n",
    "\r\n",
    "|",
    ":",
    "%",
    "*",
    '=HYPERLINK("http://x")',
    "+1",
    "-",
    "@SUM(A1)",
    "<",
    ">",
    "&amp;",
    "&#0;",
    "&lol;",
    "]]>",
    "<!--",
    "*Vertices 3",
    "*Edges",
    '*Arcs :1 "x"',
    "*Matrix",
    "data:",
    "labels:",
    "dl n=10000000",
    "format = fullmatrix",
    "[",
    "]",
    "\\",
    "NULL",
    "N/A",
    "True",
    "false",
    "  x  ",
    "dim_0",
    "source",
    "target",
    "id",
    "Id",
)

_NUMBER = re.compile(r"(?<![\w.])-?\d+(?:[.,]\d+)?(?![\w.])")
_ENCODINGS = ("utf-8", "utf-8", "utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "utf-16-le")


def _piece(data: st.DataObject) -> str:
    return data.draw(
        st.one_of(
            st.sampled_from(HOSTILE_TEXTS),
            st.text(max_size=12),
            st.sampled_from(HOSTILE_TEXTS).map(lambda s: s * 3),
        ),
        label="piece",
    )


def _pos(data: st.DataObject, text: str | bytes) -> int:
    return data.draw(st.integers(0, len(text)), label="position")


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _text_op(data: st.DataObject, text: str) -> str:
    op = data.draw(
        st.sampled_from(
            [
                "truncate",
                "insert",
                "replace",
                "number",
                "separators",
                "quote",
                "delete_line",
                "repeat_line",
                "swap_lines",
                "empty_header",
                "duplicate_header",
                "long_cell",
                "line_ends",
            ]
        ),
        label="text operation",
    )
    if op == "truncate":
        return text[: _pos(data, text)]
    if op == "insert":
        p = _pos(data, text)
        return text[:p] + _piece(data) + text[p:]
    if op == "replace":
        p = _pos(data, text)
        n = data.draw(st.integers(1, 20), label="length")
        return text[:p] + _piece(data) + text[p + n :]
    if op == "number":
        found = list(_NUMBER.finditer(text))
        if not found:
            return text
        m = data.draw(st.sampled_from(found), label="number")
        new = data.draw(
            st.sampled_from(
                ["1e309", "-1", "-0.5", "NaN", "inf", "9" * 400, "1,5", "0", "1e-400", "10000000"]
            ),
            label="new number",
        )
        return text[: m.start()] + new + text[m.end() :]
    if op == "separators":
        lines = _lines(text)
        k = data.draw(st.integers(0, max(len(lines) - 1, 0)), label="line")
        a, b = data.draw(st.permutations([",", ";", "\t", " "]), label="swap")[:2]
        lines[k] = lines[k].replace(a, b)
        return "\n".join(lines)
    if op == "quote":
        p = _pos(data, text)
        return text[:p] + data.draw(st.sampled_from(['"', '""', '"""', "'"])) + text[p:]
    lines = _lines(text)
    if op in ("delete_line", "repeat_line", "swap_lines") and lines:
        k = data.draw(st.integers(0, len(lines) - 1), label="line")
        if op == "delete_line":
            del lines[k]
        elif op == "repeat_line":
            lines.insert(k, lines[k])
        else:
            j = data.draw(st.integers(0, len(lines) - 1), label="other line")
            lines[k], lines[j] = lines[j], lines[k]
        return "\n".join(lines)
    if op in ("empty_header", "duplicate_header") and lines:
        header = lines[0]
        sep = max((";", ",", "\t", " "), key=header.count)
        cells = header.split(sep)
        k = data.draw(st.integers(0, len(cells) - 1), label="header cell")
        if op == "empty_header":
            cells[k] = ""
        else:
            j = data.draw(st.integers(0, len(cells) - 1), label="other header cell")
            cells[j] = cells[k]
        lines[0] = sep.join(cells)
        return "\n".join(lines)
    if op == "long_cell":
        p = _pos(data, text)
        n = data.draw(st.sampled_from([1_000, 10_000, 100_000]), label="cell length")
        return text[:p] + data.draw(st.sampled_from(["x", "ä", "e\u0301", "9", '"'])) * n + text[p:]
    if op == "line_ends":
        return text.replace("\n", data.draw(st.sampled_from(["\r\n", "\r", "\u2028", "\x85"])))
    return text


def _encode(data: st.DataObject, text: str) -> bytes:
    enc = data.draw(st.sampled_from(_ENCODINGS), label="encoding")
    return text.encode(enc, errors="replace" if enc in ("cp1252", "latin-1") else "surrogatepass")


def _byte_op(data: st.DataObject, raw: bytes) -> bytes:
    op = data.draw(st.sampled_from(["truncate", "insert", "flip"]), label="byte operation")
    # a position relative to the length: workbooks differ in length from run to run
    # (openpyxl writes the time), and the drawn choices must not depend on that
    p = data.draw(st.integers(0, 1_000_000), label="relative position") * len(raw) // 1_000_000
    if op == "truncate":
        return raw[:p]
    if op == "insert":
        return raw[:p] + data.draw(st.binary(min_size=1, max_size=16), label="bytes") + raw[p:]
    if not raw:
        return raw
    p = min(p, len(raw) - 1)
    return raw[:p] + bytes([raw[p] ^ data.draw(st.integers(1, 255))]) + raw[p + 1 :]


def mutated_text_bytes(data: st.DataObject, seed: bytes) -> bytes:
    """A damaged copy of a text file's bytes: text changes, an encoding, byte changes."""
    if data.draw(st.integers(0, 19), label="random bytes?") == 0:
        return data.draw(st.binary(max_size=400), label="random file")
    text = seed.decode("utf-8-sig", errors="replace") if _is_utf8(seed) else seed.decode("cp1252")
    for _ in range(data.draw(st.integers(1, 4), label="text changes")):
        text = _text_op(data, text)
    raw = _encode(data, text)
    if data.draw(st.integers(0, 4), label="byte change?") == 0:
        raw = _byte_op(data, raw)
    return raw


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def damaged_bytes(data: st.DataObject, raw: bytes) -> bytes:
    """A binary file (a workbook) truncated, with bytes inserted or flipped."""
    for _ in range(data.draw(st.integers(1, 3), label="byte changes")):
        raw = _byte_op(data, raw)
    return raw


# ------------------------------------------------------------------ workbooks
def read_workbook_rows(path: Path) -> dict[str, list[list[object]]]:
    """Every sheet of a workbook as rows of cell values (a seed for :func:`mutated_rows`)."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
    finally:
        wb.close()


_CELL_VALUES = st.one_of(
    st.sampled_from([1e308, -1e308, float("nan"), float("inf"), -1.0, 0, 10**20, True, None]),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
)


def _cell_op(data: st.DataObject, value: object) -> object:
    if data.draw(st.booleans(), label="number cell?"):
        return data.draw(_CELL_VALUES, label="cell value")
    text = "" if value is None else str(value)
    return _text_op(data, text)


def mutated_rows(
    data: st.DataObject, sheets: dict[str, list[list[object]]]
) -> dict[str, list[list[object]]]:
    """Sheets with one to five cells, rows or columns changed."""
    out = {k: [list(r) for r in rows] for k, rows in sheets.items()}
    for _ in range(data.draw(st.integers(1, 5), label="sheet changes")):
        name = data.draw(st.sampled_from(sorted(out)), label="sheet")
        rows = out[name]
        op = data.draw(
            st.sampled_from(
                ["cell", "cell", "cell", "header", "delete_row", "repeat_row", "column", "rename"]
            ),
            label="sheet operation",
        )
        if op == "rename":
            new = data.draw(st.sampled_from(["", "Ties", "x" * 40, name.upper(), "(ignore)"]))
            if new and new not in out and len(new) <= 31:
                out[new] = out.pop(name)
            continue
        if not rows:
            rows.append([_cell_op(data, None)])
            continue
        i = data.draw(st.integers(0, len(rows) - 1), label="row")
        if op == "delete_row":
            del rows[i]
        elif op == "repeat_row":
            rows.insert(i, list(rows[i]))
        elif op == "column":
            for r in rows:
                r.append(_cell_op(data, None) if data.draw(st.booleans()) else None)
        else:
            row = rows[0] if op == "header" else rows[i]
            if not row:
                row.append(None)
            j = data.draw(st.integers(0, len(row) + 1), label="column")
            while j >= len(row):
                row.append(None)
            row[j] = _cell_op(data, row[j])
    return out


def workbook_bytes(sheets: dict[str, Sequence[Sequence[object]]]) -> bytes:
    """An ``.xlsx`` holding ``sheets``; characters a workbook cannot hold are removed."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    wb = Workbook(write_only=True)
    for name, rows in sheets.items():
        ws = wb.create_sheet(title=name or "Sheet")
        for r in rows:
            ws.append(
                [ILLEGAL_CHARACTERS_RE.sub("", v)[:32767] if isinstance(v, str) else v for v in r]
            )
    if not sheets:
        wb.create_sheet("Sheet")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
