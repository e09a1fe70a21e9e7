"""Hand-labelled expected keywords for the ``test-kwindex`` root.

These sets were written by hand from the labelling rules below, by reading
the source of ``tests/roots/test-kwindex/kwpkg``.  They were NOT produced by
running the analyser, so they act as an independent cross-check of it.

Rules applied (summary):

* ``classes``: every ``class`` statement at any depth, qualified through all
  enclosing classes *and* functions (``Circle.Style``, ``make.Local``).
* ``functions``: every ``def``/``async def`` that is NOT directly in a class
  body, any depth, qualified through enclosing functions/classes
  (``Circle.area.inner``, ``_tag.deco``).
* ``methods``: every ``def``/``async def`` directly in a class body, fully
  qualified (``Circle.Style.css``, ``make.Local.run``).  Decorated methods
  (``@property``, ``@staticmethod``) are still methods.
* ``attributes``: module-level names bound by (multi-target) assignment,
  annotated assignment with or without a value, augmented assignment,
  for-loop targets, with-as targets, tuple/list unpacking incl. starred.
  Statements inside module-level ``if``/``try``/``for``/``with`` bodies count.
  Not imports, not ``obj.attr``/``obj[key]`` targets, not names bound inside
  functions or class bodies.
* ``imports``: ``import a.b`` -> ``a.b``; ``import a.b as x`` -> ``a.b as x``;
  ``from M import n [as m]`` -> module ``M`` (relative imports resolved to an
  absolute name) and ``n`` / ``n as m``.  Imports at any depth count
  (function bodies, ``if TYPE_CHECKING:`` blocks).  Duplicates collapse.

Judgement calls (where the rules were ambiguous):

1. ``imports`` is a single flat set mixing module names and imported names,
   so ``from . import shapes`` in ``kwpkg.util`` yields ``kwpkg`` and
   ``shapes`` -- NOT ``kwpkg.shapes``, even though at runtime it imports the
   submodule ``kwpkg.shapes``.  The module part of ``from . import x`` is the
   package itself, exactly as the rule's ``from . import x`` example says.
2. ``import os.path`` yields only ``os.path`` (not also ``os``), and
   ``import xml.etree.ElementTree as ET`` yields only the aliased entry
   ``xml.etree.ElementTree as ET`` (no bare ``xml.etree.ElementTree``).
3. ``from M import n as m`` yields ``n as m`` only (no bare ``n`` and no
   bare ``m``).
4. ``DOUBLE = lambda x: ...`` is an attribute, never a function: the
   ``functions`` rule speaks only of ``def``/``async def``.
5. ``LIMIT: int`` (annotation without value) is treated as binding ``LIMIT``
   because the rule lists "annotated assignment (with or without value)",
   even though at runtime the name is not actually bound.
6. ``_i`` (module-level for-loop target) and ``_fh`` (module-level with-as
   target) are listed even though they are underscore-private: the rules
   do not exclude private names for any category (``_hidden``, ``_Impl``,
   ``_SNIPPET``, ``_tag`` likewise appear).
7. ``try:`` body statements count as module level (``DEFAULT_COLOR``); the
   root deliberately has nothing bound in ``except``/``else``/``finally``
   clauses, so no position is taken on those.
8. Dunder names bound by plain assignment (``__all__``, ``__version__``)
   are ordinary attributes.  The module docstring binds nothing.
9. For ``EXPECTED_LINES`` of an import display name that appears more than
   once (``json`` in ``dump`` and ``load``), the line is that of the FIRST
   import statement in source order, by analogy with the attribute rule
   ("first binding statement").  For a multi-line import statement the line
   is the statement's first line (the ``from`` line), not the alias's line.
10. Every module has every category key, with ``set()`` when empty.
"""

CATEGORIES = ("classes", "functions", "methods", "attributes", "imports")

