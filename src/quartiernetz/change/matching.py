"""Which actor of one wave is which actor of the other: ids first, then names.

Two survey waves often name the same organisation differently ("AWO Nordstadt" in
2024, "Arbeiterwohlfahrt OV Nordstadt e.V." in 2026) or give it a new id. Treating
such actors as one leaving and one entering would invent turnover. :func:`match_actors`
therefore matches actors by id, and the actors left over by name, with the survey
name matching of :mod:`quartiernetz.io.survey.matching`: equal names after
normalisation are merged (and reported), near matches are never merged silently
but listed in a review table, which, edited and passed back as ``aliases``,
decides them.
"""

from __future__ import annotations

import math
import os
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import pandas as pd

from ..exceptions import AnalysisError
from ..i18n import Text
from ..io.survey.matching import normalize_name, read_aliases, resolve_names
from ..network import Network

__all__ = ["match_actors", "ActorMatch", "actor_labels", "REVIEW_COLUMNS"]

#: Columns of :attr:`ActorMatch.review`.
REVIEW_COLUMNS = ("actor", "name", "suggested_actor", "suggested_label", "score")
#: Above this many pairs of unmatched actors (later x earlier), names are matched only
#: when equal after normalisation (and by the alias table): no near-match suggestions,
#: whose search compares every pair.
MAX_FUZZY_PAIRS = 250_000


@dataclass(frozen=True)
class ActorMatch:
    """How the actors of a later wave map onto those of an earlier one.

    Attributes
    ----------
    renamed : dict
        Later-wave id -> earlier-wave id, for actors matched by name or alias
        (actors with the same id are not listed).
    matched_by : dict
        Later-wave id -> ``"id"``, ``"name"`` (equal after normalisation) or
        ``"alias"`` (decided by the alias table), for every matched actor.
    review : pandas.DataFrame
        Near matches that were *not* merged: ``actor`` (the later id), ``name``
        (its label), ``suggested_actor`` (an earlier actor without a match),
        ``suggested_label``, ``score`` (0-100). Edit ``suggested_actor`` (empty:
        a different actor) and pass the table back as ``aliases``.
    """

    renamed: dict[Hashable, Hashable] = field(default_factory=dict)
    matched_by: dict[Hashable, str] = field(default_factory=dict)
    review: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(REVIEW_COLUMNS)))

    def to_frame(self) -> pd.DataFrame:
        """One row per later-wave actor that was matched or left for review.

        Returns
        -------
        pandas.DataFrame
            Indexed by ``actor`` (the later-wave id); first the matched actors in
            the order of :attr:`matched_by`, then those of :attr:`review` that were
            not matched, in its order (best suggestion first). Columns:

            - ``matched_by``: ``"id"``, ``"name"`` or ``"alias"``; missing for an
              actor left for review;
            - ``id_before``: the earlier-wave actor it was matched to (its own id
              when matched by id); missing for an actor left for review;
            - ``suggested_actor``, ``suggested_label``, ``score``: the near match
              suggested in :attr:`review` (``score`` 0-100); missing (NaN for
              ``score``) for a matched actor.

        Examples
        --------
        >>> import networkx as nx
        >>> b = nx.Graph([("awo", "qm"), ("caritas", "qm")])
        >>> b.nodes["awo"]["label"] = "AWO Nordstadt"
        >>> b.nodes["caritas"]["label"] = "Caritasverband Lindenau"
        >>> a = nx.Graph([("awo-ov", "qm"), ("caritas-neu", "qm")])
        >>> a.nodes["awo-ov"]["label"] = "Arbeiterwohlfahrt Nordstadt e.V."
        >>> a.nodes["caritas-neu"]["label"] = "Caritas Lindenau"
        >>> f = match_actors(b, a).to_frame()
        >>> f.index.tolist(), f["matched_by"].tolist()[:2], f["id_before"].tolist()[:2]
        (['qm', 'awo-ov', 'caritas-neu'], ['id', 'name'], ['qm', 'awo'])
        >>> f.loc["caritas-neu", ["suggested_actor", "suggested_label"]].tolist()
        ['caritas', 'Caritasverband Lindenau']
        >>> f["score"].notna().tolist(), f["matched_by"].isna().tolist()
        ([False, False, True], [False, False, True])
        """
        review = self.review.drop_duplicates("actor", keep="first").set_index("actor")
        review = review[~review.index.isin(list(self.matched_by))]
        matched = list(self.matched_by)
        actors = matched + review.index.tolist()
        suggestion = {col: review[col].tolist() for col in ("suggested_actor", "suggested_label")}
        frame = pd.DataFrame(
            {
                "matched_by": [self.matched_by[a] for a in matched] + [None] * len(review),
                "id_before": [self.renamed.get(a, a) for a in matched] + [None] * len(review),
                **{col: [None] * len(matched) + values for col, values in suggestion.items()},
                "score": [math.nan] * len(matched) + review["score"].astype(float).tolist(),
            },
            index=pd.Index(actors, name="actor", dtype=object),
        )
        return frame.astype({c: object for c in frame.columns if c != "score"})


