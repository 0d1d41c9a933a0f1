"""Tests for shortcuts2py.limits, through every container kind: each limit just kept
and just broken, one clear ContainerError each, and no recursion anywhere."""

from __future__ import annotations

import datetime
import json
import plistlib

import pytest

from shortcuts2py import api, limits
from shortcuts2py.container import ContainerError, read_bytes, write_bytes
from shortcuts2py.limits import (
    MAX_ACTIONS,
    MAX_DEPTH,
    MAX_STRING,
    MAX_TEXT,
    MAX_VALUES,
    PlistValueError,
    check_value,
    format_path,
)


def nested(levels: int, kind: str):
    """A root dictionary with arrays (or dictionaries) below it: ``levels`` deep in all."""
    value = "x"
    for _ in range(levels - 1):
        value = [value] if kind == "list" else {"k": value}
    return {"WFWorkflowActions": [], "X": value} if levels > 1 else {"WFWorkflowActions": []}


def encode(root, fmt: str) -> bytes:
    """``root`` as a binary plist, an XML plist or a JSON dump."""
    if fmt == "json":
        return json.dumps(root).encode()
    kind = plistlib.FMT_XML if fmt == "xml" else plistlib.FMT_BINARY
    return plistlib.dumps(root, fmt=kind, sort_keys=False)


FORMATS = ["bplist", "xml", "json"]


def one_line(error: pytest.ExceptionInfo) -> str:
    text = str(error.value)
    assert "\n" not in text and "Traceback" not in text
    return text


# --------------------------------------------------------------------------- depth


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", ["list", "dict"])
def test_depth_at_the_limit_reads(fmt, kind):
    # The root dictionary, then the array (or dictionary) under X: MAX_DEPTH in all.
    root = nested(MAX_DEPTH, kind)
    assert read_bytes(encode(root, fmt)) == root


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", ["list", "dict"])
def test_depth_past_the_limit_is_refused(fmt, kind):
    data = encode(nested(MAX_DEPTH + 1, kind), fmt)
    with pytest.raises(ContainerError) as error:
        read_bytes(data)
    step = "[0]" if kind == "list" else ".k"
    assert one_line(error).startswith(
        f"cannot read the shortcut: arrays and dictionaries nest deeper than the limit of "
        f"{MAX_DEPTH} levels at X{step}{step}")


def deep_xml(levels: int) -> bytes:
    return (b"<plist><dict><key>WFWorkflowActions</key>" + b"<array>" * levels
            + b"</array>" * levels + b"</dict></plist>")


def test_a_hundred_thousand_nested_xml_arrays_are_refused():
    with pytest.raises(ContainerError, match=f"deeper than the limit of {MAX_DEPTH}") as error:
        read_bytes(deep_xml(100_000))
    one_line(error)


def test_a_hundred_thousand_nested_json_arrays_are_refused():
    data = b'{"WFWorkflowActions": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    with pytest.raises(ContainerError, match="nested") as error:
        read_bytes(data)
    one_line(error)


def test_downstream_stages_survive_the_deepest_value_accepted():
    # The contract of MAX_DEPTH: whatever reads can be decompiled and compiled back,
    # even under pytest's own frames.
    value = "x"
    for _ in range(MAX_DEPTH - 4):   # root, WFWorkflowActions, the action, its parameters
        value = [value]
    root = {"WFWorkflowActions": [{
        "WFWorkflowActionIdentifier": "is.workflow.actions.gettext",
        "WFWorkflowActionParameters": {"WFTextActionText": value},
    }]}
    loaded = read_bytes(write_bytes(root))
    assert api.compile(api.decompile(loaded)) == root


# --------------------------------------------------------------------------- counts


@pytest.mark.parametrize("fmt", FORMATS)
def test_values_up_to_the_limit(fmt):
    # The root, WFWorkflowActions, X, and the items of X.
    fits = {"WFWorkflowActions": [], "X": [1] * (MAX_VALUES - 3)}
    assert len(read_bytes(encode(fits, fmt))["X"]) == MAX_VALUES - 3
    over = {"WFWorkflowActions": [], "X": [1] * (MAX_VALUES - 2)}
    with pytest.raises(ContainerError, match=f"more than {MAX_VALUES:,} values") as error:
        read_bytes(encode(over, fmt))
    one_line(error)


@pytest.mark.parametrize("fmt", FORMATS)
def test_actions_up_to_the_limit(fmt):
    assert len(read_bytes(encode({"WFWorkflowActions": [{}] * MAX_ACTIONS}, fmt))
               ["WFWorkflowActions"]) == MAX_ACTIONS
    with pytest.raises(ContainerError, match=f"{MAX_ACTIONS + 1:,} actions, more than"):
        read_bytes(encode({"WFWorkflowActions": [{}] * (MAX_ACTIONS + 1)}, fmt))


def test_writing_refuses_more_actions_than_reading_accepts():
    with pytest.raises(ContainerError, match="^cannot write the plist: .* actions"):
        write_bytes({"WFWorkflowActions": [{}] * (MAX_ACTIONS + 1)})


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_text_limits(fmt):
    fits = {"WFWorkflowActions": [], "X": "a" * MAX_STRING}
    assert len(read_bytes(encode(fits, fmt))["X"]) == MAX_STRING
    with pytest.raises(ContainerError, match="the string at X has 16,777,217 characters"):
        read_bytes(encode({"WFWorkflowActions": [], "X": "a" * (MAX_STRING + 1)}, fmt))


