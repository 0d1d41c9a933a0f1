"""The WorkflowBench dialect: each repair, each construct, each ambiguity's rule, both directions.

Every test compiles a few lines written the way WorkflowBench's converter
writes code and asserts what each value became in the plist.  The corpus and
the published samples are used when ``../shared`` is present (skipped otherwise).
"""

from __future__ import annotations

import ast
import json
import warnings

import pytest

from shortcuts2py import api
from shortcuts2py.cli import main
from shortcuts2py.dialects import RepairWarning
from shortcuts2py.dialects.workflowbench import from_default, to_default
from shortcuts2py.errors import CompileError

from .conftest import CORPUS, corpus_rows, needs_corpus

SAMPLES = CORPUS.parent / "reference" / "workflowbench" / "data_samples.json"
needs_samples = pytest.mark.skipif(not SAMPLES.is_file(), reason="../shared/reference/workflowbench is absent")


def compile_wb(code: str, *, keep_annotations: bool = False):
    """(actions, repair messages) of WorkflowBench code."""
    translation = to_default(code, "t.py", keep_annotations=keep_annotations)
    plist = api.compile(translation.code)
    return plist["WFWorkflowActions"], [repair.message for repair in translation.repairs]


def identifiers(actions) -> list[str]:
    return [action["WFWorkflowActionIdentifier"] for action in actions]


def params(action) -> dict:
    """An action's parameters without its id and the output name the compiler records."""
    return {k: v for k, v in action["WFWorkflowActionParameters"].items() if k not in ("UUID", "CustomOutputName")}


def parse(code: str) -> ast.Module:
    """``ast.parse``, quiet about the backslashes WorkflowBench leaves in text (a regular expression's \\d)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", SyntaxWarning)
        return ast.parse(code)


def text_of(value):
    """A parameter's text, with each variable as its attachment Type (or variable name)."""
    if isinstance(value, str):
        return value
    inner = value["Value"]
    if "string" not in inner:
        return inner
    string = inner["string"]
    for key in sorted(inner.get("attachmentsByRange", {}), key=lambda k: -int(k[1:].split(",")[0])):
        offset = int(key[1:].split(",")[0])
        attachment = inner["attachmentsByRange"][key]
        label = attachment.get("VariableName") or attachment.get("OutputName") or attachment["Type"]
        string = string[:offset] + "{" + label + "}" + string[offset + 1 :]
    return string


# --- repairs, one per kind ------------------------------------------------------------------


def test_annotation_comments_are_dropped_and_quoted_comments_are_comment_actions():
    actions, _ = compile_wb(
        "# Shows the answer to the user.\n"
        "# '''Two lines\n"
        "# of a real comment'''\n"
        "# [Tag] kept as written\n"
        "is_workflow_actions_showresult( Text='''hi''')\n"
    )
    assert identifiers(actions) == ["is.workflow.actions.comment"] * 2 + ["is.workflow.actions.showresult"]
    assert params(actions[0])["WFCommentActionText"] == "Two lines\nof a real comment"
    assert params(actions[1])["WFCommentActionText"] == "[Tag] kept as written"


def test_annotations_can_be_kept_as_comments():
    actions, _ = compile_wb("# Says hello.\n# Then stops.\nis_workflow_actions_exit()\n", keep_annotations=True)
    assert identifiers(actions) == ["is.workflow.actions.comment", "is.workflow.actions.exit"]
    assert params(actions[0])["WFCommentActionText"] == "Says hello.\nThen stops."


def test_an_annotation_before_else_does_not_break_the_block():
    actions, _ = compile_wb(
        "x = is_workflow_actions_number( WFNumberActionNumber=1)\n"
        "if x:\n"
        "    is_workflow_actions_vibrate()\n"
        "# Otherwise it waits.\n"
        "else:\n"
        "    is_workflow_actions_delay( WFDelayTime=1.0)\n"
    )
    assert identifiers(actions)[1:] == [
        "is.workflow.actions.conditional",
        "is.workflow.actions.vibrate",
        "is.workflow.actions.conditional",
        "is.workflow.actions.delay",
        "is.workflow.actions.conditional",
    ]


