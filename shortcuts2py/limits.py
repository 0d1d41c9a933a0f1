"""The input limits every shortcut plist must respect, and the check that enforces them.

A shortcut plist is refused before any other stage sees it when it breaks one of
the limits below. Each value was chosen from the real corpus (2,474 files, every
container kind) with a wide margin above the largest figure found there:

=================  ==========  =================================================
limit              value       largest in the corpus
=================  ==========  =================================================
``MAX_DEPTH``      128         40 nested arrays and dictionaries
``MAX_VALUES``     250,000     22,810 values in one file (median 154)
``MAX_SHARING``    10 times    1.08 (values per stored reference, binary plists)
``MAX_STRING``     16 MiB      1,845,820 characters in one string
``MAX_TEXT``       64 MiB      2,514,963 characters of text and data in one file
``MAX_ACTIONS``    20,000      1,601 actions
integers           -2**63 .. 2**64-1, what a binary plist can store
=================  ==========  =================================================

Values are also limited in kind: strings, integers, reals, booleans, data, dates,
arrays, and dictionaries with string keys. Null, keyed-archiver UIDs, non-string
keys and strings holding a lone UTF-16 surrogate are refused, because no later
stage could write them back.

Counting follows what later stages do, not what the file stores: a binary plist
may refer to one object from many places, and each reference counts in full
(``MAX_VALUES`` and ``MAX_TEXT`` measure the value as a tree). On top of that,
``MAX_SHARING`` refuses a binary plist whose tree is more than ten times larger
than the references it stores: real files share almost nothing, while a few
hundred bytes of references to references can stand for billions of values.

The depth limit is what makes recursion safe downstream. Lifting, lowering and
compiling walk values recursively at a cost of about three or four Python frames
per level; 128 levels use at most about 512 of the default 1,000 frames, leaving
the rest for the caller, the CLI and the test runner (today's pipeline survives
about 245 levels). Those stages may therefore recurse to ``MAX_DEPTH`` without a
guard of their own, for any value that came through ``check_value`` or through
``shortcuts2py.bplist``, which enforces the same limits while it reads.
"""

from __future__ import annotations

import datetime
import itertools
import plistlib
import re
from typing import Any

__all__ = [
    "MAX_ACTIONS",
    "MAX_DEPTH",
    "MAX_SHARING",
    "MAX_STRING",
    "MAX_TEXT",
    "MAX_VALUES",
    "PLIST_INT_MAX",
    "PLIST_INT_MIN",
    "PlistValueError",
    "check_action_count",
    "check_value",
    "format_path",
]

# Arrays and dictionaries nested in one another, the root dictionary counting as 1.
# The corpus reaches 40; see the module docstring for why 128 keeps recursion safe.
MAX_DEPTH = 128

# Values in the whole plist: every array, dictionary and scalar, each reference
# counted (dictionary keys are not counted apart from their values). The largest
# real file holds 22,810; 250,000 is eleven times that, and keeps the largest file
# accepted within seconds for every later stage.
MAX_VALUES = 250_000

# How many times more values a binary plist may stand for than it stores references
# (plus one for the root). Without sharing the two are equal; real files reach 1.08.
MAX_SHARING = 10

# Characters in one string, or bytes in one data blob. Real files reach 1.8 million
# (a script pasted into a text action); 16 MiB is nine times that.
MAX_STRING = 16 * 1024 * 1024

# Characters of all strings and keys plus bytes of all data, counted as a tree. It
# bounds the size of the code a decompile writes. Real files reach 2.5 million.
MAX_TEXT = 64 * 1024 * 1024

# Entries of WFWorkflowActions. Real files reach 1,601; 20,000 is twelve times that.
MAX_ACTIONS = 20_000

# What a binary plist can store: 8-byte signed integers, and 16-byte ones for the
# values from 2**63 to 2**64-1 (CoreFoundation's unsigned 64-bit range).
PLIST_INT_MIN = -(2**63)
PLIST_INT_MAX = 2**64 - 1


class PlistValueError(ValueError):
    """A value breaks a limit or is of a kind no shortcut holds; str() is one clause.

    Problems are described by clauses: the lower-case part of a sentence, which the
    container module prefixes with what failed ("cannot read the shortcut: ...").
    While a problem is being located its clause holds an ``{at}`` placeholder, which
    becomes " at KEY.PATH" (``format_path``) once the place is known.
    """


_SURROGATE = re.compile("[\ud800-\udfff]")

# The kind of each exact type a loader produces; subclasses are resolved by isinstance.
_SCALARS = (bool, int, float, str, bytes, bytearray, datetime.datetime)
_KIND_OF = {t: t for t in _SCALARS} | {dict: dict, list: list, tuple: list}


