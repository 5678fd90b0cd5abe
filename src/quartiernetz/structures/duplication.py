"""Duplicate structures (Doppelstrukturen): offers, committees and roles that repeat each other.

:func:`duplicates` lists candidate pairs of three kinds:

``offer``
    two actors run the same offer for the same target group (in the same area);
``committee``
    two committees with nearly the same members;
``ties``
    two actors of the same type with nearly the same cooperation partners
    (structural equivalence), computed on sparse matrices so it scales to
    programme-wide networks.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from typing import Any, Literal

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..exceptions import AnalysisError
from ..network import Network
from ..words import duplicate_evidence, duplicate_offer
from ._data import (
    COMMITTEE_KINDS,
    actor_table,
    affiliations_of_kind,
    cooperation_graph,
    node_order,
    offers_table,
    require_network,
)
from ._names import display_names, name_key, near_matches

__all__ = ["duplicates", "structural_equivalence", "DUPLICATE_KINDS", "NEAR_NAME_FACTOR"]

#: The kinds of duplicates :func:`duplicates` looks for.
DUPLICATE_KINDS = ("offer", "committee", "ties")
#: Score factor for offers whose names are near-identical but not equal after normalisation.
NEAR_NAME_FACTOR = 0.9

COLUMNS = ["a", "b", "kind", "score", "evidence", "shared", "only_a", "only_b", "details"]

# rows of the sparse products computed at once
_ROW_BLOCK = 2048
# candidate pairs whose exact overlap is computed at once
_PAIR_BLOCK = 200_000


def _empty() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "a": pd.Series(dtype=object),
            "b": pd.Series(dtype=object),
            "kind": pd.Series(dtype=object),
            "score": pd.Series(dtype=float),
            "evidence": pd.Series(dtype=object),
            "shared": pd.Series(dtype=object),
            "only_a": pd.Series(dtype=object),
            "only_b": pd.Series(dtype=object),
            "details": pd.Series(dtype=object),
        }
    )


def _check_fraction(name: str, value: float) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise AnalysisError(f"{name} must be a number in (0, 1], got {value!r}") from None
    if not 0 < v <= 1:
        raise AnalysisError(f"{name} must be a number in (0, 1], got {value!r}")
    return v


def _with_evidence(row: dict[str, Any]) -> dict[str, Any]:
    """``row`` with its ``evidence``, written from its structured columns."""
    row["evidence"] = duplicate_evidence(row, lang="en")
    return row


# ----------------------------------------------------------------- offers
def _offer_pairs(net: Network, *, name_similarity: float) -> list[dict]:
    tab = offers_table(net, name_similarity=name_similarity)
    if tab.empty:
        return []
    keys = sorted(set(tab["key"]))
    near = {(keys[i], keys[j]): r for i, j, r in near_matches(keys, threshold=name_similarity)}
    offers_of = tab.groupby("actor")["offer"].agg(lambda s: sorted(set(s))).to_dict()
    found: dict[tuple[Hashable, Hashable], list[tuple[float, dict, str]]] = defaultdict(list)

    def compare(r1: pd.Series, r2: pd.Series, score: float, ratio: float | None) -> None:
        if r1["actor"] == r2["actor"]:
            return
        if r1["area_key"] and r2["area_key"] and r1["area_key"] != r2["area_key"]:
            return
        a, b = node_order([r1["actor"], r2["actor"]])
        ra, rb = (r1, r2) if a == r1["actor"] else (r2, r1)
        area = ra["area"] if isinstance(ra["area"], str) else rb["area"]
        tg = ra["target_group"]
        match = {
            "item_a": ra["item"],
            "item_b": rb["item"],
            "target_group": tg if isinstance(tg, str) else None,
            "area": area if isinstance(area, str) else None,
            "similarity": None if ratio is None else float(ratio),
        }
        found[(a, b)].append((score, match, ra["offer"]))

    for _, group in tab.groupby("tg_key", sort=True):
        by_key = {k: [r for _, r in rows.iterrows()] for k, rows in group.groupby("key", sort=True)}
        for rows in by_key.values():
            for i in range(len(rows)):
                for j in range(i + 1, len(rows)):
                    compare(rows[i], rows[j], 1.0, None)
        present = sorted(by_key)
        for i, k1 in enumerate(present):
            for k2 in present[i + 1 :]:
                ratio = near.get((k1, k2))
                if ratio is None:
                    continue
                for r1 in by_key[k1]:
                    for r2 in by_key[k2]:
                        compare(r1, r2, NEAR_NAME_FACTOR * ratio / 100, ratio)
    out: list[dict[str, Any]] = []
    for (a, b), matches in found.items():
        # one match per description; best first, then in the order of their English words
        described: dict[tuple[float, str, str], dict] = {}
        for score, match, offer in matches:
            key = (score, duplicate_offer(a, b, match, lang="en"), offer)
            described.setdefault(key, match)
        order = sorted(described, key=lambda k: (-k[0], k[1], k[2]))
        shared = sorted({k[2] for k in order})
        out.append(
            _with_evidence(
                {
                    "a": a,
                    "b": b,
                    "kind": "offer",
                    "score": float(order[0][0]),
                    "shared": shared,
                    "only_a": [o for o in offers_of.get(a, []) if o not in shared],
                    "only_b": [o for o in offers_of.get(b, []) if o not in shared],
                    "details": {"matches": [described[k] for k in order]},
                }
            )
        )
    out.sort(key=lambda d: (-d["score"], str(d["a"]), str(d["b"])))
    return out


# ------------------------------------------------------------- committees
def _committee_pairs(
    net: Network, *, min_jaccard: float, min_overlap: float, min_shared: int
) -> list[dict]:
    rows = affiliations_of_kind(net, COMMITTEE_KINDS)
    if rows.empty:
        return []
    items = rows["item"].astype(str).tolist()
    keys = [name_key(i) for i in items]
    names = display_names(keys, items)
    members: dict[str, set[str]] = defaultdict(set)
    for k, a in zip(keys, rows["actor"].astype(str), strict=True):
        members[k].add(a)
    committees = sorted(members, key=lambda k: names[k])
    if len(committees) < 2:
        return []
    actors = sorted({a for m in members.values() for a in m})
    col = {a: i for i, a in enumerate(actors)}
    r, c = [], []
    for i, k in enumerate(committees):
        for a in members[k]:
            r.append(i)
            c.append(col[a])
    M = sp.csr_matrix((np.ones(len(r)), (r, c)), shape=(len(committees), len(actors)))
    inter = sp.triu(M @ M.T, k=1).tocoo()
    size = np.asarray(M.sum(axis=1)).ravel()
    out: list[dict[str, Any]] = []
    for i, j, s in zip(inter.row.tolist(), inter.col.tolist(), inter.data.tolist(), strict=True):
        s = int(round(s))
        if s < min_shared:
            continue
        jac = s / (size[i] + size[j] - s)
        ovl = s / min(size[i], size[j])
        if jac < min_jaccard and ovl < min_overlap:
            continue
        ka, kb = committees[i], committees[j]
        shared = sorted(members[ka] & members[kb])
        only_a = sorted(members[ka] - members[kb])
        only_b = sorted(members[kb] - members[ka])
        out.append(
            _with_evidence(
                {
                    "a": names[ka],
                    "b": names[kb],
                    "kind": "committee",
                    "score": float(jac),
                    "shared": shared,
                    "only_a": only_a,
                    "only_b": only_b,
                    "details": {"overlap": float(ovl)},
                }
            )
        )
    out.sort(key=lambda d: (-d["score"], -d["details"]["overlap"], d["a"], d["b"]))
    return out


# ------------------------------------------------- structural equivalence
def _required_overlap(
    deg: np.ndarray, measure: str, threshold: float, min_shared: int
) -> np.ndarray:
    bound = threshold if measure == "jaccard" else threshold * threshold
    need = np.ceil(bound * deg - 1e-9).astype(np.int64)
    return np.maximum(need, min_shared)


def _prefix_matrix(A: sp.csr_matrix, need: np.ndarray) -> sp.csr_matrix:
    """Each row's first ``deg - need + 1`` neighbours in order of increasing degree.

    Prefix filtering (Bayardo et al. 2007): two neighbourhoods that share at
    least ``need`` members, with members ordered the same way for all rows,
    share a member in these prefixes.
    """
    n = A.shape[0]
    deg = np.diff(A.indptr)
    rank = np.empty(n, dtype=np.int64)
    rank[np.lexsort((np.arange(n), deg))] = np.arange(n)
    R = sp.csr_matrix((np.ones(A.nnz), rank[A.indices], A.indptr), shape=A.shape)
    R.sort_indices()
    keep_n = np.clip(deg - need + 1, 0, deg)
    pos = np.arange(R.nnz) - np.repeat(R.indptr[:-1], deg)
    mask = pos < np.repeat(keep_n, deg)
    indptr = np.concatenate([[0], np.cumsum(keep_n)])
    return sp.csr_matrix((np.ones(int(mask.sum())), R.indices[mask], indptr), shape=A.shape)


def structural_equivalence(
    A: sp.csr_matrix,
    groups: Sequence[object] | None = None,
    *,
    measure: Literal["jaccard", "cosine"] = "jaccard",
    min_similarity: float = 0.6,
    min_shared: int = 2,
) -> pd.DataFrame:
    """All pairs of rows of a symmetric 0/1 adjacency matrix with similar neighbourhoods.

    Parameters
    ----------
    A : scipy.sparse matrix
        Symmetric adjacency matrix without diagonal; nonzero entries count as ties.
    groups : sequence, optional
        A group label per row; only rows of the same group are compared.
    measure : {"jaccard", "cosine"}
        Similarity of the neighbourhoods, see Notes.
    min_similarity : float, default 0.6
        Pairs below this similarity are left out.
    min_shared : int, default 2
        Pairs with fewer common neighbours are left out.

    Returns
    -------
    pandas.DataFrame
        Columns ``i``, ``j`` (row numbers, ``i < j``), ``shared`` (common
        neighbours), ``tied`` (whether i and j are tied), ``similarity``; sorted by
        similarity (descending), then i, j.

    Notes
    -----
    With :math:`N(i)` the neighbours of i, and i and j left out of each other's
    neighbourhood, :math:`c = |N(i) \\cap N(j)|` and :math:`d_i' = |N(i) \\setminus \\{j\\}|`:

    .. math:: \\text{jaccard} = \\frac{c}{d_i' + d_j' - c}, \\qquad
              \\text{cosine} = \\frac{c}{\\sqrt{d_i' d_j'}}.

    Candidate pairs come from prefix filtering (Bayardo et al. 2007): a pair
    with Jaccard >= t shares at least :math:`\\lceil t \\max(d_i, d_j) \\rceil`
    neighbours (cosine: :math:`\\lceil t^2 \\max(d_i, d_j) \\rceil`), so with
    neighbours ordered from rare to frequent, the first :math:`d - \\text{need} + 1`
    neighbours of the two rows overlap. Frequent neighbours (hubs) fall out of
    the prefixes, which keeps the sparse product small; tied pairs are always
    candidates. A length filter drops candidates whose sizes alone rule them out
    (Jaccard <= min(d') / max(d'); cosine <= its square root). No dense n × n
    matrix is built; the exact overlap is computed only for the candidates left.

    References
    ----------
    .. [1] Bayardo, R. J., Ma, Y., Srikant, R. (2007). Scaling up all pairs similarity
       search. WWW '07, 131–140. https://doi.org/10.1145/1242572.1242591

    Examples
    --------
    >>> import networkx as nx
    >>> A = nx.to_scipy_sparse_array(nx.complete_bipartite_graph(2, 3), format="csr")
    >>> pairs = structural_equivalence(A, min_similarity=1.0)
    >>> list(zip(pairs["i"].tolist(), pairs["j"].tolist(), pairs["similarity"].tolist()))
    [(0, 1, 1.0), (2, 3, 1.0), (2, 4, 1.0), (3, 4, 1.0)]
    """
    if measure not in ("jaccard", "cosine"):
        raise AnalysisError(f"measure must be 'jaccard' or 'cosine', got {measure!r}")
    t = _check_fraction("min_similarity", min_similarity)
    if isinstance(min_shared, bool) or not isinstance(min_shared, int) or min_shared < 1:
        raise AnalysisError(f"min_shared must be an int >= 1, got {min_shared!r}")
    A = sp.csr_matrix(A, dtype=np.float64)
    A.setdiag(0)
    A.eliminate_zeros()
    A.data[:] = 1.0
    n = A.shape[0]
    cols = ["i", "j", "shared", "tied", "similarity"]
    if n < 2:
        return pd.DataFrame(
            {c: pd.Series(dtype=float if c == "similarity" else "int64") for c in cols}
        ).astype({"tied": bool})
    deg = np.diff(A.indptr)
    need = _required_overlap(deg, measure, t, min_shared)
    P = _prefix_matrix(A, need)
    if groups is None:
        codes = np.zeros(n, dtype=np.int64)
    else:
        codes = pd.factorize(pd.Series(list(groups), dtype=object), use_na_sentinel=False)[0]
    cand = []
    for g in np.unique(codes):
        rows = np.flatnonzero((codes == g) & (deg >= min_shared))
        if len(rows) < 2:
            continue
        Pg = P[rows]
        PgT = Pg.T.tocsr()
        for start in range(0, len(rows), _ROW_BLOCK):
            block = (Pg[start : start + _ROW_BLOCK] @ PgT).tocoo()
            gi, gj = rows[block.row + start], rows[block.col]
            keep = gi < gj
            cand.append(gi[keep] * n + gj[keep])
    # tied pairs of the same group are always candidates (prefix filtering assumes
    # the full neighbourhoods, but a tie is left out of both)
    U = sp.triu(A, k=1).tocoo()
    same = codes[U.row] == codes[U.col]
    cand.append(U.row[same].astype(np.int64) * n + U.col[same])
    keys = np.unique(np.concatenate(cand)) if cand else np.empty(0, dtype=np.int64)
    rows_i, rows_j = keys // n, keys % n
    tied = np.empty(len(keys))
    for start in range(0, len(keys), _PAIR_BLOCK):
        bi, bj = rows_i[start : start + _PAIR_BLOCK], rows_j[start : start + _PAIR_BLOCK]
        tied[start : start + len(bi)] = np.asarray(A[bi, bj]).ravel()
    # length filter: the similarity is at most min(d') / max(d') (Jaccard), or its root
    # (cosine), so a hub is never compared in full with actors of few partners
    di, dj = deg[rows_i] - tied, deg[rows_j] - tied
    low, high = np.minimum(di, dj), np.maximum(di, dj)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(high > 0, low / high, 0.0)
    bound = ratio if measure == "jaccard" else np.sqrt(ratio)
    fits = (low >= min_shared) & (bound >= t - 1e-12)
    rows_i, rows_j, tied, di, dj = rows_i[fits], rows_j[fits], tied[fits], di[fits], dj[fits]
    shared = np.empty(len(rows_i))
    for start in range(0, len(rows_i), _PAIR_BLOCK):
        bi, bj = rows_i[start : start + _PAIR_BLOCK], rows_j[start : start + _PAIR_BLOCK]
        shared[start : start + len(bi)] = np.asarray(A[bi].multiply(A[bj]).sum(axis=1)).ravel()
    with np.errstate(divide="ignore", invalid="ignore"):
        if measure == "jaccard":
            sim = shared / (di + dj - shared)
        else:
            sim = shared / np.sqrt(di * dj)
    sim = np.nan_to_num(sim)
    ok = (shared >= min_shared) & (sim >= t - 1e-12)
    out = pd.DataFrame(
        {
            "i": rows_i[ok],
            "j": rows_j[ok],
            "shared": shared[ok].astype(np.int64),
            "tied": tied[ok] > 0,
            "similarity": np.minimum(sim[ok], 1.0),
        }
    )
    return out.sort_values(
        ["similarity", "i", "j"], ascending=[False, True, True], ignore_index=True
    )


def _tie_pairs(
    net: Network | nx.Graph,
    *,
    measure: str,
    min_similarity: float,
    min_shared: int,
    same_type: bool,
) -> list[dict]:
    H = cooperation_graph(net, weight=None)
    order = list(H.nodes)
    if len(order) < 2:
        return []
    A = nx.to_scipy_sparse_array(H, nodelist=order, weight=None, format="csr")
    groups = None
    if same_type:
        types = actor_table(net, order)["type"]
        groups = [t if isinstance(t, str) else None for t in types]
    pairs = structural_equivalence(
        A,
        groups,
        measure=measure,  # type: ignore[arg-type]
        min_similarity=min_similarity,
        min_shared=min_shared,
    )
    out = []
    type_of = dict(zip(order, groups, strict=True)) if groups is not None else {}
    for i, j, _, tied, sim in pairs.itertuples(index=False, name=None):
        a, b = order[i], order[j]
        na, nb = set(H[a]) - {b}, set(H[b]) - {a}
        out.append(
            _with_evidence(
                {
                    "a": a,
                    "b": b,
                    "kind": "ties",
                    "score": float(sim),
                    "shared": node_order(na & nb),
                    "only_a": node_order(na - nb),
                    "only_b": node_order(nb - na),
                    "details": {"type": type_of.get(a), "measure": measure, "tied": bool(tied)},
                }
            )
        )
    return out


# ------------------------------------------------------------------ public
def duplicates(
    net: Network | nx.Graph,
    *,
    kinds: str | Sequence[str] | None = None,
    name_similarity: float = 90.0,
    min_jaccard: float = 0.5,
    min_overlap: float = 0.8,
    min_shared: int = 2,
    measure: Literal["jaccard", "cosine"] = "jaccard",
    min_similarity: float = 0.6,
    same_type: bool = True,
) -> pd.DataFrame:
    """Candidate duplicate structures (Doppelstrukturen): offers, committees, roles.

    Parameters
    ----------
    net : Network or networkx.Graph
        The network. Offers and committees come from a Network's
        ``affiliations``; a plain graph has none, so for it only ``ties`` is
        possible (asking for another kind raises :class:`AnalysisError`).
    kinds : str or list of str, optional
        Any of ``"offer"``, ``"committee"``, ``"ties"``. Default: all that the
        input allows.
    name_similarity : float, default 90
        ``offer``: offer names whose normalised forms differ but reach this
        rapidfuzz similarity (0–100) count as near-identical.
    min_jaccard, min_overlap : float, default 0.5 and 0.8
        ``committee``: a pair is listed when its Jaccard index reaches
        ``min_jaccard`` or its overlap coefficient reaches ``min_overlap``.
    min_shared : int, default 2
        ``committee``: shared members needed; ``ties``: shared cooperation
        partners needed.
    measure : {"jaccard", "cosine"}, default "jaccard"
        ``ties``: the similarity of two actors' sets of partners.
    min_similarity : float, default 0.6
        ``ties``: pairs below this similarity are left out.
    same_type : bool, default True
        ``ties``: compare only actors of the same ``type`` (actors of unknown
        type are compared with each other); False compares all actors.

    Returns
    -------
    pandas.DataFrame
        One row per candidate pair, sorted by ``kind`` (alphabetically), then
        ``score`` (descending):

        ``a``, ``b``
            the two actors (``offer``, ``ties``) or committees (``committee``);
        ``kind``
            ``offer``, ``committee`` or ``ties``;
        ``score``
            0–1, see Notes;
        ``evidence``
            a short readable reason in English, written from the other columns by
            :func:`quartiernetz.words.duplicate_evidence` (which writes it in German
            too);
        ``shared``, ``only_a``, ``only_b``
            lists: offers both run and the other offers of each (``offer``);
            shared members and the members of only one committee (``committee``);
            shared partners and the partners of only one (``ties``);
        ``details``
            a dict with the rest of what ``evidence`` says, by kind. ``offer``:
            ``matches``, a list with one dict per matching pair of offers —
            ``item_a``, ``item_b`` (the offer as each actor names it),
            ``target_group`` and ``area`` (text, or None where not given) and
            ``similarity`` (the rapidfuzz ratio of near-identical names, None where
            the names are equal after normalisation) — best first, then in the
            order of their English description; ``committee``: ``overlap``, the
            overlap coefficient; ``ties``: ``type`` (the actors' type, None when not
            compared by type or not given), ``measure`` (``"jaccard"`` or
            ``"cosine"``) and ``tied`` (whether the two cooperate with each other).

    Notes
    -----
    ``offer``
        Two different actors have offer affiliations (``kind`` ``offer`` or
        ``Angebot``) with the same target group and, where both areas are known,
        the same area (an offer's area defaults to its actor's ``area``). Names
        and target groups are compared by their keys: lower case, umlauts and ß
        written out, punctuation and spaces removed. Equal keys score 1; keys
        whose :func:`rapidfuzz.fuzz.ratio` reaches ``name_similarity`` score
        ``0.9 * ratio / 100``. A missing target group matches only a missing
        one; the same offer for different target groups is not a duplicate.
    ``committee``
        For committees (``kind`` ``committee`` or ``Gremium``; names compared
        by key) with member sets A and B: Jaccard :math:`|A∩B| / |A∪B|`
        (the score) and overlap coefficient :math:`|A∩B| / \\min(|A|, |B|)`,
        which is 1 when one committee sits entirely inside the other. Ties in
        score are ordered by the overlap coefficient.
    ``ties``
        Structural equivalence (Lorrain & White 1971): two actors are
        equivalent when they have the same partners. Its graded form (Borgatti
        & Everett 1992; Burt 1976) compares the partner sets by Jaccard or
        cosine (see :func:`structural_equivalence`), on the undirected
        cooperation graph, intensities ignored. High similarity marks actors who
        fill the same role and could pool resources, or duplicate each other.

    References
    ----------
    .. [1] Lorrain, F., White, H. C. (1971). Structural equivalence of individuals in
       social networks. J. Math. Sociology 1(1), 49–80.
       https://doi.org/10.1080/0022250X.1971.9989788
    .. [2] Borgatti, S. P., Everett, M. G. (1992). Notions of position in social
       network analysis. Sociological Methodology 22, 1–35.
       https://doi.org/10.2307/270991
    .. [3] Burt, R. S. (1976). Positions in networks. Social Forces 55(1), 93–122.
       https://doi.org/10.2307/2577097

    Examples
    --------
    >>> import pandas as pd
    >>> from quartiernetz import Network
    >>> net = Network(
    ...     actors=pd.DataFrame({"id": ["awo", "caritas", "qm"]}),
    ...     affiliations=pd.DataFrame({
    ...         "actor": ["awo", "caritas"], "item": ["Seniorentreff", "Senioren-Treff"],
    ...         "kind": ["offer", "offer"], "target_group": ["Senioren", "Senioren"],
    ...         "area": ["Weststadt", "Weststadt"]}),
    ... )
    >>> d = duplicates(net)
    >>> d[["a", "b", "kind", "score"]].values.tolist()
    [['awo', 'caritas', 'offer', 1.0]]
    >>> print(d.loc[0, "evidence"])
    awo offers "Seniorentreff", caritas "Senioren-Treff", both for Senioren in Weststadt
    """
    available: tuple[str, ...]
    if isinstance(net, Network):
        available = DUPLICATE_KINDS
    elif isinstance(net, nx.Graph):
        available = ("ties",)
    else:
        require_network(net, "duplicates")
    if kinds is None:
        wanted = list(available)
    else:
        wanted = [kinds] if isinstance(kinds, str) else list(kinds)
        unknown = [k for k in wanted if k not in DUPLICATE_KINDS]
        if unknown:
            raise AnalysisError(f"unknown kinds {unknown}; expected some of {DUPLICATE_KINDS}")
        if any(k != "ties" for k in wanted):
            require_network(net, f"duplicates of kind {[k for k in wanted if k != 'ties']}")
    min_jaccard = _check_fraction("min_jaccard", min_jaccard)
    min_overlap = _check_fraction("min_overlap", min_overlap)
    if isinstance(min_shared, bool) or not isinstance(min_shared, int) or min_shared < 1:
        raise AnalysisError(f"min_shared must be an int >= 1, got {min_shared!r}")
    if not 0 < float(name_similarity) <= 100:
        raise AnalysisError(f"name_similarity must be in (0, 100], got {name_similarity!r}")
    rows: list[dict] = []
    if "offer" in wanted:
        rows += _offer_pairs(net, name_similarity=float(name_similarity))  # type: ignore[arg-type]
    if "committee" in wanted:
        rows += _committee_pairs(
            net,
            min_jaccard=min_jaccard,  # type: ignore[arg-type]
            min_overlap=min_overlap,
            min_shared=min_shared,
        )
    if "ties" in wanted:
        rows += _tie_pairs(
            net,
            measure=measure,
            min_similarity=min_similarity,
            min_shared=min_shared,
            same_type=bool(same_type),
        )
    if not rows:
        return _empty()
    out = pd.DataFrame(rows, columns=COLUMNS)
    out["score"] = out["score"].astype(float)
    # stable sort keeps each kind's own order among equal scores
    out = out.sort_values(
        ["kind", "score"], ascending=[True, False], kind="mergesort", ignore_index=True
    )
    return out.astype(
        {"a": object, "b": object, "kind": object, "evidence": object, "details": object}
    )
