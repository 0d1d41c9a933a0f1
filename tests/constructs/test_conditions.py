"""If conditions as Python tests, each form both ways."""

import pytest

from shortcuts2py import api
from shortcuts2py.errors import CompileError

from .harness import compiles_to

HEAD = "from s2py_actions import *\n\n"
SETUP = 'x = "a"\nn = 5\n'


def _reads_back(code: str) -> dict:
    plist = api.compile(code)
    assert api.decompile(plist) == code
    return plist


def _start(plist: dict) -> dict:
    ifs = [a for a in plist["WFWorkflowActions"] if a["WFWorkflowActionIdentifier"].endswith(".conditional")]
    return ifs[0]["WFWorkflowActionParameters"]


@pytest.mark.parametrize(
    "test, condition",
    [
        ('x == "b"', 4),
        ('x != "b"', 5),
        ('"b" in x', 99),
        ('"b" not in x', 999),
        ('x.startswith("b")', 8),
        ('x.endswith("b")', 9),
        ("n < 3", 0),
        ("n >= 3", 3),
        ("1 <= n <= 5", 1003),
        ("x", 100),
        ("not x", 101),
    ],
)
def test_single_tests(test, condition):
    plist = _reads_back(HEAD + SETUP + f"if {test}:\n    vibrate()\n")
    assert _start(plist)["WFCondition"] == condition


@pytest.mark.parametrize("by_hand, written", [("x is None", "not x"), ("x is not None", "x")])
def test_is_none_by_hand_is_the_value_test(by_hand, written):
    plist = api.compile(HEAD + SETUP + f"if {by_hand}:\n    vibrate()\n")
    assert plist == api.compile(HEAD + SETUP + f"if {written}:\n    vibrate()\n")


def test_is_with_anything_but_none_is_refused():
    with pytest.raises(api.CompileError, match="only in `x is None`"):
        api.compile(HEAD + SETUP + "if x is n:\n    vibrate()\n")


def test_numbers_and_text_differ():
    number = _start(api.compile(HEAD + SETUP + "if n == 200:\n    vibrate()\n"))
    text = _start(api.compile(HEAD + SETUP + 'if n == "200":\n    vibrate()\n'))
    assert number["WFNumberValue"] == "200" and "WFConditionalActionString" not in number
    assert text["WFConditionalActionString"] == "200"


def test_and_or_write_the_table_as_the_app_does():
    plist = _reads_back(HEAD + SETUP + 'if x == "a" or n > 3:\n    vibrate()\n')
    table = _start(plist)["WFConditions"]["Value"]
    assert table["WFActionParameterFilterPrefix"] == 0 and table["WFContentPredicateBoundedDate"] is False
    assert len(table["WFActionParameterFilterTemplates"]) == 2


def test_mixed_and_or_is_refused_with_what_to_write():
    with pytest.raises(api.CompileError, match="nest two ifs"):
        api.compile(HEAD + SETUP + 'if x == "a" and n > 3 or n < 1:\n    vibrate()\n')


def test_migrated_ifs_are_marked_once_in_the_header():
    plist = api.compile(HEAD + SETUP + 'if x == "a":\n    vibrate()\nif n > 3:\n    vibrate()\n')
    for action in plist["WFWorkflowActions"]:
        params = action["WFWorkflowActionParameters"]
        if action["WFWorkflowActionIdentifier"].endswith(".conditional") and params.get("WFControlFlowMode") == 0:
            params["WFConditionalLegacyComparisonBehavior"] = True
    code = api.decompile(plist)
    assert "legacy_comparisons=True" in code and "with_keys" not in code
    assert api.roundtrip(plist).ok


