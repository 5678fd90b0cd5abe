"""The sector map: the circle-and-sector network map known from VennMaker and easyNWK.

Social workers know the *Netzwerkkarte*: a circle cut into sectors (family,
friends, professionals ...), with the most important contacts nearest the
centre. For a whole quarter the sectors are the fields the actors come from
(municipality, welfare, education, civil society, churches, business) and the
rings are the actors' rank as network catalysts: the inner ring holds the top
quarter of the ranking.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np
import pandas as pd

from ..exceptions import AnalysisError
from ..i18n import Text
from ..network import Network, as_graph
from ..roles import catalysts as compute_catalysts
from . import style as st
from .actors import actor_table
from .labels import place_labels, shorten
from .network import type_legend_handles

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_sector_map", "sector_positions"]

_R0 = 0.14  # radius of the empty centre


def ring_radii(n_rings: int) -> np.ndarray:
    """Ring boundaries (``n_rings + 1`` radii) enclosing equal areas between ``_R0`` and 1."""
    return np.sqrt(_R0**2 + (1.0 - _R0**2) * np.arange(n_rings + 1) / n_rings)


def _ordinal(values: pd.Series) -> pd.Series:
    """0-based rank, largest value first; equal values share the smaller rank."""
    return (values.rank(ascending=False, method="min") - 1).astype(int)


def sector_positions(
    sectors: pd.Series,
    rings: pd.Series,
    *,
    n_rings: int,
    order: list[Any] | None = None,
    min_gap: float = 0.075,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Positions on the sector map.

    Parameters
    ----------
    sectors : Series
        Actor -> sector.
    rings : Series
        Actor -> ring (0 = innermost). Actors within one cell are placed in the
        order of ``rings.index``.
    n_rings : int
    order : list, optional
        Sector order (clockwise from the top); default sorted.
    min_gap : float
        Smallest distance between neighbours along a ring, in units of the
        outer radius; crowded cells are split into sub-rows.

    Returns
    -------
    positions : DataFrame
        Indexed like ``rings``: ``x``, ``y``.
    spans : DataFrame
        One row per sector: ``start``, ``end`` (angles in radians, clockwise
        from the top means decreasing angles) and ``count``.

    Examples
    --------
    >>> pos, spans = sector_positions(pd.Series({"a": "A", "b": "B"}),
    ...                               pd.Series({"a": 0, "b": 1}), n_rings=2)
    >>> list(spans.index), list(spans["count"])
    (['A', 'B'], [1, 1])
    """
    keys = order if order is not None else sorted(sectors.unique().tolist(), key=str)
    counts = sectors.value_counts()
    weights = np.array([counts.get(k, 0) + 1.0 for k in keys])
    widths = 2 * np.pi * weights / weights.sum()
    starts = np.pi / 2 - np.concatenate([[0.0], np.cumsum(widths)[:-1]])
    spans = pd.DataFrame(
        {"start": starts, "end": starts - widths, "count": [int(counts.get(k, 0)) for k in keys]},
        index=pd.Index(keys, name="sector"),
    )
    radii = ring_radii(n_rings)
    xy: dict[Any, tuple[float, float]] = {}
    for k, (start, width) in zip(keys, zip(starts, widths, strict=True), strict=True):
        in_sector = rings[sectors.reindex(rings.index) == k]
        by_ring: dict[int, list[Any]] = {}
        for v, r in zip(in_sector.index, in_sector.to_numpy(), strict=True):
            by_ring.setdefault(int(r), []).append(v)
        pad = min(0.06, width * 0.08)
        for ring in range(n_rings):
            members = by_ring.get(ring, [])
            m = len(members)
            if not m:
                continue
            r_lo, r_hi = float(radii[ring]), float(radii[ring + 1])
            r_mid = (r_lo + r_hi) / 2
            arc = r_mid * (width - 2 * pad)
            cap = max(1, math.floor(arc / min_gap))
            n_rows = min(max(1, math.ceil(m / cap)), 6)
            n_cols = math.ceil(m / n_rows)
            for j, v in enumerate(members):
                row, col = j % n_rows, j // n_rows
                shift = 0.5 if (n_rows > 1 and row % 2) else 0.0
                frac = (col + 0.5 + shift * (n_cols > 1)) / (n_cols + (0.5 if n_rows > 1 else 0))
                theta = start - pad - frac * (width - 2 * pad)
                r = r_lo + (row + 0.5) / n_rows * (r_hi - r_lo)
                xy[v] = (r * math.cos(theta), r * math.sin(theta))
    pos = pd.DataFrame.from_dict(xy, orient="index", columns=["x", "y"]).reindex(rings.index)
    return pos, spans


