"""The survey reader: an export, a roster and a codebook become a network of reports."""

from __future__ import annotations

import csv
import io
import math
import os
import re
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ...exceptions import DataCleaningWarning, FormatError, MissingColumnError, SurveyError
from ...i18n import Text
from ...network import Network
from ...privacy import (
    KINDS,
    describe,
    find_personal_data,
    identifying_columns,
    left_out,
    personal_data_in,
)
from ...record import Record
from ..assemble import DEFAULT_RELATION, assemble
from ..text import Table, read_xlsx_tables, sniff_separator
from .codebook import Codebook, read_codebook
from .export import EXCLUDED, TOOLS, TOOLS_DE, SurveyExport
from .matching import REVIEW_COLUMNS, read_aliases, resolve_names
from .roster import close_matches, implicit_roster, read_roster, respondent_key, split_code

__all__ = ["read_survey", "detect_tool", "survey_summary", "OPTIONS"]

#: The options read_survey accepts besides roster, respondent, codebook and tool.
OPTIONS = (
    "include_unfinished",
    "aliases",
    "questions",
    "names",
    "ignore",
    "match_threshold",
    "abbreviations",
    "sheet",
    "name",
)

_BRACKET = re.compile(r"^(.*\S)\s*\[([^\[\]]+)\]\s*$")
_RESPONDENT_HINT = re.compile(
    r"organisation|organization|einrichtung|institution|akteur|actor|respondent|verein|"
    r"träger|traeger|dienst|welche",
    re.IGNORECASE,
)


_NO_FILE = Text("the file does not exist", "die Datei existiert nicht")

# ------------------------------------------------------------------ detection


def _head_records(path: Path, n: int = 3) -> list[list[str]]:
    with open(path, "rb") as fh:
        data = fh.read(65536)
    text = None
    for enc in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        text = data.decode("latin-1")
    text = text.lstrip("\ufeff")
    sep = sniff_separator(text)
    try:
        recs = list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))
    except csv.Error:
        return []
    return [r for r in recs if any(v.strip() for v in r)][:n]


def detect_tool(path: str | os.PathLike[str]) -> str:
    """The survey tool that wrote an export, from its headers.

    Returns
    -------
    str
        ``"limesurvey"`` (``submitdate``/``Datum Abgeschickt``/``Antwort ID``),
        ``"sosci"`` (``CASE`` and ``QUESTNNR``), ``"qualtrics"`` (an
        ``{"ImportId": …}`` header row, or ``ResponseId`` and ``Finished``),
        ``"googleforms"`` (first column ``Zeitstempel``/``Timestamp``),
        ``"msforms"`` (an ``.xlsx`` with ``Start time`` and ``Completion time``)
        or else ``"wide"``.

    Raises
    ------
    FormatError
        When the file does not exist.
    """
    path = Path(path)
    if not path.is_file():
        raise FormatError(_NO_FILE, file=str(path.name))
    if path.suffix.casefold() in (".xlsx", ".xlsm"):
        sheets = read_xlsx_tables(path)
        table = next((t for t in sheets.values() if len(t.frame.columns)), None)
        header = [c.casefold() for c in table.columns] if table is not None else []
        heads = [header]
    else:
        heads = [[c.strip().casefold() for c in r] for r in _head_records(path)]
        header = heads[0] if heads else []
    names = set(header)
    if any(r and r[0].startswith('{"importid"') for r in heads[:3]):
        return "qualtrics"
    if {"responseid", "finished"} <= names or {"responseid", "recordeddate"} <= names:
        return "qualtrics"
    if {"case", "questnnr"} <= names or {"case", "serial", "finished", "lastpage"} <= names:
        return "sosci"
    if (
        names & {"submitdate", "datum abgeschickt", "date submitted", "antwort id"}
        or {"id", "lastpage", "startlanguage"} <= names
    ):
        return "limesurvey"
    if {"start time", "completion time"} <= names or {"startzeit", "fertigstellungszeit"} <= names:
        return "msforms"
    if header and header[0] in ("zeitstempel", "timestamp", "horodateur", "marca temporal"):
        return "googleforms"
    return "wide"


def _read_export(path: Path, tool: str, sheet: str | None) -> SurveyExport:
    if tool == "limesurvey":
        from .limesurvey import read_limesurvey_export as reader
    elif tool == "sosci":
        from .sosci import read_sosci_export as reader
    elif tool == "qualtrics":
        from .qualtrics import read_qualtrics_export as reader
    elif tool == "googleforms":
        from .googleforms import read_googleforms_export as reader
    elif tool == "msforms":
        from .msforms import read_msforms_export as reader
    else:
        from .wide import read_wide_export as reader
    return reader(path, sheet=sheet)


# ---------------------------------------------------------------- the reader


def _joined(first: Text | str, second: Text) -> Text:
    """Two hints as one, the first may be empty."""
    return first + " " + second if first else second


@dataclass
class _Question:
    key: str
    kind: str  # "matrix", "list" or "names"
    columns: list[str]
    targets: list[str] = field(default_factory=list)
    intensity: list[str | None] = field(default_factory=list)
    position: int = 0
    relation: str = ""
    how: str = ""


def _norm(text: object) -> str:
    return respondent_key(text)


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _as_mapping(value: Any) -> dict[str, str | None]:
    if value is None:
        return {}
    if isinstance(value, str):
        return {value: None}
    if isinstance(value, Mapping):
        return {str(k): (None if v is None else str(v)) for k, v in value.items()}
    return {str(v): None for v in value}


#: The most separator-parts one multi-select option may have ("Stadt Lindenau, Sozialamt": 2).
_OPTION_PARTS = 32


def _split_cell(text: str, seps: Sequence[str], known: Callable[[str], bool]) -> list[str]:
    """Split a multi-select cell; keep together parts that form a known option.

    An option containing the separator (Google Forms: "Stadt Lindenau, Sozialamt")
    is recognised because ``known`` says so; the longest known run wins.
    """
    text = text.strip()
    if not text:
        return []
    if known(text) or not seps:
        return [text]
    sep, rest = seps[0], seps[1:]
    parts = [p.strip() for p in text.split(sep)]
    out: list[str] = []
    i, n = 0, len(parts)
    while i < n:
        # an option spans at most _OPTION_PARTS parts: trying every longer run made a
        # cell of a few thousand separators take minutes
        for j in range(min(n, i + _OPTION_PARTS), i + 1, -1):
            cand = sep.join(parts[i:j]).strip()
            if known(cand):
                out.append(cand)
                i = j
                break
        else:
            out.extend(_split_cell(parts[i], rest, known))
            i += 1
    return [p for p in out if p]


def _stem_of(header: str) -> tuple[str | None, str | None, str | None]:
    """(stem, item code, inner label) read from a header."""
    parts = split_code(header)
    if parts is not None:
        return parts[0], parts[1], parts[1]
    m = _BRACKET.match(header)
    if m:
        return m.group(1).strip(), None, m.group(2).strip()
    return None, None, None


def _dash_splits(text: str) -> list[tuple[str, str]]:
    """Every way to split "Frage - Zeile" at " - " (Qualtrics), rightmost first."""
    out = []
    for m in reversed(list(re.finditer(r"\s[-–]\s", text))):
        left, right = text[: m.start()].strip(), text[m.end() :].strip()
        if left and right:
            out.append((left, right))
    return out


