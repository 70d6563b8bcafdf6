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
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import cli, cpu_seconds, fixture_path, long_run_inputs

pytestmark = pytest.mark.slow  # every test here runs reportdiff in a real process (about 1 s or more each)

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


# ---------------------------------------------------------------------------------------------
# 13. stdout that cannot be written: /dev/full, closed, a broken pipe

@pytest.mark.parametrize("argv", [
    OUTLINE,
    ["outline", str(fixture_path("national-2025.txt")), "--color", "never"],
    COMPARE_HTML,
    ["promises", str(fixture_path(NATIONAL[0])), str(fixture_path(NATIONAL[1])), "-f", "csv"],
], ids=["json", "terminal", "html", "csv"])
def test_stdout_to_dev_full_is_one_line_and_exit_2(argv):
    with open("/dev/full", "w") as full:
        r = subprocess.run([*cli(), *argv], stdout=full, stderr=subprocess.PIPE, text=True, timeout=TIMEOUT)
    assert "Traceback" not in r.stderr and "Exception ignored" not in r.stderr
    assert (r.returncode, r.stderr.count("\n")) == (2, 1), r.stderr
    assert r.stderr.startswith("reportdiff: stdout: no space left on device")


def test_index_summary_to_dev_full_is_one_line_and_exit_2(tmp_path):
    with open("/dev/full", "w") as full:
        r = subprocess.run([*cli(), "index", "build", str(fixture_path(NATIONAL[0])), "--db", str(tmp_path / "a.sqlite")],
                           stdout=full, stderr=subprocess.PIPE, text=True, timeout=TIMEOUT)
    assert (r.returncode, r.stderr.count("\n")) == (2, 1), r.stderr
    assert r.stderr.startswith("reportdiff: stdout: no space left on device")


@pytest.mark.parametrize("argv", [OUTLINE, ["outline", str(fixture_path("national-2025.txt"))]], ids=["json", "terminal"])
def test_a_closed_stdout_is_one_line_and_exit_2(argv):
    r = subprocess.run([*cli(), *argv], stderr=subprocess.PIPE, text=True, timeout=TIMEOUT,
                       preexec_fn=lambda: os.close(1))
    assert (r.returncode, r.stderr) == (2, "reportdiff: stdout: is closed "
                                           "(hint: give --output FILE, or run with stdout open)\n")


def test_a_closed_stdout_does_not_stop_an_output_file(tmp_path):
    out = tmp_path / "outline.json"
    r = subprocess.run([*cli(), *OUTLINE, "-o", str(out)], stderr=subprocess.PIPE, text=True, timeout=TIMEOUT,
                       preexec_fn=lambda: os.close(1))
    assert (r.returncode, r.stderr) == (0, "")
    assert out.read_text(encoding="utf-8").startswith("{")


def test_a_broken_pipe_stays_quiet():
    """The reader goes away before the output is written: no word, exit 1 (typer's EPIPE
    handling, as before this round)."""
    p = subprocess.Popen([*cli(), *COMPARE_HTML], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p.stdout.close()
    _, err = p.communicate(timeout=TIMEOUT)
    assert (p.returncode, err) == (1, b"")


# ---------------------------------------------------------------------------------------------
# 14. SIGTERM and SIGHUP: as Ctrl-C, one line, exit 128 + n, previous output kept, no temp file

_SIGNAL_IN_THE_WRITE = """
import os, signal, sys
from reportdiff.cli import atomic
from reportdiff.cli.app import main

def fsync(fd):  # the temporary file is written: the signal lands now
    os.kill(os.getpid(), getattr(signal, sys.argv[1]))

atomic.os.fsync = fsync
main(sys.argv[2:])
"""


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_signal_inside_the_write_removes_the_temporary_file(tmp_path, name):
    import signal

    out = tmp_path / "outline.json"
    out.write_text("previous complete output\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-c", _SIGNAL_IN_THE_WRITE, name, *OUTLINE, "-o", str(out)],
                       capture_output=True, text=True, timeout=TIMEOUT)
    assert (r.returncode, r.stdout, r.stderr) == (128 + getattr(signal, name), "", f"reportdiff: terminated by {name}\n")
    assert out.read_text(encoding="utf-8") == "previous complete output\n"
    assert sorted(os.listdir(tmp_path)) == ["outline.json"]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc to see the run's progress")
