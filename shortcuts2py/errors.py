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


def outcome(function, *args):
    """(result, None) or (None, a one-line error): the documented errors as they are,
    anything else as an internal error, so that one bad file never stops a batch
    (the command line and ``dataset`` go on with the next file)."""
    try:
        return function(*args), None
    except (CompileError, DecompileError) as error:
        return None, str(error)
    except OSError as error:
        return None, f"cannot read it: {error.strerror or error}"
    except Exception as error:  # noqa: BLE001 - a bug, reported on the file it met
        return None, f"internal error ({type(error).__name__}: {error}); please report it with this file"
