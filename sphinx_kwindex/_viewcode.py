"""Line anchors (``#L12``) on viewcode's highlighted source pages.

viewcode marks only documented objects; an undocumented definition's keyword links to its
line instead. viewcode writes the source's lines (as :meth:`str.splitlines` cuts them) one per
line of the ``<pre>`` block, plus lines of its own (``viewcode-block`` openers, ``[docs]``
links, closing ``</div>``); those are skipped, and an ``ast`` line (cut at newlines only) gets
its anchor on the first of its pieces.

Pages that viewcode does not write again (their module did not change) are completed at the
start of the build, so that adding this extension to an existing output works too.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx_kwindex._links import VIEWCODE_DIR
from sphinx_kwindex.analysis.locate import is_module_name, locate
from sphinx_kwindex.analysis.python import SourceError, read_source

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

_OWN_LINE = re.compile(
    r'<div class="viewcode-block" id="[^"]*">|<a class="viewcode-back" [^>]*>.*</a>'
)
_OWN_LINE_STARTS = ('<div class="viewcode-block" ', '<a class="viewcode-back" ')
_ANCHOR_CLASS = 'class="kwindex-line"'
#: Line separators of str.splitlines that do not end a line for ast (nor for Python).
_NOT_LINE_ENDS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def on_html_page_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    if doctree is not None or not pagename.startswith(VIEWCODE_DIR + "/"):
        return
    body = context.get("body")
    modname = pagename[len(VIEWCODE_DIR) + 1 :].replace("/", ".")
    if isinstance(body, str) and "<pre>" in body and is_module_name(modname):
        context["body"] = add_line_anchors(body, _source(modname))


def on_builder_inited(app: Sphinx) -> None:
    """Give line anchors to highlighted sources that viewcode will not write again."""
    if "sphinx.ext.viewcode" not in app.extensions or app.builder.format != "html":
        return
    folder = Path(app.outdir) / VIEWCODE_DIR
    if not folder.is_dir():
        return
    dirhtml = app.builder.name == "dirhtml"
    for path in folder.rglob("*.html"):
        relative = path.relative_to(folder).with_suffix("").as_posix()
        if dirhtml:
            relative = relative.removesuffix("/index")
        modname = relative.replace("/", ".")
        if relative == "index" or not is_module_name(modname):
            continue
        try:
            page = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if _ANCHOR_CLASS in page or "<pre>" not in page:
            continue
        _replace(path, add_line_anchors(page, _source(modname)))


def _replace(path: Path, text: str) -> None:
    """Write *text* over *path*, keeping its time stamps: viewcode compares them with the
    module's to decide whether to write the page again."""
    stat = path.stat()
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.utime(temporary, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)


def add_line_anchors(body: str, source: str | None = None) -> str:
    """Put ``<span id="L<n>"></span>`` before source line *n* of the first ``<pre>``.

    *source* (the module's text) tells which pieces start a line; without it, each does.
    """
    head, _sep, rest = body.partition("<pre>")
    code, end, tail = rest.partition("</pre>")
    # viewcode splits its first line after "<pre>", so the code proper starts on a new line
    lead = "\n" if code.startswith("\n") else ""
    lines = code[len(lead) :].split("\n")
    # (without such separators, every piece starts a line: the usual case, made fast)
    starts = line_starts(source) if source and _NOT_LINE_ENDS.search(source) else []
    result: list[str] = []
    number = piece = 0
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
        if line.startswith(_OWN_LINE_STARTS) and _OWN_LINE.fullmatch(line):
            result.append(line)
            continue
        starts_line = starts[piece] if piece < len(starts) else True
        piece += 1
        closing = line.endswith("</div>")
        if not starts_line:
            result.append(line)
            continue
        number += 1
        result.append(f'<span {_ANCHOR_CLASS} id="L{number}"></span>{line}')
    return f"{head}<pre>{lead}{chr(10).join(result)}{end}{tail}"


def line_starts(source: str) -> list[bool]:
    """For each piece of ``source.splitlines()``: whether it starts a line as ``ast``
    counts them (form feeds and other separators cut pieces, not lines)."""
    starts = []
    new_line = True
    for piece in source.splitlines(keepends=True):
        starts.append(new_line)
        new_line = piece.endswith(("\n", "\r"))
    return starts


def _source(modname: str) -> str | None:
    location = locate(modname)
    if location is None or not location.path:
        return None
    try:
        return read_source(location.path).text
    except SourceError:
        return None
