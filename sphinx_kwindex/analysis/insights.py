"""What kind of code a module is: code patterns and security-sensitive calls, found by names
resolved through the module's own imports (``from functools import lru_cache as memo`` makes
``@memo`` caching), never by searching text. A name the module defines itself, or a function's
parameter or local of the same name, is not the builtin or the import it shadows.

Everything here walks the tree that :mod:`sphinx_kwindex.analysis.python` parsed: no second
parse. Findings are hints for a reader, not verdicts.
"""

from __future__ import annotations

import ast
import builtins
import functools
import re
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Collection, Iterator, Mapping, Sequence

from sphinx_kwindex.analysis.model import N_
from sphinx_kwindex.analysis.python import plain_text, resolve_relative


class Finding(NamedTuple):
    """A pattern or a sensitive call, where it is."""

    key: str
    line: int
    #: The resolved name behind it (``functools.lru_cache``), for a reader.
    detail: str


class Insights(NamedTuple):
    #: First paragraph of the module docstring, as plain text.
    overview: str
    #: Lines that are neither blank nor only a comment.
    code_lines: int
    patterns: tuple[Finding, ...]
    security: tuple[Finding, ...]


#: Why each security finding matters, in one line: English in ``kwindex.json``, translated on
#: pages (``N_`` only marks the texts for the message catalog).
SECURITY_REASONS = {
    "eval": N_("evaluates a string as Python code"),
    "exec": N_("executes a string as Python code"),
    "compile": N_("compiles a string into code that can then be run"),
    "pickle": N_("unpickling runs code chosen by whoever wrote the data"),
    "marshal": N_("marshal data is not safe against crafted input"),
    "yaml-load": N_("yaml.load without a safe loader can build arbitrary objects"),
    "shell": N_("a shell parses the command: mind what goes into it"),
    "os-system": N_("runs a command through the shell"),
    "os-popen": N_("runs a command through the shell"),
    "mktemp": N_("the name can be taken before the file is created (use mkstemp)"),
    "weak-hash": N_("MD5 and SHA-1 are broken for security uses"),
    "random-token": N_("the random module is predictable: use secrets for tokens"),
    "ssl-unverified": N_("turns off certificate or host name checks"),
    "requests-unverified": N_("turns off certificate checks"),
    "xml": N_(
        "the standard library's XML parsers are not safe against crafted input (defusedxml is)"
    ),
}

_CACHING = {"functools.cache", "functools.lru_cache", "functools.cached_property"}
_ATTRS = {
    f"{module}.{name}"
    for module in ("attr", "attrs")
    for name in ("s", "attrs", "define", "frozen", "mutable", "dataclass")
}
_DATACLASS = {"dataclasses.dataclass", *_ATTRS}
_ABSTRACT = {"abc.abstractmethod"}
_CONTEXT = {"contextlib.contextmanager", "contextlib.asynccontextmanager"}
_OVERLOAD = {"typing.overload", "typing_extensions.overload"}
_PROTOCOL = {"typing.Protocol", "typing_extensions.Protocol"}
_DEPRECATED = {"warnings.deprecated", "typing_extensions.deprecated"}
_DEPRECATION_WARNINGS = {
    "builtins.DeprecationWarning",
    "builtins.PendingDeprecationWarning",
    "builtins.FutureWarning",
}
_MODULE_USES = {
    "threading": "threading",
    "multiprocessing": "multiprocessing",
    "concurrent": "concurrent",
    "subprocess": "subprocess",
    "logging": "logging",
}
_MUTABLE_FACTORIES = {
    "builtins.list",
    "builtins.dict",
    "builtins.set",
    "collections.defaultdict",
    "collections.OrderedDict",
    "collections.Counter",
    "collections.deque",
}
_MUTATORS = {
    "append",
    "extend",
    "insert",
    "remove",
    "pop",
    "clear",
    "update",
    "setdefault",
    "add",
    "discard",
    "popitem",
    "appendleft",
}
_SIMPLE_CALLS = {
    "builtins.eval": "eval",
    "builtins.exec": "exec",
    "builtins.compile": "compile",
    "pickle.load": "pickle",
    "pickle.loads": "pickle",
    "pickle.Unpickler": "pickle",
    "marshal.load": "marshal",
    "marshal.loads": "marshal",
    "yaml.unsafe_load": "yaml-load",
    "subprocess.getoutput": "shell",
    "subprocess.getstatusoutput": "shell",
    "os.system": "os-system",
    "os.popen": "os-popen",
    "tempfile.mktemp": "mktemp",
    "ssl._create_unverified_context": "ssl-unverified",
}
_SHELL_CALLS = {
    f"subprocess.{name}" for name in ("run", "call", "check_call", "check_output", "Popen")
}
_RANDOM = {
    f"random.{name}"
    for name in (
        "random",
        "randint",
        "randrange",
        "choice",
        "choices",
        "sample",
        "getrandbits",
        "randbytes",
    )
}
_REQUESTS = {
    f"requests.{name}"
    for name in ("get", "post", "put", "patch", "delete", "head", "options", "request")
}
_XML = {
    *(
        f"xml.etree.ElementTree.{name}"
        for name in ("parse", "fromstring", "XML", "iterparse", "XMLParser")
    ),
    "xml.dom.minidom.parse",
    "xml.dom.minidom.parseString",
    "xml.sax.parse",
    "xml.sax.parseString",
    "xml.sax.make_parser",
    "xml.dom.pulldom.parse",
    "xml.dom.pulldom.parseString",
}
_PROPERTY_PARTS = {"setter", "getter", "deleter"}
_SECRET = re.compile(r"token|secret|password|passwd|salt|nonce|otp|csrf|key", re.IGNORECASE)
_SAFE_LOADERS = {"yaml.SafeLoader", "yaml.CSafeLoader"}
_BUILTINS = frozenset(dir(builtins))


