"""The report's tables: people-facing values in the report's language, CSV files a
spreadsheet opens without running formulas.

Column headers are stable English ids in both languages (scripts read them); the
values written for people (sentences, assessment words such as a cell's status, the
data-quality reasons, "no type given") are in the report's language. Ids from the
data (actor ids, offer and target-group names, relation and kind values as read)
stay as they are. See ``docs/report.md``.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..check import ASSESSMENT_NAMES, LABELS
from ..i18n import render
from ..io.text import neutralize_cell
from ..network import Network
from ..plotting.comparison import FIGURE_NAMES
from ..plotting.style import text as figure_text
from ..structures import offer_map
from ..structures.offers import UNSPECIFIED
from ..words import (
    TEXTS,
    competitor_basis,
    duplicate_evidence,
    duplicate_kind,
    suggestion_reason,
    why,
)

if TYPE_CHECKING:  # only in annotations: analyses imports this module
    from .analyses import ReportData

__all__ = [
    "safe_frame",
    "write_csv",
    "localized",
    "data_tables",
    "offer_table",
    "check_table",
    "CHECK_TABLE_COLUMNS",
    "OFFER_STATUS",
]

#: The offer map's cell status in each language (``offers.csv``).
OFFER_STATUS = {
    "de": {"gap": "Lücke", "single": "ein Anbieter", "duplicate": "mehrere Anbieter"},
    "en": {"gap": "gap", "single": "single", "duplicate": "duplicate"},
}


def safe_frame(frame: pd.DataFrame, *, index: bool = False) -> pd.DataFrame:
    """A copy whose text cells are neutralised (see :func:`~quartiernetz.io.text.neutralize_cell`).

    Numbers stay numbers; lists become ``"; "``-joined text first.

    Examples
    --------
    >>> safe_frame(pd.DataFrame({"name": ["=1+1", "AWO"], "n": [1, 2]}))["name"].tolist()
    ["'=1+1", 'AWO']
    """
    out = frame.reset_index() if index else frame.copy()
    out.columns = [neutralize_cell(str(c)) for c in out.columns]
    for c in out.columns:
        col = out[c]
        if col.dtype == object or pd.api.types.is_string_dtype(col):
            out[c] = col.map(
                lambda v: neutralize_cell(
                    "; ".join(map(str, v)) if isinstance(v, list | tuple | set) else v
                )
            )
    return out


def write_csv(frame: pd.DataFrame, path: str | os.PathLike[str], *, index: bool = False) -> Path:
    """Write ``frame`` as UTF-8 CSV (with BOM, for Excel), formulas neutralised.

    Lines end with ``\\n``; cells a spreadsheet would run as formulas get a leading
    ``'`` (see :func:`safe_frame`). Returns the path.
    """
    path = Path(path)
    safe_frame(frame, index=index).to_csv(
        path, index=False, encoding="utf-8-sig", lineterminator="\n"
    )
    return path


# ------------------------------------------------------------- people-facing values
def _untyped(net: Network) -> set[Any]:
    """The actors without a type (their group reads ``"(none)"`` in the analyses)."""
    if "type" not in net.actors.columns:
        return set(net.actors.index)
    return set(net.actors.index[net.actors["type"].isna()])


def _groups(frame: pd.DataFrame, net: Network, lang: str) -> pd.DataFrame:
    """The ``group`` column with "no type given" in ``lang`` for actors without a type."""
    if "group" not in frame.columns:
        return frame
    untyped = _untyped(net)
    if not untyped:
        return frame
    gap = figure_text("no_type", lang)
    frame = frame.copy()
    frame["group"] = [
        gap if a in untyped else g for a, g in zip(frame.index, frame["group"], strict=True)
    ]
    frame["group"] = frame["group"].astype(object)
    return frame


def _offers(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    frame = frame.copy()
    gap = figure_text("not_given", lang)
    for col in ("target_group", "area"):
        if col in frame.columns:
            frame[col] = [gap if v == UNSPECIFIED else v for v in frame[col]]
            frame[col] = frame[col].astype(object)
    if "status" in frame.columns:
        words = OFFER_STATUS[lang]
        frame["status"] = pd.Series(
            [words.get(v, v) for v in frame["status"]], index=frame.index, dtype=object
        )
    return frame


def _why(cat: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``why`` written in ``lang`` from ``reasons``, which the CSV file does not hold."""
    if "reasons" not in cat.columns:
        return cat
    cat = cat.copy()
    cat["why"] = pd.Series([why(r, lang) for r in cat["reasons"]], index=cat.index, dtype=object)
    return cat.drop(columns="reasons")


