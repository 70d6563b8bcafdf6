"""Output safety (issue #15, second round): where and how outputs are written, in real processes
on the real fixtures.

- ``-o``/``--save`` never replace an input file, also when it is read from a folder input or
  from an archive, and are refused before any work is done;
- special files (FIFOs, character devices, ``/dev/stdout``) are written through, never
  replaced; an existing output keeps its permissions;
- a full disk, ``/dev/full`` as stdout, a closed stdout: exit 2 and one line, the previous
  output kept, no temporary file left;
- SIGTERM and SIGHUP are handled as Ctrl-C is;
- control characters in names are escaped on the terminal and in error messages; bidi
  controls are marked in HTML; CSV cells cannot start a formula; the HTML pages carry a CSP.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import cli, fixture_path

NATIONAL = ("national-2024.txt", "national-2025.txt")
TIMEOUT = 120  # against a hang only


def run(*args: str, timeout: float = TIMEOUT, **kw) -> subprocess.CompletedProcess:
    """reportdiff in a real process, without REPORTDIFF_DEBUG."""
    env = {k: v for k, v in os.environ.items() if k != "REPORTDIFF_DEBUG"}
    env.update(kw.pop("env", {}))
    return subprocess.run([*cli(), *args], capture_output=True, text=True, timeout=timeout, env=env, **kw)


def assert_one_line(r: subprocess.CompletedProcess, code: int, *fragments: str) -> None:
    """Exit ``code``, nothing on stdout, and one line ``reportdiff: ...`` holding the fragments."""
    assert "Traceback" not in r.stderr
    assert r.returncode == code, r.stderr
    assert r.stdout == ""
    assert r.stderr.startswith("reportdiff: ") and r.stderr.count("\n") == 1, r.stderr
    for fragment in fragments:
        assert fragment in r.stderr


def files_of(folder: Path) -> dict[str, bytes]:
    return {f.name: f.read_bytes() for f in sorted(folder.iterdir())}


@pytest.fixture
def reports(tmp_path) -> Path:
    """A folder holding copies of the two national reports."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in NATIONAL:
        shutil.copy(fixture_path(name), folder / name)
    return folder


# ---------------------------------------------------------------------------------------------
# 1. an output never replaces an input, also inside a folder input


@pytest.mark.parametrize("argv", [
    ["promises", "{dir}", "-f", "json", "-o", "{dir}/national-2024.txt"],
    ["promises", "{dir}", "-f", "csv", "-o", "{dir}/national-2025.txt"],
    ["corpus", "{dir}", "-f", "json", "-o", "{dir}/national-2024.txt"],
    ["dupes", "{dir}", "-f", "json", "-o", "{dir}/national-2025.txt"],
    ["dupes", "{other}", "--against", "{dir}", "-o", "{dir}/national-2024.txt"],
    ["boilerplate", "{dir}", "--min-df", "2", "--save", "{dir}/national-2024.txt"],
    ["boilerplate", "{dir}", "--min-df", "2", "-f", "json", "-o", "{dir}/national-2025.txt"],
    ["outline", "{dir}/national-2024.txt", "-o", "{dir}/national-2024.txt"],
], ids=["promises-json", "promises-csv", "corpus", "dupes", "dupes-against", "boilerplate-save",
        "boilerplate-o", "outline"])
def test_output_into_a_folder_input_is_refused(reports, argv):
    before = files_of(reports)
    other = str(fixture_path("hohhot-2022.txt"))
    r = run(*[a.format(dir=reports, other=other) for a in argv])
    assert_one_line(r, 2, "is one of the inputs")
    assert files_of(reports) == before


def test_output_through_a_link_to_an_input_is_refused(reports, tmp_path):
    """A symlink and a hard link to an input file of a folder are that file."""
    os.symlink(reports / "national-2024.txt", tmp_path / "sym.txt")
    os.link(reports / "national-2025.txt", tmp_path / "hard.txt")
    before = files_of(reports)
    for name in ("sym.txt", "hard.txt"):
        r = run("promises", str(reports), "-f", "json", "-o", str(tmp_path / name))
        assert_one_line(r, 2, "is one of the inputs")
    assert files_of(reports) == before


