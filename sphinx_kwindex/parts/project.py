"""Write-time parts of the global keyword index: the module tree, and every name A to Z."""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING, Any, NamedTuple

from docutils import nodes

from sphinx_kwindex._config import settings
from sphinx_kwindex._domain import DocLocation, object_location
from sphinx_kwindex._locale import _, ngettext, number
from sphinx_kwindex.analysis.project import letter_of, letter_order

if TYPE_CHECKING:
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from sphinx_kwindex._config import Settings
    from sphinx_kwindex._domain import KwindexDomain
    from sphinx_kwindex.analysis.model import ModuleFacts
    from sphinx_kwindex.analysis.project import NameUse
    from sphinx_kwindex.parts.context import Context


def kind_label(category: str) -> str:
    return {
        "classes": _("class"),
        "functions": _("function"),
        "methods": _("method"),
        "attributes": _("attribute"),
        "imports": _("imported"),
        "module": _("module"),
    }[category]


def name_anchor(name: str) -> str:
    """The id of a name's entry in the global index."""
    return f"kw-{name}"


def letter_anchor(letter: str) -> str:
    return f"kwindex-letter-{letter_slug(letter)}"


def letter_slug(letter: str) -> str:
    """A file-name-safe form of a letter: ``A``, ``underscore``, ``other``."""
    if letter == "_":
        return "underscore"
    if letter.isascii() and letter.isalpha():
        return letter
    return "other"


class Link(NamedTuple):
    """A module and where its mention of a name links to."""

    modname: str
    location: DocLocation | None


class Entry(NamedTuple):
    """One name of the global index, ready to render (as nodes or in a template)."""

    name: str
    kinds: tuple[str, ...]
    definers: tuple[Link, ...]
    importers: tuple[Link, ...]
    #: Prose documents that mention the name (``modname`` holds the docname).
    mentions: tuple[Link, ...] = ()


def entries(context: Context) -> list[Entry]:
    """Every name of the project with its kinds, definers and importers, in index order
    (made once per build: the index page, its digest and the letter pages share it)."""
    return context.domain.derived("entries", lambda: _entries(context))


def _entries(context: Context) -> list[Entry]:
    result = []
    for name, uses in context.domain.project.names.items():
        # a module is a name of its own (build_index gives it a "module" use)
        kinds = sorted(
            {use.category for use in uses if use.role == "defines"} - {"module", "document"}
        )
        if any(use.category == "module" for use in uses):
            kinds.insert(0, "module")
        if not kinds:
            kinds = ["imports"]
        definers = tuple(
            Link(use.modname, _definition(context, use))
            for use in uses
            if use.role == "defines" and use.category != "module"
        )
        importers = tuple(
            Link(use.modname, _keyword_section(context, use.modname, "imports"))
            for use in uses
            if use.role == "imports"
        )
        mentions = tuple(
            Link(use.modname, _mention(context, use.modname, name))
            for use in uses
            if use.role == "mentions"
        )
        result.append(Entry(name, tuple(kinds), definers, _unique(importers), mentions))
    return result


def split(context: Context) -> bool:
    """Whether names go to one page per letter (a large index, in HTML)."""
    return is_split(context.app.builder, context.config, len(context.domain.project.names))


def is_split(builder: Builder, config: Settings, count: int) -> bool:
    limit = config.index_split
    return (
        bool(limit)
        and count > limit
        and builder.format == "html"
        and builder.name != "singlehtml"
    )


def entry_location(
    env: BuildEnvironment, builder: Builder, domain: KwindexDomain, name: str
) -> DocLocation | None:
    """Where the global index shows *name*: on the index page, or on its letter's page."""
    config = settings(env.config)
    page = f"{config.dir}/index"
    if page not in env.all_docs:
        return None
    if is_split(builder, config, len(domain.project.names)):
        page = f"{config.dir}/index-{letter_slug(letter_of(name))}"
    return DocLocation(page, name_anchor(name))


def names(context: Context, modname: str, facts: ModuleFacts | None) -> list[nodes.Node]:
    """A letter bar, then each letter's names (or, when split, links to letter pages)."""
    found = entries(context)
    if not found:
        return [nodes.paragraph("", _("No keywords yet: no module was indexed."))]
    by_letter = grouped(found)
    on_pages = split(context)
    bar = nodes.paragraph("", "", classes=["kwindex-letter-bar"])
    for letter in by_letter:
        if len(bar):
            bar += nodes.Text(" ")
        target = letter_page(context, letter) if on_pages else None
        literal = nodes.strong(letter, letter)
        if target is not None:
            bar += context.page_link(target, literal)
        else:
            reference = nodes.reference("", "", internal=True, refid=letter_anchor(letter))
            reference += literal
            bar += reference
    result: list[nodes.Node] = [bar]
    if on_pages:
        text = ngettext(
            "%s name: each letter has a page of its own.",
            "%s names: each letter has a page of its own.",
            len(found),
        ) % number(len(found))
        result.append(nodes.paragraph("", text))
        return result
    for letter, letter_entries in by_letter.items():
        block = nodes.container("", ids=[letter_anchor(letter)], classes=["kwindex-letter"])
        if context.app.builder.format == "latex":
            # LaTeX writes no label for a container's ids: the letter bar needs a target
            block += nodes.target("", "", ids=[letter_anchor(letter)])
        block += nodes.rubric(letter, letter)
        block += entry_list(context, letter_entries)
        result.append(block)
    return result


