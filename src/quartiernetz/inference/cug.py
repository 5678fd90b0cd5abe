r"""Conditional uniform graph (CUG) tests: is a network-level figure unusual for its size?"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ._data import (
    MIN_ACTORS,
    Dyads,
    align_squares,
    as_rng,
    check_count,
    error,
    tail_pvalues,
    to_square,
)
from .ei import group_codes

try:  # compiled Brandes betweenness (a dependency of quartiernetz)
    import rustworkx as rx
except ImportError:  # pragma: no cover
    rx = None

__all__ = ["cug_test", "STATISTICS", "CONDITIONING"]

#: The statistics :func:`cug_test` knows by name (any callable works too).
STATISTICS = (
    "density",
    "degree_centralization",
    "betweenness_centralization",
    "transitivity",
    "ei_index",
)
#: What the uniform graphs keep from the observed network.
CONDITIONING = ("size", "edges", "dyad_census")


def _density(n: int, directed: bool, m: int) -> float:
    return m / (n * (n - 1) if directed else n * (n - 1) / 2)


def _degree_centralization(n: int, directed: bool, src: np.ndarray, dst: np.ndarray) -> float:
    deg = np.bincount(src, minlength=n) + np.bincount(dst, minlength=n)
    top = (n - 1) * (2 * (n - 1) - 2) if directed else (n - 1) * (n - 2)
    return float((deg.max() - deg).sum() / top)


def _betweenness(n: int, directed: bool, src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """Raw betweenness: ordered pairs when directed, unordered pairs when undirected."""
    edges = list(zip(src.tolist(), dst.tolist(), strict=True))
    if rx is not None:
        g = rx.PyDiGraph(multigraph=False) if directed else rx.PyGraph(multigraph=False)
        g.add_nodes_from(range(n))
        g.add_edges_from_no_data(edges)
        if directed:
            res = rx.digraph_betweenness_centrality(g, normalized=False)
        else:
            res = rx.graph_betweenness_centrality(g, normalized=False)
        out = np.zeros(n)
        for i, x in res.items():
            out[i] = x
        return out
    import networkx as nx  # pragma: no cover - rustworkx is a dependency

    G = nx.DiGraph() if directed else nx.Graph()  # pragma: no cover
    G.add_nodes_from(range(n))  # pragma: no cover
    G.add_edges_from(edges)  # pragma: no cover
    b = nx.betweenness_centrality(G, normalized=False)  # pragma: no cover
    return np.array([b[i] for i in range(n)])  # pragma: no cover


def _betweenness_centralization(n: int, directed: bool, src: np.ndarray, dst: np.ndarray) -> float:
    b = _betweenness(n, directed, src, dst)
    top = (n - 1) ** 2 * (n - 2) if directed else (n - 1) ** 2 * (n - 2) / 2
    return float((b.max() - b).sum() / top)


def _transitivity(n: int, directed: bool, src: np.ndarray, dst: np.ndarray) -> float:
    ones = np.ones(len(src))
    A = sp.csr_array((ones, (src, dst)), shape=(n, n))
    if not directed:
        A = A + A.T
    A2 = A @ A
    closed = float(A.multiply(A2).sum())
    paths = float(A2.sum() - A2.diagonal().sum())
    return closed / paths if paths else 1.0


def _ei(codes: np.ndarray, src: np.ndarray, dst: np.ndarray) -> float:
    ok = (codes[src] >= 0) & (codes[dst] >= 0)
    total = int(ok.sum())
    if not total:
        return float("nan")
    internal = int((codes[src[ok]] == codes[dst[ok]]).sum())
    return (total - 2 * internal) / total


def cug_test(
    net: Any,
    statistic: str | Callable[[np.ndarray], float],
    *,
    conditioning: str = "edges",
    draws: int = 1000,
    seed: int | np.random.Generator | None = None,
    attribute: str | Mapping | pd.Series | Sequence | None = None,
) -> pd.DataFrame:
    r"""Conditional uniform graph test of a network-level statistic.

    Compares the observed statistic with its distribution over uniform random
    graphs on the same actors that keep the size, the number of ties or the
    dyad census of the network (R sna's ``cug.test``).

    Parameters
    ----------
    net : Network, networkx.Graph, square DataFrame or numpy array
        The network; a tie is a cell != 0 (values are ignored, as ``cug.test``
        with ``ignore.eval=TRUE``). Directed networks (and asymmetric matrices)
        are tested as directed graphs.
    statistic : str or callable
        ``"density"``, ``"degree_centralization"``,
        ``"betweenness_centralization"``, ``"transitivity"``, ``"ei_index"``
        (needs ``attribute``), or a function of the 0/1 adjacency matrix (an
        n x n numpy array, symmetric when undirected) returning a number.
    conditioning : {"edges", "size", "dyad_census"}, default "edges"
        ``"size"``: every graph on n actors equally likely (each tie with
        probability 1/2); ``"edges"``: every graph with the observed number of
        ties; ``"dyad_census"``: every graph with the observed numbers of
        mutual, asymmetric and null dyads (the same as ``"edges"`` when
        undirected).
    draws : int, default 1000
        Random graphs.
    seed : int or numpy.random.Generator, optional
        For reproducible draws.
    attribute : str, mapping, Series or sequence, optional
        The groups for ``"ei_index"`` (as in
        :func:`~quartiernetz.inference.ei_test`).

    Returns
    -------
    pandas.DataFrame
        One row indexed by ``statistic`` (the name, or the function's name);
        columns ``observed``, ``null_mean``, ``null_sd`` (over the draws),
        ``p_greater``, ``p_less`` (shares of draws at least as large, at least as
        small as observed), ``draws``. ``.attrs``: ``conditioning``,
        ``directed``, ``n_actors``, ``n_ties``.

    Notes
    -----
    The statistics follow sna: density ``m / (n (n-1))`` (directed) or
    ``m / (n (n-1) / 2)``; Freeman centralisation ``sum(max - c_i)`` divided by
    its maximum, with degree (in + out when directed; maximum
    ``(n-1)(2(n-1)-2)``, undirected ``(n-1)(n-2)``) and raw betweenness
    (ordered pairs when directed, maximum ``(n-1)^2 (n-2)``; unordered pairs
    when undirected, half that); transitivity as sna's ``gtrans`` ("weak"):
    the share of two-paths ``i -> j -> k`` with ``i -> k``, 1 when there is no
    two-path; the E–I index as in :func:`~quartiernetz.inference.ei_test` (NaN
    in a draw without a tie between actors with a group; such draws count as
    not extreme). p-values are shares of the draws (the observed network not
    counted), as in sna.

    A CUG test asks whether a figure is unusual *given* the conditioning
    figures; with ``"size"``, almost any sparse network has an unusual density
    and everything that follows from it, so condition on what is not the point.

    References
    ----------
    .. [1] Anderson, B. S., Butts, C. T. & Carley, K. M. (1999). The interaction
       of size and density with graph-level indices. Social Networks 21(3),
       239-267. doi:10.1016/S0378-8733(99)00011-8
    .. [2] Butts, C. T. (2008). Social network analysis with sna. Journal of
       Statistical Software 24(6). doi:10.18637/jss.v024.i06
    .. [3] Freeman, L. C. (1978). Centrality in social networks: conceptual
       clarification. Social Networks 1(3), 215-239.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.caveman_graph(4, 5)
    >>> r = cug_test(G, "transitivity", draws=200, seed=1)
    >>> r.loc["transitivity", ["observed", "p_greater"]].tolist()
    [1.0, 0.0]
    """
    draws = check_count(draws, "draws")
    if conditioning not in CONDITIONING:
        raise error(
            "[[opt:conditioning]] must be one of {c}, got {v!r}",
            "[[opt:conditioning]] muss eines von {c} sein, erhalten: {v!r}",
            c=", ".join(CONDITIONING),
            v=conditioning,
        )
    rng = as_rng(seed)
    sq = to_square(net, name="net", weight=None)
    actors, (A,) = align_squares([sq], align=None)
    n = len(actors)
    if n < MIN_ACTORS:
        raise error(
            "{n} actors; a CUG test needs at least {m}",
            "{n} Akteure; ein CUG-Test braucht mindestens {m}",
            n=n,
            m=MIN_ACTORS,
        )
    if np.isnan(A).any():
        raise error(
            "the network has missing values (NaN); expected 0/1 or tie values",
            "das Netzwerk hat fehlende Werte (NaN); erwartet: 0/1 oder Beziehungswerte",
        )
    B = (A != 0).astype(float)
    np.fill_diagonal(B, 0.0)
    directed = bool(sq.directed) if sq.directed is not None else not np.array_equal(B, B.T)
    func, name = _statistic(statistic, net, actors, attribute, n, directed)
    dy = Dyads(n, directed=directed)
    present = dy.vector(B) != 0
    m = int(present.sum())
    obs_src, obs_dst = dy.rows[present], dy.cols[present]
    observed = func(obs_src, obs_dst)
    draw = _sampler(conditioning, dy, B, m, directed, rng)
    dist = np.empty(draws)
    for k in range(draws):
        src, dst = draw()
        dist[k] = func(src, dst)
    finite = dist[np.isfinite(dist)]
    g, le, _ = tail_pvalues(np.where(np.isfinite(dist), dist, np.nan), observed)
    frame = pd.DataFrame(
        {
            "observed": [observed],
            "null_mean": [float(finite.mean()) if len(finite) else float("nan")],
            "null_sd": [float(finite.std(ddof=1)) if len(finite) > 1 else float("nan")],
            "p_greater": [g],
            "p_less": [le],
            "draws": [draws],
        },
        index=pd.Index([name], name="statistic"),
    )
    frame.attrs.update(
        {"conditioning": conditioning, "directed": directed, "n_actors": n, "n_ties": m}
    )
    return frame


def _statistic(
    statistic: Any, net: Any, actors: list, attribute: Any, n: int, directed: bool
) -> tuple[Callable[[np.ndarray, np.ndarray], float], str]:
    if callable(statistic):
        name = getattr(statistic, "__name__", "statistic")

        def call(src: np.ndarray, dst: np.ndarray) -> float:
            M = np.zeros((n, n))
            M[src, dst] = 1.0
            if not directed:
                M[dst, src] = 1.0
            return float(statistic(M))

        return call, name
    if statistic not in STATISTICS:
        raise error(
            "statistic must be one of {s} or a function of the adjacency matrix, got {v!r}",
            "statistic muss eines von {s} oder eine Funktion der Adjazenzmatrix sein, "
            "erhalten: {v!r}",
            s=", ".join(STATISTICS),
            v=statistic,
        )
    if statistic == "density":
        return (lambda src, dst: _density(n, directed, len(src))), statistic
    if statistic == "degree_centralization":
        return (lambda src, dst: _degree_centralization(n, directed, src, dst)), statistic
    if statistic == "betweenness_centralization":
        return (lambda src, dst: _betweenness_centralization(n, directed, src, dst)), statistic
    if statistic == "transitivity":
        return (lambda src, dst: _transitivity(n, directed, src, dst)), statistic
    if attribute is None:
        raise error(
            "statistic 'ei_index' needs the groups: pass [[opt:attribute]], e.g. "
            "[[py:attribute='type'|cli:--attribute type]]",
            "statistic 'ei_index' braucht die Gruppen: [[opt:attribute]] angeben, z. B. "
            "[[py:attribute='type'|cli:--attribute type]]",
        )
    codes, _ = group_codes(net, actors, attribute)
    return (lambda src, dst: _ei(codes, src, dst)), statistic


def _sampler(
    conditioning: str,
    dy: Dyads,
    B: np.ndarray,
    m: int,
    directed: bool,
    rng: np.random.Generator,
) -> Callable[[], tuple[np.ndarray, np.ndarray]]:
    D = dy.size
    if conditioning == "size":

        def size() -> tuple[np.ndarray, np.ndarray]:
            keep = rng.random(D) < 0.5
            return dy.rows[keep], dy.cols[keep]

        return size
    if conditioning == "edges" or not directed:

        def edges() -> tuple[np.ndarray, np.ndarray]:
            pick = rng.choice(D, size=m, replace=False)
            return dy.rows[pick], dy.cols[pick]

        return edges
    # dyad census of a directed graph: mutual, asymmetric and null pairs
    pairs = Dyads(dy.n, directed=False)
    up = B[pairs.rows, pairs.cols] != 0
    down = B[pairs.cols, pairs.rows] != 0
    mutual = int((up & down).sum())
    asym = int((up ^ down).sum())

    def census() -> tuple[np.ndarray, np.ndarray]:
        pick = rng.choice(pairs.size, size=mutual + asym, replace=False)
        i, j = pairs.rows[pick], pairs.cols[pick]
        mi, mj = i[:mutual], j[:mutual]
        ai, aj = i[mutual:], j[mutual:]
        flip = rng.random(asym) < 0.5
        si, sj = np.where(flip, aj, ai), np.where(flip, ai, aj)
        return np.concatenate([mi, mj, si]), np.concatenate([mj, mi, sj])

    return census
