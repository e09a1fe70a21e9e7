"""The records that static analysis produces: plain, picklable, Sphinx-free."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from sphinx_kwindex.analysis.insights import Insights

#: Keyword categories, in their default order.
CATEGORIES: tuple[str, ...] = ("classes", "functions", "methods", "attributes", "imports")

ModuleKind = Literal["module", "package", "namespace", "extension", "builtin"]


class Keyword(NamedTuple):
    """One name a module defines or imports."""

    #: What the page shows: ``Outer.Inner``, ``a.b``, ``_pytree as pytree``.
    name: str
    #: The name as reachable from the module's namespace (``Outer.Inner``,
    #: the alias of an import), or the imported module's name for a ``from`` import.
    qualname: str
    #: Absolute dotted name used to resolve a link (``pkg.mod.Outer.Inner``,
    #: ``torch.utils._pytree``), or ``""`` when it cannot be resolved.
    fullname: str
    #: 1-based line of the statement that defines or first imports it.
    line: int
    #: For an import, the module its statement names (``a.b`` for ``import a.b`` and for
    #: ``from a.b import c``; as written when a relative import cannot be resolved).
    source: str = ""


class ModuleKeywords(NamedTuple):
    """Every keyword of one module, by category, each sorted and without duplicates."""

    classes: tuple[Keyword, ...]
    functions: tuple[Keyword, ...]
    methods: tuple[Keyword, ...]
    attributes: tuple[Keyword, ...]
    imports: tuple[Keyword, ...]
    #: First line of the module docstring ("" when there is none).
    summary: str

    def category(self, name: str) -> tuple[Keyword, ...]:
        """The keywords of category *name* (one of :data:`CATEGORIES`)."""
        result: tuple[Keyword, ...] = getattr(self, name)
        return result


def N_(message: str) -> str:
    """Mark *message* for the message catalog without translating it (``analysis`` knows
    nothing of Sphinx): the text is translated where a page shows it."""
    return message


class SourceProblem(NamedTuple):
    """Why a module's source could not be used."""

    #: One of the :class:`~sphinx_kwindex._warnings.Subtype` values: locate, read, parse.
    kind: str
    #: In English (``kwindex.json``).
    message: str
    #: Line of the problem in the source file, 0 when unknown.
    line: int = 0
    #: The message with ``%s`` for each of *args*, marked with :func:`N_` (pages and
    #: warnings translate it); empty when the message comes from Python itself.
    template: str = ""
    args: tuple[str, ...] = ()

    @classmethod
    def of(cls, kind: str, template: str, *args: str, line: int = 0) -> SourceProblem:
        """A problem told by a marked *template* and its *args*."""
        return cls(kind, template % args if args else template, line, template, args)


class ModuleLocation(NamedTuple):
    """Where a module's source lives, found without importing it."""

    modname: str
    kind: ModuleKind
    #: Absolute path of the source file ("" for a namespace package).
    path: str
    #: The folder(s) that hold the module's file; a namespace package may have several.
    folders: tuple[str, ...]
    #: The folder that holds the top-level package.
    root: str

    @property
    def is_package(self) -> bool:
        return self.kind in {"package", "namespace"}


class RelatedEntry(NamedTuple):
    """A module or subpackage that shares a folder with another module."""

    modname: str
    #: ``b.py``, ``sub/``, ``__init__.py``, ``fast.cpython-311-x86_64-linux-gnu.so``.
    filename: str
    kind: ModuleKind


class SourceInfo(NamedTuple):
    """What the file information section shows about a module's source file."""

    #: Path relative to the folder holding the top-level package, with ``/``.
    relpath: str
    size: int
    lines: int
    extension: str


class ModuleFacts(NamedTuple):
    """Everything static analysis learnt about one module."""

    modname: str
    #: ``None`` when the module was not found.
    location: ModuleLocation | None
    #: ``None`` when the source could not be read.
    info: SourceInfo | None
    #: ``None`` when the source could not be read or parsed (or there is none).
    keywords: ModuleKeywords | None
    problem: SourceProblem | None
    related: tuple[RelatedEntry, ...]
    #: Overview, code patterns and sensitive calls (``None`` without a parsed source).
    insights: Insights | None = None


class Mention(NamedTuple):
    """An identifier a prose document talks about, where it first does."""

    name: str
    #: Title and id of the section it first appears in.
    section: str
    anchor: str
    #: ``False`` for a word that counts only if the project knows the name (``load_data``).
    sure: bool = True


class DocumentFacts(NamedTuple):
    """What a prose document talks about."""

    docname: str
    #: The identifiers, each once, in the order they first appear.
    mentions: tuple[Mention, ...]
