"""The network model: actors, ties and affiliations as DataFrames, plus the networkx graph.

A :class:`Network` holds three tables:

``actors``
    one row per actor, indexed by ``id`` (text); columns ``label`` (defaults to the
    id), ``type``, optional ``umbrella`` (the Träger or parent organisation) and
    ``area``, then any further attribute columns.
``ties``
    one row per tie as reported: ``source``, ``target``, ``relation`` (default
    ``"cooperation"``), ``intensity`` (a number >= 0, default 1), optional
    ``wave`` and ``reported_by``, then further columns.
``affiliations``
    two-mode memberships: ``actor``, ``item``, ``kind`` (``committee``, ``offer``,
    ``project`` or any other word), optional ``target_group`` and ``area``.

Analyses work on the graph that :meth:`Network.to_networkx` builds; every
analysis function accepts either a :class:`Network` or a networkx graph
(see :func:`as_graph`).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Literal

import networkx as nx
import numpy as np
import pandas as pd

from .exceptions import AnalysisError
from .record import Record
from .tables.assemble import assemble_frames, table_from_frame

__all__ = ["Network", "as_graph", "undirected", "COMBINE_RULES", "RECONCILE_RULES"]

#: How the ties of one pair (several relations; both directions) combine into one weight.
COMBINE_RULES = ("sum", "max", "mean", "min")
#: How two sides' survey reports of one pair and relation combine (see ``to_networkx``).
RECONCILE_RULES = ("union", "confirmed", "max", "min", "mean")


def _collapse(
    frame: pd.DataFrame, keys: list[str], column: str, *, join: bool = False
) -> pd.Series:
    """Per group of ``keys``: the value all rows share (missing values ignored), else the
    distinct values as sorted text joined by ``"; "``. Groups with no value are left out.

    With ``join=True`` the result is always the joined text.
    """
    sub = frame[[*keys, column]].dropna(subset=[column]).drop_duplicates()
    if join:
        sub = sub.assign(**{column: sub[column].astype(str)}).drop_duplicates()
    size = sub.groupby(keys, sort=False)[column].transform("size").to_numpy()
    single = sub[size == 1].set_index(keys)[column].astype(object)
    multi = sub[size > 1]
    if not len(multi):
        return single
    text = multi.assign(_text=multi[column].astype(str)).drop_duplicates([*keys, "_text"])
    text = text.sort_values("_text", kind="stable")
    joined = text.groupby(keys, sort=False)["_text"].agg("; ".join).astype(object)
    return pd.concat([single, joined])


class Network:
    """A cooperation network: actors, ties, affiliations and the record of loading.

    Parameters
    ----------
    actors : pandas.DataFrame, optional
        One row per actor with an ``id`` column (or index named ``id``); see the
        module documentation for the columns. Without it, actors are the ids
        named in ``ties`` and ``affiliations``.
    ties : pandas.DataFrame, optional
        One row per tie with ``source`` and ``target``.
    affiliations : pandas.DataFrame, optional
        Two-mode memberships with ``actor`` and ``item``.
    directed : bool, default False
        Whether ties are arcs. Cooperation is mutual, so the default is False.
    name : str, optional
        A name for reports.

    Attributes
    ----------
    actors, ties, affiliations : pandas.DataFrame
    directed : bool
    record : Record
        What the loader cleaned, merged, added or dropped.
    meta : dict
        Provenance: source file, format, encoding; survey figures where a
        survey was read.

    Notes
    -----
    The tables are validated and cleaned exactly as a reader's are (see
    :mod:`quartiernetz.tables.assemble`); what was changed is in :attr:`record`.
    :meth:`from_frames` makes a network of tables that are already clean.

    Examples
    --------
    >>> import pandas as pd
    >>> net = Network(
    ...     actors=pd.DataFrame({"id": ["qm", "awo", "kita"],
    ...                          "type": ["Quartiersmanagement", "Wohlfahrtsverband", "Schule"]}),
    ...     ties=pd.DataFrame({"source": ["qm", "qm"], "target": ["awo", "kita"],
    ...                        "intensity": [2, 1]}),
    ... )
    >>> net
    <Network: 3 actors, 2 ties (cooperation), 0 affiliations, undirected>
    >>> G = net.to_networkx()
    >>> G["qm"]["awo"]["weight"]
    2.0
    """

    actors: pd.DataFrame
    ties: pd.DataFrame
    affiliations: pd.DataFrame
    directed: bool
    record: Record
    name: str | None
    meta: dict[str, Any]

    def __init__(
        self,
        actors: pd.DataFrame | None = None,
        ties: pd.DataFrame | None = None,
        affiliations: pd.DataFrame | None = None,
        *,
        directed: bool = False,
        name: str | None = None,
    ) -> None:
        frames = assemble_frames(
            table_from_frame(actors, "actors"),
            table_from_frame(ties, "ties"),
            table_from_frame(affiliations, "affiliations"),
            directed=directed,
        )
        self._set(frames.actors, frames.ties, frames.affiliations, frames.directed)
        self.record = frames.record
        self.name = name
        self.meta = {}

    def _set(
        self, actors: pd.DataFrame, ties: pd.DataFrame, affiliations: pd.DataFrame, directed: bool
    ) -> None:
        self.actors = actors
        self.ties = ties
        self.affiliations = affiliations
        self.directed = bool(directed)

    @classmethod
    def from_frames(
        cls,
        actors: pd.DataFrame,
        ties: pd.DataFrame,
        affiliations: pd.DataFrame,
        *,
        directed: bool,
        record: Record | None = None,
        name: str | None = None,
        meta: dict | None = None,
    ) -> Network:
        """Make a network of tables that are already validated (the readers use this).

        The tables are taken as they are, without the checks of :class:`Network`: use
        it for tables that come from :func:`~quartiernetz.tables.assemble.assemble_frames`
        or from another network.

        Parameters
        ----------
        actors, ties, affiliations : pandas.DataFrame
            The clean tables (actors indexed by ``id``).
        directed : bool
            Whether the ties are arcs.
        record : Record, optional
            What was cleaned; an empty record when not given.
        name : str, optional
            The network's name.
        meta : dict, optional
            Provenance: source file, format, encoding.

        Examples
        --------
        >>> import pandas as pd
        >>> net = Network(ties=pd.DataFrame({"source": ["qm"], "target": ["awo"]}))
        >>> Network.from_frames(net.actors, net.ties, net.affiliations, directed=True)
        <Network: 2 actors, 1 ties (cooperation), 0 affiliations, directed>
        """
        self = cls.__new__(cls)
        self._set(actors, ties, affiliations, directed)
        self.record = record if record is not None else Record()
        self.name = name
        self.meta = dict(meta or {})
        return self

    #: The former name of :meth:`from_frames`, kept for one release.
    _from_clean = from_frames

    # ------------------------------------------------------------------ info
    @property
    def relations(self) -> list[str]:
        """The relations present in the ties, sorted."""
        return sorted(self.ties["relation"].astype(str).unique().tolist())

    @property
    def is_survey(self) -> bool:
        """True when ties are survey reports (columns ``reported_by`` and ``responded``)."""
        return "reported_by" in self.ties.columns and "responded" in self.actors.columns

    def copy(self) -> Network:
        """A deep copy."""
        return Network.from_frames(
            self.actors.copy(),
            self.ties.copy(),
            self.affiliations.copy(),
            directed=self.directed,
            record=Record(self.record),
            name=self.name,
            meta=dict(self.meta),
        )

    def describe(self) -> dict[str, pd.DataFrame]:
        """What was read, as small tables.

        Returns
        -------
        dict of DataFrame
            ``actors_by_type`` (type, actors), ``ties_by_relation`` (relation, ties,
            mean_intensity), ``affiliations_by_kind`` (kind, items, memberships) and
            ``record`` (see :meth:`Record.to_frame`).
        """
        types = self.actors["type"].astype(object).where(self.actors["type"].notna(), "(none)")
        by_type = types.value_counts().rename_axis("type").reset_index(name="actors")
        by_type = by_type.sort_values(
            ["actors", "type"], ascending=[False, True], ignore_index=True
        )
        ties = (
            self.ties.groupby("relation", sort=True)
            .agg(ties=("source", "size"), mean_intensity=("intensity", "mean"))
            .reset_index()
        )
        ties["mean_intensity"] = ties["mean_intensity"].round(3)
        aff = (
            self.affiliations.groupby("kind", sort=True)
            .agg(items=("item", "nunique"), memberships=("actor", "size"))
            .reset_index()
        )
        return {
            "actors_by_type": by_type,
            "ties_by_relation": ties,
            "affiliations_by_kind": aff,
            "record": self.record.to_frame(),
        }

    def __repr__(self) -> str:
        rels = ", ".join(self.relations) if len(self.ties) else "none"
        kind = "directed" if self.directed else "undirected"
        title = f" {self.name!r}" if self.name else ""
        return (
            f"<Network{title}: {len(self.actors)} actors, {len(self.ties)} ties ({rels}), "
            f"{len(self.affiliations)} affiliations, {kind}>"
        )

    def equals(self, other: Network, *, check_record: bool = False) -> bool:
        """True when actors, ties, affiliations and direction are the same.

        Row order of ties and affiliations is ignored; column order is not.
        """
        if not isinstance(other, Network) or self.directed != other.directed:
            return False

        def canon(df: pd.DataFrame) -> pd.DataFrame:
            if df.empty:
                return df.reset_index(drop=True)
            out = df.astype(object).where(df.notna(), None)
            return out.sort_values(
                list(out.columns), key=lambda s: s.astype(str), ignore_index=True
            )

        try:
            pd.testing.assert_frame_equal(
                self.actors.astype(object).where(self.actors.notna(), None).sort_index(),
                other.actors.astype(object).where(other.actors.notna(), None).sort_index(),
                check_dtype=False,
                check_exact=True,
            )
            pd.testing.assert_frame_equal(
                canon(self.ties), canon(other.ties), check_dtype=False, check_exact=True
            )
            pd.testing.assert_frame_equal(
                canon(self.affiliations),
                canon(other.affiliations),
                check_dtype=False,
                check_exact=True,
            )
        except AssertionError:
            return False
        return not check_record or str(self.record) == str(other.record)

    # ------------------------------------------------------------- the graph
    def to_networkx(
        self,
        *,
        relations: str | Sequence[str] | None = None,
        min_intensity: float | None = None,
        directed: bool | None = None,
        combine: Literal["sum", "max", "mean", "min"] = "sum",
        reconcile: Literal["union", "confirmed", "max", "min", "mean"] = "max",
        wave: Any = None,
        weight: str = "weight",
        isolates: bool = True,
    ) -> nx.Graph:
        """Build the analysis graph.

        Parameters
        ----------
        relations : str or list of str, optional
            Keep only these relations (default: all except ``competition`` and
            ``Konkurrenz``, which are not cooperation; name them to include them).
        min_intensity : float, optional
            Keep only ties whose own intensity is at least this. Ties of intensity
            0 record an explicit "no cooperation" and never make an edge.
        directed : bool, optional
            A :class:`networkx.DiGraph` or a :class:`networkx.Graph`. Default: the
            network's own direction, except for survey reports, which give an
            undirected graph unless ``directed=True``.
        combine : {"sum", "max", "mean", "min"}, default "sum"
            How the ties of one pair (several relations; for undirected graphs of
            non-survey data, both directions) combine into the edge weight.
        reconcile : {"max", "union", "confirmed", "min", "mean"}, default "max"
            For survey reports in an undirected graph: how the two sides' reports
            of one pair and relation combine before ``combine`` is applied. When
            both actors responded, a missing report of a responding side counts as
            "no tie" (0):

            - ``max``: a tie if either side reported it; the larger intensity.
            - ``union``: a tie if either side reported it; the mean of the reports made.
            - ``mean``: a tie if either side reported it; the mean of both sides,
              a non-report counting 0.
            - ``confirmed``: a tie only if both sides reported it; the mean of both.
            - ``min``: a tie only if both sides reported it; the smaller intensity.

            When one side did not respond, the responding side's report counts as
            it is, whatever the rule.
        wave : optional
            Keep only ties of this wave (column ``wave``).
        weight : str, default "weight"
            Name of the edge attribute that receives the combined intensity.
        isolates : bool, default True
            Keep actors without ties as nodes.

        Returns
        -------
        networkx.Graph or networkx.DiGraph
            Node attributes from ``actors`` (missing values left out); edge
            attributes ``weight`` (the combined intensity), ``relation`` (the
            relations, ``"; "``-joined), ``n_ties`` (tie rows combined) and the
            ties' further columns (joined where they differ).
        """
        if combine not in COMBINE_RULES:
            raise AnalysisError(f"combine must be one of {COMBINE_RULES}, got {combine!r}")
        if reconcile not in RECONCILE_RULES:
            raise AnalysisError(f"reconcile must be one of {RECONCILE_RULES}, got {reconcile!r}")
        options = {
            "relations": relations,
            "min_intensity": min_intensity,
            "directed": directed,
            "combine": combine,
            "reconcile": reconcile,
            "wave": wave,
            "weight": weight,
            "isolates": isolates,
        }
        cache = self.__dict__.get("_graphs")
        if cache is None:
            return self._build_graph(**options)
        key = repr(sorted(options.items()))
        if key not in cache:
            cache[key] = self._build_graph(**options)
        # a copy: the caller may change its graph (attribute dicts are copied too)
        return cache[key].copy()

    def __getstate__(self) -> dict[str, Any]:
        # the graphs kept by ``reusing_graphs`` are not part of the network
        return {k: v for k, v in self.__dict__.items() if k != "_graphs"}

    @contextmanager
    def reusing_graphs(self) -> Iterator[None]:
        """Within this block, :meth:`to_networkx` builds each distinct graph once.

        For a run of many analyses on a network that does not change meanwhile (the
        report): every call returns a fresh copy of the graph built for its options.
        Nested blocks share the outer block's graphs.

        Examples
        --------
        >>> import pandas as pd
        >>> net = Network(ties=pd.DataFrame({"source": ["qm"], "target": ["awo"]}))
        >>> with net.reusing_graphs():
        ...     first, second = net.to_networkx(), net.to_networkx()
        >>> first is second, sorted(first) == sorted(second)
        (False, True)
        """
        if "_graphs" in self.__dict__:
            yield
            return
        self.__dict__["_graphs"] = {}
        try:
            yield
        finally:
            del self.__dict__["_graphs"]

    #: The former name of :meth:`reusing_graphs`, kept for one release.
    _reusing_graphs = reusing_graphs

    def _build_graph(
        self,
        *,
        relations: str | Sequence[str] | None,
        min_intensity: float | None,
        directed: bool | None,
        combine: str,
        reconcile: str,
        wave: Any,
        weight: str,
        isolates: bool,
    ) -> nx.Graph:
        """The body of :meth:`to_networkx` (options checked there)."""
        survey = self.is_survey
        if directed is None:
            directed = self.directed and not survey
        t = self.ties
        if relations is None:
            t = t[~t["relation"].astype(str).str.casefold().isin(["competition", "konkurrenz"])]
        else:
            rels = [relations] if isinstance(relations, str) else list(relations)
            unknown = sorted(set(rels) - set(self.relations))
            if unknown and len(unknown) == len(rels):
                raise AnalysisError(
                    f"relations {unknown} are not in the network; relations present: {self.relations}"
                )
            t = t[t["relation"].isin(rels)]
        if wave is not None:
            if "wave" not in t.columns:
                raise AnalysisError("wave given, but the ties have no column 'wave'")
            t = t[t["wave"] == wave]
        if min_intensity is not None:
            t = t[t["intensity"] >= min_intensity]

        G: nx.Graph = nx.DiGraph() if directed else nx.Graph()
        G.graph["name"] = self.name or ""
        if isolates:
            self._add_nodes(G, self.actors.index)
        if t.empty:
            return G

        src = t["source"].astype(str).to_numpy()
        tgt = t["target"].astype(str).to_numpy()
        if directed:
            a, b = src, tgt
        else:
            swap = src > tgt
            a, b = np.where(swap, tgt, src), np.where(swap, src, tgt)
        frame = t.assign(_a=a, _b=b).reset_index(drop=True)

        if survey and not directed:
            frame = self._reconcile(frame, reconcile)
        frame = frame[frame["intensity"] > 0]
        extras = [
            c
            for c in frame.columns
            if c not in {"source", "target", "relation", "intensity", "_a", "_b"}
        ]
        keys = ["_a", "_b"]
        weights = frame.groupby(keys, sort=True)["intensity"].agg(combine)
        if "n_ties" in frame:
            count = frame.groupby(keys, sort=True)["n_ties"].sum()
        else:
            count = frame.groupby(keys, sort=True).size()
        columns = {"relation": _collapse(frame, keys, "relation")}
        for c in extras:
            if c != "n_ties":
                columns[c] = _collapse(frame, keys, c)
        if not isolates:
            self._add_nodes(G, pd.unique(np.concatenate([a, b])))
        attrs: list[dict[str, Any]] = [
            {weight: float(w), "n_ties": int(n)}
            for w, n in zip(
                weights.to_numpy(), count.reindex(weights.index).to_numpy(), strict=True
            )
        ]
        position = {key: i for i, key in enumerate(weights.index)}
        for c, values in columns.items():
            for key, v in values.items():
                attrs[position[key]][c] = v.item() if isinstance(v, np.generic) else v
        G.add_edges_from((u, v, d) for (u, v), d in zip(weights.index, attrs, strict=True))
        return G

    def _add_nodes(self, G: nx.Graph, ids: Iterable[str]) -> None:
        actors = self.actors.loc[list(ids)]
        records = actors.to_dict("records")
        G.add_nodes_from(
            (
                node,
                {
                    c: (v.item() if isinstance(v, np.generic) else v)
                    for c, v in rec.items()
                    if not (v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)))
                },
            )
            for node, rec in zip(actors.index, records, strict=True)
        )

    def _reconcile(self, frame: pd.DataFrame, rule: str) -> pd.DataFrame:
        """One row per (pair, relation[, wave]) from the two sides' reports."""
        responded = self.actors["responded"].astype(object).fillna(False).astype(bool)
        keys = ["_a", "_b", "relation"] + (["wave"] if "wave" in frame.columns else [])
        side_a = frame["source"].astype(str).to_numpy() == frame["_a"].to_numpy()
        frame = frame.assign(_side=np.where(side_a, "a", "b"))
        rep = frame.pivot_table(
            index=keys, columns="_side", values="intensity", aggfunc="max", dropna=False
        )
        for s in ("a", "b"):
            if s not in rep.columns:
                rep[s] = np.nan
        rep = rep.dropna(how="all", subset=["a", "b"]).reset_index()
        ra = rep["_a"].map(responded).fillna(False).to_numpy(dtype=bool)
        rb = rep["_b"].map(responded).fillna(False).to_numpy(dtype=bool)
        # a side whose answer on this pair is missing (skipped, not "no") counts as not
        # having responded for this pair: the other side's report stands
        missing = self.meta.get("missing")
        if isinstance(missing, pd.DataFrame) and len(missing):
            miss = pd.MultiIndex.from_frame(missing[["source", "target", "relation"]].astype(str))
            a_, b_ = rep["_a"].astype(str), rep["_b"].astype(str)
            rel_ = rep["relation"].astype(str)
            ra = ra & ~pd.MultiIndex.from_arrays([a_, b_, rel_]).isin(miss)
            rb = rb & ~pd.MultiIndex.from_arrays([b_, a_, rel_]).isin(miss)
        va, vb = rep["a"].to_numpy(dtype=float), rep["b"].to_numpy(dtype=float)
        both = ra & rb
        # a responding side that did not report counts as 0
        za, zb = np.where(np.isnan(va) & ra, 0.0, va), np.where(np.isnan(vb) & rb, 0.0, vb)
        pa, pb = np.nan_to_num(za) > 0, np.nan_to_num(zb) > 0
        if rule == "max":
            value = np.fmax(za, zb)
        elif rule == "union":
            reports = np.vstack([np.where(pa, za, np.nan), np.where(pb, zb, np.nan)])
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN columns
                value = np.nanmean(reports, axis=0)
        elif rule == "mean":
            value = np.where(both, (np.nan_to_num(za) + np.nan_to_num(zb)) / 2, np.fmax(za, zb))
        elif rule == "confirmed":
            value = np.where(both, np.where(pa & pb, (za + zb) / 2, 0.0), np.fmax(za, zb))
        else:  # min
            value = np.where(both, np.fmin(za, zb), np.fmax(za, zb))
        value = np.nan_to_num(value)
        counts = frame.groupby(keys, dropna=False).size()
        out = rep[keys].copy()
        out["intensity"] = value
        idx = pd.MultiIndex.from_frame(out[keys])
        out["reported_by"] = (
            _collapse(frame, keys, "reported_by", join=True).reindex(idx).to_numpy()
        )
        out["n_ties"] = counts.reindex(idx).to_numpy()
        out["source"], out["target"] = out["_a"], out["_b"]
        return out