def test_total_text_counts_every_string_and_key():
    many = {"WFWorkflowActions": [], "X": ["a" * MAX_STRING] * (MAX_TEXT // MAX_STRING)}
    # The keys' 18 characters tip it over.
    with pytest.raises(PlistValueError, match="strings and data add up to more than"):
        check_value(many)
    many["X"].pop()
    check_value(many)


# --------------------------------------------------------------------------- integers


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("number", [limits.PLIST_INT_MIN, -1, 0, 2**63, limits.PLIST_INT_MAX])
def test_integers_a_plist_can_store_read(fmt, number):
    root = {"WFWorkflowActions": [], "X": number}
    got = read_bytes(encode(root, fmt))
    assert got["X"] == number and type(got["X"]) is int


@pytest.mark.parametrize("fmt", ["xml", "json"])
@pytest.mark.parametrize("number", [limits.PLIST_INT_MIN - 1, limits.PLIST_INT_MAX + 1, 10**4000])
def test_integers_a_plist_cannot_store_are_refused(fmt, number):
    # Written by hand: plistlib refuses to write them.
    if fmt == "json":
        data = f'{{"WFWorkflowActions": [], "X": {number}}}'.encode()
    else:
        data = (f"<plist><dict><key>WFWorkflowActions</key><array/><key>X</key>"
                f"<integer>{number}</integer></dict></plist>").encode()
    with pytest.raises(ContainerError, match=r"the integer at X is too (large|small)") as error:
        read_bytes(data)
    one_line(error)


@pytest.mark.parametrize("data", [
    b'{"WFWorkflowActions": [], "X": ' + b"7" * 5000 + b"}",
    b"<plist><dict><key>WFWorkflowActions</key><array/><key>X</key><integer>"
    + b"7" * 5000 + b"</integer></dict></plist>",
])
def test_integers_past_pythons_digit_limit_are_refused_plainly(data):
    with pytest.raises(ContainerError, match="thousands of digits") as error:
        read_bytes(data)
    assert "set_int_max_str_digits" not in one_line(error)


# --------------------------------------------------------------------------- kinds


@pytest.mark.parametrize("text, where", [
    (b'{"WFWorkflowActions": [], "X": ["ok", "a\\ud800"]}', r"the string at X\[1\]"),
    (b'{"WFWorkflowActions": [], "X": {"\\udfff": 1}}', "a dictionary key at X"),
])
def test_lone_surrogates_in_json_are_refused(text, where):
    with pytest.raises(ContainerError, match=f"{where} holds a lone UTF-16 surrogate"):
        read_bytes(text)


def test_surrogate_pairs_in_json_are_one_character():
    got = read_bytes(b'{"WFWorkflowActions": [], "X": "\\ud83d\\ude00"}')
    assert got["X"] == "\U0001f600"


@pytest.mark.parametrize("root, message", [
    ({"WFWorkflowActions": [], "X": 2**64}, "the integer at X is too large"),
    ({"WFWorkflowActions": [], "X": -(2**63) - 1}, "the integer at X is too small"),
    ({"WFWorkflowActions": [], "X": "a\udc00b"}, r"the string at X holds a lone UTF-16 surrogate"),
    ({"WFWorkflowActions": [], "\ud800": 1}, "a dictionary key at the root holds a lone"),
    ({"WFWorkflowActions": [], 3: "x"}, "a dictionary key at the root is an integer, not a string"),
    ({"WFWorkflowActions": [], "X": {b"k": 1}}, "a dictionary key at X is data, not a string"),
    ({"WFWorkflowActions": [None]}, r"it holds null at WFWorkflowActions\[0\]"),
    ({"WFWorkflowActions": [], "X": plistlib.UID(3)}, "it holds a keyed-archiver UID at X"),
    ({"WFWorkflowActions": [], "X": {1, 2}}, "it holds a Python set at X"),
    (nested(MAX_DEPTH + 1, "list"), "arrays and dictionaries nest deeper than the limit"),
])
def test_writing_refuses_what_cannot_be_read_back(root, message):
    for xml in (False, True):
        with pytest.raises(ContainerError, match=f"^cannot write the plist: {message}") as error:
            write_bytes(root, xml=xml)
        one_line(error)


def test_writing_keeps_subclasses_tuples_and_bytearrays():
    class Name(str):
        pass

    root = {"WFWorkflowActions": [], Name("X"): (Name("a"), bytearray(b"b"), True, 1.5,
                                                  datetime.datetime(2024, 1, 2))}
    assert read_bytes(write_bytes(root)) == {
        "WFWorkflowActions": [], "X": ["a", b"b", True, 1.5, datetime.datetime(2024, 1, 2)]}


def test_a_value_that_contains_itself_is_refused_quickly():
    loop: list = []
    loop.append(loop)
    with pytest.raises(PlistValueError, match="deeper than the limit"):
        check_value({"WFWorkflowActions": loop})


def test_a_value_sharing_its_parts_is_counted_in_full():
    value: list = ["x"]
    for _ in range(60):     # 2**60 leaves when walked as a tree
        value = [value, value]
    with pytest.raises(PlistValueError, match="values"):
        check_value({"WFWorkflowActions": [], "X": value})


# --------------------------------------------------------------------------- messages


@pytest.mark.parametrize("steps, text", [
    (["WFWorkflowActions", 3, "WFWorkflowActionParameters", "X"],
     "WFWorkflowActions[3].WFWorkflowActionParameters.X"),
    ([], "the root"),
    (["a.b", "c[d]", ""], "['a.b']['c[d]']['']"),
    (["line\nbreak", "tab\there"], r"['line\nbreak']['tab\there']"),
    (["sur\ud800"], r"['sur\ud800']"),
    (["Show-text", "Repeat Item"], "Show-text.Repeat Item"),
    ([0] * 100, "[0]" * 40 + "..."),
])
def test_paths_stay_on_one_printable_line(steps, text):
    path = format_path(steps)
    assert path == text
    assert path.isprintable()
