"""The extension's own message catalog (never Sphinx's).

``locales/<language>/LC_MESSAGES/sphinx_kwindex.mo`` holds a translation; ``make pot``
extracts the messages (``tools/i18n.py``), ``make mo`` compiles the translations.

Page text follows the project's ``language``, console text the system's locale (the way
Sphinx's own messages do). Before :func:`sphinx.application.Sphinx.add_message_catalog`
registers the catalog, ``_`` returns a lazy string translated each time it is shown: every
module of the package is imported before ``setup()`` runs, so the few texts made at import
time (:attr:`~sphinx_kwindex._index.KeywordIndex.localname`) still follow each build's
language. Everything else is translated when a page is made.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.locale import get_translation, get_translator

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx_kwindex.analysis.model import SourceProblem

CATALOG = "sphinx_kwindex"
LOCALE_DIR = Path(__file__).parent / "locales"

#: Text written into pages.
_ = get_translation(CATALOG)
#: Text written to the console (warnings, progress).
__ = get_translation(CATALOG, "console")


def ngettext(singular: str, plural: str, count: int) -> str:
    """Page text that depends on a number: the form the page's language uses for *count*
    (``%d`` or ``%(name)d`` in the text is filled in by the caller)."""
    return get_translator(CATALOG).ngettext(singular, plural, count)


def number(value: float, decimals: int = 0) -> str:
    """*value* with the page language's separators: ``3,204`` and ``3.1`` in English."""
    text = f"{value:,.{decimals}f}"
    # Translators: the separator between groups of thousands (1,234); "." in German.
    thousands = _(",")
    # Translators: the decimal separator (3.5); "," in German.
    point = _(".")
    return text.translate({ord(","): thousands, ord("."): point})


def problem_text(problem: SourceProblem, translate: Callable[[str], str] = _) -> str:
    """Why a module's source could not be used, translated by *translate* (``__`` for the
    console); a message that comes from Python itself as it is."""
    if not problem.template:
        return problem.message
    return translate(problem.template) % problem.args


def labelled(label: str) -> str:
    """``Label:`` followed by a value (French, for one, puts a space before the colon)."""
    # Translators: a label before its value, "Path: kwpkg/util.py"; keep the %s.
    return _("%s: ") % label
