"""GraphML and GEXF: read untrusted files safely; write files that read back exactly.

Reading
    The file is first parsed with :mod:`defusedxml`, which refuses entity
    declarations (the "billion laughs" expansion bomb, external entities that
    read local files or URLs) with a :class:`~quartiernetz.exceptions.FormatError`;
    only then does networkx read it. The direction comes from GraphML's
    ``edgedefault`` or GEXF's ``defaultedgetype`` unless ``directed`` is given.
    Nodes become actors and edges ties, as described in
    :func:`quartiernetz.io._graphs.graph_tables`: generated node ids (igraph's
    ``n0``, ``n1``, …) give way to a distinct ``name`` or ``label`` attribute;
    node attributes are actor columns (``label``; ``type``, ``Type``, ``sector``,
    ``Sector`` give the actor type, as everywhere in quartiernetz); edge
    attributes are tie columns (``weight``, or the attribute named by ``weight=``,
    is the intensity; ``relation`` the relation). Parallel edges are kept.

Writing
    :func:`write_graphml` and :func:`write_gexf` write a multigraph that Gephi,
    yEd, igraph and networkx open: actors are nodes with every actor column as an
    attribute (the label as node label), every tie row is an edge with every tie
    column (the intensity as ``weight``), and each committee, offer or project of
    the affiliations is a node marked ``qn_node = "item"`` joined to its members
    by edges marked ``qn_edge = "affiliation"``. A graph-level attribute
    ``quartiernetz`` (GraphML) or the GEXF ``<meta><description>`` holds a small
    JSON document: the direction, the name, and each table's columns with their
    attribute names and value kinds. A file that carries it is read back exactly
    (:meth:`~quartiernetz.network.Network.equals`): missing values are left out of
    the file and read back as missing; in undirected networks each tie's
    ``source`` is kept in the edge attribute ``qn_source``.
"""

from __future__ import annotations

import io
import json
import math
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import networkx as nx
import numpy as np
import pandas as pd

from .._version import __version__
from ..exceptions import FormatError
from ..i18n import Text
from ..network import Network
from ..record import Record
from ._graphs import make_table, network_from_graph
from .assemble import assemble
from .limits import ENVIRONMENT, get_limit
from .text import XML_UNSTORABLE, Table, read_bytes, refuse_unstorable

__all__ = ["read_graphml", "read_gexf", "write_graphml", "write_gexf", "check_xml_shape"]

#: The graph attribute (GraphML) and JSON key that mark a file written by quartiernetz.
MARKER = "quartiernetz"
_SPEC_VERSION = 1

# attribute names networkx or the formats give a meaning of their own
_NODE_RESERVED = {"id", "label", "pid", "start", "end", "viz", "spells", "slices", "parents"}
_EDGE_RESERVED = {
    "id",
    "key",
    "networkx_key",
    "type",
    "weight",
    "label",
    "start",
    "end",
    "viz",
    "spells",
    "slices",
}
_ORDER = re.compile(r"^[ta](\d+)$")


# ------------------------------------------------------------------ safe parsing
def _not_well_formed(path: Path, what: str, err: ET.ParseError) -> FormatError:
    return FormatError(
        Text(
            f"the file is not well-formed XML ({err})",
            f"die Datei ist kein wohlgeformtes XML ({err})",
        ),
        file=path.name,
        row=err.position[0],
        expected=Text(f"a {what} file", f"eine {what}-Datei"),
    )


class _EntityDeclared(Exception):
    """Raised by the shape check when the document declares an entity."""


def _entities_refused(path: Path, root_name: str) -> FormatError:
    return FormatError(
        Text(
            "the XML declares entities (<!ENTITY …>), which are refused: they can expand to "
            'gigabytes ("billion laughs") or read other files',
            "das XML deklariert Entitäten (<!ENTITY …>); sie werden abgelehnt, weil sie sich "
            'auf Gigabytes aufblähen ("billion laughs") oder andere Dateien lesen können',
        ),
        file=path.name,
        expected=Text(
            f"a {root_name} file without entity declarations",
            f"eine {root_name}-Datei ohne Entitäts-Deklarationen",
        ),
    )


