"""Write-time completion of placeholders, from the build state of every page.

Runs as a post-transform of each page Sphinx writes (in the main process, for every builder):
after Sphinx resolved the page's references and highlighted its code, which need not walk our
parts, and before the link checker collects links. Each placeholder is replaced by its part's
nodes (:mod:`sphinx_kwindex.parts`); links to pages are made with
:func:`sphinx.util.nodes.make_refnode`, so each builder writes them its own way; keyword
links are resolved as Sphinx resolves cross-references (:func:`sphinx_kwindex._links.resolve`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_kwindex._config import settings
from sphinx_kwindex._domain import KwindexDomain
from sphinx_kwindex._nodes import find_all, kwindex_placeholder
from sphinx_kwindex._stats import timed
from sphinx_kwindex.parts import PARTS
from sphinx_kwindex.parts.context import Context

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx


def context_for(app: Sphinx, docname: str) -> Context:
    """The write-time context of page *docname*."""
    domain = app.env.domains["kwindex"]
    assert isinstance(domain, KwindexDomain)
    return Context(app, app.env, domain, settings(app.config), docname, {}, {})


def fill(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Replace the placeholders of *doctree*, written as page *docname*."""
    placeholders = find_all(doctree, kwindex_placeholder)
    if not placeholders:
        return
    context = context_for(app, docname)
    for node in placeholders:
        modname = node["modname"]
        facts = context.domain.facts(modname, node["docname"])
        node.replace_self(PARTS[node["kind"]].fill(context, modname, facts))


timed_fill = timed("fill pages")(fill)


class FillPlaceholders(SphinxPostTransform):
    """After Sphinx's references (10), images (100-200) and highlighting (400, 401); before
    LaTeX's footnotes (600) and the link checker (800)."""

    default_priority = 450

    def run(self, **kwargs: object) -> None:
        env = self.env
        # Sphinx 9 keeps the application private, 7.4 has it public
        app = getattr(env, "_app", None) or env.app
        timed_fill(app, self.document, env.docname)
