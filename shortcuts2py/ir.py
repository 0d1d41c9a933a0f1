"""The intermediate representation shared by every stage of the pipeline.

A workflow is a header (the top-level plist keys) and a body of statements.
Statements are actions and the four control-flow blocks.  Values are a small
tree: plist literals, lists, dictionaries, text with embedded variables and
references to variables ("attachments").

The IR keeps ids (action ``UUID``, ``OutputUUID``, ``GroupingIdentifier``) as
plain strings.  Lowering turns them into names; parsing turns names back into
ids (fresh ones, or the originals with ``--keep-ids``).

Every node converts back to exactly one plist value (see ``assemble``), and
``lift`` only builds a node when that conversion reproduces its input.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass, field
from collections.abc import Callable
from typing import Union


class _Absent:
    """Marks a key that is not there, as distinct from any value it could hold."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "ABSENT"

    def __bool__(self) -> bool:
        return False


ABSENT = _Absent()

Scalar = Union[str, int, float, bool, bytes, datetime.datetime]


# --- values -----------------------------------------------------------------


@dataclass(slots=True, eq=False)
class Literal:
    """A plist scalar: str, int, float, bool, bytes or date.

    Equal only to a Literal of the same type and value: Python's ``1 == True ==
    1.0`` would let a check for one shape pass another (an integer 1 where the
    app writes True), and 0.0 and -0.0 are two plist values."""

    value: Scalar

    def __eq__(self, other: object) -> bool:
        if type(other) is not Literal:
            return NotImplemented
        mine, theirs = self.value, other.value
        if type(mine) is not type(theirs) or mine != theirs:
            return False
        return type(mine) is not float or math.copysign(1.0, mine) == math.copysign(1.0, theirs)

    __hash__ = None  # mutable, as before: no Literal is a key


@dataclass(slots=True)
class ListValue:
    items: list["Value"]


@dataclass(slots=True)
class DictValue:
    """A plist dictionary; keys keep their order."""

    items: list[tuple[str, "Value"]]


@dataclass(slots=True)
class OutputRef:
    """The output of an action, found by its ``UUID``."""

    uuid: str
    output_name: Union[str, _Absent]


@dataclass(slots=True)
class NamedVariable:
    name: str


@dataclass(slots=True)
class GlobalVariable:
    """Shortcut Input, Clipboard, Current Date, Ask Each Time, Device Details...

    ``kind`` is the attachment ``Type`` as written in the file.
    """

    kind: str


Base = Union[OutputRef, NamedVariable, GlobalVariable]


@dataclass(slots=True)
class Aggrandizement:
    """One step applied to a variable: coerce, read a property, a key, a format."""

    kind: str  # the "Type" key, e.g. WFPropertyVariableAggrandizement
    fields: list[tuple[str, "Value"]]


@dataclass(slots=True)
class Attachment:
    """A reference to a runtime value, as stored in the plist.

    ``aggrandizements`` is ABSENT when the key is missing, which differs from
    an empty list.  ``extra`` holds any other keys of the attachment dict.
    """

    base: Base
    aggrandizements: Union[list[Aggrandizement], _Absent] = ABSENT
    extra: list[tuple[str, "Value"]] = field(default_factory=list)


@dataclass(slots=True)
class TokenAttachment:
    """A parameter that holds one variable (``WFTextTokenAttachment``)."""

    attachment: Attachment


@dataclass(slots=True)
class BareAttachment:
    """An attachment dict in a place that has no wrapper of its own."""

    attachment: Attachment


@dataclass(slots=True)
class TokenString:
    """Text with variables (``WFTextTokenString``); parts are str or Attachment.

    ``has_ranges`` tells whether ``attachmentsByRange`` was written when the
    text holds no variable (the app omits it; some tools write ``{}``).
    """

    parts: list[Union[str, Attachment]]
    has_ranges: bool = False


@dataclass(slots=True)
class GroupRef:
    """A ``GroupingIdentifier`` written on an action outside a recognised block."""

    group_id: str


def is_str_literal(value) -> bool:
    """True for a Literal holding text."""
    return isinstance(value, Literal) and isinstance(value.value, str)


