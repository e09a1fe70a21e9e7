"""One navigation sidebar for all keyword pages.

Themes render the whole toctree into every page's sidebar, and that is the largest cost of a
page. Keyword pages are in no toctree and all sit in one folder, so their rendered toctree is
the same for all of them (no entry is "current", every link is relative to the same folder):
it is rendered once per build, folder depth (``dirhtml`` writes ``kwindex/index.html`` but
``kwindex/<module>/index.html``) and set of arguments, then reused.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sphinx_kwindex._config import settings
from sphinx_kwindex._stats import domain_of

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx


def on_html_page_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    folder = settings(app.config).dir + "/"
    render = context.get("toctree")
    if (
        not pagename.startswith(folder)
        or not callable(render)
        or "/" in pagename[len(folder) :]
    ):
        return
    domain = domain_of(app)
    included = domain.in_toctrees(app.env)
    if pagename in included:
        return  # in a toctree after all: its sidebar marks it, so it is its own
    cache: dict[str, str] = domain.derived("sidebar toctrees", dict)

    # links are relative to the page: dirhtml puts kwindex/index one folder above the rest
    depth = app.builder.get_target_uri(pagename).count("/")

    def toctree(**kwargs: Any) -> str:
        key = json.dumps([depth, kwargs], sort_keys=True, default=str)
        if key not in cache:
            cache[key] = render(**kwargs)
        return cache[key]

    context["toctree"] = toctree
