"""Compare two documents: the result model and the stage that builds it.

``compare_documents(old, new, options) -> Comparison``: sections and paragraphs aligned
(``align``), word diffs and number changes for every aligned pair (``diff``), sentence pairs
inside partly similar paragraphs, and the Lazy Prices measures for the whole documents and for
each matched section pair (``similarity``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from typing import Literal

from rapidfuzz import fuzz

from ..ingest.headings import part_role
from ..ingest.metadata import regions_differ
from ..model import Document, Paragraph, Section
from ..options import Options
from ..passages.profile import Profile
from ..text.characters import same_text
from ..text.tokens import terms
from ..text.worddiff import DiffOp, word_diff
from .align import PAIR_STATUSES, Link, PairStatus, align_paragraphs
from .diff import NumberChange, number_changes
from .sections import SectionOrder, SectionOutline, align_sections
from .similarity import (
    EXACT_LIMIT,
    Similarity,
    TfIdf,
    distances,
    measures,
    measures_along,
    weighted_cosine,
)

SentenceStatus = Literal["equal", "changed", "added", "removed"]
SectionStatus = Literal["matched", "added", "removed"]
SectionChange = Literal["matched", "renamed", "moved", "added", "removed"]

SENTENCE_THRESHOLD = 0.5
PARTLY_SIMILAR = 0.9  # below this, a changed pair gets sentence pairs


@dataclass(frozen=True)
class SentencePair:
    status: SentenceStatus
    a: int | None
    b: int | None
    score: float


OCR_SMALL_RUNS = 6  # a difference of at most this many changed runs ...
OCR_SMALL_CHARS = 3  # ... of at most this many characters each may be an OCR misreading


@dataclass(frozen=True)
class ParagraphPair:
    status: PairStatus
    a: tuple[Paragraph, ...]
    b: tuple[Paragraph, ...]
    score: float
    diff: tuple[DiffOp, ...] = ()
    numbers: tuple[NumberChange, ...] = ()
    sentences: tuple[SentencePair, ...] = ()
    boilerplate: bool = False

    @property
    def front(self) -> bool:
        """Every paragraph of the entry is a line of its document's title block (title, date,
        speaker: ``Paragraph.front``), which the metadata already shows: a report printed
        without one (a web copy starting at 各位代表：) does not remove the other's text."""
        return all(p.front for p in self.a + self.b)

    @property
    def ocr_suspect(self) -> bool:
        """A difference that may be an OCR misreading rather than a change: the pair is not
        equal, a side was read by OCR, and either one of its paragraphs holds lines that OCR
        read with a low confidence, or the texts differ only in white space (OCR loses the
        spaces between English words), or by a few short runs (at most
        ``OCR_SMALL_RUNS`` runs of at most ``OCR_SMALL_CHARS`` characters: a misread character,
        a lost dash, a paragraph cut or joined at another place), which a confident OCR can
        produce too; only the scan can tell."""
        if self.status == "equal" or not any(p.ocr for p in self.a + self.b):
            return False
        if any(p.suspect for p in self.a + self.b):
            return True
        if not self.a or not self.b:
            return False
        a_text = "".join("".join(p.text.split()) for p in self.a)
        b_text = "".join("".join(p.text.split()) for p in self.b)
        if a_text == b_text:  # only white space or where a paragraph is cut differs (OCR loses spaces)
            return True
        runs = [op.text for op in self.diff if op.op != "=" and op.text.strip()]
        return len(runs) <= OCR_SMALL_RUNS and all(len(r.strip()) <= OCR_SMALL_CHARS for r in runs)


@dataclass(frozen=True)
class SectionPair:
    status: SectionStatus
    a: Section | None
    b: Section | None
    score: float
    moved: bool
    similarity: Similarity | None = None
    changed: int = 0  # paragraphs under it (own, not subsections) that changed
    added: int = 0
    removed: int = 0

    @property
    def change(self) -> SectionChange:
        """matched, renamed, moved, added or removed."""
        if self.status != "matched":
            return self.status
        if self.moved:
            return "moved"
        return "renamed" if self.a.title != self.b.title else "matched"


