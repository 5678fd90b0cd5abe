"""GML (Graph Modelling Language), as igraph, networkx, Cytoscape and yEd write it.

networkx parses the file; nodes become actors and edges ties as for GraphML
(:func:`quartiernetz.io._graphs.graph_tables`): the numeric GML ``id`` gives way
to a distinct ``name``, ``label`` or ``vertexnames`` attribute (statnet's
``vertex.names``, which igraph writes as ``vertexnames``); node attributes are
actor columns, edge attributes tie columns, ``weight`` (or the attribute named
by ``weight=``) the intensity. ``directed 1`` gives a directed network.
"""

from __future__ import annotations

import os
from pathlib import Path

import networkx as nx

from ..exceptions import FormatError
from ..i18n import Text
from ..network import Network
from ..record import Record
from ._graphs import network_from_graph
from .text import read_as, read_text

__all__ = ["read_gml"]


def read_gml(
    path: str | os.PathLike[str],
    *,
    directed: bool | None = None,
    name: str | None = None,
    weight: str | None = "weight",
) -> Network:
    """Read a GML file.

    Parameters
    ----------
    path : path-like
        The ``.gml`` file (UTF-8 or cp1252).
    directed : bool, optional
        Default: the file's ``directed`` flag.
    name : str, optional
        The network's name (default: the file's stem).
    weight : str or None, default "weight"
        The edge attribute that gives the intensity, e.g. ``"collab"``; None: every tie 1.

    Returns
    -------
    Network

    Raises
    ------
    FormatError
        When networkx cannot parse the file (the message has its reason and line).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "g.gml"
    >>> _ = f.write_text('graph [ node [ id 0 name "QM" ] node [ id 1 name "AWO" ] '
    ...                  'edge [ source 0 target 1 collab 3 ] ]')
    >>> read_gml(f, weight="collab").ties[["source", "target", "intensity"]].values.tolist()
    [['QM', 'AWO', 3.0]]
    """
    path = Path(path)
    text, encoding = read_text(path)
    try:
        G = nx.parse_gml(text.splitlines(), label=None)
    except Exception as err:  # networkx on hostile input (also RecursionError on deep nesting)
        raise FormatError(
            Text(
                f"networkx cannot read the GML ({type(err).__name__}: {err})",
                f"networkx kann das GML nicht lesen ({type(err).__name__}: {err})",
            ),
            file=path.name,
            expected=Text("a valid GML file", "eine gültige GML-Datei"),
        ) from None
    record = Record()
    record.add("info", read_as(encoding), file=path.name, warn=False)
    return network_from_graph(
        G,
        file=path.name,
        directed=directed,
        name=name or path.stem,
        weight=weight,
        record=record,
        meta={"source": path.name, "format": "gml", "encoding": encoding},
    )
