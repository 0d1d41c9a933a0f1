"""Tests for shortcuts2py.container: every container kind, and every way to fail cleanly."""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import plistlib
import struct
from pathlib import Path

import lzfse
import pytest
from hypothesis import given, settings, strategies as st

from shortcuts2py import container
from shortcuts2py.container import (
    MAX_PAYLOAD,
    ContainerError,
    detect,
    read_bytes,
    read_file,
    write_bytes,
)

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def sample_root(n_actions: int = 3) -> dict:
    """A small shortcut using every plist scalar type, in a deliberately unsorted key order."""
    actions = [
        {
            "WFWorkflowActionIdentifier": "is.workflow.actions.comment",
            "WFWorkflowActionParameters": {"WFCommentActionText": f"step {i} \u00e9\U0001f600"},
        }
        for i in range(n_actions)
    ]
    return {
        "WFWorkflowMinimumClientVersionString": "900",
        "WFWorkflowMinimumClientVersion": 900,
        "WFWorkflowIcon": {
            "WFWorkflowIconStartColor": -43634177,
            "WFWorkflowIconGlyphNumber": 61440,
        },
        "WFWorkflowClientVersion": "2607.1",
        "WFWorkflowHasOutputFallback": False,
        "WFWorkflowActions": actions,
        "Zoom": 15.0,
        "Blob": b"\x00\x01\xff",
        "When": datetime.datetime(2023, 11, 21, 12, 0, 5),
        "WFWorkflowTypes": [],
    }


# --------------------------------------------------------------------------- AEA1 builder
# Builds a profile-0 signed file following FORMAT.md section 2. The signature, seed, salt
# and HMACs are filler: the reader never verifies them.


def aar_entry(fields: list[tuple[str, str, object]], blobs: tuple[bytes, ...] = ()) -> bytes:
    body = b""
    for key, sub, value in fields:
        tag = key.encode() + sub.encode()
        if sub == "P":
            body += tag + struct.pack("<H", len(value)) + value
        elif sub == "1":
            body += tag + struct.pack("<B", value)
        elif sub == "2":
            body += tag + struct.pack("<H", value)
        elif sub == "B":
            body += tag + struct.pack("<I", value)
        elif sub == "T":
            body += tag + struct.pack("<QI", *value)
        else:
            raise AssertionError(sub)
    return b"AA01" + struct.pack("<H", 6 + len(body)) + body + b"".join(blobs)


def apple_archive(wflow: bytes, name: bytes = b"Shortcut.wflow") -> bytes:
    stamp = (1700576644, 616892551)
    directory = aar_entry(
        [("TYP", "1", ord("D")), ("PAT", "P", b""), ("MOD", "2", 0o755), ("MTM", "T", stamp)]
    )
    file = aar_entry(
        [
            ("TYP", "1", ord("F")),
            ("PAT", "P", name),
            ("MOD", "2", 0o644),
            ("MTM", "T", stamp),
            ("DAT", "B", len(wflow)),
        ],
        (wflow,),
    )
    return directory + file


def build_aea(
    payload: bytes,
    *,
    segment_size: int = 1 << 20,
    per_cluster: int = 256,
    profile: int = 0,
    compression: bytes = b"e",
    raw_size: int | None = None,
    segments: list[tuple[int, int, bytes, bytes]] | None = None,
) -> bytes:
    """Wrap ``payload`` (an Apple Archive) in AEA1. ``segments`` overrides the split:
    (raw size, stored size, sha256, stored bytes) per segment, for forged files."""
    if segments is None:
        segments = []
        for start in range(0, len(payload), segment_size):
            raw = payload[start : start + segment_size]
            packed = lzfse.compress(raw) if compression == b"e" else raw
            stored = packed if len(packed) < len(raw) else raw
            segments.append((len(raw), len(stored), hashlib.sha256(raw).digest(), stored))
    auth = plistlib.dumps(
        {"SigningCertificateChain": [b"fake leaf", b"fake ca"]}, fmt=plistlib.FMT_BINARY
    )
    head = b"AEA1" + profile.to_bytes(3, "little") + b"\x00" + struct.pack("<I", len(auth)) + auth
    head += (b"\x30\x44" + bytes(126)) + bytes(32) + bytes(32) + bytes(32)  # sig, seed, salt, HMAC
    root_at = len(head)
    head += struct.pack(
        "<QQIIBB22x",
        len(payload) if raw_size is None else raw_size,
        0,
        segment_size,
        per_cluster,
        compression[0],
        2,
    )
    body = bytes(32)  # cluster-0 header HMAC
    for first in range(0, max(len(segments), 1), per_cluster):
        chunk = segments[first : first + per_cluster]
        table = b"".join(struct.pack("<II", r, s) + d for r, s, d, _ in chunk)
        body += table + bytes(40 * (per_cluster - len(chunk))) + bytes(32 * (per_cluster + 1))
        body += b"".join(data for *_, data in chunk)
    out = bytearray(head + body)
    struct.pack_into("<Q", out, root_at + 8, len(out))  # container size
    return bytes(out)