@dataclass(frozen=True)
class Comparison:
    old: Document
    new: Document
    similarity: Similarity
    sections: tuple[SectionPair, ...]
    paragraphs: tuple[ParagraphPair, ...]

    @property
    def differs(self) -> bool:
        return any(p.status != "equal" for p in self.paragraphs) or any(
            s.status != "matched" or s.moved or (s.a and s.b and s.a.title != s.b.title) for s in self.sections)

    def __repr__(self) -> str:
        counts = ", ".join(f"{self.count(k)} {k}" for k in PAIR_STATUSES if self.count(k))
        return f"<Comparison {self.old.path!r} → {self.new.path!r}: {counts or 'no paragraphs'}>"

    def count(self, status: PairStatus) -> int:
        return sum(1 for p in self.paragraphs if p.status == status)

    def section_of(self, pp: ParagraphPair) -> SectionPair | None:
        """The section entry a paragraph entry is shown under: its B section's, or for a
        removed paragraph its A section's (which may be matched to a B section); None before
        the first heading."""
        if pp.b:
            return self._by_section_id[("b", pp.b[0].section_id)]
        return self._by_section_id[("a", pp.a[0].section_id)]

    @cached_property
    def ghosts_after(self) -> dict[int, tuple[int, ...]]:
        """Where each moved paragraph used to stand: {entry k: the moved entries whose A
        paragraph came right after the A paragraphs of entry k}; key -1 for the top."""
        old_index = {id(p): k for k, p in enumerate(self.old.paragraphs)}
        entry_of_a: dict[int, int] = {}
        for k, pp in enumerate(self.paragraphs):
            for p in pp.a:
                entry_of_a[old_index[id(p)]] = k
        after: dict[int, list[int]] = {}
        for k, pp in enumerate(self.paragraphs):
            if pp.status == "moved":
                i = old_index[id(pp.a[0])]
                after.setdefault(entry_of_a.get(i - 1, -1), []).append(k)
        return {k: tuple(v) for k, v in after.items()}

    @cached_property
    def _by_section_id(self) -> dict[tuple[str, str], SectionPair | None]:
        out: dict[tuple[str, str], SectionPair | None] = {("a", "0"): None, ("b", "0"): None}
        for sp in self.sections:
            if sp.a is not None:
                out[("a", sp.a.id)] = sp
            if sp.b is not None:
                out[("b", sp.b.id)] = sp
        return out


@dataclass(frozen=True)
class Alignment:
    """Two documents' sections and paragraphs aligned, with the terms and weights it was
    computed from (which ``compare_documents`` goes on with)."""

    terms_a: list[list[str]]
    terms_b: list[list[str]]
    section_links: list
    sections_a: list[Section]
    sections_b: list[Section]
    idf: TfIdf
    links: list[Link]  # in B's reading order (``_ordered``)


def align_documents(old: Document, new: Document, options: Options = Options()) -> Alignment:
    """Sections first, then paragraphs within and across them (``align_paragraphs``)."""
    pa, pb = old.paragraphs, new.paragraphs
    ta = [terms(p.text) for p in pa]
    tb = [terms(p.text) for p in pb]
    roles = _roles(old), _roles(new)
    slinks, sa, sb = _align_sections(old, new, ta, tb, options, roles)
    matched = {(sa[lk.a].id, sb[lk.b].id) for lk in slinks if lk.a is not None and lk.b is not None}
    matched.add(("0", "0"))

    # without headings on one side every paragraph stands in the root, "matched" to the other
    # root: the section bonus would lower the threshold for every pair, so it is not given
    def same_section(i: int, j: int) -> tuple[str, str] | None:
        x, y = pa[i].section_id, pb[j].section_id
        while True:
            if (x, y) in matched:
                return x, y
            if "." not in x and "." not in y:
                return None
            x, y = x.rsplit(".", 1)[0] if "." in x else x, y.rsplit(".", 1)[0] if "." in y else y

    matched_a, matched_b = {x for x, _ in matched}, {y for _, y in matched}

    series = not regions_differ([old.metadata.region, new.metadata.region])
    # within one government's series the outline's order is evidence; across regions the
    # sections pair topics weakly, and a pair against them is left to the paragraphs' order
    order = _section_order(slinks, sa, sb, old, new) if series else SectionOrder.of([])

    def crosses(i: int, j: int) -> bool:
        if same_section(i, j):
            return False
        return (pa[i].section_id in matched_a and pb[j].section_id in matched_b) or order.against(i, j)

    # a review paragraph and a plan paragraph on one topic are not versions of each other
    role_a, role_b = _paragraph_roles(old, roles[0]), _paragraph_roles(new, roles[1])

    def apart(i: int, j: int) -> bool:
        return role_a[i] != role_b[j] and bool(role_a[i]) and bool(role_b[j])

    idf = TfIdf(ta + tb)  # over the paragraphs of both documents: the aligner's and the weighted figure's
    links = align_paragraphs([p.text for p in pa], [p.text for p in pb], ta, tb,
                             options.paragraph_threshold, options.move_threshold,
                             same_section if old.sections and new.sections else None,
                             crosses, series=series, tf=idf, apart=apart)
    return Alignment(ta, tb, slinks, sa, sb, idf, _ordered(links))