def module_insights(
    tree: ast.Module,
    text: str,
    modname: str,
    *,
    is_package: bool,
    bindings: Mapping[str, str] | None = None,
) -> Insights:
    """The overview, patterns and sensitive calls of a parsed module.

    *bindings* are the module's import bindings when the keyword walk has collected them
    already (see :func:`~sphinx_kwindex.analysis.python.analyse`); otherwise they are read
    here.
    """
    if bindings is None:
        bindings = _aliases(tree, modname, is_package)
    finder = _Finder(tree, text, bindings)
    finder.body(tree.body)
    docstring = ast.get_docstring(tree, clean=True) or ""
    paragraph = docstring.split("\n\n", 1)[0]
    overview = plain_text(" ".join(line.strip() for line in paragraph.splitlines()))
    return Insights(
        overview=overview,
        code_lines=code_lines(text),
        patterns=tuple(sorted(finder.patterns)),
        security=tuple(sorted(finder.security)),
    )


def code_lines(text: str) -> int:
    """Lines that are neither blank nor only a comment (a docstring's lines count)."""
    return sum(
        1 for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    )


#: Modules whose names, used in expressions, make findings (decorators, bases and module-level
#: values are read without this filter: dataclasses, abc, typing... need no look here).
_RELEVANT = frozenset(
    {
        "functools",
        "warnings",
        "threading",
        "multiprocessing",
        "concurrent",
        "subprocess",
        "logging",
        "pickle",
        "marshal",
        "yaml",
        "os",
        "tempfile",
        "hashlib",
        "random",
        "ssl",
        "requests",
        "xml",
    }
)
_WATCHED_BUILTINS = frozenset(
    {
        "eval",
        "exec",
        "compile",
        "DeprecationWarning",
        "PendingDeprecationWarning",
        "FutureWarning",
    }
)
#: Words that matter without an import: a statement without any watched word is not read.
_WATCHED_WORDS = ("yield", "check_hostname")
_COMPOUND_BODIES = ("body", "orelse", "finalbody")
#: Statements with blocks of statements (``def`` and ``class`` are read apart).
_COMPOUND: tuple[type[ast.stmt], ...] = (
    ast.If,
    ast.For,
    ast.AsyncFor,
    ast.While,
    ast.With,
    ast.AsyncWith,
    ast.Try,
    ast.Match,
    *((ast.TryStar,) if hasattr(ast, "TryStar") else ()),
)


