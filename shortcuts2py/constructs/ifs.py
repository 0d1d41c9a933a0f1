"""If / Otherwise / End If <-> ``if`` / ``elif`` / ``else``.

=========================================  ===================================
plist                                      code
=========================================  ===================================
If ... (group start)                       if test:
Otherwise                                  else:
Otherwise holding only another If          elif test:
End If whose output is read, or with       result = if_result(...) after it
  parameters
End If with an id nothing reads            spelling(end_ids={"if": [2, 5]}) after the body
                                           (or "all": every End If has one)
If / Otherwise chain (by hand)             match x:  case "a": ...  case 1 | 2: ...
                                             case None: ...  case _: ...
=========================================  ===================================

An empty branch is ``pass``; an If without Otherwise has no ``else``.  The
test is the conditions construct's.

By hand, ``match`` on a value (not on ``menu(...)``, which is Choose from Menu)
means what it means in Python: the first case whose literal equals the value
runs, ``case _`` when none does.  Compiling reads it as the ``if``/``elif``/
``else`` chain that says the same (``x == "a"``, ``x == 1 or x == 2``, ``x is
None``); decompiled code keeps that chain.

Stale operands.  The app keeps the operand of a condition type the If no longer
uses (the text "png" of an If switched to "has any value", a number of an If
switched to a text test).  Such a key whose value holds no variable (a text, a
number, a boolean, a date, a span) is said once for the file, after the body, by
the If's number (Ifs counted in the order the code opens them, elif included), so
the test reads as plain Python::

    if path:                                   # the 3rd If of the file
        ...
    stale_operands({3: {"WFConditionalActionString": "png"}})

Exact because: the keys go back into the start of that same If, with the values
the general ``with_keys(test, Key=value)`` form would give (one lowering and one
parse for both); a value holding a variable stays in ``with_keys``, where the
names it reads are the ones in scope.
"""

from __future__ import annotations

import ast
import copy

from .. import ir
from ..writer import nodes
from . import conditions, values

END_FUNCTION = "if_result"
STALE_FUNCTION = "stale_operands"


LEGACY_FLAG = "WFConditionalLegacyComparisonBehavior"


def legacy_comparisons(body: list) -> bool:
    """Whether every If of the file carries ``WFConditionalLegacyComparisonBehavior: True``
    (the app's mark on Ifs it migrated): the header's ``legacy_comparisons=True`` says it once."""
    from ..lift import blocks_in_order

    starts = [b.start for b in blocks_in_order(body) if b.identifier == ir.CONDITIONAL]
    flag = ir.Literal(True)
    return bool(starts) and all(any(k == LEGACY_FLAG and v == flag for k, v in s.params) for s in starts)


def lower(ctx, block: ir.Block) -> nodes.If:
    params = block.start.params
    if ctx.legacy_comparisons:
        params = [(key, value) for key, value in params if key != LEGACY_FLAG]
    ctx.ifs_opened += 1
    number, stale = ctx.ifs_opened, {}
    test = conditions.lower(ctx, params, stale)
    if stale:
        ctx.stale_operands[number] = stale
    body = ctx.section_body(block, 0, block.sections[0].body)
    orelse = None
    if len(block.sections) > 1:
        inner = block.sections[1].body
        nested = inner[0] if len(inner) == 1 else None
        if isinstance(nested, ir.Block) and nested.identifier == ir.CONDITIONAL and not ctx.needs_end_statement(nested, False):
            ctx.begin_block(nested)
            ctx.end_id_unnamed(nested)
            with ctx.in_section(block, 1):
                orelse = lower(ctx, nested)
        else:
            orelse = ctx.section_body(block, 1, inner)
    return nodes.If(test, body, orelse)


def parse(ctx, node: ast.If) -> ir.Block:
    ctx.ifs_opened += 1
    params = conditions.parse(ctx, node.test)
    params.extend((key, values.parse(ctx, value)) for key, value in ctx.stale_operands.pop(ctx.ifs_opened, ()))
    if ctx.settings.legacy_comparisons:
        params.append((LEGACY_FLAG, ir.Literal(True)))
    start = ir.Action(ir.CONDITIONAL, params, origin=ctx.origin(node))
    block = ctx.open_block(start)
    block.sections.append(ir.Section(None, ctx.body(node.body)))
    if node.orelse:
        block.sections.append(ir.Section(ir.Action(ir.CONDITIONAL, []), ctx.body(node.orelse)))
    return block


def rewrite_value_matches(ctx, tree: ast.Module) -> None:
    """Every ``match`` on a value as the ``if`` chain that means the same, in
    place, before the names are analysed (a case that may not run is a branch
    the flow analysis must see).  Case bodies keep their identity: the comments
    placed in them stay."""
    lists = [tree.body]
    while lists:
        statements = lists.pop()
        for index, node in enumerate(statements):
            if isinstance(node, ast.Match) and not _is_menu(node.subject):
                node = statements[index] = _as_if_chain(ctx, node)
            if isinstance(node, (ast.If, ast.For)):
                lists.extend((node.body, node.orelse))
            elif isinstance(node, ast.Match):
                lists.extend(case.body for case in node.cases)