def _undecodable(path: Path, root_name: str, err: Exception) -> FormatError:
    return FormatError(
        Text(
            f"the XML cannot be decoded ({type(err).__name__}: {err})",
            f"das XML kann nicht dekodiert werden ({type(err).__name__}: {err})",
        ),
        file=path.name,
        expected=Text(
            f"a {root_name} file in UTF-8 or UTF-16", f"eine {root_name}-Datei in UTF-8 oder UTF-16"
        ),
    )


def check_xml_shape(data: bytes, *, file: str, root_name: str = "XML") -> None:
    """Refuse XML nested deeper than ``xml_depth`` or with more than ``xml_elements``
    elements and attributes (:mod:`quartiernetz.io.limits`), reading it as a stream.

    The check keeps no tree: it counts with expat in chunks of 1 MiB, so its
    memory does not grow with the file. It stops at an entity declaration
    (refused by the caller's :mod:`defusedxml` pass).

    Raises
    ------
    FormatError
        Over a limit (naming the line), not well-formed, or in an encoding
        expat cannot read.

    Examples
    --------
    >>> check_xml_shape(b"<a><b/><b/></a>", file="ok.xml")
    >>> from quartiernetz.io.limits import set_limits
    >>> old = set_limits(xml_depth=2)
    >>> try:
    ...     check_xml_shape(b"<a><b><c/></b></a>", file="deep.xml")
    ... except FormatError as err:
    ...     print(err.problem)
    ... finally:
    ...     _ = set_limits(**old)
    the elements are nested more than 2 levels deep; reading stopped
    """
    from xml.parsers import expat

    max_depth, max_items = get_limit("xml_depth"), get_limit("xml_elements")
    parser = expat.ParserCreate()
    state = {"depth": 0, "items": 0}

    def over(name: str, en: str, de: str) -> FormatError:
        return FormatError(
            Text(en, de),
            file=file,
            row=parser.CurrentLineNumber,
            expected=Text("a file of ordinary shape", "eine Datei üblicher Gestalt"),
            hint=Text(
                f"Raise the limit with the environment variable {ENVIRONMENT[name]} "
                f"or quartiernetz.io.limits.set_limits({name}=...).",
                f"Die Grenze mit der Umgebungsvariablen {ENVIRONMENT[name]} oder "
                f"quartiernetz.io.limits.set_limits({name}=...) erhöhen.",
            ),
        )

    def start(tag: str, attrs: list[str]) -> None:
        state["depth"] += 1
        state["items"] += 1 + len(attrs) // 2
        if state["depth"] > max_depth:
            raise over(
                "xml_depth",
                f"the elements are nested more than {max_depth} levels deep; reading stopped",
                f"die Elemente sind mehr als {max_depth} Ebenen tief verschachtelt; "
                "Lesen abgebrochen",
            )
        if state["items"] > max_items:
            raise over(
                "xml_elements",
                f"the file holds more than {max_items:,} elements and attributes; reading stopped",
                f"die Datei enthält mehr als {max_items:,} Elemente und Attribute; "
                "Lesen abgebrochen",
            )

    def end(tag: str) -> None:
        state["depth"] -= 1

    def entity(*args: object) -> None:
        raise _EntityDeclared

    parser.ordered_attributes = True
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = entity
    chunk = 1 << 20
    try:
        for k in range(0, len(data), chunk):
            parser.Parse(data[k : k + chunk], False)
        parser.Parse(b"", True)
    except _EntityDeclared:
        return
    except FormatError:
        raise
    except expat.ExpatError as err:
        if err.code in (
            expat.errors.codes[expat.errors.XML_ERROR_UNKNOWN_ENCODING],
            expat.errors.codes[expat.errors.XML_ERROR_INCORRECT_ENCODING],
        ):
            raise FormatError(
                Text(
                    f"the XML cannot be decoded ({expat.errors.messages[err.code]})",
                    f"das XML kann nicht dekodiert werden ({expat.errors.messages[err.code]})",
                ),
                file=file,
                expected=Text(
                    f"a {root_name} file in UTF-8 or UTF-16",
                    f"eine {root_name}-Datei in UTF-8 oder UTF-16",
                ),
            ) from None
        raise FormatError(
            Text(
                f"the file is not well-formed XML ({err})",
                f"die Datei ist kein wohlgeformtes XML ({err})",
            ),
            file=file,
            row=err.lineno,
            expected=Text(f"a {root_name} file", f"eine {root_name}-Datei"),
        ) from None
    except (LookupError, ValueError) as err:
        raise FormatError(
            Text(
                f"the XML cannot be decoded ({type(err).__name__}: {err})",
                f"das XML kann nicht dekodiert werden ({type(err).__name__}: {err})",
            ),
            file=file,
            expected=Text(
                f"a {root_name} file in UTF-8 or UTF-16",
                f"eine {root_name}-Datei in UTF-8 oder UTF-16",
            ),
        ) from None


