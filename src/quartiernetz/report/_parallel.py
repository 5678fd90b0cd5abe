"""Drawing the report's figures in a second Python process.

Drawing and saving the figures is most of a quarter report's time, and matplotlib holds
the GIL while it draws, so threads do not help. A :class:`FigureWorker` starts a second
interpreter (``python -m quartiernetz.report._figure_worker``) when the report starts; it
imports while this process runs the analyses. When the figures are due, both processes
take jobs (the figures and the catalyst-stability check) from one queue, the longest
first, until it is empty. A figure is drawn by the same code with the same seed and matplotlib settings
in either process, so the files are the same bytes (tested).

The worker is a plain subprocess speaking pickle over its standard input and output, not
:mod:`multiprocessing`: a spawned ``multiprocessing`` child imports the user's main
script again, which breaks scripts without an ``if __name__ == "__main__":`` guard, and
forking a process that has started threads (the compiled graph engine's pool) can
deadlock. If the worker cannot start or dies, this process draws what it left undone.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
import warnings
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from ..plotting.style import style

__all__ = ["FigureWorker", "default_jobs", "PARALLEL_MIN_ACTORS", "PARALLEL_ALWAYS_ACTORS"]

#: From this many actors on, ``n_jobs=None`` uses a second process where the report draws
#: the overlap heat maps or the offer map (committees or offers given) ...
PARALLEL_MIN_ACTORS = 150
#: ... and from this many actors on in any case.
PARALLEL_ALWAYS_ACTORS = 2000


def default_jobs(n_actors: int, *, affiliation_figures: bool = True) -> int:
    """Processes for the figures and the stability check when ``n_jobs`` is None.

    2 where the machine has two CPUs for us and the work pays for starting the second
    process (about 1.3 s to import and warm up, on two cores it shares with this one):
    from :data:`PARALLEL_ALWAYS_ACTORS` actors on, or from :data:`PARALLEL_MIN_ACTORS` on
    when the report has the affiliation figures (``affiliation_figures``: committees or
    offers given). Measured (``benchmarks/report_quarter.py``, ``benchmarks/run.py``): a
    528-actor quarter with committees and offers 4.7 s against 5.2 s in one process; the
    programme network (25,114 actors) 24.2 s against 27.5 s; a 511-actor network without
    affiliations 3.2 s against 2.8 s, so it stays in one process.

    Examples
    --------
    >>> default_jobs(31)
    1
    >>> default_jobs(511, affiliation_figures=False)
    1
    """
    if n_actors < PARALLEL_MIN_ACTORS:
        return 1
    if n_actors < PARALLEL_ALWAYS_ACTORS and not affiliation_figures:
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        cpus = os.cpu_count() or 1
    return 2 if cpus >= 2 else 1


def _send(stream: BinaryIO, message: Any) -> None:
    pickle.dump(message, stream, protocol=pickle.HIGHEST_PROTOCOL)
    stream.flush()


def _settings() -> dict[str, Any]:
    """This process's matplotlib settings, for the worker to draw alike."""
    import matplotlib as mpl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {
            k: v
            for k, v in mpl.rcParams.items()
            if k not in ("backend", "backend_fallback", "interactive")
        }


