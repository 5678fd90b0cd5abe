"""The report's figures: drawn once, saved as PNG and SVG, embedded in the HTML as SVG."""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..exceptions import QuartiernetzError
from ..network import Network
from .analyses import ReportData
from .progress import Progress

__all__ = ["FigureFile", "make_figures", "FIGURE_NAMES"]

#: Fixed file stems of the figures (never derived from user text).
FIGURE_NAMES = (
    "network",
    "sectors",
    "brokerage",
    "dependence",
    "overlap_committees",
    "overlap_offers",
    "communities",
    "offer_map",
)


@dataclass(frozen=True)
class FigureFile:
    """A saved figure: its files (relative to the report folder) and the embeddable SVG."""

    name: str
    png: str
    svg: str
    data_uri: str


def _save(fig: Any, folder: Path, name: str) -> FigureFile:
    from ..plotting.style import save_figure

    png, svg = save_figure(fig, folder / name)
    uri = "data:image/svg+xml;base64," + base64.b64encode(svg.read_bytes()).decode("ascii")
    return FigureFile(name=name, png=f"figures/{png.name}", svg=f"figures/{svg.name}", data_uri=uri)


def make_figures(
    net: Network,
    data: ReportData,
    folder: Path,
    *,
    lang: str,
    seed: int,
    progress: Progress | None = None,
) -> dict[str, FigureFile]:
    """Draw and save every figure the results allow; returns them by name.

    A figure whose drawing raises a :class:`~quartiernetz.exceptions.QuartiernetzError`
    is left out (its reason goes to ``data.errors["figure_<name>"]``).
    """
    import matplotlib.pyplot as plt

    from .. import plotting as qp

    prog = progress or Progress(0, enabled=False)
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, FigureFile] = {}
    cat = data.catalysts
    # both network maps share one layout (the same seed gives the same one anyway)
    pos = qp.layout(net, seed=seed) if len(net.actors) <= 2000 else None
    drawers: list[tuple[str, Callable[[], Any], bool]] = [
        (
            "network",
            lambda: qp.plot_network(net, catalysts=cat, seed=seed, lang=lang, pos=pos),
            cat is not None,
        ),
        ("sectors", lambda: qp.plot_sector_map(net, catalysts=cat, lang=lang), cat is not None),
        (
            "brokerage",
            lambda: qp.plot_brokerage(net, brokerage=data.brokerage, lang=lang),
            data.brokerage is not None,
        ),
        (
            "dependence",
            lambda: qp.plot_dependence(net, curve=data.dependence, lang=lang),
            data.dependence is not None,
        ),
        (
            "overlap_committees",
            lambda: qp.plot_overlap(
                net,
                kind="committee",
                duplicates=data.duplicates,
                lang=lang,
                highlight=data.duplicates is not None,
            ),
            data.has_committees,
        ),
        (
            "overlap_offers",
            lambda: qp.plot_overlap(
                net,
                kind="offer",
                duplicates=data.duplicates,
                lang=lang,
                highlight=data.duplicates is not None,
            ),
            data.has_offers,
        ),
        (
            "communities",
            lambda: qp.plot_network(
                net,
                catalysts=cat,
                communities=data.communities + 1,
                color_by="community",
                seed=seed,
                lang=lang,
                competition=False,
            ),
            data.communities is not None and cat is not None,
        ),
        (
            "offer_map",
            lambda: qp.plot_offer_map(net, offers=data.offers_wide, lang=lang),
            data.offers_wide is not None,
        ),
    ]
    for name, draw, possible in drawers:
        if not possible:
            continue
        prog.step(f"figure {name}")
        try:
            ax = draw()
        except QuartiernetzError as err:
            data.errors[f"figure_{name}"] = str(err)
            continue
        try:
            out[name] = _save(ax.figure, folder, name)
        finally:
            plt.close(ax.figure)
    return out