class _Function:
    """What is known of the function being read."""

    __slots__ = ("generator", "locals", "name", "nested", "node")

    def __init__(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.node = node
        self.name = node.name
        # names bound in it: parameters, and the stores seen so far
        self.locals = {arg.arg for arg in _arguments(node.args)}
        # functions defined directly in it
        self.nested: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = {}
        self.generator = False


class _Finder:
    """One walk over the statements; expressions are read only where a watched name is.

    A watched name is an import of a module the findings are about, a builtin they are about
    (``eval``, ``property``...), or a module-level mutable container. The source lines that
    hold one are found first; a statement on no such line holds no finding, so its
    expressions are not walked (most of a module, usually).
    """

    def __init__(self, tree: ast.Module, text: str, bindings: Mapping[str, str]) -> None:
        self.aliases = bindings
        self.uses_random = any(
            target.partition(".")[0] == "random" for target in bindings.values()
        )
        self.module_names = _module_bindings(tree)
        self.functions: list[_Function] = []
        self.patterns: set[Finding] = set()
        self.security: set[Finding] = set()
        self.mutable = _mutable_globals(tree, self)
        watched = {
            alias
            for alias, target in self.aliases.items()
            if target.partition(".")[0] in _RELEVANT
        }
        watched |= _WATCHED_BUILTINS - self.module_names
        watched |= self.mutable
        self.lines = _lines_with(text, watched | set(_WATCHED_WORDS))

    # -- names ----------------------------------------------------------------------
    def resolve(self, node: ast.expr) -> str | None:
        """The dotted name an expression stands for, through imports; ``None`` if unknown."""
        attributes: list[str] = []
        while isinstance(node, ast.Attribute):
            attributes.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return None
        name = node.id
        if any(name in function.locals for function in self.functions):
            return None
        if name in self.aliases:
            base = self.aliases[name]
        elif name in _BUILTINS and name not in self.module_names:
            base = f"builtins.{name}"
        else:
            return None
        return ".".join([base, *reversed(attributes)])

    def pattern(self, key: str, line: int, detail: str) -> None:
        self.patterns.add(Finding(key, line, detail))

    def sensitive(self, key: str, line: int, detail: str) -> None:
        self.security.add(Finding(key, line, detail))

    def touches(self, first: int, last: int) -> bool:
        if first >= last:
            return first in self.lines
        return not self.lines.isdisjoint(range(first, last + 1))

    # -- statements -------------------------------------------------------------------
    def body(self, statements: list[ast.stmt]) -> None:
        for statement in statements:
            self.statement(statement)

    def statement(self, node: ast.stmt) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            self.function(node)
        elif isinstance(node, ast.ClassDef):
            self.klass(node)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            return  # an import is not a use (and its aliases are known already)
        elif isinstance(node, ast.Global):
            self.pattern("global-state", node.lineno, "global " + ", ".join(node.names))
            if self.functions:
                self.functions[-1].locals.difference_update(node.names)
        elif isinstance(node, ast.Return):
            self.returned(node)
        elif isinstance(node, _COMPOUND):
            self.compound(node)
        elif self.touches(node.lineno, node.end_lineno or node.lineno):
            self.simple(node)

    def function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        if self.functions:
            self.functions[-1].nested[node.name] = node
            self.functions[-1].locals.add(node.name)
        if isinstance(node, ast.AsyncFunctionDef):
            self.pattern("async", node.lineno, "async def")
        for decorator in node.decorator_list:
            self.decorator(decorator, node)
        header = [
            *node.args.defaults,
            *node.args.kw_defaults,
            node.returns,
            *(arg.annotation for arg in _arguments(node.args)),
        ]
        if self.touches(node.lineno, node.body[0].lineno - 1):
            self.expressions([part for part in header if part is not None])
        current = _Function(node)
        self.functions.append(current)
        self.body(node.body)
        self.functions.pop()
        if current.generator and isinstance(node, ast.FunctionDef):
            self.pattern("generator", node.lineno, "yield")

    def klass(self, node: ast.ClassDef) -> None:
        if self.functions:
            self.functions[-1].locals.add(node.name)
        for decorator in node.decorator_list:
            self.decorator(decorator, node)
        for base in node.bases:
            target = base.value if isinstance(base, ast.Subscript) else base
            name = self.resolve(target)
            if name == "abc.ABC":
                self.pattern("abc", node.lineno, name)
            elif name in _PROTOCOL:
                self.pattern("protocol", node.lineno, name)
        for keyword in node.keywords:
            if keyword.arg == "metaclass" and self.resolve(keyword.value) == "abc.ABCMeta":
                self.pattern("abc", node.lineno, "abc.ABCMeta")
        if self.touches(node.lineno, node.body[0].lineno - 1):
            self.expressions([*node.bases, *(keyword.value for keyword in node.keywords)])
        methods = {
            item.name
            for item in node.body
            if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)
        }
        if {"__enter__", "__exit__"} <= methods or {"__aenter__", "__aexit__"} <= methods:
            self.pattern("context-manager", node.lineno, "__enter__/__exit__")
        for item in node.body:
            if isinstance(item, ast.Assign | ast.AnnAssign):
                targets = item.targets if isinstance(item, ast.Assign) else [item.target]
                if any(isinstance(t, ast.Name) and t.id == "__slots__" for t in targets):
                    self.pattern("slots", item.lineno, "__slots__")
        self.body(node.body)

    def decorator(
        self, decorator: ast.expr, owner: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef
    ) -> None:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        name = self.resolve(target)
        line = owner.lineno
        if name in _CACHING:
            self.pattern("caching", decorator.lineno, name)
        elif name in _DATACLASS and isinstance(owner, ast.ClassDef):
            self.pattern("dataclass", line, name)
        elif name in _ABSTRACT:
            self.pattern("abc", line, name)
        elif name in _CONTEXT:
            self.pattern("context-manager", line, name)
        elif name in _OVERLOAD:
            self.pattern("overload", line, name)
        elif name in _DEPRECATED:
            self.pattern("deprecation", decorator.lineno, name)
        elif name == "builtins.property" or (
            isinstance(target, ast.Attribute) and target.attr in _PROPERTY_PARTS
        ):
            self.pattern("property", line, "property")
        # the rest of it (arguments, other names) is read like any expression
        parts = (
            decorator.args + [k.value for k in decorator.keywords]
            if isinstance(decorator, ast.Call)
            else []
        )
        if parts or not isinstance(decorator, ast.Name | ast.Attribute):
            self.expressions(parts)
        elif name is not None:
            self.use(name, decorator.lineno)

    def compound(self, node: ast.stmt) -> None:
        """``if``, loops, ``with``, ``try``, ``match``: their own expressions, then bodies."""
        blocks = [getattr(node, field, None) for field in _COMPOUND_BODIES]
        blocks += [handler.body for handler in getattr(node, "handlers", ())]
        blocks += [case.body for case in getattr(node, "cases", ())]
        first_body = min((block[0].lineno for block in blocks if block), default=node.lineno)
        if self.touches(node.lineno, max(node.lineno, first_body - 1)):
            self.expressions(_header(node))
        for case in getattr(node, "cases", ()):
            guard = case.guard
            if guard is not None and self.touches(guard.lineno, guard.end_lineno or 0):
                self.expressions([guard])
        for handler in getattr(node, "handlers", ()):
            if handler.type is not None and self.touches(handler.lineno, handler.lineno):
                self.expressions([handler.type])
        for block in blocks:
            if block:
                self.body(block)

    def simple(self, node: ast.stmt) -> None:
        """A statement on a line with a watched name: its expressions, and what it binds."""
        if isinstance(node, ast.Assign):
            for target in node.targets:
                self.stored(target, node.lineno)
                if (
                    isinstance(target, ast.Attribute)
                    and target.attr == "check_hostname"
                    and isinstance(node.value, ast.Constant)
                    and node.value.value is False
                ):
                    self.sensitive("ssl-unverified", node.lineno, "check_hostname = False")
            if any(_secret_target(target) for target in node.targets):
                self.random_calls(node.value)
        elif isinstance(node, ast.AnnAssign):
            self.stored(node.target, node.lineno)
            if node.value is not None and _secret_target(node.target):
                self.random_calls(node.value)
        elif isinstance(node, ast.AugAssign):
            self.stored(node.target, node.lineno, augmented=True)
            if _secret_target(node.target):
                self.random_calls(node.value)
        elif isinstance(node, ast.Delete):
            for target in node.targets:
                self.stored(target, node.lineno)
        self.expressions([node])

    def returned(self, node: ast.Return) -> None:
        function = self.functions[-1] if self.functions else None
        if (
            function is not None
            and isinstance(node.value, ast.Name)
            and node.value.id in function.nested
            and _wraps(function.node, function.nested[node.value.id])
        ):
            self.pattern("decorator", function.node.lineno, "returns a wrapper")
        if node.value is not None and self.touches(
            node.lineno, node.end_lineno or node.lineno
        ):
            if function is not None and _SECRET.search(function.name):
                self.random_calls(node.value)
            self.expressions([node.value])

    def stored(self, target: ast.expr, line: int, *, augmented: bool = False) -> None:
        """Bindings (locals) and mutations of module-level containers."""
        if self.functions:
            if (
                isinstance(target, ast.Subscript)
                and isinstance(target.value, ast.Name)
                and self.mutable_global(target.value.id)
            ):
                self.pattern("global-state", line, target.value.id)
            elif augmented and isinstance(target, ast.Name) and self.mutable_global(target.id):
                self.pattern("global-state", line, target.id)
            elif not augmented:
                self.functions[-1].locals.update(_stored(target))

    def mutable_global(self, name: str) -> bool:
        return name in self.mutable and not any(
            name in function.locals for function in self.functions
        )

    def random_calls(self, value: ast.expr) -> None:
        if not self.uses_random:
            return
        for child in ast.walk(value):
            if isinstance(child, ast.Call):
                name = self.resolve(child.func)
                if name in _RANDOM:
                    self.sensitive("random-token", child.lineno, name)

    # -- expressions ------------------------------------------------------------------
    def expressions(self, roots: Sequence[ast.AST]) -> None:
        stack: list[ast.AST] = list(roots)
        while stack:
            node = stack.pop()
            if node.__class__ in _LEAVES:
                continue
            if isinstance(node, ast.Call):
                self.call(node)
            elif isinstance(node, ast.Attribute | ast.Name):
                if isinstance(node.ctx, ast.Load):
                    name = self.resolve(node)
                    if name is not None:
                        self.use(name, node.lineno)
                        continue  # a resolved chain holds nothing else
                elif isinstance(node, ast.Name) and self.functions:
                    self.functions[-1].locals.add(node.id)
            elif isinstance(node, ast.Yield | ast.YieldFrom):
                if self.functions:
                    self.functions[-1].generator = True
            elif isinstance(
                node, ast.Lambda | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef
            ):
                continue
            for field in _child_fields(node.__class__):
                value = getattr(node, field, None)
                if value.__class__ is list:
                    stack.extend(value)  # may hold None (``{**x}``'s key): a leaf
                elif isinstance(value, ast.AST):
                    stack.append(value)

    def use(self, name: str, line: int) -> None:
        """A reference to a resolved name: module uses, deprecation warnings, CERT_NONE."""
        if name in _DEPRECATION_WARNINGS:
            self.pattern("deprecation", line, name.removeprefix("builtins."))
        elif name == "ssl.CERT_NONE":
            self.sensitive("ssl-unverified", line, name)
        key = _MODULE_USES.get(name.partition(".")[0])
        if key is not None:
            self.pattern(key, line, key)

    def call(self, node: ast.Call) -> None:
        name = self.resolve(node.func)
        if name is None:
            func = node.func
            if (
                isinstance(func, ast.Attribute)
                and isinstance(func.value, ast.Name)
                and func.attr in _MUTATORS
                and self.functions
                and self.mutable_global(func.value.id)
            ):
                self.pattern("global-state", node.lineno, func.value.id)
            return
        line = node.lineno
        if name in _CACHING:
            self.pattern("caching", line, name)
        if name in {"warnings.warn", "warnings.warn_explicit"}:
            self.pattern("warnings", line, name)
        if name in _SIMPLE_CALLS:
            self.sensitive(_SIMPLE_CALLS[name], line, name)
        elif name == "yaml.load" and not self.safe_yaml(node):
            self.sensitive("yaml-load", line, name)
        elif name in _SHELL_CALLS and _keyword_is(node, "shell", value=True):
            self.sensitive("shell", line, name + "(shell=True)")
        elif name in {"hashlib.md5", "hashlib.sha1"} and not _keyword_is(
            node, "usedforsecurity", value=False
        ):
            self.sensitive("weak-hash", line, name)
        elif name == "hashlib.new" and _weak_new(node):
            self.sensitive("weak-hash", line, "hashlib.new")
        elif name in _REQUESTS and _keyword_is(node, "verify", value=False):
            self.sensitive("requests-unverified", line, name + "(verify=False)")
        elif name in _XML:
            self.sensitive("xml", line, name)

    def safe_yaml(self, node: ast.Call) -> bool:
        loaders = [keyword.value for keyword in node.keywords if keyword.arg == "Loader"]
        if len(node.args) > 1:
            loaders.append(node.args[1])
        return any(self.resolve(loader) in _SAFE_LOADERS for loader in loaders)


