"""The network map (sociogram): who cooperates with whom, who the catalysts are."""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np
import pandas as pd

from ..conventions import Seed, as_int_seed
from ..exceptions import AnalysisError
from ..i18n import Text
from ..network import Network, as_graph
from ..roles import catalysts as compute_catalysts
from ..roles import unknown_attribute
from ..structures import COMPETITION_RELATIONS
from . import style as st
from .actors import actor_table
from .labels import place_labels, shorten

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["layout", "plot_network", "reusing_layouts"]


def _sorted_graph(G: nx.Graph, weight: str | None) -> nx.Graph:
    """An undirected copy with nodes and edges inserted in sorted order (layouts depend on it)."""
    H = nx.Graph()
    H.add_nodes_from(sorted(G.nodes, key=str))
    edges = []
    for u, v, d in G.edges(data=True):
        a, b = (u, v) if str(u) <= str(v) else (v, u)
        w = float(d.get(weight, 1.0)) if weight else 1.0
        edges.append((str(a), str(b), a, b, w))
    edges.sort()
    for _, _, a, b, w in edges:
        if H.has_edge(a, b):
            H[a][b]["weight"] += w
        else:
            H.add_edge(a, b, weight=w)
    return H


def _fr_grid(H: nx.Graph, seed: int, weighted: bool, iterations: int = 120) -> np.ndarray:
    """Fruchterman-Reingold with the grid variant's local repulsion, for large components.

    Repulsion acts only between actors closer than ``3 k`` (found with a k-d
    tree), as in Fruchterman & Reingold's grid variant, so one iteration costs
    O(n log n + m) instead of O(n^2); networkx's solvers are quadratic or slow
    beyond a few hundred actors.
    """
    from scipy.spatial import cKDTree

    nodes = list(H.nodes)
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    edges = [
        (index[u], index[v], float(d.get("weight", 1.0)) if weighted else 1.0)
        for u, v, d in H.edges(data=True)
        if u != v
    ]
    ei = np.array([e[0] for e in edges], dtype=np.int64)
    ej = np.array([e[1] for e in edges], dtype=np.int64)
    w = np.array([e[2] for e in edges], dtype=float)
    if len(w) and w.mean() > 0:
        w = w / w.mean()
    pos = np.random.RandomState(seed).rand(n, 2)
    k = math.sqrt(1.0 / n)
    t = 0.1
    dt = t / (iterations + 1)
    disp = np.zeros((n, 2))
    for _ in range(iterations):
        disp[:] = 0.0
        pairs = cKDTree(pos).query_pairs(r=3 * k, output_type="ndarray")
        if len(pairs):
            d = pos[pairs[:, 0]] - pos[pairs[:, 1]]
            dist = np.maximum(np.hypot(d[:, 0], d[:, 1]), 0.01 * k)
            vec = d * (k * k / dist**2)[:, None]
            for c in (0, 1):
                disp[:, c] += np.bincount(pairs[:, 0], vec[:, c], n) - np.bincount(
                    pairs[:, 1], vec[:, c], n
                )
        if len(ei):
            d = pos[ei] - pos[ej]
            vec = d * (w * np.hypot(d[:, 0], d[:, 1]) / k)[:, None]
            for c in (0, 1):
                disp[:, c] += np.bincount(ej, vec[:, c], n) - np.bincount(ei, vec[:, c], n)
        length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 1e-12)
        pos += disp * (np.minimum(length, t) / length)[:, None]
        t -= dt
    return pos


#: Largest component polished with Kamada-Kawai after the spring layout.
KAMADA_KAWAI_MAX = 60


# component layouts of the open reusing_layouts() block, by component (None: no block)
_reused: list[dict[tuple[Any, ...], np.ndarray] | None] = [None]


@contextmanager
def reusing_layouts() -> Iterator[None]:
    """Within this block, :func:`layout` lays out each connected component once.

    A component's positions depend only on its actors and its ties (each in order, the
    ties with their weights), the seed and whether ties are weighted; a second layout of
    the same component (e.g. the community layout of a network whose one community is a
    whole component, after the network map's layout) reuses the first one's positions,
    the same numbers. For a run of figures of one network (the report). Nested blocks
    share the outer block's layouts.

    Examples
    --------
    >>> G = nx.path_graph(5)
    >>> with reusing_layouts():  # the second lays out nothing
    ...     twice = [layout(G, seed=1), layout(G, seed=1, communities={v: 0 for v in G})]
    >>> twice[0].equals(layout(G, seed=1))
    True
    >>> twice[1].equals(layout(G, seed=1, communities={v: 0 for v in G}))
    True
    """
    if _reused[0] is not None:
        yield
        return
    _reused[0] = {}
    try:
        yield
    finally:
        _reused[0] = None


def _component_layout(H: nx.Graph, seed: int, weighted: bool) -> np.ndarray:
    reused = _reused[0]
    if reused is None:
        return _lay_out_component(H, seed, weighted)
    # the layout reads the actors in order and the ties (their order matters from 300
    # actors on, where the ties are summed in order)
    key = (seed, weighted, tuple(H.nodes), tuple(H.edges(data="weight")))
    if key not in reused:
        reused[key] = _lay_out_component(H, seed, weighted)
    return reused[key].copy()


