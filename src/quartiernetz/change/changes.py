"""Change between two waves of one quarter: ties, actors, catalysts, duplicates, summary."""

from __future__ import annotations

import math
import os
from collections.abc import Hashable, Mapping, Sequence
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from ..descriptives import summary
from ..exceptions import AnalysisError
from ..i18n import Text
from ..network import Network
from ..roles import catalysts
from ..structures import duplicates
from .waves import Wave, prepare

__all__ = [
    "tie_changes",
    "actor_changes",
    "catalyst_changes",
    "duplicate_changes",
    "change_summary",
    "change_tables",
    "TIE_STATUS",
    "ACTOR_STATUS",
    "CHANGE_FIGURES",
]

#: Values of ``status`` in :func:`tie_changes`.
TIE_STATUS = ("stable", "new", "ended")
#: Values of ``status`` in :func:`actor_changes`.
ACTOR_STATUS = ("stayed", "entered", "left")

#: The figures of :func:`change_summary`, in order, with their descriptions.
CHANGE_FIGURES: dict[str, str] = {
    "actors_before": "actors in the first wave",
    "actors_after": "actors in the second wave",
    "actors_stayed": "actors in both waves",
    "actors_entered": "actors only in the second wave",
    "actors_left": "actors only in the first wave",
    "ties_before": "ties (pairs with a tie) in the first wave",
    "ties_after": "ties in the second wave",
    "ties_stable": "ties in both waves",
    "ties_new": "ties only in the second wave",
    "ties_ended": "ties only in the first wave",
    "stable_share": "share of the first wave's ties still present in the second",
    "jaccard": "Jaccard index of the tie sets: stable / (stable + new + ended)",
    "jaccard_stayed": "Jaccard index among the actors present in both waves",
    "hamming": "Hamming distance: pairs whose tie changed (new + ended)",
    "hamming_share": "Hamming distance as a share of all pairs of the actors of either wave",
    "density_before": "density in the first wave",
    "density_after": "density in the second wave",
    "degree_centralization_before": "Freeman degree centralisation, first wave",
    "degree_centralization_after": "Freeman degree centralisation, second wave",
    "betweenness_centralization_before": "Freeman betweenness centralisation, first wave",
    "betweenness_centralization_after": "Freeman betweenness centralisation, second wave",
    "catalysts_rose": "actors among the top catalysts in the second wave but not the first",
    "catalysts_fell": "actors among the top catalysts in the first wave but not the second",
    "duplicates_appeared": "candidate duplicate structures only in the second wave",
    "duplicates_disappeared": "candidate duplicate structures only in the first wave",
}

_ALIASES = str | os.PathLike[str] | pd.DataFrame | Mapping[str, str] | None


def _pair(u: Hashable, v: Hashable, directed: bool) -> tuple[Hashable, Hashable]:
    if directed or str(u) <= str(v):
        return (u, v)
    return (v, u)


def _edges(G: nx.Graph) -> dict[tuple[Hashable, Hashable], float]:
    directed = G.is_directed()
    return {
        _pair(u, v, directed): float(d.get("weight", 1.0))
        for u, v, d in G.edges(data=True)
        if u != v
    }


def _sort_key(value: Any) -> tuple[str, str]:
    return (type(value).__name__ if not isinstance(value, str) else "", str(value))