# --------------------------------------------------------------------------- checks


def check_value(root) -> None:
    """Raise PlistValueError unless ``root`` keeps every limit and holds only plist kinds.

    Iterative, so any depth is handled without recursion. The walk stops as soon as a
    limit is passed, so even a value whose containers are shared (or which contains
    itself) costs at most ``MAX_VALUES`` steps.
    """
    problem = _first_problem(root)
    if problem is not None:
        container, slot, clause = problem
        raise PlistValueError(clause.replace("{at}", _where(root, container, slot)))


def check_action_count(actions: list) -> None:
    """Raise PlistValueError when a WFWorkflowActions list is longer than MAX_ACTIONS."""
    if len(actions) > MAX_ACTIONS:
        raise PlistValueError(
            f"it has {len(actions):,} actions, more than the limit of {MAX_ACTIONS:,}")


def integer_problem(number: int) -> str | None:
    """The clause for an integer a plist cannot store (with an ``{at}`` field), else None."""
    if PLIST_INT_MIN <= number <= PLIST_INT_MAX:
        return None
    size = "large" if number > 0 else "small"
    return (f"the integer{{at}} is too {size} for a plist, which stores integers from "
            "-2**63 to 2**64-1")


def string_problem(text: str, *, key: bool = False) -> str | None:
    """The clause for a string no plist can hold (with an ``{at}`` field), else None.

    Clauses never quote the text itself: it may hold the very characters that
    cannot be printed.
    """
    what = "a dictionary key" if key else "the string"
    if len(text) > MAX_STRING:
        return length_clause(what, len(text), "characters")
    if not text.isascii():
        found = _SURROGATE.search(text)
        if found:
            return (f"{what}{{at}} holds a lone UTF-16 surrogate "
                    f"(U+{ord(found.group()):04X}), which no plist can store; remove it")
    return None


def data_problem(blob: bytes) -> str | None:
    """The clause for a data blob over MAX_STRING bytes (with an ``{at}`` field), else None."""
    if len(blob) > MAX_STRING:
        return length_clause("the data", len(blob), "bytes")
    return None


def length_clause(what: str, length: int, unit: str) -> str:
    """The clause for a string or data blob longer than MAX_STRING."""
    return f"{what}{{at}} has {length:,} {unit}, more than the limit of {MAX_STRING:,}"


DEPTH_CLAUSE = f"arrays and dictionaries nest deeper than the limit of {MAX_DEPTH} levels{{at}}"
VALUES_CLAUSE = (f"it holds more than {MAX_VALUES:,} values, the limit (a value used from "
                 "several places counts each time)")
TEXT_CLAUSE = (f"its strings and data add up to more than {MAX_TEXT:,} characters, the limit "
               "(a value used from several places counts each time)")
NULL_CLAUSE = "it holds null{at}, which a plist cannot store"


def sharing_clause(stored: int, expanded: int) -> str:
    """The clause for a binary plist whose shared references expand beyond MAX_SHARING."""
    return (f"its {stored:,} stored references stand for {expanded:,} values, more than "
            f"{MAX_SHARING} times as many (the limit): real shortcuts share almost nothing")


def _first_problem(root):
    """Return (container, key or index, clause) for the first problem found, else None.

    ``container`` is None when the problem is the root itself or the whole value.
    The loop tests exact types first: it runs once per value, and a test of
    ``type(...) is`` is the cheapest way to tell the common kinds apart.
    """
    clause = _scalar_problem(root)
    if clause is not None:
        return None, None, clause
    if _kind(root) not in (list, dict):
        return None
    stack, values, text = [(root, 1)], 1, 0
    while stack:
        container, depth = stack.pop()
        if depth > MAX_DEPTH:
            return container, None, DEPTH_CLAUSE
        values += len(container)
        if values > MAX_VALUES:
            return None, None, VALUES_CLAUSE
        below = depth + 1
        is_dict = _kind(container) is dict
        for key, value in container.items() if is_dict else zip(_NO_KEYS, container):
            if is_dict:
                if type(key) is not str and not isinstance(key, str):
                    return container, None, key_clause(type_name(key))
                text += len(key)
                if len(key) > MAX_STRING or not key.isascii():
                    clause = string_problem(key, key=True)
                    if clause:
                        return container, None, clause
            kind = type(value)
            if kind is str:
                text += len(value)
                if len(value) > MAX_STRING or not value.isascii():
                    clause = string_problem(value)
                    if clause:
                        return container, _slot(container, key, value), clause
            elif kind is dict or kind is list:
                stack.append((value, below))
            elif kind is int:
                if not PLIST_INT_MIN <= value <= PLIST_INT_MAX:
                    return container, _slot(container, key, value), integer_problem(value)
            elif kind is bool or kind is float or kind is datetime.datetime:
                pass
            else:   # data, subclasses, and values no plist holds
                kind = _kind(value)
                if kind is list or kind is dict:
                    stack.append((value, below))
                    continue
                if kind is bytes or kind is bytearray or kind is str:
                    text += len(value)
                clause = _scalar_problem(value)
                if clause:
                    return container, _slot(container, key, value), clause
        if text > MAX_TEXT:
            return None, None, TEXT_CLAUSE
    return None


