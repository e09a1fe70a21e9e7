"""Compatibility shims for optional standard-library features.

Private module: import the helpers from here rather than sprinkling version
checks through the code base.
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

try:
    import tomllib
except ImportError:  # pragma: no cover - Python < 3.11
    tomllib = None

#: ``True`` when running on Python 3.11 or newer.
PY311 = sys.version_info >= (3, 11)


def has_toml() -> bool:
    """Return whether TOML files can be read on this interpreter."""
    return tomllib is not None


def load_toml(path: str | Path) -> dict[str, Any]:
    """Parse the TOML file at *path*.

    :raises RuntimeError: If no TOML parser is available.
    """
    if tomllib is None:
        raise RuntimeError("reading TOML requires Python 3.11+")
    with open(path, "rb") as fh:
        return tomllib.load(fh)


def parse_timestamp(value: str) -> datetime:
    """Parse an ISO 8601 timestamp, accepting a trailing ``Z`` for UTC.

    Naive timestamps are assumed to be UTC.
    """
    value = value.strip()
    if value.endswith("Z"):
        value = value[:-1] + "+00:00"
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed
