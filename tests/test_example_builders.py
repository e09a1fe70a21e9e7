"""Every builder writes the example project (``example_project/``) without warnings.

Each builder gets a fresh copy of the project and a fresh build, as ``sphinx-build -b <name>``
would; the checks after the first test look at what each one wrote about our pages.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import build, build_once
from helpers import warnings
from sphinx.builders import Builder
from sphinx.builders.latex import LaTeXBuilder

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from sphinx.testing.util import SphinxTestApp

EXAMPLE = Path(__file__).parent.parent / "example_project"

#: The example's keyword pages (docnames).
PAGES = [
    "kwindex/index",
    "kwindex/tidepool",
    "kwindex/tidepool.cache",
    "kwindex/tidepool.core",
    "kwindex/tidepool.readers",
    "kwindex/tidepool.readers.base",
    "kwindex/tidepool.readers.csv_reader",
    "kwindex/tidepool.readers.json_reader",
    "kwindex/tidepool.units",
]

BUILDERS = [
    "html",
    "dirhtml",
    "singlehtml",
    "epub",
    "latex",
    "text",
    "man",
    "texinfo",
    "xml",
    "pseudoxml",
    "linkcheck",
    "dummy",
    "gettext",
    "changes",
    "json",
    "pickle",
]

#: Docutils node names (tags in XML) that only our extension makes.
OUR_NODES = ("kwindex_placeholder",)

#: The example's one external link (PEP 440, in the package's docstring) is not ours, and
#: the network is closed where the tests run: linkcheck leaves it out.
LINKCHECK = {"linkcheck_ignore": [r"https://peps\.python\.org/"], "linkcheck_timeout": 5}


#: A sidebar with the whole toctree: its links are relative to each page (see ``_sidebar``).
SIDEBARS = {"html_sidebars": {"**": ["globaltoc.html"]}}


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Any]:
    """The example project built from scratch with a builder (once per builder)."""
    apps: dict[str, SphinxTestApp] = {}

    def built(buildername: str) -> SphinxTestApp:
        if buildername not in apps:
            root = tmp_path_factory.mktemp(f"example-{buildername}")
            shutil.copytree(EXAMPLE, root, dirs_exist_ok=True, ignore=_generated)
            overrides = LINKCHECK if buildername == "linkcheck" else SIDEBARS
            apps[buildername] = build(
                root / "docs", buildername, freshenv=True, confoverrides=overrides
            )
        return apps[buildername]

    return built


def _generated(folder: str, names: list[str]) -> list[str]:
    """What ``make demo`` may have left in the example: not part of the project."""
    return [name for name in names if name in {"_build", "kwindex", "__pycache__"}]


@pytest.mark.parametrize("buildername", BUILDERS)
def test_every_builder_writes_the_example_without_warnings(example, buildername) -> None:
    app = example(buildername)
    assert warnings(app) == []
    assert (Path(app.outdir) / "kwindex.json").is_file()


# -- links in HTML ------------------------------------------------------------------------


def _internal_hrefs(page: Path, within: list[Tag] | None = None) -> Iterator[str]:
    """The hrefs of a page (or of some of its elements) that point into the output."""
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    for element in within if within is not None else [soup]:
        for anchor in element.find_all("a", href=True):
            href = str(anchor["href"])
            if not urlsplit(href).scheme and not href.startswith("//"):
                yield href


def _ids(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        cache[path] = {str(tag["id"]) for tag in soup.find_all(id=True)}
    return cache[path]


def _broken(
    outdir: Path, page: Path, hrefs: list[str], cache: dict[Path, set[str]]
) -> list[str]:
    """The hrefs of *page* whose file or ``#fragment`` does not exist in the output."""
    broken = []
    for href in hrefs:
        parts = urlsplit(href)
        target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
        if target.is_dir():  # dirhtml: "folder/" means "folder/index.html"
            target = target / "index.html"
        if not target.is_file() or not target.is_relative_to(outdir.resolve()):
            broken.append(f"{href} (no file)")
        elif (
            parts.fragment
            and target.suffix in {".html", ".xhtml"}
            and unquote(parts.fragment) not in _ids(target, cache)
        ):
            broken.append(f"{href} (no id)")
    return broken


