"""The actors' attributes as a table, for a Network or a networkx graph."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pandas as pd

from ..network import Network

__all__ = ["actor_table", "actor_labels"]


def actor_labels(net: object) -> dict[Any, Any]:
    """Actor id -> label of a Network or a networkx graph (the id where no label is given).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b")])
    >>> G.nodes["a"]["label"] = "Anna"
    >>> actor_labels(G)
    {'a': 'Anna', 'b': 'b'}
    >>> actor_labels(None)
    {}
    """
    if isinstance(net, Network):
        return net.actors["label"].to_dict()
    if isinstance(net, nx.Graph):
        return {v: d.get("label", v) for v, d in net.nodes(data=True)}
    return {}


def actor_table(net: Network | nx.Graph, G: nx.Graph) -> pd.DataFrame:
    """The actors of ``net``: ``net.actors``, or a table of ``G``'s node attributes.

    For a graph, ``label`` falls back to the node id and ``type`` to None.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_node("a", type="Verein")
    >>> G.add_node("b", label="Bea")
    >>> actor_table(G, G)[["label", "type"]].values.tolist()
    [['a', 'Verein'], ['Bea', nan]]
    """
    if isinstance(net, Network):
        return net.actors
    data = {v: dict(d) for v, d in G.nodes(data=True)}
    frame = pd.DataFrame.from_dict(data, orient="index")
    frame.index.name = "id"
    if "label" not in frame.columns:
        frame["label"] = [str(v) for v in frame.index]
    frame["label"] = [
        str(v) if (lab is None or (isinstance(lab, float) and lab != lab)) else lab
        for v, lab in zip(frame.index, frame["label"], strict=True)
    ]
    if "type" not in frame.columns:
        frame["type"] = None
    return frame
