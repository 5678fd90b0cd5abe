"""The explorer driven for real in headless Chromium (Playwright, the system's browser).

Each test has a timeout; together they take well under a minute. Skipped with a clear
message where Playwright or Chromium is missing (see ``conftest.py``).
"""

from __future__ import annotations

import pytest

import quartiernetz as qn
from quartiernetz.datasets import load_example
from quartiernetz.plotting.style import visible_text

from .conftest import keep_screenshot
from .inputs import IMG, SCRIPT, UMLAUT

pytestmark = pytest.mark.timeout(60)


@pytest.fixture(scope="module")
def net():
    return load_example()


def _labels(net):
    return net.actors["label"].to_dict()


def _hits(page) -> list[str]:
    return page.locator("#qn-hits [role=option] span:first-child").all_inner_texts()


def _click_actor(page, index: int) -> None:
    """Click the actor's point on the canvas (a real mouse click)."""
    pos = page.evaluate(f"qnExplorer.domPosition({index})")
    box = page.locator("#qn-map canvas").bounding_box()
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])


def test_search_finds_names_with_umlauts_and_parts(example_page, open_page, net):
    o = open_page(example_page)
    page = o.page
    page.fill("#qn-search", "Quartiersmanagement")
    assert _hits(page) == ["Quartiersmanagement Nordstadt"]
    for query in ("nordstädter", "Nordstaedter", "NORDSTADTER", "tafel"):
        page.fill("#qn-search", query)
        assert "Nordstädter Tafel e.V." in _hits(page), query
    page.fill("#qn-search", "xyz-nobody")
    assert _hits(page) == []
    assert page.inner_text("#qn-hits-status") == "Kein Akteur gefunden."
    assert o.errors() == [] and o.dialogs == []


def test_clicking_an_actor_opens_its_panel_with_its_partners(example_page, open_page, net):
    o = open_page(example_page)
    page = o.page
    ids = list(net.actors.index)
    i = ids.index("qm-nord")
    _click_actor(page, i)
    page.wait_for_function("qnExplorer.state.selected !== null")
    assert page.evaluate("qnExplorer.state.selected") == i
    labels = _labels(net)
    assert page.inner_text("#qn-panel-title") == labels["qm-nord"]
    G = qn.as_graph(net, directed=False)
    expected = sorted(labels[p] for p in G.neighbors("qm-nord"))
    shown = page.locator("#qn-panel-body li .qn-link").all_inner_texts()
    partners = shown[: len(expected)]
    assert sorted(partners) == expected
    body = page.inner_text("#qn-panel-body")
    impact = qn.removal_impact(net).loc["qm-nord", "pairs_disconnected"]
    assert f"Ohne diesen Akteur verlieren {impact} Paare ihre Verbindung." in body
    assert "Katalysator-Wert" in body and "Warum" in body
    assert "Stadtteilkonferenz Nordstadt" in body  # a committee
    keep_screenshot(page, "explorer-panel.png")
    assert o.errors() == []


def test_sector_filter_hides_the_other_sectors(example_page, open_page, net):
    o = open_page(example_page)
    page = o.page
    assert len(page.evaluate("qnExplorer.visibleActors()")) == len(net.actors)
    boxes = page.locator("#qn-sectors input[type=checkbox]")
    for k in range(boxes.count()):
        if boxes.nth(k).get_attribute("data-sector") != "education":
            boxes.nth(k).uncheck()
    visible = page.evaluate("qnExplorer.visibleActors()")
    ids = list(net.actors.index)
    from quartiernetz.plotting import sector_of

    expected = sorted(
        i for i, a in enumerate(ids) if sector_of(net.actors.loc[a, "type"]) == "education"
    )
    assert sorted(visible) == expected and 0 < len(expected) < len(ids)
    # ties to hidden actors are hidden too
    for a, b in page.evaluate("qnExplorer.visibleEdges('t')"):
        assert a in expected and b in expected
    assert o.errors() == []


