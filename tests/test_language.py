"""Hand-written programs: Python's meaning, plain Python forms, one clear error per refused form.

Every program here must compile into a well-formed shortcut (unique ids, every
reference to an earlier action, blocks nested), check clean, and survive the
round trip (decompile the result, compile again: the same shortcut).
"""

from __future__ import annotations

import textwrap

import pytest

from shortcuts2py import api
from shortcuts2py.compare import first_difference
from shortcuts2py.errors import CompileError

P = "is.workflow.actions."


def build(code: str) -> list[dict]:
    """Compile, prove the result well formed, round-trip it; the action list."""
    code = textwrap.dedent(code)
    findings = [f for f in api.check(code, filename="program.py") if f.severity == "error"]
    assert not findings, findings
    plist = api.compile(code, filename="program.py")
    actions = plist["WFWorkflowActions"]
    _well_formed(actions)
    again = api.decompile(plist)
    back = api.compile(again)
    assert first_difference(plist, back, rename_ids=True) is None
    assert api.decompile(back) == again
    return actions


def _well_formed(actions: list[dict]) -> None:
    seen: set[str] = set()
    open_blocks: list[tuple[str, str]] = []
    for index, action in enumerate(actions):
        params = action["WFWorkflowActionParameters"]
        for ref in _output_refs(params):
            assert ref in seen, f"action {index} refers to an output no earlier action gives"
        uuid = params.get("UUID")
        if uuid is not None:
            assert uuid not in seen, f"action {index} reuses an id"
            seen.add(uuid)
        mode = params.get("WFControlFlowMode")
        if mode == 0:
            open_blocks.append((params["GroupingIdentifier"], action["WFWorkflowActionIdentifier"]))
        elif mode in (1, 2):
            assert open_blocks and open_blocks[-1] == (params["GroupingIdentifier"], action["WFWorkflowActionIdentifier"])
            if mode == 2:
                open_blocks.pop()
    assert not open_blocks


def _output_refs(value):
    if isinstance(value, dict):
        if value.get("Type") == "ActionOutput":
            yield value["OutputUUID"]
        for item in value.values():
            yield from _output_refs(item)
    elif isinstance(value, list):
        for item in value:
            yield from _output_refs(item)


def identifiers(actions: list[dict]) -> list[str]:
    return [a["WFWorkflowActionIdentifier"].removeprefix(P) for a in actions]


def param(action: dict, key: str):
    return action["WFWorkflowActionParameters"].get(key)


def source_of(value) -> str | None:
    """The id an attachment (or its WFTextTokenAttachment wrapper) refers to."""
    inner = value.get("Value", value)
    return inner.get("OutputUUID") or inner.get("VariableName")


# --- names: Python's meaning ------------------------------------------------------


def test_a_reassigned_name_reads_its_latest_value():
    actions = build(
        """
        t = gettext(WFTextActionText="hello")
        t = text_changecase(text=t, WFCaseType="UPPERCASE")
        showresult(Text=f"{t}")
        """
    )
    text, upper, show = actions
    assert source_of(param(upper, "text")) == param(text, "UUID")  # not its own output
    assert param(upper, "UUID") != param(text, "UUID")
    shown = param(show, "Text")["Value"]["attachmentsByRange"]["{0, 1}"]
    assert shown["OutputUUID"] == param(upper, "UUID")


def test_the_same_name_in_two_menu_cases_gives_two_outputs():
    actions = build(
        """
        match menu(WFMenuPrompt="Which?"):
            case "Copy":
                clip = getclipboard()
                showresult(Text=f"{clip}")
            case "Paste":
                clip = getclipboard()
                setclipboard(WFInput=clip)
        """
    )
    clips = [a for a in actions if a["WFWorkflowActionIdentifier"] == P + "getclipboard"]
    assert len({param(a, "UUID") for a in clips}) == 2


def test_a_total_updated_in_a_loop_is_read_after_it_as_a_variable():
    actions = build(
        """
        total = 0
        for item in ["a", "b", "c"]:
            total = total + 1
        showresult(Text=f"{total}")
        """
    )
    names = identifiers(actions)
    assert names.count("setvariable") == 2  # after each assignment
    inside = [a for a in actions if a["WFWorkflowActionIdentifier"] == P + "math"][0]
    assert param(inside, "WFInput")["Value"] == {"Type": "Variable", "VariableName": "total"}
    shown = param(actions[-1], "Text")["Value"]["attachmentsByRange"]["{0, 1}"]
    assert shown == {"Type": "Variable", "VariableName": "total"}


