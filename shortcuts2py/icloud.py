"""iCloud share links -> the shared shortcut: its name, its file and its workflow plist.

A link ``https://www.icloud.com/shortcuts/<id>`` has a JSON twin at
``/shortcuts/api/records/<id>`` (FORMAT.md section 2.10).  That record names the
shortcut (``fields.name``) and gives download addresses for the signed file
(``fields.signedShortcut``) and the unsigned plist (``fields.shortcut``).  ``fetch``
looks the record up, downloads the signed file (the unsigned one when there is no
signed one) and checks with ``container`` that it really is a shortcut.

Networking uses the standard library's urllib, imported only when a link is
fetched, so that commands reading files start as fast as before.  Every request
has a timeout, every answer a size cap, redirects are few and must stay on iCloud,
and only https to iCloud hosts is used.  Tests point the lookup at a loopback
server with ``base_url=`` or the ``S2PY_ICLOUD_BASE_URL`` environment variable;
both accept only this machine's addresses, so they cannot send a request elsewhere.

Every failure is an ``IcloudError`` (a ``DecompileError``) whose message is one
sentence a person can act on; ``NotAShareLink`` is the one raised before any
network access, for text that is not an iCloud shortcut link.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from . import container
from .api import DecompileError

__all__ = [
    "BASE_URL_ENV",
    "IcloudError",
    "MAX_FILE_BYTES",
    "MAX_RECORD_BYTES",
    "MAX_REDIRECTS",
    "NotAShareLink",
    "SharedShortcut",
    "TIMEOUT",
    "fetch",
    "file_name",
    "looks_like_url",
    "parse_link",
]

# A record is a couple of KiB (a dozen fields and three signed download addresses);
# anything near a MiB is not a shortcut record, so stop reading there.
MAX_RECORD_BYTES = 1024 * 1024
# The largest shortcut among the 2,474 files of the project's corpus is 2.6 MB, and
# a signed one wraps a compressed plist; 32 MiB leaves room for shortcuts carrying
# images or files while keeping what one download may cost in memory bounded.
MAX_FILE_BYTES = 32 * 1024 * 1024
# Seconds to connect, and seconds the server may stay silent during a read.
TIMEOUT = 20.0
# iCloud answers directly; a few hops leave room for a change on its side.
MAX_REDIRECTS = 3
# For tests only: the address the record lookup and downloads go to instead of iCloud.
BASE_URL_ENV = "S2PY_ICLOUD_BASE_URL"

SHARE_HOSTS = ("www.icloud.com", "icloud.com")
ICLOUD_BASE = "https://www.icloud.com"
# Downloads come from iCloud's content servers (cvws.icloud-content.com, ...).
_DOWNLOAD_DOMAINS = ("icloud.com", "icloud-content.com")
_LOOPBACK_HOSTS = ("127.0.0.1", "::1", "localhost")

# The id is 32 hex digits in links; the record's own name is the same id as a UUID.
_ID = r"(?P<id>[0-9a-fA-F]{32}|[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12})"
_LINK_PATH = re.compile(r"/shortcuts/(?:api/records/)?" + _ID + r"/?")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
_HELP = "a shortcut link looks like https://www.icloud.com/shortcuts/ followed by 32 hex digits"


class IcloudError(DecompileError):
    """A share link could not be turned into a shortcut; str() says why and what to do.

    ``reason`` names the kind of failure for programs: "not-a-link", "dead-link",
    "no-network", "too-large", "no-file", "not-a-shortcut", "refused" (a redirect or
    download address outside iCloud), "http-error" or "bad-record".
    """

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class NotAShareLink(IcloudError):
    """The text is not an iCloud shortcut link; raised before any request is made."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "not-a-link")


@dataclass(frozen=True)
class SharedShortcut:
    """What a share link gave."""

    link: str  # the canonical link, https://www.icloud.com/shortcuts/<id>
    record_id: str  # 32 lower-case hex digits
    name: str  # the shortcut's name from the record (the record id when it has none)
    data: bytes  # the file as downloaded: a signed AEA1 file or an unsigned plist
    signed: bool
    root: dict  # the workflow plist, as container.read_bytes gives it


# --------------------------------------------------------------------------- links


