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
their neighbours (networkit's compiled searches, else scipy's).

Betweenness likewise (:func:`plan_betweenness`): the engine's plain Brandes runs
on the reduced network only; what the folded actors add is the accumulation
from the reduced actors that carry folded trees, with weighted targets (no
compiled kernel offers weighted sources and targets, so it runs vectorised over
batches of sources with numpy: :func:`weighted_dependencies`), plus closed
formulas for the paths inside the trees. On the connected programme stand-in
the engine then sees 13,420 of 27,238 actors and 75,164 of 103,800 arcs, and
the correction runs from the 1,000 actors with trees (the houses).
Decomposition at articulation points (Puzis, Zilberman & Elovici 2013) is not
done: the 2-core of that network is one block.

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

from ._lengths import integer_lengths

__all__ = [
    "Folding",
    "BetweennessFolding",
    "fold_pendants",
    "closeness_folded",
    "plan_betweenness",
    "weighted_dependencies",
]


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


@dataclass
class BetweennessFolding:
    """Betweenness of a symmetric network from its reduced network, exactly.

    Made by :func:`plan_betweenness`. The engine computes plain betweenness on
    the reduced network ``W[kept][:, kept]`` (:attr:`reduced`);
    :meth:`combine` adds what the folded trees contribute.

    With ``w(b) = size(b)`` the actors folded into a kept actor b (itself
    included) and ``p(b) = w(b) - 1``, the pairs of actors whose shortest paths
    run through the reduced network count ``sum_{s,t} w(s) w(t) delta_st(v)``
    (``delta_st(v) = sigma_st(v) / sigma_st``), which is the engine's plain sum
    plus ``sum_{s,t} (w(s) w(t) - 1) delta_st(v)``. That difference is non-zero
    only when ``p(s) > 0`` or ``p(t) > 0``; with ``delta_st = delta_ts``
    (undirected) it is a sum over the sources with ``p(s) > 0`` alone, with
    target coefficients ``2 p(s)`` for targets with ``p(t) = 0`` and
    ``w(s) w(t) - 1`` otherwise: one generalised Brandes accumulation from
    those sources (:func:`weighted_dependencies`). Paths inside a tree are
    unique: an actor u with folded subtree size ``size(u)`` in a component
    of ``N`` actors lies on the paths between its children's subtrees and on
    the ``(size(u) - 1)(N - size(u))`` paths leaving its subtree.
    """

    fold: Folding
    kept: np.ndarray
    reduced: sp.csr_array
    lengths: np.ndarray | None
    comp_size: np.ndarray
    _correction: np.ndarray | None = None

    def correction(self, *, batch: int | None = None) -> np.ndarray:
        """What the folded actors add to the reduced network's betweenness (kept once computed).

        Independent of the engine's result, so it can run while the engine
        works in another process (:class:`quartiernetz.roles._kernels.PendingBetweenness`).

        Parameters
        ----------
        batch : int, optional
            Sources per vectorised batch (default: as many as keep the work
            arrays near 64 MB).
        """
        if self._correction is None:
            fold, kept = self.fold, self.kept
            n = len(fold.kept)
            size = fold.size.astype(np.float64)
            out = np.zeros(n)
            w = size[kept]
            sources = np.flatnonzero(w > 1)
            if len(sources) and self.reduced.nnz:
                out[kept] = weighted_dependencies(
                    self.reduced, self.lengths, w, sources, batch=batch
                )
            # the trees: paths between children's subtrees and paths leaving a subtree
            folded = fold.order
            s1 = np.bincount(fold.parent[folded], weights=size[folded], minlength=n)
            s2 = np.bincount(fold.parent[folded], weights=size[folded] ** 2, minlength=n)
            unordered = (s1**2 - s2) / 2.0 + (size - 1.0) * (self.comp_size - size)
            self._correction = out + 2.0 * unordered
        return self._correction

    def combine(self, reduced_raw: np.ndarray, *, batch: int | None = None) -> np.ndarray:
        """Raw betweenness over ordered pairs of the whole network.

        Parameters
        ----------
        reduced_raw : ndarray
            The engine's raw betweenness (ordered pairs) of :attr:`reduced`.
        batch : int, optional
            As in :meth:`correction`.
        """
        out = self.correction(batch=batch).copy()
        out[self.kept] += reduced_raw
        return out


