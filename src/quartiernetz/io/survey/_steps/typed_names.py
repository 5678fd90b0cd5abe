"""Step 7: match typed partner names to the roster (or new actors); names holding personal data."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ....i18n import Text
from ....privacy import KINDS
from ..matching import REVIEW_COLUMNS, NameResolution, read_aliases, resolve_names
from .answers import Answers
from .common import SurveyContext
from .rows import Selection

__all__ = [
    "NameMatch",
    "resolve_mentions",
    "ties_of_mentions",
    "note_matches",
    "withheld_review",
    "match_names",
]


@dataclass
class NameMatch:
    """Ties from typed names, the review table and the actors the names added."""

    ties: pd.DataFrame | None
    review: pd.DataFrame | None
    new_actors: pd.DataFrame | None


def resolve_mentions(ctx: SurveyContext, mentions: list[dict[str, Any]], sel: Selection):
    """The typed names matched with :func:`~..matching.resolve_names` (aliases, threshold)."""
    roster, opts = ctx.roster, ctx.options
    assert roster is not None
    aliases = read_aliases(opts["aliases"]) if opts.get("aliases") is not None else None
    roster_frame = pd.DataFrame({"label": roster.labels}, index=pd.Index(roster.ids, name="id"))
    if roster.aliases:
        roster_frame["aliases"] = [roster.aliases.get(i, "") for i in roster.ids]
    return resolve_names(
        [m["name"] for m in mentions],
        roster=roster_frame,
        aliases=aliases,
        threshold=float(opts.get("match_threshold", 80.0)),
        abbreviations=opts.get("abbreviations"),
        rows=[int(sel.rows[m["r"]]) for m in mentions],
    )


def ties_of_mentions(
    ctx: SurveyContext, answers: Answers, sel: Selection, actors: list[str]
) -> pd.DataFrame:
    """One tie per mention of another actor with an intensity above 0 (none given: 1)."""
    rec: dict[str, list] = {c: [] for c in ("source", "target", "relation", "intensity", "row")}
    pos: list[int] = []
    unrated: list[int] = []
    zero = 0
    for m, actor in zip(answers.mentions, actors, strict=True):
        r = m["r"]
        row = int(sel.rows[r])
        if actor == sel.respondents[r]:
            answers.self_rows.setdefault(m["column"], []).append(row)
            continue
        x = m["intensity"]
        if math.isnan(x):
            x = 1.0
            if m.get("paired"):
                unrated.append(row)
        if x <= 0:
            zero += 1
            continue
        for k, v in zip(
            rec, (sel.respondents[r], actor, m["relation"], float(x), row), strict=True
        ):
            rec[k].append(v)
        pos.append(m["pos"])
    if unrated:
        ctx.record.add(
            "cleaned",
            Text(
                "partner named without an intensity: intensity set to 1",
                "Partner ohne Intensität genannt: Intensität auf 1 gesetzt",
            ),
            file=ctx.file,
            rows=sorted(set(unrated)),
            count=len(unrated),
        )
    if zero:
        ctx.record.add(
            "info",
            Text(
                "partner named with intensity 0: no tie",
                "Partner mit Intensität 0 genannt: keine Beziehung",
            ),
            file=ctx.file,
            count=zero,
            warn=False,
        )
    return pd.DataFrame(
        {
            "source": rec["source"],
            "target": rec["target"],
            "relation": rec["relation"],
            "intensity": rec["intensity"],
            "reported_by": rec["source"],
            "row": rec["row"],
            "_pos": pos,
        }
    )


def note_matches(ctx: SurveyContext, res: NameResolution, n_mentions: int) -> None:
    """The figures and record entries of name matching (exact, aliased, new actors)."""
    n_new = len(res.new_actors)
    ctx.figures["names"] = {
        "mentions": n_mentions,
        "matched_exactly": res.exact,
        "aliased": res.aliased,
        "for_review": int(len(res.review)),
        "suggestions": res.fuzzy_candidates,
        "new_actors": n_new,
    }
    if res.exact:
        ctx.record.add(
            "merged",
            Text(
                "typed names equal to a roster name after normalisation "
                "(case, umlauts, legal form, abbreviations) matched to that actor",
                "eingetippte Namen, die nach Normalisierung (Groß-/Kleinschreibung, Umlaute, "
                "Rechtsform, Abkürzungen) einem Namen der Teilnehmerliste gleichen, diesem "
                "Akteur zugeordnet",
            ),
            file=ctx.file,
            count=res.exact,
            warn=False,
        )
    if res.aliased:
        ctx.record.add(
            "merged",
            Text(
                "typed names resolved by the alias table",
                "eingetippte Namen über die Alias-Tabelle zugeordnet",
            ),
            file=ctx.file,
            count=res.aliased,
            warn=False,
        )
    if n_new:
        why = Text(
            "typed names that match no roster actor added as new actors (flagged new_actor)",
            "eingetippte Namen, die zu keinem Akteur der Teilnehmerliste passen, als neue "
            "Akteure ergänzt (markiert mit new_actor)",
        )
        if res.fuzzy_candidates:
            n = res.fuzzy_candidates
            why += Text(
                f"; {n} of them resemble other actors: see [[py:net.meta['review']|cli:the "
                "review table written by --review-out]] and confirm with "
                "[[opt:aliases=FILE]]",
                f"; {n} davon ähneln anderen Akteuren: siehe [[py:net.meta['review']|cli:die "
                "mit --review-out geschriebene Prüftabelle]] und mit [[opt:aliases=DATEI]] "
                "bestätigen",
            )
        ctx.record.add("added", why, file=ctx.file, count=n_new)


def withheld_review(ctx: SurveyContext, withheld: list[tuple[str, str, int]]) -> pd.DataFrame:
    """Record the typed names left out as personal data; one placeholder review row each."""
    groups: dict[tuple[str, str], list[int]] = {}
    for column, kind, row in withheld:
        groups.setdefault((column, kind), []).append(row)
    placeholders = []
    for (column, kind), rows in groups.items():
        what = KINDS[kind]
        ctx.record.add(
            "dropped",
            Text(
                f"typed partner name holding personal data ({what.en}) left out: no tie, "
                "no actor; the row is listed in [[py:net.meta['review']|cli:the review table "
                "written by --review-out]] - enter the organisation's name there instead",
                f"eingetippter Partnername mit personenbezogenen Daten ({what.de}) "
                "ausgelassen: keine Beziehung, kein Akteur; die Zeile steht in "
                "[[py:net.meta['review']|cli:der mit --review-out geschriebenen "
                "Prüftabelle]] - dort stattdessen den Namen der Einrichtung eintragen",
            ),
            file=ctx.file,
            rows=sorted(set(rows)),
            column=column,
            count=len(rows),
        )
        placeholders.append(
            {
                "name": f"[{what.en} removed]",
                "suggested_actor": "",
                "score": 0.0,
                "suggested_label": "",
                "mentions": len(rows),
                "rows": " ".join(str(r) for r in sorted(set(rows))),
                "new_actor": "",
            }
        )
    return pd.DataFrame(placeholders, columns=list(REVIEW_COLUMNS))


def match_names(
    ctx: SurveyContext, answers: Answers, sel: Selection, *, has_name_questions: bool
) -> NameMatch:
    """Typed names -> ties (roster actors or new actors), the review table, withheld names."""
    out = NameMatch(None, None, None)
    if answers.mentions:
        res = resolve_mentions(ctx, answers.mentions, sel)
        out.review, out.new_actors = res.review, res.new_actors
        for note in res.notes:
            ctx.record.add("added", note, file=ctx.file)
        out.ties = ties_of_mentions(ctx, answers, sel, res.actors)
        note_matches(ctx, res, len(answers.mentions))
    elif has_name_questions:
        out.review = pd.DataFrame(columns=list(REVIEW_COLUMNS))
    if answers.withheld:
        extra = withheld_review(ctx, answers.withheld)
        if out.review is None or not len(out.review):
            out.review = extra
        else:
            out.review = pd.concat([out.review, extra], ignore_index=True)
    return out
