"""iCloud share links, driven end to end against a loopback server; nothing leaves this machine."""

from __future__ import annotations

import plistlib
import socket
import unicodedata

import pytest

from shortcuts2py import api, container, icloud
from shortcuts2py.icloud import IcloudError, NotAShareLink

from .conftest import CORPUS, corpus_rows
from .icloud_server import LoopbackServer, closed_port, forbid_internet, shortcut_record, silent_port

SHARE_ID = "f00836becd2845109809720d2a70e32f"
LINK = f"https://www.icloud.com/shortcuts/{SHARE_ID}"
RECORD_PATH = f"/shortcuts/api/records/{SHARE_ID}"


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    """Every test here fails loudly if anything but the loopback server is contacted."""
    monkeypatch.delenv(icloud.BASE_URL_ENV, raising=False)
    forbid_internet(monkeypatch)


@pytest.fixture
def server():
    with LoopbackServer() as running:
        yield running


@pytest.fixture(scope="module")
def shared_file() -> tuple[bytes, dict, bool]:
    """(file bytes, its workflow plist, signed?): a real signed file when the corpus is there.

    The corpus file is read at test time and never copied into the repository;
    without it, a small unsigned binary plist made here stands in.
    """
    signed = [row for row in corpus_rows() if row["format"] == "aea-signed"]
    if signed:
        smallest = min(signed, key=lambda row: (CORPUS / row["file"]).stat().st_size)
        data = (CORPUS / smallest["file"]).read_bytes()
        root = container.read_bytes(data)
        assert len(root["WFWorkflowActions"]) == smallest["n_actions"]
        return data, root, True
    root = {
        "WFWorkflowActions": [
            {"WFWorkflowActionIdentifier": "is.workflow.actions.gettext",
             "WFWorkflowActionParameters": {"UUID": "11111111-2222-3333-4444-555555555555", "WFTextActionText": "hi"}},
        ],
        "WFWorkflowClientVersion": "2607.1.3",
    }
    return plistlib.dumps(root, fmt=plistlib.FMT_BINARY), root, False


def _unsigned_plist(text: str = "plain") -> tuple[bytes, dict]:
    root = {
        "WFWorkflowActions": [
            {"WFWorkflowActionIdentifier": "is.workflow.actions.gettext",
             "WFWorkflowActionParameters": {"WFTextActionText": text}},
        ],
        "WFWorkflowClientVersion": "1146",
    }
    return plistlib.dumps(root, fmt=plistlib.FMT_BINARY), root


def _fetch(server: LoopbackServer, link: str = LINK, **options) -> icloud.SharedShortcut:
    return icloud.fetch(link, base_url=server.base_url, **options)


def _failure(server: LoopbackServer, link: str = LINK, **options) -> IcloudError:
    with pytest.raises(IcloudError) as caught:
        _fetch(server, link, **options)
    return caught.value


# --------------------------------------------------------------------------- links


@pytest.mark.parametrize(
    "link",
    [
        LINK,
        LINK + "/",
        LINK.upper().replace("HTTPS://WWW.ICLOUD.COM/SHORTCUTS/", "https://www.icloud.com/shortcuts/"),
        "https://WWW.iCloud.com/shortcuts/" + SHARE_ID,
        "https://www.icloud.com/shortcuts/F00836BE-CD28-4510-9809-720D2A70E32F",
        "https://www.icloud.com/shortcuts/f00836be-cd28-4510-9809-720d2a70e32f/",
        LINK + "?utm_source=share&x=1",
        LINK + "#top",
        "http://www.icloud.com/shortcuts/" + SHARE_ID,
        "https://icloud.com/shortcuts/" + SHARE_ID,
        "www.icloud.com/shortcuts/" + SHARE_ID,
        "  " + LINK + "\n",
        f"https://www.icloud.com/shortcuts/api/records/{SHARE_ID}",
        "https://www.icloud.com/shortcuts/api/records/F00836BE-CD28-4510-9809-720D2A70E32F",
    ],
)
def test_every_form_of_a_share_link_gives_the_same_id(link):
    assert icloud.looks_like_url(link.strip())
    assert icloud.parse_link(link) == SHARE_ID


