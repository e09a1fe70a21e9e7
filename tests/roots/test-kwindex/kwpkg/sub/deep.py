"""A module two levels deep inside kwpkg."""

from ..shapes import Square
from .. import util


def helper(value: float) -> float:
    def _step(x: float) -> float:
        return x * 2

    return _step(value)
