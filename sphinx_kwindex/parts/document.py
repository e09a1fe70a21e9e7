"""Write-time parts of a prose document's keyword index (``kwindex_documents``).

The document's identifiers come from the project index (its own sure ones, and the names the
project knows), so they are complete only once every page has been read.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinx_kwindex._domain import DocLocation, object_location
from sphinx_kwindex._locale import _, labelled
from sphinx_kwindex._render import field, human_size
from sphinx_kwindex.analysis.python import count_lines
from sphinx_kwindex.parts.context import table

if TYPE_CHECKING:
    from sphinx_kwindex.analysis.model import Mention, ModuleFacts
    from sphinx_kwindex.parts.context import Context

# In these parts, the placeholder's ``modname`` holds the document's docname.


def file_information(
    context: Context, docname: str, facts: ModuleFacts | None
) -> list[nodes.Node]:
    """Path, size, lines, type and extension of the document's source, and a link to it."""
    info = source_of(context, docname)
    fields = nodes.field_list("", classes=["kwindex-fields"])
    if info is not None:
        relpath, size, lines, kind, suffix = info
        fields += field(_("Path"), nodes.literal(relpath, relpath))
        fields += field(_("Size"), nodes.Text(human_size(size)))
        fields += field(_("Lines"), nodes.Text(f"{lines:,}"))
        fields += field(_("Type"), nodes.Text(kind))
        fields += field(_("Extension"), nodes.literal(suffix, suffix))
    if docname in context.env.all_docs:
        fields += field(_("Page"), context.doc_link(DocLocation(docname, "")))
    return [fields]


def file_information_inputs(context: Context, docname: str, facts: ModuleFacts | None) -> Any:
    title = context.title(docname) if docname in context.env.all_docs else None
    return source_of(context, docname), title


def identifiers(context: Context, docname: str, facts: ModuleFacts | None) -> list[nodes.Node]:
    """The identifiers the document talks about, as code, each linked where documented."""
    mentions = _mentions(context, docname)
    if not mentions:
        return [nodes.paragraph("", _("This document names no identifiers."))]
    items = nodes.bullet_list("", classes=["kwindex-keyword-list", "kwindex-identifiers"])
    for mention in sorted(mentions, key=lambda m: (m.name.casefold(), m.name)):
        literal = nodes.literal(mention.name, mention.name, classes=["kwindex-keyword"])
        target = identifier_location(context, mention.name)
        content = context.link(target, literal) if target is not None else literal
        items += nodes.list_item("", nodes.paragraph("", "", content))
    return [items]


def identifiers_inputs(context: Context, docname: str, facts: ModuleFacts | None) -> Any:
    return [
        (mention.name, identifier_location(context, mention.name))
        for mention in _mentions(context, docname)
    ]


def sections(context: Context, docname: str, facts: ModuleFacts | None) -> list[nodes.Node]:
    """Each identifier and the heading under which it first appears, linked."""
    rows: list[list[nodes.Node]] = []
    for mention in sorted(
        _mentions(context, docname), key=lambda m: (m.name.casefold(), m.name)
    ):
        literal = nodes.literal(mention.name, mention.name, classes=["kwindex-keyword"])
        title = mention.section or context.title(docname)
        link = context.link(DocLocation(docname, mention.anchor), nodes.Text(title))
        rows.append([literal, link])
    if not rows:
        return [nodes.paragraph("", _("This document names no identifiers."))]
    return [table([_("Identifier"), _("Section")], rows, "kwindex-section-table")]


def sections_inputs(context: Context, docname: str, facts: ModuleFacts | None) -> Any:
    return _mentions(context, docname), context.title(docname)


def related(context: Context, docname: str, facts: ModuleFacts | None) -> list[nodes.Node]:
    """The other documents in the document's folder, each linked (and its keyword page)."""
    others = siblings(context, docname)
    if not others:
        return [nodes.paragraph("", _("No other document shares this folder."))]
    items = nodes.bullet_list("", classes=["kwindex-related-list"])
    for sibling in others:
        content: list[nodes.Node] = [context.doc_link(DocLocation(sibling, ""))]
        page = context.domain.document_page(context.env, sibling)
        if page is not None:
            keywords = nodes.inline("", _("keywords"), classes=["kwindex-small"])
            content += [nodes.Text(" "), context.page_link(page, keywords)]
        items += nodes.list_item("", nodes.paragraph("", "", *content))
    return [items]


