"""Every builder writes the project with keyword pages: no crash, no warning."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_once
from helpers import warnings

BUILDERS = [
    "dirhtml",
    "singlehtml",
    "text",
    "latex",
    "texinfo",
    "man",
    "xml",
    "pseudoxml",
    "dummy",
    "epub",
]


@pytest.mark.parametrize("buildername", BUILDERS)
def test_builder_writes_the_project_without_warnings(tmp_path_factory, buildername) -> None:
    app = build_once(
        tmp_path_factory,
        "kwindex",
        buildername,
        confoverrides={"copyright": "2026, tests", "version": "1"},
    )
    assert warnings(app) == []
    assert (Path(app.outdir) / "kwindex.json").is_file()


def test_text_keyword_page_reads_well(tmp_path_factory) -> None:
    app = build_once(tmp_path_factory, "kwindex", "text")
    text = (Path(app.outdir) / "kwindex" / "kwpkg.util.txt").read_text()
    assert text.startswith("Keyword Index: kwpkg.util\n")
    for heading in (
        "File information",
        "Keywords",
        "Keyword → section map",
        "Related files",
        "Cross-references",
    ):
        assert f"\n{heading}\n" in text
    assert "circle_area" in text


@pytest.mark.parametrize(
    ("buildername", "circle", "make"),
    [
        ("dirhtml", "rst/api/shapes/#kwpkg.shapes.Circle", "_modules/kwpkg/shapes/#L94"),
        ("singlehtml", "rst/index.html#kwpkg.shapes.Circle", None),
        ("latex", None, None),
    ],
)
def test_json_targets_suit_the_builder(tmp_path_factory, buildername, circle, make) -> None:
    import json

    app = build_once(tmp_path_factory, "kwindex", buildername)
    data = json.loads((Path(app.outdir) / "kwindex.json").read_text())
    keywords = data["modules"]["kwpkg.shapes"]["keywords"]
    targets = {k["name"]: k["target"] for category in keywords.values() for k in category}
    assert targets["Circle"] == circle
    assert targets["make"] == make
    # intersphinx targets are absolute: the same everywhere
    assert targets["Any"] == "https://docs.python.org/3/library/typing.html#typing.Any"