Value = Union[
    Literal,
    ListValue,
    DictValue,
    TokenAttachment,
    BareAttachment,
    TokenString,
    GroupRef,
]


# --- statements ---------------------------------------------------------------


@dataclass(slots=True)
class Origin:
    """Where an action was written in code: 1-based line and column of the
    statement, and of each parameter's key and value written as a keyword."""

    line: int
    column: int
    # Where each parameter's key and value start, as the syntax tree counts (line,
    # UTF-8 byte offset); ``locate`` turns one into line and column when a checker
    # asks (few are ever asked for).
    keys: dict[str, tuple[int, int]] = field(default_factory=dict)
    values: dict[str, tuple[int, int]] = field(default_factory=dict)
    locate: Callable[[int, int], tuple[int, int]] | None = None
    # A call that gives neither its input nor `_`: the app will hand it the
    # previous output all the same, which the code does not say (check warns).
    input_unsaid: bool = False

    def key_position(self, key: str) -> tuple[int, int]:
        found = self.keys.get(key)
        return (self.line, self.column) if found is None or self.locate is None else self.locate(*found)

    def value_position(self, key: str) -> tuple[int, int]:
        found = self.values.get(key)
        return self.key_position(key) if found is None or self.locate is None else self.locate(*found)


@dataclass(slots=True)
class Action:
    """One action.  ``uuid`` is its output id, or None when it has none.

    ``params`` excludes ``UUID`` (held in ``uuid``) and, for pieces of a
    recognised block, ``GroupingIdentifier`` and ``WFControlFlowMode``.
    ``origin`` is set by the parser only; it never takes part in comparisons.
    """

    identifier: str
    params: list[tuple[str, Value]]
    uuid: str | None = None
    origin: Origin | None = field(default=None, compare=False, repr=False)

    def param(self, key: str):
        for k, v in self.params:
            if k == key:
                return v
        return ABSENT


@dataclass(slots=True)
class RawAction:
    """An action entry whose shape is not the usual identifier + parameters."""

    value: Value


@dataclass(slots=True)
class Section:
    """A run of statements, opened by a middle action (Otherwise, a menu case)
    or, for the first section of a block, by the block's start action."""

    opener: Action | None
    body: list["Statement"]


@dataclass(slots=True)
class Block:
    """If, Choose from Menu, Repeat or Repeat with Each.

    ``start``, each section opener and ``end`` are the actions that make the
    block; they share ``group_id``.
    """

    group_id: str
    start: Action
    sections: list[Section]
    end: Action

    @property
    def identifier(self) -> str:
        return self.start.identifier


Statement = Union[Action, RawAction, Block]


@dataclass(slots=True)
class Workflow:
    """The whole shortcut: top-level keys (minus the actions) and the body."""

    header: list[tuple[str, Value]]
    body: list[Statement]


CONDITIONAL = "is.workflow.actions.conditional"
MENU = "is.workflow.actions.choosefrommenu"
REPEAT_COUNT = "is.workflow.actions.repeat.count"
REPEAT_EACH = "is.workflow.actions.repeat.each"
BLOCK_IDENTIFIERS = (CONDITIONAL, MENU, REPEAT_COUNT, REPEAT_EACH)
COMMENT = "is.workflow.actions.comment"
SET_VARIABLE = "is.workflow.actions.setvariable"
APPEND_VARIABLE = "is.workflow.actions.appendvariable"

# The output name the app gives the result of each block.
BLOCK_OUTPUT_NAMES = {
    CONDITIONAL: "If Result",
    MENU: "Menu Result",
    REPEAT_COUNT: "Repeat Results",
    REPEAT_EACH: "Repeat Results",
}


def iter_actions(body: list[Statement]):
    """Every Action in ``body`` in file order, block pieces included."""
    for statement in body:
        if isinstance(statement, Action):
            yield statement
        elif isinstance(statement, Block):
            for section in statement.sections:
                if section.opener is not None:
                    yield section.opener
                yield from iter_actions(section.body)
            yield statement.end
