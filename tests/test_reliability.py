"""Regression tests for the reliability reproducers (issue 10).

Every file in ../shared/reliability/ (read at test time; skipped when ../shared
is absent) must end in one clear documented error, or succeed and go round
unchanged: never a traceback, an internal error, a position of 0, or changed
data.  The same promise is checked through the API and through the command line.

The reproducers written in code predate the current language, so their intent
is also kept here in today's syntax (nesting, huge integers, lone surrogates,
group labels), and the plist reproducers are complemented by a few made here.
Bugs in the core that are known and not fixed yet are marked xfail(strict=True)
with the bug named: a fix makes them pass, and then the mark must go.
"""

from __future__ import annotations

import json
import plistlib
import signal
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from shortcuts2py import api, cli, limits
from shortcuts2py.errors import CompileError, DecompileError

from .conftest import CORPUS

RELIABILITY = CORPUS.parent / "reliability"
DRIVER = "compile_flaky_with_keys_id_reuse_driver.py"

needs_reproducers = pytest.mark.skipif(not RELIABILITY.is_dir(), reason="../shared/reliability is absent")

# Known bugs of the core, by reproducer: (what fails, the bug and where it lives). "api" marks
# the round trip through the API, "cli" the command line's promise of no internal error.
KNOWN_BUGS = {
}


def _reproducers(code: bool, scope: str) -> list:
    if not RELIABILITY.is_dir():
        return []
    names = sorted(
        p.name for p in RELIABILITY.iterdir()
        if p.is_file() and p.suffix != ".md" and p.name != DRIVER and (p.suffix == ".py") == code
    )
    params = []
    for name in names:
        scopes, reason = KNOWN_BUGS.get(name, ((), ""))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if scope in scopes else []
        params.append(pytest.param(name, marks=marks, id=name))
    return params


SHORTCUT_FILES = _reproducers(code=False, scope="api")
CODE_FILES = _reproducers(code=True, scope="api")
SHORTCUT_FILES_CLI = _reproducers(code=False, scope="cli")
CODE_FILES_CLI = _reproducers(code=True, scope="cli")


# --------------------------------------------------------------------------- judges


def assert_clear(error: Exception, filename: str | None = None) -> None:
    """One line a person can act on; for code, placed at a real line and column."""
    text = str(error)
    assert text and "\n" not in text, repr(text)
    assert "Traceback" not in text
    if isinstance(error, CompileError):
        assert error.line >= 1 and error.column >= 1, text
        if filename is not None:
            assert text.startswith(f"{filename}:{error.line}:{error.column}: error: ")


def assert_round_trip(root: dict) -> None:
    """The documented promise for a shortcut that decompiles: the same data, the same code."""
    for keep_ids in (False, True):
        result = api.roundtrip(root, keep_ids=keep_ids)
        assert result.difference is None, f"keep_ids={keep_ids}: {result.difference}"
        assert result.fixpoint, f"keep_ids={keep_ids}: decompiling the result gives other code"


def shortcut_ends_well(data: bytes) -> None:
    try:
        root = api.load(data)
        api.decompile(root)
    except DecompileError as error:
        assert_clear(error)
        return
    assert_round_trip(root)
    api.render(root)
    api.dump(root)


def code_ends_well(code: str, filename: str = "case.py") -> None:
    """Compile, check and dump end in a CompileError or succeed; what compiles goes round."""
    try:
        api.check(code, filename=filename)
    except CompileError as error:
        assert_clear(error, filename)
    try:
        plist = api.compile(code, filename=filename)
    except CompileError as error:
        assert_clear(error, filename)
        return
    try:
        api.dump(plist)
    except CompileError as error:  # the plist writer knows no file or position
        assert_clear(error)
        assert error.message.startswith("cannot write the plist: ")
        return
    assert_round_trip(plist)


def cli_lines_are_clear(capsys, status: int, path: str) -> None:
    """Exit 0 or 1; every line on stderr names the file and none reports an internal error."""
    err = capsys.readouterr().err
    assert status in (0, 1), err
    for line in err.splitlines():
        assert line.startswith(path), line
        assert "internal error" not in line and "Traceback" not in line, line


# --------------------------------------------------------------------------- the reproducers


