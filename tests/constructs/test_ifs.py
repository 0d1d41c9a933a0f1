"""If blocks: the stale operands the app keeps, said after the body by If number; a match
on a value written by hand, read as the if chain that means the same."""

import ast

import pytest

from shortcuts2py import api

HEAD = "from s2py_actions import *\n\n"


def _starts(plist: dict) -> list[dict]:
    return [
        a["WFWorkflowActionParameters"]
        for a in plist["WFWorkflowActions"]
        if a["WFWorkflowActionIdentifier"].endswith(".conditional") and a["WFWorkflowActionParameters"].get("WFControlFlowMode") == 0
    ]


def _with_stale(code: str, stale: dict[int, dict]) -> dict:
    """The plist of ``code`` with keys added to its Ifs (numbered from 1 in file order)."""
    plist = api.compile(code)
    for number, start in enumerate(_starts(plist), 1):
        start.update(stale.get(number, {}))
    return plist


def test_stale_operands_leave_the_test_plain_and_go_round():
    code = HEAD + (
        'x = ask(WFAskActionPrompt="Name?")\n'
        "if x:\n"
        '    if x == "a":\n'
        "        vibrate()\n"
        'elif x.startswith("b"):\n'
        "    vibrate()\n"
    )
    plist = _with_stale(code, {1: {"WFConditionalActionString": "png"}, 3: {"WFNumberValue": -4, "WFAnotherNumber": True}})
    decompiled = api.decompile(plist)
    assert "with_keys" not in decompiled
    last = ast.unparse(ast.parse(decompiled).body[-1])
    assert last == "stale_operands({1: {'WFConditionalActionString': 'png'}, 3: {'WFNumberValue': -4, 'WFAnotherNumber': True}})"
    assert "if x:" in decompiled and 'if x == "a":' in decompiled and 'elif x.startswith("b"):' in decompiled
    for keep_ids in (False, True):
        result = api.roundtrip(plist, keep_ids=keep_ids)
        assert result.ok and result.fixpoint
    starts = _starts(api.compile(decompiled))
    assert starts[0]["WFConditionalActionString"] == "png" and "WFNumberValue" not in starts[1]
    assert starts[2]["WFNumberValue"] == -4 and starts[2]["WFAnotherNumber"] is True


def test_a_stale_operand_with_a_variable_stays_with_its_test():
    # Where the trailer stands, a name may read another value: the names in scope are the If's.
    code = HEAD + 'x = ask(WFAskActionPrompt="Name?")\nif x:\n    vibrate()\n'
    plist = api.compile(code)
    start = _starts(plist)[0]
    start["WFConditionalActionString"] = api.compile(HEAD + 'x = ask(WFAskActionPrompt="Name?")\nif x == f"{x}!":\n    vibrate()\n')[
        "WFWorkflowActions"
    ][1]["WFWorkflowActionParameters"]["WFConditionalActionString"]
    decompiled = api.decompile(plist)
    assert "stale_operands" not in decompiled and "with_keys(x, WFConditionalActionString=" in decompiled
    assert api.roundtrip(plist).ok


def test_stale_operands_without_variables_of_any_shape_go_to_the_trailer():
    """A date, a text without variables and a span hold nothing tied to their place."""
    import datetime

    code = HEAD + 'x = ask(WFAskActionPrompt="Name?")\nif x:\n    vibrate()\n'
    plist = api.compile(code)
    text = {"Value": {"string": "png", "attachmentsByRange": {}}, "WFSerializationType": "WFTextTokenString"}
    span = {"Value": {"Magnitude": "7", "Unit": "days"}, "WFSerializationType": "WFQuantityFieldValue"}
    _starts(plist)[0].update(WFDate=datetime.datetime(2019, 6, 20, 15, 41, 55), WFConditionalActionString=text, WFDuration=span)
    decompiled = api.decompile(plist)
    assert "with_keys" not in decompiled and "\nif x:\n" in decompiled
    assert 'date("2019-06-20T15:41:55")' in decompiled.split("stale_operands(")[1]
    for keep_ids in (False, True):
        result = api.roundtrip(plist, keep_ids=keep_ids)
        assert result.ok and result.fixpoint


def test_stale_operands_of_an_if_the_code_lacks_is_an_error():
    code = HEAD + 'x = ask(WFAskActionPrompt="Name?")\nif x:\n    vibrate()\nstale_operands({2: {"WFNumberValue": 4}})\n'
    with pytest.raises(api.CompileError, match=r"<string>:6:1: error: found stale operands for If 2, but the code has 1 Ifs"):
        api.compile(code)


def test_stale_operands_are_a_trailer():
    code = HEAD + 'stale_operands({1: {"WFNumberValue": 4}})\nx = ask(WFAskActionPrompt="Name?")\nif x:\n    vibrate()\n'
    with pytest.raises(api.CompileError, match=r"expected it as the last \(before spelling, icon_image and ids\) statement"):
        api.compile(code)


def test_a_match_on_a_value_is_the_if_chain_that_means_the_same():
    setup = 'x = "b"\n'
    matched = setup + (
        'match x:\n    case "a":\n        vibrate()\n    case "b" | "c":\n        showresult(Text="bc")\n'
        '    case None:\n        showresult(Text="none")\n    case _:\n        showresult(Text="other")\n'
    )
    chained = setup + (
        'if x == "a":\n    vibrate()\nelif x == "b" or x == "c":\n    showresult(Text="bc")\n'
        'elif not x:\n    showresult(Text="none")\nelse:\n    showresult(Text="other")\n'
    )
    assert api.compile(HEAD + matched) == api.compile(HEAD + chained)


def test_a_name_set_in_every_case_of_a_match_on_a_value_may_be_unset_after_it():
    """No `case _`: no case may run, as in Python; x is a variable read after the chain."""
    plist = api.compile(HEAD + 'n = 3\nmatch n:\n    case 1:\n        x = "one"\n    case 3:\n        x = "three"\nshowresult(Text=x)\n')
    shown = plist["WFWorkflowActions"][-1]["WFWorkflowActionParameters"]["Text"]
    assert shown["Value"] == {"Type": "Variable", "VariableName": "x"}


@pytest.mark.parametrize(
    "code, words",
    [
        ('match ask(WFAskActionPrompt="?"):\n    case "a":\n        vibrate()\n', "assign its output"),
        ('x = "a"\nmatch x:\n    case "a" if x:\n        vibrate()\n', "guard"),
        ('x = "a"\nmatch x:\n    case _:\n        vibrate()\n    case "a":\n        vibrate()\n', "expected it last"),
        ('x = "a"\nmatch x:\n    case [a, b]:\n        vibrate()\n', "cases are literals"),
        ('x = "a"\nmatch x:\n    case y:\n        vibrate()\n', "cases are literals"),
    ],
)
def test_match_forms_an_if_chain_cannot_say_are_refused_at_their_place(code, words):
    with pytest.raises(api.CompileError, match=words) as raised:
        api.compile(HEAD + code)
    assert raised.value.line >= 3
