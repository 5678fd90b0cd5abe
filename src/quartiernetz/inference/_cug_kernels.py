"""The heavy statistics of the CUG test: betweenness and transitivity of random graphs.

Kept apart from :mod:`quartiernetz.inference.cug` so that its worker processes
(:mod:`quartiernetz.inference._cug_worker`) import what they compute with, and
without imports from quartiernetz: a worker loads this file alone (numpy, rustworkx
and, when there, numba), not the package.
"""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import numpy as np

try:  # compiled Brandes betweenness (a dependency of quartiernetz)
    import rustworkx as rx
except ImportError:  # pragma: no cover
    rx = None


__all__ = [
    "Work",
    "adjacency",
    "is_dense",
    "possible",
    "betweenness",
    "betweenness_dense",
    "betweenness_compiled",
    "compiled",
    "route",
    "betweenness_centralization",
    "transitivity",
    "KERNELS",
    "block",
    "DENSE_FROM",
    "DENSE_ACTORS",
    "COMPILED_FROM",
    "COMPILED_DENSE_FROM",
    "dyad_cells",
    "dyad_adjacency",
    "LANES",
]

#: Share of possible ties from which transitivity and, without numba, betweenness use
#: dense matrix products instead of sparse ones. Measured at 500 actors (one BLAS
#: thread, undirected): the dense Brandes (numpy only) takes 42 ms at 1.7 % density,
#: 41 ms at 2.5 %, 31 ms at 3.2 %, 21 ms at 10 % and 12 ms at 50 %; rustworkx's takes
#: 43, 42, 55, 97 and 860 ms.
DENSE_FROM = 0.025
#: Actors up to which the dense kernels are used (each keeps a few n x n arrays per
#: distance level: about 100 MB at 2,000 actors).
DENSE_ACTORS = 2000
#: Actors x ties from which betweenness uses the compiled kernel (numba, where
#: importable): below, rustworkx's Brandes takes less than a millisecond per graph,
#: and importing numba and loading the kernel costs 0.6-1 s of CPU per process (about
#: 5 s the first time, when it compiles).
COMPILED_FROM = 25_000
#: With the compiled kernel, the share of possible ties from which betweenness uses
#: the dense matrix products instead. Measured (one BLAS thread, undirected; directed
#: alike) at 500 actors: the compiled kernel takes 4.5 ms at 1.7 % density, 8.5 ms at
#: 5 %, 14 ms at 10 %, 24 ms at 20 % and 56 ms at 50 %; the dense one 37, 16, 18, 9 and
#: 9 ms (fewer distance levels from about 16 %). Equal at 8-10 % at 200 actors and at
#: 10-15 % at 500 and 1,000.
COMPILED_DENSE_FROM = 0.1
#: Sources per pass of the compiled kernel: the breadth-first search keeps one bit per
#: source in a 64-bit word per actor, the path counts one row of this many per actor
#: (measured at 500 actors and 2,087 ties: 4.5 ms per graph; 7 ms with 32 lanes and
#: double-precision distances, 46 ms with 16, whose rows the compiler leaves unvectorised).
LANES = 64
#: Off: rustworkx runs Brandes single-threaded, so that the sums are in a fixed order
#: (its parallel mode adds the sources in varying order: last-digit differences).
SERIAL = 2**62


class Work:
    """n x n arrays reused from one random graph to the next.

    A fresh array of that size is zeroed by the system page by page on first use,
    which costs more than the arithmetic on it (about 1.5 ms per 2 MB array here).
    """

    def __init__(self) -> None:
        self._arrays: dict[str, np.ndarray] = {}

    def array(self, name: str, n: int, dtype: Any = float) -> np.ndarray:
        a = self._arrays.get(name)
        if a is None or a.shape != (n, n) or a.dtype != dtype:
            a = self._arrays[name] = np.empty((n, n), dtype=dtype)
        return a


