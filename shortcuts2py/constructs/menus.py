"""Choose from Menu <-> ``match menu(...)``.

=============================================  =====================================
plist                                          code
=============================================  =====================================
Choose from Menu (WFMenuItems = the titles)    match menu(WFMenuPrompt="Pick"):
a case titled "A"                              case "A":
a case with more settings                      case "B" if menu_case(Key=value):
End Menu with an output or parameters          result = menu_result(...) after it
=============================================  =====================================

``WFMenuItems`` is left out when it lists exactly the case titles in order;
otherwise it is written on ``menu(...)`` and the cases keep their titles.
"""

from __future__ import annotations

import ast

from .. import ir
from ..writer import nodes
from . import values
from .calls import keyword_args, parse_keywords

END_FUNCTION = "menu_result"
ITEMS_KEY, TITLE_KEY = "WFMenuItems", "WFMenuItemTitle"


def lower(ctx, block: ir.Block) -> nodes.Match:
    openers = [section.opener for section in block.sections[1:]]
    titles = [_simple_title(opener) for opener in openers]
    params = block.start.params
    if None not in titles and _is_title_list(block.start.param(ITEMS_KEY), titles):
        params = [(key, value) for key, value in params if key != ITEMS_KEY]
    subject = nodes.Call(nodes.Name("menu"), keyword_args(ctx, params, None))
    cases = []
    for index, (section, title) in enumerate(zip(block.sections[1:], titles), 1):
        pattern, guard = _case_pattern(ctx, section.opener, title)
        cases.append(nodes.Case(pattern, guard, ctx.section_body(block, index, section.body)))
    return nodes.Match(subject, cases)


def _case_pattern(ctx, opener: ir.Action, title):
    if title is not None:
        return values.string(title), None
    label = opener.param(TITLE_KEY)
    params = opener.params
    if ir.is_str_literal(label):
        pattern: nodes.Expr = values.string(label.value)
        params = [(key, value) for key, value in params if key != TITLE_KEY]
    else:
        pattern = nodes.Name("_")
    return pattern, nodes.Call(nodes.Name("menu_case"), keyword_args(ctx, params, None))


def _simple_title(opener: ir.Action) -> str | None:
    if len(opener.params) == 1 and opener.params[0][0] == TITLE_KEY and ir.is_str_literal(opener.params[0][1]):
        return opener.params[0][1].value
    return None


def _is_title_list(items, titles: list) -> bool:
    return (
        isinstance(items, ir.ListValue)
        and len(items.items) == len(titles)
        and all(ir.is_str_literal(item) and item.value == title for item, title in zip(items.items, titles))
    )


# --- parse -----------------------------------------------------------------------------


def parse(ctx, node: ast.Match) -> ir.Block:
    subject = node.subject
    if not (isinstance(subject, ast.Call) and isinstance(subject.func, ast.Name) and subject.func.id == "menu"):
        raise ctx.error(subject, "found match on something else, expected `match menu(WFMenuPrompt=\"...\"):`")
    if subject.args:
        raise ctx.error(subject.args[0], "found a positional argument in menu(), expected Key=value")
    origin = ctx.origin(node)
    params = parse_keywords(ctx, subject.keywords, None, origin)
    block = ctx.open_block(ir.Action(ir.MENU, params, origin=origin))
    block.sections.append(ir.Section(None, []))
    titles, simple = [], True
    for case in node.cases:
        opener = ir.Action(ir.MENU, [], origin=ctx.origin(case.pattern))
        title = _pattern_title(ctx, case.pattern)
        if title is not None:
            opener.params.append((TITLE_KEY, ir.Literal(title)))
            titles.append(title)
        if case.guard is not None:
            guard = case.guard
            if not (isinstance(guard, ast.Call) and isinstance(guard.func, ast.Name) and guard.func.id == "menu_case"):
                raise ctx.error(guard, "found a case guard, expected `if menu_case(Key=value)`")
            if guard.args:
                raise ctx.error(guard.args[0], "found a positional argument in menu_case(), expected Key=value")
            opener.params.extend(parse_keywords(ctx, guard.keywords, None, opener.origin))
            simple = False
        elif title is None:
            raise ctx.error(case.pattern, "found `case _` without a guard, expected case \"title\"")
        block.sections.append(ir.Section(opener, ctx.body(case.body)))
    if block.start.param(ITEMS_KEY) is ir.ABSENT:
        if not simple:
            raise ctx.error(subject, "found menu() without WFMenuItems while a case has a guard, expected WFMenuItems=[...]")
        params.append((ITEMS_KEY, ir.ListValue([ir.Literal(title) for title in titles])))
    return block


def _pattern_title(ctx, pattern) -> str | None:
    if isinstance(pattern, ast.MatchValue):
        value = pattern.value
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            ctx.check_text(value, value.value)
            return value.value
        raise ctx.error(pattern, "found a case pattern that is not a string, expected case \"title\"")
    if isinstance(pattern, ast.MatchAs) and pattern.pattern is None and pattern.name is None:
        return None
    raise ctx.error(pattern, "found a case pattern the app cannot test, expected case \"title\" or case _")