@pytest.mark.parametrize(
    ("link", "shown"),
    [
        ("https://example.com/shortcuts/" + SHARE_ID, "example.com"),
        ("https://www.icloud.com.example.com/shortcuts/" + SHARE_ID, "www.icloud.com.example.com"),
        ("https://user@www.icloud.com/shortcuts/" + SHARE_ID, "user@www.icloud.com"),
        ("https://www.icloud.com/photos/" + SHARE_ID, "/photos/"),
        ("https://www.icloud.com/shortcuts/", "/shortcuts/"),
        ("https://www.icloud.com/shortcuts/" + SHARE_ID[:-1], "/shortcuts/"),
        ("https://www.icloud.com/shortcuts/" + SHARE_ID + "0", "/shortcuts/"),
        ("https://www.icloud.com/shortcuts/" + SHARE_ID + "/extra", "/extra"),
        ("https://www.icloud.com/shortcuts/" + "g" * 32, "/shortcuts/"),
        ("ftp://www.icloud.com/shortcuts/" + SHARE_ID, "https://www.icloud.com/shortcuts/"),
    ],
)
def test_other_addresses_are_refused_before_any_request(server, link, shown):
    assert icloud.looks_like_url(link)
    with pytest.raises(NotAShareLink) as caught:
        _fetch(server, link)
    message = str(caught.value)
    assert message.startswith("not an iCloud shortcut link") and shown in message
    assert "32 hex digits" in message and caught.value.reason == "not-a-link"
    assert isinstance(caught.value, api.DecompileError)
    assert server.requests == []


@pytest.mark.parametrize(
    "text", ["weather.shortcut", "dir/sub/x.plist", "C:\\shortcuts\\a.shortcut", "icloud.shortcut", "icloud.com"]
)
def test_paths_are_not_urls(text):
    assert not icloud.looks_like_url(text)


# --------------------------------------------------------------------------- success


def test_signed_shortcut_end_to_end(server, shared_file):
    data, root, signed = shared_file
    server.serve(RECORD_PATH, shortcut_record(server.base_url, "Create Meeting Note"))
    server.serve("/B/signed/${f}", data)
    server.serve("/B/unsigned/${f}", b"the unsigned file must not be fetched when a signed one exists")
    shared = _fetch(server)
    assert shared.name == "Create Meeting Note"
    assert shared.link == LINK and shared.record_id == SHARE_ID
    assert shared.data == data and shared.signed is signed and shared.root == root
    # The record first, then the signed file, its ${f} placeholder filled in; nothing else.
    assert [target.partition("?")[0] for target in server.requests] == [RECORD_PATH, "/B/signed/shortcut.shortcut"]
    assert server.requests[1].endswith("?o=signed")


def test_unsigned_file_when_the_record_has_no_signed_one(server):
    data, root = _unsigned_plist()
    server.serve(RECORD_PATH, shortcut_record(server.base_url, "Plain", signed=None))
    server.serve("/B/unsigned/${f}", data)
    shared = _fetch(server, "https://www.icloud.com/shortcuts/F00836BE-CD28-4510-9809-720D2A70E32F/")
    assert (shared.name, shared.signed, shared.root, shared.data) == ("Plain", False, root, data)
    assert server.requests[0] == RECORD_PATH  # the UUID form is looked up as 32 lower-case hex digits


def test_a_record_without_a_name_is_named_by_its_id(server):
    data, _ = _unsigned_plist()
    server.serve(RECORD_PATH, shortcut_record(server.base_url, None, signed=None))
    server.serve("/B/unsigned/${f}", data)
    assert _fetch(server).name == SHARE_ID


def test_redirects_within_the_server_are_followed(server):
    data, root = _unsigned_plist()
    server.redirect(RECORD_PATH, server.url("/moved/record"))
    server.serve("/moved/record", shortcut_record(server.base_url, signed=None))
    server.serve("/B/unsigned/${f}", data)
    assert _fetch(server).root == root