_NO_KEYS = itertools.repeat(None)   # the "keys" of an array's items


def _slot(container, key, value):
    """The key (dictionary) or index (array) under which ``value`` sits."""
    if _kind(container) is dict:
        return key
    return next(index for index, item in enumerate(container) if item is value)


def _kind(value):
    kind = _KIND_OF.get(type(value))
    if kind is not None:
        return kind
    # Subclasses (a parser's string token, an IntEnum) are written as their base kind.
    for base in (bool, int, float, str, bytes, bytearray, datetime.datetime, dict, list, tuple):
        if isinstance(value, base):
            return _KIND_OF[base]
    return None


def _scalar_problem(value) -> str | None:
    kind = _kind(value)
    if kind is str:
        return string_problem(value)
    if kind is bytes or kind is bytearray:
        return data_problem(value)
    if kind is int:
        return integer_problem(value)
    if kind is None:
        return _kind_clause(value)
    return None


_NAMES = {type(None): "null", int: "an integer", float: "a real number", bool: "a boolean",
          str: "a string", bytes: "data", bytearray: "data", datetime.datetime: "a date",
          tuple: "an array", list: "an array", dict: "a dictionary"}


def type_name(value) -> str:
    """How a message names the kind of ``value``: 'an integer', 'a keyed-archiver UID'."""
    if isinstance(value, plistlib.UID):
        return "a keyed-archiver UID"
    return _NAMES.get(type(value)) or f"a Python {type(value).__name__}"


def _kind_clause(value) -> str:
    return NULL_CLAUSE if value is None else kind_clause(type_name(value))


def kind_clause(name: str) -> str:
    """The clause for a value of a kind plists (or shortcuts) do not hold."""
    return f"it holds {name}{{at}}, which is not a plist value"


def key_clause(name: str) -> str:
    """The clause for a dictionary key that is not a string."""
    return f"a dictionary key{{at}} is {name}, not a string"


# --------------------------------------------------------------------------- key paths


def _where(root, container, slot) -> str:
    """' at KEY.PATH' for the slot of a container inside root ('' when unknown)."""
    if container is None:
        return "" if _kind(root) in (list, dict) else " at the root"
    steps = _steps_to(root, container)
    if steps is None:
        return ""
    if slot is not None:
        steps.append(slot)
    return f" at {format_path(steps)}"


def _steps_to(root, target) -> list | None:
    """Keys and indices leading from root to the container ``target`` (found by identity).

    Bounded like the check itself, so a shared or cyclic value cannot make it run long.
    """
    stack: list[tuple[Any, list]] = [(root, [])]
    seen = 0
    while stack and seen <= MAX_VALUES:
        container, steps = stack.pop()
        seen += 1
        if container is target:
            return steps
        if len(steps) > MAX_DEPTH:
            continue
        pairs = container.items() if _kind(container) is dict else enumerate(container)
        children = [(value, steps + [slot]) for slot, value in pairs
                    if _kind(value) in (list, dict)]
        stack.extend(reversed(children))
    return None


_PATH_SYNTAX = re.compile(r"[.\[\]]|^$")
_PATH_SHOWN = 120  # characters of a key path worth showing in a one-line message


def format_path(steps) -> str:
    """Write keys and indices as 'WFWorkflowActions[3].WFWorkflowActionParameters.X'.

    A key that is not plain printable text is written as a quoted, escaped literal,
    so the path stays on one line and holds no character a terminal cannot print.
    """
    parts = []
    for step in steps:
        if type(step) is int:
            parts.append(f"[{step}]")
        elif isinstance(step, str) and step.isprintable() and not _PATH_SYNTAX.search(step):
            parts.append(f".{step}" if parts else step)
        else:
            parts.append(f"[{ascii(step)}]")
    path = "".join(parts) or "the root"
    if len(path) > _PATH_SHOWN:
        path = path[:_PATH_SHOWN] + "..."
    return path
