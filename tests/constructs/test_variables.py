"""Variables with their steps (aggrandizements): the readable form only where it stays valid."""

import pytest

from shortcuts2py.constructs.variables import MAX_NESTED_BUILTINS

from .harness import act, attachment, exact, root_of


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
