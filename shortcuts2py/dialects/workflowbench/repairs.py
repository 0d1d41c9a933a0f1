"""Repairs inside one WorkflowBench statement: from scanner tokens to clean tokens.

The converter pasted text without quotes wherever the text started with a
quote or a bracket, and inside brackets it dropped the quotes of every text
(``[Lock Screen, Home Screen]``, ``{"string": Mastodon}``).  Reading such a
spot as Python would turn words into variables (``com.apple.TVAppStore`` into
three property lookups), so every element of a bracket display and every
keyword value is checked: when it is not a value WorkflowBench writes
(literals, variables set in the file with their lookups, the aggrandizement
functions), the words as written are the text.  Each such reading is a warning.
"""

from __future__ import annotations

import ast
import keyword

from ... import catalog, names
from . import vocabulary as words
from .scanner import BAD, NAME, NUMBER, OP, PROPERTY, STRING, Scanner, Token

# Functions whose calls are values (variables and their aggrandizements), never actions.
VALUE_FUNCTIONS = frozenset(
    {
        words.COERCE_FUNCTION, words.FORMAT_DATE_FUNCTION, words.UNIT_FUNCTION, "str", "float", "int", "dict", "list", "bool",
        "input", "var", "ref", "global_variable", "missing_output", "attachment", "date", "real", "option", "group",
        "dictionary_field", "plain_dict", "plain_list", "token_string", words.CLIPBOARD_FUNCTION, words.DEVICE_DETAILS_FUNCTION,
        "is_workflow_actions_gethomeaccessorystate", "len", "abs",
    }
) | names.PSEUDO_FUNCTIONS
COMPARISONS = ("==", "!=", "<", ">", "<=", ">=")


