"""Step 3: classify the export's columns - name-generator and roster-matrix questions."""

from __future__ import annotations

from dataclasses import dataclass, field

from ....exceptions import MissingColumnError, SurveyError
from ....i18n import Text
from ....privacy import identifying_columns
from ..roster import Roster, close_matches, split_code
from .common import (
    BRACKET,
    Question,
    SurveyContext,
    columns_for,
    dash_splits,
    joined,
    key,
    stem_of,
)

__all__ = [
    "Columns",
    "HeaderMatches",
    "name_questions",
    "respondent_column",
    "match_headers",
    "adopt_coded_arrays",
    "check_unmatched",
    "matrix_questions",
    "classify_columns",
]


@dataclass
class Columns:
    """The questions found in the headers.

    Attributes
    ----------
    respondent : str or None
        The respondent column, when given (or the wide spreadsheet's first).
    matrix : list of Question
        Roster-matrix questions (one column per roster actor).
    names : list of Question
        Name-generator questions (``names=``).
    names_used : set of str
        Name and intensity columns of the name generators.
    """

    respondent: str | None
    matrix: list[Question]
    names: list[Question]
    names_used: set[str]

    @property
    def matrix_columns(self) -> set[str]:
        """Every column of a matrix question."""
        return {c for q in self.matrix for c in q.columns}


@dataclass
class HeaderMatches:
    """What :func:`match_headers` read from each header.

    ``matched``: column -> (actor, stem key, stem); ``unmatched``: stem key ->
    [(column, the value that matched no actor, its header row)]; ``coded``: stem
    key -> {item key: column}; ``stem_text``: stem key -> the stem as written.
    """

    matched: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    unmatched: dict[str, list[tuple[str, str, int]]] = field(default_factory=dict)
    coded: dict[str, dict[str, str]] = field(default_factory=dict)
    stem_text: dict[str, str] = field(default_factory=dict)


def _intensity_columns(ctx: SurveyContext, k: str, partner: str, cols: list[str]) -> list[str]:
    """The intensity column of each name column (by item code, else by position)."""
    pcols = columns_for(ctx.export, partner, "names")
    by_item = {}
    for pc in pcols:
        parts = split_code(pc)
        if parts:
            by_item[key(parts[1])] = pc
    out = []
    for j, c in enumerate(cols):
        parts = split_code(c)
        if parts and key(parts[1]) in by_item:
            out.append(by_item[key(parts[1])])
        elif len(pcols) == len(cols):
            out.append(pcols[j])
        else:
            raise SurveyError(
                Text(
                    f'the intensity column for "{c}" cannot be told: "{partner}" has '
                    f'{len(pcols)} columns, "{k}" has {len(cols)}',
                    f'die Spalte mit der Intensität zu "{c}" ist nicht eindeutig: '
                    f'"{partner}" hat {len(pcols)} Spalten, "{k}" hat {len(cols)}',
                ),
                file=ctx.file,
                row=1,
                column=c,
                expected=Text(
                    "as many intensity columns as name columns, or matching "
                    "item codes (NG01_01 / NG02_01)",
                    "so viele Intensitäts- wie Namensspalten oder passende "
                    "Item-Codes (NG01_01 / NG02_01)",
                ),
            )
    return out


def name_questions(ctx: SurveyContext) -> tuple[list[Question], set[str]]:
    """The name-generator questions of ``names=`` and every column they use."""
    questions: list[Question] = []
    used: set[str] = set()
    for k, partner in ctx.names_opt.items():
        cols = columns_for(ctx.export, k, "names")
        icols: list[str | None] = [None] * len(cols)
        if partner:
            icols = list(_intensity_columns(ctx, k, partner, cols))
            used.update(c for c in columns_for(ctx.export, partner, "names"))
        used.update(cols)
        questions.append(
            Question(
                key=k,
                kind="names",
                columns=cols,
                intensity=icols,
                position=ctx.where(cols[0]),
                how="names",
            )
        )
    return questions, used


