"""Time and peak memory of every command on the huge and odd inputs of issue 8.

Each case is generated in a temporary folder; each command runs in its own process (the
installed ``reportdiff`` script, JSON output to a file) and is measured with ``os.wait4``: wall
time and the peak resident set size of that process.  The baseline is the same command on two
real reports (fixtures/hohhot-2022.txt and fixtures/national-2024.txt), run in the same session.
Figures are medians of --runs runs.  The inputs are written by a separate process, so that
this one stays small (a child's peak RSS starts from its parent's size at the fork).  tests/test_input_matrix.py builds its huge inputs with the
generators below.

Run:  .venv/bin/python benchmarks/bench_limits.py [--runs 3] [--case NAME ...] [--command NAME ...]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

FIFTY_MB_LINE = "全市上下坚持以新发展理念引领高质量发展，地区生产总值增长百分之六左右。\n"
FIFTY_MB_COUNT = 50 * 2**20 // len(FIFTY_MB_LINE.encode("utf-8"))
_WORDS = "发展经济改善民生推进改革"
TWO_MB_LINE = _WORDS * (2 * 2**20 // len(_WORDS.encode("utf-8")))
IDENTICAL_LINE = "我们要坚定不移推进高质量发展，努力完成全年目标任务。"


def fifty_mb() -> bytes:
    """50 MB of text (17.6 million characters): refused by the 3,000,000-character limit."""
    return (FIFTY_MB_LINE * FIFTY_MB_COUNT).encode("utf-8")


def two_mb_line() -> bytes:
    """One line of 2 MB (699,050 characters) and no punctuation."""
    return (TWO_MB_LINE + "\n").encode("utf-8")


def identical_lines() -> bytes:
    return (IDENTICAL_LINE + "\n").encode("utf-8") * 100_000


def ten_thousand_headings() -> bytes:
    return "".join(f"{i}. 第{i}项工作\n" for i in range(1, 10_001)).encode("utf-8")


def nested_numbering(depth: int = 40) -> bytes:
    lines, number = ["政府工作报告", ""], []
    for d in range(1, depth + 1):
        number.append("1")
        lines += [".".join(number) + f" 第{d}层工作", "我们要做好这一层的工作，确保任务完成。", ""]
    return "\n".join(lines).encode("utf-8")


CASES = {
    "baseline (two real reports)": None,
    "50 MB file": fifty_mb,
    "2 MB line": two_mb_line,
    "100,000 identical lines": identical_lines,
    "10,000 headings": ten_thousand_headings,
    "deeply nested numbering": nested_numbering,
}
COMMANDS = {
    "compare": lambda x, g: [x, g],
    "outline": lambda x, g: ["outline", x],
    "dupes": lambda x, g: ["dupes", x, g],
    "boilerplate": lambda x, g: ["boilerplate", x, g],
    "promises": lambda x, g: ["promises", x, g],
}


def _cli() -> list[str]:
    exe = Path(sys.executable).with_name("reportdiff")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "reportdiff"]


def measure(argv: list[str], out: Path) -> tuple[float, float, int, str]:
    """(wall seconds, peak RSS in MB, exit code, first line of stderr) of one run."""
    t = time.perf_counter()
    p = subprocess.Popen([*_cli(), *argv, "-f", "json", "-o", str(out)], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t
    return wall, usage.ru_maxrss / 1024, p.returncode, err.strip().splitlines()[0] if err.strip() else ""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--case", action="append", choices=list(CASES))
    ap.add_argument("--command", action="append", choices=list(COMMANDS))
    ap.add_argument("--write", nargs=2, metavar=("CASE", "PATH"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.write:
        Path(args.write[1]).write_bytes(CASES[args.write[0]]())
        return
    partner = str(FIXTURES / "national-2024.txt")
    print(f"{'case':30} {'command':12} {'exit':>4} {'wall s':>8} {'peak MB':>8}  x baseline  message")
    baseline: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for case in args.case or list(CASES):
            make = CASES[case]
            if make is None:
                x = str(FIXTURES / "hohhot-2022.txt")
            else:  # written by another process: a child's peak RSS starts at its parent's size
                x = str(Path(tmp) / "case.txt")
                subprocess.run([sys.executable, __file__, "--write", case, x], check=True)
            for command in args.command or list(COMMANDS):
                runs = [measure(COMMANDS[command](x, partner), Path(tmp) / "out.json") for _ in range(args.runs)]
                wall = statistics.median(r[0] for r in runs)
                rss = statistics.median(r[1] for r in runs)
                if make is None:
                    baseline[command] = wall
                ratio = f"{wall / baseline[command]:10.1f}" if command in baseline and make else " " * 10
                print(f"{case:30} {command:12} {runs[0][2]:4} {wall:8.2f} {rss:8.0f}  {ratio}  {runs[0][3][:90]}",
                      flush=True)


if __name__ == "__main__":
    main()
