"""Words for diffing and for the similarity measures.

Chinese runs are cut in jieba's dictionary mode (no HMM, so the result is deterministic);
quantities are cut out first and stay single tokens; Latin text is split into words, numbers,
white space and punctuation, so that joining the tokens gives the text back exactly.

The dictionary: jieba's full one (349,046 words) costs 0.5-0.65 s to load into jieba.  reportdiff
uses a trimmed copy instead: the 80,000 most frequent words (frequency >= 37), built once from
jieba's own dictionary into the user cache folder; on the Baotou reports it keeps 99.9% of the
full dictionary's word boundaries and adds about 5% extra ones (rare words split into shorter
known words), which only makes diffs slightly finer.

The cutting: jieba-rs (``rjieba``), jieba's algorithm in Rust (the same prefix DAG and
maximum-probability route), fed the same trimmed dictionary.  Its cuts equal jieba's on every
paragraph of the corpus (``benchmarks/check_rjieba.py``); it cuts about 10 times as fast, and
jieba itself is not imported (its import loads the HMM tables, unused in dictionary mode).
``reference_cutter`` is jieba over the same dictionary, which the tests compare against.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import marshal
import sys
import zlib
from collections import deque
from functools import lru_cache, partial
from itertools import repeat, starmap
from pathlib import Path

from ..cachefolder import cache_dir, keep, write
from . import patterns
from .quantities import QUANTITY

TRIMMED_WORDS = 80_000
_LATIN = patterns.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|\d+(?:[.,]\d+)*%?|\s+|[^\sA-Za-z\d]")
_CJK_RUN = patterns.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


def jieba_dictionary() -> Path:
    """jieba's own dictionary file (dict.txt), found without importing jieba (its import loads
    the HMM tables, which dictionary mode never uses)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("jieba is not installed: pip install jieba")
    return Path(next(iter(spec.submodule_search_locations))) / "dict.txt"


def trimmed_dictionary() -> Path:
    """The trimmed dictionary (the ``TRIMMED_WORDS`` most frequent words of jieba's, in its
    format ``word freq tag``), built once into the cache folder; OSError if it cannot be."""
    source = jieba_dictionary()
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    st = source.stat()
    # a cache key, not a secret: CRC-32 (hashlib's import loads OpenSSL, 2.5 ms of every run)
    stamp = f"{zlib.crc32(f'{st.st_size}:{st.st_mtime_ns}:{TRIMMED_WORDS}'.encode()):08x}"
    path = folder / f"words-{stamp}.txt"
    if not path.exists():
        _write_trimmed(source, path)
    return path


@lru_cache(maxsize=1)
def _segmenter():
    """``cut(run) -> list of words`` in jieba's dictionary mode (no HMM) over the trimmed
    dictionary: jieba-rs (``rjieba``), the same DAG and maximum-probability route as jieba,
    about 10 times as fast; ``reference_cutter`` is jieba itself, which the tests compare it to."""
    words, freqs = _word_list()
    seg = _rjieba().Jieba.empty()
    # (tags only matter to part-of-speech tagging, which reportdiff does not use)
    deque(starmap(seg.add_word, zip(words, freqs, repeat(None))), maxlen=0)
    return partial(seg.cut, hmm=False)


def _word_list() -> tuple[list[str], list[int]]:
    """Words and frequencies of the trimmed dictionary, read from a marshal copy kept next to it
    (parsing the 80,000 text lines took three times as long as feeding them to jieba-rs; the
    words are kept as one string, split when read: 30% faster than unmarshalling 80,000 strings);
    jieba's full dictionary when the cache folder cannot be written."""
    try:
        text_path = trimmed_dictionary()
    except OSError:
        return _parse(jieba_dictionary().read_text(encoding="utf-8"))
    path = text_path.with_suffix(f".py{sys.version_info[0]}{sys.version_info[1]}.marshal")
    try:
        joined, freqs = marshal.loads(path.read_bytes())
        if isinstance(joined, str) and isinstance(freqs, list):
            words = joined.split("\n")
            if len(words) == len(freqs):
                return words, freqs
    except (OSError, ValueError, EOFError, TypeError):
        pass
    words, freqs = _parse(text_path.read_text(encoding="utf-8"))
    keep(path, marshal.dumps(("\n".join(words), freqs)))
    return words, freqs


