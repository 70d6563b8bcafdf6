"""Speed and memory of `reportdiff OLD NEW`, measured as a user runs it.

Prints:
1. the whole command on the Baotou 2022 report against the 2023 gazette (interpreter start
   included): median, min and max wall time of warm runs, and peak memory (max RSS);
2. scaling: documents made 1x, 2x, 4x, 8x longer by concatenating k national reports of the
   corpus (A = years y, y+2, …; B = the year after each: y+1, y+3, …, so every A report meets
   its successor and no text repeats), with the fitted log-log slope;
3. pathological inputs: two 5 MB files of unpunctuated text, and 100,000 identical lines;
4. the pair compare against jieba's full dictionary load, interleaved in the same run (the
   target of issue #21: the whole command at most 1.0x the load): the load is
   ``jieba.Tokenizer().initialize()`` on jieba's default (full) dictionary with its cache
   disabled (it builds the prefix dictionary from dict.txt, as on a first run), timed inside a
   fresh process that has already imported jieba; the wall time of that whole process is
   printed too; then the cold command (an empty REPORTDIFF_CACHE: the trimmed dictionary is
   built first);
5. anchors in the same run on the same two files: `git diff --no-index --word-diff-regex=.`,
   `difflib.HtmlDiff().make_file`, and a naive paragraph-level difflib.SequenceMatcher aligner;
   the baseline `python -c pass` start-up time is printed for ratios.

Every child runs with a bytecode cache (``bytecode_cache``), as an installed package does;
--no-bytecode-cache compiles every module from source in every run.

Run from the project root:  .venv/bin/python benchmarks/bench_compare.py [--runs 7] [--quick]
(--against-jieba: only sections 1 and 4) [--no-bytecode-cache]
"""

from __future__ import annotations

import argparse
import difflib
import math
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = [str(ROOT / ".venv" / "bin" / "reportdiff")]
OLD = ROOT / "fixtures" / "baotou-2022.txt"
NEW = ROOT / "fixtures" / "baotou-gazette-2023-01.txt"
CORPUS = ROOT.parent / "shared" / "corpus" / "national"


def bytecode_cache(on: bool) -> str:
    """Run the children as an installed Python runs: modules compiled once to bytecode and read
    from it afterwards (pip compiles an installed package's .pyc files; Python writes them on first
    import), kept in a temporary PYTHONPYCACHEPREFIX so that the source tree stays clean; the
    first, dropped warm-up run writes them.  Some machines set PYTHONDONTWRITEBYTECODE=1 (this
    one does), which makes every run compile every module from source again (0.13 s of the
    Baotou compare on 2026-12-04); ``on=False`` measures that."""
    if not on:
        os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
        os.environ.pop("PYTHONPYCACHEPREFIX", None)
        return "bytecode cache: off (every module compiled from source in every run)"
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="reportdiff-pyc-")
    return f"bytecode cache: on, in {os.environ['PYTHONPYCACHEPREFIX']} (as an installed package runs)"


