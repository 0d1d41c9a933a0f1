"""Tests for shortcuts2py.bplist: plistlib's results exactly, and every limit while reading."""

from __future__ import annotations

import datetime
import math
import plistlib
import struct

import pytest
from hypothesis import given, settings, strategies as st

from shortcuts2py import container
from shortcuts2py.bplist import MalformedPlist, read_bplist, write_bplist, write_checked
from shortcuts2py.limits import (
    MAX_DEPTH,
    MAX_SHARING,
    MAX_STRING,
    MAX_TEXT,
    MAX_VALUES,
    PlistValueError,
    check_value,
)

from .conftest import CORPUS, corpus_rows, needs_corpus


def same(a, b) -> bool:
    """Strict plist equality: types (1, 1.0 and True differ), key order, NaN equal to NaN."""
    stack = [(a, b)]
    while stack:
        x, y = stack.pop()
        if type(x) is not type(y):
            return False
        if type(x) is dict:
            if list(x) != list(y):
                return False
            stack.extend((x[key], y[key]) for key in x)
        elif type(x) is list:
            if len(x) != len(y):
                return False
            stack.extend(zip(x, y))
        elif type(x) is float:
            if not (x == y or (math.isnan(x) and math.isnan(y))):
                return False
        elif x != y:
            return False
    return True


# --------------------------------------------------------------------------- a builder
# Hand-made binary plists, for what plistlib will not write: null, UIDs, fill bytes,
# non-string keys, cycles, odd widths. Each object is given as its encoded bytes.


def build(objects: list[bytes], top: int = 0, ref_size: int = 1, offset_size: int = 0) -> bytes:
    body, offsets = bytearray(b"bplist00"), []
    for obj in objects:
        offsets.append(len(body))
        body += obj
    table = len(body)
    width = offset_size or (1 if table < 256 else 2 if table < 65536 else 4)
    for offset in offsets:
        body += offset.to_bytes(width, "big")
    body += bytes(6) + bytes([width, ref_size])
    body += struct.pack(">QQQ", len(objects), top, table)
    return bytes(body)


def head(kind: int, count: int) -> bytes:
    """A marker with its count, the count following as an integer object from 15 up."""
    if count < 15:
        return bytes([kind << 4 | count])
    return bytes([kind << 4 | 15]) + integer(count)


def integer(value: int, width: int = 0) -> bytes:
    width = width or next(w for w in (1, 2, 4, 8) if value < 1 << (8 * w))
    return bytes([0x10 | width.bit_length() - 1]) + value.to_bytes(width, "big", signed=value < 0)


def ascii_(text: str) -> bytes:
    return head(5, len(text)) + text.encode("ascii")


def utf16(units: bytes) -> bytes:
    return head(6, len(units) // 2) + units


def refs(numbers, ref_size: int = 1) -> bytes:
    return b"".join(n.to_bytes(ref_size, "big") for n in numbers)


def array(numbers, ref_size: int = 1) -> bytes:
    return head(0xA, len(numbers)) + refs(numbers, ref_size)


def dictionary(keys, values, ref_size: int = 1) -> bytes:
    return head(0xD, len(keys)) + refs(keys, ref_size) + refs(values, ref_size)


def shortcut_with(*value_objects: bytes) -> bytes:
    """{"WFWorkflowActions": [], "X": <object 4>}; further objects follow as 5, 6..."""
    return build([dictionary([1, 3], [2, 4]), ascii_("WFWorkflowActions"), array([]),
                  ascii_("X"), *value_objects])


# --------------------------------------------------------------------------- same as plistlib

plist_scalars = (
    st.booleans()
    | st.integers(-(2**63), 2**64 - 1)
    | st.floats()
    | st.text(alphabet=st.characters(blacklist_categories=("Cs",)))
    | st.binary(max_size=40)
    | st.datetimes(min_value=datetime.datetime(1, 1, 1), max_value=datetime.datetime(9999, 1, 1))
)
plist_values = st.recursive(
    plist_scalars,
    lambda inner: st.lists(inner, max_size=6)
    | st.dictionaries(st.text(max_size=8), inner, max_size=6),
    max_leaves=40,
)


@settings(max_examples=150, deadline=None)
@given(plist_values)
def test_random_values_read_like_plistlib(value):
    data = plistlib.dumps(value, fmt=plistlib.FMT_BINARY, sort_keys=False)
    assert same(read_bplist(data), plistlib.loads(data))


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(), min_size=300, max_size=400), st.integers(0, 2**64 - 1))
def test_wide_tables_read_like_plistlib(texts, number):
    # Hundreds of objects: two-byte references and offsets.
    data = plistlib.dumps({"t": texts, "n": number}, fmt=plistlib.FMT_BINARY)
    assert same(read_bplist(data), plistlib.loads(data))


