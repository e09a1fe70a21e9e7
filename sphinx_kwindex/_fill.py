"""Write-time completion of placeholders, from the build state of every page.

Runs on ``doctree-resolved`` (in the main process, for every builder). Links are made with
:func:`sphinx.util.nodes.make_refnode`, so each builder writes them its own way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from docutils import nodes

from sphinx_kwindex._config import Settings, settings
from sphinx_kwindex._domain import (
    DocLocation,
    KwindexDomain,
    object_location,
)
from sphinx_kwindex._links import doc_reference, page_title, viewcode_page
from sphinx_kwindex._locale import _
from sphinx_kwindex._render import (
    FILE_LINKS,
    RELATED,
    RELATED_LIST,
    SECTION_MAP,
    XREFS,
    field,
    kwindex_placeholder,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_kwindex.analysis.model import Keyword, ModuleFacts, RelatedEntry


class Context(NamedTuple):
    app: Sphinx
    env: BuildEnvironment
    domain: KwindexDomain
    config: Settings
    #: The page being written (links are relative to it).
    docname: str
    #: Page titles already looked up while filling this page.
    titles: dict[str, str]

    def link(self, location: DocLocation, child: nodes.Node) -> nodes.Node:
        """*child* linked to *location*, relative to the page being written."""
        return doc_reference(self.app, self.env, self.docname, location, child)

    def title(self, docname: str) -> str:
        found = self.titles.get(docname)
        if found is None:
            found = self.titles[docname] = page_title(self.env, docname)
        return found


def on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    placeholders = list(doctree.findall(kwindex_placeholder))
    if not placeholders:
        return
    domain = app.env.domains["kwindex"]
    assert isinstance(domain, KwindexDomain)
    context = Context(app, app.env, domain, settings(app.config), docname, {})
    for node in placeholders:
        facts = domain.facts(node["modname"], node["docname"])
        node.replace_self(FILLERS[node["kind"]](context, node["modname"], facts))


def file_links(context: Context, modname: str, facts: ModuleFacts | None) -> list[nodes.Node]:
    """The Documentation, Source and Folder fields of the file information."""
    app, env = context.app, context.env
    fields: list[nodes.Node] = []
    location = context.domain.documentation(env, modname)
    if location is not None:
        fields.append(field(_("Documentation"), _doc_link(context, location)))
    else:
        none = _("none: no page documents this module with autodoc")
        fields.append(field(_("Documentation"), nodes.emphasis("", none)))
    source = viewcode_page(app, env, modname)
    if source is not None:
        reference = nodes.reference(
            "", "", internal=True, refuri=app.builder.get_relative_uri(context.docname, source)
        )
        reference += nodes.Text(_("highlighted source"))
        fields.append(field(_("Source"), reference))
    parent = _parent(modname)
    if parent:
        fields.append(field(_("Folder"), _keyword_page_link(context, parent)))
    return fields


def section_map(context: Context, modname: str, facts: ModuleFacts | None) -> list[nodes.Node]:
    """A table: each documented keyword, the section (and page) of its entry."""
    env = context.env
    home = context.domain.documentation(env, modname)
    entries = context.domain.section_map(modname, prefer=home.docname if home else None)
    rows: list[list[nodes.Node]] = []
    for keyword in _keywords(facts, context.config):
        entry = entries.get(keyword.qualname)
        if entry is None:
            continue
        literal = nodes.literal(keyword.name, keyword.name, classes=["kwindex-keyword"])
        target = object_location(env, f"{modname}.{keyword.qualname}")
        name_cell = context.link(target, literal) if target is not None else literal
        title = entry.title or context.title(entry.docname)
        section_cell: list[nodes.Node] = [
            context.link(
                DocLocation(entry.docname, entry.anchor),
                nodes.Text(title),
            )
        ]
        if home is None or entry.docname != home.docname:
            section_cell.append(nodes.Text(" " + _("(on %s)") % context.title(entry.docname)))
        rows.append([name_cell, nodes.inline("", "", *section_cell)])
    if not rows:
        return [nodes.paragraph("", _("No keyword of this module has an autodoc entry."))]
    rows.sort(key=lambda row: (row[0].astext().casefold(), row[0].astext()))
    return [table([_("Keyword"), _("Section")], rows, "kwindex-section-table")]


def related(context: Context, modname: str, facts: ModuleFacts | None) -> list[nodes.Node]:
    """A table of the modules and subpackages in the same folder, this one marked."""
    env = context.env
    result, entries = _related_start(context, modname, facts)
    rows: list[list[nodes.Node]] = []
    for entry in entries:
        filename = nodes.literal(entry.filename, entry.filename)
        if entry.modname == modname:
            name: nodes.Node = nodes.strong("", "", nodes.Text(entry.modname))
            docs: nodes.Node = nodes.emphasis("", _("this module"))
            keywords: nodes.Node = nodes.emphasis("", _("this module"))
        else:
            name = nodes.Text(entry.modname)
            location = context.domain.documentation(env, entry.modname)
            docs = _doc_link(context, location) if location else nodes.Text("\N{EM DASH}")
            keywords = _keyword_page_link(context, entry.modname, text=_("keywords"))
        rows.append([filename, name, docs, keywords])
    if not rows:
        return result
    current = [i for i, entry in enumerate(entries) if entry.modname == modname]
    headers = [_("File"), _("Module"), _("Documentation"), _("Keyword page")]
    result.append(table(headers, rows, "kwindex-related-table", current_rows=current))
    return result


def related_list(
    context: Context, modname: str, facts: ModuleFacts | None
) -> list[nodes.Node]:
    """The related files in short, for a documentation page: each file linked to its
    documentation (else its keyword page), the module's own keyword page first."""
    env = context.env
    result, entries = _related_start(context, modname, facts)
    if not entries:
        return result
    items = nodes.bullet_list("", classes=["kwindex-related-list"])
    for entry in entries:
        filename = nodes.literal(entry.filename, entry.filename)
        if entry.modname == modname:
            text = nodes.Text(" " + _("(this module)"))
            item = nodes.paragraph("", "", nodes.strong("", "", filename), text)
            items += nodes.list_item("", item, classes=["kwindex-current"])
            continue
        location = context.domain.documentation(env, entry.modname)
        page = context.domain.page_of(entry.modname)
        if page is not None and page not in env.all_docs:
            page = None
        content: list[nodes.Node]
        if location is not None:
            content = [context.link(location, filename)]
            if page is not None:
                keywords = nodes.inline("", _("keywords"), classes=["kwindex-small"])
                content += [nodes.Text(" "), _page_reference(context, page, keywords)]
        elif page is not None:
            content = [_page_reference(context, page, filename)]
        else:
            content = [filename]
        items += nodes.list_item("", nodes.paragraph("", "", *content))
    result.append(items)
    return result


