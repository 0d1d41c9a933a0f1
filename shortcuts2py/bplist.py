"""Read binary plists with every limit of ``shortcuts2py.limits`` enforced while reading.

plistlib's binary reader recurses without a bound, can return lists that contain
themselves, and hands out one Python object for all references to it, so a few
hundred bytes can stand for billions of values once walked. This reader decodes each
object once, like plistlib, but keeps for every object the size of the tree it
stands for, so shared references are measured without being expanded. It refuses
cycles, too much nesting, too many values or characters, and the kinds shortcuts
never hold, as soon as they show. For every file it accepts, the result equals
``plistlib.loads`` exactly: same types, same key order, same sharing of objects.

It recurses once per nesting level, and refuses a level deeper than
``limits.MAX_DEPTH`` before entering it, so it never uses more than about 130
frames, whatever the file says.

The layout (from Apple's CFBinaryPList.c): the 8-byte header ``bplist00``, the
objects, a table of object offsets, then a 32-byte trailer holding, big-endian,
6 unused bytes, the width of an offset, the width of a reference, the object count,
the top object's number and where the offset table starts. An object begins with a
marker byte: the high nibble is its type, the low nibble a count, where 15 means the
count follows as an integer object. Arrays hold references (object numbers); a
dictionary holds all its key references, then all its value references.

``write_bplist`` writes the same bytes as ``plistlib.dumps(value, fmt=FMT_BINARY,
sort_keys=False)``, in one walk instead of plistlib's two and without its
type tests per object; anything beyond the plain plist kinds is left to plistlib.
One difference: a plist holding both 0.0 and -0.0 keeps both (plistlib writes
one object for the two, losing a sign).
``write_checked`` is the same walk measuring what ``limits.check_value`` checks,
so that writing a shortcut walks it once; what it cannot vouch for it leaves to
that check.
"""

from __future__ import annotations

import datetime
import itertools
import plistlib
import struct
from typing import Any, Callable

from .limits import (
    DEPTH_CLAUSE,
    MAX_DEPTH,
    MAX_SHARING,
    MAX_STRING,
    MAX_TEXT,
    MAX_VALUES,
    NULL_CLAUSE,
    TEXT_CLAUSE,
    VALUES_CLAUSE,
    PlistValueError,
    format_path,
    integer_problem,
    key_clause,
    kind_clause,
    length_clause,
    sharing_clause,
    string_problem,
)

__all__ = ["MalformedPlist", "read_bplist", "write_bplist"]


class MalformedPlist(ValueError):
    """The bytes do not follow the binary plist layout; str() is one clause."""


_HEADER_SIZE = 8
_TRAILER = struct.Struct(">6xBBQQQ")
_UINT_CODES = {1: "B", 2: "H", 4: "L", 8: "Q"}
_REAL32, _REAL64 = struct.Struct(">f"), struct.Struct(">d")
_EPOCH = datetime.datetime(2001, 1, 1)   # time 0 of binary plist dates

# Marker byte -> 1 when the object is a string (ASCII 0x5n or UTF-16 0x6n).
_IS_STRING = bytes(1 if marker >> 4 in (5, 6) else 0 for marker in range(256))

_MARKER_NAMES = {0x0: "null", 0x1: "an integer", 0x2: "a real number", 0x3: "a date",
                 0x4: "data", 0x8: "a keyed-archiver UID", 0xA: "an array",
                 0xB: "an ordered set", 0xC: "a set", 0xD: "a dictionary"}


class _Pending:
    """The state of an object not yet read, or of a container being read."""


_UNREAD, _OPEN = _Pending(), _Pending()


class _Refusal(Exception):
    """A PlistValueError on its way up; each container it passes adds its key or index."""

    def __init__(self, clause: str):
        super().__init__(clause)
        self.clause = clause
        self.steps: list[str | int] = []


