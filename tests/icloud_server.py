"""A loopback stand-in for iCloud, and a guard that keeps tests off the internet.

``LoopbackServer`` answers GET requests on 127.0.0.1 (a free port) from a table of
canned answers, so the share-link code can be driven through real HTTP.
``shortcut_record`` builds a record in the shape iCloud serves (FORMAT.md 2.10).
``forbid_internet`` makes any connection to another address fail the test loudly.
"""

from __future__ import annotations

import json
import socket
import sys
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOOPBACK = ("127.0.0.1", "::1", "localhost")


@dataclass
class Answer:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    send_length: bool = True  # False: no Content-Length, the body ends when the connection closes
    cut_after: int | None = None  # declare the whole length but close after this many bytes


class LoopbackServer:
    """A threaded HTTP server on 127.0.0.1 serving ``Answer``s by path; a context manager."""

    def __init__(self) -> None:
        self.answers: dict[str, Answer] = {}
        self.requests: list[str] = []  # request targets (path and query), in order
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.owner = self  # type: ignore[attr-defined]
        # A short poll keeps shutdown (once per test) quick.
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def serve(self, path: str, body: bytes | str | dict = b"", **options) -> str:
        """Answer GET ``path`` (the query is ignored) with ``body``; returns the full URL.

        A dict is sent as JSON.  A last path segment of ``${f}`` matches any file name,
        as iCloud's download addresses do.
        """
        if isinstance(body, dict):
            body = json.dumps(body).encode()
            options.setdefault("headers", {"Content-Type": "application/json"})
        elif isinstance(body, str):
            body = body.encode()
        self.answers[path] = Answer(body, **options)
        return self.url(path)

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        return self.serve(path, b"", status=status, headers={"Location": location})

    def answer_for(self, path: str) -> Answer | None:
        if path in self.answers:
            return self.answers[path]
        folder = path.rpartition("/")[0]
        return self.answers.get(folder + "/${f}")

    def __enter__(self) -> LoopbackServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # A client that stops reading (a size cap, a timeout) hangs up mid-answer: expected.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        owner: LoopbackServer = self.server.owner  # type: ignore[attr-defined]
        owner.requests.append(self.path)
        answer = owner.answer_for(self.path.partition("?")[0]) or Answer(b"not found", status=404)
        self.send_response(answer.status)
        for name, value in answer.headers.items():
            self.send_header(name, value)
        if answer.send_length:
            self.send_header("Content-Length", str(len(answer.body)))
        if not answer.send_length or answer.cut_after is not None:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.write(answer.body if answer.cut_after is None else answer.body[: answer.cut_after])

    def log_message(self, format, *args) -> None:  # noqa: A002 - keep test output quiet
        pass


def shortcut_record(
    base_url: str,
    name: str | None = "Create Meeting Note",
    *,
    signed: str | None = "/B/signed/${f}",
    unsigned: str | None = "/B/unsigned/${f}",
    signed_size: int = 23590,
    deleted: bool = False,
) -> dict:
    """A record in the shape of iCloud's JSON, its download addresses on ``base_url``.

    ``signed`` and ``unsigned`` are the paths of the two files (None leaves that field
    out); they keep iCloud's ``${f}`` file-name placeholder and a query string.
    """
    fields: dict = {
        "icon_color": {"type": "NUMBER_INT64", "value": 4274264319},
        "icon_glyph": {"type": "NUMBER_INT64", "value": 59446},
        "icon": {"type": "ASSETID", "value": {"downloadURL": f"{base_url}/B/icon/${{f}}?o=icon", "size": 21999,
                                              "fileChecksum": "AS+icon"}},
        "signingStatus": {"type": "STRING", "value": "APPROVED"},
        "signingCertificateExpirationDate": {"type": "TIMESTAMP", "value": 1797533441000},
        "maliciousScanningContentVersion": {"type": "NUMBER_INT64", "value": 1},
    }
    if name is not None:
        fields["name"] = {"type": "STRING", "value": name}
    if unsigned is not None:
        fields["shortcut"] = {"type": "ASSETID", "value": {"downloadURL": f"{base_url}{unsigned}?o=plain",
                                                           "size": 3555, "fileChecksum": "AS5U"}}
    if signed is not None:
        fields["signedShortcut"] = {"type": "ASSETID", "value": {"downloadURL": f"{base_url}{signed}?o=signed",
                                                                 "size": signed_size, "fileChecksum": "ASSE"}}
    return {
        "recordName": "F00836BE-CD28-4510-9809-720D2A70E32F",
        "recordType": "SharedShortcut",
        "recordChangeTag": "mi3vqvoa",
        "deleted": deleted,
        "pluginFields": {},
        "created": {"timestamp": 1763428412893, "userRecordName": "_c76a", "deviceID": "3600A879"},
        "modified": {"timestamp": 1763428582657, "userRecordName": "_a702", "deviceID": "2"},
        "fields": fields,
    }


def forbid_internet(monkeypatch) -> None:
    """Make every name lookup or connection to a non-loopback address fail the test.

    Raises AssertionError, which the code under test does not catch, so a request
    that would leave this machine ends the test with a clear message.
    """
    real_getaddrinfo = socket.getaddrinfo
    real_connect = socket.socket.connect

    def getaddrinfo(host, *args, **kwargs):
        if _host_of(host) not in LOOPBACK:
            raise AssertionError(f"a test tried to look up {host!r}: tests must stay on the loopback server")
        return real_getaddrinfo(host, *args, **kwargs)

    def connect(sock, address):
        if isinstance(address, tuple) and _host_of(address[0]) not in LOOPBACK:
            raise AssertionError(f"a test tried to connect to {address!r}: tests must stay on the loopback server")
        return real_connect(sock, address)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)


def _host_of(host) -> str:
    return host.decode() if isinstance(host, bytes) else str(host)


def silent_port() -> tuple[socket.socket, int]:
    """A listening socket that accepts connections into its backlog and never answers."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    return listener, listener.getsockname()[1]


def closed_port() -> int:
    """A loopback port nothing listens on (connections to it are refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
