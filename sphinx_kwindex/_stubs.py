"""Which modules get a keyword page, and their stub source files (at ``builder-inited``).

Stubs are written only when their text changes (so an unchanged project re-reads nothing),
atomically, only under ``kwindex_dir``, and never over a file that we did not generate.
"""

from __future__ import annotations

import fnmatch
import hashlib
import os
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from docutils.utils import column_width
from sphinx.project import EXCLUDE_PATHS
from sphinx.util.console import bold  # type: ignore[attr-defined] # made at import
from sphinx.util.display import status_iterator
from sphinx.util.matching import get_matching_files

from sphinx_kwindex._config import Settings, conf_location, settings
from sphinx_kwindex._domain import KwindexDomain, PlannedModule
from sphinx_kwindex._locale import _, __
from sphinx_kwindex._warnings import Subtype, file_location, logger, warn
from sphinx_kwindex.analysis.documents import module_mentions
from sphinx_kwindex.analysis.locate import (
    is_module_name,
    iter_modules,
    locate,
    related_entries,
    top_level_names,
)
from sphinx_kwindex.analysis.tests import TestFile, find_tests, test_folders, tests_by_module

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx

    from sphinx_kwindex.analysis.model import RelatedEntry

#: Every stub carries this text near its top; files without it are never touched.
MARKER = "sphinx-kwindex generated page"

_GLOB = re.compile(r"[*?\[]")


class Request(NamedTuple):
    """A module someone asked to index."""

    modname: str
    #: ``"docname:line"`` of the ``automodule`` that asked, or ``""``.
    origin: str


class StubFormat(NamedTuple):
    suffix: str
    #: ``"rst"`` or ``"md"``.
    syntax: str


def on_builder_inited(app: Sphinx) -> None:
    """Plan this build's keyword pages and bring their stubs up to date."""
    config = settings(app.config)
    domain = app.env.domains["kwindex"]
    assert isinstance(domain, KwindexDomain)
    srcdir = Path(app.srcdir)
    folder = _stub_folder(app, srcdir, config)
    stub_format = _stub_format(app, app.config.source_suffix)
    if folder is None or stub_format is None:
        domain.set_plan({})
        return
    documents: list[str] = []
    requests = [*scan_documents(app, config, documents), *expand_patterns(app, config.modules)]
    plan: dict[str, PlannedModule] = {}
    for request in requests:
        if request.modname in plan or _excluded(request.modname, config):
            continue
        plan[request.modname] = PlannedModule(
            request.modname, config.docname(request.modname), request.origin
        )
    if "index" in plan:
        warn(
            Subtype.STUB,
            __(
                "module 'index' gets no keyword page: its name is taken by the "
                "global keyword index (exclude it with kwindex_exclude to silence this)"
            ),
            location=_origin_location(plan["index"].origin, app),
        )
        del plan["index"]
    graphs = graphs_wanted(app, config)
    tests = find_module_tests(domain, plan, config) if config.insights else {}
    listings: dict[tuple[str, str], list[RelatedEntry]] = {}
    written = 0
    planned_modules = list(plan.values())
    for planned in status_iterator(
        planned_modules,
        __("[kwindex] preparing keyword pages... "),
        "purple",
        len(planned_modules),
        app.verbosity,
        stringify_func=lambda planned: planned.modname,
    ):
        text = module_stub(
            planned,
            stub_format.syntax,
            graphs=graphs,
            listings=listings,
            tests=tests.get(planned.modname, ()),
            search=config.search,
        )
        outcome = write_stub(folder / f"{planned.modname}{stub_format.suffix}", text)
        written += outcome == "written"
        if outcome == "refused":
            del plan[planned.modname]
    keep = set(plan)
    pages = {}
    for docname in documents:
        title = _("Keyword Index: %s") % docname
        text = stub_source(
            title, "kwindex-document", docname, [], stub_format.syntax, search=config.search
        )
        path = folder / "doc" / f"{docname}{stub_format.suffix}"
        outcome = write_stub(path, text)
        written += outcome == "written"
        if outcome != "refused":
            keep.add(f"doc/{docname}")
            pages[docname] = config.document_page(docname)
    if plan or pages:
        title = _("Keyword Index")
        text = stub_source(
            title, "kwindex-global", "", [], stub_format.syntax, search=config.search
        )
        if write_stub(folder / f"index{stub_format.suffix}", text) != "refused":
            keep.add("index")
    removed = remove_stale(folder, keep, stub_format.suffix)
    domain.set_plan(plan, graphs=graphs, documents=pages, tests=tests)
    if plan or pages or removed:
        logger.info(
            bold(__("[kwindex] ")) + __("%d modules indexed (%d pages written, %d removed)"),
            len(plan),
            written,
            removed,
        )


