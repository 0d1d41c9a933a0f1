"""Round-trip, id-handling, formatting and compile-error tests for the whole pipeline."""

import ast
import copy
import datetime

import black
import pytest

from shortcuts2py import api
from .conftest import black_mode
from shortcuts2py.compare import first_difference
from shortcuts2py.errors import CompileError

P = "is.workflow.actions."
U1 = "11111111-AAAA-4BBB-8CCC-000000000001"
U2 = "22222222-AAAA-4BBB-8CCC-000000000002"
U3 = "33333333-AAAA-4BBB-8CCC-000000000003"
GHOST = "99999999-DEAD-4BEE-8FFF-00000000DEAD"


def act(ident, params=None, **extra):
    entry = {"WFWorkflowActionIdentifier": ident if ident.startswith(("is.", "com.")) else P + ident}
    entry["WFWorkflowActionParameters"] = {} if params is None else params
    entry.update(extra)
    return entry


def root_of(*actions, **top):
    r = {"WFWorkflowActions": list(actions), "WFWorkflowClientVersion": "1146"}
    r.update(top)
    return r


def out(uuid, name="Text", **more):
    v = {"Type": "ActionOutput", "OutputUUID": uuid, "OutputName": name}
    v.update(more)
    return v


def attachment(value):
    return {"Value": value, "WFSerializationType": "WFTextTokenAttachment"}


def tokens(string, ranges):
    return {"Value": {"string": string, "attachmentsByRange": ranges}, "WFSerializationType": "WFTextTokenString"}


def uuids_in(obj, acc=None):
    acc = set() if acc is None else acc
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k in ("UUID", "OutputUUID", "GroupingIdentifier") and isinstance(v, str):
                acc.add(v)
            uuids_in(v, acc)
    elif isinstance(obj, list):
        for v in obj:
            uuids_in(v, acc)
    return acc


def check(root):
    """The full battery: round trip, both id modes, valid black-formatted Python, no UUIDs leaked."""
    original = copy.deepcopy(root)
    rt = api.roundtrip(root)
    assert rt.ok, rt.difference
    assert rt.difference is None
    code = api.decompile(root)
    assert root == original, "decompile mutated its input"
    ast.parse(code)
    assert black.format_str(code, mode=black_mode()) == code
    back = api.compile(code)
    assert first_difference(original, back, rename_ids=True) is None
    for u in uuids_in(original):
        if len(u) >= 8:
            assert u not in code, f"UUID {u} leaked into default-mode code"
    kcode = api.decompile(root, keep_ids=True)
    ast.parse(kcode)
    assert black.format_str(kcode, mode=black_mode()) == kcode
    kback = api.compile(kcode)
    assert first_difference(original, kback, rename_ids=False) is None
    assert api.roundtrip(root, keep_ids=True).ok
    # plist serialisation of the compiled result survives too
    assert first_difference(original, api.load(api.dump(kback)), rename_ids=False) is None
    return code


# ---------------------------------------------------------------- plain actions / references

def test_plain_actions():
    code = check(root_of(
        act("gettext", {"WFTextActionText": "hi"}),
        act("comment", {"WFCommentActionText": "a note"}),
        act("gettext", {}),
        act("gettext"),
    ))
    assert "# a note" in code


def test_action_with_no_parameters_key():
    check(root_of({"WFWorkflowActionIdentifier": P + "gettext"}))


def test_reference_to_earlier_output():
    check(root_of(
        act("gettext", {"UUID": U1, "WFTextActionText": "hi"}),
        act("showresult", {"Text": attachment(out(U1))}),
    ))


def test_reference_with_other_output_name():
    check(root_of(
        act("gettext", {"UUID": U1, "WFTextActionText": "hi"}),
        act("showresult", {"Text": attachment(out(U1, "Text"))}),
        act("showresult", {"Text": attachment(out(U1, "Something Else"))}),
        act("showresult", {"Text": attachment(out(U1, "Text"))}),
    ))


def test_reference_without_output_name():
    check(root_of(
        act("gettext", {"UUID": U1, "WFTextActionText": "hi"}),
        act("showresult", {"Text": attachment({"Type": "ActionOutput", "OutputUUID": U1})}),
    ))


