"""Reading a prose document's doctree for the identifiers it talks about.

The rules are in :mod:`sphinx_kwindex.analysis.prose`; this module only walks the doctree,
hands each piece to its rule, and keeps the section each identifier first appears in. It runs
when a page is read (from the domain's ``process_doc``), so reST and MyST pages behave alike.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from sphinx_kwindex._domain import section_title_and_anchor
from sphinx_kwindex._nodes import kwindex_placeholder
from sphinx_kwindex.analysis.model import DocumentFacts, Mention
from sphinx_kwindex.analysis.prose import (
    PYTHON_LANGUAGES,
    code_names,
    literal_identifier,
    prose_words,
    role_target,
)

if TYPE_CHECKING:
    from collections.abc import Collection

#: Nodes whose text is not prose that a reader sees as such.
_SKIPPED = (
    nodes.comment,
    nodes.raw,
    nodes.target,
    nodes.substitution_definition,
    nodes.image,
    nodes.math,
    nodes.math_block,
    nodes.footnote_reference,
    nodes.citation_reference,
    nodes.label,
    nodes.system_message,
    kwindex_placeholder,
)


def collect(
    document: nodes.document,
    docname: str,
    *,
    terms: Collection[str] = (),
    stopwords: Collection[str] = (),
) -> DocumentFacts:
    """The identifiers of *document*, each with the section it first appears in."""
    reader = _Reader(document, frozenset(terms), frozenset(stopwords))
    reader.walk(document, ("", ""))
    return DocumentFacts(docname, tuple(reader.found.values()))


class _Reader:
    def __init__(
        self, document: nodes.document, terms: frozenset[str], stopwords: frozenset[str]
    ) -> None:
        self.document = document
        self.terms = terms
        self.stopwords = stopwords
        self.found: dict[str, Mention] = {}

    def note(self, name: str | None, section: tuple[str, str], *, sure: bool = True) -> None:
        if not name or name in self.stopwords:
            return
        known = self.found.get(name)
        if known is None or (sure and not known.sure):
            self.found[name] = Mention(name, section[0], section[1], sure)

    def walk(self, node: nodes.Node, section: tuple[str, str]) -> None:
        if isinstance(node, nodes.Text):
            self.prose(str(node), section)
            return
        if isinstance(node, _SKIPPED):
            return
        if isinstance(node, nodes.container) and "kwindex" in node.get("classes", ()):
            return  # our own inline index
        if isinstance(node, nodes.section):
            section = section_title_and_anchor(node, self.document)
        elif isinstance(node, addnodes.pending_xref):
            if node.get("refdomain") == "py":
                self.note(role_target(node.get("reftarget", "")), section)
                return  # the target, not the shown text (a title, or a shortened name)
        elif isinstance(node, nodes.literal):
            self.note(literal_identifier(node.astext()), section)
            return
        elif isinstance(node, nodes.literal_block | nodes.doctest_block):
            self.code(node, section)
            return
        elif isinstance(node, nodes.reference) and node.get("refuri") == node.astext():
            return  # a bare URL
        for child in node.children:
            self.walk(child, section)

    def code(self, node: nodes.Element, section: tuple[str, str]) -> None:
        language = node.get("language", "")
        if isinstance(node, nodes.doctest_block):
            language = "pycon"
        if str(language).lower() not in PYTHON_LANGUAGES:
            return
        for name in code_names(node.astext()):
            self.note(name, section)

    def prose(self, text: str, section: tuple[str, str]) -> None:
        for word in prose_words(text, known=self.terms):
            self.note(word, section)
        for word in _candidates(text):
            self.note(word, section, sure=False)


_PUNCTUATION = "()[]{}<>,;:!?\"'`*\u2018\u2019\u201c\u201d"


def _candidates(text: str) -> list[str]:
    """Words that are identifiers only if the project knows them: ``snake_case`` and
    ``dotted.names`` written without code markup."""
    found = []
    for raw in _SNAKE_OR_DOTTED.findall(text):
        word = raw.strip(_PUNCTUATION).rstrip(".")
        if literal_identifier(word) is not None:
            found.append(word)
    return found


_SNAKE_OR_DOTTED = re.compile(r"[\w.]*\w[_.]\w[\w.]*|[\w.]*_[\w.]*")
