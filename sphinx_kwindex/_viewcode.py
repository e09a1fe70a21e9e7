"""Line anchors (``#L12``) on viewcode's highlighted source pages of indexed modules.

viewcode marks only documented objects; an undocumented definition's keyword links to its
line instead. viewcode writes one source line per line of the ``<pre>`` block, plus lines of
its own (``viewcode-block`` openers, ``[docs]`` links, closing ``</div>``); those are skipped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from sphinx_kwindex._domain import KwindexDomain
from sphinx_kwindex._links import VIEWCODE_DIR

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

_OWN_LINE = re.compile(
    r'<div class="viewcode-block" id="[^"]*">|<a class="viewcode-back" [^>]*>.*</a>'
)


def on_html_page_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    if doctree is not None or not pagename.startswith(VIEWCODE_DIR + "/"):
        return
    domain = app.env.domains["kwindex"]
    assert isinstance(domain, KwindexDomain)
    modname = pagename[len(VIEWCODE_DIR) + 1 :].replace("/", ".")
    body = context.get("body")
    if modname in domain.plan and isinstance(body, str) and "<pre>" in body:
        context["body"] = add_line_anchors(body)


def add_line_anchors(body: str) -> str:
    """Put ``<span id="L<n>"></span>`` before source line *n* of the first ``<pre>``."""
    head, _sep, rest = body.partition("<pre>")
    code, end, tail = rest.partition("</pre>")
    # viewcode splits its first line after "<pre>", so the code proper starts on a new line
    lead = "\n" if code.startswith("\n") else ""
    lines = code[len(lead) :].split("\n")
    result: list[str] = []
    number = 0
    closing = False  # after a line that viewcode closed with "</div>\n"
    last = len(lines) - 1
    for index, line in enumerate(lines):
        if index == last and not line:
            result.append(line)  # the newline that ends the last source line
            continue
        if closing and line in {"", "</div>"}:
            if line == "":
                closing = False
            result.append(line)
            continue
        closing = False
        if _OWN_LINE.fullmatch(line):
            result.append(line)
            continue
        number += 1
        result.append(f'<span class="kwindex-line" id="L{number}"></span>{line}')
        closing = line.endswith("</div>")
    return f"{head}<pre>{lead}{chr(10).join(result)}{end}{tail}"
