"""Re-joining lines into paragraphs on layouts the cleaner had not seen (issue #16's harder
synthetic benchmark): English wrapped wider than 80 columns, text written a paragraph a line
with a few paragraphs wrapped, numbered paragraphs after an unfinished line.  Built from the
fixture reports: the re-wrapped text must read back as the original."""

from __future__ import annotations

import textwrap

from conftest import fixture_path, load_lines

import reportdiff

SPEECH = fixture_path("english/budget-speech-2023.txt")
REPORT = fixture_path("hohhot-2022.txt")


def _wrapped_at_a_sentence_end(text: str, width: int) -> list[str] | None:
    """English text cut after its first sentence end past 20 characters, the rest wrapped at
    ``width`` (a PDF line that happens to end with a sentence); None without such an end."""
    stop = next((k for k, c in enumerate(text) if c == "." and 20 <= k < len(text) - 40
                 and text[k + 1:k + 2] == " "), None)
    if stop is None:
        return None
    return [text[:stop + 1]] + textwrap.wrap(text[stop + 1:].strip(), width)


def test_english_wrapped_at_90_columns_reads_back(tmp_path):
    """A speech hard-wrapped at 90 columns (the wrap width was looked for up to 80 only), some of
    whose lines end with a full stop inside a paragraph: each paragraph reads back whole."""
    lines = SPEECH.read_text("utf-8").split("\n")
    clean = [p.text for p in reportdiff.load(str(SPEECH)).paragraphs]
    out, cut_at_stop = [], 0
    for line in lines:
        wrapped = textwrap.wrap(line, 90) if len(line) > 90 else [line]
        cut_at_stop += any(x.endswith(".") for x in wrapped[:-1])
        out.extend(wrapped)
    assert cut_at_stop >= 5
    assert [p.text for p in load_lines(tmp_path, out, "wide.txt").paragraphs] == clean


def test_a_few_wrapped_paragraphs_among_one_line_paragraphs_read_back(tmp_path):
    """A paragraph a line with blank lines between, where a few paragraphs are wrapped (pasted
    from a PDF): a line break with no blank line is a wrap, also after a line that ends a
    sentence (in Chinese too: see the lead-sentence tests below)."""
    lines = SPEECH.read_text("utf-8").split("\n")
    clean = [p.text for p in reportdiff.load(str(SPEECH)).paragraphs]
    out, done = [], 0
    for line in lines:
        wrapped = _wrapped_at_a_sentence_end(line, 86) if len(line) > 300 and done < 3 else None
        done += wrapped is not None
        out.extend(wrapped or [line])
    assert done == 3
    assert [p.text for p in load_lines(tmp_path, out, "few.txt").paragraphs] == clean
    lines = REPORT.read_text("utf-8").split("\n")
    clean = [p.text for p in reportdiff.load(str(REPORT)).paragraphs]
    long = [k for k, line in enumerate(lines) if len(line) > 300][:3]
    out = [part for k, line in enumerate(lines)
           for part in ([line[j:j + 38] for j in range(0, len(line), 38)] if k in long else [line])]
    assert [p.text for p in load_lines(tmp_path, out, "zh.txt").paragraphs] == clean


def test_a_numbered_paragraph_after_a_blank_line_starts_anew(tmp_path):
    """In English text with blank lines between paragraphs, ``150.The Government …`` after a
    blank line opens a paragraph even when the line before ends unfinished (``…; and``: a list
    item cut from its list); ``4.1 million …`` after a page break still continues."""
    lines = SPEECH.read_text("utf-8").split("\n")
    body = [line for line in lines if len(line) > 200][:12]
    paras = [f"{k + 140}.{para}" for k, para in enumerate(body)]
    paras[1] = paras[1].rstrip(".") + "; and"

    def layout(items: list[str]) -> list[str]:
        out = [lines[0]]
        for item in items:
            out += [""] + textwrap.wrap(item, 90)
        return out
    doc = load_lines(tmp_path, layout(paras), "numbered.txt")
    assert [p.text[:4] for p in doc.paragraphs[1:]] == [f"{k + 140}." for k in range(12)]
    cut = paras[3].index(" ", 120)
    split = layout(paras[:3]) + ["", f"{paras[3][:cut]} to", "", "4.1 million" + paras[3][cut:]] + layout(paras[4:])[1:]
    assert len(load_lines(tmp_path, split, "figure.txt").paragraphs) == 13


