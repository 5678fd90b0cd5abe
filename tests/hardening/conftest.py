"""Fixtures for the hardening tests (the Hypothesis profiles are in ``fuzzing.py``)."""

from __future__ import annotations

import warnings

import pytest


@pytest.fixture
def quiet():
    """Silence the loaders' warnings (DataCleaningWarning and friends) inside the test."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield
