"""Where the corpus tasks run: in this process, on a local Dask cluster, or on an existing one.

``engine(workers=0, scheduler=None)`` is a context manager giving an ``Engine``:

- ``workers=0`` and no scheduler: the tasks run here, one after the other (no cluster, no
  threads: Dask's synchronous behaviour, without starting anything);
- ``workers=N``: a ``dask.distributed.LocalCluster(n_workers=N, threads_per_worker=1,
  processes=True, host="127.0.0.1")`` is started and closed around the work, its workers
  configured for long pure-Python tasks (``worker_config``); each worker's memory limit is
  ``$REPORTDIFF_WORKER_MEMORY`` (``2GB``, ``1500MB``, at least 1 GB; ``worker_memory``) or Dask's default (the
  machine's memory shared out): above 85% of a given limit a worker moves the prepared reports
  it holds least recently to disk and reads them back when a task needs them, so that a large
  corpus fits in a bounded process tree (``BOUNDED_SPILL``);
- ``scheduler="tcp://host:8786"``: a ``Client`` of that existing cluster (only ``tcp://HOST:PORT``
  addresses: ``check_scheduler``), connected within ``CONNECT_TIMEOUT``.

A cluster that fails (the scheduler killed or silent, every worker lost, the connection cut)
ends the work with one ``UsageError`` naming what failed (``cluster_failure``); Dask's own log
lines are silenced while the engine runs (``quiet``), so that only that line is printed.

``Engine.keep(fn, items, label)`` runs ``fn(*item)`` for every item as one task each and returns
handles to pass to later tasks, in the order of ``items`` (futures on a cluster, whose results
stay on the workers; else the values); ``Engine.values(handles)`` fetches them here, and
``Engine.map`` is both: results in the order of ``items``, whatever order they finish in, so
that results are the same either way.  Every worker, local or remote, gives the memory its
tasks freed back to the system (``GiveBack``).
``Engine.share(value)`` gives a handle to one value every task of a later ``map`` receives
(sent to each worker once, not with every task).  ``progress`` (optional) is called as ``progress(label, done, total)``.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from typing import Any, Callable

from ..errors import UsageError
from ..text import patterns

# Dask's worker defaults cost these tasks 10-50% (measured, docs/scale.md): the statistical
# profiler samples the task thread every 10 ms and the system monitor every 0.5 s, each
# taking the GIL from it; and the nanny's MALLOC_TRIM_THRESHOLD_ makes glibc map and unmap
# every array over 128 KB (a report's shingle set is 150-260 KB): the nanny's other variables
# (the thread caps) stay, whatever this Dask's defaults are (``worker_config``).
WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.admin.tick.interval": "1s",
}
UNSET_ENVIRON = ("MALLOC_TRIM_THRESHOLD_",)
# Dask keeps its last 1,000 messages, transitions and events of each kind for its developers; a
# scheduler's log of the batches it sent its workers holds every task's arguments after the task
# is forgotten (the members and templates of the boilerplate's tasks): 24 MB of the client at
# 1,000 reports on a local cluster, whose scheduler runs in the client (issue #21).  Set for this
# process, the scheduler it starts and its workers.
LOG_LENGTH = 10
# A worker given a memory limit spills its data when its process passes 85% of it, down to 80%
# (Dask: 70% and 60%): a worker holds much that is not its data (the segmenter's dictionary, the
# interpreter, freed memory not given back: ~2 GB after 10,000 prepared reports), and at Dask's
# thresholds a 2.5 GB worker of a 20,000-report run spilled its packed reports before prepare
# ended (session 28); at these it spilled later (the stages after prepare 5-10x faster until the
# counts), not less; 10% (250 MB of 2.5 GB) is left below Dask's 95%, where a worker is restarted.
BOUNDED_SPILL = {"distributed.worker.memory.target": 0.80, "distributed.worker.memory.spill": 0.85}
CONNECT_TIMEOUT = "10s"  # to reach the scheduler and hear back from it
NO_WORKER_GRACE = 20.0  # seconds a cluster may have no worker (a nanny restarts one in ~2 s)
POLL = 1.0  # seconds between looks at the cluster while tasks run
_ADDRESS = patterns.compile(r"tcp://(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+):(?P<port>[0-9]{1,5})")
_SCHEDULER_HINT = "give the address of a running 'dask scheduler' as tcp://HOST:PORT, e.g. tcp://127.0.0.1:8786"
_QUIET = ("distributed", "tornado", "asyncio", "bokeh")  # the loggers silenced while a cluster runs


def check_scheduler(address: str) -> None:
    """Refuse a ``--scheduler`` that is not ``tcp://HOST:PORT`` (the only scheme supported:
    inproc:// is this process, tls:// needs certificates, ws:// is not served by default)."""
    m = _ADDRESS.fullmatch(address)
    if not address.strip():
        raise UsageError("--scheduler", "the scheduler address is empty", _SCHEDULER_HINT)
    if not m:
        scheme = address.split("://", 1)[0] + "://" if "://" in address else ""
        what = f"the {scheme} scheme is not supported" if scheme and scheme != "tcp://" \
            else f"{address!r} is not an address of the form tcp://HOST:PORT"
        raise UsageError("--scheduler", what, _SCHEDULER_HINT)
    if not 1 <= int(m["port"]) <= 65535:
        raise UsageError("--scheduler", f"port {m['port']} is not between 1 and 65535", _SCHEDULER_HINT)