def signed(root: dict, **kw) -> bytes:
    return build_aea(
        apple_archive(plistlib.dumps(root, fmt=plistlib.FMT_BINARY, sort_keys=False)), **kw
    )


def set_container_size(data: bytes) -> bytes:
    """Make the root header agree with the (possibly cut) length, to reach deeper checks."""
    if len(data) < 12:
        return data
    at = root_header_offset(data) + 8
    if len(data) < at + 8:
        return data
    out = bytearray(data)
    struct.pack_into("<Q", out, at, len(data))
    return bytes(out)


def root_header_offset(data: bytes) -> int:
    return 12 + struct.unpack_from("<I", data, 8)[0] + 224


# --------------------------------------------------------------------------- detection


@pytest.mark.parametrize(
    "data, kind",
    [
        (b"bplist00\xd0\x08", "bplist"),
        (b"<?xml version='1.0'?><plist/>", "xml"),
        (b"\xef\xbb\xbf \n\t<?xml version='1.0'?>", "xml"),
        (b"  <plist version='1.0'>", "xml"),
        (b"\n<!DOCTYPE plist>", "xml"),
        (b'{"WFWorkflowActions": []}', "json"),
        (b"\xef\xbb\xbf\r\n  {}", "json"),
        (b"AEA1\x00\x00\x00\x00", "aea"),
    ],
)
def test_detect_by_content(data, kind):
    assert detect(data) == kind


@pytest.mark.parametrize("data", [b"PK\x03\x04zip", b"hello", b"[1, 2]", b"\x00" * 10, b"   \n"])
def test_detect_rejects_unknown(data):
    with pytest.raises(ContainerError, match="not a shortcut file"):
        detect(data)


def test_empty_input():
    with pytest.raises(ContainerError, match="^empty file$"):
        detect(b"")
    with pytest.raises(ContainerError, match="^empty file$"):
        read_bytes(b"")


# --------------------------------------------------------------------------- unsigned kinds


def test_binary_plist_keeps_types_and_order():
    root = sample_root()
    got = read_bytes(plistlib.dumps(root, fmt=plistlib.FMT_BINARY, sort_keys=False))
    assert got == root
    assert list(got) == list(root)
    assert type(got["Zoom"]) is float and type(got["WFWorkflowHasOutputFallback"]) is bool


def test_xml_plist_with_bom_and_leading_whitespace():
    root = sample_root()
    data = b"\xef\xbb\xbf\n  " + plistlib.dumps(root, fmt=plistlib.FMT_XML)
    assert detect(data) == "xml"
    assert read_bytes(data) == root


def test_json_dump_keeps_int_float_distinction():
    text = json.dumps({"WFWorkflowActions": [], "A": 1, "B": 1.0, "C": True, "D": [1, 2.5]})
    got = read_bytes(b"\xef\xbb\xbf  " + text.encode())
    assert got == {"WFWorkflowActions": [], "A": 1, "B": 1.0, "C": True, "D": [1, 2.5]}
    assert type(got["A"]) is int and type(got["B"]) is float and type(got["C"]) is bool


def test_json_null_is_refused_with_its_path():
    data = json.dumps({"WFWorkflowActions": [{"WFWorkflowActionParameters": {"X": None}}]}).encode()
    with pytest.raises(
        ContainerError, match=r"null at WFWorkflowActions\[0\]\.WFWorkflowActionParameters\.X"
    ):
        read_bytes(data)


