"""Typed stubs: valid for mypy, complete, and they resolve decompiled code."""

import json
import re

import pytest

mypy_api = pytest.importorskip("mypy.api")

from shortcuts2py import api, catalog, names  # noqa: E402
from shortcuts2py.stubs import STUB_FILE, stub_source, write_stubs  # noqa: E402

from .conftest import CORPUS, corpus_rows, needs_corpus  # noqa: E402


@pytest.fixture(scope="module")
def typings(tmp_path_factory):
    return write_stubs(tmp_path_factory.mktemp("typings")).parent


def run_mypy(paths, typings, tmp_path, monkeypatch, *options):
    monkeypatch.setenv("MYPYPATH", str(typings))
    args = ["--no-incremental", "--cache-dir", str(tmp_path / "cache"), "--show-error-codes", *options]
    out, err, status = mypy_api.run(args + [str(p) for p in paths])
    return out, status


def test_source_is_deterministic_and_exports_every_action():
    source = stub_source()
    assert source == stub_source()
    exported = set(re.findall(r"^    '([^']+)',$", source, flags=re.M))
    functions = {catalog.function_name(ident) for ident in catalog.all_identifiers()}
    assert functions <= exported
    assert {"var", "menu", "if_result", "ShortcutInput", "Variable"} <= exported


def test_mypy_strict_accepts_the_stub(typings, tmp_path, monkeypatch):
    out, status = run_mypy([typings / STUB_FILE], typings, tmp_path, monkeypatch, "--strict")
    assert status == 0, out


def test_enum_parameters_are_literal_types(typings, tmp_path, monkeypatch):
    code = tmp_path / "wrong_enum.py"
    code.write_text(
        f"from {names.STUBS_MODULE} import *\n"
        "shortcut()\n"
        'value = is_workflow_actions_getvalueforkey(WFGetDictionaryValueType="All Keys")\n'
        'other = is_workflow_actions_getvalueforkey(WFGetDictionaryValueType="Every Key")\n',
        encoding="utf-8",
    )
    out, status = run_mypy([code], typings, tmp_path, monkeypatch)
    assert status == 1
    assert [line.split(":")[1] for line in out.splitlines() if ": error:" in line] == ["4"], out


def test_misspelt_keywords_are_errors_and_valid_calls_pass(typings, tmp_path, monkeypatch):
    code = tmp_path / "keywords.py"
    code.write_text(
        f"from {names.STUBS_MODULE} import *\n"
        "shortcut()\n"
        'text = is_workflow_actions_gettext(WFTextActionText="hi", CustomOutputName="Greeting", ShowWhenRun=False)\n'
        "parts = is_workflow_actions_text_split(\n"
        '    WFTextSeparator="Custom", WFTextCustomSeparator=",", text=text, **{"Show-text": True}\n'
        ")\n"
        'is_workflow_actions_alert(WFAlertActionTitle="t", WFAlertActionCancelButonShown=True)\n'
        'is_workflow_actions_gettext(WFTextActionTxt="hi")\n'
        'is_workflow_actions_gettext(WFTextActionText="hi", CustomOutputNme="x")\n'
        'is_workflow_actions_text_split(WFTextSeperator="Custom", **{"Show-text": True})\n'
        'is_workflow_actions_alert(**{"Show-WFAlertActionTitle": True})\n',
        encoding="utf-8",
    )
    out, status = run_mypy([code], typings, tmp_path, monkeypatch)
    errors = [line for line in out.splitlines() if ": error:" in line]
    # Lines 3-6 are valid; 7-10 misspell a keyword; 11 gives a "Show-" flag to
    # an action whose real files never carry one, so it has no ** argument.
    assert sorted({int(line.split(":")[1]) for line in errors}) == [7, 8, 9, 10, 11], out
    assert "WFAlertActionCancelButtonShown" in errors[0] and "WFTextActionText" in errors[1]


def test_only_actions_with_non_name_keys_keep_a_star_argument():
    source = stub_source()
    starred = {line.split("(")[0][4:] for line in source.splitlines()
               if line.startswith("def ") and "**" in line and "Unpack[_GeneralKeys]" not in line}
    actions = {e.function_name: e for e in catalog.all_entries()}
    with_escape = {name for name, e in actions.items()
                   if e.starred_keys or any(not names.is_keyword_argument(p.key) for p in e.parameters)}
    assert starred & set(actions) == with_escape and with_escape
    assert not [line for line in source.splitlines()
                if line.startswith("def ") and line.split("(")[0][4:] in actions and ": Any) ->" in line]


def _action_names() -> set[str]:
    return {catalog.function_name(ident) for ident in catalog.all_identifiers()} | names.PSEUDO_FUNCTIONS


def _undefined(out: str) -> set[str]:
    return set(re.findall(r'Name "([^"]+)" is not defined', out))


def test_decompiled_example_resolves(typings, tmp_path, monkeypatch):
    from .test_cli import EXAMPLE

    code = tmp_path / "example.py"
    code.write_text(api.decompile(EXAMPLE), encoding="utf-8")
    out, status = run_mypy([code], typings, tmp_path, monkeypatch)
    assert status == 0, out


@needs_corpus
def test_decompiled_corpus_calls_all_resolve(typings, tmp_path, monkeypatch):
    seen, files = set(), []
    for row in corpus_rows():
        key = row.get("content_key") or row["sha256"]
        if key not in seen:
            seen.add(key)
            files.append(CORPUS / row["file"])
    written = []
    for index, path in enumerate(files[::20]):
        try:
            code = api.decompile(path)
        except api.DecompileError:
            continue
        target = tmp_path / f"case_{index:03d}.py"
        target.write_text(code, encoding="utf-8")
        written.append(target)
    out, _ = run_mypy(written, typings, tmp_path, monkeypatch)
    assert "import-not-found" not in out and "attr-defined" not in out, out
    # Every keyword decompiled code writes is one the stubs know (keyword names, keys, prop's keys).
    assert "[call-arg]" not in out, "\n".join(line for line in out.splitlines() if "[call-arg]" in line)
    # Names mypy cannot find are shortcut variables set by actions, never functions.
    assert not (_undefined(out) & _action_names()), json.dumps(sorted(_undefined(out) & _action_names()))
    called = set(re.findall(r"^\s*(?:\w+ = )?(\w+)\(", "".join(p.read_text(encoding="utf-8") for p in written), flags=re.M))
    assert called & _action_names(), "the sample calls no action at all"
