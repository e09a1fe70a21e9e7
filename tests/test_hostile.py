"""Hostile and unlucky input: links in package folders, files that vanish or are too big,
markup in names and docstrings, builds that are killed or run side by side, random code."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOTS, build, copy_root
from helpers import body, keyword_texts, kwindex_json, warnings

PROJECT = Path(__file__).parent.parent


def test_symbolic_links_to_a_module_and_back_to_the_package(tmp_path) -> None:
    srcdir = copy_root(tmp_path, "kwindex-broken")
    package = srcdir / "brokenpkg"
    os.symlink(package / "bom.py", package / "linked.py")
    os.symlink(package, package / "loop")  # a folder that holds itself
    app = build(srcdir)
    assert keyword_texts(body(app, "kwindex/brokenpkg.linked"), "attributes") == ["MARKED"]
    modules = kwindex_json(app)["modules"]
    assert "brokenpkg.loop" in modules
    assert not any(name.startswith("brokenpkg.loop.loop") for name in modules)
    assert not [line for line in warnings(app) if "loop" in line or "linked" in line]


def test_a_file_that_vanishes_before_it_is_read(tmp_path) -> None:
    srcdir = copy_root(tmp_path, "kwindex-broken")
    (srcdir / "brokenpkg" / "vanishing.py").write_text("GONE = 1\n")
    with (srcdir / "conf.py").open("a") as conf:
        conf.write(
            "\n\ndef setup(app):\n"
            "    def vanish(app, env, docnames):\n"
            "        path = os.path.join(app.srcdir, 'brokenpkg', 'vanishing.py')\n"
            "        if os.path.exists(path):\n"
            "            os.remove(path)\n"
            "    app.connect('env-before-read-docs', vanish)\n"
        )
    app = build(srcdir)
    about = [line for line in warnings(app) if "vanishing" in line]
    assert about == [
        "kwindex/brokenpkg.vanishing.rst:9: WARNING: cannot index module "
        "'brokenpkg.vanishing': its source file was not found on the module path "
        "[kwindex.locate]"
    ]
    assert (
        "its source file was not found" in body(app, "kwindex/brokenpkg.vanishing").get_text()
    )


def test_a_source_too_large_to_index(tmp_path) -> None:
    srcdir = copy_root(tmp_path, "kwindex-broken")
    generated = srcdir / "brokenpkg" / "generated.py"
    line = "VALUE = {'key': [1, 2, 3], 'text': 'some generated data here'}\n"
    generated.write_text(line * (5_000_000 // len(line) + 1))
    started = time.perf_counter()
    app = build(srcdir)
    assert time.perf_counter() - started < 60
    size = generated.stat().st_size
    assert [line for line in warnings(app) if "generated" in line] == [
        f"brokenpkg/generated.py:1: WARNING: cannot index module 'brokenpkg.generated': it is "
        f"too large to index ({size:,} bytes, more than kwindex_max_source_size = 5,000,000)"
        " [kwindex.read]"
    ]


HOSTILE = (
    (
        '''"""<script>alert("doc")</script> {{ jinja }} **bold** `code` '''
        '\u202eevil\u202c zero\u200bwidth."""'
    )
    + '''

__all__ = ["größe"]


def größe(wert):
    """Return <b>wert</b> & {% raw %}."""
    return wert


class Ünïcode:
    """A class with a non-ASCII name."""

    def méthode(self):
        return "<img src=x onerror=alert(1)>"
'''
)


@pytest.mark.parametrize("buildername", ["html", "text", "latex"])
def test_markup_in_names_and_docstrings_stays_text(tmp_path, buildername) -> None:
    srcdir = copy_root(tmp_path, "kwindex-broken")
    (srcdir / "brokenpkg" / "hostile.py").write_text(HOSTILE, encoding="utf-8")
    app = build(srcdir, buildername)
    assert not [line for line in warnings(app) if "hostile" in line]
    out = Path(app.outdir)
    if buildername == "html":
        page = body(app, "kwindex/brokenpkg.hostile")
        assert page.find("script") is None
        assert page.find("img") is None
        assert page.find("b") is None
        assert keyword_texts(page, "functions") == ["größe"]
        assert keyword_texts(page, "classes") == ["Ünïcode"]
        assert keyword_texts(page, "methods") == ["Ünïcode.méthode"]
        text = page.get_text()
        assert '<script>alert("doc")</script> {{ jinja }} **bold** `code`' in text
        raw = (out / "kwindex" / "brokenpkg.hostile.html").read_text()
        assert "&lt;script&gt;" in raw
    elif buildername == "text":
        text = (out / "kwindex" / "brokenpkg.hostile.txt").read_text()
        assert '<script>alert("doc")</script> {{ jinja }}' in text
        assert "größe" in text
    else:  # the keyword pages are not in the PDF (orphans); the build must not break
        assert list(out.glob("*.tex"))


def _sphinx(srcdir: Path, outdir: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(srcdir), str(outdir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_a_build_killed_half_way_leaves_the_next_build_right(tmp_path) -> None:
    srcdir = copy_root(tmp_path, "kwindex")
    outdir = tmp_path / "out"
    process = _sphinx(srcdir, outdir)
    time.sleep(1.5)  # kill it during reading or writing
    process.send_signal(signal.SIGKILL)
    process.wait()
    # no stub is left half-written: every one is whole (our marker, then a title)
    for stub in (srcdir / "kwindex").rglob("*.rst"):
        assert stub.read_text().startswith(".. sphinx-kwindex generated page")
        assert ".. kwindex-" in stub.read_text()
    finished = _sphinx(srcdir, outdir)
    _stdout, stderr = finished.communicate(timeout=300)
    assert finished.returncode == 0, stderr.decode()
    assert (outdir / "kwindex" / "kwpkg.shapes.html").is_file()
    assert (outdir / "kwindex.json").is_file()


def test_two_builds_side_by_side(tmp_path) -> None:
    srcdir = copy_root(tmp_path, "kwindex")
    first, second = _sphinx(srcdir, tmp_path / "a"), _sphinx(srcdir, tmp_path / "b")
    for process in (first, second):
        _stdout, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, stderr.decode()
        assert b"WARNING" not in stderr, stderr.decode()
    assert (tmp_path / "a" / "kwindex.json").read_text() == (
        tmp_path / "b" / "kwindex.json"
    ).read_text()


def test_warnings_as_errors_on_the_example_project(tmp_path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-q",
            "-W",
            "--keep-going",
            "-b",
            "html",
            str(PROJECT / "example_project" / "docs"),
            str(tmp_path / "out"),
            "-d",
            str(tmp_path / "doctrees"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_roots_are_untouched_by_the_tests() -> None:
    """(The tests build copies: a root's own folder never gets generated pages.)"""
    assert not (ROOTS / "test-kwindex" / "kwindex").exists()
