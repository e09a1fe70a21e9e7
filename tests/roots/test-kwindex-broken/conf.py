import os
import sys

sys.path.insert(0, os.path.abspath("."))

extensions = ["sphinx.ext.autodoc", "myst_parser", "sphinx_kwindex"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]
kwindex_modules = ["brokenpkg.*"]
