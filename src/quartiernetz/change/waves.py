"""Two waves of one quarter, made comparable: inputs, waves of one Network, renamed actors."""

from __future__ import annotations

import os
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from ..exceptions import AnalysisError
from ..i18n import Text
from ..network import Network, as_graph, undirected
from .matching import ActorMatch, actor_labels, check_input, match_actors

__all__ = ["split_waves", "COMMITTEE_KINDS"]

#: Affiliation kinds that count as committees (compared case-insensitively).
COMMITTEE_KINDS = ("committee", "gremium")


def _error(en: str, de: str, **values: Any) -> AnalysisError:
    return AnalysisError(Text(en, de).format(**values))


def split_waves(
    net: Network, waves: Sequence[Any] | None = None, *, presence: str = "roster"
) -> dict[str, Network]:
    """The waves of one Network whose ties have a ``wave`` column, as Networks.

    Parameters
    ----------
    net : Network
        Ties with a column ``wave`` (e.g. ``"2024"``, ``"2026"``).
    waves : sequence, optional
        The waves to take, in this order (compared as text). Default: every wave
        present, sorted.
    presence : {"roster", "ties"}, default "roster"
        Which actors are in a wave. ``"roster"``: every actor of ``net`` (the
        actors table is the roster of every wave; an actor without ties in a wave
        is an isolate there). ``"ties"``: the actors with a tie (as source or
        target) or an affiliation in that wave, and those with no wave-specific
        row at all; the others count as not present (entered later or left).

    Returns
    -------
    dict of str to Network
        Wave (as text) -> a Network with that wave's ties, its actors (see
        ``presence``), and the affiliations of
        that wave (rows without a wave, or all rows when the affiliations have no
        ``wave`` column). ``meta`` is copied and gets ``"wave"``.

    Raises
    ------
    AnalysisError
        ``net`` has no ``wave`` column, or a wave asked for has no tie.

    Notes
    -----
    One actors table cannot say who left or entered; ``presence="ties"`` reads
    it from the ties (an actor who stayed without any tie in a wave then counts
    as absent there). Where the roster of each wave is known, give the waves as
    two Networks.

    Examples
    --------
    >>> import pandas as pd
    >>> net = Network(ties=pd.DataFrame({"source": ["a", "a"], "target": ["b", "c"],
    ...                                  "wave": ["2024", "2026"]}))
    >>> {w: len(n.ties) for w, n in split_waves(net).items()}
    {'2024': 1, '2026': 1}
    """
    if not isinstance(net, Network):
        raise _error(
            "waves: expected a quartiernetz Network with a tie column 'wave', got {kind}",
            "waves: erwartet wird ein quartiernetz-Network mit der Spalte 'wave' der "
            "Beziehungen, erhalten: {kind}",
            kind=type(net).__name__,
        )
    if "wave" not in net.ties.columns:
        raise _error(
            "the ties have no column 'wave'; give two networks, or ties with a wave column",
            "die Beziehungen haben keine Spalte 'wave'; geben Sie zwei Netzwerke an oder "
            "Beziehungen mit einer Spalte 'wave'",
        )
    present = net.ties["wave"].dropna().astype(str)
    found = sorted(present.unique().tolist())
    wanted = [str(w) for w in waves] if waves is not None else found
    missing = [w for w in wanted if w not in found]
    if missing:
        raise _error(
            "waves {missing} have no tie; waves present: {found}",
            "die Wellen {missing} haben keine Beziehung; vorhandene Wellen: {found}",
            missing=", ".join(missing),
            found=", ".join(found) or "–",
        )
    if presence not in ("roster", "ties"):
        raise _error(
            "presence must be 'roster' or 'ties', got {v!r}",
            "presence muss 'roster' oder 'ties' sein, erhalten: {v!r}",
            v=presence,
        )
    out: dict[str, Network] = {}
    wave_text = net.ties["wave"].astype(str).where(net.ties["wave"].notna(), None)
    aff = net.affiliations
    aff_wave = (
        aff["wave"].astype(str).where(aff["wave"].notna(), None) if "wave" in aff.columns else None
    )
    in_any: set[Any] = set()
    if presence == "ties":
        waved = net.ties[wave_text.notna()]
        in_any = set(waved["source"]) | set(waved["target"])
        if aff_wave is not None:
            in_any |= set(aff.loc[aff_wave.notna(), "actor"])
    for w in wanted:
        ties = net.ties[wave_text == w]
        aff_w = aff if aff_wave is None else aff[aff_wave.isna() | (aff_wave == w)]
        actors = net.actors
        if presence == "ties":
            here = set(ties["source"]) | set(ties["target"])
            if aff_wave is not None:
                here |= set(aff.loc[aff_wave == w, "actor"])
            keep = [a in here or a not in in_any for a in actors.index]
            actors = actors[keep]
            aff_w = aff_w[aff_w["actor"].isin(actors.index)]
        part = Network(
            actors=actors.reset_index(),
            ties=ties.reset_index(drop=True),
            affiliations=aff_w.reset_index(drop=True),
            directed=net.directed,
            name=f"{net.name} ({w})" if net.name else w,
        )
        part.meta.update(net.meta)
        part.meta["wave"] = w
        missing_answers = net.meta.get("missing")
        if isinstance(missing_answers, pd.DataFrame) and "wave" in missing_answers.columns:
            part.meta["missing"] = missing_answers[missing_answers["wave"].astype(str) == w]
        out[w] = part
    return out