def looks_like_url(text: str) -> bool:
    """True when ``text`` is meant as a web address rather than a file path.

    Such text is either fetched or refused with NotAShareLink; it is never read as a
    file.  A link pasted without its scheme (``www.icloud.com/shortcuts/...``) counts.
    """
    return bool(_SCHEME.match(text)) or text.lower().startswith(tuple(h + "/" for h in SHARE_HOSTS))


def parse_link(link: str) -> str:
    """The record id (32 lower-case hex digits) of an iCloud shortcut link.

    Accepted: ``https://www.icloud.com/shortcuts/<id>`` with the id as 32 hex digits
    or as a UUID, in any case, with or without a trailing slash, a query or a
    fragment; ``icloud.com`` without ``www``; ``http``; no scheme at all; and the
    record address ``.../shortcuts/api/records/<id>``.  Anything else raises
    NotAShareLink.  No request is made.
    """
    text = link.strip()
    if not _SCHEME.match(text):
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("https", "http"):
        raise NotAShareLink(f"not an iCloud shortcut link: {_HELP}")
    if parts.netloc.lower() not in SHARE_HOSTS:
        raise NotAShareLink(f"not an iCloud shortcut link (the host is {parts.netloc or 'missing'}): {_HELP}")
    match = _LINK_PATH.fullmatch(parts.path)
    if match is None:
        raise NotAShareLink(f"not an iCloud shortcut link (the path is {parts.path or '/'}): {_HELP}")
    return match["id"].replace("-", "").lower()


# --------------------------------------------------------------------------- fetching


def fetch(link: str, *, timeout: float = TIMEOUT, base_url: str | None = None) -> SharedShortcut:
    """Look a share link up on iCloud, download its shortcut and check that it is one.

    ``timeout`` is in seconds, for connecting and for each read.  ``base_url`` is for
    tests only: it replaces ``https://www.icloud.com`` (for the record lookup and as
    the only host downloads may come from) and must be a loopback address such as
    ``http://127.0.0.1:8123``; when it is None, ``S2PY_ICLOUD_BASE_URL`` is used if set.
    """
    record_id = parse_link(link)
    site = _Site.for_tests(base_url or os.environ.get(BASE_URL_ENV) or None) or _Site.icloud()
    record = _lookup(site, record_id, timeout)
    name = _record_name(record) or record_id
    url = _download_url(site, record)
    data = _download(site, url, timeout)
    root = _as_shortcut(data)
    canonical = f"{ICLOUD_BASE}/shortcuts/{record_id}"
    return SharedShortcut(canonical, record_id, name, data, container.detect(data) == "aea", root)


class _Site:
    """Where records are looked up, and which addresses may be contacted at all."""

    def __init__(self, base: str, name: str, allows: Callable[[str], bool]) -> None:
        self.base = base
        self.name = name  # for messages: "iCloud", or the test server
        self.allows = allows

    @classmethod
    def icloud(cls) -> _Site:
        return cls(ICLOUD_BASE, "iCloud", _is_icloud_url)

    @classmethod
    def for_tests(cls, base_url: str | None) -> _Site | None:
        if base_url is None:
            return None
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or parts.hostname not in _LOOPBACK_HOSTS:
            raise IcloudError(
                f"{BASE_URL_ENV} (or base_url) is for tests and may only name this machine, "
                f"such as http://127.0.0.1:8123, not {base_url!r}; unset it to use iCloud",
                "refused",
            )
        netloc = parts.netloc.lower()

        def same_server(url: str) -> bool:
            other = urlsplit(url)
            return other.scheme in ("http", "https") and other.netloc.lower() == netloc

        return cls(base_url.rstrip("/"), f"the test server {netloc}", same_server)


def _is_icloud_url(url: str) -> bool:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    on_icloud = any(host == domain or host.endswith("." + domain) for domain in _DOWNLOAD_DOMAINS)
    return parts.scheme == "https" and on_icloud and parts.username is None


def _lookup(site: _Site, record_id: str, timeout: float) -> dict:
    url = f"{site.base}/shortcuts/api/records/{record_id}"
    try:
        data = _get(site, url, timeout=timeout, limit=MAX_RECORD_BYTES, what="iCloud's record of the link")
    except _HttpStatus as status:
        if status.code in (404, 410):
            raise _dead_link(f"iCloud answered HTTP {status.code}") from None
        raise IcloudError(
            f"iCloud could not look the link up (HTTP {status.code}); try again later", "http-error"
        ) from None
    if _is_web_page(data):
        raise IcloudError(
            "iCloud answered with a web page instead of the shortcut's record; if a network login "
            "page (hotel or café Wi-Fi) is in the way, sign in there first",
            "bad-record",
        )
    try:
        record = json.loads(data)
    except ValueError:
        record = None
    if not isinstance(record, dict):
        raise IcloudError("iCloud's answer is not a shortcut record (it is not a JSON object)", "bad-record")
    _check_record(record)
    return record


