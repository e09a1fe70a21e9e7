"""Keyword pages of a real build: structure, keywords, links, sections, related files."""

from __future__ import annotations

from pathlib import Path

import pytest
from expected_keywords import EXPECTED
from helpers import (
    CATEGORIES,
    anchor_exists,
    body,
    keyword_texts,
    kwindex_json,
    resolve_href,
    source_lines,
    warnings,
)

SECTIONS = [
    "kwindex-file-info",
    "kwindex-overview",
    "kwindex-keywords",
    "kwindex-patterns",
    "kwindex-section-map",
    "kwindex-related",
    "kwindex-dependencies",
    "kwindex-imported-by",
    "kwindex-xrefs",
]


def test_builds_without_warnings_and_one_page_per_module(built) -> None:
    app = built
    assert warnings(app) == []
    pages = sorted(path.name for path in (Path(app.outdir) / "kwindex").glob("*.html"))
    assert pages == [
        "index.html",  # the global keyword index
        "kwpkg.html",
        "kwpkg.shapes.html",
        "kwpkg.sub.deep.html",
        "kwpkg.sub.html",
        "kwpkg.util.html",
    ]


@pytest.mark.sphinx(
    "html",
    testroot="kwindex",
    freshenv=True,
    confoverrides={
        "nitpicky": True,
        # autodoc's "Bases:" line, not ours (ours are py:obj)
        "nitpick_ignore": [("py:class", "kwpkg.shapes.Shape")],
    },
)
def test_nitpicky_stays_quiet_about_keywords(app) -> None:
    app.build()
    assert warnings(app) == []
    # the keywords did go through Sphinx's resolution: undocumented ones fell back quietly
    assert body(app, "kwindex/kwpkg.sub.deep").select("code.kwindex-keyword")


def test_sections_in_order_with_classes_and_title(built) -> None:
    app = built
    page = body(app, "kwindex/kwpkg.shapes")
    assert page.h1.get_text().rstrip("¶") == "Keyword Index: kwpkg.shapes"
    top = page.find("section")
    found = [section.get("id") for section in top.find_all("section", recursive=False)]
    assert found == SECTIONS
    for section_id in SECTIONS:
        assert section_id in page.find(id=section_id)["class"]
    categories = page.find(id="kwindex-keywords").find_all("section", recursive=False)
    assert [section["id"] for section in categories] == [f"kwindex-{c}" for c in CATEGORIES]
    assert all("kwindex-category" in section["class"] for section in categories)


@pytest.mark.parametrize("modname", sorted(EXPECTED))
def test_each_category_lists_exactly_the_expected_keywords(built, modname: str) -> None:
    app = built
    page = body(app, f"kwindex/{modname}")
    for category in CATEGORIES:
        shown = keyword_texts(page, category)
        assert set(shown) == EXPECTED[modname][category], category
        assert shown == sorted(shown, key=lambda name: (name.casefold(), name))


def test_every_keyword_link_lands_on_an_existing_anchor(built) -> None:
    app = built
    checked = 0
    for modname in EXPECTED:
        page = body(app, f"kwindex/{modname}")
        for code in page.select("code.kwindex-keyword"):
            link = code.find_parent("a")
            if link is None or link["href"].startswith("https://"):
                continue
            path, fragment = resolve_href(app, f"kwindex/{modname}", link["href"])
            assert anchor_exists(path, fragment), (modname, code.get_text(), link["href"])
            checked += 1
    assert checked > 40


def _links(app, modname: str) -> dict[str, str | None]:
    page = body(app, f"kwindex/{modname}")
    result = {}
    for category in CATEGORIES:
        section = page.find(id=f"kwindex-{category}")
        for code in section.select("code.kwindex-keyword") if section else []:
            link = code.find_parent("a")
            result[f"{category}:{code.get_text()}"] = link["href"] if link else None
    return result


