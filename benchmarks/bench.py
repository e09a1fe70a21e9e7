#!/usr/bin/env python3
"""Benchmark sphinx-kwindex against the build users have today (issue 6).

For one pure-Python package, generates a Sphinx project with one reST page per module
(``automodule`` with ``:members:`` and ``:undoc-members:``, plus ``sphinx.ext.viewcode``) and
builds it with ``sphinx-build`` in a fresh process per build, alternating

- A: the baseline (autodoc + viewcode), and
- B: the same with ``sphinx_kwindex``,

round after round: full builds, a no-op rebuild, a rebuild after appending a comment to one
module (in a copy of the package: the installed one is never touched) and full ``-j`` builds.
Each build's wall time, peak RSS (the child's own, from ``os.wait4``), documents read and
written (from a small probe extension in both builds, and Sphinx's status line) are recorded,
with the extension's own time from ``kwindex.json``'s ``stats`` when it writes one. The floor
for static analysis, reading and ``ast.parse``-ing every documented module, is timed in the
same interpreter. Prints a table of medians (min-max over rounds) and per-round ratios, and
writes everything as JSON.

Only the standard library runs here; Sphinx runs in the bench interpreter: by default a
dedicated venv (``benchmarks/.venv-bench``), created on first use with Sphinx, the package
and sphinx-kwindex (editable, from this checkout); ``--python`` uses a given interpreter.

    python3 benchmarks/bench.py --size small            # markdown-it-py, 66 modules
    python3 benchmarks/bench.py --size large            # sympy without its tests, 809 modules
    python3 benchmarks/bench.py --package NAME [--dist REQUIREMENT]
    python3 benchmarks/bench.py --quick --source-dir tests/roots/test-kwindex/kwpkg \\
        --python .venv/bin/python --out /tmp/quick.json
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator

REPO = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
DEFAULT_VENV = HERE / ".venv-bench"
RESULTS = REPO / "bench-results"
JSON_VERSION = 1
KWINDEX_DIR = "kwindex"  # the extension's default ``kwindex_dir``
FLOOR_DIR = "floor"  # build F's pages (``--floor-pages``)
QUICK_MODULES = 5
EDIT_LINE = "\n# sphinx-kwindex benchmark: an appended comment (no name changes)\n"


@dataclass(frozen=True)
class Preset:
    package: str  # the import name
    dist: str  # what pip installs
    exclude: tuple[str, ...] = ()
    note: str = ""


PRESETS = {
    "small": Preset("markdown_it", "markdown-it-py", (), "markdown-it-py: 66 modules"),
    "large": Preset(
        "sympy",
        "sympy",
        ("*.tests", "*.tests.*", "*.benchmarks", "*.benchmarks.*"),
        "sympy without its tests and benchmarks: 809 modules",
    ),
}

# Run in the bench interpreter: what it has, and where the package lives (never imported).
INFO_SCRIPT = r"""
import importlib.util, json, platform, sys
from importlib import metadata

def version(dist):
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None

def where(name):
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None:
        return None
    if spec.submodule_search_locations:
        return {"kind": "package", "path": list(spec.submodule_search_locations)[0]}
    return {"kind": "module", "path": spec.origin}

package, dist = sys.argv[1], sys.argv[2]
print(json.dumps({
    "python": platform.python_version(),
    "implementation": platform.python_implementation(),
    "sphinx": version("sphinx"),
    "sphinx_kwindex": version("sphinx-kwindex"),
    "sphinx_kwindex_location": (where("sphinx_kwindex") or {}).get("path"),
    "package": where(package) if package else None,
    "package_version": version(dist) if dist else None,
}))
"""

# Run in the bench interpreter: seconds to read and parse the files, once per run.
FLOOR_SCRIPT = r"""
import ast, json, sys, time
files = json.load(open(sys.argv[1], encoding="utf-8"))
runs, failed, times = int(sys.argv[2]), 0, []
for _ in range(runs):
    failed = 0
    start = time.perf_counter()
    for path in files:
        with open(path, "rb") as file:
            source = file.read()
        try:
            ast.parse(source, path)
        except (SyntaxError, ValueError):
            failed += 1
    times.append(time.perf_counter() - start)
