"""The naming rules of the workflow language, shared by lowering and parsing.

Both directions must agree on which bare names mean what, so the rules live
here once: reserved words, the spellings of global variables, loop variables
and how a display name becomes a Python name.
"""

from __future__ import annotations

import builtins
import keyword
import re
import unicodedata

# Global variables: code spelling <-> attachment Type.
GLOBALS = {
    "ShortcutInput": "ExtensionInput",
    "Clipboard": "Clipboard",
    "CurrentDate": "CurrentDate",
    "Ask": "Ask",
    "DeviceDetails": "DeviceDetails",
    "Input": "Input",
}
GLOBAL_NAMES = {kind: name for name, kind in GLOBALS.items()}

# Functions of the language itself; never action names or variable names.
PSEUDO_FUNCTIONS = frozenset(
    {
        "shortcut",  # the header
        "ids",  # the --keep-ids trailer
        "action",  # an action the catalog does not know
        "menu",
        "menu_case",
        "condition",
        "if_result",
        "menu_result",
        "repeat_results",
        "repeat_count",
        "repeat_each",
        "range",
        "enumerate",
        "var",
        "attachment",
        "missing_output",
        "global_variable",
        "date",
        "real",
        "group",
    }
)
RESERVED = PSEUDO_FUNCTIONS | frozenset(GLOBALS) | frozenset({"None", "True", "False", "pass"})

# The module of the typed stubs (``s2py stubs``); decompiled code imports it
# first so that editors and mypy know every action function.
STUBS_MODULE = "s2py_actions"

# Header keyword that holds output display names (not a plist key).
OUTPUT_NAMES_KEY = "output_names"

# Statements that stand for the end of a block (its output, its settings).
END_FUNCTIONS = {
    "is.workflow.actions.conditional": "if_result",
    "is.workflow.actions.choosefrommenu": "menu_result",
    "is.workflow.actions.repeat.count": "repeat_results",
    "is.workflow.actions.repeat.each": "repeat_results",
}
# If operators that read as Python comparisons: WFCondition code -> operator.
COMPARISONS = {0: "<", 1: "<=", 2: ">", 3: ">=", 4: "==", 5: "!=", 99: "in", 999: "not in"}
# Aggrandizements written as methods: Type -> (method, key of its first argument).
AGGRANDIZEMENT_METHODS = {
    "WFPropertyVariableAggrandizement": ("property", "PropertyName"),
    "WFCoercionVariableAggrandizement": ("as_type", "CoercionItemClass"),
    "WFDateFormatVariableAggrandizement": ("format_date", None),
    "WFUnitVariableAggrandizement": ("unit", None),
}

_LOOP_ALIAS = re.compile(r"Repeat_(Item|Index)(_\d+)?")
_BUILTINS = frozenset(dir(builtins))


def is_plain_name(name: str) -> bool:
    """True when ``name`` can stand in code as itself."""
    return (
        name.isidentifier()
        and not keyword.iskeyword(name)
        and not keyword.issoftkeyword(name)
        and unicodedata.normalize("NFKC", name) == name
        and name not in RESERVED
    )


def is_keyword_argument(key: str) -> bool:
    """True when a plist key can be written as ``key=value`` in a call.

    ``match``, ``case`` and ``_`` are words of the grammar, so they go in ``**{...}``.
    """
    return (
        key.isidentifier()
        and not keyword.iskeyword(key)
        and key not in ("match", "case", "_")
        and unicodedata.normalize("NFKC", key) == key
    )


def loop_names(depth: int, each: bool) -> tuple[str, ...]:
    """Code names of a loop's variables at nesting ``depth`` (1 = outermost)."""
    suffix = "" if depth == 1 else f"_{depth}"
    names = (f"Repeat_Index{suffix}",)
    return names + (f"Repeat_Item{suffix}",) if each else names


def loop_variables(depth: int, each: bool) -> tuple[str, ...]:
    """The variable names the app gives a loop's index and item."""
    suffix = "" if depth == 1 else f" {depth}"
    names = (f"Repeat Index{suffix}",)
    return names + (f"Repeat Item{suffix}",) if each else names


def is_loop_alias(name: str) -> bool:
    return _LOOP_ALIAS.fullmatch(name) is not None


def output_base_name(display: str) -> str:
    """``Contents of URL`` -> ``contents_of_url``; letters of any script stay."""
    cleaned = "".join(ch if (ch + "a").isidentifier() or ch.isdigit() else " " for ch in display)
    words = unicodedata.normalize("NFKC", cleaned).lower().split()
    base = "_".join(words)
    if not base or not ("a" + base).isidentifier():
        return "output"
    if base[0].isdigit():
        base = "_" + base
    return base


def usable_as_output_name(name: str) -> bool:
    return (
        is_plain_name(name)
        and name not in _BUILTINS
        and not is_loop_alias(name)
        and not name.startswith("is_workflow_actions_")
    )