@dataclass
class Wave:
    """One wave, renamed to the earlier wave's ids (internal)."""

    label: str
    source: Network | nx.Graph
    graph: nx.Graph
    labels: dict[Hashable, str]
    rename: dict[Hashable, Hashable] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def actors(self) -> list[Hashable]:
        return list(self.graph.nodes)

    def relation_graphs(self, relation: Any) -> dict[str, nx.Graph]:
        """Relation -> graph of that relation alone (renamed), for tie_changes."""
        directed = self.graph.is_directed()
        src = self.source
        if isinstance(src, Network):
            rels = src.relations
            if relation is not None:
                wanted = [relation] if isinstance(relation, str) else list(relation)
                rels = [r for r in rels if r in wanted]
            out = {}
            for r in rels:
                G = as_graph(src, relations=[r], directed=directed)
                out[r] = self._renamed(G)
            return out
        G = self._renamed(as_graph(src, directed=directed))
        groups: dict[str, nx.Graph] = {}
        for u, v, d in G.edges(data=True):
            rel = d.get("relation")
            rel = str(rel) if isinstance(rel, str) and rel else "cooperation"
            if relation is not None:
                wanted = [relation] if isinstance(relation, str) else list(relation)
                if rel not in wanted:
                    continue
            H = groups.setdefault(rel, nx.DiGraph() if directed else nx.Graph())
            H.add_edge(u, v, **d)
        return groups

    def _renamed(self, G: nx.Graph) -> nx.Graph:
        return nx.relabel_nodes(G, self.rename, copy=True) if self.rename else G

    def reports(self) -> tuple[set[tuple[Hashable, Hashable, str]], dict[Hashable, bool]] | None:
        """(reporter, other, relation) of the survey reports, and who responded."""
        src = self.source
        if not isinstance(src, Network) or not src.is_survey:
            return None
        t = src.ties
        t = t[t["intensity"] > 0]
        ren = self.rename
        seen: set[tuple[Hashable, Hashable, str]] = set()
        for s, g, rel, rep in zip(
            t["source"], t["target"], t["relation"].astype(str), t["reported_by"], strict=True
        ):
            if not isinstance(rep, str):
                continue
            for who in rep.split(";"):
                who = who.strip()
                if who == s:
                    seen.add((ren.get(s, s), ren.get(g, g), rel))
                elif who == g:
                    seen.add((ren.get(g, g), ren.get(s, s), rel))
        responded_raw = src.actors["responded"]
        responded = {}
        for i, v in zip(src.actors.index, responded_raw, strict=True):
            if isinstance(v, str):
                ok = v.strip().casefold() in {"true", "1", "yes", "ja", "y", "j", "x", "wahr"}
            else:
                ok = (
                    bool(v)
                    if v is not None and not (isinstance(v, float) and np.isnan(v))
                    else False
                )
            responded[ren.get(i, i)] = ok
        return seen, responded

    def committees(self) -> dict[Hashable, set[str]]:
        """Actor -> the committees it sits in (empty for a graph)."""
        src = self.source
        out: dict[Hashable, set[str]] = {}
        if not isinstance(src, Network) or src.affiliations.empty:
            return out
        aff = src.affiliations
        kinds = aff["kind"].astype(str).str.strip().str.casefold()
        aff = aff[kinds.isin(COMMITTEE_KINDS)]
        ren = self.rename
        for a, item in zip(aff["actor"], aff["item"].astype(str), strict=True):
            out.setdefault(ren.get(a, a), set()).add(item)
        return out


