"""A Sphinx extension that ``bench.py --floor-pages`` adds to build F only.

Build F is the baseline plus one page per module under ``floor/`` that shows nothing but a
title: the least that any design with a page per module costs Sphinx (reading a document,
resolving it, writing it through the theme). Those pages are orphans in one folder, as
keyword pages are, and get the same treatment sphinx-kwindex gives its own: their sidebar
toctree, identical for all of them, is rendered once and reused. Without that, build F would
pay for the theme's navigation on every page and overstate the floor. The few lines below
repeat ``sphinx_kwindex._sidebar`` on purpose: importing the extension would load all of it
into build F.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

FOLDER = "floor/"
#: Rendered sidebars of this build, by folder depth and arguments.
_SIDEBARS: dict[str, str] = {}


def _page_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    render = context.get("toctree")
    if not pagename.startswith(FOLDER) or not callable(render):
        return
    depth = app.builder.get_target_uri(pagename).count("/")

    def toctree(**kwargs: Any) -> str:
        key = json.dumps([depth, kwargs], sort_keys=True, default=str)
        if key not in _SIDEBARS:
            _SIDEBARS[key] = render(**kwargs)
        return _SIDEBARS[key]

    context["toctree"] = toctree


def _builder_inited(app: Sphinx) -> None:
    _SIDEBARS.clear()


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", _builder_inited)
    app.connect("html-page-context", _page_context)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
