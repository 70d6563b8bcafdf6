"""The regular-expression and table versions of the character counts equal the plain
per-character definitions on every code point."""

from __future__ import annotations

import unicodedata

import pytest

from reportdiff.text.characters import (
    cjk_count,
    cjk_share,
    display_width,
    is_cjk,
    is_ideograph,
)

BLOCKS = [(0x20, 0x3000), (0x3000, 0xA000), (0xA000, 0x32000)]


def _text(block):
    return "".join(chr(c) for c in range(*block) if not 0xD800 <= c <= 0xDFFF)


@pytest.mark.parametrize("block", BLOCKS)
def test_display_width_is_two_columns_per_wide_character(block):
    text = _text(block)
    assert display_width(text) == sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    assert display_width(text) == display_width(text)  # the second call reads the filled table


@pytest.mark.parametrize("block", BLOCKS)
def test_cjk_share_counts_ideographs_among_letters(block):
    text = _text(block) + "abc"
    letters = [c for c in text if c.isalpha()]
    assert cjk_share(text) == sum(1 for c in letters if is_ideograph(c)) / len(letters)


def test_cjk_share_of_real_text_and_no_letters():
    assert cjk_share("") == 0.0 and cjk_share("123，。") == 0.0
    assert cjk_share("包头市GDP增长5%") == 5 / 8


@pytest.mark.parametrize("block", BLOCKS)
def test_cjk_count_equals_counting_is_cjk(block):
    text = _text(block)
    assert cjk_count(text) == sum(1 for c in text if is_cjk(c))
