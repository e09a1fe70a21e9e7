"""Keyword pages of prose documents: the identifiers a page talks about, measured against
hand-labelled third-party documents, and shown, linked and exported."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build, build_once, copy_root
from helpers import body, kwindex_json, warnings
from prose_expected import EXPECTED

GUIDE = {
    "API",
    "Circle",
    "kwpkg.shapes.describe",
    "circle_area",
    "Shape",
    "SVG",
    "XMLRenderer",
    "Megatron-LM",
    "Square",
    "kwpkg.util",
    "util",
    "draw",
    "kwpkg.sub.deep.helper",
    "kwpkg",
}


@pytest.fixture(scope="module")
def prose(tmp_path_factory):
    return build_once(tmp_path_factory, "kwindex-prose")


@pytest.mark.parametrize("short", sorted(EXPECTED))
def test_precision_and_recall_on_third_party_documents(prose, short) -> None:
    assert warnings(prose) == []
    found = {
        item["name"]
        for item in kwindex_json(prose)["documents"][f"docs/{short}"]["identifiers"]
    }
    expected = EXPECTED[short]["identifiers"]
    right = len(found & expected)
    precision, recall = right / len(found), right / len(expected)
    print(f"{short}: precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= 0.9, sorted(found - expected)
    assert recall >= 0.9, sorted(expected - found)


def test_document_page(prose) -> None:
    page = body(prose, "kwindex/doc/docs/flask-testing")
    assert page.h1.get_text().rstrip("¶") == "Keyword Index: docs/flask-testing"
    info = page.find(id="kwindex-file-info")
    fields = {
        dt.get_text().rstrip(":"): dd.get_text().strip()
        for dt, dd in zip(info.find_all("dt"), info.find_all("dd"), strict=True)
    }
    source = Path(prose.srcdir) / "docs" / "flask-testing.rst"
    assert fields == {
        "Path": "docs/flask-testing.rst",
        "Size": f"{source.stat().st_size:,} bytes ({source.stat().st_size / 1024:.1f} KiB)",
        "Lines": str(len(source.read_text().splitlines())),
        "Type": "reStructuredText",
        "Extension": ".rst",
        "Page": "Testing Flask Applications",
    }
    shown = [code.get_text() for code in page.find(id="kwindex-identifiers").select("code")]
    assert set(shown) == EXPECTED["flask-testing"]["identifiers"]
    rows = page.find(id="kwindex-section-map").tbody.find_all("tr")
    sections = {row.td.get_text(): row.find_all("td")[1] for row in rows}
    assert sections["CLI"].get_text() == "Fixtures"
    assert (
        sections["click.testing.Result"].a["href"]
        == "../../../docs/flask-testing.html#running-commands-with-the-cli-runner"
    )
    related = [a.get_text() for a in page.find(id="kwindex-related").select("ul a")]
    assert related == [
        "Why not…",
        "keywords",
        "Testing Click Applications",
        "keywords",
        "Tomli",
        "keywords",
    ]
    data = kwindex_json(prose)["documents"]["docs/flask-testing"]
    assert data["related"] == ["docs/attrs-why", "docs/click-testing", "docs/tomli-readme"]
    assert data["type"] == "reStructuredText"


def test_identifiers_link_to_their_documentation(built) -> None:
    page = body(built, "kwindex/doc/rst/guide")
    links = {}
    for code in page.find(id="kwindex-identifiers").select("code"):
        link = code.find_parent("a")
        links[code.get_text()] = link["href"] if link else None
    assert set(links) == GUIDE
    assert links["Circle"] == "../../../rst/api/shapes.html#kwpkg.shapes.Circle"
    assert (
        links["kwpkg.shapes.describe"] == "../../../rst/api/shapes.html#kwpkg.shapes.describe"
    )
    assert links["kwpkg.sub.deep.helper"] == "../../../rst/api/deep.html#kwpkg.sub.deep.helper"
    assert links["kwpkg"] == "../../../rst/api/package.html#module-kwpkg"  # a module
    assert links["SVG"] is None
    data = {
        item["name"]: item
        for item in kwindex_json(built)["documents"]["rst/guide"]["identifiers"]
    }
    assert data["Circle"] == {
        "name": "Circle",
        "target": "rst/api/shapes.html#kwpkg.shapes.Circle",
        "section": "A guide to kwpkg",
    }
    assert data["Square"]["section"] == "Drawing shapes"


def test_inline_identifiers_of_the_page_itself(built, tmp_path_factory) -> None:
    myst = build_once(
        tmp_path_factory,
        "kwindex",
        confoverrides={"root_doc": "myst/index", "exclude_patterns": ["_build", "rst/**"]},
    )
    for app, docname in ((built, "rst/guide"), (myst, "myst/guide")):
        inline = body(app, docname).select_one("div.kwindex-identifiers")
        assert {code.get_text() for code in inline.select("code")} == GUIDE, docname
    # the same identifiers, sections and links (test_builds compares the whole JSON too)
    assert kwindex_json(myst)["documents"]["myst/guide"]["identifiers"] == [
        {**item, "target": item["target"] and item["target"].replace("rst/", "myst/")}
        for item in kwindex_json(built)["documents"]["rst/guide"]["identifiers"]
    ]


def test_stopwords_and_terms(tmp_path_factory) -> None:
    app = build_once(
        tmp_path_factory,
        "kwindex",
        confoverrides={"kwindex_stopwords": ["SVG", "draw"], "kwindex_terms": ["prose"]},
    )
    found = {
        item["name"] for item in kwindex_json(app)["documents"]["rst/guide"]["identifiers"]
    }
    assert found == GUIDE - {"SVG", "draw"} | {"prose"}


def test_editing_a_document_updates_its_page(tmp_path) -> None:
    srcdir = copy_root(tmp_path, "kwindex")
    build(srcdir)
    guide = srcdir / "rst" / "guide.rst"
    guide.write_text(guide.read_text().replace("Our SVG export", "Our PNG export"))
    import os
    import time

    later = time.time_ns() + 2_000_000_000
    os.utime(guide, ns=(later, later))
    app = build(srcdir)
    assert warnings(app) == []
    found = {
        item["name"] for item in kwindex_json(app)["documents"]["rst/guide"]["identifiers"]
    }
    assert found == GUIDE - {"SVG"} | {"PNG"}
    shown = body(app, "kwindex/doc/rst/guide").find(id="kwindex-identifiers").get_text()
    assert "PNG" in shown
    assert "SVG" not in shown
