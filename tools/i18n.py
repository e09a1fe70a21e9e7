"""The extension's message catalog: extract the template, update and compile translations.

    python tools/i18n.py pot            # sphinx_kwindex/locales/sphinx_kwindex.pot
    python tools/i18n.py update         # merge the template into every language's .po
    python tools/i18n.py mo             # compile every .po into its .mo
    python tools/i18n.py init fr        # start a new language from the template

Babel (a dependency of Sphinx) does the work. Files are written only when their content
changes, so running a command twice leaves the tree clean; the template's locations carry no
line numbers, so moving code does not change it.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "sphinx_kwindex"
LOCALES = PACKAGE / "locales"
DOMAIN = "sphinx_kwindex"
TEMPLATE = LOCALES / f"{DOMAIN}.pot"

#: ``_`` page text, ``__`` console text, ``ngettext`` page text with a count, ``N_`` text
#: marked where it is defined and translated where it is shown.
KEYWORDS = {"_": None, "__": None, "ngettext": (1, 2), "N_": None}
#: Comments starting so, right above a message, are notes for translators.
COMMENT_TAG = "Translators:"


HEADER = """\
# {title}
# Copyright (C) The sphinx-kwindex developers
# This file is distributed under the same license as the sphinx-kwindex project.
#"""


def new_catalog(title: str, locale: str | None = None) -> Catalog:
    """An empty catalog with this project's header."""
    return Catalog(
        locale=locale,
        domain=DOMAIN,
        header_comment=HEADER.format(title=title),
        project="sphinx-kwindex",
        version=_version(),
        msgid_bugs_address="https://github.com/sphinx-kwindex/sphinx-kwindex/issues",
        copyright_holder="The sphinx-kwindex developers",
        charset="utf-8",
        fuzzy=False,
    )


def _version() -> str:
    text = (PACKAGE / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    return found.group(1) if found else "VERSION"


def extract(package: Path = PACKAGE) -> Catalog:
    """Every message of the package's Python sources, with where it is used."""
    catalog = new_catalog("Messages of sphinx-kwindex: page text and console text.")
    for filename, lineno, message, comments, context in extract_from_dir(
        str(package),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=(COMMENT_TAG,),
        strip_comment_tags=True,
    ):
        location = (f"{package.name}/{Path(filename).as_posix()}", lineno)
        catalog.add(message, None, [location], auto_comments=comments, context=context)
    return catalog


def render_po(catalog: Catalog) -> bytes:
    """A catalog as ``.po``/``.pot`` text (locations without line numbers)."""
    out = io.BytesIO()
    write_po(out, catalog, width=95, include_lineno=False, ignore_obsolete=True)
    return out.getvalue()


def render_mo(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=locale, domain=DOMAIN)


def problems(catalog: Catalog) -> list[str]:
    """Messages whose translation is missing, fuzzy, or breaks their placeholders."""
    found = []
    for message in catalog:
        if not message.id:
            continue  # the header
        shown = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            found.append(f"fuzzy: {shown!r}")
        elif not all(strings):
            found.append(f"untranslated: {shown!r}")
    for message, errors in catalog.check():
        shown = message.id if isinstance(message.id, str) else message.id[0]
        found.extend(f"{error}: {shown!r}" for error in errors)
    return found


def languages() -> list[Path]:
    """The ``.po`` file of every language."""
    return sorted(LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def _write(path: Path, data: bytes, *, ignore: bytes = b"") -> bool:
    """Write *data* unless *path* holds it already (lines starting with *ignore* aside)."""

    def kept(text: bytes) -> list[bytes]:
        lines = text.splitlines()
        return [line for line in lines if not ignore or not line.startswith(ignore)]

    if path.exists() and kept(path.read_bytes()) == kept(data):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def make_pot() -> bool:
    """Extract the template; whether it changed (its creation date alone does not count)."""
    return _write(TEMPLATE, render_po(extract()), ignore=b'"POT-Creation-Date:')


def update() -> list[Path]:
    """Merge the template into every language: new messages come in untranslated (or
    fuzzy, guessed from a similar one), removed ones go."""
    template = read_catalog(TEMPLATE)
    changed = []
    for path in languages():
        catalog = read_catalog(path)
        catalog.update(template)
        if _write(path, render_po(catalog), ignore=b'"POT-Creation-Date:'):
            changed.append(path)
    return changed


def compile_all() -> list[Path]:
    """Compile every language whose translation is complete; fail on one that is not."""
    changed = []
    for path in languages():
        catalog = read_catalog(path)
        found = problems(catalog)
        if found:
            raise SystemExit(f"{path}:\n  " + "\n  ".join(found))
        if _write(path.with_suffix(".mo"), render_mo(catalog)):
            changed.append(path)
    return changed


def init(language: str) -> Path:
    """Start a translation into *language* from the template."""
    path = LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if path.exists():
        raise SystemExit(f"{path} exists: run 'update' instead")
    template = read_catalog(TEMPLATE)
    catalog = new_catalog(f"Translation of sphinx-kwindex: {language}.", locale=language)
    catalog.update(template)
    _write(path, render_po(catalog))
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("pot", help="extract the message template")
    commands.add_parser("update", help="merge the template into every .po")
    commands.add_parser("mo", help="compile every .po")
    start = commands.add_parser("init", help="start a new language")
    start.add_argument("language", help="a language code: fr, pt_BR")
    args = parser.parse_args(argv)
    if args.command == "pot":
        print(f"{TEMPLATE}: {'written' if make_pot() else 'unchanged'}")
    elif args.command == "update":
        for path in update():
            print(f"{path}: updated")
    elif args.command == "mo":
        for path in compile_all():
            print(f"{path.with_suffix('.mo')}: written")
    else:
        print(f"{init(args.language)}: written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
