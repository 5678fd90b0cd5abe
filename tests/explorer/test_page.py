"""The explorer page without a browser: data, safe JSON, CSP, no external URL, vendoring."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import warnings
from importlib import resources

import numpy as np
import pandas as pd
import pytest

import quartiernetz as qn
from quartiernetz.datasets import load_example
from quartiernetz.exceptions import QuartiernetzError
from quartiernetz.explorer import (
    VENDOR_VERSIONS,
    ExplorerView,
    explore,
    explorer_data,
    explorer_html,
    safe_json,
)
from quartiernetz.explorer.texts import EXPLORER_TEXTS
from quartiernetz.plotting import layout, type_styles

from .inputs import COMMENT, IMG, MAIL, SCRIPT, UMLAUT, hostile_network


@pytest.fixture(scope="module")
def example():
    return load_example()


@pytest.fixture(scope="module")
def example_pos(example):
    return layout(example, seed=0)


@pytest.fixture(scope="module")
def example_data(example, example_pos):
    return explorer_data(example, pos=example_pos)


@pytest.fixture(scope="module")
def example_html(example, example_pos):
    return explorer_html(example, lang="en", pos=example_pos)


@pytest.fixture(scope="module")
def hostile():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return hostile_network()


def _scripts(page: str) -> list[tuple[str, str]]:
    """(opening tag, content) of every script element."""
    return re.findall(r"(<script[^>]*>)(.*?)</script>", page, flags=re.S)


def test_safe_json_escapes_what_could_end_the_script():
    hostile = ["</script>", "<!--", "a\u2028b\u2029c", "\x07\x1b", "&amp;", "Müller"]
    text = safe_json({"names": hostile})
    for bad in ("<", ">", "&", "\u2028", "\u2029", "\x07", "\x1b", "ü"):
        assert bad not in text
    assert json.loads(text) == {"names": hostile}


def test_positions_colours_and_shapes_are_the_static_maps(example):
    # computed here by the explorer itself (no positions given)
    data = explorer_data(example, seed=3)
    a = data["actors"]
    pos = layout(example, seed=3, weight="weight").reindex(example.actors.index)
    assert np.allclose(a["x"], pos["x"], atol=1e-5)
    assert np.allclose(a["y"], pos["y"], atol=1e-5)
    styles = type_styles(example.actors["type"])
    for i, actor in enumerate(example.actors.index):
        t = data["types"][a["type"][i]]
        assert t["name"] == example.actors.loc[actor, "type"]
        assert t["color"] == styles.loc[t["name"], "color"]
    markers = {row["marker"] for _, row in styles.iterrows()}
    assert len({t["shape"] for t in data["types"]}) == len(markers)


def test_dependence_and_catalysts_come_from_the_public_analyses(example, example_data):
    a = example_data["actors"]
    impact = qn.removal_impact(example).reindex(example.actors.index)
    assert a["pairs_disconnected"] == impact["pairs_disconnected"].astype(int).tolist()
    assert a["actors_cut_off"] == impact["actors_cut_off"].astype(int).tolist()
    cat = qn.catalysts(example, seed=0)
    top = example.actors.index[a["rank"].index(1)]
    assert top == cat.index[0]
    assert a["why_de"][a["rank"].index(1)] != a["why_en"][a["rank"].index(1)]


def test_planted_competitors_and_structures_are_in_the_data(example, example_data):
    ids = list(example.actors.index)
    t = example.ties
    planted = t[t["relation"] == "competition"]
    expected = sorted(
        sorted([ids.index(s), ids.index(g)])
        for s, g in zip(planted.source, planted.target, strict=True)
    )
    assert example_data["competition"] == expected
    clusters = qn.competitor_clusters(example, seed=0)
    assert len(example_data["competitors"]) == len(clusters)
    assert len(example_data["duplicates"]) == len(qn.duplicates(example))
    assert len(example_data["suggestions"]) == len(qn.suggest_ties(example, n=10))
    # every competition pair is left out of the cooperation ties
    coop = {(x[0], x[1]) for x in example_data["ties"]}
    assert not coop & {tuple(p) for p in expected}


def test_hostile_names_cannot_leave_the_data_element(hostile):
    page = explorer_html(hostile, lang="de", title=SCRIPT)
    scripts = _scripts(page)
    assert len(scripts) == 3  # data, library, explorer: nothing else opened or closed one
    assert page.count("</script") == 3
    assert "<!--" not in page
    assert "\u2028" not in page and "\u2029" not in page
    assert IMG not in page and COMMENT not in page
    data = json.loads(scripts[0][1])
    assert SCRIPT in data["actors"]["label"]
    # the title is escaped where it is shown
    assert "&lt;/script&gt;" in page


def test_no_personal_columns_and_pseudonyms_stay(hostile, example, example_data):
    # only the fields the report shows: no further actor column reaches the page
    assert set(example_data["actors"]) == {
        "label",
        "id",
        "x",
        "y",
        "r",
        "type",
        "score",
        "rank",
        "why_de",
        "why_en",
        "pairs_disconnected",
        "actors_cut_off",
        "community",
        "committees",
        "offers",
    }
    assert {"founded", "staff"} <= set(example.actors.columns)
    assert MAIL not in explorer_html(hostile, lang="en")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pnet, keys = qn.pseudonymize(hostile, key="explorer-test-key-0123456789")
    labels = explorer_data(pnet)["actors"]["label"]
    assert set(labels) == set(keys["pseudonym"])
    assert not set(labels) & set(hostile.actors["label"])
    page = explorer_html(pnet, lang="de")
    assert safe_json("Kita & Hort") not in page and safe_json(UMLAUT) not in page


def test_csp_allows_only_the_pages_own_scripts_and_no_requests(example_html):
    page = example_html
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    csp = csp.replace("&#x27;", "'")
    for rule in (
        "default-src 'none'",
        "connect-src 'none'",
        "img-src data: blob:",
        "font-src 'none'",
        "frame-src 'none'",
        "form-action 'none'",
        "base-uri 'none'",
    ):
        assert rule in csp
    # the two executable scripts are allowed by their hashes; nothing else is
    run = [body for tag, body in _scripts(page) if "application/json" not in tag]
    assert len(run) == 2
    for body in run:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "unsafe-eval" not in csp


def test_no_external_url_is_referenced(example_html):
    page = example_html
    # nothing that a browser would load: src/href/action/poster/srcset attributes, CSS
    # url() or @import, fetches or imports of http(s) or protocol-relative addresses
    loaders = [
        r"""(?:src|href|action|poster|srcset|data)\s*=\s*["']?\s*(?:https?:)?//""",
        r"""url\(\s*["']?\s*(?:https?:)?//""",
        r"""@import""",
        r"""<(?:link|iframe|object|embed|base)\b""",
        r"""(?:fetch|importScripts|XMLHttpRequest|WebSocket|EventSource|sendBeacon)\s*\(\s*["'](?:https?:)?//""",
    ]
    for pattern in loaders:
        assert not re.search(pattern, page, flags=re.I), pattern
    # the only URLs in the file are the library's licence notes, namespaces and
    # comments, none on a page element
    html_only = re.sub(r"<script[^>]*>.*?</script>", "", page, flags=re.S)
    assert not re.search(r"https?://", html_only)