class _Change:
    """Two prepared waves with the analyses each public function needs, computed once."""

    def __init__(
        self,
        before: Network | nx.Graph,
        after: Network | nx.Graph | None,
        *,
        waves: Sequence[Any] | None,
        relation: str | Sequence[str] | None,
        aliases: _ALIASES,
        match_names: bool,
        threshold: float,
        seed: int | np.random.Generator | None = None,
        approximate: bool | None = None,
    ) -> None:
        self.before, self.after, self.match = prepare(
            before,
            after,
            waves=waves,
            relation=relation,
            aliases=aliases,
            match_names=match_names,
            threshold=threshold,
        )
        self.relation = relation
        self.seed = seed
        self.approximate = approximate
        self._catalysts: dict[str, pd.DataFrame] = {}
        self._tables: dict[str, pd.DataFrame] = {}

    def stamp(self, frame: pd.DataFrame) -> pd.DataFrame:
        frame.attrs["waves"] = [self.before.label, self.after.label]
        frame.attrs["renamed"] = dict(self.match.renamed)
        frame.attrs["review_names"] = len(self.match.review)
        return frame

    def catalysts(self, wave: Wave) -> pd.DataFrame:
        if wave.label not in self._catalysts:
            self._catalysts[wave.label] = catalysts(
                wave.graph, seed=self.seed, approximate=self.approximate
            )
        return self._catalysts[wave.label]

    # ------------------------------------------------------------------ ties
    def ties(self) -> pd.DataFrame:
        b, a = self.before, self.after
        directed = b.graph.is_directed()
        gb, ga = b.relation_graphs(self.relation), a.relation_graphs(self.relation)
        rb, ra = b.reports(), a.reports()
        rows = []
        for rel in sorted(set(gb) | set(ga)):
            eb = _edges(gb[rel]) if rel in gb else {}
            ea = _edges(ga[rel]) if rel in ga else {}
            for key in sorted(set(eb) | set(ea), key=lambda k: (_sort_key(k[0]), _sort_key(k[1]))):
                x, y = key
                status = "stable" if key in eb and key in ea else "new" if key in ea else "ended"
                rows.append(
                    (
                        x,
                        y,
                        rel,
                        status,
                        eb.get(key, math.nan),
                        ea.get(key, math.nan),
                        _reported(rb, x, y, rel),
                        _reported(rb, y, x, rel),
                        _reported(ra, x, y, rel),
                        _reported(ra, y, x, rel),
                    )
                )
        frame = pd.DataFrame(
            rows,
            columns=[
                "a",
                "b",
                "relation",
                "status",
                "intensity_before",
                "intensity_after",
                "a_reported_before",
                "b_reported_before",
                "a_reported_after",
                "b_reported_after",
            ],
        )
        for c in ("a", "b", "relation", "status"):
            frame[c] = frame[c].astype(object)
        for c in ("intensity_before", "intensity_after"):
            frame[c] = frame[c].astype(float)
        for c in frame.columns[6:]:
            frame[c] = pd.array(frame[c].tolist(), dtype="boolean")
        frame.attrs["directed"] = directed
        return self.stamp(frame)

    # ---------------------------------------------------------------- actors
    def actors(self) -> pd.DataFrame:
        if "actors" not in self._tables:
            self._tables["actors"] = self._actors()
        return self._tables["actors"].copy()

    def _actors(self) -> pd.DataFrame:
        b, a = self.before, self.after
        in_b, in_a = set(b.graph.nodes), set(a.graph.nodes)
        order = list(b.graph.nodes) + [v for v in a.graph.nodes if v not in in_b]
        cb, ca = self.catalysts(b), self.catalysts(a)
        com_b, com_a = b.committees(), a.committees()
        inverse = {new: old for old, new in a.rename.items()}
        rows = []
        for v in order:
            status = "stayed" if v in in_b and v in in_a else "left" if v in in_b else "entered"
            label = b.labels.get(v) if v in in_b else a.labels.get(v, str(v))
            deg_b = float(b.graph.degree(v)) if v in in_b else math.nan
            deg_a = float(a.graph.degree(v)) if v in in_a else math.nan
            sc_b = float(cb.at[v, "catalyst_score"]) if v in in_b else math.nan
            sc_a = float(ca.at[v, "catalyst_score"]) if v in in_a else math.nan
            rk_b = float(cb.at[v, "rank"]) if v in in_b else math.nan
            rk_a = float(ca.at[v, "rank"]) if v in in_a else math.nan
            before_c, after_c = com_b.get(v, set()), com_a.get(v, set())
            rows.append(
                {
                    "label": label,
                    "status": status,
                    "id_after": inverse.get(v, v) if v in in_a else None,
                    "matched_by": self.match.matched_by.get(inverse.get(v, v))
                    if status == "stayed"
                    else None,
                    "degree_before": deg_b,
                    "degree_after": deg_a,
                    "degree_change": deg_a - deg_b,
                    "catalyst_score_before": sc_b,
                    "catalyst_score_after": sc_a,
                    "catalyst_score_change": sc_a - sc_b,
                    "rank_before": rk_b,
                    "rank_after": rk_a,
                    "rank_change": rk_b - rk_a,
                    "committees_joined": sorted(after_c - before_c) if v in in_a else [],
                    "committees_left": sorted(before_c - after_c) if v in in_b else [],
                }
            )
        frame = pd.DataFrame(rows, index=pd.Index(order, name="actor", dtype=object))
        for c in ("label", "status", "id_after", "matched_by"):
            frame[c] = frame[c].astype(object)
        frame.attrs["top_before"] = int(len(cb))
        return self.stamp(frame)

    # ---------------------------------------------------------- duplicates
    def duplicates(self) -> pd.DataFrame:
        if "duplicates" not in self._tables:
            self._tables["duplicates"] = self._duplicates()
        return self._tables["duplicates"].copy()

    def _duplicates(self) -> pd.DataFrame:
        b, a = self.before, self.after
        db = _duplicate_pairs(b)
        da = _duplicate_pairs(a)
        rows = []
        for key in sorted(
            set(db) | set(da), key=lambda k: (k[0], _sort_key(k[1]), _sort_key(k[2]))
        ):
            kind, x, y = key
            status = (
                "persisting"
                if key in db and key in da
                else "appeared"
                if key in da
                else "disappeared"
            )
            rb, ra = db.get(key), da.get(key)
            rows.append(
                {
                    "kind": kind,
                    "a": x,
                    "b": y,
                    "status": status,
                    "score_before": rb["score"] if rb is not None else math.nan,
                    "score_after": ra["score"] if ra is not None else math.nan,
                    "evidence": (ra if ra is not None else rb)["evidence"],
                    "details": (ra if ra is not None else rb)["source"],
                }
            )
        frame = pd.DataFrame(
            rows,
            columns=[
                "kind",
                "a",
                "b",
                "status",
                "score_before",
                "score_after",
                "evidence",
                "details",
            ],
        )
        for c in ("kind", "a", "b", "status", "evidence", "details"):
            frame[c] = frame[c].astype(object)
        for c in ("score_before", "score_after"):
            frame[c] = frame[c].astype(float)
        return self.stamp(frame)

    # -------------------------------------------------------------- summary
    def summary(self, *, top: int) -> pd.DataFrame:
        b, a = self.before, self.after
        nb, na = set(b.graph.nodes), set(a.graph.nodes)
        stayed = nb & na
        eb, ea = set(_edges(b.graph)), set(_edges(a.graph))
        stable, new, ended = eb & ea, ea - eb, eb - ea
        v: dict[str, float] = dict.fromkeys(CHANGE_FIGURES, math.nan)
        v["actors_before"], v["actors_after"] = float(len(nb)), float(len(na))
        v["actors_stayed"] = float(len(stayed))
        v["actors_entered"], v["actors_left"] = float(len(na - nb)), float(len(nb - na))
        v["ties_before"], v["ties_after"] = float(len(eb)), float(len(ea))
        v["ties_stable"], v["ties_new"], v["ties_ended"] = (
            float(len(stable)),
            float(len(new)),
            float(len(ended)),
        )
        if eb:
            v["stable_share"] = len(stable) / len(eb)
        union = eb | ea
        if union:
            v["jaccard"] = len(stable) / len(union)
        inner_b = {e for e in eb if e[0] in stayed and e[1] in stayed}
        inner_a = {e for e in ea if e[0] in stayed and e[1] in stayed}
        if inner_b | inner_a:
            v["jaccard_stayed"] = len(inner_b & inner_a) / len(inner_b | inner_a)
        v["hamming"] = float(len(new) + len(ended))
        n = len(nb | na)
        pairs = n * (n - 1) if b.graph.is_directed() else n * (n - 1) / 2
        if pairs:
            v["hamming_share"] = (len(new) + len(ended)) / pairs
        for wave, suffix in ((b, "before"), (a, "after")):
            s = summary(wave.graph, seed=self.seed, approximate=self.approximate)["value"]
            for fig in ("density", "degree_centralization", "betweenness_centralization"):
                v[f"{fig}_{suffix}"] = float(s[fig])
        moves = self.catalyst_moves(top=top)
        v["catalysts_rose"] = float((moves["movement"] == "rose").sum())
        v["catalysts_fell"] = float((moves["movement"] == "fell").sum())
        dup = self.duplicates()
        v["duplicates_appeared"] = float((dup["status"] == "appeared").sum())
        v["duplicates_disappeared"] = float((dup["status"] == "disappeared").sum())
        frame = pd.DataFrame(
            {
                "value": [v[k] for k in CHANGE_FIGURES],
                "description": pd.array(list(CHANGE_FIGURES.values()), dtype=object),
            },
            index=pd.Index(list(CHANGE_FIGURES), name="figure"),
        )
        frame.attrs["top"] = top
        return self.stamp(frame)

    def catalyst_moves(self, *, top: int) -> pd.DataFrame:
        return catalyst_changes(self.actors(), top=top)


