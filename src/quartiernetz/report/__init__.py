"""``quartiernetz report``: the tables, figures and HTML report written into one folder.

:func:`write_report` runs every analysis (:mod:`quartiernetz.descriptives`,
:mod:`quartiernetz.roles`, :mod:`quartiernetz.structures`), draws the
figures (:mod:`quartiernetz.plotting`) and writes into one folder:

- ``report.html``: one self-contained file (figures embedded as SVG, CSS
  inline, no scripts, fonts or external images), in German or English;
- ``summary.csv``, ``catalysts.csv``, ``catalyst_stability.csv``,
  ``brokerage.csv``, ``dependence.csv``, ``duplicates.csv``,
  ``competitors.csv``, ``suggested_ties.csv``, ``communities.csv``,
  ``offers.csv`` (where offers are given) and the ``data_*.csv`` tables of what
  was read;
- ``figures/``: each figure as PNG and SVG, with fixed file names.

- ``.quartiernetz-report``: the marker that makes the folder recognisable as a
  report, listing the files above (see :mod:`quartiernetz.report.output`).

The report is written into a hidden folder inside ``out`` and moved into place when
complete, so an interrupted run leaves no half report. ``out`` must be new or empty;
``force=True`` replaces an earlier report there, but never a folder holding other
files, and deletes only what the earlier report wrote. A lock file keeps two reports
from writing into one folder at once. The same input and seed give byte-identical
tables, figures and HTML (no time stamps anywhere).
"""

from __future__ import annotations

import os
import warnings
from contextlib import ExitStack
from pathlib import Path

import pandas as pd

from ..exceptions import DataCleaningWarning, QuartiernetzError
from ..explorer import DETAIL_MAX, write_explorer
from ..i18n import Text
from ..network import Network
from ..plotting.network import reusing_layouts
from ._parallel import FigureWorker, default_jobs
from .analyses import STEPS, ReportData, has_kind, run_analyses
from .figures import FIGURE_NAMES, make_figures, network_layout
from .html import build_context, render_html
from .output import check_output, display_name, write_locked
from .progress import Progress
from .tables import check_table, data_tables, localized, safe_frame, write_csv
from .texts import TEXTS

__all__ = ["write_report", "default_title", "TABLE_FILES", "safe_frame", "write_csv"]

#: The table files a report may hold, in the order listed in the report.
TABLE_FILES = (
    "summary.csv",
    "catalysts.csv",
    "catalyst_stability.csv",
    "brokerage.csv",
    "dependence.csv",
    "duplicates.csv",
    "competitors.csv",
    "suggested_ties.csv",
    "communities.csv",
    "offers.csv",
    "network_check.csv",
    "data_actors_by_type.csv",
    "data_ties_by_relation.csv",
    "data_affiliations_by_kind.csv",
    "data_quality.csv",
)


def _write_data_tables(net: Network, folder: Path, lang: str = "en") -> None:
    tables = data_tables(net, lang)  # the record and "no type given" in the report's language
    write_csv(tables["actors_by_type"], folder / "data_actors_by_type.csv")
    write_csv(tables["ties_by_relation"], folder / "data_ties_by_relation.csv")
    write_csv(tables["affiliations_by_kind"], folder / "data_affiliations_by_kind.csv")
    write_csv(tables["record"], folder / "data_quality.csv")


def _pairs(values: object) -> object:
    """A list of (a, b) pairs as text ``a + b; c + d`` (lists of plain values stay lists)."""
    if isinstance(values, list) and values and all(isinstance(v, tuple) for v in values):
        return "; ".join(" + ".join(map(str, v)) for v in values)
    return values


