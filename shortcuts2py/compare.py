"""The round-trip judge: does a rebuilt workflow equal the original?

Equality is strict on plist types (``True`` is not ``1``, ``1`` is not ``1.0``) because
the Shortcuts app distinguishes them (FORMAT.md 6.2). Dictionary key order is not
compared here: Apple's binary writer emits keys in hash order, so order is a separate
concern from equality (FORMAT.md 6.1). Optionally, identifiers may be renamed as long
as the renaming is one consistent bijection.
"""

from __future__ import annotations

import datetime
import math
import re
import struct

__all__ = ["ID_KEYS", "first_difference"]

ID_KEYS = ("UUID", "OutputUUID", "GroupingIdentifier", "VariableUUID")

_PLAIN_KEY = re.compile(r"[A-Za-z0-9_\-]+\Z")
_MAX_REPR = 80


def first_difference(original, candidate, *, rename_ids: bool) -> str | None:
    """Return None when equal, else one line naming the first difference and its key path."""
    return _Judge(rename_ids).walk(original, candidate, "", None)


def _kind(value) -> str:
    # bool before int (bool is an int subclass), datetime before anything date-like.
    for types, name in ((bool, "bool"), (int, "int"), (float, "float"), (str, "str"),
                        ((bytes, bytearray), "bytes"), (datetime.datetime, "datetime"),
                        (list, "list"), (dict, "dict")):
        if isinstance(value, types):
            return name
    return type(value).__name__


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= _MAX_REPR else text[:_MAX_REPR - 1] + "…"


def _child(path: str, key) -> str:
    if isinstance(key, str) and _PLAIN_KEY.match(key):
        return f"{path}.{key}" if path else key
    return f"{path}[{key!r}]"


def _same_float(a: float, b: float) -> bool:
    # Bit-level comparison keeps -0.0 apart from 0.0; any NaN equals any NaN.
    if math.isnan(a) and math.isnan(b):
        return True
    return struct.pack("<d", a) == struct.pack("<d", b)


class _Judge:
    def __init__(self, rename_ids: bool):
        self.rename_ids = rename_ids
        self.forward: dict[str, str] = {}   # original id -> candidate id
        self.backward: dict[str, str] = {}  # candidate id -> original id

    def walk(self, a, b, path: str, key) -> str | None:
        where = path or "<root>"
        kind_a, kind_b = _kind(a), _kind(b)
        if kind_a != kind_b:
            return f"{where}: type {kind_a} != {kind_b}"
        if kind_a == "dict":
            return self.walk_dict(a, b, path)
        if kind_a == "list":
            return self.walk_list(a, b, path)
        if self.rename_ids and kind_a == "str" and key in ID_KEYS:
            return self.check_id(a, b, where)
        same = _same_float(a, b) if kind_a == "float" else a == b
        return None if same else f"{where}: {_short(a)} != {_short(b)}"

    def walk_dict(self, a: dict, b: dict, path: str) -> str | None:
        for key, value in a.items():
            if key not in b:
                return f"{_child(path, key)}: key missing in result"
            found = self.walk(value, b[key], _child(path, key), key)
            if found:
                return found
        for key in b:
            if key not in a:
                return f"{_child(path, key)}: unexpected key"
        return None

    def walk_list(self, a: list, b: list, path: str) -> str | None:
        # Length first: after an inserted or dropped action every later element would
        # differ, and the first of those mismatches says less than the count does.
        if len(a) != len(b):
            return f"{path or '<root>'}: list length {len(a)} != {len(b)}"
        for index, (x, y) in enumerate(zip(a, b)):
            found = self.walk(x, y, f"{path}[{index}]", None)
            if found:
                return found
        return None

    def check_id(self, a: str, b: str, where: str) -> str | None:
        # One bijection for all ID_KEYS: an id used as UUID here may be an OutputUUID there.
        if a in self.forward and self.forward[a] != b:
            return (f"{where}: id {_short(a)} was renamed to {_short(self.forward[a])} "
                    f"earlier but here is {_short(b)}")
        if b in self.backward and self.backward[b] != a:
            return (f"{where}: id {_short(b)} in the result already stands for "
                    f"{_short(self.backward[b])} but here for {_short(a)}")
        self.forward[a], self.backward[b] = b, a
        return None