@pytest.mark.parametrize(
    ("buildername", "suffix"), [("html", ".html"), ("dirhtml", ".html"), ("epub", ".xhtml")]
)
def test_links_of_keyword_pages_and_of_pages_linking_to_them_resolve(
    example, buildername, suffix
) -> None:
    """Every href of a keyword page, and of every page that links to one, names a file of
    the output and an id in it."""
    outdir = Path(example(buildername).outdir)
    keyword_pages = sorted((outdir / "kwindex").rglob(f"*{suffix}"))
    assert len(keyword_pages) == len(PAGES)
    pages = set(keyword_pages)
    for page in outdir.rglob(f"*{suffix}"):
        if "_static" not in page.parts and any(
            "kwindex/" in href for href in _internal_hrefs(page)
        ):
            pages.add(page)
    # the documentation pages link to their modules' keyword pages (Related files)
    assert len(pages) > len(keyword_pages) + 4
    cache: dict[Path, set[str]] = {}
    checked, broken = 0, []
    for page in sorted(pages):
        hrefs = list(_internal_hrefs(page))
        checked += len(hrefs)
        broken += [
            f"{page.relative_to(outdir)}: {href}"
            for href in _broken(outdir, page, hrefs, cache)
        ]
    assert broken == []
    assert checked > 500


def test_dirhtml_keyword_pages_link_up_to_the_root(example) -> None:
    """(The shared sidebar once made ``kwindex/<module>/`` link to ``kwindex/guide/``.)"""
    outdir = Path(example("dirhtml").outdir)
    page = outdir / "kwindex" / "tidepool.units" / "index.html"
    assert "../../guide/" in list(_internal_hrefs(page))
    assert "../guide/" in list(_internal_hrefs(outdir / "kwindex" / "index.html"))


def test_singlehtml_holds_the_keyword_pages_and_their_links_resolve(example) -> None:
    outdir = Path(example("singlehtml").outdir)
    page = outdir / "index.html"
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    ours: list[Tag] = []
    for docname in PAGES:
        start = soup.find(id=f"document-{docname}")
        assert start is not None, docname
        section = start.find_next_sibling("section")
        assert isinstance(section, Tag)
        ours.append(section)
    # each documentation page's Related files links to keyword pages
    related = soup.select("div.kwindex-related")
    assert len(related) == 4
    ours += related
    hrefs = list(_internal_hrefs(page, ours))
    assert len(hrefs) > 300
    assert "#document-kwindex/tidepool.units" in hrefs
    assert _broken(outdir, page, hrefs, {}) == []
    # one anchor per link (Sphinx 9 writes "#document-api/core#..." for its own links)
    assert [href for href in hrefs if href.count("#") > 1] == []
    # keyword pages share section ids (kwindex-imports on each module's page): in the one
    # page each appended page's ids carry its docname, and a link lands in the right page
    blocks = dict(zip(PAGES, ours, strict=False))
    ids = [
        tag["id"]
        for docname in PAGES
        for tag in [blocks[docname], *blocks[docname].find_all(id=True)]
        if tag.name != "area"  # Graphviz numbers its image maps' areas node1, node2...
    ]
    assert len(ids) > 100
    assert len(ids) == len(set(ids))
    landed = 0
    for href in hrefs:
        target, prefixed, _anchor = href.removeprefix("#").partition("--")
        if prefixed and target in blocks:
            block, anchor = blocks[target], href.removeprefix("#")
            assert block.get("id") == anchor or block.find(id=anchor) is not None, href
            landed += 1
    assert landed > 50


def test_singlehtml_kw_role_links_have_one_anchor(tmp_path_factory) -> None:
    app = build_once(tmp_path_factory, "kwindex", "singlehtml")
    assert warnings(app) == []
    page = Path(app.outdir) / "rst" / "index.html"  # (the root document is rst/index)
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    roles = [str(link["href"]) for link in soup.select("a.reference") if "kw-" in link["href"]]
    assert len(roles) >= 3
    for href in roles:
        assert href.count("#") == 1, href
        assert soup.find(id=href.removeprefix("#")) is not None, href


