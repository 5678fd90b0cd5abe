"""Dyadic covariates: actor x actor matrices built from affiliations and actor attributes.

They are predictors for :func:`~quartiernetz.inference.qap_regression` (and inputs
for :func:`~quartiernetz.inference.qap_correlation`): each returns a square
DataFrame indexed and labelled by actor id, in the order of the network's actors,
with a zero diagonal (the diagonal is never used by the tests).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from ..network import Network
from ._data import error

__all__ = ["comembership", "same", "difference", "STRUCTURE_KEY"]

#: Key of ``DataFrame.attrs`` where :func:`same` and :func:`difference` note their attribute.
STRUCTURE_KEY = "quartiernetz.dyadic"


def _frame(values: np.ndarray, actors: list[Hashable]) -> pd.DataFrame:
    np.fill_diagonal(values, 0.0)
    index = pd.Index(actors, name="actor")
    return pd.DataFrame(values, index=index, columns=index.rename("actor"))


def _noted(frame: pd.DataFrame, op: str, values: pd.Series) -> pd.DataFrame:
    """Note the attribute behind the matrix in ``frame.attrs``: the QAP tests then
    permute the attribute (n values) instead of the matrix. They check that it
    reproduces the matrix first, so a changed matrix is simply permuted as a matrix."""
    frame.attrs[STRUCTURE_KEY] = {"op": op, "values": values.to_dict()}
    return frame


def _attribute(
    net: Network | nx.Graph, attribute: str | Mapping[Hashable, Any] | pd.Series
) -> tuple[list[Hashable], pd.Series]:
    """The actors of ``net`` and their values of ``attribute`` (NaN where missing)."""
    if isinstance(net, Network):
        actors = list(net.actors.index)
        if isinstance(attribute, str):
            if attribute not in net.actors.columns:
                raise error(
                    "the actors have no attribute {a!r}; attributes: {c}",
                    "die Akteure haben kein Merkmal {a!r}; vorhandene Merkmale: {c}",
                    a=attribute,
                    c=", ".join(map(str, net.actors.columns)),
                )
            values = net.actors[attribute]
        else:
            values = pd.Series(attribute)
    elif isinstance(net, nx.Graph):
        actors = list(net.nodes)
        if isinstance(attribute, str):
            found = nx.get_node_attributes(net, attribute)
            if not found:
                raise error(
                    "no node has the attribute {a!r}",
                    "kein Knoten hat das Merkmal {a!r}",
                    a=attribute,
                )
            values = pd.Series(found, dtype=object)
        else:
            values = pd.Series(attribute)
    else:
        raise error(
            "expected a quartiernetz Network or a networkx graph, got {t}",
            "erwartet: ein quartiernetz-Network oder ein networkx-Graph, erhalten: {t}",
            t=type(net).__name__,
        )
    values = pd.Series(values.reindex(actors).to_numpy(), index=actors, dtype=object)
    return actors, values.where(values.notna(), np.nan)


def same(
    net: Network | nx.Graph, attribute: str | Mapping[Hashable, Any] | pd.Series
) -> pd.DataFrame:
    """1 where two actors share a value of an attribute, else 0 (homophily covariate).

    Parameters
    ----------
    net : Network or networkx.Graph
        The actors (a Network's actor table, a graph's nodes).
    attribute : str, mapping or Series
        An actor column (node attribute), or a mapping actor -> value.

    Returns
    -------
    pandas.DataFrame
        Actor x actor, float: 1.0 for the same value, 0.0 for different values,
        NaN where either actor has no value (the tests refuse NaN: fill or drop
        such actors first); diagonal 0.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.empty_graph(3)
    >>> nx.set_node_attributes(G, {0: "Schule", 1: "Verein", 2: "Schule"}, "type")
    >>> same(G, "type").to_numpy().tolist()
    [[0.0, 0.0, 1.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0]]
    """
    actors, values = _attribute(net, attribute)
    v = values.to_numpy(dtype=object)
    missing = values.isna().to_numpy()
    eq = (v[:, None] == v[None, :]).astype(float)
    eq[missing, :] = np.nan
    eq[:, missing] = np.nan
    return _noted(_frame(eq, actors), "same", values)


def difference(
    net: Network | nx.Graph,
    attribute: str | Mapping[Hashable, Any] | pd.Series,
    *,
    absolute: bool = True,
) -> pd.DataFrame:
    """How far apart two actors are in a numeric attribute (e.g. the year founded).

    Parameters
    ----------
    net : Network or networkx.Graph
    attribute : str, mapping or Series
        A numeric actor column (node attribute), or a mapping actor -> number.
    absolute : bool, default True
        ``|value_i - value_j|`` (symmetric). False: ``value_i - value_j``, the row
        actor's value minus the column actor's (antisymmetric; for directed
        networks: sender minus receiver).

    Returns
    -------
    pandas.DataFrame
        Actor x actor, float; NaN where either actor has no value; diagonal 0.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.empty_graph(3)
    >>> nx.set_node_attributes(G, {0: 1990, 1: 2005, 2: 2000}, "founded")
    >>> difference(G, "founded").to_numpy().tolist()
    [[0.0, 15.0, 10.0], [15.0, 0.0, 5.0], [10.0, 5.0, 0.0]]
    """
    actors, values = _attribute(net, attribute)
    numbers = pd.to_numeric(values, errors="coerce")
    bad = values.notna() & numbers.isna()
    if bad.any():
        first = bad.idxmax()
        raise error(
            "attribute {a!r} of actor {who!r} is {v!r}; expected a number",
            "Merkmal {a!r} von Akteur {who!r} ist {v!r}; erwartet: eine Zahl",
            a=attribute if isinstance(attribute, str) else "attribute",
            who=first,
            v=values[first],
        )
    x = numbers.to_numpy(dtype=float)
    d = x[:, None] - x[None, :]
    frame = _frame(np.abs(d) if absolute else d, actors)
    return _noted(frame, "absdiff" if absolute else "diff", pd.Series(x, index=actors))


def comembership(
    net: Network,
    *,
    kind: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """How many items (committees, offers, projects) two actors share.

    Parameters
    ----------
    net : Network
        A network with affiliations (``actor``, ``item``, ``kind``).
    kind : str or list of str, optional
        Count only items of this kind (``"committee"``, ``"offer"``, ...);
        default: every kind. An item is a pair (kind, item).

    Returns
    -------
    pandas.DataFrame
        Actor x actor (every actor of ``net``, in its order), float: the number
        of shared items; diagonal 0.

    Examples
    --------
    >>> import pandas as pd
    >>> from quartiernetz import Network
    >>> net = Network(
    ...     actors=pd.DataFrame({"id": ["qm", "awo", "kita"]}),
    ...     affiliations=pd.DataFrame({"actor": ["qm", "awo", "qm", "kita"],
    ...                                "item": ["Runder Tisch", "Runder Tisch", "AG", "AG"],
    ...                                "kind": "committee"}))
    >>> comembership(net, kind="committee").loc["qm"].tolist()
    [0.0, 1.0, 1.0]
    """
    if not isinstance(net, Network):
        raise error(
            "comembership needs a quartiernetz Network (its affiliations), got {t}",
            "comembership braucht ein quartiernetz-Network (mit Zugehörigkeiten), erhalten: {t}",
            t=type(net).__name__,
        )
    actors = list(net.actors.index)
    aff = net.affiliations
    if kind is not None:
        kinds = [kind] if isinstance(kind, str) else list(kind)
        present = sorted(aff["kind"].dropna().astype(str).unique().tolist())
        unknown = [k for k in kinds if k not in present]
        if len(unknown) == len(kinds):
            raise error(
                "no affiliations of kind {k}; kinds present: {p}",
                "keine Zugehörigkeiten der Art {k}; vorhandene Arten: {p}",
                k=", ".join(repr(k) for k in kinds),
                p=", ".join(present) or "-",
            )
        aff = aff[aff["kind"].astype(str).isin(kinds)]
    pos = {a: i for i, a in enumerate(actors)}
    items = pd.MultiIndex.from_frame(aff[["kind", "item"]].astype(str))
    codes, uniques = pd.factorize(items)
    rows = aff["actor"].map(pos).to_numpy()
    keep = ~pd.isna(rows)
    M = np.zeros((len(actors), max(len(uniques), 1)))
    M[rows[keep].astype(np.intp), codes[keep]] = 1.0
    return _frame(M @ M.T, actors)
