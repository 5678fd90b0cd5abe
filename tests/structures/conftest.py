"""Fixtures of the structure tests: the planted quarter and its null twin (planted_quarter.py)."""

from __future__ import annotations

import pytest

from quartiernetz import Network

from .planted_quarter import build_quarter


@pytest.fixture(scope="session")
def quarter() -> Network:
    return build_quarter(planted=True)


@pytest.fixture(scope="session")
def null_quarter() -> Network:
    return build_quarter(planted=False)
