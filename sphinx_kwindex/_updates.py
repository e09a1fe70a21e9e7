"""Which pages to write again although they were not re-read (``env-get-updated``).

A page with placeholders shows facts of other pages: where its module is documented, the
section of each entry, its neighbours' pages. For every such page a digest of its parts'
inputs is kept, per output folder (builders share the environment, not their output); when
the digest differs from the one the page was last written with, the page is written again.

The digests are kept in the output folder and take effect only once the build has finished,
so a build that stops half-way leaves the next one to write the pages again.

What the parts show comes from the environment, which changes only when Sphinx reads or
removes documents, and only where those give other pages something new. Each such build gets
a new *generation* (kept in the environment); the digests remember the generation they were
made in, and a build that changed nothing (a no-op rebuild, or one where autodoc read a page
again that came out the same) neither computes them again, nor writes the letter pages, nor
exports ``kwindex.json`` again. An HTML builder whose settings changed (its theme, title, link
suffix: what makes Sphinx write every page again) counts as a change too.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_kwindex._fill import context_for
from sphinx_kwindex.parts import PARTS

if TYPE_CHECKING:
    from typing import Any

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

GENERATION = "generation"
SETTINGS = "settings"
LETTERS = "letters"


def on_env_before_read_docs(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    env.domaindata["kwindex"]["reading"] = list(docnames)


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> None:
    """A new generation when a page read or removed in this build gives other pages
    something new (the domain keeps a digest of that for each page); a page that autodoc
    reads again in every build, unchanged, does not make one."""
    data = env.domaindata["kwindex"]
    contents = data.setdefault("contents", {})
    replaced = data.pop("replaced", {})
    touched = set(data.pop("reading", ())) | set(replaced)
    if data.get(GENERATION) is None or any(
        contents.get(docname) != replaced.get(docname) for docname in touched
    ):
        data[GENERATION] = uuid.uuid4().hex


def generation(env: BuildEnvironment) -> str | None:
    found: str | None = env.domaindata["kwindex"].get(GENERATION)
    return found


def unchanged(app: Sphinx) -> bool:
    """Whether this output folder was last finished with the environment as it is now, and
    with the same settings of its builder."""
    return _up_to_date(_load(state_file(app)), app)


def _up_to_date(state: dict[str, Any], app: Sphinx) -> bool:
    current = generation(app.env)
    return (
        current is not None
        and state.get(GENERATION) == current
        and state.get(SETTINGS) == builder_settings(app)
    )


def builder_settings(app: Sphinx) -> str:
    """What the HTML builders check before they write every page again (the hash of their
    settings, such as the theme or the title, and of the tags); "" for other builders."""
    info = getattr(app.builder, "build_info", None)
    if info is None:
        return ""
    return f"{getattr(info, 'config_hash', '')} {getattr(info, 'tags_hash', '')}"


def letters_written(app: Sphinx) -> str | None:
    """The digest of the letter pages this output folder was last finished with."""
    found = _load(state_file(app)).get(LETTERS)
    return found if isinstance(found, str) else None


def note_letters(app: Sphinx, digest: str) -> None:
    """The letter pages of this build have *digest* (kept once the build has finished)."""
    pending = state_file(app).with_suffix(".pending")
    state = _load(pending)
    if state:
        _save(pending, {**state, LETTERS: digest})


def state_file(app: Sphinx) -> Path:
    """Where the digests of the pages written to this output folder are kept: beside the
    doctrees (not in the output, which builders such as EPUB package whole)."""
    key = hashlib.blake2b(str(Path(app.outdir).resolve()).encode(), digest_size=6).hexdigest()
    return Path(app.doctreedir) / f"kwindex-pages-{app.builder.name}-{key}.json"


def on_env_get_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    state = state_file(app)
    written = _load(state)
    if _up_to_date(written, app):
        return []  # nothing other pages show changed since these pages were written
    domain = context_for(app, "").domain
    current = {
        docname: page_digest(app, docname, placeholders)
        for docname, placeholders in sorted(domain.placeholders.items())
    }
    pages = written.get("pages", {})
    pending = {GENERATION: generation(env), SETTINGS: builder_settings(app), "pages": current}
    _save(state.with_suffix(".pending"), pending)
    return [docname for docname, digest in current.items() if pages.get(docname) != digest]


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


def _load(path: Path) -> dict[str, Any]:
    """``{"generation": str, "settings": str, "pages": {docname: digest}, "letters": str}``
    ("letters" once the letter pages are written), or empty."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or not isinstance(data.get("pages"), dict):
        return {}
    return data


def _save(path: Path, state: dict[str, Any]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(state, indent=0), encoding="utf-8")
    except OSError:
        pass  # without it, the next build writes these pages again: slower, still right
