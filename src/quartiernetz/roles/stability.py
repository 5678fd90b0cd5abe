"""How sure is the catalyst ranking? Resampling with missing actors, ties or reports."""

from __future__ import annotations

import warnings
from collections.abc import Hashable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Literal

import networkx as nx
import numpy as np
import pandas as pd

from ..conventions import renamed_keyword
from ..exceptions import AnalysisError
from ..network import Network
from ._graph import Prepared, group_codes, prepare, rng_from_seed
from .cost import AUTO_EXACT_SECONDS
from .index import (
    catalyst_ranking,
    catalyst_table,
    check_components,
    choose_approximation,
    stamp_table,
)

__all__ = ["catalyst_stability", "CatalystStability", "STABILITY_MODES"]

#: What a replicate leaves out.
STABILITY_MODES = ("actors", "ties", "reports")


@dataclass
class CatalystStability:
    """Result of :func:`catalyst_stability`.

    Attributes
    ----------
    actors : pandas.DataFrame
        One row per actor, in the order of the reference ranking: ``rank``
        and ``catalyst_score`` of the full network, ``present`` (replicates
        that kept the actor), ``top_k_share`` (share of those in which it was
        among the top k), ``rank_median``, ``rank_low`` and ``rank_high`` (5%
        and 95% quantiles of its rank), ``score_mean`` and ``score_sd``.
        Actors never kept have NaN in the replicate columns.
    replicates : pandas.DataFrame
        One row per replicate: ``actors`` and ``ties`` kept,
        ``top_k_overlap`` and ``rank_correlation`` (NaN when the kept scores
        are all equal).
    overall : pandas.DataFrame
        Indexed by figure, columns ``value`` and ``description``.
    """

    actors: pd.DataFrame
    replicates: pd.DataFrame
    overall: pd.DataFrame

    def to_frame(self) -> pd.DataFrame:
        """The per-actor table (:attr:`actors`), as every analysis returns a DataFrame.

        Examples
        --------
        >>> import networkx as nx
        >>> st = catalyst_stability(nx.krackhardt_kite_graph(), n=3, top=2, seed=0)
        >>> st.to_frame() is st.actors
        True
        """
        return self.actors

    def __repr__(self) -> str:
        o = self.overall["value"]
        return (
            f"<CatalystStability: {int(o['replicates'])} replicates, mode "
            f"{self.overall.loc['mode', 'description']!r}, top-{int(o['k'])} overlap "
            f"{o['top_k_overlap_mean']:.2f}, rank correlation {o['rank_correlation_mean']:.2f}>"
        )


def _spearman(a: np.ndarray, b: np.ndarray) -> float:
    """Spearman's rho: Pearson's r of the average ranks (as ``scipy.stats.spearmanr``).

    Here rather than scipy's, whose module takes 0.3 s to import in every report.

    Examples
    --------
    >>> round(_spearman(np.array([1.0, 2.0, 3.0, 4.0]), np.array([10.0, 20.0, 20.0, 40.0])), 12)
    0.948683298051
    """
    return float(np.corrcoef(_average_ranks(a), _average_ranks(b))[0, 1])


def _average_ranks(x: np.ndarray) -> np.ndarray:
    """Ranks from 1, ties sharing their mean rank (``pandas.Series.rank(method="average")``
    for values without NaN, the same floats: each is half an integer).

    Examples
    --------
    >>> _average_ranks(np.array([10.0, 20.0, 20.0, 5.0])).tolist()
    [2.0, 3.5, 3.5, 1.0]
    """
    order = np.argsort(x, kind="mergesort")
    xs = x[order]
    first = np.r_[True, xs[1:] != xs[:-1]]
    group = np.cumsum(first) - 1  # tie group of each sorted value
    bounds = np.r_[np.flatnonzero(first), len(x)]  # where each group starts, and the end
    ranks = np.empty(len(x))
    ranks[order] = 0.5 * (bounds[group] + bounds[group + 1] + 1)
    return ranks


