"""Programs as a person or a model writes them first: plain Python, actions by their
names in the app, bare arguments.  Each compiles, checks clean, goes round, and its
actions are the ones Python's meaning asks for."""

from __future__ import annotations

import random

import pytest

from shortcuts2py import api
from shortcuts2py.compare import first_difference

HEAD = "from s2py_actions import *\n\n"

PROGRAMS = {
    "temperature": (
        'celsius = float(ask_for_input("Temperature in Celsius?"))\n'
        "fahrenheit = celsius * 9 / 5 + 32\n"
        'show_result(f"{celsius} C is {fahrenheit} F")\n',
        ["ask", "setvariable", "math", "math", "math", "showresult"],  # celsius: the answer as a number
    ),
    "tasks": (
        'tasks = ["Email", "Gym", "Read"]\n'
        "done = choose_from_list(tasks, select_multiple=True)\n"
        "remaining = []\n"
        "for task in tasks:\n"
        "    if task not in done:\n"
        "        remaining.append(task)\n"
        'show_notification(f"{len(remaining)} left")\n',
        # remaining is appended to: a Shortcuts variable, set to the empty list first.
        ["list", "choosefromlist", "list", "setvariable", "repeat.each", "conditional", "appendvariable", "conditional",
         "repeat.each", "count", "notification"],
    ),
    "weather": (
        "weather = get_current_weather()\n"
        "if weather.Temperature > 25:\n"
        '    advice = "Shorts"\n'
        "elif weather.Temperature > 15:\n"
        '    advice = "A light jacket"\n'
        "else:\n"
        '    advice = "A coat"\n'
        "speak_text(advice)\n",
        None,
    ),
    "dictionary": (
        'person = {"name": "Ann"}\n'
        'person["city"] = "Paris"\n'
        'for key in getvalueforkey(WFInput=person, WFGetDictionaryValueType="All Keys"):\n'
        "    show_result(key)\n"
        'words = ", ".join(["a", "b"])\n'
        "best = max([3, 9, 4])\n",
        ["dictionary", "setvalueforkey", "getvalueforkey", "repeat.each", "showresult", "repeat.each", "list", "text.combine", "list", "statistics"],
    ),
    "greeter": (
        'name = input("Your name?")\n'
        "nickname = None\n"
        'if name == "Robert":\n'
        '    nickname = "Bob"\n'
        "if nickname is None:\n"
        '    print("Hello", name)\n'
        "else:\n"
        '    print("Hi", nickname, sep=", ")\n',
        # nickname is set in a branch: a Shortcuts variable, first the output of Nothing.
        ["ask", "nothing", "setvariable", "conditional", "gettext", "setvariable", "conditional",
         "conditional", "showresult", "conditional", "showresult", "conditional"],
    ),
    "prices": (
        'prices = {"tea": 3, "cake": 4}\n'
        "total = 0\n"
        "for item, price in prices.items():\n"
        '    print(item, "costs", price)\n'
        "    total += price\n"
        'print("Total:", total)\n',
        ["dictionary", "number", "setvariable", "getvalueforkey", "repeat.each", "getvalueforkey", "showresult",
         "math", "setvariable", "repeat.each", "showresult"],
    ),
    "clipboard": (
        "clip = get_clipboard()\n"
        'if clip.startswith("http"):\n'
        "    open_urls(clip)\n"
        "else:\n"
        '    open_urls("https://www.google.com/search?q=" + clip)\n',
        None,
    ),
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_a_handwritten_program_compiles_checks_and_goes_round(name):
    code, expected = PROGRAMS[name]
    errors = [str(f) for f in api.check(HEAD + code, filename=f"{name}.py") if f.severity == "error"]
    assert not errors
    plist = api.compile(HEAD + code, filename=f"{name}.py")
    kinds = [a["WFWorkflowActionIdentifier"].removeprefix("is.workflow.actions.") for a in plist["WFWorkflowActions"]]
    if expected is not None:
        assert kinds == expected
    back = api.compile(api.decompile(plist))
    assert first_difference(plist, back, rename_ids=True) is None


# --- random programs of the plain forms ------------------------------------------------
# Short programs mixing the forms a person writes first (print, input, None, chains,
# loops over items, text and number arithmetic, in-place methods), most of them
# nonsense: each must compile or be refused with a CompileError, never crash, and
# what compiles must go round through its decompiled code.

_VALUES = ['"hi"', "3", "2.5", "None", '["p", "q"]', '{"k": 1, "j": "v"}', 'f"{a}!"', "a", "t", "n + 1", "t + a",
           "len(items)", 'input("?")', 'd.get("k")', "t.upper()", "-n", "max(n, 2)", "abs(n)", "x * 2", "t[0]",
           "items[0]", 'd["k"]']
_TESTS = ["a", "not a", "a is None", "n > 2", "0 < n < 10", "3 == n", '"h" in t', "n >= 1 and n <= 5",
          "x == 3 or n < 0", "-1 < n", "1 <= n <= 4", "0 < n < x < 9", 't == "hi"']
_LOOPS = ["for k, v in d.items():", "for k, _ in d.items():", "for it in items:", "for i in range(3):"]
_PRINT_TEXTS = ["", ', sep="-"', ', end=""']
_ALONE = ["items.sort()", "t.upper()", "d.update({})", "items.append(n)", "items += [n]", "n += 1", 't += "!"']


def _statement(rng, depth: int) -> list[str]:
    roll = rng.random()
    if depth < 3 and roll < 0.25:
        head = f"if {rng.choice(_TESTS)}:" if roll < 0.15 else rng.choice(_LOOPS)
        body = [f"    {line}" for _ in range(rng.randint(1, 3)) for line in _statement(rng, depth + 1)]
        return [head, *body]
    if roll < 0.45:
        args = [rng.choice(_VALUES) for _ in range(rng.randint(1, 3))]
        return [f"print({', '.join(args)}{rng.choice(_PRINT_TEXTS)})"]
    if roll < 0.5:
        return [rng.choice(_ALONE)]
    return [f"{rng.choice(['a', 'b', 't', 'n', 'x', 'items'])} = {rng.choice(_VALUES)}"]


def test_random_programs_of_plain_forms_compile_or_are_refused_and_go_round():
    from shortcuts2py.errors import CompileError

    rng = random.Random(5)
    compiled = 0
    for _ in range(300):
        lines = ['a = "x"', 't = "hi"', "n = 2", "x = 5", 'items = ["p"]', 'd = {"k": 1}']
        for _ in range(rng.randint(1, 6)):
            lines += _statement(rng, 0)
        code = HEAD + "\n".join(lines) + "\n"
        try:
            plist = api.compile(code)
        except CompileError:
            continue
        compiled += 1
        back = api.compile(api.decompile(plist))
        assert first_difference(plist, back, rename_ids=True) is None, code
    assert compiled > 120  # measured: 179 of 300 with this seed
