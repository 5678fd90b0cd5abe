"""Who should talk to whom: promising new cooperations, with reasons.

:func:`suggest_ties` ranks pairs of actors not yet cooperating by their common
partners (resource allocation or Adamic–Adar index) and by the target groups
they share, and says why: who could introduce them, which people both serve,
whose offers complement or duplicate each other.
"""

from __future__ import annotations

from typing import Any, Literal

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..conventions import renamed_keyword
from ..exceptions import AnalysisError
from ..network import Network
from ..words import suggestion_reason
from ._data import competition_pairs, cooperation_graph, node_order, offers_table
from ._data import target_groups as target_groups_of

__all__ = ["suggest_ties", "LINK_INDICES"]

#: The common-partner indices :func:`suggest_ties` can rank by.
LINK_INDICES = ("resource_allocation", "adamic_adar")

COLUMNS = [
    "a",
    "b",
    "score",
    "partner_index",
    "common_partners",
    "shared_target_groups",
    "reason",
    "group_offers",
    "competition_tie",
]

_ROW_BLOCK = 2048
# partners with more ties than max(_HUB_MIN, _HUB_FACTOR * sqrt(2 * ties)) count as hubs
_HUB_MIN = 100
_HUB_FACTOR = 4.0


def _top(scores: np.ndarray, i: np.ndarray, j: np.ndarray, k: int) -> np.ndarray:
    """Positions of the k best: highest score (to 12 decimals), then lowest i, then j."""
    if len(scores) <= k:
        return np.arange(len(scores))
    return np.lexsort((j, i, -np.round(scores, 12)))[:k]


def _candidates(
    A: sp.csr_matrix, inv: np.ndarray, T: sp.csr_matrix, k: int, through: np.ndarray
) -> tuple[np.ndarray, ...]:
    """The best k untied pairs (i < j) among pairs with a common partner in ``through``.

    Returns row numbers ``I``, ``J``, scores and the exact index (over all partners).
    """
    n = A.shape[0]
    AW = (A @ sp.diags_array(np.where(through, inv, 0.0))).tocsr()
    rest = ~through
    AH = A[:, np.flatnonzero(rest)].tocsr() if rest.any() else None
    w_rest = inv[rest]
    out_i, out_j, out_s, out_x = [], [], [], []
    for start in range(0, n, _ROW_BLOCK):
        S = (AW[start : start + _ROW_BLOCK] @ A.T).tocoo()
        i, j, x = S.row + start, S.col, S.data
        keep = (i < j) & (x > 0)
        i, j, x = i[keep], j[keep], x[keep]
        if not len(i):
            continue
        untied = np.asarray(A[i, j]).ravel() == 0
        i, j, x = i[untied], j[untied], x[untied]
        if not len(i):
            continue
        if AH is not None:
            x = x + AH[i].multiply(AH[j]) @ w_rest
        m = np.asarray(T[i].multiply(T[j]).sum(axis=1)).ravel()
        s = x * (1 + m)
        top = _top(s, i, j, k)
        out_i.append(i[top])
        out_j.append(j[top])
        out_s.append(s[top])
        out_x.append(x[top])
    if not out_i:
        empty = np.empty(0)
        return empty.astype(np.int64), empty.astype(np.int64), empty, empty
    return (
        np.concatenate(out_i),
        np.concatenate(out_j),
        np.concatenate(out_s),
        np.concatenate(out_x),
    )