def _reported(
    reports: tuple[set[tuple[Hashable, Hashable, str]], dict[Hashable, bool]] | None,
    who: Hashable,
    other: Hashable,
    relation: str,
) -> bool | None:
    """True: ``who`` reported the tie; False: responded without reporting it; None: unknown."""
    if reports is None:
        return None
    seen, responded = reports
    if (who, other, relation) in seen:
        return True
    if responded.get(who):
        return False
    return None


#: The fields of a duplicates() row that its evidence is written from
#: (:func:`quartiernetz.words.findings.duplicate_evidence`).
_EVIDENCE_FIELDS = ("a", "b", "kind", "score", "shared", "only_a", "only_b", "details")


def _duplicate_pairs(wave: Wave) -> dict[tuple[str, Hashable, Hashable], dict[str, Any]]:
    src = wave.source
    if isinstance(src, Network):
        found = duplicates(src)
    else:
        found = duplicates(wave.graph)
    ren = wave.rename
    out = {}
    for _, r in found.iterrows():
        kind = str(r["kind"])
        x, y = r["a"], r["b"]
        if kind != "committee":
            x, y = ren.get(x, x), ren.get(y, y)
        if _sort_key(y) < _sort_key(x):
            x, y = y, x
        out[(kind, x, y)] = {
            "score": float(r["score"]),
            "evidence": str(r["evidence"]),
            "source": {c: r[c] for c in _EVIDENCE_FIELDS},
        }
    return out