def test_competitor_toggle_shows_the_planted_competition_ties(example_page, open_page, net):
    o = open_page(example_page)
    page = o.page
    assert page.evaluate("qnExplorer.visibleEdges('c')") == []
    page.check("#qn-t-competition")
    shown = sorted(sorted(p) for p in page.evaluate("qnExplorer.visibleEdges('c')"))
    ids = list(net.actors.index)
    t = net.ties[net.ties["relation"] == "competition"]
    planted = sorted(
        sorted([ids.index(a), ids.index(b)]) for a, b in zip(t.source, t.target, strict=True)
    )
    assert shown == planted and len(planted) == 3
    # every planted competitor is a member of a competitor cluster
    members = {m for ms in qn.competitor_clusters(net, seed=0)["members"] for m in ms}
    assert {ids[i] for p in planted for i in p} <= members
    # duplicates, suggestions and communities
    page.check("#qn-t-duplicates")
    dup = qn.duplicates(net)
    a = ids.index(dup[dup["kind"] == "offer"].iloc[0]["a"])
    assert page.evaluate(f"qnExplorer.nodeBorder({a})") == pytest.approx(1.5)
    marked = set()
    for r in dup.itertuples():
        marked |= set(r.shared) if r.kind == "committee" else {r.a, r.b}
    plain = next(x for x in ids if x not in marked)
    assert page.evaluate(f"qnExplorer.nodeBorder({ids.index(plain)})") == pytest.approx(1)
    page.check("#qn-t-suggestions")
    assert len(page.evaluate("qnExplorer.visibleEdges('s')")) == len(qn.suggest_ties(net, n=10))
    page.check("#qn-t-communities")
    colours = {page.evaluate(f"qnExplorer.nodeColor({i})") for i in range(len(ids))}
    assert len(colours) == qn.communities(net, seed=0, weight="weight").nunique()
    keep_screenshot(page, "explorer-toggles.png")
    assert o.errors() == []


def test_what_if_greys_out_the_actors_cut_off(example_page, open_page, net):
    o = open_page(example_page)
    page = o.page
    ids = list(net.actors.index)
    impact = qn.removal_impact(net)
    actor = impact["actors_cut_off"].idxmax()
    i = ids.index(actor)
    page.check("#qn-t-whatif")
    page.evaluate(f"qnExplorer.select({i})")
    cut = page.evaluate(f"qnExplorer.cutOff({i})")
    assert len(cut) == impact.loc[actor, "actors_cut_off"] > 0
    for c in cut:
        assert page.evaluate(f"qnExplorer.nodeColor({c})") == "#D9D9D9"
    text = page.inner_text("#qn-whatif")
    assert f"{impact.loc[actor, 'pairs_disconnected']} Paare" in text
    assert o.errors() == []


def test_keyboard_alone_with_visible_focus_and_language_switch(example_page, open_page, net):
    o = open_page(example_page)
    page = o.page
    page.keyboard.press("Tab")  # the skip link
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.id === 'qn-search'")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    page.keyboard.type("mehrgeneration")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.id === 'qn-panel-title'")
    assert page.inner_text("#qn-panel-title") == "Mehrgenerationenhaus Nordstadt"
    page.keyboard.press("Tab")  # the first partner
    first = page.evaluate("document.activeElement.textContent")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.getElementById('qn-panel-title').textContent === {first!r}")
    # contrast of the panel's text and links on white (WCAG AA: 4.5)
    ratios = page.evaluate(
        """() => {
        const lum = (c) => { const v = c.match(/\\d+/g).slice(0, 3).map(Number).map((x) => {
            x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
          return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
        const sel = ['#qn-panel-title', '.qn-link', '.qn-hint', 'legend', 'label'];
        return sel.map((s) => { const e = document.querySelector(s);
          return (1.05) / (lum(getComputedStyle(e).color) + 0.05); });
        }"""
    )
    assert min(ratios) >= 4.5, ratios
    # the map itself: a labelled, focusable element whose arrow keys pan the view
    frame = page.locator("#qn-map .vis-network")
    assert frame.get_attribute("role") == "application" and frame.get_attribute("aria-label")
    frame.focus()
    before = page.evaluate("qnExplorer.network().getViewPosition().x")
    page.keyboard.down("ArrowLeft")
    page.wait_for_timeout(200)
    page.keyboard.up("ArrowLeft")
    assert page.evaluate("qnExplorer.network().getViewPosition().x") < before
    page.click("#qn-lang-en")
    assert page.inner_text("#qn-toggles legend") == "Show"
    assert "Cooperation partners" in page.inner_text("#qn-panel-body")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert o.errors() == []


