"""The write-time parts of keyword indexes, one per placeholder kind.

Each part has ``fill`` (the nodes that replace its placeholder) and ``inputs`` (a value made
of everything those nodes depend on; when it changes between builds, the page is written
again). Keeping the two side by side is what keeps incremental builds right.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from sphinx_kwindex import _nodes
from sphinx_kwindex.parts import module, related

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
    _nodes.KEYWORD_LINKS: Part(module.keyword_links, module.keyword_links_inputs),
    _nodes.SECTION_MAP: Part(module.section_map, module.section_map_inputs),
    _nodes.XREFS: Part(module.xrefs, module.xrefs_inputs),
    _nodes.RELATED: Part(related.related, related.related_inputs),
    _nodes.RELATED_LIST: Part(related.related_list, related.related_inputs),
}
