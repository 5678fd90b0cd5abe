"""Generic wide spreadsheets: one row per respondent, one column per roster actor.

The first column names the respondent (unless ``respondent=`` says otherwise);
every other column is headed by an actor's roster ``code``, id or label and
holds that respondent's answer about the actor. CSV (any of ``;``, tab or
``,``; UTF-8 or cp1252 as German Excel writes it) or ``.xlsx``. Every column
other than the respondent's must match a roster actor (leave others out with
``ignore=``); identifying columns (e-mail, comments, …) are dropped. Rows count
in file order: of two rows of one respondent, the later one counts.
"""

from __future__ import annotations

import os
from pathlib import Path

from .export import SurveyExport, read_table

__all__ = ["read_wide_export"]


def read_wide_export(path: str | os.PathLike[str], *, sheet: str | None = None) -> SurveyExport:
    """Read a wide spreadsheet (see the module documentation)."""
    table = read_table(Path(path), sheet=sheet)
    first = table.columns[0] if table.columns else None
    return SurveyExport(table=table, tool="wide", respondent=first)