def test_shared_objects_stay_shared_like_plistlib():
    inner = [1, "two"]
    data = plistlib.dumps({"a": inner, "b": inner, "c": []}, fmt=plistlib.FMT_BINARY)
    ours, theirs = read_bplist(data), plistlib.loads(data)
    assert same(ours, theirs)
    assert (ours["a"] is ours["b"]) == (theirs["a"] is theirs["b"]) is True


@pytest.mark.parametrize("ref_size, offset_size", [(1, 1), (2, 2), (3, 3), (4, 4), (8, 8)])
def test_every_reference_and_offset_width(ref_size, offset_size):
    objects = [dictionary([1, 3], [2, 4], ref_size), ascii_("WFWorkflowActions"),
               array([], ref_size), ascii_("X"), array([5, 6], ref_size),
               integer(7), ascii_("seven")]
    data = build(objects, ref_size=ref_size, offset_size=offset_size)
    expected = {"WFWorkflowActions": [], "X": [7, "seven"]}
    assert same(read_bplist(data), expected)
    assert same(plistlib.loads(data), expected)


@pytest.mark.parametrize(
    "obj, value",
    [
        (integer(0, 1), 0),
        (integer(2**16 - 1, 2), 2**16 - 1),
        (integer(2**32 - 1, 4), 2**32 - 1),
        (integer(-1, 8), -1),                           # 8-byte integers are signed
        (b"\x14" + (2**64 - 1).to_bytes(16, "big"), 2**64 - 1),
        (b"\x14" + (-(2**63)).to_bytes(16, "big", signed=True), -(2**63)),
        (b"\x22" + struct.pack(">f", 1.5), 1.5),
        (b"\x23" + struct.pack(">d", -0.25), -0.25),
        (b"\x33" + struct.pack(">d", 86400.5), datetime.datetime(2001, 1, 2, 0, 0, 0, 500000)),
        (b"\x08", False),
        (b"\x09", True),
        (head(4, 3) + b"\x00\x01\x02", b"\x00\x01\x02"),
        (head(4, 20) + bytes(20), bytes(20)),
        (b"\x5f\x11\x00\x03abc", "abc"),                  # a count needlessly two bytes wide
        (utf16("é😀".encode("utf-16-be")), "é😀"),        # a surrogate pair is one character
    ],
)
def test_scalars_read_like_plistlib(obj, value):
    data = shortcut_with(obj)
    assert same(read_bplist(data)["X"], value)
    assert same(plistlib.loads(data)["X"], value)


@needs_corpus
def test_every_binary_corpus_file_reads_like_plistlib():
    checked, differ = 0, []
    for row in corpus_rows():
        if row["format"] not in ("bplist", "aea-signed"):
            continue
        data = (CORPUS / row["file"]).read_bytes()
        if row["format"] == "aea-signed":
            data = container._extract_wflow(data)
        checked += 1
        if not same(read_bplist(data), plistlib.loads(data)):
            differ.append(row["file"])
    assert checked > 900
    assert not differ, differ[:10]


# --------------------------------------------------------------------------- refused kinds


@pytest.mark.parametrize(
    "obj, message",
    [
        (b"\x00", r"^it holds null at X, which a plist cannot store$"),
        (b"\x80\x05", r"^it holds a keyed-archiver UID at X"),
        (b"\x0f", r"^it holds a fill byte at X"),
        (b"\xc1\x00", r"^it holds a set at X"),
        (b"\x15" + bytes(32), r"^the integer at X is stored in 32 bytes"),
        (b"\x1f" + bytes(32768), r"^the integer at X is stored in 32,768 bytes"),
        (b"\x14" + (2**64).to_bytes(16, "big"), r"^the integer at X is too large"),
        (b"\x14" + (-(2**63) - 1).to_bytes(16, "big", signed=True), r"too small"),
        (utf16(b"\xd8\x00\x00a"), r"^the string at X holds a lone UTF-16 surrogate \(U\+D800\)"),
        (utf16(b"\x00a\xdc\x00"), r"lone UTF-16 surrogate \(U\+DC00\)"),
    ],
)
def test_values_shortcuts_never_hold_are_refused(obj, message):
    with pytest.raises(PlistValueError, match=message):
        read_bplist(shortcut_with(obj))


