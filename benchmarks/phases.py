"""CPU time of a Sphinx build per phase and per folder of pages (issue 6).

``bench.py`` says how much longer a build with sphinx-kwindex takes; this says where: the
CPU time Sphinx spends reading, resolving and writing the pages of each folder (``kwindex``
for keyword pages, ``floor`` for build F's title-only pages, ``api`` for the documentation
pages bench.py makes, ``(top)`` for pages outside any folder), and the garbage collector's
time per generation (included in the phases' times). Each project is built from scratch,
once, in a fresh process, into a temporary folder; the projects are those a
``bench.py --keep`` run leaves in its work folder::

    benchmarks/.venv-bench/bin/python benchmarks/bench.py --size small --runs 1 \\
        --floor-pages --keep --workdir /tmp/kwb
    benchmarks/.venv-bench/bin/python benchmarks/phases.py /tmp/kwb/A /tmp/kwb/F /tmp/kwb/B

It wraps Sphinx's builder methods and ``BuildEnvironment.get_and_resolve_doctree`` in the
process it builds in; it is a measuring tool, not part of the extension.
"""

from __future__ import annotations

import argparse
import functools
import gc
import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

#: Builder methods timed per page, and the phase each counts as.
PAGE_METHODS = {"read_doc": "read", "write_doc_serialized": "write", "write_doc": "write"}


def folder(docname: str) -> str:
    return docname.split("/", 1)[0] if "/" in docname else "(top)"


def measure(project: Path, outdir: Path) -> dict[str, float]:
    """Build *project* into *outdir* and return CPU seconds by "phase folder" (and "gc N",
    "total")."""
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    seconds: dict[str, float] = {}

    def add(key: str, spent: float) -> None:
        seconds[key] = seconds.get(key, 0.0) + spent

    def timed(function: Any, phase: str, position: int) -> Any:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                add(f"{phase} {folder(args[position])}", time.process_time() - start)

        return wrapper

    collecting = [0.0]

    def on_gc(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collecting[0] = time.process_time()
        else:
            add(f"gc {info['generation']}", time.process_time() - collecting[0])

    app = Sphinx(
        project,
        project,
        outdir,
        outdir / ".doctrees",
        "html",
        status=None,
        warning=io.StringIO(),
        freshenv=True,
    )
    for name, phase in PAGE_METHODS.items():
        setattr(app.builder, name, timed(getattr(app.builder, name), phase, 0))
    # on the class: the environment is pickled, a wrapper on the instance would be too
    BuildEnvironment.get_and_resolve_doctree = timed(  # type: ignore[method-assign]
        BuildEnvironment.get_and_resolve_doctree, "resolve", 1
    )
    gc.callbacks.append(on_gc)
    start = time.process_time()
    app.build()
    seconds["total"] = time.process_time() - start
    gc.callbacks.remove(on_gc)
    return seconds


def table(results: dict[str, dict[str, float]]) -> str:
    names = list(results)
    keys = sorted({key for seconds in results.values() for key in seconds})
    keys.remove("total")
    width = max(len(key) for key in [*keys, "total"]) + 2
    lines = ["CPU seconds".ljust(width) + "".join(f"{name:>10}" for name in names)]
    for key in [*keys, "total"]:
        row = "".join(
            f"{results[name][key]:10.3f}" if key in results[name] else f"{'-':>10}"
            for name in names
        )
        lines.append(key.ljust(width) + row)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("projects", nargs="+", type=Path, help="Sphinx projects (conf.py)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--one", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure(*args.one)))
        return 0
    results: dict[str, dict[str, float]] = {}
    for project in args.projects:
        with tempfile.TemporaryDirectory() as outdir:
            done = subprocess.run(
                [sys.executable, __file__, ".", "--one", str(project.resolve()), outdir],
                capture_output=True,
                text=True,
                check=False,
            )
        if done.returncode != 0:
            print(done.stdout + done.stderr, file=sys.stderr)
            return 1
        results[project.name] = json.loads(done.stdout.splitlines()[-1])
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
