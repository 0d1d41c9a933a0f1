"""Ids on block pieces: every piece of a kind (block_ids) or the start of some blocks (start_ids)."""

import pytest

from .harness import act, exact, root_of

U = "11111111-AAAA-4BBB-8CCC-000000000001"


def _if(group, mode, uuid=None, **params):
    params = dict(GroupingIdentifier=group, WFControlFlowMode=mode, **params)
    if uuid:
        params["UUID"] = uuid
    return act("conditional", params)


def _text(value):
    return act("gettext", {"WFTextActionText": value})


def test_the_start_of_some_ifs_carries_an_id():
    root = root_of(
        _if("G1", 0, WFCondition=100),
        _text("a"),
        _if("G1", 2),
        _if("G2", 0, "22222222-AAAA-4BBB-8CCC-000000000002", WFCondition=100),
        _text("b"),
        _if("G2", 2),
    )
    code = exact(root)
    assert 'start_ids={"if": [2]}' in code
    assert "group(" not in code and code.count("\nif ") == 2


def test_an_id_on_a_middle_piece_keeps_the_block_flat():
    root = root_of(
        _if("G1", 0, WFCondition=100),
        _text("a"),
        _if("G1", 1, "33333333-AAAA-4BBB-8CCC-000000000003"),
        _text("b"),
        _if("G1", 2),
        _if("G2", 0, WFCondition=100),
        _if("G2", 2),
    )
    code = exact(root)
    assert 'group("g1")' in code


def test_blocks_sharing_one_group_id_stay_blocks():
    # An If pasted twice keeps its group id: both are whole blocks, the id kept once per place.
    pasted = [_if("G1", 0, WFCondition=100), _text("a"), _if("G1", 2)]
    root = root_of(_if("G0", 0, WFCondition=100), _text("x"), _if("G0", 2), *pasted, _text("b"), *pasted)
    code = exact(root)
    assert "group(" not in code and code.count("\nif ") == 3
    assert "shared_groups=[[2, 3]]" in code and "ids(" not in code


def test_a_flat_action_sharing_a_block_group_keeps_the_block_flat():
    root = root_of(_if("G1", 0, WFCondition=100), _text("a"), _if("G1", 2), _if("G1", 2))
    code = exact(root)
    assert code.count('group("g1")') == 3


def test_shared_groups_count_blocks_in_the_order_the_code_opens_them():
    pasted = [_if("G1", 0, WFCondition=100), _text("a"), _if("G1", 2)]
    others = [x for n in range(4) for x in (_if(f"H{n}", 0, WFCondition=100), _text("x"), _if(f"H{n}", 2))]
    code = exact(root_of(*others, *pasted, *pasted))
    assert "shared_groups=[[5, 6]]" in code and "ids(" not in code


# --- end_ids: an End If's id that nothing reads --------------------------------------

E1, E2 = "44444444-AAAA-4BBB-8CCC-000000000004", "55555555-AAAA-4BBB-8CCC-000000000005"


@pytest.mark.parametrize(
    "first_end, spelling",
    [
        (E1, 'spelling(end_ids={"if": "all"})'),  # every End If has an id
        (None, 'spelling(end_ids={"if": [2]})'),  # only the 2nd has one
    ],
)
def test_an_end_id_nothing_reads_is_no_statement(first_end, spelling):
    """The app gives End If an id whether or not anything reads its result; the code
    says so once, after the body, instead of an unread `if_result_2 = if_result()`."""
    root = root_of(
        _if("G1", 0, WFCondition=100),
        _text("a"),
        _if("G1", 2, first_end),
        _text("z"),
        _if("G2", 0, WFCondition=100),
        _text("b"),
        _if("G2", 2, E2),
    )
    code = exact(root, spelling)
    assert "if_result(" not in code


def test_a_read_end_keeps_its_statement():
    root = root_of(
        _if("G1", 0, WFCondition=100),
        _text("a"),
        _if("G1", 2, E1),
        act("setclipboard", {"WFInput": {"Value": {"Type": "ActionOutput", "OutputUUID": E1, "OutputName": "If Result"},
                                         "WFSerializationType": "WFTextTokenAttachment"}}),
    )
    code = exact(root)
    assert "= if_result()" in code and "end_ids" not in code


def test_with_kept_ids_the_end_keeps_its_statement():
    from shortcuts2py import api

    root = root_of(_if("G1", 0, WFCondition=100), _text("a"), _if("G1", 2, E1))
    code = api.decompile(root, keep_ids=True)
    assert "if_result()" in code and "end_ids" not in code
    assert api.roundtrip(root, keep_ids=True).ok


def test_an_end_passing_its_output_on_needs_no_name():
    root = root_of(
        _if("G1", 0, WFCondition=100),
        _text("a"),
        _if("G1", 2, E1),
        act("setclipboard", {}),  # takes the If's result without naming it
    )
    code = exact(root, "_ = if_result()", 'spelling(end_ids={"if": "all"})')
    assert "if_result_" not in code


def _end_id_in_another_role(other):
    return root_of(
        other,
        _if("G1", 0, WFCondition=100),
        _text("a"),
        _if("G1", 2, E1),
        _text("z"),
    )


def test_an_end_id_in_another_role_keeps_its_statement():
    """Found by the fuzz campaign (inputs 5050, 8751, 10395 of campaign-2026-11-23k): an
    unsaid end id compiles to a fresh one, which would split an id the file uses twice."""
    for other in (
        act("gettext", {"WFTextActionText": "x", "UUID": E1}),  # another action's output
        act("gettext", {"WFTextActionText": "x", "GroupingIdentifier": E1}),  # a group id outside a block
        _if(E1, 0, WFCondition=100),  # a group's id
    ):
        root = _end_id_in_another_role(other)
        if other["WFWorkflowActionParameters"].get("WFControlFlowMode") == 0:
            root["WFWorkflowActions"][1:1] = [_text("b"), _if(E1, 2)]
        from shortcuts2py import api

        code = api.decompile(root)
        assert "end_ids" not in code
        assert api.roundtrip(root).ok, api.roundtrip(root).difference
