"""What every step of the survey reader shares: the context, questions and small helpers."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ....exceptions import SurveyError
from ....i18n import Text
from ....privacy import PersonalData
from ....record import Record
from ...text import Table
from ..codebook import Codebook
from ..export import SurveyExport
from ..roster import Roster, close_matches, respondent_key, split_code

__all__ = [
    "SurveyContext",
    "Question",
    "NO_FILE",
    "key",
    "as_list",
    "as_mapping",
    "joined",
    "split_cell",
    "stem_of",
    "dash_splits",
    "columns_for",
    "actor_lookup",
    "OPTION_PARTS",
    "BRACKET",
]

BRACKET = re.compile(r"^(.*\S)\s*\[([^\[\]]+)\]\s*$")
NO_FILE = Text("the file does not exist", "die Datei existiert nicht")
#: The most separator-parts one multi-select option may have ("Stadt Lindenau, Sozialamt": 2).
OPTION_PARTS = 32


@dataclass
class SurveyContext:
    """What the steps read: the export as opened, the options, and where they write.

    ``roster`` is set by :func:`~.rosters.load_roster`; ``record`` and
    ``figures`` collect what the steps did, in the order they ran.
    """

    path: Path
    file: str
    tool: str
    export: SurveyExport
    codebook: Codebook
    options: dict[str, Any]
    questions_opt: dict[str, str | None]
    names_opt: dict[str, str | None]
    personal: dict[str, PersonalData]
    record: Record = field(default_factory=Record)
    figures: dict[str, Any] = field(default_factory=dict)
    ignored: set[str] = field(default_factory=set)
    #: the columns of self-assessment items (codebook role ``factor:<id>``)
    factor_columns: set[str] = field(default_factory=set)
    roster: Roster | None = None

    @property
    def table(self) -> Table:
        """The export's table."""
        return self.export.table

    def where(self, column: str) -> int:
        """The position of ``column`` in the export."""
        return self.table.columns.index(column)

    def is_actor(self, text: str) -> bool:
        """Whether ``text`` names a roster actor."""
        assert self.roster is not None
        return self.roster.actor(text) is not None


@dataclass
class Question:
    """One question read as a relation: a roster matrix, a checklist or a name generator."""

    key: str
    kind: str  # "matrix", "list" or "names"
    columns: list[str]
    targets: list[str] = field(default_factory=list)
    intensity: list[str | None] = field(default_factory=list)
    position: int = 0
    relation: str = ""
    how: str = ""


def key(text: object) -> str:
    """The form in which headers, respondents and labels are compared.

    Examples
    --------
    >>> key("  AWO  Nord ") == key("awo nord")
    True
    """
    return respondent_key(text)


def as_list(value: Any) -> list[str]:
    """An option given as one string or several, as a list.

    Examples
    --------
    >>> as_list("a"), as_list(None), as_list(("a", 1))
    (['a'], [], ['a', '1'])
    """
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def as_mapping(value: Any) -> dict[str, str | None]:
    """An option given as a string, a list or a dict, as a dict (value None: not named).

    Examples
    --------
    >>> as_mapping("KOOP"), as_mapping({"NG01": "NG02"})
    ({'KOOP': None}, {'NG01': 'NG02'})
    """
    if value is None:
        return {}
    if isinstance(value, str):
        return {value: None}
    if isinstance(value, Mapping):
        return {str(k): (None if v is None else str(v)) for k, v in value.items()}
    return {str(v): None for v in value}


def joined(first: Text | str, second: Text) -> Text:
    """Two hints as one, the first may be empty."""
    return first + " " + second if first else second


def split_cell(text: str, seps: Sequence[str], known: Callable[[str], bool]) -> list[str]:
    """Split a multi-select cell; keep together parts that form a known option.

    An option containing the separator (Google Forms: "Stadt Lindenau, Sozialamt")
    is recognised because ``known`` says so; the longest known run wins.

    Examples
    --------
    >>> split_cell("AWO, Stadt, Amt; DRK", [";", ", "], lambda t: t in {"Stadt, Amt"})
    ['AWO', 'Stadt, Amt', 'DRK']
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
        # an option spans at most OPTION_PARTS parts: trying every longer run made a
        # cell of a few thousand separators take minutes
        for j in range(min(n, i + OPTION_PARTS), i + 1, -1):
            cand = sep.join(parts[i:j]).strip()
            if known(cand):
                out.append(cand)
                i = j
                break
        else:
            out.extend(split_cell(parts[i], rest, known))
            i += 1
    return [p for p in out if p]


def stem_of(header: str) -> tuple[str | None, str | None, str | None]:
    """(stem, item code, inner label) read from a header.

    Examples
    --------
    >>> stem_of("KOOP[SQ001]"), stem_of("Wie eng? [AWO]"), stem_of("Alter")
    (('KOOP', 'SQ001', 'SQ001'), ('Wie eng?', None, 'AWO'), (None, None, None))
    """
    parts = split_code(header)
    if parts is not None:
        return parts[0], parts[1], parts[1]
    m = BRACKET.match(header)
    if m:
        return m.group(1).strip(), None, m.group(2).strip()
    return None, None, None


def dash_splits(text: str) -> list[tuple[str, str]]:
    """Every way to split "Frage - Zeile" at " - " (Qualtrics), rightmost first.

    Examples
    --------
    >>> dash_splits("Wie eng - AWO - Nord")
    [('Wie eng - AWO', 'Nord'), ('Wie eng', 'AWO - Nord')]
    """
    out = []
    for m in reversed(list(re.finditer(r"\s[-–]\s", text))):
        left, right = text[: m.start()].strip(), text[m.end() :].strip()
        if left and right:
            out.append((left, right))
    return out


def _matches_key(export: SurveyExport, column: str, k: str) -> bool:
    if key(column) == k:
        return True
    stem, _, _ = stem_of(column)
    if stem is not None and key(stem) == k:
        return True
    disp = export.display.get(column)
    if disp is not None:
        if key(disp) == k:
            return True
        if any(key(left) == k for left, _ in dash_splits(disp)):
            return True
    return False


def columns_for(export: SurveyExport, name: str, what: str) -> list[str]:
    """The export's columns an option (``what``) names by header, stem or question text.

    Raises
    ------
    SurveyError
        When no column fits, naming the option.
    """
    table = export.table
    k = key(name)
    cols = [c for c in table.columns if _matches_key(export, c, k)]
    if not cols:
        raise SurveyError(
            Text(
                f'[[opt:{what}]] names "{name}", which is neither a column nor a question of '
                "the export",
                f'[[opt:{what}]] nennt "{name}", das weder eine Spalte noch eine Frage des '
                "Exports ist",
            ),
            file=table.file,
            row=1,
            expected=Text(
                "a column header or a question code/text",
                "eine Spaltenüberschrift oder Code/Text einer Frage",
            ),
            hint=close_matches(name, table.columns),
        )
    return cols


def actor_lookup(roster: Roster, column: str) -> Callable[[str], str | None]:
    """Match a respondent value of ``column``: a roster column of that name first, then id/label.

    Examples
    --------
    >>> import pandas as pd
    >>> from ..roster import read_roster
    >>> r = read_roster(pd.DataFrame({"id": ["awo"], "label": ["AWO"], "token": ["t1"]}))
    >>> look = actor_lookup(r, "token")
    >>> look("t1"), look("AWO"), look("x")
    ('awo', 'awo', None)
    """
    extra = roster.extra.get(column.strip().casefold())

    def look(value: str) -> str | None:
        if extra:
            hit = extra.get(key(value))
            if hit is not None:
                return hit
        return roster.actor(value)

    return look
