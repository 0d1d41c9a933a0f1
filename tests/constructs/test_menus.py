"""match menu(...): cases, titles with variables, settings; each form both ways."""

import pytest

from shortcuts2py import api

HEAD = "from s2py_actions import *\n\n"


def _reads_back(code: str) -> dict:
    plist = api.compile(code)
    assert api.decompile(plist) == code
    return plist


def test_plain_cases_list_their_titles():
    plist = _reads_back(HEAD + 'match menu(WFMenuPrompt="Pick"):\n    case "A":\n        vibrate()\n    case "B":\n        pass\n')
    assert plist["WFWorkflowActions"][0]["WFWorkflowActionParameters"]["WFMenuItems"] == ["A", "B"]


def test_a_title_with_variables():
    code = HEAD + 'name = "Ann"\nmatch menu():\n    case "Hi Ann" if menu_case(f"Hi {name}"):\n        vibrate()\n    case "Bye":\n        pass\n'
    plist = _reads_back(code)
    menu = [a["WFWorkflowActionParameters"] for a in plist["WFWorkflowActions"] if a["WFWorkflowActionIdentifier"].endswith("choosefrommenu")]
    item = menu[0]["WFMenuItems"][0]
    assert item["WFItemType"] == 0 and item["WFValue"]["Value"]["string"] == "Hi \ufffc"
    shown = menu[1]["WFMenuItemAttributedTitle"]
    assert shown["string"] == "Hi \ufffc" and list(shown["attachmentsByRange"]) == ["{3, 1}"]
    assert "WFSerializationType" not in shown and menu[1]["WFMenuItemTitle"] == "Hi Ann"


def test_a_title_with_variables_keeps_its_other_settings_beside_it():
    """An older app wrote WFMenuLegacyCancelBehavior on such cases: the shown text
    stays the short form, the setting a keyword beside it, and the case is listed."""
    code = (
        HEAD
        + 'name = "Ann"\nmatch menu():\n'
        + '    case "Hi Ann" if menu_case(f"Hi {name}", WFMenuLegacyCancelBehavior=True):\n'
        + "        vibrate()\n"
    )
    plist = _reads_back(code)
    menu = [a["WFWorkflowActionParameters"] for a in plist["WFWorkflowActions"] if a["WFWorkflowActionIdentifier"].endswith("choosefrommenu")]
    assert menu[1]["WFMenuLegacyCancelBehavior"] is True and menu[1]["WFMenuItemTitle"] == "Hi Ann"
    assert menu[1]["WFMenuItemAttributedTitle"]["string"] == "Hi \ufffc"
    assert menu[0]["WFMenuItems"][0]["WFValue"]["Value"]["string"] == "Hi \ufffc"


def test_the_title_keys_beside_the_shown_text_are_refused():
    code = HEAD + 'match menu():\n    case "A" if menu_case("A", WFMenuItemTitle="B"):\n        pass\n'
    with pytest.raises(api.CompileError, match="WFMenuItemTitle= beside the shown text"):
        api.compile(code)


def test_other_case_settings_keep_the_general_form():
    code = HEAD + 'match menu(WFMenuItems=["A"]):\n    case "A" if menu_case(Extra=1):\n        pass\n'
    _reads_back(code)


def test_a_menu_without_items_says_so():
    code = HEAD + 'match menu(WFMenuPrompt="Pick", WFMenuItems=None):\n    case "A":\n        pass\n'
    plist = _reads_back(code)
    assert "WFMenuItems" not in plist["WFWorkflowActions"][0]["WFWorkflowActionParameters"]


def test_a_case_with_settings_leaves_the_items_out():
    code = HEAD + "match menu():\n    case _ if menu_case():\n        pass\n"
    plist = _reads_back(code)
    assert "WFMenuItems" not in plist["WFWorkflowActions"][0]["WFWorkflowActionParameters"]


