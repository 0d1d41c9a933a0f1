"""for loops: Repeat and Repeat with Each, each form both ways."""

import pytest

from shortcuts2py import api
from shortcuts2py.errors import CompileError

from .harness import compiles_to


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
        'for item in ["a", "b"]:\n    showresult(result=f"{item}")\n',
        'for index, item in enumerate(["a", "b"], start=1):\n    showresult(result=f"{index}. {item}")\n',
        "for _ in range(3):\n    vibrate()\n",
        'for index in range(1, 3 + 1):\n    showresult(result=f"{index}")\n',
        'for index, _ in enumerate(["a"], start=1):\n    setclipboard(content=_)\n    showresult(result=f"{index}")\n',
        'for item in repeat_each(WFInput=["a"], X=1):\n    showresult(result=f"{item}")\n',
        "for _ in repeat_each(WFInput=[\"a\"], X=1):\n    setclipboard(content=_)\n",
        'for index, _ in repeat_each(WFInput=["a"], X=1):\n    setclipboard(content=_)\n    showresult(result=f"{index}")\n',
        # the body takes the item unnamed first, and names it too: `_` is the item only
        # until the first action's output takes its place, so the name is the app's
        'for _ in ["a", "b"]:\n    setclipboard(content=_)\n    showresult(result=f"{var(\'Repeat Item\')}")\n',
    ],
)
def test_loop_forms_read_back_as_written(body):
    _roundtrip(HEAD + body)


def test_a_list_literal_is_a_list_action_before_the_loop():
    plist = api.compile(HEAD + 'for item in ["a", "b"]:\n    showresult(result=f"{item}")\n')
    identifiers = [a["WFWorkflowActionIdentifier"].rsplit(".", 1)[-1] for a in plist["WFWorkflowActions"]]
    assert identifiers[:2] == ["list", "each"]
    assert plist["WFWorkflowActions"][0]["WFWorkflowActionParameters"]["WFItems"] == ["a", "b"]


def test_range_from_zero_reads_the_index_minus_one():
    plist = api.compile(HEAD + 'for i in range(3):\n    showresult(result=f"{i}")\n')
    math = [a for a in plist["WFWorkflowActions"] if a["WFWorkflowActionIdentifier"].endswith(".math")]
    assert len(math) == 1 and math[0]["WFWorkflowActionParameters"]["WFMathOperation"] == "-"


@pytest.mark.parametrize("first, stop, turns, operation, operand", [(2, 5, 3, "+", "1"), (0, 4, 4, "-", "1"), (5, 5, 0, "+", "4")])
def test_range_from_any_whole_number_counts_as_python_does(first, stop, turns, operation, operand):
    plist = api.compile(HEAD + f'for i in range({first}, {stop}):\n    showresult(result=f"{{i}}")\n')
    repeat = plist["WFWorkflowActions"][0]["WFWorkflowActionParameters"]
    assert repeat["WFRepeatCount"] == turns
    math = [a["WFWorkflowActionParameters"] for a in plist["WFWorkflowActions"] if a["WFWorkflowActionIdentifier"].endswith(".math")]
    assert [(m["WFMathOperation"], m["WFMathOperand"]) for m in math] == [(operation, operand)]


@pytest.mark.parametrize("source", ["range(5, 2)", "range(-1, 3)", "range(0, 10, 2)", "range(1, n)"])
def test_ranges_the_app_cannot_count_are_refused(source):
    with pytest.raises(CompileError) as raised:
        api.compile(HEAD + f"n = 3\nfor i in {source}:\n    showresult(result=f\"{{i}}\")\n")
    assert "range" in raised.value.message and raised.value.line == 4


@pytest.mark.parametrize("source, words", [('"abc"', "text_split"), ('{"a": 1}', "d.keys()")])
def test_loops_python_and_shortcuts_disagree_on_are_refused(source, words):
    with pytest.raises(CompileError) as raised:
        api.compile(HEAD + f"for x in {source}:\n    showresult(result=f\"{{x}}\")\n")
    assert words in str(raised.value)


def test_with_ids_kept_the_list_keeps_its_statement():
    plist = api.compile(HEAD + 'for item in ["a", "b"]:\n    showresult(result=f"{item}")\n')
    code = api.decompile(plist, keep_ids=True)
    assert 'list_2 = ["a", "b"]' in code or '= ["a", "b"]\n' in code
    assert api.roundtrip(plist, keep_ids=True).ok


def test_a_loop_over_items_reads_each_value_first():
    items = HEAD + 'd = {"a": 1}\nfor k, v in d.items():\n    # each pair\n    showresult(result=f"{k} {v}")\n'
    keys = HEAD + 'd = {"a": 1}\nfor k in d.keys():\n    # each pair\n    v = d.get(k)\n    showresult(result=f"{k} {v}")\n'
    compiles_to(items, api.compile(keys))


@pytest.mark.parametrize(
    "loop, words",
    [
        ("for k, v in getvalueforkey(key=\"x\", dictionary=d).items():", "assign its output to a name first"),
        ("for pair in d.items():", "without two names"),
        ("for _, v in d.items():", "expected a name"),
    ],
)
def test_a_loop_over_items_that_would_mean_something_else_is_refused(loop, words):
    with pytest.raises(CompileError, match=words):
        api.compile(HEAD + f'd = {{"a": 1}}\n{loop}\n    vibrate()\n')


def test_a_loop_over_items_with_the_value_unnamed_reads_no_value():
    compiles_to(HEAD + 'd = {"a": 1}\nfor k, _ in d.items():\n    vibrate()\n', api.compile(HEAD + 'd = {"a": 1}\nfor k in d.keys():\n    vibrate()\n'))


def test_a_loop_over_a_dictionary_goes_through_its_keys():
    compiles_to(HEAD + 'd = {"a": 1}\nfor k in d:\n    vibrate()\n', api.compile(HEAD + 'd = {"a": 1}\nfor k in d.keys():\n    vibrate()\n'))
    # a Repeat with Each given the dictionary itself keeps its call
    plist = api.compile(HEAD + 'd = {"a": 1}\nfor item in repeat_each(WFInput=d):\n    vibrate()\n')
    assert "repeat_each(WFInput=d)" in api.decompile(plist)
    assert api.roundtrip(plist).ok
