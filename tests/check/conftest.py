"""Small networks for the network check, each computed by hand in the tests."""

from __future__ import annotations

import pandas as pd
import pytest

from quartiernetz import Network


def hand_network(**changes: object) -> Network:
    """Nine actors of a quarter Q (see test_check_factors.py for the hand computations).

    Keyword arguments replace the tables: ``actors=``, ``ties=``, ``affiliations=``.
    """
    actors = pd.DataFrame(
        {
            "id": ["qm", "soz", "jug", "awo", "car", "club", "bi", "firm", "ext"],
            "type": [
                "Quartiersmanagement",
                "Kommune",
                "Kommune",
                "Wohlfahrtsverband",
                "Wohlfahrtsverband",
                "Verein",
                "Initiative",
                "Unternehmen",
                "Verein",
            ],
            "umbrella": [None, "Stadt", "Stadt", "AWO", "Caritas", None, None, None, None],
            "area": ["Q", None, None, "Q", "Q", "Q", "Q", "Q", "Stadt"],
            "coordinator": ["yes", None, None, None, None, None, None, None, None],
        }
    )
    ties = pd.DataFrame(
        [
            ("qm", "soz", "cooperation"),
            ("qm", "awo", "cooperation"),
            ("qm", "car", "cooperation"),
            ("qm", "club", "cooperation"),
            ("qm", "bi", "cooperation"),
            ("soz", "awo", "funding"),
            ("firm", "club", "funding"),
            ("bi", "ext", "cooperation"),
            ("awo", "car", "competition"),
            ("soz", "jug", "cooperation"),
        ],
        columns=["source", "target", "relation"],
    )
    aff = pd.DataFrame(
        [
            ("qm", "Steuerungsgruppe", "committee", None, 12, "yes"),
            ("soz", "Steuerungsgruppe", "committee", None, 12, "yes"),
            ("bi", "Steuerungsgruppe", "committee", None, 12, "yes"),
            ("qm", "Runder Tisch", "committee", "Senioren", 1, "no"),
            ("awo", "Runder Tisch", "committee", "Senioren", 1, "no"),
            ("car", "Runder Tisch", "committee", "Senioren", 1, "no"),
            ("awo", "Seniorentreff", "offer", "Senioren", None, None),
            ("car", "Seniorentreff", "offer", "Senioren", None, None),
            ("club", "Sport", "offer", "Kinder", None, None),
            ("qm", "Raum", "resource", None, None, None),
            ("bi", "Raum", "resource", None, None, None),
        ],
        columns=["actor", "item", "kind", "target_group", "frequency", "steering"],
    )
    tables = {"actors": actors, "ties": ties, "affiliations": aff}
    tables.update(changes)  # type: ignore[arg-type]
    return Network(**tables)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def hand() -> Network:
    return hand_network()
