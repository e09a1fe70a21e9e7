"""Memoisation in every form the caching key knows about.
The module is documented with autodoc, so it must import cleanly.
"""

import functools
from functools import cache, cached_property
from functools import lru_cache as memo

# near-miss: a bare reference is neither a decorator nor a call (not caching)
DEFAULT_CACHE = functools.cache


@functools.lru_cache(maxsize=32)  # +caching
def fib(n):
    """Fibonacci numbers, memoised."""
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@memo  # +caching (alias of functools.lru_cache)
def square(n):
    """The square of ``n``."""
    return n * n


@cache  # +caching
def cube(n):
    """The cube of ``n``."""
    return n**3


@functools.wraps(cube)  # near-miss: functools.wraps is not a cache
def cube_alias(n):
    """Same as cube."""
    return cube(n)


def slow_double(n):
    """Double ``n`` the slow way."""
    return n + n


fast_double = functools.lru_cache(maxsize=8)(slow_double)  # +caching (call form)
memo_double = memo(slow_double)  # +caching (alias, called directly)


class Report:
    """A report whose totals are computed once."""

    def __init__(self, values):
        self.values = list(values)

    @cached_property  # +caching
    def total(self):
        """Sum of the values."""
        return sum(self.values)

    @functools.cached_property  # +caching
    def mean(self):
        """Mean of the values."""
        return self.total / len(self.values)

    @property  # near-miss for caching: a plain property is not a cache
    def count(self):  # +property
        """Number of values."""
        return len(self.values)


def clear_all():
    """Empty the caches (cache_clear is an attribute of the function, not functools)."""
    fib.cache_clear()
    square.cache_clear()