def test_dangling_reference():
    check(root_of(act("showresult", {"Text": attachment(out(GHOST))})))


def test_a_raw_entry_whose_uuid_is_read_is_named():
    """An entry kept as raw_action(...) is assigned to a name when something reads the UUID
    it writes; the reads use that name and so keep the entry's UUID."""
    code = check(root_of(
        act("gettext", {"UUID": "R1", "WFTextActionText": "hi"}, Extra=1),
        act("showresult", {"Text": attachment(out("R1"))}),
        act("showresult", {"Text": attachment(out("R1", "Other"))}),
    ))
    assert "text = raw_action(" in code and "showresult(result=text)" in code


def test_an_id_the_code_writes_as_it_is_is_kept_for_its_references():
    """Without --keep-ids, ids(...) keeps only the ids compiling must not make afresh: here
    one the code also writes literally (a dict that is no reference)."""
    code = check(root_of(
        act("gettext", {"UUID": "T1"}),
        act("showresult", {"Text": attachment(out("T1"))}),
        act("gettext", {"X": {"OutputUUID": "T1"}}),
    ))
    assert code.endswith('ids(outputs={"text": "T1"})\n')


def test_an_id_in_two_roles_is_kept_in_its_place_only():
    """The second block's group is also an action's UUID: fresh ids would tell them apart.
    Groups are listed by position, None for a block that takes a fresh id."""
    def block(group):
        return [act("conditional", {"GroupingIdentifier": group, "WFControlFlowMode": 0, "WFCondition": 100,
                                    "WFInput": {"Type": "Variable", "Variable": attachment({"Type": "ExtensionInput"})}}),
                act("conditional", {"GroupingIdentifier": group, "WFControlFlowMode": 2})]
    code = check(root_of(*block("G1"), *block("G2"), act("exit", {"UUID": "G2"})))
    assert code.endswith('ids(outputs={"exit_2": "G2"}, groups=[None, "G2"])\n')


def test_a_list_whose_id_is_kept_is_not_written_in_its_loop():
    """`for item in ["a", "b"]:` gives the List a fresh id; one whose id is kept keeps its name."""
    code = check(root_of(
        act("list", {"UUID": "L1", "WFItems": ["a", "b"]}),
        act("repeat.each", {"GroupingIdentifier": "G", "WFControlFlowMode": 0, "WFInput": attachment(out("L1", "List"))}),
        act("repeat.each", {"GroupingIdentifier": "G", "WFControlFlowMode": 2}),
        act("gettext", {"X": {"OutputUUID": "L1"}}),
    ))
    assert "for item in list_2:" in code


def test_a_raw_entry_without_a_uuid_has_no_name():
    with pytest.raises(CompileError, match="no WFWorkflowActionParameters with a UUID"):
        api.compile('x = raw_action({"WFWorkflowActionParameters": {}})\n')


def test_dangling_reference_in_token_string():
    check(root_of(act("showresult", {"Text": tokens("a\ufffcb", {"{1, 1}": out(GHOST)})})))


def test_duplicate_uuids():
    check(root_of(
        act("gettext", {"UUID": U1, "WFTextActionText": "one"}),
        act("showresult", {"Text": attachment(out(U1))}),
        act("gettext", {"UUID": U1, "WFTextActionText": "two"}),
        act("showresult", {"Text": attachment(out(U1))}),
    ))


def test_forward_reference():
    check(root_of(
        act("showresult", {"Text": attachment(out(U2))}),
        act("gettext", {"UUID": U2, "WFTextActionText": "later"}),
    ))


def test_uuid_on_unknown_action_and_reference():
    check(root_of(
        act("com.example.thing", {"UUID": U1, "X": 1}),
        act("showresult", {"Text": attachment(out(U1, "Thing"))}),
    ))


# ---------------------------------------------------------------- token strings

def test_emoji_before_variable_utf16_offset():
    root = root_of(act("showresult", {"Text": tokens("📅\ufffc", {"{2, 1}": {"Type": "Variable", "VariableName": "x"}})}))
    check(root)


