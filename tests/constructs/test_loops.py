"""for loops: Repeat and Repeat with Each, each form both ways."""

import pytest

from shortcuts2py import api
from shortcuts2py.errors import CompileError


def _roundtrip(code: str) -> str:
    """Compile, decompile, and require the code back as written (it is exact sugar)."""
    plist = api.compile(code)
    again = api.decompile(plist)
    assert again == code, again
    return again


HEAD = "from s2py_actions import *\n\n"


@pytest.mark.parametrize(
    "body",
    [
        'for item in ["a", "b"]:\n    showresult(Text=f"{item}")\n',
        'for index, item in enumerate(["a", "b"], start=1):\n    showresult(Text=f"{index}. {item}")\n',
        "for _ in range(3):\n    vibrate()\n",
        'for index in range(1, 3 + 1):\n    showresult(Text=f"{index}")\n',
        'for index, _ in enumerate(["a"], start=1):\n    setclipboard(WFInput=_)\n    showresult(Text=f"{index}")\n',
        'for item in repeat_each(WFInput=["a"], X=1):\n    showresult(Text=f"{item}")\n',
        "for _ in repeat_each(WFInput=[\"a\"], X=1):\n    setclipboard(WFInput=_)\n",
        'for index, _ in repeat_each(WFInput=["a"], X=1):\n    setclipboard(WFInput=_)\n    showresult(Text=f"{index}")\n',
    ],
)
def test_loop_forms_read_back_as_written(body):
    _roundtrip(HEAD + body)


def test_a_list_literal_is_a_list_action_before_the_loop():
    plist = api.compile(HEAD + 'for item in ["a", "b"]:\n    showresult(Text=f"{item}")\n')
    identifiers = [a["WFWorkflowActionIdentifier"].rsplit(".", 1)[-1] for a in plist["WFWorkflowActions"]]
    assert identifiers[:2] == ["list", "each"]
    assert plist["WFWorkflowActions"][0]["WFWorkflowActionParameters"]["WFItems"] == ["a", "b"]


def test_range_from_zero_reads_the_index_minus_one():
    plist = api.compile(HEAD + 'for i in range(3):\n    showresult(Text=f"{i}")\n')
    math = [a for a in plist["WFWorkflowActions"] if a["WFWorkflowActionIdentifier"].endswith(".math")]
    assert len(math) == 1 and math[0]["WFWorkflowActionParameters"]["WFMathOperation"] == "-"


@pytest.mark.parametrize("source, words", [('"abc"', "text_split"), ('{"a": 1}', "All Keys")])
def test_loops_python_and_shortcuts_disagree_on_are_refused(source, words):
    with pytest.raises(CompileError) as raised:
        api.compile(HEAD + f"for x in {source}:\n    showresult(Text=f\"{{x}}\")\n")
    assert words in str(raised.value)


def test_with_ids_kept_the_list_keeps_its_statement():
    plist = api.compile(HEAD + 'for item in ["a", "b"]:\n    showresult(Text=f"{item}")\n')
    code = api.decompile(plist, keep_ids=True)
    assert 'list_2 = ["a", "b"]' in code or '= ["a", "b"]\n' in code
    assert api.roundtrip(plist, keep_ids=True).ok
