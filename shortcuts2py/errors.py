"""The errors of the public API: one type per direction, each a sentence a person can act on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class CompileError(Exception):
    """One problem in workflow code, placed at a line and column (1-based)."""

    message: str
    line: int = 1
    column: int = 1
    filename: str = "<string>"

    def __str__(self) -> str:
        return f"{self.filename}:{self.line}:{self.column}: error: {self.message}"


class DecompileError(ValueError):
    """The input is not a shortcut this tool can read."""
