"""Broken sources, bad arguments: one clear warning each, with a location; the build goes on"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import sphinx
from conftest import build_once
from helpers import body, keyword_texts, kwindex_json, warnings


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    return build_once(tmp_path_factory, "kwindex-broken")


def test_each_problem_gives_one_warning_with_its_location(broken) -> None:
    ours = sorted(line for line in warnings(broken) if "[kwindex" in line)
    assert ours == sorted(
        [
            "brokenpkg/badbytes.py:2: WARNING: cannot index module 'brokenpkg.badbytes': "
            "the file is not valid utf-8 (byte 0xff) [kwindex.read]",
            "brokenpkg/deep.py:3: WARNING: cannot index module 'brokenpkg.deep': "
            "syntax error: too many nested parentheses [kwindex.parse]",
            "brokenpkg/fastmod.abi3.so:1: WARNING: cannot index module 'brokenpkg.fastmod': "
            "it is a compiled extension and has no Python source [kwindex.locate]",
            "brokenpkg/longexpr.py:1: WARNING: cannot index module 'brokenpkg.longexpr': "
            "the code is nested too deeply to parse [kwindex.parse]",
            "brokenpkg/nul.py:2: WARNING: cannot index module 'brokenpkg.nul': "
            "the source contains a NUL byte [kwindex.parse]",
            "brokenpkg/syntax.py:3: WARNING: cannot index module 'brokenpkg.syntax': "
            "syntax error: invalid syntax [kwindex.parse]",
            "index.rst:13: WARNING: 'NoSuchName' is not a keyword of this project "
            "[kwindex.ref]",
            "index.rst:6: WARNING: cannot index module 'brokenpkg.missing': "
            "its source file was not found on the module path [kwindex.locate]",
            "directives.md:3: WARNING: kwindex: '../../etc/passwd' is not a dotted module "
            "name [kwindex.directive]",
            "directives.md:6: WARNING: related-files: no module given, and this page "
            "documents none before the directive [kwindex.directive]",
        ]
    )
    # the only other warning is autodoc's own, about the module it cannot import
    others = [
        line for line in warnings(broken) if "WARNING" in line and "[kwindex" not in line
    ]
    assert len(others) == 1
    # Sphinx 9's autodoc no longer names the kind of object it failed to import
    kind = "" if sphinx.version_info >= (9, 0) else "module "
    assert others[0].startswith(
        f"WARNING: autodoc: failed to import {kind}'missing' from module 'brokenpkg'; "
    )


def test_pages_of_broken_modules_say_why(broken) -> None:
    page = body(broken, "kwindex/brokenpkg.syntax")
    problem = page.select_one(".kwindex-problem")
    assert problem.get_text(" ", strip=True).endswith(
        "No keywords could be collected: syntax error: invalid syntax (line 3)."
    )
    assert keyword_texts(page, "attributes") == []
    missing = body(broken, "kwindex/brokenpkg.missing")
    assert "its source file was not found" in missing.select_one(".kwindex-problem").get_text()
    data = kwindex_json(broken)["modules"]
    assert data["brokenpkg.syntax"]["problem"] == {
        "kind": "parse",
        "message": "syntax error: invalid syntax",
        "line": 3,
    }
    assert data["brokenpkg.syntax"]["lines"] == 4
    assert data["brokenpkg.badbytes"]["path"] is None


def test_other_modules_are_still_indexed(broken) -> None:
    assert keyword_texts(body(broken, "kwindex/brokenpkg"), "attributes") == ["GOOD"]
    latin = body(broken, "kwindex/brokenpkg.latin")
    assert keyword_texts(latin, "attributes") == ["café"]
    assert keyword_texts(latin, "functions") == ["naïve"]
    empty = body(broken, "kwindex/brokenpkg.empty")
    assert "defines and imports nothing" in empty.find(id="kwindex-keywords").get_text()


def test_the_users_modules_are_never_imported(broken) -> None:
    assert "brokenpkg.explodes" not in sys.modules
    assert not (Path(broken.srcdir) / "brokenpkg" / "imported.flag").exists()
    page = body(broken, "kwindex/brokenpkg.explodes")
    assert keyword_texts(page, "functions") == ["still_indexed"]


def test_warnings_can_be_silenced_by_subtype(tmp_path_factory) -> None:
    quiet = build_once(
        tmp_path_factory,
        "kwindex-broken",
        confoverrides={
            "suppress_warnings": [
                "kwindex.parse",
                "kwindex.read",
                "kwindex.locate",
                "kwindex.directive",
                "kwindex.ref",
                "autodoc",
            ]
        },
    )
    assert [line for line in warnings(quiet) if "WARNING" in line] == []


def test_text_from_sources_is_escaped(broken) -> None:
    page = body(broken, "kwindex/brokenpkg.hostile")
    summary = next(
        dd
        for dt, dd in zip(page.find_all("dt"), page.find_all("dd"), strict=True)
        if dt.get_text().startswith("Summary")
    )
    assert summary.get_text().strip() == (
        '<script>alert("kw")</script> & {{ x }} *not emphasis* `not code`.'
    )
    assert page.find("script") is None
    assert summary.find("em") is None
    assert summary.find("b") is None
    raw = (Path(broken.outdir) / "kwindex" / "brokenpkg.hostile.html").read_text()
    assert "&lt;script&gt;alert(&quot;kw&quot;)&lt;/script&gt; &amp; {{ x }}" in raw


def test_unusual_but_valid_sources_are_indexed(broken) -> None:
    assert keyword_texts(body(broken, "kwindex/brokenpkg.bom"), "attributes") == ["MARKED"]
    assert keyword_texts(body(broken, "kwindex/brokenpkg.nested"), "attributes") == ["DEEPEST"]
    namespace = body(broken, "kwindex/brokenpkg.nsleaf")
    assert "Namespace package" in namespace.find(id="kwindex-file-info").get_text()
    leaf = body(broken, "kwindex/brokenpkg.nsleaf.leaf")
    assert keyword_texts(leaf, "attributes") == ["LEAF"]
    # documented on two pages: still one keyword page, and no warning about it
    data = kwindex_json(broken)["modules"]
    assert data["brokenpkg"]["docname"] == "index"
    assert data["brokenpkg.fastmod"]["type"] == "extension"
