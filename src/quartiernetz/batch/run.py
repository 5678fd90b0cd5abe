"""Running one input of a batch: read, report, key figures (runs in a worker process)."""

from __future__ import annotations

import gc
import glob
import hashlib
import json
import os
import re
import resource
import time
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from .._version import __version__
from ..check import ASSESSMENT_NAMES
from ..datasets import programme_figures
from ..exceptions import QuartiernetzError
from ..i18n import Text, render
from ..io import read_network
from ..io.survey import read_survey
from ..privacy import pseudonymize
from ..report import write_report
from ..report.tables import write_csv

__all__ = [
    "expand_inputs",
    "subfolder_names",
    "input_hash",
    "run_one",
    "run_in_worker",
    "HOUSE_TYPE",
]

#: The actor type whose networks get the programme columns (partners per house …).
HOUSE_TYPE = "Mehrgenerationenhaus"


def expand_inputs(inputs: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The inputs with every glob pattern (``*``, ``?``, ``[``) expanded, sorted.

    A pattern matching nothing is an error; a plain path is kept as given (one that
    does not exist fails as that input's row, not the batch).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> for n in ("b.csv", "a.csv"):
    ...     _ = (d / n).write_text("x")
    >>> [pathlib.Path(p).name for p in expand_inputs([str(d / "*.csv")])]
    ['a.csv', 'b.csv']
    """
    out: list[str] = []
    for given in inputs:
        text = os.fspath(given)
        if glob.has_magic(text) and not os.path.exists(text):
            found = sorted(glob.glob(os.path.expanduser(text)))
            if not found:
                raise QuartiernetzError(
                    Text(
                        "{pattern}: no file or folder matches this pattern.",
                        "{pattern}: keine Datei und kein Ordner passt zu diesem Muster.",
                    ).format(pattern=text)
                )
            out.extend(found)
        else:
            out.append(text)
    if not out:
        raise QuartiernetzError(Text("no inputs given.", "keine Eingaben angegeben."))
    return out


def subfolder_names(inputs: Iterable[str]) -> list[str]:
    """One distinct sub-folder name per input: its name without ending, made safe.

    Examples
    --------
    >>> subfolder_names(["x/nord.csv", "y/nord.xlsx", "süd stadt", "a/"])
    ['nord', 'nord-2', 'süd_stadt', 'a']
    """
    names: list[str] = []
    seen: set[str] = set()
    for text in inputs:
        p = Path(text)
        stem = p.name if p.is_dir() or not p.suffix else p.stem
        base = re.sub(r"[^\w.-]+", "_", stem).strip("._") or "input"
        name, k = base, 2
        while name.casefold() in seen:
            name, k = f"{base}-{k}", k + 1
        seen.add(name.casefold())
        names.append(name)
    return names


def _hash_path(h: Any, path: Path) -> None:
    if path.is_dir():
        for sub in sorted(p for p in path.rglob("*") if p.is_file()):
            h.update(sub.relative_to(path).as_posix().encode() + b"\0")
            h.update(sub.read_bytes())
    elif path.is_file():
        h.update(path.read_bytes())
    else:
        h.update(b"<missing>")


def input_hash(path: str, files: Iterable[str], options: Mapping[str, Any]) -> str:
    """SHA-256 of the input's content, the side files (roster …) and the options.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "n.csv"
    >>> _ = f.write_text("source,target\\na,b\\n")
    >>> input_hash(str(f), [], {"seed": 0}) == input_hash(str(f), [], {"seed": 0})
    True
    >>> input_hash(str(f), [], {"seed": 0}) == input_hash(str(f), [], {"seed": 1})
    False
    """
    h = hashlib.sha256()
    _hash_path(h, Path(path))
    for extra in files:
        h.update(b"\1")
        _hash_path(h, Path(extra))
    h.update(json.dumps(dict(options), sort_keys=True, default=str).encode())
    h.update(__version__.encode())
    return h.hexdigest()


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _read(job: Mapping[str, Any]) -> Any:
    if job.get("survey") is not None:
        return read_survey(job["input"], **job["survey"])
    return read_network(
        job["input"], format=job.get("format", "auto"), directed=job.get("directed")
    )


def _csv(folder: Path, name: str, **kwargs: Any) -> pd.DataFrame | None:
    path = folder / name
    return pd.read_csv(path, encoding="utf-8-sig", **kwargs) if path.is_file() else None


#: The network check's assessment ids by their names in ``network_check.csv`` (both languages).
_ASSESSMENT_IDS = {
    render(name, lang): key for key, name in ASSESSMENT_NAMES.items() for lang in ("de", "en")
}


def key_figures(net: Any, folder: Path) -> dict[str, Any]:
    """The overview's figures for one network and its written report folder.

    Read from the report's tables where it has them, so the overview says what the
    report says: ``check_strength``, ``check_watch`` and ``check_gap`` count the
    assessments of its ``network_check.csv`` (NaN without one), which the report
    computed with the batch's seed.
    """
    row: dict[str, Any] = {}
    summary = _csv(folder, "summary.csv", index_col=0)
    values = summary["value"] if summary is not None else pd.Series(dtype=float)
    for key in ("actors", "ties", "density", "municipal_tie_share"):
        row[key] = float(values[key]) if key in values.index else float("nan")
    row["actors"] = len(net.actors)
    row["ties"] = len(net.ties)
    cat = _csv(folder, "catalysts.csv")
    row["top_catalyst"] = (
        str(cat["label"].iloc[0]) if cat is not None and len(cat) and "label" in cat else ""
    )
    for name in ("duplicates", "competitors"):
        frame = _csv(folder, f"{name}.csv")
        row[name] = len(frame) if frame is not None else float("nan")
    check = _csv(folder, "network_check.csv")
    counts = (
        check["assessment"].map(lambda a: _ASSESSMENT_IDS.get(a, a)).value_counts()
        if check is not None and "assessment" in check
        else None
    )
    for a in ("strength", "watch", "gap"):
        row[f"check_{a}"] = int(counts.get(a, 0)) if counts is not None else float("nan")
    types = net.actors["type"] if "type" in net.actors.columns else None
    if types is not None and (types == HOUSE_TYPE).any():
        fig = programme_figures(net)
        row["houses"] = int(fig["houses"])
        row["partners"] = int(fig["partner_ties"])
        row["municipal_partner_share"] = float(fig["share_municipal_partner"])
        shares = {k.split(":", 1)[1]: v for k, v in fig.items() if str(k).startswith("type_share:")}
        row["partner_types"] = "; ".join(
            f"{t}={round(s * fig['partner_ties'])}" for t, s in shares.items()
        )
    return row


def run_one(job: Mapping[str, Any]) -> dict[str, Any]:
    """Read one input, write its report, return its overview row (never raises).

    ``job`` holds ``input``, ``name``, ``folder``, ``hash``, ``lang``, ``seed``,
    ``approximate``, ``force`` and the reading options (``format``, ``directed``,
    ``survey``, ``pseudonymize``). The row has ``status`` ``"ok"`` or ``"failed"``
    and, for a failed input, ``error`` (in the batch's language) and ``error_type``.
    """
    start, cpu_start = time.perf_counter(), time.process_time()
    lang = job.get("lang", "de")
    row: dict[str, Any] = {
        "input": job["input"],
        "name": job["name"],
        "status": "ok",
        "error": "",
        "hash": job["hash"],
    }
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            net = _read(job)
            key = job.get("pseudonymize")
            if key is not None:
                net, table = pseudonymize(net, key=key["key"])
                write_csv(table, key["tables"] / f"{job['name']}-key-table.csv")
            folder = write_report(
                net,
                job["folder"],
                lang=lang,
                seed=job.get("seed", 0),
                quiet=True,
                force=job.get("force", True),
                approximate=job.get("approximate", False),
                n_jobs=1,
            )
            row.update(key_figures(net, folder))
    except QuartiernetzError as err:
        row.update(
            status="failed", error=err.render(lang, interface=job.get("interface", "python"))
        )
        row["error_type"] = type(err).__name__
    except OSError as err:
        name = Path(err.filename).name if getattr(err, "filename", None) else job["input"]
        row.update(status="failed", error=f"{name}: {err.strerror or err}")
        row["error_type"] = type(err).__name__
    except Exception as err:  # one input's failure never stops the batch
        row.update(status="failed", error=f"{type(err).__name__}: {err}")
        row["error_type"] = type(err).__name__
    row["seconds"] = round(time.perf_counter() - start, 3)
    # CPU time of the process (all its threads): on a shared machine the wall time above
    # also counts the waiting for a CPU, this does not
    row["cpu_seconds"] = round(time.process_time() - cpu_start, 3)
    row["worker_pid"] = os.getpid()
    row["worker_peak_mib"] = round(_peak_mib(), 1)
    return row


# whether this process has frozen its heap (run_in_worker)
_frozen = [False]


def run_in_worker(job: Mapping[str, Any], batch_pid: int) -> dict[str, Any]:
    """:func:`run_one` in one of the processes the batch started (joblib's loky workers).

    Before its first input the process moves what it holds by then, essentially the
    imported modules (about 130,000 objects), into the garbage collector's permanent
    generation (:func:`gc.freeze`): the full collections during each report then no
    longer scan them (about 0.05 s less CPU time per per-house report, half of the time
    these collections took). Frozen objects are never collected, which suits modules but
    not a user's objects: the batch's own process (``batch_pid``; joblib runs the jobs
    there when it cannot start processes, e.g. inside a daemon process) and Dask workers
    run :func:`run_one` as it is.
    """
    if os.getpid() != batch_pid and not _frozen[0]:
        gc.collect()
        gc.freeze()
        _frozen[0] = True
    return run_one(job)
