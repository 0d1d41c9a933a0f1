"""What reading and writing WorkflowBench code both do inside a value: rename the
names that are read, except ``_`` as an operand of arithmetic (``_ - x``,
Calculate with the previous output) or of a builtin (``len(_)``), which has no
WorkflowBench spelling and stays as it is."""

from __future__ import annotations

import ast

from ...constructs.value_actions import COMPUTING_BUILTINS

# Builtins the language reads as actions (Count, Calculate Statistics, Calculate).
VALUE_BUILTINS = COMPUTING_BUILTINS


def of_previous_output(call: ast.Call) -> bool:
    """``len(_)``, ``sum(_)``: a builtin of the previous output, which ``_`` alone says
    (WorkflowBench's None would be no input, and its ``_`` is a variable's name)."""
    return (
        isinstance(call.func, ast.Name)
        and call.func.id in VALUE_BUILTINS
        and len(call.args) == 1
        and not call.keywords
        and isinstance(call.args[0], ast.Name)
        and call.args[0].id == "_"
    )


class NameRenamer(ast.NodeTransformer):
    """A transformer whose subclass says how a read name is spelled (``rename``)."""

    in_arithmetic = False

    def rename(self, node: ast.Name) -> ast.AST:
        raise NotImplementedError

    def visit_Name(self, node: ast.Name):
        if node.id == "_" and self.in_arithmetic:
            return node
        if isinstance(getattr(node, "ctx", ast.Load()), ast.Load):
            return self.rename(node)
        return node

    def visit_BinOp(self, node: ast.BinOp):
        outer, self.in_arithmetic = self.in_arithmetic, True
        try:
            return ast.BinOp(self.visit(node.left), node.op, self.visit(node.right))
        finally:
            self.in_arithmetic = outer
