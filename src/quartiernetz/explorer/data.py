"""The explorer's data: one JSON-ready dict built from public quartiernetz analyses.

Everything the page shows comes from here: the static map's positions
(:func:`quartiernetz.plotting.layout`), colours and shapes
(:func:`quartiernetz.plotting.type_styles`), the catalysts with their reasons
(:func:`quartiernetz.roles.catalysts`), the dependence
(:func:`quartiernetz.roles.removal_impact`), duplicate structures, competitor
clusters, suggested ties and communities (:mod:`quartiernetz.structures`). Only
what the report shows goes in: actor labels (as given, so a pseudonymised network
stays pseudonymised), types, sectors, committees and offers; no other actor or tie
columns.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from .. import roles, structures
from ..exceptions import QuartiernetzError
from ..network import Network, as_graph
from ..plotting import layout, type_styles
from ..plotting.style import SECTORS, category_colors, sector_label, visible_text
from ..words import why

__all__ = ["explorer_data", "DETAIL_MAX", "SHAPES"]

#: Above this many actors the explorer opens on the aggregated community view and loads
#: the actors of one community on demand.
DETAIL_MAX = 5000

#: matplotlib marker of the static map -> the explorer's shape (vis-network's own
#: shapes where it has one; the page draws the others itself).
SHAPES = {
    "o": "dot",
    "s": "square",
    "^": "triangle",
    "D": "diamond",
    "v": "triangleDown",
    "h": "hexagon",
    "*": "star",
    "P": "plus",
    "X": "cross",
    "p": "pentagon",
    "<": "triangleLeft",
    ">": "triangleRight",
}

_COMPETITION = ("competition", "konkurrenz")
_COMMITTEE = ("committee", "gremium")
_OFFER = ("offer", "angebot")


def _missing(value: Any) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _text(value: Any) -> str:
    return visible_text(str(value))


def _whys(cat: pd.DataFrame) -> tuple[list[str], list[str]]:
    """The catalysts' ``why`` in English and German, written from ``reasons``.

    A table without ``reasons`` (made before quartiernetz had them) shows its
    English ``why`` in both languages.
    """
    if "reasons" not in cat.columns:
        en = ["" if _missing(w) else _text(w) for w in cat["why"]]
        return en, list(en)
    reasons = [r if isinstance(r, tuple | list) else None for r in cat["reasons"]]
    return (
        [_text(why(r, "en")) for r in reasons],
        [_text(why(r, "de")) for r in reasons],
    )


def _scale(values: np.ndarray, lo: float, hi: float) -> np.ndarray:
    """Linear scaling to [lo, hi], as the static map scales marker areas."""
    v = np.asarray(values, dtype=float)
    if len(v) == 0:
        return v
    finite = v[np.isfinite(v)]
    if len(finite) == 0 or finite.max() <= finite.min():
        return np.full(len(v), (lo + hi) / 2)
    out = lo + (hi - lo) * (v - finite.min()) / (finite.max() - finite.min())
    return np.where(np.isfinite(out), out, lo)


def _attempt(notes: dict[str, str], step: str, fn: Callable[[], Any]) -> Any:
    try:
        return fn()
    except QuartiernetzError as err:
        notes[step] = str(err)
        return None


def _num(value: Any, digits: int = 3) -> float | None:
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return round(f, digits) if math.isfinite(f) else None


def explorer_data(
    net: Network,
    *,
    seed: int = 0,
    approximate: bool = False,
    catalysts: pd.DataFrame | None = None,
    communities: pd.Series | None = None,
    duplicates: pd.DataFrame | None = None,
    competitors: pd.DataFrame | None = None,
    suggestions: pd.DataFrame | None = None,
    impact: pd.DataFrame | None = None,
    pos: pd.DataFrame | None = None,
    detail_max: int = DETAIL_MAX,
) -> dict[str, Any]:
    """The data of the explorer page for ``net`` (plain lists and dicts, JSON-ready).

    Analyses not given are computed with the report's settings and ``seed``; one that
    cannot run on this network (a :class:`~quartiernetz.exceptions.QuartiernetzError`)
    is left out and its reason kept in ``notes``.

    Parameters
    ----------
    net : Network
    seed : int, default 0
        Seed of the layout, the communities and the competitor split (as the report).
    approximate : bool, default False
        Sampled betweenness for the catalysts (see :func:`quartiernetz.roles.catalysts`).
    catalysts, communities, duplicates, competitors, suggestions : optional
        Precomputed results of :func:`quartiernetz.roles.catalysts`,
        :func:`quartiernetz.structures.communities`,
        :func:`quartiernetz.structures.duplicates`,
        :func:`quartiernetz.structures.competitor_clusters` and
        :func:`quartiernetz.structures.suggest_ties` (the report passes its own).
    impact : DataFrame, optional
        A precomputed :func:`quartiernetz.roles.removal_impact` table.
    pos : DataFrame, optional
        Precomputed positions. Default :func:`quartiernetz.plotting.layout` with ``seed``,
        as on the static network map; above ``detail_max`` actors with
        ``communities=``, so that each community (one part of the page) has its own disc,
        as on the report's community map.
    detail_max : int, default :data:`DETAIL_MAX`
        Above this many actors the page opens on the aggregated view.

    Returns
    -------
    dict
        ``actors`` (column lists), ``ties``, ``competition``, ``relations``,
        ``types``, ``sectors``, ``items``, ``duplicates``, ``competitors``,
        ``suggestions``, ``communities``, ``notes`` and ``detail_max``.

    Examples
    --------
    >>> from quartiernetz.datasets import load_example
    >>> d = explorer_data(load_example())
    >>> len(d["actors"]["id"]), len(d["competition"]) > 0
    (31, True)
    """
    if not isinstance(net, Network):
        raise QuartiernetzError(
            f"the explorer needs a quartiernetz Network, got {type(net).__name__}"
        )
    notes: dict[str, str] = {}
    actors = net.actors
    ids = list(actors.index)
    index = {a: i for i, a in enumerate(ids)}
    by_str = {str(a): i for i, a in enumerate(ids)}
    n = len(ids)

    # the static map's graph, positions, colours and shapes
    G = as_graph(net, directed=False, weight="weight")
    types_col = actors["type"].tolist() if "type" in actors.columns else [None] * n
    types_clean = [None if _missing(t) else t for t in types_col]
    styles = type_styles(types_clean)
    type_list = list(styles.index)
    type_index = {t: i for i, t in enumerate(type_list)}
    sectors_present = list(dict.fromkeys(styles["sector"]))
    sector_index = {s: i for i, s in enumerate(sectors_present)}

    if catalysts is None:
        catalysts = _attempt(
            notes, "catalysts", lambda: roles.catalysts(net, approximate=approximate, seed=seed)
        )
    if impact is None:
        impact = _attempt(notes, "dependence", lambda: roles.removal_impact(net))
    if communities is None:
        communities = _attempt(
            notes, "communities", lambda: structures.communities(net, seed=seed, weight="weight")
        )
    if duplicates is None:
        duplicates = _attempt(notes, "duplicates", lambda: structures.duplicates(net))
    if competitors is None:
        competitors = _attempt(
            notes, "competitors", lambda: structures.competitor_clusters(net, seed=seed)
        )
    if suggestions is None:
        suggestions = _attempt(notes, "suggestions", lambda: structures.suggest_ties(net, n=10))

    if pos is None:
        # a large network is shown one community at a time: each gets its own disc, as on
        # the report's community map ("group-in-a-box"), so the parts do not overlap
        big_net = n > detail_max and communities is not None
        pos = layout(net, seed=seed, weight="weight", communities=communities if big_net else None)
    missing = [a for a in ids if a not in pos.index]
    if missing:
        raise QuartiernetzError(
            f"pos has no position for {len(missing)} actors, e.g. {missing[0]!r}; "
            "use quartiernetz.plotting.layout(net, seed=seed)"
        )
    xy = pos.loc[ids, ["x", "y"]].to_numpy(dtype=float) if n else np.zeros((0, 2))

    # node size: area by catalyst score, as on the static map (radius = sqrt(area) / 2)
    big = 900.0 if n <= 60 else 500.0 if n <= 300 else 120.0
    small = 40.0 if n <= 60 else 20.0 if n <= 300 else 6.0
    score = np.full(n, np.nan)
    rank: list[int | None] = [None] * n
    why_en: list[str] = [""] * n
    why_de: list[str] = [""] * n
    if catalysts is not None and len(catalysts):
        cat = catalysts.reindex(ids)
        score = pd.to_numeric(cat["catalyst_score"], errors="coerce").to_numpy(dtype=float)
        rank = [None if _missing(r) else int(r) for r in cat["rank"]]
        why_en, why_de = _whys(cat)
        radius = np.sqrt(_scale(score, small, big)) / 2
    else:
        radius = np.full(n, math.sqrt((big + small) / 3) / 2)
    top = [index[a] for a in catalysts.index[:10] if a in index] if catalysts is not None else []

    pairs_disconnected: list[int | None] = [None] * n
    cut_off: list[int | None] = [None] * n
    if impact is not None:
        imp = impact.reindex(ids)
        pairs_disconnected = [None if _missing(v) else int(v) for v in imp["pairs_disconnected"]]
        cut_off = [None if _missing(v) else int(v) for v in imp["actors_cut_off"]]

    comm: list[int | None] = [None] * n
    comm_colors: list[str] = []
    if communities is not None:
        c = communities.reindex(ids)
        comm = [None if _missing(v) else int(v) for v in c]
        # the report's community map colours communities + 1 with these colours
        colors = category_colors([v + 1 for v in comm if v is not None], max_colors=9)
        k = max((v for v in comm if v is not None), default=-1) + 1
        comm_colors = [colors.get(i + 1, "#9A9A9A") for i in range(k)]

    # committees and offers (items as the network holds them)
    items: list[str] = []
    item_index: dict[str, int] = {}

    def item(name: str) -> int:
        if name not in item_index:
            item_index[name] = len(items)
            items.append(name)
        return item_index[name]

    committees: list[list[int]] = [[] for _ in range(n)]
    offers: list[list[int]] = [[] for _ in range(n)]
    aff = net.affiliations
    if not aff.empty:
        kinds = aff["kind"].astype(str).str.strip().str.casefold()
        has_group = "target_group" in aff.columns
        for row, kind in zip(aff.itertuples(index=False), kinds, strict=True):
            i = index.get(row.actor)
            if i is None or _missing(row.item):
                continue
            name = _text(row.item)
            if kind in _COMMITTEE:
                committees[i].append(item(name))
            elif kind in _OFFER:
                group = row.target_group if has_group else None
                label = name if _missing(group) else f"{name} ({_text(group)})"
                offers[i].append(item(label))

    # cooperation ties: the static map's edges, with their relations and intensities
    relations: list[str] = []
    rel_index: dict[str, int] = {}
    per_pair: dict[tuple[int, int], dict[int, float | None]] = {}
    competition: set[tuple[int, int]] = set()
    t = net.ties
    if not t.empty:
        inten = (
            pd.to_numeric(t["intensity"], errors="coerce")
            if "intensity" in t.columns
            else pd.Series(np.nan, index=t.index)
        )
        for s, g, r, w in zip(t["source"], t["target"], t["relation"], inten, strict=True):
            a, b = by_str.get(str(s)), by_str.get(str(g))
            if a is None or b is None or a == b:
                continue
            key = (a, b) if a < b else (b, a)
            if str(r).strip().casefold() in _COMPETITION:
                competition.add(key)
                continue
            if w == 0:  # an explicit "no cooperation"
                continue
            rname = _text(r)
            if rname not in rel_index:
                rel_index[rname] = len(relations)
                relations.append(rname)
            ri = rel_index[rname]
            known = per_pair.setdefault(key, {})
            value = None if _missing(w) else float(w)
            old = known.get(ri, None)
            known[ri] = value if old is None else max(old, value if value is not None else old)
    edges = []
    for u, v, d in G.edges(data=True):
        a, b = by_str.get(str(u)), by_str.get(str(v))
        if a is None or b is None or a == b:
            continue
        key = (a, b) if a < b else (b, a)
        rels = per_pair.get(key, {})
        edges.append((key[0], key[1], float(d.get("weight", 1.0)), rels))
    edges.sort(key=lambda e: (e[0], e[1]))
    widths = (
        _scale(np.array([e[2] for e in edges]), 0.5, 3.5)
        if n <= 300
        else (_scale(np.array([e[2] for e in edges]), 0.2, 1.2))
    )
    ties = [
        [a, b, round(float(wd), 2), [[ri, _num(x)] for ri, x in sorted(rels.items())]]
        for (a, b, _, rels), wd in zip(edges, widths, strict=True)
    ]

    # duplicate structures: the actors to highlight
    dups = []
    if duplicates is not None:
        for r in duplicates.itertuples(index=False):
            kind = str(r.kind)
            shared = list(r.shared) if isinstance(r.shared, list | tuple) else []
            if kind == "committee":
                members = [index[m] for m in shared if m in index]
                a, b = _text(r.a), _text(r.b)
                entry = {"kind": kind, "a": a, "b": b, "actors": members}
            else:
                pair = [index[x] for x in (r.a, r.b) if x in index]
                entry = {"kind": kind, "actors": pair}
                if kind == "ties":
                    entry["shared_actors"] = [index[m] for m in shared if m in index]
                else:
                    entry["shared"] = [_text(s) for s in shared]
            entry["score"] = _num(r.score)
            dups.append(entry)

    comps = []
    if competitors is not None:
        for r in competitors.itertuples(index=False):
            comps.append(
                {
                    "members": [index[m] for m in r.members if m in index],
                    "bridges": [index[m] for m in r.bridges if m in index],
                    "offers": [_text(x) for x in getattr(r, "shared_offers", []) or []],
                    "groups": [_text(x) for x in getattr(r, "shared_target_groups", []) or []],
                    "competition_ties": int(getattr(r, "competition_ties", 0) or 0),
                }
            )

    suggs = []
    if suggestions is not None:
        for r in suggestions.itertuples(index=False):
            if r.a in index and r.b in index:
                suggs.append(
                    {
                        "a": index[r.a],
                        "b": index[r.b],
                        "common": [index[m] for m in r.common_partners if m in index],
                        "groups": [_text(x) for x in r.shared_target_groups],
                    }
                )

    labels = actors["label"].tolist() if "label" in actors.columns else [str(a) for a in ids]
    label_text = [_text(a if _missing(lab) else lab) for a, lab in zip(ids, labels, strict=True)]
    return {
        "detail_max": int(detail_max),
        "actors": {
            "label": label_text,
            "id": [_text(a) for a in ids],
            "x": [round(float(v), 5) for v in xy[:, 0]],
            "y": [round(float(v), 5) for v in xy[:, 1]],
            "r": [round(float(v), 2) for v in radius],
            "type": [type_index[t] for t in types_clean],
            "score": [_num(v, 1) for v in score],
            "rank": rank,
            "why_de": why_de,
            "why_en": why_en,
            "pairs_disconnected": pairs_disconnected,
            "actors_cut_off": cut_off,
            "community": comm,
            "committees": committees,
            "offers": offers,
        },
        "top": top,
        "types": [
            {
                "name": None if t is None else _text(t),
                "sector": sector_index[row["sector"]],
                "color": row["color"],
                "shape": SHAPES.get(row["marker"], "dot"),
            }
            for t, row in styles.iterrows()
        ],
        "sectors": [
            {
                "key": s,
                "de": _text(sector_label(s, "de")) if s in SECTORS else _text(s),
                "en": _text(sector_label(s, "en")) if s in SECTORS else _text(s),
            }
            for s in sectors_present
        ],
        "community_colors": comm_colors,
        "relations": relations,
        "ties": ties,
        "competition": sorted([list(p) for p in competition]),
        "items": items,
        "duplicates": dups,
        "competitors": comps,
        "suggestions": suggs,
        "notes": {k: _text(v) for k, v in notes.items()},
    }
