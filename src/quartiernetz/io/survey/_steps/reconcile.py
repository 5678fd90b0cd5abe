"""Step 8: reconcile ties, roster and figures into the network of reports."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ....i18n import Text
from ....network import Network
from ....privacy import left_out
from ...assemble import assemble
from ...text import Table
from .answers import Answers
from .common import SurveyContext
from .questions import Layout
from .typed_names import NameMatch

__all__ = ["pair_table", "survey_figures", "note_left_out", "actor_table", "build_network"]


def pair_table(
    ties: pd.DataFrame, responded: set[str] | pd.Series, missing: pd.DataFrame | None
) -> pd.DataFrame:
    """One row per (relation, pair) reported by at least one side, with who reported it.

    Examples
    --------
    >>> t = pd.DataFrame({"source": ["a", "b"], "target": ["b", "a"],
    ...                   "relation": ["r", "r"], "intensity": [1.0, 1.0]})
    >>> pair_table(t, {"a", "b"}, None).values.tolist()
    [['r', 'a', 'b', True, True, True, True]]
    """
    cols = ["relation", "a", "b", "by_a", "by_b", "both_responded", "confirmed"]
    t = ties[ties["intensity"].astype(float) > 0]
    if t.empty:
        return pd.DataFrame(
            {c: pd.Series(dtype=object if c in ("relation", "a", "b") else bool) for c in cols}
        )
    s, g = t["source"].astype(str).to_numpy(), t["target"].astype(str).to_numpy()
    a, b = np.where(s < g, s, g), np.where(s < g, g, s)
    frame = pd.DataFrame(
        {"relation": t["relation"].astype(str).to_numpy(), "a": a, "b": b}
        | {"by_a": s == a, "by_b": s == b}
    )
    pairs = frame.groupby(["relation", "a", "b"], sort=True)[["by_a", "by_b"]].any().reset_index()
    if isinstance(responded, pd.Series):
        resp = set(responded[responded.astype(bool)].index.astype(str))
    else:
        resp = set(responded)
    ra = pairs["a"].isin(resp).to_numpy()
    rb = pairs["b"].isin(resp).to_numpy()
    unknown = np.zeros(len(pairs), dtype=bool)
    if missing is not None and len(missing):
        miss = set(
            zip(
                missing["source"].astype(str),
                missing["target"].astype(str),
                missing["relation"].astype(str),
                strict=True,
            )
        )
        for k, (rel, pa, pb, ba, bb) in enumerate(
            pairs[["relation", "a", "b", "by_a", "by_b"]].itertuples(index=False)
        ):
            if ba and not bb and (pb, pa, rel) in miss:
                unknown[k] = True
            elif bb and not ba and (pa, pb, rel) in miss:
                unknown[k] = True
    pairs["both_responded"] = ra & rb & ~unknown
    pairs["confirmed"] = pairs["by_a"] & pairs["by_b"]
    return pairs[cols]


def survey_figures(
    ctx: SurveyContext,
    layout: Layout,
    ties: pd.DataFrame,
    responded: set[str],
    missing: pd.DataFrame,
    n_roster: int,
) -> dict[str, Any]:
    """``net.meta["survey"]``: response rate, what was left out, confirmed pairs."""
    assert ctx.roster is not None
    f = ctx.figures
    n_resp = len(responded)
    pairs = pair_table(ties, responded, missing)
    both = pairs[pairs["both_responded"]]
    confirmed = int(both["confirmed"].sum())
    out = {
        "tool": ctx.tool,
        "file": ctx.file,
        "respondent_column": layout.respondent,
        "roster_size": n_roster,
        "respondents": n_resp,
        "response_rate": round(n_resp / n_roster, 4) if n_roster else None,
    }
    for k in ("unfinished_excluded", "unfinished_included", "previews_excluded"):
        out[k] = f.get(k, 0)
    for k in ("duplicates_superseded", "answers", "missing_answers", "zero_answers"):
        out[k] = f.get(k, 0)
    out["self_reports_dropped"] = f.get("self_reports_dropped", 0)
    out["dropped_identifying_columns"] = list(
        dict.fromkeys([*ctx.roster.dropped, *layout.identifying])
    )
    out["questions"] = f.get("questions", {})
    out["reports"] = len(ties)
    out["pairs_reported"] = len(pairs)
    out["pairs_both_responded"] = len(both)
    out["pairs_confirmed"] = confirmed
    out["confirmed_share"] = round(confirmed / len(both), 4) if len(both) else None
    if "names" in f:
        out["names"] = f["names"]
    return out


def note_left_out(ctx: SurveyContext, layout: Layout) -> None:
    """Record the identifying columns left out and the columns not read."""
    n = len(ctx.table.frame)
    for c, why in layout.identifying.items():
        ctx.record.add("dropped", left_out(why), file=ctx.file, column=c, count=n)
    read = layout.read_columns | set(layout.identifying) | {layout.respondent}
    read |= {c for c in ctx.ignored if c in ctx.factor_columns}  # self-assessment items
    ignored = [c for c in ctx.table.columns if c not in read and c not in ctx.export.system]
    if ignored:
        shown = ", ".join(repr(c) for c in ignored[:8]) + (" …" if len(ignored) > 8 else "")
        ctx.record.add(
            "info",
            Text(
                f"{len(ignored)} columns are not roster questions and were not read: {shown}",
                f"{len(ignored)} Spalten sind keine Fragen nach den Akteuren und wurden nicht "
                f"gelesen: {shown}",
            ),
            file=ctx.file,
            count=len(ignored),
            warn=False,
        )


def actor_table(ctx: SurveyContext, new: pd.DataFrame | None) -> Table:
    """The roster's actor table with the actors added from typed names."""
    assert ctx.roster is not None
    actors = ctx.roster.table
    if new is None or not len(new):
        return actors
    frame = actors.frame
    extra = pd.DataFrame({c: [""] * len(new) for c in frame.columns}, dtype=object)
    extra["id"] = list(new.index)
    extra["label"] = new["label"].tolist()
    return Table(
        pd.concat([frame, extra], ignore_index=True), actors.file, actors.rows + [0] * len(new)
    )