def run_timed(cmd: list[str], timeout: float = 600) -> tuple[float, int, int]:
    """Wall seconds, exit code and the child's max RSS in KB."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, r.returncode, max(after, before) if after > before else after


def peak_rss(cmd: list[str]) -> int:
    """Max RSS (KB) of one run, measured in a fresh helper process so it is not masked by
    earlier, bigger children."""
    code = ("import resource,subprocess,sys;subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,"
            "stderr=subprocess.DEVNULL);print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True)
    return int(out.stdout.strip() or 0)


def median_runs(cmd: list[str], runs: int) -> tuple[float, float, float]:
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm-up
    times = [run_timed(cmd)[0] for _ in range(runs)]
    return statistics.median(times), min(times), max(times)


JIEBA_LOAD = """
import logging, os, sys, tempfile, time
import jieba
jieba.setLogLevel(logging.CRITICAL)
tk = jieba.Tokenizer()
tk.tmp_dir = os.path.join(tempfile.gettempdir(), "no-such-folder-%d" % os.getpid())  # no cache read or written
t, c = time.perf_counter(), time.process_time()
tk.initialize()
print(time.perf_counter() - t, time.process_time() - c, len(tk.FREQ))
"""


def _child_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def against_jieba(runs: int) -> None:
    """The whole compare command and jieba's full dictionary load, run alternately so that both
    see the same machine load: medians of wall and CPU time (user + system: on a shared machine
    the wall time mostly measures the other processes), and the ratios of the medians."""
    cmd = CLI + [str(OLD.relative_to(ROOT)), str(NEW.relative_to(ROOT)), "--format", "json"]
    load_cmd = [sys.executable, "-c", JIEBA_LOAD]
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm-up
    rows: dict[str, list[float]] = {k: [] for k in ("cw", "cc", "lw", "lc", "pw", "pc")}
    loads = []
    for _ in range(runs):
        cpu = _child_cpu()
        rows["cw"].append(run_timed(cmd)[0])
        rows["cc"].append(_child_cpu() - cpu)
        cpu, t = _child_cpu(), time.perf_counter()
        out = subprocess.run(load_cmd, capture_output=True, text=True, check=True).stdout.split()
        rows["pw"].append(time.perf_counter() - t)
        rows["pc"].append(_child_cpu() - cpu)
        rows["lw"].append(float(out[0]))
        rows["lc"].append(float(out[1]))
        loads.append(os.getloadavg()[0])
    m = {k: statistics.median(v) for k, v in rows.items()}
    print(f"\n## pair compare against jieba's full dictionary load (interleaved, {runs} runs each; "
          f"load average {min(loads):.1f}-{max(loads):.1f})")
    print(f"reportdiff {OLD.name} {NEW.name} --format json: wall median {m['cw']:.3f} s "
          f"(min {min(rows['cw']):.3f}, max {max(rows['cw']):.3f}), CPU median {m['cc']:.3f} s")
    print(f"jieba.Tokenizer().initialize(), full dictionary ({int(out[2]):,} prefixes), no cache: "
          f"wall median {m['lw']:.3f} s (min {min(rows['lw']):.3f}, max {max(rows['lw']):.3f}), "
          f"CPU median {m['lc']:.3f} s; the whole process (start-up, import jieba, load): "
          f"wall {m['pw']:.3f} s, CPU {m['pc']:.3f} s")
    print(f"ratio compare / load (target <= 1.0): wall {m['cw'] / m['lw']:.2f}, CPU {m['cc'] / m['lc']:.2f}; "
          f"compare / whole load process: wall {m['cw'] / m['pw']:.2f}, CPU {m['cc'] / m['pc']:.2f}")


def cold(runs: int) -> None:
    """The first run on a machine: an empty REPORTDIFF_CACHE, so the trimmed dictionary is built
    from jieba's (the file cache of the OS stays warm: it is shared with other users)."""
    cmd = CLI + [str(OLD.relative_to(ROOT)), str(NEW.relative_to(ROOT)), "--format", "json"]
    walls, cpus = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as d:
            env = dict(os.environ, REPORTDIFF_CACHE=d)
            cpu, t = _child_cpu(), time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
            walls.append(time.perf_counter() - t)
            cpus.append(_child_cpu() - cpu)
    print(f"cold (empty REPORTDIFF_CACHE, {runs} runs): wall median {statistics.median(walls):.3f} s "
          f"(min {min(walls):.3f}, max {max(walls):.3f}), CPU median {statistics.median(cpus):.3f} s; "
          f"load average {os.getloadavg()[0]:.1f}")


def naive_aligner(a: str, b: str) -> int:
    """Paragraph-level difflib: split on blank lines, SequenceMatcher over paragraphs, then
    ratio >= 0.5 inside replace blocks.  Returns the number of pairs."""
    pa = [p.strip() for p in a.split("\n\n") if p.strip()]
    pb = [p.strip() for p in b.split("\n\n") if p.strip()]
    sm = difflib.SequenceMatcher(None, pa, pb, autojunk=False)
    pairs = 0
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            pairs += i2 - i1
        elif tag == "replace":
            for x in pa[i1:i2]:
                if any(difflib.SequenceMatcher(None, x, y, autojunk=False).ratio() >= 0.5 for y in pb[j1:j2]):
                    pairs += 1
    return pairs