def compare_documents(old: Document, new: Document, options: Options = Options(),
                      profile: Profile | None = None) -> Comparison:
    """``profile``: formulas whose paragraphs are flagged as boilerplate (see passages/formulas.py)."""
    pa, pb = old.paragraphs, new.paragraphs
    aligned = align_documents(old, new, options)
    ta, tb, slinks, sa, sb, idf = (aligned.terms_a, aligned.terms_b, aligned.section_links,
                                   aligned.sections_a, aligned.sections_b, aligned.idf)
    pairs = aligned.links
    paragraphs = tuple(_pair(link, pa, pb, profile) for link in pairs)
    costs = _entry_costs(pairs, ta, tb)
    sections = _section_pairs(slinks, sa, sb, ta, tb, old, new, paragraphs, pairs, costs)
    all_a, all_b = [t for x in ta for t in x], [t for x in tb for t in x]
    whole = measures(all_a, all_b) if len(all_a) * len(all_b) <= EXACT_LIMIT else \
        measures_along(all_a, all_b, *_along(pairs, costs, ta, tb))
    # the weighted figure: idf over the paragraphs of both documents (section pairs: None)
    whole = replace(whole, weighted=weighted_cosine(idf, all_a, all_b))
    return Comparison(old, new, whole, sections, paragraphs)


def _entry_costs(pairs: list[Link], ta, tb) -> list[tuple[int, int]]:
    """(Levenshtein, Indel) word distance of each paired entry; (0, 0) for unpaired ones,
    whose terms ``_along`` counts."""
    out = []
    for lk in pairs:
        if lk.status == "equal" or not lk.a or not lk.b:
            out.append((0, 0))
            continue
        out.append(distances([t for i in lk.a for t in ta[i]], [t for j in lk.b for t in tb[j]]))
    return out


def _along(pairs: list[Link], costs, ta, tb, in_a=None, in_b=None) -> tuple[int, int]:
    """Word distances of two texts along the alignment: paired entries (wholly inside both
    texts) count their own distance; removed and added terms count once each for Indel, and
    pair up as substitutions for Levenshtein (max of the two totals)."""
    lev = indel = deleted = inserted = 0
    for lk, (d_lev, d_indel) in zip(pairs, costs):
        ia = [i for i in lk.a if in_a is None or i in in_a]
        jb = [j for j in lk.b if in_b is None or j in in_b]
        if not ia and not jb:
            continue
        if lk.a and lk.b and len(ia) == len(lk.a) and len(jb) == len(lk.b):
            lev, indel = lev + d_lev, indel + d_indel
        else:
            deleted += sum(len(ta[i]) for i in ia)
            inserted += sum(len(tb[j]) for j in jb)
    return lev + max(deleted, inserted), indel + deleted + inserted


