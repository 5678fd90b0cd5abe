"""Competitor clusters (lokale Konkurrenz): providers of the same thing who do not cooperate.

:func:`competitor_clusters` finds sets of actors that serve the same people in
the same way but cooperate little with one another, says what makes them
competitors, and names the actors who could broker between them.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Hashable
from typing import Any, Literal

import networkx as nx
import numpy as np
import pandas as pd

from ..exceptions import AnalysisError
from ..network import Network
from ..words import competitor_basis
from ._data import (
    actor_table,
    competition_pairs,
    cooperation_graph,
    node_order,
    offers_table,
    target_groups,
)
from ._names import display_names, name_key
from .community import communities

__all__ = ["competitor_clusters"]

COLUMNS = [
    "cluster",
    "members",
    "basis",
    "internal_density",
    "bridges",
    "suggested_ties",
    "missing_ties",
    "competition_ties",
    "shared_offers",
    "shared_target_groups",
    "bases",
]


def _offer_markets(net: Network, name_similarity: float) -> list[tuple[frozenset, str, dict]]:
    """(providers, offer, basis) for each offer × target group × area with 2+ providers."""
    tab = offers_table(net, name_similarity=name_similarity)
    out = []
    for (_, _), rows in tab.groupby(["group", "tg_key"], sort=True):
        offer = rows["offer"].iloc[0]
        tg = rows["target_group"].iloc[0]
        tg = tg if isinstance(tg, str) else None
        known = sorted(set(rows["area_key"]) - {""})
        parts = (
            [(None, rows)]
            if not known
            else [(k, rows[rows["area_key"].isin([k, ""])]) for k in known]
        )
        for k, part in parts:
            actors = frozenset(part["actor"])
            if len(actors) < 2:
                continue
            area = None
            if k is not None:
                area = part.loc[part["area_key"] == k, "area"].iloc[0]
            basis = {"kind": "offer", "offer": offer, "target_group": tg, "area": area}
            out.append((actors, offer, basis))
    return out


def _target_group_markets(net: Network) -> list[tuple[frozenset, str, dict]]:
    """(actors, "", basis) for each type × target group × area with 2+ actors."""
    aff = net.affiliations
    if aff.empty or "target_group" not in aff.columns:
        return []
    types = actor_table(net, net.actors.index)["type"]
    own_area = net.actors["area"] if "area" in net.actors.columns else None
    rows = []
    for actor, tg, area in zip(
        aff["actor"].astype(str),
        aff["target_group"],
        aff["area"] if "area" in aff.columns else [np.nan] * len(aff),
        strict=True,
    ):
        if not isinstance(tg, str) or not isinstance(types.get(actor), str):
            continue
        if not isinstance(area, str) and own_area is not None:
            area = own_area.get(actor, np.nan)
        area = area if isinstance(area, str) and area.strip() else None
        rows.append((actor, types[actor], name_key(tg), tg, name_key(area) if area else "", area))
    if not rows:
        return []
    tg_names = display_names([r[2] for r in rows], [r[3] for r in rows])
    by_market: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    for r in rows:
        by_market[(r[1], r[2])].append(r)
    out = []
    for (typ, tgk), members in sorted(by_market.items()):
        known = sorted({r[4] for r in members} - {""})
        parts = (
            [(None, members)]
            if not known
            else [(k, [r for r in members if r[4] in (k, "")]) for k in known]
        )
        for k, part in parts:
            actors = frozenset(r[0] for r in part)
            if len(actors) < 2:
                continue
            area = next((r[5] for r in part if r[4] == k), None) if k else None
            basis = {
                "kind": "type_and_target_group",
                "type": typ,
                "target_group": tg_names[tgk],
                "area": area,
            }
            out.append((actors, "", basis))
    return out


def _explicit_groups(pairs: set[tuple], seed: int | np.random.Generator | None) -> list[frozenset]:
    """Groups of actors tied by competition ties: Louvain communities of that graph."""
    if not pairs:
        return []
    K = nx.Graph()
    K.add_edges_from(pairs)
    labels = communities(K, seed=seed, weight=None)
    groups = labels.groupby(labels).groups
    return [frozenset(members) for members in groups.values() if len(members) >= 2]


def competitor_clusters(
    net: Network | nx.Graph,
    *,
    seed: int | np.random.Generator | None = None,
    by: Literal["offer", "target_group"] = "offer",
    max_density: float = 0.5,
    min_bridge_ties: int = 2,
    different_umbrellas: bool = True,
    name_similarity: float = 90.0,
) -> pd.DataFrame:
    """Clusters of competing providers, what makes them competitors, and who could bridge them.

    Parameters
    ----------
    net : Network or networkx.Graph
        The network. Offers and target groups come from a Network's
        ``affiliations``; for a networkx graph only explicit competition ties
        (edges whose ``relation`` attribute is ``competition``/``Konkurrenz``)
        can form clusters.
    seed : int, numpy Generator or None
        Seed of the Louvain split of the explicit competition ties into groups
        (see Notes); the rest is deterministic.
    by : {"offer", "target_group"}, default "offer"
        What "the same people in the same way" means: ``offer`` — the same offer
        (name compared after normalisation) for the same target group in the same
        area; ``target_group`` — the same actor type serving the same target
        group in the same area (for data without offer names).
    max_density : float, default 0.5
        Clusters whose members cooperate more than this (share of member pairs
        with a cooperation tie) are not competitor clusters and are left out;
        clusters with explicit competition ties are always kept.
    min_bridge_ties : int, default 2
        An outside actor is a bridge when it cooperates with at least this many
        members.
    different_umbrellas : bool, default True
        Leave out providers' sets that all belong to one umbrella (Träger): that
        is a duplicate within one organisation (see :func:`duplicates`), not
        competition. Applies only when every provider's umbrella is known.
    name_similarity : float, default 90
        Offer names at least this similar (rapidfuzz ratio, 0–100) count as the
        same offer.

    Returns
    -------
    pandas.DataFrame
        One row per cluster, sorted by ``missing_ties`` (descending), then size:

        ``cluster``
            number 0, 1, ...;
        ``members``
            list of actor ids;
        ``basis``
            what makes them competitors, as readable English text written from
            ``bases`` by :func:`quartiernetz.words.competitor_basis` (which writes
            it in German too): shared offers or target groups, same type, different
            umbrellas, explicit competition ties;
        ``internal_density``
            cooperation ties among the members / member pairs (0–1);
        ``bridges``
            outside actors cooperating with at least ``min_bridge_ties`` members,
            most connected first (e.g. the quarter management or a church);
        ``suggested_ties``
            member pairs without a cooperation tie, as ``(a, b)`` tuples, pairs
            with more common partners first;
        ``missing_ties``
            the number of such pairs;
        ``competition_ties``
            explicit competition ties among the members;
        ``shared_offers``, ``shared_target_groups``
            offers behind the cluster and target groups all members serve;
        ``bases``
            list of dicts, one per part of ``basis``, each with its ``kind`` (see
            :data:`quartiernetz.words.BASIS_KINDS`): ``offer`` (``offer``,
            ``target_group``, ``area``: one offer for one target group in one area,
            the last two None where not given), ``type_and_target_group``
            (``type``, ``target_group``, ``area``), ``type`` (all members are of
            this ``type``), ``umbrellas`` (``umbrellas``, the members' known
            umbrellas, two or more; ``different``: True when every member has its
            own), ``competition`` (``pairs``, the explicit competition ties among
            the members).

    Notes
    -----
    A *competitor cluster* is a set of at least two actors that serve the same
    people in the same way but cooperate little with one another. Candidates
    are (a) for ``by="offer"``, the providers of one offer for one target group
    in one area (an offer without an area joins every area of that offer);
    for ``by="target_group"``, the actors of one type serving one target group
    in one area; and (b) groups of actors joined by explicit competition ties
    (relation ``competition`` or ``Konkurrenz``), split into Louvain
    communities of the competition graph when they chain. Candidates with the
    same members are merged (their bases listed together); an explicit group
    whose members all lie in one candidate of kind (a) is folded into it. A
    candidate is kept when its internal cooperation density
    :math:`2 L / (n(n-1))` (L cooperation ties among n members) is at most
    ``max_density``, or when it holds an explicit competition tie.

    Practice literature on neighbourhood networks names local competition —
    welfare associations competing "by tradition" for clients, volunteers and
    funding — as a barrier to cooperation and advises identifying the
    competitors first, then looking for bridge-builders and win-win
    cooperation; the ``bridges`` and ``suggested_ties`` columns serve that step.

    References
    ----------
    .. [1] Burt, R. S. (1992). Structural Holes: The Social Structure of Competition.
       Harvard University Press. (competitors as structurally equivalent actors)
    .. [2] Blondel et al. (2008), see :func:`communities`.

    Examples
    --------
    >>> import pandas as pd
    >>> from quartiernetz import Network
    >>> net = Network(
    ...     actors=pd.DataFrame({"id": ["awo", "caritas", "qm"],
    ...                          "umbrella": ["AWO", "Caritas", None]}),
    ...     ties=pd.DataFrame({"source": ["qm", "qm"], "target": ["awo", "caritas"]}),
    ...     affiliations=pd.DataFrame({
    ...         "actor": ["awo", "caritas"], "item": ["Seniorentreff", "Seniorentreff"],
    ...         "kind": "offer", "target_group": "Senioren"}),
    ... )
    >>> cc = competitor_clusters(net)
    >>> cc[["members", "internal_density", "bridges", "suggested_ties"]].values.tolist()
    [[['awo', 'caritas'], 0.0, ['qm'], [('awo', 'caritas')]]]
    >>> print(cc.loc[0, "basis"])
    same offer "Seniorentreff" for Senioren; different umbrellas (AWO, Caritas)
    """
    if by not in ("offer", "target_group"):
        raise AnalysisError(f"by must be 'offer' or 'target_group', got {by!r}")
    try:
        max_density = float(max_density)
    except (TypeError, ValueError):
        raise AnalysisError(
            f"max_density must be a number in [0, 1], got {max_density!r}"
        ) from None
    if not 0 <= max_density <= 1:
        raise AnalysisError(f"max_density must be a number in [0, 1], got {max_density!r}")
    if (
        isinstance(min_bridge_ties, bool)
        or not isinstance(min_bridge_ties, int)
        or min_bridge_ties < 1
    ):
        raise AnalysisError(f"min_bridge_ties must be an int >= 1, got {min_bridge_ties!r}")
    if not isinstance(net, Network | nx.Graph):
        raise AnalysisError(
            f"expected a quartiernetz Network or a networkx graph, got {type(net).__name__}"
        )

    G = cooperation_graph(net, weight="weight")
    comp = competition_pairs(net)
    attrs = actor_table(net, node_order(set(G.nodes) | {a for p in comp for a in p}))

    # candidate clusters: members -> bases
    markets: list[tuple[frozenset, str, dict]] = []
    if isinstance(net, Network):
        markets = (
            _offer_markets(net, float(name_similarity))
            if by == "offer"
            else _target_group_markets(net)
        )
    candidates: dict[frozenset, dict] = {}
    for market, offer, basis in markets:
        if different_umbrellas:
            umbrellas = [attrs.at[m, "umbrella"] for m in market]
            if all(isinstance(u, str) for u in umbrellas) and len(set(umbrellas)) < 2:
                continue
        entry = candidates.setdefault(market, {"bases": [], "offers": []})
        if basis not in entry["bases"]:
            entry["bases"].append(basis)
        if offer and offer not in entry["offers"]:
            entry["offers"].append(offer)
    market_sets = list(candidates)
    for group in _explicit_groups(comp, seed):
        if group in candidates or any(group <= m for m in market_sets):
            continue
        candidates[group] = {"bases": [], "offers": []}

    tgs = target_groups(net)
    position = {n: i for i, n in enumerate(G.nodes)}
    rows: list[dict[str, Any]] = []
    for members_set, entry in candidates.items():
        members = node_order(members_set)
        pairs = list(itertools.combinations(members, 2))
        tied = {p for p in pairs if G.has_edge(*p)}
        density = len(tied) / len(pairs)
        explicit = [p for p in pairs if tuple(node_order(p)) in comp]
        if density > max_density and not explicit:
            continue
        bases = list(entry["bases"])
        types = [attrs.at[m, "type"] for m in members]
        if (
            all(isinstance(t, str) for t in types)
            and len(set(types)) == 1
            and not any(b["kind"] == "type_and_target_group" for b in bases)
        ):
            bases.append({"kind": "type", "type": types[0]})
        umbrellas = [attrs.at[m, "umbrella"] for m in members]
        known = sorted({u for u in umbrellas if isinstance(u, str)})
        if len(known) >= 2:
            bases.append(
                {"kind": "umbrellas", "umbrellas": known, "different": len(known) == len(members)}
            )
        if explicit:
            bases.append({"kind": "competition", "pairs": explicit})
        shared_tg = set.intersection(*(set(tgs.get(m, {})) for m in members))
        tg_names = sorted(
            next(tgs[m][k] for m in members if k in tgs.get(m, {})) for k in shared_tg
        )
        # bridges: outside actors cooperating with several members
        reach: dict[Hashable, list[float]] = defaultdict(lambda: [0, 0.0])
        for m in members:
            if m not in G:
                continue
            for nb, d in G[m].items():
                if nb not in members_set:
                    reach[nb][0] += 1
                    reach[nb][1] += d["weight"]
        bridges = sorted(
            (b for b, (c, _) in reach.items() if c >= min_bridge_ties),
            key=lambda b: (-reach[b][0], -reach[b][1], position[b]),
        )
        # suggestions: untied member pairs, most common partners first
        untied = [p for p in pairs if p not in tied]

        def common(p: tuple) -> int:
            a, b = p
            if a not in G or b not in G:
                return 0
            return len(set(G[a]) & set(G[b]))

        pair_pos = {p: i for i, p in enumerate(pairs)}
        untied.sort(key=lambda p: (-common(p), pair_pos[p]))
        row: dict[str, Any] = {
            "members": members,
            "internal_density": float(density),
            "bridges": bridges,
            "suggested_ties": untied,
            "missing_ties": len(untied),
            "competition_ties": len(explicit),
            "shared_offers": sorted(entry["offers"]),
            "shared_target_groups": tg_names,
            "bases": bases,
        }
        row["basis"] = competitor_basis(row, lang="en")
        rows.append(row)
    if not rows:
        return pd.DataFrame(
            {c: pd.Series(dtype=float if c == "internal_density" else object) for c in COLUMNS}
        ).astype({"cluster": "int64", "missing_ties": "int64", "competition_ties": "int64"})
    rows.sort(
        key=lambda r: (
            -r["missing_ties"],
            -len(r["members"]),
            r["internal_density"],
            [str(m) for m in r["members"]],
        )
    )
    out = pd.DataFrame(rows)
    out.insert(0, "cluster", np.arange(len(out), dtype=np.int64))
    return out[COLUMNS].astype({"basis": object})
