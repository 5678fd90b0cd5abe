"""Validate raw tables and assemble them into the three clean tables of a network.

:func:`assemble_frames` returns :class:`Frames` (actors, ties, affiliations and the
record); :class:`~quartiernetz.network.Network` validates its tables with it, and
:func:`quartiernetz.io.assemble.assemble` turns them into a network. This module
imports no network, so that :mod:`quartiernetz.network` can import it at its top.

Every reader ends here, so every format gets the same checks, the same cleaning
and the same record of what was changed:

Errors (:class:`~quartiernetz.exceptions.InputError` subclasses)
    a missing required column; an empty actor id; a duplicate actor id; a tie or
    affiliation naming an actor missing from the actor table (with close
    matches); a non-numeric, non-finite or negative intensity.

Cleaning (each reported in ``net.record`` and as a warning)
    surrounding spaces stripped from ids; actors named only in ties added (when
    there is no actor table); empty intensities set to 1; self-ties dropped;
    exact duplicate rows dropped; ties of one pair, relation and wave given more
    than once (for an undirected network: in either direction) merged into one
    row with the largest intensity, unless they come from different reporters.
"""

from __future__ import annotations

import difflib
import math
import warnings
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..exceptions import (
    DataCleaningWarning,
    DuplicateActorError,
    InputError,
    InputProblems,
    UnknownActorError,
)
from ..i18n import Text
from ..record import Record
from .names import code_points, describe_difference, id_changes, normalize_id, variant_key
from .personal import drop_personal_data
from .text import Table, find_column, parse_numbers, try_numeric

__all__ = [
    "assemble_frames",
    "Frames",
    "table_from_frame",
    "check_actor_ids",
    "normalize_id_column",
    "Problems",
    "MAX_PROBLEMS",
    "ACTOR_COLUMNS",
    "TIE_COLUMNS",
    "AFFILIATION_COLUMNS",
]

#: Canonical actor columns, in order (``id`` is the index).
ACTOR_COLUMNS = ("label", "type", "umbrella", "area")
#: Canonical tie columns, in order; ``wave`` and ``reported_by`` only where given.
TIE_COLUMNS = ("source", "target", "relation", "intensity", "wave", "reported_by")
#: Canonical affiliation columns, in order.
AFFILIATION_COLUMNS = ("actor", "item", "kind", "target_group", "area")

DEFAULT_RELATION = "cooperation"
DEFAULT_KIND = "committee"

# accepted spellings of the canonical columns (case is ignored)
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("actor", "actor_id", "name", "akteur"),
    "label": ("name", "bezeichnung"),
    "type": ("typ", "art", "sector", "sektor"),
    "umbrella": ("traeger", "träger", "dachverband", "parent"),
    "area": ("gebiet", "quartier", "bereich"),
    "source": ("from", "von", "quelle"),
    "target": ("to", "an", "ziel"),
    "relation": ("relationship", "beziehung"),
    "intensity": ("weight", "strength", "intensität", "intensitaet", "gewicht"),
    "wave": ("welle",),
    "reported_by": ("reporter", "respondent"),
    "actor": ("akteur", "actor_id", "member", "mitglied"),
    "item": ("committee", "offer", "gremium", "angebot"),
    "kind": ("art",),
    "target_group": ("zielgruppe", "target group"),
}


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return repr(value) if not value.is_integer() else str(int(value))
    if value is pd.NA or value is pd.NaT:
        return ""
    return str(value)


def table_from_frame(frame: pd.DataFrame | None, name: str) -> Table | None:
    """Wrap a user's DataFrame as a :class:`Table` of text, rows counted from 2."""
    if frame is None:
        return None
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame, got {type(frame).__name__}")
    df = frame
    if df.index.name is not None and df.index.name not in df.columns:
        df = df.reset_index()
    data = {str(c): [_text(v) for v in df[c].tolist()] for c in df.columns}
    out = pd.DataFrame(data, columns=[str(c) for c in df.columns], dtype=object)
    return Table(out, name, list(range(2, len(df) + 2)))