def _ordered(links: list[Link]) -> list[Link]:
    """B reading order; a removed paragraph right after the entry of its A predecessor."""
    placed = [lk for lk in links if lk.b]
    placed.sort(key=lambda lk: min(lk.b))
    removed = {lk.a[0]: lk for lk in links if not lk.b}
    entry_of_a = {}
    for k, lk in enumerate(placed):
        for i in lk.a:
            entry_of_a[i] = k
    after: dict[int, list[Link]] = {}
    for i in sorted(removed):
        pred = i - 1
        while pred >= 0 and pred in removed:
            pred -= 1
        key = entry_of_a.get(pred, -1) if pred >= 0 else -1
        after.setdefault(key, []).append(removed[i])
    out = list(after.get(-1, []))
    for k, lk in enumerate(placed):
        out.append(lk)
        out.extend(after.get(k, []))
    return out


def _pair(link: Link, pa, pb, profile: Profile | None) -> ParagraphPair:
    a = tuple(pa[i] for i in link.a)
    b = tuple(pb[j] for j in link.b)
    flagged = profile is not None and all(profile.flags(p.text) for p in a + b)
    if not a or not b:
        return ParagraphPair(link.status, a, b, 0.0, boilerplate=flagged)
    a_text = "".join(p.text for p in a)
    b_text = "".join(p.text for p in b)
    ops = word_diff(a_text, b_text)
    sentences = ()
    if link.status != "equal" and link.score < PARTLY_SIMILAR and len(a) == 1 and len(b) == 1 \
            and len(a[0].sentences) * len(b[0].sentences) <= 2500:
        sentences = align_sentences(a[0].sentences, b[0].sentences)
    return ParagraphPair(link.status, a, b, link.score, ops, number_changes(ops), sentences, flagged)


def align_sentences(sa: tuple[str, ...], sb: tuple[str, ...]) -> tuple[SentencePair, ...]:
    """Greedy one-to-one pairs of sentences with ratio >= 0.5, in the same order as
    paragraph entries (B order, an unpaired A sentence after its predecessor's entry)."""
    cands = []
    for i, x in enumerate(sa):
        for j, y in enumerate(sb):
            s = fuzz.ratio(x, y, score_cutoff=SENTENCE_THRESHOLD * 100) / 100
            if s:
                cands.append((-s, i, j))
    ma: set[int] = set()
    mb: set[int] = set()
    links: list[Link] = []
    for neg, i, j in sorted(cands):
        if i not in ma and j not in mb:
            ma.add(i)
            mb.add(j)
            links.append(Link((i,), (j,), round(-neg, 4), "equal" if same_text(sa[i], sb[j]) else "changed"))
    links += [Link((i,), (), 0.0, "removed") for i in range(len(sa)) if i not in ma]
    links += [Link((), (j,), 0.0, "added") for j in range(len(sb)) if j not in mb]
    return tuple(SentencePair(lk.status, lk.a[0] if lk.a else None, lk.b[0] if lk.b else None, lk.score)
                 for lk in _ordered(links))


def _subtree_terms(doc: Document, sections, terms_of) -> list[list[str]]:
    index = {id(p): k for k, p in enumerate(doc.paragraphs)}
    out = []
    for s in sections:
        words = terms(s.title)
        for p in s.all_paragraphs:
            words.extend(terms_of[index[id(p)]])
        out.append(words)
    return out


def _inside(index: dict[int, int], section: Section) -> set[int]:
    """The document indexes of the paragraphs of ``section``'s subtree (``index``: id of each
    paragraph -> its index), in O(subtree) rather than a scan of the whole document."""
    return {index[id(p)] for p in section.all_paragraphs}


def _section_order(slinks, sa, sb, old: Document, new: Document) -> SectionOrder:
    """The paragraph ranges of the in-place section pairs (both sides holding paragraphs)."""
    index_a = {id(p): k for k, p in enumerate(old.paragraphs)}
    index_b = {id(p): k for k, p in enumerate(new.paragraphs)}
    spans = []
    for lk in slinks:
        if lk.a is None or lk.b is None or lk.moved:
            continue
        xa, yb = _inside(index_a, sa[lk.a]), _inside(index_b, sb[lk.b])
        if xa and yb:
            spans.append((min(xa), max(xa), min(yb), max(yb)))
    return SectionOrder.of(spans)