print(json.dumps({"seconds": times, "failed": failed}))
"""


@dataclass(frozen=True)
class Module:
    name: str
    path: Path  # in the copy of the package
    package: bool

    @property
    def docname(self) -> str:
        return f"api/{self.name}"


@dataclass(frozen=True)
class Variant:
    name: str  # "A", "B" or "F"
    srcdir: Path
    kwindex: bool
    #: F: a page per module that shows only its title (``--floor-pages``)
    floor_pages: bool = False


@dataclass
class Build:
    """One ``sphinx-build`` run and what it measured."""

    round: int
    variant: str
    kind: str  # full, noop, edit, parallel
    jobs: int
    seconds: float
    #: user + system time of the build's processes (steadier than wall time when other
    #: work shares the machine; with -j, the workers' time is added, not overlapped)
    cpu_seconds: float
    peak_rss_mib: float
    exit_code: int
    docs_read: int
    docs_written: int
    pages_written: int
    status_added: int | None
    status_changed: int | None
    status_removed: int | None
    warnings: int
    kwindex_warnings: int
    serial_fallback: bool
    stub_files: int | None = None
    stubs_rewritten: int | None = None
    ext_seconds: float | None = None
    ext_steps: dict[str, float] | None = None
    json_rewritten: bool | None = None
    read: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)


class BenchError(Exception):
    """Something the user must fix; printed without a traceback."""


# -- the bench interpreter ------------------------------------------------------------------


def run_quiet(command: list[str], cwd: Path | None = None) -> str:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BenchError(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def interpreter_info(python: Path, package: str, dist: str, cwd: Path) -> dict[str, Any]:
    info: dict[str, Any] = json.loads(
        run_quiet([str(python), "-c", INFO_SCRIPT, package, dist], cwd=cwd)
    )
    return info


def ensure_venv(venv: Path, package: str, dist: str | None, cwd: Path) -> Path:
    """The bench venv's interpreter, with Sphinx, the package and sphinx-kwindex (editable)."""
    python = venv / "bin" / "python"
    if not python.exists():
        print(f"creating the bench venv {venv}", flush=True)
        run_quiet([sys.executable, "-m", "venv", str(venv)])
    info = interpreter_info(python, package, dist or "", cwd)
    wanted: list[str] = []
    location = info["sphinx_kwindex_location"]
    if info["sphinx"] is None or location is None or Path(location).parent != REPO:
        wanted += ["-e", str(REPO)]
    if dist is not None and info["package"] is None:
        wanted.append(dist)
    if wanted:
        print(f"installing into {venv}: {' '.join(wanted)}", flush=True)
        run_quiet([str(python), "-m", "pip", "install", "--quiet", *wanted])
    return python


# -- the project ----------------------------------------------------------------------------


def find_modules(root: Path, name: str, exclude: list[str]) -> list[Module]:
    """Every module of the package at *root*: a folder with ``__init__.py``, or a file."""
    if root.is_file():
        return [Module(name, root, package=False)]
    found: list[Module] = []

    def visit(folder: Path, prefix: str) -> None:
        if any(fnmatch.fnmatchcase(prefix, pattern) for pattern in exclude):
            return
        found.append(Module(prefix, folder / "__init__.py", package=True))
        for entry in sorted(folder.iterdir()):
            stem = entry.name.removesuffix(".py")
            if not stem.isidentifier():
                continue
            if entry.is_dir() and (entry / "__init__.py").is_file():
                visit(entry, f"{prefix}.{stem}")
            elif (
                entry.is_file()
                and entry.suffix == ".py"
                and stem not in {"__init__", "__main__"}
            ):
                modname = f"{prefix}.{stem}"
                if not any(fnmatch.fnmatchcase(modname, pattern) for pattern in exclude):
                    found.append(Module(modname, entry, package=False))

    visit(root, name)
    return sorted(found, key=lambda module: module.name)


def write_project(
    variant: Variant, package: str, modules: list[Module], paths: list[Path]
) -> None:
    srcdir = variant.srcdir
    (srcdir / "api").mkdir(parents=True)
    extensions = ["sphinx.ext.autodoc", "sphinx.ext.viewcode", "kwbench_probe"]
    if variant.kwindex:
        extensions.append("sphinx_kwindex")
    if variant.floor_pages:
        extensions.append("kwbench_floor")
    conf = [
        f"# Generated by sphinx-kwindex's benchmarks/bench.py (build {variant.name}).",
        "import sys",
        "",
        "# the copy of the package (documented instead of the installed one), the probe and",
        "# the snapshot of sphinx_kwindex that every build of this run uses",
        f"sys.path[:0] = {[str(path) for path in paths]!r}",
        "",
        f"project = {f'{package} ({variant.name})'!r}",
        f"extensions = {extensions!r}",
        'suppress_warnings = ["autodoc"]',
        "",
    ]
    if variant.kwindex:
        # the extension's own time per step, in kwindex.json's "stats" (ignored by versions
        # that do not know the setting)
        conf += ["kwindex_stats = True", ""]
    (srcdir / "conf.py").write_text("\n".join(conf), encoding="utf-8")
    title = f"Benchmark: ``{package}``"
    index = [title, "=" * len(title), "", ".. toctree::", "   :maxdepth: 1", ""]
    index += [f"   {module.docname}" for module in modules]
    (srcdir / "index.rst").write_text("\n".join([*index, ""]), encoding="utf-8")
    for module in modules:
        title = f"``{module.name}``"
        page = [title, "=" * len(title), "", f".. automodule:: {module.name}"]
        page += ["   :members:", "   :undoc-members:", ""]
        (srcdir / f"{module.docname}.rst").write_text("\n".join(page), encoding="utf-8")
    if variant.floor_pages:
        write_floor_pages(srcdir, modules)