def probe_scheduler(address: str, seconds: float = 10.0) -> None:
    """Refuse a scheduler that does not answer within ``seconds``: a Dask scheduler sends its
    handshake as soon as a connection is accepted, and Dask's own client waits for it without
    a timeout (a listener that accepts and never speaks hung ``Client`` for ever)."""
    import socket

    m = _ADDRESS.fullmatch(address)
    host, port = m["host"].strip("[]"), int(m["port"])
    try:
        with socket.create_connection((host, port), timeout=seconds) as conn:
            conn.settimeout(seconds)
            if not conn.recv(1):
                raise UsageError(address, "the Dask scheduler closed the connection without a word",
                                 "check that the address is a running 'dask scheduler'")
    except socket.timeout:
        raise UsageError(address, f"no answer from the Dask scheduler within {seconds:.0f} s (is it one?)",
                         "check that the address is a running 'dask scheduler', not another service") from None
    except OSError as e:
        raise UsageError(address, f"cannot reach the Dask scheduler ({e.strerror or e})",
                         "start one with 'dask scheduler' and 'dask worker ADDRESS', or check the address") from None


def _cluster_errors() -> tuple[type[BaseException], ...]:
    """The exceptions that mean the cluster, not the work, failed."""
    import asyncio

    from distributed import CancelledError
    from distributed import TimeoutError as DaskTimeout
    from distributed.comm.core import CommClosedError
    from distributed.scheduler import KilledWorker

    try:
        from distributed.client import FutureCancelledError
    except ImportError:  # pragma: no cover - older distributed
        FutureCancelledError = CancelledError
    return (CommClosedError, FutureCancelledError, CancelledError, KilledWorker, DaskTimeout,
            asyncio.TimeoutError, TimeoutError, ConnectionError)


def cluster_failure(where: str, e: BaseException) -> UsageError:
    """The one-line error for a cluster that failed while it ran the work."""
    kind = type(e).__name__
    detail = str(e).strip().splitlines()[0][:200] if str(e).strip() else "no detail"
    return UsageError(where, f"the Dask cluster failed ({kind}: {detail}); nothing was written",
                      "check that the scheduler and its workers are running, or run without --scheduler/--workers")


@contextmanager
def quiet():
    """Silence Dask's (and tornado's, asyncio's) log lines and tracebacks while the block runs,
    unless REPORTDIFF_DEBUG is set: failures reach the user as one line of ours."""
    import os

    if os.environ.get("REPORTDIFF_DEBUG"):
        yield
        return
    loggers = [logging.getLogger(name) for name in _QUIET]
    loggers += [logging.getLogger(name) for name in list(logging.root.manager.loggerDict)
                if name.split(".")[0] in _QUIET]
    saved = [(lg, lg.level, lg.disabled) for lg in loggers]
    for lg in loggers:
        lg.disabled = True
    try:
        yield
    finally:
        for lg, level, disabled in saved:
            lg.setLevel(level)
            lg.disabled = disabled


def worker_memory() -> str | int:
    """Each local worker's memory limit: ``$REPORTDIFF_WORKER_MEMORY`` (a size Dask reads:
    ``2GB``, ``1500MB``, ``1.5e9``; at least 1 GB) or ``"auto"``."""
    import os

    value = os.environ.get("REPORTDIFF_WORKER_MEMORY", "").strip()
    if not value:
        return "auto"
    from dask.utils import parse_bytes

    try:
        limit = parse_bytes(value)
    except (ValueError, TypeError):
        limit = 0
    if limit < 1_000_000_000:  # a worker holds ~0.5 GB of its own: under 1 GB it is killed over and over
        raise UsageError("REPORTDIFF_WORKER_MEMORY", f"{value!r} is not a memory size of 1GB or more",
                         "give a size such as 2GB or 1500MB, or unset it")
    return limit


