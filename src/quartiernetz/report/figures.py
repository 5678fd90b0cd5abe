"""The report's figures: drawn once, saved as PNG and SVG, embedded in the HTML as SVG."""

from __future__ import annotations

import base64
import gc
import threading
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import plotting as qp
from ..exceptions import QuartiernetzError
from ..network import Network
from ._parallel import FigureWorker
from .analyses import ReportData, run_stability
from .progress import Progress

__all__ = ["FigureFile", "make_figures", "network_layout", "FIGURE_NAMES", "LAYOUT_MAX_ACTORS"]

#: Fixed file stems of the figures (never derived from user text).
FIGURE_NAMES = (
    "check",
    "network",
    "sectors",
    "brokerage",
    "dependence",
    "overlap_committees",
    "overlap_offers",
    "communities",
    "offer_map",
)


@dataclass(frozen=True)
class FigureFile:
    """A saved figure: its files (relative to the report folder) and the embeddable SVG."""

    name: str
    png: str
    svg: str
    data_uri: str


def _save(fig: Any, folder: Path, name: str, compress: Callable[..., Any]) -> FigureFile:
    png, svg = qp.save_figure(
        fig, folder / name, formats=("png", "svg"), dpi=None, compress=compress
    )
    uri = "data:image/svg+xml;base64," + base64.b64encode(svg.read_bytes()).decode("ascii")
    return FigureFile(name=name, png=f"figures/{png.name}", svg=f"figures/{svg.name}", data_uri=uri)


#: Up to this many actors, the network map is drawn on :func:`network_layout`'s positions;
#: above, :func:`quartiernetz.plotting.plot_network` lays out what it shows itself.
LAYOUT_MAX_ACTORS = 2000


def network_layout(net: Network, *, seed: int) -> Any:
    """The positions of the report's network map, or None above :data:`LAYOUT_MAX_ACTORS`.

    :func:`quartiernetz.plotting.layout` with ``seed`` and ``weight="weight"``: the
    network map draws on them, and the report hands them to the explorer page, whose
    default they are too, so the layout is computed once per report, not twice.

    Examples
    --------
    >>> from quartiernetz.datasets import load_example
    >>> from quartiernetz.plotting import layout
    >>> net = load_example()
    >>> network_layout(net, seed=0).equals(layout(net, seed=0, weight="weight"))
    True
    """
    if len(net.actors) > LAYOUT_MAX_ACTORS:
        return None
    return qp.layout(net, seed=seed, weight="weight")


def figure_drawers(
    net: Network, data: ReportData, *, lang: str, seed: int, pos: Any
) -> list[tuple[str, Callable[[], Any], bool]]:
    """The figures in report order: name, drawing function, whether the results allow it."""

    cat = data.catalysts
    return [
        (
            "check",
            lambda: qp.plot_network_check(data.check[lang], lang=lang),
            data.check is not None,
        ),
        (
            "network",
            lambda: qp.plot_network(
                net, catalysts=cat, seed=seed, lang=lang, pos=pos, weight="weight"
            ),
            cat is not None,
        ),
        ("sectors", lambda: qp.plot_sector_map(net, catalysts=cat, lang=lang), cat is not None),
        (
            "brokerage",
            lambda: qp.plot_brokerage(net, brokerage=data.brokerage, lang=lang),
            data.brokerage is not None,
        ),
        (
            "dependence",
            lambda: qp.plot_dependence(net, curve=data.dependence, lang=lang),
            data.dependence is not None,
        ),
        (
            "overlap_committees",
            lambda: qp.plot_overlap(
                net,
                kind="committee",
                duplicates=data.duplicates,
                lang=lang,
                highlight=data.duplicates is not None,
            ),
            data.has_committees,
        ),
        (
            "overlap_offers",
            lambda: qp.plot_overlap(
                net,
                kind="offer",
                duplicates=data.duplicates,
                lang=lang,
                highlight=data.duplicates is not None,
            ),
            data.has_offers,
        ),
        (
            "communities",
            lambda: qp.plot_network(
                net,
                catalysts=cat,
                communities=data.communities + 1,
                color_by="community",
                seed=seed,
                lang=lang,
                competition=False,
                weight="weight",
            ),
            data.communities is not None and cat is not None,
        ),
        (
            "offer_map",
            lambda: qp.plot_offer_map(net, offers=data.offers_wide, lang=lang),
            data.offers_wide is not None,
        ),
    ]


#: The one job shared with the figures that is not a figure: the catalyst-stability check
#: (deferred by :func:`~quartiernetz.report.analyses.run_analyses`; no figure needs it).
STABILITY_JOB = "stability"


#: The order in which the jobs are taken: about the longest first (measured on quarters of
#: 30 to 530 actors with committees and offers; the order changes no file).
JOB_ORDER = (
    "communities",
    STABILITY_JOB,
    "overlap_offers",
    "offer_map",
    "sectors",
    "network",
    "overlap_committees",
    "brokerage",
    "dependence",
    "check",
)


