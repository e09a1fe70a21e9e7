import os
import sys

sys.path.insert(0, os.path.abspath("."))

project = "insights"
extensions = ["sphinx.ext.autodoc", "sphinx.ext.viewcode", "sphinx_kwindex"]
exclude_patterns = ["_build"]
kwindex_modules = ["insightpkg*", "lookalikes*"]
