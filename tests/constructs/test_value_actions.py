"""The actions that make a value, written as the value assigned: only when that form
reads back as the same action."""

import pytest

from shortcuts2py import api
from shortcuts2py.errors import CompileError

from .harness import act, attachment, compiles_to, exact, out, root_of, tokens

HEAD = "from s2py_actions import *\n"


def test_a_text_in_its_plist_shape_keeps_its_call():
    """`_ = {...}` would be a Dictionary action: the Text keeps its call."""
    bare = {"Value": {"string": "text"}, "WFSerializationType": "WFTextTokenString"}
    root = root_of(
        act("showresult", {"Text": bare}),  # a text without ranges: the file's style is not empty_ranges
        act("gettext", {"WFTextActionText": tokens("x", {})}),
    )
    exact(root, 'gettext(text={"Value": {"string": "x", "attachmentsByRange": {}}, '
                '"WFSerializationType": "WFTextTokenString"})')


def test_a_text_whose_variable_has_an_unknown_aggrandizement_keeps_its_call():
    """Its plist shape holds attachment(...), which a Dictionary action's dict could not."""
    u = "11111111-AAAA-4BBB-8CCC-000000000001"
    odd = out(u, Aggrandizements=[{"Type": "a\nb"}])
    root = root_of(
        act("gettext", {"WFTextActionText": "a", "UUID": u}),
        act("gettext", {"WFTextActionText": tokens("\ufffc", {"{0, 1}": odd})}),
    )
    exact(root, 'attachment(text.aggrandize({"Type": "a\\nb"}))')



LIST_ID = "11111111-AAAA-4BBB-8CCC-000000000002"
THE_LIST = {"Value": {"Type": "ActionOutput", "OutputUUID": LIST_ID, "OutputName": "List"}, "WFSerializationType": "WFTextTokenAttachment"}


def _statistic_of_a_list(operation: str) -> dict:
    return root_of(
        act("list", {"WFItems": ["1", "2"], "UUID": LIST_ID}),
        act("statistics", {"Input": THE_LIST, "WFStatisticsOperation": operation}),
    )


@pytest.mark.parametrize("operation, function", [("Sum", "sum"), ("Minimum", "min"), ("Maximum", "max")])
def test_sum_min_max_are_calculate_statistics(operation, function):
    exact(_statistic_of_a_list(operation), f"{function}(list_2)")


def test_other_statistics_keep_the_actions_call():
    code = exact(_statistic_of_a_list("Median"), 'is_workflow_actions_statistics(operation="Median", input=list_2)')
    assert "sum(" not in code and "median(" not in code


def test_a_statistic_of_a_list_literal_makes_the_list_first():
    actions = api.compile("from s2py_actions import *\nbest = max([3, 9])\n")["WFWorkflowActions"]
    assert [a["WFWorkflowActionIdentifier"] for a in actions] == ["is.workflow.actions.list", "is.workflow.actions.statistics"]
    assert actions[1]["WFWorkflowActionParameters"]["WFStatisticsOperation"] == "Maximum"


def _number_then_set(uuid: str, number: int, variable: str) -> list[dict]:
    return [
        act("number", {"UUID": uuid, "WFNumberActionNumber": number}),
        act("setvariable", {"WFVariableName": variable, "WFInput": attachment(out(uuid, "Number"))}),
    ]


def _shown(variable: str) -> dict:
    return act("showresult", {"Text": tokens("\ufffc", {"{0, 1}": {"Type": "Variable", "VariableName": variable}})})


def test_a_variable_set_once_keeps_its_set_variable_and_is_lowered_once(monkeypatch):
    """`limit = 5` alone would name the Number's output: a variable one Set Variable
    sets keeps both statements, and that is known before the first pass."""
    from shortcuts2py import lower

    root = root_of(*_number_then_set("A", 5, "limit"), _shown("limit"))
    code = exact(root, "limit = number")
    assert "limit = 5" not in code
    passes = []
    real = lower._lower_once
    monkeypatch.setattr(lower, "_lower_once", lambda *args, **kw: passes.append(1) or real(*args, **kw))
    assert api.decompile(root) == code and len(passes) == 1


def test_a_variable_set_twice_where_each_read_sees_one_value_keeps_both_set_variables():
    root = root_of(*_number_then_set("A", 1, "n"), _shown("n"), *_number_then_set("B", 2, "n"), _shown("n"))
    code = exact(root)
    assert "n = 1" not in code and "n = 2" not in code


def test_a_variable_set_before_and_in_a_loop_is_folded():
    loop = [
        act("repeat.count", {"GroupingIdentifier": "G", "WFControlFlowMode": 0, "WFRepeatCount": 3}),
        *_number_then_set("B", 2, "n"),
        act("repeat.count", {"GroupingIdentifier": "G", "WFControlFlowMode": 2, "UUID": "C"}),
    ]
    exact(root_of(*_number_then_set("A", 1, "n"), *loop, _shown("n")), "n = 1", "n = 2")


def test_calculate_abs_is_the_builtin():
    root = root_of(
        act("number", {"UUID": "N", "WFNumberActionNumber": -4}),
        act("math", {"UUID": "A", "WFInput": attachment(out("N", "Number")), "WFMathOperation": "…", "WFScientificMathOperation": "abs(x)"}),
        _shown_output("A"),
    )
    exact(root, "calculation_result = abs(number)")


