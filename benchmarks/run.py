"""The speed and memory goals of issue 9, each measured against its floor in this one run.

Usage: python benchmarks/run.py [--rounds N] [--quick] [--parts PART ...]

Parts (all by default):

* ``corpus``  - every distinct real shortcut of ../shared/corpus (one file per
  ``content_key``), as binary plist bytes: ``plistlib.loads`` (the read floor)
  against ``s2py`` decompile (bytes -> formatted code), and ``plistlib.dumps``
  binary (the write floor) against compile (code -> binary plist bytes), the
  tools interleaved file by file, the best of ``--rounds`` per file; then where
  the time goes (stages, and the writer's share by cProfile), and whether every
  round gave the same bytes.
* ``process`` - whole ``s2py decompile``, ``s2py compile`` and ``s2py --help``
  runs on one small file against ``python -c pass`` (hyperfine when installed,
  else an interleaved loop), and what each command imports (``-X importtime``).
* ``memory``  - peak RSS decompiling and compiling the largest real shortcut,
  each in a fresh process, against a process that only loads it with plistlib.
* ``scaling`` - synthetic shortcuts of 1,000 to 50,000 actions built from real
  ones by benchmarks/scale.py (issue 10's series, which goes on to 200,000):
  CPU time and peak RSS per size, each in a fresh process, and the log-log
  slope of time against actions.
* ``jobs``    - ``s2py decompile DIR -o OUT --jobs N`` for N = 1 and every
  core: the speedup, and whether the outputs are identical.

Each goal prints its measured ratio and PASS or FAIL.  Parts that need the
corpus are skipped when ../shared is absent (``process`` then uses the shipped
example and scale.py builds from it).  The stage breakdown replaces the old
benchmarks/pipeline.py.  Subprocesses run with bytecode caching
on (in a temporary PYTHONPYCACHEPREFIX), as an installed package runs: an
environment with PYTHONDONTWRITEBYTECODE would otherwise compile every module
on every start.  Times are CPU time (in process: ``time.process_time``; whole
processes: user + system), which a shared machine disturbs far less than wall
time (for whole processes both are printed); only the batch speedup is wall time.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import plistlib
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
EXAMPLE = REPO / "examples" / "weather_note.shortcut"
PARTS = ("corpus", "process", "memory", "scaling", "jobs")
SCALING_SIZES = (1_000, 2_000, 5_000, 10_000, 20_000, 50_000)
QUICK_SIZES = (1_000, 2_000, 5_000, 10_000)
MIB = 1024 * 1024

from shortcuts2py import api  # noqa: E402  (after the paths: the package may come from PYTHONPATH)


class Goals:
    """The verdicts, printed as they come and counted at the end."""

    def __init__(self):
        self.verdicts: list[tuple[str, bool]] = []

    def judge(self, name: str, measured: float, target: float, *, at_most: bool = False, unit: str = "x", note: str = "") -> None:
        ok = measured <= target if at_most else measured >= target
        sign = "<=" if at_most else ">="
        text = f"{measured:.3g}{unit}" if unit == "x" else f"{measured:.3g} {unit}"
        goal = f"{target:g}{unit}" if unit == "x" else f"{target:g} {unit}"
        print(f"  GOAL {name}: {text} (goal {sign} {goal}){'  ' + note if note else ''}  {'PASS' if ok else 'FAIL'}")
        self.verdicts.append((name, ok))

    def check(self, name: str, ok: bool, detail: str) -> None:
        print(f"  GOAL {name}: {detail}  {'PASS' if ok else 'FAIL'}")
        self.verdicts.append((name, ok))

    def summary(self) -> None:
        passed = sum(ok for _, ok in self.verdicts)
        print(f"\ngoals: {passed} PASS, {len(self.verdicts) - passed} FAIL")
        for name, ok in self.verdicts:
            if not ok:
                print(f"  FAIL {name}")


# --- the corpus -----------------------------------------------------------------------


class Shortcut:
    """One distinct real shortcut: its original file and its workflow as binary plist bytes."""

    def __init__(self, path: Path, data: bytes, actions: int):
        self.path, self.data, self.actions = path, data, actions


def corpus_shortcuts() -> list[Shortcut]:
    """One shortcut per distinct ``content_key`` of the manifest, in manifest order."""
    seen: set[str] = set()
    found = []
    for line in (CORPUS / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        key = row.get("content_key") or row["sha256"]
        if key in seen:
            continue
        seen.add(key)
        path = CORPUS / row["file"]
        try:
            root = api.load(path)
            data = plistlib.dumps(root, fmt=plistlib.FMT_BINARY, sort_keys=False)
        except (api.DecompileError, ValueError, TypeError, OverflowError):
            continue
        found.append(Shortcut(path, data, len(root["WFWorkflowActions"])))
    return found


def _compile_to_bytes(code: str) -> bytes:
    return api.dump(api.compile(code))


def _dump_binary(root: dict) -> bytes:
    return plistlib.dumps(root, fmt=plistlib.FMT_BINARY, sort_keys=False)


def race(shortcuts: list[Shortcut], rounds: int) -> tuple[dict[str, float], bool]:
    """Best seconds per file of each tool, summed; the tools take turns on each file.
    Also whether every round gave the same code and the same bytes."""
    roots = [plistlib.loads(s.data) for s in shortcuts]
    codes = [api.decompile(s.data) for s in shortcuts]
    compiled = [_compile_to_bytes(code) for code in codes]
    tools = (
        ("plistlib.loads", plistlib.loads, [s.data for s in shortcuts], None),
        ("decompile", api.decompile, [s.data for s in shortcuts], codes),
        ("plistlib.dumps", _dump_binary, roots, None),
        ("compile", _compile_to_bytes, codes, compiled),
    )
    best = {name: [math.inf] * len(shortcuts) for name, *_ in tools}
    same = True
    clock = time.process_time  # CPU time of this process: other work on the machine does not count
    for _ in range(rounds):
        for index in range(len(shortcuts)):
            for name, function, inputs, expected in tools:
                start = clock()
                result = function(inputs[index])
                elapsed = clock() - start
                if elapsed < best[name][index]:
                    best[name][index] = elapsed
                if expected is not None and result != expected[index]:
                    same = False
    return {name: sum(times) for name, times in best.items()}, same


STAGES = (
    "decompile: read the container",
    "decompile: lift",
    "decompile: lower (constructs + writer)",
    "  of which the writer's layout (write_module)",
    "compile: parse (frontend + constructs)",
    "  of which ast.parse + comments (frontend)",
    "compile: assemble",
    "compile: write (limits + plistlib)",
)


def stages(shortcuts: list[Shortcut]) -> dict[str, float]:
    """Seconds per stage over one pass, the stages timed where they meet."""
    from shortcuts2py import container, lower, parse
    from shortcuts2py.assemble import assemble_workflow
    from shortcuts2py.lift import lift_workflow

    clock: dict[str, float] = {}

    def timed(name, function):
        def run(*args, **kwargs):
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                clock[name] = clock.get(name, 0.0) + time.process_time() - start

        return run

    for name in STAGES:
        clock[name] = 0.0
    write_module, read_source = lower.write_module, parse.read_source
    lower.write_module = timed("  of which the writer's layout (write_module)", write_module)
    parse.read_source = timed("  of which ast.parse + comments (frontend)", read_source)
    try:
        for shortcut in shortcuts:
            root = timed("decompile: read the container", container.read_bytes)(shortcut.data)
            workflow = timed("decompile: lift", lift_workflow)(root)
            code = timed("decompile: lower (constructs + writer)", lower.lower_workflow)(workflow)
            tree = timed("compile: parse (frontend + constructs)", parse.parse_workflow)(code)
            plist = timed("compile: assemble", assemble_workflow)(tree)
            timed("compile: write (limits + plistlib)", api.dump)(plist)
    finally:
        lower.write_module, parse.read_source = write_module, read_source
    return clock


def writer_share(shortcuts: list[Shortcut]) -> tuple[float, float]:
    """(writer seconds, all seconds) of decompiling under cProfile: time spent in
    shortcuts2py/writer/ functions, and in built-ins they call directly."""
    import cProfile
    import pstats

    profile = cProfile.Profile()
    profile.enable()
    for shortcut in shortcuts:
        api.decompile(shortcut.data)
    profile.disable()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    writer = total = 0.0
    for (filename, _, _), (_, _, own, _, callers) in stats.items():
        total += own
        if f"shortcuts2py{os.sep}writer{os.sep}" in filename:
            writer += own
        elif filename == "~":
            writer += sum(c[2] for (caller, _, _), c in callers.items() if f"shortcuts2py{os.sep}writer{os.sep}" in caller)
    return writer, total


def run_corpus(goals: Goals, shortcuts: list[Shortcut], rounds: int) -> None:
    actions = sum(s.actions for s in shortcuts)
    size = sum(len(s.data) for s in shortcuts) / MIB
    print(f"\n== corpus: {len(shortcuts)} distinct shortcuts, {actions:,} actions, {size:.1f} MiB as binary plists "
          f"(best of {rounds} rounds per file, tools interleaved, CPU time)")
    totals, same = race(shortcuts, rounds)
    for name, seconds in totals.items():
        print(f"  {name:<16} {seconds:7.2f} s  {actions / seconds:9,.0f} actions/s")
    goals.judge("decompile rate / plistlib.loads rate", totals["plistlib.loads"] / totals["decompile"], 0.5)
    goals.judge("compile rate / plistlib.dumps (binary) rate", totals["plistlib.dumps"] / totals["compile"], 0.5)
    goals.check("output byte-identical run to run (in process)", same, f"{rounds} rounds gave the same code and bytes")

    print("  where the time goes (one pass, CPU seconds; shares of decompile and of compile):")
    clock = stages(shortcuts)
    whole = {"decompile": 0.0, "compile": 0.0}
    for name, seconds in clock.items():
        if not name.startswith(" "):
            whole[name.split(":")[0]] += seconds
    direction = "decompile"
    for name, seconds in clock.items():
        direction = name.split(":")[0] if not name.startswith(" ") else direction
        print(f"    {name:<46} {seconds:7.2f} s  {100 * seconds / whole[direction]:5.1f} %")
    writer, total = writer_share(shortcuts[::3])
    print(f"    writer (shortcuts2py/writer/: nodes, layout, built-ins they call), cProfile over every third file: "
          f"{100 * writer / total:.1f} % of decompile time")


# --- whole processes --------------------------------------------------------------------


def subprocess_env(cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def s2py_command() -> list[str]:
    """The installed ``s2py`` script beside this interpreter, else ``python -m shortcuts2py.cli``."""
    script = Path(sys.executable).parent / "s2py"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "shortcuts2py.cli"]


def small_shortcut(shortcuts: list[Shortcut]) -> bytes:
    """The real shortcut closest to ten actions (the shipped example without the corpus)."""
    if not shortcuts:
        return plistlib.dumps(api.load(EXAMPLE), fmt=plistlib.FMT_BINARY, sort_keys=False)
    return min(shortcuts, key=lambda s: (abs(s.actions - 10), len(s.data))).data


def time_commands(commands: dict[str, list[str]], env: dict, runs: int) -> dict[str, dict[str, float]]:
    """Mean wall, min wall and mean CPU (user + system) seconds of each command."""
    if shutil.which("hyperfine"):
        return _hyperfine(commands, env, runs)
    return _loop(commands, env, runs)


def _hyperfine(commands: dict[str, list[str]], env: dict, runs: int) -> dict[str, dict[str, float]]:
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        subprocess.run(
            ["hyperfine", "-N", "--warmup", "3", "--runs", str(runs), "--style", "none", "--export-json", str(report),
             *[shlex.join(command) for command in commands.values()]],
            env=env, check=True, stdout=subprocess.DEVNULL,
        )
        results = json.loads(report.read_text())["results"]
    return {
        name: {"wall": r["mean"], "min": r["min"], "cpu": r["user"] + r["system"]}
        for name, r in zip(commands, results)
    }


def _loop(commands: dict[str, list[str]], env: dict, runs: int) -> dict[str, dict[str, float]]:
    """Each command in turn, ``runs`` rounds after two warm-up rounds; CPU from wait4."""
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    for round_number in range(runs + 2):
        for name, command in commands.items():
            start = time.perf_counter()
            child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(child.pid, 0)
            wall = time.perf_counter() - start
            child.returncode = os.waitstatus_to_exitcode(status)
            if child.returncode != 0:
                raise SystemExit(f"{shlex.join(command)} failed with status {child.returncode}")
            if round_number >= 2:
                walls[name].append(wall)
                cpus[name].append(usage.ru_utime + usage.ru_stime)
    return {
        name: {"wall": statistics.mean(walls[name]), "min": min(walls[name]), "cpu": statistics.mean(cpus[name])}
        for name in commands
    }


def imports(command: list[str], env: dict) -> tuple[float, list[str]]:
    """Total import seconds of one run and the shortcuts2py modules it imported."""
    if command[0] != sys.executable:
        command = [sys.executable, *command]  # the script, run by this interpreter
    run = subprocess.run([command[0], "-X", "importtime", *command[1:]], env=env, capture_output=True, text=True)
    total, ours = 0, []
    for line in run.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = (part for part in line[len("import time:"):].split("|"))
        if not name.startswith("  "):  # a top-level import: its cumulative time counts once
            total += int(cumulative)
        if name.strip().startswith("shortcuts2py"):
            ours.append(name.strip())
    return total / 1e6, ours


def run_process(goals: Goals, shortcuts: list[Shortcut], runs: int) -> None:
    print(f"\n== whole process, one small file ({'the closest real shortcut to 10 actions' if shortcuts else 'the shipped example'})")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        env = subprocess_env(folder / "pycache")
        small = folder / "small.shortcut"
        small.write_bytes(small_shortcut(shortcuts))
        code = folder / "small.py"
        code.write_text(api.decompile(small.read_bytes()), encoding="utf-8")
        s2py = s2py_command()
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "s2py --help": [*s2py, "--help"],
            "s2py decompile": [*s2py, "decompile", str(small)],
            "s2py compile": [*s2py, "compile", str(code), "-o", str(folder / "out.shortcut")],
        }
        times = time_commands(commands, env, runs)
        floor = times["python -c pass"]
        tool = "hyperfine" if shutil.which("hyperfine") else "an interleaved loop"
        print(f"  ({tool}, {runs} runs each; CPU = user + system)")
        for name, t in times.items():
            print(f"  {name:<16} wall {1000 * t['wall']:6.1f} ms (min {1000 * t['min']:6.1f})  CPU {1000 * t['cpu']:6.1f} ms"
                  f"  CPU x{t['cpu'] / floor['cpu']:.2f}  wall-min x{t['min'] / floor['min']:.2f}")
        for name in ("s2py decompile", "s2py compile", "s2py --help"):
            goals.judge(f"{name} CPU / python -c pass CPU", times[name]["cpu"] / floor["cpu"], 3, at_most=True)
        print("  imports (-X importtime, one run each):")
        for name in ("s2py --help", "s2py decompile", "s2py compile"):
            seconds, ours = imports(commands[name], env)
            listed = ", ".join(m.removeprefix("shortcuts2py.") for m in ours) if name == "s2py --help" else f"{len(ours)} modules"
            print(f"    {name:<16} {1000 * seconds:6.1f} ms of imports; shortcuts2py: {listed}")


# --- memory -------------------------------------------------------------------------------

# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the forked parent across exec.
_RSS = """
def _peak():
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(_peak())
"""
_MEMORY_CHILDREN = {
    "plistlib.loads": "import plistlib, sys\ndata = open(sys.argv[1], 'rb').read()\nvalue = plistlib.loads(data)\n",
    "decompile": "import sys\nfrom shortcuts2py import api\ndata = open(sys.argv[1], 'rb').read()\ncode = api.decompile(data)\n",
    "compile": "import sys\nfrom shortcuts2py import api\ncode = open(sys.argv[2], encoding='utf-8').read()\n"
    "data = api.dump(api.compile(code))\n",
}


def peak_rss(script: str, args: list[str], env: dict) -> int:
    """Peak RSS in bytes of a fresh process running ``script`` (least of three runs)."""
    found = []
    for _ in range(3):
        run = subprocess.run([sys.executable, "-c", script + _RSS, *args], env=env, capture_output=True, text=True, check=True)
        found.append(int(run.stdout.split()[-1]) * 1024)
    return min(found)


def run_memory(goals: Goals, shortcuts: list[Shortcut]) -> None:
    largest = max(shortcuts, key=lambda s: (s.actions, len(s.data)))
    print(f"\n== memory: the largest real shortcut ({largest.actions:,} actions, {len(largest.data) / 1024:.0f} KiB "
          "as a binary plist), peak RSS of a fresh process")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        env = subprocess_env(folder / "pycache")
        data, code = folder / "largest.plist", folder / "largest.py"
        data.write_bytes(largest.data)
        code.write_text(api.decompile(largest.data), encoding="utf-8")
        rss = {name: peak_rss(script, [str(data), str(code)], env) for name, script in _MEMORY_CHILDREN.items()}
    for name, value in rss.items():
        print(f"  {name:<16} {value / MIB:7.1f} MiB")
    for name in ("decompile", "compile"):
        goals.judge(f"peak RSS {name} / plistlib.loads, largest real file", rss[name] / rss["plistlib.loads"], 3, at_most=True)


# --- scaling -------------------------------------------------------------------------------


def run_scaling(goals: Goals, sizes: tuple[int, ...]) -> None:
    """The series of benchmarks/scale.py (issue 10's, to 200,000 actions) over the sizes of
    this issue, judged against its goals."""
    try:
        import scale  # beside this file
    except ImportError:
        print("\n== scaling: benchmarks/scale.py is absent, nothing to measure")
        return
    parts = scale.pieces(CORPUS / "files")
    print(f"\n== scaling: synthetic shortcuts of whole copies of {len(parts)} real shortcuts "
          f"({sum(map(len, parts)):,} actions), built and measured by benchmarks/scale.py: "
          "CPU seconds and peak RSS of one fresh process per size and direction")
    series: dict[str, list[tuple[int, float, int]]] = {"decompile": [], "compile": []}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for size in sizes:
            root = scale.synthetic(size, parts)
            count = len(root["WFWorkflowActions"])
            plist, code = folder / f"{size}.plist", folder / f"{size}.py"
            plist.write_bytes(plistlib.dumps(root, fmt=plistlib.FMT_BINARY, sort_keys=False))
            for mode, source, target in (("decompile", plist, code), ("compile", code, folder / "out")):
                result = scale.measure(mode, source, target, 1800)
                series[mode].append((count, result["seconds"], result["rss"]))
            print(f"  {count:>7,} actions  decompile {series['decompile'][-1][1]:7.2f} s "
                  f"{series['decompile'][-1][2] / MIB:6.0f} MiB   compile {series['compile'][-1][1]:7.2f} s "
                  f"{series['compile'][-1][2] / MIB:6.0f} MiB")
    for mode, points in series.items():
        found = scale.slope([(n, t) for n, t, _ in points])
        if found is not None:
            goals.judge(f"{mode} time, log-log slope from {scale.SLOPE_FROM:,} to {points[-1][0]:,} actions",
                        found, 1.1, at_most=True, unit="")
    if sizes[-1] >= 50_000:
        for mode, points in series.items():
            goals.judge(f"{mode} peak RSS at {points[-1][0]:,} actions", points[-1][2] / MIB, 300, at_most=True, unit="MiB")
    else:
        print("  (peak RSS at 50,000 actions not measured: --quick)")


# --- batches --------------------------------------------------------------------------------


def _folder_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run_jobs(goals: Goals, shortcuts: list[Shortcut]) -> None:
    cores = os.cpu_count() or 1
    print(f"\n== batches: s2py decompile of {len(shortcuts)} files, --jobs 1 against --jobs {cores} (every core)")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        env = subprocess_env(folder / "pycache")
        inputs = folder / "in"
        inputs.mkdir()
        for number, shortcut in enumerate(shortcuts):
            (inputs / f"{number:05d}.shortcut").symlink_to(shortcut.path.resolve())
        seconds, outputs = {}, {}
        for jobs in (1, cores):
            out = folder / f"out{jobs}"
            command = [*s2py_command(), "decompile", str(inputs), "-o", str(out), "--jobs", str(jobs), "--quiet"]
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            seconds[jobs] = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            outputs[jobs] = _folder_bytes(out)
            print(f"  --jobs {jobs}: {seconds[jobs]:6.2f} s wall, {cpu:6.2f} s CPU (x{cpu / seconds[jobs]:.2f} cores busy), "
                  f"{len(outputs[jobs])} files written, load average {os.getloadavg()[0]:.2f}")
    if cores == 1:
        print("  (one core: no speedup to measure)")
    else:
        speedup = seconds[1] / seconds[cores]
        goals.judge(f"--jobs {cores} speedup / {cores} cores", speedup / cores, 0.75,
                    note=f"(speedup x{speedup:.2f})")
    goals.check("output identical across worker counts", outputs[1] == outputs[cores] and bool(outputs[1]),
                f"{len(outputs[1])} files, --jobs 1 and --jobs {cores} byte for byte")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds over the corpus (the best per file counts)")
    parser.add_argument("--runs", type=int, default=20, help="runs of each whole-process command")
    parser.add_argument("--quick", action="store_true", help="scaling up to 10,000 actions only")
    parser.add_argument("--parts", nargs="+", choices=PARTS, default=list(PARTS), metavar="PART",
                        help=f"what to measure (default: all of {', '.join(PARTS)})")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at the start")
    has_corpus = (CORPUS / "manifest.jsonl").is_file()
    shortcuts = corpus_shortcuts() if has_corpus and set(args.parts) & {"corpus", "process", "memory", "scaling", "jobs"} else []
    goals = Goals()
    if not has_corpus:
        print("../shared/corpus is absent: the corpus, memory and batch parts are skipped")
    if "corpus" in args.parts and shortcuts:
        run_corpus(goals, shortcuts, args.rounds)
    if "process" in args.parts:
        run_process(goals, shortcuts, args.runs)
    if "memory" in args.parts and shortcuts:
        run_memory(goals, shortcuts)
    if "scaling" in args.parts:
        run_scaling(goals, QUICK_SIZES if args.quick else SCALING_SIZES)
    if "jobs" in args.parts and shortcuts:
        run_jobs(goals, shortcuts)
    goals.summary()


if __name__ == "__main__":
    gc.collect()
    main()