def respondent_column(ctx: SurveyContext, respondent: str | None) -> str | None:
    """The column ``respondent=`` names (case and spaces ignored), or a wide sheet's first.

    Raises
    ------
    MissingColumnError
        When no column has that name.
    """
    table = ctx.table
    resp = respondent
    if resp is not None and resp not in table.columns:
        hit = next((c for c in table.columns if key(c) == key(resp)), None)
        if hit is None:
            found = ", ".join(repr(c) for c in table.columns[:40]) + (
                " …" if len(table.columns) > 40 else ""
            )
            raise MissingColumnError(
                Text(
                    f"the respondent column {resp!r} ([[opt:respondent]]) is missing; "
                    f"columns found: {found}",
                    f"die Spalte der Befragten {resp!r} ([[opt:respondent]]) fehlt; "
                    f"vorhandene Spalten: {found}",
                ),
                file=ctx.file,
                row=1,
                expected=Text(
                    "the column that names who answered",
                    "die Spalte, die nennt, wer geantwortet hat",
                ),
                hint=close_matches(resp, table.columns),
            )
        resp = hit
    if resp is None and ctx.tool == "wide":
        resp = ctx.export.respondent
    return resp


def _header_actor(
    roster: Roster, declared: set[str], c: str, disp: str
) -> tuple[str | None, str | None, str | None, str | None, int]:
    """(actor, stem, item, inner label, header row of the value) read from one header."""
    stem, item, inner = stem_of(c)
    where = 1  # the header row the unmatched value comes from
    actor = None
    k = key(c)
    if k in roster.by_code:
        actor = roster.by_code[k]
    elif (
        item is not None
        and (key(stem) in roster.code_stems or key(stem) in declared)
        and roster.items.get(key(item))
    ):
        actor = roster.items[key(item)]
    if actor is None and inner is not None and item is None:
        actor = roster.actor(inner)
    if actor is None and disp != c:
        m = BRACKET.match(disp)
        splits = [(m.group(1).strip(), m.group(2).strip())] if m else []
        splits += dash_splits(disp)
        for left, right in splits:
            actor = roster.actor(right)
            if actor is not None:
                if stem is None:
                    stem = left
                break
        if actor is None and splits:
            where = 2  # Qualtrics: the question texts' row
            if stem is None:
                stem, inner = splits[0]
            else:
                inner = splits[0][1]
    if actor is None and stem is None:
        actor = roster.actor(c) or (roster.actor(disp) if disp != c else None)
        if actor is not None:
            stem = ""
    return actor, stem, item, inner, where


def match_headers(ctx: SurveyContext, columns: list[str], declared: set[str]) -> HeaderMatches:
    """Read each candidate header as (question stem, roster actor) where it is one."""
    assert ctx.roster is not None
    export = ctx.export
    hdr_ident = set(identifying_columns(ctx.table.columns)) | set(export.identifying)
    hdr_ident |= set(ctx.personal)
    out = HeaderMatches()
    for c in columns:
        actor, stem, item, inner, where = _header_actor(
            ctx.roster, declared, c, export.display.get(c, c)
        )
        if stem is not None:
            out.stem_text.setdefault(key(stem), stem)
        if actor is not None:
            out.matched[c] = (actor, key(stem or ""), stem or "")
        elif c in hdr_ident:
            continue
        elif ctx.tool == "wide":
            out.unmatched.setdefault("", []).append((c, inner if inner is not None else c, where))
        elif stem is not None:
            value = inner if inner is not None else c
            out.unmatched.setdefault(key(stem), []).append((c, value, where))
            if item is not None:
                out.coded.setdefault(key(stem), {})[key(item)] = c
    return out


def adopt_coded_arrays(ctx: SurveyContext, found: HeaderMatches, groups: set[str]) -> None:
    """Further arrays with exactly the roster's item codes (INFO[SQ001…] beside KOOP[…])."""
    roster = ctx.roster
    assert roster is not None
    for sk, items in found.coded.items():
        if sk in groups or len(items) < 2:
            continue
        for code_stem, code_items in roster.code_stems.items():
            if set(items) != code_items:
                continue
            for ik, c in items.items():
                actor = roster.items.get(ik)
                if actor is not None:
                    found.matched[c] = (actor, sk, found.stem_text[sk])
            found.unmatched[sk] = [u for u in found.unmatched[sk] if u[0] not in found.matched]
            groups.add(sk)
            stem = found.stem_text[sk]
            ctx.record.add(
                "info",
                Text(
                    f'question "{stem}" read as a roster question: its '
                    f'items are the roster codes\' items of "{code_stem.upper()}"',
                    f'Frage "{stem}" als Frage nach den Akteuren gelesen: ihre '
                    f'Items sind die Items der Codes von "{code_stem.upper()}" in der '
                    "Teilnehmerliste",
                ),
                file=ctx.file,
                warn=False,
            )
            break


