"""What the exact shortest-path measures cost, and when the automatic mode samples.

Betweenness and closeness are the only catalyst measures whose cost grows faster
than the ties: Brandes' algorithm and the closeness searches visit every arc once
from every source, ``sum_c n_c a_c`` arc visits over the connected components
(``n_c`` actors, ``a_c`` arcs; an undirected tie is two arcs). Everything else
is near-linear. :func:`estimate_seconds` turns those visits into seconds with
constants measured on the development machine (see :data:`SECONDS_PER_ARC_VISIT`
and ``docs/performance.md``), and :func:`choose_sampling` decides, for
``approximate=None``, whether the exact computation fits :data:`AUTO_EXACT_SECONDS`.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from typing import Any

import networkx as nx
import numpy as np

from ..exceptions import AnalysisError
from ..i18n import Text
from ..network import Network
from ._decompose import FOLD_CORRECTION_COST, fold_pendants, plan_betweenness
from ._graph import Prepared, prepare, rng_from_seed
from ._kernels import component_labels, integer_lengths

__all__ = [
    "AUTO_EXACT_SECONDS",
    "SECONDS_PER_ARC_VISIT",
    "SECONDS_PER_PAIR",
    "SECONDS_PER_ARC_VISIT_COMPILED_WEIGHTED",
    "SAMPLE_BUDGET",
    "AUTO_MIN_SAMPLES",
    "SAMPLED_COST_FACTOR",
    "default_samples",
    "path_work",
    "exact_work",
    "distance_seconds",
    "estimate_seconds",
    "choose_sampling",
]

#: Seconds per arc visit of the exact kernels, by (measure, weighted). Calibrated on the
#: development machine (2 cores shared with other jobs, load average about 5) from
#: ``networkx.gnm_random_graph`` networks of 2,000-4,000 actors and 10,000-40,000 ties:
#: rustworkx betweenness 34-51 ns, rustworkx closeness 20-48 ns, the pure-Python
#: weighted Brandes 790-870 ns, scipy's weighted Dijkstra 6.3 ns per visit plus
#: :data:`SECONDS_PER_PAIR` per pair of actors. The upper values are kept, so the
#: estimate errs on the slow side.
SECONDS_PER_ARC_VISIT: dict[tuple[str, bool], float] = {
    ("betweenness", False): 5.0e-8,
    ("closeness", False): 4.8e-8,
    ("betweenness", True): 8.7e-7,
    ("closeness", True): 6.3e-9,
}
#: Seconds per arc visit of networkit's weighted betweenness (the compiled path, used when
#: networkit is installed and the strengths scale to integer lengths): 32-67 ns measured
#: (CPU time, one thread) on ``gnm_random_graph`` networks of 2,000 and 3,000 actors with
#: 10,000 and 30,000 ties, against 23-28 ns for rustworkx's unweighted betweenness.
SECONDS_PER_ARC_VISIT_COMPILED_WEIGHTED = 7.0e-8
#: Seconds per (ordered) pair of actors of scipy's weighted closeness (dense distance rows).
SECONDS_PER_PAIR = 3.2e-7
#: ``approximate=None``: exact when the estimate for betweenness and closeness is at most
#: this many seconds, sampled above it.
AUTO_EXACT_SECONDS = 10.0
#: Arc visits the default sample of the approximate mode aims at.
SAMPLE_BUDGET = 50_000_000
#: ``approximate=None``: the fewest sources the automatic mode samples (it aims at
#: ``exact_seconds`` of sampled work, but never below this many sources).
AUTO_MIN_SAMPLES = 300
#: Sampled betweenness (networkit) costs about this many times the engine's exact cost
#: per source (measured: 37-134 ns per arc visit against 34-51 ns).
SAMPLED_COST_FACTOR = 1.5

_MEASURES = ("betweenness", "closeness")


def german_number(x: float, digits: int = 0) -> str:
    """A number with German thousands separators (1.000)."""
    return f"{x:,.{digits}f}".replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def default_samples(n: int, work: float | None = None) -> int:
    """Source actors sampled in approximate mode by default.

    ``min(n, max(1000, ceil(n * SAMPLE_BUDGET / work)))``, where ``work`` is the
    number of arc visits of the exact computation (``sum_c n_c a_c`` over the
    connected components, ``a_c`` their arcs; default ``n`` times ``n``). A
    network of many small components (the programme network) is then computed
    exactly; a large connected one from 1,000 sources or more.

    Examples
    --------
    >>> default_samples(500), default_samples(26_000, work=26_000 * 103_000)
    (500, 1000)
    >>> default_samples(25_114, work=4e6)
    25114
    """
    import math

    n = int(n)
    work = float(n) * n if work is None else float(work)
    budget = math.ceil(n * SAMPLE_BUDGET / work) if work > 0 else n
    return min(n, max(1000, budget))


def path_work(prep: Prepared) -> float:
    """Arc visits of one exact betweenness or closeness: ``sum_c n_c a_c`` over components."""
    if prep.n == 0:
        return 0.0
    _, labels = component_labels(prep.S)
    sizes = np.bincount(labels, minlength=1).astype(float)
    arcs = np.bincount(labels, weights=np.diff(prep.W.indptr), minlength=1)
    return float((sizes * arcs).sum())


def exact_work(prep: Prepared) -> dict[str, float]:
    """Arc visits of the exact betweenness and closeness as the kernels run them.

    An undirected network's trees are folded into their roots
    (:mod:`quartiernetz.roles._decompose`): closeness then visits the arcs of
    the reduced network from each of its actors. Betweenness runs on the
    blocks of the reduced network where that pays
    (:func:`~quartiernetz.roles._decompose.plan_betweenness`): the engine
    visits each block's arcs from each of its actors, and the vectorised
    correction costs :data:`~quartiernetz.roles._decompose.FOLD_CORRECTION_COST`
    times the arcs of its batch of blocks for each actor where paths enter a
    block from outside. A directed network costs :func:`path_work` for both.

    Examples
    --------
    >>> import networkx as nx
    >>> from quartiernetz.roles._graph import prepare
    >>> G = nx.cycle_graph(10)
    >>> exact_work(prepare(G)) == {"betweenness": 200.0, "closeness": 200.0}
    True
    """
    plain = path_work(prep)
    work = {"betweenness": plain, "closeness": plain}
    if prep.n < 3 or (prep.W != prep.W.T).nnz:
        return work
    ones = prep.S.astype(np.float64)
    fold = fold_pendants(ones)
    kept = np.flatnonzero(fold.kept)
    if len(kept) < prep.n:
        R = prep.S[kept][:, kept]
        _, labels = component_labels(R)
        sizes = np.bincount(labels, minlength=1).astype(float)
        arcs = np.bincount(labels, weights=np.diff(R.indptr), minlength=1)
        work["closeness"] = float((sizes * arcs).sum())
    plan = plan_betweenness(prep.W, weighted=False, fold=fold)
    if plan is not None:
        work["betweenness"] = plan.engine_work + FOLD_CORRECTION_COST * plan.correction_work
    return work


def _compiled_weighted(prep: Prepared) -> bool:
    """Whether weighted betweenness runs on networkit (installed, integer lengths)."""
    return prep.weight is not None and fast_installed() and integer_lengths(prep.W) is not None


def _seconds(
    work: float | dict[str, float],
    n: int,
    weighted: bool,
    measures: Iterable[str],
    *,
    compiled: bool = False,
) -> float:
    total = 0.0
    for m in measures:
        w = work[m] if isinstance(work, dict) else work
        per_visit = SECONDS_PER_ARC_VISIT[(m, weighted)]
        if m == "betweenness" and weighted and compiled:
            per_visit = SECONDS_PER_ARC_VISIT_COMPILED_WEIGHTED
        total += per_visit * w
        if m == "closeness" and weighted:
            total += SECONDS_PER_PAIR * float(n) * n
    return total


def estimate_seconds(
    net: Network | nx.Graph | None = None,
    *,
    n: int | None = None,
    m: int | None = None,
    directed: bool = False,
    weight: str | None = None,
    measures: Iterable[str] = _MEASURES,
    **options: Any,
) -> float:
    """Estimated seconds of the exact betweenness and closeness of a network.

    The cost that dominates :func:`~quartiernetz.roles.catalysts` (and
    betweenness alone that of :func:`~quartiernetz.descriptives.summary`) on a
    large connected network. Everything else the catalyst table computes is
    near-linear in the ties.

    Parameters
    ----------
    net : Network or networkx.Graph, optional
        The network; its connected components are taken into account (a network
        of many small components is cheap).
    n, m : int, optional
        Instead of ``net``: actors and ties of one connected network (an upper
        bound for a disconnected one).
    directed : bool, default False
        With ``n`` and ``m``: whether the ``m`` ties are arcs.
    weight : str, optional
        Tie strengths as for :func:`~quartiernetz.roles.centrality` (weighted
        betweenness runs on networkit where installed and the strengths scale
        to integer lengths, otherwise on a pure-Python kernel, about 17 times
        slower than the unweighted engine).
    measures : iterable of str, default ("betweenness", "closeness")
    **options
        Passed to :func:`~quartiernetz.network.as_graph`.

    Returns
    -------
    float
        Seconds on the development machine (see :data:`SECONDS_PER_ARC_VISIT`);
        a faster or idle machine needs less, by up to a factor of about 2.

    Examples
    --------
    >>> round(estimate_seconds(n=5_000, m=200_000))
    196
    >>> import networkx as nx
    >>> estimate_seconds(nx.path_graph(100)) < 0.01
    True
    """
    measures = tuple(measures)
    unknown = [x for x in measures if x not in _MEASURES]
    if unknown:
        raise AnalysisError(
            Text(
                f"measures: unknown {unknown}; choose from {list(_MEASURES)}",
                f"measures: unbekannt {unknown}; möglich sind {list(_MEASURES)}",
            )
        )
    if net is not None:
        prep = prepare(net, weight=weight, **options)
        return _seconds(
            exact_work(prep),
            prep.n,
            weight is not None,
            measures,
            compiled=_compiled_weighted(prep),
        )
    if n is None or m is None:
        raise AnalysisError(
            Text(
                "estimate_seconds needs a network or both n= and m=",
                "estimate_seconds braucht ein Netzwerk oder n= und m=",
            )
        )
    arcs = float(m) if directed else 2.0 * float(m)
    return _seconds(float(n) * arcs, int(n), weight is not None, measures)


def distance_seconds(prep: Prepared) -> float:
    """Estimated seconds of one all-pairs distance pass (distance fragmentation).

    Breadth-first searches per component with dense distance rows:
    ``SECONDS_PER_ARC_VISIT[("closeness", True)] * sum_c n_c a_c + SECONDS_PER_PAIR *
    sum_c n_c^2``.
    """
    if prep.n == 0:
        return 0.0
    _, labels = component_labels(prep.S)
    sizes = np.bincount(labels, minlength=1).astype(float)
    return SECONDS_PER_ARC_VISIT[("closeness", True)] * path_work(prep) + SECONDS_PER_PAIR * float(
        (sizes * sizes).sum()
    )


def choose_sampling(
    prep: Prepared,
    approximate: bool | None,
    samples: int | None,
    seed: Any,
    *,
    exact_seconds: float = AUTO_EXACT_SECONDS,
    measures: Iterable[str] = _MEASURES,
    repeats: int = 1,
) -> tuple[tuple[int, np.random.Generator] | None, dict[str, Any]]:
    """``(k, rng)`` for sampled betweenness and closeness (None: exact) and a record.

    ``approximate=None`` samples when the estimate (:func:`estimate_seconds`,
    times ``repeats`` for a computation repeated that often) exceeds
    ``exact_seconds``, from as many sources as fit into about ``exact_seconds``
    (``n * exact_seconds / (SAMPLED_COST_FACTOR * estimate)``), at least
    :data:`AUTO_MIN_SAMPLES` (300) and at most :func:`default_samples`.
    ``approximate=True`` samples :func:`default_samples` sources (or ``samples``). The record holds ``approximate`` (True when fewer sources
    than actors are used), ``samples`` (the sources, or None), ``estimated_seconds``
    (of the exact computation) and ``notes`` (bilingual texts for a report).
    """
    measures = tuple(measures)
    work = path_work(prep)
    estimate = _seconds(
        exact_work(prep),
        prep.n,
        prep.weight is not None,
        measures,
        compiled=_compiled_weighted(prep),
    ) * max(1, repeats)
    info: dict[str, Any] = {
        "approximate": False,
        "samples": None,
        "estimated_seconds": estimate,
        "notes": [],
    }
    if approximate is not None and not isinstance(approximate, (bool, np.bool_)):
        raise AnalysisError(
            Text(
                f"approximate must be True, False or None (automatic), got {approximate!r}",
                f"approximate muss True, False oder None (automatisch) sein, nicht {approximate!r}",
            )
        )
    try:
        limit = float(exact_seconds)
    except (TypeError, ValueError):
        limit = float("nan")
    if not limit >= 0:
        raise AnalysisError(
            Text(
                f"exact_seconds must be a number >= 0, got {exact_seconds!r}",
                f"exact_seconds muss eine Zahl >= 0 sein, nicht {exact_seconds!r}",
            )
        )
    if approximate is False:
        if samples is not None:
            raise AnalysisError(
                Text(
                    "samples applies only with approximate=True or None",
                    "samples gilt nur mit approximate=True oder None",
                )
            )
        return None, info
    if approximate is None and estimate <= limit:
        return None, info
    if samples is None:
        k = default_samples(prep.n, work)
        if approximate is None and estimate > 0:
            # aim at ``limit`` seconds of sampled work, but keep AUTO_MIN_SAMPLES sources
            fit = int(prep.n * limit / (SAMPLED_COST_FACTOR * estimate))
            k = min(k, max(AUTO_MIN_SAMPLES, fit))
    elif isinstance(samples, (int, np.integer)) and not isinstance(samples, bool) and samples > 0:
        k = int(samples)
    else:
        raise AnalysisError(
            Text(
                f"samples must be a whole number >= 1, got {samples!r}",
                f"samples muss eine ganze Zahl >= 1 sein, nicht {samples!r}",
            )
        )
    info["samples"] = k
    info["approximate"] = k < prep.n
    if info["approximate"]:
        which = " and ".join(measures)
        welche = " und ".join(
            {"betweenness": "Betweenness", "closeness": "Closeness"}[x] for x in measures
        )
        if approximate is None:
            info["notes"].append(
                Text(
                    f"{which} estimated from {k:,} sampled actors of {prep.n:,}: the exact "
                    f"computation would take about {estimate:,.0f} s here (more than "
                    f"{limit:,.0f} s)[[py: (approximate=False forces it)|cli:]]",
                    f"{welche} aus {german_number(k)} zufällig gewählten von {german_number(prep.n)} Akteuren "
                    f"geschätzt: exakt dauerte es hier etwa {german_number(estimate)} s (mehr als "
                    f"{german_number(limit)} s)[[py: (approximate=False erzwingt es)|cli:]]",
                )
            )
        else:
            info["notes"].append(
                Text(
                    f"{which} estimated from {k:,} sampled actors of {prep.n:,}",
                    f"{welche} aus {german_number(k)} zufällig gewählten von {german_number(prep.n)} Akteuren "
                    "geschätzt",
                )
            )
        if "betweenness" in measures and prep.weight is None and not fast_installed():
            info["notes"].append(FAST_MISSING)
    return (k, rng_from_seed(seed)), info


#: The note when sampled betweenness runs without the ``fast`` extra.
FAST_MISSING = Text(
    "networkit is not installed, so sampled betweenness used the slower pure-Python "
    "sampler (unbiased, but other figures than networkit's for the same seed); "
    "install the extra for speed: pip install 'quartiernetz[fast]'",
    "networkit ist nicht installiert, daher schätzte der langsamere reine Python-Sampler "
    "die Betweenness (unverzerrt, aber für denselben Seed andere Werte als networkit); "
    "schneller mit dem Extra: pip install 'quartiernetz[fast]'",
)


def fast_installed() -> bool:
    """Whether the ``fast`` extra (networkit, for sampled betweenness) is installed.

    Examples
    --------
    >>> isinstance(fast_installed(), bool)
    True
    """
    return importlib.util.find_spec("networkit") is not None
