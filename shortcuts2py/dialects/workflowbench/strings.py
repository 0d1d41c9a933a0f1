"""WorkflowBench string literals: how their text is read, and how text is written so.

WorkflowBench's converter wrote text between quotes as it was, escaping only
the quote (``'`` became ``\\'``, sometimes twice over): a backslash in the text
is the text's own (``'''\\d+'''`` is the regular expression ``\\d+``, not an
escape sequence), a brace in an f-string is text unless it holds a variable,
and variables that are not outputs or named variables stand in the text
without braces (``datetime.datetime.now()`` for Current Date).  This module
reads literals that way and writes text so that it reads back the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import vocabulary as words


@dataclass(frozen=True)
class Field:
    """A ``{...}`` of an f-string: the source between the braces, unescaped, and
    its offset in the literal's content."""

    source: str
    offset: int


@dataclass(frozen=True)
class Special:
    """A global variable standing in f-string text without braces (``datetime.datetime.now()``):
    ``kind`` is the language's name for it (``CurrentDate``), ``source`` what was written."""

    kind: str
    source: str
    offset: int


def unescape(content: str, quote: str) -> str:
    """The text of a literal's content: backslashes right before the quote character go."""
    return re.sub(r"\\+" + re.escape(quote), quote, content)


# Globals that stand in f-string text without braces, and the Ask variable that
# the converter wrapped in an f-string of its own inside the text.
_SPECIALS = [
    (re.compile(r"f\\*'\{input\(\"" + re.escape(words.SHORTCUT_INPUT_PROMPT) + r"\"\)\}\\*'"), words.ASK),
    (re.compile(re.escape(words.SHORTCUT_INPUT_IN_TEXT)), words.SHORTCUT_INPUT),
    (re.compile(r"datetime\.datetime\.now\(\)"), words.CURRENT_DATE_NAME),
    (re.compile(re.escape(words.CLIPBOARD_FUNCTION) + r"\(\)"), words.CLIPBOARD),
    (re.compile(re.escape(words.DEVICE_DETAILS_FUNCTION) + r"\((?:\[[^\]\n]*\])?\)"), words.DEVICE_DETAILS),
]
_SPECIAL_START = re.compile(r"f\\*'\{input|input\(|datetime\.|is_workflow_actions_get(?:clipboard|devicedetails)\(")


def split_fstring(content: str, quote: str, is_field) -> list[str | Field | Special]:
    """The parts of an f-string's content: text, fields and globals written in the text.

    ``is_field(source, offset)`` says whether the text between a pair of braces
    (starting at ``offset`` of the content) is a variable; when it is not, the braces are text (the converter never doubled
    them).  Adjacent text parts are joined.
    """
    parts: list = []
    text: list[str] = []
    index = 0
    while index < len(content):
        char = content[index]
        special = _special_at(content, index) if char in "fdi" else None
        if special is not None:
            kind, length = special
            _flush(parts, text, quote)
            parts.append(Special(kind, content[index : index + length], index))
            index += length
            continue
        if char == "{":
            end = _closing_brace(content, index)
            if end is not None:
                source = unescape(content[index + 1 : end], quote)
                if source.strip() and is_field(source, index + 1):
                    _flush(parts, text, quote)
                    parts.append(Field(source, index + 1))
                    index = end + 1
                    continue
        text.append(char)
        index += 1
    _flush(parts, text, quote)
    return parts


def _special_at(content: str, index: int) -> tuple[str, int] | None:
    if not _SPECIAL_START.match(content, index):
        return None
    for pattern, kind in _SPECIALS:
        found = pattern.match(content, index)
        if found is not None:
            return kind, found.end() - index
    return None


def _flush(parts: list, text: list[str], quote: str) -> None:
    if text:
        parts.append(unescape("".join(text), quote))
        text.clear()


def _closing_brace(content: str, start: int) -> int | None:
    """The index of the ``}`` that closes the ``{`` at ``start`` (quotes inside skipped),
    or None when the line ends first (a field never spans lines)."""
    depth = 0
    index = start
    while index < len(content):
        char = content[index]
        if char == "\n":
            return None
        if char == "\\":
            index += 2
            continue
        if char in "\"'":
            close = content.find(char, index + 1)
            while close != -1 and content[close - 1] == "\\":
                close = content.find(char, close + 1)
            if close == -1 or "\n" in content[index:close]:
                return None
            index = close + 1
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return None


# --- writing ------------------------------------------------------------------------------

# What Python refuses in a non-raw literal even though the text wants it as it is.
_UNSAFE = re.compile(r"\\[NxuU]|\\$|\x00|\r")


def text_source(text: str, *, fstring: bool = False) -> str | None:
    """``text`` as WorkflowBench writes it, ``'''...'''`` with each ``'`` escaped;
    None when Python could not read that back as valid code (then the caller
    uses an escaped form)."""
    if _UNSAFE.search(text) or re.search(r"\\+'", text):
        return None
    body = text.replace("'", "\\'")
    if fstring:
        return "f'''" + body + "'''"
    return "'''" + body + "'''"


def python_source(text: str) -> str:
    """``text`` as a ``u``-prefixed Python literal, read with Python's escapes: the form
    for text that WorkflowBench's spelling cannot hold (see docs/workflowbench.md)."""
    return "u" + repr(text)
