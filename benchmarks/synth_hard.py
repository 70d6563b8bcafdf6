"""A harder synthetic alignment benchmark (issue #16), independent of ``benchmarks/synth.py``.

``synth.py`` was written with the aligner and shares its assumptions (Chinese fixtures the
aligner was tuned on, word-level edits only, two-way merges, one page-chrome style).  This
generator was written apart from it and from the cleaner's rules, to measure what it does on
inputs it was not shaped for.

Sources (never the fixtures, never a report of the held-out test split of
``tests/labels/alignment``: Hong Kong 2019/2020, Hubei, Hunan):

- English: Hong Kong budget speeches (``../shared/corpus/hk-budget``; 2013 and 2015 are
  skipped for their 32k-character junk line, 2012 and 2014 serve as donors only: 2012 has
  8,000-character paragraphs, 2014 a one-heading outline);
- Chinese: the 2026 provincial reports (``../shared/corpus/provinces-2026``).

OLD is a source loaded with ``reportdiff.load`` and written one item (heading or paragraph) per
line with a blank line between, so OLD item k is on line 2k+1.

NEW applies edits to ``--edit-rate`` of OLD's paragraphs after the first heading (``EDIT_MIX``
gives the shares of the edited paragraphs):

- ``word``: 1-3 words replaced, inserted or deleted (one more per 400 characters), the words
  taken from other reports of the same language;
- ``reword``: whole sentences reworded: 1 sentence (2 in paragraphs of 6+ sentences) replaced by
  a sentence of another report of the same language (another province, another Hong Kong year)
  that shares the most content words (English) or character bigrams (Chinese) with it while
  being a different sentence (character ratio < 0.6).  At most half of the paragraph is
  replaced; the truth is ``changed``;
- ``merge``: 3 or 4 consecutive paragraphs of one section written as one (English parts joined
  by a space; a leading paragraph number ``12.`` of a later part dropped);
- ``split``: a paragraph cut at sentence ends into 2 or 3 parts (each part 20+ characters in
  Chinese, 60+ in English);
- ``move`` / ``move_edit``: a paragraph moved into a different top-level section (the level-1
  section of OLD's outline), at least ``MIN_MOVE`` paragraphs away; ``move_edit`` also gets a
  word edit;
- ``insert``: paragraphs of other reports of the same language that share little with OLD
  (English: word-bigram Dice < 0.2 and character ratio < 0.5 against every OLD paragraph;
  Chinese: character-bigram Dice < 0.35 and ratio < 0.4);
- ``delete``; ``renamed`` headings (``--edit-rate`` of them: one word replaced or added, the
  numbering kept).

Variant ``--variant no-headings``: the same edits, but headings are dropped from OLD and NEW
(documents with no structure at all).

Layout noise, NEW only, in styles the cleaner has not been shown (one choice per file):

- page chrome at page breaks: a footer (``— 7 —``, ``Page 7 of 40``, ``·7·``, ``第 7 页 共 40 页``,
  a bare ``7``; never synth.py's ``- 7 -``) and/or a header (``HONG KONG BUDGET 2018-19    Page
  7``, the document title with a date ``2018-19 Budget Speech | 28 February 2018``,
  ``2026年四川省人民政府工作报告（2026年1月）``); laid out ``tight`` (no blank line around the
  chrome) or with blank lines; breaks inside 15% of the long paragraphs (never right after a
  sentence end, so the text shows the paragraph goes on) and between 5% of paragraph pairs;
- footnote markers glued to words (``growth¹``, ``growth*``, ``增长[1]``, ``增长①``) in 6% of the
  paragraphs, with their footnote lines (``¹ Source: Census and Statistics Department.``,
  ``[1] 数据来源：省统计局。``) at the bottom of the page (before the next page break, or at the end
  of the document);
- notes of the audience on a line of their own after 5% (English) / 2% (Chinese) of the
  paragraphs: ``[Applause.]``, ``(Laughter)``, ``（掌声）``;
- hard wraps of half the paragraphs at one width per file (English 64-90 characters at spaces;
  Chinese 28-40 full-width characters, Latin words and numbers unbroken, no line starting
  with closing punctuation).

Ground truth, per case: for each NEW item the OLD items it comes from and the edit kind, its
physical text lines; the injected noise lines with their kind (chrome, footnote, applause);
the NEW paragraphs written on several lines; the sentences replaced in reworded paragraphs.

Scorer (``reportdiff.compare(old_file, new_file)``; ``Comparison.new.removed`` lists the lines the
cleaner dropped).  Every predicted paragraph is mapped to the truth items whose text lines its
line span covers (a span over noise lines only is a spurious item).  Metrics:

- pair F1 over (old item, new item) links of all entries but added/removed (heading-heading
  links ignored), against the truth links (splits and merges give several);
- added/removed F1 over the items of added/removed entries (spurious items count as false);
- move recall: moved paragraphs linked to their origin by an entry with status ``moved``; false
  moves: NEW items in ``moved`` entries that were not moved;
- noise removed: share of injected noise lines inside ``new.removed``; text lines removed by
  mistake (count); footnote markers left in the paragraph text (share, information only);
- re-joined: NEW paragraphs written on several lines that come out as exactly one paragraph
  spanning their first to last text line; wrong joins (predicted paragraphs holding several
  truth items);
- merge recall (3-4 parts) and split recall (2-3 parts): one entry holds exactly the parts,
  status ``merged`` / ``split``;
- reworded paragraphs paired: one entry holds exactly the OLD and the NEW paragraph (status
  ``changed``); reworded sentences linked: the tool's sentence pairs link the replaced OLD
  sentence to its new sentence (information: the donor sentence is a different sentence, and
  the tool's sentence threshold is a character ratio of 0.5);
- per kind (pooled over cases): links exact and status exact, as in synth.py.

The naive baseline splits both files on blank lines (no cleaning, no re-joining), runs
``difflib.SequenceMatcher`` over the chunk lists, pairs equal chunks and, inside replaced
blocks, chunks with ``ratio() >= 0.5`` greedily; it is scored the same way.

Run from the project root (medians over sources x seeds for each language and variant):
    .venv/bin/python benchmarks/synth_hard.py [--seeds 5] [--edit-rate 0.25] [--lang zh en]
        [--variant headings no-headings] [--source PATH ...] [--examples N] [--out DIR] [--json F]
"""

from __future__ import annotations

import argparse
import difflib
import json
import logging
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

CORPUS = ROOT.parent / "shared" / "corpus"
HK = CORPUS / "hk-budget"
PROV = CORPUS / "provinces-2026"
HELD_OUT = {"2019.txt", "2020.txt", "hubei.txt", "hunan.txt"}  # test split of tests/labels/alignment
HK_SKIP = {"2013.txt", "2015.txt"}  # 32k-character junk line
HK_DONOR_ONLY = {"2012.txt", "2014.txt"}
DEFAULT_SOURCES = {"en": [HK / "2018.txt", HK / "2021.txt"], "zh": [PROV / "sichuan.txt", PROV / "guangdong.txt"]}

EDIT_MIX = (("word", 0.15), ("reword", 0.20), ("merge", 0.15), ("split", 0.10), ("move", 0.10),
            ("move_edit", 0.05), ("insert", 0.125), ("delete", 0.125))
EXPECTED = {"same": "equal", "word": "changed", "reword": "changed", "move": "moved", "move_edit": "moved",
            "merge": "merged", "split": "split", "insert": "added", "delete": "removed"}
