"""Code -> syntax tree: the Lark parser, its post-lexer and readable errors.

The grammar in grammars/workflow.lark is the definition of the language.  The
post-lexer adds what a context-free grammar cannot say: indentation, and
comment lines, which are statements here (each run is one Comment action).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from .resources import grammar_dir


@dataclass
class CompileError(Exception):
    """One problem in workflow code, placed at a line and column (1-based)."""

    message: str
    line: int = 0
    column: int = 0
    filename: str = "<string>"

    def __str__(self) -> str:
        return f"{self.filename}:{self.line}:{self.column}: error: {self.message}"


OPENERS, CLOSERS = {"LPAR", "LSQB", "LBRACE"}, {"RPAR", "RSQB", "RBRACE"}


class _PostLexer:
    """Indentation and comment statements on top of Lark's token stream."""

    always_accept = ("_NL", "COMMENT")

    def process(self, stream):
        tokens = list(stream)
        indents = [0]
        depth = 0  # bracket nesting: newlines inside brackets join lines
        line_start = True
        last_newline = None
        i = 0
        while i < len(tokens):
            token = tokens[i]
            kind = token.type
            if kind == "_NL":
                if depth == 0:
                    if not line_start:
                        yield _token("_NEWLINE", "\n", token)
                    line_start = True
                    last_newline = token
                i += 1
                continue
            if kind == "COMMENT":
                if depth or not line_start:
                    raise CompileError(
                        "found a comment after code on the same line; expected comments on lines of "
                        "their own (each comment is a Comment action)",
                        token.line,
                        token.column,
                    )
                yield from _indentation(_indent_of(token, last_newline), indents, token)
                lines, i = _comment_run(tokens, i)
                yield _token("COMMENT_BLOCK", "\n".join(lines), token)
                line_start = False
                continue
            if line_start:
                yield from _indentation(_indent_of(token, last_newline), indents, token)
                line_start = False
            if kind in OPENERS:
                depth += 1
            elif kind in CLOSERS:
                depth = max(0, depth - 1)
            yield token
            i += 1
        end = tokens[-1] if tokens else Token("_NEWLINE", "", 0, 1, 1)
        if not line_start:
            yield _token("_NEWLINE", "\n", end)
        while len(indents) > 1:
            indents.pop()
            yield _token("_DEDENT", "", end)


def _comment_run(tokens, i: int) -> tuple[list[str], int]:
    """Comment lines that follow each other at one column, no blank line between."""
    first = tokens[i]
    lines = [_comment_text(first.value)]
    i += 1
    while (
        i + 1 < len(tokens)
        and tokens[i].type == "_NL"
        and tokens[i].value.count("\n") == 1
        and tokens[i + 1].type == "COMMENT"
        and tokens[i + 1].column == first.column
    ):
        lines.append(_comment_text(tokens[i + 1].value))
        i += 2
    return lines, i


def _comment_text(raw: str) -> str:
    text = raw[1:]
    return text[1:] if text.startswith(" ") else text


def _indent_of(token: Token, newline: Token | None) -> int:
    if newline is None:
        return token.column - 1
    tail = newline.value.rsplit("\n", 1)[-1]
    return len(tail.expandtabs(8))


def _indentation(width: int, indents: list[int], token: Token):
    if width > indents[-1]:
        indents.append(width)
        yield _token("_INDENT", "", token)
        return
    while width < indents[-1]:
        indents.pop()
        yield _token("_DEDENT", "", token)
    if width != indents[-1]:
        raise CompileError("found an indentation that matches no outer block", token.line, token.column)


def _token(kind: str, value: str, where: Token) -> Token:
    return Token(kind, value, where.start_pos, where.line, where.column)


@lru_cache(maxsize=None)
def _parser(start: str) -> Lark:
    grammar = (grammar_dir() / "workflow.lark").read_text(encoding="utf-8")
    postlex = _PostLexer() if start == "start" else None
    return Lark(grammar, parser="lalr", lexer="basic", start=start, postlex=postlex, propagate_positions=True, maybe_placeholders=True)


def parse_module(code: str, filename: str = "<string>") -> Tree:
    if not code.endswith("\n"):
        code += "\n"
    return _parse(code, "start", filename)


def parse_field(code: str, filename: str, line: int, column: int) -> Tree:
    """One f-string replacement field; errors point into the enclosing file."""
    try:
        return _parse(code, "field", filename)
    except CompileError as error:
        error.line, error.column = line, column + max(error.column - 1, 0)
        raise


def _parse(code: str, start: str, filename: str) -> Tree:
    try:
        return _parser(start).parse(code)
    except CompileError as error:
        error.filename = filename
        raise
    except UnexpectedInput as error:
        raise _readable(error, code, filename) from None


# Terminal names as a person would call them.
_TERMINALS = {
    "NAME": "a name",
    "NUMBER": "a number",
    "STRING": "a string",
    "FSTRING": "an f-string",
    "_NEWLINE": "the end of the line",
    "_INDENT": "an indented block",
    "_DEDENT": "the end of the block",
    "COMMENT_BLOCK": "a comment",
    "$END": "the end of the file",
}


def _describe_terminal(name: str, parser: Lark) -> str:
    if name in _TERMINALS:
        return _TERMINALS[name]
    try:
        pattern = parser.get_terminal(name).pattern
        return repr(pattern.value) if pattern.type == "str" else name.lower()
    except KeyError:
        return name.lower()


def _describe_found(token: Token) -> str:
    if token.type in ("_NEWLINE", "$END"):
        return _TERMINALS[token.type]
    if token.type == "_INDENT":
        return "an unexpected indent"
    if token.type == "_DEDENT":
        return "the end of an indented block"
    return repr(str(token))


def _readable(error: UnexpectedInput, code: str, filename: str) -> CompileError:
    parser = _parser("start")
    if isinstance(error, UnexpectedCharacters):
        found = code[error.pos_in_stream] if error.pos_in_stream < len(code) else "end of file"
        message = f"found {found!r}, which cannot start any token here"
        return CompileError(message, error.line, error.column, filename)
    if isinstance(error, UnexpectedEOF):
        expected = sorted({_describe_terminal(t, parser) for t in error.expected})
        return CompileError(f"found the end of the file, expected {_join(expected)}", 0, 0, filename)
    assert isinstance(error, UnexpectedToken)
    token = error.token
    expected = sorted({_describe_terminal(t, parser) for t in error.expected if not t.startswith("__")})
    line = token.line if token.line is not None else error.line
    column = token.column if token.column is not None else error.column
    return CompileError(f"found {_describe_found(token)}, expected {_join(expected)}", line or 0, column or 0, filename)


def _join(items: list[str]) -> str:
    if len(items) > 8:
        items = items[:8] + ["..."]
    if len(items) <= 1:
        return "".join(items) or "something else"
    return ", ".join(items[:-1]) + " or " + items[-1]
