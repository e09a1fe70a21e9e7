"""The analyser alone (no Sphinx): keywords, encodings, errors, locating files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from expected_keywords import EXPECTED, EXPECTED_LINES

from sphinx_kwindex.analysis import study_module
from sphinx_kwindex.analysis.locate import iter_modules, locate, related_entries
from sphinx_kwindex.analysis.python import (
    SourceError,
    analyse,
    count_lines,
    is_private,
    parse,
    read_source,
    resolve_relative,
)

ROOT = str(Path(__file__).parent / "roots" / "test-kwindex")


@pytest.mark.parametrize("modname", sorted(EXPECTED))
def test_keywords_match_the_hand_labelled_sets(modname: str) -> None:
    facts = study_module(modname, [ROOT])
    assert facts.problem is None
    assert facts.keywords is not None
    for category, expected in EXPECTED[modname].items():
        found = [keyword.name for keyword in facts.keywords.category(category)]
        assert set(found) == expected, category
        assert len(found) == len(set(found)), f"duplicates in {category}"
        assert found == sorted(found, key=lambda name: (name.casefold(), name))


def test_keyword_lines_match_the_hand_labelled_lines() -> None:
    for (modname, category, name), line in EXPECTED_LINES.items():
        facts = study_module(modname, [ROOT])
        assert facts.keywords is not None
        by_name = {keyword.name: keyword for keyword in facts.keywords.category(category)}
        assert by_name[name].line == line, (modname, category, name)


def test_keyword_targets_are_absolute_dotted_names() -> None:
    facts = study_module("kwpkg.util", [ROOT])
    assert facts.keywords is not None
    imports = {keyword.name: keyword for keyword in facts.keywords.imports}
    assert imports["helper as h"].fullname == "kwpkg.sub.deep.helper"
    assert imports["helper as h"].qualname == "h"
    assert imports["kwpkg.sub.deep"].fullname == "kwpkg.sub.deep"
    functions = {keyword.name: keyword for keyword in facts.keywords.functions}
    assert functions["circle_area"].fullname == "kwpkg.util.circle_area"


@pytest.mark.parametrize(
    ("modname", "is_package", "level", "target", "expected"),
    [
        ("a.b.c", False, 1, "x", "a.b.x"),
        ("a.b.c", False, 2, None, "a"),
        ("a.b.c", False, 3, "x", ""),  # beyond the top-level package
        ("a.b", True, 1, None, "a.b"),
        ("a.b", True, 2, "y", "a.y"),
        ("top", False, 1, "x", ""),  # a top-level module has no package
    ],
)
def test_relative_imports_resolve(modname, is_package, level, target, expected) -> None:
    assert resolve_relative(modname, is_package, level, target) == expected


def test_docstrings_comments_and_strings_give_no_keywords() -> None:
    tree = parse(
        '"""class A: def f(): import os"""\n# class B:\nX = "class C: pass"\n', "m.py"
    )
    keywords = analyse(tree, "m", is_package=False)
    assert keywords.classes == keywords.functions == keywords.imports == ()
    assert [k.name for k in keywords.attributes] == ["X"]
    assert keywords.summary == "class A: def f(): import os"


def test_module_level_bindings_in_compound_statements() -> None:
    source = (
        "import sys\n"
        "if sys.version_info >= (3, 11):\n    NEW = 1\nelse:\n    OLD = 1\n"
        "try:\n    T = 1\nexcept ImportError:\n    E = None\nfinally:\n    F = 2\n"
        "while False:\n    W = 1\n"
        "if (M := 3):\n    pass\n"
        "def f():\n    local = 1\n"
        "class K:\n    field = 1\n"
    )
    keywords = analyse(parse(source, "m.py"), "m", is_package=False)
    assert {k.name for k in keywords.attributes} == {"NEW", "OLD", "T", "E", "F", "W", "M"}


def test_private_names() -> None:
    keywords = analyse(
        parse(
            "import a._b\nimport c as _c\nfrom d import _e\n"
            "def _f(): pass\ndef g(): pass\nclass _K:\n    def m(self): pass\n"
            "class L:\n    def __init__(self): pass\n    def _p(self): pass\n",
            "m.py",
        ),
        "m",
        is_package=False,
    )
    private = {
        k.name
        for category in ("functions", "methods", "imports", "classes")
        for k in keywords.category(category)
        if is_private(k, category)
    }
    assert private == {"c as _c", "_e", "_f", "_K", "_K.m", "L._p"}


def test_pep263_cookie_bom_and_bad_bytes(tmp_path: Path) -> None:
    latin = tmp_path / "latin.py"
    latin.write_bytes("# -*- coding: latin-1 -*-\nNAME = 'caf\xe9'\n".encode("latin-1"))
    assert "café" in read_source(str(latin)).text
    bom = tmp_path / "bom.py"
    bom.write_bytes(b"\xef\xbb\xbfX = 1\n")
    assert read_source(str(bom)).text == "X = 1\n"
    bad = tmp_path / "bad.py"
    bad.write_bytes(b"X = 1\nY = '\xff\xfe'\n")
    with pytest.raises(SourceError) as caught:
        read_source(str(bad))
    problem = caught.value.problem
    assert (problem.kind, problem.message, problem.line) == (
        "read",
        "the file is not valid utf-8 (byte 0xff)",
        2,
    )


def test_syntax_errors_and_nul_bytes_are_reported_with_lines() -> None:
    with pytest.raises(SourceError) as caught:
        parse("x = 1\ndef broken(:\n", "m.py")
    assert caught.value.problem.kind == "parse"
    assert caught.value.problem.line == 2
    with pytest.raises(SourceError) as caught:
        parse("x = 1\ny = 2\0\n", "m.py")
    assert caught.value.problem.kind == "parse"
    assert caught.value.problem.line == 2


def test_count_lines() -> None:
    assert count_lines("") == 0
    assert count_lines("a") == 1
    assert count_lines("a\n") == 1
    assert count_lines("a\r\nb\rc\n") == 3


def test_locate_kinds(tmp_path: Path) -> None:
    (tmp_path / "pkg" / "ns").mkdir(parents=True)
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "mod.py").write_text("")
    (tmp_path / "pkg" / "ns" / "leaf.py").write_text("")
    (tmp_path / "pkg" / "fast.cpython-311-x86_64-linux-gnu.so").write_bytes(b"")
    search = [str(tmp_path)]
    package = locate("pkg", search)
    assert package is not None
    assert (package.kind, package.root) == ("package", str(tmp_path))
    module = locate("pkg.mod", search)
    assert module is not None
    assert (module.kind, module.root) == ("module", str(tmp_path))
    namespace = locate("pkg.ns", search)
    assert namespace is not None
    assert namespace.kind == "namespace"
    assert locate("pkg.nothing", search) is None
    assert locate("../etc/passwd", search) is None
    names = [(entry.modname, entry.filename, entry.kind) for entry in related_entries(module)]
    assert names == [
        ("pkg", "__init__.py", "package"),
        ("pkg.fast", "fast.cpython-311-x86_64-linux-gnu.so", "extension"),
        ("pkg.mod", "mod.py", "module"),
        ("pkg.ns", "ns/", "namespace"),
    ]
    assert study_module("pkg.ns.leaf", search).info.relpath == "pkg/ns/leaf.py"  # type: ignore[union-attr]


def test_iter_modules_survives_a_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "pkg" / "sub").mkdir(parents=True)
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "sub" / "__init__.py").write_text("")
    os.symlink(tmp_path / "pkg", tmp_path / "pkg" / "sub" / "loop")
    location = locate("pkg", [str(tmp_path)])
    assert location is not None
    assert sorted(iter_modules(location)) == ["pkg", "pkg.sub", "pkg.sub.loop"]


def test_problems_are_returned_not_raised(tmp_path: Path) -> None:
    (tmp_path / "broken.py").write_text("def f(:\n")
    facts = study_module("broken", [str(tmp_path)])
    assert facts.keywords is None
    assert facts.problem is not None
    # kind, English message, line (then the message's template and arguments, for pages)
    assert facts.problem[:3] == ("parse", "syntax error: invalid syntax", 1)
    assert facts.problem.template == "syntax error: %s"
    assert facts.problem.args == ("invalid syntax",)
    assert facts.info is not None
    assert facts.info.lines == 1
    missing = study_module("not_there", [str(tmp_path)])
    assert missing.problem is not None
    assert missing.problem[:3] == (
        "locate",
        "its source file was not found on the module path",
        0,
    )
    builtin = study_module("sys", [str(tmp_path)])
    assert builtin.problem is not None
    assert builtin.problem.kind == "locate"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Gauges (:class:`Station`) and ``Reading``.", "Gauges (Station) and Reading."),
        (":py:func:`~pkg.mod.load` reads :ref:`files <io>`.", "load reads files."),
        ("No markup <script>", "No markup <script>"),
    ],
)
def test_summaries_drop_rest_markup(line: str, expected: str) -> None:
    from sphinx_kwindex.analysis.python import plain_text

    assert plain_text(line) == expected


def test_module_mentions_skip_examples_comments_and_code() -> None:
    from sphinx_kwindex.analysis.documents import module_mentions

    text = """\
