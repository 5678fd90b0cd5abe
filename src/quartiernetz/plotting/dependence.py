"""Dependence on the catalysts: what is left of the network when the top catalysts leave."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np
import pandas as pd

from ..network import Network
from ..roles import CURVE_COLUMNS
from ..roles import dependence_curve as compute_curve
from ..words.figures import CURVE_NAMES
from . import style as st
from ._deprecated import moved
from .actors import actor_labels
from .labels import shorten

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_dependence", "CURVE_COLUMNS"]

__getattr__ = moved(__name__, {"dependence_curve": "quartiernetz.roles"})

_COLORS = {
    "connected_pairs": "#0072B2",
    "largest_component": "#009E73",
    "cross_group_ties": "#D55E00",
}
_MARKERS = {"connected_pairs": "o", "largest_component": "s", "cross_group_ties": "^"}


def plot_dependence(
    net: Network | nx.Graph,
    *,
    catalysts: pd.DataFrame | None = None,
    curve: pd.DataFrame | None = None,
    top: int = 5,
    cumulative: bool = True,
    group: str | Mapping[Hashable, Any] | pd.Series | None = "type",
    lang: str = "en",
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """What happens when the top catalysts leave: cohesion before and after, in percent.

    Parameters
    ----------
    net : Network or networkx.Graph
    catalysts : DataFrame, optional
        A precomputed :func:`quartiernetz.roles.catalysts` table.
    curve : DataFrame, optional
        A precomputed :func:`quartiernetz.roles.dependence_curve` (then ``catalysts``, ``top``,
        ``cumulative`` and ``group`` are not used).
    top : int, default 5
    cumulative : bool, default True
        True: a line chart, the top catalysts leaving one after the other.
        False: grouped bars, each catalyst leaving alone.
    group : str, mapping or None, default "type"
    lang : {"en", "de"}
    title : str, optional
    ax : matplotlib.axes.Axes, optional
        Default: a new 9 × 5 inch figure.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> curve = pd.DataFrame({"step": [0, 1], "removed": ["", "b"],
    ...                       "connected_pairs": [100.0, 0.0], "largest_component": [100.0, 50.0],
    ...                       "cross_group_ties": [100.0, 0.0]})
    >>> ax = plot_dependence(nx.path_graph(["a", "b", "c"]), curve=curve)
    >>> [line.get_label() for line in ax.get_lines()][:1]
    ['Pairs of those left who can still reach each other']
    >>> plt.close(ax.figure)
    """
    st.text("empty", lang)
    if curve is None:
        curve = compute_curve(net, catalysts=catalysts, top=top, cumulative=cumulative, group=group)
    cumulative = bool(len(curve) and curve["step"].iloc[0] == 0)
    names = actor_labels(net)
    with st.style():
        if ax is None:
            import matplotlib.pyplot as plt

            _, ax = plt.subplots(figsize=(9, 5))
        if cumulative:
            _draw_steps(ax, curve, names, lang)
        else:
            _draw_alone(ax, curve, names, lang)
        ax.axhline(100, color="#999999", lw=0.8, ls=":")
        ax.set_ylim(0, 105)
        ax.set_ylabel(st.text("percent", lang))
        ax.yaxis.grid(True, color="#E5E5E5", lw=0.6)
        ax.set_axisbelow(True)
        ax.legend(loc="lower left")
        if title:
            ax.set_title(title, loc="left")
    return ax


def _draw_steps(ax: Axes, curve: pd.DataFrame, names: Mapping[Any, Any], lang: str) -> None:
    """One line per figure, the catalysts leaving one after the other; end values written."""
    steps = curve["step"].to_numpy()
    removed = curve["removed"].tolist()
    for col in CURVE_COLUMNS:
        y = curve[col].to_numpy(dtype=float)
        ax.plot(
            steps,
            y,
            marker=_MARKERS[col],
            color=_COLORS[col],
            lw=2.0,
            ms=6,
            label=CURVE_NAMES[col][lang],
        )
    ticks = [st.text("all_present", lang)] + [
        f"− {shorten(names.get(r, r), 32)}" for r in removed[1:]
    ]
    ax.set_xticks(steps)
    ax.set_xticklabels(ticks, rotation=25, ha="right", rotation_mode="anchor")
    ax.set_xlabel(st.text("catalysts_leave", lang))
    last = curve.iloc[-1]
    for col in CURVE_COLUMNS:
        ax.annotate(
            f"{last[col]:.0f} %",
            (steps[-1], last[col]),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
            color=_COLORS[col],
        )
    ax.set_xlim(-0.2, steps[-1] + 0.6)


def _draw_alone(ax: Axes, curve: pd.DataFrame, names: Mapping[Any, Any], lang: str) -> None:
    """Grouped bars, one group per catalyst leaving alone."""
    removed = curve["removed"].tolist()
    x = np.arange(len(curve))
    width = 0.26
    for j, col in enumerate(CURVE_COLUMNS):
        ax.bar(
            x + (j - 1) * width,
            curve[col].to_numpy(dtype=float),
            width,
            color=_COLORS[col],
            label=CURVE_NAMES[col][lang],
            edgecolor="white",
        )
    ax.set_xticks(x)
    ax.set_xticklabels(
        [shorten(names.get(r, r), 32) for r in removed],
        rotation=25,
        ha="right",
        rotation_mode="anchor",
    )
    ax.set_xlabel(st.text("actor_leaves_alone", lang))