def scaling(runs: int, tmp: Path) -> None:
    years = sorted(int(p.stem) for p in CORPUS.glob("*.txt") if p.stem.isdigit() and int(p.stem) >= 2005)
    print("\n## scaling (concatenated national reports: A = years y, y+2, …; B = y+1, y+3, …; "
          "whole command, median of", runs, "runs)")
    print(f"{'x':>3} {'A chars':>9} {'B chars':>9} {'median s':>9} {'peak MB':>8}")
    sizes, times = [], []
    for k in (1, 2, 4, 8):
        a = "\n\n".join(CORPUS.joinpath(f"{y}.txt").read_text("utf-8") for y in years[0 : 2 * k : 2])
        b = "\n\n".join(CORPUS.joinpath(f"{y}.txt").read_text("utf-8") for y in years[1 : 2 * k : 2])
        fa, fb = tmp / f"a{k}.txt", tmp / f"b{k}.txt"
        fa.write_text(a, "utf-8")
        fb.write_text(b, "utf-8")
        cmd = CLI + [str(fa), str(fb), "--format", "json", "--document", "1"]
        med, _, _ = median_runs(cmd, runs)
        rss = peak_rss(cmd)
        sizes.append(len(a) + len(b))
        times.append(med)
        print(f"{k:>3} {len(a):>9,} {len(b):>9,} {med:>9.3f} {rss / 1024:>8.1f}")
    xs = [math.log(s) for s in sizes]
    ys = [math.log(t) for t in times]
    mx, my = statistics.mean(xs), statistics.mean(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    print(f"log-log slope of time against total characters: {slope:.2f} (fitted over all sizes); "
          f"{math.log(times[-1] / times[-2]) / math.log(sizes[-1] / sizes[-2]):.2f} between the two largest")


def pathological(tmp: Path) -> None:
    print("\n## pathological inputs (one run each, limit 60 s)")
    rng = random.Random(7)
    chars = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质"
    line = "".join(rng.choice(chars) for _ in range(40))
    big = "\n".join("".join(rng.choice(chars) for _ in range(40)) for _ in range(5 * 1024 * 1024 // 120))
    fa, fb = tmp / "nopunct_a.txt", tmp / "nopunct_b.txt"
    fa.write_text(big, "utf-8")
    fb.write_text(big[len(big) // 10 :] + big[: len(big) // 10], "utf-8")
    for name, cmd in (
        ("two 5 MB files, no punctuation", CLI + [str(fa), str(fb), "--format", "json"]),
    ):
        try:
            wall, code, _ = run_timed(cmd, timeout=120)
            print(f"{name}: {fa.stat().st_size / 2**20:.1f} MB each, exit {code}, {wall:.1f} s, "
                  f"peak {peak_rss(cmd) / 1024:.0f} MB")
        except subprocess.TimeoutExpired:
            print(f"{name}: did not finish within 120 s")
    same = tmp / "same.txt"
    same.write_text((line + "。\n") * 100_000, "utf-8")
    other = tmp / "same2.txt"
    other.write_text((line + "。\n") * 99_000 + "新的一行在这里出现了。\n" * 1000, "utf-8")
    cmd = CLI + [str(same), str(other), "--format", "json"]
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        print(f"100,000 identical lines: exit {r.returncode}, {time.perf_counter() - t0:.1f} s, "
              f"{(r.stderr.strip() or 'ok')[:160]}")
    except subprocess.TimeoutExpired:
        print("100,000 identical lines: did not finish within 120 s")


def anchors(tmp: Path) -> None:
    print("\n## anchors on the same two files (one run each)")
    a = OLD.read_text("utf-8")
    b = NEW.read_text("utf-8")
    if shutil.which("git"):
        t = time.perf_counter()
        subprocess.run(["git", "diff", "--no-index", "--word-diff-regex=.", str(OLD), str(NEW)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        print(f"git diff --no-index --word-diff-regex=. : {time.perf_counter() - t:.2f} s")
    t = time.perf_counter()
    difflib.HtmlDiff().make_file(a.splitlines(), b.splitlines())
    print(f"difflib.HtmlDiff().make_file             : {time.perf_counter() - t:.2f} s")
    t = time.perf_counter()
    pairs = naive_aligner(a, b)
    print(f"naive paragraph difflib aligner          : {time.perf_counter() - t:.2f} s ({pairs} pairs)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--quick", action="store_true", help="skip scaling and pathological inputs")
    ap.add_argument("--against-jieba", action="store_true",
                    help="only the whole command and its ratio to jieba's full dictionary load")
    ap.add_argument("--no-bytecode-cache", action="store_true",
                    help="compile every module from source in every run (PYTHONDONTWRITEBYTECODE)")
    args = ap.parse_args()
    print(f"# bench_compare  ({sys.executable}, {os.cpu_count()} cores)")
    print(bytecode_cache(not args.no_bytecode_cache))
    base = median_runs([sys.executable, "-c", "pass"], args.runs)[0]
    print(f"baseline `python -c pass`: median {base:.3f} s; load average {os.getloadavg()[0]:.1f}")
    for fmt in (("json",) if args.against_jieba else ("terminal", "json")):
        cmd = CLI + [str(OLD.relative_to(ROOT)), str(NEW.relative_to(ROOT)), "--format", fmt, "--no-pager"]
        med, lo, hi = median_runs(cmd, args.runs)
        rss = peak_rss(cmd)
        print(f"reportdiff {OLD.name} {NEW.name} --format {fmt}: median {med:.3f} s "
              f"(min {lo:.3f}, max {hi:.3f}, {args.runs} warm runs), peak RSS {rss / 1024:.0f} MB, "
              f"{med / base:.1f}x python start-up")
    against_jieba(args.runs)
    cold(max(3, args.runs // 2))
    if args.against_jieba:
        return
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        anchors(tmp)
        if not args.quick:
            if CORPUS.is_dir():
                scaling(max(3, args.runs // 2), tmp)
            else:
                print("\n(scaling skipped: ../shared/corpus is absent)")
            pathological(tmp)


if __name__ == "__main__":
    main()
