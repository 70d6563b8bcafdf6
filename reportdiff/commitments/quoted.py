"""A task followed by the quoted name in its object (“千万工程”经验 → a clause naming “千万工程”):
a quoted name is the programme's own name, the rest of the object may be worded differently."""

from __future__ import annotations

from ..text import patterns
from .indicator_names import PLAN_PERIOD
from .keys import normal

_QUOTED = patterns.compile(r"“([^”]{2,20})”")


# A quoted plan period (“十三五”) names no programme: every measure of those years shares it; nor
# does a quoted name that qualifies another thing after it (“双创”示范基地, “走出去”的政策措施).
_PERIOD = patterns.compile(PLAN_PERIOD)
_QUALIFIES = patterns.compile(r"的|(?:示范)?基地|时期|期间|规划")


def quoted_clause(obj: str, index, part: str, allowed) -> int | None:
    """The first clause of ``part`` of the follow-up index ``index`` (of those ``allowed``) naming
    one of the quoted names of a task's object (“千万工程”经验 → a clause holding “千万工程”, or
    千万工程 without quotes: ``_BARE``; not a plan period, ``_PERIOD``, nor a name that qualifies
    another thing, ``_QUALIFIES``)."""
    text = normal(obj)
    for name in _QUOTED.findall(text):
        quoted = f"“{name}”"
        if _PERIOD.fullmatch(name) or _QUALIFIES.match(text, text.index(quoted) + len(quoted)):
            continue  # “十三五”规划…, “双创”示范基地, “走出去”的政策措施: not the programme's own name
        for form in (quoted, name) if len(name) >= _BARE else (quoted,):
            for k in index.clauses_of(form, part):
                if allowed(index.sts[k]) and (form == quoted or _bare(name, index.texts[k])):
                    return k
    return None


def _bare(name: str, text: str) -> bool:
    """Whether ``text`` names ``name`` without quotes, as itself: not inside another quoted name
    (“百千万工程” is not “千万工程”) nor right after one that qualifies it (“疏整促”组合拳 is not
    政策“组合拳”)."""
    pos = text.find(name)
    while pos >= 0:
        inside = text.rfind("“", 0, pos) > text.rfind("”", 0, pos)
        if not inside and not text[:pos].endswith("”"):
            return True
        pos = text.find(name, pos + 1)
    return False


# a quoted name of this many characters or more is also followed without its quotes (“好房子” → 推进好房子建设:
# a name is quoted while it is new); a shorter one only quoted (两新 is too likely a part of other words)
_BARE = 3
