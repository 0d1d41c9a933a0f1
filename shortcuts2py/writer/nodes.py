"""The code model: the small syntax tree that decompiled code is built from.

Constructs build these nodes; ``writer.layout`` prints them exactly as black
would lay them out.  Every expression node knows its own one-line spelling
(``text``) as soon as it is made, because almost every statement fits on one
line and then nothing else is needed; only a line that is too long is looked
at again, node by node (``writer.tokens``).

The one-line spelling is already black's: spaces around binary operators, none
inside brackets, ``**`` hugged where black hugs it, parentheses where black
adds them (``-(2**8)``, ``(1).real``) and lowercase hexadecimal escapes in
strings.

Nodes never hold comments inside expressions: comments are statements here
(a run of ``# ...`` lines is a Comment action), so only ``CommentLines``
carries them.
"""

from __future__ import annotations

import re

# Operator precedence, loosest first (the Python reference, "Operator precedence").
LAMBDA, TERNARY, OR, AND, NOT, COMPARE, BIT_OR, BIT_XOR, BIT_AND, SHIFT, SUM, PRODUCT, UNARY, POWER, AWAIT, PRIMARY, ATOM = range(17)

_BINARY_PRECEDENCE = {
    "|": BIT_OR,
    "^": BIT_XOR,
    "&": BIT_AND,
    "<<": SHIFT,
    ">>": SHIFT,
    "+": SUM,
    "-": SUM,
    "*": PRODUCT,
    "/": PRODUCT,
    "//": PRODUCT,
    "%": PRODUCT,
    "@": PRODUCT,
    "**": POWER,
}
COMPARISON_OPERATORS = frozenset({"==", "!=", "<", "<=", ">", ">=", "in", "not in", "is", "is not"})
# Comparison operators spelled with words: the tokens after them continue a
# run of names, which matters to black's ``**`` hugging (see ``lead``).
_WORD_COMPARISONS = frozenset({"in", "not in", "is", "is not"})

# How an expression begins, as black's power-operator hugging reads it: it
# walks from the operand after ``**`` over names and dots, and the operand is
# "simple" unless that walk runs into ``(`` or ``[``.
OPEN = 0  # the walk meets ``(`` or ``[`` (also when the expression starts with one)
SHUT = 1  # starts with a name or number, and the walk stops at some other token
OTHER = 2  # starts with some other token (a string, ``{``, a unary sign)
ALL = 3  # nothing but names and dots: the walk runs on into what follows


class Expr:
    """An expression; ``text`` is its spelling on one line, ``precedence`` how
    tightly it binds (so a parent knows when to add parentheses).

    Two more facts serve ``**`` hugging, which depends on the tokens that
    follow an operand: ``lead`` (one of OPEN, SHUT, OTHER, ALL: how the
    expression starts) and ``pending`` (when positive, the text ends with a
    hugged ``a**b`` whose hugging holds only if what follows is not a name
    chain running into a bracket; ``pending`` is the length of the text after
    that ``**``)."""

    __slots__ = ("text", "precedence")
    text: str
    precedence: int
    lead: int = OTHER
    pending: int = 0


# --- atoms ---------------------------------------------------------------------------


class Name(Expr):
    """An identifier, or one of the constants True, False, None."""

    __slots__ = ()
    lead = ALL

    def __init__(self, name: str):
        self.text = name
        self.precedence = ATOM


class Number(Expr):
    """A numeric literal, already spelled as black spells it (see ``number_text``)."""

    __slots__ = ()
    lead = SHUT

    def __init__(self, text: str):
        self.text = text
        self.precedence = ATOM


# black lowercases the hexadecimal digits of escapes and uppercases \N{...} names.
_ESCAPE = re.compile(r"(\\+)(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|N\{[a-zA-Z0-9 \-]{2,}\})")
# Where _ESCAPE could change something: an uppercase hex digit in an escape, or a \N{...}.
# Searched first, in C, because most escapes (every byte of an icon image) are already
# lowercase and calling _normal_escape on each costs far more than the search.
_ESCAPE_TO_NORMALISE = re.compile(r"\\(?:u[0-9a-f]{0,3}[A-F]|U[0-9a-f]{0,7}[A-F]|x[0-9a-f]?[A-F]|N\{)")


