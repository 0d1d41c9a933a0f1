"""How decompile and compile grow with the number of actions, up to 200,000.

Usage: python benchmarks/scale.py [--sizes 1000,2000,...] [--corpus DIR] [--timeout SECONDS]

Each synthetic shortcut is made of whole real shortcuts (the smallest files of
../shared/corpus/files that go round unchanged, or the shipped example when the
corpus is absent) put one after another until it holds the number of actions
asked, each copy with ids of its own.  Every size runs in fresh processes,
one to decompile (plist -> code) and one to compile (code -> binary plist
bytes), so each peak RSS belongs to one operation.  Times are CPU seconds of
the operation alone (``time.process_time``), which the other work of a shared
machine disturbs least.

The API is called (``decompile``; ``compile`` then ``dump``) with the input
limits lifted inside the measuring process: 200,000 actions is ten times
``limits.MAX_ACTIONS``, which refuses such files before any stage sees them.  Printed: per size the actions,
seconds and microseconds per action for both directions and each peak RSS;
then the log-log slope of time against actions (least squares over the sizes
from 5,000 up; 1.0 is linear, the goal is at most 1.1).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import plistlib
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "files"
EXAMPLE = REPO / "examples" / "weather_note.shortcut"
DEFAULT_SIZES = (1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000)
ID_KEYS = ("UUID", "OutputUUID", "GroupingIdentifier")
SLOPE_FROM = 5_000


# --------------------------------------------------------------------------- building


def pieces(corpus: Path, count: int = 40) -> list[list]:
    """Action lists of the smallest real shortcuts that go round unchanged (at least 5 actions)."""
    from shortcuts2py import api

    if not corpus.is_dir():
        return [api.load(EXAMPLE)["WFWorkflowActions"]]
    chosen = []
    for path in sorted((p for p in corpus.rglob("*") if p.is_file()), key=lambda p: (p.stat().st_size, p.name)):
        try:
            root = api.load(path)
            if len(root["WFWorkflowActions"]) >= 5 and api.roundtrip(root).ok:
                chosen.append(root["WFWorkflowActions"])
        except api.DecompileError:
            continue
        if len(chosen) == count:
            break
    return chosen or [api.load(EXAMPLE)["WFWorkflowActions"]]


def synthetic(actions_wanted: int, parts: list[list]) -> dict:
    """A workflow of whole copies of ``parts`` (in turn) with at least ``actions_wanted`` actions."""
    actions: list = []
    copy = 0
    while len(actions) < actions_wanted:
        part = parts[copy % len(parts)]
        actions.extend(_with_own_ids(part, copy))
        copy += 1
    return {"WFWorkflowClientVersion": "2607.1.3", "WFWorkflowActions": actions}


def _with_own_ids(value, copy: int):
    """A deep copy of ``value`` whose ids end in ``-copy``, so copies never share an id."""
    if isinstance(value, dict):
        return {key: (f"{item}-{copy}" if key in ID_KEYS and isinstance(item, str)
                      else _with_own_ids(item, copy)) for key, item in value.items()}
    if isinstance(value, list):
        return [_with_own_ids(item, copy) for item in value]
    return value


# --------------------------------------------------------------------------- measuring (child)


def _peak_rss() -> int:
    """Peak resident set of this process, in bytes."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def child(mode: str, source: str, target: str) -> None:
    """Run one operation on one file; print its CPU seconds and this process's peak RSS."""
    from shortcuts2py import api, limits

    # Lifted for this process only: the sizes measured here are past what files may hold.
    limits.MAX_ACTIONS = limits.MAX_VALUES = limits.MAX_TEXT = 10**12
    if mode == "decompile":
        root = plistlib.loads(Path(source).read_bytes())
        start = time.process_time()
        result = api.decompile(root).encode("utf-8")
    else:
        code = Path(source).read_text(encoding="utf-8")
        start = time.process_time()
        result = api.dump(api.compile(code, filename=source))
    seconds = time.process_time() - start
    Path(target).write_bytes(result)
    print(json.dumps({"seconds": seconds, "rss": _peak_rss()}))


def measure(mode: str, source: Path, target: Path, timeout: float) -> dict | None:
    sys.setrecursionlimit(1000)
    command = [sys.executable, __file__, "--child", mode, str(source), str(target)]
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None
    if run.returncode != 0:
        raise SystemExit(f"{mode} of {source.name} failed:\n{run.stderr[-2000:]}")
    return json.loads(run.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- report


def slope(points: list[tuple[int, float]]) -> float | None:
    """Least-squares slope of log(seconds) against log(actions)."""
    usable = [(math.log(n), math.log(t)) for n, t in points if n >= SLOPE_FROM and t > 0]
    if len(usable) < 2:
        return None
    mean_x = sum(x for x, _ in usable) / len(usable)
    mean_y = sum(y for _, y in usable) / len(usable)
    across = sum((x - mean_x) ** 2 for x, _ in usable)
    return sum((x - mean_x) * (y - mean_y) for x, y in usable) / across if across else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="action counts, comma-separated")
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="folder of real shortcuts to build from")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds one operation may take")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "SOURCE", "TARGET"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0

    sizes = [int(size) for size in args.sizes.split(",")]
    parts = pieces(Path(args.corpus))
    print(f"built from {len(parts)} real shortcut(s), {sum(map(len, parts)):,} actions in all")
    print(f"{'actions':>9} {'decompile s':>12} {'µs/action':>10} {'RSS MiB':>8} "
          f"{'compile s':>10} {'µs/action':>10} {'RSS MiB':>8}", flush=True)
    timings: dict[str, list[tuple[int, float]]] = {"decompile": [], "compile": []}
    peaks = {"decompile": 0, "compile": 0}
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            root = synthetic(size, parts)
            count = len(root["WFWorkflowActions"])
            plist = Path(folder, f"{size}.plist")
            plist.write_bytes(plistlib.dumps(root, fmt=plistlib.FMT_BINARY, sort_keys=False))
            code = Path(folder, f"{size}.py")
            row = [f"{count:>9,}"]
            for mode, source, target in (("decompile", plist, code), ("compile", code, Path(folder, "out"))):
                result = measure(mode, source, target, args.timeout)
                if result is None:
                    row.append(f"{'> ' + str(int(args.timeout)):>12} {'':>10} {'':>8}")
                    break
                timings[mode].append((count, result["seconds"]))
                peaks[mode] = max(peaks[mode], result["rss"])
                row.append(f"{result['seconds']:>12.2f} {result['seconds'] / count * 1e6:>10.1f} "
                           f"{result['rss'] / 2**20:>8.0f}")
            print(" ".join(row), flush=True)
            plist.unlink()
    for mode in ("decompile", "compile"):
        found = slope(timings[mode])
        verdict = "" if found is None else ("  (linear: at most 1.1)" if found <= 1.1 else "  (NOT linear: above 1.1)")
        shown = "n/a" if found is None else f"{found:.2f}"
        print(f"{mode}: log-log slope {shown} from {SLOPE_FROM:,} actions up{verdict}; "
              f"peak RSS {peaks[mode] / 2**20:,.0f} MiB")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
