"""The project-wide views: dependencies, importers, package pages, import maps, the global
keyword index and ``:kw:``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import build, build_once, copy_root
from expected_keywords import EXPECTED
from helpers import HAS_DOT, anchor_exists, body, html, kwindex_json, resolve_href, warnings
from sphinx.util.console import strip_escape_sequences


def _links(tag) -> list[tuple[str, str | None]]:
    return [
        (code.get_text(), code.find_parent("a")["href"] if code.find_parent("a") else None)
        for code in tag.select("code")
    ]


def test_dependencies_grouped_and_linked(built) -> None:
    section = body(built, "kwindex/kwpkg.util").find(id="kwindex-dependencies")
    groups = {
        item.dt.get_text(): _links(item.dd)
        for item in [_Pair(dt) for dt in section.find_all("dt")]
    }
    assert groups == {
        "This project (3)": [
            ("kwpkg", "kwpkg.html"),
            ("kwpkg.shapes", "kwpkg.shapes.html"),
            ("kwpkg.sub.deep", "kwpkg.sub.deep.html"),
        ],
    }
    shapes = body(built, "kwindex/kwpkg.shapes").find(id="kwindex-dependencies")
    assert [dt.get_text() for dt in shapes.find_all("dt")] == ["Standard library (5)"]
    assert [name for name, _ in _links(shapes)] == [
        "collections.abc",
        "json",
        "os.path",
        "typing",
        "xml.etree.ElementTree",
    ]


class _Pair:
    def __init__(self, dt) -> None:
        self.dt = dt
        self.dd = dt.find_next_sibling("dd")


@pytest.mark.parametrize(
    ("modname", "importers"),
    [
        # cycles: kwpkg imports kwpkg.util, which imports kwpkg
        ("kwpkg", ["kwpkg.sub.deep", "kwpkg.util"]),
        ("kwpkg.shapes", ["kwpkg", "kwpkg.sub.deep", "kwpkg.util"]),
        ("kwpkg.util", ["kwpkg", "kwpkg.sub.deep"]),
        ("kwpkg.sub.deep", ["kwpkg.util"]),
        ("kwpkg.sub", []),
    ],
)
def test_imported_by(built, modname, importers) -> None:
    section = body(built, f"kwindex/{modname}").find(id="kwindex-imported-by")
    links = _links(section)
    assert [name for name, _ in links] == importers
    assert all(href == f"{name}.html" for name, href in links)
    if not importers:
        assert "No indexed module imports this one." in section.get_text()
    data = kwindex_json(built)["modules"][modname]
    assert data["imported_by"] == importers


def test_json_dependencies_and_keyword_map(built) -> None:
    data = kwindex_json(built)
    assert data["modules"]["kwpkg.util"]["dependencies"] == [
        {"module": "kwpkg", "group": "project", "line": 3},
        {"module": "kwpkg.shapes", "group": "project", "line": 3},
        {"module": "kwpkg.sub.deep", "group": "project", "line": 5},
    ]
    names = data["keywords"]
    # defined in one module, re-exported by another: one entry, both roles
    assert names["Circle"] == [
        {"module": "kwpkg.shapes", "category": "classes", "role": "defines"},
        {"module": "kwpkg", "category": "imports", "role": "imports"},
        {"module": "kwpkg.util", "category": "imports", "role": "imports"},
        {"document": "rst/guide", "role": "mentions"},
    ]
    # imported under another name (Square as Sq): still one entry
    assert {use["module"] for use in names["Square"] if use["role"] == "imports"} == {
        "kwpkg",
        "kwpkg.sub.deep",
    }
    assert names["kwpkg.sub.deep"][0] == {
        "module": "kwpkg.sub.deep",
        "category": "module",
        "role": "defines",
    }
    # every keyword of every module is in the map
    for modname, categories in EXPECTED.items():
        for category in ("classes", "functions", "methods", "attributes"):
            for name in categories[category]:
                assert {"module": modname, "category": category, "role": "defines"} in names[
                    name
                ], (modname, name)


def test_global_index_page(built) -> None:
    page = body(built, "kwindex/index")
    assert page.h1.get_text().rstrip("¶") == "Keyword Index"
    tree = page.select_one("ul.kwindex-module-tree")
    top = tree.find("li", recursive=False)
    assert top.p.code.get_text() == "kwpkg"
    assert [code.get_text() for code in top.find("ul").find_all("code", recursive=True)] == [
        "shapes",
        "sub",
        "deep",
        "util",
    ]
    bar = page.select_one("p.kwindex-letter-bar")
    letters = [a.get_text() for a in bar.find_all("a")]
    assert letters[:3] == ["A", "B", "C"]
    assert letters[-1] == "_"
    for link in bar.find_all("a"):
        assert page.find(id=link["href"].lstrip("#")) is not None
    entry = page.find(id="kw-Circle")
    assert entry.name == "dt"
    assert entry.get_text() == "Circle (class)"
    lines = [p.get_text() for p in entry.find_next_sibling("dd").find_all("p")]
    assert lines == [
        "Defined in: kwpkg.shapes",
        "Imported by: kwpkg, kwpkg.util",
        "Mentioned in: rst/guide",
    ]
    defined = entry.find_next_sibling("dd").p.a["href"]
    assert defined == "../rst/api/shapes.html#kwpkg.shapes.Circle"
    module = page.find(id="kw-kwpkg.util")
    assert module.get_text() == "kwpkg.util (module)"
    # reachable from every keyword page
    xrefs = body(built, "kwindex/kwpkg.sub").find(id="kwindex-xrefs")
    assert "index.html" in [a["href"] for a in xrefs.find_all("a")]


def test_kw_role_in_rest_and_myst(built, tmp_path_factory) -> None:
    from conftest import build_once as build_root

    myst = build_root(
        tmp_path_factory,
        "kwindex",
        confoverrides={"root_doc": "myst/index", "exclude_patterns": ["_build", "rst/**"]},
    )
    for app, docname in ((built, "rst/inline"), (myst, "myst/inline")):
        page = body(app, docname)
        links = {a.get_text(): a["href"] for a in page.select("a") if a.find(class_="xref")}
        assert links == {
            "Circle": "../kwindex/index.html#kw-Circle",
            "the square": "../kwindex/index.html#kw-Square",
            "kwpkg.shapes": "../kwindex/index.html#kw-kwpkg.shapes",
        }, docname
        for href in links.values():
            assert anchor_exists(*resolve_href(app, docname, href))


def test_domain_index_page(built) -> None:
    page = html(built, "kwindex-keywords")
    text = page.get_text()
    assert "Keyword Index" in text
    circle = next(td for td in page.find_all("td") if td.get_text().strip() == "Circle")
    assert circle is not None


def test_package_page_is_the_folder_index(built) -> None:
    table = body(built, "kwindex/kwpkg").find(id="kwindex-package").table
    headers = [th.get_text() for th in table.thead.find_all("th")]
    assert headers == [
        "Module",
        "Classes",
        "Functions",
        "Methods",
        "Attributes",
        "Imports",
        "Summary",
    ]
    rows = {}
    for row in table.tbody.find_all("tr"):
        cells = [td.get_text().strip() for td in row.find_all("td")]
        rows[cells[0]] = cells[1:]
    expected = EXPECTED["kwpkg.shapes"]
    assert rows["shapes.py"][:5] == [
        str(len(expected[c]))
        for c in ("classes", "functions", "methods", "attributes", "imports")
    ]
    assert rows["shapes.py"][5] == "Shape classes used to exercise the kwindex analyser."
    assert rows["sub/"][:5] == ["0", "0", "0", "0", "0"]
    assert set(rows) == {"shapes.py", "sub/", "util.py"}


@pytest.mark.skipif(not HAS_DOT, reason="Graphviz's dot is not installed")
def test_import_map_of_a_package(built) -> None:
    section = body(built, "kwindex/kwpkg").find(id="kwindex-import-map")
    image = section.find("img")
    assert image is not None
    assert (Path(built.outdir) / "kwindex" / image["src"]).resolve().is_file()
    areas = {area["title"]: area["href"] for area in section.find_all("area")}
    # the package itself is this page: marked, not linked
    assert areas == {
        "kwpkg.shapes": "kwpkg.shapes.html",
        "kwpkg.sub": "kwpkg.sub.html",
        "kwpkg.util": "kwpkg.util.html",
    }


def test_no_import_map_without_dot(tmp_path_factory) -> None:
    app = build_once(
        tmp_path_factory, "kwindex", confoverrides={"graphviz_dot": "/nonexistent/dot"}
    )
    assert warnings(app) == []
    status = strip_escape_sequences(app.status.getvalue())
    assert "[kwindex] no import maps: Graphviz's '/nonexistent/dot' was not found" in status
    assert body(app, "kwindex/kwpkg").find(id="kwindex-import-map") is None
    quiet = build_once(tmp_path_factory, "kwindex", confoverrides={"kwindex_graphs": False})
    assert "no import maps" not in strip_escape_sequences(quiet.status.getvalue())
    assert body(quiet, "kwindex/kwpkg").find(id="kwindex-import-map") is None


def test_large_index_is_split_by_letter(tmp_path_factory) -> None:
    app = build_once(tmp_path_factory, "kwindex", confoverrides={"kwindex_index_split": 10})
    assert warnings(app) == []
    page = body(app, "kwindex/index")
    assert page.find("dl", class_="kwindex-names") is None
    bar = page.select_one("p.kwindex-letter-bar")
    hrefs = [a["href"] for a in bar.find_all("a")]
    assert "index-C.html" in hrefs
    assert "index-underscore.html" in hrefs
    letter = html(app, "kwindex/index-C")
    entry = letter.find(id="kw-Circle")
    assert entry is not None
    assert (
        re.sub(r"\s+", " ", entry.find_next_sibling("dd").get_text()).strip()
        == "Defined in: kwpkg.shapes Imported by: kwpkg, kwpkg.util Mentioned in: rst/guide"
    )
    for link in letter.select("dl.kwindex-names a"):
        assert anchor_exists(*resolve_href(app, "kwindex/index-C", link["href"]))
    # :kw: goes to the letter's page
    inline = body(app, "rst/inline")
    hrefs = [a["href"] for a in inline.select("a") if a.find(class_="xref")]
    assert "../kwindex/index-C.html#kw-Circle" in hrefs


def test_domain_index_can_be_left_out_of_html(tmp_path_factory) -> None:
    """``html_domain_indices`` without ours: no kwindex-keywords.html and no link to it;
    the split global index and Python's module index stay, without a warning. The basic
    theme shows the related bar (alabaster, the default on Sphinx 7.4, does not)."""
    basic = {"html_theme": "basic"}
    app = build_once(
        tmp_path_factory,
        "kwindex",
        confoverrides={
            **basic,
            "kwindex_index_split": 10,
            "html_domain_indices": ["py-modindex"],
        },
    )
    assert warnings(app) == []
    outdir = Path(app.outdir)
    assert not (outdir / "kwindex-keywords.html").exists()
    assert (outdir / "py-modindex.html").exists()
    assert (outdir / "kwindex" / "index-C.html").exists()
    pages = list(outdir.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        assert "kwindex-keywords.html" not in page.read_text(encoding="utf-8"), page
    # by default the page is written, and every page's related bar links to it
    default = build_once(tmp_path_factory, "kwindex", confoverrides=basic)
    assert (Path(default.outdir) / "kwindex-keywords.html").exists()
    assert 'href="../kwindex-keywords.html"' in (
        Path(default.outdir) / "kwindex" / "kwpkg.html"
    ).read_text(encoding="utf-8")


def test_letter_pages_are_left_alone_by_a_no_op_and_rewritten_after_an_edit(tmp_path) -> None:
    srcdir = copy_root(tmp_path, "kwindex")
    split = {"kwindex_index_split": 10}
    build(srcdir, confoverrides=split)
    letter = srcdir / "_build" / "html" / "kwindex" / "index-C.html"
    written = letter.stat().st_mtime_ns
    app = build(srcdir, confoverrides=split)
    assert warnings(app) == []
    assert letter.stat().st_mtime_ns == written
    # a new class: its letter's page shows it after the next build
    module = srcdir / "kwpkg" / "util.py"
    module.write_text(module.read_text() + "\n\nclass Cobalt:\n    pass\n")
    app = build(srcdir, confoverrides=split)
    assert warnings(app) == []
    assert html(app, "kwindex/index-C").find(id="kw-Cobalt") is not None


def test_letter_pages_follow_their_content_and_the_html_settings(tmp_path) -> None:
    srcdir = copy_root(tmp_path, "kwindex")
    split = {"kwindex_index_split": 10}
    build(srcdir, confoverrides=split)
    letters = sorted((srcdir / "_build" / "html" / "kwindex").glob("index-*.html"))
    assert len(letters) > 3
    written = [letter.stat().st_mtime_ns for letter in letters]
    keyword_page = srcdir / "_build" / "html" / "kwindex" / "kwpkg.util.html"
    page_written = keyword_page.stat().st_mtime_ns
    # a comment changes the module's keyword page (its size), not a name: no letter page
    module = srcdir / "kwpkg" / "util.py"
    module.write_text(module.read_text() + "\n# a comment\n")
    app = build(srcdir, confoverrides=split)
    assert warnings(app) == []
    assert keyword_page.stat().st_mtime_ns != page_written
    assert [letter.stat().st_mtime_ns for letter in letters] == written
    # an HTML setting Sphinx writes every page again for reaches the letter pages too
    app = build(srcdir, confoverrides={**split, "html_title": "Renamed docs"})
    assert warnings(app) == []
    rewritten = [letter.stat().st_mtime_ns for letter in letters]
    assert all(new != old for new, old in zip(rewritten, written, strict=True))
    assert "Renamed docs" in letters[0].read_text("utf-8")
