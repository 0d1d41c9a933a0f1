"""shortcuts2py: Apple Shortcuts files <-> Python-style workflow code, losslessly.

The operations are functions of this package (also in ``shortcuts2py.api``)::

    import shortcuts2py as s2py

    plist = s2py.load("My Shortcut.shortcut")   # any container, or an iCloud share link
    code = s2py.decompile(plist)
    again = s2py.compile(code)                  # raises s2py.CompileError at file:line:col
    data = s2py.dump(again)                     # unsigned binary plist bytes

Importing the package is cheap: each operation loads what it needs when called.
"""

from __future__ import annotations

__version__ = "0.2.0"

_API = (
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
)


def __getattr__(name: str):
    # The API module is imported on first use, so that `s2py --help` and
    # `import shortcuts2py` stay fast.
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'shortcuts2py' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_API])


__all__ = ["__version__", *_API]