def _write_results(net: Network, data: ReportData, folder: Path, lang: str) -> None:
    data = localized(data, net, lang)  # people-facing values in the report's language
    if data.summary is not None:
        write_csv(data.summary, folder / "summary.csv", index=True)
    if data.catalysts is not None:
        write_csv(data.catalysts, folder / "catalysts.csv", index=True)
    if data.stability is not None:
        write_csv(data.stability.actors, folder / "catalyst_stability.csv", index=True)
    if data.brokerage is not None:
        write_csv(data.brokerage, folder / "brokerage.csv", index=True)
    if data.dependence is not None:
        write_csv(data.dependence, folder / "dependence.csv")
    if data.duplicates is not None:
        write_csv(data.duplicates, folder / "duplicates.csv")
    if data.competitors is not None:
        comp = data.competitors.copy()
        if "suggested_ties" in comp.columns:
            comp["suggested_ties"] = comp["suggested_ties"].map(_pairs).astype(object)
        write_csv(comp, folder / "competitors.csv")
    if data.suggestions is not None:
        write_csv(data.suggestions, folder / "suggested_ties.csv")
    if data.communities is not None:
        labels = net.actors["label"] if "label" in net.actors.columns else None
        frame = pd.DataFrame(
            {
                "actor": data.communities.index.astype(object),
                "label": [
                    labels.get(a, a) if labels is not None else a for a in data.communities.index
                ],
                "community": data.communities.to_numpy() + 1,
            }
        )
        write_csv(frame, folder / "communities.csv")
    if data.offers is not None:
        write_csv(data.offers, folder / "offers.csv")
    if data.check is not None and lang in data.check:
        write_csv(check_table(data.check[lang], lang), folder / "network_check.csv")


def default_title(net: Network, lang: str) -> str:
    """The report's title when none is given: "Netzwerkanalyse: <name>".

    The name is the network's (for a folder read from disk, the folder's name); an
    all-lowercase name gets a capital first letter (:func:`~quartiernetz.report.output.display_name`).

    Examples
    --------
    >>> from quartiernetz.datasets import load_example
    >>> default_title(load_example(), "de")
    'Netzwerkanalyse: Nordstadt'
    """
    t = TEXTS[lang]
    source = net.name or str(net.meta.get("source", "")) or ""
    return f"{t['default_title']}: {display_name(source)}" if source else t["default_title"]


