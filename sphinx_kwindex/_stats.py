"""How long the extension's own work takes: shown with ``-v``, and in ``kwindex.json`` under
``"stats"`` when ``kwindex_stats`` is on (for the benchmark).

Handlers in the main process add to a stopwatch kept on the domain object (not pickled);
the directives' reading time may run in parallel readers, so it is kept per document in the
domain's data, which Sphinx merges back.
"""

from __future__ import annotations

import functools
import time
from typing import TYPE_CHECKING, Any, TypeVar

from sphinx_kwindex._domain import KwindexDomain
from sphinx_kwindex._locale import __
from sphinx_kwindex._warnings import logger

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

F = TypeVar("F", bound="Callable[..., Any]")


def seconds(domain: KwindexDomain) -> dict[str, float]:
    """This build's seconds per step (main process), and the documents' reading time."""
    steps: dict[str, float] = dict(domain.__dict__.get("_seconds", {}))
    read: dict[str, float] = domain.data.get("read_seconds", {})
    if read:
        steps["read pages"] = sum(read.values())
    return steps


def start(domain: KwindexDomain) -> None:
    """A new build: forget the last one's times."""
    domain.__dict__["_seconds"] = {}
    domain.data["read_seconds"] = {}


def add(domain: KwindexDomain, step: str, elapsed: float) -> None:
    steps = domain.__dict__.setdefault("_seconds", {})
    steps[step] = steps.get(step, 0.0) + elapsed


def domain_of(app: Sphinx) -> KwindexDomain:
    domain = app.env.domains["kwindex"]
    assert isinstance(domain, KwindexDomain)
    return domain


def on_builder_inited(app: Sphinx) -> None:
    start(domain_of(app))


def add_read(env: BuildEnvironment, elapsed: float) -> None:
    """Reading time of the document being read (kept in the domain data: -j safe)."""
    domain = env.domains["kwindex"]
    assert isinstance(domain, KwindexDomain)
    domain.add_read_seconds(env.docname, elapsed)


def timed(step: str) -> Callable[[F], F]:
    """Time an event handler whose first argument is the application."""

    def decorate(handler: F) -> F:
        @functools.wraps(handler)
        def wrapper(app: Sphinx, *args: Any) -> Any:
            begin = time.perf_counter()
            try:
                return handler(app, *args)
            finally:
                add(domain_of(app), step, time.perf_counter() - begin)

        return wrapper  # type: ignore[return-value]

    return decorate


def timed_pages(step: str) -> Callable[[F], F]:
    """Time a handler that yields (``html-collect-pages``), page by page."""

    def decorate(handler: F) -> F:
        @functools.wraps(handler)
        def wrapper(app: Sphinx, *args: Any) -> Iterator[Any]:
            domain = domain_of(app)
            pages = iter(handler(app, *args))
            while True:
                begin = time.perf_counter()
                try:
                    page = next(pages)
                except StopIteration:
                    return
                finally:
                    add(domain, step, time.perf_counter() - begin)
                yield page

        return wrapper  # type: ignore[return-value]

    return decorate


def timed_read(run: F) -> F:
    """Time a directive's ``run`` (or a transform's ``apply``) as reading time of the
    document it is in."""

    @functools.wraps(run)
    def wrapper(directive: Any, *args: Any, **kwargs: Any) -> Any:
        begin = time.perf_counter()
        try:
            return run(directive, *args, **kwargs)
        finally:
            add_read(directive.env, time.perf_counter() - begin)

    return wrapper  # type: ignore[return-value]


def report(app: Sphinx, exception: BaseException | None) -> None:
    """With ``-v``: one line with the extension's own time, step by step."""
    if exception is not None:
        return
    steps = seconds(domain_of(app))
    if steps:
        parts = ", ".join(f"{step} {value:.3f}s" for step, value in sorted(steps.items()))
        logger.verbose(__("[kwindex] own time %.3fs: %s"), sum(steps.values()), parts)