@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_signal_during_a_long_run_is_one_line(tmp_path, name):
    """As the Ctrl-C test of test_hardening.py: a word diff of about 2 s of CPU, signalled after 1 s."""
    import signal
    import time


    a, b, out = long_run_inputs(tmp_path)
    p = subprocess.Popen([*cli(), str(a), str(b), "-f", "json", "-o", str(out)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while p.poll() is None and cpu_seconds(p.pid) < 1.0 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert p.poll() is None, "the run ended before it could be signalled: make it longer"
        p.send_signal(getattr(signal, name))
        stdout, stderr = p.communicate(timeout=60)
    finally:
        if p.poll() is None:
            p.kill()
    assert (p.returncode, stdout, stderr) == (128 + getattr(signal, name), "", f"reportdiff: terminated by {name}\n")
    assert out.read_text(encoding="utf-8") == "previous complete output\n"
    assert [f.name for f in out.parent.iterdir()] == ["result.json"]


def test_sigterm_while_starting_up_is_one_line():
    import signal
    import time

    start = ("import sys; print('ready', flush=True); from reportdiff.cli.entry import main; "
             f"sys.argv = ['reportdiff', *{OUTLINE!r}]; main()")

    def guarded(pid: int) -> bool:  # SIGTERM is caught (the guard is in place; before it, the default kills)
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:  # it has ended
            return True
        return bool(int(re.search(r"SigCgt:\s*([0-9a-f]+)", status)[1], 16) >> (signal.SIGTERM - 1) & 1)

    whole = subprocess.run([sys.executable, "-c", start], capture_output=True, text=True, timeout=60)
    whole = whole.stdout.removeprefix("ready\n")  # the outline, as a run that is not signalled prints it
    signalled = 0
    for delay in (0.0, 0.02, 0.2):
        p = subprocess.Popen([sys.executable, "-c", start], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert p.stdout.readline() == "ready\n"
        # the interpreter's own start and the first lines of reportdiff/cli/entry.py come before the
        # guard (its docstring says so); on a loaded machine they can outlast any fixed delay
        while p.poll() is None and not guarded(p.pid):
            time.sleep(0.001)
        time.sleep(delay)
        p.send_signal(signal.SIGTERM)
        stdout, stderr = p.communicate(timeout=60)
        # it was done before the signal came: nothing to check (after its last line the command
        # gives the signals their default handlers back, so a signal then ends it as any process)
        if p.returncode in (0, -signal.SIGTERM) and stdout == whole:
            continue
        signalled += 1
        assert (p.returncode, stderr) == (143, "reportdiff: terminated by SIGTERM\n")
    assert signalled, "no run was signalled while starting: the guard never came, or the start got too short to test"


# ---------------------------------------------------------------------------------------------
# 18. CSV cells cannot start a formula; the HTML pages carry a Content-Security-Policy

FORMULA_NAMES = ("=1+2 national-2024.txt", "@SUM(1) national-2025.txt")


@pytest.fixture
def formula_named(tmp_path) -> Path:
    """A folder holding the two national reports under names a spreadsheet would evaluate."""
    for name, hostile in zip(NATIONAL, FORMULA_NAMES):
        shutil.copy(fixture_path(name), tmp_path / hostile)
    return tmp_path


def _cells(text: str) -> list[str]:
    import csv
    import io

    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


@pytest.mark.parametrize("command", ["promises", "corpus"])
def test_csv_cells_cannot_start_a_formula(formula_named, command):
    import re

    r = run(command, *FORMULA_NAMES, "-f", "csv", cwd=formula_named)
    assert r.returncode == 0, r.stderr
    cells = _cells(r.stdout)
    number = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
    risky = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r") and not number.fullmatch(c)]
    assert risky == []
    for name in FORMULA_NAMES:  # the names are there, neutralised, not lost
        assert "'" + name in cells


def test_csv_cell_keeps_plain_numbers_and_neutralises_the_rest():
    from reportdiff.render.tables import csv_cell

    for number in ("-3", "-3.5", "+2", "1e-3", "-0.25"):
        assert csv_cell(number) == number
    for hostile in ("=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"):
        assert csv_cell(hostile) == "'" + hostile
    assert csv_cell(0.5) == 0.5 and csv_cell("国内生产总值") == "国内生产总值"


CSP = ("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
       "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">")


@pytest.mark.parametrize("argv", [
    COMPARE_HTML,
    ["dupes", str(fixture_path(NATIONAL[0])), str(fixture_path(NATIONAL[1])), "-f", "html"],
    ["promises", str(fixture_path(NATIONAL[0])), str(fixture_path(NATIONAL[1])), "-f", "html"],
    ["corpus", str(fixture_path(NATIONAL[0])), str(fixture_path(NATIONAL[1])), "-f", "html"],
], ids=["compare", "dupes", "promises", "corpus"])
def test_html_pages_carry_a_content_security_policy(argv):
    r = run(*argv)
    assert r.returncode == 0, r.stderr
    head = r.stdout.split("</head>", 1)[0]
    if argv[0] == "promises":  # stricter: only its own inline scripts, by their SHA-256 hashes
        m = re.search(r"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
                      r"'unsafe-inline'; script-src( 'sha256-[A-Za-z0-9+/=]{44}')+; img-src data:\">", head)
        assert m and m.start() < head.index("<style>")
        return
    assert CSP in head
    assert head.index(CSP) < head.index("<style>")  # before anything it governs


# ---------------------------------------------------------------------------------------------
# 15. control characters on the terminal and in error lines; bidi controls in HTML

BIDI = "\u202e"  # RIGHT-TO-LEFT OVERRIDE
BIDI_MARK = '<span class="bidi" title="bidi control U+202E">[U+202E]</span>'


@pytest.fixture
def bidi_reports(tmp_path) -> tuple[Path, Path]:
    """The two national reports, the newer named with a bidi override and holding one in a
    paragraph."""
    old = tmp_path / "national-2024.txt"
    shutil.copy(fixture_path(NATIONAL[0]), old)
    text = fixture_path(NATIONAL[1]).read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    k = max(range(len(lines)), key=lambda i: len(lines[i]))  # the longest paragraph
    lines[k] = lines[k][:10] + BIDI + "txt.exe" + lines[k][10:]
    new = tmp_path / f"national-{BIDI}2025.txt"
    new.write_text("".join(lines), encoding="utf-8")
    return old, new


@pytest.mark.parametrize("command", ["compare", "dupes", "promises"])
def test_html_marks_bidi_controls_visibly(bidi_reports, command):
    old, new = bidi_reports
    r = run(command, str(old), str(new), "-f", "html")
    assert r.returncode == 0, r.stderr
    assert BIDI not in r.stdout
    assert BIDI_MARK in r.stdout
    if command == "compare":  # the paragraph's text too, not only the file name
        assert BIDI_MARK + "txt.exe" in r.stdout


HOSTILE_NAME = "a\x1b[31mRED\nb.txt"  # an escape sequence and a newline in a file name
SHOWN_NAME = "a\\x1b[31mRED\\nb.txt"  # as the terminal and error lines show it


@pytest.fixture
def hostile_named(tmp_path) -> tuple[Path, Path]:
    """The national reports, the older under a name holding ESC and a newline."""
    old, new = tmp_path / HOSTILE_NAME, tmp_path / "national-2025.txt"
    shutil.copy(fixture_path(NATIONAL[0]), old)
    shutil.copy(fixture_path(NATIONAL[1]), new)
    return old, new


@pytest.mark.parametrize("argv", [
    ["outline", "{old}"],
    ["dupes", "{old}", "{new}", "--min-chars", "12"],
    ["promises", "{old}", "{new}"],
    ["boilerplate", "{old}", "{new}", str(fixture_path("hohhot-2022.txt")), "--min-df", "2"],
], ids=["outline", "dupes", "promises", "boilerplate"])
@pytest.mark.parametrize("color", ["never", "always"])
def test_terminal_views_escape_control_characters_in_names(hostile_named, argv, color):
    old, new = hostile_named
    r = run(*[a.format(old=old, new=new) for a in argv], "--color", color, env={"COLUMNS": "1000"})  # no folding
    assert r.returncode == 0, r.stderr
    assert "\x1b[31mRED" not in r.stdout and HOSTILE_NAME not in r.stdout
    if color == "never":
        assert "\x1b" not in r.stdout
    assert SHOWN_NAME in r.stdout


def test_terminal_compare_escapes_control_characters_in_the_text(tmp_path):
    """A report whose paragraph holds ESC and CSI (C1) sequences: shown escaped."""
    lines = fixture_path(NATIONAL[1]).read_text(encoding="utf-8").splitlines(keepends=True)
    k = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[k] = lines[k][:10] + "\x1b[2J\x9b31m" + lines[k][10:]
    new = tmp_path / "new.txt"
    new.write_text("".join(lines), encoding="utf-8")
    for color in ("never", "always"):
        r = run(str(fixture_path(NATIONAL[0])), str(new), "--color", color, "--no-pager")
        assert r.returncode == 0, r.stderr
        assert "\x1b[2J" not in r.stdout and "\x9b" not in r.stdout
        assert "\\x1b[2J\\x9b31m" in r.stdout


def test_error_lines_escape_control_characters(tmp_path):
    r = run("outline", str(tmp_path / HOSTILE_NAME.replace("a", "missing")))
    assert_one_line(r, 2, SHOWN_NAME.replace("a", "missing"))
    assert "\x1b" not in r.stderr


def test_usage_errors_escape_control_characters():
    r = run("outline", str(fixture_path("hohhot-2022.txt")), "-f", "\x1b[31mjson\n")
    assert r.returncode == 2
    assert "\x1b" not in r.stderr and "\\x1b[31mjson\\n" in r.stderr


def test_archive_paths_are_escaped_when_listed(hostile_named, tmp_path):
    """Stored paths of an archive come back escaped from 'index remove'."""
    old, _ = hostile_named
    db = tmp_path / "archive.sqlite"
    built = run("index", "build", str(old), "--db", str(db))
    assert built.returncode == 0, built.stderr
    r = run("index", "remove", str(old), "--db", str(db))
    assert r.returncode == 0, r.stderr
    assert "\x1b" not in r.stdout
    assert r.stdout.splitlines() == [f"{db}: 1 removed", f"removed: {tmp_path}/{SHOWN_NAME}"]
