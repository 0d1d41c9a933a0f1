"""WorkflowBench source -> Python source that ``ast.parse`` reads, every repair recorded.

Each statement is scanned on its own (``scanner``), repaired (``repairs``) and
written back as one line of clean Python in which every string literal is a
placeholder (``"\\x00<n>"``) for a ``WBString`` of the string table: the text
was read here, by WorkflowBench's rules, so the parser never sees it.  Lines
are read as follows:

* a comment is the data set's annotation and is dropped, except a comment
  holding ``'''...'''`` or starting as unquoted text does (``# [Tag] ...``):
  that is a Comment action;
* an assignment whose value cannot be read is a Text action holding that
  value's source (the converter wrote text starting with a quote or a bracket
  without quotes), and so is a statement that is only such a text;
* a line that still cannot be read is left out, with a warning;
* blocks are made whole: an empty body gets ``pass``, a ``match`` that lost its
  ``case`` line gets one, a line indented deeper than its block moves to it.

``SourceMap`` takes an offset of the clean source back to the original, so
every error and warning names the user's line and column.
"""

from __future__ import annotations

import ast
import bisect
import re
from dataclasses import dataclass

from ...errors import CompileError
from ..translation import Repair
from . import strings as wbstrings
from . import vocabulary as words
from .repairs import Repairer, field_expression, placeholder, render, shorten
from .scanner import BAD, OP, STRING, Literal, Scanner, Token, looks_like_code


@dataclass
class FieldExpression:
    """A variable inside an f-string: its parsed clean expression and original offset."""

    tree: ast.expr
    offset: int


@dataclass
class WBString:
    """A string as WorkflowBench meant it: text parts, variables (``FieldExpression``)
    and globals written in the text (``strings.Special``)."""

    parts: list
    offset: int  # where it was written (original offset)
    quote: str = ""  # the delimiter as written ('\'\'\'', '"', ...); "" for text written bare
    fstring: bool = False
    raw: bool = False  # unquoted text, read as text
    python: bool = False  # u"..." / b"...": read with Python's own escapes
    data: bytes | None = None  # b"..."
    binary: bool = False  # pasted binary data: nothing can be recovered

    @property
    def text(self) -> str:
        return "".join(part for part in self.parts if isinstance(part, str))

    @property
    def has_variables(self) -> bool:
        return any(not isinstance(part, str) for part in self.parts)


@dataclass
class Lexed:
    source: str
    strings: list[WBString]
    repairs: list[Repair]
    positions: "SourceMap"
    defined: frozenset[str]
    renamed: dict[str, str]  # Python name -> the variable's own name (_1n -> 1n)


class SourceMap:
    """Clean-source positions -> original offsets -> (line, column), 1-based, in characters."""

    def __init__(self, original: str):
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", original)]
        self.original = original
        self.clean_starts: list[int] = []
        self.chunks: list[tuple[int, int, int, bool]] = []  # (clean start, original start, original end, copied)
        self.clean_lines: list[int] = []  # clean offset of each clean line
        self.clean_text: list[str] = []

    def add(self, clean_start: int, original_start: int, original_end: int, copied: bool) -> None:
        self.clean_starts.append(clean_start)
        self.chunks.append((clean_start, original_start, original_end, copied))

    def original_offset(self, clean_offset: int, end: bool = False) -> int:
        """The original offset of a clean offset; with ``end``, of the end of what stands
        just before it."""
        index = bisect.bisect_right(self.clean_starts, clean_offset - (1 if end else 0)) - 1
        if index < 0:
            return 0
        clean_start, original_start, original_end, copied = self.chunks[index]
        if end:
            return original_start + (clean_offset - clean_start) if copied else original_end
        return original_start + (clean_offset - clean_start if copied else 0)

    def _clean_offset(self, line: int, column: int) -> int:
        text = self.clean_text[line]
        return self.clean_lines[line] + len(text.encode("utf-8")[:column].decode("utf-8", "replace"))

    def source_of(self, node) -> str:
        """The original text a node of the clean source was read from."""
        start = self.original_offset(self._clean_offset(node.lineno - 1, node.col_offset))
        end = self.original_offset(self._clean_offset(node.end_lineno - 1, node.end_col_offset), end=True)
        return self.original[start:end]

    def line_column(self, offset: int) -> tuple[int, int]:
        line = max(0, bisect.bisect_right(self.line_starts, offset) - 1)
        return line + 1, offset - self.line_starts[line] + 1

    def node_position(self, node) -> tuple[int, int]:
        """The original (line, column) of a node of the clean source's syntax tree."""
        offset = getattr(node, "wb_offset", None)
        if offset is None:
            line = (getattr(node, "lineno", 1) or 1) - 1
            if not 0 <= line < len(self.clean_lines):
                return 1, 1
            offset = self.original_offset(self._clean_offset(line, getattr(node, "col_offset", 0) or 0))
        return self.line_column(offset)


