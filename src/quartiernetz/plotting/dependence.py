"""Dependence on the catalysts: what is left of the network when the top catalysts leave."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np
import pandas as pd

from ..exceptions import AnalysisError
from ..network import Network
from . import style as st
from .network import _short

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["dependence_curve", "plot_dependence", "CURVE_COLUMNS"]

#: The shares :func:`dependence_curve` reports (percent of the intact network's value).
CURVE_COLUMNS = ("connected_pairs", "largest_component", "cross_group_ties")


def _top_actors(net: Network | nx.Graph, catalysts: pd.DataFrame | None, top: int) -> list[Any]:
    if catalysts is None:
        from ..roles import catalysts as compute

        catalysts = compute(net)
    return list(catalysts.index[:top])


def dependence_curve(
    net: Network | nx.Graph,
    actors: Sequence[Hashable] | None = None,
    *,
    catalysts: pd.DataFrame | None = None,
    top: int = 5,
    cumulative: bool = True,
    group: str | Mapping[Hashable, Any] | pd.Series | None = "type",
) -> pd.DataFrame:
    """The network's cohesion as the top catalysts leave, one after the other or alone.

    Parameters
    ----------
    net : Network or networkx.Graph
    actors : sequence of actor ids, optional
        Who leaves, in this order. Default: the first ``top`` of ``catalysts``
        (computed with :func:`quartiernetz.roles.catalysts` when not given).
    catalysts : DataFrame, optional
    top : int, default 5
    cumulative : bool, default True
        True: row k removes the first k actors together (row 0: nobody).
        False: each row removes one actor alone.
    group : str, mapping or None, default "type"
        Groups for ``cross_group_ties``.

    Returns
    -------
    pandas.DataFrame
        One row per step (``step`` 0..k for cumulative, 1..k otherwise):
        ``removed`` (the actor removed at this step), ``connected_pairs`` (pairs of
        the remaining actors that can still reach each other, in percent of the
        remaining pairs: ``100 (1 - F)``, F Borgatti's fragmentation),
        ``largest_component`` (percent of the remaining actors in the largest
        component) and ``cross_group_ties`` (ties between groups left, in
        percent of those before). Plain floats.

    Notes
    -----
    The figures come from :func:`quartiernetz.roles.dependence`.

    References
    ----------
    .. [1] Borgatti, S. P. (2006). Identifying sets of key players in a social
       network. Computational and Mathematical Organization Theory, 12(1),
       21–34. https://doi.org/10.1007/s10588-006-7084-x

    Examples
    --------
    >>> G = nx.path_graph(["a", "b", "c"])
    >>> curve = dependence_curve(G, ["b"], group=None)
    >>> curve[["removed", "connected_pairs", "largest_component"]].values.tolist()
    [['', 100.0, 100.0], ['b', 0.0, 50.0]]
    """
    from ..roles import dependence

    if actors is None:
        actors = _top_actors(net, catalysts, top)
    actors = list(actors)
    if not actors:
        raise AnalysisError("no actors to remove")

    def shares(fig: pd.Series, base: pd.Series) -> dict[str, float]:
        n = float(fig["actors"])
        cross0 = float(base["cross_group_ties"])
        return {
            "connected_pairs": 100.0 * (1.0 - float(fig["fragmentation"])) if n > 1 else 0.0,
            "largest_component": 100.0 * float(fig["largest_component"]) / n if n else 0.0,
            "cross_group_ties": 100.0 * float(fig["cross_group_ties"]) / cross0
            if cross0
            else 100.0,
        }

    rows = []
    for k in range(1, len(actors) + 1):
        drop = actors[:k] if cumulative else [actors[k - 1]]
        d = dependence(net, drop, group=group)
        if k == 1 and cumulative:
            rows.append({"step": 0, "removed": "", **shares(d["before"], d["before"])})
        rows.append({"step": k, "removed": actors[k - 1], **shares(d["after"], d["before"])})
    out = pd.DataFrame(rows)
    out["removed"] = out["removed"].astype(object)
    return out


_LABELS = {
    "connected_pairs": {
        "de": "Paare der Verbliebenen, die einander noch erreichen",
        "en": "Pairs of those left who can still reach each other",
    },
    "largest_component": {
        "de": "Verbliebene im größten zusammenhängenden Teil",
        "en": "Those left who are in the largest connected part",
    },
    "cross_group_ties": {
        "de": "Beziehungen zwischen Akteurstypen (% der ursprünglichen)",
        "en": "Ties between actor types (% of those before)",
    },
}
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
        A precomputed :func:`dependence_curve` (then ``catalysts``, ``top``,
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
        curve = dependence_curve(
            net, catalysts=catalysts, top=top, cumulative=cumulative, group=group
        )
    cumulative = bool(len(curve) and curve["step"].iloc[0] == 0)
    if isinstance(net, Network):
        names = net.actors["label"].to_dict()
    elif isinstance(net, nx.Graph):
        names = {v: d.get("label", v) for v, d in net.nodes(data=True)}
    else:
        names = {}
    with st.style():
        if ax is None:
            import matplotlib.pyplot as plt

            _, ax = plt.subplots(figsize=(9, 5))
        steps = curve["step"].to_numpy()
        removed = curve["removed"].tolist()
        if cumulative:
            for col in CURVE_COLUMNS:
                y = curve[col].to_numpy(dtype=float)
                ax.plot(
                    steps,
                    y,
                    marker=_MARKERS[col],
                    color=_COLORS[col],
                    lw=2.0,
                    ms=6,
                    label=_LABELS[col][lang],
                )
            ticks = [("ohne Ausfall" if lang == "de" else "all present")] + [
                f"− {_short(names.get(r, r), 32)}" for r in removed[1:]
            ]
            ax.set_xticks(steps)
            ax.set_xticklabels(ticks, rotation=25, ha="right", rotation_mode="anchor")
            ax.set_xlabel(
                "Die wichtigsten Netzwerk-Katalysatoren fallen nacheinander aus"
                if lang == "de"
                else "The top network catalysts leave one after the other"
            )
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
        else:
            x = np.arange(len(curve))
            width = 0.26
            for j, col in enumerate(CURVE_COLUMNS):
                ax.bar(
                    x + (j - 1) * width,
                    curve[col].to_numpy(dtype=float),
                    width,
                    color=_COLORS[col],
                    label=_LABELS[col][lang],
                    edgecolor="white",
                )
            ax.set_xticks(x)
            ax.set_xticklabels(
                [_short(names.get(r, r), 32) for r in removed],
                rotation=25,
                ha="right",
                rotation_mode="anchor",
            )
            ax.set_xlabel(
                "Wenn dieser Akteur allein ausfällt"
                if lang == "de"
                else "If this actor alone leaves"
            )
        ax.axhline(100, color="#999999", lw=0.8, ls=":")
        ax.set_ylim(0, 105)
        ax.set_ylabel("Prozent" if lang == "de" else "Percent")
        ax.yaxis.grid(True, color="#E5E5E5", lw=0.6)
        ax.set_axisbelow(True)
        ax.legend(loc="lower left")
        if title:
            ax.set_title(title, loc="left")
    return ax
