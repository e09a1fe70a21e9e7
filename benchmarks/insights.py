"""What the module insights add to the analysis of a module, in CPU time.

Studies every module of a few installed packages (read, parse, keywords) without and with
insights, in turn, several times, and prints the sums of each module's fastest times::

    .venv/bin/python benchmarks/insights.py [package ...]

The packages default to sphinx, docutils, pygments and mypy (716 modules on Sphinx 9.0).
CPU time of this process (``time.process_time``) is used, so other load on the machine
disturbs the figures less than wall-clock time would.
"""

from __future__ import annotations

import sys
import time

from sphinx_kwindex.analysis import _study_file, study_module
from sphinx_kwindex.analysis.locate import iter_modules, locate

RUNS = 5


def main(packages: list[str]) -> None:
    modules: list[str] = []
    for package in packages:
        location = locate(package)
        if location is None:
            sys.exit(f"{package}: not installed")
        modules += iter_modules(location)

    def study(modname: str, insights: bool) -> float:
        _study_file.cache_clear()
        start = time.process_time()
        study_module(modname, insights=insights)
        return time.process_time() - start

    # each module studied without and with insights in turn, RUNS times; the fastest time of
    # each is kept: a pause of the machine spoils one measurement, not the comparison
    without = dict.fromkeys(modules, float("inf"))
    with_ = dict.fromkeys(modules, float("inf"))
    for _ in range(RUNS):
        for modname in modules:
            without[modname] = min(without[modname], study(modname, False))
            with_[modname] = min(with_[modname], study(modname, True))
    base, full = sum(without.values()), sum(with_.values())
    print(f"{len(modules)} modules of {', '.join(packages)}; each module's fastest of {RUNS}:")
    print(f"  without insights {base:.2f} s, with insights {full:.2f} s (CPU)")
    print(f"  growth {(full / base - 1) * 100:+.0f}%")


if __name__ == "__main__":
    main(sys.argv[1:] or ["sphinx", "docutils", "pygments", "mypy"])
