import os
import sys
import zlib

sys.path.insert(0, os.path.abspath("."))

project = "kwpkg"
extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
    "myst_parser",
    "sphinx_kwindex",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "rst/index"
exclude_patterns = ["_build", "myst/**"]
kwindex_modules = ["kwpkg.sub*"]

# A small local inventory stands for Python's, so that imports resolve through intersphinx
# without a network.
_INVENTORY = """\
typing.Any py:data 1 library/typing.html#$ -
json py:module 0 library/json.html#module-$ -
collections.abc py:module 0 library/collections.abc.html#module-$ -
collections.abc.Iterator py:class 1 library/collections.abc.html#$ -
"""
_inventory_path = os.path.abspath("python.inv")
with open(_inventory_path, "wb") as _file:
    _file.write(b"# Sphinx inventory version 2\n# Project: Python\n# Version: 3\n"
                b"# The remainder of this file is compressed using zlib.\n")
    _file.write(zlib.compress(_INVENTORY.encode()))
intersphinx_mapping = {"python": ("https://docs.python.org/3", _inventory_path)}
kwindex_documents = ["*/guide"]