def _check_top(top: Any) -> int:
    if isinstance(top, bool) or not isinstance(top, int | np.integer) or top < 1:
        raise AnalysisError(
            Text(
                "top must be a whole number >= 1, got {v!r}",
                "top muss eine ganze Zahl >= 1 sein, erhalten: {v!r}",
            ).format(v=top)
        )
    return int(top)


# ---------------------------------------------------------------------- public API
def tie_changes(
    before: Network | nx.Graph,
    after: Network | nx.Graph | None = None,
    *,
    relation: str | Sequence[str] | None = None,
    waves: Sequence[Any] | None = None,
    aliases: _ALIASES = None,
    match_names: bool = True,
    threshold: float = 80.0,
) -> pd.DataFrame:
    """Ties that stayed, began or ended between two waves.

    Parameters
    ----------
    before, after : Network or networkx.Graph
        The earlier and the later wave. Give ``after=None`` and one Network whose
        ties have a column ``wave`` to compare two of its waves (see ``waves``).
    waves : pair, optional
        With one Network: the two waves to compare, e.g. ``("2024", "2026")``
        (default: its two waves). With two inputs: names for them.
    relation : str or list of str, optional
        Network inputs: only these relations (default: every relation in
        :func:`tie_changes`, all but ``competition`` elsewhere, as
        :meth:`~quartiernetz.Network.to_networkx`).
    aliases : path, DataFrame or mapping, optional
        Name decisions for actors the waves name differently (see
        :func:`~quartiernetz.change.match_actors`).
    match_names : bool, default True
        Match actors without an id match by name (exact after normalisation;
        near matches are only suggested, see :func:`~quartiernetz.change.match_actors`).
    threshold : float, default 80
        Least name similarity for a suggestion.

    Returns
    -------
    pandas.DataFrame
        One row per pair of actors and relation with a tie in either wave, sorted
        by relation, then the pair:

        - ``a``, ``b``: the actors (earlier-wave ids; ``a`` before ``b`` as text
          for undirected networks, sender and receiver for directed ones);
        - ``relation``; ``status``: ``stable``, ``new`` or ``ended``
          (:data:`TIE_STATUS`);
        - ``intensity_before``, ``intensity_after``: the pair's intensity in the
          analysis graph of that relation (survey reports reconciled as
          :meth:`~quartiernetz.Network.to_networkx` does), NaN where absent;
        - ``a_reported_before``, ``b_reported_before``, ``a_reported_after``,
          ``b_reported_after`` (nullable boolean): survey Networks only, whether
          that side reported the tie in that wave: True, False (the side
          responded but did not name the tie), missing (not a survey, or the side
          did not respond).

        ``attrs``: ``waves`` (their names), ``renamed`` (later id -> earlier id
        for actors matched by name), ``review_names`` (near matches left for
        review), ``directed``.

    Notes
    -----
    A tie is a pair with intensity > 0 in the graph of its relation. The unit is
    the dyad (Snijders, van de Bunt & Steglich 2010): a tie to or from an actor
    who left counts as ended, one to an actor who entered as new.

    References
    ----------
    .. [1] Snijders, T. A. B., van de Bunt, G. G. & Steglich, C. E. G. (2010).
       Introduction to stochastic actor-based models for network dynamics.
       Social Networks 32(1), 44-60. doi:10.1016/j.socnet.2009.02.004

    Examples
    --------
    >>> import networkx as nx
    >>> t = tie_changes(nx.Graph([("a", "b"), ("b", "c")]), nx.Graph([("a", "b"), ("a", "c")]))
    >>> t[["a", "b", "status"]].values.tolist()
    [['a', 'b', 'stable'], ['a', 'c', 'new'], ['b', 'c', 'ended']]
    """
    change = _Change(
        before,
        after,
        waves=waves,
        relation=relation,
        aliases=aliases,
        match_names=match_names,
        threshold=threshold,
    )
    return change.ties()