def test_json_icloud_record_is_explained():
    record = {
        "recordName": "F008",
        "recordType": "SharedShortcut",
        "fields": {"name": {"type": "STRING", "value": "x"}},
        "modified": None,
    }
    with pytest.raises(ContainerError, match="iCloud record"):
        read_bytes(json.dumps(record).encode())


@pytest.mark.parametrize("data", [b"{", b'{"a": }', b"{\xff\xfe}", b'{"WFWorkflowActions": [] ,}'])
def test_bad_json(data):
    with pytest.raises(ContainerError, match="not valid JSON"):
        read_bytes(data)


def test_json_integer_too_big_for_plist():
    with pytest.raises(ContainerError, match="too large"):
        read_bytes(b'{"WFWorkflowActions": [], "n": 18446744073709551616}')


@pytest.mark.parametrize(
    "value, what",
    [
        ([1, 2], "array"),
        ("text", "string"),
        ({"WFWorkflowName": "x"}, "WFWorkflowActions"),
        ({"WFWorkflowActions": {"0": {}}}, "WFWorkflowActions"),
        ({"WFWorkflowActions": "[]"}, "WFWorkflowActions"),
    ],
)
@pytest.mark.parametrize("fmt", [plistlib.FMT_BINARY, plistlib.FMT_XML])
def test_plist_that_is_not_a_shortcut(value, what, fmt):
    with pytest.raises(ContainerError, match=f"^not a shortcut: .*{what}"):
        read_bytes(plistlib.dumps(value, fmt=fmt))


def test_json_that_is_not_a_shortcut():
    with pytest.raises(ContainerError, match="^not a shortcut: "):
        read_bytes(b'{"actions": []}')


@pytest.mark.parametrize(
    "data",
    [
        b"bplist00",
        b"bplist00garbage that is long enough to have a trailer" + bytes(32),
        b"<?xml version='1.0'?><plist><dict><key>a</key>",
        b"<plist><dict><key>WFWorkflowActions</key><array/></dict></plist><extra>",
        b"<plist><date>not a date</date></plist>",
        b"<plist><integer>twelve</integer></plist>",
        b"<plist><data>A</data></plist>",
        b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY e "x">]><plist><string>&e;</string></plist>',
    ],
)
def test_invalid_plists(data):
    with pytest.raises(ContainerError, match="not a valid plist"):
        read_bytes(data)


def test_truncated_binary_plist_at_every_cut():
    data = plistlib.dumps(sample_root(2), fmt=plistlib.FMT_BINARY)
    for cut in range(1, len(data)):
        with pytest.raises(ContainerError):
            read_bytes(data[:cut])


# --------------------------------------------------------------------------- random input


@settings(max_examples=300, deadline=None)
@given(
    prefix=st.sampled_from(
        [b"", b"bplist00", b"AEA1", b"AEA1\x00\x00\x00\x00", b"<?xml ", b"{", b"<plist>"]
    ),
    tail=st.binary(max_size=600),
)
def test_random_bytes_always_give_container_error(prefix, tail):
    with pytest.raises(ContainerError):
        read_bytes(prefix + tail)


