"""The programs in examples/ stay in step with the compiler and the decompiler.

Each example is a pair: ``name.py`` (code) and ``name.shortcut`` (an unsigned
plist).  The code must check clean and compile to the plist, the plist must
round-trip and decompile to the code.  When a change to the language makes one
of these fail on purpose, regenerate the code with the command in
examples/README.md and review the diff.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from shortcuts2py import api
from shortcuts2py.compare import first_difference

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
NAMES = sorted(path.stem for path in EXAMPLES.glob("*.shortcut"))

# These were written the way the Shortcuts app saves a file (random action ids),
# and their code is what the decompiler makes of them: code without ids cannot
# give those ids back, so they are compared with ids renamed.  Every other
# example was compiled from its code, which gives the same ids every time.
WRITTEN_BY_THE_APP = {"book_log", "morning_briefing", "packing_list"}


def code_of(name: str) -> str:
    return (EXAMPLES / f"{name}.py").read_text(encoding="utf-8")


def test_every_example_is_a_pair_of_code_and_shortcut():
    codes = sorted(path.stem for path in EXAMPLES.glob("*.py"))
    assert codes == NAMES
    assert len(NAMES) >= 11
    assert WRITTEN_BY_THE_APP <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_the_code_checks_clean(name):
    errors = [str(f) for f in api.check(code_of(name), filename=f"{name}.py") if f.severity == "error"]
    assert errors == []


@pytest.mark.parametrize("name", NAMES)
def test_the_code_compiles_to_its_shortcut(name):
    committed = api.load(EXAMPLES / f"{name}.shortcut")
    compiled = api.compile(code_of(name), filename=f"{name}.py")
    assert first_difference(committed, compiled, rename_ids=name in WRITTEN_BY_THE_APP) is None


@pytest.mark.parametrize("name", NAMES)
def test_the_shortcut_decompiles_to_its_code(name):
    assert api.decompile(EXAMPLES / f"{name}.shortcut") == code_of(name)


@pytest.mark.parametrize("keep_ids", [False, True], ids=["renamed-ids", "kept-ids"])
@pytest.mark.parametrize("name", NAMES)
def test_the_shortcut_round_trips(name, keep_ids):
    result = api.roundtrip(EXAMPLES / f"{name}.shortcut", keep_ids=keep_ids)
    assert result.difference is None
    assert result.fixpoint


@pytest.mark.parametrize("name", NAMES)
def test_the_code_says_what_it_does_first(name):
    """After the stubs import and the header, the first thing is a comment."""
    code = code_of(name)
    module = ast.parse(code)
    body = module.body[1:]  # the stubs import
    header = body[0] if body and _is_header(body[0]) else None
    after = header.end_lineno if header else module.body[0].end_lineno
    first = next(line for line in code.splitlines()[after:] if line.strip())
    assert first.startswith("# ")


def _is_header(statement: ast.stmt) -> bool:
    call = statement.value if isinstance(statement, (ast.Expr, ast.Assign)) else None
    return isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "shortcut"


def test_the_readme_lists_every_example():
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    missing = [name for name in NAMES if f"`{name}.py`" not in readme]
    assert missing == []
