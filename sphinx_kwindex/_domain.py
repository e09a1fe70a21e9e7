"""Build state: which modules are indexed, what analysis found, where autodoc put each entry.

Everything lives in the domain's ``data`` so that Sphinx pickles it with the environment,
clears it per document and merges it from parallel readers (``-j``).
"""

from __future__ import annotations

import hashlib
import time
from itertools import chain
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, TypeVar

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain
from sphinx.util.nodes import make_refnode

from sphinx_kwindex._config import settings
from sphinx_kwindex._nodes import DOC_IDENTIFIERS, find_all, kwindex_placeholder
from sphinx_kwindex.analysis.project import ProjectIndex

if TYPE_CHECKING:
    from collections.abc import Callable, Set

    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from sphinx_kwindex.analysis.model import DocumentFacts, ModuleFacts
    from sphinx_kwindex.analysis.tests import TestFile


T = TypeVar("T")


class PlannedModule(NamedTuple):
    """A module that gets a keyword page in this build."""

    modname: str
    #: Docname of its keyword page.
    docname: str
    #: ``"docname:line"`` of its first ``automodule``, or ``""`` (``kwindex_modules``).
    origin: str


class SectionEntry(NamedTuple):
    """Where autodoc put the entry of one object: its page and enclosing section."""

    #: Name of the object inside its module (``Class.method``).
    qualname: str
    docname: str
    #: Title of the nearest enclosing section ("" when the entry sits in no section).
    title: str
    #: Id of that section, for a link.
    anchor: str


class DocLocation(NamedTuple):
    """Where a module (or object) is documented."""

    docname: str
    anchor: str


