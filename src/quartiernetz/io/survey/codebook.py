"""Answer values to intensities: the user's codebook and the built-in one.

A codebook maps what an export writes into a cell (an answer code such as
``A2``, a number such as SoSci's ``1..n``, or an answer text) to a tie
intensity. An empty intensity means "missing" (e.g. "weiß nicht"). A codebook
row with an empty *value* says what an empty cell means (e.g. ``,0`` for
checkbox questions whose unticked boxes export as empty cells); without one,
an empty cell is a missing answer.

Without a codebook,

- numbers are intensities (decimal commas allowed); SoSci Survey codes its
  scales 1..n, so there the intensity is the code minus 1;
- negative whole numbers are missing-value codes (SoSci −1 … −9, Qualtrics
  −99) in every tool, with or without a codebook, unless the codebook maps them;
- answer texts are looked up in :data:`BUILTIN_CODEBOOK` (German and English
  texts of the collaboration continuum, see ``docs/surveys.md``);
- anything else is an error naming the value, the column and the row.

Codebook rows may also give a column or question stem a *role* (columns
``question`` and ``role``): ``factor:<id>`` marks a self-assessment item of the
network check (``<id>`` one of :data:`FACTOR_ROLE_IDS`). Such rows map that
item's answers (Likert labels or numbers) to numbers, higher = more agreement;
without value rows for the item, :data:`LIKERT_CODEBOOK` (1–5) is used.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ...exceptions import InputError, InvalidValueError
from ...i18n import Text
from ..names import normalize_id
from ..text import Table, find_column, read_csv_table, read_xlsx_tables

__all__ = [
    "Codebook",
    "read_codebook",
    "value_key",
    "BUILTIN_CODEBOOK",
    "MISSING",
    "FactorItem",
    "FACTOR_ROLE_IDS",
    "LIKERT_CODEBOOK",
]

#: The factor ids a codebook role ``factor:<id>`` may name: those of the network
#: check (``quartiernetz.check.FACTOR_IDS``; kept equal by a test, since the
#: reader sits below the analyses).
FACTOR_ROLE_IDS = (
    "central_coordination",
    "paid_networkers",
    "committee_membership",
    "committee_sectors",
    "competitors_in_view",
    "needs_mapping",
    "pooled_resources",
    "funding_mix",
    "municipal_ties",
    "municipal_contact",
    "municipal_steering",
    "reach_beyond_quarter",
    "online_offline",
    "sector_diversity",
    "civic_share",
    "cross_sector_ties",
    "clear_goal",
    "clear_roles",
    "recognition_culture",
    "documentation",
    "storytelling",
    "sufficient_resources",
    "personal_relationships",
    "fixed_place",
    "political_support",
)

#: The role prefix of self-assessment items.
FACTOR_ROLE = "factor:"

#: The intensity that stands for "missing answer".
MISSING = math.nan

_M = MISSING
#: Answer texts the built-in codebook understands (compared case-insensitively,
#: spaces and final punctuation ignored). 0 = no cooperation; 1 = networking /
#: information exchange; 2 = coordination, cooperation, joint projects;
#: 3 = collaboration, formal agreement; NaN = missing.
BUILTIN_CODEBOOK: dict[str, float] = {
    # 0: none
    "keine": 0,
    "keine zusammenarbeit": 0,
    "keine kooperation": 0,
    "kein kontakt": 0,
    "keinen kontakt": 0,
    "gar nicht": 0,
    "nie": 0,
    "nein": 0,
    "n": 0,
    "none": 0,
    "no": 0,
    "no cooperation": 0,
    "no collaboration": 0,
    "no contact": 0,
    "never": 0,
    "not at all": 0,
    # 1: networking, information exchange
    "informationsaustausch": 1,
    "austausch": 1,
    "austausch von informationen": 1,
    "vernetzung": 1,
    "kontakt": 1,
    "gelegentlicher kontakt": 1,
    "lose": 1,
    "lose zusammenarbeit": 1,
    "selten": 1,
    "gelegentlich": 1,
    "ja": 1,
    "y": 1,
    "information exchange": 1,
    "exchange of information": 1,
    "networking": 1,
    "contact": 1,
    "occasional contact": 1,
    "rarely": 1,
    "occasionally": 1,
    "yes": 1,
    # 2: coordination, cooperation, joint projects
    "koordination": 2,
    "abstimmung": 2,
    "kooperation": 2,
    "zusammenarbeit": 2,
    "gemeinsame projekte": 2,
    "gemeinsame angebote": 2,
    "gemeinsame aktivitaeten": 2,
    "gemeinsame veranstaltungen": 2,
    "regelmaessig": 2,
    "haeufig": 2,
    "eng": 2,
    "enge zusammenarbeit": 2,
    "coordination": 2,
    "cooperation": 2,
    "joint projects": 2,
    "joint activities": 2,
    "regularly": 2,
    "often": 2,
    "close": 2,
    # 3: collaboration, formal agreement
    "kollaboration": 3,
    "formale vereinbarung": 3,
    "formelle vereinbarung": 3,
    "schriftliche vereinbarung": 3,
    "kooperationsvereinbarung": 3,
    "formale kooperationsvereinbarung": 3,
    "kooperationsvertrag": 3,
    "vertrag": 3,
    "feste kooperation": 3,
    "gemeinsame steuerung": 3,
    "sehr eng": 3,
    "sehr enge zusammenarbeit": 3,
    "sehr haeufig": 3,
    "collaboration": 3,
    "formal agreement": 3,
    "written agreement": 3,
    "contract": 3,
    "very close": 3,
    "very often": 3,
    "joint steering": 3,
    # missing
    "weiss nicht": _M,
    "weiss ich nicht": _M,
    "keine angabe": _M,
    "k a": _M,
    "kann ich nicht beurteilen": _M,
    "nicht beurteilbar": _M,
    "trifft nicht zu": _M,
    "nicht zutreffend": _M,
    "keine antwort": _M,
    "don t know": _M,
    "dont know": _M,
    "do not know": _M,
    "no answer": _M,
    "prefer not to say": _M,
    "not applicable": _M,
    "n a": _M,
    "na": _M,
}

#: Agreement labels of a 5-point Likert scale (German and English), used for a
#: self-assessment item whose codebook rows give no values; the numbers 1..5 are
#: read as they are, the missing texts of :data:`BUILTIN_CODEBOOK` are missing.
LIKERT_CODEBOOK: dict[str, float] = {
    "stimme gar nicht zu": 1,
    "stimme ueberhaupt nicht zu": 1,
    "trifft gar nicht zu": 1,
    "trifft ueberhaupt nicht zu": 1,
    "strongly disagree": 1,
    "stimme nicht zu": 2,
    "stimme eher nicht zu": 2,
    "trifft nicht zu": 2,
    "trifft eher nicht zu": 2,
    "disagree": 2,
    "teils teils": 3,
    "teils": 3,
    "weder noch": 3,
    "trifft teilweise zu": 3,
    "neutral": 3,
    "neither agree nor disagree": 3,
    "stimme eher zu": 4,
    "stimme zu": 4,
    "trifft eher zu": 4,
    "trifft zu": 4,
    "agree": 4,
    "stimme voll zu": 5,
    "stimme voll und ganz zu": 5,
    "trifft voll zu": 5,
    "trifft voll und ganz zu": 5,
    "strongly agree": 5,
    **{str(i): float(i) for i in range(1, 6)},
}

_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d+)?|[.,]\d+)$")
_LEADING_NUMBER = re.compile(r"^\s*(\d+)\s*(?:[-–=:.)]|\s)\s*\D")


def value_key(value: object) -> str:
    """The form in which answer values are compared.

    Numbers become their canonical spelling (``"2.0"``, ``"02"`` and ``"2"``
    are one value; decimal commas are read); texts are normalised like ids
    (:func:`~quartiernetz.io.names.normalize_id`: invisible characters and
    non-breaking spaces) and to NFKC, lower-cased, umlauts written ae/oe/ue,
    punctuation and surrounding spaces removed.

    Examples
    --------
    >>> value_key(" Gemeinsame Projekte "), value_key("2.0"), value_key("1,5")
    ('gemeinsame projekte', '2', '1.5')
    >>> value_key("Weiß nicht")
    'weiss nicht'
    """
    text = unicodedata.normalize("NFKC", normalize_id(value)).strip()
    if _NUMBER.match(text):
        x = float(text.replace(",", "."))
        return str(int(x)) if x.is_integer() else repr(x)
    text = text.casefold()
    text = text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


def _number(key: str) -> float | None:
    if _NUMBER.match(key):
        return float(key)
    return None


@dataclass
class FactorItem:
    """A self-assessment item named in the codebook (role ``factor:<id>``).

    Attributes
    ----------
    question : str
        The column or question stem, as the codebook writes it.
    factor : str
        The factor id (one of :data:`FACTOR_ROLE_IDS`).
    mapping : dict
        ``{value_key: number}`` (NaN = missing); :data:`LIKERT_CODEBOOK` when
        the codebook gives no values for the item.
    row : int
        The codebook row that gave the role (0 for a mapping or DataFrame).
    builtin : bool
        True when the answers are read with :data:`LIKERT_CODEBOOK`.
    """

    question: str
    factor: str
    mapping: dict[str, float]
    row: int = 0
    builtin: bool = False

    @property
    def scale(self) -> tuple[float, float]:
        """The lowest and highest number of the item's scale."""
        xs = [v for v in self.mapping.values() if math.isfinite(v)]
        return (float(min(xs)), float(max(xs))) if xs else (math.nan, math.nan)

    def lookup(self, value: str) -> float | None:
        """The number of one answer (NaN = missing), or None when unknown.

        Examples
        --------
        >>> item = FactorItem("ZIEL", "clear_goal", dict(LIKERT_CODEBOOK), builtin=True)
        >>> item.lookup("Stimme voll zu"), item.lookup("2"), item.lookup("weiß nicht")
        (5.0, 2.0, nan)
        >>> item.lookup("vielleicht") is None, item.scale
        (True, (1.0, 5.0))
        """
        text = str(value).strip()
        if not text:
            return MISSING
        k = value_key(text)
        if k in self.mapping:
            return float(self.mapping[k])
        x = _number(k)
        if x is not None and x < 0 and x.is_integer():
            return MISSING
        if k in BUILTIN_CODEBOOK and math.isnan(BUILTIN_CODEBOOK[k]):
            return MISSING
        return None