def actor_changes(
    before: Network | nx.Graph,
    after: Network | nx.Graph | None = None,
    *,
    waves: Sequence[Any] | None = None,
    relation: str | Sequence[str] | None = None,
    aliases: _ALIASES = None,
    match_names: bool = True,
    threshold: float = 80.0,
    seed: int | np.random.Generator | None = None,
    approximate: bool | None = None,
) -> pd.DataFrame:
    """Each actor's place in two waves: stayed, entered or left; degree, catalyst rank, committees.

    Parameters
    ----------
    before, after : Network or networkx.Graph
        The earlier and the later wave. Give ``after=None`` and one Network whose
        ties have a column ``wave`` to compare two of its waves (see ``waves``).
    waves : pair, optional
        With one Network: the two waves to compare, e.g. ``("2024", "2026")``
        (default: its two waves). With two inputs: names for them.
    relation : str or list of str, optional
        Network inputs: only these relations (default: every relation in
        :func:`tie_changes`, all but ``competition`` elsewhere, as
        :meth:`~quartiernetz.Network.to_networkx`).
    aliases : path, DataFrame or mapping, optional
        Name decisions for actors the waves name differently (see
        :func:`~quartiernetz.change.match_actors`).
    match_names : bool, default True
        Match actors without an id match by name (exact after normalisation;
        near matches are only suggested, see :func:`~quartiernetz.change.match_actors`).
    threshold : float, default 80
        Least name similarity for a suggestion.
    seed, approximate
        Passed to :func:`~quartiernetz.catalysts` (sampled betweenness on very
        large networks only).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``actor`` (earlier-wave id; actors that entered by their own
        id), first the earlier wave's actors in its order, then those who entered:

        - ``label``; ``status``: ``stayed``, ``entered`` or ``left``
          (:data:`ACTOR_STATUS`);
        - ``id_after`` (the actor's id in the later wave; missing when it left),
          ``matched_by`` (``id``, ``name`` or ``alias`` for actors who stayed);
        - ``degree_before``, ``degree_after``, ``degree_change`` (partners);
        - ``catalyst_score_before``, ``catalyst_score_after``,
          ``catalyst_score_change`` (0-100, see :func:`~quartiernetz.catalysts`);
        - ``rank_before``, ``rank_after`` (1 = strongest catalyst of its wave),
          ``rank_change`` (before - after: positive = rose);
        - ``committees_joined``, ``committees_left`` (lists of committee names;
          empty for graphs, which have no affiliations).

        Values of a wave the actor is not in are NaN; so are the changes.

    Notes
    -----
    Catalyst scores are scaled to the strongest actor of each wave, so a score
    compares an actor with the others of its wave; ranks compare across waves
    of different size less well than the top positions do (see
    :func:`catalyst_changes`).

    Examples
    --------
    >>> import networkx as nx
    >>> t = actor_changes(nx.star_graph(["hub", "a", "b"]), nx.path_graph(["a", "hub", "c"]))
    >>> t["status"].to_dict()
    {'hub': 'stayed', 'a': 'stayed', 'b': 'left', 'c': 'entered'}
    >>> t.loc["hub", ["degree_before", "degree_after", "rank_after"]].tolist()
    [2.0, 2.0, 1.0]
    """
    change = _Change(
        before,
        after,
        waves=waves,
        relation=relation,
        aliases=aliases,
        match_names=match_names,
        threshold=threshold,
        seed=seed,
        approximate=approximate,
    )
    return change.actors()


