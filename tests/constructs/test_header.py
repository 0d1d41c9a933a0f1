"""shortcut(...): the compact forms of the header, each exact both ways."""

import ast

import pytest

from shortcuts2py import api, ir
from shortcuts2py.constructs.header import EVERY_INPUT
from shortcuts2py.errors import CompileError

HEAD = "from s2py_actions import *\n\n"
BODY = "vibrate()\n"


def _header(**keys) -> dict:
    """A new shortcut's plist with some top-level keys changed (None: taken out)."""
    return _changed(api.compile(HEAD + BODY), keys)


def _changed(plist: dict, keys: dict) -> dict:
    """``plist`` with some top-level keys changed (None: taken out)."""
    for key, value in keys.items():
        if value is None:
            plist.pop(key)
        else:
            plist[key] = value
    return plist


def _exact(plist: dict, line: str) -> None:
    code = api.decompile(plist)
    header = ast.parse(code).body[1]  # after the import
    assert ast.unparse(header) == ast.unparse(ast.parse(line)), code
    assert api.compile(code) == plist


ALL_BUT_APP_FOLDER = [c for c in EVERY_INPUT if c not in ("WFAppContentItem", "WFFolderContentItem")]


@pytest.mark.parametrize(
    "classes, line",
    [
        (ALL_BUT_APP_FOLDER, 'shortcut(inputs="all but App Folder")'),
        (list(EVERY_INPUT[1:]), 'shortcut(inputs="all but App")'),
        (["WFStringContentItem", "WFURLContentItem"], 'shortcut(inputs="String URL")'),
        # another order than the app's: only the plain list says it
        (["WFURLContentItem", "WFStringContentItem"], 'shortcut(inputs="URL String")'),
        # classes named "all" and "but" must not read as the short form
        (["WFallContentItem", "WFbutContentItem"], 'shortcut(inputs=["WFallContentItem", "WFbutContentItem"])'),
    ],
)
def test_input_types_as_every_type_but_a_few(classes, line):
    _exact(_header(WFWorkflowInputContentItemClasses=classes), line)


def test_all_but_an_unknown_type_is_refused():
    with pytest.raises(CompileError, match="all but"):
        api.compile(HEAD + 'shortcut(inputs="all but Spaceship")\n' + BODY)


ASK = "WFWorkflowNoInputBehaviorAskForInput"


@pytest.mark.parametrize(
    "parameters, line",
    [
        ({"ItemClass": "WFStringContentItem"}, 'shortcut(no_input=("AskForInput", "String"))'),
        (
            {"ItemClass": "WFDateContentItem", "SerializedParameters": {"WFDateActionMode": "Specified Date"}},
            'shortcut(no_input=("AskForInput", "Date", {"WFDateActionMode": "Specified Date"}))',
        ),
        # other shapes keep the dict: a string of serialized parameters, another key
        (
            {"ItemClass": "WFDateContentItem", "SerializedParameters": "x"},
            'shortcut(no_input=("AskForInput", {"ItemClass": "WFDateContentItem", "SerializedParameters": "x"}))',
        ),
        ({"ItemClass": "WFStringContentItem", "Other": 1}, 'shortcut(no_input=("AskForInput", {"ItemClass": "WFStringContentItem", "Other": 1}))'),
    ],
)
def test_ask_for_input_names_its_type(parameters, line):
    _exact(_header(WFWorkflowNoInputBehavior={"Name": ASK, "Parameters": parameters}, **NO_INPUT_MINIMUM), line)


# What the app writes beside a no-input behaviour (header.NO_INPUT_MINIMUM).
NO_INPUT_MINIMUM = {"WFWorkflowMinimumClientVersion": 1113, "WFWorkflowMinimumClientVersionString": "1113"}
STOP = {"Name": "WFWorkflowNoInputBehaviorShowError", "Parameters": {}}


def test_a_no_input_behaviour_implies_the_minimum_version_the_app_writes_with_it():
    _exact(_header(WFWorkflowNoInputBehavior=STOP, **NO_INPUT_MINIMUM), 'shortcut(no_input="ShowError")')
    # another minimum beside it is said, and so is the one a shortcut without the behaviour has
    _exact(_header(WFWorkflowNoInputBehavior=STOP), 'shortcut(no_input="ShowError", min_version=900)')
    _exact(_header(**NO_INPUT_MINIMUM), "shortcut(min_version=1113)")


