"""Variables with their steps (aggrandizements): the readable form only where it stays valid."""

import pytest

from shortcuts2py.constructs.variables import MAX_NESTED_BUILTINS

from .harness import act, attachment, exact, out, root_of, tokens


def _text_of_input(conversions: int) -> dict:
    steps = [{"Type": "WFCoercionVariableAggrandizement", "CoercionItemClass": "WFStringContentItem"}] * conversions
    return root_of(act("gettext", {"WFTextActionText": attachment({"Type": "ExtensionInput", "Aggrandizements": steps})}))


def test_a_few_conversions_read_as_builtins():
    exact(_text_of_input(2), "str(str(ShortcutInput))")


@pytest.mark.parametrize("conversions", [MAX_NESTED_BUILTINS + 1, 120])
def test_many_conversions_keep_the_method_form(conversions):
    """Nested builtins open a bracket each, and CPython refuses 200 open at once."""
    code = exact(_text_of_input(conversions), 'ShortcutInput.as_type("String").as_type("String")')
    assert "str(" not in code


HEAD = "from s2py_actions import *\n"


def test_an_action_called_where_a_value_belongs_runs_first():
    from shortcuts2py import api

    from .harness import compiles_to

    nested = HEAD + 'showresult(result=ask("Name?"))\nfor key in getvalueforkey(dictionary={"a": 1}, get="All Keys"):\n    showresult(result=key)\n'
    spelled = (
        HEAD + 'provided_input = ask(prompt="Name?")\nshowresult(Text=provided_input)\n'
        'dictionary = {"a": 1}\ndictionary_value = getvalueforkey(dictionary=dictionary, get="All Keys")\n'
        'for key in dictionary_value:\n    showresult(result=key)\n'
    )
    compiles_to(nested, api.compile(spelled))


def test_the_inner_action_does_not_take_the_outer_ones_keys():
    """app_intent() reads the action it stands on: the outer one, after the inner."""
    from shortcuts2py import api

    actions = api.compile(HEAD + 'alert(message=ask("Why?"), title="T")\n')["WFWorkflowActions"]
    assert [a["WFWorkflowActionIdentifier"] for a in actions] == ["is.workflow.actions.ask", "is.workflow.actions.alert"]
    assert actions[1]["WFWorkflowActionParameters"]["WFAlertActionTitle"] == "T"


def _dictionary_read_twice(second_label: str) -> dict:
    """A Dictionary action's output read as "Dictionary" twice and once as ``second_label``."""
    made = act("dictionary", {"WFItems": {"Value": {"WFDictionaryFieldValueItems": []}, "WFSerializationType": "WFDictionaryFieldValue"}, "UUID": "D1"})
    show = [act("showresult", {"Text": tokens("\ufffc", {"{0, 1}": out("D1", name)})}) for name in ("Dictionary", "Dictionary")]
    other = act("setclipboard", {"WFInput": attachment(dict(out("D1", second_label), Aggrandizements=[{"Type": "WFDictionaryValueVariableAggrandizement", "DictionaryKey": "k"}]))})
    return root_of(made, *show, other)


def test_a_reference_shown_under_another_name_says_so():
    """One reference of a file edited in another language shows 词典 for Dictionary."""
    code = exact(_dictionary_read_twice("词典"), 'dictionary.shown_as("词典")["k"]')
    assert "with_keys" not in code and "OutputName" not in code


def test_a_reference_shown_under_the_outputs_name_needs_nothing():
    code = exact(_dictionary_read_twice("Dictionary"), 'setclipboard(content=dictionary["k"])')
    assert "shown_as" not in code


def test_shown_as_inside_an_f_string_field():
    made = act("dictionary", {"WFItems": {"Value": {"WFDictionaryFieldValueItems": []}, "WFSerializationType": "WFDictionaryFieldValue"}, "UUID": "D1"})
    shown = act("showresult", {"Text": tokens("a \ufffc", {"{2, 1}": out("D1", "词典")})})
    again = act("showresult", {"Text": tokens("\ufffc", {"{0, 1}": out("D1", "Dictionary")})})
    exact(root_of(made, shown, again, again), "f\"a {dictionary.shown_as('词典')}\"")


@pytest.mark.parametrize(
    "code, message",
    [
        ('x = var("a").shown_as("b")', r"shown_as\(\) on something else"),
        ('d = {"a": 1}\nx = d["a"].shown_as("b")', r"shown_as\(\) on something else"),
        ('d = {"a": 1}\nx = d.shown_as(3)', "string"),
    ],
)
def test_shown_as_belongs_right_after_an_output(code, message):
    from shortcuts2py import api

    with pytest.raises(api.CompileError, match=message):
        api.compile(HEAD + code + "\nshowresult(Text=x)\n")


def test_a_subscript_by_a_variable_says_what_to_write_for_each_meaning():
    from shortcuts2py import api
    from shortcuts2py.errors import CompileError

    with pytest.raises(CompileError) as raised:
        api.compile(HEAD + 'items = ["a", "b"]\nk = "a"\nshowresult(Text=items[k])\n')
    message = raised.value.message
    assert "d.get(key)" in message and "Item At Index" in message and raised.value.line == 4