_ASSIGNED = re.compile(r"^[ \t]*([^\W\d]\w*)[ \t]*(?:=(?!=)|\+=)", re.MULTILINE | re.UNICODE)
# The variable an explicit Set / Append to Variable call names, quoted as the writer quotes it.
_SET_BY_CALL = re.compile(r"\bWFVariableName[ \t]*=[ \t]*(?:'''|'|\")([^\W\d]\w*)(?:'''|'|\")", re.UNICODE)
_LOOP_TARGETS = re.compile(r"^[ \t]*for[ \t]+([^\W\d]\w*)(?:[ \t]*,[ \t]*([^\W\d]\w*))?[ \t]+in\b", re.MULTILINE | re.UNICODE)
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f]")
_ANNOTATION_IN_TEXT = re.compile(r"^[ \t]*# [A-Z][^\n]*(?:\n|$)", re.MULTILINE)
_CASE_TITLE = re.compile(r"case[ \t]+([\"'])(.*)\1[ \t]*:[ \t]*$")
_COMMENT_ACTION = re.compile(r"#[ \t]?'''")
_RAW_COMMENT = re.compile(r"""#[ \t]?(?:[\[{"]|'(?!''))""")
_HEADER = re.compile(r"(if|elif|while|for|match|case|else)\b")
_ASSIGNMENT = re.compile(r"([^\W\d]\w*|\d\w*)[ \t]*=(?!=)", re.UNICODE)
_KNOWN_NAMES = frozenset({"ShortcutInput", "Clipboard", "CurrentDate", "Ask", "DeviceDetails", "Input"})


def defined_names(code: str) -> frozenset[str]:
    """Names some statement assigns (a quick look at line starts), or an explicit
    Set / Append to Variable call sets."""
    found = set(_ASSIGNED.findall(code))
    found.update(_SET_BY_CALL.findall(code))
    for first, second in _LOOP_TARGETS.findall(code):
        found.update(name for name in (first, second) if name)
    return frozenset(found)


@dataclass
class _Line:
    indent: int
    chunks: list[tuple[str, int, int, bool]]  # (clean text, original start, original end, copied)
    offset: int
    keyword: str | None = None  # if, elif, else, for, while, match, case: the line opens a block
    comment: bool = False
    annotation: bool = False  # a Comment made of annotation lines (kept on request)

    @property
    def continues(self) -> bool:
        return self.keyword in ("else", "elif", "case")


@dataclass
class _Level:
    """An open block body: its indentation, whether it holds a menu's cases, and the
    keyword of the last line written at it (``else`` must follow an ``if``)."""

    indent: int
    match_body: bool
    previous: str | None = None


