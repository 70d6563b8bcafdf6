"""Repeated passages for the terminal: each group with its places and its text, differing
tokens highlighted against the group's longest occurrence."""

from __future__ import annotations

from rich.console import Group
from rich.padding import Padding
from rich.text import Text

from .safe import printable

DEL = "red strike"
INS = "bold green"


def dupes_view(result, limit: int = 50, markers: bool = False) -> Group:
    parts: list = []
    q = result.queries
    refs = len(result.documents) - q
    parts.append(Text(f"{q} document(s) checked" + (f" against {refs} reference document(s)" if refs else "")
                      + f": {len(result.groups)} repeated passage group(s)", style="bold"))
    for c in result.copies:
        doc = result.documents[c.doc]
        parts.append(Text(f"copies: {printable(doc.path)} holds {c.count} copies of one document, at lines "
                          + ", ".join(str(s) for s in c.lines), style="yellow"))
    for note in result.notes:  # pairs not compared (bounded work on very repetitive text)
        parts.append(Text(f"note: {printable(note)}", style="yellow"))
    for n, g in enumerate(result.groups[:limit], start=1):
        head = Text(f"\n#{n}  {g.chars} chars  ", style="bold")
        head.append("exact" if g.exact else f"near {g.similarity:.2f}", style="green" if g.exact else "yellow")
        head.append(f"  {len(g.occurrences)} places", style="dim")
        parts.append(head)
        for o, diff in zip(g.occurrences, g.diffs):
            doc = result.documents[o.doc]
            role = "" if o.doc < q else "  (reference)"
            parts.append(Text(f"  {printable(doc.path)}:{o.lines}{role}", style="cyan"))
            body = Text()
            if len(diff) == 1 and diff[0].op == "=":
                body.append(o.text.replace("\n", " ¶ "))
            else:
                for op in diff:
                    if op.op == "=":
                        body.append(op.text.replace("\n", " ¶ "))
                    elif op.op == "+":
                        body.append(f"{{+{op.text}+}}" if markers else op.text, style=INS)
                    else:
                        body.append(f"[-{op.text}-]" if markers else op.text, style=DEL)
            parts.append(Padding(body, (0, 0, 0, 4)))
    if len(result.groups) > limit:
        parts.append(Text(f"\n… {len(result.groups) - limit} more groups (use --limit or --format json)", style="dim"))
    return Group(*parts)