def related_inputs(context: Context, docname: str, facts: ModuleFacts | None) -> Any:
    return [
        (sibling, context.title(sibling), context.domain.document_page(context.env, sibling))
        for sibling in siblings(context, docname)
    ]


def xrefs(context: Context, docname: str, facts: ModuleFacts | None) -> list[nodes.Node]:
    """Links to the document, this keyword page and the global index."""
    items = nodes.bullet_list("", classes=["kwindex-xref-list"])
    pairs: list[tuple[str, nodes.Node]] = [
        (
            _("Document"),
            context.doc_link(
                DocLocation(docname, "") if docname in context.env.all_docs else None
            ),
        )
    ]
    index = context.index_page()
    if index is not None:
        text = nodes.Text(_("all keywords of the project"))
        pairs.append((_("Global keyword index"), context.page_link(index, text)))
    for label, target in pairs:
        items += nodes.list_item(
            "", nodes.paragraph("", "", nodes.Text(labelled(label)), target)
        )
    return [items]


def xrefs_inputs(context: Context, docname: str, facts: ModuleFacts | None) -> Any:
    title = context.title(docname) if docname in context.env.all_docs else None
    return title, context.index_page()


def identifier_location(context: Context, name: str) -> DocLocation | None:
    """Where an identifier is documented: the object, or the module defining the name."""
    found = object_location(context.env, name)
    if found is not None:
        return found
    candidates = context.domain.derived("objects by suffix", lambda: _by_suffix(context))
    fullnames = candidates.get(name, ())
    if len(fullnames) == 1:
        return object_location(context.env, fullnames[0])
    uses = context.domain.project.names.get(name, ())
    for use in uses:
        if use.role == "defines":
            if use.category == "module":
                page = context.keyword_page(use.modname)
                return DocLocation(page, "") if page else None
            found = object_location(context.env, use.fullname) if use.fullname else None
            if found is not None:
                return found
    return None


def _mentions(context: Context, docname: str) -> tuple[Mention, ...]:
    return context.domain.project.documents.get(docname, ())


def _by_suffix(context: Context) -> dict[str, tuple[str, ...]]:
    """Documented objects by their dotted suffixes: ``nn.Module`` -> ``torch.nn.Module``."""
    found: dict[str, list[str]] = {}
    for fullname in context.env.domains["py"].data["objects"]:
        parts = fullname.split(".")
        for start in range(1, len(parts)):
            found.setdefault(".".join(parts[start:]), []).append(fullname)
    return {suffix: tuple(names) for suffix, names in found.items()}


def siblings(context: Context, docname: str) -> list[str]:
    folder = PurePosixPath(docname).parent
    prefix = context.config.dir + "/"
    return sorted(
        other
        for other in context.env.found_docs
        if other != docname
        and PurePosixPath(other).parent == folder
        and not other.startswith(prefix)
    )


def source_of(context: Context, docname: str) -> tuple[str, int, int, str, str] | None:
    if docname not in context.env.found_docs:
        return None
    path = Path(context.env.doc2path(docname))
    try:
        data = path.read_bytes()
    except OSError:
        return None
    suffix = next(
        (s for s in context.app.config.source_suffix if path.name.endswith(s)), path.suffix
    )
    kind = {"restructuredtext": _("reStructuredText"), "markdown": _("Markdown")}.get(
        context.app.config.source_suffix.get(suffix, ""),
        str(context.app.config.source_suffix.get(suffix, "")),
    )
    relpath = Path(os.path.relpath(path, context.app.srcdir)).as_posix()
    lines = count_lines(data.decode(context.app.config.source_encoding, "replace"))
    return relpath, len(data), lines, kind, suffix
