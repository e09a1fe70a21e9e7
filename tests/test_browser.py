"""The example project in a real browser: Debian's Chromium driven by Playwright.

A reader's paths through the pages (documentation page -> keyword page -> keyword, Sphinx's
search box, the letter bar of the global index) and, under every theme, screenshots of the
keyword pages in light and dark mode with checks of what a reader sees: readable contrast,
no name running out of its column, no sideways scrolling, anchors not hidden under a sticky
header. Screenshots go to ``test-artifacts/screenshots/`` (not committed).
"""

from __future__ import annotations

import functools
import re
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest
from conftest import THEMES

if TYPE_CHECKING:
    from collections.abc import Iterator

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent.parent / "test-artifacts" / "screenshots"
#: Headless, and quiet: the network may be closed, and nothing should be fetched anyway.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: Themes with a dark mode that follows the system's colour scheme.
DARK_THEMES = {"furo", "pydata_sphinx_theme", "sphinx_book_theme"}
#: The lowest contrast accepted (WCAG's floor for large text; some themes' own link and code
#: colours sit between this and 4.5 in light mode, so a higher floor would judge the theme).
MIN_CONTRAST = 3.0
TIMEOUT_MS = 10_000


def _missing() -> str | None:
    if not CHROMIUM.exists():
        return (
            "browser test skipped: install chromium and chromium-driver (apt) to run it "
            f"({CHROMIUM} not found)"
        )
    if find_spec("playwright") is None:
        return "browser test skipped: pip install -e '.[test]' (playwright) to run it"
    return None


pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(_missing() is not None, reason=_missing() or ""),
]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Requests are not worth a line each."""


@contextmanager
def _served(folder: Path) -> Iterator[str]:
    """*folder* over http on 127.0.0.1 (Sphinx's search needs http, not file://)."""
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def site(example_build) -> Iterator[Any]:
    """``site(theme, **confoverrides)``: the base URL of that build, served while needed."""
    with _Sites(example_build) as sites:
        yield sites.url


class _Sites:
    def __init__(self, example_build: Any) -> None:
        self._build = example_build
        self._urls: dict[Path, str] = {}
        self._servers: list[Any] = []

    def __enter__(self) -> _Sites:
        return self

    def __exit__(self, *exc: object) -> None:
        for server in reversed(self._servers):
            server.__exit__(None, None, None)

    def url(self, theme: str, **overrides: Any) -> str:
        outdir = Path(self._build(theme, **overrides).outdir)
        if outdir not in self._urls:
            server = _served(outdir)
            self._urls[outdir] = server.__enter__()
            self._servers.append(server)
        return self._urls[outdir]


@pytest.fixture
def page(browser) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    yield context.new_page()
    context.close()


def _path(url: str) -> str:
    return urlsplit(url).path


def _hash(url: str) -> str:
    return urlsplit(url).fragment


#: True when the element is in the viewport and what a reader sees at its start is the
#: element itself, not a theme's sticky header over it.
_UNCOVERED = """element => {
  const box = element.getBoundingClientRect();
  if (box.bottom <= 0 || box.top >= window.innerHeight) return false;
  const x = box.left + Math.min(box.width / 2, 10);
  const y = Math.max(box.top, 0) + Math.min(box.height / 2, 6);
  const seen = document.elementFromPoint(x, y);
  return seen !== null && (seen === element || element.contains(seen));
}"""


def _assert_landed(page: Any, anchor: str) -> None:
    """The page shows *anchor*'s element, uncovered, once any smooth scroll has ended."""
    assert _hash(page.url) == anchor
    element = page.locator(f"[id='{anchor}']")
    assert element.count() == 1
    page.wait_for_function(_UNCOVERED, arg=element.element_handle(), timeout=TIMEOUT_MS)


def test_from_documentation_page_to_keyword_and_back(page, site):
    base = site("alabaster")
    page.goto(base + "api/core.html")
    related = page.locator("div.kwindex-related")
    related.get_by_role("link", name="tidepool.core", exact=True).click()
    page.wait_for_load_state()
    assert _path(page.url) == "/kwindex/tidepool.core.html"
    heading = page.get_by_role("heading", name="Keyword Index: tidepool.core", level=1)
    assert heading.count() == 1

    methods = page.locator("#kwindex-methods ul.kwindex-keyword-list")
    methods.get_by_role("link", name="Station.from_mapping", exact=True).click()
    page.wait_for_load_state()
    assert _path(page.url) == "/api/core.html"
    _assert_landed(page, "tidepool.core.Station.from_mapping")
    assert (
        "from_mapping"
        in page.locator("[id='tidepool.core.Station.from_mapping']").inner_text()
    )


def test_search_box_finds_a_keyword(page, site):
    base = site("alabaster")
    page.goto(base + "kwindex/tidepool.core.html")
    box = page.locator('form.search input[name="q"]')
    box.fill("from_mapping")
    box.press("Enter")
    page.wait_for_load_state()
    assert _path(page.url) == "/search.html"
    results = page.locator("#search-results ul.search li a")
    results.first.wait_for()
    page.wait_for_function(
        "() => document.querySelector('#search-results .search-summary')"
        " && !document.querySelector('#search-results').textContent.includes('Searching')"
    )
    hrefs = [str(results.nth(index).get_attribute("href")) for index in range(results.count())]
    paths = {urlsplit(href).path for href in hrefs}
    # the object's entry in its documentation page; keyword pages are kept out of the
    # search index (nosearch), as Sphinx keeps its own indices out of it
    assert any(_hash(href) == "tidepool.core.Station.from_mapping" for href in hrefs), hrefs
    assert "api/core.html" in paths, hrefs
    assert not [path for path in paths if path.startswith("kwindex/")], hrefs

    anchor = "tidepool.core.Station.from_mapping"
    page.locator(f'#search-results ul.search li a[href$="#{anchor}"]').first.click()
    page.wait_for_load_state()
    assert _path(page.url) == "/api/core.html"
    _assert_landed(page, anchor)


def test_letter_bar_of_the_global_index(page, site):
    base = site("alabaster")
    page.goto(base + "kwindex/index.html")
    bar = page.locator("p.kwindex-letter-bar")
    bar.get_by_role("link", name="T", exact=True).click()
    _assert_landed(page, "kwindex-letter-T")
    section = page.locator("#kwindex-letter-T")
    assert section.locator("p.rubric").inner_text() == "T"
    names = section.locator("dt code.kwindex-keyword").all_inner_texts()
    assert names
    assert all(name.upper().startswith("T") for name in names), names


def test_letter_bar_of_split_letter_pages(page, site):
    base = site("alabaster", kwindex_index_split=10)
    page.goto(base + "kwindex/index.html")
    page.locator("p.kwindex-letter-bar").get_by_role("link", name="T", exact=True).click()
    page.wait_for_load_state()
    assert _path(page.url) == "/kwindex/index-T.html"
    bar = page.locator("p.kwindex-letter-bar")
    # the current letter is not a link; the others are
    assert bar.get_by_role("link", name="T", exact=True).count() == 0
    bar.get_by_role("link", name="R", exact=True).click()
    page.wait_for_load_state()
    assert _path(page.url) == "/kwindex/index-R.html"
    names = page.locator("dl.kwindex-names > dt code.kwindex-keyword").all_inner_texts()
    assert names
    assert all(name.upper().startswith("R") for name in names), names


# What is measured on a page under a theme, in the page.

_COLOURS = """selector => Array.from(document.querySelectorAll(selector)).slice(0, 30)
  .map(e => {
    const layers = [];
    for (let up = e; up; up = up.parentElement) {
      layers.push(getComputedStyle(up).backgroundColor);
    }
    const text = e.textContent.trim().slice(0, 40);
    return {text: text, color: getComputedStyle(e).color, layers: layers};
  })"""

_OVERFLOWING = """selector => Array.from(document.querySelectorAll(selector))
  .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent.trim())"""

_WIDER = """selector => Array.from(document.querySelectorAll(selector))
  .filter(e => e.offsetWidth > e.parentElement.clientWidth + 1)
  .map(e => `${e.className}: ${e.offsetWidth}px in ${e.parentElement.clientWidth}px`)"""

_BULLETED = """selector => Array.from(document.querySelectorAll(selector))
  .flatMap(list => Array.from(list.children))
  .filter(e => getComputedStyle(e).listStyleType !== 'none')
  .map(e => e.textContent.trim())"""

_SIDEWAYS = "() => document.documentElement.scrollWidth - window.innerWidth"

#: Text whose contrast is checked on keyword pages (links, plain names, labels, the bar).
READABLE = [
    "ul.kwindex-keyword-list code.kwindex-keyword",
    "dl.kwindex-fields > dt",
    "table.kwindex-section-table td",
    "p.kwindex-letter-bar a",
    "dl.kwindex-names > dt code.kwindex-keyword",
    "dl.kwindex-names > dd",
]

_COLOUR = re.compile(
    r"rgba?\((?P<r>[\d.]+),\s*(?P<g>[\d.]+),\s*(?P<b>[\d.]+)(?:,\s*(?P<a>[\d.]+))?\)"
    r"|color\(srgb (?P<sr>[\d.]+) (?P<sg>[\d.]+) (?P<sb>[\d.]+)(?: / (?P<sa>[\d.]+))?\)"
)


def _rgba(text: str) -> tuple[float, float, float, float]:
    """A computed CSS colour as red, green, blue in 0..1 and alpha."""
    found = _COLOUR.fullmatch(text.strip())
    assert found is not None, f"colour not understood: {text}"
    if found["r"] is not None:
        alpha = float(found["a"]) if found["a"] is not None else 1.0
        return float(found["r"]) / 255, float(found["g"]) / 255, float(found["b"]) / 255, alpha
    alpha = float(found["sa"]) if found["sa"] is not None else 1.0
    return float(found["sr"]), float(found["sg"]), float(found["sb"]), alpha


def _over(top: tuple[float, ...], below: tuple[float, ...]) -> tuple[float, ...]:
    """*top* painted over the opaque colour *below*."""
    alpha = top[3]
    red, green, blue = (top[i] * alpha + below[i] * (1 - alpha) for i in range(3))
    return red, green, blue, 1.0


def _luminance(colour: tuple[float, ...]) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in colour[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _contrast(sample: dict[str, Any]) -> tuple[float, float]:
    """The contrast of a sample's text with what is behind it, and the background's
    luminance (layers from the element up to the root, over a white canvas)."""
    background: tuple[float, ...] = (1.0, 1.0, 1.0, 1.0)
    for layer in reversed(sample["layers"]):
        background = _over(_rgba(layer), background)
    text = _over(_rgba(sample["color"]), background)
    lighter, darker = sorted((_luminance(text), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05), _luminance(background)


def _check_readable(page: Any, where: str, dark: bool) -> list[str]:
    problems = []
    for selector in READABLE:
        for sample in page.evaluate(_COLOURS, selector):
            ratio, background = _contrast(sample)
            if ratio < MIN_CONTRAST:
                problems.append(
                    f"{where}: {selector} {sample['text']!r}: contrast {ratio:.2f}"
                )
            if dark and background > 0.2:
                problems.append(
                    f"{where}: {selector} {sample['text']!r} on a light background"
                )
    return problems


def _check_layout(page: Any, where: str) -> list[str]:
    problems = []
    for selector in ("ul.kwindex-keyword-list > li", "ul.kwindex-related-list > li"):
        for text in page.evaluate(_OVERFLOWING, selector):
            problems.append(f"{where}: {text!r} runs out of its column")
    for text in page.evaluate(
        _WIDER, "table.kwindex-section-table, table.kwindex-related-table"
    ):
        problems.append(f"{where}: a table is wider than the text ({text})")
    lists = "ul.kwindex-keyword-list, ul.kwindex-related-list, ul.kwindex-xref-list"
    for text in page.evaluate(_BULLETED, lists):
        problems.append(f"{where}: {text!r} has a bullet")
    sideways = page.evaluate(_SIDEWAYS)
    if sideways > 0:
        problems.append(f"{where}: the page scrolls sideways by {sideways}px")
    return problems


SHOTS = {
    "module": "kwindex/tidepool.core.html",
    "index": "kwindex/index.html",
    "document": "guide.html",
}


@pytest.mark.parametrize("theme", THEMES)
def test_keyword_pages_under_theme(browser, site, theme):
    base = site(theme)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    schemes = ["light", "dark"] if theme in DARK_THEMES else ["light"]
    for scheme in schemes:
        context = browser.new_context(
            viewport={"width": 1280, "height": 1600}, color_scheme=scheme
        )
        context.set_default_timeout(TIMEOUT_MS)
        page = context.new_page()
        try:
            for name, path in SHOTS.items():
                page.goto(base + path)
                page.wait_for_load_state("load")
                where = f"{theme} {scheme} {path}"
                problems += _check_readable(page, where, dark=scheme == "dark")
                problems += _check_layout(page, where)
                page.screenshot(path=str(ARTIFACTS / f"{theme}-{name}-{scheme}.png"))
            # a letter of the bar lands on its section, below any sticky header
            page.goto(base + "kwindex/index.html")
            page.locator("p.kwindex-letter-bar").get_by_role(
                "link", name="R", exact=True
            ).click()
            _assert_landed(page, "kwindex-letter-R")
        finally:
            context.close()
    assert problems == []


def test_keyword_page_on_a_phone(browser, site):
    """A narrow screen: one column of names, nothing wider than the screen."""
    base = site("furo")
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(base + "kwindex/tidepool.core.html")
        assert _check_layout(page, "furo 390px") == []
        page.screenshot(path=str(ARTIFACTS / "furo-module-phone.png"), full_page=True)
    finally:
        context.close()
