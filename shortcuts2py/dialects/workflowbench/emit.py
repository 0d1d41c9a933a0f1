"""Default-language statements -> code, one statement per line, with the line map.

Each simple statement is written on one line (``ast.unparse`` keeps text with
newlines inside one literal) and each block header on its own, so every line
of the result comes from exactly one statement of the user's file: the line
map records that statement's position, and an error the compiler finds in a
line is reported there.
"""

from __future__ import annotations

import ast


class Emitter:
    def __init__(self):
        self.lines: list[str] = []
        self.line_map: dict[int, tuple[int, int]] = {}

    def line(self, depth: int, text: str, node) -> None:
        self.lines.append("    " * depth + text)
        position = getattr(node, "wb_position", None)
        if position is not None:
            self.line_map[len(self.lines)] = position

    def body(self, statements: list[ast.stmt], depth: int, parent=None) -> None:
        if not statements:
            self.line(depth, "pass", parent)
            return
        for statement in statements:
            if not hasattr(statement, "wb_position") and parent is not None and hasattr(parent, "wb_position"):
                statement.wb_position = parent.wb_position
            self.statement(statement, depth)

    def statement(self, node: ast.stmt, depth: int) -> None:
        if isinstance(node, ast.If):
            self.line(depth, f"if {ast.unparse(node.test)}:", node)
            self.body(node.body, depth + 1, node)
            if node.orelse:
                self.line(depth, "else:", node)
                self.body(node.orelse, depth + 1, node)
        elif isinstance(node, ast.For):
            self.line(depth, f"for {ast.unparse(node.target)} in {ast.unparse(node.iter)}:", node)
            self.body(node.body, depth + 1, node)
        elif isinstance(node, ast.Match):
            self.line(depth, f"match {ast.unparse(node.subject)}:", node)
            for case in node.cases:
                guard = f" if {ast.unparse(case.guard)}" if case.guard is not None else ""
                self.line(depth + 1, f"case {ast.unparse(case.pattern)}{guard}:", node)
                self.body(case.body, depth + 2, case.body[0] if case.body else node)
        else:
            self.line(depth, ast.unparse(node), node)


def emit(
    statements: list[ast.stmt], header: ast.stmt | None = None, settings: ast.stmt | None = None
) -> tuple[str, dict[int, tuple[int, int]]]:
    """(code, line map: line of the code -> (line, column) of the statement it came
    from); ``header`` goes first, ``settings`` (``spelling(...)``) last."""
    emitter = Emitter()
    around = [statement for statement in (header, settings) if statement is not None]
    ast.fix_missing_locations(ast.Module(statements + around, []))
    if header is not None:
        emitter.line(0, ast.unparse(header), header)
    emitter.body(statements, 0)
    if settings is not None:
        emitter.line(0, ast.unparse(settings), settings)
    return "\n".join(emitter.lines) + "\n", emitter.line_map
