"""GraphML, GEXF and GML: classic data, Gephi exports, hostile XML, exact round trips."""

from __future__ import annotations

import math
import warnings
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from quartiernetz import Network, read_network
from quartiernetz.exceptions import DataCleaningWarning, FormatError, InvalidValueError
from quartiernetz.io import detect_format, write_network
from quartiernetz.io.canonical import read_folder, read_workbook, write_folder, write_workbook
from quartiernetz.io.gml import read_gml
from quartiernetz.io.matrix import read_matrix
from quartiernetz.io.xmlgraph import read_gexf, read_graphml, write_gexf, write_graphml

FILES = Path(__file__).parent / "files"


def _pairs(net):
    return set(zip(net.ties["source"], net.ties["target"], strict=True))


# ------------------------------------------------------------------ classic data
@pytest.mark.parametrize(
    ("file", "ties", "directed"),
    [
        ("KNOKM.GraphML", 49, True),  # labels swapped: KNOKM holds the information arcs
        ("KNOKI.GraphML", 22, True),  # and KNOKI the money arcs
        ("PADGB.GraphML", 20, False),  # marriage
        ("PADGM.GraphML", 15, False),  # business
        ("KAPFTS1.GraphML", 158, False),
        ("KAPFTS2.GraphML", 223, False),
        ("KAPFTI1.GraphML", 109, True),
        ("KAPFTI2.GraphML", 147, True),
    ],
)
def test_classic_graphml(shared_data, file, ties, directed):
    net = read_network(shared_data / "compnet_ucinet_graphml" / file)
    assert len(net.ties) == ties and net.directed is directed


def test_knoke_names_sectors_and_the_label_swap(shared_data):
    net = read_graphml(shared_data / "compnet_ucinet_graphml" / "KNOKM.GraphML")
    assert sorted(net.actors.index) == sorted(
        ["COUN", "COMM", "EDUC", "INDU", "MAYR", "WRO", "NEWS", "UWAY", "WELF", "WEST"]
    )
    assert net.actors.loc["MAYR", "type"] == "GOV"  # Sector is the actor type
    assert net.actors.loc["WRO", "Rating"] == 2.5
    assert "actor ids are the node attribute 'name'" in str(net.record)
    knoke = shared_data / "knoke"
    assert _pairs(net) == _pairs(read_matrix(knoke / "knoke_information_adjacency.csv"))
    money = read_graphml(shared_data / "compnet_ucinet_graphml" / "KNOKI.GraphML")
    assert _pairs(money) == _pairs(read_matrix(knoke / "knoke_money_adjacency.csv"))


def test_padgett_marriage_is_networkx_florentine_plus_pucci(shared_data):
    net = read_graphml(shared_data / "compnet_ucinet_graphml" / "PADGB.GraphML")
    assert len(net.actors) == 16 and "PUCCI" in net.actors.index
    G = net.to_networkx()
    assert G.degree("PUCCI") == 0
    F = nx.florentine_families_graph()
    upper = {frozenset(e) for e in (tuple(n.upper()[:9] for n in e) for e in F.edges)}
    assert {frozenset(e) for e in G.edges} == upper
    assert net.actors.loc["MEDICI", "Wealth"] == 103.0


def test_dhhs_gml_collaboration_levels(shared_data):
    net = read_network(shared_data / "dhhs_tobacco" / "dhhs.gml", weight="collab")
    assert len(net.actors) == 54 and len(net.ties) == 447 and not net.directed
    assert net.actors["agency"].nunique() == 11
    assert sorted(net.ties["intensity"].unique()) == [1.0, 2.0, 3.0, 4.0]
    assert "ACF-1" in net.actors.index  # 'vertexnames' gives the ids


def test_gml_without_weight_option(tmp_path):
    f = tmp_path / "g.gml"
    f.write_text(
        'graph [ directed 1 node [ id 0 label "A" ] node [ id 1 label "B" ] '
        "edge [ source 0 target 1 weight 2.5 ] ]"
    )
    net = read_gml(f)
    assert net.directed and net.ties["intensity"].tolist() == [2.5]
    with pytest.raises(FormatError, match="cannot read the GML"):
        read_gml(_write(tmp_path, "graph [ node [ id 0 ] edge [ source 0 target 7 ] ]", "b.gml"))


