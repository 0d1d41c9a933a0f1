"""Splitting a line that is too long, by black's rules.

This follows black's stable style for the shapes the code model produces:

* a line that fits (measured with ``**`` hugged) is left alone;
* inside brackets, a line is first split at its delimiters of the highest
  priority (commas, then ``and``/``or``, comparisons, arithmetic, attribute
  dots), with a trailing comma added after the last item of a comma split;
* otherwise it is split at its last opening bracket ("right hand split"):
  head, indented body, tail.  Optional parentheses (around an assigned value,
  a condition, a loop's target or iterable, a case pattern or guard) are used
  only when splitting at the brackets inside them reads worse; trailing
  bracket pairs are kept together with the tail when the rest then fits;
* a line that cannot be split stays long.

Every line that comes out is split again until it fits or cannot be split.
The order of the attempts, and the bookkeeping each attempt leaves behind on
the tokens (depths, optional parentheses turned visible), are black's, because
the result depends on them.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from typing import Any

from .tokens import (
    ADDED,
    AFTER_BRACKET,
    CASE_PATTERN,
    CLOSER_OF,
    CLOSERS,
    COMMA,
    COMMA_PRIORITY,
    COMPARATOR_PRIORITY,
    COMPARE,
    DOT,
    DOT_PRIORITY,
    DOUBLESTAR,
    EQUAL,
    LPAR,
    LSQB,
    MINUS,
    NAME,
    NUMBER,
    OPENERS,
    OPTIONAL,
    PLUS,
    RBRACE,
    RPAR,
    RSQB,
    STRING,
    TILDE,
    TRAILER,
    Token,
)

LINE_LENGTH = 88

# Features (a bit set): black may add a trailing comma after *args/**kwargs
# in a call only when the file shows it targets Python 3.5+; "force" is
# black's second attempt that keeps optional parentheses.
STAR_COMMA = 1
FORCE_PARENS = 2


class CannotSplit(Exception):
    """This way of splitting does not apply to the line."""


class Line:
    """A line being laid out: its tokens and indentation, and the bracket
    tracking black does as tokens are added (depth, delimiters, optional
    parentheses seen)."""

    __slots__ = ("depth", "tokens", "inside", "split_rhs", "magic", "delimiters", "invisible", "_level", "_open", "_loops", "_previous")

    def __init__(self, depth: int, inside: bool = False):
        self.depth = depth
        self.tokens: list[Token] = []
        self.inside = inside  # inside brackets: the body of an earlier split
        self.split_rhs = False  # must be split at its delimiters (a display with commas)
        self.magic = False  # holds a bracket pair closed after a trailing comma
        self.delimiters: dict[Token, int] = {}
        self.invisible: list[Token] = []
        self._level = 0
        self._open: dict[tuple[int, int], Token] = {}
        self._loops: list[int] = []
        self._previous: Token | None = None

    def append(self, token: Token, preformatted: bool = False, track: bool = False) -> None:
        if self.tokens and not preformatted:
            token.prefix = token.space
        if self.inside or not preformatted or track:
            self._track(token)
            if token.kind in CLOSERS and self.tokens and self.tokens[-1].kind == COMMA and self._magic_comma(token):
                self.magic = True
        self.tokens.append(token)

    def _magic_comma(self, closing: Token) -> bool:
        """Whether the comma before ``closing`` makes the pair explode
        (black's has_magic_trailing_comma): not the comma of a one-tuple or
        of a one-item subscript."""
        if closing.kind == RBRACE:
            return True
        opening = closing.opening
        if closing.kind == RSQB:
            return not (closing.role == TRAILER and closing.attached and opening is not None and _one_sequence(opening, closing, self.tokens, LSQB))
        return opening is not None and not _one_sequence(opening, closing, self.tokens, LPAR)

    def _track(self, token: Token) -> None:
        kind = token.kind
        if self._level == 0 and kind in CLOSERS and (0, kind) not in self._open:
            return  # closes a bracket opened on an earlier line
        if self._loops and self._loops[-1] == self._level and kind == NAME and token.value == "in":
            self._level -= 1  # the names between `for` and `in` never split
            self._loops.pop()
        if kind in CLOSERS:
            self._level -= 1
            token.opening = self._open.pop((self._level, kind))
            if not token.value:
                self.invisible.append(token)
        token.depth = self._level
        if self._level == 0:
            priority = _split_before(token, self._previous)
            if priority and self._previous is not None:
                self.delimiters[self._previous] = priority
            elif kind == COMMA:
                self.delimiters[token] = COMMA_PRIORITY
        if kind in OPENERS:
            self._open[self._level, CLOSER_OF[kind]] = token
            self._level += 1
            if not token.value:
                self.invisible.append(token)
        self._previous = token
        if kind == NAME and token.value == "for":
            self._level += 1
            self._loops.append(self._level)

    def clone(self) -> Line:
        line = Line(self.depth, self.inside)
        line.split_rhs = self.split_rhs
        line.magic = self.magic
        return line

    def __bool__(self) -> bool:
        return bool(self.tokens)


def _split_before(token: Token, previous: Token | None) -> int:
    """The priority of a break before ``token`` (black's is_split_before_delimiter)."""
    if token.attached:
        before = token.before
        if before == AFTER_BRACKET:
            return DOT_PRIORITY if previous is None or previous.kind in CLOSERS else 0
        return before
    # Without a parent node black still knows symbol comparisons and `is`.
    if token.kind == COMPARE or (token.kind == NAME and token.value == "is"):
        return COMPARATOR_PRIORITY
    return 0


# --- measuring -----------------------------------------------------------------------


def render(line: Line) -> str:
    tokens = line.tokens
    first = tokens[0]
    return first.prefix + "    " * line.depth + first.value + "".join([t.prefix + t.value for t in tokens[1:]])


def width(line: Line) -> int:
    total = 4 * line.depth
    for token in line.tokens:
        total += len(token.prefix) + token.width
    return total


def fits(line: Line, limit: int = LINE_LENGTH) -> bool:
    return width(line) <= limit


# --- the driver ------------------------------------------------------------------------

Transform = Callable[[Line, int], Iterator[Line]]


def split_line(line: Line, features: int, end_comma_role: int = 0) -> list[Line]:
    """The lines ``line`` becomes.

    black formats a file twice when the first pass changed it; the second
    pass reads the trailing commas the first one added as magic (their
    brackets must explode), which can change the layout.  So when commas were
    added, the statement is split once more from the first result.
    ``end_comma_role``: for a line cut out of a call's arguments, the role
    its added last comma has in the second pass (TRAILER)."""
    out: list[Line] = []
    _run(_transform_line(line, features, out))
    if not any(token.role == ADDED for piece in out for token in piece.tokens):
        return out
    again = Line(line.depth, line.inside)
    sequence = [token for piece in out for token in piece.tokens]
    for index, token in enumerate(sequence):
        fresh = token.copy()
        fresh.prefix = fresh.space
        fresh.attached = True
        if token.role in (OPTIONAL, CASE_PATTERN) and token.kind in (LPAR, RPAR):
            fresh.value = ""
            fresh.width = fresh.length = 0
        elif token.role == ADDED:
            if index + 1 == len(sequence):
                fresh.role = end_comma_role
            else:
                closing = sequence[index + 1]
                fresh.role = TRAILER if closing.kind == RPAR and closing.role == TRAILER else 0
        again.append(fresh)
    out = []
    _run(_transform_line(again, features, out))
    return out


# black splits a line, then each piece it gave, by recursion: a chain of hundreds
# of subscripts nests as deep (the head of each split is split again).  The two
# functions below keep black's order of work exactly, but as generators that
# yield the call they would make; ``_run`` makes the calls from a stack of its
# own, so the depth of a split never meets Python's recursion limit.


def _run(call: Generator) -> Any:
    """Run a generator that yields its nested calls (as generators); its return value.

    An exception raised by a nested call is thrown into its caller at the
    ``yield``, as if the call had been made directly."""
    stack: list[Generator] = [call]
    value: Any = None
    error: Exception | None = None
    while stack:
        caller, raised, error = stack[-1], error, None
        try:
            nested = caller.send(value) if raised is None else caller.throw(raised)
        except StopIteration as done:
            stack.pop()
            value = done.value
            continue
        except Exception as failure:
            stack.pop()
            if not stack:
                raise
            error = failure
            continue
        stack.append(nested)
        value = None
    return value


def _transform_line(line: Line, features: int, out: list[Line]) -> Generator:
    line_str = render(line)
    measured = line
    if any(token.kind == DOUBLESTAR for token in line.tokens):
        measured = _hugged(line) or line
    transforms: list[Transform]
    if not line.split_rhs and not line.magic and fits(measured):
        transforms = []
    elif line.inside:
        transforms = [_delimiter_split, _rhs_with_omits]
    else:
        transforms = [_rhs_with_omits]
    transforms.append(_hug_power)
    for transform in transforms:
        try:
            result = yield _run_transform(line, transform, features, line_str)
        except CannotSplit:
            continue
        out.extend(result)
        return
    out.append(line)


def _run_transform(line: Line, transform: Transform, features: int, line_str: str) -> Generator:
    optional = [bracket for bracket in line.invisible if bracket.depth == 0]
    result: list[Line] = []
    for piece in transform(line, features):
        if render(piece) == line_str:
            raise CannotSplit("the split changed nothing")
        yield _transform_line(piece, features, result)
    if (
        features & FORCE_PARENS
        or transform is not _rhs_with_omits
        or not line.invisible
        or any(bracket.value for bracket in optional)
        or fits(result[0])
        or not all(token.attached for token in line.tokens)
    ):
        return result
    # Second opinion: the same split keeping the optional parentheses, taken
    # when every line it gives fits.  Like black, it works on copies of the
    # tokens, and the originals lose their place in the tree.
    copy = line.clone()
    for token in line.tokens:
        twin = token.copy()
        twin.prefix = ""
        token.attached = False
        copy.append(twin)
    second = yield _run_transform(copy, transform, features | FORCE_PARENS, line_str)
    if all(fits(piece) for piece in second):
        return second
    return result


# --- power operator hugging ------------------------------------------------------------


def _hugged(line: Line) -> Line | None:
    """``line`` with ``**`` hugged between simple operands, or None."""
    tokens = line.tokens
    count = len(tokens)
    hug = [False] * count
    for index in range(1, count - 1):
        token = tokens[index]
        if (
            token.kind == DOUBLESTAR
            and _simple_operand(tokens, index - 1, backwards=True)
            and tokens[index - 1].value != "lambda"
            and _simple_operand(tokens, index + 1, backwards=False)
        ):
            hug[index] = hug[index + 1] = True
    if not any(hug):
        new = line.clone()
        for token in tokens:
            new.append(token, preformatted=True)
        return None if render(new) == render(line) else new
    new = line.clone()
    for token, hugged in zip(tokens, hug):
        if hugged:
            token = token.copy()
            token.prefix = ""
            token.attached = False
        new.append(token, preformatted=True)
    return new


def _hug_power(line: Line, features: int) -> Iterator[Line]:
    if not any(token.kind == DOUBLESTAR for token in line.tokens):
        raise CannotSplit("no power operator")
    yield _hugged(line) or _copy_line(line)


def _copy_line(line: Line) -> Line:
    new = line.clone()
    for token in line.tokens:
        new.append(token, preformatted=True)
    return new


def _simple_operand(tokens: list[Token], index: int, backwards: bool) -> bool:
    start = tokens[index]
    if start.kind in (NAME, NUMBER):
        return _simple_lookup_back(tokens, index) if backwards else _simple_lookup_forward(tokens, index)
    if start.kind in (PLUS, MINUS, TILDE) and tokens[index + 1].kind in (NAME, NUMBER):
        return _simple_lookup_forward(tokens, index + 1)
    return False


def _simple_lookup_back(tokens: list[Token], index: int) -> bool:
    """black looks back over a name chain; a ``)`` or ``]`` in it makes it not simple."""
    saw_bracket = False
    chain: list[Token] = []
    while index >= 0:
        current = tokens[index]
        chain.append(current)
        if current.kind in (RPAR, RSQB):
            saw_bracket = True
        if len(chain) >= 2:
            past = chain[-2].kind
            kind = current.kind
            if past == NAME:
                chained = kind == DOT
            elif past in (RPAR, RSQB):
                chained = kind in (RPAR, RSQB)
            elif past in (LPAR, LSQB):
                chained = kind in (NAME, LPAR, LSQB)
            else:
                chained = False
            if not chained:
                return not saw_bracket
        index -= 1
    return True


def _simple_lookup_forward(tokens: list[Token], index: int) -> bool:
    """black walks forward over names and dots; reaching ``(`` or ``[`` first
    makes the operand not simple."""
    while index < len(tokens):
        current = tokens[index]
        if current.kind in (LPAR, LSQB):
            return False
        if current.kind not in (NAME, DOT) or (current.kind == NAME and current.value == "for"):
            return True
        index += 1
    return True


# --- delimiter split -------------------------------------------------------------------


def _delimiter_split(line: Line, features: int) -> Iterator[Line]:
    """One line per item between delimiters of the highest priority."""
    tokens = line.tokens
    if not tokens:
        raise CannotSplit("empty line")
    last = tokens[-1]
    delimiters = line.delimiters
    priorities = [priority for token, priority in delimiters.items() if token is not last]
    if not priorities:
        raise CannotSplit("no delimiters")
    top = max(priorities)
    if top == DOT_PRIORITY and sum(1 for p in delimiters.values() if p == top) == 1:
        raise CannotSplit("a single attribute access stays with its owner")
    current = Line(line.depth, line.inside)
    lowest = 1 << 30
    comma_safe = True
    for token in tokens:
        current.append(token, preformatted=True)
        if token.depth < lowest:
            lowest = token.depth
        if comma_safe and token.depth == lowest and token.star_arg and token.attached:
            comma_safe = bool(features & STAR_COMMA)
        if delimiters.get(token) == top:
            current.tokens[0].prefix = ""
            yield current
            current = Line(line.depth, line.inside)
    if current:
        if comma_safe and top == COMMA_PRIORITY and current.tokens[-1].kind != COMMA:
            comma = Token(COMMA, ",", "", role=ADDED)
            comma.attached = False
            current.append(comma)
        current.tokens[0].prefix = ""
        yield current


# --- right hand split ------------------------------------------------------------------


class _Split:
    """Head (up to the opening bracket), body (inside), tail (from the closing bracket)."""

    __slots__ = ("head", "body", "tail", "opening", "closing")

    def __init__(self, head: Line, body: Line, tail: Line, opening: Token, closing: Token):
        self.head = head
        self.body = body
        self.tail = tail
        self.opening = opening
        self.closing = closing


def _rhs_with_omits(line: Line, features: int) -> Iterator[Line]:
    """Split at the last bracket pair; failing a head that fits, keep more and
    more trailing bracket pairs in the tail and split at an earlier pair."""
    first_lines: list[Line] | None = None
    starts: dict[Token, int] = {}
    column = 4 * line.depth
    for token in line.tokens:
        starts[token] = column
        column += len(token.prefix) + token.length
    for omit in _trailers_to_omit(line):
        if omit:
            target: Token | None = None
            for token in reversed(line.tokens):
                if token.kind in CLOSERS and token not in omit:
                    target = token.opening
                    break
            # The head would already be longer than a line.
            if target is not None and target.value and starts.get(target, 0) > LINE_LENGTH:
                continue
        lines = list(_right_hand_split(line, features, omit))
        if first_lines is None and not omit:
            first_lines = lines
        if fits(lines[0]):
            yield from lines
            return
    if first_lines is not None:
        yield from first_lines
    else:
        yield from _right_hand_split(line, features)


def _trailers_to_omit(line: Line) -> Iterator[set[Token]]:
    """Growing sets of closing brackets to leave in the tail, while what they
    close still fits on one line (black's generate_trailers_to_omit)."""
    omit: set[Token] = set()
    if not line.magic:
        yield omit
    length = 4 * line.depth
    opening: Token | None = None
    closing: Token | None = None
    inner: set[Token] = set()
    tokens = line.tokens
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index]
        length += len(token.prefix) + token.length
        if length > LINE_LENGTH:
            break
        if opening is not None:
            if token is opening:
                opening = None
            elif token.kind in CLOSERS:
                previous = tokens[index - 1] if index > 0 else None
                if previous is not None and previous.kind == COMMA and token.opening is not None and not _one_sequence(token.opening, token, tokens, LPAR):
                    break  # a trailing comma: this pair must explode
                inner.add(token)
        elif token.kind in CLOSERS:
            previous = tokens[index - 1] if index > 0 else None
            if previous is not None and previous.kind in OPENERS:
                inner.add(token)  # empty brackets go along with the next pair
                continue
            if closing is not None:
                omit.add(closing)
                omit.update(inner)
                inner.clear()
                yield omit
            if previous is not None and previous.kind == COMMA and token.opening is not None and not _one_sequence(token.opening, token, tokens, LPAR):
                break
            if token.value:
                opening = token.opening
                closing = token


def _one_sequence(opening: Token, closing: Token, tokens: list[Token], kind: int) -> bool:
    """Whether the brackets (of ``kind``) hold one item and its comma: a
    one-tuple, or a one-item subscript (black's is_one_sequence_between)."""
    if opening.kind != kind or closing.kind != CLOSER_OF[kind]:
        return False
    start = -1
    for index in range(len(tokens) - 1, -1, -1):  # from the end: the brackets just closed, near it
        if tokens[index] is opening:
            start = index
            break
    if start < 0:
        return False
    depth = closing.depth + 1
    commas = 0
    for token in tokens[start + 1 :]:
        if token is closing:
            break
        if token.depth == depth and token.kind == COMMA:
            commas += 1
            if token.role == TRAILER and token.attached:  # call arguments are never a one-tuple
                commas += 1
                break
    return commas < 2


def _right_hand_split(line: Line, features: int, omit: set[Token] | frozenset[Token] = frozenset()) -> Iterator[Line]:
    split = _first_right_hand_split(line, omit)
    yield from _maybe_omit_optional_parens(split, line, features, omit)


def _first_right_hand_split(line: Line, omit: set[Token] | frozenset[Token]) -> _Split:
    tail: list[Token] = []
    body: list[Token] = []
    head: list[Token] = []
    current = tail
    opening: Token | None = None
    closing: Token | None = None
    for token in reversed(line.tokens):
        if current is body and token is opening:
            current = head if body else tail
        current.append(token)
        if current is tail and token.kind in CLOSERS and token not in omit:
            opening = token.opening
            closing = token
            current = body
    if opening is None or closing is None or not head:
        raise CannotSplit("no brackets to split at")
    tail.reverse()
    body.reverse()
    head.reverse()
    head_line = _build(head, line, opening, "head")
    body_line = _build(body, line, opening, "body")
    tail_line = _build(tail, line, opening, "tail")
    if not body_line:
        tail_length = len(render(tail_line).strip()) if tail_line else 0
        if tail_length < 3:
            raise CannotSplit("splitting at empty brackets gains nothing")
    return _Split(head_line, body_line, tail_line, opening, closing)


def _build(tokens: list[Token], original: Line, opening: Token, component: str) -> Line:
    line = Line(original.depth)
    if component == "body":
        line.inside = True
        line.depth += 1
    tracked = _inside_matching_brackets(tokens) if component == "head" else ()
    for token in tokens:
        line.append(token, preformatted=True, track=token in tracked)
    if component == "body" and _must_explode(line, opening):
        line.split_rhs = True
    return line


def _inside_matching_brackets(tokens: list[Token]) -> set[Token]:
    """The tokens of a head line that sit in bracket pairs closed on it."""
    found: set[Token] = set()
    stack: list[tuple[int, list[Token]]] = []
    started = False
    for token in tokens:
        kind = token.kind
        if kind in OPENERS:
            started = True
            stack.append((CLOSER_OF[kind], [token]))
        elif not started:
            continue
        elif kind in CLOSERS:
            if stack and stack[-1][0] == kind:
                _, level = stack.pop()
                level.append(token)
                found.update(level)
            else:
                break
        elif stack:
            stack[-1][1].append(token)
    return found


def _must_explode(body: Line, opening: Token) -> bool:
    """A display (or optional parentheses) holding commas goes one item per
    line as soon as it is split (black's should_split_line)."""
    if not opening.attached or not body.tokens:
        return False
    last = body.tokens[-1]
    trailing_comma = last.kind == COMMA
    priorities = [p for token, p in body.delimiters.items() if not (trailing_comma and token is last)]
    if not priorities:
        return False
    return max(priorities) == COMMA_PRIORITY and (trailing_comma or opening.role != TRAILER)


def _maybe_omit_optional_parens(split: _Split, line: Line, features: int, omit: set[Token] | frozenset[Token]) -> Iterator[Line]:
    if (
        not features & FORCE_PARENS
        and split.opening.kind == LPAR
        and not split.opening.value
        and split.closing.kind == RPAR
        and not split.closing.value
        and _can_omit_optional_parens(split)
    ):
        omit = {split.closing, *omit}
        try:
            inner = _first_right_hand_split(line, omit)
            if _prefer_inner_split(inner, split):
                yield from _maybe_omit_optional_parens(inner, line, features, omit)
                return
        except CannotSplit as error:
            if _is_chained_assignment(line):
                pass
            elif not _can_be_split(split.body) and not fits(split.body) and not (split.opening.role == CASE_PATTERN and split.opening.attached):
                raise CannotSplit("the body is too long and cannot be split") from error
    split.opening.make_visible()
    split.closing.make_visible()
    for piece in (split.head, split.body, split.tail):
        if piece:
            yield piece


def _is_chained_assignment(line: Line) -> bool:
    # black counts every `=`, keyword arguments included.
    return sum(1 for token in line.tokens if token.kind == EQUAL) > 1


def _can_omit_optional_parens(split: _Split) -> bool:
    """Whether the body reads well without the optional parentheses
    (black's can_omit_invisible_parens)."""
    body = split.body
    delimiters = body.delimiters
    if not delimiters:
        return True
    top = max(delimiters.values())
    if sum(1 for p in delimiters.values() if p == top) > 1:
        return False
    if top == DOT_PRIORITY:
        return True
    tokens = body.tokens
    first, second = tokens[0], tokens[1]
    if first.kind in OPENERS and second.kind not in CLOSERS and _can_omit_opening_paren(body, first):
        return True
    penultimate, last = tokens[-2], tokens[-1]
    if last.kind == RPAR or last.kind == RBRACE or (last.kind == RSQB and last.attached and last.role != TRAILER):
        if penultimate.kind in OPENERS:
            return False
        if _can_omit_closing_paren(body, last):
            return True
    return False


def _can_omit_opening_paren(line: Line, first: Token) -> bool:
    """The part from the bracket matching ``first`` to the end fits."""
    remainder = False
    length = 4 * line.depth
    for token in line.tokens:
        if token.kind in CLOSERS and token.opening is first:
            remainder = True
        if remainder:
            length += len(token.prefix) + token.length
            if length > LINE_LENGTH:
                return False
            if token.kind in OPENERS:
                remainder = False
    return True


def _can_omit_closing_paren(line: Line, last: Token) -> bool:
    """The part up to the bracket matching ``last`` fits, or holds other brackets."""
    length = 4 * line.depth
    seen_other_brackets = False
    for token in line.tokens:
        length += len(token.prefix) + token.length
        if token is last.opening:
            if seen_other_brackets or length <= LINE_LENGTH:
                return True
        elif token.kind in OPENERS:
            seen_other_brackets = True
    return False


def _prefer_inner_split(inner: _Split, outer: _Split) -> bool:
    """Whether splitting inside the optional parentheses beats splitting at
    them (black's _prefer_split_rhs_oop_over_rhs)."""
    head = outer.head.tokens
    if not (len(head) >= 2 and head[-2].kind == EQUAL):
        return True
    if not any(token.kind in OPENERS or token.kind in CLOSERS for token in head[:-1]):
        return True
    if not fits(outer.head, LINE_LENGTH - 1):
        return True
    if outer.head.magic:
        return True
    outer_equals = sum(1 for token in head if token.kind == EQUAL)
    inner_head = inner.head.tokens
    inner_equals = sum(1 for token in inner_head if token.kind == EQUAL)
    if outer_equals > 1 and outer_equals > inner_equals:
        return False
    for token in reversed(inner_head):
        if token.kind == EQUAL:
            break
        if token.kind in CLOSERS:
            return True
    return inner_equals > 0 and fits(inner.head)


def _can_be_split(line: Line) -> bool:
    """False when the line surely cannot be split (black's can_be_split)."""
    tokens = line.tokens
    if len(tokens) < 2:
        return False
    if tokens[0].kind == STRING and tokens[1].kind == DOT:
        calls = dots = 0
        following = tokens[-1]  # black never moves this along
        for token in tokens[-2::-1]:
            if token.kind in OPENERS:
                if following.kind not in CLOSERS:
                    return False
                calls += 1
            elif token.kind == DOT:
                dots += 1
            elif token.kind == NAME:
                if not (following.kind == DOT or following.kind in OPENERS):
                    return False
            elif token.kind not in CLOSERS:
                return False
            if dots > 1 and calls > 1:
                return False
    return True