def test_an_output_settled_later_reaches_a_case_title_with_variables():
    """Found by the fuzz campaign: missing_output(...) in a case's f-string title got
    its id in WFMenuItems but not in the case's attributed title."""
    from shortcuts2py import api

    code = (
        "from s2py_actions import *\n"
        'showresult(Text=missing_output("missing_1", "clips"))\n'
        'match menu(WFMenuPrompt="Go"):\n'
        "    case \"A\" if menu_case(f\"A {missing_output('missing_1', 'clips')}\"):\n"
        "        vibrate()\n"
        '    case "B":\n'
        "        pass\n"
    )
    actions = api.compile(code)["WFWorkflowActions"]
    shown = actions[0]["WFWorkflowActionParameters"]["Text"]["Value"]["OutputUUID"]
    title = actions[2]["WFWorkflowActionParameters"]["WFMenuItemAttributedTitle"]["attachmentsByRange"]["{2, 1}"]
    assert shown and title["OutputUUID"] == shown


def test_a_case_title_may_read_an_output_set_later():
    """Found by the fuzz campaign: ref("name") in a case title failed to compile."""
    from shortcuts2py import api

    code = (
        "from s2py_actions import *\n"
        "for _ in range(2):\n"
        '    match menu(WFMenuPrompt="Go"):\n'
        "        case \"A\" if menu_case(f\"A {ref('later')}\"):\n"
        "            vibrate()\n"
        '        case "B":\n'
        "            pass\n"
        '    later = gettext(WFTextActionText="x")\n'
    )
    actions = api.compile(code)["WFWorkflowActions"]
    made = [a for a in actions if a["WFWorkflowActionIdentifier"].endswith("gettext")][0]
    title = actions[2]["WFWorkflowActionParameters"]["WFMenuItemAttributedTitle"]["attachmentsByRange"]["{2, 1}"]
    assert title["OutputUUID"] == made["WFWorkflowActionParameters"]["UUID"]


def test_a_title_with_a_variable_no_f_string_holds_takes_the_general_form():
    """Found by the fuzz campaign (input 99805 of campaign-2026-11-23l): var("a#b") cannot
    stand in an f-string field in Python 3.11, and menu_case() takes an f-string only."""
    code = HEAD + 'setvariable(WFVariableName="a#b", WFInput="x")\nmatch menu():\n    case "Hi" if menu_case(f"Hi {var(\'x\')}"):\n        vibrate()\n'
    plist = api.compile(code)
    for action in plist["WFWorkflowActions"]:
        params = action["WFWorkflowActionParameters"]
        if action["WFWorkflowActionIdentifier"].endswith("choosefrommenu") and "WFMenuItemAttributedTitle" in params:
            params["WFMenuItemAttributedTitle"]["attachmentsByRange"]["{3, 1}"]["VariableName"] = "a#b"
        elif action["WFWorkflowActionIdentifier"].endswith("choosefrommenu") and "WFMenuItems" in params:
            params["WFMenuItems"][0]["WFValue"]["Value"]["attachmentsByRange"]["{3, 1}"]["VariableName"] = "a#b"
    decompiled = api.decompile(plist)
    assert 'menu_case(f"' not in decompiled
    assert api.roundtrip(plist).ok, api.roundtrip(plist).difference


@pytest.mark.parametrize("shown", ['"Hi there"', '""', 'f""'])
def test_a_shown_text_without_variables_is_a_plain_string(shown):
    """Found by the fuzz campaign (input 9511 of campaign-2026-11-23o): such a text was
    written str("..."), which menu_case() does not read."""
    code = HEAD + f'match menu():\n    case "A" if menu_case({shown}):\n        pass\n'
    plist = api.compile(code)
    decompiled = api.decompile(plist)
    assert 'if menu_case("' in decompiled and "str(" not in decompiled
    for keep_ids in (False, True):
        result = api.roundtrip(plist, keep_ids=keep_ids)
        assert result.ok and result.fixpoint