def test_vendored_library_has_its_licence_and_version():
    vendor = resources.files("quartiernetz.explorer").joinpath("vendor")
    info = VENDOR_VERSIONS["vis-network"]
    js = vendor.joinpath(info["file"]).read_bytes()
    assert hashlib.sha256(js).hexdigest() == info["sha256"]
    assert f"@version {info['version']}" in js[:2000].decode()
    for name in info["license_files"]:
        assert "Permission" in vendor.joinpath(name).read_text() or "Apache" in (
            vendor.joinpath(name).read_text()
        )


def test_both_languages_have_the_same_words():
    assert set(EXPLORER_TEXTS["de"]) == set(EXPLORER_TEXTS["en"])
    for lang in ("de", "en"):
        for key, text in EXPLORER_TEXTS[lang].items():
            fields = set(re.findall(r"\{(\w+)", text))
            assert fields == set(re.findall(r"\{(\w+)", EXPLORER_TEXTS["en"][key])), key


def test_explore_writes_a_file_or_returns_an_inline_view(example, example_pos, tmp_path):
    path = explore(example, tmp_path / "x.html", lang="en", pos=example_pos)
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    view = explore(example, lang="en", height=500, pos=example_pos)
    assert isinstance(view, ExplorerView)
    shown = view._repr_html_()
    assert shown.startswith("<iframe srcdoc=")
    assert 'sandbox="allow-scripts"' in shown and "height:500px" in shown
    # the srcdoc is the same page, attribute-escaped
    assert "<script" not in shown and "&lt;script" in shown
    with pytest.raises(QuartiernetzError):
        explore(example, lang="fr")
    with pytest.raises(QuartiernetzError):
        explore(example, colour="red")
    with pytest.raises(QuartiernetzError, match="no position"):
        explore(example, pos=example_pos.iloc[:3])


def test_explorer_needs_a_network():
    import networkx as nx

    with pytest.raises(QuartiernetzError):
        explorer_data(nx.path_graph(3))


def test_relations_and_intensities_are_kept_per_tie(example, example_data):
    rels = example_data["relations"]
    assert "competition" not in rels and "cooperation" in rels
    t = example.ties
    row = t[(t.relation == "funding")].iloc[0]
    ids = list(example.actors.index)
    a, b = sorted([ids.index(row.source), ids.index(row.target)])
    tie = next(x for x in example_data["ties"] if x[0] == a and x[1] == b)
    assert [rels.index("funding"), float(row.intensity)] in [list(r) for r in tie[3]]
    assert isinstance(pd.Series(example_data["actors"]["r"]).max(), float)


def test_small_networks_without_types_or_ties():
    from quartiernetz import Network

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        net = Network(
            actors=pd.DataFrame({"id": [1, 2, 3]}),
            ties=pd.DataFrame({"source": [1], "target": [2]}),
        )
        alone = Network(
            actors=pd.DataFrame({"id": ["a"]}), ties=pd.DataFrame({"source": [], "target": []})
        )
    d = explorer_data(net)
    assert d["actors"]["label"] == ["1", "2", "3"]
    assert [t[:2] for t in d["ties"]] == [[0, 1]]
    assert d["types"] == [{"name": None, "sector": 0, "color": "#9A9A9A", "shape": "dot"}]
    assert explorer_data(alone)["ties"] == []


@pytest.mark.parametrize(
    ("name", "lang", "want"),
    [
        ("nordstadt", "de", "Netzwerk-Explorer: Nordstadt"),
        ("nordstadt", "en", "Network explorer: Nordstadt"),
        ("NordStadt-2024", "en", "Network explorer: NordStadt-2024"),
    ],
)
def test_default_title_reads_like_the_report_title(example, name, lang, want):
    import copy

    net = copy.deepcopy(example)
    net.name = name
    page = explorer_html(net, lang=lang)
    assert f"<title>{want}</title>" in page