KIND_ORDER = ("same", "word", "reword", "move", "move_edit", "split", "merge", "insert", "delete")
TARGETS = {"pair_f1": 0.98, "ar_f1": 0.95, "moved": 0.95, "noise": 0.95, "rejoined": 0.95}
MIN_MOVE = 5
WRAP_SHARE = 0.5
BREAK_INSIDE = 0.15
BREAK_BETWEEN = 0.05
MARKER_SHARE = 0.06
APPLAUSE_SHARE = {"en": 0.05, "zh": 0.02}

# ------------------------------------------------------------------ text helpers (own rules)

_ZH_END = "。！？"
_EN_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|No|St|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
                        r"e\.g|i\.e|cf|approx|Co|Ltd|Inc)|\b[A-Z])\.$")
_EN_SPLIT = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9$])")
_STOP = set("the and for that with this from have has are was were will would shall been being into our "
            "their its not but also which these those they them there than more most such other per cent "
            "over under all can may should about between year years government hong kong".split())


def sentences(text: str, lang: str) -> list[str]:
    """Sentences whose concatenation is the text (English: the space stays at the sentence end)."""
    if lang == "zh":
        out, start, i = [], 0, 0
        while i < len(text):
            if text[i] in _ZH_END:
                j = i + 1
                while j < len(text) and text[j] in "”’」』）":
                    j += 1
                out.append(text[start:j])
                start = i = j
                continue
            i += 1
        if start < len(text):
            out.append(text[start:])
        return out
    out, start = [], 0
    for m in _EN_SPLIT.finditer(text):
        if _EN_ABBREV.search(text[start:m.start() + 1].rstrip("\"')]")):
            continue
        out.append(text[start:m.end()])
        start = m.end()
    out.append(text[start:])
    return [s for s in out if s]


def en_words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z][A-Za-z'-]*", text)


def content_keys(text: str, lang: str) -> frozenset:
    if lang == "zh":
        t = re.sub(r"[^\u4e00-\u9fff]", "", text)
        return frozenset(t[i:i + 2] for i in range(len(t) - 1))
    return frozenset(w.lower() for w in en_words(text) if len(w) >= 3 and w.lower() not in _STOP)


def dice(a: frozenset, b: frozenset) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


def word_bigrams(text: str) -> frozenset:
    w = [x.lower() for x in en_words(text)]
    return frozenset(zip(w, w[1:]))


def char_bigrams(text: str) -> frozenset:
    return frozenset(text[i:i + 2] for i in range(len(text) - 1))


@lru_cache(maxsize=None)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    return tk


_CJK_WORD = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_EN_WORD = re.compile(r"^[A-Za-z]{3,}$")


def tokens(text: str, lang: str) -> list[str]:
    if lang == "zh":
        return _jieba().lcut(text, HMM=False)
    return re.findall(r"\S+|\s+", text)


def word_edit(text: str, rng: random.Random, vocab, n_ops: int, lang: str) -> str:
    toks = tokens(text, lang)
    ok = _CJK_WORD if lang == "zh" else _EN_WORD
    sep = [] if lang == "zh" else [" "]
    for _ in range(n_ops):
        cand = [k for k, w in enumerate(toks) if ok.match(w)]
        if not cand:
            break
        k = rng.choice(cand)
        op = rng.choice(("replace", "replace", "insert", "delete"))
        if op == "replace":
            toks[k] = rng.choice(vocab)
        elif op == "insert":
            toks[k:k] = [rng.choice(vocab)] + sep
        elif len(cand) > 3:
            del toks[k]
            if lang == "en" and k < len(toks) and toks[k].isspace():
                del toks[k]
    return "".join(toks)


# ------------------------------------------------------------------ sources and donors


@lru_cache(maxsize=None)
def load(path: str):
    return reportdiff.load(path)


def language_of(path: Path) -> str:
    return "en" if path.parent.name == "hk-budget" else "zh"


def donor_paths(source: Path) -> list[Path]:
    if language_of(source) == "en":
        return [p for p in sorted(HK.glob("*.txt")) if p.name not in HK_SKIP | HELD_OUT and p != source]
    return [p for p in sorted(PROV.glob("*.txt")) if p.name not in HELD_OUT and p != source]


@dataclass
class Item:
    kind: str  # "h" heading, "p" paragraph
    text: str
    src: tuple[int, ...]
    edit: str
    top: int = -1  # OLD level-1 section the item stands in (for a NEW item: of its origin)
    level: int = 0
    glued: bool = False  # a later part of a split: nothing may go between it and the part before
    reworded: list = field(default_factory=list)  # (old sentence, new sentence)


def document_items(doc) -> list[Item]:
    rows = []
    for s in doc.root.walk():
        if s.heading:
            rows.append((s.heading.lines.first, 0, Item("h", s.heading.text, (), "heading", level=s.level)))
        for p in s.paragraphs:
            rows.append((p.lines.first, 1, Item("p", p.text, (), "same")))
    rows.sort(key=lambda r: (r[0], r[1]))
    items = [r[2] for r in rows]
    top = -1
    for k, it in enumerate(items):
        it.src = (k,)
        if it.kind == "h" and it.level == 1:
            top += 1
        it.top = top
    return items


@dataclass
class Donors:
    paragraphs: tuple[str, ...]  # share little with OLD: insertions
    sentences: tuple[tuple[str, frozenset], ...]  # for rewording
    vocab: tuple[str, ...]


@lru_cache(maxsize=None)
def donors(source: str) -> Donors:
    src = Path(source)
    lang = language_of(src)
    old = [p.text for p in load(source).paragraphs]
    old_norm = {re.sub(r"\s+", "", s) for t in old for s in sentences(t, lang)}
    grams = word_bigrams if lang == "en" else char_bigrams
    limit_dice, limit_ratio = (0.2, 50) if lang == "en" else (0.35, 40)
    old_grams = [grams(t) for t in old]
    paras, sents, vocab = [], [], set()
    for k, path in enumerate(donor_paths(src)):
        doc = load(str(path))
        for p in doc.paragraphs:
            t = p.text
            for s in sentences(t, lang):
                s = _LABEL.sub("", s.strip())
                if re.search(r"\d\.[A-Z(]|[.;:]\([a-z]{1,4}\)", s):
                    continue  # paragraphs glued together in the donor's text
                n = len(s)
                if (20 <= n <= 300 if lang == "zh" else 60 <= n <= 500) and re.sub(r"\s+", "", s) not in old_norm:
                    if lang == "en" and (not s[0].isupper() or s[-1] not in ".!?"):
                        continue
                    if lang == "zh" and s[-1] not in _ZH_END:
                        continue
                    sents.append((s, content_keys(s, lang)))
            if k < 3:  # insertions and vocabulary from the first three donors
                if lang == "en":
                    vocab.update(w for w in en_words(t) if _EN_WORD.match(w) and w.islower())
                if p.section_id != "0" and (60 if lang == "zh" else 150) <= len(t) <= (700 if lang == "zh" else 1200):
                    g = grams(t)
                    if all(dice(g, og) < limit_dice for og in old_grams) and \
                            all(fuzz.ratio(t, o, score_cutoff=limit_ratio) == 0 for o in old):
                        paras.append(t)
    if lang == "zh":
        for path in donor_paths(src)[:3]:
            for p in load(str(path)).paragraphs:
                vocab.update(w for w in _jieba().lcut(p.text, HMM=False) if _CJK_WORD.match(w))
    return Donors(tuple(paras), tuple(sents), tuple(sorted(vocab)))


def reword(text: str, rng: random.Random, don: Donors, lang: str) -> tuple[str, list] | None:
    """Replace 1 (2 in paragraphs of 6+ sentences) sentences by donor sentences on the same topic."""
    sents = sentences(text, lang)
    if len(sents) < 2:
        return None
    want = 2 if len(sents) >= 6 else 1
    order = list(range(len(sents)))
    rng.shuffle(order)
    done, budget = [], len(text) / 2
    for i in order:
        s = sents[i]
        label = _LABEL.match(s) if i == 0 else None
        prefix = label.group() if label else ""
        core = s[len(prefix):].rstrip()
        tail = s[len(prefix) + len(core):]
        if len(core) > budget or len(core) < (12 if lang == "zh" else 40):
            continue
        keys = content_keys(core, lang)
        if not keys:
            continue
        scored = []
        for cand, ck in don.sentences:
            if not 0.5 <= len(cand) / len(core) <= 2.0:
                continue
            d = dice(keys, ck)
            if d > 0:
                scored.append((d, cand))
        scored.sort(reverse=True)
        picks = [c for _, c in scored[:40] if fuzz.ratio(c, core) < 60][:5]
        if not picks:
            continue
        new = rng.choice(picks)
        sents[i] = prefix + new + tail
        done.append((core, new))
        budget -= len(core)
        if len(done) == want:
            break
    if not done:
        return None
    return "".join(sents), done


_LABEL = re.compile(r"^(?:\d{1,3}\.|\([a-z]{1,4}\)|[（(][一二三四五六七八九十\d]{1,3}[）)])")


def split_points(text: str, lang: str) -> list[int]:
    """Offsets of sentence ends where both sides are long enough."""
    least = 20 if lang == "zh" else 60
    out, pos = [], 0
    for s in sentences(text, lang)[:-1]:
        pos += len(s)
        if pos >= least and len(text) - pos >= least:
            out.append(pos)
    return out


_CN_MARK = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}[章部分、])")


