"""Batches: many networks (or one survey export per house), one report each, one overview.

:func:`batch` reads every input, writes its report with
:func:`quartiernetz.report.write_report` into a sub-folder of ``out`` named after
the input, and writes the programme overview beside them: ``batch.csv`` (one row per
input with the key figures, or the reason it failed), ``index.html`` linking every
report, ``figures/distributions.png|svg`` and, for per-house inputs (actors of type
``Mehrgenerationenhaus``), ``programme.csv`` and ``figures/programme.png|svg`` with
partners per house, the share of houses with a municipal partner and the partner
types recomputed from the per-house data.

The inputs run in local processes (joblib's loky backend, ``jobs``) or on a Dask
distributed cluster (``scheduler``). One failing input does not stop the batch. A
second run into the same ``out`` skips every input whose content (and options) has
the hash of a finished report. See ``docs/batch.md``.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
import time
import types
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TextIO

import pandas as pd

from ..exceptions import QuartiernetzError
from ..i18n import Text, render
from ..privacy import read_key
from ..report.output import OutputLock, check_output, report_files, write_marker
from .overview import OVERVIEW_FILES, TEXTS, programme_overview, write_overview
from .run import expand_inputs, input_hash, run_in_worker, run_one, subfolder_names

__all__ = [
    "batch",
    "BATCH_COLUMNS",
    "STATE_FILE",
    "programme_overview",
    "write_overview",
    "TEXTS",
    "OVERVIEW_FILES",
]

#: The file in the batch folder that records each input's hash and row (for resuming).
STATE_FILE = ".quartiernetz-batch"

#: The columns every batch table has, in this order (more follow where measured:
#: ``check_strength``, ``check_watch``, ``check_gap`` with the network check;
#: ``houses``, ``partners``, ``municipal_partner_share``, ``partner_types`` for houses).
BATCH_COLUMNS = (
    "input",
    "name",
    "status",
    "resumed",
    "error",
    "actors",
    "ties",
    "density",
    "top_catalyst",
    "municipal_tie_share",
    "duplicates",
    "competitors",
    "seconds",
    "cpu_seconds",
    "worker_pid",
    "worker_peak_mib",
    "hash",
)


class _Bar:
    """One progress line: inputs done, failed and the time left."""

    def __init__(self, total: int, *, enabled: bool | None, lang: str, file: TextIO) -> None:
        self.total, self.done, self.failed, self.lang, self.file = total, 0, 0, lang, file
        self.enabled = file.isatty() if enabled is None else enabled
        self.start = time.monotonic()
        self.counted = 0  # inputs actually run (resumed ones take no time)

    def update(self, row: Mapping[str, Any], *, resumed: bool = False) -> None:
        self.done += 1
        self.failed += row.get("status") == "failed"
        self.counted += not resumed
        if not self.enabled:
            return
        width = 24
        filled = round(width * self.done / max(self.total, 1))
        elapsed = time.monotonic() - self.start
        remaining = self.total - self.done
        left = elapsed / self.counted * remaining if self.counted else 0.0
        mins, secs = divmod(round(left), 60)
        text = Text(
            "{done}/{total} done, {failed} failed, {m}:{s:02d} left",
            "{done}/{total} fertig, {failed} fehlgeschlagen, noch {m}:{s:02d}",
        ).format(done=self.done, total=self.total, failed=self.failed, m=mins, s=secs)
        bar = "#" * filled + "-" * (width - filled)
        end = "\n" if self.done == self.total else ""
        print(f"\r[{bar}] {render(text, self.lang)}", end=end, file=self.file, flush=True)


def _state(folder: Path) -> dict[str, Any]:
    path = folder / STATE_FILE
    if not path.is_file() or path.is_symlink():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return dict(data["inputs"])
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _write_state(folder: Path, rows: Mapping[str, Mapping[str, Any]]) -> None:
    tmp = folder / (STATE_FILE + ".tmp")
    text = json.dumps({"quartiernetz_batch": 1, "inputs": rows}, default=str, ensure_ascii=False)
    tmp.write_text(text + "\n", encoding="utf-8")
    os.replace(tmp, folder / STATE_FILE)


def _ours(folder: Path, rows: Mapping[str, Mapping[str, Any]]) -> set[str]:
    """The files of the batch folder that batches wrote: state, overview, reports."""
    files = {STATE_FILE, *(f for f in OVERVIEW_FILES if (folder / f).is_file())}
    for name, row in rows.items():
        if row.get("status") == "ok":
            files |= {f"{name}/{f}" for f in report_files(folder / name) or ()}
    return files


def _local(jobs: list[dict[str, Any]], n_jobs: int) -> Iterator[dict[str, Any]]:
    if n_jobs == 1 or len(jobs) <= 1:
        for job in jobs:
            yield run_one(job)
        return
    try:
        from joblib import Parallel, delayed
    except ImportError:
        raise QuartiernetzError(
            Text(
                "[[py:jobs > 1|cli:--jobs 2 or more]] needs joblib: pip install "
                "'quartiernetz[batch]'.",
                "[[py:jobs > 1|cli:--jobs 2 oder mehr]] braucht joblib: pip install "
                "'quartiernetz[batch]'.",
            )
        ) from None
    parallel = Parallel(n_jobs=n_jobs, backend="loky", return_as="generator_unordered")
    yield from parallel(delayed(run_in_worker)(job, os.getpid()) for job in jobs)


def _dask(jobs: list[dict[str, Any]], scheduler: Any) -> Iterator[dict[str, Any]]:
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise QuartiernetzError(
            Text(
                "[[py:scheduler|cli:--scheduler]] needs Dask: pip install 'quartiernetz[batch]'.",
                "[[py:scheduler|cli:--scheduler]] braucht Dask: pip install 'quartiernetz[batch]'.",
            )
        ) from None
    own = not isinstance(scheduler, Client)
    try:
        client = Client(scheduler, timeout="20s") if own else scheduler
    except OSError as err:
        raise QuartiernetzError(
            Text(
                "{address}: no Dask scheduler answers there ({reason}).",
                "{address}: dort antwortet kein Dask-Scheduler ({reason}).",
            ).format(address=str(scheduler), reason=str(err))
        ) from None
    try:
        futures = client.map(run_one, jobs, pure=False)
        by_key = {f.key: job for f, job in zip(futures, jobs, strict=True)}
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception as err:  # the worker died: that input failed, not the batch
                job = by_key[future.key]
                yield {
                    "input": job["input"],
                    "name": job["name"],
                    "hash": job["hash"],
                    "status": "failed",
                    "error": f"{type(err).__name__}: {err}",
                    "error_type": type(err).__name__,
                }
    finally:
        if own:
            client.close()


def batch(
    inputs: Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    jobs: int = 1,
    scheduler: Any = None,
    lang: str = "de",
    seed: int = 0,
    approximate: bool = False,
    force: bool = False,
    format: str = "auto",
    directed: bool | None = None,
    survey: Mapping[str, Any] | None = None,
    side_files: Iterable[str | os.PathLike[str]] = (),
    pseudonymize: str | os.PathLike[str] | None = None,
    progress: bool | None = None,
    interface: str = "python",
) -> pd.DataFrame:
    """Write one report per input into ``out`` and the programme overview beside them.

    Parameters
    ----------
    inputs : iterable of path-like
        Files, folders or glob patterns (``"houses/*"``); one network (or one survey
        export) each. Each report goes into ``out/<name>``, ``<name>`` being the
        input's name without its ending (``-2``, ``-3`` … where names repeat).
    out : path-like
        The batch folder: new, empty, or one an earlier batch wrote (then the batch
        resumes).
    jobs : int, default 1
        Local processes (joblib, loky backend); 1 runs every input in this process.
    scheduler : str or distributed.Client, optional
        A Dask scheduler address (``"tcp://host:8786"``) or client: the inputs run on
        that cluster instead; its workers must see the same file system.
    lang : {"de", "en"}
        Language of the reports, the overview and the error messages.
    seed : int, default 0
        Seed of every report.
    approximate : bool
        Passed to :func:`~quartiernetz.report.write_report`.
    force : bool
        Run every input again, even one whose finished report has the same hash.
    format : str, default "auto"
        Passed to :func:`~quartiernetz.io.read_network`.
    directed : bool, optional
        Passed to :func:`~quartiernetz.io.read_network`.
    survey : dict, optional
        Keyword arguments of :func:`~quartiernetz.io.survey.read_survey`: given, every
        input is read as a survey export.
    side_files : iterable of path-like
        Files read for every input (roster, codebook, aliases): they count into
        each input's hash and must not lie inside ``out``.
    pseudonymize : path-like, optional
        A key file (created with a random key if missing): every network is
        pseudonymised before its report; the key tables go beside the key file
        (``<name>-key-table.csv``).
    progress : bool, optional
        Show the progress line on stderr (default: when stderr is a terminal).
    interface : {"python", "cli"}
        How error messages name options.

    Returns
    -------
    pandas.DataFrame
        One row per input, in input order (:data:`BATCH_COLUMNS` and the measured
        extras); ``status`` is ``"ok"`` or ``"failed"`` (with ``error``), ``resumed``
        marks an input skipped because its report was finished. The same table is
        written to ``out/batch.csv``.

    Raises
    ------
    QuartiernetzError
        Bad ``lang`` or ``jobs``, a glob matching nothing, ``out`` not usable (a file,
        not empty and not a batch folder, holding an input, locked by another batch).
        A failing input does not raise: its row says why.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from quartiernetz.datasets import example_path
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "batch"
    >>> table = batch([example_path(), "missing.csv"], out, lang="en")
    >>> table[["name", "status"]].to_dict("records")
    [{'name': 'nordstadt', 'status': 'ok'}, {'name': 'missing', 'status': 'failed'}]
    >>> (out / "nordstadt" / "report.html").is_file(), (out / "index.html").is_file()
    (True, True)
    >>> batch([example_path()], out, lang="en")["resumed"].tolist()
    [True]
    """
    if lang not in ("de", "en"):
        raise QuartiernetzError(f"lang must be 'de' or 'en', got {lang!r}")
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise QuartiernetzError(
            Text(
                "[[py:jobs|cli:--jobs]] must be a whole number >= 1, got {n!r}.",
                "[[py:jobs|cli:--jobs]] muss eine ganze Zahl >= 1 sein, nicht {n!r}.",
            ).format(n=jobs)
        )
    paths = expand_inputs(inputs)
    side = [os.fspath(p) for p in side_files]
    keyfile = Path(pseudonymize) if pseudonymize is not None else None
    given = [*paths, *side, *([os.fspath(keyfile)] if keyfile else [])]
    folder = Path(os.path.expanduser(os.fspath(out))).resolve()
    # the report's safety rules: a new or empty folder, or one holding only what
    # earlier batches wrote (their marker lists it); never one holding an input
    resuming = (folder / STATE_FILE).is_file() and report_files(folder) is not None
    check_output(out, force=resuming, inputs=given)
    names = subfolder_names(paths)
    options = {
        "lang": lang,
        "seed": seed,
        "approximate": bool(approximate),
        "format": format,
        "directed": directed,
        "survey": dict(survey) if survey is not None else None,
        "pseudonymize": os.fspath(keyfile) if keyfile else None,
    }
    key = None
    if keyfile is not None:
        if not keyfile.exists():
            keyfile.parent.mkdir(parents=True, exist_ok=True)
            keyfile.write_text(secrets.token_hex(32) + "\n", encoding="utf-8")
        key = {"key": read_key(keyfile), "tables": keyfile.parent}
    with OutputLock(folder, shown=os.fspath(out)):
        state = _state(folder)
        rows: dict[str, dict[str, Any]] = {}
        todo: list[dict[str, Any]] = []
        bar = _Bar(len(paths), enabled=progress, lang=lang, file=sys.stderr)
        for path, name in zip(paths, names, strict=True):
            digest = input_hash(path, side, options)
            earlier = state.get(name)
            if (
                not force
                and earlier
                and earlier.get("hash") == digest
                and earlier.get("status") == "ok"
                and report_files(folder / name) is not None
            ):
                rows[name] = {**earlier, "input": path, "resumed": True}
                bar.update(rows[name], resumed=True)
                continue
            todo.append(
                {
                    "input": path,
                    "name": name,
                    "folder": os.fspath(folder / name),
                    "hash": digest,
                    "lang": lang,
                    "seed": seed,
                    "approximate": bool(approximate),
                    # a sub-folder holding an earlier report of this batch is replaced
                    "force": report_files(folder / name) is not None,
                    "format": format,
                    "directed": directed,
                    "survey": options["survey"],
                    "pseudonymize": key,
                    "interface": interface,
                }
            )
        results = _dask(todo, scheduler) if scheduler is not None else _local(todo, jobs)
        ours = _ours(folder, rows)
        for row in results:
            row["resumed"] = False
            rows[row["name"]] = row
            state[row["name"]] = row
            _write_state(folder, state)
            ours |= _ours(folder, {row["name"]: row})
            write_marker(folder, ours)
            bar.update(row)
        table = pd.DataFrame([rows[n] for n in names])
        extra = [c for c in table.columns if c not in BATCH_COLUMNS and c != "error_type"]
        for col in BATCH_COLUMNS:
            if col not in table.columns:
                table[col] = pd.NA
        table = table[[*BATCH_COLUMNS, *extra]]
        table["error"] = table["error"].fillna("")
        ours |= set(write_overview(table, folder, lang=lang))
        write_marker(folder, ours)
    return table


class _CallableModule(types.ModuleType):
    """This package, callable as :func:`batch`.

    ``quartiernetz.batch`` names both this package and the function: once the package
    is imported, Python binds the name on ``quartiernetz`` to the package, so the
    package calls :func:`batch` and ``qn.batch(...)`` works either way.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> pd.DataFrame:
        return batch(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
