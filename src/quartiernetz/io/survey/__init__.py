"""Survey exports: roster and name-generator questionnaires become networks of reports.

:func:`read_survey` reads exports of LimeSurvey, SoSci Survey, Qualtrics, Google
Forms, Microsoft Forms and generic wide spreadsheets (one row per respondent,
one column per roster actor), matches respondents and answers to a roster,
maps answers to intensities with a codebook, matches typed partner names
(name generators) and records everything it leaves out. See ``docs/surveys.md``.

========================= ================================================
module                    what
========================= ================================================
:mod:`.reader`            :func:`read_survey`, :func:`detect_tool`,
                          :func:`survey_summary`
:mod:`.roster`            the roster and respondent matching
:mod:`.codebook`          answer values to intensities; the built-in codebook
:mod:`.matching`          typed names: normalisation, rapidfuzz, review table
:mod:`.limesurvey` …      one module per tool: what its export looks like
:mod:`._steps`            the reader's steps (detect, classify, select rows,
                          extract answers, match names, reconcile), each
                          a small function with a dataclass result
========================= ================================================
"""

from .codebook import BUILTIN_CODEBOOK, Codebook, read_codebook
from .export import TOOLS
from .matching import normalize_name, read_aliases, resolve_names
from .reader import OPTIONS, detect_tool, read_survey, survey_summary
from .roster import read_roster

__all__ = [
    "read_survey",
    "detect_tool",
    "survey_summary",
    "read_roster",
    "read_codebook",
    "read_aliases",
    "normalize_name",
    "resolve_names",
    "Codebook",
    "BUILTIN_CODEBOOK",
    "TOOLS",
    "OPTIONS",
]
