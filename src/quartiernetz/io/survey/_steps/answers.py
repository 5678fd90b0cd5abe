"""Step 6: the answers of the selected rows - reported ties, missing answers, typed names."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ....exceptions import DataCleaningWarning
from ....i18n import Text
from ....privacy import personal_data_in
from ..export import TOOLS, TOOLS_DE
from .common import Question, SurveyContext, split_cell
from .rows import Selection
from .values import ValueMapper

__all__ = [
    "Answers",
    "TIE_COLUMNS",
    "matrix_answers",
    "list_answers",
    "name_mentions",
    "extract_answers",
    "note_values",
    "warn_missing",
    "finish_ties",
]

#: The columns of the tie frames the steps pass on (``_pos``: the column's position).
TIE_COLUMNS = ["source", "target", "relation", "intensity", "reported_by", "row", "_pos"]


@dataclass
class Answers:
    """What the answers hold, before typed names are matched.

    Attributes
    ----------
    frames : list of DataFrame
        Reported ties of matrix and checklist questions (:data:`TIE_COLUMNS`).
    mentions : list of dict
        Typed partner names (``name``, ``r`` = position in the selection,
        ``relation``, ``intensity``, ``column``, ``pos``, ``paired``).
    missing : list of DataFrame
        One row per missing answer (``source``, ``target``, ``relation``, ``row``).
    self_rows : dict
        Column -> rows in which the respondent named itself.
    withheld : list of tuple
        (column, kind, row) of typed names holding personal data (never the value).
    cells, missing_cells, zero_cells : int
        Answers asked, missing and answered with intensity 0.
    """

    frames: list[pd.DataFrame] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    missing: list[pd.DataFrame] = field(default_factory=list)
    self_rows: dict[str, list[int]] = field(default_factory=dict)
    withheld: list[tuple[str, str, int]] = field(default_factory=list)
    cells: int = 0
    missing_cells: int = 0
    zero_cells: int = 0

    def add_missing(self, source: Any, target: Any, relation: str, rows: Any) -> None:
        """Note missing answers (arrays of equal length)."""
        self.missing.append(
            pd.DataFrame({"source": source, "target": target, "relation": relation, "row": rows})
        )

    def withhold(self, name: str, column: str, row: int) -> bool:
        """True (and noted) when a typed partner name holds personal data."""
        kinds = personal_data_in(name)
        if kinds:
            self.withheld.append((column, kinds[0], row))
        return bool(kinds)


def matrix_answers(
    ctx: SurveyContext, q: Question, sel: Selection, mapper: ValueMapper, out: Answers
) -> None:
    """Ties of a roster-matrix question; missing cells recorded per column."""
    cells = ctx.table.frame[q.columns].to_numpy(dtype=object)[sel.keep]
    x = mapper.map(cells, q.columns, sel.rows)
    resp = sel.respondents
    tgt = np.array(q.targets, dtype=object)
    own = resp[:, None] == tgt[None, :]
    miss = np.isnan(x) & ~own
    out.cells += int((~own).sum())
    out.missing_cells += int(miss.sum())
    out.zero_cells += int(((x == 0) & ~own).sum())
    if miss.any():
        r_idx, c_idx = np.nonzero(miss)
        out.add_missing(resp[r_idx], tgt[c_idx], q.relation, sel.rows[r_idx])
        for c_i, grp in pd.Series(sel.rows[r_idx]).groupby(c_idx):
            ctx.record.add(
                "info",
                Text(
                    "missing answer (empty cell or missing code): no tie, and not a zero",
                    "fehlende Antwort (leere Zelle oder Fehlend-Code): keine "
                    "Beziehung und keine Null",
                ),
                file=ctx.file,
                rows=sorted(set(grp.tolist())),
                column=q.columns[int(c_i)],
                count=len(grp),
                warn=False,
            )
    selfrep = own & (np.nan_to_num(x) > 0)
    for r_i, c_i in zip(*np.nonzero(selfrep), strict=True):
        out.self_rows.setdefault(q.columns[c_i], []).append(int(sel.rows[r_i]))
    r_idx, c_idx = np.nonzero((np.nan_to_num(x) > 0) & ~own)
    pos = np.array([ctx.where(c) for c in q.columns], dtype=int)
    out.frames.append(
        pd.DataFrame(
            {
                "source": resp[r_idx],
                "target": tgt[c_idx],
                "relation": q.relation,
                "intensity": x[r_idx, c_idx],
                "reported_by": resp[r_idx],
                "row": sel.rows[r_idx],
                "_pos": pos[c_idx],
            }
        )
    )


def _no_option(ctx: SurveyContext, q: Question, sel: Selection, r: int, out: Answers) -> None:
    roster = ctx.roster
    assert roster is not None
    out.missing_cells += 1
    others = [a for a in roster.ids if a != sel.respondents[r]]
    out.add_missing(
        np.array([sel.respondents[r]] * len(others), dtype=object),
        np.array(others, dtype=object),
        q.relation,
        np.array([sel.rows[r]] * len(others)),
    )
    ctx.record.add(
        "info",
        Text(
            "missing answer (no option ticked): no tie, and not a zero",
            "fehlende Antwort (nichts angekreuzt): keine Beziehung und keine Null",
        ),
        file=ctx.file,
        rows=[int(sel.rows[r])],
        column=q.columns[0],
        warn=False,
    )


def list_answers(ctx: SurveyContext, q: Question, sel: Selection, out: Answers) -> None:
    """Ties of a checklist; options naming no roster actor become typed-name mentions."""
    roster = ctx.roster
    assert roster is not None
    col = q.columns[0]
    values = ctx.table.frame[col].to_numpy(dtype=object)[sel.keep]
    src, tgt, rws = [], [], []
    for r in range(len(sel.keep)):
        toks = split_cell(str(values[r]), ctx.export.separators, ctx.is_actor)
        out.cells += 1
        if not toks:
            _no_option(ctx, q, sel, r, out)
            continue
        resp, row = sel.respondents[r], int(sel.rows[r])
        seen: set[str] = set()
        for tok in toks:
            a = roster.actor(tok)
            if a is None and out.withhold(tok, col, row):
                continue
            if a is None:
                out.mentions.append(
                    {"name": tok, "r": r, "relation": q.relation, "intensity": 1.0}
                    | {"column": col, "pos": ctx.where(col)}
                )
            elif a == resp:
                out.self_rows.setdefault(col, []).append(row)
            elif a not in seen:
                seen.add(a)
                src.append(resp)
                tgt.append(a)
                rws.append(sel.rows[r])
    out.frames.append(
        pd.DataFrame(
            {
                "source": src,
                "target": tgt,
                "relation": q.relation,
                "intensity": 1.0,
                "reported_by": src,
                "row": rws,
                "_pos": ctx.where(col),
            }
        )
    )


def name_mentions(
    ctx: SurveyContext, q: Question, sel: Selection, mapper: ValueMapper, out: Answers
) -> None:
    """The typed names of a name generator (several per cell, split at ``;`` or new lines)."""
    R = len(sel.keep)
    for j, col in enumerate(q.columns):
        values = ctx.table.frame[col].to_numpy(dtype=object)[sel.keep]
        icol = q.intensity[j]
        if icol is not None:
            ic = ctx.table.frame[[icol]].to_numpy(dtype=object)[sel.keep]
            xs = mapper.map(ic, [icol], sel.rows)[:, 0]
        else:
            xs = np.full(R, np.nan)
        for r in range(R):
            for tok in (t.strip() for t in re.split(r"[\n;]", str(values[r]))):
                if not tok or out.withhold(tok, col, int(sel.rows[r])):
                    continue
                out.mentions.append(
                    {
                        "name": tok,
                        "r": r,
                        "relation": q.relation,
                        "intensity": xs[r],
                        "column": col,
                        "paired": icol is not None,
                        "pos": ctx.where(col),
                    }
                )


def extract_answers(
    ctx: SurveyContext, questions: list[Question], sel: Selection, mapper: ValueMapper
) -> Answers:
    """The answers of every question, in the order of the questions."""
    out = Answers()
    for q in questions:
        if q.kind == "matrix":
            matrix_answers(ctx, q, sel, mapper, out)
        elif q.kind == "list":
            list_answers(ctx, q, sel, out)
        else:
            name_mentions(ctx, q, sel, mapper, out)
    return out


def note_values(ctx: SurveyContext, mapper: ValueMapper, answers: Answers) -> None:
    """Record how values were read (scale shift, missing codes, several options) and self-reports."""
    counts = mapper.kind_counts
    ctx.figures["answers"] = answers.cells
    ctx.figures["missing_answers"] = answers.missing_cells
    ctx.figures["zero_answers"] = answers.zero_cells
    shift = ctx.export.shift
    if shift and ctx.codebook.builtin and counts.get("number"):
        ctx.record.add(
            "info",
            Text(
                f"{TOOLS[ctx.tool]} codes scales 1..n: intensity = code - "
                f"{shift} (pass [[opt:codebook=FILE]] to map codes otherwise)",
                f"{TOOLS_DE[ctx.tool]} kodiert Skalen mit 1..n: Intensität = Code - "
                f"{shift} (mit [[opt:codebook=DATEI]] anders zuordnen)",
            ),
            file=ctx.file,
            count=counts["number"],
            warn=False,
        )
    if mapper.codes_seen:
        shown = ", ".join(sorted(mapper.codes_seen, key=lambda s: float(s)))
        ctx.record.add(
            "info",
            Text(
                f"negative codes ({shown}) read as missing answers",
                f"negative Codes ({shown}) als fehlende Antworten gelesen",
            ),
            file=ctx.file,
            count=counts.get("code", 0),
            warn=False,
        )
    if counts.get("multi"):
        ctx.record.add(
            "cleaned",
            Text(
                "cells with several ticked options read as the largest of their intensities",
                "Zellen mit mehreren angekreuzten Optionen als die größte ihrer Intensitäten "
                "gelesen",
            ),
            file=ctx.file,
            count=counts["multi"],
        )
    ctx.figures["self_reports_dropped"] = sum(len(v) for v in answers.self_rows.values())
    for col, rws in answers.self_rows.items():
        ctx.record.add(
            "dropped",
            Text(
                "respondent named itself (self-report)",
                "die oder der Befragte hat sich selbst genannt (Selbstnennung)",
            ),
            file=ctx.file,
            rows=rws,
            column=col,
        )


def warn_missing(ctx: SurveyContext, n: int, *, stacklevel: int = 2) -> None:
    """Warn (a :class:`DataCleaningWarning` holding a bilingual Text) of ``n`` missing answers.

    Examples
    --------
    >>> import warnings
    >>> from types import SimpleNamespace
    >>> with warnings.catch_warnings(record=True) as w:
    ...     warnings.simplefilter("always")
    ...     warn_missing(SimpleNamespace(file="t.csv"), 3)
    >>> print(w[0].message.args[0].de.split(";")[0])
    t.csv: 3 fehlende Antworten (keine Beziehung, keine Null)
    """
    if not n:
        return
    text = Text(
        "{file}: {n} missing answers (no tie, not a zero); see "
        "[[py:net.record and net.meta['missing']|cli:the record]]",
        "{file}: {n} fehlende Antworten (keine Beziehung, keine Null); siehe "
        "[[py:net.record und net.meta['missing']|cli:das Protokoll]]",
    ).format(file=ctx.file, n=n)
    warnings.warn(DataCleaningWarning(text), stacklevel=stacklevel)


def finish_ties(ctx: SurveyContext, frames: list[pd.DataFrame]) -> pd.DataFrame:
    """One tie frame in the export's order (row, then column); repeated partners merged."""
    ties = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=TIE_COLUMNS)
    ties["row"] = ties["row"].astype(int)
    ties = ties.sort_values(["row", "_pos"], kind="stable").drop(columns="_pos")
    ties = ties.reset_index(drop=True)
    # one respondent naming one partner twice in one question (name generators)
    dup = ties.duplicated(["row", "source", "target", "relation"], keep=False)
    if dup.any():
        merged_rows = sorted(set(ties.loc[dup, "row"].tolist()))
        before = len(ties)
        ties = (
            ties.sort_values("intensity", ascending=False, kind="stable")
            .drop_duplicates(["row", "source", "target", "relation"], keep="first")
            .sort_index()
        )
        ctx.record.add(
            "merged",
            Text(
                "a partner named twice in one response merged into one "
                "report; intensity = the largest",
                "ein in einer Antwort doppelt genannter Partner zu einer Angabe "
                "zusammengeführt; Intensität = die größte",
            ),
            file=ctx.file,
            rows=merged_rows,
            count=before - len(ties),
        )
    return ties.reset_index(drop=True)