def test_hostile_names_are_text_and_nothing_runs(hostile_page, open_page):
    o = open_page(hostile_page)
    page = o.page
    for name, query in ((SCRIPT, "script"), (IMG, "onerror"), (UMLAUT, "mullerstr")):
        page.fill("#qn-search", query)
        page.keyboard.press("Enter")
        page.wait_for_function(
            f"document.getElementById('qn-panel-title').textContent === {visible_text(name)!r}"
        )
    # the markup stayed text: no element was created from a name
    assert page.locator("#qn-panel img, #qn-panel script").count() == 0
    assert page.evaluate("document.scripts.length") == 3
    assert page.evaluate("document.images.length") == 0
    page.wait_for_timeout(100)
    assert o.dialogs == []
    assert o.errors() == []
    assert page.evaluate("typeof window.alert") == "function"


def test_no_request_leaves_the_page(example_page, hostile_page, open_page):
    for path in (example_page, hostile_page):
        o = open_page(path)
        page = o.page
        page.fill("#qn-search", "a")
        page.keyboard.press("Enter")
        page.check("#qn-t-competition")
        page.click("#qn-lang-en")
        page.wait_for_timeout(100)
        assert o.requests == [path.resolve().as_uri()]
        assert not [t for k, t in o.messages if "Content Security Policy" in t]


def test_large_networks_open_on_the_overview_and_load_one_part(overview_page, open_page, net):
    o = open_page(overview_page)
    page = o.page
    assert page.evaluate("qnExplorer.groupView()") is True
    assert page.evaluate("qnExplorer.visibleActors()") == []
    assert page.is_visible("#qn-overview")
    comm = qn.communities(net, seed=0, weight="weight")
    buttons = page.locator("#qn-panel-body .qn-link")
    assert buttons.count() == comm.nunique()
    buttons.first.click()
    visible = page.evaluate("qnExplorer.visibleActors()")
    ids = list(net.actors.index)
    assert sorted(visible) == sorted(ids.index(a) for a in comm[comm == 0].index)
    # a search for an actor of another part loads that part
    other = comm[comm != 0].index[0]
    page.fill("#qn-search", net.actors.loc[other, "label"])
    page.keyboard.press("Enter")
    visible = page.evaluate("qnExplorer.visibleActors()")
    assert ids.index(other) in visible
    assert sorted(visible) == sorted(ids.index(a) for a in comm[comm == comm[other]].index)
    page.click("#qn-back")
    assert page.evaluate("qnExplorer.groupView()") is True
    assert o.errors() == []


def test_inline_view_runs_the_same_page_in_a_sandboxed_iframe(browser, tmp_path):
    from quartiernetz.explorer import explore

    view = explore(load_example(), lang="en", height=600, detail_max=10)
    host = tmp_path / "notebook.html"
    host.write_text(
        # a host page in another encoding than the explorer's own
        "<!DOCTYPE html><html><head><meta charset='windows-1252'></head><body>"
        + view._repr_html_()
        + "</body></html>",
        encoding="cp1252",
    )
    context = browser.new_context(viewport={"width": 1200, "height": 700})
    context.set_default_timeout(15_000)
    try:
        page = context.new_page()
        errors = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(host.resolve().as_uri())
        frame = page.frame_locator("iframe")
        frame.locator("#qn-panel-title").wait_for()
        assert frame.locator("#qn-panel-title").inner_text() == "Overview"
        inner = page.frames[1]
        inner.wait_for_function("window.qnExplorer && qnExplorer.firstRender !== null")
        assert inner.evaluate("qnExplorer.groupView()") is True
        assert errors == []
    finally:
        context.close()