def test_load_decompile_and_roundtrip_take_a_link(server, shared_file, monkeypatch):
    data, root, _ = shared_file
    server.serve(RECORD_PATH, shortcut_record(server.base_url))
    server.serve("/B/signed/${f}", data)
    monkeypatch.setenv(icloud.BASE_URL_ENV, server.base_url)
    assert api.load(LINK) == root
    assert api.decompile(LINK) == api.decompile(root)
    assert api.roundtrip(LINK).ok
    with pytest.raises(api.DecompileError, match="not an iCloud shortcut link"):
        api.load("https://example.com/a.shortcut")


# --------------------------------------------------------------------------- dead links


def test_dead_link_404(server):
    error = _failure(server)  # nothing is served: every path answers 404
    assert error.reason == "dead-link"
    assert str(error) == (
        "no shared shortcut at this link (iCloud answered HTTP 404): it was deleted, or the link is mistyped"
    )
    assert server.requests == [RECORD_PATH]


def test_dead_link_deleted_record(server):
    record = shortcut_record(server.base_url, deleted=True)
    record["fields"] = {}
    server.serve(RECORD_PATH, record)
    error = _failure(server)
    assert error.reason == "dead-link" and "marked deleted" in str(error)
    assert server.requests == [RECORD_PATH]


def test_dead_link_cloudkit_error_shape(server):
    server.serve(RECORD_PATH, {"serverErrorCode": "NOT_FOUND", "reason": "Record not found"})
    assert _failure(server).reason == "dead-link"


def test_other_lookup_errors_say_try_again(server):
    server.serve(RECORD_PATH, b"busy", status=503)
    error = _failure(server)
    assert error.reason == "http-error" and "HTTP 503" in str(error) and "try again" in str(error)


# --------------------------------------------------------------------------- not a shortcut


def test_record_whose_file_is_a_web_page(server):
    server.serve(RECORD_PATH, shortcut_record(server.base_url))
    server.serve("/B/signed/${f}", "<!DOCTYPE html>\n<html><body>Sign in</body></html>",
                 headers={"Content-Type": "text/html"})
    error = _failure(server)
    assert error.reason == "not-a-shortcut" and "web page instead of the shortcut file" in str(error)


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "unrecognised content"),
        (plistlib.dumps({"just": "a plist"}, fmt=plistlib.FMT_BINARY), "WFWorkflowActions"),
        (b"AEA1" + bytes(16), "signed"),
    ],
)
def test_record_whose_file_is_not_a_shortcut(server, body, detail):
    server.serve(RECORD_PATH, shortcut_record(server.base_url))
    server.serve("/B/signed/${f}", body)
    error = _failure(server)
    assert error.reason == "not-a-shortcut"
    assert str(error).startswith("the downloaded file is not a shortcut (") and detail in str(error)


def test_record_with_no_shortcut_file(server):
    server.serve(RECORD_PATH, shortcut_record(server.base_url, signed=None, unsigned=None))
    error = _failure(server)
    assert error.reason == "no-file" and str(error) == "the shared record holds no shortcut file to download"
    assert server.requests == [RECORD_PATH]


def test_record_of_another_type(server):
    record = shortcut_record(server.base_url)
    record["recordType"] = "SharedPhoto"
    server.serve(RECORD_PATH, record)
    error = _failure(server)
    assert error.reason == "not-a-shortcut" and "SharedPhoto record" in str(error)


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ("<!doctype html><html><title>Wi-Fi login</title></html>", "web page"),
        ("not json at all", "not a JSON object"),
        ("[1, 2, 3]", "not a JSON object"),
    ],
)
def test_lookup_answer_that_is_not_a_record(server, body, detail):
    server.serve(RECORD_PATH, body)
    error = _failure(server)
    assert error.reason == "bad-record" and detail in str(error)
    assert server.requests == [RECORD_PATH]


# --------------------------------------------------------------------------- limits


def test_oversize_record_declared_in_its_length(server):
    server.serve(RECORD_PATH, b"{" + b" " * icloud.MAX_RECORD_BYTES + b"}")
    error = _failure(server)
    assert error.reason == "too-large"
    assert str(error) == "iCloud's record of the link is larger than the 1 MiB limit; not reading it"


