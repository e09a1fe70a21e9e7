"""Length units and summary statistics for water levels.

Levels are stored in metres internally; the helpers here convert them for
display and summarise a run of levels.
"""

from __future__ import annotations

import statistics as stats
from collections.abc import Sequence
from pathlib import Path

from . import _compat
from .cache import memoize

#: Length of the international foot, in metres.
METRES_PER_FOOT = 0.3048

#: Size of each supported unit, expressed in metres.
UNIT_SIZES: dict[str, float] = {
    "m": 1.0,
    "cm": 0.01,
    "ft": METRES_PER_FOOT,
}


@memoize
def conversion_factor(src: str, dst: str) -> float:
    """Return the factor converting a length in *src* units to *dst* units.

    :raises KeyError: If either unit is not in :data:`UNIT_SIZES`.
    """
    return UNIT_SIZES[src] / UNIT_SIZES[dst]


def convert(value: float, src: str, dst: str) -> float:
    """Convert *value* from unit *src* to unit *dst*.

    >>> round(convert(1.0, "m", "ft"), 3)
    3.281
    """
    return value * conversion_factor(src, dst)


def to_metres(value: float, unit: str) -> float:
    """Shorthand for ``convert(value, unit, "m")``."""
    return convert(value, unit, "m")


def register_units(path: str | Path) -> list[str]:
    """Add units from a TOML table of ``name = size_in_metres`` pairs.

    :returns: The names of the newly registered units.
    :raises RuntimeError: On interpreters without :mod:`tomllib`.
    """
    table = _compat.load_toml(path)
    UNIT_SIZES.update({name: float(size) for name, size in table.items()})
    conversion_factor.cache_clear()
    return sorted(table)


def mean_level(levels: Sequence[float]) -> float:
    """Return the mean of *levels* (mean sea level over the window)."""
    return stats.fmean(levels)


def tidal_range(levels: Sequence[float]) -> float:
    """Return the difference between the highest and lowest level."""
    return max(levels) - min(levels)


def summarize(levels: Sequence[float]) -> dict[str, float]:
    """Return the mean, median, standard deviation and range of *levels*.

    :raises statistics.StatisticsError: If fewer than two levels are given.
    """
    return {
        "mean": mean_level(levels),
        "median": stats.median(levels),
        "stdev": stats.stdev(levels),
        "range": tidal_range(levels),
    }
