"""Directives (reST and MyST alike) and the transform that adds "Related files" to doc pages.

``kwindex-page`` fills a generated keyword page; ``kwindex`` shows a module's keyword index
inline; ``related-files`` shows the files next to a module. They build nodes directly (no
nested reST), so they behave the same in MyST documents.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_id

from sphinx_kwindex._config import settings
from sphinx_kwindex._domain import KwindexDomain
from sphinx_kwindex._locale import _, __, problem_text
from sphinx_kwindex._nodes import (
    DOC_IDENTIFIERS,
    RELATED,
    RELATED_LIST,
    find_all,
    kwindex_placeholder,
    placeholder,
)
from sphinx_kwindex._render import (
    as_containers,
    as_sections,
    blocks,
    document_blocks,
    global_blocks,
)
from sphinx_kwindex._stats import timed_read
from sphinx_kwindex._warnings import Subtype, file_location, warn
from sphinx_kwindex.analysis import study_module
from sphinx_kwindex.analysis.locate import is_module_name
from sphinx_kwindex.analysis.python import is_private

if TYPE_CHECKING:
    from sphinx.util.typing import OptionSpec

    from sphinx_kwindex.analysis.model import Keyword, ModuleFacts, ModuleKeywords


class _ModuleDirective(SphinxDirective):
    """Shared parts: the domain, and studying a module once per page read."""

    @property
    def domain(self) -> KwindexDomain:
        domain = self.env.domains["kwindex"]
        assert isinstance(domain, KwindexDomain)
        return domain

    def module_argument(self) -> str | None:
        name = self.arguments[0].strip() if self.arguments else ""
        if is_module_name(name):
            return name
        warn(
            Subtype.DIRECTIVE,
            __("%s: %r is not a dotted module name"),
            self.name,
            name,
            location=self.get_location(),
        )
        return None

    def study(self, modname: str, origin: str = "", *, own_page: bool = False) -> ModuleFacts:
        """Analyse *modname* and tie this page to its source file.

        A problem is reported by the module's keyword page, or where it has none, here.
        """
        facts = study_module(modname, sys.path, **self.analysis_options())
        if facts.location is not None and facts.location.path:
            self.env.note_dependency(facts.location.path)
        problem = facts.problem
        if problem is not None and (own_page or modname not in self.domain.plan):
            subtype = Subtype(problem.kind)
            if facts.location is None or not facts.location.path:
                where = _origin_location(origin) or self.get_location()
            else:  # the file itself (a compiled module's too)
                where = file_location(facts.location.path, problem.line)
            warn(
                subtype,
                __("cannot index module %r: %s"),
                modname,
                problem_text(problem, __),
                location=where,
            )
        return self.visible(facts)

    def analysis_options(self) -> dict[str, Any]:
        config = settings(self.config)
        return {"insights": config.insights, "max_size": config.max_source_size}

    def visible(self, facts: ModuleFacts) -> ModuleFacts:
        """*facts* without ``_private`` keywords, unless ``kwindex_private`` wants them."""
        if settings(self.config).private or facts.keywords is None:
            return facts
        return facts._replace(keywords=_public(facts.keywords))


class KwindexPageDirective(_ModuleDirective):
    """The body of a generated keyword page (used by the stubs, not meant for users)."""

    required_arguments = 1
    option_spec: ClassVar[OptionSpec] = {
        "inputs": directives.unchanged,
        "origin": directives.unchanged,
    }

    @timed_read
    def run(self) -> list[nodes.Node]:
        modname = self.module_argument()
        if modname is None:
            return []
        facts = self.study(modname, self.options.get("origin", ""), own_page=True)
        docname = self.env.docname
        self.domain.note_shown(docname, modname, facts)
        if facts.location is not None and facts.location.is_package:
            self.study_children(facts)
        parts = blocks(
            facts,
            settings(self.config),
            docname,
            graphs=self.domain.graphs,
            tests=self.domain.tests(modname),
        )
        return as_sections(parts)

    def study_children(self, facts: ModuleFacts) -> None:
        """A package's page shows its children: those without a page of their own are
        read here (and their files tie this page to them)."""
        for entry in facts.related:
            if entry.modname == facts.modname or entry.modname in self.domain.plan:
                continue
            child = study_module(entry.modname, sys.path, **self.analysis_options())
            if child.location is not None and child.location.path:
                self.env.note_dependency(child.location.path)
            self.domain.note_shown(self.env.docname, entry.modname, self.visible(child))


class KwindexGlobalDirective(SphinxDirective):
    """The body of the generated global keyword index page."""

    @timed_read
    def run(self) -> list[nodes.Node]:
        return as_sections(global_blocks(self.env.docname))


class KwindexDocumentDirective(SphinxDirective):
    """The body of a prose document's generated keyword page."""

    required_arguments = 1
    final_argument_whitespace = True

    @timed_read
    def run(self) -> list[nodes.Node]:
        document = self.arguments[0].strip()
        if document not in self.env.found_docs:
            warn(
                Subtype.DIRECTIVE,
                __("kwindex-document: no document %r"),
                document,
                location=self.get_location(),
            )
            return []
        return as_sections(document_blocks(document, self.env.docname))


