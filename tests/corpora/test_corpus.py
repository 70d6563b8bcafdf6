"""``reportdiff corpus``: the fixtures as a small corpus, the Dask cluster against the in-process
run, determinism, and the recall of the MinHash LSH pruning against exact all-pairs."""

from __future__ import annotations

import csv
import io
import json
import os
import random
import subprocess
import sys
from difflib import SequenceMatcher
from pathlib import Path

import jsonschema
import numpy as np
import pytest
from conftest import FIXTURES, benchmark_module

from reportdiff.comparison import compare
from reportdiff.corpora import corpus
from reportdiff.corpora import minhash as lsh
from reportdiff.corpora.plan import common_prints, fill_regions, plan_pairs
from reportdiff.corpora.report import DocumentFacts
from reportdiff.corpora.tasks import region_from_name
from reportdiff.ingest.source import load
from reportdiff.passages.formulas import canonical_text
from reportdiff.render.jsonout import corpus as corpus_json
from reportdiff.render.jsonout import corpus_csv, dumps
from reportdiff.text.fingerprints import SHINGLE, canonical, shingle_hashes

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "reportdiff" / "schema" / "corpus.schema.json").read_text("utf-8"))
# four reports of three regions, two of them consecutive years of Baotou: every part of the output
SMALL = [str(FIXTURES / n) for n in ("baotou-2022.txt", "baotou-gazette-2023-01.txt", "hohhot-2022.txt",
                                     "national-2025.txt")]


@pytest.fixture(scope="module")
def fixtures_report():
    return corpus([str(FIXTURES)])


@pytest.fixture(scope="module")
def small_report():
    return corpus(SMALL)


@pytest.mark.slow
def test_regions_and_years_come_from_the_metadata(fixtures_report):
    got = {Path(d.path).name: (d.region, d.region_from, d.year) for d in fixtures_report.documents}
    assert got["baotou-2022.txt"] == ("包头市", "metadata", 2022)
    assert got["baotou-gazette-2023-01.txt"] == ("包头市", "metadata", 2023)
    assert got["hohhot-2022.txt"] == ("呼和浩特市", "metadata", 2022)
    assert got["national-2024.txt"] == ("全国", "metadata", 2024)
    assert got["donghe-2022-plan.txt"][2] == 2022


def test_region_falls_back_to_the_file_name():
    assert region_from_name("reports/baotou-2022.txt") == "baotou"
    assert region_from_name("archive/baotou-gazette-2023-01.txt") == "baotou-gazette"
    assert region_from_name("corpus/national/1954.txt") == "national"


def test_a_report_without_region_takes_its_folders_one_region():
    def facts(path, region, source):
        return DocumentFacts(path, "", region, source, 2000, 1, 1)

    got = fill_regions([facts("national/1954.txt", "national", "file name"),
                        facts("national/2024.txt", "全国", "metadata"),
                        facts("provinces/anhui.txt", "安徽省", "metadata"),
                        facts("provinces/beijing.txt", "北京市", "metadata"),
                        facts("provinces/x-2026.txt", "x", "file name")])
    assert [(f.region, f.region_from) for f in got] == [
        ("全国", "folder"), ("全国", "metadata"), ("安徽省", "metadata"), ("北京市", "metadata"), ("x", "file name")]


@pytest.mark.slow
def test_small_corpus_compares_every_pair(fixtures_report):
    n = len(fixtures_report.documents)
    assert fixtures_report.method == "all pairs"
    assert [(p.a, p.b) for p in fixtures_report.pairs] == [(i, j) for i in range(n) for j in range(i + 1, n)]


def test_pair_measures_are_those_of_compare(small_report):
    """The corpus scores a pair with the same terms and measures as `reportdiff A B`."""
    p = next(p for p in small_report.pairs if (p.a, p.b) == (0, 1))
    whole = compare(SMALL[0], SMALL[1]).similarity
    assert whole.method == "exact"
    assert (p.similarity.cosine, p.similarity.jaccard, p.similarity.edit, p.similarity.simple) == \
        (whole.cosine, whole.jaccard, whole.edit, whole.simple)


