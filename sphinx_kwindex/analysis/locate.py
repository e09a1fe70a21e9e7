"""Find a module's source and its folder neighbours without importing anything."""

from __future__ import annotations

import fnmatch
import importlib.machinery
import keyword
import logging
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_kwindex.analysis.model import ModuleKind, ModuleLocation, RelatedEntry, SourceInfo

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from importlib.machinery import ModuleSpec

log = logging.getLogger(__name__)

#: A dotted module name; anything else (paths, spaces, dashes) is refused.
MODULE_NAME = re.compile(r"^(?!\d)\w+(\.(?!\d)\w+)*$")

_SOURCE_SUFFIXES = tuple(importlib.machinery.SOURCE_SUFFIXES)
_EXTENSION_SUFFIXES = tuple(importlib.machinery.EXTENSION_SUFFIXES)


def is_module_name(name: str) -> bool:
    """A dotted name of identifiers, none a keyword (``None`` is not a module)."""
    return bool(MODULE_NAME.match(name)) and all(
        part.isidentifier() and not keyword.iskeyword(part) for part in name.split(".")
    )


def locate(modname: str, search_path: Sequence[str] | None = None) -> ModuleLocation | None:
    """Where *modname*'s source is, walking the dotted name with the path finder.

    *search_path* defaults to :data:`sys.path`. Finders on :data:`sys.meta_path` (some
    editable installs) are asked too, through ``find_spec`` only, which does not import.
    Returns ``None`` when the module is not found.
    """
    if not is_module_name(modname):
        return None
    parts = modname.split(".")
    path: list[str] | None = list(search_path) if search_path is not None else None
    spec: ModuleSpec | None = None
    for depth in range(1, len(parts) + 1):
        fullname = ".".join(parts[:depth])
        spec = _find_spec(fullname, path)
        if spec is None:
            return None
        if depth < len(parts):
            if spec.submodule_search_locations is None:
                return None
            path = list(spec.submodule_search_locations)
    assert spec is not None
    return _location(modname, spec)


def _find_spec(fullname: str, path: list[str] | None) -> ModuleSpec | None:
    try:
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
    except KeyError:
        # a namespace package below a package that is not imported: the path finder
        # looks for the parent in sys.modules; we never import it, so find it ourselves
        return _namespace_spec(fullname, path or [])
    if spec is not None:
        return spec
    for finder in sys.meta_path:
        if finder is importlib.machinery.PathFinder or not hasattr(finder, "find_spec"):
            continue
        try:
            spec = finder.find_spec(fullname, path)
        except Exception as err:
            log.debug("finder %r failed on %s: %s", finder, fullname, err)
            continue
        if spec is not None:
            return spec
    return None


def _namespace_spec(fullname: str, path: list[str]) -> ModuleSpec | None:
    tail = fullname.rpartition(".")[2]
    folders = [
        os.path.join(entry, tail) for entry in path if os.path.isdir(os.path.join(entry, tail))
    ]
    if not folders:
        return None
    spec = importlib.machinery.ModuleSpec(fullname, None, is_package=True)
    spec.submodule_search_locations = folders
    return spec


def _location(modname: str, spec: ModuleSpec) -> ModuleLocation:
    depth = modname.count(".") + 1
    origin = spec.origin or ""
    locations = tuple(spec.submodule_search_locations or ())
    kind: ModuleKind
    if origin in {"", "namespace"} or spec.loader is None:
        kind = "namespace"
        folders = locations
        entry_dir = Path(locations[0]).parent if locations else Path()
        origin = ""
    elif origin in {"built-in", "frozen"}:
        return ModuleLocation(modname, "builtin", "", (), "")
    else:
        file = Path(origin)
        if origin.endswith(_SOURCE_SUFFIXES):
            kind = "package" if locations else "module"
        else:
            kind = "extension"
        folders = (str(file.parent),)
        entry_dir = file.parent.parent if kind == "package" else file.parent
    root = entry_dir
    for _ in range(depth - 1):
        root = root.parent
    return ModuleLocation(modname, kind, origin, folders, str(root))


def source_info(location: ModuleLocation, *, size: int, lines: int) -> SourceInfo:
    """File facts for display: the path relative to the top-level package's folder."""
    if not location.path:
        folder = location.folders[0] if location.folders else ""
        relpath = _relative(folder, location.root) + "/" if folder else ""
        return SourceInfo(relpath, 0, 0, "")
    path = Path(location.path)
    suffix = next((s for s in _EXTENSION_SUFFIXES if path.name.endswith(s)), path.suffix)
    return SourceInfo(_relative(location.path, location.root), size, lines, suffix)


