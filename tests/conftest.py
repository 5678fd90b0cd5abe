"""Shared fixtures: the classic data beside the repository, and a headless matplotlib."""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = (REPO / ".." / "shared" / "data").resolve()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The folder ``../shared/data`` beside the repository (classic network data sets).

    Skips the test when it is absent: those data sets carry their own licences and are
    not shipped with quartiernetz. Point ``QUARTIERNETZ_SHARED_DATA`` elsewhere to override.
    """
    path = Path(os.environ.get("QUARTIERNETZ_SHARED_DATA", SHARED_DATA))
    if not path.is_dir():
        pytest.skip(
            f"classic network data not found at {path} (expected ../shared/data "
            "beside the repository); these tests need it"
        )
    return path
