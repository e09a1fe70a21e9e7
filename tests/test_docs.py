"""The project's own documentation (``docs/``, ``make docs``) and the JSON schema it
publishes: the docs build without a warning, with nitpicky references, and their generated
tables follow the code; real ``kwindex.json`` files match ``docs/kwindex.schema.json``."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema
import pytest
from conftest import build, build_once
from helpers import anchor_exists, body, html, kwindex_json, resolve_href, warnings

from sphinx_kwindex._config import DEFAULTS, types_of
from sphinx_kwindex._warnings import Subtype

if TYPE_CHECKING:
    from bs4 import Tag
    from sphinx.testing.util import SphinxTestApp

DOCS = Path(__file__).parent.parent / "docs"
SCHEMA = DOCS / "kwindex.schema.json"


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """``docs/`` copied (the checkout is not written to) and built as ``make docs`` does."""
    srcdir = tmp_path_factory.mktemp("docs") / "docs"
    shutil.copytree(DOCS, srcdir, ignore=shutil.ignore_patterns("_build", "kwindex"))
    # the testing app replaces alabaster by "basic" unless the theme is given explicitly
    overrides = {"nitpicky": True, "html_theme": "alabaster"}
    return build(srcdir, freshenv=True, confoverrides=overrides)


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA.read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_docs_build_without_warnings(docs) -> None:
    assert warnings(docs) == []


def _rows(page: Tag, row_class: str) -> dict[str, list[str]]:
    """First cell -> the texts of all cells, for the rows of a generated table."""
    rows = {}
    for row in page.select(f"tr.{row_class}"):
        cells = [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        assert row["id"].endswith(cells[0]), (row["id"], cells[0])
        rows[cells[0]] = cells
    return rows


def test_configuration_page_lists_every_value_with_its_default(docs) -> None:
    rows = _rows(body(docs, "configuration"), "kwindex-confval")
    assert list(rows) == list(DEFAULTS)
    for name, (_name, default, types, description) in rows.items():
        assert default == repr(DEFAULTS[name]), name
        accepted = {"None" if t is type(None) else t.__name__ for t in types_of(name)}
        assert set(types.split(" | ")) == accepted, name
        assert description, name
    assert rows["kwindex_graphs"][1:3] == ["None", "bool | None"]
    assert rows["kwindex_exclude"][2] == "list | tuple"


def test_confval_references_reach_the_table(docs) -> None:
    page = body(docs, "large-projects")
    link = page.select_one('a[href*="configuration.html#confval-kwindex_exclude"]')
    assert link is not None
    assert anchor_exists(*resolve_href(docs, "large-projects", link["href"]))


def test_warnings_page_lists_every_subtype(docs) -> None:
    rows = _rows(body(docs, "warnings"), "kwindex-warning")
    assert list(rows) == [f"kwindex.{subtype.value}" for subtype in Subtype]
    assert all(meaning for _subtype, meaning in rows.values())
    assert "kwindex_max_source_size" in rows["kwindex.read"][1]


def test_own_modules_have_keyword_pages_that_link_into_the_api_pages(docs) -> None:
    page = body(docs, "kwindex/sphinx_kwindex.analysis.model")
    classes = page.find(id="kwindex-classes")
    assert classes is not None
    link = next(
        a
        for a in classes.select("a[href]")
        if a.get_text() == "ModuleFacts" and "api/analysis.html" in a["href"]
    )
    assert link["href"].endswith("#sphinx_kwindex.analysis.model.ModuleFacts")
    assert anchor_exists(
        *resolve_href(docs, "kwindex/sphinx_kwindex.analysis.model", link["href"])
    )
    # and the API page leads back to it
    related = body(docs, "api/analysis").select(".kwindex-related a[href]")
    assert any(
        a["href"].endswith("kwindex/sphinx_kwindex.analysis.model.html") for a in related
    )


def test_private_modules_are_indexed_without_an_api_page(docs) -> None:
    record = kwindex_json(docs)["modules"]["sphinx_kwindex._config"]
    assert record["docname"] is None
    assert record["kwindex_docname"] == "kwindex/sphinx_kwindex._config"
    names = [keyword["name"] for keyword in record["keywords"]["classes"]]
    assert names == ["Settings"]


def test_screenshot_shown_exactly_when_its_file_exists(docs) -> None:
    images = html(docs, "index").select('img[src$="keyword-page.png"]')
    assert len(images) == (1 if (DOCS / "images" / "keyword-page.png").is_file() else 0)


def test_docs_kwindex_json_matches_the_schema(docs, validator) -> None:
    validator.validate(kwindex_json(docs))


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The ``kwindex`` root's JSON: prose documents, insights, intersphinx links, stats."""
    app = build_once(tmp_path_factory, "kwindex", confoverrides={"kwindex_stats": True})
    return kwindex_json(app)


def test_test_projects_kwindex_json_matches_the_schema(
    tmp_path_factory, validator, sample
) -> None:
    """Also with modules that cannot be found, read or parsed."""
    data = sample
    assert data["documents"]
    assert data["stats"]["total_seconds"] > 0
    validator.validate(data)
    broken = kwindex_json(build_once(tmp_path_factory, "kwindex-broken"))
    kinds = {
        record["problem"]["kind"] for record in broken["modules"].values() if record["problem"]
    }
    assert kinds == {"locate", "read", "parse"}
    validator.validate(broken)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("version",), 2),
        (("modules", "kwpkg.shapes", "type"), "file"),
        (("modules", "kwpkg.shapes", "keywords", "classes", 0, "line"), "40"),
        (("modules", "kwpkg.shapes", "keywords", "kinds"), []),
        (("modules", "kwpkg.shapes", "dependencies", 0, "group"), "local"),
        (("modules", "kwpkg.shapes", "unknown"), 1),
        (("keywords", "Circle", 0, "role"), "uses"),
    ],
)
def test_schema_rejects_what_the_extension_never_writes(
    validator, sample, path: tuple[Any, ...], value: Any
) -> None:
    data = copy.deepcopy(sample)
    assert validator.is_valid(data)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert not validator.is_valid(data)
