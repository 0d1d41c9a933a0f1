"""The ``s2py`` command: a thin layer over ``shortcuts2py.api``.

Exit status: 0 when every input went well, 1 when some input failed (the rest
are still processed, one line per failure), 2 for a usage error (a bad
option, a path that does not exist, a folder with nothing to read).  There
are no tracebacks: anything unexpected is reported as an internal error on the
file that caused it.

Only ``argparse`` is imported at start; each command imports what it needs,
so ``s2py --help`` starts at once.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__

# Files a folder walk picks up; a file named on the command line is read
# whatever its name, since the container is detected by content.
SHORTCUT_SUFFIXES = (".shortcut", ".wflow", ".plist", ".json", ".xml")
CODE_SUFFIXES = (".py",)


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 1
    except BrokenPipeError:  # the reader went away (e.g. `| head`)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="s2py",
        description="Transpile Apple Shortcuts files to Python-style workflow code and back, losslessly.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    decompile = commands.add_parser(
        "decompile",
        help="shortcut files or iCloud links -> workflow code",
        description="Decompile shortcuts (signed or not; the container is detected by content) or iCloud share "
        "links. Folders are searched recursively for .shortcut .wflow .plist .json .xml files; files named "
        "explicitly are read whatever their name. One input without -o prints the code.",
    )
    decompile.add_argument("paths", nargs="+", metavar="PATH")
    decompile.add_argument(
        "-o", "--output", metavar="OUT", help="folder for the .py files (a file name for one input; - or none: standard output)"
    )
    decompile.add_argument("--keep-ids", action="store_true", help="keep the original ids, for an exact round trip")
    _dialect_option(decompile)
    _batch_options(decompile)
    decompile.set_defaults(run=_run_decompile)

    compile_ = commands.add_parser(
        "compile",
        help="workflow code -> unsigned .shortcut files",
        description="Compile workflow code to unsigned shortcuts, reporting what `s2py check` finds. Shortcuts "
        "imports signed files only: sign on a Mac with `shortcuts sign --mode anyone -i in.shortcut -o out.shortcut`.",
    )
    compile_.add_argument("paths", nargs="+", metavar="PATH")
    compile_.add_argument(
        "-o", "--output", metavar="OUT", help="folder for the .shortcut files (a file name for one input; - for standard output)"
    )
    compile_.add_argument("--xml", action="store_true", help="write XML plists instead of binary")
    compile_.add_argument("--strict", action="store_true", help="treat check errors as compile errors (no file is written)")
    compile_.add_argument("--force", action="store_true", help="overwrite a signed .shortcut that has the output's name")
    _dialect_option(compile_)
    _batch_options(compile_)
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
    _batch_options(roundtrip)
    roundtrip.set_defaults(run=_run_roundtrip)

    check = commands.add_parser(
        "check",
        help="check workflow code against the action catalog",
        description="Check workflow code without compiling it: unknown actions (with a suggestion), keys and "
        "enum values that misspell a known one, literals of the wrong type (errors); keys the catalog does not "
        "list and required parameters left out (warnings). Prints 'file:line:col: error|warning: message'; "
        "exits 1 when there are errors. Folders are searched recursively for .py files.",
    )
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--json", action="store_true", help="print one JSON object per finding and a summary")
    check.set_defaults(run=_run_check)

    render = commands.add_parser(
        "render",
        help="draw shortcuts as the app shows them (SVG or HTML)",
        description="Draw each shortcut as the Shortcuts editor shows it: action cards with their app's colour "
        "and name, parameters, variables as tokens, blocks nested, comments as notes. SVG is one self-contained "
        "image (GitHub shows it inline in a README); HTML is one page with inline styles.",
    )
    render.add_argument("paths", nargs="+", metavar="PATH")
    render.add_argument("-o", "--output", metavar="OUT", required=True, help="folder for the pictures (a file name for one input)")
    render.add_argument("--format", choices=("svg", "html"), default="svg", help="svg (default) or html")
    _batch_options(render)
    render.set_defaults(run=_run_render)

    catalog_ = commands.add_parser(
        "catalog",
        help="search the action catalog or show one action",
        description="Look up the actions that workflow code can call.",
    )
    lookups = catalog_.add_subparsers(dest="lookup", required=True, metavar="LOOKUP")
    search = lookups.add_parser(
        "search",
        help="actions matching TEXT",
        description="Actions matching TEXT (case-insensitive), best first: display-name matches and built-in "
        "actions first, then names, app, keywords, categories and parameters.",
    )
    search.add_argument("text", nargs="+", metavar="TEXT")
    search.add_argument("--limit", type=int, default=20, help="at most this many results (default 20)")
    search.add_argument("--json", action="store_true", help="print the entries as JSON")
    search.set_defaults(run=_run_catalog_search)
    show = lookups.add_parser(
        "show",
        help="one action: signature, parameters, output",
        description="Show one action, named by its function name, its short name or its identifier.",
    )
    show.add_argument("name", metavar="NAME")
    show.add_argument("--json", action="store_true", help="print the entry as JSON")
    show.set_defaults(run=_run_catalog_show)

    stubs = commands.add_parser(
        "stubs",
        help="write typed stubs (s2py_actions.pyi) for editors and mypy",
        description="Write s2py_actions.pyi, the typed stubs that decompiled code imports. Put DIR on the "
        "type checker's path (MYPYPATH=DIR; 'typings' is where Pylance looks by default).",
    )
    stubs.add_argument("-o", "--output", metavar="DIR", required=True, help="folder to write the stub into")
    stubs.set_defaults(run=_run_stubs)

    grammar = commands.add_parser(
        "grammar",
        help="the language as a Lark grammar for constrained decoding, or the actions as signatures",
        description="Print the grammar of workflow code: Lark syntax, LALR(1), no post-lexer, indentation "
        "spelled out level by level up to --max-depth, so that constrained decoders (llguidance in llama.cpp, "
        "vLLM, SGLang, outlines) keep a model's output to code s2py compiles. With --signatures, print every "
        "catalog action as a JSON function signature instead.",
    )
    grammar.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    grammar.add_argument("--max-depth", type=int, default=16, metavar="N", help="levels of indentation (2 to 20, default 16)")
    grammar.add_argument("--signatures", action="store_true", help="the catalog's actions as JSON function signatures")
    _dialect_option(grammar)
    grammar.set_defaults(run=_run_grammar)

    dataset = commands.add_parser(
        "dataset",
        help="shortcut files -> one JSON line each (identifiers, code), for data sets",
        description="Write one JSON object per file, in input order: source path, the action identifiers, "
        "the action count, the code in the chosen dialect and the errors met. Folders are searched "
        "recursively for every file (containers are detected by content); a file that cannot be read is a "
        "row with its error, and the batch goes on.",
    )
    dataset.add_argument("paths", nargs="+", metavar="PATH")
    dataset.add_argument("-o", "--output", metavar="OUT", required=True, help="the .jsonl file to write")
    _dialect_option(dataset)
    _batch_options(dataset)
    dataset.set_defaults(run=_run_dataset)
    return parser


def _dialect_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dialect", choices=("default", "workflowbench"), default="default",
        help="the spelling of the code: the language (default) or WorkflowBench's (docs/workflowbench.md)",
    )


def _batch_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-j", "--jobs", type=int, default=0, metavar="N",
        help="worker processes (default: every core); output is the same for any N",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar, even on a terminal")


# --- inputs -----------------------------------------------------------------------------


class Input:
    """One thing to read: a file (with its path relative to the folder named) or a share link."""

    __slots__ = ("source", "relative", "link")

    def __init__(self, source: str, relative: Path, link: bool = False):
        self.source, self.relative, self.link = source, relative, link

    def __str__(self) -> str:
        return self.source


def _inputs(paths: list[str], suffixes: tuple[str, ...] | None, links: bool = False) -> list[Input] | None:
    """Every input named, folders walked (for files with ``suffixes``, or every file when
    None); None (after one line on stderr) on a usage error."""
    found: list[Input] = []
    for raw in paths:
        if links and _looks_like_link(raw):
            from . import icloud

            try:
                icloud.parse_link(raw)
            except icloud.IcloudError as error:
                return _usage(f"{raw}: {error}")
            found.append(Input(raw, Path("shortcut"), link=True))
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p, suffixes))
            if not files:
                return _usage(f"{raw}: no {' or '.join(suffixes or ('',))} files in this folder")
            found.extend(Input(str(file), file.relative_to(path)) for file in files)
        elif path.exists():
            found.append(Input(raw, Path(path.name)))
        else:
            return _usage(f"{raw}: no such file or folder")
    return found


def _wanted(path: Path, suffixes: tuple[str, ...] | None) -> bool:
    return suffixes is None or path.suffix.lower() in suffixes


def _looks_like_link(text: str) -> bool:
    return "://" in text or text.startswith(("www.icloud.com/", "icloud.com/"))


def _usage(message: str) -> None:
    print(f"s2py: error: {message}", file=sys.stderr)
    return None


def _fail(source, message: str) -> None:
    print(f"{source}: error: {message}", file=sys.stderr)


# --- batches ------------------------------------------------------------------------------


def _results(worker, jobs: list, workers: int, quiet: bool):
    """``worker(job)`` for each job, in order, over a pool of processes when it helps,
    with a progress bar on a terminal.  Output never depends on the number of workers."""
    count = workers if workers > 0 else (os.cpu_count() or 1)
    count = max(1, min(count, len(jobs)))
    bar = None
    if not quiet and len(jobs) > 1 and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=len(jobs), unit="file", file=sys.stderr, leave=False)
    try:
        if count == 1:
            for job in jobs:
                yield worker(job)
                if bar is not None:
                    bar.update()
            return
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=count) as pool:
            for result in pool.map(worker, jobs, chunksize=max(1, min(16, len(jobs) // (count * 4) or 1))):
                yield result
                if bar is not None:
                    bar.update()
    finally:
        if bar is not None:
            bar.close()


def _guarded(function, *args):
    from .errors import outcome

    return outcome(function, *args)


# --- outputs ------------------------------------------------------------------------------


STDOUT = "-"


def _destination(output: str | None, relative: Path, suffix: str, single: bool) -> Path | None:
    """Where one result goes; None for standard output."""
    if output is None or output == STDOUT:
        return None
    out = Path(output)
    if single and not out.is_dir() and out.suffix:
        return out
    return out / relative.with_suffix(suffix)


def _write(target: Path, data: bytes | str, source: str | None = None, force: bool = True) -> str | None:
    """Write atomically (a temporary file, then a rename); the error message, or None.

    An output never replaces its own input, and without ``force`` never a
    signed shortcut (an original export) that happens to have its name.
    """
    if source is not None and _same_file(target, Path(source)):
        return f"the output {target} would replace its own input; choose another name with -o"
    if not force and target.is_file():
        with open(target, "rb") as existing:
            if existing.read(4) == b"AEA1":
                return f"{target} is a signed shortcut; compile to another name with -o, or replace it with --force"
    payload = data.encode("utf-8") if isinstance(data, str) else data
    temporary = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        temporary.write_bytes(payload)
        os.replace(temporary, target)
    except OSError as error:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        return f"cannot write {target}: {error.strerror or error}"
    return None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


# --- commands ------------------------------------------------------------------------------


def _decompile_job(job: tuple[str, bool, bool, str]):
    source, link, keep_ids, dialect = job
    return _guarded(_decompile_one, source, link, keep_ids, dialect)


def _decompile_one(source: str, link: bool, keep_ids: bool, dialect: str = "default") -> tuple[str, str | None]:
    from . import api

    if link:
        from . import icloud

        shared = icloud.fetch(source)
        return api.decompile(shared.root, keep_ids=keep_ids, dialect=dialect), icloud.file_name(shared.name)
    return api.decompile(source, keep_ids=keep_ids, dialect=dialect), None


def _run_decompile(args) -> int:
    inputs = _inputs(args.paths, SHORTCUT_SUFFIXES, links=True)
    if inputs is None:
        return 2
    single = len(inputs) == 1
    if (args.output is None or args.output == STDOUT) and not single:
        _usage("several inputs need -o OUT (a folder)")
        return 2
    jobs = [(item.source, item.link, args.keep_ids, args.dialect) for item in inputs]
    failed = 0
    taken: set[Path] = set()
    for item, (result, error) in zip(inputs, _results(_decompile_job, jobs, args.jobs, args.quiet)):
        if error is not None:
            _fail(item, error)
            failed += 1
            continue
        code, name = result
        relative = Path(name + ".py") if name else item.relative
        target = _destination(args.output, _free(relative, taken), ".py", single)
        if target is None:
            sys.stdout.write(code)
            continue
        problem = _write(target, code, None if item.link else item.source)
        if problem is not None:
            _fail(item, problem)
            failed += 1
    return 1 if failed else 0


def _free(relative: Path, taken: set[Path]) -> Path:
    """``relative``, or ``name (2)`` when an earlier input of the batch took it (share links)."""
    candidate, number = relative, 2
    while candidate in taken:
        candidate = relative.with_name(f"{relative.stem} ({number}){relative.suffix}")
        number += 1
    taken.add(candidate)
    return candidate


def _compile_job(job: tuple[str, bool, bool, str]):
    source, xml, strict, dialect = job
    return _guarded(_compile_one, source, xml, strict, dialect)


def _compile_one(source: str, xml: bool, strict: bool, dialect: str = "default") -> tuple[bytes | None, list[str]]:
    from . import api

    with open(source, encoding="utf-8") as file:
        code = file.read()
    plist, findings = api.compile_checked(code, filename=source, dialect=dialect)
    lines = [str(finding) for finding in findings]
    if strict and any(finding.severity == "error" for finding in findings):
        return None, lines
    try:
        return api.dump(plist, xml=xml), lines
    except api.CompileError as error:  # the plist writer knows no position: name the file alone
        return None, [*lines, f"{source}: error: {error.message}"]


def _run_compile(args) -> int:
    inputs = _inputs(args.paths, CODE_SUFFIXES)
    if inputs is None:
        return 2
    single = len(inputs) == 1
    if args.output == STDOUT and not single:
        _usage("several inputs need -o OUT (a folder)")
        return 2
    jobs = [(item.source, args.xml, args.strict, args.dialect) for item in inputs]
    failed = 0
    for item, (result, error) in zip(inputs, _results(_compile_job, jobs, args.jobs, args.quiet)):
        if error is not None:
            print(error if error.startswith(item.source) else f"{item}: error: {error}", file=sys.stderr)
            failed += 1
            continue
        data, findings = result
        for line in findings:
            print(line, file=sys.stderr)
        if data is None:
            failed += 1  # --strict and check found errors, or no plist can hold the result
            continue
        if args.output == STDOUT:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
            continue
        target = _destination(args.output, item.relative, ".shortcut", single) or Path(item.source).with_suffix(".shortcut")
        problem = _write(target, data, item.source, force=args.force)
        if problem is not None:
            _fail(item, problem)
            failed += 1
    return 1 if failed else 0


def _roundtrip_job(job: tuple[str, bool, bool]):
    source, link, keep_ids = job
    return _guarded(_roundtrip_one, source, keep_ids)


def _roundtrip_one(source: str, keep_ids: bool) -> str | None:
    from . import api

    result = api.roundtrip(source, keep_ids=keep_ids)
    return result.difference or (None if result.fixpoint else "decompiling the result gives different code")


def _run_roundtrip(args) -> int:
    import json

    inputs = _inputs(args.paths, SHORTCUT_SUFFIXES, links=True)
    if inputs is None:
        return 2
    jobs = [(item.source, item.link, args.keep_ids) for item in inputs]
    passed = failed = 0
    for item, (difference, error) in zip(inputs, _results(_roundtrip_job, jobs, args.jobs, args.quiet)):
        problem = error or difference
        if problem is None:
            passed += 1
        else:
            failed += 1
        if args.json:
            print(json.dumps({"file": item.source, "ok": problem is None, "difference": problem}, ensure_ascii=False))
        elif problem is not None:
            print(f"FAIL {item}: {problem}")
    if args.json:
        print(json.dumps({"passed": passed, "failed": failed}))
    else:
        print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


def _run_check(args) -> int:
    import dataclasses
    import json

    from . import api

    inputs = _inputs(args.paths, CODE_SUFFIXES)
    if inputs is None:
        return 2
    errors = warnings = unreadable = 0
    for item in inputs:
        try:
            code = Path(item.source).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            _fail(item, f"cannot read it: {getattr(error, 'strerror', None) or error}")
            unreadable += 1
            continue
        findings, problem = _guarded(lambda text, name: api.check(text, filename=name), code, item.source)
        if problem is not None:
            _fail(item, problem)
            unreadable += 1
            continue
        for finding in findings:
            errors += finding.severity == "error"
            warnings += finding.severity == "warning"
            print(json.dumps(dataclasses.asdict(finding), ensure_ascii=False) if args.json else finding)
    summary = {"files": len(inputs), "errors": errors, "warnings": warnings, "unreadable": unreadable}
    if args.json:
        print(json.dumps(summary))
    else:
        print(f"{errors} errors, {warnings} warnings in {len(inputs)} files")
    return 1 if errors or unreadable else 0


def _render_job(job: tuple[str, bool, str, str]):
    source, link, name, fmt = job
    return _guarded(_render_one, source, link, name, fmt)


def _render_one(source: str, link: bool, name: str, fmt: str) -> tuple[str, str | None]:
    from . import api

    if link:
        from . import icloud

        shared = icloud.fetch(source)
        return api.render(shared.root, name=shared.name, fmt=fmt), icloud.file_name(shared.name)
    return api.render(source, name=name, fmt=fmt), None


def _run_render(args) -> int:
    inputs = _inputs(args.paths, SHORTCUT_SUFFIXES, links=True)
    if inputs is None:
        return 2
    single = len(inputs) == 1
    suffix = "." + args.format
    jobs = [(item.source, item.link, Path(item.source).stem, args.format) for item in inputs]
    failed = 0
    taken: set[Path] = set()
    for item, (result, error) in zip(inputs, _results(_render_job, jobs, args.jobs, args.quiet)):
        if error is not None:
            _fail(item, error)
            failed += 1
            continue
        picture, name = result
        relative = Path(name + suffix) if name else item.relative
        target = _destination(args.output, _free(relative, taken), suffix, single)
        problem = _write(target, picture, None if item.link else item.source)
        if problem is not None:
            _fail(item, problem)
            failed += 1
    return 1 if failed else 0


def _run_dataset(args) -> int:
    from .dataset import row_line

    inputs = _inputs(args.paths, None)  # every file: one that is no shortcut is a row with its error
    if inputs is None:
        return 2
    jobs = [(item.source, args.dialect) for item in inputs]
    rows = list(_results(row_line, jobs, args.jobs, args.quiet))
    failed = sum(1 for _, has_errors in rows if has_errors)
    problem = _write(Path(args.output), "".join(line for line, _ in rows))
    if problem is not None:
        print(f"s2py: error: {problem}", file=sys.stderr)
        return 1
    print(f"wrote {len(rows)} rows to {args.output} ({failed} with errors)", file=sys.stderr)
    return 1 if failed else 0


def _run_catalog_search(args) -> int:
    import json

    from . import catalog

    entries = catalog.search(" ".join(args.text), limit=args.limit)
    if args.json:
        print(json.dumps([_entry_json(e) for e in entries], ensure_ascii=False, indent=1))
    elif not entries:
        print(f"no action matches {' '.join(args.text)!r}; try fewer or shorter words", file=sys.stderr)
    for e in entries if not args.json else ():
        app = f" ({e.app})" if e.app else ""
        print(f"{catalog.call_name(e.identifier)}  {e.display_name or e.identifier}{app}")
    return 0 if entries else 1


def _run_catalog_show(args) -> int:
    import json

    from . import catalog

    aliased = catalog.identifier_by_alias(args.name)
    entry = catalog.entry_for_function(args.name) or catalog.entry(args.name) or (catalog.entry(aliased) if aliased else None)
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
    from .stubs import write_stubs

    try:
        target = write_stubs(args.output)
    except OSError as error:
        print(f"s2py: error: {args.output}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"wrote {target}", file=sys.stderr)
    return 0


def _run_grammar(args) -> int:
    from . import grammar

    try:
        text = grammar.signatures_json() if args.signatures else grammar.grammar_text(args.dialect, args.max_depth)
    except grammar.GrammarError as error:
        _usage(str(error))
        return 2
    if not args.output or args.output == STDOUT:
        sys.stdout.write(text)
        return 0
    problem = _write(Path(args.output), text)
    if problem:
        print(f"s2py: error: {problem}", file=sys.stderr)
        return 1
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def _entry_json(entry) -> dict:
    import dataclasses

    from . import catalog

    data = dataclasses.asdict(entry)
    data["call_name"] = catalog.call_name(entry.identifier)
    for parameter in data["parameters"]:
        parameter["class"] = parameter.pop("cls")
        if parameter["default"] is catalog.MISSING:
            del parameter["default"]
    return data


def _describe(entry) -> str:
    """A readable page about one action: what it is, its keywords, its output."""
    from . import catalog

    # Written as decompiled code writes the keywords (the key where none names it).
    written = catalog.written_keywords(entry)
    bare = [written.get(key, key) for key in entry.positional]
    named = [written.get(p.key, p.key) for p in entry.parameters if p.key not in entry.positional]
    signature = ", ".join(bare + (["*"] + named if named and bare else named))
    short = catalog.call_name(entry.identifier)
    lines = [f"{short}({signature})", f"  identifier: {entry.identifier}"]
    others = [name for name in (entry.function_name, *_aliases_of(entry.identifier)) if name != short]
    if others:
        lines.append(f"  also: {', '.join(others)}")
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
    other_names = catalog.keyword_names(entry)
    for p in entry.parameters:
        facts = [p.type]
        if p.required:
            facts.append("required")
        if p.is_input:
            facts.append("takes the input")
        if p.has_default:
            facts.append(f"default {p.default!r}")
        label = f" \"{p.label}\"" if p.label else ""
        first = written.get(p.key)
        keywords = [f"{name}=" for name, key in other_names.items() if key == p.key and name != first]
        if keywords:
            facts.append(f"or {', '.join(keywords)}")
        shown = f"{first} ({p.key}{label})" if first else f"{p.key}{label}"
        lines.append(f"    {shown}: {', '.join(facts)}")
        if p.enum:
            lines.append(f"      one of: {', '.join(repr(m) for m in p.enum)}")
    return "\n".join(lines)


def _aliases_of(identifier: str) -> list[str]:
    from . import catalog

    return sorted(alias for alias, found in catalog.display_aliases().items() if found == identifier)


if __name__ == "__main__":
    sys.exit(main())