def test_hand_written_no_input_gets_the_minimum_version_the_app_would_write():
    plist = api.compile(HEAD + 'shortcut(no_input="ShowError")\n' + BODY)
    assert plist["WFWorkflowMinimumClientVersion"] == 1113 and plist["WFWorkflowMinimumClientVersionString"] == "1113"
    assert api.compile(HEAD + "shortcut()\n" + BODY)["WFWorkflowMinimumClientVersion"] == 900


@pytest.mark.parametrize(
    "icon, line",
    [
        ({"WFWorkflowIconStartColor": 463140863, "WFWorkflowIconGlyphNumber": 59511}, 'shortcut(icon=("blue", 59511))'),
        ({"WFWorkflowIconStartColor": 463140863, "WFWorkflowIconGlyphNumber": 61440}, 'shortcut(color="blue")'),
        ({"WFWorkflowIconStartColor": 2846468607, "WFWorkflowIconGlyphNumber": 59511}, "shortcut(glyph=59511)"),
        ({"WFWorkflowIconStartColor": 12, "WFWorkflowIconGlyphNumber": 59511}, "shortcut(icon=(12, 59511))"),
        ({"WFWorkflowIconGlyphNumber": 59511}, "shortcut(color=None, glyph=59511)"),
    ],
)
def test_icon_colour_and_glyph_in_one_keyword(icon, line):
    _exact(_header(WFWorkflowIcon=icon), line)


def _input(kind: str = "ExtensionInput") -> ir.Attachment:
    return ir.Attachment(ir.GlobalVariable(kind))


@pytest.mark.parametrize("body, reads", [
    ([], False),
    ([ir.Action("a", [("X", ir.Literal("x")), ("Y", ir.TokenAttachment(_input("Clipboard")))])], False),
    ([ir.Action("a", [("X", ir.TokenAttachment(_input()))])], True),
    ([ir.Action("a", [("X", ir.DictValue([("k", ir.ListValue([ir.TokenString(["a", _input()])]))]))])], True),
    ([ir.Action("a", [("X", ir.TokenAttachment(ir.Attachment(
        ir.NamedVariable("v"), [ir.Aggrandizement("K", [("F", ir.BareAttachment(_input()))])])))])], True),
    ([ir.Action("a", [("X", ir.TokenAttachment(ir.Attachment(ir.NamedVariable("v"), extra=[("E", ir.TokenAttachment(_input()))])))])], True),
    ([ir.Block("g", ir.Action("s", []), [ir.Section(None, [ir.Action("a", [("X", ir.TokenAttachment(_input()))])])], ir.Action("e", []))], True),
    ([ir.Block("g", ir.Action("s", []), [ir.Section(None, [])], ir.Action("e", [("X", ir.TokenAttachment(_input()))]))], True),
    ([ir.RawAction(ir.DictValue([("k", ir.TokenAttachment(_input()))]))], True),
])
def test_reads_shortcut_input_finds_the_input_wherever_it_is_read(body, reads):
    from shortcuts2py.constructs.header import reads_shortcut_input
    from shortcuts2py.naming import walk_actions, walk_value

    generic = any(isinstance(node, ir.GlobalVariable) and node.kind == "ExtensionInput"
                  for action, _ in walk_actions(body) for _, value in action.params for node in walk_value(value))
    assert reads_shortcut_input(body) == generic == reads


# Shortcuts as the app's old builds wrote them: no outputs, surfaces or input
# flags, and every input type but App and Folder.  Shortcuts 2 (builds 700-788) also
# wrote the icon's image data, empty without an image; Shortcuts 3 (1030-1092) the
# minimum version 900 with its string.
def _workflow_era(version, **keys) -> dict:
    from shortcuts2py.constructs.header import build_number, template

    plist = {"WFWorkflowActions": api.compile(HEAD + BODY)["WFWorkflowActions"]}
    plist.update(template(True, build=build_number(version)))
    plist["WFWorkflowClientVersion"] = version
    return _changed(plist, keys)


NO_IMAGE = {"WFWorkflowIconStartColor": 2846468607, "WFWorkflowIconGlyphNumber": 61440}