def _check_record(record: dict) -> None:
    """Refuse records that hold no live shared shortcut."""
    error_code = record.get("serverErrorCode")
    if error_code == "NOT_FOUND":
        raise _dead_link("iCloud found no record")
    if error_code is not None:
        reason = record.get("reason") or "no reason given"
        raise IcloudError(f"iCloud could not look the link up ({error_code}: {reason})", "http-error")
    if record.get("deleted") is True:
        raise _dead_link("its record is marked deleted")
    kind = record.get("recordType", "SharedShortcut")
    if kind != "SharedShortcut":
        raise IcloudError(f"the link leads to a {kind} record, not a shared shortcut", "not-a-shortcut")


def _dead_link(detail: str) -> IcloudError:
    return IcloudError(
        f"no shared shortcut at this link ({detail}): it was deleted, or the link is mistyped", "dead-link"
    )


def _record_name(record: dict) -> str | None:
    value = _field_value(record, "name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _field_value(record: dict, field: str):
    fields = record.get("fields")
    entry = fields.get(field) if isinstance(fields, dict) else None
    return entry.get("value") if isinstance(entry, dict) else None


def _download_url(site: _Site, record: dict) -> str:
    """The signed file's address when the record has one, else the unsigned plist's."""
    for field in ("signedShortcut", "shortcut"):
        asset = _field_value(record, field)
        if isinstance(asset, dict) and isinstance(asset.get("downloadURL"), str):
            break
    else:
        raise IcloudError("the shared record holds no shortcut file to download", "no-file")
    size = asset.get("size")
    if isinstance(size, int) and size > MAX_FILE_BYTES:
        raise _too_large("the shortcut file", MAX_FILE_BYTES)
    # The address ends in a file name the client chooses, written as the literal ${f}.
    url = asset["downloadURL"].replace("${f}", "shortcut.shortcut")
    if not site.allows(url):
        host = urlsplit(url).netloc or url
        message = f"the record puts the shortcut file on {host}, not on {site.name}; not downloading it"
        raise IcloudError(message, "refused")
    return url


def _download(site: _Site, url: str, timeout: float) -> bytes:
    try:
        return _get(site, url, timeout=timeout, limit=MAX_FILE_BYTES, what="the shortcut file")
    except _HttpStatus as status:
        raise IcloudError(
            f"the shortcut file could not be downloaded (HTTP {status.code}); try again in a moment", "http-error"
        ) from None


def _as_shortcut(data: bytes) -> dict:
    if _is_web_page(data):
        raise IcloudError(
            "iCloud sent a web page instead of the shortcut file; the download may have expired: try again",
            "not-a-shortcut",
        )
    try:
        return container.read_bytes(data)
    except container.ContainerError as error:
        raise IcloudError(f"the downloaded file is not a shortcut ({error})", "not-a-shortcut") from None


def _is_web_page(data: bytes) -> bool:
    head = data[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _too_large(what: str, limit: int) -> IcloudError:
    mib = 1024 * 1024
    size = f"{limit // mib} MiB" if limit % mib == 0 else f"{limit:,} byte"
    return IcloudError(f"{what} is larger than the {size} limit; not reading it", "too-large")


# --------------------------------------------------------------------------- HTTP


class _HttpStatus(Exception):
    """An HTTP error status; the caller knows what it means for its request."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def _get(site: _Site, url: str, *, timeout: float, limit: int, what: str) -> bytes:
    """GET ``url``: at most ``limit`` bytes of body; _HttpStatus for an HTTP error status, else IcloudError."""
    import http.client  # imported here: only fetching a link needs the HTTP stack
    import urllib.error
    import urllib.request

    host = urlsplit(url).hostname or url
    request = urllib.request.Request(url, headers={"User-Agent": "shortcuts2py", "Accept": "*/*"})
    try:
        with _opener(site).open(request, timeout=timeout) as response:
            return _read_capped(response, limit, what)
    except urllib.error.HTTPError as error:
        error.close()
        if 300 <= error.code < 400:
            raise IcloudError(
                f"{host} redirected more than {MAX_REDIRECTS} times, or to an address that is not a web page",
                "refused",
            ) from None
        raise _HttpStatus(error.code) from None
    except urllib.error.URLError as error:
        raise _unreachable(host, error.reason, timeout) from None
    except http.client.HTTPException as error:
        message = f"the connection to {host} broke off ({type(error).__name__}); try again"
        raise IcloudError(message, "no-network") from None
    except OSError as error:  # a timeout or reset while reading the answer
        raise _unreachable(host, error, timeout) from None


def _opener(site: _Site):
    import urllib.request

    class Redirects(urllib.request.HTTPRedirectHandler):
        max_redirections = MAX_REDIRECTS

        def redirect_request(self, req, fp, code, msg, headers, newurl):
            if not site.allows(newurl):
                host = urlsplit(newurl).netloc or newurl
                raise IcloudError(f"{site.name} redirected to {host}; not following it", "refused")
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    handlers: list[urllib.request.BaseHandler] = [Redirects()]
    if site.base != ICLOUD_BASE:
        handlers.append(urllib.request.ProxyHandler({}))  # a loopback test server is never behind a proxy
    return urllib.request.build_opener(*handlers)


def _read_capped(response, limit: int, what: str) -> bytes:
    declared = response.headers.get("Content-Length", "")
    expected = int(declared) if declared.isdigit() else None
    if expected is not None and expected > limit:
        raise _too_large(what, limit)
    chunks: list[bytes] = []
    total = 0
    while chunk := response.read(min(64 * 1024, limit + 1 - total)):
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise _too_large(what, limit)
    if expected is not None and total != expected:
        message = f"the download of {what} broke off after {total} of {expected} bytes; try again"
        raise IcloudError(message, "no-network")
    return b"".join(chunks)


def _unreachable(host: str, reason, timeout: float) -> IcloudError:
    import socket
    import ssl

    if isinstance(reason, TimeoutError):
        message = f"{host} did not answer within {timeout:g} seconds; check your connection and try again"
    elif isinstance(reason, socket.gaierror):
        message = f"cannot reach {host}: its name does not resolve; check that you are online"
    elif isinstance(reason, ConnectionRefusedError):
        message = f"cannot reach {host}: the connection was refused"
    elif isinstance(reason, ssl.SSLCertVerificationError):
        message = (f"cannot verify the certificate of {host} ({reason.verify_message}); "
                   "the certificate store of this Python may be missing or out of date")
    elif isinstance(reason, OSError):
        message = f"cannot reach {host}: {reason.strerror or type(reason).__name__}"
    else:
        message = f"cannot reach {host}: {reason}"
    return IcloudError(message, "no-network")


# --------------------------------------------------------------------------- file names

_UNSAFE = set('/\\:*?"<>|')
_WINDOWS_DEVICES = {"con", "prn", "aux", "nul"} | {f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10)}
MAX_NAME_CHARS = 100
MAX_NAME_BYTES = 200  # UTF-8: file systems allow 255, and the suffix still has to fit


def file_name(name: str, *, fallback: str = "shortcut") -> str:
    """A file name stem for a shortcut called ``name``; add the suffix yourself.

    Letters of every script, digits, emoji and most punctuation stay.  Path
    separators, characters Windows forbids, and control or invisible formatting
    characters become ``_``; runs of white space become one space; leading dots and
    spaces and trailing dots and spaces go; Windows device names get a ``_``; the
    result is at most 100 characters and 200 UTF-8 bytes.  ``fallback`` is used when
    nothing is left.
    """
    text = unicodedata.normalize("NFC", name)
    kept = []
    for char in text:
        if char.isspace():
            kept.append(" ")
        elif char in _UNSAFE or unicodedata.category(char).startswith("C"):
            kept.append("_")
        else:
            kept.append(char)
    stem = re.sub(r" {2,}", " ", "".join(kept)).lstrip(". ")
    stem = _shorten(stem).rstrip(". ")
    if not stem:
        return fallback
    if stem.split(".")[0].lower() in _WINDOWS_DEVICES:
        stem += "_"
    return stem


def _shorten(stem: str) -> str:
    stem = stem[:MAX_NAME_CHARS]
    while len(stem.encode("utf-8")) > MAX_NAME_BYTES:
        stem = stem[:-1]
    return stem
