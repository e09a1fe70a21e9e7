"""Sphinx configuration of sphinx-kwindex's own documentation (built with the extension)."""

import sys
from pathlib import Path

HERE = Path(__file__).parent.resolve()
# the local extension that renders the configuration and warning tables from the code
sys.path.insert(0, str(HERE / "_ext"))
# document (and index) the checkout's own package when these docs sit in one
if (HERE.parent / "sphinx_kwindex" / "__init__.py").is_file():
    sys.path.insert(0, str(HERE.parent))

from sphinx_kwindex import __version__  # noqa: E402

project = "sphinx-kwindex"
author = "The sphinx-kwindex developers"
copyright = "The sphinx-kwindex developers"
release = __version__
version = ".".join(__version__.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
    "sphinx_kwindex",
    "kwdocs",
]

myst_enable_extensions = ["deflist"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
nitpicky = True  # as `make docs` (-n): every reference must resolve
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

# -- sphinx-kwindex on its own code -------------------------------------------------------
# The API pages document the public modules; the private ones get keyword pages too.
kwindex_modules = ["sphinx_kwindex.*"]
# The guides get keyword pages of their own (the identifiers they talk about).
kwindex_documents = ["quickstart", "large-projects"]

# -- autodoc ---------------------------------------------------------------------------
autodoc_member_order = "bysource"
autodoc_typehints_format = "short"
# No intersphinx (the build must work offline): names of Python, Sphinx and docutils that
# appear in signatures stay plain text instead of failing a nitpicky (-n) build.
nitpick_ignore_regex = [
    (
        r"py:.*",
        r"(ast|collections|enum|os|pathlib|re|sys|typing|types|docutils|sphinx)(\..*)?",
    ),
    (r"py:.*", r"(Path|PurePosixPath|Any|Literal|NamedTuple|Iterable|Iterator|Callable)"),
    (r"py:.*", r"(Sequence|Mapping|Collection|Sphinx|Config|BuildEnvironment|Builder)"),
    (r"py:.*", r"(Node|Element|ExtensionMetadata|StrEnum|Enum|(add)?nodes\..*)"),
    # the private modules are indexed (keyword pages), not documented
    (r"py:.*", r"sphinx_kwindex\._.*"),
    (r"py:.*", r"(Settings|Subtype|KwindexDomain|DocLocation|Group|ModuleKind|Role)"),
    # a module-level type alias: Sphinx 7.4 makes it a class reference, later ones do not
    (r"py:class", r"Cached"),
]

# -- HTML ------------------------------------------------------------------------------
html_theme = "alabaster"
html_title = f"sphinx-kwindex {release}"
html_theme_options = {
    "description": "A keyword index page for every Python module autodoc documents.",
    "fixed_sidebar": True,
}
# published next to the pages, so that tools can fetch the schema
html_extra_path = ["kwindex.schema.json"]