@needs_reproducers
@pytest.mark.parametrize("name", SHORTCUT_FILES)
def test_shortcut_reproducer_ends_in_an_error_or_a_round_trip(name):
    shortcut_ends_well((RELIABILITY / name).read_bytes())


@needs_reproducers
@pytest.mark.parametrize("name", CODE_FILES)
def test_code_reproducer_ends_in_an_error_or_a_round_trip(name):
    path = RELIABILITY / name
    code_ends_well(path.read_text(encoding="utf-8"), filename=path.name)


@needs_reproducers
@pytest.mark.parametrize("name", SHORTCUT_FILES_CLI)
def test_cli_decompiles_and_round_trips_each_shortcut_reproducer(name, tmp_path, capsys):
    path = str(RELIABILITY / name)
    cli_lines_are_clear(capsys, cli.main(["decompile", path, "-o", str(tmp_path), "-j", "1"]), path)
    status = cli.main(["roundtrip", path, "-j", "1", "--json"])
    out = capsys.readouterr().out.splitlines()
    assert status in (0, 1)
    row = json.loads(out[0])
    assert "internal error" not in (row["difference"] or "")


@needs_reproducers
@pytest.mark.parametrize("name", CODE_FILES_CLI)
def test_cli_compiles_and_checks_each_code_reproducer(name, tmp_path, capsys):
    path = str(RELIABILITY / name)
    cli_lines_are_clear(capsys, cli.main(["compile", path, "-o", str(tmp_path / "out.shortcut"), "-j", "1"]), path)
    status = cli.main(["check", path])
    out = capsys.readouterr()
    assert status in (0, 1)
    assert "internal error" not in out.err and "Traceback" not in out.err


@needs_reproducers
def test_compiling_one_code_twenty_times_in_a_process_always_succeeds():
    driver = RELIABILITY / DRIVER
    run = subprocess.run([sys.executable, str(driver)], capture_output=True, text=True, timeout=300,
                         cwd=Path(__file__).resolve().parents[1])
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "20 ok of 20"


@needs_reproducers
def test_every_reproducer_is_covered():
    """A new reproducer in the shared folder is picked up, and no known bug names a file that went."""
    present = {p.name for p in RELIABILITY.iterdir() if p.suffix != ".md"}
    assert set(KNOWN_BUGS) <= present
    assert len(SHORTCUT_FILES) + len(CODE_FILES) + 1 == len(present)


# --------------------------------------------------------------------------- today's language

_ACTION = "is_workflow_actions_gettext"


def _nested(depth: int, shape: str) -> str:
    """Code whose one value nests ``depth`` levels in one way."""
    if shape == "list":
        value = "[" * depth + '"x"' + "]" * depth
    elif shape == "dict":
        value = '{"k": ' * depth + '"x"' + "}" * depth
    elif shape == "subscript":
        value = "ShortcutInput" + '["k"]' * depth
    elif shape == "coercion":
        value = "ShortcutInput" + '.as_type("WFStringContentItem")' * depth
    elif shape == "fstring":
        value = "f'{ShortcutInput}" + "x" * depth + "'"
    else:
        raise AssertionError(shape)
    return f"shortcut()\nx = {_ACTION}(WFTextActionText={value})\n"


def _nested_blocks(depth: int, opener: str) -> str:
    lines = ["shortcut()"]
    for level in range(depth):
        lines.append("    " * level + opener)
    lines.append("    " * depth + f"{_ACTION}(WFTextActionText=\"x\")")
    return "\n".join(lines) + "\n"


# A chain deeper than the compiler can read (it runs out of stack itself) is refused as a whole;
# up to there, the writer walks chains in a loop and keeps them within CPython's bracket limit.
@pytest.mark.parametrize("shape, depth", [
    (shape, depth)
    for shape in ("list", "dict", "subscript", "coercion")
    for depth in (10, 120, 245, 331, 495, 985, 3000)
])
def test_nested_values_in_code_end_well(shape, depth):
    code_ends_well(_nested(depth, shape))


def test_integer_beyond_the_plist_range_is_refused_at_the_literal():
    code = f"shortcut()\nx = {_ACTION}(WFTextActionText=99999999999999999999999999999)\n"
    with pytest.raises(CompileError) as raised:
        api.compile(code, filename="case.py")
    assert (raised.value.line, raised.value.column) == (2, code.splitlines()[1].index("9") + 1)


