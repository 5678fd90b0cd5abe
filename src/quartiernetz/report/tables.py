"""Safe table output: CSV files a spreadsheet opens without running formulas."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from ..io.text import neutralize_cell

__all__ = ["safe_frame", "write_csv"]


def safe_frame(frame: pd.DataFrame, *, index: bool = False) -> pd.DataFrame:
    """A copy whose text cells are neutralised (see :func:`~quartiernetz.io.text.neutralize_cell`).

    Numbers stay numbers; lists become ``"; "``-joined text first.

    Examples
    --------
    >>> safe_frame(pd.DataFrame({"name": ["=1+1", "AWO"], "n": [1, 2]}))["name"].tolist()
    ["'=1+1", 'AWO']
    """
    out = frame.reset_index() if index else frame.copy()
    out.columns = [neutralize_cell(str(c)) for c in out.columns]
    for c in out.columns:
        col = out[c]
        if col.dtype == object or pd.api.types.is_string_dtype(col):
            out[c] = col.map(
                lambda v: neutralize_cell(
                    "; ".join(map(str, v)) if isinstance(v, list | tuple | set) else v
                )
            )
    return out


def write_csv(frame: pd.DataFrame, path: str | os.PathLike[str], *, index: bool = False) -> Path:
    """Write ``frame`` as UTF-8 CSV (with BOM, for Excel), formulas neutralised.

    Lines end with ``\\n``; cells a spreadsheet would run as formulas get a leading
    ``'`` (see :func:`safe_frame`). Returns the path.
    """
    path = Path(path)
    safe_frame(frame, index=index).to_csv(
        path, index=False, encoding="utf-8-sig", lineterminator="\n"
    )
    return path
