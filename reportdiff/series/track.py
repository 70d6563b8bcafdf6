"""Track a word or regular expression through a series of reports.

Rules (docs/algorithms.md, "Track"):

- the pattern is a regular expression (a plain word is one), compiled with the ``regex``
  module; one that does not compile is refused in one line.  Matching is bounded: every search
  runs with the time left of a budget of ``TIME_BUDGET`` seconds for the whole command
  (``regex``'s ``timeout``: a catastrophic pattern such as ``(a+)+b`` stops there and is
  refused in one line), and an empty match counts for nothing (``a*`` does not match every
  sentence).
- a hit is a heading or a sentence (``Paragraph.sentences``) holding at least one match; a
  year's count is its matches (occurrences) and its sentences.
- expressions: each match with its modifier (``expression``: 稳健的货币政策, 适度宽松的货币政策);
  from one report to the next, the expressions that appear and those that disappear.
- consecutive reports (the years that have one, in order; by region: in the order given) are
  paired sentence by sentence: the similarity of two hits is the larger of rapidfuzz's
  normalised Indel similarity (``fuzz.ratio / 100``) s of their sentences and the mean of s and
  p, the best similarity of a clause of one holding a match (more than the match) with such a
  clause of the other;
  pairs are taken greedily from the most
  similar down, each sentence at most once, while the similarity is at least
  ``PAIR_THRESHOLD`` = 0.5.  A pair is ``same`` (identical text) or ``changed`` (with the word
  diff of ``text.worddiff``: 稳健的货币政策 → 适度宽松的货币政策); a hit of the later report left
  unpaired is ``new``, one of the earlier ``dropped``.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

from ..errors import UsageError
from ..model import Document, LineSpan
from ..text import patterns
from ..text.worddiff import DiffOp, word_diff

PAIR_THRESHOLD = 0.5
TIME_BUDGET = 10.0  # seconds of regular-expression work for the whole command
MAX_PATTERN = 1000  # characters


@dataclass(frozen=True)
class Hit:
    sentence: str
    lines: LineSpan
    spans: tuple[tuple[int, int], ...]  # the matches in ``sentence``

    @property
    def count(self) -> int:
        return len(self.spans)

    @property
    def expressions(self) -> tuple[str, ...]:
        return tuple(expression(self.sentence, a, b) for a, b in self.spans)


# Chinese: the attributive phrase ending in 的 just before a match, after the last verb or
# conjunction that opens it (继续实施积极的财政政策和[稳健的]货币政策, 实施[适度宽松的]货币政策).
_ZH_RUN = patterns.compile(r"[\u4e00-\u9fff]{1,12}的$")
_ZH_OPENER = patterns.compile(r".*(?:实施|实行|执行|推行|坚持|继续|采取|保持|加大|加强|有效|要|和|与|及|是|把|将|对|在|的)")
_EN_STOP = set("a an the of and or to in on for with by from at as our its their this that these those is are was were "
               "be been will would should can could must may we it which who also more".split())


def expression(sentence: str, start: int, end: int) -> str:
    """A match with the modifier that qualifies it: Chinese ``X的`` right before it
    (稳健的货币政策, 适度宽松的货币政策); English the one or two words before it that are not
    articles, prepositions or auxiliaries (prudent monetary policy).  Without one, the match."""
    match = sentence[start:end]
    before = sentence[max(0, start - 24):start]
    m = _ZH_RUN.search(before)
    if m:
        run = m.group()
        opened = _ZH_OPENER.match(run[:-1])  # the last opener inside the run (greedy .*)
        modifier = run[opened.end():] if opened else run
        if len(modifier) > 1:
            return modifier + match
    words = re.findall(r"[A-Za-z][A-Za-z-]*", before)
    if words and before.endswith(" ") and sum(c.isascii() for c in sentence) > 0.8 * len(sentence):
        kept = []
        for w in reversed(words[-2:]):
            if w.lower() in _EN_STOP:
                break
            kept.insert(0, w)
        if kept:
            return " ".join(kept) + " " + match
    return match


@dataclass(frozen=True)
class Column:
    key: str  # the year or region
    report: int | None  # None: no report for that year
    hits: tuple[Hit, ...] = ()

    @property
    def count(self) -> int:
        return sum(h.count for h in self.hits)

    @property
    def expressions(self) -> Counter:
        return Counter(e for h in self.hits for e in h.expressions)


StepKind = Literal["same", "changed", "new", "dropped"]
STEP_KINDS: tuple[StepKind, ...] = ("changed", "new", "dropped", "same")


@dataclass(frozen=True)
class Change:
    kind: StepKind
    old: Hit | None
    new: Hit | None
    similarity: float
    diff: tuple[DiffOp, ...] = ()


@dataclass(frozen=True)
class Step:
    """From one report to the next one that exists; ``new_expressions`` and
    ``dropped_expressions``: the expressions (``expression``) of the later report not in the
    earlier, and the other way round, with their counts."""

    a: str  # column keys
    b: str
    changes: tuple[Change, ...]
    new_expressions: tuple[tuple[str, int], ...] = ()
    dropped_expressions: tuple[tuple[str, int], ...] = ()

    def count(self, kind: str) -> int:
        return sum(c.kind == kind for c in self.changes)


@dataclass(frozen=True)
class Track:
    pattern: str
    by: str
    columns: tuple[Column, ...]
    steps: tuple[Step, ...]
    documents: tuple[Document, ...]

    def __repr__(self) -> str:
        found = [c for c in self.columns if c.count]
        return (f"<Track {self.pattern!r} by {self.by}: {sum(c.count for c in self.columns)} matches in "
                f"{len(found)} of {sum(c.report is not None for c in self.columns)} reports>")


def compile_pattern(pattern: str):
    import regex

    if not pattern:
        raise UsageError("PATTERN", "empty pattern", "give a word or a regular expression, e.g. '房价|房地产'")
    if len(pattern) > MAX_PATTERN:
        raise UsageError("PATTERN", f"pattern of {len(pattern):,} characters, over the {MAX_PATTERN:,} limit",
                         "give a shorter pattern")
    try:
        return regex.compile(pattern, regex.V0)
    except (regex.error, ValueError, OverflowError, RecursionError) as e:
        raise UsageError("PATTERN", f"not a regular expression: {e}",
                         "escape special characters with a backslash, e.g. '\\+' or '\\(', or quote the pattern") from None


class _Budget:
    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds
        self.seconds = seconds

    def left(self, pattern: str) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            self.refuse(pattern)
        return left

    def refuse(self, pattern: str):
        raise UsageError("PATTERN", f"matching {pattern!r} took over {self.seconds:g} s",
                         "simplify the pattern: nested repetition such as (a+)+ can take exponential time")


def units(doc: Document):
    """(text, lines) of a document in reading order: each heading, and each sentence of the
    paragraphs under it (a heading names things too: （二）因地制宜发展新质生产力)."""
    for section in doc.root.walk():
        if section.heading is not None:
            yield section.heading.text, section.heading.lines
        for p in section.paragraphs:
            for s in p.sentences:
                yield s, p.lines


def find_hits(doc: Document, rx, pattern: str, budget: _Budget) -> tuple[Hit, ...]:
    out = []
    for s, lines in units(doc):
        try:
            spans = tuple(m.span() for m in rx.finditer(s, timeout=budget.left(pattern)) if m.end() > m.start())
        except TimeoutError:
            budget.refuse(pattern)
        if spans:
            out.append(Hit(s, lines, spans))
    return tuple(out)


_BREAK = "，；。：！？、,;:!?"


def clauses(hit: Hit) -> tuple[str, ...]:
    """The clauses (between ，；。：！？、) that hold a match and more than the match."""
    out = []
    for a, b in hit.spans:
        start = max(hit.sentence.rfind(c, 0, a) for c in _BREAK) + 1
        ends = [i for i in (hit.sentence.find(c, b) for c in _BREAK) if i >= 0]
        clause = hit.sentence[start:min(ends) if ends else len(hit.sentence)].strip()
        if clause != hit.sentence[a:b] and clause not in out:
            out.append(clause)
    return tuple(out)


def similarity(a: Hit, b: Hit) -> float:
    """max(s, (s + p) / 2): s the similarity of the sentences, p the best similarity of a clause
    of one holding a match with a clause of the other holding one (``clauses``): a sentence
    rewritten around the same clause pairs more easily (加快构建房地产发展新模式)."""
    whole = fuzz.ratio(a.sentence, b.sentence)
    p = max((fuzz.ratio(x, y) for x in clauses(a) for y in clauses(b)), default=0.0)
    return round(max(whole, (whole + p) / 2) / 100, 4)


def pair_hits(old: tuple[Hit, ...], new: tuple[Hit, ...]) -> tuple[Change, ...]:
    """The rule of the module docstring; changes in the order of the later report, then the
    dropped ones in the order of the earlier."""
    scores = sorted(((similarity(a, b), i, j) for i, a in enumerate(old) for j, b in enumerate(new)),
                    key=lambda t: (-t[0], t[1], t[2]))
    used_a: dict[int, tuple[int, float]] = {}
    used_b: dict[int, tuple[int, float]] = {}
    for s, i, j in scores:
        if s < PAIR_THRESHOLD:
            break
        if i in used_a or j in used_b:
            continue
        used_a[i] = (j, s)
        used_b[j] = (i, s)
    out = []
    for j, b in enumerate(new):
        if j in used_b:
            i, s = used_b[j]
            a = old[i]
            same = a.sentence == b.sentence
            out.append(Change("same" if same else "changed", a, b, s, () if same else word_diff(a.sentence, b.sentence)))
        else:
            out.append(Change("new", None, b, 0.0))
    out.extend(Change("dropped", a, None, 0.0) for i, a in enumerate(old) if i not in used_a)
    return tuple(out)


def build_track(pattern: str, by: str, keys: list[str], report_of: list[int | None], docs: list[Document],
                budget_seconds: float = TIME_BUDGET) -> Track:
    rx = compile_pattern(pattern)
    budget = _Budget(budget_seconds)
    hits = [find_hits(d, rx, pattern, budget) for d in docs]
    columns = tuple(Column(k, d, hits[d] if d is not None else ()) for k, d in zip(keys, report_of))
    present = [c for c in columns if c.report is not None]
    steps = tuple(_step(a, b) for a, b in zip(present, present[1:]))
    return Track(pattern, by, columns, steps, tuple(docs))


def _step(a: Column, b: Column) -> Step:
    ea, eb = a.expressions, b.expressions
    new = tuple(sorted(((e, n) for e, n in eb.items() if e not in ea), key=lambda t: (-t[1], t[0])))
    dropped = tuple(sorted(((e, n) for e, n in ea.items() if e not in eb), key=lambda t: (-t[1], t[0])))
    return Step(a.key, b.key, pair_hits(a.hits, b.hits), new, dropped)
