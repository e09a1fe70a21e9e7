"""Structures that resemble code patterns without being them."""


def lru_cache(fn):
    """Not functools.lru_cache."""
    return fn


def dataclass(cls):
    """Not dataclasses.dataclass."""
    return cls


def overload(fn):
    """Not typing.overload."""
    return fn


def contextmanager(fn):
    """Not contextlib.contextmanager."""
    return fn


def abstractmethod(fn):
    """Not abc.abstractmethod."""
    return fn


def warn(message):
    """Not warnings.warn."""
    print(message)


class ABC:
    """Not abc.ABC."""


class Protocol:
    """Not typing.Protocol."""


@dataclass
class Point(ABC):
    """A local decorator and a local base class."""

    x = 0


class Speaker(Protocol):
    """A local Protocol base and a local abstractmethod."""

    @abstractmethod
    def speak(self):
        return "..."


@lru_cache
def compute(n):
    return n * 2


@overload
def convert(value):
    return value


@contextmanager
def opened(path):
    return open(path)


class OnlyEnter:
    """Defines __enter__ but no __exit__."""

    def __enter__(self):
        return self


DISPLAY = ["alpha", "beta"]
LOOKUP = {"a": 1}


def first():
    """Reads the module-level list."""
    return DISPLAY[0]


def describe():
    """Reads module-level containers; the nested helper is called, not returned."""

    def helper(items):
        return ", ".join(items)

    text = helper(DISPLAY) + str(LOOKUP.get("a"))
    return text


def returns_result():
    """Returns the nested function's result, not the function."""

    def inner():
        return len(DISPLAY)

    return inner()


def local_slots():
    """__slots__ assigned in a function, not a class body."""
    __slots__ = ["a"]
    return __slots__


def notify():
    """The local warn."""
    warn("hello")


def copy_display():
    """Mutating a local copy, not the module-level list."""
    items = list(DISPLAY)
    items.append("gamma")
    return items
