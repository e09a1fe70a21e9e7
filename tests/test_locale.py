"""Translations: pages follow the project's ``language`` through our own catalog.

Real builds with ``language = "de"`` (and one in English after them, in the same process),
then the catalog files themselves: the template matches the sources, the German translation
is complete and its compiled ``.mo`` is the one committed.
"""

from __future__ import annotations

import ast
import gettext
import importlib.util
import io
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from babel.messages.mofile import read_mo
from conftest import build_once
from helpers import body, html, kwindex_json, warnings

from sphinx_kwindex.analysis.insights import SECURITY_REASONS

if TYPE_CHECKING:
    from types import ModuleType

    from bs4 import Tag

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "sphinx_kwindex" / "locales" / "de" / "LC_MESSAGES" / "sphinx_kwindex.po"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kwindex_i18n", ROOT / "tools" / "i18n.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


i18n = _tool()


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return build_once(tmp_path_factory, "kwindex", confoverrides={"language": "de"})


@pytest.fixture(scope="module")
def german_insights(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Insights (patterns, security, tests) and a global index split into letter pages."""
    return build_once(
        tmp_path_factory,
        "kwindex-insights",
        confoverrides={"language": "de", "kwindex_index_split": 1},
    )


def text(node: Any) -> str:
    """A node's text in one line, without Sphinx's ``¶`` heading links."""
    assert node is not None
    strings = [s for s in node.strings if s.find_parent("a", class_="headerlink") is None]
    return " ".join(" ".join(strings).split())


def headings(page: Tag) -> dict[str, str]:
    """Section id -> its heading, for our sections."""
    return {
        str(section["id"]): text(section.find(re.compile("^h[1-6]$")))
        for section in page.select("section[id^=kwindex-]")
    }


def field_names(section: Tag | None) -> list[str]:
    assert section is not None
    return [text(dt).rstrip(" :") for dt in section.select("dl.kwindex-fields > dt")]


def table_headers(section: Tag | None) -> list[str]:
    assert section is not None
    return [text(th) for th in section.select("thead th")]


def list_labels(section: Tag | None) -> list[str]:
    """The ``Label:`` at the start of each item of a list of cross-references."""
    assert section is not None
    return [text(item).split(":")[0] for item in section.select("li")]


# -- German pages ---------------------------------------------------------------------------


def test_german_build_is_quiet(german: Any) -> None:
    assert warnings(german) == []


def test_module_page_in_german(german: Any) -> None:
    page = body(german, "kwindex/kwpkg.util")
    assert text(page.find("h1")) == "Stichwortverzeichnis: kwpkg.util"
    found = headings(page)
    assert found["kwindex-file-info"] == "Dateiinformationen"
    assert found["kwindex-overview"] == "Überblick"
    assert found["kwindex-keywords"] == "Stichwörter"
    assert found["kwindex-classes"] == "Klassen (1)"
    assert found["kwindex-functions"] == "Funktionen (2)"
    assert found["kwindex-imports"] == "Importe (6)"
    assert found["kwindex-section-map"] == "Stichwort → Abschnitt"
    assert found["kwindex-related"] == "Verwandte Dateien"
    assert found["kwindex-dependencies"] == "Abhängigkeiten"
    assert found["kwindex-imported-by"] == "Importiert von"
    assert found["kwindex-xrefs"] == "Querverweise"
    info = page.select_one("#kwindex-file-info")
    assert field_names(info) == [
        "Pfad",
        "Größe",
        "Zeilen",
        "Typ",
        "Dateiendung",
        "Zusammenfassung",
        "Dokumentation",
        "Ordner",
    ]
    assert info is not None
    values = [text(dd) for dd in info.select("dl.kwindex-fields > dd")]
    assert re.fullmatch(r"\d+ Bytes", values[1])
    assert values[3] == "Python-Modul"
    keywords = page.select_one("#kwindex-keywords > p")
    assert re.fullmatch(r"\d+ Stichwörter, aus dem Quelltext des Moduls\.", text(keywords))
    counts = text(page.select_one("#kwindex-overview p.kwindex-counts"))
    assert counts.startswith("Klassen: 1 · Funktionen: 2 · ")
    assert re.search(r"· Codezeilen: \d+$", counts)
    assert text(page.select_one("#kwindex-section-map p")) == (
        "Kein Stichwort dieses Moduls hat einen autodoc-Eintrag."
    )
    shapes = body(german, "kwindex/kwpkg.shapes")
    assert table_headers(shapes.select_one("#kwindex-section-map")) == [
        "Stichwort",
        "Abschnitt",
    ]
    related = page.select_one("#kwindex-related")
    assert table_headers(related) == ["Datei", "Modul", "Dokumentation", "Stichwortseite"]
    assert related is not None
    current = related.select_one("tr.kwindex-current")
    assert [text(cell) for cell in current.select("td")][2:] == [  # type: ignore[union-attr]
        "dieses Modul",
        "dieses Modul",
    ]
    assert text(page.select_one("#kwindex-dependencies dt")).startswith("Dieses Projekt (")
    xrefs = page.select_one("#kwindex-xrefs")
    assert list_labels(xrefs) == [
        "Moduldokumentation",
        "Stichwortseite",
        "Ordnerverzeichnis",
        "Ordnerdokumentation",
        "Globales Stichwortverzeichnis",
    ]
    assert xrefs is not None
    assert "kwpkg.util (diese Seite)" in [text(li).split(": ", 1)[1] for li in xrefs("li")]


def test_package_page_in_german(german: Any) -> None:
    page = body(german, "kwindex/kwpkg")
    assert headings(page)["kwindex-package"] == "Paketinhalt"
    assert table_headers(page.select_one("#kwindex-package")) == [
        "Modul",
        "Klassen",
        "Funktionen",
        "Methoden",
        "Attribute",
        "Importe",
        "Zusammenfassung",
    ]
    info = page.select_one("#kwindex-file-info")
    assert info is not None
    assert "Python-Paket" in [text(dd) for dd in info.select("dd")]


def test_global_index_in_german(german: Any) -> None:
    page = body(german, "kwindex/index")
    assert text(page.find("h1")) == "Stichwortverzeichnis"
    found = headings(page)
    assert found["kwindex-modules"] == "Module"
    assert found["kwindex-names"] == "Stichwörter von A bis Z"
    terms = {
        text(term.find("code")): text(term.select_one("span.kwindex-small"))
        for term in page.select("dl.kwindex-names dt")
    }
    assert terms["Circle"] == "(Klasse)"
    assert terms["circle_area"] == "(Funktion)"
    assert terms["Circle.area"] == "(Methode)"
    assert terms["PI"] == "(Attribut)"
    assert terms["json"] == "(importiert)"
    assert terms["kwpkg.util"] == "(Modul)"
    circle = page.find(id="kw-Circle")
    assert circle is not None
    lines = [text(p) for p in circle.find_next_sibling("dd").find_all("p")]  # type: ignore[union-attr]
    assert [line.split(":")[0] for line in lines] == [
        "Definiert in",
        "Importiert von",
        "Erwähnt in",
    ]
    module = page.find(id="kw-kwpkg.util")
    assert module is not None
    first = module.find_next_sibling("dd").find("p")  # type: ignore[union-attr]
    assert text(first) == "Stichwortseite: kwpkg.util"


def test_domain_index_title_follows_the_language(german: Any) -> None:
    """``KeywordIndex.localname`` is made at import time, yet translated per build."""
    page = html(german, "kwindex-keywords")
    assert text(page.find("h1")) == "Stichwortverzeichnis"
    roles = {text(em) for em in page.select("table.indextable td em") if text(em)}
    assert roles >= {"(definiert in)", "(importiert von)"}


def test_document_page_in_german(german: Any) -> None:
    page = body(german, "kwindex/doc/rst/guide")
    assert text(page.find("h1")) == "Stichwortverzeichnis: rst/guide"
    found = headings(page)
    assert [found[key] for key in sorted(found)] == [
        "Dateiinformationen",
        "Bezeichner",
        "Verwandte Dateien",
        "Stichwort → Abschnitt",
        "Querverweise",
    ]
    info = page.select_one("#kwindex-file-info")
    assert field_names(info) == ["Pfad", "Größe", "Zeilen", "Typ", "Dateiendung", "Seite"]
    assert table_headers(page.select_one("#kwindex-section-map")) == [
        "Bezeichner",
        "Abschnitt",
    ]
    assert list_labels(page.select_one("#kwindex-xrefs")) == [
        "Dokument",
        "Globales Stichwortverzeichnis",
    ]


def test_documentation_page_in_german(german: Any) -> None:
    """The "Related files" block that the extension adds to a page documenting a module."""
    page = body(german, "rst/api/util")
    block = page.select_one("div.kwindex-related-files")
    assert block is not None
    assert text(block.select_one("p.rubric")) == "Verwandte Dateien"
    lead = text(block.find("p", class_=False))
    assert lead == "Stichwortverzeichnis dieses Moduls: kwpkg.util"
    assert text(block.select_one("li.kwindex-current")) == "util.py (dieses Modul)"
    assert "Stichwörter" in [text(span) for span in block.select("span.kwindex-small")]


def test_insights_and_letter_pages_in_german(german_insights: Any) -> None:
    app = german_insights
    assert warnings(app) == []
    page = body(app, "kwindex/insightpkg.danger")
    found = headings(page)
    assert found["kwindex-patterns"] == "Code-Muster"
    assert found["kwindex-security"] == "Sicherheitsrelevante Aufrufe"
    security = page.select_one("#kwindex-security")
    assert security is not None
    assert text(security.find("p")) == "Hinweise für eine Prüfung, keine Urteile."
    reasons = {
        text(term).split(" — ")[0]: text(term.find("em")) for term in security.select("dt")
    }
    assert reasons["eval"] == "wertet eine Zeichenkette als Python-Code aus"
    assert (
        reasons["pickle"]
        == "Unpickling führt Code aus, den bestimmt, wer die Daten geschrieben hat"
    )
    lines = [text(dd).split(":")[0] for dd in security.select("dd")]
    assert {"Zeile", "Zeilen"} <= set(lines)
    size = [text(dd) for dd in page.select("#kwindex-file-info dl.kwindex-fields > dd")][1]
    assert re.fullmatch(r"\d\.\d{3} Bytes \(\d,\d KiB\)", size), size
    caching = body(app, "kwindex/insightpkg.caching")
    source = [text(dd) for dd in caching.select("#kwindex-file-info dl.kwindex-fields > dd")]
    assert "hervorgehobener Quelltext" in source
    assert "Caching" in [text(dt) for dt in caching.select("#kwindex-patterns dt")]
    assert headings(caching)["kwindex-tests"] == "Tests"
    assert text(caching.select_one("#kwindex-tests li")) == "tests/test_caching.py — 3 Tests"
    index = body(app, "kwindex/index")
    assert re.fullmatch(
        r"\d+ Namen: Jeder Buchstabe hat eine eigene Seite\.",
        text(index.select_one("#kwindex-names p:not(.kwindex-letter-bar)")),
    )
    letter = html(app, "kwindex/index-C")
    assert text(letter.find("h1")) == "Stichwortverzeichnis \N{EN DASH} C"
    assert text(letter.find("title")).startswith("Stichwortverzeichnis \N{EN DASH} C")
    term = letter.find(id="kw-cube")
    assert term is not None
    assert text(term.select_one("span.kwindex-small")) == "(Funktion)"
    assert text(term.find_next_sibling("dd")) == "Definiert in: insightpkg.caching"


def test_source_problems_in_german_and_warnings_in_english(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Pages follow ``language``; the console follows the system's locale (C here)."""
    app = build_once(tmp_path_factory, "kwindex-broken", confoverrides={"language": "de"})

    def problem(modname: str) -> str:
        return text(
            body(app, f"kwindex/{modname}").select_one(".kwindex-problem p:last-child")
        )

    lead = "Es konnten keine Stichwörter gesammelt werden: "
    assert problem("brokenpkg.nul") == lead + "Der Quelltext enthält ein NUL-Byte (Zeile 2)."
    assert problem("brokenpkg.badbytes") == (
        lead + "Die Datei ist kein gültiges utf-8 (Byte 0xff) (Zeile 2)."
    )
    assert problem("brokenpkg.missing") == (
        lead + "Die Quelldatei wurde auf dem Modulpfad nicht gefunden."
    )
    assert problem("brokenpkg.fastmod") == (
        lead + "Das Modul ist eine kompilierte Erweiterung und hat keinen Python-Quelltext."
    )
    # Python's own words stay as Python wrote them
    assert problem("brokenpkg.syntax") == lead + "Syntaxfehler: invalid syntax (Zeile 3)."
    assert (
        "brokenpkg/nul.py:2: WARNING: cannot index module 'brokenpkg.nul': the source "
        "contains a NUL byte [kwindex.parse]"
    ) in warnings(app)


def test_json_stays_english(german_insights: Any) -> None:
    data = kwindex_json(german_insights)
    danger = data["modules"]["insightpkg.danger"]
    reasons = {finding["key"]: finding["reason"] for finding in danger["security"]}
    assert reasons
    assert all(reasons[key] == SECURITY_REASONS[key] for key in reasons)


# -- English, in the same process, after the German builds --------------------------------


def test_english_build_after_german_stays_english(german: Any, built: Any) -> None:
    assert text(body(german, "kwindex/kwpkg").find("h1")) == "Stichwortverzeichnis: kwpkg"
    page = body(built, "kwindex/kwpkg.util")
    assert text(page.find("h1")) == "Keyword Index: kwpkg.util"
    found = headings(page)
    assert found["kwindex-file-info"] == "File information"
    assert found["kwindex-section-map"] == "Keyword → section map"
    assert field_names(page.select_one("#kwindex-file-info"))[:3] == ["Path", "Size", "Lines"]
    assert text(html(built, "kwindex-keywords").find("h1")) == "Keyword Index"
    index = body(built, "kwindex/index")
    assert headings(index)["kwindex-names"] == "Keywords from A to Z"


# -- The catalog files ----------------------------------------------------------------------


def _ids(catalog: Any) -> set[Any]:
    return {message.id for message in catalog if message.id}


def test_template_is_up_to_date() -> None:
    """``make pot`` was run after the last change to a message."""
    committed = i18n.read_catalog(i18n.TEMPLATE)
    assert _ids(i18n.extract()) == _ids(committed)


def test_german_translation_is_complete() -> None:
    catalog = i18n.read_catalog(PO)
    assert str(catalog.locale) == "de"
    assert catalog.plural_forms == "nplurals=2; plural=(n != 1);"
    assert _ids(catalog) == _ids(i18n.read_catalog(i18n.TEMPLATE))
    assert i18n.problems(catalog) == []


def _mo_messages(data: bytes) -> dict[tuple[str | None, Any], Any]:
    """The messages of a compiled catalog: (context, id) -> translation."""

    def plain(text: Any) -> Any:
        return tuple(text) if isinstance(text, list) else text

    return {
        (m.context, plain(m.id)): plain(m.string) for m in read_mo(io.BytesIO(data)) if m.id
    }


def _mo_header(data: bytes) -> dict[str, str]:
    """The header of a compiled catalog, without the line naming the Babel that wrote it."""
    info = gettext.GNUTranslations(io.BytesIO(data)).info()
    return {key: value for key, value in info.items() if key != "generated-by"}


def test_compiled_catalog_matches_the_translation() -> None:
    """``make mo`` was run after the last change to the translation. Compared message by
    message and header line by header line, as one line names the version of Babel that
    wrote the file."""
    committed = PO.with_suffix(".mo").read_bytes()
    compiled = i18n.render_mo(i18n.read_catalog(PO))
    assert _mo_messages(committed) == _mo_messages(compiled)
    assert len(_mo_messages(committed)) > 50
    assert _mo_header(committed) == _mo_header(compiled)
    assert "plural-forms" in _mo_header(committed)


#: Calls whose message is not a literal on purpose: the texts are marked where defined.
DYNAMIC = {("parts/insights.py", "security_reason")}


def test_messages_are_literals() -> None:
    """A message built at run time (an f-string, a variable) cannot be in the catalog."""
    package = ROOT / "sphinx_kwindex"
    wrong, allowed = [], []
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        relative = path.relative_to(package).as_posix()
        exempt = {
            id(node)
            for function in ast.walk(tree)
            if isinstance(function, ast.FunctionDef) and (relative, function.name) in DYNAMIC
            for node in ast.walk(function)
        }
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Name):
                continue
            if call.func.id not in i18n.KEYWORDS:
                continue
            wanted = 2 if i18n.KEYWORDS[call.func.id] else 1
            literal = all(
                isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value
                for arg in call.args[:wanted]
            )
            if not literal:
                (allowed if id(call) in exempt else wrong).append(f"{relative}:{call.lineno}")
    assert wrong == []
    assert len(allowed) == len(DYNAMIC)  # the exemptions are still needed
