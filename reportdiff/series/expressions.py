"""Discover the multi-word expressions of a series of reports (``reportdiff terms`` without
``--term``), and give each a status year by year.

Rules (docs/algorithms.md, "Terms: expression discovery"):

- **Stream.** Each heading and sentence (``track.units``) is cut into tokens (``text.tokens``:
  jieba words, dictionary mode; Latin words lower-cased).  Anything that is not a word (a
  punctuation mark, a space run, a number or quantity, a token holding a digit) ends a *run*;
  n-grams never cross a run's edge, so no number or date is ever inside an expression.
- **Candidates.** Every n-gram of ``MIN_TOKENS``–``MAX_TOKENS`` tokens (2–5 Chinese, 2–4
  English) of a run, of ``MIN_CHARS``–``MAX_CHARS`` characters (Chinese: 3–12 characters
  written together; English: words joined by one space).  Counted per report, found by
  growing only the n-grams whose (n-1)-token prefix is repeated (an n-gram is never more
  frequent than its prefix).
- **Repeated.** Kept when it occurs ``MIN_TOTAL`` = 3 times or more in the series, in at least
  ``MIN_REPORTS`` = 2 reports, or ``MIN_ONE_REPORT`` = 3 times in a single report (the last
  report's new expressions have no later report to repeat them).
- **Edges.** The first and last token must be a content word: not in the stop lists below
  (Chinese function words, pronouns, time words; English articles, prepositions, auxiliaries)
  and, for Chinese, not a jieba dictionary word tagged as a preposition, conjunction, particle,
  adverb, pronoun, numeral, classifier, time word, locative or modal (tags p c u* d r m q t f
  y e).
- **Cohesion.** The pointwise mutual information of the weakest split, ``min over splits of
  log2(f(xy)·T / (f(x)·f(y)))`` (f: counts over the series, T: tokens of the series), is at
  least ``MIN_PMI`` = 3 bits: the parts occur together far more often than chance.
- **Nesting** (like C-value, Frantzi et al. 2000). A candidate occurring ``NEST`` = 80% or more
  of its times inside one kept candidate one token longer is not listed: 新质 and 质生产力 are
  pieces of 新质生产力, which alone is listed.  A verb or a stop word added in front does not
  make a longer expression: a candidate that is a leading verb (jieba tag v*) plus a kept
  candidate is dropped (发展新质生产力 → 新质生产力 is the expression).

Statuses, for each report (column with a report) of a series by year (``status_in``):

- ``new``: in this report, absent from every report before it (with at least one report
  before it): its first appearance in the series;
- ``returning``: in this report, absent from each of the ``WINDOW`` = 5 reports before it,
  present in an earlier one;
- ``dropped``: absent from this report, present in the report before it at least
  ``MIN_DROPPED`` = 2 times;
- ``rising`` / ``falling``: present in this report or the one before; the rate per 10,000
  characters in this report r, against the mean rate of the ``WINDOW`` reports before it m,
  with at least ``MIN_MOVE`` = 3 occurrences in the larger side: rising when r ≥ 2·m + 0.5,
  falling when r ≤ (m - 0.5) / 2;
- ``steady``: present otherwise; ``None`` when absent (and not dropped) or no report.

A term's overall ``status`` is its status in the last report.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from functools import lru_cache
from itertools import chain

from ..cachefolder import cache_dir, keep
from ..model import Document
from ..text import patterns
from ..text.tokens import dictionary, tokens
from .track import units

MIN_TOKENS = 2
MAX_TOKENS = {"zh": 5, "en": 4}
MIN_CHARS = {"zh": 3, "en": 7}
MAX_CHARS = {"zh": 12, "en": 60}
MIN_TOTAL = 3
MIN_REPORTS = 2
MIN_ONE_REPORT = 3
MIN_PMI = 3.0
NEST = 0.8
WINDOW = 5
RUNS_VERSION = 2  # of the cached runs' format and rules
MIN_DROPPED = 2
MIN_MOVE = 3

_WORD = patterns.compile(r"^(?:[\u3400-\u9fff\uf900-\ufaff]+|[A-Za-z]+(?:['’][A-Za-z]+)?)$")
_CJK = patterns.compile(r"[\u3400-\u9fff]")
_ZH_STOP = set("的 了 和 与 及 以及 或 等 要 是 在 把 将 对 为 从 向 也 都 还 又 并 而 着 过 之 其 这 那 该 各 "
               "我们 我国 你们 他们 今年 去年 明年 今后 当前 目前 一些 一个 各项 各种 各级 有关 方面 问题 工作 进一步 "
               "同志 代表 我 你 他 它 就 所 被 让 使 由 于 以 同 跟 但 却 则 即 如 若 因 因此 所以 已经 已 正在 "
               "必须 应当 应该 可以 能够 不断 继续 积极 努力 更加 切实 大力 着力 全面 认真 深入 坚决 有效 主要 重要 "
               "一定 重点 一批 多 少 大 小 年 月 日 亿元 万元 个 项".split())
_ZH_STOP_TAGS = ("p", "c", "u", "d", "r", "m", "q", "t", "f", "y", "e")
_EN_STOP = set("a an the of and or to in on for with by from at as our its their this that these those is are was were "
               "be been being will would should can could must may might shall we it which who whom whose also more most "
               "than into over under up down out about after before during per not no so such very has have had do does "
               "did i you he she they us them his her my your year years government million billion per cent percent "
               "hong kong".split())


@lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    """jieba's part-of-speech tag of each dictionary word (its dictionary file's third column)."""
    path = dictionary()
    out: dict[str, str] = {}
    with open(path, encoding="utf-8") as f:
        for row in f:
            parts = row.split()
            if len(parts) >= 3:
                out[parts[0]] = parts[2]
    return out


def _edge_ok(tok: str, lang: str) -> bool:
    if lang == "en":
        return tok not in _EN_STOP and len(tok) > 1
    if tok in _ZH_STOP:
        return False
    tag = _tags().get(tok, "")
    return not tag.startswith(_ZH_STOP_TAGS)


def language_of(docs: list[Document]) -> str:
    return "en" if docs and all(d.language == "en" for d in docs) else "zh"


def runs(doc: Document, lang: str) -> list[tuple[str, ...]]:
    """The runs of words of ``doc`` (see the module's rules), from the cache when it holds them."""
    key = hashlib.sha1(f"{RUNS_VERSION}:{_stamp()}:{lang}\n".encode() +
                       "\n".join(text for text, _ in units(doc)).encode("utf-8", "surrogatepass")).hexdigest()
    path = cache_dir() / "runs" / f"{key}.json"
    try:
        with open(path, encoding="utf-8") as f:
            return [tuple(r) for r in json.load(f)]
    except (OSError, ValueError):
        pass
    out = _runs(doc, lang)
    keep(path, json.dumps(out, ensure_ascii=False, separators=(",", ":")))
    return out


def _stamp() -> str:
    """The tokenizer's dictionary (its file's name carries its stamp)."""
    return dictionary().name


def _runs(doc: Document, lang: str) -> list[tuple[str, ...]]:
    out = []
    for text, _ in units(doc):
        run: list[str] = []
        for t in tokens(text):
            if _WORD.match(t) and (lang == "en" or _CJK.search(t)):
                run.append(t.lower() if lang == "en" else t)
            elif lang == "en" and t.isspace() and "\n" not in t:
                continue  # English words are written apart
            else:
                if len(run) >= MIN_TOKENS:
                    out.append(tuple(run))
                run = []
        if len(run) >= MIN_TOKENS:
            out.append(tuple(run))
    return out


def join(gram: tuple[str, ...], lang: str) -> str:
    return " ".join(gram) if lang == "en" else "".join(gram)


_SEP = "\x00"  # between runs: an n-gram holding it crosses a run's edge and is never a candidate


def _grams(rs: list[tuple[str, ...]], lang: str):
    """Every n-gram of MIN_TOKENS … MAX_TOKENS tokens of the runs ``rs`` (and, to count in C,
    the n-grams across two runs, which hold ``_SEP``)."""
    stream: list[str] = []
    for r in rs:
        stream.extend(r)
        stream.append(_SEP)
    return chain.from_iterable(zip(*(stream[i:] for i in range(n))) for n in range(MIN_TOKENS, MAX_TOKENS[lang] + 1))


def discover(docs: list[Document]) -> tuple[list[str], list[list[int]]]:
    """The expressions of ``docs`` and their counts per report (same order as ``docs``), the
    most frequent first."""
    lang = language_of(docs)
    doc_runs = [runs(d, lang) for d in docs]
    unigrams = Counter(t for rs in doc_runs for r in rs for t in r)
    n_tokens = max(1, sum(unigrams.values()))
    total: Counter = Counter()
    for rs in doc_runs:
        total.update(_grams(rs, lang))
    min_chars, max_chars = MIN_CHARS[lang], MAX_CHARS[lang]
    edge: dict[str, bool] = {}

    def edge_ok(t: str) -> bool:
        ok = edge.get(t)
        if ok is None:
            ok = edge[t] = _edge_ok(t, lang)
        return ok

    def pmi(g) -> float:
        best = math.inf
        for i in range(1, len(g)):
            a = unigrams[g[0]] if i == 1 else total.get(g[:i], 0)
            b = unigrams[g[-1]] if i == len(g) - 1 else total.get(g[i:], 0)
            best = min(best, math.log2(total[g] * n_tokens / (a * b)))
        return best

    pre = set()
    for g, k in total.items():
        if k < MIN_TOTAL or _SEP in g or not (edge_ok(g[0]) and edge_ok(g[-1])):
            continue
        if min_chars <= len(join(g, lang)) <= max_chars:
            pre.add(g)
    per_doc = [Counter(filter(pre.__contains__, _grams(rs, lang))) for rs in doc_runs]
    cands = {}
    for g in pre:
        if pmi(g) < MIN_PMI:
            continue
        counts = [c.get(g, 0) for c in per_doc]
        if not (len(counts) - counts.count(0) >= MIN_REPORTS or max(counts) >= MIN_ONE_REPORT):
            continue
        cands[g] = total[g]
    # the verb rule: a leading verb over a candidate used without it too is not an expression
    kept = set()
    for g, k in cands.items():
        rest = g[1:]
        tag = _tags().get(g[0], "") if lang == "zh" else ""
        if rest in cands and (tag == "v" or tag.startswith("v") and k < NEST * cands[rest]):
            continue
        kept.add(g)
    # the nesting rule: a candidate written inside one longer kept candidate NEST of its times
    by_text = {join(g, lang): g for g in kept}
    inside: Counter = Counter()
    for f, g in by_text.items():
        subs = _substrings(f) if lang == "en" else {f[i:j] for i in range(len(f)) for j in range(i + 3, len(f) + 1)}
        for sub in subs:
            if sub != f and sub in by_text:
                inside[sub] = max(inside[sub], cands[g] * f.count(sub))
    kept = {g for g in kept if inside.get(join(g, lang), 0) < NEST * cands[g]}
    ranked = sorted(kept, key=lambda g: (-cands[g], join(g, lang)))
    return [join(g, lang) for g in ranked], [[c.get(g, 0) for c in per_doc] for g in ranked]


def _substrings(text: str) -> set[str]:
    """The word sequences inside an English expression (Chinese: every substring)."""
    words = text.split(" ")
    return {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}


STATUSES = ("new", "returning", "dropped", "rising", "falling", "steady")


def movement(counts: tuple[int | None, ...], rates: tuple[float | None, ...], k: int) -> float:
    """The rate in column ``k`` less the mean rate of the ``WINDOW`` reports before it (the
    order of the risers and fallers)."""
    before = [j for j in range(k) if counts[j] is not None][-WINDOW:]
    if counts[k] is None or not before:
        return 0.0
    return (rates[k] or 0.0) - sum(rates[j] or 0.0 for j in before) / len(before)


def statuses(counts: tuple[int | None, ...], rates: tuple[float | None, ...]) -> tuple[str | None, ...]:
    """``status_in`` of every column, in one pass."""
    out: list[str | None] = []
    present: list[int] = []  # the columns with a report so far
    seen = False  # present in a report before
    for k, n in enumerate(counts):
        if n is None:
            out.append(None)
            continue
        if not present:
            out.append("steady" if n else None)
        elif not n:
            out.append("dropped" if counts[present[-1]] >= MIN_DROPPED else None)
        elif not seen:
            out.append("new")
        else:
            window = present[-WINDOW:]
            if all(counts[j] == 0 for j in window):
                out.append("returning")
            else:
                r = rates[k] or 0.0
                m = sum(rates[j] or 0.0 for j in window) / len(window)
                big = max(n, max(counts[j] for j in window))
                out.append("rising" if big >= MIN_MOVE and r >= 2 * m + 0.5 else
                           "falling" if big >= MIN_MOVE and r <= (m - 0.5) / 2 else "steady")
        seen = seen or bool(n)
        present.append(k)
    return tuple(out)


def status_in(counts: tuple[int | None, ...], rates: tuple[float | None, ...], k: int) -> str | None:
    """The status of a term in column ``k`` (rules above); ``counts[j] is None``: no report."""
    if counts[k] is None:
        return None
    before = [j for j in range(k) if counts[j] is not None]
    if not before:
        return "steady" if counts[k] else None
    prev = before[-1]
    window = before[-WINDOW:]
    now = counts[k]
    if not now:
        return "dropped" if counts[prev] >= MIN_DROPPED else None
    if all(counts[j] == 0 for j in before):
        return "new"
    if all(counts[j] == 0 for j in window):
        return "returning"
    r = rates[k] or 0.0
    m = sum(rates[j] or 0.0 for j in window) / len(window)
    big = max(now, max(counts[j] for j in window))
    if big >= MIN_MOVE:
        if r >= 2 * m + 0.5:
            return "rising"
        if r <= (m - 0.5) / 2:
            return "falling"
    return "steady"
