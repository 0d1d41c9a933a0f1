"""The s2py command: outputs, naming, exit codes and one-line errors."""

import json
import plistlib
from pathlib import Path

import pytest

from shortcuts2py import api
from shortcuts2py.cli import main

from .conftest import CORPUS, corpus_rows, needs_corpus

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "weather_note.shortcut"


def _shortcut(tmp_path: Path, name: str = "a.shortcut") -> Path:
    root = {
        "WFWorkflowActions": [
            {"WFWorkflowActionIdentifier": "is.workflow.actions.gettext",
             "WFWorkflowActionParameters": {"UUID": "11111111-2222-3333-4444-555555555555", "WFTextActionText": "hi"}},
        ],
        "WFWorkflowClientVersion": "1146",
    }
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(plistlib.dumps(root, fmt=plistlib.FMT_BINARY))
    return path


def test_decompile_one_file_prints_code(capsys):
    assert main(["decompile", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("from s2py_actions import *\n\nshortcut(") and "downloadurl(" in out


def test_decompile_directory_keeps_relative_paths(tmp_path):
    _shortcut(tmp_path / "in", "one.shortcut")
    _shortcut(tmp_path / "in" / "sub", "two.plist")
    assert main(["decompile", str(tmp_path / "in"), "-o", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "one.py").is_file()
    assert (tmp_path / "out" / "sub" / "two.py").is_file()


def test_compile_then_roundtrip(tmp_path, capsys):
    code = tmp_path / "w.py"
    code.write_text(api.decompile(EXAMPLE), encoding="utf-8")
    assert main(["compile", str(code), "-o", str(tmp_path / "w.shortcut")]) == 0
    assert (tmp_path / "w.shortcut").read_bytes().startswith(b"bplist00")
    assert main(["compile", str(code), "--xml", "-o", str(tmp_path / "x.shortcut")]) == 0
    assert (tmp_path / "x.shortcut").read_bytes().lstrip().startswith(b"<?xml")
    capsys.readouterr()
    assert main(["roundtrip", str(tmp_path / "w.shortcut"), str(EXAMPLE)]) == 0
    assert capsys.readouterr().out.strip().endswith("2 passed, 0 failed")


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (bytes(range(256)) * 3, "not a shortcut"),
        (plistlib.dumps({"a": 1}), "not a shortcut"),
    ],
)
def test_bad_input_is_one_line_and_the_rest_still_runs(tmp_path, capsys, content, message):
    bad = tmp_path / "in" / "bad.shortcut"
    bad.parent.mkdir()
    bad.write_bytes(content)
    _shortcut(tmp_path / "in", "good.shortcut")
    assert main(["decompile", str(tmp_path / "in"), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(bad) in err[0] and message in err[0]
    assert "Traceback" not in err[0]
    assert (tmp_path / "out" / "good.py").is_file()


@needs_corpus
def test_truncated_signed_file(tmp_path, capsys):
    signed = next(r for r in corpus_rows() if r["format"] == "aea-signed")
    data = (CORPUS / signed["file"]).read_bytes()
    bad = tmp_path / "cut.shortcut"
    bad.write_bytes(data[: len(data) // 2])
    assert main(["decompile", str(bad)]) == 1
    assert str(bad) in capsys.readouterr().err


@pytest.mark.parametrize(
    "code, where, words",
    [
        ("shortcut()\nx = is_workflow_actions_gettext(WFTextActionText=\"a\"\n", ":2:32:", "'(' was never closed"),
        ("shortcut()\nis_workflow_actions_showresult(Text=nowhere)\n", ":2:37:", "nowhere"),
        ("shortcut()\nno_such_action(A=1)\n", ":2:1:", "no_such_action"),
    ],
)
def test_compile_errors_name_file_line_and_column(tmp_path, capsys, code, where, words):
    path = tmp_path / "bad.py"
    path.write_text(code, encoding="utf-8")
    assert main(["compile", str(path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith(f"{path}{where}") and ": error: " in err[0] and words in err[0]


def test_usage_errors_exit_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["decompile"])
    assert exit_info.value.code == 2
    assert main(["decompile", str(tmp_path / "missing.shortcut")]) == 2


def test_roundtrip_reports_failures_and_json(tmp_path, capsys):
    good = _shortcut(tmp_path, "good.shortcut")
    (tmp_path / "bad.shortcut").write_bytes(b"nonsense")
    assert main(["roundtrip", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "FAIL" in out and out.strip().endswith("1 passed, 1 failed")
    assert main(["roundtrip", "--json", str(good)]) == 0
    assert '"passed": 1' in capsys.readouterr().out


def test_check_reports_and_exits_1_on_errors(tmp_path, capsys):
    bad = tmp_path / "src" / "bad.py"
    bad.parent.mkdir()
    bad.write_text('shortcut()\nis_workflow_actions_alert(WFAlertActionCancelButtonShown="yes")\n', encoding="utf-8")
    (tmp_path / "src" / "good.py").write_text("shortcut()\nis_workflow_actions_alert()\n", encoding="utf-8")
    assert main(["check", str(tmp_path / "src")]) == 1
    captured = capsys.readouterr()
    assert captured.out == (
        f"{bad}:2:58: error: is_workflow_actions_alert(WFAlertActionCancelButtonShown=...): found a string, expected True or False\n"
        "1 errors, 0 warnings in 2 files\n"
    )
    assert main(["check", str(tmp_path / "src" / "good.py")]) == 0


def test_check_json_and_missing_path(tmp_path, capsys):
    code = tmp_path / "a.py"
    code.write_text("shortcut()\nis_workflow_actions_nope()\n", encoding="utf-8")
    assert main(["check", "--json", str(code)]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines[0]["line"] == 2 and lines[0]["severity"] == "error", lines
    assert lines[-1] == {"files": 1, "errors": 1, "warnings": 0, "unreadable": 0}
    assert main(["check", str(tmp_path / "absent.py")]) == 2


def test_decompiled_example_checks_clean(tmp_path, capsys):
    assert main(["decompile", str(EXAMPLE), "-o", str(tmp_path / "example.py")]) == 0
    assert main(["check", str(tmp_path / "example.py")]) == 0
    assert capsys.readouterr().out == "0 errors, 0 warnings in 1 files\n"


def test_catalog_search_and_show(capsys):
    assert main(["catalog", "search", "get", "dictionary", "value", "--limit", "3"]) == 0
    assert "getvalueforkey  Get Dictionary Value" in capsys.readouterr().out
    assert main(["catalog", "show", "is.workflow.actions.getvalueforkey"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("getvalueforkey(") and "also: is_workflow_actions_getvalueforkey" in page
    assert "one of: 'Value', 'All Keys', 'All Values'" in page and "output: Dictionary Value" in page
    assert main(["catalog", "show", "--json", "is_workflow_actions_getvalueforkey"]) == 0
    entry = json.loads(capsys.readouterr().out)
    assert entry["identifier"] == "is.workflow.actions.getvalueforkey"
    assert entry["parameters"][0]["enum"] == ["Value", "All Keys", "All Values"]
    assert main(["catalog", "show", "gettxt"]) == 1
    assert "did you mean gettext?" in capsys.readouterr().err
    assert main(["catalog", "search", "--json", "qqqqzzzz"]) == 1
    assert main(["catalog", "search", "qqqqzzzz"]) == 1
    assert "no action matches 'qqqqzzzz'" in capsys.readouterr().err


def test_stubs_command_writes_the_module(tmp_path, capsys):
    assert main(["stubs", "-o", str(tmp_path / "typings")]) == 0
    stub = tmp_path / "typings" / "s2py_actions.pyi"
    assert "def is_workflow_actions_gettext(" in stub.read_text(encoding="utf-8")