def test_documented_undocumented_and_imported_keywords_link_where_expected(built) -> None:
    app = built
    links = _links(app, "kwpkg.shapes")
    # documented by autodoc: its entry on the documentation page
    assert links["classes:Circle"] == "../rst/api/shapes.html#kwpkg.shapes.Circle"
    assert links["functions:describe"] == "../rst/api/shapes.html#kwpkg.shapes.describe"
    assert links["attributes:PI"] == "../rst/api/shapes.html#kwpkg.shapes.PI"
    # not documented: its line in the highlighted source
    assert links["functions:make"] == "../_modules/kwpkg/shapes.html#L94"
    assert links["functions:Circle.area.inner"] == "../_modules/kwpkg/shapes.html#L62"
    lines = source_lines(app, "kwpkg.shapes")
    assert lines[94].startswith("def make(")
    assert lines[62].strip().startswith("def inner(")
    # imports: through intersphinx, or this project, or plain code
    assert links["imports:Any"] == "https://docs.python.org/3/library/typing.html#typing.Any"
    assert links["imports:json"] == "https://docs.python.org/3/library/json.html#module-json"
    assert links["imports:os.path"] is None
    util = _links(app, "kwpkg.util")
    assert util["imports:Circle"] == "../rst/api/shapes.html#kwpkg.shapes.Circle"
    assert util["imports:kwpkg.shapes"] == "../rst/api/shapes.html#module-kwpkg.shapes"
    # documented under currentmodule: linked, and its nested function to its source line
    deep = _links(app, "kwpkg.sub.deep")
    assert deep["functions:helper"] == "../rst/api/deep.html#kwpkg.sub.deep.helper"
    assert deep["functions:helper._step"] == "../_modules/kwpkg/sub/deep.html#L8"
    assert source_lines(app, "kwpkg.sub.deep")[8].strip().startswith("def _step(")
    # no object of kwpkg.util has an entry (no docstrings), so viewcode made no source page
    # for it: an undocumented name stays plain code
    assert _links(app, "kwpkg.util")["functions:_hidden"] is None
    assert not (Path(app.outdir) / "_modules" / "kwpkg" / "util.html").exists()


def test_every_source_line_anchor_matches_the_file(built) -> None:
    app = built
    source = (Path(app.srcdir) / "kwpkg" / "shapes.py").read_text().splitlines()
    shown = source_lines(app, "kwpkg.shapes")
    assert sorted(shown) == list(range(1, len(source) + 1))
    for number, line in enumerate(source, start=1):
        assert shown[number].strip() == line.strip(), number


def test_file_information(built) -> None:
    app = built
    page = body(app, "kwindex/kwpkg.shapes")
    info = page.find(id="kwindex-file-info")
    fields = {
        dt.get_text().rstrip(":"): dt.find_next_sibling("dd") for dt in info.find_all("dt")
    }
    source = Path(app.srcdir) / "kwpkg" / "shapes.py"
    assert fields["Path"].get_text().strip() == "kwpkg/shapes.py"
    size = source.stat().st_size
    assert fields["Size"].get_text().strip() == f"{size:,} bytes ({size / 1024:.1f} KiB)"
    assert fields["Lines"].get_text().strip() == str(len(source.read_text().splitlines()))
    assert fields["Type"].get_text().strip() == "Python module"
    assert fields["Extension"].get_text().strip() == ".py"
    assert fields["Documentation"].a["href"] == "../rst/api/shapes.html#module-kwpkg.shapes"
    assert fields["Source"].a["href"] == "../_modules/kwpkg/shapes.html"
    assert fields["Folder"].a["href"] == "kwpkg.html"
    package = body(app, "kwindex/kwpkg.sub")
    info = package.find(id="kwindex-file-info")
    fields = {
        dt.get_text().rstrip(":"): dt.find_next_sibling("dd") for dt in info.find_all("dt")
    }
    assert fields["Type"].get_text().strip() == "Python package"
    assert fields["Path"].get_text().strip() == "kwpkg/sub/__init__.py"
    assert "none" in fields["Documentation"].get_text()


