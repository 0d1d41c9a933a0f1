"""s2py check: catalog problems found at the right place, and nothing else."""

import pytest

from shortcuts2py.check import ERROR, WARNING, check_code

BROKEN = '''\
shortcut()
text = is_workflow_actions_gettxt(WFTextActionText="hi")
is_workflow_actions_alert(WFAlertActionTitle="t", WFAlertActionCancelButonShown=True)
is_workflow_actions_alert(WFAlertActionCancelButtonShown="yes")
value = is_workflow_actions_getvalueforkey(WFGetDictionaryValueType="All Keyz", WFDictionaryKey="k", WFInput=_)
is_workflow_actions_format_number(WFNumberFormatDecimalPlaces="two", WFNumber=_)
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
        (at(BROKEN, 7, "AsheKube"), WARNING, "has no file_name, which it requires"),
    ]
    assert len(problems) == len(expected_places), problems
    for (line, column, severity, message), (place, want_severity, fragment) in zip(problems, expected_places):
        assert (line, column) == place, message
        assert severity == want_severity
        assert fragment in message


def test_an_input_neither_given_nor_taken_from_the_previous_output_is_a_warning():
    code = 'x = ask(WFAskActionPrompt="?")\nis_workflow_actions_notification(WFNotificationActionBody="hi")\n'
    assert [(line, column, severity) for line, column, severity, _ in found(code)] == [(2, 1, WARNING)]
    assert "attachment=_" in found(code)[0][3]  # the keyword decompiled code writes for WFInput
    for said in ("WFInput=x", "WFInput=_", "attachment=_"):
        assert found(code.replace('"hi")', f'"hi", {said})')) == []


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
is_workflow_actions_format_number(WFNumberFormatDecimalPlaces=2, WFNumber=_, **{"Show-WFNumber": True})
is_workflow_actions_showresult(Text=f"{value}", CustomOutputName="x")
'''
    assert found(code) == []


def test_variables_are_accepted_for_any_type():
    code = '''\
shortcut()
flag = is_workflow_actions_number(WFNumberActionNumber=1)
is_workflow_actions_alert(WFAlertActionCancelButtonShown=flag)
is_workflow_actions_getvalueforkey(WFGetDictionaryValueType=f"{flag}", WFInput=_)
'''
    assert found(code) == []


def test_starred_keys_are_placed_inside_the_dict():
    code = 'shortcut()\nis_workflow_actions_alert(**{"WFAlertAction-Message": "hi", "Bogus-Key": 1})\n'
    (line, column, severity, message), (line2, column2, severity2, message2) = found(code)
    assert (line, column) == at(code, 2, '"WFAlertAction-Message"') and severity == ERROR
    assert "did you mean 'WFAlertActionMessage'?" in message
    assert (line2, column2) == at(code, 2, '"Bogus-Key"') and severity2 == WARNING


def test_unknown_keys_are_errors_only_when_they_misspell_a_known_one():
    code = """\
shortcut()
is_workflow_actions_round(WFRoundDecimalPlaces=2, WFRoundMode="Normal", WFInput=_)
is_workflow_actions_ask(WFAskActionDateGranularity="Day", WFAskActionPrompt="When?")
is_workflow_actions_round(wfroundmode="Normal", WFInput=_)
is_workflow_actions_round(RoundMode="Normal", WFInput=_)
is_workflow_actions_round(WFRuondMode="Normal", WFInput=_)
is_workflow_actions_round(WFRondMod="Normal", WFInput=_)
is_workflow_actions_alert(WFAlertActionTitle="t", CustomoutputName="x", ShowWhenRan=True)
"""
    problems = found(code)
    expected = [
        (at(code, 2, "WFRoundDecimalPlaces"), WARNING, None),
        (at(code, 3, "WFAskActionDateGranularity"), WARNING, None),
        (at(code, 4, "wfroundmode"), ERROR, "WFRoundMode"),  # letter case
        (at(code, 5, "RoundMode"), ERROR, "WFRoundMode"),  # no WF prefix
        (at(code, 6, "WFRuondMode"), ERROR, "WFRoundMode"),  # two letters swapped
        (at(code, 7, "WFRondMod"), ERROR, "WFRoundMode"),  # two letters dropped
        (at(code, 8, "CustomoutputName"), ERROR, "CustomOutputName"),  # keys every action has
        (at(code, 8, "ShowWhenRan"), ERROR, "ShowWhenRun"),
    ]
    assert [(p[0], p[1]) for p in problems] == [place for place, _, _ in expected], problems
    for (_, _, severity, message), (_, want, guess) in zip(problems, expected):
        assert severity == want, message
        assert (f"did you mean {guess!r}?" in message) if guess else "did you mean" not in message


def test_plurals_and_whole_word_changes_are_keys_of_their_own():
    from shortcuts2py import catalog

    keys = ("WFCondition", "getVariableKey", "Value1", "WFContentItemSortOrder")
    assert catalog.likely_typo("WFConditions", keys) is None
    assert catalog.likely_typo("setVariableKey", keys) is None
    assert catalog.likely_typo("Value2", keys) is None
    assert catalog.likely_typo("WFContentItemSortProperty", keys) is None
    assert catalog.likely_typo("WFConditon", keys) == "WFCondition"
    assert catalog.likely_typo("getVaraibleKey", keys) == "getVariableKey"
    assert catalog.likely_typo("WFContentItemSortOrdr", keys) == "WFContentItemSortOrder"
    assert catalog.likely_typo("WFCondition", keys) is None  # known is not a typo