def _is_menu(subject: ast.expr) -> bool:
    return isinstance(subject, ast.Call) and isinstance(subject.func, ast.Name) and subject.func.id == "menu"


def _as_if_chain(ctx, node: ast.Match) -> ast.stmt:
    subject = node.subject
    if runs_an_action(subject):
        raise ctx.error(subject, "found match on an action's call, which each case would run again; assign its output "
                        "to a name first (`choice = ...`, then `match choice:`), or match a menu: `match menu(WFMenuPrompt=\"...\"):`")
    chain: list[ast.stmt] | None = None
    for position, case in reversed(list(enumerate(node.cases))):
        if case.guard is not None:
            raise ctx.error(case.guard, "found a guard on a case of a match on a value; test it inside the case with `if`")
        if _is_wildcard(case.pattern):
            if position != len(node.cases) - 1:
                raise ctx.error(case.pattern, "found `case _` before other cases, expected it last")
            chain = case.body
            continue
        test = _pattern_test(ctx, subject, case.pattern)
        chain = [ast.copy_location(ast.If(test, case.body, chain or []), case.pattern)]
    if chain is None:
        raise ctx.error(node, "found a match without cases")
    if len(node.cases) == 1 and _is_wildcard(node.cases[0].pattern):
        raise ctx.error(node.cases[0].pattern, "found a match whose only case is `case _`; write its body without the match")
    return chain[0]


def runs_an_action(node: ast.expr) -> bool:
    """Whether ``node`` calls a catalog action (asks, fetches...).  Each case tests the
    subject again; a variable, or a value computed from variables (``len(x)``,
    ``x.upper()``), is the same value each time."""
    from .. import catalog

    for child in ast.walk(node):
        if isinstance(child, ast.Call) and isinstance(child.func, ast.Name):
            if catalog.identifier(child.func.id) or catalog.identifier_by_alias(child.func.id):
                return True
    return False


def _is_wildcard(pattern: ast.pattern) -> bool:
    return isinstance(pattern, ast.MatchAs) and pattern.pattern is None and pattern.name is None


def _pattern_test(ctx, subject: ast.expr, pattern: ast.pattern) -> ast.expr:
    """``case "a"`` -> ``x == "a"``; ``case 1 | 2`` -> ``x == 1 or x == 2``; ``case None`` -> ``x is None``."""
    if isinstance(pattern, ast.MatchOr):
        tests = [_pattern_test(ctx, subject, option) for option in pattern.patterns]
        return ast.copy_location(ast.BoolOp(ast.Or(), tests), pattern)
    if isinstance(pattern, ast.MatchValue):
        compare = ast.Compare(copy.deepcopy(subject), [ast.Eq()], [pattern.value])
    elif isinstance(pattern, ast.MatchSingleton) and pattern.value is None:
        compare = ast.Compare(copy.deepcopy(subject), [ast.Is()], [ast.copy_location(ast.Constant(None), pattern)])
    else:
        raise ctx.error(pattern, "found a pattern a match on a value cannot have here; its cases are literals "
                        "(`case \"a\":`, `case 3:`, `case 1 | 2:`, `case None:`) and `case _:` last")
    return ast.copy_location(compare, pattern)


def stale_trailer(ctx) -> list[nodes.Stmt]:
    """``stale_operands({number: {"Key": value}})`` after the body, or nothing."""
    if not ctx.stale_operands:
        return []
    rows = [
        (values.lower_scalar(number), nodes.DictDisplay([(values.string(key), values.lower(ctx, value)) for key, value in stale.items()]))
        for number, stale in ctx.stale_operands.items()
    ]
    return [nodes.ExprStatement(nodes.Call(nodes.Name(STALE_FUNCTION), [nodes.Arg(nodes.DictDisplay(rows))]))]


def read_stale_trailer(ctx, call: ast.Call) -> dict[int, list]:
    """The If number -> stale (key, value node) pairs of a ``stale_operands({...})`` trailer."""
    table = call.args[0] if len(call.args) == 1 and not call.keywords else None
    if not isinstance(table, ast.Dict):
        raise ctx.error(call, 'found stale_operands() without one dict, expected stale_operands({3: {"Key": value}})')
    found: dict[int, list] = {}
    for number, row in zip(table.keys, table.values):
        if not (isinstance(number, ast.Constant) and type(number.value) is int and number.value > 0 and isinstance(row, ast.Dict)):
            raise ctx.error(number or row, 'found a stale_operands() entry that is not If number: {"Key": value}, expected e.g. {3: {"WFNumberValue": "4"}}')
        pairs = []
        for key, value in zip(row.keys, row.values):
            if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                raise ctx.error(key or value, "found a stale_operands() key that is not a string")
            pairs.append((key.value, value))  # parsed with the If, once the settings are read
        found[number.value] = pairs
    return found
