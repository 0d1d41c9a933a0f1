"""Time each stage of the pipeline and print the figures.

Usage: python benchmarks/pipeline.py [PATH ...] [--every N]

PATH defaults to ../shared/corpus/files beside the repository (every Nth
file, default 10) or, when that is absent, the shipped example.  Prints the
total seconds per stage and the share of the whole, then the slowest files.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

import libcst  # noqa: F401  (imported before timing starts)

from shortcuts2py import api
from shortcuts2py.assemble import assemble_workflow
from shortcuts2py.check import check_code
from shortcuts2py.lift import lift_workflow
from shortcuts2py.lower import lower_workflow
from shortcuts2py.parse import parse_workflow

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "files"


def stages(path: Path, clock: dict[str, float]) -> None:
    def timed(name, function, *args):
        start = time.perf_counter()
        result = function(*args)
        clock[name] += time.perf_counter() - start
        return result

    root = timed("load (container)", api.load, path)
    workflow = timed("lift", lift_workflow, root)
    code = timed("lower (libcst + black)", lower_workflow, workflow)
    parsed = timed("parse (lark + build)", parse_workflow, code)
    timed("assemble", assemble_workflow, parsed)
    timed("check", check_code, code)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--every", type=int, default=10)
    args = parser.parse_args()
    roots = args.paths or ([DEFAULT_CORPUS] if DEFAULT_CORPUS.is_dir() else [REPO / "examples"])
    files = []
    for root in roots:
        found = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        files += [p for p in found if p.suffix != ".py"][:: args.every if root.is_dir() else 1]
    totals: dict[str, float] = defaultdict(float)
    per_file = []
    for path in files:
        clock: dict[str, float] = defaultdict(float)
        try:
            stages(path, clock)
        except api.DecompileError:
            continue
        for name, seconds in clock.items():
            totals[name] += seconds
        per_file.append((sum(clock.values()), path))
    whole = sum(totals.values()) or 1.0
    print(f"{len(per_file)} files, {whole:.2f} s in all")
    for name, seconds in totals.items():
        print(f"  {name:<24} {seconds:8.2f} s  {100 * seconds / whole:5.1f} %")
    print("slowest:")
    for seconds, path in sorted(per_file, reverse=True)[:5]:
        print(f"  {seconds:6.2f} s  {path.name}")


if __name__ == "__main__":
    main()