#: The most row-level problems one reading collects before it stops listing them
#: (the rest are counted); see :class:`~quartiernetz.exceptions.InputProblems`.
MAX_PROBLEMS = 200


class Problems:
    """Row-level problems of one input, collected so that all are reported at once.

    Up to ``limit`` (default :data:`MAX_PROBLEMS`) are kept; further ones are only counted.
    :meth:`raise_if_any` raises a single problem as itself and several as
    :class:`~quartiernetz.exceptions.InputProblems`, sorted by file and row.

    Examples
    --------
    >>> p = Problems()
    >>> p.add(InputError("x", file="t.csv", row=3))
    >>> p.raise_if_any()
    Traceback (most recent call last):
    ...
    quartiernetz.exceptions.InputError: t.csv, row 3: x.
    """

    def __init__(self, limit: int | None = None) -> None:
        self.items: list[InputError] = []
        self.more = 0
        self.limit = MAX_PROBLEMS if limit is None else limit

    def add(self, error: InputError) -> None:
        """Keep ``error`` (or count it, beyond the cap)."""
        if len(self.items) < self.limit:
            self.items.append(error)
        else:
            self.more += 1

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        """Raise what was collected: one problem as itself, several together."""
        if not self.items:
            return
        if len(self.items) == 1 and not self.more:
            raise self.items[0]
        raise InputProblems(self.items, more=self.more)


def _close(value: str, candidates: Iterable[str]) -> Text | None:
    """A hint naming ids close to ``value``, each with how ``value`` differs from it."""
    candidates = list(candidates)
    key = variant_key(value)
    same_key = [c for c in candidates if variant_key(c) == key and c != value]
    folded: dict[str, list[str]] = {}
    for c in candidates:
        folded.setdefault(c.casefold(), []).append(c)
    near = difflib.get_close_matches(value.casefold(), list(folded), n=3, cutoff=0.6)
    matches = list(dict.fromkeys([*same_key, *(c for f in near for c in folded[f])]))[:3]
    if not matches:
        return None
    en, de = [], []
    for m in matches:
        how = describe_difference(m, value)
        en.append(f'"{m}" (the id given {how.en})')
        de.append(f'"{m}" (die angegebene Id {how.de})')
    return Text("Close matches: " + ", ".join(en) + ".", "Ähnliche Ids: " + ", ".join(de) + ".")


_SPACES_REMOVED = Text(
    "surrounding spaces removed from values", "Leerzeichen am Anfang oder Ende entfernt"
)


def _strip_column(table: Table, column: str, record: Record) -> list[str]:
    values = [str(v) for v in table.frame[column].tolist()]
    stripped = [v.strip() for v in values]
    changed = [
        table.row(i) for i, (a, b) in enumerate(zip(values, stripped, strict=True)) if a != b
    ]
    if changed:
        record.add("cleaned", _SPACES_REMOVED, file=table.file, rows=changed, column=column)
    return stripped


#: At most this many record entries per column name single cleaned ids; the rest
#: are summed up in one entry.
_MAX_ID_ENTRIES = 20