def _parse_safely(path: Path, root_name: str) -> tuple[bytes, str | None]:
    """The file's bytes, after checking its prolog and root; and the text of a ``<description>``.

    Entities can only be declared in the document type declaration, which comes
    before the root element; :mod:`defusedxml` reads the file up to the ``<graph>``
    element and refuses any entity declaration, so the file that networkx then
    parses in full cannot expand or fetch anything.
    """
    from defusedxml import DefusedXmlException, EntitiesForbidden
    from defusedxml.ElementTree import iterparse

    data = read_bytes(path)
    check_xml_shape(data, file=path.name, root_name=root_name)
    description = None
    root_seen = False
    try:
        events = iterparse(
            io.BytesIO(data),
            events=("start", "end"),
            forbid_dtd=False,
            forbid_entities=True,
            forbid_external=True,
        )
        for event, element in events:
            tag = element.tag.rsplit("}", 1)[-1]
            if not root_seen:
                root_seen = True
                if tag.casefold() != root_name.casefold():
                    raise FormatError(
                        Text(f"the root element is <{tag}>", f"das Wurzelelement ist <{tag}>"),
                        file=path.name,
                        expected=Text(
                            f"a {root_name} file (root element <{root_name.lower()}>)",
                            f"eine {root_name}-Datei (Wurzelelement <{root_name.lower()}>)",
                        ),
                    )
            elif event == "start" and tag == "graph":
                break
            elif event == "end" and tag == "description":
                description = element.text
    except EntitiesForbidden:
        raise _entities_refused(path, root_name) from None
    except DefusedXmlException as err:
        raise FormatError(
            Text(
                f"the XML is refused: {type(err).__name__}",
                f"das XML wird abgelehnt: {type(err).__name__}",
            ),
            file=path.name,
            expected=Text(f"a plain {root_name} file", f"eine einfache {root_name}-Datei"),
        ) from None
    except ET.ParseError as err:
        raise _not_well_formed(path, root_name, err) from None
    except (LookupError, ValueError) as err:  # an unknown or impossible encoding declared
        raise _undecodable(path, root_name, err) from None
    return data, description


def _networkx_error(path: Path, what: str, err: Exception) -> FormatError:
    return FormatError(
        Text(
            f"networkx cannot read the {what} ({type(err).__name__}: {err})",
            f"networkx kann das {what} nicht lesen ({type(err).__name__}: {err})",
        ),
        file=path.name,
        expected=Text(f"a valid {what} file", f"eine gültige {what}-Datei"),
    )


# ------------------------------------------------------------------ value kinds
def _missing(value: object) -> bool:
    return (
        value is None
        or value is pd.NA
        or value is pd.NaT
        or (isinstance(value, float | np.floating) and math.isnan(value))
    )


