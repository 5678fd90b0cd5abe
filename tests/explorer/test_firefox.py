"""The explorer opens in Firefox too (issue 17: Chromium, Firefox and Edge; Edge is Chromium).

Firefox's own headless screenshot (no driver needed): the page must draw the map with the
sector colours of the static map. Skipped with a message where no Firefox is installed
(``apt-get install firefox-esr``; ``.ci/run`` installs it where it can).
"""

from __future__ import annotations

import shutil
import subprocess

import numpy as np
import pytest

from quartiernetz.plotting.style import SECTOR_COLORS

FIREFOX = shutil.which("firefox-esr") or shutil.which("firefox")


def _near(pixels: np.ndarray, hex_color: str, tol: int = 16) -> int:
    rgb = np.array([int(hex_color[i : i + 2], 16) for i in (1, 3, 5)])
    return int(np.count_nonzero(np.abs(pixels.astype(int) - rgb).max(axis=-1) <= tol))


@pytest.mark.skipif(FIREFOX is None, reason="no Firefox installed (apt-get install firefox-esr)")
def test_explorer_renders_in_firefox(example_page, tmp_path):
    from PIL import Image

    profile = tmp_path / "profile"
    profile.mkdir()
    png = tmp_path / "firefox.png"
    cmd = [
        FIREFOX,
        "--headless",
        "--no-remote",
        "--profile",
        str(profile),
        "--window-size=1280,900",
        "--screenshot",
        str(png),
        example_page.resolve().as_uri(),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert png.is_file(), proc.stdout + proc.stderr
    pixels = np.asarray(Image.open(png).convert("RGB"))
    assert pixels.std() > 20  # not blank
    # the map is drawn: its nodes carry the sector colours of the static network map. The
    # map sits between the filter panel (300 px, whose legend dots have the colours too)
    # and the side panel; measured in Firefox ESR 153: 830-2,090 pixels per colour there
    canvas = pixels[:, 300:940]
    for sector in ("municipality", "welfare", "civil_society"):
        assert _near(canvas, SECTOR_COLORS[sector]) > 300, f"no {sector} node in Firefox"
