"""Python literal spelling, both ways: text <-> source for strings and bytes.

The compiler never evaluates code, so string literals are decoded here by hand.
"""

from __future__ import annotations

import re
import unicodedata

_SIMPLE_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_DECODE_SIMPLE = {
    "\\": "\\",
    "'": "'",
    '"': '"',
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
    "\n": "",
}


class LiteralError(ValueError):
    """A string literal the language does not accept; ``offset`` is in the token."""

    def __init__(self, message: str, offset: int = 0):
        super().__init__(message)
        self.offset = offset


def _needs_escape(ch: str) -> bool:
    # Invisible and control characters are written as escapes so that the
    # code shows what the text holds (and no bidi mark can reorder a line).
    return unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") or ch == "\ufffc"


def escape_text(text: str, quote: str) -> str:
    """Body of a string literal delimited by ``quote``."""
    if text.isprintable() and "\\" not in text and quote not in text and "\ufffc" not in text:
        return text  # nothing to escape: the common case, decided in C
    if text.isascii():
        return _ASCII_SPECIAL.sub(_ASCII_ESCAPES[quote], text)
    # The characters with a short escape and the quotes first, by a search in C;
    # then, only when some are left, the invisible ones.
    text = _SHORT_ESCAPED.sub(_ASCII_ESCAPES[quote], text).replace("\ufffc", "\\ufffc")
    return text if text.isprintable() else _escape_invisible(text)


def _escape_invisible(text: str) -> str:
    """``text`` with its invisible characters (see _needs_escape) escaped: the
    printable stretches are found by halving, each halving decided in C, so a
    long text with a few such characters (an emoji joiner) costs a few steps."""
    if len(text) > 32:
        middle = len(text) // 2
        halves = text[:middle], text[middle:]
        return "".join(half if half.isprintable() else _escape_invisible(half) for half in halves)
    out = []
    for ch in text:
        if _needs_escape(ch):
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(ch)
    return "".join(out)


_SHORT_ESCAPED = re.compile("[\\\\\n\r\t'\"]")
_ASCII_SPECIAL = re.compile(r"[\x00-\x1f\x7f\\'\"]")


def _ascii_escapes(quote: str):
    """A match of _ASCII_SPECIAL or _SHORT_ESCAPED -> its escape inside ``quote``:
    the short escapes, the quote, the other control characters as \\xNN."""
    table = {chr(code): f"\\x{code:02x}" for code in (*range(0x20), 0x7F)}
    table.update(_SIMPLE_ESCAPES)
    table["'"], table['"'] = "'", '"'
    table[quote] = "\\" + quote
    return lambda match: table[match.group()]


_ASCII_ESCAPES = {quote: _ascii_escapes(quote) for quote in ("'", '"')}


def string_source(text: str, quote: str | None = None) -> str:
    """A string literal; without ``quote``, the one needing fewer escapes (double on a tie)."""
    if quote is None:
        quote = "'" if text.count('"') > text.count("'") else '"'
    return quote + escape_text(text, quote) + quote


def bytes_source(data: bytes) -> str:
    # Spelled in C (icon images run to megabytes): as Latin-1 text, unicode_escape
    # writes exactly this literal's escapes (\\, \t, \n, \r, lowercase \xNN for the
    # other bytes below 0x20 or from 0x7f) and leaves printable ASCII alone; only
    # the double quote that delimits the literal is left to escape.
    body = data.decode("latin-1").encode("unicode_escape").replace(b'"', b'\\"')
    return 'b"' + body.decode("ascii") + '"'


def split_prefix(token: str) -> tuple[str, str, str]:
    """``rb'''x'''`` -> (prefix 'rb', quote "'''", body 'x')."""
    index = 0
    while token[index] not in "'\"":
        index += 1
    prefix, rest = token[:index].lower(), token[index:]
    quote = rest[:3] if rest[:3] in ("'''", '"""') else rest[0]
    return prefix, quote, rest[len(quote) : len(rest) - len(quote)]


def decode_string_token(token: str) -> str | bytes:
    """The value of one Python string or bytes literal token (no f-strings)."""
    prefix, _, body = split_prefix(token)
    if "f" in prefix:
        raise LiteralError("an f-string is not a plain string")
    if "b" in prefix and any(ord(ch) > 0x7F for ch in body):
        raise LiteralError("bytes literals may hold only ASCII characters")
    value = body if "r" in prefix else decode_escapes(body, is_bytes="b" in prefix)
    if "b" in prefix:
        return value.encode("latin-1")
    return value


def decode_escapes(body: str, *, is_bytes: bool = False) -> str:
    out = []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch != "\\":
            out.append(ch)
            i += 1
            continue
        i, text = _decode_escape(body, i + 1, is_bytes)
        out.append(text)
    return "".join(out)


def _decode_escape(body: str, i: int, is_bytes: bool) -> tuple[int, str]:
    if i >= len(body):
        raise LiteralError("a string cannot end with a backslash", i)
    ch = body[i]
    if ch in _DECODE_SIMPLE:
        return i + 1, _DECODE_SIMPLE[ch]
    if ch in "01234567":
        end = i
        while end < len(body) and end < i + 3 and body[end] in "01234567":
            end += 1
        return end, chr(int(body[i:end], 8))
    widths = {"x": 2} if is_bytes else {"x": 2, "u": 4, "U": 8}
    if ch in widths:
        digits = body[i + 1 : i + 1 + widths[ch]]
        if len(digits) != widths[ch] or any(c not in "0123456789abcdefABCDEF" for c in digits):
            raise LiteralError(f"bad \\{ch} escape", i)
        code = int(digits, 16)
        if code > 0x10FFFF:
            raise LiteralError(f"\\{ch} escape out of range", i)
        return i + 1 + widths[ch], chr(code)
    if ch == "N" and not is_bytes and body[i + 1 : i + 2] == "{":
        end = body.find("}", i)
        if end < 0:
            raise LiteralError("unterminated \\N{...} escape", i)
        try:
            return end + 1, unicodedata.lookup(body[i + 2 : end])
        except KeyError:
            raise LiteralError(f"unknown character name {body[i + 2:end]!r}", i) from None
    return i + 1, "\\" + ch  # Python keeps unknown escapes as they are