def plan_betweenness(W: sp.csr_array, *, weighted: bool) -> BetweennessFolding | None:
    """Fold the trees of a symmetric network for betweenness, or None when it does not pay.

    Parameters
    ----------
    W : csr_array
        Symmetric tie strengths (zero diagonal).
    weighted : bool
        True: tie lengths ``1 / W_ij``, which must be exact integers after
        scaling (:func:`quartiernetz.roles._kernels.integer_lengths`, passed as
        the lengths of the reduced network); otherwise lengths 1.

    Returns
    -------
    BetweennessFolding or None
        None for a directed network, a small one (:data:`FOLD_MIN_WORK`),
        when less than :data:`FOLD_MIN_SHARE` of the actors fold away, or
        when the correction's sources would cost more than the engine saves
        (:data:`FOLD_CORRECTION_COST`).
    """
    n = W.shape[0]
    if n < 3 or W.nnz == 0 or float(n) * W.nnz < FOLD_MIN_WORK or (W != W.T).nnz:
        return None
    L = W.copy()
    L.data = np.ones_like(L.data, dtype=np.float64)
    fold = fold_pendants(L)
    kept = np.flatnonzero(fold.kept)
    if n - len(kept) < FOLD_MIN_SHARE * n:
        return None
    R = W[kept][:, kept].tocsr()
    R.sort_indices()
    sources = int((fold.size[kept] > 1).sum())
    # engine visits saved against vectorised visits of the correction (per source: all arcs)
    saved = float(n) * W.nnz - float(len(kept)) * R.nnz
    if FOLD_CORRECTION_COST * sources * R.nnz >= saved:
        return None
    lengths = None
    if weighted:
        lengths = integer_lengths(R)
        if lengths is None:
            return None
    ncomp, labels = csgraph.connected_components(W, directed=False)
    comp_size = np.bincount(labels, minlength=ncomp)[labels].astype(np.float64)
    return BetweennessFolding(fold, kept, R, lengths, comp_size)


#: Fold only when at least this share of the actors folds away.
FOLD_MIN_SHARE = 0.05
#: Fold only networks whose plain betweenness visits at least this many arcs (about
#: a second on the engine): smaller ones keep the plain engine's exact sums, so that
#: their results (and tied ranks) stay bit for bit as before.
FOLD_MIN_WORK = 2.0e7
#: Cost of one arc visit of the vectorised correction in engine arc visits. Measured on
#: the connected programme stand-in (CPU time, load average 6-7): the correction from
#: 1,000 sources over 75,164 arcs took 8.1 s (108 ns per visit), the engine 64.9 s on the
#: reduced network (64 ns) and 224.5 s on the whole (79 ns): about 1.7; 2 errs on the
#: side of the plain engine.
FOLD_CORRECTION_COST = 2.0