def _kind(series: pd.Series) -> str:
    """The kind of a column's values: ``bool``, ``int``, ``float`` or ``str``."""
    if pd.api.types.is_bool_dtype(series):
        return "bool"
    if pd.api.types.is_integer_dtype(series):
        return "int"
    if pd.api.types.is_float_dtype(series):
        return "float"
    present = [v for v in series.tolist() if not _missing(v)]
    if present and all(isinstance(v, bool | np.bool_) for v in present):
        return "bool"
    if present and all(
        isinstance(v, int | np.integer) and not isinstance(v, bool | np.bool_) for v in present
    ):
        return "int"
    if present and all(
        isinstance(v, int | float | np.number) and not isinstance(v, bool | np.bool_)
        for v in present
    ):
        return "float"
    return "str"


def _to_kind(value: Any, kind: str) -> Any:
    if _missing(value):
        return np.nan
    if kind == "bool":
        return value.strip().casefold() in ("true", "1") if isinstance(value, str) else bool(value)
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    return str(value)


# ------------------------------------------------------------------ writing
def _attribute_names(
    columns: Sequence[str],
    reserved: set[str],
    fixed: dict[str, str | None],
    *,
    prefix: str = "qn_col_",
    always: bool = False,
) -> list[str | None]:
    """The attribute each column is written to (None: the column is an edge's endpoint).

    A column keeps its name unless the name is reserved or starts with ``qn_``
    (or ``always``): then it gets ``prefix``. The spec records the mapping.
    """
    out: list[str | None] = []
    for c in columns:
        if c in fixed:
            out.append(fixed[c])
        elif always or c in reserved or c.startswith("qn_"):
            out.append(f"{prefix}{c}")
        else:
            out.append(c)
    return out


def _item_prefix(actor_ids: Sequence[str]) -> str:
    prefix = "qn-item-"
    while any(a.startswith(prefix) for a in actor_ids):
        prefix = "q" + prefix
    return prefix


def _spec_columns(frame: pd.DataFrame, names: Sequence[str | None]) -> list[list[Any]]:
    return [[c, a, _kind(frame[c])] for c, a in zip(frame.columns, names, strict=True)]


def _attrs(row: Sequence[Any], spec: list[list[Any]]) -> dict[str, Any]:
    out = {}
    for value, (_, attr, kind) in zip(row, spec, strict=True):
        if attr is not None and not _missing(value):
            out[attr] = _to_kind(value, kind)
    return out


