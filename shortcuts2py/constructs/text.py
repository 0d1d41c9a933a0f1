"""Text with variables (``WFTextTokenString``) <-> f-strings.

==================================================  =========================
plist                                               code
==================================================  =========================
token string with variables                         f"Hello {name}!"
token string without variables                      str("Hello")
plain string                                        "Hello"   (values module)
==================================================  =========================

Each variable sits in the string as U+FFFC and is listed in
``attachmentsByRange`` under ``{offset, 1}``, offsets counted in UTF-16 units
(assemble does the counting).  A token string without variables is written
by the app either with an empty ``attachmentsByRange`` or without the key;
files never mix the two, so the file's choice is one header setting
(``ctx.empty_ranges``) and ``str("...")`` means the file's spelling.

Exact because: the text parts and the variables come back in order; Python
3.11 f-string fields cannot hold a backslash or the enclosing quote, so a
value whose variables cannot be written inside a field keeps the general form.
"""

from __future__ import annotations

import ast

from .. import ir
from ..literals import escape_text
from ..writer import nodes
from . import variables

_FIELD_FORBIDDEN = ("\\", "\n", "#")


def lower(ctx, value: ir.TokenString) -> nodes.Expr:
    code = lower_as_text(ctx, value)
    return code if code is not None else general_form(ctx, value)


def lower_as_text(ctx, value: ir.TokenString) -> nodes.Expr | None:
    """``str("...")`` or ``f"..."`` when it says the value exactly, else None: a Text
    action needs to know, since its value in the general form would read back as a
    Dictionary action's."""
    if not any(isinstance(part, ir.Attachment) for part in value.parts):
        if value.has_ranges == ctx.empty_ranges:
            from .values import string

            return nodes.Call(nodes.Name("str"), [nodes.Arg(string("".join(value.parts)))])
        return None
    source = fstring_source(ctx, value.parts)
    return nodes.String(source) if source is not None else None


def fstring_source(ctx, parts: list) -> str | None:
    """``f"..."`` for text parts and attachments, or None if no quoting works."""
    for outer, inner in (('"', "'"), ("'", '"')):
        pieces = ["f", outer]
        for part in parts:
            if isinstance(part, str):
                pieces.append(escape_text(part, outer).replace("{", "{{").replace("}", "}}"))
                continue
            field = variables.lower(ctx, part, quote=inner).text
            if outer in field or field.startswith("{") or any(ch in field for ch in _FIELD_FORBIDDEN):
                break
            pieces.append("{" + field + "}")
        else:
            pieces.append(outer)
            return "".join(pieces)
    return None


def general_form(ctx, value: ir.TokenString) -> nodes.Expr:
    """The plist shape itself, each variable as ``attachment(x)``."""
    from ..assemble import utf16_length
    from .values import lower as lower_value

    text, ranges, offset = [], [], 0
    for part in value.parts:
        if isinstance(part, str):
            text.append(part)
            offset += utf16_length(part)
        else:
            ranges.append((f"{{{offset}, 1}}", ir.BareAttachment(part)))
            text.append("\ufffc")
            offset += 1
    inner = [("string", ir.Literal("".join(text)))]
    if ranges or value.has_ranges:
        inner.append(("attachmentsByRange", ir.DictValue(ranges)))
    shape = ir.DictValue([("Value", ir.DictValue(inner)), ("WFSerializationType", ir.Literal("WFTextTokenString"))])
    return lower_value(ctx, shape)


# --- parse -----------------------------------------------------------------------------


def parse_fstring(ctx, node: ast.JoinedStr) -> ir.TokenString:
    parts: list = []
    for piece in node.values:
        if isinstance(piece, ast.Constant):
            ctx.check_text(piece, piece.value)
            if parts and isinstance(parts[-1], str):
                parts[-1] += piece.value
            else:
                parts.append(piece.value)
            continue
        if piece.format_spec is not None:
            raise ctx.error(piece, "found a format spec in an f-string field, which text in Shortcuts cannot apply; "
                            "format the value first (format_number(x, 2) for 2 decimal places) and write {name}")
        if piece.conversion != -1:
            raise ctx.error(piece, "found a conversion (!r, !s, !a) in an f-string field, expected {variable}")
        parts.append(variables.parse(ctx, piece.value))
    has_variables = any(isinstance(part, ir.Attachment) for part in parts)
    return ir.TokenString(parts, has_ranges=ctx.empty_ranges and not has_variables)


def parse_str_call(ctx, node: ast.Call) -> ir.TokenString | None:
    """``str("text")``: text without variables, as the app writes it; None for ``str(variable)``."""
    if len(node.args) != 1 or node.keywords:
        raise ctx.error(node, "found str() with other arguments, expected str(\"text\") or str(variable)")
    argument = node.args[0]
    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
        ctx.check_text(argument, argument.value)
        parts = [argument.value] if argument.value else []
        return ir.TokenString(parts, has_ranges=ctx.empty_ranges)
    if isinstance(argument, ast.JoinedStr):
        return parse_fstring(ctx, argument)
    return None