def test_keyword_page_in_a_toctree_is_written_once(tmp_path_factory) -> None:
    root = tmp_path_factory.mktemp("example-toctree")
    shutil.copytree(EXAMPLE, root, dirs_exist_ok=True, ignore=_generated)
    index = root / "docs" / "index.rst"
    index.write_text(
        index.read_text("utf-8").replace(
            "   api/readers\n", "   api/readers\n   kwindex/index\n"
        )
    )
    latex = build(root / "docs", "latex", freshenv=True)
    assert warnings(latex) == []
    tex = (Path(latex.outdir) / "tidepool.tex").read_text("utf-8")
    assert re.findall(r"\\chapter\{Keyword Index\}", tex) == ["\\chapter{Keyword Index}"]
    assert latex.config.latex_appendices == []  # the user's value, after the build
    single = build(root / "docs", "singlehtml", freshenv=True)
    assert warnings(single) == []
    html = (Path(single.outdir) / "index.html").read_text("utf-8")
    assert html.count('id="document-kwindex/index"') == 1


def test_incremental_latex_build_keeps_the_configuration(tmp_path_factory) -> None:
    root = tmp_path_factory.mktemp("example-incremental")
    shutil.copytree(EXAMPLE, root, dirs_exist_ok=True, ignore=_generated)
    build(root / "docs", "latex", freshenv=True)
    module = root / "src" / "tidepool" / "units.py"
    module.write_text(module.read_text("utf-8") + "\n# edited\n", "utf-8")
    again = build(root / "docs", "latex")
    assert warnings(again) == []
    status = again.status.getvalue()
    assert "loading pickled environment" in status
    if LaTeXBuilder.write is Builder.write:  # it says when writing starts (Sphinx 8+)
        assert "latex_appendices" not in status  # (the test app changes html_theme)
    tex = (Path(again.outdir) / "tidepool.tex").read_text("utf-8")
    assert len(re.findall(r"\\chapter\{Keyword Index", tex)) == len(PAGES)


def test_epub_keyword_pages_are_in_the_spine(example) -> None:
    outdir = Path(example("epub").outdir)
    opf = ElementTree.parse(outdir / "content.opf").getroot()
    namespace = {"opf": "http://www.idpf.org/2007/opf"}
    ids = {
        item.get("href"): item.get("id")
        for item in opf.iterfind("opf:manifest/opf:item", namespace)
    }
    spine = {item.get("idref") for item in opf.iterfind("opf:spine/opf:itemref", namespace)}
    for docname in PAGES:
        assert ids[f"{docname}.xhtml"] in spine


# -- linkcheck --------------------------------------------------------------------------


def test_linkcheck_finds_only_internal_links_on_keyword_pages(example) -> None:
    outdir = Path(example("linkcheck").outdir)
    entries = [json.loads(line) for line in (outdir / "output.json").read_text().splitlines()]
    ours = [entry for entry in entries if entry["filename"].startswith("kwindex/")]
    assert len(ours) > 20  # the keyword links
    # internal references: linkcheck's own relative URIs are bare anchors, never checked
    assert [entry for entry in ours if not entry["uri"].startswith("#")] == []
    assert {entry["status"] for entry in ours} == {"unchecked"}
    assert [entry for entry in entries if entry["status"] == "broken"] == []


# -- LaTeX, PDF -----------------------------------------------------------------------------


def test_latex_has_the_keyword_pages_as_appendices(example) -> None:
    tex = (Path(example("latex").outdir) / "tidepool.tex").read_text("utf-8")
    appendix = tex.index("\\appendix")
    chapters = re.findall(r"\\chapter\{(Keyword Index[^}]*)\}", tex[appendix:])
    assert chapters == [
        "Keyword Index",
        *(
            "Keyword Index: " + docname.removeprefix("kwindex/").replace("_", "\\_")
            for docname in PAGES[1:]
        ),
    ]
    # links from the documentation to keyword pages are real references in the PDF
    assert "\\hyperref[\\detokenize{kwindex/tidepool.units::doc}]" in tex[:appendix]
    # the package contents table has set widths (7 columns, counts narrow); Sphinx 7.4
    # writes it as a tabulary, later ones as a tabular
    assert "}[t]{\\X{22}{100}\\X{11}{100}" in tex
    assert "kwindex_placeholder" not in tex
    # the letter bar's targets have labels (LaTeX writes none for a container's ids)
    bar = set(
        re.findall(r"\\hyperref\[\\detokenize\{(kwindex/index:kwindex-letter-[^}]*)\}", tex)
    )
    assert len(bar) > 10
    labels = set(
        re.findall(r"\\label\{\\detokenize\{(kwindex/index:kwindex-letter-[^}]*)\}", tex)
    )
    assert bar <= labels


