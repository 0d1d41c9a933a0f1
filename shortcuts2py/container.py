"""Bytes <-> workflow root dict: the only module that knows about file containers.

A shortcut arrives as a binary plist, an XML plist, a plutil-style JSON dump, or a
signed AEA1 file wrapping a binary plist (docs: FORMAT.md sections 1, 2 and 6).
Everything here is decided by content, never by file name, and every failure is a
ContainerError whose message is one sentence a person can act on.

Every value read or written keeps the limits of ``shortcuts2py.limits`` (depth,
values, text, action count, plist kinds): binary plists are read by
``shortcuts2py.bplist``, which enforces them while reading; XML and JSON values are
checked after parsing, without recursion. Later stages may rely on them.
"""

from __future__ import annotations

import ctypes
import hashlib
import itertools
import json
import plistlib
import struct
from pathlib import Path
from xml.parsers.expat import ExpatError

import lzfse

from .bplist import MalformedPlist, read_bplist, write_bplist, write_checked
from .limits import PlistValueError, check_action_count, check_value, type_name

__all__ = [
    "ContainerError",
    "MAX_PAYLOAD",
    "detect",
    "read_bytes",
    "read_file",
    "write_bytes",
]


class ContainerError(Exception):
    """A file could not be read or written as a shortcut; str() is the whole story."""


# Decompression guard, in bytes. A signed file states its own payload size and its
# LZFSE data can expand by a factor of thousands (10 MB of zeros compress to ~6 KB),
# so a small hostile file could otherwise make us allocate gigabytes. Real shortcuts
# are at most a few MiB; 64 MiB leaves a wide margin while keeping memory bounded.
MAX_PAYLOAD = 64 * 1024 * 1024

_BOM = b"\xef\xbb\xbf"
_SPACE = b" \t\r\n"  # the whitespace both JSON and XML allow before content
_XML_STARTS = (b"<?xml", b"<plist", b"<!DOCTYPE")


# --------------------------------------------------------------------------- public API


def detect(data: bytes) -> str:
    """Name the container kind of ``data``: "bplist", "xml", "json" or "aea"."""
    if not data:
        raise ContainerError("empty file")
    if data.startswith(b"bplist"):
        return "bplist"
    if data.startswith(b"AEA1"):
        return "aea"
    text = _strip_lead(data)
    if text.startswith(_XML_STARTS):
        return "xml"
    if text.startswith(b"{"):
        return "json"
    if not text:
        raise ContainerError("not a shortcut file: it contains only whitespace")
    raise ContainerError("not a shortcut file: unrecognised content")


def read_bytes(data: bytes) -> dict:
    """Unwrap any container and return the workflow root dict."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"read_bytes needs bytes, not {type(data).__name__}")
    data = bytes(data)
    kind = detect(data)
    if kind == "aea":
        root = _load_plist(_extract_wflow(data), "bplist")
    elif kind == "json":
        root = _load_json(data)
    else:
        root = _load_plist(data, kind)
    _check_shortcut(root)
    return root


def read_file(path) -> dict:
    """read_bytes() of a file; the caller adds the path to any error message."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        # str(exc) would repeat the path; the CLI prints it itself.
        reason = exc.strerror or type(exc).__name__
        raise ContainerError(f"cannot read the file: {reason}") from exc
    return read_bytes(data)


def write_bytes(root: dict, *, xml: bool = False) -> bytes:
    """Serialise ``root`` as an unsigned binary plist (default) or XML plist.

    Keys are never sorted: dict order is part of what a round trip must keep.
    """
    if not isinstance(root, dict):
        raise ContainerError(
            f"cannot write a shortcut whose root is {type_name(root)}, not a dictionary")
    # What is written must read back: the same limits apply both ways, and plistlib
    # would otherwise fail on these values with errors of its own (or write a null).
    # A binary plist's one walk writes the bytes and measures the limits as it goes;
    # only a value it cannot vouch for is checked (and then written) apart.
    try:
        data = None if xml else write_checked(root)
        if data is None:
            check_value(root)
        if isinstance(root.get("WFWorkflowActions"), list):
            check_action_count(root["WFWorkflowActions"])
    except PlistValueError as exc:
        raise ContainerError(f"cannot write the plist: {exc}") from exc
    if data is not None:
        return data
    try:
        if not xml:
            return write_bplist(root)  # plistlib's bytes, written faster
        return plistlib.dumps(root, fmt=plistlib.FMT_XML, sort_keys=False)
    except ValueError as exc:
        if xml and "control character" in str(exc):
            raise ContainerError(
                "cannot write an XML plist: a string contains a control character that XML "
                "cannot hold; write a binary plist instead"
            ) from exc
        raise ContainerError(f"cannot write the plist: {exc}") from exc
    except (TypeError, OverflowError) as exc:
        raise ContainerError(f"cannot write the plist: {exc}") from exc


