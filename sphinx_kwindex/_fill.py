"""Write-time completion of placeholders, from the build state of every page.

Runs on ``doctree-resolved`` (in the main process, for every builder). Each placeholder is
replaced by its part's nodes (:mod:`sphinx_kwindex.parts`); links are made with
:func:`sphinx.util.nodes.make_refnode`, so each builder writes them its own way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_kwindex._config import settings
from sphinx_kwindex._domain import KwindexDomain
from sphinx_kwindex._links import resolve_references
from sphinx_kwindex._nodes import KEYWORD_LIST, kwindex_placeholder
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


def on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    placeholders = list(doctree.findall(kwindex_placeholder))
    if not placeholders:
        return
    context = context_for(app, docname)
    references = False
    for node in placeholders:
        modname, kind = node["modname"], node["kind"]
        facts = context.domain.facts(modname, node["docname"])
        node.replace_self(PARTS[kind].fill(context, modname, facts))
        references = references or kind.startswith(KEYWORD_LIST)
    if references:
        # the keyword lists are cross-references made just now, after Sphinx resolved the
        # page's own: resolve them the same way (Python domain, intersphinx, fallbacks)
        resolve_references(doctree)
