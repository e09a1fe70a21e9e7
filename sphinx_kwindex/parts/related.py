"""Write-time part: the modules and subpackages that share a module's folder."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinx_kwindex._locale import _, ngettext, number
from sphinx_kwindex.parts.context import table

if TYPE_CHECKING:
    from sphinx_kwindex.analysis.model import ModuleFacts, RelatedEntry
    from sphinx_kwindex.parts.context import Context


def related(context: Context, modname: str, facts: ModuleFacts | None) -> list[nodes.Node]:
    """A table of the modules and subpackages in the same folder, this one marked."""
    result, entries = _start(context, modname, facts)
    rows: list[list[nodes.Node]] = []
    for entry in entries:
        filename = nodes.literal(entry.filename, entry.filename)
        if entry.modname == modname:
            name: nodes.Node = nodes.strong("", "", nodes.Text(entry.modname))
            docs: nodes.Node = nodes.emphasis("", _("this module"))
            keywords: nodes.Node = nodes.emphasis("", _("this module"))
        else:
            name = nodes.Text(entry.modname)
            location = context.documentation(entry.modname)
            docs = context.doc_link(location) if location else nodes.Text("\N{EM DASH}")
            keywords = context.keyword_page_link(entry.modname, text=_("keywords"))
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
    result, entries = _start(context, modname, facts)
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
        location = context.documentation(entry.modname)
        page = context.keyword_page(entry.modname)
        content: list[nodes.Node]
        if location is not None:
            content = [context.link(location, filename)]
            if page is not None:
                keywords = nodes.inline("", _("keywords"), classes=["kwindex-small"])
                content += [nodes.Text(" "), context.page_link(page, keywords)]
        elif page is not None:
            content = [context.page_link(page, filename)]
        else:
            content = [filename]
        items += nodes.list_item("", nodes.paragraph("", "", *content))
    result.append(items)
    return result


def related_inputs(context: Context, modname: str, facts: ModuleFacts | None) -> Any:
    entries = facts.related if facts is not None else ()
    neighbours = []
    for entry in entries:
        location = context.documentation(entry.modname)
        title = context.title(location.docname) if location else None
        neighbours.append((entry, location, title, context.keyword_page(entry.modname)))
    found = facts is not None and facts.location is not None
    return context.keyword_page(modname), found, neighbours


def _start(
    context: Context, modname: str, facts: ModuleFacts | None
) -> tuple[list[nodes.Node], tuple[RelatedEntry, ...]]:
    """What comes before the list of related files, and the files.

    Away from the module's keyword page, a link to that page comes first; when there are no
    files to list, a sentence says why.
    """
    result: list[nodes.Node] = []
    page = context.keyword_page(modname)
    if page is not None and page != context.docname:
        link = context.keyword_page_link(modname)
        text = nodes.Text(_("Keyword index of this module: "))
        result.append(nodes.paragraph("", "", text, link))
    if facts is None or facts.location is None:
        result.append(nodes.paragraph("", _("Unknown: the module's file was not found.")))
        return result, ()
    if not facts.related:
        none = _("None: a top-level module has no package folder.")
        result.append(nodes.paragraph("", none))
    entries = window(facts.related, modname)
    if len(entries) < len(facts.related):
        # a folder of hundreds of modules would make every page in it huge; the folder's
        # own page (the package's) lists them all
        owner = modname if facts.location.is_package else modname.rpartition(".")[0]
        note = ngettext(
            "This folder holds %(total)s module or subpackage; the %(shown)s nearest to "
            "this one are shown. All of them: ",
            "This folder holds %(total)s modules and subpackages; the %(shown)s nearest to "
            "this one are shown. All of them: ",
            len(facts.related),
        ) % {"total": number(len(facts.related)), "shown": number(len(entries))}
        result.append(
            nodes.paragraph("", "", nodes.Text(note), context.keyword_page_link(owner))
        )
    return result, entries


#: At most this many files of a folder are listed beside each of its modules.
LIMIT = 40


def window(entries: tuple[RelatedEntry, ...], modname: str) -> tuple[RelatedEntry, ...]:
    """The folder's package and the *LIMIT* files around *modname* (all, when few)."""
    if len(entries) <= LIMIT + 1:
        return entries
    names = [entry.modname for entry in entries]
    here = names.index(modname) if modname in names else 0
    start = max(1, min(here - LIMIT // 2, len(entries) - LIMIT))
    return (entries[0], *entries[start : start + LIMIT])
