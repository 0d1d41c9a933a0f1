"""Action calls as a hand-writer writes them: bare arguments in the order of the
action's sentence in the app, keywords named by the app's labels or by the keys'
own words, functions
named by the app's action names.  Each compiles to exactly what the keyword
form compiles to; decompiling keeps the keyword form."""

import re

import pytest

from shortcuts2py import api, catalog
from shortcuts2py.errors import CompileError

from .harness import compiles_to

HEAD = "from s2py_actions import *\n"


@pytest.mark.parametrize(
    "plain, keywords",
    [
        ('alert("Done")', 'alert(WFAlertActionMessage="Done")'),
        ('ask("Name?")', 'ask(WFAskActionPrompt="Name?")'),
        ('showresult("Hi")', 'showresult(Text="Hi")'),
        # The sentence "Replace [find] with [replace] in [input]" gives the order.
        ('text_replace("a", "b", "banana")', 'text_replace(WFReplaceTextFind="a", WFReplaceTextReplace="b", WFInput="banana")'),
        # A bare argument and keywords together.
        ('alert("Done", WFAlertActionTitle="Note")', 'alert(WFAlertActionMessage="Done", WFAlertActionTitle="Note")'),
    ],
)
def test_bare_arguments_stand_for_the_sentence_keys(plain, keywords):
    compiles_to(HEAD + plain + "\n", api.compile(HEAD + keywords + "\n"))


def test_labels_and_display_names_name_what_the_keys_name():
    plain = 'show_alert("Sure?", title="Check", show_cancel_button=False)\nshow_result("ok")\n'
    keywords = (
        'alert(WFAlertActionMessage="Sure?", WFAlertActionTitle="Check", WFAlertActionCancelButtonShown=False)\n'
        'showresult(Text="ok")\n'
    )
    compiles_to(HEAD + plain, api.compile(HEAD + keywords))
    # Decompiling writes the function's name and every value by its keyword name:
    # the display name and bare arguments are one way.
    code = api.decompile(api.compile(HEAD + plain))
    assert 'alert(title="Check", message="Sure?", show_cancel_button=False)' in code and "show_alert" not in code


def test_the_input_is_the_bare_argument_of_an_action_without_a_sentence():
    entry = catalog.entry("is.workflow.actions.detect.dictionary")
    assert entry.positional == (entry.input_parameter,)
    compiles_to(HEAD + 'd = detect_dictionary("{}")\n', api.compile(HEAD + 'd = detect_dictionary(WFInput="{}")\n'))


def test_choices_and_switches_are_never_bare():
    entry = catalog.entry("is.workflow.actions.ask")
    assert "WFInputType" not in entry.positional  # the sentence is "Ask for [type] with [prompt]"
    assert entry.positional == ("WFAskActionPrompt",)


@pytest.mark.parametrize(
    "code, column, words",
    [
        ('showresult("a", "b")\n', 17, "found 2 bare arguments, but showresult() takes at most 1 (Text)"),
        ("getbatterylevel(1)\n", 17, "takes every value by name"),
        ("alert(*items)\n", 7, "found *arguments"),
        ('alert("a", WFAlertActionMessage="b")\n', 12, "found the key 'WFAlertActionMessage' twice"),
    ],
)
def test_bare_arguments_that_cannot_be_placed_are_errors_at_their_place(code, column, words):
    with pytest.raises(CompileError) as raised:
        api.compile(HEAD + "items = [1]\n" + code)
    assert words in raised.value.message
    assert (raised.value.line, raised.value.column) == (3, column)


def test_a_display_name_is_only_an_alias_for_a_built_in_action():
    aliases = catalog.display_aliases()
    assert aliases["show_result"] == "is.workflow.actions.showresult"
    assert aliases["get_contents_of_url"] == "is.workflow.actions.downloadurl"
    for alias, identifier in aliases.items():
        entry = catalog.entry(identifier)
        assert "wfactions" in entry.sources, alias
        assert catalog.identifier(alias) in (None, identifier), alias  # never hides a function name


