"""The offer map (Bedarfsmapping): offers × target groups (× areas) with their providers.

:func:`offer_map` shows at a glance where several providers run the same offer
for the same people (duplicates) and where a target group named in the data has
no provider of an offer (gaps).
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from ..exceptions import AnalysisError
from ..network import Network
from ._data import node_order, offers_table, require_network
from ._names import display_names, name_key

__all__ = ["offer_map", "UNSPECIFIED"]

#: Label of the column (target group) or area of offers for which none is given.
UNSPECIFIED = "(not given)"


def _named(values: list[object]) -> tuple[list[str], list[str]]:
    keys, names = [], []
    for v in values:
        if isinstance(v, str) and v.strip():
            keys.append(name_key(v))
            names.append(v.strip())
    return keys, names


def offer_map(
    net: Network,
    *,
    by_area: bool | None = None,
    layout: Literal["wide", "long"] = "wide",
    name_similarity: float = 90.0,
) -> pd.DataFrame:
    """Offers × target groups (× areas), with the providers in each cell.

    Parameters
    ----------
    net : Network
        A :class:`~quartiernetz.Network` with offer affiliations (``kind``
        ``offer`` or ``Angebot``, optional ``target_group`` and ``area``). Only a
        Network: a networkx graph has no affiliations, and passing one raises
        :class:`~quartiernetz.exceptions.AnalysisError` saying so.
    by_area : bool, optional
        Split the map by area. Default: when any offer has an area (an offer's
        area defaults to its actor's ``area``).
    layout : {"wide", "long"}, default "wide"
        ``wide``: one row per offer, one column per target group (per area and
        target group when ``by_area``), each cell the sorted list of providers
        (an empty list is a gap). ``long``: one row per cell, see Returns.
    name_similarity : float, default 90
        Offer names are grouped when equal after normalisation (case, spaces,
        punctuation, umlauts) or near-identical (rapidfuzz ratio >= this); the
        row shows the most frequent spelling.

    Returns
    -------
    pandas.DataFrame
        ``wide``: index ``offer``; columns the target groups (a MultiIndex
        ``(area, target_group)`` when ``by_area``); cells lists of actor ids.
        ``long``: columns ``offer``, ``target_group``, (``area``), ``providers``
        (list), ``n_providers`` and ``status``: ``"duplicate"`` (two or more
        providers), ``"single"`` or ``"gap"`` (none), sorted by offer, area,
        target group.

    Notes
    -----
    The target groups are every target group named anywhere in the
    affiliations (also of projects and committees), so a target group that
    appears only in a project but is served by no offer shows up as an empty
    column. The areas are those named for actors and affiliations. A cell is a
    *gap* when no actor offers that offer to that target group (in that area);
    read gaps along a column to see what a target group lacks, and a column of
    gaps only as a target group no offer serves. Offers without a target group
    (or area) fall into a column (area) named ``"(not given)"``, whose empty
    cells are not gaps.

    Examples
    --------
    >>> import pandas as pd
    >>> from quartiernetz import Network
    >>> net = Network(affiliations=pd.DataFrame({
    ...     "actor": ["awo", "caritas", "diakonie", "mgh"],
    ...     "item": ["Seniorentreff", "Senioren-Treff", "Seniorentreff", "Elterncafé"],
    ...     "kind": "offer",
    ...     "target_group": ["Senioren", "Senioren", "Senioren", "Familien"]}))
    >>> offer_map(net)
    target_group   Familien                   Senioren
    offer
    Elterncafé        [mgh]                         []
    Seniorentreff        []  [awo, caritas, diakonie]
    >>> offer_map(net, layout="long")["status"].tolist()
    ['single', 'gap', 'gap', 'duplicate']
    """
    net = require_network(net, "offer_map")
    if layout not in ("wide", "long"):
        raise AnalysisError(f"layout must be 'wide' or 'long', got {layout!r}")
    if not 0 < float(name_similarity) <= 100:
        raise AnalysisError(f"name_similarity must be in (0, 100], got {name_similarity!r}")
    tab = offers_table(net, name_similarity=float(name_similarity))
    aff = net.affiliations

    # target groups named anywhere
    tg_keys, tg_names = _named(aff["target_group"].tolist() if "target_group" in aff else [])
    tg_display = display_names(tg_keys, tg_names)
    area_values = (aff["area"].tolist() if "area" in aff else []) + (
        net.actors["area"].tolist() if "area" in net.actors else []
    )
    area_keys, area_names = _named(area_values)
    area_display = display_names(area_keys, area_names)
    if by_area is None:
        by_area = bool(len(tab)) and bool((tab["area_key"] != "").any())

    tab = tab.assign(
        tg=[tg_display.get(k, UNSPECIFIED) if k else UNSPECIFIED for k in tab["tg_key"]],
        ar=[area_display.get(k, UNSPECIFIED) if k else UNSPECIFIED for k in tab["area_key"]],
    )
    offers = sorted(set(tab["offer"]))
    groups = sorted(set(tg_display.values()))
    if (tab["tg"] == UNSPECIFIED).any():
        groups.append(UNSPECIFIED)
    areas: list[str | None] = [None]
    if by_area:
        areas = list(sorted(set(area_display.values())))
    if by_area and (tab["ar"] == UNSPECIFIED).any():
        areas.append(UNSPECIFIED)

    providers: dict[tuple, list] = {}
    for (offer, tg, ar), rows in tab.groupby(["offer", "tg", "ar"], sort=False):
        key = (offer, tg, ar if by_area else None)
        providers[key] = node_order(set(providers.get(key, [])) | set(rows["actor"]))
    records = []
    for offer in offers:
        for ar in areas:
            for tg in groups:
                who = providers.get((offer, tg, ar), [])
                if not who and (tg == UNSPECIFIED or ar == UNSPECIFIED):
                    status = None
                else:
                    status = "gap" if not who else ("single" if len(who) == 1 else "duplicate")
                records.append(
                    {
                        "offer": offer,
                        "area": ar,
                        "target_group": tg,
                        "providers": who,
                        "n_providers": len(who),
                        "status": status,
                    }
                )
    cols = (
        ["offer", "target_group"]
        + (["area"] if by_area else [])
        + ["providers", "n_providers", "status"]
    )
    long = pd.DataFrame(
        records, columns=["offer", "area", "target_group", "providers", "n_providers", "status"]
    )
    if layout == "long":
        long = long[long["status"].notna()]
        long = long[cols].reset_index(drop=True)
        return long.astype(
            {"offer": object, "target_group": object, "status": object, "n_providers": "int64"}
        )
    index = pd.Index(offers, dtype=object, name="offer")
    if by_area:
        columns = pd.MultiIndex.from_tuples(
            [(a, g) for a in areas for g in groups], names=["area", "target_group"]
        )
    else:
        columns = pd.Index(groups, dtype=object, name="target_group")
    wide = pd.DataFrame(index=index, columns=columns, dtype=object)
    values = np.empty((len(offers), len(columns)), dtype=object)
    for i, offer in enumerate(offers):
        for j, col in enumerate(columns):
            ar, tg = col if by_area else (None, col)
            values[i, j] = list(providers.get((offer, tg, ar), []))
    wide.loc[:, :] = values if len(offers) and len(columns) else wide
    return wide
