"""What a dialect's translation gives, and compiling it with errors placed in the user's file.

A dialect rewrites its source into the default language; the compiler then
reports problems at lines of that rewrite.  ``line_map`` takes each line of the
rewrite back to the (line, column) of the statement it came from, so every
error and warning names a place in the file the user wrote.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

from ..errors import CompileError


class RepairWarning(UserWarning):
    """A change a dialect made to read code (``api.compile`` issues one per repair)."""


@dataclass(frozen=True)
class Repair:
    """One change made to read the dialect's code: where (1-based) and what."""

    line: int
    column: int
    message: str

    def diagnostic(self, filename: str):
        from ..check import Diagnostic

        return Diagnostic(filename, self.line, self.column, "warning", self.message)

    def text(self, filename: str) -> str:
        return f"{filename}:{self.line}:{self.column}: warning: {self.message}"


@dataclass
class Translation:
    """Default-language code for a dialect's source, with its repairs and line map."""

    code: str
    repairs: list[Repair] = field(default_factory=list)
    line_map: dict[int, tuple[int, int]] = field(default_factory=dict)  # line of ``code`` -> (line, column) in the source

    def place(self, line: int) -> tuple[int, int]:
        """The source position of a line of ``code`` (the nearest mapped line above it)."""
        for candidate in range(line, 0, -1):
            if candidate in self.line_map:
                return self.line_map[candidate]
        return 1, 1


def compile_translated(translation: Translation, filename: str, *, checked: bool = False):
    """The plist of a translation; with ``checked``, also the repairs and the check
    findings as diagnostics in the source's positions.  Raises CompileError at a
    source position."""
    from .. import api

    try:
        if checked:
            plist, findings = api.compile_checked(translation.code, filename=filename)
        else:
            plist, findings = api.compile(translation.code, filename=filename), []
    except CompileError as error:
        line, column = translation.place(error.line)
        raise CompileError(error.message, line, column, filename) from None
    if not checked:
        for repair in translation.repairs:
            warnings.warn(RepairWarning(repair.text(filename)), stacklevel=3)
        return plist
    from ..check import Diagnostic

    placed = []
    for finding in findings:
        line, column = translation.place(finding.line)
        placed.append(Diagnostic(filename, line, column, finding.severity, finding.message))
    repairs = [repair.diagnostic(filename) for repair in translation.repairs]
    return plist, sorted(repairs + placed)
