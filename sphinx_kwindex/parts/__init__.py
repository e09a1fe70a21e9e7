"""The write-time parts of keyword indexes, one per placeholder kind.

Each part has ``fill`` (the nodes that replace its placeholder) and ``inputs`` (a value made
of everything those nodes depend on; when it changes between builds, the page is written
again). Keeping the two side by side is what keeps incremental builds right.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from sphinx_kwindex import _nodes
from sphinx_kwindex.analysis.model import CATEGORIES
from sphinx_kwindex.parts import (
    document,
    imports,
    insights,
    module,
    package,
    project,
    related,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from docutils import nodes

    from sphinx_kwindex.analysis.model import ModuleFacts
    from sphinx_kwindex.parts.context import Context


class Part(NamedTuple):
    fill: Callable[[Context, str, ModuleFacts | None], list[nodes.Node]]
    inputs: Callable[[Context, str, ModuleFacts | None], Any]


PARTS: dict[str, Part] = {
    _nodes.FILE_LINKS: Part(module.file_links, module.file_links_inputs),
    _nodes.SECTION_MAP: Part(module.section_map, module.section_map_inputs),
    _nodes.XREFS: Part(module.xrefs, module.xrefs_inputs),
    _nodes.RELATED: Part(related.related, related.related_inputs),
    _nodes.RELATED_LIST: Part(related.related_list, related.related_inputs),
    _nodes.DEPENDENCIES: Part(imports.dependencies_part, imports.dependencies_inputs),
    _nodes.IMPORTED_BY: Part(imports.imported_by, imports.imported_by_inputs),
    _nodes.IMPORT_MAP: Part(imports.import_map, imports.import_map_inputs),
    _nodes.PACKAGE: Part(package.contents, package.contents_inputs),
    _nodes.MODULE_TREE: Part(project.module_tree, project.module_tree_inputs),
    _nodes.NAMES: Part(project.names, project.names_inputs),
    _nodes.PATTERNS: Part(insights.patterns, insights.inputs),
    _nodes.SECURITY: Part(insights.security, insights.inputs),
    _nodes.DOC_FILE: Part(document.file_information, document.file_information_inputs),
    _nodes.DOC_IDENTIFIERS: Part(document.identifiers, document.identifiers_inputs),
    _nodes.DOC_SECTIONS: Part(document.sections, document.sections_inputs),
    _nodes.DOC_RELATED: Part(document.related, document.related_inputs),
    _nodes.DOC_XREFS: Part(document.xrefs, document.xrefs_inputs),
    **{
        _nodes.KEYWORD_LIST + category: Part(*module.keyword_list_part(category))
        for category in CATEGORIES
    },
}
