"""s2py check: catalog problems found at the right place, and nothing else."""

import pytest

from shortcuts2py.check import ERROR, WARNING, check_code

BROKEN = '''\
shortcut()
text = is_workflow_actions_gettxt(WFTextActionText="hi")
is_workflow_actions_alert(WFAlertActionTitle="t", WFAlertActionCancelButonShown=True)
is_workflow_actions_alert(WFAlertActionCancelButtonShown="yes")
value = is_workflow_actions_getvalueforkey(WFGetDictionaryValueType="All Keyz", WFDictionaryKey="k")
is_workflow_actions_format_number(WFNumberFormatDecimalPlaces="two")
AsheKube_app_a_Shell_GetFileIntent()
'''


def at(code: str, line: int, fragment: str) -> tuple[int, int]:
    """1-based line and column of ``fragment`` on ``line``."""
    return line, code.splitlines()[line - 1].index(fragment) + 1


def found(code: str):
    return [(d.line, d.column, d.severity, d.message) for d in check_code(code, "broken.py")]


def test_each_problem_is_found_at_its_line_and_column():
    problems = found(BROKEN)
    expected_places = [
        (at(BROKEN, 2, "is_workflow_actions_gettxt"), ERROR, "did you mean is_workflow_actions_gettext()?"),
        (at(BROKEN, 3, "WFAlertActionCancelButon"), ERROR, "did you mean 'WFAlertActionCancelButtonShown'?"),
        (at(BROKEN, 4, '"yes"'), ERROR, "found a string, expected True or False"),
        (at(BROKEN, 5, '"All Keyz"'), ERROR, "found 'All Keyz'; did you mean 'All Keys'?"),
        (at(BROKEN, 6, '"two"'), ERROR, "found a string, expected an integer"),
        (at(BROKEN, 7, "AsheKube"), WARNING, "has no fileName, which it requires"),
    ]
    assert len(problems) == len(expected_places), problems
    for (line, column, severity, message), (place, want_severity, fragment) in zip(problems, expected_places):
        assert (line, column) == place, message
        assert severity == want_severity
        assert fragment in message


def test_messages_read_file_line_column_severity():
    first = check_code(BROKEN, "broken.py")[0]
    line, column = at(BROKEN, 2, "is_workflow_actions_gettxt")
    assert str(first).startswith(f"broken.py:{line}:{column}: error: found is_workflow_actions_gettxt()")


def test_clean_code_has_no_findings():
    code = '''\
shortcut()
text = is_workflow_actions_gettext(WFTextActionText="n = 3")
is_workflow_actions_alert(WFAlertActionTitle="t", WFAlertActionCancelButtonShown=False)
value = is_workflow_actions_getvalueforkey(WFGetDictionaryValueType="All Keys", WFInput=text)
is_workflow_actions_format_number(WFNumberFormatDecimalPlaces=2, **{"Show-WFNumber": True})
is_workflow_actions_showresult(Text=f"{value}", CustomOutputName="x")
'''
    assert found(code) == []


def test_variables_are_accepted_for_any_type():
    code = '''\
shortcut()
flag = is_workflow_actions_number(WFNumberActionNumber=1)
is_workflow_actions_alert(WFAlertActionCancelButtonShown=flag)
is_workflow_actions_getvalueforkey(WFGetDictionaryValueType=f"{flag}")
'''
    assert found(code) == []


def test_starred_keys_are_placed_inside_the_dict():
    code = 'shortcut()\nis_workflow_actions_alert(**{"Bogus-Key": 1})\n'
    (line, column, severity, message), = found(code)
    assert (line, column) == at(code, 2, '"Bogus-Key"') and severity == ERROR
    assert "'Bogus-Key'" in message


def test_enum_lists_are_checked_member_by_member():
    from shortcuts2py import catalog

    entry = catalog.entry("is.workflow.actions.wallpaper.set")
    parameter = entry.parameter("WFWallpaperLocation")
    if not parameter or not parameter.enum:
        pytest.skip("the catalog has no enum for the wallpaper location")
    good = parameter.enum[0]
    code = f'shortcut()\nis_workflow_actions_wallpaper_set(WFWallpaperLocation=["{good}", "Nowhere"])\n'
    (line, column, _, message), = found(code)
    assert "'Nowhere'" in message and (line, column) == at(code, 2, "[")


def test_general_form_is_not_checked_but_known_identifiers_are():
    code = '''\
shortcut()
action("com.example.unknown", Anything=True)
action("is.workflow.actions.alert", WFAlertActionCancelButtonShown="no")
'''
    (line, column, severity, message), = found(code)
    assert (line, column) == at(code, 3, '"no"') and severity == ERROR


def test_syntax_error_is_reported_as_an_error_not_raised():
    (line, column, severity, message), = found("shortcut()\nx = (\n")
    assert severity == ERROR and line >= 2


def test_undefined_name_stops_but_keeps_earlier_unknown_actions():
    code = "shortcut()\nis_workflow_actions_nope()\nis_workflow_actions_showresult(Text=missing_name)\n"
    problems = found(code)
    assert [p[0] for p in problems] == [2, 3]
    assert all(p[2] == ERROR for p in problems)


def test_inferred_entries_warn_on_unknown_keys():
    from shortcuts2py import catalog

    inferred = next(e for e in catalog.all_entries() if e.inferred and e.parameters)
    code = f"shortcut()\n{inferred.function_name}(NotAKeyAnyoneUses=1)\n"
    (_, _, severity, _), = found(code)
    assert severity == WARNING
