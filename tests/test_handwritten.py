"""Programs as a person or a model writes them first: plain Python, actions by their
names in the app, bare arguments.  Each compiles, checks clean, goes round, and its
actions are the ones Python's meaning asks for."""

from __future__ import annotations

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
