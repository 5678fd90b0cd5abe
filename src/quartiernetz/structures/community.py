"""Communities: Louvain partitions that do not depend on the order actors were read in.

:func:`communities` runs the Louvain method (Blondel et al. 2008, through
python-louvain) on the undirected cooperation graph, optionally merges the
communities down to a requested number, and numbers them canonically.
:func:`community_stability` runs it under many seeds and derives a consensus
partition with each actor's co-assignment stability, so users see which groups
are solid and which actors sit between groups.
"""

from __future__ import annotations

import warnings
from collections import defaultdict
from collections.abc import Hashable
from typing import Any

import community as community_louvain
import networkx as nx
import numpy as np
import pandas as pd

from ..exceptions import AnalysisError
from ..network import Network
from ._data import cooperation_graph, louvain_state

__all__ = ["communities", "community_stability"]


def _check_resolution(resolution: float) -> float:
    try:
        value = float(resolution)
    except (TypeError, ValueError):
        raise AnalysisError(f"resolution must be a number > 0, got {resolution!r}") from None
    if not value > 0:
        raise AnalysisError(f"resolution must be a number > 0, got {resolution!r}")
    return value


def _louvain(H: nx.Graph, state: Any, resolution: float) -> dict[Hashable, int]:
    """python-louvain on a graph built by ``sorted_graph`` (edge attribute ``weight``)."""
    if H.number_of_nodes() == 0:
        return {}
    return community_louvain.best_partition(
        H, weight="weight", resolution=resolution, random_state=state
    )


def _canonical(labels: dict[Hashable, int], order: list[Hashable]) -> dict[Hashable, int]:
    """Renumber 0, 1, ...: larger communities first, ties by their first member in ``order``."""
    first: dict[int, int] = {}
    size: dict[int, int] = defaultdict(int)
    for pos, node in enumerate(order):
        c = labels[node]
        size[c] += 1
        first.setdefault(c, pos)
    ranked = sorted(size, key=lambda c: (-size[c], first[c]))
    number = {c: i for i, c in enumerate(ranked)}
    return {node: number[labels[node]] for node in order}


def _merge_to(
    H: nx.Graph, labels: dict[Hashable, int], n: int, resolution: float, order: list[Hashable]
) -> dict[Hashable, int]:
    """Merge communities greedily, always the pair with the largest modularity gain.

    Merging communities ``c`` and ``d`` changes modularity by
    ``w_cd / m - resolution * k_c * k_d / (2 m^2)`` (``w_cd``: weight between them,
    ``k``: summed weighted degrees, ``m``: total edge weight).
    """
    pos = {node: i for i, node in enumerate(order)}
    rank: dict[int, int] = {}
    deg: dict[int, float] = defaultdict(float)
    members: dict[int, list[Hashable]] = defaultdict(list)
    for node in order:
        c = labels[node]
        members[c].append(node)
        rank.setdefault(c, pos[node])
        deg[c] += H.degree(node, weight="weight")
    between: dict[tuple[int, int], float] = defaultdict(float)
    for u, v, w in H.edges(data="weight"):
        cu, cv = labels[u], labels[v]
        if cu != cv:
            between[(min(cu, cv), max(cu, cv))] += w
    m = H.size(weight="weight")

    def gain(w: float, c: int, d: int) -> float:
        if m == 0:
            return 0.0
        return w / m - resolution * deg[c] * deg[d] / (2 * m * m)

    while len(members) > n:
        best: tuple | None = None
        for (c, d), w in between.items():
            key = (-gain(w, c, d), min(rank[c], rank[d]), max(rank[c], rank[d]), c, d)
            if best is None or key < best:
                best = key
        # the best unconnected pair: the smallest product of degrees
        ordered = sorted(members, key=lambda c: (deg[c], rank[c]))
        best_product = None
        pick = None
        for i, c in enumerate(ordered):
            if (
                best_product is not None
                and i + 1 < len(ordered)
                and deg[c] * deg[ordered[i + 1]] > best_product
            ):
                break
            for d in ordered[i + 1 :]:
                if (min(c, d), max(c, d)) in between:
                    continue
                product = deg[c] * deg[d]
                if best_product is None or product < best_product:
                    best_product, pick = product, (c, d)
                break
        if pick is not None:
            c, d = pick
            key = (
                -gain(0.0, c, d),
                min(rank[c], rank[d]),
                max(rank[c], rank[d]),
                min(c, d),
                max(c, d),
            )
            if best is None or key < best:
                best = key
        if best is None:  # pragma: no cover - more than n communities always give a pair
            break
        keep, drop = best[3], best[4]
        if rank[drop] < rank[keep]:
            keep, drop = drop, keep
        members[keep].extend(members.pop(drop))
        deg[keep] += deg.pop(drop)
        rank.pop(drop)
        for c, d in [p for p in between if drop in p]:
            w = between.pop((c, d))
            other = d if c == drop else c
            if other != keep:
                between[(min(keep, other), max(keep, other))] += w
    return {node: c for c, nodes in members.items() for node in nodes}


