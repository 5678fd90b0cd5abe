"""Gould & Fernandez (1989) brokerage roles, with R sna's expected values and z-scores."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from math import comb
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from ..network import Network
from ._graph import Prepared, group_codes, prepare
from ._kernels import KERNELS

__all__ = ["brokerage", "ROLES", "brokerage_moments"]

#: The five roles, in the order of the columns of :func:`brokerage`.
ROLES = ("coordinator", "itinerant", "gatekeeper", "representative", "liaison")


def brokerage(
    net: Network | nx.Graph,
    *,
    group: str | Mapping[Hashable, Any] | pd.Series | None = "type",
    expected: bool = True,
    **options: Any,
) -> pd.DataFrame:
    r"""Gould & Fernandez brokerage roles of every actor.

    A broker j sits on an *open two-path* i -> j -> k: i reaches k through j,
    and there is no tie i -> k. The groups of i, j and k give the role:

    - **coordinator** (A -> A -> A): mediates inside its own group (sna ``w_I``);
    - **itinerant** (A -> B -> A): an outsider mediating inside another group
      (sna ``w_O``; also called consultant);
    - **gatekeeper** (A -> B -> B): lets an outsider into its own group (sna ``b_OI``);
    - **representative** (A -> A -> B): carries its group's concern to another
      group (sna ``b_IO``);
    - **liaison** (A -> B -> C): links two groups, belonging to neither (sna ``b_O``).

    Parameters
    ----------
    net : Network or networkx.Graph
        An undirected tie counts as two arcs, as in R sna: each open two-path
        i - j - k is counted twice (i -> j -> k and k -> j -> i), so undirected
        counts are those of the symmetric digraph, and there gatekeeper equals
        representative.
    group : str, mapping or None, default "type"
        Node attribute (or mapping actor -> group) that defines the groups.
        Without it (attribute absent on every actor, or None) every actor is in
        one group, and every role is coordination. Actors lacking a value (when
        others have one) form one group ``"(none)"`` (with a warning).
    expected : bool, default True
        Add the expected counts and z-scores under R sna's null model (columns ``expected_<role>`` and ``z_<role>``).
    **options
        Passed to :func:`~quartiernetz.network.as_graph`.

    Returns
    -------
    pandas.DataFrame
        Indexed by actor, with ``group``, the five raw role counts and ``total``
        (ints), and, with ``expected=True``, ``expected_<role>`` and
        ``z_<role>`` for the five roles and ``total`` (floats). A z-score is NaN
        where its standard deviation is 0 (density 0 or 1, fewer than 3
        actors, or a group too small for the role).

    Notes
    -----
    Counts are over ordered open two-paths (i, j, k), i, j, k distinct, with
    arcs i -> j and j -> k and no arc i -> k; each gives its broker j full
    credit (Gould & Fernandez 1989; sna's ``brokerage()``; UCINET's
    unnormalised counts).

    Expected values follow R sna's ``brokerage()``: a Bernoulli random digraph
    with the observed density ``d = m / (N (N - 1))`` (m arcs) and the observed
    group sizes ``n_c``; for a broker in group g, with ``q = d^2 (1 - d)``,
    ``E[coordinator] = q (n_g - 1)(n_g - 2)``,
    ``E[itinerant] = q sum_{c != g} n_c (n_c - 1)``,
    ``E[gatekeeper] = E[representative] = q (N - n_g)(n_g - 1)``,
    ``E[liaison] = q (sum_{c != g} n_c)^2 - q sum_{c != g} n_c^2``,
    ``E[total] = q (N - 1)(N - 2)``; each variance is ``E (1 - q)`` plus
    ``d^3 (1 - d)^3`` times twice the number of pairs of two-paths that share
    an arc (see :func:`brokerage_moments`). These are exact for the actor-level
    counts (checked by enumerating every digraph on four actors). The null
    model keeps the groups and randomises the ties; texts that describe sna's
    z-scores as "random group assignment" mean this conditioning on the group
    sizes.

    References
    ----------
    .. [1] Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a
       formal approach to brokerage in transaction networks. Sociological
       Methodology 19, 89-126. doi:10.2307/270949
    .. [2] Butts, C. T. (2008). Social network analysis with sna. Journal of
       Statistical Software 24(6). doi:10.18637/jss.v024.i06 (``brokerage()``).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": "Verein", "b": "Kommune", "c": "Kommune"}, "type")
    >>> brokerage(G, expected=False).loc["b", ["gatekeeper", "total"]].tolist()
    [1, 1]
    """
    prep = prepare(net, **options)
    notes: list = []
    codes, labels, _ = group_codes(prep, group, notes=notes)
    counts = compute_brokerage(prep, codes)
    frame = pd.DataFrame(index=prep.index)
    frame["group"] = pd.array([labels[c] for c in codes], dtype=object)
    for j, role in enumerate((*ROLES, "total")):
        frame[role] = counts[:, j].astype(np.int64)
    if expected:
        exp, sd = _expected(prep, codes)
        for j, role in enumerate((*ROLES, "total")):
            frame[f"expected_{role}"] = exp[:, j]
        with np.errstate(divide="ignore", invalid="ignore"):
            z = np.where(sd > 0, (counts - exp) / np.where(sd > 0, sd, 1.0), np.nan)
        for j, role in enumerate((*ROLES, "total")):
            frame[f"z_{role}"] = z[:, j]
    frame.attrs["notes"] = notes
    return frame


def compute_brokerage(prep: Prepared, codes: np.ndarray) -> np.ndarray:
    """Role counts (n x 6: the five roles and total) in node order."""
    if prep.n == 0:
        return np.zeros((0, 6))
    counts = KERNELS["brokerage_counts"](prep.A, codes)
    return np.column_stack([counts, counts.sum(axis=1)])


def brokerage_moments(sizes: list[int] | np.ndarray, density: float) -> tuple[np.ndarray, ...]:
    """Expected values and variances of the role counts, per broker group (R sna).

    Parameters
    ----------
    sizes : sequence of int
        Group sizes ``n_c`` (their sum is N).
    density : float
        Arc density ``d`` of the Bernoulli null graph.

    Returns
    -------
    expected, variance : ndarray, (groups x 6)
        Columns coordinator, itinerant, gatekeeper, representative, liaison,
        total; row c for a broker in group c.

    Notes
    -----
    With ``q = d^2 (1 - d)`` and ``t = d^3 (1 - d)^3`` (R sna 2.x, ``brokerage``):
    ``Var = E (1 - q) + 2 t P`` where P counts ordered pairs of two-paths of the
    role through the broker that share their first or their second arc:
    coordinator ``(n_g-1)(n_g-2)(n_g-3)``; itinerant
    ``sum_{c != g} n_c (n_c-1)(n_c-2)``; gatekeeper and representative
    ``(n_g-1) C(N-n_g, 2) + (N-n_g) C(n_g-1, 2)``; liaison
    ``2 sum_{c != g} n_c C(N - n_c - n_g, 2)``; total ``(N-1)(N-2)(N-3)``.

    Examples
    --------
    >>> e, v = brokerage_moments([2, 2], 0.5)
    >>> e[0].tolist()
    [0.0, 0.25, 0.25, 0.25, 0.0, 0.75]
    """
    n = np.asarray(sizes, dtype=float)
    N = float(n.sum())
    d = float(density)
    q = d * d * (1 - d)
    t = d**3 * (1 - d) ** 3
    K = len(n)
    exp = np.zeros((K, 6))
    var = np.zeros((K, 6))
    for g in range(K):
        ng = n[g]
        o = np.delete(n, g)
        e_coord = q * (ng - 1) * (ng - 2)
        e_itin = q * float(np.sum(o * (o - 1)))
        e_broker = q * (N - ng) * (ng - 1)
        e_liaison = q * (float(o.sum()) ** 2 - float(np.sum(o**2)))
        e_total = q * (N - 1) * (N - 2)
        p_coord = (ng - 1) * (ng - 2) * (ng - 3)
        p_itin = float(np.sum(o * (o - 1) * (o - 2)))
        p_broker = (ng - 1) * _c2(N - ng) + (N - ng) * _c2(ng - 1)
        p_liaison = 2 * float(sum(x * _c2(N - x - ng) for x in o))
        p_total = (N - 1) * (N - 2) * (N - 3)
        exp[g] = [e_coord, e_itin, e_broker, e_broker, e_liaison, e_total]
        pairs = np.array([p_coord, p_itin, p_broker, p_broker, p_liaison, p_total])
        var[g] = exp[g] * (1 - q) + 2 * pairs * t
    return exp, np.maximum(var, 0.0)


def _c2(x: float) -> float:
    x = int(round(x))
    return float(comb(x, 2)) if x >= 2 else 0.0


def _expected(prep: Prepared, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Expected counts and standard deviations per actor (n x 6)."""
    n = prep.n
    if n < 2:
        return np.zeros((n, 6)), np.zeros((n, 6))
    density = prep.A.nnz / (n * (n - 1))
    sizes = np.bincount(codes, minlength=int(codes.max()) + 1)
    exp, var = brokerage_moments(sizes, density)
    return exp[codes], np.sqrt(var[codes])