@pytest.mark.parametrize(
    "key, name",
    [(integer(1), "an integer"), (head(4, 1) + b"k", "data"), (b"\x00", "null"),
     (b"\x09", "a boolean"), (array([]), "an array"), (b"\x80\x00", "a keyed-archiver UID")],
)
def test_non_string_keys_are_refused_where_they_are(key, name):
    data = shortcut_with(dictionary([5], [6]), key, ascii_("v"))
    with pytest.raises(PlistValueError, match=f"^a dictionary key at X is {name}, not a string$"):
        read_bplist(data)


def test_refusals_name_the_path_through_arrays_and_dictionaries():
    data = build([
        dictionary([1, 2], [3, 4]), ascii_("WFWorkflowActions"), ascii_("Other"),
        array([5, 6]), ascii_("fine"), ascii_("fine too"),
        dictionary([7], [8]), ascii_("WFWorkflowActionParameters"), dictionary([9], [10]),
        ascii_("weird.key"), b"\x80\x01",
    ])
    with pytest.raises(PlistValueError) as info:
        read_bplist(data)
    assert str(info.value).startswith(
        "it holds a keyed-archiver UID at WFWorkflowActions[1].WFWorkflowActionParameters"
        "['weird.key'],")


# --------------------------------------------------------------------------- malformed files


def retrailer(data: bytes, **fields: int) -> bytes:
    """``data`` with some trailer fields replaced (offset_size, ref_size, count, top, table)."""
    names = ("offset_size", "ref_size", "count", "top", "table")
    values = dict(zip(names, struct.unpack(">6xBBQQQ", data[-32:])))
    values.update(fields)
    return data[:-32] + struct.pack(">6xBBQQQ", *(values[name] for name in names))


@pytest.mark.parametrize(
    "data, message",
    [
        (b"bplist00" + bytes(10), "too short"),
        (retrailer(build([b"\x09"]), offset_size=0), "widths"),
        (retrailer(build([b"\x09"]), ref_size=9), "widths"),
        (retrailer(build([b"\x09"]), count=0), "top object"),
        (retrailer(build([b"\x09"]), top=1), "top object"),
        (retrailer(build([b"\x09"]), count=2**62), "offset table"),
        (retrailer(build([b"\x09"]), table=10**6), "offset table"),
        (retrailer(build([b"\x09"]), table=3), "offset table"),
        (build([array([5])]), "past the end of the object table"),
        (build([head(0xA, 200) + b"\x00"]), "runs past the end"),
        (build([head(5, 14) + b"abc"]), "runs past the end"),
        (build([b"\x53ab\xff"]), "above 127"),
        (build([b"\x70"]), "unknown type 0x70"),
        (build([b"\x21\x00\x00"]), "unknown type 0x21"),
        (build([b"\x33" + struct.pack(">d", 1e300)]), "date is out of range"),
        (build([b"\x33" + struct.pack(">d", math.nan)]), "date is out of range"),
    ],
)
def test_malformed_files(data, message):
    with pytest.raises(MalformedPlist, match=message):
        read_bplist(data)


def test_offsets_must_point_at_objects():
    good = build([b"\x09"])
    table = struct.unpack(">Q", good[-8:])[0]
    for offset in (3, table):   # inside the header, at the offset table itself
        with pytest.raises(MalformedPlist, match="outside the objects"):
            read_bplist(good[:table] + bytes([offset]) + good[table + 1:])


@pytest.mark.parametrize(
    "objects",
    [
        [array([0])],                                        # an array holding itself
        [array([1]), array([0])],                            # two arrays holding each other
        [dictionary([1], [2]), ascii_("k"), array([3]), dictionary([1], [0])],
    ],
)
def test_cycles_are_refused(objects):
    with pytest.raises(MalformedPlist, match="contains itself"):
        read_bplist(build(objects))


# --------------------------------------------------------------------------- limits


def chain(levels: int) -> bytes:
    """Arrays nested ``levels`` deep, the innermost holding the string "x"."""
    objects = [array([n + 1], ref_size=4) for n in range(levels)] + [ascii_("x")]
    return build(objects, ref_size=4)


