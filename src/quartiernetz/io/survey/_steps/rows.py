"""Step 5: the rows that count - previews, unfinished and superseded submissions left out."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ....exceptions import SurveyError
from ....i18n import Text
from ...assemble import Problems
from ..export import EXCLUDED
from ..roster import close_matches
from .common import SurveyContext, actor_lookup

__all__ = ["Selection", "complete_rows", "respondents_of", "latest_submissions", "select_rows"]


@dataclass
class Selection:
    """The response rows read, in the export's order.

    Attributes
    ----------
    keep : numpy.ndarray of int
        Their positions in the export's table.
    respondents : numpy.ndarray of object
        The roster actor who answered each.
    rows : numpy.ndarray of int
        Their spreadsheet rows.
    """

    keep: np.ndarray
    respondents: np.ndarray
    rows: np.ndarray


def complete_rows(ctx: SurveyContext) -> tuple[np.ndarray, np.ndarray]:
    """(rows to read, rows finished) as masks: previews and unfinished responses left out."""
    export = ctx.export
    n = len(ctx.table.frame)
    rows = np.asarray(ctx.table.rows, dtype=int)
    keep = np.ones(n, dtype=bool)
    for why, mask in export.excluded.items():
        mask = mask & keep
        if mask.any():
            kind = EXCLUDED.get(why, Text(why, why))
            ctx.record.add(
                "dropped",
                Text(f"{kind.en} responses left out", f"Antworten ({kind.de}) ausgelassen"),
                file=ctx.file,
                rows=rows[mask].tolist(),
                column=export.excluded_column,
            )
            keep &= ~mask
    ctx.figures["previews_excluded"] = int((~keep).sum())
    include = bool(ctx.options.get("include_unfinished", False))
    finished = export.finished if export.finished is not None else np.ones(n, dtype=bool)
    unfinished = keep & ~finished
    ctx.figures["unfinished_excluded"] = 0
    ctx.figures["unfinished_included"] = 0
    if not unfinished.any():
        return keep, finished
    where = {"file": ctx.file, "rows": rows[unfinished].tolist(), "column": export.finished_column}
    if include:
        ctx.figures["unfinished_included"] = int(unfinished.sum())
        ctx.record.add(
            "info",
            Text(
                "unfinished responses included ([[opt:include_unfinished=True]])",
                "unvollständige Antworten einbezogen ([[opt:include_unfinished=True]])",
            ),
            warn=False,
            **where,
        )
        return keep, finished
    ctx.figures["unfinished_excluded"] = int(unfinished.sum())
    ctx.record.add(
        "dropped",
        Text(
            "unfinished responses left out (pass [[opt:include_unfinished=True]] to read them)",
            "unvollständige Antworten ausgelassen (mit [[opt:include_unfinished=True]] "
            "werden sie gelesen)",
        ),
        **where,
    )
    return keep & ~unfinished, finished


def _unknown(ctx: SurveyContext, value: str, row: int, column: str) -> SurveyError:
    roster = ctx.roster
    assert roster is not None
    if not value:
        return SurveyError(
            Text("the respondent is empty", "die Angabe der oder des Befragten ist leer"),
            file=ctx.file,
            row=row,
            column=column,
            expected=Text(
                "the respondent's roster id or label",
                "id oder label der oder des Befragten in der Teilnehmerliste",
            ),
        )
    return SurveyError(
        Text(
            f'the respondent "{value}" is not an actor in {roster.file}',
            f'die oder der Befragte "{value}" ist kein Akteur in {roster.file}',
        ),
        file=ctx.file,
        row=row,
        column=column,
        expected=Text(
            "a roster id or label (case, spaces and Unicode forms are ignored)",
            "eine id oder ein label der Teilnehmerliste (Groß-/Kleinschreibung, "
            "Leerzeichen und Unicode-Formen zählen nicht)",
        ),
        hint=close_matches(value, roster.labels + roster.ids),
    )


def respondents_of(
    ctx: SurveyContext, column: str, keep: np.ndarray, problems: Problems
) -> list[str | None]:
    """The roster actor of each kept row (None elsewhere); unknown ones added to ``problems``.

    Respondents of an implicit roster (a wide sheet without one) are added as actors.
    """
    roster = ctx.roster
    assert roster is not None
    rows = ctx.table.rows
    look = actor_lookup(roster, column)
    values = [str(v).strip() for v in ctx.table.frame[column]]
    actors: list[str | None] = [None] * len(values)
    added: list[str] = []
    for i in np.flatnonzero(keep):
        v = values[i]
        a = look(v) if v else None
        if a is None and v and roster.implicit:
            a = v
            roster.add([v], [v])
            added.append(v)
        if a is None:
            problems.add(_unknown(ctx, v, int(rows[i]), column))
        actors[i] = a
    if added:
        ctx.record.add(
            "added",
            Text(
                "respondents not among the column headers added as actors",
                "Befragte, die nicht unter den Spaltenüberschriften sind, als Akteure ergänzt",
            ),
            count=len(added),
            file=ctx.file,
            column=column,
            warn=False,
        )
    return actors


def latest_submissions(
    ctx: SurveyContext,
    keep: np.ndarray,
    finished: np.ndarray,
    actors: list[str | None],
    column: str,
) -> np.ndarray:
    """``keep`` without earlier or unfinished submissions of a respondent (recorded)."""
    rows = np.asarray(ctx.table.rows, dtype=int)
    idx = np.flatnonzero(keep)
    times = ctx.export.timestamp
    order = pd.DataFrame(
        {
            "i": idx,
            "actor": [actors[i] for i in idx],
            "finished": finished[idx],
            "time": (
                times.iloc[idx].to_numpy()
                if times is not None
                else np.full(len(idx), np.datetime64("NaT"), dtype="datetime64[ns]")
            ),
            "row": rows[idx],
        }
    )
    order = order.sort_values(
        ["actor", "finished", "time", "row"], na_position="first", kind="stable"
    )
    latest = ~order.duplicated("actor", keep="last")
    superseded = order.loc[~latest]
    ctx.figures["duplicates_superseded"] = len(superseded)
    keep = keep.copy()
    if len(superseded):
        kept_row = order.loc[latest].set_index("actor")["row"]
        for actor, grp in superseded.groupby("actor", sort=True):
            ctx.record.add(
                "dropped",
                Text(
                    f'earlier or unfinished submission of "{actor}" superseded by the '
                    f"latest complete one (row {int(kept_row[actor])})",
                    f'frühere oder unvollständige Antwort von "{actor}" durch die letzte '
                    f"vollständige ersetzt (Zeile {int(kept_row[actor])})",
                ),
                file=ctx.file,
                rows=sorted(grp["row"].tolist()),
                column=column,
            )
        keep[superseded["i"].to_numpy()] = False
    return keep


def select_rows(ctx: SurveyContext, respondent: str, problems: Problems) -> Selection:
    """The rows to read and who answered each.

    Rows whose respondent is empty or not on the roster are added to
    ``problems`` (one each) and left out, so that later steps can report
    further problems of the other rows.
    """
    keep, finished = complete_rows(ctx)
    actors = respondents_of(ctx, respondent, keep, problems)
    keep &= np.array([a is not None for a in actors], dtype=bool)
    keep = latest_submissions(ctx, keep, finished, actors, respondent)
    idx = np.flatnonzero(keep)
    resp = np.array([actors[i] for i in idx], dtype=object)
    ctx.figures["respondents"] = len(set(resp.tolist()))
    return Selection(keep=idx, respondents=resp, rows=np.asarray(ctx.table.rows, dtype=int)[idx])