def read_bplist(data: bytes):
    """Return the value stored in the binary plist ``data``.

    Raises MalformedPlist when the bytes are not a binary plist, and
    limits.PlistValueError when they are one that breaks a limit or holds a value
    shortcuts cannot (null, UID, a non-string key, a lone surrogate...).
    """
    offsets, top, ref_size, end = _read_layout(data)
    read, expansion = _reader(data, offsets, ref_size, end)
    try:
        value = read(top, 1)
        stored, expanded = expansion(top)
    except _Refusal as refusal:
        where = f" at {format_path(reversed(refusal.steps))}"
        raise PlistValueError(refusal.clause.replace("{at}", where)) from None
    except IndexError:
        # Member references are bounds-checked by the lookups that use them.
        raise MalformedPlist("a reference points past the end of the object table") from None
    finally:
        # read() calls itself through its closure: a cycle that would keep every
        # object read (and the bytes) alive until the next full garbage collection.
        for cell in read.__closure__ or ():
            cell.cell_contents = None
    if expanded > MAX_SHARING * stored:
        raise PlistValueError(sharing_clause(stored, expanded))
    return value


def _read_layout(data: bytes) -> tuple[tuple[int, ...], int, int, int]:
    """Check the trailer and offset table; return (offsets, top, ref width, end of objects)."""
    if len(data) < _HEADER_SIZE + _TRAILER.size:
        raise MalformedPlist("the file is too short to be a binary plist")
    offset_size, ref_size, count, top, table = _TRAILER.unpack_from(data, len(data) - 32)
    if not (1 <= offset_size <= 8 and 1 <= ref_size <= 8):
        raise MalformedPlist("its trailer gives impossible offset or reference widths")
    if count == 0 or top >= count:
        raise MalformedPlist("its trailer names a top object that does not exist")
    if table < _HEADER_SIZE or table + count * offset_size > len(data) - _TRAILER.size:
        raise MalformedPlist("its offset table lies outside the file")
    offsets = _unpack_uints(data, table, count, offset_size)
    if min(offsets) < _HEADER_SIZE or max(offsets) >= table:
        raise MalformedPlist("an object offset points outside the objects")
    return offsets, top, ref_size, table


def _unpack_uints(data: bytes, start: int, count: int, width: int):
    """``count`` big-endian unsigned integers of ``width`` bytes (bytes when width is 1)."""
    if width == 1:
        return data[start:start + count]
    code = _UINT_CODES.get(width)
    if code:
        return struct.unpack_from(f">{count}{code}", data, start)
    stop = start + count * width
    return tuple(int.from_bytes(data[i:i + width], "big") for i in range(start, stop, width))