def test_emoji_around_several_variables():
    root = root_of(
        act("gettext", {"UUID": U1, "WFTextActionText": "x"}),
        act("showresult", {"Text": tokens("👨‍👩‍👧\ufffc🇯🇵\ufffc𝄞", {
            "{8, 1}": out(U1),
            "{13, 1}": {"Type": "Variable", "VariableName": "v"},
        })}),
    )
    check(root)


def test_range_key_without_space_survives_exactly():
    root = root_of(act("showresult", {"Text": tokens("\ufffc", {"{0,1}": {"Type": "Variable", "VariableName": "x"}})}))
    check(root)
    back = api.compile(api.decompile(root))
    assert list(back["WFWorkflowActions"][0]["WFWorkflowActionParameters"]["Text"]["Value"]["attachmentsByRange"]) == ["{0,1}"]


def test_empty_attachments_by_range():
    check(root_of(act("showresult", {"Text": tokens("plain", {})})))


def test_token_string_with_literal_placeholder_no_attachment():
    check(root_of(act("showresult", {"Text": tokens("a\ufffcb", {})})))


def test_token_string_braces_and_quotes():
    check(root_of(act("showresult", {"Text": tokens('{x} "q" \'s\' \\ \ufffc}{', {"{17, 1}": {"Type": "Variable", "VariableName": "x"}})})))


def test_special_variables():
    for t in ("ExtensionInput", "Clipboard", "CurrentDate", "Ask", "DeviceDetails"):
        check(root_of(act("showresult", {"Text": attachment({"Type": t})}),
                      act("showresult", {"Text": tokens("a\ufffc", {"{1, 1}": {"Type": t}})})))


# ---------------------------------------------------------------- aggrandizements

def _agg_root(aggs):
    v = out(U1)
    if aggs is not None:
        v["Aggrandizements"] = aggs
    return root_of(
        act("gettext", {"UUID": U1, "WFTextActionText": "x"}),
        act("showresult", {"Text": attachment(v)}),
        act("showresult", {"Text": tokens("<\ufffc>", {"{1, 1}": v})}),
    )


def test_aggrandizements_empty_vs_absent():
    check(_agg_root([]))
    check(_agg_root(None))
    a = api.compile(api.decompile(_agg_root([])))
    b = api.compile(api.decompile(_agg_root(None)))
    assert first_difference(a, b, rename_ids=True) is not None


AGGS = {
    "property": {"Type": "WFPropertyVariableAggrandizement", "PropertyName": "Name"},
    "property_userinfo": {"Type": "WFPropertyVariableAggrandizement", "PropertyName": "File Size", "PropertyUserInfo": "WFFileSizeProperty"},
    "coercion": {"Type": "WFCoercionVariableAggrandizement", "CoercionItemClass": "WFDictionaryContentItem"},
    "dict_key": {"Type": "WFDictionaryValueVariableAggrandizement", "DictionaryKey": "some key"},
    "date_format": {"Type": "WFDateFormatVariableAggrandizement", "WFDateFormatStyle": "Custom", "WFDateFormat": "yyyy-MM-dd"},
    "date_format_styles": {"Type": "WFDateFormatVariableAggrandizement", "WFDateFormatStyle": "Medium", "WFTimeFormatStyle": "None", "WFISO8601IncludeTime": False},
    "unit": {"Type": "WFUnitVariableAggrandizement", "WFUnit": "km", "WFUnitType": "Length"},
    "unknown": {"Type": "WFMysteryAggrandizement", "Foo": [1, "two"], "Bar": {"x": 1.5}},
}


def test_aggrandizement_without_type_keeps_reference():
    check(_agg_root([{"PropertyName": "Name"}]))


@pytest.mark.parametrize("kind", sorted(AGGS))
def test_each_aggrandizement_kind(kind):
    check(_agg_root([AGGS[kind]]))


def test_chained_aggrandizements():
    check(_agg_root([AGGS["coercion"], AGGS["dict_key"], AGGS["property"], AGGS["unknown"]]))


def test_aggrandizement_on_named_variable():
    check(root_of(act("showresult", {"Text": attachment({"Type": "Variable", "VariableName": "v", "Aggrandizements": [AGGS["dict_key"]]})})))


