"""Text made safe to show: for a terminal (control characters escaped) and for HTML (bidi
controls marked).  Pure functions; the views, the HTML environment and the command line's
error lines use them.

- ``printable(text)``: C0 controls, DEL and C1 controls shown as ``\\x1b``, ``\\n``, ``\\t``,
  ``\\r``, ``\\x9b``, so that a file name holding an escape sequence cannot drive the terminal
  and a name holding a newline stays on one line;
- ``printable_lines(text)``: the same, but line breaks are kept (a multi-line view);
- ``mark_bidi(value)``: the jinja2 ``finalize`` and ``bidi`` filter: a text holding bidi
  override or isolate characters (U+202A-U+202E, U+2066-U+2069) comes back escaped as Markup,
  each such character replaced by a visible marker span.
"""

from __future__ import annotations

import re

from ..text import patterns

_CONTROL = patterns.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_BUT_NEWLINE = patterns.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}
_BIDI = patterns.compile("[\u202a-\u202e\u2066-\u2069]")


def _escape(m: re.Match) -> str:
    c = m.group()
    return _NAMED.get(c) or f"\\x{ord(c):02x}"


def printable(text: str) -> str:
    """``text`` with every control character (C0, DEL, C1) escaped, newlines too."""
    return _CONTROL.sub(_escape, text) if _CONTROL.search(text) else text


def printable_lines(text: str) -> str:
    """``text`` with every control character escaped but the line breaks."""
    return _CONTROL_BUT_NEWLINE.sub(_escape, text) if _CONTROL_BUT_NEWLINE.search(text) else text


def mark_bidi(value):
    """A string holding bidi controls: escaped, each control made a visible marker
    ``<span class="bidi" title="bidi control U+202E">[U+202E]</span>`` (Markup).  Anything else
    unchanged (and escaped later by autoescaping as usual)."""
    from markupsafe import Markup, escape

    if not isinstance(value, str) or isinstance(value, Markup) or not _BIDI.search(value):
        return value
    parts = _BIDI.split(value)
    marks = _BIDI.findall(value)
    out = [escape(parts[0])]
    for mark, part in zip(marks, parts[1:]):
        code = f"U+{ord(mark):04X}"
        out.append(Markup(f'<span class="bidi" title="bidi control {code}">[{code}]</span>'))
        out.append(escape(part))
    return Markup("").join(out)


class Printable:
    """A rich renderable: ``renderable`` rendered as usual, then the control characters left in
    its text escaped (line breaks kept; rich's own control codes and styles untouched).  The
    last guard of every terminal view: a report or a name holding ESC cannot drive the
    terminal, with colour or without."""

    def __init__(self, renderable) -> None:
        self.renderable = renderable

    def __rich_console__(self, console, options):
        from rich.segment import Segment

        for segment in console.render(self.renderable, options):
            text, style, control = segment
            if control or not _CONTROL_BUT_NEWLINE.search(text):
                yield segment
            else:
                yield Segment(printable_lines(text), style, control)


def one_line(text: str) -> str:
    """A formula's text on one line: line breaks as ¶, runs of white space as one space."""
    return " ".join(text.replace("\n", " ¶ ").split())
