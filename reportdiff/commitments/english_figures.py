"""The figures of an English clause (``english`` reads its targets, ``english_followup`` and
``english_evidence`` its follow-ups' figures): money in ``<currency> million``, and a count followed by a
unit of area or length read in that unit."""

from __future__ import annotations

import re
from dataclasses import replace

from ..ingest.headings import PARAGRAPH_NUMBER
from ..text import patterns
from ..text.quantities import Quantity, read_quantities


_MONEY_SCALE = {"million": 1.0, "billion": 1000.0, "trillion": 1e6, "": 1e-6}


def normal_quantity(q: Quantity) -> tuple[float | tuple[float, float] | None, str]:
    """(value, unit) with money in ``<currency> million`` (``£850,000`` → 0.85 ``£ million``)."""
    m = re.match(r"^(HK\$|US\$|RMB|\$|£|€)\s*(million|billion|trillion)?$", q.unit)
    if not m:
        return q.value, q.unit
    f = _MONEY_SCALE[m.group(2) or ""]
    v = q.value
    v = (round(v[0] * f, 6), round(v[1] * f, 6)) if isinstance(v, tuple) else (round(v * f, 6) if v is not None else None)
    return v, f"{m.group(1)} million"


def figures(text: str) -> list[Quantity]:
    """The figures of an English clause, without a measure used as an adjective (the 1 000-hectare
    islands, the 10-year Hospital Development Plan): that is part of a name, not a quantity; nor
    a paragraph's number.  A count followed by a unit of area or length (``180 000 square metres``,
    ``35 hectares``, ``34 kilometres``) takes that unit (``MEASURE_UNITS``), its raw text and end running on to it."""
    number = PARAGRAPH_NUMBER.match(text)  # at the start of its first sentence: no figure
    return [_measured(q, text) for q in read_quantities(text) if q.value is not None
            and not re.match(r"-[a-z]", text[q.end:q.end + 2], re.I) and not (number and q.start < number.end())]


# units of area and length, as the speeches write them, and the unit each is read as
MEASURE_UNITS = {"square metres": "square metres", "square metre": "square metres", "sq m": "square metres",
                 "hectares": "hectares", "hectare": "hectares", "kilometres": "kilometres", "kilometre": "kilometres",
                 "km": "kilometres"}
MEASURED = frozenset(MEASURE_UNITS.values())  # square metres, hectares, kilometres
_MEASURE_UNIT = patterns.compile(r"\s*(" + "|".join(sorted(MEASURE_UNITS, key=len, reverse=True)) + r")\b", re.I)


def _measured(q: Quantity, text: str) -> Quantity:
    m = _MEASURE_UNIT.match(text, q.end) if q.unit == "" else None
    return replace(q, raw=text[q.start:m.end()].strip(), unit=MEASURE_UNITS[" ".join(m.group(1).lower().split())],
                   end=m.end()) if m else q
