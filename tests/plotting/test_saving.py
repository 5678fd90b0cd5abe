"""Saved figures are byte-identical from run to run, in a fresh process too."""

from __future__ import annotations

import os
import subprocess
import sys
import zlib

import matplotlib.pyplot as plt
import pytest

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


def test_png_is_rgb_at_the_saved_resolution(tmp_path):
    from PIL import Image

    fig, ax = plt.subplots(figsize=(2, 1))
    ax.plot([0, 1], [1, 0])
    png, _ = save_figure(fig, tmp_path / "line")
    with Image.open(png) as image:
        assert image.mode == "RGB"
        assert image.info["dpi"] == pytest.approx((150, 150), abs=0.02)


def test_shared_text_extents_change_no_byte(nordstadt, nordstadt_catalysts, tmp_path, monkeypatch):
    import contextlib

    from quartiernetz.plotting import style

    ax = plot_sector_map(nordstadt, catalysts=nordstadt_catalysts, lang="de")
    # matplotlib's own measuring, then the shared table empty (filled) and full (read)
    with monkeypatch.context() as m:
        m.setattr(style, "_shared_text_extents", contextlib.nullcontext)
        plain = save_figure(ax.figure, tmp_path / "plain")
    style._text_extents.clear()
    filled = save_figure(ax.figure, tmp_path / "filled")
    assert len(style._text_extents) > 20
    read = save_figure(ax.figure, tmp_path / "read")
    for files in (filled, read):
        assert [f.read_bytes() for f in files] == [f.read_bytes() for f in plain]


def test_shared_text_extents_tell_resolutions_and_fonts_apart():
    import contextlib

    import matplotlib as mpl
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    from quartiernetz.plotting.style import _shared_text_extents

    def measure(dpi, rc, shared):
        with mpl.rc_context(rc), _shared_text_extents() if shared else contextlib.nullcontext():
            prop = FontProperties(family="sans-serif", size=9)  # the font from the rcParams
            return RendererAgg(10, 10, dpi).get_text_width_height_descent("Quartier", prop, False)

    mono = {"font.sans-serif": ["DejaVu Sans Mono"]}
    cases = [(72, {}), (150, {}), (150, mono)]
    plain = [measure(dpi, rc, shared=False) for dpi, rc in cases]
    assert len(set(plain)) == 3
    for _ in range(2):  # measured, then answered from the table
        assert [measure(dpi, rc, shared=True) for dpi, rc in cases] == plain


def test_shared_text_extents_follow_every_font_setting():
    """Hinting factor (matplotlib < 3.11) and the last-resort font (>= 3.10) change a
    text's width; a font registered later changes which file a family finds."""
    import contextlib

    import matplotlib as mpl
    from matplotlib import font_manager
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    from quartiernetz.plotting import style

    text = "Quartier \u6f22\u5b57 \u0ba4\u0bae"  # letters DejaVu Sans lacks

    def measure(rc, shared):
        with (
            mpl.rc_context(rc),
            style._shared_text_extents() if shared else contextlib.nullcontext(),
        ):
            prop = FontProperties(family="sans-serif", size=9)
            return RendererAgg(10, 10, 100).get_text_width_height_descent(text, prop, False)

    cases = [{}] + [
        {name: value}
        for name, value in (("text.hinting_factor", 1), ("font.enable_last_resort", False))
        if name in mpl.rcParams
    ]
    plain = [measure(rc, shared=False) for rc in cases]
    for _ in range(2):  # measured, then answered from the table
        assert [measure(rc, shared=True) for rc in cases] == plain
    # the font manager's fonts are part of the key
    before = style._extent_settings()
    manager = font_manager.fontManager
    manager.ttflist.append(manager.ttflist[0])
    try:
        assert style._extent_settings() != before
    finally:
        manager.ttflist.pop()
    assert style._extent_settings() == before


def test_shared_text_extents_restore_matplotlib_after_nesting_and_errors():
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.textpath import TextToPath

    from quartiernetz.plotting import style

    own = (RendererAgg.get_text_width_height_descent, TextToPath.get_text_width_height_descent)
    with pytest.raises(RuntimeError, match="a figure fails"):
        with style._shared_text_extents():
            assert RendererAgg.get_text_width_height_descent is not own[0]
            with style._shared_text_extents():
                pass
            assert RendererAgg.get_text_width_height_descent is not own[0]  # still the outer's
            raise RuntimeError("a figure fails")
    assert (
        RendererAgg.get_text_width_height_descent,
        TextToPath.get_text_width_height_descent,
    ) == own
    assert style._sharing == [0] and style._swapped == []


def test_control_characters_are_made_visible_with_and_without_axes(tmp_path):
    fig, (a, b) = plt.subplots(1, 2)
    a.set_title("AWO\x07")
    b.set_title("Tafel\x1b")
    b.set_axis_off()  # its texts are found without looking into its (hidden) axis
    _, svg = save_figure(fig, tmp_path / "titles")
    assert (a.get_title(), b.get_title()) == ("AWO\ufffd", "Tafel\ufffd")
    assert "\x07" not in svg.read_text(encoding="utf-8")