def _lay_out_component(H: nx.Graph, seed: int, weighted: bool) -> np.ndarray:
    n = H.number_of_nodes()
    if n == 1:
        return np.zeros((1, 2))
    if n == 2:
        return np.array([[-0.5, 0.0], [0.5, 0.0]])
    w = "weight" if weighted else None
    if n < 300:
        # Fruchterman-Reingold from a seeded start, then Kamada-Kawai polishing for
        # quarter-sized components (its optimisation grows steeply with the size)
        pos = nx.spring_layout(H, seed=seed, weight=w, iterations=100, method="force")
        if n <= KAMADA_KAWAI_MAX:
            pos = nx.kamada_kawai_layout(H, pos=pos, weight=None)
        xy = np.array([pos[v] for v in H.nodes], dtype=float)
    else:
        xy = _fr_grid(H, seed, weighted)
    xy -= xy.mean(axis=0)
    r = float(np.sqrt((xy**2).sum(axis=1)).max())
    return xy / r if r > 0 else xy


def _pack_components(H: nx.Graph, seed: int, weighted: bool) -> tuple[list[Any], np.ndarray]:
    """Lay out each component; the largest in the middle, the rest in rows below it."""
    comps = sorted(
        (sorted(c, key=str) for c in nx.connected_components(H)), key=lambda c: (-len(c), str(c[0]))
    )
    if not comps:
        return [], np.zeros((0, 2))
    n_max = len(comps[0])
    ids: list[Any] = []
    blocks: list[np.ndarray] = []
    row_width = 2.6
    x = y = row_h = 0.0
    for i, comp in enumerate(comps):
        sub = _sorted_graph(H.subgraph(comp), "weight")
        xy = _component_layout(sub, seed, weighted)
        if i == 0:
            r = 1.0
            center = np.array([0.0, 0.0])
            x, y = -1.3, -1.0 - 0.25
        else:
            r = max(math.sqrt(len(comp) / n_max), 0.07)
            if len(comp) == 1:
                r = 0.07
            if x + 2 * r > -1.3 + row_width and x > -1.3:
                x, y, row_h = -1.3, y - row_h - 0.12, 0.0
            center = np.array([x + r, y - r])
            x += 2 * r + 0.12
            row_h = max(row_h, 2 * r)
        blocks.append(xy * r + center)
        ids.extend(sub.nodes)
    return ids, np.vstack(blocks)


def _separate(centers: np.ndarray, radii: np.ndarray, gap: float, rounds: int = 300) -> None:
    """Push overlapping circles apart (in place), deterministically."""
    # plain floats: the pairs are visited in order (each shift sees the previous ones),
    # which numpy's per-call overhead made the slowest part of the community layout
    k = len(radii)
    xs = [float(v) for v in centers[:, 0]]
    ys = [float(v) for v in centers[:, 1]]
    rs = [float(v) for v in radii]
    for _ in range(rounds):
        moved = False
        for i in range(k):
            for j in range(i + 1, k):
                dx, dy = xs[j] - xs[i], ys[j] - ys[i]
                dist = math.hypot(dx, dy)
                need = rs[i] + rs[j] + gap
                if dist >= need:
                    continue
                ux, uy = (dx / dist, dy / dist) if dist > 1e-12 else (1.0, 0.0)
                half = (need - dist) / 2
                xs[i] -= half * ux
                ys[i] -= half * uy
                xs[j] += half * ux
                ys[j] += half * uy
                moved = True
        if not moved:
            break
    centers[:, 0] = xs
    centers[:, 1] = ys


def _community_layout(
    H: nx.Graph, communities: pd.Series, seed: int, weighted: bool
) -> tuple[list[Any], np.ndarray]:
    """Group-in-a-box: each community in its own disc, discs placed by the ties between them."""
    groups: dict[Any, list[Any]] = {}
    for v in H.nodes:
        c = communities.get(v)
        key = ("", "") if c is None or (isinstance(c, float) and c != c) else (type(c).__name__, c)
        groups.setdefault(key, []).append(v)
    order = sorted(groups, key=lambda g: (-len(groups[g]), str(groups[g][0])))
    index = {g: i for i, g in enumerate(order)}
    of = {v: index[g] for g, members in groups.items() for v in members}
    S = nx.Graph()
    S.add_nodes_from(range(len(order)))
    for u, v, d in H.edges(data=True):
        a, b = of[u], of[v]
        if a != b:
            w = float(d.get("weight", 1.0)) if weighted else 1.0
            if S.has_edge(a, b):
                S[a][b]["weight"] += w
            else:
                S.add_edge(a, b, weight=w)
    n_max = len(groups[order[0]])
    radii = np.array([max(math.sqrt(len(groups[g]) / n_max), 0.12) for g in order])
    if len(order) == 1:
        centers = np.zeros((1, 2))
    else:
        sp = nx.spring_layout(S, seed=seed, weight="weight", method="force", iterations=200)
        centers = np.array([sp[i] for i in range(len(order))], dtype=float)
        spread = float(np.hypot(*(centers - centers.mean(axis=0)).T).max()) or 1.0
        centers = (centers - centers.mean(axis=0)) / spread * float(radii.sum()) * 0.6
    _separate(centers, radii, gap=0.3)
    ids: list[Any] = []
    blocks: list[np.ndarray] = []
    for i, g in enumerate(order):
        sub = _sorted_graph(H.subgraph(groups[g]), "weight")
        members, xy = _pack_components(sub, seed, weighted)
        if len(xy) > 1:
            mid = (xy.max(axis=0) + xy.min(axis=0)) / 2
            xy = xy - mid
            reach = float(np.hypot(xy[:, 0], xy[:, 1]).max())
            xy = xy / reach if reach > 0 else xy
        else:
            xy = np.zeros((len(xy), 2))
        blocks.append(centers[i] + xy * radii[i])
        ids.extend(members)
    return ids, np.vstack(blocks)


