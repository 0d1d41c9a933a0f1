"""The README's promises, followed as a newcomer would follow them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from shortcuts2py import api, icloud
from shortcuts2py.cli import main

from .icloud_server import LoopbackServer, forbid_internet, shortcut_record
from .test_cli import EXAMPLE

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
LINK = "https://www.icloud.com/shortcuts/0123456789abcdef0123456789abcdef"
RECORD_PATH = "/shortcuts/api/records/0123456789abcdef0123456789abcdef"


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, re.S)


def test_the_workflow_code_shown_compiles_and_round_trips():
    code = [block for block in _blocks("python") if block.startswith("from s2py_actions import *")]
    assert code
    plist = api.compile(code[0], filename="README.py")
    assert not [f for f in api.check(code[0]) if f.severity == "error"]
    again = api.decompile(plist)
    assert api.decompile(api.compile(again)) == again


def test_the_python_api_shown_runs():
    snippet = [block for block in _blocks("python") if block.startswith("import shortcuts2py")]
    assert snippet
    done = subprocess.run([sys.executable, "-c", snippet[0]], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_a_link_decompiled_edited_compiled_and_the_command_to_sign(tmp_path, monkeypatch, capsys):
    forbid_internet(monkeypatch)
    with LoopbackServer() as server:
        server.serve(RECORD_PATH, shortcut_record(server.base_url, name="My Shortcut"))
        server.serve("/B/signed/${f}", EXAMPLE.read_bytes())
        monkeypatch.setenv(icloud.BASE_URL_ENV, server.base_url)
        assert main(["decompile", LINK, "-o", str(tmp_path / "code")]) == 0
    code = tmp_path / "code" / "My Shortcut.py"
    edited = code.read_text(encoding="utf-8") + 'showresult(Text="Edited!")\n'
    code.write_text(edited, encoding="utf-8")
    assert main(["compile", "--strict", str(code)]) == 0
    compiled = api.load(str(code.with_suffix(".shortcut")))
    last = compiled["WFWorkflowActions"][-1]
    assert last["WFWorkflowActionParameters"]["Text"] == "Edited!"
    assert 'shortcuts sign --mode anyone -i "code/My Shortcut.shortcut" -o "My Shortcut signed.shortcut"' in README


def test_the_readme_states_what_a_newcomer_needs():
    assert "Python 3.11 or newer" in README
    assert "python -m pytest -q" in README and "minutes" in README
    assert "Export" in README and "iCloud" in README
    assert (ROOT / ".pre-commit-hooks.yaml").is_file() and (ROOT / "shortcuts2py" / "py.typed").is_file()
