"""Region names grouped over a corpus (``ingest.metadata.canonical_regions``): each distinct
name is checked only against the keys that end in its own innermost unit.  That shortcut must
give what checking every key gives (the rule ``same_region`` needs the innermost units equal)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff.ingest.metadata import (
    canonical_regions,
    region_key,
    region_units,
    same_region,
)

UNITS = ["内蒙古", "内蒙古自治区", "包头市", "呼和浩特市", "东河区", "昆都仑区", "新疆", "吉林市", "吉林省",
         "浙江省", "杭州市", "西湖区", "四川省", "成都市", "锦江区", "全国", "香港特别行政区"]


def _every_key(names: list[str]) -> dict[str, str]:
    """The rule checked against every key, for every name (the way it was written first)."""
    keys = sorted({region_key(n) for n in names if n}, key=lambda k: (-len(region_units(k)), k))
    out = {}
    for n in names:
        if n:
            fuller = [k for k in keys if same_region(n, k) and len(region_units(k)) >= len(region_units(n))]
            longest = [k for k in fuller if len(region_units(k)) == len(region_units(fuller[0]))] if fuller else []
            out[n] = longest[0] if len(longest) == 1 else region_key(n)
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(UNITS), min_size=0, max_size=3).map("".join), max_size=25))
def test_the_innermost_unit_index_gives_what_every_key_gives(names):
    assert canonical_regions(names) == _every_key(names)


def test_a_district_named_with_and_without_its_city_is_one_region():
    out = canonical_regions(["包头市东河区", "东河区", "呼和浩特市", "内蒙古包头市", "包头市", "新疆", ""])
    assert out["东河区"] == out["包头市东河区"] == "包头市东河区"
    assert out["包头市"] == out["内蒙古包头市"] == "内蒙古自治区包头市"
    assert out["新疆"] == "新疆维吾尔自治区" and "" not in out
