"""The command line on batches: links, pictures, workers, checks and safe writing."""

from __future__ import annotations

import os
import plistlib
import sys

import pytest

from shortcuts2py import __version__, icloud
from shortcuts2py.cli import main

from .icloud_server import LoopbackServer, forbid_internet, shortcut_record
from .test_cli import EXAMPLE

LINK = "https://www.icloud.com/shortcuts/0123456789abcdef0123456789abcdef"
RECORD_PATH = "/shortcuts/api/records/0123456789abcdef0123456789abcdef"


def _plist(text: str) -> bytes:
    root = {
        "WFWorkflowActions": [
            {"WFWorkflowActionIdentifier": "is.workflow.actions.gettext", "WFWorkflowActionParameters": {"WFTextActionText": text}},
            {"WFWorkflowActionIdentifier": "is.workflow.actions.showresult", "WFWorkflowActionParameters": {}},
        ],
        "WFWorkflowClientVersion": "2607.1.3",
    }
    return plistlib.dumps(root, fmt=plistlib.FMT_BINARY)


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"s2py {__version__}"


def test_decompile_a_link_names_the_file_after_the_shortcut(tmp_path, monkeypatch, capsys):
    forbid_internet(monkeypatch)
    with LoopbackServer() as server:
        server.serve(RECORD_PATH, shortcut_record(server.base_url, name="Weather / Note ✨"))
        server.serve("/B/signed/${f}", _plist("hello"))
        monkeypatch.setenv(icloud.BASE_URL_ENV, server.base_url)
        assert main(["decompile", LINK, "-o", str(tmp_path)]) == 0
        written = tmp_path / "Weather _ Note ✨.py"
        assert written.read_text(encoding="utf-8").endswith('_ = "hello"\nshowresult(result=_)\n')
        dead = LINK.replace("0123", "9999")
        assert main(["decompile", dead, "-o", str(tmp_path)]) == 1
        assert "no shared shortcut at this link" in capsys.readouterr().err
    assert main(["decompile", "https://example.com/a.shortcut"]) == 2
    assert "not an iCloud shortcut link" in capsys.readouterr().err


def test_render_writes_one_picture_per_input(tmp_path):
    assert main(["render", str(EXAMPLE), "-o", str(tmp_path / "weather.svg")]) == 0
    svg = (tmp_path / "weather.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "Get Contents of URL" in svg
    assert main(["render", str(EXAMPLE.parent), "-o", str(tmp_path / "html"), "--format", "html"]) == 0
    assert (tmp_path / "html" / "weather_note.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def test_two_workers_write_what_one_writes(tmp_path):
    source = tmp_path / "in"
    for index in range(6):
        (source / f"s{index}").mkdir(parents=True)
        (source / f"s{index}" / "x.plist").write_bytes(_plist(f"text {index}"))
    assert main(["decompile", str(source), "-o", str(tmp_path / "one"), "--jobs", "1"]) == 0
    assert main(["decompile", str(source), "-o", str(tmp_path / "two"), "--jobs", "2"]) == 0
    one = {p.relative_to(tmp_path / "one"): p.read_bytes() for p in (tmp_path / "one").rglob("*.py")}
    two = {p.relative_to(tmp_path / "two"): p.read_bytes() for p in (tmp_path / "two").rglob("*.py")}
    assert len(one) == 6 and one == two


def test_compile_reports_check_findings_and_strict_makes_errors_fatal(tmp_path, capsys):
    code = tmp_path / "typo.py"
    code.write_text('alert(WFAlertActionTitle="Hi", WFAlertActionCancelButonShown=True)\n', encoding="utf-8")
    assert main(["compile", str(code)]) == 0
    err = capsys.readouterr().err
    assert f"{code}:1:32: error:" in err and "WFAlertActionCancelButtonShown" in err
    assert (tmp_path / "typo.shortcut").is_file()
    (tmp_path / "typo.shortcut").unlink()
    assert main(["compile", "--strict", str(code)]) == 1
    assert not (tmp_path / "typo.shortcut").exists()


def test_a_batch_goes_on_past_bad_files_and_bad_destinations(tmp_path, capsys):
    source = tmp_path / "in"
    source.mkdir()
    (source / "good.plist").write_bytes(_plist("fine"))
    (source / "bad.plist").write_bytes(b"bplist00 broken")
    (source / "also_good.plist").write_bytes(_plist("fine too"))
    blocker = tmp_path / "out" / "also_good.py"
    blocker.mkdir(parents=True)  # a folder where a file should go: that output cannot be written
    assert main(["decompile", str(source), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and "also_good.plist: error: cannot write" in err[0] and "bad.plist: error:" in err[1]
    assert (tmp_path / "out" / "good.py").read_text(encoding="utf-8").startswith("from s2py_actions import *")
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.endswith(".tmp")]


def test_an_output_never_replaces_its_input(tmp_path, capsys):
    shortcut = tmp_path / "x.shortcut"
    shortcut.write_bytes(_plist("keep me"))
    assert main(["decompile", str(shortcut), "-o", str(shortcut)]) == 1
    assert "would replace its own input" in capsys.readouterr().err
    assert shortcut.read_bytes() == _plist("keep me")
    code = tmp_path / "y.py"
    code.write_text('_ = "a"\n', encoding="utf-8")
    assert main(["compile", str(code), "-o", str(code)]) == 1
    assert code.read_text(encoding="utf-8") == '_ = "a"\n'


def test_a_signed_shortcut_is_replaced_only_with_force(tmp_path, capsys):
    code = tmp_path / "z.py"
    code.write_text('_ = "a"\n', encoding="utf-8")
    signed = tmp_path / "z.shortcut"
    signed.write_bytes(b"AEA1" + b"\0" * 20)
    assert main(["compile", str(code)]) == 1
    assert "is a signed shortcut" in capsys.readouterr().err
    assert signed.read_bytes().startswith(b"AEA1")
    assert main(["compile", "--force", str(code)]) == 0
    assert signed.read_bytes().startswith(b"bplist00")


def test_a_folder_with_nothing_to_read_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("nothing here", encoding="utf-8")
    assert main(["decompile", str(tmp_path), "-o", str(tmp_path / "out")]) == 2
    assert "no .shortcut or" in capsys.readouterr().err


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="permissions do not bind root")
def test_an_unreadable_file_fails_that_file(tmp_path, capsys):
    locked = tmp_path / "locked.plist"
    locked.write_bytes(_plist("secret"))
    locked.chmod(0)
    assert main(["decompile", str(locked)]) == 1
    assert "cannot read" in capsys.readouterr().err