def test_a_name_set_in_both_branches_is_read_after_them():
    actions = build(
        """
        n = 5
        if n > 3:
            size = "big"
        else:
            size = "small"
        showresult(Text=size)
        """
    )
    assert identifiers(actions).count("setvariable") == 2
    assert param(actions[-1], "Text")["Value"] == {"Type": "Variable", "VariableName": "size"}


def test_a_name_assigned_once_stays_an_output():
    actions = build(
        """
        page = downloadurl(WFURL="https://example.com")
        if page:
            showresult(Text=f"{page}")
        """
    )
    assert "setvariable" not in identifiers(actions)


def test_your_own_names_survive_compile_and_decompile():
    code = textwrap.dedent(
        """
        answer = ask(WFAskActionPrompt="Name?")
        loud = text_changecase(text=answer, WFCaseType="UPPERCASE")
        showresult(Text=f"{loud}")
        """
    )
    plist = api.compile(code)
    assert param(plist["WFWorkflowActions"][0], "CustomOutputName") == "answer"
    again = api.decompile(plist)
    assert "answer = ask(" in again and "loud = text_changecase(" in again and "{loud}" in again


def test_a_default_name_records_nothing():
    plist = api.compile('text = gettext(WFTextActionText="a")\ntext_2 = gettext(WFTextActionText="b")\n')
    assert all(param(a, "CustomOutputName") is None for a in plist["WFWorkflowActions"])


# --- plain Python forms -----------------------------------------------------------


def test_literals_are_the_actions_that_make_them():
    actions = build(
        """
        x = "text"
        n = 5
        r = 2.5
        items = ["a", "b"]
        d = {"k": 1, "name": "Ann", "ok": True, "tags": ["x"], "inner": {"a": "b"}}
        showresult(Text=f"{x} {n} {r} {items} {d}")
        """
    )
    assert identifiers(actions)[:5] == ["gettext", "number", "number", "list", "dictionary"]
    assert param(actions[1], "WFNumberActionNumber") == 5 and param(actions[2], "WFNumberActionNumber") == 2.5
    rows = param(actions[4], "WFItems")["Value"]["WFDictionaryFieldValueItems"]
    assert [row["WFItemType"] for row in rows] == [3, 0, 4, 2, 1]  # number, text, bool, array, dictionary
    assert rows[0]["WFValue"]["Value"]["string"] == "1"


def test_a_dict_in_a_dictionary_parameter_is_a_dictionary_field():
    actions = build('page = downloadurl(WFURL="https://e.x", WFHTTPMethod="POST", WFJSONValues={"age": 36, "name": "Ann"})\n')
    body = param(actions[0], "WFJSONValues")
    assert body["WFSerializationType"] == "WFDictionaryFieldValue"
    assert [row["WFItemType"] for row in body["Value"]["WFDictionaryFieldValueItems"]] == [3, 0]


def test_arithmetic_is_calculate_and_len_is_count():
    actions = build(
        """
        items = ["a", "b", "c"]
        n = len(items)
        half = n / 2
        rest = n % 2
        power = n ** 2
        showresult(Text=f"{half} {rest} {power} {len(items) - 1}")
        """
    )
    assert identifiers(actions) == ["list", "count", "math", "math", "math", "count", "math", "showresult"]
    assert param(actions[2], "WFMathOperation") == "÷" and param(actions[2], "WFMathOperand") == "2"
    assert param(actions[3], "WFScientificMathOperation") == "Modulus"
    assert param(actions[4], "WFScientificMathOperation") == "x^y"


def test_plus_with_text_joins_text():
    actions = build('name = ask(WFAskActionPrompt="Name?")\ngreeting = "Hello " + name + "!"\nshowresult(Text=greeting)\n')
    text = param(actions[1], "WFTextActionText")["Value"]
    assert actions[1]["WFWorkflowActionIdentifier"] == P + "gettext" and text["string"] == "Hello \ufffc!"


def test_elif_is_an_if_inside_otherwise():
    actions = build(
        """
        n = 7
        if n < 5:
            showresult(Text="small")
        elif n < 10:
            showresult(Text="medium")
        else:
            showresult(Text="large")
        """
    )
    modes = [(a["WFWorkflowActionIdentifier"].removeprefix(P), param(a, "WFControlFlowMode")) for a in actions if param(a, "WFControlFlowMode") is not None]
    assert modes == [("conditional", 0), ("conditional", 1), ("conditional", 0), ("conditional", 1), ("conditional", 2), ("conditional", 2)]


def test_and_or_use_the_if_actions_all_and_any():
    actions = build(
        """
        n = 7
        name = "x"
        if n > 3 and name == "x":
            showresult(Text="both")
        if n > 3 or name == "y":
            showresult(Text="either")
        """
    )
    tables = [param(a, "WFConditions")["Value"] for a in actions if param(a, "WFConditions")]
    assert [t["WFActionParameterFilterPrefix"] for t in tables] == [1, 0]
    assert all(len(t["WFActionParameterFilterTemplates"]) == 2 for t in tables)