def catalyst_changes(actors: pd.DataFrame, *, top: int = 10) -> pd.DataFrame:
    """Catalysts who rose into or fell out of the top ``top`` between two waves.

    Parameters
    ----------
    actors : pandas.DataFrame
        The result of :func:`actor_changes`.
    top : int, default 10
        The size of the top group in each wave.

    Returns
    -------
    pandas.DataFrame
        One row per actor ranked within the top ``top`` in either wave, indexed by
        ``actor``, sorted by the later rank (then the earlier): ``label``,
        ``status`` (of the actor), ``rank_before``, ``rank_after``,
        ``catalyst_score_before``, ``catalyst_score_after``, ``movement``:
        ``rose`` (in the top only in the later wave), ``fell`` (only in the
        earlier) or ``held`` (in both).

    Examples
    --------
    >>> import networkx as nx
    >>> a = actor_changes(nx.star_graph(["x", "a", "b", "c"]), nx.star_graph(["a", "x", "b", "c"]))
    >>> catalyst_changes(a, top=1)["movement"].to_dict()
    {'a': 'rose', 'x': 'fell'}
    """
    top = _check_top(top)
    need = {"label", "status", "rank_before", "rank_after"}
    if not isinstance(actors, pd.DataFrame) or not need <= set(actors.columns):
        raise AnalysisError(
            Text(
                "actors must be the table of actor_changes (columns {cols})",
                "actors muss die Tabelle von actor_changes sein (Spalten {cols})",
            ).format(cols=", ".join(sorted(need)))
        )
    in_b = actors["rank_before"].le(top).fillna(False).astype(bool)
    in_a = actors["rank_after"].le(top).fillna(False).astype(bool)
    sub = actors[in_b | in_a]
    movement = np.where(
        in_a[sub.index] & in_b[sub.index], "held", np.where(in_a[sub.index], "rose", "fell")
    )
    cols = [
        "label",
        "status",
        "rank_before",
        "rank_after",
        "catalyst_score_before",
        "catalyst_score_after",
    ]
    out = sub[[c for c in cols if c in sub.columns]].copy()
    out["movement"] = pd.array(movement.tolist(), dtype=object)
    out = out.sort_values(["rank_after", "rank_before"], na_position="last", kind="stable")
    out.attrs = {"top": top}
    return out


