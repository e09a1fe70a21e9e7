"""tidepool — a tiny tidal data pipeline.

``tidepool`` turns raw tide-gauge exports (CSV or JSON) into ordered
:class:`~tidepool.core.TideSeries` objects, converts between length units and
computes a few summary statistics.

The most common names are re-exported here, so that a typical session only
needs a single import::

    import tidepool

    series = tidepool.load("data/9414290.csv")
    print(series.latest)
"""

from __future__ import annotations

from os import PathLike

from . import units
from .cache import memoize
from .core import HIGH, LOW, Reading, Station, TideSeries

__all__ = [
    "HIGH",
    "LOW",
    "Reading",
    "Station",
    "TideSeries",
    "load",
    "memoize",
    "units",
    "__version__",
]

#: The installed version of tidepool, as a :pep:`440` string.
__version__ = "0.3.1"


def load(path: str | PathLike[str], station: Station | None = None) -> TideSeries:
    """Read a file of water levels into a :class:`~tidepool.core.TideSeries`.

    The reader is chosen from the file suffix (see
    :func:`tidepool.readers.reader_for`).

    :param path: Path to a ``.csv`` or ``.json`` export.
    :param station: Station the readings belong to.  When omitted, an
        anonymous station named after the file is created.
    :returns: The readings, sorted by timestamp.
    :raises tidepool.readers.base.ReaderError: If the file cannot be parsed.
    """
    # Imported lazily: the readers pull in csv/json machinery that plain
    # users of the data model never need.
    from pathlib import Path

    from .readers import reader_for

    path = Path(path)
    reader = reader_for(path)
    if station is None:
        station = Station(station_id=path.stem, name=path.stem)
    return TideSeries(station, reader.read_path(path))