class FigureWorker:
    """A second process that draws figures from a shared queue.

    Start it early (:meth:`start`), hand it the figures' inputs and the queue when
    they are known (:meth:`share`), and collect with :meth:`finish`. Used as a
    context manager, the process is ended on leaving, whatever happened.
    """

    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None
        self.thread: threading.Thread | None = None
        self.results: dict[str, tuple[str, Any]] = {}
        self.unfinished: list[str] = []
        self.failure: str | None = None

    # ------------------------------------------------------------------ life
    def start(self) -> FigureWorker:
        """Start the worker process (it imports quartiernetz and waits)."""
        package_root = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ)
        env["MPLBACKEND"] = "Agg"
        env["PYTHONPATH"] = os.pathsep.join([package_root, *filter(None, [env.get("PYTHONPATH")])])
        try:
            self.process = subprocess.Popen(
                self._command(),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env=env,
            )
        except OSError as err:  # e.g. an embedded interpreter without an executable
            self.failure = f"could not start the figure worker: {err}"
            self.process = None
        return self

    @staticmethod
    def _command() -> list[str]:
        """The worker's command line (tests replace it with workers that fail)."""
        return [sys.executable, "-m", "quartiernetz.report._figure_worker"]

    def __enter__(self) -> FigureWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """End the worker process: it stops when its input closes (killed after 5 s)."""
        proc, self.process = self.process, None
        if proc is None:
            return
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
        if proc.stdout is not None:
            proc.stdout.close()

    # ------------------------------------------------------------------ work
    def share(
        self,
        queue: deque[str],
        lock: threading.Lock,
        setup: dict[str, Any],
        announce: Any = None,
    ) -> None:
        """Let the worker take jobs from the front of ``queue`` (guarded by ``lock``).

        ``setup`` holds what the worker needs to draw (network, results, layout, language,
        seed, folder); it is sent from a thread, so this returns at once.
        """
        if self.process is None:
            return
        setup = {**setup, "rc": _settings()}
        self.thread = threading.Thread(
            target=self._serve,
            args=(queue, lock, setup, announce),
            name="quartiernetz-figure-worker",
            daemon=True,
        )
        self.thread.start()

    def _serve(
        self, queue: deque[str], lock: threading.Lock, setup: dict[str, Any], announce: Any
    ) -> None:
        proc = self.process
        assert proc is not None and proc.stdin is not None and proc.stdout is not None
        claimed: str | None = None
        try:
            _send(proc.stdin, setup)
            while True:
                message = pickle.load(proc.stdout)
                if message[0] == "result":
                    _, name, outcome = message
                    self.results[name] = outcome
                    claimed = None
                with lock:
                    claimed = queue.popleft() if queue else None
                if claimed is not None and announce is not None:
                    announce(claimed)
                _send(proc.stdin, claimed)
                if claimed is None:
                    return
        except Exception as err:  # broken pipe, a setup that does not pickle, a dead worker
            self.failure = f"the figure worker stopped: {err!r}"
            if claimed is not None:
                self.unfinished.append(claimed)

    def finish(self) -> None:
        """Wait until the worker has returned every figure it took."""
        if self.thread is not None:
            self.thread.join()
        self.close()


# ------------------------------------------------------------------------- the worker
def _warm_up() -> None:
    """Load what the first figure would load (fonts, layout solvers, both renderers)."""
    import io

    import matplotlib.pyplot as plt
    import networkx as nx
    import scipy.optimize  # Kamada-Kawai
    import scipy.spatial  # noqa: F401 - the grid layout

    with style():
        fig, ax = plt.subplots(figsize=(2, 1))
        ax.set_title("Äö", fontweight="bold")
        ax.scatter([0, 1], [0, 1], marker="s")
        ax.text(0.5, 0.5, "Quartier ßü", bbox={"facecolor": "white"})
        for fmt in ("png", "svg"):
            fig.savefig(io.BytesIO(), format=fmt)
        plt.close(fig)
    nx.kamada_kawai_layout(nx.path_graph(3))


def work(figure_drawers: Callable[..., Any], run_figure_job: Callable[..., Any]) -> None:
    """The worker process: draw the figures it is given, one at a time.

    ``figure_drawers`` and ``run_figure_job`` are those of :mod:`quartiernetz.report.figures`
    (which imports this module, so the worker's entry point passes them in).
    """
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # whatever prints must not go into the pipe

    import matplotlib as mpl

    mpl.use("Agg")

    _warm_up()  # while the report's analyses still run
    try:
        setup = pickle.load(source)
    except EOFError:  # the report ended before the figures (an analysis failed)
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        mpl.rcParams.update(setup["rc"])
    drawers = {
        name: draw
        for name, draw, possible in figure_drawers(
            setup["net"], setup["data"], lang=setup["lang"], seed=setup["seed"], pos=setup["pos"]
        )
        if possible
    }
    _send(sink, ("ready",))
    # as in the report's process: each graph built once for all the jobs taken here
    with setup["net"].reusing_graphs():
        _take_jobs(source, sink, drawers, setup, run_figure_job)


def _take_jobs(
    source: BinaryIO,
    sink: BinaryIO,
    drawers: dict[str, Any],
    setup: dict[str, Any],
    run_figure_job: Callable[..., Any],
) -> None:
    """Run the jobs the report's process hands out until it says there are no more."""
    import matplotlib.pyplot as plt

    while True:
        name = pickle.load(source)
        if name is None:
            return
        try:
            outcome = run_figure_job(name, drawers, setup, compress=lambda job: job())
        except Exception as err:  # re-raised in the report's process
            try:
                pickle.dumps(err)
                outcome = ("raise", err)
            except Exception:  # an exception that does not pickle
                outcome = ("raise", RuntimeError(f"{type(err).__name__}: {err}"))
            plt.close("all")
        _send(sink, ("result", name, outcome))
