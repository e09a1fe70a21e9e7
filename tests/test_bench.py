"""The benchmark (``benchmarks/bench.py``, issue 6) still runs: a tiny version of it, on the
test package, with this interpreter instead of the bench venv."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("full", "parallel", "noop", "edit")


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def test_quick_benchmark(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    command = [
        sys.executable,
        str(ROOT / "benchmarks" / "bench.py"),
        "--quick",
        "--floor-pages",
        "--source-dir",
        str(ROOT / "tests" / "roots" / "test-kwindex" / "kwpkg"),
        "--python",
        sys.executable,
        "--out",
        str(out),
        "--workdir",
        str(tmp_path / "work"),
    ]
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=120, check=False, cwd=tmp_path
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "targets (issue 6)" in result.stdout

    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["quick"] is True
    assert data["runs"] == 1
    assert data["package"]["name"] == "kwpkg"
    assert data["package"]["modules"] == 5
    assert data["edited_module"].startswith("kwpkg.")
    floor = data["ast_parse_floor"]
    assert floor["files"] == 5
    assert floor["failed"] == 0
    assert is_number(floor["seconds"]["median"])

    summary = data["summary"]
    for variant in ("A", "B"):
        for kind in KINDS:
            entry = summary[variant][kind]
            for name in (
                "seconds",
                "cpu_seconds",
                "peak_rss_mib",
                "docs_read",
                "docs_written",
            ):
                stat = entry[name]
                assert all(is_number(stat[key]) for key in ("median", "min", "max")), (
                    variant,
                    kind,
                    name,
                )
            assert entry["seconds"]["median"] > 0
            assert entry["peak_rss_mib"]["median"] > 0
    # every module's page and the index; B adds a keyword page per module and the global one
    assert summary["A"]["full"]["docs_read"]["median"] == 6
    assert summary["B"]["full"]["docs_read"]["median"] == 12
    assert summary["A"]["noop"]["docs_read"]["median"] == 0
    assert is_number(summary["B"]["noop"]["stubs_rewritten"]["median"])
    assert summary["A"]["edit"]["docs_read"]["median"] >= 1

    for name, stat in data["ratios"].items():
        assert is_number(stat["median"]), name
    # F: the baseline plus a title-only page per module, one full build per round
    assert data["floor_pages"] is True
    assert list(summary["F"]) == ["full"]
    assert summary["F"]["full"]["docs_read"]["median"] == 11
    assert {"full_time_F_over_A", "full_cpu_F_over_A", "full_time_B_over_F"} <= set(
        data["ratios"]
    )
    floor_page = tmp_path / "work" / "build" / "F" / "html" / "floor" / "kwpkg.shapes.html"
    assert "Page of" in floor_page.read_text(encoding="utf-8")
    assert "F = A + one page per module" in result.stdout
    assert len(data["builds"]) == 9
    assert {build["exit_code"] for build in data["builds"]} == {0}
    # the extension's own time: a number once kwindex.json has "stats", else null
    ext = summary["B"]["full"]["ext_seconds"]
    assert ext is None or is_number(ext["median"])
    for name, stat in data["extension_steps"].items():
        assert is_number(stat["median"]), name
    assert all(isinstance(target["ok"], bool | None) for target in data["targets"])

    check_phases(tmp_path / "work")


def check_phases(work: Path) -> None:
    """``phases.py`` on the projects a bench run kept: CPU time per phase and folder."""
    phases = work.parent / "phases.json"
    command = [sys.executable, str(ROOT / "benchmarks" / "phases.py")]
    command += [str(work / name) for name in ("A", "F", "B")] + ["--json", str(phases)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.split("\n", 1)[0].split() == ["CPU", "seconds", "A", "F", "B"]
    times = json.loads(phases.read_text(encoding="utf-8"))
    for phase in ("read", "resolve", "write"):
        assert "kwindex" not in {key.split()[1] for key in times["A"] if key.startswith(phase)}
        assert is_number(times["F"][f"{phase} floor"])
        assert times["B"][f"{phase} kwindex"] > 0
        assert times["A"][f"{phase} api"] > 0
    assert all(times[name]["total"] > 0 for name in ("A", "F", "B"))


def test_analysis_floor_script() -> None:
    command = [
        sys.executable,
        str(ROOT / "benchmarks" / "analysis_floor.py"),
        "kwpkg",
        "--path",
        str(ROOT / "tests" / "roots" / "test-kwindex"),
        "--repeat",
        "2",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "kwpkg: 5 modules, fastest CPU time of 2 passes"
    assert [line.split(":")[0].strip() for line in lines[1:]] == [
        "ast.parse floor",
        "analysis without insights",
        "analysis with insights",
    ]
