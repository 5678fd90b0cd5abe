"""Step 2: the roster - given by the user, or made from a wide spreadsheet's headers."""

from __future__ import annotations

from typing import Any

from ....exceptions import SurveyError
from ....i18n import Text
from ....privacy import describe, identifying_columns
from ...assemble import Problems
from ..export import TOOLS, TOOLS_DE
from ..roster import Roster, close_matches, implicit_roster, read_roster
from .common import SurveyContext, columns_for, key

__all__ = ["load_roster", "check_codes"]

_NO_ROSTER_HINT = Text(
    "Without a roster, only wide spreadsheets and name generators "
    "([[opt:names=COLUMN]]) can be read.",
    "Ohne Teilnehmerliste lassen sich nur breite Tabellen und Namensgeneratoren "
    "([[opt:names=SPALTE]]) lesen.",
)


def _from_headers(ctx: SurveyContext, respondent: str | None) -> Roster:
    """The roster of a wide spreadsheet given without one: its column headers."""
    table = ctx.table
    resp = respondent or ctx.export.respondent
    # name-generator columns (and their intensities) are questions, not actors
    named = {
        c
        for pair in ctx.names_opt.items()
        for k in pair
        if k
        for c in columns_for(ctx.export, k, "names")
    }
    cols = [
        c
        for c in table.columns
        if c != resp
        and c not in ctx.ignored
        and c not in named
        and c not in identifying_columns(table.columns)
        and c not in ctx.personal
    ]
    ctx.record.add(
        "added",
        Text(
            "no roster given: actors are the column headers of the "
            "wide spreadsheet (and respondents not among them)",
            "keine Teilnehmerliste (Roster) angegeben: Akteure sind die "
            "Spaltenüberschriften der breiten Tabelle (und Befragte, die nicht darunter "
            "sind)",
        ),
        count=len(cols),
        file=ctx.file,
        warn=False,
    )
    return implicit_roster(cols, file=ctx.file)


def load_roster(ctx: SurveyContext, roster: Any, respondent: str | None) -> Roster:
    """The roster (also set as ``ctx.roster``); its identifying columns are recorded as left out.

    Raises
    ------
    SurveyError
        Without a roster for an export that needs one.
    """
    if roster is not None:
        out = read_roster(roster)
        for c, why in out.dropped.items():
            why = describe(why)
            ctx.record.add(
                "dropped",
                Text(
                    f"identifying roster column left out ({why.en})",
                    f"identifizierende Spalte der Teilnehmerliste ausgelassen ({why.de})",
                ),
                file=out.file,
                column=c,
                count=len(out),
            )
    elif ctx.tool == "wide":
        out = _from_headers(ctx, respondent)
    elif ctx.names_opt:
        out = implicit_roster([], file=ctx.file)
    else:
        raise SurveyError(
            Text(
                f"a roster is needed to read the roster questions of a {TOOLS[ctx.tool]} export",
                "ohne Teilnehmerliste (Roster) lassen sich die Fragen nach den Akteuren "
                f"eines Exports aus {TOOLS_DE[ctx.tool]} nicht lesen",
            ),
            file=ctx.file,
            expected=Text(
                "[[opt:roster=FILE]] naming a CSV/XLSX with columns id, label (and code)",
                "[[opt:roster=DATEI]] mit einer CSV/XLSX-Datei mit den Spalten id, label "
                "(und code)",
            ),
            hint=_NO_ROSTER_HINT,
        )
    ctx.roster = out
    return out


def check_codes(ctx: SurveyContext, roster: Roster) -> None:
    """Every roster code must head a column of the export.

    Raises
    ------
    SurveyError
        Naming the roster row of a code without a column.
    InputProblems
        With one such error per code, when several codes have no column.
    """
    if not roster.codes:
        return
    headers = {key(c) for c in ctx.table.columns}
    problems = Problems()
    for actor, code in roster.codes.items():
        if key(code) not in headers:
            problems.add(
                SurveyError(
                    Text(
                        f'the roster code "{code}" has no column in {ctx.file}',
                        f'zum Code "{code}" der Teilnehmerliste gibt es keine Spalte in {ctx.file}',
                    ),
                    file=roster.file,
                    row=roster.rows.get(actor),
                    column=roster.code_column,
                    expected=Text(
                        "the header of the export column that holds the answers about this actor",
                        "die Überschrift der Spalte des Exports mit den Antworten über diesen Akteur",
                    ),
                    hint=close_matches(code, ctx.table.columns),
                )
            )
    problems.raise_if_any()
