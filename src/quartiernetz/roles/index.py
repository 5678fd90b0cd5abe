"""The catalyst table and the explained catalyst index (Netzwerk-Katalysatoren)."""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from ..exceptions import AnalysisError
from ..network import Network
from ..words import Reason
from ..words import why as render_why
from ._graph import Prepared, group_codes, prepare
from .brokerage import compute_brokerage
from .centrality import compute_centrality
from .cost import AUTO_EXACT_SECONDS, SAMPLE_BUDGET, choose_sampling, default_samples
from .holes import compute_holes
from .removal import compute_impact

__all__ = [
    "catalysts",
    "catalyst_index",
    "default_samples",
    "SAMPLE_BUDGET",
    "DEFAULT_COMPONENTS",
    "CATALYST_COLUMNS",
    "LOWER_IS_STRONGER",
]

#: Components of the catalyst index and their default weights.
DEFAULT_COMPONENTS: dict[str, float] = {
    "betweenness": 1.0,
    "cross_group_brokerage": 1.0,
    "effective_size": 1.0,
    "pairs_disconnected": 1.0,
}

#: Measures where a lower value means a stronger broker (ranked reversed).
LOWER_IS_STRONGER = frozenset({"constraint", "hierarchy"})

#: Measure columns of :func:`catalysts`, in order (after ``label`` and ``group``).
CATALYST_COLUMNS = (
    "degree",
    "betweenness",
    "closeness",
    "eigenvector",
    "effective_size",
    "efficiency",
    "constraint",
    "hierarchy",
    "brokerage_total",
    "cross_group_brokerage",
    "cross_group_ties",
    "fragmentation_loss",
    "pairs_disconnected",
    "actors_cut_off",
)

_WHY_THRESHOLD = 0.75
_WHY_MAX = 3


def _measures(
    prep: Prepared,
    codes: np.ndarray,
    needed: set[str],
    approximate: tuple[int, np.random.Generator] | None = None,
) -> dict[str, np.ndarray]:
    """The measure columns named in ``needed`` (and cheap companions), in node order."""
    out: dict[str, np.ndarray] = {}
    cent = needed & {"degree", "betweenness", "closeness", "eigenvector"}
    if cent:
        out.update(compute_centrality(prep, cent, approximate=approximate))
    if needed & {"effective_size", "efficiency", "constraint", "hierarchy"}:
        holes = compute_holes(prep)
        for c in ("effective_size", "efficiency", "constraint", "hierarchy"):
            out[c] = holes[c]
        # an isolate has no non-redundant contact: effective size 0, not undefined
        out["effective_size"] = np.nan_to_num(holes["effective_size"], nan=0.0)
    if needed & {"brokerage_total", "cross_group_brokerage"}:
        counts = compute_brokerage(prep, codes)
        out["brokerage_total"] = counts[:, 5].astype(np.int64)
        out["cross_group_brokerage"] = (counts[:, 5] - counts[:, 0]).astype(np.int64)
    if needed & {"fragmentation_loss", "pairs_disconnected", "actors_cut_off", "cross_group_ties"}:
        impact = compute_impact(prep, codes)
        for c in ("fragmentation_loss", "pairs_disconnected", "actors_cut_off", "cross_group_ties"):
            out[c] = impact[c]
    return out


def check_components(
    components: Mapping[str, float] | None, allowed: Any = CATALYST_COLUMNS
) -> dict[str, float]:
    if components is not None and not isinstance(components, Mapping):
        raise AnalysisError(
            f"components must be a mapping measure -> weight, got {type(components).__name__}"
        )
    comps = dict(DEFAULT_COMPONENTS if components is None else components)
    if not comps:
        raise AnalysisError("components must name at least one measure")
    unknown = sorted(set(comps) - set(allowed), key=str)
    if unknown:
        raise AnalysisError(f"unknown index components {unknown}; choose from {list(allowed)}")
    out: dict[str, float] = {}
    for name, w in comps.items():
        try:
            w = float(w)
        except (TypeError, ValueError):
            raise AnalysisError(
                f"weight of component {name!r} must be a number, got {w!r}"
            ) from None
        if not math.isfinite(w) or w < 0:
            raise AnalysisError(f"weight of component {name!r} must be >= 0, got {w!r}")
        out[name] = w
    if sum(out.values()) <= 0:
        raise AnalysisError("the component weights must not all be 0")
    return out


