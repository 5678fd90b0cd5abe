"""The record of what a loader cleaned, merged, added or dropped.

quartiernetz never changes input silently. Every reader writes what it did into a
:class:`Record` kept on the network object (``net.record``); each entry is also
issued once as a :class:`~quartiernetz.exceptions.DataCleaningWarning`, and the
command line prints the record.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field

import pandas as pd

from .exceptions import DataCleaningWarning
from .i18n import Text, render

__all__ = ["Record", "RecordEntry", "ACTIONS"]

#: The actions a record entry may name.
ACTIONS = ("dropped", "merged", "cleaned", "added", "info")


@dataclass(frozen=True)
class RecordEntry:
    """One thing a loader did to the input.

    Attributes
    ----------
    action : str
        One of ``dropped`` (rows left out), ``merged`` (rows combined into one),
        ``cleaned`` (values changed), ``added`` (rows created, e.g. actors named
        only in ties) and ``info`` (what was detected, e.g. the encoding).
    reason : str or Text
        Why, in a short sentence; a :class:`~quartiernetz.i18n.Text` where the
        reason exists in German and English (``str(entry)`` is English, the report
        and the command line render it with :meth:`render`).
    count : int
        How many input rows (or values) this concerns.
    file : str or None
        The file the rows came from.
    rows : tuple of int
        The rows as a spreadsheet user counts them (header = 1), where known.
    column : str or None
        The column concerned, where one is.
    """

    action: str
    reason: str | Text
    count: int = 1
    file: str | None = None
    rows: tuple[int, ...] = field(default_factory=tuple)
    column: str | None = None

    def __str__(self) -> str:
        return self.render("en")

    def render(self, lang: str = "en", *, interface: str = "python") -> str:
        """The entry as one line in ``lang`` (``"de"`` or ``"en"``) for ``interface``.

        Examples
        --------
        >>> e = RecordEntry("dropped", Text("empty row", "leere Zeile"), rows=(3, 4),
        ...                 count=2, file="ties.csv")
        >>> e.render("de")
        'ties.csv (Zeilen 3, 4): ausgelassen 2: leere Zeile'
        """
        w = _WORDS[lang if lang in _WORDS else "en"]
        where = self.file or ""
        if self.rows:
            shown = ", ".join(str(r) for r in self.rows[:10])
            more = w["more"].format(n=len(self.rows) - 10) if len(self.rows) > 10 else ""
            rows = f"{w['rows']} {shown}{more}"
            where += f" ({rows})" if where else rows
        if self.column:
            where += f", {w['column']} {self.column!r}"
        prefix = f"{where}: " if where else ""
        reason = render(self.reason, lang, interface=interface)
        if self.action == "info":
            return f"{prefix}{reason}"
        return f"{prefix}{w[self.action]} {self.count}: {reason}"


_WORDS = {
    "en": {
        "rows": "rows",
        "more": " and {n} more",
        "column": "column",
        "dropped": "dropped",
        "merged": "merged",
        "cleaned": "cleaned",
        "added": "added",
    },
    "de": {
        "rows": "Zeilen",
        "more": " und {n} weitere",
        "column": "Spalte",
        "dropped": "ausgelassen",
        "merged": "zusammengeführt",
        "cleaned": "bereinigt",
        "added": "ergänzt",
    },
}


class Record:
    """An ordered list of :class:`RecordEntry` objects.

    Examples
    --------
    >>> rec = Record()
    >>> rec.add("dropped", "self-tie (source equals target)", rows=[4], file="ties.csv",
    ...         warn=False)
    >>> print(rec)
    ties.csv (rows 4): dropped 1: self-tie (source equals target)
    >>> rec.count("dropped")
    1
    """

    def __init__(self, entries: Iterable[RecordEntry] = ()) -> None:
        self._entries: list[RecordEntry] = list(entries)

    def add(
        self,
        action: str,
        reason: str | Text,
        *,
        count: int | None = None,
        file: str | None = None,
        rows: Iterable[int] = (),
        column: str | None = None,
        warn: bool = True,
    ) -> None:
        """Append an entry and, unless ``warn=False``, issue it as a warning."""
        if action not in ACTIONS:
            raise ValueError(f"action must be one of {ACTIONS}, got {action!r}")
        rows = tuple(int(r) for r in rows)
        entry = RecordEntry(
            action=action,
            reason=reason,
            count=int(count if count is not None else max(len(rows), 1)),
            file=file,
            rows=rows,
            column=column,
        )
        self._entries.append(entry)
        if warn and action != "info":
            warnings.warn(str(entry), DataCleaningWarning, stacklevel=3)

    def extend(self, other: Iterable[RecordEntry]) -> None:
        """Append the entries of another record without warning again."""
        self._entries.extend(other)

    def count(self, action: str | None = None) -> int:
        """The number of input rows concerned by entries of ``action`` (all if None)."""
        return sum(e.count for e in self._entries if action is None or e.action == action)

    def to_frame(self) -> pd.DataFrame:
        """The entries as a DataFrame with columns action, reason, count, file, rows, column."""
        cols = ["action", "reason", "count", "file", "rows", "column"]
        data = [asdict(e) for e in self._entries]
        frame = pd.DataFrame(data, columns=cols)
        frame["rows"] = [" ".join(map(str, e.rows)) for e in self._entries]
        frame["reason"] = [str(e.reason) for e in self._entries]
        return frame

    def render(self, lang: str = "en", *, interface: str = "python") -> list[str]:
        """Every entry as one line in ``lang`` for ``interface`` (see :meth:`RecordEntry.render`)."""
        return [e.render(lang, interface=interface) for e in self._entries]

    def __iter__(self) -> Iterator[RecordEntry]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __getitem__(self, i: int) -> RecordEntry:
        return self._entries[i]

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self._entries)

    def __repr__(self) -> str:
        return f"<Record with {len(self)} entries>"
