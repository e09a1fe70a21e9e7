"""The abstract :class:`Reader` interface shared by all readers."""

from __future__ import annotations

import abc
from collections.abc import Iterator
from os import PathLike
from pathlib import Path

from ..core import Reading


class ReaderError(ValueError):
    """Raised when a source cannot be parsed.

    :param message: What went wrong.
    :param line: One-based line number of the offending record, if known.
    """

    def __init__(self, message: str, *, line: int | None = None) -> None:
        if line is not None:
            message = f"line {line}: {message}"
        super().__init__(message)
        #: One-based line number of the offending record, or ``None``.
        self.line = line


class Reader(abc.ABC):
    """Base class for readers.

    Subclasses set :attr:`suffixes` and implement :meth:`parse`; everything
    else (file handling, sorting, filtering) is provided here.

    :param encoding: Text encoding of the source files.
    :param strict: Raise :class:`ReaderError` on bad records instead of
        skipping them.
    """

    #: File suffixes (lower case, with the dot) this reader understands.
    suffixes: tuple[str, ...] = ()

    def __init__(self, *, encoding: str = "utf-8", strict: bool = True) -> None:
        #: Text encoding used by :meth:`read_path`.
        self.encoding = encoding
        #: Whether malformed records raise :class:`ReaderError`.
        self.strict = strict

    @classmethod
    def accepts(cls, path: str | PathLike[str]) -> bool:
        """Whether this reader handles files like *path*."""
        return Path(path).suffix.lower() in cls.suffixes

    @property
    @abc.abstractmethod
    def format_name(self) -> str:
        """Short human-readable name of the format, e.g. ``"CSV"``."""

    @abc.abstractmethod
    def parse(self, text: str) -> Iterator[Reading]:
        """Yield the readings contained in *text*.

        :raises ReaderError: On malformed input when :attr:`strict` is set.
        """

    def read_path(self, path: str | PathLike[str]) -> list[Reading]:
        """Read and parse the file at *path*, returning sorted readings."""
        text = Path(path).read_text(encoding=self.encoding)
        return sorted(self.parse(text))

    def _fail(self, message: str, line: int | None = None) -> None:
        """Raise :class:`ReaderError` in strict mode; otherwise do nothing."""
        if self.strict:
            raise ReaderError(message, line=line)
