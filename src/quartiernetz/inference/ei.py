r"""The E–I index of Krackhardt & Stern with a permutation test of the group labels."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from ..network import Network
from ._data import (
    MIN_ACTORS,
    align_squares,
    as_rng,
    check_count,
    error,
    tail_pvalues,
    to_square,
)

__all__ = ["ei_test", "group_codes"]


def group_codes(
    net: Any, actors: list[Hashable], attribute: str | Mapping | pd.Series | Sequence
) -> tuple[np.ndarray, list[Any]]:
    """Integer group codes of ``actors`` (-1: no value) and the group labels.

    ``attribute`` is an actor column or node attribute (for a Network or a graph),
    a mapping / Series actor -> group, or a sequence in the actors' order.
    """
    if isinstance(attribute, str):
        if isinstance(net, Network):
            if attribute not in net.actors.columns:
                raise error(
                    "the actors have no attribute {a!r}; attributes: {c}",
                    "die Akteure haben kein Merkmal {a!r}; vorhandene Merkmale: {c}",
                    a=attribute,
                    c=", ".join(map(str, net.actors.columns)),
                )
            values = net.actors[attribute].reindex(actors)
        elif isinstance(net, nx.Graph):
            found = nx.get_node_attributes(net, attribute)
            if not found:
                raise error(
                    "no node has the attribute {a!r}",
                    "kein Knoten hat das Merkmal {a!r}",
                    a=attribute,
                )
            values = pd.Series(found, dtype=object).reindex(actors)
        else:
            raise error(
                "a matrix has no actor attributes; pass the groups as a mapping actor -> "
                "group instead of {a!r}",
                "eine Matrix hat keine Akteursmerkmale; die Gruppen als Zuordnung Akteur -> "
                "Gruppe statt {a!r} übergeben",
                a=attribute,
            )
    elif isinstance(attribute, (Mapping, pd.Series)):
        values = pd.Series(attribute, dtype=object).reindex(actors)
    else:
        seq = list(attribute)
        if len(seq) != len(actors):
            raise error(
                "{k} group values for {n} actors; expected one per actor",
                "{k} Gruppenwerte für {n} Akteure; erwartet: einer je Akteur",
                k=len(seq),
                n=len(actors),
            )
        values = pd.Series(seq, index=actors, dtype=object)
    values = pd.Series(values.to_numpy(), dtype=object)
    codes, labels = pd.factorize(values, use_na_sentinel=True)
    return codes.astype(np.intp), list(labels)


def ei_test(
    net: Any,
    attribute: str | Mapping | pd.Series | Sequence,
    *,
    permutations: int = 5000,
    seed: int | np.random.Generator | None = None,
    weight: str | None = None,
) -> pd.DataFrame:
    r"""The E–I index of a network with a permutation test of the group labels.

    Parameters
    ----------
    net : Network, networkx.Graph, square DataFrame or numpy array
        The network (ties are cells != 0; the diagonal is not used).
    attribute : str, mapping, Series or sequence
        The groups: an actor column or node attribute, a mapping actor ->
        group, or one value per actor in the network's order. Actors without a
        value are left out (their ties do not count, their labels do not move).
    permutations : int, default 5000
        Permutations of the group labels over the actors that have one.
    seed : int or numpy.random.Generator, optional
        For reproducible permutations.
    weight : str, optional
        Edge attribute with tie values (sums instead of counts); None counts ties.

    Returns
    -------
    pandas.DataFrame
        One row, index ``statistic`` = ``"ei_index"``; columns ``observed``,
        ``expected`` (the exact mean under random labels), ``null_mean`` and
        ``null_sd`` (of the permuted indices), ``p_greater``, ``p_less``,
        ``p_two_sided`` (shares of permutations at least as far from
        ``expected`` as observed), ``external`` and ``internal`` (ties between
        and within groups), ``permutations``. ``.attrs``: ``groups``,
        ``directed``, ``n_actors``.

    Notes
    -----
    ``E-I = (E - I) / (E + I)`` over ties (arcs if directed) whose two actors
    both have a group: E between, I within groups; +1 all ties cross groups, -1
    all stay within (Krackhardt & Stern 1988). The null model shuffles the
    labels over the actors, keeping the network and the group sizes, as UCINET's
    E–I permutation test does. Under it, a tie lies within a group with
    probability ``sum_g n_g (n_g - 1) / (n (n - 1))``, so the expected index is
    ``1 - 2`` times that probability (not 0: with unequal groups, random ties
    mostly cross groups). A p-value is the share of the permutations at least as
    extreme (the observed labelling not counted).

    References
    ----------
    .. [1] Krackhardt, D. & Stern, R. N. (1988). Informal networks and
       organizational crises: an experimental simulation. Social Psychology
       Quarterly 51(2), 123-140. doi:10.2307/2786835
    .. [2] Borgatti, S. P., Everett, M. G. & Freeman, L. C. (2002). Ucinet for
       Windows: software for social network analysis. Analytic Technologies.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.barbell_graph(5, 0)
    >>> groups = {v: "left" if v < 5 else "right" for v in G}
    >>> r = ei_test(G, groups, permutations=500, seed=1)
    >>> round(float(r.loc["ei_index", "observed"]), 3), bool(r.loc["ei_index", "p_less"] < 0.05)
    (-0.905, True)
    """
    permutations = check_count(permutations, "permutations")
    rng = as_rng(seed)
    sq = to_square(net, name="net", weight=weight)
    actors, (A,) = align_squares([sq], align=None)
    directed = bool(sq.directed) if sq.directed is not None else not np.allclose(A, A.T)
    codes, labels = group_codes(net, actors, attribute)
    labelled = np.flatnonzero(codes >= 0)
    if len(labelled) < MIN_ACTORS:
        raise error(
            "{k} actors have a group; the test needs at least {m}",
            "{k} Akteure haben eine Gruppe; der Test braucht mindestens {m}",
            k=len(labelled),
            m=MIN_ACTORS,
        )
    sizes = np.bincount(codes[labelled])
    if np.count_nonzero(sizes) < 2:
        raise error(
            "every actor with a value is in the same group ({g!r}); the E-I index needs two groups",
            "alle Akteure mit Wert sind in derselben Gruppe ({g!r}); der E-I-Index braucht "
            "zwei Gruppen",
            g=labels[int(np.argmax(sizes))],
        )
    M = A.copy()
    np.fill_diagonal(M, 0.0)
    if not directed:
        M = np.tril(M, -1)
    src, dst = np.nonzero(M)
    w = M[src, dst]
    keep = (codes[src] >= 0) & (codes[dst] >= 0)
    src, dst, w = src[keep], dst[keep], w[keep]
    total = float(w.sum())
    if not len(w) or total == 0:
        raise error(
            "no tie joins two actors that have a group; the E-I index is undefined",
            "keine Beziehung verbindet zwei Akteure mit Gruppe; der E-I-Index ist nicht definiert",
        )
    internal = float(w[codes[src] == codes[dst]].sum())
    observed = (total - 2 * internal) / total
    L = len(labelled)
    p_within = float((sizes * (sizes - 1)).sum() / (L * (L - 1)))
    expected = 1 - 2 * p_within

    # positions of the tie ends among the labelled actors; permute the labels there
    where = np.full(len(actors), -1, dtype=np.intp)
    where[labelled] = np.arange(L)
    a, b = where[src], where[dst]
    base = codes[labelled]
    block = max(1, 2_000_000 // max(len(w), L))
    dist = np.empty(permutations)
    for start in range(0, permutations, block):
        k = min(block, permutations - start)
        shuffled = rng.permuted(np.broadcast_to(base, (k, L)), axis=1)
        same = shuffled[:, a] == shuffled[:, b]
        dist[start : start + k] = (total - 2 * (same @ w)) / total
    g, le, two = tail_pvalues(dist, observed, center=expected)
    frame = pd.DataFrame(
        {
            "observed": [observed],
            "expected": [expected],
            "null_mean": [float(dist.mean())],
            "null_sd": [float(dist.std(ddof=1)) if permutations > 1 else float("nan")],
            "p_greater": [g],
            "p_less": [le],
            "p_two_sided": [two],
            "external": [total - internal],
            "internal": [internal],
            "permutations": [permutations],
        },
        index=pd.Index(["ei_index"], name="statistic"),
    )
    frame.attrs.update(
        {"groups": int(np.count_nonzero(sizes)), "directed": directed, "n_actors": len(actors)}
    )
    return frame
