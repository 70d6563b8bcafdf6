"""One options object, passed down through every stage."""

from __future__ import annotations

from dataclasses import dataclass, replace

SECTION_THRESHOLD = 0.30  # a section pair below this score is not a match
PARAGRAPH_THRESHOLD = 0.45  # a paragraph pair below this is added + removed
MOVE_THRESHOLD = 0.60  # an out-of-order pair must score this to count as moved
MAX_CHARS = 3_000_000  # larger files and documents are refused (bounded time and memory)
# Each command bounds its own work (docs/hardening.md, "Near-linear paths"): the longest real
# report read so far has 135,000 characters; pathological inputs (only headings, near-duplicate
# sentences, target lines) grow faster than linearly past these sizes.
COMPARE_MAX_CHARS = 1_000_000  # compare and dupes: characters per file (and per loaded document)
PROMISES_MAX_CHARS = 300_000  # promises: characters per file
MIN_CHARS = 15  # the shortest passage dupes and boilerplate report, and an archive's default
REUSE_MIN_CHARS = 30  # the shortest passage the corpus reports as reuse between regions
SHINGLE = 8  # characters per shingle for fingerprints (dupes, boilerplate, the archive, the corpus)


@dataclass(frozen=True)
class Options:
    encoding: str | None = None  # None: detect
    fold_width: bool = True  # full-/half-width punctuation and spacing are not changes
    document: str | None = None  # which document of a multi-document file: "2" or a title
    # alignment
    section_threshold: float = SECTION_THRESHOLD
    paragraph_threshold: float = PARAGRAPH_THRESHOLD
    move_threshold: float = MOVE_THRESHOLD
    max_chars: int = MAX_CHARS
    boilerplate: str = ""  # profile path; "" the built-in profile; "none" no flagging


def within(options: Options, limit: int) -> Options:
    """``options`` with ``max_chars`` at most ``limit``: a command's own bound on its input."""
    return replace(options, max_chars=min(options.max_chars, limit))
