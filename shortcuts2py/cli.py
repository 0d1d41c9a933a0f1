"""The ``s2py`` command: a thin layer over ``shortcuts2py.api``.

Exit status: 0 when every input went well, 1 when some input failed (the rest
are still processed), 2 for a usage error.  Each failure is one line naming
the file; there are no tracebacks.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import api
from .syntax import CompileError

SHORTCUT_SUFFIXES = (".shortcut", ".wflow", ".plist", ".json")


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="s2py",
        description="Transpile Apple Shortcuts files to Python-style workflow code and back, losslessly.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    decompile = commands.add_parser(
        "decompile",
        help="shortcut files -> workflow code",
        description="Decompile shortcuts (.shortcut .wflow .plist .json; signed or not; detected by content). "
        "One file without -o prints the code; directories are searched recursively.",
    )
    decompile.add_argument("paths", nargs="+", metavar="PATH")
    decompile.add_argument("-o", "--output", metavar="OUT", help="directory for the .py files (a file name for one input)")
    decompile.add_argument("--keep-ids", action="store_true", help="keep the original ids, for an exact round trip")
    decompile.set_defaults(run=_run_decompile)

    compile_ = commands.add_parser(
        "compile",
        help="workflow code -> unsigned .shortcut files",
        description="Compile workflow code to unsigned shortcuts. Shortcuts imports signed files only: "
        "sign on a Mac with `shortcuts sign --mode anyone -i in.shortcut -o out.shortcut`.",
    )
    compile_.add_argument("paths", nargs="+", metavar="PATH")
    compile_.add_argument("-o", "--output", metavar="OUT", help="directory for the .shortcut files (a file name for one input)")
    compile_.add_argument("--xml", action="store_true", help="write XML plists instead of binary")
    compile_.set_defaults(run=_run_compile)

    roundtrip = commands.add_parser(
        "roundtrip",
        help="check that decompile -> compile gives the original back",
        description="For each shortcut: decompile, compile, compare with the original (ids renamed "
        "consistently unless --keep-ids) and decompile again (same code). Prints each failure with "
        "its first difference, then 'N passed, M failed'.",
    )
    roundtrip.add_argument("paths", nargs="+", metavar="PATH")
    roundtrip.add_argument("--keep-ids", action="store_true", help="require the ids to be equal too")
    roundtrip.add_argument("--json", action="store_true", help="print one JSON object per file and a summary")
    roundtrip.set_defaults(run=_run_roundtrip)
    return parser


# --- inputs -------------------------------------------------------------------


def _inputs(paths: list[str], suffixes: tuple[str, ...]) -> list[tuple[Path, Path]] | None:
    """(file, path relative to its input root) pairs; None after a usage error."""
    found = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                if file.suffix.lower() in suffixes:
                    found.append((file, file.relative_to(path)))
        elif path.is_file():
            found.append((path, Path(path.name)))
        else:
            print(f"s2py: error: {raw}: no such file or directory", file=sys.stderr)
            return None
    return found


def _destination(output: str | None, relative: Path, suffix: str, single: bool) -> Path | None:
    if output is None:
        return None
    out = Path(output)
    if single and not out.is_dir() and out.suffix:
        return out
    return out / relative.with_suffix(suffix)


def _fail(path: Path, message: str) -> None:
    print(f"{path}: error: {message}", file=sys.stderr)


def _write(target: Path, data: bytes | str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        target.write_text(data, encoding="utf-8")
    else:
        target.write_bytes(data)


# --- commands -------------------------------------------------------------------


def _run_decompile(args) -> int:
    inputs = _inputs(args.paths, SHORTCUT_SUFFIXES)
    if inputs is None:
        return 2
    if not args.output and len(inputs) != 1:
        print("s2py: error: several inputs need -o DIR", file=sys.stderr)
        return 2
    failed = 0
    for path, relative in inputs:
        try:
            code = api.decompile(path, keep_ids=args.keep_ids)
        except (api.DecompileError, OSError) as error:
            _fail(path, str(error))
            failed += 1
            continue
        target = _destination(args.output, relative, ".py", len(inputs) == 1)
        if target is None:
            sys.stdout.write(code)
        else:
            _write(target, code)
    return 1 if failed else 0


def _run_compile(args) -> int:
    inputs = _inputs(args.paths, (".py",))
    if inputs is None:
        return 2
    failed = 0
    for path, relative in inputs:
        try:
            code = path.read_text(encoding="utf-8")
            data = api.dump(api.compile(code, filename=str(path)), xml=args.xml)
        except CompileError as error:
            print(str(error), file=sys.stderr)
            failed += 1
            continue
        except (OSError, UnicodeDecodeError, api.DecompileError) as error:
            _fail(path, str(error))
            failed += 1
            continue
        target = _destination(args.output, relative, ".shortcut", len(inputs) == 1)
        _write(target or path.with_suffix(".shortcut"), data)
    return 1 if failed else 0


def _run_roundtrip(args) -> int:
    inputs = _inputs(args.paths, SHORTCUT_SUFFIXES)
    if inputs is None:
        return 2
    passed = failed = 0
    for path, _ in inputs:
        try:
            result = api.roundtrip(path, keep_ids=args.keep_ids)
            problem = result.difference or (None if result.fixpoint else "decompiling the result gives different code")
        except (api.DecompileError, OSError) as error:
            problem = str(error)
        if problem is None:
            passed += 1
        else:
            failed += 1
        if args.json:
            print(json.dumps({"file": str(path), "ok": problem is None, "difference": problem}, ensure_ascii=False))
        elif problem is not None:
            print(f"FAIL {path}: {problem}")
    if args.json:
        print(json.dumps({"passed": passed, "failed": failed}))
    else:
        print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
