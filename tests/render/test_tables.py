"""The table and summary exports (docs/exports.md, "Tables and summaries"), on the fixtures:

- ``reportdiff OLD NEW -f xlsx``: one row of the sheet 'changes' per section entry not matched
  as it was and per paragraph entry not equal, the same entries as ``-f json`` (Baotou and
  the English budget speeches); a summary sheet first; frozen header, autofilter, widths,
  wrapped text;
- ``-f csv``: UTF-8 with a BOM, the same rows as the workbook;
- cells are safe: formula-looking texts stay strings, characters illegal in XML are shown
  as ``\\xNN``, an over-long text is cut visibly;
- ``-f md``: bounded (< 60,000 characters) and escaped (report text cannot break a table);
- ``promises``, ``corpus``, ``dupes -f xlsx``: the rows of their CSV (one source of rows).
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from conftest import FIXTURES, shared_dir

openpyxl = pytest.importorskip("openpyxl")

BAOTOU = (str(FIXTURES / "baotou-2022.txt"), str(FIXTURES / "baotou-gazette-2023-01.txt"))
ENGLISH = (str(FIXTURES / "english" / "budget-speech-2023.txt"), str(FIXTURES / "english" / "budget-speech-2024.txt"))
FORMULAS = ('=HYPERLINK("http://x","点击")推进改革，继续推进各项工作。',
            "+1+1新增的段落：控制字符\x01在此\x1b[31m红色，_x0041_字样与|竖线|以及<script>alert(1)</script>`代码`。",
            "-2+3又一段新文字，@SUM(A1)计算，增长5%。")


def run_cli(*args: str) -> None:
    """reportdiff in this process; exit code 0 expected."""
    from reportdiff.cli.app import main

    with pytest.raises(SystemExit) as e:
        main(list(args))
    assert e.value.code == 0


def export(tmp_path: Path, pair, fmt: str, *extra: str) -> Path:
    out = tmp_path / f"out.{fmt}"
    run_cli(*pair, "-f", fmt, "-o", str(out), *extra)
    return out


def non_equal_entries(data: dict) -> list[tuple[str, str]]:
    """(entry, status) of the JSON entries a change list lists, in JSON order."""
    return ([("section", s["change"]) for s in data["sections"] if s["change"] != "matched"]
            + [("paragraph", p["status"]) for p in data["paragraphs"] if p["status"] != "equal"])


@pytest.fixture(scope="module", params=[BAOTOU, ENGLISH], ids=["baotou", "english"])
def exported(request, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("exports")
    pair = request.param
    return {fmt: export(tmp, pair, fmt) for fmt in ("json", "xlsx", "csv", "md")}


def test_xlsx_has_one_row_per_non_equal_json_entry(exported):
    data = json.loads(exported["json"].read_text("utf-8"))
    wb = openpyxl.load_workbook(exported["xlsx"])
    assert wb.sheetnames == ["summary", "changes"]
    ws = wb["changes"]
    rows = list(ws.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header == ("entry", "section", "status", "score", "old lines", "new lines", "old text", "new text",
                      "number changes", "notes")
    expected = non_equal_entries(data)
    assert len(expected) > 20  # the pairs do differ
    assert len(body) == len(expected)
    got = [(r[0], r[2].replace(" (boilerplate)", "").replace(" (title block)", "")) for r in body]
    assert got == expected
    # line ranges as in the JSON, paragraph texts whole, the notes column empty
    paragraphs = [p for p in data["paragraphs"] if p["status"] != "equal"]
    para_rows = [r for r in body if r[0] == "paragraph"]
    for p, r in zip(paragraphs, para_rows):
        def lines(refs):
            return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in (x["lines"] for x in refs)) or None
        assert (r[4], r[5]) == (lines(p["a"]), lines(p["b"]))
        old = "".join(t for op, t in p["diff"] if op != "+")
        new = "".join(t for op, t in p["diff"] if op != "-")
        assert (r[6] or "") == old and (r[7] or "") == new
        assert r[9] is None
    assert sum(1 for r in para_rows if r[8]) == sum(1 for p in paragraphs if p["numbers"])


def width(ws, column: int) -> float:
    """The width of a column (openpyxl groups adjacent columns of one width under the first)."""
    for dim in ws.column_dimensions.values():
        if dim.min <= column <= dim.max:
            return dim.width
    raise AssertionError(f"column {column} has no width")


def test_xlsx_layout(exported):
    wb = openpyxl.load_workbook(exported["xlsx"])
    ws = wb["changes"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:J{ws.max_row}"
    assert ws["A1"].font.bold
    assert width(ws, 7) > 50 and width(ws, 8) > 50 and width(ws, 1) < width(ws, 7)
    assert ws["G2"].alignment.wrap_text and ws["H2"].alignment.wrap_text
    assert any((ws.row_dimensions[r].height or 0) > 30 for r in range(2, ws.max_row + 1))  # long rows taller
    summary = {r[0]: r[1:] for r in wb["summary"].iter_rows(min_row=2, values_only=True)}
    data = json.loads(exported["json"].read_text("utf-8"))
    for status, n in data["counts"].items():
        assert summary[f"paragraph entries: {status}"][0] == n
    assert summary["rows of the sheet 'changes'"][0] == ws.max_row - 1
    assert summary["file"] == tuple(d["path"] for d in data["documents"])


def as_csv(value, written: str) -> str:
    """A cell read back from the workbook as the CSV wrote it: Excel keeps numbers as doubles,
    so 1.0 reads back as 1 (then the CSV's text is kept when it is the same number)."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return written if float(written) == value else str(value)
        except ValueError:
            return str(value)
    return str(value)


def test_csv_has_a_bom_and_the_rows_of_the_workbook(exported):
    raw = exported["csv"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    sheet = list(openpyxl.load_workbook(exported["xlsx"])["changes"].iter_rows(values_only=True))
    assert len(rows) == len(sheet)
    assert rows == [[as_csv(v, c) for v, c in zip(r, row)] for r, row in zip(sheet, rows)]


def test_rich_text_marks_the_diff(tmp_path):
    """The changed paragraphs' old and new texts carry the diff as rich text runs."""
    out = export(tmp_path, BAOTOU, "xlsx")
    wb = openpyxl.load_workbook(out, rich_text=True)
    from openpyxl.cell.rich_text import CellRichText

    rich = [c for row in wb["changes"].iter_rows(min_row=2, min_col=7, max_col=8) for c in row
            if isinstance(c.value, CellRichText)]
    assert rich
    struck = [b for c in rich for b in c.value if not isinstance(b, str) and b.font.strike]
    bold = [b for c in rich for b in c.value if not isinstance(b, str) and b.font.b]
    assert struck and bold


def hostile_pair(folder: Path) -> tuple[str, str]:
    lines = (FIXTURES / "baotou-2022.txt").read_text("utf-8").splitlines()[:60]
    new = list(lines)
    for k, text in enumerate(FORMULAS):  # each a paragraph block of its own, between blank lines
        new[20 + 3 * k:20 + 3 * k] = ["", text, ""]
    a, b = folder / "old.txt", folder / "new.txt"
    a.write_text("\n".join(lines) + "\n", "utf-8")
    b.write_text("\n".join(new) + "\n", "utf-8")
    return str(a), str(b)


def test_hostile_cells_stay_text_and_visible(tmp_path):
    pair = hostile_pair(tmp_path)
    wb = openpyxl.load_workbook(export(tmp_path, pair, "xlsx"))
    cells = [c for ws in wb for row in ws.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in cells)
    texts = [c.value for c in cells if isinstance(c.value, str)]
    starts = [t for t in texts if t[:1] in "=+-@"]
    assert any(t.startswith("=HYPERLINK(") for t in starts)
    assert any(t.startswith("+1+1") for t in starts) and any(t.startswith("-2+3") for t in starts)
    joined = "".join(texts)
    assert "\x01" not in joined and "\x1b" not in joined
    assert "\\x01" in joined and "\\x1b[31m" in joined  # replaced visibly, not dropped
    assert "_x0041_" in joined  # a literal escape-like text is not decoded
    rows = list(csv.reader(io.StringIO(export(tmp_path, pair, "csv").read_text("utf-8-sig"))))
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "@")) or re.fullmatch(r"[+-]?[\d.]+", cell)
    assert any(cell.startswith("'=HYPERLINK(") for row in rows for cell in row)