# ------------------------------------------------------------------ Gephi GEXF
def test_gephi_gexf_export():
    net = read_gexf(FILES / "gephi_export.gexf")
    assert not net.directed
    # Gephi's numeric node ids give way to the distinct labels
    assert list(net.actors.index) == ["QM Nordstadt", "Bürgerverein Nordstadt", "AWO Ortsverein"]
    assert net.actors.loc["AWO Ortsverein", "type"] == "Wohlfahrtsverband"  # "Typ"
    assert net.actors.loc["Bürgerverein Nordstadt", "Modularity Class"] == 1
    ties = {
        (frozenset((s, t)), r, i)
        for s, t, r, i in net.ties[["source", "target", "relation", "intensity"]].itertuples(
            index=False
        )
    }
    assert ties == {
        (frozenset(("AWO Ortsverein", "QM Nordstadt")), "Information", 1.0),
        (frozenset(("QM Nordstadt", "Bürgerverein Nordstadt")), "Projekt", 2.0),
    }
    assert "viz" in str(net.record)  # layout attributes are left out, and said so


def _write(tmp_path, text, name):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return f


GRAPHML_HEAD = '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'


def test_graphml_defaults_parallel_edges_and_weight_option(tmp_path):
    text = f"""<?xml version="1.0" encoding="UTF-8"?>
{GRAPHML_HEAD}
  <key id="t" for="node" attr.name="type" attr.type="string"><default>Verein</default></key>
  <key id="w" for="edge" attr.name="weight" attr.type="double"/>
  <key id="k" for="edge" attr.name="kosten" attr.type="int"/>
  <key id="r" for="edge" attr.name="relation" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="QM"><data key="t">Quartiersmanagement</data></node>
    <node id="AWO"/>
    <edge source="QM" target="AWO"><data key="w">2</data><data key="r">Projekt</data>
      <data key="k">500</data></edge>
    <edge source="QM" target="AWO"><data key="w">1</data><data key="r">Information</data></edge>
  </graph>
</graphml>"""
    f = _write(tmp_path, text, "d.graphml")
    net = read_graphml(f)
    assert net.actors.loc["AWO", "type"] == "Verein"  # the key's default
    assert sorted(zip(net.ties["relation"], net.ties["intensity"], strict=True)) == [
        ("Information", 1.0),
        ("Projekt", 2.0),
    ]
    with pytest.warns(DataCleaningWarning, match="empty intensity set to 1"):
        by_cost = read_graphml(f, weight="kosten")
    assert sorted(by_cost.ties["intensity"]) == [1.0, 500.0]  # the edge without kosten: 1
    assert "weight" in by_cost.ties.columns


# ------------------------------------------------------------------ hostile XML
BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<{root}><graph edgedefault="undirected"><node id="&lol9;"/></graph></{root}>"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<{root}><graph edgedefault="undirected"><node id="&xxe;"/></graph></{root}>"""


@pytest.mark.parametrize("attack", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["laughs", "xxe"])
@pytest.mark.parametrize(("reader", "root"), [(read_graphml, "graphml"), (read_gexf, "gexf")])
def test_entity_declarations_refused(tmp_path, attack, reader, root):
    f = _write(tmp_path, attack.format(root=root), f"evil.{root}")
    with pytest.raises(FormatError, match="declares entities") as err:
        reader(f)
    assert err.value.file == f"evil.{root}"


def test_malformed_and_wrong_root(tmp_path):
    with pytest.raises(FormatError, match="not well-formed") as err:
        read_graphml(_write(tmp_path, f"{GRAPHML_HEAD}\n<graph>\n<node id='a'>\n", "b.graphml"))
    assert err.value.row is not None
    with pytest.raises(FormatError, match="root element is <gexf>"):
        read_graphml(FILES / "gephi_export.gexf")
    with pytest.raises(FormatError, match="networkx cannot read the GraphML"):
        read_graphml(
            _write(
                tmp_path,
                f"{GRAPHML_HEAD}<graph><edge source='a' target='b'>"
                "<data key='nix'>1</data></edge></graph></graphml>",
                "k.graphml",
            )
        )