def test_one_line_paragraphs_that_end_unfinished_do_not_run_on(tmp_path):
    """A paragraph a line with blank lines between and none wrapped (a web page's speech): a
    paragraph ending unfinished (``These five measures include –``, ``…; and``) still ends at the
    blank line when the next one opens with its number or a capital, as in wrapped text."""
    lines = SPEECH.read_text("utf-8").split("\n")
    body = [line for line in lines if len(line) > 200][:12]
    paras = [f"{k + 140}.{para}" for k, para in enumerate(body)]
    paras[1] = paras[1].rstrip(".") + " These measures include –"
    paras[4] = paras[4].rstrip(".") + "; and"
    paras[7] = paras[7].rstrip(".") + ", as follows"
    paras[8] = paras[8][4:]  # no number: a capital after the blank line
    out = [lines[0]]
    for para in paras:
        out += ["", para]
    doc = load_lines(tmp_path, out, "one-line.txt")
    assert [p.text for p in doc.paragraphs[1:]] == paras


def _lead_sentence_layout(blank: bool) -> tuple[list[str], int]:
    """The fixture report as a web page's text: its lines, each paragraph's short lead sentence
    on a line of its own (the page set it in bold: ``第一，调整和优化农业结构。`` / its text,
    national 1999), with the file's blank lines between the paragraphs when ``blank``, else none
    -> (lines, lead sentences cut off)."""
    texts = {p.text for p in reportdiff.load(str(REPORT)).paragraphs}
    out, leads = [], 0
    for line in REPORT.read_text("utf-8").split("\n"):
        end = line.find("。") + 1
        if line.strip() in texts and 6 <= end <= 30 and len(line) > end + 20:
            out += [line[:end], line[end:]]
            leads += 1
        elif line.strip() or blank:
            out.append(line)
    return out, leads


def test_a_lead_sentence_on_its_own_line_in_a_paragraph_block_joins_its_text(tmp_path):
    """Chinese text in blocks (blank lines between paragraphs): a line break with no blank line
    is the page's formatting, also after a short lead sentence that ends with 。, so each
    paragraph reads back whole, and the headings stay headings."""
    doc = reportdiff.load(str(REPORT))
    lines, leads = _lead_sentence_layout(blank=True)
    assert leads >= 10
    web = load_lines(tmp_path, lines, "blocks.txt")
    assert [p.text for p in web.paragraphs] == [p.text for p in doc.paragraphs]
    assert [s.heading.text for s in web.sections if s.heading] == [s.heading.text for s in doc.sections if s.heading]


def test_a_lead_sentence_line_without_blank_lines_stays_a_paragraph(tmp_path):
    """Text written a paragraph a line with no blank lines: a line that ends a sentence ends its
    paragraph (nothing says the next line belongs to it), so the lead sentences stand alone."""
    body = reportdiff.load(str(REPORT)).paragraphs
    lines, leads = _lead_sentence_layout(blank=False)
    assert len(load_lines(tmp_path, lines, "lines.txt").paragraphs) == len(body) + leads


def test_a_short_unfinished_line_ends_its_block_in_text_in_blocks(tmp_path):
    """In text in blocks a short unfinished line at the end of a block (为了加快农业的发展，,
    national 1986, a web page's fragment) does not run on into the next block: a web page has no
    page breaks."""
    lines, _ = _lead_sentence_layout(blank=True)
    k = next(k for k, line in enumerate(lines) if len(line) > 60 and line.endswith("。")
             and lines[k + 1] == "")
    lines[k + 1:k + 1] = ["为了加快农业的发展，"]
    paras = [p.text for p in load_lines(tmp_path, lines, "fragment.txt").paragraphs]
    assert any(t.endswith("为了加快农业的发展，") for t in paras)