def test_workbook_cells_hostile_and_over_long():
    from reportdiff.render.tables import Sheet
    from reportdiff.render.xlsx_export import MAX_CELL, workbook

    illegal = "".join(chr(c) for c in range(0x20) if c not in (9, 10, 13)) + "\ufffe\uffff"
    long = "发展" * 20_000
    sheet = Sheet("t", ("a", "notes"), (("=1+2", ""), (f"x{illegal}y", ""), (long, ""), ("@SUM(1)", ""), ("-1", "")))
    wb = openpyxl.load_workbook(io.BytesIO(workbook([sheet])))
    values = [r[0] for r in wb["t"].iter_rows(min_row=2, values_only=True)]
    assert values[0] == "=1+2" and values[3] == "@SUM(1)" and values[4] == "-1"
    assert values[1] == "x" + "".join(f"\\x{c:02x}" for c in range(0x20) if c not in (9, 10, 13)) + "\\ufffe\\uffffy"
    assert len(values[2]) <= MAX_CELL and values[2].startswith("发展发展")
    assert re.search(r"…\[[\d,]+ more characters cut", values[2])
    cut = int(re.search(r"\[([\d,]+) more", values[2]).group(1).replace(",", ""))
    assert values[2].index("…[") + cut == len(long)  # the note counts exactly what was cut


