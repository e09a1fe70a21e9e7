"""``kwindex.json``: the same records the pages show, for machines (at ``build-finished``)."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.errors import NoUri

from sphinx_kwindex import _stats
from sphinx_kwindex._config import Settings, settings
from sphinx_kwindex._domain import KwindexDomain, module_location, object_location
from sphinx_kwindex._links import viewcode_page
from sphinx_kwindex._locale import __
from sphinx_kwindex._stats import domain_of
from sphinx_kwindex._updates import unchanged
from sphinx_kwindex._warnings import logger
from sphinx_kwindex.analysis.insights import SECURITY_REASONS
from sphinx_kwindex.analysis.model import CATEGORIES
from sphinx_kwindex.parts import document

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_kwindex.analysis.model import Keyword, ModuleFacts
    from sphinx_kwindex.analysis.project import NameUse

FILENAME = "kwindex.json"
VERSION = 1


def on_build_finished(app: Sphinx, exception: BaseException | None) -> None:
    config = settings(app.config)
    if exception is not None or not config.json:
        return
    path = Path(app.outdir) / FILENAME
    if unchanged(app) and path.is_file():
        return  # nothing it shows changed since it was written (see _updates)
    begin = time.perf_counter()
    data = export(app, app.env, config)
    if config.stats:
        domain = domain_of(app)
        _stats.add(domain, "export JSON", time.perf_counter() - begin)
        steps = _stats.seconds(domain)
        data["stats"] = {"seconds": steps, "total_seconds": sum(steps.values())}
    text = dumps(data)
    try:
        if path.read_text(encoding="utf-8") == text:
            return
    except (OSError, UnicodeDecodeError):
        pass
    temporary = path.with_name(f".{FILENAME}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
    logger.info(__("[kwindex] wrote %s (%d modules)"), path, len(data["modules"]))


def dumps(data: dict[str, Any]) -> str:
    """*data* as JSON, one line per entry of its top-level mappings (a module, a keyword):
    readable in a diff, and fast (an indented dump goes through the json module's
    pure-Python encoder, several times slower than its C one on a large project)."""

    def entry(key: str, value: Any, indent: str) -> str:
        return f"{indent}{_json(key)}: {_json(value)}"

    fields = []
    for key, value in data.items():
        if isinstance(value, dict) and value:
            inner = ",\n".join(entry(name, item, "  ") for name, item in value.items())
            fields.append(f" {_json(key)}: {{\n{inner}\n }}")
        else:
            fields.append(entry(key, value, " "))
    return "{\n" + ",\n".join(fields) + "\n}\n"


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def export(app: Sphinx, env: BuildEnvironment, config: Settings) -> dict[str, Any]:
    """The JSON document: ``{"version": 1, "modules": {modname: {...}}}``."""
    domain = env.domains["kwindex"]
    assert isinstance(domain, KwindexDomain)
    modules = {}
    for modname in sorted(domain.plan):
        facts = domain.facts(modname)
        if facts is not None:
            modules[modname] = module_record(app, env, domain, config, facts)
    names = {
        name: [_use_record(use) for use in uses] for name, uses in domain.project.names.items()
    }
    result: dict[str, Any] = {"version": VERSION, "modules": modules, "keywords": names}
    if domain.data.get("document_plan"):
        result["documents"] = documents_record(app, domain)
    return result


def documents_record(app: Sphinx, domain: KwindexDomain) -> dict[str, Any]:
    """docname -> the prose document's facts, as its keyword page shows them."""
    from sphinx_kwindex._fill import context_for

    context = context_for(app, "")
    records = {}
    for docname in sorted(domain.data["document_plan"]):
        source = document.source_of(context, docname)
        relpath, size, lines, kind, _suffix = source or (None, None, None, None, None)
        records[docname] = {
            "path": relpath,
            "size": size,
            "lines": lines,
            "type": kind,
            "identifiers": [
                {
                    "name": mention.name,
                    "target": _page_uri(app, where.docname, where.anchor) if where else None,
                    "section": mention.section,
                }
                for mention in domain.project.documents.get(docname, ())
                for where in [document.identifier_location(context, mention.name)]
            ],
            "related": document.siblings(context, docname),
        }
    return records


def _use_record(use: NameUse) -> dict[str, str]:
    if use.role == "mentions":
        return {"document": use.modname, "role": use.role}
    return {"module": use.modname, "category": use.category, "role": use.role}


