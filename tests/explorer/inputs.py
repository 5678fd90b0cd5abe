"""Inputs for the explorer tests: a small quarter whose names try to break the page."""

from __future__ import annotations

import pandas as pd

from quartiernetz import Network

SCRIPT = "</script><script>alert('x')</script>"
IMG = "<img src=x onerror=alert(2)>"
COMMENT = "<!-- Verein -->"
LINES = "Zeile\u2028Eins\u2029Zwei"
CONTROL = "Glocke\x07\x1b[31m"
UMLAUT = "Bürgerverein Müllerstraße"
MAIL = "leitung@example.org"


def hostile_network() -> Network:
    """A quarter with hostile names, an e-mail column and a competition tie."""
    ids = ["qm", "script", "img", "comment", "lines", "control", "buerger", "kita"]
    actors = pd.DataFrame(
        {
            "id": ids,
            "label": [
                "Quartiersmanagement",
                SCRIPT,
                IMG,
                COMMENT,
                LINES,
                CONTROL,
                UMLAUT,
                "Kita & Hort",
            ],
            "type": [
                "Quartiersmanagement",
                "Initiative",
                "Verein",
                "Verein",
                "Kirche",
                "Unternehmen",
                "Verein",
                "Kita",
            ],
            "contact": [MAIL] * len(ids),
        }
    )
    ties = pd.DataFrame(
        {
            "source": ["qm", "qm", "qm", "qm", "qm", "script", "img", "buerger", "kita"],
            "target": [
                "script",
                "img",
                "comment",
                "lines",
                "buerger",
                "img",
                "control",
                "kita",
                "comment",
            ],
            "relation": ["cooperation"] * 8 + ["competition"],
            "intensity": [3, 2, 2, 1, 1, 2, 1, 3, 1],
        }
    )
    affiliations = pd.DataFrame(
        {
            "actor": ["script", "img", "qm"],
            "item": [SCRIPT, SCRIPT, "AK " + COMMENT],
            "kind": ["offer", "offer", "committee"],
            "target_group": [IMG, IMG, None],
        }
    )
    return Network(actors=actors, ties=ties, affiliations=affiliations, name=SCRIPT)
