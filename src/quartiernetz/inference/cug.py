r"""Conditional uniform graph (CUG) tests: is a network-level figure unusual for its size?"""

from __future__ import annotations

import os
import pickle
import queue
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ._cug_kernels import (
    KERNELS,
    Work,
    betweenness_centralization,
    block,
    is_dense,
    route,
    transitivity,
)
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
#: Estimated seconds of work from which the draws go to worker processes (starting
#: one takes about 1 s of CPU: it imports numpy, rustworkx and numba and loads the
#: compiled kernel, but not quartiernetz).
POOL_FROM = 4.0
#: The same for threads of this process, in which the compiled betweenness kernel
#: runs (it releases the GIL; nothing to start).
THREADS_FROM = 0.5
#: Seconds per draw, per unit of work, of the kernels worth sending to workers
#: (single-threaded, measured at 500 actors): the Brandes of rustworkx (35-42 ms at
#: 2,087 ties) and the compiled one (4.5-6 ms) per actor x tie, the dense Brandes
#: (7.5-12 ms at half the possible ties) and the dense two-path count per actor**3.
_COST = {
    ("betweenness_centralization", "rustworkx"): 3.5e-8,
    ("betweenness_centralization", "compiled"): 5e-9,
    ("betweenness_centralization", "dense"): 8e-11,
    ("transitivity", "dense"): 5e-11,
}
#: Thread counts of the BLAS / OpenMP libraries, set to 1 in the worker processes:
#: each worker is one core's worth of work (a multi-threaded BLAS in each worker
#: competes for the same cores, and its threads spin while they wait: measured two to
#: three times the CPU time on a shared machine).
_THREADS = (
    "OPENBLAS_NUM_THREADS",
    "OMP_NUM_THREADS",
    "MKL_NUM_THREADS",
    "BLIS_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
)


def _density(n: int, directed: bool, m: int) -> float:
    return m / (n * (n - 1) if directed else n * (n - 1) / 2)


def _degree_centralization(n: int, directed: bool, src: np.ndarray, dst: np.ndarray) -> float:
    deg = np.bincount(src, minlength=n) + np.bincount(dst, minlength=n)
    top = (n - 1) * (2 * (n - 1) - 2) if directed else (n - 1) * (n - 2)
    return float((deg.max() - deg).sum() / top)


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
    n_jobs: int | None = None,
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
    n_jobs : int, optional
        Threads or processes for ``"betweenness_centralization"`` and
        ``"transitivity"`` when the draws add up to some work (a Brandes run or
        a matrix product per random graph): the graphs are drawn here, in
        order, and computed in threads of this process where they take the
        compiled betweenness kernel (numba, which releases the GIL), else in
        worker processes (one BLAS thread each); the result does not depend on
        ``n_jobs``. Default: the CPUs (at most 4) where the work pays for it
        (half a second for threads, a few seconds for processes), else 1. The
        workers are plain subprocesses (``python -P .../_cug_worker.py``, which
        load the kernels without importing quartiernetz): scripts need no
        ``if __name__ == "__main__":`` guard.

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

    Betweenness is exact, by Brandes's algorithm in one of three kernels, each
    summing in a fixed order: with numba installed (``pip install
    quartiernetz[fast]``) and at least 25,000 actors x ties, a compiled kernel
    that runs it for 64 sources at a time (about 5 ms for 500 actors and 2,000
    ties, where rustworkx takes 25-40 ms) below 10 % of the possible ties,
    and from there (up to 2,000 actors) Brandes's recursion for all sources at
    once in matrix products; without numba, or for smaller graphs, rustworkx's
    Brandes (single-threaded) below 2.5 % of the possible ties and the matrix
    products from there. They agree to about 1e-15 relative. Transitivity counts
    two-paths with sparse or dense products (exact integer counts either way).

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
    .. [4] Brandes, U. (2001). A faster algorithm for betweenness centrality.
       Journal of Mathematical Sociology 25(2), 163-177.
       doi:10.1080/0022250X.2001.9990249

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.caveman_graph(4, 5)
    >>> r = cug_test(G, "transitivity", draws=200, seed=1)
    >>> r.loc["transitivity", ["observed", "p_greater"]].tolist()
    [1.0, 0.0]
    """
    draws = check_count(draws, "draws")
    if n_jobs is not None:
        n_jobs = check_count(n_jobs, "n_jobs")
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
    draw = _sampler(conditioning, dy, B, m, directed, rng)
    way, seconds = _work(statistic, n, directed, conditioning, dy, m)
    # the compiled kernel releases the GIL: threads of this process, nothing to start
    threads = way == "compiled"
    if seconds * draws < (THREADS_FROM if threads else POOL_FROM):
        n_jobs = 1
    elif n_jobs is None:
        n_jobs = _cpus()
    # the workers start (a second of imports) while this process computes the observed value
    workers = [_start_worker() for _ in range(n_jobs)] if n_jobs > 1 and not threads else []
    try:
        observed = func(obs_src, obs_dst)
    except BaseException:
        for proc in workers:
            if proc is not None:
                _stop_worker(proc)
        raise
    if workers:
        dist = _pooled(statistic, n, directed, dy, draw, draws, workers)
    elif n_jobs > 1:
        dist = _threaded(statistic, n, directed, dy, draw, draws, n_jobs)
    else:
        dist = np.empty(draws)
        for k in range(draws):
            pick = draw()
            dist[k] = func(dy.rows[pick], dy.cols[pick])
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


def _work(
    statistic: Any, n: int, directed: bool, conditioning: str, dy: Dyads, m: int
) -> tuple[str, float]:
    """The kernel of a typical draw and its estimated seconds per draw, for a
    statistic that workers can compute (else 0)."""
    if not isinstance(statistic, str):
        return "", 0.0
    ties = dy.size // 2 if conditioning == "size" else m
    if statistic == "betweenness_centralization":
        way = route(n, directed, ties)
    else:
        way = "dense" if is_dense(n, directed, ties) else "sparse"
    rate = _COST.get((statistic, way), 0.0)
    return way, rate * (n**3 if way == "dense" else n * ties)


def _cpus() -> int:
    """The CPUs this process may use, at most 4."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(4, cpus))