class _Reader:
    def __init__(
        self,
        path: Path,
        roster: Any,
        respondent: str | None,
        codebook: Any,
        tool: str,
        options: dict[str, Any],
    ) -> None:
        self.path = path
        self.file = path.name
        self.record = Record()
        self.options = options
        self.tool = detect_tool(path) if tool == "auto" else tool
        if self.tool not in TOOLS:
            raise FormatError(
                Text(f"unknown survey tool {tool!r}", f"unbekanntes Befragungswerkzeug {tool!r}"),
                file=self.file,
                expected=Text(
                    f"one of {', '.join(TOOLS)} or 'auto'",
                    f"eines von {', '.join(TOOLS)} oder 'auto'",
                ),
            )
        self.export = _read_export(path, self.tool, options.get("sheet"))
        self.table: Table = self.export.table
        self.file = self.table.file
        self.roster_arg = roster
        self.respondent_arg = respondent
        self.codebook = (
            read_codebook(codebook)
            if codebook is not None
            else Codebook.default(shift=self.export.shift)
        )
        self.questions_opt = _as_mapping(options.get("questions"))
        self.names_opt = _as_mapping(options.get("names"))
        # columns named (or whose question is named) in ignore=
        self.ignored = {
            c for key in _as_list(options.get("ignore")) for c in self._columns_for(key, "ignore")
        }
        self.figures: dict[str, Any] = {}
        self.missing_rows: list[pd.DataFrame] = []
        self._kind_counts: dict[str, int] = {}
        self._codes_seen: set[str] = set()
        self.review: pd.DataFrame | None = None
        self.new_actors: pd.DataFrame | None = None
        # every column whose header or values are personal data (see quartiernetz.privacy)
        self.personal = {f.column: f for f in find_personal_data(self.table.frame)}
        # typed partner names holding personal data: (column, kind, row), never the value
        self.withheld: list[tuple[str, str, int]] = []

    # -------------------------------------------------------------- helpers
    def _where(self, column: str) -> int:
        return self.table.columns.index(column)

    def _matches_key(self, column: str, key: str) -> bool:
        k = _norm(key)
        if _norm(column) == k:
            return True
        stem, _, _ = _stem_of(column)
        if stem is not None and _norm(stem) == k:
            return True
        disp = self.export.display.get(column)
        if disp is not None:
            if _norm(disp) == k:
                return True
            if any(_norm(left) == k for left, _ in _dash_splits(disp)):
                return True
        return False

    def _columns_for(self, key: str, what: str) -> list[str]:
        cols = [c for c in self.table.columns if self._matches_key(c, key)]
        if not cols:
            raise SurveyError(
                Text(
                    f'[[opt:{what}]] names "{key}", which is neither a column nor a question of '
                    "the export",
                    f'[[opt:{what}]] nennt "{key}", das weder eine Spalte noch eine Frage des '
                    "Exports ist",
                ),
                file=self.file,
                row=1,
                expected=Text(
                    "a column header or a question code/text",
                    "eine Spaltenüberschrift oder Code/Text einer Frage",
                ),
                hint=close_matches(key, self.table.columns),
            )
        return cols

    # ----------------------------------------------------------------- steps
    def run(self) -> Network:
        table = self.table
        sep = {";": "';'", ",": "','"}.get(table.sep or "", repr(table.sep))
        how = (
            Text(f"{table.encoding} text, separator ", f"{table.encoding}-Text, Trennzeichen ")
            + (Text("tab", "Tabulator") if table.sep == "\t" else sep)
            if table.encoding
            else Text("a workbook", "eine Arbeitsmappe")
        )
        n = len(table.frame)
        self.record.add(
            "info",
            Text(f"read as a {TOOLS[self.tool]} export (", f"gelesen als {TOOLS_DE[self.tool]} (")
            + how
            + Text(f", {n} response rows)", f", {n} Antwortzeilen)"),
            file=self.file,
            warn=False,
        )
        for note in table.notes:
            if str(note).startswith("extra header row"):
                continue
            self.record.add("info", note, file=self.file, warn=False)
        self._load_roster()
        self._check_codes()
        self._names_columns()
        self._classify()
        self._identifying()
        self._find_respondent()
        self._list_questions()
        self._personal_values()
        self._relations()
        self._select_rows()
        ties = self._answers()
        return self._build(ties)

    def _load_roster(self) -> None:
        if self.roster_arg is not None:
            self.roster = read_roster(self.roster_arg)
            for c, why in self.roster.dropped.items():
                why = describe(why)
                self.record.add(
                    "dropped",
                    Text(
                        f"identifying roster column left out ({why.en})",
                        f"identifizierende Spalte der Teilnehmerliste ausgelassen ({why.de})",
                    ),
                    file=self.roster.file,
                    column=c,
                    count=len(self.roster),
                )
        elif self.tool == "wide":
            resp = self.respondent_arg or self.export.respondent
            # name-generator columns (and their intensities) are questions, not actors
            named = {
                c
                for pair in self.names_opt.items()
                for key in pair
                if key
                for c in self._columns_for(key, "names")
            }
            cols = [
                c
                for c in self.table.columns
                if c != resp
                and c not in self.ignored
                and c not in named
                and c not in identifying_columns(self.table.columns)
                and c not in self.personal
            ]
            self.roster = implicit_roster(cols, file=self.file)
            self.record.add(
                "added",
                Text(
                    "no roster given: actors are the column headers of the "
                    "wide spreadsheet (and respondents not among them)",
                    "keine Teilnehmerliste (Roster) angegeben: Akteure sind die "
                    "Spaltenüberschriften der breiten Tabelle (und Befragte, die nicht darunter "
                    "sind)",
                ),
                count=len(cols),
                file=self.file,
                warn=False,
            )
        elif self.names_opt:
            self.roster = implicit_roster([], file=self.file)
        else:
            raise SurveyError(
                Text(
                    f"a roster is needed to read the roster questions of a {TOOLS[self.tool]} "
                    "export",
                    "ohne Teilnehmerliste (Roster) lassen sich die Fragen nach den Akteuren "
                    f"eines Exports aus {TOOLS_DE[self.tool]} nicht lesen",
                ),
                file=self.file,
                expected=Text(
                    "[[opt:roster=FILE]] naming a CSV/XLSX with columns id, label (and code)",
                    "[[opt:roster=DATEI]] mit einer CSV/XLSX-Datei mit den Spalten id, label "
                    "(und code)",
                ),
                hint=Text(
                    "Without a roster, only wide spreadsheets and name generators "
                    "([[opt:names=COLUMN]]) can be read.",
                    "Ohne Teilnehmerliste lassen sich nur breite Tabellen und Namensgeneratoren "
                    "([[opt:names=SPALTE]]) lesen.",
                ),
            )

    def _names_columns(self) -> None:
        self.name_questions: list[_Question] = []
        used: set[str] = set()
        for key, partner in self.names_opt.items():
            cols = self._columns_for(key, "names")
            icols: list[str | None] = [None] * len(cols)
            if partner:
                pcols = self._columns_for(partner, "names")
                by_item = {}
                for pc in pcols:
                    parts = split_code(pc)
                    if parts:
                        by_item[_norm(parts[1])] = pc
                for j, c in enumerate(cols):
                    parts = split_code(c)
                    if parts and _norm(parts[1]) in by_item:
                        icols[j] = by_item[_norm(parts[1])]
                    elif len(pcols) == len(cols):
                        icols[j] = pcols[j]
                    else:
                        raise SurveyError(
                            Text(
                                f'the intensity column for "{c}" cannot be told: "{partner}" has '
                                f'{len(pcols)} columns, "{key}" has {len(cols)}',
                                f'die Spalte mit der Intensität zu "{c}" ist nicht eindeutig: '
                                f'"{partner}" hat {len(pcols)} Spalten, "{key}" hat {len(cols)}',
                            ),
                            file=self.file,
                            row=1,
                            column=c,
                            expected=Text(
                                "as many intensity columns as name columns, or matching "
                                "item codes (NG01_01 / NG02_01)",
                                "so viele Intensitäts- wie Namensspalten oder passende "
                                "Item-Codes (NG01_01 / NG02_01)",
                            ),
                        )
                used.update(pcols)
            used.update(cols)
            self.name_questions.append(
                _Question(
                    key=key,
                    kind="names",
                    columns=cols,
                    intensity=icols,
                    position=self._where(cols[0]),
                    how="names",
                )
            )
        self.names_used = used

    def _classify(self) -> None:
        export, roster, table = self.export, self.roster, self.table
        resp = self.respondent_arg
        if resp is not None and resp not in table.columns:
            hit = next((c for c in table.columns if _norm(c) == _norm(resp)), None)
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
                    file=self.file,
                    row=1,
                    expected=Text(
                        "the column that names who answered",
                        "die Spalte, die nennt, wer geantwortet hat",
                    ),
                    hint=close_matches(resp, table.columns),
                )
            resp = hit
        if resp is None and self.tool == "wide":
            resp = export.respondent
        self.respondent = resp
        declared = {_norm(k) for k in self.questions_opt}
        skip = set(export.system) | self.names_used | ({resp} if resp else set())
        candidates = [c for c in table.columns if c not in skip and c not in self.ignored]
        hdr_ident = set(identifying_columns(table.columns)) | set(export.identifying)
        hdr_ident |= set(self.personal)
        matched: dict[str, tuple[str, str, str]] = {}  # column -> (actor, stem key, stem)
        # stem key -> [(column, the value that matched no actor, its header row)]
        unmatched: dict[str, list[tuple[str, str, int]]] = {}
        coded: dict[str, dict[str, str]] = {}  # stem key -> {item key: column}
        stem_text: dict[str, str] = {}
        for c in candidates:
            disp = export.display.get(c, c)
            stem, item, inner = _stem_of(c)
            where = 1  # the header row the unmatched value comes from
            actor = None
            k = _norm(c)
            if k in roster.by_code:
                actor = roster.by_code[k]
            elif (
                item is not None
                and (_norm(stem) in roster.code_stems or _norm(stem) in declared)
                and roster.items.get(_norm(item))
            ):
                actor = roster.items[_norm(item)]
            if actor is None and inner is not None and item is None:
                actor = roster.actor(inner)
            if actor is None and disp != c:
                m = _BRACKET.match(disp)
                splits = [(m.group(1).strip(), m.group(2).strip())] if m else []
                splits += _dash_splits(disp)
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
            if stem is not None:
                stem_text.setdefault(_norm(stem), stem)
            if actor is not None:
                matched[c] = (actor, _norm(stem or ""), stem or "")
            elif c in hdr_ident:
                continue
            elif self.tool == "wide":
                unmatched.setdefault("", []).append((c, inner if inner is not None else c, where))
            elif stem is not None:
                value = inner if inner is not None else c
                unmatched.setdefault(_norm(stem), []).append((c, value, where))
                if item is not None:
                    coded.setdefault(_norm(stem), {})[_norm(item)] = c
        groups = {sk for _, sk, _ in matched.values()}
        groups |= set(roster.code_stems) & set(stem_text)
        groups |= declared & set(stem_text)
        # further arrays with exactly the roster's item codes (e.g. INFO[SQ001…] beside KOOP[…])
        for sk, items in coded.items():
            if sk in groups or len(items) < 2:
                continue
            for code_stem, code_items in roster.code_stems.items():
                if set(items) == code_items:
                    for ik, c in items.items():
                        actor = roster.items.get(ik)
                        if actor is not None:
                            matched[c] = (actor, sk, stem_text[sk])
                    unmatched[sk] = [u for u in unmatched[sk] if u[0] not in matched]
                    groups.add(sk)
                    self.record.add(
                        "info",
                        Text(
                            f'question "{stem_text[sk]}" read as a roster question: its '
                            f'items are the roster codes\' items of "{code_stem.upper()}"',
                            f'Frage "{stem_text[sk]}" als Frage nach den Akteuren gelesen: ihre '
                            f'Items sind die Items der Codes von "{code_stem.upper()}" in der '
                            "Teilnehmerliste",
                        ),
                        file=self.file,
                        warn=False,
                    )
                    break
        if self.tool == "wide":
            groups.add("")
        bad = [u for sk in groups for u in unmatched.get(sk, [])]
        if bad:
            c, value, where = min(bad, key=lambda u: self._where(u[0]))
            choices = roster.labels + list(roster.codes.values())
            raise SurveyError(
                Text(
                    f'the column matches no roster actor: "{value}" is not a code, id or label '
                    f"in {roster.file}",
                    f'die Spalte passt zu keinem Akteur der Teilnehmerliste: "{value}" ist kein '
                    f"Code, keine id und kein label in {roster.file}",
                ),
                file=self.file,
                row=where,
                column=c,
                expected=Text(
                    "a column for every answer about a roster actor",
                    "eine Spalte je Antwort über einen Akteur der Teilnehmerliste",
                ),
                hint=_joined(
                    close_matches(value, choices),
                    Text(
                        "Add the actor to the roster, or leave the column out with "
                        "[[opt:ignore=COLUMN]].",
                        "Den Akteur in die Teilnehmerliste aufnehmen oder die Spalte mit "
                        "[[opt:ignore=SPALTE]] auslassen.",
                    ),
                ),
            )
        # questions
        by_group: dict[str, list[str]] = {}
        for c, (_, sk, _) in matched.items():
            if sk in groups:
                by_group.setdefault(sk, []).append(c)
        questions: list[_Question] = []
        for sk, cols in by_group.items():
            cols.sort(key=self._where)
            targets = [matched[c][0] for c in cols]
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
                        file=self.file,
                        row=1,
                        column=c,
                        expected=Text(
                            "one column per actor and question", "eine Spalte je Akteur und Frage"
                        ),
                    )
                seen[a] = c
            questions.append(
                _Question(
                    key=stem_text.get(sk, ""),
                    kind="matrix",
                    columns=cols,
                    targets=targets,
                    position=self._where(cols[0]),
                )
            )
        self.matrix_questions = questions
        self.matrix_columns = {c for q in questions for c in q.columns}
        if self.tool == "wide" and not questions and not self.name_questions:
            raise SurveyError(
                Text(
                    "no column matches a roster actor",
                    "keine Spalte passt zu einem Akteur der Teilnehmerliste",
                ),
                file=self.file,
                row=1,
                expected=Text(
                    "one column per roster actor (code, id or label)",
                    "eine Spalte je Akteur der Teilnehmerliste (code, id oder label)",
                ),
            )

    def _identifying(self) -> None:
        export, table = self.export, self.table
        used = self.matrix_columns | self.names_used
        rest = [c for c in table.columns if c not in used]
        ident = {c: describe(r) for c, r in export.identifying.items() if c in rest}
        for c, r in identifying_columns(rest).items():
            ident.setdefault(c, describe(r))
        for c in rest:  # Qualtrics: the question text of the second header row
            disp = export.display.get(c)
            if disp and c not in ident:
                for r in identifying_columns([disp]).values():
                    ident[c] = describe(r)
        self.identifying = ident

    def _personal_values(self) -> None:
        """Columns not read as questions whose values are personal data (after the checklists)."""
        used = self.matrix_columns | self.names_used | {q.columns[0] for q in self.list_questions}
        for c, found in self.personal.items():
            if c not in used and c not in self.identifying and found.by == "values":
                self.identifying[c] = found.reason
        order = {c: i for i, c in enumerate(self.table.columns)}
        tool = [c for c in self.identifying if c in self.export.identifying]
        rest = sorted((c for c in self.identifying if c not in tool), key=order.__getitem__)
        self.identifying = {c: self.identifying[c] for c in tool + rest}

    def _lookup(self, column: str) -> Callable[[str], str | None]:
        extra = self.roster.extra.get(column.strip().casefold())
        roster = self.roster

        def look(value: str) -> str | None:
            if extra:
                hit = extra.get(_norm(value))
                if hit is not None:
                    return hit
            return roster.actor(value)

        return look

    def _find_respondent(self) -> None:
        if self.respondent is not None:
            return
        table = self.table
        blocked = self.matrix_columns | self.names_used | set(self.export.system)
        cands = [c for c in table.columns if c not in blocked and c not in self.ignored]
        if self.export.finished_column:
            cands = [c for c in cands if c != self.export.finished_column]
        best: tuple | None = None
        for pos, c in enumerate(cands):
            values = [str(v).strip() for v in table.frame[c] if str(v).strip()]
            if not values:
                continue
            look = self._lookup(c)
            hits = [look(v) for v in values]
            frac = sum(h is not None for h in hits) / len(values)
            if frac < 0.8:
                continue
            distinct = len({h for h in hits if h}) / len(values)
            same_name = c.strip().casefold() in self.roster.extra
            score = (frac, same_name, bool(_RESPONDENT_HINT.search(c)), distinct, -pos)
            if best is None or score > best[0]:
                best = (score, c)
        if best is None and not (
            self.matrix_questions or self.name_questions or self._detect_lists(None)
        ):
            self._no_questions()
        if best is None:
            raise SurveyError(
                Text(
                    "no column names the respondents: none holds roster ids or labels (or the "
                    "values of a roster column of the same name)",
                    "keine Spalte nennt die Befragten: keine enthält ids oder labels der "
                    "Teilnehmerliste (oder die Werte einer gleichnamigen Spalte der "
                    "Teilnehmerliste)",
                ),
                file=self.file,
                row=1,
                expected=Text(
                    "[[opt:respondent=COLUMN]] naming the column that says which actor answered",
                    "[[opt:respondent=SPALTE]] mit der Spalte, die sagt, welcher Akteur "
                    "geantwortet hat",
                ),
                hint=Text(
                    "Give [[opt:respondent=COLUMN]], e.g. the question 'Für welche Einrichtung "
                    "antworten Sie?', or a token column matched by a roster column 'token'.",
                    "[[opt:respondent=SPALTE]] angeben, z. B. die Frage 'Für welche Einrichtung "
                    "antworten Sie?', oder eine Token-Spalte, die zu einer Spalte 'token' der "
                    "Teilnehmerliste passt.",
                ),
            )
        self.respondent = best[1]
        self.record.add(
            "info",
            Text(
                f"respondent column detected: {best[1]!r}",
                f"Spalte der Befragten erkannt: {best[1]!r}",
            ),
            file=self.file,
            column=best[1],
            warn=False,
        )

    def _detect_lists(self, respondent: str | None) -> list[_Question]:
        """Checklist questions: single columns whose answers name roster actors."""
        table, roster = self.table, self.roster
        blocked = (
            self.matrix_columns
            | self.names_used
            | set(self.export.system)
            | set(self.identifying)
            | {respondent}
        )
        seps = self.export.separators
        lists: list[_Question] = []
        declared = {_norm(k) for k in self.questions_opt}
        for c in table.columns:
            if c in blocked or c in self.ignored:
                continue
            shown = self.export.display.get(c)
            is_declared = _norm(c) in declared or (shown is not None and _norm(shown) in declared)
            if not is_declared and self.tool == "wide":
                continue
            if not is_declared:
                n_tok = n_hit = 0
                hits: set[str] = set()
                for v in table.frame[c]:
                    for tok in _split_cell(str(v), seps, self._is_actor):
                        n_tok += 1
                        a = roster.actor(tok)
                        if a is not None:
                            n_hit += 1
                            hits.add(a)
                if len(hits) < 2 or n_hit < 0.6 * n_tok:
                    continue
            how = "declared" if is_declared else "detected"
            lists.append(
                _Question(key=c, kind="list", columns=[c], position=self._where(c), how=how)
            )
        return lists

    def _no_questions(self) -> None:
        shown = ", ".join(repr(c) for c in self.table.columns[:6])
        raise SurveyError(
            Text(
                "no roster question found: no column matches the roster's codes or labels",
                "keine Frage nach den Akteuren gefunden: keine Spalte passt zu den Codes oder "
                "labels der Teilnehmerliste",
            ),
            file=self.file,
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

    def _list_questions(self) -> None:
        lists = self._detect_lists(self.respondent)
        for q in lists:
            if q.how == "detected":
                self.record.add(
                    "info",
                    Text(
                        f"question {q.key!r} read as a roster checklist: its answers name roster "
                        "actors",
                        f"Frage {q.key!r} als Checkliste gelesen: ihre Antworten nennen Akteure "
                        "der Teilnehmerliste",
                    ),
                    file=self.file,
                    column=q.key,
                    warn=False,
                )
        self.list_questions = lists
        if not (self.matrix_questions or lists or self.name_questions):
            self._no_questions()

    def _is_actor(self, text: str) -> bool:
        return self.roster.actor(text) is not None

    def _relations(self) -> None:
        questions = sorted(
            self.matrix_questions + self.list_questions + self.name_questions,
            key=lambda q: q.position,
        )
        declared = {_norm(k): v for k, v in self.questions_opt.items()}
        used: set[str] = set()
        for q in questions:
            keys = {_norm(q.key)}
            if q.kind == "list" and self.export.display.get(q.key):
                keys.add(_norm(self.export.display[q.key]))
            if q.kind == "matrix" and q.columns and self.export.display.get(q.columns[0]):
                shown = self.export.display[q.columns[0]]
                keys |= {_norm(left) for left, _ in _dash_splits(shown)}
            used |= keys & set(declared)
            name = declared.get(_norm(q.key))
            if name is None and q.kind == "list":
                disp = self.export.display.get(q.key)
                name = declared.get(_norm(disp)) if disp else None
            if name is None and q.kind == "matrix" and q.columns:
                disp = self.export.display.get(q.columns[0])
                if disp:
                    for left, _ in _dash_splits(disp):
                        name = declared.get(_norm(left)) or name
            if not name:
                name = DEFAULT_RELATION if len(questions) == 1 else (q.key or DEFAULT_RELATION)
            q.relation = name
        for key in self.questions_opt:
            if _norm(key) not in used:
                raise SurveyError(
                    Text(
                        f'[[opt:questions]] names "{key}", which is not a roster question of '
                        "the export",
                        f'[[opt:questions]] nennt "{key}", das keine Frage nach den Akteuren im '
                        "Export ist",
                    ),
                    file=self.file,
                    row=1,
                    expected=Text(
                        "the code or text of a roster question, or a checklist column",
                        "Code oder Text einer Frage nach den Akteuren oder eine Checklisten-Spalte",
                    ),
                    hint=close_matches(key, [q.key for q in questions] + self.table.columns),
                )
        rels = [q.relation for q in questions]
        if len(set(rels)) != len(rels):
            dup = next(r for r in rels if rels.count(r) > 1)
            raise SurveyError(
                Text(
                    f'two questions are read as the relation "{dup}"',
                    f'zwei Fragen werden als dieselbe Beziehung "{dup}" gelesen',
                ),
                file=self.file,
                expected=Text("one relation per question", "eine Beziehung je Frage"),
                hint=Text(
                    "Name each question's relation with [[opt:questions]].",
                    "Die Beziehung jeder Frage mit [[opt:questions]] benennen.",
                ),
            )
        self.questions = questions
        self.figures["questions"] = {q.key or "(columns)": q.relation for q in questions}

    def _check_codes(self) -> None:
        roster = self.roster
        if not roster.codes:
            return
        headers = {_norm(c) for c in self.table.columns}
        for actor, code in roster.codes.items():
            if _norm(code) not in headers:
                raise SurveyError(
                    Text(
                        f'the roster code "{code}" has no column in {self.file}',
                        f'zum Code "{code}" der Teilnehmerliste gibt es keine Spalte in '
                        f"{self.file}",
                    ),
                    file=roster.file,
                    row=roster.rows.get(actor),
                    column=roster.code_column,
                    expected=Text(
                        "the header of the export column that holds the answers about this actor",
                        "die Überschrift der Spalte des Exports mit den Antworten über diesen "
                        "Akteur",
                    ),
                    hint=close_matches(code, self.table.columns),
                )

    def _select_rows(self) -> None:
        export, table = self.export, self.table
        n = len(table.frame)
        rows = np.asarray(table.rows, dtype=int)
        keep = np.ones(n, dtype=bool)
        for why, mask in export.excluded.items():
            mask = mask & keep
            if mask.any():
                kind = EXCLUDED.get(why, Text(why, why))
                self.record.add(
                    "dropped",
                    Text(f"{kind.en} responses left out", f"Antworten ({kind.de}) ausgelassen"),
                    file=self.file,
                    rows=rows[mask].tolist(),
                    column=export.excluded_column,
                )
                keep &= ~mask
        self.figures["previews_excluded"] = int((~keep).sum())
        include = bool(self.options.get("include_unfinished", False))
        finished = export.finished if export.finished is not None else np.ones(n, dtype=bool)
        unfinished = keep & ~finished
        self.figures["unfinished_excluded"] = 0
        self.figures["unfinished_included"] = 0
        if unfinished.any():
            if include:
                self.figures["unfinished_included"] = int(unfinished.sum())
                self.record.add(
                    "info",
                    Text(
                        "unfinished responses included ([[opt:include_unfinished=True]])",
                        "unvollständige Antworten einbezogen ([[opt:include_unfinished=True]])",
                    ),
                    file=self.file,
                    rows=rows[unfinished].tolist(),
                    column=export.finished_column,
                    warn=False,
                )
            else:
                self.figures["unfinished_excluded"] = int(unfinished.sum())
                self.record.add(
                    "dropped",
                    Text(
                        "unfinished responses left out (pass [[opt:include_unfinished=True]] to "
                        "read them)",
                        "unvollständige Antworten ausgelassen (mit [[opt:include_unfinished=True]] "
                        "werden sie gelesen)",
                    ),
                    file=self.file,
                    rows=rows[unfinished].tolist(),
                    column=export.finished_column,
                )
                keep &= ~unfinished
        # respondents (_find_respondent has set the column or raised)
        col = str(self.respondent)
        look = self._lookup(col)
        values = [str(v).strip() for v in table.frame[col]]
        actors: list[str | None] = [None] * n
        added: list[str] = []
        for i in np.flatnonzero(keep):
            v = values[i]
            if not v:
                raise SurveyError(
                    Text("the respondent is empty", "die Angabe der oder des Befragten ist leer"),
                    file=self.file,
                    row=int(rows[i]),
                    column=col,
                    expected=Text(
                        "the respondent's roster id or label",
                        "id oder label der oder des Befragten in der Teilnehmerliste",
                    ),
                )
            a = look(v)
            if a is None and self.roster.implicit:
                a = v
                self.roster.add([v], [v])
                added.append(v)
            if a is None:
                raise SurveyError(
                    Text(
                        f'the respondent "{v}" is not an actor in {self.roster.file}',
                        f'die oder der Befragte "{v}" ist kein Akteur in {self.roster.file}',
                    ),
                    file=self.file,
                    row=int(rows[i]),
                    column=col,
                    expected=Text(
                        "a roster id or label (case, spaces and Unicode forms are ignored)",
                        "eine id oder ein label der Teilnehmerliste (Groß-/Kleinschreibung, "
                        "Leerzeichen und Unicode-Formen zählen nicht)",
                    ),
                    hint=close_matches(v, self.roster.labels + self.roster.ids),
                )
            actors[i] = a
        if added:
            self.record.add(
                "added",
                Text(
                    "respondents not among the column headers added as actors",
                    "Befragte, die nicht unter den Spaltenüberschriften sind, als Akteure ergänzt",
                ),
                count=len(added),
                file=self.file,
                column=col,
                warn=False,
            )
        # duplicate submissions: the latest complete one counts
        idx = np.flatnonzero(keep)
        times = export.timestamp
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
        self.figures["duplicates_superseded"] = len(superseded)
        if len(superseded):
            kept_row = order.loc[latest].set_index("actor")["row"]
            for actor, grp in superseded.groupby("actor", sort=True):
                self.record.add(
                    "dropped",
                    Text(
                        f'earlier or unfinished submission of "{actor}" superseded by the '
                        f"latest complete one (row {int(kept_row[actor])})",
                        f'frühere oder unvollständige Antwort von "{actor}" durch die letzte '
                        f"vollständige ersetzt (Zeile {int(kept_row[actor])})",
                    ),
                    file=self.file,
                    rows=sorted(grp["row"].tolist()),
                    column=col,
                )
            keep[superseded["i"].to_numpy()] = False
        self.keep = np.flatnonzero(keep)
        self.resp = np.array([actors[i] for i in self.keep], dtype=object)
        self.rows = rows[self.keep]
        self.figures["respondents"] = len(set(self.resp.tolist()))

    # ------------------------------------------------------------- answers
    def _map_values(
        self, cells: np.ndarray, columns: Sequence[str], rows: np.ndarray, what: str = "answer"
    ) -> np.ndarray:
        """Intensities of a 2-D array of cells (NaN = missing); errors name the first bad cell."""
        R, C = cells.shape
        if R == 0 or C == 0:
            return np.zeros((R, C), dtype=float)
        flat = cells.ravel()
        uniq, inv = np.unique(flat.astype(str), return_inverse=True)
        inv = inv.reshape(-1)
        values = np.empty(len(uniq), dtype=float)
        kinds: list[str] = []
        cb = self.codebook
        seps = self.export.separators
        for j, u in enumerate(uniq):
            hit = cb.lookup(u)
            if hit is None and any(s.strip() and s.strip() in u for s in seps):
                parts = _split_cell(u, seps, lambda t: cb.lookup(t) is not None)
                found = [cb.lookup(p) for p in parts]
                if parts and all(f is not None for f in found):
                    xs = [f[0] for f in found if f is not None and not math.isnan(f[0])]
                    hit = (max(xs) if xs else math.nan, "multi")
            if hit is None:
                pos = int(np.flatnonzero(inv == j)[0])
                r, c = divmod(pos, C)
                src = cb.source_text()
                raise SurveyError(
                    Text(
                        f'the {what} "{u.strip()}" is not in {src.en}',
                        f'die Antwort "{u.strip()}" steht nicht in {src.de}',
                    ),
                    file=self.file,
                    row=int(rows[r]),
                    column=columns[c],
                    expected=cb.describe_expected(),
                    hint=(
                        Text(
                            "Pass a codebook with [[opt:codebook=FILE]] (value,intensity; an "
                            "empty intensity means missing).",
                            "Ein Codebuch mit [[opt:codebook=DATEI]] angeben (value,intensity; "
                            "eine leere Intensität bedeutet fehlend).",
                        )
                        if cb.builtin
                        else Text(
                            "Add the value to the codebook (an empty intensity means missing).",
                            "Den Wert im Codebuch ergänzen (eine leere Intensität bedeutet "
                            "fehlend).",
                        )
                    ),
                )
            values[j] = hit[0]
            kinds.append(hit[1])
        kinds_arr = np.array(kinds, dtype=object)
        counts = pd.Series(kinds_arr[inv]).value_counts()
        for k, n in counts.items():
            self._kind_counts[str(k)] = self._kind_counts.get(str(k), 0) + int(n)
        self._codes_seen |= {u.strip() for u, k in zip(uniq, kinds, strict=True) if k == "code"}
        return values[inv].reshape(R, C)

    def _answers(self) -> pd.DataFrame:
        frames: list[pd.DataFrame] = []
        self.self_rows: dict[str, list[int]] = {}
        missing_total = 0
        zero_total = 0
        cells_total = 0
        mentions: list[dict[str, Any]] = []
        table = self.table
        R = len(self.keep)
        for q in self.questions:
            if q.kind == "matrix":
                cells = table.frame[q.columns].to_numpy(dtype=object)[self.keep]
                x = self._map_values(cells, q.columns, self.rows)
                tgt = np.array(q.targets, dtype=object)
                own = self.resp[:, None] == tgt[None, :]
                miss = np.isnan(x) & ~own
                cells_total += int((~own).sum())
                missing_total += int(miss.sum())
                zero_total += int(((x == 0) & ~own).sum())
                if miss.any():
                    r_idx, c_idx = np.nonzero(miss)
                    self._missing(self.resp[r_idx], tgt[c_idx], q.relation, self.rows[r_idx])
                    by_col = pd.Series(self.rows[r_idx]).groupby(c_idx)
                    for c_i, grp in by_col:
                        self.record.add(
                            "info",
                            Text(
                                "missing answer (empty cell or missing code): no tie, and not a "
                                "zero",
                                "fehlende Antwort (leere Zelle oder Fehlend-Code): keine "
                                "Beziehung und keine Null",
                            ),
                            file=self.file,
                            rows=sorted(set(grp.tolist())),
                            column=q.columns[int(c_i)],
                            count=len(grp),
                            warn=False,
                        )
                selfrep = own & (np.nan_to_num(x) > 0)
                if selfrep.any():
                    r_idx, c_idx = np.nonzero(selfrep)
                    for r_i, c_i in zip(r_idx, c_idx, strict=True):
                        self.self_rows.setdefault(q.columns[c_i], []).append(int(self.rows[r_i]))
                ok = (np.nan_to_num(x) > 0) & ~own
                r_idx, c_idx = np.nonzero(ok)
                pos = np.array([self._where(c) for c in q.columns], dtype=int)
                frames.append(
                    pd.DataFrame(
                        {
                            "source": self.resp[r_idx],
                            "target": tgt[c_idx],
                            "relation": q.relation,
                            "intensity": x[r_idx, c_idx],
                            "reported_by": self.resp[r_idx],
                            "row": self.rows[r_idx],
                            "_pos": pos[c_idx],
                        }
                    )
                )
            elif q.kind == "list":
                col = q.columns[0]
                values = table.frame[col].to_numpy(dtype=object)[self.keep]
                seps = self.export.separators
                src, tgt_l, rws = [], [], []
                roster_ids = [a for a in self.roster.ids]
                for r in range(R):
                    toks = _split_cell(str(values[r]), seps, self._is_actor)
                    cells_total += 1
                    if not toks:
                        missing_total += 1
                        others = [a for a in roster_ids if a != self.resp[r]]
                        self._missing(
                            np.array([self.resp[r]] * len(others), dtype=object),
                            np.array(others, dtype=object),
                            q.relation,
                            np.array([self.rows[r]] * len(others)),
                        )
                        self.record.add(
                            "info",
                            Text(
                                "missing answer (no option ticked): no tie, and not a zero",
                                "fehlende Antwort (nichts angekreuzt): keine Beziehung und keine "
                                "Null",
                            ),
                            file=self.file,
                            rows=[int(self.rows[r])],
                            column=col,
                            warn=False,
                        )
                        continue
                    seen: set[str] = set()
                    for tok in toks:
                        a = self.roster.actor(tok)
                        if a is None and self._withhold(tok, col, r):
                            continue
                        if a is None:
                            mentions.append(
                                {
                                    "name": tok,
                                    "r": r,
                                    "relation": q.relation,
                                    "intensity": 1.0,
                                    "column": col,
                                    "pos": self._where(col),
                                }
                            )
                            continue
                        if a == self.resp[r]:
                            self.self_rows.setdefault(col, []).append(int(self.rows[r]))
                            continue
                        if a in seen:
                            continue
                        seen.add(a)
                        src.append(self.resp[r])
                        tgt_l.append(a)
                        rws.append(self.rows[r])
                frames.append(
                    pd.DataFrame(
                        {
                            "source": src,
                            "target": tgt_l,
                            "relation": q.relation,
                            "intensity": 1.0,
                            "reported_by": src,
                            "row": rws,
                            "_pos": self._where(col),
                        }
                    )
                )
            else:
                for j, col in enumerate(q.columns):
                    values = table.frame[col].to_numpy(dtype=object)[self.keep]
                    icol = q.intensity[j]
                    if icol is not None:
                        ic = table.frame[[icol]].to_numpy(dtype=object)[self.keep]
                        xs = self._map_values(ic, [icol], self.rows)[:, 0]
                    else:
                        xs = np.full(R, np.nan)
                    for r in range(R):
                        text = str(values[r])
                        toks = [t.strip() for t in re.split(r"[\n;]", text) if t.strip()]
                        for tok in toks:
                            if self._withhold(tok, col, r):
                                continue
                            mentions.append(
                                {
                                    "name": tok,
                                    "r": r,
                                    "relation": q.relation,
                                    "intensity": xs[r],
                                    "column": col,
                                    "paired": icol is not None,
                                    "pos": self._where(col),
                                }
                            )
        if mentions:
            frames.append(self._resolve(mentions))
        elif self.name_questions:
            self.review = pd.DataFrame(columns=list(REVIEW_COLUMNS))
        self._report_withheld()
        self.figures["answers"] = cells_total
        self.figures["missing_answers"] = missing_total
        self.figures["zero_answers"] = zero_total
        if self.export.shift and self.codebook.builtin and self._kind_counts.get("number"):
            self.record.add(
                "info",
                Text(
                    f"{TOOLS[self.tool]} codes scales 1..n: intensity = code - "
                    f"{self.export.shift} (pass [[opt:codebook=FILE]] to map codes otherwise)",
                    f"{TOOLS_DE[self.tool]} kodiert Skalen mit 1..n: Intensität = Code - "
                    f"{self.export.shift} (mit [[opt:codebook=DATEI]] anders zuordnen)",
                ),
                file=self.file,
                count=self._kind_counts["number"],
                warn=False,
            )
        if self._codes_seen:
            shown = ", ".join(sorted(self._codes_seen, key=lambda s: float(s)))
            self.record.add(
                "info",
                Text(
                    f"negative codes ({shown}) read as missing answers",
                    f"negative Codes ({shown}) als fehlende Antworten gelesen",
                ),
                file=self.file,
                count=self._kind_counts.get("code", 0),
                warn=False,
            )
        if self._kind_counts.get("multi"):
            self.record.add(
                "cleaned",
                Text(
                    "cells with several ticked options read as the largest of their intensities",
                    "Zellen mit mehreren angekreuzten Optionen als die größte ihrer Intensitäten "
                    "gelesen",
                ),
                file=self.file,
                count=self._kind_counts["multi"],
            )
        self_total = sum(len(v) for v in self.self_rows.values())
        self.figures["self_reports_dropped"] = self_total
        for col, rws in self.self_rows.items():
            self.record.add(
                "dropped",
                Text(
                    "respondent named itself (self-report)",
                    "die oder der Befragte hat sich selbst genannt (Selbstnennung)",
                ),
                file=self.file,
                rows=rws,
                column=col,
            )
        if missing_total:
            warnings.warn(
                f"{self.file}: {missing_total} missing answers (no tie, not a zero); see "
                "net.record and net.meta['missing']",
                DataCleaningWarning,
                stacklevel=4,
            )
        ties = (
            pd.concat(frames, ignore_index=True)
            if frames
            else pd.DataFrame(
                columns=["source", "target", "relation", "intensity", "reported_by", "row", "_pos"]
            )
        )
        ties["row"] = ties["row"].astype(int)
        # in the order of the export: by row, then by column
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
            self.record.add(
                "merged",
                Text(
                    "a partner named twice in one response merged into one "
                    "report; intensity = the largest",
                    "ein in einer Antwort doppelt genannter Partner zu einer Angabe "
                    "zusammengeführt; Intensität = die größte",
                ),
                file=self.file,
                rows=merged_rows,
                count=before - len(ties),
            )
        return ties.reset_index(drop=True)

    def _withhold(self, name: str, column: str, r: int) -> bool:
        """True (and noted) when a typed partner name holds personal data."""
        kinds = personal_data_in(name)
        if kinds:
            self.withheld.append((column, kinds[0], int(self.rows[r])))
        return bool(kinds)

    def _report_withheld(self) -> None:
        """Record the typed names left out as personal data; a placeholder row to review."""
        if not self.withheld:
            return
        groups: dict[tuple[str, str], list[int]] = {}
        for column, kind, row in self.withheld:
            groups.setdefault((column, kind), []).append(row)
        placeholders = []
        for (column, kind), rows in groups.items():
            what = KINDS[kind]
            self.record.add(
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
                file=self.file,
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
        extra = pd.DataFrame(placeholders, columns=list(REVIEW_COLUMNS))
        if self.review is None or not len(self.review):
            self.review = extra
        else:
            self.review = pd.concat([self.review, extra], ignore_index=True)

    def _missing(
        self, source: np.ndarray, target: np.ndarray, relation: str, rows: np.ndarray
    ) -> None:
        self.missing_rows.append(
            pd.DataFrame({"source": source, "target": target, "relation": relation, "row": rows})
        )

    def _resolve(self, mentions: list[dict[str, Any]]) -> pd.DataFrame:
        opts = self.options
        aliases = read_aliases(opts["aliases"]) if opts.get("aliases") is not None else None
        roster_frame = pd.DataFrame(
            {"label": self.roster.labels}, index=pd.Index(self.roster.ids, name="id")
        )
        if self.roster.aliases:
            roster_frame["aliases"] = [self.roster.aliases.get(i, "") for i in self.roster.ids]
        names = [m["name"] for m in mentions]
        res = resolve_names(
            names,
            roster=roster_frame,
            aliases=aliases,
            threshold=float(opts.get("match_threshold", 80.0)),
            abbreviations=opts.get("abbreviations"),
            rows=[int(self.rows[m["r"]]) for m in mentions],
        )
        self.review = res.review
        self.new_actors = res.new_actors
        for note in res.notes:
            self.record.add("added", note, file=self.file)
        src, tgt, rel, inten, rws, pos = [], [], [], [], [], []
        unrated: list[int] = []
        zero = 0
        for m, actor in zip(mentions, res.actors, strict=True):
            r = m["r"]
            if actor == self.resp[r]:
                self.self_rows.setdefault(m["column"], []).append(int(self.rows[r]))
                continue
            x = m["intensity"]
            if math.isnan(x):
                x = 1.0
                if m.get("paired"):
                    unrated.append(int(self.rows[r]))
            if x <= 0:
                zero += 1
                continue
            src.append(self.resp[r])
            tgt.append(actor)
            rel.append(m["relation"])
            inten.append(float(x))
            rws.append(int(self.rows[r]))
            pos.append(m["pos"])
        if unrated:
            self.record.add(
                "cleaned",
                Text(
                    "partner named without an intensity: intensity set to 1",
                    "Partner ohne Intensität genannt: Intensität auf 1 gesetzt",
                ),
                file=self.file,
                rows=sorted(set(unrated)),
                count=len(unrated),
            )
        if zero:
            self.record.add(
                "info",
                Text(
                    "partner named with intensity 0: no tie",
                    "Partner mit Intensität 0 genannt: keine Beziehung",
                ),
                file=self.file,
                count=zero,
                warn=False,
            )
        n_new = len(res.new_actors)
        self.figures["names"] = {
            "mentions": len(mentions),
            "matched_exactly": res.exact,
            "aliased": res.aliased,
            "for_review": int(len(res.review)),
            "suggestions": res.fuzzy_candidates,
            "new_actors": n_new,
        }
        if res.exact:
            self.record.add(
                "merged",
                Text(
                    "typed names equal to a roster name after normalisation "
                    "(case, umlauts, legal form, abbreviations) matched to that actor",
                    "eingetippte Namen, die nach Normalisierung (Groß-/Kleinschreibung, Umlaute, "
                    "Rechtsform, Abkürzungen) einem Namen der Teilnehmerliste gleichen, diesem "
                    "Akteur zugeordnet",
                ),
                file=self.file,
                count=res.exact,
                warn=False,
            )
        if res.aliased:
            self.record.add(
                "merged",
                Text(
                    "typed names resolved by the alias table",
                    "eingetippte Namen über die Alias-Tabelle zugeordnet",
                ),
                file=self.file,
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
            self.record.add("added", why, file=self.file, count=n_new)
        return pd.DataFrame(
            {
                "source": src,
                "target": tgt,
                "relation": rel,
                "intensity": inten,
                "reported_by": src,
                "row": rws,
                "_pos": pos,
            }
        )

    # ---------------------------------------------------------------- output
    def _build(self, ties: pd.DataFrame) -> Network:
        roster = self.roster
        actors = roster.table
        new = self.new_actors
        n_roster = len(roster)
        if new is not None and len(new):
            frame = actors.frame
            extra = pd.DataFrame({c: [""] * len(new) for c in frame.columns}, dtype=object)
            extra["id"] = list(new.index)
            extra["label"] = new["label"].tolist()
            actors = Table(
                pd.concat([frame, extra], ignore_index=True),
                actors.file,
                actors.rows + [0] * len(new),
            )
        for c, why in self.identifying.items():
            self.record.add(
                "dropped",
                left_out(why),
                file=self.file,
                column=c,
                count=len(self.table.frame),
            )
        ignored = [
            c
            for c in self.table.columns
            if c not in self.matrix_columns
            and c not in self.names_used
            and c not in self.identifying
            and c != self.respondent
            and c not in {q.columns[0] for q in self.list_questions}
            and c not in self.export.system
        ]
        if ignored:
            shown = ", ".join(repr(c) for c in ignored[:8]) + (" …" if len(ignored) > 8 else "")
            self.record.add(
                "info",
                Text(
                    f"{len(ignored)} columns are not roster questions and were not read: {shown}",
                    f"{len(ignored)} Spalten sind keine Fragen nach den Akteuren und wurden nicht "
                    f"gelesen: {shown}",
                ),
                file=self.file,
                count=len(ignored),
                warn=False,
            )
        responded_ids = set(self.resp.tolist())
        tie_frame = ties.assign(
            intensity=[repr(float(v)) for v in ties["intensity"]],
            row=[str(int(v)) for v in ties["row"]],
        ).astype(str)
        tie_table = Table(tie_frame.reset_index(drop=True), self.file, list(ties["row"]))
        missing = (
            pd.concat(self.missing_rows, ignore_index=True)
            if self.missing_rows
            else pd.DataFrame(columns=["source", "target", "relation", "row"])
        )
        missing["row"] = missing["row"].astype(int)
        figures = self._figures(ties, n_roster, responded_ids, missing)
        meta: dict[str, Any] = {
            "source": self.path.name,
            "format": "survey",
            "survey": figures,
            "missing": missing,
        }
        if self.review is not None:
            meta["review"] = self.review
        net = assemble(
            actors,
            tie_table,
            None,
            directed=False,
            record=self.record,
            merge_parallel=False,
            meta=meta,
            name=self.options.get("name") or self.path.stem,
        )
        ids = net.actors.index.astype(str)
        net.actors["responded"] = np.array([i in responded_ids for i in ids], dtype=bool)
        if new is not None and len(new):
            new_ids = set(new.index)
            net.actors["new_actor"] = np.array([i in new_ids for i in ids], dtype=bool)
        net.ties["row"] = net.ties["row"].astype(int)
        return net

    def _figures(
        self, ties: pd.DataFrame, n_roster: int, responded: set[str], missing: pd.DataFrame
    ) -> dict[str, Any]:
        f = self.figures
        n_resp = len(responded)
        pairs = _pair_table(ties, responded, missing)
        both = pairs[pairs["both_responded"]]
        confirmed = int(both["confirmed"].sum())
        out = {
            "tool": self.tool,
            "file": self.file,
            "respondent_column": self.respondent,
            "roster_size": n_roster,
            "respondents": n_resp,
            "response_rate": round(n_resp / n_roster, 4) if n_roster else None,
            "unfinished_excluded": f.get("unfinished_excluded", 0),
            "unfinished_included": f.get("unfinished_included", 0),
            "previews_excluded": f.get("previews_excluded", 0),
            "duplicates_superseded": f.get("duplicates_superseded", 0),
            "answers": f.get("answers", 0),
            "missing_answers": f.get("missing_answers", 0),
            "zero_answers": f.get("zero_answers", 0),
            "self_reports_dropped": f.get("self_reports_dropped", 0),
            "dropped_identifying_columns": list(
                dict.fromkeys([*self.roster.dropped, *self.identifying])
            ),
            "questions": f.get("questions", {}),
            "reports": len(ties),
            "pairs_reported": len(pairs),
            "pairs_both_responded": len(both),
            "pairs_confirmed": confirmed,
            "confirmed_share": round(confirmed / len(both), 4) if len(both) else None,
        }
        if "names" in f:
            out["names"] = f["names"]
        return out


def _pair_table(
    ties: pd.DataFrame, responded: set[str] | pd.Series, missing: pd.DataFrame | None
) -> pd.DataFrame:
    """One row per (relation, pair) reported by at least one side, with who reported it."""
    cols = ["relation", "a", "b", "by_a", "by_b", "both_responded", "confirmed"]
    t = ties[ties["intensity"].astype(float) > 0]
    if t.empty:
        return pd.DataFrame(
            {c: pd.Series(dtype=object if c in ("relation", "a", "b") else bool) for c in cols}
        )
    s, g = t["source"].astype(str).to_numpy(), t["target"].astype(str).to_numpy()
    a, b = np.where(s < g, s, g), np.where(s < g, g, s)
    frame = pd.DataFrame(
        {
            "relation": t["relation"].astype(str).to_numpy(),
            "a": a,
            "b": b,
            "by_a": s == a,
            "by_b": s == b,
        }
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


def survey_summary(net: Network) -> pd.DataFrame:
    """Response rate and confirmed ties of a survey network, by relation.

    Parameters
    ----------
    net : Network
        A network read by :func:`read_survey` (ties with ``reported_by``,
        actors with ``responded``); also after :func:`~quartiernetz.privacy.pseudonymize`.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``relation`` (and a last row ``"(all)"``), columns in this
        order: ``roster_size`` (actors not added from typed names),
        ``respondents``, ``response_rate``, ``reports`` (tie rows),
        ``pairs`` (pairs reported by at least one side), ``pairs_both_responded``
        (of these, pairs where both sides responded and the non-reporting side
        did not skip the question), ``confirmed`` (pairs reported by both sides),
        ``confirmed_share`` (confirmed / pairs_both_responded; NaN if none) and
        ``one_sided_nonrespondent`` (pairs whose other side did not respond:
        only one report can exist).

    Notes
    -----
    A tie is *confirmed* when both sides reported it. Only pairs in which both
    sides answered can be confirmed, so the share is taken over those:
    :math:`\\text{confirmed\\_share} = |\\{p : p \\text{ reported by both}\\}| /
    |\\{p : \\text{both sides responded}\\}|`.

    Examples
    --------
    >>> import pandas as pd
    >>> net = Network(actors=pd.DataFrame({"id": ["a", "b", "c"]}),
    ...               ties=pd.DataFrame({"source": ["a", "b", "a"], "target": ["b", "a", "c"],
    ...                                  "reported_by": ["a", "b", "a"]}))
    >>> net.actors["responded"] = [True, True, False]
    >>> survey_summary(net)[["pairs", "pairs_both_responded", "confirmed", "confirmed_share"]]
                 pairs  pairs_both_responded  confirmed  confirmed_share
    relation
    cooperation      2                     1          1              1.0
    (all)            2                     1          1              1.0
    """
    if not net.is_survey:
        raise SurveyError(
            Text(
                "the network holds no survey reports (ties need 'reported_by', actors need "
                "'responded')",
                "das Netzwerk enthält keine Befragungsangaben (Beziehungen brauchen "
                "'reported_by', Akteure 'responded')",
            )
        )
    actors = net.actors
    base = actors[~actors["new_actor"].astype(bool)] if "new_actor" in actors.columns else actors
    roster_size = len(base)
    respondents = int(actors["responded"].astype(bool).sum())
    missing = net.meta.get("missing")
    pairs = _pair_table(
        net.ties, actors["responded"], missing if isinstance(missing, pd.DataFrame) else None
    )
    resp = set(actors.index[actors["responded"].astype(bool)].astype(str))
    rows = []
    relations = sorted(net.ties["relation"].astype(str).unique().tolist())
    for rel in [*relations, "(all)"]:
        p = pairs if rel == "(all)" else pairs[pairs["relation"] == rel]
        t = net.ties if rel == "(all)" else net.ties[net.ties["relation"].astype(str) == rel]
        both = p[p["both_responded"]]
        one_sided = (~p["a"].isin(resp) | ~p["b"].isin(resp)).sum() if len(p) else 0
        rows.append(
            {
                "relation": rel,
                "roster_size": roster_size,
                "respondents": respondents,
                "response_rate": respondents / roster_size if roster_size else math.nan,
                "reports": len(t),
                "pairs": len(p),
                "pairs_both_responded": len(both),
                "confirmed": int(both["confirmed"].sum()) if len(both) else 0,
                "confirmed_share": (float(both["confirmed"].mean()) if len(both) else math.nan),
                "one_sided_nonrespondent": int(one_sided),
            }
        )
    return pd.DataFrame(rows).set_index("relation")


def read_survey(
    path: str | os.PathLike[str],
    *,
    roster: str | os.PathLike[str] | pd.DataFrame | None = None,
    respondent: str | None = None,
    codebook: str | os.PathLike[str] | pd.DataFrame | Mapping[Any, Any] | None = None,
    tool: str = "auto",
    **options: Any,
) -> Network:
    """Read a survey export (roster or name-generator questionnaire) into a network of reports.

    Parameters
    ----------
    path : path-like
        The export: LimeSurvey CSV, SoSci Survey TSV, Qualtrics CSV, Google
        Forms CSV/XLSX, Microsoft Forms XLSX, or a wide CSV/XLSX.
    roster : path-like or DataFrame, optional
        ``id``, ``label``, optionally ``code`` (the export's column header of
        the answers about that actor), ``aliases`` and actor attributes. Where
        the headers carry the actors' labels (LimeSurvey full headings, Google
        Forms grids, Qualtrics' second header row, multi-select options), no
        ``code`` is needed. Without a roster, only wide spreadsheets (actors =
        column headers) and name generators can be read.
    respondent : str, optional
        The column that says which actor answered; its values are matched to
        roster ids or labels (or to a roster column of the same header, e.g.
        ``token``), ignoring case, spaces and Unicode forms. Default: the first
        column of a wide spreadsheet, otherwise the column whose values match
        the roster best (recorded).
    codebook : path-like, DataFrame or mapping, optional
        ``value,intensity``; see :mod:`quartiernetz.io.survey.codebook`.
        Without one, numbers are intensities (SoSci: code − 1) and common
        answer texts are understood.
    tool : str, default "auto"
        ``limesurvey``, ``sosci``, ``qualtrics``, ``googleforms``, ``msforms``,
        ``wide`` or ``auto`` (:func:`detect_tool`).
    **options
        include_unfinished : bool, default False
            Read unfinished responses too (they are always reported).
        questions : str, list or dict, optional
            The roster questions (stems such as ``KOOP``/``Q5``, question texts,
            or headers of checklist columns), as a dict naming each one's
            relation. Undeclared questions are found from the roster; with one
            question the relation is ``"cooperation"``, with several the
            question's code or text.
        names : str, list or dict, optional
            Name-generator questions (stems or columns of free-text partner
            names); a dict maps each to the stem or columns of the intensity
            asked for each name (paired by item code or by position).
        aliases : path-like, DataFrame or mapping, optional
            The edited review table (``name``, ``suggested_actor``) deciding
            near matches of typed names.
        match_threshold : float, default 80
            The least similarity (0–100) for a suggestion in the review table.
        abbreviations : mapping, optional
            Further abbreviations for name matching (``{"bi": "bewohnerinitiative"}``).
        ignore : str or list, optional
            Columns or question stems to leave out.
        sheet : str, optional
            The sheet of an ``.xlsx`` export (default: the first with data).
        name : str, optional
            The network's name (default: the file's name without ending).

    Returns
    -------
    Network
        ``ties``: one row per reported tie, with ``source`` = the respondent,
        ``target``, ``relation``, ``intensity``, ``reported_by`` and ``row``
        (the export's row; spreadsheet counting, header = 1; Qualtrics: the
        file's rows, so the first response is row 4). ``actors``: every roster
        actor, with ``responded`` (bool) and, when typed names added actors,
        ``new_actor``. ``meta["survey"]``: the figures (tool, roster_size,
        respondents, response_rate, unfinished_excluded, duplicates_superseded,
        missing_answers, self_reports_dropped, dropped_identifying_columns, …);
        ``meta["missing"]``: one row per missing answer (``source``, ``target``,
        ``relation``, ``row``); ``meta["review"]``: the name review table, when
        names were typed. ``record``: everything left out, merged or added.

    Raises
    ------
    SurveyError
        Naming file, row, column and value: an unknown or empty respondent, an
        answer outside the codebook, a roster code without a column, a column
        of a roster question that matches no roster actor, no roster question.
    QuartiernetzError
        Other :class:`~quartiernetz.exceptions.InputError` subclasses for files
        that cannot be read.

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "matrix.csv").write_text(
    ...     "Organisation;qm;awo;kita\\nqm;;2;1\\nAWO;3;;0\\n", encoding="utf-8")
    >>> roster = pd.DataFrame({"id": ["qm", "awo", "kita"],
    ...                        "label": ["Quartiersmanagement", "AWO", "Kita Sonnenschein"]})
    >>> net = read_survey(folder / "matrix.csv", roster=roster)
    >>> net.ties[["source", "target", "intensity", "row"]].values.tolist()
    [['qm', 'awo', 2.0, 2], ['qm', 'kita', 1.0, 2], ['awo', 'qm', 3.0, 3]]
    >>> net.meta["survey"]["response_rate"]
    0.6667
    """
    unknown = sorted(set(options) - set(OPTIONS))
    if unknown:
        raise TypeError(f"read_survey() got unknown options {unknown}; known: {list(OPTIONS)}")
    path = Path(path)
    if not path.exists():
        raise FormatError(_NO_FILE, file=str(path.name))
    return _Reader(path, roster, respondent, codebook, tool, options).run()
