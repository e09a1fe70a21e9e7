"""A large global index, split into one HTML page per letter (``html-collect-pages``).

The global index page itself is a document (every builder, toctree, search); past
``kwindex_index_split`` names, HTML builders move the names to these pages, the way Sphinx's
``html_split_index`` does, so that no page grows to megabytes. They are rendered from a
template: tens of thousands of entries render in well under a second that way. They are
written only when what they show changed since this output folder last got them (a digest of
their bodies and of the builder's settings, kept with the page digests of ``_updates``), as
Sphinx writes its own pages.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from sphinx.builders.html import StandaloneHTMLBuilder

from sphinx_kwindex._fill import context_for
from sphinx_kwindex._locale import _
from sphinx_kwindex._updates import builder_settings, letters_written, note_letters, unchanged
from sphinx_kwindex.parts.project import (
    entries,
    grouped,
    kind_label,
    letter_page,
    letter_slug,
    name_anchor,
    split,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx

    from sphinx_kwindex._domain import DocLocation
    from sphinx_kwindex.parts.context import Context
    from sphinx_kwindex.parts.project import Entry

TEMPLATES = Path(__file__).parent / "templates"


def on_html_collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    context = context_for(app, f"{app.config.kwindex_dir}/index")
    if context.index_page() is None or not split(context):
        return
    by_letter = grouped(entries(context))
    pages = [letter_page(context, letter) for letter in by_letter]
    builder = app.builder
    written = isinstance(builder, StandaloneHTMLBuilder) and all(
        Path(builder.get_outfilename(page)).is_file() for page in pages
    )
    if written and unchanged(app):
        return
    rendered = list(_render(context, pages, by_letter))
    digest = hashlib.blake2b(
        repr((builder_settings(app), rendered)).encode(), digest_size=16
    ).hexdigest()
    note_letters(app, digest)
    if written and letters_written(app) == digest:
        return  # what other pages show changed, not these pages (like Sphinx's own pages)
    for page, title, body in rendered:
        yield page, {"title": title, "body": body}, "page.html"


def _render(
    context: Context, pages: list[str], by_letter: dict[str, list[Entry]]
) -> Iterator[tuple[str, str, str]]:
    """(page, title, body) of each letter's page."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, keep_trailing_newline=True
    )
    template = environment.get_template("letter.html")
    for page, (letter, letter_entries) in zip(pages, by_letter.items(), strict=True):
        here = context._replace(docname=page, titles={}, uris={})
        letters = [
            {
                "letter": other,
                "uri": _uri(here, letter_page(here, other), "") if other != letter else "",
            }
            for other in by_letter
        ]
        title = _("Keyword Index \N{EN DASH} %s") % letter
        body = template.render(
            title=title,
            section_id=f"kwindex-letter-{letter_slug(letter)}",
            letters=letters,
            entries=[_entry(here, entry) for entry in letter_entries],
        )
        yield page, title, body


def _entry(context: Context, entry: Entry) -> dict[str, Any]:
    lines = []
    if entry.kinds[0] == "module":
        page = context.keyword_page(entry.name)
        if page is not None:
            link = {"text": entry.name, "uri": _uri(context, page, "")}
            lines.append({"label": _("Keyword page: "), "links": [link]})
    for label, links in (
        (_("Defined in: "), entry.definers),
        (_("Imported by: "), entry.importers),
        (_("Mentioned in: "), entry.mentions),
    ):
        if links:
            lines.append(
                {
                    "label": label,
                    "links": [
                        {"text": link.modname, "uri": _location_uri(context, link.location)}
                        for link in links
                    ],
                }
            )
    return {
        "name": entry.name,
        "anchor": name_anchor(entry.name),
        "kinds": ", ".join(kind_label(kind) for kind in entry.kinds),
        "lines": lines,
    }


def _location_uri(context: Context, location: DocLocation | None) -> str:
    return _uri(context, location.docname, location.anchor) if location is not None else ""


def _uri(context: Context, page: str, anchor: str) -> str:
    uri = context.uri(page)
    if not uri:
        return ""
    return f"{uri}#{anchor}" if anchor else uri
