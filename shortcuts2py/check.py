"""Workflow code checked against the action catalog, without compiling it.

The parser gives the IR with the place each action and keyword was written;
this module compares every action with its catalog entry: unknown actions,
unknown keys, enum values outside their set, literals of the wrong type and
required parameters left out.  Nothing is assembled and nothing runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import catalog
from .assemble import assemble_value
from .ir import Action, ListValue, Literal, iter_actions
from .parse import parse_workflow
from .errors import CompileError

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
        found.extend(check_workflow(workflow, filename))
    return sorted(found)


def check_workflow(workflow, filename: str = "<string>") -> list[Diagnostic]:
    """The catalog findings for a parsed workflow (its actions carry their origins)."""
    found: list[Diagnostic] = []
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

    def report(position, finding):
        if finding is not None:
            severity, message = finding
            found.append(Diagnostic(filename, position[0], position[1], severity, message))

    for key, value in action.params:
        parameter = entry.parameter(key)
        if parameter is None:
            report(origin.key_position(key), _unknown_key(entry, key))
        else:
            report(origin.value_position(key), _value_problem(entry, parameter, value))
    given = {key for key, _ in action.params}
    if origin.input_unsaid:
        report((origin.line, origin.column), (WARNING, _input_unsaid(entry)))
    for parameter in entry.parameters:
        if parameter.required and not parameter.is_input and not parameter.has_default and parameter.key not in given:
            keyword = catalog.written_keywords(entry).get(parameter.key, parameter.key)
            report((origin.line, origin.column), (WARNING, f"{entry.function_name}() has no {keyword}, which it requires"))
    return found


def _input_unsaid(entry: catalog.Entry) -> str:
    key = catalog.written_keywords(entry).get(entry.input_parameter, entry.input_parameter)
    return (f"{catalog.call_name(entry.identifier)}() is given no {key}, so the app gives it the previous action's "
            f"output (or the shortcut's input); say which: {key}=value, or {key}=_ for the previous output")


def _unknown_key(entry: catalog.Entry, key: str) -> tuple[str, str] | None:
    """A key the catalog does not list for the action: an error when it
    misspells a key the action has (or a key every action has), a warning
    otherwise, since the app writes keys no reference lists."""
    name = entry.function_name
    if key in catalog.GENERAL_KEYS:
        return None
    if key.startswith("Show-"):
        # The editor's flag for showing a parameter: only its parameter can be misspelt.
        shown = key.removeprefix("Show-")
        guess = None if entry.parameter(shown) else catalog.likely_typo(shown, entry.parameter_keys)
        return (ERROR, f"{name}() has no parameter {shown!r} to show; did you mean 'Show-{guess}'?") if guess else None
    guess = catalog.likely_typo(key, entry.parameter_keys + tuple(sorted(catalog.GENERAL_KEYS)))
    if guess is not None:
        return ERROR, f"{name}() has no parameter {key!r}; did you mean {guess!r}?"
    return WARNING, f"{name}() has no parameter {key!r} in the catalog (not a misspelling of one it has)"


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
# A number field holds what was typed: empty, or a number in the writer's
# locale ("0,5", "1 000").
_TYPED_NUMBER = re.compile(r"\s*([-+\u2212]?[\d\s.,'\u00a0\u202f\u2019]*\d[\d\s.,'\u00a0\u202f\u2019]*)?\s*")
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


def _value_problem(entry: catalog.Entry, parameter: catalog.Parameter, value) -> tuple[str, str] | None:
    literal = assemble_value(value)
    kind = catalog.literal_kind(literal)
    if kind in ("variable", "tokens") or literal == "":  # "" is a field left empty
        return None
    if parameter.enum and kind in ("text", "numeric text", "list"):
        return _enum_problem(entry, parameter, value)
    if kind in parameter.seen:
        return None
    if parameter.type in ("number", "integer") and kind == "text" and isinstance(literal, str) and _TYPED_NUMBER.fullmatch(literal):
        return None
    rejected = _REJECTED.get(parameter.type, set())
    accepted = _ACCEPTED.get(parameter.type)
    if kind in rejected or (accepted is not None and kind not in accepted):
        expected = f"one of {_members(parameter)}" if parameter.enum else _TYPE_NAMES.get(parameter.type, parameter.type)
        # Only the app's own definitions fix a type; App Intents listings and
        # real files only suggest one.
        severity = ERROR if parameter.type_source == "wfactions" else WARNING
        return severity, f"{entry.function_name}({parameter.key}=...): found {_KIND_NAMES.get(kind, kind)}, expected {expected}"
    return None


def _enum_problem(entry: catalog.Entry, parameter: catalog.Parameter, value) -> tuple[str, str] | None:
    """A value outside the known members: an error when it misspells one,
    a warning otherwise (apps add members that no reference lists)."""
    enum = parameter.enum or ()
    members = value.items if isinstance(value, ListValue) else [value]
    where = f"{entry.function_name}({parameter.key}=...)"
    for member in members:
        text = member.value if isinstance(member, Literal) and isinstance(member.value, str) else None
        if text is None or text in enum:
            continue
        guess = catalog.likely_typo(text, enum, vocabulary=frozenset())
        if guess is not None:
            return ERROR, f"{where}: found {text!r}; did you mean {guess!r}?"
        return WARNING, f"{where}: found {text!r}, which is not one of its known values {_members(parameter)}"
    return None


def _members(parameter: catalog.Parameter, shown: int = 8) -> str:
    enum = parameter.enum or ()
    names = [repr(m) for m in enum[:shown]]
    if len(enum) > shown:
        names.append(f"... ({len(enum)} in all)")
    return ", ".join(names)
