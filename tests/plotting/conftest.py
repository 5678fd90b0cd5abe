"""Fixtures for the plotting tests: the example quarter, its catalysts, closed figures."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

from quartiernetz.datasets import load_example


@pytest.fixture(autouse=True)
def _close_figures():
    """Every test starts and ends without open figures."""
    plt.close("all")
    yield
    plt.close("all")


@pytest.fixture(scope="session")
def nordstadt():
    return load_example("nordstadt")


@pytest.fixture(scope="session")
def nordstadt_catalysts(nordstadt):
    from quartiernetz.roles import catalysts

    return catalysts(nordstadt)