def _written(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def write_report(
    net: Network,
    out: str | os.PathLike[str],
    *,
    lang: str = "de",
    seed: int = 0,
    title: str | None = None,
    quiet: bool = False,
    force: bool = False,
    approximate: bool = False,
    n_jobs: int | None = None,
) -> Path:
    """Write the report folder for ``net`` into ``out``.

    Parameters
    ----------
    net : Network
    out : path-like
        The output folder; created if missing.
    lang : {"de", "en"}
    seed : int
        Seed for layouts, community detection, the competitor split and the
        stability replicates.
    title : str, optional
        The report's title (escaped like every input text). Default: "Netzwerkanalyse:
        <name>" / "Network analysis: <name>" (:func:`default_title`).
    quiet : bool
        No progress output (progress is shown only when stderr is a terminal).
    force : bool
        Replace an earlier report in ``out`` (recognised by its marker file). A folder
        holding anything else is never replaced, and only the files the earlier report
        wrote are deleted.
    approximate : bool
        Estimate betweenness and closeness from sampled sources (for very large
        networks; see :func:`quartiernetz.roles.catalysts`). Every other measure
        stays exact.
    n_jobs : int, optional
        Processes for the figures and the catalyst-stability check: 1 does all here;
        2 or more (at most 8 are used) start that many minus one further Python
        processes, which import while the analyses run and then share these jobs with
        this one (matplotlib cannot draw in parallel threads). The files are the same
        either way. Default: 2 where two CPUs are
        available and the network has 150 actors or more with committees or offers, or
        2,000 actors or more; else 1 (see
        :func:`quartiernetz.report._parallel.default_jobs`).

    Returns
    -------
    pathlib.Path
        The output folder (resolved: ``.`` becomes the current folder's path).

    Raises
    ------
    QuartiernetzError
        Bad ``lang`` or ``n_jobs``; ``out`` is a file, is not empty (without ``force``),
        holds files an earlier report did not write, cannot be written, or another
        report is being written into it (see :mod:`quartiernetz.report.output`). All
        of these are checked before the analyses run.

    Notes
    -----
    An analysis that cannot run on this network (e.g. too few actors) raises a
    :class:`~quartiernetz.exceptions.QuartiernetzError` inside; the report then
    says "not available" with the reason in that section, and its table is not
    written. The catalyst-stability check uses 50 replicates up to 100 actors,
    20 up to 1,000 and 10 beyond (see
    :func:`quartiernetz.report.analyses.stability_replicates`).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from quartiernetz.datasets import load_example
    >>> folder = pathlib.Path(tempfile.mkdtemp()) / "report"
    >>> path = write_report(load_example(), folder, lang="en", quiet=True)
    >>> (path / "report.html").is_file(), (path / "figures" / "network.svg").is_file()
    (True, True)
    """
    if lang not in ("de", "en"):
        raise QuartiernetzError(f"lang must be 'de' or 'en', got {lang!r}")
    if n_jobs is None:
        n_jobs = default_jobs(
            len(net.actors),
            affiliation_figures=has_kind(net, ("committee", "gremium", "offer", "angebot")),
        )
    if isinstance(n_jobs, bool) or not isinstance(n_jobs, int) or n_jobs < 1:
        raise QuartiernetzError(
            Text(
                "[[py:n_jobs|cli:--jobs]] must be a whole number >= 1, got {n!r}.",
                "[[py:n_jobs|cli:--jobs]] muss eine ganze Zahl >= 1 sein, nicht {n!r}.",
            ).format(n=n_jobs)
        )
    # decided before any work: the folder may be written, and nothing in it is lost
    folder, _ = check_output(out, force=force)
    if title is None:
        title = default_title(net, lang)
    progress = Progress(
        len(STEPS) + len(FIGURE_NAMES) + 3, enabled=False if quiet else None, lang=lang
    )

    def fill(work: Path) -> list[str]:
        _write_into(net, work, lang, seed, title, progress, approximate, n_jobs)
        return _written(work)

    write_locked(out, folder, fill, force=force)
    progress.done()
    return folder


def _write_into(
    net: Network,
    tmp: Path,
    lang: str,
    seed: int,
    title: str,
    progress: Progress,
    approximate: bool,
    n_jobs: int,
) -> None:
    """Run the analyses and write every file of the report into ``tmp``."""
    # the network does not change during the report: each graph is built once, for the
    # analyses, the figures and the explorer page, and each component laid out once (the
    # network map and the community map)
    with net.reusing_graphs(), reusing_layouts():
        with ExitStack() as stack:
            # the further processes import while the analyses run here
            workers = [
                stack.enter_context(FigureWorker().start()) for _ in range(min(n_jobs, 8) - 1)
            ]
            stack.enter_context(warnings.catch_warnings())
            # the report's data-quality section lists what the loader did
            warnings.simplefilter("ignore", DataCleaningWarning)
            # the stability check runs beside the figures, in a worker where there is one
            data = run_analyses(
                net, seed=seed, progress=progress, approximate=approximate, defer_stability=True
            )
            # the network map's positions, shared with the explorer page below
            pos = network_layout(net, seed=seed)
            figures = make_figures(
                net,
                data,
                tmp / "figures",
                lang=lang,
                seed=seed,
                progress=progress,
                workers=workers,
                approximate=approximate,
                pos=pos,
            )
        progress.step(Text("tables", "Tabellen"))
        _write_data_tables(net, tmp, lang)
        _write_results(net, data, tmp, lang)
        progress.step(Text("explorer.html", "explorer.html"))
        # the interactive map beside the report, from the same results (nothing computed twice)
        write_explorer(
            net,
            tmp / "explorer.html",
            lang=lang,
            seed=seed,
            title=None,
            approximate=bool(approximate),
            catalysts=data.catalysts,
            communities=data.communities,
            duplicates=data.duplicates,
            competitors=data.competitors,
            suggestions=data.suggestions,
            # the explorer's own default up to its detail_max: the same layout call
            pos=pos.copy() if pos is not None and len(net.actors) <= DETAIL_MAX else None,
        )
        files = [f for f in TABLE_FILES if (tmp / f).is_file()]
        progress.step(Text("report.html", "report.html"))
        context = build_context(net, data, figures, lang=lang, seed=seed, title=title, files=files)
        html = render_html(context)
        with open(tmp / "report.html", "w", encoding="utf-8", newline="\n") as fh:
            fh.write(html)
