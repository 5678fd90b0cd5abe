"""Words for people, in German and English: pure formatting of structured data.

The analyses return data (numbers, ids and small records such as the
:class:`Reason` of a catalyst); the report, the explorer and the analyses' own
English columns write them as text with the functions here, so that every language
says the same thing and no face translates another's sentences back.

This package depends only on :mod:`quartiernetz.i18n` and the standard library,
so that every layer may import it (the analyses for their English columns, the
report and the explorer for both languages). It holds no analysis and imports no
other part of quartiernetz.

- :data:`TEXTS`, :data:`REFERENCES`: the report's and the explorer's words per language;
- :func:`number`, :func:`percent`, :func:`say`: numbers and counted phrases as text;
- :class:`Reason`, :func:`why`: why an actor is a network catalyst, one renderer
  per language (:data:`WHY_TEXTS`);
- :func:`duplicate_evidence`, :func:`duplicate_offer`, :func:`duplicate_kind`,
  :func:`competitor_basis`, :func:`suggestion_reason`, :func:`listing`: the structures'
  findings from their structured columns, one renderer per finding for both
  languages (:data:`FINDING_TEXTS`); the analyses write their English columns with them.

Examples
--------
>>> from quartiernetz.words import Reason, number, why
>>> number(1234.5, "de")
'1234,50'
>>> why([Reason("no_ties")], "de")
'keine Beziehungen'
"""

from __future__ import annotations

from .findings import (
    BASIS_KINDS,
    FINDING_TEXTS,
    competitor_basis,
    duplicate_evidence,
    duplicate_kind,
    duplicate_offer,
    listing,
    suggestion_reason,
)
from .reasons import MEASURE_FORMATS, REASON_KINDS, WHY_TEXTS, Reason, why
from .texts import LANGS, REFERENCES, TEXTS, number, percent, references, say

__all__ = [
    "TEXTS",
    "REFERENCES",
    "LANGS",
    "number",
    "percent",
    "references",
    "say",
    "Reason",
    "REASON_KINDS",
    "WHY_TEXTS",
    "MEASURE_FORMATS",
    "why",
    "FINDING_TEXTS",
    "BASIS_KINDS",
    "listing",
    "duplicate_offer",
    "duplicate_evidence",
    "duplicate_kind",
    "competitor_basis",
    "suggestion_reason",
]
