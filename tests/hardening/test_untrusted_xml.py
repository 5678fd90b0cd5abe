"""Untrusted XML and GML: the entity guard cannot be bypassed, nothing is fetched or expanded.

tests/io/test_io_xmlgraph.py checks the plain billion-laughs and external-entity
files; these are the variants that slip past naive guards: the DOCTYPE after a
comment or processing instruction, UTF-16 files, parameter entities, an external
DTD, XInclude, a file without the expected ending, an exotic declared encoding.
GML has no entities; its parser is checked against deep nesting.
"""

from __future__ import annotations

import time
import warnings
from pathlib import Path

import pytest

from quartiernetz import read_network
from quartiernetz.exceptions import FormatError
from quartiernetz.io.gml import read_gml
from quartiernetz.io.xmlgraph import read_gexf, read_graphml

SECRET = "geheim-7f3a"

GRAPHML_BODY = (
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
    '<graph edgedefault="undirected"><node id="{node}"/><node id="b"/>'
    '<edge source="{node}" target="b"/></graph></graphml>'
)
GEXF_BODY = (
    '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">'
    '<graph defaultedgetype="undirected"><nodes><node id="{node}" label="{node}"/>'
    '<node id="b" label="b"/></nodes><edges><edge id="0" source="{node}" target="b"/>'
    "</edges></graph></gexf>"
)
LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
    '<!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>'
)


@pytest.fixture
def secret_file(tmp_path) -> Path:
    f = tmp_path / "secret.txt"
    f.write_text(SECRET)
    return f


def _prologs(secret: Path) -> dict[str, tuple[str, str]]:
    """name -> (prolog, node id); every one declares an entity somewhere."""
    url = secret.as_uri()
    return {
        "laughs": (LAUGHS, "&lol9;"),
        "xxe": (f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "{url}">]>', "&xxe;"),
        "after-comment": (f'<!-- harmless --><!DOCTYPE x [<!ENTITY xxe SYSTEM "{url}">]>', "&xxe;"),
        "after-pi": ('<?foo bar?>\n<!DOCTYPE x [<!ENTITY e "expanded">]>', "&e;"),
        "parameter": (f'<!DOCTYPE x [<!ENTITY % p SYSTEM "{url}"> %p;]>', "a"),
        "unused": ('<!DOCTYPE x [<!ENTITY never "used">]>', "a"),
        "internal-subset-spaces": ('<!DOCTYPE x\n  [\n <!ENTITY  e  "x" >\n ]\n>', "&e;"),
    }