def test_show_flags_name_a_parameter():
    code = 'shortcut()\nis_workflow_actions_text_split(text="a", **{"Show-txet": True, "Show-text": True, "Show-Other": True})\n'
    (line, column, severity, message), = found(code)
    assert (line, column) == at(code, 2, '"Show-txet"') and severity == ERROR
    assert "Show-text" in message


def test_values_outside_an_enum_are_errors_only_when_misspelt():
    code = """\
shortcut()
is_workflow_actions_getvalueforkey(WFGetDictionaryValueType="Every Key Ever", WFInput=_)
is_workflow_actions_getvalueforkey(WFGetDictionaryValueType="all keys", WFInput=_)
"""
    (p1, p2) = found(code)
    assert p1[:3] == (*at(code, 2, '"Every'), WARNING)
    assert p2[:3] == (*at(code, 3, '"all'), ERROR) and "did you mean 'All Keys'?" in p2[3]


def test_number_fields_take_what_the_app_writes():
    code = """\
shortcut()
is_workflow_actions_number(WFNumberActionNumber="")
is_workflow_actions_number(WFNumberActionNumber="0,5")
is_workflow_actions_number(WFNumberActionNumber="1 000")
is_workflow_actions_number(WFNumberActionNumber="five")
"""
    (line, column, severity, message), = found(code)
    assert (line, column) == at(code, 5, '"five"') and severity == ERROR


def test_types_only_suggested_by_listings_are_warnings():
    from shortcuts2py import catalog

    entry = next(
        e for e in catalog.all_entries()
        for p in e.parameters
        if p.type == "boolean" and p.type_source == "workflowbench" and "text" not in p.seen
        and e.function_name.isidentifier() and p.key.isidentifier()
    )
    key = next(p.key for p in entry.parameters if p.type == "boolean" and p.type_source == "workflowbench" and "text" not in p.seen)
    code = f'shortcut()\n{entry.function_name}({key}="yes")\n'
    problems = [p for p in found(code) if "which it requires" not in p[3]]
    assert [(p[0], p[1], p[2]) for p in problems] == [(*at(code, 2, '"yes"'), WARNING)]


def test_enum_lists_are_checked_member_by_member():
    from shortcuts2py import catalog

    entry = catalog.entry("is.workflow.actions.wallpaper.set")
    parameter = entry.parameter("WFWallpaperLocation")
    if not parameter or not parameter.enum:
        pytest.skip("the catalog has no enum for the wallpaper location")
    good = parameter.enum[0]
    code = f'shortcut()\nis_workflow_actions_wallpaper_set(WFWallpaperLocation=["{good}", "Nowhere"], WFInput=_)\n'
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


# --- the typo rule, measured on the catalog --------------------------------------


def _slips(key: str) -> list[str]:
    """Typing slips at fixed places: case, the WF prefix, one edit, two edits."""
    mid, quarter = len(key) // 2, len(key) // 4
    other = "x" if key[mid].lower() != "x" else "q"
    drop = key[:mid] + key[mid + 1:]
    return [
        key.lower(),
        key[:mid] + key[mid].swapcase() + key[mid + 1:],
        key[2:] if key.startswith("WF") else "WF" + key,
        drop,
        key[:mid - 1] + key[mid] + key[mid - 1] + key[mid + 1:],
        key[:mid] + other + key[mid + 1:],
        key[:mid] + "e" + key[mid:],
        drop[:quarter] + drop[quarter + 1] + drop[quarter] + drop[quarter + 2:],
    ]


def test_typo_rule_on_hidden_and_misspelt_keys():
    """Leave one out: a key only real files show, hidden from its action, must
    not read as a misspelling of the others (the app writes keys no source
    lists).  Seeded slips in keys real files use must read as misspellings."""
    from collections import Counter

    from shortcuts2py import catalog

    entries = catalog.all_entries()
    words = Counter(w for e in entries for p in e.parameters for w in set(catalog.key_words(p.key)))
    hidden = false_errors = 0
    for e in entries:
        keys = {p.key for p in e.parameters} | catalog.GENERAL_KEYS
        for p in e.parameters:
            if not p.inferred or p.shared_from:
                continue
            own = Counter(set(catalog.key_words(p.key)))
            vocabulary = {w for w, n in (words - own).items() if n > 0}
            hidden += 1
            false_errors += catalog.likely_typo(p.key, keys - {p.key}, vocabulary) is not None
    seeded = caught = 0
    vocabulary = frozenset(words)
    for e in entries:
        keys = {p.key for p in e.parameters} | catalog.GENERAL_KEYS
        for p in e.parameters:
            if not p.seen or len(p.key) < 3:
                continue
            for slip in set(_slips(p.key)) - keys:
                seeded += 1
                caught += catalog.likely_typo(slip, keys, vocabulary) is not None
    figures = f"{false_errors}/{hidden} hidden keys called typos, {caught}/{seeded} slips caught"
    assert hidden > 250 and seeded > 3000, figures
    assert false_errors <= hidden // 100, figures
    assert caught >= 0.97 * seeded, figures