@pytest.mark.parametrize("depth", [10, 99, 101, 331])
@pytest.mark.parametrize("opener", ["if ShortcutInput:", "for item in ShortcutInput:"])
def test_nested_blocks_in_code_end_well(opener, depth):
    code_ends_well(_nested_blocks(depth, opener))


@pytest.mark.parametrize("literal", [
    "99999999999999999999999999999", "-99999999999999999999999999999", "2**64", "1e400",
    '"\\ud800"', '"a\\udc80b"', 'f"{ShortcutInput}\\ud800"', 'b"\\xff"', '"\\x00"',
])
def test_values_no_plist_can_hold_end_in_a_compile_error_or_a_round_trip(literal):
    code_ends_well(f"shortcut()\nx = {_ACTION}(WFTextActionText={literal})\n")


def test_group_label_with_a_lone_surrogate_is_refused_where_it_is_written():
    code = f'shortcut()\n{_ACTION}(GroupingIdentifier=group("\\udc80"), WFControlFlowMode=0)\n'
    with pytest.raises(CompileError) as raised:
        api.compile(code, filename="case.py")
    assert (raised.value.line, raised.value.column) != (1, 1)
    assert "surrogate" in raised.value.message


@pytest.mark.parametrize("call", ['missing_output("\\udc80", "x")', 'missing_output("a", "\\udc80")'])
def test_a_missing_output_with_a_lone_surrogate_is_refused_where_it_is_written(call):
    """Found by the fuzz campaign: the label reached the id hash and failed there."""
    code = f"shortcut()\nshowresult(Text={call})\n"
    with pytest.raises(CompileError) as raised:
        api.compile(code, filename="case.py")
    assert raised.value.line == 2 and "surrogate" in raised.value.message


@pytest.mark.parametrize("code", [
    "shortcut()\nx = 5\n",
    f"shortcut()\nx = {_ACTION}()\nx = 5\n",
    f"shortcut()\n{_ACTION}(\n",
    "shortcut(\n",
    "",
    "\n\n\n",
    "\x00",
    "shortcut()\n\tx = 1\n",
    f"shortcut()\nfrom s2py_actions import *\n{_ACTION}()\n",
])
def test_compile_errors_are_placed_at_a_real_position(code):
    code_ends_well(code)


# --------------------------------------------------------------------------- plists made here


def _shortcut(value, key: str = "WFTextActionText") -> dict:
    return {"WFWorkflowActions": [{
        "WFWorkflowActionIdentifier": "is.workflow.actions.gettext",
        "WFWorkflowActionParameters": {key: value},
    }]}


@pytest.mark.parametrize("shape", [list, dict])
def test_values_nested_to_the_depth_limit_go_round(shape):
    """The limit promises every later stage can recurse to MAX_DEPTH: check it end to end."""
    value = "x"
    for _ in range(limits.MAX_DEPTH - 4):  # root, action list, action, parameters
        value = [value] if shape is list else {"k": value}
    assert_round_trip(_shortcut(value))


@pytest.mark.parametrize("shape", [list, dict])
def test_values_nested_past_the_depth_limit_are_refused(shape):
    value = "x"
    for _ in range(limits.MAX_DEPTH):
        value = [value] if shape is list else {"k": value}
    with pytest.raises(DecompileError) as raised:
        api.decompile(_shortcut(value))
    assert_clear(raised.value)


def test_recursion_deep_inside_a_stage_becomes_a_decompile_error(monkeypatch):
    """Whatever a stage does with deep values, the API raises only its own errors."""
    from shortcuts2py import lift

    def too_deep(root):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(lift, "lift_workflow", too_deep)
    with pytest.raises(DecompileError) as raised:
        api.decompile(_shortcut("x"))
    assert_clear(raised.value)


def test_recursion_deep_inside_a_stage_becomes_a_compile_error(monkeypatch):
    from shortcuts2py import parse

    def too_deep(code, filename, problems=None):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(parse, "parse_workflow", too_deep)
    for call in (api.compile, api.compile_checked):
        with pytest.raises(CompileError) as raised:
            call("shortcut()\n", filename="deep.py")
        assert_clear(raised.value, "deep.py")