def plot_sector_map(
    net: Network | nx.Graph,
    *,
    catalysts: pd.DataFrame | None = None,
    ring_by: str | pd.Series | Mapping[Any, float] = "rank",
    sector_by: str = "type",
    sectors: Mapping[Any, str] | None = None,
    n_rings: int = 4,
    label: str | None = "top",
    n_labels: int = 10,
    ties: bool = True,
    legend: bool = True,
    lang: str = "en",
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Draw the sector map: sectors by actor type, rings by catalyst rank or a measure.

    Parameters
    ----------
    net : Network or networkx.Graph
    catalysts : DataFrame, optional
        A precomputed :func:`quartiernetz.roles.catalysts` table; computed
        when ``ring_by`` needs it and it is not given.
    ring_by : str, Series or mapping, default "rank"
        ``"rank"``: the catalyst ranking (the table's order); a column of
        ``catalysts``; ``"degree"``; or values per actor. Larger values are nearer
        the centre. The ranking is cut into ``n_rings`` equal parts; actors with
        equal values share a ring.
    sector_by : str, default "type"
        ``"type"``: the type's sector (see
        :func:`~quartiernetz.plotting.style.sector_of`, overridden by
        ``sectors``), with marker shapes for the types; any other actor column:
        its values are the sectors.
    sectors : mapping, optional
        Type -> sector name, for types the built-in rules place wrongly.
    n_rings : int, default 4
    label : "top" or None
        Label the ``n_labels`` innermost actors (by rank).
    n_labels : int, default 10
    ties : bool, default True
        Draw the cooperation ties as thin lines behind the actors.
    legend : bool, default True
    lang : {"en", "de"}
    title : str, optional
    ax : matplotlib.axes.Axes, optional
        Default: a new 10 × 8 inch figure.

    Returns
    -------
    matplotlib.axes.Axes

    References
    ----------
    .. [1] Pantuček-Eisenbacher, P. (2019). *Soziale Diagnostik. Verfahren für
       die Praxis Sozialer Arbeit* (4th ed.). Vandenhoeck & Ruprecht.
    .. [2] Gamper, M., Schönhuth, M., & Kronenwett, M. (2012). Bringing qualitative
       and quantitative data together: collecting network data with the help of
       the software tool VennMaker. In M. Safar & K. Mahdi (Eds.), *Social
       Networking and Community Behavior Modeling* (pp. 193–213). IGI Global.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> G = nx.Graph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": "Kita", "b": "Kommune", "c": "Verein"}, "type")
    >>> ax = plot_sector_map(G, ring_by="degree", n_rings=2)
    >>> sorted(t.get_text() for t in ax.texts if t.get_text().startswith("1."))
    ['1. b']
    >>> plt.close(ax.figure)
    """
    st.text("empty", lang)
    if n_rings < 1:
        raise AnalysisError(
            Text(
                f"n_rings must be at least 1, got {n_rings}",
                f"n_rings muss mindestens 1 sein, erhalten: {n_rings}",
            )
        )
    G = as_graph(net, directed=False)
    actors = actor_table(net, G)
    nodes = sorted(actors.index, key=str)
    if not nodes:
        raise AnalysisError(Text("the network has no actors", "das Netzwerk hat keine Akteure"))
    vals, what = _ring_values(net, G, nodes, ring_by, catalysts)
    ordinal = _ordinal(vals)
    n = len(nodes)
    ring = (ordinal * n_rings // n).clip(upper=n_rings - 1)
    # inside a cell: by rank, then id
    order_idx = sorted(nodes, key=lambda v: (int(ordinal[v]), str(v)))
    ring = ring.reindex(order_idx)
    look = _sector_styles(actors, nodes, sector_by, sectors, lang)
    pos, spans = sector_positions(look.sector, ring, n_rings=n_rings, order=look.order)

    with st.style():
        if ax is None:
            import matplotlib.pyplot as plt

            fig, ax = plt.subplots(figsize=(10, 8))
            if legend:
                fig.subplots_adjust(left=0.01, right=0.76, top=0.95, bottom=0.02)
        radii = ring_radii(n_rings)
        _draw_sectors(ax, spans, look.sector_color, named=sector_by == "type", lang=lang)
        _draw_rings(ax, radii)
        xy = pos.loc[nodes, ["x", "y"]].to_numpy(dtype=float)
        size = _draw_actors(ax, G, nodes, xy, look, ties=ties)
        caption_xy = _draw_ring_captions(ax, ordinal, ring, radii, lang)
        ax.set_aspect("equal")
        ax.set_xlim(-1.6, 1.6)
        ax.set_ylim(-1.2, 1.2)
        ax.set_axis_off()
        if title:
            ax.set_title(title)
        if label == "top" and n_labels > 0:
            chosen = order_idx[:n_labels]
            _label_top(ax, chosen, actors, ordinal, xy, nodes, size, caption_xy)
        elif label not in (None, "top"):
            raise AnalysisError(
                Text(
                    f'label must be "top" or None, got {label!r}',
                    f'label muss "top" oder None sein, erhalten: {label!r}',
                )
            )
        _draw_legend(ax, look.styles if legend else None, _ring_note(what, lang), lang)
    return ax


def _ring_values(
    net: Network | nx.Graph,
    G: nx.Graph,
    nodes: list[Any],
    ring_by: str | pd.Series | Mapping[Any, float],
    catalysts: pd.DataFrame | None,
) -> tuple[pd.Series, str]:
    """The value per actor that puts it into a ring (larger = nearer the centre), and its name."""
    if isinstance(ring_by, pd.Series | Mapping):
        vals = (
            pd.Series(dict(ring_by) if isinstance(ring_by, Mapping) else ring_by, dtype=float)
            .reindex(nodes)
            .fillna(-np.inf)
        )
        return vals, ""
    if ring_by == "degree":
        return pd.Series(dict(G.degree()), dtype=float).reindex(nodes).fillna(0.0), "degree"
    if catalysts is None:
        catalysts = compute_catalysts(net)
    if ring_by == "rank":
        if "rank" in catalysts.columns:
            vals = -pd.to_numeric(catalysts["rank"], errors="coerce")
        else:
            vals = pd.Series(-np.arange(len(catalysts), dtype=float), index=catalysts.index)
    elif ring_by in catalysts.columns:
        vals = pd.to_numeric(catalysts[ring_by], errors="coerce")
    else:
        raise AnalysisError(
            Text(
                f"ring_by={ring_by!r} is not 'rank', 'degree' or a column of the catalyst table",
                f"ring_by={ring_by!r} ist weder 'rank' noch 'degree' noch eine Spalte der "
                "Katalysatoren-Tabelle",
            )
        )
    return vals.reindex(nodes).fillna(-np.inf), ring_by


@dataclass
class _Look:
    """How the actors and sectors are drawn."""

    styles: pd.DataFrame | None  # the type styles (sectors by type), else None
    sector: pd.Series  # actor -> sector
    color: dict[Any, str]  # actor -> colour
    marker: dict[Any, str]  # actor -> marker
    order: list[Any]  # sectors, clockwise from the top
    sector_color: dict[Any, str]


def _sector_styles(
    actors: pd.DataFrame,
    nodes: list[Any],
    sector_by: str,
    sectors: Mapping[Any, str] | None,
    lang: str,
) -> _Look:
    """Sectors, colours and markers: by the types' sectors, or by the values of a column."""
    n = len(nodes)
    types = (
        actors["type"].reindex(nodes)
        if "type" in actors.columns
        else pd.Series([None] * n, index=nodes, dtype=object)
    )
    if sector_by == "type":
        styles = st.type_styles(types.tolist(), sectors=sectors)
        tkey = [None if pd.isna(t) else t for t in types]
        by_type = {t: (r["sector"], r["color"], r["marker"]) for t, r in styles.iterrows()}
        keys = list(dict.fromkeys(styles["sector"]))
        return _Look(
            styles=styles,
            sector=pd.Series([by_type[t][0] for t in tkey], index=nodes, dtype=object),
            color={v: by_type[t][1] for v, t in zip(nodes, tkey, strict=True)},
            marker={v: by_type[t][2] for v, t in zip(nodes, tkey, strict=True)},
            order=keys,
            sector_color={k: st.SECTOR_COLORS.get(k, st.GREY) for k in keys},
        )
    if sector_by in actors.columns:
        raw = actors[sector_by].reindex(nodes)
        gap = st.text("not_given", lang)
        sec = pd.Series([gap if pd.isna(s) else str(s) for s in raw], index=nodes, dtype=object)
        sector_color = st.category_colors(sec.tolist())
        return _Look(
            styles=None,
            sector=sec,
            color={v: sector_color[sec[v]] for v in nodes},
            marker=dict.fromkeys(nodes, "o"),
            order=list(sector_color),
            sector_color=sector_color,
        )
    raise AnalysisError(
        Text(
            f"sector_by={sector_by!r} is neither 'type' nor an actor column",
            f"sector_by={sector_by!r} ist weder 'type' noch eine Spalte der Akteure",
        )
    )


def _draw_sectors(
    ax: Axes, spans: pd.DataFrame, sector_color: dict[Any, str], *, named: bool, lang: str
) -> None:
    """The sector wedges (a light tint), their borders and names with counts."""
    from matplotlib.patches import Wedge

    for k, row in spans.iterrows():
        theta1, theta2 = math.degrees(row["end"]), math.degrees(row["start"])
        ax.add_patch(
            Wedge(
                (0, 0),
                1.0,
                theta1,
                theta2,
                width=1.0 - _R0,
                facecolor=sector_color[k],
                alpha=0.07,
                edgecolor="none",
                zorder=0,
            )
        )
        a = row["start"]
        ax.plot(
            [_R0 * math.cos(a), 1.02 * math.cos(a)],
            [_R0 * math.sin(a), 1.02 * math.sin(a)],
            color="#777777",
            lw=0.8,
            zorder=0.5,
        )
        mid = (row["start"] + row["end"]) / 2
        lx, ly = 1.07 * math.cos(mid), 1.07 * math.sin(mid)
        ha = "left" if lx > 0.05 else "right" if lx < -0.05 else "center"
        va = "bottom" if ly > 0.05 else "top" if ly < -0.05 else "center"
        name = st.sector_label(k, lang) if named else shorten(k, 40)
        name = textwrap.fill(f"{name} ({int(row['count'])})", 18, break_on_hyphens=False)
        ax.text(
            lx,
            ly,
            name,
            ha=ha,
            va=va,
            fontsize=9.5,
            fontweight="bold",
            color=_darker(sector_color[k]),
            zorder=3,
        )


def _draw_rings(ax: Axes, radii: np.ndarray) -> None:
    """The ring circles, the outermost a little stronger."""
    from matplotlib.patches import Circle

    n_rings = len(radii) - 1
    for i in range(n_rings + 1):
        ax.add_patch(
            Circle(
                (0, 0),
                float(radii[i]),
                fill=False,
                edgecolor="#9A9A9A",
                lw=0.7 if i < n_rings else 1.1,
                zorder=0.5,
            )
        )


def _draw_actors(
    ax: Axes, G: nx.Graph, nodes: list[Any], xy: np.ndarray, look: _Look, *, ties: bool
) -> float:
    """The ties as thin lines behind the actors, then the actors; returns the marker size."""
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    if ties and G.number_of_edges():
        from matplotlib.collections import LineCollection

        segs = [
            [xy[index[u]], xy[index[v]]]
            for u, v in sorted(G.edges(), key=lambda e: (str(e[0]), str(e[1])))
            if u in index and v in index and u != v
        ]
        ax.add_collection(
            LineCollection(
                segs,
                colors="#8C8C8C",
                linewidths=0.5,
                alpha=0.35 if n <= 300 else 0.12,
                zorder=1,
            )
        )
    size = 70.0 if n <= 60 else 35.0 if n <= 300 else 8.0
    for m in sorted(set(look.marker.values())):
        sel = [index[v] for v in nodes if look.marker[v] == m]
        ax.scatter(
            xy[sel, 0],
            xy[sel, 1],
            s=size,
            marker=m,
            c=[look.color[nodes[i]] for i in sel],
            edgecolors="white",
            linewidths=0.7,
            zorder=2,
        )
    return size


def _draw_ring_captions(
    ax: Axes, ordinal: pd.Series, ring: pd.Series, radii: np.ndarray, lang: str
) -> list[tuple[float, float]]:
    """The ranks of each ring along the top; returns the points actor labels keep free."""
    caption_xy: list[tuple[float, float]] = []
    for i in range(len(radii) - 1):
        members = ordinal[ring[ring == i].index]
        if members.empty:
            continue
        lo, hi = int(members.min()) + 1, int(members.max()) + 1
        cap = f"{st.text('rank', lang)} {lo}" if lo == hi else f"{st.text('rank', lang)} {lo}–{hi}"
        r = float(radii[i] + radii[i + 1]) / 2
        caption_xy += [(-0.05, r), (-0.1, r), (-0.15, r)]
        ax.text(
            -0.012,
            r,
            cap,
            ha="right",
            va="center",
            fontsize=7,
            color="#555555",
            zorder=1.5,
            bbox=_LABEL_BOX | {"boxstyle": "round,pad=0.1"},
        )
    return caption_xy


#: The white box behind labels and captions.
_LABEL_BOX = {
    "boxstyle": "round,pad=0.12",
    "facecolor": "white",
    "edgecolor": "none",
    "alpha": 0.85,
}


def _label_top(
    ax: Axes,
    chosen: list[Any],
    actors: pd.DataFrame,
    ordinal: pd.Series,
    xy: np.ndarray,
    nodes: list[Any],
    size: float,
    caption_xy: list[tuple[float, float]],
) -> None:
    """Rank and name of the ``chosen`` actors, placed clear of markers and ring captions."""
    index = {v: i for i, v in enumerate(nodes)}
    labs = actors["label"].reindex(chosen).tolist()
    texts = [
        f"{int(ordinal[v]) + 1}. {shorten(lab if not pd.isna(lab) else v, 30)}"
        for v, lab in zip(chosen, labs, strict=True)
    ]
    r_pt = math.sqrt(size) / 2
    caps = np.array(caption_xy, dtype=float).reshape(-1, 2)
    place_labels(
        ax,
        xy[[index[v] for v in chosen]],
        texts,
        obstacles=np.vstack([xy, caps]),
        obstacle_radii=np.concatenate([np.full(len(nodes), r_pt + 1.0), np.full(len(caps), 7.0)]),
        point_radii=np.full(len(chosen), r_pt),
        fontsize=7.5,
        bbox=dict(_LABEL_BOX),
    )


def _ring_note(what: str, lang: str) -> str:
    """What the rings mean ("" when the rings are values given by the caller)."""
    if not what:
        return ""
    if what == "rank":
        return st.text("rings_rank", lang)
    return st.text("rings_value", lang, what=what)


def _draw_legend(ax: Axes, styles: pd.DataFrame | None, note: str, lang: str) -> None:
    """The type legend with the ring note beneath it; without a legend, the note alone."""
    if styles is not None:
        from matplotlib.lines import Line2D

        handles, labels, bold = type_legend_handles(styles, lang)
        if note:
            handles.append(Line2D([], [], linestyle="none"))
            labels.append(textwrap.fill(note, 34, break_on_hyphens=False))
        leg = ax.legend(
            handles,
            labels,
            title=st.text("actor_type", lang),
            loc="upper left",
            bbox_to_anchor=(1.02, 1.0),
            borderaxespad=0.0,
            handletextpad=0.4,
            labelspacing=0.35,
        )
        for i in bold:
            leg.get_texts()[i].set_fontweight("bold")
    elif note:
        ax.text(
            0.0,
            1.0,
            note,
            transform=ax.transAxes,
            fontsize=7.5,
            color="#444444",
            ha="left",
            va="top",
        )


def _darker(color: str, factor: float = 0.75) -> tuple[float, float, float]:
    from matplotlib.colors import to_rgb

    r, g, b = to_rgb(color)
    return (r * factor, g * factor, b * factor)
