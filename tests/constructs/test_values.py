"""A list or dict written where real files only put variables is made by its action
first (what a Python reader means); a literal array a file holds there goes round
as ``plain_list([...])``."""

import pytest

from shortcuts2py import api, catalog
from shortcuts2py.constructs.values import takes_a_variable

from .harness import act, exact, root_of

HEAD = "from s2py_actions import *\n"


def _actions(code: str) -> list[dict]:
    return api.compile(HEAD + code)["WFWorkflowActions"]


@pytest.mark.parametrize(
    "literal, maker",
    [('["Tea", "Coffee"]', "is.workflow.actions.list"), ('{"a": 1}', "is.workflow.actions.dictionary")],
)
def test_a_literal_given_to_a_variable_parameter_is_made_by_its_action(literal, maker):
    first, choose = _actions(f"choice = choosefromlist(list={literal})\n")
    assert first["WFWorkflowActionIdentifier"] == maker
    reference = choose["WFWorkflowActionParameters"]["WFInput"]
    assert reference["Value"]["OutputUUID"] == first["WFWorkflowActionParameters"]["UUID"]


def test_a_literal_array_a_file_holds_there_goes_round_as_plain_list():
    root = root_of(act("choosefromlist", {"WFInput": ["Tea", "Coffee"]}))
    exact(root, 'choosefromlist(list=plain_list(["Tea", "Coffee"]))')


def test_parameters_real_files_fill_with_arrays_keep_list_literals():
    combine = catalog.entry("is.workflow.actions.text.combine").parameter("text")
    assert "list" in combine.seen and not takes_a_variable(combine)
    root = root_of(act("text.combine", {"text": ["a", "b"], "WFTextSeparator": "Spaces"}))
    exact(root, 'text_combine(separator="Spaces", text=["a", "b"])')
    assert takes_a_variable(catalog.entry("is.workflow.actions.choosefromlist").parameter("WFInput"))


def test_a_literal_array_in_a_dictionary_parameter_stays_an_array():
    """Found by the fuzz campaign: only a dict is a dictionary field there."""
    root = root_of(act("downloadurl", {"WFURL": "https://example.com", "WFJSONValues": ["a", 1]}))
    code = exact(root)
    assert '["a", 1]' in code


def test_a_text_in_its_plist_shape_in_a_dictionary_parameter_stays_a_text():
    """{...} there would read as a dictionary field: the text is written plain_dict({...})."""
    from .harness import tokens

    text = {"Value": {"string": "x"}, "WFSerializationType": "WFTextTokenString"}  # unlike the file's other texts
    root = root_of(
        act("gettext", {"WFTextActionText": tokens("a", {})}),
        act("gettext", {"WFTextActionText": tokens("b", {})}),
        act("downloadurl", {"WFURL": "https://example.com", "WFHTTPHeaders": text}),
    )
    assert "headers=plain_dict(" in exact(root).replace("\n", "").replace(" ", "")
