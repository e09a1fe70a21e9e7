"""The project-wide index, made once per build when all pages have been read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_kwindex._config import settings
from sphinx_kwindex._domain import KwindexDomain
from sphinx_kwindex.analysis.project import build_index

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_kwindex.analysis.model import ModuleKeywords


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> None:
    """Who defines and imports each name, and the import graph, from every module's facts."""
    domain = env.domains["kwindex"]
    assert isinstance(domain, KwindexDomain)
    modules: dict[str, ModuleKeywords] = {}
    for modname in domain.plan:
        facts = domain.facts(modname)
        if facts is not None and facts.keywords is not None:
            modules[modname] = facts.keywords
    python = env.domains["py"].data
    known = set(python["objects"]) | set(python["modules"])
    config = settings(app.config)
    domain.set_project(build_index(modules, config.categories, domain.documents, known))
