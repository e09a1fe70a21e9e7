"""Reader for JSON gauge exports.

The document is an object with an optional ``units`` key and a ``data`` list::

    {"units": "ft",
     "data": [{"t": "2024-03-01T00:00:00Z", "v": 4.66, "q": "good"}]}
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from .._compat import parse_timestamp
from ..core import Reading
from .base import Reader


class JSONReader(Reader):
    """Parse JSON exports, converting levels to metres.

    :param kwargs: Passed on to :class:`~tidepool.readers.base.Reader`.
    """

    suffixes = (".json",)

    #: Keys of a data record: timestamp, value and quality flag.
    field_names: tuple[str, str, str] = ("t", "v", "q")

    @property
    def format_name(self) -> str:
        """Always ``"JSON"``."""
        return "JSON"

    def parse(self, text: str) -> Iterator[Reading]:
        """Yield the readings of the ``data`` list, levels in metres.

        :raises ReaderError: On invalid JSON or a malformed record, when
            :attr:`~tidepool.readers.base.Reader.strict` is set.
        """
        # Deferred: units pulls in the cache machinery, which most readers
        # never need.
        from ..units import to_metres

        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            self._fail(exc.msg, line=exc.lineno)
            return
        unit = document.get("units", "m")
        t_key, v_key, q_key = self.field_names
        for index, record in enumerate(document.get("data", [])):
            try:
                yield Reading(
                    parse_timestamp(record[t_key]),
                    to_metres(float(record[v_key]), unit),
                    record.get(q_key, "good"),
                )
            except (KeyError, TypeError, ValueError) as exc:
                self._fail(f"record {index}: {exc}")
