"""Reports written once per test session: the example in both languages, a hostile quarter."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest

from quartiernetz.datasets import load_example
from quartiernetz.report import write_report

from .report_inputs import SCRIPT, hostile_network


@pytest.fixture(scope="session")
def example_reports(tmp_path_factory):
    """The example quarter's report folders by language."""
    base = tmp_path_factory.mktemp("reports")
    net = load_example()
    return {
        lang: write_report(net, base / f"nordstadt-{lang}", lang=lang, quiet=True)
        for lang in ("de", "en")
    }


@pytest.fixture(scope="session")
def hostile_report(tmp_path_factory):
    import warnings

    base = tmp_path_factory.mktemp("hostile")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        net = hostile_network()
    return write_report(net, base / "report", lang="de", quiet=True, title=f"Titel {SCRIPT}")