@pytest.mark.parametrize("other", [1, 1.0])
def test_a_migration_flag_of_another_type_is_no_migration_flag(other):
    """1 equals True in Python, not in a plist: an If whose flag is the integer 1 keeps
    it as written (a fuzzing finding: the header said legacy_comparisons and the 1
    came back True)."""
    plist = api.compile(HEAD + SETUP + 'if x == "a":\n    vibrate()\nif n > 3:\n    vibrate()\n')
    starts = [a["WFWorkflowActionParameters"] for a in plist["WFWorkflowActions"]
              if a["WFWorkflowActionIdentifier"].endswith(".conditional") and a["WFWorkflowActionParameters"].get("WFControlFlowMode") == 0]
    starts[0]["WFConditionalLegacyComparisonBehavior"] = True
    starts[1]["WFConditionalLegacyComparisonBehavior"] = other
    assert "legacy_comparisons=True" not in api.decompile(plist)
    assert api.roundtrip(plist).ok and api.roundtrip(plist, keep_ids=True).ok


def test_a_number_kept_as_text_may_be_any_size_but_not_infinite():
    big = 10**30  # past what a plist integer holds: the If keeps its text
    assert _start(_reads_back(HEAD + SETUP + f"if n == {big}:\n    vibrate()\n"))["WFNumberValue"] == str(big)
    with pytest.raises(api.CompileError, match="not finite"):
        api.compile(HEAD + SETUP + "if n == 1e400:\n    vibrate()\n")


@pytest.mark.parametrize("number", ['real("inf")', 'real("-inf")', 'real("nan")'])
def test_an_era_test_keeps_a_real_without_a_literal(number):
    code = HEAD + f"_ = shortcut()\nif _ > {number}:\n    vibrate()\n"
    assert api.decompile(api.compile(code)) == code


def test_an_era_test_compares_with_a_variable_number():
    """An old If testing the previous output against a variable: `_ < limit`."""
    code = HEAD + 'limit = ask(prompt="Limit?")\n_ = getclipboard()\nif _ < limit:\n    vibrate()\n'
    params = _start(_reads_back(code))
    assert params["WFCondition"] == "Is Less Than" and "WFInput" not in params
    assert params["WFNumberValue"]["WFSerializationType"] == "WFTextTokenAttachment"
    with pytest.raises(api.CompileError, match="expected a number or a variable"):
        api.compile(HEAD + '_ = shortcut()\nif _ > "3":\n    vibrate()\n')


def _bare_text(string: str) -> dict:
    """A text without variables and without attachmentsByRange."""
    return {"Value": {"string": string}, "WFSerializationType": "WFTextTokenString"}


def test_a_text_operand_only_its_plist_shape_can_say_takes_the_general_form():
    """Found by the fuzz campaign: `{...} in x` was written, which no test reads back."""
    from .harness import act, exact, root_of, tokens

    u = "11111111-AAAA-4BBB-8CCC-000000000009"
    subject = {"Type": "Variable", "Variable": {"Value": {"Type": "ActionOutput", "OutputUUID": u, "OutputName": "Text"},
                                                "WFSerializationType": "WFTextTokenAttachment"}}
    root = root_of(
        act("gettext", {"WFTextActionText": _bare_text("a"), "UUID": u}),
        act("gettext", {"WFTextActionText": _bare_text("b")}),
        act("conditional", {"WFControlFlowMode": 0, "GroupingIdentifier": "G", "WFCondition": 99,
                            "WFInput": subject, "WFConditionalActionString": tokens("Claude", {})}),
        act("conditional", {"WFControlFlowMode": 2, "GroupingIdentifier": "G"}),
    )
    code = exact(root)
    assert "if condition(" in code


def test_the_file_s_text_style_is_what_most_texts_do_whatever_the_key_order():
    """Found by the fuzz campaign: the first text met decided, and compiling reorders keys."""
    from .harness import act, exact, root_of, tokens

    first = act("downloadurl", {"WFHTTPHeaders": tokens("x", {}), "WFURL": _bare_text("y"), "WFJSONValues": _bare_text("z")})
    code = exact(root_of(first))
    assert "empty_ranges=True" not in code


