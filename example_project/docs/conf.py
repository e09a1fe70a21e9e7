"""Sphinx configuration for the tidepool demo documentation."""

import os
import sys

# Make the package importable for autodoc without installing it.
sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "src")))

project = "tidepool"
author = "The tidepool developers"
copyright = "2024, The tidepool developers"
version = "0.3"
release = "0.3.1"

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
    "myst_parser",
    # The one line that enables keyword index pages:
    "sphinx_kwindex",
]

source_suffix = {
    ".rst": "restructuredtext",
    ".md": "markdown",
}

exclude_patterns = ["_build"]
nitpicky = False

autodoc_member_order = "bysource"

html_theme = "alabaster"