def normalize_id_column(table: Table, column: str, record: Record) -> list[str]:
    """The ids of a column, normalised with :func:`~quartiernetz.io.names.normalize_id`.

    Stripped spaces are recorded in one entry for the column; every id changed in
    another way (Unicode form, invisible characters, non-breaking spaces) in an
    entry of its own that shows the code points.

    Examples
    --------
    >>> t = Table(pd.DataFrame({"source": ["AWO ", "QM\u200b"]}), "ties.csv", [2, 3])
    >>> rec = Record()
    >>> normalize_id_column(t, "source", rec)
    ['AWO', 'QM']
    >>> print(rec[1].render("de"))
    ties.csv (Zeilen 3), Spalte 'source': bereinigt 1: Id "QM<U+200B ZERO WIDTH SPACE>" als 'QM' gelesen: sie unterscheidet sich nur in unsichtbaren Zeichen (U+200B ZERO WIDTH SPACE)
    """
    values = ["" if v is None else str(v) for v in table.frame[column].tolist()]
    cleaned = [normalize_id(v) for v in values]
    spaces: list[int] = []
    other: dict[str, list[int]] = {}
    for i, (raw, clean) in enumerate(zip(values, cleaned, strict=True)):
        if raw == clean:
            continue
        kinds = id_changes(raw, clean)
        if kinds == ["spaces"]:
            spaces.append(table.row(i))
        else:
            other.setdefault(raw, []).append(table.row(i))
    if spaces:
        record.add("cleaned", _SPACES_REMOVED, file=table.file, rows=spaces, column=column)
    for k, (raw, rows) in enumerate(other.items()):
        if k == _MAX_ID_ENTRIES:
            rest = [r for rs in list(other.values())[k:] for r in rs]
            record.add(
                "cleaned",
                Text(
                    "{n} further ids normalised (Unicode form NFC, invisible characters "
                    "removed, non-breaking spaces made spaces)",
                    "{n} weitere Ids vereinheitlicht (Unicode-Form NFC, unsichtbare Zeichen "
                    "entfernt, geschützte Leerzeichen zu Leerzeichen)",
                ).format(n=len(other) - k),
                file=table.file,
                rows=sorted(rest),
                column=column,
            )
            break
        clean = normalize_id(raw)
        how = describe_difference(clean, raw)
        record.add(
            "cleaned",
            Text(
                f'id "{code_points(raw)}" read as {clean!r}: it {how.en}',
                f'Id "{code_points(raw)}" als {clean!r} gelesen: sie {how.de}',
            ),
            file=table.file,
            rows=rows,
            column=column,
        )
    return cleaned


def _review_variants(ids: Iterable[str], record: Record, *, file: str | None) -> None:
    """Record (and warn about) ids that differ only in case, spaces or punctuation."""
    groups: dict[str, list[str]] = {}
    for a in ids:
        groups.setdefault(variant_key(a), []).append(a)
    for key, names in groups.items():
        if len(names) < 2 or not key:
            continue
        first = names[0]
        en = [repr(first)] + [f"{n!r} ({describe_difference(first, n).en})" for n in names[1:]]
        de = [repr(first)] + [f"{n!r} ({describe_difference(first, n).de})" for n in names[1:]]
        text = Text(
            "possibly one actor under several spellings: {en}; kept as separate actors "
            "(if they are one, write one spelling in the data)",
            "möglicherweise ein Akteur in mehreren Schreibweisen: {de}; als getrennte Akteure "
            "behalten (falls es einer ist, in den Daten eine Schreibweise verwenden)",
        ).format(en=", ".join(en), de=", ".join(de))
        record.add("info", text, file=file, count=len(names), warn=False)
        warnings.warn(str(text), DataCleaningWarning, stacklevel=4)


def _attribute_columns(table: Table, used: set[str], record: Record) -> dict[str, list]:
    """Further columns: booleans where every value is true/false, numbers where every
    value is numeric (decimal commas allowed, leading zeros kept as text), else text.

    Columns that hold personal data (e-mail, phone, IP addresses, tokens, names of
    persons by their header; :func:`quartiernetz.privacy.find_personal_data`) are left
    out with a record entry that names the column and the kind of data, never a value.
    """
    out: dict[str, list] = {}
    text: list[str] = []
    for c in table.columns:
        if c in used:
            continue
        raw = [str(v).strip() for v in table.frame[c].tolist()]
        nonempty = {v.casefold() for v in raw if v}
        if nonempty and nonempty <= {"true", "false"}:
            out[c] = [(v.casefold() == "true") if v else np.nan for v in raw]
            continue
        nums = try_numeric(raw)
        if nums is not None:
            out[c] = nums
        else:
            out[c] = [v if v else np.nan for v in raw]
            text.append(c)
    # only text columns can hold e-mail, phone or IP addresses (a phone number with
    # its leading zero stays text); numbers and booleans are attributes as they are
    _, found = drop_personal_data(table.frame[text], record, file=table.file, free_text=False)
    for f in found:
        del out[f.column]
    return out