@renamed_keyword("k", "top")
def catalyst_stability(
    net: Network | nx.Graph,
    *,
    drop: float = 0.1,
    n: int = 200,
    mode: Literal["actors", "ties", "reports"] = "actors",
    top: int = 10,
    seed: int | np.random.Generator | None = None,
    group: str | Mapping[Hashable, Any] | pd.Series | None = "type",
    weight: str | None = None,
    components: Mapping[str, float] | None = None,
    approximate: bool | None = None,
    samples: int | None = None,
    exact_seconds: float = AUTO_EXACT_SECONDS,
    **options: Any,
) -> CatalystStability:
    r"""How stable the top catalysts are when part of the data is missing.

    Each of ``n`` replicates leaves out a random share ``drop`` of the data,
    recomputes the catalyst index (only its components) and compares the
    ranking with the one of the full network.

    Parameters
    ----------
    net : Network or networkx.Graph
    drop : float, default 0.1
        Share left out per replicate, ``0 <= drop < 1`` (at least one item
        when ``drop > 0``).
    n : int, default 200
        Number of replicates.
    mode : {"actors", "ties", "reports"}, default "actors"
        ``"actors"``: remove actors with all their ties (node drop-out, as for
        organisations missing from the roster). ``"ties"``: remove ties (edge
        drop-out). ``"reports"``: survey networks only; remove all reports of a
        share of the reporting actors (more non-response): a tie disappears when
        every actor who reported it is left out (edge attribute ``reported_by``,
        as a Network's graph has it).
    top : int, default 10
        Size of the top group compared (capped at the actors kept). (Called
        ``k`` up to 0.1; ``k=`` still works with a DeprecationWarning for one
        release.)
    seed : int, numpy Generator or None
        Randomness of the replicates; the same seed gives the same result.
    group, weight, components
        As for :func:`~quartiernetz.roles.catalysts`.
    approximate, samples, exact_seconds
        As for :func:`~quartiernetz.roles.catalysts`: betweenness and closeness from sampled
        sources (drawn from ``seed``'s stream) in the reference and every replicate.
        With ``approximate=None`` the estimate for all ``n + 1`` computations is
        compared with ``exact_seconds``; ``overall.attrs`` records the choice as
        :func:`~quartiernetz.roles.catalysts`' ``attrs`` do.
    **options
        Passed to :func:`~quartiernetz.network.as_graph`.

    Returns
    -------
    CatalystStability
        ``actors``, ``replicates`` and ``overall`` tables (see the class);
        ``.to_frame()`` gives the per-actor table ``actors``.
        ``overall`` holds ``replicates``, ``drop``, ``k``, ``mode`` (in the
        description), ``top_k_overlap_mean``, ``top_k_overlap_p05``,
        ``rank_correlation_mean`` and ``rank_correlation_p05``.

    Notes
    -----
    Top-k overlap: of the reference top k among the actors kept (``k_r =
    min(k, kept)``), the share that is also in the replicate's top ``k_r``.
    Rank correlation: Spearman's rho between reference and replicate scores
    over the actors kept. Borgatti, Carley & Krackhardt (2006) used the same
    two criteria to show that centrality rankings degrade gracefully with
    random missing data; a top-k overlap near 1 means the named catalysts do
    not hinge on a few missing reports. Cost: n times the index components
    (betweenness dominates).

    References
    ----------
    .. [1] Borgatti, S. P., Carley, K. M. & Krackhardt, D. (2006). On the
       robustness of centrality measures under conditions of imperfect data.
       Social Networks 28(2), 124-136. doi:10.1016/j.socnet.2005.05.001

    Examples
    --------
    >>> import networkx as nx
    >>> st = catalyst_stability(nx.florentine_families_graph(), n=20, top=3, seed=1)
    >>> st.actors.index[0], bool(st.actors.loc["Medici", "top_k_share"] > 0.8)
    ('Medici', True)
    """
    if mode not in STABILITY_MODES:
        raise AnalysisError(f"mode must be one of {STABILITY_MODES}, got {mode!r}")
    if not 0 <= drop < 1:
        raise AnalysisError(f"drop must be a share from 0 to below 1, got {drop!r}")
    if not isinstance(n, (int, np.integer)) or n < 1:
        raise AnalysisError(f"n (replicates) must be a whole number >= 1, got {n!r}")
    if not isinstance(top, (int, np.integer)) or top < 1:
        raise AnalysisError(f"top must be a whole number >= 1, got {top!r}")
    k = top
    comps = check_components(components)
    rng = rng_from_seed(seed)
    prep = prepare(net, weight=weight, **options)
    notes: list = []
    codes, labels, _ = group_codes(prep, group, notes=notes)
    code_of = dict(zip(prep.nodes, codes.tolist(), strict=True))
    approx, info = choose_approximation(
        prep, approximate, samples, rng, exact_seconds=exact_seconds, repeats=int(n) + 1
    )
    ref = catalyst_table(
        prep, group, comps, full=False, codes=codes, labels=labels, approximate=approx
    )
    ref_order = list(ref.index)
    ref_score = ref["catalyst_score"]
    N = prep.n
    reporters, edge_reporters = _reporters(prep) if mode == "reports" else ([], [])
    if mode == "reports" and not reporters:
        raise AnalysisError(
            "mode='reports' needs survey reports: edges with the attribute 'reported_by' "
            "(a Network read from a survey); use mode='actors' or 'ties'"
        )

    ranks = np.full((n, N), np.nan)
    scores = np.full((n, N), np.nan)
    in_top = np.zeros((n, N), dtype=bool)
    rows = []
    pos = {v: i for i, v in enumerate(ref_order)}
    ref_scores = ref_score.to_numpy(dtype=float)
    for r in range(n):
        sub = _replicate(prep, mode, drop, rng, reporters, edge_reporters)
        sub_codes = np.array([code_of[v] for v in sub.nodes], dtype=np.int64)
        # each replicate only needs the ranking (the rows of catalyst_table without its
        # words and frames, which were most of a replicate's time on small networks)
        rank, score, order = catalyst_ranking(sub, sub_codes, comps, approx)
        # positions in the reference ranking: of the replicate's actors, of those kept in
        # reference order, and of the replicate's top in its own order
        idx = np.array([pos[v] for v in sub.nodes], dtype=np.int64)
        kept = np.sort(idx)
        kr = min(int(k), len(kept))
        ranks[r, idx] = rank
        scores[r, idx] = score
        top_rep = idx[order[:kr]]
        in_top[r, top_rep] = True
        overlap = len(set(kept[:kr].tolist()) & set(top_rep.tolist())) / kr if kr else np.nan
        a = ref_scores[kept]
        b = scores[r, kept]
        rho = np.nan
        if len(kept) > 2 and np.ptp(a) > 0 and np.ptp(b) > 0:
            rho = _spearman(a, b)
        # the ties kept: arcs of the prepared matrix (a simple graph without self-loops, every
        # tie > 0; both directions of an undirected tie), without walking the graph view
        edges = sub.W.nnz if sub.directed else sub.W.nnz // 2
        rows.append((len(kept), edges, overlap, rho))

    present = (~np.isnan(ranks)).sum(axis=0)
    with np.errstate(invalid="ignore"), _quiet():
        actors = pd.DataFrame(
            {
                "rank": ref["rank"].to_numpy(),
                "catalyst_score": ref_score.to_numpy(),
                "present": present.astype(np.int64),
                "top_k_share": np.where(
                    present > 0, in_top.sum(axis=0) / np.maximum(present, 1), np.nan
                ),
                "rank_median": np.nanmedian(ranks, axis=0),
                "rank_low": np.nanquantile(ranks, 0.05, axis=0),
                "rank_high": np.nanquantile(ranks, 0.95, axis=0),
                "score_mean": np.nanmean(scores, axis=0),
                "score_sd": np.nanstd(scores, axis=0),
            },
            index=ref.index,
        )
    replicates = pd.DataFrame(
        rows, columns=["actors", "ties", "top_k_overlap", "rank_correlation"]
    ).rename_axis("replicate")
    ov = replicates["top_k_overlap"].to_numpy(dtype=float)
    rc = replicates["rank_correlation"].to_numpy(dtype=float)
    with _quiet():
        figures = {
            "replicates": (float(n), "replicates drawn"),
            "drop": (float(drop), "share of actors, ties or reporters left out per replicate"),
            "k": (float(min(int(k), N)), "size of the top group compared"),
            "mode": (np.nan, mode),
            "top_k_overlap_mean": (
                _nanstat(np.nanmean, ov),
                "mean share of the top k that stays in the top k",
            ),
            "top_k_overlap_p05": (
                _nanstat(lambda x: np.nanquantile(x, 0.05), ov),
                "5% quantile of the top-k overlap (a bad case)",
            ),
            "rank_correlation_mean": (
                _nanstat(np.nanmean, rc),
                "mean Spearman correlation of the scores with the full network's",
            ),
            "rank_correlation_p05": (
                _nanstat(lambda x: np.nanquantile(x, 0.05), rc),
                "5% quantile of the rank correlation",
            ),
        }
    overall = pd.DataFrame(
        {
            "value": [v for v, _ in figures.values()],
            "description": pd.array([d for _, d in figures.values()], dtype=object),
        },
        index=pd.Index(list(figures), name="figure"),
    )
    stamp_table(overall, info, notes)
    stamp_table(actors, info, notes)
    return CatalystStability(actors=actors, replicates=replicates, overall=overall)