def build_network(
    ctx: SurveyContext,
    layout: Layout,
    respondents: np.ndarray,
    ties: pd.DataFrame,
    answers: Answers,
    names: NameMatch,
) -> Network:
    """The network: roster (and new) actors, the reports as ties, figures in ``meta``."""
    assert ctx.roster is not None
    n_roster = len(ctx.roster)
    actors = actor_table(ctx, names.new_actors)
    note_left_out(ctx, layout)
    responded_ids = set(respondents.tolist())
    tie_frame = ties.assign(
        intensity=[repr(float(v)) for v in ties["intensity"]],
        row=[str(int(v)) for v in ties["row"]],
    ).astype(str)
    tie_table = Table(tie_frame.reset_index(drop=True), ctx.file, list(ties["row"]))
    missing = (
        pd.concat(answers.missing, ignore_index=True)
        if answers.missing
        else pd.DataFrame(columns=["source", "target", "relation", "row"])
    )
    missing["row"] = missing["row"].astype(int)
    meta: dict[str, Any] = {
        "source": ctx.path.name,
        "format": "survey",
        "survey": survey_figures(ctx, layout, ties, responded_ids, missing, n_roster),
        "missing": missing,
    }
    if names.review is not None:
        meta["review"] = names.review
    net = assemble(
        actors,
        tie_table,
        None,
        directed=False,
        record=ctx.record,
        merge_parallel=False,
        meta=meta,
        name=ctx.options.get("name") or ctx.path.stem,
    )
    ids = net.actors.index.astype(str)
    net.actors["responded"] = np.array([i in responded_ids for i in ids], dtype=bool)
    if names.new_actors is not None and len(names.new_actors):
        new_ids = set(names.new_actors.index)
        net.actors["new_actor"] = np.array([i in new_ids for i in ids], dtype=bool)
    net.ties["row"] = net.ties["row"].astype(int)
    return net