_TIE_COLUMNS = Text(
    "columns 'source' and 'target' naming actor ids",
    "Spalten 'source' und 'target' mit Akteurs-Ids",
)
_AFFILIATION_COLUMNS = Text("columns 'actor' and 'item'", "Spalten 'actor' und 'item'")
_EMPTY_ID = Text("the actor id is empty", "die Akteurs-Id ist leer")
_DUPLICATE_ROW = Text(
    "exact duplicate of an earlier row", "genaue Wiederholung einer früheren Zeile"
)


def _required_columns(table: Table, names: tuple[str, str], purpose: Text) -> tuple[str, str]:
    """The headers of the two columns a tie or affiliation table must have."""
    first, second = (
        find_column(table, name, aliases=ALIASES[name], required=True, purpose=purpose)
        for name in names
    )
    return first, second


def _optional_columns(
    table: Table,
    names: Iterable[str],
    used: set[str],
    record: Record,
    *,
    skip_aliases: Iterable[str] = (),
) -> dict[str, list[str]]:
    """The stripped values of each of ``names`` the table has as a column not ``used``
    yet (by its name or an alias not in ``skip_aliases``); the headers join ``used``."""
    skip = set(skip_aliases)
    out: dict[str, list[str]] = {}
    for name in names:
        aliases = tuple(a for a in ALIASES.get(name, ()) if a not in skip)
        col = find_column(table, name, aliases=aliases)
        if col is not None and col not in used:
            used.add(col)
            out[name] = _strip_column(table, col, record)
    return out


def _or_nan(values: list[str]) -> list[str | float]:
    """Empty texts as NaN (missing)."""
    return [v if v else np.nan for v in values]


def _empty_id(table: Table, i: int, column: str) -> InputError:
    """The problem of an empty actor id in row ``i`` of a tie or affiliation table."""
    return InputError(
        _EMPTY_ID,
        file=table.file,
        row=table.row(i),
        column=column,
        expected=Text("an actor id", "eine Akteurs-Id"),
    )


def _drop_repeated_rows(
    frame: pd.DataFrame, rows: np.ndarray, table: Table, record: Record
) -> tuple[pd.DataFrame, np.ndarray]:
    """``frame`` (and its file ``rows``) without rows that repeat an earlier one exactly."""
    dup = frame.astype(str).duplicated(keep="first").to_numpy()
    if dup.any():
        record.add("dropped", _DUPLICATE_ROW, file=table.file, rows=rows[dup].tolist())
        frame, rows = frame.loc[~dup].reset_index(drop=True), rows[~dup]
    return frame, rows


def check_actor_ids(
    table: Table,
    column: str,
    ids: list[str],
    *,
    raw: list[str] | None = None,
    problems: Problems | None = None,
) -> None:
    """Refuse an empty or repeated actor id, naming its row (and the first one's).

    Parameters
    ----------
    table : Table
    column : str
        The id column's header.
    ids : list of str
        The ids as compared (normalised with :func:`~quartiernetz.io.names.normalize_id`).
    raw : list of str, optional
        The ids as read; when two rows give one id in spellings that differ (e.g.
        Unicode form NFC and NFD), the message says how.
    problems : Problems, optional
        Collect the problems here instead of raising the first.

    Raises
    ------
    InputError
        For an empty id.
    DuplicateActorError
        For an id given twice.
    """
    seen: dict[str, int] = {}
    for i, a in enumerate(ids):
        err: InputError | None = None
        if not a:
            err = InputError(
                _EMPTY_ID,
                file=table.file,
                row=table.row(i),
                column=column,
                expected=Text("a non-empty id", "eine nicht leere Id"),
            )
        elif a in seen:
            first = seen[a]
            how_en = how_de = ""
            if raw is not None and raw[i] != raw[first]:
                how = describe_difference(raw[first], raw[i])
                how_en = f"; the two spellings look alike: this one {how.en}"
                how_de = f"; die beiden Schreibweisen sehen gleich aus: diese {how.de}"
            err = DuplicateActorError(
                Text(
                    f'the actor id "{a}" appears again (first in row {table.row(first)}){how_en}',
                    f'die Akteurs-Id "{a}" kommt erneut vor (zuerst in Zeile '
                    f"{table.row(first)}){how_de}",
                ),
                file=table.file,
                row=table.row(i),
                column=column,
                expected=Text("each id once", "jede Id einmal"),
                hint=Text(
                    "Give each actor its own id or merge the rows.",
                    "Jedem Akteur eine eigene Id geben oder die Zeilen zusammenführen.",
                ),
            )
        else:
            seen[a] = i
        if err is not None:
            if problems is None:
                raise err
            problems.add(err)


