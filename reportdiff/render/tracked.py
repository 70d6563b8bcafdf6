"""The new report with its changes against the old one as a list of tracked-change blocks: the
plan the Word export (``docx_export``) writes, independent of any file format.

Rules (docs/exports.md, "Word and PDF"):

- The blocks of each report are its headings and paragraphs in reading order (a section's
  heading, its own paragraphs, then its subsections): ``blocks(document)``.
- Units: every paragraph entry of the comparison (equal, changed, split, merged: old and new
  paragraphs; added: new only; removed: old only) and every section entry (matched: both
  headings; added; removed).  The comparison's moved paragraphs and moved sections become two
  units each, the old text where it stood (``moveFrom``) and the new text where it stands now
  (``moveTo``).  A paired unit that would break the old reading order (its old blocks stand
  before those of a unit shown above it: possible where paragraph and section alignment disagree)
  is shown as a move too: the paired units kept in place are a heaviest run increasing in both
  reports, a matched heading weighing more than all paragraphs together (so headings stay and a
  paragraph paired across one moves), each paragraph entry 1; the rest become moves.  A paired unit whose blocks are not consecutive in either
  report (a split across a heading) is shown as its old blocks removed and its new ones added.
- Order: units holding new blocks in the new reading order; a unit with old blocks only
  (removed, moveFrom) right after the unit holding the old block before it.  So keeping the
  ``=`` and ``+`` text (accept all) gives the new report's blocks in order, and keeping the
  ``=`` and ``-`` text (reject all) the old report's.
- Paragraph marks: a paired unit's word diff (``ParagraphPair.diff``, over the joined texts)
  is cut where old and new paragraphs end; an end in both is a plain mark (``=``), an end in
  the old text only a deleted mark (``-``: accepting joins the paragraph to the next), an end
  in the new text only an inserted mark (``+``).  Added blocks have inserted marks, removed
  ones deleted marks.
- Headings keep their level (the new one; a changed level records the old one, shown as a
  formatting change); a matched heading whose title changed gets a word diff.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..comparison.result import Comparison, ParagraphPair
from ..model import Document, Paragraph, Section
from ..text.worddiff import DiffOp, word_diff

Op = Literal["=", "-", "+"]
BlockKind = Literal["plain", "moveFrom", "moveTo"]


@dataclass(frozen=True)
class Para:
    """One paragraph of the Word document: text runs and its mark, each in both reports (``=``),
    the old only (``-``) or the new only (``+``); ``level`` 0 for body text, else the heading
    level (``old_level``: the heading's level in the old report when it differs)."""

    runs: tuple[DiffOp, ...]
    mark: Op
    level: int = 0
    old_level: int | None = None


@dataclass(frozen=True)
class Block:
    """Consecutive paragraphs of one unit: plain tracked changes, or one side of a move
    (``move``: its number, shared by the ``moveFrom`` and the ``moveTo`` block)."""

    kind: BlockKind
    paras: tuple[Para, ...]
    move: int = 0


@dataclass(frozen=True)
class Plan:
    blocks: tuple[Block, ...]
    moves: int  # move pairs, the comparison's and the reordered ones
    reordered: int  # paired units shown as moves because they break the old reading order


@dataclass
class _Unit:
    a: tuple[int, ...]  # indexes into blocks(old)
    b: tuple[int, ...]  # indexes into blocks(new)
    pair: ParagraphPair | None = None
    section: tuple[Section | None, Section | None] | None = None
    move: bool = False


def blocks(doc: Document) -> list[Section | Paragraph]:
    """The headings (as their sections) and paragraphs of ``doc`` in reading order."""
    out: list[Section | Paragraph] = []
    for s in doc.root.walk():
        if s.heading is not None:
            out.append(s)
        out.extend(s.paragraphs)
    return out


def block_text(block: Section | Paragraph) -> str:
    return block.title if isinstance(block, Section) else block.text


def plan(c: Comparison) -> Plan:
    old_blocks, new_blocks = blocks(c.old), blocks(c.new)
    ia = {id(x): k for k, x in enumerate(old_blocks)}
    ib = {id(x): k for k, x in enumerate(new_blocks)}
    units: list[_Unit] = []
    for pp in c.paragraphs:
        u = _Unit(tuple(ia[id(p)] for p in pp.a), tuple(ib[id(p)] for p in pp.b), pair=pp,
                  move=pp.status == "moved")
        units.extend(_consecutive(u))
    for sp in c.sections:
        units.append(_Unit((ia[id(sp.a)],) if sp.a else (), (ib[id(sp.b)],) if sp.b else (),
                           section=(sp.a, sp.b), move=sp.moved and sp.a is not None and sp.b is not None))
    reordered = _mark_reordered(units)
    return _lay_out(units, old_blocks, new_blocks, reordered)


def _consecutive(u: _Unit) -> list[_Unit]:
    """``u``, or when its old or new blocks are not consecutive, its old blocks as removed
    units and its new blocks as added units."""
    def runs(ix: tuple[int, ...]) -> bool:
        return all(y == x + 1 for x, y in zip(ix, ix[1:]))

    if runs(u.a) and runs(u.b):
        return [u]
    return [_Unit((i,), ()) for i in u.a] + [_Unit((), (j,)) for j in u.b]


def _mark_reordered(units: list[_Unit]) -> int:
    """Mark as moves the paired units off a heaviest sequence increasing in both reports (new
    order, then the heaviest increasing run of old positions): a heading outweighs all the
    paragraphs together, so the matched headings stay in place and a paragraph paired across
    them moves; return how many were marked."""
    paired = sorted((u for u in units if u.a and u.b and not u.move), key=lambda u: u.b[0])
    heavy = 1 + sum(1 for u in paired if u.section is None)
    keep = _heaviest_increasing([u.a[0] for u in paired], [heavy if u.section else 1 for u in paired])
    n = 0
    for k, u in enumerate(paired):
        if k not in keep:
            u.move = True
            n += 1
    return n


def _heaviest_increasing(xs: list[int], weights: list[int]) -> set[int]:
    """Indexes of a strictly increasing subsequence of ``xs`` of the greatest total weight
    (a Fenwick tree of prefix maxima over the ranks of ``xs``: O(n log n))."""
    rank = {x: r + 1 for r, x in enumerate(sorted(set(xs)))}
    size = len(rank)
    tree: list[tuple[int, int]] = [(0, -1)] * (size + 1)  # (best total, index ending it)
    back = [-1] * len(xs)
    best: tuple[int, int] = (0, -1)
    for k, (x, w) in enumerate(zip(xs, weights)):
        r, prev = rank[x] - 1, (0, -1)
        while r > 0:
            prev = max(prev, tree[r])
            r -= r & -r
        total = (prev[0] + w, k)
        back[k] = prev[1]
        best = max(best, total)
        r = rank[x]
        while r <= size:
            tree[r] = max(tree[r], total)
            r += r & -r
    out: set[int] = set()
    k = best[1]
    while k >= 0:
        out.add(k)
        k = back[k]
    return out


def _lay_out(units: list[_Unit], old_blocks, new_blocks, reordered: int) -> Plan:
    # (unit, side): side "both", "new" (added, moveTo) or "old" (removed, moveFrom)
    move_no: dict[int, int] = {}
    placed: list[tuple[_Unit, str]] = []
    old_only: list[tuple[_Unit, str]] = []
    for u in units:
        if u.move:
            move_no[id(u)] = len(move_no) + 1
            placed.append((u, "new"))
            old_only.append((u, "old"))
        elif u.b:
            placed.append((u, "both" if u.a else "new"))
        else:
            old_only.append((u, "old"))
    placed.sort(key=lambda x: x[0].b[0])
    old_only.sort(key=lambda x: x[0].a[0])
    entry_of_a = {i: k for k, (u, side) in enumerate(placed) if side == "both" for i in u.a}
    in_old_only = {i for u, _ in old_only for i in u.a}
    after: dict[int, list[tuple[_Unit, str]]] = {}
    for item in old_only:
        pred = item[0].a[0] - 1
        while pred >= 0 and pred in in_old_only:
            pred -= 1
        after.setdefault(entry_of_a.get(pred, -1) if pred >= 0 else -1, []).append(item)
    order = list(after.get(-1, []))
    for k, item in enumerate(placed):
        order.append(item)
        order.extend(after.get(k, []))
    out = tuple(_block(u, side, move_no.get(id(u), 0), old_blocks, new_blocks) for u, side in order)
    return Plan(out, len(move_no), reordered)


def _block(u: _Unit, side: str, move: int, old_blocks, new_blocks) -> Block:
    a = [old_blocks[i] for i in u.a]
    b = [new_blocks[j] for j in u.b]
    if side == "old":
        paras = tuple(Para((DiffOp("-", block_text(x)),) if block_text(x) else (), "-", _level(x)) for x in a)
        return Block("moveFrom" if move else "plain", paras, move)
    if side == "new" and not (move and a):  # added
        paras = tuple(Para((DiffOp("+", block_text(x)),) if block_text(x) else (), "+", _level(x)) for x in b)
        return Block("plain", paras)
    if u.section is not None:
        sa, sb = u.section
        ops = word_diff(sa.title, sb.title)
        old_level = sa.level if sa.level != sb.level else None
        if side == "new":  # the moveTo side of a moved heading
            return Block("moveTo", (Para(tuple(o for o in ops if o.op != "-"), "+", sb.level),), move)
        return Block("plain", (Para(ops, "=", sb.level, old_level),))
    pp = u.pair
    ops = pp.diff or _diff_of(pp)
    if side == "new":  # moveTo: the new paragraphs, words new to them marked as inserted
        kept = [o for o in ops if o.op != "-"]
        return Block("moveTo", tuple(Para(p.runs, "+") for p in cut(kept, [], _ends(pp.b))), move)
    return Block("plain", cut(ops, _ends(pp.a), _ends(pp.b)))


def _diff_of(pp: ParagraphPair) -> tuple[DiffOp, ...]:
    return word_diff("".join(p.text for p in pp.a), "".join(p.text for p in pp.b))


def _level(x) -> int:
    return x.level if isinstance(x, Section) else 0


def _ends(paras: tuple[Paragraph, ...]) -> list[int]:
    """Where each paragraph but the last ends in the joined text."""
    out, pos = [], 0
    for p in paras[:-1]:
        pos += len(p.text)
        out.append(pos)
    return out


def cut(ops, a_ends: list[int], b_ends: list[int]) -> tuple[Para, ...]:
    """Cut the diff ``ops`` (of the joined old and new texts) into paragraphs where the old
    paragraphs end (``a_ends``) and the new ones end (``b_ends``); see the module's rules.
    The last paragraph's mark is ``=``."""
    # events in stream order: ("run", op, text) and ("a",) / ("b",) at each end, placed as
    # early as the stream allows
    events: list[tuple] = []
    pa = pb = 0
    ka = kb = 0

    def ends_here():
        nonlocal ka, kb
        while ka < len(a_ends) and a_ends[ka] == pa:
            events.append(("a",))
            ka += 1
        while kb < len(b_ends) and b_ends[kb] == pb:
            events.append(("b",))
            kb += 1

    ends_here()
    for o in ops:
        text = o.text
        while text:
            # how far this op may run before an end falls inside it
            limit = len(text)
            if o.op in "=-" and ka < len(a_ends):
                limit = min(limit, a_ends[ka] - pa)
            if o.op in "=+" and kb < len(b_ends):
                limit = min(limit, b_ends[kb] - pb)
            limit = max(limit, 1)  # ends at the current place were taken by ends_here
            piece, text = text[:limit], text[limit:]
            events.append(("run", o.op, piece))
            if o.op in "=-":
                pa += len(piece)
            if o.op in "=+":
                pb += len(piece)
            ends_here()
    events = _pair_ends(events)
    paras: list[Para] = []
    runs: list[DiffOp] = []
    for e in events:
        if e[0] == "run":
            if runs and runs[-1].op == e[1]:
                runs[-1] = DiffOp(e[1], runs[-1].text + e[2])
            else:
                runs.append(DiffOp(e[1], e[2]))
        else:
            paras.append(Para(tuple(runs), {"a": "-", "b": "+", "ab": "="}[e[0]]))
            runs = []
    paras.append(Para(tuple(runs), "="))
    return tuple(paras)


def _pair_ends(events: list[tuple]) -> list[tuple]:
    """An old end and a new end with only runs between that leave the first one's position
    unchanged (``+`` runs after an old end, ``-`` runs after a new end) become one shared end
    at the later place."""
    out = list(events)
    k = 0
    while k < len(out):
        e = out[k]
        if e[0] in ("a", "b"):
            other = "b" if e[0] == "a" else "a"
            quiet = "+" if e[0] == "a" else "-"
            m = k + 1
            while m < len(out) and out[m][0] == "run" and out[m][1] == quiet:
                m += 1
            if m < len(out) and out[m][0] == other:
                del out[m]
                out.insert(m, ("ab",))
                del out[k]
                continue
        k += 1
    return out
