"""Long fuzz campaigns: mutated shortcuts and code through every entry point.

Usage:
    python benchmarks/fuzz.py [--inputs N] [--seed S] [--workers W] [--limit SECONDS]
                              [--corpus DIR] [--out DIR] [--max-seed-bytes B]
    python benchmarks/fuzz.py --replay INDEX [--seed S] ...   # write one input to --out

Seeds are the real shortcuts in ../shared/corpus/files (beside the repository).
Input ``i`` of a campaign is a pure function of the seed string, ``i`` and the
seed files, so any finding can be made again with ``--replay i``.  Five kinds of
input are made, each from a random seed file:

* ``bytes``  - the file's bytes, mutated blindly (bit flips, spans inserted,
  deleted, duplicated or spliced from another file, interesting integers);
* ``plist``  - the workflow dict, mutated as a tree (values of every plist kind,
  keys and identifiers the format uses, actions moved or copied, deep nesting),
  then written as a binary, XML, JSON or signed file;
* ``signed`` - the binary plist wrapped in a fresh AEA1 file (any segment size,
  cluster size, compression and checksum kind), then its header fields forged;
* ``code``   - the decompiled code, mutated by lines, names, literals and nesting;
* ``text``   - an XML or JSON file, mutated as text (numbers, escapes, nesting).

Every shortcut input goes through ``api.load``, ``decompile``, ``compile``,
``dump`` (and ``load`` of what was dumped) and the round-trip judge; ``check``
of the decompiled code and ``render`` run on every input, or on every Nth with
``--full-every N`` (they cost as much as the rest together).  Every code input
goes through ``compile``, ``dump`` and ``check``; what compiles then goes round
as a shortcut.

A finding is an exception other than CompileError / DecompileError (by
signature: type and innermost frame of the package), an input over the time
limit (CPU seconds of the worker), a memory error, or a round trip that changes
data (a difference, a second decompile that is not the same code, decompiled
code that does not compile or cannot be dumped).  Up to five reproducers per
signature are written to ``--out`` with a ``.txt`` beside each, every finding
is one line of ``findings.jsonl``, and ``summary.json`` is rewritten as the
campaign goes, so a campaign stopped early still says what it saw.

Workers are processes forked from the one that loaded the seeds; each runs at
most ``--limit`` CPU seconds per input (a timer that interrupts Python code)
under an address-space cap, and a watchdog replaces a worker that stops
answering.  Peak RSS is the largest ``ru_maxrss`` a worker reached.
"""

from __future__ import annotations

import argparse
import copy
import datetime
import hashlib
import json
import multiprocessing
import plistlib
import random
import re
import resource
import signal
import struct
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

import lzfse

from shortcuts2py import api
from shortcuts2py.compare import first_difference
from shortcuts2py.errors import CompileError, DecompileError

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "files"
PACKAGE_DIR = str(REPO / "shortcuts2py")

KINDS = ("bytes", "plist", "signed", "code", "text")
KIND_WEIGHTS = (25, 35, 10, 22, 8)
KEPT_PER_SIGNATURE = 5
ONE_MIB = 1 << 20


# --------------------------------------------------------------------------- vocabulary
# What mutations draw from: the keys, types and edge values the format and the
# language give meaning to, where a mistake is most likely to hide.

PLIST_KEYS = (
    "WFWorkflowActionIdentifier", "WFWorkflowActionParameters", "UUID", "GroupingIdentifier",
    "WFControlFlowMode", "CustomOutputName", "Type", "Value", "OutputUUID", "OutputName",
    "VariableName", "VariableUUID", "Aggrandizements", "attachmentsByRange", "string",
    "WFSerializationType", "WFDictionaryFieldValueItems", "WFItemType", "WFKey", "WFValue",
    "WFMenuItems", "WFMenuItemTitle", "WFMenuItemAttributedTitle", "WFMenuPrompt", "WFCondition",
    "WFInput", "WFConditionalActionString", "WFNumberValue", "WFAnotherNumber", "WFConditions",
    "WFActionParameterFilterPrefix", "WFActionParameterFilterTemplates", "WFRepeatCount",
    "WFVariableName", "WFCommentActionText", "WFTextActionText", "WFWorkflowActions",
    "WFWorkflowMinimumClientVersionString", "WFWorkflowMinimumClientVersion", "WFWorkflowIcon",
    "WFWorkflowImportQuestions", "WFWorkflowTypes", "WFWorkflowInputContentItemClasses",
    "WFWorkflowClientVersion", "WFWorkflowHasOutputFallback", "WFWorkflowOutputContentItemClasses",
    "WFWorkflowNoInputBehavior", "WFQuickActionSurfaces", "WFWorkflowHasShortcutInputVariables",
    "PropertyName", "PropertyUserInfo", "WFDateFormatStyle", "WFCoercionVariableAggrandizement",
    "CoercionItemClass", "DictionaryKey", "WFDictionaryValueVariableAggrandizement",
    "output_names", "shortcut", "if", "None", "class", "self", "ids", "_", "", " ", "a-b", "1x",
)
TYPES = ("ActionOutput", "Variable", "ExtensionInput", "Clipboard", "CurrentDate", "Ask",
         "DeviceDetails", "Input", "ShortcutInput", "Unknown", "")
SERIALIZATIONS = ("WFTextTokenString", "WFTextTokenAttachment", "WFDictionaryFieldValue",
                  "WFArrayParameterState", "WFNumberSubstitutableState", "WFContentPredicateTableTemplate",
                  "WFQuantityFieldValue", "WFTimeOffsetValue", "WFUnknown")
RANGES = ("{0, 1}", "{0, 0}", "{1, 1}", "{-1, 2}", "{99, 1}", "{0,1}", "{ 0, 1 }", "{1, 0}",
          "{4294967296, 1}", "{0, 1}x", "{}", "")
