"""Parts of these docs made from sphinx-kwindex's own code, so that they cannot go stale.

- ``kwindex-config-table``: every ``kwindex_*`` value (``_config.DEFAULTS``) with its
  default, the types Sphinx accepts (``_config.types_of``) and the ``#:`` comment of its
  field in ``_config.Settings``. Each name is a ``confval`` that ``:confval:`` links to.
- ``kwindex-warning-table``: every warning subtype (``_warnings.Subtype``) with the ``#:``
  comment of its member.
- ``image-if-present``: an image, only once its file exists (the screenshot is made
  separately); nothing otherwise.

The descriptions are reST: use the tables in ``.rst`` pages.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.pycode import ModuleAnalyzer
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_id

from sphinx_kwindex._config import DEFAULTS, types_of
from sphinx_kwindex._warnings import Subtype

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.domains.std import StandardDomain
    from sphinx.util.typing import ExtensionMetadata, OptionSpec

logger = logging.getLogger(__name__)


class _TableDirective(SphinxDirective):
    """A table whose descriptions are the ``#:`` comments of *modname*'s attributes."""

    modname: ClassVar[str]

    def comments(self) -> dict[tuple[str, str], str]:
        """(class, attribute) -> its ``#:`` comment as one line; ties this page to the file."""
        analyzer = ModuleAnalyzer.for_module(self.modname)
        self.env.note_dependency(analyzer.srcname)
        return {
            key: " ".join(line.strip() for line in lines if line.strip())
            for key, lines in analyzer.find_attr_docs().items()
        }

    def description(
        self, comments: dict[tuple[str, str], str], key: tuple[str, str]
    ) -> nodes.paragraph:
        text = comments.get(key, "")
        if not text:
            logger.warning(
                "%s.%s has no #: comment to describe it",
                self.modname,
                ".".join(key),
                location=self.get_location(),
            )
        inline, messages = self.parse_inline(text)
        paragraph = nodes.paragraph("", "", *inline)
        paragraph += messages
        return paragraph

    def table(
        self, headers: list[str], widths: list[int], rows: list[nodes.row]
    ) -> nodes.table:
        table = nodes.table(classes=["kwindex-docs-table"])
        group = nodes.tgroup(cols=len(headers))
        table += group
        group.extend(nodes.colspec(colwidth=width) for width in widths)
        head = nodes.thead()
        head += _row([nodes.paragraph(text=header) for header in headers])
        group += head
        body = nodes.tbody()
        body.extend(rows)
        group += body
        self.set_source_info(table)
        return table


class ConfigTable(_TableDirective):
    """Every configuration value: name, default, types, description."""

    modname = "sphinx_kwindex._config"

    def run(self) -> list[nodes.Node]:
        comments = self.comments()
        std = cast("StandardDomain", self.env.get_domain("std"))
        rows = []
        for name, default in DEFAULTS.items():
            node_id = make_id(self.env, self.state.document, "confval", name)
            name_cell = nodes.paragraph("", "", nodes.literal(name, name))
            row = _row(
                [
                    name_cell,
                    nodes.paragraph("", "", nodes.literal(repr(default), repr(default))),
                    nodes.paragraph("", "", *_types(name)),
                    self.description(comments, ("Settings", name.removeprefix("kwindex_"))),
                ]
            )
            row["ids"].append(node_id)
            row["classes"].append("kwindex-confval")
            self.state.document.note_explicit_target(row)
            std.note_object("confval", name, node_id, location=row)
            rows.append(row)
        headers = ["Name", "Default", "Type", "Description"]
        return [self.table(headers, [22, 20, 12, 46], rows)]


class WarningTable(_TableDirective):
    """Every warning subtype and what it means."""

    modname = "sphinx_kwindex._warnings"

    def run(self) -> list[nodes.Node]:
        comments = self.comments()
        rows = []
        for subtype in Subtype:
            shown = f"kwindex.{subtype.value}"
            row = _row(
                [
                    nodes.paragraph("", "", nodes.literal(shown, shown)),
                    self.description(comments, ("Subtype", subtype.name)),
                ]
            )
            row["ids"].append(make_id(self.env, self.state.document, "warning", shown))
            row["classes"].append("kwindex-warning")
            self.state.document.note_explicit_target(row)
            rows.append(row)
        return [self.table(["Subtype", "Meaning"], [25, 75], rows)]


class ImageIfPresent(SphinxDirective):
    """``image-if-present <path>``: an image while its file exists, else nothing."""

    required_arguments = 1
    option_spec: ClassVar[OptionSpec] = {"alt": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        uri = self.arguments[0]
        _relative, absolute = self.env.relfn2path(uri, self.env.docname)
        # a missing dependency makes Sphinx read the page again on every build: the image
        # appears as soon as its file does
        self.env.note_dependency(absolute)
        if not Path(absolute).is_file():
            return []
        image = nodes.image(uri=uri, alt=self.options.get("alt", ""))
        self.set_source_info(image)
        return [image]


def _row(cells: list[nodes.paragraph]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        entry += cell
        row += entry
    return row


def _types(name: str) -> list[nodes.Node]:
    """The accepted types, the default's own first: ``list | tuple``, ``bool | None``."""
    default_type = type(DEFAULTS[name])
    ordered = sorted(
        types_of(name), key=lambda t: (t is type(None), t is not default_type, t.__name__)
    )
    shown = ["None" if t is type(None) else t.__name__ for t in ordered]
    result: list[nodes.Node] = []
    for index, text in enumerate(shown):
        if index:
            result.append(nodes.Text(" | "))
        result.append(nodes.literal(text, text))
    return result


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_directive("kwindex-config-table", ConfigTable)
    app.add_directive("kwindex-warning-table", WarningTable)
    app.add_directive("image-if-present", ImageIfPresent)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