def _worker_command() -> list[str]:
    """The worker's command line (tests replace it with workers that fail): its file
    run on its own (``-P``: nothing put before ``sys.path``), so that it loads the
    kernels without importing quartiernetz; with ``-m`` where that file is not a
    plain file."""
    worker = Path(__file__).with_name("_cug_worker.py")
    if worker.is_file():
        return [sys.executable, "-P", str(worker)]
    return [sys.executable, "-m", "quartiernetz.inference._cug_worker"]


def _start_worker() -> subprocess.Popen[bytes] | None:
    """A worker process (it loads the kernels and waits for tasks), or None."""
    env = dict(os.environ)
    for k in _THREADS:
        env.setdefault(k, "1")
    package_root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join([package_root, *filter(None, [env.get("PYTHONPATH")])])
    try:
        return subprocess.Popen(
            _worker_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env
        )
    except OSError:  # e.g. an embedded interpreter without an executable
        return None


def _stop_worker(proc: subprocess.Popen[bytes]) -> None:
    """End a worker: it stops when its input closes (killed after 5 s). Its output is
    closed once it has ended: a thread of :func:`_pooled` may be reading it."""
    try:
        if proc.stdin is not None:
            proc.stdin.close()
    except OSError:
        pass
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    try:
        if proc.stdout is not None:
            proc.stdout.close()
    except OSError:
        pass


