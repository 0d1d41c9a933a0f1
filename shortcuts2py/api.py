"""The operations of shortcuts2py, for Python callers and the command line alike.

``load`` reads any container (or an iCloud share link), ``decompile`` and
``compile`` go between plists and code, ``check`` compares code with the
catalog, ``dump`` writes a plist, ``roundtrip`` runs the whole circle.  Every
failure is a ``DecompileError`` or a ``CompileError`` whose text is one line a
person can act on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import container, limits
from .errors import CompileError, DecompileError


def load(source: bytes | str | Path) -> dict:
    """Read a shortcut (file of any container, its bytes, or an iCloud share link) into its workflow plist dict."""
    if isinstance(source, str):
        from . import icloud  # here, not at the top: it is needed only for links

        if icloud.looks_like_url(source):
            return icloud.fetch(source).root
    try:
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
    except OSError as error:
        raise DecompileError(f"cannot read the file: {error.strerror or error}") from None
    try:
        return container.read_bytes(data)
    except container.ContainerError as error:
        raise DecompileError(str(error)) from None


def decompile(source: bytes | str | Path | dict, *, keep_ids: bool = False) -> str:
    """Shortcut (file path, link, bytes or plist dict) -> workflow code."""
    from .lift import NotAShortcut, lift_workflow
    from .lower import lower_workflow

    root = source if isinstance(source, dict) else load(source)
    if isinstance(source, dict):
        _check_limits(root)
    try:
        workflow = lift_workflow(root)
    except NotAShortcut as error:
        raise DecompileError(str(error)) from None
    return lower_workflow(workflow, keep_ids=keep_ids)


def _check_limits(root: dict) -> None:
    """A dict given directly skipped the container: hold it to the same limits."""
    try:
        limits.check_value(root)
        actions = root.get("WFWorkflowActions")
        if isinstance(actions, list):
            limits.check_action_count(actions)
    except limits.PlistValueError as error:
        raise DecompileError(f"cannot read the shortcut: {error}") from None


def compile(code: str, *, filename: str = "<string>") -> dict:  # noqa: A001 - the verb is the API
    """Workflow code -> workflow plist dict.  Raises CompileError."""
    from .assemble import assemble_workflow
    from .parse import parse_workflow

    return assemble_workflow(parse_workflow(code, filename))


def compile_checked(code: str, *, filename: str = "<string>"):
    """Workflow code -> (workflow plist dict, what ``check`` finds in it), parsing once."""
    from .assemble import assemble_workflow
    from .check import check_workflow
    from .parse import parse_workflow

    workflow = parse_workflow(code, filename)
    return assemble_workflow(workflow), check_workflow(workflow, filename)


def check(code: str, *, filename: str = "<string>"):
    """Problems of workflow code against the action catalog, in source order."""
    from .check import check_code

    return check_code(code, filename)


def dump(root: dict, *, xml: bool = False) -> bytes:
    """Workflow plist dict -> unsigned plist bytes (binary unless ``xml``).  Raises CompileError
    when the plist holds what no plist file can (see ``limits``)."""
    try:
        return container.write_bytes(root, xml=xml)
    except container.ContainerError as error:
        raise CompileError(str(error)) from None


def render(source: bytes | str | Path | dict, *, name: str = "Shortcut", fmt: str = "svg") -> str:
    """A picture of the shortcut as the app shows it: SVG or HTML text."""
    from .lift import NotAShortcut, lift_workflow
    from .render import render as draw

    root = source if isinstance(source, dict) else load(source)
    try:
        workflow = lift_workflow(root)
    except NotAShortcut as error:
        raise DecompileError(str(error)) from None
    return draw(workflow, name=name, fmt=fmt)


@dataclass
class RoundTrip:
    """What the round trip of one shortcut gave."""

    code: str
    difference: str | None  # the first difference, or None when equal
    fixpoint: bool  # decompiling the result gives the same code

    @property
    def ok(self) -> bool:
        return self.difference is None and self.fixpoint


def roundtrip(source: bytes | str | Path | dict, *, keep_ids: bool = False) -> RoundTrip:
    """Decompile, compile and compare with the original, all in memory."""
    from .compare import first_difference

    root = source if isinstance(source, dict) else load(source)
    code = decompile(root, keep_ids=keep_ids)
    try:
        result = compile(code, filename="<decompiled>")
    except CompileError as error:
        return RoundTrip(code, f"the decompiled code does not compile: {error}", False)
    difference = first_difference(root, result, rename_ids=not keep_ids)
    again = decompile(result, keep_ids=keep_ids)
    return RoundTrip(code, difference, again == code)


__all__ = [
    "CompileError",
    "DecompileError",
    "RoundTrip",
    "check",
    "compile",
    "compile_checked",
    "decompile",
    "dump",
    "load",
    "render",
    "roundtrip",
]
