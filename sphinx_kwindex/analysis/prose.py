"""Identifiers in prose documents: the names a page talks about, not the English around them.

The Sphinx side walks a document's doctree and hands over its pieces by kind: inline code,
cross-reference targets, code blocks, and plain text. Each kind has its rule:

- inline code counts when all of it is a dotted Python name (``state_dict``, ``nn.Module``,
  ``load()``); code that is an expression, a path or a command does not;
- a code block (Python, or unmarked) gives the names it defines (``def``, ``class``) and the
  names it imports;
- plain text gives CamelCase and mixedCase words (``DTensor``, ``PyPI``), acronyms of two or
  more capitals (``SPMD``, ``APIs`` -> ``API``), and hyphenated names that contain one of those
  (``Megatron-LM``, ``UTF-8``) kept whole; never ordinary words, numbers or URLs;
- terms the user forces (``kwindex_terms``) and names the project knows count wherever they
  appear as words; the user's stopwords never count.
"""

from __future__ import annotations

import ast
import keyword
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Collection, Iterator

#: Code block languages read as Python ("default" is MyST's unmarked fence).
PYTHON_LANGUAGES = frozenset(
    {
        "python",
        "python3",
        "py",
        "py3",
        "pycon",
        "pycon3",
        "ipython",
        "ipython3",
        "default",
        "pytb",
        "",
    }
)

_APOSTROPHES = "'\u2019"
_WORD = re.compile(rf"[^\W_][\w{_APOSTROPHES}.-]*[\w]|[^\W_]")
_URLISH = re.compile(r"^[a-z][a-z0-9+.-]*://|^www\.|@|^/|\\", re.IGNORECASE)
_PROMPT = re.compile(r"^\s*(?:>>>|\.\.\.)(?: |$)")
_DEF_LINE = re.compile(r"^\s*(?:async\s+)?(?:def|class)\s+([^\W\d]\w*)")


def literal_identifier(text: str) -> str | None:
    """The identifier of an inline code literal, or ``None`` if it is not a dotted name.

    ``load()`` -> ``load``; ``a.b`` -> ``a.b``; ``get(x=1)``, ``a/b``, ``--flag``, ``yield``
    -> ``None``.
    """
    name = text.strip()
    name = name.removesuffix("()")
    if not name or not all(
        part.isidentifier() and not keyword.iskeyword(part) for part in name.split(".")
    ):
        return None
    return name


def role_target(target: str) -> str | None:
    """The identifier of a Python cross-reference target (``~a.b`` -> ``a.b``)."""
    return literal_identifier(target.lstrip("~.").removesuffix("()"))


def code_names(source: str) -> list[str]:
    """Names a Python code block defines or imports, in order.

    Doctest prompts are removed first. A block that does not parse as a whole is read
    line by line for ``def``/``class`` lines and import statements.
    """
    lines = source.splitlines()
    if any(_PROMPT.match(line) for line in lines):
        lines = [_PROMPT.sub("", line) for line in lines if _PROMPT.match(line)]
    text = "\n".join(lines)
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return list(_names_by_line(lines))
    return list(_names_in(tree))


def _names_in(tree: ast.AST) -> Iterator[str]:
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            yield node.name
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
                if alias.asname:
                    yield alias.asname
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if alias.name != "*":
                    yield alias.name
                    if alias.asname:
                        yield alias.asname


def _names_by_line(lines: list[str]) -> Iterator[str]:
    for line in lines:
        found = _DEF_LINE.match(line)
        if found is not None:
            yield found.group(1)
            continue
        stripped = line.strip()
        if stripped.startswith(("import ", "from ")):
            try:
                tree = ast.parse(stripped)
            except SyntaxError:
                continue
            yield from _names_in(tree)


def prose_words(
    text: str, *, known: Collection[str] = (), stopwords: Collection[str] = ()
) -> Iterator[str]:
    """The identifiers in a piece of plain text, in order (repeats included)."""
    strip = f".-{_APOSTROPHES}"
    for raw in _WORD.findall(text):
        word = raw.strip(strip)
        if not word:
            continue
        if word not in known:
            # most words have no capital after their first letter: ordinary words, numbers
            rest = word[1:]
            if rest == rest.lower() or _URLISH.search(word):
                continue
        found = word_identifier(word, known)
        if found is not None and found not in stopwords:
            yield found


def word_identifier(word: str, known: Collection[str] = ()) -> str | None:
    """Whether one word of prose is an identifier, and which (``APIs`` -> ``API``)."""
    word = re.sub(rf"[{_APOSTROPHES}]s$", "", word)
    if word in known:
        return word
    if "-" in word:
        parts = [part for part in word.split("-") if part]
        if (
            len(parts) > 1
            and all(re.fullmatch(r"\w+", part) for part in parts)
            and any(_is_acronym(part) or _is_camel(part) for part in parts)
        ):
            return word
        return None
    if "." in word:
        return None  # end of sentence, abbreviation, version: never a prose identifier
    plural = word[:-1] if word.endswith("s") else ""
    if plural and _is_acronym(plural):
        return plural  # APIs -> API (before CamelCase, which "APIs" also looks like)
    if _is_acronym(word) or _is_camel(word):
        return word
    return None


def _is_camel(word: str) -> bool:
    """CamelCase or mixedCase: a lower-case letter, and an upper-case one after the start."""
    return (
        word.isidentifier()
        and any(char.islower() for char in word)
        and any(char.isupper() for char in word[1:])
    )


def _is_acronym(word: str) -> bool:
    """Two or more capitals, and digits at most: ``SPMD``, ``MLIR``, ``HTTP2``."""
    letters = [char for char in word if char.isalpha()]
    return (
        len(letters) >= 2
        and all(char.isupper() for char in letters)
        and all(char.isalnum() for char in word)
        and word[0].isalpha()
    )
