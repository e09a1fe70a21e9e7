"""``:kw:`name``` links to a name's entry in the global keyword index (reST and MyST)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxRole
from sphinx.util.nodes import split_explicit_title

if TYPE_CHECKING:
    from docutils.nodes import Node, system_message


class KeywordRole(SphinxRole):
    """``:kw:`Circle``` or ``:kw:`the circle <Circle>```: a cross-reference that Sphinx
    resolves through the kwindex domain once every page has been read."""

    def run(self) -> tuple[list[Node], list[system_message]]:
        has_title, title, target = split_explicit_title(self.text)
        target = target.strip()
        literal = nodes.literal(self.rawtext, title, classes=["xref", "kwindex-keyword"])
        node = addnodes.pending_xref(
            self.rawtext,
            literal,
            refdomain="kwindex",
            reftype="kw",
            reftarget=target,
            refexplicit=has_title,
            refwarn=True,
            refdoc=self.env.docname,
        )
        self.set_source_info(node)
        return [node], []
