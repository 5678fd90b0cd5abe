"""The network check (Netzwerk-Check): what practice says makes local networks work.

:func:`network_check` reads a network against the success factors of local
networks that five practice sources name — the 12 success factors of local
networks (Zollondz & Reiser), the conditions of cooperation in quarters
(Gliszczynski 2017), the AWO quarter developers' advice, the multi-generation
house programme's figures and the DeWaK project — one row per factor, with the
value, what it is read against, an assessment (``strength``, ``watch``, ``gap``,
``not measurable``), the evidence behind it, and for what a network cannot show
a survey item to ask. :func:`network_check_compare` puts several networks side
by side. See ``docs/network-check.md``.

==================  ==============================================================
module              factors
==================  ==============================================================
``coordination``    central coordination
``communication``   committee membership, sectors reached by committees
``competition``     competitors in view
``resources``       needs mapping (offer map), pooled resources
``funding``         funding mix
``municipality``    municipal ties, one contact point, municipality in steering
``reach``           reach beyond the quarter, online and offline
``diversity``       sector diversity, clubs and initiatives, cross-sector ties
``survey``          the factors only a survey shows (self-assessment items)
==================  ==============================================================
"""

from .core import CHECK_COLUMNS, network_check, network_check_compare, network_check_languages
from .definitions import (
    ASSESSMENT_NAMES,
    ASSESSMENTS,
    FACTOR_IDS,
    FACTORS,
    GROUPS,
    LABELS,
    SOURCES,
    factor_table,
)

__all__ = [
    "network_check",
    "network_check_compare",
    "network_check_languages",
    "CHECK_COLUMNS",
    "ASSESSMENTS",
    "ASSESSMENT_NAMES",
    "LABELS",
    "FACTORS",
    "FACTOR_IDS",
    "GROUPS",
    "SOURCES",
    "factor_table",
]