def graphs_wanted(app: Sphinx, config: Settings) -> bool:
    """Whether import maps are drawn: ``kwindex_graphs``, and Graphviz's ``dot`` found."""
    if config.graphs is False:
        return False
    dot = shutil.which(app.config.graphviz_dot)
    if dot is None:
        message = __(
            "[kwindex] no import maps: Graphviz's %r was not found (install "
            "Graphviz, or set kwindex_graphs = False)"
        )
        if config.graphs is True:
            warn(
                Subtype.CONFIG,
                message,
                app.config.graphviz_dot,
                location=conf_location(app, "kwindex_graphs"),
            )
        else:
            logger.info(message, app.config.graphviz_dot)
        return False
    return True


def scan_documents(
    app: Sphinx, config: Settings, documents: list[str] | None = None
) -> Iterator[Request]:
    """Modules that a source document (reST or MyST) documents: ``automodule``, or
    ``module``/``py:module`` for pages that document a module's members one by one.

    The docnames that ``kwindex_documents`` selects are added to *documents*.
    """
    srcdir = Path(app.srcdir)
    suffixes = tuple(app.config.source_suffix)
    exclude = [
        *app.config.exclude_patterns,
        *app.config.templates_path,
        *app.builder.get_asset_paths(),
        *EXCLUDE_PATHS,
        f"{config.dir}/**",
    ]
    for filename in get_matching_files(srcdir, app.config.include_patterns, exclude):
        if not filename.endswith(suffixes):
            continue
        try:
            text = (srcdir / filename).read_text(
                encoding=app.config.source_encoding, errors="replace"
            )
        except OSError:
            continue  # Sphinx itself reports unreadable documents
        suffix = next(suffix for suffix in suffixes if filename.endswith(suffix))
        docname = filename[: -len(suffix)]
        if documents is not None and config.indexes_document(docname):
            documents.append(docname)
        if "module" not in text:
            continue
        for mention in module_mentions(text):
            if is_module_name(mention.modname):
                yield Request(mention.modname, f"{docname}:{mention.line}")


def expand_patterns(app: Sphinx, patterns: tuple[str, ...]) -> Iterator[Request]:
    """Module names from ``kwindex_modules``: names as given, globs against the file system."""
    for pattern in patterns:
        if not _GLOB.search(pattern):
            if is_module_name(pattern):
                yield Request(pattern, "")
            else:
                warn(
                    Subtype.CONFIG,
                    __("kwindex_modules: %r is not a module name"),
                    pattern,
                    location=conf_location(app, "kwindex_modules"),
                )
            continue
        # walk from the package(s) the pattern starts with ("pkg.sub*", "pkg*.sub")
        prefix = []
        for part in pattern.split("."):
            if _GLOB.search(part):
                break
            prefix.append(part)
        first = pattern.split(".")[0]
        if prefix:
            tops = [".".join(prefix)]
        elif _GLOB.split(first, maxsplit=1)[0]:  # "pkg*": a literal start, then a glob
            tops = top_level_names(first)
        else:
            tops = []
        locations = [found for found in map(locate, tops) if found is not None]
        if not locations:
            warn(
                Subtype.CONFIG,
                __(
                    "kwindex_modules: pattern %r must start with the name of "
                    "a package that can be found"
                ),
                pattern,
                location=conf_location(app, "kwindex_modules"),
            )
            continue
        for location in locations:
            for modname in iter_modules(location):
                if fnmatch.fnmatchcase(modname, pattern):
                    yield Request(modname, "")


def module_stub(
    planned: PlannedModule,
    syntax: str,
    *,
    graphs: bool,
    listings: dict[tuple[str, str], list[RelatedEntry]],
    tests: tuple[TestFile, ...] = (),
    search: bool = False,
) -> str:
    """The source of a module's keyword page.

    The ``inputs`` digest covers what the page shows that no dependency tracks (the module's
    file, its folder's listing, whether import maps are drawn, its test files), so a change
    there changes the stub and the page is read again.
    """
    inputs = _inputs_digest(planned.modname, graphs, listings, tests)
    options = [f":inputs: {inputs}"]
    if planned.origin and inputs == _NOT_FOUND:
        options.append(f":origin: {planned.origin}")
    title = _("Keyword Index: %s") % planned.modname
    return stub_source(title, "kwindex-page", planned.modname, options, syntax, search=search)


def find_module_tests(
    domain: KwindexDomain, plan: dict[str, PlannedModule], config: Settings
) -> dict[str, tuple[TestFile, ...]]:
    """The test files next to the indexed packages, by the module they import (files are
    read again only when they change: the domain keeps them between builds)."""
    roots = {found.root for found in map(locate, plan) if found is not None and found.root}
    cache = domain.data.setdefault("test_files", {})
    files = find_tests(test_folders(roots, config.test_paths), cache)
    return tests_by_module(files, plan)


