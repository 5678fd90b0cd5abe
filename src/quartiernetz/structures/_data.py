"""The inputs every structure analysis needs, prepared once and in a fixed order.

Private helpers: the undirected cooperation graph with nodes and edges in sorted
order (so order-dependent algorithms such as python-louvain give the same result
however the actors were read), the explicit competition ties, the actors'
attributes, and the offers and target groups from the affiliations.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from ..conventions import as_int_seed
from ..exceptions import AnalysisError
from ..network import Network, as_graph
from ._names import display_names, group_names, name_key

__all__ = [
    "OFFER_KINDS",
    "COMMITTEE_KINDS",
    "COMPETITION_RELATIONS",
    "node_order",
    "sorted_graph",
    "cooperation_graph",
    "competition_pairs",
    "actor_table",
    "require_network",
    "affiliations_of_kind",
    "offers_table",
    "target_groups",
    "louvain_state",
]

#: ``kind`` values (case ignored) read as offers.
OFFER_KINDS = ("offer", "angebot")
#: ``kind`` values (case ignored) read as committees.
COMMITTEE_KINDS = ("committee", "gremium")
#: ``relation`` values (case ignored) read as explicit competition ties.
COMPETITION_RELATIONS = ("competition", "konkurrenz")

_ACTOR_COLUMNS = ("label", "type", "umbrella", "area")


def node_order(nodes: Iterable[Hashable]) -> list[Hashable]:
    """The nodes sorted: by value where they compare, else by type name and text."""
    nodes = list(nodes)
    try:
        return sorted(nodes)  # type: ignore[type-var]
    except TypeError:
        return sorted(nodes, key=lambda n: (type(n).__name__, str(n)))


def _edge_weight(d: dict, weight: str | None, u: Any, v: Any) -> float:
    if weight is None:
        return 1.0
    w = d.get(weight, 1.0)
    try:
        w = float(w)
    except (TypeError, ValueError):
        raise AnalysisError(
            f"edge ({u!r}, {v!r}) has {weight}={d.get(weight)!r}; expected a number "
            "(or pass weight=None)"
        ) from None
    if not math.isfinite(w) or w < 0:
        raise AnalysisError(f"edge ({u!r}, {v!r}) has {weight}={w}; expected a number >= 0")
    return w


def sorted_graph(G: nx.Graph, weight: str | None) -> nx.Graph:
    """A simple undirected copy with nodes and edges inserted in sorted order.

    Edge attribute ``weight`` holds the edge's ``weight`` value (1 when ``weight``
    is None); self-loops and edges of weight 0 are left out. Each node's
    neighbours are then iterated in sorted order too.
    """
    if G.is_directed() or G.is_multigraph():
        G = as_graph(G, directed=False, weight=weight)
    order = node_order(G.nodes)
    pos = {n: i for i, n in enumerate(order)}
    edges = []
    for u, v, d in G.edges(data=True):
        if u == v:
            continue
        w = _edge_weight(d, weight, u, v)
        if w == 0:
            continue
        i, j = sorted((pos[u], pos[v]))
        edges.append((i, j, w))
    edges.sort()
    H = nx.Graph()
    H.add_nodes_from(order)
    H.add_edges_from((order[i], order[j], {"weight": w}) for i, j, w in edges)
    return H


def _is_competition(relation: object) -> bool:
    parts = [p.strip().casefold() for p in str(relation).split(";")]
    return bool(parts) and all(p in COMPETITION_RELATIONS for p in parts)


def _has_competition(relation: object) -> bool:
    return any(p.strip().casefold() in COMPETITION_RELATIONS for p in str(relation).split(";"))


def cooperation_graph(net: Network | nx.Graph, *, weight: str | None = "weight") -> nx.Graph:
    """The undirected cooperation graph, sorted (see :func:`sorted_graph`).

    For a :class:`Network`: :meth:`Network.to_networkx` (undirected; competition
    ties left out). For a networkx graph: the graph made undirected, without
    edges whose ``relation`` attribute names only competition.
    """
    if isinstance(net, Network):
        G = net.to_networkx(directed=False, weight=weight or "weight")
        return sorted_graph(G, weight)
    G = as_graph(net, directed=False, weight=weight)
    drop = [
        (u, v)
        for u, v, d in G.edges(data=True)
        if "relation" in d and _is_competition(d["relation"])
    ]
    if drop:
        G = G.copy()
        G.remove_edges_from(drop)
    return sorted_graph(G, weight)


def competition_pairs(net: Network | nx.Graph) -> set[tuple[Hashable, Hashable]]:
    """Pairs ``(a, b)`` (``a`` before ``b`` in :func:`node_order`) with an explicit competition tie.

    From ties whose ``relation`` is ``competition`` or ``Konkurrenz`` (case
    ignored) with intensity > 0; in a networkx graph, from edges whose
    ``relation`` attribute names one of them.
    """
    pairs: list[tuple[Hashable, Hashable]] = []
    if isinstance(net, Network):
        t = net.ties
        if t.empty:
            return set()
        rel = t["relation"].astype(str).str.strip().str.casefold()
        t = t[rel.isin(COMPETITION_RELATIONS) & (t["intensity"] > 0)]
        pairs = list(zip(t["source"].astype(str), t["target"].astype(str), strict=True))
    elif isinstance(net, nx.Graph):
        pairs = [
            (u, v)
            for u, v, d in net.edges(data=True)
            if u != v and "relation" in d and _has_competition(d["relation"])
        ]
    out = set()
    for u, v in pairs:
        a, b = node_order([u, v])
        if a != b:
            out.add((a, b))
    return out


def actor_table(net: Network | nx.Graph, nodes: Iterable[Hashable]) -> pd.DataFrame:
    """Columns ``label``, ``type``, ``umbrella``, ``area`` (NaN where unknown) for ``nodes``."""
    nodes = list(nodes)
    if isinstance(net, Network):
        cols = [c for c in _ACTOR_COLUMNS if c in net.actors.columns]
        table = net.actors.reindex(nodes)[cols].astype(object)
    else:
        data = {
            c: [net.nodes[n].get(c, np.nan) if n in net else np.nan for n in nodes]
            for c in _ACTOR_COLUMNS
        }
        table = pd.DataFrame(data, index=pd.Index(nodes, dtype=object), dtype=object)
    for c in _ACTOR_COLUMNS:
        if c not in table.columns:
            table[c] = np.nan
    table = table[list(_ACTOR_COLUMNS)].astype(object)
    table = table.where(table.notna(), np.nan)
    label = table["label"]
    table["label"] = [
        lab if isinstance(lab, str) and lab else str(n) for n, lab in zip(nodes, label, strict=True)
    ]
    return table


def require_network(net: object, what: str) -> Network:
    """``net`` itself when it is a :class:`Network`; else a clear :class:`AnalysisError`."""
    if isinstance(net, Network):
        return net
    if isinstance(net, nx.Graph):
        raise AnalysisError(
            f"{what} needs the affiliations (offers, committees) of a quartiernetz Network; "
            "a networkx graph has none. Read the data with quartiernetz.read_network or "
            "build a Network(actors=..., ties=..., affiliations=...)"
        )
    raise AnalysisError(
        f"expected a quartiernetz Network or a networkx graph, got {type(net).__name__}"
    )


def affiliations_of_kind(net: Network, kinds: Iterable[str]) -> pd.DataFrame:
    """The affiliation rows whose ``kind`` is one of ``kinds`` (case ignored)."""
    aff = net.affiliations
    if aff.empty:
        return aff
    mask = aff["kind"].astype(str).str.strip().str.casefold().isin(tuple(kinds))
    return aff[mask]


def _column(frame: pd.DataFrame, name: str) -> list[object]:
    if name not in frame.columns:
        return [np.nan] * len(frame)
    return [
        v if isinstance(v, str) and v.strip() else np.nan
        for v in frame[name].astype(object).tolist()
    ]


def offers_table(net: Network, *, name_similarity: float = 90.0) -> pd.DataFrame:
    """One row per offer affiliation, with comparison keys and display names.

    Columns: ``actor``, ``item`` (as written), ``key`` (:func:`name_key`),
    ``group`` (offers of equal or near-identical keys share a group), ``offer``
    (the group's most frequent spelling), ``tg_key``/``target_group`` and
    ``area_key``/``area`` (keys ``""`` and names NaN where not given; the area
    falls back to the actor's ``area``). Sorted by actor, key, target group, area.
    """
    rows = affiliations_of_kind(net, OFFER_KINDS)
    columns = [
        "actor",
        "item",
        "key",
        "group",
        "offer",
        "tg_key",
        "target_group",
        "area_key",
        "area",
    ]
    if rows.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    actors = rows["actor"].astype(str).tolist()
    items = rows["item"].astype(str).tolist()
    tgs = _column(rows, "target_group")
    areas = _column(rows, "area")
    if "area" in net.actors.columns:
        own = net.actors["area"].astype(object)
        areas = [
            a if isinstance(a, str) else own.get(actor, np.nan)
            for a, actor in zip(areas, actors, strict=True)
        ]
        areas = [a if isinstance(a, str) and a.strip() else np.nan for a in areas]
    keys = [name_key(i) for i in items]
    groups = group_names(keys, threshold=name_similarity)
    offer_names = display_names(groups, items)
    tg_keys = [name_key(t) for t in tgs]
    tg_names = display_names([k for k in tg_keys if k], [t for t in tgs if isinstance(t, str)])
    area_keys = [name_key(a) for a in areas]
    area_names = display_names(
        [k for k in area_keys if k], [a for a in areas if isinstance(a, str)]
    )
    table = pd.DataFrame(
        {
            "actor": actors,
            "item": items,
            "key": keys,
            "group": groups,
            "offer": [offer_names[g] for g in groups],
            "tg_key": tg_keys,
            "target_group": [tg_names.get(k, np.nan) for k in tg_keys],
            "area_key": area_keys,
            "area": [area_names.get(k, np.nan) for k in area_keys],
        },
        dtype=object,
    )
    table["group"] = table["group"].astype(int)
    table = table.drop_duplicates(["actor", "key", "tg_key", "area_key"])
    return table.sort_values(["actor", "key", "tg_key", "area_key"], ignore_index=True)


def target_groups(net: Network | nx.Graph) -> dict[Hashable, dict[str, str]]:
    """For each actor, its target groups from all affiliations: key -> display name."""
    if not isinstance(net, Network) or net.affiliations.empty:
        return {}
    aff = net.affiliations
    if "target_group" not in aff.columns:
        return {}
    tgs = _column(aff, "target_group")
    actors = aff["actor"].astype(str).tolist()
    keys = [name_key(t) for t in tgs]
    names = display_names([k for k in keys if k], [t for t in tgs if isinstance(t, str)])
    out: dict[Hashable, dict[str, str]] = {}
    for a, k in zip(actors, keys, strict=True):
        if k:
            out.setdefault(a, {})[k] = names[k]
    return out


def louvain_state(seed: object) -> int | np.random.RandomState | None:
    """A ``random_state`` for python-louvain from an int, a Generator, a RandomState or None."""
    if isinstance(seed, np.random.RandomState):
        return seed
    return as_int_seed(seed, default=None)  # type: ignore[arg-type]
