"""A Sphinx extension that ``bench.py`` adds to both builds (baseline and sphinx-kwindex).

It records which documents a build reads and writes, and which HTML pages it writes, as JSON
lines appended to the file named by the ``KWBENCH_PROBE`` environment variable (nothing when
it is unset). Sphinx's own status output does not name documents in parallel builds; these
events do: ``env-before-read-docs`` (the final list, after every extension had its say) and
``doctree-resolved`` run in the main process, ``html-page-context`` may run in a writer
process, which is why each event appends a line on its own.
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

VARIABLE = "KWBENCH_PROBE"


def _record(event: str, names: list[str]) -> None:
    path = os.environ.get(VARIABLE)
    if not path:
        return
    line = json.dumps({"event": event, "names": names, "pid": os.getpid()})
    with open(path, "a", encoding="utf-8") as file:
        file.write(line + "\n")


def _before_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    _record("read", list(docnames))


def _resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    _record("write", [docname])


def _page(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    _record("page", [pagename])


def setup(app: Sphinx) -> dict[str, Any]:
    # last of all handlers, so that the lists are the ones Sphinx acts on
    app.connect("env-before-read-docs", _before_read, priority=999)
    app.connect("doctree-resolved", _resolved, priority=999)
    app.connect("html-page-context", _page, priority=999)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