def test_depth_up_to_the_limit_reads():
    value = read_bplist(chain(MAX_DEPTH))
    for _ in range(MAX_DEPTH):
        value = value[0]
    assert value == "x"


@pytest.mark.parametrize("levels", [MAX_DEPTH + 1, 100_000])
def test_depth_past_the_limit_is_refused(levels):
    with pytest.raises(PlistValueError, match=f"deeper than the limit of {MAX_DEPTH} levels"):
        read_bplist(chain(levels))


def test_depth_reached_only_through_a_shared_part_is_refused():
    # The top array holds a chain of 100 arrays, then a second chain of 100 arrays
    # that ends in the first one: 201 levels, although each chain alone is shallow.
    first = [array([n + 1], 2) for n in range(1, 100)] + [ascii_("x")]      # objects 1..100
    second = [array([n + 1], 2) for n in range(101, 200)] + [array([1], 2)]  # objects 101..200
    data = build([array([1, 101], 2), *first, *second], ref_size=2)
    with pytest.raises(PlistValueError, match="deeper than the limit"):
        read_bplist(data)


def laughs(levels: int) -> bytes:
    """Each array holds the next one twice: 2**levels strings from a few hundred bytes."""
    objects = [array([n + 1, n + 1]) for n in range(levels)] + [ascii_("lol")]
    return build(objects)


def test_shared_references_are_counted_without_being_expanded():
    with pytest.raises(PlistValueError, match="stand for 32,767 values"):
        read_bplist(laughs(14))
    with pytest.raises(PlistValueError, match=f"more than {MAX_VALUES:,} values"):
        read_bplist(laughs(60))   # 2**61 values: refused long before anything expands


@pytest.mark.parametrize("uses, reads", [(109, True), (110, False)])
def test_sharing_up_to_its_limit(uses, reads):
    # A top array with ``uses`` references to one dictionary of 10 values: the file
    # stores 1 + uses + 10 references and stands for 1 + 11 * uses values, which is
    # at most MAX_SHARING (10) times as many up to 109 uses.
    assert MAX_SHARING == 10
    keys = [ascii_(f"k{n}") for n in range(10)]
    objects = [array([1] * uses), dictionary(list(range(2, 12)), [12] * 10), *keys, ascii_("v")]
    if reads:
        value = read_bplist(build(objects))
        assert len(value) == uses and value[0] is value[-1] and len(value[0]) == 10
    else:
        with pytest.raises(PlistValueError, match=f"stand for {1 + 11 * uses:,} values"):
            read_bplist(build(objects))


def test_values_up_to_the_limit():
    # A top array of n references to one string: n + 1 values.
    def flat(n: int) -> bytes:
        return build([array([1] * n, ref_size=1), ascii_("s")])

    assert len(read_bplist(flat(MAX_VALUES - 1))) == MAX_VALUES - 1
    with pytest.raises(PlistValueError, match=f"more than {MAX_VALUES:,} values"):
        read_bplist(flat(MAX_VALUES))


def test_text_up_to_the_limit():
    # References to one long string, counted each time (no value limit nearby).
    long_count = MAX_TEXT // MAX_STRING
    text = head(5, MAX_STRING) + b"a" * MAX_STRING
    assert len(read_bplist(build([array([1] * long_count), text]))) == long_count
    with pytest.raises(PlistValueError, match="strings and data add up to more than"):
        read_bplist(build([array([1] * (long_count + 1)), text]))


def test_one_string_up_to_the_limit():
    assert len(read_bplist(build([head(5, MAX_STRING) + b"a" * MAX_STRING]))) == MAX_STRING
    with pytest.raises(PlistValueError, match="characters, more than the limit"):
        read_bplist(build([head(5, MAX_STRING + 1) + b"a" * (MAX_STRING + 1)]))
    with pytest.raises(PlistValueError, match="bytes, more than the limit"):
        read_bplist(build([head(4, MAX_STRING + 1) + bytes(MAX_STRING + 1)]))


def test_huge_counts_are_refused_before_anything_is_read():
    with pytest.raises(PlistValueError, match="values"):
        read_bplist(build([bytes([0xAF, 0x13]) + (2**62).to_bytes(8, "big")]))
    with pytest.raises(MalformedPlist, match="runs past the end"):
        read_bplist(build([bytes([0x5F, 0x13]) + (2**62).to_bytes(8, "big")]))


# --------------------------------------------------------------------------- writing