def test_output_onto_the_archive_of_against_is_refused(tmp_path):
    db = tmp_path / "archive.sqlite"
    built = run("index", "build", str(fixture_path("national-2024.txt")), "--db", str(db))
    assert built.returncode == 0, built.stderr
    before = db.read_bytes()
    r = run("dupes", str(fixture_path("national-2025.txt")), "--against", str(db), "-f", "json", "-o", str(db))
    assert_one_line(r, 2, "is one of the inputs")
    assert db.read_bytes() == before


def test_compare_output_onto_its_boilerplate_profile_is_refused(tmp_path):
    old, new = (str(fixture_path(n)) for n in NATIONAL)
    profile = tmp_path / "profile.json"
    made = run("boilerplate", old, new, str(fixture_path("hohhot-2022.txt")), "--min-df", "2", "--save", str(profile))
    assert made.returncode == 0, made.stderr
    before = profile.read_bytes()
    r = run(old, new, "--boilerplate", str(profile), "-f", "json", "-o", str(profile))
    assert_one_line(r, 2, "is one of the inputs")
    assert profile.read_bytes() == before


def test_the_refusal_comes_before_any_work(reports, monkeypatch, capsys):
    """The corpus run is not started at all when its output would replace an input."""
    import reportdiff.corpora as corpora
    from reportdiff.cli.app import main

    def never(*_, **__):
        raise AssertionError("the corpus was computed before the output was refused")

    monkeypatch.setattr(corpora, "corpus", never)
    with pytest.raises(SystemExit) as e:
        main(["corpus", str(reports), "-f", "csv", "-o", str(reports / "national-2025.txt")])
    assert e.value.code == 2
    assert "is one of the inputs" in capsys.readouterr().err


def test_a_new_output_file_beside_the_inputs_is_written(reports):
    """The check is not a blanket refusal: a new file in the input folder is fine."""
    r = run("promises", str(reports), "-f", "json", "-o", str(reports / "ledger.json"))
    assert r.returncode == 0, r.stderr
    assert (reports / "ledger.json").read_text(encoding="utf-8").startswith("{")


# ---------------------------------------------------------------------------------------------
# 2. special files are written through, never replaced; permissions are kept

OUTLINE = ["outline", str(fixture_path("national-2025.txt")), "-f", "json"]


def _read_fifo_in_background(fifo: Path) -> tuple:
    """A thread that opens ``fifo`` for reading and collects everything written to it."""
    import threading

    got: list[bytes] = []

    def reader():
        with open(fifo, "rb") as f:
            got.append(f.read())

    t = threading.Thread(target=reader, daemon=True)
    t.start()
    return t, got


