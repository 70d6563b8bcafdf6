"""The cache of compiled patterns: a pattern made from it is the pattern re.compile makes, and
a damaged, foreign or unwritable cache only costs time."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reportdiff.text import patterns

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"

pytestmark = pytest.mark.skipif(not patterns._BUILD, reason="no compiler internals to cache")


@pytest.fixture()
def fresh(monkeypatch, tmp_path):
    """The module's state as at the start of a process, with the cache in ``tmp_path``."""
    monkeypatch.setenv("REPORTDIFF_CACHE", str(tmp_path))
    monkeypatch.setattr(patterns, "_programs", None)
    monkeypatch.setattr(patterns, "_used", set())
    monkeypatch.setattr(patterns, "_added", False)
    return tmp_path


_IMPORT_ALL = """
import importlib, pkgutil, reportdiff
for module in pkgutil.walk_packages(reportdiff.__path__, "reportdiff."):
    try:
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    except ImportError:  # an optional format's library
        pass
"""


def _restart() -> None:
    """Forget the loaded cache, as a new process would."""
    patterns._programs, patterns._used, patterns._added = None, set(), False


def test_every_package_pattern_made_from_the_cache_equals_re_compile(fresh, monkeypatch):
    env = {**os.environ, "REPORTDIFF_CACHE": str(fresh)}
    # processes that import every module, and compare a Chinese and an English pair (the
    # patterns compiled on first use), leave their programs in the cache at exit
    subprocess.run([sys.executable, "-c", _IMPORT_ALL], env=env, check=True)
    for old, new in (("baotou-2022.txt", "baotou-gazette-2023-01.txt"),
                     ("english/hk-budget-2019.txt", "english/hk-budget-2020.txt")):
        subprocess.run([sys.executable, "-m", "reportdiff", str(FIXTURES / old), str(FIXTURES / new),
                        "-f", "json", "-o", str(fresh / "out.json")], env=env, check=True)
    cached = list(patterns._load())
    assert len(cached) > 300

    def no_compiler(*args):  # every pattern must now come from the file
        raise AssertionError("compiled again")

    monkeypatch.setattr(patterns, "_compile_program", no_compiler)
    for pattern, flags in cached:
        made = patterns.compile(pattern, flags)
        assert made == re.compile(pattern, flags), pattern  # equal programs, flags and text
        assert made.groupindex == re.compile(pattern, flags).groupindex


def test_a_damaged_cache_file_is_compiled_again_and_rewritten(fresh):
    patterns.cache_file().parent.mkdir(parents=True)
    patterns.cache_file().write_bytes(b"\x00not marshal")
    made = patterns.compile(r"(?P<n>[\u4e00-\u9fff]+)\d")
    assert made == re.compile(r"(?P<n>[\u4e00-\u9fff]+)\d")
    patterns.save()
    _restart()
    assert patterns._load().keys() == {(r"(?P<n>[\u4e00-\u9fff]+)\d", 0)}


def test_a_cache_file_changed_after_it_was_written_is_not_read(fresh):
    made = patterns.compile(r"[\u4e00-\u9fff]{2}")
    patterns.save()
    data = bytearray(patterns.cache_file().read_bytes())
    data[-40] ^= 1  # one bit somewhere in the programs
    patterns.cache_file().write_bytes(bytes(data))
    _restart()
    assert patterns._load() == {}
    assert patterns.compile(r"[\u4e00-\u9fff]{2}") == made


def test_a_program_the_matcher_rejects_is_compiled_again(fresh):
    key = (r"[\u4e00-\u9fff]{2}", 0)
    patterns._load()[key] = (32, b"\xff\xff\x00\x00" * 3, 0, {}, (None,))  # no such opcode
    made = patterns.compile(*key)
    assert made == re.compile(*key)
    assert made.fullmatch("报告") and not made.fullmatch("报")


def test_an_unwritable_cache_folder_only_costs_time(fresh):
    (fresh / "reportdiff").write_text("a file where the folder should be")
    made = patterns.compile(r"第[一二三]章", re.I)
    patterns.save()  # no error
    assert made == re.compile(r"第[一二三]章", re.I)
    assert (fresh / "reportdiff").read_text() == "a file where the folder should be"


def test_debug_patterns_are_not_cached(fresh, capsys):
    patterns.compile(r"a+", re.DEBUG)
    assert patterns._load() == {}