#: Per analysis: its sentence column, the renderer that writes it, and the structured
#: columns the renderer reads. The CSV files hold the sentence in the report's language
#: and leave out the structured columns it is written from.
_SENTENCES: tuple[tuple[str, str, Callable[..., str], tuple[str, ...]], ...] = (
    ("duplicates", "evidence", duplicate_evidence, ("details",)),
    ("competitors", "basis", competitor_basis, ("bases",)),
    ("suggestions", "reason", suggestion_reason, ("group_offers", "competition_tie")),
)


def _sentences(data: ReportData, lang: str) -> dict[str, pd.DataFrame]:
    """The analyses' sentences in ``lang``, without the structured columns behind them."""
    out: dict[str, pd.DataFrame] = {}
    for name, column, write, inputs in _SENTENCES:
        frame = getattr(data, name)
        if frame is None or not {column, *inputs} <= set(frame.columns):
            continue
        frame = frame.copy()
        if lang != "en":  # the analyses' own column is the renderer's English
            frame[column] = pd.Series(
                [write(r, lang=lang) for r in frame.to_dict("records")],
                index=frame.index,
                dtype=object,
            )
            if name == "duplicates":
                frame["kind"] = pd.Series(
                    [duplicate_kind(k, lang) for k in frame["kind"]],
                    index=frame.index,
                    dtype=object,
                )
        out[name] = frame.drop(columns=list(inputs))
    return out


def localized(data: ReportData, net: Network, lang: str) -> ReportData:
    """A copy of ``data`` whose people-facing values are in ``lang``, for the CSV files.

    The catalysts' ``why`` is written in ``lang`` from their ``reasons`` (see
    :func:`quartiernetz.words.why`; the column ``reasons`` itself is left out), and
    the structures' ``evidence``, ``basis`` and ``reason`` from the structured
    columns they are written from (:func:`quartiernetz.words.duplicate_evidence`,
    :func:`~quartiernetz.words.competitor_basis`,
    :func:`~quartiernetz.words.suggestion_reason`; those columns are left out). English
    keeps the analyses' own other words; German writes a duplicate's ``kind``, an
    offer cell's ``status`` and the summary's ``description`` in German. Actors without
    a type read "no type given"/"(ohne Angabe)" in ``group``.

    Examples
    --------
    >>> import warnings
    >>> from quartiernetz.datasets import load_example
    >>> from quartiernetz.report.analyses import run_analyses
    >>> net = load_example()
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     data = run_analyses(net)
    >>> de = localized(data, net, "de")
    >>> de.suggestions["reason"].iloc[0]
    '4 gemeinsame Partner: drk-kita, igs-nord, kita-regenbogen, qm-nord; beide arbeiten für Kinder und Jugendliche'
    >>> sorted(set(de.offers["status"]))
    ['Lücke', 'ein Anbieter', 'mehrere Anbieter']
    """
    changes: dict[str, Any] = {}
    if data.catalysts is not None:
        changes["catalysts"] = _why(_groups(data.catalysts, net, lang), lang)
    if data.brokerage is not None:
        changes["brokerage"] = _groups(data.brokerage, net, lang)
    if data.offers is not None:
        changes["offers"] = _offers(data.offers, lang)
    if data.summary is not None and "description" in data.summary.columns and lang != "en":
        summary = data.summary.copy()
        summary["description"] = pd.Series(
            [FIGURE_NAMES.get(k, {}).get(lang, d) for k, d in summary["description"].items()],
            index=summary.index,
            dtype=object,
        )
        changes["summary"] = summary
    changes.update(_sentences(data, lang))
    return dataclasses.replace(data, **changes)