def test_gexf_mixed_edge_types(tmp_path):
    text = """<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
<graph defaultedgetype="directed"><nodes><node id="a" label="a"/><node id="b" label="b"/></nodes>
<edges><edge id="0" source="a" target="b" type="undirected"/></edges></graph></gexf>"""
    with pytest.raises(FormatError, match="Undirected edge found in directed graph"):
        read_gexf(_write(tmp_path, text, "m.gexf"))


# ------------------------------------------------------------------ round trips
def _network(directed: bool) -> Network:
    actors = pd.DataFrame(
        {
            "id": ["qm-nord", "awo", "kita", "bürgerverein", "schule", "label"],
            "label": [
                "Quartiersmanagement Nord",
                "AWO Ortsverein Müller-Straße",
                "Kita Sonnenschein",
                "Bürgerverein Süd e.V.",
                "Grundschule",
                "Id",
            ],
            "type": ["Quartiersmanagement", "Wohlfahrtsverband", "Kita", None, "Schule", "Verein"],
            "umbrella": [None, "AWO", None, None, "Stadt", None],
            "mitarbeitende": [3, 12, 8, 0, 40, 1],
            "budget": [1.5, np.nan, 2.25, 0.0, 10.0, 3.0],
            "gegründet": ["1999", None, "2010", "1980", None, "unbekannt"],
            "notiz": ["=SUMME(A1)", "weight", "type", "qn_node", "", None],
        }
    )
    ties = pd.DataFrame(
        {
            "source": ["qm-nord", "awo", "kita", "qm-nord", "schule", "kita", "awo"],
            "target": ["awo", "qm-nord", "bürgerverein", "kita", "qm-nord", "awo", "kita"],
            "relation": [
                "Information",
                "Information",
                "Projekt",
                "Projekt",
                "Information",
                "Konkurrenz",
                "Projekt",
            ],
            "intensity": [2, 1, 3, 0.5, 1, 1, 0],
            "wave": [1, 1, 2, 2, 1, np.nan, 2],
            "bemerkung": ["ä", None, "über", "x", None, "y", "z"],
            "type": ["a", "b", None, "c", "d", "e", "f"],  # a GEXF keyword
            "weight": [1.25, 2, 3, 4, 5, 6, 7],  # taken by the intensity in the files
        }
    )
    aff = pd.DataFrame(
        {
            "actor": ["qm-nord", "awo", "kita", "schule", "awo"],
            "item": [
                "Runder Tisch Süd",
                "Runder Tisch Süd",
                "Stadtteilkonferenz",
                "Stadtteilkonferenz",
                "Beirat",
            ],
            "kind": ["committee", "committee", "committee", "committee", "Beirat"],
            "area": ["Süd", "Süd", None, "Nord", "Nord"],
        }
    )
    with warnings.catch_warnings():  # undirected: awo-qm given both ways, merged and recorded
        warnings.simplefilter("ignore", DataCleaningWarning)
        return Network(
            actors=actors, ties=ties, affiliations=aff, directed=directed, name="Quartier Süd"
        )


WRITERS = {
    "folder": (write_folder, lambda p, net: read_folder(p, directed=net.directed)),
    "xlsx": (write_workbook, lambda p, net: read_workbook(p, directed=net.directed)),
    "graphml": (write_graphml, lambda p, net: read_graphml(p)),
    "gexf": (write_gexf, lambda p, net: read_gexf(p)),
}