def _reason(err: QuartiernetzError) -> Any:
    """Why a job failed: the error's :class:`~quartiernetz.i18n.Text` where it has one
    (the report shows it in its language), else its English text."""
    return err.text if err.text is not None else str(err)


def run_figure_job(
    name: str,
    drawers: dict[str, Callable[[], Any]],
    setup: dict[str, Any],
    compress: Callable[..., Any],
) -> tuple[str, Any]:
    """One job, a figure drawn and saved or the stability check: ``("ok", result)`` or
    ``("error", reason)`` for a :class:`~quartiernetz.exceptions.QuartiernetzError` (see
    :func:`_reason`)."""
    import matplotlib.pyplot as plt

    if name == STABILITY_JOB:
        try:
            return "ok", run_stability(
                setup["net"], setup["data"], seed=setup["seed"], approximate=setup["approximate"]
            )
        except QuartiernetzError as err:
            return "error", _reason(err)
    ax = None
    try:
        ax = drawers[name]()
        return "ok", _save(ax.figure, Path(setup["folder"]), name, compress)
    except QuartiernetzError as err:
        return "error", _reason(err)
    finally:
        if ax is not None:
            plt.close(ax.figure)


def make_figures(
    net: Network,
    data: ReportData,
    folder: Path,
    *,
    lang: str,
    seed: int,
    progress: Progress | None = None,
    workers: Sequence[FigureWorker] = (),
    approximate: bool = False,
    pos: Any = None,
) -> dict[str, FigureFile]:
    """Draw and save every figure the results allow; returns them by name.

    A figure whose drawing raises a :class:`~quartiernetz.exceptions.QuartiernetzError`
    is left out (its reason goes to ``data.errors["figure_<name>"]``). Where
    ``data.stability_deferred``, the catalyst-stability check runs as one more job
    (into ``data.stability``; ``approximate`` as for the analyses). With started
    :class:`~quartiernetz.report._parallel.FigureWorker` processes, the jobs are shared
    between this process and them (the same files and results either way). ``pos``
    is the layout of the network map (:func:`network_layout`, computed here when not
    given).
    """

    prog = progress or Progress(0, enabled=False)
    folder.mkdir(parents=True, exist_ok=True)
    if pos is None:
        pos = network_layout(net, seed=seed)
    drawers = figure_drawers(net, data, lang=lang, seed=seed, pos=pos)
    draw_of = {name: draw for name, draw, possible in drawers if possible}
    # every process takes the next job from the front, the longest first, so that no
    # process is left with a long job at the end (longest processing time first)
    names = [*draw_of, *([STABILITY_JOB] if data.stability_deferred else [])]
    queue: deque[str] = deque(sorted(names, key=JOB_ORDER.index))
    lock = threading.Lock()
    setup = {
        "net": net,
        "data": data,
        "lang": lang,
        "seed": seed,
        "pos": pos,
        "folder": folder,
        "approximate": approximate,
    }

    def label(name: str) -> str:
        if name == STABILITY_JOB:
            return f"stability ({data.replicates} replicates)"
        return f"figure {name}"

    for worker in workers:
        worker.share(
            queue, lock, setup, announce=lambda name: prog.step(f"{label(name)} (in parallel)")
        )
    done: dict[str, tuple[str, Any]] = {}
    # PNG compression runs in a second thread while the next figure is drawn (Pillow
    # releases the GIL); every file is complete when this function returns
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="quartiernetz-png") as pool:
        pending = []

        def run_here(name: str) -> None:
            prog.step(label(name))
            done[name] = run_figure_job(
                name, draw_of, setup, lambda job: pending.append(pool.submit(job))
            )

        while True:
            with lock:
                if not queue:
                    break
                name = queue.popleft()
            run_here(name)
        for worker in workers:
            worker.finish()
            done.update(worker.results)
            for name in worker.unfinished:  # the worker died on these: run them here
                run_here(name)
        for job in pending:
            job.result()  # raises what the compression raised
    # the figures are closed, but matplotlib's artists hold one another in cycles that only
    # a full collection frees; collected here, once per report, so that a run of reports in
    # one process (a batch) does not carry each report's figures into the next one's peak
    gc.collect()
    for kind, value in done.values():
        if kind == "raise":  # an unexpected error in a worker: as if it had happened here
            raise value
    if data.stability_deferred:
        kind, value = done[STABILITY_JOB]
        if kind == "ok":
            data.stability = value
        else:
            data.errors["stability"] = value
    out: dict[str, FigureFile] = {}
    for name, _, possible in drawers:
        if not possible:
            continue
        kind, value = done[name]
        if kind == "ok":
            out[name] = value
        else:
            data.errors[f"figure_{name}"] = value
    return out