def test_section_map_follows_the_documentation_headings(built) -> None:
    app = built
    table = body(app, "kwindex/kwpkg.shapes").find(id="kwindex-section-map").table
    rows = {}
    for row in table.tbody.find_all("tr"):
        keyword, section = row.find_all("td")
        rows[keyword.get_text().strip()] = (section.get_text().strip(), section.a["href"])
    assert rows == {
        "Circle": ("Circles", "../rst/api/shapes.html#circles"),
        "Square": ("Squares", "../rst/api/shapes.html#squares"),
        "describe": ("Helpers", "../rst/api/shapes.html#helpers"),
        "PI": ("Helpers", "../rst/api/shapes.html#helpers"),
    }


def test_related_files_and_cross_references(built) -> None:
    app = built
    page = body(app, "kwindex/kwpkg.shapes")
    rows = page.find(id="kwindex-related").tbody.find_all("tr")
    table = [[cell.get_text().strip() for cell in row.find_all("td")] for row in rows]
    assert table == [
        ["__init__.py", "kwpkg", "The kwpkg package", "keywords"],
        ["shapes.py", "kwpkg.shapes", "this module", "this module"],
        ["sub/", "kwpkg.sub", "\N{EM DASH}", "keywords"],
        ["util.py", "kwpkg.util", "Utilities", "keywords"],
    ]
    current = rows[1]
    assert "kwindex-current" in current["class"]
    assert current.find("a") is None
    assert rows[2].find_all("a")[-1]["href"] == "kwpkg.sub.html"
    xrefs = {
        item.get_text().split(":")[0]: item
        for item in page.find(id="kwindex-xrefs").find_all("li")
    }
    assert (
        xrefs["Module documentation"].a["href"] == "../rst/api/shapes.html#module-kwpkg.shapes"
    )
    assert xrefs["Keyword page"].find("a") is None  # this page
    assert xrefs["Folder index"].a["href"] == "kwpkg.html"
    assert xrefs["Folder documentation"].a["href"] == "../rst/api/package.html#module-kwpkg"


def test_documentation_pages_get_a_related_files_section(built) -> None:
    app = built
    page = body(app, "rst/api/util")
    section = page.select_one("div.kwindex-related-files")
    assert section is not None
    assert section.select_one("p.rubric").get_text() == "Related files"
    # not a section: the toctrees above the page do not list it
    index = body(app, "rst/index")
    assert "Related files" not in index.get_text()
    # the module's own keyword page first
    intro = section.find_all("p")[1]
    assert intro.get_text() == "Keyword index of this module: kwpkg.util"
    assert intro.a["href"] == "../../kwindex/kwpkg.util.html"
    # then each file of the folder, to its documentation, else its keyword page
    items = {
        li.code.get_text(): [a["href"] for a in li.find_all("a")]
        for li in section.select("ul.kwindex-related-list > li")
    }
    assert items == {
        "__init__.py": ["package.html#module-kwpkg", "../../kwindex/kwpkg.html"],
        "shapes.py": ["shapes.html#module-kwpkg.shapes", "../../kwindex/kwpkg.shapes.html"],
        "sub/": ["../../kwindex/kwpkg.sub.html"],
        "util.py": [],
    }
    current = section.select_one("li.kwindex-current")
    assert current.get_text() == "util.py (this module)"