def _modularity(H: nx.Graph, labels: dict[Hashable, int], resolution: float) -> float:
    if H.number_of_edges() == 0 or H.size(weight="weight") == 0:
        return float("nan")
    groups: dict[int, set] = defaultdict(set)
    for node, c in labels.items():
        groups[c].add(node)
    return float(
        nx.community.modularity(H, groups.values(), weight="weight", resolution=resolution)
    )


def _series(labels: dict[Hashable, int], order: list[Hashable], name: str) -> pd.Series:
    index = pd.Index(order, dtype=object, name="actor")
    return pd.Series([labels[n] for n in order], index=index, name=name, dtype="int64")


def communities(
    net: Network | nx.Graph,
    *,
    seed: int | np.random.Generator | None = None,
    resolution: float = 1.0,
    weight: str | None = None,
    n_communities: int | None = None,
) -> pd.Series:
    """Louvain communities of the cooperation network.

    Parameters
    ----------
    net : Network or networkx.Graph
        The network. Directed ties are made undirected; explicit competition ties
        are left out (see :meth:`Network.to_networkx`).
    seed : int, numpy Generator or None
        Seed of the random order in which the Louvain method visits actors. The
        same input and seed give the same partition, whatever the order in which
        actors and ties were read. None: a fresh random order each call.
    resolution : float, default 1.0
        The resolution γ of modularity: larger values give more, smaller groups.
    weight : str or None, default None
        Edge attribute used as tie strength (for a Network: ``"weight"``, the
        combined tie intensity); None (default) treats all ties alike. Up to
        0.1 the default was ``"weight"``: pass ``weight="weight"`` for the old
        results on weighted networks (see ``docs/api-conventions.md``).
    n_communities : int, optional
        Merge the Louvain communities until this many remain, each time the pair
        whose merge loses the least modularity (gains the most). Use it to cut a
        network into a given number of groups, e.g. 2 for two factions. Warns and
        returns fewer groups when Louvain found fewer.

    Returns
    -------
    pandas.Series
        Community number (0, 1, ...) per actor, indexed by actor id (sorted),
        named ``community``. Numbers are canonical: community 0 is the largest,
        ties broken by the smallest actor id. ``attrs["modularity"]`` holds the
        modularity of the partition (NaN without ties).

    Notes
    -----
    The Louvain method (Blondel et al. 2008) greedily moves single actors to the
    neighbouring community with the largest gain in modularity

    .. math:: Q = \\frac{1}{2m} \\sum_{ij} \\Big(A_{ij} - γ \\frac{k_i k_j}{2m}\\Big)
              \\delta(c_i, c_j),

    then aggregates each community into one node and repeats. The result depends
    on the order in which nodes and neighbours are visited; python-louvain takes
    that order from the graph and shuffles it with the seed. quartiernetz
    therefore rebuilds the graph with actors and ties in sorted order before
    running it, so only the seed matters. Isolated actors form communities of
    their own. Merging for ``n_communities`` changes Q by
    :math:`w_{cd}/m - γ k_c k_d / (2m^2)` for communities ``c`` and ``d``
    (``w_cd`` the tie weight between them, ``k`` the summed degrees).

    On Zachary's karate club (unweighted) the best of seeds 0–9 reaches the
    known maximum Q = 0.4198 with four groups; cut to two groups it gives the
    club's split except for actor 8 (Zachary's person 9).

    References
    ----------
    .. [1] Blondel, V. D., Guillaume, J.-L., Lambiotte, R., Lefebvre, E. (2008). Fast
       unfolding of communities in large networks. J. Stat. Mech. P10008.
       https://doi.org/10.1088/1742-5468/2008/10/P10008
    .. [2] Newman, M. E. J. (2006). Modularity and community structure in networks.
       PNAS 103(23), 8577–8582. https://doi.org/10.1073/pnas.0601602103

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.barbell_graph(4, 0)  # two cliques of four joined by one tie
    >>> communities(G, seed=1).tolist()
    [0, 0, 0, 0, 1, 1, 1, 1]
    """
    resolution = _check_resolution(resolution)
    state = louvain_state(seed)
    H = cooperation_graph(net, weight=weight)
    order = list(H.nodes)
    labels = _louvain(H, state, resolution)
    if n_communities is not None:
        if (
            isinstance(n_communities, bool)
            or not isinstance(n_communities, int)
            or n_communities < 1
        ):
            raise AnalysisError(f"n_communities must be an int >= 1, got {n_communities!r}")
        found = len(set(labels.values()))
        if found < n_communities:
            warnings.warn(
                f"Louvain found {found} communities, fewer than n_communities="
                f"{n_communities}; returning {found}",
                stacklevel=2,
            )
        elif found > n_communities:
            labels = _merge_to(H, labels, n_communities, resolution, order)
    labels = _canonical(labels, order) if order else {}
    out = _series(labels, order, "community")
    out.attrs["modularity"] = _modularity(H, labels, resolution)
    return out


