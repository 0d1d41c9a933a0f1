"""Dialects: other spellings of workflow code, translated to and from the language.

The project has one language (the *default* dialect: Python 3.11 source as
``api.compile`` reads it and ``api.decompile`` writes it).  A dialect is a pair
of translations around it and nothing else, so the compiler, the IR and the
round-trip guarantees stay those of the one language:

* ``to_default``: code in the dialect -> code in the language, with the repairs
  made to read it (warnings placed at ``file:line:col`` of the dialect's
  source) and a line map, so that an error the compiler finds in the
  translation is reported where the user wrote it;
* ``from_default``: decompiled code -> the same shortcut in the dialect.

``workflowbench`` is the Python-style code of the WorkflowLLM paper's
WorkflowBench data set (see docs/workflowbench.md).
"""

from __future__ import annotations

from .translation import RepairWarning, Translation

DEFAULT = "default"
WORKFLOWBENCH = "workflowbench"
DIALECTS = (DEFAULT, WORKFLOWBENCH)

__all__ = ["DIALECTS", "RepairWarning", "Translation", "compile_code", "from_default", "to_default"]


def _known(dialect: str) -> str:
    if dialect not in DIALECTS:
        raise ValueError(f"unknown dialect {dialect!r}; expected one of: {', '.join(DIALECTS)}")
    return dialect


def to_default(code: str, filename: str, dialect: str) -> Translation:
    """Code in ``dialect`` -> its ``Translation`` into the default language."""
    if _known(dialect) == DEFAULT:
        return Translation(code)
    from .workflowbench import to_default as translate

    return translate(code, filename)


def from_default(code: str, dialect: str) -> str:
    """Decompiled code -> the same shortcut written in ``dialect``."""
    if _known(dialect) == DEFAULT:
        return code
    from .workflowbench import from_default as translate

    return translate(code)


def compile_code(code: str, filename: str, dialect: str, *, checked: bool = False):
    """Compile code written in ``dialect``: the plist; with ``checked``, (plist, the
    repairs and check findings as diagnostics placed in the dialect's source)."""
    from .translation import compile_translated

    return compile_translated(to_default(code, filename, dialect), filename, checked=checked)
