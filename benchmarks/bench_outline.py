"""Speed and memory of `reportdiff outline FILE`, measured as a user runs it.

Prints, all measured in the same run:
1. baseline: `python -c pass` (interpreter start-up), median wall time and peak RSS;
2. the whole command `reportdiff outline FILE` (subprocess, interpreter start included), in the
   default terminal format and with `--format json`: median, min and max wall time of N warm
   runs after one warm-up, peak memory (max RSS of the child), and the ratio to the baseline;
3. in-process `reportdiff.read_source(FILE)`: median, min and max of 7 calls (after one warm-up).

Peak memory is the child's own max RSS, read from the rusage that os.wait4 returns for that one
child (a resource.struct_rusage).  getrusage(RUSAGE_CHILDREN).ru_maxrss is a running maximum
over all children ever waited for, so a delta of it only moves when a child is bigger than every
earlier one; wait4 gives the per-child figure without that masking.  On Linux a child's
ru_maxrss can never read lower than this script's own RSS at the moment it spawns the child
(exec keeps the high-water mark of the address space it replaces, and subprocess forks or
vforks from this process), so the floor is printed too (`true` spawned the same way), and, when
/usr/bin/time exists, its "Maximum resident set size" for one run, which has no such floor.

Run from the project root:  .venv/bin/python benchmarks/bench_outline.py [--runs 7] [--file PATH]
"""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = ROOT / ".venv" / "bin" / "reportdiff"
DEFAULT_FILE = "fixtures/baotou-gazette-2023-01.txt"
KB = 1024 if sys.platform == "darwin" else 1  # ru_maxrss is bytes on macOS, KB on Linux


def run_once(cmd: list[str]) -> tuple[float, int, int]:
    """Wall seconds, exit code and the child's own max RSS in KB."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    p.returncode = os.waitstatus_to_exitcode(status)
    err = p.stderr.read().decode("utf-8", "replace") if p.stderr else ""
    if p.stderr:
        p.stderr.close()
    if p.returncode != 0:
        sys.exit(f"command failed (exit {p.returncode}): {shlex.join(cmd)}\n{err.strip()}")
    return wall, p.returncode, usage.ru_maxrss // KB


def time_v_rss(cmd: list[str]) -> int | None:
    """Max RSS (KB) of one run as /usr/bin/time -v reports it, or None without GNU time."""
    if not Path("/usr/bin/time").exists():
        return None
    r = subprocess.run(["/usr/bin/time", "-v", *cmd], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    for line in r.stderr.splitlines():
        if "Maximum resident set size" in line:
            return int(line.rsplit(":", 1)[1])
    return None


def measure(cmd: list[str], runs: int) -> dict:
    run_once(cmd)  # warm-up: page cache, .pyc files
    results = [run_once(cmd) for _ in range(runs)]
    times = [r[0] for r in results]
    rss = [r[2] for r in results]
    return {"median": statistics.median(times), "min": min(times), "max": max(times),
            "rss_kb": max(rss), "time_v_kb": time_v_rss(cmd)}


def measure_in_process(path: str, runs: int) -> dict:
    from reportdiff import read_source

    src = read_source(path)  # warm-up: imports, regex compilation
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        src = read_source(path)
        times.append(time.perf_counter() - t)
    doc = src.main_document()
    return {"median": statistics.median(times), "min": min(times), "max": max(times),
            "documents": len(src.documents), "headings": len(doc.sections),
            "paragraphs": len(doc.paragraphs), "chars": doc.chars}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=7, help="warm runs per command (default 7)")
    ap.add_argument("--file", default=DEFAULT_FILE, help=f"report file (default {DEFAULT_FILE})")
    args = ap.parse_args()
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    if not CLI.exists():
        sys.exit(f"{CLI} not found: install the package into .venv first")
    if not Path(args.file).is_file():
        sys.exit(f"{args.file}: no such file (run from the project root, or pass --file)")

    size = Path(args.file).stat().st_size
    print(f"# bench_outline  ({sys.executable}, Python {platform.python_version()}, "
          f"{os.cpu_count()} cores, {platform.system()} {platform.machine()})")
    print(f"file: {args.file} ({size:,} bytes); {args.runs} warm runs per command after 1 warm-up")
    print()

    base_cmd = [sys.executable, "-c", "pass"]
    cmds = [
        ("python -c pass (baseline)", base_cmd),
        ("reportdiff outline", [str(CLI), "outline", args.file]),
        ("reportdiff outline --format json", [str(CLI), "outline", args.file, "--format", "json"]),
    ]
    rows = []
    base = None
    for label, cmd in cmds:
        m = measure(cmd, args.runs)
        if base is None:
            base = m
        rows.append((label, cmd, m))

    true = shutil.which("true") or "/bin/true"
    floor_kb = run_once([true])[2]
    ip = measure_in_process(args.file, args.runs)

    def mb(kb):
        return "-" if kb is None else f"{kb / 1024:.1f}"

    print(f"{'what':<34} {'median s':>9} {'min s':>8} {'max s':>8} {'x start-up':>11} "
          f"{'peak RSS MB':>12} {'time -v MB':>11}")
    print("-" * 99)
    for label, _, m in rows:
        print(f"{label:<34} {m['median']:>9.3f} {m['min']:>8.3f} {m['max']:>8.3f} "
              f"{m['median'] / base['median']:>11.1f} {mb(m['rss_kb']):>12} {mb(m['time_v_kb']):>11}")
    print(f"{'read_source() in-process':<34} {ip['median']:>9.3f} {ip['min']:>8.3f} {ip['max']:>8.3f} "
          f"{ip['median'] / base['median']:>11.1f} {'-':>12} {'-':>11}")
    print(f"RSS floor of the wait4 column (`{true}` spawned the same way): {mb(floor_kb)} MB; "
          f"a figure near it is an upper bound")
    print()
    print(f"whole command minus start-up: {rows[1][2]['median'] - base['median']:.3f} s "
          f"(of which read_source {ip['median']:.3f} s; the rest is imports and rendering)")
    print(f"read_source found {ip['documents']} documents; main document: {ip['headings']} headings, "
          f"{ip['paragraphs']} paragraphs, {ip['chars']:,} characters")
    print()
    print(f"commands (run from {ROOT}, stdout to /dev/null):")
    for label, cmd, _ in rows:
        print(f"  {shlex.join(cmd)}")
    print(f"  in-process: reportdiff.read_source({args.file!r})")
    print("peak RSS: ru_maxrss of each child from os.wait4 (max over the warm runs); "
          "time -v: one extra run under /usr/bin/time -v")


if __name__ == "__main__":
    main()
