"""Choose from Menu <-> ``match menu(...)``.

=============================================  =====================================
plist                                          code
=============================================  =====================================
Choose from Menu (WFMenuItems = the titles)    match menu(WFMenuPrompt="Pick"):
a case titled "A"                              case "A":
a case whose title holds variables (its item   case "Hi Ann" if menu_case(f"Hi {name}"):
  the same text, its WFMenuItemAttributedTitle
  the text without its tag; the title is what
  the app shows)
... and more settings beside it                case "Hi Ann" if menu_case(f"Hi {name}", Key=value):
a case with other settings                     case "B" if menu_case(Key=value):
End Menu with an output or parameters          result = menu_result(...) after it
=============================================  =====================================

``WFMenuItems`` is left out when it lists exactly the cases in order (a title,
or the text of a case with variables); otherwise it is written on ``menu(...)``.
Compiling lists the cases only when each one has a short form: a menu with a
case of more settings and no ``WFMenuItems`` has no such key, and
``menu(WFMenuItems=None)`` says that of a menu whose cases are all short.

Exact because: each case is one menu item, in order, and the titles the code
does not show come back from ``menu_case(...)`` or ``WFMenuItems``.
"""

from __future__ import annotations

import ast

from .. import ir
from ..writer import nodes
from . import values
from .calls import keyword_args, parse_keywords

END_FUNCTION = "menu_result"
ITEMS_KEY, TITLE_KEY, SHOWN_KEY = "WFMenuItems", "WFMenuItemTitle", "WFMenuItemAttributedTitle"


def lower(ctx, block: ir.Block) -> nodes.Match:
    openers = [section.opener for section in block.sections[1:]]
    cases = [_case_of(ctx, opener) for opener in openers]
    params = block.start.params
    if None not in cases and _lists_the_cases(block.start.param(ITEMS_KEY), cases):
        params = [(key, value) for key, value in params if key != ITEMS_KEY]
    args = keyword_args(ctx, params, None)
    if block.start.param(ITEMS_KEY) is ir.ABSENT and None not in cases:
        args.append(nodes.Arg(nodes.Name("None"), ITEMS_KEY))  # else compiling would list the cases
    subject = nodes.Call(nodes.Name("menu"), args)
    written = []
    for index, (section, case) in enumerate(zip(block.sections[1:], cases), 1):
        with ctx.in_section(block, index):  # a guard sees no name an earlier case assigned
            pattern, guard = _case_pattern(ctx, section.opener, case)
        written.append(nodes.Case(pattern, guard, ctx.section_body(block, index, section.body)))
    return nodes.Match(subject, written)


def _case_of(ctx, opener: ir.Action) -> tuple[str, ir.TokenString | None, list] | None:
    """(title, text with variables or None, the other settings) of a case the short
    forms say, else None.  The other settings come after the title and its text, as
    the app writes them (an older app's WFMenuLegacyCancelBehavior)."""
    fields = dict(opener.params)
    title = fields.get(TITLE_KEY)
    if len(fields) != len(opener.params) or not ir.is_str_literal(title):
        return None
    if len(fields) == 1:
        return title.value, None, []
    shown = _shown_text(fields.get(SHOWN_KEY))
    if shown is None:
        return None
    others = [(key, value) for key, value in opener.params if key not in (TITLE_KEY, SHOWN_KEY)]
    if not all(_keyword_ok(key) for key, _ in others):
        return None
    if _has_variables(shown):
        from .text import fstring_source

        # menu_case(f"Hi {name}") takes an f-string only (a field Python cannot hold, such as
        # var("a#b"), leaves the case its Key=value form)
        return (title.value, shown, others) if fstring_source(ctx, shown.parts) is not None else None
    return (title.value, shown, others) if shown.has_ranges == ctx.empty_ranges else None


def _keyword_ok(key: str) -> bool:
    from ..names import is_keyword_argument

    return is_keyword_argument(key)


def _shown_text(value) -> ir.TokenString | None:
    """The text of a ``WFMenuItemAttributedTitle`` (a token string's value, untagged)."""
    from ..assemble import assemble_value
    from ..lift import lift_token_text

    if not isinstance(value, ir.DictValue):
        return None
    return lift_token_text(assemble_value(value))


def _has_variables(text: ir.TokenString) -> bool:
    return any(isinstance(part, ir.Attachment) for part in text.parts)


def _case_pattern(ctx, opener: ir.Action, case):
    if case is not None:
        title, shown, others = case
        if shown is None:
            return values.string(title), None
        # text without variables is the plain string menu_case() reads back (not str("..."))
        code = values.lower(ctx, shown) if _has_variables(shown) else values.string("".join(shown.parts))
        args = [nodes.Arg(code), *keyword_args(ctx, others, None)]
        return values.string(title), nodes.Call(nodes.Name("menu_case"), args)
    label = opener.param(TITLE_KEY)
    params = opener.params
    if ir.is_str_literal(label):
        pattern: nodes.Expr = values.string(label.value)
        params = [(key, value) for key, value in params if key != TITLE_KEY]
    else:
        pattern = nodes.Name("_")
    return pattern, nodes.Call(nodes.Name("menu_case"), keyword_args(ctx, params, None))


