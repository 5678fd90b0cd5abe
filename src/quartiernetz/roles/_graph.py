"""Shared preparation for the catalyst measures: graph, node order, matrices, groups.

Every public function of :mod:`quartiernetz.roles` turns its input into a
:class:`Prepared` bundle: the networkx graph (self-loops removed), a fixed node
order and sparse adjacency matrices in that order. The numerical work then runs
on arrays (see :mod:`quartiernetz.roles._kernels`), so that a compiled
engine can replace the kernels without touching the public functions.
"""

from __future__ import annotations

import difflib
import warnings
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..conventions import as_generator
from ..exceptions import AnalysisError
from ..i18n import Text
from ..network import Network, as_graph

__all__ = [
    "Prepared",
    "prepare",
    "group_codes",
    "node_positions",
    "rng_from_seed",
    "MISSING_GROUP",
    "DEFAULT_GROUP",
    "INDEX_NAME",
    "node_attributes",
    "unknown_attribute",
]

#: Name of the index of every per-actor table.
INDEX_NAME = "actor"
#: Label of the group of actors without a group value (in mixing matrices).
MISSING_GROUP = "(none)"
#: The default group attribute: the only one that may be absent (one group, with a note).
DEFAULT_GROUP = "type"


@dataclass
class Prepared:
    """A graph and its matrices in one fixed node order.

    Attributes
    ----------
    G : networkx.Graph or networkx.DiGraph
        The analysis graph without self-loops.
    nodes : list
        The node order of every matrix and array.
    directed : bool
    weight : str or None
        The edge attribute used as tie strength (None: every tie counts 1).
    W : scipy.sparse.csr_array
        ``W[i, j]`` = strength of the tie i -> j (both directions for an
        undirected graph); 1 for every tie when ``weight`` is None.
    """

    G: nx.Graph
    nodes: list
    directed: bool
    weight: str | None
    W: sp.csr_array
    _cache: dict = field(default_factory=dict, repr=False)

    @property
    def n(self) -> int:
        return len(self.nodes)

    @property
    def index(self) -> pd.Index:
        """The node order as a pandas Index named ``actor``."""
        return pd.Index(self.nodes, name=INDEX_NAME, dtype=object)

    @property
    def A(self) -> sp.csr_array:
        """Binary arcs: ``A[i, j] = 1`` for a tie i -> j (both ways if undirected)."""
        if "A" not in self._cache:
            A = self.W.copy()
            A.data = np.ones_like(A.data)
            self._cache["A"] = A
        return self._cache["A"]

    @property
    def S(self) -> sp.csr_array:
        """Binary undirected pattern: ``S[i, j] = 1`` for a tie in either direction."""
        if "S" not in self._cache:
            A = self.A
            S = ((A + A.T) > 0).astype(np.int8).tocsr() if self.directed else A.astype(np.int8)
            S.sort_indices()
            self._cache["S"] = S
        return self._cache["S"]


