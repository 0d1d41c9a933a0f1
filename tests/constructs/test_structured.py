"""Structured values (quantities, offsets, shortcut and app references): one call each, exact."""

import pytest

from shortcuts2py import api

from .harness import act, attachment, exact, root_of

HEAD = "from s2py_actions import *\n"


def _adjust(picker) -> dict:
    return root_of(act("adjustdate", {"WFAdjustOffsetPicker": picker}))


def _offset(operation: str, amount, unit: str) -> dict:
    return {"Value": {"Operation": operation, "Unit": unit, "Value": amount}, "WFSerializationType": "WFTimeOffsetValue"}


@pytest.mark.parametrize(
    "amount, code",
    [(1, 'time_offset("Add", 1, "Day")'), (-2, 'time_offset("Add", -2, "Day")'), (1.5, 'time_offset("Add", 1.5, "Day")')],
)
def test_an_offset_by_a_number(amount, code):
    plist = api.compile(exact(_adjust(_offset("Add", amount, "Day")), code))
    value = plist["WFWorkflowActions"][0]["WFWorkflowActionParameters"]["WFAdjustOffsetPicker"]["Value"]["Value"]
    assert value == amount and type(value) is type(amount)


def test_an_offset_by_a_variable_holds_it_bare():
    exact(_adjust(_offset("Subtract", {"Type": "Clipboard"}, "Hour")), 'time_offset("Subtract", Clipboard, "Hour")')


@pytest.mark.parametrize(
    "picker",
    [
        _offset("Add", "1", "Day"),  # the amount as text: the app keeps a number
        _offset("Add", True, "Day"),
        {"Value": {"Operation": "Add", "Unit": "Day"}, "WFSerializationType": "WFTimeOffsetValue"},
        {"Value": {"Operation": "Add", "Unit": "Day", "Value": 1, "Extra": 2}, "WFSerializationType": "WFTimeOffsetValue"},
    ],
)
def test_an_offset_of_another_shape_keeps_its_dict(picker):
    code = exact(_adjust(picker), "WFTimeOffsetValue")
    assert "time_offset" not in code


@pytest.mark.parametrize(
    "call, message",
    [
        ('time_offset("Add", "1", "Day")', "a str amount"),
        ('time_offset("Add", 1)', "other arguments"),
        ('time_offset("Add", 1, unit="Day")', "other arguments"),
    ],
)
def test_a_malformed_offset_is_refused(call, message):
    with pytest.raises(api.CompileError, match=message):
        api.compile(HEAD + f"adjustdate(WFAdjustOffsetPicker={call})\n")


def test_a_quantity_with_a_number_and_with_a_variable():
    timer = act("timer.start", {"WFDuration": {"Value": {"Magnitude": "5", "Unit": "min"}, "WFSerializationType": "WFQuantityFieldValue"}})
    exact(root_of(timer), 'quantity(5, "min")')
    bare = {"Value": {"Magnitude": {"Type": "Clipboard"}, "Unit": "min"}, "WFSerializationType": "WFQuantityFieldValue"}
    exact(root_of(act("timer.start", {"WFDuration": bare})), 'quantity(Clipboard, "min")')


def test_a_shortcut_reference_and_an_app():
    reference = {"workflowIdentifier": "9C48945F-0000-0000-0000-000000000000", "workflowName": "Backup", "isSelf": False}
    exact(root_of(act("runworkflow", {"WFWorkflow": reference, "WFInput": attachment({"Type": "Clipboard"})})), 'shortcut_named("Backup", "9C48945F-0000-0000-0000-000000000000")')
    music = {"BundleIdentifier": "com.apple.Music", "Name": "Music", "TeamIdentifier": "0000000000"}
    exact(root_of(act("openapp", {"WFAppIdentifier": "com.apple.Music", "WFSelectedApp": music})), 'app("com.apple.Music", "Music", "0000000000")')