def adjacency(
    n: int,
    directed: bool,
    src: np.ndarray,
    dst: np.ndarray,
    dtype: Any = float,
    work: Work | None = None,
) -> np.ndarray:
    """The 0/1 adjacency matrix (mirrored when undirected), in ``work`` if given."""
    A = (work or Work()).array("adjacency", n, dtype)
    A.fill(0)
    flat = A.reshape(-1)
    src, dst = src.astype(np.intp), dst.astype(np.intp)
    flat[src * n + dst] = 1
    if not directed:
        flat[dst * n + src] = 1
    return A


def is_dense(n: int, directed: bool, m: int) -> bool:
    """Whether a graph of ``m`` ties is dense enough for the matrix-product kernels."""
    return n <= DENSE_ACTORS and m >= DENSE_FROM * possible(n, directed)


def possible(n: int, directed: bool) -> int:
    return n * (n - 1) if directed else n * (n - 1) // 2


def route(n: int, directed: bool, m: int) -> str:
    """The kernel :func:`betweenness` uses for a graph of ``m`` ties: ``"compiled"``
    (numba, where importable, for graphs of at least :data:`COMPILED_FROM` actors x
    ties), ``"dense"`` (matrix products) or ``"rustworkx"``."""
    if n * m >= COMPILED_FROM and compiled() is not None:
        if n <= DENSE_ACTORS and m >= COMPILED_DENSE_FROM * possible(n, directed):
            return "dense"
        return "compiled"
    return "dense" if is_dense(n, directed, m) else "rustworkx"


def betweenness(
    n: int, directed: bool, src: np.ndarray, dst: np.ndarray, work: Work | None = None
) -> np.ndarray:
    """Raw betweenness: ordered pairs when directed, unordered pairs when undirected."""
    way = route(n, directed, len(src))
    if way == "dense":
        work = work or Work()
        return betweenness_dense(adjacency(n, directed, src, dst, work=work), directed, work)
    if way == "compiled":
        return betweenness_compiled(n, directed, src, dst)
    edges = list(zip(src.tolist(), dst.tolist(), strict=True))
    if rx is not None:
        g = rx.PyDiGraph(multigraph=False) if directed else rx.PyGraph(multigraph=False)
        g.add_nodes_from(range(n))
        g.add_edges_from_no_data(edges)
        if directed:
            res = rx.digraph_betweenness_centrality(g, normalized=False, parallel_threshold=SERIAL)
        else:
            res = rx.graph_betweenness_centrality(g, normalized=False, parallel_threshold=SERIAL)
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