# --------------------------------------------------------------------------- plist / JSON


def _strip_lead(data: bytes) -> bytes:
    """Drop an optional UTF-8 BOM and leading whitespace (text formats only)."""
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    return data.lstrip(_SPACE)


def _load_plist(data: bytes, kind: str):
    if kind == "xml":
        return _load_xml(data)
    try:
        return read_bplist(data)
    except MalformedPlist as exc:
        raise ContainerError(f"not a valid plist: {exc}") from exc
    except PlistValueError as exc:
        raise ContainerError(f"cannot read the shortcut: {exc}") from exc
    except RecursionError as exc:
        # Only when the caller itself runs deep: the reader nests at most MAX_DEPTH calls.
        raise ContainerError("cannot read the shortcut: it is nested too deeply") from exc
    except MemoryError as exc:
        raise ContainerError(_NO_MEMORY) from exc


def _load_xml(data: bytes):
    # plistlib's own sniffing rejects leading whitespace and expat rejects an XML
    # declaration that is not at the very start, so strip and name the format.
    try:
        value = plistlib.loads(_strip_lead(data), fmt=plistlib.FMT_XML)
    except (ExpatError, KeyError, IndexError, TypeError, AttributeError, OverflowError) as exc:
        # plistlib does not wrap every low-level failure: an unhashable key is a
        # TypeError, a malformed <date> an AttributeError from a failed regex match.
        # (KeyError and IndexError are LookupErrors: they must be caught first.)
        raise ContainerError(f"not a valid plist: {exc or type(exc).__name__}") from exc
    except LookupError as exc:   # the XML declaration names an encoding Python lacks
        name = str(exc).rpartition(": ")[2]
        raise ContainerError(
            f"not a valid plist: its XML declaration names the unknown text encoding "
            f"{name!r}; save it as UTF-8") from exc
    except ValueError as exc:    # includes plistlib.InvalidFileException
        raise ContainerError(f"not a valid plist: {_value_error_text(exc)}") from exc
    except RecursionError as exc:
        raise ContainerError("cannot read the shortcut: it is nested too deeply") from exc
    except MemoryError as exc:
        raise ContainerError(_NO_MEMORY) from exc
    _check_limits(value)
    return value


def _load_json(data: bytes):
    try:
        root = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ContainerError("not valid JSON: the file is not UTF-8 text") from exc
    except RecursionError as exc:   # json recurses once per level, in C
        raise ContainerError(
            "cannot read the shortcut: arrays and objects are nested far too deeply") from exc
    except ValueError as exc:  # json.JSONDecodeError is a ValueError
        raise ContainerError(f"not valid JSON: {_value_error_text(exc)}") from exc
    except MemoryError as exc:
        raise ContainerError(_NO_MEMORY) from exc
    if isinstance(root, dict) and ("recordType" in root or "fields" in root) \
            and "WFWorkflowActions" not in root:
        raise ContainerError(
            "this is an iCloud record (JSON from the iCloud API), not a shortcut; "
            "download the file named by fields.shortcut.value.downloadURL instead"
        )
    _check_limits(root)
    return root


_NO_MEMORY = "cannot read the shortcut: there is not enough memory to hold it"


def _value_error_text(exc: ValueError) -> str:
    # Python refuses to turn more than 4,300 digits into an int, with a message
    # about sys.set_int_max_str_digits that means nothing to the person reading it.
    if "integer string conversion" in str(exc):
        return "an integer has thousands of digits, far more than a plist can store"
    return str(exc) or type(exc).__name__


def _check_limits(value) -> None:
    """XML and JSON values are checked once parsed (binary plists while being read)."""
    try:
        check_value(value)
    except PlistValueError as exc:
        raise ContainerError(f"cannot read the shortcut: {exc}") from exc


def _check_shortcut(root) -> None:
    if not isinstance(root, dict):
        raise ContainerError(f"not a shortcut: the root is {type_name(root)}, not a dictionary")
    actions = root.get("WFWorkflowActions")
    if not isinstance(actions, list):
        raise ContainerError("not a shortcut: there is no WFWorkflowActions list")
    try:
        check_action_count(actions)
    except PlistValueError as exc:
        raise ContainerError(f"cannot read the shortcut: {exc}") from exc