def test_header_extras_keep_their_order():
    root = {"X-Custom": [], "WFWorkflowHasOutputFallback": False, "WFQuickActionSurfaces": [],
            "WFWorkflowActions": [], "WFWorkflowOutputContentItemClasses": {"a": 1}}
    assert_round_trip(root)


def test_header_value_referring_to_an_action_output_goes_round():
    root = {"WFWorkflowActions": [{"WFWorkflowActionIdentifier": "is.workflow.actions.gettext",
                                   "WFWorkflowActionParameters": {"UUID": "U1"}}],
            "WFWorkflowClientVersion": {"Value": {"Type": "ActionOutput", "OutputUUID": "U1"},
                                        "WFSerializationType": "WFTextTokenAttachment"}}
    assert_round_trip(root)


def test_repeat_each_with_an_extra_parameter_goes_round():
    def action(identifier, **params):
        return {"WFWorkflowActionIdentifier": "is.workflow.actions." + identifier,
                "WFWorkflowActionParameters": params}

    source = {"Value": {"Type": "ActionOutput", "OutputUUID": "T1", "OutputName": "Text"},
              "WFSerializationType": "WFTextTokenAttachment"}
    item = {"Value": {"Type": "Variable", "VariableName": "Repeat Item"},
            "WFSerializationType": "WFTextTokenAttachment"}
    root = {"WFWorkflowActions": [
        action("gettext", UUID="T1", WFTextActionText="a"),
        action("repeat.each", GroupingIdentifier="G", WFControlFlowMode=0, WFInput=source, X=1),
        action("showresult", Text=item),
        action("repeat.each", GroupingIdentifier="G", WFControlFlowMode=2),
    ]}
    assert_round_trip(root)


def test_check_of_a_dictionary_whose_type_is_not_a_string():
    """Found by the campaign: catalog.literal_kind hashed whatever it found under "Type"."""
    code = f'shortcut()\nx = {_ACTION}(WFTextActionText={{"Type": [1]}})\n'
    assert all(finding.severity in ("error", "warning") for finding in api.check(code))


@contextmanager
def _at_most(seconds: float):
    """Fail instead of hanging: a regression here would otherwise stop the whole suite."""

    def expired(signum, frame):
        raise AssertionError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("custom", ["is.workflow.actions.gettext", "is_workflow_actions_x", "Repeat_Item",
                                    "print", "if"])
def test_output_names_that_no_number_makes_usable_do_not_hang(custom):
    """Found by the campaign: naming._unique counted forever when no `name_N` could be used
    (an output named like a catalog function, `is_workflow_actions_...`)."""
    reference = {"Value": {"Type": "ActionOutput", "OutputUUID": "U", "OutputName": custom},
                 "WFSerializationType": "WFTextTokenAttachment"}
    root = {"WFWorkflowActions": [
        {"WFWorkflowActionIdentifier": "is.workflow.actions.gettext",
         "WFWorkflowActionParameters": {"UUID": "U", "CustomOutputName": custom}},
        {"WFWorkflowActionIdentifier": "is.workflow.actions.showresult",
         "WFWorkflowActionParameters": {"Text": reference}},
    ]}
    with _at_most(20):
        assert_round_trip(root)


def test_an_id_used_as_a_group_and_as_an_action_goes_round():
    def action(identifier, **params):
        return {"WFWorkflowActionIdentifier": "is.workflow.actions." + identifier,
                "WFWorkflowActionParameters": params}

    root = {"WFWorkflowActions": [
        action("conditional", GroupingIdentifier="G3", WFControlFlowMode=0, WFCondition=100,
               WFInput={"Type": "Variable", "Variable": {"Value": {"Type": "ExtensionInput"},
                                                         "WFSerializationType": "WFTextTokenAttachment"}}),
        action("exit", UUID="G3"),
        action("conditional", GroupingIdentifier="G3", WFControlFlowMode=2),
    ]}
    assert_round_trip(root)


# --------------------------------------------------------------------------- found by the campaign
# Minimal forms of what benchmarks/fuzz.py found.  Each xfail names a core bug and where it lives.


def _act(identifier: str, **params) -> dict:
    return {"WFWorkflowActionIdentifier": "is.workflow.actions." + identifier,
            "WFWorkflowActionParameters": params}