def test_oversize_record_without_a_length_stops_at_the_cap(server):
    server.serve(RECORD_PATH, b"{" + b" " * (4 * icloud.MAX_RECORD_BYTES) + b"}", send_length=False)
    error = _failure(server)
    assert error.reason == "too-large" and "1 MiB limit" in str(error)


def test_oversize_file_is_refused_from_the_record_size(server):
    record = shortcut_record(server.base_url, signed_size=icloud.MAX_FILE_BYTES + 1)
    server.serve(RECORD_PATH, record)
    error = _failure(server)
    assert error.reason == "too-large" and "32 MiB limit" in str(error)
    assert server.requests == [RECORD_PATH]  # refused before downloading


@pytest.mark.parametrize("send_length", [True, False])
def test_oversize_file_download_stops_at_the_cap(server, shared_file, monkeypatch, send_length):
    data, _, _ = shared_file
    monkeypatch.setattr(icloud, "MAX_FILE_BYTES", len(data) - 1)
    server.serve(RECORD_PATH, shortcut_record(server.base_url, signed_size=100))  # the record understates it
    server.serve("/B/signed/${f}", data, send_length=send_length)
    error = _failure(server)
    assert error.reason == "too-large"
    assert str(error).startswith("the shortcut file is larger than the ") and f"{len(data) - 1:,} byte" in str(error)


def test_download_cut_short(server, shared_file):
    data, _, _ = shared_file
    server.serve(RECORD_PATH, shortcut_record(server.base_url))
    server.serve("/B/signed/${f}", data, cut_after=len(data) // 2)
    error = _failure(server)
    assert error.reason == "no-network" and f"broke off after {len(data) // 2} of {len(data)} bytes" in str(error)


def test_redirect_off_the_server_is_refused(server):
    server.redirect(RECORD_PATH, "https://elsewhere.example/record")
    error = _failure(server)  # the guard would fail the test if elsewhere.example were contacted
    assert error.reason == "refused"
    assert str(error) == f"the test server {server.base_url[7:]} redirected to elsewhere.example; not following it"


def test_download_address_off_the_server_is_refused(server):
    record = shortcut_record(server.base_url)
    record["fields"]["signedShortcut"]["value"]["downloadURL"] = "https://cvws.icloud-content.com/B/x/${f}?o=1"
    server.serve(RECORD_PATH, record)
    error = _failure(server)
    assert error.reason == "refused"
    assert str(error).startswith("the record puts the shortcut file on cvws.icloud-content.com, not on the test server")
    assert server.requests == [RECORD_PATH]


def test_redirect_loops_end(server):
    server.redirect(RECORD_PATH, server.url("/hop/1"))
    for hop in range(1, 10):
        server.redirect(f"/hop/{hop}", server.url(f"/hop/{hop + 1}"))
    error = _failure(server)
    assert error.reason == "refused" and f"more than {icloud.MAX_REDIRECTS} times" in str(error)
    assert len(server.requests) == icloud.MAX_REDIRECTS + 1


# --------------------------------------------------------------------------- no network


def test_server_that_never_answers_times_out():
    listener, port = silent_port()
    with listener:
        with pytest.raises(IcloudError) as caught:
            icloud.fetch(LINK, base_url=f"http://127.0.0.1:{port}", timeout=0.3)
    assert caught.value.reason == "no-network"
    assert str(caught.value) == "127.0.0.1 did not answer within 0.3 seconds; check your connection and try again"


def test_connection_refused():
    port = closed_port()
    with pytest.raises(IcloudError) as caught:
        icloud.fetch(LINK, base_url=f"http://127.0.0.1:{port}", timeout=2)
    assert caught.value.reason == "no-network"
    assert str(caught.value) == "cannot reach 127.0.0.1: the connection was refused"


def test_name_that_does_not_resolve(monkeypatch):
    def no_dns(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    with pytest.raises(IcloudError) as caught:
        icloud.fetch(LINK, base_url="http://localhost:9", timeout=2)
    assert caught.value.reason == "no-network"
    assert str(caught.value) == "cannot reach localhost: its name does not resolve; check that you are online"


@pytest.mark.parametrize(
    "base", ["https://www.icloud.com", "http://example.com:8080", "ftp://127.0.0.1/", "127.0.0.1:80"]
)
def test_the_test_base_url_only_names_this_machine(monkeypatch, base):
    with pytest.raises(IcloudError, match="is for tests and may only name this machine"):
        icloud.fetch(LINK, base_url=base)
    monkeypatch.setenv(icloud.BASE_URL_ENV, base)
    with pytest.raises(IcloudError, match="is for tests and may only name this machine"):
        icloud.fetch(LINK)


def test_the_guard_stops_requests_that_would_leave_the_machine():
    with pytest.raises(AssertionError, match="tests must stay on the loopback server"):
        socket.create_connection(("www.icloud.com", 443), timeout=1)


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://www.icloud.com/shortcuts/api/records/" + SHARE_ID, True),
        ("https://cvws.icloud-content.com/B/AS5U/${f}?o=1", True),
        ("https://p12-content.icloud-content.com/x", True),
        ("http://cvws.icloud-content.com/B/x", False),  # https only
        ("https://icloud-content.com.example.net/x", False),
        ("https://evil-icloud.com/x", False),
        ("https://user@cvws.icloud-content.com/x", False),
        ("https://127.0.0.1/x", False),
    ],
)
def test_in_normal_use_only_https_to_icloud_is_allowed(url, allowed):
    assert icloud._Site.icloud().allows(url) is allowed


