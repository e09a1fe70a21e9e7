"""Reader for comma-separated gauge exports.

The expected layout is a header row followed by one reading per row::

    timestamp,level,quality
    2024-03-01T00:00:00Z,1.42,good
    2024-03-01T00:06:00Z,1.47,good
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from .._compat import parse_timestamp
from ..core import Reading
from .base import Reader

#: Columns every CSV export must provide.
REQUIRED_COLUMNS = ("timestamp", "level")


class CSVReader(Reader):
    """Parse CSV exports with ``timestamp``, ``level`` and optional ``quality`` columns.

    :param delimiter: Field separator; ``None`` sniffs it from the header.
    :param kwargs: Passed on to :class:`~tidepool.readers.base.Reader`.
    """

    suffixes = (".csv", ".tsv")

    def __init__(self, *, delimiter: str | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.delimiter = delimiter

    @property
    def format_name(self) -> str:
        """Always ``"CSV"``."""
        return "CSV"

    def parse(self, text: str) -> Iterator[Reading]:
        """Yield one :class:`~tidepool.core.Reading` per data row."""
        delimiter = self.delimiter or sniff_delimiter(text.partition("\n")[0])
        rows = csv.DictReader(io.StringIO(text), delimiter=delimiter)
        missing = [c for c in REQUIRED_COLUMNS if c not in (rows.fieldnames or ())]
        if missing:
            self._fail(f"missing columns: {', '.join(missing)}", line=1)
            return
        for lineno, row in enumerate(rows, start=2):
            try:
                yield Reading(
                    parse_timestamp(row["timestamp"]),
                    float(row["level"]),
                    row.get("quality") or "good",
                )
            except ValueError as exc:
                self._fail(str(exc), line=lineno)


def sniff_delimiter(header: str) -> str:
    """Guess the field separator from the *header* line (comma or tab)."""
    # Only needed for files without an explicit delimiter, so keep the
    # dialect machinery out of module import time.
    from csv import Error, Sniffer

    try:
        return Sniffer().sniff(header, delimiters=",\t;").delimiter
    except Error:
        return ","