# --------------------------------------------------------------------------- AEA1 (signed)
#
# Layout (FORMAT.md 2.2-2.6), profile 0 = signed, not encrypted, so the payload can be
# read without verifying anything. Offsets are computed, never trusted: every read goes
# through _Cursor, which turns running off the end into a ContainerError.

_AEA_SKIP_BEFORE_ROOT = 128 + 32 + 32 + 32   # signature, key seed, salt, root-header HMAC
_ROOT_HEADER = struct.Struct("<QQIIBB22x")   # raw, container, seg size, segs/cluster, comp, csum
_CHECKSUM_SIZES = {0: 0, 1: 8, 2: 32}        # none, Murmur64, SHA-256
_COMPRESSIONS = {"-": "none", "4": "LZ4", "b": "LZBITMAP", "e": "LZFSE",
                 "f": "LZVN", "x": "LZMA", "z": "zlib"}
_HMAC = 32


class _Cursor:
    """Bounds-checked reading of a byte string; overruns become ContainerError."""

    def __init__(self, data: bytes, pos: int = 0,
                 fail: str = "truncated signed shortcut: the file ends inside the {field}"):
        self.data, self.pos, self.fail = data, pos, fail

    def take(self, n: int, field: str) -> bytes:
        if n < 0 or self.pos + n > len(self.data):
            raise ContainerError(self.fail.format(field=field))
        chunk = self.data[self.pos:self.pos + n]
        self.pos += n
        return chunk

    def skip(self, n: int, field: str) -> None:
        """Like take(), without copying bytes nobody reads."""
        if n < 0 or self.pos + n > len(self.data):
            raise ContainerError(self.fail.format(field=field))
        self.pos += n

    def uint(self, n: int, field: str) -> int:
        return int.from_bytes(self.take(n, field), "little")


def _extract_wflow(data: bytes) -> bytes:
    """Return the Shortcut.wflow bytes inside a signed (AEA1) file."""
    return _archive_file(_aea_payload(data))


def _aea_payload(data: bytes) -> bytes:
    cur = _Cursor(data, 4)
    profile = cur.uint(3, "file header")
    if profile != 0:
        raise ContainerError(
            f"unsupported signed shortcut: AEA profile {profile} (only profile 0, "
            "signed but not encrypted, is supported)")
    cur.skip(1, "file header")                        # scrypt strength, unused by profile 0
    cur.skip(cur.uint(4, "file header"), "auth data")  # certificates; nothing is verified
    cur.skip(_AEA_SKIP_BEFORE_ROOT, "signature block")
    raw_size, container_size, seg_size, per_cluster, comp, csum = \
        _ROOT_HEADER.unpack(cur.take(_ROOT_HEADER.size, "root header"))
    if container_size > len(data):
        raise ContainerError(
            f"truncated signed shortcut: the header announces {container_size} bytes "
            f"but the file has only {len(data)}")
    _check_root_header(raw_size, seg_size, per_cluster, chr(comp), csum)
    cur.skip(_HMAC, "cluster header HMAC")
    segments = _segment_table(cur, raw_size, seg_size, per_cluster, csum)
    return b"".join(_decode_segment(data, i, seg, chr(comp), csum)
                    for i, seg in enumerate(segments))


def _check_root_header(raw_size: int, seg_size: int, per_cluster: int, comp: str,
                       csum: int) -> None:
    if raw_size > MAX_PAYLOAD:
        raise ContainerError(
            f"signed shortcut refused: it declares a {raw_size}-byte payload, more than "
            f"the {MAX_PAYLOAD}-byte limit")
    if comp not in ("-", "e"):
        name = _COMPRESSIONS.get(comp)
        what = f"{name} compression" if name else f"unknown compression code {ord(comp)}"
        raise ContainerError(f"unsupported signed shortcut: {what} (only LZFSE is supported)")
    if csum not in _CHECKSUM_SIZES:
        raise ContainerError(f"corrupt signed shortcut: unknown checksum kind {csum}")
    if seg_size == 0 or per_cluster == 0:
        raise ContainerError("corrupt signed shortcut: the root header has a zero segment size")