@dataclass
class Codebook:
    """A mapping from answer values to intensities (NaN = missing).

    Attributes
    ----------
    mapping : dict
        ``{value_key: intensity}``; NaN means missing.
    source : str
        Where it came from, for messages (a file name, "the codebook" or
        "the built-in codebook").
    builtin : bool
        True for the built-in codebook (numbers are then intensities).
    shift : int
        Subtracted from numeric codes when ``builtin`` (1 for SoSci).
    empty : float
        What an empty cell means (NaN = missing).
    """

    mapping: dict[str, float]
    source: str
    builtin: bool = False
    shift: int = 0
    empty: float = MISSING
    rows: dict[str, int] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)
    factors: dict[str, FactorItem] = field(default_factory=dict)

    @classmethod
    def default(cls, *, shift: int = 0) -> Codebook:
        """The built-in codebook (numbers are intensities, minus ``shift``)."""
        return cls(dict(BUILTIN_CODEBOOK), "the built-in codebook", builtin=True, shift=shift)

    def lookup(self, value: str) -> tuple[float, str] | None:
        """The intensity of one cell and how it was found, or None when unknown.

        The second item is ``"empty"``, ``"code"`` (a negative missing code),
        ``"codebook"`` or ``"number"``.
        """
        text = str(value).strip()
        if not text:
            return self.empty, "empty"
        key = value_key(text)
        if key in self.mapping:
            return self.mapping[key], "codebook"
        x = _number(key)
        if x is not None and x < 0 and x.is_integer():
            return MISSING, "code"
        if self.builtin:
            if x is None:
                m = _LEADING_NUMBER.match(text)  # "2 - gemeinsame Projekte", "3 = eng"
                if m:
                    x = float(m.group(1))
            if x is not None and math.isfinite(x):
                if x < self.shift:  # a negative fraction, or 0 on a scale coded 1..n
                    return None
                return x - self.shift, "number"
        return None

    def source_text(self) -> Text:
        """Where the codebook came from, in both languages (for "is not in …")."""
        if self.builtin:
            return Text("the built-in codebook", "dem eingebauten Codebuch")
        if self.source == "the codebook":
            return Text("the codebook", "dem Codebuch")
        return Text(self.source, self.source)

    def describe_expected(self) -> Text:
        """What a cell may hold, in both languages (for an error's "expected")."""
        if self.builtin:
            what = Text("a number", "eine Zahl")
            if self.shift:
                s = self.shift
                what = Text(
                    f"a scale code from {s} (intensity = code - {s})",
                    f"ein Skalencode ab {s} (Intensität = Code - {s})",
                )
            return what + Text(
                ", a negative missing code or an answer text the built-in codebook knows",
                ", ein negativer Fehlend-Code oder ein Antworttext, den das eingebaute Codebuch "
                "kennt",
            )
        values = [self.shown.get(k, k) for k in self.mapping if k][:12]
        more = ", …" if len(self.mapping) > 12 else ""
        src = self.source_text()
        shown = ", ".join(values) + more
        return Text(f"a value from {src.en} ({shown})", f"ein Wert aus {src.de} ({shown})")


