"""The report opened in a real headless browser (Debian's chromium): it renders, with images.

Skipped with a clear message where chromium is not installed (``.ci/run`` installs
it with ``apt-get install -y chromium``). Set ``QUARTIERNETZ_SHOTS`` to a folder
to keep the screenshots for looking at them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from quartiernetz.plotting.style import SECTOR_COLORS

# tall enough to reach the network map below the overview and the Netzwerk-Check
WIDTH, HEIGHT = 1280, 9000


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        exe = shutil.which(name)
        if exe:
            return exe
    pytest.skip(
        "no headless browser: install Debian's chromium (apt-get install -y chromium) to run "
        "the screenshot test of the HTML report"
    )


def screenshot(html: Path, png: Path, tmp: Path) -> Image.Image:
    """Render ``html`` in headless chromium and return the screenshot."""
    profile = tmp / "chromium-profile"
    profile.mkdir(exist_ok=True)
    cmd = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        f"--screenshot={png}",
        f"--window-size={WIDTH},{HEIGHT}",
        html.resolve().as_uri(),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False)
    if not png.is_file():
        pytest.fail(f"chromium wrote no screenshot (exit {proc.returncode}): {proc.stderr[-2000:]}")
    return Image.open(png).convert("RGB")


def _near(pixels: np.ndarray, hex_color: str, tol: int = 12) -> int:
    rgb = np.array([int(hex_color[i : i + 2], 16) for i in (1, 3, 5)])
    return int(np.count_nonzero(np.abs(pixels.astype(int) - rgb).max(axis=-1) <= tol))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_report_renders_with_its_figures(example_reports, tmp_path, lang):
    png = tmp_path / f"report-{lang}.png"
    image = screenshot(example_reports[lang] / "report.html", png, tmp_path)
    keep = os.environ.get("QUARTIERNETZ_SHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(png, Path(keep) / png.name)
    pixels = np.asarray(image)
    assert pixels.shape == (HEIGHT, WIDTH, 3)
    # not blank: ink on the page and real variation
    assert pixels.std() > 20
    ink = np.count_nonzero(pixels.min(axis=-1) < 200)
    assert ink > 0.02 * pixels.shape[0] * pixels.shape[1]
    # the figures rendered: their sector colours (Okabe-Ito) appear, which the page's
    # own text and tables never use except the heading blue
    for sector in ("welfare", "education", "civil_society", "religion"):
        assert _near(pixels, SECTOR_COLORS[sector]) > 200, f"no {sector} colour: figure missing"
    # the network map is the first figure: a tall band of non-white rows below the overview
    rows_with_colour = np.flatnonzero(
        (np.abs(pixels.astype(int) - [213, 94, 0]).max(axis=-1) <= 12).any(axis=1)
    )
    assert rows_with_colour.size and rows_with_colour.min() > 600  # below the title and overview


def test_hostile_report_renders_text_not_script(hostile_report, tmp_path):
    image = screenshot(hostile_report / "report.html", tmp_path / "hostile.png", tmp_path)
    pixels = np.asarray(image)
    assert pixels.std() > 20
    # had the script run, chromium would still render; the proof that it did not is in the
    # DOM: dump it and look for the escaped text
    cmd = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile-dom'}",
        "--dump-dom",
        (hostile_report / "report.html").resolve().as_uri(),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False)
    dom = proc.stdout
    assert "&lt;script&gt;alert" in dom
    assert "<script>alert" not in dom
