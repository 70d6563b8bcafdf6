"""Word-level diff of two texts.

Both texts are cut into tokens (``tokens.tokens``: jieba words, whole quantities, Latin
words); every distinct token is mapped to one private-use code point; rapidfuzz's
``Indel.opcodes`` gives an exact longest-common-subsequence diff of the two code-point strings
(bit-parallel, O(N·M/64), in C++: diff-match-patch's pure-Python ``diff_main`` was 5-10 times
slower on the Baotou reports); diff-match-patch's ``diff_cleanupSemantic`` then merges the tiny
equalities that make a diff unreadable (skipped past 20,000 operations); the code points are
mapped back.  Joining the ``=`` and ``-`` texts gives the old text exactly, joining the ``=``
and ``+`` texts the new one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from diff_match_patch import diff_match_patch
from rapidfuzz.distance import Indel

from .tokens import tokens

_PUA_START = 0xF0000  # supplementary private use area A: 65,534 code points, plus area B


_MAX_CLEANUP_OPS = 20_000


@dataclass(frozen=True)
class DiffOp:
    op: Literal["=", "-", "+"]
    text: str


def word_diff(a: str, b: str) -> tuple[DiffOp, ...]:
    if a == b:
        return (DiffOp("=", a),) if a else ()
    ta, tb = tokens(a), tokens(b)
    code: dict[str, str] = {}

    def encode(seq: tuple[str, ...]) -> str:
        out = []
        for t in seq:
            c = code.get(t)
            if c is None:
                c = chr(_PUA_START + len(code)) if len(code) < 65534 else chr(0x100000 + len(code) - 65534)
                code[t] = c
            out.append(c)
        return "".join(out)

    ca, cb = encode(ta), encode(tb)
    diffs: list[tuple[int, str]] = []
    for tag, i1, i2, j1, j2 in Indel.opcodes(ca, cb):
        if tag == "equal":
            diffs.append((0, ca[i1:i2]))
            continue
        if i2 > i1:
            diffs.append((-1, ca[i1:i2]))
        if j2 > j1:
            diffs.append((1, cb[j1:j2]))
    if len(diffs) < _MAX_CLEANUP_OPS:
        diff_match_patch().diff_cleanupSemantic(diffs)
    table = {ord(c): t for t, c in code.items()}
    return _merge([({0: "=", -1: "-", 1: "+"}[kind], chunk.translate(table)) for kind, chunk in diffs])


def _merge(ops: list[tuple[str, str]]) -> tuple[DiffOp, ...]:
    """Adjacent runs of the same kind become one; deletions come before insertions."""
    out: list[list[str]] = []
    for op, text in ops:
        if not text:
            continue
        if out and out[-1][0] == op:
            out[-1][1] += text
        else:
            out.append([op, text])
    # put "-" before "+" within each change hunk, so renderers show old then new
    result: list[DiffOp] = []
    k = 0
    while k < len(out):
        if out[k][0] == "=":
            result.append(DiffOp("=", out[k][1]))
            k += 1
            continue
        dels, ins = [], []
        while k < len(out) and out[k][0] != "=":
            (dels if out[k][0] == "-" else ins).append(out[k][1])
            k += 1
        if dels:
            result.append(DiffOp("-", "".join(dels)))
        if ins:
            result.append(DiffOp("+", "".join(ins)))
    return tuple(result)


def old_text(ops: tuple[DiffOp, ...]) -> str:
    return "".join(o.text for o in ops if o.op != "+")


def new_text(ops: tuple[DiffOp, ...]) -> str:
    return "".join(o.text for o in ops if o.op != "-")
