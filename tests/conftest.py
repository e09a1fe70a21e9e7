"""Real Sphinx builds of the small projects under ``tests/roots``."""

from __future__ import annotations

import shutil
import sys
from contextlib import contextmanager
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sphinx.testing.util import SphinxTestApp

if TYPE_CHECKING:
    from collections.abc import Iterator

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


def build_once(
    tmp_path_factory: pytest.TempPathFactory,
    testroot: str,
    buildername: str = "html",
    **kwargs: Any,
) -> SphinxTestApp:
    """Copy ``tests/roots/test-<testroot>`` and build it (for fixtures shared by a module)."""
    srcdir = tmp_path_factory.mktemp(testroot) / testroot
    shutil.copytree(ROOTS / f"test-{testroot}", srcdir)
    with isolated_imports():
        app = SphinxTestApp(
            buildername,
            srcdir=srcdir,
            status=StringIO(),
            warning=StringIO(),
            freshenv=True,
            **kwargs,
        )
        try:
            app.build()
        finally:
            app.cleanup()  # keeps the output; unregisters docutils state for the next app
    return app


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The ``kwindex`` root built once (HTML) for all read-only tests of a module."""
    return build_once(tmp_path_factory, "kwindex")
