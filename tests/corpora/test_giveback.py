"""The rule of ``giveback.GiveBack``: a worker gives the memory its tasks freed back when a task
ends (done or failed), at most every TRIM_EVERY seconds, and does nothing where the C library
has no ``malloc_trim``."""

from __future__ import annotations

from reportdiff.corpora import giveback, trim


class _Trim:
    def __init__(self):
        self.calls = 0

    def __call__(self, pad: int) -> int:
        self.calls += 1
        return 1


def test_memory_is_given_back_when_a_task_ends_at_most_every_so_often(monkeypatch):
    clock = [1_000.0]
    monkeypatch.setattr(giveback.time, "monotonic", lambda: clock[0])
    plugin = giveback.GiveBack()
    plugin.setup()
    trim = plugin.trim = _Trim()
    plugin.transition("t0", "executing", "memory")
    assert trim.calls == 1 == plugin.calls
    clock[0] += giveback.TRIM_EVERY / 2
    plugin.transition("t1", "executing", "memory")  # too soon
    plugin.transition("x", "waiting", "ready")  # not a task's end
    assert trim.calls == 1
    clock[0] += giveback.TRIM_EVERY
    plugin.transition("t2", "executing", "error")  # a failed task freed its memory too
    assert trim.calls == 2 == plugin.calls and plugin.seconds >= 0


def test_nothing_is_done_without_malloc_trim(monkeypatch):
    """Not glibc: the plugin does nothing, and the tasks go on."""
    monkeypatch.setattr(trim.ctypes, "CDLL", lambda name: object())  # a C library without it
    plugin = giveback.GiveBack()
    plugin.setup()
    assert plugin.trim is None
    plugin.transition("t", "executing", "memory")
    assert plugin.calls == 0
    monkeypatch.setattr(trim, "_TRIM", trim.malloc_trim())
    trim.give_back()  # the client's call does nothing either
