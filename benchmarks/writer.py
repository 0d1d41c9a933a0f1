"""How fast the writer lays out code, against black on the same modules.

Usage: python benchmarks/writer.py [--statements N] [--long SHARE] [--modules M]

Builds M generated modules of N statements (a decompiled-code mix: action
calls, assignments, if/for/match blocks, comment runs) in which about SHARE of
the lines are too long for one line, then times ``write_module`` and
``black.format_str`` on the one-line spelling of the same modules, in the same
run, and prints both rates and their ratio.  It also checks that the two
texts are equal.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import black

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from shortcuts2py.literals import string_source  # noqa: E402
from shortcuts2py.writer import nodes as n  # noqa: E402
from shortcuts2py.writer import number_text, text_width, write_module  # noqa: E402
from tests.test_writer import naive  # noqa: E402

BLACK_MODE = black.Mode(string_normalization=False)
WORDS = "contents url dictionary text item menu result input value name list file photo date note".split()


class ModuleMaker:
    """Random decompiled-looking statements; ``long_share`` of the simple
    ones get values long enough to need splitting."""

    def __init__(self, seed: int, long_share: float):
        self.random = random.Random(seed)
        self.long_share = long_share
        self.counter = 0

    def name(self) -> str:
        self.counter += 1
        return "_".join(self.random.sample(WORDS, 2)) + f"_{self.counter % 50}"

    def text(self, long: bool) -> n.String:
        words = self.random.choices(WORDS + ["日本語", "😀", "'quoted'"], k=self.random.randint(12, 20) if long else self.random.randint(1, 2))
        return n.String(string_source(" ".join(words)))

    def value(self, long: bool) -> n.Expr:
        kind = self.random.randrange(8)
        if kind <= 2:
            return self.text(long)
        if kind == 3:
            return n.Number(number_text(self.random.choice([0, 3, 15, 2.5, 100000])))
        if kind == 4:
            return n.Name(self.random.choice(["True", "False"]))
        if kind == 5:
            return n.Subscript(n.Call(n.Attribute(n.Name(self.name()), "as_type"), [n.Arg(n.String('"WFStringContentItem"'))]), n.String('"key"'))
        if kind == 6:
            return n.ListDisplay([self.text(False) for _ in range(self.random.randint(4, 8) if long else 1)])
        if not long:
            return n.DictDisplay([(self.text(False), n.Number("1"))])
        entries: list[tuple[n.Expr | None, n.Expr]] = [(self.text(False), self.value(False)) for _ in range(self.random.randint(2, 6))]
        return n.DictDisplay(entries)

    def action(self, long: bool) -> n.Call:
        function = "is_workflow_actions_" + self.random.choice(WORDS)
        keys = self.random.sample(["WFInput", "WFTextActionText", "WFMenuPrompt", "Show", "Count", "WFDictionary", "WFURL"], self.random.randint(2, 4) if long else 1)
        args = [n.Arg(self.value(long and i == 0), key) for i, key in enumerate(keys)]
        if long and self.random.random() < 0.3:
            args.append(n.Arg(n.DictDisplay([(n.String('"Show-text"'), n.Name("True"))]), star="**"))
        return n.Call(n.Name(function), args)

    def simple(self) -> n.Stmt:
        long = self.random.random() < self.long_share
        kind = self.random.randrange(10)
        if kind <= 5:
            return n.Assign([n.Name(self.name())], self.action(long))
        if kind == 6:
            return n.ExprStatement(self.action(long))
        if kind == 7:
            return n.Assign([n.Name(self.name())], self.value(long))
        if kind == 8:
            return n.AugAssign(n.Name(self.name()), "+", n.ListDisplay([n.Name(self.name())]))
        return n.CommentLines([" ".join(self.random.choices(WORDS, k=6)) for _ in range(self.random.randint(1, 3))])

    def block(self, size: int, depth: int) -> list[n.Stmt]:
        out: list[n.Stmt] = []
        while len(out) < size:
            roll = self.random.random()
            if depth < 3 and roll < 0.06:
                test = n.Compare(n.Name(self.name()), [("==", self.text(False))])
                out.append(n.If(test, self.block(3, depth + 1), self.block(2, depth + 1) if roll < 0.03 else None))
            elif depth < 3 and roll < 0.09:
                target = n.TupleDisplay([n.Name("Repeat_Index"), n.Name("Repeat_Item")], parens=False)
                items = n.Call(n.Name("enumerate"), [n.Arg(n.Name(self.name())), n.Arg(n.Number("1"), "start")])
                out.append(n.For(target, items, self.block(3, depth + 1)))
            elif depth < 3 and roll < 0.11:
                cases = [n.Case(self.text(False), None, self.block(2, depth + 2)) for _ in range(3)]
                out.append(n.Match(n.Call(n.Name("menu"), [n.Arg(self.text(False), "WFMenuPrompt")]), cases))
            else:
                out.append(self.simple())
        if all(isinstance(statement, n.CommentLines) for statement in out):
            out.append(n.Pass())
        return out

    def module(self, size: int) -> list[n.Stmt]:
        header = n.ExprStatement(n.Call(n.Name("shortcut"), [n.Arg(n.String('"3303.0.4"'), "version")]))
        return [n.ImportStar("s2py_actions"), header, *self.block(size, 0)]


def count_statements(statements: list[n.Stmt]) -> int:
    total = 0
    for statement in statements:
        total += 1
        if isinstance(statement, (n.If, n.For)):
            total += count_statements(statement.body)
            if isinstance(statement, n.If) and isinstance(statement.orelse, list):
                total += count_statements(statement.orelse)
        elif isinstance(statement, n.Match):
            total += sum(1 + count_statements(case.body) for case in statement.cases)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=6_000, help="top-level statements per module (blocks add more)")
    parser.add_argument("--long", type=float, default=0.16, help="share of simple statements given long values")
    parser.add_argument("--modules", type=int, default=1)
    args = parser.parse_args()
    modules = [ModuleMaker(seed, args.long).module(args.statements) for seed in range(args.modules)]
    statements = sum(count_statements(module) for module in modules)
    sources = [naive(module) for module in modules]

    start = time.perf_counter()
    written = [write_module(module) for module in modules]
    writer_seconds = time.perf_counter() - start

    start = time.perf_counter()
    formatted = [black.format_str(source, mode=BLACK_MODE) for source in sources]
    black_seconds = time.perf_counter() - start

    one_line = [line for source in sources for line in source.splitlines() if line.strip()]
    long_lines = sum(1 for line in one_line if text_width(line) > 88)
    print(f"{len(modules)} modules, {statements} statements, {100 * long_lines / len(one_line):.0f}% of lines too long for one line")
    print(f"writer: {writer_seconds:8.3f} s  {statements / writer_seconds:12,.0f} statements/s  {writer_seconds / statements * 1e6:6.2f} us/statement")
    print(f"black:  {black_seconds:8.3f} s  {statements / black_seconds:12,.0f} statements/s  {black_seconds / statements * 1e6:6.2f} us/statement")
    print(f"writer is {black_seconds / writer_seconds:.0f}x faster than black; output identical: {written == formatted}")


if __name__ == "__main__":
    main()