class KwindexDirective(_ModuleDirective):
    """``.. kwindex:: pkg.mod``: a module's keyword index, inline; without an argument, the
    identifiers of the page it is on."""

    optional_arguments = 1
    has_content = False

    @timed_read
    def run(self) -> list[nodes.Node]:
        if not self.arguments:
            return [self.own_identifiers()]
        modname = self.module_argument()
        if modname is None:
            return []
        facts = self.study(modname)
        docname = self.env.docname
        self.domain.note_shown(docname, modname, facts)
        container = nodes.container("", classes=["kwindex", "kwindex-inline"])
        self.set_source_info(container)
        parts = blocks(facts, settings(self.config), docname, graphs=self.domain.graphs)
        container.extend(as_containers(parts, self.env, self.state.document, modname))
        return [container]

    def own_identifiers(self) -> nodes.Node:
        """This page's identifiers (filled once all pages are read)."""
        docname = self.env.docname
        container = nodes.container(
            "", classes=["kwindex", "kwindex-inline", "kwindex-identifiers"]
        )
        self.set_source_info(container)
        container["ids"] = [
            make_id(self.env, self.state.document, "kwindex-identifiers", docname)
        ]
        self.state.document.note_explicit_target(container)
        container += nodes.rubric(_("Identifiers"), _("Identifiers"))
        container += placeholder(DOC_IDENTIFIERS, docname, docname)
        return container


class RelatedFilesDirective(_ModuleDirective):
    """``.. related-files:: [pkg.mod]``: the files next to a module (default: this page's)."""

    optional_arguments = 1
    has_content = False

    @timed_read
    def run(self) -> list[nodes.Node]:
        if self.arguments:
            modname = self.module_argument()
        else:
            modname = self.env.ref_context.get("py:module")
            if modname is None:
                warn(
                    Subtype.DIRECTIVE,
                    __(
                        "related-files: no module given, and this page "
                        "documents none before the directive"
                    ),
                    location=self.get_location(),
                )
        if modname is None:
            return []
        docname = self.env.docname
        facts = None if modname in self.domain.plan else self.study(modname)
        self.domain.note_shown(docname, modname, facts)
        container = nodes.container("", classes=["kwindex", "kwindex-related"])
        self.set_source_info(container)
        container["ids"] = [make_id(self.env, self.state.document, "kwindex-related", modname)]
        self.state.document.note_explicit_target(container)
        container += nodes.rubric(_("Related files"), _("Related files"))
        container += placeholder(RELATED_LIST, modname, docname)
        return [container]


class RelatedFilesSection(SphinxTransform):
    """Append a "Related files" section to the page documenting each indexed module."""

    # after the directives ran, before the domains collect the page (850)
    default_priority = 800

    @timed_read
    def apply(self, **kwargs: object) -> None:
        config = settings(self.config)
        docname = self.env.docname
        if not config.related_files or docname.startswith(config.dir + "/"):
            return
        domain = self.env.domains["kwindex"]
        assert isinstance(domain, KwindexDomain)
        modules = domain.documented_modules(self.env, self.document)
        if not modules:
            return
        done = {
            node["modname"]
            for node in find_all(self.document, kwindex_placeholder)
            if node["kind"] in {RELATED, RELATED_LIST}
        }
        modules = [modname for modname in modules if modname not in done]
        if not modules:
            return
        # a container with a rubric, not a section: the toctrees above this page stay as
        # they were, and it goes at the end of the innermost last section (valid doctree)
        parent = _last_section(self.document)
        for modname in modules:
            title = (
                _("Related files") if len(modules) == 1 else _("Related files of %s") % modname
            )
            node_id = make_id(self.env, self.document, "kwindex-related", modname)
            block = nodes.container(
                "", ids=[node_id], classes=["kwindex-related", "kwindex-related-files"]
            )
            block += nodes.rubric(title, title)
            self.document.note_explicit_target(block)
            block += placeholder(RELATED_LIST, modname, docname)
            parent += block
            domain.note_shown(docname, modname, None)


def _last_section(document: nodes.document) -> nodes.Element:
    """The innermost section at the end of the page (the page itself if it has none)."""
    node: nodes.Element = document
    while node.children and isinstance(node.children[-1], nodes.section):
        node = node.children[-1]
    return node


def _origin_location(origin: str) -> tuple[str, int] | None:
    docname, _sep, line = origin.rpartition(":")
    return (docname, int(line)) if docname and line.isdigit() else None


def _public(keywords: ModuleKeywords) -> ModuleKeywords:
    def public(category: str) -> tuple[Keyword, ...]:
        return tuple(k for k in keywords.category(category) if not is_private(k, category))

    return keywords._replace(
        classes=public("classes"),
        functions=public("functions"),
        methods=public("methods"),
        attributes=public("attributes"),
        imports=public("imports"),
    )
