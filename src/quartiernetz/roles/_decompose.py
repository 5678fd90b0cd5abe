"""Exact shortcuts from the structure of a network: actors hanging on one tie.

Programme networks have many actors with a single partner: in the connected
programme stand-in of the benchmarks (27,238 actors, 51,400 ties) 13,818 actors
have one tie, and the rest (its 2-core) is one block of 13,420 actors. Such an
actor (and, repeatedly, every tree hanging on the network) can be folded into
its neighbour (Baglioni, Geraci, Pellegrini & Lastres 2012): shortest paths
from a folded actor run through its neighbour, so distances to everybody
follow from the neighbour's by one addition.

This module computes closeness that way, exactly: distance sums on the reduced
network (the 2-core plus one root per tree component), each reduced actor
weighted by the number of actors folded into it, then the folded actors from
their neighbours (networkit's compiled searches, else scipy's). Betweenness would need a compiled Brandes kernel with
weighted sources and targets, which neither rustworkx nor networkit offers
(see ``docs/performance.md``); it stays on the engine.

References
----------
.. [1] Baglioni, M., Geraci, F., Pellegrini, M. & Lastres, E. (2012). Fast
   exact computation of betweenness centrality in social networks. ASONAM 2012,
   450-456. doi:10.1109/ASONAM.2012.79
.. [2] Puzis, R., Zilberman, P. & Elovici, Y. (2013). Heuristics for speeding
   up betweenness centrality computation. SocialCom 2012, 302-311.
   doi:10.1109/SocialCom-PASSAT.2012.66
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.sparse import csgraph

__all__ = ["Folding", "fold_pendants", "closeness_folded"]


@dataclass
class Folding:
    """The trees hanging on a symmetric network, folded into their roots.

    Attributes
    ----------
    order : ndarray of int
        Folded nodes in the order they were removed (leaves first).
    parent : ndarray of int
        The neighbour each folded node was folded into (-1 for kept nodes).
    length : ndarray of float
        Length of the tie to the parent (0 for kept nodes).
    size : ndarray of int
        Nodes folded into each node, itself included (1 for a leaf).
    depth_sum : ndarray of float
        Sum of the distances from each node to the nodes folded into it.
    kept : ndarray of bool
        The reduced network: the 2-core plus one node per tree component.
    """

    order: np.ndarray
    parent: np.ndarray
    length: np.ndarray
    size: np.ndarray
    depth_sum: np.ndarray
    kept: np.ndarray


def fold_pendants(L: sp.csr_array) -> Folding:
    """Fold every node of degree 1 into its neighbour, repeatedly, in linear time.

    Parameters
    ----------
    L : csr_array
        Symmetric matrix of tie lengths (zero diagonal).

    Returns
    -------
    Folding

    Examples
    --------
    >>> import networkx as nx
    >>> L = nx.to_scipy_sparse_array(nx.path_graph(4), format="csr")
    >>> f = fold_pendants(L)
    >>> f.kept.tolist(), f.size.tolist(), f.depth_sum.tolist()
    ([True, False, False, False], [4, 3, 2, 1], [6.0, 3.0, 1.0, 0.0])
    """
    n = L.shape[0]
    indptr = L.indptr.tolist()
    indices = L.indices.tolist()
    data = np.asarray(L.data, dtype=np.float64).tolist()
    deg = np.diff(L.indptr).tolist()
    removed = [False] * n
    parent = [-1] * n
    length = [0.0] * n
    order: list[int] = []
    stack = [v for v in range(n) if deg[v] == 1]
    while stack:
        v = stack.pop()
        if removed[v] or deg[v] != 1:
            continue  # its neighbour was folded first (the last two nodes of a tree)
        for p in range(indptr[v], indptr[v + 1]):
            u = indices[p]
            if not removed[u]:
                break
        removed[v] = True
        parent[v] = u
        length[v] = data[p]
        order.append(v)
        deg[v] = 0
        deg[u] -= 1
        if deg[u] == 1:
            stack.append(u)
    size = [1] * n
    depth = [0.0] * n
    for v in order:
        u = parent[v]
        size[u] += size[v]
        depth[u] += depth[v] + length[v] * size[v]
    return Folding(
        order=np.asarray(order, dtype=np.int64),
        parent=np.asarray(parent, dtype=np.int64),
        length=np.asarray(length, dtype=np.float64),
        size=np.asarray(size, dtype=np.int64),
        depth_sum=np.asarray(depth, dtype=np.float64),
        kept=~np.asarray(removed, dtype=bool),
    )


def _weighted_distance_sums(R: sp.csr_array, weight: np.ndarray, *, chunk: int) -> np.ndarray:
    """``sum_b weight[b] d(a, b)`` for every node a of a symmetric length matrix (inf -> 0).

    networkit's breadth-first search (all lengths 1) or Dijkstra per source when
    networkit is installed -- 3.3 times faster than scipy's batched Dijkstra on
    the 2,006-actor 2-core of a programme-like network (0.55 s against 1.79 s) --
    else scipy's ``csgraph.dijkstra`` in chunks of ``chunk`` sources.
    """
    m = R.shape[0]
    out = np.zeros(m)
    try:
        import networkit as nk
    except ImportError:  # networkit is a dependency, but optional for the code
        nk = None
    if nk is None:
        for start in range(0, m, chunk):
            idx = np.arange(start, min(m, start + chunk))
            D = csgraph.dijkstra(R, directed=False, indices=idx)
            D[~np.isfinite(D)] = 0.0
            out[idx] = D @ weight
        return out
    # nodes renumbered so that each component is one slice: unreachable nodes get
    # networkit's largest distance, so only the own component's slice is summed
    ncomp, labels = csgraph.connected_components(R, directed=False)
    perm = np.argsort(labels, kind="stable")
    bounds = np.searchsorted(labels[perm], np.arange(ncomp + 1))
    P = R[perm][:, perm].tocsr()
    w = weight[perm]
    rows = np.repeat(np.arange(m), np.diff(P.indptr))
    keep = rows < P.indices
    unit = bool(np.all(P.data == 1.0))
    g = nk.Graph(m, weighted=not unit)
    ends = (rows[keep].astype(np.uint64), P.indices[keep].astype(np.uint64))
    g.addEdges(ends if unit else (np.asarray(P.data[keep], dtype=np.float64), ends))
    sums = np.zeros(m)
    for c in range(ncomp):
        lo, hi = int(bounds[c]), int(bounds[c + 1])
        if hi - lo < 2:
            continue
        wc = w[lo:hi]
        for s in range(lo, hi):
            search = nk.distance.BFS(g, s, False) if unit else nk.distance.Dijkstra(g, s, False)
            search.run()
            sums[s] = float(np.asarray(search.getDistances(asarray=True))[lo:hi] @ wc)
    out[perm] = sums
    return out


def closeness_folded(L: sp.csr_array, *, chunk: int = 256) -> np.ndarray:
    """Wasserman & Faust's closeness of a symmetric network, with trees folded.

    Exactly :func:`quartiernetz.roles._kernels.closeness_dijkstra` (to rounding):
    ``C(u) = (r / (n - 1)) * (r / sum_v d(u, v))`` over the r other nodes of u's
    component.

    Parameters
    ----------
    L : csr_array
        Symmetric matrix of tie lengths (1 per tie, or ``1 / strength``).
    chunk : int
        Sources per batch of scipy's compiled shortest paths.

    Notes
    -----
    With ``w(b)`` the nodes folded into a kept node b (itself included) and
    ``h(b)`` the sum of their distances to b, the distance sum of a kept node a
    is ``sum_b w(b) d(a, b) + sum_b h(b)`` over the kept nodes b of its
    component; a folded node v with parent u and tie length l has
    ``S(v) = S(u) + l (r_c - 2 w(v))`` (``r_c``: component size), because
    its ``w(v)`` nodes come closer by l and all others move away by l.

    Examples
    --------
    >>> import networkx as nx
    >>> L = nx.to_scipy_sparse_array(nx.star_graph(3), format="csr", dtype=float)
    >>> closeness_folded(L).round(3).tolist()
    [1.0, 0.6, 0.6, 0.6]
    """
    n = L.shape[0]
    out = np.zeros(n)
    if n < 2 or L.nnz == 0:
        return out
    fold = fold_pendants(L)
    ncomp, labels = csgraph.connected_components(L, directed=False)
    comp_size = np.bincount(labels, minlength=ncomp)
    kept = np.flatnonzero(fold.kept)
    # distance sums of the kept nodes on the reduced network, weighted by folded sizes
    R = L[kept][:, kept].tocsr()
    weight = fold.size[kept].astype(np.float64)
    hang = np.bincount(labels[kept], weights=fold.depth_sum[kept], minlength=ncomp)
    total = np.zeros(n)
    if R.nnz:
        total[kept] = _weighted_distance_sums(R, weight, chunk=chunk)
    total[kept] += hang[labels[kept]]
    # the folded nodes, from their parents (reverse folding order: parents first)
    r_c = comp_size[labels].astype(np.float64)
    for v in fold.order[::-1].tolist():
        total[v] = total[fold.parent[v]] + fold.length[v] * (r_c[v] - 2.0 * fold.size[v])
    reach = r_c - 1.0
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(total > 0, (reach / total) * (reach / (n - 1)), 0.0)
    return out
