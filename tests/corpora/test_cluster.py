"""``corpus --scheduler`` on a real multi-process cluster (issue #21): a ``dask scheduler`` and
two ``dask worker`` processes started from their own command lines on 127.0.0.1, against the
in-process run of the same 20 synthetic reports (10 regions of 2 years, made from the fixtures
by benchmarks/synth_corpus.py, so that LSH, the common fingerprints and the shared-passage
search all take part).  The output must be byte-identical, also when a worker is killed
mid-run (Dask recomputes what it held)."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, benchmark_module, cli, dask_process, dask_scheduler

pytestmark = pytest.mark.slow  # real processes: a scheduler, two workers and reportdiff

SOURCES = [FIXTURES / n for n in ("baotou-2022.txt", "donghe-2022-plan.txt", "hohhot-2022.txt",
                                  "national-2024.txt", "national-2025.txt")]
RUN_TIMEOUT = 240  # seconds a corpus run may take on a loaded 2-core machine


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic")
    benchmark_module("synth_corpus").build(20, folder, seed=3, files=SOURCES, years=2)
    return folder


def _corpus(folder: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([*cli(), "corpus", str(folder), "--pairs", "lsh", "-f", "json", "-o", str(out), *extra],
                          capture_output=True, text=True, timeout=RUN_TIMEOUT)


@pytest.fixture(scope="module")
def in_process(reports, tmp_path_factory) -> bytes:
    out = tmp_path_factory.mktemp("in-process") / "corpus.json"
    r = _corpus(reports, out)
    assert r.returncode == 0, r.stderr
    return out.read_bytes()


class Cluster:
    """``dask scheduler`` and ``workers`` × ``dask worker --nthreads 1``, each in its own process
    group (killed with it), on 127.0.0.1; ``close`` always kills them all."""

    def __init__(self, workers: int, folder: Path) -> None:
        pytest.importorskip("dask.distributed")
        self.procs: list[subprocess.Popen] = []
        try:
            self.scheduler, self.address = dask_scheduler(folder)
            self.procs.append(self.scheduler)
            self.workers = [dask_process("worker", self.address, "--nworkers", "1", "--nthreads", "1",
                                         "--no-dashboard", "--host", "127.0.0.1") for _ in range(workers)]
            self.procs.extend(self.workers)
            self._wait_for_workers(workers)
        except BaseException:
            self.close()
            raise

    def _wait_for_workers(self, n: int, seconds: float = 60) -> None:
        from dask.distributed import Client

        end = time.monotonic() + seconds
        while True:  # the scheduler may not listen yet
            try:
                with Client(self.address, timeout="5s") as client:
                    client.wait_for_workers(n, timeout=max(1.0, end - time.monotonic()))
                    return
            except OSError:
                if time.monotonic() > end:
                    raise
                time.sleep(0.5)

    def tasks_in_memory(self) -> int:
        from dask.distributed import Client

        with Client(self.address, timeout="10s") as client:
            return client.run_on_scheduler(
                lambda dask_scheduler: sum(ts.state == "memory" for ts in dask_scheduler.tasks.values()))

    def kill(self, p: subprocess.Popen) -> None:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
        p.wait(timeout=30)

    def close(self) -> None:
        for p in self.procs:
            try:
                self.kill(p)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                pass


@pytest.fixture
def cluster(tmp_path_factory):
    c = Cluster(2, tmp_path_factory.mktemp("scheduler"))
    try:
        yield c
    finally:
        c.close()


def test_a_real_two_worker_cluster_gives_the_in_process_bytes(reports, in_process, cluster, tmp_path):
    out = tmp_path / "corpus.json"
    r = _corpus(reports, out, "--scheduler", cluster.address)
    assert r.returncode == 0, r.stderr
    assert out.read_bytes() == in_process


def test_one_local_worker_gives_the_in_process_bytes(reports, in_process, tmp_path):
    out = tmp_path / "corpus.json"
    r = _corpus(reports, out, "--workers", "1")
    assert r.returncode == 0, r.stderr
    assert out.read_bytes() == in_process


def test_a_worker_killed_mid_run_is_replaced_by_dasks_retry(reports, in_process, cluster, tmp_path):
    """One of the two workers (and its nanny) is killed once results are held on the cluster:
    the prepared reports it held are recomputed from their paths, and the output is the same."""
    out = tmp_path / "corpus.json"
    run = subprocess.Popen([*cli(), "corpus", str(reports), "--pairs", "lsh", "-f", "json", "-o", str(out),
                            "--scheduler", cluster.address], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        end = time.monotonic() + 120
        while cluster.tasks_in_memory() < 4:  # some reports prepared: the worker holds results
            assert run.poll() is None and time.monotonic() < end, "the run ended or never started"
            time.sleep(0.2)
        cluster.kill(cluster.workers[0])
        _, err = run.communicate(timeout=RUN_TIMEOUT)
    finally:
        if run.poll() is None:
            run.kill()
            run.communicate()
    assert run.returncode == 0, err
    assert out.read_bytes() == in_process


def test_a_worker_memory_limit_gives_the_same_bytes(reports, in_process, tmp_path, monkeypatch):
    """$REPORTDIFF_WORKER_MEMORY bounds each local worker (Dask moves held reports to disk above
    60% of it); the output is the same."""
    monkeypatch.setenv("REPORTDIFF_WORKER_MEMORY", "1GB")
    out = tmp_path / "corpus.json"
    r = _corpus(reports, out, "--workers", "2")
    assert r.returncode == 0, r.stderr
    assert out.read_bytes() == in_process


@pytest.mark.parametrize("value", ["lots", "700MB"])
def test_a_worker_memory_limit_that_is_no_size_is_refused_in_one_line(reports, tmp_path, monkeypatch, value):
    monkeypatch.setenv("REPORTDIFF_WORKER_MEMORY", value)
    out = tmp_path / "corpus.json"
    r = _corpus(reports, out, "--workers", "2")
    assert r.returncode == 2 and not out.exists()
    assert r.stderr.strip().splitlines() == [
        f"reportdiff: REPORTDIFF_WORKER_MEMORY: '{value}' is not a memory size of 1GB or more "
        "(hint: give a size such as 2GB or 1500MB, or unset it)"]


def _square(x: int) -> int:
    return x * x


def test_local_groups_are_held_whole_by_their_worker():
    """``Engine.local_groups``: every index once, in groups of at most the size, each group held
    whole by the worker it names, so that a task over the group moves no input between workers."""
    from reportdiff.corpora.engine import engine

    with engine(workers=2) as run:
        handles = run.keep(_square, [(k,) for k in range(50)])
        groups, where = run.local_groups(handles, 7)
        who = run.client.who_has(handles)
        assert sorted(i for g in groups for i in g) == list(range(50))
        assert all(len(g) <= 7 and g == sorted(g) for g in groups)
        assert all(w in who[handles[i].key] for g, w in zip(groups, where) for i in g)
        assert run.map(_square, [(len(g),) for g in groups], where=where) == [len(g) ** 2 for g in groups]
    with engine() as run:  # in this process: consecutive groups
        assert run.local_groups(list(range(10)), 4) == ([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]], [None, None, None])


def test_holders_name_the_worker_of_each_handle():
    """``Engine.holders``: the worker that holds each handle, in the order of the handles (the
    ``where`` of tasks over one prepared report each: they run where the report is)."""
    from reportdiff.corpora.engine import engine

    with engine(workers=2) as run:
        handles = run.keep(_square, [(k,) for k in range(20)])
        who = run.client.who_has(handles)
        assert [w in who[h.key] for w, h in zip(run.holders(handles), handles)] == [True] * 20
    with engine() as run:
        assert run.holders([1, 2]) == [None, None]


def _give_back_state(dask_worker) -> tuple[bool, bool] | None:
    from reportdiff.corpora.giveback import GiveBack

    plugin = dask_worker.plugins.get(GiveBack.name)
    return None if plugin is None else (plugin.trim is not None, plugin.last > 0)


def test_every_worker_gives_the_memory_its_tasks_freed_back():
    """``giveback.GiveBack`` is on every worker and trims after its tasks (glibc: this machine):
    the memory a worker's allocator keeps free after the compare stage took a 20,000-report run
    past 10 GB (docs/scale.md; the memory itself is measured by benchmarks/corpus_stages.py)."""
    from reportdiff.corpora.engine import engine

    with engine(workers=2) as run:
        workers = sorted(run.client.scheduler_info()["workers"])
        assert len(workers) == 2
        assert run.map(_square, [(k,) for k in range(4)], where=[workers[k % 2] for k in range(4)]) == [0, 1, 4, 9]
        assert run.client.run(_give_back_state) == {w: (True, True) for w in workers}
