"""Explorer pages written once per test session, and a headless Chromium driven by Playwright.

The browser tests skip with a clear message where Playwright (``pip install playwright``;
its driver comes with it, ``playwright install`` is not needed) or a Chromium is missing.
Set ``QUARTIERNETZ_SHOTS`` to a folder to keep the screenshots.
"""

from __future__ import annotations

import os
import shutil
import warnings
from pathlib import Path

import pytest

from quartiernetz.datasets import load_example
from quartiernetz.explorer import write_explorer

from .inputs import hostile_network

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def example_page(tmp_path_factory) -> Path:
    """The Nordstadt example's explorer (German)."""
    return write_explorer(
        load_example(), tmp_path_factory.mktemp("explorer") / "explorer.html", lang="de"
    )


@pytest.fixture(scope="session")
def hostile_page(tmp_path_factory) -> Path:
    """A quarter whose names try to break out of the page."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        net = hostile_network()
    return write_explorer(net, tmp_path_factory.mktemp("hostile") / "explorer.html", lang="de")


@pytest.fixture(scope="session")
def overview_page(tmp_path_factory) -> Path:
    """The example as a "large" network: the aggregated view above 10 actors."""
    return write_explorer(
        load_example(),
        tmp_path_factory.mktemp("overview") / "explorer.html",
        lang="en",
        detail_max=10,
    )


def _chromium() -> str:
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"):
        exe = shutil.which(name)
        if exe:
            return exe
    pytest.skip(
        "no headless browser: install Debian's chromium (apt-get install -y chromium) to run "
        "the explorer's browser tests"
    )


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium (the system's) driven by Playwright."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip(
            "playwright is not installed: pip install playwright (its driver comes with it; "
            "the system chromium is used) to run the explorer's browser tests"
        )
    exe = _chromium()
    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS, timeout=30_000)
    except Exception as err:  # a broken or sandboxed browser: say why, do not fail the suite
        pw.stop()
        pytest.skip(f"chromium at {exe} could not be started by playwright: {err}")
    yield b
    b.close()
    pw.stop()


class Opened:
    """A page opened in the browser, with what it logged and requested."""

    def __init__(self, page, messages, requests, dialogs):
        self.page = page
        self.messages = messages
        self.requests = requests
        self.dialogs = dialogs

    def errors(self) -> list[str]:
        return [text for kind, text in self.messages if kind in ("error", "pageerror")]


@pytest.fixture
def open_page(browser):
    """Open an explorer file; every request except the file itself is recorded and aborted."""
    contexts = []

    def _open(path: Path, *, width: int = 1400, height: int = 900) -> Opened:
        context = browser.new_context(viewport={"width": width, "height": height})
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        messages: list[tuple[str, str]] = []
        requests: list[str] = []
        dialogs: list[str] = []
        page.on("console", lambda m: messages.append((m.type, m.text)))
        page.on("pageerror", lambda e: messages.append(("pageerror", str(e))))

        def on_dialog(d):
            dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", on_dialog)
        own = path.resolve().as_uri()

        def route(r):
            requests.append(r.request.url)
            if r.request.url == own:
                r.continue_()
            else:
                r.abort()

        context.route("**/*", route)
        page.goto(own)
        page.wait_for_function("window.qnExplorer && window.qnExplorer.firstRender !== null")
        return Opened(page, messages, requests, dialogs)

    yield _open
    for c in contexts:
        c.close()


def keep_screenshot(page, name: str) -> None:
    """Save a screenshot into ``$QUARTIERNETZ_SHOTS`` when set."""
    folder = os.environ.get("QUARTIERNETZ_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / name))
