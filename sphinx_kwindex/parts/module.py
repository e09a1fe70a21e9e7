"""Write-time parts of a module's keyword index: file links, section map, cross-references.

Each part has a ``fill`` function (the nodes) and an ``inputs`` function (what those nodes are
made of, compared between builds to decide whether a page must be written again).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinx_kwindex._domain import DocLocation, object_location
from sphinx_kwindex._links import resolve, viewcode_page
from sphinx_kwindex._locale import _, labelled
from sphinx_kwindex._render import field, keyword_list
from sphinx_kwindex.parts.context import none, parent_of, shown_keywords, table

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx_kwindex.analysis.model import Keyword, ModuleFacts
    from sphinx_kwindex.parts.context import Context


def file_links(context: Context, modname: str, facts: ModuleFacts | None) -> list[nodes.Node]:
    """The Documentation, Source and Folder fields of the file information."""
    fields: list[nodes.Node] = []
    location = context.documentation(modname)
    if location is not None:
        fields.append(field(_("Documentation"), context.doc_link(location)))
    else:
        text = _("none: no page documents this module with autodoc")
        fields.append(field(_("Documentation"), nodes.emphasis("", text)))
    source = viewcode_page(context.app, context.env, modname)
    if source is not None:
        uri = context.app.builder.get_relative_uri(context.docname, source)
        reference = nodes.reference("", "", internal=True, refuri=uri)
        reference += nodes.Text(_("highlighted source"))
        fields.append(field(_("Source"), reference))
    parent = parent_of(modname)
    if parent:
        fields.append(field(_("Folder"), context.keyword_page_link(parent)))
    return fields


def file_links_inputs(context: Context, modname: str, facts: ModuleFacts | None) -> Any:
    return (
        _titled(context, context.documentation(modname)),
        viewcode_page(context.app, context.env, modname),
        context.keyword_page(parent_of(modname)),
    )


def keyword_list_part(
    category: str,
) -> tuple[Callable[[Context, str, ModuleFacts | None], list[nodes.Node]], Callable[..., Any]]:
    """The fill and inputs of the keyword list of *category*: cross-references, resolved
    the way Sphinx resolves a page's own (:func:`sphinx_kwindex._links.resolve`)."""

    def found(facts: ModuleFacts | None) -> tuple[Keyword, ...]:
        keywords = facts.keywords if facts is not None else None
        return keywords.category(category) if keywords is not None else ()

    def fill(context: Context, modname: str, facts: ModuleFacts | None) -> list[nodes.Node]:
        app, env, docname = context.app, context.env, context.docname
        items = keyword_list(
            found(facts),
            modname,
            category,
            docname,
            lambda node: resolve(app, env, docname, node),
        )
        return [items]

    def inputs(context: Context, modname: str, facts: ModuleFacts | None) -> Any:
        """Where each keyword's link may go: its entry, or its source line."""
        targets = [
            object_location(context.env, keyword.fullname)
            for keyword in found(facts)
            if keyword.fullname
        ]
        return targets, viewcode_page(context.app, context.env, modname)

    return fill, inputs


def section_map(context: Context, modname: str, facts: ModuleFacts | None) -> list[nodes.Node]:
    """A table: each documented keyword, the section (and page) of its entry."""
    home = context.documentation(modname)
    rows: list[list[nodes.Node]] = []
    for keyword, entry, target in _documented(context, modname, facts):
        literal = nodes.literal(keyword, keyword, classes=["kwindex-keyword"])
        name_cell = context.link(target, literal) if target is not None else literal
        title = entry.title or context.title(entry.docname)
        section: list[nodes.Node] = [
            context.link(DocLocation(entry.docname, entry.anchor), nodes.Text(title))
        ]
        if home is None or entry.docname != home.docname:
            section.append(nodes.Text(" " + _("(on %s)") % context.title(entry.docname)))
        rows.append([name_cell, nodes.inline("", "", *section)])
    if not rows:
        return [nodes.paragraph("", _("No keyword of this module has an autodoc entry."))]
    return [table([_("Keyword"), _("Section")], rows, "kwindex-section-table")]


def section_map_inputs(context: Context, modname: str, facts: ModuleFacts | None) -> Any:
    documentation = context.documentation(modname)
    home = _titled(context, documentation)
    rows = [
        (keyword, entry, target, context.title(entry.docname))
        for keyword, entry, target in _documented(context, modname, facts)
    ]
    return home, rows


def _documented(
    context: Context, modname: str, facts: ModuleFacts | None
) -> list[tuple[str, Any, DocLocation | None]]:
    """(keyword as shown, its section entry, its object's location), sorted by keyword."""
    home = context.documentation(modname)
    entries = context.domain.section_map(modname, prefer=home.docname if home else None)
    found = []
    seen: set[str] = set()  # a name in two categories (a function rebound) is one row
    for keyword in shown_keywords(facts, context.config):
        entry = entries.get(keyword.qualname)
        if entry is not None and keyword.qualname not in seen:
            seen.add(keyword.qualname)
            target = object_location(context.env, f"{modname}.{keyword.qualname}")
            found.append((keyword.name, entry, target))
    return sorted(found, key=lambda row: (row[0].casefold(), row[0]))


def xrefs(context: Context, modname: str, facts: ModuleFacts | None) -> list[nodes.Node]:
    """Links to the module's documentation, its keyword page and its folder."""
    items = nodes.bullet_list("", classes=["kwindex-xref-list"])
    parent = parent_of(modname)
    parent_doc = context.documentation(parent) if parent else None
    pairs: list[tuple[str, nodes.Node]] = [
        (_("Module documentation"), context.doc_link(context.documentation(modname))),
        (_("Keyword page"), context.keyword_page_link(modname)),
        (_("Folder index"), context.keyword_page_link(parent) if parent else none()),
        (_("Folder documentation"), context.doc_link(parent_doc)),
    ]
    index = context.index_page()
    if index is not None:
        text = nodes.Text(_("all keywords of the project"))
        pairs.append((_("Global keyword index"), context.page_link(index, text)))
    for label, target in pairs:
        paragraph = nodes.paragraph("", "", nodes.Text(labelled(label)), target)
        items += nodes.list_item("", paragraph)
    return [items]


def xrefs_inputs(context: Context, modname: str, facts: ModuleFacts | None) -> Any:
    parent = parent_of(modname)
    return (
        _titled(context, context.documentation(modname)),
        context.keyword_page(modname),
        context.keyword_page(parent) if parent else None,
        _titled(context, context.documentation(parent)) if parent else None,
        context.index_page(),
    )


def _titled(context: Context, location: DocLocation | None) -> Any:
    return (location, context.title(location.docname)) if location is not None else None
