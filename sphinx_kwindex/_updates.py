"""Which pages to write again although they were not re-read (``env-get-updated``).

A page with placeholders shows facts of other pages: where its module is documented, the
section of each entry, its neighbours' pages. For every such page a digest of its parts'
inputs is kept, per output folder (builders share the environment, not their output); when
the digest differs from the one the page was last written with, the page is written again.

The digests are kept in the output folder and take effect only once the build has finished,
so a build that stops half-way leaves the next one to write the pages again.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_kwindex._fill import context_for
from sphinx_kwindex.parts import PARTS

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def state_file(app: Sphinx) -> Path:
    """Where the digests of the pages written to this output folder are kept: beside the
    doctrees (not in the output, which builders such as EPUB package whole)."""
    key = hashlib.blake2b(str(Path(app.outdir).resolve()).encode(), digest_size=6).hexdigest()
    return Path(app.doctreedir) / f"kwindex-pages-{app.builder.name}-{key}.json"


def on_env_get_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain = context_for(app, "").domain
    current = {
        docname: page_digest(app, docname, placeholders)
        for docname, placeholders in sorted(domain.placeholders.items())
    }
    state = state_file(app)
    written = _load(state)
    _save(state.with_suffix(".pending"), current)
    return [docname for docname, digest in current.items() if written.get(docname) != digest]


def on_build_finished(app: Sphinx, exception: BaseException | None) -> None:
    """The pages are written: their digests are now the ones to compare with."""
    state = state_file(app)
    pending = state.with_suffix(".pending")
    if exception is None and pending.is_file():
        os.replace(pending, state)


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


def _load(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save(path: Path, digests: dict[str, str]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(digests, indent=0), encoding="utf-8")
    except OSError:
        pass  # without it, the next build writes these pages again: slower, still right