@pytest.mark.skipif(shutil.which("latexmk") is None, reason="latexmk is not installed")
def test_pdf_keyword_pages_do_not_overflow(example) -> None:
    outdir = Path(example("latex").outdir)
    result = subprocess.run(
        ["make", "-C", str(outdir)], capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert (outdir / "tidepool.pdf").is_file()
    log = (outdir / "tidepool.log").read_text("latin-1")
    # from the first appendix (ours) to the general index, which Sphinx writes
    ours = log[log.index("Appendix A.") : log.index("tidepool.ind")]
    assert "Overfull \\hbox" not in ours
    assert "Hyper reference `kwindex/" not in log  # every link of ours has its target


# -- text, man, texinfo, XML --------------------------------------------------------------


def test_text_keyword_page_reads_well(example) -> None:
    text = (Path(example("text").outdir) / "kwindex" / "tidepool.units.txt").read_text()
    lines = text.splitlines()
    assert lines[:2] == ["Keyword Index: tidepool.units", "*" * 29]
    for heading in ("File information", "Keywords", "Related files", "Cross-references"):
        assert heading in lines
    assert '* "convert"' in lines or "* convert" in lines
    assert not re.search(r"kwindex_placeholder|pending_xref|<[a-z_]+>", text)


@pytest.mark.parametrize(
    ("buildername", "path"), [("man", "tidepool.1"), ("texinfo", "tidepool.texi")]
)
def test_man_and_texinfo_show_no_raw_nodes(example, buildername, path) -> None:
    text = (Path(example(buildername).outdir) / path).read_text("utf-8")
    assert "Related files" in text
    assert not re.search(r"kwindex_placeholder|pending_xref|<[a-z_]+>", text)


def test_texinfo_has_the_keyword_pages(example) -> None:
    text = (Path(example("texinfo").outdir) / "tidepool.texi").read_text("utf-8")
    titles = re.findall(r"^@unnumbered (Keyword Index.*)$", text, re.MULTILINE)
    assert titles == [
        "Keyword Index",
        *("Keyword Index: " + docname.removeprefix("kwindex/") for docname in PAGES[1:]),
        "Keyword Index",  # the domain index, which Texinfo writes last
    ]


def test_xml_keyword_page_has_only_docutils_nodes(example) -> None:
    page = Path(example("xml").outdir) / "kwindex" / "tidepool.units.xml"
    root = ElementTree.parse(page).getroot()
    tags = {element.tag for element in root.iter()}
    assert not tags & {*OUR_NODES, "pending_xref"}
    section_ids = {
        element.get("ids") for element in root.iter("section") if element.get("ids")
    }
    assert {"kwindex-keywords", "kwindex-related"} <= section_ids
    links = [element for element in root.iter("reference") if element.get("internal")]
    assert any("tidepool.units.convert" in (link.get("refuri") or "") for link in links)


def test_json_keyword_page_body(example) -> None:
    page = Path(example("json").outdir) / "kwindex" / "tidepool.units.fjson"
    data = json.loads(page.read_text("utf-8"))
    assert data["title"] == "Keyword Index: tidepool.units"
    body = BeautifulSoup(data["body"], "html.parser")
    assert body.find(id="kwindex-keywords") is not None


# -- a builder that knows docutils' nodes only --------------------------------------------


def test_unknown_builder_gets_plain_docutils_nodes(tmp_path_factory) -> None:
    """Our nodes are replaced by docutils' before any writer sees them: a writer without
    visitors for them (``tests/roots/test-kwindex-plain/plainbuilder.py``) writes pages."""
    app = build_once(tmp_path_factory, "kwindex-plain", "plain")
    assert warnings(app) == []
    outdir = Path(app.outdir)
    text = (outdir / "kwindex" / "plainpkg.shapes.txt").read_text("utf-8")
    assert "Keyword Index: plainpkg.shapesFile information" in text
    for expected in ("File information", "Keywords", "Square.area", "UNIT", "math"):
        assert expected in text
    assert "plainpkg.shapes" in (outdir / "kwindex" / "index.txt").read_text("utf-8")
    assert (outdir / "kwindex.json").is_file()