def test_kwindex_json(built) -> None:
    app = built
    data = kwindex_json(app)
    assert data["version"] == 1
    assert sorted(data["modules"]) == sorted(EXPECTED)
    shapes = data["modules"]["kwpkg.shapes"]
    assert shapes["path"] == "kwpkg/shapes.py"
    assert shapes["type"] == "module"
    assert shapes["docname"] == "rst/api/shapes"
    assert shapes["kwindex_docname"] == "kwindex/kwpkg.shapes"
    assert shapes["sections"] == {
        "Circle": "Circles",
        "PI": "Helpers",
        "Square": "Squares",
        "describe": "Helpers",
    }
    assert shapes["related"] == ["kwpkg", "kwpkg.sub", "kwpkg.util"]
    for category in CATEGORIES:
        names = {keyword["name"] for keyword in shapes["keywords"][category]}
        assert names == EXPECTED["kwpkg.shapes"][category]
    keywords = {k["name"]: k for k in shapes["keywords"]["functions"]}
    assert keywords["make"] == {
        "name": "make",
        "qualname": "make",
        "fullname": "kwpkg.shapes.make",
        "line": 94,
        "target": "_modules/kwpkg/shapes.html#L94",
    }
    assert keywords["describe"]["target"] == "rst/api/shapes.html#kwpkg.shapes.describe"
    # every internal target exists in the output
    for module in data["modules"].values():
        for keywords_of_category in module["keywords"].values():
            for keyword in keywords_of_category:
                target = keyword["target"]
                if target and not target.startswith("https://"):
                    path, _sep, fragment = target.partition("#")
                    assert anchor_exists(Path(app.outdir) / path, fragment), target
    # documented member by member under currentmodule: the page with its entries
    assert data["modules"]["kwpkg.sub.deep"]["docname"] == "rst/api/deep"
    assert data["modules"]["kwpkg.sub"]["docname"] is None


def test_inline_directives(built) -> None:
    app = built
    page = body(app, "rst/inline")
    inline = page.select_one("div.kwindex-inline")
    assert inline is not None
    functions = inline.select_one("div.kwindex-category[id$=functions]")
    assert [code.get_text() for code in functions.select("code.kwindex-keyword")] == [
        "helper",
        "helper._step",
    ]
    related = page.select("div.kwindex-related")
    # one in the inline index, one from related-files
    assert len(related) == 2
    files = [code.get_text() for code in related[1].select("li code")]
    assert files == [
        "__init__.py",
        "shapes.py",
        "sub/",
        "util.py",
    ]


@pytest.mark.parametrize("prefix", ["rst", "myst"])
def test_related_files_without_argument(built, tmp_path_factory, prefix) -> None:
    app = built
    if prefix == "myst":
        from conftest import build_once

        app = build_once(
            tmp_path_factory,
            "kwindex",
            confoverrides={"root_doc": "myst/index", "exclude_patterns": ["_build", "rst/**"]},
        )
    # the module documented on the page (py:module, or currentmodule)
    deep = body(app, f"{prefix}/api/deep").select("div.kwindex-related")
    assert len(deep) == 1
    assert deep[0].select_one("li.kwindex-current").code.get_text() == "deep.py"
    # a page that places it itself gets no second, automatic one
    shapes = body(app, f"{prefix}/api/shapes").select("div.kwindex-related")
    assert len(shapes) == 1
    assert "kwindex-related-files" not in shapes[0]["class"]
    assert shapes[0].select_one("li.kwindex-current").code.get_text() == "shapes.py"


def test_keyword_pages_share_one_navigation_sidebar(tmp_path_factory) -> None:
    from conftest import build_once
    from helpers import html

    app = build_once(tmp_path_factory, "kwindex", confoverrides={"html_theme": "alabaster"})
    navigations = []
    for docname in ("kwindex/kwpkg", "kwindex/kwpkg.util", "kwindex/index"):
        heading = html(app, docname).find("h3", string="Navigation")
        assert heading is not None
        nav = heading.find_next_sibling("ul")
        navigations.append(str(nav))
        links = [a["href"] for a in nav.find_all("a")]
        assert "../rst/api/shapes.html" in links
        assert nav.select(".current") == []
    assert navigations[0] == navigations[1] == navigations[2]
    # a page in the toctree keeps its own, with its entry marked
    own = html(app, "rst/api/shapes").find("h3", string="Navigation").find_next_sibling("ul")
    assert own.select("li.current")
