import os
import sys

sys.path.insert(0, os.path.abspath("."))

project = "plainpkg"
# "plainbuilder" stands for a third-party builder whose writer knows only docutils' nodes
extensions = ["plainbuilder", "sphinx.ext.viewcode", "sphinx_kwindex"]
kwindex_modules = ["plainpkg*"]
