"""Which pages to write again although they were not re-read (``env-get-updated``).

A keyword page shows facts of other pages: where its module is documented, the section of
each entry, its neighbours' pages. For every page that shows such facts, a digest of them is
kept; when the digest changes, the page is written again, and no other page is.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from sphinx_kwindex._domain import KwindexDomain, object_location
from sphinx_kwindex._links import viewcode_page

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def on_env_get_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain = env.domains["kwindex"]
    assert isinstance(domain, KwindexDomain)
    stale = []
    for docname, shown in domain.shown.items():
        digest = page_digest(app, env, domain, docname, sorted(shown))
        known = domain.fingerprints.get(docname)
        if known != digest:
            if known is not None:
                stale.append(docname)
            domain.fingerprints[docname] = digest
    for docname in domain.fingerprints.keys() - domain.shown.keys():
        del domain.fingerprints[docname]
    return stale


def page_digest(
    app: Sphinx,
    env: BuildEnvironment,
    domain: KwindexDomain,
    docname: str,
    modnames: list[str],
) -> str:
    """A digest of everything the write-time parts of page *docname* are made of."""
    inputs = [module_inputs(app, env, domain, docname, modname) for modname in modnames]
    return hashlib.blake2b(repr(inputs).encode(), digest_size=16).hexdigest()


def module_inputs(
    app: Sphinx, env: BuildEnvironment, domain: KwindexDomain, docname: str, modname: str
) -> tuple[Any, ...]:
    facts = domain.facts(modname, docname)
    parent = modname.rpartition(".")[0]
    neighbours = [entry.modname for entry in facts.related] if facts else []
    linked = sorted({modname, parent, *neighbours} - {""})
    pages = [
        (name, domain.page_of(name) in env.all_docs, domain.documentation(env, name))
        for name in linked
    ]
    imports = facts.keywords.imports if facts and facts.keywords else ()
    targets = [object_location(env, keyword.fullname) for keyword in imports]
    sections = sorted(domain.section_map(modname).items())
    titled = sorted(
        {location.docname for _name, _page, location in pages if location}
        | {entry.docname for _name, entry in sections}
    )
    titles = [
        (name, env.titles[name].astext() if name in env.titles else "") for name in titled
    ]
    return (
        modname,
        pages,
        sections,
        targets,
        titles,
        viewcode_page(app, env, modname) is not None,
    )