def _normal_escape(match: re.Match[str]) -> str:
    backslashes, body = match.groups()
    if len(backslashes) % 2 == 0:  # an escaped backslash, not an escape
        return match.group(0)
    if body[0] == "N":
        return backslashes + "N{" + body[2:-1].upper() + "}"
    return backslashes + body[0] + body[1:].lower()


class String(Expr):
    """One string, bytes or f-string literal token, spelled in full (prefix and
    quotes included), on one line.  Quotes are the caller's choice; black keeps
    them.  Escapes are normalised as black normalises them (``\\xAB`` ->
    ``\\xab``, ``\\N{bullet}`` -> ``\\N{BULLET}``)."""

    __slots__ = ()

    def __init__(self, text: str):
        if "\\" in text and "r" not in text[: text.find(text[-1])].lower() and _ESCAPE_TO_NORMALISE.search(text):
            text = _ESCAPE.sub(_normal_escape, text)
        self.text = text
        self.precedence = ATOM

    @classmethod
    def spelled(cls, text: str) -> String:
        """A literal whose escapes are black's already (``bytes_source`` writes lowercase
        ``\\xNN`` and escapes every backslash): no search of a megabyte icon image."""
        string = cls.__new__(cls)
        string.text = text
        string.precedence = ATOM
        return string


class Paren(Expr):
    """Explicit parentheses around an expression, made by the other nodes
    where precedence needs them.  (Where black drops redundant parentheses,
    after ``=``, ``if``, ``in``, ``case``, the writer drops them too.)"""

    __slots__ = ("value",)
    lead = OPEN

    def __init__(self, value: Expr):
        self.value = value
        self.text = f"({value.text})"
        self.precedence = ATOM


class ListDisplay(Expr):
    __slots__ = ("items",)
    lead = OPEN

    def __init__(self, items: list[Expr]):
        self.items = items
        self.text = "[" + ", ".join(item.text for item in items) + "]"
        self.precedence = ATOM


class TupleDisplay(Expr):
    """A tuple; ``parens=False`` only where Python allows a bare tuple and black
    keeps it bare (the target of a ``for`` loop, with two or more items)."""

    __slots__ = ("items", "parens")

    def __init__(self, items: list[Expr], parens: bool = True):
        self.items = items
        self.parens = parens
        inner = ", ".join(item.text for item in items)
        if len(items) == 1:
            inner += ","
        self.text = f"({inner})" if parens else inner
        self.precedence = ATOM if parens else LAMBDA

    @property
    def lead(self) -> int:  # type: ignore[override]
        if self.parens:
            return OPEN
        first = self.items[0].lead
        return SHUT if first == ALL else first


class DictDisplay(Expr):
    """A dict display; an entry whose key is None is a ``**mapping`` entry."""

    __slots__ = ("entries",)

    def __init__(self, entries: list[tuple[Expr | None, Expr]]):
        self.entries = entries
        parts = []
        for key, value in entries:
            parts.append(f"**{_operand(value, BIT_OR).text}" if key is None else f"{key.text}: {value.text}")
        self.text = "{" + ", ".join(parts) + "}"
        self.precedence = ATOM


# --- primaries -----------------------------------------------------------------------


class Arg:
    """One argument of a call: ``value``, ``keyword=value``, ``*value`` or ``**value``."""

    __slots__ = ("value", "keyword", "star", "text")

    def __init__(self, value: Expr, keyword: str | None = None, star: str = ""):
        self.value = value
        self.keyword = keyword
        self.star = star
        if keyword is not None:
            self.text = f"{keyword}={value.text}"
        elif star:
            self.text = star + _operand(value, BIT_OR).text
        else:
            self.text = value.text


class Call(Expr):
    __slots__ = ("func", "args", "lead")

    def __init__(self, func: Expr, args: list[Arg]):
        self.func = func = _operand(func, PRIMARY)
        self.args = args
        self.text = func.text + "(" + ", ".join(arg.text for arg in args) + ")"
        self.precedence = PRIMARY
        lead = func.lead
        self.lead = OPEN if lead == ALL else lead


class Attribute(Expr):
    __slots__ = ("value", "attr", "lead")

    def __init__(self, value: Expr, attr: str):
        if isinstance(value, Number) and not _number_takes_attribute(value.text):
            value = Paren(value)  # black writes (1).real, never 1 .real
        self.value = value = _operand(value, PRIMARY)
        self.attr = attr
        self.text = f"{value.text}.{attr}"
        self.precedence = PRIMARY
        self.lead = value.lead