def names_inputs(context: Context, modname: str, facts: ModuleFacts | None) -> Any:
    return (
        split(context),
        entries(context),
        [context.keyword_page(module) for module in context.domain.plan],
    )


def grouped(found: list[Entry]) -> dict[str, list[Entry]]:
    ordered = sorted(found, key=lambda entry: letter_order(letter_of(entry.name)))
    return {
        letter: list(group)
        for letter, group in groupby(ordered, key=lambda entry: letter_of(entry.name))
    }


def letter_page(context: Context, letter: str) -> str:
    """The page name of a letter's page (HTML only: written by ``html-collect-pages``)."""
    return f"{context.config.dir}/index-{letter_slug(letter)}"


def entry_list(context: Context, found: list[Entry]) -> nodes.definition_list:
    """Names as a definition list: the name and its kinds; where defined, where imported."""
    # "compact": one look whatever the entries (themes style a non-compact list as API
    # signatures)
    result = nodes.definition_list("", classes=["kwindex-names", "compact"])
    for entry in found:
        term = nodes.term("", "", ids=[name_anchor(entry.name)])
        term += nodes.literal(entry.name, entry.name, classes=["kwindex-keyword"])
        kinds = ", ".join(kind_label(kind) for kind in entry.kinds)
        term += nodes.inline("", f" ({kinds})", classes=["kwindex-small"])
        definition = nodes.definition()
        if entry.kinds[0] == "module":
            page = context.keyword_page(entry.name)
            if page is not None:
                definition += _line(
                    _("Keyword page: "), [Link(entry.name, DocLocation(page, ""))], context
                )
        if entry.definers:
            definition += _line(_("Defined in: "), list(entry.definers), context)
        if entry.importers:
            definition += _line(_("Imported by: "), list(entry.importers), context)
        if entry.mentions:
            definition += _line(_("Mentioned in: "), list(entry.mentions), context)
        result += nodes.definition_list_item("", term, definition)
    return result


def module_tree(context: Context, modname: str, facts: ModuleFacts | None) -> list[nodes.Node]:
    """Every indexed module, nested by package, linked, with its docstring's first line."""
    modules = sorted(context.domain.plan)
    if not modules:
        return [nodes.paragraph("", _("No module is indexed."))]
    root = nodes.bullet_list("", classes=["kwindex-module-tree"])
    lists: dict[str, nodes.bullet_list] = {"": root}
    for module in modules:
        parent = _nearest_listed_parent(module, lists)
        item = nodes.list_item("", _tree_line(context, module, parent))
        lists[parent] += item
        children = nodes.bullet_list()
        item += children
        lists[module] = children
    for children in list(lists.values()):
        if not len(children) and children.parent is not None:
            children.parent.remove(children)
    return [root]


def module_tree_inputs(context: Context, modname: str, facts: ModuleFacts | None) -> Any:
    rows = []
    for module in sorted(context.domain.plan):
        found = context.domain.facts(module)
        summary = found.keywords.summary if found and found.keywords else ""
        rows.append((module, context.keyword_page(module), summary))
    return rows


def _tree_line(context: Context, module: str, parent: str) -> nodes.paragraph:
    shown = module[len(parent) + 1 :] if parent else module
    literal = nodes.literal(shown, shown)
    page = context.keyword_page(module)
    line = nodes.paragraph("", "", context.page_link(page, literal) if page else literal)
    found = context.domain.facts(module)
    if found is not None and found.keywords is not None and found.keywords.summary:
        line += nodes.Text(" \N{EM DASH} " + found.keywords.summary)
    return line


def _nearest_listed_parent(module: str, lists: dict[str, nodes.bullet_list]) -> str:
    parent = module.rpartition(".")[0]
    while parent and parent not in lists:
        parent = parent.rpartition(".")[0]
    return parent


def _line(label: str, links: list[Link], context: Context) -> nodes.paragraph:
    line = nodes.paragraph("", label)
    for index, link in enumerate(links):
        if index:
            line += nodes.Text(", ")
        literal = nodes.literal(link.modname, link.modname)
        line += context.link(link.location, literal) if link.location else literal
    return line


def _definition(context: Context, use: NameUse) -> DocLocation | None:
    """A definition links to its documentation entry, else to its module's keyword page."""
    if use.fullname:
        found = object_location(context.env, use.fullname)
        if found is not None:
            return found
    return _keyword_section(context, use.modname, use.category)


def _keyword_section(context: Context, modname: str, category: str) -> DocLocation | None:
    page = context.keyword_page(modname)
    return DocLocation(page, f"kwindex-{category}") if page is not None else None


def _mention(context: Context, docname: str, name: str) -> DocLocation:
    """Where a document first mentions *name*: the section, on the document itself."""
    for mention in context.domain.project.documents.get(docname, ()):
        if mention.name == name:
            return DocLocation(docname, mention.anchor)
    return DocLocation(docname, "")


def _unique(links: tuple[Link, ...]) -> tuple[Link, ...]:
    return tuple({link.modname: link for link in links}.values())