def check_input(net: Any, name: str) -> None:
    """Refuse anything but a Network or a networkx graph, naming the input ``name``."""
    if not isinstance(net, Network | nx.Graph):
        raise AnalysisError(
            Text(
                "{name}: expected a quartiernetz Network or a networkx graph, got {kind}",
                "{name}: erwartet wird ein quartiernetz-Network oder ein networkx-Graph, "
                "erhalten: {kind}",
            ).format(name=name, kind=type(net).__name__)
        )


def actor_labels(net: Network | nx.Graph) -> dict[Hashable, str]:
    """Actor id -> display name (``label``, else the id), in the input's order.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b")]); G.nodes["a"]["label"] = "AWO"
    >>> actor_labels(G)
    {'a': 'AWO', 'b': 'b'}
    """
    check_input(net, "net")
    if isinstance(net, Network):
        if "label" in net.actors.columns:
            labels = net.actors["label"]
            return {
                i: (str(v) if isinstance(v, str) and v.strip() else str(i))
                for i, v in zip(net.actors.index, labels, strict=True)
            }
        return {i: str(i) for i in net.actors.index}
    out = {}
    for v, d in net.nodes(data=True):
        lab = d.get("label")
        out[v] = str(lab) if isinstance(lab, str) and lab.strip() else str(v)
    return out