def duplicate_changes(
    before: Network | nx.Graph,
    after: Network | nx.Graph | None = None,
    *,
    waves: Sequence[Any] | None = None,
    aliases: _ALIASES = None,
    match_names: bool = True,
    threshold: float = 80.0,
) -> pd.DataFrame:
    """Candidate duplicate structures that appeared, disappeared or persisted.

    Parameters
    ----------
    before, after : Network or networkx.Graph
        The earlier and the later wave. Give ``after=None`` and one Network whose
        ties have a column ``wave`` to compare two of its waves (see ``waves``).
    waves : pair, optional
        With one Network: the two waves to compare, e.g. ``("2024", "2026")``
        (default: its two waves). With two inputs: names for them.
    aliases : path, DataFrame or mapping, optional
        Name decisions for actors the waves name differently (see
        :func:`~quartiernetz.change.match_actors`).
    match_names : bool, default True
        Match actors without an id match by name (exact after normalisation;
        near matches are only suggested, see :func:`~quartiernetz.change.match_actors`).
    threshold : float, default 80
        Least name similarity for a suggestion.

    Returns
    -------
    pandas.DataFrame
        One row per candidate pair of :func:`~quartiernetz.duplicates` (default
        settings) in either wave: ``kind`` (``offer``, ``committee``, ``ties``),
        ``a``, ``b`` (actors as earlier-wave ids, or committees), ``status``
        (``appeared``, ``disappeared``, ``persisting``), ``score_before``,
        ``score_after`` (NaN where absent), ``evidence`` (the later wave's where
        present), ``details`` (the candidate's row of ``duplicates`` that
        ``evidence`` was written from, as a dict in that wave's ids: ``a``,
        ``b``, ``kind``, ``score``, ``shared``, ``only_a``, ``only_b``,
        ``details``; :func:`quartiernetz.words.duplicate_evidence` writes it in
        German).

    Examples
    --------
    >>> import networkx as nx
    >>> before = nx.Graph([("a", "x"), ("a", "y"), ("b", "x"), ("b", "y")])
    >>> after = nx.Graph([("a", "x"), ("a", "y"), ("b", "z")])
    >>> duplicate_changes(before, after)[["a", "b", "status"]].values.tolist()
    [['a', 'b', 'disappeared'], ['x', 'y', 'disappeared']]
    """
    change = _Change(
        before,
        after,
        waves=waves,
        relation=None,
        aliases=aliases,
        match_names=match_names,
        threshold=threshold,
    )
    return change.duplicates()


def change_summary(
    before: Network | nx.Graph,
    after: Network | nx.Graph | None = None,
    *,
    waves: Sequence[Any] | None = None,
    relation: str | Sequence[str] | None = None,
    aliases: _ALIASES = None,
    match_names: bool = True,
    threshold: float = 80.0,
    top: int = 10,
    seed: int | np.random.Generator | None = None,
    approximate: bool | None = None,
) -> pd.DataFrame:
    r"""How much the network changed between two waves, one row per figure.

    Parameters
    ----------
    before, after : Network or networkx.Graph
        The earlier and the later wave. Give ``after=None`` and one Network whose
        ties have a column ``wave`` to compare two of its waves (see ``waves``).
    waves : pair, optional
        With one Network: the two waves to compare, e.g. ``("2024", "2026")``
        (default: its two waves). With two inputs: names for them.
    relation : str or list of str, optional
        Network inputs: only these relations (default: every relation in
        :func:`tie_changes`, all but ``competition`` elsewhere, as
        :meth:`~quartiernetz.Network.to_networkx`).
    aliases : path, DataFrame or mapping, optional
        Name decisions for actors the waves name differently (see
        :func:`~quartiernetz.change.match_actors`).
    match_names : bool, default True
        Match actors without an id match by name (exact after normalisation;
        near matches are only suggested, see :func:`~quartiernetz.change.match_actors`).
    threshold : float, default 80
        Least name similarity for a suggestion.
    top : int, default 10
        The top group of catalysts (see :func:`catalyst_changes`).
    seed, approximate
        Passed to :func:`~quartiernetz.summary` and :func:`~quartiernetz.catalysts`.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``figure`` (always the rows of :data:`CHANGE_FIGURES`, in that
        order), columns ``value`` (float; NaN where a figure does not apply, e.g.
        ``stable_share`` without ties in the first wave) and ``description``.

    Notes
    -----
    Ties are the pairs of the analysis graph (relations combined; competition
    left out unless named in ``relation``), as in :func:`~quartiernetz.summary`.
    With T1 and T2 the two tie sets:

    - stable share ``|T1 ∩ T2| / |T1|``;
    - Jaccard index ``|T1 ∩ T2| / |T1 ∪ T2|`` (Snijders, van de Bunt &
      Steglich 2010). Below about 0.3 the two waves are so different that a
      stochastic actor-oriented model (RSiena) treats the change as too large to
      be the result of small steps, and its estimates become unreliable; values
      near 1 leave little change to explain. ``jaccard_stayed`` takes only the
      actors present in both waves, separating tie change from turnover;
    - Hamming distance ``|T1 \ T2| + |T2 \ T1|`` and its share of the
      ``n (n - 1) / 2`` pairs (``n (n - 1)`` if directed) of the actors of
      either wave;
    - density and Freeman centralisations as :func:`~quartiernetz.summary`
      computes them, for each wave;
    - ``catalysts_rose`` / ``catalysts_fell``: see :func:`catalyst_changes`;
      ``duplicates_appeared`` / ``duplicates_disappeared``: see
      :func:`duplicate_changes`.

    References
    ----------
    .. [1] Snijders, T. A. B., van de Bunt, G. G. & Steglich, C. E. G. (2010).
       Introduction to stochastic actor-based models for network dynamics.
       Social Networks 32(1), 44-60. doi:10.1016/j.socnet.2009.02.004
    .. [2] Freeman, L. C. (1978). Centrality in social networks: conceptual
       clarification. Social Networks 1(3), 215-239.

    Examples
    --------
    >>> import networkx as nx
    >>> s = change_summary(nx.Graph([("a", "b"), ("b", "c")]), nx.Graph([("a", "b"), ("a", "c")]))
    >>> s.loc[["ties_stable", "ties_new", "ties_ended", "jaccard", "hamming"], "value"].tolist()
    [1.0, 1.0, 1.0, 0.3333333333333333, 2.0]
    """
    top = _check_top(top)
    change = _Change(
        before,
        after,
        waves=waves,
        relation=relation,
        aliases=aliases,
        match_names=match_names,
        threshold=threshold,
        seed=seed,
        approximate=approximate,
    )
    return change.summary(top=top)