def rename_heading(text: str, rng: random.Random, vocab, lang: str) -> str:
    if lang == "zh":
        m = _CN_MARK.match(text)
        prefix, body = (m.group(), text[m.end():]) if m else ("", text)
        for _ in range(10):
            new = word_edit(body, rng, vocab, rng.choice((1, 2)), lang)
            if new != body and new:
                return prefix + new
        return prefix + body + rng.choice(vocab)
    words_ = text.split()
    cap = rng.choice(vocab).capitalize()
    k = [i for i, w in enumerate(words_) if len(w) > 3]
    if k and rng.random() < 0.6:
        words_[rng.choice(k)] = cap
        return " ".join(words_)
    return text + " and " + cap


_PARNUM = re.compile(r"^\d{1,3}\.(?=\S)")


# ------------------------------------------------------------------ edits


def build_new(old: list[Item], rng: random.Random, edit_rate: float, don: Donors, lang: str):
    first_heading = next(k for k, it in enumerate(old) if it.kind == "h")
    shortest = 20 if lang == "zh" else 60  # shorter "paragraphs" are mostly headings the outline missed
    eligible = [k for k, it in enumerate(old) if it.kind == "p" and k > first_heading and len(it.text) >= shortest]
    n_edit = max(8, round(edit_rate * len(eligible)))
    counts = {kind: max(1, round(share * n_edit)) for kind, share in EDIT_MIX}
    counts["merge"] = max(1, round(counts["merge"] / 3.5))
    used: set[int] = set()
    plan: dict[int, str] = {}
    merges: dict[int, int] = {}  # first item -> parts
    elig = set(eligible)

    cands = list(eligible)
    rng.shuffle(cands)
    for k in cands:
        if len(merges) == counts["merge"]:
            break
        m = rng.choice((3, 4))
        run = list(range(k, k + m))
        if all(j in elig and j not in used for j in run) and \
                all(old[j].top == old[k].top for j in run) and k - 1 not in merges:
            used.update(run)
            merges[k] = m

    def pick(cands: list[int], n: int) -> list[int]:
        cands = [k for k in cands if k not in used]
        chosen = rng.sample(cands, min(n, len(cands)))
        used.update(chosen)
        return sorted(chosen)

    for k in pick([k for k in eligible if split_points(old[k].text, lang)], counts["split"]):
        plan[k] = "split"
    rew: dict[int, tuple[str, list]] = {}
    rcands = [k for k in eligible if k not in used and len(sentences(old[k].text, lang)) >= 2]
    rng.shuffle(rcands)
    for k in rcands:
        if len(rew) == counts["reword"]:
            break
        r = reword(old[k].text, rng, don, lang)
        if r:
            rew[k] = r
            plan[k] = "reword"
            used.add(k)
    for kind in ("word", "move", "move_edit", "delete"):
        for k in pick([k for k in eligible if len(old[k].text) >= 20], counts[kind]):
            plan[k] = kind
    headings = [k for k, it in enumerate(old) if it.kind == "h"]
    renamed = set(rng.sample(headings, max(1, round(edit_rate * len(headings)))))

    seq: list[Item] = []
    moving: list[tuple[Item, int]] = []
    k = 0
    joiner = "" if lang == "zh" else " "
    while k < len(old):
        it = old[k]
        kind = plan.get(k, "")
        if it.kind == "h":
            text = rename_heading(it.text, rng, don.vocab, lang) if k in renamed else it.text
            seq.append(Item("h", text, (k,), "renamed" if k in renamed else "heading", it.top, it.level))
        elif k in merges:
            m = merges[k]
            parts = [old[k].text] + [_PARNUM.sub("", old[j].text) if lang == "en" else old[j].text
                                     for j in range(k + 1, k + m)]
            seq.append(Item("p", joiner.join(parts), tuple(range(k, k + m)), "merge", it.top))
            k += m
            continue
        elif kind == "split":
            pts = split_points(it.text, lang)
            n = 3 if len(pts) >= 3 and rng.random() < 0.5 else 2
            cuts = sorted(rng.sample(pts, n - 1))
            bounds = [0] + cuts + [len(it.text)]
            for b in range(n):
                seq.append(Item("p", it.text[bounds[b]:bounds[b + 1]].strip(), (k,), "split", it.top, glued=b > 0))
        elif kind == "reword":
            seq.append(Item("p", rew[k][0], (k,), "reword", it.top, reworded=rew[k][1]))
        elif kind == "word":
            seq.append(Item("p", word_edit(it.text, rng, don.vocab, 1 + rng.randint(0, 2) + len(it.text) // 400,
                                           lang), (k,), "word", it.top))
        elif kind in ("move", "move_edit"):
            text = it.text if kind == "move" else word_edit(it.text, rng, don.vocab, 1 + rng.randint(0, 1), lang)
            moving.append((Item("p", text, (k,), kind, it.top), sum(1 for x in seq if x.kind == "p")))
        elif kind == "delete":
            pass
        else:
            seq.append(Item("p", it.text, (k,), "same", it.top))
        k += 1

    start = next(j for j, it in enumerate(seq) if it.kind == "h")

    def positions() -> list[int]:
        return [t for t in range(start + 1, len(seq) + 1) if t == len(seq) or not seq[t].glued]

    cross = 0
    for item, origin in moving:
        far, across = [], []
        for t in positions():
            before = sum(1 for x in seq[:t] if x.kind == "p" and x.edit not in ("move", "move_edit", "insert"))
            if abs(before - origin) < MIN_MOVE:
                continue
            far.append(t)
            if seq[t - 1].top != item.top:
                across.append(t)
        cross += bool(across)
        seq.insert(rng.choice(across or far), item)
    for text in rng.sample(list(don.paragraphs), min(len(don.paragraphs), counts["insert"])):
        t = rng.choice(positions())
        seq.insert(t, Item("p", text, (), "insert", seq[t - 1].top))

    events = []
    for j, it in enumerate(seq):
        if it.kind == "p" and it.edit == "split":
            if not it.glued:
                n = 1
                while j + n < len(seq) and seq[j + n].glued:
                    n += 1
                events.append({"kind": "split", "old": list(it.src), "new": list(range(j, j + n))})
        else:
            events.append({"kind": it.edit, "old": list(it.src), "new": [j]})
    for k, kind in sorted(plan.items()):
        if kind == "delete":
            events.append({"kind": "delete", "old": [k], "new": []})
    return seq, events, cross