def test_year_over_year_series_per_region(fixtures_report):
    docs = fixtures_report.documents
    steps = [(s.region, docs[s.previous].year, docs[s.current].year) for s in fixtures_report.years]
    assert steps == [("全国", 2024, 2025), ("包头市", 2017, 2022), ("包头市", 2022, 2023)]
    # consecutive national reports are far more alike than reports of different regions
    national = fixtures_report.years[0].similarity.jaccard
    cross = [p.similarity.jaccard for p in fixtures_report.pairs if docs[p.a].region != docs[p.b].region]
    assert national > max(cross)


def test_reuse_only_between_regions_and_quotes_both_sides(fixtures_report):
    docs = fixtures_report.documents
    assert fixtures_report.reuse
    for p in fixtures_report.reuse:
        assert docs[p.a].region != docs[p.b].region
        assert p.passages >= len(p.examples) >= 1 and p.shared_chars >= sum(e.chars for e in p.examples)
        for e in p.examples:
            assert e.chars >= 30
            a_lines = _lines(docs[p.a].path, e.a_lines)
            b_lines = _lines(docs[p.b].path, e.b_lines)
            # each side's text stands on the lines given, and the two share a seed (a winnowed
            # shingle of 8 canonical characters) at least
            ca, cb = canonical_text(e.a_text), canonical_text(e.b_text)
            assert ca in canonical_text(a_lines) and cb in canonical_text(b_lines)
            assert SequenceMatcher(None, ca, cb, autojunk=False).find_longest_match().size >= SHINGLE


def _lines(path: str, span) -> str:
    from reportdiff.ingest.normalize import normalize_line

    raw = Path(path).read_text("utf-8").splitlines()
    return "".join(normalize_line(x) for x in raw[span.first - 1:span.last])


def test_json_validates_and_csv_has_one_row_per_pair(small_report):
    data = json.loads(dumps(corpus_json(small_report)))
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.validate(data, SCHEMA)
    assert data["pairing"]["compared"] == 6 == len(data["pairs"])
    rows = list(csv.DictReader(io.StringIO(corpus_csv(small_report))))
    assert [(int(r["a"]), int(r["b"])) for r in rows] == [(p["a"], p["b"]) for p in data["pairs"]]
    assert [float(r["cosine"]) for r in rows] == [p["cosine"] for p in data["pairs"]]


@pytest.mark.slow
def test_local_dask_cluster_gives_byte_identical_json(small_report):
    """A real LocalCluster on 127.0.0.1 with two worker processes runs the same tasks."""
    pytest.importorskip("dask.distributed")
    on_cluster = corpus(SMALL, workers=2)
    assert on_cluster.where.startswith("dask cluster tcp://127.0.0.1:")
    assert "(2 worker(s))" in on_cluster.where
    assert dumps(corpus_json(on_cluster)) == dumps(corpus_json(small_report))


@pytest.mark.slow
def test_waiting_for_tasks_watches_each_future_once():
    """``Engine._wait`` called distributed.wait(pending, FIRST_COMPLETED) each time a task
    finished, which leaves a watcher running for every pending future: ~n²/2 asyncio tasks in
    the client (0.9 GB at 1,000 reports, issue #21).  Now one watcher per future."""
    import asyncio
    import time

    pytest.importorskip("dask.distributed")
    from reportdiff.corpora.engine import engine

    n, seen = 200, []
    with engine(1) as run:
        loop = run.client.loop.asyncio_loop
        run.progress = lambda label, done, total: seen.append(len(asyncio.all_tasks(loop)))
        run.values(run.keep(time.sleep, [(0.005,)] * n, "waiting"))
    assert len(seen) > 1 and max(seen) < n + 50, max(seen)


