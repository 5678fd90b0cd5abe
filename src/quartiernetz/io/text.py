"""Reading text and workbook files into tables: moved to :mod:`quartiernetz.tables.text`.

The validation of tables sits below :mod:`quartiernetz.network` (see
``docs/architecture.md``); this module re-exports its names so that every existing
import keeps working.
"""

from __future__ import annotations

from ..tables.text import (
    CSV_UNSTORABLE,
    DEFAULT_MAX_BYTES,
    FORMULA_PREFIXES,
    SEPARATORS,
    XML_UNSTORABLE,
    Table,
    check_size,
    decode_bytes,
    find_column,
    find_sheet,
    neutralize_cell,
    parse_numbers,
    read_as,
    read_bytes,
    read_csv_table,
    read_records,
    read_text,
    read_xlsx_tables,
    refuse_unstorable,
    restore_cell,
    sniff_separator,
    split_lines,
    try_numeric,
)

__all__ = [
    "CSV_UNSTORABLE",
    "DEFAULT_MAX_BYTES",
    "FORMULA_PREFIXES",
    "SEPARATORS",
    "Table",
    "XML_UNSTORABLE",
    "check_size",
    "decode_bytes",
    "find_column",
    "find_sheet",
    "neutralize_cell",
    "parse_numbers",
    "read_as",
    "read_bytes",
    "read_csv_table",
    "read_records",
    "read_text",
    "read_xlsx_tables",
    "refuse_unstorable",
    "restore_cell",
    "sniff_separator",
    "split_lines",
    "try_numeric",
]