_NUMBER_OR_EMPTY = Text(
    "a number >= 0, or empty for missing", "eine Zahl >= 0, oder leer für fehlend"
)


def read_codebook(
    codebook: str | os.PathLike[str] | pd.DataFrame | Mapping[object, object],
) -> Codebook:
    """Read a codebook: a CSV/XLSX file, a DataFrame or a mapping ``{value: intensity}``.

    The file or DataFrame has the columns ``value`` and ``intensity`` (also
    accepted: ``code``/``wert``/``answer`` and ``weight``/``intensität``). An
    empty intensity means "missing"; a row with an empty value says what an
    empty cell means.

    Raises
    ------
    InvalidValueError
        For an intensity that is not a number >= 0, or a value given twice
        with different intensities (naming the codebook's row).

    Examples
    --------
    >>> cb = read_codebook({"A1": 0, "A2": 1, "A3": 2, "A4": 3, "A9": None})
    >>> cb.lookup("A3"), cb.lookup("-9")[1], cb.lookup("A5") is None
    ((2.0, 'codebook'), 'code', True)
    """
    if isinstance(codebook, Mapping):
        frame = pd.DataFrame(
            {
                "value": [str(k) for k in codebook],
                "intensity": [
                    "" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v)
                    for v in codebook.values()
                ],
            },
            dtype=object,
        )
        table = Table(frame, "the codebook", list(range(2, len(frame) + 2)))
    elif isinstance(codebook, pd.DataFrame):
        frame = codebook.astype(object).where(codebook.notna(), "")
        frame = frame.map(
            lambda v: str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)
        )
        table = Table(frame.reset_index(drop=True), "the codebook", list(range(2, len(frame) + 2)))
    else:
        path = Path(codebook)
        if not path.is_file():
            raise InputError(
                Text("the codebook does not exist", "das Codebuch existiert nicht"),
                file=path.name,
                expected=Text(
                    "a CSV or XLSX file with columns value,intensity",
                    "eine CSV- oder XLSX-Datei mit den Spalten value,intensity",
                ),
            )
        if path.suffix.casefold() in (".xlsx", ".xlsm"):
            table = next(iter(read_xlsx_tables(path).values()))
        else:
            table = read_csv_table(path)
    vcol = find_column(
        table,
        "value",
        aliases=("code", "wert", "answer", "antwort", "kode"),
        required=True,
        purpose="columns value and intensity",
    )
    icol = find_column(
        table,
        "intensity",
        aliases=("weight", "intensität", "intensitaet", "gewicht", "staerke"),
        required=True,
        purpose="columns value and intensity",
    )
    qcol = find_column(table, "question", aliases=("column", "item", "frage", "spalte"))
    rcol = find_column(table, "role", aliases=("rolle",))
    mapping: dict[str, float] = {}
    rows: dict[str, int] = {}
    shown: dict[str, str] = {}
    factors: dict[str, FactorItem] = {}
    empty = MISSING
    for i, (v, x) in enumerate(zip(table.frame[vcol], table.frame[icol], strict=True)):
        v, x = str(v).strip(), str(x).strip()
        role = str(table.frame[rcol].iloc[i]).strip() if rcol else ""
        if role:
            q = str(table.frame[qcol].iloc[i]).strip() if qcol else ""
            _factor_row(table, i, q, role, v, x, rcol, qcol or rcol, factors)
            continue
        if x == "":
            val = MISSING
        else:
            try:
                val = float(x.replace(",", "."))
            except ValueError:
                raise InvalidValueError(
                    Text(
                        f'the intensity "{x}" is not a number',
                        f'die Intensität "{x}" ist keine Zahl',
                    ),
                    file=table.file,
                    row=table.row(i),
                    column=icol,
                    expected=_NUMBER_OR_EMPTY,
                ) from None
            if not math.isfinite(val) or val < 0:
                raise InvalidValueError(
                    Text(
                        f'the intensity "{x}" is not a number >= 0',
                        f'die Intensität "{x}" ist keine Zahl >= 0',
                    ),
                    file=table.file,
                    row=table.row(i),
                    column=icol,
                    expected=_NUMBER_OR_EMPTY,
                )
        if v == "":
            empty = val
            continue
        key = value_key(v)
        if key in mapping and not (
            mapping[key] == val or (math.isnan(mapping[key]) and math.isnan(val))
        ):
            raise InvalidValueError(
                Text(
                    f'the value "{v}" is given again with another intensity (first in row '
                    f"{rows[key]})",
                    f'der Wert "{v}" kommt noch einmal mit anderer Intensität vor (zuerst in '
                    f"Zeile {rows[key]})",
                ),
                file=table.file,
                row=table.row(i),
                column=vcol,
                expected=Text("each value once", "jeden Wert einmal"),
            )
        mapping[key] = val
        rows[key] = table.row(i)
        shown[key] = v
    for item in factors.values():
        if not item.mapping:
            item.mapping, item.builtin = dict(LIKERT_CODEBOOK), True
    return Codebook(mapping, table.file, empty=empty, rows=rows, shown=shown, factors=factors)


