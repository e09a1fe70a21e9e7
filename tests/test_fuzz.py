"""Property-based tests: random and mutated Python, random Markdown. The analysers either
succeed or report a problem through their documented path (SourceError); nothing else
escapes, and every example ends in bounded time."""

from __future__ import annotations

from pathlib import Path

from docutils.frontend import get_default_settings
from docutils.utils import new_document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from myst_parser.parsers.docutils_ import Parser

from sphinx_kwindex._prose import collect
from sphinx_kwindex.analysis.insights import module_insights
from sphinx_kwindex.analysis.prose import code_names, literal_identifier, prose_words
from sphinx_kwindex.analysis.python import SourceError, analyse, parse

ROOTS = Path(__file__).parent / "roots"
SOURCES = [
    path.read_text(encoding="utf-8")
    for path in sorted((ROOTS / "test-kwindex-insights" / "insightpkg").glob("*.py"))
    + sorted((ROOTS / "test-kwindex" / "kwpkg").glob("*.py"))
]
MARKDOWN = (ROOTS / "test-kwindex-prose" / "docs" / "attrs-why.md").read_text(encoding="utf-8")
BUDGET = settings(
    max_examples=400, deadline=2000, suppress_health_check=[HealthCheck.too_slow]
)


def _analyse(text: str) -> None:
    kinds = []
    try:
        tree = parse(text, "fuzz.py")
        analyse(tree, "pkg.fuzz", is_package=False)
        module_insights(tree, text, "pkg.fuzz", is_package=False)
    except SourceError as err:  # the documented path: a parse problem (or too deep)
        kinds.append(err.problem.kind)
    assert kinds in ([], ["parse"])


@st.composite
def mutated_python(draw: st.DrawFn) -> str:
    """A real module with random slices cut out, duplicated or replaced."""
    text = draw(st.sampled_from(SOURCES))
    for _ in range(draw(st.integers(1, 6))):
        start = draw(st.integers(0, max(len(text) - 1, 0)))
        end = draw(st.integers(start, min(len(text), start + 200)))
        action = draw(st.sampled_from(["cut", "repeat", "replace"]))
        if action == "cut":
            text = text[:start] + text[end:]
        elif action == "repeat":
            text = text[:end] + text[start:end] + text[end:]
        else:
            text = text[:start] + draw(st.text(max_size=40)) + text[end:]
    return text


@BUDGET
@given(mutated_python())
def test_mutated_python(text: str) -> None:
    _analyse(text)


@BUDGET
@given(st.text(max_size=400))
def test_random_text_as_python(text: str) -> None:
    _analyse(text)


@BUDGET
@given(st.text(max_size=300))
def test_random_text_as_prose_and_code(text: str) -> None:
    list(prose_words(text, known={"known_name"}, stopwords={"API"}))
    literal_identifier(text)
    code_names(text)


@st.composite
def mutated_markdown(draw: st.DrawFn) -> str:
    start = draw(st.integers(0, len(MARKDOWN) - 1))
    piece = MARKDOWN[start : start + draw(st.integers(0, 2000))]
    return piece + draw(st.text(max_size=200)) + piece[: draw(st.integers(0, 300))]


@settings(max_examples=150, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_markdown())
def test_random_markdown_documents(text: str) -> None:
    options = get_default_settings(Parser)
    options.report_level = 5
    options.halt_level = 5
    document = new_document("fuzz.md", options)
    Parser().parse(text, document)
    facts = collect(document, "fuzz")
    assert len({mention.name for mention in facts.mentions}) == len(facts.mentions)