def test_links_need_no_http_code_until_fetched():
    import subprocess
    import sys

    probe = (
        "import sys, shortcuts2py.api as a, shortcuts2py.icloud as i; "
        "i.parse_link('https://www.icloud.com/shortcuts/" + SHARE_ID + "'); "
        "print(sorted(m for m in ('urllib.request', 'http.client', 'requests', 'urllib3') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


# --------------------------------------------------------------------------- file names


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Create Meeting Note", "Create Meeting Note"),
        ("a/b\\c", "a_b_c"),
        ("../../etc/passwd", "_.._etc_passwd"),
        ("..hidden", "hidden"),
        ("  . spaced out .  ", "spaced out"),
        ("Tab\there\nnewline", "Tab here newline"),
        ("What? Now: <yes>|*\"", "What_ Now_ _yes____"),
        ("null\x00byte\x7f", "null_byte_"),
        ("rtl\u202eexe.txt", "rtl_exe.txt"),
        ("Café Ünïcødé", "Café Ünïcødé"),
        ("Cafe\u0301", "Café"),  # NFC
        ("天气预报", "天气预报"),
        ("Погода", "Погода"),
        ("SC Pllr ⬇️", "SC Pllr ⬇️"),
        ("CON", "CON_"),
        ("lpt1.txt", "lpt1.txt_"),
        ("", "shortcut"),
        ("...", "shortcut"),
        ("/", "_"),
    ],
)
def test_file_name(name, expected):
    assert icloud.file_name(name) == expected


def test_file_name_length_limits():
    assert icloud.file_name("a" * 500) == "a" * icloud.MAX_NAME_CHARS
    wide = icloud.file_name("天" * 500)  # three UTF-8 bytes each
    assert wide == "天" * (icloud.MAX_NAME_BYTES // 3)
    cut = icloud.file_name("x" * 99 + " tail")  # a cut that leaves a trailing space drops it
    assert cut == "x" * 99 and len(cut.encode()) <= icloud.MAX_NAME_BYTES
    assert icloud.file_name("", fallback="untitled") == "untitled"


def test_file_names_never_hold_a_separator_or_start_with_a_dot():
    for codepoint in range(0x0, 0x3000):
        name = "." + chr(codepoint) + "x/" + chr(codepoint)
        result = icloud.file_name(name)
        assert "/" not in result and "\\" not in result and not result.startswith((".", " "))
        assert all(not unicodedata.category(char).startswith("C") for char in result)
