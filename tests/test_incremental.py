"""Incremental builds: nothing re-read when nothing changed; an edit rewrites only what it
changes (also under -j 2)."""

from __future__ import annotations

import os
import re
import time
from typing import TYPE_CHECKING

import pytest
from conftest import build, copy_root
from helpers import HAS_DOT, body, kwindex_json, warnings
from sphinx.util.console import strip_escape_sequences

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp


class Project:
    """A copy of the ``kwindex`` root, built again and again like a user would."""

    def __init__(self, srcdir: Path, parallel: int) -> None:
        self.srcdir = srcdir
        self.parallel = parallel
        self.app: SphinxTestApp | None = None

    def build(self) -> SphinxTestApp:
        self.app = build(self.srcdir, parallel=self.parallel)
        return self.app

    def outputs(self) -> dict[str, int]:
        """mtime of each written document page (docname -> ns)."""
        outdir = self.srcdir / "_build" / "html"
        return {
            str(path.relative_to(outdir).with_suffix("")): path.stat().st_mtime_ns
            for path in outdir.rglob("*.html")
            if not path.relative_to(outdir).parts[0].startswith("_")
            and path.name
            not in {
                "genindex.html",
                "search.html",
                "py-modindex.html",
                "kwindex-keywords.html",
            }
        }

    def stubs(self) -> dict[str, int]:
        return {
            path.name: path.stat().st_mtime_ns for path in (self.srcdir / "kwindex").iterdir()
        }

    def edit(self, relative: str, old: str, new: str) -> None:
        path = self.srcdir / relative
        text = path.read_text()
        assert old in text
        _write_later(path, text.replace(old, new))

    def read_counts(self) -> tuple[int, int, int]:
        status = strip_escape_sequences(self.app.status.getvalue())
        found = re.search(r"(\d+) added, (\d+) changed, (\d+) removed", status)
        assert found is not None
        return int(found[1]), int(found[2]), int(found[3])


def _write_later(path: Path, text: str) -> None:
    """Write *text* with an mtime surely newer than the last build's."""
    path.write_text(text)
    later = time.time_ns() + 2_000_000_000
    os.utime(path, ns=(later, later))


@pytest.fixture(params=[0, 2], ids=["serial", "parallel"])
def project(request, tmp_path) -> Project:
    result = Project(copy_root(tmp_path, "kwindex"), request.param)
    result.build()
    assert warnings(result.app) == []
    return result


def _changed(before: dict[str, int], after: dict[str, int]) -> set[str]:
    return {name for name, mtime in after.items() if before.get(name) != mtime}


def test_a_no_op_rebuild_reads_and_writes_nothing(project: Project) -> None:
    outputs, stubs = project.outputs(), project.stubs()
    exported = project.srcdir / "_build" / "html" / "kwindex.json"
    json_mtime = exported.stat().st_mtime_ns
    (state,) = (project.srcdir / "_build" / "doctrees").glob("kwindex-pages-html-*.json")
    state_mtime = state.stat().st_mtime_ns
    time.sleep(0.01)
    app = project.build()
    assert project.read_counts() == (0, 0, 0)
    assert _changed(outputs, project.outputs()) == set()
    assert project.stubs() == stubs
    assert "(0 pages written, 0 removed)" in strip_escape_sequences(app.status.getvalue())
    # nothing was read or removed: neither the page digests nor the JSON are made again
    assert exported.stat().st_mtime_ns == json_mtime
    assert state.stat().st_mtime_ns == state_mtime
    assert not state.with_suffix(".pending").exists()