def test_a_range_offset_of_thousands_of_digits_is_kept_as_written():
    """lift turned every offset of attachmentsByRange into an int, past Python's digit limit."""
    ranges = {"{" + "9" * 5000 + ", 1}": {"Type": "Clipboard"}}
    assert_round_trip({"WFWorkflowActions": [_act("gettext", WFTextActionText={
        "Value": {"string": "x", "attachmentsByRange": ranges}, "WFSerializationType": "WFTextTokenString"})]})


def test_a_condition_on_an_infinite_number_goes_round():
    code_ends_well("shortcut()\nif ShortcutInput == 1e400:\n    is_workflow_actions_gettext()\n")


def test_an_infinite_number_assigned_goes_round():
    code_ends_well("shortcut()\nnumber = 1e400\n")


def test_augmented_assignment_to_a_subscript_is_a_compile_error():
    code = 'shortcut()\nx = is_workflow_actions_gettext()\nx["k"] += [1]\n'
    code_ends_well(code)
    with pytest.raises(CompileError) as raised:
        api.compile(code, filename="case.py")
    assert (raised.value.line, raised.value.column) == (3, 1)
    assert "dictionary key" in raised.value.message and "setvalueforkey" in raised.value.message


def test_an_unknown_aggrandizement_inside_text_goes_round():
    attachment = {"Type": "ActionOutput", "OutputUUID": "U", "Aggrandizements": [{"Type": "a\nb"}]}
    assert_round_trip({"WFWorkflowActions": [_act("gettext", WFTextActionText={
        "Value": {"string": "\ufffc", "attachmentsByRange": {"{0, 1}": attachment}},
        "WFSerializationType": "WFTextTokenString"})]})


def test_a_menu_case_without_a_title_goes_round():
    group = {"GroupingIdentifier": "G"}
    assert_round_trip({"WFWorkflowActions": [
        _act("choosefrommenu", WFControlFlowMode=0, **group),
        _act("choosefrommenu", WFControlFlowMode=1, **group),
        _act("choosefrommenu", WFControlFlowMode=2, **group)]})


def test_a_no_input_behaviour_that_is_a_string_goes_round():
    assert_round_trip({"WFWorkflowActions": [], "WFWorkflowNoInputBehavior": "é"})


def test_workflow_types_that_are_a_string_go_round():
    """types="Watch" is short for a list of words, as no_input="X" is for a dictionary."""
    assert_round_trip({"WFWorkflowActions": [], "WFWorkflowTypes": "Watch"})


def test_an_empty_group_id_is_kept_with_keep_ids():
    root = {"WFWorkflowActions": [_act("conditional", GroupingIdentifier="")]}
    result = api.roundtrip(root, keep_ids=True)
    assert result.difference is None, result.difference


def test_a_text_in_its_plist_shape_stays_a_text_action():
    key = {"Value": {"string": "text"}, "WFSerializationType": "WFTextTokenString"}
    root = {"WFWorkflowActions": [
        {"WFWorkflowActionParameters": {"WFItems": {"Value": {"WFDictionaryFieldValueItems": [{"WFKey": key}]}}}},
        _act("gettext", WFTextActionText={"Value": {"attachmentsByRange": {}, "string": "x"},
                                          "WFSerializationType": "WFTextTokenString"}),
    ]}
    assert_round_trip(root)


# --------------------------------------------------------------------------- batches


