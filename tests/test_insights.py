"""Module insights: overview, code patterns, security-sensitive calls and tests, checked
exactly against a hand-labelled package and a package of look-alikes."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_once
from helpers import body, kwindex_json, warnings
from insights_expected import LOOKALIKES, OVERVIEW, PATTERNS, SECURITY, TESTS

from sphinx_kwindex.analysis import study_module

ROOT = str(Path(__file__).parent / "roots" / "test-kwindex-insights")
MODULES = sorted(set(PATTERNS) | set(SECURITY))


def _grouped(findings) -> dict[str, list[int]]:
    found: dict[str, set[int]] = {}
    for finding in findings:
        found.setdefault(finding.key, set()).add(finding.line)
    return {key: sorted(lines) for key, lines in found.items()}


@pytest.mark.parametrize("modname", MODULES)
def test_findings_are_exactly_the_labelled_ones(modname) -> None:
    insights = study_module(modname, [ROOT]).insights
    assert insights is not None
    assert _grouped(insights.patterns) == PATTERNS.get(modname, {})
    assert _grouped(insights.security) == SECURITY.get(modname, {})
    assert insights.code_lines == OVERVIEW[modname]["code_lines"]


@pytest.mark.parametrize("modname", sorted(LOOKALIKES))
def test_look_alikes_yield_nothing(modname) -> None:
    insights = study_module(modname, [ROOT]).insights
    assert insights is not None
    assert insights.patterns == ()
    assert insights.security == ()


@pytest.fixture(scope="module")
def insights_app(tmp_path_factory):
    return build_once(tmp_path_factory, "kwindex-insights")


def test_pages_show_what_was_found_and_nothing_else(insights_app) -> None:
    app = insights_app
    assert warnings(app) == []
    danger = body(app, "kwindex/insightpkg.danger")
    terms = [dt.get_text() for dt in danger.find(id="kwindex-security").find_all("dt")]
    assert terms[0] == "compile \N{EM DASH} compiles a string into code that can then be run"
    assert len(terms) == len(SECURITY["insightpkg.danger"])
    overview = danger.find(id="kwindex-overview")
    assert (
        "Lines of code: " + str(OVERVIEW["insightpkg.danger"]["code_lines"])
        in overview.get_text()
    )
    # the look-alikes: an overview, and no section of findings at all
    quiet = body(app, "kwindex/lookalikes.names")
    assert quiet.find(id="kwindex-overview") is not None
    for empty in ("kwindex-patterns", "kwindex-security", "kwindex-tests"):
        assert quiet.find(id=empty) is None


def test_lines_link_to_the_highlighted_source(insights_app) -> None:
    from helpers import source_lines

    caching = body(insights_app, "kwindex/insightpkg.caching").find(id="kwindex-patterns")
    links = [a["href"] for a in caching.find_all("a") if "#L" in a.get("href", "")]
    expected = [
        f"../_modules/insightpkg/caching.html#L{line}"
        for key in PATTERNS["insightpkg.caching"]
        for line in PATTERNS["insightpkg.caching"][key]
    ]
    assert sorted(links) == sorted(expected)
    lines = source_lines(insights_app, "insightpkg.caching")
    first = PATTERNS["insightpkg.caching"]["caching"][0]
    assert "cache" in lines[first]


def test_tests_that_import_a_module(insights_app) -> None:
    data = kwindex_json(insights_app)["modules"]
    for modname in MODULES:
        found = {test["path"]: test["tests"] for test in data[modname]["tests"]}
        assert found == TESTS.get(modname, {}), modname
    page = body(insights_app, "kwindex/insightpkg.caching").find(id="kwindex-tests")
    assert page.get_text().strip().endswith("tests/test_caching.py \N{EM DASH} 3 tests")


def test_json_insights(insights_app) -> None:
    module = kwindex_json(insights_app)["modules"]["insightpkg.danger"]
    assert module["overview"]["code_lines"] == OVERVIEW["insightpkg.danger"]["code_lines"]
    keys = {finding["key"] for finding in module["security"]}
    assert keys == set(SECURITY["insightpkg.danger"])
    assert all(finding["reason"] for finding in module["security"])


def test_insights_can_be_turned_off(tmp_path_factory) -> None:
    app = build_once(
        tmp_path_factory, "kwindex-insights", confoverrides={"kwindex_insights": False}
    )
    page = body(app, "kwindex/insightpkg.danger")
    for section in (
        "kwindex-overview",
        "kwindex-patterns",
        "kwindex-security",
        "kwindex-tests",
    ):
        assert page.find(id=section) is None
    assert "security" not in kwindex_json(app)["modules"]["insightpkg.danger"]
