"""Importing this module leaves a trace and fails: the extension must never import it."""

from pathlib import Path

Path(__file__).with_name("imported.flag").write_text("imported")
raise RuntimeError("sphinx-kwindex imported a module it should only have read")


def still_indexed() -> None:
    """Read from the source, never run."""