def test_a_mixed_batch_converts_every_good_file_and_names_each_failure(tmp_path, capsys):
    """Unwritable outputs, an output equal to its input and bad files among good ones: every
    good file is converted, the exit status is 1, and each failure is one line naming its file."""
    good = {"good_1.plist": "one", "good_2.plist": "two"}
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in good.items():
        (folder / name).write_bytes(plistlib.dumps(_shortcut(text), fmt=plistlib.FMT_BINARY))
    (folder / "broken.plist").write_bytes(b"bplist00" + bytes(40))
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (folder / "cyclic.plist").write_bytes((RELIABILITY / "dec_cyclic_array.bplist").read_bytes()
                                           if RELIABILITY.is_dir() else b"bplist00")
    itself = folder / "itself.py"  # a shortcut named .py: its output would be itself
    itself.write_bytes(plistlib.dumps(_shortcut("self"), fmt=plistlib.FMT_BINARY))
    out = tmp_path / "out"
    (out / "good_2.py").mkdir(parents=True)  # a folder where the output file should go
    status = cli.main(["decompile", str(folder), str(itself), "-o", str(folder), "-j", "1", "--quiet"])
    err = capsys.readouterr().err.splitlines()
    assert status == 1
    assert itself.read_bytes().startswith(b"bplist00")  # never replaced by its own output
    assert {line.split(": error: ")[0] for line in err} == {
        str(folder / name) for name in ("broken.plist", "deep.json", "cyclic.plist")} | {str(itself)}
    assert len(err) == 4 and not any("internal error" in line for line in err)
    for name in good:
        assert (folder / name).with_suffix(".py").read_text(encoding="utf-8").startswith("from s2py_actions")

    status = cli.main(["decompile", str(folder / "good_1.plist"), str(folder / "good_2.plist"),
                       "-o", str(out), "-j", "1", "--quiet"])
    err = capsys.readouterr().err.splitlines()
    assert status == 1 and len(err) == 1 and err[0].startswith(str(folder / "good_2.plist") + ": error: cannot write")
    assert (out / "good_1.py").is_file()
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def test_an_output_folder_under_a_regular_file_fails_each_file_and_goes_on(tmp_path, capsys):
    source = tmp_path / "a.plist"
    source.write_bytes(plistlib.dumps(_shortcut("a"), fmt=plistlib.FMT_BINARY))
    other = tmp_path / "b.plist"
    other.write_bytes(plistlib.dumps(_shortcut("b"), fmt=plistlib.FMT_BINARY))
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    status = cli.main(["decompile", str(source), str(other), "-o", str(blocker / "sub"), "-j", "1", "--quiet"])
    err = capsys.readouterr().err.splitlines()
    assert status == 1 and len(err) == 2
    assert all(": error: cannot write " in line for line in err)


def test_compile_batch_reports_code_no_plist_can_hold_as_one_line(tmp_path, capsys):
    """The plist writer's refusal after a successful compile is one line naming the file."""
    good = tmp_path / "good.py"
    good.write_text(f'shortcut()\nx = {_ACTION}(WFTextActionText="a")\n', encoding="utf-8")
    huge = tmp_path / "huge.py"
    huge.write_text(f"shortcut()\nx = {_ACTION}(WFTextActionText=99999999999999999999999)\n", encoding="utf-8")
    deep = tmp_path / "deep.py"  # compiles, but nests deeper than a plist may
    deep.write_text(f"shortcut()\nx = {_ACTION}(WFTextActionText={'[' * 130}1{']' * 130})\n", encoding="utf-8")
    bad = tmp_path / "bad.py"
    bad.write_text("while True:\n    pass\n", encoding="utf-8")
    status = cli.main(["compile", str(tmp_path), "-o", str(tmp_path / "out"), "-j", "1", "--quiet"])
    err = [line for line in capsys.readouterr().err.splitlines() if ": error: " in line]
    assert status == 1
    assert (tmp_path / "out" / "good.shortcut").read_bytes().startswith(b"bplist00")
    assert not (tmp_path / "out" / "huge.shortcut").exists()
    assert not (tmp_path / "out" / "deep.shortcut").exists()
    assert any(line.startswith(f"{deep}: error: cannot write the plist: arrays and dictionaries nest") for line in err)
    assert any(line.startswith(f"{huge}:2:50: error: the integer written here is too large") for line in err)
    assert any(line.startswith(f"{bad}:1:1: error: ") for line in err)
    assert not any("internal error" in line or "<string>" in line for line in err)


def test_check_of_a_text_shape_without_a_string():
    """Found by the campaign: check matched a number pattern against a dict it took for text."""
    root = {"WFWorkflowActions": [{
        "WFWorkflowActionIdentifier": "com.apple.AccessibilityUtilities.AXSettingsShortcuts.AXToggleZoomIntent",
        "WFWorkflowActionParameters": {"state": {"WFSerializationType": "WFTextTokenString"}}}]}
    code = api.decompile(root)
    assert all(finding.severity in ("error", "warning") for finding in api.check(code))
    assert_round_trip(root)