@pytest.mark.parametrize("root", ["graphml", "gexf"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-be"])
@pytest.mark.parametrize(
    "case",
    ["laughs", "xxe", "after-comment", "after-pi", "parameter", "unused", "internal-subset-spaces"],
)
def test_entity_declarations_refused_in_every_disguise(tmp_path, secret_file, root, encoding, case):
    prolog, node = _prologs(secret_file)[case]
    body = (GRAPHML_BODY if root == "graphml" else GEXF_BODY).format(node=node)
    declared = {"utf-8": "utf-8", "utf-16": "utf-16", "utf-16-be": "utf-16"}[encoding]
    text = f'<?xml version="1.0" encoding="{declared}"?>\n{prolog}\n{body}'
    raw = text.encode(encoding)
    if encoding == "utf-16-be":
        raw = b"\xfe\xff" + raw
    f = tmp_path / f"evil.{root}"
    f.write_bytes(raw)
    reader = read_graphml if root == "graphml" else read_gexf
    start = time.perf_counter()
    with pytest.raises(FormatError, match="declares entities") as err:
        reader(f)
    assert time.perf_counter() - start < 2
    assert SECRET not in str(err.value)
    # the same file under another name is detected, and refused the same way
    g = tmp_path / "evil.txt"
    g.write_bytes(raw)
    if encoding == "utf-8":
        with pytest.raises(FormatError, match="declares entities"):
            read_network(g)


@pytest.mark.parametrize("root", ["graphml", "gexf"])
def test_external_dtd_and_xinclude_are_not_fetched(tmp_path, secret_file, root):
    url = secret_file.as_uri()
    body = (GRAPHML_BODY if root == "graphml" else GEXF_BODY).format(node="a")
    body = body.replace(
        "<graph ",
        f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{url}" parse="text"/><graph ',
        1,
    )
    f = tmp_path / f"dtd.{root}"
    f.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE x SYSTEM "{url}">\n{body}')
    reader = read_graphml if root == "graphml" else read_gexf
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            net = reader(f)
    except FormatError as err:
        assert SECRET not in str(err)
        return
    everything = " ".join(
        str(v) for frame in (net.actors, net.ties) for v in frame.astype(str).to_numpy().ravel()
    )
    assert SECRET not in everything and SECRET not in str(net.record)
    assert sorted(net.actors.index) == ["a", "b"]


def test_an_exotic_declared_encoding_is_refused_or_read_consistently(tmp_path):
    """UTF-7 could hide '<!ENTITY' from a guard that reads bytes; ours parses like networkx."""
    hidden = "+ADw-!ENTITY e +ACI-x+ACI-+AD4-"  # '<!ENTITY e "x">' in UTF-7
    f = tmp_path / "u7.graphml"
    f.write_bytes(
        (
            f'<?xml version="1.0" encoding="utf-7"?><!DOCTYPE x [{hidden}]>'
            + GRAPHML_BODY.format(node="&e;")
        ).encode("ascii")
    )
    with pytest.raises(FormatError):
        read_graphml(f)
    g = tmp_path / "bogus.gexf"
    g.write_text('<?xml version="1.0" encoding="utf-1e309"?>' + GEXF_BODY.format(node="a"))
    with pytest.raises(FormatError, match="cannot be decoded"):
        read_gexf(g)


def test_a_plain_doctype_without_entities_is_read(tmp_path):
    f = tmp_path / "ok.graphml"
    f.write_text('<?xml version="1.0"?>\n<!DOCTYPE graphml>\n' + GRAPHML_BODY.format(node="a"))
    net = read_graphml(f)
    assert sorted(net.actors.index) == ["a", "b"] and len(net.ties) == 1


# ------------------------------------------------------------------ GML
def test_gml_has_no_entities_character_references_stay_text(tmp_path):
    f = tmp_path / "g.gml"
    f.write_text(
        'graph [ node [ id 0 label "&lol9;" ] node [ id 1 label "b &amp; c" ] '
        "edge [ source 0 target 1 ] ]"
    )
    net = read_gml(f)
    assert sorted(net.actors.index) == ["&lol9;", "b & c"]


def test_gml_deep_nesting_is_a_format_error(tmp_path):
    f = tmp_path / "deep.gml"
    f.write_text("graph [ " + "a [ " * 20_000 + "]" * 20_000 + " ]")
    start = time.perf_counter()
    with pytest.raises(FormatError, match="networkx cannot read the GML"):
        read_gml(f)
    assert time.perf_counter() - start < 5


def test_gml_huge_numbers_and_unterminated_strings(tmp_path):
    f = tmp_path / "n.gml"
    f.write_text("graph [ node [ id 0 ] node [ id 1 ] edge [ source 0 target 1 weight 1e999 ] ]")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(FormatError):
            read_gml(f)
    f.write_text('graph [ node [ id 0 label "open\n ] ]')
    with pytest.raises(FormatError, match="networkx cannot read the GML"):
        read_gml(f)


@pytest.mark.parametrize("root", ["graphml", "gexf"])
def test_deeply_nested_xml_is_read_or_refused_quickly(tmp_path, root):
    n = 100_000
    body = (GRAPHML_BODY if root == "graphml" else GEXF_BODY).format(node="a")
    deep = body.replace("</graph>", "<x>" * n + "</x>" * n + "</graph>", 1)
    f = tmp_path / f"deep.{root}"
    f.write_text(deep)
    reader = read_graphml if root == "graphml" else read_gexf
    start = time.perf_counter()
    try:
        net = reader(f)
    except FormatError:
        pass
    else:
        assert sorted(net.actors.index) == ["a", "b"]
    assert time.perf_counter() - start < 10
