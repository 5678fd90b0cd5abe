"""The network explorer: one interactive HTML page that works offline.

:func:`explore` writes the page for a :class:`~quartiernetz.network.Network`
(``qn.explore(net, "explorer.html")``) or, without a path, returns it for display
in Jupyter (an iframe whose ``srcdoc`` holds the same page). The page shows the
static network map's positions, colours and shapes; search by name (umlauts and
parts of names); a side panel per actor with its type, sector, partners,
committees, offers, catalyst score and reasons, and its dependence; filters by
sector, type, relation and minimum intensity; toggles for competition ties,
duplicate structures, suggested ties, communities and "what if this actor
leaves"; German and English with the report's words. Above
:data:`~quartiernetz.explorer.data.DETAIL_MAX` actors it opens on the communities
and loads the actors of one on demand.

The page is one self-contained file: the network library (vis-network, vendored in
``quartiernetz/explorer/vendor`` with its licence and version), the explorer's
script and style, and the data as JSON that is safe inside ``<script>``. Its
Content-Security-Policy forbids every request to elsewhere.
"""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Any

import pandas as pd

from ..exceptions import QuartiernetzError
from ..network import Network
from ..words.names import display_name
from .data import DETAIL_MAX, explorer_data
from .page import VENDOR_VERSIONS, render_page, safe_json
from .texts import words

__all__ = [
    "explore",
    "write_explorer",
    "explorer_html",
    "explorer_data",
    "ExplorerView",
    "DETAIL_MAX",
    "VENDOR_VERSIONS",
    "safe_json",
]


def explorer_html(
    net: Network,
    *,
    lang: str = "de",
    seed: int = 0,
    title: str | None = None,
    approximate: bool = False,
    catalysts: pd.DataFrame | None = None,
    communities: pd.Series | None = None,
    duplicates: pd.DataFrame | None = None,
    competitors: pd.DataFrame | None = None,
    suggestions: pd.DataFrame | None = None,
    detail_max: int = DETAIL_MAX,
    pos: pd.DataFrame | None = None,
) -> str:
    """The explorer page for ``net`` as one HTML string.

    Parameters are those of :func:`write_explorer`.

    Examples
    --------
    >>> from quartiernetz.datasets import load_example
    >>> page = explorer_html(load_example(), lang="en")
    >>> page.startswith("<!DOCTYPE html>"), "Content-Security-Policy" in page
    (True, True)
    """
    if lang not in ("de", "en"):
        raise QuartiernetzError(f"lang must be 'de' or 'en', got {lang!r}")
    data = explorer_data(
        net,
        seed=seed,
        approximate=approximate,
        catalysts=catalysts,
        communities=communities,
        duplicates=duplicates,
        competitors=competitors,
        suggestions=suggestions,
        detail_max=detail_max,
        pos=pos,
    )
    data["lang"] = lang
    data["words"] = {"de": words("de"), "en": words("en")}
    if title is None:
        name = display_name(str(net.name)) if getattr(net, "name", None) else ""
        head = words(lang)["page_title"]
        title = f"{head}: {name}" if name else head
    return render_page(data, lang=lang, title=title)


