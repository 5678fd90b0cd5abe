"""Inputs of the significance tests: square matrices on one actor set, dyad vectors, seeds.

Every test works on dyad vectors: the values of the cells (i, j), i != j, of one or
more n x n matrices in a fixed actor order (one cell per pair for undirected data).
A permutation of the actors moves the cell (i, j) to (p[i], p[j]); the tests gather
the permuted values from the flat matrix through index arrays and never rebuild a
matrix per permutation.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from ..conventions import as_generator
from ..exceptions import AnalysisError
from ..i18n import Text
from ..network import Network, as_graph

__all__ = [
    "Square",
    "Dyads",
    "ALIGN",
    "as_rng",
    "to_square",
    "align_squares",
    "error",
    "check_count",
    "permutation_chunks",
    "tail_pvalues",
    "MIN_ACTORS",
]

#: How networks on different actor sets are brought together.
ALIGN = (None, "intersection", "union")
#: The smallest network a test accepts (with 3 actors there are 6 permutations).
MIN_ACTORS = 4
#: Cells gathered per block of permutations (bounds the memory of a block: 8 bytes each).
BLOCK_CELLS = 2_000_000


def error(en: str, de: str, **values: Any) -> AnalysisError:
    """An :class:`AnalysisError` in English and German, ``values`` formatted into both."""
    return AnalysisError(Text(en, de).format(**values))


def as_rng(seed: int | np.random.Generator | None) -> np.random.Generator:
    """The random generator of a test: from an int, a Generator (used as it is) or None.

    Examples
    --------
    >>> int(as_rng(3).integers(100)) == int(as_rng(3).integers(100))
    True
    """
    return as_generator(seed)


def check_count(value: Any, name: str, *, minimum: int = 1) -> int:
    """``value`` as an int >= ``minimum``, else an error naming the option."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise error(
            "[[opt:{name}]] must be a whole number >= {m}, got {v!r}",
            "[[opt:{name}]] muss eine ganze Zahl >= {m} sein, erhalten: {v!r}",
            name=name,
            m=minimum,
            v=value,
        )
    return int(value)


@dataclass
class Square:
    """One input as an n x n float matrix with its actors (None: an unlabelled array)."""

    values: np.ndarray
    actors: list[Hashable] | None
    directed: bool | None
    name: str


def _label_list(values: Sequence[Hashable]) -> list[Hashable]:
    return [v.item() if isinstance(v, np.generic) else v for v in values]


def to_square(
    obj: Any,
    *,
    name: str,
    weight: str | None,
    directed: bool | None = None,
) -> Square:
    """An input (Network, networkx graph, DataFrame or numpy array) as a :class:`Square`.

    Networks and graphs give their adjacency matrix (``weight`` names the edge
    attribute with the values; None: 1 for a tie); ``directed`` converts them.
    """
    if isinstance(obj, (Network, nx.Graph)):
        G = as_graph(obj, directed=directed, weight=weight or "weight")
        nodes = list(G.nodes)
        A = nx.to_numpy_array(G, nodelist=nodes, weight=weight, dtype=float)
        if weight is not None and G.number_of_edges():
            missing = sum(1 for _, _, d in G.edges(data=True) if weight not in d)
            if missing:
                raise error(
                    "{name}: {k} of {m} edges have no attribute {w!r} "
                    "(pass [[opt:weight=None]] to count ties)",
                    "{name}: {k} von {m} Kanten haben kein Attribut {w!r} "
                    "(mit [[opt:weight=None]] werden Beziehungen gezählt)",
                    name=name,
                    k=missing,
                    m=G.number_of_edges(),
                    w=weight,
                )
        return Square(A, _label_list(nodes), G.is_directed(), name)
    if isinstance(obj, pd.DataFrame):
        if obj.shape[0] != obj.shape[1]:
            raise error(
                "{name}: the table has {r} rows and {c} columns; expected a square "
                "actor x actor matrix",
                "{name}: die Tabelle hat {r} Zeilen und {c} Spalten; erwartet: eine "
                "quadratische Akteur-x-Akteur-Matrix",
                name=name,
                r=obj.shape[0],
                c=obj.shape[1],
            )
        rows, cols = list(obj.index), list(obj.columns)
        if len(set(rows)) != len(rows) or set(rows) != set(cols):
            only_rows = [a for a in rows if a not in set(cols)]
            only_cols = [a for a in cols if a not in set(rows)]
            raise error(
                "{name}: row and column labels differ (only in rows: {a}; only in "
                "columns: {b}); expected the same actors in both",
                "{name}: Zeilen- und Spaltennamen unterscheiden sich (nur in Zeilen: {a}; "
                "nur in Spalten: {b}); erwartet: dieselben Akteure in beiden",
                name=name,
                a=_names(only_rows) or "-",
                b=_names(only_cols) or "-",
            )
        frame = obj.loc[rows, rows]
        values = _numeric(frame.to_numpy(), name)
        return Square(values, _label_list(rows), None, name)
    if isinstance(obj, np.ndarray):
        if obj.ndim != 2 or obj.shape[0] != obj.shape[1]:
            raise error(
                "{name}: an array of shape {s}; expected a square n x n matrix",
                "{name}: ein Array der Form {s}; erwartet: eine quadratische n-x-n-Matrix",
                name=name,
                s=obj.shape,
            )
        return Square(_numeric(obj, name), None, None, name)
    raise error(
        "{name}: expected a quartiernetz Network, a networkx graph, a square DataFrame "
        "or a numpy array, got {t}",
        "{name}: erwartet: ein quartiernetz-Network, ein networkx-Graph, ein quadratischer "
        "DataFrame oder ein numpy-Array, erhalten: {t}",
        name=name,
        t=type(obj).__name__,
    )


