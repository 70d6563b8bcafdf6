"""Shared helpers for the ingest/outline tests.

- ``FIXTURES`` / the ``fixtures_dir`` fixture: the five real reports in ``fixtures/``;
- ``shared_dir()``: ``../shared`` when it exists, else the calling test is skipped;
- ``source(name)`` / ``raw_lines(name)`` / ``norm_line(name, n)``: cached parses of a fixture and
  its physical lines (1-based ``n``, exactly as an editor numbers them);
- ``--regen`` (or ``REGEN_GOLDEN=1``): rewrite ``tests/golden/*.outline.json`` instead of
  comparing against them.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
FIXTURES = ROOT / "fixtures"
GOLDEN = TESTS / "golden"
FIXTURE_NAMES = (
    "baotou-2017-8copies.txt",
    "baotou-2022.txt",
    "baotou-gazette-2023-01.txt",
    "donghe-2022-plan.txt",
    "hohhot-2022.txt",
)

if str(TESTS) not in sys.path:  # so that tests can import regen_golden and conftest helpers
    sys.path.insert(0, str(TESTS))


BROWSER_FIXTURES = {"browser", "pdfs"}  # Chromium through Playwright (pages, PDFs printed from HTML)


def pytest_collection_modifyitems(config, items):
    """``browser``: every test that needs Chromium, found by the fixtures it uses (the PDF cases
    of the format tests ask for theirs by name, so their ``kind`` says so)."""
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())) or params.get("kind") == "pdf":
            item.add_marker(pytest.mark.browser)


def pytest_addoption(parser):
    parser.addoption("--regen", action="store_true", default=False,
                     help="rewrite tests/golden/*.outline.json from the current library output")


@pytest.fixture(scope="session")
def regen(request) -> bool:
    return bool(request.config.getoption("--regen")) or os.environ.get("REGEN_GOLDEN") == "1"


@lru_cache(maxsize=None)
def benchmark_module(name: str):
    """A script of benchmarks/ imported as a module (the tests run slices of it)."""
    import importlib.util

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location(name, root / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    assert FIXTURES.is_dir(), f"missing {FIXTURES}"
    return FIXTURES


def shared_dir() -> Path:
    """``../shared`` beside the project, or skip the calling test when it is absent."""
    path = ROOT.parent / "shared"
    if not path.is_dir():
        pytest.skip("../shared is not present on this machine")
    return path


@pytest.fixture
def shared() -> Path:
    return shared_dir()


def cli() -> list[str]:
    """The command that runs reportdiff in a real process: the installed script, else -m."""
    exe = Path(sys.executable).with_name("reportdiff")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "reportdiff"]


CHROMIUM = os.environ.get("REPORTDIFF_CHROMIUM", "/usr/bin/chromium")


def missing(reason: str):
    """A tool that .ci/run installs (Chromium, LibreOffice, Playwright) is absent: a failure in
    CI, where it must be there, a skip with the reason elsewhere."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (.ci/run installs it in CI)")
    pytest.skip(reason)


def browser_or_skip():
    """Playwright's ``sync_playwright`` with Debian's Chromium present, or ``missing``."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - dev extra missing
        missing("playwright is not installed (pip install -e '.[dev]')")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        missing(f"no browser at {CHROMIUM}: install Debian's chromium package to run the browser tests")
    return sync_playwright


def fixture_path(name: str) -> Path:
    return FIXTURES / name


def load_lines(folder: Path, lines: list[str], name: str):
    """``reportdiff.load`` of ``lines`` written as a UTF-8 file ``name`` in ``folder``."""
    import reportdiff

    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return reportdiff.load(str(path))


@lru_cache(maxsize=None)
def source(name: str):
    """``reportdiff.read_source`` of a fixture (cached: the model is immutable)."""
    import reportdiff

    return reportdiff.read_source(str(fixture_path(name)), reportdiff.Options())


@lru_cache(maxsize=None)
def raw_lines(name: str) -> tuple[str, ...]:
    """The physical lines of a fixture, split as the library documents it (CRLF, CR or LF)."""
    from reportdiff.ingest.decode import split_lines

    return split_lines(fixture_path(name).read_bytes().decode("utf-8"))


def norm_line(name: str, n: int) -> str:
    """Line ``n`` (1-based) of a fixture, normalised the way the library cleans lines."""
    from reportdiff.ingest.normalize import normalize_line

    return normalize_line(raw_lines(name)[n - 1])


def paragraph_at(doc_or_source, line: int):
    """The paragraph whose line span holds ``line`` (None when no paragraph does)."""
    docs = getattr(doc_or_source, "documents", None) or (doc_or_source,)
    hits = [p for d in docs for p in d.paragraphs if p.lines.first <= line <= p.lines.last]
    assert len(hits) <= 1, f"line {line} lies in {len(hits)} paragraphs: {[str(p.lines) for p in hits]}"
    return hits[0] if hits else None


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def run_main(argv: list[str]) -> Run:
    """Run the command line in this process (``reportdiff.cli.app.main``): exit code, stdout, stderr."""
    from reportdiff.cli.app import main

    out, err = io.StringIO(), io.StringIO()
    code = None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(argv)
        except SystemExit as e:
            code = e.code
    return Run(code, out.getvalue(), err.getvalue())


def cpu_seconds(pid: int) -> float:
    """CPU seconds a running process has used (Linux ``/proc``: user + system time)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def long_run_inputs(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Two single-paragraph documents of 996,000 characters (the most a file may hold is
    1,000,000) that differ every 997th (a compare of about 2 s of CPU on a quiet machine, long
    enough to interrupt), and an output file holding a previous complete output: (old, new,
    output)."""
    words = "发展经济改善民生推进改革" * 83_000
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(words + "\n", encoding="utf-8")
    b.write_text("".join("新" if i % 997 == 0 else c for i, c in enumerate(words)) + "\n", encoding="utf-8")
    out = tmp_path / "out" / "result.json"
    out.parent.mkdir()
    out.write_text("previous complete output\n", encoding="utf-8")
    return a, b, out


def dask_process(*args: str) -> subprocess.Popen:
    """``dask ARGS`` in its own process group (to kill it and its children by that group); skips
    the calling test when the ``dask`` command is not installed."""
    exe = Path(sys.executable).with_name("dask")
    if not exe.exists():
        pytest.skip("the dask command is not installed")
    return subprocess.Popen([str(exe), *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)


def dask_scheduler(folder: Path, seconds: float = 120) -> tuple[subprocess.Popen, str]:
    """``dask scheduler`` on 127.0.0.1 at a port it picks itself, and its address, read from its
    scheduler file.  (A free port picked here and passed on could be taken in between by another
    test run on the machine: a CI run beside a ``make test`` once waited 60 s for a scheduler
    that had failed to bind.)"""
    file = folder / "scheduler.json"
    p = dask_process("scheduler", "--host", "127.0.0.1", "--port", "0", "--dashboard-address", "127.0.0.1:0",
                     "--scheduler-file", str(file))
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            return p, json.loads(file.read_text(encoding="utf-8"))["address"]
        except (OSError, ValueError, KeyError):  # not written yet, or half written
            pass
        if p.poll() is not None:
            raise RuntimeError(f"dask scheduler ended (exit {p.returncode}) before it listened")
        time.sleep(0.2)
    os.killpg(p.pid, signal.SIGKILL)
    raise TimeoutError(f"dask scheduler did not start in {seconds:.0f} s")
