"""Write-time part of a package's keyword page: the folder index of its modules."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinx_kwindex._locale import _
from sphinx_kwindex._render import category_title
from sphinx_kwindex.parts.context import latex_widths, table

if TYPE_CHECKING:
    from sphinx_kwindex.analysis.model import ModuleFacts, RelatedEntry
    from sphinx_kwindex.parts.context import Context


def contents(context: Context, modname: str, facts: ModuleFacts | None) -> list[nodes.Node]:
    """Each submodule and subpackage: linked, its count of keywords per category, its
    docstring's first line."""
    rows: list[list[nodes.Node]] = []
    for entry, child in _children(context, modname, facts):
        page = context.keyword_page(entry.modname)
        location = context.documentation(entry.modname)
        literal = nodes.literal(entry.filename, entry.filename)
        if page is not None:
            name: nodes.Node = context.page_link(page, literal)
        elif location is not None:
            name = context.link(location, literal)
        else:
            name = literal
        cells: list[nodes.Node] = [name]
        for category in context.config.categories:
            if child is None or child.keywords is None:
                cells.append(nodes.Text("\N{EM DASH}"))
            else:
                cells.append(nodes.Text(str(len(child.keywords.category(category)))))
        summary = child.keywords.summary if child and child.keywords else ""
        cells.append(nodes.Text(summary))
        rows.append(cells)
    if not rows:
        return [nodes.paragraph("", _("This package has no modules or subpackages."))]
    headers = [
        _("Module"),
        *(category_title(category) for category in context.config.categories),
        _("Summary"),
    ]
    # a page wide: the names, a narrow column per count (wide enough for its header)
    counts = len(context.config.categories)
    widths = [22, *([11] * counts), max(23, 78 - 11 * counts)]
    return [*latex_widths(context, widths), table(headers, rows, "kwindex-package-table")]


def contents_inputs(context: Context, modname: str, facts: ModuleFacts | None) -> Any:
    return [
        (
            entry,
            context.keyword_page(entry.modname),
            context.documentation(entry.modname),
            _counts(context, child),
        )
        for entry, child in _children(context, modname, facts)
    ]


def _children(
    context: Context, modname: str, facts: ModuleFacts | None
) -> list[tuple[RelatedEntry, ModuleFacts | None]]:
    if facts is None:
        return []
    return [
        (entry, context.domain.facts(entry.modname, context.docname))
        for entry in facts.related
        if entry.modname != modname
    ]


def _counts(context: Context, child: ModuleFacts | None) -> Any:
    if child is None or child.keywords is None:
        return None
    keywords = child.keywords
    counts = [len(keywords.category(category)) for category in context.config.categories]
    return counts, keywords.summary
