"""Real Sphinx builds of the small projects under ``tests/roots``."""

from __future__ import annotations

import json
import shutil
import sys
from contextlib import contextmanager
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import sphinx
from sphinx.testing.util import SphinxTestApp

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

pytest_plugins = ("sphinx.testing.fixtures",)
collect_ignore = ["roots"]

ROOTS = Path(__file__).parent / "roots"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


@contextmanager
def isolated_imports() -> Iterator[None]:
    """Each build sees its own copy of a test package (autodoc imports it; we never do)."""
    path, modules = list(sys.path), set(sys.modules)
    try:
        yield
    finally:
        sys.path[:] = path
        for name in set(sys.modules) - modules:
            module = sys.modules.get(name)
            if module is not None and not (
                getattr(module, "__file__", None) or sys.prefix
            ).startswith(sys.prefix):
                del sys.modules[name]


@pytest.fixture(autouse=True)
def _isolate_imports() -> Iterator[None]:
    with isolated_imports():
        yield


def copy_root(parent: Path, testroot: str) -> Path:
    """A fresh copy of ``tests/roots/test-<testroot>`` under *parent*."""
    srcdir = parent / testroot
    shutil.copytree(ROOTS / f"test-{testroot}", srcdir)
    return srcdir


# Sphinx 8 ends each warning with its type and subtype ("[kwindex.read]"); 7.4 only when asked.
# The tests assert on the subtype, so they ask on 7.4 (a caller's confoverrides win).
SHOW_WARNING_TYPES = {"show_warning_types": True} if sphinx.version_info < (8, 0) else {}


def build(srcdir: Path, buildername: str = "html", **kwargs: Any) -> SphinxTestApp:
    """Build *srcdir* (again, if built before) the way ``sphinx-build`` would."""
    kwargs["confoverrides"] = {**SHOW_WARNING_TYPES, **kwargs.get("confoverrides", {})}
    with isolated_imports():
        app = SphinxTestApp(
            buildername, srcdir=srcdir, status=StringIO(), warning=StringIO(), **kwargs
        )
        try:
            app.build()
        finally:
            app.cleanup()  # keeps the output; unregisters docutils state for the next app
    return app


def build_once(
    tmp_path_factory: pytest.TempPathFactory,
    testroot: str,
    buildername: str = "html",
    **kwargs: Any,
) -> SphinxTestApp:
    """Copy a test root and build it from scratch (for fixtures shared by a module)."""
    srcdir = copy_root(tmp_path_factory.mktemp(testroot), testroot)
    return build(srcdir, buildername, freshenv=True, **kwargs)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The ``kwindex`` root built once (HTML) for all read-only tests of a module."""
    return build_once(tmp_path_factory, "kwindex")


EXAMPLE = Path(__file__).parent.parent / "example_project"

#: The HTML themes the keyword pages are checked under: name -> the module that provides it.
THEMES = {
    "alabaster": "alabaster",
    "furo": "furo",
    "sphinx_rtd_theme": "sphinx_rtd_theme",
    "pydata_sphinx_theme": "pydata_sphinx_theme",
    "sphinx_book_theme": "sphinx_book_theme",
}


@pytest.fixture(scope="session")
def example_build(
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[..., SphinxTestApp]:
    """``example_build(theme, **confoverrides)``: the example project built once per session
    and arguments, from a copy (the checkout is never written). Skips when the theme's
    package is not installed."""
    made: dict[str, SphinxTestApp] = {}

    def get(theme: str, **overrides: Any) -> SphinxTestApp:
        pytest.importorskip(THEMES[theme], reason=f"the {theme} theme is not installed")
        key = json.dumps([theme, overrides], sort_keys=True)
        if key not in made:
            parent = tmp_path_factory.mktemp(f"example-{theme}")
            shutil.copytree(
                EXAMPLE,
                parent / "example_project",
                ignore=shutil.ignore_patterns("_build", "kwindex", "__pycache__"),
            )
            made[key] = build(
                parent / "example_project" / "docs",
                freshenv=True,
                confoverrides={"html_theme": theme, **overrides},
            )
        return made[key]

    return get
