"""The ``kwindex_*`` settings: registered with types, validated once, read as one snapshot."""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from sphinx_kwindex._locale import __
from sphinx_kwindex._warnings import Subtype, file_location, warn
from sphinx_kwindex.analysis.model import CATEGORIES

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.config import Config


@dataclass(frozen=True, kw_only=True, slots=True)
class Settings:
    """A validated snapshot of the configuration."""

    #: Folder, relative to the source folder, where the generated page sources are written
    #: (the extension owns it: add it to ``.gitignore``); it must stay inside the source
    #: folder.
    dir: str
    #: Module names or glob patterns (``"pkg.*"``; ``*`` also crosses dots) to index even if
    #: no page documents them; a pattern must start with a package name that can be found.
    modules: tuple[str, ...]
    #: Glob patterns of module names never to index.
    exclude: tuple[str, ...]
    #: Which keyword categories to show and export, in this order.
    categories: tuple[str, ...]
    #: Whether ``_private`` names are keywords (a ``_name`` anywhere in a definition's dotted
    #: name, or the name an import binds; ``__dunder__`` names are not private).
    private: bool
    #: Whether each indexed module's documentation page gets a "Related files" section.
    related_files: bool
    #: Whether ``kwindex.json`` is written to the output folder.
    json: bool
    #: Import maps on package pages: ``None`` draws them when Graphviz's ``dot`` is found and
    #: says so once when it is not; ``True`` warns when it is not; ``False`` never draws them.
    graphs: bool | None
    #: Above this many names, HTML builders give each letter of the global index its own
    #: page; ``0`` never splits.
    index_split: int
    #: Whether ``kwindex.json`` reports the extension's own time per step (``"stats"``).
    stats: bool
    #: Glob patterns of docnames whose pages get a keyword page of their own
    #: (``kwindex/doc/<docname>``).
    documents: tuple[str, ...]
    #: Words never to count as identifiers of a document.
    stopwords: frozenset[str]
    #: Words always to count as identifiers where a document uses them.
    terms: frozenset[str]
    #: Whether keyword pages show the overview, code patterns, security-sensitive calls and
    #: tests of a module.
    insights: bool
    #: Folders where tests are looked for, relative to the folder that holds the top-level
    #: package (``"../tests"`` for a ``src/`` layout).
    test_paths: tuple[str, ...]
    #: Sources larger than this many bytes are not analysed (a ``kwindex.read`` warning says
    #: so); ``0``: no limit.
    max_source_size: int
    #: Whether the generated pages go into the HTML search index (by default they are marked
    #: ``nosearch``, as Sphinx keeps its own indices out of it).
    search: bool

    def document_page(self, docname: str) -> str:
        """The docname of a prose document's keyword page."""
        return f"{self.dir}/doc/{docname}"

    def indexes_document(self, docname: str) -> bool:
        return not docname.startswith(self.dir + "/") and any(
            fnmatch.fnmatchcase(docname, pattern) for pattern in self.documents
        )

    def docname(self, modname: str) -> str:
        """The docname of *modname*'s keyword page."""
        return f"{self.dir}/{modname}"


DEFAULTS: dict[str, Any] = {
    "kwindex_dir": "kwindex",
    "kwindex_modules": [],
    "kwindex_exclude": [],
    "kwindex_categories": list(CATEGORIES),
    "kwindex_private": True,
    "kwindex_related_files": True,
    "kwindex_json": True,
    "kwindex_graphs": None,
    "kwindex_index_split": 2000,
    "kwindex_stats": False,
    "kwindex_documents": [],
    "kwindex_stopwords": [],
    "kwindex_terms": [],
    "kwindex_insights": True,
    "kwindex_test_paths": ["tests", "test"],
    "kwindex_max_source_size": 5_000_000,
    "kwindex_search": False,
}


def register(app: Sphinx) -> None:
    """Declare every setting, and validate them when the configuration is read."""
    for name, default in DEFAULTS.items():
        app.add_config_value(name, default, "env", types=types_of(name))
    # before Sphinx's own type check (priority 800), so that only our warning shows
    app.connect("config-inited", validate, priority=400)


def types_of(name: str) -> frozenset[type]:
    """The types Sphinx accepts for setting *name* (a list may also be given as a tuple)."""
    default = DEFAULTS[name]
    types = _TYPES.get(name) or {type(default)} | (
        {tuple} if isinstance(default, list) else set()
    )
    return frozenset(types)


