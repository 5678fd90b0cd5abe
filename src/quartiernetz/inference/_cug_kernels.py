"""The heavy statistics of the CUG test: betweenness and transitivity of random graphs.

Kept apart from :mod:`quartiernetz.inference.cug` so that its worker processes
(:mod:`quartiernetz.inference._cug_worker`) import what they compute with.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import scipy.sparse as sp

from ._data import Dyads

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
    "betweenness_centralization",
    "transitivity",
    "KERNELS",
    "block",
    "DENSE_FROM",
    "DENSE_ACTORS",
]

#: Share of possible ties from which transitivity and betweenness use dense matrix
#: products instead of sparse ones. Measured at 500 actors (one BLAS thread): the
#: dense Brandes takes 49 ms at 1.7 % density, 33 ms at 3.2 %, 20 ms at 10 % and
#: 10 ms at 50 %; rustworkx's takes 39, 62, about 120 and 2,000 ms.
DENSE_FROM = 0.025
#: Actors up to which the dense kernels are used (each keeps a few n x n arrays per
#: distance level: about 100 MB at 2,000 actors).
DENSE_ACTORS = 2000
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


def betweenness(
    n: int, directed: bool, src: np.ndarray, dst: np.ndarray, work: Work | None = None
) -> np.ndarray:
    """Raw betweenness: ordered pairs when directed, unordered pairs when undirected."""
    if is_dense(n, directed, len(src)):
        work = work or Work()
        return betweenness_dense(adjacency(n, directed, src, dst, work=work), directed, work)
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
    for k in range(len(levels) - 1, 0, -1):
        np.copyto(Q, levels[k])
        np.equal(Q, 0, out=new)
        np.copyto(Q, np.inf, where=new)  # 1 / inf = 0 off the level
        if k == len(levels) - 1:
            np.divide(1.0, Q, out=Q)
        else:
            np.add(carry, 1.0, out=R)
            np.divide(R, Q, out=Q)
        np.matmul(Q, A.T, out=R)
        np.multiply(levels[k - 1], R, out=carry)
        betweenness += carry.sum(axis=0)
    return betweenness if directed else betweenness / 2


def betweenness_centralization(
    n: int, directed: bool, src: np.ndarray, dst: np.ndarray, work: Work | None = None
) -> float:
    b = betweenness(n, directed, src, dst, work)
    top = (n - 1) ** 2 * (n - 2) if directed else (n - 1) ** 2 * (n - 2) / 2
    return float((b.max() - b).sum() / top)


def transitivity(
    n: int, directed: bool, src: np.ndarray, dst: np.ndarray, work: Work | None = None
) -> float:
    if is_dense(n, directed, len(src)):
        # counts of two-paths are integers below n: exact in single precision
        work = work or Work()
        A = adjacency(n, directed, src, dst, np.float32, work)
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
    ones = np.ones(len(src))
    A = sp.csr_array((ones, (src, dst)), shape=(n, n))
    if not directed:
        A = A + A.T
    A2 = A @ A
    closed = float(A.multiply(A2).sum())
    paths = float(A2.sum() - A2.diagonal().sum())
    return closed / paths if paths else 1.0


KERNELS: dict[str, Callable[..., float]] = {
    "betweenness_centralization": betweenness_centralization,
    "transitivity": transitivity,
}


def block(statistic: str, n: int, directed: bool, packed: list[np.ndarray]) -> np.ndarray:
    """A statistic of several graphs, each given as its packed 0/1 dyad vector (the
    task of a worker process); the ties come in dyad order, as in :func:`cug_test`."""
    kernel = KERNELS[statistic]
    dy = Dyads(n, directed=directed)
    work = Work()
    out = np.empty(len(packed))
    for k, bits in enumerate(packed):
        present = np.unpackbits(bits, count=dy.size).view(bool)
        out[k] = kernel(n, directed, dy.rows[present], dy.cols[present], work)
    return out