def test_a_short_name_with_underscores_between_its_words_is_that_action():
    assert catalog.identifier_by_alias("get_battery_level") == "is.workflow.actions.getbatterylevel"
    assert catalog.identifier_by_alias("set_clipboard") == "is.workflow.actions.setclipboard"
    compiles_to(HEAD + "set_clipboard(\"x\")\n", api.compile(HEAD + "setclipboard(WFInput=\"x\")\n"))
    assert catalog.identifier_by_alias("no_such_action") is None


@pytest.mark.parametrize(
    "code, words",
    [
        ('choose_from_menu("What?")\n', "match menu("),
        ("conditional(WFCondition=100)\n", "`if` statement"),
        ("is_workflow_actions_repeat_each(WFInput=_)\n", "for item in items"),
    ],
)
def test_a_block_action_called_on_its_own_is_refused(code, words):
    with pytest.raises(CompileError) as raised:
        api.compile(HEAD + code)
    assert words in raised.value.message and raised.value.line == 2


def test_a_lone_block_piece_in_a_file_goes_round_by_its_identifier():
    from .harness import act, exact, root_of

    exact(root_of(act("conditional", {"WFCondition": 100})), 'action("is.workflow.actions.conditional", input=_, condition=100)')


def test_a_key_spelt_like_a_label_keyword_goes_round_in_starred_keys():
    """`text` is the label keyword of an If's WFConditionalActionString: a real key
    "text" on the action is written **{"text": ...}, never as text=."""
    from .harness import act, exact, root_of

    entry = catalog.entry("is.workflow.actions.alert")
    assert catalog.keyword_names(entry)["title"] == "WFAlertActionTitle"
    root = root_of(act("alert", {"WFAlertActionMessage": "m", "title": "a key of its own"}))
    exact(root, 'alert(message="m", **{"title": "a key of its own"})')


@pytest.mark.parametrize(
    "plain, keywords",
    [
        # No label in the app: the key's words without WF, in snake case.
        ('ask(prompt="Age?", input_type="Number")', 'ask(WFAskActionPrompt="Age?", WFInputType="Number")'),
        # Without the words the action's name says (getitemfromlist: "item").
        ('getitemfromlist(index=2, WFInput=[1, 2])', 'getitemfromlist(WFItemIndex=2, WFInput=[1, 2])'),
        ('getitemfromlist(item_index=2, WFInput=[1, 2])', 'getitemfromlist(WFItemIndex=2, WFInput=[1, 2])'),
        ('sendmessage(content="Hi", WFSendMessageActionRecipients=["5"])', 'sendmessage(WFSendMessageContent="Hi", WFSendMessageActionRecipients=["5"])'),
        ('downloadurl(url="https://a.b", http_method="POST")', 'downloadurl(WFURL="https://a.b", WFHTTPMethod="POST")'),
    ],
)
def test_a_keyword_may_be_the_keys_own_words_in_snake_case(plain, keywords):
    compiles_to(HEAD + plain + "\n", api.compile(HEAD + keywords + "\n"))


def test_a_label_wins_over_another_keys_words():
    """Format Date labels WFDateFormatStyle "Date Format"; WFDateFormat's own words
    would say date_format too: the keyword is the label's."""
    names = catalog.keyword_names(catalog.entry("is.workflow.actions.format.date"))
    assert names["date_format"] == "WFDateFormatStyle" and names["format"] == "WFDateFormat"


def test_a_name_two_keys_would_share_names_neither():
    entry = catalog.Entry(
        identifier="com.example.app.Act", function_name="com_example_app_Act", display_name="Act", app=None, bundle=None,
        categories=(), description="", inferred=True, sources=(), input_parameter=None, output_name=None, output_type=None,
        parameters=tuple(catalog.Parameter(key=key, label="", type="text", cls=None, enum=None, default=catalog.MISSING,
                                           required=False, is_input=False, inferred=True, seen=(), shared_from=None,
                                           type_source="") for key in ("WFTitle", "Title", "WFNoteBody")),
        keywords=(), starred_keys=(), positional=(),
    )
    assert catalog._keyword_names_of(entry) == {"note_body": "WFNoteBody"}