# ---------------------------------------------------------------- control flow

def _if(g, mode, **p):
    return act("conditional", dict(GroupingIdentifier=g, WFControlFlowMode=mode, **p))


def _menu(g, mode, **p):
    return act("choosefrommenu", dict(GroupingIdentifier=g, WFControlFlowMode=mode, **p))


def _rep(g, mode, **p):
    return act("repeat.count", dict(GroupingIdentifier=g, WFControlFlowMode=mode, **p))


def _each(g, mode, **p):
    return act("repeat.each", dict(GroupingIdentifier=g, WFControlFlowMode=mode, **p))


def _inp(u=U1):
    return {"Type": "Variable", "Variable": attachment(out(u))}


def test_nested_blocks_deep():
    t = lambda s: act("gettext", {"WFTextActionText": s})  # noqa: E731
    code = check(root_of(
        act("gettext", {"UUID": U1, "WFTextActionText": "x"}),
        _if("G1", 0, WFInput=_inp(), WFCondition=4, WFConditionalActionString="x"),
        _menu("M1", 0, WFMenuPrompt="pick", WFMenuItems=["A", "B", "C"]),
        _menu("M1", 1, WFMenuItemTitle="A"),
        _rep("R1", 0, WFRepeatCount=3),
        _each("E1", 0, WFInput=attachment(out(U1))),
        _if("G2", 0, WFInput=_inp(), WFCondition=100),
        t("deep"),
        _if("G2", 1),
        _if("G2", 2),
        _each("E1", 2),
        _rep("R1", 2),
        _menu("M1", 1, WFMenuItemTitle="B"),
        _menu("M1", 1, WFMenuItemTitle="C"),
        t("c"),
        _menu("M1", 2),
        _if("G1", 1),
        _rep("R2", 0, WFRepeatCount=2),
        _rep("R2", 2),
        _if("G1", 2),
    ))
    assert "match menu(" in code
    assert "for _ in range(3):" in code  # the index is not read
    assert "for item_2 in text:" in code  # a loop inside a loop: Repeat Item 2


def test_block_outputs_referenced():
    check(root_of(
        _if("G1", 0, WFInput=_inp(GHOST), WFCondition=100),
        _if("G1", 1),
        _if("G1", 2, UUID=U2),
        _menu("M", 0, WFMenuItems=["A"]),
        _menu("M", 1, WFMenuItemTitle="A"),
        _menu("M", 2, UUID=U3),
        act("showresult", {"Text": tokens("\ufffc\ufffc", {"{0, 1}": out(U2, "If Result"), "{1, 1}": out(U3, "Menu Result")})}),
    ))


def test_unbalanced_start_without_end():
    check(root_of(
        act("gettext", {"WFTextActionText": "a"}),
        _if("G1", 0, WFInput=_inp(GHOST), WFCondition=100),
        act("gettext", {"WFTextActionText": "b"}),
    ))


def test_unbalanced_end_without_start():
    check(root_of(
        act("gettext", {"WFTextActionText": "a"}),
        _if("G1", 2),
        _rep("R", 2),
        _menu("M", 1, WFMenuItemTitle="A"),
        act("gettext", {"WFTextActionText": "b"}),
    ))


def test_interleaved_blocks():
    check(root_of(
        _if("G1", 0, WFInput=_inp(GHOST), WFCondition=100),
        _rep("R", 0, WFRepeatCount=2),
        _if("G1", 2),
        _rep("R", 2),
    ))


def test_if_else_twice_and_missing_grouping():
    check(root_of(
        _if("G1", 0, WFInput=_inp(GHOST), WFCondition=100),
        _if("G1", 1),
        _if("G1", 1),
        _if("G1", 2),
        act("conditional", {"WFControlFlowMode": 0}),
        act("conditional", {"WFControlFlowMode": 2}),
    ))


def test_empty_blocks():
    check(root_of(
        _if("G1", 0, WFInput=_inp(GHOST), WFCondition=100),
        _if("G1", 2),
        _rep("R", 0, WFRepeatCount=1),
        _rep("R", 2),
        _menu("M", 0, WFMenuItems=[]),
        _menu("M", 2),
    ))


