"""``reportdiff corpus`` on synthetic corpora (benchmarks/synth_corpus.py) of growing size.

Every size runs with ``--pairs lsh`` (corpora of up to 50 reports would otherwise compare
every pair).  Per size: wall time (median of --runs), documents per second, peak memory (resident set of
the whole process tree, Dask workers included, sampled every 0.1 s with psutil), the pairs
compared; then the fitted growth exponent of time against size (least squares on log-log),
in-process, one local worker and two on --speedup-size, and the per-task costs docs/scale.md
extrapolates from (per-document preparation, per-pair comparison, Dask overhead per task).

Usage (docs/benchmarks.md has the figures):
  python benchmarks/bench_corpus.py --sizes 100 1000 5000 --runs 3 --speedup-size 1000
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth_corpus  # noqa: E402


def run_corpus(folder: Path, out: Path, extra: list[str]) -> tuple[float, float, dict]:
    """(wall seconds, peak RSS MB of the process tree, the JSON output); the client's own peak
    (the ``reportdiff corpus`` process alone, without its workers) is left in ``CLIENT_PEAK``."""
    cmd = [sys.executable, "-m", "reportdiff", "corpus", str(folder), "--pairs", "lsh", "--format", "json",
           "-o", str(out), *extra]
    t0 = time.perf_counter()
    proc = psutil.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = client = 0
    while proc.poll() is None:
        try:
            tree = [proc] + proc.children(recursive=True)
            client = max(client, proc.memory_info().rss)
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1)
    wall = time.perf_counter() - t0
    CLIENT_PEAK.append(client / 2**20)
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.read().decode()[-2000:]}")
    return wall, peak / 2**20, json.loads(out.read_text(encoding="utf-8"))


CLIENT_PEAK: list[float] = []  # MB, one per run_corpus


def corpus_dir(base: Path, n: int) -> Path:
    folder = base / f"corpus-{n}"
    if not folder.is_dir() or len(list(folder.glob("*.txt"))) != n:
        synth_corpus.build(n, folder)
    return folder


def growth_exponent(sizes: list[int], times: list[float]) -> float:
    xs, ys = [math.log(s) for s in sizes], [math.log(t) for t in times]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def task_costs(folder: Path, samples: int = 15) -> None:
    """Median per-document preparation, per-pair comparison and per-pair shared-passage search
    times in this process, the client's planning time, and the Dask overhead per task on a
    2-worker LocalCluster."""
    from reportdiff.corpora.plan import common_prints, fill_regions, plan_pairs
    from reportdiff.corpora.tasks import compare_pair, prepare, search_pair

    files = sorted(str(f) for f in folder.glob("*.txt"))[:samples + 1]
    prepare(files[0])  # warm up jieba's dictionary
    prep, docs = [], []
    for f in files[1:]:
        t = time.perf_counter()
        docs.append(prepare(f))
        prep.append(time.perf_counter() - t)
    same, cross = [], []
    for k in range(len(docs) - 1):
        t = time.perf_counter()
        differ = docs[k].facts.region != docs[k + 1].facts.region
        compare_pair(k, k + 1, docs[k], docs[k + 1], 30, differ)
        (cross if differ else same).append(time.perf_counter() - t)
    # the pairs the shared-passage search takes, over the whole corpus, with its common fingerprints
    everything = [prepare(str(f)) for f in sorted(folder.glob("*.txt"))]
    t = time.perf_counter()
    facts = fill_regions([p.facts for p in everything])
    held, common = common_prints(everything, facts)
    plan = plan_pairs(everything, facts, False, held, common)
    planning = time.perf_counter() - t
    search = []
    for a, b in plan.searched[::max(1, len(plan.searched) // samples)][:samples]:
        t = time.perf_counter()
        search_pair(a, b, everything[a], everything[b], 30, common.prints)
        search.append(time.perf_counter() - t)
    print(f"per-task costs (median of {len(prep)} documents, in this process):")
    print(f"  prepare one document   {statistics.median(prep) * 1000:8.1f} ms "
          f"(median {statistics.median(d.facts.chars for d in docs):,.0f} characters)")
    print(f"  compare one pair       {statistics.median(same) * 1000:8.1f} ms (same region, {len(same)} pairs)")
    if cross:
        print(f"  compare one pair       {statistics.median(cross) * 1000:8.1f} ms (two regions: with reuse, {len(cross)} pairs)")
    if search:
        print(f"  search one pair        {statistics.median(search) * 1000:8.1f} ms (shared passages only: {len(search)} of "
              f"the {len(plan.searched)} pairs the search takes on {len(everything)} reports; max "
              f"{max(search) * 1000:.1f} ms)")
    print(f"  plan the pairs         {planning * 1000:8.1f} ms (client: LSH, common fingerprints, search plan; "
          f"{len(everything)} reports)")
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=":0") as cluster, Client(cluster) as client:
        for n in (200, 2000):
            t = time.perf_counter()
            client.gather(client.map(abs, range(n), pure=False))
            dt = time.perf_counter() - t
        print(f"  dask overhead per task {dt / n * 1000:8.2f} ms (2000 no-op tasks on 2 local workers)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    ap.add_argument("--runs", type=int, default=3, help="runs per size (the median is reported)")
    ap.add_argument("--workers", type=int, default=2, help="local workers for the size runs (0: in-process)")
    ap.add_argument("--speedup-size", type=int, default=1000, help="corpus size for 1 vs 2 workers (0: skip)")
    ap.add_argument("--dir", type=Path, default=Path("/tmp/reportdiff-bench-corpus"))
    ap.add_argument("--costs", action="store_true", help="also measure the per-task costs")
    args = ap.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    print(f"machine: {psutil.cpu_count()} CPUs, load average {psutil.getloadavg()[0]:.1f} at start")
    extra = ["--workers", str(args.workers)] if args.workers else []
    sizes, medians, clients = [], [], []
    timings: dict[tuple[int, int], list[float]] = {}  # (size, workers) -> wall times
    print(f"{'reports':>8} {'wall s':>8} {'docs/s':>7} {'peak MB':>8} {'client MB':>9} {'pairs':>8} {'searched':>8} "
          f"{'reuse':>6} {'candidates':>10}  runs (load average at the start of each)")
    for n in args.sizes:
        folder = corpus_dir(args.dir, n)
        walls, peaks, loads = [], [], []
        del CLIENT_PEAK[:]
        for _ in range(args.runs):
            loads.append(psutil.getloadavg()[0])
            wall, peak, data = run_corpus(folder, args.dir / f"out-{n}.json", extra)
            walls.append(wall)
            peaks.append(peak)
        clients.append(max(CLIENT_PEAK))
        timings[(n, args.workers)] = walls
        med = statistics.median(walls)
        sizes.append(n)
        medians.append(med)
        p = data["pairing"]
        print(f"{n:>8} {med:>8.1f} {n / med:>7.2f} {max(peaks):>8.0f} {clients[-1]:>9.0f} {p['compared']:>8} "
              f"{p['reuse']['searched_only']:>8} {len(data['reuse']):>6} {p['candidates']:>10}  "
              + " ".join(f"{w:.1f} (load {x:.1f})" for w, x in zip(walls, loads)), flush=True)
    if len(sizes) >= 2:
        print(f"growth exponent (time ~ size^k, least squares on log-log): k = {growth_exponent(sizes, medians):.2f}")
        print(f"client peak RSS at {sizes[-1]} reports against {sizes[0]}: {clients[-1] / clients[0]:.2f}x "
              f"({clients[-1]:.0f} MB / {clients[0]:.0f} MB)")
    if args.speedup_size:
        folder = corpus_dir(args.dir, args.speedup_size)
        zero = [run_corpus(folder, args.dir / "out-w0.json", [])[0] for _ in range(args.runs)]
        one = [run_corpus(folder, args.dir / "out-w1.json", ["--workers", "1"])[0] for _ in range(args.runs)]
        two = timings.get((args.speedup_size, 2))  # the size run above, when it used 2 workers
        if two is None:
            two = [run_corpus(folder, args.dir / f"out-{args.speedup_size}.json", ["--workers", "2"])[0]
                   for _ in range(args.runs)]
        outputs = {(args.dir / name).read_bytes() for name in ("out-w0.json", "out-w1.json",
                                                              f"out-{args.speedup_size}.json")}
        z, o, t = (statistics.median(x) for x in (zero, one, two))
        print(f"{args.speedup_size} reports: in-process {z:.1f} s, 1 worker {o:.1f} s, 2 workers {t:.1f} s; "
              f"2 workers against 1: {o / t:.2f}x, against in-process: {z / t:.2f}x "
              f"(outputs byte-identical: {len(outputs) == 1})")
    if args.costs:
        task_costs(corpus_dir(args.dir, min(args.sizes)))


if __name__ == "__main__":
    main()
