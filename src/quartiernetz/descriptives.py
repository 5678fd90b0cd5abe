"""Network-level figures: size, density, cohesion, centralisation, group mixing, survey quality.

:func:`summary` returns one row per figure, so that several networks line up
side by side::

    pd.concat({name: summary(net)["value"] for name, net in nets.items()}, axis=1)
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from .exceptions import AnalysisError
from .network import Network
from .roles import KERNELS, MISSING_GROUP, Prepared, group_codes, prepare
from .roles.cost import AUTO_EXACT_SECONDS, choose_sampling
from .roles.removal import fragmentation

__all__ = [
    "summary",
    "mixing_matrix",
    "confirmed_ties",
    "MUNICIPAL_TYPES",
    "SUMMARY_FIGURES",
]

#: Actor types counted as municipal (compared case-insensitively, whole value).
MUNICIPAL_TYPES = (
    "Kommune",
    "Stadt",
    "Gemeinde",
    "Stadtverwaltung",
    "Verwaltung",
    "Municipality",
)

#: The figures of :func:`summary`, in order, with their descriptions.
SUMMARY_FIGURES: dict[str, str] = {
    "actors": "actors in the network",
    "ties": "ties (pairs with a tie; arcs in a directed network)",
    "density": "ties present as a share of all possible ties",
    "reciprocity": "share of arcs answered by an arc back (directed networks only)",
    "components": "components: groups of actors connected by some path (isolates count)",
    "isolates": "actors without any tie",
    "largest_component_share": "share of actors in the largest component",
    "fragmentation": "share of pairs of actors that cannot reach each other (Borgatti)",
    "mean_partners": "mean number of partners per actor",
    "mean_intensity": "mean tie strength (edge attribute 'weight'; 1 where absent)",
    "degree_centralization": "Freeman degree centralisation: 1 = a star, 0 = all equal",
    "betweenness_centralization": "Freeman betweenness centralisation: 1 = a star, 0 = all equal",
    "groups": "groups (values of the group attribute)",
    "ei_index": "Krackhardt-Stern E-I index: +1 = all ties between groups, -1 = all within",
    "cross_group_tie_share": "share of ties between actors of different groups",
    "municipal_actors": "actors whose type is municipal",
    "municipal_tie_share": "share of the other actors with at least one tie to a municipal actor",
    "response_rate": "share of actors who responded (survey)",
    "confirmed_tie_share": "share of reported pairs confirmed by both sides, "
    "among pairs where both responded (survey)",
}


def summary(
    net: Network | nx.Graph,
    *,
    group: str | Mapping[Hashable, Any] | pd.Series | None = "type",
    municipal: str | Iterable[str] | None = MUNICIPAL_TYPES,
    weight: str | None = None,
    approximate: bool | None = None,
    samples: int | None = None,
    seed: int | np.random.Generator | None = None,
    exact_seconds: float = AUTO_EXACT_SECONDS,
    **options: Any,
) -> pd.DataFrame:
    r"""Network-level figures, one row per figure.

    Parameters
    ----------
    net : Network or networkx.Graph
    group : str, mapping or None, default "type"
        Actor groups for the E-I index and the cross-group share.
    municipal : str or iterable of str, optional
        Actor types that count as municipal, compared with the node attribute
        ``type`` case-insensitively as whole values (default
        :data:`MUNICIPAL_TYPES`: Kommune, Stadt, Gemeinde, Stadtverwaltung,
        Verwaltung, Municipality). None: no municipal figures (NaN).
    weight : str or None, default None
        Edge attribute averaged in ``mean_intensity`` (1 where absent). None
        (default): the network is taken as unweighted and ``mean_intensity``
        is 1.0. Up to 0.1 the default was ``"weight"``; pass ``weight="weight"``
        for the old figure (see ``docs/api-conventions.md``).
    approximate : bool or None, default None
        Betweenness (for ``betweenness_centralization``) from sampled source
        actors (True), exactly (False), or automatically (None: sampled when
        :func:`~quartiernetz.roles.estimate_seconds` for betweenness exceeds
        ``exact_seconds``), as in :func:`~quartiernetz.roles.catalysts`.
    samples, seed, exact_seconds
        As for :func:`~quartiernetz.roles.catalysts`.
    **options
        Passed to :func:`~quartiernetz.network.as_graph` (``relations``, ...).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``figure`` (always the same rows, in the order of
        :data:`SUMMARY_FIGURES`), columns ``value`` (float) and ``description``.
        NaN marks figures that do not apply:

        - ``reciprocity`` in an undirected network;
        - centralisations with fewer than 3 actors; ``density``,
          ``mean_partners`` with no actor; ``mean_intensity`` with no tie;
        - ``ei_index``, ``cross_group_tie_share`` without a group attribute
          or without ties between actors with a group;
        - ``municipal_actors``, ``municipal_tie_share`` without any ``type``
          attribute (or ``municipal=None``); ``municipal_tie_share`` also
          when every actor is municipal;
        - ``response_rate``, ``confirmed_tie_share`` unless the input is a
          survey Network (:attr:`Network.is_survey`); ``confirmed_tie_share``
          also when no reported pair has two respondents.

        ``attrs``: ``approximate``, ``samples``, ``estimated_seconds`` and
        ``notes`` as for :func:`~quartiernetz.roles.catalysts` (here for
        betweenness alone; ``notes`` also says when the default group
        attribute ``type`` is absent).

    Notes
    -----
    - Density: ``m / (n (n-1) / 2)`` (undirected), ``m / (n (n-1))`` (directed).
    - Fragmentation: ``1 - sum_k s_k (s_k - 1) / (n (n - 1))`` (Borgatti 2006).
    - Freeman centralisation on the undirected graph (a tie either way),
      ``C = sum_i (c_max - c_i) / max``, with the star's maximum:
      degree ``(n-1)(n-2)`` for raw degrees, betweenness ``n - 1`` for
      betweenness normalised by ``(n-1)(n-2)/2`` (Freeman 1978/79).
    - E-I index: ``(E - I) / (E + I)`` over ties (arcs if directed) whose two
      actors both have a group; E between, I within groups (Krackhardt &
      Stern 1988).
    - Municipal tie share: among actors that are not municipal, the share
      with at least one tie (either direction) to a municipal actor (the
      Mehrgenerationenhäuser monitoring reports the same figure per house).
    - Response rate: share of actors with ``responded`` true.
    - Confirmed-tie share: see :func:`confirmed_ties` (row ``all``).

    References
    ----------
    .. [1] Freeman, L. C. (1978). Centrality in social networks: conceptual
       clarification. Social Networks 1(3), 215-239.
    .. [2] Krackhardt, D. & Stern, R. N. (1988). Informal networks and
       organizational crises: an experimental simulation. Social Psychology
       Quarterly 51(2), 123-140. doi:10.2307/2786835
    .. [3] Borgatti, S. P. (2006). Identifying sets of key players in a social
       network. Computational and Mathematical Organization Theory 12, 21-34.

    Examples
    --------
    >>> import networkx as nx
    >>> s = summary(nx.star_graph(4))
    >>> s.loc[["actors", "ties", "density", "degree_centralization"], "value"].tolist()
    [5.0, 4.0, 0.4, 1.0]
    """
    prep = prepare(net, **options)
    notes: list = []
    codes, labels, missing = group_codes(prep, group, notes=notes)
    approx, info = choose_sampling(
        prep,
        approximate,
        samples,
        seed,
        exact_seconds=exact_seconds,
        measures=("betweenness",),
    )
    has_group = group is not None and not bool(missing.all()) and prep.n > 0
    n = prep.n
    G = prep.G
    m = G.number_of_edges()
    values: dict[str, float] = dict.fromkeys(SUMMARY_FIGURES, float("nan"))
    values["actors"] = float(n)
    values["ties"] = float(m)
    if n > 1:
        possible = n * (n - 1) if prep.directed else n * (n - 1) / 2
        values["density"] = m / possible
    elif n == 1:
        values["density"] = 0.0
    if prep.directed and m:
        values["reciprocity"] = float(nx.overall_reciprocity(G))
    S = prep.S
    deg = np.diff(S.indptr)
    ncomp, labels_c = KERNELS["component_labels"](S)
    sizes = np.bincount(labels_c) if n else np.zeros(0, dtype=np.int64)
    values["components"] = float(ncomp)
    values["isolates"] = float(np.count_nonzero(deg == 0))
    values["largest_component_share"] = float(sizes.max() / n) if n else float("nan")
    values["fragmentation"] = fragmentation(sizes, n)
    if n:
        values["mean_partners"] = float(deg.mean())
    if m:
        w = [1.0 if weight is None else float(d.get(weight, 1)) for _, _, d in G.edges(data=True)]
        values["mean_intensity"] = float(np.mean(w))
    if n >= 3:
        values["degree_centralization"] = float((deg.max() - deg).sum() / ((n - 1) * (n - 2)))
        S_float = S.astype(np.float64)
        if approx is None:
            raw = KERNELS["betweenness"](S_float, weighted=False)
        else:
            k, rng = approx
            raw = KERNELS["betweenness_sample"](S_float, weighted=False, k=k, rng=rng)
        b = raw / ((n - 1) * (n - 2))
        values["betweenness_centralization"] = float((b.max() - b).sum() / (n - 1))
    if has_group:
        values["groups"] = float(len(set(codes[~missing].tolist())))
        ei = _ei(prep, codes, missing)
        if ei is not None:
            values["ei_index"], values["cross_group_tie_share"] = ei
    mun = _municipal(prep, municipal)
    if mun is not None:
        is_mun = mun
        values["municipal_actors"] = float(is_mun.sum())
        others = ~is_mun
        if others.any():
            rows = np.repeat(np.arange(n), np.diff(S.indptr))
            linked = np.zeros(n, dtype=bool)
            hit = is_mun[S.indices]
            linked[rows[hit]] = True
            values["municipal_tie_share"] = float(linked[others].mean())
    if isinstance(net, Network) and net.is_survey:
        responded = _responded_mask(net.actors["responded"])
        values["response_rate"] = float(responded.mean()) if len(responded) else float("nan")
        conf = confirmed_ties(net, relations=options.get("relations"), wave=options.get("wave"))
        values["confirmed_tie_share"] = float(conf.loc["all", "confirmed_share"])
    frame = pd.DataFrame(
        {
            "value": [values[k] for k in SUMMARY_FIGURES],
            "description": pd.array(list(SUMMARY_FIGURES.values()), dtype=object),
        },
        index=pd.Index(list(SUMMARY_FIGURES), name="figure"),
    )
    frame.attrs["approximate"] = bool(info["approximate"])
    frame.attrs["samples"] = info["samples"]
    frame.attrs["estimated_seconds"] = float(info["estimated_seconds"])
    frame.attrs["notes"] = [*notes, *info["notes"]]
    return frame


def _ei(prep: Prepared, codes: np.ndarray, missing: np.ndarray) -> tuple[float, float] | None:
    A = prep.A if prep.directed else _triu(prep.A)
    coo = A.tocoo()
    ok = ~missing[coo.row] & ~missing[coo.col]
    if not ok.any():
        return None
    between = codes[coo.row[ok]] != codes[coo.col[ok]]
    e = int(between.sum())
    i = int((~between).sum())
    return (e - i) / (e + i), e / (e + i)


def _triu(A: Any) -> Any:
    """Upper triangle of a sparse matrix (each undirected tie once)."""
    import scipy.sparse as sp

    return sp.triu(A, k=1, format="csr")


def _municipal(prep: Prepared, municipal: str | Iterable[str] | None) -> np.ndarray | None:
    if municipal is None:
        return None
    wanted = {municipal.casefold()} if isinstance(municipal, str) else set()
    if not isinstance(municipal, str):
        try:
            wanted = {str(t).strip().casefold() for t in municipal}
        except TypeError:
            raise AnalysisError(
                f"municipal must be a type name or a list of them, got {municipal!r}"
            ) from None
    types = [prep.G.nodes[v].get("type") for v in prep.nodes]
    if all(t is None or (isinstance(t, float) and np.isnan(t)) for t in types):
        return None
    return np.array(
        [isinstance(t, str) and t.strip().casefold() in wanted for t in types], dtype=bool
    )


_TRUE = {"true", "1", "yes", "ja", "y", "j", "x", "wahr", "1.0"}
_FALSE = {"false", "0", "no", "nein", "n", "", "falsch", "0.0", "nan", "none"}


def _responded_mask(values: pd.Series) -> np.ndarray:
    """``responded`` as booleans: True/False, 1/0, "True"/"False", "ja"/"nein", ...

    Raises
    ------
    AnalysisError
        For a value that is none of these.
    """
    out = np.zeros(len(values), dtype=bool)
    for i, v in enumerate(values.tolist()):
        if isinstance(v, (bool, np.bool_)):
            out[i] = bool(v)
            continue
        if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
            continue
        if isinstance(v, (int, float, np.integer, np.floating)):
            out[i] = v != 0
            continue
        text = str(v).strip().casefold()
        if text in _TRUE:
            out[i] = True
        elif text not in _FALSE:
            raise AnalysisError(
                f"actors column 'responded' has the value {v!r}; expected true/false, 1/0 or ja/nein"
            )
    return out


def confirmed_ties(
    net: Network,
    *,
    relations: str | Iterable[str] | None = None,
    wave: Any = None,
) -> pd.DataFrame:
    r"""How many reported ties both sides confirm, per relation and overall.

    Parameters
    ----------
    net : Network
        A survey network (:attr:`Network.is_survey`: ties with ``reported_by``,
        actors with ``responded``).
    relations : str or list of str, optional
        Relations to count (default: all except ``competition``/``Konkurrenz``,
        as :meth:`Network.to_networkx` does).
    wave : optional
        Only ties of this wave.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``relation`` (each relation, then ``all``), columns
        ``reported_pairs`` (pairs reported by at least one side),
        ``both_responded`` (of those, pairs where both actors responded),
        ``confirmed`` (of those, pairs reported by both sides) and
        ``confirmed_share`` (confirmed / both_responded; NaN when 0).

    Notes
    -----
    The unit is an unordered pair of actors and a relation (and wave): a tie
    counts as reported by a side when that actor appears in ``reported_by``
    of a row of the pair with intensity > 0. A pair where one actor did not
    respond cannot be confirmed and is left out of the share, so the share
    measures agreement, not coverage. ``all`` pools the units of every relation.

    Examples
    --------
    >>> import pandas as pd
    >>> from quartiernetz import Network
    >>> net = Network(
    ...     actors=pd.DataFrame({"id": ["a", "b", "c"], "responded": [True, True, False]}),
    ...     ties=pd.DataFrame({"source": ["a", "b", "a"], "target": ["b", "a", "c"],
    ...                        "reported_by": ["a", "b", "a"]}))
    >>> confirmed_ties(net).loc["all"].tolist()
    [2.0, 1.0, 1.0, 1.0]
    """
    if not isinstance(net, Network) or not net.is_survey:
        raise AnalysisError(
            "confirmed_ties needs a survey Network (ties with 'reported_by', actors with "
            "'responded')"
        )
    t = net.ties
    if relations is None:
        t = t[~t["relation"].astype(str).str.casefold().isin(["competition", "konkurrenz"])]
    else:
        rels = [relations] if isinstance(relations, str) else list(relations)
        t = t[t["relation"].isin(rels)]
    if wave is not None and "wave" in t.columns:
        t = t[t["wave"] == wave]
    t = t[t["intensity"] > 0]
    responded = dict(
        zip(net.actors.index, _responded_mask(net.actors["responded"]).tolist(), strict=True)
    )
    src = t["source"].astype(str).to_numpy()
    tgt = t["target"].astype(str).to_numpy()
    a = np.where(src < tgt, src, tgt)
    b = np.where(src < tgt, tgt, src)
    rep = t["reported_by"].astype(object).to_numpy()
    waves = t["wave"].astype(object).to_numpy() if "wave" in t.columns else [None] * len(t)
    units: dict[tuple, set] = {}
    for rel, x, y, r, w in zip(t["relation"].astype(str), a, b, rep, waves, strict=True):
        sides = units.setdefault((rel, x, y, w), set())
        if r is None or (isinstance(r, float) and np.isnan(r)):
            continue
        for who in str(r).split(";"):
            who = who.strip()
            if who in (x, y):
                sides.add(who)
    rows: dict[str, list[int]] = {}
    for (rel, x, y, _), sides in units.items():
        both = bool(responded.get(x, False) and responded.get(y, False))
        conf = both and len(sides) == 2
        for key in (rel, "all"):
            r = rows.setdefault(key, [0, 0, 0])
            r[0] += 1
            r[1] += int(both)
            r[2] += int(conf)
    rows.setdefault("all", [0, 0, 0])
    order = sorted(k for k in rows if k != "all") + ["all"]
    frame = pd.DataFrame(
        [rows[k] for k in order],
        columns=["reported_pairs", "both_responded", "confirmed"],
        index=pd.Index(order, name="relation"),
        dtype=float,
    )
    with np.errstate(invalid="ignore", divide="ignore"):
        frame["confirmed_share"] = np.where(
            frame["both_responded"] > 0, frame["confirmed"] / frame["both_responded"], np.nan
        )
    return frame


def mixing_matrix(
    net: Network | nx.Graph,
    *,
    group: str | Mapping[Hashable, Any] | pd.Series | None = "type",
    normalized: bool = False,
    **options: Any,
) -> pd.DataFrame:
    r"""Ties between and within groups, as a group x group table.

    Parameters
    ----------
    net : Network or networkx.Graph
    group : str, mapping or None, default "type"
        Actor groups; actors without a value form the group ``"(none)"``.
    normalized : bool, default False
        Divide by the number of ties, so that the cells (upper triangle and
        diagonal for an undirected network) sum to 1.
    **options
        Passed to :func:`~quartiernetz.network.as_graph`.

    Returns
    -------
    pandas.DataFrame
        Rows and columns are the groups (sorted; ``"(none)"`` last).
        Undirected: cell (A, B) = cell (B, A) = ties between A and B; the
        diagonal holds the ties within a group (each tie counted once).
        Directed: rows are the senders' groups, columns the receivers'.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(3)
    >>> nx.set_node_attributes(G, {0: "Kommune", 1: "Verein", 2: "Verein"}, "type")
    >>> mixing_matrix(G).values.tolist()
    [[0, 1], [1, 1]]
    """
    prep = prepare(net, **options)
    notes: list = []
    codes, labels, _ = group_codes(prep, group, notes=notes)
    names = [str(x) for x in labels]
    order = sorted(range(len(labels)), key=lambda c: (names[c] == MISSING_GROUP, names[c]))
    K = len(labels)
    M = np.zeros((K, K), dtype=np.int64)
    A = prep.A if prep.directed else _triu(prep.A)
    coo = A.tocoo()
    np.add.at(M, (codes[coo.row], codes[coo.col]), 1)
    if not prep.directed:
        M = M + M.T - np.diag(np.diag(M))
    M = M[np.ix_(order, order)]
    frame = pd.DataFrame(
        M,
        index=pd.Index([labels[c] for c in order], name="group"),
        columns=pd.Index([labels[c] for c in order], name="group"),
    )
    if normalized:
        total = prep.G.number_of_edges()
        frame = frame / total if total else frame.astype(float)
    frame.attrs["notes"] = notes
    return frame