CONDITIONS = [
    dict(WFCondition=100),
    dict(WFCondition=101),
    dict(WFCondition=4, WFConditionalActionString="abc"),
    dict(WFCondition=5, WFConditionalActionString="abc"),
    dict(WFCondition=99, WFConditionalActionString="abc"),
    dict(WFCondition=999, WFConditionalActionString="abc"),
    dict(WFCondition=8, WFConditionalActionString="abc"),
    dict(WFCondition=9, WFConditionalActionString="abc"),
    dict(WFCondition=0, WFNumberValue=3),
    dict(WFCondition=1, WFNumberValue=3.5),
    dict(WFCondition=2, WFNumberValue="7"),
    dict(WFCondition=3, WFNumberValue=-1),
    dict(WFCondition=1003, WFNumberValue=1, WFAnotherNumber=10),
    dict(WFCondition=4, WFConditionalActionString=tokens("a\ufffc", {"{1, 1}": {"Type": "Variable", "VariableName": "v"}})),
    dict(WFCondition=0, WFNumberValue=attachment(out(U1))),
    # stale operand keys left by the editor: must fall back to a general form
    dict(WFCondition=100, WFConditionalActionString="stale", WFNumberValue=4),
    dict(WFCondition=4, WFConditionalActionString="abc", WFNumberValue=2, WFAnotherNumber=3),
    dict(WFCondition=0, WFNumberValue=3, WFAnotherNumber=9),
    dict(WFCondition=12345, WFConditionalActionString="abc"),
    dict(WFCondition="4", WFConditionalActionString="abc"),
    dict(WFCondition=4),
    dict(),
]


@pytest.mark.parametrize("cond", CONDITIONS, ids=lambda c: "-".join(f"{k}={v}" for k, v in c.items() if not isinstance(v, dict))[:60] or "empty")
def test_if_conditions(cond):
    check(root_of(
        act("gettext", {"UUID": U1, "WFTextActionText": "x"}),
        _if("G1", 0, WFInput=_inp(), **cond),
        act("gettext", {"WFTextActionText": "yes"}),
        _if("G1", 1),
        act("gettext", {"WFTextActionText": "no"}),
        _if("G1", 2),
    ))


def test_if_without_input_and_with_plain_input():
    check(root_of(_if("G1", 0, WFCondition=100), _if("G1", 2)))
    check(root_of(_if("G1", 0, WFInput="literal", WFCondition=100), _if("G1", 2)))


def test_menu_items_strings_and_dicts():
    check(root_of(
        _menu("M", 0, WFMenuPrompt="Choose", WFMenuItems=["A", "B"]),
        _menu("M", 1, WFMenuItemTitle="A"),
        _menu("M", 1, WFMenuItemTitle="B"),
        _menu("M", 2),
    ))
    check(root_of(
        _menu("M", 0, WFMenuItems=[
            {"WFItemType": 0, "WFValue": tokens("A", {})},
            {"WFItemType": 0, "WFValue": tokens("x\ufffc", {"{1, 1}": {"Type": "Variable", "VariableName": "v"}})},
        ]),
        _menu("M", 1, WFMenuItemTitle="A"),
        _menu("M", 1, WFMenuItemTitle=tokens("x\ufffc", {"{1, 1}": {"Type": "Variable", "VariableName": "v"}})),
        _menu("M", 2),
    ))


def test_menu_case_titles_mismatching_items():
    check(root_of(
        _menu("M", 0, WFMenuItems=["A", "B"]),
        _menu("M", 1, WFMenuItemTitle="Z"),
        _menu("M", 1, WFMenuItemTitle="A"),
        _menu("M", 1, WFMenuItemTitle="A"),
        _menu("M", 2),
    ))


def test_repeat_each_with_index_and_item_references():
    check(root_of(
        act("gettext", {"UUID": U1, "WFTextActionText": "x"}),
        _each("E", 0, WFInput=attachment(out(U1))),
        act("showresult", {"Text": tokens("\ufffc \ufffc", {
            "{0, 1}": {"Type": "Variable", "VariableName": "Repeat Index"},
            "{2, 1}": {"Type": "Variable", "VariableName": "Repeat Item"},
        })}),
        _each("E", 2),
    ))