def betweenness_compiled(n: int, directed: bool, src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """Raw betweenness by the compiled kernel (see :func:`_lanes`); needs numba."""
    jit = compiled()
    if jit is None:
        raise ImportError("the compiled betweenness needs numba (pip install quartiernetz[fast])")
    src = np.ascontiguousarray(src, dtype=np.int64)
    dst = np.ascontiguousarray(dst, dtype=np.int64)
    b = jit.betweenness(n, src, dst, directed)
    return b if directed else b / 2


#: The compiled kernels once built; None: not tried yet; False: numba is not importable.
_COMPILED: Any = None
#: The compiled helpers that the compiled kernel calls (set by :func:`_jit`).
_csr_jit: Any = None
_distances_jit: Any = None


def compiled() -> SimpleNamespace | None:
    """The numba-compiled kernels, or None without numba: ``betweenness``
    (:func:`_lanes`) and the element-wise steps of :func:`betweenness_dense`
    (``coefficients``, ``collect``).

    numba is imported on first use, and each kernel compiled on its first call
    (3.5-4.5 s of CPU for ``betweenness``, about 1 s for the others) or loaded from
    numba's cache (``__pycache__`` next to this file, else the user's cache
    directory; 0.6-1 s of CPU with the import): the worker processes of
    :func:`~quartiernetz.inference.cug_test` load what the first process compiled.
    """
    global _COMPILED
    if _COMPILED is None:
        try:
            import numba
        except ImportError:
            _COMPILED = False
        else:
            _COMPILED = _jit(numba)
    return _COMPILED or None


def _jit(numba: Any) -> SimpleNamespace:
    def njit(func: Callable) -> Any:
        # error_model "numpy": a division by zero gives inf instead of raising, so that
        # the loops with a division in a masked lane can be vectorised
        options = {"nogil": True, "error_model": "numpy"}
        try:
            return numba.njit(cache=True, **options)(func)
        except RuntimeError:  # no writable cache directory: compile in each process
            return numba.njit(**options)(func)

    glob = globals()
    glob["_csr_jit"] = njit(_csr)
    glob["_distances_jit"] = njit(_distances)
    return SimpleNamespace(
        betweenness=njit(_lanes), coefficients=njit(_coefficients), collect=njit(_collect)
    )


# The functions below are compiled by numba (_jit): plain loops over arrays.


def _coefficients(S: np.ndarray, carry: np.ndarray, last: bool, Q: np.ndarray) -> None:
    """Q = (1 + carry) / S (1 / S on the last level) where S != 0, else 0: the same
    numbers as the numpy steps of :func:`betweenness_dense`, in one pass."""
    n, k = S.shape
    for i in range(n):
        for j in range(k):
            x = np.float64(S[i, j])
            if last:
                Q[i, j] = 1.0 / x if x != 0.0 else 0.0
            else:
                Q[i, j] = (carry[i, j] + 1.0) / x if x != 0.0 else 0.0


def _collect(P: np.ndarray, R: np.ndarray, carry: np.ndarray, column: np.ndarray) -> None:
    """carry = P * R and column = its column sums, added row by row (as numpy's
    ``carry.sum(axis=0)``), in one pass."""
    n, k = R.shape
    column[:] = 0.0
    for i in range(n):
        for j in range(k):
            c = P[i, j] * R[i, j]
            carry[i, j] = c
            column[j] += c


def _csr(n: int, src: np.ndarray, dst: np.ndarray, both: bool) -> tuple[np.ndarray, np.ndarray]:
    """Neighbour lists as (pointers, actors): the ties src -> dst (and dst -> src)."""
    ptr = np.zeros(n + 1, np.int64)
    for e in range(len(src)):
        ptr[src[e] + 1] += 1
        if both:
            ptr[dst[e] + 1] += 1
    for v in range(n):
        ptr[v + 1] += ptr[v]
    fill = ptr[:-1].copy()
    idx = np.empty(ptr[n], np.int32)
    for e in range(len(src)):
        a, b = src[e], dst[e]
        idx[fill[a]] = b
        fill[a] += 1
        if both:
            idx[fill[b]] = a
            fill[b] += 1
    return ptr, idx


def _distances(
    n: int,
    inp: np.ndarray,
    ini: np.ndarray,
    lo: int,
    hi: int,
    dist: np.ndarray,
    seen: np.ndarray,
    front: np.ndarray,
    nxt: np.ndarray,
) -> int:
    """Distances from the sources lo, ..., hi - 1 (at most 64) into ``dist[:, j]``
    (-1 where source lo + j does not reach); returns the largest distance.

    A breadth-first search from all of them at once on bit sets: bit j of an actor's
    word in ``seen`` says that source lo + j has reached it, in ``front`` that it did
    so in the last step; the next step is the union of the in-neighbours' fronts.
    """
    dist[:, :] = -1
    seen[:] = 0
    front[:] = 0
    for j in range(hi - lo):
        bit = np.uint64(1) << np.uint64(j)
        seen[lo + j] |= bit
        front[lo + j] |= bit
        dist[lo + j, j] = 0
    k = 0
    while True:
        grown = np.uint64(0)
        for w in range(n):
            x = np.uint64(0)
            for e in range(inp[w], inp[w + 1]):
                x |= front[ini[e]]
            x &= ~seen[w]
            nxt[w] = x
            grown |= x
        if grown == 0:
            return k
        k += 1
        for w in range(n):
            x = nxt[w]
            seen[w] |= x
            front[w] = x
            if x:
                for j in range(hi - lo):
                    if (x >> np.uint64(j)) & np.uint64(1):
                        dist[w, j] = k


def _lanes(n: int, src: np.ndarray, dst: np.ndarray, directed: bool) -> np.ndarray:
    """Raw betweenness, ordered pairs (twice the unordered when undirected): exact.

    Brandes (2001) for LANES sources at a time. Their distances come from one
    bit-set search (:func:`_distances`); then the numbers of shortest paths
    ``sigma(s, w)``, distance level by level away from the sources, as the sums of
    ``sigma(s, v)`` over the in-neighbours v one level closer, and the dependencies
    back level by level, ``delta(s, v) = sigma(s, v) * sum over out-neighbours w one
    level further of (1 + delta(s, w)) / sigma(s, w)``. Each actor keeps a row of
    LANES values (one per source), so every step is a loop over a row that the
    compiler vectorises; an actor is visited only at the levels where it lies for
    some source of the pass. Every sum is taken in a fixed order.
    """
    outp, outi = _csr_jit(n, src, dst, not directed)
    if directed:
        inp, ini = _csr_jit(n, dst, src, False)
    else:
        inp, ini = outp, outi
    # distances as single-precision floats (exact below 2**24): compared lane by lane
    # with the path counts' rows at half the memory traffic of doubles
    dist = np.empty((n, LANES), np.float32)
    sigma = np.zeros((n, LANES))
    coef = np.zeros((n, LANES))  # (1 + delta) / sigma
    part = np.zeros((n, LANES))  # the dependencies, per lane
    acc = np.empty(LANES)
    first = np.empty(n, np.float32)  # an actor's smallest and largest distance >= 1
    last = np.empty(n, np.float32)
    seen = np.empty(n, np.uint64)
    front = np.empty(n, np.uint64)
    nxt = np.empty(n, np.uint64)
    for lo in range(0, n, LANES):
        hi = min(n, lo + LANES)
        top = _distances_jit(n, inp, ini, lo, hi, dist, seen, front, nxt)
        for w in range(n):
            a, b = np.float32(np.inf), np.float32(-1)
            for j in range(LANES):
                x = dist[w, j]
                if x >= 1:
                    a = min(a, x)
                    b = max(b, x)
            first[w] = a
            last[w] = b
        for j in range(hi - lo):
            sigma[lo + j, j] = 1.0
        for k in range(1, top + 1):
            here, before = np.float32(k), np.float32(k - 1)
            for w in range(n):
                if here < first[w] or here > last[w]:
                    continue
                acc[:] = 0.0
                for e in range(inp[w], inp[w + 1]):
                    dv = dist[ini[e]]
                    sv = sigma[ini[e]]
                    for j in range(LANES):
                        acc[j] += sv[j] if dv[j] == before else 0.0
                dw = dist[w]
                sw = sigma[w]
                for j in range(LANES):
                    sw[j] = acc[j] if dw[j] == here else sw[j]
        for k in range(top, 0, -1):
            here, after = np.float32(k), np.float32(k + 1)
            for w in range(n):
                if here < first[w] or here > last[w]:
                    continue
                acc[:] = 0.0
                for e in range(outp[w], outp[w + 1]):
                    dx = dist[outi[e]]
                    cx = coef[outi[e]]
                    for j in range(LANES):
                        acc[j] += cx[j] if dx[j] == after else 0.0
                dw = dist[w]
                sw = sigma[w]
                cw = coef[w]
                pw = part[w]
                for j in range(LANES):
                    on = dw[j] == here
                    delta = sw[j] * acc[j]
                    pw[j] += delta if on else 0.0
                    cw[j] = (1.0 + delta) / sw[j] if on else cw[j]
    out = np.zeros(n)
    for w in range(n):
        t = 0.0
        for j in range(LANES):
            t += part[w, j]
        out[w] = t
    return out


def betweenness_dense(A: np.ndarray, directed: bool, work: Work | None = None) -> np.ndarray:
    """Brandes's betweenness from every source at once, by matrix products (exact).

    ``A`` is the 0/1 adjacency matrix (float, zero diagonal). Row s of the k-th level
    matrix holds the numbers of shortest paths from s to the actors at distance k (0
    elsewhere): the next level is the product with ``A`` on the actors not reached
    yet. The dependencies are accumulated back level by level, as in Brandes (2001):
    ``delta(s, v) = sigma(s, v) * sum over successors w of (1 + delta(s, w)) / sigma(s, w)``.
    Two products per distance level: fast for dense graphs (few levels), slow for
    sparse graphs with long paths (where rustworkx's per-source search is faster).
    """
    work = work or Work()
    n = len(A)
    # products as X @ Y.T with Y C-contiguous: BLAS's fastest layout here
    if directed:
        AT = work.array("transposed", n)
        np.copyto(AT, A.T)
    else:
        AT = A
    AT32 = work.array("transposed32", n, np.float32)
    np.copyto(AT32, AT)
    top = float(A.sum(axis=0).max())  # a path count grows at most this much per step
    unreached = work.array("unreached", n, bool)
    np.equal(A, 0, out=unreached)
    np.fill_diagonal(unreached, False)
    new = work.array("new", n, bool)
    levels: list[np.ndarray] = [AT32.T if directed else AT32]  # distance 1: one path each
    bound = 1.0
    while unreached.any():
        cur = levels[-1]
        # path counts are integers: exact in single precision while below 2**24
        if bound * top < 2**24:
            S = work.array(f"level{len(levels)}", n, np.float32)
            np.matmul(cur, AT32.T, out=S)
        else:
            S = work.array(f"level{len(levels)}", n)
            np.matmul(cur.astype(float), AT.T, out=S)
        np.not_equal(S, 0, out=new)
        new &= unreached
        if not new.any():
            break
        unreached ^= new
        S *= new
        levels.append(S)
        bound *= top
    betweenness = np.zeros(n)
    Q, R, carry = work.array("Q", n), work.array("R", n), work.array("carry", n)
    # the element-wise steps in one pass each where numba is loaded (by route(), for a
    # large graph); the same numbers either way
    jit = _COMPILED or None
    column = np.empty(n)
    for k in range(len(levels) - 1, 0, -1):
        if jit is not None:
            jit.coefficients(levels[k], carry, k == len(levels) - 1, Q)
        else:
            np.copyto(Q, levels[k])
            np.equal(Q, 0, out=new)
            np.copyto(Q, np.inf, where=new)  # 1 / inf = 0 off the level
            if k == len(levels) - 1:
                np.divide(1.0, Q, out=Q)
            else:
                np.add(carry, 1.0, out=R)
                np.divide(R, Q, out=Q)
        np.matmul(Q, A.T, out=R)
        if jit is not None:
            # the distance-1 path counts are A's 0/1 (contiguous, unlike levels[0])
            jit.collect(A if k == 1 else levels[k - 1], R, carry, column)
            betweenness += column
        else:
            np.multiply(levels[k - 1], R, out=carry)
            betweenness += carry.sum(axis=0)
    return betweenness if directed else betweenness / 2


def betweenness_centralization(
    n: int, directed: bool, src: np.ndarray, dst: np.ndarray, work: Work | None = None
) -> float:
    return _centralization(betweenness(n, directed, src, dst, work), directed)


def _centralization(b: np.ndarray, directed: bool) -> float:
    n = len(b)
    top = (n - 1) ** 2 * (n - 2) if directed else (n - 1) ** 2 * (n - 2) / 2
    return float((b.max() - b).sum() / top)


def _betweenness_centralization_dense(A: np.ndarray, directed: bool, work: Work) -> float:
    return _centralization(betweenness_dense(A, directed, work), directed)


def transitivity(
    n: int, directed: bool, src: np.ndarray, dst: np.ndarray, work: Work | None = None
) -> float:
    if is_dense(n, directed, len(src)):
        work = work or Work()
        return _transitivity_dense(
            adjacency(n, directed, src, dst, np.float32, work), directed, work
        )
    import scipy.sparse as sp

    ones = np.ones(len(src))
    A = sp.csr_array((ones, (src, dst)), shape=(n, n))
    if not directed:
        A = A + A.T
    A2 = A @ A
    closed = float(A.multiply(A2).sum())
    paths = float(A2.sum() - A2.diagonal().sum())
    return closed / paths if paths else 1.0


def _transitivity_dense(A: np.ndarray, directed: bool, work: Work) -> float:
    # counts of two-paths are integers below n: exact in single precision
    n = len(A)
    if directed:
        AT = work.array("transposed32", n, np.float32)
        np.copyto(AT, A.T)
    else:
        AT = A
    A2 = work.array("two_paths", n, np.float32)
    np.matmul(A, AT.T, out=A2)
    paths = float(np.sum(A2, dtype=float) - np.trace(A2, dtype=float))
    np.multiply(A, A2, out=A2)
    closed = float(np.sum(A2, dtype=float))
    return closed / paths if paths else 1.0


KERNELS: dict[str, Callable[..., float]] = {
    "betweenness_centralization": betweenness_centralization,
    "transitivity": transitivity,
}
#: The same statistics of a dense graph's adjacency matrix (``(A, directed, work)``),
#: with the matrix's type and when a graph of m ties takes them.
DENSE_KERNELS: dict[str, tuple[Callable[..., float], Any, Callable[[int, bool, int], bool]]] = {
    "betweenness_centralization": (
        _betweenness_centralization_dense,
        float,
        lambda n, directed, m: route(n, directed, m) == "dense",
    ),
    "transitivity": (_transitivity_dense, np.float32, is_dense),
}


def dyad_adjacency(
    n: int, directed: bool, present: np.ndarray, dtype: Any = float, work: Work | None = None
) -> np.ndarray:
    """The 0/1 adjacency matrix of a dyad vector (bool, in the order of
    :class:`~quartiernetz.inference._data.Dyads`), in ``work`` if given: the same
    matrix as :func:`adjacency` of its ties, without listing them."""
    A = (work or Work()).array("adjacency", n, dtype)
    A.fill(0)
    if directed:
        # the cells off the diagonal, row by row: the flat matrix from its second cell
        # on, in rows of n + 1, without the last column
        A.reshape(-1)[1:].reshape(n - 1, n + 1)[:, :-1] = present.reshape(n - 1, n)
    else:
        low, up = _triangle(n)
        flat = A.reshape(-1)
        flat[low] = present
        flat[up] = present
    return A


_TRIANGLES: dict[int, tuple[np.ndarray, np.ndarray]] = {}


def _triangle(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Flat positions of the cells below the diagonal (row by row) and of their mirrors."""
    if n not in _TRIANGLES:
        r, c = np.tril_indices(n, -1)
        _TRIANGLES.clear()
        _TRIANGLES[n] = (r * n + c, c * n + r)
    return _TRIANGLES[n]


def block(statistic: str, n: int, directed: bool, packed: list[np.ndarray]) -> np.ndarray:
    """A statistic of several graphs, each given as its packed 0/1 dyad vector (the
    task of a worker process); the ties come in dyad order, as in :func:`cug_test`.
    Dense graphs go to the matrix kernels without listing their ties."""
    kernel = KERNELS[statistic]
    dense_kernel, dtype, takes_dense = DENSE_KERNELS[statistic]
    rows, cols = dyad_cells(n, directed)
    work = Work()
    out = np.empty(len(packed))
    for k, bits in enumerate(packed):
        present = np.unpackbits(bits, count=len(rows)).view(bool)
        if takes_dense(n, directed, int(np.count_nonzero(present))):
            A = dyad_adjacency(n, directed, present, dtype, work)
            out[k] = dense_kernel(A, directed, work)
        else:
            out[k] = kernel(n, directed, rows[present], cols[present], work)
    return out


def dyad_cells(n: int, directed: bool) -> tuple[np.ndarray, np.ndarray]:
    """Rows and columns of the dyads, in the order of
    :class:`~quartiernetz.inference._data.Dyads` (below the diagonal row by row when
    undirected, off the diagonal row by row when directed)."""
    if directed:
        r, c = np.nonzero(~np.eye(n, dtype=bool))
    else:
        r, c = np.tril_indices(n, -1)
    return r.astype(np.intp), c.astype(np.intp)
