"""Pairwise overlap of committees (by their members) or of providers (by their offers)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..exceptions import AnalysisError
from ..i18n import Text
from ..network import Network
from ._data import COMMITTEE_KINDS, OFFER_KINDS, affiliations_of_kind
from ._names import name_key

__all__ = ["overlap_matrix", "overlap_pairs", "OVERLAP_KINDS"]

#: The kinds :func:`overlap_matrix` compares, with the affiliation ``kind`` values
#: (case ignored) read as each.
OVERLAP_KINDS: dict[str, tuple[str, ...]] = {"committee": COMMITTEE_KINDS, "offer": OFFER_KINDS}


def _check(net: object, kind: str) -> None:
    if not isinstance(net, Network):
        raise AnalysisError(
            Text(
                "overlaps need a quartiernetz Network (with affiliations)",
                "Überschneidungen brauchen ein quartiernetz-Network (mit Zugehörigkeiten)",
            )
        )
    if kind not in OVERLAP_KINDS:
        raise AnalysisError(
            Text(
                f"kind must be 'committee' or 'offer', got {kind!r}",
                f"kind muss 'committee' oder 'offer' sein, erhalten: {kind!r}",
            )
        )


def _memberships(rows: pd.DataFrame) -> tuple[list[str], list[str], list[str]]:
    """Committees by members: row keys, column keys and the committees' display names."""
    names: dict[str, str] = {}
    for item in rows["item"].astype(str):
        names.setdefault(name_key(item), item)
    row_keys = [name_key(i) for i in rows["item"].astype(str)]
    labels = sorted(names, key=lambda k: (k, names[k]))
    return row_keys, labels, [names[k] for k in labels]


def _offer_keys(net: Network, rows: pd.DataFrame, actors: list[str]) -> list[str]:
    """One key per offer row: name, target group and area (the actor's own area as fallback)."""
    missing = pd.Series([None] * len(rows), index=rows.index)
    tg = rows["target_group"] if "target_group" in rows.columns else missing
    area = rows["area"] if "area" in rows.columns else missing
    if "area" in net.actors.columns:
        own = net.actors["area"].astype(object)
        area = pd.Series(
            [
                a if isinstance(a, str) and a.strip() else own.get(act)
                for a, act in zip(area, actors, strict=True)
            ],
            index=rows.index,
        )
    return [
        f"{name_key(i)}|{name_key(t)}|{name_key(a)}"
        for i, t, a in zip(rows["item"], tg, area, strict=True)
    ]


def overlap_matrix(
    net: Network,
    *,
    kind: Literal["committee", "offer"] = "committee",
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Pairwise overlap of committees (by members) or of providers (by offers).

    Parameters
    ----------
    net : Network
    kind : {"committee", "offer"}
        ``committee``: committees (affiliation kind ``committee``/``Gremium``)
        compared by their members. ``offer``: actors compared by the offers they
        run, an offer being its name, target group and area (names compared by
        key, as in :func:`duplicates`: lower case, umlauts written out,
        punctuation and spaces removed, so "Senioren-Treff" equals
        "Seniorentreff").

    Returns
    -------
    jaccard : DataFrame
        Square, indexed by committee name or actor id (sorted by key):
        :math:`|A∩B| / |A∪B|`, 1 on the diagonal.
    shared : DataFrame
        The same shape: the number of shared members or offers (the diagonal:
        the set sizes).

    Examples
    --------
    >>> import pandas as pd
    >>> from quartiernetz import Network
    >>> from quartiernetz.structures import overlap_matrix
    >>> net = Network(affiliations=pd.DataFrame({
    ...     "actor": ["a", "b", "c", "a", "b"], "item": ["AK 1"] * 3 + ["AK 2"] * 2,
    ...     "kind": "committee"}))
    >>> jac, shared = overlap_matrix(net)
    >>> round(float(jac.loc["AK 1", "AK 2"]), 3), int(shared.loc["AK 1", "AK 2"])
    (0.667, 2)
    """
    _check(net, kind)
    rows = affiliations_of_kind(net, OVERLAP_KINDS[kind])
    if rows.empty:
        empty = pd.DataFrame(dtype=float)
        return empty, empty.copy()
    actors = rows["actor"].astype(str).tolist()
    if kind == "committee":
        row_keys, labels, display = _memberships(rows)
        col_keys = actors
    else:
        col_keys = _offer_keys(net, rows, actors)
        row_keys = actors
        labels = sorted(set(actors))
        display = labels
    pairs = sorted(set(zip(row_keys, col_keys, strict=True)))
    r_index = {k: i for i, k in enumerate(labels)}
    cols = sorted({c for _, c in pairs})
    c_index = {k: i for i, k in enumerate(cols)}
    M = sp.csr_matrix(
        (np.ones(len(pairs)), ([r_index[r] for r, _ in pairs], [c_index[c] for _, c in pairs])),
        shape=(len(labels), len(cols)),
    )
    inter = (M @ M.T).toarray()
    size = np.diag(inter).copy()
    union = size[:, None] + size[None, :] - inter
    with np.errstate(divide="ignore", invalid="ignore"):
        jac = np.where(union > 0, inter / np.where(union > 0, union, 1), 0.0)
    idx = pd.Index(display, name="committee" if kind == "committee" else "actor")
    return (
        pd.DataFrame(jac, index=idx, columns=idx),
        pd.DataFrame(inter.astype(int), index=idx, columns=idx),
    )


def overlap_pairs(
    duplicates: pd.DataFrame,
    items: Iterable[str],
    *,
    kind: Literal["committee", "offer"] = "committee",
) -> set[tuple[str, str]]:
    """The pairs of a :func:`duplicates` table of this ``kind`` among ``items``.

    Parameters
    ----------
    duplicates : DataFrame
        A :func:`duplicates` table (columns ``a``, ``b``, ``kind``).
    items : iterable of str
        Rows of an :func:`overlap_matrix`: committee names (matched by key, so
        spelling variants meet) or actor ids.
    kind : {"committee", "offer"}

    Returns
    -------
    set of (str, str)
        Pairs ``(a, b)`` of ``items``, in the order of the duplicates table's
        columns.

    Examples
    --------
    >>> import pandas as pd
    >>> from quartiernetz.structures import overlap_pairs
    >>> dups = pd.DataFrame({"a": ["AK-1"], "b": ["AK 2"], "kind": ["committee"]})
    >>> sorted(overlap_pairs(dups, ["AK 1", "AK 2", "AK 3"]))
    [('AK 1', 'AK 2')]
    """
    if len(duplicates):
        duplicates = duplicates[duplicates["kind"].astype(str) == kind]
    committee = kind == "committee"
    keyed = {(name_key(x) if committee else x): x for x in items}
    pairs: set[tuple[str, str]] = set()
    for a, b in zip(duplicates.get("a", []), duplicates.get("b", []), strict=False):
        ka, kb = (name_key(a), name_key(b)) if committee else (a, b)
        if ka in keyed and kb in keyed:
            pairs.add((keyed[ka], keyed[kb]))
    return pairs
