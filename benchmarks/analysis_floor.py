"""How the extension's analysis compares with the ``ast.parse`` floor (issue 6).

For the modules of an installed package, in one process: the CPU time of reading and parsing
every source with ``ast.parse`` (the floor), and of ``study_module`` (locate, read, parse,
keywords, insights: everything the extension learns about a module), each the fastest of
``--repeat`` passes taken in turn (``study_module`` keeps results per file version, so its
cache is cleared before each pass). Pages are not built here: ``bench.py`` measures whole
builds.

    .venv/bin/python benchmarks/analysis_floor.py sympy --max-modules 250 \\
        --path benchmarks/.venv-bench/lib/python3.11/site-packages
"""

from __future__ import annotations

import argparse
import ast
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sphinx_kwindex.analysis import _study_file, study_module

if TYPE_CHECKING:
    from collections.abc import Callable


def modules(root: Path, package: str, limit: int | None) -> list[tuple[str, Path]]:
    """(module name, file) of *package* under *root*, tests and benchmarks left out."""
    found = []
    for folder, subfolders, files in os.walk(root / package):
        subfolders[:] = sorted(d for d in subfolders if d not in {"tests", "benchmarks"})
        for name in sorted(files):
            if name.endswith(".py"):
                path = Path(folder) / name
                dotted = ".".join(path.relative_to(root).with_suffix("").parts)
                found.append((dotted.removesuffix(".__init__"), path))
    return found[:limit] if limit else found


def timed(work: Callable[[], None]) -> float:
    _study_file.cache_clear()  # study_module keeps results per file version
    begin = time.process_time()
    work()
    return time.process_time() - begin


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package")
    parser.add_argument("--path", default=None, help="folder holding the package")
    parser.add_argument("--max-modules", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    root = Path(args.path) if args.path else Path(__import__(args.package).__file__).parents[1]
    found = modules(root, args.package, args.max_modules)

    def floor() -> None:
        for _modname, path in found:
            ast.parse(path.read_bytes(), str(path))

    def analysis(insights: bool) -> None:
        for modname, _path in found:
            study_module(modname, [str(root)], insights=insights)

    # the three in turn, pass after pass (the first pass also warms the file cache)
    passes = [
        (timed(floor), timed(lambda: analysis(False)), timed(lambda: analysis(True)))
        for _ in range(args.repeat)
    ]
    parse, keywords, everything = (min(column) for column in zip(*passes, strict=True))
    print(f"{args.package}: {len(found)} modules, fastest CPU time of {args.repeat} passes")
    print(f"  ast.parse floor:              {parse:7.3f} s")
    print(f"  analysis without insights:    {keywords:7.3f} s = {keywords / parse:.2f}x")
    print(f"  analysis with insights:       {everything:7.3f} s = {everything / parse:.2f}x")


if __name__ == "__main__":
    main()