def undirected(
    G: nx.Graph,
    *,
    weight: str = "weight",
    combine: Literal["sum", "max", "mean", "min"] = "sum",
) -> nx.Graph:
    """A directed graph made undirected, both arcs of a pair combined by ``combine``.

    networkx's ``to_undirected`` keeps the attributes of one arc of a reciprocated
    pair, and which one depends on the node order; here the two arcs combine as the
    ties of a :class:`Network` do (:meth:`Network.to_networkx`, ``combine``), so the
    result does not depend on the order in which nodes or edges were added.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        An undirected simple graph is returned as a copy, unchanged.
    weight : str, default "weight"
        The edge attribute combined; an arc without it counts 1 when the other
        arc has it (when neither has it, the edge gets none).
    combine : {"sum", "max", "mean", "min"}, default "sum"
        How the weights of the arcs u -> v and v -> u combine.

    Returns
    -------
    networkx.Graph
        Node and graph attributes copied. Every other edge attribute is kept
        where both arcs agree; where they differ, the two values as sorted text
        joined by ``"; "`` (as for a Network's tie columns).

    Examples
    --------
    >>> D = nx.DiGraph([("a", "b", {"weight": 1.0}), ("b", "a", {"weight": 5.0})])
    >>> undirected(D)["a"]["b"]["weight"], undirected(D, combine="max")["a"]["b"]["weight"]
    (6.0, 5.0)
    """
    if combine not in COMBINE_RULES:
        raise AnalysisError(f"combine must be one of {COMBINE_RULES}, got {combine!r}")
    if not G.is_directed():
        return G.copy()
    H = nx.Graph()
    H.graph.update(G.graph)
    H.add_nodes_from(G.nodes(data=True))
    for u, v, d in G.edges(data=True):
        if not H.has_edge(u, v):
            H.add_edge(u, v, **d)
            continue
        old = H[u][v]
        merged: dict[str, Any] = {}
        for key in dict.fromkeys([*old, *d]):
            if key == weight:
                continue
            a, b = old.get(key), d.get(key)
            if key not in old or key not in d or a == b:
                merged[key] = a if key in old else b
            else:
                merged[key] = "; ".join(sorted({str(a), str(b)}))
        if weight in old or weight in d:
            pair = [float(old.get(weight, 1.0)), float(d.get(weight, 1.0))]
            if combine == "sum":
                merged[weight] = pair[0] + pair[1]
            elif combine == "max":
                merged[weight] = max(pair)
            elif combine == "min":
                merged[weight] = min(pair)
            else:
                merged[weight] = (pair[0] + pair[1]) / 2
        old.clear()
        old.update(merged)
    return H


