"""A module of statements as text, laid out exactly as black lays it out.

Each statement (or block header) is first spelled on one line from the
nodes' ready-made text.  When that line fits in 88 columns it is written as it
is; only a longer line is turned into tokens and split (``writer.split``).

Blank lines follow black's rules for this statement set: none before the
first line, exactly one between the stubs import and what follows it, and
otherwise the blank lines asked for, at most two at the top level and one
inside a block.  Comment lines keep the indentation of the block they are in,
including at the end of a block, before ``else:``/``elif``/``case``.
"""

from __future__ import annotations

from collections.abc import Callable

from . import direct, split, tokens
from . import nodes as n
from .width import text_width

LINE_LENGTH = split.LINE_LENGTH
_INDENTS = ["    " * depth for depth in range(32)]
_Builder = Callable[[list[tokens.Token]], None]


def write_module(statements: list[n.Stmt]) -> str:
    """The source text of a module: 4-space indentation, lines of at most 88
    columns where black can make them so, ending with one newline."""
    writer = _Writer(statements)
    writer.block(statements, 0)
    if not writer.started and writer.blanks:
        return "\n"  # black's answer for a file of blank lines
    return "".join(writer.out)


class _Writer:
    def __init__(self, module: list[n.Stmt]):
        self.module = module
        self.out: list[str] = []
        self.blanks = 0  # blank lines asked for before the next line
        self.started = False
        self.after_import: int | None = None  # depth of the previous line when it was an import
        self._features: int | None = None

    # --- lines ---------------------------------------------------------------------

    def _open_line(self, depth: int, is_import: bool = False) -> None:
        """Write the blank lines that go before a new line at ``depth``."""
        blanks = self.blanks
        self.blanks = 0
        if not self.started:
            self.started = True
        else:
            before = min(blanks, 2 if depth == 0 else 1)
            if self.after_import is not None and not is_import:
                if self.after_import == 0 and depth == 0:
                    before = 1
                elif self.after_import == depth:
                    before = before or 1
            if before:
                self.out.append("\n" * before)
        self.after_import = depth if is_import else None

    def line(self, text: str, depth: int, build: _Builder, statement: n.Stmt | None = None, header: tuple[str, n.Expr] | None = None) -> None:
        """One logical line: ``text`` when it fits, else black's split: laid
        out directly for the common shapes (a simple ``statement``, or a block
        ``header`` given as its text up to the value and the value), or by
        the general splitter on the tokens ``build`` makes."""
        self._open_line(depth)
        columns = len(text) if text.isascii() else text_width(text)
        if 4 * depth + columns <= LINE_LENGTH:
            self.out.append(_INDENTS[depth] + text + "\n")
            return
        if statement is not None:
            lines = direct.statement_lines(statement, depth, self.star_comma)
        elif header is not None:
            lines = direct.header_lines(header[0], header[1], depth, self.star_comma)
        else:
            lines = None
        if lines is not None:
            self.out.append("\n".join(lines) + "\n")
            return
        token_list: list[tokens.Token] = []
        build(token_list)
        line = split.Line(depth)
        for token in token_list:
            line.append(token)
        features = self.features() if any(token.star_arg for token in token_list) else 0
        for piece in split.split_line(line, features):
            self.out.append(split.render(piece) + "\n")

    def features(self) -> int:
        """black adds a trailing comma after a call's ``*args``/``**kwargs``
        only when the file shows it is for Python 3.5+ (here: an f-string, a
        match statement or a number with underscores)."""
        if self._features is None:
            self._features = split.STAR_COMMA if _uses_new_syntax(self.module) else 0
        return self._features

    def star_comma(self) -> bool:
        return bool(self.features())

    # --- statements ------------------------------------------------------------------

    def block(self, statements: list[n.Stmt], depth: int) -> None:
        if depth >= len(_INDENTS) - 1:
            _INDENTS.extend("    " * level for level in range(len(_INDENTS), depth + 2))
        for statement in statements:
            _WRITERS[type(statement)](self, statement, depth)

    def body(self, statements: list[n.Stmt], depth: int) -> None:
        if not any(not isinstance(s, (n.CommentLines, n.BlankLine)) for s in statements):
            raise ValueError("a block needs a statement (write Pass() for an empty one)")
        self.block(statements, depth)

    def assign(self, statement: n.Assign, depth: int) -> None:
        first, *others = statement.targets
        parts = [tokens.position_text(first, unpack=True)]
        parts += [tokens.position_text(target) for target in others]
        parts.append(tokens.position_text(statement.value))

        def build(out: list[tokens.Token]) -> None:
            if isinstance(first, (n.Paren, n.ListDisplay, n.DictDisplay, n.TupleDisplay)):
                tokens.optional_parens(first, "", out, unpack=True)
            else:
                tokens.expression(first, "", out)
            for node in [*others, statement.value]:
                out.append(tokens.Token(tokens.EQUAL, "=", " "))
                tokens.optional_parens(node, " ", out)

        self.line(" = ".join(parts), depth, build, statement)

    def aug_assign(self, statement: n.AugAssign, depth: int) -> None:
        op = statement.op if statement.op.endswith("=") else statement.op + "="
        text = f"{statement.target.text} {op} {tokens.position_text(statement.value)}"

        def build(out: list[tokens.Token]) -> None:
            tokens.expression(statement.target, "", out)
            out.append(tokens.Token(tokens.OPERATOR, op, " "))
            tokens.optional_parens(statement.value, " ", out)

        self.line(text, depth, build, statement)

    def expression_statement(self, statement: n.ExprStatement, depth: int) -> None:
        value = statement.value

        def build(out: list[tokens.Token]) -> None:
            if tokens.is_arith_like(value):
                tokens.optional_parens(value, "", out)
            else:
                tokens.expression(value, "", out)

        self.line(value.text, depth, build, statement)

    def pass_(self, statement: n.Pass, depth: int) -> None:
        self._open_line(depth)
        self.out.append(_INDENTS[depth] + "pass\n")

    def import_star(self, statement: n.ImportStar, depth: int) -> None:
        self._open_line(depth, is_import=True)
        self.out.append(f"{_INDENTS[depth]}from {statement.module} import *\n")

    def if_(self, statement: n.If, depth: int) -> None:
        keyword = "if"
        while True:  # an elif chain is a chain of nested Ifs
            self.condition_header(keyword, statement.test, depth)
            self.body(statement.body, depth + 1)
            orelse = statement.orelse
            if not isinstance(orelse, n.If):
                break
            statement, keyword = orelse, "elif"
        if orelse is not None:
            self._open_line(depth)
            self.out.append(_INDENTS[depth] + "else:\n")
            self.body(orelse, depth + 1)

    def condition_header(self, keyword: str, test: n.Expr, depth: int) -> None:
        def build(out: list[tokens.Token]) -> None:
            out.append(tokens.Token(tokens.NAME, keyword, ""))
            tokens.optional_parens(test, " ", out)
            out.append(tokens.Token(tokens.COLON, ":", ""))

        self.line(f"{keyword} {tokens.position_text(test)}:", depth, build, header=(f"{keyword} ", test))

    def for_(self, statement: n.For, depth: int) -> None:
        target, iterable = statement.target, statement.iter
        target_text = tokens.position_text(target, unpack=True)
        text = f"for {target_text} in {tokens.position_text(iterable)}:"

        def build(out: list[tokens.Token]) -> None:
            out.append(tokens.Token(tokens.NAME, "for", ""))
            tokens.optional_parens(target, " ", out, unpack=True)
            out.append(tokens.Token(tokens.NAME, "in", " "))
            tokens.optional_parens(iterable, " ", out)
            out.append(tokens.Token(tokens.COLON, ":", ""))

        # Names as the target: its optional parentheses play no part.
        simple_target = isinstance(target, n.Name) or (isinstance(target, n.TupleDisplay) and not target.parens and len(target.items) > 1 and all(isinstance(item, n.Name) for item in target.items))
        self.line(text, depth, build, header=(f"for {target_text} in ", iterable) if simple_target else None)
        self.body(statement.body, depth + 1)

    def match(self, statement: n.Match, depth: int) -> None:
        subject = statement.subject

        def build(out: list[tokens.Token]) -> None:
            out.append(tokens.Token(tokens.NAME, "match", ""))
            tokens.expression(subject, " ", out)  # black adds no parentheses here
            out.append(tokens.Token(tokens.COLON, ":", ""))

        self.line(f"match {subject.text}:", depth, build, header=("match ", subject))
        if not statement.cases:
            raise ValueError("a match statement needs a case")
        for case in statement.cases:
            self.case(case, depth + 1)

    def case(self, case: n.Case, depth: int) -> None:
        pattern, guard = case.pattern, case.guard
        text = f"case {tokens.position_text(pattern)}"
        header = None
        if guard is not None:
            # A guard splits inside its own brackets when the pattern has none.
            if isinstance(pattern, (n.Name, n.Number, n.String)):
                header = (text + " if ", guard)
            text += f" if {tokens.position_text(guard)}"

        def build(out: list[tokens.Token]) -> None:
            out.append(tokens.Token(tokens.NAME, "case", ""))
            tokens.optional_parens(pattern, " ", out, role=tokens.CASE_PATTERN)
            if guard is not None:
                out.append(tokens.Token(tokens.NAME, "if", " "))
                tokens.optional_parens(guard, " ", out)
            out.append(tokens.Token(tokens.COLON, ":", ""))

        self.line(text + ":", depth, build, header=header)
        self.body(case.body, depth + 1)

    def comment_lines(self, statement: n.CommentLines, depth: int) -> None:
        indent = _INDENTS[depth]
        for text in statement.lines:
            self._open_line(depth)
            self.out.append(f"{indent}# {text}\n" if text else f"{indent}#\n")

    def blank_line(self, statement: n.BlankLine, depth: int) -> None:
        self.blanks += 1


