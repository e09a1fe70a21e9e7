"""Reading what a test build wrote: warnings, HTML, JSON."""

from __future__ import annotations

import functools
import json
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag
from sphinx.util.console import strip_escape_sequences

CATEGORIES = ("classes", "functions", "methods", "attributes", "imports")

#: Import maps are drawn only where Graphviz's ``dot`` is installed.
HAS_DOT = shutil.which("dot") is not None


def warnings(app: Any) -> list[str]:
    """The warning lines of a build, without colours, paths made relative to srcdir."""
    text = strip_escape_sequences(app.warning.getvalue())
    text = text.replace(str(app.srcdir) + "/", "")
    return [line for line in text.splitlines() if line.strip()]


def html(app: Any, docname: str) -> BeautifulSoup:
    return BeautifulSoup(
        (Path(app.outdir) / f"{docname}.html").read_text("utf-8"), "html.parser"
    )


def body(app: Any, docname: str) -> Tag:
    found = html(app, docname).select_one('div[role="main"]')
    assert found is not None
    return found


def kwindex_json(app: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((Path(app.outdir) / "kwindex.json").read_text("utf-8"))
    return data


def keyword_texts(page: Tag, category: str) -> list[str]:
    section = page.find(id=f"kwindex-{category}")
    if section is None:
        return []
    return [code.get_text() for code in section.select("code.kwindex-keyword")]


def resolve_href(app: Any, docname: str, href: str) -> tuple[Path, str]:
    """The output file and fragment an href on page *docname* points to."""
    parts = urlsplit(href)
    base = Path(app.outdir) / f"{docname}.html"
    target = (base.parent / parts.path).resolve() if parts.path else base
    return target, parts.fragment


def anchor_exists(path: Path, fragment: str) -> bool:
    if not path.is_file():
        return False
    return not fragment or fragment in _ids(path, path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=64)
def _ids(path: Path, mtime: int) -> frozenset[str]:
    soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
    return frozenset(str(tag["id"]) for tag in soup.find_all(id=True))


def source_lines(app: Any, modname: str) -> dict[int, str]:
    """Line number -> text, read from viewcode's page of *modname* through our anchors."""
    page = Path(app.outdir) / "_modules" / (modname.replace(".", "/") + ".html")
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    lines: dict[int, str] = {}
    current: int | None = None
    for element in soup.find("pre").descendants:
        if isinstance(element, Tag) and "kwindex-line" in (element.get("class") or []):
            current = int(str(element["id"])[1:])
            lines[current] = ""
        elif isinstance(element, str) and current is not None:
            lines[current] += element
    return {number: text.split("\n")[0] for number, text in lines.items()}
