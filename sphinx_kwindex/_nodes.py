"""The extension's one node: a placeholder for content that depends on other pages."""

from __future__ import annotations

from typing import TypeVar

from docutils import nodes

N = TypeVar("N", bound=nodes.Node)


class kwindex_placeholder(nodes.General, nodes.Element):  # docutils names nodes this way
    """Stands for content filled at write time.

    Attributes: ``kind`` (one of the kinds below, each a part in :mod:`sphinx_kwindex.parts`),
    ``modname`` (the module it is about) and ``docname`` (the page that holds it). The domain
    records every placeholder of a page, so that the page is written again when what its
    placeholders show changes (:mod:`sphinx_kwindex._updates`).
    """


FILE_LINKS = "file-links"
#: The keywords of one category, linked (the kind is this prefix + the category's name).
#: Built when the page is written, so that pages are small while Sphinx reads, keeps and
#: transforms them.
KEYWORD_LIST = "keywords-"
SECTION_MAP = "section-map"
#: Related files as a table (keyword index) or as a compact list (documentation pages).
RELATED = "related"
RELATED_LIST = "related-list"
XREFS = "xrefs"
DEPENDENCIES = "dependencies"
IMPORTED_BY = "imported-by"
PACKAGE = "package"
IMPORT_MAP = "import-map"
#: Code patterns and security-sensitive calls, with links to their lines.
PATTERNS = "patterns"
SECURITY = "security"
#: The global index page: the modules as a tree, and every name from A to Z.
MODULE_TREE = "module-tree"
NAMES = "names"
#: A prose document's keyword index (``modname`` holds the document's docname).
DOC_FILE = "doc-file"
DOC_IDENTIFIERS = "doc-identifiers"
DOC_SECTIONS = "doc-sections"
DOC_RELATED = "doc-related"
DOC_XREFS = "doc-xrefs"


def placeholder(kind: str, modname: str, docname: str) -> kwindex_placeholder:
    """Content of *kind* about *modname*, filled at write time; *docname* holds it."""
    return kwindex_placeholder("", kind=kind, modname=modname, docname=docname)


def find_all(tree: nodes.Node, types: type[N] | tuple[type[N], ...]) -> list[N]:
    """The nodes of *types* in *tree* (itself included), in document order.

    What ``list(tree.findall(types))`` gives, with one loop instead of docutils' generator
    per level: several times faster on the large pages autodoc makes, which the extension
    walks once as they are read and once as they are written.
    """
    found: list[N] = []
    stack: list[nodes.Node] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, types):
            found.append(node)
        children = node.children  # Text nodes have an empty tuple
        if children:
            stack.extend(reversed(children))
    return found