_ACTOR_FILE = Text("the actor table", "der Akteurstabelle")


def _unknown(
    a: str, table: Table, i: int, col: str, actor_ids: Iterable[str], actor_file: str | None
) -> UnknownActorError:
    where = Text(actor_file, actor_file) if actor_file else _ACTOR_FILE
    return UnknownActorError(
        Text(f'"{a}" is not an actor in {where.en}', f'"{a}" ist kein Akteur in {where.de}'),
        file=table.file,
        row=table.row(i),
        column=col,
        expected=Text(f"an id from {where.en}", f"eine Id aus {where.de}"),
        hint=_close(a, actor_ids),
    )


def _actors(table: Table, record: Record, problems: Problems) -> pd.DataFrame:
    id_col = find_column(
        table,
        "id",
        aliases=ALIASES["id"],
        required=True,
        purpose=Text(
            "a column 'id' with one unique id per actor",
            "eine Spalte 'id' mit einer eindeutigen Id je Akteur",
        ),
    )
    raw = ["" if v is None else str(v) for v in table.frame[id_col].tolist()]
    ids = normalize_id_column(table, id_col, record)
    check_actor_ids(table, id_col, ids, raw=raw, problems=problems)
    used = {id_col}
    found = _optional_columns(table, ACTOR_COLUMNS, used, record, skip_aliases=[id_col.casefold()])
    data: dict[str, list] = {canon: _or_nan(vals) for canon, vals in found.items()}
    if "label" in data:
        data["label"] = [
            lab if isinstance(lab, str) else a for lab, a in zip(data["label"], ids, strict=True)
        ]
    else:
        data["label"] = list(ids)
    data.setdefault("type", [np.nan] * len(ids))
    data.update(_attribute_columns(table, used, record))
    order = [c for c in ACTOR_COLUMNS if c in data] + [c for c in data if c not in ACTOR_COLUMNS]
    frame = pd.DataFrame({c: data[c] for c in order}, index=pd.Index(ids, name="id", dtype=object))
    if problems:
        # keep going with the ids that are usable, so that later tables are checked too
        frame = frame.loc[[bool(a) for a in ids]]
        frame = frame.loc[~frame.index.duplicated()]
    return frame


def _relations(table: Table, column: str, record: Record) -> list[str]:
    """The relation names: stripped, Unicode NFC, spellings that differ only in case
    merged into the first one (recorded); empty ones set to the default."""
    rels = [normalize_id(v) for v in table.frame[column].tolist()]
    first: dict[str, str] = {}
    merged: dict[str, list[int]] = {}
    for i, r in enumerate(rels):
        if not r:
            continue
        key = r.casefold()
        spelling = first.setdefault(key, r)
        if r != spelling:
            merged.setdefault(key, []).append(i)
            rels[i] = spelling
    raw = [str(v) for v in table.frame[column].tolist()]
    for key, positions in merged.items():
        variants = list(dict.fromkeys(normalize_id(raw[i]) for i in positions))
        shown = ", ".join(repr(v) for v in variants)
        record.add(
            "merged",
            Text(
                f"relation {shown} written as {first[key]!r} (relation names ignore case)",
                f"Beziehung {shown} als {first[key]!r} geschrieben (bei Beziehungsnamen zählt "
                "Groß- und Kleinschreibung nicht)",
            ),
            file=table.file,
            rows=[table.row(i) for i in positions],
            column=column,
        )
    default = first.get(DEFAULT_RELATION.casefold(), DEFAULT_RELATION)
    empty = [table.row(i) for i, r in enumerate(rels) if not r]
    if empty:
        record.add(
            "cleaned",
            Text(f'empty relation set to "{default}"', f'leere Beziehung auf "{default}" gesetzt'),
            file=table.file,
            rows=empty,
            column=column,
        )
    return [r or default for r in rels]