class Repairer:
    """Repairs the tokens of one statement; ``lexer`` holds the string table and warnings."""

    def __init__(self, lexer, in_header: bool = False):
        self.lexer = lexer
        self.in_header = in_header

    def statement(self, tokens: list[Token]) -> list[Token]:
        tokens = self.sequence(_digit_names(self.lexer, tokens), "statement")
        return self._header_operands(tokens) if self.in_header else tokens

    def sequence(self, tokens: list[Token], context: str) -> list[Token]:
        """Every bracket group in ``tokens`` repaired; a property with spaces made a call."""
        out: list[Token] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if token.kind == OP and token.text in "([{":
                close = matching(tokens, index)
                if close is None:
                    out.append(Token(BAD, token.start, token.end, token.text, spaced=token.spaced))
                    index += 1
                    continue
                previous = out[-1] if out else None
                out.extend(self._group(token, tokens[index + 1 : close], tokens[close], previous))
                index = close + 1
                continue
            out.append(token)
            index += 1
        return out

    def _group(self, opener: Token, inner: list[Token], closer: Token, previous: Token | None) -> list[Token]:
        after_value = previous is not None and (
            (previous.kind == NAME and not keyword.iskeyword(previous.text) and previous.text not in ("match", "case"))
            or previous.text in (")", "]")
            or previous.kind == PROPERTY
        )
        if opener.text == "(" and after_value:
            body = self._arguments(previous, inner)
        elif opener.text == "[" and previous is not None and previous.end == opener.start and (after_value or previous.kind == STRING):
            body = self.element(self.sequence(inner, "subscript"), "subscript")
        elif opener.text == "{":
            cell = self._string_cell(opener, inner, closer)
            if cell is not None:
                return [cell]
            body = self._display(inner, dictionary=True)
        elif opener.text == "[":
            body = self._display(inner, dictionary=False)
        else:
            body = self.sequence(inner, "parentheses")
        return [opener, *body, closer]

    # --- the contents of a group

    def _string_cell(self, opener: Token, inner: list[Token], closer: Token) -> Token | None:
        """``{"string": text}``: a dictionary's text cell; all after the colon is the text."""
        if len(inner) < 2 or inner[0].kind != STRING or inner[1].text != ":":
            return None
        key = self.lexer.string(inner[0])
        if key.text != "string" or key.has_variables:
            return None
        rest = inner[2:]
        if len(rest) == 1 and rest[0].kind == STRING:
            return Token(STRING, opener.start, closer.end, rest[0].text, spaced=opener.spaced)
        start = rest[0].start if rest else inner[1].end
        text = self.lexer.source_text(start, rest[-1].end) if rest else ""
        return self.lexer.text_token(text, start, closer.end, opener.spaced)

    def _display(self, inner: list[Token], dictionary: bool) -> list[Token]:
        if dictionary and len(inner) == 1 and inner[0].kind == NAME:
            return inner  # {value}: the converter's placeholder for a variable it lost
        out: list[Token] = []
        items = _keyed_items(split(inner, ",")) if dictionary else split(inner, ",")
        for number, item in enumerate(items):
            if number:
                out.append(_op(",", item[0].start if item else out[-1].end))
            if not item:
                continue
            halves = split(item, ":", limit=1) if dictionary else [item]
            if len(halves) == 2 and halves[0] and halves[1]:
                key = self.element(self.sequence(halves[0], "display"), "display")
                value = self.element(self.sequence(halves[1], "display"), "display")
                out.extend([*key, _op(":", halves[1][0].start), *value])
            else:
                out.extend(self.element(self.sequence(item, "display"), "display"))
        return out

    def _arguments(self, function: Token, inner: list[Token]) -> list[Token]:
        """``Key=value`` arguments: a hyphenated key goes into ``**{...}``; a value that is
        not an expression is text, and a comma inside such a text does not split it."""
        merged: list[list[Token]] = []
        for piece in split(inner, ","):
            if not merged or _is_keyword(piece) or (piece and piece[0].text == "**") or not _is_keyword(merged[-1]):
                merged.append(piece)
            elif piece:
                merged[-1] = merged[-1] + [_op(",", piece[0].start)] + piece
        out: list[Token] = []
        for number, argument in enumerate(merged):
            if number:
                out.append(_op(",", argument[0].start if argument else out[-1].end))
            if not argument:
                continue
            if argument[0].kind == OP and argument[0].text == "**":
                out.extend([argument[0], *self.element(self.sequence(argument[1:], "argument"), "argument")])
                continue
            if not _is_keyword(argument):
                out.extend(self.element(self.sequence(argument, "argument"), "argument"))
                continue
            key, value = argument[0], argument[2:]
            if value:
                value = self._argument_value(function, key.text, value)
            else:
                value = [self.lexer.text_token("", argument[1].end, argument[1].end, False)]
            if "-" not in key.text:
                out.extend([key, argument[1], *value])
                continue
            self.lexer.warn(key.start, f'wrote the keyword {key.text} as **{{"{key.text}": ...}} (a key with "-" is not a Python name)')
            name = self.lexer.text_token(key.text, key.start, key.end, False)
            out.extend([_op("**", key.start), _op("{", key.start), name, _op(":", key.end), *value, _op("}", key.end)])
        return out

    def _argument_value(self, function: Token, key: str, value: list[Token]) -> list[Token]:
        """A keyword's value.  For a parameter the catalog types as text, a bracket display
        that needed repairs inside was a text the converter left unquoted (``[0-9]+``)."""
        before = len(self.lexer.repairs)
        repaired = self.element(self.sequence(value, "argument"), "argument")
        if len(self.lexer.repairs) > before and _is_display(value) and _text_parameter(function, key):
            self.lexer.forget_repairs(before)
            return self.element(value, "argument", bracketed_text=True)
        return repaired

    def element(self, tokens: list[Token], context: str, bracketed_text: bool = False) -> list[Token]:
        """The tokens of one value, or one text token when they are not one."""
        if not tokens:
            return tokens
        if not bracketed_text and is_value(self.lexer, tokens, context):
            return tokens
        start, end = tokens[0].start, tokens[-1].end
        text = self.lexer.source_text(start, end)
        if bracketed_text:
            what = "a bracketed text"
        elif all(token.kind in (NAME, NUMBER, OP, BAD) for token in tokens):
            what = "bare words"
        else:
            what = "a value that is not an expression"
        self.lexer.warn(start, f"read {what} as text: {shorten(text)!r}")
        return [self.lexer.text_token(text, start, end, tokens[0].spaced)]

    def _header_operands(self, tokens: list[Token]) -> list[Token]:
        """In a condition, a bracket display compared with something is the converter's bare text."""
        out: list[Token] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            subscript = bool(out) and out[-1].end == token.start and (out[-1].kind in (NAME, STRING, PROPERTY) or out[-1].text in (")", "]"))
            close = matching(tokens, index) if token.kind == OP and token.text in "[{" and not subscript else None
            compared = close is not None and (
                (out and (out[-1].text in COMPARISONS or out[-1].text == "in"))
                or (close + 1 < len(tokens) and (tokens[close + 1].text in COMPARISONS or tokens[close + 1].text in ("in", "not")))
            )
            if compared:
                text = self.lexer.source_text(token.start, tokens[close].end)
                self.lexer.warn(token.start, f"read {shorten(text)!r} in a condition as text")
                out.append(self.lexer.text_token(text, token.start, tokens[close].end, token.spaced))
                index = close + 1
                continue
            out.append(token)
            index += 1
        return out

    def condition_sides(self, tokens: list[Token]) -> list[Token] | None:
        """``if <left> <op> <right>:`` with a side that is not a value: that side is text."""
        positions = [i for i, t in enumerate(tokens) if (t.kind == OP and t.text in COMPARISONS) or (t.kind == NAME and t.text == "in")]
        if len(positions) != 1 or tokens[-1].text != ":":
            return None
        at = positions[0]
        left, right = tokens[1:at], tokens[at + 1 : -1]
        operator = [tokens[at]]
        if left and left[-1].kind == NAME and left[-1].text == "not":
            left, operator = left[:-1], [left[-1], tokens[at]]
        if not left or not right:
            return None
        return [tokens[0], *self.element(left, "display"), *operator, *self.element(right, "display"), tokens[-1]]


