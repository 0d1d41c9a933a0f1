"""IR -> plist: the one place that knows how each node is written to a file."""

from __future__ import annotations

from .ir import (
    ABSENT,
    Action,
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
    Statement,
    TokenAttachment,
    TokenString,
    Value,
    Workflow,
)

OBJECT_REPLACEMENT = "\ufffc"


def assemble_workflow(workflow: Workflow) -> dict:
    root = {key: assemble_value(value) for key, value in workflow.header}
    root["WFWorkflowActions"] = assemble_actions(workflow.body)
    return root


def assemble_actions(body: list[Statement]) -> list[dict]:
    actions: list[dict] = []
    for statement in body:
        _emit_statement(statement, actions)
    return actions


def _emit_statement(statement: Statement, out: list[dict]) -> None:
    if isinstance(statement, Action):
        out.append(assemble_action(statement))
    elif isinstance(statement, RawAction):
        out.append(assemble_value(statement.value))
    else:
        _emit_block(statement, out)


def _emit_block(block: Block, out: list[dict]) -> None:
    out.append(assemble_action(block.start, block.group_id, 0))
    for section in block.sections:
        if section.opener is not None:
            out.append(assemble_action(section.opener, block.group_id, 1))
        for statement in section.body:
            _emit_statement(statement, out)
    out.append(assemble_action(block.end, block.group_id, 2))


def assemble_action(action: Action, group_id: str | None = None, mode: int | None = None) -> dict:
    params = {key: assemble_value(value) for key, value in action.params}
    if group_id is not None:
        params["GroupingIdentifier"] = group_id
        params["WFControlFlowMode"] = mode
    if action.uuid is not None:
        params["UUID"] = action.uuid
    return {
        "WFWorkflowActionIdentifier": action.identifier,
        "WFWorkflowActionParameters": params,
    }


def assemble_value(value: Value):
    # The common kinds by their exact type first (one test each, in the order of
    # how often they occur); anything else, subclasses included, by isinstance.
    kind = type(value)
    if kind is Literal:
        return value.value
    if kind is TokenString:
        return {"Value": assemble_token_text(value), "WFSerializationType": "WFTextTokenString"}
    if kind is TokenAttachment:
        return {
            "Value": assemble_attachment(value.attachment),
            "WFSerializationType": "WFTextTokenAttachment",
        }
    if kind is DictValue:
        return {key: assemble_value(item) for key, item in value.items}
    if kind is ListValue:
        return [assemble_value(item) for item in value.items]
    return _assemble_any(value)


def _assemble_any(value: Value):
    if isinstance(value, Literal):
        return value.value
    if isinstance(value, ListValue):
        return [assemble_value(item) for item in value.items]
    if isinstance(value, DictValue):
        return {key: assemble_value(item) for key, item in value.items}
    if isinstance(value, TokenAttachment):
        return {
            "Value": assemble_attachment(value.attachment),
            "WFSerializationType": "WFTextTokenAttachment",
        }
    if isinstance(value, BareAttachment):
        return assemble_attachment(value.attachment)
    if isinstance(value, TokenString):
        return {"Value": assemble_token_text(value), "WFSerializationType": "WFTextTokenString"}
    if isinstance(value, GroupRef):
        return value.group_id
    raise TypeError(f"not an IR value: {value!r}")


def assemble_token_text(value: TokenString) -> dict:
    """Join text parts, putting U+FFFC where each attachment goes.

    Offsets in ``attachmentsByRange`` count UTF-16 code units, so a character
    outside the BMP (most emoji) moves the next attachment by two.
    """
    pieces: list[str] = []
    ranges: dict = {}
    offset = 0
    for part in value.parts:
        if isinstance(part, str):
            pieces.append(part)
            offset += utf16_length(part)
        else:
            ranges[f"{{{offset}, 1}}"] = assemble_attachment(part)
            pieces.append(OBJECT_REPLACEMENT)
            offset += 1
    text: dict = {"string": "".join(pieces)}
    if ranges or value.has_ranges:
        text["attachmentsByRange"] = ranges
    return text


def utf16_length(text: str) -> int:
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def assemble_attachment(attachment: Attachment) -> dict:
    out = _assemble_base(attachment.base)
    if attachment.aggrandizements is not ABSENT:
        out["Aggrandizements"] = [
            {"Type": agg.kind, **{k: assemble_value(v) for k, v in agg.fields}}
            for agg in attachment.aggrandizements
        ]
    for key, value in attachment.extra:
        out[key] = assemble_value(value)
    return out


def _assemble_base(base) -> dict:
    if type(base) is OutputRef or isinstance(base, OutputRef):
        out = {"Type": "ActionOutput", "OutputUUID": base.uuid}
        if base.output_name is not ABSENT:
            out["OutputName"] = base.output_name
        return out
    if isinstance(base, NamedVariable):
        return {"Type": "Variable", "VariableName": base.name}
    if isinstance(base, GlobalVariable):
        return {"Type": base.kind}
    raise TypeError(f"not an attachment base: {base!r}")
