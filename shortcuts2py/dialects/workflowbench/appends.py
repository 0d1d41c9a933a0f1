"""Set Variable or Append to Variable: WorkflowBench writes both as ``X = y``.

The rule, measured on the corpus (real shortcuts, by the plist): ``X = y`` is
Append to Variable

* inside a loop whose body never reads ``X`` (a list built turn by turn:
  about 3 in 4 such statements are appends), or
* when an earlier ``X = ...`` of the same block was never read before it
  (setting twice in a row without a use is appending: about 3 in 4 again);

and Set Variable everywhere else (about 9 in 10 of the rest).  Both
directions use this rule: the reader to decide, the writer to know when
``X = y`` would be misread and the explicit call must be written instead.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

# Strings whose f-string fields hide name reads from ast.walk: a lookup from a
# Constant to the trees inside it (the reader's placeholders), or None.
FieldTrees = Callable[[ast.Constant], list[ast.expr]] | None


def reads(statements: list[ast.AST], name: str, fields: FieldTrees = None, skip: ast.AST | None = None) -> bool:
    """Whether any of ``statements`` reads ``name`` (``skip``, an assignment, excepted:
    its value may read the name, its target is no read)."""
    skipped = {id(node) for node in ast.walk(skip)} if skip is not None else set()
    for statement in statements:
        for node in ast.walk(statement):
            if id(node) in skipped:
                continue
            if isinstance(node, ast.Name) and node.id == name and isinstance(getattr(node, "ctx", ast.Load()), ast.Load):
                return True
            if fields is not None and isinstance(node, ast.Constant):
                for tree in fields(node):
                    if any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(tree)):
                        return True
    return False


def read_in_loop(name: str, statement: ast.stmt, loop_body: list[ast.stmt] | None, fields: FieldTrees = None) -> bool | None:
    """None outside loops; else whether the loop's body reads ``name`` (``statement`` aside)."""
    if loop_body is None:
        return None
    return reads(loop_body, name, fields, skip=statement)


def follows_unread_assignment(
    name: str, statement: ast.stmt, siblings: list[ast.stmt], assigns_variable, fields: FieldTrees = None
) -> bool:
    """Whether an earlier ``name = ...`` of the same block was not read before ``statement``."""
    index = next((i for i, sibling in enumerate(siblings) if sibling is statement), None)
    if index is None:
        return False
    for earlier in range(index - 1, -1, -1):
        previous = siblings[earlier]
        if assigns_variable(previous, name):
            return not reads(siblings[earlier + 1 : index], name, fields) and not reads([statement.value], name, fields)
        if reads([previous], name, fields):
            return False
    return False


def is_append(
    name: str,
    statement: ast.stmt,
    siblings: list[ast.stmt],
    loop_body: list[ast.stmt] | None,
    assigns_variable: Callable[[ast.stmt, str], bool],
    fields: FieldTrees = None,
) -> bool:
    """Whether ``statement`` (``name = ...`` among ``siblings``) is Append to Variable."""
    if read_in_loop(name, statement, loop_body, fields) is False:
        return True
    return follows_unread_assignment(name, statement, siblings, assigns_variable, fields)