def worker_config(bounded: bool = False) -> dict[str, Any]:
    """Dask's configuration for local workers: ``WORKER_CONFIG``, the nanny's environment without
    ``UNSET_ENVIRON`` (kept for ``bounded`` workers, given a memory limit: there memory matters more
    than speed, and without it freed memory was not given back, so that a worker's unmanaged
    memory reached 1.35 of its 1.86 GiB and spilled all along), and (unless REPORTDIFF_DEBUG is
    set) Dask's logging in the worker processes limited to critical lines: ``quiet`` silences
    this process only, and a worker's own warnings ("Unmanaged memory use is high", a peer's
    closed stream while Dask retries) reached the terminal of a long run."""
    import os

    import dask
    import dask.distributed  # noqa: F401 - loads distributed's configuration defaults

    environ = {k: v for k, v in dask.config.get("distributed.nanny.pre-spawn-environ", {}).items()
               if bounded or k not in UNSET_ENVIRON}
    if not os.environ.get("REPORTDIFF_DEBUG"):
        environ["DASK_LOGGING__DISTRIBUTED"] = "critical"
    return {**WORKER_CONFIG, "distributed.nanny.pre-spawn-environ": environ}


@contextmanager
def _environ_kept():
    """This process's environment as it was before the block: a Dask nanny sets its
    pre-spawn environment (``worker_config``) in the process that runs it, where it would stay
    after the cluster closes (a later run in the same process with REPORTDIFF_DEBUG set would
    still silence its workers)."""
    import os

    saved = dict(os.environ)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


class Engine:
    """Runs tasks in this process (``client`` is None) or on a Dask cluster."""

    def __init__(self, client=None, progress: Callable[[str, int, int], None] | None = None) -> None:
        self.client = client
        self.progress = progress or (lambda label, done, total: None)

    @property
    def where(self) -> str:
        if self.client is None:
            return "in-process"
        workers = self.client.scheduler_info().get("workers", {})
        return f"dask cluster {self.client.scheduler.address} ({len(workers)} worker(s))"

    def share(self, value: Any) -> Any:
        if self.client is None:
            return value
        return self.client.scatter(value, broadcast=True, hash=False)

    def local_groups(self, handles: list[Any], size: int) -> tuple[list[list[int]], list[str | None]]:
        """The indices of ``handles`` cut into groups of at most ``size`` that one worker holds
        whole (in index order within a worker; here, consecutive indices), with that worker's
        address (None here): a task over a group then reads its inputs where they are.  Groups
        of consecutive indices moved half of them between two workers, unspilling them from
        disk to send them: at 20,000 reports a worker went over its memory limit doing so and
        was restarted, its prepared reports lost (docs/scale.md)."""
        from .batches import batches

        held: dict[str | None, list[int]] = {}
        for i, worker in enumerate(self.holders(handles)):
            held.setdefault(worker, []).append(i)
        cut = [(worker, g) for worker, idx in sorted(held.items(), key=lambda kv: kv[0] or "")
               for g in batches(idx, size)]
        return [g for _, g in cut], [worker for worker, _ in cut]

    def holders(self, handles: list[Any]) -> list[str | None]:
        """The worker holding each of ``handles`` (the first by address when several do; None
        here, or when none does): for the ``where`` of tasks over one handle each.  Without it
        a task over a prepared report and one large shared input (the corpus's fingerprints)
        ran where the large input was, and every prepared report was moved there."""
        if self.client is None:
            return [None] * len(handles)
        who = self.client.who_has(handles)
        return [min(who.get(h.key) or (None,), key=lambda w: w or "") for h in handles]

    def keep(self, fn: Callable, items: list[tuple], label: str | None = None,
             weights: list[int] | None = None, where: list[str | None] | None = None) -> list[Any]:
        """``fn(*item)`` for each item, waited for but left where it was made: the handles to
        pass to later tasks (on a cluster the futures: the results stay on the workers and Dask
        moves them where they are needed; here the values).  ``weights``: how much each item
        counts in the progress (e.g. the pairs of a batch; 1 each by default); ``where``: the
        worker each item should run on (``local_groups``; another one if that one is lost)."""
        weights = weights or [1] * len(items)
        total = sum(weights)
        if label:
            self.progress(label, 0, total)
        if self.client is None:
            out, done = [], 0
            for item, w in zip(items, weights):
                out.append(fn(*item))
                done += w
                if label:
                    self.progress(label, done, total)
            return out
        where = where or [None] * len(items)
        futures = [self.client.submit(fn, *item, pure=False, workers=[w] if w else None, allow_other_workers=bool(w))
                   for item, w in zip(items, where)]
        self._wait(futures, label, weights)
        return futures

    def map(self, fn: Callable, items: list[tuple], label: str | None = None,
            weights: list[int] | None = None, where: list[str | None] | None = None) -> list[Any]:
        """``fn(*item)`` for each item, the values in item order, whatever order they finish in."""
        return self.values(self.keep(fn, items, label, weights, where))

    def values(self, handles: list[Any]) -> list[Any]:
        """The values of handles ``keep`` gave (fetched to this process), released on the cluster."""
        if self.client is None:
            return list(handles)
        out = self.client.gather(handles)
        self.release(handles)
        return out

    def release(self, handles: list[Any]) -> None:
        """Forget handles: their results may leave the workers' memory."""
        if self.client is not None:
            for f in handles:
                f.release()

    def _wait(self, futures: list, label: str | None, weights: list[int]) -> None:
        """Wait for ``futures``, telling ``progress``; a cluster left without any worker for
        ``NO_WORKER_GRACE`` seconds is a UsageError (Dask would wait for one for ever).

        Each future tells a queue when it finishes (``add_done_callback``: one watcher each).
        Not ``distributed.wait(pending, return_when=FIRST_COMPLETED)`` in a loop: each call
        starts a watcher for every pending future and leaves them running when it returns, so
        n tasks left ~n²/2 watchers in this process (0.9 GB at 1,000 reports, issue #21)."""
        import queue
        import time

        from dask.distributed import wait

        weight = {f.key: w for f, w in zip(futures, weights)}
        total = sum(weights)
        finished: queue.SimpleQueue = queue.SimpleQueue()
        for f in futures:
            f.add_done_callback(finished.put)
        pending, done, alone = len(futures), 0, None
        while pending:
            try:
                ready = [finished.get(timeout=POLL)]
            except queue.Empty:
                ready = []
            if ready:
                while not finished.empty():
                    ready.append(finished.get())
                wait(ready)  # all finished: raises Dask's FuturesCancelledError for cancelled ones
                pending -= len(ready)
                done += sum(weight[f.key] for f in ready)
                if label:
                    self.progress(label, done, total)
                continue
            if self.client.nthreads():
                alone = None
            elif alone is None:
                alone = time.monotonic()
            elif time.monotonic() - alone > NO_WORKER_GRACE:
                raise UsageError(self.client.scheduler.address,
                                 f"the Dask cluster has had no worker for {NO_WORKER_GRACE:.0f} s "
                                 "(all lost); nothing was written",
                                 "start workers with 'dask worker ADDRESS', or run without --scheduler")


