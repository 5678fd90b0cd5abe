"""Overlap heatmaps: committees with the same members, providers with the same offers."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from ..network import Network
from ..structures import duplicates as compute_duplicates
from ..structures import overlap_matrix as compute_overlap
from ..structures import overlap_pairs
from . import style as st
from ._deprecated import moved
from .labels import shorten

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_overlap"]

__getattr__ = moved(__name__, {"overlap_matrix": "quartiernetz.structures"})


def plot_overlap(
    net: Network,
    *,
    kind: Literal["committee", "offer"] = "committee",
    duplicates: pd.DataFrame | None = None,
    highlight: bool = True,
    max_items: int = 30,
    only_shared: bool | None = None,
    lang: str = "en",
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Heatmap of committee membership overlap or of offer overlap, duplicates outlined.

    Parameters
    ----------
    net : Network
    kind : {"committee", "offer"}
        See :func:`quartiernetz.structures.overlap_matrix`.
    duplicates : DataFrame, optional
        A :func:`quartiernetz.structures.duplicates` table (``a``, ``b``,
        ``kind``); its pairs of this ``kind`` are outlined in black. Computed
        when not given and ``highlight`` is true.
    highlight : bool, default True
    max_items : int, default 30
        At most this many committees or actors: those with the largest overlap
        with another.
    only_shared : bool, optional
        Leave out rows that share nothing (default: True for offers, False for
        committees).
    lang : {"en", "de"}
    title : str, optional
    ax : matplotlib.axes.Axes, optional
        Default: a new figure sized to the matrix.

    Returns
    -------
    matplotlib.axes.Axes

    Notes
    -----
    Colour is the Jaccard index :math:`|A∩B| / |A∪B|` of two member (or offer)
    sets; the number in a cell is :math:`|A∩B|`, on the diagonal the set size
    (numbers are left out above 25 rows, where they would be too small to read).
    Rows are ordered by average-linkage clustering of :math:`1 - J`, so similar
    committees sit next to each other.

    References
    ----------
    .. [1] Jaccard, P. (1912). The distribution of the flora in the alpine zone.
       New Phytologist, 11(2), 37–50.
       https://doi.org/10.1111/j.1469-8137.1912.tb05611.x

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> net = Network(affiliations=pd.DataFrame({
    ...     "actor": ["a", "b", "c", "a", "b"], "item": ["AK 1"] * 3 + ["AK 2"] * 2,
    ...     "kind": "committee"}))
    >>> ax = plot_overlap(net, highlight=False)
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['AK 1', 'AK 2']
    >>> plt.close(ax.figure)
    """
    st.text("empty", lang)
    jac, shared = compute_overlap(net, kind=kind)
    if only_shared is None:
        only_shared = kind == "offer"
    names = list(jac.index)
    if kind == "offer":
        lab = net.actors["label"]
        shown_names = {a: shorten(lab.get(a, a), 34) for a in names}
    else:
        shown_names = {c: shorten(c, 34) for c in names}
    J, S, items = _shown(jac, shared, only_shared=only_shared, max_items=max_items)
    pairs: set[tuple[str, str]] = set()
    if highlight and len(items) > 1:
        if duplicates is None:
            duplicates = compute_duplicates(net, kinds=[kind])
        pairs = overlap_pairs(duplicates, items, kind=kind)

    with st.style():
        n = len(items)
        if ax is None:
            import matplotlib.pyplot as plt

            side = min(max(4.5, 1.6 + 0.36 * n), 13.0)
            _, ax = plt.subplots(figsize=(side + 1.6, side))
        if n == 0:
            return st.show_empty(ax, lang)
        im = _draw_cells(ax, J, S)
        _draw_frames(ax, items, pairs)
        ticks = [shown_names[x] for x in items]
        ax.set_xticks(range(n))
        ax.set_yticks(range(n))
        ax.set_xticklabels(ticks, rotation=45, ha="right", rotation_mode="anchor")
        ax.set_yticklabels(ticks)
        ax.tick_params(length=0)
        for s in ax.spines.values():
            s.set_visible(False)
        st.cell_lines(ax, n, n, linewidth=1.0)
        cbar = ax.figure.colorbar(im, ax=ax, fraction=0.04, pad=0.02)
        bar_label, note = _overlap_words(kind, lang, framed=bool(pairs), n=n)
        cbar.set_label(bar_label)
        cbar.outline.set_visible(False)
        ax.set_xlabel(
            textwrap.fill(note, 70, break_on_hyphens=False),
            fontsize=7.5,
            color="#444444",
            labelpad=6,
        )
        ax.xaxis.set_label_position("top")
        if title:
            ax.set_title(title, loc="left", pad=22)
    return ax


