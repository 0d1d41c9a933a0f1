"""If / Otherwise / End If <-> ``if`` / ``elif`` / ``else``.

=========================================  ===================================
plist                                      code
=========================================  ===================================
If ... (group start)                       if test:
Otherwise                                  else:
Otherwise holding only another If          elif test:
End If with an output or parameters        result = if_result(...) after it
=========================================  ===================================

An empty branch is ``pass``; an If without Otherwise has no ``else``.  The
test is the conditions construct's.
"""

from __future__ import annotations

import ast

from .. import ir
from ..writer import nodes
from . import conditions

END_FUNCTION = "if_result"


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
    test = conditions.lower(ctx, params)
    body = ctx.section_body(block, 0, block.sections[0].body)
    orelse = None
    if len(block.sections) > 1:
        inner = block.sections[1].body
        nested = inner[0] if len(inner) == 1 else None
        if isinstance(nested, ir.Block) and nested.identifier == ir.CONDITIONAL and not ctx.needs_end_statement(nested, False):
            ctx.begin_block(nested)
            if nested.identifier in ctx.block_ids:
                ctx.piece_ids[-1].append(nested.end.uuid)
            with ctx.in_section(block, 1):
                orelse = lower(ctx, nested)
        else:
            orelse = ctx.section_body(block, 1, inner)
    return nodes.If(test, body, orelse)


def parse(ctx, node: ast.If) -> ir.Block:
    params = conditions.parse(ctx, node.test)
    if ctx.settings.legacy_comparisons:
        params.append((LEGACY_FLAG, ir.Literal(True)))
    start = ir.Action(ir.CONDITIONAL, params, origin=ctx.origin(node))
    block = ctx.open_block(start)
    block.sections.append(ir.Section(None, ctx.body(node.body)))
    if node.orelse:
        block.sections.append(ir.Section(ir.Action(ir.CONDITIONAL, []), ctx.body(node.orelse)))
    return block
