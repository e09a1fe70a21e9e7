"""The markup of keyword indexes, as docutils nodes: one place for pages and directives.

Parts known when a page is read (file facts, headings) are built here at once; parts that
depend on other pages (links to documentation, the section map, related files) are left as
:class:`~sphinx_kwindex._nodes.kwindex_placeholder` nodes, completed at write time by the
parts in :mod:`sphinx_kwindex.parts`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from docutils import nodes
from sphinx import addnodes
from sphinx.util.nodes import make_id

from sphinx_kwindex._locale import _, labelled, ngettext, number, problem_text
from sphinx_kwindex._nodes import (
    DEPENDENCIES,
    DOC_FILE,
    DOC_IDENTIFIERS,
    DOC_RELATED,
    DOC_SECTIONS,
    DOC_XREFS,
    FILE_LINKS,
    IMPORT_MAP,
    IMPORTED_BY,
    KEYWORD_LIST,
    MODULE_TREE,
    NAMES,
    PACKAGE,
    PATTERNS,
    RELATED,
    SECTION_MAP,
    SECURITY,
    XREFS,
    placeholder,
)
from sphinx_kwindex.analysis.model import CATEGORIES

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.environment import BuildEnvironment

    from sphinx_kwindex._config import Settings
    from sphinx_kwindex.analysis.model import Keyword, ModuleFacts
    from sphinx_kwindex.analysis.tests import TestFile


class Block(NamedTuple):
    """A titled part of a keyword index: a section on a page, a rubric inline."""

    key: str
    title: str
    body: list[nodes.Node]
    classes: tuple[str, ...]
    children: tuple[Block, ...] = ()


def category_title(category: str) -> str:
    return {
        "classes": _("Classes"),
        "functions": _("Functions"),
        "methods": _("Methods"),
        "attributes": _("Attributes"),
        "imports": _("Imports"),
    }[category]


def kind_label(kind: str) -> str:
    return {
        "module": _("Python module"),
        "package": _("Python package"),
        "namespace": _("Namespace package"),
        "extension": _("Compiled extension module"),
        "builtin": _("Built-in module"),
    }.get(kind, kind)


def human_size(size: int) -> str:
    """``3,204 bytes (3.1 KiB)``, in the page's language."""
    text = ngettext("%s byte", "%s bytes", size) % number(size)
    if size < 1024:
        return text
    value = float(size)
    for unit in ("KiB", "MiB", "GiB"):
        value /= 1024
        if value < 1024 or unit == "GiB":
            # Translators: a size in bytes, then the same in KiB, MiB or GiB.
            return _("%(bytes)s (%(size)s %(unit)s)") % {
                "bytes": text,
                "size": number(value, 1),
                "unit": unit,
            }
    return text  # pragma: no cover - the loop always returns


def blocks(
    facts: ModuleFacts,
    config: Settings,
    docname: str,
    *,
    graphs: bool,
    tests: tuple[TestFile, ...] = (),
) -> list[Block]:
    """The parts of a module's keyword index, in their fixed order.

    A package's page is also the index of its folder: its contents come right after the file
    information, then the map of the imports between its modules (when *graphs*).
    """
    modname = facts.modname

    def part(key: str, title: str, kind: str) -> Block:
        return Block(key, title, [placeholder(kind, modname, docname)], (f"kwindex-{key}",))

    package = facts.location is not None and facts.location.is_package
    return [
        Block(
            "file-info",
            _("File information"),
            file_information(facts, docname),
            ("kwindex-file-info",),
        ),
        *([part("package", _("Package contents"), PACKAGE)] if package else []),
        *([part("import-map", _("Import map"), IMPORT_MAP)] if package and graphs else []),
        *insight_blocks(facts, config, docname, tests, before_keywords=True),
        keywords_block(facts, config, docname),
        *insight_blocks(facts, config, docname, tests, before_keywords=False),
        part("section-map", _("Keyword \N{RIGHTWARDS ARROW} section map"), SECTION_MAP),
        part("related", _("Related files"), RELATED),
        part("dependencies", _("Dependencies"), DEPENDENCIES),
        part("imported-by", _("Imported by"), IMPORTED_BY),
        part("xrefs", _("Cross-references"), XREFS),
    ]