def dictionary() -> Path:
    """The dictionary file the cutting uses (``word freq tag`` rows): the trimmed one, else
    jieba's full one when the cache folder cannot be written."""
    try:
        return trimmed_dictionary()
    except OSError:
        return jieba_dictionary()


@lru_cache(maxsize=1)
def frequencies() -> dict[str, int]:
    """Each dictionary word's frequency."""
    return dict(zip(*_word_list()))


def _parse(text: str) -> tuple[list[str], list[int]]:
    rows = [row.split(" ") for row in text.split("\n") if row]
    return [r[0] for r in rows], [int(r[1]) for r in rows]


def _rjieba():
    """rjieba's compiled module without the package's ``__init__``, which builds a second,
    unused segmenter over the full dictionary on import (0.1 s); registered under its own name,
    so a later ``import rjieba`` reuses it."""
    name = "rjieba.rjieba"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec("rjieba")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("rjieba is not installed: pip install rjieba")
    folder = Path(next(iter(spec.submodule_search_locations)))
    suffixes = importlib.machinery.EXTENSION_SUFFIXES
    for so in sorted(folder.glob("rjieba*")):
        if any(so.name.endswith(x) for x in suffixes):
            loader = importlib.machinery.ExtensionFileLoader(name, str(so))
            module_spec = importlib.util.spec_from_file_location(name, so, loader=loader)
            module = importlib.util.module_from_spec(module_spec)
            loader.exec_module(module)
            sys.modules[name] = module
            return module
    import rjieba  # an unusual layout: the ordinary import

    return sys.modules[name] if name in sys.modules else rjieba


@lru_cache(maxsize=1)
def reference_cutter():
    """jieba itself over the same dictionary (the reference the tests check ``_segmenter``
    against): ``cut(run) -> list of words``."""
    import logging

    import jieba

    logging.getLogger("jieba").setLevel(logging.WARNING)
    jieba.setLogLevel(logging.WARNING)
    try:
        path = trimmed_dictionary()
        tk = jieba.Tokenizer(dictionary=str(path))
        tk.cache_file = str(path.with_suffix(".jieba.cache"))
        tk.tmp_dir = str(path.parent)
    except OSError:
        tk = jieba.Tokenizer()
    tk.initialize()
    return lambda run: list(tk.cut(run, HMM=False))


def _write_trimmed(source: Path, target: Path) -> None:
    rows = source.read_text(encoding="utf-8").splitlines()
    freqs = sorted((int(r.split(" ")[1]) for r in rows), reverse=True)
    threshold = freqs[min(TRIMMED_WORDS, len(freqs)) - 1]
    kept = [r for r in rows if int(r.split(" ")[1]) >= threshold]
    write(target, "\n".join(kept) + "\n")


def tokens(text: str) -> tuple[str, ...]:
    """Tokens of ``text``; ``"".join(tokens(text)) == text``."""
    return _tokens(text)


def tokens_once(text: str) -> tuple[str, ...]:
    """``tokens(text)`` without keeping them (a corpus worker tokenises each paragraph once)."""
    return _tokens.__wrapped__(text)


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
        out.extend(_segmenter()(m.group()))
        pos = m.end()
    if pos < len(text):
        out.extend(_LATIN.findall(text[pos:]))
    return out


_PUNCT_OR_SPACE = patterns.compile(r"^[\s\W_]+$")


def term_of(token: str) -> str | None:
    """The term one token gives in ``terms``: None for white space and punctuation."""
    return None if _PUNCT_OR_SPACE.match(token) else token.lower()


def terms(text: str) -> list[str]:
    """Words for the similarity measures: tokens without white space and punctuation,
    Latin words lower-cased."""
    return [t.lower() for t in tokens(text) if not _PUNCT_OR_SPACE.match(t)]
