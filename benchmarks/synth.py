"""Synthetic alignment benchmark: known edits and known layout noise, scored by line numbers.

Generator (deterministic for a fixture, a seed and an edit rate):

- OLD is a real report, cleaned by ``reportdiff.load``: its headings and paragraphs written one
  per line with a blank line between (item k on line 2k+1), so every OLD paragraph has a known
  line.  Loading that file gives the same paragraphs back (checked for every case).
- NEW applies known edits to about ``--edit-rate`` of OLD's paragraphs (the preamble before the
  first heading is left alone): word edits (replace, insert or delete 1-3 words, one more per
  400 characters, the words taken from another report), number edits (``7.5%`` → ``8%``,
  ``1301.2亿元`` → ``1400亿元``), moves at least 3 paragraphs away (some also word-edited),
  insertions (paragraphs of a different report that share little text with OLD: character
  ratio < 0.4 and character-bigram Dice < 0.35 against every OLD paragraph), deletions, splits
  at a random ``。`` (both parts of 20+ characters), merges of two neighbours in one section, and
  renamed headings.  The edit mix is ``EDIT_MIX``.
- Layout noise, NEW only: hard wraps (one wrap width of 30-40 full-width characters per file, by
  display width; numbers and Latin words are never broken, no line starts with ``，。、）”`` (it
  hangs at the end of the line before) or ends with ``（“《``) for half of the paragraphs; page
  breaks inside 15% of the longer paragraphs and between 4% of neighbouring paragraphs, laid
  out as PDF extraction leaves them (``text / blank / - 12 - / blank / 政府工作报告 / blank /
  text``; a break inside a paragraph never follows closing punctuation, so the text alone
  shows that the paragraph goes on); full-/half-width swaps in
  30% of the paragraphs and headings (``，``→``,``, ``：；``→``:;``, digits and ``%`` to full
  width, ``（）``↔``()``).
- Ground truth: for each NEW item the OLD items it came from and the kind of edit, the physical
  lines of its text, the line of every injected noise line, and the NEW paragraphs written on
  more than one line.

Scorer: ``reportdiff.compare(old_file, new_file)``; every predicted paragraph is mapped to the
truth items whose text lines its line span overlaps (a span over noise lines only is a spurious
item).  Reported:

- pair F1: the (old, new) links of all entries but added/removed against the truth links
  (a split or a merge gives several).  Heading-to-heading links are ignored (the tool never
  makes them; the naive baseline does);
- added/removed F1: truth items inserted/deleted against the items of added/removed entries;
- moved: share of moved paragraphs linked to their origin by an entry labelled ``moved``; false
  moves: NEW items in ``moved`` entries that were not moved;
- noise: share of injected noise lines inside NEW's ``.removed`` ranges (and text lines listed
  there by mistake);
- re-joined: share of NEW paragraphs written on several lines that come out as exactly one
  paragraph spanning their first to last text line (and wrong joins: predicted paragraphs
  holding text of several items);
- per kind (pooled over seeds): ``links`` = the links touching the event's items are exactly
  the true ones; ``status`` = one entry holds exactly the event's items, with the expected
  status (equal, changed, moved, split, merged, added, removed).

The naive baseline splits both files on blank lines (no cleaning, no re-joining), runs
``difflib.SequenceMatcher`` over the two lists of chunks, pairs equal chunks, and inside
replaced blocks pairs chunks greedily by ``ratio() >= 0.5``; it is scored the same way.

Run from the project root:
    .venv/bin/python benchmarks/synth.py [--seeds 5] [--edit-rate 0.25] [--fixture PATH ...]
        [--examples N] [--out DIR]
"""

from __future__ import annotations

import argparse
import difflib
import json
import logging
import math
import random
import re
import shlex
import statistics
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import reportdiff  # noqa: E402

FIXTURES = ROOT / "fixtures"
DEFAULT_FIXTURE = FIXTURES / "baotou-2022.txt"
ALL_FIXTURES = (FIXTURES / "baotou-2022.txt", FIXTURES / "hohhot-2022.txt",
                FIXTURES / "baotou-gazette-2023-01.txt")
HEADER = "政府工作报告"  # running header of the page breaks

# edit mix: shares of the edited paragraphs (an insertion counts as one edited paragraph)
EDIT_MIX = (("word", 0.20), ("number", 0.15), ("move", 0.15), ("move_edit", 0.10),
            ("insert", 0.10), ("delete", 0.10), ("split", 0.10), ("merge", 0.10))
WRAP_SHARE = 0.5  # paragraphs hard-wrapped
BREAK_SHARE = 0.15  # paragraphs of 60+ characters with a page break inside
BREAK_BETWEEN = 0.04  # boundaries between two paragraphs with a page break
WIDTH_SHARE = 0.3  # items with full-/half-width swaps
MIN_MOVE = 3  # a moved paragraph lands at least this many paragraphs from where it stood

EXPECTED = {"same": "equal", "word": "changed", "number": "changed", "move": "moved",
            "move_edit": "moved", "insert": "added", "delete": "removed", "split": "split",
            "merge": "merged"}
KIND_ORDER = ("same", "word", "number", "move", "move_edit", "split", "merge", "insert", "delete")
TARGETS = {"pair_f1": 0.98, "ar_f1": 0.90, "moved": 0.90, "noise": 0.95, "rejoined": 0.90}

