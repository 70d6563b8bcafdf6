"""Where the documents of a file start and end, and which stretches repeat one another.

- Copies: when most long lines (15 characters or more) of a file occur the same number of
  times k >= 2, in the same order, the file holds k copies; a copy is kept only once when
  its lines match the first copy's with a difflib ratio of at least 0.8.
- Documents: a file is split at the titles its table of contents lists (matched with a
  rapidfuzz ratio of at least 85), and at title lines (ending in 报告, 通知, 意见, …) that are
  followed within four lines by a delivery date, a document number (``〔2023〕2号``) or an
  addressee line.  Lines before the first document are front matter (a cover).
"""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from ..text import patterns
from ..text.sentences import SENTENCE_END

_TITLE_WORDS = (
    "报告|通知|意见|方案|办法|决定|规定|细则|纪要|公告|通告|批复|函|大事记|规划|计划|公报|决议|讲话|"
    "条例|章程|通报|请示|要点|清单"
)
DOC_TITLE = patterns.compile(
    rf"^(?:#+\s*)?[^。！？；]{{2,70}}(?:{_TITLE_WORDS})(?:[（(](?:试行|暂行|草案|征求意见稿)[）)])?$"
)
DATE_LINE = patterns.compile(r"^[—（(]*\s*\d{4}年\d{1,2}月\d{1,2}日\s*在")
_DOC_NUMBER = patterns.compile(r"〔\d{4}〕\d+号$|\[\d{4}\]\d+号$")
_ADDRESSEE = patterns.compile(r"^各(?!位代表|位委员).{2,60}[：:]$")


def find_copies(lines: tuple[str, ...]) -> list[tuple[range, float]]:
    """Ranges (0-based line indexes) of the copies the file holds, the first kept; [] when the
    file is not made of repeated copies.  Each range comes with its similarity to the first."""
    key = [i for i, t in enumerate(lines) if len(t) >= 15]
    counts = Counter(lines[i] for i in key)
    repeated = [c for c in counts.values() if c >= 2]
    if not repeated:
        return []
    k = Counter(repeated).most_common(1)[0][0]
    if sum(1 for c in counts.values() if c == k) < 0.5 * len(counts):
        return []
    first = next(i for i in key if counts[lines[i]] == k)
    occurrences = [i for i in key if lines[i] == lines[first]]
    back = 0
    while back < occurrences[0] and lines[occurrences[0] - back - 1] == lines[occurrences[1] - back - 1]:
        back += 1
    starts = [o - back for o in occurrences]
    period = starts[1] - starts[0]
    ends = starts[1:] + [min(len(lines), starts[-1] + period)]
    ranges = [range(s, e) for s, e in zip(starts, ends)]
    base = [t for t in (lines[i] for i in ranges[0]) if t]
    out: list[tuple[range, float]] = []
    for r in ranges:
        other = [t for t in (lines[i] for i in r) if t]
        sim = 1.0 if other == base else SequenceMatcher(None, base, other, autojunk=False).ratio()
        if sim < 0.8:
            return []
        out.append((r, round(sim, 4)))
    return out


def find_document_starts(
    lines: tuple[str, ...], noise: dict[int, str], toc_titles: tuple[str, ...], span: range
) -> list[int]:
    """0-based indexes of the first line of each document within ``span``."""
    content = [i for i in span if lines[i] and i not in noise]
    starts: set[int] = set()
    last_toc = max((i for i, r in noise.items() if r == "table of contents"), default=-1)
    pos = 0
    for title in toc_titles:
        flat = title.replace(" ", "")
        for k in range(pos, len(content)):
            i = content[k]
            if i <= last_toc or len(lines[i]) > 2 * len(flat) + 10:
                continue
            if fuzz.ratio(lines[i].replace(" ", ""), flat) >= 85:
                starts.add(i)
                pos = k + 1
                break
    for k, i in enumerate(content):
        if DOC_TITLE.match(lines[i]) and any(
            DATE_LINE.match(lines[j]) or _DOC_NUMBER.search(lines[j]) or _ADDRESSEE.match(lines[j])
            for j in content[k + 1 : k + 5]
        ):
            starts.add(_extend_title_upwards(lines, noise, i))
    return sorted(starts)


def _extend_title_upwards(lines, noise, i: int) -> int:
    """A title broken over consecutive short lines starts at its first line."""
    for _ in range(3):
        j = i - 1
        if j < 0 or not lines[j] or j in noise or len(lines[j]) > 30 \
                or any(c in SENTENCE_END or c in "，：:," for c in lines[j]):
            break
        i = j
    return i
