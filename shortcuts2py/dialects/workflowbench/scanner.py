"""WorkflowBench source -> tokens, reading string literals the converter's way.

Python's tokenizer cannot read WorkflowBench code: its strings hold unescaped
``'''``, backslashes that are text, text with an apostrophe written bare, and
the converter pasted whole texts without quotes.  This scanner reads one
statement at a time and never fails: what it cannot place becomes a ``bad``
token, and the statement reader (``lexer``) decides what the text was.

A string closes only where code can go on after it (a comma, a bracket, an
operator, the end of the line...), so quotes inside text stay text; a
triple-quoted string that reaches a line holding an action call was never
closed (the converter or a later editor lost its end) and stops before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import vocabulary as words

NAME, NUMBER, STRING, OP, PROPERTY, BAD = "name", "number", "string", "op", "property", "bad"
OPENERS, CLOSERS = "([{", ")]}"
_PAIRS = {")": "(", "]": "[", "}": "{"}


@dataclass
class Token:
    kind: str
    start: int  # offsets in the source
    end: int
    text: str  # the source text, or for STRING the literal (see ``literal``), for PROPERTY the name
    literal: "Literal | None" = None
    spaced: bool = False  # whitespace came before it


@dataclass
class Literal:
    """A string literal as written: prefix, quote, and the content between the quotes."""

    prefix: str
    quote: str
    content: str
    content_start: int
    unterminated: bool = False


_NAME_START = re.compile(r"[^\W\d]", re.UNICODE)
_NAME = re.compile(r"[^\W\d]\w*", re.UNICODE)
_HYPHENATED = re.compile(r"[^\W\d][\w-]*\w", re.UNICODE)
_NUMBER = re.compile(r"(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[jJ]?")
_TWO_CHAR_OPS = ("==", "!=", "<=", ">=", "**", "//", "->", "+=", "-=", "*=", "/=", ":=", "<<", ">>")
_PREFIXES = {"", "f", "r", "b", "u", "rb", "br", "fr", "rf"}
# What may follow a closing quote: the rest of an expression or the end of the line.
# A prefixed literal may follow only after a space (in text, a'''b''' is one text).
_AFTER_STRING = re.compile(
    r"[ \t]*(?:$|\n|[,)\]}:#=!<>+%*/.\-]|(?:in|not|and|or|if|else|for|is)\b|['\"])|[ \t]+[fFrRbBuU]{1,2}['\"]"
)
# A line that can only be WorkflowBench code (an action call, a text or a menu line), so a
# string still open there was never closed: real text does not hold these.
_ACTION_LINE = re.compile(
    r"""[ \t]*(?:
        (?:[^\W\d]\w*\ =\ )?(?:is_workflow_actions_\w+|[a-z][\w-]*_[\w-]+_\w*Intent)\(
        |[^\W\d]\w*\ =\ (?:f?'''|f'\{input\(|input\(|coerce_variable\()
        |for\ Repeat_Index|match\ input\(|case\ ".*":[ \t]*$
    )""",
    re.UNICODE | re.VERBOSE,
)
_PROPERTY_WORD = re.compile(r"[A-Z0-9][\w]*", re.UNICODE)
_PROPERTY_END = re.compile(r"[ \t]*(?:$|\n|[,)\]}:=!<>+.\[]|(?:in|not|and|or|if|is)\b)")


class Scanner:
    """Tokens of one statement at a time; ``hyphenated`` are the function names holding ``-``."""

    def __init__(self, code: str, hyphenated: dict[str, str] | None = None):
        self.code = code
        self.hyphenated = hyphenated if hyphenated is not None else words.hyphenated_names()

    # --- statements

    def statement(self, start: int, indent: int) -> tuple[list[Token], int, list[str]]:
        """The tokens of the statement at ``start`` (after its indentation); the offset
        where the next statement begins; and the brackets left open (innermost last)."""
        tokens: list[Token] = []
        stack: list[str] = []
        index, code = start, self.code
        spaced = False
        while index < len(code):
            char = code[index]
            if char in " \t":
                index += 1
                spaced = True
                continue
            if char == "\\" and code.startswith("\n", index + 1):
                index += 2
                spaced = True
                continue
            if char == "\n":
                index += 1
                if not stack:
                    return tokens, index, stack
                if self.new_statement_at(index, indent):
                    return tokens, index, stack
                spaced = True
                continue
            if char == "#":
                newline = code.find("\n", index)
                index = len(code) if newline == -1 else newline
                continue
            token = self._token(index, tokens, stack)
            token.spaced = spaced
            spaced = False
            tokens.append(token)
            index = token.end
        return tokens, len(code), stack

    def new_statement_at(self, index: int, indent: int) -> bool:
        """Whether the line at ``index`` starts a statement at ``indent`` or less (so an
        open bracket before it was never closed)."""
        line = self.code[index : self.code.find("\n", index) if "\n" in self.code[index:] else len(self.code)]
        stripped = line.lstrip(" \t")
        if len(line) - len(stripped) > indent:
            return False
        return looks_like_code(stripped)

    # --- tokens

    def _token(self, index: int, tokens: list[Token], stack: list[str]) -> Token:
        code = self.code
        char = code[index]
        previous = tokens[-1] if tokens else None
        if char in "'\"":
            glued = previous is not None and previous.end == index and previous.kind in (NAME, NUMBER)
            if not glued:
                token = self.string(index, "")
                if token is not None:
                    return token
            return Token(BAD, index, index + 1, char)
        if _NAME_START.match(char):
            return self._word(index, previous)
        if char.isdigit() or (char == "." and index + 1 < len(code) and code[index + 1].isdigit() and not _ends_value(previous)):
            found = _NUMBER.match(code, index)
            return Token(NUMBER, index, found.end(), found.group())
        if char == "." and _ends_value(previous):
            prop = self._property(index + 1)
            if prop is not None:
                return prop
        if char in OPENERS:
            stack.append(char)
            return Token(OP, index, index + 1, char)
        if char in CLOSERS:
            if stack and stack[-1] == _PAIRS[char]:
                stack.pop()
                return Token(OP, index, index + 1, char)
            return Token(BAD, index, index + 1, char)
        two = code[index : index + 2]
        if two in _TWO_CHAR_OPS:
            return Token(OP, index, index + 2, two)
        if char in "=+-*/%<>,:.;@&|^~!":
            return Token(OP, index, index + 1, char)
        return Token(BAD, index, index + 1, char)

    def _word(self, index: int, previous: Token | None) -> Token:
        code = self.code
        found = _NAME.match(code, index)
        word, end = found.group(), found.end()
        if end < len(code) and code[end] in "'\"" and word.lower() in _PREFIXES:
            token = self.string(index, word)
            if token is not None:
                return token
        if end < len(code) and code[end] == "-":
            longer = _HYPHENATED.match(code, index)
            if longer is not None and longer.end() > end:
                spelled = longer.group()
                after = code[longer.end() : longer.end() + 2]
                if spelled in self.hyphenated or (after[:1] == "=" and after != "=="):
                    return Token(NAME, index, longer.end(), spelled)
        return Token(NAME, index, end, word)

    def _property(self, index: int) -> Token | None:
        """A property with spaces after a dot (``.Store ID``): a known name, or capitalised words."""
        code = self.code
        for name in words.PROPERTY_NAMES:
            if code.startswith(name, index) and _PROPERTY_END.match(code, index + len(name)):
                return Token(PROPERTY, index - 1, index + len(name), name)
        first = _PROPERTY_WORD.match(code, index)
        if first is None:
            return None
        end, count = first.end(), 1
        while code.startswith(" ", end):
            more = _PROPERTY_WORD.match(code, end + 1)
            if more is None:
                break
            end, count = more.end(), count + 1
        if count > 1 and _PROPERTY_END.match(code, end):
            return Token(PROPERTY, index - 1, end, code[index:end])
        return None

    # --- strings

    def string(self, index: int, prefix: str) -> Token | None:
        """The string literal at ``index`` (its prefix included), or None when no
        plausible end follows on its line (the quote is then text)."""
        code = self.code
        quote_at = index + len(prefix)
        quote = code[quote_at]
        triple = code.startswith(quote * 3, quote_at)
        delimiter = quote * 3 if triple else quote
        content_start = quote_at + len(delimiter)
        close = self._closing(content_start, delimiter)
        if close is None:
            return None
        end, unterminated = close
        literal = Literal(prefix, delimiter, code[content_start:end], content_start, unterminated)
        stop = end if unterminated else end + len(delimiter)
        return Token(STRING, index, stop, code[index:stop], literal)

    def _closing(self, start: int, delimiter: str) -> tuple[int, bool] | None:
        """(offset of the closing delimiter, False), or for a triple-quoted string never
        closed (an action call line comes first) (offset where it stops, True)."""
        code = self.code
        quote = delimiter[0]
        index = start
        first_line, doubtful = True, None  # a close on the opening line with text glued after it
        while index < len(code):
            char = code[index]
            if char == "\\":
                index += 2
                continue
            if char == "\n":
                if len(delimiter) == 1:
                    return None
                if first_line and doubtful is not None:
                    return doubtful, False
                if _ACTION_LINE.match(code, index + 1):
                    return index, True
                first_line = False
            elif code.startswith(delimiter, index):
                after = index + len(delimiter)
                if code.startswith(quote, after):  # more quotes: the text ends with quotes
                    index += 1
                    continue
                if _AFTER_STRING.match(code, after):
                    return index, False
                doubtful = index
            index += 1
        return (len(code), True) if len(delimiter) == 3 else None


def _ends_value(token: Token | None) -> bool:
    return token is not None and (token.kind in (NAME, STRING, PROPERTY) or token.text in (")", "]"))


_CODE_LINE = re.compile(
    r"""(?x)
    (?:[^\W\d]\w*\ =\ (?:is_workflow_actions_|[a-z][\w-]*_[\w-]+_\w*Intent\(|input\(|f?['"]|coerce_variable\(|str\(|float\(
        |\{\{"string"|\{'''|\{\}\s*$|\[|[^\W\d][\w.]*\s*$|[^\W\d]\w*\[))
    |(?:if|elif|for|match|case|while)\b.*:\s*$
    |else\s*:\s*$
    |pass\s*$
    |is_workflow_actions_\w+\(
    """,
    re.UNICODE,
)


def looks_like_code(line: str) -> bool:
    """Whether a line (without its indentation) reads as a WorkflowBench statement."""
    return _CODE_LINE.match(line) is not None
