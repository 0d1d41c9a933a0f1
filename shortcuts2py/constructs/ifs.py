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
=========================================  ===================================

An empty branch is ``pass``; an If without Otherwise has no ``else``.  The
test is the conditions construct's.

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
