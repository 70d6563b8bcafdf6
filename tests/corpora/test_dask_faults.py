"""``corpus --scheduler/--workers`` when the cluster is wrong or fails (issue #15, second
round): a bad address, a listener that never answers, a scheduler killed mid-run, every
worker lost.  Each ends within its bound with exit 2, one line on stderr (no Dask log line
nor traceback) and no output file.  Servers and clusters listen on 127.0.0.1 only."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, cli, dask_process, dask_scheduler, shared_dir

pytestmark = pytest.mark.slow  # every test here runs reportdiff in a real process (about 1 s or more each)


PAIR = [str(FIXTURES / "baotou-2022.txt"), str(FIXTURES / "hohhot-2022.txt")]


def _corpus(tmp_path: Path, *args: str, timeout: float = 60) -> tuple[int, str, Path]:
    """Run ``reportdiff corpus ... -f json -o OUT`` in a process -> (exit code, stderr, OUT)."""
    out = tmp_path / "corpus.json"
    r = subprocess.run([*cli(), "corpus", *args, "-f", "json", "-o", str(out)],
                       capture_output=True, text=True, timeout=timeout)
    return r.returncode, r.stderr, out


def _one_line(code: int, err: str, out: Path) -> str:
    assert code == 2 and len(err.splitlines()) == 1 and "(hint: " in err, (code, err)
    assert "Traceback" not in err and "internal error" not in err
    assert not out.exists()
    return err


@pytest.mark.parametrize("address, says", [
    ("", "the scheduler address is empty"),
    ("garbage", "'garbage' is not an address of the form tcp://HOST:PORT"),
    ("inproc://x", "the inproc:// scheme is not supported"),
    ("tls://127.0.0.1:8786", "the tls:// scheme is not supported"),
    ("ws://127.0.0.1:8786", "the ws:// scheme is not supported"),
    ("tcp://127.0.0.1:99999", "port 99999 is not between 1 and 65535"),
    ("tcp://127.0.0.1", "'tcp://127.0.0.1' is not an address of the form tcp://HOST:PORT"),
])
def test_a_bad_scheduler_address_is_refused_up_front(tmp_path, address, says):
    """These ended in exit 3 (ValueError, TypeError), and "" ran in-process without a word."""
    err = _one_line(*_corpus(tmp_path, *PAIR, "--scheduler", address))
    assert f"reportdiff: --scheduler: {says}" in err


class _Silent:
    """A TCP server on 127.0.0.1 that accepts connections and never says anything."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.held: list[socket.socket] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        try:
            while True:
                self.held.append(self.sock.accept()[0])
        except OSError:  # closed
            pass

    def close(self) -> None:
        self.sock.close()
        for c in self.held:
            c.close()


@pytest.mark.slow
def test_a_listener_that_never_answers_is_refused_within_the_connect_timeout(tmp_path):
    """Dask's client waits for the scheduler's handshake without a timeout: this hung (killed
    at 120 s).  Now: refused after the 10 s connect timeout."""
    server = _Silent()
    try:
        err = _one_line(*_corpus(tmp_path, *PAIR, "--scheduler", f"tcp://127.0.0.1:{server.port}", timeout=60))
    finally:
        server.close()
    assert "no answer from the Dask scheduler within 10 s" in err




def _wait_for_worker(address: str, seconds: float = 90) -> None:
    """Wait until the scheduler at ``address`` is up with its worker: in a fresh checkout the
    first ``dask scheduler`` compiles its imports, and a run started before it listens fails to
    connect (CI once saw "the corpus run never sent tasks" so)."""
    from dask.distributed import Client

    with Client(address, timeout=f"{seconds}s") as client:
        client.wait_for_workers(1, timeout=seconds)


def _wait_for_tasks(address: str, run: subprocess.Popen, seconds: float = 60) -> None:
    """Wait until the scheduler at ``address`` holds tasks (the corpus run has started); a run
    that ended before is reported with what it printed."""
    from dask.distributed import Client

    end = time.monotonic() + seconds
    with Client(address, timeout="10s") as client:
        while time.monotonic() < end:
            if client.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.tasks)):
                return
            if run.poll() is not None:
                raise AssertionError(f"the corpus run ended (exit {run.returncode}) before sending tasks: "
                                     f"{run.stderr.read()[-500:] if run.stderr else ''}")
            time.sleep(0.2)
    raise AssertionError("the corpus run never sent tasks")