def _to_graph(net: Network, *, gexf: bool, file: str = "") -> tuple[nx.MultiGraph, dict[str, Any]]:
    """The multigraph written for ``net`` and the JSON spec that describes it."""
    refuse_unstorable(
        {"actors": net.actors, "ties": net.ties, "affiliations": net.affiliations},
        XML_UNSTORABLE,
        file=file or ("GEXF" if gexf else "GraphML"),
        what=Text("an XML file", "eine XML-Datei"),
        name=net.name,
    )
    G: nx.MultiGraph = nx.MultiDiGraph() if net.directed else nx.MultiGraph()
    actors = net.actors
    actor_spec = _spec_columns(
        actors,
        _attribute_names([str(c) for c in actors.columns], _NODE_RESERVED, {"label": "label"}),
    )
    ids = [str(i) for i in actors.index]
    for node, row in zip(ids, actors.itertuples(index=False, name=None), strict=True):
        G.add_node(node, **_attrs(row, actor_spec))

    aff = net.affiliations
    prefix = _item_prefix(ids)
    items = {item: f"{prefix}{k}" for k, item in enumerate(pd.unique(aff["item"].astype(str)))}
    for item, node in items.items():
        G.add_node(node, label=item, qn_node="item")

    ties = net.ties
    tie_spec = _spec_columns(
        ties,
        _attribute_names(
            [str(c) for c in ties.columns],
            _EDGE_RESERVED,
            {"source": None, "target": None, "intensity": "weight"},
        ),
    )
    for k, row in enumerate(ties.itertuples(index=False, name=None)):
        rec = dict(zip(ties.columns, row, strict=True))
        attrs = _attrs(row, tie_spec)
        if not net.directed:
            attrs["qn_source"] = str(rec["source"])
        if gexf:
            attrs["id"] = f"t{k}"
        G.add_edge(str(rec["source"]), str(rec["target"]), key=f"t{k}", **attrs)

    aff_spec = _spec_columns(
        aff,
        _attribute_names(
            [str(c) for c in aff.columns],
            _EDGE_RESERVED,
            {"actor": None, "item": None},
            prefix="qn_aff_",
            always=True,  # membership edges share the edge attributes with ties: keep apart
        ),
    )
    for k, row in enumerate(aff.itertuples(index=False, name=None)):
        rec = dict(zip(aff.columns, row, strict=True))
        attrs = {**_attrs(row, aff_spec), "qn_edge": "affiliation"}
        if gexf:
            attrs["id"] = f"a{k}"
        G.add_edge(str(rec["actor"]), items[str(rec["item"])], key=f"a{k}", **attrs)
    spec = {
        MARKER: _SPEC_VERSION,
        "directed": bool(net.directed),
        "name": net.name,
        "actors": actor_spec,
        "ties": tie_spec,
        "affiliations": aff_spec,
    }
    if net.name:
        G.graph["name"] = str(net.name)
    return G, spec