def _align_sections(old: Document, new: Document, ta, tb, options: Options, roles: tuple[list[str], list[str]]):
    sa, sb = list(old.sections), list(new.sections)
    idx_a = {s.id: k for k, s in enumerate(sa)}
    idx_b = {s.id: k for k, s in enumerate(sb)}

    def parent(s: Section, idx):
        return idx[s.id.rsplit(".", 1)[0]] if "." in s.id else None

    slinks = align_sections(
        SectionOutline([s.title for s in sa], [s.level for s in sa], [parent(s, idx_a) for s in sa],
                       _subtree_terms(old, sa, ta), roles[0]),
        SectionOutline([s.title for s in sb], [s.level for s in sb], [parent(s, idx_b) for s in sb],
                       _subtree_terms(new, sb, tb), roles[1]),
        options.section_threshold)
    return slinks, sa, sb


def _roles(doc: Document) -> list[str]:
    """Each section's part role, as its top-level part's title or opening sentence says
    (``headings.part_role``: review, plan, other for closing notes, or "" when none says); "" throughout an English
    document, whose budget speeches have no such parts."""
    if doc.language != "zh":
        return [""] * len(doc.sections)
    role = {s.id: part_role(top) for top in doc.root.children for s in top.walk()}
    return [role.get(s.id, "") for s in doc.sections]


def _paragraph_roles(doc: Document, roles: list[str]) -> list[str]:
    """Each paragraph's part role (``roles``: ``_roles`` of each section; "" in the root)."""
    role = dict(zip((s.id for s in doc.sections), roles))
    return [role.get(p.section_id, "") for p in doc.paragraphs]


def _section_pairs(slinks, sa, sb, ta, tb, old, new, paragraphs, pairs, costs) -> tuple[SectionPair, ...]:
    a_terms = _subtree_terms(old, sa, ta)
    b_terms = _subtree_terms(new, sb, tb)
    index_a = {id(p): k for k, p in enumerate(old.paragraphs)}
    index_b = {id(p): k for k, p in enumerate(new.paragraphs)}
    in_a = [_inside(index_a, s) for s in sa]
    in_b = [_inside(index_b, s) for s in sb]

    def along(x: int, y: int) -> Similarity:
        """Measures of section x of A and y of B: exact, or for long sections along the
        paragraph alignment (entries wholly inside both count their distance; parts that fall
        outside count all their terms)."""
        if len(a_terms[x]) * len(b_terms[y]) <= EXACT_LIMIT:
            return measures(a_terms[x], b_terms[y])
        lev, indel = _along(pairs, costs, ta, tb, in_a[x], in_b[y])
        # heading words are in the subtree terms: count a changed heading as its own entry
        ha, hb = terms(sa[x].title), terms(sb[y].title)
        if ha != hb:
            h_lev, h_indel = distances(ha, hb)
            lev, indel = lev + h_lev, indel + h_indel
        return measures_along(a_terms[x], b_terms[y], lev, indel)
    counts_a: dict[str, list[int]] = {}
    counts_b: dict[str, list[int]] = {}
    for pp in paragraphs:
        if pp.status == "added":
            counts_b.setdefault(pp.b[0].section_id, [0, 0, 0])[1] += 1
        elif pp.status == "removed":
            counts_a.setdefault(pp.a[0].section_id, [0, 0, 0])[2] += 1
        elif pp.status != "equal":
            counts_b.setdefault(pp.b[0].section_id, [0, 0, 0])[0] += 1

    def make(lk) -> SectionPair:
        a = sa[lk.a] if lk.a is not None else None
        b = sb[lk.b] if lk.b is not None else None
        ca = counts_a.get(a.id, [0, 0, 0]) if a else [0, 0, 0]
        cb = counts_b.get(b.id, [0, 0, 0]) if b else [0, 0, 0]
        sim = along(lk.a, lk.b) if a and b else None
        status = "matched" if a and b else ("added" if b else "removed")
        return SectionPair(status, a, b, lk.score, lk.moved, sim, cb[0], cb[1], ca[2])

    as_links = [Link((lk.a,) if lk.a is not None else (), (lk.b,) if lk.b is not None else (),
                     lk.score, "") for lk in slinks]
    by_key = {(lnk.a, lnk.b): lk for lnk, lk in zip(as_links, slinks)}
    out = [make(by_key[(lnk.a, lnk.b)]) for lnk in _ordered(as_links)]
    return tuple(out)