def layout(
    net: Network | nx.Graph,
    *,
    seed: Seed = None,
    weight: str | None = None,
    communities: pd.Series | Mapping[Any, Any] | None = None,
) -> pd.DataFrame:
    """Positions for drawing the network, reproducible for a given seed.

    Each connected component is laid out on its own (Fruchterman–Reingold from a
    seeded start, then Kamada–Kawai for components of up to
    :data:`KAMADA_KAWAI_MAX` (60) actors; from 300
    actors on, Fruchterman–Reingold's grid variant with local repulsion); the
    largest sits in the middle, the smaller ones and the isolates in rows below it.
    With ``communities``, each community gets its own disc (sized by its
    members), and the discs are placed by the ties between the communities
    ("group-in-a-box"), so community hulls do not overlap. Nodes are sorted
    before the layout, so the input's row order does not matter.

    Parameters
    ----------
    net : Network or networkx.Graph
        Cooperation ties (competition is left out; see :meth:`Network.to_networkx`).
    seed : int, numpy.random.Generator or None
        Seed of the force-directed start; ``None`` means 0, so the same network
        always gives the same picture. Another seed gives another arrangement;
        a Generator gives one int seed (see
        :func:`quartiernetz.conventions.as_int_seed`).
    weight : str or None, default None
        Edge attribute pulling actors together; for a Network, ``"weight"`` is
        the combined intensity of its ties. ``None``: all ties alike (the
        default of every analysis; changed in 0.2, pass ``weight="weight"`` for
        the earlier pictures).
    communities : Series or mapping, optional
        Actor -> community (e.g. :func:`quartiernetz.structures.communities`);
        actors without one share a disc.

    Returns
    -------
    pandas.DataFrame
        Indexed by actor id (sorted), columns ``x`` and ``y``.

    References
    ----------
    .. [1] Fruchterman, T. M. J., & Reingold, E. M. (1991). Graph drawing by
       force-directed placement. Software: Practice and Experience, 21(11),
       1129–1164. https://doi.org/10.1002/spe.4380211102
    .. [2] Kamada, T., & Kawai, S. (1989). An algorithm for drawing general
       undirected graphs. Information Processing Letters, 31(1), 7–15.
       https://doi.org/10.1016/0020-0190(89)90102-6
    .. [3] Rodrigues, E. M., Milic-Frayling, N., Smith, M., Shneiderman, B., &
       Hansen, D. (2011). Group-in-a-box layout for multi-faceted analysis of
       communities. IEEE SocialCom 2011, 354–361.
       https://doi.org/10.1109/PASSAT/SocialCom.2011.139

    Examples
    --------
    >>> pos = layout(nx.path_graph(["a", "b", "c"]), seed=1)
    >>> list(pos.index), list(pos.columns)
    (['a', 'b', 'c'], ['x', 'y'])
    >>> pos.equals(layout(nx.path_graph(["c", "b", "a"]), seed=1))
    True
    """
    seed = as_int_seed(seed, default=0)
    G = (
        as_graph(net, directed=False, weight=weight)
        if isinstance(net, Network)
        else as_graph(net, directed=False)
    )
    H = _sorted_graph(G, (weight or "weight") if isinstance(net, Network) else weight)
    if H.number_of_nodes() == 0:
        return pd.DataFrame({"x": [], "y": []}, index=pd.Index([], name="id"), dtype=float)
    if communities is None:
        ids, pos = _pack_components(H, seed, weight is not None)
    else:
        comm = pd.Series(dict(communities) if isinstance(communities, Mapping) else communities)
        ids, pos = _community_layout(H, comm, seed, weight is not None)
    frame = pd.DataFrame(pos, columns=["x", "y"], index=pd.Index(ids, name="id"))
    return frame.loc[sorted(frame.index, key=str)]


