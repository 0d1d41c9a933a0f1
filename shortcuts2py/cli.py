"""The ``s2py`` command: a thin layer over ``shortcuts2py.api``.

Exit status: 0 when every input went well, 1 when some input failed (the rest
are still processed), 2 for a usage error.  Each failure is one line naming
the file; there are no tracebacks.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from . import api, catalog
from .stubs import STUB_FILE, write_stubs
from .errors import CompileError

# Files a directory walk picks up; a file named on the command line is read
# whatever its name, since the container is detected by content.
SHORTCUT_SUFFIXES = (".shortcut", ".wflow", ".plist", ".json", ".xml")


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
        description="Decompile shortcuts (signed or not; the container is detected by content). Directories are searched "
        "recursively for .shortcut .wflow .plist .json .xml files; files named explicitly are read whatever their name. "
        "One file without -o prints the code.",
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

    check = commands.add_parser(
        "check",
        help="check workflow code against the action catalog",
        description="Check workflow code without compiling it: unknown actions (with a suggestion), unknown "
        "parameter keys, enum values outside their set, literals of the wrong type, required parameters left "
        "out. Prints 'file:line:col: error|warning: message'; exits 1 when there are errors. "
        "Directories are searched recursively for .py files.",
    )
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--json", action="store_true", help="print one JSON object per finding and a summary")
    check.set_defaults(run=_run_check)

    catalog_ = commands.add_parser(
        "catalog",
        help="search the action catalog or show one action",
        description="Look up the actions that workflow code can call.",
    )
    lookups = catalog_.add_subparsers(dest="lookup", required=True, metavar="LOOKUP")
    search = lookups.add_parser(
        "search",
        help="actions matching TEXT",
        description="Actions whose function name, identifier, display name, app, category or parameter "
        "matches TEXT (case-insensitive), best first.",
    )
    search.add_argument("text", nargs="+", metavar="TEXT")
    search.add_argument("--limit", type=int, default=20, help="at most this many results (default 20)")
    search.add_argument("--json", action="store_true", help="print the entries as JSON")
    search.set_defaults(run=_run_catalog_search)
    show = lookups.add_parser(
        "show",
        help="one action: signature, parameters, output",
        description="Show one action, named by its function name or its identifier.",
    )
    show.add_argument("name", metavar="NAME")
    show.add_argument("--json", action="store_true", help="print the entry as JSON")
    show.set_defaults(run=_run_catalog_show)

    stubs = commands.add_parser(
        "stubs",
        help=f"write typed stubs ({STUB_FILE}) for editors and mypy",
        description=f"Write {STUB_FILE}, the typed stubs that decompiled code imports. Put DIR on the "
        "type checker's path (MYPYPATH=DIR; 'typings' is where Pylance looks by default).",
    )
    stubs.add_argument("-o", "--output", metavar="DIR", required=True, help="directory to write the stub into")
    stubs.set_defaults(run=_run_stubs)
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


def _run_check(args) -> int:
    inputs = _inputs(args.paths, (".py",))
    if inputs is None:
        return 2
    errors = warnings = unreadable = 0
    for path, _ in inputs:
        try:
            code = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            _fail(path, str(error))
            unreadable += 1
            continue
        for finding in api.check(code, filename=str(path)):
            errors += finding.severity == "error"
            warnings += finding.severity == "warning"
            if args.json:
                print(json.dumps(dataclasses.asdict(finding), ensure_ascii=False))
            else:
                print(finding)
    summary = {"files": len(inputs), "errors": errors, "warnings": warnings, "unreadable": unreadable}
    if args.json:
        print(json.dumps(summary))
    else:
        print(f"{errors} errors, {warnings} warnings in {len(inputs)} files", file=sys.stderr)
    return 2 if unreadable else 1 if errors else 0


def _run_catalog_search(args) -> int:
    entries = catalog.search(" ".join(args.text), limit=args.limit)
    if args.json:
        print(json.dumps([_entry_json(e) for e in entries], ensure_ascii=False, indent=1))
    else:
        for e in entries:
            app = f" ({e.app})" if e.app else ""
            print(f"{e.function_name}  {e.display_name or e.identifier}{app}")
    return 0 if entries else 1


def _run_catalog_show(args) -> int:
    entry = catalog.entry_for_function(args.name) or catalog.entry(args.name)
    if entry is None:
        guesses = catalog.suggest(args.name)
        hint = f"; did you mean {guesses[0]}?" if guesses else ""
        print(f"s2py: error: no action named {args.name!r}{hint}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(_entry_json(entry), ensure_ascii=False, indent=1))
    else:
        print(_describe(entry))
    return 0


def _run_stubs(args) -> int:
    try:
        target = write_stubs(args.output)
    except OSError as error:
        print(f"s2py: error: {args.output}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"wrote {target}", file=sys.stderr)
    return 0


def _entry_json(entry: catalog.Entry) -> dict:
    data = dataclasses.asdict(entry)
    for parameter in data["parameters"]:
        parameter["class"] = parameter.pop("cls")
        if parameter["default"] is catalog.MISSING:
            del parameter["default"]
    return data


def _describe(entry: catalog.Entry) -> str:
    """A readable page about one action: what it is, its keywords, its output."""
    keywords = ", ".join(p.key for p in entry.parameters)
    lines = [f"{entry.function_name}({keywords})", f"  identifier: {entry.identifier}"]
    for label, value in (
        ("name", entry.display_name),
        ("app", entry.app),
        ("categories", ", ".join(entry.categories)),
        ("input", entry.input_parameter),
        ("output", " ".join(filter(None, [entry.output_name, f"({entry.output_type})" if entry.output_type else None]))),
        ("note", "inferred from real files; no reference defines it" if entry.inferred else None),
    ):
        if value:
            lines.append(f"  {label}: {value}")
    if entry.parameters:
        lines.append("  parameters:")
    for p in entry.parameters:
        facts = [p.type]
        if p.required:
            facts.append("required")
        if p.is_input:
            facts.append("takes the input")
        if p.has_default:
            facts.append(f"default {p.default!r}")
        label = f" \"{p.label}\"" if p.label else ""
        lines.append(f"    {p.key}{label}: {', '.join(facts)}")
        if p.enum:
            lines.append(f"      one of: {', '.join(repr(m) for m in p.enum)}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
