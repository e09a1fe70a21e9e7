"""Configuration: every value validated with a clear warning; each one does what it says."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import ROOTS, build, build_once, copy_root
from helpers import CATEGORIES, body, keyword_texts, kwindex_json, warnings

from sphinx_kwindex._config import DEFAULTS

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp

BAD_VALUES = {
    "kwindex_dir": ("42", "expected a folder name (str), got int"),
    "kwindex_modules": ('"kwpkg"', "expected a list of module names or patterns, got 'kwpkg'"),
    "kwindex_exclude": ('[""]', "expected a list of non-empty strings, got ''"),
    "kwindex_categories": (
        '["classes", "modules"]',
        "unknown categories 'modules' (known: classes, functions, methods, "
        "attributes, imports)",
    ),
    "kwindex_private": ('"no"', "expected True or False, got 'no'"),
    "kwindex_related_files": ("1", "expected True or False, got 1"),
    "kwindex_json": ("None", "expected True or False, got None"),
    "kwindex_graphs": ('"yes"', "expected True, False or None, got 'yes'"),
    "kwindex_index_split": ("-1", "expected a whole number, 0 or more, got -1"),
    "kwindex_stats": ('"x"', "expected True or False, got 'x'"),
    "kwindex_documents": ('"docs/*"', "expected a list of docname patterns, got 'docs/*'"),
    "kwindex_stopwords": ("5", "expected a list of words, got 5"),
    "kwindex_terms": ("[1]", "expected a list of non-empty strings, got 1"),
    "kwindex_insights": ('"on"', "expected True or False, got 'on'"),
    "kwindex_test_paths": ('"tests"', "expected a list of folders, got 'tests'"),
    "kwindex_max_source_size": ('"big"', "expected a whole number, 0 or more, got 'big'"),
}


def _build_with_conf(tmp_path: Path, extra: str) -> SphinxTestApp:
    """The ``kwindex`` root with *extra* lines at the end of its ``conf.py``."""
    srcdir = copy_root(tmp_path, "kwindex")
    with (srcdir / "conf.py").open("a") as conf:
        conf.write(extra)
    return build(srcdir)


def test_wrong_values_warn_once_each_with_their_line_and_fall_back(tmp_path) -> None:
    lines = [f"{name} = {value}" for name, (value, _message) in BAD_VALUES.items()]
    app = _build_with_conf(tmp_path, "\n" + "\n".join(lines) + "\n")
    first = len((ROOTS / "test-kwindex" / "conf.py").read_text().splitlines()) + 2
    expected = [
        f"conf.py:{first + index}: WARNING: {name}: {message}; using the default "
        f"{DEFAULTS[name]!r} [kwindex.config]"
        for index, (name, (_value, message)) in enumerate(BAD_VALUES.items())
    ]
    assert warnings(app) == expected
    # the defaults are in force: the usual pages, the JSON, all categories
    assert (Path(app.outdir) / "kwindex" / "kwpkg.shapes.html").is_file()
    assert sorted(kwindex_json(app)["modules"]["kwpkg.shapes"]["keywords"]) == sorted(
        CATEGORIES
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("../outside", "the folder must be inside the source folder, got '../outside'"),
        (
            "/tmp/elsewhere",
            "expected a relative folder inside the source folder, got '/tmp/elsewhere'",
        ),
        ("   ", "expected a relative folder inside the source folder, got '   '"),
    ],
)
def test_kwindex_dir_must_stay_inside_the_source_folder(tmp_path_factory, value, message):
    app = build_once(tmp_path_factory, "kwindex", confoverrides={"kwindex_dir": value})
    assert warnings(app) == [
        f"WARNING: kwindex_dir: {message}; using the default 'kwindex' [kwindex.config]"
    ]
    assert (Path(app.srcdir) / "kwindex" / "kwpkg.rst").is_file()
    assert not (Path(app.srcdir).parent / "outside").exists()


def test_categories_private_exclude_and_a_custom_folder(tmp_path_factory) -> None:
    app = build_once(
        tmp_path_factory,
        "kwindex",
        confoverrides={
            "kwindex_categories": ["imports", "classes"],
            "kwindex_private": False,
            "kwindex_exclude": ["kwpkg.sub*"],
            "kwindex_dir": "reference/keywords",
        },
    )
    assert warnings(app) == []
    page = body(app, "reference/keywords/kwpkg.util")
    sections = page.find(id="kwindex-keywords").find_all("section", recursive=False)
    assert [section["id"] for section in sections] == [
        "kwindex-imports",
        "kwindex-classes",
    ] or [section["id"] for section in sections] == ["kwindex-imports"]
    assert "_hidden" not in page.get_text()
    assert keyword_texts(page, "classes") == []  # _Impl is private
    assert keyword_texts(page, "imports") == [
        "Circle",
        "helper as h",
        "kwpkg",
        "kwpkg.shapes",
        "kwpkg.sub.deep",
        "shapes",
    ]
    data = kwindex_json(app)
    assert sorted(data["modules"]) == ["kwpkg", "kwpkg.shapes", "kwpkg.util"]
    assert list(data["modules"]["kwpkg.util"]["keywords"]) == ["imports", "classes"]
    assert not (Path(app.srcdir) / "kwindex").exists()


def test_switches_for_related_files_and_json(tmp_path_factory) -> None:
    app = build_once(
        tmp_path_factory,
        "kwindex",
        confoverrides={"kwindex_related_files": False, "kwindex_json": False},
    )
    assert warnings(app) == []
    assert body(app, "rst/api/util").select(".kwindex-related-files") == []
    assert not (Path(app.outdir) / "kwindex.json").exists()


def test_module_patterns(tmp_path_factory) -> None:
    app = build_once(
        tmp_path_factory,
        "kwindex",
        confoverrides={"kwindex_modules": ["kwpk*.su?", "not a module", "*.deep"]},
    )
    assert warnings(app) == [
        "WARNING: kwindex_modules: 'not a module' is not a module name [kwindex.config]",
        "WARNING: kwindex_modules: pattern '*.deep' must start with the name of a "
        "package that can be found [kwindex.config]",
    ]
    # kwpkg.sub comes from the pattern alone (no page documents it)
    assert sorted(kwindex_json(app)["modules"]) == [
        "kwpkg",
        "kwpkg.shapes",
        "kwpkg.sub",
        "kwpkg.sub.deep",
        "kwpkg.util",
    ]
    narrow = build_once(
        tmp_path_factory, "kwindex", confoverrides={"kwindex_modules": ["kwpkg.sub.d*"]}
    )
    assert "kwpkg.sub" not in kwindex_json(narrow)["modules"]


def test_files_we_did_not_write_are_never_overwritten(tmp_path) -> None:
    srcdir = copy_root(tmp_path, "kwindex")
    (srcdir / "kwindex").mkdir()
    mine = srcdir / "kwindex" / "kwpkg.util.rst"
    mine.write_text(":orphan:\n\nMy own notes\n============\n")
    (srcdir / "kwindex" / "notes.rst").write_text(":orphan:\n\nMore notes\n==========\n")
    app = build(srcdir)
    assert warnings(app) == [
        "kwindex/kwpkg.util.rst:1: WARNING: not overwriting kwindex/kwpkg.util.rst: it was "
        "not generated by sphinx-kwindex (move it, or choose another kwindex_dir) "
        "[kwindex.stub]"
    ]
    assert mine.read_text() == ":orphan:\n\nMy own notes\n============\n"
    assert (srcdir / "kwindex" / "notes.rst").is_file()
    assert "kwpkg.util" not in kwindex_json(app)["modules"]


def test_pages_that_document_members_under_currentmodule_index_the_module(tmp_path_factory):
    app = build_once(tmp_path_factory, "kwindex", confoverrides={"kwindex_modules": []})
    assert warnings(app) == []
    modules = kwindex_json(app)["modules"]
    assert sorted(modules) == ["kwpkg", "kwpkg.shapes", "kwpkg.sub.deep", "kwpkg.util"]
    assert modules["kwpkg.sub.deep"]["sections"] == {"helper": "Deep helpers"}


def test_config_and_stub_warnings_can_be_silenced(tmp_path) -> None:
    lines = [f"{name} = {value}" for name, (value, _message) in BAD_VALUES.items()]
    lines.append('suppress_warnings = ["kwindex.config", "kwindex.stub"]')
    srcdir_extra = "\n" + "\n".join(lines) + "\n"
    app = _build_with_conf(tmp_path, srcdir_extra)
    assert warnings(app) == []
