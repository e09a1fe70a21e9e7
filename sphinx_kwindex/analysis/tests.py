"""The test files that exercise a module: those that import it, or a name from it."""

from __future__ import annotations

import ast
import os
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from sphinx_kwindex.analysis.python import SourceError, parse, read_source

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, MutableMapping


class TestFile(NamedTuple):
    """One test file: what it imports, and how many tests it holds."""

    #: Absolute path of the file.
    path: str
    #: Path shown: relative to the folder above the test folder (``tests/test_x.py``).
    shown: str
    #: Modules it imports (``from m import n`` names ``m``, and ``m.n``).
    imports: tuple[str, ...]
    #: Test functions: module-level ``test_*`` and ``test_*`` methods of ``Test*`` classes.
    tests: int


#: A file's facts, with the size and modification time they were read at.
Cached = tuple[int, int, TestFile | None]


def test_folders(roots: Iterable[str], names: Iterable[str]) -> list[str]:
    """The test folders next to the packages: *names* in each root (the folder on the module
    path that holds a top-level package). A name may climb (``../tests``, for a ``src``
    layout): that is the user's choice; by default nothing outside the roots is read."""
    found: list[str] = []
    for root in sorted(set(roots)):
        for name in names:
            folder = Path(root) / name
            if folder.is_dir() and str(folder) not in found:
                found.append(str(folder))
    return found


def find_tests(folders: Iterable[str], cache: MutableMapping[str, Cached]) -> list[TestFile]:
    """Every Python file under *folders* (read again only when it changed; *cache* keeps
    them across builds)."""
    files: list[TestFile] = []
    seen: set[str] = set()
    for folder in folders:
        for directory, subfolders, names in os.walk(folder):
            subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
            for name in sorted(names):
                if not name.endswith(".py"):
                    continue
                path = os.path.join(directory, name)
                seen.add(path)
                test = _read(path, os.path.dirname(folder), cache)
                if test is not None:
                    files.append(test)
    for stale in set(cache) - seen:
        del cache[stale]
    return files


def tests_by_module(
    files: Iterable[TestFile], modules: Collection[str]
) -> dict[str, tuple[TestFile, ...]]:
    """module -> the test files that import it (or a name from it)."""
    result: dict[str, list[TestFile]] = {}
    for test in files:
        for module in set(test.imports) & set(modules):
            result.setdefault(module, []).append(test)
    return {
        module: tuple(sorted(found, key=lambda t: t.shown))
        for module, found in sorted(result.items())
    }


def _read(path: str, base: str, cache: MutableMapping[str, Cached]) -> TestFile | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    known = cache.get(path)
    if known is not None and known[:2] == (stat.st_size, stat.st_mtime_ns):
        return known[2]
    try:
        tree = parse(read_source(path).text, path)
    except SourceError:
        test = None
    else:
        shown = Path(os.path.relpath(path, base)).as_posix()
        test = TestFile(path, shown, tuple(sorted(_imports(tree))), _count_tests(tree))
    cache[path] = (stat.st_size, stat.st_mtime_ns, test)
    return test


def _imports(tree: ast.Module) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _count_tests(tree: ast.Module) -> int:
    count = 0
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith(
            "test"
        ):
            count += 1
        elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            count += sum(
                1
                for item in node.body
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)
                and item.name.startswith("test")
            )
    return count
