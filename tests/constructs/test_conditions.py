"""If conditions as Python tests, each form both ways."""

import pytest

from shortcuts2py import api

HEAD = "from s2py_actions import *\n\n"
SETUP = 'x = "a"\nn = 5\n'


def _reads_back(code: str) -> dict:
    plist = api.compile(code)
    assert api.decompile(plist) == code
    return plist


def _start(plist: dict) -> dict:
    ifs = [a for a in plist["WFWorkflowActions"] if a["WFWorkflowActionIdentifier"].endswith(".conditional")]
    return ifs[0]["WFWorkflowActionParameters"]


@pytest.mark.parametrize(
    "test, condition",
    [
        ('x == "b"', 4),
        ('x != "b"', 5),
        ('"b" in x', 99),
        ('"b" not in x', 999),
        ('x.startswith("b")', 8),
        ('x.endswith("b")', 9),
        ("n < 3", 0),
        ("n >= 3", 3),
        ("1 <= n <= 5", 1003),
        ("x", 100),
        ("not x", 101),
    ],
)
def test_single_tests(test, condition):
    plist = _reads_back(HEAD + SETUP + f"if {test}:\n    vibrate()\n")
    assert _start(plist)["WFCondition"] == condition


def test_numbers_and_text_differ():
    number = _start(api.compile(HEAD + SETUP + "if n == 200:\n    vibrate()\n"))
    text = _start(api.compile(HEAD + SETUP + 'if n == "200":\n    vibrate()\n'))
    assert number["WFNumberValue"] == "200" and "WFConditionalActionString" not in number
    assert text["WFConditionalActionString"] == "200"


def test_and_or_write_the_table_as_the_app_does():
    plist = _reads_back(HEAD + SETUP + 'if x == "a" or n > 3:\n    vibrate()\n')
    table = _start(plist)["WFConditions"]["Value"]
    assert table["WFActionParameterFilterPrefix"] == 0 and table["WFContentPredicateBoundedDate"] is False
    assert len(table["WFActionParameterFilterTemplates"]) == 2


def test_mixed_and_or_is_refused_with_what_to_write():
    with pytest.raises(api.CompileError, match="nest two ifs"):
        api.compile(HEAD + SETUP + 'if x == "a" and n > 3 or n < 1:\n    vibrate()\n')


def test_migrated_ifs_are_marked_once_in_the_header():
    plist = api.compile(HEAD + SETUP + 'if x == "a":\n    vibrate()\nif n > 3:\n    vibrate()\n')
    for action in plist["WFWorkflowActions"]:
        params = action["WFWorkflowActionParameters"]
        if action["WFWorkflowActionIdentifier"].endswith(".conditional") and params.get("WFControlFlowMode") == 0:
            params["WFConditionalLegacyComparisonBehavior"] = True
    code = api.decompile(plist)
    assert "legacy_comparisons=True" in code and "with_keys" not in code
    assert api.roundtrip(plist).ok


def test_a_number_kept_as_text_may_be_any_size_but_not_infinite():
    big = 10**30  # past what a plist integer holds: the If keeps its text
    assert _start(_reads_back(HEAD + SETUP + f"if n == {big}:\n    vibrate()\n"))["WFNumberValue"] == str(big)
    with pytest.raises(api.CompileError, match="not finite"):
        api.compile(HEAD + SETUP + "if n == 1e400:\n    vibrate()\n")


@pytest.mark.parametrize("number", ['real("inf")', 'real("-inf")', 'real("nan")'])
def test_an_era_test_keeps_a_real_without_a_literal(number):
    code = HEAD + f"_ = shortcut()\nif _ > {number}:\n    vibrate()\n"
    assert api.decompile(api.compile(code)) == code
