"""Workflow code checked against the action catalog, without compiling it.

The parser gives the IR with the place each action and keyword was written;
this module compares every action with its catalog entry: unknown actions,
unknown keys, enum values outside their set, literals of the wrong type and
required parameters left out.  Nothing is assembled and nothing runs.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from . import catalog
from .assemble import assemble_value
from .ir import Action, ListValue, Literal, iter_actions
from .parse import parse_workflow
from .syntax import CompileError

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding, placed at a 1-based line and column."""

    filename: str
    line: int
    column: int
    severity: str  # ERROR or WARNING
    message: str

    def __str__(self) -> str:
        return f"{self.filename}:{self.line}:{self.column}: {self.severity}: {self.message}"


def check_code(code: str, filename: str = "<string>") -> list[Diagnostic]:
    """Every problem found in ``code``, in source order.

    A syntax or naming error stops the parse; it is reported with the
    unknown-action errors found before it.
    """
    problems: list[CompileError] = []
    found: list[Diagnostic] = []
    try:
        workflow = parse_workflow(code, filename, problems=problems)
    except CompileError as error:
        problems.append(error)
        workflow = None
    found.extend(Diagnostic(filename, p.line, p.column, ERROR, p.message) for p in problems)
    if workflow is not None:
        for action in iter_actions(workflow.body):
            found.extend(_check_action(action, filename))
    return sorted(found)


# --- one action ---------------------------------------------------------------


def _check_action(action: Action, filename: str) -> list[Diagnostic]:
    entry = catalog.entry(action.identifier) if action.identifier else None
    if entry is None or action.origin is None:
        return []  # unknown (already reported) or general form: nothing to compare with
    origin = action.origin
    found = []

    def report(position, severity, message):
        found.append(Diagnostic(filename, position[0], position[1], severity, message))

    for key, value in action.params:
        parameter = entry.parameter(key)
        if parameter is None:
            if not catalog.is_general_key(key):
                # Keys of inferred entries are only those the corpus happened to use.
                severity = WARNING if entry.inferred else ERROR
                report(origin.key_position(key), severity, _unknown_key_message(entry, key))
            continue
        problem = _value_problem(parameter, value)
        if problem is not None:
            report(origin.value_position(key), ERROR, f"{entry.function_name}({key}=...): {problem}")
    given = {key for key, _ in action.params}
    for parameter in entry.parameters:
        if parameter.required and not parameter.is_input and not parameter.has_default and parameter.key not in given:
            report((origin.line, origin.column), WARNING, f"{entry.function_name}() has no {parameter.key}, which it requires")
    return found


def _unknown_key_message(entry: catalog.Entry, key: str) -> str:
    message = f"{entry.function_name}() has no parameter {key!r}"
    guesses = difflib.get_close_matches(key, entry.parameter_keys, n=1, cutoff=0.6)
    return message + (f"; did you mean {guesses[0]!r}?" if guesses else "")


# --- values -------------------------------------------------------------------

# What each catalog type accepts besides variables and text with variables
# (those can hold anything at run time).  The sets follow what the app
# itself writes in real files: 0/1 for booleans, numbers as text, and so on.
_ACCEPTED = {
    "boolean": {"boolean", "integer"},
    "number": {"integer", "number", "numeric text"},
    "integer": {"integer", "number", "numeric text", "boolean"},
    "enum": {"text", "list"},
    "dictionary": {"dictionary", "object"},
    "list": {"list", "text", "numeric text", "dictionary", "object"},
}
# Text takes nearly anything (numbers, lists of URLs); a bool there is a slip.
_REJECTED = {"text": {"boolean"}}
_KIND_NAMES = {
    "boolean": "a bool",
    "integer": "an integer",
    "number": "a real number",
    "text": "a string",
    "numeric text": "a string",
    "data": "bytes",
    "date": "a date",
    "tokens": "text with variables",
    "variable": "a variable",
    "list": "a list",
    "dictionary": "a dictionary",
    "object": "a dictionary",
}
_TYPE_NAMES = {
    "boolean": "True or False",
    "number": "a number",
    "integer": "an integer",
    "enum": "one of its values",
    "dictionary": "a dictionary",
    "list": "a list",
    "text": "text",
}


def _value_problem(parameter: catalog.Parameter, value) -> str | None:
    kind = catalog.literal_kind(assemble_value(value))
    if kind in ("variable", "tokens"):
        return None
    if parameter.enum and kind in ("text", "numeric text", "list"):
        return _enum_problem(parameter, value)
    if kind in parameter.seen:
        return None
    rejected = _REJECTED.get(parameter.type, set())
    accepted = _ACCEPTED.get(parameter.type)
    if kind in rejected or (accepted is not None and kind not in accepted):
        expected = f"one of {_members(parameter)}" if parameter.enum else _TYPE_NAMES.get(parameter.type, parameter.type)
        return f"found {_KIND_NAMES.get(kind, kind)}, expected {expected}"
    return None


def _enum_problem(parameter: catalog.Parameter, value) -> str | None:
    enum = parameter.enum or ()
    members = value.items if isinstance(value, ListValue) else [value]
    for member in members:
        text = member.value if isinstance(member, Literal) and isinstance(member.value, str) else None
        if text is not None and text not in enum:
            guesses = difflib.get_close_matches(text, enum, n=1, cutoff=0.6)
            hint = f"; did you mean {guesses[0]!r}?" if guesses else f", expected one of {_members(parameter)}"
            return f"found {text!r}{hint}"
    return None


def _members(parameter: catalog.Parameter, shown: int = 8) -> str:
    enum = parameter.enum or ()
    names = [repr(m) for m in enum[:shown]]
    if len(enum) > shown:
        names.append(f"... ({len(enum)} in all)")
    return ", ".join(names)