def write_floor_pages(srcdir: Path, modules: list[Module]) -> None:
    """Build F's pages: per module, an orphan page out of search with a title and a line,
    in one folder (as keyword pages are)."""
    folder = srcdir / FLOOR_DIR
    folder.mkdir()
    for module in modules:
        title = f"Page of ``{module.name}``"
        page = [":orphan:", ":nosearch:", "", title, "=" * len(title), "", "Nothing else."]
        (folder / f"{module.name}.rst").write_text("\n".join([*page, ""]), encoding="utf-8")


def edit_target(modules: list[Module], requested: str | None) -> Module:
    if requested is not None:
        for module in modules:
            if module.name == requested:
                return module
        raise BenchError(f"--edit-module {requested}: not among the documented modules")
    plain = [module for module in modules if not module.package] or modules
    by_size = sorted(plain, key=lambda module: (module.path.stat().st_size, module.name))
    return by_size[len(by_size) // 2]


# -- one build ------------------------------------------------------------------------------


def snapshot(folder: Path) -> dict[str, int]:
    if not folder.is_dir():
        return {}
    return {
        str(path.relative_to(folder)): path.stat().st_mtime_ns
        for path in folder.rglob("*")
        if path.is_file()
    }


def changed_files(before: dict[str, int], after: dict[str, int]) -> int:
    rewritten = sum(1 for name, mtime in after.items() if before.get(name) != mtime)
    return rewritten + len(before.keys() - after.keys())


def read_probe(path: Path) -> tuple[list[str], list[str], list[str]]:
    read: list[str] = []
    written: list[str] = []
    pages: list[str] = []
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            {"read": read, "write": written, "page": pages}[record["event"]].extend(
                record["names"]
            )
    return read, written, pages


def extension_stats(path: Path) -> tuple[float | None, dict[str, float] | None]:
    """``stats`` of ``kwindex.json``: ``{"seconds": {step: s}, "total_seconds": s}``."""
    try:
        stats = json.loads(path.read_text(encoding="utf-8")).get("stats")
    except (OSError, ValueError, AttributeError):
        return None, None
    if not isinstance(stats, dict):
        return None, None
    total = stats.get("total_seconds")
    steps = stats.get("seconds")
    return (
        float(total) if isinstance(total, int | float) else None,
        {str(k): float(v) for k, v in steps.items() if isinstance(v, int | float)}
        if isinstance(steps, dict)
        else None,
    )


def run_child(
    command: list[str],
    env: dict[str, str],
    cwd: Path,
    stdout: Path,
    stderr: Path,
    timeout: float,
) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds, exit code and peak RSS (KiB) of the child: ``os.wait4``
    gives its own ``ru_maxrss`` (with its waited-for children, such as ``-j`` workers, as a
    maximum) and its user + system time (with theirs, summed)."""
    with stdout.open("wb") as out, stderr.open("wb") as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=err, cwd=cwd, env=env)
        watchdog = threading.Timer(timeout, child.kill)
        watchdog.start()
        try:
            _, status, usage = os.wait4(child.pid, 0)
        except BaseException:
            child.kill()
            raise
        finally:
            watchdog.cancel()
        seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped: Popen must not wait again
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, cpu, child.returncode, usage.ru_maxrss  # KiB on Linux


class Runner:
    def __init__(self, python: Path, work: Path, timeout: float) -> None:
        self.python = python
        self.work = work
        self.timeout = timeout
        self.logs = work / "logs"
        self.logs.mkdir(parents=True, exist_ok=True)
        self.count = 0

    def outdir(self, variant: Variant, jobs: int) -> Path:
        return self.work / "build" / (variant.name if jobs == 1 else f"{variant.name}-j{jobs}")

    def build(self, variant: Variant, kind: str, jobs: int, round_: int) -> Build:
        outdir = self.outdir(variant, jobs)
        html, doctrees = outdir / "html", outdir / "doctrees"
        stubs = variant.srcdir / KWINDEX_DIR
        if kind in {"full", "parallel"}:
            shutil.rmtree(outdir, ignore_errors=True)
            shutil.rmtree(stubs, ignore_errors=True)
        self.count += 1
        stem = f"{self.count:03d}-{variant.name}-{kind}-j{jobs}-r{round_}"
        probe = self.logs / f"{stem}.probe.jsonl"
        stdout_path, stderr_path = self.logs / f"{stem}.out", self.logs / f"{stem}.err"
        command = [str(self.python), "-m", "sphinx", "-b", "html", "-N"]
        command += ["-d", str(doctrees), str(variant.srcdir), str(html)]
        if jobs > 1:
            command += ["-j", str(jobs)]
        env = {**os.environ, "KWBENCH_PROBE": str(probe)}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        json_path = html / "kwindex.json"
        json_before = json_path.stat().st_mtime_ns if json_path.exists() else None
        stubs_before = snapshot(stubs)
        seconds, cpu_seconds, exit_code, peak_kib = run_child(
            command, env, self.work, stdout_path, stderr_path, self.timeout
        )
        stdout = stdout_path.read_text(encoding="utf-8", errors="replace")
        stderr = stderr_path.read_text(encoding="utf-8", errors="replace")
        if exit_code != 0:
            tail = "\n".join(stderr.splitlines()[-30:])
            raise BenchError(
                f"build {stem} exited with {exit_code} ({' '.join(command)}):\n{tail}\n"
                f"(logs in {self.logs})"
            )
        counts = re.findall(r"(\d+) added, (\d+) changed, (\d+) removed", stdout)
        added, changed, removed = (int(n) for n in counts[-1]) if counts else (None,) * 3
        read, written, pages = read_probe(probe)
        record = Build(
            round=round_,
            variant=variant.name,
            kind=kind,
            jobs=jobs,
            seconds=seconds,
            cpu_seconds=cpu_seconds,
            peak_rss_mib=peak_kib / 1024,
            exit_code=exit_code,
            docs_read=len(read),
            docs_written=len(written),
            pages_written=len(pages),
            status_added=added,
            status_changed=changed,
            status_removed=removed,
            warnings=sum("WARNING" in line for line in stderr.splitlines()),
            kwindex_warnings=sum("[kwindex" in line for line in stderr.splitlines()),
            serial_fallback="doing serial" in stdout + stderr,
        )
        if kind in {"noop", "edit"}:
            record.read, record.written = sorted(read), sorted(set(written))
        if variant.kwindex:
            stubs_after = snapshot(stubs)
            record.stub_files = len(stubs_after)
            if kind in {"noop", "edit"}:
                record.stubs_rewritten = changed_files(stubs_before, stubs_after)
            json_after = json_path.stat().st_mtime_ns if json_path.exists() else None
            record.json_rewritten = json_after is not None and json_after != json_before
            if record.json_rewritten:  # else its stats are the previous build's
                record.ext_seconds, record.ext_steps = extension_stats(json_path)
        return record


# -- statistics and the report ----------------------------------------------------------------


def spread(values: list[float]) -> dict[str, Any] | None:
    if not values:
        return None
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "values": values,
    }


NUMBERS = (
    "seconds",
    "cpu_seconds",
    "peak_rss_mib",
    "docs_read",
    "docs_written",
    "pages_written",
    "warnings",
    "kwindex_warnings",
    "stub_files",
    "stubs_rewritten",
    "ext_seconds",
)
KINDS = ("full", "parallel", "noop", "edit")


def summarise(builds: list[Build]) -> dict[str, dict[str, dict[str, Any]]]:
    summary: dict[str, dict[str, dict[str, Any]]] = {}
    for variant in ("A", "B", "F"):
        kinds = [
            kind
            for kind in KINDS
            if any((b.variant, b.kind) == (variant, kind) for b in builds)
        ]
        if not kinds:
            continue
        summary[variant] = {}
        for kind in kinds:
            chosen = [b for b in builds if b.variant == variant and b.kind == kind]
            summary[variant][kind] = {
                name: spread([float(v) for b in chosen if (v := getattr(b, name)) is not None])
                for name in NUMBERS
            }
    return summary


def step_spreads(builds: list[Build]) -> dict[str, dict[str, Any] | None]:
    """The extension's time per step (``kwindex.json`` stats) over the given builds."""
    names = sorted({name for b in builds for name in (b.ext_steps or {})})
    return {
        name: spread(
            [b.ext_steps[name] for b in builds if b.ext_steps and name in b.ext_steps]
        )
        for name in names
    }


def per_round(builds: list[Build], runs: int) -> dict[str, dict[str, Any] | None]:
    def get(variant: str, kind: str, round_: int) -> Build:
        (found,) = (
            b for b in builds if (b.variant, b.kind, b.round) == (variant, kind, round_)
        )
        return found

    ratios: dict[str, list[float]] = {
        name: []
        for name in (
            "full_time_B_over_A",
            "full_cpu_B_over_A",
            "full_rss_B_over_A",
            "parallel_time_B_over_A",
            "parallel_rss_B_over_A",
            "noop_time_B_over_A",
            "edit_time_B_over_A",
            "parallel_speedup_A",
            "parallel_speedup_B",
            "parallel_speedup_B_over_A",
        )
    }
    for r in range(runs):
        a, b = get("A", "full", r), get("B", "full", r)
        aj, bj = get("A", "parallel", r), get("B", "parallel", r)
        ratios["full_time_B_over_A"].append(b.seconds / a.seconds)
        ratios["full_cpu_B_over_A"].append(b.cpu_seconds / a.cpu_seconds)
        ratios["full_rss_B_over_A"].append(b.peak_rss_mib / a.peak_rss_mib)
        ratios["parallel_time_B_over_A"].append(bj.seconds / aj.seconds)
        ratios["parallel_rss_B_over_A"].append(bj.peak_rss_mib / aj.peak_rss_mib)
        ratios["noop_time_B_over_A"].append(
            get("B", "noop", r).seconds / get("A", "noop", r).seconds
        )
        ratios["edit_time_B_over_A"].append(
            get("B", "edit", r).seconds / get("A", "edit", r).seconds
        )
        if any(x.variant == "F" for x in builds):
            f = get("F", "full", r)
            ratios.setdefault("full_time_F_over_A", []).append(f.seconds / a.seconds)
            ratios.setdefault("full_rss_F_over_A", []).append(f.peak_rss_mib / a.peak_rss_mib)
            ratios.setdefault("full_time_B_over_F", []).append(b.seconds / f.seconds)
            ratios.setdefault("full_cpu_F_over_A", []).append(f.cpu_seconds / a.cpu_seconds)
            ratios.setdefault("full_cpu_B_over_F", []).append(b.cpu_seconds / f.cpu_seconds)
        speedup_a, speedup_b = a.seconds / aj.seconds, b.seconds / bj.seconds
        ratios["parallel_speedup_A"].append(speedup_a)
        ratios["parallel_speedup_B"].append(speedup_b)
        ratios["parallel_speedup_B_over_A"].append(speedup_b / speedup_a)
    return {name: spread(values) for name, values in ratios.items()}


def median(stat: dict[str, Any] | None) -> float | None:
    return None if stat is None else float(stat["median"])


def targets(
    summary: dict[str, dict[str, dict[str, Any]]],
    ratios: dict[str, dict[str, Any] | None],
    floor: dict[str, Any] | None,
    builds: list[Build],
    edited: Module,
) -> list[dict[str, Any]]:
    """The targets of issue 6, judged on medians."""

    def check(name: str, value: float | None, limit: str, ok: bool | None) -> dict[str, Any]:
        return {"target": name, "value": value, "limit": limit, "ok": ok}

    def none_beyond(name: str, extra: set[str]) -> dict[str, Any]:
        """A target met when B handled no document beyond *extra*'s allowance (none)."""
        return check(name, float(len(extra)), "== 0", not extra) | {"extra": sorted(extra)}

    def rounds(kind: str) -> Iterator[tuple[Build, Build]]:
        """The A and B builds of *kind*, round by round."""
        for a in (x for x in builds if x.variant == "A" and x.kind == kind):
            (b,) = (x for x in builds if (x.variant, x.kind, x.round) == ("B", kind, a.round))
            yield a, b

    found: list[dict[str, Any]] = []
    for key, label in (
        ("full_time_B_over_A", "full build time"),
        ("full_rss_B_over_A", "RSS"),
    ):
        value = median(ratios[key])
        found.append(
            check(f"{label} B/A", value, "<= 1.10", None if value is None else value <= 1.10)
        )
    ext, parse = median(summary["B"]["full"]["ext_seconds"]), median(floor)
    over = None if ext is None or not parse else ext / parse
    found.append(
        check(
            "extension's own time / ast.parse floor",
            over,
            "<= 2",
            None if over is None else over <= 2,
        )
    )
    # autodoc may re-read a page in a no-op (a documented module whose dependencies change
    # on import): that is the baseline's too, so B is judged on what it re-reads beyond A
    noop_extra: set[str] = set()
    for a, b in rounds("noop"):
        noop_extra |= set(b.read) - set(a.read)
    found.append(none_beyond("no-op rebuild: documents re-read beyond A's", noop_extra))
    stubs = median(summary["B"]["noop"]["stubs_rewritten"])
    found.append(check("no-op rebuild: stub files rewritten", stubs, "== 0", stubs == 0))
    # B may read what A reads plus the edited module's keyword page, and write what A writes
    # plus the keyword pages of the documentation pages it re-read (their section maps)
    extra_read: set[str] = set()
    extra_written: set[str] = set()
    for a, b in rounds("edit"):
        keyword_pages = {
            f"{KWINDEX_DIR}/{name.removeprefix('api/')}"
            for name in b.read
            if name.startswith("api/")
        }
        extra_read |= set(b.read) - set(a.read) - {f"{KWINDEX_DIR}/{edited.name}"}
        extra_written |= set(b.written) - set(a.written) - keyword_pages
    found.append(
        none_beyond(
            "edit one module: documents re-read beyond A's and its keyword page", extra_read
        )
    )
    found.append(
        none_beyond(
            "edit one module: documents written beyond A's and re-read pages' keyword pages",
            extra_written,
        )
    )
    value = median(ratios["parallel_speedup_B_over_A"])
    found.append(
        check(
            "-j speedup of B / speedup of A",
            value,
            ">= 1",
            None if value is None else value >= 1,
        )
    )
    return found


def fmt(stat: dict[str, Any] | None, unit: str = "", digits: int = 2) -> str:
    if stat is None:
        return "n/a"
    low, mid, high = stat["min"], stat["median"], stat["max"]
    if low == high:
        return f"{mid:.{digits}f}{unit}"
    return f"{mid:.{digits}f}{unit} [{low:.{digits}f}-{high:.{digits}f}]"


def fmt_rw(entry: dict[str, Any]) -> str:
    return " / ".join(
        fmt(entry[name], digits=0) for name in ("docs_read", "docs_written", "pages_written")
    )


def table(results: dict[str, Any]) -> str:
    package, summary, ratios = results["package"], results["summary"], results["ratios"]
    a, b = summary["A"], summary["B"]
    jobs = results["parallel"]
    lines = [
        f"sphinx-kwindex benchmark: {package['name']} {package['version'] or ''} "
        f"({package['modules']} modules, {package['source_bytes'] / 2**20:.1f} MiB of "
        f"source), {results['runs']} run(s)",
        f"Sphinx {results['interpreter']['sphinx']}, "
        f"Python {results['interpreter']['python']}, {results['machine']['cpus']} CPUs. "
        "A = autodoc + viewcode, B = A + sphinx_kwindex",
        "median [min-max] over runs; B/A and speedups are per run, then their median;",
        "read / written / pages = documents read, documents written, HTML pages written;",
        f"edit one module = append a comment to {results['edited_module']} (in a copy)",
        "",
    ]
    rows: list[tuple[str, str, str, str]] = [("", "A (baseline)", "B (+ kwindex)", "B/A")]
    sections = (
        ("full", "full build", "full_time_B_over_A", "full_rss_B_over_A"),
        ("parallel", f"-j {jobs} build", "parallel_time_B_over_A", "parallel_rss_B_over_A"),
        ("noop", "no-op rebuild", "noop_time_B_over_A", None),
        ("edit", "edit one module", "edit_time_B_over_A", None),
    )
    for kind, title, time_ratio, rss_ratio in sections:
        rows.append(
            (
                f"{title}: time (s)",
                fmt(a[kind]["seconds"]),
                fmt(b[kind]["seconds"]),
                fmt(ratios[time_ratio]),
            )
        )
        if kind == "full":
            rows.append(
                (
                    "  CPU time (s)",
                    fmt(a[kind]["cpu_seconds"]),
                    fmt(b[kind]["cpu_seconds"]),
                    fmt(ratios["full_cpu_B_over_A"]),
                )
            )
        if rss_ratio is not None:
            rows.append(
                (
                    "  peak RSS (MiB)",
                    fmt(a[kind]["peak_rss_mib"], digits=0),
                    fmt(b[kind]["peak_rss_mib"], digits=0),
                    fmt(ratios[rss_ratio]),
                )
            )
        if kind == "parallel":
            rows.append(
                (
                    f"  speedup (serial / -j {jobs})",
                    fmt(ratios["parallel_speedup_A"]),
                    fmt(ratios["parallel_speedup_B"]),
                    fmt(ratios["parallel_speedup_B_over_A"]),
                )
            )
        rows.append(("  read / written / pages", fmt_rw(a[kind]), fmt_rw(b[kind]), ""))
        if kind in {"noop", "edit"}:
            rows.append(
                ("  stub files rewritten", "", fmt(b[kind]["stubs_rewritten"], digits=0), "")
            )
        rows.append(("  extension's own time (s)", "", fmt(b[kind]["ext_seconds"]), ""))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        lines.append(
            "  ".join(
                cell.ljust(width) for cell, width in zip(row, widths, strict=True)
            ).rstrip()
        )
    if "F" in summary:
        f = summary["F"]["full"]
        lines += [
            "",
            "F = A + one page per module showing only its title, in one folder, its sidebar",
            "rendered once (the least any page per module costs; --floor-pages):",
            f"  full build: time {fmt(f['seconds'])} s, "
            f"F/A {fmt(ratios['full_time_F_over_A'])}, "
            f"B/F {fmt(ratios['full_time_B_over_F'])}",
            f"  CPU time: {fmt(f['cpu_seconds'])} s, F/A {fmt(ratios['full_cpu_F_over_A'])}, "
            f"B/F {fmt(ratios['full_cpu_B_over_F'])}",
            f"  peak RSS: {fmt(f['peak_rss_mib'], digits=0)} MiB, "
            f"F/A {fmt(ratios['full_rss_F_over_A'])}",
        ]
    floor = results["ast_parse_floor"]
    lines += [
        "",
        f"ast.parse floor ({floor['files']} files read and parsed, in the bench interpreter): "
        f"{fmt(floor['seconds'], ' s', 3)}",
    ]
    ext = median(b["full"]["ext_seconds"])
    if ext is None:
        lines.append('extension\'s own time: n/a (kwindex.json has no "stats")')
    else:
        lines.append(
            f"extension's own time (full build, kwindex.json stats): {ext:.3f} s = "
            f"{ext / floor['seconds']['median']:.2f}x the floor"
        )
    steps = results["extension_steps"]
    if steps:
        lines.append("  its steps (full build, median s):")
        lines += [
            f"    {name}: {stat['median']:.3f}"
            for name, stat in sorted(steps.items(), key=lambda item: -item[1]["median"])
        ]
    lines += ["", "targets (issue 6), on medians:"]
    for target in results["targets"]:
        mark = {True: "ok  ", False: "MISS", None: "n/a "}[target["ok"]]
        value = "n/a" if target["value"] is None else f"{target['value']:.2f}"
        extra = f"  ({', '.join(target['extra'][:8])})" if target.get("extra") else ""
        lines.append(f"  [{mark}] {target['target']}: {value} ({target['limit']}){extra}")
    return "\n".join(lines)


# -- the run --------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Benchmark sphinx-kwindex against autodoc + viewcode alone (issue 6).",
    )
    parser.add_argument(
        "--size",
        choices=sorted(PRESETS),
        default="large",
        help="the package to document when --package is not given: "
        + "; ".join(f"{size}: {preset.note}" for size, preset in sorted(PRESETS.items()))
        + " (default: large)",
    )
    parser.add_argument("--package", help="import name of an installed pure-Python package")
    parser.add_argument(
        "--dist", help="what pip installs for --package into the bench venv (default: NAME)"
    )
    parser.add_argument(
        "--source-dir",
        type=Path,
        help="document the package in this folder (or .py file) instead of an installed one",
    )
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="module names not to document (fnmatch; repeatable; added to the size's)",
    )
    parser.add_argument("--runs", type=int, default=3, help="rounds of builds (default: 3)")
    parser.add_argument(
        "-j",
        "--parallel",
        type=int,
        default=2,
        help="jobs of the parallel builds (default: 2)",
    )
    parser.add_argument(
        "--venv",
        type=Path,
        default=DEFAULT_VENV,
        help="the bench venv, created when missing (default: benchmarks/.venv-bench)",
    )
    parser.add_argument(
        "--python",
        type=Path,
        help="use this interpreter (with Sphinx and sphinx-kwindex) instead of the bench venv",
    )
    parser.add_argument(
        "--out", type=Path, help="JSON results (default: bench-results/NAME.json)"
    )
    parser.add_argument(
        "--edit-module", help="the module to edit (default: a median-size one)"
    )
    parser.add_argument("--max-modules", type=int, help="document only the first N modules")
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"a tiny run to prove the script works: {QUICK_MODULES} modules, 1 run",
    )
    parser.add_argument(
        "--floor-pages",
        action="store_true",
        help="also build F, the baseline plus a title-only page per module, once per round",
    )
    parser.add_argument("--workdir", type=Path, help="where to build (default: a temp folder)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument(
        "--timeout",
        type=float,
        default=3600,
        help="seconds one build may take (default: 3600)",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.runs = 1
        args.max_modules = args.max_modules or QUICK_MODULES
    if args.runs < 1 or args.parallel < 2:
        parser.error("--runs must be at least 1 and --parallel at least 2")
    return args


def locate_package(
    args: argparse.Namespace, cwd: Path
) -> tuple[Path, str, Path, dict[str, Any], list[str]]:
    """The interpreter, the package's import name, its source, the interpreter's facts and
    the exclusions."""
    preset = PRESETS[args.size]
    exclude = list(args.exclude)
    if args.source_dir is not None:
        source = args.source_dir.resolve()
        if not (source.is_file() or (source / "__init__.py").is_file()):
            raise BenchError(f"--source-dir {source}: neither a package folder nor a .py file")
        package = args.package or source.name.removesuffix(".py")
        dist = None
    elif args.package is not None:
        package, dist = args.package, args.dist or args.package
    else:
        package, dist = preset.package, preset.dist
        exclude += preset.exclude
    if args.python is not None:
        python = args.python.absolute()
        info = interpreter_info(python, package, "" if dist is None else dist, cwd)
        if info["sphinx"] is None or info["sphinx_kwindex_location"] is None:
            raise BenchError(f"--python {python}: needs Sphinx and sphinx-kwindex installed")
    else:
        python = ensure_venv(args.venv.absolute(), package, dist, cwd)
        info = interpreter_info(python, package, "" if dist is None else dist, cwd)
    if args.source_dir is None:
        if info["package"] is None:
            raise BenchError(f"{package} cannot be found by {python}")
        source = Path(info["package"]["path"])
    return python, package, source, info, exclude


def copy_package(source: Path, target: Path) -> Path:
    if source.is_file():
        target.mkdir(parents=True)
        return Path(shutil.copy2(source, target / source.name))
    destination = target / source.name
    shutil.copytree(source, destination, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return destination


def git_state(package: Path) -> dict[str, Any] | None:
    """The commit of the checkout holding the extension, and whether its code has edits."""
    head = subprocess.run(
        ["git", "-C", str(package), "rev-parse", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    if head.returncode != 0:
        return None
    status = subprocess.run(
        ["git", "-C", str(package), "status", "--porcelain", "--", "."],
        capture_output=True,
        text=True,
        check=False,
    )
    return {"commit": head.stdout.strip(), "edited": bool(status.stdout.strip())}


def run(args: argparse.Namespace) -> dict[str, Any]:
    temporary = args.workdir is None
    work = Path(tempfile.mkdtemp(prefix="kwbench-")) if temporary else args.workdir.absolute()
    work.mkdir(parents=True, exist_ok=True)
    keep = args.keep or not temporary
    try:
        return measure(args, work)
    except BaseException:
        keep = True  # for the logs
        raise
    finally:
        if keep:
            print(f"work folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def import_paths(work: Path, extension: Path) -> list[Path]:
    """What the builds put first on ``sys.path``: the copy of the package, the bench's
    extensions, and a snapshot of sphinx-kwindex (last)."""
    probe_dir = work / "probe"
    probe_dir.mkdir()
    shutil.copy2(HERE / "kwbench_probe.py", probe_dir)
    shutil.copy2(HERE / "kwbench_floor.py", probe_dir)
    # a snapshot of the extension, first on sys.path: every build of the run uses the same
    # code, even while someone edits the checkout that the bench venv installs (editable)
    snapshot_dir = work / "ext"
    shutil.copytree(
        extension,
        snapshot_dir / "sphinx_kwindex",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    return [work / "src", probe_dir, snapshot_dir]


def measure(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    python, package, source, info, exclude = locate_package(args, work)
    copy = copy_package(source, work / "src")
    modules = find_modules(copy, package, exclude)
    if args.max_modules:
        modules = modules[: args.max_modules]
    if not modules:
        raise BenchError(f"{package}: no module to document")
    edited = edit_target(modules, args.edit_module)
    paths = import_paths(work, Path(info["sphinx_kwindex_location"]))
    snapshot_dir = paths[-1]
    variants = [
        Variant("A", work / "A", kwindex=False),
        Variant("B", work / "B", kwindex=True),
    ]
    floor_variant = Variant("F", work / "F", kwindex=False, floor_pages=True)
    for variant in [*variants, floor_variant] if args.floor_pages else variants:
        write_project(variant, package, modules, paths)
    # compiled once, untimed, so that the first build does not pay for it
    compile_ = [str(python), "-m", "compileall", "-q", str(work / "src"), str(snapshot_dir)]
    run_quiet(compile_, cwd=work)
    warm = f"import sys; sys.path[:0] = {[str(path) for path in paths]!r}; "
    warm += (
        "import sphinx.application, sphinx.ext.autodoc, sphinx.ext.viewcode, sphinx_kwindex"
    )
    run_quiet([str(python), "-c", warm], cwd=work)

    files = [str(module.path) for module in modules]
    files_json = work / "files.json"
    files_json.write_text(json.dumps(files), encoding="utf-8")
    floor_runs = max(args.runs, 3)
    floor_out = json.loads(
        run_quiet(
            [str(python), "-c", FLOOR_SCRIPT, str(files_json), str(floor_runs)], cwd=work
        )
    )
    print(
        f"{package}: {len(modules)} modules from {source}; editing {edited.name}; "
        f"ast.parse floor {statistics.median(floor_out['seconds']):.3f} s",
        flush=True,
    )

    runner = Runner(python, work, args.timeout)
    builds: list[Build] = []

    def step(variant: Variant, kind: str, jobs: int, round_: int) -> None:
        build = runner.build(variant, kind, jobs, round_)
        builds.append(build)
        print(
            f"  round {round_ + 1}/{args.runs} {variant.name} {kind:8} -j {jobs}: "
            f"{build.seconds:7.2f} s {build.peak_rss_mib:7.0f} MiB, "
            f"read {build.docs_read}, written {build.docs_written}"
            + (f", stubs rewritten {build.stubs_rewritten}" if build.stubs_rewritten else ""),
            flush=True,
        )

    original = edited.path.read_bytes()
    for round_ in range(args.runs):
        for variant in variants:
            step(variant, "full", 1, round_)
        if args.floor_pages:
            step(floor_variant, "full", 1, round_)
        for variant in variants:
            step(variant, "noop", 1, round_)
        edited.path.write_bytes(original + EDIT_LINE.encode())
        try:
            for variant in variants:
                step(variant, "edit", 1, round_)
        finally:
            edited.path.write_bytes(original)
        for variant in variants:
            step(variant, "parallel", args.parallel, round_)

    summary = summarise(builds)
    ratios = per_round(builds, args.runs)
    floor = spread(floor_out["seconds"])
    results: dict[str, Any] = {
        "version": JSON_VERSION,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": [Path(sys.argv[0]).name, *sys.argv[1:]],
        "machine": {
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "graphviz_dot": shutil.which("dot") is not None,
        },
        "interpreter": {
            "path": str(python),
            "python": info["python"],
            "sphinx": info["sphinx"],
            "sphinx_kwindex": info["sphinx_kwindex"],
            "sphinx_kwindex_location": info["sphinx_kwindex_location"],
            "sphinx_kwindex_git": git_state(Path(info["sphinx_kwindex_location"])),
        },
        "package": {
            "name": package,
            "version": info["package_version"],
            "source": str(source),
            "modules": len(modules),
            "source_bytes": sum(module.path.stat().st_size for module in modules),
            "exclude": exclude,
        },
        "edited_module": edited.name,
        "runs": args.runs,
        "parallel": args.parallel,
        "floor_pages": args.floor_pages,
        "quick": args.quick,
        "ast_parse_floor": {
            "seconds": floor,
            "files": len(files),
            "failed": floor_out["failed"],
        },
        "summary": summary,
        "ratios": ratios,
        "extension_steps": step_spreads(
            [b for b in builds if (b.variant, b.kind) == ("B", "full")]
        ),
        "builds": [vars(build) for build in builds],
    }
    results["targets"] = targets(summary, ratios, floor, builds, edited)
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        results = run(args)
    except BenchError as error:
        print(f"bench.py: {error}", file=sys.stderr)
        return 1
    print()
    print(table(results))
    out = (
        args.out
        or RESULTS / f"{'quick-' if args.quick else ''}{results['package']['name']}.json"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"\nresults: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
