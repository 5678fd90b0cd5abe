"""Burt's structural holes: effective size, efficiency, constraint and hierarchy."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pandas as pd

from ..network import Network
from ._graph import Prepared, prepare
from ._kernels import KERNELS

__all__ = ["structural_holes", "HOLES_COLUMNS"]

#: Columns of :func:`structural_holes`, in order.
HOLES_COLUMNS = ("contacts", "effective_size", "efficiency", "constraint", "hierarchy")


def structural_holes(
    net: Network | nx.Graph,
    *,
    weight: str | None = None,
    **options: Any,
) -> pd.DataFrame:
    r"""Burt's structural-hole measures of every actor's ego network.

    Parameters
    ----------
    net : Network or networkx.Graph
        Directed or undirected; a contact is a partner in either direction.
    weight : str, optional
        Edge attribute with tie strengths (None: every tie counts 1).
    **options
        Passed to :func:`~quartiernetz.network.as_graph`.

    Returns
    -------
    pandas.DataFrame
        Indexed by actor, columns

        - ``contacts``: number of partners N (int);
        - ``effective_size``: non-redundant contacts (Burt 1992), between 1
          and N; N when no two contacts know each other;
        - ``efficiency``: effective size / N;
        - ``constraint``: how much the actor's contacts are tied to each other
          (0 = open network, 1 = one contact or a closed circle; can exceed 1
          in small dense directed networks);
        - ``hierarchy``: how far the constraint is concentrated on one contact
          (0 = spread evenly, 1 = all on one).

        Isolates have NaN in every measure but ``contacts`` (no ego network,
        as in networkx); ``hierarchy`` is NaN also for one contact.

    Notes
    -----
    Mutual weight ``a_ij + a_ji`` (for an undirected tie: twice its strength);
    proportional strength ``p_ij = (a_ij + a_ji) / sum_q (a_iq + a_qi)``;
    marginal strength ``m_jq = (a_jq + a_qj) / max_k (a_jk + a_kj)``.

    - Effective size: ``ES_i = sum_{j in N(i)} (1 - sum_{q != i, j} p_iq m_jq)``;
      unweighted and undirected this is Borgatti's ``N - 2t / N`` (t ties
      among the contacts).
    - Efficiency: ``ES_i / N``.
    - Local constraint ``c_ij = (p_ij + sum_{q != i, j} p_iq p_qj)^2``;
      constraint ``C_i = sum_{j in N(i)} c_ij``.
    - Hierarchy (Burt 1992, p. 71; as in UCINET):
      ``H_i = sum_j r_ij ln r_ij / (N ln N)`` with ``r_ij = c_ij / (C_i / N)``.

    All four are computed for all actors at once from sparse matrix products
    (``P @ M^T`` and ``P @ P`` masked to the ties), not per actor. They agree
    with networkx's ``effective_size`` and ``constraint`` computed per node
    (networkx's own all-nodes shortcut divides by the wrong maximum for
    weighted or directed graphs, and its per-node path treats an actor with
    only incoming ties as isolated; quartiernetz follows the formulas above).

    References
    ----------
    .. [1] Burt, R. S. (1992). Structural Holes: The Social Structure of
       Competition. Harvard University Press.
    .. [2] Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy
       measures. Connections 20(1), 35-38.
    .. [3] Burt, R. S. (2004). Structural holes and good ideas. American Journal
       of Sociology 110(2), 349-399. doi:10.1086/421787

    Examples
    --------
    A star: the centre's contacts are not tied to each other.

    >>> import networkx as nx
    >>> h = structural_holes(nx.star_graph(3))
    >>> h.loc[0, ["effective_size", "efficiency", "constraint", "hierarchy"]].round(3).tolist()
    [3.0, 1.0, 0.333, 0.0]
    """
    prep = prepare(net, weight=weight, **options)
    values = compute_holes(prep)
    return pd.DataFrame({c: values[c] for c in HOLES_COLUMNS}, index=prep.index)


def compute_holes(prep: Prepared) -> dict:
    """Burt's measures as arrays in node order."""
    return KERNELS["burt_measures"](prep.W)