CLOSING = set("。！？；：…”’）」』】》!?;:.)")
NO_LINE_START = set("，。、；：！？）”’》」』,.;:!?)%％")
NO_LINE_END = set("（“‘《「『(")
_NUMBER = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.])")
_CJK_WORD = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


# ------------------------------------------------------------------ generator


@dataclass
class Item:
    """A heading or paragraph of NEW (or OLD): text, the OLD items it comes from, the edit."""

    kind: str  # "h" heading, "p" paragraph
    text: str
    src: tuple[int, ...]
    edit: str  # same word number move move_edit insert split merge heading renamed
    glued: bool = False  # second part of a split: nothing is put between it and the first part


@dataclass
class Case:
    fixture: str
    seed: int
    old_path: str
    new_path: str
    old_items: list[Item]  # OLD item k is on line 2k+1
    new_items: list[Item]
    new_lines: list[list[int]]  # physical text lines of each NEW item (1-based)
    noise_lines: list[int]
    broken: list[int]  # NEW items written on several lines
    events: list[dict]
    wrap: int
    page_breaks: int
    gen_seconds: float = 0.0

    @property
    def old_line(self) -> dict[int, int]:
        return {2 * k + 1: k for k in range(len(self.old_items))}

    @property
    def new_line(self) -> dict[int, int]:
        return {ln: k for k, lines in enumerate(self.new_lines) for ln in lines}

    def truth(self) -> dict:
        return {
            "fixture": self.fixture, "seed": self.seed, "wrap_chars": self.wrap,
            "old": [{"line": 2 * k + 1, "kind": it.kind, "text": it.text} for k, it in enumerate(self.old_items)],
            "new": [{"lines": lines, "kind": it.kind, "from_old": list(it.src), "edit": it.edit,
                     "text": it.text} for it, lines in zip(self.new_items, self.new_lines)],
            "noise_lines": self.noise_lines, "broken": self.broken, "events": self.events,
        }


@lru_cache(maxsize=None)
def _load(path: str):
    return reportdiff.load(path)


def document_items(doc) -> list[Item]:
    """Headings and paragraphs of a loaded document in reading order."""
    rows = []
    for s in doc.root.walk():
        if s.heading:
            rows.append((s.heading.lines.first, 0, Item("h", s.heading.text, (), "heading")))
        for p in s.paragraphs:
            rows.append((p.lines.first, 1, Item("p", p.text, (), "same")))
    rows.sort(key=lambda r: (r[0], r[1]))
    items = [r[2] for r in rows]
    for k, it in enumerate(items):
        it.src = (k,)
    return items


@lru_cache(maxsize=None)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    return tk


def words(text: str) -> list[str]:
    return _jieba().lcut(text, HMM=False)


