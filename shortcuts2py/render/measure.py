"""Text widths and line breaking for the SVG, which has no layout engine.

An SVG viewer draws text where it is told and never wraps it, and the font
it will use is unknown (a generic stack: San Francisco on a Mac, Segoe UI or
DejaVu Sans elsewhere).  Widths are therefore estimated per character from
the proportions common to those sans-serif faces, erring wide so that text
stays inside its card; wide East Asian characters and emoji count one em.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .values import Line, Token

# Advance widths in thousandths of an em of the Helvetica/Arial design, which
# San Francisco, Segoe UI and Liberation Sans come close to; characters not
# listed take the width of a lower-case "n".
_ADVANCES = {
    " ": 278,
    "!": 278,
    '"': 355,
    "#": 556,
    "$": 556,
    "%": 889,
    "&": 667,
    "'": 191,
    "(": 333,
    ")": 333,
    "*": 389,
    "+": 584,
    ",": 278,
    "-": 333,
    ".": 278,
    "/": 278,
    ":": 278,
    ";": 278,
    "<": 584,
    "=": 584,
    ">": 584,
    "?": 556,
    "@": 1015,
    "[": 278,
    "\\": 278,
    "]": 278,
    "^": 469,
    "_": 556,
    "`": 333,
    "{": 334,
    "|": 260,
    "}": 334,
    "~": 584,
    "…": 1000,
    "›": 333,
    "•": 350,
    "—": 1000,
    "–": 556,
    **dict.fromkeys("0123456789", 556),
    **dict(
        zip(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            (
                667,
                667,
                722,
                722,
                667,
                611,
                778,
                722,
                278,
                500,
                667,
                556,
                833,
                722,
                778,
                667,
                778,
                722,
                667,
                611,
                722,
                667,
                944,
                667,
                667,
                611,
            ),
        )
    ),
    **dict(
        zip(
            "abcdefghijklmnopqrstuvwxyz",
            (
                556,
                556,
                500,
                556,
                556,
                278,
                556,
                556,
                222,
                222,
                500,
                222,
                833,
                556,
                556,
                556,
                556,
                333,
                500,
                278,
                556,
                500,
                722,
                500,
                500,
                500,
            ),
        )
    ),
}
# The faces a viewer may pick run up to this much wider than Helvetica.
_SLACK = 1.05
ELLIPSIS = "…"


@lru_cache(maxsize=4096)
def _em(ch: str) -> float:
    """A character's advance, in em."""
    known = _ADVANCES.get(ch)
    if known is not None:
        return known / 1000 * _SLACK
    if unicodedata.combining(ch) or ch in "\u200b\u200c\u200d\ufe0e\ufe0f":
        return 0.0
    if unicodedata.east_asian_width(ch) in "WF" or ord(ch) >= 0x1F000:
        return 1.05
    return 0.6 * _SLACK


def width(text: str, size: float) -> float:
    return sum(_em(ch) for ch in text) * size


def truncate(text: str, limit: float, size: float) -> str:
    """The text cut with an ellipsis so that it fits ``limit``."""
    if width(text, size) <= limit:
        return text
    room = limit - width(ELLIPSIS, size)
    used = 0.0
    for i, ch in enumerate(text):
        used += _em(ch) * size
        if used > room:
            return text[:i].rstrip() + ELLIPSIS
    return text  # pragma: no cover - the loop returns


@dataclass(frozen=True)
class Run:
    """A piece of a laid-out line: text or a token, at ``x`` from its start."""

    x: float
    text: str
    token: Token | None
    width: float


@dataclass(frozen=True)
class Metrics:
    size: float  # font size of text
    token_size: float  # font size inside a pill
    token_pad: float  # horizontal space a pill adds around its label
    token_max: float  # widest a pill may be


def wrap(line: Line, limit: float, metrics: Metrics, max_rows: int | None = None) -> list[list[Run]]:
    """Break a line of spans into rows no wider than ``limit``.

    Text breaks after spaces (a word longer than a row breaks anywhere);
    tokens never break, and one wider than ``token_max`` is truncated.  With
    ``max_rows``, work stops once one row more than that has been started,
    so a value of megabytes costs no more than a short one.
    """
    rows: list[list[Run]] = [[]]
    x = 0.0

    def place(text: str, token: Token | None, w: float) -> None:
        nonlocal x
        if x + w > limit and rows[-1]:
            rows.append([])
            x = 0.0
            if token is None:
                text = text.lstrip(" ")
                w = width(text, metrics.size)
        rows[-1].append(Run(x, text, token, w))
        x += w

    def full() -> bool:
        return max_rows is not None and len(rows) > max_rows

    for span in line:
        if full():
            break
        if isinstance(span, Token):
            label = truncate(span.label, min(metrics.token_max, limit) - metrics.token_pad, metrics.token_size)
            place(label, Token(label, span.colour, span.kind), width(label, metrics.token_size) + metrics.token_pad)
            x += 3  # the gap the app leaves after a pill
            continue
        for word in _words(span, limit, metrics.size):
            if full():
                break
            w = width(word, metrics.size)
            if w <= limit:
                place(word, None, w)
                continue
            # Start a fresh row unless a fair part of this one is left.
            room = limit - x if limit - x > limit * 0.3 else limit
            for piece in _pieces(word, room, limit, metrics.size):
                place(piece, None, width(piece, metrics.size))
                if full():
                    break
    return rows


def _words(text: str, limit: float, size: float):
    """Words with the spaces after them, so that a row may end after any.

    A generator, so that wrapping can stop early; a run without spaces
    longer than a few rows is cut into row-sized pieces right away.
    """
    longest = max(8, int(limit / (0.2 * size)) * 3)
    start = 0
    for i, ch in enumerate(text):
        if (ch == " " and (i + 1 == len(text) or text[i + 1] != " ")) or i - start >= longest:
            yield text[start : i + 1]
            start = i + 1
    if start < len(text):
        yield text[start:]


def _pieces(word: str, first: float, limit: float, size: float) -> list[str]:
    """A word too long for a row cut into pieces that fit."""
    pieces: list[str] = []
    room, used, start = first, 0.0, 0
    for i, ch in enumerate(word):
        w = _em(ch) * size
        if used + w > room and i > start:
            pieces.append(word[start:i])
            room, used, start = limit, 0.0, i
        used += w
    pieces.append(word[start:])
    return pieces
