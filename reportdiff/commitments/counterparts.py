"""A task the key search finds nowhere, looked for in its paragraph's counterpart.

A plan is written paragraph by paragraph on much the same topics from one year to the next,
and a task promised again is often reworded beyond what the key search accepts (coverage MATCH
with the head, CLEAR without: ``followup``): 实施一批交通、能源、水利等重大工程项目 becomes
建设重点水利工程、综合立体交通网、重要能源基地和设施 in the same paragraph on investment. The document alignment
(``comparison.align_documents``) pairs the paragraph holding the task with its counterpart in
the later report; inside it the topic is already shared, and a lower coverage is evidence. A
paragraph the alignment leaves alone (or pairs with no plan paragraph: a province's plan is
laid out otherwise than the nation's) takes the later report's plan paragraph most like it
(``_likest_plan_paragraphs``, TF-IDF cosine) as its counterpart.

A task found nowhere recurs, reworded, in a plan clause of its paragraph's counterpart when
- the clause covers at least COUNTERPART of the key's weight (``followup._coverage``), and
  holds at least half of the words of the task's object (jieba's words of two or more
  characters), one of them saying more than the kind of thing (not only 制度, 改革, 机制:
  政治体制改革 is no follow-up of 省以下财政体制改革): the key weighs rare words most, and a
  clause on the object's topic alone (未来产业 for 建立未来产业投入增长机制, 教育强国 for
  制定实施教育强国建设规划纲要) covers much of it without naming the thing promised; and a
  reform (an object ending in 改革) is followed only by a clause that names a reform
  (加强生态文明建设 is no follow-up of 深化生态文明体制改革);
- they are each other's best: the clause is the task's best in the counterpart, the task is
  the clause's best among all the commitments of its paragraph, and the task's own clause is
  the one of its paragraph most like the clause (weighted pair overlap, ``likeness``): the
  clause that takes up another sentence of the paragraph, a commitment or not (简化投资审批程序
  for 深化投资审批制度改革, not 深化工程建设项目审批制度改革), is not taken for this one;
- the clause is no other follow-up's quote, and may repeat the task (``followup.recurs_in``:
  not a problem that remains, not the other group of a contrast, a five-year goal only in a
  five-year part).

Chinese tasks only: targets carry figures, whose follow-up must measure the same indicator,
and the English ledger follows its clauses by their own actions (``english_followup``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..comparison.result import align_documents
from ..comparison.similarity import TfIdf
from ..model import Document
from ..text import patterns
from ..text.tokens import terms
from .category import kind_word
from .clause_index import ClauseIndex
from .extraction import Commitment
from .followup import Followup, _coverage, names_another, recurs_in
from .keys import Key, normal, object_words, pairs

COUNTERPART = 0.35
_WORD = patterns.compile(r"[\u4e00-\u9fff]{2,}")
_RUN = patterns.compile(r"[\u4e00-\u9fff]+")


def counterpart_followups(commitments: Sequence[Commitment], keys: Sequence[Key | None],
                          followups: list[Followup], old: Document, new: Document, earlier: ClauseIndex,
                          later: ClauseIndex, five: set[str], weight: Callable[[str], float]) -> list[Followup]:
    """``followups`` (of ``commitments`` of ``old`` into ``new``, whose clauses ``earlier`` and
    ``later`` index; ``weight``: the ledger's pair weights) with the missing tasks that recur,
    reworded, in their paragraphs' counterparts; the two reports are aligned only when some task
    is missing."""
    missing = [n for n, (c, key, f) in enumerate(zip(commitments, keys, followups))
               if c.kind == "task" and key is not None and f.status == "missing"]
    if not missing:
        return followups
    # paragraphs by identity: a paragraph cut at MAX_CHARS shares its line range with its other parts
    a_index = {id(p): i for i, p in enumerate(old.paragraphs)}
    b_ids = [id(p) for p in new.paragraphs]
    quoted = {(id(f.paragraph), f.text) for f in followups if f.paragraph is not None}
    clauses_of: dict[int, list[int]] = {}  # a plan paragraph (by id) -> its clauses not quoted yet
    for k, s in enumerate(later.sts):
        if s.part == "plan" and (id(s.paragraph), s.text + s.follow) not in quoted:
            clauses_of.setdefault(id(s.paragraph), []).append(k)
    counterpart: dict[int, list[int]] = {}  # old paragraph -> the later report's clauses of its counterpart
    for link in align_documents(old, new).links:
        clauses = [k for j in link.b for k in clauses_of.get(b_ids[j], ())]
        for i in link.a:
            counterpart.setdefault(i, []).extend(clauses)
    unpaired = {i for n in missing if (i := a_index.get(id(commitments[n].paragraph), -1)) >= 0
                and not counterpart.get(i)}  # aligned with nothing, or with no plan clause
    for i, j in _likest_plan_paragraphs(old, new, clauses_of, unpaired).items():
        counterpart[i] = list(clauses_of[j])
    neighbours: dict[int, list[int]] = {}  # old paragraph -> its commitments with keys
    for n, (c, key) in enumerate(zip(commitments, keys)):
        if key is not None:
            neighbours.setdefault(a_index.get(id(c.paragraph), -1), []).append(n)
    out = list(followups)
    for n in missing:
        c = commitments[n]
        i = a_index.get(id(c.paragraph), -1)
        words = object_terms(c.obj)
        scored = [(_coverage(keys[n], later, k), k) for k in counterpart.get(i, ())
                  if recurs_in(c, later.sts[k], five) and names_half(words, later.texts[k])
                  and not names_another(keys[n], later.texts[k])]  # 从紧的货币政策 is no 稳健的货币政策, 亚洲沙滩运动会 no 第十二届世界运动会
        if not scored:
            continue
        best, k = max(scored)
        rivals = [_coverage(keys[m], later, k) for m in neighbours.get(i, ()) if m != n]
        if best >= COUNTERPART and best > max(rivals, default=0.0) \
                and _own_clause_likest(c, earlier, later.texts[k], weight):
            st = later.sts[k]
            out[n] = Followup(followups[n].doc, "recurring", st.paragraph, st.text + st.follow, round(best, 4),
                              recurring=True)
    return out


def _likest_plan_paragraphs(old: Document, new: Document, clauses_of: dict[int, list[int]],
                            unpaired: set[int]) -> dict[int, int]:
    """Old paragraph (of ``unpaired``, those the alignment left alone) -> the identity (``id``)
    of the later report's plan paragraph most like it: the cosine of TF-IDF vectors over the words of
    both reports' paragraphs (a province's plan is laid out otherwise than the nation's, and the
    alignment pairs few of its paragraphs)."""
    plans = [p for p in new.paragraphs if id(p) in clauses_of]
    if not unpaired or not plans:
        return {}
    ta = {i: terms(old.paragraphs[i].text) for i in unpaired}
    tb = [terms(p.text) for p in plans]
    idf = TfIdf([terms(p.text) for p in old.paragraphs] + tb)
    vb = [idf.vector(t) for t in tb]
    out = {}
    for i, t in sorted(ta.items()):
        va = idf.vector(t)
        j = max(range(len(plans)), key=lambda j: (sum(x * vb[j].get(w, 0.0) for w, x in va.items()), -j))
        out[i] = id(plans[j])
    return out


def object_terms(obj: str) -> tuple[str, ...]:
    """The words of a task's object (``keys.object_words``) of two or more Chinese characters
    (the plan's verbs among them: a clause that names the thing promised mostly names what is
    done with it too, 建设, 改革)."""
    return tuple(dict.fromkeys(w for w in terms(normal(object_words(obj))) if _WORD.fullmatch(w)))


def names_half(words: tuple[str, ...], text: str) -> bool:
    """Whether ``text`` (normalised) holds at least half of ``words``, one of them saying more
    than the kind of thing (``category.kind_word``: 政治体制改革 holds 体制 and 改革 of
    省以下财政体制改革, not 财政) or than ``_VAGUE`` words, and 改革 when the words end in a reform."""
    held = [w for w in words if w in text]
    return bool(words) and 2 * len(held) >= len(words) and not all(kind_word(w) or w in _VAGUE for w in held) \
        and (not words[-1].endswith("改革") or "改革" in text)


# words that say of no thing which one it is: who in general, how basic or important (人员 and 基本 of
# 退休人员基本养老金, held by 灵活就业人员…参加企业职工基本养老保险: national 2025 → Guizhou audit of session 50, row 2)
_VAGUE = {"人员", "基本", "重点", "主要", "有关", "相关", "各类", "各项", "一批", "全面", "重大"}


def _own_clause_likest(c: Commitment, earlier: ClauseIndex, clause: str, weight: Callable[[str], float]) -> bool:
    """Whether the commitment's own clause is, of the clauses of its paragraph, the most like
    ``clause`` (ties allowed)."""
    own = normal(c.text)
    target = _pairs_of(clause)
    mine = likeness(_pairs_of(own), target, weight)
    return all(likeness(_pairs_of(t), target, weight) <= mine for s, t in zip(earlier.sts, earlier.texts)
               if s.paragraph is c.paragraph and own not in t and t not in own)


def _pairs_of(text: str) -> set[str]:
    return {p for run in _RUN.findall(text) for p in pairs(run)}


def likeness(x: set[str], y: set[str], weight: Callable[[str], float]) -> float:
    """Weighted Jaccard of two sets of character pairs: the weight of the pairs both hold over
    the weight of the pairs either holds."""
    either = sum(map(weight, x | y))
    return sum(map(weight, x & y)) / either if either else 0.0