#: The columns of ``network_check.csv``, in this order.
CHECK_TABLE_COLUMNS = (
    "factor",
    "label",
    "group",
    "question",
    "indicator",
    "value",
    "unit",
    "reference",
    "assessment",
    "evidence",
    "ask",
    "source",
)


def check_table(check: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The network check as ``network_check.csv`` writes it, in ``lang``.

    ``check`` is :func:`quartiernetz.network_check` in ``lang`` (its sentences are
    already in that language); the short name of each factor (``label``) and the
    assessment (``Stärke``, ``Hinweis``, ``Lücke``, ``nicht messbar``) are put into
    ``lang`` as well. ``factor`` and ``group`` stay the stable ids.

    Examples
    --------
    >>> import quartiernetz as qn
    >>> t = check_table(qn.network_check(qn.load_example(), lang="de"), "de")
    >>> list(t.columns) == list(CHECK_TABLE_COLUMNS)
    True
    >>> set(t["assessment"]) <= {"Stärke", "Hinweis", "Lücke", "nicht messbar"}
    True
    """
    out = check.copy()
    out["label"] = [render(LABELS[f], lang) if f in LABELS else f for f in out["factor"]]
    out["assessment"] = [
        render(ASSESSMENT_NAMES[a], lang) if a in ASSESSMENT_NAMES else a for a in out["assessment"]
    ]
    return out[list(CHECK_TABLE_COLUMNS)].astype({"label": object, "assessment": object})


def data_tables(net: Network, lang: str) -> dict[str, pd.DataFrame]:
    """:meth:`Network.describe` for the report: record and "no type given" in ``lang``.

    ``record`` holds ``action`` (the word in ``lang``), ``reason`` (rendered in
    ``lang``), ``count``, ``file``, ``rows`` and ``column``.

    Examples
    --------
    >>> from quartiernetz.datasets import load_example
    >>> data_tables(load_example(), "de")["record"]["action"].iloc[0]
    'erkannt'
    """
    tables = net.describe()
    t = TEXTS[lang]
    record = tables["record"].copy()
    entries = list(net.record)
    record["action"] = pd.Series(
        [t.get(f"action_{e.action}", e.action) for e in entries], index=record.index, dtype=object
    )
    record["reason"] = pd.Series(
        [render(e.reason, lang) for e in entries], index=record.index, dtype=object
    )
    tables["record"] = record
    by_type = tables["actors_by_type"].copy()
    if _untyped(net):
        gap = figure_text("no_type", lang)
        by_type["type"] = pd.Series(
            [gap if v == "(none)" else v for v in by_type["type"]],
            index=by_type.index,
            dtype=object,
        )
    tables["actors_by_type"] = by_type
    return tables


def offer_table(net: Network) -> pd.DataFrame:
    """The offer map as ``offers.csv`` holds it (long layout).

    Split by area only where the offers and actors name two or more areas: with one
    area (or none), an offer whose area is not given belongs to the same map, so its
    cell is neither a gap in the named area nor a row of its own. With several
    areas, such offers stand apart under the area ``"(not given)"`` (the report
    names them).

    Examples
    --------
    >>> from quartiernetz.datasets import load_example
    >>> table = offer_table(load_example())
    >>> len(table), "area" in table.columns
    (55, False)
    """
    columns = offer_map(net, by_area=True, layout="wide").columns
    areas = set(columns.get_level_values(0)) - {UNSPECIFIED} if len(columns) else set()
    return offer_map(net, by_area=len(areas) >= 2, layout="long")