def match_actors(
    before: Network | nx.Graph,
    after: Network | nx.Graph,
    *,
    aliases: str | os.PathLike[str] | pd.DataFrame | Mapping[str, str] | None = None,
    names: bool = True,
    threshold: float = 80.0,
) -> ActorMatch:
    """Match the actors of ``after`` to those of ``before``: by id, then by name.

    Parameters
    ----------
    before, after : Network or networkx.Graph
        Two waves of one quarter.
    aliases : path, DataFrame or mapping, optional
        Decisions on names: an alias table as :func:`quartiernetz.io.survey.read_aliases`
        reads it (columns ``name`` and ``suggested_actor``, e.g. the edited
        :attr:`ActorMatch.review`), or ``{later name: earlier id or label}``.
        An empty target keeps the later actor apart.
    names : bool, default True
        Match the actors left without an id match by their names. False: by id only.
    threshold : float, default 80
        The least name similarity (0-100, see
        :func:`quartiernetz.io.survey.matching.name_similarity`) for a suggestion in
        the review table.

    Returns
    -------
    ActorMatch

    Notes
    -----
    Only actors without an id match take part in the name matching, on both sides:
    a later actor is never merged into an earlier actor that is itself present in
    the later wave. Names equal after :func:`~quartiernetz.io.survey.matching.normalize_name`
    (case, umlauts, legal forms, abbreviations such as AWO or Kita, word order) are
    merged; when two later actors have the name of one earlier actor, neither is
    merged. Near matches go into :attr:`ActorMatch.review` only. With more than
    :data:`MAX_FUZZY_PAIRS` pairs of unmatched actors (e.g. two waves numbered
    differently throughout), only equal names and the alias table match, and the
    review table stays empty: the search for near matches compares every pair.

    Examples
    --------
    >>> import networkx as nx
    >>> b = nx.Graph([("awo", "qm")]); b.nodes["awo"]["label"] = "AWO Nordstadt"
    >>> a = nx.Graph([("awo-ov", "qm"), ("kita", "qm")])
    >>> a.nodes["awo-ov"]["label"] = "Arbeiterwohlfahrt Nordstadt e.V."
    >>> m = match_actors(b, a)
    >>> m.renamed, m.matched_by["awo-ov"]
    ({'awo-ov': 'awo'}, 'name')
    """
    check_input(before, "before")
    check_input(after, "after")
    b_lab, a_lab = actor_labels(before), actor_labels(after)
    matched_by: dict[Hashable, str] = {i: "id" for i in a_lab if i in b_lab}
    only_b = [i for i in b_lab if i not in a_lab]
    only_a = [i for i in a_lab if i not in b_lab]
    empty = pd.DataFrame(columns=list(REVIEW_COLUMNS))
    if not names or not only_a or not only_b:
        return ActorMatch({}, matched_by, empty)
    alias_map = read_aliases(aliases) if aliases is not None else {}
    if len(only_a) * len(only_b) > MAX_FUZZY_PAIRS:
        return _exact_only(only_a, only_b, a_lab, b_lab, alias_map, matched_by)
    by_str = {str(i): i for i in only_b}
    if len(by_str) != len(only_b):
        raise AnalysisError(
            Text(
                "before: actor ids differ only in type (e.g. 1 and '1'); give distinct ids",
                "before: Akteurs-IDs unterscheiden sich nur im Typ (z. B. 1 und '1'); "
                "vergeben Sie verschiedene IDs",
            )
        )
    roster = pd.DataFrame(
        {"label": [b_lab[i] for i in only_b]},
        index=pd.Index(list(by_str), name="id", dtype=object),
    )
    typed = [a_lab[i] for i in only_a]
    res = resolve_names(typed, roster=roster, aliases=alias_map, threshold=threshold)
    alias_keys = {normalize_name(k) for k in alias_map}
    hits: dict[str, list[Hashable]] = {}
    for actor, target in zip(only_a, res.actors, strict=True):
        if target in by_str:
            hits.setdefault(target, []).append(actor)
    renamed: dict[Hashable, Hashable] = {}
    for target, group in hits.items():
        if len(group) != 1:
            continue
        actor = group[0]
        renamed[actor] = by_str[target]
        matched_by[actor] = "alias" if normalize_name(a_lab[actor]) in alias_keys else "name"
    review = res.review
    review = review[review["suggested_actor"].astype(str) != ""]
    merged_names = {a_lab[a] for a in renamed}
    review = review[~review["name"].isin(merged_names)]
    first_id = {}
    for actor, label in zip(only_a, typed, strict=True):
        first_id.setdefault(" ".join(label.split()), actor)
    rows = [
        {
            "actor": first_id.get(r["name"], r["name"]),
            "name": r["name"],
            "suggested_actor": by_str.get(r["suggested_actor"], r["suggested_actor"]),
            "suggested_label": r["suggested_label"],
            "score": float(r["score"]),
        }
        for _, r in review.iterrows()
        if r["suggested_actor"] in by_str
    ]
    return ActorMatch(renamed, matched_by, pd.DataFrame(rows, columns=list(REVIEW_COLUMNS)))


def _exact_only(
    only_a: list[Hashable],
    only_b: list[Hashable],
    a_lab: dict[Hashable, str],
    b_lab: dict[Hashable, str],
    alias_map: dict[str, str],
    matched_by: dict[Hashable, str],
) -> ActorMatch:
    """Name matching for very many unmatched actors: equal normalised names and aliases."""
    by_key: dict[str, list[Hashable]] = {}
    by_name: dict[str, Hashable] = {}
    for i in only_b:
        by_key.setdefault(normalize_name(b_lab[i]), []).append(i)
        by_name.setdefault(str(i), i)
        by_name.setdefault(b_lab[i], i)
    aliases = {normalize_name(k): v for k, v in alias_map.items()}
    hits: dict[Hashable, list[tuple[Hashable, str]]] = {}
    for actor in only_a:
        key = normalize_name(a_lab[actor])
        if key in aliases:
            target = by_name.get(aliases[key].strip())
            if target is not None:
                hits.setdefault(target, []).append((actor, "alias"))
            continue
        found = by_key.get(key, [])
        if len(found) == 1:
            hits.setdefault(found[0], []).append((actor, "name"))
    renamed: dict[Hashable, Hashable] = {}
    for target, group in hits.items():
        if len(group) == 1:
            actor, how = group[0]
            renamed[actor] = target
            matched_by[actor] = how
    return ActorMatch(renamed, matched_by, pd.DataFrame(columns=list(REVIEW_COLUMNS)))