def _binary_samples() -> list[bytes]:
    """Small real binary plists (plain and signed payloads), else a generated one."""
    if not (CORPUS / "manifest.jsonl").is_file():
        return [plistlib.dumps(sample_root(4), fmt=plistlib.FMT_BINARY, sort_keys=False)]
    rows = [json.loads(line) for line in (CORPUS / "manifest.jsonl").read_text().splitlines()
            if line.strip()]
    chosen = []
    for fmt in ("bplist", "aea-signed"):
        files = sorted((CORPUS / row["file"] for row in rows if row["format"] == fmt),
                       key=lambda path: path.stat().st_size)
        for path in files[: len(files) // 2: max(1, len(files) // 6)]:
            data = path.read_bytes()
            chosen.append(container._extract_wflow(data) if fmt == "aea-signed" else data)
    return chosen


_SAMPLES = _binary_samples()


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_mutated_binary_plists_give_a_shortcut_or_a_container_error(data):
    # Bytes anywhere, bytes in the trailer and offset table (where one byte moves
    # everything), cuts: never another exception, never unbounded work.
    blob = bytearray(data.draw(st.sampled_from(_SAMPLES)))
    for _ in range(data.draw(st.integers(1, 6))):
        if len(blob) < 10:
            break
        where = data.draw(st.sampled_from(["anywhere", "tail", "cut"]))
        if where == "cut":
            del blob[data.draw(st.integers(8, len(blob) - 1)):]
            continue
        low = 8 if where == "anywhere" else max(8, len(blob) - 96)
        blob[data.draw(st.integers(low, len(blob) - 1))] = data.draw(st.integers(0, 255))
    try:
        root = read_bytes(bytes(blob))
    except ContainerError as error:
        assert "\n" not in str(error)
    else:
        assert isinstance(root, dict)


# --------------------------------------------------------------------------- signed (AEA1)


def test_signed_file_is_read():
    root = sample_root(5)
    data = signed(root)
    assert detect(data) == "aea"
    got = read_bytes(data)
    assert got == root and list(got) == list(root)


def test_signed_file_with_many_clusters_and_stored_segments():
    # Small segments and clusters exercise the multi-cluster walk; the incompressible
    # blob makes some segments "stored" (stored size == raw size).
    root = sample_root(200)
    root["Noise"] = bytes(range(256)) * 3 + os.urandom(3000)
    payload = apple_archive(plistlib.dumps(root, fmt=plistlib.FMT_BINARY, sort_keys=False))
    data = build_aea(payload, segment_size=4096, per_cluster=2)
    assert read_bytes(data) == root


def test_signed_uses_first_regular_file_when_name_differs():
    root = sample_root(1)
    wflow = plistlib.dumps(root, fmt=plistlib.FMT_BINARY)
    assert read_bytes(build_aea(apple_archive(wflow, name=b"Other.wflow"))) == root


def test_signed_prefers_shortcut_wflow_entry():
    decoy = plistlib.dumps({"WFWorkflowActions": ["decoy"]}, fmt=plistlib.FMT_BINARY)
    real = plistlib.dumps(sample_root(1), fmt=plistlib.FMT_BINARY)
    # Two file entries, the decoy first: the name wins over the position.
    payload = aar_entry(
        [("TYP", "1", ord("F")), ("PAT", "P", b"a.wflow"), ("DAT", "B", len(decoy))], (decoy,)
    ) + aar_entry(
        [("TYP", "1", ord("F")), ("PAT", "P", b"Shortcut.wflow"), ("DAT", "B", len(real))], (real,)
    )
    assert read_bytes(build_aea(payload)) == sample_root(1)


def test_signed_archive_without_a_file():
    payload = aar_entry([("TYP", "1", ord("D")), ("PAT", "P", b"")])
    with pytest.raises(ContainerError, match="no Shortcut.wflow"):
        read_bytes(build_aea(payload))


def test_signed_inner_file_must_be_a_plist():
    with pytest.raises(ContainerError, match="not a valid plist"):
        read_bytes(build_aea(apple_archive(b'{"WFWorkflowActions": []}')))


def test_unsupported_profile():
    with pytest.raises(ContainerError, match="AEA profile 5"):
        read_bytes(signed(sample_root(), profile=5))


def test_unsupported_compression():
    data = bytearray(signed(sample_root()))
    data[root_header_offset(data) + 24] = ord("z")
    with pytest.raises(ContainerError, match="zlib compression"):
        read_bytes(bytes(data))


def test_checksum_mismatch():
    data = signed(sample_root())
    table = root_header_offset(data) + 48 + 32
    corrupt = bytearray(data)
    corrupt[table + 8] ^= 0xFF  # first byte of segment 0's SHA-256
    with pytest.raises(ContainerError, match="SHA-256"):
        read_bytes(bytes(corrupt))


def test_truncated_signed_file_at_every_cut():
    # Small clusters keep the file short enough to cut at every single byte, both with
    # the header's container size left as is and rewritten to match the cut.
    data = signed(sample_root(2), per_cluster=2)
    for cut in range(len(data)):
        for candidate in (data[:cut], set_container_size(data[:cut])):
            with pytest.raises(ContainerError):
                read_bytes(candidate)


def test_truncated_standard_signed_file_gives_clear_message():
    data = signed(sample_root(20))  # 256 segments per cluster, like Apple's
    cuts = sorted(
        set(range(0, 400)) | set(range(400, len(data), 97)) | set(range(len(data) - 200, len(data)))
    )
    for cut in cuts:
        with pytest.raises(ContainerError) as info:
            read_bytes(set_container_size(data[:cut]))
        assert "\n" not in str(info.value)
    with pytest.raises(ContainerError, match="^truncated signed shortcut"):
        read_bytes(data[:-10])
    with pytest.raises(
        ContainerError, match="^truncated signed shortcut: the file ends inside the auth data"
    ):
        read_bytes(data[:100])


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_corrupted_signed_file_never_crashes(data):
    original = signed(sample_root(3))
    blob = bytearray(original)
    for _ in range(data.draw(st.integers(1, 4))):
        blob[data.draw(st.integers(0, len(blob) - 1))] = data.draw(st.integers(0, 255))
    try:
        assert isinstance(read_bytes(bytes(blob)), dict)
    except ContainerError:
        pass


# --------------------------------------------------------------------------- size guard


def test_guard_trips_on_forged_root_raw_size():
    data = bytearray(signed(sample_root()))
    struct.pack_into("<Q", data, root_header_offset(data), MAX_PAYLOAD + 1)
    with pytest.raises(ContainerError, match="limit"):
        read_bytes(bytes(data))


def test_guard_trips_on_forged_segment_sizes():
    payload = apple_archive(plistlib.dumps(sample_root(), fmt=plistlib.FMT_BINARY))
    stored = lzfse.compress(payload)
    huge = MAX_PAYLOAD // 2 + 1  # each segment plausible, their sum too large
    forged = [(huge, len(stored), hashlib.sha256(payload).digest(), stored)] * 2
    data = build_aea(payload, segments=forged, segment_size=1 << 31)
    with pytest.raises(ContainerError, match="limit"):
        read_bytes(data)


def test_guard_trips_on_compression_bomb_before_decompressing():
    bomb = lzfse.compress(bytes(8 * 1024 * 1024))  # 8 MiB of zeros in a few KiB
    assert len(bomb) < 10_000
    seg = [(1000, len(bomb), hashlib.sha256(b"").digest(), bomb)]
    data = build_aea(bytes(1000), segments=seg)
    with pytest.raises(ContainerError, match="more than its declared 1000 bytes"):
        read_bytes(data)


def lzfse_with_lying_block_sizes(data: bytes, claimed: int) -> bytes:
    """LZFSE stream whose v2 block headers each claim ``claimed`` output bytes.

    The reference decoder does not hold v2 blocks to that claim, so this is how a
    small file could expand without limit if decoding were not capped.
    """
    stream, pos = bytearray(lzfse.compress(data)), 0
    while stream[pos : pos + 4] != b"bvx$":
        assert stream[pos : pos + 4] == b"bvx2"
        f0, f1, f2 = struct.unpack_from("<QQQ", stream, pos + 8)
        struct.pack_into("<I", stream, pos + 4, claimed)
        pos += (f2 & 0xFFFFFFFF) + ((f0 >> 20) & 0xFFFFF) + ((f1 >> 40) & 0xFFFFF)
    return bytes(stream)


def test_bounded_decoder_is_available():
    # Without it, lzfse.decompress is the fallback and memory is not capped.
    assert container._DECODE_BUFFER is not None


def test_guard_caps_output_of_lying_lzfse_blocks(monkeypatch):
    def unbounded(_data):
        raise AssertionError("lzfse.decompress grows its buffer without limit")

    monkeypatch.setattr(lzfse, "decompress", unbounded)
    stream = lzfse_with_lying_block_sizes(bytes(4 * 1024 * 1024), claimed=1)
    assert len(stream) < 10_000
    seg = [(1000, len(stream), hashlib.sha256(b"").digest(), stream)]
    with pytest.raises(ContainerError, match="decompressed to more than its declared 1000 bytes"):
        read_bytes(build_aea(bytes(1000), segments=seg))


def test_lzfse_block_claiming_no_length_is_refused():
    # A v2 block whose packed sizes are all zero announces a length of 0: walking the
    # blocks must refuse it rather than read the same header forever (found by fuzzing).
    stream = bytearray(lzfse.compress(bytes(5000)))
    assert stream[:4] == b"bvx2"
    struct.pack_into("<QQQ", stream, 8, 0, 0, 0)
    seg = [(5000, len(stream), hashlib.sha256(b"").digest(), bytes(stream))]
    with pytest.raises(ContainerError, match="shorter than its header"):
        read_bytes(build_aea(bytes(5000), segments=seg))


def test_fallback_decoder_still_reads_signed_files(monkeypatch):
    monkeypatch.setattr(container, "_DECODE_BUFFER", None)
    assert read_bytes(signed(sample_root(30))) == sample_root(30)


def test_guard_respects_a_lowered_limit(monkeypatch):
    data = signed(sample_root(50))
    monkeypatch.setattr(container, "MAX_PAYLOAD", 500)
    with pytest.raises(ContainerError, match="500-byte limit"):
        read_bytes(data)


def test_max_payload_is_64_mib():
    assert MAX_PAYLOAD == 64 * 1024 * 1024


# --------------------------------------------------------------------------- writing


def test_write_read_round_trip_binary_keeps_key_order():
    root = sample_root()
    root["WFWorkflowIcon"] = {"Z": 1, "A": 2, "M": 3}
    data = write_bytes(root)
    assert data.startswith(b"bplist00")
    got = read_bytes(data)
    assert got == root
    assert list(got) == list(root) and list(got["WFWorkflowIcon"]) == ["Z", "A", "M"]


def test_write_xml_round_trip_keeps_key_order():
    root = sample_root()
    root["When"] = datetime.datetime(2023, 1, 1, 0, 0, 1)  # XML keeps whole seconds only
    data = write_bytes(root, xml=True)
    assert detect(data) == "xml"
    got = read_bytes(data)
    assert got == root and list(got) == list(root)


def test_write_xml_control_character_suggests_binary():
    root = {"WFWorkflowActions": [{"WFWorkflowActionParameters": {"Text": "bell\x07"}}]}
    with pytest.raises(ContainerError, match="control character.*binary"):
        write_bytes(root, xml=True)
    assert read_bytes(write_bytes(root)) == root


@pytest.mark.parametrize(
    "root",
    [
        {"WFWorkflowActions": [None]},
        {"WFWorkflowActions": [], "big": 2**64},
        {"WFWorkflowActions": [], 1: "non-string key"},
    ],
)
def test_write_refuses_non_plist_values(root):
    with pytest.raises(ContainerError, match="^cannot write the plist"):
        write_bytes(root)


def test_write_refuses_non_dict_root():
    with pytest.raises(ContainerError):
        write_bytes([1, 2])


plist_scalars = (
    st.booleans()
    | st.integers(-(2**63), 2**64 - 1)
    | st.floats(allow_nan=False)
    | st.text(alphabet=st.characters(blacklist_categories=("Cs",)))
    | st.binary(max_size=20)
)
plist_values = st.recursive(
    plist_scalars,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=50, deadline=None)
@given(extra=st.dictionaries(st.text(max_size=8), plist_values, max_size=6))
def test_binary_round_trip_property(extra):
    root = {"WFWorkflowActions": [extra], **extra}
    got = read_bytes(write_bytes(root))
    assert got == root
    assert list(got) == list(root) and list(got["WFWorkflowActions"][0]) == list(extra)


# --------------------------------------------------------------------------- files


def test_read_file(tmp_path):
    path = tmp_path / "x.wflow.bak"  # the name says nothing about the kind
    path.write_bytes(signed(sample_root()))
    assert read_file(path) == sample_root()
    assert read_file(str(path)) == sample_root()


def test_read_file_errors_do_not_mention_the_path(tmp_path):
    missing = tmp_path / "nowhere" / "secret-name.shortcut"
    with pytest.raises(ContainerError) as info:
        read_file(missing)
    assert "secret-name" not in str(info.value) and "nowhere" not in str(info.value)
    with pytest.raises(ContainerError) as info:
        read_file(tmp_path)  # a directory
    assert str(tmp_path) not in str(info.value)
    bad = tmp_path / "secret-name.plist"
    bad.write_bytes(b"")
    with pytest.raises(ContainerError, match="^empty file$"):
        read_file(bad)


# --------------------------------------------------------------------------- reliability reproducers
# Files a fuzz campaign found (../shared/reliability): each must end in one clear
# ContainerError naming its problem.

RELIABILITY = Path(__file__).resolve().parents[2] / "shared" / "reliability"

_SAME_KEY = r"a dictionary key at WFWorkflowActions\[0\]\.WFWorkflowActionParameters\S* is "
_TOO_DEEP = "arrays and dictionaries nest deeper than the limit of 128 levels at WFWorkflowActions"
REPRODUCERS = {
    "dec_null_value.bplist": "it holds null at WFWorkflowActions\\[0\\]",
    "dec_uid_value.bplist": "it holds a keyed-archiver UID at WFWorkflowActions",
    "dec_int_key.bplist": _SAME_KEY + "an integer, not a string",
    "dec_int_key_nested.bplist": _SAME_KEY + "an integer, not a string",
    "dec_int_key_attachments_by_range.bplist": _SAME_KEY + "an integer, not a string",
    "dec_bytes_key.bplist": _SAME_KEY + "data, not a string",
    "dec_null_key.bplist": _SAME_KEY + "null, not a string",
    "dec_nested_list_245.plist": _TOO_DEEP,
    "dec_nested_dict_245.plist": _TOO_DEEP,
    "dec_deep_xml_500.plist": _TOO_DEEP,
    "dec_cyclic_array.bplist": "^not a valid plist: an array or dictionary contains itself$",
    "dec_shared_refs_laughs16.bplist": "its 38 stored references stand for 131,076 values",
    "dec_shared_refs_laughs30.bplist": "it holds more than 250,000 values",
    "dec_xml_unknown_encoding.plist": "unknown text encoding 'WTF-8'; save it as UTF-8",
    "dec_comment_lone_surrogate.json": "WFCommentActionText holds a lone UTF-16 surrogate",
    "dec_bplist_int_32768_bytes.bplist": "is stored in 32,768 bytes",
}


@pytest.mark.skipif(not RELIABILITY.is_dir(), reason="../shared/reliability is absent")
@pytest.mark.parametrize("name, message", sorted(REPRODUCERS.items()))
def test_reliability_reproducers_end_in_one_clear_error(name, message):
    with pytest.raises(ContainerError, match=message) as info:
        read_file(RELIABILITY / name)
    assert "\n" not in str(info.value)


# --------------------------------------------------------------------------- real corpus

_MANIFEST_FORMATS = {"bplist": "bplist", "xml-plist": "xml", "json": "json", "aea-signed": "aea"}


def _corpus_rows(fmt: str) -> list[dict]:
    if not (CORPUS / "manifest.jsonl").is_file():
        pytest.skip("shared corpus not available")
    rows = [
        json.loads(line)
        for line in (CORPUS / "manifest.jsonl").read_text().splitlines()
        if line.strip()
    ]
    return [row for row in rows if row["format"] == fmt]


@pytest.mark.parametrize("fmt", sorted(_MANIFEST_FORMATS))
def test_corpus_files_load_and_detect(fmt):
    rows = _corpus_rows(fmt)
    assert rows, f"no {fmt} files in the corpus manifest"
    failures = []
    for row in rows:
        data = (CORPUS / row["file"]).read_bytes()
        try:
            kind = detect(data)
            root = read_file(CORPUS / row["file"])
        except ContainerError as exc:
            failures.append(f"{row['file']}: {exc}")
            continue
        if kind != _MANIFEST_FORMATS[fmt]:
            failures.append(f"{row['file']}: detected {kind}, manifest says {fmt}")
        elif (
            row.get("n_actions") is not None and len(root["WFWorkflowActions"]) != row["n_actions"]
        ):
            count = len(root["WFWorkflowActions"])
            failures.append(f"{row['file']}: {count} actions, manifest says {row['n_actions']}")
    assert not failures, "\n".join(failures[:20])