STRINGS = (
    "", " ", "  x ", "\n", "a\nb", "\t", "\r\n", '"', "'", "'''", '"""', "\\", "{", "}", "{}",
    "{x}", "\x00", "\x1b[31m", "\u2028", "\u200b", "\ufeff", "é", "e\u0301", "😀", "👩‍👩‍👧",
    "\uffff", "\U0010ffff", "ｆｕｌｌ", "if", "else", "for", "match", "case", "None", "True",
    "pass", "lambda", "import", "shortcut", "output_names", "ids", "var", "group", "attachment",
    "raw_action", "action", "missing_output", "with_keys", "menu", "menu_case", "date", "real",
    "Repeat Item", "Repeat Index", "Repeat Item 2", "Menu Result", "If Result", "Shortcut Input",
    "ShortcutInput", "Clipboard", "x", "x_1", "A-B", "is.workflow.actions.gettext",
    "is.workflow.actions.conditional", "is.workflow.actions.choosefrommenu",
    "is.workflow.actions.repeat.each", "is.workflow.actions.repeat.count", "is.workflow.actions.comment",
    "is.workflow.actions.setvariable", "is.workflow.actions.unknown.thing", "com.example.Intent",
    "00000000-0000-0000-0000-000000000000", "not-a-uuid", "x" * 300, "# not a comment",
    "\\ud800", "%s", "{0}", "$(rm -rf /)", "a" * 5000,
)
INTEGERS = (0, 1, -1, 2, 3, 4, 99, 100, 255, 256, 2**31 - 1, 2**31, -2**31, 2**32, 2**53 + 1,
            2**63 - 1, -2**63, 2**63, 2**64 - 1, 10**18)
FLOATS = (0.0, -0.0, 1.0, 0.5, 1e-300, 1e300, 5e-324, 1.7976931348623157e308, float("inf"),
          float("-inf"), float("nan"), 3.14159, -1.5, 1e16, 123456789.123)
DATES = (datetime.datetime(2001, 1, 1), datetime.datetime(1970, 1, 1),
         datetime.datetime(2024, 2, 29, 23, 59, 59, 999999), datetime.datetime(1, 1, 1),
         datetime.datetime(9999, 12, 31, 23, 59, 59))
CODE_NAMES = ("if", "for", "else", "match", "case", "None", "True", "False", "pass", "shortcut",
              "var", "attachment", "raw_action", "action", "group", "ids", "output_names",
              "missing_output", "with_keys", "date", "real", "enumerate", "range", "menu",
              "menu_case", "condition", "global_variable", "ShortcutInput", "Clipboard",
              "CurrentDate", "Ask", "DeviceDetails", "Input", "if_result", "repeat_count",
              "repeat_each", "as_type", "property", "format_date", "unit", "aggrandize", "x",
              "print", "__import__", "exec", "lambda", "yield", "not", "in", "and", "or", "is")
CODE_LITERALS = ('"\\ud800"', '"\\udc80"', '"\\x00"', '"\\u2028"', "99999999999999999999999",
                 "-99999999999999999999999", "1e400", "-0.0", "0x10", "1_000", "1j", "b'\\xff'",
                 "f'{x}'", "f'{x!r}'", "f'{x:>10}'", "f'{{}}'", '""', "''", "...", "None",
                 "[]", "{}", "()", '{"a": 1}', "[1, 2]", "x[0]", 'x["k"]', "x.y", "-x", "not x",
                 "x == 1", "1 < x < 2", "x if x else x", "lambda: 1", "*x", "**x", "(x := 1)")


# --------------------------------------------------------------------------- containers


def write_container(root, rng: random.Random, kind: str | None = None) -> tuple[bytes, str]:
    """``root`` in a container chosen at random; falls back to JSON when a format refuses it."""
    kind = kind or rng.choice(("bplist", "bplist", "xml", "json", "signed"))
    try:
        if kind == "bplist":
            return plistlib.dumps(root, fmt=plistlib.FMT_BINARY, sort_keys=False), kind
        if kind == "xml":
            return plistlib.dumps(root, fmt=plistlib.FMT_XML, sort_keys=False), kind
        if kind == "signed":
            wflow = plistlib.dumps(root, fmt=plistlib.FMT_BINARY, sort_keys=False)
            return wrap_signed(wflow, rng), kind
    except (TypeError, ValueError, OverflowError, RecursionError):
        pass
    return json.dumps(root, default=_json_default, ensure_ascii=rng.random() < 0.5).encode(
        "utf-8", "surrogatepass"), "json"


def _json_default(value):
    if isinstance(value, (bytes, bytearray)):
        return value.decode("latin-1")
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return repr(value)


def apple_archive(wflow: bytes, name: bytes = b"Shortcut.wflow") -> bytes:
    """An Apple Archive (FORMAT.md 2.6) holding a folder entry and one file."""

    def entry(fields: bytes, blob: bytes = b"") -> bytes:
        return b"AA01" + struct.pack("<H", 6 + len(fields)) + fields + blob

    folder = b"TYP1D" + b"PATP" + struct.pack("<H", 0) + b"MOD2" + struct.pack("<H", 0o755)
    file = (b"TYP1F" + b"PATP" + struct.pack("<H", len(name)) + name + b"MOD2" + struct.pack("<H", 0o644)
            + b"MTMT" + struct.pack("<QI", 1700000000, 0) + b"DATB" + struct.pack("<I", len(wflow)))
    return entry(folder) + entry(file, wflow)


def aea_wrap(payload: bytes, *, segment_size: int = ONE_MIB, per_cluster: int = 256,
             compression: str = "e", checksum: int = 2, profile: int = 0) -> bytes:
    """A profile-0 AEA1 file (FORMAT.md 2.2-2.4) around ``payload``.

    Signature, seed, salt and HMACs are zero filler: a reader that does not verify
    (as ``container`` does not) must still find its way through them.
    """
    digest_size = {0: 0, 1: 8, 2: 32}.get(checksum, 0)
    segments = []
    for start in range(0, len(payload), segment_size):
        raw = payload[start:start + segment_size]
        stored = lzfse.compress(raw) if compression == "e" else raw
        if len(stored) >= len(raw):
            stored = raw  # stored as is: equal sizes say so
        digest = hashlib.sha256(raw).digest() if checksum == 2 else bytes(digest_size)
        segments.append((len(raw), stored, digest))
    auth = plistlib.dumps({"SigningCertificateChain": [b"leaf", b"ca"]}, fmt=plistlib.FMT_BINARY)
    head = b"AEA1" + profile.to_bytes(3, "little") + b"\x00" + struct.pack("<I", len(auth)) + auth
    head += b"\x30\x44" + bytes(126) + bytes(96)  # signature, key seed, salt, root-header HMAC
    root_at = len(head)
    head += struct.pack("<QQIIBB22x", len(payload), 0, segment_size, per_cluster,
                        ord(compression), checksum)
    body = bytearray(bytes(32))  # HMAC of cluster 0's header
    for first in range(0, max(len(segments), 1), per_cluster):
        cluster = segments[first:first + per_cluster]
        for raw_len, stored, digest in cluster:
            body += struct.pack("<II", raw_len, len(stored)) + digest
        body += bytes((8 + digest_size) * (per_cluster - len(cluster)))
        body += bytes(32 * (per_cluster + 1))  # next-cluster HMAC and one per segment
        for _, stored, _ in cluster:
            body += stored
    out = bytearray(head + body)
    struct.pack_into("<Q", out, root_at + 8, len(out))
    return bytes(out)


