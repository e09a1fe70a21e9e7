"""One ``ast`` pass over a module's source gives its keywords; nothing is imported or run."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from sphinx_kwindex.analysis.model import N_, Keyword, ModuleKeywords, SourceProblem

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

_NEWLINES = re.compile(r"\r\n|\r|\n")


class SourceError(Exception):
    """The source could not be read or parsed; carries a
    :class:`~sphinx_kwindex.analysis.model.SourceProblem`."""

    def __init__(self, problem: SourceProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class DecodedSource(NamedTuple):
    text: str
    #: Size of the file in bytes.
    size: int


def read_source(path: str) -> DecodedSource:
    """Decode *path* the way Python does: PEP 263 coding cookie, UTF-8 BOM, UTF-8 default."""
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise SourceError(
            SourceProblem.of("read", N_("cannot read the file: %s"), str(err.strerror))
        ) from err
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as err:  # an unknown or contradictory coding cookie
        line = err.lineno or 0
        raise SourceError(SourceProblem("read", str(err.msg), line)) from err
    try:
        return DecodedSource(data.decode(encoding), len(data))
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        byte = f"0x{data[err.start]:02x}"
        message = N_("the file is not valid %s (byte %s)")
        raise SourceError(
            SourceProblem.of("read", message, encoding, byte, line=line)
        ) from err


def count_lines(text: str) -> int:
    """Lines as Python counts them: a last line without a newline still counts."""
    breaks = len(_NEWLINES.findall(text))
    return breaks + (1 if text and not text.endswith(("\n", "\r")) else 0)


def parse(text: str, filename: str) -> ast.Module:
    """Parse *text*; every failure becomes a :class:`SourceError` of kind ``parse``."""
    if "\0" in text:  # SyntaxError or ValueError by version, and never with a line
        line = text.count("\n", 0, text.find("\0")) + 1
        message = N_("the source contains a NUL byte")
        raise SourceError(SourceProblem.of("parse", message, line=line))
    try:
        return ast.parse(text, filename=filename)
    except SyntaxError as err:
        message = N_("syntax error: %s")
        line = err.lineno or 0
        raise SourceError(SourceProblem.of("parse", message, err.msg, line=line)) from err
    except (RecursionError, MemoryError) as err:
        raise SourceError(
            SourceProblem.of("parse", N_("the code is nested too deeply to parse"))
        ) from err


def analyse(
    tree: ast.Module,
    modname: str,
    *,
    is_package: bool,
    bindings: dict[str, str] | None = None,
) -> ModuleKeywords:
    """Collect the keywords of a parsed module.

    Given a *bindings* dictionary, it is filled on the way with what every import statement
    binds: local name -> the dotted name it stands for (``import a.b`` binds ``a``; a relative
    import that reaches above the top package binds nothing). The insights use it.
    """
    collector = _Collector(modname, is_package, {} if bindings is None else bindings)
    try:
        collector.body(tree.body, prefix="", in_class=False, module_level=True)
    except RecursionError as err:
        raise SourceError(
            SourceProblem.of("parse", N_("the code is nested too deeply to analyse"))
        ) from err
    docstring = ast.get_docstring(tree, clean=True) or ""
    first = next((line.strip() for line in docstring.splitlines() if line.strip()), "")
    summary = plain_text(first)
    return ModuleKeywords(
        classes=_unique(collector.classes),
        functions=_unique(collector.functions),
        methods=_unique(collector.methods),
        attributes=_unique(collector.attributes),
        imports=_unique(collector.imports),
        summary=summary,
    )


_ROLE = re.compile(r":(?:[\w.+-]+:)+`(~?)([^`<]*?)\s*(?:<([^>`]*)>)?`")
_LITERAL = re.compile(r"``([^`]+)``")


def plain_text(line: str) -> str:
    """A docstring line without reST role and literal markup: ``:class:`~a.B``` -> ``B``."""

    def role(match: re.Match[str]) -> str:
        short, text, target = match.groups()
        if target is not None:
            return text or target
        return text.rpartition(".")[2] if short else text

    return _LITERAL.sub(r"\1", _ROLE.sub(role, line))


def is_private(keyword: Keyword, category: str) -> bool:
    """A ``_name`` (not a ``__dunder__``) anywhere in a definition's qualified name, or as
    the name an import binds."""
    parts = keyword.qualname.split(".")
    names = parts[:1] if category == "imports" else parts
    return any(part.startswith("_") and not _is_dunder(part) for part in names)


def resolve_relative(modname: str, is_package: bool, level: int, target: str | None) -> str:
    """The absolute name of ``from <level dots><target> import ...``, or ``""``."""
    parts = modname.split(".")
    base = parts if is_package else parts[:-1]
    if level - 1 > len(base) - 1 or not base:
        return ""
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, target] if target else base)


def _is_dunder(name: str) -> bool:
    return len(name) > 4 and name.startswith("__") and name.endswith("__")


def _unique(keywords: Iterable[Keyword]) -> tuple[Keyword, ...]:
    first: dict[str, Keyword] = {}
    for keyword in keywords:
        known = first.get(keyword.name)
        if known is None or keyword.line < known.line:
            first[keyword.name] = keyword
    return tuple(sorted(first.values(), key=lambda k: (k.name.casefold(), k.name)))


class _Collector:
    """One walk over the statements, with the qualified prefix and "in a class body"."""

    def __init__(self, modname: str, is_package: bool, bindings: dict[str, str]) -> None:
        self.modname = modname
        self.is_package = is_package
        self.bindings = bindings
        self.classes: list[Keyword] = []
        self.functions: list[Keyword] = []
        self.methods: list[Keyword] = []
        self.attributes: list[Keyword] = []
        self.imports: list[Keyword] = []

    def body(
        self, statements: list[ast.stmt], *, prefix: str, in_class: bool, module_level: bool
    ) -> None:
        for node in statements:
            self.statement(node, prefix=prefix, in_class=in_class, module_level=module_level)

    def statement(
        self, node: ast.stmt, *, prefix: str, in_class: bool, module_level: bool
    ) -> None:
        if isinstance(node, ast.ClassDef):
            qualname = prefix + node.name
            self.classes.append(self._defined(qualname, node.lineno))
            self.body(node.body, prefix=qualname + ".", in_class=True, module_level=False)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            qualname = prefix + node.name
            bucket = self.methods if in_class else self.functions
            bucket.append(self._defined(qualname, node.lineno))
            self.body(node.body, prefix=qualname + ".", in_class=False, module_level=False)
        elif isinstance(node, ast.Import):
            self._import(node)
        elif isinstance(node, ast.ImportFrom):
            self._import_from(node)
        else:
            if module_level:
                for name in _bound_names(node):
                    self.attributes.append(self._defined(name, node.lineno))
            for block in _nested_bodies(node):
                self.body(block, prefix=prefix, in_class=in_class, module_level=module_level)

    def _defined(self, qualname: str, line: int) -> Keyword:
        return Keyword(qualname, qualname, f"{self.modname}.{qualname}", line)

    def _import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.asname:
                name, qualname = f"{alias.name} as {alias.asname}", alias.asname
                self.bindings[alias.asname] = alias.name
            else:
                name = qualname = alias.name
                top = alias.name.partition(".")[0]
                self.bindings[top] = top
            self.imports.append(Keyword(name, qualname, alias.name, node.lineno, alias.name))

    def _import_from(self, node: ast.ImportFrom) -> None:
        if node.level:
            module = resolve_relative(self.modname, self.is_package, node.level, node.module)
            shown = module or "." * node.level + (node.module or "")
        else:
            module = shown = node.module or ""
        self.imports.append(Keyword(shown, shown, module, node.lineno, shown))
        for alias in node.names:
            if alias.name == "*":
                continue
            fullname = f"{module}.{alias.name}" if module else ""
            if fullname:
                self.bindings[alias.asname or alias.name] = fullname
            if alias.asname:
                name, qualname = f"{alias.name} as {alias.asname}", alias.asname
            else:
                name = qualname = alias.name
            self.imports.append(Keyword(name, qualname, fullname, node.lineno, shown))


_TYPE_ALIAS = getattr(ast, "TypeAlias", None)


def _bound_names(node: ast.stmt) -> Iterator[str]:
    """Names a module-level statement binds (imports and definitions are handled apart)."""
    targets: list[ast.expr] = []
    if isinstance(node, ast.Assign):
        targets = list(node.targets)
    elif isinstance(node, ast.AnnAssign | ast.AugAssign | ast.For | ast.AsyncFor):
        targets = [node.target]
    elif isinstance(node, ast.With | ast.AsyncWith):
        targets = [item.optional_vars for item in node.items if item.optional_vars is not None]
    elif _TYPE_ALIAS is not None and isinstance(node, _TYPE_ALIAS):
        targets = [node.name]
    for target in targets:
        yield from _target_names(target)
    yield from _walrus_names(node)


def _target_names(target: ast.expr) -> Iterator[str]:
    if isinstance(target, ast.Name):
        yield target.id
    elif isinstance(target, ast.Tuple | ast.List):
        for element in target.elts:
            yield from _target_names(element)
    elif isinstance(target, ast.Starred):
        yield from _target_names(target.value)


def _walrus_names(node: ast.stmt) -> Iterator[str]:
    """``(name := value)`` in a module-level statement's own expressions binds a name."""
    for _field, value in ast.iter_fields(node):
        values = value if isinstance(value, list) else [value]
        for item in values:
            if isinstance(item, ast.expr):
                yield from _walrus_in(item)


def _walrus_in(expr: ast.expr) -> Iterator[str]:
    stack: list[ast.AST] = [expr]
    while stack:
        current = stack.pop()
        if isinstance(current, ast.Lambda):
            continue
        if isinstance(current, ast.NamedExpr) and isinstance(current.target, ast.Name):
            yield current.target.id
        stack.extend(ast.iter_child_nodes(current))


def _nested_bodies(node: ast.stmt) -> Iterator[list[ast.stmt]]:
    """Statement blocks inside compound statements that do not open a new scope."""
    for field in ("body", "orelse", "finalbody"):
        block = getattr(node, field, None)
        if isinstance(block, list) and block and isinstance(block[0], ast.stmt):
            yield block
    for handler in getattr(node, "handlers", ()):
        yield handler.body
    for case in getattr(node, "cases", ()):
        yield case.body
