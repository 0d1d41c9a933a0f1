"""Tests for shortcuts2py.compare.first_difference, the round-trip judge."""

from __future__ import annotations

import copy
import datetime
import json
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from shortcuts2py.compare import ID_KEYS, first_difference

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def workflow() -> dict:
    """Four actions; the fourth references the third's output through OutputUUID."""
    return {
        "WFWorkflowClientVersion": "2607.1",
        "WFWorkflowActions": [
            {
                "WFWorkflowActionIdentifier": "is.workflow.actions.conditional",
                "WFWorkflowActionParameters": {"GroupingIdentifier": "G-1", "WFControlFlowMode": 0},
            },
            {
                "WFWorkflowActionIdentifier": "is.workflow.actions.conditional",
                "WFWorkflowActionParameters": {"GroupingIdentifier": "G-1", "WFControlFlowMode": 2},
            },
            {
                "WFWorkflowActionIdentifier": "is.workflow.actions.gettext",
                "WFWorkflowActionParameters": {"UUID": "U-1", "WFTextActionText": "hi"},
            },
            {
                "WFWorkflowActionIdentifier": "is.workflow.actions.showresult",
                "WFWorkflowActionParameters": {
                    "WFInput": {
                        "Value": {"OutputName": "A", "OutputUUID": "U-1", "Type": "ActionOutput"},
                        "WFSerializationType": "WFTextTokenAttachment",
                    }
                },
            },
        ],
    }


def renamed(root: dict, mapping: dict[str, str]) -> dict:
    """Copy of ``root`` with every id under ID_KEYS passed through ``mapping``."""
    if isinstance(root, dict):
        return {
            k: (mapping.get(v, v) if k in ID_KEYS and isinstance(v, str) else renamed(v, mapping))
            for k, v in root.items()
        }
    if isinstance(root, list):
        return [renamed(v, mapping) for v in root]
    return root


PARAMS3 = "WFWorkflowActions[3].WFWorkflowActionParameters"


# --------------------------------------------------------------------------- basics


def test_equal_is_none():
    assert first_difference(workflow(), workflow(), rename_ids=False) is None
    assert first_difference(workflow(), workflow(), rename_ids=True) is None


def test_value_difference_names_full_path():
    b = workflow()
    b["WFWorkflowActions"][3]["WFWorkflowActionParameters"]["WFInput"]["Value"]["OutputName"] = "B"
    assert (
        first_difference(workflow(), b, rename_ids=False)
        == f"{PARAMS3}.WFInput.Value.OutputName: 'A' != 'B'"
    )


def test_missing_and_unexpected_keys():
    b = workflow()
    del b["WFWorkflowActions"][2]["WFWorkflowActionParameters"]["WFTextActionText"]
    assert (
        first_difference(workflow(), b, rename_ids=False)
        == "WFWorkflowActions[2].WFWorkflowActionParameters.WFTextActionText: key missing in result"
    )
    c = workflow()
    c["WFWorkflowActions"][0]["Extra"] = 1
    assert (
        first_difference(workflow(), c, rename_ids=False)
        == "WFWorkflowActions[0].Extra: unexpected key"
    )


def test_list_length():
    b = workflow()
    b["WFWorkflowActions"].pop()
    assert (
        first_difference(workflow(), b, rename_ids=False) == "WFWorkflowActions: list length 4 != 3"
    )


def test_first_difference_is_reported_in_walk_order():
    b = workflow()
    b["WFWorkflowActions"][1]["WFWorkflowActionParameters"]["WFControlFlowMode"] = 1
    b["WFWorkflowActions"][3]["WFWorkflowActionIdentifier"] = "other"
    assert (
        first_difference(workflow(), b, rename_ids=False)
        == "WFWorkflowActions[1].WFWorkflowActionParameters.WFControlFlowMode: 2 != 1"
    )


def test_root_level_difference():
    assert first_difference({}, [], rename_ids=False) == "<root>: type dict != list"
    assert first_difference([1], [1, 2], rename_ids=False) == "<root>: list length 1 != 2"


def test_odd_keys_are_quoted_in_path():
    a = {"attachmentsByRange": {"{0, 1}": {"OutputName": "x"}}}
    b = {"attachmentsByRange": {"{0, 1}": {"OutputName": "y"}}}
    assert (
        first_difference(a, b, rename_ids=False)
        == "attachmentsByRange['{0, 1}'].OutputName: 'x' != 'y'"
    )


