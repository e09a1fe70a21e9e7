"""Keyword pages in outputs made of one document: LaTeX, Texinfo and the single HTML page.

These builders write only the pages reached from the root document's toctree, and keyword
pages are in no toctree (see ``_stubs``): without help, a PDF has none of them, and links to
them lead nowhere. So they are added at the end, in the order of the global index (a keyword
page that the user put in a toctree is already there, and is left alone):

- LaTeX and Texinfo: as appendices (``latex_appendices``, ``texinfo_appendices``), after the
  user's own, from the start of the writing phase to the end of the build (so the pickled
  environment keeps the user's value, where the builder says when writing starts); Sphinx
  then resolves and numbers them like any appendix.
- ``singlehtml``: appended to the assembled page once it is resolved, each after the anchor
  (``#document-<docname>``) that links to a page point to. Keyword pages share their section
  ids (``kwindex-imports`` on every module's page), so in the one page each id of an
  appended page is prefixed with its docname, and links follow.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.builders import Builder

from sphinx_kwindex._config import settings
from sphinx_kwindex._domain import KwindexDomain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: The config value that lists a builder's appendices.
APPENDICES = {"latex": "latex_appendices", "texinfo": "texinfo_appendices"}

#: Set on a keyword page's doctree while it is resolved for the single HTML page.
_APPENDED = "kwindex_appended"

#: The user's own appendices, while a build writes with ours added (per application).
_OWN_APPENDICES: weakref.WeakKeyDictionary[Sphinx, tuple[str, Any]] = (
    weakref.WeakKeyDictionary()
)


def keyword_pages(env: BuildEnvironment) -> tuple[str, ...]:
    """Docnames of this build's keyword pages that no toctree includes: the global index,
    modules, documents."""
    domain = env.domains["kwindex"]
    assert isinstance(domain, KwindexDomain)
    return domain.derived("appended pages", lambda: _keyword_pages(env, domain))


def _keyword_pages(env: BuildEnvironment, domain: KwindexDomain) -> tuple[str, ...]:
    modules = sorted(domain.plan.values(), key=lambda planned: planned.modname.lower())
    documents = sorted(domain.data.get("document_plan", {}).values())
    pages = [planned.docname for planned in modules] + documents
    if not pages:
        return ()
    index = f"{settings(env.config).dir}/index"
    found = env.all_docs
    included = domain.in_toctrees(env) | {env.config.root_doc}
    return tuple(page for page in [index, *pages] if page in found and page not in included)


def on_write_started(app: Sphinx, builder: Builder) -> None:
    """LaTeX and Texinfo: the keyword pages become appendices (after the user's own)."""
    _add_appendices(app, builder)


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> None:
    """The same, for builders whose own ``write`` emits no ``write-started`` (Sphinx 7's
    LaTeX and Texinfo builders): there the pickled environment keeps our value, and the next
    build says that the configuration changed."""
    if type(app.builder).write is not Builder.write:
        _add_appendices(app, app.builder)


def _add_appendices(app: Sphinx, builder: Builder) -> None:
    name = APPENDICES.get(builder.name)
    if name is None or app in _OWN_APPENDICES:
        return
    own = app.config[name]
    _OWN_APPENDICES[app] = (name, own)
    mine = [page for page in keyword_pages(app.env) if page not in (own or ())]
    app.config[name] = [*(own or []), *mine]


def on_build_finished(app: Sphinx, exception: BaseException | None) -> None:
    """The user's appendices back, as they were."""
    saved = _OWN_APPENDICES.pop(app, None)
    if saved is not None:
        name, own = saved
        app.config[name] = own


def on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``singlehtml``: the resolved keyword pages after the root document's content."""
    if app.builder.name != "singlehtml" or docname != app.config.root_doc:
        return
    if doctree.get(_APPENDED):
        # a keyword page being resolved below: its links still need one anchor only
        for reference in doctree.findall(nodes.reference):
            if "refuri" in reference:
                reference["refuri"] = single_page_uri(
                    app.env, "singlehtml", reference["refuri"]
                )
        return
    for page in keyword_pages(app.env):
        tree = app.env.get_doctree(page)
        tree[_APPENDED] = True
        # fills its placeholders (``_fill``) and comes back above for its links
        app.env.resolve_references(tree, docname, app.builder)
        _prefix_ids(tree, page)
        start = addnodes.start_of_file(docname=page)
        start.extend(tree.children)
        doctree.append(start)


def _prefix_ids(tree: nodes.document, page: str) -> None:
    """Every id of an appended page (and every link inside it to one) made unique."""
    for node in tree.findall(nodes.Element):
        if node["ids"]:
            node["ids"] = [unique_id(page, node_id) for node_id in node["ids"]]
        if node.get("refid"):
            node["refid"] = unique_id(page, node["refid"])
        if node.get("backrefs"):
            node["backrefs"] = [unique_id(page, backref) for backref in node["backrefs"]]


def unique_id(page: str, node_id: str) -> str:
    return f"{page}--{node_id}"


def single_page_uri(env: BuildEnvironment, builder_name: str, uri: str) -> str:
    """*uri* as the single HTML page needs it: ``#anchor``, not ``#document-page#anchor``.

    Sphinx 9's ``singlehtml`` gives links to an anchor of another page both fragments
    (sphinx-doc/sphinx#14221): the last one is the id in the page, prefixed when that page
    is one of the appended keyword pages.
    """
    if builder_name != "singlehtml":
        return uri
    _, hash_sign, fragments = uri.partition("#")
    page, second, anchor = fragments.partition("#")
    if not hash_sign or not second:
        return uri
    page = page.removeprefix("document-")
    if page in keyword_pages(env):
        return "#" + unique_id(page, anchor)
    return "#" + anchor
