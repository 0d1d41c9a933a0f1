"""Every program in docs/language.md compiles, checks clean and round-trips."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from shortcuts2py import api
from shortcuts2py.compare import first_difference

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "language.md"
PROGRAMS = re.findall(r"```python\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)


def test_the_guide_has_programs():
    assert len(PROGRAMS) >= 12


@pytest.mark.parametrize("index", range(len(PROGRAMS)))
def test_each_program_of_the_guide_works(index):
    code = PROGRAMS[index]
    findings = [str(f) for f in api.check(code, filename=f"guide_{index}.py") if f.severity == "error"]
    assert not findings
    plist = api.compile(code, filename=f"guide_{index}.py")
    again = api.decompile(plist)
    back = api.compile(again)
    assert first_difference(plist, back, rename_ids=True) is None
    assert api.decompile(back) == again