@contextmanager
def _quiet() -> Iterator[None]:
    """Silence numpy's 'all-NaN slice' and 'mean of empty slice' warnings."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        yield


def _nanstat(fn: Any, x: np.ndarray) -> float:
    if x.size == 0 or np.all(np.isnan(x)):
        return float("nan")
    return float(fn(x))


def _count(share: float, total: int) -> int:
    if share <= 0 or total == 0:
        return 0
    return min(total, max(1, int(round(share * total))))


def _reporters(prep: Prepared) -> tuple[list, list[frozenset]]:
    """The reporting actors and, per edge (in ``G.edges`` order), who reported it."""
    per_edge: list[frozenset] = []
    everyone: set = set()
    for _, _, d in prep.G.edges(data=True):
        raw = d.get("reported_by")
        if raw is None or (isinstance(raw, float) and np.isnan(raw)):
            who: frozenset = frozenset()
        else:
            who = frozenset(p.strip() for p in str(raw).split(";") if p.strip())
        per_edge.append(who)
        everyone |= who
    return sorted(everyone, key=str), per_edge


def _replicate(
    prep: Prepared,
    mode: str,
    drop: float,
    rng: np.random.Generator,
    reporters: list,
    edge_reporters: list[frozenset],
) -> Prepared:
    G = prep.G
    if mode == "actors":
        dropped = rng.choice(prep.n, size=_count(drop, prep.n), replace=False)
        keep = np.setdiff1d(np.arange(prep.n), dropped)
        # the kept actors' rows and columns of the prepared matrix; the graph only as a view
        W = prep.W[keep][:, keep].tocsr()
        W.sort_indices()
        nodes = [prep.nodes[i] for i in keep]
        return Prepared(
            G=G.subgraph(nodes), nodes=nodes, directed=prep.directed, weight=prep.weight, W=W
        )
    else:
        edges = list(G.edges)
        if mode == "ties":
            gone = set(
                rng.choice(len(edges), size=_count(drop, len(edges)), replace=False).tolist()
            )
        else:
            out = rng.choice(len(reporters), size=_count(drop, len(reporters)), replace=False)
            silent = {reporters[i] for i in out.tolist()}
            gone = {e for e, who in enumerate(edge_reporters) if who and who <= silent}
        H = G.copy()
        H.remove_edges_from([edges[e] for e in gone])
    return prepare(H, weight=prep.weight)