def wrap_signed(wflow: bytes, rng: random.Random) -> bytes:
    """``wflow`` in a signed file whose layout parameters are drawn at random."""
    segment_size = rng.choice((ONE_MIB, ONE_MIB, 4096, 512, 64, 1 << rng.randint(4, 20)))
    per_cluster = rng.choice((256, 256, 1, 2, 3, rng.randint(1, 300)))
    compression = rng.choice("eee-")
    checksum = rng.choice((2, 2, 0, 1))
    name = rng.choice((b"Shortcut.wflow", b"Shortcut.wflow", b"Other.wflow", b""))
    return aea_wrap(apple_archive(wflow, name), segment_size=segment_size, per_cluster=per_cluster,
                    compression=compression, checksum=checksum)


def forge_signed(data: bytes, rng: random.Random) -> bytes:
    """Change one field of a signed file's header to an unlikely value."""
    out = bytearray(data)
    auth = struct.unpack_from("<I", out, 8)[0]
    root = 12 + auth + 224
    fields = [  # (offset, struct format)
        (4, "<I"), (8, "<I"), (root, "<Q"), (root + 8, "<Q"), (root + 16, "<I"), (root + 20, "<I"),
        (root + 24, "<B"), (root + 25, "<B"),
        (root + 48 + 32, "<I"), (root + 48 + 36, "<I"),  # first segment: raw and stored size
        (root + 48 + 40, "<Q"),  # first digest bytes
    ]
    offset, fmt = rng.choice(fields)
    size = struct.calcsize(fmt)
    if offset + size > len(out):
        return mutate_bytes(data, rng, ())
    old = struct.unpack_from(fmt, out, offset)[0]
    top = (1 << (8 * size)) - 1
    new = rng.choice((0, 1, old + 1, max(old - 1, 0), old * 2 & top, top, top >> 1,
                      ord(rng.choice("-4befxz")), rng.randint(0, top)))
    struct.pack_into(fmt, out, offset, new & top)
    if rng.random() < 0.3:  # and, sometimes, damage the compressed data too
        return mutate_bytes(bytes(out), rng, ())
    return bytes(out)


# --------------------------------------------------------------------------- byte mutations


def mutate_bytes(data: bytes, rng: random.Random, donors) -> bytes:
    """One to four blind edits of ``data``."""
    out = bytearray(data)
    for _ in range(rng.choice((1, 1, 1, 2, 2, 3, 4))):
        _BYTE_EDITS[rng.randrange(len(_BYTE_EDITS))](out, rng, donors)
    return bytes(out)


def _span(out: bytearray, rng: random.Random) -> tuple[int, int]:
    if not out:
        return 0, 0
    start = rng.randrange(len(out))
    return start, min(len(out), start + rng.choice((1, 2, 4, 8, 16, 64, 512)))


def _flip(out, rng, donors):
    if out:
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)


def _set_byte(out, rng, donors):
    if out:
        out[rng.randrange(len(out))] = rng.choice((0, 1, 0x7F, 0x80, 0xFF, 0x0F, 0x10, 0x1F, 0x20,
                                                    0x3C, 0x5C, 0x22, rng.randrange(256)))


def _insert(out, rng, donors):
    at = rng.randint(0, len(out))
    out[at:at] = bytes(rng.randrange(256) for _ in range(rng.choice((1, 2, 4, 8, 32))))


def _delete(out, rng, donors):
    start, stop = _span(out, rng)
    del out[start:stop]


def _duplicate(out, rng, donors):
    start, stop = _span(out, rng)
    at = rng.randint(0, len(out))
    out[at:at] = out[start:stop] * rng.choice((1, 1, 2, 16))


def _integer(out, rng, donors):
    if len(out) < 8:
        return
    size = rng.choice((1, 2, 4, 8))
    at = rng.randrange(len(out) - size + 1)
    value = rng.choice((0, 1, (1 << (8 * size)) - 1, (1 << (8 * size - 1)), (1 << (8 * size - 1)) - 1,
                        int.from_bytes(out[at:at + size], "little") + rng.choice((1, -1))))
    value &= (1 << (8 * size)) - 1
    out[at:at + size] = value.to_bytes(size, rng.choice(("little", "big")))


def _splice(out, rng, donors):
    if not donors:
        return
    other = rng.choice(donors)
    if not other:
        return
    at = rng.randint(0, len(out))
    start = rng.randrange(len(other))
    out[at:] = other[start:start + rng.choice((16, 256, 4096, len(other)))]


def _truncate(out, rng, donors):
    if out:
        del out[rng.randrange(len(out)):]


_BYTE_EDITS = (_flip, _flip, _set_byte, _set_byte, _insert, _delete, _duplicate, _integer,
               _integer, _splice, _truncate)


# --------------------------------------------------------------------------- text mutations


def mutate_text(data: bytes, rng: random.Random) -> bytes:
    """Edits that keep an XML or JSON file mostly well formed: numbers, strings, nesting."""
    text = data.decode("utf-8", "surrogateescape")
    for _ in range(rng.choice((1, 1, 2, 3))):
        text = rng.choice(_TEXT_EDITS)(text, rng)
    return text.encode("utf-8", "surrogateescape")


def _replace_match(pattern: str, text: str, rng: random.Random, make) -> str:
    found = list(re.finditer(pattern, text[:200_000]))
    if not found:
        return text
    match = rng.choice(found)
    return text[:match.start()] + make(match) + text[match.end():]


def _text_number(text, rng):
    return _replace_match(r"-?\d+(\.\d+)?", text, rng, lambda m: rng.choice(
        ("9" * rng.choice((20, 40, 400, 5000)), "-1", "1e400", "-0", "0.0", "1.5e-320", "NaN", "00", "1E5")))


def _text_string(text, rng):
    return _replace_match(r"<string>[^<]*</string>|\"[^\"\\]*\"", text, rng, lambda m: (
        m.group()[0] + m.group()[1:-1] + rng.choice(("\\ud800", "&#xD800;", "&#0;", "\\u0000", "&amp;",
                                                     "\\\\", "\\\"", "&#x1F600;", "\\udc80x", "]]>"))
        + m.group()[-1]) if m.group().startswith('"') else "<string>" + rng.choice(
        ("&#xD800;", "&#0;", "&#x1B;", "a&amp;b", "<![CDATA[x]]>", "&lt;", "x" * 70000)) + "</string>")


