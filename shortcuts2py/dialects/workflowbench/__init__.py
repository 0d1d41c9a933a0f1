"""The WorkflowBench dialect: the Python-style code of the WorkflowLLM data set.

WorkflowBench (the data set of the WorkflowLLM paper) transcribed real
shortcuts into Python-style code, and models trained on it write that code.
This package reads it into the project's language and writes shortcuts in it:

* ``to_default(code, filename)``: WorkflowBench code -> default-language code,
  through ``lexer`` (the converter's quoting and the data set's damage
  repaired, every repair a warning at the user's line and column), ``reader``
  (what each WorkflowBench form means) and ``emit`` (one line per statement,
  with a line map for error positions);
* ``from_default(code)``: decompiled code -> WorkflowBench's conventions
  (``writer``).

docs/workflowbench.md lists every repair, every ambiguity and its rule, and
where the dialect loses information as WorkflowBench does.
"""

from __future__ import annotations

import ast

from ..translation import Translation


def to_default(code: str, filename: str = "<string>", *, keep_annotations: bool = False) -> Translation:
    """WorkflowBench code -> a ``Translation`` (default-language code, repairs, line map).
    Raises CompileError (at the user's line and column) for code it cannot read.

    The data set's annotation comments are dropped; with ``keep_annotations`` they
    become Comment actions (consecutive lines one Comment), as comments do in the language."""
    from .emit import emit
    from .lexer import lex
    from .reader import read

    lexed = lex(code, filename, keep_annotations)
    statements, repairs, outputs, keywords = read(lexed, filename)
    header, settings = _header(statements, outputs, keywords)
    text, line_map = emit(statements, header, settings)
    ordered = sorted(set(lexed.repairs + repairs), key=lambda repair: (repair.line, repair.column, repair.message))
    return Translation(text, ordered, line_map)


def from_default(code: str) -> str:
    """Decompiled (default-language) code -> the same shortcut in WorkflowBench's conventions."""
    from .writer import write

    return write(code)


def _header(statements: list[ast.stmt], outputs: dict[str, set[str]], keywords: list[ast.keyword]):
    """``shortcut(...)`` and ``spelling(output_names={...})`` (each None when it has
    nothing to say): outputs keep the name the app gives them (the names in
    WorkflowBench code are the data set's, not the shortcut's), so no
    ``CustomOutputName`` is added for them."""
    from ... import catalog
    from ...constructs.header import SETTINGS

    custom = _named_outputs(statements)
    given = {k.arg for k in keywords}
    table = {}
    for name, identifiers in sorted(outputs.items()) if "output_names" not in given else ():
        if len(identifiers) != 1 or name in custom:
            continue
        display = catalog.output_name(next(iter(identifiers)))
        if display:
            table[name] = display
    if table:
        names = [ast.Constant(name) for name in table]
        displays = [ast.Constant(display) for display in table.values()]
        keywords = [*keywords, ast.keyword("output_names", ast.Dict(names, displays))]
    settings = [k for k in keywords if k.arg in SETTINGS]
    keywords = [k for k in keywords if k.arg not in SETTINGS]
    return _call_statement("shortcut", keywords), _call_statement("spelling", settings)


def _call_statement(function: str, keywords: list[ast.keyword]) -> ast.stmt | None:
    return ast.Expr(ast.Call(ast.Name(function), [], keywords)) if keywords else None


def _named_outputs(statements: list[ast.stmt]) -> set[str]:
    """Names assigned an action that sets its own CustomOutputName."""
    found = set()
    for statement in statements:
        for node in ast.walk(statement):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
                if any(keyword.arg == "CustomOutputName" for keyword in node.value.keywords):
                    found.update(target.id for target in node.targets if isinstance(target, ast.Name))
    return found
