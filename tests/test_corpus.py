"""The round trip over the real corpus (skipped when ../shared/corpus is absent).

One file per distinct shortcut (``content_key``) is checked in full; the
containers themselves are covered by test_container.  Black, the judge of the
writer's layout, dominates the time, so the work is spread over two processes.
"""

import ast
import re
from concurrent.futures import ProcessPoolExecutor

import black

from shortcuts2py import api
from .conftest import black_mode
from shortcuts2py.compare import first_difference

from .conftest import CORPUS, corpus_rows, needs_corpus

ID_KEYS = ("UUID", "OutputUUID", "GroupingIdentifier")


def _distinct_files() -> list[tuple[str, bool]]:
    """(path, made in the Shortcuts app) for one file per distinct shortcut."""
    seen, files = set(), []
    for row in corpus_rows():
        key = row.get("content_key") or row["sha256"]
        if key not in seen:
            seen.add(key)
            files.append((str(CORPUS / row["file"]), row.get("origin") == "app"))
    return files


def _ids(value, found: set) -> set:
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ID_KEYS and isinstance(item, str):
                found.add(item)
            _ids(item, found)
    elif isinstance(value, list):
        for item in value:
            _ids(item, found)
    return found


def _check(job: tuple[str, bool]) -> str | None:
    """Every promise of the round trip for one file, and a clean check; a message when one fails.

    Files other tools made may hold real mistakes (a misspelt key), so only
    files made in the app must check clean."""
    path, from_app = job
    root = api.load(path)
    code = api.decompile(root)
    ast.parse(code)
    leaked = [i for i in _ids(root, set()) if len(i) >= 8 and re.search(re.escape(i), code)]
    if leaked:
        return f"{path}: ids in the code: {leaked[:3]}"
    result = api.compile(code, filename=path)
    difference = first_difference(root, result, rename_ids=True)
    if difference:
        return f"{path}: {difference}"
    if api.decompile(result) != code:
        return f"{path}: not a fixpoint"
    exact = api.compile(api.decompile(root, keep_ids=True), filename=path)
    difference = first_difference(root, exact, rename_ids=False)
    if difference:
        return f"{path}: --keep-ids: {difference}"
    errors = [str(d) for d in api.check(code, filename=path) if d.severity == "error"]
    if errors and from_app:
        return f"{path}: s2py check: {errors[0]}"
    if black.format_str(code, mode=black_mode()) != code:
        return f"{path}: black changes the code"
    return None


@needs_corpus
def test_every_distinct_corpus_shortcut_round_trips():
    files = _distinct_files()
    with ProcessPoolExecutor(max_workers=2) as pool:
        failures = [f for f in pool.map(_check, files, chunksize=8) if f]
    assert not failures, f"{len(failures)} of {len(files)} failed:\n" + "\n".join(failures[:20])