def test_a_page_read_again_unchanged_changes_nothing_else(project: Project) -> None:
    """Like autodoc re-reading a page in every build: no digests, no export, no rewrites."""
    page = project.srcdir / "rst" / "api" / "shapes.rst"
    exported = project.srcdir / "_build" / "html" / "kwindex.json"
    (state,) = (project.srcdir / "_build" / "doctrees").glob("kwindex-pages-html-*.json")
    json_mtime, state_mtime = exported.stat().st_mtime_ns, state.stat().st_mtime_ns
    outputs = project.outputs()
    _write_later(page, page.read_text())
    project.build()
    assert project.read_counts() == (0, 1, 0)
    # Sphinx writes the page and the page whose toctree holds it; no keyword page
    assert _changed(outputs, project.outputs()) == {"rst/api/shapes", "rst/index"}
    assert exported.stat().st_mtime_ns == json_mtime
    assert state.stat().st_mtime_ns == state_mtime


def test_a_no_op_rebuild_writes_a_deleted_json_again(project: Project) -> None:
    exported = project.srcdir / "_build" / "html" / "kwindex.json"
    before = exported.read_text()
    exported.unlink()
    project.build()
    assert project.read_counts() == (0, 0, 0)
    assert exported.read_text() == before


def test_editing_a_module_rewrites_its_pages_and_nothing_unrelated(project: Project) -> None:
    outputs = project.outputs()
    project.edit(
        "kwpkg/util.py",
        "def circle_area(",
        "def brand_new(x: int) -> int:\n    return x\n\n\ndef circle_area(",
    )
    app = project.build()
    assert warnings(app) == []
    # the keyword page (its source is a dependency) and the page autodoc reads the module for
    assert project.read_counts() == (0, 2, 0)
    # also written: the global index (a new name), the package page (util's counts), and
    # rst/index, which Sphinx itself writes again (its toctree holds a page that was re-read)
    assert _changed(outputs, project.outputs()) == {
        "kwindex/kwpkg.util",
        "rst/api/util",
        "kwindex/index",
        "kwindex/kwpkg",
        "rst/index",
    }
    functions = body(app, "kwindex/kwpkg.util").find(id="kwindex-functions")
    assert "brand_new" in [
        code.get_text() for code in functions.select("code.kwindex-keyword")
    ]
    names = [
        k["name"] for k in kwindex_json(app)["modules"]["kwpkg.util"]["keywords"]["functions"]
    ]
    assert "brand_new" in names


def test_moving_an_autodoc_entry_moves_it_in_the_section_map(project: Project) -> None:
    outputs = project.outputs()
    page = project.srcdir / "rst" / "api" / "shapes.rst"
    text = page.read_text()
    entry = ".. autofunction:: kwpkg.shapes.describe\n\n"
    text = text.replace(entry, "")
    text = text.replace("Squares\n-------\n", entry + "Squares\n-------\n")
    _write_later(page, text)
    app = project.build()
    assert warnings(app) == []
    assert project.read_counts() == (0, 1, 0)  # only the documentation page is read again
    # ... but the keyword page, which shows its sections, is written again too
    assert _changed(outputs, project.outputs()) == {
        "rst/api/shapes",
        "kwindex/kwpkg.shapes",
        "rst/index",
    }
    rows = body(app, "kwindex/kwpkg.shapes").find(id="kwindex-section-map").tbody("tr")
    sections = {
        row("td")[0].get_text().strip(): row("td")[1].get_text().strip() for row in rows
    }
    assert sections["describe"] == "Circles"
    assert kwindex_json(app)["modules"]["kwpkg.shapes"]["sections"]["describe"] == "Circles"


def test_a_new_file_in_a_package_folder_shows_in_related_files(project: Project) -> None:
    _write_later(project.srcdir / "kwpkg" / "extra.py", '"""Extra."""\n')
    app = project.build()
    assert warnings(app) == []
    table = body(app, "kwindex/kwpkg.shapes").select_one(".kwindex-related table")
    assert "extra.py" in [row.td.get_text() for row in table.tbody("tr")]
    for docname in ("rst/api/util", "rst/inline"):
        related = body(app, docname).select(".kwindex-related-list")[-1]
        assert "extra.py" in [code.get_text() for code in related.select("code")], docname
    assert "kwpkg.extra" in kwindex_json(app)["modules"]["kwpkg.util"]["related"]