@pytest.mark.slow
def test_existing_scheduler_runs_the_same_tasks(small_report):
    """--scheduler: a cluster started elsewhere (here a 1-worker LocalCluster on loopback)."""
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=":0") as cluster:
        remote = corpus(SMALL, scheduler=cluster.scheduler_address)
    assert remote.where.startswith(f"dask cluster {cluster.scheduler_address}")
    assert dumps(corpus_json(remote)) == dumps(corpus_json(small_report))


@pytest.mark.slow
def test_cli_output_is_deterministic_across_processes(small_report, tmp_path):
    """Another process, another hash seed, the files in another order on the command line
    (the indices follow that order): the same pairs, measures and reuse."""
    out = tmp_path / "c.json"
    env = dict(os.environ, PYTHONHASHSEED="12345")
    r = subprocess.run([sys.executable, "-m", "reportdiff", "corpus", *SMALL, "-f", "json", "-o", str(out)],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    assert out.read_text("utf-8") == dumps(corpus_json(small_report))


def test_cli_refuses_workers_with_scheduler_and_a_single_report(tmp_path):
    r = subprocess.run([sys.executable, "-m", "reportdiff", "corpus", *SMALL[:2], "--workers", "2",
                        "--scheduler", "tcp://127.0.0.1:1"], capture_output=True, text=True)
    assert r.returncode == 2 and "give only one of them" in r.stderr and "Traceback" not in r.stderr
    r = subprocess.run([sys.executable, "-m", "reportdiff", "corpus", SMALL[0]], capture_output=True, text=True)
    assert r.returncode == 2 and "at least 2 different reports" in r.stderr


# ---------------------------------------------------------------- LSH against exact all-pairs


def _lineages(years: int = 8, seed: int = 3) -> list[str]:
    """Each of four fixture reports drifting over ``years`` years (synth_corpus.perturb):
    neighbouring years are near-duplicates, distant years and other lineages are not."""
    synth = benchmark_module("synth_corpus")
    rng = random.Random(seed)
    names = ("baotou-2022.txt", "hohhot-2022.txt", "national-2024.txt", "donghe-2022-plan.txt")
    bases = [[x.strip() for x in (FIXTURES / n).read_text("utf-8").splitlines() if x.strip()] for n in names]
    pool = [s for lines in bases for line in lines if len(line) > 30 for s in synth._sentences(line) if len(s) > 8]
    texts = []
    for lines in bases:
        for y in range(years):
            if y:
                lines = synth.perturb(lines, pool, rng, 0.15, 0.12)
            texts.append("\n".join(lines))
    return texts


def test_lsh_finds_the_pairs_above_the_threshold_and_prunes_the_rest():
    texts = _lineages()
    shingles = [np.unique(shingle_hashes(canonical(t)[0], SHINGLE)) for t in texts]
    n = len(texts)
    exact = {(i, j): lsh.resemblance(shingles[i], shingles[j]) for i in range(n) for j in range(i + 1, n)}
    similar = {p for p, r in exact.items() if r >= lsh.THRESHOLD}
    found = set(lsh.candidates([lsh.signature(s) for s in shingles]))
    assert len(similar) >= 30  # the corpus does hold near-duplicates to find
    recall = len(similar & found) / len(similar)
    # each pair at s >= 0.5 is found with probability >= 1-(1-0.5^3)^40 = 0.995
    assert lsh.candidate_probability(lsh.THRESHOLD) > 0.99
    assert recall >= 0.97, f"recall {recall:.3f} of {len(similar)} pairs"
    # pruning: pairs far below the threshold are rarely candidates
    low = {p for p, r in exact.items() if r < 0.1}
    assert len(low) > n * (n - 1) // 4
    assert len(found & low) <= 0.05 * len(low)
    assert len(found) < 0.5 * len(exact)


def test_signature_agreement_estimates_resemblance():
    texts = _lineages(years=3)
    a, b = (np.unique(shingle_hashes(canonical(t)[0], SHINGLE)) for t in texts[:2])
    estimate = float(np.mean(lsh.signature(a) == lsh.signature(b)))
    # 120 permutations: standard error sqrt(s(1-s)/120) <= 0.046
    assert abs(estimate - lsh.resemblance(a, b)) <= 0.14


def test_signature_agreement_is_unbiased_over_many_pairs_of_known_resemblance():
    # one hash per shingle, binned: the agreement must still estimate the Jaccard index without
    # bias, whatever the resemblance and the set sizes (a binning that favoured low or high
    # hashes, or a within-bin order tied to the bin, would drift from s)
    rng = np.random.default_rng(7)
    errors = []
    for k in range(60):
        size = int(rng.integers(200, 30_000))
        pool = np.unique(rng.integers(0, 2**63, size=2 * size, dtype=np.uint64))
        shared = int(size * rng.uniform(0.05, 0.95))
        a = np.sort(pool[:size])
        b = np.sort(np.concatenate((pool[:shared], pool[size:2 * size - shared])))
        errors.append(float(np.mean(lsh.signature(a) == lsh.signature(b))) - lsh.resemblance(a, b))
    assert abs(np.mean(errors)) <= 0.015  # the mean of 60 errors, each of s.e. <= 0.046
    assert max(abs(e) for e in errors) <= 0.2


def test_a_text_shorter_than_the_signature_fills_every_position_alike():
    # 40 shingles for 120 positions: every empty bin borrows a filled one, in a fixed order, so
    # the same short text always has the same full signature, and one that shares most of it
    # agrees in most positions
    shingles = np.unique(shingle_hashes(canonical("我们要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局。")[0],
                                        SHINGLE))
    assert 0 < len(shingles) < lsh.PERMUTATIONS
    sig = lsh.signature(shingles)
    assert not (sig == np.iinfo(np.uint64).max).any()
    assert set(sig.tolist()) <= set(lsh._mix(shingles ^ lsh._SEED).tolist())
    assert np.array_equal(sig, lsh.signature(shingles.copy()))
    fewer = shingles[1:]
    assert np.mean(sig == lsh.signature(fewer)) >= 0.8
    assert lsh.candidates([sig, lsh.signature(fewer), lsh.signature(np.array([], dtype=np.uint64))]) == [(0, 1)]


def test_plan_with_lsh_keeps_the_consecutive_years_of_each_region(small_report):
    from reportdiff.corpora.tasks import prepare

    prepared = [prepare(p) for p in SMALL]
    facts = [p.facts for p in prepared]
    plan = plan_pairs(prepared, facts, False, *common_prints(prepared, facts))
    assert plan.method == "lsh" and plan.verified == 0
    # the four reports are not near-duplicates: only Baotou 2022 -> 2023 (a year step) is compared;
    # reports of different regions that share fingerprints are searched for shared passages
    assert plan.pairs == ((0, 1),)
    assert plan.searched == plan.reuse.pairs and all(facts[a].region != facts[b].region for a, b in plan.searched)


# ---------------------------------------------------------------- HTML in a real browser


@pytest.mark.browser
@pytest.mark.slow
def test_html_page_in_chromium_escapes_document_strings(tmp_path):
    from conftest import CHROMIUM, browser_or_skip

    from reportdiff.render.html import corpus_page

    sync_playwright = browser_or_skip()
    hostile = '<img src=x onerror=alert(1)>'
    files = []
    for n, name in enumerate(SMALL):
        target = tmp_path / f"{hostile}-{n}.txt"
        target.write_bytes(Path(name).read_bytes())
        files.append(str(target))
    report = corpus(files)
    html = corpus_page(report)
    assert hostile not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    page_path = tmp_path / "corpus.html"
    page_path.write_text(html, encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors, requests = [], []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url) if not r.url.startswith(("file:", "data:")) else None)
        page.goto(page_path.as_uri())
        page.wait_for_load_state("load")
        (ROOT / "test-artifacts").mkdir(exist_ok=True)
        page.screenshot(path=str(ROOT / "test-artifacts" / "corpus.png"), full_page=True)
        assert errors == [] and requests == []
        assert page.locator("img").count() == 0  # the file names stayed text
        assert page.locator("svg.chart").count() == 3  # heatmap, timelines, network
        n = len(report.documents)
        assert page.locator("svg.chart").first.locator("rect").count() == n * (n - 1)
        assert page.locator("svg.chart").nth(1).locator("circle").count() == len(report.years)
        browser.close()


