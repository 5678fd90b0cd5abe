"""Brokerage roles: stacked bars of the five Gould–Fernandez roles for the top brokers."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np
import pandas as pd

from ..exceptions import AnalysisError
from ..i18n import Text
from ..network import Network
from ..roles import brokerage as compute_brokerage
from ..words.figures import ROLE_NAMES
from . import style as st
from .actors import actor_labels
from .labels import shorten

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_brokerage", "ROLE_COLORS", "ROLE_NAMES"]

#: The roles in drawing order with their Okabe–Ito colours.
ROLE_COLORS: dict[str, str] = {
    "coordinator": "#0072B2",
    "itinerant": "#E69F00",
    "gatekeeper": "#009E73",
    "representative": "#CC79A7",
    "liaison": "#D55E00",
}
# ROLE_NAMES (the roles' German and English names) lives in quartiernetz.words.figures;
# it stays importable from this module.


def plot_brokerage(
    net: Network | nx.Graph | pd.DataFrame,
    *,
    brokerage: pd.DataFrame | None = None,
    top: int = 10,
    group: str | Mapping[Hashable, Any] | pd.Series | None = "type",
    relative: bool = False,
    labels: Mapping[Hashable, str] | None = None,
    lang: str = "en",
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Stacked horizontal bars of the five brokerage roles of the top brokers.

    Parameters
    ----------
    net : Network, networkx.Graph or DataFrame
        The network (for the actors' names, and to compute the roles), or a
        :func:`quartiernetz.roles.brokerage` table directly.
    brokerage : DataFrame, optional
        A precomputed :func:`quartiernetz.roles.brokerage` table (columns
        ``coordinator``, ``itinerant``, ``gatekeeper``, ``representative``,
        ``liaison``); computed with ``group`` when not given.
    top : int, default 10
        How many brokers (largest total first; ties by id).
    group : str, mapping or None, default "type"
        Passed to :func:`~quartiernetz.roles.brokerage` when computing.
    relative : bool, default False
        Show each broker's shares of its brokerage (bars of length 1) instead
        of counts.
    labels : mapping, optional
        Actor -> display name (default: the network's labels).
    lang : {"en", "de"}
    title : str, optional
    ax : matplotlib.axes.Axes, optional
        Default: a new 9 × (1.2 + 0.42 per broker) inch figure.

    Returns
    -------
    matplotlib.axes.Axes

    Notes
    -----
    Counts are open two-paths i → j → k through the broker j (see
    :func:`quartiernetz.roles.brokerage`); in undirected networks every
    path is counted in both directions and gatekeeper equals representative.

    References
    ----------
    .. [1] Gould, R. V., & Fernandez, R. M. (1989). Structures of mediation: a
       formal approach to brokerage in transaction networks. Sociological
       Methodology, 19, 89–126. https://doi.org/10.2307/270949

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> table = pd.DataFrame({"coordinator": [2, 0], "itinerant": [0, 1], "gatekeeper": [1, 0],
    ...                       "representative": [1, 0], "liaison": [4, 0]}, index=["qm", "awo"])
    >>> ax = plot_brokerage(table)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['awo', 'qm']
    >>> plt.close(ax.figure)
    """
    st.text("empty", lang)
    if isinstance(net, pd.DataFrame):
        brokerage, net = net, None
    if brokerage is None:
        brokerage = compute_brokerage(net, group=group, expected=False)
    missing = [r for r in ROLE_COLORS if r not in brokerage.columns]
    if missing:
        raise AnalysisError(
            Text(
                f"the brokerage table lacks the columns {missing}",
                f"der Brokerage-Tabelle fehlen die Spalten {missing}",
            )
        )
    if top < 1:
        raise AnalysisError(
            Text(
                f"top must be at least 1, got {top}", f"top muss mindestens 1 sein, erhalten: {top}"
            )
        )
    counts = brokerage[list(ROLE_COLORS)].apply(pd.to_numeric, errors="coerce").fillna(0.0)
    total = counts.sum(axis=1)
    order = sorted(counts.index, key=lambda v: (-float(total[v]), str(v)))
    chosen = [v for v in order if total[v] > 0][:top]
    if labels is None:
        labels = actor_labels(net)
    with st.style():
        if ax is None:
            import matplotlib.pyplot as plt

            _, ax = plt.subplots(figsize=(9, 1.2 + 0.42 * max(len(chosen), 2)))
        if not chosen:
            return st.show_empty(ax, lang)
        rows = list(reversed(chosen))  # the largest on top
        y = _draw_bars(ax, counts.loc[rows].to_numpy(dtype=float), relative=relative, lang=lang)
        ax.set_yticks(y)
        ax.set_yticklabels(
            [shorten(labels.get(v, v) if not _isna(labels.get(v, v)) else v, 40) for v in rows]
        )
        ax.set_xlabel(st.text("brokerage_share" if relative else "brokered_paths", lang))
        ax.xaxis.grid(True, color="#DDDDDD", linewidth=0.6)
        ax.set_axisbelow(True)
        ax.legend(
            loc="upper center",
            bbox_to_anchor=(0.5, -0.12 - 0.6 / max(len(rows), 2)),
            ncol=2,
            title=st.text("brokerage_roles", lang),
        )
        if title:
            ax.set_title(title, loc="left")
    return ax


def _draw_bars(ax: Axes, data: np.ndarray, *, relative: bool, lang: str) -> np.ndarray:
    """Stacked bars of the roles, one row per actor, totals written; returns the rows' y."""
    if relative:
        data = data / data.sum(axis=1, keepdims=True)
    left = np.zeros(len(data))
    y = np.arange(len(data))
    for j, (role, color) in enumerate(ROLE_COLORS.items()):
        ax.barh(
            y,
            data[:, j],
            left=left,
            color=color,
            edgecolor="white",
            linewidth=0.6,
            height=0.7,
            label=ROLE_NAMES[role][lang],
        )
        left += data[:, j]
    if not relative:
        pad = float(left.max()) * 0.01
        for yi, tot in zip(y, left, strict=True):
            ax.text(
                tot + pad, yi, f"{tot:.0f}", va="center", ha="left", fontsize=8, color="#333333"
            )
        ax.set_xlim(0, float(left.max()) * 1.08)
    else:
        ax.set_xlim(0, 1)
    return y


def _isna(v: object) -> bool:
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False
