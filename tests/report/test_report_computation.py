"""Issue 13: when the report estimates betweenness by sampling, it says so in its language."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

import quartiernetz as qn
from quartiernetz.i18n import Text
from quartiernetz.report.analyses import ReportData
from quartiernetz.report.html import build_context


@pytest.fixture(scope="module")
def sampled():
    """A 400-actor network and its catalysts, with the note the cost model leaves when it
    samples (sampling starts only where exact betweenness would take more than 10 s, too
    slow for a unit test; ``tests/roles`` test that the note is written)."""
    G = nx.connected_watts_strogatz_graph(400, 6, 0.2, seed=1)
    ties = pd.DataFrame([(f"a{u}", f"a{v}") for u, v in G.edges], columns=["source", "target"])
    net = qn.Network(ties=ties)
    cat = qn.catalysts(net, seed=0)
    cat.attrs["notes"] = [
        *cat.attrs["notes"],
        Text(
            "betweenness estimated from 300 sampled actors of 400: the exact computation "
            "would take about 25 s here (more than 10 s)[[py: (approximate=False forces it)|cli:]]",
            "Betweenness aus 300 zufällig gewählten von 400 Akteuren geschätzt: exakt dauerte "
            "es hier etwa 25 s (mehr als 10 s)[[py: (approximate=False erzwingt es)|cli:]]",
        ),
    ]
    return net, cat


@pytest.mark.parametrize(
    ("lang", "term", "word"),
    [
        ("de", "Berechnung in diesem Bericht", "geschätzt"),
        ("en", "Computation in this report", "estimated"),
    ],
)
def test_sampled_betweenness_is_named_in_the_methods(sampled, lang, term, word):
    net, cat = sampled
    context = build_context(
        net, ReportData(catalysts=cat), {}, lang=lang, seed=0, title="t", files=[]
    )
    notes = dict(context["methods"])
    assert term in notes
    assert word in notes[term] and "400" in notes[term]
    assert "approximate=" not in notes[term]  # no Python hint in a report


def test_exact_report_has_no_computation_note(example_reports):
    html = (example_reports["de"] / "report.html").read_text(encoding="utf-8")
    assert "Berechnung in diesem Bericht" not in html