def _relative(path: str, root: str) -> str:
    try:
        return Path(os.path.relpath(path, root)).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).as_posix()


def related_entries(
    location: ModuleLocation, listings: dict[tuple[str, str], list[RelatedEntry]] | None = None
) -> tuple[RelatedEntry, ...]:
    """The modules and subpackages in the folder that holds *location*'s file.

    For a package, that is its own folder (its ``__init__`` and children); for a module,
    its package's folder. A top-level plain module has no package folder: nothing.
    *listings* keeps each folder's listing for the next module of the same folder.
    """
    if location.is_package:
        package = location.modname
    elif "." in location.modname:
        package = location.modname.rpartition(".")[0]
    else:
        return ()
    found: dict[str, RelatedEntry] = {}
    for folder in location.folders:
        if listings is None:
            entries = _folder_entries(folder, package)
        else:  # modules of one folder share its listing
            key = (folder, package)
            if key not in listings:
                listings[key] = _folder_entries(folder, package)
            entries = listings[key]
        for entry in entries:
            found.setdefault(entry.modname, entry)
    return tuple(sorted(found.values(), key=_related_order))


def _related_order(entry: RelatedEntry) -> tuple[bool, str, str]:
    return (entry.filename != "__init__.py", entry.filename.casefold(), entry.filename)


def _folder_entries(folder: str, package: str) -> list[RelatedEntry]:
    entries: list[RelatedEntry] = []
    try:
        with os.scandir(folder) as listing:
            items = sorted(listing, key=lambda item: item.name)
    except OSError as err:
        log.debug("cannot list %s: %s", folder, err)
        return entries
    for item in items:
        name = item.name
        try:
            is_dir = item.is_dir()
        except OSError:
            continue
        if is_dir:
            if not name.isidentifier() or name == "__pycache__":
                continue
            kind = _folder_kind(item.path)
            if kind is not None:
                entries.append(RelatedEntry(f"{package}.{name}", name + "/", kind))
        elif name == "__init__.py":
            entries.append(RelatedEntry(package, name, "package"))
        else:
            stem, suffix = _split_module_file(name)
            if stem and stem != "__init__":
                entries.append(RelatedEntry(f"{package}.{stem}", name, suffix))
    return entries


def _folder_kind(path: str) -> ModuleKind | None:
    if os.path.isfile(os.path.join(path, "__init__.py")):
        return "package"
    try:
        with os.scandir(path) as listing:
            if any(item.name.endswith(".py") for item in listing):
                return "namespace"
    except OSError:
        return None
    return None


def _split_module_file(name: str) -> tuple[str, ModuleKind]:
    for suffix in _SOURCE_SUFFIXES:
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            return (stem if stem.isidentifier() else ""), "module"
    for suffix in _EXTENSION_SUFFIXES:
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            return (stem if stem.isidentifier() else ""), "extension"
    return "", "module"


def top_level_names(pattern: str, search_path: Sequence[str] | None = None) -> list[str]:
    """Top-level modules and packages on the path whose name matches the glob *pattern*."""
    found: set[str] = set()
    for folder in search_path if search_path is not None else sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for name in names:
            stem = name.removesuffix(".py")
            if (
                stem.isidentifier()
                and fnmatch.fnmatchcase(stem, pattern)
                and (name.endswith(".py") or os.path.isdir(os.path.join(folder or ".", name)))
            ):
                found.add(stem)
    return sorted(found)


def iter_modules(location: ModuleLocation) -> Iterator[str]:
    """*location*'s module name and, for a package, every module below it (depth first).

    A folder that links back to one of its own ancestors ends that branch (a symbolic link
    loop); the same folder reached under two names (an alias link) is listed under both.
    """
    yield location.modname
    if not location.is_package:
        return
    pending = [(location.modname, folder, frozenset[str]()) for folder in location.folders]
    while pending:
        package, folder, ancestors = pending.pop()
        try:
            real = os.path.realpath(folder)
        except OSError:
            continue
        if real in ancestors:
            continue
        for entry in _folder_entries(folder, package):
            if entry.modname == package:
                continue
            yield entry.modname
            if entry.kind in {"package", "namespace"}:
                child = os.path.join(folder, entry.filename.rstrip("/"))
                pending.append((entry.modname, child, ancestors | {real}))