def _reader(data: bytes, offsets, ref_size: int, end: int):
    """Return read(ref, depth), the value of object ``ref`` met ``depth`` containers
    deep, and expansion(ref), the references stored (counting the root's) and the
    values object ``ref`` stands for, both known once it has been read.

    A closure rather than a class because it runs once per object and once per
    reference: names held in its cells are quicker to reach than attributes, and
    that is what lets it outrun plistlib. Per object it keeps the value (memoised,
    as plistlib does), and the values, characters and nesting of the tree the object
    stands for, which are what the limits are about.
    """
    count = len(offsets)
    values: list = [_UNREAD] * count
    sizes = [1] * count     # values in the tree (every scalar is 1)
    texts = [0] * count     # characters of strings and keys, bytes of data, in the tree
    heights = [0] * count   # arrays and dictionaries nested in the tree (scalars: 0)
    is_string = bytes(map(data.__getitem__, offsets)).translate(_IS_STRING)
    unpackers: dict = {}   # reference count -> function unpacking that many references
    stored = 1             # member references of the containers read, plus the root's

    def read(ref: int, depth: int):
        nonlocal stored
        value: Any
        pos = offsets[ref]
        marker = data[pos]
        kind = marker >> 4
        if kind == 0x5:                                   # ASCII string
            if marker != 0x5F:
                start, length = pos + 1, marker & 15
            elif data[pos + 1] == 0x10:                  # the usual long form: a 1-byte count
                start, length = pos + 3, data[pos + 2]
            else:
                start, length = _count(data, pos, marker, end)
            stop = start + length
            if stop > end:
                raise MalformedPlist("a string runs past the end of the objects")
            if length > MAX_STRING:
                raise _Refusal(length_clause("the string", length, "characters"))
            try:
                value = values[ref] = data[start:stop].decode("ascii")
            except UnicodeDecodeError:
                raise MalformedPlist("an ASCII string holds a byte above 127") from None
            texts[ref] = length
            return value
        if kind == 0xD or kind == 0xA:
            if values[ref] is _OPEN:
                raise MalformedPlist("an array or dictionary contains itself")
            if depth > MAX_DEPTH:
                raise _Refusal(DEPTH_CLAUSE)
            if marker & 15 != 15:
                start, length = pos + 1, marker & 15
            else:
                start, length = _count(data, pos, marker, end)
            if length > MAX_VALUES:
                raise _Refusal(VALUES_CLAUSE)
            n_refs = 2 * length if kind == 0xD else length
            stop = start + n_refs * ref_size
            if stop > end:
                raise MalformedPlist("an array or dictionary runs past the end of the objects")
            if ref_size == 1:
                refs = data[start:stop]
            else:
                unpack = unpackers.get(n_refs) or _unpacker(unpackers, n_refs, ref_size)
                refs = unpack(data, start)
            values[ref] = _OPEN
            stored += length
            below = depth + 1
            size, text, height = 1, 0, 0
            try:
                if kind == 0xD:
                    value = {}
                    for k, v in zip(refs[:length], refs[length:]):
                        if not is_string[k]:
                            raise _Refusal(_key_clause(data[offsets[k]]))
                        key = values[k]
                        if key is _UNREAD:
                            key = read(k, below)
                        member = values[v]
                        if member is _UNREAD or member is _OPEN:
                            member = read(v, below)
                        value[key] = member
                        size += sizes[v]
                        text += texts[k] + texts[v]
                        if heights[v] > height:
                            height = heights[v]
                else:
                    value = []
                    append = value.append
                    for v in refs:
                        member = values[v]
                        if member is _UNREAD or member is _OPEN:
                            member = read(v, below)
                        append(member)
                        size += sizes[v]
                        text += texts[v]
                        if heights[v] > height:
                            height = heights[v]
            except _Refusal as refusal:
                if refusal.clause is not VALUES_CLAUSE and refusal.clause is not TEXT_CLAUSE:
                    _add_step(refusal, kind == 0xD, refs, values)
                raise
            if size > MAX_VALUES or text > MAX_TEXT or depth + height > MAX_DEPTH:
                # Over a limit only through shared members: counted, never expanded.
                raise _Refusal(VALUES_CLAUSE if size > MAX_VALUES else
                               TEXT_CLAUSE if text > MAX_TEXT else DEPTH_CLAUSE)
            values[ref], sizes[ref], texts[ref], heights[ref] = value, size, text, height + 1
            return value
        if kind == 0x1 and marker <= 0x13:               # integer of 1, 2, 4 or 8 bytes
            stop = pos + 1 + (1 << (marker & 15))
            if stop > end:
                raise MalformedPlist("an integer runs past the end of the objects")
            value = values[ref] = int.from_bytes(data[pos + 1:stop], "big", signed=marker == 0x13)
            return value
        if marker == 0x08 or marker == 0x09:
            value = values[ref] = marker == 0x09
            return value
        try:
            value = values[ref] = _other_scalar(data, pos, marker, end)
        except PlistValueError as problem:
            raise _Refusal(str(problem)) from None
        if type(value) is str or type(value) is bytes:
            texts[ref] = len(value)
        return value

    def expansion(ref: int) -> tuple[int, int]:
        return stored, sizes[ref]

    return read, expansion


