"""The one channel for diagnostics: a logger and the documented list of warning subtypes.

Every warning is of type ``kwindex`` with one of these subtypes, so a project can silence
one kind with ``suppress_warnings = ["kwindex.parse"]``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

if TYPE_CHECKING:
    import os

logger = logging.getLogger("sphinx_kwindex")


class Subtype(StrEnum):
    """Warning subtypes; the documentation lists them with the ``#:`` comment of each."""

    #: A ``kwindex_*`` configuration value is wrong; the default is used instead.
    CONFIG = "config"
    #: A module's source file cannot be found, or it has none (built-in, compiled).
    LOCATE = "locate"
    #: A source file cannot be read or decoded (coding cookies and BOMs are honoured), or is
    #: larger than ``kwindex_max_source_size``.
    READ = "read"
    #: A source file cannot be parsed (syntax error, NUL byte, nested too deep).
    PARSE = "parse"
    #: A directive got something that is not a dotted module name, or has no module to show.
    DIRECTIVE = "directive"
    #: ``:kw:`name``` names no keyword of the project.
    REF = "ref"
    #: A generated page cannot be written, or a file the extension did not generate is in
    #: its place.
    STUB = "stub"


def file_location(path: str | os.PathLike[str], line: int = 0) -> str:
    """A location that names a file that is not a document (and its line, 1 if unknown)."""
    return f"{path}:{line or 1}"


def warn(subtype: Subtype, message: str, *args: Any, location: Any = None) -> None:
    """Log a warning of type ``kwindex`` with *subtype*; *message* is %-formatted lazily."""
    logger.warning(message, *args, location=location, type="kwindex", subtype=subtype.value)