def _threaded(
    statistic: str,
    n: int,
    directed: bool,
    dy: Dyads,
    draw: Callable[[], np.ndarray],
    draws: int,
    n_jobs: int,
) -> np.ndarray:
    """A statistic of ``draws`` random graphs, computed in ``n_jobs`` threads of this
    process: for the compiled kernel, which releases the GIL. The graphs are drawn
    here, in order; each value goes to its draw's place."""
    kernel = KERNELS[statistic]
    dist = np.empty(draws)
    size = max(1, -(-draws // (8 * n_jobs)))
    local = threading.local()

    def run(lo: int, picks: list[np.ndarray]) -> None:
        if not hasattr(local, "work"):
            local.work = Work()
        for k, pick in enumerate(picks):
            dist[lo + k] = kernel(n, directed, dy.rows[pick], dy.cols[pick], local.work)

    with ThreadPoolExecutor(max_workers=n_jobs) as pool:
        batches = [
            pool.submit(run, lo, [draw() for _ in range(min(size, draws - lo))])
            for lo in range(0, draws, size)
        ]
        for batch in batches:
            batch.result()
    return dist


def _pooled(
    statistic: str,
    n: int,
    directed: bool,
    dy: Dyads,
    draw: Callable[[], np.ndarray],
    draws: int,
    workers: list[subprocess.Popen[bytes] | None],
) -> np.ndarray:
    """A statistic of ``draws`` random graphs, computed in the worker processes
    ``workers`` (None: one that did not start), which it stops.

    The graphs are drawn here, in order, and sent in batches as packed dyad vectors,
    two batches on the way per worker; a worker that answers gets the next batch, so
    that a worker slowed down by other work on the machine takes fewer. The values
    go to the batch's place: the result does not depend on which worker computed
    what. What a worker that does not start or dies leaves undone is computed here.
    A thread per worker writes its batches (a batch is larger than a pipe holds, and
    a busy worker reads its next one only when done with the last), another reads
    its answers.
    """
    n_jobs = len(workers)
    dist = np.empty(draws)
    size = max(1, -(-draws // (8 * n_jobs)))
    bounds = [(lo, min(lo + size, draws)) for lo in range(0, draws, size)]
    batches: dict[int, list[np.ndarray]] = {}
    live = list(workers)
    sent: list[deque[int]] = [deque() for _ in workers]  # per worker, oldest first
    tasks: list[queue.Queue[tuple | None]] = [queue.Queue() for _ in workers]
    answers: queue.Queue[tuple[int, tuple[str, Any] | None]] = queue.Queue()
    made = done = 0

    def make() -> int:
        nonlocal made
        b, made = made, made + 1
        lo, hi = bounds[b]
        packed = []
        for _ in range(hi - lo):
            present = np.zeros(dy.size, dtype=bool)
            present[draw()] = True
            packed.append(np.packbits(present))
        batches[b] = packed
        return b

    def finish(b: int, values: np.ndarray | None = None) -> None:
        nonlocal done
        if values is None:
            values = block(statistic, n, directed, batches[b])
        lo, hi = bounds[b]
        dist[lo:hi] = values
        del batches[b]
        done += 1

    def feed(w: int) -> None:
        """The next batch to worker w (computed here if w has died)."""
        if made == len(bounds):
            return
        b = make()
        if live[w] is None:
            finish(b)
        else:
            sent[w].append(b)
            tasks[w].put((statistic, n, directed, batches[b]))

    def write(w: int, proc: subprocess.Popen[bytes]) -> None:
        """Write worker w's batches until told to stop (None) or the worker dies."""
        assert proc.stdin is not None
        while (task := tasks[w].get()) is not None:
            try:
                pickle.dump(task, proc.stdin, protocol=pickle.HIGHEST_PROTOCOL)
                proc.stdin.flush()
            except (OSError, ValueError):  # the worker died: its reader says so
                return

    def listen(w: int, proc: subprocess.Popen[bytes]) -> None:
        """Pass worker w's answers on, then None when its output ends."""
        assert proc.stdout is not None
        while True:
            try:
                answers.put((w, pickle.load(proc.stdout)))
            except Exception:  # the worker died or was stopped: its output ended
                answers.put((w, None))
                return

    for w, proc in enumerate(workers):
        if proc is not None:
            threading.Thread(target=write, args=(w, proc), daemon=True).start()
            threading.Thread(target=listen, args=(w, proc), daemon=True).start()
    try:
        for _ in range(2):
            for w in range(n_jobs):
                feed(w)
        while done < len(bounds):
            if not any(sent):  # no worker has any batch: the rest here
                while made < len(bounds):
                    finish(make())
                break
            w, answer = answers.get()
            if answer is None:  # worker w died: its batches here
                live[w] = None
                while sent[w]:
                    finish(sent[w].popleft())
                continue
            kind, values = answer
            if kind == "raise":
                raise values
            finish(sent[w].popleft(), values)
            feed(w)
    finally:
        for w, proc in enumerate(workers):
            if proc is not None:
                tasks[w].put(None)
                _stop_worker(proc)
    return dist


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
        work = Work()
        return (lambda src, dst: betweenness_centralization(n, directed, src, dst, work)), statistic
    if statistic == "transitivity":
        work = Work()
        return (lambda src, dst: transitivity(n, directed, src, dst, work)), statistic
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
) -> Callable[[], np.ndarray]:
    """A function drawing one random graph: the positions of its ties in the dyad
    vector, ascending (so that the ties come in one order, whatever the draw)."""
    D = dy.size
    if conditioning == "size":

        def size() -> np.ndarray:
            return np.flatnonzero(rng.random(D) < 0.5)

        return size
    if conditioning == "edges" or not directed:

        def edges() -> np.ndarray:
            return np.sort(rng.choice(D, size=m, replace=False))

        return edges
    # dyad census of a directed graph: mutual, asymmetric and null pairs
    pairs = Dyads(dy.n, directed=False)
    up = B[pairs.rows, pairs.cols] != 0
    down = B[pairs.cols, pairs.rows] != 0
    mutual = int((up & down).sum())
    asym = int((up ^ down).sum())
    n = dy.n

    def census() -> np.ndarray:
        pick = rng.choice(pairs.size, size=mutual + asym, replace=False)
        i, j = pairs.rows[pick], pairs.cols[pick]
        mi, mj = i[:mutual], j[:mutual]
        ai, aj = i[mutual:], j[mutual:]
        flip = rng.random(asym) < 0.5
        si, sj = np.where(flip, aj, ai), np.where(flip, ai, aj)
        src, dst = np.concatenate([mi, mj, si]), np.concatenate([mj, mi, sj])
        # position of the arc (i, j) among the cells off the diagonal, row by row
        return np.sort(src * (n - 1) + dst - (dst > src))

    return census