def module_record(
    app: Sphinx,
    env: BuildEnvironment,
    domain: KwindexDomain,
    config: Settings,
    facts: ModuleFacts,
) -> dict[str, Any]:
    modname = facts.modname
    home = domain.documentation(env, modname)
    keywords: dict[str, list[dict[str, Any]]] = {}
    sections = domain.section_map(modname, prefer=home.docname if home else None)
    section_titles: dict[str, str] = {}
    for category in config.categories:
        found = facts.keywords.category(category) if facts.keywords else ()
        keywords[category] = [
            keyword_record(app, env, modname, keyword, category) for keyword in found
        ]
        for keyword in found:
            entry = sections.get(keyword.qualname)
            if entry is not None:
                section_titles.setdefault(keyword.qualname, entry.title)
    info, location, problem = facts.info, facts.location, facts.problem
    return {
        "path": info.relpath if info else None,
        "size": info.size if info else None,
        "lines": info.lines if info else None,
        "type": location.kind if location else None,
        "extension": info.extension if info else None,
        "summary": facts.keywords.summary if facts.keywords else None,
        "docname": home.docname if home else None,
        "kwindex_docname": domain.page_of(modname),
        "keywords": keywords,
        "sections": dict(sorted(section_titles.items())),
        "related": [entry.modname for entry in facts.related if entry.modname != modname],
        "dependencies": [
            {"module": dep.modname, "group": dep.group, "line": dep.line}
            for dep in domain.project.dependencies.get(modname, ())
        ],
        "imported_by": list(domain.project.imported_by.get(modname, ())),
        **(insights_record(domain, facts) if config.insights else {}),
        "problem": (
            {"kind": problem.kind, "message": problem.message, "line": problem.line}
            if problem
            else None
        ),
    }


def insights_record(domain: KwindexDomain, facts: ModuleFacts) -> dict[str, Any]:
    """Overview, code patterns, sensitive calls and tests, as the page shows them."""
    insights = facts.insights
    if insights is None:
        return {"overview": None, "patterns": [], "security": [], "tests": []}
    keywords = facts.keywords
    counts = (
        {category: len(keywords.category(category)) for category in CATEGORIES}
        if keywords is not None
        else {}
    )
    return {
        "overview": {
            "text": insights.overview,
            "code_lines": insights.code_lines,
            "counts": counts,
        },
        "patterns": [finding._asdict() for finding in insights.patterns],
        "security": [
            {**finding._asdict(), "reason": SECURITY_REASONS[finding.key]}
            for finding in insights.security
        ],
        "tests": [
            {"path": test.shown, "tests": test.tests} for test in domain.tests(facts.modname)
        ],
    }


def keyword_record(
    app: Sphinx, env: BuildEnvironment, modname: str, keyword: Keyword, category: str
) -> dict[str, Any]:
    return {
        "name": keyword.name,
        "qualname": keyword.qualname,
        "fullname": keyword.fullname or None,
        "line": keyword.line,
        "target": target_uri(app, env, modname, keyword, category),
    }


def target_uri(
    app: Sphinx, env: BuildEnvironment, modname: str, keyword: Keyword, category: str
) -> str | None:
    """Where the keyword's link goes: a URI relative to the output folder, or an absolute
    URL (intersphinx); resolved the way the pages resolve it. Builders that write no web
    pages have no such URI: ``None``."""
    if not keyword.fullname:
        return None
    location = object_location(env, keyword.fullname) or module_location(env, keyword.fullname)
    if location is not None:
        return _page_uri(app, location.docname, location.anchor)
    external = _external_uri(env, keyword.fullname)
    if external is not None:
        return external
    if category != "imports" and viewcode_page(app, env, modname) is not None:
        return _page_uri(app, f"_modules/{modname.replace('.', '/')}", f"L{keyword.line}")
    return None


def _page_uri(app: Sphinx, page: str, anchor: str) -> str | None:
    builder = app.builder
    if builder.format != "html":
        return None
    if builder.name == "singlehtml":
        # one page for all documents: its anchors are unique on it
        uri = f"{app.config.root_doc}{builder.out_suffix}"  # type: ignore[attr-defined]  # HTML builders have it
        return f"{uri}#{anchor}" if anchor else uri
    try:
        uri = builder.get_target_uri(page)
    except NoUri:
        return None
    return f"{uri}#{anchor}" if anchor else uri


def _external_uri(env: BuildEnvironment, fullname: str) -> str | None:
    """Ask the other resolvers (intersphinx) as Sphinx would, with a throw-away node."""
    contnode = nodes.literal(fullname, fullname)
    node = addnodes.pending_xref(
        "",
        contnode,
        refdomain="py",
        reftype="obj",
        reftarget=fullname,
        refexplicit=True,
        refdoc="index",
    )
    result = env.events.emit_firstresult(
        "missing-reference", env, node, contnode, allowed_exceptions=(NoUri,)
    )
    if isinstance(result, nodes.reference) and "://" in result.get("refuri", ""):
        return str(result["refuri"])
    return None