def _ties(
    table: Table,
    record: Record,
    *,
    actor_ids: set[str] | None,
    actor_file: str | None,
    directed: bool,
    merge_parallel: bool,
    problems: Problems,
) -> tuple[pd.DataFrame, list[str]]:
    src_col, tgt_col = _required_columns(table, ("source", "target"), _TIE_COLUMNS)
    src = normalize_id_column(table, src_col, record)
    tgt = normalize_id_column(table, tgt_col, record)
    new_actors: list[str] = []
    known = set(actor_ids) if actor_ids is not None else set()
    bad_rows: set[int] = set()
    for col, vals in ((src_col, src), (tgt_col, tgt)):
        for i, a in enumerate(vals):
            if not a:
                problems.add(_empty_id(table, i, col))
                bad_rows.add(i)
            elif a not in known:
                if actor_ids is not None:
                    problems.add(_unknown(a, table, i, col, actor_ids, actor_file))
                    bad_rows.add(i)
                    continue
                known.add(a)
                new_actors.append(a)
    used = {src_col, tgt_col}
    data: dict[str, list] = {"source": src, "target": tgt}
    rel_col = find_column(table, "relation", aliases=ALIASES["relation"])
    if rel_col is not None:
        used.add(rel_col)
        data["relation"] = _relations(table, rel_col, record)
    else:
        data["relation"] = [DEFAULT_RELATION] * len(src)
    int_col = find_column(table, "intensity", aliases=ALIASES["intensity"])
    if int_col is not None:
        used.add(int_col)
        found: list[InputError] = []
        values, defaulted = parse_numbers(
            table, int_col, default=1.0, minimum=0.0, what="a number >= 0", problems=found
        )
        for err in found:
            problems.add(err)
        if defaulted:
            record.add(
                "cleaned",
                Text("empty intensity set to 1", "leere Intensität auf 1 gesetzt"),
                file=table.file,
                rows=[table.row(i) for i in defaulted],
                column=int_col,
            )
        data["intensity"] = values.tolist()
    else:
        data["intensity"] = [1.0] * len(src)
    for opt, raw in _optional_columns(table, ("wave", "reported_by"), used, record).items():
        nums = try_numeric(raw) if opt == "wave" else None
        data[opt] = nums if nums is not None else _or_nan(raw)
    data.update(_attribute_columns(table, used, record))
    frame = pd.DataFrame(data)
    rows = np.asarray(table.rows, dtype=int)
    if problems:
        return frame.iloc[0:0], new_actors  # nothing is built from a table with problems

    # self-ties
    self_mask = frame["source"].to_numpy() == frame["target"].to_numpy()
    if self_mask.any():
        record.add(
            "dropped",
            Text("self-tie (source equals target)", "Selbstbeziehung (Quelle gleich Ziel)"),
            file=table.file,
            rows=rows[self_mask].tolist(),
        )
        frame, rows = frame.loc[~self_mask].reset_index(drop=True), rows[~self_mask]
    frame, rows = _drop_repeated_rows(frame, rows, table, record)
    # parallel ties of one pair, relation, wave (and reporter)
    if merge_parallel and len(frame):
        s, t = frame["source"].astype(str), frame["target"].astype(str)
        if directed:
            a, b = s, t
        else:
            a = s.where(s <= t, t)
            b = t.where(s <= t, s)
        keys = pd.DataFrame({"a": a, "b": b, "relation": frame["relation"]})
        for opt in ("wave", "reported_by"):
            if opt in frame:
                keys[opt] = frame[opt].astype(str)
        codes = keys.groupby(list(keys.columns), sort=False, dropna=False).ngroup().to_numpy()
        multi = np.bincount(codes)[codes] > 1
        if multi.any():
            first = ~pd.Series(codes).duplicated().to_numpy()
            largest = frame.groupby(codes)["intensity"].transform("max").to_numpy()
            reciprocal = (not directed) and bool(
                (frame.loc[multi].groupby(codes[multi])["source"].nunique() > 1).any()
            )
            frame["intensity"] = np.where(multi, largest, frame["intensity"].to_numpy())
            both = (
                Text(
                    " (both directions of an undirected tie)",
                    " (beide Richtungen einer ungerichteten Beziehung)",
                )
                if reciprocal
                else Text("", "")
            )
            why = (
                Text(
                    "ties of one pair and relation given more than once",
                    "Beziehungen eines Paares und einer Art mehrfach angegeben",
                )
                + both
                + Text(
                    " merged into one; intensity = the largest",
                    " zu einer zusammengeführt; Intensität = die größte",
                )
            )
            record.add(
                "merged",
                why,
                file=table.file,
                rows=rows[multi].tolist(),
                count=int(multi.sum() - (multi & first).sum()),
            )
            keep = first | ~multi
            frame, rows = frame.loc[keep].reset_index(drop=True), rows[keep]
    frame["intensity"] = frame["intensity"].astype(float)
    return frame, new_actors