def _zero_signs(value) -> list[float]:
    """The signs of the zeros in ``value``, in order."""
    signs, stack = [], [value]
    while stack:
        node = stack.pop()
        if type(node) is float and node == 0.0:
            signs.append(math.copysign(1.0, node))
        elif isinstance(node, dict):
            stack.extend(reversed(list(node.values())))
        elif isinstance(node, list):
            stack.extend(reversed(node))
    return signs


@settings(max_examples=150, deadline=None)
@given(plist_values)
def test_the_writer_writes_what_plistlib_writes(value):
    ours = write_bplist(value)
    signs = _zero_signs(value)
    assert _zero_signs(plistlib.loads(ours)) == signs
    if len(set(signs)) < 2:  # both zeros are the one case plistlib gets wrong (below)
        assert ours == plistlib.dumps(value, fmt=plistlib.FMT_BINARY, sort_keys=False)


def test_the_writer_keeps_both_signs_of_zero():
    """plistlib writes one object for 0.0 and -0.0 (they compare equal): a sign is lost."""
    value = {"a": 0.0, "b": -0.0, "c": [-0.0, 0.0]}
    back = plistlib.loads(write_bplist(value))
    signs = [math.copysign(1.0, back["a"]), math.copysign(1.0, back["b"])] + [math.copysign(1.0, x) for x in back["c"]]
    assert signs == [1.0, -1.0, -1.0, 1.0]


def test_a_nan_shares_its_object_only_with_itself_as_in_plistlib():
    # NaN equals nothing, so plistlib's table finds a NaN only by identity (found by hypothesis).
    nan = float("nan")
    for value in ([nan, nan], [float("nan"), float("nan")], {"a": nan, "b": [nan, float("nan")]}):
        assert write_bplist(value) == plistlib.dumps(value, fmt=plistlib.FMT_BINARY, sort_keys=False)


# --- the one walk that writes and measures (write_checked) ---------------------


def _deep(levels: int) -> dict:
    value: object = "x"
    for _ in range(levels - 1):
        value = [value]
    return {"X": value}


@settings(max_examples=150, deadline=None)
@given(plist_values)
def test_the_checked_writer_writes_what_the_writer_writes(value):
    data = write_checked(value)
    if isinstance(value, (dict, list)):
        assert data == write_bplist(value)  # plain values within the limits: never left to the check
        check_value(value)


def _text(last: int) -> dict:
    """Keys and strings of MAX_TEXT - 3 + ``last`` characters in all."""
    return {"X": ["a" * MAX_STRING, "b" * MAX_STRING, "c" * MAX_STRING, "d" * last], "k": "e"}


@pytest.mark.parametrize("root", [
    {"X": [1] * MAX_VALUES},
    _deep(MAX_DEPTH + 1),
    {"X": "a" * (MAX_STRING + 1)},
    {"X": b"a" * (MAX_STRING + 1)},
    _text(MAX_STRING - 2),  # each string fits, the text is one character over
    {"X": ["a" * MAX_STRING] * 5},  # one string five times: each reference counts
    {"X": 2**64},
    {"X": "a\udc00"},
    {"\ud800": 1},
    {3: "x"},
    {"X": None},
])
def test_the_checked_writer_leaves_every_refusal_to_the_check(root):
    with pytest.raises(PlistValueError):
        check_value(root)
    assert write_checked(root) is None


@pytest.mark.parametrize("root", [
    {"X": [1] * (MAX_VALUES - 2)},
    _deep(MAX_DEPTH),
    _text(MAX_STRING - 3),
])
def test_the_checked_writer_writes_values_at_the_limits(root):
    check_value(root)
    assert write_checked(root) == write_bplist(root)


def test_the_checked_writer_leaves_shared_containers_and_cycles_to_the_check():
    part = {"a": 1}
    assert write_checked({"X": [part, part]}) is None
    loop: list = []
    loop.append(loop)
    assert write_checked({"X": loop}) is None


@pytest.mark.parametrize("numbers", [200, 252, 253, 65532, 65533, 65534, 70000])
def test_the_writer_gives_references_the_width_plistlib_gives(numbers):
    """Around 256 and 65,536 objects (the root, a key, a list and its distinct numbers),
    where references take one, two or four bytes."""
    value = {"X": list(range(numbers))}
    # write_checked leaves nothing to plistlib: these are the writer's own bytes
    assert write_checked(value) == plistlib.dumps(value, fmt=plistlib.FMT_BINARY, sort_keys=False)
