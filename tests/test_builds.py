"""The same index whatever the way of building: MyST or reST, -j 2 or -j 1, either autodoc."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import sphinx
from conftest import build_once
from helpers import body, kwindex_json, warnings
from sphinx.util.console import strip_escape_sequences

MODULES = ["kwpkg", "kwpkg.shapes", "kwpkg.sub", "kwpkg.sub.deep", "kwpkg.util"]
MYST = {"root_doc": "myst/index", "exclude_patterns": ["_build", "rst/**"]}


def _pages(app, rename: tuple[str, str] = ("", "")) -> dict[str, str]:
    """The main content of every keyword page, with one docname prefix renamed."""
    old, new = rename
    return {
        modname: str(body(app, f"kwindex/{modname}")).replace(old, new) for modname in MODULES
    }


def _json(app, rename: tuple[str, str] = ("", "")) -> str:
    """The JSON, one docname prefix renamed; a prose document's file facts (its source is a
    different file in MyST) left out."""
    old, new = rename
    data = kwindex_json(app)
    for document in data.get("documents", {}).values():
        for key in ("path", "size", "lines", "type"):
            document.pop(key)
    return json.dumps(data, sort_keys=True).replace(old, new)


@pytest.fixture(scope="module")
def myst(tmp_path_factory):
    return build_once(tmp_path_factory, "kwindex", confoverrides=MYST)


def test_myst_documents_give_the_same_index_as_rest(built, myst) -> None:
    assert warnings(myst) == []
    assert _json(myst, ("myst/", "rst/")) == _json(built)
    assert _pages(myst, ("myst/", "rst/")) == _pages(built)
    # the inline directives too
    rest_inline = body(built, "rst/inline").select("div.kwindex")
    myst_inline = body(myst, "myst/inline").select("div.kwindex")
    assert [str(node).replace("myst/", "rst/") for node in myst_inline] == [
        str(node) for node in rest_inline
    ]


@pytest.mark.parametrize("confoverrides", [{}, MYST], ids=["rest", "myst"])
def test_parallel_build_equals_serial_build(tmp_path_factory, confoverrides) -> None:
    serial = build_once(tmp_path_factory, "kwindex", confoverrides=confoverrides)
    parallel = build_once(tmp_path_factory, "kwindex", confoverrides=confoverrides, parallel=2)
    # chunks of documents ("a .. b") show that reading and writing did run in parallel
    status = strip_escape_sequences(parallel.status.getvalue())
    assert re.search(r"reading sources\.\.\. \[\s*\d+%\] \S+ \.\. \S+", status)
    assert re.search(r"writing output\.\.\. \[\s*\d+%\] \S+ \.\. \S+", status)
    assert warnings(parallel) == []
    assert _json(parallel) == _json(serial)
    assert _pages(parallel) == _pages(serial)
    doc = "rst/api/util" if not confoverrides else "myst/api/util"
    assert str(body(parallel, doc)) == str(body(serial, doc))


@pytest.mark.skipif(
    sphinx.version_info < (9, 0),
    reason="autodoc_use_legacy_class_based is Sphinx 9's; before 9 `built` is that autodoc",
)
def test_legacy_autodoc_gives_the_same_index(built, tmp_path_factory) -> None:
    legacy = build_once(
        tmp_path_factory, "kwindex", confoverrides={"autodoc_use_legacy_class_based": True}
    )
    assert warnings(legacy) == []
    assert _json(legacy) == _json(built)
    assert _pages(legacy) == _pages(built)


def test_stylesheet_is_shipped_and_linked(built) -> None:
    assert (Path(built.outdir) / "_static" / "kwindex.css").is_file()
    page = (Path(built.outdir) / "kwindex" / "kwpkg.html").read_text("utf-8")
    assert 'href="../_static/kwindex.css' in page


def test_markdown_only_project_gets_markdown_stubs(tmp_path_factory) -> None:
    app = build_once(
        tmp_path_factory,
        "kwindex",
        confoverrides={**MYST, "source_suffix": {".md": "markdown"}},
    )
    assert warnings(app) == []
    folder = Path(app.srcdir) / "kwindex"
    stubs = sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.md"))
    assert stubs == sorted(
        ["index.md", "doc/myst/guide.md", *(f"{modname}.md" for modname in MODULES)]
    )
    assert _pages(app, ("myst/", "rst/")).keys() == set(MODULES)
    assert kwindex_json(app)["modules"]["kwpkg.shapes"]["docname"] == "myst/api/shapes"
    searched = _searched(app)  # the front matter's ``nosearch`` works as reST's field does
    assert "myst/api/shapes" in searched
    assert not [docname for docname in searched if docname.startswith("kwindex/")]


def _searched(app) -> list[str]:
    """The docnames whose words are in the HTML search index (Sphinx lists a ``nosearch``
    page with an empty title and no words)."""
    text = (Path(app.outdir) / "searchindex.js").read_text("utf-8")
    data = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    worded = {
        data["docnames"][number]
        for numbers in data["terms"].values()
        for number in ([numbers] if isinstance(numbers, int) else numbers)
    }
    return [
        docname
        for docname, title in zip(data["docnames"], data["titles"], strict=True)
        if title or docname in worded
    ]


def test_keyword_pages_stay_out_of_search_like_sphinx_indices(built) -> None:
    searched = _searched(built)
    assert "rst/api/shapes" in searched
    assert not [docname for docname in searched if docname.startswith("kwindex/")]
    stub = (Path(built.srcdir) / "kwindex" / "kwpkg.rst").read_text("utf-8")
    assert stub.splitlines()[2:4] == [":orphan:", ":nosearch:"]


def test_kwindex_search_puts_keyword_pages_in_search(tmp_path_factory) -> None:
    app = build_once(tmp_path_factory, "kwindex", confoverrides={"kwindex_search": True})
    assert warnings(app) == []
    searched = _searched(app)
    assert {"kwindex/index", "kwindex/kwpkg.shapes", "kwindex/doc/rst/guide"} <= set(searched)


def test_kwindex_json_has_one_line_per_module_and_keyword(built) -> None:
    text = (Path(built.outdir) / "kwindex.json").read_text("utf-8")
    data = json.loads(text)
    entries: dict[str, dict[str, object]] = {}
    section = ""
    for line in text.splitlines():
        if line.startswith(' "') and line.endswith(": {"):  # a top-level mapping opens
            section = json.loads(line.strip().removesuffix(": {"))
            entries[section] = {}
        elif line.startswith('  "'):  # one of its entries
            name, _colon, value = line.strip().removesuffix(",").partition(": ")
            entries[section][json.loads(name)] = json.loads(value)
    assert len(data["modules"]) > 3
    assert data["keywords"]
    assert entries["modules"] == data["modules"]
    assert entries["keywords"] == data["keywords"]
    assert text.startswith('{\n "version": 1,\n "modules": {\n')
    assert text.endswith("\n }\n}\n")