def _percentile(values: np.ndarray, *, lower_is_stronger: bool) -> np.ndarray:
    """Share of the other actors with a strictly weaker value (NaN = weakest)."""
    x = np.asarray(values, dtype=float)
    x = -x if lower_is_stronger else x
    x = np.where(np.isnan(x), -np.inf, x)
    n = len(x)
    if n < 2:
        return np.zeros(n)
    below = np.searchsorted(np.sort(x), x, side="left")
    return below / (n - 1)


def _scaled(values: np.ndarray, name: str) -> np.ndarray:
    """Min-max scaled to 0-1 (1 = the strongest actor; NaN = 0; reversed where low is strong)."""
    x = np.asarray(values, dtype=float)
    if name in LOWER_IS_STRONGER:
        x = -x
    finite = x[np.isfinite(x)]
    if finite.size == 0:
        return np.zeros(len(x))
    low, high = float(finite.min()), float(finite.max())
    if high == low:
        return np.zeros(len(x))
    return np.nan_to_num((x - low) / (high - low), nan=0.0)


def _top_share(values: np.ndarray, *, lower_is_stronger: bool) -> np.ndarray:
    """Share of actors with a value at least as strong (for "top 5%")."""
    x = np.asarray(values, dtype=float)
    x = -x if lower_is_stronger else x
    x = np.where(np.isnan(x), -np.inf, x)
    n = len(x)
    if n == 0:
        return np.zeros(0)
    at_least = n - np.searchsorted(np.sort(x), x, side="left")
    return at_least / n


def _used_components(
    values: Mapping[str, np.ndarray], comps: Mapping[str, float]
) -> dict[str, float]:
    """The components that count: weight > 0 and not equal for every actor."""
    used: dict[str, float] = {}
    for name, w in comps.items():
        x = np.asarray(values[name], dtype=float)
        finite = x[~np.isnan(x)]
        constant = finite.size == 0 or np.all(finite == finite[0])
        if w > 0 and not (constant and finite.size == len(x)):
            used[name] = w
    return used


def _score(values: Mapping[str, np.ndarray], used: Mapping[str, float], n: int) -> np.ndarray:
    """The catalyst score 0-100: weighted mean of the scaled components, rounded to 1e-10."""
    if used and n:
        total = sum(used.values())
        score = sum(w * _scaled(values[c], c) for c, w in used.items())
        score = score / total * 100.0
    else:
        score = np.zeros(n)
    return np.round(score, 10)