def prepare(
    before: Network | nx.Graph,
    after: Network | nx.Graph | None,
    *,
    waves: Sequence[Any] | None = None,
    relation: str | Sequence[str] | None = None,
    aliases: str | os.PathLike[str] | pd.DataFrame | Mapping[str, str] | None = None,
    match_names: bool = True,
    threshold: float = 80.0,
) -> tuple[Wave, Wave, ActorMatch]:
    """The two waves as renamed analysis graphs, and how their actors were matched."""
    if after is None:
        check_input(before, "before")
        if not isinstance(before, Network):
            raise _error(
                "after is missing: give two networks, or one Network whose ties have a "
                "column 'wave'",
                "after fehlt: geben Sie zwei Netzwerke an oder ein Network, dessen "
                "Beziehungen eine Spalte 'wave' haben",
            )
        parts = split_waves(before, waves)
        if len(parts) != 2:
            raise _error(
                "the network has {n} waves ({found}); name two with waves=(first, second)",
                "das Netzwerk hat {n} Wellen ({found}); nennen Sie zwei mit waves=(erste, zweite)",
                n=len(parts),
                found=", ".join(parts),
            )
        (lb, before), (la, after) = parts.items()
    else:
        check_input(before, "before")
        check_input(after, "after")
        if waves is not None:
            if len(waves) != 2:
                raise _error(
                    "waves must name two waves, got {w!r}",
                    "waves muss zwei Wellen nennen, erhalten: {w!r}",
                    w=waves,
                )
            lb, la = (str(w) for w in waves)
        else:
            lb, la = "before", "after"
    match = match_actors(before, after, aliases=aliases, names=match_names, threshold=threshold)
    options: dict[str, Any] = {}
    if relation is not None:
        options["relations"] = relation
    Gb = _graph(before, options, "before")
    Ga = _graph(after, options, "after")
    if Gb.is_directed() != Ga.is_directed():
        Gb, Ga = undirected(Gb), undirected(Ga)
    if match.renamed:
        Ga = nx.relabel_nodes(Ga, match.renamed, copy=True)
    labels_b = actor_labels(before)
    labels_a = {match.renamed.get(k, k): v for k, v in actor_labels(after).items()}
    wb = Wave(lb, before, Gb, labels_b, {}, options)
    wa = Wave(la, after, Ga, labels_a, dict(match.renamed), options)
    return wb, wa, match


def _graph(net: Network | nx.Graph, options: dict[str, Any], name: str) -> nx.Graph:
    if isinstance(net, Network):
        return as_graph(net, **options)
    if options:
        raise _error(
            "{name}: relation applies to a quartiernetz Network, not to a networkx graph",
            "{name}: relation gilt für ein quartiernetz-Network, nicht für einen networkx-Graphen",
            name=name,
        )
    return as_graph(net)
