"""Answer cells to intensities with the codebook (a step of answer extraction)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ....exceptions import SurveyError
from ....i18n import Text
from ...assemble import Problems
from ..codebook import Codebook
from .common import split_cell

__all__ = ["ValueMapper"]

_HINT_BUILTIN = Text(
    "Pass a codebook with [[opt:codebook=FILE]] (value,intensity; an "
    "empty intensity means missing).",
    "Ein Codebuch mit [[opt:codebook=DATEI]] angeben (value,intensity; "
    "eine leere Intensität bedeutet fehlend).",
)
_HINT_FILE = Text(
    "Add the value to the codebook (an empty intensity means missing).",
    "Den Wert im Codebuch ergänzen (eine leere Intensität bedeutet fehlend).",
)


@dataclass
class ValueMapper:
    """Maps cells to intensities and counts how each value was read.

    Attributes
    ----------
    codebook : Codebook
    separators : sequence of str
        What joins several ticked options in one cell.
    file : str
        For messages.
    problems : Problems
        Where cells outside the codebook are reported (each one; NaN is returned for them).
    kind_counts : dict
        How many cells were read as each kind (``number``, ``code``, ``text``,
        ``missing``, ``multi``, …).
    codes_seen : set of str
        The negative missing codes met (``-9``, ``-99``).

    Examples
    --------
    >>> import numpy as np
    >>> m = ValueMapper(Codebook.default(), (), "t.csv", Problems())
    >>> m.map(np.array([["2", ""]], dtype=object), ["a", "b"], np.array([2])).tolist()
    [[2.0, nan]]
    """

    codebook: Codebook
    separators: Sequence[str]
    file: str
    problems: Problems
    kind_counts: dict[str, int] = field(default_factory=dict)
    codes_seen: set[str] = field(default_factory=set)

    def _lookup(self, u: str) -> tuple[float, str] | None:
        cb, seps = self.codebook, self.separators
        hit = cb.lookup(u)
        if hit is None and any(s.strip() and s.strip() in u for s in seps):
            parts = split_cell(u, seps, lambda t: cb.lookup(t) is not None)
            found = [cb.lookup(p) for p in parts]
            if parts and all(f is not None for f in found):
                xs = [f[0] for f in found if f is not None and not math.isnan(f[0])]
                hit = (max(xs) if xs else math.nan, "multi")
        return hit

    def _problem(self, u: str, row: int, column: str, what: str) -> SurveyError:
        cb = self.codebook
        src = cb.source_text()
        return SurveyError(
            Text(
                f'the {what} "{u.strip()}" is not in {src.en}',
                f'die Antwort "{u.strip()}" steht nicht in {src.de}',
            ),
            file=self.file,
            row=row,
            column=column,
            expected=cb.describe_expected(),
            hint=_HINT_BUILTIN if cb.builtin else _HINT_FILE,
        )

    def map(
        self, cells: np.ndarray, columns: Sequence[str], rows: np.ndarray, what: str = "answer"
    ) -> np.ndarray:
        """Intensities of a 2-D array of cells (NaN = missing, and for cells outside the codebook)."""
        R, C = cells.shape
        if R == 0 or C == 0:
            return np.zeros((R, C), dtype=float)
        uniq, inv = np.unique(cells.ravel().astype(str), return_inverse=True)
        inv = inv.reshape(-1)
        values = np.empty(len(uniq), dtype=float)
        kinds: list[str] = []
        bad: list[tuple[int, str]] = []  # (position in cells, value)
        for j, u in enumerate(uniq):
            hit = self._lookup(u)
            if hit is None:
                bad += [(int(pos), u) for pos in np.flatnonzero(inv == j)]
                hit = (math.nan, "unknown")
            values[j] = hit[0]
            kinds.append(hit[1])
        for pos, u in sorted(bad):  # row by row, column by column
            r, c = divmod(pos, C)
            self.problems.add(self._problem(u, int(rows[r]), columns[c], what))
        counts = pd.Series(np.array(kinds, dtype=object)[inv]).value_counts()
        for k, n in counts.items():
            self.kind_counts[str(k)] = self.kind_counts.get(str(k), 0) + int(n)
        self.codes_seen |= {u.strip() for u, k in zip(uniq, kinds, strict=True) if k == "code"}
        return values[inv].reshape(R, C)