def _text_nesting(text, rng):
    depth = rng.choice((50, 130, 250, 600, 3000))
    if text.lstrip().startswith("{"):
        return _replace_match(r"\"[^\"\\]*\"(?=\s*[,}\]])", text, rng,
                              lambda m: "[" * depth + m.group() + "]" * depth)
    return _replace_match(r"<string>[^<]*</string>", text, rng,
                          lambda m: "<array>" * depth + m.group() + "</array>" * depth)


def _text_tag(text, rng):
    return _replace_match(r"<(string|integer|real|true/|false/|data|date|dict|array)>", text, rng,
                          lambda m: rng.choice(("<integer>", "<real>", "<true/>", "<data>", "<date>",
                                                "<string>", "<dict>", "<array>", "<key>", "<uid>", "")))


def _text_declaration(text, rng):
    return _replace_match(r"encoding=\"[^\"]*\"|^\s*<\?xml[^>]*>|^\s*\{", text, rng, lambda m: rng.choice(
        ('encoding="UTF-16"', 'encoding="WTF-8"', 'encoding="latin-1"', '<?xml version="1.0"?>',
         '<!DOCTYPE plist [<!ENTITY a "aaaaaaaaaa">]>', "\ufeff{", " {", '{"recordType": 1, ')))


_TEXT_EDITS = (_text_number, _text_number, _text_string, _text_string, _text_nesting, _text_tag,
               _text_declaration)


# --------------------------------------------------------------------------- plist mutations