def _numeric(values: np.ndarray, name: str) -> np.ndarray:
    try:
        return np.array(values, dtype=float)
    except (TypeError, ValueError):
        raise error(
            "{name}: the matrix holds values that are not numbers; expected numbers",
            "{name}: die Matrix enthält Werte, die keine Zahlen sind; erwartet: Zahlen",
            name=name,
        ) from None


def _names(actors: Sequence[Hashable], limit: int = 8) -> str:
    shown = ", ".join(repr(a) for a in list(actors)[:limit])
    more = len(actors) - limit
    return shown + (f" (+{more})" if more > 0 else "")


def align_squares(
    squares: list[Square], *, align: str | None
) -> tuple[list[Hashable], list[np.ndarray]]:
    """One actor list and the matrices in its order.

    Unlabelled arrays take the order of the first labelled input (their size must
    match it); without any labelled input the actors are 0 .. n-1. Labelled inputs
    on different actor sets are an error naming the actors missing from each side,
    unless ``align`` is ``"intersection"`` (the actors all have) or ``"union"``
    (every actor; an actor absent from an input is an isolate there: zeros).
    """
    if align not in ALIGN:
        raise error(
            "[[opt:align]] must be None, 'intersection' or 'union', got {v!r}",
            "[[opt:align]] muss None, 'intersection' oder 'union' sein, erhalten: {v!r}",
            v=align,
        )
    labelled = [s for s in squares if s.actors is not None]
    if labelled:
        reference = labelled[0]
    else:
        reference = squares[0]
        reference = Square(
            reference.values, list(range(len(reference.values))), None, reference.name
        )
    ref_actors = list(reference.actors or [])
    for s in squares:
        if s.actors is None:
            if len(s.values) != len(ref_actors):
                raise error(
                    "{name}: an unlabelled matrix of {k} actors, but {ref} has {n}; an "
                    "array must list the same actors in the same order (or pass a "
                    "DataFrame with actor labels)",
                    "{name}: eine Matrix ohne Namen mit {k} Akteuren, {ref} hat aber {n}; "
                    "ein Array muss dieselben Akteure in derselben Reihenfolge enthalten "
                    "(oder einen DataFrame mit Akteursnamen übergeben)",
                    name=s.name,
                    k=len(s.values),
                    ref=reference.name,
                    n=len(ref_actors),
                )
            s.actors = list(ref_actors)
    ref_set = set(ref_actors)
    if align is None:
        for s in squares:
            other = set(s.actors or [])
            if other != ref_set:
                only_ref = [a for a in ref_actors if a not in other]
                only_other = [a for a in (s.actors or []) if a not in ref_set]
                raise error(
                    "{a} and {b} are on different actors: in {a} but not in {b}: {x}; in "
                    "{b} but not in {a}: {y}. Pass [[py:align='intersection'|cli:--align "
                    "intersection]] (actors in both) or [[py:align='union'|cli:--align union]] "
                    "(missing actors as isolates)",
                    "{a} und {b} haben verschiedene Akteure: in {a}, aber nicht in {b}: "
                    "{x}; in {b}, aber nicht in {a}: {y}. Mit [[py:align='intersection'|cli:"
                    "--align intersection]] (Akteure in beiden) oder [[py:align='union'|cli:"
                    "--align union]] (fehlende Akteure als Isolierte) angleichen",
                    a=reference.name,
                    b=s.name,
                    x=_names(only_ref) or "-",
                    y=_names(only_other) or "-",
                )
        actors = ref_actors
    elif align == "intersection":
        common = set.intersection(*(set(s.actors or []) for s in squares))
        actors = [a for a in ref_actors if a in common]
    else:
        actors = list(ref_actors)
        seen = set(actors)
        for s in squares:
            for a in s.actors or []:
                if a not in seen:
                    actors.append(a)
                    seen.add(a)
    mats = []
    for s in squares:
        pos = {a: i for i, a in enumerate(s.actors or [])}
        if list(s.actors or []) == actors:
            mats.append(s.values)
            continue
        idx = np.array([pos.get(a, -1) for a in actors], dtype=np.intp)
        present = idx >= 0
        M = np.zeros((len(actors), len(actors)))
        sub = idx[present]
        M[np.ix_(present, present)] = s.values[np.ix_(sub, sub)]
        mats.append(M)
    return actors, mats