def _segment_table(cur: _Cursor, raw_size: int, seg_size: int, per_cluster: int,
                   csum: int) -> list[tuple[int, int, int, bytes]]:
    """Walk all clusters; return (offset, raw size, stored size, digest) per segment.

    Sizes are summed before anything is decompressed, so the guard can refuse early.
    """
    head_len = 8 + _CHECKSUM_SIZES[csum]
    segments, total_raw = [], 0
    while total_raw < raw_size:
        table = _Cursor(cur.take(per_cluster * head_len, "segment table"), 0)
        cur.skip(_HMAC * (per_cluster + 1), "segment HMACs")   # next-cluster + per-segment HMACs
        heads = [(table.uint(4, ""), table.uint(4, ""), table.take(head_len - 8, ""))
                 for _ in range(per_cluster)]
        used = list(itertools.takewhile(lambda head: head[1] != 0, heads))
        for raw_len, stored_len, digest in used:
            if raw_len == 0 or raw_len > seg_size:
                raise ContainerError("corrupt signed shortcut: a segment has an impossible size")
            total_raw += raw_len
            if total_raw > MAX_PAYLOAD:
                raise ContainerError(
                    f"signed shortcut refused: its segments hold more than the "
                    f"{MAX_PAYLOAD}-byte limit")
            segments.append((cur.pos, raw_len, stored_len, digest))
            cur.skip(stored_len, "segment data")
        if len(used) < per_cluster:   # a zero stored size ends the payload
            break
    if total_raw != raw_size:
        raise ContainerError(
            f"corrupt signed shortcut: its segments hold {total_raw} bytes but the header "
            f"says {raw_size}")
    return segments


def _decode_segment(data: bytes, index: int, seg: tuple[int, int, int, bytes],
                    comp: str, csum: int) -> bytes:
    pos, raw_len, stored_len, digest = seg
    chunk = data[pos:pos + stored_len]
    if stored_len != raw_len:   # equal sizes mean "stored as is", whatever the compression
        if comp != "e":
            raise ContainerError(f"corrupt signed shortcut: segment {index} has the wrong size")
        chunk = _lzfse_decode(chunk, raw_len, index)
    if csum == 2 and hashlib.sha256(chunk).digest() != digest:
        raise ContainerError(f"corrupt signed shortcut: segment {index} fails its SHA-256 check")
    # Murmur64 (csum == 1) is not checked: Shortcuts never writes it.
    return chunk


def _lzfse_decode(chunk: bytes, raw_len: int, index: int) -> bytes:
    # Block headers state their output size, so walk them first to refuse early.
    if _lzfse_output_size(chunk, index) > raw_len:
        raise ContainerError(
            f"signed shortcut refused: segment {index} would decompress to more than its "
            f"declared {raw_len} bytes")
    try:
        out = _lzfse_bounded(chunk, raw_len + 1)
    except lzfse.error as exc:
        raise ContainerError(
            f"corrupt signed shortcut: segment {index} is not valid LZFSE data") from exc
    if len(out) > raw_len:
        raise ContainerError(
            f"signed shortcut refused: segment {index} decompressed to more than its "
            f"declared {raw_len} bytes")
    if len(out) != raw_len:
        raise ContainerError(
            f"corrupt signed shortcut: segment {index} decompressed to the wrong size")
    return out


def _load_decode_buffer():
    """The C function lzfse_decode_buffer from the library the lzfse wheel bundles, or None."""
    try:
        func = ctypes.CDLL(lzfse.__file__).lzfse_decode_buffer
    except (OSError, AttributeError, TypeError):
        return None
    func.restype = ctypes.c_size_t
    func.argtypes = [ctypes.c_void_p, ctypes.c_size_t,   # dst, dst_size
                     ctypes.c_char_p, ctypes.c_size_t,   # src, src_size
                     ctypes.c_void_p]                    # scratch (NULL: it allocates)
    return func


_DECODE_BUFFER = _load_decode_buffer()


def _lzfse_bounded(chunk: bytes, capacity: int) -> bytes:
    """Decompress at most ``capacity`` bytes; raise lzfse.error on bad data.

    lzfse.decompress cannot be bounded: it doubles its buffer until the output fits,
    and the reference decoder does not hold compressed blocks to their declared size,
    so a few KiB can claim 3 bytes and yield 64 MiB. Calling the C decoder directly
    with a fixed buffer caps the memory; lzfse.decompress is only a fallback for a
    build that hides the symbol.
    """
    if _DECODE_BUFFER is None:
        return lzfse.decompress(chunk)
    if capacity == 0:
        raise lzfse.error("invalid LZFSE data")  # no room: the decoder writes nothing, which means failure
    # A bytearray passed by address: create_string_buffer would make a ctypes type
    # for each size (a cycle for the garbage collector) and .raw would copy it whole.
    dst = bytearray(capacity)
    first = ctypes.c_char.from_buffer(dst)
    written = _DECODE_BUFFER(ctypes.addressof(first), capacity, chunk, len(chunk), None)
    del first
    if written == 0:
        raise lzfse.error("invalid LZFSE data")
    return bytes(memoryview(dst)[:written])


