"""Ctrl-C and determinism, in real processes.

- Ctrl-C during a long run: exit 130, one line ``reportdiff: interrupted``, no traceback, and the
  --output path keeps its previous complete content (outputs are written to a temporary file
  and renamed), with no temporary file left beside it.
- The same inputs give byte-identical JSON and HTML whatever the hash seed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import cli, cpu_seconds, fixture_path, long_run_inputs


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc to see the run's progress")
def test_ctrl_c_leaves_the_previous_output_and_no_temporary_file(tmp_path):
    # two single-paragraph documents of 996,000 characters that differ every 997th: about 2 s of
    # CPU (1.5 s for 720,000 characters on the machine of 2026-12-03); the imports take 0.2-0.3 s,
    # so 1 s of CPU is inside the compare
    a, b, out = long_run_inputs(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "REPORTDIFF_DEBUG"}
    p = subprocess.Popen([*cli(), str(a), str(b), "-f", "json", "-o", str(out)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                         # (under nohup or in a background job the child would inherit SIGINT ignored)
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 120
        while p.poll() is None and cpu_seconds(p.pid) < 1.0 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert p.poll() is None, "the run ended before it could be interrupted: make it longer"
        p.send_signal(signal.SIGINT)
        stdout, stderr = p.communicate(timeout=60)
    finally:
        if p.poll() is None:
            p.kill()
    assert "Traceback" not in stderr + stdout
    assert (p.returncode, stdout, stderr) == (130, "", "reportdiff: interrupted\n")
    assert out.read_text(encoding="utf-8") == "previous complete output\n"
    assert [f.name for f in out.parent.iterdir()] == ["result.json"]


# ---------------------------------------------------------------------------------------------
# determinism

OLD, NEW = str(fixture_path("national-2024.txt")), str(fixture_path("national-2025.txt"))
OUTPUTS = {  # file name -> argv (without -o)
    "compare.json": [OLD, NEW, "-f", "json"],
    "compare.html": [OLD, NEW, "-f", "html"],
    "compare.csv": [OLD, NEW, "-f", "csv"],
    "compare.md": [OLD, NEW, "-f", "md"],  # (not xlsx: a workbook records when it was made)
    "outline.json": ["outline", NEW, "-f", "json"],
    "dupes.json": ["dupes", OLD, NEW, "-f", "json"],
    "dupes.html": ["dupes", OLD, NEW, "-f", "html"],
    "promises.json": ["promises", OLD, NEW, "-f", "json"],
    "promises.html": ["promises", OLD, NEW, "-f", "html"],
    "boilerplate.json": ["boilerplate", OLD, NEW, str(fixture_path("hohhot-2022.txt")), "--min-df", "2", "-f", "json"],
}
# The worker count joins the hash seed here when the corpus command lands: add its outputs to
# OUTPUTS and a "--workers" value per run to RUNS, e.g. ("0", ["--workers", "1"]), ("1", ["--workers", "2"]).
RUNS = [("0", []), ("1", []), ("2718281", [])]

_RUNNER = """
import sys
from reportdiff.cli.app import main
outdir, extra, plan = sys.argv[1], sys.argv[2].split(), sys.argv[3:]
for item in plan:
    name, argv = item.split("=", 1)
    try:
        main(argv.split("\\x1f") + extra + ["-o", outdir + "/" + name])
    except SystemExit as e:
        assert e.code == 0, (name, e.code)