# ---------------------------------------------------------------------------- helpers
def _values(
    spec: str | Mapping[Any, float] | pd.Series | None,
    nodes: Sequence[Any],
    G: nx.Graph,
    actors: pd.DataFrame,
    catalysts: pd.DataFrame | None,
    net: Network | nx.Graph,
) -> tuple[pd.Series | None, pd.DataFrame | None]:
    """The values of ``size_by`` for the nodes, and the catalyst table if it was computed."""
    if spec is None:
        return None, catalysts
    if isinstance(spec, pd.Series | Mapping):
        s = pd.Series(dict(spec) if isinstance(spec, Mapping) else spec, dtype=float)
        return s.reindex(nodes).fillna(0.0), catalysts
    if spec == "degree":
        return pd.Series(dict(G.degree()), dtype=float).reindex(nodes).fillna(0.0), catalysts
    if catalysts is None and spec not in actors.columns:
        catalysts = compute_catalysts(net)
    if catalysts is not None and spec in catalysts.columns:
        return pd.to_numeric(catalysts[spec], errors="coerce").reindex(nodes).fillna(0.0), catalysts
    if spec in actors.columns:
        return pd.to_numeric(actors[spec], errors="coerce").reindex(nodes).fillna(0.0), catalysts
    raise AnalysisError(
        Text(
            f"size_by={spec!r} is neither a column of the catalyst table nor of the actors",
            f"size_by={spec!r} ist weder eine Spalte der Katalysatoren-Tabelle noch der Akteure",
        )
    )


def _scale(values: np.ndarray, lo: float, hi: float) -> np.ndarray:
    v = np.asarray(values, dtype=float)
    if len(v) == 0:
        return v
    vmin, vmax = float(np.nanmin(v)), float(np.nanmax(v))
    if not np.isfinite(vmin) or vmax <= vmin:
        return np.full(len(v), (lo + hi) / 2)
    return lo + (hi - lo) * (v - vmin) / (vmax - vmin)


def _hull(points: np.ndarray, radius: float) -> np.ndarray:
    """A rounded convex hull around points (a polygon), for 1, 2 or more points."""
    angles = np.linspace(0, 2 * np.pi, 24, endpoint=False)
    ring = np.c_[np.cos(angles), np.sin(angles)] * radius
    cloud = (points[:, None, :] + ring[None, :, :]).reshape(-1, 2)
    from scipy.spatial import ConvexHull

    hull = ConvexHull(cloud)
    return cloud[hull.vertices]


def _competition_edges(net: Network | nx.Graph, keep: set[Any]) -> list[tuple[Any, Any]]:
    if not isinstance(net, Network) or net.ties.empty:
        return []
    t = net.ties
    mask = t["relation"].astype(str).str.casefold().isin(COMPETITION_RELATIONS)
    pairs = set()
    for a, b in zip(t.loc[mask, "source"], t.loc[mask, "target"], strict=True):
        if a in keep and b in keep and a != b:
            pairs.add((a, b) if str(a) <= str(b) else (b, a))
    return sorted(pairs, key=lambda p: (str(p[0]), str(p[1])))


def type_legend_handles(styles: pd.DataFrame, lang: str) -> tuple[list[Any], list[str], list[int]]:
    """Legend handles for actor types grouped under sector headings (bold rows returned)."""
    from matplotlib.lines import Line2D

    handles, labels, bold = [], [], []
    last = None
    for t, row in styles.iterrows():
        if row["sector"] != last:
            handles.append(Line2D([], [], linestyle="none", marker=None))
            labels.append(st.sector_label(row["sector"], lang))
            bold.append(len(labels) - 1)
            last = row["sector"]
        handles.append(
            Line2D(
                [],
                [],
                linestyle="none",
                marker=row["marker"],
                markersize=7,
                markerfacecolor=row["color"],
                markeredgecolor="white",
                markeredgewidth=0.6,
            )
        )
        labels.append(st.text("no_type", lang) if t is None else shorten(t, 30))
    return handles, labels, bold


