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


def test_a_full_stop_whose_space_was_lost_ends_a_sentence():
    """HK budget 2014-15 writes 36 sentence ends without their space (PDF extraction):
    ``… for public housing tenants.Government will pay one month's base rent …``.  The English
    commitments split them in their own pass; now every reader of sentences does (the dupes'
    sentences, the sentence diff of a pair).  Not after a title, a single capital or a
    paragraph's number, and the sentences still join to the text."""
    text = ("(d)paying one month's rent for public housing tenants.Government will pay one month's base rent. "
            "For 2012.9.The US economy grew. Mr.Chan and U.S.Army stay. (e)X")
    got = split_sentences(text)
    assert got[:2] == ("(d)paying one month's rent for public housing tenants.", "Government will pay one month's base rent. ")
    assert got[2:] == ("For 2012.9.The US economy grew. ", "Mr.Chan and U.S.Army stay. (e)X")
    assert "".join(got) == text


def test_a_full_stop_whose_space_was_lost_before_an_acronym_ends_a_sentence():
    """HK budget 2014-15: ``… amounting to over $1billion.SBP policyholders will continue to
    enjoy …`` was one sentence, so the figures of what was done (700 applications, $1 billion)
    became targets of the promise after them.  An acronym after the lost space opens a sentence
    too, but not within a name (``Wi-Fi.HK``)."""
    text = "The value amounted to over $1billion.SBP policyholders will continue to enjoy it. Use Wi-Fi.HK hotspots."
    got = split_sentences(text)
    assert got == ("The value amounted to over $1billion.", "SBP policyholders will continue to enjoy it. ",
                   "Use Wi-Fi.HK hotspots.")
