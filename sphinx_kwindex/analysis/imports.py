"""The import graph: what a module depends on and what depends on it, from keywords alone."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Mapping

    from sphinx_kwindex.analysis.model import ModuleKeywords

Group = Literal["stdlib", "third-party", "project", "unresolved"]

#: Display order of dependency groups.
GROUPS: tuple[Group, ...] = ("project", "third-party", "stdlib", "unresolved")


class Dependency(NamedTuple):
    """A module that a module imports (or imports a name from)."""

    modname: str
    group: Group
    #: Line of the first statement that imports it.
    line: int


def dependencies(
    keywords: ModuleKeywords, modname: str, known: Collection[str], project: Collection[str]
) -> tuple[Dependency, ...]:
    """The modules *modname* depends on, sorted, without itself.

    Each import statement names a module; an imported name counts as a module of its own
    when it is one of the *known* modules (``from pkg import sub``). *project* holds the
    top-level names of this project's modules.
    """
    found: dict[str, int] = {}

    def note(candidate: str, line: int) -> None:
        if candidate and candidate != modname and line < found.get(candidate, line + 1):
            found[candidate] = line

    for keyword in keywords.imports:
        note(keyword.source, keyword.line)
        if keyword.fullname != keyword.source and keyword.fullname in known:
            note(keyword.fullname, keyword.line)  # ``from pkg import submodule``
    return tuple(
        Dependency(name, group_of(name, project), line)
        for name, line in sorted(found.items(), key=lambda item: (item[0].casefold(), item[0]))
    )


def group_of(modname: str, project: Collection[str]) -> Group:
    """Where *modname* comes from: this project, the standard library, or elsewhere."""
    if modname.startswith("."):
        return "unresolved"
    top = modname.partition(".")[0]
    if top in project:
        return "project"
    if top in sys.stdlib_module_names:
        return "stdlib"
    return "third-party"


def reverse(graph: Mapping[str, Iterable[str]]) -> dict[str, tuple[str, ...]]:
    """module -> the modules that depend on it, sorted."""
    result: dict[str, list[str]] = {}
    for source, targets in graph.items():
        for target in targets:
            result.setdefault(target, []).append(source)
    return {target: tuple(sorted(set(sources))) for target, sources in result.items()}