def test_bare_words_in_brackets_are_text_never_variables():
    actions, repairs = compile_wb(
        "app = is_workflow_actions_openapp( WFSelectedApp={\"BundleIdentifier\": com.apple.TVAppStore, \"Name\": TV})\n"
        "is_workflow_actions_wallpaper_set( WFInput=app, WFWallpaperLocation=[Lock Screen, Home Screen])\n"
    )
    assert params(actions[0])["WFSelectedApp"] == {"BundleIdentifier": "com.apple.TVAppStore", "Name": "TV"}
    assert params(actions[1])["WFWallpaperLocation"] == ["Lock Screen", "Home Screen"]
    assert "read bare words as text: 'com.apple.TVAppStore'" in repairs


def test_an_unquoted_text_with_a_comma_stays_one_value_of_its_dictionary():
    """The piece after the comma has no key: it continues the value before it, so
    the dictionary stays a Dictionary action instead of turning into text."""
    actions, repairs = compile_wb("query = {'''q''': '''moon''', '''media''': image,video, '''page''': '''1'''}\n")
    assert identifiers(actions) == ["is.workflow.actions.dictionary"]
    rows = params(actions[0])["WFItems"]["Value"]["WFDictionaryFieldValueItems"]
    assert [(text_of(r["WFKey"]), text_of(r["WFValue"])) for r in rows] == [("q", "moon"), ("media", "image,video"), ("page", "1")]
    assert "read bare words as text: 'image,video'" in repairs


def test_string_cells_of_a_dictionary_are_text():
    actions, _ = compile_wb('info = {{"string": name}: {"string": Some App 1.0}, {"string": n}: {"string": }}\n')
    items = params(actions[0])["WFItems"]["Value"]["WFDictionaryFieldValueItems"]
    assert [(text_of(row["WFKey"]), text_of(row["WFValue"])) for row in items] == [("name", "Some App 1.0"), ("n", "")]


def test_hyphenated_keywords_and_function_names():
    actions, repairs = compile_wb(
        "x = is_workflow_actions_text_combine( Show-text=True, text='''a''')\n"
        "com_Christopher-Hannah_Text-Case_ReplaceIntent( text=x)\n"
    )
    assert params(actions[0])["Show-text"] is True
    assert identifiers(actions)[1] == "com.Christopher-Hannah.Text-Case.ReplaceIntent"
    assert any("Show-text" in message for message in repairs)


def test_broken_quoting_keeps_the_text_as_written():
    actions, _ = compile_wb(
        "a = is_workflow_actions_url( WFURLActionURL='''it'''s''')\n"  # an unescaped ''' inside
        "b = is_workflow_actions_text_match( WFMatchTextPattern='''\\d+ don\\'t''')\n"  # backslashes are text
        "c = f'''{\"n\":{a}}}'''\n"  # braces that hold no variable are text
        "d = {\n"  # a text that starts with a brace, left bare
        "e = [1, 2]\n"  # ... and one that starts with a bracket
    )
    assert params(actions[0])["WFURLActionURL"] == "it'''s"
    assert params(actions[1])["WFMatchTextPattern"] == "\\d+ don't"
    assert text_of(params(actions[2])["WFTextActionText"]) == '{"n":{URL}}}'
    assert params(actions[3])["WFTextActionText"] == "{"
    assert params(actions[4])["WFTextActionText"] == "[1, 2]"


def test_a_string_never_closed_ends_before_the_next_action():
    actions, repairs = compile_wb(
        "t = f'''line one\n"
        "line two\n"
        "is_workflow_actions_showresult( Text=t)\n"
    )
    assert params(actions[0])["WFTextActionText"] == "line one\nline two"
    assert identifiers(actions) == ["is.workflow.actions.gettext", "is.workflow.actions.showresult"]
    assert "a string is never closed; read up to the next action" in repairs


def test_pasted_binary_data_is_dropped():
    actions, repairs = compile_wb("x = is_workflow_actions_sirikit_donation_handle( IntentData='''bplist00\x01\x02''', ForceExecutionOnPhone=False)\n")
    assert params(actions[0]) == {"ForceExecutionOnPhone": False}
    assert any("pasted binary data" in message for message in repairs)