# ------------------------------------------------------------------ layout noise


def _width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


_ATOM = re.compile(r"[0-9A-Za-z.%,]+|.", re.S)
_NO_START = set("，。、；：！？）”’》」』,.;:!?)%％")
_NO_END = set("（“‘《「『(")


def wrap(text: str, lang: str, width: int) -> list[str]:
    if lang == "en":
        lines, cur = [], ""
        for w in text.split(" "):
            if cur and len(cur) + 1 + len(w) > width:
                lines.append(cur)
                cur = w
            else:
                cur = f"{cur} {w}" if cur else w
        if cur:
            lines.append(cur)
        return lines
    lines, cur, w = [], "", 0
    for atom in _ATOM.findall(text):
        aw = sum(_width(c) for c in atom)
        if cur and w + aw > 2 * width and atom[0] not in _NO_START:
            carry = ""
            while cur and cur[-1] in _NO_END:
                carry, cur = cur[-1] + carry, cur[:-1]
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


_SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
FOOTNOTES = {
    "en": ["Source: Census and Statistics Department.", "Figures are provisional and subject to revision.",
           "In real terms, at constant market prices.", "Including the Housing Reserve.",
           "Excluding the one-off relief measures announced in this Budget.",
           "Based on the latest estimate of the Hong Kong Monetary Authority.",
           "The figure refers to the financial year ending 31 March.", "Rounded to the nearest million."],
    "zh": ["数据来源：省统计局。", "按可比价格计算。", "为快报数，最终以统计年鉴为准。", "不含政府性基金收入。",
           "同比增速按可比口径计算。", "含中央转移支付资金。", "指规模以上工业企业。", "截至2025年底的数据。"],
}
APPLAUSE = {"en": ["[Applause.]", "(Applause)", "[Laughter.]", "(Laughter)", "[Applause]"],
            "zh": ["（掌声）", "（热烈掌声）", "（长时间热烈掌声）"]}


def chrome_style(rng: random.Random, lang: str, title: str, year: str) -> dict:
    """Footer and header templates, each with a label that names it apart from the title."""
    if lang == "en":
        footers = [None, "— {n} —", "Page {n} of {N}", "{n}", "·{n}·"]
        tag = f"HONG KONG BUDGET {year}" if year else title.upper()
        headers = [None, (tag + "    Page {n}", "HONG KONG BUDGET <year>    Page {n}"),
                   (f"{title} | 28 February {year[:4] or '2018'}", "<title> | <date>"),
                   (f"{title} — Budget Speech", "<title> — Budget Speech")]
    else:
        footers = [None, "— {n} —", "第 {n} 页 共 {N} 页", "·{n}·", "{n}"]
        headers = [None, (f"{title}（2026年1月）", "<title>（2026年1月）"), (f"{title}    第 {{n}} 页", "<title>    第 {n} 页"),
                   ("政 府 工 作 报 告", "政 府 工 作 报 告")]
    while True:
        f, h = rng.choice(footers), rng.choice(headers)
        if f or h:
            break
    if h and "{n}" in h[0] and f and "{n}" in f:
        f = None
    return {"footer": f, "header": h[0] if h else None, "header_label": h[1] if h else None,
            "tight": rng.random() < 0.5}


def marker_text(style: str, n: int) -> str:
    if style == "sup":
        return str(n).translate(_SUP)
    if style == "star":
        return "*" * min(n, 3) if n <= 3 else f"*{n}"
    if style == "bracket":
        return f"[{n}]"
    return _CIRCLED[(n - 1) % len(_CIRCLED)]


def glue_marker(text: str, mark: str, rng: random.Random, lang: str) -> str:
    if lang == "en":
        spots = [m.end() for m in re.finditer(r"[A-Za-z]{4,}(?=[ ,;.])", text)]
    else:
        spots = [m.end() for m in re.finditer(r"[\u4e00-\u9fff](?=[，。；、])", text)]
    if not spots:
        return text + mark
    at = rng.choice(spots)
    return text[:at] + mark + text[at:]


@dataclass
class Layout:
    lines: list[str]
    item_lines: list[list[int]]
    noise: dict[int, str]  # line -> chrome / footnote / applause
    templates: dict[int, str]  # chrome line -> its template ("— {n} —", "header: …")
    broken: list[int]
    markers: list[tuple[int, str]]  # (NEW item, marker glued into its text)
    style: dict


