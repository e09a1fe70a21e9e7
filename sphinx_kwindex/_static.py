"""The stylesheet of keyword pages (HTML builders only)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import sphinx
from sphinx.util.fileutil import copy_asset_file

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STYLESHEET = Path(__file__).parent / "static" / "kwindex.css"


def add_stylesheet(app: Sphinx) -> None:
    if app.builder.format == "html":
        app.add_css_file("kwindex.css")


def copy_stylesheet(app: Sphinx, exception: BaseException | None) -> None:
    if exception is None and app.builder.format == "html":
        destination = Path(app.outdir) / "_static"
        if sphinx.version_info >= (8, 0):
            copy_asset_file(STYLESHEET, destination, force=True)
        else:  # Sphinx 7.4 has no `force`: it always overwrites a file that differs
            copy_asset_file(STYLESHEET, destination)