def test_decompiling_writes_keyword_names_and_the_workflowbench_dialect_the_keys():
    root = api.compile(HEAD + 'age = ask(WFAskActionPrompt="Age?", WFInputType="Number")\nshowresult(Text=age)\n')
    assert 'age = ask(prompt="Age?", input_type="Number")\nshowresult(result=age)\n' in api.decompile(root)
    bench = api.decompile(root, dialect="workflowbench")
    assert "WFAskActionPrompt=" in bench and "prompt=" not in bench.replace("WFAskActionPrompt=", "")


def test_every_written_keyword_reads_back_as_its_key():
    """For every action of the catalog: the keyword decompiling writes for a key is
    no key of the action and names that key alone, so the call reads back the same."""
    for entry in catalog.all_entries():
        keys = set(entry.parameter_keys)
        names = catalog.keyword_names(entry)
        written = catalog.written_keywords(entry)
        assert len(set(written.values())) == len(written), entry.identifier
        for key, keyword in written.items():
            assert keyword not in keys and names[keyword] == key, (entry.identifier, key, keyword)


@pytest.mark.parametrize(
    "name, code",
    [
        ("Backup", 'runworkflow(workflow=shortcut_named("Backup", "AB"), input=_)'),  # said once
        ("Other", 'runworkflow(workflow=shortcut_named("Backup", "AB"), name="Other", input=_)'),
        (None, 'runworkflow(workflow=shortcut_named("Backup", "AB"), input=_, name=None)'),
    ],
)
def test_run_shortcut_names_its_shortcut_once(name, code):
    from .harness import act, exact, root_of

    params = {"WFWorkflow": {"workflowIdentifier": "AB", "workflowName": "Backup", "isSelf": False}}
    if name is not None:
        params["WFWorkflowName"] = name
    exact(root_of(act("runworkflow", params)), code)


def test_a_hand_written_run_shortcut_gets_the_name_the_app_writes():
    action = api.compile(HEAD + 'runworkflow(workflow=shortcut_named("Backup", "AB"))\n')["WFWorkflowActions"][0]
    assert action["WFWorkflowActionParameters"]["WFWorkflowName"] == "Backup"
    bench = api.decompile(api.compile(HEAD + 'runworkflow(workflow=shortcut_named("Backup", "AB"))\n'), dialect="workflowbench")
    assert "WFWorkflowName='''Backup'''" in bench  # the dialect keeps both, as its data does


@pytest.mark.parametrize(
    "python, actions",
    [
        ('print("hi")\n', 'showresult(Text="hi")\n'),
        ('x = input("Name?")\nprint("Hello", x)\n', 'x = ask(WFAskActionPrompt="Name?")\nshowresult(Text=f"Hello {x}")\n'),
        ('n = 3\nprint(n, "items", f"for {n}", sep=", ")\n', 'n = 3\nshowresult(Text=f"{n}, items, for {n}")\n'),
        ('x = input()\n', "x = ask()\n"),
        ('print(input("Name?"))\n', 'showresult(Text=ask(WFAskActionPrompt="Name?"))\n'),
        ('n = 3\nprint("n is", n, True, None)\nprint(2.5)\n', 'n = 3\nshowresult(Text=f"n is {n} True None")\nshowresult(Text="2.5")\n'),
        ('n = 3\nprint(n, end="")\nprint("a", n, sep="-", end="!\\n")\n', 'n = 3\nshowresult(Text=n)\nshowresult(Text=f"a-{n}!")\n'),
    ],
)
def test_print_and_input_are_show_result_and_ask_for_input(python, actions):
    compiles_to(HEAD + python, api.compile(HEAD + actions))


@pytest.mark.parametrize(
    "python, words",
    [
        ("print()\n", "nothing to show"),
        ('print("a", end=x)\n', "print(end=...)"),
        ('print(*["a"])\n', "one by one"),
        ('x = input("a", "b")\n', "more than a prompt"),
    ],
)
def test_print_and_input_beyond_what_the_actions_do_are_refused(python, words):
    with pytest.raises(CompileError, match=re.escape(words)):
        api.compile(HEAD + python)
