"""The extension's own message catalog (never Sphinx's)."""

from __future__ import annotations

from pathlib import Path

from sphinx.locale import get_translation

CATALOG = "sphinx_kwindex"
LOCALE_DIR = Path(__file__).parent / "locales"

#: Text written into pages.
_ = get_translation(CATALOG)
#: Text written to the console (warnings, progress).
__ = get_translation(CATALOG, "console")