def change_tables(
    before: Network | nx.Graph,
    after: Network | nx.Graph | None = None,
    *,
    waves: Sequence[Any] | None = None,
    relation: str | Sequence[str] | None = None,
    aliases: _ALIASES = None,
    match_names: bool = True,
    threshold: float = 80.0,
    top: int = 10,
    seed: int | np.random.Generator | None = None,
    approximate: bool | None = None,
) -> dict[str, pd.DataFrame]:
    """Every table of change at once, each analysis run once (for reports).

    Parameters
    ----------
    before, after : Network or networkx.Graph
        The earlier and the later wave. Give ``after=None`` and one Network whose
        ties have a column ``wave`` to compare two of its waves (see ``waves``).
    waves : pair, optional
        With one Network: the two waves to compare, e.g. ``("2024", "2026")``
        (default: its two waves). With two inputs: names for them.
    relation : str or list of str, optional
        Network inputs: only these relations (default: every relation in
        :func:`tie_changes`, all but ``competition`` elsewhere, as
        :meth:`~quartiernetz.Network.to_networkx`).
    aliases : path, DataFrame or mapping, optional
        Name decisions for actors the waves name differently (see
        :func:`~quartiernetz.change.match_actors`).
    match_names : bool, default True
        Match actors without an id match by name (exact after normalisation;
        near matches are only suggested, see :func:`~quartiernetz.change.match_actors`).
    threshold : float, default 80
        Least name similarity for a suggestion.
    top, seed, approximate
        As for :func:`change_summary`.

    Returns
    -------
    dict of str to DataFrame
        ``summary`` (:func:`change_summary`), ``ties`` (:func:`tie_changes`),
        ``actors`` (:func:`actor_changes`), ``catalysts``
        (:func:`catalyst_changes`), ``duplicates`` (:func:`duplicate_changes`)
        and ``review`` (names left for review, see
        :func:`~quartiernetz.change.match_actors`).

    Examples
    --------
    >>> import networkx as nx
    >>> tables = change_tables(nx.path_graph(4), nx.cycle_graph(4))
    >>> sorted(tables)
    ['actors', 'catalysts', 'duplicates', 'review', 'summary', 'ties']
    """
    top = _check_top(top)
    change = _Change(
        before,
        after,
        waves=waves,
        relation=relation,
        aliases=aliases,
        match_names=match_names,
        threshold=threshold,
        seed=seed,
        approximate=approximate,
    )
    actors = change.actors()
    return {
        "summary": change.summary(top=top),
        "ties": change.ties(),
        "actors": actors,
        "catalysts": catalyst_changes(actors, top=top),
        "duplicates": change.duplicates(),
        "review": change.match.review.copy(),
    }