EXPECTED = {
    # tests/roots/test-kwindex/kwpkg/__init__.py
    "kwpkg": {
        "classes": set(),
        "functions": set(),
        "methods": set(),
        "attributes": {"__all__", "__version__"},
        "imports": {
            # from .shapes import Circle, Square as Sq   (package __init__:
            # "." is kwpkg itself)
            "kwpkg.shapes",
            "Circle",
            "Square as Sq",
            # from . import util
            "kwpkg",
            "util",
        },
    },
    # tests/roots/test-kwindex/kwpkg/shapes.py
    "kwpkg.shapes": {
        "classes": {
            "Shape",
            "Circle",
            "Circle.Style",
            "Square",
            "make.Local",  # class inside a function
            # NOT "Fake" (comment) and NOT "NotAClass" (string literal)
        },
        "functions": {
            "Circle.area.inner",  # function nested in a method
            "make",
            "fetch",  # async def
            "_tag",
            "_tag.deco",
            "describe",  # decorated
            "dump",
            "walk",
            "load",
            # NOT "DOUBLE" (lambda)
        },
        "methods": {
            "Shape.area",
            "Circle.__init__",
            "Circle.area",
            "Circle.diameter",  # @property
            "Circle.Style.css",
            "Square.__init__",
            "Square.area",
            "Square.refresh",  # async def method
            "Square.unit",  # @staticmethod
            "make.Local.run",
        },
        "attributes": {
            "PI",
            "RATIO",  # annotated assignment with value
            "LIMIT",  # bare annotation
            "COUNT",  # plain + augmented assignment -> one entry
            "WIDTH",  # WIDTH = HEIGHT = 10
            "HEIGHT",
            "A",  # A, (B, C) = 1, (2, 3)
            "B",
            "C",
            "FIRST",  # FIRST, *REST = [1, 2, 3]
            "REST",
            "REGISTRY",  # REGISTRY = {}  (REGISTRY["x"] = 1 binds nothing)
            "_SNIPPET",
            "DOUBLE",
            "_i",  # module-level for target
            "_fh",  # module-level with-as target
            "DEFAULT_COLOR",  # inside module-level try body
            # NOT: "count"/"Circle.count" (attribute target), "kind" (class
            # body), "radius"/"side" (self.x in methods), "text" (function
            # local), "ET"/"Iterator"/"TYPE_CHECKING" (imports)
        },
        "imports": {
            "os.path",
            "xml.etree.ElementTree as ET",
            "typing",
            "TYPE_CHECKING",
            "Any",
            "collections.abc",  # inside `if TYPE_CHECKING:`
            "Iterator",
            "json",  # imported in dump() and load(): collapses
        },
    },
    # tests/roots/test-kwindex/kwpkg/util.py
    "kwpkg.util": {
        "classes": {"_Impl"},
        "functions": {"_hidden", "circle_area"},
        "methods": {"_Impl.run"},
        "attributes": set(),
        "imports": {
            # from . import shapes
            "kwpkg",
            "shapes",
            # from .shapes import Circle
            "kwpkg.shapes",
            "Circle",
            # from .sub.deep import (helper as h,)
            "kwpkg.sub.deep",
            "helper as h",
        },
    },
    # tests/roots/test-kwindex/kwpkg/sub/__init__.py  (docstring only)
    "kwpkg.sub": {
        "classes": set(),
        "functions": set(),
        "methods": set(),
        "attributes": set(),
        "imports": set(),
    },
    # tests/roots/test-kwindex/kwpkg/sub/deep.py
    "kwpkg.sub.deep": {
        "classes": set(),
        "functions": {"helper", "helper._step"},
        "methods": set(),
        "attributes": set(),
        "imports": {
            # from ..shapes import Square
            "kwpkg.shapes",
            "Square",
            # from .. import util
            "kwpkg",
            "util",
        },
    },
}

# (module, category, display name) -> 1-based line number.
# class/def: the line holding the `class`/`def` keyword (decorators excluded);
# imports: first line of the (first) import statement; attributes: first
# binding statement.
EXPECTED_LINES = {
    ("kwpkg", "imports", "kwpkg"): 4,
    ("kwpkg", "attributes", "__version__"): 7,
    ("kwpkg.shapes", "imports", "xml.etree.ElementTree as ET"): 7,
    ("kwpkg.shapes", "imports", "Iterator"): 11,  # in `if TYPE_CHECKING:`
    ("kwpkg.shapes", "attributes", "LIMIT"): 18,
    ("kwpkg.shapes", "attributes", "COUNT"): 19,  # not 20 (the +=)
    ("kwpkg.shapes", "attributes", "_fh"): 32,
    ("kwpkg.shapes", "attributes", "DEFAULT_COLOR"): 36,
    ("kwpkg.shapes", "functions", "Circle.area.inner"): 62,
    ("kwpkg.shapes", "methods", "Circle.diameter"): 68,  # @property on 67
    ("kwpkg.shapes", "classes", "Circle.Style"): 71,
    ("kwpkg.shapes", "methods", "Square.refresh"): 86,
    ("kwpkg.shapes", "classes", "make.Local"): 95,
    ("kwpkg.shapes", "functions", "fetch"): 102,
    ("kwpkg.shapes", "functions", "describe"): 117,  # decorator on 114-116
    ("kwpkg.shapes", "imports", "json"): 123,  # first of 123 / 133
    ("kwpkg.util", "imports", "helper as h"): 5,  # statement spans 5-7
    ("kwpkg.sub.deep", "functions", "helper._step"): 8,
}