class Subscript(Expr):
    __slots__ = ("value", "index", "lead")

    def __init__(self, value: Expr, index: Expr):
        self.value = value = _operand(value, PRIMARY)
        self.index = index
        self.text = f"{value.text}[{index.text}]"
        self.precedence = PRIMARY
        lead = value.lead
        self.lead = OPEN if lead == ALL else lead


# --- operators -----------------------------------------------------------------------


class UnaryOp(Expr):
    """``not x``, ``-x``, ``+x`` or ``~x``."""

    __slots__ = ("op", "operand", "lead", "pending")

    def __init__(self, op: str, operand: Expr):
        self.op = op
        if op == "not":
            self.precedence = NOT
            self.operand = operand = _operand(operand, NOT)
            self.text = f"not {operand.text}"
            lead = operand.lead
            self.lead = lead if lead in (OPEN, ALL) else SHUT
        else:
            self.precedence = UNARY
            if isinstance(operand, BinaryOp) and operand.op == "**" and not isinstance(operand.left, (Attribute, Call, Subscript)):
                operand = Paren(operand)  # black writes -(2**8) for -2 ** 8
            self.operand = operand = _operand(operand, UNARY)
            self.text = op + operand.text
            self.lead = OTHER
        self.pending = operand.pending


class BinaryOp(Expr):
    """An arithmetic or bitwise operation.  ``**`` is spelled as black spells
    it: hugged (``a**b``) when both operands are simple, spaced otherwise."""

    __slots__ = ("left", "op", "right", "lead", "pending")

    def __init__(self, left: Expr, op: str, right: Expr):
        precedence = _BINARY_PRECEDENCE[op]
        self.precedence = precedence
        self.op = op
        if op == "**":  # right-associative, and binds tighter than a unary on its left
            self.left = left = _operand(left, POWER + 1)
            self.right = right = _operand(right, UNARY)
        else:
            self.left = left = _operand(left, precedence)
            self.right = right = _operand(right, precedence + 1)
        lead = left.lead
        self.lead = SHUT if lead == ALL else lead
        self.pending = right.pending
        if op == "**" and _ends_simply(left):
            walk = _power_operand_walk(right)
            if walk in (SHUT, ALL):
                self.text = f"{left.text}**{right.text}"
                if walk == ALL:
                    self.pending = len(right.text)
                return
        self.text = f"{left.text} {op} {right.text}"


class Compare(Expr):
    """``left op right [op right ...]``; ops from COMPARISON_OPERATORS."""

    __slots__ = ("left", "comparisons", "lead", "pending")

    def __init__(self, left: Expr, comparisons: list[tuple[str, Expr]]):
        self.left = _operand(left, COMPARE + 1)
        self.comparisons = [(op, _operand(right, COMPARE + 1)) for op, right in comparisons]
        self.precedence = COMPARE
        operands = [self.left] + [right for _, right in self.comparisons]
        operators = [op for op, _ in self.comparisons]
        self.text, self.lead, self.pending = _join_operands(operands, operators)


class BoolOp(Expr):
    """``a and b and ...`` or ``a or b or ...``."""

    __slots__ = ("op", "values", "lead", "pending")

    def __init__(self, op: str, values: list[Expr]):
        precedence = AND if op == "and" else OR
        self.op = op
        self.values = [_operand(value, precedence + 1) for value in values]
        self.precedence = precedence
        self.text, self.lead, self.pending = _join_operands(self.values, [op] * (len(values) - 1))


def _operand(node: Expr, needed: int) -> Expr:
    """``node`` as an operand that must bind at least as tightly as ``needed``."""
    return node if node.precedence >= needed else Paren(node)


def _number_takes_attribute(text: str) -> bool:
    """Whether black leaves ``<number>.name`` without parentheses."""
    lowered = text.lower()
    return lowered.startswith(("0x", "0b", "0o")) or "j" in lowered


def _ends_simply(node: Expr) -> bool:
    """Whether black counts the operand before ``**`` as simple: it ends with a
    name or number, and is not ``<call or subscript>.name``."""
    if isinstance(node, (Name, Number)):
        return True
    if isinstance(node, Attribute):
        return not isinstance(node.value, (Call, Subscript, Paren, ListDisplay, TupleDisplay))
    return False


def _power_operand_walk(right: Expr) -> int:
    """How black's walk over the operand after ``**`` ends: SHUT (simple), ALL
    (simple so far, decided by what follows) or OPEN/OTHER (not simple)."""
    if isinstance(right, UnaryOp) and right.op != "not":
        right = right.operand
        if right.lead == OTHER or isinstance(right, UnaryOp):
            return OTHER
    return right.lead


def _join_operands(operands: list[Expr], operators: list[str]) -> tuple[str, int, int]:
    """Text, lead and pending of ``a op b op c``, undoing the hugging of an
    operand's trailing ``a**b`` where the names after it run into a bracket."""
    texts = [operand.text for operand in operands]
    pending = operands[-1].pending
    for index, operand in enumerate(operands[:-1]):
        if not operand.pending:
            continue
        follower = _follower(operands, operators, index)
        if follower == OPEN:
            text = texts[index]
            cut = len(text) - operand.pending
            texts[index] = f"{text[: cut - 2]} ** {text[cut:]}"
        elif follower == ALL:  # the walk reaches the end: the parent decides
            pending = operand.pending + sum(len(op) + 2 + len(t) for op, t in zip(operators[index:], texts[index + 1 :]))
    text = texts[0] + "".join(f" {op} {t}" for op, t in zip(operators, texts[1:]))
    lead = operands[0].lead
    if lead == ALL:
        lead = _follower(operands, operators, 0)
    return text, lead, pending


def _follower(operands: list[Expr], operators: list[str], index: int) -> int:
    """How the walk over names goes on after operand ``index``: OPEN, SHUT or
    ALL (it runs to the end)."""
    for op, operand in zip(operators[index:], operands[index + 1 :]):
        if op not in _WORD_COMPARISONS and op not in ("and", "or"):
            return SHUT
        lead = operand.lead
        if lead == OPEN:
            return OPEN
        if lead != ALL:
            return SHUT
    return ALL


# --- statements ----------------------------------------------------------------------


class Stmt:
    __slots__ = ()


class Assign(Stmt):
    """``a = b = value``."""

    __slots__ = ("targets", "value")

    def __init__(self, targets: list[Expr], value: Expr):
        self.targets = targets
        self.value = value


class AugAssign(Stmt):
    """``target op= value``."""

    __slots__ = ("target", "op", "value")

    def __init__(self, target: Expr, op: str, value: Expr):
        self.target = target
        self.op = op
        self.value = value


class ExprStatement(Stmt):
    """An expression on its own line (a bare call).  Not a lone string: black
    treats one at the start of a block as a docstring."""

    __slots__ = ("value",)

    def __init__(self, value: Expr):
        self.value = value


class Pass(Stmt):
    __slots__ = ()


class ImportStar(Stmt):
    """``from module import *``."""

    __slots__ = ("module",)

    def __init__(self, module: str):
        self.module = module


class If(Stmt):
    """``if test:`` with its body; ``orelse`` is a list of statements (an
    ``else:`` block), a single nested If written as ``elif``, or None."""

    __slots__ = ("test", "body", "orelse")

    def __init__(self, test: Expr, body: list[Stmt], orelse: list[Stmt] | If | None = None):
        self.test = test
        self.body = body
        self.orelse = orelse


class For(Stmt):
    __slots__ = ("target", "iter", "body")

    def __init__(self, target: Expr, iter: Expr, body: list[Stmt]):
        self.target = target
        self.iter = iter
        self.body = body


class Case:
    """``case pattern if guard:``; the pattern is a literal or a name such as
    ``_``.  Parentheses around it are black's business: it adds them when
    the pattern is too long for its line (``case (\n    "..."\n):``) and
    drops explicit ones."""

    __slots__ = ("pattern", "guard", "body")

    def __init__(self, pattern: Expr, guard: Expr | None, body: list[Stmt]):
        self.pattern = pattern
        self.guard = guard
        self.body = body


class Match(Stmt):
    __slots__ = ("subject", "cases")

    def __init__(self, subject: Expr, cases: list[Case]):
        self.subject = subject
        self.cases = cases


class CommentLines(Stmt):
    """Consecutive ``#`` comment lines at the indentation of the statements
    around them.  Each line is the text after ``# `` (an empty string is a bare
    ``#``); the writer does not change it."""

    __slots__ = ("lines",)

    def __init__(self, lines: list[str]):
        self.lines = lines


class BlankLine(Stmt):
    """One empty line (used to keep two comment runs apart)."""

    __slots__ = ()