def settings(config: Config) -> Settings:
    """The snapshot of the (already validated) settings."""
    return Settings(
        dir=config.kwindex_dir,
        modules=tuple(config.kwindex_modules),
        exclude=tuple(config.kwindex_exclude),
        categories=tuple(config.kwindex_categories),
        private=config.kwindex_private,
        related_files=config.kwindex_related_files,
        json=config.kwindex_json,
        graphs=config.kwindex_graphs,
        index_split=config.kwindex_index_split,
        stats=config.kwindex_stats,
        documents=tuple(config.kwindex_documents),
        stopwords=frozenset(config.kwindex_stopwords),
        terms=frozenset(config.kwindex_terms),
        insights=config.kwindex_insights,
        test_paths=tuple(config.kwindex_test_paths),
        max_source_size=config.kwindex_max_source_size,
        search=config.kwindex_search,
    )


def validate(app: Sphinx, config: Config) -> None:
    """Replace each bad value by its default, with one warning that says what was wrong."""
    for name, check in _CHECKS.items():
        value = config[name]
        try:
            config[name] = check(value)
        except ValueError as err:
            warn(
                Subtype.CONFIG,
                __("%s: %s; using the default %r"),
                name,
                err,
                DEFAULTS[name],
                location=conf_location(app, name),
            )
            config[name] = DEFAULTS[name]


def conf_location(app: Sphinx, name: str) -> str | None:
    """The line of ``conf.py`` that sets *name*; ``None`` when it is set elsewhere (``-D``)."""
    if not app.confdir or name in getattr(app.config, "_overrides", {}):
        return None
    path = Path(app.confdir, "conf.py")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    pattern = rf"^{re.escape(name)}\s*(?::[^=\n]*)?[+]?="
    found = list(re.finditer(pattern, text, re.MULTILINE))
    if not found:
        return None
    # the last assignment is the one in force
    return file_location(path, text.count("\n", 0, found[-1].start()) + 1)


def _check_dir(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(__("expected a folder name (str), got %s") % type(value).__name__)
    text = value.strip().replace("\\", "/").strip("/")
    path = PurePosixPath(text)
    if not text or value.startswith(("/", "\\")) or (len(text) > 1 and text[1] == ":"):
        raise ValueError(
            __("expected a relative folder inside the source folder, got %r") % value
        )
    if any(part in {"..", "."} for part in path.parts) or text in {".", ""}:
        raise ValueError(__("the folder must be inside the source folder, got %r") % value)
    return path.as_posix()


def _check_list(what: str) -> Callable[[Any], list[str]]:
    """A check for a list of non-empty strings (*what* says what they are, for messages)."""

    def check(value: Any) -> list[str]:
        if isinstance(value, str) or not isinstance(value, list | tuple):
            raise ValueError(__("expected a list of %s, got %r") % (what, value))
        items = []
        for item in value:
            if not isinstance(item, str) or not item.strip():
                raise ValueError(__("expected a list of non-empty strings, got %r") % (item,))
            items.append(item.strip())
        return items

    return check


def _check_categories(value: Any) -> list[str]:
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise ValueError(__("expected a list of categories, got %r") % (value,))
    unknown = [item for item in value if item not in CATEGORIES]
    if unknown:
        raise ValueError(
            __("unknown categories %s (known: %s)")
            % (", ".join(map(repr, unknown)), ", ".join(CATEGORIES))
        )
    return list(dict.fromkeys(value))


def _check_optional_bool(value: Any) -> bool | None:
    if value is not None and not isinstance(value, bool):
        raise ValueError(__("expected True, False or None, got %r") % (value,))
    return value


def _check_count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(__("expected a whole number, 0 or more, got %r") % (value,))
    return value


def _check_bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(__("expected True or False, got %r") % (value,))
    return value


_CHECKS: dict[str, Callable[[Any], Any]] = {
    "kwindex_dir": _check_dir,
    "kwindex_modules": _check_list(__("module names or patterns")),
    "kwindex_exclude": _check_list(__("module names or patterns")),
    "kwindex_categories": _check_categories,
    "kwindex_private": _check_bool,
    "kwindex_related_files": _check_bool,
    "kwindex_json": _check_bool,
    "kwindex_graphs": _check_optional_bool,
    "kwindex_index_split": _check_count,
    "kwindex_stats": _check_bool,
    "kwindex_documents": _check_list(__("docname patterns")),
    "kwindex_stopwords": _check_list(__("words")),
    "kwindex_terms": _check_list(__("words")),
    "kwindex_insights": _check_bool,
    "kwindex_test_paths": _check_list(__("folders")),
    "kwindex_max_source_size": _check_count,
    "kwindex_search": _check_bool,
}

_TYPES: dict[str, set[type]] = {"kwindex_graphs": {bool, type(None)}}
