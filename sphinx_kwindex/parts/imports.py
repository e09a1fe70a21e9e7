"""Write-time parts about the import graph: dependencies, importers, and the import map."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.errors import NoUri
from sphinx.ext.graphviz import graphviz

from sphinx_kwindex._locale import _
from sphinx_kwindex.analysis.imports import GROUPS, Dependency, dependencies

if TYPE_CHECKING:
    from sphinx_kwindex.analysis.model import ModuleFacts
    from sphinx_kwindex.parts.context import Context

#: An import map shows at most this many modules; the best connected are kept.
MAX_NODES = 40


def group_label(group: str) -> str:
    return {
        "project": _("This project"),
        "third-party": _("Third-party"),
        "stdlib": _("Standard library"),
        "unresolved": _("Unresolved relative imports"),
    }[group]


def dependencies_part(
    context: Context, modname: str, facts: ModuleFacts | None
) -> list[nodes.Node]:
    """The modules this one imports, by origin; this project's linked to their pages."""
    found = _dependencies(context, modname, facts)
    if not found:
        return [nodes.paragraph("", _("This module imports nothing."))]
    groups = nodes.definition_list("", classes=["kwindex-dependency-groups"])
    for group in GROUPS:
        members = [dep for dep in found if dep.group == group]
        if not members:
            continue
        links: list[nodes.Node] = []
        for dep in members:
            if links:
                links.append(nodes.Text(", "))
            links.append(_module_link(context, dep.modname))
        term = nodes.term("", f"{group_label(group)} ({len(members)})")
        definition = nodes.definition("", nodes.paragraph("", "", *links))
        groups += nodes.definition_list_item(
            "", term, definition, classes=[f"kwindex-{group}"]
        )
    return [groups]


def dependencies_inputs(context: Context, modname: str, facts: ModuleFacts | None) -> Any:
    found = _dependencies(context, modname, facts)
    return found, [context.keyword_page(dep.modname) for dep in found]


def imported_by(context: Context, modname: str, facts: ModuleFacts | None) -> list[nodes.Node]:
    """The indexed modules that import this one, or a name from it."""
    importers = context.domain.project.imported_by.get(modname, ())
    if not importers:
        return [nodes.paragraph("", _("No indexed module imports this one."))]
    items = nodes.bullet_list("", classes=["kwindex-related-list"])
    for importer in importers:
        items += nodes.list_item("", nodes.paragraph("", "", _module_link(context, importer)))
    return [items]


def imported_by_inputs(context: Context, modname: str, facts: ModuleFacts | None) -> Any:
    importers = context.domain.project.imported_by.get(modname, ())
    return [(importer, context.keyword_page(importer)) for importer in importers]


def import_map(context: Context, modname: str, facts: ModuleFacts | None) -> list[nodes.Node]:
    """The imports between a package's modules, drawn by Graphviz, linked to keyword pages."""
    builder = context.app.builder
    if builder.format not in {"html", "latex", "texinfo"} or builder.name.startswith("epub"):
        return [nodes.paragraph("", _("The import map is drawn in HTML and PDF output."))]
    members, edges, left_out = _graph(context, modname, facts)
    if len(members) < 2:
        return [nodes.paragraph("", _("This package has fewer than two modules to draw."))]
    if not edges:
        return [nodes.paragraph("", _("No module of this package imports another one."))]
    lines = [
        f'digraph "{_quote(modname)}" {{',
        '  graph [rankdir=LR, fontsize=10, bgcolor="transparent"];',
        '  node [shape=box, style="rounded", fontsize=10, fontname="sans-serif"];',
        "  edge [arrowsize=0.7];",
    ]
    for member, label in members.items():
        attributes = [f'label="{_quote(label)}"', f'tooltip="{_quote(member)}"']
        page = context.keyword_page(member)
        if page == context.docname:
            attributes.append('style="rounded,bold"')  # this page: marked, not linked
        elif page is not None:
            try:
                uri = context.app.builder.get_relative_uri(context.docname, page)
            except NoUri:
                uri = ""
            if uri:
                attributes.append(f'URL="{_quote(uri)}"')
                attributes.append('target="_top"')
        lines.append(f'  "{_quote(member)}" [{", ".join(attributes)}];')
    for source, target in edges:
        lines.append(f'  "{_quote(source)}" -> "{_quote(target)}";')
    lines.append("}")
    node = graphviz()
    node["code"] = "\n".join(lines)
    node["options"] = {"docname": context.docname}
    node["alt"] = _("Import map of %s") % modname
    node["classes"] = ["kwindex-import-map-graph"]
    result: list[nodes.Node] = [node]
    if left_out:
        text = _("Left out, to keep the map readable: %s.") % ", ".join(left_out)
        result.append(nodes.paragraph("", text, classes=["kwindex-small"]))
    return result


def import_map_inputs(context: Context, modname: str, facts: ModuleFacts | None) -> Any:
    members, edges, left_out = _graph(context, modname, facts)
    return members, edges, left_out, [context.keyword_page(member) for member in members]


def _graph(
    context: Context, package: str, facts: ModuleFacts | None
) -> tuple[dict[str, str], list[tuple[str, str]], list[str]]:
    """The package's own ``__init__`` and its direct children (a subpackage stands for all
    its modules), the imports between them, and the children left out above the cap."""
    if facts is None:
        return {}, [], []
    members = {entry.modname: entry.filename for entry in facts.related}
    members[package] = "__init__.py"
    prefix = package + "."

    def member_of(name: str) -> str | None:
        if name == package:
            return package
        if not name.startswith(prefix):
            return None
        child = prefix + name[len(prefix) :].partition(".")[0]
        return child if child in members else None

    graph = dict(context.domain.project.dependencies)
    known = set(context.domain.plan)
    for child in members:
        if child not in graph:  # not indexed: its facts were read for the package page
            child_facts = context.domain.facts(child, context.docname)
            if child_facts is not None and child_facts.keywords is not None:
                graph[child] = dependencies(child_facts.keywords, child, known, ())
    edges: set[tuple[str, str]] = set()
    for source_module, deps in graph.items():
        source = member_of(source_module)
        if source is None:
            continue
        for dep in deps:
            target = member_of(dep.modname)
            if target is not None and target != source:
                edges.add((source, target))
    degree = dict.fromkeys(members, 0)
    for source, target in edges:
        degree[source] += 1
        degree[target] += 1
    kept = sorted(members, key=lambda name: (-degree[name], name))[:MAX_NODES]
    left_out = sorted(set(members) - set(kept))
    shown = {name: members[name] for name in sorted(kept)}
    return (
        shown,
        sorted(edge for edge in edges if edge[0] in shown and edge[1] in shown),
        left_out,
    )


def _dependencies(
    context: Context, modname: str, facts: ModuleFacts | None
) -> tuple[Dependency, ...]:
    found = context.domain.project.dependencies.get(modname)
    if found is not None:
        return found
    if facts is None or facts.keywords is None:
        return ()
    project = {name.partition(".")[0] for name in context.domain.plan}
    return dependencies(facts.keywords, modname, set(context.domain.plan), project)


def _module_link(context: Context, modname: str) -> nodes.Node:
    literal = nodes.literal(modname, modname)
    page = context.keyword_page(modname)
    if page is None or page == context.docname:
        return literal
    return context.page_link(page, literal)


def _quote(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')
