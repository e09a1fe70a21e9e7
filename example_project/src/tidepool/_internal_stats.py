"""Numerical helpers shared by the data model.

This module is an implementation detail: it is deliberately not part of the
public documentation and may change without notice.
"""

from __future__ import annotations

from collections.abc import Sequence

#: Readings closer than this (in metres) are treated as equal.
TOLERANCE = 1e-6


def rolling_mean(values: Sequence[float], window: int) -> list[float]:
    """Return the centred rolling mean of *values* over *window* samples."""
    if window < 1:
        raise ValueError("window must be at least 1")
    half = window // 2
    out: list[float] = []
    for i in range(len(values)):
        chunk = values[max(0, i - half) : i + half + 1]
        out.append(sum(chunk) / len(chunk))
    return out


def local_extrema(values: Sequence[float]) -> list[tuple[int, int]]:
    """Find turning points in *values*.

    Returns ``(index, kind)`` pairs where *kind* is ``0`` for a minimum and
    ``1`` for a maximum.  Plateaus report their first sample.
    """
    found: list[tuple[int, int]] = []
    for i in range(1, len(values) - 1):
        prev, cur = values[i - 1], values[i]
        j = i + 1
        while j < len(values) - 1 and abs(values[j] - cur) <= TOLERANCE:
            j += 1
        nxt = values[j]
        if abs(prev - cur) <= TOLERANCE:
            continue
        if cur < prev and cur < nxt:
            found.append((i, 0))
        elif cur > prev and cur > nxt:
            found.append((i, 1))
    return found
