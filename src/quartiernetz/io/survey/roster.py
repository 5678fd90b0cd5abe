"""The roster: who was asked about whom.

A roster is a CSV/XLSX file (or a DataFrame) with one row per actor: ``id``,
``label``, optionally ``code`` (the export's column header under which the
answers about this actor appear, e.g. ``KOOP[SQ001]``, ``KO01_01``, ``Q5_1``),
optionally ``aliases`` (further names of the actor for name generators,
separated by ``|``) and any actor attributes (``type``, ``umbrella``, …).

Respondents are matched to roster actors by id or label, ignoring case,
surrounding and repeated spaces and Unicode normalisation; a roster column with
the same header as the export's respondent column (e.g. ``token`` or
``SERIAL``) is matched first.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz, process

from ...exceptions import DuplicateActorError, InputError
from ...i18n import Text
from ...privacy import find_personal_data
from ..assemble import ALIASES, Problems, check_actor_ids, table_from_frame
from ..names import normalize_id
from ..text import Table, find_column, read_csv_table, read_xlsx_tables

__all__ = ["Roster", "read_roster", "respondent_key", "close_matches"]

_CODE = re.compile(r"^\s*([A-Za-z][A-Za-z0-9]*)(?:\[([^\[\]]+)\]|_([A-Za-z0-9]+))\s*$")


def respondent_key(value: object) -> str:
    """The form in which respondents, headers and labels are compared.

    The id normaliser :func:`~quartiernetz.io.names.normalize_id` (NFC, no
    invisible characters, no non-breaking spaces), then compatibility form NFKC,
    case folded, inner white space collapsed.

    Examples
    --------
    >>> respondent_key("  AWO  Ortsverein ") == respondent_key("awo ortsverein")
    True
    >>> respondent_key("Stadtbu\\u0308cherei") == respondent_key("Stadtbücherei")
    True
    >>> respondent_key("AWO\\u200b") == respondent_key("awo")
    True
    """
    return " ".join(unicodedata.normalize("NFKC", normalize_id(value)).casefold().split())


def split_code(header: str) -> tuple[str, str] | None:
    """``(stem, item)`` of a coded header (``KOOP[SQ001]``, ``KO01_01``, ``Q5_1``), or None.

    Examples
    --------
    >>> split_code("KOOP[SQ001]"), split_code("KO01_01"), split_code("Wie eng?")
    (('KOOP', 'SQ001'), ('KO01', '01'), None)
    """
    m = _CODE.match(str(header))
    if not m:
        return None
    return m.group(1), m.group(2) if m.group(2) is not None else m.group(3)


def close_matches(value: str, choices: Iterable[str], *, limit: int = 3) -> Text | str:
    """A hint naming the closest of ``choices`` to ``value`` (rapidfuzz), or ``""``.

    Examples
    --------
    >>> close_matches("Caritass", ["Caritas", "AWO"]).de
    'Ähnliche Einträge: "Caritas".'
    >>> close_matches("xyz", ["Caritas"])
    ''
    """
    choices = [c for c in dict.fromkeys(str(c) for c in choices) if c]
    if not choices:
        return ""
    found = process.extract(str(value), choices, scorer=fuzz.WRatio, limit=limit, score_cutoff=60)
    if not found:
        return ""
    shown = ", ".join(f'"{m[0]}"' for m in found)
    return Text(f"Close matches: {shown}.", f"Ähnliche Einträge: {shown}.")


@dataclass
class Roster:
    """A roster as read: the actor table (text) and the lookups matching uses.

    Attributes
    ----------
    table : Table
        The actor columns for :func:`~quartiernetz.io.assemble.assemble`
        (without ``code``, ``aliases`` and identifying columns).
    ids, labels : list of str
    codes : dict
        Actor id -> its code (only actors with one).
    file : str
    rows : dict
        Actor id -> the roster's spreadsheet row.
    extra : dict
        Header (case-folded) -> {value key: actor id}, for every further
        column, to match a respondent column of the same name.
    dropped : dict
        Identifying roster columns left out, with the reason (a
        :class:`~quartiernetz.i18n.Text`; never a value).
    aliases : dict
        Actor id -> further names.
    implicit : bool
        True when made from the export itself (no roster given).
    """

    table: Table
    ids: list[str]
    labels: list[str]
    codes: dict[str, str]
    file: str
    rows: dict[str, int]
    extra: dict[str, dict[str, str]] = field(default_factory=dict)
    dropped: dict[str, Text] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    implicit: bool = False
    code_column: str | None = None

    def __post_init__(self) -> None:
        self._rebuild()

    def _rebuild(self) -> None:
        self.by_id = {respondent_key(i): i for i in self.ids}
        self.by_label: dict[str, str | None] = {}
        for i, lab in zip(self.ids, self.labels, strict=True):
            k = respondent_key(lab)
            if k in self.by_label and self.by_label[k] != i:
                self.by_label[k] = None  # two actors share this label
            else:
                self.by_label[k] = i
        self.by_code = {respondent_key(c): i for i, c in self.codes.items()}
        self.items: dict[str, str | None] = {}
        self.code_stems: dict[str, set[str]] = {}
        for i, c in self.codes.items():
            parts = split_code(c)
            if parts is None:
                continue
            stem, item = parts
            self.code_stems.setdefault(respondent_key(stem), set()).add(respondent_key(item))
            k = respondent_key(item)
            if k in self.items and self.items[k] != i:
                self.items[k] = None
            else:
                self.items[k] = i
        self.label_of = dict(zip(self.ids, self.labels, strict=True))

    def __len__(self) -> int:
        return len(self.ids)

    def actor(self, text: str) -> str | None:
        """The actor whose id or label is ``text`` (normalised), else None."""
        k = respondent_key(text)
        if k in self.by_id:
            return self.by_id[k]
        return self.by_label.get(k)

    def add(self, ids: list[str], labels: list[str]) -> None:
        """Add actors (made from respondents or typed names) to an implicit roster."""
        frame = self.table.frame
        new = pd.DataFrame({c: [""] * len(ids) for c in frame.columns}, dtype=object)
        id_col = frame.columns[0]
        new[id_col] = ids
        if "label" in new.columns:
            new["label"] = labels
        self.table = Table(
            pd.concat([frame, new], ignore_index=True),
            self.table.file,
            self.table.rows + [0] * len(ids),
        )
        self.ids.extend(ids)
        self.labels.extend(labels)
        self._rebuild()


def _read_table(roster: str | os.PathLike[str] | pd.DataFrame) -> Table:
    if isinstance(roster, pd.DataFrame):
        return table_from_frame(roster, "the roster")  # type: ignore[return-value]
    path = Path(roster)
    if not path.is_file():
        raise InputError(
            Text("the roster does not exist", "die Teilnehmerliste (Roster) existiert nicht"),
            file=path.name,
            expected=Text(
                "a CSV or XLSX file with columns id and label",
                "eine CSV- oder XLSX-Datei mit den Spalten id und label",
            ),
        )
    if path.suffix.casefold() in (".xlsx", ".xlsm"):
        sheets = read_xlsx_tables(path)
        lookup = {k.strip().casefold(): v for k, v in sheets.items()}
        for name in ("roster", "actors", "akteure"):
            if name in lookup:
                return lookup[name]
        return next(iter(sheets.values()))
    return read_csv_table(path)


def read_roster(roster: str | os.PathLike[str] | pd.DataFrame) -> Roster:
    """Read a roster (see the module documentation).

    Raises
    ------
    MissingColumnError
        Without an ``id`` column.
    DuplicateActorError
        For an id, or a code, given twice.
    InputError
        For an empty id.
    InputProblems
        For several of these: each row's problem is listed (up to
        :data:`~quartiernetz.io.assemble.MAX_PROBLEMS`).

    Examples
    --------
    >>> import pandas as pd
    >>> r = read_roster(pd.DataFrame({"id": ["awo", "qm"], "label": ["AWO", "QM Nordstadt"],
    ...                               "code": ["KOOP[SQ001]", "KOOP[SQ002]"]}))
    >>> r.actor(" qm nordstadt "), r.codes["awo"]
    ('qm', 'KOOP[SQ001]')
    """
    table = _read_table(roster)
    id_col = find_column(
        table,
        "id",
        aliases=ALIASES["id"],
        required=True,
        purpose="a column 'id' with one unique id per actor",
    )
    label_col = find_column(
        table, "label", aliases=tuple(a for a in ALIASES["label"] if a != id_col.casefold())
    )
    if label_col == id_col:
        label_col = None
    code_col = find_column(table, "code", aliases=("column", "spalte", "variable", "kode"))
    alias_col = find_column(table, "aliases", aliases=("alias", "alternative_names"))
    frame = table.frame
    ids = [str(v).strip() for v in frame[id_col]]
    problems = Problems()  # every row's problem is reported, not only the first
    check_actor_ids(table, id_col, ids, problems=problems)
    labels = (
        [str(v).strip() or a for v, a in zip(frame[label_col], ids, strict=True)]
        if label_col is not None
        else list(ids)
    )
    codes: dict[str, str] = {}
    code_seen: dict[str, int] = {}
    if code_col is not None:
        for i, (a, c) in enumerate(zip(ids, frame[code_col], strict=True)):
            c = str(c).strip()
            if not c:
                continue
            k = respondent_key(c)
            if k in code_seen:
                first = table.row(code_seen[k])
                problems.add(
                    DuplicateActorError(
                        Text(
                            f'the code "{c}" is given again (first in row {first})',
                            f'der Code "{c}" kommt noch einmal vor (zuerst in Zeile {first})',
                        ),
                        file=table.file,
                        row=table.row(i),
                        column=code_col,
                        expected=Text("each export column once", "jede Spalte des Exports einmal"),
                    )
                )
                continue
            code_seen[k] = i
            codes[a] = c
    problems.raise_if_any()
    aliases = {}
    if alias_col is not None:
        aliases = {a: str(v) for a, v in zip(ids, frame[alias_col], strict=True) if str(v).strip()}
    keep_always = {id_col, label_col, code_col, alias_col}
    for canon in ("type", "umbrella", "area"):
        c = find_column(table, canon, aliases=ALIASES[canon])
        keep_always.add(c)
    # personal data by header and by value, in every column but id, label, code and aliases
    never = {id_col, label_col, code_col, alias_col} - {None}
    found = find_personal_data(frame, keep=never)
    dropped = {f.column: f.reason for f in found}
    extra: dict[str, dict[str, str]] = {}
    for c in table.columns:
        if c in (id_col, label_col, alias_col):
            continue
        lookup: dict[str, str] = {}
        for a, v in zip(ids, frame[c], strict=True):
            v = str(v).strip()
            if v:
                lookup.setdefault(respondent_key(v), a)
        extra[c.strip().casefold()] = lookup
    out_cols = [c for c in table.columns if c not in dropped and c not in (code_col, alias_col)]
    out = frame[out_cols].copy()
    out[id_col] = ids
    if id_col != "id":
        out = out.rename(columns={id_col: "id"})
    if label_col is not None and label_col != "label":
        out = out.rename(columns={label_col: "label"})
    out["label"] = labels
    cols = ["id"] + [c for c in out.columns if c != "id"]
    # rows of separators only are recorded as dropped when the network is assembled
    actor_table = Table(
        out[cols].reset_index(drop=True), table.file, list(table.rows), skipped=list(table.skipped)
    )
    return Roster(
        table=actor_table,
        ids=ids,
        labels=labels,
        codes=codes,
        file=table.file,
        rows={a: table.row(i) for i, a in enumerate(ids)},
        extra=extra,
        dropped=dropped,
        aliases=aliases,
        code_column=code_col,
    )


def implicit_roster(ids: list[str], *, file: str) -> Roster:
    """A roster made from the export itself (column headers, respondents)."""
    frame = pd.DataFrame({"id": ids, "label": ids}, dtype=object)
    return Roster(
        table=Table(frame, file, [0] * len(ids)),
        ids=list(ids),
        labels=list(ids),
        codes={},
        file=file,
        rows={},
        implicit=True,
    )
