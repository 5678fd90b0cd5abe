"""Exact shortcuts from the structure of a network: trees and blocks hanging on one actor.

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

Betweenness goes further (:func:`plan_betweenness`): the reduced network is
split at its articulation points into blocks (Puzis, Zilberman & Elovici 2013;
one depth-first search, :func:`reduced_blocks`), and the engine's plain Brandes
runs on the blocks only, side by side. What the folded trees and the other
blocks add is an accumulation from the actors where paths enter a block, with
weighted targets (no compiled kernel offers weighted sources and targets, so
it runs vectorised over batches of sources with numpy:
:func:`weighted_dependencies`), plus closed formulas for the pairs an actor
separates. On the connected programme stand-in the 2-core is one block: the
engine then sees 13,420 of 27,238 actors and 75,164 of 103,800 arcs, and the
correction runs from the 1,000 actors with trees (the houses). Where quarters
hang on a city's network by one actor each, every quarter is a block of its own.

References
----------
.. [1] Baglioni, M., Geraci, F., Pellegrini, M. & Lastres, E. (2012). Fast
   exact computation of betweenness centrality in social networks. ASONAM 2012,
   450-456. doi:10.1109/ASONAM.2012.79
.. [2] Puzis, R., Zilberman, P. & Elovici, Y. (2013). Heuristics for speeding
   up betweenness centrality computation. SocialCom 2012, 302-311.
   doi:10.1109/SocialCom-PASSAT.2012.66
.. [3] Hopcroft, J. & Tarjan, R. (1973). Algorithm 447: efficient algorithms
   for graph manipulation. Communications of the ACM 16(6), 372-378.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
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
    "reduced_blocks",
    "Blocks",
    "forced",
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
    found = None
    if R.nnz and float(n) * L.nnz >= FOLD_MIN_WORK:
        found = reduced_blocks(R, weight, comp_size[labels[kept]].astype(np.float64))
        _, r_labels = csgraph.connected_components(R, directed=False)
        if len(found.members) == np.count_nonzero(np.bincount(r_labels) > 1):
            found = None  # one block per component: nothing to split
    if found is not None:
        total[kept] = _block_distance_sums(R, found, fold.depth_sum[kept], chunk=chunk)
    elif R.nnz:
        total[kept] = _weighted_distance_sums(R, weight, chunk=chunk) + hang[labels[kept]]
    else:
        total[kept] = hang[labels[kept]]
    # the folded nodes, from their parents (reverse folding order: parents first)
    r_c = comp_size[labels].astype(np.float64)
    for v in fold.order[::-1].tolist():
        total[v] = total[fold.parent[v]] + fold.length[v] * (r_c[v] - 2.0 * fold.size[v])
    reach = r_c - 1.0
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(total > 0, (reach / total) * (reach / (n - 1)), 0.0)
    return out


def _block_distance_sums(
    R: sp.csr_array, found: Blocks, hang: np.ndarray, *, chunk: int
) -> np.ndarray:
    """Distance sums of the reduced network's actors from its blocks (exact).

    ``hang``: each actor's sum of distances to the trees folded into it. A
    target outside a block B is reached through the actor x of B it hangs
    on, so for v in B ``S(v) = sum_{x in B} (w_B(x) d_B(v, x) + h_B(x))``
    with ``w_B`` the block's reach (:class:`Blocks`) and ``h_B(x)`` the sum of
    distances from x to what hangs on x outside B. The weighted sums inside
    the blocks come from one search per actor and block
    (:func:`_weighted_distance_sums` on the blocks side by side); the ``h_B``
    from two passes over the block-cut tree: upwards, what hangs below each
    block's lower actors; downwards, from the root's full sum, what hangs
    above each block's top, ``h_B(top) = S(top) - sum_B(top) - below_B``.
    """
    m = R.shape[0]
    U, _, bounds = _side_by_side(R, found.members)
    weight = np.concatenate(found.reach)
    wsum = _weighted_distance_sums(U, weight, chunk=chunk)
    spans = [
        (b, wsum[bounds[k] : bounds[k + 1]], int(np.searchsorted(b, t)))
        for k, (b, t) in enumerate(zip(found.members, found.tops.tolist(), strict=True))
    ]
    down = np.asarray(hang, dtype=np.float64).copy()  # what hangs below each actor
    below = np.zeros(len(spans))  # each block's lower actors' h_B, summed
    lower = np.zeros(m, dtype=bool)
    for k, (b, ws, top) in enumerate(spans):  # closing order: blocks below come first
        rest = np.delete(b, top)
        lower[rest] = True
        below[k] = down[rest].sum()
        down[b[top]] += ws[top] + below[k]
    total = np.where(lower, 0.0, down)  # the search's roots: everything hangs below them
    for k in range(len(spans) - 1, -1, -1):  # from the roots down
        b, ws, top = spans[k]
        above = total[b[top]] - ws[top] - below[k]
        rest = np.delete(np.arange(len(b)), top)
        total[b[rest]] = ws[rest] + below[k] + above
    return total


@dataclass
class BetweennessFolding:
    """Betweenness of a symmetric network from its reduced blocks, exactly.

    Made by :func:`plan_betweenness`. The engine computes plain betweenness on
    :attr:`reduced`: the blocks of three or more actors of the reduced network
    (trees folded away), side by side, an actor at the joint of several blocks
    once in each; :meth:`combine` adds what the folded trees and the joints
    contribute.

    A shortest path between two actors of one block stays inside it, and a
    shortest path between any two actors runs through the blocks of the
    block-cut tree between them, entering and leaving each at one actor
    (Puzis, Zilberman & Elovici 2013). So an actor v counts (i) the pairs it
    separates -- in its trees, between its trees and the rest, and between the
    pieces of the reduced network that its removal leaves (:class:`Blocks`,
    ``pieces_sq``) -- and (ii) in each of its blocks
    ``sum_{s,t} w(s) w(t) delta_st(v)`` over the block's actors s, t with
    ``w(x)`` the actors whose paths enter the block at x (:class:`Blocks`,
    ``reach``; with a single block, the actors folded into x).
    (ii) is the engine's plain sum plus ``sum_{s,t} (w(s) w(t) - 1)
    delta_st(v)``, non-zero only when ``p(s) = w(s) - 1 > 0`` or ``p(t) > 0``;
    with ``delta_st = delta_ts`` (undirected) a sum over the sources with
    ``p(s) > 0`` alone, with target coefficients ``2 p(s)`` for targets with
    ``p(t) = 0`` and ``w(s) w(t) - 1`` otherwise: one generalised Brandes
    accumulation from those sources (:func:`weighted_dependencies`), per batch
    of blocks. Paths inside a tree are unique: an actor u with folded subtree
    size ``size(u)`` in a component of ``N`` actors lies on the paths between
    its children's subtrees and on the ``(size(u) - 1)(N - size(u))`` paths
    leaving its subtree.
    """

    fold: Folding
    #: For each node of :attr:`reduced`, its actor in the whole network.
    nodes: np.ndarray
    reduced: sp.csr_array
    #: ``w`` of each node of :attr:`reduced` in its block.
    reach: np.ndarray
    #: Node ranges of :attr:`reduced` that the correction takes at once (whole blocks).
    chunks: list[tuple[int, int]]
    lengths: np.ndarray | None
    comp_size: np.ndarray
    #: Pairs of reduced pieces joined only through each actor (:class:`Blocks`).
    pieces_sq: np.ndarray
    #: Blocks of the reduced network, bridges included.
    blocks: int
    #: Arc visits of the engine on :attr:`reduced`, and of the correction.
    engine_work: float
    correction_work: float
    _correction: np.ndarray | None = None

    def correction(self, *, batch: int | None = None) -> np.ndarray:
        """What the folded trees and the joints add to the blocks' betweenness (kept once computed).

        Independent of the engine's result, so it can run while the engine
        works in another process (:class:`quartiernetz.roles._kernels.PendingBetweenness`).

        Parameters
        ----------
        batch : int, optional
            Sources per vectorised batch (default: as many as keep the work
            arrays near 64 MB).
        """
        if self._correction is None:
            fold = self.fold
            n = len(fold.kept)
            size = fold.size.astype(np.float64)
            out = np.zeros(n)
            R = self.reduced
            for lo, hi in self.chunks:
                a, b = int(R.indptr[lo]), int(R.indptr[hi])
                w = self.reach[lo:hi]
                sources = np.flatnonzero(w > 1)
                if not len(sources) or a == b:
                    continue
                part = sp.csr_array(
                    (R.data[a:b], R.indices[a:b] - lo, R.indptr[lo : hi + 1] - a),
                    shape=(hi - lo, hi - lo),
                )
                lengths = None if self.lengths is None else self.lengths[a:b]
                got = weighted_dependencies(part, lengths, w, sources, batch=batch)
                out += np.bincount(self.nodes[lo:hi], weights=got, minlength=n)
            # the trees: paths between children's subtrees and paths leaving a subtree
            folded = fold.order
            s1 = np.bincount(fold.parent[folded], weights=size[folded], minlength=n)
            s2 = np.bincount(fold.parent[folded], weights=size[folded] ** 2, minlength=n)
            unordered = (s1**2 - s2) / 2.0 + (size - 1.0) * (self.comp_size - size)
            self._correction = out + 2.0 * (unordered + self.pieces_sq)
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
        n = len(self.fold.kept)
        return self.correction(batch=batch) + np.bincount(
            self.nodes, weights=reduced_raw, minlength=n
        )


def plan_betweenness(
    W: sp.csr_array, *, weighted: bool, fold: Folding | None = None
) -> BetweennessFolding | None:
    """Fold the trees and split the blocks of a symmetric network, or None when it does not pay.

    Parameters
    ----------
    W : csr_array
        Symmetric tie strengths (zero diagonal).
    weighted : bool
        True: tie lengths ``1 / W_ij``, which must be exact integers after
        scaling (:func:`quartiernetz.roles._kernels.integer_lengths`, passed as
        the lengths of the reduced network); otherwise lengths 1.
    fold : Folding, optional
        ``fold_pendants`` of W's pattern, when the caller has it already.

    Returns
    -------
    BetweennessFolding or None
        None for a directed network, a small one (:data:`FOLD_MIN_WORK`),
        when the engine's work would shrink by less than
        :data:`FOLD_MIN_SHARE`, or when the correction would cost more than
        the engine saves (:data:`FOLD_CORRECTION_COST`).

    Examples
    --------
    Two triangles joined at one actor, with a tail:

    >>> import networkx as nx
    >>> from quartiernetz.roles import _decompose as D
    >>> G = nx.Graph([(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 2), (4, 5)])
    >>> W = nx.to_scipy_sparse_array(G, format="csr", dtype=float)
    >>> with D.forced():
    ...     plan = D.plan_betweenness(W, weighted=False)
    >>> plan.blocks, plan.nodes.tolist(), plan.reach.tolist()
    (2, [0, 1, 2, 2, 3, 4], [1.0, 1.0, 4.0, 3.0, 1.0, 2.0])
    >>> blocks = nx.from_scipy_sparse_array(plan.reduced)
    >>> raw = nx.betweenness_centrality(blocks, normalized=False)  # unordered pairs
    >>> (plan.combine(2 * np.array([raw[i] for i in blocks])) / 2).tolist()  # = networkx on G
    [0.0, 0.0, 6.0, 0.0, 4.0, 0.0]
    """
    n = W.shape[0]
    if n < 3 or W.nnz == 0 or float(n) * W.nnz < FOLD_MIN_WORK or (W != W.T).nnz:
        return None
    if fold is None:
        L = W.copy()
        L.data = np.ones_like(L.data, dtype=np.float64)
        fold = fold_pendants(L)
    kept = np.flatnonzero(fold.kept)
    R = W[kept][:, kept].tocsr()
    R.sort_indices()
    ncomp, labels = csgraph.connected_components(W, directed=False)
    comp_size = np.bincount(labels, minlength=ncomp)[labels].astype(np.float64)
    found = reduced_blocks(R, fold.size[kept], comp_size[kept])
    # blocks of two (bridges) hold no actor inside a shortest path
    big = [i for i, b in enumerate(found.members) if len(b) >= 3]
    order = [big[k] for k in np.argsort([int(found.members[i][0]) for i in big], kind="stable")]
    U, local, bounds = _side_by_side(R, [found.members[i] for i in order])
    reach = np.concatenate([found.reach[i] for i in order]) if order else np.zeros(0)
    sizes = np.diff(bounds)
    m = U.shape[0]
    arcs = np.diff(U.indptr)
    block_arcs = np.add.reduceat(arcs, bounds[:-1]) if m else np.zeros(0)
    engine_work = float((sizes * block_arcs).sum())
    # the plain engine's arc visits: every arc of a component from each of its actors
    comp_arcs = np.bincount(labels, weights=np.diff(W.indptr), minlength=ncomp)
    plain = float((np.bincount(labels, minlength=ncomp) * comp_arcs).sum())
    saved = plain - engine_work
    if saved < FOLD_MIN_SHARE * plain:
        return None
    chunks = _chunks(bounds)
    carriers = reach > 1
    correction_work = sum(
        float(carriers[lo:hi].sum()) * float(U.indptr[hi] - U.indptr[lo]) for lo, hi in chunks
    )
    if FOLD_CORRECTION_COST * correction_work >= saved:
        return None
    lengths = None
    if weighted and U.nnz:
        lengths = integer_lengths(U)
        if lengths is None:
            return None
    pieces_sq = np.zeros(n)
    pieces_sq[kept] = found.pieces_sq
    return BetweennessFolding(
        fold=fold,
        nodes=kept[local],
        reduced=U,
        reach=reach,
        chunks=chunks,
        lengths=lengths,
        comp_size=comp_size,
        pieces_sq=pieces_sq,
        blocks=len(found.members),
        engine_work=engine_work,
        correction_work=correction_work,
    )


def _side_by_side(
    R: sp.csr_array, members: list[np.ndarray]
) -> tuple[sp.csr_array, np.ndarray, np.ndarray]:
    """The blocks of ``R`` as separate components, an actor once per block it is in.

    Returns the matrix, the actor (row of ``R``) of each of its nodes, and the
    node range of each block (``bounds[k]:bounds[k + 1]``).
    """
    sizes = np.array([len(b) for b in members], dtype=np.int64)
    bounds = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    m = int(bounds[-1])
    if not m:
        return sp.csr_array((0, 0)), np.zeros(0, np.int64), bounds
    rows, cols, data = [], [], []
    for k, b in enumerate(members):
        B = R[b][:, b].tocoo()
        rows.append(B.row + bounds[k])
        cols.append(B.col + bounds[k])
        data.append(B.data)
    U = sp.coo_array(
        (np.concatenate(data), (np.concatenate(rows), np.concatenate(cols))), shape=(m, m)
    ).tocsr()
    U.sort_indices()
    return U, np.concatenate(members), bounds


def _chunks(bounds: np.ndarray) -> list[tuple[int, int]]:
    """Consecutive blocks grouped into node ranges of at most :data:`CHUNK_NODES`.

    A block larger than that is a range of its own.
    """
    chunks: list[tuple[int, int]] = []
    lo = 0
    for k in range(1, len(bounds)):
        if bounds[k] - lo > CHUNK_NODES and bounds[k - 1] > lo:
            chunks.append((lo, int(bounds[k - 1])))
            lo = int(bounds[k - 1])
    if len(bounds) and bounds[-1] > lo:
        chunks.append((lo, int(bounds[-1])))
    return chunks


@contextmanager
def forced() -> Iterator[None]:
    """Decompose whatever decomposes, however small (for examples and tests)."""
    saved = FOLD_MIN_SHARE, FOLD_MIN_WORK, FOLD_CORRECTION_COST
    globals().update(FOLD_MIN_SHARE=0.0, FOLD_MIN_WORK=0.0, FOLD_CORRECTION_COST=0.0)
    try:
        yield
    finally:
        g = globals()
        g["FOLD_MIN_SHARE"], g["FOLD_MIN_WORK"], g["FOLD_CORRECTION_COST"] = saved


#: Decompose only when the engine's work shrinks by at least this share.
FOLD_MIN_SHARE = 0.05
#: Decompose only networks whose plain betweenness visits at least this many arcs (about
#: a second on the engine): smaller ones keep the plain engine's exact sums, so that
#: their results (and tied ranks) stay bit for bit as before.
FOLD_MIN_WORK = 2.0e7
#: Cost of one arc visit of the vectorised correction in engine arc visits. Measured on
#: the connected programme stand-in (CPU time, load average 6-7): the correction from
#: 1,000 sources over 75,164 arcs took 8.1 s (108 ns per visit), the engine 64.9 s on the
#: reduced network (64 ns) and 224.5 s on the whole (79 ns): about 1.7; 2 errs on the
#: side of the plain engine.
FOLD_CORRECTION_COST = 2.0
#: Nodes of the blocks side by side that one call of the correction takes (small blocks
#: together, so that a thousand triangles are not a thousand calls; each source's work
#: arrays span the whole range).
CHUNK_NODES = 2048


@dataclass
class Blocks:
    """The blocks (biconnected components) of a network's reduced network, with weights.

    Made by :func:`reduced_blocks`. Indices are positions in the reduced network
    (the kept actors of a :class:`Folding`).

    Attributes
    ----------
    members : list of ndarray of int
        The actors of each block, ascending, in the order the search closed
        them: a block comes after every block below it (two actors: a bridge).
    reach : list of ndarray of float
        For each block and each of its actors x: the actors of the whole
        network whose shortest paths into the block enter at x -- x, the
        trees folded into it and everything hanging on x outside the block.
    tops : ndarray of int
        The actor of each block nearest the search's root: the block hangs
        on the rest of the network there (every other actor of the block is
        on top of the blocks below it).
    pieces_sq : ndarray of float
        ``((sum_i p_i)^2 - sum_i p_i^2) / 2`` over the pieces ``p_i`` of the
        reduced network (with their folded trees) that an actor's removal
        leaves: pairs of such pieces are joined only through that actor.
    """

    members: list[np.ndarray]
    reach: list[np.ndarray]
    tops: np.ndarray
    pieces_sq: np.ndarray


def reduced_blocks(R: sp.csr_array, w: np.ndarray, total: np.ndarray) -> Blocks:
    """Blocks of a symmetric network from one depth-first search (Hopcroft & Tarjan 1973).

    Parameters
    ----------
    R : csr_array
        Symmetric matrix of the reduced network.
    w : ndarray
        Actors folded into each node, itself included.
    total : ndarray
        Size of each node's connected component in the whole network.

    Notes
    -----
    A block is found at the node v where the search returns from a child c
    whose low point does not climb above v; v is the block's top. The part
    of the network hanging below c is then the piece that v's removal cuts
    off on the block's side, so the block's weight at its top is the rest of
    the component, ``total - sub(c)``; at any other member x it is x's own
    weight plus the subtrees of the children of x that start blocks below x.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 2)])  # a bowtie
    >>> R = nx.to_scipy_sparse_array(G, format="csr")
    >>> b = reduced_blocks(R, np.ones(5), np.full(5, 5.0))
    >>> [m.tolist() for m in b.members], [r.tolist() for r in b.reach]
    ([[2, 3, 4], [0, 1, 2]], [[3.0, 1.0, 1.0], [1.0, 1.0, 3.0]])
    >>> b.pieces_sq.tolist()
    [0.0, 0.0, 4.0, 0.0, 0.0]
    """
    m = R.shape[0]
    indptr = R.indptr.tolist()
    indices = R.indices.tolist()
    wl = np.asarray(w, dtype=np.float64).tolist()
    tot = np.asarray(total, dtype=np.float64).tolist()
    disc = [-1] * m
    low = [0] * m
    sub = wl[:]  # weight of each node's subtree of the search
    below = [0.0] * m  # subtrees of children that start blocks below the node
    pieces: list[list[float]] = [[] for _ in range(m)]
    members: list[np.ndarray] = []
    tops: list[int] = []
    reach: list[np.ndarray] = []
    stack: list[int] = []  # nodes of the blocks not yet closed
    clock = 0
    for root in range(m):
        if disc[root] >= 0:
            continue
        disc[root] = low[root] = clock
        clock += 1
        stack.append(root)
        path = [(root, indptr[root])]  # (node, next arc to look at)
        while path:
            v, p = path[-1]
            if p < indptr[v + 1]:
                path[-1] = (v, p + 1)
                u = indices[p]
                if disc[u] < 0:
                    disc[u] = low[u] = clock
                    clock += 1
                    stack.append(u)
                    path.append((u, indptr[u]))
                elif disc[u] < low[v]:
                    low[v] = disc[u]
                continue
            path.pop()
            if not path:
                stack.pop()  # the root, which closed its blocks already
                break
            c, (v, _) = v, path[-1]
            sub[v] += sub[c]
            if low[c] < low[v]:
                low[v] = low[c]
            if low[c] < disc[v]:
                continue
            # a block: v on top, c and what the stack holds above it below
            block = []
            while True:
                x = stack.pop()
                block.append(x)
                if x == c:
                    break
            below[v] += sub[c]
            top_reach = tot[v] - sub[c]
            pieces[v].append(sub[c])
            block.append(v)
            r = np.array([wl[x] + below[x] for x in block[:-1]] + [top_reach])
            for x, rx_ in zip(block[:-1], r[:-1].tolist(), strict=True):
                pieces[x].append(tot[x] - rx_)
            order = np.argsort(block)
            nodes = np.asarray(block, dtype=np.int64)[order]
            r = r[order]
            members.append(nodes)
            reach.append(r)
            tops.append(v)
    sq = np.zeros(m)
    for v in range(m):
        if len(pieces[v]) > 1:
            arr = np.asarray(pieces[v])
            sq[v] = (arr.sum() ** 2 - (arr**2).sum()) / 2.0
    return Blocks(members=members, reach=reach, tops=np.asarray(tops, dtype=np.int64), pieces_sq=sq)


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