def test_arithmetic_in_a_header_setting_ends_well():
    """Found by the campaign: arithmetic in a header setting reached parse.hoist with no
    statement to hoist before (IndexError)."""
    code_ends_well("shortcut(glyph=5*9678)\n")


def test_a_condition_on_nan_goes_round():
    group = {"GroupingIdentifier": "G"}
    assert_round_trip({"WFWorkflowActions": [
        _act("conditional", WFControlFlowMode=0, WFCondition="Is Greater Than", WFNumberValue=float("nan"), **group),
        _act("conditional", WFControlFlowMode=2, **group)]})


def test_an_empty_enumeration_in_a_filter_goes_round():
    template = {"Operator": 4, "Property": "Calendar",
                "Values": {"Enumeration": {"Value": [], "WFSerializationType": "WFStringSubstitutableState"}}}
    assert_round_trip({"WFWorkflowActions": [{"WFWorkflowActionParameters": {"WFContentItemFilter": {
        "Value": {"WFActionParameterFilterPrefix": 0, "WFActionParameterFilterTemplates": [template]},
        "WFSerializationType": "WFContentPredicateTableTemplate"}}}]})


def test_a_menu_without_menu_items_goes_round():
    group = {"GroupingIdentifier": "G"}
    assert_round_trip({"WFWorkflowActions": [
        _act("choosefrommenu", WFControlFlowMode=0, WFMenuPrompt="Which?", **group),
        _act("choosefrommenu", WFControlFlowMode=1, WFMenuItemTitle="A", **group),
        _act("choosefrommenu", WFControlFlowMode=1, WFMenuItemTitle="B", **group),
        _act("choosefrommenu", WFControlFlowMode=2, **group)]})


def test_outputs_never_made_are_labelled_in_the_order_the_code_shows_them():
    """Found by the campaign: a key that is no Python name comes first in the plist but is
    written last, in **{...}; labelling in plist order swapped missing_1 and missing_2 on
    the second decompile."""
    def missing(uuid: str) -> dict:
        return {"Value": {"Type": "ActionOutput", "OutputUUID": uuid, "OutputName": "Date"},
                "WFSerializationType": "WFTextTokenAttachment"}

    assert_round_trip({"WFWorkflowActions": [{  # an action the catalog lacks keeps the plist's order
        "WFWorkflowActionIdentifier": "com.example.unknown",
        "WFWorkflowActionParameters": {"Odd-Key": missing("A"), "Date": missing("B")}}]})


def test_an_empty_id_on_a_middle_piece_of_a_block_is_kept():
    """Found by the campaign: an Otherwise whose UUID is "" counted as carrying no id,
    so the block kept ids only on its start and the empty one was dropped."""
    group = {"GroupingIdentifier": "G"}
    assert_round_trip({"WFWorkflowActions": [
        _act("conditional", WFControlFlowMode=0, WFCondition=100, UUID="A", **group),
        _act("vibrate"),
        _act("conditional", WFControlFlowMode=1, UUID="", **group),
        _act("vibrate"),
        _act("conditional", WFControlFlowMode=2, UUID="C", **group)]})


def test_a_case_title_reading_an_output_of_an_earlier_case_goes_round():
    """Found by the campaign: a case's settings were written at the menu's level, where
    an output assigned inside an earlier case looked readable; Python (and the compiler)
    does not see it there, so it must be ref("...")."""
    group = {"GroupingIdentifier": "G"}
    asked = {"Value": {"string": "\ufffc", "attachmentsByRange": {"{0, 1}": {
        "Type": "ActionOutput", "OutputUUID": "ASK", "OutputName": "Provided Input"}}},
        "WFSerializationType": "WFTextTokenString"}
    assert_round_trip({"WFWorkflowActions": [
        _act("choosefrommenu", WFControlFlowMode=0, WFMenuPrompt="Which?", WFMenuItems=["A", "B"], **group),
        _act("choosefrommenu", WFControlFlowMode=1, WFMenuItemTitle="A", **group),
        _act("ask", UUID="ASK", WFAskActionPrompt="What?"),
        _act("choosefrommenu", WFControlFlowMode=1, WFMenuItemTitle={"WFInput": asked}, **group),
        _act("choosefrommenu", WFControlFlowMode=2, **group)]})