def _related_start(
    context: Context, modname: str, facts: ModuleFacts | None
) -> tuple[list[nodes.Node], tuple[RelatedEntry, ...]]:
    """What comes before the list of related files, and the files.

    Away from the module's keyword page, a link to that page comes first; when there are no
    files to list, a sentence says why.
    """
    result: list[nodes.Node] = []
    page = context.domain.page_of(modname)
    if page is not None and page != context.docname and page in context.env.all_docs:
        link = _keyword_page_link(context, modname)
        result.append(
            nodes.paragraph("", "", nodes.Text(_("Keyword index of this module: ")), link)
        )
    if facts is None or facts.location is None:
        result.append(nodes.paragraph("", _("Unknown: the module's file was not found.")))
        return result, ()
    if not facts.related:
        none = _("None: a top-level module has no package folder.")
        result.append(nodes.paragraph("", none))
    return result, facts.related


def xrefs(context: Context, modname: str, facts: ModuleFacts | None) -> list[nodes.Node]:
    """Links to the module's documentation, its keyword page and its folder."""
    env = context.env
    items = nodes.bullet_list("", classes=["kwindex-xref-list"])
    parent = _parent(modname)
    parent_doc = context.domain.documentation(env, parent) if parent else None
    home = context.domain.documentation(env, modname)
    pairs: list[tuple[str, nodes.Node]] = [
        (_("Module documentation"), _doc_link(context, home)),
        (_("Keyword page"), _keyword_page_link(context, modname)),
        (_("Folder index"), _keyword_page_link(context, parent) if parent else _none()),
        (_("Folder documentation"), _doc_link(context, parent_doc)),
    ]
    for label, target in pairs:
        paragraph = nodes.paragraph("", "", nodes.Text(f"{label}: "), target)
        items += nodes.list_item("", paragraph)
    return [items]


FILLERS: dict[str, Callable[[Context, str, ModuleFacts | None], list[nodes.Node]]] = {
    FILE_LINKS: file_links,
    SECTION_MAP: section_map,
    RELATED: related,
    RELATED_LIST: related_list,
    XREFS: xrefs,
}


def table(
    headers: list[str],
    rows: list[list[nodes.Node]],
    css_class: str,
    current_rows: list[int] | None = None,
) -> nodes.table:
    """A plain table (header row + rows of cells) that every builder can write."""
    result = nodes.table("", classes=[css_class])
    group = nodes.tgroup("", cols=len(headers))
    result += group
    for _header in headers:
        group += nodes.colspec("", colwidth=10)
    head = nodes.thead()
    head += _row([nodes.Text(header) for header in headers])
    group += head
    body = nodes.tbody()
    for index, cells in enumerate(rows):
        row = _row(cells)
        if current_rows and index in current_rows:
            row["classes"].append("kwindex-current")
        body += row
    group += body
    return result


def _row(cells: list[nodes.Node]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        row += nodes.entry("", nodes.paragraph("", "", cell))
    return row


def _keywords(facts: ModuleFacts | None, config: Settings) -> list[Keyword]:
    if facts is None or facts.keywords is None:
        return []
    return [
        keyword
        for category in config.categories
        for keyword in facts.keywords.category(category)
    ]


def _parent(modname: str) -> str:
    """The package above *modname* (its "folder" in the keyword index's words)."""
    return modname.rpartition(".")[0]


def _keyword_page_link(context: Context, modname: str, text: str | None = None) -> nodes.Node:
    page = context.domain.page_of(modname)
    label = nodes.literal(modname, modname) if text is None else nodes.Text(text)
    if page is None or page not in context.env.all_docs:
        if text is not None:
            return nodes.Text("\N{EM DASH}")
        return nodes.inline("", "", label, nodes.Text(" " + _("(not indexed)")))
    if page == context.docname:
        return nodes.inline("", "", label, nodes.Text(" " + _("(this page)")))
    return _page_reference(context, page, label)


def _page_reference(context: Context, page: str, child: nodes.Node) -> nodes.Node:
    location = DocLocation(page, "")
    return context.link(location, child)


def _doc_link(context: Context, location: DocLocation | None) -> nodes.Node:
    """A link to a documentation page, titled with the page's title; "none" without one."""
    if location is None:
        return _none()
    title = nodes.Text(context.title(location.docname))
    return context.link(location, title)


def _none() -> nodes.Node:
    return nodes.emphasis("", _("none"))