"""


@pytest.mark.slow
def test_outputs_are_byte_identical_whatever_the_hash_seed(tmp_path):
    plan = [f"{name}={chr(31).join(argv)}" for name, argv in OUTPUTS.items()]
    procs = []
    for seed, extra in RUNS:
        outdir = tmp_path / f"seed-{seed}"
        outdir.mkdir()
        env = {**os.environ, "PYTHONHASHSEED": seed}
        env.pop("REPORTDIFF_DEBUG", None)
        procs.append((outdir, subprocess.Popen([sys.executable, "-c", _RUNNER, str(outdir), " ".join(extra), *plan],
                                               stderr=subprocess.PIPE, text=True, env=env)))
    for outdir, p in procs:
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, err
    first = procs[0][0]
    assert sorted(f.name for f in first.iterdir()) == sorted(OUTPUTS)
    for outdir, _ in procs[1:]:
        for name in OUTPUTS:
            assert (outdir / name).read_bytes() == (first / name).read_bytes(), f"{name} differs in {outdir.name}"


def test_ctrl_c_inside_the_write_leaves_the_previous_output(tmp_path, monkeypatch):
    """The interrupt lands while the output is being written: the temporary file goes, the
    previous output stays whole."""
    from reportdiff.cli import atomic as output

    target = tmp_path / "out.json"
    target.write_text("previous\n", encoding="utf-8")

    def interrupted(*_):
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        output.write_atomic(str(target), "new content\n" * 1000)
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert [f.name for f in tmp_path.iterdir()] == ["out.json"]


def test_an_interrupt_inside_the_import_machinery_is_delivered_again():
    """Under load, a Ctrl-C at 0.2 s of start-up arrived inside importlib's module-lock callback,
    where Python can only print "Exception ignored in … Traceback … KeyboardInterrupt" and go on
    (the command then ran to its end).  The console script's unraisable hook delivers such an
    interrupt again in the main thread, where it raises; other unraisable exceptions are printed
    as before."""
    from types import SimpleNamespace

    from reportdiff.cli import entry

    entry._release(list(entry._GUARDED))  # as main() does before the command runs: Python's own handler
    # Python's own handler, also where SIGINT came in ignored (a shell's background job), in
    # which case interrupt_main() would do nothing
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            entry._unraisable(SimpleNamespace(exc_type=KeyboardInterrupt, exc_value=KeyboardInterrupt(),
                                              exc_traceback=None, err_msg=None, object=None))
            for _ in range(100_000):  # the interrupt is raised at the next check of pending signals
                pass
    finally:
        signal.signal(signal.SIGINT, before)


def test_ctrl_c_as_the_command_ends_is_no_traceback():
    """An interrupt that arrives once the command is over, while the console script gives the
    signals back (seen once in CI: Ctrl-C at 0.3 s landed in that release and printed a
    KeyboardInterrupt's traceback after the whole output).  The child sends itself SIGINT inside
    that last release: the output stands, exit 0, no traceback."""
    path = str(fixture_path("hohhot-2022.txt"))
    start = ("import os, signal, sys\n"
             "from reportdiff.cli import entry\n"
             "release, calls = entry._release, []\n"
             "def late(signums):\n"
             "    calls.append(1)\n"
             "    if len(calls) == 2:\n"
             "        os.kill(os.getpid(), signal.SIGINT)\n"
             "    release(signums)\n"
             "entry._release = late\n"
             f"sys.argv = ['reportdiff', 'outline', {path!r}, '-f', 'json']\n"
             "entry.main()\n")
    p = subprocess.run([sys.executable, "-c", start], capture_output=True, text=True, timeout=120,
                       preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert "Traceback" not in p.stderr, p.stderr
    assert p.returncode == 0 and p.stdout.rstrip().endswith("}")


def test_ctrl_c_while_starting_up_is_one_line_too():
    """Interrupts while the command line is still importing (the first ~0.3 s): exit 130 and
    one line, never a traceback.  The child says when the interpreter itself is up (an
    interrupt inside Python's own start-up, before any code of ours runs, is not ours to
    handle), then runs the console script's entry point."""
    start = ("import sys; print('ready', flush=True); from reportdiff.cli.entry import main; "
             f"sys.argv = ['reportdiff', 'outline', {str(fixture_path('hohhot-2022.txt'))!r}, '-f', 'json']; main()")
    codes = []
    for delay in (0.02, 0.1, 0.2, 0.3):
        p = subprocess.Popen([sys.executable, "-c", start], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # (SIG_IGN is inherited)
        assert p.stdout.readline() == "ready\n"
        time.sleep(delay)
        p.send_signal(signal.SIGINT)
        stdout, stderr = p.communicate(timeout=60)
        assert "Traceback" not in stderr + stdout, (delay, stderr)
        if p.returncode == 130:
            assert (stdout, stderr) == ("", "reportdiff: interrupted\n")
        codes.append(p.returncode)
    assert 130 in codes, codes