def _unpacker(unpackers: dict, n_refs: int, width: int) -> Callable[[bytes, int], Any]:
    """Make (and remember in ``unpackers``) the unpacking of ``n_refs`` references."""
    def odd_width(data: bytes, start: int):
        return _unpack_uints(data, start, n_refs, width)

    code = _UINT_CODES.get(width)
    unpack = struct.Struct(f">{n_refs}{code}").unpack_from if code else odd_width
    unpackers[n_refs] = unpack
    return unpack


def _count(data: bytes, pos: int, marker: int, end: int) -> tuple[int, int]:
    """(start of the payload, count) of a string, data, array or dictionary object."""
    low = marker & 15
    if low != 15:
        return pos + 1, low
    if pos + 2 > end:
        raise MalformedPlist("an object runs past the end of the objects")
    width = 1 << (data[pos + 1] & 3)   # like plistlib, only the low bits of that marker count
    start = pos + 2 + width
    if start > end:
        raise MalformedPlist("an object runs past the end of the objects")
    return start, int.from_bytes(data[pos + 2:start], "big")


def _key_clause(marker: int) -> str:
    return key_clause(_marker_name(marker))


def _marker_name(marker: int) -> str:
    if marker in (0x08, 0x09):
        return "a boolean"
    if marker == 0x0F:
        return "a fill byte"
    return _MARKER_NAMES.get(marker >> 4, f"an object of type 0x{marker:02x}")


def _add_step(refusal: _Refusal, is_dict: bool, refs, values: list) -> None:
    """Record which member of a container the refusal came from.

    Members are read in order, so it is the first one not yet done; for a
    dictionary, a refusal from a key (or about it) stops the path at the dictionary.
    """
    if is_dict:
        half = len(refs) >> 1
        for k, v in zip(refs[:half], refs[half:]):
            key, member = values[k], values[v]
            if type(key) is not str:
                return
            if member is _UNREAD or member is _OPEN:
                refusal.steps.append(key)
                return
        return
    for index, v in enumerate(refs):
        if values[v] is _UNREAD or values[v] is _OPEN:
            refusal.steps.append(index)
            return


def _other_scalar(data: bytes, pos: int, marker: int, end: int):
    """Decode the rarer scalars: big integers, reals, dates, data, UTF-16 strings.

    Raises PlistValueError for the kinds shortcuts never hold, MalformedPlist for
    anything unknown.
    """
    kind = marker >> 4
    if kind == 0x6 or kind == 0x4:
        start, length = _count(data, pos, marker, end)
        stop = start + (length * 2 if kind == 0x6 else length)
        if stop > end:
            raise MalformedPlist("a string or data object runs past the end of the objects")
        if length > MAX_STRING:
            what = ("the data", "bytes") if kind == 0x4 else ("the string", "characters")
            raise PlistValueError(length_clause(what[0], length, what[1]))
        return data[start:stop] if kind == 0x4 else _utf16(data[start:stop])
    if kind == 0x1:
        width = 1 << (marker & 15)
        if width > 16:
            raise PlistValueError(
                f"the integer{{at}} is stored in {width:,} bytes, more than the 16 a plist allows")
        stop = pos + 1 + width
        if stop > end:
            raise MalformedPlist("an integer runs past the end of the objects")
        number = int.from_bytes(data[pos + 1:stop], "big", signed=True)
        problem = integer_problem(number)
        if problem:
            raise PlistValueError(problem)
        return number
    if marker in (0x22, 0x23, 0x33):
        layout = _REAL32 if marker == 0x22 else _REAL64
        if pos + 1 + layout.size > end:
            raise MalformedPlist("a number runs past the end of the objects")
        number = layout.unpack_from(data, pos + 1)[0]
        if marker != 0x33:
            return number
        try:
            return _EPOCH + datetime.timedelta(seconds=number)
        except (OverflowError, ValueError):
            raise MalformedPlist("a date is out of range") from None
    if marker == 0x00:
        raise PlistValueError(NULL_CLAUSE)
    if marker == 0x0F or kind in (0x8, 0xB, 0xC):
        raise PlistValueError(kind_clause(_marker_name(marker)))
    raise MalformedPlist(f"it holds an object of unknown type 0x{marker:02x}")