def test_calculate_abs_with_an_operand_keeps_the_call():
    """abs() takes one number: an operand the app kept beside it has no place in it."""
    params = {"UUID": "A", "WFMathOperation": "…", "WFScientificMathOperation": "abs(x)", "WFScientificMathOperand": "2"}
    code = exact(root_of(act("number", {"UUID": "N", "WFNumberActionNumber": 3}), act("math", params), _shown_output("A")))
    assert "= abs(" not in code and "scientific_math_operand=\"2\"" in code


def test_negation_by_hand_is_a_product_with_minus_one():
    compiles_to(HEAD + "x = 7\nv = -x\n", api.compile(HEAD + "x = 7\nv = x * -1\n"))


def test_floor_division_is_refused_saying_what_to_write():
    with pytest.raises(CompileError) as raised:
        api.compile(HEAD + "x = 7\nz = x // 2\n")
    assert (raised.value.line, raised.value.column) == (3, 5) and "round_number(a / b" in raised.value.message


def _shown_output(uuid: str) -> dict:
    return act("showresult", {"Text": tokens("\ufffc", {"{0, 1}": out(uuid, "Calculation Result")})})


def test_max_of_several_numbers_is_the_maximum_of_their_list():
    compiles_to(HEAD + "a = 3\nbig = max(4, a)\n", api.compile(HEAD + "a = 3\nbig = max([4, a])\n"))
    compiles_to(HEAD + "a = 3\nsmall = min(a, 1, a)\n", api.compile(HEAD + "a = 3\nsmall = min([a, 1, a])\n"))


def test_a_list_added_with_plus_is_refused_saying_to_append():
    with pytest.raises(CompileError, match=r"items \+= \[x\]") as raised:
        api.compile(HEAD + "nums = [1, 2]\nnums = nums + [3]\n")
    assert raised.value.line == 3


def _count(params: dict) -> dict:
    return act("count", {"UUID": "C", **params})


def _shown_count() -> dict:
    return act("showresult", {"Text": tokens("\ufffc", {"{0, 1}": out("C", "Count")})})


def test_len_of_a_text_counts_its_characters_as_python_does():
    text = act("gettext", {"UUID": "T", "WFTextActionText": "hello"})
    exact(root_of(text, _count({"WFCountType": "Characters", "Input": attachment(out("T"))}), _shown_count()), "count = len(text)")
    exact(root_of(_count({"WFCountType": "Characters", "Input": "abc"}), _shown_count()), 'count = len("abc")')
    plist = api.compile(HEAD + 's = "hello"\nn = len(s)\nwords = s.split(" ")\nm = len(words)\n')
    kinds = [a["WFWorkflowActionParameters"].get("WFCountType") for a in plist["WFWorkflowActions"] if a["WFWorkflowActionIdentifier"].endswith(".count")]
    assert kinds == ["Characters", None]


def test_a_count_of_items_of_a_text_keeps_the_call():
    """len(text) would count characters: the app's count of a text's items keeps its call."""
    text = act("gettext", {"UUID": "T", "WFTextActionText": "hello"})
    code = exact(root_of(text, _count({"Input": attachment(out("T"))}), _shown_count()))
    assert "len(" not in code


def test_none_is_the_output_of_nothing():
    code = HEAD + 'x = None\nanswer = ask(prompt="?")\nif answer == "y":\n    x = "yes"\nif x is None:\n    vibrate()\n'
    spelled = HEAD + 'x = nothing()\nanswer = ask(prompt="?")\nif answer == "y":\n    x = "yes"\nif not x:\n    vibrate()\n'
    compiles_to(code, api.compile(spelled))
    first = api.compile(code)["WFWorkflowActions"][0]
    assert first["WFWorkflowActionIdentifier"] == "is.workflow.actions.nothing"


def test_a_text_output_joins_with_plus_and_keeps_the_call_for_calculate():
    """`t + 1` of a Text's output is a join in Python: compiling makes a Text action,
    and a Calculate on such an output decompiles to its call, which compiles back."""
    joined = api.compile(HEAD + 't = "5"\nn = 3\nj = t + n\n')["WFWorkflowActions"]
    assert [a["WFWorkflowActionIdentifier"] for a in joined][-1] == "is.workflow.actions.gettext"
    with pytest.raises(CompileError, match="found text with \\*"):
        api.compile(HEAD + 't = "5"\nj = t * 2\n')
    calculate = api.compile(HEAD + 't = "5"\nr = math(number=t, operation="+", operand="1")\n')
    code = exact(calculate)
    assert 'math(number=t, operation="+", operand="1")' in code


def test_an_index_into_text_is_refused():
    with pytest.raises(CompileError, match="Every Character"):
        api.compile(HEAD + 't = "Hello"\nc = t[0]\n')


def test_len_of_a_dictionary_counts_its_keys_and_a_count_of_one_keeps_its_call():
    counted = api.compile(HEAD + 'd = {"a": 1, "b": 2}\nn = len(d)\n')["WFWorkflowActions"]
    kinds = [a["WFWorkflowActionIdentifier"].removeprefix("is.workflow.actions.") for a in counted]
    assert kinds == ["dictionary", "getvalueforkey", "count"]
    assert counted[1]["WFWorkflowActionParameters"]["WFGetDictionaryValueType"] == "All Keys"
    whole = api.compile(HEAD + 'd = {"a": 1}\nn = is_workflow_actions_count(input=d)\n')
    assert "is_workflow_actions_count(input=d)" in exact(whole)
