"""Fixtures for the survey tests: the example exports in data/surveys and the bad files."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SURVEYS = REPO / "data" / "surveys"
FILES = Path(__file__).resolve().parent / "files"


@pytest.fixture(scope="session")
def surveys() -> Path:
    """data/surveys: the example exports with their rosters and codebooks."""
    return SURVEYS


@pytest.fixture(scope="session")
def files() -> Path:
    """tests/survey/files: exports that must fail."""
    return FILES


@pytest.fixture
def quiet():
    """Silence the loader's DataCleaningWarnings inside the block."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield
