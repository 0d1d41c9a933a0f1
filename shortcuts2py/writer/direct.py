"""The common long statements, laid out directly.

Most long lines in decompiled code are one shape: a call (or a list or dict
display) whose arguments are literals, names and more calls and displays,
assigned to a name or written on its own.  For that shape black's splitting
comes down to a few rules, applied from the outside in:

* the statement breaks after its last opening bracket (``x = f(``), the
  arguments go one level deeper and ``)`` closes on its own line;
* a display holding commas always puts one item per line; a call's arguments
  stay on one line if they fit, else go one per line; a trailing comma is
  added after the last of several items (after ``*args``/``**kwargs`` only
  when the file allows it);
* each item line that is still too long breaks the same way at its own last
  bracket; an item with no brackets stays long;
* ``x = <literal>`` that is too long is wrapped in parentheses when a single
  token then fits (or when there are several targets), else left long.

An item line of another shape is handed to the general splitter
(``writer.split``), which follows black step by step, on its own: black
splits each item line independently of the rest.  A statement whose head
does not fit, or of another shape, goes to the general splitter whole
(``statement_lines`` returns None); so does an item line whose head does not
fit.

Why this is exact (and not only close): the optional parentheses black puts
around an assigned value are dropped because the value (a call or display)
has no delimiter of its own; the head ``x = f(`` then fits, so no other
split is tried; a call's or display's body holds nothing but its items and
the commas between them; black's second pass (which reads added trailing
commas as magic) explodes exactly the brackets the first pass exploded.
tests/test_writer.py checks it against black on random statements.
"""

from __future__ import annotations

from collections.abc import Callable

from . import nodes as n
from . import split, tokens
from .width import text_width

LINE_LENGTH = 88
StarComma = Callable[[], bool]
Entry = tuple[n.Expr | None, n.Expr]


class _Item:
    """One item of a call or display, written ``prefix`` + ``node``; the
    ``source`` (a call argument, a dict entry or a list element) is what the
    general splitter is given when the item needs it."""

    __slots__ = ("prefix", "node", "source")

    def __init__(self, prefix: str, node: n.Expr, source: n.Arg | Entry | n.Expr):
        self.prefix = prefix
        self.node = node
        self.source = source


def statement_lines(statement: n.Stmt, depth: int, star_comma: StarComma) -> list[str] | None:
    """The lines black makes of a statement too long for one line, or None
    when the shape is not one handled here.  ``star_comma()`` tells whether a
    trailing comma may follow ``*args``/``**kwargs`` in this file."""
    if isinstance(statement, n.Assign):
        if not all(isinstance(target, n.Name) for target in statement.targets):
            return None
        prefix = " = ".join(target.text for target in statement.targets) + " = "
        return _assignment(prefix, statement.value, depth, len(statement.targets) > 1, star_comma)
    if isinstance(statement, n.AugAssign):
        if not isinstance(statement.target, n.Name):
            return None
        op = statement.op if statement.op.endswith("=") else statement.op + "="
        return _assignment(f"{statement.target.text} {op} ", statement.value, depth, False, star_comma)
    if isinstance(statement, n.ExprStatement) and _splittable(statement.value):
        out: list[str] = []
        return out if _split_at_brackets("", statement.value, "", depth, out, star_comma) else None
    return None


def header_lines(prefix: str, value: n.Expr, depth: int, star_comma: StarComma) -> list[str] | None:
    """The lines of a block header ``prefix value:`` too long for one line
    (``if f(...):``, ``for x in f(...):``, ``match f(...):``, ``case "A" if
    f(...):``), or None when ``value`` is not a call or display.  black splits
    inside the value's brackets: the optional parentheses around it are never
    needed, since the value has no delimiter of its own and ``if`` is no
    assignment."""
    out: list[str] = []
    if _splittable(value) and _split_at_brackets(prefix, value, ":", depth, out, star_comma):
        return out
    return None


def _assignment(prefix: str, value: n.Expr, depth: int, chained: bool, star_comma: StarComma) -> list[str] | None:
    out: list[str] = []
    indent = "    " * depth
    if _splittable(value):
        if not _split_at_brackets(prefix, value, "", depth, out, star_comma):
            return None
    elif chained:
        # black could split at the optional parentheses around a target; it
        # keeps them on the value while ``a = b = (`` fits in 87 columns.
        if not (_bracketless(value) or _empty_brackets(value)) or not _fits(depth, prefix + "(", LINE_LENGTH - 1):
            return None
        out += [indent + prefix + "(", indent + "    " + value.text, indent + ")"]
    elif isinstance(value, (n.Name, n.Number, n.String)):
        # One token: black wraps it in parentheses if that makes it fit;
        # otherwise the line stays long.
        if _fits(depth + 1, value.text):
            out += [indent + prefix + "(", indent + "    " + value.text, indent + ")"]
        else:
            out.append(indent + prefix + value.text)
    elif _bracketless(value) or _empty_brackets(value):
        # Several tokens: black always uses the parentheses.
        out += [indent + prefix + "(", indent + "    " + value.text, indent + ")"]
    else:
        return None
    return out


def _split_at_brackets(prefix: str, node: n.Expr, suffix: str, depth: int, out: list[str], star_comma: StarComma) -> bool:
    """``prefix node suffix`` broken after ``node``'s opening bracket; False
    (and nothing written) when that first line would not fit."""
    if isinstance(node, n.Call):
        head = prefix + node.func.text + "("
        closing = ")"
        display = False
        items = [_argument(arg) for arg in node.args]
        # black adds the comma after *args/**kwargs only for Python 3.5+ files.
        comma_after_last = not any(arg.star for arg in node.args) or star_comma()
    elif isinstance(node, n.ListDisplay):
        head, closing, display, comma_after_last = prefix + "[", "]", True, True
        items = [_Item("", item, item) for item in node.items]
    else:
        assert isinstance(node, n.DictDisplay)
        head, closing, display, comma_after_last = prefix + "{", "}", True, True
        items = [_entry(key, value) for key, value in node.entries]
    if not _fits(depth, head):
        return False  # black would try other splits: not handled here
    indent = "    " * depth
    out.append(indent + head)
    _body(items, depth + 1, display, comma_after_last, out, star_comma)
    out.append(indent + closing + suffix)
    return True


def _body(items: list[_Item], depth: int, display: bool, comma_after_last: bool, out: list[str], star_comma: StarComma) -> None:
    if len(items) == 1:
        _item(items[0], "", depth, out, star_comma)
        return
    if not display:
        joined = ", ".join(item.prefix + item.node.text for item in items)
        if _fits(depth, joined):
            out.append("    " * depth + joined)
            return
    last = len(items) - 1
    for index, item in enumerate(items):
        if index < last:
            _item(item, ",", depth, out, star_comma, call=not display)
        elif comma_after_last:
            _item(item, ",", depth, out, star_comma, call=not display, added=True)
        else:
            _item(item, "", depth, out, star_comma)


def _item(item: _Item, suffix: str, depth: int, out: list[str], star_comma: StarComma, call: bool = False, added: bool = False) -> None:
    node = item.node
    text = item.prefix + node.text + suffix
    if _fits(depth, text):
        out.append("    " * depth + text)
    elif isinstance(item.source, tuple) and not _bracketless(item.source[0]):
        _general(item, suffix, depth, out, star_comma, call, added)  # a key that could split itself
    elif _splittable(node) and _split_at_brackets(item.prefix, node, suffix, depth, out, star_comma):
        pass
    elif _bracketless(node) or _empty_brackets(node):
        out.append("    " * depth + text)  # nothing to split at: it stays long
    else:  # another shape, or a head that does not fit
        _general(item, suffix, depth, out, star_comma, call, added)


def _general(item: _Item, suffix: str, depth: int, out: list[str], star_comma: StarComma, call: bool, added: bool) -> None:
    """One item line split by the general splitter, as black splits it."""
    token_list: list[tokens.Token] = []
    source = item.source
    if isinstance(source, tuple):
        tokens.dict_entry(source[0], source[1], "", token_list)
    elif isinstance(source, n.Arg):
        tokens.call_argument(source, "", token_list)
    else:
        tokens.expression(source, "", token_list)
    if suffix:
        comma = tokens.Token(tokens.COMMA, ",", "", role=tokens.ADDED if added else tokens.TRAILER if call else 0)
        comma.attached = not added  # black's added comma has no parent node
        token_list.append(comma)
    line = split.Line(depth, inside=True)
    for token in token_list:
        line.append(token)
    features = split.STAR_COMMA if any(token.star_arg for token in token_list) and star_comma() else 0
    pieces = split.split_line(line, features, tokens.TRAILER if call else 0)
    out.extend(split.render(piece) for piece in pieces)


def _argument(arg: n.Arg) -> _Item:
    if arg.keyword is not None:
        return _Item(arg.keyword + "=", arg.value, arg)
    if arg.star:
        return _Item(arg.star, n._operand(arg.value, n.BIT_OR), arg)
    return _Item("", arg.value, arg)


def _entry(key: n.Expr | None, value: n.Expr) -> _Item:
    if key is None:
        return _Item("**", n._operand(value, n.BIT_OR), (key, value))
    return _Item(key.text + ": ", value, (key, value))


def _fits(depth: int, text: str, limit: int = LINE_LENGTH) -> bool:
    columns = len(text) if text.isascii() else text_width(text)
    return 4 * depth + columns <= limit


def _dotted(node: n.Expr) -> bool:
    while isinstance(node, n.Attribute):
        node = node.value
    return isinstance(node, n.Name)


def _bracketless(node: n.Expr | None) -> bool:
    """A literal, a name or dotted name, or a signed number: no bracket and
    no place black would split at (None: a ``**`` entry)."""
    if node is None or isinstance(node, (n.Name, n.Number, n.String)):
        return True
    if isinstance(node, n.UnaryOp) and node.op in ("-", "+"):
        return isinstance(node.operand, n.Number)
    return isinstance(node, n.Attribute) and _dotted(node)


def _empty_brackets(node: n.Expr) -> bool:
    if isinstance(node, n.Call):
        return not node.args and _dotted(node.func)
    if isinstance(node, n.ListDisplay):
        return not node.items
    return isinstance(node, n.DictDisplay) and not node.entries


def _splittable(node: n.Expr) -> bool:
    """A call of a (dotted) name with arguments, or a non-empty list or dict."""
    if isinstance(node, n.Call):
        return bool(node.args) and _dotted(node.func)
    if isinstance(node, n.ListDisplay):
        return bool(node.items)
    if isinstance(node, n.DictDisplay):
        return bool(node.entries)
    return False
