"""The example project under each supported HTML theme: a clean build, our stylesheet linked
after the theme's own (so that its rules win ties), our markup on the pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import THEMES
from helpers import html, warnings

from sphinx_kwindex._static import STYLESHEET

#: Each theme's main stylesheet, which ours must follow.
THEME_CSS = {
    "alabaster": "_static/alabaster.css",
    "furo": "_static/styles/furo.css",
    "sphinx_rtd_theme": "_static/css/theme.css",
    "pydata_sphinx_theme": "_static/styles/pydata-sphinx-theme.css",
    "sphinx_book_theme": "_static/styles/sphinx-book-theme.css",
}

PAGES = ["kwindex/index", "kwindex/tidepool.core", "kwindex/tidepool.readers", "api/core"]


def _stylesheets(app, docname: str) -> list[str]:
    """The stylesheets a page links, in order, relative to the output folder."""
    depth = docname.count("/")
    found = []
    for link in html(app, docname).select('link[rel="stylesheet"]'):
        href = str(link["href"]).split("?")[0]
        found.append(href.removeprefix("../" * depth))
    return found


@pytest.mark.parametrize("theme", THEMES)
def test_theme_builds_cleanly_with_our_stylesheet(example_build, theme):
    app = example_build(theme)
    assert warnings(app) == []
    outdir = Path(app.outdir)
    assert (outdir / "_static" / "kwindex.css").read_bytes() == STYLESHEET.read_bytes()
    for docname in PAGES:
        sheets = _stylesheets(app, docname)
        assert "_static/kwindex.css" in sheets, (theme, docname, sheets)
        assert THEME_CSS[theme] in sheets, (theme, docname, sheets)
        assert sheets.index("_static/kwindex.css") > sheets.index(THEME_CSS[theme])


@pytest.mark.parametrize("theme", THEMES)
def test_theme_pages_carry_our_classes(example_build, theme):
    app = example_build(theme)
    module = html(app, "kwindex/tidepool.core")
    assert module.select_one("dl.kwindex-fields") is not None
    assert len(module.select("ul.kwindex-keyword-list")) == 4
    assert module.select_one("table.kwindex-section-table") is not None
    assert module.select_one("table.kwindex-related-table tr.kwindex-current") is not None
    index = html(app, "kwindex/index")
    letters = [a.get_text() for a in index.select("p.kwindex-letter-bar > a")]
    assert letters[:3] == ["A", "C", "D"]
    # every letter's list has the compact look, whatever its entries (themes style a
    # non-compact definition list as API signatures)
    lists = index.select("dl.kwindex-names")
    assert len(lists) == len(letters)
    assert all("simple" in dl["class"] for dl in lists)
    documentation = html(app, "api/core")
    assert documentation.select_one("div.kwindex-related ul.kwindex-related-list") is not None


def test_letter_pages_are_compact_lists(example_build):
    app = example_build("alabaster", kwindex_index_split=10)
    assert warnings(app) == []
    page = html(app, "kwindex/index-T")
    bar = page.select_one("p.kwindex-letter-bar")
    assert bar is not None
    assert [strong.get_text() for strong in bar.find_all("strong", recursive=False)] == ["T"]
    lists = page.select("dl.kwindex-names")
    assert len(lists) == 1
    assert "simple" in lists[0]["class"]
