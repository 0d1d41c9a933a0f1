"""The operations of shortcuts2py, for Python callers and the command line alike.

``load`` reads any container (or an iCloud share link), ``decompile`` and
``compile`` go between plists and code, ``check`` compares code with the
catalog, ``dump`` writes a plist, ``roundtrip`` runs the whole circle.  Every
failure is a ``DecompileError`` or a ``CompileError`` whose text is one line a
person can act on.
"""

from __future__ import annotations

import functools
import gc
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import container, limits
from .errors import CompileError, DecompileError


def _collector_paused(function):
    """Run ``function`` with Python's cycle collector paused (reference counting goes on).

    The stages build large trees of objects and no reference cycles (a test
    checks it), so the collector would only walk them again and again as they
    grow: about half the time of a large shortcut.  Whatever cycles other code
    leaves meanwhile are collected once it resumes.
    """

    @functools.wraps(function)
    def paused(*args, **kwargs):
        if not gc.isenabled():
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            gc.enable()

    return paused


@_collector_paused
def load(source: bytes | str | Path) -> dict:
    """Read a shortcut (file of any container, its bytes, or an iCloud share link) into its workflow plist dict."""
    # A link has "://" or starts with an iCloud host: only then is icloud imported.
    if isinstance(source, str) and ("://" in source or "icloud.com/" in source.lower()):
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


@_collector_paused
def decompile(source: bytes | str | Path | dict, *, keep_ids: bool = False, dialect: str = "default") -> str:
    """Shortcut (file path, link, bytes or plist dict) -> workflow code, in ``dialect``
    ("default", or "workflowbench": see docs/workflowbench.md)."""
    from .lower import lower_workflow

    with _exhaustion_as(DecompileError):
        workflow = _lifted(source)
        # WorkflowBench code names every output, as its data set does
        # (and keeps the parameters' keys)
        default = dialect == "default"
        code = lower_workflow(workflow, keep_ids=keep_ids, name_every_output=not default, plain_keywords=default)
    if dialect != "default":
        from .dialects import from_default

        return from_default(code, dialect)
    return code


def _check_limits(root: dict) -> None:
    """A dict given directly skipped the container: hold it to the same limits."""
    try:
        limits.check_value(root)
        actions = root.get("WFWorkflowActions")
        if isinstance(actions, list):
            limits.check_action_count(actions)
    except limits.PlistValueError as error:
        raise DecompileError(f"cannot read the shortcut: {error}") from None


@_collector_paused
def compile(code: str, *, filename: str = "<string>", dialect: str = "default") -> dict:  # noqa: A001 - the verb is the API
    """Workflow code (in ``dialect``) -> workflow plist dict.  Raises CompileError; a
    dialect's repairs are issued as ``dialects.RepairWarning`` warnings."""
    from .assemble import assemble_workflow
    from .parse import parse_workflow

    if dialect != "default":
        from .dialects import compile_code

        return compile_code(code, filename, dialect)
    with _exhaustion_as(CompileError, filename):
        return assemble_workflow(parse_workflow(code, filename))


@_collector_paused
def compile_checked(code: str, *, filename: str = "<string>", dialect: str = "default"):
    """Workflow code -> (workflow plist dict, what ``check`` finds in it), parsing once.
    For a dialect, its repairs are among the findings (warnings)."""
    from .assemble import assemble_workflow
    from .check import check_workflow
    from .parse import parse_workflow

    if dialect != "default":
        from .dialects import compile_code

        return compile_code(code, filename, dialect, checked=True)
    with _exhaustion_as(CompileError, filename):
        workflow = parse_workflow(code, filename)
        return assemble_workflow(workflow), check_workflow(workflow, filename)


@_collector_paused
def check(code: str, *, filename: str = "<string>"):
    """Problems of workflow code against the action catalog, in source order."""
    from .check import check_code

    with _exhaustion_as(CompileError, filename):
        return check_code(code, filename)


@_collector_paused
def dump(root: dict, *, xml: bool = False) -> bytes:
    """Workflow plist dict -> unsigned plist bytes (binary unless ``xml``).  Raises CompileError
    when the plist holds what no plist file can (see ``limits``)."""
    try:
        return container.write_bytes(root, xml=xml)
    except container.ContainerError as error:
        raise CompileError(str(error)) from None


def render(source: bytes | str | Path | dict, *, name: str = "Shortcut", fmt: str = "svg") -> str:
    """A picture of the shortcut as the app shows it: SVG or HTML text."""
    from .render import render as draw

    with _exhaustion_as(DecompileError):
        return draw(_lifted(source), name=name, fmt=fmt)


def _lifted(source: bytes | str | Path | dict):
    """The IR of a shortcut.  The plist read here is not kept: the IR holds all
    that the stages after need, and a large plist would double the memory."""
    from .lift import NotAShortcut, lift_workflow

    root = source if isinstance(source, dict) else load(source)
    if isinstance(source, dict):
        _check_limits(root)
    try:
        return lift_workflow(root)
    except NotAShortcut as error:
        raise DecompileError(str(error)) from None


# --- the boundary: what the stages cannot promise themselves ---------------------------------


@contextmanager
def _exhaustion_as(error_type: type, filename: str = "<string>"):
    """Turn running out of stack or memory inside a stage into the API's own error.

    The input limits keep plists shallow enough for every stage, but code is read
    by ``ast.parse`` and then walked recursively, and CPython's parser accepts
    nesting (a chain of subscripts, say) deeper than the walks can follow.  A
    stage that runs out is refused as a whole, with one line, instead of letting
    a RecursionError or MemoryError through.
    """
    try:
        yield
    except RecursionError:
        if error_type is CompileError:
            raise CompileError("the code nests too deeply to compile (values or blocks inside one another "
                               "hundreds of levels deep); set parts of it to variables first", 1, 1, filename) from None
        raise DecompileError("cannot decompile the shortcut: its values nest too deeply") from None
    except MemoryError:
        if error_type is CompileError:
            raise CompileError("there is not enough memory to compile the code", 1, 1, filename) from None
        raise DecompileError("cannot decompile the shortcut: there is not enough memory to hold it") from None


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


from . import _API  # noqa: E402  (the package lists the API once)

__all__ = list(_API)