def _engine_on(client, progress) -> "Engine":
    """The engine of a connected client, its workers (and any that join) giving the memory
    their tasks freed back (``giveback.GiveBack``)."""
    from .giveback import GiveBack

    client.register_plugin(GiveBack())
    return Engine(client, progress)


@contextmanager
def engine(workers: int = 0, scheduler: str | None = None, progress=None):
    if workers and scheduler:
        raise UsageError("--workers", "--workers starts a local cluster and --scheduler names an existing one",
                         "give only one of them")
    if workers < 0:
        raise UsageError("--workers", f"{workers} is negative", "give 1 or more, or 0 to run in-process")
    if scheduler is not None:
        check_scheduler(scheduler)
    if not workers and scheduler is None:
        yield Engine(None, progress)
        return
    try:
        import dask
        from dask.distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - dask is a dependency
        raise UsageError("--workers", "dask.distributed is not installed",
                         "pip install 'dask[distributed]'") from None
    failed = _cluster_errors()
    limit = worker_memory() if not scheduler else None
    with quiet(), dask.config.set({"distributed.comm.timeouts.connect": CONNECT_TIMEOUT,
                                   "distributed.admin.low-level-log-length": LOG_LENGTH}):
        if scheduler:
            probe_scheduler(scheduler)
            try:
                client = Client(scheduler, timeout=CONNECT_TIMEOUT)
            except (OSError, *failed) as e:
                raise UsageError(scheduler, f"cannot reach the Dask scheduler ({type(e).__name__}: {e})",
                                 "start one with 'dask scheduler' and 'dask worker ADDRESS', or check the address") from None
            try:
                with client:
                    yield _engine_on(client, progress)
            except failed as e:
                raise cluster_failure(scheduler, e) from None
            return
        try:
            # a worker that pauses at 80% of its limit waits for memory that its own data does not
            # hold (the segmenter's dictionary, the interpreter): with a limit given, the run stalled
            # at 1,000 reports and 700MB; it spills (BOUNDED_SPILL) and goes on instead
            paused = {} if limit == "auto" else {"distributed.worker.memory.pause": False, **BOUNDED_SPILL}
            # results fetched from the workers themselves: the local scheduler runs in this process,
            # and a result it fetched for the client was unpickled here twice, its copy and the
            # client's (the boilerplate's 41,652 contexts of 1,000 reports: 25 + 15 MB of objects;
            # the client's peak 178 -> 152 MB, issue #21); a remote scheduler's copy is on its machine
            with dask.config.set({**worker_config(limit != "auto"), **paused}), _environ_kept(), \
                    LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                 dashboard_address=":0", memory_limit=limit) as cluster, \
                    Client(cluster, direct_to_workers=True) as client:
                yield _engine_on(client, progress)
        except failed as e:
            raise cluster_failure("--workers", e) from None
