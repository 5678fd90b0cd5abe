"""Numerical kernels of the catalyst measures, on arrays and sparse matrices only.

This module is the engine boundary: every function takes scipy sparse matrices
and numpy arrays in a fixed node order and returns numpy arrays; none sees a
networkx graph, a DataFrame or an actor id. A compiled engine can provide the
same functions with the same signatures and replace these (see
:data:`KERNELS`), and the public functions stay as they are.

Conventions: ``W`` is an n x n CSR matrix of tie strengths, ``W[i, j] > 0`` for
a tie i -> j (both entries for an undirected tie), zero diagonal. ``A`` is its
0/1 pattern, ``S`` the symmetric 0/1 pattern (a tie in either direction).
Nothing here builds a dense n x n matrix.
"""

from __future__ import annotations

import hashlib
import heapq
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import numpy as np
import scipy.sparse as sp
from scipy.sparse import csgraph

from ._decompose import BetweennessFolding, closeness_folded, plan_betweenness
from ._lengths import MAX_LENGTH_SCALE, integer_lengths

try:  # the compiled engine (Apache-2.0); without it the pure-Python kernels run
    import rustworkx as rx
except ImportError:  # pragma: no cover - rustworkx is a dependency
    rx = None


def _networkit() -> Any:
    """networkit (MIT; compiled source sampling for the approximate mode), or None.

    Imported on first use: it takes about half a second to import (it loads matplotlib's
    PDF backend among others) and only the approximate mode needs it.
    """
    try:
        import networkit
    except ImportError:  # pragma: no cover - a dependency, but optional for the code
        return None
    return networkit


__all__ = [
    "KERNELS",
    "PATH_RTOL",
    "INTERRUPTIBLE_SECONDS",
    "interruptible_engine",
    "in_thread",
    "ENGINE",
    "engine_graph",
    "betweenness",
    "betweenness_start",
    "PendingBetweenness",
    "clear_betweenness_cache",
    "betweenness_brandes",
    "betweenness_weighted_compiled",
    "integer_lengths",
    "MAX_LENGTH_SCALE",
    "betweenness_sample",
    "closeness",
    "closeness_sample",
    "closeness_dijkstra",
    "burt_measures",
    "brokerage_counts",
    "removal_pieces",
    "component_labels",
    "reachable_pairs",
    "inverse_distance_sum",
    "leading_eigenvector",
]


#: Relative tolerance under which two weighted path lengths count as equal (igraph's
#: epsilon): ``a`` and ``b`` are equally short when ``|a - b| <= PATH_RTOL * max(a, b)``.
#: Lengths are sums of ``1 / weight``; their rounding error is about 1e-16 per tie, far
#: below it, while genuinely different lengths of tie strengths up to 10^4 differ by more.
PATH_RTOL = 1e-10


def _rowwise(M: sp.csr_array) -> np.ndarray:
    """Row index of every stored entry of a CSR matrix."""
    return np.repeat(np.arange(M.shape[0]), np.diff(M.indptr))


#: Name of the compiled engine in use (None: pure Python and scipy only).
ENGINE: str | None = None if rx is None else f"rustworkx {rx.__version__}"

# engine graphs by id(W), dropped when W is garbage-collected
_ENGINE_GRAPHS: dict[int, Any] = {}


def engine_graph(W: sp.csr_array) -> Any:
    """The rustworkx graph of the arcs of ``W`` (node i = row i), built once per matrix.

    A symmetric ``W`` becomes a ``PyGraph`` (one edge per tie), any other a
    ``PyDiGraph``. The graph is cached for the lifetime of ``W``, so every
    kernel called on the same prepared matrices converts only once.
    """
    key = id(W)
    hit = _ENGINE_GRAPHS.get(key)
    if hit is not None and hit[0]() is W:
        return hit[1]
    n = W.shape[0]
    rows = _rowwise(W)
    cols = W.indices
    symmetric = (W != W.T).nnz == 0
    if symmetric:
        keep = rows < cols
        g = rx.PyGraph()
        rows, cols = rows[keep], cols[keep]
    else:
        g = rx.PyDiGraph()
    g.add_nodes_from(range(n))
    g.add_edges_from_no_data(list(zip(rows.tolist(), cols.tolist(), strict=True)))
    _ENGINE_GRAPHS[key] = (weakref.ref(W, lambda _, k=key: _ENGINE_GRAPHS.pop(k, None)), g)
    return g


def _engine_array(result: Any, n: int) -> np.ndarray:
    out = np.zeros(n)
    for i, x in result.items():
        out[i] = x
    return out


#: Estimated seconds above which a compiled engine call runs in a worker process, so
#: that Ctrl-C can stop it (see :func:`interruptible_engine`).
INTERRUPTIBLE_SECONDS = 1.0
#: Seconds per arc visit of the engine's betweenness and closeness (calibrated; see
#: :mod:`quartiernetz.roles.cost`), used to decide whether a call may take long.
_ENGINE_SECONDS_PER_VISIT = 5.0e-8

# the worker: reads n, direction and the edge arrays, runs one rustworkx measure, writes
# the values; SIGINT ends it at once (the parent kills it anyway when interrupted)
_WORKER = """
import io, json, os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
if sys.platform.startswith("linux"):  # end with the parent, even if it is killed
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
if os.getppid() != int(sys.argv[1]):
    sys.exit(1)
import numpy as np
import scipy.sparse  # measured: without it rustworkx's first call in a new process is 15x slower
import rustworkx as rx
buf = io.BytesIO(sys.stdin.buffer.read())
head = json.loads(buf.readline())
rows, cols = np.load(buf), np.load(buf)
n = head["n"]
g = rx.PyGraph() if head["undirected"] else rx.PyDiGraph()
g.add_nodes_from(range(n))
g.add_edges_from_no_data(list(zip(rows.tolist(), cols.tolist())))
if head["what"] == "betweenness":
    f = rx.graph_betweenness_centrality if head["undirected"] else rx.digraph_betweenness_centrality
    res = f(g, normalized=False, parallel_threshold=n + 1)
else:
    f = rx.graph_closeness_centrality if head["undirected"] else rx.digraph_closeness_centrality
    res = f(g, wf_improved=True)
out = np.zeros(n)
for i, x in res.items():
    out[i] = x
np.save(sys.stdout.buffer, out)
"""


