"""The operations of shortcuts2py, for Python callers and the command line alike."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import container
from .check import Diagnostic, check_code
from .assemble import assemble_workflow
from .compare import first_difference
from .lift import NotAShortcut, lift_workflow
from .lower import lower_workflow
from .parse import parse_workflow
from .errors import CompileError, DecompileError


def load(source: bytes | str | Path) -> dict:
    """Read a shortcut (file of any container, its bytes, or an iCloud share link) into its workflow plist dict."""
    if isinstance(source, str):
        from . import icloud  # here, not at the top: icloud imports this module

        if icloud.looks_like_url(source):
            return icloud.fetch(source).root
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    try:
        return container.read_bytes(data)
    except container.ContainerError as error:
        raise DecompileError(str(error)) from None


def decompile(source: bytes | str | Path | dict, *, keep_ids: bool = False) -> str:
    """Shortcut (file path, bytes or plist dict) -> workflow code."""
    root = source if isinstance(source, dict) else load(source)
    try:
        workflow = lift_workflow(root)
    except NotAShortcut as error:
        raise DecompileError(str(error)) from None
    return lower_workflow(workflow, keep_ids=keep_ids)


def compile(code: str, *, filename: str = "<string>") -> dict:  # noqa: A001 - the verb is the API
    """Workflow code -> workflow plist dict.  Raises CompileError."""
    return assemble_workflow(parse_workflow(code, filename))


def check(code: str, *, filename: str = "<string>") -> list[Diagnostic]:
    """Problems of workflow code against the action catalog, in source order."""
    return check_code(code, filename)


def dump(root: dict, *, xml: bool = False) -> bytes:
    """Workflow plist dict -> unsigned plist bytes (binary unless ``xml``)."""
    return container.write_bytes(root, xml=xml)


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
    "Diagnostic",
    "RoundTrip",
    "check",
    "compile",
    "decompile",
    "dump",
    "load",
    "roundtrip",
]
