"""Which pages to write again although they were not re-read (``env-get-updated``).

A page with placeholders shows facts of other pages: where its module is documented, the
section of each entry, its neighbours' pages. For every such page a digest of its parts'
inputs is kept; when the digest changes, the page is written again, and no other page is.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from sphinx_kwindex._fill import context_for
from sphinx_kwindex.parts import PARTS

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def on_env_get_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    stale = []
    domain = context_for(app, "").domain
    for docname, placeholders in domain.placeholders.items():
        digest = page_digest(app, docname, placeholders)
        known = domain.fingerprints.get(docname)
        if known != digest:
            if known is not None:
                stale.append(docname)
            domain.fingerprints[docname] = digest
    for docname in domain.fingerprints.keys() - domain.placeholders.keys():
        del domain.fingerprints[docname]
    return stale


def page_digest(app: Sphinx, docname: str, placeholders: tuple[tuple[str, str], ...]) -> str:
    """A digest of everything the placeholders of page *docname* are filled from."""
    context = context_for(app, docname)
    inputs = [
        (
            kind,
            modname,
            PARTS[kind].inputs(context, modname, context.domain.facts(modname, docname)),
        )
        for kind, modname in placeholders
    ]
    return hashlib.blake2b(repr(inputs).encode(), digest_size=16).hexdigest()
