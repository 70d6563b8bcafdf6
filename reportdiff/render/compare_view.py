"""The comparison for the terminal (rich): header, section map, then the changes section by
section as inline (or side-by-side) word diffs.  Deleted text is red and struck through,
inserted text green; number changes are listed under their paragraph in yellow; moved
paragraphs say where they came from."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..comparison.align import PAIR_STATUSES
from ..comparison.result import Comparison, ParagraphPair
from .labels import DOCUMENT_LABELS, document_facts, ocr_suspect_lines, where

DEL = "red strike"
INS = "bold green"
NUM = "bold yellow"
DIM = "dim"
REWRITTEN = 0.5  # below this share of unchanged text, old and new are shown one above the other
STATUS_STYLE = {
    "equal": "dim", "changed": "yellow", "moved": "magenta", "split": "cyan", "merged": "cyan",
    "added": "green", "removed": "red", "matched": "", "renamed": "yellow",
}


@dataclass(frozen=True)
class ViewOptions:
    only_changed: bool = False
    section: str | None = None
    context: int = 1  # equal paragraphs shown around a change with --only-changed
    side_by_side: bool = False
    elide: int = 300  # unchanged runs longer than this are shortened in the middle
    markers: bool = False  # no colour: mark changes as [-deleted-] and {+inserted+}, as git does
    hide_boilerplate: bool = False


SIMILARITY_LEGEND = ("similarity: cosine/jaccard/edit/simple are word-count measures (Lazy Prices); "
                     "weighted is a TF-IDF cosine, rare words count more")


def comparison_view(c: Comparison, opts: ViewOptions = ViewOptions()) -> Group:
    parts: list[RenderableType] = [_header(c), Text(SIMILARITY_LEGEND, style=DIM), Text(""), _section_map(c),
                                   Text("")]
    parts.extend(_body(c, opts))
    return Group(*parts)


def _header(c: Comparison) -> Table:
    t = Table(show_header=True, header_style="bold", box=None, padding=(0, 2))
    t.add_column("")
    t.add_column("old")
    t.add_column("new")
    for label, a, b in zip(DOCUMENT_LABELS, document_facts(c.old), document_facts(c.new)):
        t.add_row(Text(label, style="bold"), a, b)
    s = c.similarity
    weighted = f"  weighted {s.weighted:.2f}" if s.weighted is not None else ""
    t.add_row(Text("similarity", style="bold"),
              f"cosine {s.cosine:.2f}  jaccard {s.jaccard:.2f}  edit {s.edit:.2f}  simple {s.simple:.2f}{weighted}", "")
    counts = "  ".join(f"{k} {c.count(k)}" for k in
                       PAIR_STATUSES if c.count(k))
    t.add_row(Text("paragraphs", style="bold"), counts, "")
    suspect = sum(1 for pp in c.paragraphs if pp.ocr_suspect)
    if c.old.ocr is not None or c.new.ocr is not None:
        t.add_row(Text("OCR", style="bold"), Text(f"{suspect} of the differences are OCR-suspect (marked ?): "
                                                  "they may be misreadings of the scan, not changes",
                                                  style="yellow"), "")
    return t


def _section_map(c: Comparison) -> Table:
    t = Table(title="section map", title_justify="left", title_style="bold", show_edge=False,
              header_style="bold")
    t.add_column("old heading", overflow="fold", ratio=3)
    t.add_column("new heading", overflow="fold", ratio=3)
    t.add_column("status", no_wrap=True)
    t.add_column("sim", justify="right", no_wrap=True)
    t.add_column("chg", justify="right", no_wrap=True)
    t.add_column("add", justify="right", no_wrap=True)
    t.add_column("del", justify="right", no_wrap=True)
    for sp in c.sections:
        status = sp.change
        indent_a = "  " * ((sp.a.level if sp.a else 1) - 1)
        indent_b = "  " * ((sp.b.level if sp.b else 1) - 1)
        t.add_row(
            indent_a + sp.a.title if sp.a else Text("—", style=DIM),
            indent_b + sp.b.title if sp.b else Text("—", style=DIM),
            Text(status, style=STATUS_STYLE.get(status, "")),
            f"{sp.similarity.cosine:.2f}" if sp.similarity else "",
            str(sp.changed or ""), str(sp.added or ""), str(sp.removed or ""),
        )
    return t


def _body(c: Comparison, opts: ViewOptions) -> list[RenderableType]:
    entries = list(c.paragraphs)
    keep = _visible(entries, opts)
    out: list[RenderableType] = []
    current: object = ()
    hidden = 0
    for k, pp in enumerate(entries):
        sp = c.section_of(pp)
        s = (sp.b or sp.a) if sp else None
        title = s.title if s else "(before the first heading)"
        if opts.section and not _section_selected(opts.section, s.id if s else "0", title):
            continue
        if not keep[k]:
            hidden += 1
            continue
        if hidden:
            out.append(Text(f"  … {hidden} equal paragraph(s)", style=DIM))
            hidden = 0
        if sp is not current:
            current = sp
            rule = Text(title, style="bold")
            if sp and sp.change != "matched":
                rule.append(f"  [{sp.change}" + (f" from: {sp.a.title}" if sp.change == "renamed" else "") + "]",
                            style=STATUS_STYLE.get(sp.change, ""))
            out.append(Rule(rule, align="left"))
        out.append(_entry(pp, opts))
    if hidden:
        out.append(Text(f"  … {hidden} equal paragraph(s)", style=DIM))
    if not out:
        out.append(Text("no paragraphs to show" + (" in that section" if opts.section else ""), style=DIM))
    return out


def _section_selected(want: str, sid: str, title: str) -> bool:
    return want == sid or sid.startswith(want + ".") or want in title


def _visible(entries: list[ParagraphPair], opts: ViewOptions) -> list[bool]:
    if opts.hide_boilerplate:
        shown = _visible(entries, ViewOptions(only_changed=opts.only_changed, context=opts.context))
        return [s and not pp.boilerplate for s, pp in zip(shown, entries)]
    if not opts.only_changed:
        return [True] * len(entries)
    changed = [pp.status != "equal" for pp in entries]
    keep = list(changed)
    for k, ch in enumerate(changed):
        if ch:
            for d in range(1, opts.context + 1):
                for x in (k - d, k + d):
                    if 0 <= x < len(entries):
                        keep[x] = True
    return keep


def _entry(pp: ParagraphPair, opts: ViewOptions) -> RenderableType:
    head = Text()
    head.append(f"[{pp.status}", style=STATUS_STYLE[pp.status])
    if pp.status not in ("equal", "added", "removed"):
        head.append(f" {pp.score:.2f}", style=STATUS_STYLE[pp.status])
    head.append("] ", style=STATUS_STYLE[pp.status])
    head.append(where(pp), style=DIM)
    if pp.status == "moved":
        head.append(f"  moved from old §{pp.a[0].section_id}", style="magenta")
    if pp.boilerplate:
        head.append("  boilerplate", style=DIM)
    if pp.front:
        head.append("  title block (in the table above)", style=DIM)
    if pp.ocr_suspect:
        head.append(f"  ? OCR-suspect (lines {ocr_suspect_lines(pp)})", style="bold yellow")
    if pp.status == "equal":
        text = pp.b[0].text
        line = Text("  " + (text if len(text) <= 80 else text[:78] + "…"), style=DIM)
        return Group(head, line) if not opts.only_changed else line
    parts: list[RenderableType] = [head]
    if pp.status == "added":
        parts.append(Padding(Text("".join(p.text for p in pp.b), style="green"), (0, 0, 0, 2)))
    elif pp.status == "removed":
        parts.append(Padding(Text("".join(p.text for p in pp.a), style="red"), (0, 0, 0, 2)))
    elif opts.side_by_side:
        parts.append(_side_by_side(pp, opts))
    elif _equal_share(pp) < REWRITTEN:
        parts.extend(_stacked(pp, opts))
    else:
        parts.append(Padding(_inline(pp, opts), (0, 0, 0, 2)))
    if pp.numbers:
        nums = Text("  numbers: ", style=NUM)
        for k, n in enumerate(pp.numbers):
            if k:
                nums.append("; ", style=NUM)
            nums.append(f"{n.indicator or '(unlabelled)'} ", style="yellow")
            if n.kind != "changed":  # a figure whose indicator is on one side only
                nums.append(f"{n.kind}: ", style=NUM)
            if n.a:
                nums.append(_mark(n.a, "-", opts), style=DEL)
            if n.a and n.b:
                nums.append(" → ", style=NUM)
            if n.b:
                nums.append(_mark(n.b, "+", opts), style=INS)
        parts.append(nums)
    if pp.boilerplate or pp.front:
        return Group(*[p if not isinstance(p, Text) else Text(p.plain, style=DIM) for p in parts])
    return Group(*parts)


def _elide(text: str, limit: int) -> tuple[str, str, str]:
    if limit and len(text) > limit:
        keep = limit // 3
        return text[:keep], f" …({len(text) - 2 * keep} unchanged characters)… ", text[-keep:]
    return text, "", ""


def _inline(pp: ParagraphPair, opts: ViewOptions) -> Text:
    t = Text()
    numbers = {n.a for n in pp.numbers} | {n.b for n in pp.numbers}
    for op in pp.diff:
        if op.op == "=":
            head, gap, tail = _elide(op.text, opts.elide)
            t.append(head)
            if gap:
                t.append(gap, style=DIM)
                t.append(tail)
        elif op.op == "-":
            t.append(_mark(op.text, "-", opts), style=DEL + (" on grey11" if any(n in op.text for n in numbers) else ""))
        else:
            t.append(_mark(op.text, "+", opts), style=INS + (" underline" if any(n in op.text for n in numbers) else ""))
    return t


def _mark(text: str, op: str, opts: ViewOptions) -> str:
    if not opts.markers:
        return text
    return f"[-{text}-]" if op == "-" else f"{{+{text}+}}"


def _equal_share(pp: ParagraphPair) -> float:
    same = sum(len(op.text) for op in pp.diff if op.op == "=")
    longer = max(sum(len(op.text) for op in pp.diff if op.op != "+"),
                 sum(len(op.text) for op in pp.diff if op.op != "-"))
    return same / longer if longer else 1.0


def _stacked(pp: ParagraphPair, opts: ViewOptions) -> list[RenderableType]:
    """A rewritten paragraph: old and new one above the other, each with its own changes
    marked, instead of an inline diff that interleaves two different texts."""
    old, new = Text("old│", style="bold red"), Text("new│", style="bold green")
    for op in pp.diff:
        if op.op in ("=", "-"):
            old.append(_mark(op.text, op.op, opts) if op.op == "-" else op.text, style="red" if op.op == "-" else "")
        if op.op in ("=", "+"):
            new.append(_mark(op.text, op.op, opts) if op.op == "+" else op.text, style="green" if op.op == "+" else "")
    return [Padding(old, (0, 0, 0, 2)), Padding(new, (0, 0, 0, 2))]


def _side_by_side(pp: ParagraphPair, opts: ViewOptions) -> Table:
    left, right = Text(), Text()
    for op in pp.diff:
        if op.op == "=":
            head, gap, tail = _elide(op.text, opts.elide)
            for side in (left, right):
                side.append(head)
                if gap:
                    side.append(gap, style=DIM)
                    side.append(tail)
        elif op.op == "-":
            left.append(_mark(op.text, "-", opts), style=DEL)
        else:
            right.append(_mark(op.text, "+", opts), style=INS)
    t = Table(show_header=False, box=None, padding=(0, 1), expand=True)
    t.add_column(ratio=1)
    t.add_column(ratio=1)
    t.add_row(left, right)
    return t