def weighted_dependencies(
    R: sp.csr_array,
    lengths: np.ndarray | None,
    w: np.ndarray,
    sources: np.ndarray,
    *,
    batch: int | None = None,
) -> np.ndarray:
    """``sum_{s in sources} sum_t c_st delta_st(v)`` for every node v, vectorised over sources.

    The Brandes (2001) accumulation ``delta_s(v) = sum_{w: v -> w} sigma_sv / sigma_sw
    (c_sw + delta_s(w))`` with target coefficients ``c_st = 2 p(s)`` where
    ``p(t) = 0`` and ``w(s) w(t) - 1`` otherwise (``p = w - 1``; see
    :class:`BetweennessFolding`). Distances come from scipy's compiled searches
    (breadth-first, or Dijkstra on the exact integer ``lengths``, so that equal
    path lengths compare equal); the shortest-path counts and dependencies run
    over the arcs of the shortest-path DAGs of a batch of sources at once, in
    the rounds of Kahn's topological order.

    Examples
    --------
    >>> import networkx as nx
    >>> R = nx.to_scipy_sparse_array(nx.path_graph(3), format="csr", dtype=float)
    >>> weighted_dependencies(R, None, np.array([2.0, 1.0, 1.0]), np.array([0])).tolist()
    [0.0, 2.0, 0.0]
    """
    m = R.shape[0]
    out = np.zeros(m)
    indptr = R.indptr.astype(np.int64)
    heads = R.indices.astype(np.int64)
    tails = np.repeat(np.arange(m, dtype=np.int64), np.diff(indptr))
    arc_len = np.ones(len(heads)) if lengths is None else np.asarray(lengths, dtype=np.float64)
    p = w - 1.0
    if batch is None:
        batch = max(1, min(len(sources), int(8_000_000 // max(1, len(heads)))))
    G = R.copy()
    G.data = arc_len
    for start in range(0, len(sources), batch):
        src = np.asarray(sources[start : start + batch], dtype=np.int64)
        b = len(src)
        D = csgraph.dijkstra(G, directed=True, indices=src, unweighted=lengths is None)
        # arcs on shortest paths: d(s, tail) + length == d(s, head), exactly
        Dt = D[:, tails]
        on = ((Dt + arc_len) == D[:, heads]) & np.isfinite(Dt)
        bi, ai = np.nonzero(on)
        level = Dt[bi, ai] if lengths is None else None
        del Dt, on
        t_flat = bi * m + tails[ai]
        h_flat = bi * m + heads[ai]
        del bi, ai
        root = np.arange(b, dtype=np.int64) * m + src
        sigma = np.zeros(b * m)
        sigma[root] = 1.0
        rounds = (
            _bfs_rounds(level) if level is not None else _kahn_rounds(t_flat, h_flat, root, b * m)
        )
        for ids in rounds:  # in topological order: a round's tails are complete
            sigma += np.bincount(h_flat[ids], weights=sigma[t_flat[ids]], minlength=b * m)
        # target coefficients of each (source, node)
        ps = np.repeat(p[src], m)
        pt = np.tile(p, b)
        coef = np.where(pt > 0, (ps + 1.0) * (pt + 1.0) - 1.0, 2.0 * ps)
        coef[root] = 0.0
        delta = np.zeros(b * m)
        for ids in reversed(rounds):
            ts, hs = t_flat[ids], h_flat[ids]
            share = sigma[ts] / sigma[hs] * (coef[hs] + delta[hs])
            delta += np.bincount(ts, weights=share, minlength=b * m)
        delta[root] = 0.0
        out += delta.reshape(b, m).sum(axis=0)
    return out


def _bfs_rounds(level: np.ndarray) -> list[np.ndarray]:
    """Arcs of breadth-first DAGs grouped by the distance of their tail (0, 1, ...)."""
    if len(level) == 0:
        return []
    lv = level.astype(np.int64)
    order = np.argsort(lv, kind="stable")
    bounds = np.searchsorted(lv[order], np.arange(int(lv.max()) + 2))
    return [order[bounds[i] : bounds[i + 1]] for i in range(len(bounds) - 1)]


def _kahn_rounds(
    t_flat: np.ndarray, h_flat: np.ndarray, root: np.ndarray, size: int
) -> list[np.ndarray]:
    """Arcs of shortest-path DAGs in rounds of Kahn's topological order.

    Round r holds the arcs leaving the nodes whose incoming arcs all lie in
    earlier rounds, so every tail's count is complete when its round runs.
    """
    order = np.argsort(t_flat, kind="stable")
    starts = np.searchsorted(t_flat[order], np.arange(size + 1))
    indeg = np.bincount(h_flat, minlength=size)
    slot = np.empty(size, dtype=np.int64)
    frontier = root
    rounds: list[np.ndarray] = []
    while len(frontier):
        counts = starts[frontier + 1] - starts[frontier]
        total = int(counts.sum())
        if total == 0:
            break
        offs = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        ids = order[np.repeat(starts[frontier], counts) + offs]
        rounds.append(ids)
        hs = h_flat[ids]
        indeg -= np.bincount(hs, minlength=size)
        ready = hs[indeg[hs] == 0]
        slot[ready] = np.arange(len(ready))  # each node once: the last write wins
        frontier = ready[slot[ready] == np.arange(len(ready))]
    return rounds
