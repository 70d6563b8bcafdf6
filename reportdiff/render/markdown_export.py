"""A short Markdown summary of a comparison, for an issue, an e-mail or a chat
(``reportdiff OLD NEW -f md``; docs/exports.md, "Tables and summaries").

What it holds, in this order, each part bounded so that the whole stays under ``MAX_CHARS``
(60,000 characters) whatever the reports (about two pages on real pairs):

1. the two documents (file, title, date, size) and the headline figures: similarity,
   paragraph entries by status, section entries by change;
2. the section map: old heading → new heading with the change and the paragraphs changed,
   added and removed under it (at most ``MAX_SECTIONS`` rows, headings cut at ``HEADING``
   characters; the rest counted);
3. the biggest number changes (at most ``MAX_NUMBERS``): figures of one indicator that differ,
   ranked by relative change |b - a| / |a| of their first numbers (figures with no number on
   one side, added or removed indicators after them), with their lines;
4. the most important added and removed passages (at most ``MAX_PASSAGES`` each): ranked by
   length (longest first), boilerplate and title-block lines left out, each cut to ``PASSAGE`` characters with …
   and given with its line range and full length.

Every text from a report is escaped (``md_text``): line breaks become spaces, control
characters a visible ``\\xNN``, and Markdown's active characters (``| \\ ` * _ [ ] < > # ~ & !
$``) get a backslash, so that report text cannot break a table, open a link, emphasis or a code
span, or inject HTML.  (Report text never starts a line here, so block markers such as ``-``
or ``1.`` need no escape.)
"""

from __future__ import annotations

from ..comparison.align import PAIR_STATUSES
from ..text import patterns

MAX_CHARS = 60_000
MAX_SECTIONS = 40
MAX_NUMBERS = 15
MAX_PASSAGES = 6
HEADING = 60  # characters of a heading in the section map
PASSAGE = 180  # characters of a passage
FIELD = 120  # characters of a file name, title or figure

_ACTIVE = patterns.compile(r"([\\`*_\[\]<>|#~&!$])")
_SPACE = patterns.compile(r"\s+")
_FIRST_NUMBER = patterns.compile(r"[-+]?\d+(?:,\d{3})*(?:\.\d+)?")


def cut(text: str, limit: int) -> str:
    """``text`` with its white space collapsed, cut to ``limit`` characters with …"""
    text = _SPACE.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def md_text(text: str, limit: int = FIELD) -> str:
    """Report text made inert in Markdown (see the module's docstring), cut to ``limit``
    characters before the backslashes are added (so at most 2 x ``limit`` in all)."""
    from .safe import printable

    text = cut(printable(_SPACE.sub(" ", text)), limit)
    return _ACTIVE.sub(r"\\\1", text)


def _row(*cells: str) -> str:
    return "| " + " | ".join(c if c else " " for c in cells) + " |"


def summary(c) -> str:
    """The Markdown summary of comparison ``c``."""
    parts = [_head(c), _sections(c), _numbers(c), _passages(c, "added"), _passages(c, "removed"),
             "---\nMade by reportdiff. The whole change list: `reportdiff OLD NEW -f xlsx` (or `-f csv`); "
             "word-level diffs: `-f html`.\n"]
    text = "\n".join(p for p in parts if p)
    if len(text) > MAX_CHARS:  # cannot happen with the bounds above; a last guard all the same
        text = text[: MAX_CHARS - 80].rsplit("\n", 1)[0] + "\n\n…(summary cut at 60,000 characters)\n"
    return text


def _head(c) -> str:
    old, new = c.old, c.new
    lines = [f"# {md_text(old.metadata.title or old.path, 80)} → {md_text(new.metadata.title or new.path, 80)}", "",
             _row("", "old", "new"), _row("---", "---", "---")]
    for label, f in (("file", lambda d: d.path), ("title", lambda d: d.metadata.title or "(untitled)"),
                     ("date", lambda d: d.metadata.date or "—"), ("region", lambda d: d.metadata.region or "—"),
                     ("size", lambda d: f"{len(d.paragraphs):,} paragraphs, {d.chars:,} characters")):
        lines.append(_row(label, md_text(f(old)), md_text(f(new))))
    s = c.similarity
    counts = ", ".join(f"{c.count(k)} {k}" for k in PAIR_STATUSES if c.count(k)) or "none"
    changes = {}
    for sp in c.sections:
        changes[sp.change] = changes.get(sp.change, 0) + 1
    order = ("matched", "renamed", "moved", "added", "removed")
    sections = ", ".join(f"{changes[k]} {k}" for k in order if changes.get(k)) or "no headings"
    lines += ["", "**Headline.** "
              f"Similarity: cosine {s.cosine:.2f}, jaccard {s.jaccard:.2f} (1 = the same words). "
              f"Paragraph entries: {counts}. Sections: {sections}.", ""]
    return "\n".join(lines)