def test_long_values_are_shortened_to_one_line():
    message = first_difference({"k": "a" * 500 + "\n"}, {"k": "b" * 500}, rename_ids=False)
    assert "\n" not in message and len(message) < 200


# --------------------------------------------------------------------------- type strictness


@pytest.mark.parametrize(
    "a, b, kinds",
    [
        (True, 1, "bool != int"),
        (0, False, "int != bool"),
        (1, 1.0, "int != float"),
        ("1", 1, "str != int"),
        (b"x", "x", "bytes != str"),
        ([], {}, "list != dict"),
        (datetime.datetime(2020, 1, 1), "2020-01-01", "datetime != str"),
        (None, 0, "NoneType != int"),
    ],
)
def test_types_are_strict(a, b, kinds):
    assert first_difference({"k": a}, {"k": b}, rename_ids=False) == f"k: type {kinds}"


def test_floats_compare_bitwise_except_nan():
    nan = float("nan")
    assert first_difference({"k": nan}, {"k": float("nan")}, rename_ids=False) is None
    assert first_difference({"k": 0.0}, {"k": -0.0}, rename_ids=False) == "k: 0.0 != -0.0"
    assert first_difference({"k": 0.1 + 0.2}, {"k": 0.3}, rename_ids=False) is not None
    assert first_difference({"k": 15.0}, {"k": 15.0}, rename_ids=False) is None


def test_dates_and_bytes():
    d = datetime.datetime(2023, 11, 21, 12, 0, 36, 569117)
    assert first_difference({"k": d}, {"k": d.replace(microsecond=0)}, rename_ids=False) is not None
    assert first_difference({"k": b"\x00"}, {"k": b"\x00"}, rename_ids=False) is None
    assert (
        first_difference({"k": b"\x00"}, {"k": b"\x01"}, rename_ids=False)
        == "k: b'\\x00' != b'\\x01'"
    )


# --------------------------------------------------------------------------- key order


def test_key_order_is_not_significant():
    a = {"x": 1, "y": {"p": [1, {"m": 1, "n": 2}], "q": 2}}
    b = {"y": {"q": 2, "p": [1, {"n": 2, "m": 1}]}, "x": 1}
    assert first_difference(a, b, rename_ids=False) is None


def test_keys_are_walked_in_the_originals_order():
    a = {"first": 1, "second": 2}
    b = {"second": 3, "first": 4}
    assert first_difference(a, b, rename_ids=False) == "first: 1 != 4"


def test_list_order_is_significant():
    assert first_difference({"k": [1, 2]}, {"k": [2, 1]}, rename_ids=False) == "k[0]: 1 != 2"


# --------------------------------------------------------------------------- id renaming


def test_consistent_renaming_is_accepted_only_with_rename_ids():
    b = renamed(workflow(), {"G-1": "G-9", "U-1": "U-9"})
    assert first_difference(workflow(), b, rename_ids=True) is None
    assert (
        first_difference(workflow(), b, rename_ids=False)
        == "WFWorkflowActions[0].WFWorkflowActionParameters.GroupingIdentifier: 'G-1' != 'G-9'"
    )


def test_renaming_breaks_forward():
    # U-1 becomes U-9 at its definition but U-8 where it is used.
    b = renamed(workflow(), {"G-1": "G-9", "U-1": "U-9"})
    value = b["WFWorkflowActions"][3]["WFWorkflowActionParameters"]["WFInput"]["Value"]
    value["OutputUUID"] = "U-8"
    expected = "WFInput.Value.OutputUUID: id 'U-1' was renamed to 'U-9' earlier but here is 'U-8'"
    assert first_difference(workflow(), b, rename_ids=True) == f"{PARAMS3}.{expected}"


def test_renaming_breaks_backward():
    # Two distinct original ids collapse onto one result id.
    a = {"a": {"UUID": "X"}, "b": {"UUID": "Y"}}
    b = {"a": {"UUID": "Z"}, "b": {"UUID": "Z"}}
    message = first_difference(a, b, rename_ids=True)
    assert message == "b.UUID: id 'Z' in the result already stands for 'X' but here for 'Y'"
    assert first_difference(a, b, rename_ids=False) == "a.UUID: 'X' != 'Z'"


