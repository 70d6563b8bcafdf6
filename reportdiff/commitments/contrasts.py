"""Groups a measure is for that name different measures: the residents' medical insurance is
not the employees' (居民医保 / 职工医保), the towns' income or jobs not the countryside's; and
sums that are not their parts (工农业总产值 is neither 工业 nor 农业总产值)."""

from __future__ import annotations

import re

_CONTRASTS = (("居民", "职工"), ("城镇", "农村"), ("城市", "农村"))


def other_group(commitment: str, clause: str) -> bool:
    """Whether ``clause`` names only the other group of a contrast the commitment names one side
    of, for the same thing (the two characters after the group: 居民医保…补助标准再提高30元 is not
    followed by 阶段性降低职工医保和失业保险费率; 城镇居民自治 may be by 完善企业职工民主管理制度)."""
    return any(mine in commitment and other not in commitment and mine not in clause
               and any(clause[i + len(other):i + len(other) + 2] in _after(mine, commitment) for i in _at(other, clause))
               for a, b in _CONTRASTS for mine, other in ((a, b), (b, a)))


def _at(word: str, text: str) -> list[int]:
    return [m.start() for m in re.finditer(word, text)]


def _after(word: str, text: str) -> set[str]:
    return {text[i + len(word):i + len(word) + 2] for i in _at(word, text)} - {""}


# Two sectors named as one word, whose figure is their sum (工农业总产值, 进出口总额)
_SUMS = {"工农业": ("工业", "农业"), "进出口": ("进口", "出口")}


def sum_only(words: tuple[str, ...], text: str) -> bool:
    """Whether ``text`` names a part of a key's thing (its character pairs ``words``: 工业 of
    工业总产值) only inside the word for the sum of both parts (工农业总产值): the figure there is
    not the part's."""
    return any(whole in text and whole[:2] not in words
               and any(part in words and part not in text.replace(whole, "") for part in parts)
               for whole, parts in _SUMS.items())