def random_value(rng: random.Random, depth: int = 0):
    """Any plist value, with the scalars that matter most weighted up."""
    roll = rng.random()
    if roll < 0.3:
        return rng.choice(STRINGS)
    if roll < 0.45:
        return rng.choice(INTEGERS) * rng.choice((1, 1, -1))
    if roll < 0.52:
        return rng.choice(FLOATS)
    if roll < 0.57:
        return rng.random() < 0.5
    if roll < 0.61:
        return rng.choice((b"", b"\x00", b"bplist00", bytes(range(256))))
    if roll < 0.64:
        return rng.choice(DATES)
    if roll < 0.82 or depth > 3:
        return _random_tagged(rng)
    if roll < 0.91:
        return [random_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {rng.choice(PLIST_KEYS): random_value(rng, depth + 1) for _ in range(rng.randint(0, 3))}


def _random_tagged(rng: random.Random):
    """A value in one of the wrappers Shortcuts uses, with its fields drawn at random."""
    attachment = {"Type": rng.choice(TYPES)}
    if rng.random() < 0.7:
        attachment["OutputUUID"] = rng.choice(("A-B", "00000000-0000-0000-0000-000000000000", "", "x"))
    if rng.random() < 0.6:
        attachment["OutputName"] = rng.choice(STRINGS[:40])
    if rng.random() < 0.3:
        attachment["VariableName"] = rng.choice(STRINGS[:60])
    if rng.random() < 0.3:
        attachment["Aggrandizements"] = rng.choice((
            [], [{"Type": "WFDictionaryValueVariableAggrandizement", "DictionaryKey": rng.choice(STRINGS)}],
            [{"Type": "WFCoercionVariableAggrandizement", "CoercionItemClass": "WFStringContentItem"}],
            [{"Type": "WFPropertyVariableAggrandizement", "PropertyName": "Name"}], [{"NoType": 1}], [1]))
    shape = rng.randrange(4)
    if shape == 0:
        return {"Value": attachment, "WFSerializationType": rng.choice(SERIALIZATIONS)}
    if shape == 1:
        return {"Value": {"string": rng.choice(("\ufffc", "a\ufffcb", "", "\ufffc\ufffc", "😀\ufffc")),
                          "attachmentsByRange": {rng.choice(RANGES): attachment}},
                "WFSerializationType": "WFTextTokenString"}
    if shape == 2:
        return attachment
    return {"Value": {"WFDictionaryFieldValueItems": [
        {"WFItemType": rng.choice((0, 1, 2, 3, 4, 5, 9)), "WFKey": rng.choice(STRINGS[:30]),
         "WFValue": rng.choice((attachment, "v", 1))}]}, "WFSerializationType": "WFDictionaryFieldValue"}


def mutate_plist(root: dict, rng: random.Random, donors) -> dict:
    """One to four structural edits of a copy of ``root``."""
    root = copy.deepcopy(root)
    for _ in range(rng.choice((1, 1, 2, 2, 3, 4))):
        edit = _PLIST_EDITS[rng.randrange(len(_PLIST_EDITS))]
        try:
            edit(root, rng, donors)
        except (IndexError, KeyError, ValueError, TypeError, RecursionError):
            pass  # an edit that found nothing to change, or a copy too deep to make
    return root


def _random_slot(root, rng: random.Random):
    """A random (container, key) somewhere in ``root``, found by a random walk down."""
    actions = root.get("WFWorkflowActions")
    node = root
    if isinstance(actions, list) and actions and rng.random() < 0.85:
        node = actions
    while True:
        keys = list(node.keys()) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            return None
        key = rng.choice(keys)
        child = node[key]
        if isinstance(child, (dict, list)) and child and rng.random() < 0.75:
            node = child
            continue
        return node, key


def _edit_replace(root, rng, donors):
    slot = _random_slot(root, rng)
    if slot:
        slot[0][slot[1]] = random_value(rng)


def _edit_delete(root, rng, donors):
    slot = _random_slot(root, rng)
    if slot:
        del slot[0][slot[1]]


def _edit_add_key(root, rng, donors):
    slot = _random_slot(root, rng)
    if slot and isinstance(slot[0], dict):
        slot[0][rng.choice(PLIST_KEYS)] = random_value(rng)


def _edit_rename_key(root, rng, donors):
    slot = _random_slot(root, rng)
    if slot and isinstance(slot[0], dict):
        container, key = slot
        items = list(container.items())
        container.clear()
        new = rng.choice(PLIST_KEYS + STRINGS)
        container.update((new if k == key else k, v) for k, v in items)


def _edit_retype(root, rng, donors):
    """Swap a string for a meaningful one: another id, a Type, a serialization, a range."""
    slot = _random_slot(root, rng)
    if not slot:
        return
    container, key = slot
    ids = _ids(root)
    choice = rng.randrange(5)
    if choice == 0 and ids:
        container[key] = rng.choice(ids)
    elif choice == 1:
        container[key] = rng.choice(TYPES)
    elif choice == 2:
        container[key] = rng.choice(SERIALIZATIONS)
    elif choice == 3:
        container[key] = rng.choice(RANGES)
    else:
        container[key] = rng.choice((0, 1, 2, 3, -1, "0", True))


def _ids(root) -> list[str]:
    actions = root.get("WFWorkflowActions")
    if not isinstance(actions, list):
        return []
    found = []
    for action in actions[:400]:
        params = action.get("WFWorkflowActionParameters") if isinstance(action, dict) else None
        if isinstance(params, dict):
            for key in ("UUID", "GroupingIdentifier"):
                if isinstance(params.get(key), str):
                    found.append(params[key])
    return found


def _edit_actions(root, rng, donors):
    """Move, copy, drop or borrow whole actions, and edit their block markers."""
    actions = root.get("WFWorkflowActions")
    if not isinstance(actions, list):
        return
    choice = rng.randrange(6)
    if choice == 0 and actions:
        actions.insert(rng.randint(0, len(actions)), copy.deepcopy(rng.choice(actions)))
    elif choice == 1 and actions:
        del actions[rng.randrange(len(actions))]
    elif choice == 2 and len(actions) > 1:
        i, j = rng.randrange(len(actions)), rng.randrange(len(actions))
        actions[i], actions[j] = actions[j], actions[i]
    elif choice == 3 and donors:
        other = rng.choice(donors).get("WFWorkflowActions") or []
        if other:
            actions.insert(rng.randint(0, len(actions)), copy.deepcopy(rng.choice(other)))
    elif choice == 4 and actions:
        action = rng.choice(actions)
        params = action.get("WFWorkflowActionParameters") if isinstance(action, dict) else None
        if isinstance(params, dict):
            marker = rng.choice(("WFControlFlowMode", "GroupingIdentifier", "UUID", "CustomOutputName"))
            if rng.random() < 0.4:
                params.pop(marker, None)
            else:
                params[marker] = rng.choice((0, 1, 2, 3, "x", *(_ids(root) or ["A-B"])))
    elif actions:
        action = rng.choice(actions)
        if isinstance(action, dict):
            action["WFWorkflowActionIdentifier"] = rng.choice(STRINGS[-30:] + (
                "is.workflow.actions.conditional", "is.workflow.actions.choosefrommenu",
                "is.workflow.actions.repeat.each", "is.workflow.actions.repeat.count",
                "is.workflow.actions.comment", "is.workflow.actions.setvariable"))


def _edit_nest(root, rng, donors):
    slot = _random_slot(root, rng)
    if not slot:
        return
    container, key = slot
    value = container[key]
    for _ in range(rng.choice((2, 40, 127, 130, 300))):
        value = [value] if rng.random() < 0.5 else {"k": value}
    container[key] = value


def _edit_share(root, rng, donors):
    """Copy a subtree to another place (a shared reference once written as a file)."""
    a, b = _random_slot(root, rng), _random_slot(root, rng)
    if a and b:
        b[0][b[1]] = copy.deepcopy(a[0][a[1]])


def _edit_header(root, rng, donors):
    key = rng.choice([k for k in PLIST_KEYS if k.startswith("WFWorkflow") and k != "WFWorkflowActions"]
                     + ["output_names", "if", "X"])
    if rng.random() < 0.3:
        root.pop(key, None)
    else:
        root[key] = random_value(rng)


_PLIST_EDITS = (_edit_replace, _edit_replace, _edit_delete, _edit_add_key, _edit_rename_key,
                _edit_retype, _edit_retype, _edit_actions, _edit_actions, _edit_actions, _edit_nest,
                _edit_share, _edit_header)


# --------------------------------------------------------------------------- code mutations

_NAME = re.compile(r"\b[A-Za-z_]\w*\b")
_LITERAL = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|\b\d[\d_]*(?:\.\d+)?\b")


def mutate_code(code: str, rng: random.Random, donors) -> str:
    """One to four edits of workflow code, each keeping some of its shape."""
    lines = code.splitlines()
    for _ in range(rng.choice((1, 1, 2, 2, 3, 4))):
        if not lines:
            lines = ["shortcut()"]
        rng.choice(_CODE_EDITS)(lines, rng, donors)
    return "\n".join(lines) + rng.choice(("\n", "\n", "", "\n\n"))


def _line(lines, rng):
    return rng.randrange(len(lines))


def _code_line_edit(lines, rng, donors):
    i, j = _line(lines, rng), _line(lines, rng)
    choice = rng.randrange(5)
    if choice == 0:
        del lines[i]
    elif choice == 1:
        lines.insert(j, lines[i])
    elif choice == 2:
        lines[i], lines[j] = lines[j], lines[i]
    elif choice == 3:
        lines[i] = "    " + lines[i]
    else:
        lines[i] = lines[i][4:] if lines[i].startswith("    ") else lines[i]


def _code_name(lines, rng, donors):
    i = _line(lines, rng)
    found = list(_NAME.finditer(lines[i]))
    if found:
        m = rng.choice(found)
        others = [n.group() for line in rng.sample(lines, min(5, len(lines))) for n in _NAME.finditer(line)]
        new = rng.choice(CODE_NAMES + tuple(others))
        lines[i] = lines[i][:m.start()] + new + lines[i][m.end():]


def _code_literal(lines, rng, donors):
    i = _line(lines, rng)
    found = list(_LITERAL.finditer(lines[i]))
    if found:
        m = rng.choice(found)
        lines[i] = lines[i][:m.start()] + rng.choice(CODE_LITERALS) + lines[i][m.end():]


def _code_nest(lines, rng, donors):
    i = _line(lines, rng)
    depth = rng.choice((10, 100, 200, 330, 500, 1000))
    found = list(_LITERAL.finditer(lines[i])) or list(_NAME.finditer(lines[i]))
    if not found:
        return
    m = rng.choice(found)
    inner = m.group()
    shape = rng.randrange(4)
    if shape == 0:
        new = "[" * depth + inner + "]" * depth
    elif shape == 1:
        new = "{" + '"k": {' * depth + inner + "}" * (depth + 1)
    elif shape == 2:
        new = inner + '["k"]' * depth
    else:
        new = inner + ".as_type(\"WFStringContentItem\")" * min(depth, 200)
    lines[i] = lines[i][:m.start()] + new + lines[i][m.end():]


def _code_blocks(lines, rng, donors):
    """Wrap a line in nested ifs or loops, or add a block line where none belongs."""
    i = _line(lines, rng)
    depth = rng.choice((1, 2, 5, 50, 99, 120))
    opener = rng.choice(("if x:", "for item in x:", "match menu():", "else:", "case \"a\":",
                         "for i in range(3):", "if x == 1:", "with x:", "while x:", "def f():"))
    body = [("    " * k) + opener for k in range(depth)]
    lines[i:i + 1] = body + ["    " * depth + lines[i].lstrip()]


def _code_splice(lines, rng, donors):
    if donors:
        other = rng.choice(donors).splitlines()
        if other:
            start = rng.randrange(len(other))
            lines.insert(_line(lines, rng), "\n".join(other[start:start + rng.choice((1, 3, 10))]))


def _code_chars(lines, rng, donors):
    i = _line(lines, rng)
    text = lines[i]
    at = rng.randint(0, len(text))
    if rng.random() < 0.5 and text:
        lines[i] = text[:at] + text[at + 1:]
    else:
        lines[i] = text[:at] + rng.choice("()[]{}:,.=\"'#\\ \t\x00\x0c\u2028é*@!") + text[at:]


def _code_comment(lines, rng, donors):
    lines.insert(_line(lines, rng), rng.choice(("# note", "#", "# " + "x" * 200, "    # indented",
                                                "", "  ", "# \\ud800", "x = 1  # trailing")))


_CODE_EDITS = (_code_line_edit, _code_line_edit, _code_name, _code_name, _code_literal, _code_literal,
               _code_nest, _code_blocks, _code_splice, _code_chars, _code_comment)


# --------------------------------------------------------------------------- seeds and inputs


class Seeds:
    """The corpus files a campaign mutates: bytes, workflow dicts and (lazily) code."""

    def __init__(self, folder: Path, max_bytes: int):
        self.paths: list[Path] = []
        self.data: list[bytes] = []
        self.roots: list[dict] = []
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            if path.stat().st_size > max_bytes:
                continue
            data = path.read_bytes()
            try:
                root = api.load(data)
            except DecompileError:
                continue
            self.paths.append(path)
            self.data.append(data)
            self.roots.append(root)
        if not self.paths:
            raise SystemExit(f"no readable shortcut under {folder} (at most {max_bytes} bytes)")
        self.bplists = [plistlib.dumps(root, fmt=plistlib.FMT_BINARY, sort_keys=False) for root in self.roots]
        self.text_files = [i for i, data in enumerate(self.data) if data.lstrip()[:1] in (b"<", b"{")]
        self._code: dict[int, str] = {}

    def code(self, index: int) -> str:
        if index not in self._code:
            if len(self._code) > 3000:
                self._code.clear()
            self._code[index] = api.decompile(self.roots[index])
        return self._code[index]


def make_input(seeds: Seeds, campaign: str, index: int) -> tuple[str, str, bytes | str]:
    """(kind, name of the seed file, input) for input ``index``: the same every time."""
    try:
        return _make_input(seeds, random.Random(f"{campaign}/{index}"))
    except RecursionError:  # a value nested too deeply for a writer: mutate bytes instead
        rng = random.Random(f"{campaign}/{index}/again")
        pick = rng.randrange(len(seeds.paths))
        return "bytes", seeds.paths[pick].name, mutate_bytes(seeds.data[pick], rng, ())


def _make_input(seeds: Seeds, rng: random.Random) -> tuple[str, str, bytes | str]:
    kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
    if kind == "text" and not seeds.text_files:
        kind = "bytes"
    pick = rng.choice(seeds.text_files) if kind == "text" else rng.randrange(len(seeds.paths))
    name = seeds.paths[pick].name
    donors = [rng.randrange(len(seeds.paths)) for _ in range(2)]
    if kind == "bytes":
        return kind, name, mutate_bytes(seeds.data[pick], rng, [seeds.data[d] for d in donors])
    if kind == "text":
        return kind, name, mutate_text(seeds.data[pick], rng)
    if kind == "plist":
        root = mutate_plist(seeds.roots[pick], rng, [seeds.roots[d] for d in donors])
        return kind, name, write_container(root, rng)[0]
    if kind == "signed":
        wflow = seeds.bplists[pick]
        if rng.random() < 0.3:
            wflow = mutate_bytes(wflow, rng, ())
        data = wrap_signed(wflow, rng)
        return kind, name, forge_signed(data, rng) if rng.random() < 0.7 else data
    code = mutate_code(seeds.code(pick), rng, [seeds.code(d) for d in donors[:1]])
    return kind, name, code


# --------------------------------------------------------------------------- one input


class Overtime(BaseException):
    """Raised by the CPU timer inside a worker; a BaseException so no `except Exception` eats it."""


class Finding(Exception):
    def __init__(self, category: str, signature: str, detail: str):
        super().__init__(detail)
        self.category, self.signature, self.detail = category, signature, detail


def run_shortcut(data: bytes, keep_ids: bool, full: bool = True) -> str:
    """Every entry point that reads a shortcut; the outcome ('ok' or 'refused:STAGE')."""
    try:
        root = api.load(data)
    except (CompileError, DecompileError):
        return "refused:load"
    return run_root(root, keep_ids, full)


def run_root(root: dict, keep_ids: bool, full: bool = True) -> str:
    """Decompile, then (when ``full``) render and check, then compile, dump and compare."""
    try:
        code = api.decompile(root, keep_ids=keep_ids)
    except (CompileError, DecompileError):
        if full:
            try:
                api.render(root)
            except (CompileError, DecompileError):
                pass
        return "refused:decompile"
    if full:
        api.render(root)
        api.check(code, filename="<decompiled>")
    try:
        result = api.compile(code, filename="<decompiled>")
    except CompileError as error:
        raise Finding("changed", "decompiled code does not compile: " + _shape(error.message), str(error)) from None
    try:
        dumped = api.dump(result)
    except CompileError as error:
        raise Finding("changed", "compiled plist cannot be dumped: " + _shape(error.message), str(error)) from None
    if first_difference(result, api.load(dumped), rename_ids=False) is not None:
        raise Finding("changed", "dump and load disagree", "dump/load changed the plist")
    difference = first_difference(root, result, rename_ids=not keep_ids)
    if difference is not None:
        path, _, why = difference.partition(": ")
        last = re.split(r"[.\[]", path)[-1]
        raise Finding("changed", f"difference at ….{_shape(last)}: {_shape(why)}", difference)
    if api.decompile(result, keep_ids=keep_ids) != code:
        raise Finding("changed", "decompiling the result gives other code", "not a fixpoint")
    return "ok"


def run_code(code: str, full: bool = True) -> str:
    """Every entry point that reads code; what compiles goes round as a shortcut."""
    try:
        api.check(code, filename="fuzz.py")
    except CompileError:
        pass
    try:
        root = api.compile(code, filename="fuzz.py")
    except CompileError:
        return "refused:compile"
    try:
        api.dump(root)
    except CompileError:
        return "refused:dump"
    outcome = run_root(root, keep_ids=False, full=full)
    return "compiled" if outcome == "ok" else outcome


def _shape(text: str) -> str:
    """A message with its particulars (indices, quoted values, ids) blanked, to group findings."""
    text = re.sub(r" at \S.*?(?=, which| is | holds | has | nest|$)", " at …", text)
    text = re.sub(r"\[\d+\]", "[N]", text)
    text = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", text)
    text = re.sub(r"\d+", "N", text)
    return text[:160]


def _signature(error: BaseException) -> str:
    """Exception type and the innermost frame inside the package."""
    frames = traceback.extract_tb(error.__traceback__)
    inside = [f for f in frames if f.filename.startswith(PACKAGE_DIR)]
    where = inside[-1] if inside else (frames[-1] if frames else None)
    place = f"{Path(where.filename).name}:{where.lineno} {where.name}" if where else "?"
    return f"{type(error).__name__} at {place}"


def run_one(kind: str, payload, keep_ids: bool, full: bool = True) -> tuple[str, str, str]:
    """(outcome, signature, detail); outcome is ok/refused:*/compiled, or a finding category."""
    try:
        if kind == "code":
            return run_code(payload, full), "", ""
        return run_shortcut(payload, keep_ids, full), "", ""
    except Finding as finding:
        return finding.category, finding.signature, finding.detail
    except Overtime:
        raise
    except MemoryError as error:
        return "memory", _signature(error), "MemoryError"
    except RecursionError as error:
        return "exception", _signature(error), "RecursionError"
    except Exception as error:  # noqa: BLE001 - what the campaign looks for
        detail = "".join(traceback.format_exception(error))[-4000:]
        return "exception", _signature(error), detail


# --------------------------------------------------------------------------- workers


def _on_timer(signum, frame):
    raise Overtime()


def _die_with_parent() -> None:
    """Ask Linux to end this worker when the campaign process ends, however it ends."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _stop(signum, frame):
    raise KeyboardInterrupt


def worker(seeds: Seeds, campaign: str, limit: float, full_every: int, tasks, results, current,
           memory_cap: int) -> None:
    """Run input ranges from ``tasks``; report counts per range and each finding at once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()
    signal.signal(signal.SIGPROF, _on_timer)
    if memory_cap:
        resource.setrlimit(resource.RLIMIT_AS, (memory_cap, memory_cap))
    sys.setrecursionlimit(1000)
    while True:
        task = tasks.get()
        if task is None:
            return
        start, stop = task
        counts: Counter = Counter()
        for index in range(start, stop):
            current.value = index
            kind, name, payload = make_input(seeds, campaign, index)
            size = len(payload)
            keep_ids = index % 4 == 0
            before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            clock = time.process_time()
            signal.setitimer(signal.ITIMER_PROF, limit)
            try:
                outcome, signature, detail = run_one(kind, payload, keep_ids, index % full_every == 0)
            except Overtime:
                outcome, signature, detail = "slow", f"over {limit:g} CPU seconds", ""
            finally:
                signal.setitimer(signal.ITIMER_PROF, 0)
            spent = time.process_time() - clock
            grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
            if outcome not in ("slow", "memory", "exception", "changed") and grown > 256 * 1024:
                outcome, signature, detail = "memory", f"peak RSS grew by {grown // 1024} MiB", ""
            counts[f"kind:{kind}"] += 1
            counts[f"outcome:{outcome}"] += 1
            if outcome in ("ok", "compiled") or outcome.startswith("refused"):
                continue
            results.put(("finding", {"index": index, "kind": kind, "seed": name, "size": size,
                                     "keep_ids": keep_ids, "category": outcome, "signature": signature,
                                     "detail": detail, "seconds": round(spent, 3)}))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        results.put(("done", (start, stop, dict(counts), peak)))


class Campaign:
    def __init__(self, args, seeds: Seeds):
        self.args, self.seeds = args, seeds
        self.out = Path(args.out)
        self.out.mkdir(parents=True, exist_ok=True)
        self.counts: Counter = Counter()
        self.signatures: Counter = Counter()
        self.found: set[int] = set()
        self.done = 0
        self.peak_kib = 0
        self.started = time.monotonic()
        self.log = open(self.out / "findings.jsonl", "a", encoding="utf-8")

    # ---- the pool

    def run(self) -> None:
        context = multiprocessing.get_context("fork")
        tasks, results = context.Queue(), context.Queue()
        chunk = self.args.chunk
        pending = {(s, min(s + chunk, self.args.inputs)) for s in range(self.args.start, self.args.inputs, chunk)}
        for task in sorted(pending):
            tasks.put(task)
        workers = {}

        def spawn():
            current = context.Value("q", -1)
            process = context.Process(target=worker, args=(self.seeds, self.args.seed, self.args.limit,
                                                           self.args.full_every, tasks, results, current,
                                                           self.args.memory_cap << 20),
                                      daemon=True)
            process.start()
            workers[process] = [current, -1, time.monotonic()]

        for _ in range(self.args.workers):
            spawn()
        last_report = time.monotonic()
        previous = signal.signal(signal.SIGTERM, _stop)  # `kill` stops the campaign as Ctrl-C does
        try:
            while pending:
                try:
                    message, body = results.get(timeout=1.0)
                except Exception:  # queue.Empty: look after the workers
                    message = None
                if message == "finding":
                    self.record(body)
                elif message == "done":
                    start, stop, counts, peak = body
                    pending.discard((start, stop))
                    self.counts.update(counts)
                    self.done += stop - start
                    self.peak_kib = max(self.peak_kib, peak)
                self.watch(workers, spawn, pending, tasks)
                if time.monotonic() - last_report > self.args.report_every:
                    self.report(final=False)
                    last_report = time.monotonic()
        except KeyboardInterrupt:
            print("stopped before the end; the summary covers the inputs done", flush=True)
        finally:
            signal.signal(signal.SIGTERM, previous)
            for _ in workers:
                tasks.put(None)
            for process in list(workers):
                process.join(timeout=5)
                if process.is_alive():
                    process.kill()
        self.report(final=True)

    def watch(self, workers: dict, spawn, pending: set, tasks) -> None:
        """Replace a worker that died or has been on one input far past the limit."""
        now = time.monotonic()
        for process, state in list(workers.items()):
            current, seen, since = state
            index = current.value
            if index != seen:
                state[1], state[2] = index, now
                continue
            stuck = index >= 0 and now - since > max(30.0, 6 * self.args.limit)
            if process.is_alive() and not stuck:
                continue
            process.kill()
            process.join()
            del workers[process]
            if index >= 0:
                category = "slow" if stuck else "crash"
                detail = f"worker {'stopped answering' if stuck else 'died'} (exit code {process.exitcode})"
                kind, name, payload = make_input(self.seeds, self.args.seed, index)
                self.record({"index": index, "kind": kind, "seed": name, "size": len(payload),
                             "keep_ids": index % 4 == 0, "category": category,
                             "signature": f"worker {category}", "detail": detail,
                             "seconds": round(now - since, 1)})
                task = next((t for t in pending if t[0] <= index < t[1]), None)
                if task is not None:
                    # The range is done again from its start (without the input that stopped
                    # it): inputs are made the same way, and findings are kept once per index.
                    pending.discard(task)
                    for part in ((task[0], index), (index + 1, task[1])):
                        if part[0] < part[1]:
                            pending.add(part)
                            tasks.put(part)
                    self.counts[f"outcome:{category}"] += 1
                    self.counts[f"kind:{kind}"] += 1
                    self.done += 1
            spawn()

    # ---- findings

    def record(self, finding: dict) -> None:
        if finding["index"] in self.found:
            return
        self.found.add(finding["index"])
        key = f"{finding['category']}: {finding['signature']}"
        self.signatures[key] += 1
        if self.signatures[key] <= KEPT_PER_SIGNATURE:
            folder = self.out / finding["category"] / _slug(finding["signature"])
            folder.mkdir(parents=True, exist_ok=True)
            kind, _, payload = make_input(self.seeds, self.args.seed, finding["index"])
            suffix = ".py" if kind == "code" else ".shortcut"
            target = folder / f"{finding['index']}{suffix}"
            if isinstance(payload, str):
                target.write_bytes(payload.encode("utf-8", "surrogatepass"))
            else:
                target.write_bytes(payload)
            target.with_suffix(".txt").write_text(json.dumps(finding, indent=1, ensure_ascii=False) + "\n",
                                                  encoding="utf-8", errors="backslashreplace")
            finding = {**finding, "file": str(target.relative_to(self.out))}
        self.log.write(json.dumps({k: v for k, v in finding.items() if k != "detail"}, ensure_ascii=False) + "\n")
        self.log.flush()

    def report(self, final: bool) -> None:
        elapsed = time.monotonic() - self.started
        findings = {category: sum(n for key, n in self.signatures.items() if key.startswith(category + ":"))
                    for category in ("exception", "slow", "memory", "changed", "crash")}
        decompiled = sum(n for key, n in self.counts.items()
                         if key in ("outcome:ok", "outcome:compiled", "outcome:changed"))
        summary = {
            "command": " ".join(sys.argv),
            "inputs": self.done, "seconds": round(elapsed), "inputs_per_second": round(self.done / max(elapsed, 1e-9), 1),
            "kinds": {k[5:]: n for k, n in sorted(self.counts.items()) if k.startswith("kind:")},
            "outcomes": {k[8:]: n for k, n in sorted(self.counts.items()) if k.startswith("outcome:")},
            "decompiled_and_compared": decompiled,
            "findings": findings,
            "signatures": dict(self.signatures.most_common()),
            "peak_rss_mib": round(self.peak_kib / 1024, 1),
            "seed_files": len(self.seeds.paths),
            "finished": self.done >= self.args.inputs - self.args.start,
        }
        (self.out / "summary.json").write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
        line = (f"{self.done:,} inputs in {elapsed:,.0f} s ({summary['inputs_per_second']}/s); "
                + ", ".join(f"{k} {v:,}" for k, v in findings.items())
                + f"; peak RSS {summary['peak_rss_mib']} MiB")
        print(line, flush=True)
        if final:
            print(f"outcomes: {summary['outcomes']}")
            print(f"kinds:    {summary['kinds']}")
            print(f"round trips compared: {decompiled:,}")
            for signature, count in self.signatures.most_common(40):
                print(f"  {count:7,}  {signature}")
            print(f"reproducers and summary.json in {self.out}")


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text)[:90].strip("_") or "finding"