def _wraps(
    outer: ast.FunctionDef | ast.AsyncFunctionDef,
    inner: ast.FunctionDef | ast.AsyncFunctionDef,
) -> bool:
    """Whether returning *inner* makes *outer* a decorator (or a decorator factory): *inner*
    calls *outer*'s first argument (it wraps it), or takes a function itself and calls or
    returns it (a factory's decorator, or a registering one)."""
    outer_params = [arg.arg for arg in [*outer.args.posonlyargs, *outer.args.args]]
    if outer_params[:1] in (["self"], ["cls"]):
        outer_params = outer_params[1:]
    inner_params = [arg.arg for arg in [*inner.args.posonlyargs, *inner.args.args]]
    called, returned = set(), set()
    for node in ast.walk(inner):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            called.add(node.func.id)
        elif isinstance(node, ast.Return) and isinstance(node.value, ast.Name):
            returned.add(node.value.id)
    if outer_params and outer_params[0] in called:
        return True
    return bool(inner_params) and (inner_params[0] in called or inner_params[0] in returned)


#: Nodes without anything below them that matters (and the non-nodes a list can hold).
_LEAVES = frozenset({ast.Constant, ast.Pass, ast.Break, ast.Continue, type(None), str})
#: Fields that never hold an expression or a statement (contexts, operators, plain values).
_NOT_CHILDREN = frozenset(
    {"ctx", "op", "ops", "id", "attr", "arg", "kind", "type_comment", "conversion", "names"}
)


