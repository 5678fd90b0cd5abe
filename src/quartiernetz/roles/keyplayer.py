"""Borgatti's key-player problems: whose removal breaks the network, who reaches most."""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Callable, Hashable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from math import comb
from typing import Any, Literal

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse import csgraph

from ..exceptions import AnalysisError
from ..network import Network
from ._graph import prepare, rng_from_seed
from ._kernels import KERNELS
from .removal import distance_fragmentation, fragmentation

__all__ = ["key_players", "KeyPlayers", "KEY_PLAYER_MEASURES"]

#: The measures of :func:`key_players`: KPP-Neg (first two) and KPP-Pos (last two).
KEY_PLAYER_MEASURES = ("fragmentation", "distance_fragmentation", "reach", "distance_reach")

_EPS = 1e-12


@dataclass(frozen=True)
class KeyPlayers(Mapping[str, Any]):
    """Result of :func:`key_players`: the chosen set and how it was found.

    Attributes
    ----------
    set : list
        Actor ids of the set, in node order.
    score : float
        The measure's value for the set (for KPP-Neg: of the network without it).
    measure : str
        One of :data:`KEY_PLAYER_MEASURES`.
    method : str
        ``"exact"`` or ``"greedy"``.
    k : int
        Size of the set.
    baseline : float
        Score of the intact network (KPP-Neg), 0.0 for KPP-Pos.
    evaluated : int
        Sets scored.
    equivalent_sets : list of list
        Other sets with the same score, up to 20 (exact search only, else empty).

    Notes
    -----
    Up to 0.1 :func:`key_players` returned a dict. Reading a field by key
    (``kp["set"]``) still works for one release, with a DeprecationWarning;
    use the attribute (``kp.set``) or :meth:`to_frame`.
    """

    set: list[Hashable]
    score: float
    measure: str
    method: str
    k: int
    baseline: float
    evaluated: int
    equivalent_sets: list[list[Hashable]] = field(default_factory=list)

    def to_frame(self) -> pd.DataFrame:
        """One row per actor of the set (index ``actor``), with the set's figures.

        Columns ``position`` (1, 2, ... in node order), ``score``, ``baseline``,
        ``measure``, ``method`` and ``k``; ``attrs`` hold ``evaluated`` and
        ``equivalent_sets``.

        Examples
        --------
        >>> import networkx as nx
        >>> key_players(nx.krackhardt_kite_graph(), k=1).to_frame()["position"].tolist()
        [1]
        """
        frame = pd.DataFrame(
            {
                "position": np.arange(1, len(self.set) + 1, dtype=np.int64),
                "score": float(self.score),
                "baseline": float(self.baseline),
                "measure": self.measure,
                "method": self.method,
                "k": int(self.k),
            },
            index=pd.Index(list(self.set), name="actor", dtype=object),
        )
        frame.attrs["evaluated"] = int(self.evaluated)
        frame.attrs["equivalent_sets"] = [list(s) for s in self.equivalent_sets]
        return frame

    # the dict of 0.1, kept readable for one release
    def __getitem__(self, key: str) -> Any:
        if key not in self._names():
            raise KeyError(key)
        warnings.warn(
            f'key_players(...)["{key}"] is deprecated since 0.2 (key_players returns a '
            f"KeyPlayers object); use .{key} or .to_frame() "
            f'(key_players(...)["{key}"] ist veraltet; .{key} oder .to_frame() verwenden)',
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(self, key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())

    @classmethod
    def _names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))