# ---------------------------------------------------------------- values and keys

def test_non_identifier_parameter_keys():
    check(root_of(act("showresult", {"Show-text": True, "class": 1, "with space": "x", "": 2, "1abc": 3, "Text": "t"})))


def test_bool_int_float_distinct():
    root = root_of(act("com.example.values", {"a": 1, "b": 1.0, "c": True, "d": 0, "e": 0.0, "f": False, "g": [1, 1.0, True]}))
    check(root)
    back = api.compile(api.decompile(root))
    p = back["WFWorkflowActions"][0]["WFWorkflowActionParameters"]
    assert [type(p[k]) for k in "abcdef"] == [int, float, bool, int, float, bool]
    assert [type(x) for x in p["g"]] == [int, float, bool]


def test_scalar_values():
    check(root_of(act("com.example.values", {
        "bytes": b"\x00\xff'\"\\abc",
        "empty_bytes": b"",
        "date": datetime.datetime(2021, 3, 4, 5, 6, 7, 890123),
        "date0": datetime.datetime(1999, 12, 31, 23, 59, 59),
        "neg": -5,
        "big": 2**40,
        "negbig": -43634177,
        "huge": 2**62,
        "f1": 0.1,
        "negzero": -0.0,
        "fbig": 1e300,
        "ftiny": 5e-324,
        "fneg": -1.5e-10,
        "empty_list": [],
        "empty_dict": {},
        "empty_str": "",
        "nested": {"a": [{"b": [1, {"c": b"x"}]}]},
    })))


def test_negative_zero_stays_negative():
    import math
    root = root_of(act("com.example.values", {"z": -0.0}))
    back = api.compile(api.decompile(root))
    assert math.copysign(1, back["WFWorkflowActions"][0]["WFWorkflowActionParameters"]["z"]) == -1


def test_unknown_action_identifier():
    code = check(root_of(act("com.example.unknown.thing", {"X": "y"}), act("is.workflow.actions.nonexistent")))
    assert "com.example.unknown.thing" in code


def test_unknown_top_level_key():
    check(root_of(act("gettext", {"WFTextActionText": "x"}), ZZUnknown={"a": [1, 2.0, True]}, WFWorkflowIcon={"WFWorkflowIconStartColor": 4282601983, "WFWorkflowIconGlyphNumber": 59511}))


def test_minimal_roots():
    check({"WFWorkflowActions": []})
    check(root_of())


def test_action_entry_extra_key():
    check(root_of(act("gettext", {"WFTextActionText": "x"}, Extra="beside"), act("gettext", None, ZZ=[1])))


def test_dictionary_parameter():
    check(root_of(act("dictionary", {"WFItems": {"Value": {"WFDictionaryFieldValueItems": [
        {"WFItemType": 0, "WFKey": tokens("k", {}), "WFValue": tokens("v\ufffc", {"{1, 1}": {"Type": "Variable", "VariableName": "x"}})},
        {"WFItemType": 3, "WFKey": tokens("n", {}), "WFValue": tokens("3", {})},
    ]}, "WFSerializationType": "WFDictionaryFieldValue"}})))


def test_set_and_get_variable():
    check(root_of(
        act("gettext", {"UUID": U1, "WFTextActionText": "x"}),
        act("setvariable", {"WFVariableName": "my var", "WFInput": attachment(out(U1))}),
        act("getvariable", {"WFVariable": attachment({"Type": "Variable", "VariableName": "my var"})}),
        act("appendvariable", {"WFVariableName": "Repeat Index", "WFInput": attachment({"Type": "Variable", "VariableName": "my var"})}),
    ))


def test_variable_names_colliding_with_python():
    names = ["print", "if", "None", "shortcut", "text", "Repeat_Index", "class", "1", "a b", "_"]
    check(root_of(*[act("showresult", {"Text": attachment({"Type": "Variable", "VariableName": n})}) for n in names]))