# --- dates ---------------------------------------------------------------------------

DATES = 'd = ask(prompt="When?", input_type="Date")\ne = ask(prompt="Until?", input_type="Date")\n'


@pytest.mark.parametrize(
    "test, condition, operands",
    [
        ("d < date(e)", 0, {"WFDate"}),
        ("d > date(e)", 2, {"WFDate"}),
        ("d == date(e)", 4, {"WFDate"}),
        ('d > date("2024-05-01T09:00:00")', 2, {"WFDate"}),
        ("date(e) <= CurrentDate <= date(d)", 1003, {"WFDate", "WFAnotherDate"}),
        ("d.is_today()", 1002, set()),
        ('d.in_next(quantity(7, "days"))', 1000, {"WFDuration"}),
        ('d.in_last(quantity(2, "hr"))', 1001, {"WFDuration"}),
    ],
)
def test_date_tests(test, condition, operands):
    params = _start(_reads_back(HEAD + DATES + f"if {test}:\n    vibrate()\n"))
    assert params["WFCondition"] == condition
    assert set(params) - {"WFCondition", "WFInput", "WFControlFlowMode", "GroupingIdentifier"} == operands


def test_a_date_operand_is_a_date_not_a_number():
    params = _start(api.compile(HEAD + DATES + "if d < date(e):\n    vibrate()\n"))
    assert params["WFDate"]["WFSerializationType"] == "WFTextTokenAttachment" and "WFNumberValue" not in params


def test_an_era_if_without_an_operator_tests_contains():
    """The app reads an old If that names no operator as contains: so does the code."""
    code = HEAD + '_ = shortcut()\nif "online" in _:\n    vibrate()\n'
    params = _start(_reads_back(code))
    assert "WFCondition" not in params and params["WFConditionalActionString"] == "online"
    params["WFCondition"] = "Contains"
    written = api.compile(HEAD + '_ = shortcut()\nif with_keys("online" in _, WFCondition="Contains"):\n    vibrate()\n')
    assert _start(written)["WFCondition"] == "Contains"


@pytest.mark.parametrize(
    "line, message",
    [
        ("showresult(result=date(d))\n", r"date\(x\) of a variable only compares x as a date in an if"),
        ("if d.in_next(7):\n    vibrate()\n", r"expected x.in_next\(quantity\(7, \"days\"\)\)"),
        ("if date(e) < d:\n    vibrate()\n", r"write the variable first: x > date\(y\)"),
        ("if d.is_today(1):\n    vibrate()\n", r"expected x.is_today\(\)"),
    ],
)
def test_date_forms_out_of_place_are_refused_with_what_to_write(line, message):
    with pytest.raises(api.CompileError, match=message):
        api.compile(HEAD + DATES + line)


def test_a_test_method_used_as_a_value_is_refused_saying_where_it_belongs():
    with pytest.raises(api.CompileError, match="it is a test") as raised:
        api.compile(HEAD + SETUP + 'ok = x.startswith("a")\n')
    assert raised.value.line == 5


@pytest.mark.parametrize(
    "written, plain",
    [
        ("0 < n < 10", "n > 0 and n < 10"),
        ("0 <= n < 10 and n != 4", "n >= 0 and n < 10 and n != 4"),
        ("3 == n or 7 < n", "n == 3 or n > 7"),
        ("-1 >= n", "n <= -1"),
        ("10 > n", "n < 10"),
    ],
)
def test_chains_and_a_literal_on_the_left_are_the_plain_tests(written, plain):
    body = "n = ask(prompt=\"?\", input_type=\"Number\")\nif {}:\n    vibrate()\n"
    compiles_to(HEAD + body.format(written), api.compile(HEAD + body.format(plain)))


def test_a_chain_through_an_action_is_refused():
    with pytest.raises(CompileError, match="run it twice"):
        api.compile(HEAD + 'if 0 < ask(prompt="?") < 10:\n    vibrate()\n')
