"""Self-assessment items: codebook role ``factor:<id>`` -> one number per respondent.

The codebook names the column or question stem of each item
(:class:`~quartiernetz.io.survey.codebook.FactorItem`);
:func:`find_factor_columns` finds its columns (they are then no roster
question), :func:`read_factors` maps the answers of the selected rows to
numbers, and :func:`add_factors` writes them into the actor column
``factor:<id>`` with the scale in ``net.meta["factor_scales"]`` — what
:func:`quartiernetz.network_check` reads.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ....exceptions import SurveyError
from ....i18n import Text
from ....network import Network
from ...assemble import Problems
from ..codebook import FACTOR_ROLE, FactorItem
from .common import SurveyContext, columns_for
from .rows import Selection

__all__ = ["FactorAnswers", "find_factor_columns", "read_factors", "add_factors"]


@dataclass
class FactorAnswers:
    """The self-assessment answers read, by factor id.

    Attributes
    ----------
    values : dict
        ``{factor: Series}`` indexed by respondent id: the mean of the
        respondent's answers to the item's columns (NaN = no answer).
    scales : dict
        ``{factor: (lowest, highest)}``.
    items : dict
        ``{factor: (question, columns, builtin)}``, for the record.
    """

    values: dict[str, pd.Series] = field(default_factory=dict)
    scales: dict[str, tuple[float, float]] = field(default_factory=dict)
    items: dict[str, tuple[str, list[str], bool]] = field(default_factory=dict)


def find_factor_columns(ctx: SurveyContext) -> dict[str, list[str]]:
    """The export's columns of each self-assessment item in the codebook, by question.

    They are added to ``ctx.ignored`` (no roster question reads them).

    Raises
    ------
    SurveyError
        When an item names no column or question of the export, or two items
        name the same column.
    """
    found: dict[str, list[str]] = {}
    owner: dict[str, str] = {}
    for q in ctx.codebook.factors:
        cols = columns_for(ctx.export, q, "codebook")
        for c in cols:
            if c in owner:
                raise SurveyError(
                    Text(
                        f'the column "{c}" belongs to two self-assessment items of the '
                        f'codebook ("{owner[c]}" and "{q}")',
                        f'die Spalte "{c}" gehört zu zwei Selbsteinschätzungs-Items des '
                        f'Codebuchs ("{owner[c]}" und "{q}")',
                    ),
                    file=ctx.file,
                    row=1,
                    column=c,
                    expected=Text("one item per column", "ein Item je Spalte"),
                )
            owner[c] = q
        found[q] = cols
    ctx.ignored |= set(owner)
    ctx.factor_columns |= set(owner)
    return found


def _problem(ctx: SurveyContext, item: FactorItem, value: str, row: int, column: str) -> Exception:
    shown = ", ".join(sorted(item.mapping)[:12])
    src = "the built-in Likert scale" if item.builtin else "the codebook"
    src_de = "der eingebauten Likert-Skala" if item.builtin else "dem Codebuch"
    return SurveyError(
        Text(
            f'the answer "{value.strip()}" to the self-assessment item {FACTOR_ROLE}'
            f"{item.factor} is not in {src}",
            f'die Antwort "{value.strip()}" auf das Selbsteinschätzungs-Item {FACTOR_ROLE}'
            f"{item.factor} steht nicht in {src_de}",
        ),
        file=ctx.file,
        row=row,
        column=column,
        expected=Text(f"one of {shown}", f"einer von {shown}"),
        hint=Text(
            f"Give the item's answers in the codebook: question,role,value,intensity rows "
            f"such as {item.question},{FACTOR_ROLE}{item.factor},<answer>,<number>.",
            f"Die Antworten des Items im Codebuch angeben: Zeilen question,role,value,intensity "
            f"wie {item.question},{FACTOR_ROLE}{item.factor},<Antwort>,<Zahl>.",
        ),
    )


def read_factors(
    ctx: SurveyContext, columns: dict[str, list[str]], sel: Selection, problems: Problems
) -> FactorAnswers:
    """The answers to the self-assessment items of the selected rows, one value per respondent.

    Answers outside the item's values are added to ``problems`` (file, row,
    column, value); several columns of one item (a question stem) are averaged.
    """
    out = FactorAnswers()
    frame = ctx.table.frame
    for q, item in ctx.codebook.factors.items():
        cols = columns[q]
        cells = frame.iloc[sel.keep][cols].to_numpy(dtype=str)
        numbers = np.full(cells.shape, math.nan)
        for (r, c), value in np.ndenumerate(cells):
            x = item.lookup(value)
            if x is None:
                problems.add(_problem(ctx, item, value, int(sel.rows[r]), cols[c]))
                continue
            numbers[r, c] = x
        per_row = pd.DataFrame(numbers).mean(axis=1, skipna=True)
        values = per_row.groupby(np.asarray(sel.respondents, dtype=object)).mean()
        if item.factor in out.values:  # two items of one factor: one value per respondent
            values = pd.concat([out.values[item.factor], values], axis=1).mean(axis=1)
            lo, hi = out.scales[item.factor]
            out.scales[item.factor] = (min(lo, item.scale[0]), max(hi, item.scale[1]))
        else:
            out.scales[item.factor] = item.scale
        out.values[item.factor] = values
        out.items[item.factor] = (q, cols, item.builtin)
    return out


def add_factors(ctx: SurveyContext, net: Network, answers: FactorAnswers) -> None:
    """Write the answers into ``net.actors['factor:<id>']`` and the scales into ``net.meta``."""
    if not answers.values:
        return
    ids = net.actors.index.astype(str)
    scales = dict(net.meta.get("factor_scales") or {})
    for fid, values in answers.values.items():
        col = FACTOR_ROLE + fid
        net.actors[col] = pd.Series(values.to_numpy(dtype=float), index=values.index.astype(str))
        net.actors[col] = net.actors[col].reindex(ids).to_numpy(dtype=float)
        scales[fid] = answers.scales[fid]
        q, cols, builtin = answers.items[fid]
        n = int(values.notna().sum())
        lo, hi = answers.scales[fid]
        how = (
            Text("the built-in Likert scale", "der eingebauten Likert-Skala")
            if builtin
            else Text("the codebook's values", "den Werten des Codebuchs")
        )
        net.record.add(
            "info",
            Text(
                f'self-assessment item "{q}" read as {col}: {n} answers, scale {lo:g} to {hi:g} '
                "(higher = more agreement), mapped by ",
                f'Selbsteinschätzungs-Item "{q}" gelesen als {col}: {n} Antworten, Skala {lo:g} '
                f"bis {hi:g} (höher = mehr Zustimmung), zugeordnet nach ",
            )
            + how,
            file=ctx.file,
            column=cols[0] if len(cols) == 1 else None,
            count=n,
            warn=False,
        )
    net.meta["factor_scales"] = scales