class KwindexDomain(Domain):
    """Holds the keyword index's build state; it declares no directives or roles itself."""

    name = "kwindex"
    label = "Keyword index"
    data_version = 4
    initial_data: ClassVar[dict[str, Any]] = {
        # modname -> PlannedModule; set at builder-inited, before reading
        "plan": {},
        # docname -> {modname -> ModuleFacts or None}: the modules whose facts a page shows
        # (a keyword page holds its module's facts; None means "use the keyword page's")
        "shown": {},
        # modname -> {docname -> tuple[SectionEntry, ...]}; set when any page is read
        "sections": {},
        # docname -> modnames that have section entries from it (to clear them)
        "doc_modules": {},
        # docname -> ((kind, modname), ...): the placeholders on a page, in order
        "placeholders": {},
        # docname -> DocumentFacts: the identifiers of indexed prose documents
        "documents": {},
    }

    # -- typed views of the data ------------------------------------------------------
    @property
    def plan(self) -> dict[str, PlannedModule]:
        result: dict[str, PlannedModule] = self.data["plan"]
        return result

    @property
    def shown(self) -> dict[str, dict[str, ModuleFacts | None]]:
        result: dict[str, dict[str, ModuleFacts | None]] = self.data["shown"]
        return result

    @property
    def documents(self) -> dict[str, DocumentFacts]:
        """docname -> what the prose document talks about (when it is indexed)."""
        result: dict[str, DocumentFacts] = self.data["documents"]
        return result

    @property
    def placeholders(self) -> dict[str, tuple[tuple[str, str], ...]]:
        result: dict[str, tuple[tuple[str, str], ...]] = self.data["placeholders"]
        return result

    # -- recording (read phase) -----------------------------------------------------
    def set_plan(
        self,
        plan: dict[str, PlannedModule],
        *,
        graphs: bool = False,
        documents: dict[str, str] | None = None,
        tests: dict[str, tuple[TestFile, ...]] | None = None,
    ) -> None:
        """This build's keyword pages (modules, and prose documents), and whether import maps
        are drawn."""
        self.data["plan"] = plan
        self.data["graphs"] = graphs
        self.data["document_plan"] = documents or {}
        self.data["tests"] = tests or {}

    def tests(self, modname: str) -> tuple[TestFile, ...]:
        """The test files that import *modname* (found when the build was planned)."""
        found: tuple[TestFile, ...] = self.data.get("tests", {}).get(modname, ())
        return found

    def document_page(self, env: BuildEnvironment, docname: str) -> str | None:
        """Docname of a prose document's keyword page, if this build has it."""
        page: str | None = self.data.get("document_plan", {}).get(docname)
        return page if page is not None and page in env.all_docs else None

    @property
    def graphs(self) -> bool:
        return bool(self.data.get("graphs"))

    @property
    def project(self) -> ProjectIndex:
        """The project-wide index, made once per build after reading (``env-updated``)."""
        found: ProjectIndex | None = self.data.get("project")
        return found if found is not None else ProjectIndex({}, {}, {})

    def set_project(self, index: ProjectIndex) -> None:
        self.data["project"] = index

    def derived(self, name: str, compute: Callable[[], T]) -> T:
        """A value computed from this build's project index, once per process (kept on the
        domain object, which is not pickled, and dropped when the index is replaced)."""
        project = self.data.get("project")
        owner, values = self.__dict__.get("_derived", (None, {}))
        if owner is not project:
            values = {}
            self.__dict__["_derived"] = (project, values)
        if name not in values:
            values[name] = compute()
        result: T = values[name]
        return result

    def in_toctrees(self, env: BuildEnvironment) -> frozenset[str]:
        """Every docname that some toctree includes (once per build)."""
        return self.derived(
            "docs in toctrees",
            lambda: frozenset(chain.from_iterable(env.toctree_includes.values())),
        )

    def note_shown(self, docname: str, modname: str, facts: ModuleFacts | None) -> None:
        """Page *docname* shows *modname*'s facts (``None``: take its keyword page's)."""
        per_module = self.shown.setdefault(docname, {})
        if facts is not None or modname not in per_module:
            per_module[modname] = facts

    def process_doc(
        self, env: BuildEnvironment, docname: str, document: nodes.document
    ) -> None:
        """Record the section of every Python object entry, and our placeholders."""
        begin = time.perf_counter()
        try:
            self._process_doc(env, docname, document)
        finally:
            self.add_read_seconds(docname, time.perf_counter() - begin)

    def add_read_seconds(self, docname: str, elapsed: float) -> None:
        """Count *elapsed* seconds as the extension's own time reading *docname* (kept in
        the data, which parallel readers send back; see :mod:`sphinx_kwindex._stats`)."""
        read = self.data.setdefault("read_seconds", {})
        read[docname] = read.get(docname, 0.0) + elapsed

    def _process_doc(
        self, env: BuildEnvironment, docname: str, document: nodes.document
    ) -> None:
        found: dict[str, list[SectionEntry]] = {}
        placeholders: list[tuple[str, str]] = []
        toctrees: list[list[str]] = []
        # section -> (title, anchor), for the many entries that share a section
        enclosing: dict[int, tuple[str, str]] = {}
        for node in find_all(document, _WANTED):
            if isinstance(node, kwindex_placeholder):
                placeholders.append((node["kind"], node["modname"]))
                continue
            if isinstance(node, addnodes.toctree):
                toctrees.append(node.get("includefiles", []))
                continue
            if not isinstance(node, addnodes.desc) or node.get("domain") != "py":
                continue
            for signature in node.children:
                if not isinstance(signature, addnodes.desc_signature) or not signature["ids"]:
                    continue
                module, qualname = signature.get("module") or "", signature.get("fullname")
                if not module or not qualname:
                    continue
                title, anchor = _enclosing_section(signature, document, enclosing)
                found.setdefault(module, []).append(
                    SectionEntry(qualname, docname, title, anchor)
                )
        sections: dict[str, dict[str, tuple[SectionEntry, ...]]] = self.data["sections"]
        for module, entries in found.items():
            sections.setdefault(module, {})[docname] = tuple(entries)
        if found:
            self.data["doc_modules"][docname] = tuple(found)
        if placeholders:
            self.placeholders[docname] = tuple(placeholders)
        config = settings(env.config)
        if config.indexes_document(docname) or (DOC_IDENTIFIERS, docname) in placeholders:
            from sphinx_kwindex._prose import collect  # (it imports this module)

            # the indexed modules' names count as words too ("tidepool", "kwpkg.util")
            terms = config.terms | set(self.plan)
            self.documents[docname] = collect(
                document, docname, terms=terms, stopwords=config.stopwords
            )
        self.data.setdefault("contents", {})[docname] = self._contents(
            docname, document, found, toctrees
        )

    def _contents(
        self,
        docname: str,
        document: nodes.document,
        sections: dict[str, list[SectionEntry]],
        toctrees: list[list[str]],
    ) -> str:
        """A digest of what page *docname* gives other pages and the export: its title,
        anchors (Python objects are named by theirs), toctrees, placeholders, section
        entries, and the facts it holds (see :mod:`sphinx_kwindex._updates`)."""
        title = document.next_node(nodes.title)
        shown = self.shown.get(docname, {})
        tests = self.data.get("tests", {})
        parts = (
            title.astext() if title is not None else "",
            sorted(document.ids),
            toctrees,
            self.placeholders.get(docname),
            sorted(sections.items()),
            sorted(shown.items(), key=lambda item: item[0]),
            [tests.get(modname) for modname in sorted(shown)],
            self.documents.get(docname),
        )
        return hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()

    def clear_doc(self, docname: str) -> None:
        contents = self.data.setdefault("contents", {})
        if docname in contents:  # kept until the build's reading is over (_updates)
            self.data.setdefault("replaced", {}).setdefault(docname, contents.pop(docname))
        self.shown.pop(docname, None)
        self.documents.pop(docname, None)
        self.placeholders.pop(docname, None)
        sections = self.data["sections"]
        for module in self.data["doc_modules"].pop(docname, ()):
            per_doc = sections.get(module, {})
            per_doc.pop(docname, None)
            if not per_doc:
                sections.pop(module, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["shown"]:
                self.shown[docname] = otherdata["shown"][docname]
            if docname in otherdata["placeholders"]:
                self.placeholders[docname] = otherdata["placeholders"][docname]
            if docname in otherdata["documents"]:
                self.documents[docname] = otherdata["documents"][docname]
            if docname in otherdata.get("contents", {}):
                self.data.setdefault("contents", {})[docname] = otherdata["contents"][docname]
            seconds = otherdata.get("read_seconds", {}).get(docname)
            if seconds is not None:  # the reader's own time (see _stats)
                self.data.setdefault("read_seconds", {})[docname] = seconds
            modules = otherdata["doc_modules"].get(docname)
            if modules:
                self.data["doc_modules"][docname] = modules
                for module in modules:
                    entries = otherdata["sections"][module][docname]
                    self.data["sections"].setdefault(module, {})[docname] = entries

    # -- queries (write phase) ------------------------------------------------------
    def facts(self, modname: str, docname: str = "") -> ModuleFacts | None:
        """What analysis found for *modname*: its keyword page's record when it has one,
        else what page *docname* recorded when it was read."""
        planned = self.plan.get(modname)
        if planned is not None:
            found = self.shown.get(planned.docname, {}).get(modname)
            if found is not None:
                return found
        return self.shown.get(docname, {}).get(modname)

    def page_of(self, modname: str) -> str | None:
        """Docname of *modname*'s keyword page, if it has one."""
        planned = self.plan.get(modname)
        return planned.docname if planned else None

    def section_map(self, modname: str, prefer: str | None = None) -> dict[str, SectionEntry]:
        """qualname -> section of its entry; entries on page *prefer* win over others."""
        per_doc: dict[str, tuple[SectionEntry, ...]] = self.data["sections"].get(modname, {})
        order = sorted(per_doc, key=lambda docname: (docname != prefer, docname))
        result: dict[str, SectionEntry] = {}
        for docname in order:
            for entry in per_doc[docname]:
                result.setdefault(entry.qualname, entry)
        return result

    def documentation(self, env: BuildEnvironment, modname: str) -> DocLocation | None:
        """Where *modname* is documented: its ``py:module`` entry; failing that (a page that
        documents members under ``currentmodule``), the page with most of its entries."""
        found = module_location(env, modname)
        if found is not None:
            return found
        per_doc: dict[str, tuple[SectionEntry, ...]] = self.data["sections"].get(modname, {})
        if not per_doc:
            return None
        docname = max(sorted(per_doc), key=lambda name: len(per_doc[name]))
        first = per_doc[docname][0]
        return DocLocation(docname, first.anchor)

    def documented_modules(self, env: BuildEnvironment, document: nodes.document) -> list[str]:
        """Indexed modules whose ``py:module`` entry is on *document* (being read)."""
        modules = env.domains["py"].data["modules"]
        found = []
        # py:module's target id (module-x) may have moved to the next node; document.ids
        # knows it wherever it went
        for node_id in document.ids:
            if not node_id.startswith("module-"):
                continue
            modname = node_id.removeprefix("module-")
            entry = modules.get(modname)
            if entry is not None and entry.node_id == node_id and modname in self.plan:
                found.append(modname)
        return found

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: addnodes.pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        """``:kw:`name``` -> the name's entry in the global index (or its letter's page)."""
        if typ != "kw" or target not in self.project.names:
            return None
        from sphinx_kwindex.parts.project import entry_location

        location = entry_location(env, builder, self, target)
        if location is None:
            return None
        # a builder without the index page (LaTeX's howto documents have no appendices)
        # raises NoUri, and Sphinx then keeps the text, quietly
        reference = make_refnode(
            builder, fromdocname, location.docname, location.anchor, contnode, target
        )
        if "refuri" in reference:
            from sphinx_kwindex._assembled import single_page_uri

            reference["refuri"] = single_page_uri(env, builder.name, reference["refuri"])
        return reference

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: addnodes.pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        return []  # keywords are reached through the Python domain, not through us


def module_location(env: BuildEnvironment, modname: str) -> DocLocation | None:
    """The page and anchor of *modname*'s ``py:module`` entry."""
    entry = env.domains["py"].data["modules"].get(modname)
    return DocLocation(entry.docname, entry.node_id) if entry else None


def object_location(env: BuildEnvironment, fullname: str) -> DocLocation | None:
    """The page and anchor of a documented Python object."""
    entry = env.domains["py"].data["objects"].get(fullname)
    return DocLocation(entry.docname, entry.node_id) if entry else None


#: What the domain records of a page it reads.
_WANTED = (addnodes.desc, addnodes.toctree, kwindex_placeholder)


def _enclosing_section(
    node: nodes.Element, document: nodes.document, known: dict[int, tuple[str, str]]
) -> tuple[str, str]:
    """Title and anchor of the section around *node*; *known* keeps those already found."""
    parent = node.parent
    while parent is not None and not isinstance(parent, nodes.section):
        parent = parent.parent
    if parent is None:
        return "", ""
    found = known.get(id(parent))
    if found is None:
        found = known[id(parent)] = section_title_and_anchor(parent, document)
    return found


def section_title_and_anchor(
    section: nodes.section, document: nodes.document
) -> tuple[str, str]:
    """A section's title, and the id to link it by."""
    title = section.next_node(nodes.title)
    text = title.astext() if title is not None else ""
    # a module target's id (module-x) is moved onto its section: prefer the title's own id
    for name in section["names"]:
        anchor = document.nameids.get(name)
        if anchor:
            return text, anchor
    return text, section["ids"][0] if section["ids"] else ""
