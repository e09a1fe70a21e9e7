"""Links to source lines: the anchors viewcode's pages get, and where keywords land."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build, build_once, copy_root
from helpers import body, source_lines, warnings

SOURCE = Path(__file__).parent / "roots" / "test-kwindex-source" / "srcpkg" / "feeds.py"


def _ast_lines() -> list[str]:
    return SOURCE.read_text().split("\n")


def _keyword_link(app, name: str) -> str | None:
    page = body(app, "kwindex/srcpkg.feeds")
    for code in page.select("code.kwindex-keyword"):
        if code.get_text() == name:
            link = code.find_parent("a")
            return link["href"] if link else None
    raise AssertionError(name)


@pytest.mark.parametrize("numbers", [False, True], ids=["plain", "viewcode_line_numbers"])
def test_anchors_follow_python_lines_across_form_feeds(tmp_path_factory, numbers) -> None:
    app = build_once(
        tmp_path_factory, "kwindex-source", confoverrides={"viewcode_line_numbers": numbers}
    )
    assert warnings(app) == []
    shown = source_lines(app, "srcpkg.feeds")
    lines = _ast_lines()
    for number, line in enumerate(lines[:-1], start=1):
        text = shown[number].strip()
        if numbers:
            text = text.lstrip("0123456789").strip()
        assert text == line.strip(" \x0c").split("\x0c")[0].strip(), number
    assert _keyword_link(app, "after_feed") == "../_modules/srcpkg/feeds.html#L8"
    assert _keyword_link(app, "Later.method") == "../_modules/srcpkg/feeds.html#L16"


def test_adding_the_extension_to_an_existing_output(tmp_path) -> None:
    srcdir = copy_root(tmp_path, "kwindex-source")
    without = build(
        srcdir, confoverrides={"extensions": ["sphinx.ext.autodoc", "sphinx.ext.viewcode"]}
    )
    page = Path(without.outdir) / "_modules" / "srcpkg" / "feeds.html"
    assert 'class="kwindex-line"' not in page.read_text()
    mtime = page.stat().st_mtime_ns
    app = build(srcdir)
    assert warnings(app) == []
    # viewcode did not write the page again (the module did not change): it was completed
    assert page.stat().st_mtime_ns == mtime
    assert source_lines(app, "srcpkg.feeds")[8].startswith("def after_feed(")