_FIELDS: dict[type, tuple[str, ...]] = {}


def _child_fields(cls: type[ast.AST]) -> tuple[str, ...]:
    """The fields of a node class that may hold nodes (computed once per class)."""
    fields = _FIELDS.get(cls)
    if fields is None:
        fields = _FIELDS[cls] = tuple(f for f in cls._fields if f not in _NOT_CHILDREN)
    return fields


def _header(node: ast.stmt) -> list[ast.expr]:
    """The expressions of a compound statement outside its blocks."""
    if isinstance(node, ast.If | ast.While):
        return [node.test]
    if isinstance(node, ast.For | ast.AsyncFor):
        return [node.target, node.iter]
    if isinstance(node, ast.With | ast.AsyncWith):
        return [
            part
            for item in node.items
            for part in (item.context_expr, item.optional_vars)
            if part is not None
        ]
    if isinstance(node, ast.Match):
        return [node.subject]
    return []  # try: only its handlers' types, read apart


def _weak_new(node: ast.Call) -> bool:
    return (
        bool(node.args)
        and isinstance(node.args[0], ast.Constant)
        and str(node.args[0].value).lower() in {"md5", "sha1"}
        and not _keyword_is(node, "usedforsecurity", value=False)
    )


def _lines_with(text: str, words: Collection[str]) -> frozenset[int]:
    """The line numbers (1-based) where any of *words* appears as a whole name (not as an
    attribute: ``x.eval`` is not ``eval``)."""
    if not words:
        return frozenset()
    if len(words) <= _FEW_WORDS:
        # each word on its own: the regex engine scans for a literal, much faster than for
        # an alternation (or than for every name); the character before is checked here
        positions = sorted(
            position for word in words for position in _starts_of(_word_pattern(word), text)
        )
    else:  # many words (a module of thousands of globals): every name, looked up
        wanted = frozenset(words)
        positions = [m.start() for m in _NAME.finditer(text) if m.group() in wanted]
    lines: set[int] = set()
    line, previous = 1, 0
    for position in positions:
        line += text.count("\n", previous, position)
        previous = position
        lines.add(line)
    return frozenset(lines)


