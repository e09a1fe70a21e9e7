"""sphinx-kwindex: a keyword index page for every Python module that autodoc documents."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_kwindex import _assembled, _config, _locale, _stats
from sphinx_kwindex._directives import (
    KwindexDirective,
    KwindexDocumentDirective,
    KwindexGlobalDirective,
    KwindexPageDirective,
    RelatedFilesDirective,
    RelatedFilesSection,
)
from sphinx_kwindex._domain import KwindexDomain
from sphinx_kwindex._export import on_build_finished
from sphinx_kwindex._fill import FillPlaceholders
from sphinx_kwindex._index import KeywordIndex, translate_title
from sphinx_kwindex._letters import on_html_collect_pages
from sphinx_kwindex._links import on_missing_reference
from sphinx_kwindex._nodes import kwindex_placeholder
from sphinx_kwindex._project import on_env_updated
from sphinx_kwindex._roles import KeywordRole
from sphinx_kwindex._sidebar import on_html_page_context as share_sidebar
from sphinx_kwindex._static import add_stylesheet, copy_stylesheet
from sphinx_kwindex._stats import timed, timed_pages
from sphinx_kwindex._stubs import on_builder_inited
from sphinx_kwindex._updates import on_build_finished as commit_page_digests
from sphinx_kwindex._updates import (
    on_env_before_read_docs,
    on_env_get_updated,
)
from sphinx_kwindex._updates import on_env_updated as on_env_updated_generation
from sphinx_kwindex._viewcode import on_builder_inited as complete_source_pages
from sphinx_kwindex._viewcode import on_html_page_context

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "0.1.0"

#: Bump when the shape of the domain data changes (forces a fresh environment).
ENV_VERSION = 3


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the extension with Sphinx."""
    app.setup_extension("sphinx.ext.autodoc")
    app.setup_extension("sphinx.ext.graphviz")
    _config.register(app)
    app.add_message_catalog(_locale.CATALOG, str(_locale.LOCALE_DIR))
    app.add_domain(KwindexDomain)
    app.add_directive("kwindex-page", KwindexPageDirective)
    app.add_directive("kwindex-global", KwindexGlobalDirective)
    app.add_directive("kwindex-document", KwindexDocumentDirective)
    app.add_directive("kwindex", KwindexDirective)
    app.add_directive("related-files", RelatedFilesDirective)
    app.add_role("kw", KeywordRole())
    app.add_index_to_domain("kwindex", KeywordIndex)
    app.add_node(
        kwindex_placeholder,
        html=_SKIPPED,
        latex=_SKIPPED,
        text=_SKIPPED,
        man=_SKIPPED,
        texinfo=_SKIPPED,
    )
    app.add_transform(RelatedFilesSection)
    app.connect("builder-inited", _stats.on_builder_inited, priority=1)
    # after autosummary (500), so that the stubs it generates are scanned too
    app.connect("builder-inited", timed("plan pages")(on_builder_inited), priority=600)
    app.connect("builder-inited", add_stylesheet)
    app.connect("builder-inited", translate_title)
    app.connect("builder-inited", timed("source line anchors")(complete_source_pages))
    app.add_post_transform(FillPlaceholders)
    # after filling: the single HTML page takes keyword pages at its end
    app.connect("doctree-resolved", _assembled.on_doctree_resolved, priority=600)
    app.connect("write-started", _assembled.on_write_started)
    app.connect("env-updated", _assembled.on_env_updated)
    # after intersphinx (500): a keyword it can resolve links to the other project
    app.connect(
        "missing-reference", timed("keyword links")(on_missing_reference), priority=900
    )
    # the project index first: page digests depend on it
    app.connect("env-updated", timed("project index")(on_env_updated))
    # LaTeX and Texinfo take the keyword pages that were read as appendices
    app.connect("env-get-updated", timed("page digests")(on_env_get_updated))
    app.connect("env-updated", on_env_updated_generation)
    app.connect("env-before-read-docs", on_env_before_read_docs)
    app.connect("html-page-context", timed("source line anchors")(on_html_page_context))
    app.connect("html-page-context", timed("sidebars")(share_sidebar))
    app.connect("html-collect-pages", timed_pages("letter pages")(on_html_collect_pages))
    app.connect("build-finished", on_build_finished)
    app.connect("build-finished", _assembled.on_build_finished)
    app.connect("build-finished", commit_page_digests)
    app.connect("build-finished", copy_stylesheet)
    app.connect("build-finished", _stats.report, priority=900)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }


def _skip(translator: object, node: nodes.Node) -> None:
    raise nodes.SkipNode


#: Placeholders are always replaced before writing; should one survive, writers skip it.
_SKIPPED = (_skip, None)
