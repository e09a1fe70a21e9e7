"""Utilities for kwpkg."""

from . import shapes
from .shapes import Circle
from .sub.deep import (
    helper as h,
)


def _hidden() -> int:
    return 1


def circle_area(radius: float) -> float:
    return Circle(radius).area()


class _Impl:
    def run(self) -> float:
        return h(shapes.PI)