# ------------------------------------------------------------------------ the plot
def plot_network(
    net: Network | nx.Graph,
    *,
    color_by: str | None = "type",
    size_by: str | Mapping[Any, float] | pd.Series | None = "catalyst_score",
    label: str | Sequence[Any] | None = "top",
    communities: pd.Series | Mapping[Any, Any] | None = None,
    catalysts: pd.DataFrame | None = None,
    n_labels: int = 10,
    pos: pd.DataFrame | Mapping[Any, Sequence[float]] | None = None,
    weight: str | None = None,
    competition: bool = True,
    legend: bool = True,
    max_nodes: int = 2000,
    lang: str = "en",
    title: str | None = None,
    ax: Axes | None = None,
    seed: Seed = None,
) -> Axes:
    """Draw the network map: actors coloured by sector and type, sized by catalyst score.

    Parameters
    ----------
    net : Network or networkx.Graph
    color_by : str or None, default "type"
        ``"type"``: colour by the type's sector (see
        :func:`~quartiernetz.plotting.style.sector_of`), marker shape by the type
        within its sector; ``"community"``: colour by ``communities``; any other
        actor column: a colour per value (the nine most frequent; the rest grey);
        None: one colour. A column that no actor has is an error naming the
        columns present (close matches first).
    size_by : str, mapping, Series or None, default "catalyst_score"
        Node area by a column of ``catalysts`` (computed with
        :func:`quartiernetz.roles.catalysts` when not given), ``"degree"``, a
        numeric actor column, or values per actor. None: equal sizes.
    label : "top", "all", None or a list of actor ids
        ``"top"`` labels the ``n_labels`` actors first in ``catalysts`` (or with
        the largest ``size_by``), numbered by rank. Labels never overlap each
        other (see :mod:`quartiernetz.plotting.labels`).
    communities : Series or mapping, optional
        Actor -> community; drawn as shaded hulls (and used by ``color_by="community"``).
    catalysts : DataFrame, optional
        A precomputed :func:`quartiernetz.roles.catalysts` table.
    n_labels : int, default 10
    pos : DataFrame or mapping, optional
        Precomputed positions (see :func:`layout`); default ``layout(net, seed=seed,
        communities=communities)``: with communities, each sits in its own disc.
    weight : str or None, default None
        Edge attribute for line width and the layout's pull (``"weight"``: the
        combined intensity of a Network's ties); ``None``: all ties alike (the
        default of every analysis; changed in 0.2, pass ``weight="weight"`` for
        the earlier pictures). A directed network (or ``DiGraph``) is drawn with arrowheads, the two
        arcs of a reciprocated pair bent apart; the layout uses the ties
        either way.
    competition : bool, default True
        Draw competition ties (relation ``competition``/``Konkurrenz``) dashed.
    legend : bool, default True
    max_nodes : int, default 2000
        Larger networks are drawn as their largest component, and if that is
        still larger, as its ``max_nodes`` actors with the largest ``size_by``;
        a note on the map says so.
    lang : {"en", "de"}
        Language of the legend.
    title : str, optional
    ax : matplotlib.axes.Axes, optional
        Draw here; default a new 10 × 7 inch figure.
    seed : int, numpy.random.Generator or None
        Layout seed (see :func:`layout`); not used when ``pos`` is given.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> G = nx.Graph([("a", "b"), ("b", "c")])
    >>> ax = plot_network(G, size_by="degree", seed=1)
    >>> sorted(t.get_text() for t in ax.texts)
    ['1. b', '2. a', '3. c']
    >>> plt.close(ax.figure)
    """
    st.text("empty", lang)  # validates lang
    D, G, wattr = _graphs(net, weight)
    directed = D.is_directed()
    actors = actor_table(net, G)
    nodes_all = sorted(G.nodes, key=str)
    size_vals, catalysts = _values(size_by, nodes_all, G, actors, catalysts, net)

    with st.style():
        if ax is None:
            import matplotlib.pyplot as plt

            fig, ax = plt.subplots(figsize=(10, 7))
            if legend:
                fig.subplots_adjust(left=0.01, right=0.74, top=0.94, bottom=0.02)
        nodes, note = _shown_nodes(G, nodes_all, size_vals, max_nodes=max_nodes, lang=lang)
        keep = set(nodes)
        Gs = G.subgraph(nodes) if len(nodes) < len(nodes_all) else G
        if pos is None:
            pos = layout(Gs, seed=seed, weight=wattr, communities=communities)
        xy = _positions(pos, nodes)
        index = {v: i for i, v in enumerate(nodes)}
        sizes = _marker_sizes(size_vals, nodes)
        radii = np.sqrt(sizes) / 2  # points
        comm = None
        if communities is not None:
            comm = pd.Series(dict(communities) if isinstance(communities, Mapping) else communities)
            _draw_hulls(ax, xy, nodes, comm)
        ties = D.subgraph(nodes) if directed else Gs
        _draw_ties(ax, ties, xy, index, radii, wattr=wattr, directed=directed)
        comp_edges = _competition_edges(net, keep) if competition else []
        _draw_competition(ax, comp_edges, xy, index)
        look = _node_styles(actors, nodes, color_by, comm)
        _draw_nodes(ax, xy, sizes, look)
        _frame(ax, xy, title=title, note=note)
        chosen, numbered = _chosen(
            label, nodes, Gs, catalysts, size_by, size_vals, sizes, n_labels=n_labels
        )
        if chosen:
            _draw_labels(ax, chosen, actors, xy, index, radii, numbered=numbered)
        if legend:
            _network_legend(ax, look, comp_edges, size_by, lang)
    return ax


def _graphs(net: Network | nx.Graph, weight: str | None) -> tuple[nx.Graph, nx.Graph, str | None]:
    """The graph drawn (directed if the network is), its undirected form and the weight used.

    A Network's ties are combined into one intensity, stored as ``weight`` (or
    ``"weight"``); a graph's own edge attribute ``weight`` is used as it is.
    """
    if isinstance(net, Network):
        D = as_graph(net, weight=weight or "weight")
    else:
        D = as_graph(net)
    wattr = weight
    G = as_graph(D, directed=False, weight=wattr) if D.is_directed() else D
    return D, G, wattr


