"""plist -> IR: recognise actions, blocks, variables and text on top of the raw tree.

Recognition is conservative.  A node is built only for a shape it writes back
exactly: each recogniser checks every key and type of its shape (the tests
check ``assemble(lift(x)) == x`` over the corpus and random plists), so no
action is written and compared at run time.  Anything else stays a general
node (``DictValue``, ``RawAction``, a flat control-flow action), so nothing
is lost and nothing unknown aborts.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from .ir import (
    ABSENT,
    BLOCK_IDENTIFIERS,
    CONDITIONAL,
    MENU,
    Action,
    Aggrandizement,
    Attachment,
    BareAttachment,
    Block,
    DictValue,
    GlobalVariable,
    GroupRef,
    ListValue,
    Literal,
    NamedVariable,
    OutputRef,
    RawAction,
    Section,
    Statement,
    TokenAttachment,
    TokenString,
    Value,
    Workflow,
)

# Attachment types that may stand alone in a dictionary and still be read as a
# variable.  Inside text or a token attachment any ``Type`` is accepted.
GLOBAL_KINDS = ("ExtensionInput", "CurrentDate", "Clipboard", "Ask", "DeviceDetails", "Input")

_RANGE_KEY = re.compile(r"\{(0|[1-9][0-9]{0,8}), 1\}")  # one spelling per offset: "{01, 1}" stays general; no text is 10**9 long


class NotAShortcut(ValueError):
    """The plist has no ``WFWorkflowActions`` list."""


def lift_workflow(root: dict) -> Workflow:
    actions = root.get("WFWorkflowActions") if isinstance(root, dict) else None
    if not isinstance(actions, list):
        raise NotAShortcut("not a shortcut: the plist has no WFWorkflowActions list")
    header = [(key, lift_value(value)) for key, value in root.items() if key != "WFWorkflowActions"]
    pieces = [_lift_entry(entry) for entry in actions]
    return Workflow(header=header, body=_build_blocks(pieces))


# --- actions -------------------------------------------------------------------


@dataclass
class _Piece:
    """One entry of the action list, before blocks are rebuilt."""

    statement: Action | RawAction
    group_id: str | None = None  # set when the entry can be part of a block
    mode: int | None = None


def _lift_entry(entry) -> _Piece:
    if not (
        isinstance(entry, dict)
        and set(entry) == {"WFWorkflowActionIdentifier", "WFWorkflowActionParameters"}
        and isinstance(entry["WFWorkflowActionIdentifier"], str)
        and isinstance(entry["WFWorkflowActionParameters"], dict)
    ):
        return _Piece(RawAction(lift_value(entry)))
    identifier = entry["WFWorkflowActionIdentifier"]
    params = entry["WFWorkflowActionParameters"]
    piece = _block_piece(identifier, params)
    if piece is not None:
        return piece
    action = Action(identifier, [], None)
    for key, value in params.items():
        if key == "UUID" and isinstance(value, str):
            action.uuid = value
        elif key == "GroupingIdentifier" and isinstance(value, str):
            action.params.append((key, GroupRef(value)))
        else:
            action.params.append((key, lift_value(value)))
    return _Piece(action)


def _block_piece(identifier: str, params: dict) -> _Piece | None:
    """A start, middle or end of a block, if the entry has the shape of one."""
    if identifier not in BLOCK_IDENTIFIERS:
        return None
    group_id = params.get("GroupingIdentifier")
    mode = params.get("WFControlFlowMode")
    if not isinstance(group_id, str) or type(mode) is not int or mode not in (0, 1, 2):
        return None
    uuid = params.get("UUID")
    if "UUID" in params and not isinstance(uuid, str):
        return None
    rest = [
        (key, lift_value(value))
        for key, value in params.items()
        if key not in ("GroupingIdentifier", "WFControlFlowMode", "UUID")
    ]
    if mode == 1 and identifier == CONDITIONAL and rest:
        return None  # an "Otherwise" with settings of its own has no `else:` form
    return _Piece(Action(identifier, rest, uuid), group_id, mode)


def _flat(piece: _Piece) -> Action | RawAction:
    """A block piece that did not pair up: an ordinary action again."""
    action = piece.statement
    assert isinstance(action, Action)
    params = list(action.params)
    params.append(("GroupingIdentifier", GroupRef(piece.group_id)))
    params.append(("WFControlFlowMode", Literal(piece.mode)))
    return Action(action.identifier, params, action.uuid)


# --- blocks ----------------------------------------------------------------------


@dataclass
class _OpenBlock:
    start: int
    group_id: str
    identifier: str
    middles: list[int] = field(default_factory=list)


def _build_blocks(pieces: list[_Piece]) -> list[Statement]:
    blocks = _match_blocks(pieces)
    _drop_shared_groups(pieces, blocks)
    _keep_one_id_style(pieces, blocks)
    body, _ = _build_range(pieces, blocks, 0, len(pieces))
    return body


def _keep_one_id_style(pieces: list[_Piece], blocks: dict) -> None:
    """Ids on the pieces of a block are kept when every piece of every block of
    that kind (If, menu, Repeat...) carries one (some tools write them so: the
    header's ``block_ids`` says it once per kind), or when only a block's start
    and end carry them (``start_ids`` numbers those blocks).  A block with an id
    on a middle piece in any other file stays flat.  An empty id is an id: the
    key is there and must come back."""
    by_kind: dict[str, list[int]] = {}
    for start in blocks:
        by_kind.setdefault(pieces[start].statement.identifier, []).append(start)
    for starts in by_kind.values():
        every = all(pieces[i].statement.uuid is not None for s in starts for i in (s, *blocks[s][0], blocks[s][1]))
        if every:
            continue
        for start in starts:
            if any(pieces[i].statement.uuid is not None for i in blocks[start][0]):
                del blocks[start]


def block_ids_style(body: list[Statement]) -> frozenset[str]:
    """The kinds of block whose pieces all carry ids in a lifted body (see above)."""
    every: dict[str, bool] = {}
    for block in blocks_in_order(body):
        pieces = [block.start, *(section.opener for section in block.sections[1:]), block.end]
        every[block.identifier] = every.get(block.identifier, True) and all(piece.uuid is not None for piece in pieces)
    return frozenset(kind for kind, all_marked in every.items() if all_marked)


def start_ids_style(body: list[Statement], block_ids: frozenset[str]) -> dict[str, list[int]]:
    """Per kind not in ``block_ids``: the numbers (1-based, in the order the code
    opens blocks) of the blocks whose start carries an id."""
    found: dict[str, list[int]] = {}
    counts: dict[str, int] = {}
    for block in blocks_in_order(body):
        number = counts[block.identifier] = counts.get(block.identifier, 0) + 1
        if block.identifier not in block_ids and block.start.uuid is not None:
            found.setdefault(block.identifier, []).append(number)
    return found


def blocks_in_order(body: list[Statement]):
    """Every block, each before the blocks inside it: the order code opens them."""
    for statement in body:
        if isinstance(statement, Block):
            yield statement
            for section in statement.sections:
                yield from blocks_in_order(section.body)


def _drop_shared_groups(pieces: list[_Piece], blocks: dict) -> None:
    """Keep a block only if no action outside a block carries its group id.

    A flat action that carries a block's group id can only be kept with it by
    leaving the block flat too.  Several whole blocks that share one group id
    (an If pasted several times keeps its id) stay blocks: each block's group
    id is listed in the order the code opens them, and an id listed twice is
    kept in ``ids(groups=[...])`` (see header.kept_ids_trailer).
    """
    in_blocks = {i for start, (middles, end) in blocks.items() for i in (start, *middles, end)}
    flat: set[str] = set()
    for index, piece in enumerate(pieces):
        if piece.group_id is not None and index not in in_blocks:
            flat.add(piece.group_id)
        if isinstance(piece.statement, Action):
            flat.update(value.group_id for _, value in piece.statement.params if isinstance(value, GroupRef))
    for start in [s for s in blocks if pieces[s].group_id in flat]:
        del blocks[start]


def _match_blocks(pieces: list[_Piece]) -> dict[int, tuple[list[int], int]]:
    """Pair starts, middles and ends by group id; returns start -> (middles, end)."""
    stack: list[_OpenBlock] = []
    found: dict[int, tuple[list[int], int]] = {}
    for index, piece in enumerate(pieces):
        if piece.group_id is None:
            continue
        key = (piece.group_id, piece.statement.identifier)
        if piece.mode == 0:
            stack.append(_OpenBlock(index, piece.group_id, piece.statement.identifier))
            continue
        depth = next(
            (d for d in range(len(stack) - 1, -1, -1) if (stack[d].group_id, stack[d].identifier) == key),
            None,
        )
        if depth is None:
            continue  # an orphan: stays flat
        del stack[depth + 1 :]  # blocks opened inside and never closed stay flat
        if piece.mode == 1:
            stack[depth].middles.append(index)
        else:
            block = stack.pop()
            if _well_formed(pieces, block, index):
                found[block.start] = (block.middles, index)
    return found


def _well_formed(pieces: list[_Piece], block: _OpenBlock, end: int) -> bool:
    if block.identifier == CONDITIONAL:
        return len(block.middles) <= 1
    if block.identifier == MENU:
        # `match` needs a case, and nothing may come before the first case.
        return bool(block.middles) and block.middles[0] == block.start + 1
    return not block.middles


def _build_range(pieces, blocks, lo: int, hi: int) -> tuple[list[Statement], int]:
    body: list[Statement] = []
    index = lo
    while index < hi:
        piece = pieces[index]
        if index in blocks:
            middles, end = blocks[index]
            body.append(_build_block(pieces, blocks, index, middles, end))
            index = end + 1
            continue
        body.append(_flat(piece) if piece.group_id is not None else piece.statement)
        index += 1
    return body, index


def _build_block(pieces, blocks, start: int, middles: list[int], end: int) -> Block:
    bounds = [start, *middles, end]
    sections = []
    for i, opener in enumerate(bounds[:-1]):
        body, _ = _build_range(pieces, blocks, opener + 1, bounds[i + 1])
        sections.append(Section(None if i == 0 else pieces[opener].statement, body))
    return Block(pieces[start].group_id, pieces[start].statement, sections, pieces[end].statement)


# --- values -----------------------------------------------------------------------


_SCALAR_TYPES = (str, bool, int, float, bytes, datetime.datetime)
_EXACT_SCALARS = frozenset(_SCALAR_TYPES)


def lift_value(value) -> Value:
    kind = type(value)
    if kind in _EXACT_SCALARS:  # what a plist reader makes: one set lookup decides
        return Literal(value)
    if kind is dict:
        return _lift_dict(value)
    if kind is list:
        return ListValue([lift_value(item) for item in value])
    if isinstance(value, _SCALAR_TYPES):  # a subclass, from a dict given to the API
        return Literal(value)
    if isinstance(value, list):
        return ListValue([lift_value(item) for item in value])
    if isinstance(value, dict):
        return _lift_dict(value)
    raise TypeError(f"not a plist value: {type(value).__name__}")


def _lift_dict(value: dict) -> Value:
    tag = value.get("WFSerializationType")
    if set(value) == {"Value", "WFSerializationType"}:
        if tag == "WFTextTokenAttachment":
            attachment = lift_attachment(value["Value"], any_type=True)
            if attachment is not None:
                return TokenAttachment(attachment)
        elif tag == "WFTextTokenString":
            text = lift_token_text(value["Value"])
            if text is not None:
                return text
    attachment = lift_attachment(value, any_type=False)
    if attachment is not None:
        return BareAttachment(attachment)
    return DictValue([(key, lift_value(item)) for key, item in value.items()])


def lift_token_text(value) -> TokenString | None:
    """The text of ``{"string": ..., "attachmentsByRange": ...}``, or None for another shape."""
    if not isinstance(value, dict) or not isinstance(value.get("string"), str):
        return None
    if not set(value) <= {"string", "attachmentsByRange"}:
        return None
    text = value["string"]
    ranges = value.get("attachmentsByRange", {})
    if not isinstance(ranges, dict):
        return None
    by_offset = {}
    for key, raw in ranges.items():
        match = _RANGE_KEY.fullmatch(key)
        attachment = lift_attachment(raw, any_type=True)
        if match is None or attachment is None:
            return None  # odd spelling or content: keep the general form
        by_offset[int(match.group(1))] = attachment
    parts = _split_text(text, by_offset)
    if parts is None:
        return None
    return TokenString(parts, has_ranges="attachmentsByRange" in value and not ranges)


def _split_text(text: str, by_offset: dict) -> list | None:
    """Cut ``text`` at each attachment; offsets are UTF-16 code units."""
    if text.isascii() or _ASTRAL.search(text) is None:
        return _split_bmp_text(text, by_offset)
    parts: list = []
    current: list[str] = []
    offset = 0
    for ch in text:
        if offset in by_offset:
            if ch != "\ufffc":
                return None
            if current:
                parts.append("".join(current))
                current = []
            parts.append(by_offset.pop(offset))
        else:
            current.append(ch)
        offset += 2 if ord(ch) > 0xFFFF else 1
    if by_offset:
        return None  # a range points past the end or into a surrogate pair
    if current:
        parts.append("".join(current))
    return parts


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # characters that take two UTF-16 units


def _split_bmp_text(text: str, by_offset: dict) -> list | None:
    """``_split_text`` for text whose UTF-16 offsets are its indices (no astral
    characters): cut at the attachments alone instead of walking every character."""
    parts: list = []
    start = 0
    for offset in sorted(by_offset):
        if offset >= len(text) or text[offset] != "\ufffc":
            return None
        if offset > start:
            parts.append(text[start:offset])
        parts.append(by_offset[offset])
        start = offset + 1
    if start < len(text):
        parts.append(text[start:])
    return parts


def lift_attachment(value, *, any_type: bool) -> Attachment | None:
    if not isinstance(value, dict) or not isinstance(value.get("Type"), str):
        return None
    kind = value["Type"]
    if kind == "ActionOutput":
        uuid, name = value.get("OutputUUID"), value.get("OutputName", ABSENT)
        if not isinstance(uuid, str) or not (name is ABSENT or isinstance(name, str)):
            return None
        base, used = OutputRef(uuid, name), {"Type", "OutputUUID", "OutputName"}
    elif kind == "Variable":
        if not isinstance(value.get("VariableName"), str):
            return None
        base, used = NamedVariable(value["VariableName"]), {"Type", "VariableName"}
    elif kind in GLOBAL_KINDS or any_type:
        base, used = GlobalVariable(kind), {"Type"}
    else:
        return None
    aggrandizements = _lift_aggrandizements(value.get("Aggrandizements", ABSENT))
    if aggrandizements is None:
        aggrandizements = ABSENT  # not a list of typed steps: kept as an extra key
    else:
        used = used | {"Aggrandizements"}
    extra = [(key, lift_value(item)) for key, item in value.items() if key not in used]
    return Attachment(base, aggrandizements, extra)


def _lift_aggrandizements(value):
    if value is ABSENT:
        return ABSENT
    if not isinstance(value, list):
        return None
    out = []
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("Type"), str):
            return None
        fields = [(key, lift_value(v)) for key, v in item.items() if key != "Type"]
        out.append(Aggrandizement(item["Type"], fields))
    return out
