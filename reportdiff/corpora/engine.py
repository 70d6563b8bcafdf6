"""Where the corpus tasks run: in this process, on a local Dask cluster, or on an existing one.

``engine(workers=0, scheduler=None)`` is a context manager giving an ``Engine``:

- ``workers=0`` and no scheduler: the tasks run here, one after the other (no cluster, no
  threads: Dask's synchronous behaviour, without starting anything);
- ``workers=N``: a ``dask.distributed.LocalCluster(n_workers=N, threads_per_worker=1,
  processes=True, host="127.0.0.1")`` is started and closed around the work, its workers
  configured for long pure-Python tasks (``worker_config``);
- ``scheduler="tcp://host:8786"``: a ``Client`` of that existing cluster.

``Engine.map(fn, items, label)`` runs ``fn(*item)`` for every item as one task each and returns
the results in the order of ``items``, whatever order they finish in, so that results are the
same either way, with handles to pass to later tasks (futures on a cluster, else the values).
``Engine.share(value)`` gives a handle to one value every task of a later ``map`` receives
(sent to each worker once, not with every task).  ``progress`` (optional) is called as ``progress(label, done, total)``.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Callable

from ..errors import UsageError

# Dask's worker defaults cost these tasks 10-50% (measured, docs/scale.md): the statistical
# profiler samples the task thread every 10 ms and the system monitor every 0.5 s, each
# taking the GIL from it; and the nanny's MALLOC_TRIM_THRESHOLD_ makes glibc map and unmap
# every array over 128 KB (a report's shingles are 150 KB): the nanny's other variables (the
# thread caps) stay, whatever this Dask's defaults are (``worker_config``).
WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.admin.tick.interval": "1s",
}
UNSET_ENVIRON = ("MALLOC_TRIM_THRESHOLD_",)


def worker_config() -> dict[str, Any]:
    import dask
    import dask.distributed  # noqa: F401 - loads distributed's configuration defaults

    environ = dask.config.get("distributed.nanny.pre-spawn-environ", {})
    return {**WORKER_CONFIG, "distributed.nanny.pre-spawn-environ":
            {k: v for k, v in environ.items() if k not in UNSET_ENVIRON}}


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

    def map(self, fn: Callable, items: list[tuple], label: str) -> tuple[list[Any], list[Any]]:
        """``fn(*item)`` for each item, in item order: (values, handles).  The handles are what
        to pass to later tasks for these results: on a cluster the futures (the results stay
        on the workers and Dask moves them where they are needed), here the values."""
        total = len(items)
        self.progress(label, 0, total)
        if self.client is None:
            out = []
            for n, item in enumerate(items, start=1):
                out.append(fn(*item))
                self.progress(label, n, total)
            return out, out
        from dask.distributed import as_completed

        futures = [self.client.submit(fn, *item, pure=False) for item in items]
        for n, _ in enumerate(as_completed(futures), start=1):
            self.progress(label, n, total)
        return self.client.gather(futures), futures


@contextmanager
def engine(workers: int = 0, scheduler: str | None = None, progress=None):
    if workers and scheduler:
        raise UsageError("--workers", "--workers starts a local cluster and --scheduler names an existing one",
                         "give only one of them")
    if workers < 0:
        raise UsageError("--workers", f"{workers} is negative", "give 1 or more, or 0 to run in-process")
    if not workers and not scheduler:
        yield Engine(None, progress)
        return
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - dask is a dependency
        raise UsageError("--workers", "dask.distributed is not installed",
                         "pip install 'dask[distributed]'") from None
    if scheduler:
        try:
            client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError) as e:
            raise UsageError(scheduler, f"cannot reach the Dask scheduler ({e})",
                             "start one with 'dask scheduler' and 'dask worker ADDRESS', or check the address") from None
        with client:
            yield Engine(client, progress)
        return
    import dask

    with dask.config.set(worker_config()), \
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                         dashboard_address=":0") as cluster, Client(cluster) as client:
        yield Engine(client, progress)