def _shown_nodes(
    G: nx.Graph,
    nodes_all: list[Any],
    size_vals: pd.Series | None,
    *,
    max_nodes: int,
    lang: str,
) -> tuple[list[Any], str | None]:
    """The actors drawn (at most ``max_nodes``) and a note when some are left out."""
    if len(nodes_all) <= max_nodes:
        return nodes_all, None
    comps = sorted(
        (sorted(c, key=str) for c in nx.connected_components(G)),
        key=lambda c: (-len(c), str(c[0])),
    )
    nodes = comps[0]
    note = st.text("shown_of", lang, shown=len(nodes), total=len(nodes_all))
    if len(nodes) > max_nodes:
        vals = size_vals if size_vals is not None else pd.Series(dict(G.degree()), dtype=float)
        order = sorted(nodes, key=lambda v: (-float(vals.get(v, 0.0)), str(v)))
        nodes = sorted(order[:max_nodes], key=str)
        note = st.text("shown_of_top", lang, shown=len(nodes), total=len(nodes_all))
    return nodes, note


def _positions(pos: pd.DataFrame | Mapping[Any, Sequence[float]], nodes: list[Any]) -> np.ndarray:
    """The ``nodes``' positions as an (n, 2) array; every node must have one."""
    if isinstance(pos, pd.DataFrame):
        P = pos
    else:
        P = pd.DataFrame({v: list(p)[:2] for v, p in pos.items()}, index=["x", "y"]).T
    missing = [v for v in nodes if v not in P.index]
    if missing:
        raise AnalysisError(
            Text(
                f"pos has no position for {len(missing)} actors, e.g. {missing[0]!r}",
                f"pos hat für {len(missing)} Akteure keine Position, z. B. {missing[0]!r}",
            )
        )
    return P.loc[nodes, ["x", "y"]].to_numpy(dtype=float)


def _marker_sizes(size_vals: pd.Series | None, nodes: list[Any]) -> np.ndarray:
    """Marker areas in points², smaller for large networks."""
    n = len(nodes)
    big = 900.0 if n <= 60 else 500.0 if n <= 300 else 120.0
    small = 40.0 if n <= 60 else 20.0 if n <= 300 else 6.0
    if size_vals is None:
        return np.full(n, (big + small) / 3)
    return _scale(size_vals.reindex(nodes).to_numpy(dtype=float), small, big)


def _draw_hulls(ax: Axes, xy: np.ndarray, nodes: list[Any], comm: pd.Series) -> None:
    """A shaded hull around the members of each community."""
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    comm_colors = st.category_colors(comm.reindex(nodes).dropna().tolist(), max_colors=9)
    extent = float(np.ptp(xy[:, 0])) if n > 1 else 1.0
    pad = 0.035 * max(extent, 1e-9)
    for c in sorted(comm_colors, key=lambda c: (str(type(c)), str(c))):
        members = [index[v] for v in nodes if v in comm.index and comm[v] == c]
        if not members:
            continue
        poly = _hull(xy[members], pad)
        ax.fill(
            poly[:, 0],
            poly[:, 1],
            facecolor=comm_colors[c],
            alpha=0.13,
            edgecolor=comm_colors[c],
            linewidth=1.0,
            zorder=0,
        )


