"""The whole project at once: who defines and who imports each name, and the import graph."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, NamedTuple

from sphinx_kwindex.analysis.imports import Dependency, dependencies, reverse

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Mapping

    from sphinx_kwindex.analysis.model import DocumentFacts, Keyword, Mention, ModuleKeywords

Role = Literal["defines", "imports", "mentions"]


class NameUse(NamedTuple):
    """One module's use of a name: it defines it, or imports it."""

    modname: str
    category: str
    role: Role
    #: The keyword as the module's page shows it (``Square as Sq``).
    shown: str
    #: Absolute dotted name ("" when unknown).
    fullname: str
    line: int


class ProjectIndex(NamedTuple):
    """Everything the global index, the import sections and the import maps are made of."""

    #: module -> the modules it imports (or imports names from)
    dependencies: dict[str, tuple[Dependency, ...]]
    #: module -> the indexed modules that import it (or a name from it)
    imported_by: dict[str, tuple[str, ...]]
    #: name -> its uses, definitions first, then by module (documents mention names)
    names: dict[str, tuple[NameUse, ...]]
    #: document -> the identifiers it talks about (its sure ones, and the others the
    #: project knows), in the order they first appear
    documents: dict[str, tuple[Mention, ...]] = {}  # noqa: RUF012 - a NamedTuple default


def index_key(keyword: Keyword, category: str) -> str:
    """The entry a keyword belongs to in the global index.

    A definition is listed under its qualified name (``Circle.area``); an imported name under
    the name it has where it is defined (``Square`` for ``Square as Sq``), so that a name and
    its re-exports share one entry; an imported module under its dotted name.
    """
    if category != "imports":
        return keyword.qualname
    if keyword.fullname and keyword.fullname != keyword.source:
        return keyword.fullname.rpartition(".")[2]
    return keyword.name.partition(" as ")[0]


def build_index(
    modules: Mapping[str, ModuleKeywords],
    categories: Iterable[str],
    documents: Mapping[str, DocumentFacts] | None = None,
    known: Collection[str] = (),
) -> ProjectIndex:
    """The project index of *modules* (module name -> keywords), for *categories* only.

    *documents* are prose documents: their identifiers that the project knows (a name of the
    index, or one of *known*, such as the documented objects) join the index as mentions.
    """
    indexed = set(modules)
    project = {modname.partition(".")[0] for modname in indexed}
    graph = {
        modname: dependencies(keywords, modname, indexed, project)
        for modname, keywords in modules.items()
    }
    inside = {
        modname: [dep.modname for dep in deps if dep.modname in indexed]
        for modname, deps in graph.items()
    }
    # each module is a name of the project too: it defines itself
    uses: dict[str, list[NameUse]] = {
        modname: [NameUse(modname, "module", "defines", modname, modname, 0)]
        for modname in modules
    }
    wanted = tuple(categories)
    for modname, keywords in modules.items():
        for category in wanted:
            role: Role = "imports" if category == "imports" else "defines"
            for keyword in keywords.category(category):
                use = NameUse(
                    modname, category, role, keyword.name, keyword.fullname, keyword.line
                )
                uses.setdefault(index_key(keyword, category), []).append(use)
    named = set(uses) | set(known)
    mentioned: dict[str, tuple[Mention, ...]] = {}
    for docname, facts in sorted((documents or {}).items()):
        kept = tuple(m for m in facts.mentions if m.sure or m.name in named)
        mentioned[docname] = kept
        for mention in kept:
            if mention.name in uses:  # an index entry: "mentioned in" this document
                use = NameUse(docname, "document", "mentions", mention.name, "", 0)
                uses[mention.name].append(use)
    names = {
        key: tuple(sorted(found, key=_use_order))
        for key, found in sorted(uses.items(), key=lambda item: sort_key(item[0]))
    }
    return ProjectIndex(
        dependencies=dict(sorted(graph.items())),
        imported_by=reverse(inside),
        names=names,
        documents=mentioned,
    )


def sort_key(name: str) -> tuple[str, str]:
    return name.casefold(), name


def letter_of(name: str) -> str:
    """The letter a name is filed under: its first letter, upper case; ``_`` for private
    names; ``#`` for anything else."""
    first = name[:1]
    if first == "_":
        return "_"
    if first.isalpha():
        return first.upper()
    return "#"


def letter_order(letter: str) -> tuple[int, str]:
    return ({"_": 1, "#": 2}.get(letter, 0), letter)


def _use_order(use: NameUse) -> tuple[int, bool, str, str]:
    role = {"defines": 0, "imports": 1}.get(use.role, 2)
    return (role, use.category != "module", use.modname, use.category)