# --- what counts as a value ---------------------------------------------------------------------


def is_value(lexer, tokens: list[Token], context: str) -> bool:
    if any(token.kind == BAD for token in tokens):
        return False
    try:
        tree = ast.parse(render_text(lexer, tokens).strip(), mode="eval").body
    except SyntaxError:
        return False
    return value_tree(lexer, tree, context)


def value_tree(lexer, node: ast.expr, context: str) -> bool:
    """Whether an expression is a value WorkflowBench writes in ``context`` ("display",
    "argument", "subscript", "field" or "parentheses"): literals, variables with their
    lookups, the aggrandizement functions, displays of values.  In a display, a name
    the file never assigns is a word of text, not a variable."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Name):
        return context != "display" or lexer.is_defined(node.id)
    if is_datetime_now(node):
        return True
    if isinstance(node, (ast.Attribute, ast.Subscript)):
        if isinstance(node, ast.Subscript) and not isinstance(node.slice, (ast.Constant, ast.Name)):
            return False
        base = node.value
        while isinstance(base, (ast.Attribute, ast.Subscript, ast.Call)):
            base = base.func if isinstance(base, ast.Call) else base.value
        return isinstance(base, ast.Name) and (context != "display" or lexer.is_defined(base.id))
    if isinstance(node, ast.Call):
        function = node.func
        if isinstance(function, ast.Name):
            return function.id in VALUE_FUNCTIONS
        return isinstance(function, ast.Attribute) and value_tree(lexer, function.value, context)
    if isinstance(node, (ast.List, ast.Tuple)):
        return all(value_tree(lexer, item, context) for item in node.elts)
    if isinstance(node, ast.Dict):
        return all(k is None or value_tree(lexer, k, context) for k in node.keys) and all(value_tree(lexer, v, context) for v in node.values)
    if isinstance(node, ast.Set):  # format_date(value={value}, ...): the converter lost the variable
        return context == "argument" and all(isinstance(item, ast.Name) for item in node.elts)
    if isinstance(node, ast.UnaryOp):
        if isinstance(node.op, (ast.USub, ast.UAdd)):
            return isinstance(node.operand, ast.Constant)
        return isinstance(node.op, ast.Not) and context != "display" and value_tree(lexer, node.operand, context)
    if isinstance(node, (ast.BinOp, ast.Compare, ast.BoolOp)):
        children = [child for child in ast.iter_child_nodes(node) if isinstance(child, ast.expr)]
        return context in ("argument", "parentheses") and all(value_tree(lexer, child, context) for child in children)
    return False


def is_datetime_now(node: ast.expr) -> bool:
    if not isinstance(node, (ast.Call, ast.Attribute)):
        return False
    return ast.unparse(node) in ("datetime.datetime.now()", "datetime.now()")


def field_expression(lexer, source: str) -> ast.expr | None:
    """The clean expression of an f-string field, or None when the braces are text."""
    sub = Scanner(source, lexer.scanner.hyphenated)
    tokens, end, open_brackets = sub.statement(0, 0)
    unclosed = bool(open_brackets)
    if unclosed or not tokens or end < len(source.rstrip()) or any(token.kind == BAD for token in tokens):
        return None
    tokens = Repairer(lexer).sequence(_digit_names(lexer, lexer.strings_of(tokens)), "field")
    try:
        tree = ast.parse(render_text(lexer, tokens).strip(), mode="eval").body
    except SyntaxError:
        return None
    plain = (ast.Constant, ast.Dict, ast.List, ast.Set, ast.Tuple, ast.BinOp, ast.Compare, ast.BoolOp, ast.UnaryOp)
    if isinstance(tree, plain) or not value_tree(lexer, tree, "field"):
        return None
    return tree


# --- clean source ----------------------------------------------------------------------------------


def render(lexer, tokens: list[Token]) -> list[tuple[str, int, int, bool]]:
    """Clean source for tokens, as chunks: (text, original start, original end, copied as written)."""
    chunks: list[tuple[str, int, int, bool]] = []
    for position, token in enumerate(tokens):
        if position and token.spaced:
            chunks.append((" ", token.start, token.start, False))
        if token.kind == STRING:
            text = placeholder(int(token.text))
        elif token.kind == PROPERTY:
            text = f".property({placeholder(lexer.property_string(token))})"
        elif token.kind == NAME and "-" in token.text:
            text = lexer.hyphenated_function(token)
        else:
            text = token.text
        copied = token.kind in (NAME, NUMBER, OP) and text == token.text and token.end - token.start == len(text)
        chunks.append((text, token.start, token.end, copied))
    return chunks


def render_text(lexer, tokens: list[Token]) -> str:
    return "".join(chunk[0] for chunk in render(lexer, tokens))


def placeholder(index: int) -> str:
    return f'"\\x00{index}"'


# --- small helpers ---------------------------------------------------------------------------------


def split(tokens: list[Token], separator: str, limit: int = -1) -> list[list[Token]]:
    """Tokens split at ``separator`` outside brackets (at most ``limit`` times)."""
    pieces: list[list[Token]] = [[]]
    depth = 0
    for token in tokens:
        if token.kind == OP and token.text in "([{":
            depth += 1
        elif token.kind == OP and token.text in ")]}":
            depth -= 1
        if depth == 0 and token.kind == OP and token.text == separator and (limit < 0 or len(pieces) <= limit):
            pieces.append([])
            continue
        pieces[-1].append(token)
    return pieces if any(pieces) else []


def _keyed_items(items: list[list[Token]]) -> list[list[Token]]:
    """A dictionary's items, each ``key: value``: a piece with no key of its own
    continues the value before it, a text with a comma the converter left unquoted
    (``{"media": image,video}``); its tokens still span the source, comma included."""
    merged: list[list[Token]] = []
    for item in items:
        keyed = len(split(item, ":", limit=1)) == 2 or (item and item[0].text == "**")
        if merged and item and not keyed and len(split(merged[-1], ":", limit=1)) == 2:
            merged[-1] = merged[-1] + [_op(",", item[0].start)] + item
        else:
            merged.append(item)
    return merged


def matching(tokens: list[Token], start: int) -> int | None:
    depth = 0
    for index in range(start, len(tokens)):
        token = tokens[index]
        if token.kind != OP:
            continue
        if token.text in "([{":
            depth += 1
        elif token.text in ")]}":
            depth -= 1
            if depth == 0:
                return index
    return None


def shorten(text: str, limit: int = 60) -> str:
    """Text for a message: one line, control characters escaped, at most ``limit`` characters."""
    text = "".join(ch if ch.isprintable() or ch == " " else repr(ch)[1:-1] for ch in " ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _op(text: str, at: int) -> Token:
    return Token(OP, at, at, text)


def _is_keyword(tokens: list[Token]) -> bool:
    return len(tokens) >= 2 and tokens[0].kind == NAME and tokens[1].kind == OP and tokens[1].text == "="


def _is_display(tokens: list[Token]) -> bool:
    return tokens[0].kind == OP and tokens[0].text in "[{" and matching(tokens, 0) == len(tokens) - 1


def _text_parameter(function: Token, key: str) -> bool:
    """Whether the catalog types ``key`` of the called action as text (so a bracket
    display there is a text the converter left unquoted)."""
    identifier = words.identifier_of(function.text)
    entry = catalog.entry(identifier) if identifier else None
    parameter = entry.parameter(key) if entry is not None else None
    return parameter is not None and parameter.type == "text"


def _digit_names(lexer, tokens: list[Token]) -> list[Token]:
    """``1n`` (a number glued to a word: a variable named with a leading digit) -> one name."""
    out: list[Token] = []
    for token in tokens:
        previous = out[-1] if out else None
        if token.kind == NAME and previous is not None and previous.kind == NUMBER and previous.end == token.start and previous.text.isdigit():
            name = lexer.digit_name(previous.text + token.text)
            out[-1] = Token(NAME, previous.start, token.end, name, spaced=previous.spaced)
            continue
        out.append(token)
    return out
