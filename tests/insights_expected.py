"""Hand-labelled code insights for the ``test-kwindex-insights`` root.

The modules live in ``tests/roots/test-kwindex-insights/``.  Every expected line
below was chosen by hand from the labelling rules of the code-insights issue,
without running the extension; in ``insightpkg`` each one carries a trailing
``# +key`` comment in the source, and ``# near-miss`` comments explain the
constructs that must NOT be reported.  ``lookalikes`` must yield nothing at all.

Line numbers are 1-based ``lineno`` of the node the rule names: the ``class`` /
``def`` keyword line (not the decorator line) for class and function keys, the
decorator expression for ``caching`` and the ``deprecated`` decorators, the first
line of a call that spans several lines (``danger.py`` ``check_call(``, ``legacy.py``
``warn_explicit(``).  Lists are sorted and hold each line once.

Judgement calls (the rules read literally):

* ``caching``: a bare ``functools.cache`` reference (no decorator, no call) is not
  reported; ``functools.lru_cache(maxsize=8)(f)`` is one entry on its line.
* ``abc``/``protocol``: only DIRECT bases count (``Square(Shape)`` where ``Shape(ABC)``,
  ``EnglishGreeter(Greeter)`` where ``Greeter(Protocol)``: not reported).
* ``generator``: an ``async def`` containing ``yield`` (async generator) is not a
  generator; a ``def`` whose only ``yield`` is in a nested def is not either.
* ``decorator``: only a ``return <name of a nested def>``; returning the nested
  function's call result, a lambda, or ``functools.partial(nested, ...)`` is not.
  Methods count (``Registry.register``).  Revised after a trial on sympy, where
  functions that return a closure (an evaluator) were reported as decorators: the
  returned function must also wrap something -- call the outer function's first
  argument, or take a function itself and call or return it.  So
  ``legacy._late_bound`` (no arguments on either side) is no longer a decorator.
* ``deprecation``: the ``@deprecated(...)`` decorators are reported at the decorator
  line; ``DeprecationWarning`` passed to ``warnings.simplefilter`` is a reference and
  counts; a ``UserWarning`` warn call is ``warnings`` only.
* ``logging``: ``logger = logging.getLogger(...)`` counts, later ``logger.info(...)``
  does not (``logger`` is a variable, not a name resolving into the module).
* ``global-state``: a name bound by an annotated assignment (``_TYPED: dict[...] = {}``)
  is a module-level container; a function-local rebinding or a parameter of the same
  name shadows it; ``.sort()`` is not in the method list; ``_counter += 1`` on an int
  is not a mutation (only its ``global`` line counts); mutations at module level are
  not reported.
* ``compile``: a parameter named ``compile`` shadows the builtin inside that function
  only; the builtin call in another function of the same module counts.
* ``shell``: ``shell=flag`` (not the literal ``True``) is not reported, but every line
  naming the subprocess module is a ``subprocess`` pattern, so ``subprocess.run(...,
  shell=False)`` lives in ``insightpkg.danger`` (a ``lookalikes`` module would not be
  empty with it).
* ``random-token``: ``rng = random.Random(7)`` then ``otp_code = rng.randint(...)`` is
  not reported (``rng`` is an instance, ``random.Random`` is not in the list); calls
  inside a generator expression or an f-string assigned to a matching name count.
* ``TESTS``: ``from insightpkg.caching import ...`` / ``import insightpkg.danger``
  map to those modules only, not to the ``insightpkg`` package itself.
"""