def layout(seq: list[Item], rng: random.Random, lang: str, title: str, year: str) -> Layout:
    style = chrome_style(rng, lang, title, year)
    style["width"] = rng.randint(64, 90) if lang == "en" else rng.randint(28, 40)
    style["markers"] = rng.choice(("sup", "star")) if lang == "en" else rng.choice(("bracket", "circled", "star"))
    lines: list[str] = []
    item_lines: list[list[int]] = []
    noise: dict[int, str] = {}
    templates: dict[int, str] = {}
    paras = [j for j, it in enumerate(seq) if it.kind == "p"]
    pages_est = max(2, sum(len(seq[j].text) for j in paras) // (1600 if lang == "en" else 700))
    page = [rng.randint(1, 4)]
    total = page[0] + pages_est
    wrapped = set(rng.sample(paras, round(WRAP_SHARE * len(paras))))
    least = 250 if lang == "en" else 80
    long = [j for j in paras if len(seq[j].text) >= least]
    inside = set(rng.sample(long, round(BREAK_INSIDE * len(long))))
    marked = sorted(rng.sample(paras, max(2, round(MARKER_SHARE * len(paras)))))
    applause = set(rng.sample(paras, max(1, round(APPLAUSE_SHARE[lang] * len(paras)))))
    pending: list[str] = []
    markers: list[tuple[int, str]] = []
    n_mark = 0

    def add_noise(text: str, kind: str) -> None:
        lines.append(text)
        noise[len(lines)] = kind

    def page_break(within: bool) -> None:
        tight = style["tight"] and within
        if not tight:
            lines.append("")
        for note in pending:
            add_noise(note, "footnote")
        pending.clear()
        if style["footer"]:
            add_noise(style["footer"].format(n=page[0], N=total), "chrome")
            templates[len(lines)] = "footer " + style["footer"] + (" tight" if tight else "")
        page[0] += 1
        if style["header"]:
            if not tight:
                lines.append("")
            add_noise(style["header"].format(n=page[0], N=total), "chrome")
            templates[len(lines)] = "header " + style["header_label"] + (" tight" if tight else "")
        if not tight:
            lines.append("")

    start = next(j for j, it in enumerate(seq) if it.kind == "h") if any(it.kind == "h" for it in seq) else 0
    for j, it in enumerate(seq):
        if j:
            if j > start and it.kind == "p" and seq[j - 1].kind == "p" and rng.random() < BREAK_BETWEEN:
                page_break(False)
            else:
                lines.append("")
        text = it.text
        if j in marked:
            n_mark += 1
            mark = marker_text(style["markers"], n_mark)
            text = glue_marker(text, mark, rng, lang)
            markers.append((j, mark))
            note = FOOTNOTES[lang][(n_mark - 1) % len(FOOTNOTES[lang])]
            pending.append(f"{mark} {note}" if lang == "en" or style["markers"] != "bracket" else f"{mark}{note}")
        parts = wrap(text, lang, style["width"]) if j in wrapped else [text]
        cut = None
        if j in inside:
            def goes_on(s: str) -> bool:
                s = s.rstrip()
                return bool(s) and s[-1] not in ".!?:;。！？；：”’)）"
            if len(parts) > 1:
                ok = [b for b in range(1, len(parts)) if goes_on(parts[b - 1])]
                cut = rng.choice(ok) if ok else None
            else:
                if lang == "en":
                    ok = [m.start() for m in re.finditer(" ", text) if 80 <= m.start() <= len(text) - 40
                          and goes_on(text[:m.start()])]
                    if ok:
                        c = rng.choice(ok)
                        parts, cut = [text[:c], text[c + 1:]], 1
                else:
                    ok = [c for c in range(30, len(text) - 10) if goes_on(text[:c]) and text[c - 1] not in _NO_END
                          and text[c] not in _NO_START and not (text[c - 1].isalnum() and text[c].isascii()
                                                                and text[c].isalnum())]
                    if ok:
                        c = rng.choice(ok)
                        parts, cut = [text[:c], text[c:]], 1
        mine = []
        for b, part in enumerate(parts):
            if b and b == cut:
                page_break(True)
            lines.append(part)
            mine.append(len(lines))
        item_lines.append(mine)
        if j in applause:
            lines.append("")
            add_noise(rng.choice(APPLAUSE[lang]), "applause")
    if pending:
        lines.append("")
        for note in pending:
            add_noise(note, "footnote")
    broken = [j for j, it in enumerate(seq) if it.kind == "p" and len(item_lines[j]) > 1]
    return Layout(lines, item_lines, noise, templates, broken, markers, style)


# ------------------------------------------------------------------ cases


@dataclass
class Case:
    source: str
    lang: str
    variant: str
    seed: int
    old_path: str
    new_path: str
    old_items: list[Item]
    new_items: list[Item]
    lay: Layout
    events: list[dict]
    cross_moves: int

    @property
    def old_line(self) -> dict[int, int]:
        return {2 * k + 1: k for k in range(len(self.old_items))}

    @property
    def new_line(self) -> dict[int, int]:
        return {ln: k for k, ls in enumerate(self.lay.item_lines) for ln in ls}


def _title_year(doc) -> tuple[str, str]:
    title = doc.metadata.title or ("Budget Speech" if doc.language == "en" else "政府工作报告")
    m = re.search(r"(20\d\d-\d\d)", title)
    return title, m.group(1) if m else ""


def make_case(source: Path, seed: int, edit_rate: float, variant: str, outdir: Path) -> Case:
    lang = language_of(source)
    doc = load(str(source))
    old_full = document_items(doc)
    don = donors(str(source))
    rng = random.Random(f"hard:{source.name}:{seed}:{edit_rate}")
    seq, events, cross = build_new(old_full, rng, edit_rate, don, lang)
    title, year = _title_year(doc)
    if variant == "no-headings":
        keep = [k for k, it in enumerate(old_full) if it.kind == "p"]
        renum = {k: i for i, k in enumerate(keep)}
        old = [Item(it.kind, it.text, (renum[k],), it.edit, it.top) for k, it in enumerate(old_full) if it.kind == "p"]
        new_keep = [j for j, it in enumerate(seq) if it.kind == "p"]
        nrenum = {j: i for i, j in enumerate(new_keep)}
        seq = [seq[j] for j in new_keep]
        for it in seq:
            it.src = tuple(renum[k] for k in it.src)
        events = [{"kind": e["kind"], "old": [renum[k] for k in e["old"]], "new": [nrenum[j] for j in e["new"]]}
                  for e in events if e["kind"] not in ("heading", "renamed")]
    else:
        old = old_full
    lrng = random.Random(f"layout:{source.name}:{seed}:{edit_rate}:{variant}")
    lay = layout(seq, lrng, lang, title, year)
    outdir.mkdir(parents=True, exist_ok=True)
    stem = f"{source.parent.name}-{source.stem}-{variant}-s{seed}"
    old_path, new_path = outdir / f"{stem}-old.txt", outdir / f"{stem}-new.txt"
    old_path.write_text("\n\n".join(it.text for it in old) + "\n", encoding="utf-8")
    new_path.write_text("\n".join(lay.lines) + "\n", encoding="utf-8")
    case = Case(str(source), lang, variant, seed, str(old_path), str(new_path), old, seq, lay, events, cross)
    truth = {
        "source": str(source), "variant": variant, "seed": seed, "style": lay.style,
        "old": [{"line": 2 * k + 1, "kind": it.kind, "text": it.text} for k, it in enumerate(old)],
        "new": [{"lines": ls, "kind": it.kind, "from_old": list(it.src), "edit": it.edit, "text": it.text,
                 "reworded": it.reworded} for it, ls in zip(seq, lay.item_lines)],
        "noise_lines": lay.noise, "broken": lay.broken, "markers": lay.markers, "events": events,
    }
    (outdir / f"{stem}-truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return case


# ------------------------------------------------------------------ predictions


@dataclass
class Prediction:
    entries: list[tuple[str, list[tuple[int, int]], list[tuple[int, int]]]]
    new_paragraphs: list[tuple[int, int]]
    removed: list[tuple[int, int]]
    headings: list[tuple[int, int]] | None
    sentence_links: list[list[tuple[str, str, str]]]  # per entry: (status, old sentence, new sentence)
    texts: dict  # NEW span -> text
    seconds: float = 0.0
    old_ok: float = 1.0


def predict_tool(case: Case) -> Prediction:
    t0 = time.perf_counter()
    c = reportdiff.compare(case.old_path, case.new_path)
    seconds = time.perf_counter() - t0
    entries, sents = [], []
    for pp in c.paragraphs:
        entries.append((pp.status, [(p.lines.first, p.lines.last) for p in pp.a],
                        [(p.lines.first, p.lines.last) for p in pp.b]))
        row = []
        if pp.sentences and len(pp.a) == 1 and len(pp.b) == 1:
            sa, sb = pp.a[0].sentences, pp.b[0].sentences
            for sp in pp.sentences:
                if sp.a is not None and sp.b is not None:
                    row.append((sp.status, sa[sp.a], sb[sp.b]))
        sents.append(row)
    heads = [(sp.a.heading.lines.first, sp.b.heading.lines.first) for sp in c.sections
             if sp.a is not None and sp.b is not None and sp.a.heading and sp.b.heading]
    got = {(p.lines.first, p.text) for p in c.old.paragraphs if p.lines.first == p.lines.last}
    got |= {(s.heading.lines.first, s.heading.text) for s in c.old.sections}
    ok = sum((2 * k + 1, it.text) in got for k, it in enumerate(case.old_items)) / len(case.old_items)
    return Prediction(entries, [(p.lines.first, p.lines.last) for p in c.new.paragraphs],
                      [(r.lines.first, r.lines.last) for r in c.new.removed], heads, sents,
                      {(p.lines.first, p.lines.last): p.text for p in c.new.paragraphs}, seconds, ok)


def _chunks(path: str) -> list[tuple[str, int, int]]:
    out, cur, first = [], [], 0
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    for n, line in enumerate(lines, start=1):
        if line.strip():
            if not cur:
                first = n
            cur.append(line)
        elif cur:
            out.append(("\n".join(cur), first, n - 1))
            cur = []
    if cur:
        out.append(("\n".join(cur), first, len(lines)))
    return out


def predict_naive(case: Case) -> Prediction:
    t0 = time.perf_counter()
    ca, cb = _chunks(case.old_path), _chunks(case.new_path)
    pa, pb = [c[0] for c in ca], [c[0] for c in cb]
    pairs = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, pa, pb, autojunk=False).get_opcodes():
        if tag == "equal":
            pairs += [(i1 + d, j1 + d, "equal") for d in range(i2 - i1)]
        elif tag == "replace":
            cands = []
            for i in range(i1, i2):
                for j in range(j1, j2):
                    m = difflib.SequenceMatcher(None, pa[i], pb[j], autojunk=False)
                    if m.real_quick_ratio() >= 0.5 and m.quick_ratio() >= 0.5 and m.ratio() >= 0.5:
                        cands.append((-m.ratio(), i, j))
            ua, ub = set(), set()
            for _, i, j in sorted(cands):
                if i not in ua and j not in ub:
                    ua.add(i)
                    ub.add(j)
                    pairs.append((i, j, "changed"))
    ia, jb = {p[0] for p in pairs}, {p[1] for p in pairs}
    span = lambda c: (c[1], c[2])  # noqa: E731
    entries = [(st, [span(ca[i])], [span(cb[j])]) for i, j, st in sorted(pairs, key=lambda x: x[1])]
    entries += [("removed", [span(ca[i])], []) for i in range(len(ca)) if i not in ia]
    entries += [("added", [], [span(cb[j])]) for j in range(len(cb)) if j not in jb]
    return Prediction(entries, [span(c) for c in cb], [], None, [[] for _ in entries],
                      {span(c): c[0] for c in cb}, time.perf_counter() - t0)


def oracle(case: Case) -> Prediction:
    """The truth written as a prediction: the scorer must give it full marks."""
    entries = []
    for e in case.events:
        if e["kind"] in EXPECTED:
            entries.append((EXPECTED[e["kind"]], [(2 * i + 1, 2 * i + 1) for i in e["old"]],
                            [(case.lay.item_lines[j][0], case.lay.item_lines[j][-1]) for j in e["new"]]))
    sents = []
    for st, a, b in entries:
        row = []
        if st == "changed" and b:
            j = case.new_line[b[0][0]]
            row = [("changed", o, n) for o, n in case.new_items[j].reworded]
        sents.append(row)
    heads = [(2 * e["old"][0] + 1, case.lay.item_lines[e["new"][0]][0]) for e in case.events
             if e["kind"] in ("heading", "renamed")]
    paras = [(ls[0], ls[-1]) for it, ls in zip(case.new_items, case.lay.item_lines) if it.kind == "p"]
    return Prediction(entries, paras, [(n, n) for n in case.lay.noise], heads, sents, {})


# ------------------------------------------------------------------ scoring


def _f1(pred: set, truth: set) -> tuple[float, float, float]:
    tp = len(pred & truth)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(truth) if truth else 1.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def _norm(t: str) -> str:
    return re.sub(r"[\s¹²³⁴⁵⁶⁷⁸⁹⁰*①-⑳]|\[\d+\]", "", t)


@dataclass
class Score:
    metrics: dict[str, float]
    kinds: dict[str, list[int]]
    noise_kinds: dict[str, list[int]]
    failures: dict[str, list[dict]]
    same_causes: dict[str, int] = field(default_factory=dict)  # why untouched paragraphs are not "equal"


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
        items = case.old_items if u[0] == "o" else case.new_items if u[0] == "n" else None
        return items is not None and items[u[1]].kind == "h"

    entries = [(st, units(a, "o"), units(b, "n")) for st, a, b in pred.entries]
    links = set()
    for st, ua, ub in entries:
        if st not in ("added", "removed"):
            links |= {(x, y) for x in ua for y in ub if not (is_heading(x) and is_heading(y))}
    truth_links = {(("o", i), ("n", j)) for e in case.events if e["kind"] in EXPECTED
                   for i in e["old"] for j in e["new"]}
    pair_f1, pair_p, pair_r = _f1(links, truth_links)

    pred_ar = {("added", u) for st, _, ub in entries if st == "added" for u in ub if not is_heading(u)}
    pred_ar |= {("removed", u) for st, ua, _ in entries if st == "removed" for u in ua if not is_heading(u)}
    truth_ar = {("added", ("n", e["new"][0])) for e in case.events if e["kind"] == "insert"}
    truth_ar |= {("removed", ("o", e["old"][0])) for e in case.events if e["kind"] == "delete"}
    ar_f1, ar_p, ar_r = _f1(pred_ar, truth_ar)
    # the same without spurious items (noise lines kept as paragraphs, pieces of broken ones)
    ar_text = _f1({x for x in pred_ar if x[1][0] != "x"}, truth_ar)[0]

    failures: dict[str, list[dict]] = {k: [] for k in ("pair", "ar", "moved", "noise", "rejoined", "merge",
                                                       "split", "reword", "false_move", "same_status",
                                                       "text_removed")}
    moved_events = [e for e in case.events if e["kind"] in ("move", "move_edit")]
    moved_new = {("n", e["new"][0]) for e in moved_events}
    found = 0
    for e in moved_events:
        o, n = ("o", e["old"][0]), ("n", e["new"][0])
        if any(st == "moved" and o in ua and n in ub for st, ua, ub in entries):
            found += 1
        else:
            failures["moved"].append(_example(case, entries, e))
    false_moves = 0
    for st, ua, ub in entries:
        if st == "moved":
            bad = [u for u in ub if u not in moved_new]
            false_moves += len(bad)
            if bad:
                failures["false_move"].append({"false": "moved", "units": sorted(ua | ub, key=str),
                                               "texts": [_unit_text(case, pred, u) for u in sorted(ua | ub, key=str)]})

    removed_lines = {n for f, l in pred.removed for n in range(f, l + 1)}
    noise_kinds: dict[str, list[int]] = {}
    lines_text = case.lay.lines
    for n, kind in case.lay.noise.items():
        row = noise_kinds.setdefault(kind, [0, 0])
        row[0] += 1
        trow = noise_kinds.setdefault(case.lay.templates[n], [0, 0]) if n in case.lay.templates else None
        if trow is not None:
            trow[0] += 1
        if n in removed_lines:
            row[1] += 1
            if trow is not None:
                trow[1] += 1
        else:
            failures["noise"].append({"line": n, "kind": kind, "text": lines_text[n - 1],
                                      "before": lines_text[max(0, n - 3):n - 1], "after": lines_text[n:n + 2]})
    listed = sum(r[1] for r in noise_kinds.values())
    n_noise = sum(r[0] for r in noise_kinds.values())
    text_removed = sum(1 for n in new_at if n in removed_lines)
    for n in sorted(x for x in new_at if x in removed_lines):
        failures["text_removed"].append({"line": n, "kind": "text line", "text": lines_text[n - 1],
                                         "before": lines_text[max(0, n - 3):n - 1], "after": lines_text[n:n + 2]})

    span_units = {s: units([s], "n") for s in pred.new_paragraphs}
    rejoined = 0
    for j in case.lay.broken:
        ls = case.lay.item_lines[j]
        if any(u == frozenset({("n", j)}) and s == (ls[0], ls[-1]) for s, u in span_units.items()):
            rejoined += 1
        else:
            pieces = sorted(s for s, u in span_units.items() if ("n", j) in u)
            failures["rejoined"].append({"new": j, "lines": ls, "pieces": pieces,
                                         "piece_units": [sorted(span_units[s]) for s in pieces],
                                         "text": lines_text[ls[0] - 1:ls[-1]]})
    wrong_joins = sum(1 for u in span_units.values() if len({x for x in u if x[0] == "n"}) > 1)

    left = 0
    for j, mark in case.lay.markers:
        ls = case.lay.item_lines[j]
        texts = [t for s, t in pred.texts.items() if s[0] <= ls[-1] and s[1] >= ls[0]]
        left += any(mark in t for t in texts)

    kinds: dict[str, list[int]] = {}
    same_causes: dict[str, int] = {}
    merge_n = merge_ok = split_n = split_ok = rw_n = rw_ok = rs_n = rs_ok = 0
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
        if e["kind"] == "same" and not status_ok:
            if links_ok:
                failures["same_status"].append(_example(case, entries, e))
            j = e["new"][0]
            ls = case.lay.item_lines[j]
            spans = [b for (st, ua, ub), (_, _, b) in zip(entries, pred.entries) if ua & o or ub & n]
            if len(spans) != 1 or [s for s in spans[0]] != [(ls[0], ls[-1])]:
                cause = "pieces or joined with others"
            elif any(x in case.lay.noise and x not in removed_lines for x in range(ls[0], ls[-1] + 1)):
                cause = "noise lines glued into the text"
            elif any(jj == j for jj, _ in case.lay.markers):
                cause = "footnote marker in the text"
            else:
                cause = "other: " + touching[0][0]
            same_causes[cause] = same_causes.get(cause, 0) + 1
        if not links_ok:
            failures["pair"].append(_example(case, entries, e))
        if e["kind"] in ("insert", "delete") and not status_ok:
            failures["ar"].append(_example(case, entries, e))
        if e["kind"] == "merge":
            merge_n += 1
            merge_ok += status_ok
            if not status_ok:
                failures["merge"].append(_example(case, entries, e))
        if e["kind"] == "split":
            split_n += 1
            split_ok += status_ok
            if not status_ok:
                failures["split"].append(_example(case, entries, e))
        if e["kind"] == "reword":
            rw_n += 1
            rw_ok += status_ok
            if not status_ok:
                failures["reword"].append(_example(case, entries, e))
            item = case.new_items[e["new"][0]]
            k = next((x for x, en in enumerate(entries) if en[1] == o and en[2] == n), None)
            for old_s, new_s in item.reworded:
                rs_n += 1
                if k is not None and any(_norm(old_s) in _norm(a) and _norm(new_s) in _norm(b)
                                         for st, a, b in pred.sentence_links[k]):
                    rs_ok += 1
    for tag, u in sorted(pred_ar - truth_ar, key=str):
        failures["ar"].append({"false": tag, "unit": u, **_unit_text(case, pred, u)})

    heads = float("nan")
    if pred.headings is not None:
        renamed = [e for e in case.events if e["kind"] == "renamed"]
        matched = set(pred.headings)
        if renamed:
            heads = sum((2 * e["old"][0] + 1, case.lay.item_lines[e["new"][0]][0]) in matched
                        for e in renamed) / len(renamed)
    nan = float("nan")
    metrics = {
        "pair_f1": pair_f1, "pair_p": pair_p, "pair_r": pair_r, "ar_f1": ar_f1, "ar_p": ar_p, "ar_r": ar_r, "ar_text": ar_text,
        "moved": found / len(moved_events) if moved_events else nan, "false_moves": false_moves,
        "noise": listed / n_noise if n_noise else nan, "text_removed": text_removed,
        "markers_left": left / len(case.lay.markers) if case.lay.markers else nan,
        "rejoined": rejoined / len(case.lay.broken) if case.lay.broken else nan, "wrong_joins": wrong_joins,
        "merge": merge_ok / merge_n if merge_n else nan, "split": split_ok / split_n if split_n else nan,
        "reword": rw_ok / rw_n if rw_n else nan, "reword_sent": rs_ok / rs_n if rs_n else nan,
        "renamed": heads, "old_ok": pred.old_ok, "seconds": pred.seconds,
    }
    return Score(metrics, kinds, noise_kinds, failures, same_causes)


def _unit_text(case: Case, pred: Prediction, u) -> dict:
    if u[0] == "o":
        return {"old_text": case.old_items[u[1]].text}
    if u[0] == "n":
        return {"new_text": case.new_items[u[1]].text, "new_lines": case.lay.item_lines[u[1]]}
    span = next((s for s in pred.texts if s[0] == u[2]), None)
    return {"spurious_line": u[2], "text": pred.texts.get(span, case.lay.lines[u[2] - 1] if u[1] == "n" else "")}


def _example(case: Case, entries, e) -> dict:
    o = {("o", i) for i in e["old"]}
    n = {("n", j) for j in e["new"]}
    got = [{"status": st, "old": sorted(x[1] for x in ua if x[0] == "o"),
            "new": sorted(x[1] for x in ub if x[0] == "n"), "other": sorted(x for x in ua | ub if x[0] == "x")}
           for st, ua, ub in entries if ua & o or ub & n]
    return {"kind": e["kind"], "expected": EXPECTED[e["kind"]], "old": e["old"], "new": e["new"],
            "old_text": [case.old_items[i].text for i in e["old"]],
            "new_text": [case.new_items[j].text for j in e["new"]],
            "new_lines": [case.lay.item_lines[j] for j in e["new"]], "predicted": got}


# ------------------------------------------------------------------ report


ROWS = (("pair F1", "pair_f1", "pair_f1"), ("  pair precision", "pair_p", None), ("  pair recall", "pair_r", None),
        ("added/removed F1", "ar_f1", "ar_f1"), ("  added/removed precision", "ar_p", None),
        ("  added/removed recall", "ar_r", None), ("  added/removed F1, spurious items left out", "ar_text", None), ("move recall (status moved)", "moved", "moved"),
        ("  false moves (count)", "false_moves", None), ("noise lines removed", "noise", "noise"),
        ("  text lines removed (count)", "text_removed", None),
        ("  footnote markers left in text", "markers_left", None),
        ("broken paragraphs re-joined", "rejoined", "rejoined"), ("  wrong joins (count)", "wrong_joins", None),
        ("3-4-way merges (exact, merged)", "merge", None), ("2-3-way splits (exact, split)", "split", None),
        ("reworded paragraphs paired", "reword", None), ("  reworded sentences linked", "reword_sent", None),
        ("renamed headings matched", "renamed", None), ("OLD loaded back as written", "old_ok", None),
        ("compare seconds", "seconds", None))
COUNT_KEYS = {"false_moves", "text_removed", "wrong_joins"}


def med(scores: list[Score], key: str) -> float:
    vals = [s.metrics[key] for s in scores if s.metrics[key] == s.metrics[key]]
    return statistics.median(vals) if vals else float("nan")


def fmt(key: str, v: float) -> str:
    if v != v:
        return "—"
    return f"{v:g}" if key in COUNT_KEYS else (f"{v:.2f}" if key == "seconds" else f"{v:.3f}")


def _short(t: str, n: int = 110) -> str:
    t = t.replace("\n", "⏎")
    return t if len(t) <= n else t[: n // 2] + " … " + t[-n // 2 + 3:]


def describe(f: dict) -> str:
    if "kind" in f and "expected" in f:
        olds = " + ".join(_short(t, 90) for t in f["old_text"]) or "-"
        news = " + ".join(_short(t, 90) for t in f["new_text"]) or "-"
        got = "; ".join(f"{g['status']} old{g['old']} new{g['new']}"
                        + (f" spurious{g['other']}" if g["other"] else "") for g in f["predicted"]) or "nothing"
        return (f"{f['kind']} old{f['old']} -> new{f['new']}: expected {f['expected']}, got {got}"
                f"\n         OLD: {olds}\n         NEW: {news}")
    if f.get("false") == "moved":
        return "false move: " + " | ".join(f"{u}: " + _short(str(t.get("old_text") or t.get("new_text")
                                                                  or t.get("text", "")), 70)
                                           for u, t in zip(f["units"], f["texts"]))
    if "false" in f:
        what = f.get("old_text") or f.get("new_text") or f.get("text", "")
        return f"false {f['false']} {f['unit'][:3]}: {_short(str(what), 110)}"
    if "pieces" in f:
        return (f"new{f['new']} lines {f['lines'][0]}-{f['lines'][-1]} came out as {f['pieces']} "
                f"(units {f['piece_units']})\n         " + "\n         ".join(_short(t, 90) for t in f["text"]))
    what = "removed as noise" if f["kind"] == "text line" else "kept"
    return f"{f['kind']} line {f['line']} {f['text']!r} {what}; before {f['before']!r} after {f['after']!r}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", type=int, default=5)
    ap.add_argument("--edit-rate", type=float, default=0.25)
    ap.add_argument("--lang", nargs="+", default=["zh", "en"], choices=["zh", "en"])
    ap.add_argument("--variant", nargs="+", default=["headings", "no-headings"], choices=["headings", "no-headings"])
    ap.add_argument("--source", action="append", default=None, help="OLD report (repeatable; overrides --lang)")
    ap.add_argument("--examples", type=int, default=0, help="print N failing examples per metric")
    ap.add_argument("--no-naive", action="store_true")
    ap.add_argument("--oracle", action="store_true", help="also check that the truth scores 1.0")
    ap.add_argument("--out", default=None, help="keep the generated files and truth here")
    ap.add_argument("--json", default=None, help="write the per-case metrics here")
    args = ap.parse_args(argv)
    print("command: .venv/bin/python benchmarks/synth_hard.py " + shlex.join(sys.argv[1:] if argv is None else argv))
    if args.source:
        groups = {}
        for s in args.source:
            if Path(s).name in HK_SKIP | HK_DONOR_ONLY | HELD_OUT and Path(s).parent.name in ("hk-budget", "provinces-2026"):
                print(f"warning: {s} is a donor-only, junk-line or held-out report; its figures are not comparable")
            groups.setdefault(language_of(Path(s)), []).append(Path(s))
    else:
        groups = {lang: DEFAULT_SOURCES[lang] for lang in args.lang}
    t0 = time.perf_counter()
    results: dict[tuple[str, str], list] = {}
    with tempfile.TemporaryDirectory(prefix="synth-hard-") as tmp:
        out = Path(args.out or tmp)
        for lang, sources in groups.items():
            for variant in args.variant:
                rows = results.setdefault((lang, variant), [])
                for src in sources:
                    for seed in range(args.seeds):
                        case = make_case(src, seed, args.edit_rate, variant, out)
                        tool = score(case, predict_tool(case))
                        naive = None if args.no_naive else score(case, predict_naive(case))
                        if args.oracle:
                            o = score(case, oracle(case)).metrics
                            bad = {k: o[k] for k in ("pair_f1", "ar_f1", "moved", "noise", "rejoined", "merge",
                                                     "split", "reword", "reword_sent") if o[k] == o[k] and o[k] != 1}
                            if bad or o["false_moves"] or o["text_removed"] or o["wrong_joins"]:
                                print(f"ORACLE NOT PERFECT {src.name} {variant} {seed}: {bad}")
                        rows.append((case, tool, naive))
                        print(f"  {lang} {variant:<11} {src.name:<14} seed {seed}: " + " ".join(
                            f"{k} {fmt(k, tool.metrics[k])}" for k in TARGETS) + f" ({tool.metrics['seconds']:.1f} s)",
                            flush=True)
    report(results, args)
    if args.json:
        Path(args.json).write_text(json.dumps(
            [{"lang": lang, "variant": v, "source": c.source, "seed": c.seed, "tool": t.metrics,
              "naive": n.metrics if n else None} for (lang, v), rows in results.items() for c, t, n in rows],
            indent=1), encoding="utf-8")
    print(f"\n({time.perf_counter() - t0:.1f} s in all)")
    return 0


def report(results, args) -> None:
    keys = list(results)
    print(f"\nMedians over sources x seeds; edit rate {args.edit_rate}; columns: tool / naive")
    for (lang, variant), rows in results.items():
        srcs = sorted({Path(c.source).name for c, _, _ in rows})
        c = [r[0] for r in rows]
        ev = lambda k: statistics.median(sum(e["kind"] == k for e in x.events) for x in c)  # noqa: E731
        print(f"  {lang}/{variant}: sources {', '.join(srcs)}; {len(rows)} cases; per case (median) "
              + ", ".join(f"{k} {ev(k):g}" for k in KIND_ORDER if k != "same")
              + f"; {statistics.median(len(x.lay.noise) for x in c):g} noise lines, "
              f"{statistics.median(len(x.lay.broken) for x in c):g} broken paragraphs, "
              f"moves across sections {sum(x.cross_moves for x in c)}/{sum(ev_n(x) for x in c)}")
    head = f"{'metric':<34}{'target':<9}" + "".join(f"{l + '/' + v:>22}" for l, v in keys)
    print(head)
    for label, key, tk in ROWS:
        t = f">= {TARGETS[tk]:g}" if tk else ""
        cells = []
        for k in keys:
            rows = results[k]
            tv = med([r[1] for r in rows], key)
            nv = med([r[2] for r in rows], key) if rows[0][2] else float("nan")
            mark = ("" if not tk or tv != tv else (" ✓" if tv >= TARGETS[tk] else " ✗"))
            cells.append(f"{fmt(key, tv) + mark} / {fmt(key, nv)}")
        print(f"{label:<34}{t:<9}" + "".join(f"{c:>22}" for c in cells))
    print("\nPer kind, pooled over cases: n, links exact, status exact (tool)")
    print(f"{'kind':<11}{'expected':<10}" + "".join(f"{l + '/' + v:>26}" for l, v in keys))
    for kind in KIND_ORDER:
        cells = []
        for k in keys:
            acc = [0, 0, 0]
            for _, t, _ in results[k]:
                for x, v in enumerate(t.kinds.get(kind, [0, 0, 0])):
                    acc[x] += v
            cells.append(f"{acc[0]:>4} {acc[1] / acc[0]:6.1%} {acc[2] / acc[0]:6.1%}" if acc[0] else "—")
        print(f"{kind:<11}{EXPECTED[kind]:<10}" + "".join(f"{c:>26}" for c in cells))
    print("\nUntouched paragraphs not given one 'equal' entry, by cause, pooled (tool)")
    causes = sorted({c for rows in results.values() for _, t, _ in rows for c in t.same_causes})
    for cause in causes:
        print(f"{cause:<44}" + "".join(f"{sum(t.same_causes.get(cause, 0) for _, t, _ in results[k]):>22}"
                                       for k in keys))
    print("\nNoise lines removed by kind and chrome template, pooled (tool)")
    styles = sorted({nk for rows in results.values() for _, t, _ in rows for nk in t.noise_kinds} -
                    {"chrome", "footnote", "applause"})
    for nk in ("chrome", "footnote", "applause", *styles):
        cells = []
        for k in keys:
            acc = [0, 0]
            for _, t, _ in results[k]:
                for x, v in enumerate(t.noise_kinds.get(nk, [0, 0])):
                    acc[x] += v
            cells.append(f"{acc[1]}/{acc[0]} {acc[1] / acc[0]:.3f}" if acc[0] else "—")
        print(f"{nk[:44]:<44}" + "".join(f"{c:>22}" for c in cells))
    if args.examples:
        for k in keys:
            for name in ("pair", "ar", "moved", "false_move", "noise", "text_removed", "rejoined", "merge",
                         "split", "reword", "same_status"):
                fails = [(c, f) for c, t, _ in results[k] for f in t.failures[name]]
                if not fails:
                    continue
                print(f"\n-- {k[0]}/{k[1]} failing: {name} ({len(fails)} over all cases; first {args.examples}, "
                      "spread over cases)")
                step = max(1, len(fails) // args.examples)
                for c, f in fails[::step][:args.examples]:
                    print(f"   [{Path(c.source).name} seed {c.seed}] " + describe(f))


def ev_n(case: Case) -> int:
    return sum(e["kind"] in ("move", "move_edit") for e in case.events)


if __name__ == "__main__":
    sys.exit(main())