@lru_cache(maxsize=None)
def donor_pool(donor_path: str, old_path: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Paragraphs of the donor report that share little text with OLD (character ratio < 0.4
    and character-bigram Dice < 0.35 against every OLD paragraph), and the donor's words."""
    donor = _load(donor_path)
    old = [p.text for p in _load(old_path).paragraphs]
    old_bigrams = [_bigrams(t) for t in old]
    pool = []
    for p in donor.paragraphs:
        t = p.text
        if p.section_id == "0" or not 60 <= len(t) <= 700:
            continue
        bg = _bigrams(t)
        if any(fuzz.ratio(t, o) >= 40 for o in old):
            continue
        if any(2 * len(bg & ob) / (len(bg) + len(ob) or 1) >= 0.35 for ob in old_bigrams):
            continue
        pool.append(t)
    vocab = sorted({w for p in donor.paragraphs for w in words(p.text) if _CJK_WORD.match(w)})
    return tuple(pool), tuple(vocab)


def _bigrams(t: str) -> set[str]:
    return {t[i:i + 2] for i in range(len(t) - 1)}


def word_edit(text: str, rng: random.Random, vocab, n_ops: int) -> str:
    toks = words(text)
    for _ in range(n_ops):
        cand = [k for k, w in enumerate(toks) if _CJK_WORD.match(w)]
        if not cand:
            break
        k = rng.choice(cand)
        op = rng.choice(("replace", "replace", "insert", "delete"))
        if op == "replace":
            new = rng.choice(vocab)
            if new != toks[k]:
                toks[k] = new
        elif op == "insert":
            toks.insert(k, rng.choice(vocab))
        elif len(toks) > 3:
            del toks[k]
    return "".join(toks)


def _numbers(text: str) -> list[re.Match]:
    out = []
    for m in _NUMBER.finditer(text):
        after = text[m.end():m.end() + 1]
        before = text[max(0, m.start() - 1):m.start()]
        if after in ("年", "月", "日", "号", "届", "次") or before == "第":
            continue
        if len(m.group()) == 4 and m.group().startswith(("19", "20")):
            continue
        out.append(m)
    return out


def _new_number(value: str, rng: random.Random) -> str:
    v = float(value)
    for _ in range(20):
        f = rng.uniform(0.7, 0.95) if rng.random() < 0.5 else rng.uniform(1.05, 1.4)
        x = v * f if v else rng.randint(1, 9)
        if x >= 100:
            digits = int(math.floor(math.log10(x))) - 1  # two significant digits: 1301.2 -> 1400
            x = round(x / 10 ** digits) * 10 ** digits
            s = str(int(x))
        elif "." in value and rng.random() < 0.5:
            s = f"{x:.1f}".rstrip("0").rstrip(".")
        else:
            s = str(max(1, round(x)))
        if s != value and float(s) != v:
            return s
    return str(int(v) + 1)


def number_edit(text: str, rng: random.Random) -> str:
    found = _numbers(text)
    picks = sorted(rng.sample(found, min(len(found), rng.choice((1, 1, 2)))), key=lambda m: m.start())
    out, pos = [], 0
    for m in picks:
        out.append(text[pos:m.start()])
        out.append(_new_number(m.group(), rng))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def split_points(text: str) -> list[int]:
    return [k + 1 for k, ch in enumerate(text[:-1]) if ch == "。" and text[k + 1] not in "”’）」』"
            and k + 1 >= 20 and len(text) - k - 1 >= 20]


def rename_heading(text: str, rng: random.Random, vocab) -> str:
    from reportdiff.ingest.headings import split_marker

    marker, body = split_marker(text)
    prefix = text[: len(text) - len(body)] if body and text.endswith(body) else marker
    for _ in range(10):
        new = word_edit(body, rng, vocab, rng.choice((1, 2)))
        if new != body and new:
            return prefix + new
    return prefix + body + rng.choice(vocab)


def build_new(old: list[Item], rng: random.Random, edit_rate: float, pool, vocab):
    """NEW items and the edit events."""
    first_heading = next(k for k, it in enumerate(old) if it.kind == "h")
    paras = [k for k, it in enumerate(old) if it.kind == "p"]
    eligible = [k for k in paras if k > first_heading]
    n_edit = max(len(EDIT_MIX), round(edit_rate * len(eligible)))
    counts = {kind: max(1, round(share * n_edit)) for kind, share in EDIT_MIX}
    used: set[int] = set()
    plan: dict[int, str] = {}

    def pick(cands: list[int], n: int) -> list[int]:
        cands = [k for k in cands if k not in used]
        chosen = rng.sample(cands, min(n, len(cands)))
        used.update(chosen)
        return sorted(chosen)

    merges = []
    cands = [k for k in eligible if k + 1 < len(old) and old[k + 1].kind == "p"]
    rng.shuffle(cands)
    for k in cands:
        if len(merges) == counts["merge"]:
            break
        if k not in used and k + 1 not in used:
            used.update((k, k + 1))
            merges.append(k)
    for k in pick([k for k in eligible if split_points(old[k].text)], counts["split"]):
        plan[k] = "split"
    for k in pick([k for k in eligible if _numbers(old[k].text)], counts["number"]):
        plan[k] = "number"
    for kind in ("word", "move", "move_edit", "delete"):
        for k in pick([k for k in eligible if len(old[k].text) >= 10], counts[kind]):
            plan[k] = kind
    headings = [k for k, it in enumerate(old) if it.kind == "h"]
    renamed = set(rng.sample(headings, max(1, round(edit_rate * len(headings)))))

    seq: list[Item] = []
    moving: list[tuple[Item, int]] = []  # (item, paragraphs of seq before its old place)
    merge_first = set(merges)
    k = 0
    while k < len(old):
        it = old[k]
        kind = plan.get(k, "")
        if it.kind == "h":
            if k in renamed:
                seq.append(Item("h", rename_heading(it.text, rng, vocab), (k,), "renamed"))
            else:
                seq.append(Item("h", it.text, (k,), "heading"))
        elif k in merge_first:
            seq.append(Item("p", it.text + old[k + 1].text, (k, k + 1), "merge"))
            k += 1
        elif kind == "split":
            at = rng.choice(split_points(it.text))
            seq.append(Item("p", it.text[:at], (k,), "split"))
            seq.append(Item("p", it.text[at:], (k,), "split", glued=True))
        elif kind == "number":
            seq.append(Item("p", number_edit(it.text, rng), (k,), "number"))
        elif kind == "word":
            seq.append(Item("p", word_edit(it.text, rng, vocab, 1 + rng.randint(0, 2) + len(it.text) // 400),
                            (k,), "word"))
        elif kind in ("move", "move_edit"):
            text = it.text if kind == "move" else word_edit(it.text, rng, vocab, 1 + rng.randint(0, 1))
            moving.append((Item("p", text, (k,), kind), sum(1 for x in seq if x.kind == "p")))
        elif kind == "delete":
            pass
        else:
            seq.append(Item("p", it.text, (k,), "same"))
        k += 1

    start = next(k for k, it in enumerate(seq) if it.kind == "h")

    def positions() -> list[int]:
        """Places an item may go: after the first heading, never between the parts of a split."""
        return [t for t in range(start + 1, len(seq) + 1) if t == len(seq) or not seq[t].glued]

    for item, origin in moving:
        ok = []
        for t in positions():
            before = sum(1 for x in seq[:t] if x.kind == "p" and x.edit not in ("move", "move_edit", "insert"))
            if abs(before - origin) >= MIN_MOVE:
                ok.append(t)
        seq.insert(rng.choice(ok), item)
    for text in rng.sample(list(pool), min(len(pool), counts["insert"])):
        seq.insert(rng.choice(positions()), Item("p", text, (), "insert"))

    events = []
    for j, it in enumerate(seq):
        if it.kind == "h":
            events.append({"kind": it.edit, "old": list(it.src), "new": [j]})
        elif it.edit == "split":
            if not it.glued:
                events.append({"kind": "split", "old": list(it.src), "new": [j, j + 1]})
        else:
            events.append({"kind": it.edit, "old": list(it.src), "new": [j]})
    for k, kind in sorted(plan.items()):
        if kind == "delete":
            events.append({"kind": "delete", "old": [k], "new": []})
    return seq, events


def _width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


_ATOM = re.compile(r"[0-9A-Za-z.%０-９Ａ-Ｚａ-ｚ．％]+|.", re.S)


def wrap(text: str, columns: int) -> list[str]:
    """Hard-wrap at ``columns`` display columns the way a typesetter does: numbers and Latin
    words are never broken, no line starts with closing punctuation (it stays on the line
    before) and none ends with an opening bracket or quote."""
    lines, cur, w = [], "", 0
    for atom in _ATOM.findall(text):
        aw = sum(_width(c) for c in atom)
        if cur and w + aw > columns and atom[0] not in NO_LINE_START:
            carry = ""
            while cur and cur[-1] in NO_LINE_END:
                carry = cur[-1] + carry
                cur = cur[:-1]
            if cur:
                lines.append(cur)
                cur, w = carry, sum(_width(c) for c in carry)
            else:
                cur = carry
        cur += atom
        w += aw
    if cur:
        lines.append(cur)
    return lines


def _inside_atom(text: str, c: int) -> bool:
    return bool(_ATOM.fullmatch(text[c - 1:c + 1])) and len(_ATOM.match(text[c - 1:c + 1]).group()) == 2


_FULL = {ord(c): chr(ord(c) + 0xFEE0) for c in "0123456789%"}


def width_swap(text: str, rng: random.Random) -> str:
    kinds = rng.sample(["comma", "colon", "parens", "digits"], rng.randint(1, 3))
    if "comma" in kinds:
        text = text.replace("，", ",")
    if "colon" in kinds:
        text = text.replace("：", ":").replace("；", ";")
    if "parens" in kinds:
        if "（" in text:
            text = text.replace("（", "(").replace("）", ")")
        else:
            text = text.replace("(", "（").replace(")", "）")
    if "digits" in kinds:
        text = text.translate(_FULL)
    return text


def layout(seq: list[Item], rng: random.Random, header: str = HEADER):
    """Physical lines of NEW; the text lines of each item, the noise lines, the broken items."""
    columns = 2 * rng.randint(30, 40)
    lines: list[str] = []
    item_lines: list[list[int]] = []
    noise: list[int] = []
    page = [rng.randint(1, 3)]

    def page_break() -> None:
        lines.append("")
        lines.append(f"- {page[0]} -")
        noise.append(len(lines))
        lines.append("")
        lines.append(header)
        noise.append(len(lines))
        lines.append("")
        page[0] += 1

    paras = [j for j, it in enumerate(seq) if it.kind == "p"]
    wrapped = set(rng.sample(paras, round(WRAP_SHARE * len(paras))))
    long = [j for j in paras if len(seq[j].text) >= 60]
    broken_inside = set(rng.sample(long, round(BREAK_SHARE * len(long))))
    swapped = set(rng.sample(range(len(seq)), round(WIDTH_SHARE * len(seq))))
    start = next(j for j, it in enumerate(seq) if it.kind == "h")
    for j, it in enumerate(seq):
        if j:
            if j > start and it.kind == "p" and seq[j - 1].kind == "p" and rng.random() < BREAK_BETWEEN:
                page_break()
            else:
                lines.append("")
        text = width_swap(it.text, rng) if j in swapped else it.text
        parts = wrap(text, columns) if j in wrapped else [text]
        cut = None
        if j in broken_inside:
            if len(parts) > 1:
                ok = [b for b in range(1, len(parts)) if parts[b - 1][-1] not in CLOSING]
                cut = rng.choice(ok) if ok else None
            else:
                ok = [c for c in range(30, len(text) - 5)
                      if text[c - 1] not in CLOSING | NO_LINE_END and text[c] not in NO_LINE_START
                      and not _inside_atom(text, c)]
                if ok:
                    c = rng.choice(ok)
                    parts, cut = [text[:c], text[c:]], 1
        assert "".join(parts) == text
        mine = []
        for b, part in enumerate(parts):
            if b and b == cut:
                page_break()
            lines.append(part)
            mine.append(len(lines))
        item_lines.append(mine)
    broken = [j for j, it in enumerate(seq) if it.kind == "p" and len(item_lines[j]) > 1]
    return lines, item_lines, noise, broken, columns // 2


def make_case(fixture: str | Path, seed: int, edit_rate: float, outdir: str | Path,
              donor: str | Path | None = None, header: str = HEADER) -> Case:
    t0 = time.perf_counter()
    fixture = Path(fixture)
    donor = Path(donor) if donor else (FIXTURES / ("baotou-2022.txt" if "hohhot" in fixture.name
                                                   else "hohhot-2022.txt"))
    rng = random.Random(f"{fixture.name}:{seed}:{edit_rate}")
    old = document_items(_load(str(fixture)))
    pool, vocab = donor_pool(str(donor), str(fixture))
    seq, events = build_new(old, rng, edit_rate, pool, vocab)
    lines, item_lines, noise, broken, width = layout(seq, rng, header)
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    stem = f"{fixture.stem}-s{seed}"
    old_path, new_path = outdir / f"{stem}-old.txt", outdir / f"{stem}-new.txt"
    old_path.write_text("\n\n".join(it.text for it in old) + "\n", encoding="utf-8")
    new_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    case = Case(fixture.name, seed, str(old_path), str(new_path), old, seq, item_lines, noise, broken,
                events, width, len(noise) // 2, time.perf_counter() - t0)
    (outdir / f"{stem}-truth.json").write_text(json.dumps(case.truth(), ensure_ascii=False, indent=1),
                                               encoding="utf-8")
    return case


# ------------------------------------------------------------------ predictions


@dataclass
class Prediction:
    """What an aligner says, in line numbers: entries (status, OLD spans, NEW spans), the NEW
    paragraphs, NEW's removed line ranges, matched heading lines (OLD, NEW)."""

    entries: list[tuple[str, list[tuple[int, int]], list[tuple[int, int]]]]
    new_paragraphs: list[tuple[int, int]]
    removed: list[tuple[int, int]]
    headings: list[tuple[int, int]] | None = None
    old_ok: bool = True  # OLD came back as the items written
    seconds: float = 0.0
    texts: dict = field(default_factory=dict)  # NEW span -> text, for examples


def predict_tool(case: Case) -> Prediction:
    t0 = time.perf_counter()
    c = reportdiff.compare(case.old_path, case.new_path)
    seconds = time.perf_counter() - t0
    entries = [(pp.status, [(p.lines.first, p.lines.last) for p in pp.a],
                [(p.lines.first, p.lines.last) for p in pp.b]) for pp in c.paragraphs]
    heads = [(sp.a.heading.lines.first, sp.b.heading.lines.first) for sp in c.sections
             if sp.a is not None and sp.b is not None]
    want = [(2 * k + 1, it.kind, it.text) for k, it in enumerate(case.old_items)]
    got = {(p.lines.first, "p", p.text) for p in c.old.paragraphs if p.lines.first == p.lines.last}
    got |= {(s.heading.lines.first, "h", s.heading.text) for s in c.old.sections}
    return Prediction(entries, [(p.lines.first, p.lines.last) for p in c.new.paragraphs],
                      [(r.lines.first, r.lines.last) for r in c.new.removed], heads,
                      all(w in got for w in want), seconds,
                      {(p.lines.first, p.lines.last): p.text for p in c.new.paragraphs})


def _chunks(path: str) -> list[tuple[str, int, int]]:
    """Blank-line separated chunks of a file: (text, first line, last line)."""
    out, cur, first = [], [], 0
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    for n, line in enumerate(lines, start=1):
        if line.strip():
            if not cur:
                first = n
            cur.append(line)
        elif cur:
            out.append(("\n".join(cur).strip(), first, n - 1))
            cur = []
    if cur:
        out.append(("\n".join(cur).strip(), first, len(lines)))
    return out


def predict_naive(case: Case) -> Prediction:
    """Blank-line chunks, SequenceMatcher over them, ratio >= 0.5 pairs inside replaced blocks."""
    t0 = time.perf_counter()
    ca, cb = _chunks(case.old_path), _chunks(case.new_path)
    pa, pb = [c[0] for c in ca], [c[0] for c in cb]
    sm = difflib.SequenceMatcher(None, pa, pb, autojunk=False)
    pairs: list[tuple[int, int, str]] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            pairs.extend((i1 + d, j1 + d, "equal") for d in range(i2 - i1))
        elif tag == "replace":
            cands = []
            for i in range(i1, i2):
                for j in range(j1, j2):
                    m = difflib.SequenceMatcher(None, pa[i], pb[j], autojunk=False)
                    if m.real_quick_ratio() >= 0.5 and m.quick_ratio() >= 0.5:
                        r = m.ratio()
                        if r >= 0.5:
                            cands.append((-r, i, j))
            ua, ub = set(), set()
            for _, i, j in sorted(cands):
                if i not in ua and j not in ub:
                    ua.add(i)
                    ub.add(j)
                    pairs.append((i, j, "changed"))
    ia = {i for i, _, _ in pairs}
    jb = {j for _, j, _ in pairs}
    span = lambda c: (c[1], c[2])  # noqa: E731
    entries = [(st, [span(ca[i])], [span(cb[j])]) for i, j, st in sorted(pairs, key=lambda x: x[1])]
    entries += [("removed", [span(ca[i])], []) for i in range(len(ca)) if i not in ia]
    entries += [("added", [], [span(cb[j])]) for j in range(len(cb)) if j not in jb]
    return Prediction(entries, [span(c) for c in cb], [], None, True, time.perf_counter() - t0,
                      {span(c): c[0] for c in cb})


def oracle_prediction(case: Case) -> Prediction:
    """The ground truth written as a prediction: the scorer must give it full marks."""
    entries = []
    for e in case.events:
        if e["kind"] not in EXPECTED:
            continue
        entries.append((EXPECTED[e["kind"]], [(2 * i + 1, 2 * i + 1) for i in e["old"]],
                        [(case.new_lines[j][0], case.new_lines[j][-1]) for j in e["new"]]))
    heads = [(2 * e["old"][0] + 1, case.new_lines[e["new"][0]][0]) for e in case.events
             if e["kind"] in ("heading", "renamed")]
    paras = [(ls[0], ls[-1]) for it, ls in zip(case.new_items, case.new_lines) if it.kind == "p"]
    return Prediction(entries, paras, [(n, n) for n in case.noise_lines], heads)


# ------------------------------------------------------------------ scoring


def _f1(pred: set, truth: set) -> tuple[float, float, float]:
    tp = len(pred & truth)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(truth) if truth else 1.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


@dataclass
class Score:
    metrics: dict[str, float]
    kinds: dict[str, list[int]]  # kind -> [n, links exact, status exact]
    failures: dict[str, list[dict]]


def score(case: Case, pred: Prediction) -> Score:
    old_at, new_at = case.old_line, case.new_line

    def units(spans, side: str) -> frozenset:
        at = old_at if side == "o" else new_at
        out = set()
        for f, l in spans:
            hit = {(side, at[n]) for n in range(f, l + 1) if n in at}
            out |= hit or {("x", side, f)}
        return frozenset(out)

    def is_heading(u) -> bool:
        if u[0] == "o":
            return case.old_items[u[1]].kind == "h"
        return u[0] == "n" and case.new_items[u[1]].kind == "h"

    entries = [(st, units(a, "o"), units(b, "n"), a, b) for st, a, b in pred.entries]
    links = set()
    for st, ua, ub, _, _ in entries:
        if st in ("added", "removed"):
            continue
        links |= {(x, y) for x in ua for y in ub if not (is_heading(x) and is_heading(y))}
    truth_links = {(("o", i), ("n", j)) for e in case.events if e["kind"] in EXPECTED
                   for i in e["old"] for j in e["new"]}
    pair_f1, pair_p, pair_r = _f1(links, truth_links)

    pred_ar = {("added", u) for st, _, ub, _, _ in entries if st == "added" for u in ub if not is_heading(u)}
    pred_ar |= {("removed", u) for st, ua, _, _, _ in entries if st == "removed" for u in ua if not is_heading(u)}
    truth_ar = {("added", ("n", e["new"][0])) for e in case.events if e["kind"] == "insert"}
    truth_ar |= {("removed", ("o", e["old"][0])) for e in case.events if e["kind"] == "delete"}
    ar_f1, ar_p, ar_r = _f1(pred_ar, truth_ar)

    moved_events = [e for e in case.events if e["kind"] in ("move", "move_edit")]
    moved_new = {("n", e["new"][0]) for e in moved_events}
    found = 0
    failures: dict[str, list[dict]] = {k: [] for k in ("pair", "ar", "moved", "noise", "rejoined")}
    for e in moved_events:
        o, n = ("o", e["old"][0]), ("n", e["new"][0])
        if any(st == "moved" and o in ua and n in ub for st, ua, ub, _, _ in entries):
            found += 1
        else:
            failures["moved"].append(_example(case, pred, entries, e))
    false_moves = sum(1 for st, _, ub, _, _ in entries if st == "moved" for u in ub if u not in moved_new)

    removed_lines = {n for f, l in pred.removed for n in range(f, l + 1)}
    listed = sum(1 for n in case.noise_lines if n in removed_lines)
    text_removed = sum(1 for n in new_at if n in removed_lines)
    lines_text = Path(case.new_path).read_text(encoding="utf-8").split("\n")
    for n in case.noise_lines:
        if n not in removed_lines:
            failures["noise"].append({"line": n, "text": lines_text[n - 1],
                                      "before": lines_text[max(0, n - 4):n - 1],
                                      "after": lines_text[n:n + 3]})

    span_units = {s: units([s], "n") for s in pred.new_paragraphs}
    rejoined = 0
    for j in case.broken:
        ls = case.new_lines[j]
        if any(u == frozenset({("n", j)}) and s == (ls[0], ls[-1]) for s, u in span_units.items()):
            rejoined += 1
        else:
            pieces = sorted(s for s, u in span_units.items() if ("n", j) in u)
            failures["rejoined"].append({"new": j, "lines": ls, "pieces": pieces,
                                         "piece_units": [sorted(span_units[s]) for s in pieces],
                                         "text": [lines_text[n - 1] for n in range(ls[0], ls[-1] + 1)]})
    wrong_joins = sum(1 for u in span_units.values() if len({x for x in u if x[0] == "n"}) > 1)

    kinds: dict[str, list[int]] = {}
    for e in case.events:
        if e["kind"] not in EXPECTED:
            continue
        o = {("o", i) for i in e["old"]}
        n = {("n", j) for j in e["new"]}
        touching = [en for en in entries if en[1] & o or en[2] & n]
        mine = {(x, y) for x, y in links if x in o or y in n}
        links_ok = mine == {(x, y) for x in o for y in n}
        status_ok = len(touching) == 1 and touching[0][1] == o and touching[0][2] == n \
            and touching[0][0] == EXPECTED[e["kind"]]
        row = kinds.setdefault(e["kind"], [0, 0, 0])
        row[0] += 1
        row[1] += links_ok
        row[2] += status_ok
        if not links_ok:
            failures["pair"].append(_example(case, pred, entries, e))
        if e["kind"] in ("insert", "delete") and not status_ok:
            failures["ar"].append(_example(case, pred, entries, e))
    # added/removed entries on items that were neither inserted nor deleted
    for tag, u in sorted(pred_ar - truth_ar, key=str):
        failures["ar"].append({"false": tag, "unit": u, **_unit_text(case, pred, u)})

    heads = None
    if pred.headings is not None:
        matched = set(pred.headings)
        renamed = [e for e in case.events if e["kind"] == "renamed"]
        ok = sum(1 for e in renamed if (2 * e["old"][0] + 1, case.new_lines[e["new"][0]][0]) in matched)
        heads = ok / len(renamed) if renamed else 1.0
    metrics = {
        "pair_f1": pair_f1, "pair_p": pair_p, "pair_r": pair_r,
        "ar_f1": ar_f1, "ar_p": ar_p, "ar_r": ar_r,
        "moved": found / len(moved_events) if moved_events else 1.0, "false_moves": false_moves,
        "noise": listed / len(case.noise_lines) if case.noise_lines else 1.0,
        "text_removed": text_removed,
        "rejoined": rejoined / len(case.broken) if case.broken else 1.0, "wrong_joins": wrong_joins,
        "renamed_headings": heads if heads is not None else float("nan"),
        "old_ok": float(pred.old_ok), "seconds": pred.seconds,
    }
    return Score(metrics, kinds, failures)


def _unit_text(case: Case, pred: Prediction, u) -> dict:
    if u[0] == "o":
        return {"old_text": case.old_items[u[1]].text}
    if u[0] == "n":
        return {"new_text": case.new_items[u[1]].text, "new_lines": case.new_lines[u[1]]}
    return {"spurious_line": u[2], "text": pred.texts.get(next((s for s in pred.texts if s[0] == u[2]), None), "")}


def _example(case: Case, pred: Prediction, entries, e) -> dict:
    o = {("o", i) for i in e["old"]}
    n = {("n", j) for j in e["new"]}
    got = [{"status": st, "old": sorted(x[1] for x in ua if x[0] == "o"),
            "new": sorted(x[1] for x in ub if x[0] == "n"),
            "other": sorted(x for x in ua | ub if x[0] == "x")}
           for st, ua, ub, _, _ in entries if ua & o or ub & n]
    return {"kind": e["kind"], "expected": EXPECTED[e["kind"]], "old": e["old"], "new": e["new"],
            "old_text": [case.old_items[i].text for i in e["old"]],
            "new_text": [case.new_items[j].text for j in e["new"]],
            "new_lines": [case.new_lines[j] for j in e["new"]], "predicted": got}


# ------------------------------------------------------------------ report


def run(fixture, seeds, edit_rate: float, outdir, header: str = HEADER):
    """Cases and the scores of the tool and of the naive baseline, one per seed."""
    rows = []
    for seed in seeds:
        case = make_case(fixture, seed, edit_rate, outdir, header=header)
        rows.append((case, score(case, predict_tool(case)), score(case, predict_naive(case))))
    return rows


def medians(scores: list[Score]) -> dict[str, float]:
    keys = scores[0].metrics
    return {k: statistics.median(s.metrics[k] for s in scores) for k in keys}


def pooled(scores: list[Score]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for s in scores:
        for k, row in s.kinds.items():
            acc = out.setdefault(k, [0, 0, 0])
            for x in range(3):
                acc[x] += row[x]
    return out


def _short(t: str, n: int = 90) -> str:
    return t if len(t) <= n else t[: n // 2] + " … " + t[-n // 2 + 3:]


def report(fixture, rows, edit_rate: float, examples: int) -> None:
    cases = [r[0] for r in rows]
    tool = [r[1] for r in rows]
    naive = [r[2] for r in rows]
    mt, mn = medians(tool), medians(naive)
    c0 = cases[0]
    n_par = sum(1 for it in c0.old_items if it.kind == "p")
    n_head = len(c0.old_items) - n_par
    print(f"\n== {Path(fixture).name}: OLD {n_par} paragraphs + {n_head} headings; edit rate {edit_rate}; "
          f"seeds {', '.join(str(c.seed) for c in cases)} (medians)")
    ev = pooled(tool)
    print("   per case (median): " + ", ".join(
        f"{k} {statistics.median(sum(1 for e in c.events if e['kind'] == k) for c in cases):g}"
        for k in KIND_ORDER if k != "same") + f", renamed headings "
        f"{statistics.median(sum(1 for e in c.events if e['kind'] == 'renamed') for c in cases):g}; "
        f"{statistics.median(len(c.noise_lines) for c in cases):g} noise lines, "
        f"{statistics.median(len(c.broken) for c in cases):g} broken paragraphs, "
        f"wrap {statistics.median(c.wrap for c in cases):g} chars")
    if not all(s.metrics["old_ok"] for s in tool):
        print("   WARNING: OLD did not load back as the items written (line mapping is off)")

    def line(label, key, target=None, fmt="{:.3f}"):
        t = f">= {target:g}" if target is not None else ""
        ok = "" if target is None else ("  ok" if mt[key] >= target else "  MISSED")
        print(f"   {label:<34}{t:<10}{fmt.format(mt[key]):>8}{fmt.format(mn[key]):>9}{ok}")

    print(f"   {'metric':<34}{'target':<10}{'tool':>8}{'naive':>9}")
    line("pair F1", "pair_f1", TARGETS["pair_f1"])
    line("  pair precision", "pair_p")
    line("  pair recall", "pair_r")
    line("added/removed F1", "ar_f1", TARGETS["ar_f1"])
    line("  added/removed precision", "ar_p")
    line("  added/removed recall", "ar_r")
    line("moved found and labelled moved", "moved", TARGETS["moved"])
    line("  false moves (count)", "false_moves", None, "{:g}")
    line("noise lines listed as removed", "noise", TARGETS["noise"])
    line("  text lines removed (count)", "text_removed", None, "{:g}")
    line("broken paragraphs re-joined", "rejoined", TARGETS["rejoined"])
    line("  wrong joins (count)", "wrong_joins", None, "{:g}")
    line("renamed headings matched", "renamed_headings")
    line("compare seconds", "seconds", None, "{:.2f}")
    print("   tool per seed (pair F1, added/removed F1, moved, noise, re-joined): " + "; ".join(
        f"{c.seed}: " + " ".join(f"{s.metrics[k]:.3f}" for k in TARGETS) for c, s in zip(cases, tool)))
    en = pooled(naive)
    print("   per kind, pooled over seeds: n, links exact, status exact  (tool | naive)")
    for k in KIND_ORDER:
        if k not in ev:
            continue
        n, lk, st = ev[k]
        _, lk2, st2 = en[k]
        print(f"     {k:<10}{n:>4}   {lk / n:6.1%} {st / n:6.1%}   | {lk2 / n:6.1%} {st2 / n:6.1%}"
              f"   (expected status: {EXPECTED[k]})")
    if examples:
        for name, target in (("pair", "pair_f1"), ("ar", "ar_f1"), ("moved", "moved"), ("noise", "noise"),
                             ("rejoined", "rejoined")):
            fails = [(c, f) for c, s in zip(cases, tool) for f in s.failures[name]]
            if not fails:
                continue
            print(f"   -- failing examples: {name} ({len(fails)} over all seeds; first {examples})")
            for c, f in fails[:examples]:
                print(f"      [seed {c.seed}] " + _describe(f))


def _describe(f: dict) -> str:
    if "kind" in f:
        olds = " + ".join(_short(t, 70) for t in f["old_text"]) or "-"
        news = " + ".join(_short(t, 70) for t in f["new_text"]) or "-"
        got = "; ".join(f"{g['status']} old{g['old']} new{g['new']}{' spurious' + str(g['other']) if g['other'] else ''}"
                        for g in f["predicted"]) or "nothing"
        return (f"{f['kind']} old{f['old']} -> new{f['new']} lines {f['new_lines']}: expected {f['expected']}, "
                f"got {got}\n         OLD: {olds}\n         NEW: {news}")
    if "false" in f:
        what = f.get("old_text") or f.get("new_text") or f.get("text", "")
        where = f" lines {f['new_lines']}" if "new_lines" in f else (
            f" spurious line {f['spurious_line']}" if "spurious_line" in f else "")
        return f"false {f['false']} {f['unit'][:2]}{where}: {_short(what, 100)}"
    if "pieces" in f:
        return (f"new{f['new']} lines {f['lines'][0]}-{f['lines'][-1]} came out as {f['pieces']} "
                f"(units {f['piece_units']})\n         " + "\n         ".join(_short(t, 80) for t in f["text"]))
    return f"noise line {f['line']} {f['text']!r} kept; before {f['before']!r} after {f['after']!r}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", type=int, default=5, help="seeds 0..N-1 (default 5)")
    ap.add_argument("--edit-rate", type=float, default=0.25)
    ap.add_argument("--fixture", action="append", default=None,
                    help="OLD report (repeatable; default fixtures/baotou-2022.txt); 'all' for the three")
    ap.add_argument("--examples", type=int, default=0, help="print N failing examples per metric")
    ap.add_argument("--out", default=None, help="keep the generated files and truth here")
    ap.add_argument("--header", default=HEADER, help="running header line of the page breaks")
    args = ap.parse_args(argv)
    fixtures = args.fixture or [str(DEFAULT_FIXTURE)]
    if fixtures == ["all"]:
        fixtures = [str(f) for f in ALL_FIXTURES]
    print("command: .venv/bin/python benchmarks/synth.py " + shlex.join(sys.argv[1:] if argv is None else argv))
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="synth-") as tmp:
        out = args.out or tmp
        for fx in fixtures:
            rows = run(fx, range(args.seeds), args.edit_rate, out, args.header)
            report(fx, rows, args.edit_rate, args.examples)
    print(f"\n({time.perf_counter() - t0:.1f} s in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