def catalyst_ranking(
    prep: Prepared,
    codes: np.ndarray,
    comps: dict[str, float],
    approximate: tuple[int, np.random.Generator] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``rank`` and ``catalyst_score`` in node order, and the ranking order.

    The same numbers as the columns of :func:`catalyst_table` with ``full=False``
    (the same measures in the same order, so a sampled betweenness draws the same
    sources), and ``order``: the node positions in that table's row order. Without the
    ``why`` words and the frames, which cost more than the measures on a small network
    (used by the stability replicates).

    Examples
    --------
    >>> import networkx as nx
    >>> prep = prepare(nx.karate_club_graph())
    >>> codes, labels, _ = group_codes(prep, "club")
    >>> comps = dict(DEFAULT_COMPONENTS)
    >>> table = catalyst_table(prep, "club", comps, full=False, codes=codes, labels=labels)
    >>> rank, score, order = catalyst_ranking(prep, codes, comps)
    >>> [prep.nodes[i] for i in order] == list(table.index)
    True
    >>> bool((rank[order] == table["rank"]).all())
    True
    >>> bool((score[order] == table["catalyst_score"]).all())
    True
    """
    n = prep.n
    values = _measures(prep, codes, set(comps) | {"degree", "betweenness"}, approximate)
    x = {c: np.asarray(v, dtype=float) for c, v in values.items()}
    score = _score(x, _used_components(x, comps), n)
    return (
        _min_ranks(score).astype(float),
        score,
        _ranking_order(x["degree"], x["betweenness"], score),
    )


def _min_ranks(score: np.ndarray) -> np.ndarray:
    """Ranks from the top, ties sharing the smaller rank: 1 + the number of strictly
    higher scores (``rank(method="min", ascending=False)`` for scores without NaN).

    Examples
    --------
    >>> _min_ranks(np.array([20.0, 50.0, 20.0, 0.0])).tolist()
    [2, 1, 2, 4]
    """
    return (len(score) - np.searchsorted(np.sort(score), score, side="right") + 1).astype(np.int64)


def _ranking_order(degree: np.ndarray, betweenness: np.ndarray, score: np.ndarray) -> np.ndarray:
    """Row order of the catalyst table: score, then betweenness, then degree, then node order."""
    return np.lexsort((np.arange(len(score)), -degree, -betweenness, -score))


def catalyst_index(
    table: pd.DataFrame,
    components: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Score, rank and explain actors from a table of measures.

    Parameters
    ----------
    table : pandas.DataFrame
        Indexed by actor, with (at least) the component columns.
    components : mapping, optional
        Component column -> weight (default :data:`DEFAULT_COMPONENTS`).

    Returns
    -------
    pandas.DataFrame
        ``catalyst_score`` (0-100), ``rank`` (1 = strongest; ties share the
        smaller rank), ``why``, ``reasons`` (as in :func:`catalysts`), and
        ``p_<component>`` (percentile ranks, 0-1), in the order of ``table``.

    See :func:`catalysts` for the formula.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"betweenness": [0.5, 0.1, 0.0]}, index=["a", "b", "c"])
    >>> catalyst_index(t, {"betweenness": 1})["catalyst_score"].tolist()
    [100.0, 20.0, 0.0]
    """
    comps = check_components(components, allowed=list(table.columns))
    n = len(table)
    values = {c: table[c].to_numpy(dtype=float) for c in comps}
    pct: dict[str, np.ndarray] = {}
    top: dict[str, np.ndarray] = {}
    for name in comps:
        lower = name in LOWER_IS_STRONGER
        pct[name] = _percentile(values[name], lower_is_stronger=lower)
        top[name] = _top_share(values[name], lower_is_stronger=lower)
    used = _used_components(values, comps)
    out = pd.DataFrame(index=table.index)
    score = _score(values, used, n)
    out["catalyst_score"] = score
    out["rank"] = _min_ranks(score)
    degree = table["degree"].to_numpy().tolist() if "degree" in table.columns else None
    # plain Python lists: indexing numpy arrays element by element is slow at 25,000 actors
    raw = {c: values[c].tolist() for c in used}
    pct_l = {c: pct[c].tolist() for c in used}
    top_l = {c: top[c].tolist() for c in used}
    reasons = np.empty(n, dtype=object)
    for i in range(n):
        if degree is not None and degree[i] == 0:
            reasons[i] = (Reason("no_ties"),)
            continue
        ranked = sorted(used, key=lambda c: (-pct_l[c][i], -used[c]))
        strong = [c for c in ranked if pct_l[c][i] >= _WHY_THRESHOLD][:_WHY_MAX]
        if strong:
            reasons[i] = tuple(_reason("strong", c, raw[c][i], top_l[c][i]) for c in strong)
        elif ranked and pct_l[ranked[0]][i] > 0:
            c = ranked[0]
            reasons[i] = (_reason("best", c, raw[c][i], top_l[c][i]),)
        elif ranked:
            reasons[i] = (Reason("no_broker"),)
        else:
            reasons[i] = (Reason("all_equal"),)
    out["why"] = pd.array([render_why(r, "en") for r in reasons], dtype=object)
    out["reasons"] = pd.Series(reasons, index=out.index, dtype=object)
    for name in comps:
        out[f"p_{name}"] = pct[name]
    return out


def _top_percent(top_share: float) -> int:
    return max(1, math.ceil(100 * top_share - 1e-9))


def _reason(kind: str, name: str, value: float, top_share: float) -> Reason:
    """One :class:`~quartiernetz.words.Reason` of a catalyst (see :func:`catalysts`)."""
    return Reason(
        kind, name, float(value), _top_percent(top_share), lower=name in LOWER_IS_STRONGER
    )


def catalysts(
    net: Network | nx.Graph,
    *,
    group: str | Mapping[Hashable, Any] | pd.Series | None = "type",
    weight: str | None = None,
    components: Mapping[str, float] | None = None,
    approximate: bool | None = None,
    samples: int | None = None,
    seed: int | np.random.Generator | None = None,
    exact_seconds: float = AUTO_EXACT_SECONDS,
    **options: Any,
) -> pd.DataFrame:
    r"""Who holds the network together: network catalysts, ranked and explained.

    Computes centrality, structural holes, Gould-Fernandez brokerage and the
    effect of each actor's removal, and combines them into one catalyst index.

    Parameters
    ----------
    net : Network or networkx.Graph
        The network; works on disconnected and directed graphs.
    group : str, mapping or None, default "type"
        Actor groups (node attribute or mapping actor -> group) for
        cross-group brokerage and ties. An attribute that no actor has is an
        error naming the attributes present, except the default ``"type"``:
        without it every actor is in one group (cross-group measures are then
        0 and leave the index) and ``attrs["notes"]`` says so. None: one group.
    weight : str, optional
        Edge attribute with tie strengths for betweenness, closeness,
        eigenvector and structural holes (None: every tie counts 1; a Network's
        combined intensity is ``"weight"``). Brokerage and removal are unweighted.
    components : mapping, optional
        Index components and their weights, e.g. ``{"betweenness": 2,
        "cross_group_brokerage": 1}``; keys from the measure columns below.
        Default :data:`DEFAULT_COMPONENTS`.
    approximate : bool or None, default None
        True: estimate betweenness and closeness from a sample of source
        actors instead of all (for very large networks; see Notes). False:
        always exact. None: exact when :func:`~quartiernetz.roles.estimate_seconds`
        is at most ``exact_seconds``, sampled above it. Every other column
        stays exact.
    samples : int, optional
        Source actors sampled in approximate mode (default
        :func:`default_samples`: as many as about 5 * 10^7 arc visits allow,
        at least 1,000); at least n gives the exact values.
    seed : int or numpy.random.Generator, optional
        Seed of the source sample (approximate mode only).
    exact_seconds : float, default :data:`~quartiernetz.roles.AUTO_EXACT_SECONDS` (10)
        With ``approximate=None``: the estimated seconds of the exact
        betweenness and closeness above which they are sampled.
    **options
        Passed to :func:`~quartiernetz.network.as_graph` (``directed``,
        ``relations``, ``min_intensity``, ``combine``, ``reconcile``, ``wave``).

    Returns
    -------
    pandas.DataFrame
        One row per actor, indexed by actor, sorted by ``catalyst_score``
        (descending; ties by betweenness, then degree, then graph order):

        - ``label`` (node attribute ``label``, else the id), ``group``;
        - ``rank`` (1 = strongest catalyst; equal scores share the rank),
          ``catalyst_score`` (0-100), ``why`` (the strongest components in
          English words: ``quartiernetz.words.why(reasons, "en")``);
        - ``reasons``: why, as data: per actor a tuple of
          :class:`quartiernetz.words.Reason` records ``(kind, measure, value, top,
          lower)``. ``kind`` is ``"strong"`` (one record per component in which the
          actor outranks at least 75% of the others, at most three, strongest
          first), ``"best"`` (no such component: the actor's best one),
          ``"no_ties"`` (an isolate), ``"no_broker"`` (lowest in every component)
          or ``"all_equal"`` (every actor equal in the components); ``measure`` is
          the component's column, ``value`` the actor's raw value, ``top`` its place
          in percent (``top`` % of the actors are at least as strong) and ``lower``
          True where a lower value is stronger. Render it in German or English with
          :func:`quartiernetz.words.why`;
        - ``degree`` (partners), ``betweenness`` (normalised as networkx),
          ``closeness``, ``eigenvector`` (see
          :func:`~quartiernetz.roles.centrality`);
        - ``effective_size`` (0 for an isolate), ``efficiency``,
          ``constraint``, ``hierarchy`` (see
          :func:`~quartiernetz.roles.structural_holes`);
        - ``brokerage_total`` (open two-paths brokered, all five roles),
          ``cross_group_brokerage`` (the four roles other than coordinator,
          i.e. two-paths that involve another group; see
          :func:`~quartiernetz.roles.brokerage`), ``cross_group_ties``;
        - ``fragmentation_loss``, ``pairs_disconnected``, ``actors_cut_off``
          (see :func:`~quartiernetz.roles.removal_impact`).

        NaN only in ``efficiency`` and ``constraint`` (isolates) and
        ``hierarchy`` (isolates and actors with one partner).

        ``attrs`` records how it was computed: ``approximate`` (True when
        betweenness and closeness were estimated from fewer sources than
        actors), ``samples`` (the sources, or None), ``estimated_seconds``
        (of the exact betweenness and closeness) and ``notes`` (bilingual
        :class:`~quartiernetz.i18n.Text` for a report: sampling, a missing
        default group attribute).

    Notes
    -----
    **Catalyst index.** Each component c with weight ``w_c`` is scaled to the
    strongest actor, ``s_c(i) = (x_c(i) - min_j x_c(j)) / (max_j x_c(j) -
    min_j x_c(j))`` (1 for the strongest, 0 for the weakest; reversed for
    ``constraint`` and ``hierarchy``, where low is strong; a missing value
    counts 0). Then

    ``catalyst_score(i) = 100 * sum_c w_c s_c(i) / sum_c w_c``.

    The default components weigh four views of brokerage equally:
    ``betweenness`` (Freeman: control of flows between others),
    ``cross_group_brokerage`` (Gould & Fernandez: mediating between
    municipality, welfare associations, clubs and initiatives),
    ``effective_size`` (Burt: non-redundant contacts that span structural
    holes) and ``pairs_disconnected`` (Borgatti's fragmentation: what falls
    apart without the actor; unlike ``fragmentation_loss`` it is not shifted
    by the size of the actor's own component in a disconnected network).
    Scaling to the strongest actor puts measures of different scales on one
    footing and keeps their distances: an actor that cuts one pendant partner
    off scores little on fragmentation next to one whose leaving splits the
    network, which percentile ranks of the mostly-zero fragmentation measure
    would not show. Components equal
    for every actor (e.g. cross-group brokerage without groups) carry no
    information and are left out. ``why`` names up to three components in
    which the actor outranks at least 75% of the others, strongest first, with
    the actor's value and its place ("top 5%": 5% of the actors have a value
    at least as strong); otherwise the best component ("no component in the
    top quarter; best: ..."), "no ties" for an isolate, or "no broker
    position" when the actor is lowest in every component.

    **Approximate mode.** Betweenness is estimated from ``samples`` source
    actors (Geisberger, Sanders & Schultes 2008 with networkit installed,
    otherwise Brandes & Pich 2007, both seeded), closeness from the distances
    of the same number of sampled sources (Eppstein & Wang 2004; exact for
    directed networks). The default sample makes a network of many small
    components exact. The accuracy measured by ``benchmarks/run.py`` is in
    ``docs/performance.md``. By default (``approximate=None``) the mode is
    chosen automatically: :func:`~quartiernetz.roles.estimate_seconds` turns
    the arc visits of the exact computation (``sum_c n_c a_c`` over the
    components) into seconds with constants calibrated on the development
    machine; above ``exact_seconds`` (10 s) the sample is used and
    ``attrs["notes"]`` says so.

    References
    ----------
    .. [1] Burt, R. S. (1992). Structural Holes. Harvard University Press.
    .. [2] Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation.
       Sociological Methodology 19, 89-126. doi:10.2307/270949
    .. [3] Borgatti, S. P. (2006). Identifying sets of key players in a social
       network. Computational and Mathematical Organization Theory 12, 21-34.
       doi:10.1007/s10588-006-7084-x
    .. [4] Freeman, L. C. (1977). A set of measures of centrality based on
       betweenness. Sociometry 40(1), 35-41. doi:10.2307/3033543
    .. [5] Brandes, U. & Pich, C. (2007). Centrality estimation in large
       networks. International Journal of Bifurcation and Chaos 17(7), 2303-2318.
       doi:10.1142/S0218127407018403
    .. [6] Geisberger, R., Sanders, P. & Schultes, D. (2008). Better approximation
       of betweenness centrality. Proceedings of ALENEX 2008, 90-100.
    .. [7] Eppstein, D. & Wang, J. (2004). Fast approximation of centrality.
       Journal of Graph Algorithms and Applications 8(1), 39-45.

    Examples
    --------
    >>> import networkx as nx
    >>> top = catalysts(nx.florentine_families_graph()).head(3)
    >>> top.index.tolist(), top["catalyst_score"].round(1).tolist()
    (['Medici', 'Guadagni', 'Albizzi'], [100.0, 50.1, 40.2])
    >>> print(top.loc["Albizzi", "why"])
    on many shortest paths between others (betweenness top 20%); many non-redundant partners
    (effective size 3.0; top 27%); leaving would disconnect 13 pairs of actors (top 27%)
    >>> top.loc["Albizzi", "reasons"][0]
    Reason(kind='strong', measure='betweenness', value=0.212..., top=20, lower=False)
    """
    comps = check_components(components)
    prep = prepare(net, weight=weight, **options)
    notes: list = []
    codes, labels, _ = group_codes(prep, group, notes=notes)
    approx, info = choose_approximation(
        prep, approximate, samples, seed, exact_seconds=exact_seconds
    )
    table = catalyst_table(
        prep, group, comps, full=True, codes=codes, labels=labels, approximate=approx
    )
    return stamp_table(table, info, notes)


def choose_approximation(
    prep: Prepared,
    approximate: bool | None,
    samples: int | None,
    seed: Any,
    *,
    exact_seconds: float = AUTO_EXACT_SECONDS,
    repeats: int = 1,
) -> tuple[tuple[int, np.random.Generator] | None, dict[str, Any]]:
    """``(k, rng)`` for the sampled betweenness (None: exact) and the record for ``attrs``."""
    return choose_sampling(
        prep, approximate, samples, seed, exact_seconds=exact_seconds, repeats=repeats
    )


def stamp_table(frame: pd.DataFrame, info: dict[str, Any], notes: list) -> pd.DataFrame:
    """Record how the table was computed in ``frame.attrs`` (see :func:`catalysts`)."""
    frame.attrs["approximate"] = bool(info["approximate"])
    frame.attrs["samples"] = info["samples"]
    frame.attrs["estimated_seconds"] = float(info["estimated_seconds"])
    frame.attrs["notes"] = [*notes, *info["notes"]]
    return frame


def catalyst_table(
    prep: Prepared,
    group: Any,
    comps: dict[str, float],
    *,
    full: bool,
    codes: np.ndarray | None = None,
    labels: list | None = None,
    approximate: tuple[int, np.random.Generator] | None = None,
) -> pd.DataFrame:
    if codes is None or labels is None:
        codes, labels, _ = group_codes(prep, group)
    needed = set(CATALYST_COLUMNS) if full else set(comps) | {"degree", "betweenness"}
    values = _measures(prep, codes, needed, approximate)
    cols = [c for c in CATALYST_COLUMNS if c in values]
    table = pd.DataFrame({c: values[c] for c in cols}, index=prep.index)
    scored = catalyst_index(table, comps)
    out = pd.DataFrame(index=prep.index)
    if full:
        out["label"] = pd.array(
            [str(prep.G.nodes[v].get("label", v)) for v in prep.nodes], dtype=object
        )
        out["group"] = pd.array([labels[c] for c in codes], dtype=object)
    out["rank"] = scored["rank"]
    out["catalyst_score"] = scored["catalyst_score"]
    out["why"] = scored["why"]
    out["reasons"] = scored["reasons"]
    out = pd.concat([out, table], axis=1)
    order = _ranking_order(
        table["degree"].to_numpy(dtype=float),
        table["betweenness"].to_numpy(dtype=float),
        out["catalyst_score"].to_numpy(dtype=float),
    )
    return out.iloc[order]