def _draw_ties(
    ax: Axes,
    ties: nx.Graph,
    xy: np.ndarray,
    index: dict[Any, int],
    radii: np.ndarray,
    *,
    wattr: str | None,
    directed: bool,
) -> None:
    """The cooperation ties: lines by intensity, or arrows in a directed network."""
    from matplotlib.collections import LineCollection

    n = len(xy)
    segs, widths, arcs = [], [], []
    for u, v, d in sorted(ties.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        if u == v:
            continue
        segs.append([xy[index[u]], xy[index[v]]])
        widths.append(float(d.get(wattr, 1.0)) if wattr else 1.0)
        arcs.append((index[u], index[v], directed and ties.has_edge(v, u)))
    if segs and directed:
        _draw_arcs(ax, xy, arcs, np.array(widths), radii, n)
    elif segs:
        lw = _scale(np.array(widths), 0.5, 3.5) if n <= 300 else _scale(np.array(widths), 0.2, 1.2)
        ax.add_collection(
            LineCollection(
                segs,
                linewidths=lw,
                colors="#7F7F7F",
                alpha=0.55 if n <= 300 else 0.25,
                zorder=1,
                capstyle="round",
            )
        )


def _draw_competition(
    ax: Axes, comp_edges: list[tuple[Any, Any]], xy: np.ndarray, index: dict[Any, int]
) -> None:
    """Competition ties as black dashed lines."""
    if not comp_edges:
        return
    from matplotlib.collections import LineCollection

    csegs = [[xy[index[a]], xy[index[b]]] for a, b in comp_edges]
    ax.add_collection(
        LineCollection(
            csegs,
            linewidths=1.3,
            colors="#000000",
            linestyles=(0, (4, 2.5)),
            alpha=0.8,
            zorder=1.5,
        )
    )


@dataclass
class _Look:
    """How the actors are drawn, and what the legend needs to explain it."""

    nodes: list[Any]
    color_by: str | None
    colors: list[str]
    markers: list[str]
    styles: pd.DataFrame | None = None  # the type styles, when coloured by type
    categories: list[Any] = field(default_factory=list)  # the value per actor otherwise


def _node_styles(
    actors: pd.DataFrame, nodes: list[Any], color_by: str | None, comm: pd.Series | None
) -> _Look:
    """Colour and marker per actor: by type (sector colours, type markers), a column or one."""
    n = len(nodes)
    if color_by == "type":
        types = actors["type"].reindex(nodes).tolist() if "type" in actors.columns else [None] * n
        styles = st.type_styles(types)
        smap = {t: (r["color"], r["marker"]) for t, r in styles.iterrows()}
        keys = [
            None if (t is None or t is pd.NA or (isinstance(t, float) and t != t)) else t
            for t in types
        ]
        return _Look(
            nodes,
            color_by,
            [smap[t][0] for t in keys],
            [smap[t][1] for t in keys],
            styles=styles,
        )
    if color_by is None:
        return _Look(nodes, color_by, ["#0072B2"] * n, ["o"] * n)
    cats = _categories(actors, nodes, color_by, comm)
    cmap = st.category_colors([c for c in cats if not pd.isna(c)])
    colors = [cmap.get(c, st.GREY) if not pd.isna(c) else st.GREY for c in cats]
    return _Look(nodes, color_by, colors, ["o"] * n, categories=cats)


def _categories(
    actors: pd.DataFrame, nodes: list[Any], color_by: str, comm: pd.Series | None
) -> list[Any]:
    """The values ``color_by`` colours by: communities or an actor column."""
    if color_by == "community":
        if comm is None:
            raise AnalysisError(
                Text(
                    'color_by="community" needs communities=',
                    'color_by="community" braucht communities=',
                )
            )
        return comm.reindex(nodes).tolist()
    if color_by in actors.columns and actors[color_by].notna().any():
        return actors[color_by].reindex(nodes).tolist()
    present = [
        str(c) for c in actors.columns if c not in ("label", "type") and actors[c].notna().any()
    ]
    err = unknown_attribute(color_by, present, parameter="color_by")
    raise AnalysisError(
        err.text
        + Text(
            ' Or "type", "community" (with communities=) or None.',
            ' Oder "type", "community" (mit communities=) oder None.',
        )
    )


def _draw_nodes(ax: Axes, xy: np.ndarray, sizes: np.ndarray, look: _Look) -> None:
    """The actors, one scatter per marker shape; big first, so small ones stay on top."""
    n = len(xy)
    order = np.lexsort((np.arange(n), -sizes))  # big first, small on top
    colors_a = np.array(look.colors, dtype=object)
    markers_a = np.array(look.markers, dtype=object)
    for m in sorted(set(look.markers)):
        sel = order[markers_a[order] == m]
        ax.scatter(
            xy[sel, 0],
            xy[sel, 1],
            s=sizes[sel],
            c=list(colors_a[sel]),
            marker=m,
            edgecolors="white",
            linewidths=0.8,
            zorder=2,
        )


def _frame(ax: Axes, xy: np.ndarray, *, title: str | None, note: str | None) -> None:
    """Equal aspect, no axes, limits with room for labels; the title and the note."""
    ax.set_aspect("equal", adjustable="box")
    ax.set_axis_off()
    if len(xy):
        lo, hi = xy.min(axis=0), xy.max(axis=0)
        span = np.maximum(hi - lo, 1e-6)
        m = max(span) * 0.08
        ax.set_xlim(lo[0] - m, hi[0] + m)
        ax.set_ylim(lo[1] - m, hi[1] + m)
    if title:
        ax.set_title(title)
    if note:
        ax.text(
            0.0,
            0.0,
            note,
            transform=ax.transAxes,
            fontsize=7.5,
            color="#444444",
            ha="left",
            va="bottom",
        )


def _chosen(
    label: str | Sequence[Any] | None,
    nodes: list[Any],
    Gs: nx.Graph,
    catalysts: pd.DataFrame | None,
    size_by: Any,
    size_vals: pd.Series | None,
    sizes: np.ndarray,
    *,
    n_labels: int,
) -> tuple[list[Any], bool]:
    """The actors to label, in order, and whether their labels are numbered by rank."""
    keep = set(nodes)
    if isinstance(label, str) and label == "top":
        if catalysts is not None and (
            size_by is None or size_by == "catalyst_score" or size_by == "rank"
        ):
            return [v for v in catalysts.index if v in keep][:n_labels], True
        if size_vals is not None:
            return sorted(nodes, key=lambda v: (-float(size_vals[v]), str(v)))[:n_labels], True
        deg = dict(Gs.degree())
        return sorted(nodes, key=lambda v: (-deg[v], str(v)))[:n_labels], True
    if isinstance(label, str) and label == "all":
        index = {v: i for i, v in enumerate(nodes)}
        return sorted(nodes, key=lambda v: (-float(sizes[index[v]]), str(v))), False
    if label is not None and not isinstance(label, str):
        return [v for v in label if v in keep], False
    if label is not None:
        raise AnalysisError(
            Text(
                f'label must be "top", "all", None or a list of ids, got {label!r}',
                f'label muss "top", "all", None oder eine Liste von IDs sein, erhalten: {label!r}',
            )
        )
    return [], False


def _draw_labels(
    ax: Axes,
    chosen: list[Any],
    actors: pd.DataFrame,
    xy: np.ndarray,
    index: dict[Any, int],
    radii: np.ndarray,
    *,
    numbered: bool,
) -> None:
    """Names of the ``chosen`` actors (numbered by rank), placed without overlaps."""
    labs = actors["label"].reindex(chosen).tolist()
    texts = [
        (f"{i + 1}. " if numbered else "") + shorten(lab if not pd.isna(lab) else v)
        for i, (v, lab) in enumerate(zip(chosen, labs, strict=True))
    ]
    idx = [index[v] for v in chosen]
    place_labels(
        ax,
        xy[idx],
        texts,
        obstacles=xy,
        obstacle_radii=radii + 1.0,
        point_radii=radii[idx],
        fontsize=8.0 if len(xy) <= 300 else 6.5,
        bbox={
            "boxstyle": "round,pad=0.15",
            "facecolor": "white",
            "edgecolor": "none",
            "alpha": 0.8,
        },
    )


def _draw_arcs(
    ax: Axes,
    xy: np.ndarray,
    arcs: list[tuple[int, int, bool]],
    widths: np.ndarray,
    radii: np.ndarray,
    n: int,
) -> None:
    """Directed ties as arrows ending at the target's marker; a mutual pair bends apart."""
    from matplotlib.patches import FancyArrowPatch

    lw = _scale(widths, 0.5, 3.0) if n <= 300 else _scale(widths, 0.2, 1.0)
    for (i, j, mutual), w in zip(arcs, lw, strict=True):
        ax.add_patch(
            FancyArrowPatch(
                tuple(xy[i]),
                tuple(xy[j]),
                arrowstyle="-|>",
                mutation_scale=8.0 + 2.0 * float(w) if n <= 300 else 5.0,
                connectionstyle=f"arc3,rad={0.12 if mutual else 0.0}",
                shrinkA=float(radii[i]),
                shrinkB=float(radii[j]) + 1.0,
                linewidth=float(w),
                color="#7F7F7F",
                alpha=0.7 if n <= 300 else 0.35,
                zorder=1,
            )
        )


def _network_legend(
    ax: Axes, look: _Look, comp_edges: list[tuple[Any, Any]], size_by: Any, lang: str
) -> None:
    """The legend right of the map: types (or categories), competition, what sizes mean."""
    from matplotlib.lines import Line2D

    bold: list[int] = []
    if look.styles is not None:
        handles, labels, bold = type_legend_handles(look.styles, lang)
        title = st.text("actor_type", lang)
    else:
        handles, labels = _category_handles(look, lang)
        title = (
            st.text("community", lang)
            if look.color_by == "community"
            else str(look.color_by)
            if look.color_by
            else None
        )
    if comp_edges:
        handles.append(Line2D([], [], color="#000000", linestyle=(0, (4, 2.5)), linewidth=1.3))
        labels.append(st.text("competition", lang))
    if size_by is not None:
        handles.append(Line2D([], [], linestyle="none"))
        what = (
            st.text("catalyst_score", lang)
            if size_by == "catalyst_score"
            else str(size_by)
            if isinstance(size_by, str)
            else "value"
        )
        labels.append(st.text("symbol_size", lang, what=what))
    leg = ax.legend(
        handles,
        labels,
        title=title,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        borderaxespad=0.0,
        handletextpad=0.4,
        labelspacing=0.35,
    )
    texts = leg.get_texts()
    for i in bold:
        texts[i].set_fontweight("bold")


def _category_handles(look: _Look, lang: str) -> tuple[list[Any], list[str]]:
    """One legend entry per category colour (at most 12; colours beyond the palette as one)."""
    from matplotlib.lines import Line2D

    seen: dict[str, Any] = {}
    cats = look.categories
    pairs = sorted(
        ((c, col) for c, col in zip(cats, look.colors, strict=False) if not pd.isna(c)),
        key=lambda p: (
            (0, float(p[0]), "")
            if isinstance(p[0], int | float | np.number)
            else (1, 0.0, str(p[0]))
        ),
    )
    n_grey = 0
    for c, col in pairs:
        n_grey += col == st.GREY and str(c) not in seen
        seen.setdefault(str(c), col)
    if any(pd.isna(c) for c in cats):
        seen.setdefault("—", st.GREY)
    if n_grey > 1:  # beyond the palette: one grey entry for all of them
        seen = {k: v for k, v in seen.items() if v != st.GREY}
        seen[st.text("other_categories", lang)] = st.GREY
    handles = [
        Line2D(
            [],
            [],
            linestyle="none",
            marker="o",
            markersize=7,
            markerfacecolor=col,
            markeredgecolor="white",
        )
        for col in list(seen.values())[:12]
    ]
    return handles, [shorten(k, 30) for k in list(seen)[:12]]