@pytest.mark.parametrize("directed", [True, False], ids=["directed", "undirected"])
@pytest.mark.parametrize("fmt", list(WRITERS))
def test_round_trip(tmp_path, fmt, directed):
    net = _network(directed)
    assert len(net.ties) == (7 if directed else 6)  # undirected: awo-qm given both ways
    assert net.record.count("merged") == (0 if directed else 1)
    write, read = WRITERS[fmt]
    out = write(net, tmp_path / f"out.{fmt}")
    back = read(out, net)
    assert back.equals(net)
    assert list(back.actors.columns) == list(net.actors.columns)
    assert back.actors.loc["bürgerverein", "label"] == "Bürgerverein Süd e.V."
    assert math.isnan(back.actors.loc["awo", "budget"])
    assert back.actors.loc["schule", "mitarbeitende"] == 40
    # the check can fail: one changed value is seen
    back.actors.loc["awo", "mitarbeitende"] = 13
    assert not back.equals(net)


def test_round_trip_keeps_kinds_text_files_cannot(tmp_path):
    """GraphML and GEXF keep booleans, numeric-looking text and tie order exactly."""
    base = _network(True)
    actors = base.actors.assign(
        responded=[True, False, True, True, False, True],
        plz=["04109", "4109", "01067", "12", None, "7"],
    )
    net = Network._from_clean(actors, base.ties, base.affiliations, directed=True, name="x")
    for write, read in ((write_graphml, read_graphml), (write_gexf, read_gexf)):
        back = read(write(net, tmp_path / "k.xml"))
        assert back.equals(net)
        assert back.actors["responded"].tolist() == actors["responded"].tolist()
        assert back.actors.loc["label", "plz"] == "7"
        assert back.ties["source"].tolist() == net.ties["source"].tolist()  # row order kept


def test_empty_network_round_trip(tmp_path):
    net = Network(actors=pd.DataFrame({"id": ["a", "b"]}))
    assert read_graphml(write_graphml(net, tmp_path / "e.graphml")).equals(net)
    assert read_gexf(write_gexf(net, tmp_path / "e.gexf")).equals(net)


def test_written_files_open_in_networkx_as_tools_see_them(tmp_path):
    net = _network(False)
    G = nx.read_graphml(write_graphml(net, tmp_path / "q.graphml"))
    items = [n for n, d in G.nodes(data=True) if d.get("qn_node") == "item"]
    assert len(items) == 3 and G.number_of_nodes() == 9
    assert G.nodes["awo"]["label"] == "AWO Ortsverein Müller-Straße"
    H = nx.read_gexf(write_gexf(net, tmp_path / "q.gexf"))
    assert H.nodes["kita"]["label"] == "Kita Sonnenschein"
    weights = sorted(d["weight"] for _, _, d in H.edges(data=True) if "qn_edge" not in d)
    assert weights == sorted(net.ties["intensity"].tolist())


def test_write_network_dispatch_and_detection(tmp_path):
    net = _network(True)
    for ending in ("graphml", "gexf"):
        out = write_network(net, tmp_path / f"n.{ending}")
        assert detect_format(out) == ending
        assert read_network(out).equals(net)
        back = read_network(out, directed=False)
        assert not back.directed and "directed=False as asked" in str(back.record)


def test_foreign_direction_override(tmp_path):
    f = tmp_path / "d.graphml"
    nx.write_graphml(nx.DiGraph([("a", "b"), ("b", "a")]), f)
    assert read_graphml(f).directed
    with pytest.warns(DataCleaningWarning, match="both directions"):
        net = read_graphml(f, directed=False)
    assert not net.directed and len(net.ties) == 1 and net.record.count("merged") == 1


def test_edited_quartiernetz_file_is_still_checked(tmp_path):
    out = write_graphml(_network(True), tmp_path / "q.graphml")
    text = out.read_text(encoding="utf-8")
    first_weight = text.index('<edge source="qm-nord" target="awo" id="t0">')
    edited = text[:first_weight] + text[first_weight:].replace(">2.0<", ">-2.0<", 1)
    out.write_text(edited, encoding="utf-8")
    with pytest.raises(InvalidValueError, match="below 0") as err:
        read_graphml(out)
    assert err.value.file == "q.graphml [edges]" and err.value.row == 1
