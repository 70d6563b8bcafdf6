"""Repeated passages for the terminal: each group's draft passage as plain text with its place,
then the other places with their tokens highlighted against the part of it they repeat."""

from __future__ import annotations

from collections import Counter

from rich.console import Group
from rich.padding import Padding
from rich.text import Text

from .safe import printable

LABELS = {"same": "same", "near": "near", "template": "same template, other figures"}
PLACES = 12  # places shown per group besides the draft's passage
DEL = "red strike"
INS = "bold green"


def dupes_view(result, limit: int = 50, markers: bool = False) -> Group:
    parts: list = []
    q = result.queries
    refs = len(result.documents) - q
    templates = sum(1 for g in result.groups if g.kind == "template")
    parts.append(Text(f"{q} document(s) checked" + (f" against {refs} reference document(s)" if refs else "")
                      + f": {len(result.groups)} group(s) about passages of the checked document(s), "
                      + f"{len(result.groups) - templates} repeated passage(s) and {templates} template match(es)",
                      style="bold"))
    parts.append(Text("each group: the draft's passage, then every other place with a word diff against the part "
                      "of it that the place repeats; template: the same wording around other figures", style="dim"))
    for c in result.copies:
        doc = result.documents[c.doc]
        parts.append(Text(f"copies: {printable(doc.path)} holds {c.count} copies of one document, at lines "
                          + ", ".join(str(s) for s in c.lines), style="yellow"))
    for note in result.notes:  # pairs not compared (bounded work on very repetitive text)
        parts.append(Text(f"note: {printable(note)}", style="yellow"))
    for n, g in enumerate(result.groups[:limit], start=1):
        head = Text(f"\n#{n}  {g.chars} chars  ", style="bold")
        head.append("template" if g.kind == "template" else "passage", style="magenta" if g.kind == "template" else "")
        head.append("  ")
        head.append("exact" if g.exact else f"near {g.similarity:.2f}", style="green" if g.exact else "yellow")
        head.append(f"  {len(g.occurrences)} places", style="dim")
        parts.append(head)
        shared = Counter((o.doc, o.lines) for o in g.occurrences)
        # the draft's passage, then the places repeating most of it (the fullest, most similar first)
        others = sorted((k for k in range(len(g.occurrences)) if k != g.base),
                        key=lambda k: (-(g.against[k][2] - g.against[k][1]), -g.scores[k], g.occurrences[k].doc,
                                       g.occurrences[k].start))
        order = [g.base] + others[:PLACES]
        for k in order:
            o, diff = g.occurrences[k], g.diff(k)
            doc = result.documents[o.doc]
            where = f"{printable(doc.path)}:{o.lines}"
            if shared[(o.doc, o.lines)] > 1:  # two places in one paragraph: say where in it
                where += f" (characters {o.start - _para_start(doc, o)}+{len(o.text)})"
            if k == g.base:
                parts.append(Text(f"  draft's passage  {where}", style="bold cyan"))
                parts.append(Padding(Text(o.text.replace("\n", " ¶ ")), (0, 0, 0, 4)))
                continue
            role = "draft" if o.doc < q else "reference"
            label = LABELS[g.matches[k]] + ("" if g.matches[k] == "same" else f" {g.scores[k]:.2f}")
            w, a, b = g.against[k]
            whole = w == g.base and a == 0 and b == len(g.draft.text)
            line = Text(f"  {where}  ({role}, {label}", style="cyan")
            line.append(")" if whole else f", against characters {a + 1}-{b} of the draft's passage)")
            parts.append(line)
            body = Text()
            for op in diff:
                if op.op == "=":
                    body.append(op.text.replace("\n", " ¶ "))
                elif op.op == "+":
                    body.append(f"{{+{op.text}+}}" if markers else op.text, style=INS)
                else:
                    body.append(f"[-{op.text}-]" if markers else op.text, style=DEL)
            parts.append(Padding(body, (0, 0, 0, 4)))
        if len(others) > PLACES:
            parts.append(Text(f"  … {len(others) - PLACES} more places repeat parts of it "
                              "(--format json or html lists them all)", style="dim"))
    if len(result.groups) > limit:
        parts.append(Text(f"\n… {len(result.groups) - limit} more groups (use --limit or --format json)", style="dim"))
    return Group(*parts)


def _para_start(doc, o) -> int:
    """Stream offset of the paragraph where occurrence ``o`` starts."""
    pos = 0
    for p in doc.paragraphs:
        if pos + len(p.text) >= o.start:
            return pos
        pos += len(p.text) + 1
    return pos