def key_players(
    net: Network | nx.Graph,
    *,
    k: int = 1,
    measure: Literal[
        "fragmentation", "distance_fragmentation", "reach", "distance_reach"
    ] = "fragmentation",
    m: int = 1,
    method: Literal["auto", "exact", "greedy"] = "auto",
    max_exact: int = 10_000,
    starts: int = 10,
    seed: int | np.random.Generator | None = None,
    **options: Any,
) -> KeyPlayers:
    r"""The set of k actors that matters most for the network (Borgatti 2006).

    KPP-Neg asks whose removal breaks the network most (``fragmentation``,
    ``distance_fragmentation``: the score of the network *without* the set).
    KPP-Pos asks which k actors reach most others (``reach``,
    ``distance_reach``), e.g. to spread information through the quarter.

    Parameters
    ----------
    net : Network or networkx.Graph
        Directed ties count in either direction.
    k : int, default 1
        Size of the set, ``1 <= k < n``.
    measure : str, default "fragmentation"
        ``"fragmentation"``: ``F = 1 - sum_c s_c (s_c - 1) / (n' (n' - 1))`` over
        the ``n' = n - k`` actors left. ``"distance_fragmentation"``:
        ``DF = 1 - sum_{i != j} (1 / d_ij) / (n' (n' - 1))``. ``"reach"``: share
        of the other ``n - k`` actors within ``m`` steps of the set.
        ``"distance_reach"``: ``sum_{j not in set} (1 / d(set, j)) / (n - k)``
        (Borgatti's DR, divided by the actors outside the set so that 1 means
        everyone is adjacent to the set).
    m : int, default 1
        Steps for ``"reach"``.
    method : {"auto", "exact", "greedy"}, default "auto"
        ``"exact"`` tries every set of k actors. ``"greedy"`` adds the best actor
        one at a time, then swaps a member for a non-member while a swap
        improves the score (steepest ascent, as in Borgatti's KeyPlayer
        program); the swap search is repeated from ``starts`` random sets and
        the best result kept. This finds a local optimum, usually the global
        one, without guarantee. ``"auto"`` is exact when there are at most
        ``max_exact`` sets.
    max_exact : int, default 10000
        Largest number of candidate sets for ``"auto"`` to search exactly.
    starts : int, default 10
        Random starting sets of the swap search (``"greedy"`` only), besides
        the greedy one. Plateaus (many actors with equal gain) trap a single
        start: in the kite, greedy picks Heather and then any actor, while the
        optimal pair is Fernando and Garth.
    seed : int, numpy Generator or None
        Randomness of the starting sets; the same seed gives the same result.
    **options
        Passed to :func:`~quartiernetz.network.as_graph`.

    Returns
    -------
    KeyPlayers
        Attributes ``set`` (list of actor ids, in node order), ``score``
        (float), ``measure``, ``method`` (``"exact"`` or ``"greedy"``), ``k``,
        ``baseline`` (the score of the intact network for KPP-Neg, 0.0 for
        KPP-Pos), ``evaluated`` (sets scored) and ``equivalent_sets`` (other
        sets with the same score, up to 20; exact search only, else empty);
        :meth:`KeyPlayers.to_frame` gives one row per actor of the set. (A
        dict up to 0.1: ``kp["set"]`` still works, with a DeprecationWarning.)

    Notes
    -----
    Greedy steps for ``"fragmentation"`` score every candidate at once from
    the articulation points of the remaining network (see
    :func:`~quartiernetz.roles.removal_impact`), so each step is linear;
    the other measures score candidates one by one (distance measures cost one
    breadth-first search per actor and candidate).

    References
    ----------
    .. [1] Borgatti, S. P. (2006). Identifying sets of key players in a social
       network. Computational and Mathematical Organization Theory 12, 21-34.
       doi:10.1007/s10588-006-7084-x

    Examples
    --------
    >>> import networkx as nx
    >>> kp = key_players(nx.florentine_families_graph(), k=2)
    >>> kp.set, round(kp.score, 4), kp.method
    (['Medici', 'Guadagni'], 0.7051, 'exact')
    """
    if measure not in KEY_PLAYER_MEASURES:
        raise AnalysisError(f"measure must be one of {KEY_PLAYER_MEASURES}, got {measure!r}")
    if method not in ("auto", "exact", "greedy"):
        raise AnalysisError(f"method must be 'auto', 'exact' or 'greedy', got {method!r}")
    prep = prepare(net, **options)
    n = prep.n
    if not isinstance(k, (int, np.integer)) or isinstance(k, bool) or not 1 <= k < n:
        raise AnalysisError(
            f"k must be a whole number from 1 to n - 1 = {n - 1} (actors in the network), got {k!r}"
        )
    if not isinstance(m, (int, np.integer)) or m < 1:
        raise AnalysisError(f"m must be a whole number >= 1, got {m!r}")
    k = int(k)
    S = sp.csr_array(prep.S, dtype=np.float64)
    score = _scorer(S, measure, int(m))
    n_sets = comb(n, k)
    use_exact = method == "exact" or (method == "auto" and n_sets <= max_exact)
    if use_exact:
        best, best_sets, evaluated = _exact(n, k, score)
        chosen = list(best_sets[0])
        equivalent = [[prep.nodes[i] for i in s] for s in best_sets[1:21]]
        used = "exact"
    else:
        rng = rng_from_seed(seed)
        chosen, best, evaluated = _greedy(S, n, k, measure, score, max(0, int(starts)), rng)
        chosen = sorted(chosen)
        equivalent = []
        used = "greedy"
    negative = measure in ("fragmentation", "distance_fragmentation")
    baseline = score(()) if negative else 0.0
    return KeyPlayers(
        set=[prep.nodes[i] for i in chosen],
        score=float(best),
        measure=measure,
        method=used,
        k=k,
        baseline=float(baseline),
        evaluated=int(evaluated),
        equivalent_sets=equivalent,
    )


