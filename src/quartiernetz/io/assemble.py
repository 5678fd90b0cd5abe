"""Validate raw tables and assemble them into a :class:`~quartiernetz.network.Network`.

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
from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..exceptions import (
    DuplicateActorError,
    InputError,
    UnknownActorError,
)
from ..record import Record
from .text import Table, find_column, parse_numbers, try_numeric

__all__ = ["assemble", "table_from_frame", "ACTOR_COLUMNS", "TIE_COLUMNS", "AFFILIATION_COLUMNS"]

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


def _close(value: str, candidates: Iterable[str]) -> str:
    matches = difflib.get_close_matches(value, list(candidates), n=3, cutoff=0.6)
    if not matches:
        return ""
    return "Close matches: " + ", ".join(f'"{m}"' for m in matches) + "."


def _strip_column(table: Table, column: str, record: Record) -> list[str]:
    values = [str(v) for v in table.frame[column].tolist()]
    stripped = [v.strip() for v in values]
    changed = [
        table.row(i) for i, (a, b) in enumerate(zip(values, stripped, strict=True)) if a != b
    ]
    if changed:
        record.add(
            "cleaned",
            "surrounding spaces removed from values",
            file=table.file,
            rows=changed,
            column=column,
        )
    return stripped


def _attribute_columns(table: Table, used: set[str]) -> dict[str, list]:
    """Further columns: booleans where every value is true/false, numbers where every
    value is numeric (decimal commas allowed, leading zeros kept as text), else text."""
    out: dict[str, list] = {}
    for c in table.columns:
        if c in used:
            continue
        raw = [str(v).strip() for v in table.frame[c].tolist()]
        nonempty = {v.casefold() for v in raw if v}
        if nonempty and nonempty <= {"true", "false"}:
            out[c] = [(v.casefold() == "true") if v else np.nan for v in raw]
            continue
        nums = try_numeric(raw)
        out[c] = nums if nums is not None else [v if v else np.nan for v in raw]
    return out


def check_actor_ids(table: Table, column: str, ids: list[str]) -> None:
    """Refuse an empty or repeated actor id, naming its row (and the first one's).

    Raises
    ------
    InputError
        For an empty id.
    DuplicateActorError
        For an id given twice.
    """
    seen: dict[str, int] = {}
    for i, a in enumerate(ids):
        if not a:
            raise InputError(
                "the actor id is empty",
                file=table.file,
                row=table.row(i),
                column=column,
                expected="a non-empty id",
            )
        if a in seen:
            raise DuplicateActorError(
                f'the actor id "{a}" appears again (first in row {table.row(seen[a])})',
                file=table.file,
                row=table.row(i),
                column=column,
                expected="each id once",
                hint="Give each actor its own id or merge the rows.",
            )
        seen[a] = i


def _actors(table: Table, record: Record) -> pd.DataFrame:
    id_col = find_column(
        table,
        "id",
        aliases=ALIASES["id"],
        required=True,
        purpose="a column 'id' with one unique id per actor",
    )
    ids = _strip_column(table, id_col, record)
    check_actor_ids(table, id_col, ids)
    used = {id_col}
    data: dict[str, list] = {}
    for canon in ACTOR_COLUMNS:
        aliases = tuple(a for a in ALIASES.get(canon, ()) if a not in {id_col.casefold()})
        col = find_column(table, canon, aliases=aliases)
        if col is not None and col not in used:
            used.add(col)
            vals = _strip_column(table, col, record)
            data[canon] = [v if v else np.nan for v in vals]
    if "label" in data:
        data["label"] = [
            lab if isinstance(lab, str) else a for lab, a in zip(data["label"], ids, strict=True)
        ]
    else:
        data["label"] = list(ids)
    data.setdefault("type", [np.nan] * len(ids))
    data.update(_attribute_columns(table, used))
    order = [c for c in ACTOR_COLUMNS if c in data] + [c for c in data if c not in ACTOR_COLUMNS]
    frame = pd.DataFrame({c: data[c] for c in order}, index=pd.Index(ids, name="id", dtype=object))
    return frame


def _ties(
    table: Table,
    record: Record,
    *,
    actor_ids: set[str] | None,
    actor_file: str | None,
    directed: bool,
    merge_parallel: bool,
) -> tuple[pd.DataFrame, list[str]]:
    src_col = find_column(
        table,
        "source",
        aliases=ALIASES["source"],
        required=True,
        purpose="columns 'source' and 'target' naming actor ids",
    )
    tgt_col = find_column(
        table,
        "target",
        aliases=ALIASES["target"],
        required=True,
        purpose="columns 'source' and 'target' naming actor ids",
    )
    src = _strip_column(table, src_col, record)
    tgt = _strip_column(table, tgt_col, record)
    new_actors: list[str] = []
    known = set(actor_ids) if actor_ids is not None else set()
    for col, vals in ((src_col, src), (tgt_col, tgt)):
        for i, a in enumerate(vals):
            if not a:
                raise InputError(
                    "the actor id is empty",
                    file=table.file,
                    row=table.row(i),
                    column=col,
                    expected="an actor id",
                )
            if a not in known:
                if actor_ids is not None:
                    raise UnknownActorError(
                        f'"{a}" is not an actor in {actor_file or "the actor table"}',
                        file=table.file,
                        row=table.row(i),
                        column=col,
                        expected=f"an id from {actor_file or 'the actor table'}",
                        hint=_close(a, actor_ids),
                    )
                known.add(a)
                new_actors.append(a)
    used = {src_col, tgt_col}
    data: dict[str, list] = {"source": src, "target": tgt}
    rel_col = find_column(table, "relation", aliases=ALIASES["relation"])
    if rel_col is not None:
        used.add(rel_col)
        rels = _strip_column(table, rel_col, record)
        empty = [table.row(i) for i, r in enumerate(rels) if not r]
        if empty:
            record.add(
                "cleaned",
                f'empty relation set to "{DEFAULT_RELATION}"',
                file=table.file,
                rows=empty,
                column=rel_col,
            )
        data["relation"] = [r or DEFAULT_RELATION for r in rels]
    else:
        data["relation"] = [DEFAULT_RELATION] * len(src)
    int_col = find_column(table, "intensity", aliases=ALIASES["intensity"])
    if int_col is not None:
        used.add(int_col)
        values, defaulted = parse_numbers(
            table, int_col, default=1.0, minimum=0.0, what="a number >= 0"
        )
        if defaulted:
            record.add(
                "cleaned",
                "empty intensity set to 1",
                file=table.file,
                rows=[table.row(i) for i in defaulted],
                column=int_col,
            )
        data["intensity"] = values.tolist()
    else:
        data["intensity"] = [1.0] * len(src)
    for opt in ("wave", "reported_by"):
        opt_col = find_column(table, opt, aliases=ALIASES[opt])
        if opt_col is not None and opt_col not in used:
            used.add(opt_col)
            raw = _strip_column(table, opt_col, record)
            nums = try_numeric(raw) if opt == "wave" else None
            data[opt] = nums if nums is not None else [v if v else np.nan for v in raw]
    data.update(_attribute_columns(table, used))
    frame = pd.DataFrame(data)
    rows = np.asarray(table.rows, dtype=int)

    # self-ties
    self_mask = frame["source"].to_numpy() == frame["target"].to_numpy()
    if self_mask.any():
        record.add(
            "dropped",
            "self-tie (source equals target)",
            file=table.file,
            rows=rows[self_mask].tolist(),
        )
        frame, rows = frame.loc[~self_mask].reset_index(drop=True), rows[~self_mask]
    # exact duplicates
    dup = frame.astype(str).duplicated(keep="first").to_numpy()
    if dup.any():
        record.add(
            "dropped", "exact duplicate of an earlier row", file=table.file, rows=rows[dup].tolist()
        )
        frame, rows = frame.loc[~dup].reset_index(drop=True), rows[~dup]
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
            why = (
                "ties of one pair and relation given more than once"
                + (" (both directions of an undirected tie)" if reciprocal else "")
                + " merged into one; intensity = the largest"
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
    table: Table, record: Record, *, actor_ids: set[str], actor_file: str | None, strict: bool
) -> tuple[pd.DataFrame, list[str]]:
    actor_col = find_column(
        table,
        "actor",
        aliases=ALIASES["actor"],
        required=True,
        purpose="columns 'actor' and 'item'",
    )
    item_col = find_column(
        table, "item", aliases=ALIASES["item"], required=True, purpose="columns 'actor' and 'item'"
    )
    actors = _strip_column(table, actor_col, record)
    items = _strip_column(table, item_col, record)
    new: list[str] = []
    for i, (a, it) in enumerate(zip(actors, items, strict=True)):
        if not a:
            raise InputError(
                "the actor id is empty",
                file=table.file,
                row=table.row(i),
                column=actor_col,
                expected="an actor id",
            )
        if not it:
            raise InputError(
                "the item is empty",
                file=table.file,
                row=table.row(i),
                column=item_col,
                expected="the name of a committee, offer or project",
            )
        if a not in actor_ids:
            if strict:
                raise UnknownActorError(
                    f'"{a}" is not an actor in {actor_file or "the actor table"}',
                    file=table.file,
                    row=table.row(i),
                    column=actor_col,
                    expected=f"an id from {actor_file or 'the actor table'}",
                    hint=_close(a, actor_ids),
                )
            actor_ids.add(a)
            new.append(a)
    used = {actor_col, item_col}
    data: dict[str, list] = {"actor": actors, "item": items}
    kind_col = find_column(table, "kind", aliases=ALIASES["kind"])
    if kind_col is not None and kind_col not in used:
        used.add(kind_col)
        kinds = _strip_column(table, kind_col, record)
        data["kind"] = [k or DEFAULT_KIND for k in kinds]
    else:
        data["kind"] = [DEFAULT_KIND] * len(actors)
    for opt in ("target_group", "area"):
        col = find_column(table, opt, aliases=ALIASES[opt])
        if col is not None and col not in used:
            used.add(col)
            vals = _strip_column(table, col, record)
            data[opt] = [v if v else np.nan for v in vals]
    data.update(_attribute_columns(table, used))
    frame = pd.DataFrame(data)
    rows = np.asarray(table.rows, dtype=int)
    dup = frame.astype(str).duplicated(keep="first").to_numpy()
    if dup.any():
        record.add(
            "dropped", "exact duplicate of an earlier row", file=table.file, rows=rows[dup].tolist()
        )
        frame = frame.loc[~dup].reset_index(drop=True)
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


def assemble(
    actors: Table | None,
    ties: Table | None,
    affiliations: Table | None = None,
    *,
    directed: bool = False,
    record: Record | None = None,
    name: str | None = None,
    meta: dict | None = None,
    merge_parallel: bool = True,
):
    """Validate and combine raw tables into a :class:`~quartiernetz.network.Network`.

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
    """
    from ..network import Network

    record = record if record is not None else Record()
    for t in (actors, ties, affiliations):
        if t is not None:
            for note in t.notes:
                record.add("info", note, file=t.file, warn=False)
    if actors is not None:
        actor_frame = _actors(actors, record)
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
        )
        added.extend(new)
    else:
        tie_frame = empty_ties()
    if affiliations is not None:
        ids = set(actor_ids) if actor_ids is not None else set(added)
        aff_frame, new = _affiliations(
            affiliations, record, actor_ids=ids, actor_file=actor_file, strict=actor_ids is not None
        )
        added.extend(new)
    else:
        aff_frame = empty_affiliations()
    if actor_frame is None:
        actor_frame = pd.DataFrame(
            {"label": list(added), "type": [np.nan] * len(added)},
            index=pd.Index(added, name="id", dtype=object),
        )
        if added:
            source = ties.file if ties is not None else "the affiliations"
            record.add(
                "added",
                f"actors created from the ids named in {source} "
                "(there is no actor table; labels are the ids, types unknown)",
                count=len(added),
                warn=False,
            )
    return Network._from_clean(
        actor_frame,
        tie_frame,
        aff_frame,
        directed=directed,
        record=record,
        name=name,
        meta=meta or {},
    )