def as_graph(
    net: Network | nx.Graph,
    *,
    directed: bool | None = None,
    weight: str | None = "weight",
    **options: Any,
) -> nx.Graph:
    """The networkx graph an analysis runs on.

    Parameters
    ----------
    net : Network or networkx.Graph
        A network object, or a graph brought by the user (returned as it is, or
        converted to undirected/directed when ``directed`` asks for it).
        Multigraphs are collapsed to simple graphs, summing ``weight``.
    directed : bool, optional
        Force a directed or undirected graph. A networkx ``DiGraph`` made
        undirected combines the two arcs of a pair by ``combine`` (default
        ``"sum"``; see :func:`undirected`), as a Network's ties do.
    weight : str or None
        The edge attribute that holds the combined intensity (for a Network).
    **options
        Passed to :meth:`Network.to_networkx` (``relations``, ``min_intensity``,
        ``combine``, ``reconcile``, ``wave``); for a networkx graph only
        ``combine`` applies.

    Examples
    --------
    >>> G = as_graph(nx.path_graph(3))
    >>> sorted(G.edges)
    [(0, 1), (1, 2)]
    """
    if isinstance(net, Network):
        return net.to_networkx(directed=directed, weight=weight or "weight", **options)
    if isinstance(net, nx.Graph):
        combine = options.pop("combine", "sum")
        if options:
            raise AnalysisError(
                f"options {sorted(options)} apply to a quartiernetz Network, not to a networkx graph"
            )
        G = net
        if G.is_multigraph():
            simple: nx.Graph = nx.DiGraph() if G.is_directed() else nx.Graph()
            simple.add_nodes_from(G.nodes(data=True))
            for u, v, d in G.edges(data=True):
                w = d.get(weight, 1) if weight else 1
                if simple.has_edge(u, v):
                    simple[u][v][weight or "weight"] += w
                else:
                    simple.add_edge(u, v, **{**d, (weight or "weight"): w})
            G = simple
        if directed is True and not G.is_directed():
            G = G.to_directed()
        elif directed is False and G.is_directed():
            G = undirected(G, weight=weight or "weight", combine=combine)
        elif combine not in COMBINE_RULES:
            raise AnalysisError(f"combine must be one of {COMBINE_RULES}, got {combine!r}")
        return G
    raise AnalysisError(
        f"expected a quartiernetz Network or a networkx graph, got {type(net).__name__}"
    )