def check_unmatched(ctx: SurveyContext, found: HeaderMatches, groups: set[str]) -> None:
    """A column of a roster question must match a roster actor.

    Raises
    ------
    SurveyError
        Naming the first such column and its value.
    """
    roster = ctx.roster
    assert roster is not None
    bad = [u for sk in groups for u in found.unmatched.get(sk, [])]
    if not bad:
        return
    c, value, where = min(bad, key=lambda u: ctx.where(u[0]))
    choices = roster.labels + list(roster.codes.values())
    raise SurveyError(
        Text(
            f'the column matches no roster actor: "{value}" is not a code, id or label '
            f"in {roster.file}",
            f'die Spalte passt zu keinem Akteur der Teilnehmerliste: "{value}" ist kein '
            f"Code, keine id und kein label in {roster.file}",
        ),
        file=ctx.file,
        row=where,
        column=c,
        expected=Text(
            "a column for every answer about a roster actor",
            "eine Spalte je Antwort über einen Akteur der Teilnehmerliste",
        ),
        hint=joined(
            close_matches(value, choices),
            Text(
                "Add the actor to the roster, or leave the column out with [[opt:ignore=COLUMN]].",
                "Den Akteur in die Teilnehmerliste aufnehmen oder die Spalte mit "
                "[[opt:ignore=SPALTE]] auslassen.",
            ),
        ),
    )


def matrix_questions(ctx: SurveyContext, found: HeaderMatches, groups: set[str]) -> list[Question]:
    """One matrix question per group of matched columns, in the export's order.

    Raises
    ------
    SurveyError
        When two columns of one question are about one actor.
    """
    by_group: dict[str, list[str]] = {}
    for c, (_, sk, _) in found.matched.items():
        if sk in groups:
            by_group.setdefault(sk, []).append(c)
    questions: list[Question] = []
    for sk, cols in by_group.items():
        cols.sort(key=ctx.where)
        targets = [found.matched[c][0] for c in cols]
        seen: dict[str, str] = {}
        for c, a in zip(cols, targets, strict=True):
            if a in seen:
                raise SurveyError(
                    Text(
                        f'two columns of one question are about the actor "{a}" '
                        f'("{seen[a]}" and this one)',
                        f'zwei Spalten einer Frage betreffen den Akteur "{a}" '
                        f'("{seen[a]}" und diese)',
                    ),
                    file=ctx.file,
                    row=1,
                    column=c,
                    expected=Text(
                        "one column per actor and question", "eine Spalte je Akteur und Frage"
                    ),
                )
            seen[a] = c
        questions.append(
            Question(
                key=found.stem_text.get(sk, ""),
                kind="matrix",
                columns=cols,
                targets=targets,
                position=ctx.where(cols[0]),
            )
        )
    return questions


def classify_columns(ctx: SurveyContext, respondent: str | None) -> Columns:
    """Name-generator and matrix questions, and the respondent column when given.

    Raises
    ------
    SurveyError
        For a column of a roster question matching no actor, two columns about
        one actor, or (wide spreadsheets) no question at all.
    """
    roster = ctx.roster
    assert roster is not None
    names, names_used = name_questions(ctx)
    resp = respondent_column(ctx, respondent)
    declared = {key(k) for k in ctx.questions_opt}
    skip = set(ctx.export.system) | names_used | ({resp} if resp else set())
    candidates = [c for c in ctx.table.columns if c not in skip and c not in ctx.ignored]
    found = match_headers(ctx, candidates, declared)
    groups = {sk for _, sk, _ in found.matched.values()}
    groups |= set(roster.code_stems) & set(found.stem_text)
    groups |= declared & set(found.stem_text)
    adopt_coded_arrays(ctx, found, groups)
    if ctx.tool == "wide":
        groups.add("")
    check_unmatched(ctx, found, groups)
    questions = matrix_questions(ctx, found, groups)
    if ctx.tool == "wide" and not questions and not names:
        raise SurveyError(
            Text(
                "no column matches a roster actor",
                "keine Spalte passt zu einem Akteur der Teilnehmerliste",
            ),
            file=ctx.file,
            row=1,
            expected=Text(
                "one column per roster actor (code, id or label)",
                "eine Spalte je Akteur der Teilnehmerliste (code, id oder label)",
            ),
        )
    return Columns(respondent=resp, matrix=questions, names=names, names_used=names_used)