def _affiliations(
    table: Table,
    record: Record,
    *,
    actor_ids: set[str],
    actor_file: str | None,
    strict: bool,
    problems: Problems,
) -> tuple[pd.DataFrame, list[str]]:
    actor_col, item_col = _required_columns(table, ("actor", "item"), _AFFILIATION_COLUMNS)
    actors = normalize_id_column(table, actor_col, record)
    items = _strip_column(table, item_col, record)
    new: list[str] = []
    for i, (a, it) in enumerate(zip(actors, items, strict=True)):
        if not a:
            problems.add(_empty_id(table, i, actor_col))
        elif a not in actor_ids:
            if strict:
                problems.add(_unknown(a, table, i, actor_col, actor_ids, actor_file))
            else:
                actor_ids.add(a)
                new.append(a)
        if not it:
            problems.add(
                InputError(
                    Text("the item is empty", "der Eintrag ist leer"),
                    file=table.file,
                    row=table.row(i),
                    column=item_col,
                    expected=Text(
                        "the name of a committee, offer or project",
                        "der Name eines Gremiums, Angebots oder Projekts",
                    ),
                )
            )
    used = {actor_col, item_col}
    data: dict[str, list] = {"actor": actors, "item": items}
    found = _optional_columns(table, ("kind", "target_group", "area"), used, record)
    data["kind"] = [k or DEFAULT_KIND for k in found.pop("kind", [""] * len(actors))]
    data.update({opt: _or_nan(vals) for opt, vals in found.items()})
    data.update(_attribute_columns(table, used, record))
    frame, _ = _drop_repeated_rows(
        pd.DataFrame(data), np.asarray(table.rows, dtype=int), table, record
    )
    return frame, new


def empty_ties() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source": pd.Series(dtype=object),
            "target": pd.Series(dtype=object),
            "relation": pd.Series(dtype=object),
            "intensity": pd.Series(dtype=float),
        }
    )


def empty_affiliations() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "actor": pd.Series(dtype=object),
            "item": pd.Series(dtype=object),
            "kind": pd.Series(dtype=object),
        }
    )