def _cluster_run_killed(tmp_path: Path, kill: str) -> tuple[int, str, Path]:
    """A 'dask scheduler' and one 'dask worker' on 127.0.0.1, the shared corpus (83 reports)
    run on them, and the scheduler or the worker (with its nanny) killed once tasks exist."""
    pytest.importorskip("dask.distributed")
    corpus = shared_dir() / "corpus"
    scheduler, address = dask_scheduler(tmp_path)
    worker = dask_process("worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard",
                          "--host", "127.0.0.1")
    out = tmp_path / "corpus.json"
    try:
        _wait_for_worker(address)
        run = subprocess.Popen([*cli(), "corpus", str(corpus / "national"), str(corpus / "provinces-2026"),
                                "--scheduler", address, "-f", "json", "-o", str(out)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            _wait_for_tasks(address, run)
            os.killpg((scheduler if kill == "scheduler" else worker).pid, signal.SIGKILL)
            _, err = run.communicate(timeout=90)
        finally:
            if run.poll() is None:
                run.kill()
                run.communicate()
        return run.returncode, err, out
    finally:
        for p in (scheduler, worker):
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGKILL)
            p.wait(timeout=30)


@pytest.mark.slow
def test_a_scheduler_killed_mid_run_is_one_line(tmp_path):
    """This printed 37 lines with two tracebacks, exit 3."""
    err = _one_line(*_cluster_run_killed(tmp_path, "scheduler"))
    assert "the Dask cluster failed" in err and "nothing was written" in err


@pytest.mark.slow
def test_losing_every_worker_is_one_line_not_a_wait_for_ever(tmp_path):
    """Dask waits for a worker for ever (the run was killed at 120 s), or cancels the futures:
    after 20 s without any worker the run ends in one line."""
    err = _one_line(*_cluster_run_killed(tmp_path, "worker"))
    assert "the Dask cluster has had no worker for 20 s" in err


_NOISY_WORKER = """
import logging
from reportdiff.corpora.engine import engine

def noisy():
    logging.getLogger("distributed.worker.memory").warning("Unmanaged memory use is high (test)")
    logging.getLogger("distributed.worker").error("failed during get data (test)")
    return 1

if __name__ == "__main__":
    with engine(workers=1) as e:
        print(e.client.submit(noisy).result())
"""


@pytest.mark.parametrize("debug", [False, True])
def test_a_local_workers_log_lines_stay_off_the_terminal(tmp_path, debug):
    """A 20,000-report run printed the workers' own Dask lines ("Unmanaged memory use is high",
    "failed during get data" while Dask retried a lost worker's tasks): ``quiet`` silenced the
    client's process only.  The workers' logging is limited to critical lines too, unless
    REPORTDIFF_DEBUG is set."""
    script = tmp_path / "noisy.py"
    script.write_text(_NOISY_WORKER, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "REPORTDIFF_DEBUG"}
    if debug:
        env["REPORTDIFF_DEBUG"] = "1"
    r = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120, env=env)
    assert r.returncode == 0 and r.stdout.strip() == "1", r.stderr
    assert ("(test)" in r.stderr) is debug, r.stderr


_ENVIRON_AFTER = """
import os
from reportdiff.corpora.engine import engine

if __name__ == "__main__":
    before = dict(os.environ)
    with engine(workers=1) as e:
        assert e.client.submit(len, "ab").result() == 2
    print(sorted(set(os.environ.items()) ^ set(before.items())))
"""


def test_local_workers_leave_this_process_environment_as_it_was(tmp_path):
    """A Dask nanny sets its pre-spawn environment (the workers' quiet logging, PYTHONHASHSEED)
    in the process that runs it; it stayed after the cluster closed, so a later run of the same
    process kept its workers quiet even with REPORTDIFF_DEBUG set (seen when the test above ran
    after other cluster tests in one pytest process)."""
    script = tmp_path / "environ.py"
    script.write_text(_ENVIRON_AFTER, encoding="utf-8")
    r = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stdout.strip() == "[]", (r.stdout, r.stderr)
