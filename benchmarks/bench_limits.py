"""Time and peak memory of every command on the huge and odd inputs of issue 8.

Each case is generated in a temporary folder; each command runs in its own process (the
installed ``reportdiff`` script, JSON output to a file) and is measured with ``os.wait4``: wall
time and the peak resident set size of that process.  The baseline is the same command on two
real reports (fixtures/hohhot-2022.txt and fixtures/national-2024.txt), run in the same session.
Figures are medians of --runs runs.  The inputs are written by a separate process, so that
this one stays small (a child's peak RSS starts from its parent's size at the fork).  tests/test_input_matrix.py builds its huge inputs with the
generators below.

Run:  .venv/bin/python benchmarks/bench_limits.py [--runs 3] [--case NAME ...] [--command NAME ...]
      .venv/bin/python benchmarks/bench_limits.py --scaling [INPUT ...] [--sizes 100000,200000] [--runs 1]

--scaling times the four inputs of issue 15 item 5 (headings-self, unrelated-pair, near-dupes,
target-lines), and en-target-lines (English target lines for promises), at growing sizes and
prints the growth exponent between the two largest sizes.
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


# ---------------------------------------------------------------- scaling (issue 15, item 5)
# Four input shapes that were once quadratic.  Each generator takes a size in characters and is
# deterministic (seeded); the real text comes from the shared corpus (../shared/corpus) and falls
# back on the fixtures when it is absent.

CORPUS = ROOT.parent / "shared" / "corpus"
_SENTENCE_END = "。！？；"
_CN_DIGITS = "零一二三四五六七八九"


def _real_sentences(folder: str) -> list[str]:
    """The Chinese sentences (ending in 。！？；, 8-200 characters) of every report in a corpus
    folder (or of the fixtures), in file order."""
    import re

    files = sorted((CORPUS / folder).glob("*.txt")) or sorted(FIXTURES.glob("*.txt"))
    out: list[str] = []
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        for s in re.findall(r"[^。！？；\n]+[。！？；]", text):
            s = s.strip()
            if 8 <= len(s) <= 200 and re.search(r"[\u4e00-\u9fff]", s):
                out.append(s)
    return out


def _chinese_number(n: int) -> str:
    """1 -> 一, 12 -> 十二, 305 -> 三百零五, 10001 -> 一万零一 (the numbering of headings)."""
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    units = [(10_000, "万"), (1_000, "千"), (100, "百"), (10, "十")]
    out, zero = "", False
    for value, name in units:
        q, n = divmod(n, value)
        if q:
            if zero:
                out += "零"
            out += (_chinese_number(q) if value == 10_000 else _CN_DIGITS[q]) + name
            zero = False
        elif out:
            zero = True
    if n:
        out += ("零" if zero else "") + _CN_DIGITS[n]
    return out


def headings_file(chars: int, seed: int = 1) -> str:
    """Only headings: ``一、…`` every 6th line, ``（一）…`` under it, each made of 2-4 phrases of
    real sentences (varied text, as an outline of many reports)."""
    import random

    rng = random.Random(seed)
    phrases = [p for s in _real_sentences("national") for p in s.rstrip(_SENTENCE_END).split("，")
               if 4 <= len(p) <= 14]
    lines, top, sub, size = [], 0, 0, 0
    while size < chars:
        text = "".join(rng.choice(phrases) for _ in range(rng.randint(1, 2)))
        if sub % 6 == 0:
            top, sub = top + 1, 1
            line = f"{_chinese_number(top)}、{text}"
        else:
            line = f"（{_chinese_number(sub)}）{text}"
            sub += 1
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines) + "\n"


def _shuffled_report(sentences: list[str], chars: int, seed: int) -> str:
    """Paragraphs of 2-6 sentences drawn in a random order (reshuffled on each pass)."""
    import random

    rng = random.Random(seed)
    pool: list[str] = []
    paras, size = [], 0
    while size < chars:
        if len(pool) < 6:
            more = list(sentences)
            rng.shuffle(more)
            pool += more
        para = "".join(pool.pop() for _ in range(rng.randint(2, 6)))
        paras.append(para)
        size += len(para) + 2
    return "\n\n".join(paras) + "\n"


def unrelated_pair(chars: int) -> tuple[str, str]:
    """Two files without a common paragraph: shuffled sentences of the national reports, and of
    the 2026 provincial reports."""
    return (_shuffled_report(_real_sentences("national"), chars, 2),
            _shuffled_report(_real_sentences("provinces-2026"), chars, 3))


_NEAR_BASE = "全市上下坚持以新发展理念引领高质量发展，地区生产总值增长百分之六左右，城乡居民收入稳步增长。"
_EDITS = "市区县省年度全体经济社会民生改革开放创新协调绿色共享稳步持续较快"


def near_duplicates(chars: int, seed: int = 4) -> str:
    """One real sentence, over and over, each copy with 1-3 small edits (a character replaced,
    inserted or deleted, a number changed); a paragraph per 1-3 sentences."""
    import random

    rng = random.Random(seed)
    paras, size = [], 0
    while size < chars:
        para = ""
        for _ in range(rng.randint(1, 3)):
            s = list(_NEAR_BASE)
            for _ in range(rng.randint(1, 3)):
                k = rng.randrange(len(s) - 1)
                op = rng.random()
                if op < 0.4:
                    s[k] = rng.choice(_EDITS)
                elif op < 0.7:
                    s.insert(k, rng.choice(_EDITS))
                elif op < 0.85:
                    del s[k]
                else:
                    s.insert(k, str(rng.randint(1, 2030)))
            para += "".join(s)
        paras.append(para)
        size += len(para) + 1
    return "\n".join(paras) + "\n"


_INDICATORS = ["地区生产总值", "一般公共预算收入", "规模以上工业增加值", "固定资产投资", "社会消费品零售总额",
               "城镇居民人均可支配收入", "农村居民人均可支配收入", "外贸进出口总额", "实际利用外资",
               "研发经费投入", "单位生产总值能耗", "居民消费价格涨幅", "城镇调查失业率", "粮食产量",
               "常住人口城镇化率", "服务业增加值", "数字经济核心产业增加值", "民间投资", "税收收入",
               "高新技术企业数量", "接待游客人次", "旅游收入", "货物吞吐量", "城镇新增就业"]
_VERBS = ["增长", "增长", "提高", "达到", "控制在", "下降", "突破", "保持在"]
_UNITS = ["%", "%", "%", "万人", "亿元", "万吨", "家", "个百分点"]
_COMPARATORS = ["左右", "以上", "以内", "以下", "", "上下"]
_PREFIXES = ["", "", "全年", "力争", "预期", "确保", "今年"]


def target_lines(chars: int, seed: int = 5) -> str:
    """Lines like ``地区生产总值增长6%左右。``: varied indicators, verbs, numbers, units and
    comparators, one or two targets a line; the first half under a review heading
    (一、过去一年工作回顾), the second under a plan heading (二、今年工作安排), where they are
    commitments."""
    import random

    rng = random.Random(seed)
    lines, size = [], 0
    while size < chars:
        parts = []
        for _ in range(rng.randint(1, 2)):
            number = rng.choice([str(rng.randint(1, 30)), f"{rng.randint(1, 12)}.{rng.randint(1, 9)}",
                                 str(rng.randint(100, 9000))])
            parts.append(f"{rng.choice(_PREFIXES)}{rng.choice(_INDICATORS)}{rng.choice(_VERBS)}"
                         f"{number}{rng.choice(_UNITS)}{rng.choice(_COMPARATORS)}")
        line = "，".join(parts) + "。"
        lines.append(line)
        size += len(line) + 1
    half = len(lines) // 2
    return "\n".join(["一、过去一年工作回顾", *lines[:half], "二、今年工作安排", *lines[half:]]) + "\n"


_EN_INDICATORS = ["public housing units", "hospital beds", "elderly care places", "transitional housing units",
                  "cycle tracks", "school places", "electric vehicle chargers", "recycling capacity",
                  "salaries tax revenue", "land sale revenue", "visitor arrivals", "green buses",
                  "subsidised child care places", "community health centres", "sports grounds", "water mains",
                  "training places", "start-up companies", "research grants", "country parks",
                  "public toilets", "footbridges", "lifts and walkways", "rehabilitation services"]
_EN_FIGURES = ["{n}%", "HK${n} million", "HK${n} billion", "{n} units", "{n} places", "{n}"]


def en_target_lines(chars: int, seed: int = 5) -> str:
    """English target lines: about half ``Last year, hospital beds rose to 5,120 places.`` (review),
    half ``We will raise hospital beds to 6,000 places by 2030.`` (plan), 24 indicators, 6 figure
    shapes; a title line, one sentence a paragraph."""
    import random

    rng = random.Random(seed)
    review, plan, size = [], [], 0
    while size < chars:
        indicator = rng.choice(_EN_INDICATORS)
        figure = rng.choice(_EN_FIGURES).format(n=rng.choice([rng.randint(2, 30), rng.randint(100, 9000)]))
        if rng.random() < 0.5:
            line = f"Last year, {indicator} {rng.choice(['rose', 'reached', 'grew', 'amounted'])} to {figure}."
            review.append(line)
        else:
            when = rng.choice(["", " by 2030", " next year"])
            line = f"We will {rng.choice(['raise', 'increase', 'bring', 'expand'])} {indicator} to {figure}{when}."
            plan.append(line)
        size += len(line) + 2
    return "Budget Speech\n\n" + "\n\n".join(review + plan) + "\n"


SCALING = {
    # name: (write the inputs for a size -> list of texts, the command's arguments for their paths)
    "headings-self": (lambda n: [headings_file(n)], lambda p: [p[0], p[0]]),
    "unrelated-pair": (lambda n: list(unrelated_pair(n)), lambda p: [p[0], p[1]]),
    "near-dupes": (lambda n: [near_duplicates(n)], lambda p: ["dupes", p[0]]),
    "target-lines": (lambda n: [target_lines(n, 5), target_lines(n, 6)], lambda p: ["promises", p[0], p[1]]),
    "en-target-lines": (lambda n: [en_target_lines(n, 5), en_target_lines(n, 6)], lambda p: ["promises", p[0], p[1]]),
}
SCALING_SIZES = [100_000, 200_000, 400_000, 800_000, 1_600_000, 2_850_000]


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


def measure(argv: list[str], out: Path, timeout: float | None = None) -> tuple[float, float, int, str, float]:
    """(wall seconds, peak RSS in MB, exit code, first line of stderr, CPU seconds) of one run;
    past ``timeout`` seconds the run is killed (exit code -9)."""
    with tempfile.TemporaryFile("w+") as err_file:
        t = time.perf_counter()
        p = subprocess.Popen([*_cli(), *argv, "-f", "json", "-o", str(out)], stdout=subprocess.DEVNULL,
                             stderr=err_file, text=True)
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG if timeout else 0)
            if pid:
                break
            if time.perf_counter() - t > timeout:
                p.kill()
                _, status, usage = os.wait4(p.pid, 0)
                break
            time.sleep(0.02)
        p.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - t
        err_file.seek(0)
        err = err_file.read().strip()
    cpu = usage.ru_utime + usage.ru_stime
    return wall, usage.ru_maxrss / 1024, p.returncode, err.splitlines()[0] if err else "", cpu


def scaling(names: list[str], sizes: list[int], runs: int, timeout: float) -> None:
    """Time and peak memory of each scaling input per size (medians of ``runs``), and the
    growth exponent log(t2/t1)/log(n2/n1) between the two largest sizes that finished, of the
    wall time and of the CPU time (user + system: steadier on a shared machine); a size that
    times out ends that input's series."""
    import math

    print(f"{'input':16} {'chars':>10} {'exit':>4} {'wall s':>8} {'cpu s':>8} {'peak MB':>8}  message")
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            done: list[tuple[int, float, float]] = []
            for size in sizes:
                subprocess.run([sys.executable, __file__, "--write-scaling", name, str(size), tmp], check=True)
                paths = sorted(str(f) for f in Path(tmp).glob(f"{name}-*.txt"))
                chars = max(len(Path(f).read_text(encoding="utf-8")) for f in paths)
                argv = SCALING[name][1](paths)
                results = []
                for _ in range(runs):
                    results.append(measure(argv, Path(tmp) / "out.json", timeout))
                    if results[-1][2] == -9:
                        break
                wall = statistics.median(r[0] for r in results)
                rss = statistics.median(r[1] for r in results)
                cpu = statistics.median(r[4] for r in results)
                code, message = results[0][2], results[0][3]
                if code == -9:
                    message = f"killed after {timeout:.0f} s"
                print(f"{name:16} {chars:10,} {code:4} {wall:8.2f} {cpu:8.2f} {rss:8.0f}  {message[:90]}", flush=True)
                for f in paths:
                    Path(f).unlink()
                if code == -9:
                    break
                done.append((chars, wall, cpu))
            if len(done) >= 2:
                (n1, t1, c1), (n2, t2, c2) = done[-2], done[-1]
                grow = math.log(n2 / n1)
                print(f"{name:16} growth exponent {math.log(t2 / t1) / grow:.2f} (wall), "
                      f"{math.log(c2 / c1) / grow:.2f} (cpu) between {n1:,} and {n2:,} characters", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--case", action="append", choices=list(CASES))
    ap.add_argument("--command", action="append", choices=list(COMMANDS))
    ap.add_argument("--scaling", nargs="*", choices=list(SCALING), metavar="INPUT",
                    help=f"instead of the cases: time per size of these inputs ({', '.join(SCALING)}; "
                         "all when none is named) and their growth exponent")
    ap.add_argument("--sizes", type=lambda v: [int(float(x)) for x in v.split(",")], default=SCALING_SIZES,
                    help="sizes in characters for --scaling, comma-separated (default: %(default)s)")
    ap.add_argument("--timeout", type=float, default=300, help="--scaling: kill a run after this many seconds")
    ap.add_argument("--write", nargs=2, metavar=("CASE", "PATH"), help=argparse.SUPPRESS)
    ap.add_argument("--write-scaling", nargs=3, metavar=("INPUT", "CHARS", "DIR"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.write:
        Path(args.write[1]).write_bytes(CASES[args.write[0]]())
        return
    if args.write_scaling:
        name, chars, folder = args.write_scaling
        for k, text in enumerate(SCALING[name][0](int(chars))):
            Path(folder, f"{name}-{k}.txt").write_text(text, encoding="utf-8")
        return
    if args.scaling is not None:
        scaling(args.scaling or list(SCALING), args.sizes, args.runs, args.timeout)
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