@dataclass(frozen=True)
class Frames:
    """The validated tables of a network and the record of what was cleaned.

    :meth:`quartiernetz.network.Network.from_frames` makes a network of them.
    """

    actors: pd.DataFrame
    ties: pd.DataFrame
    affiliations: pd.DataFrame
    directed: bool
    record: Record


def assemble_frames(
    actors: Table | None,
    ties: Table | None,
    affiliations: Table | None = None,
    *,
    directed: bool = False,
    record: Record | None = None,
    merge_parallel: bool = True,
    max_problems: int | None = None,
) -> Frames:
    """Validate and combine raw tables into the clean tables of a network.

    Parameters
    ----------
    actors, ties, affiliations : Table or None
        As read from files; ``actors`` None means actors come from the ties and
        affiliations (each added actor is recorded).
    directed : bool
        Whether the ties are arcs.
    record : Record, optional
        The record to extend; a new one when not given.
    merge_parallel : bool, default True
        Merge ties of one pair, relation, wave and reporter given more than once.
    max_problems : int, optional
        The most problems listed (the rest are counted); default :data:`MAX_PROBLEMS`.

    Returns
    -------
    Frames
        The actors (indexed by ``id``), ties and affiliations, and the record.

    Raises
    ------
    InputProblems
        Every problem found (missing columns, unknown or duplicate actors, bad
        intensities), sorted by file and row.

    Examples
    --------
    >>> import pandas as pd
    >>> frames = assemble_frames(
    ...     None, table_from_frame(pd.DataFrame({"source": ["qm"], "target": ["awo"]}), "ties")
    ... )
    >>> sorted(frames.actors.index), frames.ties["intensity"].tolist()
    (['awo', 'qm'], [1.0])
    """
    record = record if record is not None else Record()
    problems = Problems(max_problems)
    for t in (actors, ties, affiliations):
        if t is not None:
            for note in t.notes:
                record.add("info", note, file=t.file, warn=False)
            if t.skipped:
                record.add(
                    "dropped",
                    Text(
                        "row of separators only, without any value",
                        "Zeile nur aus Trennzeichen, ohne Wert",
                    ),
                    file=t.file,
                    rows=t.skipped,
                    warn=False,
                )
    if actors is not None:
        actor_frame = _actors(actors, record, problems)
        actor_ids: set[str] | None = set(actor_frame.index)
    else:
        actor_frame = None
        actor_ids = None
    actor_file = actors.file if actors is not None else None

    added: list[str] = []
    if ties is not None:
        tie_frame, new = _ties(
            ties,
            record,
            actor_ids=actor_ids,
            actor_file=actor_file,
            directed=directed,
            merge_parallel=merge_parallel,
            problems=problems,
        )
        added.extend(new)
    else:
        tie_frame = empty_ties()
    if affiliations is not None:
        ids = set(actor_ids) if actor_ids is not None else set(added)
        aff_frame, new = _affiliations(
            affiliations,
            record,
            actor_ids=ids,
            actor_file=actor_file,
            strict=actor_ids is not None,
            problems=problems,
        )
        added.extend(new)
    else:
        aff_frame = empty_affiliations()
    problems.raise_if_any()
    if actor_frame is None:
        actor_frame = pd.DataFrame(
            {"label": list(added), "type": [np.nan] * len(added)},
            index=pd.Index(added, name="id", dtype=object),
        )
        if added:
            src = (
                Text(ties.file, ties.file)
                if ties is not None
                else Text("the affiliations", "den Zugehörigkeiten")
            )
            record.add(
                "added",
                Text(
                    f"actors created from the ids named in {src.en} "
                    "(there is no actor table; labels are the ids, types unknown)",
                    f"Akteure aus den in {src.de} genannten Ids angelegt "
                    "(es gibt keine Akteurstabelle; Bezeichnungen sind die Ids, Typen unbekannt)",
                ),
                count=len(added),
                warn=False,
            )
    _review_variants(
        actor_frame.index, record, file=actor_file or (ties.file if ties is not None else None)
    )
    return Frames(actor_frame, tie_frame, aff_frame, bool(directed), record)