def _factor_row(
    table: Table,
    i: int,
    question: str,
    role: str,
    value: str,
    number: str,
    rcol: str,
    qcol: str,
    factors: dict[str, FactorItem],
) -> None:
    """Read one codebook row with a role: a self-assessment item and one of its values."""
    valid = ", ".join(FACTOR_ROLE_IDS)
    if not role.casefold().startswith(FACTOR_ROLE):
        raise InvalidValueError(
            Text(f'the role "{role}" is not known', f'die Rolle "{role}" ist unbekannt'),
            file=table.file,
            row=table.row(i),
            column=rcol,
            expected=Text(
                f"factor:<id>, with <id> one of {valid}", f"factor:<id>, mit <id> aus {valid}"
            ),
        )
    fid = role[len(FACTOR_ROLE) :].strip()
    if fid not in FACTOR_ROLE_IDS:
        raise InvalidValueError(
            Text(
                f'"{fid}" is not a factor of the network check',
                f'"{fid}" ist kein Faktor des Netzwerk-Checks',
            ),
            file=table.file,
            row=table.row(i),
            column=rcol,
            expected=Text(f"one of {valid}", f"einer von {valid}"),
        )
    if not question:
        raise InvalidValueError(
            Text(
                f'the role "{role}" names no column or question',
                f'die Rolle "{role}" nennt keine Spalte oder Frage',
            ),
            file=table.file,
            row=table.row(i),
            column=qcol,
            expected=Text(
                "the column header or question stem of the item (column question)",
                "die Spaltenüberschrift oder der Fragen-Code des Items (Spalte question)",
            ),
        )
    item = factors.setdefault(question, FactorItem(question, fid, {}, row=table.row(i)))
    if item.factor != fid:
        raise InvalidValueError(
            Text(
                f'"{question}" has the role factor:{item.factor} already (row {item.row})',
                f'"{question}" hat schon die Rolle factor:{item.factor} (Zeile {item.row})',
            ),
            file=table.file,
            row=table.row(i),
            column=rcol,
            expected=Text("one role per question", "eine Rolle je Frage"),
        )
    if not value:
        return  # the row only gives the role
    if number == "":
        item.mapping[value_key(value)] = MISSING
        return
    try:
        x = float(number.replace(",", "."))
    except ValueError:
        x = math.nan
    if not math.isfinite(x):
        raise InvalidValueError(
            Text(f'"{number}" is not a number', f'"{number}" ist keine Zahl'),
            file=table.file,
            row=table.row(i),
            expected=Text(
                "the answer's number on the scale (higher = more agreement), or empty for missing",
                "die Zahl der Antwort auf der Skala (höher = mehr Zustimmung), oder leer für "
                "fehlend",
            ),
        )
    item.mapping[value_key(value)] = x
