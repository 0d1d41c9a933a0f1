"""Making untrusted text safe to place in SVG and HTML.

Everything a shortcut holds (names, text, dictionary keys, identifiers) is
written by someone else, so it goes through ``text`` or ``attr`` before it
reaches the output.  Both also drop what XML 1.0 forbids (control
characters, lone surrogates, U+FFFE/U+FFFF), which would make the SVG
unreadable, by putting U+FFFD in their place.
"""

from __future__ import annotations

import re

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTR_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})


def clean(value: str) -> str:
    """The text with characters no XML document may hold replaced, and tabs
    widened (both renderers keep spaces as written)."""
    return _FORBIDDEN.sub("\ufffd", value).replace("\t", "    ")


def text(value: str) -> str:
    """Element content."""
    return clean(value).translate(_TEXT_ESCAPES)


def attr(value: str) -> str:
    """A double- or single-quoted attribute value."""
    return clean(value).translate(_ATTR_ESCAPES)