def _labels_array(labels: dict[Hashable, int], order: list[Hashable]) -> np.ndarray:
    canon = _canonical(labels, order)
    return np.fromiter((canon[n] for n in order), dtype=np.int64, count=len(order))


def community_stability(
    net: Network | nx.Graph,
    *,
    n: int = 100,
    seed: int | np.random.Generator | None = None,
    resolution: float = 1.0,
    weight: str | None = None,
    threshold: float = 0.5,
    max_rounds: int = 10,
) -> pd.DataFrame:
    """Consensus communities over many Louvain runs, and how stable each actor's place is.

    Parameters
    ----------
    net : Network or networkx.Graph
        The network (undirected cooperation graph, as in :func:`communities`).
    n : int, default 100
        Louvain runs, each with its own seed drawn from ``seed``.
    seed : int, numpy Generator or None
        Seed for the seeds of the runs; the same seed gives the same result.
    resolution : float, default 1.0
        Modularity resolution (see :func:`communities`).
    weight : str or None, default None
        Edge attribute used as tie strength; None (default) treats all ties
        alike (the default was ``"weight"`` before; see :func:`communities`).
    threshold : float, default 0.5
        Ties whose two actors share a community in fewer than this share of the
        runs are dropped from the consensus graph.
    max_rounds : int, default 10
        Rounds of the consensus procedure before it stops (with a warning) even
        though the runs still disagree.

    Returns
    -------
    pandas.DataFrame
        Indexed by actor id (sorted), columns:

        ``community``
            the consensus community (numbered as in :func:`communities`);
        ``stability``
            the actor's mean co-assignment with the other members of its
            consensus community over the ``n`` runs on the original network
            (1 = always together with all of them; for a community of one: the
            share of runs in which the actor was alone);
        ``community_stability``
            the mean ``stability`` of the community's members.

        ``attrs`` hold ``modularity`` (of the consensus partition on the original
        network), ``runs`` and ``rounds``.

    Notes
    -----
    Consensus clustering after Lancichinetti & Fortunato (2012), restricted to
    the network's ties as in Tandon et al. (2019), so memory grows with the ties,
    not with the square of the actors: each tie (i, j) gets the share
    :math:`D_{ij}` of runs that put i and j together; ties with
    :math:`D_{ij} <` ``threshold`` are dropped; Louvain runs ``n`` times on the
    graph weighted by D; this repeats until all runs of a round agree. The
    stability of actor i in consensus community C is

    .. math:: s_i = \\frac{1}{n} \\sum_{r=1}^{n} \\frac{|C \\cap R_r(i)| - 1}{|C| - 1}

    with :math:`R_r(i)` the community of i in run r.

    References
    ----------
    .. [1] Lancichinetti, A., Fortunato, S. (2012). Consensus clustering in complex
       networks. Scientific Reports 2, 336. https://doi.org/10.1038/srep00336
    .. [2] Tandon, A., Albeshri, A., Thayananthan, V., Alhalabi, W., Fortunato, S.
       (2019). Fast consensus clustering in complex networks. Phys. Rev. E 99,
       042301. https://doi.org/10.1103/PhysRevE.99.042301
    .. [3] Blondel et al. (2008), see :func:`communities`.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.barbell_graph(4, 0)
    >>> st = community_stability(G, n=10, seed=1)
    >>> st["community"].tolist()
    [0, 0, 0, 0, 1, 1, 1, 1]
    >>> float(st["stability"].min())
    1.0
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise AnalysisError(f"n must be an int >= 1, got {n!r}")
    if not 0 < float(threshold) <= 1:
        raise AnalysisError(f"threshold must be in (0, 1], got {threshold!r}")
    if isinstance(max_rounds, bool) or not isinstance(max_rounds, int) or max_rounds < 1:
        raise AnalysisError(f"max_rounds must be an int >= 1, got {max_rounds!r}")
    resolution = _check_resolution(resolution)
    if isinstance(seed, np.random.Generator):
        rng = seed
    else:
        louvain_state(seed)  # validates
        rng = np.random.default_rng(seed)
    H = cooperation_graph(net, weight=weight)
    order = list(H.nodes)
    if not order:
        empty = pd.DataFrame(
            {
                "community": pd.Series(dtype="int64"),
                "stability": pd.Series(dtype=float),
                "community_stability": pd.Series(dtype=float),
            }
        )
        empty.index = pd.Index([], dtype=object, name="actor")
        return empty
    pos = {node: i for i, node in enumerate(order)}
    edges = [(pos[u], pos[v]) for u, v in H.edges()]
    iu = np.array([e[0] for e in edges], dtype=np.int64)
    iv = np.array([e[1] for e in edges], dtype=np.int64)

    def run_all(graph: nx.Graph) -> list[np.ndarray]:
        seeds = rng.integers(0, 2**32 - 1, size=n)
        return [_labels_array(_louvain(graph, int(s), resolution), order) for s in seeds]

    first_runs = run_all(H)
    runs = first_runs
    rounds = 1
    while True:
        if all(np.array_equal(runs[0], r) for r in runs[1:]):
            consensus = runs[0]
            break
        if rounds >= max_rounds:
            warnings.warn(
                f"the Louvain runs still disagree after {max_rounds} consensus rounds; "
                "using the first run of the last round",
                stacklevel=2,
            )
            consensus = runs[0]
            break
        together = np.zeros(len(edges), dtype=float)
        for r in runs:
            together += r[iu] == r[iv]
        together /= len(runs)
        C = nx.Graph()
        C.add_nodes_from(order)
        keep = together >= threshold
        C.add_edges_from(
            (order[a], order[b], {"weight": float(w)})
            for a, b, w in zip(iu[keep], iv[keep], together[keep], strict=True)
        )
        runs = run_all(C)
        rounds += 1

    size = np.bincount(consensus)
    score = np.zeros(len(order), dtype=float)
    for r in first_runs:
        # |C ∩ R(i)| for every actor through the contingency of (consensus, run) labels
        pair = consensus * (int(r.max()) + 1) + r
        _, inverse, counts = np.unique(pair, return_inverse=True, return_counts=True)
        overlap = counts[inverse]
        run_size = np.bincount(r)[r]
        csize = size[consensus]
        score += np.where(
            csize > 1, (overlap - 1) / np.maximum(csize - 1, 1), (run_size == 1).astype(float)
        )
    score /= len(first_runs)
    labels = {node: int(c) for node, c in zip(order, consensus, strict=True)}
    out = pd.DataFrame(
        {"community": consensus.astype("int64"), "stability": score},
        index=pd.Index(order, dtype=object, name="actor"),
    )
    out["community_stability"] = out.groupby("community")["stability"].transform("mean")
    out.attrs.update(modularity=_modularity(H, labels, resolution), runs=n, rounds=rounds)
    return out
