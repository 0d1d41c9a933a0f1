"""The actions that make a value, written as the value assigned: only when that form
reads back as the same action."""

import pytest

from shortcuts2py import api

from .harness import act, exact, out, root_of, tokens


def test_a_text_in_its_plist_shape_keeps_its_call():
    """`_ = {...}` would be a Dictionary action: the Text keeps its call."""
    bare = {"Value": {"string": "text"}, "WFSerializationType": "WFTextTokenString"}
    root = root_of(
        act("showresult", {"Text": bare}),  # a text without ranges: the file's style is not empty_ranges
        act("gettext", {"WFTextActionText": tokens("x", {})}),
    )
    exact(root, 'gettext(WFTextActionText={"Value": {"string": "x", "attachmentsByRange": {}}, '
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
    code = exact(_statistic_of_a_list("Median"), 'is_workflow_actions_statistics(WFStatisticsOperation="Median", Input=list_2)')
    assert "sum(" not in code and "median(" not in code


def test_a_statistic_of_a_list_literal_makes_the_list_first():
    actions = api.compile("from s2py_actions import *\nbest = max([3, 9])\n")["WFWorkflowActions"]
    assert [a["WFWorkflowActionIdentifier"] for a in actions] == ["is.workflow.actions.list", "is.workflow.actions.statistics"]
    assert actions[1]["WFWorkflowActionParameters"]["WFStatisticsOperation"] == "Maximum"