def test_one_bijection_is_shared_by_all_id_keys():
    a = {"a": {"UUID": "X"}, "b": {"OutputUUID": "X"}, "c": {"GroupingIdentifier": "X"}}
    good = {"a": {"UUID": "Q"}, "b": {"OutputUUID": "Q"}, "c": {"GroupingIdentifier": "Q"}}
    bad = {"a": {"UUID": "Q"}, "b": {"OutputUUID": "Q"}, "c": {"GroupingIdentifier": "R"}}
    assert first_difference(a, good, rename_ids=True) is None
    assert (
        first_difference(a, bad, rename_ids=True)
        == "c.GroupingIdentifier: id 'X' was renamed to 'Q' earlier but here is 'R'"
    )


def test_unchanged_id_still_takes_part_in_the_bijection():
    a = {"a": {"UUID": "X"}, "b": {"UUID": "Y"}}
    b = {"a": {"UUID": "X"}, "b": {"UUID": "X"}}  # Y renamed onto X, which X kept
    assert (
        first_difference(a, b, rename_ids=True)
        == "b.UUID: id 'X' in the result already stands for 'X' but here for 'Y'"
    )


def test_swapped_ids_are_a_valid_renaming():
    a = {"a": {"UUID": "X"}, "b": {"UUID": "Y"}, "c": [{"OutputUUID": "X"}, {"OutputUUID": "Y"}]}
    b = {"a": {"UUID": "Y"}, "b": {"UUID": "X"}, "c": [{"OutputUUID": "Y"}, {"OutputUUID": "X"}]}
    assert first_difference(a, b, rename_ids=True) is None


def test_only_id_keys_are_renamable():
    a = {"UUID": "X", "OutputName": "X"}
    b = {"UUID": "Y", "OutputName": "Y"}
    assert first_difference(a, b, rename_ids=True) == "OutputName: 'X' != 'Y'"


def test_id_keys_with_non_string_values_compare_normally():
    assert first_difference({"UUID": 1}, {"UUID": 2}, rename_ids=True) == "UUID: 1 != 2"
    assert first_difference({"UUID": "1"}, {"UUID": 1}, rename_ids=True) == "UUID: type str != int"


# --------------------------------------------------------------------------- properties

plist_values = st.recursive(
    st.booleans()
    | st.integers(-5, 5)
    | st.floats(allow_nan=True)
    | st.text(max_size=3)
    | st.binary(max_size=3),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from("abUc"), inner, max_size=3),
    max_leaves=15,
)


@settings(max_examples=150, deadline=None)
@given(value=plist_values, rename=st.booleans())
def test_a_value_equals_its_copy(value, rename):
    assert first_difference(value, copy.deepcopy(value), rename_ids=rename) is None


@settings(max_examples=150, deadline=None)
@given(a=plist_values, b=plist_values)
def test_difference_is_symmetric_in_existence(a, b):
    assert (first_difference(a, b, rename_ids=False) is None) == (
        first_difference(b, a, rename_ids=False) is None
    )


# --------------------------------------------------------------------------- real corpus


def test_same_actions_in_different_plist_containers_compare_equal():
    """Corpus rows sharing a content_key hold the same actions in different wrappers.

    Only plist containers are compared: plutil's JSON dump writes whole-number reals
    as integers (15.0 becomes 15), so JSON copies differ in type, as they should. The
    top level is left out because copies differ there (e.g. WFWorkflowClientRelease).
    """
    if not (CORPUS / "manifest.jsonl").is_file():
        pytest.skip("shared corpus not available")
    from shortcuts2py.container import read_file

    groups: dict[str, list[dict]] = {}
    for line in (CORPUS / "manifest.jsonl").read_text().splitlines():
        row = json.loads(line)
        if row.get("content_key") and row["format"] != "json":
            groups.setdefault(row["content_key"], []).append(row)
    pairs = [
        (rows[0], row)
        for rows in groups.values()
        for row in rows[1:]
        if row["format"] != rows[0]["format"]
    ]
    if not pairs:
        pytest.skip("no shortcut appears in two plist containers")
    for first, other in pairs[:120]:
        a, b = read_file(CORPUS / first["file"]), read_file(CORPUS / other["file"])
        found = first_difference(a["WFWorkflowActions"], b["WFWorkflowActions"], rename_ids=False)
        assert found is None, (first["file"], other["file"], found)
