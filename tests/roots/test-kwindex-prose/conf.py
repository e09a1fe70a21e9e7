"""Test root: three third-party prose documents (see docs/SOURCES.txt).

Used to measure the identifier extraction for prose documents against the
hand-labelled sets in tests/prose_expected.py.
"""

project = "kwindex-prose"
extensions = [
    "myst_parser",
    # attrs-why.md writes its Python examples as ```{doctest} blocks. Without
    # sphinx.ext.doctest they are dropped from the doctree (with a
    # myst.directive_unknown warning), and the names they define/import
    # (SmartClass, ArtisanalClass, attrs, __init__, ...) are part of the
    # hand-labelled sets.
    "sphinx.ext.doctest",
    "sphinx_kwindex",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]
kwindex_documents = ["docs/*"]

# The documents are copied verbatim from other projects, so their links to
# sibling pages and intersphinx projects do not resolve here:
#   myst.xref_missing: attrs-why.md links (custom-comparison), (init-subclass),
#                      (hashing) to labels of the attrs docs; tomli-readme.md
#                      links (#construct-decimaldecimals-from-toml-floats) and
#                      (#building-a-tomlitomllib-compatibility-layer), GitHub
#                      slugs that differ from the docutils section ids.
#   ref.doc:           {doc}`extending` in attrs-why.md; :doc: links to
#                      /tutorial/index, /tutorial/tests, /patterns/appfactories,
#                      werkzeug:test, click:testing, /appcontext, /reqcontext
#                      in flask-testing.rst.
#   ref.ref:           {ref}`click.testing <testing>` in click-testing.md, a
#                      label of the Click docs.
#   kwindex.locate:    click-testing.md starts with the Click docs'
#                      ".. currentmodule:: click.testing" (in {eval-rst}),
#                      and the module's source is not part of this root.
suppress_warnings = ["myst.xref_missing", "ref.doc", "ref.ref", "kwindex.locate"]