def test_a_property_with_spaces():
    actions, _ = compile_wb(
        "store = is_workflow_actions_searchappstore( WFSearchTerm='''x''')\n"
        "sid = f'''{store.Store ID}'''\n"
        "if store.File Size > 3:\n"
        "    pass\n"
    )
    attachment = params(actions[1])["WFTextActionText"]["Value"]["attachmentsByRange"]["{0, 1}"]
    assert attachment["Aggrandizements"] == [{"Type": "WFPropertyVariableAggrandizement", "PropertyName": "Store ID"}]
    condition = params(actions[2])["WFInput"]["Variable"]["Value"]
    assert condition["Aggrandizements"][0]["PropertyName"] == "File Size"


def test_blocks_made_whole():
    actions, repairs = compile_wb(
        "if x:\n"  # its body was lost: an empty block
        "else:\n"
        "    match input():\n"
        "            y = is_workflow_actions_number( WFNumberActionNumber=1)\n"  # its case line was lost
    )
    assert identifiers(actions).count("is.workflow.actions.choosefrommenu") == 3
    assert "a block has no statement (the data lost it); read as pass" in repairs
    assert 'a case line is missing here (the data lost it); read as case ""' in repairs


def test_a_variable_named_with_a_leading_digit():
    actions, _ = compile_wb("x = is_workflow_actions_number( WFNumberActionNumber=1)\n1n = x\nis_workflow_actions_showresult( Text=f'''{1n}''')\n")
    assert params(actions[1])["WFVariableName"] == "1n"
    assert params(actions[2])["Text"]["Value"]["attachmentsByRange"]["{0, 1}"]["VariableName"] == "1n"


