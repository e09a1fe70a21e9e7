"""Which modules a source document (reST or MyST) documents, read from its text.

This runs before Sphinx reads anything (the keyword pages must exist by then), so it is a
light line scanner, not a parser. It finds ``automodule``, ``module`` and ``currentmodule``
(also with ``py:``) as reST directives and as MyST fences, and it skips what is not markup
that Sphinx will run: literal blocks (``::``), comments, code blocks and code fences, so that
an example in a tutorial does not count.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Iterator

MODULE_DIRECTIVES = frozenset(
    {"automodule", "module", "currentmodule", "py:module", "py:currentmodule"}
)
#: Directives whose content is not reST that Sphinx runs.
_VERBATIM = frozenset(
    {
        "code-block",
        "code",
        "sourcecode",
        "parsed-literal",
        "raw",
        "highlight",
        "literalinclude",
        "doctest",
        "testcode",
        "testoutput",
        "testsetup",
        "testcleanup",
        "ipython",
        "jupyter-execute",
        "math",
        "graphviz",
        "digraph",
        "graph",
        "csv-table",
    }
)
_RST_DIRECTIVE = re.compile(
    r"^(?P<indent>[ \t]*)\.\.[ \t]+(?P<name>[\w:.-]+)::(?:[ \t]+(?P<arg>\S+))?"
)
_RST_COMMENT = re.compile(r"^(?P<indent>[ \t]*)\.\.(?:[ \t]|$)")
_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,}|:{3,})[ \t]*(?:\{(?P<name>[\w:.-]+)\})?"
    r"(?:[ \t]+(?P<arg>\S+))?"
)


class Mention(NamedTuple):
    """A directive that documents a module, and its line (1-based)."""

    modname: str
    line: int


def module_mentions(text: str) -> Iterator[Mention]:
    """The modules named by module directives in *text*, in order."""
    skip_deeper_than: int | None = None  # inside a literal block, comment or code block
    fence: tuple[str, bool] | None = None  # an open MyST fence, and whether it holds reST
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if fence is not None:
            marker, holds_rest = fence
            if stripped.startswith(marker) and set(stripped) == {marker[0]}:
                fence = None
                skip_deeper_than = None
                continue
            if not holds_rest:
                continue
        indent = len(line) - len(line.lstrip(" \t"))
        if skip_deeper_than is not None:
            if not stripped or indent > skip_deeper_than:
                continue
            skip_deeper_than = None
        found = _FENCE.match(line)
        if found is not None and fence is None:
            name = found.group("name") or ""
            fence = (found.group("fence"), name == "eval-rst")
            if name in MODULE_DIRECTIVES and found.group("arg"):
                yield Mention(found.group("arg"), number)
            continue
        found = _RST_DIRECTIVE.match(line)
        if found is not None:
            name = found.group("name")
            if name in MODULE_DIRECTIVES and found.group("arg"):
                yield Mention(found.group("arg"), number)
            elif name in _VERBATIM:
                skip_deeper_than = indent
            continue
        if _RST_COMMENT.match(line) and not line.lstrip().startswith(
            ("..  _", ".. _", ".. |")
        ):
            skip_deeper_than = indent
            continue
        if stripped.endswith("::"):
            skip_deeper_than = indent