def prepare(
    net: Network | nx.Graph,
    *,
    weight: str | None = None,
    **options: Any,
) -> Prepared:
    """Turn a network or graph into a :class:`Prepared` bundle.

    ``options`` go to :func:`quartiernetz.network.as_graph` (``directed``,
    ``relations``, ``min_intensity``, ``combine``, ``reconcile``, ``wave``; for a
    networkx graph ``directed`` and ``combine``: a DiGraph made undirected combines
    the two arcs of a pair by ``combine``, see :func:`quartiernetz.network.undirected`).
    Self-loops are left out (they carry no brokerage or cohesion). With
    ``weight`` given, every edge needs a finite weight > 0 (edges without the
    attribute count 1, as in networkx).
    """
    G = as_graph(net, weight=weight or "weight", **options)
    if nx.number_of_selfloops(G):
        G = G.copy()
        G.remove_edges_from(list(nx.selfloop_edges(G)))
    nodes = list(G.nodes)
    directed = G.is_directed()
    n = len(nodes)
    pos = {v: i for i, v in enumerate(nodes)}
    m = G.number_of_edges()
    rows = np.empty(m, dtype=np.int64)
    cols = np.empty(m, dtype=np.int64)
    vals = np.ones(m, dtype=float)
    found = 0
    for e, (u, v, d) in enumerate(G.edges(data=True)):
        rows[e] = pos[u]
        cols[e] = pos[v]
        if weight is not None and weight in d:
            found += 1
            try:
                vals[e] = float(d[weight])
            except (TypeError, ValueError):
                raise AnalysisError(
                    f"edge ({u!r}, {v!r}) has {weight}={d[weight]!r}, expected a number"
                ) from None
    if weight is not None and m:
        bad = ~np.isfinite(vals) | (vals <= 0)
        if bad.any():
            e = int(np.flatnonzero(bad)[0])
            raise AnalysisError(
                f"edge ({nodes[rows[e]]!r}, {nodes[cols[e]]!r}) has {weight}={vals[e]!r}; "
                "tie strengths must be finite numbers > 0. Drop the edge or use weight=None"
            )
        if found == 0:
            warnings.warn(
                f"no edge has the attribute {weight!r}; every tie counts 1",
                UserWarning,
                stacklevel=3,
            )
    if not directed:
        rows, cols = np.concatenate([rows, cols]), np.concatenate([cols, rows])
        vals = np.concatenate([vals, vals])
    W = sp.csr_array((vals, (rows, cols)), shape=(n, n))
    W.sum_duplicates()
    W.sort_indices()
    return Prepared(G=G, nodes=nodes, directed=directed, weight=weight, W=W)


def node_attributes(G: nx.Graph) -> list[str]:
    """The node attribute names present on at least one node, sorted."""
    names: set[str] = set()
    for _, d in G.nodes(data=True):
        names.update(str(k) for k in d)
    return sorted(names)


def unknown_attribute(
    name: str, available: Iterable[Any], *, parameter: str = "group"
) -> AnalysisError:
    """The error for an attribute the caller named that no actor has.

    Names the attributes that exist, close matches first (bilingual message).

    Examples
    --------
    >>> print(unknown_attribute("clubb", ["club", "label"]))  # doctest: +NORMALIZE_WHITESPACE
    group='clubb': no actor has the attribute 'clubb'. Did you mean 'club'? Attributes
    present: 'club', 'label'.
    """
    names = [str(a) for a in dict.fromkeys(available)]
    close = difflib.get_close_matches(str(name), names, n=3, cutoff=0.6)
    ordered = close + [a for a in names if a not in close]
    listed = ", ".join(repr(a) for a in ordered) if ordered else None
    en = f"{parameter}={name!r}: no actor has the attribute {name!r}."
    de = f"{parameter}={name!r}: kein Akteur hat das Attribut {name!r}."
    if close:
        en += f" Did you mean {close[0]!r}?"
        de += f" Meinten Sie {close[0]!r}?"
    if listed:
        en += f" Attributes present: {listed}."
        de += f" Vorhandene Attribute: {listed}."
    else:
        en += " The actors have no attributes."
        de += " Die Akteure haben keine Attribute."
    return AnalysisError(Text(en, de))