class Lexer:
    def __init__(self, code: str, filename: str, keep_annotations: bool = False):
        self.code = code
        self.keep_annotations = keep_annotations
        self.filename = filename
        self.scanner = Scanner(code)
        self.positions = SourceMap(code)
        self.strings: list[WBString] = []
        self.repairs: list[Repair] = []
        self.defined = defined_names(code)
        self.renamed: dict[str, str] = {}
        self.lines: list[_Line] = []
        self.base = 0  # offset of the code being read in the original (non-zero inside an f-string field)
        self._fields: dict[tuple[str, int], ast.expr | None] = {}
        self._warned: set[Repair] = set()

    def run(self) -> Lexed:
        code = self.code
        index = 0
        while index < len(code):
            end = _line_end(code, index)
            text = code[index:end]
            stripped = text.lstrip(" \t")
            indent = len(text) - len(stripped)
            if not stripped.strip():
                index = end + 1
            elif stripped.startswith("#"):
                index = self._comment(index, indent)
            else:
                index = self._statement(index, indent)
        self._place_comments()
        self._normalize_indentation()
        return Lexed(self._emit(), self.strings, self.repairs, self.positions, frozenset(self.defined), self.renamed)

    # --- what the repairs ask

    def warn(self, offset: int, message: str) -> None:
        line, column = self.positions.line_column(offset + self.base)
        repair = Repair(line, column, message)
        if repair not in self._warned:  # a value is rendered more than once while it is checked
            self._warned.add(repair)
            self.repairs.append(repair)

    def forget_repairs(self, count: int) -> None:
        """Drop the repairs recorded after the first ``count`` (a reading that was abandoned)."""
        for repair in self.repairs[count:]:
            self._warned.discard(repair)
        del self.repairs[count:]

    def error(self, offset: int, message: str) -> CompileError:
        line, column = self.positions.line_column(offset + self.base)
        return CompileError(message, line, column, self.filename)

    def is_defined(self, name: str) -> bool:
        return name in self.defined or name in _KNOWN_NAMES or words.loop_variable(name) is not None

    def source_text(self, start: int, end: int) -> str:
        return self.code[start:end]

    def string(self, token: Token) -> WBString:
        return self.strings[int(token.text)]

    def text_token(self, text: str, start: int, end: int, spaced: bool) -> Token:
        index = self._add(WBString([text], start, raw=True))
        return Token(STRING, start, end, str(index), spaced=spaced)

    def property_string(self, token: Token) -> int:
        return self._add(WBString([token.text], token.start))

    def hyphenated_function(self, token: Token) -> str:
        from ... import catalog

        identifier = words.identifier_of(token.text)
        name = catalog.function_name(identifier) if identifier else token.text.replace("-", "_")
        self.warn(token.start, f"called {token.text} as {name} (a name with '-' is not a Python name)")
        return name

    def digit_name(self, name: str) -> str:
        """A variable named with a leading digit (``1n``) is ``_1n`` in Python; the reader keeps ``1n``."""
        self.renamed["_" + name] = name
        return "_" + name

    def strings_of(self, tokens: list[Token]) -> list[Token]:
        """Each run of adjacent string literals -> one placeholder token (Python joins them too)."""
        out: list[Token] = []
        for token in tokens:
            if token.kind != STRING or token.literal is None:
                out.append(token)
                continue
            value = self._read_literal(token)
            previous = out[-1] if out else None
            if previous is not None and previous.kind == STRING and previous.end <= token.start:
                joined = self.string(previous)
                joined.parts = _join_parts(joined.parts + value.parts)
                joined.fstring = joined.fstring or value.fstring
                joined.binary = joined.binary or value.binary
                previous.end = token.end
                continue
            out.append(Token(STRING, token.start, token.end, str(self._add(value)), spaced=token.spaced))
        return out

    # --- comments

    def _comment(self, start: int, indent: int) -> int:
        """An annotation (dropped) or a Comment action: ``# '''text'''`` (maybe over several
        lines), or a comment starting as the converter wrote unquoted text (``# [Tag] ...``)."""
        code = self.code
        hash_at = start + indent
        line_end = _line_end(code, start)
        if _RAW_COMMENT.match(code, hash_at):
            text_start = hash_at + 1 + (1 if code.startswith(" ", hash_at + 1) else 0)
            self._add_comment(code[text_start:line_end].rstrip(" \t"), hash_at, indent)
            return line_end + 1
        if not _COMMENT_ACTION.match(code, hash_at):
            if self.keep_annotations:
                text_start = hash_at + 1 + (1 if code.startswith(" ", hash_at + 1) else 0)
                self._add_comment(code[text_start:line_end].rstrip(" \t"), hash_at, indent, annotation=True)
            return line_end + 1
        cursor = code.index("'''", hash_at) + 3
        texts: list[str] = []
        end = line_end
        while True:
            segment = code[cursor:end]
            closing = _comment_close(segment)
            if closing is not None:
                texts.append(segment[:closing])
                break
            texts.append(segment)
            following = end + 1
            if following >= len(code) or not code[following : _line_end(code, following)].lstrip(" \t").startswith("#"):
                self.warn(hash_at, "a Comment's text has no closing ''' ; read up to its last comment line")
                break
            marker = code.index("#", following)
            cursor = marker + 1 + (1 if code.startswith(" ", marker + 1) else 0)
            end = _line_end(code, following)
        self._add_comment(wbstrings.unescape("\n".join(texts), "'"), hash_at, indent)
        return end + 1

    def _add_comment(self, text: str, offset: int, indent: int, annotation: bool = False) -> None:
        previous = self.lines[-1] if self.lines else None
        if annotation and previous is not None and previous.annotation and previous.indent == indent:
            # consecutive annotation lines at one indentation are one Comment, as in the language
            string = self.strings[int(previous.chunks[0][0].split('"\\x00')[1].split('"')[0])]
            string.parts = [string.text + "\n" + text]
            return
        index = self._add(WBString([text], offset))
        call = f"is_workflow_actions_comment(WFCommentActionText={placeholder(index)})"
        self.lines.append(_Line(indent, [(call, offset, offset, False)], offset, comment=True, annotation=annotation))

    # --- statements

    def _statement(self, start: int, indent: int) -> int:
        begin = start + indent
        code = self.code
        line_end = _line_end(code, start)
        title = _CASE_TITLE.match(code, begin, line_end)
        if title is not None:  # case "Title": the converter never escaped the title
            index = self._add(WBString([title.group(2)], begin + title.start(2), title.group(1)))
            self.lines.append(_Line(indent, [(f"case {placeholder(index)}:", begin, line_end, False)], begin, "case"))
            return line_end + 1
        tokens, following, open_brackets = self.scanner.statement(begin, indent)
        if not tokens:
            return following
        unclosed = bool(open_brackets)
        if unclosed and tokens[-1].kind == STRING and tokens[-1].literal is not None and tokens[-1].literal.unterminated:
            # a string the data never closed, then the rest of the call lost: close them here
            self.warn(tokens[-1].end, "closed the brackets of a line the data left open")
            closers = {"(": ")", "[": "]", "{": "}"}
            tokens = tokens + [Token(OP, tokens[-1].end, tokens[-1].end, closers[b]) for b in reversed(open_brackets)]
            unclosed = False
        header = _HEADER.match(code, begin)
        keyword = header.group(1) if header else None
        assignment = None if header else _ASSIGNMENT.match(code, begin)
        repairer = Repairer(self, in_header=keyword is not None)
        tokens = repairer.statement(self.strings_of(tokens))
        if not unclosed:
            for candidate in (tokens, repairer.condition_sides(tokens) if keyword in ("if", "elif") else None):
                if candidate is None:
                    continue
                chunks = render(self, candidate)
                if _parses(_checkable("".join(chunk[0] for chunk in chunks), keyword)):
                    self.lines.append(_Line(indent, chunks, begin, keyword))
                    return following
        if assignment is not None:
            return self._text_assignment(begin, assignment, indent)
        if keyword is None and (tokens[0].kind in (STRING, BAD) or (tokens[0].kind == OP and tokens[0].text in "[{")):
            return self._text_statement(begin, indent)
        self.warn(begin, f"left out a line this dialect cannot read: `{shorten(code[begin:line_end])}`")
        return line_end + 1 if unclosed else following

    def _text_assignment(self, begin: int, assignment, indent: int) -> int:
        """``name = <anything>``: a Text action holding what was written after ``=``."""
        value_start = assignment.end()
        while self.code.startswith((" ", "\t"), value_start):
            value_start += 1
        text, following = self._raw_text(value_start, indent)
        self.warn(value_start, f"read the value as text: {shorten(text)!r} is not an expression")
        index = self._add(WBString([text], value_start, raw=True))
        name = assignment.group(1)
        target = self.digit_name(name) if name[0].isdigit() else name
        chunks = [
            (target, begin, begin + len(name), target == name),
            (" = ", begin + len(name), value_start, False),
            (placeholder(index), value_start, following, False),
        ]
        self.lines.append(_Line(indent, chunks, begin))
        return following

    def _text_statement(self, begin: int, indent: int) -> int:
        text, following = self._raw_text(begin, indent)
        self.warn(begin, f"read the line as text (a Text action without an output): {shorten(text)!r}")
        index = self._add(WBString([text], begin, raw=True))
        self.lines.append(_Line(indent, [(placeholder(index), begin, following, False)], begin))
        return following

    def _raw_text(self, start: int, indent: int) -> tuple[str, int]:
        """Text from ``start`` to the end of its line and on over the lines after it that
        are not code (annotations among them dropped); and the offset after it."""
        code = self.code
        end = _line_end(code, start)
        pieces = [code[start:end]]
        following = end + 1
        blank: list[str] = []
        while following < len(code):
            line_end = _line_end(code, following)
            line = code[following:line_end]
            stripped = line.lstrip(" \t")
            if looks_like_code(stripped) and len(line) - len(stripped) <= indent:
                break
            if stripped.startswith("#"):
                if _ANNOTATION_IN_TEXT.match(line) or _COMMENT_ACTION.match(stripped):
                    break
            if not stripped:
                blank.append(line)
            else:
                pieces.extend(blank)
                blank.clear()
                pieces.append(line)
            following = line_end + 1
        if blank:
            following -= sum(len(line) + 1 for line in blank)
        return "\n".join(pieces).rstrip(" \t"), following

    # --- string literals

    def _read_literal(self, token: Token) -> WBString:
        literal: Literal = token.literal
        prefix = literal.prefix.lower()
        quote = literal.quote[0]
        content = literal.content
        if literal.unterminated:
            self.warn(token.start, "a string is never closed; read up to the next action")
            content = content.rstrip("\n")
        if "\n" in content and _ANNOTATION_IN_TEXT.search(content):
            self.warn(token.start, "dropped annotation lines (# ...) written inside a string")
            content = _ANNOTATION_IN_TEXT.sub("", content)
        if "b" in prefix or "u" in prefix:
            return self._python_literal(token, literal, content)
        if "f" in prefix:
            start = literal.content_start + self.base
            parts = wbstrings.split_fstring(content, quote, lambda source, offset: self._field_tree(source, start + offset) is not None)
            parts = [self._field(part, start + part.offset) if isinstance(part, wbstrings.Field) else part for part in parts]
            value = WBString(_join_parts(parts), token.start, literal.quote, fstring=True)
        else:
            value = WBString([wbstrings.unescape(content, quote)], token.start, literal.quote)
        if _BINARY.search(value.text) or value.text.startswith("bplist00"):
            value.binary = True
        return value

    def _python_literal(self, token: Token, literal: Literal, content: str) -> WBString:
        try:
            constant = ast.literal_eval(literal.prefix + literal.quote + content + literal.quote)
        except (SyntaxError, ValueError):
            raise self.error(token.start, 'found a u"..." or b"..." literal Python cannot read; escape it as Python does') from None
        if isinstance(constant, bytes):
            return WBString([], token.start, literal.quote, python=True, data=constant)
        return WBString([constant], token.start, literal.quote, python=True)

    def _field_tree(self, source: str, offset: int) -> ast.expr | None:
        key = (source, offset)
        if key not in self._fields:
            saved = self.code, self.scanner, self.base, len(self.repairs)
            self.code, self.scanner, self.base = source, Scanner(source, self.scanner.hyphenated), offset
            try:
                tree = field_expression(self, source)
            finally:
                self.code, self.scanner, self.base = saved[:3]
            if tree is None:
                self.forget_repairs(saved[3])  # the braces are text: nothing inside was repaired
            self._fields[key] = tree
        return self._fields[key]

    def _field(self, part: wbstrings.Field, offset: int) -> FieldExpression:
        tree = self._field_tree(part.source, offset)
        for node in ast.walk(tree):
            node.wb_offset = offset
        return FieldExpression(tree, offset)

    def _add(self, value: WBString) -> int:
        value.offset += self.base
        self.strings.append(value)
        return len(self.strings) - 1

    # --- blocks

    def _place_comments(self) -> None:
        """A Comment at a block's indentation right before ``else``/``case`` belongs to the
        body that closes there (Python allows no statement between them)."""
        for position, line in enumerate(self.lines):
            if not line.comment:
                continue
            following = next((l for l in self.lines[position + 1 :] if not l.comment), None)
            if following is None or not following.continues or following.indent != line.indent:
                continue
            body = None
            for earlier in reversed(self.lines[:position]):
                if earlier.comment:
                    continue
                if earlier.indent <= line.indent:
                    if earlier.indent == line.indent and earlier.keyword is not None and body is None:
                        body = line.indent + 4
                    break
                body = earlier.indent if body is None else min(body, earlier.indent)
            if body is not None:
                line.indent = body

    def _normalize_indentation(self) -> None:
        """Blocks as Python needs them: an empty body gets ``pass``, a ``match`` that lost
        its ``case`` line gets one, a line deeper than its block (or at no level of it)
        moves to the block's level.  Each change is a warning."""
        fixed: list[_Line] = []
        levels = [_Level(0, False)]
        opened: _Line | None = None  # the previous line opened a block: this one must be deeper
        dropped: int | None = None  # the indentation of a header left out: its body moves up quietly
        for line in self.lines:
            if opened is not None:
                if line.indent > opened.indent:
                    if opened.keyword == "match" and line.keyword != "case":
                        self.warn(line.offset, 'a case line is missing here (the data lost it); read as case ""')
                        title = placeholder(self._add(WBString([""], line.offset)))
                        fixed.append(_Line(opened.indent + 4, [(f"case {title}:", line.offset, line.offset, False)], line.offset, "case"))
                        levels.append(_Level(opened.indent + 4, True, "case"))
                        line.indent = max(line.indent, opened.indent + 8)
                        levels.append(_Level(line.indent, False))
                    else:
                        levels.append(_Level(line.indent, opened.keyword == "match"))
                else:
                    self.warn(opened.offset, "a block has no statement (the data lost it); read as pass")
                    fixed.append(_Line(opened.indent + 4, [("pass", opened.offset, opened.offset, False)], opened.offset))
                opened = None
            if dropped is not None and line.indent <= dropped:
                dropped = None
            while line.indent < levels[-1].indent:
                levels.pop()
            if line.indent > levels[-1].indent:
                if dropped is None:
                    self.warn(line.offset, "a line is indented deeper than its block; read at the block's level")
                line.indent = levels[-1].indent
            top = levels[-1]
            if top.match_body and line.keyword != "case" and len(levels) > 1:
                self.warn(line.offset, "a statement stands among the cases of a menu; read after the menu")
                levels.pop()
                line.indent = levels[-1].indent
                top = levels[-1]
            orphan = (line.keyword == "case" and not top.match_body) or (line.keyword in ("else", "elif") and top.previous not in ("if", "elif"))
            if orphan:
                self.warn(line.offset, f"left out an `{line.keyword}` line with nothing to belong to; its statements stay")
                dropped = line.indent
                continue
            fixed.append(line)
            top.previous = line.keyword
            if line.keyword is not None:
                opened = line
        if opened is not None:
            fixed.append(_Line(opened.indent + 4, [("pass", opened.offset, opened.offset, False)], opened.offset))
        self.lines = fixed

    # --- output

    def _emit(self) -> str:
        pieces: list[str] = []
        length = 0
        for line in self.lines:
            self.positions.clean_lines.append(length)
            self.positions.add(length, line.offset, line.offset, False)
            pieces.append(" " * line.indent)
            length += line.indent
            for text, offset, end, copied in line.chunks:
                self.positions.add(length, offset, end, copied)
                pieces.append(text)
                length += len(text)
            self.positions.clean_text.append("".join(pieces[-len(line.chunks) - 1 :]))
            pieces.append("\n")
            length += 1
        return "".join(pieces)


