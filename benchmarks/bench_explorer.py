"""Benchmark: the network explorer at 5,000 actors and at programme scale, in headless Chromium.

Builds the explorer page (timing the Python side and reporting the file size), opens it
in the system's Chromium driven by Playwright, and measures

- time to first render: from the start of navigation to the first drawn frame of the map;
- draw time: the median of 15 redraws of the whole map (the drawing itself), and frame
  time: redraw until the next animation frame (at least one frame, 16.7 ms at 60 Hz);
- at programme scale (above 5,000 actors, where the page opens on the aggregated view):
  the time to load the largest community's actors on demand, and the frame time then.

Networks: ``mgh`` is the synthetic multi-generation house programme
(:func:`quartiernetz.datasets.mgh_programme`) with 108 houses (about 4,950 actors,
tree-like);
``dense`` a seeded power-law cluster graph of 5,000 actors and about 15,000 ties with
actor types (both drawn in full: 5,000 is :data:`~quartiernetz.explorer.data.DETAIL_MAX`);
``programme`` the full synthetic programme (23,076 actors; aggregated view). The catalysts
use sampled betweenness (``approximate=True``), as the report does for such networks.

Run::

    python benchmarks/bench_explorer.py                 # all three
    python benchmarks/bench_explorer.py --only dense    # one of them

Headless Chromium here draws without a GPU (software rendering), so frame times in a
browser with graphics hardware are lower.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import networkx as nx
import pandas as pd

from quartiernetz import Network
from quartiernetz.datasets import mgh_programme
from quartiernetz.explorer import write_explorer

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TYPES = ["Verein", "Schule", "Kita", "Wohlfahrtsverband", "Kommune", "Kirche", "Unternehmen"]


def dense_network(n: int = 5000, seed: int = 0) -> Network:
    """A power-law cluster graph with typed actors and intensities (seeded)."""
    G = nx.powerlaw_cluster_graph(n, 3, 0.3, seed=seed)
    actors = pd.DataFrame(
        {
            "id": [f"a{i}" for i in G.nodes],
            "label": [f"Akteur {i}" for i in G.nodes],
            "type": [TYPES[(i * 7919) % len(TYPES)] for i in G.nodes],
        }
    )
    ties = pd.DataFrame(
        {
            "source": [f"a{u}" for u, v in G.edges],
            "target": [f"a{v}" for u, v in G.edges],
            "relation": "cooperation",
            "intensity": [1 + (u + v) % 3 for u, v in G.edges],
        }
    )
    return Network(actors=actors, ties=ties, name="dense")


def networks(only: str | None) -> dict[str, tuple[Network, dict]]:
    out: dict[str, tuple[Network, dict]] = {}
    if only in (None, "mgh"):
        out["mgh"] = (
            mgh_programme(n_houses=108, partner_ties=5551, partner_ties_2006=4320, n_regions=43),
            {"approximate": True},
        )
    if only in (None, "dense"):
        out["dense"] = (dense_network(), {"approximate": True})
    if only in (None, "programme"):
        out["programme"] = (mgh_programme(), {"approximate": True})
    return out


FRAME = """async () => {
  const draw = [], frame = [];
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    window.qnExplorer.redraw();
    draw.push(performance.now() - t);
    await new Promise((r) => requestAnimationFrame(() => r()));
    frame.push(performance.now() - t);
  }
  const median = (v) => v.sort((a, b) => a - b)[7];
  return [median(draw), median(frame)];
}"""


def measure(path: Path) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    result: dict[str, float] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(path.resolve().as_uri(), timeout=120_000)
        page.wait_for_function("window.qnExplorer && qnExplorer.firstRender", timeout=120_000)
        result["first_render_ms"] = page.evaluate("qnExplorer.firstRender")
        result["draw_ms"], result["frame_ms"] = page.evaluate(FRAME)
        if page.evaluate("qnExplorer.groupView()"):
            t = time.perf_counter()
            page.locator("#qn-panel-body .qn-link").first.click()
            page.wait_for_function("!qnExplorer.groupView()")
            page.evaluate("() => new Promise((r) => requestAnimationFrame(() => r()))")
            result["load_part_ms"] = (time.perf_counter() - t) * 1000
            result["part_actors"] = len(page.evaluate("qnExplorer.visibleActors()"))
            result["part_draw_ms"], result["part_frame_ms"] = page.evaluate(FRAME)
        browser.close()
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["mgh", "dense", "programme"])
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="bench-explorer-"))
    for name, (net, options) in networks(args.only).items():
        t = time.perf_counter()
        path = write_explorer(net, folder / f"{name}.html", lang="de", **options)
        build = time.perf_counter() - t
        print(f"{name}: written {path}", flush=True)
        size = path.stat().st_size / 1e6
        m = measure(path)
        print(
            f"{name}: {len(net.actors):,} actors, {len(net.ties):,} ties; build {build:.1f} s; "
            f"file {size:.1f} MB; "
            + "; ".join(
                f"{k} {v:,.0f}" if k != "part_actors" else f"{k} {int(v):,}" for k, v in m.items()
            ),
            flush=True,
        )


if __name__ == "__main__":
    main()