def _shown(
    jac: pd.DataFrame, shared: pd.DataFrame, *, only_shared: bool, max_items: int
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The rows shown (those with the largest overlap), clustered so similar rows meet."""
    names = list(jac.index)
    if len(names):
        off = jac.to_numpy() - np.eye(len(names))
        best = off.max(axis=1) if len(names) > 1 else np.zeros(1)
        keep = [i for i in range(len(names)) if not only_shared or best[i] > 0]
        keep = sorted(keep, key=lambda i: (-best[i], -int(shared.iat[i, i]), str(names[i])))
        keep = sorted(keep[:max_items])
    else:
        keep = []
    J = jac.to_numpy()[np.ix_(keep, keep)] if keep else np.zeros((0, 0))
    S = shared.to_numpy()[np.ix_(keep, keep)] if keep else np.zeros((0, 0), dtype=int)
    items = [names[i] for i in keep]
    if len(items) > 2:
        from scipy.cluster.hierarchy import leaves_list, linkage
        from scipy.spatial.distance import squareform

        D = np.clip(1.0 - J, 0.0, 1.0)
        np.fill_diagonal(D, 0.0)
        order = leaves_list(linkage(squareform(D, checks=False), method="average"))
        J, S, items = J[np.ix_(order, order)], S[np.ix_(order, order)], [items[i] for i in order]
    return J, S, items


def _draw_cells(ax: Axes, J: np.ndarray, S: np.ndarray) -> Any:
    """The Jaccard colours (diagonal grey) and, up to 25 rows, the shared counts."""
    from matplotlib import colormaps

    n = len(J)
    shown = J.copy()
    np.fill_diagonal(shown, np.nan)
    cmap = colormaps["Blues"].with_extremes(bad="#EEEEEE")
    im = ax.imshow(shown, cmap=cmap, vmin=0.0, vmax=1.0, interpolation="nearest")
    if n <= 25:
        fs = 8 if n <= 15 else 6.5
        for i in range(n):
            for j in range(n):
                if S[i, j] == 0 and i != j:
                    continue
                dark = i != j and J[i, j] > 0.55
                ax.text(
                    j,
                    i,
                    str(int(S[i, j])),
                    ha="center",
                    va="center",
                    fontsize=fs,
                    color="white" if dark else "#333333",
                    fontstyle="italic" if i == j else "normal",
                )
    return im


def _draw_frames(ax: Axes, items: list[str], pairs: set[tuple[str, str]]) -> None:
    """A black frame around both cells of every possible duplicate pair."""
    from matplotlib.patches import Rectangle

    pos = {x: i for i, x in enumerate(items)}
    for a, b in sorted(pairs):
        for i, j in ((pos[a], pos[b]), (pos[b], pos[a])):
            ax.add_patch(
                Rectangle(
                    (j - 0.5, i - 0.5),
                    1,
                    1,
                    fill=False,
                    edgecolor="#000000",
                    linewidth=2.0,
                    zorder=3,
                )
            )


def _overlap_words(kind: str, lang: str, *, framed: bool, n: int) -> tuple[str, str]:
    """The colour bar's label and the note above the matrix."""
    items = st.text("overlap_members" if kind == "committee" else "overlap_offers", lang)
    parts = [] if n > 25 else ["overlap_cell", "overlap_diagonal"]  # no numbers in large grids
    parts += ["overlap_frame"] if framed else []
    note = "; ".join(st.text(p, lang, items=items) for p in parts)
    return st.text("overlap_scale", lang, items=items), note
