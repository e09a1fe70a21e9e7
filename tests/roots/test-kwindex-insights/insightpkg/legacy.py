"""Deprecation: warning categories, warn calls and ``deprecated`` decorators.
``warnings.deprecated`` only exists from Python 3.13, so it is applied inside a
factory (evaluated when called) to keep this module importable on 3.11.
"""

import warnings
from warnings import warn as _warn

from typing_extensions import deprecated


def old_api():
    """Warn the caller."""
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)  # +warnings +deprecation
    return 1


def soon_gone():
    """Warn the caller with a pending deprecation (imported alias)."""
    _warn("soon_gone will go", PendingDeprecationWarning)  # +warnings +deprecation


def explicit():
    """warn_explicit with a FutureWarning."""
    warnings.warn_explicit(  # +warnings (the call's first line)
        "changed",
        FutureWarning,  # +deprecation (the reference is on its own line)
        "legacy.py",
        1,
    )


def user_warning():
    """A warning that is not about deprecation."""
    warnings.warn("careful", UserWarning)  # +warnings (near-miss for deprecation)


def quiet():
    """Filters and catch_warnings are not warn calls."""
    with warnings.catch_warnings():  # near-miss: not a warn call (no finding)
        warnings.simplefilter("ignore", DeprecationWarning)  # +deprecation (only)
        return old_api()


@deprecated("use new_api()")  # +deprecation (typing_extensions.deprecated, decorator line)
def older_api():
    """Deprecated through typing_extensions."""
    return 2


def _late_bound():  # returns a nested def, but wraps nothing: not a decorator
    """Apply warnings.deprecated only when called."""

    @warnings.deprecated("gone in 2.0")  # +deprecation (warnings.deprecated, decorator line)
    def oldest_api():
        return 3

    return oldest_api


def category_check(category):
    """A DeprecationWarning mentioned only in this docstring is not a reference."""
    return issubclass(category, Warning)