@pytest.mark.parametrize(
    "version, keys, line",
    [
        # an old build implies the key set of its time
        ("754", {}, 'shortcut(version="754")'),
        (700, {}, "shortcut(version=700)"),
        ("1050.22", {}, 'shortcut(version="1050.22")'),
        # what a build of that time would not write is said
        ("754", {"WFWorkflowIcon": NO_IMAGE}, 'shortcut(version="754", icon_image=None)'),
        ("1050.22", {"WFWorkflowMinimumClientVersionString": None}, 'shortcut(version="1050.22", min_version_string=None)'),
        # Shortcuts 2 wrote the minimum version's number alone
        ("784", {"WFWorkflowMinimumClientVersion": 411}, 'shortcut(version="784", min_version=411)'),
        (
            "784",
            {"WFWorkflowMinimumClientVersion": 411, "WFWorkflowMinimumClientVersionString": "411"},
            'shortcut(version="784", min_version=411, min_version_string="411")',
        ),
        # a build and its release in one keyword
        ("1050.22", {"WFWorkflowClientRelease": "3.0"}, 'shortcut(version=("1050.22", "3.0"))'),
    ],
)
def test_the_version_implies_the_key_set_of_its_time(version, keys, line):
    _exact(_workflow_era(version, **keys), line)


@pytest.mark.parametrize(
    "version, line",
    [
        # a later build with the old key set says so
        ("2607.1.3", 'shortcut(legacy=True, version="2607.1.3")'),
        # a negative number is no build (found by the fuzz campaign, input 2847 of campaign-2026-11-23g)
        (-2147483648, "shortcut(legacy=True, version=-2147483648)"),
    ],
)
def test_a_version_of_no_old_build_with_the_old_key_set_says_legacy(version, line):
    plist = _workflow_era(version)
    plist["WFWorkflowIcon"] = dict(NO_IMAGE)  # the set with no image data, no minimum version
    plist.pop("WFWorkflowMinimumClientVersion", None)
    plist.pop("WFWorkflowMinimumClientVersionString", None)
    _exact(plist, line)


@pytest.mark.parametrize("version, old", [("0754", True), ("", False), ("9" * 5000, False), ("1099.9", True), ("1100", False)])
def test_which_versions_are_old_builds(version, old):
    """Found by the fuzz campaign (input 5158 of campaign-2026-11-23h): a version of
    thousands of digits made int() refuse it."""
    from shortcuts2py.constructs.header import is_old_build

    assert is_old_build(version) is old


def test_an_old_build_with_a_new_key_set_says_legacy_false():
    plist = _header(WFWorkflowClientVersion="754")
    code = api.decompile(plist)
    assert 'shortcut(legacy=False, version="754")' in code
    assert api.compile(code) == plist


def test_a_version_pair_must_be_a_pair():
    with pytest.raises(CompileError, match=r"version=\(build, release\)"):
        api.compile(HEAD + 'shortcut(version=("1050.22", "3.0", "x"))\n' + BODY)


# --- spelling(...): the code's own settings, after the body ---------------------------


def test_settings_of_the_code_go_after_the_body_not_in_the_header():
    plist = _header(WFWorkflowClientVersion="3303.0.4")
    plist["WFWorkflowActions"].append(
        {"WFWorkflowActionIdentifier": "is.workflow.actions.gettext",
         "WFWorkflowActionParameters": {"WFTextActionText": {"Value": {"attachmentsByRange": {}, "string": "x"},
                                                             "WFSerializationType": "WFTextTokenString"}}}
    )
    code = api.decompile(plist)  # every text keeps its empty attachments: empty_ranges=True
    tree = ast.parse(code)
    assert ast.unparse(tree.body[1]) == ast.unparse(ast.parse('shortcut(version="3303.0.4")'))
    assert ast.unparse(tree.body[-1]) == "spelling(empty_ranges=True)"
    assert api.compile(code) == plist


def test_a_setting_of_the_code_in_the_header_is_refused_with_its_place():
    with pytest.raises(CompileError, match=r"expected it after the body as spelling\(names_as_shown=...\)"):
        api.compile(HEAD + "shortcut(names_as_shown=True)\n" + BODY)


def test_spelling_takes_only_its_settings():
    with pytest.raises(CompileError, match=r"found spelling\(version=...\), expected one of"):
        api.compile(HEAD + BODY + 'spelling(version="754")\n')


def test_the_earlier_spelling_of_the_minimum_version_still_compiles():
    old = api.compile('shortcut(version="784", minimum_version=411, minimum_version_string="411")\n')
    new = api.compile('shortcut(version="784", min_version=411, min_version_string="411")\n')
    assert old == new and new["WFWorkflowMinimumClientVersion"] == 411