def test_output_names_colliding():
    check(root_of(
        act("gettext", {"UUID": U1, "WFTextActionText": "x"}),
        act("gettext", {"UUID": U2, "WFTextActionText": "y"}),
        act("showresult", {"Text": tokens("\ufffc\ufffc", {"{0, 1}": out(U1, "if"), "{1, 1}": out(U2, "if")})}),
        act("showresult", {"Text": attachment({"Type": "Variable", "VariableName": "text"})}),
    ))


def test_bytes_input_accepted():
    root = root_of(act("gettext", {"UUID": U1, "WFTextActionText": "hi"}))
    data = api.dump(root)
    assert first_difference(root, api.compile(api.decompile(data)), rename_ids=True) is None
    assert first_difference(root, api.load(api.dump(root, xml=True)), rename_ids=False) is None


def test_default_mode_code_has_no_uuids_but_keep_ids_does():
    root = root_of(
        act("gettext", {"UUID": U1, "WFTextActionText": "x"}),
        _if(U3, 0, WFInput=_inp(), WFCondition=100),
        _if(U3, 2),
    )
    code = api.decompile(root)
    assert U1 not in code and U3 not in code
    kcode = api.decompile(root, keep_ids=True)
    assert U1 in kcode and U3 in kcode


# ---------------------------------------------------------------- compile errors

def _err(code):
    with pytest.raises(CompileError) as info:
        api.compile(code, filename="x.py")
    e = info.value
    assert str(e).startswith(f"x.py:{e.line}:{e.column}: error: ")
    assert e.filename == "x.py"
    return e


def test_compile_error_syntax():
    e = _err('shortcut()\ncomment("a")\nx = (\n')
    assert e.line in (3, 4)  # unclosed paren: reported at the open or at EOF
    e = _err('shortcut()\nx = 1 +\n')
    assert (e.line, e.column) == (2, 8)  # right after the dangling "+", where Python stops


def test_compile_error_unknown_name():
    e = _err('shortcut()\nis_workflow_actions_gettext(WFTextActionText="a")\nis_workflow_actions_showresult(Text=nope)\n')
    assert (e.line, e.column) == (3, 37)
    assert "nope" in e.message


def test_compile_error_unknown_function():
    e = _err('shortcut()\n\n    \nfrobnicate_everything(x=1)\n'.replace("\n    \n", "\n\n"))
    assert (e.line, e.column) == (4, 1)
    assert "frobnicate_everything" in e.message


def test_compile_error_none_value():
    e = _err('shortcut()\naction("is.workflow.actions.gettext", WFTextActionText=None)\n')
    assert (e.line, e.column) == (2, 56)


def test_compile_error_column_after_emoji():
    # columns count characters, not bytes
    e = _err('shortcut()\naction("📅📅", X=None)\n')
    assert (e.line, e.column) == (2, 16)


def test_keep_ids_with_trailing_comment():
    root = root_of(act("gettext", {"UUID": U1, "WFTextActionText": "x"}), act("comment", {"WFCommentActionText": "last"}))
    assert api.roundtrip(root, keep_ids=True).ok


def test_fstring_with_escaped_brace_before_field_and_quotes():
    # Black's quote normalisation once turned this into invalid code.
    text = tokens('{\ufffc"""', {"{1, 1}": out(U1, Aggrandizements=[{"Type": "WFPropertyVariableAggrandizement", "PropertyName": "Name"}])})
    check(root_of(act("gettext", {"UUID": U1}), act("gettext", {"WFTextActionText": text})))


def test_strings_take_the_quote_needing_fewer_escapes():
    code = check(root_of(act("gettext", {"WFTextActionText": 'say "hi"'}), act("gettext", {"WFTextActionText": "it's"})))
    assert "'say \"hi\"'" in code and '"it\'s"' in code


def test_output_name_tie_does_not_depend_on_parameter_order():
    # Two references, two different names, one each: compiling reorders the
    # parameters (catalog order), and the chosen name must stay the same.
    chosen = out(U1, "Selected Item")
    other = out(U1, "\u9009\u53d6\u7684\u9879\u76ee")
    check(root_of(
        act("choosefromlist", {"UUID": U1}),
        act("setitemname", {"WFInput": attachment(chosen), "WFName": tokens("\ufffc.plist", {"{0, 1}": other})}),
    ))