def document_blocks(document: str, docname: str) -> list[Block]:
    """The parts of a prose document's keyword index (*docname* is the page holding them)."""

    def part(key: str, title: str, kind: str) -> Block:
        return Block(key, title, [placeholder(kind, document, docname)], (f"kwindex-{key}",))

    return [
        part("file-info", _("File information"), DOC_FILE),
        part("identifiers", _("Identifiers"), DOC_IDENTIFIERS),
        part("section-map", _("Keyword \N{RIGHTWARDS ARROW} section map"), DOC_SECTIONS),
        part("related", _("Related files"), DOC_RELATED),
        part("xrefs", _("Cross-references"), DOC_XREFS),
    ]


def insight_blocks(
    facts: ModuleFacts,
    config: Settings,
    docname: str,
    tests: tuple[TestFile, ...],
    *,
    before_keywords: bool,
) -> list[Block]:
    """Overview (before the keywords); code patterns, sensitive calls and tests (after):
    each only when there is something to show."""
    insights = facts.insights
    if not config.insights or insights is None:
        return []
    modname = facts.modname
    if before_keywords:
        return [Block("overview", _("Overview"), overview(facts), ("kwindex-overview",))]
    found = []
    if insights.patterns:
        found.append(
            Block(
                "patterns",
                _("Code patterns"),
                [placeholder(PATTERNS, modname, docname)],
                ("kwindex-patterns",),
            )
        )
    if insights.security:
        note = nodes.paragraph(
            "", _("Hints for a review, not verdicts."), classes=["kwindex-small"]
        )
        found.append(
            Block(
                "security",
                _("Security-sensitive calls"),
                [note, placeholder(SECURITY, modname, docname)],
                ("kwindex-security",),
            )
        )
    if tests:
        found.append(Block("tests", _("Tests"), [test_list(tests)], ("kwindex-tests",)))
    return found


def overview(facts: ModuleFacts) -> list[nodes.Node]:
    """The docstring's first paragraph, and what the module holds, counted."""
    result: list[nodes.Node] = []
    insights = facts.insights
    assert insights is not None
    if insights.overview:
        text = nodes.inline("", insights.overview, support_smartquotes=False)
        result.append(nodes.paragraph("", "", text))
    keywords = facts.keywords
    counts = (
        [
            labelled(category_title(category)) + number(len(keywords.category(category)))
            for category in CATEGORIES
        ]
        if keywords is not None
        else []
    )
    counts.append(labelled(_("Lines of code")) + number(insights.code_lines))
    result.append(
        nodes.paragraph("", " \N{MIDDLE DOT} ".join(counts), classes=["kwindex-counts"])
    )
    return result


def test_list(tests: tuple[TestFile, ...]) -> nodes.Node:
    items = nodes.bullet_list("", classes=["kwindex-test-list"])
    for test in tests:
        count = ngettext("%s test", "%s tests", test.tests) % number(test.tests)
        items += nodes.list_item(
            "",
            nodes.paragraph(
                "",
                "",
                nodes.literal(test.shown, test.shown),
                nodes.Text(f" \N{EM DASH} {count}"),
            ),
        )
    return items


def global_blocks(docname: str) -> list[Block]:
    """The parts of the global keyword index page."""
    return [
        Block(
            "modules",
            _("Modules"),
            [placeholder(MODULE_TREE, "", docname)],
            ("kwindex-modules",),
        ),
        Block(
            "names",
            _("Keywords from A to Z"),
            [placeholder(NAMES, "", docname)],
            ("kwindex-names",),
        ),
    ]


def as_sections(parts: list[Block]) -> list[nodes.Node]:
    """Blocks as sections with stable ids (a keyword page: one module per page)."""
    result: list[nodes.Node] = []
    for block in parts:
        section = nodes.section("", ids=[f"kwindex-{block.key}"], classes=list(block.classes))
        section += nodes.title(block.title, block.title)
        section.extend(block.body)
        section.extend(as_sections(list(block.children)))
        result.append(section)
    return result


