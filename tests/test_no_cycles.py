"""The stages leave no reference cycles behind.

``api`` pauses Python's cycle collector while a stage runs (it would only walk
the growing trees again and again); that costs nothing only while the stages
make no cycles, so that reference counting alone frees everything they drop.
"""

import gc
import plistlib
from pathlib import Path

import pytest

from shortcuts2py import api, container

from .conftest import CORPUS, corpus_rows

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.shortcut"))


def _inputs() -> list[tuple[str, bytes]]:
    """(name, bytes) of the examples and a spread of real files.  XML plists are
    given as binary ones: plistlib's XML parser keeps a cycle of its own."""
    paths = EXAMPLES + [CORPUS / row["file"] for row in corpus_rows()[::100]]
    found = []
    for path in paths:
        data = path.read_bytes()
        if container.detect(data) == "xml":
            data = plistlib.dumps(api.load(data), fmt=plistlib.FMT_BINARY, sort_keys=False)
        found.append((path.name, data))
    return found


@pytest.fixture
def garbage():
    """gc.garbage then receives every object a collection finds unreachable."""
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        yield gc.garbage
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if enabled:
            gc.enable()


def _round(name: str, data: bytes) -> None:
    code = api.decompile(data)
    api.dump(api.compile(code, filename=name))
    api.compile(api.decompile(data, keep_ids=True), filename=name)


def test_decompile_compile_and_dump_leave_no_cycles(garbage):
    inputs = _inputs()
    assert len(inputs) >= len(EXAMPLES) > 0, "the shipped examples are missing"
    for name, data in inputs:
        _round(name, data)  # first uses import modules and fill caches: cycles of their own
    gc.set_debug(0)
    gc.collect()  # frees those (saved, they would only be found again)
    gc.set_debug(gc.DEBUG_SAVEALL)
    for name, data in inputs:
        _round(name, data)
        gc.collect()
        assert not garbage, f"{name}: cycles of {sorted({type(o).__name__ for o in garbage})}"