def _lzfse_output_size(chunk: bytes, index: int) -> int:
    """Sum the output sizes announced by the blocks of one LZFSE stream."""
    fail = f"corrupt signed shortcut: the LZFSE data of segment {index} ends inside a {{field}}"
    cur, total = _Cursor(chunk, 0, fail), 0
    while True:
        magic = cur.take(4, "block header")
        if magic == b"bvx$":                     # end of stream
            return total
        start, n_raw = cur.pos - 4, cur.uint(4, "block header")
        if magic == b"bvx-":                     # stored block
            size = 8 + n_raw
        elif magic == b"bvxn":                   # LZVN block: explicit payload size
            size = 12 + cur.uint(4, "block header")
        elif magic == b"bvx2":                   # LZFSE v2: sizes packed in 3 uint64
            f0, f1, f2 = struct.unpack("<QQQ", cur.take(24, "block header"))
            size = (f2 & 0xFFFFFFFF) + ((f0 >> 20) & 0xFFFFF) + ((f1 >> 40) & 0xFFFFF)
        else:                                    # includes v1 blocks, which encoders never write
            raise ContainerError(
                f"corrupt signed shortcut: segment {index} has an unknown LZFSE block")
        if size < cur.pos - start:   # a block shorter than its own header never ends the walk
            raise ContainerError(
                f"corrupt signed shortcut: segment {index} has an LZFSE block shorter than "
                f"its header")
        total += n_raw
        cur.pos = start
        cur.take(size, "block")


# --------------------------------------------------------------------------- Apple Archive

# Value sizes of Apple Archive field subtypes; "P" (string) and blob sizes handled apart.
_AA_FIXED = {"*": 0, "1": 1, "2": 2, "4": 4, "8": 8, "F": 4, "G": 20, "H": 32,
             "I": 48, "J": 64, "S": 8, "T": 12}
_AA_BLOB = {"A": 2, "B": 4, "C": 8}
_ARCHIVE_CUT = "corrupt signed shortcut: its archive is cut short in the {field}"


def _archive_file(aar: bytes) -> bytes:
    """Pick Shortcut.wflow (else the first regular file) out of an Apple Archive."""
    cur, first_file = _Cursor(aar, 0, _ARCHIVE_CUT), None
    while cur.pos < len(aar):
        fields, blobs = _archive_header(cur)
        contents = {key: cur.take(size, "file contents") for key, size in blobs}
        if "DAT" not in contents:
            continue
        if fields.get("PAT") == b"Shortcut.wflow":
            return contents["DAT"]
        if first_file is None and fields.get("TYP") == ord("F"):
            first_file = contents["DAT"]
    if first_file is None:
        raise ContainerError("signed shortcut holds no Shortcut.wflow file")
    return first_file


def _archive_header(cur: _Cursor) -> tuple[dict[str, bytes | int], list[tuple[str, int]]]:
    """Parse one entry header generically; return its fields and its blob sizes in order."""
    if cur.take(4, "entry header") not in (b"AA01", b"YAA1"):
        raise ContainerError("corrupt signed shortcut: the payload is not an Apple Archive")
    size = cur.uint(2, "entry header")
    if size < 6:   # the size counts the 6 bytes already read
        raise ContainerError(
            "corrupt signed shortcut: an archive entry header has an impossible size")
    head = _Cursor(cur.take(size - 6, "entry header"), 0, _ARCHIVE_CUT)
    fields: dict[str, bytes | int] = {}
    blobs: list[tuple[str, int]] = []
    while head.pos < len(head.data):
        tag = head.take(4, "entry header")
        key, sub = tag[:3].decode("latin-1"), chr(tag[3])
        if sub == "P":
            fields[key] = head.take(head.uint(2, "entry header"), "entry header")
        elif sub in _AA_BLOB:
            blobs.append((key, head.uint(_AA_BLOB[sub], "entry header")))
        elif sub in _AA_FIXED:
            fields[key] = head.uint(_AA_FIXED[sub], "entry header")
        else:
            raise ContainerError("corrupt signed shortcut: unknown field type in the archive")
    return fields, blobs