def _sections(c) -> str:
    if not c.sections:
        return "## Section map\n\nNeither report has headings.\n"
    lines = ["## Section map", "", _row("old heading", "new heading", "change", "chg", "add", "del"),
             _row("---", "---", "---", "--:", "--:", "--:")]
    for sp in c.sections[:MAX_SECTIONS]:
        a = _heading(sp.a)
        b = _heading(sp.b)
        change = sp.change if sp.change == "matched" else f"**{sp.change}**"
        lines.append(_row(a, b, change, str(sp.changed or ""), str(sp.added or ""), str(sp.removed or "")))
    if len(c.sections) > MAX_SECTIONS:
        lines += ["", f"…and {len(c.sections) - MAX_SECTIONS:,} more section entries (all of them: `-f xlsx`)."]
    return "\n".join(lines) + "\n"


def _heading(s) -> str:
    if s is None:
        return "—"
    indent = "\u2003" * (s.level - 1)  # em spaces: Markdown keeps them, tables do not collapse them
    return f"{indent}§{s.id} {md_text(s.title, HEADING)}"


def _first_number(text: str) -> float | None:
    m = _FIRST_NUMBER.search(text)
    if not m:
        return None
    try:
        return float(m.group().replace(",", ""))
    except ValueError:
        return None


def _rank(n) -> tuple[int, float]:
    """Sort key: changed figures with numbers on both sides first, by relative change."""
    if n.kind != "changed":
        return (2, 0.0)
    a, b = _first_number(n.a), _first_number(n.b)
    if a is None or b is None:
        return (1, 0.0)
    return (0, -abs(b - a) / max(abs(a), 1e-9))


def _numbers(c) -> str:
    found = [(n, pp) for pp in c.paragraphs for n in pp.numbers]
    if not found:
        return "## Number changes\n\nNo figure of a paired paragraph changed.\n"
    found.sort(key=lambda x: _rank(x[0]))
    lines = [f"## Biggest number changes ({min(len(found), MAX_NUMBERS)} of {len(found):,})", "",
             _row("indicator", "old", "new", "where"), _row("---", "---", "---", "---")]
    from .labels import where

    for n, pp in found[:MAX_NUMBERS]:
        name = md_text(n.indicator or "(unlabelled)", 40) + ("" if n.kind == "changed" else f" ({n.kind})")
        lines.append(_row(name, md_text(n.a, 40) or "—", md_text(n.b, 40) or "—", md_text(where(pp), 60)))
    return "\n".join(lines) + "\n"


def _passages(c, status: str) -> str:
    side = "b" if status == "added" else "a"
    entries = [(k, pp) for k, pp in enumerate(c.paragraphs)
               if pp.status == status and not pp.boilerplate and not pp.front]
    title = f"## Most important {status} passages"
    if not entries:
        return f"{title}\n\nNone{' (boilerplate and title blocks aside)' if c.count(status) else ''}.\n"
    ranked = sorted(entries, key=lambda e: (-sum(len(p.text) for p in getattr(e[1], side)), e[0]))[:MAX_PASSAGES]
    ranked.sort(key=lambda e: e[0])
    lines = [title, "", f"{len(ranked)} of {len(entries):,}, the longest, in reading order.", ""]
    for _, pp in ranked:
        paras = getattr(pp, side)
        text = "".join(p.text for p in paras)
        where = ", ".join(str(p.lines) for p in paras)
        sp = c.section_of(pp)
        s = ((sp.b or sp.a) if side == "b" else (sp.a or sp.b)) if sp else None
        place = f"§{s.id} {md_text(s.title, 30)}" if s else "before the first heading"
        lines.append(f"- {'new' if side == 'b' else 'old'} lines {where} ({place}; {len(text):,} characters): "
                     f"{md_text(text, PASSAGE)}")
    return "\n".join(lines) + "\n"
