"""Module-level mutable state, and logging."""

import collections
import logging
from collections import deque
from collections import defaultdict as dd
from logging import getLogger

logger = logging.getLogger(__name__)  # +logging
audit = getLogger("audit")  # +logging (imported name)

REGISTRY = {}
_HANDLERS = []
_SEEN = set()
_NAMES = list()
_COUNTS = collections.Counter()
_BY_KIND = dd(list)
_QUEUE = deque()
_ORDER = collections.OrderedDict()
_TYPED: dict[str, int] = {}
CONFIG = {"debug": False}
DEFAULTS = ("a", "b")
_counter = 0

_HANDLERS.append(print)  # near-miss: mutation at module level, not inside a function


def register(name, obj):
    """Record ``obj`` everywhere."""
    REGISTRY[name] = obj  # +global-state
    _HANDLERS.append(obj)  # +global-state
    _SEEN.add(name)  # +global-state
    _NAMES.insert(0, name)  # +global-state
    _COUNTS.update([name])  # +global-state
    _QUEUE.appendleft(name)  # +global-state
    _ORDER.setdefault(name, obj)  # +global-state
    _TYPED[name] = len(name)  # +global-state (bound by an annotated assignment)
    logger.info("registered %s", name)  # near-miss: logger is a variable (no logging)


def forget(name):
    """Remove ``name`` everywhere."""
    del REGISTRY[name]  # +global-state
    _SEEN.discard(name)  # +global-state
    _NAMES.remove(name)  # +global-state
    _BY_KIND.pop(name, None)  # +global-state
    _ORDER.popitem()  # +global-state
    _QUEUE.clear()  # +global-state
    logging.debug("forgot %s", name)  # +logging


def merge(extra):
    """Merge more handlers and settings."""
    global _HANDLERS  # +global-state
    _HANDLERS += extra  # +global-state
    REGISTRY.update(extra)  # +global-state
    _NAMES.extend(extra)  # +global-state


def bump():
    """Count calls."""
    global _counter  # +global-state
    _counter += 1  # near-miss: _counter is an int, not a container (only the global line counts)
    return _counter


def read_only():
    """Reading module-level containers is not mutating them (no finding)."""
    debug = CONFIG.get("debug")
    total = len(_HANDLERS) + len(REGISTRY) + DEFAULTS.count("a")
    _HANDLERS.sort()  # near-miss: sort is not in the mutating-method list
    return debug, total


def shadowed_local():
    """near-miss: a local REGISTRY shadows the module-level one (no finding)."""
    REGISTRY = {}
    REGISTRY["a"] = 1
    return REGISTRY


def shadowed_param(_SEEN, item):
    """near-miss: the parameter _SEEN shadows the module-level one (no finding)."""
    _SEEN.add(item)
    return _SEEN


class Plugin:
    """Methods are functions too."""

    def activate(self):
        _HANDLERS.append(self)  # +global-state
        audit.warning("activated")  # near-miss: audit is a variable (no logging)
        return logging.INFO  # +logging


def outer():
    """Nested functions: the inner global statement and mutation count."""

    def inner():
        global _counter  # +global-state
        _counter = 0
        CONFIG["debug"] = True  # +global-state

    inner()