def test_a_module_no_longer_documented_loses_its_page(project: Project) -> None:
    _write_later(project.srcdir / "rst" / "api" / "util.rst", "Utilities\n=========\n")
    app = project.build()
    assert warnings(app) == []
    assert not (project.srcdir / "kwindex" / "kwpkg.util.rst").exists()
    assert "kwpkg.util" not in kwindex_json(app)["modules"]
    rows = body(app, "kwindex/kwpkg.shapes").find(id="kwindex-related").tbody("tr")
    util = next(row for row in rows if row.td.get_text() == "util.py")
    assert [cell.get_text().strip() for cell in util("td")][2:] == [
        "\N{EM DASH}",
        "\N{EM DASH}",
    ]


def test_another_builder_in_between_does_not_hide_a_change(project: Project) -> None:
    """Builders share the environment (``sphinx-build -M``), not their output."""
    page = project.srcdir / "rst" / "api" / "shapes.rst"
    entry = ".. autofunction:: kwpkg.shapes.describe\n\n"
    text = page.read_text().replace(entry, "")
    _write_later(page, text.replace("Squares\n-------\n", entry + "Squares\n-------\n"))
    text_app = build(project.srcdir, "text", parallel=project.parallel)
    assert warnings(text_app) == []
    app = project.build()
    rows = body(app, "kwindex/kwpkg.shapes").find(id="kwindex-section-map").tbody("tr")
    sections = {
        row("td")[0].get_text().strip(): row("td")[1].get_text().strip() for row in rows
    }
    assert sections["describe"] == "Circles"


def test_editing_imports_updates_importers_the_index_and_nothing_else(
    project: Project,
) -> None:
    outputs = project.outputs()
    # kwpkg.sub.deep stops importing kwpkg.util and starts importing kwpkg.sub
    project.edit("kwpkg/sub/deep.py", "from .. import util\n", "from kwpkg import sub\n")
    app = project.build()
    assert warnings(app) == []
    expected = {
        "kwindex/kwpkg.sub.deep",  # its own page (read again)
        "rst/api/deep",  # autodoc reads the module for it
        "rst/inline",  # shows deep's keyword index inline
        "rst/index",  # Sphinx: the toctree above a page read again
        "kwindex/kwpkg.util",  # no longer imported by deep
        "kwindex/kwpkg.sub",  # now imported by deep; its folder index counts deep's imports
        "kwindex/index",  # the global index
    }
    if HAS_DOT:
        expected.add("kwindex/kwpkg")  # its import map: sub no longer imports util
    assert _changed(outputs, project.outputs()) == expected
    util = body(app, "kwindex/kwpkg.util").find(id="kwindex-imported-by")
    assert [code.get_text() for code in util.select("code")] == ["kwpkg"]
    sub = body(app, "kwindex/kwpkg.sub").find(id="kwindex-imported-by")
    assert [code.get_text() for code in sub.select("code")] == ["kwpkg.sub.deep"]
    data = kwindex_json(app)["modules"]
    assert data["kwpkg.util"]["imported_by"] == ["kwpkg"]
    assert data["kwpkg.sub"]["imported_by"] == ["kwpkg.sub.deep"]


def test_an_html_setting_reaches_the_json_without_a_re_read(tmp_path) -> None:
    """``html_link_suffix`` changes no document (Sphinx writes every page again, reads none):
    the keyword targets in kwindex.json follow it."""
    srcdir = copy_root(tmp_path, "kwindex")
    build(srcdir)
    app = build(srcdir, confoverrides={"html_link_suffix": ".htm"})
    assert warnings(app) == []
    assert "0 added, 0 changed, 0 removed" in strip_escape_sequences(app.status.getvalue())
    classes = kwindex_json(app)["modules"]["kwpkg.shapes"]["keywords"]["classes"]
    assert classes[0]["target"].split("#")[0] == "rst/api/shapes.htm"