def write_graphml(net: Network, path: str | os.PathLike[str]) -> Path:
    """Write a network as GraphML that :func:`read_graphml` reads back exactly.

    Parameters
    ----------
    net : Network
    path : path-like
        The ``.graphml`` file to write.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import pandas as pd
    >>> net = Network(ties=pd.DataFrame({"source": ["qm"], "target": ["awo"], "intensity": [2]}))
    >>> f = write_graphml(net, pathlib.Path(tempfile.mkdtemp()) / "nord.graphml")
    >>> read_graphml(f).equals(net)
    True
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    G, spec = _to_graph(net, gexf=False, file=path.name)
    G.graph[MARKER] = json.dumps(spec, ensure_ascii=False)
    nx.write_graphml(G, path, encoding="utf-8", prettyprint=True, infer_numeric_types=False)
    return path


def write_gexf(net: Network, path: str | os.PathLike[str]) -> Path:
    """Write a network as GEXF 1.2 that :func:`read_gexf` reads back exactly.

    Parameters
    ----------
    net : Network
    path : path-like
        The ``.gexf`` file to write.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import pandas as pd
    >>> net = Network(ties=pd.DataFrame({"source": ["qm"], "target": ["awo"]}), directed=True)
    >>> f = write_gexf(net, pathlib.Path(tempfile.mkdtemp()) / "nord.gexf")
    >>> read_gexf(f).equals(net)
    True
    """
    from networkx.readwrite.gexf import GEXFWriter

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    G, spec = _to_graph(net, gexf=True, file=path.name)
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    writer.add_graph(G)
    meta = writer.xml.find("meta")
    if meta is None:  # networkx always writes one; be safe if that changes
        meta = ET.SubElement(writer.xml, "meta")
    creator = meta.find("creator")
    if creator is not None:
        creator.text = f"quartiernetz {__version__} (NetworkX {nx.__version__})"
    ET.SubElement(meta, "description").text = json.dumps(spec, ensure_ascii=False)
    with open(path, "wb") as fh:
        writer.write(fh)
    return path


# ------------------------------------------------------------------ reading
def _spec(text: object) -> dict[str, Any] | None:
    if not isinstance(text, str) or MARKER not in text:
        return None
    try:
        spec = json.loads(text)
    except ValueError:
        return None
    if not isinstance(spec, dict) or spec.get(MARKER) != _SPEC_VERSION:
        return None
    if not isinstance(spec.get("directed"), bool) or not (
        spec.get("name") is None or isinstance(spec.get("name"), str)
    ):
        return None
    shapes = {
        "actors": ((), ()),
        "ties": (("source", "target"), ("relation", "intensity")),
        "affiliations": (("actor", "item"), ("kind",)),
    }
    for table, (ends, needed) in shapes.items():
        if not _valid_columns(spec.get(table), ends, needed):
            return None
    return spec


_KINDS = ("bool", "int", "float", "str")


def _valid_columns(columns: object, ends: tuple[str, ...], needed: tuple[str, ...]) -> bool:
    """Whether a table's columns in the spec are as :func:`_spec_columns` writes them:
    distinct names, the edge ends without attribute, the canonical columns present."""
    if not isinstance(columns, list):
        return False
    names, attrs, without = [], [], []
    for entry in columns:
        if not (isinstance(entry, list) and len(entry) == 3):
            return False
        name, attr, kind = entry
        if not isinstance(name, str) or kind not in _KINDS:
            return False
        if attr is None:
            without.append(name)
        elif isinstance(attr, str) and attr:
            attrs.append(attr)
        else:
            return False
        names.append(name)
    return (
        len(set(names)) == len(names)
        and len(set(attrs)) == len(attrs)
        and sorted(without) == sorted(ends)
        and set(needed) <= set(names)
    )


def _edges(G: nx.Graph) -> list[tuple[str, str, Any, dict[str, Any]]]:
    if G.is_multigraph():
        return [(u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True)]
    return [(u, v, d.get("id"), d) for u, v, d in G.edges(data=True)]


def _order(key: Any) -> int:
    m = _ORDER.match(str(key))
    return int(m.group(1)) if m else -1


def _typed(
    records: list[dict[str, Any]], spec: list[list[Any]], *, file: str
) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for col, attr, kind in spec:
        if attr is None:
            continue
        values = []
        for k, d in enumerate(records):
            try:
                values.append(_to_kind(d.get(attr), kind))
            except (ValueError, TypeError, OverflowError):
                raise FormatError(
                    Text(
                        f"the value {str(d.get(attr))[:40]!r} of the attribute {attr!r} is not "
                        f"of the kind {kind!r} the file's quartiernetz description gives",
                        f"der Wert {str(d.get(attr))[:40]!r} des Attributs {attr!r} ist nicht "
                        f"von der Art {kind!r}, die die quartiernetz-Beschreibung der Datei angibt",
                    ),
                    file=file,
                    row=k + 1,
                    column=col,
                    expected=Text(f"a {kind} value", f"ein Wert der Art {kind}"),
                ) from None
        out[col] = values
    return out


def _edge_table(
    rows: list[tuple[str, str, dict[str, Any]]],
    spec: list[list[Any]],
    *,
    ends: tuple[str, str],
    canonical: tuple[str, ...],
    file: str,
) -> tuple[Table, dict[str, list[Any]]]:
    """The table assemble checks, and the columns' values as the file typed them.

    Columns other than ``canonical`` go to assemble under neutral names (``qn_0``, …),
    so that its column aliases cannot reinterpret them; ``qn_row`` ties each row of
    the result back to its edge.
    """
    typed = _typed([d for _, _, d in rows], spec, file=file)
    names = [c for c, a, _ in spec if a is not None]
    header = [*ends, *(c if c in canonical else f"qn_{j}" for j, c in enumerate(names)), "qn_row"]
    recs = [(a, b, *(typed[c][k] for c in names), k) for k, (a, b, _) in enumerate(rows)]
    return make_table(header, recs, list(range(1, len(rows) + 1)), file), typed


def _rebuild(
    frame: pd.DataFrame,
    spec: list[list[Any]],
    typed: dict[str, list[Any]],
    canonical: tuple[str, ...],
) -> pd.DataFrame:
    """The rows assemble kept, with every column as written (order and kinds).

    The edge ends and the ``canonical`` columns keep the values assemble checked
    (an intensity missing from an edited file is 1, as recorded).
    """
    kept = [int(r) for r in frame["qn_row"]]
    data = {
        c: frame[c].astype(object).tolist()
        if attr is None or c in canonical
        else [typed[c][r] for r in kept]
        for c, attr, _ in spec
    }
    return pd.DataFrame(data, columns=[c for c, _, _ in spec])


def _from_quartiernetz(
    G: nx.Graph,
    spec: dict[str, Any],
    *,
    file: str,
    directed: bool | None,
    name: str | None,
    record: Record,
    meta: dict[str, Any],
) -> Network:
    """Restore a network from a file written by :func:`write_graphml` or :func:`write_gexf`.

    The tables still pass through :func:`~quartiernetz.io.assemble.assemble`, so an
    edited file is checked like any other (unknown actors, negative intensities);
    then every column gets back the values and kinds the spec records.
    """
    is_directed = bool(spec["directed"]) if directed is None else bool(directed)
    asked = (
        ""
        if directed is None or directed == spec["directed"]
        else f" (directed={directed} as asked)"
    )
    record.add(
        "info",
        Text(
            f"written by quartiernetz: actors, ties and affiliations restored as written{asked}",
            "von quartiernetz geschrieben: Akteure, Beziehungen und Zugehörigkeiten wie "
            f"geschrieben wiederhergestellt{asked}",
        ),
        file=file,
        warn=False,
    )
    nodes = list(G.nodes(data=True))
    items = {str(n): str(d.get("label", n)) for n, d in nodes if d.get("qn_node") == "item"}
    actor_nodes = [(str(n), d) for n, d in nodes if str(n) not in items]
    ids = [n for n, _ in actor_nodes]
    actor_cols = [c for c, a, _ in spec["actors"] if a is not None]
    actor_typed = _typed([d for _, d in actor_nodes], spec["actors"], file=f"{file} [nodes]")
    actor_table = make_table(
        ["id", *(f"qn_{j}" for j in range(len(actor_cols)))],
        [(i, *(actor_typed[c][k] for c in actor_cols)) for k, i in enumerate(ids)],
        list(range(1, len(ids) + 1)),
        f"{file} [nodes]",
    )

    tie_edges, aff_edges = [], []
    for u, v, _, d in sorted(_edges(G), key=lambda e: _order(e[2])):
        u, v = str(u), str(v)
        if d.get("qn_edge") == "affiliation":
            actor, item = (v, u) if u in items else (u, v)
            aff_edges.append((actor, items.get(item, item), d))
        else:
            src = d.get("qn_source")
            tie_edges.append((v, u, d) if src is not None and str(src) == v else (u, v, d))
    tie_table, tie_typed = _edge_table(
        tie_edges,
        spec["ties"],
        ends=("source", "target"),
        canonical=("relation", "intensity"),
        file=f"{file} [edges]",
    )
    aff_table, aff_typed = _edge_table(
        aff_edges,
        spec["affiliations"],
        ends=("actor", "item"),
        canonical=("kind",),
        file=f"{file} [affiliation edges]",
    )
    net = assemble(
        actor_table,
        tie_table,
        aff_table,
        directed=is_directed,
        record=record,
        name=name or spec.get("name") or Path(file).stem,
        meta=meta,
        merge_parallel=False,
    )
    actors = pd.DataFrame(
        {c: actor_typed[c] for c in actor_cols},
        index=pd.Index(ids, name="id", dtype=object),
        columns=actor_cols,
    )
    return Network.from_frames(
        actors,
        _rebuild(net.ties, spec["ties"], tie_typed, ("relation", "intensity")),
        _rebuild(net.affiliations, spec["affiliations"], aff_typed, ("kind",)),
        directed=is_directed,
        record=net.record,
        name=net.name,
        meta=net.meta,
    )


def _read(
    G: nx.Graph,
    spec: dict[str, Any] | None,
    path: Path,
    fmt: str,
    *,
    directed: bool | None,
    name: str | None,
    weight: str | None,
) -> Network:
    record = Record()
    meta: dict[str, Any] = {"source": path.name, "format": fmt}
    if spec is None:
        return network_from_graph(
            G,
            file=path.name,
            directed=directed,
            name=name or path.stem,
            weight=weight,
            record=record,
            meta=meta,
        )
    meta["written_by"] = "quartiernetz"
    return _from_quartiernetz(
        G, spec, file=path.name, directed=directed, name=name, record=record, meta=meta
    )


def read_graphml(
    path: str | os.PathLike[str],
    *,
    directed: bool | None = None,
    name: str | None = None,
    weight: str | None = "weight",
) -> Network:
    """Read a GraphML file (refusing XML entity declarations).

    Parameters
    ----------
    path : path-like
        The ``.graphml`` file.
    directed : bool, optional
        Default: the file's ``edgedefault``.
    name : str, optional
        The network's name (default: the file's stem).
    weight : str or None, default "weight"
        The edge attribute that gives the intensity (None: every tie 1).

    Returns
    -------
    Network
        A file written by :func:`write_graphml` comes back exactly as written.

    Raises
    ------
    FormatError
        When the XML declares entities, is not well-formed, is not GraphML, or
        networkx cannot read it.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
    >>> nx.write_graphml(nx.path_graph(["AWO", "QM", "Kita"]), f)
    >>> net = read_graphml(f)
    >>> sorted(net.actors.index), len(net.ties), net.directed
    (['AWO', 'Kita', 'QM'], 2, False)
    """
    path = Path(path)
    data, _ = _parse_safely(path, "graphml")
    try:
        G = nx.parse_graphml(data, force_multigraph=True)
    except ET.ParseError as err:
        raise _not_well_formed(path, "GraphML", err) from None
    except Exception as err:  # networkx on hostile input: any failure means an unreadable file
        raise _networkx_error(path, "GraphML", err) from None
    return _read(
        G, _spec(G.graph.get(MARKER)), path, "graphml", directed=directed, name=name, weight=weight
    )


def read_gexf(
    path: str | os.PathLike[str],
    *,
    directed: bool | None = None,
    name: str | None = None,
    weight: str | None = "weight",
) -> Network:
    """Read a GEXF file (Gephi's format; refusing XML entity declarations).

    Parameters
    ----------
    path : path-like
        The ``.gexf`` file (GEXF 1.1, 1.2 or 1.3).
    directed : bool, optional
        Default: the file's ``defaultedgetype``.
    name : str, optional
        The network's name (default: the file's stem).
    weight : str or None, default "weight"
        The edge attribute that gives the intensity (GEXF's edge ``weight``).

    Returns
    -------
    Network
        A file written by :func:`write_gexf` comes back exactly as written.

    Raises
    ------
    FormatError
        When the XML declares entities, is not well-formed, is not GEXF, mixes
        directed and undirected edges, or networkx cannot read it.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "g.gexf"
    >>> nx.write_gexf(nx.DiGraph([("QM", "AWO", {"weight": 3.0})]), f)
    >>> net = read_gexf(f)
    >>> net.directed, net.ties[["source", "target", "intensity"]].values.tolist()
    (True, [['QM', 'AWO', 3.0]])
    """
    path = Path(path)
    data, description = _parse_safely(path, "gexf")
    try:
        G = nx.read_gexf(io.BytesIO(data))
    except ET.ParseError as err:
        raise _not_well_formed(path, "GEXF", err) from None
    except Exception as err:  # networkx on hostile input: any failure means an unreadable file
        raise _networkx_error(path, "GEXF", err) from None
    return _read(G, _spec(description), path, "gexf", directed=directed, name=name, weight=weight)