class Dyads:
    """The cells of an n x n matrix that a test uses, and their permutations.

    Undirected: the cells below the diagonal (each pair once); directed: every
    cell off the diagonal. The diagonal is never used.
    """

    def __init__(self, n: int, *, directed: bool) -> None:
        self.n = n
        self.directed = directed
        if directed:
            r, c = np.nonzero(~np.eye(n, dtype=bool))
        else:
            r, c = np.tril_indices(n, -1)
        self.rows = r.astype(np.intp)
        self.cols = c.astype(np.intp)
        self.size = len(self.rows)
        self._position: np.ndarray | None = None
        # the smallest integer type that indexes the flat n x n matrix (faster takes)
        self._itype = np.int32 if n * n < 2**31 else np.intp
        self._rows_i = self.rows.astype(self._itype)
        self._cols_i = self.cols.astype(self._itype)

    def vector(self, M: np.ndarray) -> np.ndarray:
        """The dyad vector of ``M``."""
        return M[self.rows, self.cols]

    def matrix(self, v: np.ndarray) -> np.ndarray:
        """The full matrix of a dyad vector (mirrored when undirected), zero diagonal."""
        M = np.zeros((self.n, self.n))
        M[self.rows, self.cols] = v
        if not self.directed:
            M[self.cols, self.rows] = v
        return M

    def gather(
        self, full: np.ndarray, perms: np.ndarray, cells: np.ndarray | None = None
    ) -> np.ndarray:
        """The permuted dyad values of the flat matrix ``full``: (B, dyads) floats.

        One permutation at a time with 1-d index arrays (2-d fancy indexing is many
        times slower), without keeping the index arrays of the block.
        """
        r, c = self._ends(cells)
        out = np.empty((len(perms), len(r)))
        for b, p in enumerate(perms.astype(self._itype, copy=False)):
            idx = (p * self.n).take(r)
            idx += p.take(c)
            full.take(idx, out=out[b])
        return out

    def _ends(self, cells: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        if cells is None:
            return self._rows_i, self._cols_i
        return self._rows_i[cells], self._cols_i[cells]

    def position(self) -> np.ndarray:
        """n x n: the position in the dyad vector of each cell (both cells of a pair when
        undirected); -1 on the diagonal."""
        if getattr(self, "_position", None) is None:
            pos = np.full((self.n, self.n), -1, dtype=np.intp)
            k = np.arange(self.size, dtype=np.intp)
            pos[self.rows, self.cols] = k
            if not self.directed:
                pos[self.cols, self.rows] = k
            self._position = pos
        return self._position

    def block(self) -> int:
        """Permutations per block, so that a block gathers about BLOCK_CELLS cells."""
        return max(1, BLOCK_CELLS // max(self.size, 1))


def permutation_chunks(rng: np.random.Generator, n: int, total: int, block: int) -> list:
    """``total`` actor permutations in blocks of at most ``block`` rows.

    Drawn here, in order, so that the result does not depend on how the blocks are
    computed afterwards.
    """
    base = np.broadcast_to(np.arange(n, dtype=np.intp), (total, n))
    perms = rng.permuted(base, axis=1)
    return [perms[i : i + block] for i in range(0, total, block)]


def tail_pvalues(
    dist: np.ndarray, observed: float, *, center: float = 0.0
) -> tuple[float, float, float]:
    """``p_greater``, ``p_less``, ``p_two_sided``: shares of ``dist`` at least as extreme.

    Values equal to the observed one (up to rounding) count as at least as extreme,
    on both sides; the two-sided share compares distances from ``center``.
    """
    dist = np.asarray(dist, dtype=float)
    tol = 1e-9 * max(1.0, abs(observed))
    greater = float(np.mean(dist >= observed - tol))
    less = float(np.mean(dist <= observed + tol))
    two = float(np.mean(np.abs(dist - center) >= abs(observed - center) - tol))
    return greater, less, two
