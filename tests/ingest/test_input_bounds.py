"""Input bounds (issue #15, second round): nothing hangs, nothing reads without end, and every
input or option out of bounds is refused with one line on stderr and exit 2.

- non-regular files (FIFO, character device) as inputs, ``--against``, ``--boilerplate``;
- numeric options beyond their documented maxima (``--context``, ``--workers``, ``--limit``,
  ``--min-chars``, ``--min-df``);
- Word files that unpack to far more than they weigh (zip bombs, millions of paragraphs);
- ``--encoding`` naming a codec that is not a text encoding; decoded text with lone
  surrogates or NUL characters; UTF-32 files;
- web pages nested deeper than the HTML parser's default limit.

Each test runs the real command in a subprocess with a timeout, so a hang fails the test
instead of stalling the suite.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from conftest import cli, fixture_path

OLD, NEW = str(fixture_path("baotou-2022.txt")), str(fixture_path("hohhot-2022.txt"))
TIMEOUT = 60  # seconds: a bound against a hang, not a speed requirement


def run(*args: str, timeout: int = TIMEOUT) -> subprocess.CompletedProcess:
    """``reportdiff ARGS`` in a real process (stdin closed, so that nothing can wait on it)."""
    env = {k: v for k, v in os.environ.items() if k != "REPORTDIFF_DEBUG"}
    return subprocess.run([*cli(), *args], capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL, env=env)


def assert_refused(p: subprocess.CompletedProcess, where: str, *words: str) -> str:
    """Exit 2 with one line ``reportdiff: WHERE: … (hint: …)`` naming every word; the line."""
    assert "Traceback" not in p.stderr
    assert p.returncode == 2, p.stderr
    lines = p.stderr.splitlines()
    assert len(lines) == 1, p.stderr
    line = lines[0]
    assert line.startswith(f"reportdiff: {where}: ") and "(hint: " in line, line
    for word in words:
        assert word in line, line
    return line


# ---------------------------------------------------------------------------------------------
# non-regular files

@pytest.fixture
def fifo(tmp_path) -> str:
    path = tmp_path / "report.txt"
    os.mkfifo(path)
    return str(path)


@pytest.mark.parametrize("argv", [
    ["outline", "{fifo}"],
    [OLD, "{fifo}"],
    ["dupes", OLD, "--against", "{fifo}"],
    ["promises", OLD, "{fifo}"],
    ["corpus", OLD, "{fifo}"],
    ["index", "add", "{fifo}", "--db", "{tmp}/archive.sqlite"],
], ids=["outline", "compare", "dupes-against", "promises", "corpus", "index-add"])
def test_a_fifo_as_an_input_is_refused_without_blocking(fifo, tmp_path, argv):
    # nobody ever writes to the FIFO: opening it for reading would block for ever
    p = run(*(a.format(fifo=fifo, tmp=tmp_path) for a in argv))
    assert_refused(p, fifo, "named pipe (FIFO)", "not a regular file")


def test_a_fifo_as_the_boilerplate_profile_is_refused_without_blocking(fifo):
    p = run(OLD, NEW, "--boilerplate", fifo)
    assert_refused(p, fifo, "not a regular file")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_is_refused_before_it_is_read(device):
    # /dev/zero has st_size 0 and never ends: reading it used to fill the memory
    p = run("outline", device)
    assert_refused(p, device, "character device")


def test_read_bytes_never_reads_more_than_the_limit(tmp_path, monkeypatch):
    # st_size cannot be trusted (devices, files growing while read): the read itself is bounded
    from reportdiff.ingest import source

    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2048)
    monkeypatch.setattr(source, "MAX_BYTES", 1024)
    real_stat = os.stat
    monkeypatch.setattr(source.os, "stat", lambda p, *a, **k: os.stat_result(
        (*real_stat(p)[:6], 0, *real_stat(p)[7:])))  # st_size 0, as a device reports it
    with pytest.raises(source.InputError, match="over the"):
        source.read_bytes(str(path))
