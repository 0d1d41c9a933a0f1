"""Source text -> Python syntax tree with comment runs: the front of the compiler.

Workflow code is Python, so CPython's own parser reads it (``ast.parse``: fast,
exact, and the positions of every node for free).  Two things the syntax tree
does not keep are recovered here:

* comment lines, which are statements of this language (a run of ``#`` lines at
  one indentation, with no blank line inside, is one Comment action);
* the reason a form is refused: Python statements that Shortcuts cannot
  express (``while``, ``def``, ``import``...) get one error each that names
  the construct and what to write instead.

The compiler never runs the code it reads.
"""

from __future__ import annotations

import ast
import bisect
import itertools
import operator
import re
import warnings
from dataclasses import dataclass

from .errors import CompileError


@dataclass(frozen=True)
class CommentRun:
    """Consecutive comment lines: the text after ``#`` (one space removed)."""

    lines: tuple[str, ...]
    line: int  # 1-based line of the first comment
    column: int  # 1-based column of the ``#``


@dataclass
class SourceModule:
    """The parsed file: the syntax tree, and where each comment run stands.

    ``comments`` maps a statement list of the tree (by ``id``; the tree is
    alive as long as this object) to one slot per position: ``slots[i]`` are
    the runs before statement ``i``, the last slot those after the last one.
    """

    tree: ast.Module
    comments: dict[int, list[list[CommentRun]]]
    lines: list[str]

    def comment_slots(self, body: list) -> list[list[CommentRun]] | None:
        return self.comments.get(id(body))


# Python statements with no Shortcuts counterpart, and what to write instead.
REFUSED_STATEMENTS: dict[type, str] = {
    ast.While: "Shortcuts has no while loop: use `for _ in range(n):` or `for item in items:` (Repeat, Repeat with Each)",
    ast.FunctionDef: "Shortcuts has no functions: write the actions in place, or call another shortcut with is_workflow_actions_runworkflow(...)",
    ast.AsyncFunctionDef: "Shortcuts has no functions: write the actions in place, or call another shortcut with is_workflow_actions_runworkflow(...)",
    ast.ClassDef: "Shortcuts has no classes: use a dictionary ({...}) to group values",
    ast.Return: "Shortcuts has no return: use is_workflow_actions_output(output=value) to give the shortcut's result, or is_workflow_actions_exit() to stop",
    ast.Import: "Shortcuts cannot import modules: only `from s2py_actions import *` may open the file",
    ast.ImportFrom: "Shortcuts cannot import modules: only `from s2py_actions import *` may open the file, as its first statement",
    ast.Try: "Shortcuts has no exceptions: test values with `if` instead",
    ast.TryStar: "Shortcuts has no exceptions: test values with `if` instead",
    ast.With: "Shortcuts has no `with` blocks: write the actions one after another",
    ast.AsyncWith: "Shortcuts has no `with` blocks: write the actions one after another",
    ast.AsyncFor: "Shortcuts has no async loops: use `for item in items:`",
    ast.Raise: "Shortcuts has no exceptions: show an alert with is_workflow_actions_alert(...) and stop with is_workflow_actions_exit()",
    ast.Assert: "Shortcuts has no assert: test with `if` and stop with is_workflow_actions_exit()",
    ast.Delete: "Shortcuts cannot delete a variable: set it to an empty value instead",
    ast.Global: "Shortcuts variables are all global already: remove the `global` statement",
    ast.Nonlocal: "Shortcuts has no nested scopes: remove the `nonlocal` statement",
    ast.Break: "Shortcuts loops cannot be left early: put the rest of the loop body under an `if`",
    ast.Continue: "Shortcuts loops cannot skip ahead: put the rest of the loop body under an `if`",
    ast.AnnAssign: "annotated assignments are not part of the language: write `name = value`",
}

