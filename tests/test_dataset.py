"""``s2py dataset``: one JSON row per shortcut file, in order, a bad file a row with its error."""

from __future__ import annotations

import json

from shortcuts2py import api
from shortcuts2py.cli import main
from shortcuts2py.dataset import FIELDS, row

from .conftest import CORPUS, corpus_rows, needs_corpus

GREETING = 'name = ask(WFAskActionPrompt="Who?")\nshowresult(Text=f"Hi {name}")\n'
COUNTING = "for _ in range(3):\n    vibrate()\n"


def _folder(tmp_path):
    """Two shortcuts (binary and XML) and a file that is none, in a nested folder."""
    (tmp_path / "in" / "more").mkdir(parents=True)
    (tmp_path / "in" / "a_greeting.shortcut").write_bytes(api.dump(api.compile(GREETING)))
    (tmp_path / "in" / "more" / "b_counting.plist").write_bytes(api.dump(api.compile(COUNTING), xml=True))
    (tmp_path / "in" / "c_broken.shortcut").write_bytes(b"not a plist")
    return tmp_path / "in"


def test_a_row_says_what_the_file_holds(tmp_path):
    found = row(str(_folder(tmp_path) / "a_greeting.shortcut"), "workflowbench")
    assert tuple(found) == FIELDS
    assert found["identifiers"] == ["is.workflow.actions.ask", "is.workflow.actions.showresult"]
    assert found["actions"] == 2
    assert found["code"] == "name = input('''Who?''')\nis_workflow_actions_showresult(Text=f'''Hi {name}''')\n"
    assert found["errors"] == []


def test_a_bad_file_is_a_row_with_its_error(tmp_path):
    found = row(str(_folder(tmp_path) / "c_broken.shortcut"))
    assert (found["identifiers"], found["actions"], found["code"]) == ([], 0, None)
    assert len(found["errors"]) == 1 and "not a shortcut" in found["errors"][0]


def test_the_command_writes_one_row_per_file_in_order_with_workers(tmp_path, capsys):
    folder = _folder(tmp_path)
    out = tmp_path / "rows.jsonl"
    assert main(["dataset", str(folder), "-o", str(out), "--jobs", "2"]) == 1  # one file failed
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["source"] for r in rows] == [
        str(folder / "a_greeting.shortcut"),
        str(folder / "c_broken.shortcut"),
        str(folder / "more" / "b_counting.plist"),
    ]
    assert [r["actions"] for r in rows] == [2, 0, 3]
    assert rows[2]["code"].endswith("for _ in range(3):\n    vibrate()\n")
    assert rows[1]["code"] is None and rows[1]["errors"]
    assert "wrote 3 rows" in capsys.readouterr().err
    single = tmp_path / "single.jsonl"
    assert main(["dataset", str(folder), "-o", str(single), "--jobs", "1", "--dialect", "workflowbench"]) == 1
    assert [json.loads(line)["dialect"] for line in single.read_text(encoding="utf-8").splitlines()] == ["workflowbench"] * 3


def test_a_usage_error_writes_nothing(tmp_path, capsys):
    assert main(["dataset", str(tmp_path / "missing"), "-o", str(tmp_path / "x.jsonl")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert not (tmp_path / "x.jsonl").exists()


@needs_corpus
def test_corpus_rows_list_every_action(tmp_path):
    """A slice of the corpus: each row's identifiers are the file's actions, in order."""
    for entry in corpus_rows()[::150]:
        path = CORPUS / entry["file"]
        found = row(str(path), "workflowbench")
        assert found["errors"] == [], path
        assert found["actions"] == entry["n_actions"] == len(found["identifiers"]), path