_WRITERS: dict[type, Callable[..., None]] = {
    n.Assign: _Writer.assign,
    n.AugAssign: _Writer.aug_assign,
    n.ExprStatement: _Writer.expression_statement,
    n.Pass: _Writer.pass_,
    n.ImportStar: _Writer.import_star,
    n.If: _Writer.if_,
    n.For: _Writer.for_,
    n.Match: _Writer.match,
    n.CommentLines: _Writer.comment_lines,
    n.BlankLine: _Writer.blank_line,
}


def _uses_new_syntax(module: list[n.Stmt]) -> bool:
    """Whether black would infer Python 3.5+ from the module: an f-string (or
    t-string), a match statement, or a number with underscores."""
    pending: list[object] = list(module)
    while pending:
        item = pending.pop()
        if isinstance(item, n.String):
            text = item.text
            prefix = text[: text.find(text[-1])].lower()
            if "f" in prefix or "t" in prefix:
                return True
        elif isinstance(item, n.Number):
            if "_" in item.text:
                return True
        elif isinstance(item, n.Match):
            return True
        else:
            pending.extend(_children(item))
    return False


def _children(item: object) -> list[object]:
    """The nodes directly inside ``item`` (statements, cases, expressions, args)."""
    if isinstance(item, (n.Name, n.CommentLines, n.BlankLine, n.Pass, n.ImportStar)):
        return []
    if isinstance(item, n.Arg):
        return [item.value]
    if isinstance(item, n.DictDisplay):
        return [part for key, value in item.entries for part in (key, value) if part is not None]
    if isinstance(item, n.If):
        orelse = item.orelse
        return [item.test, *item.body, *([orelse] if isinstance(orelse, n.If) else orelse or [])]
    if isinstance(item, n.Compare):
        return [item.left, *(right for _, right in item.comparisons)]
    found: list[object] = []
    for slot in getattr(type(item), "__slots__", ()):
        if slot in ("text", "precedence", "op", "keyword", "star", "attr", "parens", "lead", "pending"):
            continue
        value = getattr(item, slot)
        if isinstance(value, list):
            found.extend(value)
        elif value is not None:
            found.append(value)
    return found
