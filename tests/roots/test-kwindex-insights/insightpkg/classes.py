"""Class-level patterns: dataclasses, attrs, ABCs, protocols, slots, overloads.
Read with ``ast`` only (it imports attrs, which the test environment may lack).
"""

import abc
import dataclasses
import typing
import typing as t
from abc import ABC, abstractmethod
from dataclasses import dataclass as dc
from typing import Generic, Protocol, TypeVar, overload

import attr
import attrs
from attrs import define

T = TypeVar("T")


@dataclasses.dataclass
class Point:  # +dataclass
    """A point."""

    x: float = 0.0
    y: float = 0.0


@dc(frozen=True, slots=True)
class Pair:  # +dataclass (alias, called with arguments)
    """A frozen pair; slots=True is an argument, not a __slots__ assignment."""

    left: int
    right: int


@attr.s
class Legacy:  # +dataclass (attr.s)
    """An old-style attrs class."""

    value = attr.ib(default=0)


@attrs.frozen
class Frozen:  # +dataclass (attrs.frozen)
    """An immutable attrs class."""

    name: str = ""


@define
class Defined:  # +dataclass (attrs.define imported by name)
    """A modern attrs class."""

    size: int = 0


@attr.define(slots=False)
class Called:  # +dataclass (attr.define called)
    """An attrs class whose decorator is called."""

    size: int = 0


# near-miss: make_dataclass builds a class without a class statement (not dataclass)
Made = dataclasses.make_dataclass("Made", ["a", "b"])


def dataclass_like(cls):
    """A home-made class decorator."""
    return cls


@dataclass_like
class NotADataclass:  # near-miss: local decorator whose name contains "dataclass"
    """Not a dataclass at all."""

    __slots__ = ("a",)  # +slots


class Shape(ABC):  # +abc
    """An abstract shape."""

    @abstractmethod
    def area(self):  # +abc
        """The area."""

    @property
    @abc.abstractmethod
    def name(self):  # +abc +property
        """The name."""


class Square(Shape):  # near-miss: abc only through Shape, not directly (not abc)
    """A concrete shape."""

    __slots__ = ["side"]  # +slots

    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side**2

    @property
    def name(self):  # +property
        return "square"


class Runner(metaclass=abc.ABCMeta):  # +abc
    """An abstract runner declared with the metaclass."""

    @abc.abstractmethod
    def run(self):  # +abc
        """Run."""


class Temperature:
    """A property with every accessor."""

    __slots__ = "_celsius"  # +slots

    def __init__(self):
        self._celsius = 0.0

    @property
    def celsius(self):  # +property
        return self._celsius

    @celsius.setter
    def celsius(self, value):  # +property
        self._celsius = value

    @celsius.getter
    def celsius(self):  # +property
        return self._celsius

    @celsius.deleter
    def celsius(self):  # +property
        self._celsius = 0.0

    @staticmethod
    def freezing():  # near-miss: staticmethod is not property
        return 0.0


class Timer:  # +context-manager
    """A synchronous context manager."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        return False


class Greeter(Protocol):  # +protocol
    """Anything that greets."""

    def greet(self) -> str: ...


class Boxed(Protocol[T]):  # +protocol (subscripted)
    """Anything holding a T."""

    def get(self) -> T: ...


class Sized2(t.Protocol):  # +protocol (module alias)
    """Anything with a size."""

    def size(self) -> int: ...


class EnglishGreeter(Greeter):  # near-miss: inherits a protocol, is not one (not protocol)
    """A concrete greeter."""

    def greet(self) -> str:
        return "hello"


class Box(Generic[T]):  # near-miss: Generic is not Protocol
    """A plain generic box."""

    def __init__(self, item: T) -> None:
        self.item = item


@overload
def parse(value: int) -> int: ...  # +overload


@t.overload
def parse(value: str) -> str: ...  # +overload


@typing.overload
def parse(value: bytes) -> bytes: ...  # +overload


def parse(value):  # near-miss: the implementation is not decorated (not overload)
    """Return ``value`` unchanged."""
    return value