PATTERNS = {
    "insightpkg": {"logging": [12]},
    "insightpkg.caching": {
        "caching": [13, 19, 25, 42, 43, 52, 57],
        "property": [63],
    },
    "insightpkg.classes": {
        "dataclass": [21, 29, 37, 44, 51, 58],
        "abc": [80, 84, 89, 109, 113],
        "context-manager": [146],
        "property": [89, 105, 126, 130, 134, 138],
        "slots": [77, 96, 120],
        "overload": [189, 193, 197],
        "protocol": [156, 162, 168],
    },
    "insightpkg.concurrency": {
        "context-manager": [89, 113, 123],
        "async": [70, 76, 84, 92, 95, 98, 108, 123],
        "generator": [113, 129, 137, 146, 164],
        "threading": [16, 17, 22, 37],
        "multiprocessing": [29, 30, 37],
        "concurrent": [42, 48, 51],
    },
    "insightpkg.danger": {
        "subprocess": [85, 86, 87, 88, 89, 90, 91, 92, 93, 102],
    },
    "insightpkg.decorators": {"decorator": [7, 21, 24, 82]},
    "insightpkg.legacy": {
        # (not "decorator": [51]: see the note on decorators above)
        "warnings": [14, 20, 25, 35],
        "deprecation": [14, 20, 27, 41, 45, 54],
    },
    "insightpkg.state": {
        "logging": [9, 10, 49, 94],
        "global-state": [
            30, 31, 32, 33, 34, 35, 36, 37,  # register()
            43, 44, 45, 46, 47, 48,  # forget()
            54, 55, 56, 57,  # merge(): global _HANDLERS, +=, update, extend
            62,  # bump(): global _counter only
            92,  # Plugin.activate()
            101, 103,  # outer.inner(): global _counter, CONFIG[...] = ...
        ],
    },
}  # fmt: skip

SECURITY = {
    "insightpkg": {},
    "insightpkg.caching": {},
    "insightpkg.classes": {},
    "insightpkg.concurrency": {},
    "insightpkg.danger": {
        "eval": [35],
        "exec": [40, 46],
        "compile": [45],
        "pickle": [57, 58, 59],
        "marshal": [60, 61, 62],
        "yaml-load": [73, 74, 75, 76],
        "shell": [85, 86, 87, 88, 89, 93],
        "os-system": [107],
        "os-popen": [108],
        "mktemp": [116],
        "weak-hash": [123, 124, 125, 126, 127],
        "random-token": [140, 145, 146, 147, 148, 149, 159],
        "ssl-unverified": [169, 171, 172],
        "requests-unverified": [181, 182, 183, 184],
        "xml": [193, 194, 195, 196, 197, 198, 199],
    },
    "insightpkg.decorators": {},
    "insightpkg.legacy": {},
    "insightpkg.state": {},
}

# Every module of the package must report no pattern and no security finding.
LOOKALIKES = [
    "lookalikes",
    "lookalikes.names",
    "lookalikes.safe_calls",
    "lookalikes.shapes",
    "lookalikes.texts",
]

# Test files (relative to the root folder) importing each module, with their number
# of test functions: module-level ``def test_*`` plus ``def test_*`` in ``class Test*``.
TESTS = {
    "insightpkg": {},
    "insightpkg.caching": {"tests/test_caching.py": 3},
    "insightpkg.classes": {},
    "insightpkg.concurrency": {},
    "insightpkg.danger": {"tests/test_danger.py": 2},
    "insightpkg.decorators": {},
    "insightpkg.legacy": {},
    "insightpkg.state": {},
}

# Lines that are neither blank nor comment-only (docstring lines are code; no
# docstring or other string in these modules contains a blank line).
OVERVIEW = {
    "insightpkg": {"code_lines": 8},
    "insightpkg.caching": {"code_lines": 48},
    "insightpkg.classes": {"code_lines": 124},
    "insightpkg.concurrency": {"code_lines": 116},
    "insightpkg.danger": {"code_lines": 161},
    "insightpkg.decorators": {"code_lines": 61},
    "insightpkg.legacy": {"code_lines": 43},
    "insightpkg.state": {"code_lines": 80},
    "lookalikes": {"code_lines": 5},
    "lookalikes.names": {"code_lines": 29},
    "lookalikes.safe_calls": {"code_lines": 71},
    "lookalikes.shapes": {"code_lines": 73},
    "lookalikes.texts": {"code_lines": 11},
}
