"""Keyword pages in outputs made of one document: LaTeX, Texinfo and the single HTML page.

These builders write only the pages reached from the root document's toctree, and keyword
pages are in no toctree (see ``_stubs``): without help, a PDF has none of them, and links to
them lead nowhere. So they are added at the end, in the order of the global index:

- LaTeX and Texinfo: as appendices (``latex_appendices``, ``texinfo_appendices``), set once
  the project is read; Sphinx then resolves and numbers them like any appendix.
- ``singlehtml``: appended to the assembled page once it is resolved, each after the anchor
  (``#document-<docname>``) that links to a page point to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from sphinx_kwindex._config import settings
from sphinx_kwindex._domain import KwindexDomain
from sphinx_kwindex._links import single_page_uri

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: The config value that lists a builder's appendices.
APPENDICES = {"latex": "latex_appendices", "texinfo": "texinfo_appendices"}

#: Set on a keyword page's doctree while it is resolved for the single HTML page.
_APPENDED = "kwindex_appended"


def keyword_pages(app: Sphinx) -> list[str]:
    """Docnames of this build's keyword pages: the global index, modules, documents."""
    domain = app.env.domains["kwindex"]
    assert isinstance(domain, KwindexDomain)
    modules = sorted(domain.plan.values(), key=lambda planned: planned.modname.lower())
    documents = sorted(domain.data.get("document_plan", {}).values())
    pages = [planned.docname for planned in modules] + documents
    index = f"{settings(app.config).dir}/index"
    found = app.env.all_docs
    return [page for page in [index, *pages] if page in found] if pages else []


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> None:
    """LaTeX and Texinfo: the keyword pages become appendices (after the user's own)."""
    name = APPENDICES.get(app.builder.name)
    if name is None:
        return
    own = list(app.config[name] or [])
    app.config[name] = own + [page for page in keyword_pages(app) if page not in own]


def on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``singlehtml``: the resolved keyword pages after the root document's content."""
    if app.builder.name != "singlehtml" or docname != app.config.root_doc:
        return
    if doctree.get(_APPENDED):
        # a keyword page being resolved below: its links still need one anchor only
        for reference in doctree.findall(nodes.reference):
            if "refuri" in reference:
                reference["refuri"] = single_page_uri(app, reference["refuri"])
        return
    for page in keyword_pages(app):
        tree = app.env.get_doctree(page)
        tree[_APPENDED] = True
        # fills its placeholders (``_fill``) and comes back above for its links
        app.env.resolve_references(tree, docname, app.builder)
        start = addnodes.start_of_file(docname=page)
        start.extend(tree.children)
        doctree.append(start)
