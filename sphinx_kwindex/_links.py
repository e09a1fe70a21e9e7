"""Where links go: documentation pages, highlighted source (viewcode), keyword fallbacks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.errors import NoUri

from sphinx_kwindex._locale import __
from sphinx_kwindex._warnings import Subtype, warn

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


#: viewcode's output folder for highlighted sources.
VIEWCODE_DIR = "_modules"


def viewcode_page(app: Sphinx, env: BuildEnvironment, modname: str) -> str | None:
    """The page name of *modname*'s highlighted source, if viewcode writes it in this build."""
    if "sphinx.ext.viewcode" not in app.extensions:
        return None
    builder = app.builder
    if builder.format != "html" or builder.name == "singlehtml":
        return None
    if builder.name.startswith("epub") and not app.config.viewcode_enable_epub:
        return None
    # viewcode keeps the modules it found sources for on the environment (read only here)
    if not getattr(env, "_viewcode_modules", {}).get(modname):
        return None
    return f"{VIEWCODE_DIR}/{modname.replace('.', '/')}"


def source_line_reference(
    app: Sphinx,
    env: BuildEnvironment,
    fromdocname: str,
    modname: str,
    line: int,
    child: nodes.Node,
) -> nodes.reference | None:
    """A link to *line* of *modname*'s highlighted source (anchors added by ``_viewcode``)."""
    page = viewcode_page(app, env, modname)
    if page is None:
        return None
    uri = app.builder.get_relative_uri(fromdocname, page)
    reference = nodes.reference(
        "",
        "",
        internal=True,
        refuri=f"{uri}#L{line}" if line else uri,
        classes=["kwindex-source-link"],
    )
    reference += child
    return reference


def resolve(
    app: Sphinx, env: BuildEnvironment, fromdocname: str, node: pending_xref
) -> nodes.Node:
    """What Sphinx's reference resolver makes of *node* on page *fromdocname*: the domain's
    target, else what a ``missing-reference`` handler gives (intersphinx, ours below), else
    the plain content. For references made after Sphinx resolved the page's own."""
    contnode = node[0]
    found: nodes.Node | None
    try:
        domain = env.domains[node["refdomain"]]
        found = domain.resolve_xref(
            env, fromdocname, app.builder, node["reftype"], node["reftarget"], node, contnode
        )
        if found is None:
            found = app.emit_firstresult(
                "missing-reference", env, node, contnode, allowed_exceptions=(NoUri,)
            )
    except NoUri:
        found = None
    return found if found is not None else contnode


def on_missing_reference(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.Node | None:
    """A keyword nobody documents links to its source line, or stays plain code.

    Runs after intersphinx (lower priority), and never lets Sphinx warn about a keyword,
    also under ``nitpicky``.
    """
    if node.get("refdomain") == "kwindex":
        warn(
            Subtype.REF,
            __("%r is not a keyword of this project"),
            node["reftarget"],
            location=node,
        )
        return contnode
    modname = node.get("kwindex_module")
    if modname is None:
        return None
    line = node.get("kwindex_line", 0)
    if line:
        fromdocname = node.get("refdoc") or env.docname
        reference = source_line_reference(app, env, fromdocname, modname, line, contnode)
        if reference is not None:
            return reference
    return contnode


def page_title(env: BuildEnvironment, docname: str) -> str:
    title = env.titles.get(docname)
    return title.astext() if title is not None else docname
