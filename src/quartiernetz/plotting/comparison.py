"""Several networks side by side (quarters, survey waves) on the key figures of ``summary()``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..change import comparison_table as compute_table
from ..network import Network
from ..words.figures import FIGURE_NAMES
from . import style as st
from ._deprecated import moved
from .labels import shorten

if TYPE_CHECKING:
    import networkx as nx
    from matplotlib.axes import Axes

__all__ = ["plot_comparison", "FIGURE_NAMES"]

# FIGURE_NAMES (the display names of the key figures) lives in quartiernetz.words.figures;
# it is imported here for the comparison chart and stays importable from this module.

__getattr__ = moved(__name__, {"comparison_table": "quartiernetz.change"})


def _row_format(values: np.ndarray) -> str:
    """One number format for a whole row: integers, or 1 or 2 decimals."""
    finite = values[np.isfinite(values)]
    if not len(finite) or np.all(np.abs(finite - np.round(finite)) < 1e-9):
        return "{:.0f}"
    return "{:.2f}" if np.abs(finite).max() < 10 else "{:.1f}"


def _fmt(v: float, pattern: str, lang: str) -> str:
    if not np.isfinite(v):
        return "–"
    s = pattern.format(v).replace("-", "−")
    return s.replace(".", ",") if lang == "de" else s


def plot_comparison(
    nets: Mapping[str, Network | nx.Graph | Any] | Sequence[Any] | pd.DataFrame,
    *,
    measures: Sequence[str] | None = None,
    lang: str = "en",
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Several networks side by side on the key figures of ``summary()``.

    Each figure gets a row; each network a bar in a fixed colour. Bars are scaled
    per figure to its largest absolute value (figures have different units), and
    every bar is labelled with its value, so the eye compares the networks
    within a row.

    Parameters
    ----------
    nets : mapping, sequence or DataFrame
        See :func:`quartiernetz.change.comparison_table`.
    measures : sequence of str, optional
        See :func:`quartiernetz.change.comparison_table`.
    lang : {"en", "de"}
    title : str, optional
    ax : matplotlib.axes.Axes, optional
        Default: a new figure, 9 inches wide.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> ax = plot_comparison({"2024": {"actors": 20, "density": 0.2},
    ...                       "2025": {"actors": 25, "density": 0.15}})
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Actors', 'Density']
    >>> plt.close(ax.figure)
    """
    st.text("empty", lang)
    table = compute_table(nets, measures=measures)
    names = list(table.index)
    figs = list(table.columns)
    k, m = len(names), len(figs)
    colors = (list(st.OKABE_ITO[:7]) + list(st.TOL_MUTED)) if k > 1 else ["#0072B2"]
    with st.style():
        if ax is None:
            import matplotlib.pyplot as plt

            _, ax = plt.subplots(figsize=(9, 1.0 + m * (0.25 + 0.2 * k)))
        if m == 0:
            return st.show_empty(ax, lang)
        height = 0.8 / k
        has_neg = bool((table.to_numpy() < 0).any())
        patterns = [_row_format(table[f].to_numpy(dtype=float)) for f in figs]
        for j, name in enumerate(names):
            vals = table.loc[name].to_numpy(dtype=float)
            scale = table.abs().max(axis=0).to_numpy(dtype=float)
            rel = np.where(scale > 0, vals / np.where(scale > 0, scale, 1.0), 0.0)
            rel = np.nan_to_num(rel)
            y = np.arange(m) + (j - (k - 1) / 2) * height
            ax.barh(
                y, rel, height=height * 0.92, color=colors[j % len(colors)], label=shorten(name, 30)
            )
            for yi, r, v, pat in zip(y, rel, vals, patterns, strict=True):
                ax.text(
                    r + (0.01 if r >= 0 else -0.01),
                    yi,
                    _fmt(v, pat, lang),
                    va="center",
                    ha="left" if r >= 0 else "right",
                    fontsize=7.5 if k > 3 else 8,
                    color="#333333",
                )
        ax.set_yticks(np.arange(m))
        ax.set_yticklabels([FIGURE_NAMES.get(f, {}).get(lang, f) for f in figs])
        ax.invert_yaxis()
        ax.set_xlim(-1.15 if has_neg else 0.0, 1.18)
        ax.axvline(0, color="#444444", lw=0.8)
        ax.set_xticks([])
        ax.spines["bottom"].set_visible(False)
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="y", length=0)
        ax.set_xlabel(st.text("bars_relative", lang), fontsize=7.5, color="#444444")
        if k > 1:
            ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.06), ncol=min(k, 4))
        if title:
            ax.set_title(title, loc="left")
    return ax