def test_comparisons_are_typed_by_the_literal():
    actions = build('x = ask(WFAskActionPrompt="?")\nif x == 3:\n    pass\nif x == "3":\n    pass\n')
    number, text = [a for a in actions if param(a, "WFControlFlowMode") == 0]
    assert param(number, "WFNumberValue") == "3" and param(number, "WFConditionalActionString") is None
    assert param(text, "WFConditionalActionString") == "3" and param(text, "WFNumberValue") is None


def test_for_over_items_and_range():
    actions = build(
        """
        for item in ["a", "b"]:
            showresult(Text=item)
        for i in range(1, 3 + 1):
            showresult(Text=f"{i}")
        for _ in range(2):
            vibrate()
        """
    )
    each = [a for a in actions if a["WFWorkflowActionIdentifier"] == P + "repeat.each"]
    counts = [param(a, "WFRepeatCount") for a in actions if a["WFWorkflowActionIdentifier"] == P + "repeat.count" and param(a, "WFControlFlowMode") == 0]
    assert len(each) == 2 and counts == [3, 2]


def test_range_from_zero_reads_the_index_minus_one():
    actions = build("for i in range(3):\n    showresult(Text=f\"{i}\")\n")
    assert identifiers(actions) == ["repeat.count", "math", "showresult", "repeat.count"]
    assert param(actions[1], "WFInput")["Value"] == {"Type": "Variable", "VariableName": "Repeat Index"}
    assert param(actions[1], "WFMathOperation") == "-"


# --- refused forms: one error each, at the right place ----------------------------


@pytest.mark.parametrize(
    "code, where, words",
    [
        ("n = 0\nwhile n < 3:\n    n = n + 1\n", (2, 1), "no while loop"),
        ("def f():\n    pass\n", (1, 1), "no functions"),
        ("x = 1\nreturn x\n", (2, 1), "no return"),
        ("import os\n", (1, 1), "cannot import"),
        ("class A:\n    pass\n", (1, 1), "no classes"),
        ("f = lambda: 1\n", (1, 5), "lambda"),
        ("try:\n    pass\nexcept Exception:\n    pass\n", (1, 1), "no exceptions"),
        ("with x:\n    pass\n", (1, 1), "`with`"),
        ("x = [i for i in y]\n", (1, 5), "comprehensions"),
        ("x = 1 if y else 2\n", (1, 5), "conditional expression"),
        ("for i in range(3):\n    break\n", (2, 5), "cannot be left early"),
        ('m = "abc"\nbig = len(m) > 2\n', (2, 7), "no true/false values"),
        ('m = "abc"\nshowresult(Text=m and m)\n', (2, 17), "`and` / `or` used as a value"),
    ],
)
def test_each_refused_construct_names_itself_and_the_alternative(code, where, words):
    with pytest.raises(CompileError) as caught:
        api.compile(code, filename="bad.py")
    error = caught.value
    assert (error.line, error.column) == where, str(error)
    assert words in error.message


def test_a_name_never_assigned_is_an_error_at_its_place():
    with pytest.raises(CompileError) as caught:
        api.compile('showresult(Text="a")\nshowresult(Text=nothing)\n')
    assert (caught.value.line, caught.value.column) == (2, 17)
    assert "nothing" in caught.value.message


def test_a_comment_after_code_is_refused():
    with pytest.raises(CompileError) as caught:
        api.compile('x = "a"  # note\n')
    assert (caught.value.line, caught.value.column) == (1, 10)


def test_not_before_a_comparison_is_its_opposite():
    actions = build('x = ask(WFAskActionPrompt="?")\nif not (x == 3):\n    pass\nif not ("a" in x):\n    pass\n')
    tests = [a for a in actions if param(a, "WFControlFlowMode") == 0]
    assert [param(a, "WFCondition") for a in tests] == [5, 999]


def test_a_loop_item_read_after_the_loop_is_explained():
    with pytest.raises(CompileError) as caught:
        api.compile('for item in ["a"]:\n    pass\nshowresult(Text=item)\n')
    assert (caught.value.line, caught.value.column) == (3, 17) and "only inside the loop" in caught.value.message


def test_mixed_and_or_is_refused_with_the_way_out():
    with pytest.raises(CompileError) as caught:
        api.compile('x = 1\nif x == 1 and (x == 2 or x == 3):\n    pass\n')
    assert "nest two ifs" in caught.value.message
