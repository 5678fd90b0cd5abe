"""Saved figures are byte-identical from run to run, in a fresh process too."""

from __future__ import annotations

import os
import subprocess
import sys
import zlib

import matplotlib.pyplot as plt

from quartiernetz.plotting import (
    plot_brokerage,
    plot_dependence,
    plot_network,
    plot_overlap,
    plot_sector_map,
    save_figure,
)
from quartiernetz.plotting.style import OKABE_ITO, SECTOR_COLORS, category_colors

DRAW = {
    "network": lambda net, cat: plot_network(net, catalysts=cat, seed=0, lang="de"),
    "sectors": lambda net, cat: plot_sector_map(net, catalysts=cat, lang="de"),
    "brokerage": lambda net, cat: plot_brokerage(net, lang="de"),
    "overlap": lambda net, cat: plot_overlap(net, kind="offer", lang="de"),
    "dependence": lambda net, cat: plot_dependence(net, catalysts=cat, lang="de"),
}


def _png_text_chunks(data: bytes) -> list[bytes]:
    """The keys of the tEXt/iTXt/zTXt chunks of a PNG file."""
    pos, keys = 8, []
    while pos < len(data):
        length = int.from_bytes(data[pos : pos + 4], "big")
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind in (b"tEXt", b"iTXt", b"zTXt"):
            keys.append(body.split(b"\0", 1)[0])
        pos += 12 + length
    return keys


def test_saving_twice_gives_identical_files(nordstadt, nordstadt_catalysts, tmp_path):
    for name, draw in DRAW.items():
        files = []
        for run in (1, 2):
            ax = draw(nordstadt, nordstadt_catalysts)
            files.append(save_figure(ax.figure, tmp_path / f"{name}{run}"))
            plt.close(ax.figure)
        for a, b in zip(*files, strict=True):
            assert a.read_bytes() == b.read_bytes(), f"{a.name} differs between runs"


def test_files_carry_no_date_or_version(nordstadt, nordstadt_catalysts, tmp_path):
    ax = plot_network(nordstadt, catalysts=nordstadt_catalysts)
    png, svg = save_figure(ax.figure, tmp_path / "map")
    text = svg.read_text(encoding="utf-8")
    assert "<dc:date>" not in text
    assert "Matplotlib v" not in text
    assert _png_text_chunks(png.read_bytes()) == []
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    zlib.crc32(png.read_bytes())  # readable


SCRIPT = """
import matplotlib
matplotlib.use("Agg")
import hashlib, sys
from quartiernetz.datasets import load_example
from quartiernetz.plotting import plot_network, save_figure
ax = plot_network(load_example(), seed=0)
png, svg = save_figure(ax.figure, sys.argv[1])
print(hashlib.sha256(png.read_bytes() + svg.read_bytes()).hexdigest())
"""


def test_identical_in_a_fresh_process_with_another_hash_seed(tmp_path):
    digests = set()
    for hashseed in ("1", "2"):
        out = subprocess.run(
            [sys.executable, "-c", SCRIPT, str(tmp_path / f"m{hashseed}")],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": hashseed},
            timeout=120,
        )
        digests.add(out.stdout.strip())
    assert len(digests) == 1


def test_palette_is_fixed_and_colour_blind_safe():
    assert SECTOR_COLORS["municipality"] == "#0072B2"  # Okabe-Ito blue, in every report
    named = [c for k, c in SECTOR_COLORS.items() if k != "other"]
    assert set(named) <= set(OKABE_ITO)
    assert len(set(named)) == len(named)
    # categories get colours by frequency, then name: the same input, the same colours
    assert category_colors(["b", "a", "b"]) == category_colors(["a", "b", "b"])
