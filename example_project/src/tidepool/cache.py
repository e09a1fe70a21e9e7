"""Caching helpers for expensive lookups.

:func:`memoize` caches a pure function in memory; :func:`prefetch` warms a
:class:`ResultCache` concurrently from an asynchronous loader.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable, Hashable, Iterable
from typing import Any, TypeVar

T = TypeVar("T")

#: Default number of entries kept by a :class:`ResultCache`.
DEFAULT_MAXSIZE = 256

#: Counter names reported by :meth:`ResultCache.stats`.
STAT_FIELDS: tuple[str, ...] = ()
for _field in ("hits", "misses", "evictions"):
    STAT_FIELDS += (_field,)
del _field


def memoize(func: Callable[..., T]) -> Callable[..., T]:
    """Cache the results of *func*, keyed on its positional arguments.

    The wrapped function gains a ``cache_clear()`` method.  Only use it on
    functions whose arguments are hashable and whose results never change.

    :param func: The function to wrap.
    :returns: A wrapper with the same signature and docstring as *func*.
    """
    cache: dict[tuple[Any, ...], T] = {}

    @functools.wraps(func)
    def wrapper(*args: Any) -> T:
        try:
            return cache[args]
        except KeyError:
            result = cache[args] = func(*args)
            return result

    wrapper.cache_clear = cache.clear  # type: ignore[attr-defined]
    return wrapper


class ResultCache:
    """A bounded first-in, first-out cache.

    :param maxsize: Maximum number of entries kept.
    """

    def __init__(self, maxsize: int = DEFAULT_MAXSIZE) -> None:
        self.maxsize = maxsize
        self._data: dict[Hashable, Any] = {}
        self._stats = dict.fromkeys(STAT_FIELDS, 0)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._data

    def get(self, key: Hashable, default: Any = None) -> Any:
        """Return the cached value for *key*, or *default*."""
        if key in self._data:
            self._stats["hits"] += 1
            return self._data[key]
        self._stats["misses"] += 1
        return default

    def put(self, key: Hashable, value: Any) -> None:
        """Store *value*, evicting the oldest entry when full."""
        if key not in self._data and len(self._data) >= self.maxsize:
            del self._data[next(iter(self._data))]
            self._stats["evictions"] += 1
        self._data[key] = value

    def stats(self) -> dict[str, int]:
        """Return a copy of the hit, miss and eviction counters."""
        return dict(self._stats)


async def prefetch(
    cache: ResultCache,
    keys: Iterable[Hashable],
    loader: Callable[[Hashable], Awaitable[Any]],
    *,
    concurrency: int = 4,
) -> int:
    """Load every missing key into *cache*, at most *concurrency* at a time.

    :param loader: Coroutine function returning the value for one key.
    :returns: The number of keys that were actually loaded.
    """
    semaphore = asyncio.Semaphore(concurrency)
    missing = [key for key in keys if key not in cache]

    async def fetch_one(key: Hashable) -> None:
        async with semaphore:
            cache.put(key, await loader(key))

    await asyncio.gather(*(fetch_one(key) for key in missing))
    return len(missing)
