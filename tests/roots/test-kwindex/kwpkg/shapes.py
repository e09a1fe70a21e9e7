"""Shape classes used to exercise the kwindex analyser.

Words like class, def, import and async in this docstring are not keywords.
"""

import os.path
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator

# class Fake:
#     def not_real(self): ...

PI = 3.14159
RATIO: float = 0.5
LIMIT: int
COUNT = 0
COUNT += 1
WIDTH = HEIGHT = 10
A, (B, C) = 1, (2, 3)
FIRST, *REST = [1, 2, 3]
REGISTRY = {}
REGISTRY["x"] = 1
_SNIPPET = "class NotAClass: pass"
DOUBLE = lambda x: 2 * x  # noqa: E731 -- a lambda is not a def

for _i in range(2):
    pass

with open(__file__, encoding="utf-8") as _fh:
    pass

try:
    DEFAULT_COLOR = "red"
except Exception:  # pragma: no cover
    pass


class Shape:
    """Base shape.

    Note: this class instance is a def of a function.
    """

    kind = "abstract"

    def area(self) -> float:
        raise NotImplementedError


class Circle(Shape):
    """A circle."""

    kind = "round"

    def __init__(self, radius: float = 1.0) -> None:
        self.radius = radius

    def area(self) -> float:
        def inner(r: float) -> float:
            return PI * r * r

        return inner(self.radius)

    @property
    def diameter(self) -> float:
        return 2 * self.radius

    class Style:
        def css(self) -> str:
            return "border-radius: 50%"


Circle.count = 0


class Square(Shape):
    def __init__(self, side: float = 1.0) -> None:
        self.side = side

    def area(self) -> float:
        return self.side**2

    async def refresh(self) -> None:
        return None

    @staticmethod
    def unit() -> "Square":
        return Square(1.0)


def make(kind: str) -> Any:
    class Local:
        def run(self) -> str:
            return kind

    return Local


async def fetch(name: str) -> str:
    return name


def _tag(label: str):
    def deco(func):
        func.label = label
        return func

    return deco


@_tag(
    "shape",
)
def describe(shape: Shape) -> str:
    text = f"{type(shape).__name__}: {shape.area()}"
    return text


def dump(obj: Any) -> str:
    import json

    return json.dumps(obj)


def walk() -> "Iterator[int]":
    yield from range(3)


def load(text: str) -> Any:
    import json  # same display name as in dump(): collapses to one entry

    return json.loads(text)