def _utf16(raw: bytes) -> str:
    try:
        text = raw.decode("utf-16-be")
    except UnicodeDecodeError:
        # The length is even, so only a lone surrogate can fail: decode it to name it.
        text = raw.decode("utf-16-be", "surrogatepass")
    problem = string_problem(text)
    if problem:
        raise PlistValueError(problem)
    return text


# --------------------------------------------------------------------------- writing

_WIDTH_CODES = {1: "B", 2: "H", 4: "L", 8: "Q"}
# The markers of ASCII strings shorter than 256 characters, their length inside or after.
_ASCII_MARKERS = [bytes((0x50 | length,)) for length in range(15)] + [bytes((0x5F, 0x10, length)) for length in range(15, 256)]
_SMALL_MARKERS = [bytes((marker,)) for marker in range(256)]  # a marker byte with its count inside
# Containers of up to this many references have their packer made once and kept.
_CACHED_PACKERS = 64
_PACKERS: dict[tuple[int, int], Callable] = {}


def write_bplist(value) -> bytes:
    """The binary plist of ``value``, byte for byte what plistlib writes (keys unsorted).

    Objects are numbered as plistlib numbers them: depth first, a dictionary's
    keys before its values; equal scalars of one type share a number (reals only
    with the same bits: 0.0 and -0.0 stay apart), a container only with itself.  Any value plistlib would
    treat otherwise (None, tuples, subclasses, integers out of range, errors of
    every kind) is handed to plistlib whole, so results and errors stay its own.
    """
    try:
        return _write(value).data
    except Exception:  # noqa: BLE001 - plistlib decides, and raises its own error
        return plistlib.dumps(value, fmt=plistlib.FMT_BINARY, sort_keys=False)


def write_checked(root) -> bytes | None:
    """``write_bplist(root)`` when the walk that writes it shows that ``root`` keeps
    every limit ``limits.check_value`` enforces; None when it cannot tell, and the
    caller must run that check (and then write) the usual way.

    The writer visits every object once anyway, so it measures as it goes what
    the check would: the deepest container, the values (with no container
    shared, each reference counts once, as the check counts them), and the
    longest string.  Text is bounded before it is summed: every string or data
    counted is one reference, so the longest times the references is at least
    the total; only a file with a long text adds up its references.  None comes back for anything the check would look at closer: a
    shared container (or a cycle), a value the writer leaves to plistlib (a lone
    surrogate does not encode), any limit passed or not surely kept.
    """
    if type(root) is not dict and type(root) is not list:
        return None
    try:
        walk = _write(root)
    except Exception:  # noqa: BLE001 - an unusual value, or nesting too deep to recurse: the check tells
        return None
    if walk.shared or walk.deepest > MAX_DEPTH or 1 + walk.items > MAX_VALUES:
        return None
    if walk.longest > MAX_STRING or (walk.longest * walk.references > MAX_TEXT and walk.text() > MAX_TEXT):
        return None
    return walk.data


class _Unusual(Exception):
    """A value outside the plain kinds this writer spells itself."""


class _Walk:
    """What writing one value found: its bytes, and the measures ``write_checked`` judges."""

    __slots__ = ("data", "shared", "deepest", "items", "references", "longest", "strings", "scalars", "referenced",
                 "count", "chunks", "boxes", "top")

    def text(self) -> int:
        """Characters and bytes of every string and data, each reference counted (in C:
        only files with a long text come here, and they have many references)."""
        sizes = dict(zip(self.strings.values(), map(len, self.strings)))
        sizes.update((number, len(key[1])) for key, number in self.scalars.items() if key[0] is bytes)
        references = itertools.chain.from_iterable(self.referenced)
        return sum(map(sizes.get, references, itertools.repeat(0)))