def group_codes(
    prep: Prepared,
    group: str | Mapping[Hashable, Any] | pd.Series | None,
    *,
    notes: list | None = None,
) -> tuple[np.ndarray, list, np.ndarray]:
    """Integer group codes in node order.

    Parameters
    ----------
    group : str, mapping, Series or None
        A node attribute name, a mapping actor -> group, or None (one group).
    notes : list, optional
        Receives a bilingual :class:`~quartiernetz.i18n.Text` when the default
        attribute :data:`DEFAULT_GROUP` is absent and every actor falls into one group.

    Returns
    -------
    codes : ndarray of int
        Group code per node; actors without a value share one extra code.
    labels : list
        Group label per code (``MISSING_GROUP`` for the extra code).
    missing : ndarray of bool
        True where the actor has no group value.

    Actors without a value form one group of their own (``"(none)"``), with
    a warning that says how many. An attribute name that no actor has is an
    error (:func:`unknown_attribute`), except the default ``"type"``: then all
    actors form the one group ``"(all)"`` and ``notes`` receives a note. A
    mapping that names none of the actors is an error too.
    """
    n = prep.n
    if group is None:
        return np.zeros(n, dtype=np.int64), ["(all)"], np.zeros(n, dtype=bool)
    if isinstance(group, str):
        raw = [prep.G.nodes[v].get(group) for v in prep.nodes]
        source = f"attribute {group!r}"
    elif isinstance(group, (Mapping, pd.Series)):
        raw = [group.get(v) for v in prep.nodes]
        source = "the group mapping"
    else:
        raise AnalysisError(
            f"group must be an attribute name, a mapping or None, got {type(group).__name__}"
        )
    missing = np.array([_is_missing(x) for x in raw], dtype=bool)
    if missing.all() and n:
        if isinstance(group, str) and group != DEFAULT_GROUP:
            raise unknown_attribute(group, node_attributes(prep.G))
        if not isinstance(group, str):
            raise AnalysisError(
                Text(
                    "group: the group mapping has a value for none of the actors "
                    f"(e.g. {prep.nodes[0]!r}); its keys must be actor ids",
                    "group: die Gruppen-Zuordnung hat für keinen Akteur einen Wert "
                    f"(z. B. {prep.nodes[0]!r}); ihre Schlüssel müssen Akteur-IDs sein",
                )
            )
        if notes is not None:
            notes.append(
                Text(
                    f"no actor has the attribute {group!r}: every actor is in one group, "
                    "so measures between groups are 0[[py: (name another attribute with "
                    "group=...)|cli:]]",
                    f"kein Akteur hat das Attribut {group!r}: alle Akteure bilden eine "
                    "Gruppe, Maße zwischen Gruppen sind daher 0[[py: (ein anderes "
                    "Attribut mit group=...)|cli:]]",
                )
            )
    if missing.all():
        return np.zeros(n, dtype=np.int64), ["(all)"], missing
    values = [None if miss else x for x, miss in zip(raw, missing, strict=True)]
    labels: list = []
    index: dict = {}
    codes = np.empty(n, dtype=np.int64)
    for i, x in enumerate(values):
        if x is None:
            continue
        if x not in index:
            index[x] = len(labels)
            labels.append(x)
        codes[i] = index[x]
    if missing.any():
        codes[missing] = len(labels)
        labels.append(MISSING_GROUP)
        if not missing.all():
            warnings.warn(
                f"{int(missing.sum())} of {n} actors have no value in {source}; "
                f"they form one group {MISSING_GROUP!r}",
                UserWarning,
                stacklevel=3,
            )
    return codes, labels, missing


def _is_missing(x: Any) -> bool:
    if x is None or x is pd.NA:
        return True
    if isinstance(x, float) and np.isnan(x):
        return True
    return isinstance(x, str) and not x.strip()


def node_positions(prep: Prepared, actors: Any) -> list[int]:
    """Positions of one actor or an iterable of actors; unknown ids raise with close matches."""
    if isinstance(actors, (str, bytes)) or not isinstance(actors, Iterable):
        actors = [actors]
    pos = {v: i for i, v in enumerate(prep.nodes)}
    out: list[int] = []
    for a in actors:
        if a not in pos:
            close = difflib.get_close_matches(str(a), [str(v) for v in prep.nodes], n=3)
            hint = f" Close matches: {', '.join(repr(c) for c in close)}." if close else ""
            raise AnalysisError(f"actor {a!r} is not in the network.{hint}")
        if pos[a] not in out:
            out.append(pos[a])
    return out


def rng_from_seed(seed: int | np.random.Generator | None) -> np.random.Generator:
    """A numpy Generator from an int, a Generator or None (:func:`quartiernetz.conventions.as_generator`)."""
    return as_generator(seed)
