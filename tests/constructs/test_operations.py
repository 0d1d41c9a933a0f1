"""Python's text and list operations compile to the actions that perform them."""

import pytest

from shortcuts2py import api

HEAD = "from s2py_actions import *\n"


def _actions(body: str) -> list[tuple[str, dict]]:
    plist = api.compile(HEAD + body)
    assert api.roundtrip(plist).ok
    return [(a["WFWorkflowActionIdentifier"].rsplit(".", 1)[-1], a["WFWorkflowActionParameters"]) for a in plist["WFWorkflowActions"]]


@pytest.mark.parametrize(
    "method, case",
    [("upper", "UPPERCASE"), ("lower", "lowercase"), ("title", "Capitalize Every Word")],
)
def test_case_methods(method, case):
    actions = _actions(f'name = "ann"\nshowresult(Text=name.{method}())\n')
    assert actions[1][0] == "changecase" and actions[1][1]["WFCaseType"] == case
    assert actions[2][0] == "showresult"


def test_strip_replace_split():
    actions = _actions('t = " a-b "\nu = t.strip()\nv = u.replace("-", "+")\nw = v.split("+")\nx = v.split("\\n")\n')
    kinds = [kind for kind, _ in actions]
    assert kinds == ["gettext", "trimwhitespace", "replace", "split", "split"]
    assert actions[2][1]["WFReplaceTextFind"] == "-" and actions[2][1]["WFReplaceTextReplace"] == "+"
    assert actions[3][1]["WFTextSeparator"] == "Custom" and actions[3][1]["WFTextCustomSeparator"] == "+"
    assert actions[4][1]["WFTextSeparator"] == "New Lines"


@pytest.mark.parametrize(
    "index, specifier, number",
    [("0", "First Item", None), ("-1", "Last Item", None), ("2", "Item At Index", 3)],
)
def test_list_index_counts_as_python_does(index, specifier, number):
    actions = _actions(f'items = ["a", "b", "c"]\nx = items[{index}]\n')
    params = actions[1][1]
    assert actions[1][0] == "getitemfromlist" and params["WFItemSpecifier"] == specifier
    assert params.get("WFItemIndex") == number


@pytest.mark.parametrize(
    "body, words",
    [
        ('t = "a b"\nx = t.split()\n', 'split(" ")'),
        ('items = ["a"]\nx = items[-2]\n', "items[-1]"),
        ('print("hi", file=x)\n', "print(file=...)"),
        ('x = int("3")\n', "float(x)"),
        ("flag = True\n", "1 and 0"),
        ('s = "ab" * 3\n', "Calculate works on numbers"),
    ],
)
def test_forms_without_a_python_meaning_here_are_refused(body, words):
    with pytest.raises(api.CompileError) as raised:
        api.compile(HEAD + body)
    assert words in str(raised.value)


def test_augmented_assignment_reads_back_as_written():
    code = HEAD + '\nn = 1\nfor item in ["a", "b"]:\n    n += 2\nshowresult(result=f"{n}")\n'
    assert api.decompile(api.compile(code)) == code


@pytest.mark.parametrize(
    "separator, params",
    [
        ('" "', {"WFTextSeparator": "Spaces"}),
        ('"\\n"', {"WFTextSeparator": "New Lines"}),
        ('", "', {"WFTextSeparator": "Custom", "WFTextCustomSeparator": ", "}),
    ],
)
def test_join_is_combine_text(separator, params):
    actions = _actions(f'items = ["a", "b"]\njoined = {separator}.join(items)\n')
    kind, combine = actions[1]
    assert kind == "combine"
    assert {key: combine[key] for key in params} == params
    assert combine["text"]["Value"]["OutputUUID"] == actions[0][1]["UUID"]  # the list, as a variable


def test_text_methods_work_on_strings_and_f_strings_too():
    actions = _actions('parts = "a,b".split(",")\nname = "ann"\nloud = f"{name}!".upper()\n')
    kinds = [kind for kind, _ in actions]
    assert kinds == ["split", "gettext", "changecase"]
    assert actions[0][1]["text"] == "a,b"


def test_dictionary_get_keys_and_values_are_get_dictionary_value():
    actions = _actions('d = {"k": 1}\nv = d.get("k")\nks = d.keys()\nvs = d.values()\n')
    kinds = [kind for kind, _ in actions]
    assert kinds == ["dictionary", "getvalueforkey", "getvalueforkey", "getvalueforkey"]
    # What the app writes: a key and no type for a value, a type and no key for the others.
    assert actions[1][1]["WFDictionaryKey"] == "k" and "WFGetDictionaryValueType" not in actions[1][1]
    assert actions[2][1]["WFGetDictionaryValueType"] == "All Keys" and "WFDictionaryKey" not in actions[2][1]
    assert actions[3][1]["WFGetDictionaryValueType"] == "All Values"


def test_a_loop_over_a_dictionary_s_keys_reads_each_value():
    actions = _actions('d = {"k": 1}\nfor key in d.keys():\n    showresult(result=d.get(key))\n')
    kinds = [kind for kind, _ in actions]
    assert kinds == ["dictionary", "getvalueforkey", "each", "getvalueforkey", "showresult", "each"]


@pytest.mark.parametrize(
    "body, words",
    [
        ('d = {"k": 1}\nv = d.get("k", 0)\n', "has no default"),
        ('d = {"k": 1}\nfor p in d.items():\n    vibrate()\n', "without two names"),
        # a method call on its own: Python's in-place changes, or a result nothing keeps
        ('items = ["b", "a"]\nitems.sort()\n', "sort_property="),
        ('items = ["a"]\nitems.extend(["b"])\n', "items += more"),
        ('d = {"a": 1}\nd.update({"b": 2})\n', 'd["key"] = value'),
        ('x = "a"\nx.upper()\n', "whose result nothing keeps"),
        ('t = "abc"\nn = t.count("a")\n', "a method of Python's str"),
        ('t = "abc"\nn = t.capitalize()\n', "the ones that are actions"),
    ],
)
def test_dictionary_and_list_forms_without_an_action_say_what_to_write(body, words):
    with pytest.raises(api.CompileError) as raised:
        api.compile(HEAD + body)
    assert words in raised.value.message and raised.value.line == 3
