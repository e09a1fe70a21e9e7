"""Core data model: gauges (:class:`Station`), observations (:class:`Reading`) and series."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ._internal_stats import local_extrema

if TYPE_CHECKING:
    from .readers.base import Reader

#: Default sampling interval of a gauge, in minutes.
DEFAULT_INTERVAL = 6
#: Vertical datum used when a station does not declare its own.
DEFAULT_DATUM: str = "MLLW"
#: Kinds of tide extreme reported by :meth:`TideSeries.extremes`.
LOW, HIGH = 0, 1

_QUALITY_FLAGS = ("good", "suspect", "bad")


@dataclass(frozen=True, order=True)
class Reading:
    """A single water-level observation; readings sort by timestamp."""

    #: When the observation was taken (timezone-aware, UTC).
    timestamp: datetime
    #: Water level in metres above the station datum.
    level: float
    #: Quality flag: ``"good"``, ``"suspect"`` or ``"bad"``.
    quality: str = "good"

    @property
    def is_good(self) -> bool:
        """Whether the reading passed quality control."""
        return self.quality == "good"

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Reading:
        """Build a reading from a mapping with ``timestamp`` and ``level`` keys."""
        quality = data.get("quality", "good")
        if quality not in _QUALITY_FLAGS:
            raise ValueError(f"unknown quality flag {quality!r}")
        return cls(data["timestamp"], float(data["level"]), quality)


class Station:
    """A tide gauge at a fixed location.

    :param station_id: Identifier assigned by the operating agency.
    :param name: Human-readable name.
    :param latitude: Latitude in decimal degrees (longitude likewise).
    :param config: Processing options; defaults to :class:`Station.Config`.
    """

    class Config:
        """Per-station processing options."""

        def __init__(self, datum: str = DEFAULT_DATUM, interval: int = DEFAULT_INTERVAL) -> None:
            #: Vertical datum of the reported levels.
            self.datum = datum
            #: Expected sampling interval, in minutes.
            self.interval = interval

    def __init__(self, station_id: str, name: str, latitude: float = 0.0, longitude: float = 0.0,
                 config: Station.Config | None = None) -> None:
        self.station_id = station_id
        self.name = name
        self.latitude, self.longitude = latitude, longitude
        self.config = config or Station.Config()

    @property
    def coordinates(self) -> tuple[float, float]:
        """The ``(latitude, longitude)`` pair of the gauge."""
        return (self.latitude, self.longitude)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Station:
        """Create a station from a metadata record (``id``, ``name``, ...)."""
        config = cls.Config(data.get("datum", DEFAULT_DATUM), data.get("interval", DEFAULT_INTERVAL))
        return cls(data["id"], data["name"], data.get("lat", 0.0), data.get("lon", 0.0), config)

    def read(self, reader: Reader, path: str) -> TideSeries:
        """Load the readings stored at *path* with *reader*."""
        return TideSeries(self, reader.read_path(path))


class TideSeries:
    """The time-ordered readings of one station.

    :param station: The station that produced the *readings* (sorted on construction).
    """

    def __init__(self, station: Station, readings: Iterable[Reading] = ()) -> None:
        self.station = station
        self._readings = sorted(readings)

    def __len__(self) -> int:
        """Number of readings in the series."""
        return len(self._readings)

    def __iter__(self) -> Iterator[Reading]:
        return iter(self._readings)

    @property
    def latest(self) -> Reading | None:
        """The most recent reading, or ``None`` for an empty series."""
        return self._readings[-1] if self._readings else None

    def extremes(self) -> list[tuple[int, Reading]]:
        """Return high and low waters as ``(kind, reading)`` pairs.

        *kind* is :data:`HIGH` or :data:`LOW`; readings failing quality control are ignored.
        """
        good = [r for r in self._readings if r.is_good]
        turning = local_extrema([r.level for r in good])
        return [(HIGH if kind else LOW, good[i]) for i, kind in turning]