# Expressions with no Shortcuts counterpart (checked where values are read).
REFUSED_EXPRESSIONS: dict[type, str] = {
    ast.Lambda: "Shortcuts has no functions: `lambda` cannot be expressed; write the actions in place",
    ast.IfExp: "a conditional expression (`a if c else b`) cannot be expressed: use an `if` statement that sets a variable",
    ast.ListComp: "list comprehensions cannot be expressed: use `for item in items:` and append to a variable",
    ast.SetComp: "set comprehensions cannot be expressed: use `for item in items:` and append to a variable",
    ast.DictComp: "dict comprehensions cannot be expressed: use `for item in items:` and set dictionary values",
    ast.GeneratorExp: "generator expressions cannot be expressed: use `for item in items:`",
    ast.Await: "Shortcuts has no `await`: actions run one after another already",
    ast.Yield: "Shortcuts has no generators: append to a variable in a loop instead",
    ast.YieldFrom: "Shortcuts has no generators: append to a variable in a loop instead",
    ast.NamedExpr: "the walrus operator cannot be expressed: assign on a line of its own (`name = value`)",
    ast.Set: "Shortcuts has no sets: use a list ([...])",
    ast.Slice: "slices cannot be expressed: use is_workflow_actions_getitemfromlist(...) or text actions",
    ast.Starred: "starred expressions cannot be expressed here",
    ast.Compare: "a comparison used as a value cannot be expressed: Shortcuts has no true/false values; "
                 "test it where it is needed (`if a > b:`)",
    ast.BoolOp: "`and` / `or` used as a value cannot be expressed: Shortcuts has no true/false values; "
                "test it where it is needed (`if a and b:`)",
}


def read_source(code: str, filename: str = "<string>") -> SourceModule:
    """Parse ``code``; raises CompileError at file:line:col on a syntax error."""
    try:
        tree = parse_python(code, filename)
    except SyntaxError as error:
        raise _syntax_error(error, code, filename) from None
    except (RecursionError, MemoryError):
        raise CompileError("the code is nested too deeply to read", 1, 1, filename) from None
    except ValueError as error:  # e.g. a NUL character in the source
        raise CompileError(f"the code cannot be read: {error}", 1, 1, filename) from None
    lines = code.splitlines()
    runs = _comment_runs(tree, lines, filename)
    placed: dict[int, list[list[CommentRun]]] = {}
    if runs:
        _Placer(lines, placed, filename).place(tree.body, runs)
    return SourceModule(tree, placed, lines)


# Long code is parsed a piece at a time (see parse_python): pieces of about this many characters.
_PIECE = 256 * 1024
# Where a piece may end: before a line that starts a new top-level statement (not an
# indented line, a comment, a closing bracket or another clause of a compound statement).
_CUT = re.compile(r"\n(?=[^\s#)\]}])(?!(?:else|elif|except|finally)\b)")


def parse_python(code: str, filename: str = "<string>") -> ast.Module:
    """``ast.parse``, a piece of whole top-level statements at a time for long code.

    While ast.parse runs, CPython's own tree and the Python objects made from it
    are alive at once: for a long file, twice the memory of the syntax tree.  Each
    piece is parsed after as many newlines as come before it, so every position is
    the one in the whole code.  A cut inside a statement (a multi-line string, a
    decorator...) leaves a piece that does not parse alone; then the whole code is
    parsed at once, which also gives any real error its usual text.
    """
    if len(code) <= _PIECE or "\r" in code or "__future__" in code:
        return _quiet_parse(code, filename)
    body: list[ast.stmt] = []
    start = line = 0
    try:
        while start < len(code):
            cut = _CUT.search(code, start + _PIECE) if len(code) - start > _PIECE else None
            end = cut.start() + 1 if cut else len(code)
            body.extend(_quiet_parse("\n" * line + code[start:end], filename).body)
            line += code.count("\n", start, end)
            start = end
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        body.clear()
        return _quiet_parse(code, filename)
    return ast.Module(body=body, type_ignores=[])


