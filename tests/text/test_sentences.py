"""Sentences of English text (issue #17, session 32)."""

from __future__ import annotations

from reportdiff.text.sentences import split_sentences


def test_an_english_sentence_may_end_with_a_number():
    """``… the Development Blueprint for Hong Kong's Tourism Industry released in 2017. I will
    allocate an additional sum of around $353 million …`` (HK 2019-20) was one sentence: a full
    stop after a digit ended no sentence.  It does now, unless the number is a list's numbering
    (it opens the sentence or follows a stop in it)."""
    assert split_sentences("It was released in 2017. I will allocate $353 million.") == (
        "It was released in 2017. ", "I will allocate $353 million.")
    assert split_sentences("We built 1 700. We will add more.") == ("We built 1 700. ", "We will add more.")
    assert split_sentences("1. The first. 2. The second.") == ("1. The first. 2. The second.",)
    assert split_sentences("(b) 2. Then go.") == ("(b) 2. Then go.",)
    assert split_sentences("It cost $2.5 billion. Next.") == ("It cost $2.5 billion. ", "Next.")