# --------------------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=10_000, help="inputs to run (default 10,000)")
    parser.add_argument("--start", type=int, default=0, help="first input index (to continue a campaign)")
    parser.add_argument("--seed", default="s2py", help="campaign seed: the same seed makes the same inputs")
    parser.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--limit", type=float, default=5.0, help="CPU seconds per input (default 5)")
    parser.add_argument("--memory-cap", type=int, default=3072, help="address space per worker, MiB (default 3072)")
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="folder of seed shortcuts")
    parser.add_argument("--max-seed-bytes", type=int, default=256 * 1024, help="largest seed file (default 256 KiB)")
    parser.add_argument("--out", default="fuzz-findings", help="folder for reproducers and summary.json")
    parser.add_argument("--full-every", type=int, default=1, metavar="N",
                        help="render and check the shortcut inputs of every Nth input only (default 1: all)")
    parser.add_argument("--chunk", type=int, default=500, help="inputs per task sent to a worker")
    parser.add_argument("--report-every", type=float, default=60.0, help="seconds between progress lines")
    parser.add_argument("--replay", type=int, metavar="INDEX", help="write input INDEX to --out and run it here")
    args = parser.parse_args(argv)

    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"fuzz: no seed folder {corpus}", file=sys.stderr)
        return 2
    started = time.monotonic()
    seeds = Seeds(corpus, args.max_seed_bytes)
    print(f"{len(seeds.paths):,} seed files loaded in {time.monotonic() - started:.1f} s", flush=True)
    if args.replay is not None:
        return replay(seeds, args)
    # Import every stage now, so workers forked later all run the same code.
    run_code(seeds.code(0))
    Campaign(args, seeds).run()
    return 0


def replay(seeds: Seeds, args) -> int:
    kind, name, payload = make_input(seeds, args.seed, args.replay)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"replay-{args.replay}{'.py' if kind == 'code' else '.shortcut'}"
    target.write_bytes(payload.encode("utf-8", "surrogatepass") if isinstance(payload, str) else payload)
    clock = time.process_time()
    outcome, signature, detail = run_one(kind, payload, args.replay % 4 == 0)
    print(f"input {args.replay}: {kind} from {name}, {len(payload):,} bytes -> {outcome} "
          f"{signature} ({time.process_time() - clock:.2f} CPU s); written to {target}")
    if detail:
        print(detail)
    return 0


if __name__ == "__main__":
    sys.exit(main())