def _quiet_parse(code: str, filename: str) -> ast.Module:
    """``ast.parse`` without CPython's warnings about the code as a program (`1if`,
    an unknown escape such as "\\d"): they would print on stderr, apart from the
    compiler's own findings, and say nothing about the shortcut."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        return ast.parse(code, filename=filename)


def _syntax_error(error: SyntaxError, code: str, filename: str) -> CompileError:
    line = error.lineno or 1
    column = error.offset or 1
    message = error.msg or "invalid syntax"
    if message.startswith("invalid syntax"):
        text = (error.text or "").strip()
        message = f"found invalid Python syntax{f' in `{text}`' if text and len(text) < 60 else ''}; the language is Python 3.11"
    else:
        message = f"found invalid Python: {message}"
    return CompileError(message, line, column, filename)


# --- comments ---------------------------------------------------------------------


def _comment_runs(tree: ast.Module, lines: list[str], filename: str) -> list[CommentRun]:
    """Every standalone comment line, grouped into runs; trailing comments are refused.

    A line is looked at only if it holds ``#``.  It is a comment line when its
    first character after indentation is ``#`` and it lies outside every
    multi-line string and every bracketed continuation; a ``#`` after code on
    the same line is a comment only if it lies outside the line's strings.
    """
    # The numbers of the lines holding "#", picked in C: long code has many lines and few "#".
    candidates = list(itertools.compress(itertools.count(1), map(operator.contains, lines, itertools.repeat("#"))))
    if not candidates:
        return []
    spans = _LineSpans(tree, candidates)
    runs: list[CommentRun] = []
    current: list[str] = []
    start = column = previous = 0
    for number in candidates:
        text = lines[number - 1]
        stripped = text.lstrip(" \t\f")
        if stripped.startswith("#") and not spans.inside_statement(number):
            col = len(text) - len(stripped) + 1
            body = stripped[1:]
            body = body[1:] if body.startswith(" ") else body
            if current and number == previous + 1 and col == column:
                current.append(body)
            else:
                if current:
                    runs.append(CommentRun(tuple(current), start, column))
                current, start, column = [body], number, col
            previous = number
            continue
        hash_column = spans.code_comment_column(number, text)
        if hash_column is not None:
            raise CompileError(
                "found a comment after code on the same line (or inside brackets); comments go on lines of "
                "their own, where each run of them is a Comment action",
                number,
                hash_column,
                filename,
            )
    if current:
        runs.append(CommentRun(tuple(current), start, column))
    return runs


class _LineSpans:
    """Which lines are inside a statement that spans several lines, and where
    string literals sit on each line (to tell a ``#`` in a string from a comment)."""

    def __init__(self, tree: ast.Module, asked: list[int]):
        """Only the lines in ``asked`` (sorted) will be asked about."""
        self.continued: set[int] = set()  # lines after the first of a multi-line simple statement
        self.strings: dict[int, list[tuple[int, int]]] = {}  # line -> byte spans of strings on it
        self.string_lines: set[int] = set()  # lines wholly inside a multi-line string
        # Every node once, in no particular order; the commonest are taken apart
        # by hand (ast.walk costs a generator per node) and names have nothing inside.
        # What is learnt about a line comes from the nodes that span it, all inside
        # the statements that span it: a statement spanning no line asked about is
        # skipped whole (most code has a `#` on few lines).
        stack: list = [tree]
        while stack:
            node = stack.pop()
            kind = type(node)
            if isinstance(node, ast.stmt):
                first = bisect.bisect_left(asked, node.lineno)
                if first == len(asked) or asked[first] > (node.end_lineno or node.lineno):
                    continue
            if kind is ast.Constant:
                if isinstance(node.value, (str, bytes)):
                    self._add_string(node)
                continue
            if kind is ast.Name:
                continue
            if kind is ast.Call:
                stack.append(node.func)
                stack.extend(node.args)
                stack.extend([keyword.value for keyword in node.keywords])
                continue
            if kind in _COMPOUND:
                header_end = _header_end_line(node)
                if header_end > node.lineno:
                    self.continued.update(range(node.lineno + 1, header_end + 1))
            elif isinstance(node, ast.stmt):
                if node.end_lineno and node.end_lineno > node.lineno:
                    self.continued.update(range(node.lineno + 1, node.end_lineno + 1))
            elif kind is ast.match_case:
                end = case_header_end(node)
                if end > node.pattern.lineno:
                    self.continued.update(range(node.pattern.lineno + 1, end + 1))
            elif kind is ast.JoinedStr:
                self._add_string(node)
            stack.extend(ast.iter_child_nodes(node))

    def _add_string(self, node) -> None:
        first, last = node.lineno, node.end_lineno or node.lineno
        if first == last:
            self.strings.setdefault(first, []).append((node.col_offset, node.end_col_offset or node.col_offset))
            return
        self.strings.setdefault(first, []).append((node.col_offset, 1 << 30))
        self.strings.setdefault(last, []).append((0, node.end_col_offset or 0))
        self.string_lines.update(range(first + 1, last))

    def inside_statement(self, line: int) -> bool:
        return line in self.continued or line in self.string_lines

    def code_comment_column(self, line: int, text: str) -> int | None:
        """The 1-based column of a ``#`` that starts a comment on a code line, if any."""
        if line in self.string_lines:
            return None
        encoded = text.encode("utf-8")
        spans = self.strings.get(line, [])
        offset = 0
        while True:
            offset = encoded.find(b"#", offset)
            if offset < 0:
                return None
            if not any(start <= offset < end for start, end in spans):
                return len(encoded[:offset].decode("utf-8", "replace")) + 1
            offset += 1


_COMPOUND = frozenset({ast.If, ast.For, ast.While, ast.Match, ast.With, ast.Try, ast.FunctionDef, ast.ClassDef, ast.AsyncFor, ast.AsyncWith, ast.AsyncFunctionDef, ast.TryStar})


def _is_compound(node: ast.AST) -> bool:
    return type(node) in _COMPOUND


def _header_end_line(node: ast.AST) -> int:
    """The last line of a compound statement's header (before its body)."""
    if isinstance(node, (ast.If, ast.While)):
        return node.test.end_lineno or node.lineno
    if isinstance(node, (ast.For, ast.AsyncFor)):
        return node.iter.end_lineno or node.lineno
    if isinstance(node, ast.Match):
        return node.subject.end_lineno or node.lineno
    return node.lineno


def case_header_end(case: ast.match_case) -> int:
    """The last line of a ``case`` header."""
    end = case.pattern.end_lineno or case.pattern.lineno
    if case.guard is not None:
        end = max(end, case.guard.end_lineno or end)
    return end


# --- where comments stand ---------------------------------------------------------


class _Placer:
    """Puts each comment run into the statement list it stands in.

    A run between two statements of a body belongs to that body; a run after a
    compound statement belongs to its last clause when it is indented deeper
    than the statement, and to the outer body otherwise; a run between two
    clauses (before ``else:``, ``elif`` or a ``case``) belongs to the clause
    above it, the only place an action can stand there.
    """

    def __init__(self, lines: list[str], placed: dict[int, list[list[CommentRun]]], filename: str):
        self.lines = lines
        self.placed = placed
        self.filename = filename

    def place(self, body: list, runs: list[CommentRun]) -> None:
        slots = self.placed.setdefault(id(body), [[] for _ in range(len(body) + 1)])
        inner: dict[int, list[CommentRun]] = {}
        starts = [statement.lineno for statement in body]  # in source order, so sorted
        for run in runs:
            index = bisect.bisect_right(starts, run.line)  # the statements that start on or before it
            if index and _is_compound(body[index - 1]):
                before = body[index - 1]
                inside = run.line <= (before.end_lineno or before.lineno)
                if inside or run.column > before.col_offset + 1:
                    inner.setdefault(index - 1, []).append(run)
                    continue
            slots[index].append(run)
        for index, statement_runs in inner.items():
            self._place_in_clauses(body[index], statement_runs)

    def _place_in_clauses(self, statement, runs: list[CommentRun]) -> None:
        clauses = self._clauses(statement)
        pending: dict[int, list[CommentRun]] = {}
        for run in runs:
            target = None
            for index, (start_line, _) in enumerate(clauses):
                if run.line > start_line:
                    target = index
            if target is None:
                raise CompileError(
                    "found a comment inside a statement's header; put it before the statement",
                    run.line,
                    run.column,
                    self.filename,
                )
            pending.setdefault(target, []).append(run)
        for index, clause_runs in pending.items():
            self.place(clauses[index][1], clause_runs)

    def _clauses(self, statement) -> list[tuple[int, list]]:
        """(last line of the clause's header, body) for each clause, in order."""
        if isinstance(statement, ast.If):
            clauses = [(_header_end_line(statement), statement.body)]
            orelse = statement.orelse
            if orelse:
                first = orelse[0]
                if len(orelse) == 1 and isinstance(first, ast.If) and self._is_elif(first):
                    return clauses + self._clauses(first)
                clauses.append((self._keyword_line(first.lineno, "else"), orelse))
            return clauses
        if isinstance(statement, ast.For):
            return [(_header_end_line(statement), statement.body)]
        if isinstance(statement, ast.Match):
            return [(case_header_end(case), case.body) for case in statement.cases]
        return [(statement.lineno, getattr(statement, "body", []))]

    def _is_elif(self, node: ast.If) -> bool:
        text = self.lines[node.lineno - 1].lstrip() if node.lineno - 1 < len(self.lines) else ""
        return text.startswith("elif")

    def _keyword_line(self, before: int, keyword: str) -> int:
        """The line of the ``else:`` that opens a body whose first statement is on ``before``."""
        line = before - 1
        while line >= 1:
            text = self.lines[line - 1].lstrip()
            if text.startswith(keyword) and text[len(keyword):].lstrip().startswith(":"):
                return line
            line -= 1
        return before - 1