def _scorer(S: sp.csr_array, measure: str, m: int) -> Callable[[tuple[int, ...]], float]:
    n = S.shape[0]

    def remaining(removed: tuple[int, ...]) -> sp.csr_array:
        keep = np.ones(n, dtype=bool)
        keep[list(removed)] = False
        return S[keep][:, keep].tocsr()

    if measure == "fragmentation":

        def score(chosen: tuple[int, ...]) -> float:
            sub = remaining(chosen)
            if sub.shape[0] < 2:
                return 0.0
            _, labels = KERNELS["component_labels"](sub)
            return fragmentation(np.bincount(labels))

    elif measure == "distance_fragmentation":

        def score(chosen: tuple[int, ...]) -> float:
            return distance_fragmentation(remaining(chosen))

    elif measure == "reach":

        def score(chosen: tuple[int, ...]) -> float:
            if not chosen:
                return 0.0
            reached = np.zeros(n, dtype=bool)
            reached[list(chosen)] = True
            frontier = reached.astype(np.float64)
            for _ in range(m):
                nxt = (S @ frontier) > 0
                nxt &= ~reached
                if not nxt.any():
                    break
                reached |= nxt
                frontier = nxt.astype(np.float64)
            return float((reached.sum() - len(chosen)) / (n - len(chosen)))

    else:  # distance_reach

        def score(chosen: tuple[int, ...]) -> float:
            if not chosen:
                return 0.0
            D = csgraph.shortest_path(
                S, method="D", directed=False, unweighted=True, indices=list(chosen)
            )
            d = D.min(axis=0)
            mask = np.ones(n, dtype=bool)
            mask[list(chosen)] = False
            with np.errstate(divide="ignore"):
                inv = 1.0 / d[mask]
            inv[~np.isfinite(inv)] = 0.0
            return float(inv.sum() / (n - len(chosen)))

    return score


def _exact(
    n: int, k: int, score: Callable[[tuple[int, ...]], float]
) -> tuple[float, list[tuple[int, ...]], int]:
    best = -np.inf
    best_sets: list[tuple[int, ...]] = []
    evaluated = 0
    for combo in itertools.combinations(range(n), k):
        value = score(combo)
        evaluated += 1
        if value > best + _EPS:
            best = value
            best_sets = [combo]
        elif value >= best - _EPS:
            best_sets.append(combo)
    return float(best), best_sets, evaluated


def _fragmentation_each(S: sp.csr_array, removed: list[int]) -> np.ndarray:
    """F after removing ``removed`` plus each other actor in turn (NaN for members)."""
    n = S.shape[0]
    keep = np.setdiff1d(np.arange(n), removed)
    sub = S[keep][:, keep].tocsr()
    nk = len(keep)
    out = np.full(n, np.nan)
    if nk == 0:
        return out
    pieces = KERNELS["removal_pieces"](sub)
    _, labels = KERNELS["component_labels"](sub)
    sizes = np.bincount(labels).astype(np.int64)
    reach = int((sizes * (sizes - 1)).sum())
    s = pieces["component_size"]
    reach_after = reach - s * (s - 1) + 2 * pieces["pairs_after"]
    if nk - 1 >= 2:
        out[keep] = 1.0 - reach_after / ((nk - 1) * (nk - 2))
    else:
        out[keep] = 0.0
    return out


def _greedy(
    S: sp.csr_array,
    n: int,
    k: int,
    measure: str,
    score: Callable[[tuple[int, ...]], float],
    starts: int,
    rng: np.random.Generator,
) -> tuple[list[int], float, int]:
    evaluated = 0

    def candidates(base: list[int]) -> np.ndarray:
        """Score of base + v for every v (NaN for members of base)."""
        nonlocal evaluated
        if measure == "fragmentation":
            vals = _fragmentation_each(S, base)
        else:
            vals = np.full(n, np.nan)
            members = set(base)
            for v in range(n):
                if v not in members:
                    vals[v] = score(tuple(sorted([*base, v])))
        evaluated += int(np.count_nonzero(~np.isnan(vals)))
        return vals

    greedy: list[int] = []
    for _ in range(k):
        vals = candidates(greedy)
        greedy.append(int(np.nanargmax(vals)))
    begin = [greedy] + [
        sorted(rng.choice(n, size=k, replace=False).tolist()) for _ in range(starts)
    ]
    best_set: list[int] = []
    best = -np.inf
    for start in begin:
        chosen, current = _swap_search(start, candidates, score)
        evaluated += 1
        if current > best + _EPS:
            best_set, best = chosen, current
    return best_set, float(best), evaluated


def _swap_search(
    start: list[int],
    candidates: Callable[[list[int]], np.ndarray],
    score: Callable[[tuple[int, ...]], float],
) -> tuple[list[int], float]:
    """Steepest-ascent swaps from ``start`` until no swap improves the score."""
    chosen = list(start)
    current = score(tuple(sorted(chosen)))
    while True:
        best_gain, best_swap = _EPS, None
        for u in list(chosen):
            rest = [x for x in chosen if x != u]
            vals = candidates(rest)
            vals[u] = np.nan
            if np.all(np.isnan(vals)):
                continue
            v = int(np.nanargmax(vals))
            gain = vals[v] - current
            if gain > best_gain:
                best_gain, best_swap = gain, (u, v, vals[v])
        if best_swap is None:
            return chosen, float(current)
        u, v, value = best_swap
        chosen = [v if x == u else x for x in chosen]
        current = float(value)
