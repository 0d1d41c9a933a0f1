"""Output ids nothing reads: named, or said once for the file (spelling(output_ids=True))."""

from shortcuts2py import api

from .harness import act, attachment, exact, out, root_of

IDS = ["11111111-AAAA-4BBB-8CCC-00000000000%d" % n for n in range(1, 6)]


def _file(*, unread_id: bool = True, every_output_id: bool = True, custom: str | None = None) -> dict:
    """A URL read by Open URL, then a Get Clipboard nothing reads, then a vibration."""
    url = act("url", {"WFURLActionURL": "https://example.com", "UUID": IDS[0]})
    opened = act("openurl", {"WFInput": attachment(out(IDS[0], "URL"))})
    clipboard = {"UUID": IDS[1]} if unread_id else {}
    if custom is not None:
        clipboard["CustomOutputName"] = custom
    actions = [url, opened, act("getclipboard", clipboard), act("vibrate")]
    if not every_output_id:
        actions.append(act("getclipboard"))  # an output without an id: the file has no such rule
    return root_of(*actions)


def test_an_unread_output_takes_no_name_when_every_output_has_an_id():
    code = exact(_file(), "\ngetclipboard()\n", "spelling(output_ids=True)")
    assert "clipboard =" not in code
    actions = api.compile(code)["WFWorkflowActions"]
    has_id = ["UUID" in a["WFWorkflowActionParameters"] for a in actions]
    assert has_id == [True, False, True, False]  # URL, Open URL, Get Clipboard, Vibrate


def test_a_file_with_an_output_without_id_names_its_unread_outputs():
    code = exact(_file(every_output_id=False), "clipboard = getclipboard()")
    assert "output_ids" not in code


def test_without_unread_ids_the_setting_is_not_written():
    code = exact(_file(unread_id=False))
    assert "output_ids" not in code


def test_an_unread_output_with_a_custom_name_keeps_its_name():
    code = exact(_file(custom="Pasted"), "Pasted = getclipboard()")
    assert "output_ids" not in code


def test_kept_ids_keep_the_names():
    root = _file()
    code = api.decompile(root, keep_ids=True)
    assert "clipboard = getclipboard()" in code and "output_ids" not in code
    result = api.roundtrip(root, keep_ids=True)
    assert result.ok and result.fixpoint


def test_hand_written_code_gives_every_output_an_id():
    code = 'from s2py_actions import *\n\nlink = is_workflow_actions_url(WFURLActionURL="https://example.com")\ngetclipboard()\nvibrate()\nspelling(output_ids=True)\n'
    actions = api.compile(code)["WFWorkflowActions"]
    has_id = {a["WFWorkflowActionIdentifier"].rsplit(".", 1)[1]: "UUID" in a["WFWorkflowActionParameters"] for a in actions}
    assert has_id == {"url": True, "getclipboard": True, "vibrate": False}


def _every_action_with_an_id() -> dict:
    """Every action but the Comment carries an id; the Vibrate's, with no output, nothing reads."""
    url = act("url", {"WFURLActionURL": "https://example.com", "UUID": IDS[0]})
    opened = act("openurl", {"WFInput": attachment(out(IDS[0], "URL")), "UUID": IDS[1]})
    return root_of(act("comment", {"WFCommentActionText": "Open it"}), url, opened, act("vibrate", {"UUID": IDS[2]}))


def test_when_every_action_has_an_id_the_setting_says_all():
    code = exact(_every_action_with_an_id(), "# Open it\n", "\nvibrate()\n", 'spelling(output_ids="all")')
    assert "vibrate_2" not in code and "openurl_2" not in code
    actions = api.compile(code)["WFWorkflowActions"]
    assert ["UUID" in a["WFWorkflowActionParameters"] for a in actions] == [False, True, True, True]


def test_all_is_said_only_when_an_action_without_an_output_goes_unnamed():
    """Every action has an id, but the only unread one gives an output: True says enough."""
    url = act("url", {"WFURLActionURL": "https://example.com", "UUID": IDS[0]})
    shown = act("detect.link", {"WFInput": attachment(out(IDS[0], "URL")), "UUID": IDS[1]})
    code = exact(root_of(url, shown), "spelling(output_ids=True)")
    assert 'output_ids="all"' not in code