@renamed_keyword("k", "n")
def suggest_ties(
    net: Network | nx.Graph,
    *,
    n: int = 10,
    method: Literal["resource_allocation", "adamic_adar"] = "resource_allocation",
) -> pd.DataFrame:
    """The most promising new cooperations between actors not yet tied.

    Parameters
    ----------
    net : Network or networkx.Graph
        The network (its undirected cooperation ties; competition ties are not
        cooperation). Target groups and offers come from a Network's
        affiliations; a plain graph is ranked by common partners alone.
    n : int, default 10
        How many suggestions to return. (Called ``k`` up to 0.1; ``k=`` still
        works with a DeprecationWarning for one release.)
    method : {"resource_allocation", "adamic_adar"}
        The common-partner index, see Notes.

    Returns
    -------
    pandas.DataFrame
        At most ``n`` rows, best first (ties in score by ``a``, ``b``):

        ``a``, ``b``
            the two actors;
        ``score``
            ``partner_index * (1 + shared target groups)``;
        ``partner_index``
            the resource allocation or Adamic–Adar index;
        ``common_partners``
            list of partners both cooperate with (who could introduce them);
        ``shared_target_groups``
            list of target groups both serve;
        ``reason``
            readable English text written from the other columns by
            :func:`quartiernetz.words.suggestion_reason` (which writes it in German
            too): common partners, shared target groups, complementary offers
            (different offers for a shared target group) or the same offer (pool
            instead of duplicating), an explicit competition tie;
        ``group_offers``
            list of dicts, one per shared target group for which both actors run
            offers, in the order of ``shared_target_groups``: ``target_group``,
            ``same`` (offers both run for it), ``only_a``, ``only_b`` (offers only
            ``a`` or only ``b`` runs for it); empty for a plain graph;
        ``competition_tie``
            True where the two are tied by an explicit competition tie.

    Notes
    -----
    For actors x and y with partner sets :math:`\\Gamma(x)`, :math:`\\Gamma(y)`:

    .. math:: RA(x, y) = \\sum_{z \\in \\Gamma(x) \\cap \\Gamma(y)} \\frac{1}{|\\Gamma(z)|},
              \\qquad
              AA(x, y) = \\sum_{z \\in \\Gamma(x) \\cap \\Gamma(y)} \\frac{1}{\\log |\\Gamma(z)|}.

    Both count common partners and weigh down partners who know everybody;
    resource allocation does so more strongly and predicts new ties slightly
    better in many networks (Zhou et al. 2009). The score multiplies the index
    by one plus the number of target groups both actors serve, so actors who
    work for the same people rank higher. Pairs without a common partner are not
    suggested: nobody could introduce them. The index is computed on sparse
    matrices in blocks of rows, keeping the best ``n`` of each block.

    References
    ----------
    .. [1] Adamic, L. A., Adar, E. (2003). Friends and neighbors on the Web. Social
       Networks 25(3), 211–230. https://doi.org/10.1016/S0378-8733(03)00009-1
    .. [2] Zhou, T., Lü, L., Zhang, Y.-C. (2009). Predicting missing links via local
       information. Eur. Phys. J. B 71, 623–630.
       https://doi.org/10.1140/epjb/e2009-00335-8
    .. [3] Liben-Nowell, D., Kleinberg, J. (2007). The link-prediction problem for
       social networks. JASIST 58(7), 1019–1031. https://doi.org/10.1002/asi.20591

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("qm", "awo"), ("qm", "caritas"), ("kirche", "awo"),
    ...               ("kirche", "caritas"), ("qm", "schule")])
    >>> s = suggest_ties(G, n=2)
    >>> s[["a", "b", "score"]].round(3).values.tolist()
    [['kirche', 'qm', 1.0], ['awo', 'caritas', 0.833]]
    >>> print(s.loc[1, "reason"])
    2 common partners: kirche, qm
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise AnalysisError(f"n must be an int >= 1, got {n!r}")
    k = n
    if method not in LINK_INDICES:
        raise AnalysisError(f"method must be one of {LINK_INDICES}, got {method!r}")
    if not isinstance(net, Network | nx.Graph):
        raise AnalysisError(
            f"expected a quartiernetz Network or a networkx graph, got {type(net).__name__}"
        )
    H = cooperation_graph(net, weight=None)
    order = list(H.nodes)
    n = len(order)
    dtypes = {"score": float, "partner_index": float, "competition_tie": bool}
    empty = pd.DataFrame({c: pd.Series(dtype=dtypes.get(c, object)) for c in COLUMNS})
    if n < 3 or H.number_of_edges() < 2:
        return empty
    pos = {a: i for i, a in enumerate(order)}
    A = nx.to_scipy_sparse_array(H, nodelist=order, weight=None, format="csr")
    A.data[:] = 1.0
    deg = np.diff(A.indptr).astype(float)
    with np.errstate(divide="ignore"):
        inv = 1 / deg if method == "resource_allocation" else 1 / np.log(deg)
    inv[~np.isfinite(inv)] = 0.0  # degree 0 or 1: never a common partner

    # target groups as a sparse actor x group matrix
    tgs = target_groups_of(net)
    tg_keys = sorted({g for groups in tgs.values() for g in groups})
    tg_col = {g: j for j, g in enumerate(tg_keys)}
    r = [pos[a] for a, groups in tgs.items() if a in pos for _ in groups]
    c = [tg_col[g] for a, groups in tgs.items() if a in pos for g in groups]
    T = sp.csr_matrix((np.ones(len(r)), (r, c)), shape=(n, max(len(tg_keys), 1)))

    # Partners with very many ties (hubs) would make the product A W A^T dense; they add
    # little to the index (1/degree). Candidates come from the other partners, the hubs'
    # share is added exactly, and pairs that share only hubs are searched only when they
    # could still reach the top k (see _candidates).
    hub = deg > max(_HUB_MIN, _HUB_FACTOR * np.sqrt(A.nnz))
    pi, pj, ps, px = _candidates(A, inv, T, k, ~hub)
    if hub.any():
        bound = float(inv[hub].sum()) * (1 + float(T.sum(axis=1).max()))
        if len(ps) < k or np.sort(ps)[-k] <= bound:
            pi, pj, ps, px = _candidates(A, inv, T, k, np.ones(n, dtype=bool))
    if not len(pi):
        return empty
    ranked = sorted(
        range(len(pi)), key=lambda t: (-round(float(ps[t]), 12), int(pi[t]), int(pj[t]))
    )[:k]

    comp = competition_pairs(net)
    offers = offers_table(net) if isinstance(net, Network) else None
    rows = []
    for t in ranked:
        a, b = order[int(pi[t])], order[int(pj[t])]
        partners = node_order(set(H[a]) & set(H[b]))
        shared_keys = sorted(set(tgs.get(a, {})) & set(tgs.get(b, {})))
        group_offers = []
        if offers is not None and len(offers) and shared_keys:
            for g in shared_keys:
                oa = set(offers.loc[(offers["actor"] == a) & (offers["tg_key"] == g), "offer"])
                ob = set(offers.loc[(offers["actor"] == b) & (offers["tg_key"] == g), "offer"])
                if oa and ob:
                    group_offers.append(
                        {
                            "target_group": tgs[a][g],
                            "same": sorted(oa & ob),
                            "only_a": sorted(oa - ob),
                            "only_b": sorted(ob - oa),
                        }
                    )
        row: dict[str, Any] = {
            "a": a,
            "b": b,
            "score": float(ps[t]),
            "partner_index": float(px[t]),
            "common_partners": partners,
            "shared_target_groups": [tgs[a][g] for g in shared_keys],
            "group_offers": group_offers,
            "competition_tie": tuple(node_order([a, b])) in comp,
        }
        row["reason"] = suggestion_reason(row, lang="en")
        rows.append(row)
    return pd.DataFrame(rows, columns=COLUMNS).astype(
        {"a": object, "b": object, "reason": object, "competition_tie": bool}
    )