def write_explorer(
    net: Network,
    path: str | os.PathLike[str],
    *,
    lang: str = "de",
    seed: int = 0,
    title: str | None = None,
    approximate: bool = False,
    catalysts: pd.DataFrame | None = None,
    communities: pd.Series | None = None,
    duplicates: pd.DataFrame | None = None,
    competitors: pd.DataFrame | None = None,
    suggestions: pd.DataFrame | None = None,
    detail_max: int = DETAIL_MAX,
    pos: pd.DataFrame | None = None,
) -> Path:
    """Write the explorer page for ``net`` to ``path`` (one self-contained HTML file).

    Parameters
    ----------
    net : Network
        The network as the report shows it (pseudonymise it first with
        :func:`quartiernetz.pseudonymize` where the report is pseudonymised: the
        page takes the labels it is given).
    path : path-like
        The HTML file to write (its folder must exist).
    lang : {"de", "en"}, default "de"
        The language the page opens in (the other is one click away).
    seed : int, default 0
        Seed of the layout, the communities and the competitor split, as for the
        report and :func:`quartiernetz.plotting.plot_network`.
    title : str, optional
        The page title; default "Netzwerk-Explorer: <name>" / "Network explorer: <name>".
    approximate : bool, default False
        Sampled betweenness for the catalysts (see :func:`quartiernetz.roles.catalysts`).
    catalysts, communities, duplicates, competitors, suggestions : optional
        Precomputed analyses (the report passes its own, so nothing is computed twice).
    detail_max : int, default :data:`~quartiernetz.explorer.data.DETAIL_MAX` (5,000)
        Above this many actors the page opens on the aggregated view (one node per
        community or sector) and loads the actors of one part when it is chosen.

    Returns
    -------
    pathlib.Path
        ``path``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from quartiernetz.datasets import load_example
    >>> out = write_explorer(load_example(), pathlib.Path(tempfile.mkdtemp()) / "explorer.html")
    >>> out.stat().st_size > 100_000
    True
    """
    page = explorer_html(
        net,
        lang=lang,
        seed=seed,
        title=title,
        approximate=approximate,
        catalysts=catalysts,
        communities=communities,
        duplicates=duplicates,
        competitors=competitors,
        suggestions=suggestions,
        detail_max=detail_max,
        pos=pos,
    )
    path = Path(path)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(page)
    return path


class ExplorerView:
    """The explorer page, shown inline in Jupyter (an iframe with the page as ``srcdoc``).

    Parameters
    ----------
    page : str
        The explorer's HTML (see :func:`explorer_html`).
    height : int, default 720
        Height of the iframe in pixels.

    Examples
    --------
    >>> view = ExplorerView("<!DOCTYPE html><p>x</p>")
    >>> view._repr_html_().startswith("<iframe")
    True
    """

    def __init__(self, page: str, *, height: int = 720) -> None:
        self.html = page
        self.height = int(height)

    def _repr_html_(self) -> str:
        # sandboxed without allow-same-origin: the page runs in an opaque origin; written
        # in ASCII (character references), so the host page's encoding cannot change it
        doc = html.escape(self.html, quote=True).encode("ascii", "xmlcharrefreplace").decode()
        return (
            f'<iframe srcdoc="{doc}" '
            'sandbox="allow-scripts" referrerpolicy="no-referrer" '
            f'style="width:100%;height:{self.height}px;border:1px solid #c8c8c8" '
            'title="quartiernetz explorer"></iframe>'
        )

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the page to ``path`` and return it."""
        path = Path(path)
        path.write_text(self.html, encoding="utf-8", newline="\n")
        return path


def explore(
    net: Network,
    path: str | os.PathLike[str] | None = None,
    *,
    lang: str = "de",
    seed: int = 0,
    title: str | None = None,
    approximate: bool = False,
    height: int = 720,
    **analyses: Any,
) -> Path | ExplorerView:
    """Explore ``net`` interactively: write the explorer page, or show it in Jupyter.

    Parameters
    ----------
    net : Network
    path : path-like, optional
        Write the page here and return the path. Without it, return an
        :class:`ExplorerView`, which Jupyter displays inline (the same page).
    lang, seed, title, approximate
        As for :func:`write_explorer`.
    height : int, default 720
        Height of the inline view in pixels.
    **analyses
        Precomputed ``catalysts``, ``communities``, ``duplicates``, ``competitors``
        or ``suggestions``, ``pos`` and ``detail_max`` (see :func:`write_explorer`).

    Returns
    -------
    pathlib.Path or ExplorerView

    Examples
    --------
    >>> from quartiernetz.datasets import load_example
    >>> view = explore(load_example(), lang="en")
    >>> "srcdoc" in view._repr_html_()
    True
    """
    allowed = {
        "catalysts",
        "communities",
        "duplicates",
        "competitors",
        "suggestions",
        "detail_max",
        "pos",
    }
    unknown = sorted(set(analyses) - allowed)
    if unknown:
        raise QuartiernetzError(f"explore() got unexpected options: {', '.join(unknown)}")
    if path is not None:
        return write_explorer(
            net, path, lang=lang, seed=seed, title=title, approximate=approximate, **analyses
        )
    page = explorer_html(
        net, lang=lang, seed=seed, title=title, approximate=approximate, **analyses
    )
    return ExplorerView(page, height=height)