def table_rows(md: str) -> list[str]:
    return [line for line in md.splitlines() if line.startswith("|")]


def unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


def test_markdown_summary(exported):
    md = exported["md"].read_text("utf-8")
    assert len(md) < 60_000
    assert md.startswith("# ") and "## Section map" in md and "Most important added passages" in md
    data = json.loads(exported["json"].read_text("utf-8"))
    for status, n in data["counts"].items():
        if n:
            assert f"{n} {status}" in md
    for line in table_rows(md):  # every row of a table has its table's number of cells
        assert unescaped_pipes(line) in (4, 5, 7)
    assert "…" in md  # long passages are cut


def test_markdown_escapes_hostile_text(tmp_path):
    old, new = hostile_pair(tmp_path)
    # headings holding table and HTML syntax too
    text = Path(new).read_text("utf-8").replace("一、", "一、|x|<b>*y*</b>[l](http://e)`c`", 1)
    Path(new).write_text(text, "utf-8")
    md = export(tmp_path, (old, new), "md").read_text("utf-8")
    for raw in ("<script>", "</script>", "|x|", "<b>", "*y*", "[l](http://e)", "`c`", "`代码`"):
        assert raw not in md  # none of it as it was...
    assert "\\|x\\|\\<b\\>\\*y\\*\\</b\\>\\[l\\](http://e)\\`c\\`" in md  # ...but escaped, not lost
    assert "\\<script\\>alert(1)\\</script\\>" in md
    assert "\x1b" not in md and "\\x1b" in md
    for block in md.split("\n\n"):
        rows = table_rows(block)
        assert len({unescaped_pipes(r) for r in rows}) <= 1, rows


def test_md_text_is_bounded_and_inert():
    from reportdiff.render.markdown_export import md_text

    for hostile in ("|" * 500, "\x1b" * 500, "<a>" * 200, "a\nb|c\r\n" * 100, "`*_[]<>#~&!$\\" * 50):
        out = md_text(hostile, 60)
        assert len(out) <= 2 * 60
        assert "\n" not in out and "\x1b" not in out
        assert not re.search(r"(?<!\\)[|<>`*\[\]]", out.replace("\\\\", ""))
    assert md_text("增长5%，|投资|", 60) == "增长5%，\\|投资\\|"


def test_sheet_over_excel_rows_is_refused(monkeypatch):
    from reportdiff.errors import UsageError
    from reportdiff.render import xlsx_export
    from reportdiff.render.tables import Sheet

    monkeypatch.setattr(xlsx_export, "MAX_ROWS", 3)
    xlsx_export.workbook([Sheet("ok", ("a",), (("1",), ("2",), ("3",)))])
    with pytest.raises(UsageError, match="4 rows, more than Excel holds"):
        xlsx_export.workbook([Sheet("big", ("a",), (("1",), ("2",), ("3",), ("4",)))])


def large_pair(folder: Path) -> tuple[str, str]:
    """The largest pair the fixtures make: every fixture report one after another (Chinese and
    English), against the same reports in reverse order with every figure changed and table
    syntax in every line."""
    reports = sorted(FIXTURES.glob("*.txt")) + sorted((FIXTURES / "english").glob("*.txt"))
    texts = [p.read_text("utf-8") for p in reports]
    old = "\n\n".join(texts)
    new = "\n\n".join(re.sub(r"\d", lambda m: str((int(m.group()) + 3) % 10), t).replace("，", "|，")
                      for t in reversed(texts))
    a, b = folder / "all.txt", folder / "all-reversed.txt"
    a.write_text(old, "utf-8")
    b.write_text(new, "utf-8")
    return str(a), str(b)


def test_markdown_is_bounded_on_the_largest_fixture_pair(tmp_path):
    md = export(tmp_path, large_pair(tmp_path), "md").read_text("utf-8")
    assert 5_000 < len(md) < 60_000
    assert "more section entries" in md  # the section map was cut, and says so
    for block in md.split("\n\n"):
        assert len({unescaped_pipes(r) for r in table_rows(block)}) <= 1


