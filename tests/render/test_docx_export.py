"""Word export (``-f docx``): the new report with tracked changes against the old one.

The round trip is checked on the document.xml itself, with a reader written here (not the
plan the renderer uses): accepting every change (drop ``w:del`` and ``w:moveFrom``, keep
``w:ins`` and ``w:moveTo``, join paragraphs whose mark is deleted) must give the new report's
headings and paragraphs, rejecting every change the old report's.  LibreOffice opens the file
and prints both the deleted and the inserted text (``slow``; skipped without ``soffice``,
failed in CI).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile
from datetime import datetime, timezone
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from conftest import FIXTURES, missing, run_main
from hostile import HOSTILE, hostile_reports
from lxml import etree

import reportdiff
from reportdiff.render.docx_export import comparison_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WHEN = datetime(2024, 5, 6, 7, 8, 9, tzinfo=timezone.utc)
BAOTOU = (FIXTURES / "baotou-2022.txt", FIXTURES / "baotou-gazette-2023-01.txt")
ENGLISH = (FIXTURES / "english" / "budget-speech-2023.txt", FIXTURES / "english" / "budget-speech-2024.txt")
REVISIONS = ("ins", "del", "moveFrom", "moveTo")


def document_xml(data: bytes):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read("word/document.xml"))


def reading(doc) -> list[tuple[str, int]]:
    """(text, heading level or 0) of each heading and paragraph of a loaded document."""
    out = []
    for s in doc.root.walk():
        if s.heading is not None:
            out.append((s.title, s.level))
        out.extend((p.text, 0) for p in s.paragraphs)
    return out


def resolve(root, accept: bool) -> list[tuple[str, str]]:
    """(text, style) of the paragraphs after accepting (or rejecting) every tracked change."""
    gone = {W + "del", W + "moveFrom"} if accept else {W + "ins", W + "moveTo"}
    out: list[tuple[str, str]] = []
    pending = ""
    for p in root.find(W + "body").iter(W + "p"):
        text = []
        for el in p.iter(W + "t", W + "delText", W + "tab", W + "br"):
            if any(a.tag in gone for a in el.iterancestors()):
                continue
            text.append(el.text or "" if el.tag in (W + "t", W + "delText") else ("\t" if el.tag == W + "tab" else "\n"))
        pending += "".join(text)
        mark = p.find(f"{W}pPr/{W}rPr")
        if mark is not None and any(c.tag in gone for c in mark):
            continue  # the mark goes: this paragraph joins the next
        style = p.find(f"{W}pPr/{W}pStyle")
        out.append((pending, style.get(W + "val") if style is not None else ""))
        pending = ""
    if pending:
        out.append((pending, ""))
    return out


def squeeze(texts) -> str:
    return re.sub(r"\s+", "", "".join(texts))


@pytest.fixture(scope="module")
def baotou():
    c = reportdiff.compare(str(BAOTOU[0]), str(BAOTOU[1]))
    return c, comparison_docx(c, WHEN)


@pytest.fixture(scope="module")
def english():
    c = reportdiff.compare(str(ENGLISH[0]), str(ENGLISH[1]))
    return c, comparison_docx(c, WHEN)


@pytest.mark.parametrize("pair", ["baotou", "english"])
def test_accept_all_gives_the_new_report_and_reject_all_the_old(pair, request):
    c, data = request.getfixturevalue(pair)
    root = document_xml(data)
    accepted, rejected = resolve(root, True), resolve(root, False)
    new, old = reading(c.new), reading(c.old)
    # the brief's measure: at least 0.99 similar with white space removed ...
    for got, want in ((accepted, new), (rejected, old)):
        a, b = squeeze(t for t, _ in got), squeeze(t for t, _ in want)
        assert SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.99
    # ... and in fact the same paragraphs, in the same order
    assert [t for t, _ in accepted] == [t for t, _ in new]
    assert [t for t, _ in rejected] == [t for t, _ in old]
    # headings keep their level as Heading n styles (accepted: the new levels)
    assert [s for _, s in accepted] == [f"Heading{min(level, 9)}" if level else "" for _, level in new]


def test_changes_are_revisions_by_reportdiff_with_the_date_given(baotou):
    c, data = baotou
    import docx

    reopened = docx.Document(io.BytesIO(data))  # python-docx reads it back: one paragraph per w:p
    root = document_xml(data)
    assert len(reopened.paragraphs) == len(root.findall(f"{W}body/{W}p"))
    revisions = [el for tag in REVISIONS for el in root.iter(W + tag)]
    counts = {tag: sum(1 for _ in root.iter(W + tag)) for tag in REVISIONS}
    assert counts["ins"] > 50 and counts["del"] > 50  # 51 added, 61 removed, 21 changed paragraphs
    assert {el.get(W + "author") for el in revisions} == {"reportdiff"}
    assert {el.get(W + "date") for el in revisions} == {"2024-05-06T07:08:09Z"}
    ids = [el.get(W + "id") for el in revisions]
    assert len(ids) == len(set(ids))
    # deleted text is in w:delText, never in w:t; inserted text the other way round
    for d in root.iter(W + "del"):
        assert d.find(f".//{W}t") is None
    for i in root.iter(W + "ins"):
        assert i.find(f".//{W}delText") is None
    # a changed paragraph keeps its common words outside any revision
    kept = max((o.text for pp in c.paragraphs if pp.status == "changed" for o in pp.diff if o.op == "="), key=len)
    assert len(kept) > 20
    plain = "".join(t.text for t in root.iter(W + "t") if not any(a.tag in (W + "ins", W + "moveTo") for a in t.iterancestors()))
    assert kept in plain


def test_same_date_same_bytes_and_the_date_is_the_one_given(baotou):
    c, data = baotou
    assert comparison_docx(c, WHEN) == data
    other = comparison_docx(c, datetime(2020, 1, 1, tzinfo=timezone.utc))
    assert other != data
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert {i.date_time for i in z.infolist()} == {(2024, 5, 6, 7, 8, 8)}  # zip times: even seconds
        core = z.read("docProps/core.xml").decode()
    assert "2024-05-06T07:08:09Z" in core and "reportdiff" in core


def test_moves_have_named_ranges_on_both_sides(english):
    c, data = english
    root = document_xml(data)
    assert c.count("moved") >= 1  # 6 on this pair
    starts = {side: {el.get(W + "name"): el.get(W + "id") for el in root.iter(f"{W}{side}RangeStart")}
              for side in ("moveFrom", "moveTo")}
    ends = {side: {el.get(W + "id") for el in root.iter(f"{W}{side}RangeEnd")} for side in ("moveFrom", "moveTo")}
    # the comparison's 6 moved paragraphs and its moved section
    assert len(starts["moveFrom"]) >= 7
    assert set(starts["moveFrom"]) == set(starts["moveTo"])
    for side in starts:
        assert set(starts[side].values()) == ends[side]
    # each moved paragraph's text stands inside a moveFrom (old place) and a moveTo (new place)
    moved_from = ["".join(t.text for t in m.iter(W + "t")) for m in root.iter(W + "moveFrom")]
    moved_to = ["".join(t.text for t in m.iter(W + "t")) for m in root.iter(W + "moveTo")]
    for pp in c.paragraphs:
        if pp.status == "moved":
            assert pp.a[0].text in moved_from
            assert any(chunk in pp.b[0].text for chunk in moved_to if len(chunk) > 20)


def test_a_swapped_paragraph_is_a_move_and_the_round_trip_holds(tmp_path):
    """Two one-line paragraphs of a real report swapped."""
    doc = reportdiff.load(str(FIXTURES / "national-2025.txt"))
    lines = (FIXTURES / "national-2025.txt").read_text("utf-8").splitlines()
    one_line = [p for p in doc.paragraphs if p.lines.first == p.lines.last and len(p.text) > 100]
    i, j = one_line[3].lines.first - 1, one_line[12].lines.first - 1
    lines[i], lines[j] = lines[j], lines[i]
    new = tmp_path / "swapped.txt"
    new.write_text("\n".join(lines) + "\n", encoding="utf-8")
    c = reportdiff.compare(str(FIXTURES / "national-2025.txt"), str(new))
    assert c.count("moved") >= 1
    root = document_xml(comparison_docx(c, WHEN))
    assert root.find(f".//{W}moveFrom") is not None and root.find(f".//{W}moveTo") is not None
    assert root.find(f".//{W}ins") is None and root.find(f".//{W}del") is None
    assert [t for t, _ in resolve(root, True)] == [t for t, _ in reading(c.new)]
    assert [t for t, _ in resolve(root, False)] == [t for t, _ in reading(c.old)]


def test_hostile_text_is_text_and_control_characters_are_shown(tmp_path):
    a, b = hostile_reports(tmp_path)
    c = reportdiff.compare(a, b)
    data = comparison_docx(c, WHEN)
    root = document_xml(data)
    accepted = "".join(t for t, _ in resolve(root, True))
    assert HOSTILE[1] in accepted and HOSTILE[6] in accepted
    assert [t for t, _ in resolve(root, False)] == [t for t, _ in reading(c.old)]
    # XML 1.0 cannot hold most C0 control characters: they are shown as control pictures
    text = BAOTOU[1].read_text("utf-8").replace("包头市", "包头\x01市", 1)
    odd = tmp_path / "odd.txt"
    odd.write_text(text, encoding="utf-8")
    c = reportdiff.compare(str(BAOTOU[1]), str(odd))
    if "\x01" in "".join(t for t, _ in reading(c.new)):  # the reader may clean it first
        accepted = "".join(t for t, _ in resolve(document_xml(comparison_docx(c, WHEN)), True))
        assert "包头\u2401市" in accepted


def test_cli_writes_the_docx_and_refuses_a_terminal(tmp_path, monkeypatch):
    out = tmp_path / "r.docx"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714979289")  # 2024-05-06T07:08:09Z
    r = run_main([str(BAOTOU[0]), str(BAOTOU[1]), "-f", "docx", "-o", str(out)])
    assert r.code == 0 and r.out == ""
    c = reportdiff.compare(str(BAOTOU[0]), str(BAOTOU[1]))
    assert out.read_bytes() == comparison_docx(c, WHEN)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "next tuesday")
    r = run_main([str(BAOTOU[0]), str(BAOTOU[1]), "-f", "docx", "-o", str(tmp_path / "x.docx")])
    assert r.code == 2 and r.err.count("\n") == 1 and "SOURCE_DATE_EPOCH" in r.err and "hint:" in r.err
    assert not (tmp_path / "x.docx").exists()
    monkeypatch.delenv("SOURCE_DATE_EPOCH")

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    import contextlib

    from reportdiff.cli.app import main

    err = io.StringIO()
    with contextlib.redirect_stdout(Tty()), contextlib.redirect_stderr(err), pytest.raises(SystemExit) as e:
        main([str(BAOTOU[0]), str(BAOTOU[1]), "-f", "docx"])
    assert e.value.code == 2
    assert err.getvalue().startswith("reportdiff: stdout: is a terminal") and err.getvalue().count("\n") == 1
    assert "--output" in err.getvalue()
    # an input is never the output
    r = run_main([str(BAOTOU[0]), str(BAOTOU[1]), "-f", "docx", "-o", str(BAOTOU[1])])
    assert r.code == 2 and "is one of the inputs" in r.err


def test_dupes_has_no_docx():
    r = run_main(["dupes", str(BAOTOU[0]), "-f", "docx"])
    assert r.code == 2 and "docx" in r.err


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        missing("no soffice: install Debian's libreoffice-writer-nogui package to run this test")
    return found


@pytest.mark.slow
def test_libreoffice_opens_the_docx_and_shows_both_sides(tmp_path, baotou, english):
    soffice = _soffice()
    for name, (c, data) in (("baotou", baotou), ("english", english)):
        path = tmp_path / f"{name}.docx"
        path.write_bytes(data)
        for target in ("pdf", "txt:Text"):
            r = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                                "--convert-to", target, "--outdir", str(tmp_path), str(path)],
                               capture_output=True, text=True, timeout=300)
            assert r.returncode == 0, r.stderr
        pdf = tmp_path / f"{name}.pdf"
        import pypdfium2

        doc = pypdfium2.PdfDocument(str(pdf))
        pages = len(doc)
        page_text = squeeze(doc[k].get_textpage().get_text_range() for k in range(min(pages, 3)))
        doc.close()
        assert pages > 1
        assert squeeze([c.new.paragraphs[1].text])[:20] in page_text or squeeze([c.new.paragraphs[0].text])[:15] in page_text
        shown = squeeze([(tmp_path / f"{name}.txt").read_text("utf-8-sig")])
        # LibreOffice shows the changes: the old report's removed text and the new one's added text
        removed = next(pp.a[0].text for pp in c.paragraphs if pp.status == "removed")
        added = next(pp.b[0].text for pp in c.paragraphs if pp.status == "added")
        assert squeeze([removed]) in shown and squeeze([added]) in shown
        for pp in c.paragraphs:
            if pp.status == "changed":
                for o in pp.diff:
                    if o.op != "=" and len(o.text.strip()) > 3:
                        assert squeeze([o.text]) in shown
                break


def test_the_page_header_names_both_files(baotou):
    c, data = baotou
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        headers = [z.read(n).decode() for n in z.namelist() if re.match(r"word/header\d*\.xml", n)]
    assert any(c.old.path in h and c.new.path in h for h in headers)


@pytest.mark.slow
def test_docx_to_a_pipe_or_a_file_on_stdout_in_a_real_process(tmp_path):
    """stdout that is not a terminal takes the bytes; ``-o /dev/stdout`` writes through."""
    from conftest import cli

    env = dict(os.environ, SOURCE_DATE_EPOCH="1714979289")
    args = [*cli(), str(BAOTOU[0]), str(BAOTOU[1]), "-f", "docx"]
    piped = subprocess.run(args, capture_output=True, env=env, timeout=300)
    assert piped.returncode == 0 and piped.stderr == b""
    c = reportdiff.compare(str(BAOTOU[0]), str(BAOTOU[1]))
    want = comparison_docx(c, WHEN)
    assert piped.stdout == want  # same inputs, same SOURCE_DATE_EPOCH: the same bytes
    out = tmp_path / "out.docx"
    with open(out, "wb") as f:
        r = subprocess.run([*args, "-o", "/dev/stdout"], stdout=f, stderr=subprocess.PIPE, env=env, timeout=300)
    assert r.returncode == 0 and r.stderr == b""
    assert out.read_bytes() == want


def _uno_python() -> str:
    """A Python with LibreOffice's UNO bridge (Debian's python3-uno), or skip (fail in CI)."""
    _soffice()
    for python in ("/usr/bin/python3", shutil.which("python3") or ""):
        if python and subprocess.run([python, "-c", "import uno"], capture_output=True).returncode == 0:
            return python
    missing("no Python with LibreOffice's uno module: install Debian's python3-uno to run this test")


@pytest.mark.slow
@pytest.mark.parametrize("pair", ["baotou", "english"])
def test_libreoffice_accept_all_and_reject_all_give_the_two_reports(pair, request, tmp_path):
    """LibreOffice's own Accept All / Reject All (tests/render/lo_revisions.py over UNO)."""
    python = _uno_python()
    c, data = request.getfixturevalue(pair)
    path = tmp_path / "r.docx"
    path.write_bytes(data)
    helper = Path(__file__).with_name("lo_revisions.py")
    for mode, doc in (("accept", c.new), ("reject", c.old)):
        out = tmp_path / f"{mode}.txt"
        r = subprocess.run([python, str(helper), str(path), mode, str(out), str(tmp_path / "lo-profile")],
                           capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, r.stderr
        got = out.read_text("utf-8-sig").split("\n")
        while got and got[-1] == "":
            got.pop()
        want = [t for t, _ in reading(doc)]
        assert SequenceMatcher(None, squeeze(got), squeeze(want), autojunk=False).ratio() >= 0.99
        assert got == want  # in fact paragraph for paragraph
