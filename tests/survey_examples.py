"""The bundled survey examples (``data/surveys``) and the options that read them.

One table for every test that reads the examples: per tool, the export and the keyword
options of :func:`quartiernetz.io.survey.read_survey`, as the "read with" column of
``data/surveys/README.md`` gives them. Files are named relative to :data:`SURVEYS`;
:func:`survey_options` turns them into paths. The command-line journeys build their
``--roster``/``--codebook``/... arguments from the same table (``tests/journey/inputs.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SURVEYS = REPO / "data" / "surveys"

#: The options of ``read_survey`` in the table that name a file (relative to :data:`SURVEYS`).
FILE_OPTIONS = ("roster", "codebook")

#: tool -> (export, {option: file or value}); files are relative to :data:`SURVEYS`.
SURVEY_EXAMPLES: dict[str, tuple[str, dict[str, Any]]] = {
    "limesurvey": (
        "limesurvey/results-survey493827.csv",
        {"roster": "limesurvey/roster.csv", "codebook": "limesurvey/codebook.csv"},
    ),
    "sosci": (
        "sosci/data_nordstadt_2026-05-12_10-31.csv",
        {"roster": "sosci/roster.csv", "respondent": "SERIAL", "codebook": "sosci/codebook.csv"},
    ),
    "qualtrics": (
        "qualtrics/Kooperation Nordstadt_May 12, 2026_10.15.csv",
        {
            "roster": "qualtrics/roster.csv",
            "respondent": "ExternalReference",
            "codebook": "qualtrics/codebook.csv",
        },
    ),
    "googleforms": (
        "googleforms/Kooperation im Quartier Nordstadt.csv",
        {"roster": "googleforms/roster.csv"},
    ),
    "msforms": ("msforms/Netzwerkbefragung Nordstadt(1-8).xlsx", {"roster": "msforms/roster.csv"}),
    "wide": ("wide/kooperationsmatrix_nordstadt.csv", {"roster": "wide/roster.csv"}),
    "namegenerator": (
        "namegenerator/data_netzwerk_namen_2026-06-04_09-12.csv",
        {
            "roster": "namegenerator/roster.csv",
            "respondent": "SERIAL",
            "codebook": "namegenerator/codebook.csv",
            "names": {"NG01": "NG02"},
        },
    ),
}


def survey_options(options: Mapping[str, Any], root: Path = SURVEYS) -> dict[str, Any]:
    """``options`` with each file option (roster, codebook, aliases) given as text made a path
    below ``root``; other values (and files given as a table, a path or None) stay as they are."""
    files = (*FILE_OPTIONS, "aliases")
    return {k: root / v if k in files and isinstance(v, str) else v for k, v in options.items()}