def _lists_the_cases(items, cases: list) -> bool:
    return (
        isinstance(items, ir.ListValue)
        and len(items.items) == len(cases)
        and all(item == _item_of(case[0], case[1]) for item, case in zip(items.items, cases))
    )


def _item_of(title: str, shown: ir.TokenString | None):
    """The WFMenuItems entry the app writes for a case: its title, or a text row."""
    if shown is None:
        return ir.Literal(title)
    return ir.DictValue([("WFItemType", ir.Literal(0)), ("WFValue", shown)])


# --- parse -----------------------------------------------------------------------------


def parse(ctx, node: ast.Match) -> ir.Block:
    subject = node.subject
    # A match on a value is an if chain by now (ifs.rewrite_value_matches).
    if subject.args:
        raise ctx.error(subject.args[0], "found a positional argument in menu(), expected Key=value")
    origin = ctx.origin(node)
    keywords, items_absent = _without_absent_items(subject.keywords)
    params = parse_keywords(ctx, keywords, None, origin)
    block = ctx.open_block(ir.Action(ir.MENU, params, origin=origin))
    block.sections.append(ir.Section(None, []))
    items, simple = [], True
    for case in node.cases:
        opener = ir.Action(ir.MENU, [], origin=ctx.origin(case.pattern))
        title = _pattern_title(ctx, case.pattern)
        if title is not None:
            opener.params.append((TITLE_KEY, ir.Literal(title)))
        if case.guard is not None:
            guard = case.guard
            if not (isinstance(guard, ast.Call) and isinstance(guard.func, ast.Name) and guard.func.id == "menu_case"):
                raise ctx.error(guard, "found a case guard, expected `if menu_case(Key=value)`")
            shown = _parse_shown(ctx, guard, title)
            if shown is not None:
                opener.params.append((SHOWN_KEY, _untagged(shown)))
                opener.params.extend(parse_keywords(ctx, guard.keywords, None, opener.origin))
                items.append(_item_of(title, shown))
            else:
                opener.params.extend(parse_keywords(ctx, guard.keywords, None, opener.origin))
                simple = False
        elif title is None:
            raise ctx.error(case.pattern, "found `case _` without a guard, expected case \"title\"")
        else:
            items.append(_item_of(title, None))
        block.sections.append(ir.Section(opener, ctx.body(case.body)))
    if block.start.param(ITEMS_KEY) is ir.ABSENT and not items_absent and simple:
        params.append((ITEMS_KEY, ir.ListValue(items)))  # a case with settings: the key stays absent
    return block


def _without_absent_items(keywords: list[ast.keyword]) -> tuple[list[ast.keyword], bool]:
    """The keywords of ``menu(...)`` but ``WFMenuItems=None``, and whether it was there:
    None is no value, it says the menu has no WFMenuItems key at all."""
    kept = [k for k in keywords if not (k.arg == ITEMS_KEY and isinstance(k.value, ast.Constant) and k.value.value is None)]
    return kept, len(kept) != len(keywords)


def _parse_shown(ctx, guard: ast.Call, title: str | None) -> ir.TokenString | None:
    """``menu_case(f"Hi {name}", ...)``: the text a case shows, with variables; None for
    Key=value alone.  Keywords beside the text are the case's other settings."""
    if not guard.args:
        return None
    if len(guard.args) != 1 or title is None:
        raise ctx.error(guard, "found menu_case() with other arguments, expected case \"title\" if menu_case(f\"text {x}\") or menu_case(Key=value)")
    for keyword in guard.keywords:
        if keyword.arg in (TITLE_KEY, SHOWN_KEY):
            raise ctx.error(keyword.value, f"found {keyword.arg}= beside the shown text, expected the case's title in its pattern and its text as menu_case's first argument")
    from . import text

    node = guard.args[0]
    if isinstance(node, ast.JoinedStr):
        return text.parse_fstring(ctx, node)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        ctx.check_text(node, node.value)
        return ir.TokenString([node.value] if node.value else [], has_ranges=ctx.empty_ranges)
    raise ctx.error(node, "found menu_case() with something other than text, expected an f-string")


def _untagged(shown: ir.TokenString) -> ir.Value:
    """A token string's value without its tag, as WFMenuItemAttributedTitle holds it.

    Its attachments are the text's own, not copies: an id that parsing settles
    later (``missing_output``, ``ref``) must reach both places the title stands."""
    from ..assemble import assemble_token_text

    assembled = assemble_token_text(shown)  # for the string and the ranges the app writes
    items = [(key, ir.Literal(value)) for key, value in assembled.items() if key != "attachmentsByRange"]
    if "attachmentsByRange" in assembled:
        originals = [part for part in shown.parts if isinstance(part, ir.Attachment)]
        ranges = ir.DictValue([(where, ir.BareAttachment(a)) for where, a in zip(assembled["attachmentsByRange"], originals)])
        items.insert(1 if items else 0, ("attachmentsByRange", ranges))
    return ir.DictValue(items)


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
