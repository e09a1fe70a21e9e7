"""What every write-time part works with: the build, the page being written, link helpers."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from docutils import nodes
from sphinx import addnodes
from sphinx.errors import NoUri

from sphinx_kwindex._assembled import single_page_uri
from sphinx_kwindex._domain import DocLocation
from sphinx_kwindex._links import page_title
from sphinx_kwindex._locale import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_kwindex._config import Settings
    from sphinx_kwindex._domain import KwindexDomain
    from sphinx_kwindex.analysis.model import Keyword, ModuleFacts


class Context(NamedTuple):
    app: Sphinx
    env: BuildEnvironment
    domain: KwindexDomain
    config: Settings
    #: The page being written (links are relative to it).
    docname: str
    #: Page titles already looked up while filling this page.
    titles: dict[str, str]
    #: Addresses of other pages, relative to this one, already worked out (None where the
    #: builder has none).
    uris: dict[str, str | None]

    def link(self, location: DocLocation, child: nodes.Node) -> nodes.Node:
        """*child* linked to *location*, relative to the page being written; just *child*
        where the builder has no address for that page (LaTeX and the like leave out pages
        that are in no toctree, such as keyword pages).

        What :func:`sphinx.util.nodes.make_refnode` makes, with each page's address worked
        out once per page written (a keyword page links to a few pages many times).
        """
        if location.docname == self.docname and location.anchor:
            return nodes.reference("", "", child, internal=True, refid=location.anchor)
        uri = self._page_uri(location.docname)
        if uri is None:
            return child
        if location.anchor:
            uri = single_page_uri(self.env, self.app.builder.name, f"{uri}#{location.anchor}")
        return nodes.reference("", "", child, internal=True, refuri=uri)

    def uri(self, page: str) -> str:
        """The address of *page* relative to the page being written ("" where the builder
        has none)."""
        return self._page_uri(page) or ""

    def _page_uri(self, page: str) -> str | None:
        if page in self.uris:
            return self.uris[page]
        try:
            found: str | None = self.app.builder.get_relative_uri(self.docname, page)
        except NoUri:
            found = None
        self.uris[page] = found
        return found

    def title(self, docname: str) -> str:
        found = self.titles.get(docname)
        if found is None:
            found = self.titles[docname] = page_title(self.env, docname)
        return found

    def documentation(self, modname: str) -> DocLocation | None:
        return self.domain.documentation(self.env, modname)

    def keyword_page(self, modname: str) -> str | None:
        """Docname of *modname*'s keyword page, if this build has it."""
        page = self.domain.page_of(modname)
        return page if page is not None and page in self.env.all_docs else None

    def doc_link(self, location: DocLocation | None) -> nodes.Node:
        """A link to a documentation page, titled with the page's title; "none" without."""
        if location is None:
            return none()
        return self.link(location, nodes.Text(self.title(location.docname)))

    def keyword_page_link(self, modname: str, text: str | None = None) -> nodes.Node:
        """*modname* (or *text*) linked to its keyword page, or said to have none."""
        page = self.keyword_page(modname)
        label = nodes.literal(modname, modname) if text is None else nodes.Text(text)
        if page is None:
            if text is not None:
                return nodes.Text("\N{EM DASH}")
            return nodes.inline("", "", label, nodes.Text(" " + _("(not indexed)")))
        if page == self.docname:
            return nodes.inline("", "", label, nodes.Text(" " + _("(this page)")))
        return self.link(DocLocation(page, ""), label)

    def index_page(self) -> str | None:
        """Docname of the global keyword index, if this build has it."""
        page = f"{self.config.dir}/index"
        return page if page in self.env.all_docs else None

    def page_link(self, page: str, child: nodes.Node) -> nodes.Node:
        return self.link(DocLocation(page, ""), child)


def none() -> nodes.Node:
    return nodes.emphasis("", _("none"))


def parent_of(modname: str) -> str:
    """The package above *modname* (its "folder" in the keyword index's words)."""
    return modname.rpartition(".")[0]


def shown_keywords(facts: ModuleFacts | None, config: Settings) -> list[Keyword]:
    """The keywords of the configured categories, in page order."""
    if facts is None or facts.keywords is None:
        return []
    return [
        keyword
        for category in config.categories
        for keyword in facts.keywords.category(category)
    ]


def table(
    headers: list[str],
    rows: list[list[nodes.Node]],
    css_class: str,
    current_rows: list[int] | None = None,
) -> nodes.table:
    """A plain table (header row + rows of cells) that every builder can write.

    LaTeX sizes its columns from their content; see :func:`latex_widths` where that is not
    enough."""
    result = nodes.table("", classes=[css_class])
    group = nodes.tgroup("", cols=len(headers))
    result += group
    for _header in headers:
        group += nodes.colspec("", colwidth=10)
    head = nodes.thead()
    head += _row([nodes.Text(header) for header in headers])
    group += head
    body = nodes.tbody()
    for index, cells in enumerate(rows):
        row = _row(cells)
        if current_rows and index in current_rows:
            row["classes"].append("kwindex-current")
        body += row
    group += body
    return result


def latex_widths(context: Context, percents: list[int]) -> list[nodes.Node]:
    """For LaTeX only: the next table's columns take these shares of the line (else
    headers of narrow columns overflow, as LaTeX sizes columns by their cells). Put it
    before the table."""
    if context.app.builder.format != "latex":
        return []
    total = sum(percents)
    spec = "".join(rf"\X{{{share}}}{{{total}}}" for share in percents)
    return [addnodes.tabular_col_spec(spec=spec)]


def _row(cells: list[nodes.Node]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        row += nodes.entry("", nodes.paragraph("", "", cell))
    return row
