"""Readers that turn raw gauge exports into :class:`~tidepool.core.Reading` objects.

Pick a reader explicitly, or let :func:`reader_for` choose one from the file
suffix.
"""

from __future__ import annotations

from os import PathLike
from pathlib import Path

from .base import Reader, ReaderError
from .csv_reader import CSVReader
from .json_reader import JSONReader

__all__ = ["CSVReader", "JSONReader", "READERS", "Reader", "ReaderError", "reader_for"]

#: Reader classes consulted, in order, by :func:`reader_for`.
READERS: tuple[type[Reader], ...] = (CSVReader, JSONReader)


def reader_for(path: str | PathLike[str], **options: object) -> Reader:
    """Return a reader instance able to parse *path*.

    :param path: File whose suffix selects the reader.
    :param options: Keyword arguments forwarded to the reader's constructor.
    :raises ReaderError: If no reader handles the suffix.
    """
    path = Path(path)
    for reader_cls in READERS:
        if reader_cls.accepts(path):
            return reader_cls(**options)
    raise ReaderError(f"no reader for {path.suffix or 'files without a suffix'}")
