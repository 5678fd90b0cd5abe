"""How much the network depends on an actor: what changes when it leaves.

:func:`removal_impact` answers it for every actor at once in linear time
(articulation points and the pieces they leave, from one depth-first search);
:func:`dependence` gives the before/after figures for one actor or a set.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..i18n import Text
from ..network import Network
from ._graph import Prepared, group_codes, node_positions, prepare
from ._kernels import KERNELS
from .cost import AUTO_EXACT_SECONDS, distance_seconds, german_number

__all__ = [
    "removal_impact",
    "dependence",
    "fragmentation",
    "distance_fragmentation",
    "IMPACT_COLUMNS",
]

#: Columns of :func:`removal_impact`, in order.
IMPACT_COLUMNS = (
    "fragmentation_loss",
    "pairs_disconnected",
    "actors_cut_off",
    "components_added",
    "cross_group_ties",
)


def fragmentation(sizes: np.ndarray | list[int], n: int | None = None) -> float:
    """Borgatti's fragmentation from component sizes.

    ``F = 1 - sum_k s_k (s_k - 1) / (n (n - 1))``: the share of ordered pairs of
    actors that cannot reach each other. 0 for fewer than two actors.

    Examples
    --------
    >>> fragmentation([7, 2])
    0.3888888888888889
    """
    s = np.asarray(sizes, dtype=np.int64)
    n = int(s.sum()) if n is None else int(n)
    if n < 2:
        return 0.0
    return float(1.0 - (s * (s - 1)).sum() / (n * (n - 1)))


def distance_fragmentation(S: sp.csr_array) -> float:
    """Borgatti's distance-weighted fragmentation of a symmetric 0/1 pattern.

    ``DF = 1 - sum_{i != j} (1 / d_ij) / (n (n - 1))`` with ``1 / inf = 0``;
    0 for fewer than two actors.

    Examples
    --------
    >>> import scipy.sparse as sp
    >>> import networkx as nx
    >>> round(distance_fragmentation(sp.csr_array(nx.to_scipy_sparse_array(nx.path_graph(3)))), 4)
    0.1667
    """
    n = S.shape[0]
    if n < 2:
        return 0.0
    return float(1.0 - KERNELS["inverse_distance_sum"](S) / (n * (n - 1)))


def compute_impact(prep: Prepared, codes: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """Removal impact of every actor, as arrays in node order (see :func:`removal_impact`)."""
    n = prep.n
    S = prep.S
    pieces = KERNELS["removal_pieces"](S)
    s = pieces["component_size"]
    _, labels = KERNELS["component_labels"](S)
    sizes = np.bincount(labels, minlength=1).astype(np.int64) if n else np.zeros(0, np.int64)
    reach = int((sizes * (sizes - 1) // 2).sum())
    before = fragmentation(sizes, n)
    reach_after = reach - s * (s - 1) // 2 + pieces["pairs_after"]
    if n - 1 >= 2:
        after = 1.0 - 2.0 * reach_after / ((n - 1) * (n - 2))
    else:
        after = np.zeros(n)
    out = {
        "fragmentation_loss": np.asarray(after - before, dtype=float),
        "pairs_disconnected": ((s - 1) * (s - 2) // 2 - pieces["pairs_after"]).astype(np.int64),
        "actors_cut_off": (s - 1 - pieces["largest_piece"]).astype(np.int64),
        "components_added": (pieces["pieces"] - 1).astype(np.int64),
    }
    if codes is not None:
        rows = np.repeat(np.arange(n), np.diff(S.indptr))
        cross = codes[rows] != codes[S.indices]
        out["cross_group_ties"] = np.bincount(rows, weights=cross, minlength=n).astype(np.int64)
    return out


def removal_impact(
    net: Network | nx.Graph,
    *,
    group: str | Mapping[Hashable, Any] | pd.Series | None = "type",
    **options: Any,
) -> pd.DataFrame:
    r"""What the network loses when one actor leaves, for every actor.

    Parameters
    ----------
    net : Network or networkx.Graph
        Directed ties count in either direction (weak components).
    group : str, mapping or None, default "type"
        Groups for ``cross_group_ties``.
    **options
        Passed to :func:`~quartiernetz.network.as_graph`.

    Returns
    -------
    pandas.DataFrame
        Indexed by actor; no NaN:

        - ``fragmentation_loss``: ``F(G - v) - F(G)``, Borgatti's
          fragmentation after minus before (F over the actors present);
        - ``pairs_disconnected``: pairs of *remaining* actors that were
          connected by some path and no longer are (int);
        - ``actors_cut_off``: actors of v's component outside the largest
          piece left behind (int);
        - ``components_added``: change in the number of components (-1 when
          v is an isolate; int);
        - ``cross_group_ties``: v's ties to actors of another group, lost with
          it (int).

    Notes
    -----
    With n actors, R = ordered pairs that can reach each other, and v in a
    component of s actors that falls into pieces of sizes ``t_1..t_r``
    without v: ``R' = R - s (s - 1) + sum t_i (t_i - 1)`` and

    ``F(G - v) = 1 - R' / ((n - 1)(n - 2))``.

    A non-articulation point leaves one piece of ``s - 1`` actors, so only its
    own pair terms go: ``R' = R - 2 (s - 1)`` and ``pairs_disconnected = 0``.
    In general ``fragmentation_loss = 2 (pairs_disconnected + s - 1 - R / n) /
    ((n - 1)(n - 2))``: in a connected network (``R = n (n - 1)``, ``s = n``)
    it is proportional to ``pairs_disconnected``; in a disconnected one it is
    shifted by the size of v's own component.

    The pieces of every articulation point come from a single depth-first
    search (a child subtree whose low point does not climb above v falls off
    when v leaves), so the whole table costs O(n + m), not one removal per actor.

    References
    ----------
    .. [1] Borgatti, S. P. (2006). Identifying sets of key players in a social
       network. Computational and Mathematical Organization Theory 12, 21-34.
       doi:10.1007/s10588-006-7084-x
    .. [2] Hopcroft, J. & Tarjan, R. (1973). Algorithm 447: efficient algorithms
       for graph manipulation. Communications of the ACM 16(6), 372-378.

    Examples
    --------
    >>> import networkx as nx
    >>> r = removal_impact(nx.path_graph(4), group=None)
    >>> r["pairs_disconnected"].tolist()
    [0, 2, 2, 0]
    """
    prep = prepare(net, **options)
    notes: list = []
    codes, _, _ = group_codes(prep, group, notes=notes)
    values = compute_impact(prep, codes)
    frame = pd.DataFrame({c: values[c] for c in IMPACT_COLUMNS}, index=prep.index)
    frame.attrs["notes"] = notes
    return frame


_FIGURES = {
    "actors": "actors in the network",
    "ties": "ties (arcs in a directed network)",
    "components": "components (groups of actors connected by some path; isolates count)",
    "isolates": "actors without any tie",
    "largest_component": "actors in the largest component",
    "reachable_pairs": "pairs of actors connected by some path",
    "fragmentation": "Borgatti's fragmentation: share of pairs that cannot reach each other",
    "distance_fragmentation": "Borgatti's distance-weighted fragmentation (1 - mean 1/distance)",
    "cross_group_ties": "ties between actors of different groups",
    "cross_group_reachable_pairs": "pairs of actors of different groups connected by some path",
}


def _figures(
    S: sp.csr_array, codes: np.ndarray, directed_ties: int, *, distance: bool = True
) -> dict[str, float]:
    n = S.shape[0]
    _, labels = KERNELS["component_labels"](S)
    sizes = np.bincount(labels).astype(np.int64) if n else np.zeros(0, np.int64)
    deg = np.diff(S.indptr)
    reach = int((sizes * (sizes - 1) // 2).sum())
    # pairs of different groups in the same component
    same_group_reach = 0
    if n:
        K = int(codes.max()) + 1
        table = np.zeros((len(sizes), K), dtype=np.int64)
        np.add.at(table, (labels, codes), 1)
        same_group_reach = int((table * (table - 1) // 2).sum())
    rows = np.repeat(np.arange(n), np.diff(S.indptr))
    cross = int(np.count_nonzero(codes[rows] != codes[S.indices]) // 2)
    return {
        "actors": float(n),
        "ties": float(directed_ties),
        "components": float(len(sizes)),
        "isolates": float(np.count_nonzero(deg == 0)),
        "largest_component": float(sizes.max()) if n else 0.0,
        "reachable_pairs": float(reach),
        "fragmentation": fragmentation(sizes, n),
        "distance_fragmentation": distance_fragmentation(S) if distance else float("nan"),
        "cross_group_ties": float(cross),
        "cross_group_reachable_pairs": float(reach - same_group_reach),
    }


def dependence(
    net: Network | nx.Graph,
    actors: Any,
    *,
    group: str | Mapping[Hashable, Any] | pd.Series | None = "type",
    distance: bool | None = None,
    exact_seconds: float = AUTO_EXACT_SECONDS,
    **options: Any,
) -> pd.DataFrame:
    r"""What if these actors leave? The network's figures before and after.

    Parameters
    ----------
    net : Network or networkx.Graph
        Directed ties count in either direction (weak components).
    actors : actor id or list of actor ids
        The actor(s) to remove.
    group : str, mapping or None, default "type"
        Groups for the cross-group figures.
    distance : bool or None, default None
        Compute ``distance_fragmentation`` (all-pairs distances: the only
        figure that is not linear in the ties). None: only when its estimate
        (:func:`quartiernetz.roles.cost.distance_seconds`, before and after)
        is at most ``exact_seconds``; otherwise NaN and ``attrs["notes"]``
        says so.
    exact_seconds : float, default 10
        See ``distance``.
    **options
        Passed to :func:`~quartiernetz.network.as_graph`.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``figure``: ``actors``, ``ties``, ``components``,
        ``isolates``, ``largest_component``, ``reachable_pairs``,
        ``fragmentation``, ``distance_fragmentation``, ``cross_group_ties``
        and ``cross_group_reachable_pairs``; columns ``before``, ``after``,
        ``change`` (after - before; floats, NaN only in a
        ``distance_fragmentation`` left out) and ``description``.
        ``cross_group_ties`` counts undirected ties between different groups
        (a reciprocated pair of arcs counts once).

    Raises
    ------
    AnalysisError
        An actor is not in the network (the message names close matches).

    Notes
    -----
    Fragmentation ``F = 1 - sum_k s_k (s_k - 1) / (n (n - 1))`` and distance
    fragmentation ``DF = 1 - sum_{i != j} (1 / d_ij) / (n (n - 1))`` (Borgatti
    2006) are taken over the actors present, so "after" has ``n - |actors|``
    actors. Distance fragmentation runs one breadth-first search per actor
    (O(n m)); the other figures are linear.

    References
    ----------
    .. [1] Borgatti, S. P. (2006). Identifying sets of key players in a social
       network. Computational and Mathematical Organization Theory 12, 21-34.
       doi:10.1007/s10588-006-7084-x

    Examples
    --------
    >>> import networkx as nx
    >>> d = dependence(nx.krackhardt_kite_graph(), 7, group=None)
    >>> d.loc[["components", "fragmentation"], ["before", "after"]].round(4).values.tolist()
    [[1.0, 2.0], [0.0, 0.3889]]
    """
    prep = prepare(net, **options)
    notes: list = []
    codes, _, _ = group_codes(prep, group, notes=notes)
    drop = node_positions(prep, actors)
    keep = np.setdiff1d(np.arange(prep.n), drop)
    S = prep.S
    S_after = S[keep][:, keep].tocsr()
    A = prep.A
    A_after = A[keep][:, keep]
    ties_before = A.nnz if prep.directed else A.nnz // 2
    ties_after = A_after.nnz if prep.directed else A_after.nnz // 2
    if distance is None:
        seconds = 2 * distance_seconds(prep)
        distance = seconds <= exact_seconds
        if not distance:
            notes.append(
                Text(
                    f"distance fragmentation left out: all distances before and after "
                    f"would take about {seconds:,.0f} s here[[py: (distance=True forces "
                    "it)|cli:]]",
                    f"distanzgewichtete Fragmentierung ausgelassen: alle Distanzen vorher "
                    f"und nachher dauerten hier etwa {german_number(seconds)} s[[py: (distance=True "
                    "erzwingt sie)|cli:]]",
                )
            )
    before = _figures(S, codes, ties_before, distance=bool(distance))
    after = _figures(S_after, codes[keep], ties_after, distance=bool(distance))
    frame = pd.DataFrame(
        {
            "before": [before[k] for k in _FIGURES],
            "after": [after[k] for k in _FIGURES],
        },
        index=pd.Index(list(_FIGURES), name="figure"),
    )
    frame["change"] = frame["after"] - frame["before"]
    frame["description"] = pd.array(list(_FIGURES.values()), dtype=object)
    frame.attrs["notes"] = notes
    return frame
