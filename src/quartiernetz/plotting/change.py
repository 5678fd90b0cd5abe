"""Figures of change: waves drawn with the same positions, ties that began and ended."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np
import pandas as pd

from ..change import actor_changes, tie_changes
from ..exceptions import AnalysisError
from ..i18n import Text
from ..network import Network, as_graph, undirected
from ..words.figures import CHANGE_NAMES
from . import style as st
from .labels import place_labels
from .network import layout, plot_network

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["common_layout", "plot_waves", "plot_tie_changes", "CHANGE_COLORS"]

#: Colours of the change map (Okabe–Ito): stable grey, new bluish green, ended vermillion.
CHANGE_COLORS = {"stable": "#8C8C8C", "new": st.OKABE_ITO[2], "ended": st.OKABE_ITO[5]}


def _check_lang(lang: str) -> None:
    if lang not in ("de", "en"):
        raise AnalysisError(
            Text(
                "lang must be 'de' or 'en', got {v!r}", "lang muss 'de' oder 'en' sein, nicht {v!r}"
            ).format(v=lang)
        )


def common_layout(
    graphs: Sequence[Network | nx.Graph],
    *,
    seed: int | None = 0,
) -> pd.DataFrame:
    """One set of positions for the actors of several waves (the union of their ties).

    Parameters
    ----------
    graphs : sequence of Network or networkx.Graph
        The waves, with the same ids for the same actors.
    seed : int, optional
        Seed of :func:`~quartiernetz.plotting.layout`.

    Returns
    -------
    pandas.DataFrame
        Indexed by actor (every actor of any wave), columns ``x`` and ``y``.

    Examples
    --------
    >>> pos = common_layout([nx.path_graph(["a", "b"]), nx.path_graph(["b", "c"])], seed=1)
    >>> sorted(pos.index)
    ['a', 'b', 'c']
    """
    union = nx.Graph()
    for g in graphs:
        G = as_graph(g)
        G = undirected(G) if G.is_directed() else G
        for v, d in G.nodes(data=True):
            if v not in union:
                union.add_node(v, **d)
        for u, v, d in G.edges(data=True):
            w = float(d.get("weight", 1.0))
            if union.has_edge(u, v):
                union[u][v]["weight"] = max(union[u][v]["weight"], w)
            else:
                union.add_edge(u, v, weight=w)
    return layout(union, seed=seed, weight="weight")


def plot_waves(
    waves: Mapping[str, Network | nx.Graph],
    *,
    pos: pd.DataFrame | None = None,
    seed: int | None = 0,
    lang: str = "en",
    note: str | None = None,
    axes: Sequence[Axes] | None = None,
    **options: Any,
) -> list[Axes]:
    """The network map of each wave, side by side, each actor in the same place.

    Parameters
    ----------
    waves : mapping of str to Network or networkx.Graph
        Label -> wave, with the same ids for the same actors (rename first where
        the waves use other ids, see :func:`quartiernetz.change.match_actors`).
    pos : DataFrame, optional
        Positions of every actor (default :func:`common_layout` of the waves).
    seed : int, optional
        Seed of the layout.
    lang : {"en", "de"}
    note : str, optional
        Text added to each panel's title, e.g. ``"synthetic"``.
    axes : sequence of Axes, optional
        One per wave; default a new figure with the panels in a row.
    **options
        Passed to :func:`~quartiernetz.plotting.plot_network` (``size_by``,
        ``n_labels``, ...).

    Returns
    -------
    list of matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> axes = plot_waves({"2024": nx.path_graph(3), "2026": nx.star_graph(2)})
    >>> [ax.get_title() for ax in axes]
    ['2024', '2026']
    >>> plt.close("all")
    """
    _check_lang(lang)
    if not isinstance(waves, Mapping) or not waves:
        raise AnalysisError(
            Text(
                "waves must be a non-empty mapping label -> Network or graph",
                "waves muss eine nicht leere Zuordnung Bezeichnung -> Network oder Graph sein",
            )
        )
    labels = [str(k) for k in waves]
    nets = list(waves.values())
    if pos is None:
        pos = common_layout(nets, seed=seed)
    if axes is None:
        import matplotlib.pyplot as plt

        with st.style():
            fig, ax_array = plt.subplots(
                1, len(nets), figsize=(6.5 * len(nets), 6.2), squeeze=False
            )
        axes = list(ax_array[0])
    if len(axes) != len(nets):
        raise AnalysisError(
            Text(
                "axes: expected {n} axes, got {k}", "axes: erwartet {n} Achsen, erhalten: {k}"
            ).format(n=len(nets), k=len(axes))
        )
    xlim = (float(pos["x"].min()) - 0.08, float(pos["x"].max()) + 0.08)
    ylim = (float(pos["y"].min()) - 0.08, float(pos["y"].max()) + 0.08)
    for label, net, ax in zip(labels, nets, axes, strict=True):
        title = f"{label} ({note})" if note else label
        plot_network(
            net, pos=pos, lang=lang, title=title, ax=ax, seed=seed, legend=False, **options
        )
        ax.set_xlim(*xlim)
        ax.set_ylim(*ylim)
    return list(axes)


def plot_tie_changes(
    before: Network | nx.Graph,
    after: Network | nx.Graph,
    *,
    ties: pd.DataFrame | None = None,
    actors: pd.DataFrame | None = None,
    pos: pd.DataFrame | None = None,
    seed: int | None = 0,
    n_labels: int = 10,
    lang: str = "en",
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """One map of both waves: ties that stayed (grey), began (green) and ended (red, dashed).

    Parameters
    ----------
    before, after : Network or networkx.Graph
        The two waves (ids matched as in :func:`quartiernetz.change.tie_changes`).
    ties : DataFrame, optional
        A precomputed :func:`quartiernetz.change.tie_changes` table (computed
        when not given; several relations of a pair count as one tie).
    actors : DataFrame, optional
        A precomputed :func:`quartiernetz.change.actor_changes` table; used for
        the actors' status and the labels (the actors whose number of partners
        changed most). Computed when not given.
    pos : DataFrame, optional
        Positions (default: :func:`common_layout` of the two waves).
    seed : int, optional
    n_labels : int, default 10
        Actors labelled: those whose number of partners changed most.
    lang : {"en", "de"}
    title : str, optional
    ax : Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> ax = plot_tie_changes(nx.path_graph(["a", "b", "c"]), nx.path_graph(["a", "c", "d"]))
    >>> len(ax.get_legend().get_texts())
    6
    >>> plt.close("all")
    """
    _check_lang(lang)
    if ties is None:
        ties = tie_changes(before, after)
    if actors is None:
        actors = actor_changes(before, after)
    if ax is None:
        import matplotlib.pyplot as plt

        with st.style():
            _, ax = plt.subplots(figsize=(8.5, 7.5))
    assert ax is not None
    if pos is None:
        renamed = ties.attrs.get("renamed") or {}
        G_after = as_graph(after)
        if renamed:
            G_after = nx.relabel_nodes(G_after, renamed, copy=True)
        pos = common_layout([as_graph(before), G_after], seed=seed)
    missing = [a for a in actors.index if a not in pos.index]
    if missing:
        raise AnalysisError(
            Text(
                "pos has no position for {n} actors, e.g. {a!r}",
                "pos hat für {n} Akteure keine Position, z. B. {a!r}",
            ).format(n=len(missing), a=missing[0])
        )
    # one line per pair (competition left out, as in change_summary): a pair stable in
    # any relation is stable, else new or ended
    rank = {"stable": 0, "new": 1, "ended": 2}
    pairs: dict[tuple[Any, Any], str] = {}
    cooperation = ~ties["relation"].astype(str).str.casefold().isin(["competition", "konkurrenz"])
    shown = ties[cooperation]
    for a, b, status in zip(shown["a"], shown["b"], shown["status"], strict=True):
        key = (a, b) if str(a) <= str(b) else (b, a)
        if key not in pairs or rank[status] < rank[pairs[key]]:
            pairs[key] = status
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D

    with st.style():
        handles = []
        for status, width, dash in (
            ("stable", 0.8, "solid"),
            ("new", 1.6, "solid"),
            ("ended", 1.4, "dashed"),
        ):
            segs = [
                [pos.loc[a, ["x", "y"]].to_numpy(float), pos.loc[b, ["x", "y"]].to_numpy(float)]
                for (a, b), s in pairs.items()
                if s == status
            ]
            if segs:
                ax.add_collection(
                    LineCollection(
                        segs,
                        colors=CHANGE_COLORS[status],
                        linewidths=width,
                        linestyles=dash,
                        alpha=0.55 if status == "stable" else 0.9,
                        zorder=1 + rank[status],
                    )
                )
            handles.append(
                Line2D(
                    [0],
                    [0],
                    color=CHANGE_COLORS[status],
                    lw=width + 0.6,
                    ls=dash,
                    label=f"{CHANGE_NAMES[status][lang]} ({len(segs)})",
                )
            )
        status = actors["status"]
        xy = pos.loc[actors.index, ["x", "y"]].to_numpy(float)
        looks = {
            "stayed": {"facecolors": "#4D4D4D", "edgecolors": "white"},
            "entered": {"facecolors": CHANGE_COLORS["new"], "edgecolors": "white"},
            "left": {"facecolors": "white", "edgecolors": CHANGE_COLORS["ended"]},
        }
        for s, look in looks.items():
            mask = (status == s).to_numpy()
            ax.scatter(xy[mask, 0], xy[mask, 1], s=46, linewidths=1.3, zorder=5, **look)
            handles.append(
                Line2D(
                    [0],
                    [0],
                    marker="o",
                    ls="",
                    markersize=7,
                    markerfacecolor=look["facecolors"],
                    markeredgecolor=look["edgecolors"],
                    color=look["edgecolors"],
                    label=f"{CHANGE_NAMES[s][lang]} ({int(mask.sum())})",
                )
            )
        ax.set_xlim(float(pos["x"].min()) - 0.08, float(pos["x"].max()) + 0.08)
        ax.set_ylim(float(pos["y"].min()) - 0.08, float(pos["y"].max()) + 0.08)
        ax.set_aspect("equal", adjustable="box")
        ax.set_axis_off()
        if n_labels > 0 and len(actors):
            before_deg = actors["degree_before"].fillna(0).to_numpy(float)
            after_deg = actors["degree_after"].fillna(0).to_numpy(float)
            change = np.abs(after_deg - before_deg)
            order = np.lexsort((np.arange(len(actors)), -change))
            chosen = [i for i in order[:n_labels] if change[i] > 0]
            if chosen:
                labels = actors["label"].astype(str).to_numpy()
                texts = [st.visible_text(str(labels[i]))[:32] for i in chosen]
                place_labels(ax, xy[chosen], texts, obstacles=xy, fontsize=7.5)
        ax.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, 0.0),
            ncol=2,
            fontsize=8,
            frameon=False,
        )
        if title:
            ax.set_title(title)
    return ax