def stub_source(
    title: str,
    directive: str,
    argument: str,
    options: list[str],
    syntax: str,
    *,
    search: bool = False,
) -> str:
    """A generated page: the marker, ``orphan`` (and ``nosearch``: like Sphinx's own
    indices, keyword pages stay out of the search index unless ``kwindex_search``), a title
    and one directive."""
    title = _escape_title(title, syntax)
    if syntax == "md":
        fence = f"```{{{directive}}} {argument}".rstrip()
        return "\n".join(
            [
                "---",
                "orphan: true",
                *([] if search else ["nosearch: true"]),
                "---",
                f"% {MARKER}: do not edit, every build rewrites it.",
                "",
                f"# {title}",
                "",
                fence,
                *options,
                "```",
                "",
            ]
        )
    return "\n".join(
        [
            f".. {MARKER}: do not edit, every build rewrites it.",
            "",
            ":orphan:",
            *([] if search else [":nosearch:"]),
            "",
            title,
            "=" * column_width(title),
            "",
            f".. {directive}:: {argument}".rstrip(),
            *(f"   {option}" for option in options),
            "",
        ]
    )


_NOT_FOUND = "missing"


def _inputs_digest(
    modname: str,
    graphs: bool,
    listings: dict[tuple[str, str], list[RelatedEntry]],
    tests: tuple[TestFile, ...] = (),
) -> str:
    location = locate(modname)
    if location is None:
        return _NOT_FOUND
    related = related_entries(location, listings)
    text = repr(
        (
            location.path,
            location.kind,
            location.folders,
            related,
            graphs and location.is_package,
            [(test.shown, test.tests) for test in tests],
        )
    )
    return hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=8).hexdigest()


def _escape_title(title: str, syntax: str) -> str:
    if syntax == "md":
        return re.sub(r"([\\`*_\[\]<>#])", r"\\\1", title)
    return re.sub(r"([\\`*_|\[\]<>])", r"\\\1", title)


def write_stub(path: Path, text: str) -> str:
    """Write *path* atomically if its text differs; ``written``, ``unchanged``, ``refused``."""
    try:
        old = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        old = None
    except (OSError, UnicodeDecodeError):
        old = ""
    if old == text:
        return "unchanged"
    if old is not None and MARKER not in old[:400]:
        warn(
            Subtype.STUB,
            __(
                "not overwriting %s: it was not generated by sphinx-kwindex "
                "(move it, or choose another kwindex_dir)"
            ),
            path,
            location=file_location(path),
        )
        return "refused"
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError as err:
        warn(
            Subtype.STUB,
            __("cannot write %s: %s"),
            path,
            err.strerror,
            location=file_location(path),
        )
        temporary.unlink(missing_ok=True)
        return "refused"
    return "written"


def remove_stale(folder: Path, keep: set[str], suffix: str) -> int:
    """Delete the generated stubs not named in *keep* (paths below *folder*, without suffix);
    never touch any other file."""
    removed = 0
    try:
        candidates = [path for path in folder.rglob("*") if path.suffix in {".rst", ".md"}]
    except OSError:
        return 0
    for path in candidates:
        stem = path.relative_to(folder).as_posix()[: -len(path.suffix)]
        if stem in keep and path.suffix == suffix:
            continue
        try:
            head = path.read_text(encoding="utf-8", errors="replace")[:400]
        except OSError:
            continue
        if MARKER in head:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def _stub_folder(app: Sphinx, srcdir: Path, config: Settings) -> Path | None:
    folder = srcdir / config.dir
    try:
        inside = folder.resolve().is_relative_to(srcdir.resolve())
    except OSError:
        inside = False
    if not inside or folder.resolve() == srcdir.resolve():
        warn(
            Subtype.CONFIG,
            __(
                "kwindex_dir %r resolves outside the source folder; no keyword "
                "pages are generated"
            ),
            config.dir,
            location=conf_location(app, "kwindex_dir"),
        )
        return None
    return folder


def _stub_format(app: Sphinx, source_suffix: dict[str, str]) -> StubFormat | None:
    for wanted in ("restructuredtext", "markdown"):
        suffixes = [suffix for suffix, kind in source_suffix.items() if kind == wanted]
        if suffixes:
            preferred = ".rst" if wanted == "restructuredtext" else ".md"
            suffix = preferred if preferred in suffixes else suffixes[0]
            return StubFormat(suffix, "rst" if wanted == "restructuredtext" else "md")
    warn(
        Subtype.CONFIG,
        __(
            "no reStructuredText or Markdown suffix in source_suffix; keyword "
            "pages cannot be generated"
        ),
        location=conf_location(app, "source_suffix"),
    )
    return None


def _origin_location(origin: str, app: Sphinx) -> str | tuple[str, int] | None:
    docname, _sep, line = origin.rpartition(":")
    if docname and line.isdigit():
        return (docname, int(line))
    return conf_location(app, "kwindex_modules")


def _excluded(modname: str, config: Settings) -> bool:
    return any(fnmatch.fnmatchcase(modname, pattern) for pattern in config.exclude)