def test_a_fifo_is_written_through(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    t, got = _read_fifo_in_background(fifo)
    r = run(*OUTLINE, "-o", str(fifo))
    t.join(timeout=60)
    assert r.returncode == 0, r.stderr
    assert got and got[0].startswith(b"{") and b'"schema"' in got[0]
    assert os.path.exists(fifo) and Path(fifo).is_fifo()
    assert sorted(os.listdir(tmp_path)) == ["pipe"]


def test_a_fifo_without_reader_is_refused_not_waited_for(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    r = run(*OUTLINE, "-o", str(fifo), timeout=60)
    assert_one_line(r, 2, str(fifo), "FIFO with no reader")
    assert Path(fifo).is_fifo()
    assert sorted(os.listdir(tmp_path)) == ["pipe"]


def test_a_link_to_dev_null_stays_a_link_and_dev_null_a_device(tmp_path):
    link = tmp_path / "null"
    os.symlink("/dev/null", link)
    r = run(*OUTLINE, "-o", str(link))
    assert (r.returncode, r.stderr) == (0, "")
    assert link.is_symlink() and os.readlink(link) == "/dev/null"
    assert Path("/dev/null").is_char_device()
    assert sorted(os.listdir(tmp_path)) == ["null"]


def test_a_character_device_is_written_through_not_replaced(tmp_path):
    import stat

    node = tmp_path / "devnull"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a private /dev/null
    except OSError:
        pytest.skip("cannot make a device node here (needs root)")
    r = run(*OUTLINE, "-o", str(node))
    assert (r.returncode, r.stderr) == (0, "")
    assert node.is_char_device()
    assert sorted(os.listdir(tmp_path)) == ["devnull"]


def test_a_link_to_this_process_stdout_writes_to_stdout(tmp_path):
    """``-o /dev/stdout`` (here a link of our own to /proc/self/fd/1, the same thing): the
    output goes to stdout, a pipe or a file, and the link is not replaced."""
    link = tmp_path / "stdout"
    os.symlink("/proc/self/fd/1", link)
    r = run(*OUTLINE, "-o", str(link))
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("{") and '"schema"' in r.stdout
    captured = tmp_path / "captured.json"
    with open(captured, "w") as out:
        p = subprocess.run([*cli(), *OUTLINE, "-o", str(link)], stdout=out, stderr=subprocess.PIPE,
                           text=True, timeout=TIMEOUT)
    assert p.returncode == 0, p.stderr
    assert captured.read_text(encoding="utf-8") == r.stdout
    assert link.is_symlink()
    assert sorted(os.listdir(tmp_path)) == ["captured.json", "stdout"]


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o755])
def test_an_existing_output_keeps_its_permissions(tmp_path, mode):
    out = tmp_path / "outline.json"
    out.write_text("previous\n", encoding="utf-8")
    out.chmod(mode)
    r = run(*OUTLINE, "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert out.read_text(encoding="utf-8").startswith("{")
    assert out.stat().st_mode & 0o7777 == mode


def test_a_link_to_an_output_file_stays_a_link(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("previous\n", encoding="utf-8")
    link = tmp_path / "link.json"
    os.symlink(real.name, link)
    r = run(*OUTLINE, "-o", str(link))
    assert r.returncode == 0, r.stderr
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("{")


# ---------------------------------------------------------------------------------------------
# 6a. a full disk: exit 2, one line, the previous output kept, no temporary file

COMPARE_HTML = [str(fixture_path(NATIONAL[0])), str(fixture_path(NATIONAL[1])), "-f", "html"]  # ~1 MB


@pytest.fixture
def small_tmpfs(tmp_path):
    """A 64 KiB tmpfs mounted in tmp_path (needs root), unmounted afterwards."""
    mnt = tmp_path / "small"
    mnt.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mnt)],
                                           capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", str(mnt)], check=True)


def test_a_full_file_system_keeps_the_previous_output(small_tmpfs):
    out = small_tmpfs / "compare.html"
    out.write_text("previous complete output\n", encoding="utf-8")
    r = run(*COMPARE_HTML, "-o", str(out))
    assert_one_line(r, 2, str(out), "no space left on device")
    assert out.read_text(encoding="utf-8") == "previous complete output\n"
    assert sorted(os.listdir(small_tmpfs)) == ["compare.html"]


def test_no_space_left_in_process(tmp_path, monkeypatch, capsys):
    """The same without a mount: the write fails with ENOSPC."""
    import errno

    from reportdiff.cli import atomic
    from reportdiff.cli.app import main

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", full)
    out = tmp_path / "outline.json"
    out.write_text("previous\n", encoding="utf-8")
    with pytest.raises(SystemExit) as e:
        main([*OUTLINE, "-o", str(out)])
    err = capsys.readouterr().err
    assert e.value.code == 2
    assert err.startswith(f"reportdiff: {out}: no space left on device") and err.count("\n") == 1
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert sorted(os.listdir(tmp_path)) == ["outline.json"]
