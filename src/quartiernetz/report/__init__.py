"""``quartiernetz report``: the tables, figures and HTML report written into one folder.

The report is written into a temporary folder beside ``out`` and moved into place
when complete, so an interrupted run leaves no half report; an existing,
non-empty ``out`` is replaced only with ``force=True``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from ..exceptions import QuartiernetzError
from ..network import Network
from .tables import write_csv

__all__ = ["write_report"]


def _write_data_tables(net: Network, folder: Path) -> None:
    tables = net.describe()
    write_csv(tables["actors_by_type"], folder / "data_actors_by_type.csv")
    write_csv(tables["ties_by_relation"], folder / "data_ties_by_relation.csv")
    write_csv(tables["affiliations_by_kind"], folder / "data_affiliations_by_kind.csv")
    write_csv(tables["record"], folder / "data_quality.csv")


def write_report(
    net: Network,
    out: str | os.PathLike[str],
    *,
    lang: str = "de",
    seed: int = 0,
    title: str | None = None,
    quiet: bool = False,
    force: bool = False,
) -> Path:
    """Write the report folder for ``net`` into ``out``.

    Parameters
    ----------
    net : Network
    out : path-like
        The output folder; created if missing.
    lang : {"de", "en"}
    seed : int
        Seed for layouts and community detection.
    title : str, optional
    quiet : bool
        No progress output.
    force : bool
        Replace an existing, non-empty ``out``.

    Returns
    -------
    pathlib.Path
        The output folder.
    """
    if lang not in ("de", "en"):
        raise QuartiernetzError(f"lang must be 'de' or 'en', got {lang!r}")
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise QuartiernetzError(f"{out}: exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not force:
        raise QuartiernetzError(
            f"{out}: the folder exists and is not empty; choose another --out or pass --force "
            "to replace it")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        _write_data_tables(net, tmp)
        if out.exists():
            shutil.rmtree(out)
        os.replace(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out
