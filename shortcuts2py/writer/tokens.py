"""Statements as token lists, for the few lines too long to write as they are.

A token carries what black's line splitting asks of a leaf: its kind, its
spelling and the space before it, where a line may break around it (its
delimiter priority), what kind of bracket it is (a call's or a display's), and
whether it is a ``*``/``**`` of a call argument.  Optional parentheses (the
ones black may add around an assigned value, a condition, a loop's target and
iterable, a case pattern and a guard) are tokens whose spelling is empty until
a split makes them visible.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import nodes as n
from .width import text_width

# Token kinds.
NAME, NUMBER, STRING, LPAR, RPAR, LSQB, RSQB, LBRACE, RBRACE = range(9)
COMMA, DOT, COLON, EQUAL, DOUBLESTAR, STAR, PLUS, MINUS, TILDE, COMPARE, OPERATOR = range(9, 20)
OPENERS = frozenset({LPAR, LSQB, LBRACE})
CLOSERS = frozenset({RPAR, RSQB, RBRACE})
CLOSER_OF = {LPAR: RPAR, LSQB: RSQB, LBRACE: RBRACE}

# Delimiter priorities (higher splits first), as black ranks them.
COMMA_PRIORITY = 18
LOGIC_PRIORITY = 14
COMPARATOR_PRIORITY = 10
DOT_PRIORITY = 1
AFTER_BRACKET = -1  # an attribute dot: a delimiter only right after a closing bracket
_MATH_PRIORITY = {
    "|": 9,
    "^": 8,
    "&": 7,
    "<<": 6,
    ">>": 6,
    "+": 5,
    "-": 5,
    "*": 4,
    "/": 4,
    "//": 4,
    "%": 4,
    "@": 4,
    "**": 2,
}
_OPERATOR_KIND = {"+": PLUS, "-": MINUS, "*": STAR, "**": DOUBLESTAR, "~": TILDE}

# Roles.  Of a bracket: what it belongs to.  Of a comma: what it separates.
TRAILER = 1  # a call's parentheses or a subscript's brackets; a comma between call arguments
ATOM = 2  # a display or explicit parentheses
OPTIONAL = 3  # optional parentheses (empty until a split shows them)
CASE_PATTERN = 4  # the optional parentheses around a case pattern
ADDED = 5  # a trailing comma the split added


class Token:
    """One leaf of a line.  ``space`` is the whitespace black puts before it
    inside a line; ``prefix`` is what it has now (a line's first token has
    none).  ``depth``, ``opening`` are rewritten whenever a line tracks the
    token, as black rewrites them on its leaves.  ``attached`` is False for
    tokens black would hold without a parent node (added commas, hugged
    ``**`` operands, and leaves replaced by a copy)."""

    __slots__ = (
        "kind",
        "value",
        "prefix",
        "space",
        "width",
        "length",
        "depth",
        "opening",
        "before",
        "role",
        "star_arg",
        "attached",
    )

    def __init__(self, kind: int, value: str, space: str, before: int = 0, role: int = 0):
        self.kind = kind
        self.value = value
        self.prefix = space
        self.space = space
        self.width = text_width(value)
        self.length = len(value)
        self.depth = 0
        self.opening: Token | None = None
        self.before = before
        self.role = role
        self.star_arg = False
        self.attached = True

    def copy(self) -> Token:
        twin = Token.__new__(Token)
        twin.kind = self.kind
        twin.value = self.value
        twin.prefix = self.prefix
        twin.space = self.space
        twin.width = self.width
        twin.length = self.length
        twin.depth = self.depth
        twin.opening = None
        twin.before = self.before
        twin.role = self.role
        twin.star_arg = self.star_arg
        twin.attached = self.attached
        return twin

    def make_visible(self) -> None:
        """Give optional parentheses their spelling (black's ensure_visible)."""
        if not self.value:
            self.value = "(" if self.kind == LPAR else ")"
            self.width = self.length = 1

    def __repr__(self) -> str:
        return f"Token({self.value!r})"


# --- expressions -----------------------------------------------------------------------

Emit = Callable[[Any, str, list[Token]], None]


def expression(node: n.Expr, space: str, out: list[Token]) -> None:
    """Append the tokens of ``node``; ``space`` goes before its first token."""
    _EMITTERS[type(node)](node, space, out)


def _name(node: n.Expr, space: str, out: list[Token]) -> None:
    out.append(Token(NAME, node.text, space))


def _number(node: n.Expr, space: str, out: list[Token]) -> None:
    out.append(Token(NUMBER, node.text, space))


def _string(node: n.Expr, space: str, out: list[Token]) -> None:
    out.append(Token(STRING, node.text, space))


def _paren(node: n.Paren, space: str, out: list[Token]) -> None:
    out.append(Token(LPAR, "(", space, role=ATOM))
    expression(node.value, "", out)
    out.append(Token(RPAR, ")", "", role=ATOM))


def _items(items: list[n.Expr], out: list[Token]) -> None:
    for index, item in enumerate(items):
        if index:
            out.append(Token(COMMA, ",", ""))
        expression(item, " " if index else "", out)


def _list(node: n.ListDisplay, space: str, out: list[Token]) -> None:
    out.append(Token(LSQB, "[", space, role=ATOM))
    _items(node.items, out)
    out.append(Token(RSQB, "]", "", role=ATOM))


def _tuple(node: n.TupleDisplay, space: str, out: list[Token]) -> None:
    if not node.parens:
        _bare_tuple(node, space, out)
        return
    out.append(Token(LPAR, "(", space, role=ATOM))
    _items(node.items, out)
    if len(node.items) == 1:
        out.append(Token(COMMA, ",", ""))
    out.append(Token(RPAR, ")", "", role=ATOM))


def _bare_tuple(node: n.TupleDisplay, space: str, out: list[Token]) -> None:
    start = len(out)
    _items(node.items, out)
    out[start].prefix = out[start].space = space


def _dict(node: n.DictDisplay, space: str, out: list[Token]) -> None:
    out.append(Token(LBRACE, "{", space, role=ATOM))
    for index, (key, value) in enumerate(node.entries):
        if index:
            out.append(Token(COMMA, ",", ""))
        dict_entry(key, value, " " if index else "", out)
    out.append(Token(RBRACE, "}", "", role=ATOM))


def dict_entry(key: n.Expr | None, value: n.Expr, space: str, out: list[Token]) -> None:
    """``key: value`` or ``**value``."""
    if key is None:
        out.append(Token(DOUBLESTAR, "**", space))
        expression(n._operand(value, n.BIT_OR), "", out)
    else:
        expression(key, space, out)
        out.append(Token(COLON, ":", ""))
        expression(value, " ", out)


def _primary(node: n.Call | n.Attribute | n.Subscript, space: str, out: list[Token]) -> None:
    """A chain of calls, attributes and subscripts (``x["a"]["b"]``, ``x.as_type(...).Name``).

    The chain is walked in a loop, not by recursion: decompiled code may hold a
    variable with hundreds of steps, one link each, and the writer must go as
    deep as the compiler reads."""
    links = []
    while type(node) in _TRAILERS:
        links.append(node)
        node = node.func if type(node) is n.Call else node.value
    expression(node, space, out)
    for link in reversed(links):
        _TRAILERS[type(link)](link, out)


def _call(node: n.Call, out: list[Token]) -> None:
    """The trailer of a call: its arguments in parentheses."""
    out.append(Token(LPAR, "(", "", role=TRAILER))
    for index, arg in enumerate(node.args):
        if index:
            out.append(Token(COMMA, ",", "", role=TRAILER))
        call_argument(arg, " " if index else "", out)
    out.append(Token(RPAR, ")", "", role=TRAILER))


def call_argument(arg: n.Arg, space: str, out: list[Token]) -> None:
    """``value``, ``keyword=value``, ``*value`` or ``**value``."""
    if arg.keyword is not None:
        out.append(Token(NAME, arg.keyword, space))
        out.append(Token(EQUAL, "=", ""))
        expression(arg.value, "", out)
    elif arg.star:
        star = Token(DOUBLESTAR if arg.star == "**" else STAR, arg.star, space)
        star.star_arg = True
        out.append(star)
        expression(n._operand(arg.value, n.BIT_OR), "", out)
    else:
        expression(arg.value, space, out)


def _attribute(node: n.Attribute, out: list[Token]) -> None:
    out.append(Token(DOT, ".", "", before=AFTER_BRACKET))
    out.append(Token(NAME, node.attr, ""))


def _subscript(node: n.Subscript, out: list[Token]) -> None:
    out.append(Token(LSQB, "[", "", role=TRAILER))
    expression(node.index, "", out)
    out.append(Token(RSQB, "]", "", role=TRAILER))


def _unary(node: n.UnaryOp, space: str, out: list[Token]) -> None:
    if node.op == "not":
        out.append(Token(NAME, "not", space))
        expression(node.operand, " ", out)
    else:
        out.append(Token(_OPERATOR_KIND.get(node.op, OPERATOR), node.op, space))
        expression(node.operand, "", out)


def _binary(node: n.BinaryOp, space: str, out: list[Token]) -> None:
    expression(node.left, space, out)
    out.append(Token(_OPERATOR_KIND.get(node.op, OPERATOR), node.op, " ", before=_MATH_PRIORITY[node.op]))
    expression(node.right, " ", out)


def _compare(node: n.Compare, space: str, out: list[Token]) -> None:
    expression(node.left, space, out)
    for op, right in node.comparisons:
        if op == "not in":
            out.append(Token(NAME, "not", " ", before=COMPARATOR_PRIORITY))
            out.append(Token(NAME, "in", " "))
        elif op == "is not":
            out.append(Token(NAME, "is", " ", before=COMPARATOR_PRIORITY))
            out.append(Token(NAME, "not", " "))
        elif op in ("in", "is"):
            out.append(Token(NAME, op, " ", before=COMPARATOR_PRIORITY))
        else:
            out.append(Token(COMPARE, op, " ", before=COMPARATOR_PRIORITY))
        expression(right, " ", out)


def _boolean(node: n.BoolOp, space: str, out: list[Token]) -> None:
    for index, value in enumerate(node.values):
        if index:
            out.append(Token(NAME, node.op, " ", before=LOGIC_PRIORITY))
        expression(value, " " if index else space, out)


_EMITTERS: dict[type, Emit] = {
    n.Name: _name,
    n.Number: _number,
    n.String: _string,
    n.Paren: _paren,
    n.ListDisplay: _list,
    n.TupleDisplay: _tuple,
    n.DictDisplay: _dict,
    n.Call: _primary,
    n.Attribute: _primary,
    n.Subscript: _primary,
    n.UnaryOp: _unary,
    n.BinaryOp: _binary,
    n.Compare: _compare,
    n.BoolOp: _boolean,
}

# The links of a chain, each emitting the part after what it applies to.
_TRAILERS: dict[type, Callable[[Any, list[Token]], None]] = {n.Call: _call, n.Attribute: _attribute, n.Subscript: _subscript}


# --- statement positions ---------------------------------------------------------------

def optional_parens(node: n.Expr, space: str, out: list[Token], *, unpack: bool = False, role: int = OPTIONAL) -> None:
    """Append ``node`` where black may put parentheses it can drop again (after
    ``=``, ``if``, ``in``, ``case``...).  Redundant explicit parentheses turn
    into optional ones; a tuple keeps its parentheses unless ``unpack`` (a loop
    target), where black drops them."""
    stripped = False
    while isinstance(node, n.Paren):
        node = node.value
        stripped = True
    if isinstance(node, n.TupleDisplay) and not node.parens and len(node.items) == 1:
        node = n.TupleDisplay(node.items)  # black writes a bare one-item tuple as (a,)
        if not stripped:
            expression(node, space, out)
            return
    if isinstance(node, n.TupleDisplay) and node.parens:
        if unpack and len(node.items) >= 2:
            node = n.TupleDisplay(node.items, parens=False)
        elif not stripped:
            expression(node, space, out)  # (), (a,) and (a, b) stay as they are
            return
    out.append(Token(LPAR, "", space, role=role))
    if isinstance(node, n.TupleDisplay) and not node.parens:
        _bare_tuple(node, "", out)
    else:
        expression(node, "", out)
    out.append(Token(RPAR, "", "", role=role))


def position_text(node: n.Expr, *, unpack: bool = False) -> str:
    """The one-line spelling of ``node`` at such a position."""
    while isinstance(node, n.Paren):
        node = node.value
    if isinstance(node, n.TupleDisplay) and len(node.items) >= 2 and (unpack or not node.parens):
        return ", ".join(item.text for item in node.items)
    if isinstance(node, n.TupleDisplay) and not node.parens:
        return f"({node.text})"  # black parenthesises a bare one-item tuple
    return node.text


_ARITH_LIKE = frozenset({"+", "-", "<<", ">>", "^", "&"})


def is_arith_like(node: n.Expr) -> bool:
    """black wraps an expression statement in optional parentheses only for
    these operators (its arith_expr, shift_expr, xor_expr and and_expr)."""
    return isinstance(node, n.BinaryOp) and node.op in _ARITH_LIKE
