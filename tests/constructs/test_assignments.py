"""``d["key"] = value`` by hand: Set Dictionary Value, whose changed copy d then names."""

import pytest

from shortcuts2py import api
from shortcuts2py.errors import CompileError

from .harness import compiles_to

HEAD = "from s2py_actions import *\n"


def test_a_key_assignment_is_set_dictionary_value():
    hand = HEAD + 'd = {"a": 1}\nd["b"] = "two"\nshowresult(Text=d)\n'
    spelled = HEAD + 'd = {"a": 1}\nd = setvalueforkey(WFDictionary=d, WFDictionaryKey="b", WFDictionaryValue="two")\nshowresult(Text=d)\n'
    compiles_to(hand, api.compile(spelled))


def test_a_key_set_in_a_branch_is_read_after_it_as_python_would():
    plist = api.compile(HEAD + 'd = {"a": 1}\nif d["a"] == 1:\n    d["b"] = 2\nshowresult(Text=d)\n')
    kinds = [a["WFWorkflowActionIdentifier"].rsplit(".", 1)[-1] for a in plist["WFWorkflowActions"]]
    # d names two values depending on the branch: it is a Shortcuts variable, set after each.
    assert kinds.count("setvariable") == 2 and "setvalueforkey" in kinds
    assert api.roundtrip(plist).ok


@pytest.mark.parametrize("code", ['d = {}\nd[1] = 2\n', 'd = {"a": {}}\nd["a"]["b"] = 1\n', 'd = {}\nd["k"] += 1\n'])
def test_other_item_assignments_are_refused_at_their_place(code):
    with pytest.raises(CompileError) as raised:
        api.compile(HEAD + code)
    assert raised.value.line == 3 and "in place" in raised.value.message
