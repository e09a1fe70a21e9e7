"""Decorators and decorator factories, plus functions that only look like them."""

import functools
import time


def timed(fn):  # +decorator
    """Report how long ``fn`` takes."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            print(time.perf_counter() - start)

    return wrapper


def retry(times):  # +decorator (factory: returns decorate)
    """Retry ``times`` times."""

    def decorate(fn):  # +decorator (returns wrapper)
        def wrapper(*args, **kwargs):
            for _ in range(times - 1):
                try:
                    return fn(*args, **kwargs)
                except Exception:
                    pass
            return fn(*args, **kwargs)

        return wrapper

    return decorate


def passthrough(fn):  # near-miss: returns its parameter, defines nothing (not decorator)
    """Return ``fn`` unchanged."""
    return fn


def calls_inner():  # near-miss: returns the nested function's result (not decorator)
    """Call a helper and return what it gives."""

    def helper():
        return 42

    return helper()


def returns_lambda(fn):  # near-miss: a lambda is not a nested def (not decorator)
    """Wrap ``fn`` in a lambda."""
    return lambda *args: fn(*args)


def returns_partial(fn):  # near-miss: returns a call wrapping the nested def (not decorator)
    """Wrap ``fn`` through functools.partial."""

    def inner(prefix, *args):
        return prefix, fn(*args)

    return functools.partial(inner, "x")


def returns_other(fn):  # near-miss: defines ``inner`` but returns ``fn`` (not decorator)
    """Register a helper, return the original."""

    def inner():
        return fn

    fn.helper = inner
    return fn


class Registry:
    """Method decorators count too."""

    def __init__(self):
        self.entries = {}

    def register(self, name):  # +decorator
        """Register the decorated function under ``name``."""

        def add(fn):
            self.entries[name] = fn
            return fn

        return add


@timed
def work(n):
    """Using a decorator is not defining one."""
    return sum(range(n))
