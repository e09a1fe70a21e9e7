"""Write-time parts of a module's insights: code patterns and sensitive calls, each with its
lines linked to the highlighted source (when viewcode shows it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinx_kwindex._links import source_line_reference, viewcode_page
from sphinx_kwindex._locale import _, ngettext
from sphinx_kwindex.analysis.insights import SECURITY_REASONS

if TYPE_CHECKING:
    from sphinx_kwindex.analysis.insights import Finding
    from sphinx_kwindex.analysis.model import ModuleFacts
    from sphinx_kwindex.parts.context import Context


def pattern_label(key: str) -> str:
    return {
        "caching": _("Caching"),
        "dataclass": _("Data classes"),
        "abc": _("Abstract base classes"),
        "context-manager": _("Context managers"),
        "async": _("Asynchronous code"),
        "generator": _("Generators"),
        "decorator": _("Decorators defined here"),
        "property": _("Properties"),
        "slots": _("__slots__"),
        "overload": _("Overloads"),
        "protocol": _("Protocols"),
        "threading": _("Threads"),
        "multiprocessing": _("Processes"),
        "concurrent": _("concurrent.futures"),
        "subprocess": _("Subprocesses"),
        "logging": _("Logging"),
        "warnings": _("Warnings"),
        "deprecation": _("Deprecations"),
        "global-state": _("Global state"),
    }.get(key, key)


def security_reason(key: str) -> str:
    """Why a sensitive call matters, in the page's language (marked in ``analysis``)."""
    reason = SECURITY_REASONS.get(key)
    # never _(""): it is the catalog's header
    return _(reason) if reason else ""


def patterns(context: Context, modname: str, facts: ModuleFacts | None) -> list[nodes.Node]:
    found = facts.insights.patterns if facts and facts.insights else ()
    return [_findings(context, modname, found, pattern_label, None)]


def security(context: Context, modname: str, facts: ModuleFacts | None) -> list[nodes.Node]:
    found = facts.insights.security if facts and facts.insights else ()
    return [_findings(context, modname, found, lambda key: key, security_reason)]


def inputs(context: Context, modname: str, facts: ModuleFacts | None) -> Any:
    """The findings come from the page's own read; only the source links depend on others."""
    return viewcode_page(context.app, context.env, modname)


def _findings(
    context: Context,
    modname: str,
    findings: tuple[Finding, ...],
    label: Any,
    reason: Any,
) -> nodes.definition_list:
    """Each kind once: its name (and why it matters), then its lines, linked."""
    result = nodes.definition_list("", classes=["kwindex-findings"])
    by_key: dict[str, list[Finding]] = {}
    for finding in findings:
        by_key.setdefault(finding.key, []).append(finding)
    for key, found in by_key.items():
        term = nodes.term("", "", nodes.Text(label(key)))
        if reason is not None and reason(key):
            term += nodes.Text(" \N{EM DASH} ")
            term += nodes.emphasis("", reason(key))
        lines = nodes.paragraph("", ngettext("Line: ", "Lines: ", len(found)))
        for index, finding in enumerate(found):
            if index:
                lines += nodes.Text(", ")
            text = nodes.Text(str(finding.line))
            link = source_line_reference(
                context.app, context.env, context.docname, modname, finding.line, text
            )
            lines += link if link is not None else text
        details = sorted({finding.detail for finding in found})
        lines += nodes.Text(" (" + ", ".join(details) + ")")
        result += nodes.definition_list_item("", term, nodes.definition("", lines))
    return result