def _packer(width_code: str, count: int) -> Callable:
    """``struct.pack`` of ``count`` big-endian numbers; a Struct for small counts is
    made once: building and parsing the format per container cost more than the packing."""
    if count > _CACHED_PACKERS:
        return struct.Struct(f">{count}{width_code}").pack
    key = (width_code, count)
    pack = _PACKERS.get(key)
    if pack is None:
        pack = _PACKERS[key] = struct.Struct(f">{count}{width_code}").pack
    return pack


def _write(root) -> _Walk:
    """Write with references of two bytes, the width of all but the smallest and
    the largest files; then narrow them, or write again with wider ones."""
    width = 2
    while True:
        try:
            walk = _walk(root, width)
        except struct.error:  # a reference past what this width holds
            width *= 2
            continue
        needed = _width(walk.count)
        if needed <= width:
            break
        width = needed  # exactly 65,536 objects: the last one's number still fit
    if needed < width:
        _narrow(walk.chunks, walk.boxes)
    walk.data = _layout(walk.chunks, walk.top)
    walk.chunks = walk.boxes = None
    return walk


def _walk(root, width: int) -> _Walk:
    """Number every object as plistlib does and make its bytes, a container's as
    soon as its references are known (``width`` bytes each)."""
    chunks: list = []  # per object number: its bytes
    boxes: list[int] = []  # the numbers of the containers
    referenced: list[list[int]] = []  # every container's references
    strings: dict[str, int] = {}
    scalars: dict[tuple, int] = {}  # (type, value) -> number, as plistlib keys them
    containers: dict[int, int] = {}  # id -> number
    packers: dict[int, Callable] = {}  # reference count -> its packer
    shared: list = []  # a container met again (shared, or a cycle)
    deep: list[int] = []  # depths of containers nested deeper than MAX_DEPTH
    width_code = _WIDTH_CODES[width]
    append = chunks.append
    inside = 0  # values inside containers

    def string(text: str) -> int:
        number = strings[text] = len(chunks)
        if text.isascii():
            size = len(text)
            append((_ASCII_MARKERS[size] if size < 256 else _size_marker(0x50, size)) + text.encode("ascii"))
        else:
            encoded = text.encode("utf-16-be")
            append(_size_marker(0x60, len(encoded) // 2) + encoded)
        return number

    def number_of(value, kind, depth) -> int:
        # Strings, the most common objects, are looked up inline by the callers too.
        nonlocal inside
        if kind is dict or kind is list:
            number = len(chunks)
            known = containers.setdefault(id(value), number)
            if known != number:
                shared.append(value)
                return known
            if depth > MAX_DEPTH:
                deep.append(depth)
            append(None)  # its place in the numbering; its bytes come once its references are known
            boxes.append(number)
            references: list[int] = []
            referenced.append(references)
            add = references.append
            if kind is dict:
                token = 0xD0
                for key in value:
                    if type(key) is not str:
                        raise _Unusual
                    found = strings.get(key)
                    add(found if found is not None else string(key))
                items = value.values()
            else:
                token = 0xA0
                items = value
            below = depth + 1
            for item in items:
                kind = type(item)
                if kind is str:
                    found = strings.get(item)
                    add(found if found is not None else string(item))
                elif kind is dict or kind is list:
                    add(number_of(item, kind, below))
                else:
                    key = (kind, item) if kind is not float else _float_key(item)
                    found = scalars.get(key)
                    if found is None:
                        found = scalars[key] = len(chunks)
                        append(_scalar_bytes(item, kind))
                    add(found)
            size = len(value)
            inside += size
            count = len(references)
            pack = packers.get(count)
            if pack is None:
                pack = packers[count] = _packer(width_code, count)
            chunks[number] = (_SMALL_MARKERS[token | size] if size < 15 else _size_marker(token, size)) + pack(*references)
            return number
        if kind is str:
            found = strings.get(value)
            return found if found is not None else string(value)
        key = (kind, value) if kind is not float else _float_key(value)
        number = scalars.get(key)
        if number is None:
            number = scalars[key] = len(chunks)
            append(_scalar_bytes(value, kind))
        return number

    try:
        top = number_of(root, type(root), 1)
    finally:
        del number_of, string  # it calls itself: free the closure now, not at a garbage collection
    walk = _Walk()
    walk.chunks, walk.boxes, walk.top, walk.count = chunks, boxes, top, len(chunks)
    walk.shared, walk.deepest = bool(shared), max(deep, default=0)
    walk.referenced, walk.strings, walk.scalars = referenced, strings, scalars
    walk.references = sum(map(len, referenced))
    walk.items = inside
    blobs = [key[1] for key in scalars if key[0] is bytes]
    walk.longest = max(max(map(len, strings), default=0), max(map(len, blobs), default=0))
    return walk


def _narrow(chunks: list, boxes: list[int]) -> None:
    """References of one byte: each container's two-byte ones, high bytes (all 0) dropped."""
    for number in boxes:
        chunk = chunks[number]
        marker = 1 if chunk[0] & 0xF != 0xF else 2 + (1 << (chunk[1] & 0xF))
        chunks[number] = chunk[:marker] + chunk[marker + 1 :: 2]


def _layout(chunks: list, top: int) -> bytes:
    """The header, the objects, the table of their offsets and the trailer."""
    count = len(chunks)
    offsets = list(itertools.accumulate(map(len, chunks), initial=_HEADER_SIZE))
    table = offsets.pop()  # where the last object ends, the table begins
    offset_width = _width(table)
    chunks.insert(0, b"bplist00")
    chunks.append(_packer(_WIDTH_CODES[offset_width], count)(*offsets))
    chunks.append(struct.pack(">5xBBBQQQ", 0, offset_width, _width(count), count, top, table))
    return b"".join(chunks)


def _float_key(value: float) -> tuple:
    """A real shares its object only with the same bits: plistlib lets 0.0 and -0.0
    share one, so a plist holding both reads back with one sign lost.  A NaN, equal
    to nothing, shares only with itself, as in plistlib's table."""
    if value != value:
        return (float, id(value))
    return (float, struct.pack(">d", value))


def _width(count: int) -> int:
    """Bytes per number for numbers below ``count`` (references and offsets)."""
    return 1 if count < 1 << 8 else 2 if count < 1 << 16 else 4 if count < 1 << 32 else 8


def _size_marker(token: int, size: int) -> bytes:
    if size < 15:
        return bytes((token | size,))
    if size < 1 << 8:
        return bytes((token | 0xF, 0x10, size))
    if size < 1 << 16:
        return struct.pack(">BBH", token | 0xF, 0x11, size)
    if size < 1 << 32:
        return struct.pack(">BBL", token | 0xF, 0x12, size)
    return struct.pack(">BBQ", token | 0xF, 0x13, size)


def _scalar_bytes(value, kind) -> bytes:
    if kind is int:
        if value < 0:
            if value < -(1 << 63):
                raise _Unusual
            return struct.pack(">Bq", 0x13, value)
        if value < 1 << 8:
            return bytes((0x10, value))
        if value < 1 << 16:
            return struct.pack(">BH", 0x11, value)
        if value < 1 << 32:
            return struct.pack(">BL", 0x12, value)
        if value < 1 << 63:
            return struct.pack(">BQ", 0x13, value)
        if value < 1 << 64:
            return b"\x14" + value.to_bytes(16, "big", signed=True)
        raise _Unusual
    if kind is bool:
        return b"\x09" if value else b"\x08"
    if kind is float:
        return struct.pack(">Bd", 0x23, value)
    if kind is bytes:
        return _size_marker(0x40, len(value)) + value
    if kind is datetime.datetime:
        return struct.pack(">Bd", 0x33, (value - _EPOCH).total_seconds())
    raise _Unusual