def test_warnings_and_errors_point_into_the_original_file():
    code = (
        "# An annotation.\n"
        "x = is_workflow_actions_url( WFURLActionURL=[a b])\n"
        "\n"
        "for a, b, c in enumerate(x, start=1):\n"
        "    pass\n"
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(CompileError) as raised:
            api.compile(code, filename="m.py", dialect="workflowbench")
    assert (raised.value.filename, raised.value.line) == ("m.py", 4)
    assert str(raised.value).startswith("m.py:4:")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        api.compile(code.split("\n\n")[0] + "\n", filename="m.py", dialect="workflowbench")
    assert isinstance(caught[0].message, RepairWarning)
    assert str(caught[0].message) == "m.py:2:45: warning: read a bracketed text as text: '[a b]'"


# --- constructs -----------------------------------------------------------------------------


def test_text_input_and_menu():
    actions, _ = compile_wb(
        "name = input('''Your name?''')\n"
        "greeting = f'''Hi {name}'''\n"
        "match input(prompt=f'''Pick, {name}'''):\n"
        "    case \"Say \"hi\"\":\n"
        "        is_workflow_actions_showresult( Text=greeting)\n"
        "    case \"Quit\":\n"
        "        pass\n"
    )
    assert params(actions[0]) == {"WFAskActionPrompt": "Your name?"}
    assert text_of(params(actions[1])["WFTextActionText"]) == "Hi {Provided Input}"
    menu = params(actions[2])
    assert text_of(menu["WFMenuPrompt"]) == "Pick, {Provided Input}"
    assert menu["WFMenuItems"] == ['Say "hi"', "Quit"]


def test_globals_written_inside_text():
    actions, _ = compile_wb(
        "t = f'''at datetime.datetime.now() from input(\"Please enter the value: \") asked f'{input(\"Please enter the value:\")}'!'''\n"
        "Given = f'{input(\"Please enter the value:\")}'\n"
    )
    assert text_of(params(actions[0])["WFTextActionText"]) == "at {CurrentDate} from {ExtensionInput} asked {Ask}!"
    assert params(actions[1])["WFVariableName"] == "Given"
    assert params(actions[1])["WFInput"]["Value"]["Type"] == "ExtensionInput"


def test_coercions_and_dictionary_values():
    actions, _ = compile_wb(
        "d = is_workflow_actions_detect_dictionary( WFInput=f'{input(\"Please enter the value:\")}')\n"
        "value = d['''key''']\n"
        "Key = d[\"key\"]\n"
        "Data = coerce_variable(value=d, coercion_class=\"WFDictionaryContentItem\")[\"a\"]\n"
        "Text = str(d)\n"
    )
    assert identifiers(actions)[1] == "is.workflow.actions.getvalueforkey"
    assert params(actions[1])["WFDictionaryKey"] == "key"
    steps = [params(action)["WFInput"]["Value"].get("Aggrandizements") for action in actions[2:]]
    assert steps[0] == [{"Type": "WFDictionaryValueVariableAggrandizement", "DictionaryKey": "key"}]
    assert steps[1][0] == {"Type": "WFCoercionVariableAggrandizement", "CoercionItemClass": "WFDictionaryContentItem"}
    assert steps[2] == [{"Type": "WFCoercionVariableAggrandizement", "CoercionItemClass": "WFStringContentItem"}]


def test_loops_count_from_one_as_the_app_does():
    actions, _ = compile_wb(
        "for Repeat_Index in range(int(3.0)):\n"
        "    is_workflow_actions_showresult( Text=f'''{Repeat_Index}''')\n"
        "for Repeat_Index, Repeat_Item in enumerate(None, start=1):\n"
        "    is_workflow_actions_showresult( Text=f'''{Repeat_Item}''')\n"
    )
    assert identifiers(actions) == [
        "is.workflow.actions.repeat.count",
        "is.workflow.actions.showresult",
        "is.workflow.actions.repeat.count",
        "is.workflow.actions.repeat.each",
        "is.workflow.actions.showresult",
        "is.workflow.actions.repeat.each",
    ]  # no Calculate action: Repeat_Index is the app's own index
    assert params(actions[0])["WFRepeatCount"] == 3.0
    assert "WFInput" not in params(actions[3])  # None: the previous output, taken implicitly
    assert text_of(params(actions[4])["Text"]) == "{Repeat Item}"


def test_an_unknown_app_action_becomes_the_action_of_that_identifier():
    actions, repairs = compile_wb("com_example_Notes_AddNoteIntent( text='''x''')\n")
    assert identifiers(actions) == ["com.example.Notes.AddNoteIntent"]
    assert "com_example_Notes_AddNoteIntent is not in the catalog; read as the action com.example.Notes.AddNoteIntent" in repairs


def test_a_quoted_variable_given_to_a_parameter():
    actions, _ = compile_wb(
        "x = is_workflow_actions_number( WFNumberActionNumber=1)\n"
        "Count = x\n"
        "is_workflow_actions_getvariable( WFVariable='''Count''')\n"
        "is_workflow_actions_alert( WFAlertActionTitle='''Count''')\n"
    )
    assert params(actions[2])["WFVariable"]["Value"] == {"Type": "Variable", "VariableName": "Count"}
    assert params(actions[3])["WFAlertActionTitle"] == "Count"  # a parameter that never takes a variable keeps its text


# --- ambiguities --------------------------------------------------------------------------------


def test_set_or_append_variable():
    actions, _ = compile_wb(
        "items = is_workflow_actions_list( WFItems=['''a''', '''b'''])\n"
        "for Repeat_Index, Repeat_Item in enumerate(items, start=1):\n"
        "    Names = Repeat_Item\n"  # in a loop that never reads Names: Append
        "    Last = Repeat_Item\n"
        "    is_workflow_actions_showresult( Text=f'''{Last}''')\n"  # Last is read in the loop: Set
        "Pair = items\n"
        "Pair = items\n"  # set twice in a row without a use: the second appends
        "Total = items\n"
    )
    kinds = [(a["WFWorkflowActionIdentifier"].rsplit(".", 1)[-1], params(a).get("WFVariableName")) for a in actions if "variable" in a["WFWorkflowActionIdentifier"]]
    assert kinds == [("appendvariable", "Names"), ("setvariable", "Last"), ("setvariable", "Pair"), ("appendvariable", "Pair"), ("setvariable", "Total")]


def test_pass_alone_is_an_empty_block_and_among_statements_a_nothing_action():
    actions, _ = compile_wb(
        "if f'{input(\"Please enter the value:\")}':\n"
        "    pass\n"
        "else:\n"
        "    is_workflow_actions_vibrate()\n"
        "    pass\n"
    )
    assert identifiers(actions) == [
        "is.workflow.actions.conditional",
        "is.workflow.actions.conditional",
        "is.workflow.actions.vibrate",
        "is.workflow.actions.nothing",
        "is.workflow.actions.conditional",
    ]


def test_a_name_read_before_its_assignment():
    actions, repairs = compile_wb(
        "if x:\n"
        "    is_workflow_actions_showresult( Text=f'''{later}''')\n"
        "later = is_workflow_actions_url( WFURLActionURL='''a''')\n"
        "is_workflow_actions_showresult( Text=f'''{never}''')\n"
    )
    shown = params(actions[1])["Text"]["Value"]["attachmentsByRange"]["{0, 1}"]
    assert shown["OutputUUID"] == actions[3]["WFWorkflowActionParameters"]["UUID"]  # the output assigned later
    assert params(actions[4])["Text"]["Value"]["attachmentsByRange"]["{0, 1}"] == {"Type": "Variable", "VariableName": "never"}
    assert "never is never assigned in this file; read as the variable named 'never'" in repairs


# --- decompiling into WorkflowBench's conventions --------------------------------------------------


def _decompiled(code: str) -> str:
    return api.decompile(api.compile(code), dialect="workflowbench")


def test_decompiled_code_is_in_workflowbench_conventions():
    wb = _decompiled(
        'name = ask(WFAskActionPrompt="Who?")\n'
        'Names = name\n'
        'text = f"Hi {name}, it is {CurrentDate}"\n'
        'match menu(WFMenuPrompt="Pick"):\n'
        '    case "A":\n'
        '        for item in ShortcutInput:\n'
        '            showresult(Text=f"{item}")\n'
        '    case "B":\n'
        '        pass\n'
        'showresult(Text=f"{name.Name}")\n'
    )
    assert wb.splitlines() == [
        "name = input('''Who?''')",
        "Names = name",
        "text = f'''Hi {name}, it is datetime.datetime.now()'''",
        "match input(prompt='''Pick'''):",
        '    case "A":',
        "        for Repeat_Index, Repeat_Item in enumerate(f'{input(\"Please enter the value:\")}', start=1):",
        "            is_workflow_actions_showresult(Text=f'''{Repeat_Item}''')",
        '    case "B":',
        "        pass",
        "is_workflow_actions_showresult(Text=f'''{name.Name}''')",
    ]


def test_decompiled_text_that_workflowbench_cannot_quote_stays_exact():
    plist = api.compile('t = "a\\\\x ends with a backslash \\\\"\nu = f"{{json}} {t} \\\\u0041"\n')
    wb = from_default(api.decompile(plist))
    parse(wb)
    again = api.compile(to_default(wb, "w.py").code)
    texts = [text_of(params(a)["WFTextActionText"]) for a in again["WFWorkflowActions"]]
    assert texts == ["a\\x ends with a backslash \\", "{json} {Text} \\u0041"]


def test_language_forms_without_a_workflowbench_spelling_keep_their_actions():
    # `n -= 1` is Calculate then Set Variable (not an append), and `sum(_)` / `len(_)`
    # take the previous output, which WorkflowBench's None would drop.
    code = (
        'n = 10\n'
        'Count = n\n'
        'for _ in range(3):\n'
        '    Count -= 1\n'
        'items = [1, 2]\n'
        'total = sum(_)\n'
        'size = len(items)\n'
        'smallest = min(_)\n'
        'gap = abs(n)\n'
        'showresult(Text=f"{Count} {total} {size} {smallest} {gap}")\n'
    )
    plist = api.compile(code)
    wb = from_default(api.decompile(plist))
    parse(wb)
    again = api.compile(to_default(wb, "w.py").code)["WFWorkflowActions"]
    assert identifiers(again) == identifiers(plist["WFWorkflowActions"])
    assert "is.workflow.actions.appendvariable" not in identifiers(again)
    assert [params(a).get("WFStatisticsOperation") for a in again if a["WFWorkflowActionIdentifier"].endswith("statistics")] == ["Sum", "Minimum"]
    assert [params(a).get("WFScientificMathOperation") for a in again if a["WFWorkflowActionIdentifier"].endswith("math")] == [None, "abs(x)"]


def test_a_variable_set_by_an_explicit_call_is_a_variable_in_a_dictionary():
    """A variable whose Set Variable the writer spells as a call (its name is no plain
    variable there) is still a name the file assigns: in a dictionary it is that
    variable, not a bare word of text; list(x) there is a row holding the list."""
    code = (
        'is_workflow_actions_setvariable(WFVariableName="kind", WFInput="plain")\n'
        'Items = "a"\n'
        'Items = "b"\n'
        "output = {'''dataType''': kind, '''children''': list(Items)}\n"
    )
    actions, repairs = compile_wb(code)
    rows = params(actions[-1])["WFItems"]["Value"]["WFDictionaryFieldValueItems"]
    kind_row, children_row = rows
    assert kind_row["WFValue"]["Value"]["attachmentsByRange"]["{0, 1}"] == {"Type": "Variable", "VariableName": "kind"}
    assert children_row["WFItemType"] == 2
    assert children_row["WFValue"]["WFSerializationType"] == "WFArraySubstitutableParameterState"
    assert not any("as text" in repair for repair in repairs)


def test_decompiled_nothing_alone_in_a_block_keeps_its_call():
    wb = _decompiled("if ShortcutInput:\n    nothing()\nelse:\n    pass\n")
    assert "    is_workflow_actions_nothing()\nelse:\n    pass\n" in wb


def test_cli_dialect_both_ways(tmp_path, capsys):
    source = tmp_path / "wb.py"
    source.write_text("x = is_workflow_actions_url( WFURLActionURL=[a b])\nis_workflow_actions_openurl( WFInput=x)\n", encoding="utf-8")
    assert main(["compile", str(source), "--dialect", "workflowbench", "-o", str(tmp_path / "wb.shortcut")]) == 0
    assert f"{source}:1:45: warning: read a bracketed text as text: '[a b]'" in capsys.readouterr().err
    assert main(["decompile", str(tmp_path / "wb.shortcut"), "--dialect", "workflowbench"]) == 0
    assert capsys.readouterr().out == "url = is_workflow_actions_url(WFURLActionURL='''[a b]''')\nis_workflow_actions_openurl(WFInput=url)\n"


@needs_corpus
def test_corpus_sample_decompiles_to_valid_python_that_compiles_back_to_the_same_actions():
    """Every 40th distinct corpus file (the full corpus is measured outside the suite)."""
    seen, files = set(), []
    for row in corpus_rows():
        if row["sha256"] not in seen:
            seen.add(row["sha256"])
            files.append(CORPUS / row["file"])
    for path in sorted(files)[::40]:
        root = api.load(path)
        wb = api.decompile(root, dialect="workflowbench")
        parse(wb)
        again = api.compile(to_default(wb, str(path)).code)
        assert identifiers(again["WFWorkflowActions"]) == [a.get("WFWorkflowActionIdentifier") for a in root["WFWorkflowActions"]], path


@needs_samples
def test_published_samples_compile_and_round_trip():
    """All 50 compile; those whose listed APIs can all be present (the data set's annotation
    step removed some Comment actions' text) contain them all and round-trip."""
    samples = json.loads(SAMPLES.read_text(encoding="utf-8"))
    complete = 0
    for number, sample in enumerate(samples):
        code = sample["annotated_code"]
        plist = api.compile(to_default(code, f"s{number}.py").code)
        present = set(identifiers(plist["WFWorkflowActions"]))
        missing = set(sample["apis"]) - present
        if not any(line.lstrip().startswith(("# '''", "# [", "# {", '# "')) for line in code.splitlines()):
            missing.discard("is.workflow.actions.comment")  # the file holds no Comment action to recover
        if not missing and api.roundtrip(plist).ok:
            complete += 1
    assert complete >= 44


@needs_samples
def test_published_samples_with_annotations_kept_hold_every_listed_action():
    """Kept annotations become Comment actions, so even the samples whose Comment text the
    data set replaced hold every listed API; the rest are the documented ambiguities."""
    samples = json.loads(SAMPLES.read_text(encoding="utf-8"))
    complete = 0
    for number, sample in enumerate(samples):
        plist = api.compile(to_default(sample["annotated_code"], f"s{number}.py", keep_annotations=True).code)
        present = set(identifiers(plist["WFWorkflowActions"]))
        complete += set(sample["apis"]) <= present and api.roundtrip(plist).ok
    assert complete >= 44