_FEW_WORDS = 40
_NAME = re.compile(r"(?<![\w.])[^\W\d]\w*")


@functools.lru_cache(maxsize=1024)
def _word_pattern(word: str) -> re.Pattern[str]:
    return re.compile(re.escape(word) + r"(?!\w)")


def _starts_of(pattern: re.Pattern[str], text: str) -> Iterator[int]:
    for match in pattern.finditer(text):
        position = match.start()
        before = text[position - 1] if position else " "
        if before not in {".", "_"} and not before.isalnum():
            yield position


def _keyword_is(node: ast.Call, name: str, *, value: object) -> bool:
    return any(
        keyword.arg == name
        and isinstance(keyword.value, ast.Constant)
        and keyword.value.value is value
        for keyword in node.keywords
    )


def _secret_target(target: ast.expr) -> bool:
    if isinstance(target, ast.Name):
        return bool(_SECRET.search(target.id))
    if isinstance(target, ast.Attribute):
        return bool(_SECRET.search(target.attr))
    if isinstance(target, ast.Tuple | ast.List):
        return any(_secret_target(element) for element in target.elts)
    return False


def _aliases(tree: ast.Module, modname: str, is_package: bool) -> dict[str, str]:
    """Every name an import statement binds (anywhere in the module) -> what it stands for.

    Imports are statements, so only statements are walked, not expressions.
    """
    aliases: dict[str, str] = {}
    for node in _statements(tree.body):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    aliases[alias.asname] = alias.name
                else:
                    top = alias.name.partition(".")[0]
                    aliases[top] = top
        elif isinstance(node, ast.ImportFrom):
            module = (
                resolve_relative(modname, is_package, node.level, node.module)
                if node.level
                else node.module or ""
            )
            if not module:
                continue
            for alias in node.names:
                if alias.name != "*":
                    aliases[alias.asname or alias.name] = f"{module}.{alias.name}"
    return aliases