def test_markdown_is_bounded_on_national_1954_2025(tmp_path):
    corpus = shared_dir() / "corpus" / "national"
    if not (corpus / "1954.txt").is_file():
        pytest.skip("../shared/corpus/national/1954.txt is not present")
    md = export(tmp_path, (str(corpus / "1954.txt"), str(corpus / "2025.txt")), "md").read_text("utf-8")
    assert len(md) < 60_000 and "## Section map" in md


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def sheet_rows(path: Path, name: str, like: list[list[str]] | None = None) -> list[list[str]]:
    """The rows of a sheet as text; ``like``: the CSV rows to read numbers as (see as_csv)."""
    ws = openpyxl.load_workbook(path)[name]
    rows = list(ws.iter_rows(values_only=True))
    if like is None or len(like) != len(rows):
        return [["" if v is None else str(v) for v in r] for r in rows]
    return [[as_csv(v, c) for v, c in zip(r, row)] for r, row in zip(rows, like)]


def test_promises_xlsx_has_the_rows_of_the_csv(tmp_path):
    pair = (str(FIXTURES / "national-2024.txt"), str(FIXTURES / "national-2025.txt"))
    xlsx, text = tmp_path / "p.xlsx", tmp_path / "p.csv"
    run_cli("promises", *pair, "-f", "xlsx", "-o", str(xlsx))
    run_cli("promises", *pair, "-f", "csv", "-o", str(text))
    rows = csv_rows(text.read_text("utf-8"))
    assert len(rows) > 50
    assert sheet_rows(xlsx, "ledger", rows) == rows
    assert rows[0][-2:] == ["finding", "confidence"]  # the follow-up's finding and confidence, last
    scores = [float(r[-1]) for r in rows[1:] if r[-1]]
    assert scores and all(0.0 <= s <= 1.0 for s in scores) and max(scores) > 0
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames[:2] == ["ledger", "rates"] and wb["ledger"].freeze_panes == "A2"


def test_corpus_xlsx_has_the_pairs_of_the_csv_and_the_series(tmp_path):
    files = [str(FIXTURES / n) for n in ("national-2024.txt", "national-2025.txt", "baotou-2022.txt",
                                         "baotou-gazette-2023-01.txt", "hohhot-2022.txt")]
    xlsx, text, js = tmp_path / "c.xlsx", tmp_path / "c.csv", tmp_path / "c.json"
    for out, fmt in ((xlsx, "xlsx"), (text, "csv"), (js, "json")):
        run_cli("corpus", *files, "-f", fmt, "-o", str(out))
    rows = csv_rows(text.read_text("utf-8"))
    assert sheet_rows(xlsx, "pairs", rows) == rows
    data = json.loads(js.read_text("utf-8"))
    series = sheet_rows(xlsx, "series")
    assert len(series) - 1 == len(data["years"]) > 0
    assert [r[0] for r in series[1:]] == [y["region"] for y in data["years"]]
    assert len(sheet_rows(xlsx, "documents")) - 1 == len(files)


def test_dupes_xlsx_lists_every_place(tmp_path):
    files = (str(FIXTURES / "baotou-2017-8copies.txt"), str(FIXTURES / "baotou-2022.txt"))
    xlsx, js = tmp_path / "d.xlsx", tmp_path / "d.json"
    run_cli("dupes", *files, "-f", "xlsx", "-o", str(xlsx))
    run_cli("dupes", *files, "-f", "json", "-o", str(js))
    data = json.loads(js.read_text("utf-8"))
    places = sheet_rows(xlsx, "places")[1:]
    expected = [(str(g), str(o["doc"]), "{}-{}".format(*o["lines"]) if o["lines"][0] != o["lines"][1]
                 else str(o["lines"][0]), o["text"])
                for g, group in enumerate(data["groups"], 1) for o in group["occurrences"]]
    assert len(expected) > 0
    assert [(r[0], r[4], r[7], r[8]) for r in places] == expected
    assert len(sheet_rows(xlsx, "copies")) - 1 == len(data["copies"])


def test_workbook_is_reproducible_with_source_date_epoch(tmp_path, monkeypatch):
    """The same inputs and SOURCE_DATE_EPOCH give the same workbook bytes (the only moving
    part was the ``created`` property); the date is the one given."""
    import time

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714979289")  # 2024-05-06T07:08:09Z
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = export(tmp_path / "a", BAOTOU, "xlsx").read_bytes()
    time.sleep(1.1)  # a clock-based date would now differ by a second
    second = export(tmp_path / "b", BAOTOU, "xlsx").read_bytes()
    assert first == second
    created = openpyxl.load_workbook(io.BytesIO(first)).properties.created
    assert created.isoformat().startswith("2024-05-06T07:08:09")
