"""The global keyword index as a domain index, for builders that write them (LaTeX too)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.domains import Index, IndexEntry

from sphinx_kwindex._domain import KwindexDomain, object_location
from sphinx_kwindex._locale import _
from sphinx_kwindex.analysis.project import letter_of, letter_order

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx

    from sphinx_kwindex.analysis.project import NameUse


class KeywordIndex(Index):
    """Every name of every indexed module, with the modules that define and import it."""

    name = "keywords"
    # builders read the title from the class; each build sets it in its language (a lazy
    # translation would reach the JSON and pickle builders' context unconverted)
    localname = "Keyword Index"
    shortname = "keywords"

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        domain = self.domain
        assert isinstance(domain, KwindexDomain)
        wanted = set(docnames) if docnames is not None else None
        letters: dict[str, list[IndexEntry]] = {}
        for name, uses in domain.project.names.items():
            targets: list[tuple[NameUse, tuple[str, str]]] = []
            for use in uses:
                where = self._target(use)
                if where is not None and (wanted is None or where[0] in wanted):
                    targets.append((use, where))
            if not targets:
                continue
            found = letters.setdefault(letter_of(name), [])
            if len(targets) == 1:
                only, (docname, anchor) = targets[0]
                found.append(
                    IndexEntry(name, 0, docname, anchor, _role(only), only.modname, "")
                )
                continue
            found.append(IndexEntry(name, 1, "", "", "", "", ""))
            for each, (docname, anchor) in targets:
                found.append(IndexEntry(each.modname, 2, docname, anchor, _role(each), "", ""))
        content = sorted(letters.items(), key=lambda item: letter_order(item[0]))
        return content, True

    def _target(self, use: NameUse) -> tuple[str, str] | None:
        domain = self.domain
        assert isinstance(domain, KwindexDomain)
        if use.role == "mentions":
            return use.modname, ""
        if use.category == "module":
            page = domain.page_of(use.modname)
            return (page, "") if page is not None and page in domain.env.all_docs else None
        if use.role == "defines" and use.fullname:
            found = object_location(domain.env, use.fullname)
            if found is not None:
                return found.docname, found.anchor
        page = domain.page_of(use.modname)
        if page is None or page not in domain.env.all_docs:
            return None
        return page, f"kwindex-{use.category}"


def _role(use: NameUse) -> str:
    if use.category == "module":
        return _("module")
    if use.role == "mentions":
        return _("mentioned in")
    return _("defined in") if use.role == "defines" else _("imported by")


def translate_title(app: Sphinx) -> None:
    """The index's title in this build's language, as a plain string."""
    KeywordIndex.localname = str(_("Keyword Index"))