def _checkable(text: str, keyword: str | None) -> str:
    """A statement as a snippet Python parses: a header gets a body and what must precede it."""
    if keyword is None:
        return text
    return {
        "else": "if x:\n    pass\n" + text + "\n    pass",
        "elif": "if x:\n    pass\n" + text + "\n    pass",
        "case": "match x:\n    " + text + "\n        pass",
        "match": text + "\n    case _:\n        pass",
    }.get(keyword, text + "\n    pass")


def _join_parts(parts: list) -> list:
    joined: list = []
    for part in parts:
        if isinstance(part, str) and joined and isinstance(joined[-1], str):
            joined[-1] += part
        elif not (isinstance(part, str) and part == ""):
            joined.append(part)
    return joined


def _parses(source: str) -> bool:
    try:
        ast.parse(source)
    except (SyntaxError, ValueError):
        return False
    return True


def _line_end(code: str, index: int) -> int:
    newline = code.find("\n", index)
    return len(code) if newline == -1 else newline


def _comment_close(segment: str) -> int | None:
    """Where ``'''`` closes a Comment's text on one comment line (it ends the line)."""
    stripped = segment.rstrip(" \t")
    if stripped.endswith("'''") and not stripped.endswith("\\'''"):
        return len(stripped) - 3
    return None


def lex(code: str, filename: str, keep_annotations: bool = False) -> Lexed:
    """Read WorkflowBench source into clean Python source and its string table; with
    ``keep_annotations``, the annotation comments become Comment actions too."""
    return Lexer(code.replace("\r\n", "\n"), filename, keep_annotations).run()
