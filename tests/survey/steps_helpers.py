"""Helpers for the per-step tests: a small export and its context, built in a temporary folder."""

from __future__ import annotations

import pandas as pd

from quartiernetz.io.survey._steps.detect import open_survey
from quartiernetz.io.survey._steps.rosters import load_roster

__all__ = ["ROSTER", "write", "context"]

#: A roster of four actors.
ROSTER = pd.DataFrame(
    {
        "id": ["qm", "awo", "kita", "tsv"],
        "label": ["Quartiersmanagement", "AWO Nordstadt", "Kita Sonnenschein", "TSV Nordstadt"],
    }
)


def write(tmp_path, text: str, name: str = "export.csv"):
    """Write ``text`` (UTF-8) to ``tmp_path / name`` and return the path."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def context(path, *, roster=ROSTER, codebook=None, tool="auto", respondent=None, **options):
    """The context after the first two steps: export opened, roster loaded."""
    ctx = open_survey(path, codebook, tool, options)
    load_roster(ctx, roster, respondent)
    return ctx
