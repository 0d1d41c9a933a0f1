"""The naming rules of the workflow language, shared by lowering and parsing.

Both directions must agree on which bare names mean what, so the rules live
here once: reserved words, the spellings of global variables, and how a
display name becomes a Python name.
"""

from __future__ import annotations

import builtins
import functools
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
        "raw_action",
        "with_keys",
        "option",
        "plain_dict",
        "plain_list",
        "dictionary_field",
        "icon_image",
        "stale_operands",
        "spelling",
        "ref",
        "quantity",
        "time_offset",
        "shortcut_named",
        "app",
        "app_intent",
        "where",
        "prop",
    }
)
RESERVED = PSEUDO_FUNCTIONS | frozenset(GLOBALS) | frozenset({"None", "True", "False", "pass", "_"})

# The module of the typed stubs (``s2py stubs``); decompiled code imports it
# first so that editors and mypy know every action function.
STUBS_MODULE = "s2py_actions"

# Answers by name: the same keys and names come back in every action and every file.
# Bounded, so a long batch of files does not grow the caches without end.
_MEMO_SIZE = 20_000
_LOOP_ALIAS = re.compile(r"Repeat_(Item|Index)(_\d+)?")
_BUILTINS = frozenset(dir(builtins))


@functools.lru_cache(maxsize=_MEMO_SIZE)
def is_plain_name(name: str) -> bool:
    """True when ``name`` can stand in code as itself."""
    return (
        name.isidentifier()
        and not keyword.iskeyword(name)
        and not keyword.issoftkeyword(name)
        and unicodedata.normalize("NFKC", name) == name
        and name not in RESERVED
    )


@functools.lru_cache(maxsize=_MEMO_SIZE)
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
