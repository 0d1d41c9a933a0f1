"""Compare the bounded binary plist reader with plistlib.loads on the real corpus.

Usage: python benchmarks/plist_read.py [--repeat N]

Reads every distinct binary plist of ../shared/corpus beside the repository (plain
binary files and the payloads of signed ones), times shortcuts2py.bplist.read_bplist
and plistlib.loads on each, interleaved in the same run, and prints the reader's
rate as a multiple of plistlib's (above 1.0 is faster). XML and JSON files are
timed the same way for container.read_bytes (parse plus the limit check) against
plistlib.loads and json.loads. Exits quietly when the corpus is absent.
"""

from __future__ import annotations

import argparse
import gc
import json
import plistlib
import time
from pathlib import Path

from shortcuts2py import container
from shortcuts2py.bplist import read_bplist

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


def distinct_files() -> dict[str, list[bytes]]:
    """The corpus's distinct files by container kind; signed ones give their payload."""
    rows = [json.loads(line) for line in (CORPUS / "manifest.jsonl").read_text().splitlines()
            if line.strip()]
    by_kind: dict[str, dict[str, bytes]] = {"bplist": {}, "xml": {}, "json": {}}
    for row in rows:
        data = (CORPUS / row["file"]).read_bytes()
        kind = container.detect(data)
        if kind == "aea":
            kind, data = "bplist", container._extract_wflow(data)
        by_kind[kind].setdefault(row["sha256"], data)
    return {kind: list(files.values()) for kind, files in by_kind.items()}


def race(files: list[bytes], reference, candidate, repeat: int) -> tuple[float, float]:
    """Total of the best time per file, for each function, run alternately."""
    totals = [0.0, 0.0]
    for data in files:
        best = [float("inf"), float("inf")]
        for _ in range(repeat):
            for side, function in enumerate((reference, candidate)):
                start = time.perf_counter()
                function(data)
                best[side] = min(best[side], time.perf_counter() - start)
        totals[0] += best[0]
        totals[1] += best[1]
    return totals[0], totals[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per file (best counts)")
    args = parser.parse_args()
    if not (CORPUS / "manifest.jsonl").is_file():
        print("../shared/corpus is absent: nothing to measure")
        return
    files = distinct_files()
    gc.disable()   # collections would land on whichever side happens to trigger them
    lines = [
        ("binary", files["bplist"], plistlib.loads, read_bplist, "plistlib.loads", "read_bplist"),
        ("xml", files["xml"], lambda data: plistlib.loads(container._strip_lead(data)),
         container.read_bytes, "plistlib.loads", "read_bytes"),
        ("json", files["json"], lambda data: json.loads(data.decode("utf-8-sig")),
         container.read_bytes, "json.loads", "read_bytes"),
    ]
    for kind, items, reference, candidate, ref_name, our_name in lines:
        size = sum(map(len, items)) / 1e6
        ref_time, our_time = race(items, reference, candidate, args.repeat)
        print(f"{kind:6} {len(items):4} files {size:6.1f} MB  {ref_name} {ref_time:6.3f} s  "
              f"{our_name} {our_time:6.3f} s  rate x{ref_time / our_time:.2f}")


if __name__ == "__main__":
    main()