def as_containers(
    parts: list[Block], env: BuildEnvironment, document: nodes.document, modname: str
) -> list[nodes.Node]:
    """Blocks as rubrics in containers, for use inside a page's own sections."""
    result: list[nodes.Node] = []
    for block in parts:
        node_id = make_id(env, document, "kwindex", f"{modname}-{block.key}")
        container = nodes.container("", ids=[node_id], classes=list(block.classes))
        document.note_explicit_target(container)
        container += nodes.rubric(block.title, block.title)
        container.extend(block.body)
        container.extend(as_containers(list(block.children), env, document, modname))
        result.append(container)
    return result


def file_information(facts: ModuleFacts, docname: str) -> list[nodes.Node]:
    fields = nodes.field_list("", classes=["kwindex-fields"])
    location, info = facts.location, facts.info
    if info is not None and info.relpath:
        fields += field(_("Path"), nodes.literal(info.relpath, info.relpath))
    if info is not None and location is not None and location.path:
        fields += field(_("Size"), nodes.Text(human_size(info.size)))
        fields += field(_("Lines"), nodes.Text(number(info.lines)))
    if location is not None:
        fields += field(_("Type"), nodes.Text(kind_label(location.kind)))
    if info is not None and info.extension:
        fields += field(_("Extension"), nodes.literal(info.extension, info.extension))
    if facts.keywords is not None and facts.keywords.summary:
        # the docstring's words as written: no "smart" quotes
        summary = nodes.inline("", facts.keywords.summary, support_smartquotes=False)
        fields += field(_("Summary"), summary)
    fields += placeholder(FILE_LINKS, facts.modname, docname)
    body: list[nodes.Node] = [fields]
    if facts.problem is not None:
        message = problem_text(facts.problem)
        if facts.problem.line:
            message = _("%s (line %d)") % (message, facts.problem.line)
        warning = nodes.warning("", classes=["kwindex-problem"])
        warning += nodes.paragraph("", _("No keywords could be collected: %s.") % message)
        body.append(warning)
    return body


def field(name: str, *content: nodes.Node) -> nodes.field:
    body = nodes.field_body()
    body += nodes.paragraph("", "", *content)
    return nodes.field("", nodes.field_name(name, name), body)


def keywords_block(facts: ModuleFacts, config: Settings, docname: str) -> Block:
    children = []
    keywords = facts.keywords
    for category in config.categories:
        found = keywords.category(category) if keywords is not None else ()
        if not found:
            continue
        title = f"{category_title(category)} ({number(len(found))})"
        items = placeholder(KEYWORD_LIST + category, facts.modname, docname)
        children.append(Block(category, title, [items], ("kwindex-category",)))
    if keywords is None:
        note = _("None: the source of this module could not be analysed.")
    elif not children:
        note = _("This module defines and imports nothing.")
    else:
        count = sum(len(keywords.category(category)) for category in config.categories)
        note = ngettext(
            "%s keyword, from the module's source.",
            "%s keywords, from the module's source.",
            count,
        ) % number(count)
    return Block(
        "keywords",
        _("Keywords"),
        [nodes.paragraph("", note)],
        ("kwindex-keywords",),
        tuple(children),
    )


def keyword_list(
    keywords: tuple[Keyword, ...],
    modname: str,
    category: str,
    refdoc: str,
    resolve: Callable[[addnodes.pending_xref], nodes.Node],
) -> nodes.Node:
    """The keywords as a list, each cross-reference (made from page *refdoc*) resolved by
    *resolve*."""
    items = nodes.bullet_list("", classes=["kwindex-keyword-list"])
    for keyword in keywords:
        reference = keyword_reference(keyword, modname, category, refdoc)
        if isinstance(reference, addnodes.pending_xref):
            reference = resolve(reference)
        items += nodes.list_item("", nodes.paragraph("", "", reference))
    return items


def keyword_reference(
    keyword: Keyword, modname: str, category: str, refdoc: str
) -> nodes.Node:
    """The keyword as code, in a cross-reference when it has a full name."""
    literal = nodes.literal(keyword.name, keyword.name, classes=["kwindex-keyword"])
    if not keyword.fullname:
        return literal
    return addnodes.pending_xref(
        "",
        literal,
        refdomain="py",
        reftype="obj",
        reftarget=keyword.fullname,
        refexplicit=True,
        refwarn=False,
        refdoc=refdoc,
        **{"py:module": None, "py:class": None},
        kwindex_module=modname,
        kwindex_line=0 if category == "imports" else keyword.line,
    )