def _statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Every statement, at any depth (function and class bodies, blocks of compound ones)."""
    stack = list(reversed(body))
    while stack:
        node = stack.pop()
        yield node
        for field in ("body", "orelse", "finalbody"):
            block = getattr(node, field, None)
            if isinstance(block, list):
                stack.extend(item for item in block if isinstance(item, ast.stmt))
        for handler in getattr(node, "handlers", ()):
            stack.extend(handler.body)
        for case in getattr(node, "cases", ()):
            stack.extend(case.body)


def _module_bindings(tree: ast.Module) -> frozenset[str]:
    """Names the module itself binds (definitions, assignments): they shadow builtins."""
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                names.update(_stored(target))
    return frozenset(names)


def _mutable_globals(tree: ast.Module, finder: _Finder) -> frozenset[str]:
    """Module-level names bound to a list, dict or set (or such a container's factory)."""
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            value = node.value
            container = (
                ast.List | ast.Dict | ast.Set | ast.ListComp | ast.DictComp | ast.SetComp
            )
            mutable = isinstance(value, container) or (
                isinstance(value, ast.Call)
                and finder.resolve(value.func) in _MUTABLE_FACTORIES
            )
            if mutable:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Name):
                        names.add(target.id)
    return frozenset(names)


def _stored(target: ast.expr) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, ast.Tuple | ast.List):
        return [name for element in target.elts for name in _stored(element)]
    if isinstance(target, ast.Starred):
        return _stored(target.value)
    return []


def _arguments(args: ast.arguments) -> list[ast.arg]:
    return [
        *args.posonlyargs,
        *args.args,
        *args.kwonlyargs,
        *([args.vararg] if args.vararg else []),
        *([args.kwarg] if args.kwarg else []),
    ]
