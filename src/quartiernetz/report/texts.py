"""The report's words: a re-export of :mod:`quartiernetz.words`.

The word tables and the number formatting live in :mod:`quartiernetz.words`, which
every layer may import; this module keeps the names report code and users have
imported from here. :func:`translate_why` is deprecated: the ``why`` of a catalyst
is written in either language from its structured ``reasons`` by
:func:`quartiernetz.words.why`.
"""

from __future__ import annotations

import warnings
from typing import Any

from ..words import LANGS, REFERENCES, TEXTS, number, percent, say

__all__ = ["TEXTS", "REFERENCES", "LANGS", "number", "percent", "say", "translate_why"]


def translate_why(text: Any, lang: str) -> str:
    """Deprecated: the ``why`` text as it is (it no longer translates).

    The German ``why`` was translated back from the English sentence by patterns,
    and any new wording fell back to English. Render the column ``reasons`` of
    :func:`quartiernetz.roles.catalysts` instead:
    ``quartiernetz.words.why(reasons, lang)``. This function warns
    (``DeprecationWarning``) and returns ``text`` unchanged in every language, i.e.
    English for an English ``why``; it will be removed in the next release.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", DeprecationWarning)
    ...     translate_why("no ties", "de")
    'no ties'
    """
    warnings.warn(
        "quartiernetz.report.texts.translate_why is deprecated and no longer translates; "
        "render the catalysts' 'reasons' with quartiernetz.words.why(reasons, lang)",
        DeprecationWarning,
        stacklevel=2,
    )
    return "" if text is None else str(text)
