"""Squares and their areas."""

import math

UNIT = 1.0


class Square:
    """A square."""

    def __init__(self, side: float) -> None:
        self.side = side

    def area(self) -> float:
        return self.side**2


def area(side: float) -> float:
    """The area of a square of side *side*."""
    return math.pow(side, 2)
