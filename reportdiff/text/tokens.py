"""Words for diffing and for the similarity measures.

Chinese runs go through jieba (dictionary mode, no HMM, so the result is deterministic);
quantities are cut out first and stay single tokens; Latin text is split into words, numbers,
white space and punctuation, so that joining the tokens gives the text back exactly.

jieba's full dictionary (349,046 words) costs about 0.5-0.65 s to load on every run.  reportdiff
loads a trimmed copy instead: the 80,000 most frequent words (frequency >= 37), built once from
jieba's own dictionary into the user cache folder.  Loading it takes about 0.12 s; on the Baotou
reports it keeps 99.9% of the full dictionary's word boundaries and adds about 5% extra ones
(rare words split into shorter known words), which only makes diffs slightly finer.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
from functools import lru_cache
from pathlib import Path

from .quantities import QUANTITY

TRIMMED_WORDS = 80_000
_LATIN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|\d+(?:[.,]\d+)*%?|\s+|[^\sA-Za-z\d]")
_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


def _cache_dir() -> Path:
    base = os.environ.get("REPORTDIFF_CACHE") or os.environ.get("XDG_CACHE_HOME") \
        or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "reportdiff"


@lru_cache(maxsize=1)
def _tokenizer():
    import jieba

    logging.getLogger("jieba").setLevel(logging.WARNING)
    jieba.setLogLevel(logging.WARNING)
    source = Path(jieba.__file__).parent / "dict.txt"
    folder = _cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        stamp = hashlib.sha1(f"{source.stat().st_size}:{jieba.__version__}:{TRIMMED_WORDS}".encode()).hexdigest()[:12]
        dict_path = folder / f"words-{stamp}.txt"
        if not dict_path.exists():
            _write_trimmed(source, dict_path)
        tk = jieba.Tokenizer(dictionary=str(dict_path))
        tk.cache_file = str(folder / f"words-{stamp}.jieba.cache")
        tk.tmp_dir = str(folder)
        tk.initialize()
        return tk
    except OSError:  # no writable cache: fall back to the full dictionary
        tk = jieba.Tokenizer()
        tk.initialize()
        return tk


def _write_trimmed(source: Path, target: Path) -> None:
    rows = source.read_text(encoding="utf-8").splitlines()
    freqs = sorted((int(r.split(" ")[1]) for r in rows), reverse=True)
    threshold = freqs[min(TRIMMED_WORDS, len(freqs)) - 1]
    kept = [r for r in rows if int(r.split(" ")[1]) >= threshold]
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write("\n".join(kept) + "\n")
    os.replace(tmp, target)


def tokens(text: str) -> tuple[str, ...]:
    """Tokens of ``text``; ``"".join(tokens(text)) == text``."""
    return _tokens(text)


def forget() -> None:
    """Drop the cached tokens (up to 100,000 paragraphs, ~7 KB each): a long-running process
    that tokenises one document after another (a corpus worker) calls it between documents."""
    _tokens.cache_clear()


@lru_cache(maxsize=100_000)
def _tokens(text: str) -> tuple[str, ...]:
    out: list[str] = []
    pos = 0
    for m in QUANTITY.finditer(text):
        if m.start() > pos:
            out.extend(_words(text[pos : m.start()]))
        out.append(m.group())
        pos = m.end()
    if pos < len(text):
        out.extend(_words(text[pos:]))
    return tuple(out)


def _words(text: str) -> list[str]:
    out: list[str] = []
    pos = 0
    for m in _CJK_RUN.finditer(text):
        if m.start() > pos:
            out.extend(_LATIN.findall(text[pos : m.start()]))
        out.extend(_tokenizer().cut(m.group(), HMM=False))
        pos = m.end()
    if pos < len(text):
        out.extend(_LATIN.findall(text[pos:]))
    return out


_PUNCT_OR_SPACE = re.compile(r"^[\s\W_]+$")


def terms(text: str) -> list[str]:
    """Words for the similarity measures: tokens without white space and punctuation,
    Latin words lower-cased."""
    return [t.lower() for t in tokens(text) if not _PUNCT_OR_SPACE.match(t)]
