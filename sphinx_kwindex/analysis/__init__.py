"""Static analysis of Python sources: plain functions and records, no Sphinx imports.

Everything here works from the files alone; the user's code is never imported or run.
"""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING

from sphinx_kwindex.analysis.insights import module_insights
from sphinx_kwindex.analysis.locate import locate, related_entries, source_info
from sphinx_kwindex.analysis.model import N_, ModuleFacts, ModuleLocation, SourceProblem
from sphinx_kwindex.analysis.python import (
    SourceError,
    analyse,
    count_lines,
    parse,
    read_source,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["study_module"]


#: Sources larger than this are not analysed (a 20 MB generated module takes a minute and
#: gigabytes to parse): ``kwindex_max_source_size``.
MAX_SOURCE_SIZE = 5_000_000


def study_module(
    modname: str,
    search_path: Sequence[str] | None = None,
    *,
    insights: bool = True,
    max_size: int = MAX_SOURCE_SIZE,
) -> ModuleFacts:
    """Locate, read, parse and analyse *modname*; problems are returned, never raised.

    A file is parsed once while it stays the same (same path, size and modification time),
    however many pages show it; its folder is listed afresh each time.
    """
    location = locate(modname, search_path)
    if location is None:
        message = N_("its source file was not found on the module path")
        problem = SourceProblem.of("locate", message)
        return ModuleFacts(modname, None, None, None, problem, ())
    related = related_entries(location)
    if location.kind == "namespace":
        return ModuleFacts(
            modname, location, source_info(location, size=0, lines=0), None, None, related
        )
    if location.kind in {"builtin", "extension"}:
        if location.kind == "builtin":
            message = N_("it is built into Python and has no Python source")
        else:
            message = N_("it is a compiled extension and has no Python source")
        problem = SourceProblem.of("locate", message)
        return ModuleFacts(modname, location, None, None, problem, related)
    try:
        stat = os.stat(location.path)
    except OSError as err:
        problem = SourceProblem.of("read", N_("cannot read the file: %s"), str(err.strerror))
        return ModuleFacts(modname, location, None, None, problem, related)
    if max_size and stat.st_size > max_size:
        message = N_(
            "it is too large to index (%s bytes, more than kwindex_max_source_size = %s)"
        )
        problem = SourceProblem.of("read", message, f"{stat.st_size:,}", f"{max_size:,}")
        return ModuleFacts(modname, location, None, None, problem, related)
    facts = _study_file(location, stat.st_size, stat.st_mtime_ns, insights)
    return facts._replace(related=related)


@functools.lru_cache(maxsize=2048)
def _study_file(
    location: ModuleLocation, size: int, mtime_ns: int, with_insights: bool
) -> ModuleFacts:
    """The facts of one version of a source file (*size* and *mtime_ns* name the version)."""
    del size, mtime_ns  # only part of the cache key
    modname = location.modname
    try:
        text, size = read_source(location.path)
    except SourceError as err:
        return ModuleFacts(modname, location, None, None, err.problem, ())
    info = source_info(location, size=size, lines=count_lines(text))
    try:
        tree = parse(text, location.path)
        bindings: dict[str, str] = {}
        keywords = analyse(tree, modname, is_package=location.is_package, bindings=bindings)
        # the same tree, walked once more for what kind of code it is
        insights = (
            module_insights(
                tree, text, modname, is_package=location.is_package, bindings=bindings
            )
            if with_insights
            else None
        )
    except SourceError as err:
        return ModuleFacts(modname, location, info, None, err.problem, ())
    except RecursionError:
        insights = None
    return ModuleFacts(modname, location, info, keywords, None, (), insights)
