"""Step 4: the respondent column, checklists, identifying columns and each question's relation."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ....exceptions import SurveyError
from ....i18n import Text
from ....privacy import describe, identifying_columns
from ...assemble import DEFAULT_RELATION
from ..roster import close_matches
from .classify import Columns
from .common import Question, SurveyContext, actor_lookup, dash_splits, key, split_cell

__all__ = [
    "Layout",
    "identifying_of",
    "find_respondent",
    "detect_lists",
    "no_questions",
    "with_personal_values",
    "name_relations",
    "lay_out",
]

_RESPONDENT_HINT = re.compile(
    r"organisation|organization|einrichtung|institution|akteur|actor|respondent|verein|"
    r"träger|traeger|dienst|welche",
    re.IGNORECASE,
)


@dataclass
class Layout:
    """How the export is read: who answered, which questions, what is left out.

    Attributes
    ----------
    columns : Columns
        The header step's result.
    respondent : str
        The respondent column.
    lists : list of Question
        Checklist questions (one column; answers name roster actors).
    questions : list of Question
        Every question in the export's order, each with its relation.
    identifying : dict
        Column -> why it is left out as personal data (a Text).
    """

    columns: Columns
    respondent: str
    lists: list[Question]
    questions: list[Question]
    identifying: dict[str, object]

    @property
    def read_columns(self) -> set[str]:
        """Every column read as a question."""
        cols = self.columns
        return cols.matrix_columns | cols.names_used | {q.columns[0] for q in self.lists}


def identifying_of(ctx: SurveyContext, used: set[str]) -> dict[str, object]:
    """Identifying columns by header (the tool's own first), among those not read."""
    export = ctx.export
    rest = [c for c in ctx.table.columns if c not in used]
    ident = {c: describe(r) for c, r in export.identifying.items() if c in rest}
    for c, r in identifying_columns(rest).items():
        ident.setdefault(c, describe(r))
    for c in rest:  # Qualtrics: the question text of the second header row
        disp = export.display.get(c)
        if disp and c not in ident:
            for r in identifying_columns([disp]).values():
                ident[c] = describe(r)
    return ident


def detect_lists(
    ctx: SurveyContext, cols: Columns, identifying: dict[str, object], respondent: str | None
) -> list[Question]:
    """Checklist questions: single columns whose answers name roster actors (or declared)."""
    table, roster, export = ctx.table, ctx.roster, ctx.export
    assert roster is not None
    blocked = (
        cols.matrix_columns | cols.names_used | set(export.system) | set(identifying) | {respondent}
    )
    lists: list[Question] = []
    declared = {key(k) for k in ctx.questions_opt}
    for c in table.columns:
        if c in blocked or c in ctx.ignored:
            continue
        shown = export.display.get(c)
        is_declared = key(c) in declared or (shown is not None and key(shown) in declared)
        if not is_declared and ctx.tool == "wide":
            continue
        if not is_declared:
            n_tok = n_hit = 0
            hits: set[str] = set()
            for v in table.frame[c]:
                for tok in split_cell(str(v), export.separators, ctx.is_actor):
                    n_tok += 1
                    a = roster.actor(tok)
                    if a is not None:
                        n_hit += 1
                        hits.add(a)
            if len(hits) < 2 or n_hit < 0.6 * n_tok:
                continue
        how = "declared" if is_declared else "detected"
        lists.append(Question(key=c, kind="list", columns=[c], position=ctx.where(c), how=how))
    return lists


def no_questions(ctx: SurveyContext) -> SurveyError:
    """The error for an export in which no roster question was found."""
    shown = ", ".join(repr(c) for c in ctx.table.columns[:6])
    return SurveyError(
        Text(
            "no roster question found: no column matches the roster's codes or labels",
            "keine Frage nach den Akteuren gefunden: keine Spalte passt zu den Codes oder "
            "labels der Teilnehmerliste",
        ),
        file=ctx.file,
        row=1,
        expected=Text(
            "columns headed by roster codes (KOOP[SQ001], KO01_01, Q5_1) or "
            "labels (Frage [Label]), checklists naming roster actors, or "
            "[[opt:names=COLUMN]]",
            "Spalten mit Codes (KOOP[SQ001], KO01_01, Q5_1) oder labels (Frage [Label]) der "
            "Teilnehmerliste als Überschrift, Checklisten mit Akteuren der Teilnehmerliste "
            "oder [[opt:names=SPALTE]]",
        ),
        hint=Text(
            "Give the roster a column 'code' with the export's column headers (found e.g. "
            f"{shown}).",
            "Der Teilnehmerliste eine Spalte 'code' mit den Spaltenüberschriften des Exports "
            f"geben (gefunden z. B. {shown}).",
        ),
    )


def _no_respondent(file: str) -> SurveyError:
    return SurveyError(
        Text(
            "no column names the respondents: none holds roster ids or labels (or the "
            "values of a roster column of the same name)",
            "keine Spalte nennt die Befragten: keine enthält ids oder labels der "
            "Teilnehmerliste (oder die Werte einer gleichnamigen Spalte der "
            "Teilnehmerliste)",
        ),
        file=file,
        row=1,
        expected=Text(
            "[[opt:respondent=COLUMN]] naming the column that says which actor answered",
            "[[opt:respondent=SPALTE]] mit der Spalte, die sagt, welcher Akteur geantwortet hat",
        ),
        hint=Text(
            "Give [[opt:respondent=COLUMN]], e.g. the question 'Für welche Einrichtung "
            "antworten Sie?', or a token column matched by a roster column 'token'.",
            "[[opt:respondent=SPALTE]] angeben, z. B. die Frage 'Für welche Einrichtung "
            "antworten Sie?', oder eine Token-Spalte, die zu einer Spalte 'token' der "
            "Teilnehmerliste passt.",
        ),
    )


def find_respondent(ctx: SurveyContext, cols: Columns, identifying: dict[str, object]) -> str:
    """The respondent column: given, or the one whose values match the roster best (recorded).

    Raises
    ------
    SurveyError
        When no column's values match roster actors (or no question was found).
    """
    if cols.respondent is not None:
        return cols.respondent
    table, export, roster = ctx.table, ctx.export, ctx.roster
    assert roster is not None
    blocked = cols.matrix_columns | cols.names_used | set(export.system)
    cands = [c for c in table.columns if c not in blocked and c not in ctx.ignored]
    if export.finished_column:
        cands = [c for c in cands if c != export.finished_column]
    best: tuple | None = None
    for pos, c in enumerate(cands):
        values = [str(v).strip() for v in table.frame[c] if str(v).strip()]
        if not values:
            continue
        look = actor_lookup(roster, c)
        hits = [look(v) for v in values]
        frac = sum(h is not None for h in hits) / len(values)
        if frac < 0.8:
            continue
        distinct = len({h for h in hits if h}) / len(values)
        same_name = c.strip().casefold() in roster.extra
        score = (frac, same_name, bool(_RESPONDENT_HINT.search(c)), distinct, -pos)
        if best is None or score > best[0]:
            best = (score, c)
    if best is None:
        if not (cols.matrix or cols.names or detect_lists(ctx, cols, identifying, None)):
            raise no_questions(ctx)
        raise _no_respondent(ctx.file)
    ctx.record.add(
        "info",
        Text(
            f"respondent column detected: {best[1]!r}", f"Spalte der Befragten erkannt: {best[1]!r}"
        ),
        file=ctx.file,
        column=best[1],
        warn=False,
    )
    return best[1]


def with_personal_values(
    ctx: SurveyContext, identifying: dict[str, object], read: set[str]
) -> dict[str, object]:
    """``identifying`` plus columns not read whose values are personal data, in order."""
    ident = dict(identifying)
    for c, found in ctx.personal.items():
        if c not in read and c not in ident and found.by == "values":
            ident[c] = found.reason
    order = {c: i for i, c in enumerate(ctx.table.columns)}
    tool = [c for c in ident if c in ctx.export.identifying]
    rest = sorted((c for c in ident if c not in tool), key=order.__getitem__)
    return {c: ident[c] for c in tool + rest}


def _keys_of(ctx: SurveyContext, q: Question) -> tuple[set[str], str | None]:
    """The keys by which ``questions=`` may name ``q``, and the relation it gives."""
    declared = {key(k): v for k, v in ctx.questions_opt.items()}
    display = ctx.export.display
    keys = {key(q.key)}
    if q.kind == "list" and display.get(q.key):
        keys.add(key(display[q.key]))
    if q.kind == "matrix" and q.columns and display.get(q.columns[0]):
        keys |= {key(left) for left, _ in dash_splits(display[q.columns[0]])}
    name = declared.get(key(q.key))
    if name is None and q.kind == "list":
        disp = display.get(q.key)
        name = declared.get(key(disp)) if disp else None
    if name is None and q.kind == "matrix" and q.columns:
        disp = display.get(q.columns[0])
        if disp:
            for left, _ in dash_splits(disp):
                name = declared.get(key(left)) or name
    return keys & set(declared), name


def name_relations(ctx: SurveyContext, questions: list[Question]) -> list[Question]:
    """Sort the questions by position and set each one's relation (``questions=`` or default).

    Raises
    ------
    SurveyError
        When ``questions=`` names no question, or two questions get one relation.
    """
    questions = sorted(questions, key=lambda q: q.position)
    used: set[str] = set()
    for q in questions:
        keys, name = _keys_of(ctx, q)
        used |= keys
        if not name:
            name = DEFAULT_RELATION if len(questions) == 1 else (q.key or DEFAULT_RELATION)
        q.relation = name
    for k in ctx.questions_opt:
        if key(k) not in used:
            raise SurveyError(
                Text(
                    f'[[opt:questions]] names "{k}", which is not a roster question of the export',
                    f'[[opt:questions]] nennt "{k}", das keine Frage nach den Akteuren im '
                    "Export ist",
                ),
                file=ctx.file,
                row=1,
                expected=Text(
                    "the code or text of a roster question, or a checklist column",
                    "Code oder Text einer Frage nach den Akteuren oder eine Checklisten-Spalte",
                ),
                hint=close_matches(k, [q.key for q in questions] + ctx.table.columns),
            )
    rels = [q.relation for q in questions]
    if len(set(rels)) != len(rels):
        dup = next(r for r in rels if rels.count(r) > 1)
        raise SurveyError(
            Text(
                f'two questions are read as the relation "{dup}"',
                f'zwei Fragen werden als dieselbe Beziehung "{dup}" gelesen',
            ),
            file=ctx.file,
            expected=Text("one relation per question", "eine Beziehung je Frage"),
            hint=Text(
                "Name each question's relation with [[opt:questions]].",
                "Die Beziehung jeder Frage mit [[opt:questions]] benennen.",
            ),
        )
    ctx.figures["questions"] = {q.key or "(columns)": q.relation for q in questions}
    return questions


def lay_out(ctx: SurveyContext, cols: Columns) -> Layout:
    """Respondent column, checklists (recorded when detected), identifying columns, relations.

    Raises
    ------
    SurveyError
        Without a respondent column or without any roster question.
    """
    identifying = identifying_of(ctx, cols.matrix_columns | cols.names_used)
    respondent = find_respondent(ctx, cols, identifying)
    lists = detect_lists(ctx, cols, identifying, respondent)
    for q in lists:
        if q.how == "detected":
            ctx.record.add(
                "info",
                Text(
                    f"question {q.key!r} read as a roster checklist: its answers name roster "
                    "actors",
                    f"Frage {q.key!r} als Checkliste gelesen: ihre Antworten nennen Akteure "
                    "der Teilnehmerliste",
                ),
                file=ctx.file,
                column=q.key,
                warn=False,
            )
    if not (cols.matrix or lists or cols.names):
        raise no_questions(ctx)
    layout = Layout(cols, respondent, lists, [], identifying)
    layout.identifying = with_personal_values(ctx, identifying, layout.read_columns)
    layout.questions = name_relations(ctx, cols.matrix + lists + cols.names)
    return layout