@pytest.mark.parametrize("packed", [False, True])
def test_dask_sees_the_size_of_a_prepared_report(packed):
    """Dask spills what a worker holds by ``sizeof``; a prepared report must count its arrays and
    its text (the default counted ~100 bytes of object, and the reports' real size showed up as
    unmanaged memory that Dask could not spill)."""
    from dask.sizeof import sizeof

    from reportdiff.corpora.tasks import document_of, prepare

    p = prepare(str(FIXTURES / "baotou-2022.txt"), packed=packed)
    arrays = sum(a.nbytes for a in (p.terms, p.signature, p.prints, p.clause_ends)) + (p.term_codes.nbytes if packed else 0)
    text = len(p.packed) if packed else sum(len(x.text) for x in document_of(p).paragraphs) + p.shingles.nbytes
    assert sizeof(p) >= arrays + text


@pytest.mark.parametrize("name", ["baotou-2022.txt", "national-2024.txt", "english/hk-budget-2020.txt"])
def test_a_packed_report_is_small_and_loses_nothing(name):
    """A large corpus's prepared report holds its paragraphs packed and no shingle set, so that
    two workers hold 20,000 reports in memory (issue #21): at most a third of what the unpacked
    one holds (Dask's ``sizeof``, which decides what a worker spills); its document unpacks to the loaded one's paragraphs, equal field by field, and its
    shingle set, made again, is the unpacked one's, the one its MinHash signature was computed
    from."""
    from dask.sizeof import sizeof

    from reportdiff.corpora.tasks import codes_of, document_of, prepare, shingles_of

    doc = load(str(FIXTURES / name))
    plain, packed = prepare(str(FIXTURES / name)), prepare(str(FIXTURES / name), packed=True)
    assert plain.packed is None and packed.shingles is None and plain.term_codes is None
    for p in (plain, packed):
        got = document_of(p)
        assert got.paragraphs == doc.paragraphs and got.lines == doc.lines and got.metadata == doc.metadata
        assert np.array_equal(shingles_of(p), plain.shingles) and np.array_equal(p.signature, plain.signature)
        distinct, codes = codes_of(p)
        assert np.array_equal(distinct[codes], plain.terms) and distinct.dtype == np.uint64
        assert np.array_equal(distinct, np.unique(plain.terms))
    # the term hashes of a packed report: the distinct ones, sorted, and a code a term
    assert np.array_equal(packed.terms, np.unique(plain.terms)) and packed.term_codes.dtype == np.uint16
    assert packed.terms.nbytes + packed.term_codes.nbytes < 0.6 * plain.terms.nbytes
    assert sizeof(packed) < sizeof(plain) / 3


def test_packed_reports_give_the_same_corpus(small_report, monkeypatch):
    """From ``PACK_FROM`` reports on, the prepared reports are packed: the same output, pairs
    searched for shared passages included (LSH planning)."""
    import reportdiff.corpora as corpora

    plain = corpus(SMALL, exhaustive=False)
    monkeypatch.setattr(corpora, "PACK_FROM", 0)
    packed = corpus(SMALL, exhaustive=False)
    assert dumps(corpus_json(packed)) == dumps(corpus_json(plain))
    assert plain.pairs and plain.reuse_plan is not None and plain.boilerplate.formulas