def _engine_edges(W: sp.csr_array) -> tuple[bool, np.ndarray, np.ndarray]:
    """(symmetric, rows, cols): the engine graph's edges (one per tie when symmetric)."""
    rows = _rowwise(W)
    cols = W.indices
    symmetric = (W != W.T).nnz == 0
    if symmetric:
        keep = rows < cols
        rows, cols = rows[keep], cols[keep]
    return symmetric, rows.astype(np.int64), cols.astype(np.int64)


def interruptible_engine(
    what: str, W: sp.csr_array, *, meanwhile: Callable[[], Any] | None = None
) -> np.ndarray | None:
    """Run the engine's ``"betweenness"`` or ``"closeness"`` in a worker process.

    rustworkx holds Python's global interpreter lock for the whole computation, so
    Ctrl-C would wait until it ends (minutes on a large network). In a worker
    process the main thread keeps waiting in short steps and receives the
    KeyboardInterrupt at once; the worker is then killed and the interrupt raised.
    On Linux the worker also ends when this process dies (``PR_SET_PDEATHSIG``).
    Returns the raw engine values (unordered pairs for an undirected betweenness),
    or None when the worker cannot run (no Python executable, rustworkx not
    importable there); the caller then runs the engine in this process.
    ``meanwhile`` runs here while the worker computes.
    """
    n = W.shape[0]
    if not sys.executable:
        return None
    symmetric, rows, cols = _engine_edges(W)
    head = {"n": int(n), "undirected": bool(symmetric), "what": what}
    # the input goes through a temporary file: a pipe would need a writer that keeps
    # feeding it while the main thread waits in short steps (communicate() cannot
    # resume sending input after a timeout)
    with tempfile.TemporaryFile() as source:
        source.write((json.dumps(head) + "\n").encode())
        np.save(source, rows)
        np.save(source, cols)
        source.flush()
        source.seek(0)
        try:
            proc = subprocess.Popen(
                [sys.executable, "-c", _WORKER, str(os.getpid())],
                stdin=source,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            return None
        try:
            if meanwhile is not None:
                meanwhile()
            while True:
                try:
                    out, _ = proc.communicate(timeout=0.2)
                    break
                except subprocess.TimeoutExpired:
                    continue  # short steps: a KeyboardInterrupt arrives between them
        except BaseException:  # KeyboardInterrupt above all: stop the worker, then re-raise
            proc.kill()
            proc.wait()
            raise
    if proc.returncode != 0:
        return None
    try:
        return np.load(io.BytesIO(out))
    except (ValueError, OSError, EOFError):
        return None


class PendingBetweenness:
    """A betweenness computation under way; :meth:`result` waits for it.

    Made by :func:`betweenness_start`. Use it as a context manager: leaving the
    block without :meth:`result` (an exception, Ctrl-C) stops the worker process.
    A long weighted computation runs on networkit in a thread instead (networkit
    releases the interpreter lock; a thread cannot be stopped, so after Ctrl-C it
    finishes in the background and its result is dropped).
    """

    def __init__(self, W: sp.csr_array, *, weighted: bool) -> None:
        self._W = W
        self._weighted = weighted
        self._key = _content_key(W, weighted=weighted)
        self._proc: subprocess.Popen | None = None
        self._symmetric = False
        self._plan: BetweennessFolding | None = None
        self._thread: threading.Thread | None = None
        self._box: dict[str, Any] = {}
        n = W.shape[0]
        if self._key in _BETWEENNESS_CACHE or n < 3:
            return
        if weighted:
            self._start_weighted()
            return
        if rx is None:
            return
        if not sys.executable:
            return
        plan = plan_betweenness(W, weighted=False)
        engine_W = W if plan is None else plan.reduced  # the worker runs the reduced network
        if not _long(engine_W):
            return
        self._plan = plan
        n = engine_W.shape[0]
        symmetric, rows, cols = _engine_edges(engine_W)
        self._symmetric = symmetric
        head = {"n": int(n), "undirected": bool(symmetric), "what": "betweenness"}
        with tempfile.TemporaryFile() as source:  # the worker keeps its own descriptor
            source.write((json.dumps(head) + "\n").encode())
            np.save(source, rows)
            np.save(source, cols)
            source.flush()
            source.seek(0)
            try:
                self._proc = subprocess.Popen(
                    [sys.executable, "-c", _WORKER, str(os.getpid())],
                    stdin=source,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                )
            except OSError:
                self._proc = None

    def _start_weighted(self) -> None:
        """networkit's weighted betweenness in a thread (it releases the interpreter lock)."""
        if _networkit() is None:
            return
        plan = plan_betweenness(self._W, weighted=True)
        target = self._W if plan is None else plan.reduced
        if integer_lengths(target) is None or not _long(target):
            return
        self._plan = plan
        box = self._box

        def run() -> None:
            try:
                box["raw"] = betweenness_weighted_compiled(target)
            except BaseException as err:  # handed to result()
                box["error"] = err

        self._thread = threading.Thread(target=run, daemon=True, name="quartiernetz-betweenness")
        self._thread.start()

    def _weighted_result(self) -> np.ndarray:
        """Collect the thread of :meth:`_start_weighted` (the correction runs meanwhile)."""
        thread, self._thread = self._thread, None
        assert thread is not None
        if self._plan is not None:
            self._plan.correction()
        while thread.is_alive():
            thread.join(0.2)  # short steps: a KeyboardInterrupt arrives between them
        if "error" in self._box:
            raise self._box["error"]
        raw = self._box.get("raw")
        if raw is None:
            return betweenness(self._W, weighted=True)
        if self._plan is not None:
            raw = self._plan.combine(raw)
        _remember(self._key, raw)
        return raw.copy()

    def __enter__(self) -> PendingBetweenness:
        return self

    def __exit__(self, *exc: object) -> None:
        self.cancel()

    def cancel(self) -> None:
        """Stop the worker process, if one still runs."""
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        self._proc = None

    def result(self) -> np.ndarray:
        """The raw betweenness (as :func:`betweenness`), waiting in short steps."""
        if self._thread is not None:
            return self._weighted_result()
        proc, self._proc = self._proc, None
        if proc is None:
            return betweenness(self._W, weighted=self._weighted)
        try:
            if self._plan is not None:  # the folded trees' part, while the engine works
                self._plan.correction()
            while True:
                try:
                    out, _ = proc.communicate(timeout=0.2)
                    break
                except subprocess.TimeoutExpired:
                    continue  # short steps: a KeyboardInterrupt arrives between them
        except BaseException:
            proc.kill()
            proc.wait()
            raise
        try:
            raw = np.load(io.BytesIO(out)) if proc.returncode == 0 else None
        except (ValueError, OSError, EOFError):
            raw = None
        if raw is None:  # the worker failed: compute here
            return betweenness(self._W, weighted=self._weighted)
        raw = 2.0 * raw if self._symmetric else raw
        if self._plan is not None:
            raw = self._plan.combine(raw)
        _remember(self._key, raw)
        return raw.copy()


def betweenness_start(W: sp.csr_array, *, weighted: bool) -> PendingBetweenness:
    """Start :func:`betweenness` so that other work can run meanwhile.

    A long unweighted run (see :func:`interruptible_engine`) starts at once in
    the engine's worker process, on another core; :meth:`PendingBetweenness.result`
    collects it. ``catalysts`` computes closeness (and the table's other
    measures) in the meantime. Everything else (a cached result, a short or a
    weighted run) is computed when the result is asked for.
    """
    return PendingBetweenness(W, weighted=weighted)


def in_thread(fn: Callable[[], Any], *, meanwhile: Callable[[], Any] | None = None) -> Any:
    """Run ``fn`` in a daemon thread and wait in short steps, so Ctrl-C ends the wait.

    For compiled code that releases the global interpreter lock (networkit): on
    KeyboardInterrupt the main thread leaves at once; the thread finishes in the
    background and its result is dropped. ``meanwhile`` runs in the calling
    thread before the wait (on the second core).
    """
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as err:  # handed to the waiting thread
            box["error"] = err

    worker = threading.Thread(target=run, daemon=True, name="quartiernetz-kernel")
    worker.start()
    if meanwhile is not None:
        meanwhile()
    while worker.is_alive():
        worker.join(0.2)
    if "error" in box:
        raise box["error"]
    return box["value"]


def _long(W: sp.csr_array) -> bool:
    """Whether an engine call on ``W`` may take longer than :data:`INTERRUPTIBLE_SECONDS`.

    From the arc visits ``sum_c n_c a_c`` over the (weakly) connected components, so a
    network of many small components stays in this process.
    """
    n = W.shape[0]
    if n * W.nnz * _ENGINE_SECONDS_PER_VISIT <= INTERRUPTIBLE_SECONDS:
        return False
    _, labels = csgraph.connected_components(W, directed=True, connection="weak")
    sizes = np.bincount(labels).astype(float)
    arcs = np.bincount(labels, weights=np.diff(W.indptr))
    return float((sizes * arcs).sum()) * _ENGINE_SECONDS_PER_VISIT > INTERRUPTIBLE_SECONDS


#: Betweenness results kept by content (see :func:`betweenness`): the report computes
#: betweenness of the same network for ``catalysts`` and for ``summary``.
_BETWEENNESS_CACHE: OrderedDict[bytes, np.ndarray] = OrderedDict()
#: How many results the cache keeps (each is one float per node).
_BETWEENNESS_CACHE_SIZE = 4


def _content_key(W: sp.csr_array, *, weighted: bool) -> bytes:
    """A digest of what betweenness depends on: the arcs (and their strengths when weighted)."""
    h = hashlib.blake2b(digest_size=20)
    W = W if W.has_sorted_indices else W.sorted_indices()
    h.update(np.asarray(W.shape, dtype=np.int64).tobytes())
    h.update(np.asarray(W.indptr, dtype=np.int64).tobytes())
    h.update(np.asarray(W.indices, dtype=np.int64).tobytes())
    h.update(b"w" if weighted else b"u")
    if weighted:
        h.update(np.asarray(W.data, dtype=np.float64).tobytes())
    return h.digest()


def betweenness(W: sp.csr_array, *, weighted: bool) -> np.ndarray:
    """Raw betweenness over ordered pairs, computed once per network content.

    Unweighted betweenness runs on rustworkx (one thread; a second thread gave
    nothing on the programme network). Weighted betweenness (rustworkx 0.18 has
    none) runs on networkit's compiled Brandes when the tie strengths allow
    exact integer path lengths (:func:`integer_lengths`), else on the
    pure-Python kernel. Same result as :func:`betweenness_brandes` (to 1e-9).
    A rustworkx call that may take longer than :data:`INTERRUPTIBLE_SECONDS`
    runs in a worker process, so that Ctrl-C stops it within a fraction of a
    second (:func:`interruptible_engine`); networkit runs in a thread
    (:func:`in_thread`).

    The result is kept for the last few matrices by content (a digest of the
    arcs and, when weighted, the strengths; hashing costs a few milliseconds on
    100,000 arcs): ``summary`` and ``catalysts`` on the same network, as the
    report runs them, compute betweenness once.
    """
    key = _content_key(W, weighted=weighted)
    hit = _BETWEENNESS_CACHE.get(key)
    if hit is not None:
        _BETWEENNESS_CACHE.move_to_end(key)
        return hit.copy()
    out = _betweenness(W, weighted=weighted)
    _remember(key, out)
    return out


def clear_betweenness_cache() -> None:
    """Forget the betweenness results kept by :func:`betweenness` (for benchmarks)."""
    _BETWEENNESS_CACHE.clear()


def _remember(key: bytes, raw: np.ndarray) -> None:
    """Keep ``raw`` in the betweenness cache (the oldest entry leaves when full)."""
    _BETWEENNESS_CACHE[key] = raw.copy()
    _BETWEENNESS_CACHE.move_to_end(key)
    while len(_BETWEENNESS_CACHE) > _BETWEENNESS_CACHE_SIZE:
        _BETWEENNESS_CACHE.popitem(last=False)


def betweenness_weighted_compiled(
    W: sp.csr_array, *, meanwhile: Callable[[], Any] | None = None
) -> np.ndarray | None:
    """Weighted raw betweenness (ordered pairs) on networkit, or None when it cannot run.

    networkit's ``Betweenness`` (Brandes with Dijkstra, one thread) on the
    lengths of :func:`integer_lengths`: integer path sums are exact, so its
    exact comparison of path lengths counts equally short paths as exact
    arithmetic does (the property :data:`PATH_RTOL` gives the Python kernel).
    None without networkit or when the lengths cannot be made integers; the
    caller then runs :func:`betweenness_brandes`. ``meanwhile`` runs in this
    thread while networkit works (see :func:`in_thread`).
    """
    nk = _networkit()
    lengths = integer_lengths(W)
    if nk is None or lengths is None:
        return None
    n = W.shape[0]
    rows = _rowwise(W)
    cols = W.indices
    symmetric = (W != W.T).nnz == 0
    if symmetric:
        keep = rows < cols
        rows, cols, lengths = rows[keep], cols[keep], lengths[keep]
    g = nk.Graph(n, weighted=True, directed=not symmetric)
    if len(rows):
        g.addEdges((lengths, (rows.astype(np.uint64), cols.astype(np.uint64))))
    threads = nk.getMaxNumberOfThreads()
    nk.setNumberOfThreads(1)  # the machine is shared; one thread, as the engine
    try:
        algo = nk.centrality.Betweenness(g, False, False)
        in_thread(algo.run, meanwhile=meanwhile)
    finally:
        nk.setNumberOfThreads(threads)
    return np.asarray(algo.scores(), dtype=float)  # ordered pairs, also when undirected


def _betweenness(W: sp.csr_array, *, weighted: bool) -> np.ndarray:
    """:func:`betweenness` without the cache: trees folded where that pays."""
    plan = plan_betweenness(W, weighted=weighted) if W.shape[0] >= 3 else None
    if plan is not None:  # the correction runs while the engine works on the reduced network
        raw = _betweenness_plain(plan.reduced, weighted=weighted, meanwhile=plan.correction)
        return plan.combine(raw)
    return _betweenness_plain(W, weighted=weighted)


def _betweenness_plain(
    W: sp.csr_array, *, weighted: bool, meanwhile: Callable[[], Any] | None = None
) -> np.ndarray:
    """Raw betweenness from the engine (weighted: networkit), else the Python kernel.

    ``meanwhile`` runs in this thread while a compiled kernel works in another
    thread or process (or before the kernel, when it runs here).
    """
    n = W.shape[0]
    if weighted and n >= 3:
        raw = betweenness_weighted_compiled(W, meanwhile=meanwhile)
        if raw is not None:
            return raw
    if rx is None or weighted or n < 3:
        if meanwhile is not None:
            meanwhile()
        return betweenness_brandes(W, weighted=weighted)
    raw = interruptible_engine("betweenness", W, meanwhile=meanwhile) if _long(W) else None
    meanwhile = None if raw is not None else meanwhile
    if meanwhile is not None:
        meanwhile()
    if raw is not None:
        symmetric = (W != W.T).nnz == 0
        return 2.0 * raw if symmetric else raw
    g = engine_graph(W)
    if isinstance(g, rx.PyGraph):
        res = rx.graph_betweenness_centrality(g, normalized=False, parallel_threshold=n + 1)
        return 2.0 * _engine_array(res, n)  # rustworkx counts unordered pairs, as networkx
    res = rx.digraph_betweenness_centrality(g, normalized=False, parallel_threshold=n + 1)
    return _engine_array(res, n)


def betweenness_sample(
    W: sp.csr_array, *, weighted: bool, k: int, rng: np.random.Generator
) -> np.ndarray:
    """Raw betweenness over ordered pairs estimated from ``k`` sampled source nodes.

    Unweighted, with networkit installed: networkit's ``EstimateBetweenness``
    (one thread, seeded from ``rng``; Geisberger, Sanders & Schultes 2008, whose
    linear scaling removes the bias towards actors near the sampled sources).
    Otherwise the pure-Python Brandes kernel from ``k`` sources drawn without
    replacement, scaled by ``n / k`` (Brandes & Pich 2007). Exact when ``k >= n``.
    """
    n = W.shape[0]
    if k >= n:
        return betweenness(W, weighted=weighted)
    nk = _networkit() if not weighted else None
    if nk is not None:
        nk.setSeed(int(rng.integers(2**31 - 1)), False)
        est = nk.centrality.EstimateBetweenness(_networkit_graph(W), int(k), False, False)
        in_thread(est.run)  # networkit releases the lock: Ctrl-C stays responsive
        return np.asarray(est.scores(), dtype=float)
    sources = np.sort(rng.choice(n, size=k, replace=False))
    return betweenness_brandes(W, weighted=weighted, sources=sources.tolist()) * (n / k)


def _networkit_graph(W: sp.csr_array) -> Any:
    """The networkit graph of the arcs of ``W`` (undirected when ``W`` is symmetric)."""
    n = W.shape[0]
    symmetric, rows, cols = _engine_edges(W)
    g = _networkit().Graph(n, weighted=False, directed=not symmetric)
    if len(rows):
        g.addEdges((rows.astype(np.uint64), cols.astype(np.uint64)))
    return g


def betweenness_brandes(
    W: sp.csr_array, *, weighted: bool, sources: list[int] | None = None
) -> np.ndarray:
    """Raw betweenness over ordered pairs (Brandes 2001), as networkx counts it.

    Parameters
    ----------
    W : csr_array
        Tie strengths of the arcs (an undirected tie is two arcs).
    weighted : bool
        False: every tie has length 1 (breadth-first search). True: a tie has
        length ``1 / W_ij`` (Dijkstra); two path lengths count as equally short
        when they differ by at most the relative tolerance :data:`PATH_RTOL`
        (1e-10, igraph's epsilon), so that paths such as ``1 + 1/3 + 1`` and
        ``1 + 1 + 1/3``, whose floating-point sums differ in the last digit,
        share the dependencies as exact arithmetic says (networkx compares
        with ``==`` and loses one of them).

    Returns
    -------
    ndarray
        ``sum_{s != v != t} sigma_st(v) / sigma_st`` over ordered pairs (s, t);
        divide by ``(n - 1)(n - 2)`` for networkx's normalised betweenness (both
        for directed and undirected graphs). With ``sources``, only the
        dependencies of paths from those sources are summed.

    Notes
    -----
    The same accumulation as ``networkx.betweenness_centrality`` on plain
    Python lists of the CSR arrays, which was 1.5 to 2 times faster than
    walking networkx's dictionaries on 500-actor test graphs; a compiled engine replaces it.
    """
    n = W.shape[0]
    indptr = W.indptr.tolist()
    indices = W.indices.tolist()
    length = (1.0 / W.data).tolist() if weighted else None
    rtol = PATH_RTOL
    bc = [0.0] * n
    # work arrays, reset after each source only where it reached (no O(n^2) allocation)
    sigma = [0.0] * n
    delta = [0.0] * n
    dist = [-1] * n
    preds: list[list[int]] = [[] for _ in range(n)]
    for s in range(n) if sources is None else sources:
        sigma[s] = 1.0
        if length is None:
            dist[s] = 0
            order = [s]
            head = 0
            while head < len(order):
                v = order[head]
                head += 1
                dv = dist[v] + 1
                sv = sigma[v]
                for p in range(indptr[v], indptr[v + 1]):
                    w = indices[p]
                    if dist[w] < 0:
                        dist[w] = dv
                        order.append(w)
                    if dist[w] == dv:
                        sigma[w] += sv
                        preds[w].append(v)
        else:
            sigma[s] = 0.0
            order = []
            done: dict[int, float] = {}
            seen = {s: 0.0}
            heap = [(0.0, 0, s, s)]
            counter = 1
            while heap:
                d, _, pred, v = heapq.heappop(heap)
                if v in done:
                    continue
                sigma[v] += sigma[pred] if v != s else 1.0
                order.append(v)
                done[v] = d
                for p in range(indptr[v], indptr[v + 1]):
                    w = indices[p]
                    vw = d + length[p]
                    if w in done:
                        continue
                    known = seen.get(w)
                    if known is None or vw < known - rtol * known:
                        seen[w] = vw
                        heapq.heappush(heap, (vw, counter, v, w))
                        counter += 1
                        sigma[w] = 0.0
                        preds[w] = [v]
                    elif vw <= known + rtol * known:  # equally short within the tolerance
                        sigma[w] += sigma[v]
                        preds[w].append(v)
        for w in reversed(order):
            coeff = (1.0 + delta[w]) / sigma[w]
            for v in preds[w]:
                delta[v] += sigma[v] * coeff
            if w != s:
                bc[w] += delta[w]
        for v in order:
            sigma[v] = 0.0
            delta[v] = 0.0
            dist[v] = -1
            preds[v] = []
    return np.asarray(bc, dtype=float)


def closeness(W: sp.csr_array, *, weighted: bool) -> np.ndarray:
    """Closeness towards each node (Wasserman & Faust's version, networkx's default).

    An undirected network (symmetric ``W``), weighted or not: the trees hanging
    on the network are folded into their roots and the distance sums come from
    networkit's compiled searches (else scipy's) on the reduced network
    (:func:`quartiernetz.roles._decompose.closeness_folded`; 1.5 s against 6.9 s
    for rustworkx's closeness on a programme-like network of 8,013 actors).
    A directed network: unweighted on rustworkx (``wf_improved=True``, distances
    towards the node as networkx; in a worker process when it may take longer
    than :data:`INTERRUPTIBLE_SECONDS`, as :func:`betweenness`), weighted on
    scipy's Dijkstra (:func:`closeness_dijkstra`). All give the same values to
    rounding.
    """
    n = W.shape[0]
    if n < 2 or W.nnz == 0:
        return np.zeros(n)
    if (W != W.T).nnz == 0:
        L = W.copy()
        L.data = 1.0 / L.data if weighted else np.ones_like(L.data)
        return closeness_folded(L)
    if rx is None or weighted:
        return closeness_dijkstra(W, weighted=weighted)
    raw = interruptible_engine("closeness", W) if _long(W) else None
    if raw is not None:
        return raw
    g = engine_graph(W)
    if isinstance(g, rx.PyGraph):
        res = rx.graph_closeness_centrality(g, wf_improved=True)
    else:
        res = rx.digraph_closeness_centrality(g, wf_improved=True)
    return _engine_array(res, n)


def closeness_sample(
    W: sp.csr_array, *, weighted: bool, k: int, rng: np.random.Generator, chunk: int = 256
) -> np.ndarray:
    """Closeness estimated from the distances of ``k`` sampled source nodes (Eppstein & Wang).

    For an undirected network (symmetric ``W``): in each component c of size
    ``n_c`` that holds at least two sampled sources, ``sum_v d(v, u)`` is
    estimated as ``(n_c - 1)`` times the mean distance from the sampled sources
    other than u; components with fewer sampled sources are computed exactly.
    Then Wasserman & Faust's closeness as in :func:`closeness`. A directed
    ``W`` (where the actors that reach u are not known from a sample), or
    ``k >= n``, gives the exact :func:`closeness`.
    """
    n = W.shape[0]
    if k >= n or n < 2 or W.nnz == 0 or (W != W.T).nnz:
        return closeness(W, weighted=weighted)
    L = W.copy()
    L.data = 1.0 / L.data if weighted else np.ones_like(L.data)
    ncomp, labels = csgraph.connected_components(L, directed=False)
    sizes = np.bincount(labels)
    sources = np.sort(rng.choice(n, size=k, replace=False))
    per_comp = np.bincount(labels[sources], minlength=ncomp)
    sampled = per_comp[labels] >= 2  # nodes whose component is estimated
    total = np.zeros(n)
    count = np.zeros(n)
    src = sources[sampled[sources]]
    for start in range(0, len(src), chunk):
        D = csgraph.dijkstra(L, directed=False, indices=src[start : start + chunk])
        D[~np.isfinite(D)] = 0.0
        total += D.sum(axis=0)
        count += (D > 0).sum(axis=0)
    out = np.zeros(n)
    est = sampled & (count > 0)
    reach = (sizes[labels] - 1).astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        dsum = reach * total / count
        c = (reach / dsum) * (reach / (n - 1))
    out[est] = c[est]
    rest = np.flatnonzero(~sampled & (sizes[labels] > 1))
    for start in range(0, len(rest), chunk):
        idx = rest[start : start + chunk]
        D = csgraph.dijkstra(L, directed=False, indices=idx)
        finite = np.isfinite(D)
        r = finite.sum(axis=1) - 1
        tot = np.where(finite, D, 0.0).sum(axis=1)
        with np.errstate(divide="ignore", invalid="ignore"):
            out[idx] = np.where(tot > 0, (r / tot) * (r / (n - 1)), 0.0)
    return out


def closeness_dijkstra(W: sp.csr_array, *, weighted: bool, chunk: int = 256) -> np.ndarray:
    """Closeness towards each node, Wasserman & Faust's version (networkx's default).

    ``C(u) = (r / (n - 1)) * (r / sum_v d(v, u))`` over the r nodes that reach u;
    0 when none does. Lengths 1 per tie, or ``1 / W_ij`` when ``weighted``.
    Shortest paths from scipy's compiled Dijkstra, in chunks of targets.

    Closeness needs only each shortest distance, never the number of equally short
    paths, so the tolerance of :func:`betweenness_brandes` (:data:`PATH_RTOL`, 1e-10)
    has nothing to decide here: two routes whose floating-point lengths differ in the
    last digit give the same distance to within about 1e-16 relative, far below 1e-10
    (the tests compare with exact fractions to 1e-12).
    """
    n = W.shape[0]
    out = np.zeros(n)
    if n < 2 or W.nnz == 0:
        return out
    L = W.copy()
    L.data = 1.0 / L.data if weighted else np.ones_like(L.data)
    R = L.T.tocsr()  # paths towards u are paths from u in the reversed graph
    for start in range(0, n, chunk):
        idx = np.arange(start, min(n, start + chunk))
        D = csgraph.dijkstra(R, directed=True, indices=idx)
        finite = np.isfinite(D)
        reach = finite.sum(axis=1) - 1
        total = np.where(finite, D, 0.0).sum(axis=1)
        with np.errstate(divide="ignore", invalid="ignore"):
            c = np.where(total > 0, (reach / total) * (reach / (n - 1)), 0.0)
        out[idx] = c
    return out


def burt_measures(W: sp.csr_array) -> dict[str, np.ndarray]:
    """Burt's effective size, efficiency, constraint and hierarchy for every node.

    Parameters
    ----------
    W : csr_array, n x n
        Tie strengths (arcs), zero diagonal.

    Returns
    -------
    dict of ndarray
        ``effective_size``, ``efficiency``, ``constraint``, ``hierarchy``
        (NaN for isolates; hierarchy also NaN for one contact) and ``contacts``.

    Notes
    -----
    Mutual weights ``M = W + W^T``; ``p_ij = M_ij / sum_q M_iq``;
    ``m_jq = M_jq / max_q M_jq``. With ``N(i)`` the contacts of i:
    effective size ``sum_{j in N(i)} (1 - sum_q p_iq m_jq)``; local constraint
    ``c_ij = (p_ij + sum_q p_iq p_qj)^2``; constraint ``C_i = sum_j c_ij``;
    hierarchy ``sum_j r_ij ln r_ij / (N ln N)`` with ``r_ij = c_ij / (C_i / N)``.
    """
    n = W.shape[0]
    M = (W + W.T).tocsr()
    M.eliminate_zeros()
    M.sort_indices()
    deg = np.diff(M.indptr)
    rows = _rowwise(M)
    total = np.asarray(M.sum(axis=1)).ravel()
    top = np.zeros(n)
    nz = deg > 0
    if M.nnz:
        top[nz] = np.maximum.reduceat(M.data, M.indptr[:-1][nz])
    with np.errstate(divide="ignore", invalid="ignore"):
        P = sp.csr_array((M.data / total[rows], M.indices.copy(), M.indptr.copy()), (n, n))
        Mx = sp.csr_array((M.data / top[rows], M.indices.copy(), M.indptr.copy()), (n, n))
    B = sp.csr_array((np.ones(M.nnz), M.indices.copy(), M.indptr.copy()), shape=(n, n))
    # effective size: deg_i - sum_{j in N(i)} sum_q p_iq m_jq, only on ties (masked products)
    red = (P @ Mx.T).multiply(B)
    effective = deg - np.asarray(red.sum(axis=1)).ravel()
    # constraint: local c_ij on the ties of i
    indirect = (P @ P).multiply(B).tocsr()
    local = (P + indirect).tocsr()
    local.sort_indices()
    local.data = local.data**2
    constraint = np.asarray(local.sum(axis=1)).ravel()
    # hierarchy
    lrows = _rowwise(local)
    with np.errstate(divide="ignore", invalid="ignore"):
        r = local.data * deg[lrows] / constraint[lrows]
        terms = np.where(r > 0, r * np.log(r), 0.0)
        hsum = np.bincount(lrows, weights=terms, minlength=n)
        hierarchy = hsum / (deg * np.log(deg))
        efficiency = effective / deg
    iso = deg == 0
    effective = effective.astype(float)
    effective[iso] = np.nan
    efficiency[iso] = np.nan
    constraint[iso] = np.nan
    hierarchy[deg < 2] = np.nan
    return {
        "effective_size": effective,
        "efficiency": efficiency,
        "constraint": constraint,
        "hierarchy": hierarchy,
        "contacts": deg.astype(np.int64),
    }


def brokerage_counts(A: sp.csr_array, codes: np.ndarray) -> np.ndarray:
    """Gould-Fernandez role counts over open two-paths i -> j -> k (no arc i -> k).

    Parameters
    ----------
    A : csr_array, n x n
        0/1 arcs, zero diagonal (an undirected tie is two arcs).
    codes : ndarray of int, length n
        Group code per node.

    Returns
    -------
    ndarray, n x 5 (float)
        Columns coordinator, itinerant, gatekeeper, representative, liaison
        for each broker j.

    Notes
    -----
    For broker j in group g let ``a_c`` (``b_c``) count j's in- (out-)neighbours
    in group c and ``u_c`` its mutual neighbours in c. All ordered pairs
    (i, k), i != k, of an in- and an out-neighbour are counted from these
    (``a_c b_c' - [c = c'] u_c``); closed pairs (arc i -> k) are counted per tie
    j -> k from the masked products ``A_s^T A``, ``A^T A_s``, ``A_s^T A_s`` and
    ``A^T A`` (``A_s``: the arcs within a group), so the work is a few sparse
    products, never a loop over pairs of neighbours.
    """
    n = A.shape[0]
    A = sp.csr_array(A, dtype=np.float64)
    A.sort_indices()
    if A.nnz == 0:
        return np.zeros((n, 5))
    K = int(codes.max()) + 1
    onehot = sp.csr_array((np.ones(n), (np.arange(n), codes)), shape=(n, K))
    a = np.asarray((A.T @ onehot).todense())
    b = np.asarray((A @ onehot).todense())
    mutual = A.multiply(A.T).tocsr()
    u = np.asarray((mutual @ onehot).todense())
    rng = np.arange(n)
    a_g, b_g, u_g = a[rng, codes], b[rng, codes], u[rng, codes]
    a_tot, b_tot, u_tot = a.sum(axis=1), b.sum(axis=1), u.sum(axis=1)
    pairs_coord = a_g * b_g - u_g
    pairs_rep = a_g * (b_tot - b_g)
    pairs_gate = (a_tot - a_g) * b_g
    pairs_itin = ((a * b).sum(axis=1) - a_g * b_g) - (u_tot - u_g)
    pairs_total = a_tot * b_tot - u_tot

    arows = _rowwise(A)
    same = codes[arows] == codes[A.indices]
    As = sp.csr_array((same.astype(np.float64), A.indices.copy(), A.indptr.copy()), shape=(n, n))
    As.eliminate_zeros()

    def per_tie(X: sp.sparray) -> tuple[np.ndarray, np.ndarray]:
        """Sum of X over the ties j -> k of each j: (k in j's group, k outside)."""
        X = sp.coo_array(X.multiply(A))
        inside = codes[X.row] == codes[X.col]
        w_in = np.bincount(X.row, weights=X.data * inside, minlength=n)
        w_out = np.bincount(X.row, weights=X.data * ~inside, minlength=n)
        return w_in, w_out

    y1_in, y1_out = per_tie(As.T @ A)  # i in j's group
    _, y2_out = per_tie(A.T @ As)  # i in k's group
    y3_in, _ = per_tie(As.T @ As)  # i in j's and k's group
    yt_in, yt_out = per_tie(A.T @ A)  # any i
    coord = pairs_coord - y3_in
    rep = pairs_rep - y1_out
    gate = pairs_gate - (yt_in - y1_in)
    itin = pairs_itin - y2_out
    total = pairs_total - (yt_in + yt_out)
    liaison = total - coord - rep - gate - itin
    out = np.column_stack([coord, itin, gate, rep, liaison])
    return np.rint(out)


def component_labels(S: sp.csr_array) -> tuple[int, np.ndarray]:
    """Connected components of a symmetric pattern: (count, label per node)."""
    if S.shape[0] == 0:
        return 0, np.zeros(0, dtype=np.int64)
    ncomp, labels = csgraph.connected_components(S, directed=False)
    return int(ncomp), labels


def reachable_pairs(S: sp.csr_array) -> int:
    """Unordered pairs of nodes joined by a path: ``sum_k s_k (s_k - 1) / 2``."""
    _, labels = component_labels(S)
    sizes = np.bincount(labels).astype(np.int64)
    return int((sizes * (sizes - 1) // 2).sum())


def inverse_distance_sum(S: sp.csr_array, *, chunk: int = 256) -> float:
    """``sum_{i != j} 1 / d_ij`` over ordered pairs (1/inf = 0).

    Breadth-first searches run per connected component (pairs in different
    components add 0), in chunks of sources, so the work is
    ``sum_c n_c m_c`` rather than ``n m`` and no block is wider than a component.
    """
    n = S.shape[0]
    if n < 2 or S.nnz == 0:
        return 0.0
    ncomp, labels = csgraph.connected_components(S, directed=False)
    order = np.argsort(labels, kind="stable")
    bounds = np.searchsorted(labels[order], np.arange(ncomp + 1))
    total = 0.0
    for c in range(ncomp):
        members = order[bounds[c] : bounds[c + 1]]
        size = len(members)
        if size < 2:
            continue
        sub = S[members][:, members] if ncomp > 1 else S
        for start in range(0, size, chunk):
            idx = np.arange(start, min(size, start + chunk))
            D = csgraph.shortest_path(sub, method="D", directed=False, unweighted=True, indices=idx)
            D = D[D > 0]  # the component is connected: every other distance is finite
            total += float((1.0 / D).sum())
    return total


def removal_pieces(S: sp.csr_array) -> dict[str, np.ndarray]:
    """What each node's removal does to its component, for all nodes in linear time.

    One iterative depth-first search computes discovery times, low points and
    subtree sizes (Hopcroft & Tarjan 1973). A DFS child c of v whose low point
    does not reach above v (``low[c] >= disc[v]``) hangs on v alone: its subtree
    becomes a piece of its own when v leaves. The rest of v's component
    (``s - 1 -`` those subtrees) is one more piece when not empty.

    Parameters
    ----------
    S : csr_array
        Symmetric 0/1 pattern, zero diagonal.

    Returns
    -------
    dict of ndarray
        ``component_size`` (s), ``pieces`` (components the rest of v's
        component falls into), ``pairs_after`` (connected pairs among the
        remaining s - 1 actors of the component), ``largest_piece``.
    """
    n = S.shape[0]
    indptr = S.indptr.astype(np.int64).tolist()
    indices = S.indices.astype(np.int64).tolist()
    disc = [-1] * n
    low = [0] * n
    size = [1] * n
    sep_count = [0] * n
    sep_sum = [0] * n
    sep_pairs = [0] * n
    sep_max = [0] * n
    comp_size = np.zeros(n, dtype=np.int64)
    timer = 0
    for root in range(n):
        if disc[root] != -1:
            continue
        members = [root]
        disc[root] = low[root] = timer
        timer += 1
        stack = [(root, -1, indptr[root])]
        while stack:
            v, parent, ptr = stack[-1]
            end = indptr[v + 1]
            advanced = False
            while ptr < end:
                w = indices[ptr]
                ptr += 1
                if disc[w] == -1:
                    stack[-1] = (v, parent, ptr)
                    disc[w] = low[w] = timer
                    timer += 1
                    members.append(w)
                    stack.append((w, v, indptr[w]))
                    advanced = True
                    break
                if w != parent and disc[w] < low[v]:
                    low[v] = disc[w]
            if advanced:
                continue
            stack.pop()
            if parent >= 0:
                if low[v] < low[parent]:
                    low[parent] = low[v]
                size[parent] += size[v]
                if low[v] >= disc[parent]:
                    t = size[v]
                    sep_count[parent] += 1
                    sep_sum[parent] += t
                    sep_pairs[parent] += t * (t - 1) // 2
                    if t > sep_max[parent]:
                        sep_max[parent] = t
        comp_size[members] = size[root]
    rest = comp_size - 1 - np.asarray(sep_sum, dtype=np.int64)
    pieces = np.asarray(sep_count, dtype=np.int64) + (rest > 0)
    pairs_after = np.asarray(sep_pairs, dtype=np.int64) + rest * (rest - 1) // 2
    largest = np.maximum(np.asarray(sep_max, dtype=np.int64), rest)
    return {
        "component_size": comp_size,
        "pieces": pieces,
        "pairs_after": pairs_after,
        "largest_piece": largest,
    }


def leading_eigenvector(M: sp.csr_array, *, tol: float = 1e-10) -> np.ndarray:
    """Leading eigenvector (unit length, non-negative) of a symmetric non-negative matrix.

    Computed per connected component: components whose largest eigenvalue is
    below the overall largest get 0 (as in the eigenvector of the whole
    matrix); when several components share the largest eigenvalue, the unit
    length is split equally between them, which keeps the result independent
    of the eigen-solver's arbitrary choice.
    """
    n = M.shape[0]
    out = np.zeros(n)
    if M.nnz == 0:
        return out
    M = sp.csr_array(M, dtype=np.float64)
    ncomp, labels = csgraph.connected_components(M, directed=False)
    order = np.argsort(labels, kind="stable")
    bounds = np.searchsorted(labels[order], np.arange(ncomp + 1))
    rowsum = np.asarray(M.sum(axis=1)).ravel()
    # upper bounds of each component's largest eigenvalue: the largest row sum of M and
    # the square root of the largest row sum of M^2 (M is symmetric and non-negative)
    node_bound = np.minimum(rowsum, np.sqrt(M @ rowsum))
    comp_bound = np.zeros(ncomp)
    np.maximum.at(comp_bound, labels, node_bound)
    comps = sorted(range(ncomp), key=lambda c: (-comp_bound[c], -(bounds[c + 1] - bounds[c])))
    best = 0.0
    found: list[tuple[float, np.ndarray, np.ndarray]] = []
    for c in comps:
        members = order[bounds[c] : bounds[c + 1]]
        if len(members) < 2:
            continue
        if comp_bound[c] < best * (1 - 1e-9):
            break  # components come by falling bound: none of the rest can reach ``best``
        sub = M[members][:, members]
        if len(members) <= 64:
            vals, vecs = np.linalg.eigh(sub.toarray())
            lam, vec = float(vals[-1]), vecs[:, -1]
        else:
            from scipy.sparse.linalg import eigsh

            # a fixed start vector: ARPACK's default is random, which made the last
            # digits of the eigenvector (and so a report) differ from run to run
            v0 = np.ones(len(members))
            vals, vecs = eigsh(sub, k=1, which="LA", tol=tol, v0=v0)
            lam, vec = float(vals[0]), vecs[:, 0]
        vec = np.abs(vec)
        if lam > best * (1 + 1e-9):
            best = lam
            found = [(lam, members, vec)]
        elif lam >= best * (1 - 1e-9):
            found.append((lam, members, vec))
    if found:
        share = 1.0 / np.sqrt(len(found))
        for _, members, vec in found:
            out[members] = share * vec / np.linalg.norm(vec)
    return out


#: The kernels by name; an engine may replace entries with functions of the same signature.
KERNELS: dict[str, Callable[..., Any]] = {
    "betweenness": betweenness,
    "betweenness_start": betweenness_start,
    "betweenness_sample": betweenness_sample,
    "closeness": closeness,
    "closeness_sample": closeness_sample,
    "burt_measures": burt_measures,
    "brokerage_counts": brokerage_counts,
    "removal_pieces": removal_pieces,
    "component_labels": component_labels,
    "reachable_pairs": reachable_pairs,
    "inverse_distance_sum": inverse_distance_sum,
    "leading_eigenvector": leading_eigenvector,
}
