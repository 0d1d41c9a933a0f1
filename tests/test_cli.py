"""The s2py command: outputs, naming, exit codes and one-line errors."""

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
    assert out.startswith("shortcut(") and "is_workflow_actions_downloadurl(" in out


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
        ("shortcut()\nx = is_workflow_actions_gettext(WFTextActionText=\"a\"\n", ":2:53:", "expected ')'"),
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
