"""Step 3b of the passage search: where a region's growth resumes past an edit (``_resume``)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff.passages.extension import RESUME, STEP, _resume


def _by_definition(ta: str, tb: str, a: int, b: int, way: int, fa: int, fb: int):
    """The skip (i, j), 1 <= i + j, i and j at most STEP, past which RESUME characters of both
    texts agree, least by i + j and then by i; None when there is none."""
    agreeing = []
    for i in range(STEP + 1):
        for j in range(STEP + 1):
            if i + j == 0:
                continue
            if way > 0:
                x, y = ta[a + i: a + i + RESUME], tb[b + j: b + j + RESUME]
                if len(x) == RESUME and x == y:
                    agreeing.append((i + j, i, j))
            elif a - i - RESUME >= fa and b - j - RESUME >= fb \
                    and ta[a - i - RESUME: a - i] == tb[b - j - RESUME: b - j]:
                agreeing.append((i + j, i, j))
    return (min(agreeing)[1], min(agreeing)[2]) if agreeing else None


@settings(max_examples=3000, deadline=None)
@given(st.text("ab", max_size=18), st.text("abc", max_size=18), st.integers(0, 18), st.integers(0, 18),
       st.sampled_from((1, -1)), st.integers(0, 18), st.integers(0, 18))
def test_the_least_agreeing_skip_is_found(ta, tb, a, b, way, fa, fb):
    a, b = min(a, len(ta)), min(b, len(tb))
    fa, fb = min(fa, a), min(fb, b)
    assert _resume(ta, tb, a, b, way, fa, fb) == _by_definition(ta, tb, a, b, way, fa, fb)


def test_a_changed_character_is_stepped_over():
    # a changed character: both sides skip one; an inserted one: only the side that has it
    assert _resume("我们要加快推进高质量发展", "我们要加速推进高质量发展", 4, 4, 1) == (1, 1)
    assert _resume("我们要加快推进高质量发展", "我们要加快大力推进高质量发展", 5, 5, 1) == (0, 2)
    assert _resume("各地区各部门要加快推进", "各地区各部门要加速推进", 9, 9, -1) == (1, 1)
    assert _resume("我们要加快推进高质量发展", "我们要加速推进高质量发展", 5, 5, -1) is None  # too near the start
