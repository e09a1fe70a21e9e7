"""A builder as a third party might write it: its writer visits docutils' own nodes only.

Any other node (ours, Sphinx's) makes the writer raise NotImplementedError.
"""

from docutils import nodes, writers
from docutils.io import StringOutput
from sphinx.builders import Builder


class PlainTranslator(nodes.NodeVisitor):
    def __init__(self, document):
        super().__init__(document)
        self.parts = []

    def visit_Text(self, node):
        self.parts.append(node.astext())

    def depart_Text(self, node):
        pass


def _pass(self, node):
    pass


for _name in nodes.node_class_names:
    if _name != "Text":
        setattr(PlainTranslator, f"visit_{_name}", _pass)
        setattr(PlainTranslator, f"depart_{_name}", _pass)


class PlainWriter(writers.Writer):
    supported = ("plain",)

    def translate(self):
        visitor = PlainTranslator(self.document)
        self.document.walkabout(visitor)
        self.output = "".join(visitor.parts)


class PlainBuilder(Builder):
    name = "plain"
    format = "plain"
    epilog = ""

    def get_outdated_docs(self):
        return self.env.found_docs

    def get_target_uri(self, docname, typ=None):
        return docname + ".txt"

    def prepare_writing(self, docnames):
        self.writer = PlainWriter()

    def write_doc(self, docname, doctree):
        self.writer.write(doctree, StringOutput(encoding="utf-8"))
        path = self.outdir / f"{docname}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.writer.output, encoding="utf-8")


def setup(app):
    app.add_builder(PlainBuilder)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