.. automodule:: real.one
   :members:

.. currentmodule:: None

Write this in your page::

   .. automodule:: yourpackage.yourmodule

..
   .. automodule:: commented.out

.. code-block:: rst

   .. automodule:: in.a.code.block

.. note::

   .. py:module:: real.two

```{eval-rst}
.. currentmodule:: real.three
```

```rst
.. automodule:: in.a.fence
```

:::{automodule} real.four
:::
"""
    found = [(mention.modname, mention.line) for mention in module_mentions(text)]
    assert found == [
        ("real.one", 1),
        ("None", 4),
        ("real.two", 19),
        ("real.three", 22),
        ("real.four", 29),
    ]
    from sphinx_kwindex.analysis.locate import is_module_name

    assert not is_module_name("None")
    assert not is_module_name("pkg.class")


def test_iter_modules_lists_an_alias_link_under_both_names(tmp_path: Path) -> None:
    (tmp_path / "pkg" / "sub").mkdir(parents=True)
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "sub" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "sub" / "deep.py").write_text("")
    os.symlink(tmp_path / "pkg" / "sub", tmp_path / "pkg" / "alias")
    location = locate("pkg", [str(tmp_path)])
    assert location is not None
    assert sorted(iter_modules(location)) == [
        "pkg",
        "pkg.alias",
        "pkg.alias.deep",
        "pkg.sub",
        "pkg.sub.deep",
    ]


def test_related_files_of_a_large_folder_are_a_window_around_the_module() -> None:
    from sphinx_kwindex.analysis.model import RelatedEntry
    from sphinx_kwindex.parts.related import LIMIT, window

    entries = (
        RelatedEntry("pkg", "__init__.py", "package"),
        *tuple(RelatedEntry(f"pkg.m{i:03}", f"m{i:03}.py", "module") for i in range(200)),
    )
    assert window(entries[: LIMIT + 1], "pkg.m000") == entries[: LIMIT + 1]
    shown = window(entries, "pkg.m100")
    assert len(shown) == LIMIT + 1
    assert shown[0].modname == "pkg"
    assert "pkg.m100" in {entry.modname for entry in shown}
    assert window(entries, "pkg.m199")[-1].modname == "pkg.m199"
    assert window(entries, "pkg")[1].modname == "pkg.m000"
